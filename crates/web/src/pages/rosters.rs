//! Roster pages for stewards: upload a CSV, read the row-by-row check, start the import,
//! follow its progress, download the roster.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::rosters::{self, RosterCheck};
use praxis_domain::rosters::RowPlan;
use praxis_domain::validation::FieldErrors;

use crate::api::rosters::csv_download;
use crate::error::PageError;
use crate::extract::{FormFields, PageMember, Path, UploadForm, encode_component};
use crate::pages::{Chrome, render, render_with_status};
use crate::state::AppState;

/// The most problem rows listed on the check page (the API lists all).
const LISTED_ROWS: usize = 500;

#[derive(Template)]
#[template(path = "nodes/import.html")]
pub(crate) struct ImportPage {
    c: Chrome,
    slug: String,
    email_column: String,
    errors: FieldErrors,
}

pub(crate) async fn show_import(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    praxis_app::nodes::node_for_editing(&state.ctx, &me, &slug).await?;
    Ok(render(&ImportPage {
        c,
        slug,
        email_column: String::new(),
        errors: FieldErrors::new(),
    }))
}

/// One listed row of the check.
pub(crate) struct CheckedRow {
    line: usize,
    email: String,
    outcome_key: &'static str,
    reason_key: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "nodes/import_check.html")]
pub(crate) struct ImportCheckPage {
    c: Chrome,
    slug: String,
    check: RosterCheck,
    email_column_name: String,
    listed: Vec<CheckedRow>,
}

pub(crate) async fn check_import(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    form: UploadForm,
) -> Result<Response, PageError> {
    let email_column = form.text("email_column");
    let chosen = Some(email_column.as_str()).filter(|s| !s.trim().is_empty());
    match rosters::check_roster(&state.ctx, &me, &slug, &form.file, chosen).await {
        Ok(check) => Ok(render(&check_page(c, slug, check))),
        Err(AppError::Invalid(errors)) => Ok(render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ImportPage {
                c,
                slug,
                email_column,
                errors,
            },
        )),
        Err(e) => Err(e.into()),
    }
}

/// The check page: counts, the rows that will not be invited, and the column choice.
fn check_page(c: Chrome, slug: String, check: RosterCheck) -> ImportCheckPage {
    let listed = check
        .rows
        .iter()
        .filter(|r| !matches!(r.plan, RowPlan::Invite(_)))
        .take(LISTED_ROWS)
        .map(|r| CheckedRow {
            line: r.line,
            email: r.email.clone(),
            outcome_key: match r.plan {
                RowPlan::Invite(_) => "import-outcome-invite",
                RowPlan::AlreadyThere(_) => "import-outcome-merge",
                RowPlan::Reject(_) => "import-outcome-reject",
            },
            reason_key: match r.plan {
                RowPlan::Reject(key) => Some(key),
                _ => None,
            },
        })
        .collect();
    let email_column_name = check
        .headers
        .get(check.email_column)
        .cloned()
        .unwrap_or_default();
    ImportCheckPage {
        c,
        slug,
        check,
        email_column_name,
        listed,
    }
}

pub(crate) async fn recheck_import(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path((slug, import_id)): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, PageError> {
    let check = rosters::recheck_roster(
        &state.ctx,
        &me,
        &slug,
        &import_id,
        &form.text("email_column"),
    )
    .await?;
    Ok(render(&check_page(c, slug, check)))
}

pub(crate) async fn run_import(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path((slug, import_id)): Path<(String, String)>,
    _form: FormFields,
) -> Result<Response, PageError> {
    match rosters::start_import(&state.ctx, &me, &slug, &import_id).await {
        Ok(()) | Err(AppError::Invalid(_)) => Ok(Redirect::to(&format!(
            "/nodes/{}/imports/{}",
            encode_component(&slug),
            encode_component(&import_id)
        ))
        .into_response()),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "nodes/import_progress.html")]
pub(crate) struct ImportProgressPage {
    c: Chrome,
    slug: String,
    import: praxis_app::rosters::ImportStatus,
}

impl ImportProgressPage {
    fn is_running(&self) -> bool {
        self.import.status == "running" || self.import.status == "checked"
    }

    fn status_key(&self) -> &'static str {
        match self.import.status.as_str() {
            "done" => "import-status-done",
            "failed" => "import-status-failed",
            _ => "import-status-running",
        }
    }
}

pub(crate) async fn show_import_progress(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path((slug, import_id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let import = rosters::import_status(&state.ctx, &me, &slug, &import_id).await?;
    Ok(render(&ImportProgressPage { c, slug, import }))
}

pub(crate) async fn export_roster(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let (name, csv) = rosters::export_roster(&state.ctx, &me, &slug).await?;
    Ok(csv_download(&name, csv))
}
