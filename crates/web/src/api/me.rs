//! `GET /api/v1/me` and `PATCH /api/v1/me/profile`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use praxis_app::accounts::{self, MemberExport};
use praxis_app::markdown::render_markdown;
use praxis_app::profiles::ProfileView;

use crate::api::rfc3339;
use praxis_app::profiles::{self, viewer_of};
use praxis_domain::members::profile::RawProfileChanges;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::members::{PracticeLevel, ProfileResponse};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember};
use crate::state::AppState;

/// The caller's own account and profile.
#[derive(Serialize, ToSchema)]
pub(crate) struct MeResponse {
    id: String,
    email: String,
    display_name: String,
    is_admin: bool,
    /// Interface language (`en`, `ar`), if chosen.
    language: Option<String>,
    profile: ProfileResponse,
}

/// Availability changes; absent fields stay as they are.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AvailabilityRequest {
    coach: Option<bool>,
    mentor: Option<bool>,
    /// 0–20.
    capacity: Option<i64>,
}

/// Profile changes; absent fields stay as they are.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProfileChangesRequest {
    display_name: Option<String>,
    /// Markdown, up to 4,000 characters.
    bio: Option<String>,
    /// Any of `organizer`, `educator`, `researcher`.
    roles: Option<Vec<String>>,
    practices: Option<Vec<PracticeLevel>>,
    domains: Option<Vec<String>>,
    regions: Option<Vec<String>>,
    /// Language codes such as `ar`, `sr-Latn`.
    languages: Option<Vec<String>>,
    /// IANA name such as `Asia/Amman`; an empty string clears it.
    time_zone: Option<String>,
    availability: Option<AvailabilityRequest>,
    /// `public`, `members` or `private`.
    visibility: Option<String>,
}

impl From<ProfileChangesRequest> for RawProfileChanges {
    fn from(r: ProfileChangesRequest) -> Self {
        let availability = r.availability.unwrap_or(AvailabilityRequest {
            coach: None,
            mentor: None,
            capacity: None,
        });
        RawProfileChanges {
            display_name: r.display_name,
            bio: r.bio,
            roles: r.roles,
            practices: r
                .practices
                .map(|ps| ps.into_iter().map(|p| (p.practice, p.level)).collect()),
            domains: r.domains,
            regions: r.regions,
            languages: r.languages,
            time_zone: r.time_zone,
            available_to_coach: availability.coach,
            available_to_mentor: availability.mentor,
            capacity: availability.capacity,
            visibility: r.visibility,
        }
    }
}

/// The caller's account and profile.
#[utoipa::path(get, path = "/api/v1/me", tag = "me",
    responses((status = 200, body = MeResponse), (status = 401, description = "not signed in")),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn get_me(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
) -> Result<Json<MeResponse>, ApiError> {
    let view = profiles::view_profile(&state.ctx, viewer_of(Some(&me)), me.id).await?;
    Ok(Json(MeResponse {
        id: me.id.to_string(),
        email: me.email.as_str().to_owned(),
        display_name: me.display_name.clone(),
        is_admin: me.is_admin,
        language: me.locale.map(|l| l.code().to_owned()),
        profile: ProfileResponse::from_view(view, true),
    }))
}

/// Changes the caller's profile. Every invalid field is named; nothing changes unless all
/// are valid.
#[utoipa::path(patch, path = "/api/v1/me/profile", tag = "me", request_body = ProfileChangesRequest,
    responses((status = 200, body = ProfileResponse), (status = 400, description = "malformed JSON"),
        (status = 401, description = "not signed in"), (status = 422, description = "invalid fields")),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn update_my_profile(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(request): ApiJson<ProfileChangesRequest>,
) -> Result<Json<ProfileResponse>, ApiError> {
    let view = profiles::update_profile(&state.ctx, &me, request.into()).await?;
    Ok(Json(ProfileResponse::from_view(view, true)))
}

