//! Nodes of practice: creating and nesting them, who sees them, joining and leaving, and
//! what stewards do. Every rule comes from `praxis_domain::nodes`; a node the viewer may not
//! know about is `NotFound`, never `Forbidden`, so its existence does not leak.

mod membership;

pub use self::membership::{JoinOutcome, StewardAction, act_as_steward, join_node, leave_node};

use praxis_domain::ids::{MemberId, NodeId};
use praxis_domain::members::profile::{Profile, Viewer, can_view_profile};
use praxis_domain::nodes::{
    JoinPolicy, NodeFields, NodeVisibility, RawNodeFields, SECRET_SLUG_ENDING, Standing,
    unguessable_slug,
};
use praxis_domain::validation::FieldErrors;
pub use praxis_store::nodes::{NodeEvent, NodeRecord};
use praxis_store::{Constraint, StoreError};
use tracing::instrument;

use crate::markdown::render_markdown;
use crate::paging::{decode_cursor, encode_cursor};
use crate::policy::CurrentMember;
use crate::policy::nodes::{
    find_node, may_see_members, scope_of, stewarded_node, unbroken_ancestors, visible_node,
};
use crate::policy::viewer_of;
use crate::secrets::random_word;
use crate::{AppError, AppResult, Context};

/// How many children, members or events a node page shows at once.
pub const NODE_PAGE_SIZE: u32 = 50;

/// A person on a node's member list.
#[derive(Debug, Clone)]
pub struct NodePerson {
    /// Who.
    pub id: MemberId,
    /// Their display name.
    pub display_name: String,
    /// A steward of the node.
    pub is_steward: bool,
}

/// A node as one viewer may see it.
#[derive(Debug, Clone)]
pub struct NodeView {
    /// The node.
    pub node: NodeRecord,
    /// Its description rendered to safe HTML.
    pub description_html: String,
    /// The viewer's standing.
    pub standing: Standing,
    /// Ancestors the viewer may see, root first.
    pub ancestors: Vec<NodeRecord>,
    /// Children the viewer may see.
    pub children: Vec<NodeRecord>,
    /// Members the viewer may see (`None` when the list is not theirs to see).
    pub members: Option<Vec<NodePerson>>,
    /// Pending requests (stewards only).
    pub requests: Vec<NodePerson>,
    /// Recent activity the viewer may see (members only; stewards also see their log).
    pub events: Vec<NodeEvent>,
    /// The viewer may join or ask to join.
    pub can_join: bool,
    /// The viewer manages the node.
    pub is_steward: bool,
    /// The viewer may create a node under this one.
    pub can_create_child: bool,
    /// The organization hosting the node.
    pub host: Option<praxis_store::organizations::OrganizationRecord>,
    /// The page of members shown (from 0).
    pub members_page: u32,
    /// More members follow on the next page.
    pub more_members: bool,
}

/// The node with this id or slug and the viewer's standing, if the viewer may know it exists
/// (for other features that filter by node).
///
/// # Errors
/// `NotFound` for a missing node and for one the viewer may not know about.
pub async fn visible_node_for(
    ctx: &Context,
    me: Option<&CurrentMember>,
    key: &str,
) -> AppResult<(NodeRecord, Standing)> {
    visible_node(ctx, me, key).await
}

/// Creates a node: a network admin anywhere, a steward under their own node. The creator
/// becomes its first steward.
///
/// # Errors
/// `Invalid` naming fields (a taken slug is named too), `Forbidden`, `NotFound` for a parent
/// the member may not see.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn create_node(
    ctx: &Context,
    me: &CurrentMember,
    parent_slug: Option<&str>,
    raw: RawNodeFields,
) -> AppResult<NodeRecord> {
    let parent = match parent_slug.filter(|s| !s.is_empty()) {
        Some(slug) => Some(visible_node(ctx, Some(me), slug).await?),
        None => None,
    };
    if parent.as_ref().is_some_and(|(p, _)| p.is_proposed) {
        return Err(AppError::Invalid(FieldErrors::single(
            "parent",
            "error-parent-proposed",
        )));
    }
    // Admins, stewards under their node and, on an instance with open creation, everyone
    // create nodes; other members propose one, which waits for a network admin.
    let creates = me.is_admin
        || ctx.settings.open_node_creation
        || parent
            .as_ref()
            .is_some_and(|(_, s)| *s == Standing::Steward);
    let mut fields = NodeFields::parse(raw)?;
    if fields.visibility == NodeVisibility::Secret {
        fields.slug = secret_slug(&fields.slug)?;
    }
    let id = NodeId::generate();
    match ctx
        .store
        .create_node_with_status(
            id,
            parent.as_ref().map(|(p, _)| p.id),
            &fields,
            me.id,
            !creates,
            ctx.now(),
        )
        .await
    {
        Ok(()) => {}
        Err(StoreError::Conflict(Constraint::NodeSlugTaken)) => {
            return Err(AppError::Invalid(FieldErrors::single(
                "slug",
                "error-slug-taken",
            )));
        }
        Err(e) => return Err(e.into()),
    }
    tracing::info!(node.id = %id, "node created");
    Ok(ctx.store.get_node(id).await?)
}

