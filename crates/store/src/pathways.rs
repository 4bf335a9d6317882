//! Pathway steps reached and nominations.

use praxis_domain::ids::{MemberId, NodeId};
use praxis_domain::pathways::Step;
use praxis_domain::timestamps::Timestamp;

use crate::{Describe as _, Store, StoreResult, corrupt};

/// One member's current step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineEntry {
    /// The member.
    pub member_id: MemberId,
    /// Their name.
    pub display_name: String,
    /// Their furthest step.
    pub step: Step,
    /// When they reached it (YYYY-MM-DD).
    pub reached_on: String,
}

/// A nomination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nomination {
    /// The nominee.
    pub member_id: MemberId,
    /// Their name.
    pub display_name: String,
    /// Who nominated them.
    pub nominated_by: String,
    /// The step suggested.
    pub step: Step,
    /// The evidence.
    pub evidence: String,
    /// When.
    pub created_at: Timestamp,
}

impl Store {
    /// Records that a member reached a step on a day (the first record of a step stays).
    pub async fn record_step(
        &self,
        member: MemberId,
        step: Step,
        reached_on: &str,
        by: MemberId,
        now: Timestamp,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "INSERT INTO pathway_steps (member_id, step, reached_on, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (member_id, step) DO NOTHING",
        )
        .bind(member.to_string())
        .bind(step.code())
        .bind(reached_on)
        .bind(by.to_string())
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("recording a step")?;
        Ok(done.rows_affected() > 0)
    }

    /// Every member's furthest step (of one node's members when given), one query.
    pub async fn pipeline(&self, node: Option<NodeId>) -> StoreResult<Vec<PipelineEntry>> {
        let rows: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT p.member_id, m.display_name, p.step, p.reached_on FROM pathway_steps p
             JOIN members m ON m.member_id = p.member_id
             WHERE $1 = '' OR EXISTS (SELECT 1 FROM node_members nm WHERE nm.node_id = $1
                AND nm.member_id = p.member_id AND nm.status = 'active')
             ORDER BY p.member_id LIMIT 100000",
        )
        .bind(node.map(|n| n.to_string()).unwrap_or_default())
        .fetch_all(&self.read)
        .await
        .describe("reading the pipeline")?;
        let mut out: Vec<PipelineEntry> = Vec::new();
        for (member, name, step, on) in rows {
            let member: MemberId = member.parse().map_err(|_| corrupt("member_id"))?;
            let step = Step::from_code(&step).ok_or_else(|| corrupt("step"))?;
            match out.last_mut() {
                Some(last) if last.member_id == member => {
                    if step > last.step {
                        last.step = step;
                        last.reached_on = on;
                    }
                }
                _ => out.push(PipelineEntry {
                    member_id: member,
                    display_name: name,
                    step,
                    reached_on: on,
                }),
            }
        }
        Ok(out)
    }

    /// Records a nomination.
    pub async fn nominate(
        &self,
        member: MemberId,
        by: MemberId,
        step: Step,
        evidence: &str,
        now: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO nominations (nomination_id, member_id, nominated_by, step, evidence, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(member.to_string())
        .bind(by.to_string())
        .bind(step.code())
        .bind(evidence)
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("recording a nomination")?;
        Ok(())
    }

    /// The latest nominations (of one node's members when given).
    pub async fn list_nominations(
        &self,
        node: Option<NodeId>,
        limit: u32,
    ) -> StoreResult<Vec<Nomination>> {
        let rows: Vec<(String, String, Option<String>, String, String, i64)> = sqlx::query_as(
            "SELECT n.member_id, m.display_name, b.display_name, n.step, n.evidence, n.created_at
             FROM nominations n JOIN members m ON m.member_id = n.member_id
             LEFT JOIN members b ON b.member_id = n.nominated_by
             WHERE $1 = '' OR EXISTS (SELECT 1 FROM node_members nm WHERE nm.node_id = $1
                AND nm.member_id = n.member_id AND nm.status = 'active')
             ORDER BY n.created_at DESC LIMIT $2",
        )
        .bind(node.map(|n| n.to_string()).unwrap_or_default())
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await
        .describe("listing nominations")?;
        rows.into_iter()
            .map(|(member, name, by, step, evidence, at)| {
                Ok(Nomination {
                    member_id: member.parse().map_err(|_| corrupt("member_id"))?,
                    display_name: name,
                    nominated_by: by.unwrap_or_default(),
                    step: Step::from_code(&step).ok_or_else(|| corrupt("step"))?,
                    evidence,
                    created_at: Timestamp::from_unix_ms(at),
                })
            })
            .collect()
    }
}
