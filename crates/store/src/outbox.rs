//! The mail outbox: a message is stored in the same database as the change that caused it,
//! then delivered by a background sender with retries. Delivered messages are deleted, so
//! mail bodies (which carry sign-in links) do not linger.

use praxis_domain::timestamps::Timestamp;

use crate::{Describe as _, Store, StoreResult};

/// A message waiting to be delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    /// The message's id (also its file name when written to disk).
    pub id: String,
    /// The address it goes to.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// How many deliveries failed so far.
    pub attempts: i64,
}

/// Queues a message inside the caller's transaction (so it goes out only if the change behind
/// it is committed).
pub(crate) async fn insert_mail(
    conn: &mut sqlx::AnyConnection,
    message: &OutboxMessage,
    now: Timestamp,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO outbox (message_id, recipient, subject, body, created_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $5)",
    )
    .bind(&message.id)
    .bind(&message.recipient)
    .bind(&message.subject)
    .bind(&message.body)
    .bind(now.unix_ms())
    .execute(conn)
    .await
    .describe("queueing mail")
    .map(|_| ())
}

impl Store {
    /// Queues a message for delivery as soon as possible.
    pub async fn enqueue_mail(&self, message: &OutboxMessage, now: Timestamp) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO outbox (message_id, recipient, subject, body, created_at, next_attempt_at)
             VALUES ($1, $2, $3, $4, $5, $5)",
        )
        .bind(&message.id)
        .bind(&message.recipient)
        .bind(&message.subject)
        .bind(&message.body)
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("queueing mail")
        .map(|_| ())
    }

    /// Claims up to `limit` due messages until `lease_until`, so that two sender processes
    /// never deliver the same message at the same time.
    pub async fn claim_due_mail(
        &self,
        now: Timestamp,
        lease_until: Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<OutboxMessage>> {
        let rows: Vec<(String, String, String, String, i64)> = sqlx::query_as(
            "UPDATE outbox SET claimed_until = $2
             WHERE message_id IN (
                SELECT message_id FROM outbox
                WHERE next_attempt_at <= $1 AND claimed_until <= $1
                ORDER BY next_attempt_at LIMIT $3)
             AND claimed_until <= $1
             RETURNING message_id, recipient, subject, body, attempts",
        )
        .bind(now.unix_ms())
        .bind(lease_until.unix_ms())
        .bind(i64::from(limit))
        .fetch_all(&self.write)
        .await
        .describe("claiming due mail")?;
        Ok(rows
            .into_iter()
            .map(|(id, recipient, subject, body, attempts)| OutboxMessage {
                id,
                recipient,
                subject,
                body,
                attempts,
            })
            .collect())
    }

    /// Removes a delivered message.
    pub async fn mark_mail_sent(&self, id: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM outbox WHERE message_id = $1")
            .bind(id)
            .execute(&self.write)
            .await
            .describe("removing sent mail")
            .map(|_| ())
    }

    /// Records a failed delivery and when to try again.
    pub async fn mark_mail_failed(
        &self,
        id: &str,
        error: &str,
        retry_at: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3, claimed_until = 0
             WHERE message_id = $1",
        )
        .bind(id)
        .bind(error)
        .bind(retry_at.unix_ms())
        .execute(&self.write)
        .await
        .describe("recording a mail failure")
        .map(|_| ())
    }

    /// How many messages wait in the outbox.
    pub async fn count_pending_mail(&self) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
            .fetch_one(&self.read)
            .await
            .describe("counting pending mail")
    }
}
