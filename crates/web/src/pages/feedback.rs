//! Plus/delta after a session and the self-assessment survey; the trainers' summaries with
//! server-rendered SVG charts.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::feedback::{self, FeedbackEntry};
use praxis_app::workshops::WorkshopRecord;
use praxis_domain::ids::{SessionId, WorkshopId};
use praxis_domain::members::profile::Practice;
use praxis_domain::validation::FieldErrors;

use crate::error::PageError;
use crate::extract::{FormFields, Key, PageMember, Path};
use crate::pages::{Chrome, render, render_with_status};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "feedback/session.html")]
pub(crate) struct FeedbackPage {
    c: Chrome,
    workshop_id: String,
    session_id: String,
    /// For the managing staff: counts per rating, laid out as bars (label, count, width).
    bars: Vec<(usize, usize, usize)>,
    entries: Vec<FeedbackEntry>,
    manages: bool,
    saved: bool,
    errors: FieldErrors,
}

pub(crate) async fn show_feedback(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path((Key(id), Key(session))): Path<(Key<WorkshopId>, Key<SessionId>)>,
) -> Result<Response, PageError> {
    page(&state, &me, c, id, session, false, FieldErrors::new()).await
}

async fn page(
    state: &AppState,
    me: &praxis_app::policy::CurrentMember,
    c: Chrome,
    id: WorkshopId,
    session: SessionId,
    saved: bool,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let (bars, entries, manages) =
        match feedback::session_summary(&state.ctx, me, id, session).await {
            Ok((counts, entries)) => {
                let max = counts.iter().copied().max().unwrap_or(0).max(1);
                let bars = counts
                    .iter()
                    .enumerate()
                    .map(|(i, n)| (i + 1, *n, n * 260 / max))
                    .collect();
                (bars, entries, true)
            }
            Err(AppError::Forbidden) => (Vec::new(), Vec::new(), false),
            Err(e) => return Err(e.into()),
        };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render_with_status(
        status,
        &FeedbackPage {
            c,
            workshop_id: id.to_string(),
            session_id: session.to_string(),
            bars,
            entries,
            manages,
            saved,
            errors,
        },
    ))
}

pub(crate) async fn give_feedback(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path((Key(id), Key(session))): Path<(Key<WorkshopId>, Key<SessionId>)>,
    form: FormFields,
) -> Result<Response, PageError> {
    match feedback::give_feedback(
        &state.ctx,
        &me,
        id,
        session,
        &form.text("rating"),
        &form.text("plus"),
        &form.text("delta"),
    )
    .await
    {
        Ok(()) => page(&state, &me, c, id, session, true, FieldErrors::new()).await,
        Err(AppError::Invalid(errors)) => page(&state, &me, c, id, session, false, errors).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "feedback/survey.html")]
pub(crate) struct SurveyPage {
    c: Chrome,
    workshop: WorkshopRecord,
    phase: String,
    practices: Vec<Practice>,
    done: bool,
    errors: FieldErrors,
}

impl SurveyPage {
    fn title_key(&self) -> &'static str {
        if self.phase == "pre" {
            "survey-pre"
        } else {
            "survey-post"
        }
    }

    fn field(&self, p: &Practice) -> String {
        format!("practice-{}", p.code())
    }
}

pub(crate) async fn show_survey(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path((Key(id), phase)): Path<(Key<WorkshopId>, String)>,
) -> Result<Response, PageError> {
    if !matches!(phase.as_str(), "pre" | "post") {
        return Err(PageError(AppError::NotFound));
    }
    let (workshop, done) = feedback::answered(&state.ctx, &me, id, &phase).await?;
    let practices = feedback::survey_practices(&workshop);
    Ok(render(&SurveyPage {
        c,
        workshop,
        phase,
        practices,
        done,
        errors: FieldErrors::new(),
    }))
}

pub(crate) async fn answer_survey(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path((Key(id), phase)): Path<(Key<WorkshopId>, String)>,
    form: FormFields,
) -> Result<Response, PageError> {
    let answers: BTreeMap<String, String> = form
        .names()
        .into_iter()
        .filter(|n| n.starts_with("practice-"))
        .map(|n| (n.clone(), form.text(&n)))
        .collect();
    match feedback::answer_survey(&state.ctx, &me, id, &phase, &answers).await {
        Ok(()) => Ok(Redirect::to(&format!("/workshops/{id}/survey/{phase}")).into_response()),
        Err(AppError::Invalid(errors)) => {
            let (workshop, _) = feedback::answered(&state.ctx, &me, id, &phase).await?;
            let practices = feedback::survey_practices(&workshop);
            Ok(render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &SurveyPage {
                    c,
                    workshop,
                    phase,
                    practices,
                    done: false,
                    errors,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// One practice's before-and-after bars.
pub(crate) struct SurveyRow {
    label: String,
    pre: String,
    post: String,
    pre_width: i64,
    post_width: i64,
    y: usize,
    answers: String,
}

#[derive(Template)]
#[template(path = "feedback/results.html")]
pub(crate) struct ResultsPage {
    c: Chrome,
    workshop: WorkshopRecord,
    rows: Vec<SurveyRow>,
}

impl ResultsPage {
    fn height(&self) -> usize {
        self.rows.len() * 56 + 10
    }
}

pub(crate) async fn show_results(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
) -> Result<Response, PageError> {
    let (workshop, results) = feedback::survey_results(&state.ctx, &me, id).await?;
    let tenths = |v: Option<i64>| {
        v.map(|t| format!("{}.{}", t / 10, t % 10))
            .unwrap_or_else(|| "—".into())
    };
    let rows = results
        .into_iter()
        .enumerate()
        .map(|(i, (p, pre, post, pre_n, post_n))| SurveyRow {
            label: c.t(&format!("practice-{}", p.code())),
            pre: tenths(pre),
            post: tenths(post),
            pre_width: pre.unwrap_or(0) * 6,
            post_width: post.unwrap_or(0) * 6,
            y: i * 56 + 5,
            answers: format!("{pre_n} / {post_n}"),
        })
        .collect();
    Ok(render(&ResultsPage { c, workshop, rows }))
}
