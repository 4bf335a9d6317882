//! `/api/v1/workshops`: workshops, their sessions and staff, with the same rules as the pages.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use praxis_app::workshops::{self, SessionRecord, WorkshopRecord, WorkshopView};
use praxis_domain::ids::{LogId, SessionId, WorkshopId};
use praxis_domain::workshops::{RawSessionFields, RawWorkshopFields};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember, Key, Path, RequestInfo};
use crate::state::AppState;

/// A workshop.
#[derive(Serialize, ToSchema)]
pub(crate) struct WorkshopResponse {
    id: String,
    title: String,
    description: String,
    /// Practice codes.
    modules: Vec<String>,
    languages: Vec<String>,
    /// `online`, `in_person` or `hybrid`.
    format: String,
    place: String,
    time_zone: String,
    participant_capacity: u32,
    coach_capacity: u32,
    applications_open: Option<String>,
    applications_close: Option<String>,
    /// `public`, `members` or `node`.
    scope: String,
    node_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sessions: Option<Vec<SessionResponse>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    staff: Option<Vec<StaffResponse>>,
}

/// A session.
#[derive(Serialize, ToSchema)]
pub(crate) struct SessionResponse {
    id: String,
    /// YYYY-MM-DD in the workshop's time zone.
    date: String,
    /// HH:MM in the workshop's time zone.
    start: String,
    duration_minutes: u32,
    module: Option<String>,
    location: String,
}

/// A member of the staff.
#[derive(Serialize, ToSchema)]
pub(crate) struct StaffResponse {
    member_id: String,
    display_name: String,
    /// `lead_trainer`, `trainer`, `coach`, `meta_coach` or `coordinator`.
    role: String,
}

impl SessionResponse {
    fn from_record(s: SessionRecord) -> Self {
        Self {
            id: s.id.to_string(),
            date: s.fields.date,
            start: s.fields.start,
            duration_minutes: s.fields.duration_minutes,
            module: s.fields.module.map(|m| m.code().to_owned()),
            location: s.fields.location,
        }
    }
}

impl WorkshopResponse {
    fn from_record(w: WorkshopRecord) -> Self {
        let f = w.fields;
        Self {
            id: w.id.to_string(),
            title: f.title,
            description: f.description,
            modules: f.modules.iter().map(|m| m.code().to_owned()).collect(),
            languages: f.languages,
            format: f.format.code().to_owned(),
            place: f.place,
            time_zone: f.time_zone,
            participant_capacity: f.participant_capacity,
            coach_capacity: f.coach_capacity,
            applications_open: f.applications_open,
            applications_close: f.applications_close,
            scope: f.scope.code().to_owned(),
            node_id: w.node_id.map(|n| n.to_string()),
            sessions: None,
            staff: None,
        }
    }

    fn from_view(v: WorkshopView) -> Self {
        let sessions = v
            .sessions
            .into_iter()
            .map(SessionResponse::from_record)
            .collect();
        let staff = v
            .staff
            .into_iter()
            .map(|s| StaffResponse {
                member_id: s.member_id.to_string(),
                display_name: s.display_name,
                role: s.role.code().to_owned(),
            })
            .collect();
        let mut r = Self::from_record(v.workshop);
        r.sessions = Some(sessions);
        r.staff = Some(staff);
        r
    }
}

/// Filters for the list.
#[derive(Deserialize, IntoParams)]
pub(crate) struct WorkshopParams {
    /// Only workshops of this node (id or slug).
    node: Option<String>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Page size, 1–100 (default 30).
    limit: Option<u32>,
}

/// A page of workshops.
#[derive(Serialize, ToSchema)]
pub(crate) struct WorkshopListResponse {
    items: Vec<WorkshopResponse>,
    next_cursor: Option<String>,
}

/// The workshops the caller may see, newest first.
#[utoipa::path(get, path = "/api/v1/workshops", tag = "workshops", params(WorkshopParams),
    responses((status = 200, body = WorkshopListResponse)))]
