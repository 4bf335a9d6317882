//! The rest of a workshop's records through the API: certificates (and their public
//! verification), plus/delta after a session, the pre- and post-workshop self-assessment, and
//! the participant import — the same rules as the pages.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use praxis_app::certificates::{self, CertificateRecord};
use praxis_app::feedback;
use praxis_app::workshop_imports;
use praxis_domain::ids::{SessionId, WorkshopId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember, Key, Path, RequestInfo};
use crate::state::AppState;

/// A completion certificate.
#[derive(Serialize, ToSchema)]
pub(crate) struct CertificateResponse {
    /// The code in its verification address (`/certificates/{code}`).
    code: String,
    workshop_id: String,
    workshop: String,
    holder: String,
    /// RFC 3339.
    issued_at: String,
    /// RFC 3339, when revoked.
    revoked_at: Option<String>,
}

fn certificate(c: CertificateRecord) -> CertificateResponse {
    CertificateResponse {
        code: c.code,
        workshop_id: c.workshop_id.to_string(),
        workshop: c.workshop_title,
        holder: c.holder_name,
        issued_at: c.issued_at.rfc3339(),
        revoked_at: c.revoked_at.map(|r| r.rfc3339()),
    }
}

/// Certificates of a workshop.
#[derive(Serialize, ToSchema)]
pub(crate) struct CertificateList {
    certificates: Vec<CertificateResponse>,
}

/// The workshop's certificates: all for its managing staff, the caller's own for anyone else.
#[utoipa::path(get, path = "/api/v1/workshops/{id}/certificates", tag = "workshops", params(("id" = String, Path, description = "workshop id")),
    responses((status = 200, body = CertificateList), (status = 404, description = "not visible")))]
pub(crate) async fn list_certificates(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
) -> Result<Json<CertificateList>, ApiError> {
    let list = certificates::list(&state.ctx, &me, id).await?;
    Ok(Json(CertificateList {
        certificates: list.into_iter().map(certificate).collect(),
    }))
}

/// Whom to certify.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct IssueRequest {
    /// Accepted participants to certify; empty certifies them all.
    #[serde(default)]
    member_ids: Vec<String>,
}

/// How many certificates were new.
#[derive(Serialize, ToSchema)]
pub(crate) struct IssueResponse {
    issued: u64,
}

/// Issues certificates to accepted participants (the workshop's managing staff).
#[utoipa::path(post, path = "/api/v1/workshops/{id}/certificates", tag = "workshops", params(("id" = String, Path, description = "workshop id")), request_body = IssueRequest,
    responses((status = 200, body = IssueResponse), (status = 403, description = "not managing staff"), (status = 404, description = "not visible")))]
pub(crate) async fn issue_certificates(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
    ApiJson(r): ApiJson<IssueRequest>,
) -> Result<Json<IssueResponse>, ApiError> {
    let issued = certificates::issue(&state.ctx, &me, id, &r.member_ids).await?;
    Ok(Json(IssueResponse { issued }))
}

/// Revokes a certificate (the workshop's managing staff).
#[utoipa::path(post, path = "/api/v1/workshops/{id}/certificates/{code}/revoke", tag = "workshops",
    params(("id" = String, Path, description = "workshop id"), ("code" = String, Path, description = "certificate code")),
    responses((status = 204, description = "revoked"), (status = 403, description = "not managing staff"), (status = 404, description = "no such certificate")))]
pub(crate) async fn revoke_certificate(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((Key(id), code)): Path<(Key<WorkshopId>, String)>,
) -> Result<StatusCode, ApiError> {
    certificates::revoke(&state.ctx, &me, id, &code).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Verifies a certificate (public: anyone with the code).
#[utoipa::path(get, path = "/api/v1/certificates/{code}", tag = "workshops", params(("code" = String, Path, description = "certificate code")),
    responses((status = 200, body = CertificateResponse), (status = 404, description = "no such certificate")))]
