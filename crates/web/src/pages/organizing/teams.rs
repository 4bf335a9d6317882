//! A team's page: roles, members, the health check and its chart.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::organizing::{self, CrewView};
use praxis_app::policy::CurrentMember;
use praxis_domain::campaigns::Condition;
use praxis_domain::ids::CrewId;
use praxis_domain::organizing::RawCrewFields;
use praxis_domain::validation::FieldErrors;

use super::status_of;
use crate::error::PageError;
use crate::extract::{FormFields, Key, PageMember, Path, form_id};
use crate::pages::{Chrome, render_with_status};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "organizing/team.html")]
pub(crate) struct TeamPage {
    c: Chrome,
    v: CrewView,
    errors: FieldErrors,
}

impl TeamPage {
    fn conditions(&self) -> Vec<(&'static str, String)> {
        Condition::ALL
            .iter()
            .map(|k| (k.code(), self.c.t(&format!("condition-{}", k.code()))))
            .collect()
    }
    fn can_edit(&self) -> bool {
        self.v.place.works_on(true)
    }
    /// The health chart: one polyline per condition across checks, 1–5 upwards.
    /// Where check `j` of `n` sits on the x axis, condition `i` nudged so equal scores stay
    /// visible side by side.
    fn x_of(j: usize, n: usize, i: usize) -> usize {
        let base = if n <= 1 { 290 } else { 50 + j * 460 / (n - 1) };
        base + i * 4
    }
    fn lines(&self) -> Vec<HealthLine> {
        let n = self.v.checks.len();
        let colors = [
            "#1f6f68", "#b5523b", "#3b5bb5", "#8a6d1d", "#6d3bb5", "#2f7d32",
        ];
        Condition::ALL
            .iter()
            .enumerate()
            .map(|(i, cond)| {
                let dots: Vec<(usize, usize)> = self
                    .v
                    .checks
                    .iter()
                    .enumerate()
                    .map(|(j, check)| {
                        let score = check
                            .scores
                            .iter()
                            .find(|(c, _)| c == cond)
                            .map_or(0, |(_, s)| *s);
                        (Self::x_of(j, n, i), 170 - usize::from(score) * 30)
                    })
                    .collect();
                HealthLine {
                    points: dots
                        .iter()
                        .map(|(x, y)| format!("{x},{y}"))
                        .collect::<Vec<_>>()
                        .join(" "),
                    dots,
                    color: colors[i % colors.len()],
                    label: self.c.t(&format!("condition-{}", cond.code())),
                }
            })
            .collect()
    }
    /// The date under each check.
    fn x_labels(&self) -> Vec<(usize, String)> {
        let n = self.v.checks.len();
        self.v
            .checks
            .iter()
            .enumerate()
            .map(|(j, check)| {
                (
                    Self::x_of(j, n, 0).saturating_sub(20),
                    self.c.date(&check.at),
                )
            })
            .collect()
    }
}

/// One condition's line on the health chart.
pub(crate) struct HealthLine {
    points: String,
    dots: Vec<(usize, usize)>,
    color: &'static str,
    label: String,
}

pub(super) async fn team_page(
    state: &AppState,
    me: &CurrentMember,
    c: Chrome,
    id: CrewId,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let v = organizing::view_crew(&state.ctx, me, id).await?;
    Ok(render_with_status(
        status_of(&errors),
        &TeamPage { c, v, errors },
    ))
}

pub(crate) async fn show_team(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<CrewId>>,
) -> Result<Response, PageError> {
    team_page(&state, &me, c, id, FieldErrors::new()).await
}

pub(super) fn back_to_team(
    id: CrewId,
    r: Result<(), AppError>,
) -> Result<Result<Response, FieldErrors>, PageError> {
    match r {
        Ok(()) => Ok(Ok(Redirect::to(&format!("/teams/{id}")).into_response())),
        Err(AppError::Invalid(errors)) => Ok(Err(errors)),
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn edit_team(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<CrewId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let raw = RawCrewFields {
        name: form.text("name"),
        purpose: form.text("purpose"),
        norms: form.text("norms"),
    };
    match back_to_team(id, organizing::update_crew(&state.ctx, &me, id, raw).await)? {
        Ok(r) => Ok(r),
        Err(errors) => team_page(&state, &me, c, id, errors).await,
    }
}

pub(crate) async fn set_team_member(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<CrewId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let r = if form.get("remove").is_some() {
        organizing::remove_member(&state.ctx, &me, id, form_id(&form.text("member"))?).await
    } else {
        organizing::set_member(
            &state.ctx,
            &me,
            id,
            &form.text("member"),
            &form.text("role"),
        )
        .await
    };
    match back_to_team(id, r)? {
        Ok(r) => Ok(r),
        Err(errors) => team_page(&state, &me, c, id, errors).await,
    }
}

pub(crate) async fn check_health(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<CrewId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let scores: Vec<(String, String)> = Condition::ALL
        .iter()
        .map(|k| (k.code().to_owned(), form.text(k.code())))
        .collect();
    let r = organizing::check_health(&state.ctx, &me, id, &scores, &form.text("notes")).await;
    match back_to_team(id, r)? {
        Ok(r) => Ok(r),
        Err(errors) => team_page(&state, &me, c, id, errors).await,
    }
}
