//! Teams in the snowflake model: a shared purpose, norms, roles with holders, a parent team —
//! and their health on the six conditions, kept as history.

use praxis_domain::campaigns::parse_health;
use praxis_domain::commitments::CommitmentStatus;
use praxis_domain::ids::{CrewId, MemberId};
use praxis_domain::organizing::{CrewFields, RawCrewFields};
use praxis_domain::validation::FieldErrors;
use tracing::instrument;

use crate::policy::CurrentMember;
use crate::policy::organizing::{Place, crew_to_work_on, node_place, visible_crew};
use crate::{AppError, AppResult, Context};

pub use praxis_store::organizing::{CrewMember, CrewRecord, HealthCheck};

/// The longest role name, in characters.
const MAX_ROLE_CHARS: usize = 100;

/// A team as its page shows it.
#[derive(Debug, Clone)]
pub struct CrewView {
    /// The team.
    pub crew: CrewRecord,
    /// Where the viewer stands.
    pub place: Place,
    /// Who is on it.
    pub members: Vec<CrewMember>,
    /// The team above it.
    pub parent: Option<CrewRecord>,
    /// The teams under it.
    pub children: Vec<CrewRecord>,
    /// Health checks, oldest first (team members and stewards only).
    pub checks: Vec<HealthCheck>,
    /// The kept rate of the commitments its members asked for.
    pub kept_rate: Option<u32>,
}

/// A node's teams as its organizing page shows them.
#[derive(Debug, Clone)]
pub struct NodeCrews {
    /// Where the viewer stands in the node.
    pub place: Place,
    /// The teams the viewer may see.
    pub crews: Vec<CrewRecord>,
    /// How many people are on each of them.
    pub sizes: Vec<(CrewId, u64)>,
    /// The viewer's own teams among them (all of them for a steward, who works on every one).
    pub mine: Vec<CrewId>,
}

/// The teams of a node, for its members.
///
/// # Errors
/// `NotFound` for a node the member may not see.
pub async fn node_crews(ctx: &Context, me: &CurrentMember, node: &str) -> AppResult<NodeCrews> {
    let place = node_place(ctx, me, node).await?;
    let all = ctx.store.node_crews(place.node.id, 500).await?;
    let on = ctx.store.member_crews(me.id).await?;
    // Outsiders learn nothing of a node's teams; under the safety setting, members see only
    // their own.
    let crews: Vec<CrewRecord> = if place.sees_all_teams() {
        all
    } else {
        all.into_iter().filter(|c| on.contains(&c.id)).collect()
    };
    let sizes = if crews.is_empty() {
        Vec::new()
    } else {
        ctx.store.node_crew_sizes(place.node.id).await?
    };
    let mine = crews
        .iter()
        .filter(|c| place.is_steward() || on.contains(&c.id))
        .map(|c| c.id)
        .collect();
    Ok(NodeCrews {
        place,
        crews,
        sizes,
        mine,
    })
}

/// Creates a team in a node (its members do), under a parent team of the same node if given;
/// the creator joins it with their role.
///
/// # Errors
/// `NotFound` for a node or parent the member may not see, `Forbidden` for a non-member,
/// `Invalid` naming fields.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn create_crew(
    ctx: &Context,
    me: &CurrentMember,
    node: &str,
    parent: &str,
    raw: RawCrewFields,
    role: &str,
) -> AppResult<CrewId> {
    let place = node_place(ctx, me, node).await?;
    if !place.standing.is_member() {
        return Err(AppError::Forbidden);
    }
    let mut errors = FieldErrors::new();
    let parent = match parent.trim() {
        "" => None,
        p => match p.parse::<CrewId>().ok() {
            Some(id) => match ctx.store.get_crew(id).await? {
                Some(c) if c.node_id == place.node.id => Some(id),
                _ => {
                    errors.add("parent", "error-unknown-choice");
                    None
                }
            },
            None => {
                errors.add("parent", "error-unknown-choice");
                None
            }
        },
    };
    if role.trim().chars().count() > MAX_ROLE_CHARS {
        errors.add("role", "error-too-long");
    }
    let fields = match CrewFields::parse(raw) {
        Ok(f) => Some(f),
        Err(e) => {
            for err in e.iter() {
                errors.add(err.field().to_owned(), err.key());
            }
            None
        }
    };
    let Some(fields) = fields.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let id = CrewId::generate();
    ctx.store
        .create_crew(
            id,
            place.node.id,
            parent,
            &fields,
            me.id,
            role.trim(),
            ctx.now(),
        )
        .await?;
    Ok(id)
}

