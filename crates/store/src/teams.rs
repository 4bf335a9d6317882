//! A workshop's teams: the draft the engine proposed (and trainers changed), then published.

use praxis_domain::ids::{MemberId, TeamId, WorkshopId};
use praxis_domain::timestamps::Timestamp;
use sqlx::Row as _;

use crate::{Constraint, Describe as _, Store, StoreError, StoreResult, corrupt};

/// A team to save.
#[derive(Debug, Clone)]
pub struct NewTeam {
    /// Its id.
    pub id: TeamId,
    /// The coach.
    pub coach: Option<MemberId>,
    /// A new coach paired with the lead.
    pub co_coach: Option<MemberId>,
    /// The working language.
    pub language: String,
    /// Members with the reasons they were placed (codes, one per line).
    pub members: Vec<(MemberId, String)>,
}

/// A member of a team as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamMember {
    /// The member.
    pub id: MemberId,
    /// Their display name.
    pub display_name: String,
    /// Why they are here (codes, one per line).
    pub reasons: String,
}

/// A stored team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamRecord {
    /// Its id.
    pub id: TeamId,
    /// Its place in the list, from 1.
    pub position: i64,
    /// The coach and their name.
    pub coach: Option<(MemberId, String)>,
    /// The co-coach and their name.
    pub co_coach: Option<(MemberId, String)>,
    /// The working language.
    pub language: String,
    /// Published to its members.
    pub published: bool,
    /// The members, by name.
    pub members: Vec<TeamMember>,
}

