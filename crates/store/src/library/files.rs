//! Files attached to items. The bytes live in the file storage; the store keeps what they are.

use praxis_domain::ids::{AttachmentId, ItemId, MemberId};
use praxis_domain::timestamps::Timestamp;
use sqlx::Row as _;
use sqlx::any::AnyRow;

use crate::search_changes::{ChangedEntity, record_change};
use crate::{Describe as _, Store, StoreError, StoreResult, corrupt};

/// A stored attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentRecord {
    /// Its id.
    pub id: AttachmentId,
    /// The item it belongs to.
    pub item_id: ItemId,
    /// The file name to offer on download (cleaned on upload).
    pub file_name: String,
    /// The media type found in its content.
    pub content_type: String,
    /// Its size in bytes.
    pub size_bytes: i64,
    /// Hex SHA-256 of its content.
    pub sha256: String,
    /// Where the file storage keeps it.
    pub storage_key: String,
    /// Who uploaded it.
    pub uploaded_by: Option<MemberId>,
    /// When.
    pub created_at: Timestamp,
}

/// A new attachment (the bytes are already stored under `storage_key`).
pub type NewAttachment = AttachmentRecord;

const COLUMNS: &str = "attachment_id, item_id, file_name, content_type, size_bytes, sha256, \
     storage_key, uploaded_by, created_at";

impl Store {
    /// Records an attachment of a live item.
    ///
    /// # Errors
    /// `NotFound` when the item is missing or deleted.
    pub async fn add_attachment(&self, a: &NewAttachment) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to attach a file")?;
        let live: Option<String> = sqlx::query_scalar(
            "SELECT item_id FROM library_items WHERE item_id = $1 AND deleted_at IS NULL",
        )
        .bind(a.item_id.to_string())
        .fetch_optional(&mut *tx)
        .await
        .describe("finding the item to attach to")?;
        if live.is_none() {
            return Err(StoreError::NotFound);
        }
        sqlx::query(
            "INSERT INTO library_attachments (attachment_id, item_id, file_name, content_type,
                size_bytes, sha256, storage_key, uploaded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(a.id.to_string())
        .bind(a.item_id.to_string())
        .bind(&a.file_name)
        .bind(&a.content_type)
        .bind(a.size_bytes)
        .bind(&a.sha256)
        .bind(&a.storage_key)
        .bind(a.uploaded_by.map(|m| m.to_string()))
        .bind(a.created_at.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("recording an attachment")?;
        record_change(
            &mut tx,
            ChangedEntity::Item,
            &a.item_id.to_string(),
            a.created_at,
        )
        .await?;
        tx.commit().await.describe("committing an attachment")
    }

    /// The item's attachments, oldest first (at most 100).
    pub async fn list_attachments(&self, item: ItemId) -> StoreResult<Vec<AttachmentRecord>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM library_attachments WHERE item_id = $1
             ORDER BY created_at, attachment_id LIMIT 100"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(item.to_string())
            .fetch_all(&self.read)
            .await
            .describe("listing attachments")?;
        rows.iter().map(attachment_from_row).collect()
    }

    /// How many files the item has.
    pub async fn count_attachments(&self, item: ItemId) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM library_attachments WHERE item_id = $1")
            .bind(item.to_string())
            .fetch_one(&self.read)
            .await
            .describe("counting attachments")
    }

    /// One attachment of an item.
    pub async fn get_attachment(
        &self,
        item: ItemId,
        id: AttachmentId,
    ) -> StoreResult<Option<AttachmentRecord>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM library_attachments WHERE item_id = $1 AND attachment_id = $2"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(item.to_string())
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading an attachment")?;
        row.as_ref().map(attachment_from_row).transpose()
    }

    /// Removes an attachment; returns its storage key for the caller to delete the bytes.
    ///
    /// # Errors
    /// `NotFound` when there is no such attachment.
    pub async fn remove_attachment(
        &self,
        item: ItemId,
        id: AttachmentId,
        now: Timestamp,
    ) -> StoreResult<String> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to remove a file")?;
        let key: Option<String> = sqlx::query_scalar(
            "DELETE FROM library_attachments WHERE item_id = $1 AND attachment_id = $2
             RETURNING storage_key",
        )
        .bind(item.to_string())
        .bind(id.to_string())
        .fetch_optional(&mut *tx)
        .await
        .describe("removing an attachment")?;
        let key = key.ok_or(StoreError::NotFound)?;
        record_change(&mut tx, ChangedEntity::Item, &item.to_string(), now).await?;
        tx.commit().await.describe("committing a removal")?;
        Ok(key)
    }
}

fn attachment_from_row(row: &AnyRow) -> StoreResult<AttachmentRecord> {
    let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
    let uploaded: Option<String> = row.try_get("uploaded_by").describe("uploaded_by")?;
    Ok(AttachmentRecord {
        id: text("attachment_id")?
            .parse()
            .map_err(|_| corrupt("attachment_id"))?,
        item_id: text("item_id")?.parse().map_err(|_| corrupt("item_id"))?,
        file_name: text("file_name")?,
        content_type: text("content_type")?,
        size_bytes: row.try_get("size_bytes").describe("size_bytes")?,
        sha256: text("sha256")?,
        storage_key: text("storage_key")?,
        uploaded_by: uploaded
            .map(|m| m.parse().map_err(|_| corrupt("uploaded_by")))
            .transpose()?,
        created_at: Timestamp::from_unix_ms(row.try_get("created_at").describe("created_at")?),
    })
}
