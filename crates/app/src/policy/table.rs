//! Any (viewer, object, action) answered through the very guards the use cases call, so the
//! rules can be tested — and read — as one table.

use praxis_domain::coaching::LogAccess;
use praxis_domain::ids::{
    CampaignId, CrewId, ItemId, LessonId, LogId, NarrativeId, NodeId, OneOnOneId, OrganizationId,
    ReflectionId, WorkshopId,
};

use super::{library, narratives, nodes, organizations, organizing, pathways, workshops};
use crate::policy::CurrentMember;
use crate::{AppError, AppResult, Context};

/// Something access is decided for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Object {
    /// A node.
    Node(NodeId),
    /// A node's member list.
    NodeMembers(NodeId),
    /// A library item.
    Item(ItemId),
    /// A workshop (its records follow it: applications, teams, logs, feedback, certificates).
    Workshop(WorkshopId),
    /// An organizing team.
    Crew(CrewId),
    /// A campaign.
    Campaign(CampaignId),
    /// A reflection.
    Reflection(ReflectionId),
    /// A lesson.
    Lesson(LessonId),
    /// A one-on-one.
    OneOnOne(OneOnOneId),
    /// A narrative.
    Narrative(NarrativeId),
    /// The pathways pipeline of a node (of the network for `None`).
    Pipeline(Option<NodeId>),
    /// A coaching log of a workshop.
    CoachingLog(WorkshopId, LogId),
    /// An organization.
    Organization(OrganizationId),
}

/// What the viewer wants to do with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// See it (and what it holds that its readers read).
    Read,
    /// Change it: edit, manage, work on it.
    Change,
    /// Delete it.
    Delete,
    /// Reach people outside it in its name (a node's invitations, imports, mail).
    ReachOut,
    /// Take part in it (a workshop's participant records: plus/delta, surveys).
    TakePart,
    /// Read what it keeps private (a coaching log's private note).
    ReadPrivate,
}

/// The answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Go ahead.
    Allowed,
    /// As if it did not exist (404).
    Hidden,
    /// Known, but not for this viewer (403).
    Refused,
}

impl Decision {
    /// The code a table prints: `ok`, `404` or `403`.
    pub fn code(self) -> &'static str {
        match self {
            Decision::Allowed => "ok",
            Decision::Hidden => "404",
            Decision::Refused => "403",
        }
    }
}

fn decided<T>(r: AppResult<T>) -> AppResult<Decision> {
    match r {
        Ok(_) => Ok(Decision::Allowed),
        Err(AppError::NotFound) => Ok(Decision::Hidden),
        Err(AppError::Forbidden | AppError::Unauthenticated) => Ok(Decision::Refused),
        Err(e) => Err(e),
    }
}

fn allowed_or(allowed: bool, otherwise: Decision) -> Decision {
    if allowed {
        Decision::Allowed
    } else {
        otherwise
    }
}

