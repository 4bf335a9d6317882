//! Applying to a workshop, the trainers' review with decisions in bulk, and the questions.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::applications::{self, ApplicationRecord, QuestionRecord};
use praxis_app::workshops::WorkshopRecord;
use praxis_domain::applications::{
    ApplicationStatus, Audience, Question, QuestionKind, RawQuestion,
};
use praxis_domain::ids::{ApplicationId, QuestionId, WorkshopId};
use praxis_domain::validation::FieldErrors;
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{FormFields, Key, PageMember, Path};
use crate::pages::{Chrome, render, render_with_status};
use crate::state::AppState;

/// Labels shared by the application pages.
pub(crate) fn status_label(c: &Chrome, status: ApplicationStatus) -> String {
    c.t(&format!("application-status-{}", status.code()))
}

pub(crate) fn role_label(c: &Chrome, role: Audience) -> String {
    c.t(&format!("application-role-{}", role.code()))
}

#[derive(Template)]
#[template(path = "applications/apply.html")]
pub(crate) struct ApplyPage {
    c: Chrome,
    workshop: WorkshopRecord,
    role: String,
    questions: Vec<QuestionRecord>,
    answers: BTreeMap<String, Vec<String>>,
    errors: FieldErrors,
}

impl ApplyPage {
    fn field(&self, q: &QuestionRecord) -> String {
        format!("q-{}", q.id)
    }

    fn value(&self, q: &QuestionRecord) -> String {
        self.answers
            .get(&self.field(q))
            .map(|v| v.join("\n"))
            .unwrap_or_default()
    }

    fn chosen(&self, q: &QuestionRecord, choice: &str) -> bool {
        self.answers
            .get(&self.field(q))
            .is_some_and(|v| v.iter().any(|x| x == choice))
    }

    fn is(&self, q: &QuestionRecord, kind: &str) -> bool {
        q.question.kind.code() == kind
    }

    fn title_key(&self) -> &'static str {
        if self.role == "coach" {
            "application-apply-coach"
        } else {
            "application-apply-participant"
        }
    }
}

#[derive(Deserialize)]
pub(crate) struct RoleParams {
    role: Option<String>,
}

pub(crate) async fn show_apply(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
    Query(p): Query<RoleParams>,
) -> Result<Response, PageError> {
    let role = p.role.unwrap_or_else(|| "participant".into());
    let (workshop, questions) =
        match applications::questions(&state.ctx, Some(&me), id, &role).await {
            Err(AppError::Invalid(_)) => return Err(PageError(AppError::NotFound)),
            other => other?,
        };
    Ok(render(&ApplyPage {
        c,
        workshop,
        role,
        questions,
        answers: BTreeMap::new(),
        errors: FieldErrors::new(),
    }))
}

