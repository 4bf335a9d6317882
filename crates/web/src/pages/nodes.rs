//! Node pages: the list, a node's home, creating a node, joining, leaving, stewarding.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::invitations::{self, InvitationView, InviteReport};
use praxis_app::nodes::{self, NodeRecord, NodeView};
use praxis_app::{AppError, PendingInvitation};
use praxis_domain::ids::MemberId;
use praxis_domain::nodes::{JoinPolicy, NodeKind, NodeVisibility, RawNodeFields, Standing};
use praxis_domain::validation::FieldErrors;
use serde::Deserialize;

use crate::api::nodes::parse_action;
use crate::error::PageError;
use crate::extract::{FormFields, PageMember, Path, RequestInfo, encode_component};
use crate::pages::{Chrome, render, render_with_status};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "nodes/list.html")]
pub(crate) struct NodeListPage {
    c: Chrome,
    nodes: Vec<NodeRecord>,
    can_create: bool,
    is_admin: bool,
    parent: Option<NodeRecord>,
    next: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct NodeListQuery {
    parent: Option<String>,
    cursor: Option<String>,
}

pub(crate) async fn list_nodes(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    Query(q): Query<NodeListQuery>,
) -> Result<Response, PageError> {
    let (parent, nodes, next) = match nodes::list_nodes_page(
        &state.ctx,
        info.member.as_ref(),
        q.parent.as_deref(),
        q.cursor.as_deref(),
        60,
    )
    .await
    {
        Err(AppError::Invalid(_)) => return Err(PageError(AppError::NotFound)),
        other => other?,
    };
    let next = next.map(|cursor| match &parent {
        Some(p) => format!(
            "/nodes?parent={}&cursor={}",
            encode_component(&p.fields.slug),
            encode_component(&cursor)
        ),
        None => format!("/nodes?cursor={}", encode_component(&cursor)),
    });
    let can_create = nodes::creates_nodes_directly(&state.ctx, info.member.as_ref());
    let is_admin = info.member.as_ref().is_some_and(|m| m.is_admin);
    Ok(render(&NodeListPage {
        c,
        nodes,
        can_create,
        is_admin,
        parent,
        next,
    }))
}

#[derive(Template)]
#[template(path = "nodes/show.html")]
pub(crate) struct NodePage {
    c: Chrome,
    view: NodeView,
    notice: Option<String>,
    invitations: Vec<PendingInvitation>,
}

impl NodePage {
    fn standing_key(&self) -> &'static str {
        match self.view.standing {
            Standing::Outsider => "node-standing-outsider",
            Standing::Requested => "node-standing-requested",
            Standing::Member => "node-standing-member",
            Standing::Steward => "node-standing-steward",
            Standing::Banned => "node-standing-banned",
        }
    }

    fn is_member(&self) -> bool {
        self.view.standing.is_member()
    }

    fn is_requested(&self) -> bool {
        self.view.standing == Standing::Requested
    }

    fn next_members_page(&self) -> u32 {
        self.view.members_page + 1
    }

    fn asks_to_join(&self) -> bool {
        self.view.node.fields.join_policy == JoinPolicy::Request
    }
}

async fn node_page(
    state: &AppState,
    info: &RequestInfo,
    c: Chrome,
    slug: &str,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let view = nodes::view_node(&state.ctx, info.member.as_ref(), slug).await?;
    let invitations = match (&info.member, view.is_steward) {
        (Some(me), true) => invitations::list_invitations(&state.ctx, me, slug).await?,
        _ => Vec::new(),
    };
    Ok(render_with_status(
        status,
        &NodePage {
            c,
            view,
            notice,
            invitations,
        },
    ))
}

#[derive(Deserialize)]
pub(crate) struct MembersPageQuery {
    members_page: Option<u32>,
}

pub(crate) async fn show_node(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    Path(slug): Path<String>,
    Query(q): Query<MembersPageQuery>,
) -> Result<Response, PageError> {
    let view = nodes::view_node_page(
        &state.ctx,
        info.member.as_ref(),
        &slug,
        q.members_page.unwrap_or(0),
    )
    .await?;
    let invitations = match (&info.member, view.is_steward) {
        (Some(me), true) => invitations::list_invitations(&state.ctx, me, &slug).await?,
        _ => Vec::new(),
    };
    Ok(render(&NodePage {
        c,
        view,
        notice: None,
        invitations,
    }))
}

/// The form's values as text.
pub(crate) struct NodeForm {
    name: String,
    slug: String,
    kind: String,
    description: String,
    languages: String,
    visibility: String,
    join_policy: String,
    safety: bool,
    parent: String,
    organization: String,
}

