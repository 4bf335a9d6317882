//! Teams ("crews"), their health checks, campaigns with their actor maps and timelines,
//! reflections and lessons.

use praxis_domain::campaigns::{ActorCategory, Condition, PhaseKind};
use praxis_domain::commitments::CommitmentStatus;
use praxis_domain::ids::{
    CampaignId, CrewId, ItemId, LessonId, MemberId, NodeId, ReflectionId, WorkshopId,
};
use praxis_domain::lessons::LessonStatus;
use praxis_domain::members::profile::Practice;
use praxis_domain::organizing::{
    ActorFields, CampaignFields, CrewFields, LessonFields, PhaseFields, Reach, ReflectionFields,
    Subject,
};
use praxis_domain::timestamps::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe, Row as _};
use uuid::Uuid;

use crate::search_changes::{ChangedEntity, record_change};
use crate::workshops::TAKES_PART;
use crate::{Describe as _, Store, StoreError, StoreResult, corrupt};

/// A stored team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrewRecord {
    /// Its id.
    pub id: CrewId,
    /// Its node.
    pub node_id: NodeId,
    /// The team it belongs under.
    pub parent_id: Option<CrewId>,
    /// Name, purpose, norms.
    pub fields: CrewFields,
}

/// Someone on a team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrewMember {
    /// Who.
    pub member_id: MemberId,
    /// Their name.
    pub display_name: String,
    /// The role they hold (may be empty).
    pub role: String,
}

/// One health check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthCheck {
    /// When.
    pub at: Timestamp,
    /// The six scores, in [`Condition::ALL`] order.
    pub scores: Vec<(Condition, u8)>,
    /// Notes.
    pub notes: String,
}

/// A stored campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignRecord {
    /// Its id.
    pub id: CampaignId,
    /// Its node.
    pub node_id: NodeId,
    /// Its team, if it has one.
    pub crew_id: Option<CrewId>,
    /// The strategy.
    pub fields: CampaignFields,
    /// Who created it.
    pub created_by: Option<MemberId>,
    /// When.
    pub created_at: Timestamp,
}

/// An actor on a campaign's map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorRecord {
    /// Its id.
    pub id: Uuid,
    /// The actor.
    pub fields: ActorFields,
}

/// A phase of a campaign's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseRecord {
    /// Its id.
    pub id: Uuid,
    /// The phase.
    pub fields: PhaseFields,
}

/// A stored reflection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReflectionRecord {
    /// Its id.
    pub id: ReflectionId,
    /// Its node.
    pub node_id: NodeId,
    /// Its team.
    pub crew_id: Option<CrewId>,
    /// The campaign it looks back on.
    pub campaign_id: Option<CampaignId>,
    /// The answers.
    pub fields: ReflectionFields,
    /// Who wrote it, with their name.
    pub author: Option<(MemberId, String)>,
    /// When.
    pub created_at: Timestamp,
    /// The workshop it looks back on, with its title.
    pub workshop: Option<(WorkshopId, String)>,
}

/// A stored lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonRecord {
    /// Its id.
    pub id: LessonId,
    /// Its node.
    pub node_id: NodeId,
    /// Its team.
    pub crew_id: Option<CrewId>,
    /// The lesson.
    pub fields: LessonFields,
    /// How far it has come.
    pub status: LessonStatus,
    /// Who sees it.
    pub reach: Reach,
    /// Who drew it.
    pub author: Option<MemberId>,
    /// When.
    pub created_at: Timestamp,
}

/// An endorsement of a lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endorsement {
    /// Who.
    pub member_id: MemberId,
    /// Their name.
    pub display_name: String,
    /// Where it worked for them too.
    pub context: String,
}

