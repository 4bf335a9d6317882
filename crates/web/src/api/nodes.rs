//! `/api/v1/nodes`: nodes of practice, with the same rules as the pages. A node the caller
//! may not know about answers 404 on every route.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use praxis_app::AppError;
use praxis_app::nodes::{self, JoinOutcome, NodeRecord, NodeView, StewardAction};
use praxis_domain::ids::MemberId;
use praxis_domain::nodes::RawNodeFields;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::rfc3339;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember, Path, RequestInfo};
use crate::state::AppState;

/// A node in a list.
#[derive(Serialize, ToSchema)]
pub(crate) struct NodeSummary {
    id: String,
    slug: String,
    name: String,
    /// `domain`, `region` or `values`.
    kind: String,
    /// `public`, `members` or `secret`.
    visibility: String,
    /// `open`, `request` or `invite`.
    join_policy: String,
    parent_id: Option<String>,
    /// A member's proposal waiting for a network admin.
    proposed: bool,
}

impl NodeSummary {
    fn from_record(n: &NodeRecord) -> Self {
        Self {
            id: n.id.to_string(),
            slug: n.fields.slug.clone(),
            name: n.fields.name.clone(),
            kind: n.fields.kind.code().to_owned(),
            visibility: n.fields.visibility.code().to_owned(),
            join_policy: n.fields.join_policy.code().to_owned(),
            parent_id: n.parent_id.map(|p| p.to_string()),
            proposed: n.is_proposed,
        }
    }
}

/// A member of a node, as the caller may see them.
#[derive(Serialize, ToSchema)]
pub(crate) struct NodeMemberResponse {
    id: String,
    display_name: String,
    is_steward: bool,
}

impl NodeMemberResponse {
    pub(crate) fn from_person(p: praxis_app::nodes::NodePerson) -> Self {
        Self {
            id: p.id.to_string(),
            display_name: p.display_name,
            is_steward: p.is_steward,
        }
    }
}

/// A node as the caller may see it.
#[derive(Serialize, ToSchema)]
pub(crate) struct NodeResponse {
    #[serde(flatten)]
    node: NodeSummary,
    description: String,
    description_html: String,
    languages: Vec<String>,
    /// Member list for stewards only.
    safety: bool,
    created_at: String,
    /// `outsider`, `requested`, `member` or `steward`.
    your_standing: String,
    ancestors: Vec<NodeSummary>,
    children: Vec<NodeSummary>,
    /// Absent when the member list is not the caller's to see.
    #[serde(skip_serializing_if = "Option::is_none")]
    members: Option<Vec<NodeMemberResponse>>,
}

impl NodeResponse {
    fn from_view(v: NodeView) -> Self {
        let standing = match v.standing {
            praxis_domain::nodes::Standing::Outsider => "outsider",
            praxis_domain::nodes::Standing::Requested => "requested",
            praxis_domain::nodes::Standing::Member => "member",
            praxis_domain::nodes::Standing::Steward => "steward",
            praxis_domain::nodes::Standing::Banned => "banned",
        };
        Self {
            node: NodeSummary::from_record(&v.node),
            description: v.node.fields.description.clone(),
            description_html: v.description_html,
            languages: v.node.fields.languages.clone(),
            safety: v.node.fields.safety,
            created_at: rfc3339(v.node.created_at),
            your_standing: standing.to_owned(),
            ancestors: v.ancestors.iter().map(NodeSummary::from_record).collect(),
            children: v.children.iter().map(NodeSummary::from_record).collect(),
            members: v.members.map(|people| {
                people
                    .into_iter()
                    .map(|p| NodeMemberResponse {
                        id: p.id.to_string(),
                        display_name: p.display_name,
                        is_steward: p.is_steward,
                    })
                    .collect()
            }),
        }
    }
}

/// A new node.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CreateNodeRequest {
    name: String,
    /// Lower-case letters, digits and hyphens, 2–60 characters.
    slug: String,
    /// `domain`, `region` or `values`.
    kind: String,
    /// The id or slug of the parent node.
    parent: Option<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    languages: Vec<String>,
    /// `public`, `members` or `secret`.
    visibility: String,
    /// `open`, `request` or `invite`.
    join_policy: String,
    #[serde(default)]
    safety: bool,
}

/// The top-level nodes the caller may see.
#[utoipa::path(get, path = "/api/v1/nodes", tag = "nodes", params(NodeListParams),
    responses((status = 200, body = NodeListResponse), (status = 404, description = "no such parent visible to you")))]
