//! `GET /api/v1/members` and `GET /api/v1/members/{id}`: profiles as their visibility allows.

use axum::Json;
use axum::extract::{Query, State};
use praxis_app::AppError;
use praxis_app::profiles::{self, ProfileView, viewer_of};
use praxis_domain::ids::MemberId;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::rfc3339;
use crate::error::ApiError;
use crate::extract::{Path, RequestInfo};
use crate::state::AppState;

/// A practice with a self-assessed level.
#[derive(Serialize, Deserialize, ToSchema)]
pub(crate) struct PracticeLevel {
    /// One of `public_narrative`, `relationships`, `structure`, `strategy`, `action`, `coaching`.
    pub(crate) practice: String,
    /// 0 (new to it) to 5 (teaches it).
    pub(crate) level: i64,
}

/// Availability to coach or mentor.
#[derive(Serialize, ToSchema)]
pub(crate) struct AvailabilityResponse {
    coach: bool,
    mentor: bool,
    capacity: u8,
}

/// A member's profile, with only the fields the caller may see.
#[derive(Serialize, ToSchema)]
pub(crate) struct ProfileResponse {
    id: String,
    display_name: String,
    /// Markdown source (present when the caller views one profile).
    #[serde(skip_serializing_if = "Option::is_none")]
    bio: Option<String>,
    /// The bio rendered to sanitised HTML.
    #[serde(skip_serializing_if = "Option::is_none")]
    bio_html: Option<String>,
    roles: Vec<String>,
    practices: Vec<PracticeLevel>,
    domains: Vec<String>,
    regions: Vec<String>,
    languages: Vec<String>,
    time_zone: Option<String>,
    availability: AvailabilityResponse,
    /// `public`, `members` or `private` — shown to the profile's owner only.
    #[serde(skip_serializing_if = "Option::is_none")]
    visibility: Option<String>,
    /// When the member joined (one profile only).
    #[serde(skip_serializing_if = "Option::is_none")]
    joined_at: Option<String>,
    /// Nodes they belong to that the caller may see (one profile only; never nodes whose
    /// members are at risk).
    #[serde(skip_serializing_if = "Option::is_none")]
    nodes: Option<Vec<ProfileNode>>,
}

/// A node on a profile.
#[derive(Serialize, ToSchema)]
pub(crate) struct ProfileNode {
    id: String,
    slug: String,
    name: String,
}

impl ProfileResponse {
    pub(crate) fn from_view(view: ProfileView, detailed: bool) -> Self {
        let p = view.profile;
        Self {
            id: view.id.to_string(),
            display_name: p.display_name,
            bio: detailed.then_some(p.bio),
            bio_html: detailed.then_some(view.bio_html),
            roles: p.roles.iter().map(|r| r.code().to_owned()).collect(),
            practices: p
                .practices
                .iter()
                .map(|(practice, level)| PracticeLevel {
                    practice: practice.code().to_owned(),
                    level: i64::from(level.value()),
                })
                .collect(),
            domains: p.domains,
            regions: p.regions,
            languages: p.languages,
            time_zone: p.time_zone,
            availability: AvailabilityResponse {
                coach: p.availability.coach,
                mentor: p.availability.mentor,
                capacity: p.availability.capacity,
            },
            visibility: view.is_own.then(|| p.visibility.code().to_owned()),
            joined_at: detailed.then(|| rfc3339(view.joined)),
            nodes: detailed.then(|| {
                view.nodes
                    .iter()
                    .map(|n| ProfileNode {
                        id: n.id.to_string(),
                        slug: n.fields.slug.clone(),
                        name: n.fields.name.clone(),
                    })
                    .collect()
            }),
        }
    }
}

/// A page of profiles.
#[derive(Serialize, ToSchema)]
pub(crate) struct ProfileListResponse {
    items: Vec<ProfileResponse>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    next_cursor: Option<String>,
}

impl ProfileListResponse {
    pub(crate) fn new(items: Vec<ProfileResponse>, next_cursor: Option<String>) -> Self {
        Self { items, next_cursor }
    }
}

/// Paging parameters.
#[derive(Deserialize, IntoParams)]
pub(crate) struct ListQuery {
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Page size, 1–100 (default 30).
    limit: Option<u32>,
}

/// Lists the profiles the caller may see, by display name.
#[utoipa::path(get, path = "/api/v1/members", tag = "members", params(ListQuery),
    responses((status = 200, body = ProfileListResponse), (status = 400, description = "bad cursor")))]
pub(crate) async fn list_members(
    State(state): State<AppState>,
    info: RequestInfo,
    Query(q): Query<ListQuery>,
) -> Result<Json<ProfileListResponse>, ApiError> {
    let viewer = viewer_of(info.member.as_ref());
    let page = profiles::list_profiles(
        &state.ctx,
        viewer,
        q.cursor.as_deref(),
        q.limit.unwrap_or(30),
    )
    .await?;
    Ok(Json(ProfileListResponse {
        items: page
            .items
            .into_iter()
            .map(|v| ProfileResponse::from_view(v, false))
            .collect(),
        next_cursor: page.next_cursor,
    }))
}

/// One member's profile; 404 when it does not exist or the caller may not see it.
#[utoipa::path(get, path = "/api/v1/members/{id}", tag = "members",
    params(("id" = String, Path, description = "member id")),
    responses((status = 200, body = ProfileResponse), (status = 404, description = "no such profile visible to you")))]
pub(crate) async fn get_member(
    State(state): State<AppState>,
    info: RequestInfo,
    Path(id): Path<String>,
) -> Result<Json<ProfileResponse>, ApiError> {
    let id: MemberId = id.parse().map_err(|_| ApiError::App(AppError::NotFound))?;
    let view = profiles::view_profile(&state.ctx, viewer_of(info.member.as_ref()), id).await?;
    Ok(Json(ProfileResponse::from_view(view, true)))
}