pub(crate) async fn verify_certificate(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<CertificateResponse>, ApiError> {
    Ok(Json(certificate(
        certificates::verify(&state.ctx, &code).await?,
    )))
}

/// A plus/delta.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FeedbackRequest {
    /// 1–5.
    rating: serde_json::Value,
    #[serde(default)]
    plus: String,
    #[serde(default)]
    delta: String,
}

/// Gives a plus/delta after a session (accepted participants; a second one replaces the first).
#[utoipa::path(post, path = "/api/v1/workshops/{id}/sessions/{session}/feedback", tag = "workshops",
    params(("id" = String, Path, description = "workshop id"), ("session" = String, Path, description = "session id")), request_body = FeedbackRequest,
    responses((status = 204, description = "saved"), (status = 403, description = "not an accepted participant"), (status = 404, description = "not visible"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn give_feedback(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((Key(id), Key(session))): Path<(Key<WorkshopId>, Key<SessionId>)>,
    ApiJson(r): ApiJson<FeedbackRequest>,
) -> Result<StatusCode, ApiError> {
    let rating = match r.rating {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    };
    feedback::give_feedback(&state.ctx, &me, id, session, &rating, &r.plus, &r.delta).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// One plus/delta, without its author.
#[derive(Serialize, ToSchema)]
pub(crate) struct FeedbackEntryResponse {
    rating: i64,
    plus: String,
    delta: String,
}

/// A session's plus/delta, for its trainers.
#[derive(Serialize, ToSchema)]
pub(crate) struct FeedbackSummary {
    /// How many rated 1, 2, 3, 4 and 5.
    ratings: [usize; 5],
    /// Every plus/delta, without names.
    entries: Vec<FeedbackEntryResponse>,
}

/// A session's plus/delta, aggregated and anonymous (the workshop's managing staff).
#[utoipa::path(get, path = "/api/v1/workshops/{id}/sessions/{session}/feedback", tag = "workshops",
    params(("id" = String, Path, description = "workshop id"), ("session" = String, Path, description = "session id")),
    responses((status = 200, body = FeedbackSummary), (status = 403, description = "not managing staff"), (status = 404, description = "not visible")))]
pub(crate) async fn feedback_summary(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((Key(id), Key(session))): Path<(Key<WorkshopId>, Key<SessionId>)>,
) -> Result<Json<FeedbackSummary>, ApiError> {
    let (ratings, entries) = feedback::session_summary(&state.ctx, &me, id, session).await?;
    Ok(Json(FeedbackSummary {
        ratings,
        entries: entries
            .into_iter()
            .map(|e| FeedbackEntryResponse {
                rating: e.rating,
                plus: e.plus,
                delta: e.delta,
            })
            .collect(),
    }))
}

/// A self-assessment.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SurveyRequest {
    /// Practice code → confidence 1–5, for every practice of the workshop.
    answers: BTreeMap<String, serde_json::Value>,
}

/// Answers the pre- or post-workshop self-assessment (accepted participants).
#[utoipa::path(post, path = "/api/v1/workshops/{id}/surveys/{phase}", tag = "workshops",
    params(("id" = String, Path, description = "workshop id"), ("phase" = String, Path, description = "`pre` or `post`")), request_body = SurveyRequest,
    responses((status = 204, description = "saved"), (status = 403, description = "not an accepted participant"), (status = 404, description = "not visible"), (status = 422, description = "a practice without a score from 1 to 5, named")))]
pub(crate) async fn answer_survey(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((Key(id), phase)): Path<(Key<WorkshopId>, String)>,
    ApiJson(r): ApiJson<SurveyRequest>,
) -> Result<StatusCode, ApiError> {
    let answers: BTreeMap<String, String> = r
        .answers
        .into_iter()
        .map(|(k, v)| {
            let v = match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            (format!("practice-{k}"), v)
        })
        .collect();
    feedback::answer_survey(&state.ctx, &me, id, &phase, &answers)
        .await
        .map_err(|e| match e {
            praxis_app::AppError::Invalid(errors) => {
                let mut out = praxis_domain::validation::FieldErrors::new();
                for err in errors.iter() {
                    out.add(
                        err.field().trim_start_matches("practice-").to_owned(),
                        err.key(),
                    );
                }
                praxis_app::AppError::Invalid(out)
            }
            other => other,
        })?;
    Ok(StatusCode::NO_CONTENT)
}

