//! Lessons drawn from reflections: their provenance (masked where the viewer may not read a
//! source), status moved by the node's stewards, who also decide how far a lesson is shared,
//! endorsements from members in their own context, and links to library items.

use praxis_domain::ids::{ItemId, LessonId, ReflectionId};
use praxis_domain::lessons::{LessonStatus, Provenance, may_move, provenance_for};
use praxis_domain::members::profile::Viewer;
use praxis_domain::organizing::{LessonFields, RawLessonFields, Reach};
use praxis_domain::validation::FieldErrors;
use praxis_store::library::ItemRecord;
use praxis_store::organizing::{NewLesson, ReflectionRecord};
use tracing::instrument;

use crate::policy::CurrentMember;
use crate::policy::library::{ViewerNodes, may_read};
use crate::policy::organizing::{
    NodeReader, Place, Places, node_place, visible_lesson, visible_reflection,
};
use crate::{AppError, AppResult, Context};

pub use praxis_store::organizing::{Endorsement, LessonRecord};

/// A lesson as its page shows it.
#[derive(Debug, Clone)]
pub struct LessonView {
    /// The lesson.
    pub lesson: LessonRecord,
    /// Where the viewer stands.
    pub place: Place,
    /// Where it came from, masked where the viewer may not read.
    pub provenance: Vec<Provenance<ReflectionRecord>>,
    /// Endorsements.
    pub endorsements: Vec<Endorsement>,
    /// The library items it links to that the viewer may read.
    pub items: Vec<ItemRecord>,
    /// The viewer may delete it (its author, the node's stewards).
    pub can_delete: bool,
}

