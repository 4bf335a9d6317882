//! Organizing pages: a node's teams, campaigns and lessons; a team with its roles and health;
//! a campaign with its strategy, actor map, timeline chart (server-rendered SVG), kept rate and
//! reflections; a lesson with its provenance and endorsements.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::accounts::CurrentMember;
use praxis_app::organizing::{
    self, ActorRecord, CampaignRecord, CampaignView, CrewRecord, CrewView, LessonRecord,
    LessonView, Place, ReflectionRecord,
};
use praxis_domain::campaigns::{ActorCategory, Condition, PhaseKind, progress};
use praxis_domain::lessons::{LessonStatus, Provenance};
use praxis_domain::members::profile::Practice;
use praxis_domain::organizing::{
    CampaignFields, RawCampaignFields, RawCrewFields, RawLessonFields, RawReflectionFields, Reach,
    ReflectionFields, Subject,
};
use praxis_domain::validation::FieldErrors;
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{FormFields, PageMember};
use crate::pages::{Chrome, Typed, render_with_status};
use crate::state::AppState;

fn status_of(errors: &FieldErrors) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// A team in the node's tree, drawn as nested lists: after its line, either a list of its
/// children opens, or its item closes together with `closes` enclosing lists.
pub(crate) struct TreeRow {
    crew: CrewRecord,
    depth: usize,
    /// People on it.
    size: u64,
    /// Its children follow, one level down.
    opens: bool,
    /// How many enclosing levels end after it.
    closes: usize,
}