/// One practice's average confidence before and after (tenths of a point).
#[derive(Serialize, ToSchema)]
pub(crate) struct SurveyRow {
    practice: String,
    /// Average × 10 before the workshop.
    pre: Option<i64>,
    /// Average × 10 after it.
    post: Option<i64>,
    pre_answers: i64,
    post_answers: i64,
}

/// The self-assessment's results.
#[derive(Serialize, ToSchema)]
pub(crate) struct SurveyResults {
    practices: Vec<SurveyRow>,
}

/// The self-assessment, averaged before and after (the workshop's managing staff).
#[utoipa::path(get, path = "/api/v1/workshops/{id}/surveys", tag = "workshops", params(("id" = String, Path, description = "workshop id")),
    responses((status = 200, body = SurveyResults), (status = 403, description = "not managing staff"), (status = 404, description = "not visible")))]
pub(crate) async fn survey_results(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
) -> Result<Json<SurveyResults>, ApiError> {
    let (_, rows) = feedback::survey_results(&state.ctx, &me, id).await?;
    Ok(Json(SurveyResults {
        practices: rows
            .into_iter()
            .map(|(p, pre, post, pre_answers, post_answers)| SurveyRow {
                practice: p.code().to_owned(),
                pre,
                post,
                pre_answers,
                post_answers,
            })
            .collect(),
    }))
}

/// How to read the file.
#[derive(Deserialize, utoipa::IntoParams)]
pub(crate) struct ImportParams {
    /// The header of the column with addresses (found by name when absent).
    email_column: Option<String>,
    /// `false` to import; by default the file is only checked.
    dry_run: Option<bool>,
}

/// One row of the report.
#[derive(Serialize, ToSchema)]
pub(crate) struct ImportRowResponse {
    line: usize,
    email: String,
    /// `invite`, `already-invited` (by an earlier import of this workshop) or `reject` — the
    /// same for an address with an account and one without.
    outcome: String,
    /// Why a row is rejected, in the caller's language.
    reason: Option<String>,
}

/// The import's report.
#[derive(Serialize, ToSchema)]
pub(crate) struct ImportResponse {
    dry_run: bool,
    /// Addresses invited (or, on a check, that would be).
    invited: usize,
    rows: Vec<ImportRowResponse>,
}

/// Checks a participants CSV (the body) row by row and, with `dry_run=false`, mails every
/// good address an invitation to take a seat (accepted while seats last, then waitlisted, when
/// the person follows it signed in). The report does not tell which addresses have accounts.
#[utoipa::path(post, path = "/api/v1/workshops/{id}/participants/import", tag = "workshops",
    params(("id" = String, Path, description = "workshop id"), ImportParams),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = ImportResponse), (status = 403, description = "not managing staff"), (status = 404, description = "not visible"), (status = 422, description = "not a readable file")))]
pub(crate) async fn import_participants(
    State(state): State<AppState>,
    info: RequestInfo,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
    Query(params): Query<ImportParams>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let dry_run = params.dry_run != Some(false);
    let report = workshop_imports::import_participants(
        &state.ctx,
        &me,
        id,
        &body,
        params.email_column.as_deref(),
        dry_run,
    )
    .await?;
    let rows = report
        .rows
        .into_iter()
        .map(|r| {
            let known = matches!(r.outcome, "invite" | "already-invited");
            ImportRowResponse {
                line: r.line,
                email: r.email,
                outcome: if known {
                    r.outcome.to_owned()
                } else {
                    "reject".to_owned()
                },
                reason: (!known).then(|| state.ctx.translator().t(info.locale, r.outcome)),
            }
        })
        .collect();
    Ok(Json(ImportResponse {
        dry_run: report.dry_run,
        invited: report.invited,
        rows,
    })
    .into_response())
}
