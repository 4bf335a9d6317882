//! `/api/v1/teams`, `/api/v1/campaigns`, `/api/v1/reflections`, `/api/v1/lessons`: the same
//! rules as the pages — whoever may not see an object gets 404.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use praxis_app::organizing::{
    self, CampaignRecord, CampaignView, LessonRecord, LessonView, ReflectionRecord,
};
use praxis_domain::campaigns::progress;
use praxis_domain::lessons::Provenance;
use praxis_domain::organizing::{
    CampaignFields, RawCampaignFields, RawCrewFields, RawLessonFields, RawReflectionFields,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember};
use crate::state::AppState;

/// A new object's id.
#[derive(Serialize, ToSchema)]
pub(crate) struct Created {
    id: String,
}

impl Created {
    pub(crate) fn new(id: impl ToString) -> Self {
        Self { id: id.to_string() }
    }
}

fn created(id: impl ToString) -> Response {
    (StatusCode::CREATED, Json(Created { id: id.to_string() })).into_response()
}

/// A new team.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TeamRequest {
    /// The node's id or slug.
    node: String,
    name: String,
    purpose: String,
    #[serde(default)]
    norms: String,
    /// The team it belongs under.
    #[serde(default)]
    parent_id: String,
    /// The creator's role on it.
    #[serde(default)]
    role: String,
}

/// Creates a team in a node (its members).
#[utoipa::path(post, path = "/api/v1/teams", tag = "organizing", request_body = TeamRequest,
    responses((status = 201, body = Created), (status = 404, description = "no such node"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn create_team(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(r): ApiJson<TeamRequest>,
) -> Result<Response, ApiError> {
    let raw = RawCrewFields {
        name: r.name,
        purpose: r.purpose,
        norms: r.norms,
    };
    let id = organizing::create_crew(&state.ctx, &me, &r.node, &r.parent_id, raw, &r.role).await?;
    Ok(created(id))
}

/// Someone on a team.
#[derive(Serialize, ToSchema)]
pub(crate) struct TeamMemberResponse {
    member_id: String,
    display_name: String,
    role: String,
}

/// One health check.
#[derive(Serialize, ToSchema)]
pub(crate) struct HealthResponse {
    /// RFC 3339.
    at: String,
    /// Condition code → score 1–5.
    scores: BTreeMap<String, u8>,
    notes: String,
}

/// A team.
#[derive(Serialize, ToSchema)]
pub(crate) struct TeamResponse {
    id: String,
    node: String,
    parent_id: Option<String>,
    name: String,
    purpose: String,
    norms: String,
    members: Vec<TeamMemberResponse>,
    children: Vec<String>,
    /// For its members and the node's stewards only (empty otherwise).
    health_checks: Vec<HealthResponse>,
    kept_rate: Option<u32>,
}

/// A team, for those who may see it.
#[utoipa::path(get, path = "/api/v1/teams/{id}", tag = "organizing", params(("id" = String, Path, description = "team id")),
    responses((status = 200, body = TeamResponse), (status = 404, description = "not visible")))]
pub(crate) async fn get_team(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
) -> Result<Json<TeamResponse>, ApiError> {
    let v = organizing::view_crew(&state.ctx, &me, &id).await?;
    Ok(Json(TeamResponse {
        id: v.crew.id.to_string(),
        node: v.place.node.fields.slug.clone(),
        parent_id: v.crew.parent_id.map(|p| p.to_string()),
        name: v.crew.fields.name,
        purpose: v.crew.fields.purpose,
        norms: v.crew.fields.norms,
        members: v
            .members
            .into_iter()
            .map(|m| TeamMemberResponse {
                member_id: m.member_id.to_string(),
                display_name: m.display_name,
                role: m.role,
            })
            .collect(),
        children: v.children.iter().map(|c| c.id.to_string()).collect(),
        health_checks: v
            .checks
            .into_iter()
            .map(|h| HealthResponse {
                at: h.at.rfc3339(),
                scores: h
                    .scores
                    .iter()
                    .map(|(c, s)| (c.code().to_owned(), *s))
                    .collect(),
                notes: h.notes,
            })
            .collect(),
        kept_rate: v.kept_rate,
    }))
}