pub(crate) async fn list_workshops(
    State(state): State<AppState>,
    info: RequestInfo,
    Query(p): Query<WorkshopParams>,
) -> Result<Json<WorkshopListResponse>, ApiError> {
    let (list, next_cursor) = workshops::list_workshops_page(
        &state.ctx,
        info.member.as_ref(),
        p.node.as_deref(),
        p.cursor.as_deref(),
        p.limit.unwrap_or(30),
    )
    .await?;
    Ok(Json(WorkshopListResponse {
        items: list
            .into_iter()
            .map(WorkshopResponse::from_record)
            .collect(),
        next_cursor,
    }))
}

/// A workshop's fields. On update, absent fields keep their values.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct WorkshopRequest {
    title: Option<String>,
    description: Option<String>,
    modules: Option<Vec<String>>,
    languages: Option<Vec<String>>,
    format: Option<String>,
    place: Option<String>,
    time_zone: Option<String>,
    participant_capacity: Option<u32>,
    coach_capacity: Option<u32>,
    applications_open: Option<String>,
    applications_close: Option<String>,
    scope: Option<String>,
    /// The node (id or slug); the caller must belong to it. Empty for none.
    node: Option<String>,
}

impl WorkshopRequest {
    fn over(self, base: RawWorkshopFields) -> RawWorkshopFields {
        RawWorkshopFields {
            title: self.title.unwrap_or(base.title),
            description: self.description.unwrap_or(base.description),
            modules: self.modules.unwrap_or(base.modules),
            languages: self.languages.unwrap_or(base.languages),
            format: self.format.unwrap_or(base.format),
            place: self.place.unwrap_or(base.place),
            time_zone: self.time_zone.unwrap_or(base.time_zone),
            participant_capacity: self
                .participant_capacity
                .map_or(base.participant_capacity, |n| n.to_string()),
            coach_capacity: self
                .coach_capacity
                .map_or(base.coach_capacity, |n| n.to_string()),
            applications_open: self.applications_open.unwrap_or(base.applications_open),
            applications_close: self.applications_close.unwrap_or(base.applications_close),
            scope: self.scope.unwrap_or(base.scope),
        }
    }
}

fn raw_of(w: &WorkshopRecord) -> RawWorkshopFields {
    let f = &w.fields;
    RawWorkshopFields {
        title: f.title.clone(),
        description: f.description.clone(),
        modules: f.modules.iter().map(|m| m.code().to_owned()).collect(),
        languages: f.languages.clone(),
        format: f.format.code().to_owned(),
        place: f.place.clone(),
        time_zone: f.time_zone.clone(),
        participant_capacity: f.participant_capacity.to_string(),
        coach_capacity: f.coach_capacity.to_string(),
        applications_open: f.applications_open.clone().unwrap_or_default(),
        applications_close: f.applications_close.clone().unwrap_or_default(),
        scope: f.scope.code().to_owned(),
    }
}

/// Creates a workshop; the caller becomes its lead trainer.
#[utoipa::path(post, path = "/api/v1/workshops", tag = "workshops", request_body = WorkshopRequest,
    responses((status = 201, body = WorkshopResponse), (status = 403, description = "may not create workshops"),
        (status = 422, description = "invalid fields, named")))]
pub(crate) async fn create_workshop(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(req): ApiJson<WorkshopRequest>,
) -> Result<Response, ApiError> {
    let node = req.node.clone();
    let base = RawWorkshopFields {
        format: "online".into(),
        scope: "members".into(),
        ..RawWorkshopFields::default()
    };
    let w = workshops::create_workshop(&state.ctx, &me, req.over(base), node.as_deref()).await?;
    Ok((StatusCode::CREATED, Json(WorkshopResponse::from_record(w))).into_response())
}

/// One workshop with its sessions and staff.
#[utoipa::path(get, path = "/api/v1/workshops/{id}", tag = "workshops", params(("id" = String, Path, description = "workshop id")),
    responses((status = 200, body = WorkshopResponse), (status = 404, description = "no such workshop, or not visible")))]
