//! Campaigns: strategy, actor map, timeline, and their commitments.

use praxis_domain::campaigns::{ActorCategory, PhaseKind};
use praxis_domain::commitments::CommitmentStatus;
use praxis_domain::ids::{ActorId, CampaignId, CrewId, MemberId, NodeId, PhaseId};
use praxis_domain::organizing::{ActorFields, CampaignFields, PhaseFields};
use praxis_domain::timestamps::Timestamp;
use sqlx::AssertSqlSafe;
use uuid::Uuid;

use super::{
    ActorRecord, CAMPAIGN_COLUMNS, CampaignRecord, PhaseRecord, campaign_from_row, count_of, id_of,
    text_of,
};
use crate::{Describe as _, Store, StoreError, StoreResult, corrupt};

impl Store {
    /// Creates a campaign.
    pub async fn create_campaign(
        &self,
        id: CampaignId,
        node: NodeId,
        crew: Option<CrewId>,
        fields: &CampaignFields,
        by: MemberId,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut q = sqlx::query(
            "INSERT INTO campaigns (campaign_id, node_id, crew_id, title, reach, constituency,
                problem, vision, goal_statement, goal_metric, toc_if, toc_then, toc_because,
                os_who, os_what, os_how, os_when, goal_target, goal_deadline, created_by,
                created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                $18, $19, $20, $21, $21)",
        )
        .bind(id.to_string())
        .bind(node.to_string())
        .bind(crew.map(|c| c.to_string()))
        .bind(&fields.title)
        .bind(fields.reach.code());
        for name in CampaignFields::TEXT_FIELDS {
            q = q.bind(fields.get(name).to_owned());
        }
        q.bind(
            fields
                .goal_target
                .map(|t| i64::try_from(t).unwrap_or(i64::MAX)),
        )
        .bind(fields.goal_deadline.clone())
        .bind(by.to_string())
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("inserting a campaign")?;
        Ok(())
    }

    /// Replaces a campaign's strategy.
    pub async fn update_campaign(
        &self,
        id: CampaignId,
        fields: &CampaignFields,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut q = sqlx::query(
            "UPDATE campaigns SET title = $2, reach = $3, constituency = $4, problem = $5,
                vision = $6, goal_statement = $7, goal_metric = $8, toc_if = $9, toc_then = $10,
                toc_because = $11, os_who = $12, os_what = $13, os_how = $14, os_when = $15,
                goal_target = $16, goal_deadline = $17, updated_at = $18
             WHERE campaign_id = $1",
        )
        .bind(id.to_string())
        .bind(&fields.title)
        .bind(fields.reach.code());
        for name in CampaignFields::TEXT_FIELDS {
            q = q.bind(fields.get(name).to_owned());
        }
        let done = q
            .bind(
                fields
                    .goal_target
                    .map(|t| i64::try_from(t).unwrap_or(i64::MAX)),
            )
            .bind(fields.goal_deadline.clone())
            .bind(now.unix_ms())
            .execute(&self.write)
            .await
            .describe("updating a campaign")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// One campaign.
    pub async fn get_campaign(&self, id: CampaignId) -> StoreResult<Option<CampaignRecord>> {
        let sql = format!("SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE campaign_id = $1");
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading a campaign")?;
        row.as_ref().map(campaign_from_row).transpose()
    }

    /// A node's campaigns, newest first, before a keyset cursor (at most `limit`); the caller
    /// filters by who may see them.
    pub async fn node_campaigns(
        &self,
        node: NodeId,
        before: Option<(Timestamp, CampaignId)>,
        limit: u32,
    ) -> StoreResult<Vec<CampaignRecord>> {
        let (at, id) = before.map_or((i64::MAX, String::new()), |(t, i)| {
            (t.unix_ms(), i.to_string())
        });
        let sql = format!(
            "SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE node_id = $1
               AND (created_at < $2 OR (created_at = $2 AND campaign_id < $3) OR $3 = '')
             ORDER BY created_at DESC, campaign_id DESC LIMIT $4"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(node.to_string())
            .bind(at)
            .bind(id)
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing campaigns")?;
        rows.iter().map(campaign_from_row).collect()
    }

    /// Adds an actor to a campaign's map.
    pub async fn add_actor(&self, campaign: CampaignId, a: &ActorFields) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO campaign_actors (actor_id, campaign_id, name, category, interests, resources)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(Uuid::now_v7().to_string())
        .bind(campaign.to_string())
        .bind(&a.name)
        .bind(a.category.code())
        .bind(&a.interests)
        .bind(&a.resources)
        .execute(&self.write)
        .await
        .describe("adding an actor")?;
        Ok(())
    }

    /// Takes an actor off a campaign's map.
    pub async fn remove_actor(&self, campaign: CampaignId, actor: ActorId) -> StoreResult<()> {
        sqlx::query("DELETE FROM campaign_actors WHERE campaign_id = $1 AND actor_id = $2")
            .bind(campaign.to_string())
            .bind(actor.to_string())
            .execute(&self.write)
            .await
            .describe("removing an actor")?;
        Ok(())
    }

    /// A campaign's actors, by category then name.
    pub async fn campaign_actors(&self, campaign: CampaignId) -> StoreResult<Vec<ActorRecord>> {
        let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
            "SELECT actor_id, name, category, interests, resources FROM campaign_actors
             WHERE campaign_id = $1 ORDER BY name, actor_id LIMIT 500",
        )
        .bind(campaign.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing actors")?;
        rows.into_iter()
            .map(|(id, name, category, interests, resources)| {
                Ok(ActorRecord {
                    id: id.parse().map_err(|_| corrupt("actor_id"))?,
                    fields: ActorFields {
                        name,
                        category: ActorCategory::from_code(&category)
                            .ok_or_else(|| corrupt("category"))?,
                        interests,
                        resources,
                    },
                })
            })
            .collect()
    }

    /// Adds a phase to a campaign's timeline.
    pub async fn add_phase(&self, campaign: CampaignId, p: &PhaseFields) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO campaign_phases (phase_id, campaign_id, kind, label, on_date, goal, actual)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(Uuid::now_v7().to_string())
        .bind(campaign.to_string())
        .bind(p.kind.code())
        .bind(&p.label)
        .bind(&p.on)
        .bind(i64::try_from(p.goal).unwrap_or(i64::MAX))
        .bind(p.actual.map(|a| i64::try_from(a).unwrap_or(i64::MAX)))
        .execute(&self.write)
        .await
        .describe("adding a phase")?;
        Ok(())
    }

    /// Records the number a phase reached.
    ///
    /// # Errors
    /// `NotFound` when the phase is not the campaign's.
    pub async fn set_phase_actual(
        &self,
        campaign: CampaignId,
        phase: PhaseId,
        actual: Option<u64>,
    ) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE campaign_phases SET actual = $3 WHERE campaign_id = $1 AND phase_id = $2",
        )
        .bind(campaign.to_string())
        .bind(phase.to_string())
        .bind(actual.map(|a| i64::try_from(a).unwrap_or(i64::MAX)))
        .execute(&self.write)
        .await
        .describe("recording a phase's number")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// A campaign's timeline, by date.
    pub async fn campaign_phases(&self, campaign: CampaignId) -> StoreResult<Vec<PhaseRecord>> {
        let rows = sqlx::query(
            "SELECT phase_id, kind, label, on_date, goal, actual FROM campaign_phases
             WHERE campaign_id = $1 ORDER BY on_date, phase_id LIMIT 200",
        )
        .bind(campaign.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing phases")?;
        rows.iter()
            .map(|row| {
                Ok(PhaseRecord {
                    id: id_of(row, "phase_id")?,
                    fields: PhaseFields {
                        kind: PhaseKind::from_code(&text_of(row, "kind")?)
                            .ok_or_else(|| corrupt("kind"))?,
                        label: text_of(row, "label")?,
                        on: text_of(row, "on_date")?,
                        goal: count_of(row, "goal")?.unwrap_or(0),
                        actual: count_of(row, "actual")?,
                    },
                })
            })
            .collect()
    }

    /// Links a commitment to a campaign.
    pub async fn link_commitment(
        &self,
        commitment: praxis_domain::ids::CommitmentId,
        campaign: CampaignId,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE commitments SET campaign_id = $2 WHERE commitment_id = $1")
            .bind(commitment.to_string())
            .bind(campaign.to_string())
            .execute(&self.write)
            .await
            .describe("linking a commitment")?;
        Ok(())
    }

    /// How many of a campaign's commitments stand at each status.
    pub async fn campaign_commitment_counts(
        &self,
        campaign: CampaignId,
    ) -> StoreResult<Vec<(CommitmentStatus, u64)>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT status, COUNT(*) FROM commitments WHERE campaign_id = $1 GROUP BY status",
        )
        .bind(campaign.to_string())
        .fetch_all(&self.read)
        .await
        .describe("counting a campaign's commitments")?;
        rows.into_iter()
            .map(|(s, n)| {
                Ok((
                    CommitmentStatus::from_code(&s).ok_or_else(|| corrupt("status"))?,
                    u64::try_from(n).unwrap_or(0),
                ))
            })
            .collect()
    }

    /// Deletes a campaign with its actor map, timeline and the reflections on it (lessons
    /// drawn from them stay, without those sources); commitments for it stay, unlinked.
    ///
    /// # Errors
    /// `NotFound` when there is no such campaign.
    pub async fn delete_campaign(&self, id: CampaignId) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM campaigns WHERE campaign_id = $1")
            .bind(id.to_string())
            .execute(&self.write)
            .await
            .describe("deleting a campaign")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}