/// A health check.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct HealthRequest {
    /// Condition code (`real_team`, `compelling_purpose`, `right_people`, `sound_structure`,
    /// `supportive_context`, `team_coaching`) → score 1–5.
    scores: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    notes: String,
}

/// Records a health check (the team's members and the node's stewards).
#[utoipa::path(post, path = "/api/v1/teams/{id}/health", tag = "organizing", params(("id" = String, Path, description = "team id")), request_body = HealthRequest,
    responses((status = 204, description = "recorded"), (status = 404, description = "not visible"), (status = 422, description = "a score missing or out of range, named")))]
pub(crate) async fn check_health(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<HealthRequest>,
) -> Result<StatusCode, ApiError> {
    let scores: Vec<(String, String)> = r
        .scores
        .into_iter()
        .map(|(k, v)| {
            let v = match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            (k, v)
        })
        .collect();
    organizing::check_health(&state.ctx, &me, &id, &scores, &r.notes).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A campaign's strategy, as sent.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct CampaignRequest {
    /// The node's id or slug (on creation).
    node: String,
    /// The team (on creation; optional).
    team_id: String,
    title: String,
    /// `team`, `node` or `network`.
    reach: String,
    constituency: String,
    problem: String,
    vision: String,
    goal_statement: String,
    goal_metric: String,
    /// A whole number, as text or a number.
    goal_target: Option<serde_json::Value>,
    /// YYYY-MM-DD.
    goal_deadline: String,
    toc_if: String,
    toc_then: String,
    toc_because: String,
    os_who: String,
    os_what: String,
    os_how: String,
    os_when: String,
}

impl CampaignRequest {
    fn raw(&self) -> RawCampaignFields {
        RawCampaignFields {
            title: self.title.clone(),
            reach: self.reach.clone(),
            constituency: self.constituency.clone(),
            problem: self.problem.clone(),
            vision: self.vision.clone(),
            goal_statement: self.goal_statement.clone(),
            goal_metric: self.goal_metric.clone(),
            goal_target: match &self.goal_target {
                None | Some(serde_json::Value::Null) => String::new(),
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
            },
            goal_deadline: self.goal_deadline.clone(),
            toc_if: self.toc_if.clone(),
            toc_then: self.toc_then.clone(),
            toc_because: self.toc_because.clone(),
            os_who: self.os_who.clone(),
            os_what: self.os_what.clone(),
            os_how: self.os_how.clone(),
            os_when: self.os_when.clone(),
        }
    }
}

