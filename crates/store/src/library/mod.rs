//! Library items: every version kept, tags for browsing, lineage of adaptations. Items are
//! soft-deleted (their content erased, the row kept) so an adaptation still knows it had an
//! original.

mod files;
mod lineage;
mod versions;

pub use self::files::{AttachmentRecord, NewAttachment};
pub use self::lineage::FamilyMember;
pub use self::versions::ItemVersion;

use praxis_domain::ids::{ItemId, MemberId, NodeId};
use praxis_domain::library::{AdaptationNote, ItemFields, ItemKind, ItemScope};
use praxis_domain::members::profile::{Practice, Viewer};
use praxis_domain::timestamps::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe, Row as _};

use crate::search_changes::{ChangedEntity, record_change};
use crate::{Describe as _, Store, StoreError, StoreResult, corrupt};

/// Who may read an item, as stored (kept in step with its node's visibility).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemReach {
    /// Anyone.
    Public,
    /// Network members.
    Members,
    /// The members of the item's node only.
    NodeMembers,
}

impl ItemReach {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            ItemReach::Public => "public",
            ItemReach::Members => "members",
            ItemReach::NodeMembers => "node",
        }
    }

    pub(crate) fn from_code(code: &str) -> Option<Self> {
        match code {
            "public" => Some(ItemReach::Public),
            "members" => Some(ItemReach::Members),
            "node" => Some(ItemReach::NodeMembers),
            _ => None,
        }
    }
}

/// A stored item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRecord {
    /// Its id.
    pub id: ItemId,
    /// Its current fields (the body is empty in listings).
    pub fields: ItemFields,
    /// The node it belongs to, if any.
    pub node_id: Option<NodeId>,
    /// Who may read it.
    pub reach: ItemReach,
    /// Who created it (absent once their account is deleted).
    pub created_by: Option<MemberId>,
    /// The item it adapts, if it is an adaptation.
    pub adapted_from: Option<ItemId>,
    /// What the adaptation changed.
    pub adaptation: AdaptationNote,
    /// The current version number (1 for a new item).
    pub version: i64,
    /// When it was created.
    pub created_at: Timestamp,
    /// When it was last changed.
    pub updated_at: Timestamp,
    /// True once deleted: the content is gone, the place in the family remains.
    pub deleted: bool,
}

/// A new item.
#[derive(Debug, Clone)]
pub struct NewItem<'a> {
    /// Its id.
    pub id: ItemId,
    /// Its fields.
    pub fields: &'a ItemFields,
    /// Its node (required for the node scope).
    pub node_id: Option<NodeId>,
    /// Its creator.
    pub created_by: MemberId,
    /// The original it adapts, and what changed.
    pub adapted_from: Option<(ItemId, &'a AdaptationNote)>,
    /// Now.
    pub now: Timestamp,
}

/// A facet an item is tagged with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagFacet {
    /// A practice code.
    Practice,
    /// A domain.
    Domain,
    /// A region.
    Region,
    /// A language code.
    Language,
}

impl TagFacet {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            TagFacet::Practice => "practice",
            TagFacet::Domain => "domain",
            TagFacet::Region => "region",
            TagFacet::Language => "language",
        }
    }

    /// The facet with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        [
            TagFacet::Practice,
            TagFacet::Domain,
            TagFacet::Region,
            TagFacet::Language,
        ]
        .into_iter()
        .find(|f| f.code() == code)
    }
}

/// What an item listing must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemFilter {
    /// Only this kind.
    pub kind: Option<ItemKind>,
    /// Only items with this tag (the value in any case).
    pub tag: Option<(TagFacet, String)>,
    /// Only items of this node.
    pub node: Option<NodeId>,
}

const ITEM_COLUMNS: &str = "i.item_id, i.kind, i.title, i.summary, i.practices, i.domains, \
     i.regions, i.languages, i.license, i.authors, i.scope, i.node_id, i.reach, i.created_by, \
     i.adapted_from, i.adapted_language, i.adapted_context, i.adapted_audience, i.version, \
     i.created_at, i.updated_at, i.deleted_at";

/// The SQL condition that the viewer may read item `i`, binding the member id at `$param`.
fn readable_clause(viewer: Viewer, param: usize) -> (String, Option<String>) {
    match viewer {
        // The parameter is still bound (empty): PostgreSQL refuses unused ones.
        Viewer::Anonymous => (
            format!("i.reach = 'public' AND i.item_id <> ${param}"),
            None,
        ),
        Viewer::Member(id) => (
            format!(
                "(i.reach IN ('public', 'members') OR (i.reach = 'node' AND EXISTS (
                    SELECT 1 FROM node_members nm WHERE nm.node_id = i.node_id
                    AND nm.member_id = ${param} AND nm.status = 'active')))"
            ),
            Some(id.to_string()),
        ),
    }
}

