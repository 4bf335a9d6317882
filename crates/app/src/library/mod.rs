//! The library: members publish materials, adapt and translate each other's, keep every
//! version, and attach files. Who may read an item follows its scope (and its node's
//! visibility); who may change it follows [`can_edit_item`].

mod attachments;
mod family;
mod history;

use praxis_domain::ids::{ItemId, NodeId};
use praxis_domain::library::{AdaptationNote, ItemFields, ItemScope, RawItemFields};
use praxis_domain::members::profile::can_view_profile;
use praxis_domain::validation::FieldErrors;
use praxis_store::StoreError;
use praxis_store::library::{ItemFilter, NewItem};
use praxis_store::nodes::NodeRecord;
use tracing::instrument;

pub use self::attachments::{FileDownload, Upload, attach_file, download_file, remove_file};
pub use self::family::{FamilyRow, item_family};
pub use self::history::{
    DiffLine, DiffPart, FieldChange, VersionDiff, item_history, restore_version, version_diff,
};
pub use praxis_store::library::{AttachmentRecord, ItemRecord, ItemVersion, TagFacet};

use crate::markdown::render_markdown;
use crate::paging::{decode_cursor, encode_cursor};
use crate::policy::CurrentMember;
use crate::policy::library::{editable_item, may_edit as policy_may_edit, may_read, readable_item};
use crate::policy::nodes::{hide_unknown_nodes, known_node, visible_node};
use crate::policy::viewer_of;
use crate::{AppError, AppResult, Context};

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

/// One item as the viewer may see it.
///
/// # Errors
/// `NotFound` when it does not exist, was deleted, or the viewer may not read it.
pub async fn view_item(
    ctx: &Context,
    me: Option<&CurrentMember>,
    id: ItemId,
) -> AppResult<ItemView> {
    let viewer = viewer_of(me);
    let (mut item, nodes) = readable_item(ctx, me, id).await?;
    let node = known_node(ctx, me, item.node_id).await?;
    item.node_id = node.as_ref().map(|n| n.id);
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
        Some(me) => policy_may_edit(ctx, me, &item).await?,
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
    match visible_node(ctx, Some(me), key).await {
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
    original: ItemId,
    raw: RawItemFields,
    node: Option<&str>,
    note: (&str, &str, &str),
) -> AppResult<ItemRecord> {
    let (original, _) = readable_item(ctx, Some(me), original).await?;
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
    id: ItemId,
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
pub async fn delete_item(ctx: &Context, me: &CurrentMember, id: ItemId) -> AppResult<()> {
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
        filter.node = Some(visible_node(ctx, me, node).await?.0.id);
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
    hide_unknown_nodes(ctx, me, items.iter_mut().map(|i| &mut i.node_id).collect()).await?;
    Ok((items, next))
}