pub(crate) async fn apply(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let role = form.text("role");
    let mut answers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for name in form.names().into_iter().filter(|n| n.starts_with("q-")) {
        answers.insert(name.clone(), form.all(&name));
    }
    match applications::apply(&state.ctx, &me, id, &role, &answers).await {
        Ok(_) => Ok(Redirect::to(&format!("/workshops/{id}?applied=1")).into_response()),
        Err(AppError::Invalid(errors)) => {
            let (workshop, questions) = applications::questions(&state.ctx, Some(&me), id, &role)
                .await
                .map_err(|_| PageError(AppError::NotFound))?;
            Ok(render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ApplyPage {
                    c,
                    workshop,
                    role,
                    questions,
                    answers,
                    errors,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "applications/review.html")]
pub(crate) struct ReviewPage {
    c: Chrome,
    workshop: WorkshopRecord,
    applications: Vec<ApplicationRecord>,
    role: String,
    status: String,
    errors: FieldErrors,
    notice: Option<String>,
    next: Option<String>,
}

impl ReviewPage {
    fn status_label(&self, a: &ApplicationRecord) -> String {
        status_label(&self.c, a.status)
    }

    fn role_label(&self, a: &ApplicationRecord) -> String {
        role_label(&self.c, a.role)
    }

    fn status_name(&self, code: &str) -> String {
        self.c.t(&format!("application-status-{code}"))
    }
}

#[derive(Deserialize)]
pub(crate) struct ReviewParams {
    role: Option<String>,
    status: Option<String>,
    page: Option<u32>,
    decided: Option<usize>,
}

async fn review_page(
    state: &AppState,
    me: &praxis_app::policy::CurrentMember,
    c: Chrome,
    id: WorkshopId,
    p: ReviewParams,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let page = p.page.unwrap_or(1).max(1);
    let (workshop, list) = match applications::review(
        &state.ctx,
        me,
        id,
        p.role.as_deref(),
        p.status.as_deref(),
        page,
    )
    .await
    {
        Err(AppError::Invalid(_)) => return Err(PageError(AppError::NotFound)),
        other => other?,
    };
    let next = (list.len() == applications::REVIEW_PAGE as usize).then(|| {
        format!(
            "/workshops/{id}/applications?role={}&status={}&page={}",
            p.role.clone().unwrap_or_default(),
            p.status.clone().unwrap_or_default(),
            page + 1
        )
    });
    let notice = p.decided.map(|n| c.t1("application-decided", "count", n));
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render_with_status(
        status,
        &ReviewPage {
            c,
            workshop,
            applications: list,
            role: p.role.unwrap_or_default(),
            status: p.status.unwrap_or_default(),
            errors,
            notice,
            next,
        },
    ))
}

pub(crate) async fn show_review(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
    Query(p): Query<ReviewParams>,
) -> Result<Response, PageError> {
    review_page(&state, &me, c, id, p, FieldErrors::new()).await
}

pub(crate) async fn decide(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let ids = form.all("application");
    match applications::decide(&state.ctx, &me, id, &ids, &form.text("decision")).await {
        Ok(n) => {
            Ok(Redirect::to(&format!("/workshops/{id}/applications?decided={n}")).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let p = ReviewParams {
                role: None,
                status: None,
                page: None,
                decided: None,
            };
            review_page(&state, &me, c, id, p, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "applications/show.html")]
pub(crate) struct ApplicationPage {
    c: Chrome,
    workshop_id: String,
    application: ApplicationRecord,
    answers: Vec<(Question, Option<String>)>,
}

impl ApplicationPage {
    fn status(&self) -> String {
        status_label(&self.c, self.application.status)
    }

    fn role(&self) -> String {
        role_label(&self.c, self.application.role)
    }
}

pub(crate) async fn show_application(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path((Key(id), Key(application))): Path<(Key<WorkshopId>, Key<ApplicationId>)>,
) -> Result<Response, PageError> {
    let (application, answers) =
        applications::application(&state.ctx, &me, id, application).await?;
    Ok(render(&ApplicationPage {
        c,
        workshop_id: id.to_string(),
        application,
        answers,
    }))
}

pub(crate) async fn withdraw(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path((Key(id), Key(application))): Path<(Key<WorkshopId>, Key<ApplicationId>)>,
    _form: FormFields,
) -> Result<Response, PageError> {
    applications::withdraw(&state.ctx, &me, id, application).await?;
    Ok(Redirect::to(&format!("/workshops/{id}")).into_response())
}

#[derive(Template)]
#[template(path = "applications/questions.html")]
pub(crate) struct QuestionsPage {
    c: Chrome,
    workshop: WorkshopRecord,
    participant: Vec<QuestionRecord>,
    coach: Vec<QuestionRecord>,
    kinds: Vec<QuestionKind>,
    errors: FieldErrors,
}

impl QuestionsPage {
    fn kind_label(&self, kind: &QuestionKind) -> String {
        self.c.t(&format!("question-kind-{}", kind.code()))
    }
}

async fn questions_page(
    state: &AppState,
    me: &praxis_app::policy::CurrentMember,
    c: Chrome,
    id: WorkshopId,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    // Only the managing staff: the review list is their gate.
    let (workshop, _) = applications::review(&state.ctx, me, id, None, None, 1).await?;
    let (_, participant) = applications::questions(&state.ctx, Some(me), id, "participant").await?;
    let (_, coach) = applications::questions(&state.ctx, Some(me), id, "coach").await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render_with_status(
        status,
        &QuestionsPage {
            c,
            workshop,
            participant,
            coach,
            kinds: QuestionKind::ALL.to_vec(),
            errors,
        },
    ))
}

pub(crate) async fn show_questions(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
) -> Result<Response, PageError> {
    questions_page(&state, &me, c, id, FieldErrors::new()).await
}

pub(crate) async fn add_question(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let raw = RawQuestion {
        audience: form.text("audience"),
        kind: form.text("kind"),
        prompt: form.text("prompt"),
        choices: form.text("choices"),
        required: form.checked("required"),
    };
    match applications::add_question(&state.ctx, &me, id, raw).await {
        Ok(_) => Ok(Redirect::to(&format!("/workshops/{id}/questions")).into_response()),
        Err(AppError::Invalid(errors)) => questions_page(&state, &me, c, id, errors).await,
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn remove_question(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path((Key(id), Key(question))): Path<(Key<WorkshopId>, Key<QuestionId>)>,
    _form: FormFields,
) -> Result<Response, PageError> {
    applications::remove_question(&state.ctx, &me, id, question).await?;
    Ok(Redirect::to(&format!("/workshops/{id}/questions")).into_response())
}
