//! `/api/v1/nodes/{id}/imports` and `/api/v1/nodes/{id}/roster.csv`: roster import (checked,
//! then run in the background) and export, for a node's stewards.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use praxis_app::i18n::{Locale, Translator};
use praxis_app::rosters::{self, RosterCheck};
use praxis_domain::rosters::RowPlan;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;
use crate::extract::{ApiMember, Path, RequestInfo};
use crate::state::AppState;

/// One row of the check.
#[derive(Serialize, ToSchema)]
pub(crate) struct RowResponse {
    /// The line in the file (the header is line 1).
    line: usize,
    email: String,
    /// `invite`, `merge` (already a member or invited) or `reject`.
    outcome: &'static str,
    /// Why a row is refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

/// What importing the file does (or did, for a started import).
#[derive(Serialize, ToSchema)]
pub(crate) struct CheckResponse {
    import_id: String,
    headers: Vec<String>,
    email_column: String,
    to_invite: usize,
    to_merge: usize,
    to_reject: usize,
    /// True when the import was started (`dry_run=false`).
    started: bool,
    rows: Vec<RowResponse>,
}

impl CheckResponse {
    pub(crate) fn from_check(
        check: RosterCheck,
        started: bool,
        t: &Translator,
        locale: Locale,
    ) -> Self {
        Self {
            email_column: check
                .headers
                .get(check.email_column)
                .cloned()
                .unwrap_or_default(),
            import_id: check.import_id,
            to_invite: check.to_invite,
            to_merge: check.to_merge,
            to_reject: check.to_reject,
            started,
            rows: check
                .rows
                .into_iter()
                .map(|r| {
                    let (outcome, reason) = match r.plan {
                        RowPlan::Invite(_) => ("invite", None),
                        RowPlan::AlreadyThere(_) => ("merge", None),
                        RowPlan::Reject(key) => ("reject", Some(t.t(locale, key))),
                    };
                    RowResponse {
                        line: r.line,
                        email: r.email,
                        outcome,
                        reason,
                    }
                })
                .collect(),
            headers: check.headers,
        }
    }
}

/// Import options.
#[derive(Deserialize, IntoParams)]
pub(crate) struct ImportParams {
    /// The header of the column with addresses (found by name when absent).
    email_column: Option<String>,
    /// `false` to start the import; by default the file is only checked.
    dry_run: Option<bool>,
}

/// Checks a roster CSV (the body) row by row and, with `dry_run=false`, starts importing it:
/// each new address gets an invitation. Runs in the background; follow it with the status route.
#[utoipa::path(post, path = "/api/v1/nodes/{id}/imports", tag = "nodes", params(("id" = String, Path, description = "node id or slug"), ImportParams),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = CheckResponse, description = "checked"), (status = 202, body = CheckResponse, description = "started"),
        (status = 403, description = "not a steward"), (status = 422, description = "not a readable roster")))]
pub(crate) async fn import_roster(
    State(state): State<AppState>,
    info: RequestInfo,
    ApiMember(me): ApiMember,
    Path(key): Path<String>,
    Query(params): Query<ImportParams>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let check =
        rosters::check_roster(&state.ctx, &me, &key, &body, params.email_column.as_deref()).await?;
    let start = params.dry_run == Some(false);
    if start {
        rosters::start_import(&state.ctx, &me, &key, &check.import_id).await?;
    }
    let status = if start {
        StatusCode::ACCEPTED
    } else {
        StatusCode::OK
    };
    let response = CheckResponse::from_check(check, start, state.ctx.translator(), info.locale);
    Ok((status, Json(response)).into_response())
}

/// An import's progress.
#[derive(Serialize, ToSchema)]
pub(crate) struct ImportStatusResponse {
    import_id: String,
    /// `checked`, `running`, `done` or `failed`.
    status: String,
    total_rows: i64,
    processed_rows: i64,
    invited: i64,
    merged: i64,
    rejected: i64,
}

/// Starts a checked import.
#[utoipa::path(post, path = "/api/v1/nodes/{id}/imports/{import_id}/run", tag = "nodes",
    params(("id" = String, Path, description = "node id or slug"), ("import_id" = String, Path, description = "import id")),
    responses((status = 202, description = "started"), (status = 422, description = "already started")))]
pub(crate) async fn run_import(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((key, import_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    rosters::start_import(&state.ctx, &me, &key, &import_id).await?;
    Ok(StatusCode::ACCEPTED)
}

/// An import's progress.
#[utoipa::path(get, path = "/api/v1/nodes/{id}/imports/{import_id}", tag = "nodes",
    params(("id" = String, Path, description = "node id or slug"), ("import_id" = String, Path, description = "import id")),
    responses((status = 200, body = ImportStatusResponse), (status = 404, description = "no such import")))]
pub(crate) async fn get_import(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((key, import_id)): Path<(String, String)>,
) -> Result<Json<ImportStatusResponse>, ApiError> {
    let i = rosters::import_status(&state.ctx, &me, &key, &import_id).await?;
    Ok(Json(ImportStatusResponse {
        import_id: i.id,
        status: i.status,
        total_rows: i.total_rows,
        processed_rows: i.processed_rows,
        invited: i.invited,
        merged: i.merged,
        rejected: i.rejected,
    }))
}

/// The node's roster as CSV (stewards only; no addresses; formulas defused).
#[utoipa::path(get, path = "/api/v1/nodes/{id}/roster.csv", tag = "nodes",
    params(("id" = String, Path, description = "node id or slug")),
    responses((status = 200, description = "CSV", content_type = "text/csv"), (status = 403, description = "not a steward")))]
pub(crate) async fn export_roster(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(key): Path<String>,
) -> Result<Response, ApiError> {
    let (name, csv) = rosters::export_roster(&state.ctx, &me, &key).await?;
    Ok(csv_download(&name, csv))
}

/// A CSV file download.
pub(crate) fn csv_download(name: &str, csv: String) -> Response {
    let disposition = format!("attachment; filename=\"{}\"", name.replace(['"', '\\'], ""));
    let mut response = ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], csv).into_response();
    if let Ok(value) = header::HeaderValue::from_str(&disposition) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// The column to read addresses from.
#[derive(Deserialize, IntoParams)]
pub(crate) struct RecheckParams {
    /// A header of the file.
    email_column: String,
}

/// Checks a kept file again with another email column (before it is run).
#[utoipa::path(post, path = "/api/v1/nodes/{id}/imports/{import_id}/recheck", tag = "nodes",
    params(("id" = String, Path, description = "node id or slug"), ("import_id" = String, Path, description = "import id"), RecheckParams),
    responses((status = 200, body = CheckResponse), (status = 422, description = "unknown column or already started")))]
pub(crate) async fn recheck_import(
    State(state): State<AppState>,
    info: RequestInfo,
    ApiMember(me): ApiMember,
    Path((key, import_id)): Path<(String, String)>,
    Query(params): Query<RecheckParams>,
) -> Result<Json<CheckResponse>, ApiError> {
    let check =
        rosters::recheck_roster(&state.ctx, &me, &key, &import_id, &params.email_column).await?;
    Ok(Json(CheckResponse::from_check(
        check,
        false,
        state.ctx.translator(),
        info.locale,
    )))
}