/// A secret node's address: the chosen slug with a random ending (see
/// [`unguessable_slug`]).
///
/// # Errors
/// When the system's random generator fails.
pub fn secret_slug(chosen: &str) -> AppResult<String> {
    Ok(unguessable_slug(chosen, &random_word(SECRET_SLUG_ENDING)?))
}

/// Whether the member creates top-level nodes at once (network admins, or everyone on an
/// instance with open creation); other members propose them.
pub fn creates_nodes_directly(ctx: &Context, me: Option<&CurrentMember>) -> bool {
    me.is_some_and(|m| m.is_admin) || (me.is_some() && ctx.settings.open_node_creation)
}

/// Proposed nodes waiting for a decision (network admins only).
///
/// # Errors
/// `Forbidden` for anyone but a network admin.
pub async fn list_node_proposals(ctx: &Context, me: &CurrentMember) -> AppResult<Vec<NodeRecord>> {
    if !me.is_admin {
        return Err(AppError::Forbidden);
    }
    Ok(ctx.store.list_proposed_nodes(200).await?)
}

/// A network admin accepts or declines a proposed node (declining deletes it).
///
/// # Errors
/// `Forbidden` for anyone but a network admin; `NotFound` when the node is not a proposal.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn decide_node_proposal(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
    approve: bool,
) -> AppResult<()> {
    if !me.is_admin {
        return Err(AppError::Forbidden);
    }
    let node = find_node(ctx, key).await?;
    if approve {
        ctx.store
            .approve_proposed_node(node.id, me.id, ctx.now())
            .await?;
    } else {
        ctx.store.delete_proposed_node(node.id).await?;
    }
    tracing::info!(node.id = %node.id, approve, "node proposal decided");
    Ok(())
}

/// A page of the top-level nodes the viewer may see.
pub async fn list_top_nodes(
    ctx: &Context,
    me: Option<&CurrentMember>,
    limit: u32,
) -> AppResult<Vec<NodeRecord>> {
    Ok(list_nodes_page(ctx, me, None, None, limit).await?.1)
}

/// A page of the nodes directly under `parent` (the top level for `None`) that the viewer
/// may see, by name: the parent (when given), the nodes and the cursor of the next page.
///
/// # Errors
/// `NotFound` for a parent the viewer may not see; `Invalid` naming `cursor` for a cursor
/// this list did not make.
pub async fn list_nodes_page(
    ctx: &Context,
    me: Option<&CurrentMember>,
    parent: Option<&str>,
    cursor: Option<&str>,
    limit: u32,
) -> AppResult<(Option<NodeRecord>, Vec<NodeRecord>, Option<String>)> {
    let parent = match parent.filter(|p| !p.is_empty()) {
        Some(key) => Some(visible_node(ctx, me, key).await?.0),
        None => None,
    };
    let bad_cursor = || AppError::Invalid(FieldErrors::single("cursor", "error-cursor"));
    let after = match cursor.filter(|c| !c.is_empty()) {
        Some(c) => {
            let (name, id) = decode_cursor(c).ok_or_else(bad_cursor)?;
            Some((name, id.parse::<NodeId>().map_err(|_| bad_cursor())?))
        }
        None => None,
    };
    let limit = limit.clamp(1, 200);
    let mut rows = ctx
        .store
        .list_child_nodes(
            parent.as_ref().map(|p| p.id),
            scope_of(viewer_of(me)),
            after.as_ref().map(|(n, id)| (n.as_str(), *id)),
            limit + 1,
        )
        .await?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next = more
        .then(|| {
            rows.last()
                .map(|n| encode_cursor(&n.fields.name, &n.id.to_string()))
        })
        .flatten();
    Ok((parent, rows, next))
}

