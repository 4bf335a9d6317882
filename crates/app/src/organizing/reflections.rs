//! Reflections (after-action reviews) on a campaign or a phase, or in a node on an action or
//! a workshop: writing them, reading those one may, a node's page by page, a workshop's, and
//! deleting them.

use praxis_domain::ids::{CampaignId, ReflectionId, WorkshopId};
use praxis_domain::organizing::{RawReflectionFields, Reach, ReflectionFields};
use praxis_domain::validation::FieldErrors;
use tracing::instrument;

use super::campaigns::{merge, team_for};
use crate::policy::CurrentMember;
use crate::policy::organizing::{
    NodeReader, Places, editable_campaign, node_place, visible_reflection,
};
use crate::policy::seen::Seen;
use crate::policy::workshops::visible_workshop;
use crate::{AppError, AppResult, Context};

pub use praxis_store::organizing::ReflectionRecord;

/// Writes a reflection on the campaign (those who work on it).
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` naming fields.
pub async fn reflect(
    ctx: &Context,
    me: &CurrentMember,
    id: CampaignId,
    raw: RawReflectionFields,
) -> AppResult<ReflectionId> {
    let (c, _) = editable_campaign(ctx, me, id).await?;
    let fields = ReflectionFields::parse(raw)?;
    if fields.reach == Reach::Team && c.crew_id.is_none() {
        return Err(AppError::Invalid(FieldErrors::single(
            "reach",
            "error-reach-needs-team",
        )));
    }
    let rid = ReflectionId::generate();
    ctx.store
        .create_reflection(
            rid,
            c.node_id,
            c.crew_id,
            Some(c.id),
            None,
            &fields,
            me.id,
            ctx.now(),
        )
        .await?;
    Ok(rid)
}

/// Writes a reflection in a node on no campaign — a workshop, an action — for one of its
/// teams if given (the node's members).
///
/// # Errors
/// `NotFound` for a node the member may not see, `Forbidden` for a non-member, `Invalid`
/// naming fields.
pub async fn reflect_in_node(
    ctx: &Context,
    me: &CurrentMember,
    node: &str,
    crew: &str,
    workshop: &str,
    raw: RawReflectionFields,
) -> AppResult<ReflectionId> {
    let place = node_place(ctx, me, node).await?;
    if !place.standing.is_member() {
        return Err(AppError::Forbidden);
    }
    let mut errors = FieldErrors::new();
    let reach = Reach::from_code(raw.reach.trim());
    let crew = team_for(ctx, me, &place, crew, reach, &mut errors).await?;
    let workshop = match workshop.trim() {
        "" => None,
        w => {
            let found = match w.parse() {
                Ok(id) => ctx.store.member_workshops(me.id, Some(id), 1).await?.pop(),
                Err(_) => None,
            };
            if found.is_none() {
                errors.add("workshop_id", "error-unknown-choice");
            } else if raw.subject.trim() != praxis_domain::organizing::Subject::Workshop.code() {
                errors.add("workshop_id", "error-reflection-workshop-subject");
            }
            found.map(|(id, _)| id)
        }
    };
    let fields = match ReflectionFields::parse(raw) {
        Ok(f) => Some(f),
        Err(e) => {
            merge(&mut errors, &e);
            None
        }
    };
    let Some(fields) = fields.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let id = ReflectionId::generate();
    ctx.store
        .create_reflection(
            id,
            place.node.id,
            crew,
            None,
            workshop,
            &fields,
            me.id,
            ctx.now(),
        )
        .await?;
    Ok(id)
}

/// The workshops a member takes part in (latest first, the first 50): what a reflection on a
/// workshop may name.
///
/// # Errors
/// When the store fails.
pub async fn my_workshops(
    ctx: &Context,
    me: &CurrentMember,
) -> AppResult<Vec<(praxis_domain::ids::WorkshopId, String)>> {
    Ok(ctx.store.member_workshops(me.id, None, 50).await?)
}

/// Drops from each reflection the workshop it names when the member may not see that
/// workshop (asked once per workshop).
async fn hide_unseen_workshops(
    ctx: &Context,
    me: &CurrentMember,
    list: &mut [ReflectionRecord],
) -> AppResult<()> {
    let mut seen = Seen::default();
    for r in list.iter_mut() {
        if let Some((id, _)) = r.workshop
            && !seen.sees_workshop(ctx, me, id).await?
        {
            r.workshop = None;
        }
    }
    Ok(())
}

/// The reflections on a workshop the member may read, newest first (the latest 50).
///
/// # Errors
/// `NotFound` for a workshop the member may not see.
pub async fn workshop_reflections(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
) -> AppResult<Vec<ReflectionRecord>> {
    let w = visible_workshop(ctx, Some(me), workshop).await?;
    let all = ctx.store.workshop_reflections(w.id, 50).await?;
    let mut places = Places::default();
    let mut out = Vec::new();
    for r in all {
        if places
            .reads(ctx, me, r.node_id, r.crew_id, r.fields.reach)
            .await?
        {
            out.push(r);
        }
    }
    Ok(out)
}

/// Reflections per page of a node's list.
pub const REFLECTIONS_PER_PAGE: u32 = 30;

/// A page of a node's reflections on no campaign that the member may read, newest first,
/// after `cursor` (the last reflection of the previous page); hidden ones are skipped, never
/// counted. Also the cursor of the next page.
///
/// # Errors
/// `NotFound` for a node the member may not see.
pub async fn node_reflections(
    ctx: &Context,
    me: &CurrentMember,
    node: &str,
    cursor: Option<&str>,
) -> AppResult<(Vec<ReflectionRecord>, Option<String>)> {
    let reader = NodeReader::new(ctx, me, node_place(ctx, me, node).await?).await?;
    let place = reader.place().clone();
    let mut before = match cursor.and_then(|c| c.parse::<ReflectionId>().ok()) {
        Some(id) => ctx
            .store
            .reflections_by_ids(&[id])
            .await?
            .pop()
            .filter(|r| r.node_id == place.node.id)
            .map(|r| (r.created_at, r.id)),
        None => None,
    };
    let mut shown = Vec::new();
    let mut next = None;
    // Read in batches until a page of readable reflections is found or the list ends.
    'read: loop {
        let batch = ctx
            .store
            .node_reflections(place.node.id, before, REFLECTIONS_PER_PAGE * 2)
            .await?;
        let ended = batch.len() < (REFLECTIONS_PER_PAGE * 2) as usize;
        for r in batch {
            before = Some((r.created_at, r.id));
            if reader.reads(r.crew_id, r.fields.reach) {
                shown.push(r);
                if shown.len() == REFLECTIONS_PER_PAGE as usize {
                    next = shown.last().map(|r| r.id.to_string());
                    break 'read;
                }
            }
        }
        if ended {
            break;
        }
    }
    hide_unseen_workshops(ctx, me, &mut shown).await?;
    Ok((shown, next))
}

/// One reflection, for those who may read it.
///
/// # Errors
/// `NotFound` for anyone else.
pub async fn view_reflection(
    ctx: &Context,
    me: &CurrentMember,
    id: ReflectionId,
) -> AppResult<ReflectionRecord> {
    let (r, _) = visible_reflection(ctx, me, id).await?;
    let mut one = [r];
    hide_unseen_workshops(ctx, me, &mut one).await?;
    let [r] = one;
    Ok(r)
}

/// Deletes a reflection for good (its author or the node's stewards); lessons drawn from it
/// stay, without it as a source.
///
/// # Errors
/// `NotFound` for anyone who may not read it, `Forbidden` for others who may.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn delete_reflection(
    ctx: &Context,
    me: &CurrentMember,
    id: ReflectionId,
) -> AppResult<ReflectionRecord> {
    let (r, place) = visible_reflection(ctx, me, id).await?;
    if !place.may_delete(me, r.author.as_ref().map(|(a, _)| *a)) {
        return Err(AppError::Forbidden);
    }
    ctx.store.delete_reflection(r.id).await?;
    Ok(r)
}
