//! `/api/v1/one-on-ones` and `/api/v1/narratives`: the same rules as the pages — a private
//! one-on-one or a narrative is 404 to everyone it is not for.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use praxis_app::narratives::{self, NarrativeRecord, NarrativeView, OneOnOneRecord};
use praxis_domain::ids::{NarrativeId, OneOnOneId};
use praxis_domain::narratives::{RawOneOnOne, RawTelling};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::organizing::Created;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember, Key, Path};
use crate::state::AppState;

/// A one-on-one, as sent.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct OneOnOneRequest {
    with_name: String,
    /// YYYY-MM-DD.
    met_on: String,
    purpose: String,
    values_heard: String,
    interests: String,
    resources: String,
    exchanged: String,
    commitment: String,
    /// YYYY-MM-DD.
    follow_up: String,
    /// One of the caller's teams to share it with (empty: private).
    team_id: String,
}

/// A one-on-one.
#[derive(Serialize, ToSchema)]
pub(crate) struct OneOnOneResponse {
    id: String,
    author: String,
    with_name: String,
    met_on: String,
    /// `purpose`, `values_heard`, `interests`, `resources`, `exchanged`, `commitment`.
    answers: BTreeMap<String, String>,
    follow_up: Option<String>,
    /// The team it is shared with; none when private.
    team_id: Option<String>,
}

pub(crate) fn one_on_one(o: OneOnOneRecord) -> OneOnOneResponse {
    OneOnOneResponse {
        id: o.id.to_string(),
        author: o.author_name,
        with_name: o.fields.with_name,
        met_on: o.fields.met_on,
        answers: o
            .fields
            .answers
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        follow_up: o.fields.follow_up,
        team_id: o.crew_id.map(|c| c.to_string()),
    }
}

/// Logs a one-on-one.
#[utoipa::path(post, path = "/api/v1/one-on-ones", tag = "organizing", request_body = OneOnOneRequest,
    responses((status = 201, body = Created), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn log(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(r): ApiJson<OneOnOneRequest>,
) -> Result<Response, ApiError> {
    let raw = RawOneOnOne {
        with_name: r.with_name,
        met_on: r.met_on,
        purpose: r.purpose,
        values_heard: r.values_heard,
        interests: r.interests,
        resources: r.resources,
        exchanged: r.exchanged,
        commitment: r.commitment,
        follow_up: r.follow_up,
    };
    let id = narratives::log_one_on_one(&state.ctx, &me, raw, &r.team_id).await?;
    Ok((StatusCode::CREATED, Json(Created::new(id))).into_response())
}

/// The caller's one-on-ones.
#[derive(Serialize, ToSchema)]
pub(crate) struct OneOnOneList {
    /// Their own follow-ups due within a week.
    follow_up: Vec<OneOnOneResponse>,
    /// Their own and those shared with their teams, newest first.
    one_on_ones: Vec<OneOnOneResponse>,
    /// Pass as `after` for the next page.
    next: Option<String>,
}

/// Which page.
#[derive(Deserialize, utoipa::IntoParams)]
pub(crate) struct PageQuery {
    /// The last id of the previous page.
    after: Option<String>,
}

/// The caller's one-on-ones and those their teams shared.
#[utoipa::path(get, path = "/api/v1/one-on-ones", tag = "organizing", params(PageQuery), responses((status = 200, body = OneOnOneList)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    axum::extract::Query(q): axum::extract::Query<PageQuery>,
) -> Result<Json<OneOnOneList>, ApiError> {
    let v = narratives::one_on_ones(&state.ctx, &me, q.after.as_deref()).await?;
    Ok(Json(OneOnOneList {
        follow_up: v.follow_up.into_iter().map(one_on_one).collect(),
        one_on_ones: v.all.into_iter().map(one_on_one).collect(),
        next: v.next,
    }))
}

/// One one-on-one, for its author or the team it is shared with.
#[utoipa::path(get, path = "/api/v1/one-on-ones/{id}", tag = "organizing", params(("id" = String, Path, description = "one-on-one id")),
    responses((status = 200, body = OneOnOneResponse), (status = 404, description = "not visible")))]
pub(crate) async fn get(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<OneOnOneId>>,
) -> Result<Json<OneOnOneResponse>, ApiError> {
    Ok(Json(one_on_one(
        narratives::one_on_one(&state.ctx, &me, id).await?,
    )))
}

/// Deletes a one-on-one for good (its author).
#[utoipa::path(delete, path = "/api/v1/one-on-ones/{id}", tag = "organizing", params(("id" = String, Path, description = "one-on-one id")),
    responses((status = 204, description = "deleted"), (status = 404, description = "not the caller's")))]