/// A new lesson.
#[derive(Debug, Clone)]
pub struct NewLesson<'a> {
    /// Its id.
    pub id: LessonId,
    /// Its node.
    pub node_id: NodeId,
    /// Its team.
    pub crew_id: Option<CrewId>,
    /// The lesson.
    pub fields: &'a LessonFields,
    /// Who sees it.
    pub reach: Reach,
    /// The reflections it was drawn from.
    pub sources: &'a [ReflectionId],
    /// Who drew it.
    pub author: MemberId,
    /// When.
    pub now: Timestamp,
}

fn id_of<T: std::str::FromStr>(row: &AnyRow, column: &'static str) -> StoreResult<T> {
    let text: String = row.try_get(column).describe(column)?;
    text.parse().map_err(|_| corrupt(column))
}

fn opt_id_of<T: std::str::FromStr>(row: &AnyRow, column: &'static str) -> StoreResult<Option<T>> {
    let text: Option<String> = row.try_get(column).describe(column)?;
    text.map(|t| t.parse().map_err(|_| corrupt(column)))
        .transpose()
}

fn text_of(row: &AnyRow, column: &'static str) -> StoreResult<String> {
    row.try_get(column).describe(column)
}

fn at_of(row: &AnyRow, column: &'static str) -> StoreResult<Timestamp> {
    let ms: i64 = row.try_get(column).describe(column)?;
    Ok(Timestamp::from_unix_ms(ms))
}

fn count_of(row: &AnyRow, column: &'static str) -> StoreResult<Option<u64>> {
    let n: Option<i64> = row.try_get(column).describe(column)?;
    n.map(|n| u64::try_from(n).map_err(|_| corrupt(column)))
        .transpose()
}

fn reach_of(row: &AnyRow) -> StoreResult<Reach> {
    Reach::from_code(&text_of(row, "reach")?).ok_or_else(|| corrupt("reach"))
}

