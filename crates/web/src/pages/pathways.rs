//! Pathways: the pipeline with its chart (server-rendered SVG), recording steps, nominating.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::pathways::{self, PipelineView};
use praxis_domain::pathways::Step;
use praxis_domain::validation::FieldErrors;
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{FormFields, PageMember, encode_component};
use crate::pages::{Chrome, render_with_status};
use crate::state::AppState;

/// One bar of the chart, laid out.
pub(crate) struct Bar {
    label: String,
    count: usize,
    y: usize,
    width: usize,
}

#[derive(Template)]
#[template(path = "pathways/pipeline.html")]
pub(crate) struct PipelinePage {
    c: Chrome,
    node: String,
    view: Option<PipelineView>,
    bars: Vec<Bar>,
    steps: Vec<Step>,
    errors: FieldErrors,
    notice: Option<String>,
    workshops: Vec<praxis_app::workshops::WorkshopRecord>,
}

impl PipelinePage {
    fn step_label(&self, s: &Step) -> String {
        self.c.t(&format!("pathway-step-{}", s.code()))
    }

    fn chart_height(&self) -> usize {
        self.bars.len() * 34 + 10
    }
}

fn bars(c: &Chrome, view: &PipelineView) -> Vec<Bar> {
    let max = view
        .counts
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0)
        .max(1);
    view.counts
        .iter()
        .enumerate()
        .map(|(i, (step, count))| Bar {
            label: c.t(&format!("pathway-step-{}", step.code())),
            count: *count,
            y: i * 34 + 5,
            width: count * 300 / max,
        })
        .collect()
}

#[derive(Deserialize)]
pub(crate) struct NodeParams {
    node: Option<String>,
    saved: Option<String>,
}

async fn page(
    state: &AppState,
    me: &praxis_app::policy::CurrentMember,
    c: Chrome,
    node: Option<String>,
    errors: FieldErrors,
    notice: Option<String>,
) -> Result<Response, PageError> {
    let view = match pathways::pipeline(&state.ctx, me, node.as_deref()).await {
        Ok(v) => Some(v),
        Err(AppError::Forbidden) => None,
        Err(e) => return Err(e.into()),
    };
    let bars = view.as_ref().map(|v| bars(&c, v)).unwrap_or_default();
    let workshops = if view.is_some() {
        praxis_app::workshops::list_workshops_page(&state.ctx, Some(me), None, None, 100)
            .await?
            .0
    } else {
        Vec::new()
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render_with_status(
        status,
        &PipelinePage {
            c,
            node: node.unwrap_or_default(),
            view,
            bars,
            steps: Step::ALL.to_vec(),
            errors,
            notice,
            workshops,
        },
    ))
}

pub(crate) async fn invite(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    let node = Some(form.text("node")).filter(|n| !n.is_empty());
    match pathways::invite_to_coach(
        &state.ctx,
        &me,
        node.as_deref(),
        &form.text("member"),
        &form.text("workshop"),
    )
    .await
    {
        Ok(()) => {
            let notice = Some(c.t("pathway-invited"));
            page(&state, &me, c, node, FieldErrors::new(), notice).await
        }
        Err(AppError::Invalid(errors)) => page(&state, &me, c, node, errors, None).await,
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn show_pipeline(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Query(p): Query<NodeParams>,
) -> Result<Response, PageError> {
    let notice = p.saved.as_ref().map(|_| c.t("pathway-saved"));
    page(&state, &me, c, p.node, FieldErrors::new(), notice).await
}

pub(crate) async fn record_step(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    let node = form.text("node");
    let node = Some(node).filter(|n| !n.is_empty());
    match pathways::record_step(
        &state.ctx,
        &me,
        node.as_deref(),
        &form.text("member"),
        &form.text("step"),
        &form.text("reached_on"),
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/pathways?saved=1{}",
            node.map(|n| format!("&node={}", encode_component(&n)))
                .unwrap_or_default()
        ))
        .into_response()),
        Err(AppError::Invalid(errors)) => page(&state, &me, c, node, errors, None).await,
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn nominate(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    match pathways::nominate(
        &state.ctx,
        &me,
        &form.text("member"),
        &form.text("step"),
        &form.text("evidence"),
    )
    .await
    {
        Ok(()) => Ok(Redirect::to("/pathways?saved=1").into_response()),
        Err(AppError::Invalid(errors)) => page(&state, &me, c, None, errors, None).await,
        Err(e) => Err(e.into()),
    }
}
