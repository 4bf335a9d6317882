//! The commitments page: ask, follow up, move.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::commitments::{self, CommitmentRecord, CommitmentsView};
use praxis_domain::commitments::{CommitmentStatus, RawCommitment};
use praxis_domain::validation::FieldErrors;

use crate::error::PageError;
use crate::extract::{FormFields, PageMember};
use crate::pages::{Chrome, render_with_status};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "commitments/list.html")]
pub(crate) struct CommitmentsPage {
    c: Chrome,
    view: CommitmentsView,
    errors: FieldErrors,
}

impl CommitmentsPage {
    fn status(&self, c: &CommitmentRecord) -> String {
        self.c.t(&format!("commitment-status-{}", c.status.code()))
    }

    /// The moves open from where it stands.
    fn moves(&self, c: &CommitmentRecord) -> Vec<(&'static str, String)> {
        CommitmentStatus::ALL
            .iter()
            .filter(|to| praxis_domain::commitments::transition(c.status, **to).is_ok())
            .map(|to| {
                (
                    to.code(),
                    self.c.t(&format!("commitment-move-{}", to.code())),
                )
            })
            .collect()
    }
}

/// Which page of each list.
#[derive(serde::Deserialize, Default)]
pub(crate) struct PageParams {
    by_after: Option<String>,
    of_after: Option<String>,
}

async fn page(
    state: &AppState,
    me: &praxis_app::accounts::CurrentMember,
    c: Chrome,
    p: &PageParams,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let view =
        commitments::view(&state.ctx, me, p.by_after.as_deref(), p.of_after.as_deref()).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render_with_status(
        status,
        &CommitmentsPage { c, view, errors },
    ))
}

pub(crate) async fn show_commitments(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    axum::extract::Query(p): axum::extract::Query<PageParams>,
) -> Result<Response, PageError> {
    page(&state, &me, c, &p, FieldErrors::new()).await
}

pub(crate) async fn ask(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    let raw = RawCommitment {
        what: form.text("what"),
        due: form.text("due"),
    };
    match commitments::ask(
        &state.ctx,
        &me,
        &form.text("asked_id"),
        raw,
        &form.text("context"),
        &form.text("campaign_id"),
    )
    .await
    {
        Ok(_) => {
            let campaign = form.text("campaign_id");
            if campaign.is_empty() {
                Ok(Redirect::to("/commitments").into_response())
            } else {
                Ok(Redirect::to(&format!(
                    "/campaigns/{}#commitments",
                    crate::extract::encode_component(&campaign)
                ))
                .into_response())
            }
        }
        Err(AppError::Invalid(errors)) => {
            page(&state, &me, c, &PageParams::default(), errors).await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn move_commitment(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    match commitments::move_to(
        &state.ctx,
        &me,
        &form.text("commitment"),
        &form.text("status"),
    )
    .await
    {
        Ok(()) => Ok(Redirect::to("/commitments").into_response()),
        Err(AppError::Invalid(errors)) => {
            page(&state, &me, c, &PageParams::default(), errors).await
        }
        Err(e) => Err(e.into()),
    }
}
