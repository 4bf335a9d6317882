//! `/api/v1/organizations`: organizations and affiliations, with the same rules as the pages.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use praxis_app::AppError;
use praxis_app::organizations::{self, OrganizationRecord, OrganizationView};
use praxis_app::profiles::viewer_of;
use praxis_domain::ids::MemberId;
use praxis_domain::organizations::{ContactVisibility, RawOrganizationFields};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::nodes::NodeMemberResponse;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember, Path, RequestInfo};
use crate::state::AppState;

/// An organization, with its contact only when the caller may see it.
#[derive(Serialize, ToSchema)]
pub(crate) struct OrganizationResponse {
    id: String,
    slug: String,
    name: String,
    description: String,
    region: String,
    domains: Vec<String>,
    website: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact: Option<String>,
    /// Confirmed members whose profiles the caller may see (one organization only).
    #[serde(skip_serializing_if = "Option::is_none")]
    members: Option<Vec<NodeMemberResponse>>,
}

impl OrganizationResponse {
    pub(crate) fn from_record(
        o: OrganizationRecord,
        members: Option<Vec<NodeMemberResponse>>,
    ) -> Self {
        let f = o.fields;
        Self {
            id: o.id.to_string(),
            slug: f.slug,
            name: f.name,
            description: f.description,
            region: f.region,
            domains: f.domains,
            website: f.website,
            contact: Some(f.contact).filter(|c| !c.is_empty()),
            members,
        }
    }

    fn from_view(v: OrganizationView) -> Self {
        let members = v
            .members
            .into_iter()
            .map(NodeMemberResponse::from_person)
            .collect();
        Self::from_record(v.org, Some(members))
    }
}

/// Filters for the list.
#[derive(Deserialize, IntoParams)]
pub(crate) struct OrganizationQuery {
    /// Only organizations in this region (any case).
    region: Option<String>,
    /// Only organizations working in this domain (any case).
    domain: Option<String>,
    /// Words that must each begin a word of the name, region or description.
    q: Option<String>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Page size, 1–200 (default 50).
    limit: Option<u32>,
}

/// Organizations by name.
#[utoipa::path(get, path = "/api/v1/organizations", tag = "organizations", params(OrganizationQuery),
    responses((status = 200, body = OrganizationListResponse), (status = 422, description = "bad cursor")))]
pub(crate) async fn list_organizations(
    State(state): State<AppState>,
    Query(q): Query<OrganizationQuery>,
) -> Result<Json<OrganizationListResponse>, ApiError> {
    let query = organizations::OrganizationQuery {
        region: q.region,
        domain: q.domain,
        text: q.q,
    };
    let (list, next_cursor) = organizations::list_organization_page(
        &state.ctx,
        &query,
        q.cursor.as_deref(),
        q.limit.unwrap_or(50),
    )
    .await?;
    let items = list
        .into_iter()
        .map(|mut org| {
            // A list shows contacts only when they are public; one organization's answer
            // applies the full rule.
            if org.fields.contact_visibility != ContactVisibility::Public {
                org.fields.contact = String::new();
            }
            OrganizationResponse::from_record(org, None)
        })
        .collect();
    Ok(Json(OrganizationListResponse { items, next_cursor }))
}

/// A page of organizations.
#[derive(Serialize, ToSchema)]
pub(crate) struct OrganizationListResponse {
    items: Vec<OrganizationResponse>,
    /// Pass as `cursor` for the next page; absent on the last.
    next_cursor: Option<String>,
}

/// A new organization.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CreateOrganizationRequest {
    name: String,
    slug: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    domains: Vec<String>,
    #[serde(default)]
    website: String,
    #[serde(default)]
    contact: String,
    /// `public`, `members` or `admins`.
    contact_visibility: String,
}

/// Creates an organization; the caller becomes its admin.
#[utoipa::path(post, path = "/api/v1/organizations", tag = "organizations", request_body = CreateOrganizationRequest,
    responses((status = 201, body = OrganizationResponse), (status = 422, description = "invalid fields")))]
pub(crate) async fn create_organization(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(r): ApiJson<CreateOrganizationRequest>,
) -> Result<(StatusCode, Json<OrganizationResponse>), ApiError> {
    let raw = RawOrganizationFields {
        name: r.name,
        slug: r.slug,
        description: r.description,
        region: r.region,
        domains: r.domains,
        website: r.website,
        contact: r.contact,
        contact_visibility: r.contact_visibility,
    };
    let org = organizations::create_organization(&state.ctx, &me, raw).await?;
    let view = organizations::view_organization(&state.ctx, viewer_of(Some(&me)), &org.fields.slug)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(OrganizationResponse::from_view(view)),
    ))
}

