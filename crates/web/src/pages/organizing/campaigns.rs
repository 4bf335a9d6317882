//! A campaign's page: strategy, actor map, timeline chart (inline and as SVG), reflections, export.

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::organizing::{self, ActorRecord, CampaignView, ReflectionRecord};
use praxis_app::policy::CurrentMember;
use praxis_domain::campaigns::{ActorCategory, PhaseKind, progress};
use praxis_domain::ids::{CampaignId, ReflectionId};
use praxis_domain::members::profile::Practice;
use praxis_domain::organizing::{
    CampaignFields, RawReflectionFields, Reach, ReflectionFields, Subject,
};
use praxis_domain::validation::FieldErrors;

use super::{raw_campaign, status_of};
use crate::error::PageError;
use crate::extract::{FormFields, Key, PageMember, Path, form_id};
use crate::pages::{Chrome, Typed, render_with_status};
use crate::state::AppState;

/// One phase of the goal-versus-actual chart, laid out.
pub(crate) struct PhaseBar {
    label: String,
    x: usize,
    goal_h: usize,
    actual_h: usize,
    goal: u64,
    actual: Option<u64>,
    pct: Option<u32>,
}

#[derive(Template)]
#[template(path = "organizing/campaign.html")]
pub(crate) struct CampaignPage {
    c: Chrome,
    v: CampaignView,
    bars: Vec<PhaseBar>,
    errors: FieldErrors,
    typed: Typed,
}

impl CampaignPage {
    /// The strategy form came back refused: show what was typed.
    fn typed_strategy(&self) -> bool {
        self.typed.is("strategy")
    }
    fn may_delete(&self, r: &ReflectionRecord) -> bool {
        self.v.deletable.contains(&r.id)
    }
    fn text_fields(&self) -> Vec<(&'static str, String, String)> {
        CampaignFields::TEXT_FIELDS
            .iter()
            .map(|n| {
                (
                    *n,
                    self.c.t(&format!("campaign-{}", n.replace('_', "-"))),
                    self.v.campaign.fields.get(n).to_owned(),
                )
            })
            .collect()
    }
    fn reaches(&self) -> Vec<(&'static str, String)> {
        Reach::ALL
            .iter()
            .map(|r| (r.code(), self.c.t(&format!("reach-{}", r.code()))))
            .collect()
    }
    fn categories(&self) -> Vec<(&'static str, String)> {
        ActorCategory::ALL
            .iter()
            .map(|r| (r.code(), self.c.t(&format!("actor-{}", r.code()))))
            .collect()
    }
    fn kinds(&self) -> Vec<(&'static str, String)> {
        PhaseKind::ALL
            .iter()
            .map(|r| (r.code(), self.c.t(&format!("phase-{}", r.code()))))
            .collect()
    }
    fn subjects(&self) -> Vec<(&'static str, String)> {
        Subject::ALL
            .iter()
            .map(|r| (r.code(), self.c.t(&format!("subject-{}", r.code()))))
            .collect()
    }
    fn questions(&self) -> Vec<(&'static str, String)> {
        ReflectionFields::QUESTIONS
            .iter()
            .map(|q| (*q, self.c.t(&format!("reflection-{q}"))))
            .collect()
    }
    fn practices(&self) -> Vec<(&'static str, String)> {
        Practice::ALL
            .iter()
            .map(|p| (p.code(), self.c.practice(p)))
            .collect()
    }
    fn actors_in(&self, cat: &str) -> Vec<&ActorRecord> {
        self.v
            .actors
            .iter()
            .filter(|a| a.fields.category.code() == cat)
            .collect()
    }
    fn label(&self, prefix: &str, code: &str) -> String {
        self.c.t(&format!("{prefix}-{code}"))
    }
    fn chart_width(&self) -> usize {
        (self.bars.len() * 90 + 20).max(560)
    }
    fn strategy_empty(&self) -> bool {
        self.v
            .campaign
            .fields
            .text
            .iter()
            .all(|(_, v)| v.is_empty())
    }
}

pub(super) fn phase_bars(c: &Chrome, v: &CampaignView) -> Vec<PhaseBar> {
    let max = v
        .phases
        .iter()
        .map(|p| p.fields.goal.max(p.fields.actual.unwrap_or(0)))
        .max()
        .unwrap_or(0)
        .max(1);
    let h = |n: u64| usize::try_from(n.saturating_mul(160) / max).unwrap_or(160);
    v.phases
        .iter()
        .enumerate()
        .map(|(i, p)| PhaseBar {
            label: if p.fields.label.is_empty() {
                c.t(&format!("phase-{}", p.fields.kind.code()))
            } else {
                p.fields.label.chars().take(14).collect()
            },
            x: 20 + i * 90,
            goal_h: h(p.fields.goal),
            actual_h: h(p.fields.actual.unwrap_or(0)),
            goal: p.fields.goal,
            actual: p.fields.actual,
            pct: p.fields.actual.and_then(|a| progress(p.fields.goal, a)),
        })
        .collect()
}

pub(super) async fn campaign_page(
    state: &AppState,
    me: &CurrentMember,
    c: Chrome,
    id: CampaignId,
    errors: FieldErrors,
    typed: Typed,
) -> Result<Response, PageError> {
    let v = organizing::view_campaign(&state.ctx, me, id).await?;
    let bars = phase_bars(&c, &v);
    Ok(render_with_status(
        status_of(&errors),
        &CampaignPage {
            c,
            v,
            bars,
            errors,
            typed,
        },
    ))
}