pub(crate) async fn delete(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<OneOnOneId>>,
) -> Result<StatusCode, ApiError> {
    narratives::delete_one_on_one(&state.ctx, &me, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Whom to share with.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ShareRequest {
    /// One of the author's teams; empty keeps it private.
    team_id: String,
}

/// Shares a one-on-one with a team, or keeps it private again (its author).
#[utoipa::path(post, path = "/api/v1/one-on-ones/{id}/share", tag = "organizing", params(("id" = String, Path, description = "one-on-one id")), request_body = ShareRequest,
    responses((status = 204, description = "shared"), (status = 404, description = "not the caller's"), (status = 422, description = "not one of their teams")))]
pub(crate) async fn share(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<OneOnOneId>>,
    ApiJson(r): ApiJson<ShareRequest>,
) -> Result<StatusCode, ApiError> {
    narratives::share_one_on_one(&state.ctx, &me, id, &r.team_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A telling, as sent.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct TellingRequest {
    /// `self`, `us` or `now` (on creation).
    kind: String,
    /// On creation.
    title: String,
    challenge: String,
    choice: String,
    outcome: String,
    values_aimed: String,
    emotions: String,
}

impl TellingRequest {
    fn raw(&self) -> RawTelling {
        RawTelling {
            challenge: self.challenge.clone(),
            choice: self.choice.clone(),
            outcome: self.outcome.clone(),
            values_aimed: self.values_aimed.clone(),
            emotions: self.emotions.clone(),
        }
    }
}

/// Starts a story with its first telling.
#[utoipa::path(post, path = "/api/v1/narratives", tag = "organizing", request_body = TellingRequest,
    responses((status = 201, body = Created), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn start(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(r): ApiJson<TellingRequest>,
) -> Result<Response, ApiError> {
    let id = narratives::start_narrative(&state.ctx, &me, &r.kind, &r.title, r.raw()).await?;
    Ok((StatusCode::CREATED, Json(Created::new(id))).into_response())
}

/// A story in a list.
#[derive(Serialize, ToSchema)]
pub(crate) struct NarrativeSummary {
    id: String,
    kind: String,
    title: String,
    author: String,
    versions: u32,
}

fn summary(n: &NarrativeRecord) -> NarrativeSummary {
    NarrativeSummary {
        id: n.id.to_string(),
        kind: n.kind.code().to_owned(),
        title: n.title.clone(),
        author: n.author_name.clone(),
        versions: n.versions,
    }
}

/// The caller's stories and those they were asked to review.
#[derive(Serialize, ToSchema)]
pub(crate) struct NarrativeList {
    narratives: Vec<NarrativeSummary>,
    /// Pass as `after` for the next page.
    next: Option<String>,
}

/// The caller's stories and those they were asked to review.
#[utoipa::path(get, path = "/api/v1/narratives", tag = "organizing", params(PageQuery), responses((status = 200, body = NarrativeList)))]
pub(crate) async fn list_narratives(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    axum::extract::Query(q): axum::extract::Query<PageQuery>,
) -> Result<Json<NarrativeList>, ApiError> {
    let (list, next) = narratives::narratives(&state.ctx, &me, q.after.as_deref()).await?;
    Ok(Json(NarrativeList {
        narratives: list.iter().map(summary).collect(),
        next,
    }))
}

/// One telling.
#[derive(Serialize, ToSchema)]
pub(crate) struct VersionResponse {
    version: u32,
    /// `challenge`, `choice`, `outcome`, `values_aimed`, `emotions`.
    parts: BTreeMap<String, String>,
    /// RFC 3339.
    at: String,
}

/// A piece of feedback.
#[derive(Serialize, ToSchema)]
pub(crate) struct FeedbackResponse {
    id: String,
    version: u32,
    parent_id: Option<String>,
    author: Option<String>,
    body: String,
}

/// A story with every telling and its feedback.
#[derive(Serialize, ToSchema)]
pub(crate) struct NarrativeResponse {
    #[serde(flatten)]
    summary: NarrativeSummary,
    versions: Vec<VersionResponse>,
    reviewers: Vec<String>,
    feedback: Vec<FeedbackResponse>,
}

fn narrative(v: NarrativeView) -> NarrativeResponse {
    NarrativeResponse {
        summary: summary(&v.narrative),
        versions: v.versions.into_iter().map(version).collect(),
        reviewers: v.reviewers.into_iter().map(|(_, n)| n).collect(),
        feedback: v
            .feedback
            .into_iter()
            .map(|f| FeedbackResponse {
                id: f.id.to_string(),
                version: f.version,
                parent_id: f.parent_id.map(|p| p.to_string()),
                author: f.author.map(|(_, n)| n),
                body: f.body,
            })
            .collect(),
    }
}

/// A story, for its author and the reviewers they asked.
#[utoipa::path(get, path = "/api/v1/narratives/{id}", tag = "organizing", params(("id" = String, Path, description = "narrative id")),
    responses((status = 200, body = NarrativeResponse), (status = 404, description = "not visible")))]
pub(crate) async fn get_narrative(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<NarrativeId>>,
) -> Result<Json<NarrativeResponse>, ApiError> {
    Ok(Json(narrative(
        narratives::narrative(&state.ctx, &me, id).await?,
    )))
}

/// A story and its tellings, in the author's data export.
#[derive(Serialize, ToSchema)]
pub(crate) struct NarrativeExport {
    #[serde(flatten)]
    summary: NarrativeSummary,
    versions: Vec<VersionResponse>,
}

impl NarrativeExport {
    pub(crate) fn new(
        n: &NarrativeRecord,
        versions: Vec<praxis_app::narratives::VersionRecord>,
    ) -> Self {
        Self {
            summary: summary(n),
            versions: versions.into_iter().map(version).collect(),
        }
    }
}

fn version(ver: praxis_app::narratives::VersionRecord) -> VersionResponse {
    VersionResponse {
        version: ver.version,
        parts: ver
            .telling
            .parts
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        at: ver.at.rfc3339(),
    }
}

/// Deletes a story with every telling and all feedback, for good (its author).
#[utoipa::path(delete, path = "/api/v1/narratives/{id}", tag = "organizing", params(("id" = String, Path, description = "narrative id")),
    responses((status = 204, description = "deleted"), (status = 403, description = "a reviewer"), (status = 404, description = "not visible")))]
