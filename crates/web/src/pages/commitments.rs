//! The commitments page: ask, follow up, move.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::commitments::{
    self, CommitmentRecord, CommitmentsView, MadeAt, RawLinks, SessionChoice,
};
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
    form: AskForm,
}

/// The ask form as typed (kept when it comes back with errors).
#[derive(Default)]
struct AskForm {
    /// A teammate chosen from the list.
    asked_pick: String,
    /// Anyone else, by id or profile address (wins over the list).
    asked_id: String,
    what: String,
    due: String,
    context: String,
    /// `session:<id>` or `one-on-one:<id>`.
    made_at: String,
    campaign_id: String,
}

impl AskForm {
    fn from_form(form: &FormFields) -> Self {
        Self {
            asked_pick: form.text("asked_pick"),
            asked_id: form.text("asked_id"),
            what: form.text("what"),
            due: form.text("due"),
            context: form.text("context"),
            made_at: form.text("made_at"),
            campaign_id: form.text("campaign_id"),
        }
    }

    /// The session and one-on-one the choice names (a value of neither kind is handed on as a
    /// session, to be refused by name).
    fn links(&self) -> RawLinks {
        let made_at = self.made_at.trim();
        let (session, one_on_one) = if let Some(id) = made_at.strip_prefix("one-on-one:") {
            (String::new(), id.to_owned())
        } else {
            (
                made_at
                    .strip_prefix("session:")
                    .unwrap_or(made_at)
                    .to_owned(),
                String::new(),
            )
        };
        RawLinks {
            campaign: self.campaign_id.clone(),
            session,
            one_on_one,
        }
    }
}

impl CommitmentsPage {
    /// Where it was made, as the member may see it.
    fn made_at(&self, x: &CommitmentRecord) -> Option<(Option<String>, String)> {
        match x.made_at.as_ref()? {
            MadeAt::Session {
                workshop_id,
                workshop_title,
                date,
                module,
                ..
            } => {
                let module = if module.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", self.c.t(&format!("practice-{module}")))
                };
                Some((
                    Some(format!("/workshops/{workshop_id}")),
                    format!("{workshop_title}{module} · {date}"),
                ))
            }
            MadeAt::OneOnOne { with_name, .. } if with_name.is_empty() => {
                Some((None, self.c.t("commitments-in-a-one-on-one")))
            }
            MadeAt::OneOnOne {
                with_name, met_on, ..
            } => Some((
                Some("/one-on-ones".to_owned()),
                format!(
                    "{} · {met_on}",
                    self.c.t1("commitments-one-on-one-with", "name", with_name)
                ),
            )),
        }
    }

    /// The value of a session or one-on-one in the "made at" choice.
    fn chosen(&self, value: &str) -> bool {
        self.form.made_at == value
    }

    fn session_label(&self, s: &SessionChoice) -> String {
        if s.module.is_empty() {
            format!("{} · {}", s.workshop_title, s.date)
        } else {
            format!(
                "{} · {} · {}",
                s.workshop_title,
                self.c.t(&format!("practice-{}", s.module)),
                s.date
            )
        }
    }

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
    /// A one-on-one to preselect as the place of a new commitment.
    one_on_one: Option<String>,
}

async fn page(
    state: &AppState,
    me: &praxis_app::policy::CurrentMember,
    c: Chrome,
    p: &PageParams,
    errors: FieldErrors,
    form: AskForm,
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
        &CommitmentsPage {
            c,
            view,
            errors,
            form,
        },
    ))
}

pub(crate) async fn show_commitments(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    axum::extract::Query(p): axum::extract::Query<PageParams>,
) -> Result<Response, PageError> {
    let form = AskForm {
        made_at: p
            .one_on_one
            .as_deref()
            .map(|id| format!("one-on-one:{id}"))
            .unwrap_or_default(),
        ..AskForm::default()
    };
    page(&state, &me, c, &p, FieldErrors::new(), form).await
}

pub(crate) async fn ask(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    let typed = AskForm::from_form(&form);
    let raw = RawCommitment {
        what: typed.what.clone(),
        due: typed.due.clone(),
    };
    match commitments::ask(
        &state.ctx,
        &me,
        if typed.asked_id.trim().is_empty() {
            &typed.asked_pick
        } else {
            &typed.asked_id
        },
        raw,
        &typed.context,
        &typed.links(),
    )
    .await
    {
        Ok(_) => {
            let campaign = typed.campaign_id;
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
            page(&state, &me, c, &PageParams::default(), errors, typed).await
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
            page(
                &state,
                &me,
                c,
                &PageParams::default(),
                errors,
                AskForm::default(),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