impl Store {
    /// Creates an item (version 1, its tags, a change for search) in one transaction.
    ///
    /// # Errors
    /// `NotFound` when the node or the original does not exist.
    pub async fn create_item(&self, new: &NewItem<'_>) -> StoreResult<()> {
        self.create_items(std::slice::from_ref(new)).await
    }

    /// Creates several items in one transaction (all or none): imports, the demo and
    /// benchmarks.
    ///
    /// # Errors
    /// As [`Store::create_item`].
    pub async fn create_items(&self, items: &[NewItem<'_>]) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to create items")?;
        for new in items {
            insert_item(&mut tx, new).await?;
        }
        tx.commit().await.describe("committing new items")
    }

    /// Saves new fields as the next version, if `expected_version` is still the current one.
    /// Returns the new version number.
    ///
    /// # Errors
    /// `NotFound` for a missing or deleted item or node; `Conflict(StaleVersion)` when someone
    /// saved in between.
    #[expect(clippy::too_many_arguments, reason = "one edit, every part named")]
    pub async fn update_item(
        &self,
        id: ItemId,
        fields: &ItemFields,
        node_id: Option<NodeId>,
        editor: MemberId,
        expected_version: i64,
        note: &str,
        now: Timestamp,
    ) -> StoreResult<i64> {
        let mut tx = self.write.begin().await.describe("starting an item edit")?;
        let reach = reach_for(&mut tx, fields.scope, node_id).await?;
        let current: Option<(i64, Option<i64>)> =
            sqlx::query_as("SELECT version, deleted_at FROM library_items WHERE item_id = $1")
                .bind(id.to_string())
                .fetch_optional(&mut *tx)
                .await
                .describe("reading an item's version")?;
        match current {
            None | Some((_, Some(_))) => return Err(StoreError::NotFound),
            Some((v, None)) if v != expected_version => {
                return Err(StoreError::Conflict(crate::Constraint::StaleVersion));
            }
            Some(_) => {}
        }
        let version = expected_version + 1;
        sqlx::query(
            "UPDATE library_items SET kind = $2, title = $3, summary = $4, body = $5,
                practices = $6, domains = $7, regions = $8, languages = $9, license = $10,
                authors = $11, scope = $12, node_id = $13, reach = $14, version = $15,
                updated_at = $16
             WHERE item_id = $1",
        )
        .bind(id.to_string())
        .bind(fields.kind.code())
        .bind(&fields.title)
        .bind(&fields.summary)
        .bind(&fields.body)
        .bind(practice_lines(&fields.practices))
        .bind(fields.domains.join("\n"))
        .bind(fields.regions.join("\n"))
        .bind(fields.languages.join("\n"))
        .bind(&fields.license)
        .bind(fields.authors.join("\n"))
        .bind(fields.scope.code())
        .bind(node_id.map(|n| n.to_string()))
        .bind(reach.code())
        .bind(version)
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("updating an item")?;
        versions::insert_version(
            &mut tx,
            id,
            version,
            fields,
            node_id,
            Some(editor),
            note,
            now,
        )
        .await?;
        sqlx::query("DELETE FROM library_tags WHERE item_id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await
            .describe("clearing an item's tags")?;
        let created: i64 =
            sqlx::query_scalar("SELECT created_at FROM library_items WHERE item_id = $1")
                .bind(id.to_string())
                .fetch_one(&mut *tx)
                .await
                .describe("reading when an item was created")?;
        write_tags(&mut tx, id, fields, Timestamp::from_unix_ms(created)).await?;
        record_change(&mut tx, ChangedEntity::Item, &id.to_string(), now).await?;
        tx.commit().await.describe("committing an item edit")?;
        Ok(version)
    }

    /// Deletes an item: its content, versions, tags and attachments go; the row stays as a
    /// place in its family. Returns the storage keys of the attachments to remove.
    ///
    /// # Errors
    /// `NotFound` for a missing or already deleted item.
    pub async fn delete_item(&self, id: ItemId, now: Timestamp) -> StoreResult<Vec<String>> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to delete an item")?;
        let done = sqlx::query(
            "UPDATE library_items SET title = '', summary = '', body = '', practices = '',
                domains = '', regions = '', languages = '', license = '', authors = '',
                deleted_at = $2, updated_at = $2
             WHERE item_id = $1 AND deleted_at IS NULL",
        )
        .bind(id.to_string())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("deleting an item")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let keys: Vec<String> =
            sqlx::query_scalar("SELECT storage_key FROM library_attachments WHERE item_id = $1")
                .bind(id.to_string())
                .fetch_all(&mut *tx)
                .await
                .describe("listing an item's files")?;
        for table in ["library_attachments", "library_tags", "library_versions"] {
            sqlx::query(AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE item_id = $1"
            )))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await
            .describe("erasing a deleted item's content")?;
        }
        record_change(&mut tx, ChangedEntity::Item, &id.to_string(), now).await?;
        tx.commit().await.describe("committing an item deletion")?;
        Ok(keys)
    }

    /// The item with this id, deleted or not.
    pub async fn get_item(&self, id: ItemId) -> StoreResult<Option<ItemRecord>> {
        let sql =
            format!("SELECT {ITEM_COLUMNS}, i.body FROM library_items i WHERE i.item_id = $1");
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading an item")?;
        row.as_ref().map(|r| item_from_row(r, true)).transpose()
    }

    /// These items with their bodies (deleted ones too; callers apply the rules), in no order.
    pub async fn items_by_ids(&self, ids: &[ItemId]) -> StoreResult<Vec<ItemRecord>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = (1..=ids.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT {ITEM_COLUMNS}, i.body FROM library_items i WHERE i.item_id IN ({placeholders})"
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for id in ids {
            query = query.bind(id.to_string());
        }
        let rows = query
            .fetch_all(&self.read)
            .await
            .describe("loading items")?;
        rows.iter().map(|r| item_from_row(r, true)).collect()
    }

    /// The live items a member created, newest first, with their bodies (at most `limit`):
    /// their export.
    pub async fn items_created_by(
        &self,
        member: MemberId,
        limit: u32,
    ) -> StoreResult<Vec<ItemRecord>> {
        let sql = format!(
            "SELECT {ITEM_COLUMNS}, i.body FROM library_items i
             WHERE i.created_by = $1 AND i.deleted_at IS NULL
             ORDER BY i.created_at DESC, i.item_id DESC LIMIT $2"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(member.to_string())
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing a member's items")?;
        rows.iter().map(|r| item_from_row(r, true)).collect()
    }

    /// Up to `limit` live items with their bodies, by id after `after`: for rebuilding the
    /// search index.
    pub async fn items_after(
        &self,
        after: Option<ItemId>,
        limit: u32,
    ) -> StoreResult<Vec<ItemRecord>> {
        let sql = format!(
            "SELECT {ITEM_COLUMNS}, i.body FROM library_items i
             WHERE i.item_id > $1 AND i.deleted_at IS NULL ORDER BY i.item_id LIMIT $2"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(after.map(|a| a.to_string()).unwrap_or_default())
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("reading items to index")?;
        rows.iter().map(|r| item_from_row(r, true)).collect()
    }

    /// A page of the items the viewer may read that match the filter, newest first, after
    /// `after` (the creation time and id of the last item of the previous page). Bodies are
    /// left out.
    pub async fn list_items(
        &self,
        viewer: Viewer,
        filter: &ItemFilter,
        after: Option<(Timestamp, ItemId)>,
        limit: u32,
    ) -> StoreResult<Vec<ItemRecord>> {
        enum Bind {
            Text(String),
            Int(i64),
        }
        let mut binds: Vec<Bind> = Vec::new();
        let param = |value: Bind, binds: &mut Vec<Bind>| {
            binds.push(value);
            binds.len()
        };
        let (readable, member) = readable_clause(viewer, 1);
        binds.push(Bind::Text(member.unwrap_or_default()));
        let mut conditions = vec!["i.deleted_at IS NULL".to_owned(), readable];
        let (from, order_time, order_id) = match &filter.tag {
            Some((facet, value)) => {
                let f = param(Bind::Text(facet.code().to_owned()), &mut binds);
                let v = param(Bind::Text(value.trim().to_lowercase()), &mut binds);
                conditions.push(format!("t.facet = ${f} AND t.value = ${v}"));
                (
                    "library_tags t JOIN library_items i ON i.item_id = t.item_id",
                    "t.created_at",
                    "t.item_id",
                )
            }
            None => ("library_items i", "i.created_at", "i.item_id"),
        };
        if let Some(kind) = filter.kind {
            let k = param(Bind::Text(kind.code().to_owned()), &mut binds);
            conditions.push(format!("i.kind = ${k}"));
        }
        if let Some(node) = filter.node {
            let n = param(Bind::Text(node.to_string()), &mut binds);
            conditions.push(format!("i.node_id = ${n}"));
        }
        if let Some((at, id)) = after {
            let t = param(Bind::Int(at.unix_ms()), &mut binds);
            let i = param(Bind::Text(id.to_string()), &mut binds);
            conditions.push(format!("({order_time}, {order_id}) < (${t}, ${i})"));
        }
        let l = param(Bind::Int(i64::from(limit)), &mut binds);
        let sql = format!(
            "SELECT {ITEM_COLUMNS} FROM {from} WHERE {} ORDER BY {order_time} DESC, {order_id} DESC LIMIT ${l}",
            conditions.join(" AND ")
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for bind in binds {
            query = match bind {
                Bind::Text(t) => query.bind(t),
                Bind::Int(n) => query.bind(n),
            };
        }
        let rows = query
            .fetch_all(&self.read)
            .await
            .describe("listing items")?;
        rows.iter().map(|r| item_from_row(r, false)).collect()
    }
}

async fn insert_item(tx: &mut AnyConnection, new: &NewItem<'_>) -> StoreResult<()> {
    let reach = reach_for(&mut *tx, new.fields.scope, new.node_id).await?;
    if let Some((original, _)) = new.adapted_from {
        let found: Option<String> =
            sqlx::query_scalar("SELECT item_id FROM library_items WHERE item_id = $1")
                .bind(original.to_string())
                .fetch_optional(&mut *tx)
                .await
                .describe("finding an original")?;
        if found.is_none() {
            return Err(StoreError::NotFound);
        }
    }
    let f = new.fields;
    let empty = AdaptationNote::default();
    let note = new.adapted_from.map_or(&empty, |(_, n)| n);
    sqlx::query(
        "INSERT INTO library_items (item_id, kind, title, summary, body, practices, domains,
                regions, languages, license, authors, scope, node_id, reach, created_by,
                adapted_from, adapted_language, adapted_context, adapted_audience, version,
                created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                $18, $19, 1, $20, $20)",
    )
    .bind(new.id.to_string())
    .bind(f.kind.code())
    .bind(&f.title)
    .bind(&f.summary)
    .bind(&f.body)
    .bind(practice_lines(&f.practices))
    .bind(f.domains.join("\n"))
    .bind(f.regions.join("\n"))
    .bind(f.languages.join("\n"))
    .bind(&f.license)
    .bind(f.authors.join("\n"))
    .bind(f.scope.code())
    .bind(new.node_id.map(|n| n.to_string()))
    .bind(reach.code())
    .bind(new.created_by.to_string())
    .bind(new.adapted_from.map(|(o, _)| o.to_string()))
    .bind(&note.language)
    .bind(&note.context)
    .bind(&note.audience)
    .bind(new.now.unix_ms())
    .execute(&mut *tx)
    .await
    .describe("inserting an item")?;
    let created = if new.adapted_from.is_some() {
        "adapted"
    } else {
        "created"
    };
    versions::insert_version(
        &mut *tx,
        new.id,
        1,
        f,
        new.node_id,
        Some(new.created_by),
        created,
        new.now,
    )
    .await?;
    write_tags(&mut *tx, new.id, f, new.now).await?;
    record_change(&mut *tx, ChangedEntity::Item, &new.id.to_string(), new.now).await?;
    Ok(())
}

fn practice_lines(practices: &[Practice]) -> String {
    practices
        .iter()
        .map(|p| p.code())
        .collect::<Vec<_>>()
        .join("\n")
}

fn lines(text: &str) -> Vec<String> {
    text.split('\n')
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Who may read an item (or a workshop) of this scope in this node, from the node's
/// visibility.
pub(crate) async fn reach_for(
    conn: &mut AnyConnection,
    scope: ItemScope,
    node: Option<NodeId>,
) -> StoreResult<ItemReach> {
    let visibility = match node {
        Some(node) => {
            let visibility: Option<String> = sqlx::query_scalar(
                "SELECT visibility FROM nodes WHERE node_id = $1 AND status = 'active'",
            )
            .bind(node.to_string())
            .fetch_optional(&mut *conn)
            .await
            .describe("reading a node's visibility")?;
            Some(visibility.ok_or(StoreError::NotFound)?)
        }
        None => None,
    };
    Ok(match (scope, visibility.as_deref()) {
        (ItemScope::Public, _) | (ItemScope::Node, Some("public")) => ItemReach::Public,
        (ItemScope::Members, _) | (ItemScope::Node, Some("members")) => ItemReach::Members,
        (ItemScope::Node, Some(_)) => ItemReach::NodeMembers,
        (ItemScope::Node, None) => return Err(StoreError::NotFound),
    })
}

/// Brings the reach of a node's node-scoped items in line with the node's visibility and
/// records them for search (inside the node edit's transaction).
pub(crate) async fn follow_node_visibility(
    conn: &mut AnyConnection,
    node: NodeId,
    visibility: &str,
    now: Timestamp,
) -> StoreResult<()> {
    let reach = match visibility {
        "public" => "public",
        "members" => "members",
        _ => "node",
    };
    sqlx::query(
        "UPDATE library_items SET reach = $2 WHERE node_id = $1 AND scope = 'node' AND reach <> $2",
    )
    .bind(node.to_string())
    .bind(reach)
    .execute(&mut *conn)
    .await
    .describe("updating who may read a node's items")?;
    sqlx::query(
        "INSERT INTO search_changes (entity, entity_id, changed_at)
         SELECT 'item', item_id, $2 FROM library_items WHERE node_id = $1 AND deleted_at IS NULL",
    )
    .bind(node.to_string())
    .bind(now.unix_ms())
    .execute(&mut *conn)
    .await
    .describe("recording a node's items for search")?;
    Ok(())
}

async fn write_tags(
    conn: &mut AnyConnection,
    id: ItemId,
    f: &ItemFields,
    created: Timestamp,
) -> StoreResult<()> {
    let mut tags: Vec<(&str, String)> = Vec::new();
    tags.extend(
        f.practices
            .iter()
            .map(|p| ("practice", p.code().to_owned())),
    );
    tags.extend(f.domains.iter().map(|d| ("domain", d.to_lowercase())));
    tags.extend(f.regions.iter().map(|r| ("region", r.to_lowercase())));
    tags.extend(f.languages.iter().map(|l| ("language", l.clone())));
    tags.sort();
    tags.dedup();
    for (facet, value) in tags {
        sqlx::query(
            "INSERT INTO library_tags (item_id, facet, value, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id.to_string())
        .bind(facet)
        .bind(value)
        .bind(created.unix_ms())
        .execute(&mut *conn)
        .await
        .describe("tagging an item")?;
    }
    Ok(())
}

fn item_from_row(row: &AnyRow, with_body: bool) -> StoreResult<ItemRecord> {
    let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
    let optional = |c: &'static str| -> StoreResult<Option<String>> { row.try_get(c).describe(c) };
    let practices = lines(&text("practices")?)
        .iter()
        .map(|p| Practice::from_code(p).ok_or_else(|| corrupt("practices")))
        .collect::<StoreResult<Vec<_>>>()?;
    let deleted: Option<i64> = row.try_get("deleted_at").describe("deleted_at")?;
    Ok(ItemRecord {
        id: text("item_id")?.parse().map_err(|_| corrupt("item_id"))?,
        fields: ItemFields {
            kind: ItemKind::from_code(&text("kind")?).ok_or_else(|| corrupt("kind"))?,
            title: text("title")?,
            summary: text("summary")?,
            body: if with_body {
                text("body")?
            } else {
                String::new()
            },
            practices,
            domains: lines(&text("domains")?),
            regions: lines(&text("regions")?),
            languages: lines(&text("languages")?),
            license: text("license")?,
            authors: lines(&text("authors")?),
            scope: ItemScope::from_code(&text("scope")?).ok_or_else(|| corrupt("scope"))?,
        },
        node_id: optional("node_id")?
            .map(|n| n.parse().map_err(|_| corrupt("node_id")))
            .transpose()?,
        reach: ItemReach::from_code(&text("reach")?).ok_or_else(|| corrupt("reach"))?,
        created_by: optional("created_by")?
            .map(|m| m.parse().map_err(|_| corrupt("created_by")))
            .transpose()?,
        adapted_from: optional("adapted_from")?
            .map(|m| m.parse().map_err(|_| corrupt("adapted_from")))
            .transpose()?,
        adaptation: AdaptationNote {
            language: text("adapted_language")?,
            context: text("adapted_context")?,
            audience: text("adapted_audience")?,
        },
        version: row.try_get("version").describe("version")?,
        created_at: Timestamp::from_unix_ms(row.try_get("created_at").describe("created_at")?),
        updated_at: Timestamp::from_unix_ms(row.try_get("updated_at").describe("updated_at")?),
        deleted: deleted.is_some(),
    })
}
