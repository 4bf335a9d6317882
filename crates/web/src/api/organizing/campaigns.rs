//! `/api/v1/campaigns`: strategy, actor map, timeline, export.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use praxis_app::organizing::{self, CampaignRecord, CampaignView, ReflectionRecord};
use praxis_domain::campaigns::progress;
use praxis_domain::ids::{CampaignId, PhaseId};
use praxis_domain::organizing::{CampaignFields, RawCampaignFields};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Created, NodeQuery, created};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember, Key, Path};
use crate::state::AppState;

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
    Path(Key(id)): Path<Key<CampaignId>>,
    ApiJson(r): ApiJson<CampaignRequest>,
) -> Result<StatusCode, ApiError> {
    organizing::update_campaign(&state.ctx, &me, id, r.raw()).await?;
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

pub(super) fn summary(c: &CampaignRecord) -> CampaignSummary {
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

pub(super) fn reflection(r: ReflectionRecord) -> ReflectionResponse {
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

pub(super) fn campaign(v: CampaignView) -> CampaignResponse {
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
    Path(Key(id)): Path<Key<CampaignId>>,
) -> Result<StatusCode, ApiError> {
    organizing::delete_campaign(&state.ctx, &me, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A campaign, for those who may see it.
#[utoipa::path(get, path = "/api/v1/campaigns/{id}", tag = "organizing", params(("id" = String, Path, description = "campaign id")),
    responses((status = 200, body = CampaignResponse), (status = 404, description = "not visible")))]
pub(crate) async fn get_campaign(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<CampaignId>>,
) -> Result<Json<CampaignResponse>, ApiError> {
    Ok(Json(campaign(
        organizing::view_campaign(&state.ctx, &me, id).await?,
    )))
}

/// The campaign with its reflections, as a JSON document to download.
#[utoipa::path(get, path = "/api/v1/campaigns/{id}/export", tag = "organizing", params(("id" = String, Path, description = "campaign id")),
    responses((status = 200, body = CampaignResponse), (status = 404, description = "not visible")))]
pub(crate) async fn export_campaign(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<CampaignId>>,
) -> Result<Response, ApiError> {
    let v = organizing::view_campaign(&state.ctx, &me, id).await?;
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
    Path(Key(id)): Path<Key<CampaignId>>,
    ApiJson(a): ApiJson<ActorBody>,
) -> Result<StatusCode, ApiError> {
    organizing::add_actor(
        &state.ctx,
        &me,
        id,
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

pub(super) fn number_text(v: Option<&serde_json::Value>) -> String {
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
    Path(Key(id)): Path<Key<CampaignId>>,
    ApiJson(p): ApiJson<PhaseRequest>,
) -> Result<StatusCode, ApiError> {
    organizing::add_phase(
        &state.ctx,
        &me,
        id,
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
    Path((Key(id), Key(phase))): Path<(Key<CampaignId>, Key<PhaseId>)>,
    ApiJson(r): ApiJson<ActualRequest>,
) -> Result<StatusCode, ApiError> {
    organizing::set_actual(&state.ctx, &me, id, phase, &number_text(r.actual.as_ref())).await?;
    Ok(StatusCode::NO_CONTENT)
}
