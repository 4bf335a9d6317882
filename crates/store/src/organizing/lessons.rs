//! Lessons: drawn from reflections, moved and shared by stewards, endorsed, linked to items.

use praxis_domain::ids::{ItemId, LessonId, MemberId, NodeId, ReflectionId};
use praxis_domain::lessons::LessonStatus;
use praxis_domain::organizing::Reach;
use praxis_domain::timestamps::Timestamp;
use sqlx::AssertSqlSafe;

use super::{Endorsement, LESSON_COLUMNS, LessonRecord, NewLesson, lesson_from_row, placeholders};
use crate::search_changes::{ChangedEntity, record_change};
use crate::{Describe as _, Store, StoreError, StoreResult, corrupt};

impl Store {
    /// Records a lesson with its sources; search learns of it in the same transaction.
    pub async fn create_lesson(&self, l: NewLesson<'_>) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting a lesson")?;
        sqlx::query(
            "INSERT INTO lessons (lesson_id, node_id, crew_id, statement, practices, domains,
                regions, status, reach, author_id, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'observation', $8, $9, $10, $10)",
        )
        .bind(l.id.to_string())
        .bind(l.node_id.to_string())
        .bind(l.crew_id.map(|c| c.to_string()))
        .bind(&l.fields.statement)
        .bind(
            l.fields
                .practices
                .iter()
                .map(|p| p.code())
                .collect::<Vec<_>>()
                .join("\n"),
        )
        .bind(l.fields.domains.join("\n"))
        .bind(l.fields.regions.join("\n"))
        .bind(l.reach.code())
        .bind(l.author.to_string())
        .bind(l.now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("inserting a lesson")?;
        for source in l.sources {
            sqlx::query("INSERT INTO lesson_sources (lesson_id, reflection_id) VALUES ($1, $2)")
                .bind(l.id.to_string())
                .bind(source.to_string())
                .execute(&mut *tx)
                .await
                .describe("recording a lesson's source")?;
        }
        record_change(&mut tx, ChangedEntity::Lesson, &l.id.to_string(), l.now).await?;
        tx.commit().await.describe("committing a lesson")
    }

    /// Deletes a lesson with its endorsements and links; search forgets it in the same
    /// transaction.
    ///
    /// # Errors
    /// `NotFound` when there is no such lesson.
    pub async fn delete_lesson(&self, id: LessonId, now: Timestamp) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting a lesson deletion")?;
        let done = sqlx::query("DELETE FROM lessons WHERE lesson_id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await
            .describe("deleting a lesson")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        record_change(&mut tx, ChangedEntity::Lesson, &id.to_string(), now).await?;
        tx.commit().await.describe("committing a lesson deletion")
    }

    /// Moves a lesson's status or reach; search learns of it in the same transaction.
    pub async fn update_lesson_standing(
        &self,
        id: LessonId,
        status: LessonStatus,
        reach: Reach,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting a lesson move")?;
        let done = sqlx::query(
            "UPDATE lessons SET status = $2, reach = $3, updated_at = $4 WHERE lesson_id = $1",
        )
        .bind(id.to_string())
        .bind(status.code())
        .bind(reach.code())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("moving a lesson")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        record_change(&mut tx, ChangedEntity::Lesson, &id.to_string(), now).await?;
        tx.commit().await.describe("committing a lesson move")
    }

