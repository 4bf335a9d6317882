//! Teams ("crews"), their health checks, campaigns with their actor maps and timelines,
//! reflections and lessons.

use praxis_domain::campaigns::Condition;
use praxis_domain::ids::{
    ActorId, CampaignId, CrewId, LessonId, MemberId, NodeId, PhaseId, ReflectionId, WorkshopId,
};
use praxis_domain::lessons::LessonStatus;
use praxis_domain::members::profile::Practice;
use praxis_domain::organizing::{
    ActorFields, CampaignFields, CrewFields, LessonFields, PhaseFields, Reach, ReflectionFields,
    Subject,
};
use praxis_domain::timestamps::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row as _};

use crate::{Describe as _, StoreResult, corrupt};

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
    pub id: ActorId,
    /// The actor.
    pub fields: ActorFields,
}

/// A phase of a campaign's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseRecord {
    /// Its id.
    pub id: PhaseId,
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

mod campaigns;
pub(crate) mod crews;
mod lessons;
mod reflections;
