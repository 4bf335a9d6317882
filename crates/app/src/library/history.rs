//! An item's history: every version, what changed between two (a line diff of the body with
//! the changed words marked, and the other fields side by side), and restoring an old one.

use praxis_domain::ids::{ItemId, MemberId};
use praxis_domain::library::ItemFields;
use praxis_domain::members::profile::can_view_profile;
use similar::{ChangeTag, TextDiff};
use tracing::instrument;

use super::{ItemRecord, ItemVersion};
use crate::policy::CurrentMember;
use crate::policy::library::{editable_item, readable_item};
use crate::policy::viewer_of;
use crate::{AppError, AppResult, Context};

/// The most versions a history lists.
const MAX_VERSIONS: u32 = 500;

/// An item's history, newest first, with the names of editors the viewer may see.
///
/// # Errors
/// `NotFound` when the viewer may not read the item.
pub async fn item_history(
    ctx: &Context,
    me: Option<&CurrentMember>,
    id: ItemId,
) -> AppResult<(ItemRecord, Vec<(ItemVersion, Option<String>)>)> {
    let viewer = viewer_of(me);
    let (item, _) = readable_item(ctx, me, id).await?;
    let versions = ctx.store.list_item_versions(item.id, MAX_VERSIONS).await?;
    let mut editors: Vec<MemberId> = versions.iter().filter_map(|v| v.edited_by).collect();
    editors.sort();
    editors.dedup();
    let profiles = ctx.store.profiles_by_ids(&editors).await?;
    let named = versions
        .into_iter()
        .map(|v| {
            let name = v.edited_by.and_then(|e| {
                profiles
                    .iter()
                    .find(|p| p.id == e && can_view_profile(p.id, p.profile.visibility, viewer))
                    .map(|p| p.profile.display_name.clone())
            });
            (v, name)
        })
        .collect();
    Ok((item, named))
}

/// A piece of a diff line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffPart {
    /// True for the words that changed.
    pub changed: bool,
    /// The text.
    pub text: String,
}

/// One line of a body diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffLine {
    /// `same`, `added` or `removed`.
    pub kind: &'static str,
    /// Its pieces.
    pub parts: Vec<DiffPart>,
}

/// A field whose value changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The field's name (a translation key suffix: `title`, `summary`, …).
    pub field: &'static str,
    /// Before.
    pub before: String,
    /// After.
    pub after: String,
}

/// What changed from one version to another.
#[derive(Debug, Clone)]
pub struct VersionDiff {
    /// The item.
    pub item: ItemRecord,
    /// The older version.
    pub from: ItemVersion,
    /// The newer version.
    pub to: ItemVersion,
    /// Fields other than the body that changed.
    pub fields: Vec<FieldChange>,
    /// The body, line by line (unchanged runs longer than six lines are shortened).
    pub body: Vec<DiffLine>,
}

fn field_values(f: &ItemFields) -> Vec<(&'static str, String)> {
    vec![
        ("title", f.title.clone()),
        ("kind", f.kind.code().to_owned()),
        ("summary", f.summary.clone()),
        (
            "practices",
            f.practices
                .iter()
                .map(|p| p.code())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("domains", f.domains.join(", ")),
        ("regions", f.regions.join(", ")),
        ("languages", f.languages.join(", ")),
        ("license", f.license.clone()),
        ("authors", f.authors.join(", ")),
        ("scope", f.scope.code().to_owned()),
    ]
}

/// A line diff of two texts, words marked inside changed lines.
pub fn diff_body(before: &str, after: &str) -> Vec<DiffLine> {
    let diff = TextDiff::from_lines(before, after);
    let mut lines = Vec::new();
    for group in diff.grouped_ops(3) {
        if !lines.is_empty() {
            lines.push(DiffLine {
                kind: "gap",
                parts: Vec::new(),
            });
        }
        for op in group {
            for change in diff.iter_inline_changes(&op) {
                let kind = match change.tag() {
                    ChangeTag::Equal => "same",
                    ChangeTag::Insert => "added",
                    ChangeTag::Delete => "removed",
                };
                let parts = change
                    .iter_strings_lossy()
                    .map(|(changed, text)| DiffPart {
                        changed,
                        text: text.trim_end_matches('\n').to_owned(),
                    })
                    .collect();
                lines.push(DiffLine { kind, parts });
            }
        }
    }
    lines
}

/// What version `version` changed from the one before it (or from `against`).
///
/// # Errors
/// `NotFound` when the viewer may not read the item or a version does not exist.
pub async fn version_diff(
    ctx: &Context,
    me: Option<&CurrentMember>,
    id: ItemId,
    version: i64,
    against: Option<i64>,
) -> AppResult<VersionDiff> {
    let (item, _) = readable_item(ctx, me, id).await?;
    let against = against.unwrap_or(version - 1).max(1);
    let to = ctx
        .store
        .get_item_version(item.id, version)
        .await?
        .ok_or(AppError::NotFound)?;
    let from = ctx
        .store
        .get_item_version(item.id, against)
        .await?
        .ok_or(AppError::NotFound)?;
    let fields = field_values(&from.fields)
        .into_iter()
        .zip(field_values(&to.fields))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((field, before), (_, after))| FieldChange {
            field,
            before,
            after,
        })
        .collect();
    let body = diff_body(&from.fields.body, &to.fields.body);
    Ok(VersionDiff {
        item,
        from,
        to,
        fields,
        body,
    })
}

/// Makes an old version current again, as a new version (nothing is lost).
///
/// # Errors
/// As [`editable_item`]; `NotFound` for a missing version; `Conflict` when the old version's
/// node can no longer hold it.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn restore_version(
    ctx: &Context,
    me: &CurrentMember,
    id: ItemId,
    version: i64,
) -> AppResult<ItemRecord> {
    let item = editable_item(ctx, me, id).await?;
    let old = ctx
        .store
        .get_item_version(item.id, version)
        .await?
        .ok_or(AppError::NotFound)?;
    ctx.store
        .update_item(
            item.id,
            &old.fields,
            old.node_id,
            me.id,
            item.version,
            &format!("restored:{version}"),
            ctx.now(),
        )
        .await?;
    ctx.store.get_item(item.id).await?.ok_or(AppError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_word_is_marked_inside_its_line() {
        let lines = diff_body("one\ntwo three\nfour\n", "one\ntwo 3\nfour\nfive\n");

        let removed = lines.iter().find(|l| l.kind == "removed").unwrap();
        assert!(removed.parts.iter().any(|p| p.changed && p.text == "three"));
        let added: Vec<_> = lines.iter().filter(|l| l.kind == "added").collect();
        assert_eq!(added.len(), 2);
        assert!(
            lines
                .iter()
                .any(|l| l.kind == "same" && l.parts[0].text == "one")
        );
    }

    #[test]
    fn identical_texts_have_no_diff() {
        assert!(diff_body("same\n", "same\n").is_empty());
    }
}