pub(crate) async fn delete_narrative(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<NarrativeId>>,
) -> Result<StatusCode, ApiError> {
    narratives::delete_narrative(&state.ctx, &me, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The new telling's number.
#[derive(Serialize, ToSchema)]
pub(crate) struct VersionCreated {
    version: u32,
}

/// Tells the story again (its author).
#[utoipa::path(post, path = "/api/v1/narratives/{id}/versions", tag = "organizing", params(("id" = String, Path, description = "narrative id")), request_body = TellingRequest,
    responses((status = 201, body = VersionCreated), (status = 403, description = "a reviewer"), (status = 404, description = "not visible"), (status = 422, description = "invalid parts, named")))]
pub(crate) async fn retell(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<NarrativeId>>,
    ApiJson(r): ApiJson<TellingRequest>,
) -> Result<Response, ApiError> {
    let version = narratives::retell(&state.ctx, &me, id, r.raw()).await?;
    Ok((StatusCode::CREATED, Json(VersionCreated { version })).into_response())
}

/// Whom to ask.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReviewerRequest {
    member_id: String,
}

/// Asks a peer or coach for feedback (its author).
#[utoipa::path(post, path = "/api/v1/narratives/{id}/reviewers", tag = "organizing", params(("id" = String, Path, description = "narrative id")), request_body = ReviewerRequest,
    responses((status = 204, description = "asked"), (status = 404, description = "not visible"), (status = 422, description = "no such member")))]
pub(crate) async fn ask_reviewer(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<NarrativeId>>,
    ApiJson(r): ApiJson<ReviewerRequest>,
) -> Result<StatusCode, ApiError> {
    narratives::ask_reviewer(&state.ctx, &me, id, &r.member_id)
        .await
        .map_err(|e| rename(e, "member", "member_id"))?;
    Ok(StatusCode::NO_CONTENT)
}

fn rename(e: praxis_app::AppError, from: &str, to: &str) -> praxis_app::AppError {
    match e {
        praxis_app::AppError::Invalid(errors) => {
            let mut out = praxis_domain::validation::FieldErrors::new();
            for err in errors.iter() {
                let field = if err.field() == from { to } else { err.field() };
                out.add(field.to_owned(), err.key());
            }
            praxis_app::AppError::Invalid(out)
        }
        other => other,
    }
}

/// Feedback on a telling.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FeedbackRequest {
    version: u32,
    /// The feedback it answers.
    #[serde(default)]
    parent_id: String,
    body: String,
}

/// Gives feedback on a telling, or answers feedback (author and reviewers).
#[utoipa::path(post, path = "/api/v1/narratives/{id}/feedback", tag = "organizing", params(("id" = String, Path, description = "narrative id")), request_body = FeedbackRequest,
    responses((status = 204, description = "recorded"), (status = 404, description = "not visible"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn feedback(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<NarrativeId>>,
    ApiJson(r): ApiJson<FeedbackRequest>,
) -> Result<StatusCode, ApiError> {
    narratives::give_feedback(
        &state.ctx,
        &me,
        id,
        &r.version.to_string(),
        &r.parent_id,
        &r.body,
    )
    .await
    .map_err(|e| rename(e, "parent", "parent_id"))?;
    Ok(StatusCode::NO_CONTENT)
}