/// Decides `action` on `object` for `me` (a visitor for `None`) with the guards the use cases
/// call; `None` for an action the object does not have.
///
/// # Errors
/// When the store fails (never turned into a decision).
pub async fn decide(
    ctx: &Context,
    me: Option<&CurrentMember>,
    object: Object,
    action: Action,
) -> AppResult<Option<Decision>> {
    let Some(member) = me else {
        return Ok(match (object, action) {
            (Object::Node(id), Action::Read) => Some(decided(
                nodes::visible_node(ctx, None, &id.to_string()).await,
            )?),
            (Object::NodeMembers(id), Action::Read) => Some(node_members(ctx, None, id).await?),
            (Object::Item(id), Action::Read) => {
                Some(decided(library::readable_item(ctx, None, id).await)?)
            }
            (Object::Workshop(id), Action::Read) => {
                Some(decided(workshops::visible_workshop(ctx, None, id).await)?)
            }
            (_, action) => applies(object, action).then_some(Decision::Hidden),
        });
    };
    let key = |id: NodeId| id.to_string();
    let decision = match (object, action) {
        (Object::Node(id), Action::Read) => decided(nodes::visible_node(ctx, me, &key(id)).await)?,
        (Object::Node(id), Action::Change) => {
            decided(nodes::stewarded_node(ctx, member, &key(id)).await)?
        }
        (Object::Node(id), Action::ReachOut) => {
            decided(nodes::outreach_node(ctx, member, &key(id)).await)?
        }
        (Object::NodeMembers(id), Action::Read) => node_members(ctx, me, id).await?,
        (Object::Item(id), Action::Read) => decided(library::readable_item(ctx, me, id).await)?,
        (Object::Item(id), Action::Change | Action::Delete) => {
            decided(library::editable_item(ctx, member, id).await)?
        }
        (Object::Workshop(id), Action::Read) => {
            decided(workshops::visible_workshop(ctx, me, id).await)?
        }
        (Object::Workshop(id), Action::Change) => {
            decided(workshops::managed_workshop(ctx, member, id).await)?
        }
        (Object::Workshop(id), Action::TakePart) => {
            decided(workshops::participant_workshop(ctx, member, id).await)?
        }
        (Object::Crew(id), Action::Read) => {
            decided(organizing::visible_crew(ctx, member, id).await)?
        }
        (Object::Crew(id), Action::Change) => {
            decided(organizing::crew_to_work_on(ctx, member, id).await)?
        }
        (Object::Campaign(id), Action::Read) => {
            decided(organizing::visible_campaign(ctx, member, id).await)?
        }
        (Object::Campaign(id), Action::Change) => {
            decided(organizing::editable_campaign(ctx, member, id).await)?
        }
        (Object::Campaign(id), Action::Delete) => {
            match organizing::visible_campaign(ctx, member, id).await {
                Ok((c, place)) => {
                    allowed_or(place.may_delete(member, c.created_by), Decision::Refused)
                }
                Err(e) => decided::<()>(Err(e))?,
            }
        }
        (Object::Reflection(id), Action::Read) => {
            decided(organizing::visible_reflection(ctx, member, id).await)?
        }
        (Object::Reflection(id), Action::Delete) => {
            match organizing::visible_reflection(ctx, member, id).await {
                Ok((r, place)) => allowed_or(
                    place.may_delete(member, r.author.as_ref().map(|(a, _)| *a)),
                    Decision::Refused,
                ),
                Err(e) => decided::<()>(Err(e))?,
            }
        }
        (Object::Lesson(id), Action::Read) => {
            decided(organizing::visible_lesson(ctx, member, id).await)?
        }
        (Object::Lesson(id), Action::Change) => {
            match organizing::visible_lesson(ctx, member, id).await {
                Ok((_, place)) => allowed_or(place.is_steward(), Decision::Refused),
                Err(e) => decided::<()>(Err(e))?,
            }
        }
        (Object::Lesson(id), Action::Delete) => {
            match organizing::visible_lesson(ctx, member, id).await {
                Ok((l, place)) => allowed_or(place.may_delete(member, l.author), Decision::Refused),
                Err(e) => decided::<()>(Err(e))?,
            }
        }
        (Object::OneOnOne(id), Action::Read) => {
            decided(narratives::readable_one_on_one(ctx, member, id).await)?
        }
        (Object::OneOnOne(id), Action::Change | Action::Delete) => {
            decided(narratives::own_one_on_one(ctx, member, id).await)?
        }
        (Object::Narrative(id), Action::Read) => {
            decided(narratives::readable_narrative(ctx, member, id).await)?
        }
        (Object::Narrative(id), Action::Change | Action::Delete) => {
            decided(narratives::own_narrative(ctx, member, id).await)?
        }
        (Object::Pipeline(node), Action::Read) => {
            decided(pathways::oversee(ctx, member, node.map(|n| n.to_string()).as_deref()).await)?
        }
        (Object::CoachingLog(w, log), Action::Read) => {
            decided(workshops::readable_coaching_log(ctx, member, w, log).await)?
        }
        (Object::CoachingLog(w, log), Action::ReadPrivate) => {
            match workshops::readable_coaching_log(ctx, member, w, log).await {
                Ok((_, _, access)) => allowed_or(access == LogAccess::Full, Decision::Refused),
                Err(e) => decided::<()>(Err(e))?,
            }
        }
        (Object::Organization(id), Action::Change) => {
            decided(organizations::administered_organization(ctx, member, &id.to_string()).await)?
        }
        _ => return Ok(None),
    };
    Ok(Some(decision))
}

/// True when the object has the action (what [`decide`] answers for members).
fn applies(object: Object, action: Action) -> bool {
    matches!(
        (object, action),
        (
            Object::Node(_),
            Action::Read | Action::Change | Action::ReachOut
        ) | (Object::NodeMembers(_), Action::Read)
            | (
                Object::Item(_),
                Action::Read | Action::Change | Action::Delete
            )
            | (
                Object::Workshop(_),
                Action::Read | Action::Change | Action::TakePart
            )
            | (Object::Crew(_), Action::Read | Action::Change)
            | (
                Object::Campaign(_) | Object::Lesson(_),
                Action::Read | Action::Change | Action::Delete
            )
            | (Object::Reflection(_), Action::Read | Action::Delete)
            | (
                Object::OneOnOne(_) | Object::Narrative(_),
                Action::Read | Action::Change | Action::Delete
            )
            | (Object::Pipeline(_), Action::Read)
            | (Object::CoachingLog(..), Action::Read | Action::ReadPrivate)
            | (Object::Organization(_), Action::Change)
    )
}

async fn node_members(
    ctx: &Context,
    me: Option<&CurrentMember>,
    id: NodeId,
) -> AppResult<Decision> {
    match nodes::visible_node(ctx, me, &id.to_string()).await {
        Ok((node, standing)) => Ok(allowed_or(
            nodes::may_see_members(&node, me, standing),
            Decision::Refused,
        )),
        Err(e) => decided::<()>(Err(e)),
    }
}
