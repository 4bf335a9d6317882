//! Library items: who may read one (its reach, and for a node's item the node's members) and
//! who may change it (its creator, the node's stewards, network admins outside nodes).

use std::collections::HashSet;

use praxis_domain::ids::{ItemId, NodeId};
use praxis_domain::library::{EditorStanding, can_edit_item};
use praxis_domain::members::profile::Viewer;
use praxis_domain::nodes::Standing;
use praxis_store::library::{ItemReach, ItemRecord};

use super::viewer_of;
use crate::policy::CurrentMember;
use crate::{AppError, AppResult, Context};

/// The nodes whose members-only content the viewer may read: their active memberships, read
/// now (a request, a removal or a ban is no membership).
#[derive(Debug, Clone, Default)]
pub struct ViewerNodes(HashSet<NodeId>);

impl ViewerNodes {
    /// The viewer's active memberships.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn of(ctx: &Context, viewer: Viewer) -> AppResult<Self> {
        Ok(match viewer {
            Viewer::Anonymous => Self::default(),
            Viewer::Member(id) => Self(ctx.store.member_node_ids(id).await?.into_iter().collect()),
        })
    }

    /// True when the viewer belongs to the node.
    pub fn contains(&self, node: NodeId) -> bool {
        self.0.contains(&node)
    }

    /// The node ids.
    pub fn iter(&self) -> impl Iterator<Item = &NodeId> {
        self.0.iter()
    }
}

/// True when something with this reach, filed under `node`, is for the viewer.
pub fn reach_allows(
    reach: ItemReach,
    node: Option<NodeId>,
    viewer: Viewer,
    nodes: &ViewerNodes,
) -> bool {
    match reach {
        ItemReach::Public => true,
        ItemReach::Members => matches!(viewer, Viewer::Member(_)),
        ItemReach::NodeMembers => node.is_some_and(|n| nodes.contains(n)),
    }
}

/// True when the viewer may read a live item.
pub fn may_read(item: &ItemRecord, viewer: Viewer, nodes: &ViewerNodes) -> bool {
    !item.deleted && reach_allows(item.reach, item.node_id, viewer, nodes)
}

/// The item, if the viewer may read it, with the viewer's nodes (to judge its relatives).
///
/// # Errors
/// `NotFound` when it does not exist, was deleted, or the viewer may not read it.
pub async fn readable_item(
    ctx: &Context,
    me: Option<&CurrentMember>,
    id: ItemId,
) -> AppResult<(ItemRecord, ViewerNodes)> {
    let viewer = viewer_of(me);
    let item = ctx.store.get_item(id).await?.ok_or(AppError::NotFound)?;
    let nodes = ViewerNodes::of(ctx, viewer).await?;
    if may_read(&item, viewer, &nodes) {
        Ok((item, nodes))
    } else {
        Err(AppError::NotFound)
    }
}

/// True when the member may change the item.
///
/// # Errors
/// When the store fails.
pub async fn may_edit(ctx: &Context, me: &CurrentMember, item: &ItemRecord) -> AppResult<bool> {
    // An item filed under a node is its creator's to change while they belong to the node.
    let standing = match item.node_id {
        Some(node) => Some(ctx.store.node_standing(node, me.id).await?),
        None => None,
    };
    Ok(can_edit_item(
        item.fields.scope,
        EditorStanding {
            is_creator: item.created_by == Some(me.id) && standing.is_none_or(Standing::is_member),
            is_node_steward: standing == Some(Standing::Steward),
            is_network_admin: me.is_admin,
        },
    ))
}

/// The item, if the member may change it.
///
/// # Errors
/// `NotFound` when they may not read it, `Forbidden` when they may read but not change it.
pub async fn editable_item(ctx: &Context, me: &CurrentMember, id: ItemId) -> AppResult<ItemRecord> {
    let (item, _) = readable_item(ctx, Some(me), id).await?;
    if may_edit(ctx, me, &item).await? {
        Ok(item)
    } else {
        Err(AppError::Forbidden)
    }
}
