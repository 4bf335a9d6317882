//! praxis-store: everything Praxis keeps, on SQLite or PostgreSQL through one code path.
//!
//! [`Store`] talks to both databases through `sqlx::AnyPool` with portable SQL; the few
//! differences live in `dialect.rs` and in the per-backend migration folders. Methods are
//! named after intentions and take and return domain types. `sqlx` types never leave this
//! crate. It must not depend on praxis-app, praxis-web, axum or askama.

mod dialect;
mod error;
mod migrate;
pub use crate::migrate::fingerprint as schema_fingerprint;

pub mod account_requests;
pub mod applications;
pub mod certificates;
pub mod coaching;
pub mod commitments;
pub mod directory;
pub mod feedback;
pub mod invitations;
pub mod library;
pub mod members;
pub mod narratives;
pub mod nodes;
pub mod organizations;
pub mod organizing;
pub mod outbox;
pub mod pathways;
pub mod rosters;
pub mod search_changes;
pub mod sessions;
pub mod teams;
pub mod throttle;
pub mod tokens;
pub mod workshop_imports;
pub mod workshops;

use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor as _};

pub use crate::dialect::Backend;
pub use crate::error::{Constraint, StoreError, StoreResult};

/// Where the database is and how many connections to keep.
#[derive(Clone)]
pub struct DatabaseConfig {
    /// `sqlite://path/to/file.db` or `postgres://user:password@host/db`.
    pub url: String,
    /// The most connections to open for reads (and for writes on PostgreSQL).
    pub max_connections: u32,
}

// The URL may carry a password: print it with the password masked.
impl std::fmt::Debug for DatabaseConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DatabaseConfig")
            .field("url", &redact_url(&self.url))
            .field("max_connections", &self.max_connections)
            .finish()
    }
}

/// The URL with any password replaced by `***`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((userinfo, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

/// The handle to the database: cheap to clone, shared by every request.
#[derive(Clone)]
pub struct Store {
    read: AnyPool,
    // SQLite allows one writer at a time; a single-connection pool makes writers queue in
    // the pool instead of failing with SQLITE_BUSY. On PostgreSQL it is the same pool as `read`.
    write: AnyPool,
    backend: Backend,
    // Below this many matches a directory filter drives the search (see directory.rs).
    drive_below: i64,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens the database named by `config` (creating a SQLite file if needed). It does not
    /// migrate: call [`Store::migrate`].
    pub async fn connect(config: &DatabaseConfig) -> StoreResult<Self> {
        install_default_drivers();
        let backend = Backend::from_url(&config.url)
            .ok_or_else(|| StoreError::Other(anyhow::anyhow!("unsupported database URL scheme")))?;
        match backend {
            Backend::Sqlite => {
                let url = dialect::sqlite_url_creating_file(&config.url);
                let write = sqlite_pool(1)
                    .connect(&url)
                    .await
                    .map_err(StoreError::from_sqlx)?;
                let read = sqlite_pool(config.max_connections.max(1))
                    .connect(&url)
                    .await
                    .map_err(StoreError::from_sqlx)?;
                Ok(Self {
                    read,
                    write,
                    backend,
                    drive_below: directory::DRIVE_BELOW,
                })
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(config.max_connections.max(2))
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(&config.url)
                    .await
                    .map_err(StoreError::from_sqlx)?;
                Ok(Self {
                    read: pool.clone(),
                    write: pool,
                    backend,
                    drive_below: directory::DRIVE_BELOW,
                })
            }
        }
    }

    /// The same store with another threshold for letting a rare directory filter drive the
    /// search (tests use it to run both query shapes on small data).
    pub fn with_directory_drive_below(mut self, matches: i64) -> Self {
        self.drive_below = matches;
        self
    }

    /// Which database this store is on.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Applies every migration not yet applied. Safe to run from several processes at once.
    pub async fn migrate(&self) -> StoreResult<usize> {
        migrate::run(&self.write, self.backend).await
    }

    /// Answers whether the database accepts queries (for `/readyz`).
    pub async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1")
            .execute(&self.read)
            .await
            .map(|_| ())
            .map_err(StoreError::from_sqlx)
    }

    /// Closes every connection, waiting for running queries.
    pub async fn close(&self) {
        self.write.close().await;
        self.read.close().await;
    }
}

fn sqlite_pool(max: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                // WAL lets readers work beside the writer; synchronous=FULL makes an
                // acknowledged write survive power loss.
                conn.execute("PRAGMA journal_mode = WAL").await?;
                conn.execute("PRAGMA synchronous = FULL").await?;
                conn.execute("PRAGMA foreign_keys = ON").await?;
                // A deleted row is overwritten in the file, not left in a free page.
                conn.execute("PRAGMA secure_delete = ON").await?;
                conn.execute("PRAGMA busy_timeout = 10000").await?;
                // Reads share the operating system's page cache through a memory map instead
                // of each connection warming its own small cache.
                conn.execute("PRAGMA mmap_size = 1073741824").await?;
                Ok(())
            })
        })
}

/// Hex-encoded SHA-256 of a secret token: the store keeps only this, never the token.
pub fn hash_token(token: &str) -> String {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The error for a stored value this code could not have written (a damaged database).
pub(crate) fn corrupt(what: &'static str) -> StoreError {
    StoreError::Other(anyhow::anyhow!("unexpected stored value in {what}"))
}

/// Helper for reading a BIGINT 0/1 column.
fn flag(value: i64) -> bool {
    value != 0
}

/// Context for errors that are not a row missing or a constraint.
trait Describe<T> {
    fn describe(self, what: &'static str) -> StoreResult<T>;
}

impl<T> Describe<T> for Result<T, sqlx::Error> {
    fn describe(self, what: &'static str) -> StoreResult<T> {
        self.map_err(|e| match StoreError::from_sqlx(e) {
            StoreError::Other(inner) => StoreError::Other(inner.context(what)),
            other => other,
        })
    }
}

fn now_ms() -> i64 {
    praxis_domain::timestamps::Timestamp::from(time::OffsetDateTime::now_utc()).unix_ms()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_in_database_urls_are_masked() {
        assert_eq!(
            redact_url("postgres://praxis:s3cret@db.internal:5432/praxis"),
            "postgres://praxis:***@db.internal:5432/praxis"
        );
        assert_eq!(
            redact_url("sqlite://praxis-data/praxis.db"),
            "sqlite://praxis-data/praxis.db"
        );
        let config = DatabaseConfig {
            url: "postgres://u:pw@h/d".into(),
            max_connections: 4,
        };
        assert!(!format!("{config:?}").contains("pw"));
    }

    #[test]
    fn token_hashes_are_stable_hex() {
        assert_eq!(hash_token("abc").len(), 64);
        assert_eq!(hash_token("abc"), hash_token("abc"));
        assert_ne!(hash_token("abc"), hash_token("abd"));
    }
}
