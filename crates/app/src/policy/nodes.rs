//! Nodes: who may know one exists, see its members, steward it, and reach out from it.

use praxis_domain::ids::NodeId;
use praxis_domain::members::profile::Viewer;
use praxis_domain::nodes::{NodeVisibility, Standing, can_see_node, can_see_node_members};
use praxis_store::StoreError;
use praxis_store::nodes::{NodeRecord, NodeScope};

use super::library::ViewerNodes;
use super::viewer_of;
use crate::policy::CurrentMember;
use crate::{AppError, AppResult, Context};

/// Which nodes a listing may include for this viewer.
pub fn scope_of(viewer: Viewer) -> NodeScope {
    match viewer {
        Viewer::Anonymous => NodeScope::PublicOnly,
        Viewer::Member(id) => NodeScope::MemberView(id),
    }
}

/// The node with this id or slug, whatever the viewer may know (for steps that apply their
/// own rule, such as leaving a node or deciding a proposal).
///
/// # Errors
/// `NotFound` when there is none.
pub async fn find_node(ctx: &Context, key: &str) -> AppResult<NodeRecord> {
    let found = match key.parse::<NodeId>() {
        Ok(id) => match ctx.store.get_node(id).await {
            Ok(node) => Some(node),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        },
        Err(_) => ctx.store.find_node_by_slug(key).await?,
    };
    found.ok_or(AppError::NotFound)
}

/// True when a viewer with this standing may know the node exists: its visibility decides,
/// and a proposal is seen by its proposer (its steward) and the network admins who decide.
pub fn may_know(node: &NodeRecord, me: Option<&CurrentMember>, standing: Standing) -> bool {
    if node.is_proposed {
        return standing == Standing::Steward || me.is_some_and(|m| m.is_admin);
    }
    can_see_node(node.fields.visibility, viewer_of(me), standing)
}

/// True when the viewer may see who belongs to the node (the safety setting keeps the list
/// to its stewards, whoever else asks — network admins included).
pub fn may_see_members(node: &NodeRecord, me: Option<&CurrentMember>, standing: Standing) -> bool {
    may_know(node, me, standing)
        && can_see_node_members(
            node.fields.visibility,
            node.fields.safety,
            viewer_of(me),
            standing,
        )
}

/// The node with this id or slug and the viewer's standing in it, if they may know it exists.
/// One query either way, so a node kept from the viewer costs what a missing one does.
///
/// # Errors
/// `NotFound` for a missing node and for one the viewer may not know about.
pub async fn visible_node(
    ctx: &Context,
    me: Option<&CurrentMember>,
    key: &str,
) -> AppResult<(NodeRecord, Standing)> {
    let found = ctx
        .store
        .find_node_with_standing(key, me.map(|m| m.id))
        .await?;
    match found {
        Some((node, standing)) if may_know(&node, me, standing) => Ok((node, standing)),
        _ => Err(AppError::NotFound),
    }
}

/// A node the member stewards.
///
/// # Errors
/// `NotFound` when they may not know it, `Forbidden` when they are no steward.
pub async fn stewarded_node(ctx: &Context, me: &CurrentMember, key: &str) -> AppResult<NodeRecord> {
    let (node, standing) = visible_node(ctx, Some(me), key).await?;
    if standing == Standing::Steward {
        Ok(node)
    } else {
        Err(AppError::Forbidden)
    }
}

/// A node from which its steward may reach people outside it — invitations, roster
/// imports, anything that sends mail in its name. A proposal is not a node yet: until a
/// network admin approves it, it reaches no one.
///
/// # Errors
/// As [`stewarded_node`]; `Forbidden` for a proposal.
pub async fn outreach_node(ctx: &Context, me: &CurrentMember, key: &str) -> AppResult<NodeRecord> {
    let node = stewarded_node(ctx, me, key).await?;
    if node.is_proposed {
        return Err(AppError::Forbidden);
    }
    Ok(node)
}

/// True when a viewer who belongs to `mine` may know this node exists (for lists, where the
/// standing in each node is not loaded one by one).
pub fn may_know_among(node: &NodeRecord, me: Option<&CurrentMember>, mine: &ViewerNodes) -> bool {
    if node.is_proposed {
        return false;
    }
    match node.fields.visibility {
        NodeVisibility::Public => true,
        NodeVisibility::Members => me.is_some(),
        NodeVisibility::Secret => mine.contains(node.id),
    }
}

/// The ancestors of a node the viewer may see, root first — only the unbroken chain above it,
/// so a hidden level is never skipped over (a gap would tell that one is there).
pub fn unbroken_ancestors(node: &NodeRecord, visible: Vec<NodeRecord>) -> Vec<NodeRecord> {
    let mut chain = Vec::new();
    let mut next = node.parent_id;
    while let Some(parent) = next {
        match visible.iter().find(|n| n.id == parent) {
            Some(p) => {
                next = p.parent_id;
                chain.push(p.clone());
            }
            None => break,
        }
    }
    chain.reverse();
    chain
}

/// Clears, in each node, the parent the viewer may not know about: a public node under a
/// secret one shows no trace of it.
///
/// # Errors
/// When the store fails.
pub async fn hide_unknown_parents(
    ctx: &Context,
    me: Option<&CurrentMember>,
    nodes: &mut [NodeRecord],
) -> AppResult<()> {
    let mut parents: Vec<NodeId> = nodes.iter().filter_map(|n| n.parent_id).collect();
    parents.sort_unstable();
    parents.dedup();
    if parents.is_empty() {
        return Ok(());
    }
    let found = ctx.store.nodes_by_ids(&parents).await?;
    let mine = ViewerNodes::of(ctx, viewer_of(me)).await?;
    for node in nodes.iter_mut() {
        if let Some(parent) = node.parent_id
            && !found
                .iter()
                .any(|p| p.id == parent && may_know_among(p, me, &mine))
        {
            node.parent_id = None;
        }
    }
    Ok(())
}

/// The node an item or workshop was filed under, as the viewer may know it: `None` for a node
/// they may not know about (so no id of it leaves the server).
///
/// # Errors
/// When the store fails.
pub async fn known_node(
    ctx: &Context,
    me: Option<&CurrentMember>,
    node: Option<NodeId>,
) -> AppResult<Option<NodeRecord>> {
    let Some(id) = node else {
        return Ok(None);
    };
    match visible_node(ctx, me, &id.to_string()).await {
        Ok((node, _)) => Ok(Some(node)),
        Err(AppError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Clears each node id (of an item, a workshop …) that names a node the viewer may not know
/// about, so a public thing a secret node published carries no trace of it.
///
/// # Errors
/// When the store fails.
pub async fn hide_unknown_nodes(
    ctx: &Context,
    me: Option<&CurrentMember>,
    slots: Vec<&mut Option<NodeId>>,
) -> AppResult<()> {
    let mut ids: Vec<NodeId> = slots.iter().filter_map(|s| **s).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(());
    }
    let found = ctx.store.nodes_by_ids(&ids).await?;
    let mine = ViewerNodes::of(ctx, viewer_of(me)).await?;
    for slot in slots {
        if let Some(id) = *slot
            && !found
                .iter()
                .any(|n| n.id == id && may_know_among(n, me, &mine))
        {
            *slot = None;
        }
    }
    Ok(())
}