/// A node's page as the viewer may see it.
///
/// # Errors
/// `NotFound` for a missing node and for one the viewer may not know about.
pub async fn view_node(
    ctx: &Context,
    me: Option<&CurrentMember>,
    slug: &str,
) -> AppResult<NodeView> {
    view_node_page(ctx, me, slug, 0).await
}

/// A node's page with the `members_page`-th page of its members (pages of
/// [`NODE_PAGE_SIZE`], counted from 0).
///
/// # Errors
/// As [`view_node`].
pub async fn view_node_page(
    ctx: &Context,
    me: Option<&CurrentMember>,
    slug: &str,
    members_page: u32,
) -> AppResult<NodeView> {
    let viewer = viewer_of(me);
    let (mut node, standing) = visible_node(ctx, me, slug).await?;
    let scope = scope_of(viewer);
    let ancestors = unbroken_ancestors(&node, ctx.store.list_node_ancestors(node.id, scope).await?);
    if ancestors.last().map(|a| a.id) != node.parent_id {
        // The parent is kept from this viewer: no id of it leaves the server.
        node.parent_id = None;
    }
    let children = ctx
        .store
        .list_child_nodes(Some(node.id), scope, None, NODE_PAGE_SIZE)
        .await?;
    let is_steward = standing == Standing::Steward;
    let mut more_members = false;
    let members = if may_see_members(&node, me, standing) {
        let mut rows = ctx
            .store
            .list_node_members(
                node.id,
                false,
                NODE_PAGE_SIZE + 1,
                members_page.saturating_mul(NODE_PAGE_SIZE),
            )
            .await?;
        more_members = rows.len() > NODE_PAGE_SIZE as usize;
        rows.truncate(NODE_PAGE_SIZE as usize);
        Some(people(ctx, &rows, viewer, is_steward).await?)
    } else {
        None
    };
    let requests = if is_steward {
        let rows = ctx
            .store
            .list_node_members(node.id, true, NODE_PAGE_SIZE, 0)
            .await?;
        people(ctx, &rows, viewer, true).await?
    } else {
        Vec::new()
    };
    let events = if standing.is_member() {
        ctx.store.list_node_events(node.id, false, 20).await?
    } else {
        Vec::new()
    };
    let can_join = matches!(viewer, Viewer::Member(_))
        && standing == Standing::Outsider
        && node.fields.join_policy != JoinPolicy::Invite;
    let host = match node.organization_id {
        Some(org) => ctx.store.find_organization(&org.to_string()).await?,
        None => None,
    };
    Ok(NodeView {
        host,
        members_page,
        more_members,
        description_html: render_markdown(&node.fields.description),
        can_create_child: is_steward || me.is_some_and(|m| m.is_admin),
        node,
        standing,
        ancestors,
        children,
        members,
        requests,
        events,
        can_join,
        is_steward,
    })
}

/// Names for member ids: everyone for stewards (they manage the list), otherwise only those
/// whose profile the viewer may see.
pub(crate) async fn people(
    ctx: &Context,
    rows: &[(MemberId, bool)],
    viewer: Viewer,
    all: bool,
) -> AppResult<Vec<NodePerson>> {
    let ids: Vec<MemberId> = rows.iter().map(|(id, _)| *id).collect();
    let profiles = ctx.store.profiles_by_ids(&ids).await?;
    let find = |id: MemberId| -> Option<&Profile> {
        profiles.iter().find(|p| p.id == id).map(|p| &p.profile)
    };
    Ok(rows
        .iter()
        .filter_map(|(id, is_steward)| {
            let profile = find(*id)?;
            (all || can_view_profile(*id, profile.visibility, viewer)).then(|| NodePerson {
                id: *id,
                display_name: profile.display_name.clone(),
                is_steward: *is_steward,
            })
        })
        .collect())
}