pub(crate) async fn list_nodes(
    State(state): State<AppState>,
    info: RequestInfo,
    Query(q): Query<NodeListParams>,
) -> Result<Json<NodeListResponse>, ApiError> {
    let (_, nodes, next_cursor) = nodes::list_nodes_page(
        &state.ctx,
        info.member.as_ref(),
        q.parent.as_deref(),
        q.cursor.as_deref(),
        q.limit.unwrap_or(100),
    )
    .await?;
    Ok(Json(NodeListResponse {
        items: nodes.iter().map(NodeSummary::from_record).collect(),
        next_cursor,
    }))
}

/// Which nodes to list.
#[derive(Deserialize, IntoParams)]
pub(crate) struct NodeListParams {
    /// The id or slug of the node whose children to list (the top level when absent).
    parent: Option<String>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Page size, 1–200 (default 100).
    limit: Option<u32>,
}

/// A page of nodes.
#[derive(Serialize, ToSchema)]
pub(crate) struct NodeListResponse {
    items: Vec<NodeSummary>,
    /// Pass as `cursor` for the next page; absent on the last.
    next_cursor: Option<String>,
}

/// Creates a node (network admins anywhere; stewards under their node).
#[utoipa::path(post, path = "/api/v1/nodes", tag = "nodes", request_body = CreateNodeRequest,
    responses((status = 201, body = NodeResponse), (status = 403, description = "not allowed to create here"),
        (status = 422, description = "invalid fields")))]
pub(crate) async fn create_node(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(r): ApiJson<CreateNodeRequest>,
) -> Result<(StatusCode, Json<NodeResponse>), ApiError> {
    let raw = RawNodeFields {
        name: r.name,
        slug: r.slug,
        kind: r.kind,
        description: r.description,
        languages: r.languages,
        visibility: r.visibility,
        join_policy: r.join_policy,
        safety: r.safety,
    };
    let node = nodes::create_node(&state.ctx, &me, r.parent.as_deref(), raw).await?;
    let view = nodes::view_node(&state.ctx, Some(&me), &node.fields.slug).await?;
    Ok((StatusCode::CREATED, Json(NodeResponse::from_view(view))))
}

/// One node; 404 when it does not exist or the caller may not know about it.
#[utoipa::path(get, path = "/api/v1/nodes/{id}", tag = "nodes", params(("id" = String, Path, description = "node id or slug")),
    responses((status = 200, body = NodeResponse), (status = 404, description = "no such node visible to you")))]
pub(crate) async fn get_node(
    State(state): State<AppState>,
    info: RequestInfo,
    Path(key): Path<String>,
) -> Result<Json<NodeResponse>, ApiError> {
    let view = nodes::view_node(&state.ctx, info.member.as_ref(), &key).await?;
    Ok(Json(NodeResponse::from_view(view)))
}

/// The node's members, when the caller may see them (403 with the safety setting on, for
/// anyone but stewards).
#[utoipa::path(get, path = "/api/v1/nodes/{id}/members", tag = "nodes", params(("id" = String, Path, description = "node id or slug"), MembersPage),
    responses((status = 200, body = Vec<NodeMemberResponse>), (status = 403, description = "member list not visible to you"),
        (status = 404, description = "no such node visible to you")))]
pub(crate) async fn list_node_members(
    State(state): State<AppState>,
    info: RequestInfo,
    Path(key): Path<String>,
    Query(q): Query<MembersPage>,
) -> Result<Json<Vec<NodeMemberResponse>>, ApiError> {
    let view =
        nodes::view_node_page(&state.ctx, info.member.as_ref(), &key, q.page.unwrap_or(0)).await?;
    let people = view.members.ok_or(ApiError::App(AppError::Forbidden))?;
    Ok(Json(
        people
            .into_iter()
            .map(|p| NodeMemberResponse {
                id: p.id.to_string(),
                display_name: p.display_name,
                is_steward: p.is_steward,
            })
            .collect(),
    ))
}

/// A page of members.
#[derive(Deserialize, IntoParams)]
pub(crate) struct MembersPage {
    /// The page, from 0; 50 members a page.
    page: Option<u32>,
}

/// What joining did.
#[derive(Serialize, ToSchema)]
pub(crate) struct JoinResponse {
    /// `member` (joined) or `requested` (a steward will answer).
    standing: String,
}

/// Joins an open node or asks to join one that takes requests (also `POST /api/v1/nodes/{id}/members`).
#[utoipa::path(post, path = "/api/v1/nodes/{id}/join", tag = "nodes", params(("id" = String, Path, description = "node id or slug")),
    responses((status = 200, body = JoinResponse), (status = 403, description = "invitation only"), (status = 404, description = "no such node visible to you")))]