pub(crate) async fn get_workshop(
    State(state): State<AppState>,
    info: RequestInfo,
    Path(Key(id)): Path<Key<WorkshopId>>,
) -> Result<Json<WorkshopResponse>, ApiError> {
    let view = workshops::view_workshop(&state.ctx, info.member.as_ref(), id).await?;
    Ok(Json(WorkshopResponse::from_view(view)))
}

/// Changes a workshop.
#[utoipa::path(patch, path = "/api/v1/workshops/{id}", tag = "workshops", params(("id" = String, Path, description = "workshop id")),
    request_body = WorkshopRequest,
    responses((status = 200, body = WorkshopResponse), (status = 403, description = "not on its managing staff"),
        (status = 422, description = "invalid fields, named")))]
pub(crate) async fn update_workshop(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
    ApiJson(req): ApiJson<WorkshopRequest>,
) -> Result<Json<WorkshopResponse>, ApiError> {
    let view = workshops::view_workshop(&state.ctx, Some(&me), id).await?;
    let node = req
        .node
        .clone()
        .or_else(|| view.workshop.node_id.map(|n| n.to_string()));
    let raw = req.over(raw_of(&view.workshop));
    let w = workshops::edit_workshop(&state.ctx, &me, id, raw, node.as_deref()).await?;
    Ok(Json(WorkshopResponse::from_record(w)))
}

/// A new session.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SessionRequest {
    /// YYYY-MM-DD in the workshop's time zone.
    date: String,
    /// HH:MM in the workshop's time zone.
    start: String,
    duration_minutes: u32,
    #[serde(default)]
    module: String,
    #[serde(default)]
    location: String,
}

/// The workshop's sessions in time order.
#[utoipa::path(get, path = "/api/v1/workshops/{id}/sessions", tag = "workshops", params(("id" = String, Path, description = "workshop id")),
    responses((status = 200, body = [SessionResponse])))]
pub(crate) async fn list_sessions(
    State(state): State<AppState>,
    info: RequestInfo,
    Path(Key(id)): Path<Key<WorkshopId>>,
) -> Result<Json<Vec<SessionResponse>>, ApiError> {
    let view = workshops::view_workshop(&state.ctx, info.member.as_ref(), id).await?;
    Ok(Json(
        view.sessions
            .into_iter()
            .map(SessionResponse::from_record)
            .collect(),
    ))
}

/// Adds a session.
#[utoipa::path(post, path = "/api/v1/workshops/{id}/sessions", tag = "workshops", params(("id" = String, Path, description = "workshop id")),
    request_body = SessionRequest,
    responses((status = 201, body = SessionResponse), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn add_session(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
    ApiJson(req): ApiJson<SessionRequest>,
) -> Result<Response, ApiError> {
    let raw = RawSessionFields {
        date: req.date,
        start: req.start,
        duration_minutes: req.duration_minutes.to_string(),
        module: req.module,
        location: req.location,
    };
    let s = workshops::add_session(&state.ctx, &me, id, raw).await?;
    Ok((StatusCode::CREATED, Json(SessionResponse::from_record(s))).into_response())
}

/// Removes a session.
#[utoipa::path(delete, path = "/api/v1/workshops/{id}/sessions/{session_id}", tag = "workshops",
    params(("id" = String, Path, description = "workshop id"), ("session_id" = String, Path, description = "session id")),
    responses((status = 204, description = "removed")))]
pub(crate) async fn remove_session(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((Key(id), Key(session))): Path<(Key<WorkshopId>, Key<SessionId>)>,
) -> Result<StatusCode, ApiError> {
    workshops::remove_session(&state.ctx, &me, id, session).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A staff role to give.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct StaffRequest {
    member_id: String,
    /// `lead_trainer`, `trainer`, `coach`, `meta_coach` or `coordinator`.
    role: String,
}

/// Gives a member a staff role.
#[utoipa::path(post, path = "/api/v1/workshops/{id}/staff", tag = "workshops", params(("id" = String, Path, description = "workshop id")),
    request_body = StaffRequest,
    responses((status = 204, description = "given"), (status = 422, description = "unknown member or role")))]
