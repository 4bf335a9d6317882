//! One-on-one logs and public narrative drafts: logging, sharing with a team, telling a story
//! again, comparing two tellings side by side, asking for and giving feedback in threads.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::narratives::{
    self, FeedbackRecord, NarrativeRecord, NarrativeView, OneOnOneRecord, OneOnOnesView,
};
use praxis_app::policy::CurrentMember;
use praxis_domain::ids::{NarrativeId, OneOnOneId};
use praxis_domain::narratives::{
    Compared, OneOnOneFields, RawOneOnOne, RawTelling, StoryKind, Telling,
};
use praxis_domain::validation::FieldErrors;
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{FormFields, Key, PageMember, Path};
use crate::pages::{Chrome, Typed, render_with_status};
use crate::state::AppState;

fn status_of(errors: &FieldErrors) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

#[derive(Template)]
#[template(path = "narratives/one_on_ones.html")]
pub(crate) struct OneOnOnesPage {
    c: Chrome,
    v: OneOnOnesView,
    me: praxis_domain::ids::MemberId,
    errors: FieldErrors,
    typed: Typed,
}

impl OneOnOnesPage {
    fn answers(&self) -> Vec<(&'static str, String)> {
        OneOnOneFields::ANSWERS
            .iter()
            .map(|a| (*a, self.c.t(&format!("one-on-one-{}", a.replace('_', "-")))))
            .collect()
    }
    fn label(&self, name: &str) -> String {
        self.c.t(&format!("one-on-one-{}", name.replace('_', "-")))
    }
    fn shared_with(&self, o: &OneOnOneRecord, team: &praxis_domain::ids::CrewId) -> bool {
        o.crew_id.as_ref() == Some(team)
    }
    fn team_name(&self, o: &OneOnOneRecord) -> String {
        o.crew_id
            .and_then(|c| self.v.teams.iter().find(|(id, _)| *id == c))
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    }
}

async fn one_on_ones_page(
    state: &AppState,
    me: &CurrentMember,
    c: Chrome,
    after: Option<&str>,
    errors: FieldErrors,
    typed: Typed,
) -> Result<Response, PageError> {
    let v = narratives::one_on_ones(&state.ctx, me, after).await?;
    Ok(render_with_status(
        status_of(&errors),
        &OneOnOnesPage {
            c,
            v,
            me: me.id,
            errors,
            typed,
        },
    ))
}

#[derive(Deserialize)]
pub(crate) struct PageParams {
    after: Option<String>,
}

pub(crate) async fn show_one_on_ones(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Query(p): Query<PageParams>,
) -> Result<Response, PageError> {
    one_on_ones_page(
        &state,
        &me,
        c,
        p.after.as_deref(),
        FieldErrors::new(),
        Typed::default(),
    )
    .await
}