pub(crate) async fn show_campaign(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<CampaignId>>,
) -> Result<Response, PageError> {
    campaign_page(&state, &me, c, id, FieldErrors::new(), Typed::default()).await
}

pub(crate) async fn delete_campaign(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(Key(id)): Path<Key<CampaignId>>,
    _form: FormFields,
) -> Result<Response, PageError> {
    let campaign = organizing::delete_campaign(&state.ctx, &me, id).await?;
    Ok(Redirect::to(&format!("/nodes/{}/organizing", campaign.node_id)).into_response())
}

pub(crate) async fn delete_reflection(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(Key(id)): Path<Key<ReflectionId>>,
    _form: FormFields,
) -> Result<Response, PageError> {
    let r = organizing::delete_reflection(&state.ctx, &me, id).await?;
    let to = match r.campaign_id {
        Some(c) => format!("/campaigns/{c}#reflections"),
        None => format!("/nodes/{}/organizing#reflections", r.node_id),
    };
    Ok(Redirect::to(&to).into_response())
}

pub(super) async fn after_campaign_change(
    state: &AppState,
    me: &CurrentMember,
    c: Chrome,
    id: CampaignId,
    r: Result<(), AppError>,
    anchor: &str,
    typed: Typed,
) -> Result<Response, PageError> {
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/campaigns/{id}#{anchor}")).into_response()),
        Err(AppError::Invalid(errors)) => campaign_page(state, me, c, id, errors, typed).await,
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn edit_campaign(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<CampaignId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let r = organizing::update_campaign(&state.ctx, &me, id, raw_campaign(&form)).await;
    after_campaign_change(
        &state,
        &me,
        c,
        id,
        r,
        "strategy",
        Typed::of("strategy", &form),
    )
    .await
}

pub(crate) async fn campaign_actor(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<CampaignId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let r = if let Some(actor) = form.get("remove") {
        organizing::remove_actor(&state.ctx, &me, id, form_id(actor)?).await
    } else {
        organizing::add_actor(
            &state.ctx,
            &me,
            id,
            &form.text("name"),
            &form.text("category"),
            &form.text("interests"),
            &form.text("resources"),
        )
        .await
    };
    after_campaign_change(&state, &me, c, id, r, "actors", Typed::of("actor", &form)).await
}

pub(crate) async fn campaign_phase(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<CampaignId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let r = if let Some(phase) = form.get("phase") {
        organizing::set_actual(&state.ctx, &me, id, form_id(phase)?, &form.text("actual")).await
    } else {
        organizing::add_phase(
            &state.ctx,
            &me,
            id,
            &form.text("kind"),
            &form.text("label"),
            &form.text("on"),
            &form.text("goal"),
            &form.text("actual"),
        )
        .await
    };
    after_campaign_change(&state, &me, c, id, r, "timeline", Typed::of("phase", &form)).await
}

pub(super) fn raw_reflection(form: &FormFields) -> RawReflectionFields {
    RawReflectionFields {
        subject: form.text("subject"),
        label: form.text("label"),
        reach: form.text("reach"),
        intended: form.text("intended"),
        happened: form.text("happened"),
        difference: form.text("difference"),
        sustain: form.text("sustain"),
        improve: form.text("improve"),
        numbers: form.text("numbers"),
        participants: form.text("participants"),
    }
}

pub(crate) async fn campaign_reflection(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<CampaignId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let r = organizing::reflect(&state.ctx, &me, id, raw_reflection(&form))
        .await
        .map(|_| ());
    after_campaign_change(
        &state,
        &me,
        c,
        id,
        r,
        "reflections",
        Typed::of("reflection", &form),
    )
    .await
}

pub(crate) async fn export_markdown(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<CampaignId>>,
) -> Result<Response, PageError> {
    let v = organizing::view_campaign(&state.ctx, &me, id).await?;
    let md = organizing::campaign_markdown(&v, &|k| c.t(k));
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/markdown; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"campaign-{}.md\"", v.campaign.id),
            ),
        ],
        md,
    )
        .into_response())
}

/// A campaign's goal-versus-actual chart as a file of its own, for slides and handouts.
#[derive(Template)]
#[template(path = "organizing/chart.svg", escape = "html")]
pub(super) struct ChartSvg {
    title: String,
    chart: String,
    kept: Option<String>,
    goal: String,
    actual: String,
    bars: Vec<PhaseBar>,
    width: usize,
    dir: &'static str,
    anchor: &'static str,
    title_x: usize,
}

pub(crate) async fn chart_svg(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<CampaignId>>,
) -> Result<Response, PageError> {
    let v = organizing::view_campaign(&state.ctx, &me, id).await?;
    let bars = phase_bars(&c, &v);
    let width = (bars.len() * 90 + 20).max(560);
    let rtl = c.dir() == "rtl";
    let svg = ChartSvg {
        title: v.campaign.fields.title.clone(),
        chart: c.t("campaign-chart"),
        kept: v
            .kept_rate
            .map(|rate| format!("{}: {rate} %", c.t("campaign-kept-rate-label"))),
        goal: c.t("campaign-phase-goal"),
        actual: c.t("campaign-phase-actual"),
        bars,
        width,
        dir: if rtl { "rtl" } else { "ltr" },
        anchor: if rtl { "end" } else { "start" },
        title_x: if rtl { width - 10 } else { 10 },
    }
    .render()
    .map_err(|e| PageError::from(AppError::Unexpected(anyhow::anyhow!(e))))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "image/svg+xml; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"campaign-{}-chart.svg\"",
                    v.campaign.id
                ),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; sandbox".to_owned(),
            ),
        ],
        svg,
    )
        .into_response())
}
