//! The change log the search index follows: every write that changes what search would find
//! records the entity in the same transaction, so no acknowledged change is missed.

use praxis_domain::timestamps::Timestamp;
use sqlx::{AnyConnection, Row as _};

use crate::{Describe as _, Store, StoreResult, corrupt};

/// What kind of thing changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangedEntity {
    /// A library item.
    Item,
    /// A node.
    Node,
    /// A member's profile.
    Member,
    /// A lesson.
    Lesson,
}

impl ChangedEntity {
    fn code(self) -> &'static str {
        match self {
            ChangedEntity::Item => "item",
            ChangedEntity::Node => "node",
            ChangedEntity::Member => "member",
            ChangedEntity::Lesson => "lesson",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        match code {
            "item" => Some(ChangedEntity::Item),
            "node" => Some(ChangedEntity::Node),
            "member" => Some(ChangedEntity::Member),
            "lesson" => Some(ChangedEntity::Lesson),
            _ => None,
        }
    }
}

/// One entry of the change log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchChange {
    /// Its position in the log.
    pub change_id: i64,
    /// What changed.
    pub entity: ChangedEntity,
    /// The id of what changed.
    pub entity_id: String,
}

fn change_from_row(row: &sqlx::any::AnyRow) -> StoreResult<SearchChange> {
    let entity: String = row.try_get("entity").describe("entity")?;
    Ok(SearchChange {
        change_id: row.try_get("change_id").describe("change_id")?,
        entity: ChangedEntity::from_code(&entity).ok_or_else(|| corrupt("entity"))?,
        entity_id: row.try_get("entity_id").describe("entity_id")?,
    })
}

/// Records that an entity changed, inside the caller's transaction.
pub(crate) async fn record_change(
    conn: &mut AnyConnection,
    entity: ChangedEntity,
    id: &str,
    now: Timestamp,
) -> StoreResult<()> {
    sqlx::query("INSERT INTO search_changes (entity, entity_id, changed_at) VALUES ($1, $2, $3)")
        .bind(entity.code())
        .bind(id)
        .bind(now.unix_ms())
        .execute(conn)
        .await
        .describe("recording a change for search")?;
    Ok(())
}

impl Store {
    /// Up to `limit` changes after `after`, in log order.
    pub async fn search_changes_after(
        &self,
        after: i64,
        limit: u32,
    ) -> StoreResult<Vec<SearchChange>> {
        let rows = sqlx::query(
            "SELECT change_id, entity, entity_id FROM search_changes
             WHERE change_id > $1 ORDER BY change_id LIMIT $2",
        )
        .bind(after)
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await
        .describe("reading changes for search")?;
        rows.iter().map(change_from_row).collect()
    }

    /// The changes with these ids that exist now. On PostgreSQL a transaction can commit a
    /// lower id after a higher one was read; the index asks again for the ids it skipped.
    pub async fn search_changes_by_id(&self, ids: &[i64]) -> StoreResult<Vec<SearchChange>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = (1..=ids.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT change_id, entity, entity_id FROM search_changes
             WHERE change_id IN ({placeholders}) ORDER BY change_id"
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in ids {
            query = query.bind(*id);
        }
        let rows = query
            .fetch_all(&self.read)
            .await
            .describe("reading skipped changes")?;
        rows.iter().map(change_from_row).collect()
    }

    /// The id of the latest change (0 when the log is empty).
    pub async fn latest_search_change(&self) -> StoreResult<i64> {
        let latest: Option<i64> =
            sqlx::query_scalar("SELECT CAST(MAX(change_id) AS BIGINT) FROM search_changes")
                .fetch_one(&self.read)
                .await
                .describe("reading the latest change")?;
        Ok(latest.unwrap_or(0))
    }

    /// The id of the oldest change still kept (0 when the log is empty).
    pub async fn oldest_search_change(&self) -> StoreResult<i64> {
        let oldest: Option<i64> =
            sqlx::query_scalar("SELECT CAST(MIN(change_id) AS BIGINT) FROM search_changes")
                .fetch_one(&self.read)
                .await
                .describe("reading the oldest change")?;
        Ok(oldest.unwrap_or(0))
    }

    /// Forgets changes recorded before `before`, always keeping the latest (so a process that
    /// was away longer can tell it missed some); returns how many.
    pub async fn prune_search_changes(&self, before: Timestamp) -> StoreResult<u64> {
        let done = sqlx::query(
            "DELETE FROM search_changes WHERE changed_at < $1
               AND change_id < (SELECT MAX(change_id) FROM search_changes)",
        )
        .bind(before.unix_ms())
        .execute(&self.write)
        .await
        .describe("pruning the change log")?;
        Ok(done.rows_affected())
    }
}
