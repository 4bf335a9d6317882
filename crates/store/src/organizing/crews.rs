//! Teams (crews): members and roles, health checks, and their commitments' counts.

use praxis_domain::campaigns::Condition;
use praxis_domain::commitments::CommitmentStatus;
use praxis_domain::ids::{CrewId, MemberId, NodeId};
use praxis_domain::organizing::CrewFields;
use praxis_domain::timestamps::Timestamp;
use sqlx::{AssertSqlSafe, Row as _};

use super::{CREW_COLUMNS, CrewMember, CrewRecord, HealthCheck, at_of, crew_from_row, text_of};
use crate::{Describe as _, Store, StoreResult, corrupt};

/// The teams member `$1` is on now: a row on the team, and an active member of its node (a
/// member who left, was removed or was banned keeps the row for history, not the access).
pub(crate) const CURRENT_CREWS: &str = "SELECT cm.crew_id FROM crew_members cm
     JOIN crews c ON c.crew_id = cm.crew_id
     JOIN node_members nm ON nm.node_id = c.node_id AND nm.member_id = cm.member_id
        AND nm.status = 'active'
     WHERE cm.member_id = $1";

impl Store {
    /// Creates a team in a node, its creator on it.
    #[expect(clippy::too_many_arguments, reason = "one team, every part named")]
    pub async fn create_crew(
        &self,
        id: CrewId,
        node: NodeId,
        parent: Option<CrewId>,
        fields: &CrewFields,
        creator: MemberId,
        creator_role: &str,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting a team")?;
        sqlx::query(
            "INSERT INTO crews (crew_id, node_id, parent_id, name, purpose, norms, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id.to_string())
        .bind(node.to_string())
        .bind(parent.map(|p| p.to_string()))
        .bind(&fields.name)
        .bind(&fields.purpose)
        .bind(&fields.norms)
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("inserting a team")?;
        sqlx::query("INSERT INTO crew_members (crew_id, member_id, role) VALUES ($1, $2, $3)")
            .bind(id.to_string())
            .bind(creator.to_string())
            .bind(creator_role)
            .execute(&mut *tx)
            .await
            .describe("adding the team's creator")?;
        tx.commit().await.describe("committing a team")
    }

    /// Edits a team's name, purpose and norms.
    pub async fn update_crew(&self, id: CrewId, fields: &CrewFields) -> StoreResult<()> {
        sqlx::query("UPDATE crews SET name = $2, purpose = $3, norms = $4 WHERE crew_id = $1")
            .bind(id.to_string())
            .bind(&fields.name)
            .bind(&fields.purpose)
            .bind(&fields.norms)
            .execute(&self.write)
            .await
            .describe("updating a team")?;
        Ok(())
    }

    /// One team.
    pub async fn get_crew(&self, id: CrewId) -> StoreResult<Option<CrewRecord>> {
        let sql = format!("SELECT {CREW_COLUMNS} FROM crews WHERE crew_id = $1");
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading a team")?;
        row.as_ref().map(crew_from_row).transpose()
    }

    /// A node's teams, by name (at most `limit`).
    pub async fn node_crews(&self, node: NodeId, limit: u32) -> StoreResult<Vec<CrewRecord>> {
        let sql = format!(
            "SELECT {CREW_COLUMNS} FROM crews WHERE node_id = $1 ORDER BY name, crew_id LIMIT $2"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(node.to_string())
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing a node's teams")?;
        rows.iter().map(crew_from_row).collect()
    }

    /// How many people are on each of a node's teams (teams with nobody are absent).
    pub async fn node_crew_sizes(&self, node: NodeId) -> StoreResult<Vec<(CrewId, u64)>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT cm.crew_id, COUNT(*) FROM crew_members cm
             JOIN crews c ON c.crew_id = cm.crew_id
             WHERE c.node_id = $1 GROUP BY cm.crew_id",
        )
        .bind(node.to_string())
        .fetch_all(&self.read)
        .await
        .describe("counting a node's teams")?;
        rows.into_iter()
            .map(|(id, n)| {
                Ok((
                    id.parse().map_err(|_| corrupt("crew_id"))?,
                    u64::try_from(n).unwrap_or(0),
                ))
            })
            .collect()
    }

    /// A team's members with their roles.
    pub async fn crew_members(&self, id: CrewId) -> StoreResult<Vec<CrewMember>> {
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT c.member_id, m.display_name, c.role FROM crew_members c
             JOIN members m ON m.member_id = c.member_id
             WHERE c.crew_id = $1 ORDER BY m.display_name, c.member_id LIMIT 500",
        )
        .bind(id.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing a team's members")?;
        rows.into_iter()
            .map(|(id, display_name, role)| {
                Ok(CrewMember {
                    member_id: id.parse().map_err(|_| corrupt("member_id"))?,
                    display_name,
                    role,
                })
            })
            .collect()
    }

    /// True when the member is on the team now (and an active member of its node).
    pub async fn is_crew_member(&self, crew: CrewId, member: MemberId) -> StoreResult<bool> {
        let found: Option<String> = sqlx::query_scalar(
            "SELECT cm.member_id FROM crew_members cm
             JOIN crews c ON c.crew_id = cm.crew_id
             JOIN node_members nm ON nm.node_id = c.node_id AND nm.member_id = cm.member_id
                AND nm.status = 'active'
             WHERE cm.crew_id = $1 AND cm.member_id = $2",
        )
        .bind(crew.to_string())
        .bind(member.to_string())
        .fetch_optional(&self.read)
        .await
        .describe("checking a team's membership")?;
        Ok(found.is_some())
    }