/// Changes to a node; `None` keeps a field as it is.
#[derive(Debug, Clone, Default)]
pub struct NodeChanges {
    /// Name.
    pub name: Option<String>,
    /// Slug.
    pub slug: Option<String>,
    /// Kind code.
    pub kind: Option<String>,
    /// Markdown description.
    pub description: Option<String>,
    /// Language codes.
    pub languages: Option<Vec<String>>,
    /// Visibility code.
    pub visibility: Option<String>,
    /// Join policy code.
    pub join_policy: Option<String>,
    /// Safety setting.
    pub safety: Option<bool>,
    /// The slug of the hosting organization (`Some("")` clears it); the steward must belong
    /// to it.
    pub organization: Option<String>,
}

/// The node's current fields as raw input (to prefill a form or merge changes into).
pub fn raw_fields(node: &NodeRecord) -> RawNodeFields {
    let f = &node.fields;
    RawNodeFields {
        name: f.name.clone(),
        slug: f.slug.clone(),
        kind: f.kind.code().to_owned(),
        description: f.description.clone(),
        languages: f.languages.clone(),
        visibility: f.visibility.code().to_owned(),
        join_policy: f.join_policy.code().to_owned(),
        safety: f.safety,
    }
}

/// A node a steward may edit.
///
/// # Errors
/// `NotFound` when not visible, `Forbidden` for non-stewards.
pub async fn node_for_editing(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
) -> AppResult<NodeRecord> {
    stewarded_node(ctx, me, key).await
}

/// Edits a node (stewards only); every field is validated before anything changes.
///
/// # Errors
/// `NotFound`, `Forbidden`, or `Invalid` naming fields (a taken slug included).
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn edit_node(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
    changes: NodeChanges,
) -> AppResult<NodeRecord> {
    let node = node_for_editing(ctx, me, key).await?;
    let mut raw = raw_fields(&node);
    let NodeChanges {
        name,
        slug,
        kind,
        description,
        languages,
        visibility,
        join_policy,
        safety,
        organization,
    } = changes;
    let host = match organization.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(key) => {
            let org = ctx.store.find_organization(key).await?;
            let belongs = match &org {
                Some(o) => matches!(
                    ctx.store.affiliation(o.id, me.id).await?,
                    praxis_store::organizations::Affiliation::Member
                        | praxis_store::organizations::Affiliation::Admin
                ),
                None => false,
            };
            match org {
                Some(o) if belongs => Some(Some(o.id)),
                _ => {
                    return Err(AppError::Invalid(FieldErrors::single(
                        "organization",
                        "error-organization-host",
                    )));
                }
            }
        }
    };
    raw.name = name.unwrap_or(raw.name);
    raw.slug = slug.unwrap_or(raw.slug);
    raw.kind = kind.unwrap_or(raw.kind);
    raw.description = description.unwrap_or(raw.description);
    raw.languages = languages.unwrap_or(raw.languages);
    raw.visibility = visibility.unwrap_or(raw.visibility);
    raw.join_policy = join_policy.unwrap_or(raw.join_policy);
    raw.safety = safety.unwrap_or(raw.safety);
    let mut fields = NodeFields::parse(raw)?;
    // A secret node keeps its unguessable address while its steward keeps it; a new address
    // for a secret node gets a random ending too.
    let keeps_address =
        fields.slug == node.fields.slug && node.fields.visibility == NodeVisibility::Secret;
    if fields.visibility == NodeVisibility::Secret && !keeps_address {
        fields.slug = secret_slug(&fields.slug)?;
    }
    match ctx
        .store
        .update_node(node.id, &fields, me.id, ctx.now())
        .await
    {
        Ok(()) => {}
        Err(StoreError::Conflict(Constraint::NodeSlugTaken)) => {
            return Err(AppError::Invalid(FieldErrors::single(
                "slug",
                "error-slug-taken",
            )));
        }
        Err(e) => return Err(e.into()),
    }
    if let Some(host) = host {
        ctx.store
            .set_node_organization(node.id, host, me.id, ctx.now())
            .await?;
    }
    tracing::info!(node.id = %node.id, "node edited");
    Ok(ctx.store.get_node(node.id).await?)
}

/// The nodes the member belongs to, safety nodes included (it is their own page), by name.
pub async fn my_nodes(ctx: &Context, me: &CurrentMember) -> AppResult<Vec<NodeRecord>> {
    Ok(ctx
        .store
        .list_member_nodes(me.id, scope_of(Viewer::Member(me.id)), true, 100)
        .await?)
}
