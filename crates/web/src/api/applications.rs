//! `/api/v1/workshops/{id}/questions` and `/applications`: applying and deciding, with the same
//! rules as the pages.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use praxis_app::AppError;
use praxis_app::applications::{self, ApplicationRecord, QuestionRecord};
use praxis_domain::applications::RawQuestion;
use praxis_domain::ids::{ApplicationId, WorkshopId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::rfc3339;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember, Key, Path, RequestInfo};
use crate::state::AppState;

/// A question.
#[derive(Serialize, ToSchema)]
pub(crate) struct QuestionResponse {
    id: String,
    /// `participant` or `coach`.
    audience: String,
    /// `short`, `long`, `single`, `multiple` or `scale`.
    kind: String,
    prompt: String,
    choices: Vec<String>,
    required: bool,
}

impl QuestionResponse {
    fn from_record(q: QuestionRecord) -> Self {
        Self {
            id: q.id.to_string(),
            audience: q.question.audience.code().to_owned(),
            kind: q.question.kind.code().to_owned(),
            prompt: q.question.prompt,
            choices: q.question.choices,
            required: q.question.required,
        }
    }
}

/// Which questions.
#[derive(Deserialize, IntoParams)]
pub(crate) struct RoleParams {
    /// `participant` (default) or `coach`.
    role: Option<String>,
}

/// The workshop's questions for participants or coaches.
#[utoipa::path(get, path = "/api/v1/workshops/{id}/questions", tag = "workshops",
    params(("id" = String, Path, description = "workshop id"), RoleParams),
    responses((status = 200, body = [QuestionResponse])))]
pub(crate) async fn list_questions(
    State(state): State<AppState>,
    info: RequestInfo,
    Path(Key(id)): Path<Key<WorkshopId>>,
    Query(p): Query<RoleParams>,
) -> Result<Json<Vec<QuestionResponse>>, ApiError> {
    let role = p.role.unwrap_or_else(|| "participant".into());
    let (_, list) = applications::questions(&state.ctx, info.member.as_ref(), id, &role).await?;
    Ok(Json(
        list.into_iter()
            .map(QuestionResponse::from_record)
            .collect(),
    ))
}

/// A new question.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuestionRequest {
    audience: String,
    kind: String,
    prompt: String,
    #[serde(default)]
    choices: Vec<String>,
    #[serde(default)]
    required: bool,
}

/// Adds a question (managing staff).
#[utoipa::path(post, path = "/api/v1/workshops/{id}/questions", tag = "workshops",
    params(("id" = String, Path, description = "workshop id")), request_body = QuestionRequest,
    responses((status = 201, body = QuestionResponse), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn add_question(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
    ApiJson(req): ApiJson<QuestionRequest>,
) -> Result<Response, ApiError> {
    let raw = RawQuestion {
        audience: req.audience,
        kind: req.kind,
        prompt: req.prompt,
        choices: req.choices.join("\n"),
        required: req.required,
    };
    let q = applications::add_question(&state.ctx, &me, id, raw).await?;
    Ok((StatusCode::CREATED, Json(QuestionResponse::from_record(q))).into_response())
}

/// An application.
#[derive(Serialize, ToSchema)]
pub(crate) struct ApplicationResponse {
    id: String,
    member_id: String,
    display_name: String,
    /// `participant` or `coach`.
    role: String,
    /// `submitted`, `accepted`, `waitlisted`, `declined` or `withdrawn`.
    status: String,
    created_at: String,
}

impl ApplicationResponse {
    fn from_record(a: ApplicationRecord) -> Self {
        Self {
            id: a.id.to_string(),
            member_id: a.member_id.to_string(),
            display_name: a.display_name,
            role: a.role.code().to_owned(),
            status: a.status.code().to_owned(),
            created_at: rfc3339(a.created_at),
        }
    }
}

/// Filters for the review list.
#[derive(Deserialize, IntoParams)]
pub(crate) struct ReviewParams {
    role: Option<String>,
    status: Option<String>,
    /// From 1; 100 per page.
    page: Option<u32>,
}

/// The managing staff get every application (filtered); anyone else their own.
#[utoipa::path(get, path = "/api/v1/workshops/{id}/applications", tag = "workshops",
    params(("id" = String, Path, description = "workshop id"), ReviewParams),
    responses((status = 200, body = [ApplicationResponse])))]