    /// Lessons by id.
    pub async fn lessons_by_ids(&self, ids: &[LessonId]) -> StoreResult<Vec<LessonRecord>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {LESSON_COLUMNS} FROM lessons WHERE lesson_id IN ({})",
            placeholders(1, ids.len())
        );
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for id in ids {
            q = q.bind(id.to_string());
        }
        let rows = q.fetch_all(&self.read).await.describe("loading lessons")?;
        rows.iter().map(lesson_from_row).collect()
    }

    /// A node's lessons, newest first, before a keyset cursor (at most `limit`); the caller
    /// filters by who may see them.
    pub async fn node_lessons(
        &self,
        node: NodeId,
        before: Option<(Timestamp, LessonId)>,
        limit: u32,
    ) -> StoreResult<Vec<LessonRecord>> {
        let (at, id) = before.map_or((i64::MAX, String::new()), |(t, i)| {
            (t.unix_ms(), i.to_string())
        });
        let sql = format!(
            "SELECT {LESSON_COLUMNS} FROM lessons WHERE node_id = $1
               AND (created_at < $2 OR (created_at = $2 AND lesson_id < $3) OR $3 = '')
             ORDER BY created_at DESC, lesson_id DESC LIMIT $4"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(node.to_string())
            .bind(at)
            .bind(id)
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing lessons")?;
        rows.iter().map(lesson_from_row).collect()
    }

    /// Every lesson id after `after`, in id order (for rebuilding the index).
    pub async fn lesson_ids_after(
        &self,
        after: Option<LessonId>,
        limit: u32,
    ) -> StoreResult<Vec<LessonId>> {
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT lesson_id FROM lessons WHERE lesson_id > $1 ORDER BY lesson_id LIMIT $2",
        )
        .bind(after.map(|a| a.to_string()).unwrap_or_default())
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await
        .describe("listing lesson ids")?;
        rows.iter()
            .map(|r| r.parse().map_err(|_| corrupt("lesson_id")))
            .collect()
    }

    /// The reflections a lesson was drawn from.
    pub async fn lesson_sources(&self, id: LessonId) -> StoreResult<Vec<ReflectionId>> {
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT reflection_id FROM lesson_sources WHERE lesson_id = $1 ORDER BY reflection_id",
        )
        .bind(id.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing a lesson's sources")?;
        rows.iter()
            .map(|r| r.parse().map_err(|_| corrupt("reflection_id")))
            .collect()
    }

    /// Endorses a lesson (once per member; a second endorsement replaces the first). True
    /// for a first endorsement.
    pub async fn endorse_lesson(
        &self,
        id: LessonId,
        member: MemberId,
        context: &str,
        now: Timestamp,
    ) -> StoreResult<bool> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting an endorsement")?;
        let replaced =
            sqlx::query("DELETE FROM lesson_endorsements WHERE lesson_id = $1 AND member_id = $2")
                .bind(id.to_string())
                .bind(member.to_string())
                .execute(&mut *tx)
                .await
                .describe("replacing an endorsement")?
                .rows_affected()
                > 0;
        sqlx::query(
            "INSERT INTO lesson_endorsements (lesson_id, member_id, context, created_at)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id.to_string())
        .bind(member.to_string())
        .bind(context)
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("endorsing a lesson")?;
        tx.commit().await.describe("committing an endorsement")?;
        Ok(!replaced)
    }

    /// A lesson's endorsements, oldest first (the first 200).
    pub async fn lesson_endorsements(&self, id: LessonId) -> StoreResult<Vec<Endorsement>> {
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT e.member_id, m.display_name, e.context FROM lesson_endorsements e
             JOIN members m ON m.member_id = e.member_id
             WHERE e.lesson_id = $1 ORDER BY e.created_at, e.member_id LIMIT 200",
        )
        .bind(id.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing endorsements")?;
        rows.into_iter()
            .map(|(id, display_name, context)| {
                Ok(Endorsement {
                    member_id: id.parse().map_err(|_| corrupt("member_id"))?,
                    display_name,
                    context,
                })
            })
            .collect()
    }

    /// Links a lesson to a library item.
    pub async fn link_lesson_item(&self, id: LessonId, item: ItemId) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting a link")?;
        sqlx::query("DELETE FROM lesson_items WHERE lesson_id = $1 AND item_id = $2")
            .bind(id.to_string())
            .bind(item.to_string())
            .execute(&mut *tx)
            .await
            .describe("replacing a link")?;
        sqlx::query("INSERT INTO lesson_items (lesson_id, item_id) VALUES ($1, $2)")
            .bind(id.to_string())
            .bind(item.to_string())
            .execute(&mut *tx)
            .await
            .describe("linking a lesson to an item")?;
        tx.commit().await.describe("committing a link")
    }

    /// The lessons that link to a library item, newest first (at most `limit`); the caller
    /// filters by who may see them.
    pub async fn item_lessons(&self, item: ItemId, limit: u32) -> StoreResult<Vec<LessonRecord>> {
        let sql = format!(
            "SELECT {LESSON_COLUMNS} FROM lessons WHERE lesson_id IN
                (SELECT lesson_id FROM lesson_items WHERE item_id = $1)
             ORDER BY created_at DESC, lesson_id DESC LIMIT $2"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(item.to_string())
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing an item's lessons")?;
        rows.iter().map(lesson_from_row).collect()
    }

    /// The library items a lesson links to.
    pub async fn lesson_items(&self, id: LessonId) -> StoreResult<Vec<ItemId>> {
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT item_id FROM lesson_items WHERE lesson_id = $1 ORDER BY item_id LIMIT 100",
        )
        .bind(id.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing a lesson's items")?;
        rows.iter()
            .map(|r| r.parse().map_err(|_| corrupt("item_id")))
            .collect()
    }
}