pub(crate) async fn log_one_on_one(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    let raw = RawOneOnOne {
        with_name: form.text("with_name"),
        met_on: form.text("met_on"),
        purpose: form.text("purpose"),
        values_heard: form.text("values_heard"),
        interests: form.text("interests"),
        resources: form.text("resources"),
        exchanged: form.text("exchanged"),
        commitment: form.text("commitment"),
        follow_up: form.text("follow_up"),
    };
    match narratives::log_one_on_one(&state.ctx, &me, raw, &form.text("team")).await {
        Ok(_) => Ok(Redirect::to("/one-on-ones").into_response()),
        Err(AppError::Invalid(errors)) => {
            one_on_ones_page(&state, &me, c, None, errors, Typed::of("log", &form)).await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn delete_one_on_one(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(Key(id)): Path<Key<OneOnOneId>>,
    _form: FormFields,
) -> Result<Response, PageError> {
    narratives::delete_one_on_one(&state.ctx, &me, id).await?;
    Ok(Redirect::to("/one-on-ones").into_response())
}

pub(crate) async fn share_one_on_one(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<OneOnOneId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    match narratives::share_one_on_one(&state.ctx, &me, id, &form.text("team")).await {
        Ok(()) => Ok(Redirect::to("/one-on-ones").into_response()),
        Err(AppError::Invalid(errors)) => {
            one_on_ones_page(&state, &me, c, None, errors, Typed::of("log", &form)).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "narratives/list.html")]
pub(crate) struct NarrativesPage {
    c: Chrome,
    list: Vec<NarrativeRecord>,
    next: Option<String>,
    me: praxis_domain::ids::MemberId,
    errors: FieldErrors,
    typed: Typed,
}

impl NarrativesPage {
    fn kinds(&self) -> Vec<(&'static str, String)> {
        StoryKind::ALL
            .iter()
            .map(|k| (k.code(), self.c.t(&format!("story-{}", k.code()))))
            .collect()
    }
    fn kind(&self, n: &NarrativeRecord) -> String {
        self.c.t(&format!("story-{}", n.kind.code()))
    }
    fn parts(&self) -> Vec<(&'static str, String)> {
        Telling::PARTS
            .iter()
            .map(|p| (*p, self.c.t(&format!("telling-{}", p.replace('_', "-")))))
            .collect()
    }
}

async fn narratives_page(
    state: &AppState,
    me: &CurrentMember,
    c: Chrome,
    after: Option<&str>,
    errors: FieldErrors,
    typed: Typed,
) -> Result<Response, PageError> {
    let (list, next) = narratives::narratives(&state.ctx, me, after).await?;
    Ok(render_with_status(
        status_of(&errors),
        &NarrativesPage {
            c,
            list,
            next,
            me: me.id,
            errors,
            typed,
        },
    ))
}

pub(crate) async fn show_narratives(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Query(p): Query<PageParams>,
) -> Result<Response, PageError> {
    narratives_page(
        &state,
        &me,
        c,
        p.after.as_deref(),
        FieldErrors::new(),
        Typed::default(),
    )
    .await
}

fn raw_telling(form: &FormFields) -> RawTelling {
    RawTelling {
        challenge: form.text("challenge"),
        choice: form.text("choice"),
        outcome: form.text("outcome"),
        values_aimed: form.text("values_aimed"),
        emotions: form.text("emotions"),
    }
}

pub(crate) async fn start_narrative(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    match narratives::start_narrative(
        &state.ctx,
        &me,
        &form.text("kind"),
        &form.text("title"),
        raw_telling(&form),
    )
    .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/narratives/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => {
            narratives_page(&state, &me, c, None, errors, Typed::of("start", &form)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// A piece of feedback placed in its thread.
pub(crate) struct Threaded {
    f: FeedbackRecord,
    depth: usize,
}

#[derive(Template)]
#[template(path = "narratives/show.html")]
pub(crate) struct NarrativePage {
    c: Chrome,
    v: NarrativeView,
    shown: u32,
    compared: Option<(u32, Vec<Compared>)>,
    thread: Vec<Threaded>,
    errors: FieldErrors,
    typed: Typed,
}

impl NarrativePage {
    fn part(&self, name: &str) -> String {
        self.c.t(&format!("telling-{}", name.replace('_', "-")))
    }
    fn parts(&self) -> Vec<(&'static str, String, String)> {
        let telling = self.v.version(self.shown).map(|v| &v.telling);
        Telling::PARTS
            .iter()
            .map(|p| {
                (
                    *p,
                    self.part(p),
                    telling.map(|t| t.get(p).to_owned()).unwrap_or_default(),
                )
            })
            .collect()
    }
    fn kind(&self) -> String {
        self.c.t(&format!("story-{}", self.v.narrative.kind.code()))
    }
    fn indent(&self, depth: &usize) -> usize {
        (*depth).min(6) * 2
    }
}

/// Feedback on one telling in thread order: each answer under what it answers.
fn thread(all: &[FeedbackRecord], version: u32) -> Vec<Threaded> {
    fn walk(
        all: &[FeedbackRecord],
        parent: Option<&FeedbackRecord>,
        depth: usize,
        out: &mut Vec<Threaded>,
    ) {
        for f in all.iter().filter(|f| f.parent_id == parent.map(|p| p.id)) {
            out.push(Threaded {
                f: f.clone(),
                depth,
            });
            if depth < 50 {
                walk(all, Some(f), depth + 1, out);
            }
        }
    }
    let on: Vec<FeedbackRecord> = all
        .iter()
        .filter(|f| f.version == version)
        .cloned()
        .collect();
    let mut out = Vec::new();
    walk(&on, None, 0, &mut out);
    out
}

#[derive(Deserialize)]
pub(crate) struct ShowParams {
    v: Option<u32>,
    compare: Option<u32>,
}

async fn narrative_page(
    state: &AppState,
    me: &CurrentMember,
    c: Chrome,
    id: NarrativeId,
    p: &ShowParams,
    errors: FieldErrors,
    typed: Typed,
) -> Result<Response, PageError> {
    let v = narratives::narrative(&state.ctx, me, id).await?;
    let latest = v.narrative.versions;
    let shown = p.v.filter(|n| v.version(*n).is_some()).unwrap_or(latest);
    let compared = p.compare.and_then(|other| {
        v.compare(other.min(shown), other.max(shown))
            .map(|rows| (other, rows))
    });
    let thread = thread(&v.feedback, shown);
    Ok(render_with_status(
        status_of(&errors),
        &NarrativePage {
            c,
            v,
            shown,
            compared,
            thread,
            errors,
            typed,
        },
    ))
}

pub(crate) async fn show_narrative(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<NarrativeId>>,
    Query(p): Query<ShowParams>,
) -> Result<Response, PageError> {
    narrative_page(&state, &me, c, id, &p, FieldErrors::new(), Typed::default()).await
}

pub(crate) async fn narrative_action(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<NarrativeId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let version = form.text("version");
    let r = match form.text("action").as_str() {
        "retell" => narratives::retell(&state.ctx, &me, id, raw_telling(&form))
            .await
            .map(|_| ()),
        "reviewer" => narratives::ask_reviewer(&state.ctx, &me, id, &form.text("member")).await,
        "delete" => {
            narratives::delete_narrative(&state.ctx, &me, id).await?;
            return Ok(Redirect::to("/narratives").into_response());
        }
        "feedback" => {
            narratives::give_feedback(
                &state.ctx,
                &me,
                id,
                &version,
                &form.text("parent"),
                &form.text("body"),
            )
            .await
        }
        _ => Err(AppError::Invalid(FieldErrors::single(
            "action",
            "error-unknown-choice",
        ))),
    };
    let params = ShowParams {
        v: version.parse().ok(),
        compare: None,
    };
    match r {
        Ok(()) => {
            let anchor = if params.v.is_some() && form.text("action") == "feedback" {
                format!("?v={}#feedback", params.v.unwrap_or(1))
            } else {
                String::new()
            };
            Ok(Redirect::to(&format!("/narratives/{id}{anchor}")).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let typed = match form.text("action").as_str() {
                "retell" => Typed::of("retell", &form),
                "reviewer" => Typed::of("reviewer", &form),
                _ => Typed::of("feedback", &form),
            };
            narrative_page(&state, &me, c, id, &params, errors, typed).await
        }
        Err(e) => Err(e.into()),
    }
}
