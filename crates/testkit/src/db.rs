//! Fresh databases for tests: a temporary SQLite file, or a PostgreSQL database copied from
//! a migrated template. Both are removed when the guard drops (`PRAXIS_KEEP_TEST_DB=1`
//! keeps them for debugging).

use praxis_store::{DatabaseConfig, Store, schema_fingerprint};
use sqlx::{AssertSqlSafe, Connection as _};

/// A fresh, migrated database and its store.
pub struct TestDb {
    /// The store over the database.
    pub store: Store,
    /// The database's URL (for running the `praxis` binary against it).
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

fn keep() -> bool {
    std::env::var("PRAXIS_KEEP_TEST_DB").is_ok_and(|v| v == "1")
}

/// True when the suite runs on PostgreSQL.
pub fn on_postgres() -> bool {
    std::env::var("PRAXIS_TEST_BACKEND").is_ok_and(|v| v == "postgres")
}

impl TestDb {
    /// A fresh database on the backend the suite runs on.
    pub async fn new() -> Self {
        if on_postgres() {
            Self::postgres().await
        } else {
            Self::sqlite().await
        }
    }

    async fn sqlite() -> Self {
        let dir =
            std::env::temp_dir().join(format!("praxis-test-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).expect("creating a test directory");
        let url = format!("sqlite://{}", dir.join("praxis.db").display());
        let store = Store::connect(&DatabaseConfig {
            url: url.clone(),
            max_connections: 4,
        })
        .await
        .expect("opening SQLite");
        store.migrate().await.expect("migrating SQLite");
        Self {
            store,
            url,
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    async fn postgres() -> Self {
        sqlx::any::install_default_drivers();
        let admin_url = std::env::var("PRAXIS_TEST_POSTGRES_URL")
            .expect("PRAXIS_TEST_BACKEND=postgres needs PRAXIS_TEST_POSTGRES_URL");
        let template = format!("praxis_tpl_{}", schema_fingerprint());
        let name = format!("praxis_t_{}", uuid::Uuid::now_v7().simple());
        let mut admin = sqlx::AnyConnection::connect(&admin_url)
            .await
            .expect("connecting to PostgreSQL");
        // Tests run as parallel processes: one of them builds the template, the rest wait.
        sqlx::query("SELECT pg_advisory_lock(7243002)")
            .execute(&mut admin)
            .await
            .expect("locking");
        let exists: Option<i32> =
            sqlx::query_scalar("SELECT 1 FROM pg_database WHERE datname = $1")
                .bind(&template)
                .fetch_optional(&mut admin)
                .await
                .expect("looking for the template");
        if exists.is_none() {
            let building = format!("{template}_build");
            let _ = sqlx::query(AssertSqlSafe(format!("DROP DATABASE IF EXISTS {building}")))
                .execute(&mut admin)
                .await;
            sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {building}")))
                .execute(&mut admin)
                .await
                .expect("creating the template");
            let store = Store::connect(&DatabaseConfig {
                url: with_database(&admin_url, &building),
                max_connections: 2,
            })
            .await
            .expect("opening the template");
            store.migrate().await.expect("migrating the template");
            store.close().await;
            sqlx::query(AssertSqlSafe(format!(
                "ALTER DATABASE {building} RENAME TO {template}"
            )))
            .execute(&mut admin)
            .await
            .expect("publishing the template");
        }
        sqlx::query(AssertSqlSafe(format!(
            "CREATE DATABASE {name} TEMPLATE {template}"
        )))
        .execute(&mut admin)
        .await
        .expect("copying the template");
        sqlx::query("SELECT pg_advisory_unlock(7243002)")
            .execute(&mut admin)
            .await
            .expect("unlocking");
        let _ = admin.close().await;
        let url = with_database(&admin_url, &name);
        let store = Store::connect(&DatabaseConfig {
            url: url.clone(),
            max_connections: 4,
        })
        .await
        .expect("opening the test database");
        Self {
            store,
            url,
            cleanup: Cleanup::Postgres { admin_url, name },
        }
    }
}

impl TestDb {
    /// Every `table.column` of the database with text holding `needle` (to prove something is
    /// gone from everywhere, whatever table a later feature adds).
    pub async fn columns_holding(&self, needle: &str) -> Vec<String> {
        sqlx::any::install_default_drivers();
        let mut conn = sqlx::AnyConnection::connect(&self.url)
            .await
            .expect("connecting to the test database");
        let columns: Vec<(String, String)> = if on_postgres() {
            sqlx::query_as(
                "SELECT table_name::TEXT, column_name::TEXT FROM information_schema.columns
                 WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'bytea')",
            )
            .fetch_all(&mut conn)
            .await
            .expect("listing columns")
        } else {
            sqlx::query_as(
                "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
                 WHERE m.type = 'table'",
            )
            .fetch_all(&mut conn)
            .await
            .expect("listing columns")
        };
        let mut found = Vec::new();
        for (table, column) in columns {
            let sql = format!(
                "SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE $1"
            );
            let n: i64 = sqlx::query_scalar(AssertSqlSafe(sql))
                .bind(format!("%{needle}%"))
                .fetch_one(&mut conn)
                .await
                .unwrap_or(0);
            if n > 0 {
                found.push(format!("{table}.{column}"));
            }
        }
        let _ = conn.close().await;
        found
    }

    /// The SQLite database's files (the database and its write-ahead log), `None` on
    /// PostgreSQL.
    pub fn sqlite_files(&self) -> Option<Vec<std::path::PathBuf>> {
        match &self.cleanup {
            Cleanup::Sqlite(dir) => Some(vec![dir.join("praxis.db"), dir.join("praxis.db-wal")]),
            Cleanup::Postgres { .. } => None,
        }
    }
}

/// The URL with its database name replaced.
fn with_database(url: &str, database: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let cut = base
        .rfind('/')
        .filter(|i| *i > "postgres://".len())
        .unwrap_or(base.len());
    let mut out = format!("{}/{database}", &base[..cut]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if keep() {
            return;
        }
        match &self.cleanup {
            Cleanup::Sqlite(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Postgres { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Drop runs outside async code: use a short-lived runtime on its own thread.
                let _ = std::thread::spawn(move || {
                    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                    else {
                        return;
                    };
                    runtime.block_on(async {
                        if let Ok(mut admin) = sqlx::AnyConnection::connect(&admin_url).await {
                            let _ = sqlx::query(AssertSqlSafe(format!(
                                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                            )))
                            .execute(&mut admin)
                            .await;
                        }
                    });
                })
                .join();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_name_in_a_url_is_replaced() {
        assert_eq!(
            with_database("postgres://u@127.0.0.1:5432/postgres", "t1"),
            "postgres://u@127.0.0.1:5432/t1"
        );
        assert_eq!(
            with_database("postgres://u@h/postgres?sslmode=disable", "t1"),
            "postgres://u@h/t1?sslmode=disable"
        );
    }
}