fn list(text: &str) -> Vec<String> {
    text.split('\n')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

const CREW_COLUMNS: &str = "crew_id, node_id, parent_id, name, purpose, norms";

fn crew_from_row(row: &AnyRow) -> StoreResult<CrewRecord> {
    Ok(CrewRecord {
        id: id_of(row, "crew_id")?,
        node_id: id_of(row, "node_id")?,
        parent_id: opt_id_of(row, "parent_id")?,
        fields: CrewFields {
            name: text_of(row, "name")?,
            purpose: text_of(row, "purpose")?,
            norms: text_of(row, "norms")?,
        },
    })
}

const CAMPAIGN_COLUMNS: &str = "campaign_id, node_id, crew_id, title, reach, constituency, problem, \
     vision, goal_statement, goal_metric, goal_target, goal_deadline, toc_if, toc_then, \
     toc_because, os_who, os_what, os_how, os_when, created_by, created_at";

fn campaign_from_row(row: &AnyRow) -> StoreResult<CampaignRecord> {
    let mut text = Vec::new();
    for name in CampaignFields::TEXT_FIELDS {
        text.push((name, text_of(row, name)?));
    }
    Ok(CampaignRecord {
        id: id_of(row, "campaign_id")?,
        node_id: id_of(row, "node_id")?,
        crew_id: opt_id_of(row, "crew_id")?,
        fields: CampaignFields {
            title: text_of(row, "title")?,
            reach: reach_of(row)?,
            text,
            goal_target: count_of(row, "goal_target")?,
            goal_deadline: row.try_get("goal_deadline").describe("goal_deadline")?,
        },
        created_by: opt_id_of(row, "created_by")?,
        created_at: at_of(row, "created_at")?,
    })
}

const REFLECTION_COLUMNS: &str = "r.reflection_id, r.node_id, r.crew_id, r.campaign_id, r.subject, \
     r.label, r.reach, r.intended, r.happened, r.difference, r.sustain, r.improve, r.numbers, \
     r.participants, r.author_id, m.display_name AS author_name, r.created_at, r.workshop_id, \
     (SELECT w.title FROM workshops w WHERE w.workshop_id = r.workshop_id) AS workshop_title";

fn reflection_from_row(row: &AnyRow) -> StoreResult<ReflectionRecord> {
    let mut answers = Vec::new();
    for name in ReflectionFields::QUESTIONS {
        answers.push((name, text_of(row, name)?));
    }
    let author: Option<MemberId> = opt_id_of(row, "author_id")?;
    let author_name: Option<String> = row.try_get("author_name").describe("author_name")?;
    Ok(ReflectionRecord {
        id: id_of(row, "reflection_id")?,
        node_id: id_of(row, "node_id")?,
        crew_id: opt_id_of(row, "crew_id")?,
        campaign_id: opt_id_of(row, "campaign_id")?,
        fields: ReflectionFields {
            subject: Subject::from_code(&text_of(row, "subject")?)
                .ok_or_else(|| corrupt("subject"))?,
            label: text_of(row, "label")?,
            reach: reach_of(row)?,
            answers,
        },
        author: author.zip(author_name),
        created_at: at_of(row, "created_at")?,
        workshop: opt_id_of::<WorkshopId>(row, "workshop_id")?.zip(
            row.try_get::<Option<String>, _>("workshop_title")
                .describe("workshop_title")?,
        ),
    })
}

const LESSON_COLUMNS: &str = "lesson_id, node_id, crew_id, statement, practices, domains, regions, \
     status, reach, author_id, created_at";

fn lesson_from_row(row: &AnyRow) -> StoreResult<LessonRecord> {
    let practices = list(&text_of(row, "practices")?)
        .iter()
        .map(|p| Practice::from_code(p).ok_or_else(|| corrupt("practices")))
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(LessonRecord {
        id: id_of(row, "lesson_id")?,
        node_id: id_of(row, "node_id")?,
        crew_id: opt_id_of(row, "crew_id")?,
        fields: LessonFields {
            statement: text_of(row, "statement")?,
            practices,
            domains: list(&text_of(row, "domains")?),
            regions: list(&text_of(row, "regions")?),
        },
        status: LessonStatus::from_code(&text_of(row, "status")?)
            .ok_or_else(|| corrupt("status"))?,
        reach: reach_of(row)?,
        author: opt_id_of(row, "author_id")?,
        created_at: at_of(row, "created_at")?,
    })
}

/// Queues every lesson of a node for search when the node's visibility changes (inside the
/// node edit's transaction).
pub(crate) async fn follow_node_visibility(
    conn: &mut AnyConnection,
    node: NodeId,
    now: Timestamp,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO search_changes (entity, entity_id, changed_at)
         SELECT 'lesson', lesson_id, $2 FROM lessons WHERE node_id = $1",
    )
    .bind(node.to_string())
    .bind(now.unix_ms())
    .execute(conn)
    .await
    .describe("queueing a node's lessons")?;
    Ok(())
}

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

    /// True when the member is on the team.
    pub async fn is_crew_member(&self, crew: CrewId, member: MemberId) -> StoreResult<bool> {
        let found: Option<String> = sqlx::query_scalar(
            "SELECT member_id FROM crew_members WHERE crew_id = $1 AND member_id = $2",
        )
        .bind(crew.to_string())
        .bind(member.to_string())
        .fetch_optional(&self.read)
        .await
        .describe("checking a team's membership")?;
        Ok(found.is_some())
    }

    /// The teams the member belongs to.
    pub async fn member_crews(&self, member: MemberId) -> StoreResult<Vec<CrewId>> {
        let rows: Vec<String> =
            sqlx::query_scalar("SELECT crew_id FROM crew_members WHERE member_id = $1 LIMIT 1000")
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
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT DISTINCT m.member_id, m.display_name FROM crew_members mine
             JOIN crew_members other ON other.crew_id = mine.crew_id
             JOIN members m ON m.member_id = other.member_id
             WHERE mine.member_id = $1 AND other.member_id <> $1
             ORDER BY m.display_name, m.member_id LIMIT 200",
        )
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
    pub async fn remove_actor(&self, campaign: CampaignId, actor: Uuid) -> StoreResult<()> {
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
        phase: Uuid,
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
