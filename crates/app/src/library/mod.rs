//! The library: members publish materials, adapt and translate each other's, keep every
//! version, and attach files. Who may read an item follows its scope (and its node's
//! visibility); who may change it follows [`can_edit_item`].

mod attachments;
mod family;
mod history;

use std::collections::HashSet;

use praxis_domain::ids::{ItemId, NodeId};
use praxis_domain::library::{
    AdaptationNote, EditorStanding, ItemFields, ItemScope, RawItemFields, can_edit_item,
};
use praxis_domain::members::profile::{Viewer, can_view_profile};
use praxis_domain::nodes::Standing;
use praxis_domain::validation::FieldErrors;
use praxis_store::StoreError;
use praxis_store::library::{ItemFilter, ItemReach, NewItem};
use praxis_store::nodes::NodeRecord;
use tracing::instrument;

pub use self::attachments::{FileDownload, Upload, attach_file, download_file, remove_file};
pub use self::family::{FamilyRow, item_family};
pub use self::history::{
    DiffLine, DiffPart, FieldChange, VersionDiff, item_history, restore_version, version_diff,
};
pub use praxis_store::library::{AttachmentRecord, ItemRecord, ItemVersion, TagFacet};

use crate::accounts::CurrentMember;
use crate::markdown::render_markdown;
use crate::nodes::visible_node_for;
use crate::paging::{decode_cursor, encode_cursor};
use crate::profiles::viewer_of;
use crate::{AppError, AppResult, Context};

/// The nodes whose members-only content the viewer may read (their active memberships).
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

/// True when the viewer may read a live item.
pub fn may_read(item: &ItemRecord, viewer: Viewer, nodes: &ViewerNodes) -> bool {
    if item.deleted {
        return false;
    }
    match item.reach {
        ItemReach::Public => true,
        ItemReach::Members => matches!(viewer, Viewer::Member(_)),
        ItemReach::NodeMembers => item.node_id.is_some_and(|n| nodes.contains(n)),
    }
}

/// An item as one viewer may see it.
#[derive(Debug, Clone)]
pub struct ItemView {
    /// The item.
    pub item: ItemRecord,
    /// The body as safe HTML.
    pub body_html: String,
    /// Its node, when it has one.
    pub node: Option<NodeRecord>,
    /// Its creator's name, when the viewer may see their profile.
    pub creator: Option<(praxis_domain::ids::MemberId, String)>,
    /// What it was adapted from, as far as the viewer may know.
    pub original: Option<Original>,
    /// Adaptations of it the viewer may read.
    pub adaptations: Vec<ItemRecord>,
    /// Its files.
    pub attachments: Vec<AttachmentRecord>,
    /// The viewer may edit it.
    pub can_edit: bool,
}

/// The original of an adaptation, as far as the viewer may know it.
#[derive(Debug, Clone)]
pub enum Original {
    /// An item the viewer may read.
    Readable(Box<ItemRecord>),
    /// The original was deleted.
    Removed,
    /// The viewer may not read it.
    Private,
}

/// The item, if the viewer may read it (`NotFound` otherwise, whether it exists or not).
pub(crate) async fn readable_item(
    ctx: &Context,
    viewer: Viewer,
    id: &str,
) -> AppResult<(ItemRecord, ViewerNodes)> {
    let id: ItemId = id.parse().map_err(|_| AppError::NotFound)?;
    let item = ctx.store.get_item(id).await?.ok_or(AppError::NotFound)?;
    let nodes = ViewerNodes::of(ctx, viewer).await?;
    if may_read(&item, viewer, &nodes) {
        Ok((item, nodes))
    } else {
        Err(AppError::NotFound)
    }
}

async fn may_edit(ctx: &Context, me: &CurrentMember, item: &ItemRecord) -> AppResult<bool> {
    let is_node_steward = match item.node_id {
        Some(node) => ctx.store.node_standing(node, me.id).await? == Standing::Steward,
        None => false,
    };
    Ok(can_edit_item(
        item.fields.scope,
        EditorStanding {
            is_creator: item.created_by == Some(me.id),
            is_node_steward,
            is_network_admin: me.is_admin,
        },
    ))
}

/// The item, if the member may edit it: `NotFound` when they may not read it, `Forbidden`
/// when they may read but not edit.
pub(crate) async fn editable_item(
    ctx: &Context,
    me: &CurrentMember,
    id: &str,
) -> AppResult<ItemRecord> {
    let (item, _) = readable_item(ctx, Viewer::Member(me.id), id).await?;
    if may_edit(ctx, me, &item).await? {
        Ok(item)
    } else {
        Err(AppError::Forbidden)
    }
}