    /// The teams the member belongs to now: on the team and an active member of its node.
    pub async fn member_crews(&self, member: MemberId) -> StoreResult<Vec<CrewId>> {
        let rows: Vec<String> =
            sqlx::query_scalar(AssertSqlSafe(format!("{CURRENT_CREWS} LIMIT 1000")))
                .bind(member.to_string())
                .fetch_all(&self.read)
                .await
                .describe("listing a member's teams")?;
        rows.iter()
            .map(|r| r.parse().map_err(|_| corrupt("crew_id")))
            .collect()
    }

    /// The people who share a team with a member, by name (the first 200).
    pub async fn teammates(&self, member: MemberId) -> StoreResult<Vec<(MemberId, String)>> {
        let rows: Vec<(String, String)> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT DISTINCT m.member_id, m.display_name FROM crew_members other
             JOIN crews c ON c.crew_id = other.crew_id
             JOIN node_members nm ON nm.node_id = c.node_id AND nm.member_id = other.member_id
                AND nm.status = 'active'
             JOIN members m ON m.member_id = other.member_id
             WHERE other.crew_id IN ({CURRENT_CREWS}) AND other.member_id <> $1
             ORDER BY m.display_name, m.member_id LIMIT 200"
        )))
        .bind(member.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing teammates")?;
        rows.into_iter()
            .map(|(id, name)| Ok((id.parse().map_err(|_| corrupt("member_id"))?, name)))
            .collect()
    }

    /// Puts a member on a team with a role (or changes their role).
    pub async fn set_crew_member(
        &self,
        id: CrewId,
        member: MemberId,
        role: &str,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting a team change")?;
        sqlx::query("DELETE FROM crew_members WHERE crew_id = $1 AND member_id = $2")
            .bind(id.to_string())
            .bind(member.to_string())
            .execute(&mut *tx)
            .await
            .describe("replacing a role")?;
        sqlx::query("INSERT INTO crew_members (crew_id, member_id, role) VALUES ($1, $2, $3)")
            .bind(id.to_string())
            .bind(member.to_string())
            .bind(role)
            .execute(&mut *tx)
            .await
            .describe("adding a team member")?;
        tx.commit().await.describe("committing a team change")
    }

    /// Takes a member off a team.
    pub async fn remove_crew_member(&self, id: CrewId, member: MemberId) -> StoreResult<()> {
        sqlx::query("DELETE FROM crew_members WHERE crew_id = $1 AND member_id = $2")
            .bind(id.to_string())
            .bind(member.to_string())
            .execute(&self.write)
            .await
            .describe("removing a team member")?;
        Ok(())
    }

    /// Records a health check.
    pub async fn add_health_check(
        &self,
        id: CrewId,
        by: MemberId,
        scores: &[(Condition, u8)],
        notes: &str,
        now: Timestamp,
    ) -> StoreResult<()> {
        let score = |c: Condition| -> i64 {
            scores
                .iter()
                .find(|(k, _)| *k == c)
                .map_or(0, |(_, v)| i64::from(*v))
        };
        let mut q = sqlx::query(
            "INSERT INTO crew_health_checks (crew_id, checked_at, by_id, real_team,
                compelling_purpose, right_people, sound_structure, supportive_context,
                team_coaching, notes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(id.to_string())
        .bind(now.unix_ms())
        .bind(by.to_string());
        for c in Condition::ALL {
            q = q.bind(score(c));
        }
        q.bind(notes)
            .execute(&self.write)
            .await
            .describe("recording a health check")?;
        Ok(())
    }

    /// A team's health checks, oldest first (the last 50).
    pub async fn health_checks(&self, id: CrewId) -> StoreResult<Vec<HealthCheck>> {
        let rows = sqlx::query(
            "SELECT h.checked_at, h.real_team, h.compelling_purpose, h.right_people,
                h.sound_structure, h.supportive_context, h.team_coaching, h.notes
             FROM (SELECT checked_at, real_team, compelling_purpose, right_people,
                     sound_structure, supportive_context, team_coaching, notes
                   FROM crew_health_checks WHERE crew_id = $1
                   ORDER BY checked_at DESC LIMIT 50) h
             ORDER BY h.checked_at",
        )
        .bind(id.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing health checks")?;
        rows.iter()
            .map(|row| {
                let mut scores = Vec::new();
                for c in Condition::ALL {
                    let v: i64 = row.try_get(c.code()).describe("score")?;
                    scores.push((c, u8::try_from(v).map_err(|_| corrupt("score"))?));
                }
                Ok(HealthCheck {
                    at: at_of(row, "checked_at")?,
                    scores,
                    notes: text_of(row, "notes")?,
                })
            })
            .collect()
    }

    /// How many commitments asked by the team's members stand at each status.
    pub async fn crew_commitment_counts(
        &self,
        crew: CrewId,
    ) -> StoreResult<Vec<(CommitmentStatus, u64)>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT c.status, COUNT(*) FROM commitments c
             JOIN crew_members m ON m.member_id = c.asker_id AND m.crew_id = $1
             GROUP BY c.status",
        )
        .bind(crew.to_string())
        .fetch_all(&self.read)
        .await
        .describe("counting a team's commitments")?;
        rows.into_iter()
            .map(|(s, n)| {
                Ok((
                    CommitmentStatus::from_code(&s).ok_or_else(|| corrupt("status"))?,
                    u64::try_from(n).unwrap_or(0),
                ))
            })
            .collect()
    }
}