/// Draws a lesson from reflections the member may read, all of one node (its members do).
/// The lesson starts as an observation, seen by the reflections' team when they share one,
/// otherwise by the node.
///
/// # Errors
/// `Invalid` naming `reflections` (none, unreadable, or from several nodes) and the lesson's
/// fields; `Forbidden` for someone outside the node.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn draw_lesson(
    ctx: &Context,
    me: &CurrentMember,
    reflections: &[String],
    raw: RawLessonFields,
) -> AppResult<LessonId> {
    let mut errors = FieldErrors::new();
    let ids: Vec<ReflectionId> = reflections
        .iter()
        .filter(|r| !r.trim().is_empty())
        .filter_map(|r| r.trim().parse().ok())
        .take(50)
        .collect();
    let found = ctx.store.reflections_by_ids(&ids).await?;
    let mut readable = Vec::new();
    for r in found {
        match visible_reflection(ctx, me, r.id).await {
            Ok(found) => readable.push(found),
            Err(AppError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    let node = readable.first().map(|(r, _)| r.node_id);
    if readable.is_empty()
        || readable.len() != ids.len()
        || readable.iter().any(|(r, _)| Some(r.node_id) != node)
    {
        errors.add("reflections", "error-lesson-sources");
    }
    let fields = match LessonFields::parse(raw) {
        Ok(f) => Some(f),
        Err(e) => {
            for err in e.iter() {
                errors.add(err.field().to_owned(), err.key());
            }
            None
        }
    };
    let (Some(fields), Some((first, place))) = (fields, readable.first()) else {
        return Err(AppError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    if !place.standing.is_member() {
        return Err(AppError::Forbidden);
    }
    let crew = first
        .crew_id
        .filter(|c| readable.iter().all(|(r, _)| r.crew_id == Some(*c)));
    let id = LessonId::generate();
    ctx.store
        .create_lesson(NewLesson {
            id,
            node_id: first.node_id,
            crew_id: crew,
            fields: &fields,
            reach: if crew.is_some() {
                Reach::Team
            } else {
                Reach::Node
            },
            sources: &ids,
            author: me.id,
            now: ctx.now(),
        })
        .await?;
    Ok(id)
}

/// A lesson's page.
///
/// # Errors
/// `NotFound` for anyone who may not see it.
pub async fn view_lesson(ctx: &Context, me: &CurrentMember, id: LessonId) -> AppResult<LessonView> {
    let (lesson, place) = visible_lesson(ctx, me, id).await?;
    let source_ids = ctx.store.lesson_sources(lesson.id).await?;
    let sources = ctx.store.reflections_by_ids(&source_ids).await?;
    let mut places = Places::default();
    let mut marked = Vec::new();
    for id in &source_ids {
        if let Some(r) = sources.iter().find(|r| r.id == *id) {
            let readable = places
                .reads(ctx, me, r.node_id, r.crew_id, r.fields.reach)
                .await?;
            marked.push((r.clone(), readable));
        }
    }
    let endorsements = ctx.store.lesson_endorsements(lesson.id).await?;
    let item_ids = ctx.store.lesson_items(lesson.id).await?;
    let nodes = ViewerNodes::of(ctx, Viewer::Member(me.id)).await?;
    let items = ctx
        .store
        .items_by_ids(&item_ids)
        .await?
        .into_iter()
        .filter(|i| may_read(i, Viewer::Member(me.id), &nodes))
        .collect();
    Ok(LessonView {
        can_delete: place.may_delete(me, lesson.author),
        lesson,
        place,
        provenance: provenance_for(marked),
        endorsements,
        items,
    })
}

/// Moves a lesson's status one step, and sets how far it is shared (the node's stewards).
///
/// # Errors
/// `NotFound`, `Forbidden` for anyone but a steward, `Invalid` naming `status` (not one step)
/// or `reach` (a team reach for a lesson without a team).
pub async fn move_lesson(
    ctx: &Context,
    me: &CurrentMember,
    id: LessonId,
    status: &str,
    reach: &str,
) -> AppResult<()> {
    let (lesson, place) = visible_lesson(ctx, me, id).await?;
    if !place.is_steward() {
        return Err(AppError::Forbidden);
    }
    let mut errors = FieldErrors::new();
    let to = LessonStatus::from_code(status.trim());
    match to {
        None => errors.add("status", "error-unknown-choice"),
        Some(to) if to != lesson.status && !may_move(lesson.status, to) => {
            errors.add("status", "error-lesson-step");
        }
        Some(_) => {}
    }
    let reach = Reach::from_code(reach.trim());
    match reach {
        None => errors.add("reach", "error-unknown-choice"),
        Some(Reach::Team) if lesson.crew_id.is_none() => {
            errors.add("reach", "error-reach-needs-team");
        }
        Some(_) => {}
    }
    match (to, reach) {
        (Some(to), Some(reach)) if errors.is_empty() => {
            ctx.store
                .update_lesson_standing(lesson.id, to, reach, ctx.now())
                .await?;
            if let Some(author) = lesson.author.filter(|a| *a != me.id && to != lesson.status) {
                let link = format!("{}/lessons/{}", ctx.settings.base_url, lesson.id);
                crate::mail::queue_to_member(
                    ctx,
                    author,
                    crate::mail::MailKind::LessonMoved { link },
                )
                .await?;
            }
            Ok(())
        }
        _ => Err(AppError::Invalid(errors)),
    }
}

/// Deletes a lesson for good (its author or the node's stewards); it leaves the search.
///
/// # Errors
/// `NotFound` for anyone who may not see it, `Forbidden` for others who may.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn delete_lesson(
    ctx: &Context,
    me: &CurrentMember,
    id: LessonId,
) -> AppResult<LessonRecord> {
    let (lesson, place) = visible_lesson(ctx, me, id).await?;
    if !place.may_delete(me, lesson.author) {
        return Err(AppError::Forbidden);
    }
    ctx.store.delete_lesson(lesson.id, ctx.now()).await?;
    Ok(lesson)
}

/// Endorses a lesson with the member's own context ("this worked for us too, in Sarajevo,
/// with students").
///
/// # Errors
/// `NotFound`, `Invalid` naming `context`.
pub async fn endorse(
    ctx: &Context,
    me: &CurrentMember,
    id: LessonId,
    context: &str,
) -> AppResult<()> {
    let (lesson, _) = visible_lesson(ctx, me, id).await?;
    let context = context.trim();
    if context.is_empty() {
        return Err(AppError::Invalid(FieldErrors::single(
            "context",
            "error-required",
        )));
    }
    if context.chars().count() > 1_000 {
        return Err(AppError::Invalid(FieldErrors::single(
            "context",
            "error-too-long",
        )));
    }
    let first = ctx
        .store
        .endorse_lesson(lesson.id, me.id, context, ctx.now())
        .await?;
    if let Some(author) = lesson.author.filter(|a| first && *a != me.id) {
        let link = format!("{}/lessons/{}", ctx.settings.base_url, lesson.id);
        crate::mail::queue_to_member(ctx, author, crate::mail::MailKind::LessonEndorsed { link })
            .await?;
    }
    Ok(())
}

/// Links a lesson to a library item the member may read (those who may see the lesson and
/// belong to its node).
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` naming `item`.
pub async fn link_item(
    ctx: &Context,
    me: &CurrentMember,
    id: LessonId,
    item: &str,
) -> AppResult<()> {
    let (lesson, place) = visible_lesson(ctx, me, id).await?;
    if !place.works_on(lesson.crew_id.is_some()) && !place.standing.is_member() {
        return Err(AppError::Forbidden);
    }
    let item_id: Option<ItemId> = item
        .trim()
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .and_then(|i| i.parse().ok());
    let nodes = ViewerNodes::of(ctx, Viewer::Member(me.id)).await?;
    let readable = match item_id {
        Some(i) => ctx
            .store
            .items_by_ids(&[i])
            .await?
            .iter()
            .any(|it| may_read(it, Viewer::Member(me.id), &nodes)),
        None => false,
    };
    match item_id {
        Some(i) if readable => {
            ctx.store.link_lesson_item(lesson.id, i).await?;
            Ok(())
        }
        _ => Err(AppError::Invalid(FieldErrors::single(
            "item",
            "error-unknown-item",
        ))),
    }
}

/// Lessons per page of a node's list.
pub const LESSONS_PER_PAGE: u32 = 30;

/// A node's lessons the member may see, newest first, a page at a time after `cursor` (the
/// last lesson of the previous page); the cursor of the next page if there is one.
///
/// # Errors
/// `NotFound` for a node the member may not see.
pub async fn node_lessons(
    ctx: &Context,
    me: &CurrentMember,
    node: &str,
    cursor: Option<&str>,
) -> AppResult<(Place, Vec<LessonRecord>, Option<String>)> {
    let reader = NodeReader::new(ctx, me, node_place(ctx, me, node).await?).await?;
    let place = reader.place().clone();
    let mut before = match cursor.and_then(|c| c.parse::<LessonId>().ok()) {
        Some(id) => ctx
            .store
            .lessons_by_ids(&[id])
            .await?
            .pop()
            .filter(|l| l.node_id == place.node.id)
            .map(|l| (l.created_at, l.id)),
        None => None,
    };
    let mut shown = Vec::new();
    // Read in batches until a page of visible lessons is found or the list ends.
    loop {
        let batch = ctx
            .store
            .node_lessons(place.node.id, before, LESSONS_PER_PAGE * 2)
            .await?;
        let ended = batch.len() < (LESSONS_PER_PAGE * 2) as usize;
        for l in batch {
            before = Some((l.created_at, l.id));
            if reader.reads(l.crew_id, l.reach) {
                shown.push(l);
                if shown.len() == LESSONS_PER_PAGE as usize {
                    let next = shown.last().map(|l| l.id.to_string());
                    return Ok((place, shown, next));
                }
            }
        }
        if ended {
            return Ok((place, shown, None));
        }
    }
}

/// The lessons linking to a library item that the member may see (the latest 20), the team
/// lessons of the nodes they steward included.
///
/// # Errors
/// When the store fails.
pub async fn lessons_citing(
    ctx: &Context,
    me: &CurrentMember,
    item: ItemId,
) -> AppResult<Vec<LessonRecord>> {
    let lessons = ctx.store.item_lessons(item, 20).await?;
    let mut places = Places::default();
    let mut shown = Vec::with_capacity(lessons.len());
    for l in lessons {
        if places.reads(ctx, me, l.node_id, l.crew_id, l.reach).await? {
            shown.push(l);
        }
    }
    Ok(shown)
}