impl Store {
    /// Replaces the workshop's draft teams.
    ///
    /// # Errors
    /// `Conflict(WorkshopFull)` is never returned; `Conflict(StaleVersion)` when teams were
    /// already published (a published team is changed by hand, not replaced).
    pub async fn replace_team_draft(
        &self,
        workshop: WorkshopId,
        teams: &[NewTeam],
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting a team draft")?;
        let published: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM workshop_teams WHERE workshop_id = $1 AND published_at IS NOT NULL",
        )
        .bind(workshop.to_string())
        .fetch_one(&mut *tx)
        .await
        .describe("checking for published teams")?;
        if published > 0 {
            return Err(StoreError::Conflict(Constraint::StaleVersion));
        }
        sqlx::query("DELETE FROM workshop_teams WHERE workshop_id = $1")
            .bind(workshop.to_string())
            .execute(&mut *tx)
            .await
            .describe("clearing the draft")?;
        for (i, team) in teams.iter().enumerate() {
            sqlx::query(
                "INSERT INTO workshop_teams (team_id, workshop_id, position, coach_id, co_coach_id,
                    language, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(team.id.to_string())
            .bind(workshop.to_string())
            .bind(i64::try_from(i + 1).unwrap_or(i64::MAX))
            .bind(team.coach.map(|c| c.to_string()))
            .bind(team.co_coach.map(|c| c.to_string()))
            .bind(&team.language)
            .bind(now.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("saving a team")?;
            for (member, reasons) in &team.members {
                sqlx::query(
                    "INSERT INTO workshop_team_members (team_id, member_id, reasons) VALUES ($1, $2, $3)",
                )
                .bind(team.id.to_string())
                .bind(member.to_string())
                .bind(reasons)
                .execute(&mut *tx)
                .await
                .describe("saving a team member")?;
            }
        }
        tx.commit().await.describe("committing a team draft")
    }

    /// The workshop's teams with their members (two queries).
    pub async fn list_teams(&self, workshop: WorkshopId) -> StoreResult<Vec<TeamRecord>> {
        let rows = sqlx::query(
            "SELECT t.team_id, t.position, t.coach_id, c.display_name AS coach_name, t.co_coach_id,
                cc.display_name AS co_coach_name, t.language, t.published_at
             FROM workshop_teams t
             LEFT JOIN members c ON c.member_id = t.coach_id
             LEFT JOIN members cc ON cc.member_id = t.co_coach_id
             WHERE t.workshop_id = $1 ORDER BY t.position LIMIT 5000",
        )
        .bind(workshop.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing teams")?;
        let mut teams = Vec::with_capacity(rows.len());
        for row in &rows {
            let person =
                |id: &'static str, name: &'static str| -> StoreResult<Option<(MemberId, String)>> {
                    let id: Option<String> = row.try_get(id).describe(id)?;
                    let name: Option<String> = row.try_get(name).describe(name)?;
                    match (id, name) {
                        (Some(id), Some(name)) => {
                            Ok(Some((id.parse().map_err(|_| corrupt("coach"))?, name)))
                        }
                        _ => Ok(None),
                    }
                };
            let published: Option<i64> = row.try_get("published_at").describe("published_at")?;
            let id: String = row.try_get("team_id").describe("team_id")?;
            teams.push(TeamRecord {
                id: id.parse().map_err(|_| corrupt("team_id"))?,
                position: row.try_get("position").describe("position")?,
                coach: person("coach_id", "coach_name")?,
                co_coach: person("co_coach_id", "co_coach_name")?,
                language: row.try_get("language").describe("language")?,
                published: published.is_some(),
                members: Vec::new(),
            });
        }
        let members = sqlx::query(
            "SELECT tm.team_id, tm.member_id, m.display_name, tm.reasons
             FROM workshop_team_members tm
             JOIN workshop_teams t ON t.team_id = tm.team_id
             JOIN members m ON m.member_id = tm.member_id
             WHERE t.workshop_id = $1 ORDER BY m.display_name, tm.member_id",
        )
        .bind(workshop.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing team members")?;
        for row in &members {
            let team: String = row.try_get("team_id").describe("team_id")?;
            let member: String = row.try_get("member_id").describe("member_id")?;
            let team: TeamId = team.parse().map_err(|_| corrupt("team_id"))?;
            if let Some(t) = teams.iter_mut().find(|t| t.id == team) {
                t.members.push(TeamMember {
                    id: member.parse().map_err(|_| corrupt("member_id"))?,
                    display_name: row.try_get("display_name").describe("display_name")?,
                    reasons: row.try_get("reasons").describe("reasons")?,
                });
            }
        }
        Ok(teams)
    }

    /// Moves a member to another team of the same workshop (their placement reasons go: a
    /// trainer placed them).
    ///
    /// # Errors
    /// `NotFound` when the member is in no team of the workshop or the team is not its own.
    pub async fn move_team_member(
        &self,
        workshop: WorkshopId,
        member: MemberId,
        to: TeamId,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting a move")?;
        let target: Option<String> = sqlx::query_scalar(
            "SELECT team_id FROM workshop_teams WHERE team_id = $1 AND workshop_id = $2",
        )
        .bind(to.to_string())
        .bind(workshop.to_string())
        .fetch_optional(&mut *tx)
        .await
        .describe("finding the team")?;
        if target.is_none() {
            return Err(StoreError::NotFound);
        }
        let done = sqlx::query(
            "UPDATE workshop_team_members SET team_id = $3, reasons = ''
             WHERE member_id = $2 AND team_id IN (SELECT team_id FROM workshop_teams WHERE workshop_id = $1)",
        )
        .bind(workshop.to_string())
        .bind(member.to_string())
        .bind(to.to_string())
        .execute(&mut *tx)
        .await
        .describe("moving a member")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await.describe("committing a move")
    }

    /// Publishes the workshop's teams; returns how many.
    pub async fn publish_teams(&self, workshop: WorkshopId, now: Timestamp) -> StoreResult<u64> {
        let done = sqlx::query(
            "UPDATE workshop_teams SET published_at = $2 WHERE workshop_id = $1 AND published_at IS NULL",
        )
        .bind(workshop.to_string())
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("publishing teams")?;
        Ok(done.rows_affected())
    }

    /// Confirmed organizations of these members: (member, organization id), at most one each.
    pub async fn member_organizations(
        &self,
        ids: &[MemberId],
    ) -> StoreResult<Vec<(MemberId, String)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = (1..=ids.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT member_id, MIN(org_id) AS org_id FROM organization_members
             WHERE status = 'confirmed' AND member_id IN ({placeholders}) GROUP BY member_id"
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in ids {
            query = query.bind(id.to_string());
        }
        let rows = query
            .fetch_all(&self.read)
            .await
            .describe("reading affiliations")?;
        rows.iter()
            .map(|row| {
                let member: String = row.try_get("member_id").describe("member_id")?;
                Ok((
                    member.parse().map_err(|_| corrupt("member_id"))?,
                    row.try_get("org_id").describe("org_id")?,
                ))
            })
            .collect()
    }
}