/// Plans a campaign in a node (its members).
#[utoipa::path(post, path = "/api/v1/campaigns", tag = "organizing", request_body = CampaignRequest,
    responses((status = 201, body = Created), (status = 404, description = "no such node"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn create_campaign(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(r): ApiJson<CampaignRequest>,
) -> Result<Response, ApiError> {
    let id = organizing::create_campaign(&state.ctx, &me, &r.node, &r.team_id, r.raw()).await?;
    Ok(created(id))
}

/// Replaces a campaign's strategy.
#[utoipa::path(put, path = "/api/v1/campaigns/{id}", tag = "organizing", params(("id" = String, Path, description = "campaign id")), request_body = CampaignRequest,
    responses((status = 204, description = "saved"), (status = 404, description = "not visible"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn update_campaign(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<CampaignRequest>,
) -> Result<StatusCode, ApiError> {
    organizing::update_campaign(&state.ctx, &me, &id, r.raw()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A campaign in a list.
#[derive(Serialize, ToSchema)]
pub(crate) struct CampaignSummary {
    id: String,
    title: String,
    reach: String,
    team_id: Option<String>,
}

fn summary(c: &CampaignRecord) -> CampaignSummary {
    CampaignSummary {
        id: c.id.to_string(),
        title: c.fields.title.clone(),
        reach: c.fields.reach.code().to_owned(),
        team_id: c.crew_id.map(|t| t.to_string()),
    }
}

/// A page of campaigns.
#[derive(Serialize, ToSchema)]
pub(crate) struct CampaignList {
    campaigns: Vec<CampaignSummary>,
    /// Pass as `after` for the next page.
    next: Option<String>,
}

/// Which node's campaigns or lessons.
#[derive(Deserialize, utoipa::IntoParams)]
pub(crate) struct NodeQuery {
    /// The node's id or slug.
    node: String,
    /// The last id of the previous page.
    after: Option<String>,
}

/// A node's campaigns the caller may see, newest first.
#[utoipa::path(get, path = "/api/v1/campaigns", tag = "organizing", params(NodeQuery),
    responses((status = 200, body = CampaignList), (status = 404, description = "no such node")))]
pub(crate) async fn list_campaigns(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Query(q): Query<NodeQuery>,
) -> Result<Json<CampaignList>, ApiError> {
    let (_, list, next) =
        organizing::node_campaigns(&state.ctx, &me, &q.node, q.after.as_deref()).await?;
    Ok(Json(CampaignList {
        campaigns: list.iter().map(summary).collect(),
        next,
    }))
}

/// An actor on the map.
#[derive(Serialize, Deserialize, ToSchema)]
pub(crate) struct ActorBody {
    #[serde(default)]
    id: String,
    name: String,
    /// `constituency`, `leaders`, `supporters`, `competition`, `opposition` or `sideline`.
    category: String,
    #[serde(default)]
    interests: String,
    #[serde(default)]
    resources: String,
}

/// A phase of the timeline.
#[derive(Serialize, ToSchema)]
pub(crate) struct PhaseResponse {
    id: String,
    /// `foundation`, `peak`, `climax` or `resolution`.
    kind: String,
    label: String,
    /// YYYY-MM-DD.
    on: String,
    goal: u64,
    actual: Option<u64>,
    /// Actual ÷ goal, in percent.
    progress: Option<u32>,
}

/// A reflection.
#[derive(Serialize, ToSchema)]
pub(crate) struct ReflectionResponse {
    id: String,
    campaign_id: Option<String>,
    /// `campaign`, `phase`, `action` or `workshop`.
    subject: String,
    label: String,
    reach: String,
    /// `intended`, `happened`, `difference`, `sustain`, `improve`, `numbers`, `participants`.
    answers: BTreeMap<String, String>,
    author: Option<String>,
    /// RFC 3339.
    created_at: String,
    /// The workshop it looks back on, when the caller may see that workshop.
    workshop: Option<WorkshopLink>,
}

/// A workshop a reflection looks back on.
#[derive(Serialize, ToSchema)]
pub(crate) struct WorkshopLink {
    id: String,
    title: String,
}

fn reflection(r: ReflectionRecord) -> ReflectionResponse {
    ReflectionResponse {
        id: r.id.to_string(),
        campaign_id: r.campaign_id.map(|c| c.to_string()),
        subject: r.fields.subject.code().to_owned(),
        label: r.fields.label,
        reach: r.fields.reach.code().to_owned(),
        answers: r
            .fields
            .answers
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        author: r.author.map(|(_, n)| n),
        created_at: r.created_at.rfc3339(),
        workshop: r.workshop.map(|(id, title)| WorkshopLink {
            id: id.to_string(),
            title,
        }),
    }
}

/// A campaign with everything its page shows.
#[derive(Serialize, ToSchema)]
pub(crate) struct CampaignResponse {
    id: String,
    node: String,
    team_id: Option<String>,
    title: String,
    reach: String,
    /// The strategy's text fields by name.
    strategy: BTreeMap<String, String>,
    goal_target: Option<u64>,
    goal_deadline: Option<String>,
    actors: Vec<ActorBody>,
    phases: Vec<PhaseResponse>,
    /// Status → count of its commitments.
    commitments: BTreeMap<String, u64>,
    kept_rate: Option<u32>,
    /// The reflections the caller may read.
    reflections: Vec<ReflectionResponse>,
}

fn campaign(v: CampaignView) -> CampaignResponse {
    let f = &v.campaign.fields;
    CampaignResponse {
        id: v.campaign.id.to_string(),
        node: v.place.node.fields.slug.clone(),
        team_id: v.campaign.crew_id.map(|t| t.to_string()),
        title: f.title.clone(),
        reach: f.reach.code().to_owned(),
        strategy: CampaignFields::TEXT_FIELDS
            .iter()
            .map(|n| ((*n).to_owned(), f.get(n).to_owned()))
            .collect(),
        goal_target: f.goal_target,
        goal_deadline: f.goal_deadline.clone(),
        actors: v
            .actors
            .into_iter()
            .map(|a| ActorBody {
                id: a.id.to_string(),
                name: a.fields.name,
                category: a.fields.category.code().to_owned(),
                interests: a.fields.interests,
                resources: a.fields.resources,
            })
            .collect(),
        phases: v
            .phases
            .into_iter()
            .map(|p| PhaseResponse {
                id: p.id.to_string(),
                kind: p.fields.kind.code().to_owned(),
                progress: p.fields.actual.and_then(|a| progress(p.fields.goal, a)),
                label: p.fields.label,
                on: p.fields.on,
                goal: p.fields.goal,
                actual: p.fields.actual,
            })
            .collect(),
        commitments: v
            .commitments
            .iter()
            .map(|(s, n)| (s.code().to_owned(), *n))
            .collect(),
        kept_rate: v.kept_rate,
        reflections: v.reflections.into_iter().map(reflection).collect(),
    }
}

/// Deletes a campaign for good with its actor map, timeline and reflections (its creator or
/// the node's stewards); lessons drawn from it stay; its commitments stay, unlinked.
#[utoipa::path(delete, path = "/api/v1/campaigns/{id}", tag = "organizing", params(("id" = String, Path, description = "campaign id")),
    responses((status = 204, description = "deleted"), (status = 403, description = "neither its creator nor a steward"), (status = 404, description = "not visible")))]
pub(crate) async fn delete_campaign(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    organizing::delete_campaign(&state.ctx, &me, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A campaign, for those who may see it.
#[utoipa::path(get, path = "/api/v1/campaigns/{id}", tag = "organizing", params(("id" = String, Path, description = "campaign id")),
    responses((status = 200, body = CampaignResponse), (status = 404, description = "not visible")))]
pub(crate) async fn get_campaign(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
) -> Result<Json<CampaignResponse>, ApiError> {
    Ok(Json(campaign(
        organizing::view_campaign(&state.ctx, &me, &id).await?,
    )))
}

/// The campaign with its reflections, as a JSON document to download.
#[utoipa::path(get, path = "/api/v1/campaigns/{id}/export", tag = "organizing", params(("id" = String, Path, description = "campaign id")),
    responses((status = 200, body = CampaignResponse), (status = 404, description = "not visible")))]