/// A team's page.
///
/// # Errors
/// `NotFound` for anyone who may not see it.
pub async fn view_crew(ctx: &Context, me: &CurrentMember, id: CrewId) -> AppResult<CrewView> {
    let (crew, place) = visible_crew(ctx, me, id).await?;
    let members = ctx.store.crew_members(crew.id).await?;
    let parent = match crew.parent_id {
        Some(p) => ctx.store.get_crew(p).await?,
        None => None,
    };
    let children = ctx
        .store
        .node_crews(crew.node_id, 500)
        .await?
        .into_iter()
        .filter(|c| c.parent_id == Some(crew.id))
        .collect();
    let inside = place.in_team || place.is_steward();
    let checks = if inside {
        ctx.store.health_checks(crew.id).await?
    } else {
        Vec::new()
    };
    let kept = if inside {
        rate_of(&ctx.store.crew_commitment_counts(crew.id).await?)
    } else {
        None
    };
    Ok(CrewView {
        crew,
        place,
        members,
        parent,
        children,
        checks,
        kept_rate: kept,
    })
}

/// The kept rate of status counts: done ÷ (done + flaked), in percent.
pub fn rate_of(counts: &[(CommitmentStatus, u64)]) -> Option<u32> {
    let count = |status| {
        counts
            .iter()
            .filter(|(s, _)| *s == status)
            .map(|(_, n)| *n)
            .sum::<u64>()
    };
    let (done, flaked) = (
        count(CommitmentStatus::Done),
        count(CommitmentStatus::Flaked),
    );
    let due = done + flaked;
    (due > 0).then(|| u32::try_from(done * 100 / due).unwrap_or(100))
}

/// Edits a team's name, purpose and norms (its members and the node's stewards).
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` naming fields.
pub async fn update_crew(
    ctx: &Context,
    me: &CurrentMember,
    id: CrewId,
    raw: RawCrewFields,
) -> AppResult<()> {
    let (crew, _) = crew_to_work_on(ctx, me, id).await?;
    let fields = CrewFields::parse(raw)?;
    ctx.store.update_crew(crew.id, &fields).await?;
    Ok(())
}

/// Puts a member of the node on the team with a role, or changes their role.
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` naming `member` (not in the node) or `role`.
pub async fn set_member(
    ctx: &Context,
    me: &CurrentMember,
    id: CrewId,
    member: &str,
    role: &str,
) -> AppResult<()> {
    let (crew, _) = crew_to_work_on(ctx, me, id).await?;
    let mut errors = FieldErrors::new();
    let member: Option<MemberId> = member
        .trim()
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .and_then(|m| m.parse().ok());
    let in_node = match member {
        Some(m) => ctx.store.node_standing(crew.node_id, m).await?.is_member(),
        None => false,
    };
    if !in_node {
        errors.add("member", "error-not-in-node");
    }
    if role.trim().chars().count() > MAX_ROLE_CHARS {
        errors.add("role", "error-too-long");
    }
    match member {
        Some(m) if errors.is_empty() => {
            ctx.store.set_crew_member(crew.id, m, role.trim()).await?;
            Ok(())
        }
        _ => Err(AppError::Invalid(errors)),
    }
}

/// Takes someone off a team (its members and the node's stewards).
///
/// # Errors
/// `NotFound`, `Forbidden`.
pub async fn remove_member(
    ctx: &Context,
    me: &CurrentMember,
    id: CrewId,
    member: MemberId,
) -> AppResult<()> {
    let (crew, _) = crew_to_work_on(ctx, me, id).await?;
    ctx.store.remove_crew_member(crew.id, member).await?;
    Ok(())
}

/// Records a health check: the six conditions scored 1–5, with notes (the team's members).
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` naming the first condition without a score from 1 to 5.
pub async fn check_health(
    ctx: &Context,
    me: &CurrentMember,
    id: CrewId,
    scores: &[(String, String)],
    notes: &str,
) -> AppResult<()> {
    let (crew, _) = crew_to_work_on(ctx, me, id).await?;
    let scores = parse_health(scores)
        .map_err(|field| AppError::Invalid(FieldErrors::single(field, "error-scale")))?;
    if notes.chars().count() > 5_000 {
        return Err(AppError::Invalid(FieldErrors::single(
            "notes",
            "error-too-long",
        )));
    }
    ctx.store
        .add_health_check(crew.id, me.id, &scores, notes.trim(), ctx.now())
        .await?;
    Ok(())
}
