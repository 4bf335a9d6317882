//! Workshops: who may see one (its reach, like a library item), who manages it (its lead
//! trainers, trainers and coordinators; network admins for one outside a node), who coaches
//! in it, and who takes part.

use praxis_domain::applications::{ApplicationStatus, Audience};
use praxis_domain::coaching::{LogAccess, log_access};
use praxis_domain::ids::{LogId, MemberId, WorkshopId};
use praxis_domain::library::ItemScope;
use praxis_domain::members::profile::Role;
use praxis_domain::workshops::StaffRole;
use praxis_store::coaching::LogRecord;
use praxis_store::workshops::WorkshopRecord;

use super::library::{ViewerNodes, reach_allows};
use super::viewer_of;
use crate::policy::CurrentMember;
use crate::{AppError, AppResult, Context};

/// True when the viewer may see the workshop.
pub fn may_see(
    w: &WorkshopRecord,
    viewer: praxis_domain::members::profile::Viewer,
    nodes: &ViewerNodes,
) -> bool {
    reach_allows(w.reach, w.node_id, viewer, nodes)
}

/// The workshop, if the viewer may see it.
///
/// # Errors
/// `NotFound` when it does not exist or the viewer may not see it.
pub async fn visible_workshop(
    ctx: &Context,
    me: Option<&CurrentMember>,
    id: WorkshopId,
) -> AppResult<WorkshopRecord> {
    let viewer = viewer_of(me);
    let w = ctx
        .store
        .get_workshop(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if may_see(&w, viewer, &ViewerNodes::of(ctx, viewer).await?) {
        Ok(w)
    } else {
        Err(AppError::NotFound)
    }
}

/// True when the member manages the workshop: a lead trainer, trainer or coordinator of it,
/// or a network admin for a workshop outside any node.
///
/// # Errors
/// When the store fails.
pub async fn manages(ctx: &Context, me: &CurrentMember, w: &WorkshopRecord) -> AppResult<bool> {
    let roles = ctx.store.workshop_roles(w.id, me.id).await?;
    Ok(roles.iter().any(|r| r.manages()) || (me.is_admin && w.fields.scope != ItemScope::Node))
}

/// The workshop, if the member manages it.
///
/// # Errors
/// `NotFound` when they may not see it, `Forbidden` when they may see but not manage it.
pub async fn managed_workshop(
    ctx: &Context,
    me: &CurrentMember,
    id: WorkshopId,
) -> AppResult<WorkshopRecord> {
    let w = visible_workshop(ctx, Some(me), id).await?;
    if manages(ctx, me, &w).await? {
        Ok(w)
    } else {
        Err(AppError::Forbidden)
    }
}

/// True when the member may create workshops: network admins and educators (a node's
/// stewards also create their node's, decided where the node is chosen).
///
/// # Errors
/// When the store fails.
pub async fn may_create(ctx: &Context, me: &CurrentMember) -> AppResult<bool> {
    if me.is_admin {
        return Ok(true);
    }
    let member = ctx.store.get_member(me.id).await?;
    Ok(member.profile.roles.contains(&Role::Educator))
}

/// The member's roles on the workshop, the coach or co-coach of one of its teams counting as
/// a coach.
///
/// # Errors
/// When the store fails.
pub async fn staff_roles(
    ctx: &Context,
    w: &WorkshopRecord,
    me: MemberId,
) -> AppResult<Vec<StaffRole>> {
    let mut roles = ctx.store.workshop_roles(w.id, me).await?;
    if !roles.contains(&StaffRole::Coach)
        && ctx.store.list_teams(w.id).await?.iter().any(|t| {
            t.coach.as_ref().is_some_and(|(c, _)| *c == me)
                || t.co_coach.as_ref().is_some_and(|(c, _)| *c == me)
        })
    {
        roles.push(StaffRole::Coach);
    }
    Ok(roles)
}

/// True for roles that coach or manage (attendance, coaching logs).
pub fn coaches_or_manages(roles: &[StaffRole]) -> bool {
    roles
        .iter()
        .any(|r| r.manages() || matches!(r, StaffRole::Coach | StaffRole::MetaCoach))
}

/// The workshop, if the member is one of its accepted participants.
///
/// # Errors
/// `NotFound` when they may not see it, `Forbidden` when they do not take part.
pub async fn participant_workshop(
    ctx: &Context,
    me: &CurrentMember,
    id: WorkshopId,
) -> AppResult<WorkshopRecord> {
    let w = visible_workshop(ctx, Some(me), id).await?;
    let mine = ctx.store.my_applications(w.id, me.id).await?;
    if mine
        .iter()
        .any(|a| a.role == Audience::Participant && a.status == ApplicationStatus::Accepted)
    {
        Ok(w)
    } else {
        Err(AppError::Forbidden)
    }
}

/// How much of a coaching log the member may read: all of it (its author and the lead
/// trainers, whose reads of the private note are recorded), the staff's parts, the shared
/// parts (its participant, or the members of the published team it is about), or nothing.
///
/// # Errors
/// When the store fails.
pub async fn coaching_log_access(
    ctx: &Context,
    me: &CurrentMember,
    w: &WorkshopRecord,
    log: &LogRecord,
) -> AppResult<LogAccess> {
    let roles = staff_roles(ctx, w, me.id).await?;
    let in_team = match log.team_id {
        Some(team) => ctx
            .store
            .list_teams(w.id)
            .await?
            .iter()
            .any(|t| t.id == team && t.published && t.members.iter().any(|m| m.id == me.id)),
        None => false,
    };
    Ok(log_access(
        log.author_id == Some(me.id),
        &roles,
        log.subject_id == Some(me.id) || in_team,
    ))
}

/// A coaching log of a workshop and how much of it the member may read.
///
/// # Errors
/// `NotFound` for a log they may read nothing of (or of another workshop).
pub async fn readable_coaching_log(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    log: LogId,
) -> AppResult<(WorkshopRecord, LogRecord, LogAccess)> {
    let w = visible_workshop(ctx, Some(me), workshop).await?;
    let log = ctx
        .store
        .get_coaching_log(log)
        .await?
        .filter(|l| l.workshop_id == w.id)
        .ok_or(AppError::NotFound)?;
    let access = coaching_log_access(ctx, me, &w, &log).await?;
    if access == LogAccess::None {
        return Err(AppError::NotFound);
    }
    Ok((w, log, access))
}
