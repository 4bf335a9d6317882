//! Failed log-in attempts, counted per scope (an account or a client address) in the
//! database, so every process of a deployment sees the same count.

use praxis_domain::timestamps::Timestamp;

use crate::{Describe as _, Store, StoreResult};

impl Store {
    /// Records one failure for each scope.
    pub async fn record_login_failure(&self, scopes: &[&str], now: Timestamp) -> StoreResult<()> {
        for scope in scopes {
            sqlx::query(
                "INSERT INTO login_failures (failure_id, scope, failed_at) VALUES ($1, $2, $3)",
            )
            .bind(uuid::Uuid::now_v7().to_string())
            .bind(*scope)
            .bind(now.unix_ms())
            .execute(&self.write)
            .await
            .describe("recording a log-in failure")?;
        }
        Ok(())
    }

    /// Failures recorded for `scope` since `since`.
    pub async fn count_login_failures(&self, scope: &str, since: Timestamp) -> StoreResult<i64> {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_failures WHERE scope = $1 AND failed_at > $2",
        )
        .bind(scope)
        .bind(since.unix_ms())
        .fetch_one(&self.read)
        .await
        .describe("counting log-in failures")
    }

    /// Forgets the failures of a scope (after a successful log-in).
    pub async fn clear_login_failures(&self, scope: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM login_failures WHERE scope = $1")
            .bind(scope)
            .execute(&self.write)
            .await
            .describe("clearing log-in failures")
            .map(|_| ())
    }
}
