//! An item's family tree: the original and its adaptations of adaptations, as far as the
//! viewer may know them. An item the viewer may not read is left out and its visible
//! adaptations hang from its nearest visible ancestor, so the tree never hints at it.

use std::collections::HashMap;

use praxis_domain::ids::ItemId;
use praxis_domain::members::profile::Viewer;

use super::ItemRecord;
use crate::policy::CurrentMember;
use crate::policy::library::{ViewerNodes, may_read, readable_item};
use crate::policy::viewer_of;
use crate::{AppResult, Context};

/// One row of a family tree, in reading order.
#[derive(Debug, Clone)]
pub struct FamilyRow {
    /// The item (its content is empty when it was removed).
    pub item: ItemRecord,
    /// How deep it sits (0 for the root).
    pub depth: usize,
    /// True for the item the tree was asked about.
    pub is_current: bool,
}

fn visible(item: &ItemRecord, viewer: Viewer, nodes: &ViewerNodes) -> bool {
    if item.deleted {
        // A removed item keeps its place if the viewer could have read it.
        let mut alive = item.clone();
        alive.deleted = false;
        may_read(&alive, viewer, nodes)
    } else {
        may_read(item, viewer, nodes)
    }
}

/// The family tree of an item the viewer may read.
///
/// # Errors
/// `NotFound` when the viewer may not read the item.
pub async fn item_family(
    ctx: &Context,
    me: Option<&CurrentMember>,
    id: ItemId,
) -> AppResult<(ItemRecord, Vec<FamilyRow>)> {
    let viewer = viewer_of(me);
    let (item, nodes) = readable_item(ctx, me, id).await?;
    let family = ctx.store.item_family(item.id).await?;
    Ok((item.clone(), tree(family, item.id, viewer, &nodes)))
}

fn tree(
    family: Vec<ItemRecord>,
    current: ItemId,
    viewer: Viewer,
    nodes: &ViewerNodes,
) -> Vec<FamilyRow> {
    let parent_of: HashMap<ItemId, Option<ItemId>> =
        family.iter().map(|i| (i.id, i.adapted_from)).collect();
    let shown: HashMap<ItemId, &ItemRecord> = family
        .iter()
        .filter(|i| visible(i, viewer, nodes))
        .map(|i| (i.id, i))
        .collect();
    // The nearest shown ancestor of each shown item.
    let effective_parent = |id: ItemId| -> Option<ItemId> {
        let mut next = parent_of.get(&id).copied().flatten();
        let mut steps = 0;
        while let Some(p) = next {
            if shown.contains_key(&p) {
                return Some(p);
            }
            steps += 1;
            if steps > 500 {
                return None;
            }
            next = parent_of.get(&p).copied().flatten();
        }
        None
    };
    let mut children: HashMap<Option<ItemId>, Vec<&ItemRecord>> = HashMap::new();
    // `family` is oldest first, so children stay in the order they were made.
    for item in family.iter().filter(|i| shown.contains_key(&i.id)) {
        children
            .entry(effective_parent(item.id))
            .or_default()
            .push(item);
    }
    let mut rows = Vec::new();
    let mut stack: Vec<(&ItemRecord, usize)> = children
        .get(&None)
        .map(|roots| roots.iter().rev().map(|r| (*r, 0)).collect())
        .unwrap_or_default();
    while let Some((item, depth)) = stack.pop() {
        rows.push(FamilyRow {
            item: item.clone(),
            depth,
            is_current: item.id == current,
        });
        if let Some(kids) = children.get(&Some(item.id)) {
            stack.extend(kids.iter().rev().map(|k| (*k, depth + 1)));
        }
    }
    rows
}
