//! Workshops: trainers create them (for the network or a node), schedule sessions and name
//! their staff. Who may see one follows its scope like a library item; who may change it is
//! its lead trainer, trainers and coordinators.

use praxis_domain::ids::{MemberId, SessionId, WorkshopId};
use praxis_domain::library::ItemScope;
use praxis_domain::members::profile::can_view_profile;
use praxis_domain::nodes::Standing;
use praxis_domain::validation::FieldErrors;
use praxis_domain::workshops::{
    RawSessionFields, RawWorkshopFields, SessionFields, StaffRole, WorkshopFields,
};
use praxis_store::nodes::NodeRecord;
use praxis_store::{Constraint, StoreError};
use tracing::instrument;

use crate::markdown::render_markdown;
use crate::paging::{decode_cursor, encode_cursor};
use crate::policy::CurrentMember;
use crate::policy::nodes::{hide_unknown_nodes, known_node, visible_node};
use crate::policy::viewer_of;
use crate::policy::workshops::{
    managed_workshop, manages, may_create as policy_may_create, visible_workshop,
};
use crate::{AppError, AppResult, Context};

pub use praxis_store::workshops::{SessionRecord, StaffMember, WorkshopRecord};

/// A workshop as one viewer may see it.
#[derive(Debug, Clone)]
pub struct WorkshopView {
    /// The workshop.
    pub workshop: WorkshopRecord,
    /// The description as safe HTML.
    pub description_html: String,
    /// Its node, if any.
    pub node: Option<NodeRecord>,
    /// Its sessions in time order.
    pub sessions: Vec<SessionRecord>,
    /// Its staff whose profiles the viewer may see.
    pub staff: Vec<StaffMember>,
    /// The viewer manages it.
    pub can_manage: bool,
}

/// One workshop as the viewer may see it.
///
/// # Errors
/// `NotFound` when it does not exist or the viewer may not see it.
pub async fn view_workshop(
    ctx: &Context,
    me: Option<&CurrentMember>,
    id: WorkshopId,
) -> AppResult<WorkshopView> {
    let viewer = viewer_of(me);
    let mut workshop = visible_workshop(ctx, me, id).await?;
    let node = known_node(ctx, me, workshop.node_id).await?;
    workshop.node_id = node.as_ref().map(|n| n.id);
    let staff = ctx.store.list_workshop_staff(workshop.id).await?;
    let ids: Vec<MemberId> = staff.iter().map(|s| s.member_id).collect();
    let profiles = ctx.store.profiles_by_ids(&ids).await?;
    let staff = staff
        .into_iter()
        .filter(|s| {
            profiles.iter().any(|p| {
                p.id == s.member_id && can_view_profile(p.id, p.profile.visibility, viewer)
            })
        })
        .collect();
    let can_manage = match me {
        Some(me) => manages(ctx, me, &workshop).await?,
        None => false,
    };
    Ok(WorkshopView {
        description_html: render_markdown(&workshop.fields.description),
        sessions: ctx.store.list_workshop_sessions(workshop.id).await?,
        workshop,
        node,
        staff,
        can_manage,
    })
}

/// True when the member may create workshops: network admins, educators, and (for their node)
/// stewards.
///
/// # Errors
/// When the store fails.
pub async fn may_create(ctx: &Context, me: &CurrentMember) -> AppResult<bool> {
    policy_may_create(ctx, me).await
}

async fn node_for(
    ctx: &Context,
    me: &CurrentMember,
    scope: ItemScope,
    key: Option<&str>,
) -> AppResult<Option<(praxis_domain::ids::NodeId, Standing)>> {
    match key.map(str::trim).filter(|k| !k.is_empty()) {
        None if scope == ItemScope::Node => Err(AppError::Invalid(FieldErrors::single(
            "node",
            "error-required",
        ))),
        None => Ok(None),
        Some(key) => match visible_node(ctx, Some(me), key).await {
            Ok((node, standing)) if standing.is_member() && !node.is_proposed => {
                Ok(Some((node.id, standing)))
            }
            Ok(_) | Err(AppError::NotFound) => Err(AppError::Invalid(FieldErrors::single(
                "node",
                "error-not-node-member",
            ))),
            Err(e) => Err(e),
        },
    }
}

/// Creates a workshop; its creator becomes lead trainer.
///
/// # Errors
/// `Forbidden` for members who may not create workshops; `Invalid` naming fields.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn create_workshop(
    ctx: &Context,
    me: &CurrentMember,
    raw: RawWorkshopFields,
    node: Option<&str>,
) -> AppResult<WorkshopRecord> {
    let fields = WorkshopFields::parse(raw)?;
    let node = node_for(ctx, me, fields.scope, node).await?;
    let steward = node.is_some_and(|(_, s)| s == Standing::Steward);
    if !steward && !may_create(ctx, me).await? {
        return Err(AppError::Forbidden);
    }
    let id = WorkshopId::generate();
    ctx.store
        .create_workshop(id, &fields, node.map(|(n, _)| n), me.id, ctx.now())
        .await?;
    tracing::info!(workshop.id = %id, "workshop created");
    ctx.store.get_workshop(id).await?.ok_or(AppError::NotFound)
}