pub(crate) async fn add_staff(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
    ApiJson(req): ApiJson<StaffRequest>,
) -> Result<StatusCode, ApiError> {
    workshops::add_staff(&state.ctx, &me, id, &req.member_id, &req.role).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A team.
#[derive(Serialize, ToSchema)]
pub(crate) struct TeamResponse {
    id: String,
    position: i64,
    language: String,
    coach: Option<String>,
    co_coach: Option<String>,
    published: bool,
    members: Vec<TeamMemberResponse>,
}

/// A member of a team.
#[derive(Serialize, ToSchema)]
pub(crate) struct TeamMemberResponse {
    member_id: String,
    display_name: String,
    /// Why the engine placed them (codes such as `language:ar`, `time:-60`, `region:Amman`);
    /// only the trainers see other members' reasons.
    reasons: Vec<String>,
}

/// The teams: all of them for the managing staff, the caller's published team for others.
#[utoipa::path(get, path = "/api/v1/workshops/{id}/teams", tag = "workshops", params(("id" = String, Path, description = "workshop id")),
    responses((status = 200, body = [TeamResponse])))]
pub(crate) async fn list_teams(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
) -> Result<Json<Vec<TeamResponse>>, ApiError> {
    let (_, teams, _) = praxis_app::teams::teams(&state.ctx, &me, id).await?;
    Ok(Json(
        teams
            .into_iter()
            .map(|t| TeamResponse {
                id: t.id.to_string(),
                position: t.position,
                language: t.language,
                coach: t.coach.map(|(_, n)| n),
                co_coach: t.co_coach.map(|(_, n)| n),
                published: t.published,
                members: t
                    .members
                    .into_iter()
                    .map(|m| TeamMemberResponse {
                        member_id: m.id.to_string(),
                        display_name: m.display_name,
                        reasons: m.reasons.lines().map(str::to_owned).collect(),
                    })
                    .collect(),
            })
            .collect(),
    ))
}

/// How to form teams (every field optional).
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProposeRequest {
    min_size: Option<u32>,
    max_size: Option<u32>,
    window_hours: Option<u32>,
    /// `split` (default) or `together`.
    colleagues: Option<String>,
    #[serde(default)]
    pair_new_coaches: bool,
    seed: Option<u32>,
}

/// A proposal.
#[derive(Serialize, ToSchema)]
pub(crate) struct ProposeResponse {
    teams: usize,
    objective: i64,
}

/// Proposes teams from the accepted participants and coaches (replacing the draft). When the
/// constraints cannot be met: 422 with `problems`, each naming whom it concerns.
#[utoipa::path(post, path = "/api/v1/workshops/{id}/teams", tag = "workshops", params(("id" = String, Path, description = "workshop id")),
    request_body = ProposeRequest,
    responses((status = 201, body = ProposeResponse), (status = 409, description = "teams are published"),
        (status = 422, description = "infeasible: `problems` lists why")))]
pub(crate) async fn propose_teams(
    State(state): State<AppState>,
    info: RequestInfo,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
    ApiJson(req): ApiJson<ProposeRequest>,
) -> Result<Response, ApiError> {
    let text = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let raw = praxis_app::teams::RawTeamOptions {
        min_size: text(req.min_size),
        max_size: text(req.max_size),
        window_hours: text(req.window_hours),
        colleagues: req.colleagues.unwrap_or_default(),
        pair_new_coaches: req.pair_new_coaches,
        seed: text(req.seed),
    };
    match praxis_app::teams::propose(&state.ctx, &me, id, &raw).await? {
        praxis_app::teams::ProposalOutcome::Proposed { teams, objective } => Ok((
            StatusCode::CREATED,
            Json(ProposeResponse { teams, objective }),
        )
            .into_response()),
        praxis_app::teams::ProposalOutcome::Infeasible(problems) => {
            let t = &state.ctx.translator();
            let message = t.t(info.locale, "error-infeasible");
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(serde_json::json!({
                    "error": {"code": "infeasible", "message": message, "fields": {"teams": message}},
                    "problems": problems,
                })),
            )
                .into_response())
        }
    }
}