/// The teams ordered as a tree: each under its parent, roots first.
fn tree(crews: &[CrewRecord], sizes: &[(praxis_domain::ids::CrewId, u64)]) -> Vec<TreeRow> {
    fn walk(
        crews: &[CrewRecord],
        parent: Option<praxis_domain::ids::CrewId>,
        depth: usize,
        out: &mut Vec<(CrewRecord, usize)>,
    ) {
        if depth > 20 {
            return;
        }
        for c in crews.iter().filter(|c| c.parent_id == parent) {
            out.push((c.clone(), depth));
            walk(crews, Some(c.id), depth + 1, out);
        }
    }
    let mut out = Vec::new();
    // Teams whose parent the viewer does not see hang at the root.
    let roots: Vec<CrewRecord> = crews
        .iter()
        .map(|c| {
            let mut c = c.clone();
            if c.parent_id
                .is_some_and(|p| !crews.iter().any(|o| o.id == p))
            {
                c.parent_id = None;
            }
            c
        })
        .collect();
    walk(&roots, None, 0, &mut out);
    let depths: Vec<usize> = out.iter().map(|(_, d)| *d).collect();
    out.into_iter()
        .enumerate()
        .map(|(i, (crew, depth))| {
            let next = depths.get(i + 1).copied().unwrap_or(0);
            TreeRow {
                size: sizes
                    .iter()
                    .find(|(id, _)| *id == crew.id)
                    .map_or(0, |(_, n)| *n),
                crew,
                depth,
                opens: next > depth,
                closes: depth.saturating_sub(next),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "organizing/node.html")]
pub(crate) struct NodeOrganizingPage {
    c: Chrome,
    place: Place,
    teams: Vec<TreeRow>,
    my_teams: Vec<CrewRecord>,
    campaigns: Vec<CampaignRecord>,
    next: Option<String>,
    reflections: Vec<ReflectionRecord>,
    reflections_next: Option<String>,
    errors: FieldErrors,
    me: praxis_domain::ids::MemberId,
    /// Workshops the member took part in, for a reflection on one.
    workshops: Vec<(praxis_domain::ids::WorkshopId, String)>,
    typed: Typed,
}

impl NodeOrganizingPage {
    /// Its author and the node's stewards may delete a reflection.
    fn may_delete(&self, r: &ReflectionRecord) -> bool {
        self.place.is_steward() || r.author.as_ref().is_some_and(|(a, _)| *a == self.me)
    }
    fn label(&self, prefix: &str, code: &str) -> String {
        self.c.t(&format!("{prefix}-{code}"))
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
    fn reach(&self, r: &Reach) -> String {
        self.c.t(&format!("reach-{}", r.code()))
    }
    fn reaches(&self) -> Vec<(&'static str, String)> {
        Reach::ALL
            .iter()
            .map(|r| (r.code(), self.c.t(&format!("reach-{}", r.code()))))
            .collect()
    }
    fn indent(&self, depth: &usize) -> String {
        "— ".repeat(*depth)
    }
    fn closers(&self, row: &TreeRow) -> String {
        "</ul></li>".repeat(row.closes)
    }
}

#[derive(Deserialize)]
pub(crate) struct ListParams {
    after: Option<String>,
    /// The last reflection of the previous page (the node's page).
    reflections_after: Option<String>,
}

async fn node_page(
    state: &AppState,
    me: &CurrentMember,
    c: Chrome,
    slug: &str,
    (after, reflections_after): (Option<&str>, Option<&str>),
    errors: FieldErrors,
    typed: Typed,
) -> Result<Response, PageError> {
    let (place, crews) = organizing::node_crews(&state.ctx, me, slug).await?;
    let sizes = if crews.is_empty() {
        Vec::new()
    } else {
        state
            .ctx
            .store
            .node_crew_sizes(place.node.id)
            .await
            .map_err(AppError::from)?
    };
    let (_, campaigns, next) = organizing::node_campaigns(&state.ctx, me, slug, after).await?;
    let (reflections, reflections_next) =
        organizing::node_reflections(&state.ctx, me, slug, reflections_after).await?;
    let workshops = if place.standing.is_member() {
        organizing::my_workshops(&state.ctx, me).await?
    } else {
        Vec::new()
    };
    let mine = state
        .ctx
        .store
        .member_crews(me.id)
        .await
        .map_err(AppError::from)?;
    let my_teams = crews
        .iter()
        .filter(|c| place.is_steward() || mine.contains(&c.id))
        .cloned()
        .collect();
    Ok(render_with_status(
        status_of(&errors),
        &NodeOrganizingPage {
            c,
            teams: tree(&crews, &sizes),
            place,
            my_teams,
            campaigns,
            next,
            reflections,
            reflections_next,
            errors,
            me: me.id,
            workshops,
            typed,
        },
    ))
}

pub(crate) async fn show_node(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    Query(p): Query<ListParams>,
) -> Result<Response, PageError> {
    node_page(
        &state,
        &me,
        c,
        &slug,
        (p.after.as_deref(), p.reflections_after.as_deref()),
        FieldErrors::new(),
        Typed::default(),
    )
    .await
}

pub(crate) async fn create_team(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    let raw = RawCrewFields {
        name: form.text("name"),
        purpose: form.text("purpose"),
        norms: form.text("norms"),
    };
    match organizing::create_crew(
        &state.ctx,
        &me,
        &slug,
        &form.text("parent"),
        raw,
        &form.text("role"),
    )
    .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/teams/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => {
            node_page(
                &state,
                &me,
                c,
                &slug,
                (None, None),
                errors,
                Typed::of("team", &form),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn node_reflection(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    match organizing::reflect_in_node(
        &state.ctx,
        &me,
        &slug,
        &form.text("team"),
        &form.text("workshop_id"),
        raw_reflection(&form),
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/nodes/{slug}/organizing#reflections")).into_response()),
        Err(AppError::Invalid(errors)) => {
            node_page(
                &state,
                &me,
                c,
                &slug,
                (None, None),
                errors,
                Typed::of("reflection", &form),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

fn raw_campaign(form: &FormFields) -> RawCampaignFields {
    RawCampaignFields {
        title: form.text("title"),
        reach: form.text("reach"),
        constituency: form.text("constituency"),
        problem: form.text("problem"),
        vision: form.text("vision"),
        goal_statement: form.text("goal_statement"),
        goal_metric: form.text("goal_metric"),
        goal_target: form.text("goal_target"),
        goal_deadline: form.text("goal_deadline"),
        toc_if: form.text("toc_if"),
        toc_then: form.text("toc_then"),
        toc_because: form.text("toc_because"),
        os_who: form.text("os_who"),
        os_what: form.text("os_what"),
        os_how: form.text("os_how"),
        os_when: form.text("os_when"),
    }
}

pub(crate) async fn create_campaign(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    match organizing::create_campaign(
        &state.ctx,
        &me,
        &slug,
        &form.text("team"),
        raw_campaign(&form),
    )
    .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/campaigns/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => {
            node_page(
                &state,
                &me,
                c,
                &slug,
                (None, None),
                errors,
                Typed::of("campaign", &form),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

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

async fn team_page(
    state: &AppState,
    me: &CurrentMember,
    c: Chrome,
    id: &str,
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
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    team_page(&state, &me, c, &id, FieldErrors::new()).await
}

fn back_to_team(
    id: &str,
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
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    let raw = RawCrewFields {
        name: form.text("name"),
        purpose: form.text("purpose"),
        norms: form.text("norms"),
    };
    match back_to_team(
        &id,
        organizing::update_crew(&state.ctx, &me, &id, raw).await,
    )? {
        Ok(r) => Ok(r),
        Err(errors) => team_page(&state, &me, c, &id, errors).await,
    }
}

pub(crate) async fn set_team_member(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    let r = if form.get("remove").is_some() {
        organizing::remove_member(&state.ctx, &me, &id, &form.text("member")).await
    } else {
        organizing::set_member(
            &state.ctx,
            &me,
            &id,
            &form.text("member"),
            &form.text("role"),
        )
        .await
    };
    match back_to_team(&id, r)? {
        Ok(r) => Ok(r),
        Err(errors) => team_page(&state, &me, c, &id, errors).await,
    }
}

pub(crate) async fn check_health(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    let scores: Vec<(String, String)> = Condition::ALL
        .iter()
        .map(|k| (k.code().to_owned(), form.text(k.code())))
        .collect();
    let r = organizing::check_health(&state.ctx, &me, &id, &scores, &form.text("notes")).await;
    match back_to_team(&id, r)? {
        Ok(r) => Ok(r),
        Err(errors) => team_page(&state, &me, c, &id, errors).await,
    }
}

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

fn phase_bars(c: &Chrome, v: &CampaignView) -> Vec<PhaseBar> {
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

async fn campaign_page(
    state: &AppState,
    me: &CurrentMember,
    c: Chrome,
    id: &str,
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
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    campaign_page(&state, &me, c, &id, FieldErrors::new(), Typed::default()).await
}

pub(crate) async fn delete_campaign(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(id): Path<String>,
    _form: FormFields,
) -> Result<Response, PageError> {
    let campaign = organizing::delete_campaign(&state.ctx, &me, &id).await?;
    Ok(Redirect::to(&format!("/nodes/{}/organizing", campaign.node_id)).into_response())
}

pub(crate) async fn delete_reflection(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(id): Path<String>,
    _form: FormFields,
) -> Result<Response, PageError> {
    let r = organizing::delete_reflection(&state.ctx, &me, &id).await?;
    let to = match r.campaign_id {
        Some(c) => format!("/campaigns/{c}#reflections"),
        None => format!("/nodes/{}/organizing#reflections", r.node_id),
    };
    Ok(Redirect::to(&to).into_response())
}

async fn after_campaign_change(
    state: &AppState,
    me: &CurrentMember,
    c: Chrome,
    id: &str,
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
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    let r = organizing::update_campaign(&state.ctx, &me, &id, raw_campaign(&form)).await;
    after_campaign_change(
        &state,
        &me,
        c,
        &id,
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
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    let r = if let Some(actor) = form.get("remove") {
        organizing::remove_actor(&state.ctx, &me, &id, actor).await
    } else {
        organizing::add_actor(
            &state.ctx,
            &me,
            &id,
            &form.text("name"),
            &form.text("category"),
            &form.text("interests"),
            &form.text("resources"),
        )
        .await
    };
    after_campaign_change(&state, &me, c, &id, r, "actors", Typed::of("actor", &form)).await
}

pub(crate) async fn campaign_phase(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    let r = if let Some(phase) = form.get("phase") {
        organizing::set_actual(&state.ctx, &me, &id, phase, &form.text("actual")).await
    } else {
        organizing::add_phase(
            &state.ctx,
            &me,
            &id,
            &form.text("kind"),
            &form.text("label"),
            &form.text("on"),
            &form.text("goal"),
            &form.text("actual"),
        )
        .await
    };
    after_campaign_change(
        &state,
        &me,
        c,
        &id,
        r,
        "timeline",
        Typed::of("phase", &form),
    )
    .await
}

fn raw_reflection(form: &FormFields) -> RawReflectionFields {
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
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    let r = organizing::reflect(&state.ctx, &me, &id, raw_reflection(&form))
        .await
        .map(|_| ());
    after_campaign_change(
        &state,
        &me,
        c,
        &id,
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
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let v = organizing::view_campaign(&state.ctx, &me, &id).await?;
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
struct ChartSvg {
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
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let v = organizing::view_campaign(&state.ctx, &me, &id).await?;
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

fn raw_lesson(form: &FormFields) -> RawLessonFields {
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
                    &campaign,
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

async fn lesson_page(
    state: &AppState,
    me: &CurrentMember,
    c: Chrome,
    id: &str,
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
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    lesson_page(&state, &me, c, &id, FieldErrors::new()).await
}

pub(crate) async fn lesson_action(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    let r = match form.text("action").as_str() {
        "move" => {
            organizing::move_lesson(
                &state.ctx,
                &me,
                &id,
                &form.text("status"),
                &form.text("reach"),
            )
            .await
        }
        "endorse" => organizing::endorse(&state.ctx, &me, &id, &form.text("context")).await,
        "link" => organizing::link_item(&state.ctx, &me, &id, &form.text("item")).await,
        "delete" => {
            let lesson = organizing::delete_lesson(&state.ctx, &me, &id).await?;
            return Ok(Redirect::to(&format!("/nodes/{}/lessons", lesson.node_id)).into_response());
        }
        _ => Err(AppError::Invalid(FieldErrors::single(
            "action",
            "error-unknown-choice",
        ))),
    };
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/lessons/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => lesson_page(&state, &me, c, &id, errors).await,
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
    let profile = state
        .ctx
        .store
        .profiles_by_ids(&[me.id])
        .await
        .map_err(AppError::from)?
        .pop();
    let mut like_mine = String::from("/search?type=lesson");
    if let Some(p) = profile {
        if let Some((practice, _)) = p.profile.practices.first() {
            like_mine.push_str(&format!("&practice={}", practice.code()));
        }
        if let Some(d) = p.profile.domains.first() {
            like_mine.push_str(&format!("&domain={}", c.enc(&d.to_lowercase())));
        }
        if let Some(r) = p.profile.regions.first() {
            like_mine.push_str(&format!("&region={}", c.enc(&r.to_lowercase())));
        }
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

#[cfg(test)]
mod tests {
    use praxis_domain::ids::{CrewId, NodeId};
    use praxis_domain::organizing::CrewFields;

    use super::{CrewRecord, tree};

    fn crew(name: &str, parent: Option<CrewId>) -> CrewRecord {
        CrewRecord {
            id: CrewId::generate(),
            node_id: NodeId::generate(),
            parent_id: parent,
            fields: CrewFields {
                name: name.to_owned(),
                purpose: String::new(),
                norms: String::new(),
            },
        }
    }

    /// Renders the rows the way the template does, as a string of brackets.
    fn shape(rows: &[super::TreeRow]) -> String {
        let mut out = String::from("[");
        for r in rows {
            out.push_str(&format!("({}", r.crew.fields.name));
            if r.opens {
                out.push('[');
            } else {
                out.push(')');
                out.push_str(&"])".repeat(r.closes));
            }
        }
        out.push(']');
        out
    }

    #[test]
    fn the_tree_nests_each_team_under_its_parent_and_closes_every_level() {
        let core = crew("core", None);
        let door = crew("door", Some(core.id));
        let street = crew("street", Some(door.id));
        let media = crew("media", Some(core.id));
        let youth = crew("youth", None);
        // A team under a parent the viewer does not see hangs at the root.
        let orphan = crew("orphan", Some(CrewId::generate()));
        let crews = [
            core.clone(),
            door.clone(),
            street,
            media.clone(),
            youth,
            orphan,
        ];
        let rows = tree(&crews, &[(core.id, 5), (media.id, 2)]);
        assert_eq!(
            shape(&rows),
            "[(core[(door[(street)])(media)])(youth)(orphan)]"
        );
        assert_eq!(rows[0].size, 5);
        assert_eq!(rows[1].size, 0);
    }
}
