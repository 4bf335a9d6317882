//! `/api/v1/lessons`: drawing, moving, endorsing, listing.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use praxis_app::organizing::{self, LessonRecord, LessonView};
use praxis_domain::ids::LessonId;
use praxis_domain::lessons::Provenance;
use praxis_domain::organizing::RawLessonFields;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Created, NodeQuery, created};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember, Key, Path};
use crate::state::AppState;

/// A new lesson.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LessonRequest {
    /// The reflections it is drawn from (all of one node, all readable by the caller).
    reflection_ids: Vec<String>,
    statement: String,
    #[serde(default)]
    practices: Vec<String>,
    #[serde(default)]
    domains: Vec<String>,
    #[serde(default)]
    regions: Vec<String>,
}

/// Draws a lesson from reflections.
#[utoipa::path(post, path = "/api/v1/lessons", tag = "organizing", request_body = LessonRequest,
    responses((status = 201, body = Created), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn draw_lesson(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(r): ApiJson<LessonRequest>,
) -> Result<Response, ApiError> {
    let raw = RawLessonFields {
        statement: r.statement,
        practices: r.practices,
        domains: r.domains,
        regions: r.regions,
    };
    let id = organizing::draw_lesson(&state.ctx, &me, &r.reflection_ids, raw).await?;
    Ok(created(id))
}

/// One source of a lesson: a reflection the caller may read, or only that a private one exists.
#[derive(Serialize, ToSchema)]
pub(crate) struct SourceResponse {
    /// False for a reflection the caller may not read ("from a private reflection").
    readable: bool,
    reflection_id: Option<String>,
    label: Option<String>,
    campaign_id: Option<String>,
}

/// An endorsement.
#[derive(Serialize, ToSchema)]
pub(crate) struct EndorsementResponse {
    member_id: String,
    display_name: String,
    context: String,
}

/// A lesson.
#[derive(Serialize, ToSchema)]
pub(crate) struct LessonResponse {
    id: String,
    node: String,
    statement: String,
    practices: Vec<String>,
    domains: Vec<String>,
    regions: Vec<String>,
    /// `observation`, `identified` or `adopted`.
    status: String,
    /// `team`, `node` or `network`.
    reach: String,
    sources: Vec<SourceResponse>,
    endorsements: Vec<EndorsementResponse>,
    /// Library items the caller may read.
    item_ids: Vec<String>,
}

pub(super) fn lesson_summary(l: &LessonRecord, node: String) -> LessonResponse {
    LessonResponse {
        id: l.id.to_string(),
        node,
        statement: l.fields.statement.clone(),
        practices: l
            .fields
            .practices
            .iter()
            .map(|p| p.code().to_owned())
            .collect(),
        domains: l.fields.domains.clone(),
        regions: l.fields.regions.clone(),
        status: l.status.code().to_owned(),
        reach: l.reach.code().to_owned(),
        sources: Vec::new(),
        endorsements: Vec::new(),
        item_ids: Vec::new(),
    }
}

pub(super) fn lesson(v: LessonView) -> LessonResponse {
    let mut out = lesson_summary(&v.lesson, v.place.node.fields.slug.clone());
    out.sources = v
        .provenance
        .into_iter()
        .map(|p| match p {
            Provenance::Visible(r) => SourceResponse {
                readable: true,
                reflection_id: Some(r.id.to_string()),
                label: Some(r.fields.label),
                campaign_id: r.campaign_id.map(|c| c.to_string()),
            },
            Provenance::Private => SourceResponse {
                readable: false,
                reflection_id: None,
                label: None,
                campaign_id: None,
            },
        })
        .collect();
    out.endorsements = v
        .endorsements
        .into_iter()
        .map(|e| EndorsementResponse {
            member_id: e.member_id.to_string(),
            display_name: e.display_name,
            context: e.context,
        })
        .collect();
    out.item_ids = v.items.iter().map(|i| i.id.to_string()).collect();
    out
}

/// Deletes a lesson for good (its author or the node's stewards); it leaves the search.
#[utoipa::path(delete, path = "/api/v1/lessons/{id}", tag = "organizing", params(("id" = String, Path, description = "lesson id")),
    responses((status = 204, description = "deleted"), (status = 403, description = "neither its author nor a steward"), (status = 404, description = "not visible")))]
pub(crate) async fn delete_lesson(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<LessonId>>,
) -> Result<StatusCode, ApiError> {
    organizing::delete_lesson(&state.ctx, &me, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A lesson, for those who may see it.
#[utoipa::path(get, path = "/api/v1/lessons/{id}", tag = "organizing", params(("id" = String, Path, description = "lesson id")),
    responses((status = 200, body = LessonResponse), (status = 404, description = "not visible")))]
pub(crate) async fn get_lesson(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<LessonId>>,
) -> Result<Json<LessonResponse>, ApiError> {
    Ok(Json(lesson(
        organizing::view_lesson(&state.ctx, &me, id).await?,
    )))
}

/// A page of a node's lessons.
#[derive(Serialize, ToSchema)]
pub(crate) struct LessonList {
    lessons: Vec<LessonResponse>,
    /// Pass as `after` for the next page.
    next: Option<String>,
}

/// A node's lessons the caller may see, newest first, a page at a time.
#[utoipa::path(get, path = "/api/v1/lessons", tag = "organizing", params(NodeQuery),
    responses((status = 200, body = LessonList), (status = 404, description = "no such node")))]
pub(crate) async fn list_lessons(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Query(q): Query<NodeQuery>,
) -> Result<Json<LessonList>, ApiError> {
    let (place, lessons, next) =
        organizing::node_lessons(&state.ctx, &me, &q.node, q.after.as_deref()).await?;
    Ok(Json(LessonList {
        lessons: lessons
            .iter()
            .map(|l| lesson_summary(l, place.node.fields.slug.clone()))
            .collect(),
        next,
    }))
}

/// A lesson's new standing.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LessonMoveRequest {
    status: String,
    reach: String,
}

/// Moves a lesson one step and sets how far it is shared (the node's stewards).
#[utoipa::path(post, path = "/api/v1/lessons/{id}/status", tag = "organizing", params(("id" = String, Path, description = "lesson id")), request_body = LessonMoveRequest,
    responses((status = 204, description = "moved"), (status = 403, description = "not a steward"), (status = 404, description = "not visible"), (status = 422, description = "not one step, named")))]
pub(crate) async fn move_lesson(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<LessonId>>,
    ApiJson(r): ApiJson<LessonMoveRequest>,
) -> Result<StatusCode, ApiError> {
    organizing::move_lesson(&state.ctx, &me, id, &r.status, &r.reach).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An endorsement.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct EndorseRequest {
    /// Where it worked for the caller too.
    context: String,
}

/// Endorses a lesson with the caller's own context.
#[utoipa::path(post, path = "/api/v1/lessons/{id}/endorsements", tag = "organizing", params(("id" = String, Path, description = "lesson id")), request_body = EndorseRequest,
    responses((status = 204, description = "endorsed"), (status = 404, description = "not visible"), (status = 422, description = "context missing")))]
pub(crate) async fn endorse(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<LessonId>>,
    ApiJson(r): ApiJson<EndorseRequest>,
) -> Result<StatusCode, ApiError> {
    organizing::endorse(&state.ctx, &me, id, &r.context).await?;
    Ok(StatusCode::NO_CONTENT)
}
