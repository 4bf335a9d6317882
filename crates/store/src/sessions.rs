//! Sign-in sessions, kept in the database so any `praxis serve` process can serve any request
//! and ending a session takes effect everywhere at once. Only a hash of each session token is
//! stored.

use praxis_domain::ids::MemberId;
use praxis_domain::timestamps::Timestamp;

use crate::{Describe as _, Store, StoreResult};

/// A live session.
#[derive(Debug, Clone, Copy)]
pub struct SessionRecord {
    /// Who is signed in.
    pub member_id: MemberId,
    /// When the session ends unless renewed.
    pub expires_at: Timestamp,
}

/// A live session as its owner sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionInfo {
    /// The session of the request that asks.
    pub is_current: bool,
    /// When it started.
    pub created_at: Timestamp,
    /// When it was last renewed (at most a day off).
    pub last_seen_at: Timestamp,
}

impl Store {
    /// Starts a session for `member` identified by `session_hash`.
    pub async fn create_session(
        &self,
        session_hash: &str,
        member: MemberId,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO sessions (session_hash, member_id, created_at, last_seen_at, expires_at)
             VALUES ($1, $2, $3, $3, $4)",
        )
        .bind(session_hash)
        .bind(member.to_string())
        .bind(now.unix_ms())
        .bind(expires_at.unix_ms())
        .execute(&self.write)
        .await
        .describe("creating a session")
        .map(|_| ())
    }

    /// The live session with this hash, if it has not expired.
    pub async fn find_session(
        &self,
        session_hash: &str,
        now: Timestamp,
    ) -> StoreResult<Option<SessionRecord>> {
        let row: Option<(String, i64)> = sqlx::query_as(
            "SELECT member_id, expires_at FROM sessions WHERE session_hash = $1 AND expires_at > $2",
        )
        .bind(session_hash)
        .bind(now.unix_ms())
        .fetch_optional(&self.read)
        .await
        .describe("finding a session")?;
        row.map(|(member, expires)| {
            Ok(SessionRecord {
                member_id: member.parse().map_err(|_| {
                    crate::StoreError::Other(anyhow::anyhow!("bad member id in sessions"))
                })?,
                expires_at: Timestamp::from_unix_ms(expires),
            })
        })
        .transpose()
    }

    /// Pushes a session's expiry forward (sliding expiry).
    pub async fn renew_session(
        &self,
        session_hash: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE session_hash = $1",
        )
        .bind(session_hash)
        .bind(now.unix_ms())
        .bind(expires_at.unix_ms())
        .execute(&self.write)
        .await
        .describe("renewing a session")
        .map(|_| ())
    }

    /// A member's live sessions: when each started and was last used, newest first, and
    /// whether it is `current` (a session hash).
    pub async fn list_sessions(
        &self,
        member: MemberId,
        current: Option<&str>,
        now: Timestamp,
    ) -> StoreResult<Vec<SessionInfo>> {
        let rows: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT session_hash, created_at, last_seen_at FROM sessions
             WHERE member_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC LIMIT 100",
        )
        .bind(member.to_string())
        .bind(now.unix_ms())
        .fetch_all(&self.read)
        .await
        .describe("listing sessions")?;
        Ok(rows
            .into_iter()
            .map(|(hash, created, seen)| SessionInfo {
                is_current: current == Some(hash.as_str()),
                created_at: Timestamp::from_unix_ms(created),
                last_seen_at: Timestamp::from_unix_ms(seen),
            })
            .collect())
    }

    /// Ends one session.
    pub async fn delete_session(&self, session_hash: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE session_hash = $1")
            .bind(session_hash)
            .execute(&self.write)
            .await
            .describe("ending a session")
            .map(|_| ())
    }

    /// Ends every session of a member except `keep` (a session hash).
    pub async fn delete_other_sessions(
        &self,
        member: MemberId,
        keep: Option<&str>,
    ) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE member_id = $1 AND session_hash <> $2")
            .bind(member.to_string())
            .bind(keep.unwrap_or(""))
            .execute(&self.write)
            .await
            .describe("ending a member's sessions")
            .map(|_| ())
    }

    /// Removes expired sessions, used email links and old log-in failures; returns rows removed.
    pub async fn prune_expired(
        &self,
        now: Timestamp,
        failures_before: Timestamp,
    ) -> StoreResult<u64> {
        let mut removed = 0;
        for (sql, cutoff) in [
            ("DELETE FROM sessions WHERE expires_at <= $1", now),
            ("DELETE FROM email_tokens WHERE expires_at <= $1", now),
            (
                "DELETE FROM login_failures WHERE failed_at <= $1",
                failures_before,
            ),
            (
                "DELETE FROM rate_counters WHERE window_start <= $1",
                failures_before.plus_seconds(-86_400),
            ),
        ] {
            removed += sqlx::query(sql)
                .bind(cutoff.unix_ms())
                .execute(&self.write)
                .await
                .describe("pruning expired rows")?
                .rows_affected();
        }
        Ok(removed)
    }
}