impl NodeForm {
    fn from_fields(f: &FormFields) -> Self {
        Self {
            name: f.text("name"),
            slug: f.text("slug"),
            kind: f.text("kind"),
            description: f.text("description"),
            languages: f.text("languages"),
            visibility: f.text("visibility"),
            join_policy: f.text("join_policy"),
            safety: f.checked("safety"),
            parent: f.text("parent"),
            organization: f.text("organization"),
        }
    }

    fn from_node(node: &NodeRecord) -> Self {
        let raw = nodes::raw_fields(node);
        Self {
            name: raw.name,
            slug: raw.slug,
            kind: raw.kind,
            description: raw.description,
            languages: raw.languages.join(", "),
            visibility: raw.visibility,
            join_policy: raw.join_policy,
            safety: raw.safety,
            parent: String::new(),
            organization: String::new(),
        }
    }

    fn to_raw(&self) -> RawNodeFields {
        RawNodeFields {
            name: self.name.clone(),
            slug: self.slug.clone(),
            kind: self.kind.clone(),
            description: self.description.clone(),
            languages: self
                .languages
                .split([',', '،'])
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
            visibility: self.visibility.clone(),
            join_policy: self.join_policy.clone(),
            safety: self.safety,
        }
    }
}

pub(crate) struct Choice {
    code: &'static str,
    label_key: String,
}

#[derive(Template)]
#[template(path = "nodes/new.html")]
pub(crate) struct NewNodePage {
    c: Chrome,
    action: String,
    title_key: &'static str,
    editing: bool,
    form: NodeForm,
    errors: FieldErrors,
    kinds: Vec<Choice>,
    visibilities: Vec<Choice>,
    policies: Vec<Choice>,
}

impl NewNodePage {
    fn new(c: Chrome, form: NodeForm, errors: FieldErrors) -> Self {
        Self::with_action(c, "/nodes".into(), "node-create", form, errors)
    }

    fn with_action(
        c: Chrome,
        action: String,
        title_key: &'static str,
        form: NodeForm,
        errors: FieldErrors,
    ) -> Self {
        Self {
            c,
            editing: title_key == "node-edit",
            action,
            title_key,
            form,
            errors,
            kinds: NodeKind::ALL
                .iter()
                .map(|k| Choice {
                    code: k.code(),
                    label_key: format!("node-kind-{}", k.code()),
                })
                .collect(),
            visibilities: NodeVisibility::ALL
                .iter()
                .map(|v| Choice {
                    code: v.code(),
                    label_key: format!("node-visibility-{}", v.code()),
                })
                .collect(),
            policies: JoinPolicy::ALL
                .iter()
                .map(|p| Choice {
                    code: p.code(),
                    label_key: format!("node-join-{}", p.code()),
                })
                .collect(),
        }
    }
}

#[derive(Deserialize)]
pub(crate) struct ParentQuery {
    parent: Option<String>,
}

pub(crate) async fn new_node(
    PageMember(_me): PageMember,
    c: Chrome,
    Query(q): Query<ParentQuery>,
) -> Response {
    let form = NodeForm {
        name: String::new(),
        slug: String::new(),
        kind: "region".into(),
        description: String::new(),
        languages: String::new(),
        visibility: "members".into(),
        join_policy: "request".into(),
        safety: false,
        parent: q.parent.unwrap_or_default(),
        organization: String::new(),
    };
    render(&NewNodePage::new(c, form, FieldErrors::new()))
}

pub(crate) async fn create_node(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    f: FormFields,
) -> Result<Response, PageError> {
    let form = NodeForm::from_fields(&f);
    let raw = form.to_raw();
    match nodes::create_node(&state.ctx, &me, Some(form.parent.as_str()), raw).await {
        Ok(node) => Ok(
            Redirect::to(&format!("/nodes/{}", encode_component(&node.fields.slug)))
                .into_response(),
        ),
        Err(AppError::Invalid(errors)) => Ok(render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &NewNodePage::new(c, form, errors),
        )),
        Err(e) => Err(e.into()),
    }
}

fn back_to(slug: &str) -> Response {
    Redirect::to(&format!("/nodes/{}", encode_component(slug))).into_response()
}

pub(crate) async fn join_node(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(slug): Path<String>,
    _form: FormFields,
) -> Result<Response, PageError> {
    nodes::join_node(&state.ctx, &me, &slug).await?;
    Ok(back_to(&slug))
}

