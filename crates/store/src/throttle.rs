//! Failed log-in attempts, counted per scope (an account or a client address), and what
//! senders spent of their mail allowance — in the database, so every process of a
//! deployment sees the same count.

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

    /// Spends `amount` from each allowance — (scope, window start, limit) — in one
    /// transaction: either every counter rises, or, when one would pass its limit, none does
    /// and that allowance's window start is returned. Each counter is raised with one atomic
    /// upsert, so parallel requests never spend more than the limit between them.
    pub async fn spend_allowance(
        &self,
        allowances: &[(&str, Timestamp, i64)],
        amount: i64,
    ) -> StoreResult<Option<Timestamp>> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to spend an allowance")?;
        for (scope, window_start, limit) in allowances {
            let spent: i64 = sqlx::query_scalar(
                "INSERT INTO rate_counters (scope, window_start, spent) VALUES ($1, $2, $3)
                 ON CONFLICT (scope, window_start)
                 DO UPDATE SET spent = rate_counters.spent + excluded.spent
                 RETURNING spent",
            )
            .bind(*scope)
            .bind(window_start.unix_ms())
            .bind(amount)
            .fetch_one(&mut *tx)
            .await
            .describe("raising a counter")?;
            if spent > *limit {
                tx.rollback().await.describe("giving an allowance back")?;
                return Ok(Some(*window_start));
            }
        }
        tx.commit().await.describe("spending an allowance")?;
        Ok(None)
    }

    /// Gives `amount` back to an allowance (never below nothing): what a successful log-in
    /// claimed is not held against its client address.
    pub async fn give_back_allowance(
        &self,
        scope: &str,
        window_start: Timestamp,
        amount: i64,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE rate_counters SET spent = CASE WHEN spent > $3 THEN spent - $3 ELSE 0 END
             WHERE scope = $1 AND window_start = $2",
        )
        .bind(scope)
        .bind(window_start.unix_ms())
        .bind(amount)
        .execute(&self.write)
        .await
        .describe("giving an allowance back")
        .map(|_| ())
    }

    /// Forgets what an allowance spent in a window (a successful log-in clears its account's).
    pub async fn reset_allowance(&self, scope: &str, window_start: Timestamp) -> StoreResult<()> {
        sqlx::query("DELETE FROM rate_counters WHERE scope = $1 AND window_start = $2")
            .bind(scope)
            .bind(window_start.unix_ms())
            .execute(&self.write)
            .await
            .describe("resetting an allowance")
            .map(|_| ())
    }
}
