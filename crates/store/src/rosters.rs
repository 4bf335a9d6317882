//! Roster imports: a checked file waiting to be imported, and the progress of its import.

use std::collections::HashSet;

use praxis_domain::ids::{MemberId, NodeId};
use praxis_domain::timestamps::Timestamp;
use sqlx::Row as _;

use crate::outbox::OutboxMessage;
use crate::{Describe as _, Store, StoreError, StoreResult};

/// An import and its progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRecord {
    /// Its id.
    pub id: String,
    /// The node it imports into.
    pub node_id: NodeId,
    /// Which column holds addresses.
    pub email_column: usize,
    /// The file's text.
    pub content: String,
    /// `checked`, `running`, `done` or `failed`.
    pub status: String,
    /// Rows in the file.
    pub total_rows: i64,
    /// Rows handled so far.
    pub processed_rows: i64,
    /// Invitations sent.
    pub invited: i64,
    /// Rows already members or invited.
    pub merged: i64,
    /// Rows refused.
    pub rejected: i64,
}

/// A checked file to keep.
#[derive(Debug, Clone, Copy)]
pub struct NewImport<'a> {
    /// The import's id.
    pub id: &'a str,
    /// The node it imports into.
    pub node: NodeId,
    /// The steward who checked it.
    pub by: MemberId,
    /// Which column holds addresses.
    pub email_column: usize,
    /// The file's text.
    pub content: &'a str,
    /// Rows in the file.
    pub total_rows: i64,
}

/// Counts to add to an import's progress.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportProgress {
    /// Rows handled.
    pub processed: i64,
    /// Invitations sent.
    pub invited: i64,
    /// Rows merged.
    pub merged: i64,
    /// Rows refused.
    pub rejected: i64,
}

