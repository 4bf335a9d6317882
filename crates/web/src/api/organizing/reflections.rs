//! `/api/v1/reflections` and the reflections on a campaign or a workshop.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use praxis_app::organizing::{self};
use praxis_domain::ids::{CampaignId, ReflectionId, WorkshopId};
use praxis_domain::organizing::RawReflectionFields;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::campaigns::{ReflectionResponse, reflection};
use super::{Created, NodeQuery, created};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember, Key, Path};
use crate::state::AppState;

/// A reflection, as sent.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct ReflectionRequest {
    subject: String,
    label: String,
    reach: String,
    intended: String,
    happened: String,
    difference: String,
    sustain: String,
    improve: String,
    numbers: String,
    participants: String,
}

/// Writes a reflection on a campaign (those who work on it).
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/reflections", tag = "organizing", params(("id" = String, Path, description = "campaign id")), request_body = ReflectionRequest,
    responses((status = 201, body = Created), (status = 404, description = "not visible"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn reflect(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<CampaignId>>,
    ApiJson(r): ApiJson<ReflectionRequest>,
) -> Result<Response, ApiError> {
    let raw = RawReflectionFields {
        subject: r.subject,
        label: r.label,
        reach: r.reach,
        intended: r.intended,
        happened: r.happened,
        difference: r.difference,
        sustain: r.sustain,
        improve: r.improve,
        numbers: r.numbers,
        participants: r.participants,
    };
    let rid = organizing::reflect(&state.ctx, &me, id, raw).await?;
    Ok(created(rid))
}

/// A reflection in a node, on an action or a workshop (its members).
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct NodeReflectionRequest {
    /// The node's id or slug.
    node: String,
    /// One of the caller's teams in the node (for a team reach).
    team_id: String,
    /// A workshop the caller took part in (with the subject `workshop`).
    workshop_id: String,
    /// `action` or `workshop`.
    subject: String,
    label: String,
    reach: String,
    intended: String,
    happened: String,
    difference: String,
    sustain: String,
    improve: String,
    numbers: String,
    participants: String,
}

/// Writes a reflection in a node on an action or a workshop (its members).
#[utoipa::path(post, path = "/api/v1/reflections", tag = "organizing", request_body = NodeReflectionRequest,
    responses((status = 201, body = Created), (status = 403, description = "not a member of the node"), (status = 404, description = "no such node"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn reflect_in_node(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(req): ApiJson<NodeReflectionRequest>,
) -> Result<Response, ApiError> {
    let NodeReflectionRequest {
        node,
        team_id,
        workshop_id,
        subject,
        label,
        reach,
        intended,
        happened,
        difference,
        sustain,
        improve,
        numbers,
        participants,
    } = req;
    let raw = RawReflectionFields {
        subject,
        label,
        reach,
        intended,
        happened,
        difference,
        sustain,
        improve,
        numbers,
        participants,
    };
    let id =
        organizing::reflect_in_node(&state.ctx, &me, &node, &team_id, &workshop_id, raw).await?;
    Ok(created(id))
}

/// A page of a node's reflections.
#[derive(Serialize, ToSchema)]
pub(crate) struct ReflectionList {
    reflections: Vec<ReflectionResponse>,
    /// Pass as `after` for the next page.
    next: Option<String>,
}

/// A node's reflections on actions and workshops that the caller may read, newest first.
#[utoipa::path(get, path = "/api/v1/reflections", tag = "organizing", params(NodeQuery),
    responses((status = 200, body = ReflectionList), (status = 404, description = "no such node")))]
pub(crate) async fn list_reflections(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Query(q): Query<NodeQuery>,
) -> Result<Json<ReflectionList>, ApiError> {
    let (list, next) =
        organizing::node_reflections(&state.ctx, &me, &q.node, q.after.as_deref()).await?;
    Ok(Json(ReflectionList {
        reflections: list.into_iter().map(reflection).collect(),
        next,
    }))
}

/// The reflections on a workshop that the caller may read, newest first (the latest 50).
#[utoipa::path(get, path = "/api/v1/workshops/{id}/reflections", tag = "organizing", params(("id" = String, Path, description = "workshop id")),
    responses((status = 200, body = ReflectionList), (status = 404, description = "not visible")))]
pub(crate) async fn workshop_reflections(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
) -> Result<Json<ReflectionList>, ApiError> {
    let list = organizing::workshop_reflections(&state.ctx, &me, id).await?;
    Ok(Json(ReflectionList {
        reflections: list.into_iter().map(reflection).collect(),
        next: None,
    }))
}

/// Deletes a reflection for good (its author or the node's stewards); lessons drawn from it
/// stay, without it as a source.
#[utoipa::path(delete, path = "/api/v1/reflections/{id}", tag = "organizing", params(("id" = String, Path, description = "reflection id")),
    responses((status = 204, description = "deleted"), (status = 403, description = "neither its author nor a steward"), (status = 404, description = "not visible")))]
pub(crate) async fn delete_reflection(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<ReflectionId>>,
) -> Result<StatusCode, ApiError> {
    organizing::delete_reflection(&state.ctx, &me, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A reflection, for those who may read it.
#[utoipa::path(get, path = "/api/v1/reflections/{id}", tag = "organizing", params(("id" = String, Path, description = "reflection id")),
    responses((status = 200, body = ReflectionResponse), (status = 404, description = "not visible")))]
pub(crate) async fn get_reflection(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<ReflectionId>>,
) -> Result<Json<ReflectionResponse>, ApiError> {
    Ok(Json(reflection(
        organizing::view_reflection(&state.ctx, &me, id).await?,
    )))
}
