//! Lessons: drawing one from reflections, its page, a node's lessons.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::organizing::{self, LessonRecord, LessonView, Place, ReflectionRecord};
use praxis_app::policy::CurrentMember;
use praxis_domain::ids::LessonId;
use praxis_domain::lessons::{LessonStatus, Provenance};
use praxis_domain::organizing::{RawLessonFields, Reach};
use praxis_domain::validation::FieldErrors;

use super::campaigns::campaign_page;
use super::{ListParams, node_page, status_of};
use crate::error::PageError;
use crate::extract::{FormFields, Key, PageMember, Path, form_id};
use crate::pages::{Chrome, Typed, render_with_status};
use crate::state::AppState;

pub(super) fn raw_lesson(form: &FormFields) -> RawLessonFields {
    let split = |s: String| -> Vec<String> { s.split(',').map(|p| p.trim().to_owned()).collect() };
    RawLessonFields {
        statement: form.text("statement"),
        practices: form.all("practices"),
        domains: split(form.text("domains")),
        regions: split(form.text("regions")),
    }
}

pub(crate) async fn draw_lesson(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    match organizing::draw_lesson(&state.ctx, &me, &form.all("reflections"), raw_lesson(&form))
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/lessons/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => {
            let campaign = form.text("campaign");
            let node = form.text("node");
            if !campaign.is_empty() {
                campaign_page(
                    &state,
                    &me,
                    c,
                    form_id(&campaign)?,
                    errors,
                    Typed::of("lesson", &form),
                )
                .await
            } else if !node.is_empty() {
                node_page(
                    &state,
                    &me,
                    c,
                    &node,
                    (None, None),
                    errors,
                    Typed::of("lesson", &form),
                )
                .await
            } else {
                Err(AppError::Invalid(errors).into())
            }
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "organizing/lesson.html")]
pub(crate) struct LessonPage {
    c: Chrome,
    v: LessonView,
    errors: FieldErrors,
}

impl LessonPage {
    fn status(&self) -> String {
        self.c
            .t(&format!("lesson-status-{}", self.v.lesson.status.code()))
    }
    fn statuses(&self) -> Vec<(&'static str, String)> {
        LessonStatus::ALL
            .iter()
            .map(|s| (s.code(), self.c.t(&format!("lesson-status-{}", s.code()))))
            .collect()
    }
    fn reaches(&self) -> Vec<(&'static str, String)> {
        Reach::ALL
            .iter()
            .map(|r| (r.code(), self.c.t(&format!("reach-{}", r.code()))))
            .collect()
    }
    fn reach(&self) -> String {
        self.c.t(&format!("reach-{}", self.v.lesson.reach.code()))
    }
    fn practices(&self) -> String {
        self.v
            .lesson
            .fields
            .practices
            .iter()
            .map(|p| self.c.practice(p))
            .collect::<Vec<_>>()
            .join(", ")
    }
    fn label(&self, prefix: &str, code: &str) -> String {
        self.c.t(&format!("{prefix}-{code}"))
    }
    fn like_this(&self) -> String {
        let f = &self.v.lesson.fields;
        let mut q = String::from("/search?type=lesson");
        if let Some(p) = f.practices.first() {
            q.push_str(&format!("&practice={}", p.code()));
        }
        if let Some(d) = f.domains.first() {
            q.push_str(&format!("&domain={}", self.c.enc(&d.to_lowercase())));
        }
        q
    }
}

pub(super) async fn lesson_page(
    state: &AppState,
    me: &CurrentMember,
    c: Chrome,
    id: LessonId,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let v = organizing::view_lesson(&state.ctx, me, id).await?;
    Ok(render_with_status(
        status_of(&errors),
        &LessonPage { c, v, errors },
    ))
}

pub(crate) async fn show_lesson(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<LessonId>>,
) -> Result<Response, PageError> {
    lesson_page(&state, &me, c, id, FieldErrors::new()).await
}

pub(crate) async fn lesson_action(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<LessonId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let r = match form.text("action").as_str() {
        "move" => {
            organizing::move_lesson(
                &state.ctx,
                &me,
                id,
                &form.text("status"),
                &form.text("reach"),
            )
            .await
        }
        "endorse" => organizing::endorse(&state.ctx, &me, id, &form.text("context")).await,
        "link" => organizing::link_item(&state.ctx, &me, id, &form.text("item")).await,
        "delete" => {
            let lesson = organizing::delete_lesson(&state.ctx, &me, id).await?;
            return Ok(Redirect::to(&format!("/nodes/{}/lessons", lesson.node_id)).into_response());
        }
        _ => Err(AppError::Invalid(FieldErrors::single(
            "action",
            "error-unknown-choice",
        ))),
    };
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/lessons/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => lesson_page(&state, &me, c, id, errors).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "organizing/lessons.html")]
pub(crate) struct NodeLessonsPage {
    c: Chrome,
    place: Place,
    lessons: Vec<LessonRecord>,
    next: Option<String>,
    like_mine: String,
}

impl NodeLessonsPage {
    fn status(&self, l: &LessonRecord) -> String {
        self.c.t(&format!("lesson-status-{}", l.status.code()))
    }
}

pub(crate) async fn show_node_lessons(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    Query(p): Query<ListParams>,
) -> Result<Response, PageError> {
    let (place, lessons, next) =
        organizing::node_lessons(&state.ctx, &me, &slug, p.after.as_deref()).await?;
    // "Lessons like my situation": the member's first practice, domain and region.
    let profile = praxis_app::profiles::own_profile(&state.ctx, &me).await?;
    let mut like_mine = String::from("/search?type=lesson");
    if let Some((practice, _)) = profile.practices.first() {
        like_mine.push_str(&format!("&practice={}", practice.code()));
    }
    if let Some(d) = profile.domains.first() {
        like_mine.push_str(&format!("&domain={}", c.enc(&d.to_lowercase())));
    }
    if let Some(r) = profile.regions.first() {
        like_mine.push_str(&format!("&region={}", c.enc(&r.to_lowercase())));
    }
    Ok(render_with_status(
        StatusCode::OK,
        &NodeLessonsPage {
            c,
            place,
            lessons,
            next,
            like_mine,
        },
    ))
}

/// For templates: the provenance entry's reflection, if readable.
pub(crate) fn readable(p: &Provenance<ReflectionRecord>) -> Option<&ReflectionRecord> {
    match p {
        Provenance::Visible(r) => Some(r),
        Provenance::Private => None,
    }
}
