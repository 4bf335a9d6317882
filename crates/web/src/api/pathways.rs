//! `/api/v1/pathways` and `/api/v1/nominations`: the same rules as the pathways page.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use praxis_app::pathways;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember};
use crate::state::AppState;

/// The pipeline.
#[derive(Serialize, ToSchema)]
pub(crate) struct PipelineResponse {
    /// (step, how many people stand there), in pathway order.
    counts: Vec<StepCount>,
    /// Who reached their step this quarter.
    moved: Vec<MovedResponse>,
    nominations: Vec<NominationResponse>,
}

/// People at a step.
#[derive(Serialize, ToSchema)]
pub(crate) struct StepCount {
    /// `participant`, `paired_coach`, `coach`, `meta_coach`, `upfront_trainer` or `lead_trainer`.
    step: String,
    count: usize,
}

/// Someone who moved.
#[derive(Serialize, ToSchema)]
pub(crate) struct MovedResponse {
    member_id: String,
    display_name: String,
    step: String,
    reached_on: String,
}

/// A nomination.
#[derive(Serialize, ToSchema)]
pub(crate) struct NominationResponse {
    member_id: String,
    display_name: String,
    nominated_by: String,
    step: String,
    evidence: String,
}

/// Which pipeline.
#[derive(Deserialize, IntoParams)]
pub(crate) struct NodeParams {
    /// A node (id or slug) the caller stewards; absent for the network (admins).
    node: Option<String>,
}

/// The pipeline of the network (admins) or a node (its stewards).
#[utoipa::path(get, path = "/api/v1/pathways", tag = "pathways", params(NodeParams),
    responses((status = 200, body = PipelineResponse), (status = 403, description = "neither admin nor steward")))]
pub(crate) async fn get_pipeline(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Query(p): Query<NodeParams>,
) -> Result<Json<PipelineResponse>, ApiError> {
    let view = pathways::pipeline(&state.ctx, &me, p.node.as_deref()).await?;
    Ok(Json(PipelineResponse {
        counts: view
            .counts
            .into_iter()
            .map(|(s, count)| StepCount {
                step: s.code().to_owned(),
                count,
            })
            .collect(),
        moved: view
            .moved
            .into_iter()
            .map(|e| MovedResponse {
                member_id: e.member_id.to_string(),
                display_name: e.display_name,
                step: e.step.code().to_owned(),
                reached_on: e.reached_on,
            })
            .collect(),
        nominations: view
            .nominations
            .into_iter()
            .map(|n| NominationResponse {
                member_id: n.member_id.to_string(),
                display_name: n.display_name,
                nominated_by: n.nominated_by,
                step: n.step.code().to_owned(),
                evidence: n.evidence,
            })
            .collect(),
    }))
}

/// A step someone reached.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct StepRequest {
    member_id: String,
    step: String,
    /// YYYY-MM-DD.
    reached_on: String,
    /// The node the caller stewards (absent for admins recording for the network).
    node: Option<String>,
}

/// Records a step reached.
#[utoipa::path(post, path = "/api/v1/pathways/steps", tag = "pathways", request_body = StepRequest,
    responses((status = 204, description = "recorded"), (status = 403, description = "neither admin nor steward"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn record_step(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(req): ApiJson<StepRequest>,
) -> Result<StatusCode, ApiError> {
    pathways::record_step(
        &state.ctx,
        &me,
        req.node.as_deref(),
        &req.member_id,
        &req.step,
        &req.reached_on,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A nomination.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NominationRequest {
    member_id: String,
    step: String,
    evidence: String,
}

/// Nominates an emerging leader (any member).
#[utoipa::path(post, path = "/api/v1/nominations", tag = "pathways", request_body = NominationRequest,
    responses((status = 204, description = "recorded"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn nominate(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(req): ApiJson<NominationRequest>,
) -> Result<StatusCode, ApiError> {
    pathways::nominate(&state.ctx, &me, &req.member_id, &req.step, &req.evidence).await?;
    Ok(StatusCode::NO_CONTENT)
}