/// Everything Praxis keeps about the caller.
#[derive(Serialize, ToSchema)]
pub(crate) struct ExportResponse {
    id: String,
    email: String,
    email_verified: bool,
    is_admin: bool,
    language: Option<String>,
    joined_at: String,
    profile: ProfileResponse,
    tokens: Vec<crate::api::tokens::TokenResponse>,
    /// The library items they published, with their text.
    library_items: Vec<crate::api::library::ItemResponse>,
    /// The commitments they asked for or were asked for.
    commitments: Vec<crate::api::commitments::CommitmentResponse>,
    /// The one-on-ones they logged.
    one_on_ones: Vec<crate::api::narratives::OneOnOneResponse>,
    /// The stories they tell, with every telling.
    narratives: Vec<crate::api::narratives::NarrativeExport>,
}

impl ExportResponse {
    pub(crate) fn from_export(export: MemberExport) -> Self {
        let MemberExport {
            member,
            tokens,
            nodes,
            items,
            commitments,
            one_on_ones,
            narratives,
        } = export;
        let id = member.account.id;
        let view = ProfileView {
            id,
            bio_html: render_markdown(&member.profile.bio),
            is_own: true,
            profile: member.profile,
            joined: member.created_at,
            nodes,
        };
        Self {
            id: id.to_string(),
            email: member.account.email.as_str().to_owned(),
            email_verified: member.account.email_verified,
            is_admin: member.account.is_admin,
            language: member.account.ui_language,
            joined_at: rfc3339(member.created_at),
            profile: ProfileResponse::from_view(view, true),
            tokens: tokens
                .into_iter()
                .map(crate::api::tokens::TokenResponse::from_info)
                .collect(),
            library_items: items
                .into_iter()
                .map(|i| crate::api::library::ItemResponse::from_record(i, true))
                .collect(),
            commitments: commitments
                .into_iter()
                .map(crate::api::commitments::CommitmentResponse::from_record)
                .collect(),
            one_on_ones: one_on_ones
                .into_iter()
                .map(crate::api::narratives::one_on_one)
                .collect(),
            narratives: narratives
                .into_iter()
                .map(|(n, v)| crate::api::narratives::NarrativeExport::new(&n, v))
                .collect(),
        }
    }
}

/// Downloads everything Praxis keeps about the caller.
#[utoipa::path(get, path = "/api/v1/me/export", tag = "me",
    responses((status = 200, body = ExportResponse), (status = 401, description = "not signed in")))]
pub(crate) async fn export_my_data(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
) -> Result<Json<ExportResponse>, ApiError> {
    let export = accounts::export_account(&state.ctx, &me).await?;
    Ok(Json(ExportResponse::from_export(export)))
}

/// The password that confirms a deletion.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeleteAccountRequest {
    password: String,
}

/// Deletes the caller's account and everything that is theirs.
#[utoipa::path(delete, path = "/api/v1/me", tag = "me", request_body = DeleteAccountRequest,
    responses((status = 204, description = "deleted"), (status = 422, description = "wrong password")))]
pub(crate) async fn delete_me(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(request): ApiJson<DeleteAccountRequest>,
) -> Result<StatusCode, ApiError> {
    accounts::delete_account(&state.ctx, &me, &request.password).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The caller's reminder mail setting.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RemindersBody {
    /// Mail a reminder when a commitment agreed to or a one-on-one follow-up comes due.
    reminders: bool,
}

/// Whether the caller gets reminder mail.
#[utoipa::path(get, path = "/api/v1/me/reminders", tag = "me", responses((status = 200, body = RemindersBody)))]
pub(crate) async fn get_reminders(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
) -> Result<Json<RemindersBody>, ApiError> {
    Ok(Json(RemindersBody {
        reminders: praxis_app::commitments::reminders_on(&state.ctx, &me).await?,
    }))
}

/// Turns the caller's reminder mail on or off.
#[utoipa::path(put, path = "/api/v1/me/reminders", tag = "me", request_body = RemindersBody,
    responses((status = 200, body = RemindersBody), (status = 400, description = "not a boolean, named")))]
pub(crate) async fn set_reminders(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(body): ApiJson<RemindersBody>,
) -> Result<Json<RemindersBody>, ApiError> {
    praxis_app::commitments::set_reminders(&state.ctx, &me, body.reminders).await?;
    Ok(Json(body))
}
