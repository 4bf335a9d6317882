//! The teams of a workshop: proposing them with the engine, reviewing the reasons, moving
//! people by hand, publishing; a participant's view of their own team.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::teams::{self, ProposalOutcome, RawTeamOptions, TeamRecord};
use praxis_app::workshops::WorkshopRecord;
use praxis_domain::ids::WorkshopId;
use praxis_domain::validation::FieldErrors;
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{FormFields, Key, PageMember, Path, encode_component, form_id};
use crate::pages::{Chrome, render_with_status};
use crate::state::AppState;

/// A reason code (`language:ar`) as a sentence.
pub(crate) fn reason_text(c: &Chrome, code: &str) -> String {
    let (kind, value) = code.split_once(':').unwrap_or((code, ""));
    match kind {
        "language" => c.t1("team-reason-language", "language", value),
        "time" => {
            let minutes: i32 = value.parse().unwrap_or(0);
            let hours = format!("{:+}", f64::from(minutes) / 60.0);
            c.t1("team-reason-time", "hours", hours)
        }
        "region" => c.t1("team-reason-region", "region", value),
        "colleagues-elsewhere" => c.t("team-reason-colleagues-elsewhere"),
        "with-colleagues" => c.t("team-reason-with-colleagues"),
        _ => String::new(),
    }
}

/// A problem code (`no-shared-language:Name`) as a sentence.
fn problem_text(c: &Chrome, code: &str) -> String {
    let (kind, value) = code.split_once(':').unwrap_or((code, ""));
    c.t1(&format!("team-problem-{kind}"), "who", value)
}

#[derive(Template)]
#[template(path = "workshops/teams.html")]
pub(crate) struct TeamsPage {
    c: Chrome,
    workshop: WorkshopRecord,
    teams: Vec<TeamRecord>,
    manages: bool,
    notice: Option<String>,
    problems: Vec<String>,
    errors: FieldErrors,
}

impl TeamsPage {
    fn reasons(&self, codes: &str) -> Vec<String> {
        codes
            .lines()
            .map(|code| reason_text(&self.c, code))
            .filter(|t| !t.is_empty())
            .collect()
    }

    fn published(&self) -> bool {
        self.teams.iter().any(|t| t.published)
    }
}

#[derive(Deserialize)]
pub(crate) struct TeamsParams {
    proposed: Option<usize>,
    objective: Option<i64>,
    published: Option<u64>,
    warning: Option<String>,
}

async fn teams_page(
    state: &AppState,
    me: &praxis_app::policy::CurrentMember,
    c: Chrome,
    id: WorkshopId,
    notice: Option<String>,
    problems: Vec<String>,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let (workshop, teams, manages) = teams::teams(&state.ctx, me, id).await?;
    let problems = problems.iter().map(|p| problem_text(&c, p)).collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render_with_status(
        status,
        &TeamsPage {
            c,
            workshop,
            teams,
            manages,
            notice,
            problems,
            errors,
        },
    ))
}

pub(crate) async fn show_teams(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
    Query(p): Query<TeamsParams>,
) -> Result<Response, PageError> {
    let notice = match (p.proposed, p.objective, p.published, p.warning.as_deref()) {
        (Some(n), Some(o), _, _) => {
            Some(c.t1("team-proposed", "count", n) + " " + &c.t1("team-objective", "value", o))
        }
        (_, _, Some(n), _) => Some(c.t1("team-published", "count", n)),
        (_, _, _, Some(w)) if w.starts_with("warning-") => Some(c.t(w)),
        _ => None,
    };
    teams_page(&state, &me, c, id, notice, Vec::new(), FieldErrors::new()).await
}

pub(crate) async fn propose(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let raw = RawTeamOptions {
        min_size: form.text("min_size"),
        max_size: form.text("max_size"),
        window_hours: form.text("window_hours"),
        colleagues: form.text("colleagues"),
        pair_new_coaches: form.checked("pair_new_coaches"),
        seed: form.text("seed"),
    };
    match teams::propose(&state.ctx, &me, id, &raw).await {
        Ok(ProposalOutcome::Proposed { teams, objective }) => Ok(Redirect::to(&format!(
            "/workshops/{id}/teams?proposed={teams}&objective={objective}"
        ))
        .into_response()),
        Ok(ProposalOutcome::Infeasible(problems)) => {
            teams_page(
                &state,
                &me,
                c,
                id,
                None,
                problems,
                FieldErrors::single("teams", "error-infeasible"),
            )
            .await
        }
        Err(AppError::Invalid(errors)) => {
            teams_page(&state, &me, c, id, None, Vec::new(), errors).await
        }
        Err(AppError::Conflict(_)) => {
            teams_page(
                &state,
                &me,
                c,
                id,
                None,
                Vec::new(),
                FieldErrors::single("teams", "error-teams-published"),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn move_member(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let warnings = teams::move_member(
        &state.ctx,
        &me,
        id,
        form_id(&form.text("member"))?,
        form_id(&form.text("team"))?,
    )
    .await?;
    let query = warnings
        .first()
        .map(|w| format!("?warning={}", encode_component(w)))
        .unwrap_or_default();
    Ok(Redirect::to(&format!("/workshops/{id}/teams{query}")).into_response())
}

pub(crate) async fn publish(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
    _form: FormFields,
) -> Result<Response, PageError> {
    match teams::publish(&state.ctx, &me, id).await {
        Ok(n) => Ok(Redirect::to(&format!("/workshops/{id}/teams?published={n}")).into_response()),
        Err(AppError::Invalid(errors)) => {
            teams_page(&state, &me, c, id, None, Vec::new(), errors).await
        }
        Err(e) => Err(e.into()),
    }
}