pub(crate) async fn export_campaign(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let v = organizing::view_campaign(&state.ctx, &me, &id).await?;
    let name = format!("attachment; filename=\"campaign-{}.json\"", v.campaign.id);
    Ok((
        [(axum::http::header::CONTENT_DISPOSITION, name)],
        Json(campaign(v)),
    )
        .into_response())
}

/// Adds an actor to the map.
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/actors", tag = "organizing", params(("id" = String, Path, description = "campaign id")), request_body = ActorBody,
    responses((status = 204, description = "added"), (status = 404, description = "not visible"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn add_actor(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
    ApiJson(a): ApiJson<ActorBody>,
) -> Result<StatusCode, ApiError> {
    organizing::add_actor(
        &state.ctx,
        &me,
        &id,
        &a.name,
        &a.category,
        &a.interests,
        &a.resources,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A new phase.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PhaseRequest {
    kind: String,
    #[serde(default)]
    label: String,
    /// YYYY-MM-DD.
    on: String,
    goal: serde_json::Value,
    #[serde(default)]
    actual: Option<serde_json::Value>,
}

fn number_text(v: Option<&serde_json::Value>) -> String {
    match v {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    }
}

/// Adds a phase to the timeline.
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/phases", tag = "organizing", params(("id" = String, Path, description = "campaign id")), request_body = PhaseRequest,
    responses((status = 204, description = "added"), (status = 404, description = "not visible"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn add_phase(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
    ApiJson(p): ApiJson<PhaseRequest>,
) -> Result<StatusCode, ApiError> {
    organizing::add_phase(
        &state.ctx,
        &me,
        &id,
        &p.kind,
        &p.label,
        &p.on,
        &number_text(Some(&p.goal)),
        &number_text(p.actual.as_ref()),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The number a phase reached.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActualRequest {
    actual: Option<serde_json::Value>,
}

/// Records the number a phase reached.
#[utoipa::path(put, path = "/api/v1/campaigns/{id}/phases/{phase}", tag = "organizing",
    params(("id" = String, Path, description = "campaign id"), ("phase" = String, Path, description = "phase id")), request_body = ActualRequest,
    responses((status = 204, description = "saved"), (status = 404, description = "not visible"), (status = 422, description = "not a count")))]
pub(crate) async fn set_actual(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((id, phase)): Path<(String, String)>,
    ApiJson(r): ApiJson<ActualRequest>,
) -> Result<StatusCode, ApiError> {
    organizing::set_actual(
        &state.ctx,
        &me,
        &id,
        &phase,
        &number_text(r.actual.as_ref()),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A reflection, as sent.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct ReflectionRequest {
    subject: String,
    label: String,
    reach: String,
    intended: String,
    happened: String,
    difference: String,
    sustain: String,
    improve: String,
    numbers: String,
    participants: String,
}

/// Writes a reflection on a campaign (those who work on it).
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/reflections", tag = "organizing", params(("id" = String, Path, description = "campaign id")), request_body = ReflectionRequest,
    responses((status = 201, body = Created), (status = 404, description = "not visible"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn reflect(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<ReflectionRequest>,
) -> Result<Response, ApiError> {
    let raw = RawReflectionFields {
        subject: r.subject,
        label: r.label,
        reach: r.reach,
        intended: r.intended,
        happened: r.happened,
        difference: r.difference,
        sustain: r.sustain,
        improve: r.improve,
        numbers: r.numbers,
        participants: r.participants,
    };
    let rid = organizing::reflect(&state.ctx, &me, &id, raw).await?;
    Ok(created(rid))
}

/// A reflection in a node, on an action or a workshop (its members).
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct NodeReflectionRequest {
    /// The node's id or slug.
    node: String,
    /// One of the caller's teams in the node (for a team reach).
    team_id: String,
    /// A workshop the caller took part in (with the subject `workshop`).
    workshop_id: String,
    /// `action` or `workshop`.
    subject: String,
    label: String,
    reach: String,
    intended: String,
    happened: String,
    difference: String,
    sustain: String,
    improve: String,
    numbers: String,
    participants: String,
}

/// Writes a reflection in a node on an action or a workshop (its members).
#[utoipa::path(post, path = "/api/v1/reflections", tag = "organizing", request_body = NodeReflectionRequest,
    responses((status = 201, body = Created), (status = 403, description = "not a member of the node"), (status = 404, description = "no such node"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn reflect_in_node(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(req): ApiJson<NodeReflectionRequest>,
) -> Result<Response, ApiError> {
    let NodeReflectionRequest {
        node,
        team_id,
        workshop_id,
        subject,
        label,
        reach,
        intended,
        happened,
        difference,
        sustain,
        improve,
        numbers,
        participants,
    } = req;
    let raw = RawReflectionFields {
        subject,
        label,
        reach,
        intended,
        happened,
        difference,
        sustain,
        improve,
        numbers,
        participants,
    };
    let id =
        organizing::reflect_in_node(&state.ctx, &me, &node, &team_id, &workshop_id, raw).await?;
    Ok(created(id))
}

/// A page of a node's reflections.
#[derive(Serialize, ToSchema)]
pub(crate) struct ReflectionList {
    reflections: Vec<ReflectionResponse>,
    /// Pass as `after` for the next page.
    next: Option<String>,
}

/// A node's reflections on actions and workshops that the caller may read, newest first.
#[utoipa::path(get, path = "/api/v1/reflections", tag = "organizing", params(NodeQuery),
    responses((status = 200, body = ReflectionList), (status = 404, description = "no such node")))]
pub(crate) async fn list_reflections(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Query(q): Query<NodeQuery>,
) -> Result<Json<ReflectionList>, ApiError> {
    let (list, next) =
        organizing::node_reflections(&state.ctx, &me, &q.node, q.after.as_deref()).await?;
    Ok(Json(ReflectionList {
        reflections: list.into_iter().map(reflection).collect(),
        next,
    }))
}

/// The reflections on a workshop that the caller may read, newest first (the latest 50).
#[utoipa::path(get, path = "/api/v1/workshops/{id}/reflections", tag = "organizing", params(("id" = String, Path, description = "workshop id")),
    responses((status = 200, body = ReflectionList), (status = 404, description = "not visible")))]
pub(crate) async fn workshop_reflections(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
) -> Result<Json<ReflectionList>, ApiError> {
    let list = organizing::workshop_reflections(&state.ctx, &me, &id).await?;
    Ok(Json(ReflectionList {
        reflections: list.into_iter().map(reflection).collect(),
        next: None,
    }))
}

/// Deletes a reflection for good (its author or the node's stewards); lessons drawn from it
/// stay, without it as a source.
#[utoipa::path(delete, path = "/api/v1/reflections/{id}", tag = "organizing", params(("id" = String, Path, description = "reflection id")),
    responses((status = 204, description = "deleted"), (status = 403, description = "neither its author nor a steward"), (status = 404, description = "not visible")))]
pub(crate) async fn delete_reflection(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    organizing::delete_reflection(&state.ctx, &me, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A reflection, for those who may read it.
#[utoipa::path(get, path = "/api/v1/reflections/{id}", tag = "organizing", params(("id" = String, Path, description = "reflection id")),
    responses((status = 200, body = ReflectionResponse), (status = 404, description = "not visible")))]
pub(crate) async fn get_reflection(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
) -> Result<Json<ReflectionResponse>, ApiError> {
    Ok(Json(reflection(
        organizing::view_reflection(&state.ctx, &me, &id).await?,
    )))
}

/// A new lesson.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LessonRequest {
    /// The reflections it is drawn from (all of one node, all readable by the caller).
    reflection_ids: Vec<String>,
    statement: String,
    #[serde(default)]
    practices: Vec<String>,
    #[serde(default)]
    domains: Vec<String>,
    #[serde(default)]
    regions: Vec<String>,
}

/// Draws a lesson from reflections.
#[utoipa::path(post, path = "/api/v1/lessons", tag = "organizing", request_body = LessonRequest,
    responses((status = 201, body = Created), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn draw_lesson(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(r): ApiJson<LessonRequest>,
) -> Result<Response, ApiError> {
    let raw = RawLessonFields {
        statement: r.statement,
        practices: r.practices,
        domains: r.domains,
        regions: r.regions,
    };
    let id = organizing::draw_lesson(&state.ctx, &me, &r.reflection_ids, raw).await?;
    Ok(created(id))
}

/// One source of a lesson: a reflection the caller may read, or only that a private one exists.
#[derive(Serialize, ToSchema)]
pub(crate) struct SourceResponse {
    /// False for a reflection the caller may not read ("from a private reflection").
    readable: bool,
    reflection_id: Option<String>,
    label: Option<String>,
    campaign_id: Option<String>,
}

/// An endorsement.
#[derive(Serialize, ToSchema)]
pub(crate) struct EndorsementResponse {
    member_id: String,
    display_name: String,
    context: String,
}

/// A lesson.
#[derive(Serialize, ToSchema)]
pub(crate) struct LessonResponse {
    id: String,
    node: String,
    statement: String,
    practices: Vec<String>,
    domains: Vec<String>,
    regions: Vec<String>,
    /// `observation`, `identified` or `adopted`.
    status: String,
    /// `team`, `node` or `network`.
    reach: String,
    sources: Vec<SourceResponse>,
    endorsements: Vec<EndorsementResponse>,
    /// Library items the caller may read.
    item_ids: Vec<String>,
}

fn lesson_summary(l: &LessonRecord, node: String) -> LessonResponse {
    LessonResponse {
        id: l.id.to_string(),
        node,
        statement: l.fields.statement.clone(),
        practices: l
            .fields
            .practices
            .iter()
            .map(|p| p.code().to_owned())
            .collect(),
        domains: l.fields.domains.clone(),
        regions: l.fields.regions.clone(),
        status: l.status.code().to_owned(),
        reach: l.reach.code().to_owned(),
        sources: Vec::new(),
        endorsements: Vec::new(),
        item_ids: Vec::new(),
    }
}

fn lesson(v: LessonView) -> LessonResponse {
    let mut out = lesson_summary(&v.lesson, v.place.node.fields.slug.clone());
    out.sources = v
        .provenance
        .into_iter()
        .map(|p| match p {
            Provenance::Visible(r) => SourceResponse {
                readable: true,
                reflection_id: Some(r.id.to_string()),
                label: Some(r.fields.label),
                campaign_id: r.campaign_id.map(|c| c.to_string()),
            },
            Provenance::Private => SourceResponse {
                readable: false,
                reflection_id: None,
                label: None,
                campaign_id: None,
            },
        })
        .collect();
    out.endorsements = v
        .endorsements
        .into_iter()
        .map(|e| EndorsementResponse {
            member_id: e.member_id.to_string(),
            display_name: e.display_name,
            context: e.context,
        })
        .collect();
    out.item_ids = v.items.iter().map(|i| i.id.to_string()).collect();
    out
}

/// Deletes a lesson for good (its author or the node's stewards); it leaves the search.
#[utoipa::path(delete, path = "/api/v1/lessons/{id}", tag = "organizing", params(("id" = String, Path, description = "lesson id")),
    responses((status = 204, description = "deleted"), (status = 403, description = "neither its author nor a steward"), (status = 404, description = "not visible")))]
pub(crate) async fn delete_lesson(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    organizing::delete_lesson(&state.ctx, &me, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A lesson, for those who may see it.
#[utoipa::path(get, path = "/api/v1/lessons/{id}", tag = "organizing", params(("id" = String, Path, description = "lesson id")),
    responses((status = 200, body = LessonResponse), (status = 404, description = "not visible")))]
pub(crate) async fn get_lesson(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
) -> Result<Json<LessonResponse>, ApiError> {
    Ok(Json(lesson(
        organizing::view_lesson(&state.ctx, &me, &id).await?,
    )))
}

/// A page of a node's lessons.
#[derive(Serialize, ToSchema)]
pub(crate) struct LessonList {
    lessons: Vec<LessonResponse>,
    /// Pass as `after` for the next page.
    next: Option<String>,
}

/// A node's lessons the caller may see, newest first, a page at a time.
#[utoipa::path(get, path = "/api/v1/lessons", tag = "organizing", params(NodeQuery),
    responses((status = 200, body = LessonList), (status = 404, description = "no such node")))]
pub(crate) async fn list_lessons(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Query(q): Query<NodeQuery>,
) -> Result<Json<LessonList>, ApiError> {
    let (place, lessons, next) =
        organizing::node_lessons(&state.ctx, &me, &q.node, q.after.as_deref()).await?;
    Ok(Json(LessonList {
        lessons: lessons
            .iter()
            .map(|l| lesson_summary(l, place.node.fields.slug.clone()))
            .collect(),
        next,
    }))
}

/// A lesson's new standing.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LessonMoveRequest {
    status: String,
    reach: String,
}

/// Moves a lesson one step and sets how far it is shared (the node's stewards).
#[utoipa::path(post, path = "/api/v1/lessons/{id}/status", tag = "organizing", params(("id" = String, Path, description = "lesson id")), request_body = LessonMoveRequest,
    responses((status = 204, description = "moved"), (status = 403, description = "not a steward"), (status = 404, description = "not visible"), (status = 422, description = "not one step, named")))]
pub(crate) async fn move_lesson(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<LessonMoveRequest>,
) -> Result<StatusCode, ApiError> {
    organizing::move_lesson(&state.ctx, &me, &id, &r.status, &r.reach).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An endorsement.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct EndorseRequest {
    /// Where it worked for the caller too.
    context: String,
}

/// Endorses a lesson with the caller's own context.
#[utoipa::path(post, path = "/api/v1/lessons/{id}/endorsements", tag = "organizing", params(("id" = String, Path, description = "lesson id")), request_body = EndorseRequest,
    responses((status = 204, description = "endorsed"), (status = 404, description = "not visible"), (status = 422, description = "context missing")))]
pub(crate) async fn endorse(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<EndorseRequest>,
) -> Result<StatusCode, ApiError> {
    organizing::endorse(&state.ctx, &me, &id, &r.context).await?;
    Ok(StatusCode::NO_CONTENT)
}
