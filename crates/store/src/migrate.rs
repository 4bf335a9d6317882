//! Schema migrations, embedded in the binary, one folder per backend with identical names.

use sqlx::{AnyPool, AssertSqlSafe};

use crate::dialect::{self, Backend};
use crate::{Describe as _, StoreResult};

struct Migration {
    version: i64,
    name: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "members",
        sqlite: include_str!("../migrations/sqlite/0001_members.sql"),
        postgres: include_str!("../migrations/postgres/0001_members.sql"),
    },
    Migration {
        version: 2,
        name: "nodes",
        sqlite: include_str!("../migrations/sqlite/0002_nodes.sql"),
        postgres: include_str!("../migrations/postgres/0002_nodes.sql"),
    },
    Migration {
        version: 3,
        name: "invitations",
        sqlite: include_str!("../migrations/sqlite/0003_invitations.sql"),
        postgres: include_str!("../migrations/postgres/0003_invitations.sql"),
    },
    Migration {
        version: 4,
        name: "imports",
        sqlite: include_str!("../migrations/sqlite/0004_imports.sql"),
        postgres: include_str!("../migrations/postgres/0004_imports.sql"),
    },
    Migration {
        version: 5,
        name: "organizations",
        sqlite: include_str!("../migrations/sqlite/0005_organizations.sql"),
        postgres: include_str!("../migrations/postgres/0005_organizations.sql"),
    },
    Migration {
        version: 6,
        name: "library",
        sqlite: include_str!("../migrations/sqlite/0006_library.sql"),
        postgres: include_str!("../migrations/postgres/0006_library.sql"),
    },
    Migration {
        version: 7,
        name: "workshops",
        sqlite: include_str!("../migrations/sqlite/0007_workshops.sql"),
        postgres: include_str!("../migrations/postgres/0007_workshops.sql"),
    },
    Migration {
        version: 8,
        name: "commitments",
        sqlite: include_str!("../migrations/sqlite/0008_commitments.sql"),
        postgres: include_str!("../migrations/postgres/0008_commitments.sql"),
    },
    Migration {
        version: 9,
        name: "organizing",
        sqlite: include_str!("../migrations/sqlite/0009_organizing.sql"),
        postgres: include_str!("../migrations/postgres/0009_organizing.sql"),
    },
    Migration {
        version: 10,
        name: "one_on_ones_narratives",
        sqlite: include_str!("../migrations/sqlite/0010_one_on_ones_narratives.sql"),
        postgres: include_str!("../migrations/postgres/0010_one_on_ones_narratives.sql"),
    },
    Migration {
        version: 11,
        name: "commitment_links",
        sqlite: include_str!("../migrations/sqlite/0011_commitment_links.sql"),
        postgres: include_str!("../migrations/postgres/0011_commitment_links.sql"),
    },
    Migration {
        version: 12,
        name: "reflection_workshops",
        sqlite: include_str!("../migrations/sqlite/0012_reflection_workshops.sql"),
        postgres: include_str!("../migrations/postgres/0012_reflection_workshops.sql"),
    },
    Migration {
        version: 13,
        name: "commitment_reminders",
        sqlite: include_str!("../migrations/sqlite/0013_commitment_reminders.sql"),
        postgres: include_str!("../migrations/postgres/0013_commitment_reminders.sql"),
    },
    Migration {
        version: 14,
        name: "follow_up_reminders",
        sqlite: include_str!("../migrations/sqlite/0014_follow_up_reminders.sql"),
        postgres: include_str!("../migrations/postgres/0014_follow_up_reminders.sql"),
    },
    Migration {
        version: 15,
        name: "reminder_setting",
        sqlite: include_str!("../migrations/sqlite/0015_reminder_setting.sql"),
        postgres: include_str!("../migrations/postgres/0015_reminder_setting.sql"),
    },
    Migration {
        version: 16,
        name: "secret_node_addresses",
        sqlite: include_str!("../migrations/sqlite/0016_secret_node_addresses.sql"),
        postgres: include_str!("../migrations/postgres/0016_secret_node_addresses.sql"),
    },
    Migration {
        version: 17,
        name: "rate_counters",
        sqlite: include_str!("../migrations/sqlite/0017_rate_counters.sql"),
        postgres: include_str!("../migrations/postgres/0017_rate_counters.sql"),
    },
    Migration {
        version: 18,
        name: "workshop_invitations",
        sqlite: include_str!("../migrations/sqlite/0018_workshop_invitations.sql"),
        postgres: include_str!("../migrations/postgres/0018_workshop_invitations.sql"),
    },
    Migration {
        version: 19,
        name: "undo_email_change",
        sqlite: include_str!("../migrations/sqlite/0019_undo_email_change.sql"),
        postgres: include_str!("../migrations/postgres/0019_undo_email_change.sql"),
    },
    Migration {
        version: 20,
        name: "account_requests",
        sqlite: include_str!("../migrations/sqlite/0020_account_requests.sql"),
        postgres: include_str!("../migrations/postgres/0020_account_requests.sql"),
    },
];