/// Changes a workshop.
///
/// # Errors
/// `NotFound`, `Forbidden`, or `Invalid` naming fields.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn edit_workshop(
    ctx: &Context,
    me: &CurrentMember,
    id: WorkshopId,
    raw: RawWorkshopFields,
    node: Option<&str>,
) -> AppResult<WorkshopRecord> {
    let w = managed_workshop(ctx, me, id).await?;
    let fields = WorkshopFields::parse(raw)?;
    let node = node_for(ctx, me, fields.scope, node).await?;
    ctx.store
        .update_workshop(w.id, &fields, node.map(|(n, _)| n), ctx.now())
        .await?;
    ctx.store
        .get_workshop(w.id)
        .await?
        .ok_or(AppError::NotFound)
}

/// A page of the workshops the viewer may see (of one node when given), newest first.
///
/// # Errors
/// `Invalid` naming `cursor`; `NotFound` for a node the viewer may not see.
pub async fn list_workshops_page(
    ctx: &Context,
    me: Option<&CurrentMember>,
    node: Option<&str>,
    cursor: Option<&str>,
    limit: u32,
) -> AppResult<(Vec<WorkshopRecord>, Option<String>)> {
    let viewer = viewer_of(me);
    let node = match node.filter(|n| !n.is_empty()) {
        Some(n) => Some(visible_node(ctx, me, n).await?.0.id),
        None => None,
    };
    let bad = || AppError::Invalid(FieldErrors::single("cursor", "error-cursor"));
    let after = match cursor.filter(|c| !c.is_empty()) {
        Some(c) => {
            let (at, id) = decode_cursor(c).ok_or_else(bad)?;
            Some((
                praxis_domain::timestamps::Timestamp::from_unix_ms(at.parse().map_err(|_| bad())?),
                id.parse().map_err(|_| bad())?,
            ))
        }
        None => None,
    };
    let limit = limit.clamp(1, 100);
    let mut list = ctx
        .store
        .list_workshops(viewer, node, after, limit + 1)
        .await?;
    let next = if list.len() > limit as usize {
        list.truncate(limit as usize);
        list.last()
            .map(|w| encode_cursor(&w.created_at.unix_ms().to_string(), &w.id.to_string()))
    } else {
        None
    };
    hide_unknown_nodes(ctx, me, list.iter_mut().map(|w| &mut w.node_id).collect()).await?;
    Ok((list, next))
}

/// Adds a session.
///
/// # Errors
/// `NotFound`, `Forbidden`, or `Invalid` naming fields.
pub async fn add_session(
    ctx: &Context,
    me: &CurrentMember,
    id: WorkshopId,
    raw: RawSessionFields,
) -> AppResult<SessionRecord> {
    let w = managed_workshop(ctx, me, id).await?;
    let fields = SessionFields::parse(raw)?;
    let session = SessionId::generate();
    ctx.store
        .add_workshop_session(w.id, session, &fields, ctx.now())
        .await?;
    Ok(SessionRecord {
        id: session,
        fields,
    })
}

/// Removes a session.
///
/// # Errors
/// `NotFound` or `Forbidden`.
pub async fn remove_session(
    ctx: &Context,
    me: &CurrentMember,
    id: WorkshopId,
    session: SessionId,
) -> AppResult<()> {
    let w = managed_workshop(ctx, me, id).await?;
    match ctx.store.remove_workshop_session(w.id, session).await {
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        other => Ok(other?),
    }
}

/// Gives a member a staff role.
///
/// # Errors
/// `NotFound`, `Forbidden`; `Invalid` naming `member` or `role`.
pub async fn add_staff(
    ctx: &Context,
    me: &CurrentMember,
    id: WorkshopId,
    member: &str,
    role: &str,
) -> AppResult<()> {
    let w = managed_workshop(ctx, me, id).await?;
    let role = StaffRole::from_code(role.trim())
        .ok_or_else(|| AppError::Invalid(FieldErrors::single("role", "error-unknown-choice")))?;
    let member: MemberId = member
        .trim()
        .parse()
        .map_err(|_| AppError::Invalid(FieldErrors::single("member", "error-unknown-member")))?;
    if ctx.store.profiles_by_ids(&[member]).await?.is_empty() {
        return Err(AppError::Invalid(FieldErrors::single(
            "member",
            "error-unknown-member",
        )));
    }
    ctx.store
        .add_workshop_staff(w.id, member, role, ctx.now())
        .await?;
    Ok(())
}

/// Takes a staff role away (never the last lead trainer's).
///
/// # Errors
/// `NotFound`, `Forbidden`, `Conflict(LastSteward)`.
pub async fn remove_staff(
    ctx: &Context,
    me: &CurrentMember,
    id: WorkshopId,
    member: MemberId,
    role: &str,
) -> AppResult<()> {
    let w = managed_workshop(ctx, me, id).await?;
    let role = StaffRole::from_code(role).ok_or(AppError::NotFound)?;
    match ctx.store.remove_workshop_staff(w.id, member, role).await {
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        Err(StoreError::Conflict(Constraint::LastSteward)) => {
            Err(AppError::Conflict(Constraint::LastSteward))
        }
        other => Ok(other?),
    }
}