impl Store {
    /// Keeps a checked file for a later import.
    pub async fn create_import(&self, new: &NewImport<'_>, now: Timestamp) -> StoreResult<()> {
        let NewImport {
            id,
            node,
            by,
            email_column,
            content,
            total_rows,
        } = *new;
        sqlx::query(
            "INSERT INTO roster_imports (import_id, node_id, created_by, email_column, content, status,
                total_rows, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, 'checked', $6, $7, $7)",
        )
        .bind(id)
        .bind(node.to_string())
        .bind(by.to_string())
        .bind(i64::try_from(email_column).unwrap_or(0))
        .bind(content)
        .bind(total_rows)
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("storing an import")
        .map(|_| ())
    }

    /// The import with this id in this node.
    pub async fn get_import(&self, node: NodeId, id: &str) -> StoreResult<ImportRecord> {
        let row = sqlx::query(
            "SELECT import_id, node_id, email_column, content, status, total_rows, processed_rows,
                invited, merged, rejected
             FROM roster_imports WHERE import_id = $1 AND node_id = $2",
        )
        .bind(id)
        .bind(node.to_string())
        .fetch_optional(&self.read)
        .await
        .describe("loading an import")?
        .ok_or(StoreError::NotFound)?;
        let int = |c: &'static str| -> StoreResult<i64> { row.try_get(c).describe(c) };
        let node_id: String = row.try_get("node_id").describe("node_id")?;
        Ok(ImportRecord {
            id: row.try_get("import_id").describe("import_id")?,
            node_id: node_id
                .parse()
                .map_err(|_| StoreError::Other(anyhow::anyhow!("bad node id in imports")))?,
            email_column: usize::try_from(int("email_column")?).unwrap_or(0),
            content: row.try_get("content").describe("content")?,
            status: row.try_get("status").describe("status")?,
            total_rows: int("total_rows")?,
            processed_rows: int("processed_rows")?,
            invited: int("invited")?,
            merged: int("merged")?,
            rejected: int("rejected")?,
        })
    }

    /// Changes which column a checked import reads addresses from.
    pub async fn set_import_column(&self, id: &str, email_column: usize) -> StoreResult<()> {
        sqlx::query("UPDATE roster_imports SET email_column = $2 WHERE import_id = $1 AND status = 'checked'")
            .bind(id)
            .bind(i64::try_from(email_column).unwrap_or(0))
            .execute(&self.write)
            .await
            .describe("choosing an import column")
            .map(|_| ())
    }

    /// Marks as failed the imports still running that have not moved since `before` (their
    /// process stopped), and the checked ones nobody ran since `checked_before`; their files
    /// (names and addresses) are deleted. Returns how many. Importing the file again sends only
    /// the rest.
    pub async fn fail_stale_imports(
        &self,
        before: Timestamp,
        checked_before: Timestamp,
    ) -> StoreResult<u64> {
        let done = sqlx::query(
            "UPDATE roster_imports SET status = 'failed', content = ''
             WHERE (status = 'running' AND updated_at < $1)
                OR (status = 'checked' AND updated_at < $2)",
        )
        .bind(before.unix_ms())
        .bind(checked_before.unix_ms())
        .execute(&self.write)
        .await
        .describe("failing stale imports")?;
        Ok(done.rows_affected())
    }

    /// Moves a checked import to running; false when it was not waiting (already started).
    pub async fn start_import(&self, id: &str, now: Timestamp) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE roster_imports SET status = 'running', updated_at = $2 WHERE import_id = $1 AND status = 'checked'",
        )
        .bind(id)
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("starting an import")?;
        Ok(done.rows_affected() == 1)
    }

    /// Records an import's progress and, when given, its final status — then its file (names
    /// and addresses) is deleted: an import that ended keeps only its counts.
    pub async fn record_import_progress(
        &self,
        id: &str,
        add: ImportProgress,
        status: Option<&str>,
        now: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE roster_imports SET processed_rows = processed_rows + $2, invited = invited + $3,
                merged = merged + $4, rejected = rejected + $5, status = COALESCE($6, status),
                updated_at = $7,
                content = CASE WHEN COALESCE($6, '') = '' THEN content ELSE '' END
             WHERE import_id = $1",
        )
        .bind(id)
        .bind(add.processed)
        .bind(add.invited)
        .bind(add.merged)
        .bind(add.rejected)
        .bind(status)
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("recording import progress")
        .map(|_| ())
    }

    /// Lower-case addresses of the node's members and of its pending invitations.
    pub async fn node_addresses(
        &self,
        node: NodeId,
        now: Timestamp,
    ) -> StoreResult<HashSet<String>> {
        let members: Vec<String> = sqlx::query_scalar(
            "SELECT m.email FROM node_members nm JOIN members m ON m.member_id = nm.member_id
             WHERE nm.node_id = $1 AND nm.status = 'active'",
        )
        .bind(node.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing member addresses")?;
        let invited: Vec<String> = sqlx::query_scalar(
            "SELECT email FROM node_invitations
             WHERE node_id = $1 AND email IS NOT NULL AND accepted_at IS NULL AND expires_at > $2",
        )
        .bind(node.to_string())
        .bind(now.unix_ms())
        .fetch_all(&self.read)
        .await
        .describe("listing invited addresses")?;
        Ok(members.into_iter().chain(invited).collect())
    }

    /// Stores many email invitations and their mails in one transaction (all or none).
    pub async fn create_invitations_with_mail(
        &self,
        node: NodeId,
        invitations: &[(String, String, OutboxMessage)],
        by: MemberId,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to store invitations")?;
        for (email, token_hash, mail) in invitations {
            sqlx::query(
                "INSERT INTO node_invitations (invitation_id, node_id, email, token_hash, invited_by, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(uuid::Uuid::now_v7().to_string())
            .bind(node.to_string())
            .bind(email)
            .bind(token_hash)
            .bind(by.to_string())
            .bind(now.unix_ms())
            .bind(expires_at.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("storing an invitation")?;
            sqlx::query(
                "INSERT INTO outbox (message_id, recipient, subject, body, created_at, next_attempt_at)
                 VALUES ($1, $2, $3, $4, $5, $5)",
            )
            .bind(&mail.id)
            .bind(&mail.recipient)
            .bind(&mail.subject)
            .bind(&mail.body)
            .bind(now.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("queueing an invitation mail")?;
        }
        tx.commit().await.describe("committing invitations")
    }
}