/// One organization.
#[utoipa::path(get, path = "/api/v1/organizations/{id}", tag = "organizations",
    params(("id" = String, Path, description = "organization id or slug")),
    responses((status = 200, body = OrganizationResponse), (status = 404, description = "no such organization")))]
pub(crate) async fn get_organization(
    State(state): State<AppState>,
    info: RequestInfo,
    Path(key): Path<String>,
) -> Result<Json<OrganizationResponse>, ApiError> {
    let view =
        organizations::view_organization(&state.ctx, viewer_of(info.member.as_ref()), &key).await?;
    Ok(Json(OrganizationResponse::from_view(view)))
}

/// Claims that the caller works with the organization.
#[utoipa::path(post, path = "/api/v1/organizations/{id}/claim", tag = "organizations",
    params(("id" = String, Path, description = "organization id or slug")),
    responses((status = 204, description = "claimed; an organization admin confirms")))]
pub(crate) async fn claim_affiliation(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(key): Path<String>,
) -> Result<StatusCode, ApiError> {
    organizations::claim_affiliation(&state.ctx, &me, &key).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An organization admin's decision on a claim.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClaimDecision {
    /// `confirm` or `decline`.
    decision: String,
}

/// Confirms or declines a member's claim (organization admins only).
#[utoipa::path(post, path = "/api/v1/organizations/{id}/members/{member_id}", tag = "organizations", request_body = ClaimDecision,
    params(("id" = String, Path, description = "organization id or slug"), ("member_id" = String, Path, description = "member id")),
    responses((status = 204, description = "decided"), (status = 403, description = "not an organization admin"), (status = 404, description = "no such claim")))]
pub(crate) async fn decide_claim(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((key, member)): Path<(String, String)>,
    ApiJson(r): ApiJson<ClaimDecision>,
) -> Result<StatusCode, ApiError> {
    let member: MemberId = member
        .parse()
        .map_err(|_| ApiError::App(AppError::NotFound))?;
    let confirm = match r.decision.as_str() {
        "confirm" => true,
        "decline" => false,
        _ => {
            return Err(ApiError::App(AppError::Invalid(
                praxis_domain::validation::FieldErrors::single("decision", "error-unknown-choice"),
            )));
        }
    };
    organizations::decide_claim(&state.ctx, &me, &key, member, confirm).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Changes to an organization; absent fields stay as they are.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct OrganizationChangesRequest {
    name: Option<String>,
    slug: Option<String>,
    description: Option<String>,
    region: Option<String>,
    domains: Option<Vec<String>>,
    website: Option<String>,
    contact: Option<String>,
    contact_visibility: Option<String>,
}

/// Edits an organization (its admins only).
#[utoipa::path(patch, path = "/api/v1/organizations/{id}", tag = "organizations", request_body = OrganizationChangesRequest,
    params(("id" = String, Path, description = "organization id or slug")),
    responses((status = 200, body = OrganizationResponse), (status = 403, description = "not an organization admin"),
        (status = 422, description = "invalid fields")))]
pub(crate) async fn update_organization(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(key): Path<String>,
    ApiJson(r): ApiJson<OrganizationChangesRequest>,
) -> Result<Json<OrganizationResponse>, ApiError> {
    let current = organizations::organization_for_editing(&state.ctx, &me, &key).await?;
    let mut raw = organizations::raw_fields(&current);
    raw.name = r.name.unwrap_or(raw.name);
    raw.slug = r.slug.unwrap_or(raw.slug);
    raw.description = r.description.unwrap_or(raw.description);
    raw.region = r.region.unwrap_or(raw.region);
    raw.domains = r.domains.unwrap_or(raw.domains);
    raw.website = r.website.unwrap_or(raw.website);
    raw.contact = r.contact.unwrap_or(raw.contact);
    raw.contact_visibility = r.contact_visibility.unwrap_or(raw.contact_visibility);
    let org = organizations::edit_organization(&state.ctx, &me, &key, raw).await?;
    let view = organizations::view_organization(&state.ctx, viewer_of(Some(&me)), &org.fields.slug)
        .await?;
    Ok(Json(OrganizationResponse::from_view(view)))
}

/// Ends the caller's affiliation (or withdraws a claim); the last admin cannot leave.
#[utoipa::path(post, path = "/api/v1/organizations/{id}/leave", tag = "organizations",
    params(("id" = String, Path, description = "organization id or slug")),
    responses((status = 204, description = "left"), (status = 404, description = "not affiliated"), (status = 422, description = "the last admin")))]
pub(crate) async fn leave_organization(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(key): Path<String>,
) -> Result<StatusCode, ApiError> {
    organizations::leave_organization(&state.ctx, &me, &key).await?;
    Ok(StatusCode::NO_CONTENT)
}