/// One item as the viewer may see it.
///
/// # Errors
/// `NotFound` when it does not exist, was deleted, or the viewer may not read it.
pub async fn view_item(ctx: &Context, me: Option<&CurrentMember>, id: &str) -> AppResult<ItemView> {
    let viewer = viewer_of(me);
    let (item, nodes) = readable_item(ctx, viewer, id).await?;
    let node = match item.node_id {
        Some(n) => visible_node_for(ctx, viewer, &n.to_string())
            .await
            .ok()
            .map(|(n, _)| n),
        None => None,
    };
    let creator = match item.created_by {
        Some(c) => ctx
            .store
            .profiles_by_ids(&[c])
            .await?
            .into_iter()
            .find(|p| can_view_profile(p.id, p.profile.visibility, viewer))
            .map(|p| (p.id, p.profile.display_name)),
        None => None,
    };
    let original = match item.adapted_from {
        Some(o) => Some(match ctx.store.get_item(o).await? {
            Some(orig) if may_read(&orig, viewer, &nodes) => Original::Readable(Box::new(orig)),
            Some(orig) if orig.deleted => Original::Removed,
            _ => Original::Private,
        }),
        None => None,
    };
    let family = ctx.store.item_family(item.id).await?;
    let adaptations = family
        .into_iter()
        .filter(|f| f.adapted_from == Some(item.id) && may_read(f, viewer, &nodes))
        .collect();
    let attachments = ctx.store.list_attachments(item.id).await?;
    let can_edit = match me {
        Some(me) => may_edit(ctx, me, &item).await?,
        None => false,
    };
    Ok(ItemView {
        body_html: render_markdown(&item.fields.body),
        item,
        node,
        creator,
        original,
        adaptations,
        attachments,
        can_edit,
    })
}

/// Resolves the node an item is filed under: one the member belongs to.
async fn node_for_item(
    ctx: &Context,
    me: &CurrentMember,
    scope: ItemScope,
    key: Option<&str>,
) -> AppResult<Option<NodeId>> {
    let key = key.map(str::trim).filter(|k| !k.is_empty());
    let Some(key) = key else {
        return if scope == ItemScope::Node {
            Err(AppError::Invalid(FieldErrors::single(
                "node",
                "error-required",
            )))
        } else {
            Ok(None)
        };
    };
    match visible_node_for(ctx, Viewer::Member(me.id), key).await {
        Ok((node, standing)) if standing.is_member() && !node.is_proposed => Ok(Some(node.id)),
        Ok(_) => Err(AppError::Invalid(FieldErrors::single(
            "node",
            "error-not-node-member",
        ))),
        Err(AppError::NotFound) => Err(AppError::Invalid(FieldErrors::single(
            "node",
            "error-not-node-member",
        ))),
        Err(e) => Err(e),
    }
}

/// Publishes a new item; the member becomes its creator.
///
/// # Errors
/// `Invalid` naming the fields that are wrong (a node the member does not belong to too).
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn create_item(
    ctx: &Context,
    me: &CurrentMember,
    raw: RawItemFields,
    node: Option<&str>,
) -> AppResult<ItemRecord> {
    publish(ctx, me, raw, node, None).await
}

/// Adapts or translates an item: a new item linked to its original, saying what changed.
///
/// # Errors
/// `NotFound` when the member may not read the original; `Invalid` naming fields.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn adapt_item(
    ctx: &Context,
    me: &CurrentMember,
    original: &str,
    raw: RawItemFields,
    node: Option<&str>,
    note: (&str, &str, &str),
) -> AppResult<ItemRecord> {
    let (original, _) = readable_item(ctx, Viewer::Member(me.id), original).await?;
    let parsed = ItemFields::parse(raw.clone());
    let note = AdaptationNote::parse(note.0, note.1, note.2);
    match (parsed, note) {
        (Ok(_), Ok(note)) => publish(ctx, me, raw, node, Some((original.id, note))).await,
        (Err(mut a), Err(b)) => {
            for e in b.iter() {
                a.add(e.field().to_owned(), e.key());
            }
            Err(AppError::Invalid(a))
        }
        (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(AppError::Invalid(e)),
    }
}

async fn publish(
    ctx: &Context,
    me: &CurrentMember,
    raw: RawItemFields,
    node: Option<&str>,
    adapted_from: Option<(ItemId, AdaptationNote)>,
) -> AppResult<ItemRecord> {
    let fields = ItemFields::parse(raw)?;
    let node_id = node_for_item(ctx, me, fields.scope, node).await?;
    let id = ItemId::generate();
    ctx.store
        .create_item(&NewItem {
            id,
            fields: &fields,
            node_id,
            created_by: me.id,
            adapted_from: adapted_from.as_ref().map(|(o, n)| (*o, n)),
            now: ctx.now(),
        })
        .await?;
    tracing::info!(item.id = %id, "library item published");
    ctx.store.get_item(id).await?.ok_or(AppError::NotFound)
}

/// Saves an edit as a new version.
///
/// # Errors
/// `NotFound`/`Forbidden` as [`editable_item`]; `Invalid` naming fields; `Conflict` when
/// someone saved since `expected_version` was loaded.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn edit_item(
    ctx: &Context,
    me: &CurrentMember,
    id: &str,
    raw: RawItemFields,
    node: Option<&str>,
    expected_version: i64,
) -> AppResult<ItemRecord> {
    let item = editable_item(ctx, me, id).await?;
    let fields = ItemFields::parse(raw)?;
    let node_id = node_for_item(ctx, me, fields.scope, node).await?;
    ctx.store
        .update_item(
            item.id,
            &fields,
            node_id,
            me.id,
            expected_version,
            "edited",
            ctx.now(),
        )
        .await?;
    ctx.store.get_item(item.id).await?.ok_or(AppError::NotFound)
}