pub(crate) async fn list_applications(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
    Query(p): Query<ReviewParams>,
) -> Result<Json<Vec<ApplicationResponse>>, ApiError> {
    let list = match applications::review(
        &state.ctx,
        &me,
        id,
        p.role.as_deref(),
        p.status.as_deref(),
        p.page.unwrap_or(1),
    )
    .await
    {
        Ok((_, list)) => list,
        Err(AppError::Forbidden) => applications::my_applications(&state.ctx, &me, id).await?,
        Err(e) => return Err(e.into()),
    };
    Ok(Json(
        list.into_iter()
            .map(ApplicationResponse::from_record)
            .collect(),
    ))
}

/// An application: the role and the answers by question id.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ApplyRequest {
    /// `participant` or `coach`.
    role: String,
    /// Question id → the values (one, or several for multiple choice).
    #[serde(default)]
    answers: BTreeMap<String, Vec<String>>,
}

/// The new application's id.
#[derive(Serialize, ToSchema)]
pub(crate) struct AppliedResponse {
    id: String,
}

/// Applies to a workshop.
#[utoipa::path(post, path = "/api/v1/workshops/{id}/applications", tag = "workshops",
    params(("id" = String, Path, description = "workshop id")), request_body = ApplyRequest,
    responses((status = 201, body = AppliedResponse), (status = 422, description = "closed, already applied, or answers named `q-<question id>`")))]
pub(crate) async fn apply(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
    ApiJson(req): ApiJson<ApplyRequest>,
) -> Result<Response, ApiError> {
    let answers = req
        .answers
        .into_iter()
        .map(|(k, v)| (format!("q-{k}"), v))
        .collect();
    let app = applications::apply(&state.ctx, &me, id, &req.role, &answers).await?;
    Ok((
        StatusCode::CREATED,
        Json(AppliedResponse {
            id: app.to_string(),
        }),
    )
        .into_response())
}

/// A decision on several applications.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DecisionRequest {
    application_ids: Vec<String>,
    /// `accept`, `waitlist` or `decline`.
    decision: String,
}

/// How many applications changed (promotions from the waiting list included).
#[derive(Serialize, ToSchema)]
pub(crate) struct DecisionResponse {
    changed: usize,
}

/// Decides several applications at once; applicants are mailed.
#[utoipa::path(post, path = "/api/v1/workshops/{id}/applications/decisions", tag = "workshops",
    params(("id" = String, Path, description = "workshop id")), request_body = DecisionRequest,
    responses((status = 200, body = DecisionResponse), (status = 422, description = "unknown decision, no seats left, or an application that cannot take it")))]
pub(crate) async fn decide(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
    ApiJson(req): ApiJson<DecisionRequest>,
) -> Result<Json<DecisionResponse>, ApiError> {
    let changed =
        applications::decide(&state.ctx, &me, id, &req.application_ids, &req.decision).await?;
    Ok(Json(DecisionResponse { changed }))
}

/// Withdraws one's own application; a seat it held goes to the waiting list.
#[utoipa::path(post, path = "/api/v1/workshops/{id}/applications/{application_id}/withdraw", tag = "workshops",
    params(("id" = String, Path, description = "workshop id"), ("application_id" = String, Path, description = "application id")),
    responses((status = 204, description = "withdrawn")))]
pub(crate) async fn withdraw(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((Key(id), Key(application))): Path<(Key<WorkshopId>, Key<ApplicationId>)>,
) -> Result<StatusCode, ApiError> {
    applications::withdraw(&state.ctx, &me, id, application).await?;
    Ok(StatusCode::NO_CONTENT)
}
