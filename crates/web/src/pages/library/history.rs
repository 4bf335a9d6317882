//! An item's history, a diff between versions, restoring one, and the family tree.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::library::{self, FamilyRow, ItemRecord, ItemVersion, VersionDiff};
use praxis_domain::ids::ItemId;
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{FormFields, Key, PageMember, Path, RequestInfo};
use crate::pages::{Chrome, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "library/history.html")]
pub(crate) struct HistoryPage {
    c: Chrome,
    item: ItemRecord,
    versions: Vec<(ItemVersion, Option<String>)>,
    can_edit: bool,
}

impl HistoryPage {
    fn note(&self, note: &str) -> String {
        match note.strip_prefix("restored:") {
            Some(n) => self.c.t1("library-note-restored", "version", n),
            None => self.c.t(&format!("library-note-{note}")),
        }
    }
}

pub(crate) async fn show_history(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    Path(Key(id)): Path<Key<ItemId>>,
) -> Result<Response, PageError> {
    let (item, versions) = library::item_history(&state.ctx, info.member.as_ref(), id).await?;
    let can_edit = match &info.member {
        Some(_) => {
            library::view_item(&state.ctx, info.member.as_ref(), id)
                .await?
                .can_edit
        }
        None => false,
    };
    Ok(render(&HistoryPage {
        c,
        item,
        versions,
        can_edit,
    }))
}

#[derive(Template)]
#[template(path = "library/diff.html")]
pub(crate) struct DiffPage {
    c: Chrome,
    diff: VersionDiff,
}

impl DiffPage {
    fn field_label(&self, field: &str) -> String {
        self.c.t(&format!("library-field-{field}"))
    }
}

#[derive(Deserialize)]
pub(crate) struct DiffParams {
    against: Option<i64>,
}

pub(crate) async fn show_diff(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    Path((Key(id), version)): Path<(Key<ItemId>, i64)>,
    Query(p): Query<DiffParams>,
) -> Result<Response, PageError> {
    let diff =
        library::version_diff(&state.ctx, info.member.as_ref(), id, version, p.against).await?;
    Ok(render(&DiffPage { c, diff }))
}

pub(crate) async fn restore_version(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path((Key(id), version)): Path<(Key<ItemId>, i64)>,
    _form: FormFields,
) -> Result<Response, PageError> {
    let item = library::restore_version(&state.ctx, &me, id, version).await?;
    Ok(Redirect::to(&format!("/library/{}?notice=restored", item.id)).into_response())
}

#[derive(Template)]
#[template(path = "library/family.html")]
pub(crate) struct FamilyPage {
    c: Chrome,
    item: ItemRecord,
    rows: Vec<FamilyRow>,
}

impl FamilyPage {
    fn indent(&self, depth: &usize) -> usize {
        (*depth).min(12) * 2
    }
}

pub(crate) async fn show_family(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    Path(Key(id)): Path<Key<ItemId>>,
) -> Result<Response, PageError> {
    let (item, rows) = library::item_family(&state.ctx, info.member.as_ref(), id).await?;
    Ok(render(&FamilyPage { c, item, rows }))
}
