//! `GET /api/v1/directory`: find people by practice, role, domain, region, language,
//! availability and node.

use axum::Json;
use axum::extract::{Query, State};
use praxis_app::directory::{self, DirectoryQuery};
use praxis_app::organizations::{self, OrganizationQuery};
use praxis_domain::organizations::ContactVisibility;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::members::{ProfileListResponse, ProfileResponse};
use crate::api::organizations::OrganizationResponse;
use crate::error::ApiError;
use crate::extract::RequestInfo;
use crate::state::AppState;

/// Directory filters; every given filter must match.
#[derive(Deserialize, IntoParams, Default)]
pub(crate) struct DirectoryParams {
    /// Words to find in names, regions, domains and bios; each must begin a word.
    pub(crate) q: Option<String>,
    /// `public_narrative`, `relationships`, `structure`, `strategy`, `action` or `coaching`.
    pub(crate) practice: Option<String>,
    /// Lowest self-assessed level in `practice`, 0–5.
    pub(crate) min_level: Option<String>,
    /// `organizer`, `educator` or `researcher`.
    pub(crate) role: Option<String>,
    pub(crate) domain: Option<String>,
    pub(crate) region: Option<String>,
    /// A language code such as `ar`.
    pub(crate) language: Option<String>,
    /// `true` for people available to coach.
    pub(crate) coach: Option<String>,
    /// A node's id or slug (its members must be visible to you).
    pub(crate) node: Option<String>,
    /// The `next_cursor` of the previous page.
    pub(crate) cursor: Option<String>,
    /// Page size, 1–100 (default 30).
    pub(crate) limit: Option<u32>,
}

impl DirectoryParams {
    /// The use case's query; a level that is not a number is out of range.
    /// The organizations matching the same search, on a first page whose filters apply to
    /// organizations too (domain, region, words); `None` when a person-only filter is set.
    pub(crate) fn organization_query(&self) -> Option<OrganizationQuery> {
        let set = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.trim().is_empty());
        let person_only = set(&self.practice)
            || set(&self.role)
            || set(&self.language)
            || set(&self.node)
            || set(&self.cursor)
            || matches!(self.coach.as_deref(), Some("true" | "1" | "on" | "yes"));
        (!person_only).then(|| OrganizationQuery {
            region: self.region.clone(),
            domain: self.domain.clone(),
            text: self.q.clone(),
        })
    }

    pub(crate) fn to_query(&self) -> DirectoryQuery {
        DirectoryQuery {
            practice: self.practice.clone(),
            min_level: self
                .min_level
                .as_deref()
                .filter(|s| !s.trim().is_empty())
                .map(|s| s.trim().parse().unwrap_or(-1)),
            role: self.role.clone(),
            domain: self.domain.clone(),
            region: self.region.clone(),
            language: self.language.clone(),
            coach: matches!(self.coach.as_deref(), Some("true" | "1" | "on" | "yes")),
            node: self.node.clone(),
            text: self.q.clone(),
            cursor: self.cursor.clone(),
            limit: self.limit.unwrap_or(30),
        }
    }
}

/// People and organizations matching the filters.
#[derive(Serialize, ToSchema)]
pub(crate) struct DirectoryResponse {
    /// People by name, as each profile's visibility allows.
    #[serde(flatten)]
    people: ProfileListResponse,
    /// Organizations matching the domain, region and words (first page, and only when no
    /// person-only filter is set).
    organizations: Vec<OrganizationResponse>,
}

/// People matching the filters, by name, as each profile's visibility allows.
#[utoipa::path(get, path = "/api/v1/directory", tag = "members", params(DirectoryParams),
    responses((status = 200, body = DirectoryResponse), (status = 422, description = "unknown filter value")))]
pub(crate) async fn search_directory(
    State(state): State<AppState>,
    info: RequestInfo,
    Query(params): Query<DirectoryParams>,
) -> Result<Json<DirectoryResponse>, ApiError> {
    let page =
        directory::search_directory(&state.ctx, info.member.as_ref(), &params.to_query()).await?;
    let organizations = match params.organization_query() {
        Some(query) => organizations::list_organizations(&state.ctx, &query, 30)
            .await?
            .into_iter()
            .map(|mut org| {
                // Contacts are listed only when public.
                if org.fields.contact_visibility != ContactVisibility::Public {
                    org.fields.contact = String::new();
                }
                OrganizationResponse::from_record(org, None)
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(Json(DirectoryResponse {
        people: ProfileListResponse::new(
            page.items
                .into_iter()
                .map(|v| ProfileResponse::from_view(v, false))
                .collect(),
            page.next_cursor,
        ),
        organizations,
    }))
}