pub(crate) async fn join_node(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(key): Path<String>,
) -> Result<Json<JoinResponse>, ApiError> {
    let standing = match nodes::join_node(&state.ctx, &me, &key).await? {
        JoinOutcome::Joined => "member",
        JoinOutcome::Requested => "requested",
    };
    Ok(Json(JoinResponse {
        standing: standing.to_owned(),
    }))
}

/// Leaves a node (or withdraws a request).
#[utoipa::path(post, path = "/api/v1/nodes/{id}/leave", tag = "nodes", params(("id" = String, Path, description = "node id or slug")),
    responses((status = 204, description = "left"), (status = 409, description = "the last steward cannot leave")))]
pub(crate) async fn leave_node(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(key): Path<String>,
) -> Result<StatusCode, ApiError> {
    nodes::leave_node(&state.ctx, &me, &key).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A steward's decision about a member.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct StewardActionRequest {
    /// `approve`, `decline`, `remove`, `ban`, `make_steward` or `remove_steward`.
    action: String,
}

/// Applies a steward's decision: approve or decline a request, remove a member, add or remove
/// a steward.
#[utoipa::path(post, path = "/api/v1/nodes/{id}/members/{member_id}", tag = "nodes", request_body = StewardActionRequest,
    params(("id" = String, Path, description = "node id or slug"), ("member_id" = String, Path, description = "member id")),
    responses((status = 204, description = "done"), (status = 403, description = "not a steward"),
        (status = 404, description = "no such node or member"), (status = 422, description = "unknown action or last steward")))]
pub(crate) async fn act_on_member(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((key, member)): Path<(String, String)>,
    ApiJson(r): ApiJson<StewardActionRequest>,
) -> Result<StatusCode, ApiError> {
    let member: MemberId = member
        .parse()
        .map_err(|_| ApiError::App(AppError::NotFound))?;
    let action = parse_action(&r.action).ok_or_else(|| {
        ApiError::App(AppError::Invalid(
            praxis_domain::validation::FieldErrors::single("action", "error-unknown-choice"),
        ))
    })?;
    nodes::act_as_steward(&state.ctx, &me, &key, member, action).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The steward action with this code.
pub(crate) fn parse_action(code: &str) -> Option<StewardAction> {
    Some(match code {
        "approve" => StewardAction::Approve,
        "decline" => StewardAction::Decline,
        "remove" => StewardAction::Remove,
        "make_steward" => StewardAction::MakeSteward,
        "remove_steward" => StewardAction::RemoveSteward,
        "ban" => StewardAction::Ban,
        _ => return None,
    })
}

/// Changes to a node; absent fields stay as they are.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NodeChangesRequest {
    name: Option<String>,
    slug: Option<String>,
    kind: Option<String>,
    description: Option<String>,
    languages: Option<Vec<String>>,
    visibility: Option<String>,
    join_policy: Option<String>,
    safety: Option<bool>,
    /// The slug or id of the organization hosting the node (you must belong to it); `""`
    /// clears it.
    organization: Option<String>,
}

/// Edits a node (stewards only).
#[utoipa::path(patch, path = "/api/v1/nodes/{id}", tag = "nodes", request_body = NodeChangesRequest,
    params(("id" = String, Path, description = "node id or slug")),
    responses((status = 200, body = NodeResponse), (status = 403, description = "not a steward"),
        (status = 404, description = "no such node visible to you"), (status = 422, description = "invalid fields")))]
pub(crate) async fn update_node(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(key): Path<String>,
    ApiJson(r): ApiJson<NodeChangesRequest>,
) -> Result<Json<NodeResponse>, ApiError> {
    let changes = nodes::NodeChanges {
        name: r.name,
        slug: r.slug,
        kind: r.kind,
        description: r.description,
        languages: r.languages,
        visibility: r.visibility,
        join_policy: r.join_policy,
        safety: r.safety,
        organization: r.organization,
    };
    let node = nodes::edit_node(&state.ctx, &me, &key, changes).await?;
    let view = nodes::view_node(&state.ctx, Some(&me), &node.fields.slug).await?;
    Ok(Json(NodeResponse::from_view(view)))
}

/// Addresses to invite.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct InviteRequest {
    emails: Vec<String>,
}

/// What inviting did, address by address.
#[derive(Serialize, ToSchema)]
pub(crate) struct InviteResponse {
    invited: Vec<String>,
    /// Already invited or already members.
    skipped: Vec<String>,
    /// Not email addresses.
    invalid: Vec<String>,
}

/// Invites people by email (stewards only); each invitation works once, for two weeks.
#[utoipa::path(post, path = "/api/v1/nodes/{id}/invitations", tag = "nodes", request_body = InviteRequest,
    params(("id" = String, Path, description = "node id or slug")),
    responses((status = 200, body = InviteResponse), (status = 403, description = "not a steward"), (status = 404, description = "no such node visible to you")))]
