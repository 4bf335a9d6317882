//! Reflections on campaigns, phases, actions and workshops.

use praxis_domain::ids::{CampaignId, CrewId, MemberId, NodeId, ReflectionId, WorkshopId};
use praxis_domain::organizing::ReflectionFields;
use praxis_domain::timestamps::Timestamp;
use sqlx::AssertSqlSafe;

use super::{REFLECTION_COLUMNS, ReflectionRecord, placeholders, reflection_from_row};
use crate::workshops::TAKES_PART;
use crate::{Describe as _, Store, StoreError, StoreResult, corrupt};

impl Store {
    /// Records a reflection.
    #[expect(
        clippy::too_many_arguments,
        reason = "one reflection, every part named"
    )]
    pub async fn create_reflection(
        &self,
        id: ReflectionId,
        node: NodeId,
        crew: Option<CrewId>,
        campaign: Option<CampaignId>,
        workshop: Option<WorkshopId>,
        f: &ReflectionFields,
        author: MemberId,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut q = sqlx::query(
            "INSERT INTO reflections (reflection_id, node_id, crew_id, campaign_id, subject, label,
                reach, intended, happened, difference, sustain, improve, numbers, participants,
                author_id, created_at, workshop_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        )
        .bind(id.to_string())
        .bind(node.to_string())
        .bind(crew.map(|c| c.to_string()))
        .bind(campaign.map(|c| c.to_string()))
        .bind(f.subject.code())
        .bind(&f.label)
        .bind(f.reach.code());
        for name in ReflectionFields::QUESTIONS {
            q = q.bind(f.get(name).to_owned());
        }
        q.bind(author.to_string())
            .bind(now.unix_ms())
            .bind(workshop.map(|w| w.to_string()))
            .execute(&self.write)
            .await
            .describe("inserting a reflection")?;
        Ok(())
    }

    /// Reflections by id.
    pub async fn reflections_by_ids(
        &self,
        ids: &[ReflectionId],
    ) -> StoreResult<Vec<ReflectionRecord>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {REFLECTION_COLUMNS} FROM reflections r
             LEFT JOIN members m ON m.member_id = r.author_id
             WHERE r.reflection_id IN ({})",
            placeholders(1, ids.len())
        );
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for id in ids {
            q = q.bind(id.to_string());
        }
        let rows = q
            .fetch_all(&self.read)
            .await
            .describe("loading reflections")?;
        rows.iter().map(reflection_from_row).collect()
    }

    /// A campaign's reflections, oldest first (at most `limit`).
    pub async fn campaign_reflections(
        &self,
        campaign: CampaignId,
        limit: u32,
    ) -> StoreResult<Vec<ReflectionRecord>> {
        let sql = format!(
            "SELECT {REFLECTION_COLUMNS} FROM reflections r
             LEFT JOIN members m ON m.member_id = r.author_id
             WHERE r.campaign_id = $1 ORDER BY r.created_at, r.reflection_id LIMIT $2"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(campaign.to_string())
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing reflections")?;
        rows.iter().map(reflection_from_row).collect()
    }

    /// A node's reflections that look back on no campaign (a workshop, an action), newest
    /// first, before a keyset cursor (created, id), at most `limit`; the caller filters by who
    /// may read them.
    pub async fn node_reflections(
        &self,
        node: NodeId,
        before: Option<(Timestamp, ReflectionId)>,
        limit: u32,
    ) -> StoreResult<Vec<ReflectionRecord>> {
        let (at, id) = before.map_or((i64::MAX, String::new()), |(t, i)| {
            (t.unix_ms(), i.to_string())
        });
        let sql = format!(
            "SELECT {REFLECTION_COLUMNS} FROM reflections r
             LEFT JOIN members m ON m.member_id = r.author_id
             WHERE r.node_id = $1 AND r.campaign_id IS NULL
               AND (r.created_at < $2 OR (r.created_at = $2 AND r.reflection_id < $3) OR $3 = '')
             ORDER BY r.created_at DESC, r.reflection_id DESC LIMIT $4"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(node.to_string())
            .bind(at)
            .bind(id)
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing a node's reflections")?;
        rows.iter().map(reflection_from_row).collect()
    }

    /// The reflections on a workshop, newest first (at most `limit`); the caller filters by
    /// who may read them.
    pub async fn workshop_reflections(
        &self,
        workshop: WorkshopId,
        limit: u32,
    ) -> StoreResult<Vec<ReflectionRecord>> {
        let sql = format!(
            "SELECT {REFLECTION_COLUMNS} FROM reflections r
             LEFT JOIN members m ON m.member_id = r.author_id
             WHERE r.workshop_id = $1
             ORDER BY r.created_at DESC, r.reflection_id DESC LIMIT $2"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(workshop.to_string())
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing a workshop's reflections")?;
        rows.iter().map(reflection_from_row).collect()
    }

    /// The workshops a member takes part in (as staff or an accepted applicant), latest first
    /// (at most `limit`) — or only `only`, if it is one of them: id and title.
    pub async fn member_workshops(
        &self,
        member: MemberId,
        only: Option<WorkshopId>,
        limit: u32,
    ) -> StoreResult<Vec<(WorkshopId, String)>> {
        let rows: Vec<(String, String)> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT w.workshop_id, w.title FROM workshops w
             WHERE ($2 = '' OR w.workshop_id = $2)
               AND {TAKES_PART}
             ORDER BY w.created_at DESC, w.workshop_id LIMIT $3"
        )))
        .bind(member.to_string())
        .bind(only.map(|w| w.to_string()).unwrap_or_default())
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await
        .describe("listing a member's workshops")?;
        rows.into_iter()
            .map(|(id, title)| Ok((id.parse().map_err(|_| corrupt("workshop_id"))?, title)))
            .collect()
    }

    /// Deletes a reflection (lessons drawn from it stay, without it as a source).
    ///
    /// # Errors
    /// `NotFound` when there is no such reflection.
    pub async fn delete_reflection(&self, id: ReflectionId) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM reflections WHERE reflection_id = $1")
            .bind(id.to_string())
            .execute(&self.write)
            .await
            .describe("deleting a reflection")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}