pub(crate) async fn leave_node(
    State(state): State<AppState>,
    info: RequestInfo,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    _form: FormFields,
) -> Result<Response, PageError> {
    match nodes::leave_node(&state.ctx, &me, &slug).await {
        Ok(()) => Ok(back_to(&slug)),
        Err(AppError::Invalid(_)) => {
            let notice = Some(c.t("error-last-steward"));
            node_page(
                &state,
                &info,
                c,
                &slug,
                notice,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn act_on_member(
    State(state): State<AppState>,
    info: RequestInfo,
    PageMember(me): PageMember,
    c: Chrome,
    Path((slug, member)): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, PageError> {
    let member: MemberId = member.parse().map_err(|_| PageError(AppError::NotFound))?;
    let action = form
        .get("action")
        .and_then(parse_action)
        .ok_or(PageError(AppError::NotFound))?;
    match nodes::act_as_steward(&state.ctx, &me, &slug, member, action).await {
        Ok(()) => Ok(back_to(&slug)),
        Err(AppError::Invalid(_)) => {
            let notice = Some(c.t("error-last-steward"));
            node_page(
                &state,
                &info,
                c,
                &slug,
                notice,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn edit_node(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let node = nodes::node_for_editing(&state.ctx, &me, &slug).await?;
    let action = format!("/nodes/{}/edit", encode_component(&node.fields.slug));
    let page = NewNodePage::with_action(
        c,
        action,
        "node-edit",
        NodeForm::from_node(&node),
        FieldErrors::new(),
    );
    Ok(render(&page))
}

pub(crate) async fn update_node(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    f: FormFields,
) -> Result<Response, PageError> {
    let form = NodeForm::from_fields(&f);
    let raw = form.to_raw();
    let changes = nodes::NodeChanges {
        name: Some(raw.name),
        slug: Some(raw.slug),
        kind: Some(raw.kind),
        description: Some(raw.description),
        languages: Some(raw.languages),
        visibility: Some(raw.visibility),
        join_policy: Some(raw.join_policy),
        safety: Some(raw.safety),
        organization: Some(form.organization.clone()),
    };
    match nodes::edit_node(&state.ctx, &me, &slug, changes).await {
        Ok(node) => Ok(back_to(&node.fields.slug)),
        Err(AppError::Invalid(errors)) => {
            let action = format!("/nodes/{}/edit", encode_component(&slug));
            let page = NewNodePage::with_action(c, action, "node-edit", form, errors);
            Ok(render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "nodes/invited.html")]
pub(crate) struct InvitedPage {
    c: Chrome,
    slug: String,
    report: Option<InviteReport>,
    link: Option<String>,
}

pub(crate) async fn invite_by_email(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    let report = invitations::invite_by_email(&state.ctx, &me, &slug, &form.text("emails")).await?;
    Ok(render(&InvitedPage {
        c,
        slug,
        report: Some(report),
        link: None,
    }))
}

pub(crate) async fn create_invitation_link(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    _form: FormFields,
) -> Result<Response, PageError> {
    let link = invitations::create_invitation_link(&state.ctx, &me, &slug).await?;
    Ok(render(&InvitedPage {
        c,
        slug,
        report: None,
        link: Some(link),
    }))
}

#[derive(Template)]
#[template(path = "nodes/invitation.html")]
pub(crate) struct InvitationPage {
    c: Chrome,
    token: String,
    invitation: InvitationView,
}

pub(crate) async fn show_invitation(
    State(state): State<AppState>,
    c: Chrome,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let invitation = invitations::view_invitation(&state.ctx, &token).await?;
    Ok(render(&InvitationPage {
        c,
        token,
        invitation,
    }))
}

pub(crate) async fn accept_invitation(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(token): Path<String>,
    _form: FormFields,
) -> Result<Response, PageError> {
    let slug = invitations::accept_invitation(&state.ctx, &me, &token).await?;
    Ok(back_to(&slug))
}

#[derive(Template)]
#[template(path = "nodes/proposals.html")]
pub(crate) struct ProposalsPage {
    c: Chrome,
    proposals: Vec<NodeRecord>,
}

pub(crate) async fn list_proposals(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
) -> Result<Response, PageError> {
    let proposals = nodes::list_node_proposals(&state.ctx, &me).await?;
    Ok(render(&ProposalsPage { c, proposals }))
}

pub(crate) async fn decide_proposal(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(slug): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    let approve = form.get("decision") == Some("approve");
    nodes::decide_node_proposal(&state.ctx, &me, &slug, approve).await?;
    Ok(Redirect::to("/nodes/proposals").into_response())
}

pub(crate) async fn revoke_invitation(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path((slug, invitation_id)): Path<(String, String)>,
    _form: FormFields,
) -> Result<Response, PageError> {
    invitations::revoke_invitation(&state.ctx, &me, &slug, &invitation_id).await?;
    Ok(back_to(&slug))
}
