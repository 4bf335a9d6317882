//! The versions of an item: each save is a new one; the current one is kept too.

use praxis_domain::ids::{ItemId, MemberId, NodeId};
use praxis_domain::library::{ItemFields, ItemKind, ItemScope};
use praxis_domain::members::profile::Practice;
use praxis_domain::timestamps::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row as _};

use super::{lines, practice_lines};
use crate::{Describe as _, Store, StoreResult, corrupt};

/// One saved version of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemVersion {
    /// Its number, from 1.
    pub version: i64,
    /// The fields as saved (the body is empty in the history list).
    pub fields: ItemFields,
    /// The node it belonged to.
    pub node_id: Option<NodeId>,
    /// Who saved it (absent once their account is deleted).
    pub edited_by: Option<MemberId>,
    /// What the save was: `created`, `adapted`, `edited`, `restored:N`.
    pub note: String,
    /// When.
    pub at: Timestamp,
}

#[expect(clippy::too_many_arguments, reason = "one version, every part named")]
pub(super) async fn insert_version(
    conn: &mut AnyConnection,
    id: ItemId,
    version: i64,
    f: &ItemFields,
    node_id: Option<NodeId>,
    editor: Option<MemberId>,
    note: &str,
    now: Timestamp,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO library_versions (item_id, version, kind, title, summary, body, practices,
            domains, regions, languages, license, authors, scope, node_id, edited_by, note,
            created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
    )
    .bind(id.to_string())
    .bind(version)
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
    .bind(node_id.map(|n| n.to_string()))
    .bind(editor.map(|e| e.to_string()))
    .bind(note)
    .bind(now.unix_ms())
    .execute(conn)
    .await
    .describe("saving a version")?;
    Ok(())
}

const VERSION_COLUMNS: &str = "version, kind, title, summary, practices, domains, regions, \
     languages, license, authors, scope, node_id, edited_by, note, created_at";

impl Store {
    /// The item's versions, newest first, without their bodies (at most `limit`).
    pub async fn list_item_versions(
        &self,
        id: ItemId,
        limit: u32,
    ) -> StoreResult<Vec<ItemVersion>> {
        let sql = format!(
            "SELECT {VERSION_COLUMNS} FROM library_versions WHERE item_id = $1
             ORDER BY version DESC LIMIT $2"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing versions")?;
        rows.iter().map(|r| version_from_row(r, false)).collect()
    }

    /// One version of the item, with its body.
    pub async fn get_item_version(
        &self,
        id: ItemId,
        version: i64,
    ) -> StoreResult<Option<ItemVersion>> {
        let sql = format!(
            "SELECT {VERSION_COLUMNS}, body FROM library_versions WHERE item_id = $1 AND version = $2"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .bind(version)
            .fetch_optional(&self.read)
            .await
            .describe("loading a version")?;
        row.as_ref().map(|r| version_from_row(r, true)).transpose()
    }
}

fn version_from_row(row: &AnyRow, with_body: bool) -> StoreResult<ItemVersion> {
    let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
    let optional = |c: &'static str| -> StoreResult<Option<String>> { row.try_get(c).describe(c) };
    Ok(ItemVersion {
        version: row.try_get("version").describe("version")?,
        fields: ItemFields {
            kind: ItemKind::from_code(&text("kind")?).ok_or_else(|| corrupt("kind"))?,
            title: text("title")?,
            summary: text("summary")?,
            body: if with_body {
                text("body")?
            } else {
                String::new()
            },
            practices: lines(&text("practices")?)
                .iter()
                .map(|p| Practice::from_code(p).ok_or_else(|| corrupt("practices")))
                .collect::<StoreResult<Vec<_>>>()?,
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
        edited_by: optional("edited_by")?
            .map(|m| m.parse().map_err(|_| corrupt("edited_by")))
            .transpose()?,
        note: text("note")?,
        at: Timestamp::from_unix_ms(row.try_get("created_at").describe("created_at")?),
    })
}
