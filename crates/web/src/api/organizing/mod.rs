//! `/api/v1/teams`, `/api/v1/campaigns`, `/api/v1/reflections`, `/api/v1/lessons`: the same
//! rules as the pages — whoever may not see an object gets 404.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use praxis_app::organizing::{self};
use praxis_domain::ids::CrewId;
use praxis_domain::organizing::RawCrewFields;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember, Key, Path};
use crate::state::AppState;

pub(crate) mod campaigns;
pub(crate) mod lessons;
pub(crate) mod reflections;

/// A new object's id.
#[derive(Serialize, ToSchema)]
pub(crate) struct Created {
    id: String,
}

impl Created {
    pub(crate) fn new(id: impl ToString) -> Self {
        Self { id: id.to_string() }
    }
}

fn created(id: impl ToString) -> Response {
    (StatusCode::CREATED, Json(Created { id: id.to_string() })).into_response()
}

/// A new team.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TeamRequest {
    /// The node's id or slug.
    node: String,
    name: String,
    purpose: String,
    #[serde(default)]
    norms: String,
    /// The team it belongs under.
    #[serde(default)]
    parent_id: String,
    /// The creator's role on it.
    #[serde(default)]
    role: String,
}

/// Creates a team in a node (its members).
#[utoipa::path(post, path = "/api/v1/teams", tag = "organizing", request_body = TeamRequest,
    responses((status = 201, body = Created), (status = 404, description = "no such node"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn create_team(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(r): ApiJson<TeamRequest>,
) -> Result<Response, ApiError> {
    let raw = RawCrewFields {
        name: r.name,
        purpose: r.purpose,
        norms: r.norms,
    };
    let id = organizing::create_crew(&state.ctx, &me, &r.node, &r.parent_id, raw, &r.role).await?;
    Ok(created(id))
}

/// Someone on a team.
#[derive(Serialize, ToSchema)]
pub(crate) struct TeamMemberResponse {
    member_id: String,
    display_name: String,
    role: String,
}

/// One health check.
#[derive(Serialize, ToSchema)]
pub(crate) struct HealthResponse {
    /// RFC 3339.
    at: String,
    /// Condition code → score 1–5.
    scores: BTreeMap<String, u8>,
    notes: String,
}

/// A team.
#[derive(Serialize, ToSchema)]
pub(crate) struct TeamResponse {
    id: String,
    node: String,
    parent_id: Option<String>,
    name: String,
    purpose: String,
    norms: String,
    members: Vec<TeamMemberResponse>,
    children: Vec<String>,
    /// For its members and the node's stewards only (empty otherwise).
    health_checks: Vec<HealthResponse>,
    kept_rate: Option<u32>,
}

/// A team, for those who may see it.
#[utoipa::path(get, path = "/api/v1/teams/{id}", tag = "organizing", params(("id" = String, Path, description = "team id")),
    responses((status = 200, body = TeamResponse), (status = 404, description = "not visible")))]
pub(crate) async fn get_team(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<CrewId>>,
) -> Result<Json<TeamResponse>, ApiError> {
    let v = organizing::view_crew(&state.ctx, &me, id).await?;
    Ok(Json(TeamResponse {
        id: v.crew.id.to_string(),
        node: v.place.node.fields.slug.clone(),
        parent_id: v.crew.parent_id.map(|p| p.to_string()),
        name: v.crew.fields.name,
        purpose: v.crew.fields.purpose,
        norms: v.crew.fields.norms,
        members: v
            .members
            .into_iter()
            .map(|m| TeamMemberResponse {
                member_id: m.member_id.to_string(),
                display_name: m.display_name,
                role: m.role,
            })
            .collect(),
        children: v.children.iter().map(|c| c.id.to_string()).collect(),
        health_checks: v
            .checks
            .into_iter()
            .map(|h| HealthResponse {
                at: h.at.rfc3339(),
                scores: h
                    .scores
                    .iter()
                    .map(|(c, s)| (c.code().to_owned(), *s))
                    .collect(),
                notes: h.notes,
            })
            .collect(),
        kept_rate: v.kept_rate,
    }))
}

/// A health check.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct HealthRequest {
    /// Condition code (`real_team`, `compelling_purpose`, `right_people`, `sound_structure`,
    /// `supportive_context`, `team_coaching`) → score 1–5.
    scores: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    notes: String,
}

/// Records a health check (the team's members and the node's stewards).
#[utoipa::path(post, path = "/api/v1/teams/{id}/health", tag = "organizing", params(("id" = String, Path, description = "team id")), request_body = HealthRequest,
    responses((status = 204, description = "recorded"), (status = 404, description = "not visible"), (status = 422, description = "a score missing or out of range, named")))]
pub(crate) async fn check_health(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<CrewId>>,
    ApiJson(r): ApiJson<HealthRequest>,
) -> Result<StatusCode, ApiError> {
    let scores: Vec<(String, String)> = r
        .scores
        .into_iter()
        .map(|(k, v)| {
            let v = match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            (k, v)
        })
        .collect();
    organizing::check_health(&state.ctx, &me, id, &scores, &r.notes).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Which node's campaigns, reflections or lessons.
#[derive(Deserialize, utoipa::IntoParams)]
pub(crate) struct NodeQuery {
    /// The node's id or slug.
    node: String,
    /// The last id of the previous page.
    after: Option<String>,
}