/// Publishes the teams to their members.
#[utoipa::path(post, path = "/api/v1/workshops/{id}/teams/publish", tag = "workshops", params(("id" = String, Path, description = "workshop id")),
    responses((status = 204, description = "published"), (status = 422, description = "no teams")))]
pub(crate) async fn publish_teams(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
) -> Result<StatusCode, ApiError> {
    praxis_app::teams::publish(&state.ctx, &me, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Who was present at a session.
#[derive(Serialize, ToSchema)]
pub(crate) struct AttendanceEntry {
    member_id: String,
    display_name: String,
    present: bool,
}

/// The session's roster as the caller may mark it (staff; a coach sees their team).
#[utoipa::path(get, path = "/api/v1/workshops/{id}/sessions/{session_id}/attendance", tag = "workshops",
    params(("id" = String, Path, description = "workshop id"), ("session_id" = String, Path, description = "session id")),
    responses((status = 200, body = [AttendanceEntry]), (status = 403, description = "not on the staff")))]
pub(crate) async fn get_attendance(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((Key(id), Key(session))): Path<(Key<WorkshopId>, Key<SessionId>)>,
) -> Result<Json<Vec<AttendanceEntry>>, ApiError> {
    let (_, _, people) = praxis_app::coaching::roster(&state.ctx, &me, id, session).await?;
    Ok(Json(
        people
            .into_iter()
            .map(|(member, display_name, present)| AttendanceEntry {
                member_id: member.to_string(),
                display_name,
                present,
            })
            .collect(),
    ))
}

/// Who came.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AttendanceRequest {
    /// The members present; everyone else in the roster is marked absent.
    present: Vec<String>,
}

/// Records a session's attendance.
#[utoipa::path(put, path = "/api/v1/workshops/{id}/sessions/{session_id}/attendance", tag = "workshops",
    params(("id" = String, Path, description = "workshop id"), ("session_id" = String, Path, description = "session id")),
    request_body = AttendanceRequest,
    responses((status = 204, description = "recorded"), (status = 422, description = "someone outside the roster")))]
pub(crate) async fn put_attendance(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((Key(id), Key(session))): Path<(Key<WorkshopId>, Key<SessionId>)>,
    ApiJson(req): ApiJson<AttendanceRequest>,
) -> Result<StatusCode, ApiError> {
    praxis_app::coaching::record_attendance(&state.ctx, &me, id, session, &req.present).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A coaching log, as much of it as the caller may read.
#[derive(Serialize, ToSchema)]
pub(crate) struct LogResponse {
    id: String,
    /// The participant it is about (absent for a team log).
    subject_id: Option<String>,
    /// The team it is about (absent for a participant's log).
    team_id: Option<String>,
    subject_name: String,
    /// `heart`, `hands` or `head`.
    challenge: String,
    observation: String,
    diagnosis: String,
    intervention: String,
    debrief: String,
    next_steps: String,
    next_check_in: Option<String>,
    shared_note: String,
    /// Only for its author and the lead trainers, when asking for this one log; each such read
    /// is recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    private_note: Option<String>,
    created_at: String,
}

impl LogResponse {
    fn from_record(l: praxis_app::coaching::LogRecord, with_private: bool) -> Self {
        let f = l.fields;
        Self {
            id: l.id.to_string(),
            subject_id: l.subject_id.map(|m| m.to_string()),
            team_id: l.team_id.map(|t| t.to_string()),
            subject_name: l.subject_name,
            challenge: f.challenge.code().to_owned(),
            observation: f.observation,
            diagnosis: f.diagnosis,
            intervention: f.intervention,
            debrief: f.debrief,
            next_steps: f.next_steps,
            next_check_in: f.next_check_in,
            shared_note: f.shared_note,
            private_note: with_private.then_some(f.private_note),
            created_at: crate::api::rfc3339(l.created_at),
        }
    }
}

/// The logs the caller may read (staff: all, without private notes; a participant: the shared
/// parts of their own).
#[utoipa::path(get, path = "/api/v1/workshops/{id}/logs", tag = "workshops", params(("id" = String, Path, description = "workshop id")),
    responses((status = 200, body = [LogResponse])))]