pub(crate) async fn invite_by_email(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(key): Path<String>,
    ApiJson(r): ApiJson<InviteRequest>,
) -> Result<Json<InviteResponse>, ApiError> {
    let report =
        praxis_app::invitations::invite_by_email(&state.ctx, &me, &key, &r.emails.join("\n"))
            .await?;
    Ok(Json(InviteResponse {
        invited: report.invited,
        skipped: report.skipped,
        invalid: report.invalid,
    }))
}

/// A pending invitation.
#[derive(Serialize, ToSchema)]
pub(crate) struct InvitationResponse {
    id: String,
    /// Absent for an invitation link.
    email: Option<String>,
    expires_at: String,
}

/// The node's pending invitations (stewards only).
#[utoipa::path(get, path = "/api/v1/nodes/{id}/invitations", tag = "nodes",
    params(("id" = String, Path, description = "node id or slug")),
    responses((status = 200, body = Vec<InvitationResponse>), (status = 403, description = "not a steward")))]
pub(crate) async fn list_invitations(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(key): Path<String>,
) -> Result<Json<Vec<InvitationResponse>>, ApiError> {
    let pending = praxis_app::invitations::list_invitations(&state.ctx, &me, &key).await?;
    Ok(Json(
        pending
            .into_iter()
            .map(|p| InvitationResponse {
                id: p.id,
                email: p.email,
                expires_at: rfc3339(p.expires_at),
            })
            .collect(),
    ))
}

/// A new invitation link.
#[derive(Serialize, ToSchema)]
pub(crate) struct InvitationLinkResponse {
    /// Anyone with this link can join for two weeks; shown once.
    link: String,
}

/// Makes an invitation link (stewards only).
#[utoipa::path(post, path = "/api/v1/nodes/{id}/invitation-links", tag = "nodes",
    params(("id" = String, Path, description = "node id or slug")),
    responses((status = 201, body = InvitationLinkResponse), (status = 403, description = "not a steward")))]
pub(crate) async fn create_invitation_link(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(key): Path<String>,
) -> Result<(StatusCode, Json<InvitationLinkResponse>), ApiError> {
    let link = praxis_app::invitations::create_invitation_link(&state.ctx, &me, &key).await?;
    Ok((StatusCode::CREATED, Json(InvitationLinkResponse { link })))
}

/// Proposed nodes waiting for a decision (network admins only).
#[utoipa::path(get, path = "/api/v1/node-proposals", tag = "nodes",
    responses((status = 200, body = Vec<NodeSummary>), (status = 403, description = "not a network admin")))]
pub(crate) async fn list_proposals(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
) -> Result<Json<Vec<NodeSummary>>, ApiError> {
    let proposals = nodes::list_node_proposals(&state.ctx, &me).await?;
    Ok(Json(
        proposals.iter().map(NodeSummary::from_record).collect(),
    ))
}

/// A network admin's decision on a proposed node.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProposalDecision {
    /// `approve` or `decline` (declining deletes the proposal).
    decision: String,
}

/// Approves or declines a proposed node (network admins only).
#[utoipa::path(post, path = "/api/v1/nodes/{id}/proposal", tag = "nodes", request_body = ProposalDecision,
    params(("id" = String, Path, description = "node id or slug")),
    responses((status = 204, description = "decided"), (status = 403, description = "not a network admin"), (status = 404, description = "not a proposal")))]
pub(crate) async fn decide_proposal(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(key): Path<String>,
    ApiJson(r): ApiJson<ProposalDecision>,
) -> Result<StatusCode, ApiError> {
    let approve = match r.decision.as_str() {
        "approve" => true,
        "decline" => false,
        _ => {
            return Err(ApiError::App(AppError::Invalid(
                praxis_domain::validation::FieldErrors::single("decision", "error-unknown-choice"),
            )));
        }
    };
    nodes::decide_node_proposal(&state.ctx, &me, &key, approve).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Withdraws an invitation (stewards only); its link stops working at once.
#[utoipa::path(delete, path = "/api/v1/nodes/{id}/invitations/{invitation_id}", tag = "nodes",
    params(("id" = String, Path, description = "node id or slug"), ("invitation_id" = String, Path, description = "invitation id")),
    responses((status = 204, description = "revoked"), (status = 403, description = "not a steward"), (status = 404, description = "no such invitation")))]
pub(crate) async fn revoke_invitation(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((key, invitation_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    praxis_app::invitations::revoke_invitation(&state.ctx, &me, &key, &invitation_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