/// Deletes an item (its adaptations keep their place in the family) and its files.
///
/// # Errors
/// As [`editable_item`].
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn delete_item(ctx: &Context, me: &CurrentMember, id: &str) -> AppResult<()> {
    let item = editable_item(ctx, me, id).await?;
    let keys = match ctx.store.delete_item(item.id, ctx.now()).await {
        Err(StoreError::NotFound) => return Err(AppError::NotFound),
        other => other?,
    };
    for key in keys {
        if let Err(e) = ctx.files.delete(&key).await {
            tracing::warn!(error = %e, "a deleted item's file could not be removed");
        }
    }
    tracing::info!(item.id = %item.id, "library item deleted");
    Ok(())
}

/// What to browse.
#[derive(Debug, Clone, Default)]
pub struct LibraryQuery {
    /// A kind code.
    pub kind: Option<String>,
    /// A tag: (facet code, value).
    pub tag: Option<(String, String)>,
    /// A node id or slug.
    pub node: Option<String>,
}

/// A page of the items the viewer may read, newest first, and the cursor of the next page.
///
/// # Errors
/// `Invalid` naming `kind`, `tag` or `cursor` for values this list does not know; `NotFound`
/// for a node the viewer may not see.
pub async fn list_items_page(
    ctx: &Context,
    me: Option<&CurrentMember>,
    q: &LibraryQuery,
    cursor: Option<&str>,
    limit: u32,
) -> AppResult<(Vec<ItemRecord>, Option<String>)> {
    let viewer = viewer_of(me);
    let mut filter = ItemFilter::default();
    if let Some(kind) = q.kind.as_deref().filter(|k| !k.is_empty()) {
        filter.kind = Some(
            praxis_domain::library::ItemKind::from_code(kind).ok_or_else(|| {
                AppError::Invalid(FieldErrors::single("kind", "error-unknown-choice"))
            })?,
        );
    }
    if let Some((facet, value)) = q.tag.as_ref().filter(|(_, v)| !v.is_empty()) {
        let facet = TagFacet::from_code(facet)
            .ok_or_else(|| AppError::Invalid(FieldErrors::single("tag", "error-unknown-choice")))?;
        filter.tag = Some((facet, value.clone()));
    }
    if let Some(node) = q.node.as_deref().filter(|n| !n.is_empty()) {
        filter.node = Some(visible_node_for(ctx, viewer, node).await?.0.id);
    }
    let bad_cursor = || AppError::Invalid(FieldErrors::single("cursor", "error-cursor"));
    let after = match cursor.filter(|c| !c.is_empty()) {
        Some(c) => {
            let (at, id) = decode_cursor(c).ok_or_else(bad_cursor)?;
            let at: i64 = at.parse().map_err(|_| bad_cursor())?;
            let id: ItemId = id.parse().map_err(|_| bad_cursor())?;
            Some((praxis_domain::timestamps::Timestamp::from_unix_ms(at), id))
        }
        None => None,
    };
    let limit = limit.clamp(1, 100);
    let mut items = ctx
        .store
        .list_items(viewer, &filter, after, limit + 1)
        .await?;
    let next = if items.len() > limit as usize {
        items.truncate(limit as usize);
        items
            .last()
            .map(|i| encode_cursor(&i.created_at.unix_ms().to_string(), &i.id.to_string()))
    } else {
        None
    };
    Ok((items, next))
}