pub(crate) async fn list_logs(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
) -> Result<Json<Vec<LogResponse>>, ApiError> {
    let (logs, _) = praxis_app::coaching::logs(&state.ctx, &me, id).await?;
    Ok(Json(
        logs.into_iter()
            .map(|l| LogResponse::from_record(l, false))
            .collect(),
    ))
}

/// A new coaching log.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LogRequest {
    /// A participant's id, or `team:<team id>`.
    subject_id: String,
    session_id: Option<String>,
    challenge: String,
    #[serde(default)]
    observation: String,
    #[serde(default)]
    diagnosis: String,
    #[serde(default)]
    intervention: String,
    #[serde(default)]
    debrief: String,
    #[serde(default)]
    next_steps: String,
    #[serde(default)]
    next_check_in: String,
    #[serde(default)]
    shared_note: String,
    #[serde(default)]
    private_note: String,
}

/// The new log's id.
#[derive(Serialize, ToSchema)]
pub(crate) struct LogCreated {
    id: String,
}

/// Writes a coaching log (staff and coaches, about someone in their reach).
#[utoipa::path(post, path = "/api/v1/workshops/{id}/logs", tag = "workshops", params(("id" = String, Path, description = "workshop id")),
    request_body = LogRequest,
    responses((status = 201, body = LogCreated), (status = 403, description = "not on the staff"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn write_log(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
    ApiJson(req): ApiJson<LogRequest>,
) -> Result<Response, ApiError> {
    let raw = praxis_domain::coaching::RawLog {
        challenge: req.challenge,
        observation: req.observation,
        diagnosis: req.diagnosis,
        intervention: req.intervention,
        debrief: req.debrief,
        next_steps: req.next_steps,
        next_check_in: req.next_check_in,
        shared_note: req.shared_note,
        private_note: req.private_note,
    };
    let log = praxis_app::coaching::write_log(
        &state.ctx,
        &me,
        id,
        &req.subject_id,
        req.session_id.as_deref(),
        raw,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(LogCreated {
            id: log.to_string(),
        }),
    )
        .into_response())
}

/// One log; its private note only for its author and the lead trainers (and the read is
/// recorded).
#[utoipa::path(get, path = "/api/v1/workshops/{id}/logs/{log_id}", tag = "workshops",
    params(("id" = String, Path, description = "workshop id"), ("log_id" = String, Path, description = "log id")),
    responses((status = 200, body = LogResponse), (status = 404, description = "no such log, or not for the caller")))]
pub(crate) async fn get_log(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((Key(id), Key(log))): Path<(Key<WorkshopId>, Key<LogId>)>,
) -> Result<Json<LogResponse>, ApiError> {
    let (log, access, _) = praxis_app::coaching::log(&state.ctx, &me, id, log).await?;
    Ok(Json(LogResponse::from_record(
        log,
        access == praxis_domain::coaching::LogAccess::Full,
    )))
}

/// A CSV export for the managing staff: `applications` (with answers), `teams` or
/// `attendance`; cells are defused against spreadsheet formulas.
#[utoipa::path(get, path = "/api/v1/workshops/{id}/export/{what}", tag = "workshops",
    params(("id" = String, Path, description = "workshop id"), ("what" = String, Path, description = "applications, teams or attendance")),
    responses((status = 200, description = "text/csv"), (status = 403, description = "not on the managing staff")))]
pub(crate) async fn export(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((Key(id), what)): Path<(Key<WorkshopId>, String)>,
) -> Result<Response, ApiError> {
    let (name, csv) = praxis_app::workshop_exports::export(&state.ctx, &me, id, &what).await?;
    Ok(crate::api::rosters::csv_download(&name, csv))
}