/// Applies the pending migrations, each in its own transaction; returns how many ran.
pub(crate) async fn run(pool: &AnyPool, backend: Backend) -> StoreResult<usize> {
    let mut applied = 0;
    for migration in MIGRATIONS {
        let mut tx = pool.begin().await.describe("starting a migration")?;
        if let Some(lock) = dialect::migration_lock(backend) {
            sqlx::query(lock)
                .execute(&mut *tx)
                .await
                .describe("taking the migration lock")?;
        }
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
        )
        .execute(&mut *tx)
        .await
        .describe("creating the migrations table")?;
        let done: Option<i64> =
            sqlx::query_scalar("SELECT version FROM schema_migrations WHERE version = $1")
                .bind(migration.version)
                .fetch_optional(&mut *tx)
                .await
                .describe("reading applied migrations")?;
        if done.is_some() {
            continue;
        }
        let sql = match backend {
            Backend::Sqlite => migration.sqlite,
            Backend::Postgres => migration.postgres,
        };
        for statement in statements(sql) {
            sqlx::query(AssertSqlSafe(statement))
                .execute(&mut *tx)
                .await
                .describe("applying a migration")?;
        }
        sqlx::query(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
        )
        .bind(migration.version)
        .bind(migration.name)
        .bind(crate::now_ms())
        .execute(&mut *tx)
        .await
        .describe("recording a migration")?;
        tx.commit().await.describe("committing a migration")?;
        tracing::info!(
            migration.version = migration.version,
            migration.name = migration.name,
            "applied migration"
        );
        applied += 1;
    }
    Ok(applied)
}

// Migrations hold plain DDL: statements end with `;` at the end of a line, and `--` comments
// take whole lines.
fn statements(sql: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in sql.lines() {
        if line.trim_start().starts_with("--") {
            continue;
        }
        current.push_str(line);
        current.push('\n');
        if line.trim_end().ends_with(';') {
            let statement = current.trim().trim_end_matches(';').trim().to_owned();
            if !statement.is_empty() {
                out.push(statement);
            }
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_owned());
    }
    out
}

/// A short hash of every migration, so test harnesses can cache a migrated template per
/// schema version.
pub fn fingerprint() -> String {
    let mut all = String::new();
    for m in MIGRATIONS {
        all.push_str(m.sqlite);
        all.push_str(m.postgres);
    }
    crate::hash_token(&all)[..16].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_migration_splits_into_statements_without_comments() {
        let sql = "-- a comment\nCREATE TABLE a (x BIGINT);\n\nCREATE INDEX i ON a (x);\n";

        assert_eq!(
            statements(sql),
            vec!["CREATE TABLE a (x BIGINT)", "CREATE INDEX i ON a (x)"]
        );
    }

    #[test]
    fn both_backends_have_the_same_migrations() {
        // Changing a CHECK constraint is one statement on PostgreSQL and a table rebuild on
        // SQLite: those statements are compared by hand, the rest one for one.
        const BACKEND_SPECIFIC: &[(i64, &str)] = &[(9, "search_changes"), (19, "email_tokens")];
        for m in MIGRATIONS {
            let count = |sql: &str| {
                statements(sql)
                    .iter()
                    .filter(|s| {
                        !BACKEND_SPECIFIC
                            .iter()
                            .any(|(v, table)| *v == m.version && s.contains(table))
                    })
                    .count()
            };
            assert_eq!(count(m.sqlite), count(m.postgres), "{}", m.name);
        }
    }
}
