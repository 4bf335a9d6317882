//! Library pages: browsing, an item, publishing, editing, adapting and deleting. History,
//! families, files and feeds are in the submodules.

mod feeds;
pub(crate) mod files;
mod history;

pub(crate) use self::feeds::{library_feed, node_library_feed};
pub(crate) use self::files::{download_file, remove_file, upload_file};
pub(crate) use self::history::{restore_version, show_diff, show_family, show_history};

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::library::{self, ItemRecord, ItemView, LibraryQuery, Original};
use praxis_app::nodes::{self, NodeRecord};
use praxis_domain::ids::ItemId;
use praxis_domain::library::{ItemKind, ItemScope, RawItemFields};
use praxis_domain::members::profile::Practice;
use praxis_domain::validation::FieldErrors;
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{FormFields, Key, PageMember, Path, RequestInfo, encode_component};
use crate::pages::{Chrome, render, render_with_status};
use crate::state::AppState;

/// Splits a comma-separated field (Latin or Arabic commas) into trimmed values.
pub(crate) fn split_list(text: &str) -> Vec<String> {
    text.split([',', '،'])
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect()
}

#[derive(Template)]
#[template(path = "library/list.html")]
pub(crate) struct LibraryPage {
    c: Chrome,
    items: Vec<ItemRecord>,
    kinds: Vec<ItemKind>,
    kind: String,
    tag: Option<(String, String)>,
    node: Option<NodeRecord>,
    next: Option<String>,
    feed: Option<String>,
}

impl LibraryPage {
    fn kind_link(&self, kind: &str) -> String {
        let mut link = format!("/library?kind={kind}");
        if let Some(n) = &self.node {
            link.push_str(&format!("&node={}", encode_component(&n.fields.slug)));
        }
        link
    }
}

#[derive(Deserialize)]
pub(crate) struct LibraryParams {
    kind: Option<String>,
    practice: Option<String>,
    domain: Option<String>,
    region: Option<String>,
    language: Option<String>,
    node: Option<String>,
    cursor: Option<String>,
}

pub(crate) async fn list_library(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    Query(p): Query<LibraryParams>,
) -> Result<Response, PageError> {
    let tag = [
        ("practice", &p.practice),
        ("domain", &p.domain),
        ("region", &p.region),
        ("language", &p.language),
    ]
    .into_iter()
    .find_map(|(facet, v)| {
        v.as_ref()
            .filter(|v| !v.is_empty())
            .map(|v| (facet.to_owned(), v.clone()))
    });
    let query = LibraryQuery {
        kind: p.kind.clone(),
        tag: tag.clone(),
        node: p.node.clone(),
    };
    let member = info.member.as_ref();
    let (items, next) =
        match library::list_items_page(&state.ctx, member, &query, p.cursor.as_deref(), 30).await {
            Err(AppError::Invalid(_)) => return Err(PageError(AppError::NotFound)),
            other => other?,
        };
    let node = match p.node.as_deref().filter(|n| !n.is_empty()) {
        Some(n) => Some(nodes::visible_node_for(&state.ctx, member, n).await?.0),
        None => None,
    };
    let mut base = String::from("/library?");
    for (name, value) in [
        ("kind", p.kind.as_ref()),
        ("node", p.node.as_ref()),
        ("practice", p.practice.as_ref()),
        ("domain", p.domain.as_ref()),
        ("region", p.region.as_ref()),
        ("language", p.language.as_ref()),
    ] {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            base.push_str(&format!("{name}={}&", encode_component(v)));
        }
    }
    let next = next.map(|cursor| format!("{base}cursor={}", encode_component(&cursor)));
    let feed = match &node {
        Some(n) => Some(format!("/nodes/{}/library/feed.atom", n.fields.slug)),
        None => Some("/library/feed.atom".to_owned()),
    };
    Ok(render(&LibraryPage {
        c,
        items,
        kinds: ItemKind::ALL.to_vec(),
        kind: p.kind.unwrap_or_default(),
        tag,
        node,
        next,
        feed,
    }))
}

#[derive(Template)]
#[template(path = "library/show.html")]
pub(crate) struct ItemPage {
    c: Chrome,
    view: ItemView,
    notice: Option<String>,
    lessons: Vec<praxis_app::organizing::LessonRecord>,
}

impl ItemPage {
    fn original_item(&self) -> Option<&ItemRecord> {
        match &self.view.original {
            Some(Original::Readable(item)) => Some(item),
            _ => None,
        }
    }

    fn original_removed(&self) -> bool {
        matches!(self.view.original, Some(Original::Removed))
    }

    fn original_private(&self) -> bool {
        matches!(self.view.original, Some(Original::Private))
    }

    fn scope_key(&self) -> &'static str {
        match self.view.item.fields.scope {
            ItemScope::Public => "library-scope-public",
            ItemScope::Members => "library-scope-members",
            ItemScope::Node => "library-scope-node",
        }
    }

    fn size(&self, bytes: &i64) -> String {
        let bytes = *bytes as f64;
        if bytes >= 1_048_576.0 {
            format!("{:.1} MB", bytes / 1_048_576.0)
        } else {
            format!("{:.0} KB", (bytes / 1024.0).ceil())
        }
    }
}

#[derive(Deserialize)]
pub(crate) struct NoticeParams {
    notice: Option<String>,
}

pub(crate) async fn show_item(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    Path(Key(id)): Path<Key<ItemId>>,
    Query(p): Query<NoticeParams>,
) -> Result<Response, PageError> {
    let view = library::view_item(&state.ctx, info.member.as_ref(), id).await?;
    let notice = match p.notice.as_deref() {
        Some("saved") => Some(c.t("library-saved")),
        Some("restored") => Some(c.t("library-restored")),
        Some("attached") => Some(c.t("library-file-attached")),
        Some("removed") => Some(c.t("library-file-removed")),
        _ => None,
    };
    let lessons = match info.member.as_ref() {
        Some(me) => praxis_app::organizing::lessons_citing(&state.ctx, me, view.item.id).await?,
        None => Vec::new(),
    };
    Ok(render(&ItemPage {
        c,
        view,
        notice,
        lessons,
    }))
}

/// The item form's values as typed.
#[derive(Debug, Clone, Default)]
pub(crate) struct ItemForm {
    kind: String,
    title: String,
    summary: String,
    body: String,
    practices: Vec<String>,
    domains: String,
    regions: String,
    languages: String,
    license: String,
    authors: String,
    scope: String,
    node: String,
    version: i64,
    adapted_language: String,
    adapted_context: String,
    adapted_audience: String,
}

impl ItemForm {
    fn from_form(form: &FormFields) -> Self {
        Self {
            kind: form.text("kind"),
            title: form.text("title"),
            summary: form.text("summary"),
            body: form.text("body"),
            practices: form.all("practices"),
            domains: form.text("domains"),
            regions: form.text("regions"),
            languages: form.text("languages"),
            license: form.text("license"),
            authors: form.text("authors"),
            scope: form.text("scope"),
            node: form.text("node"),
            version: form.text("version").parse().unwrap_or(0),
            adapted_language: form.text("adapted_language"),
            adapted_context: form.text("adapted_context"),
            adapted_audience: form.text("adapted_audience"),
        }
    }

    fn from_item(item: &ItemRecord, node_slug: Option<String>) -> Self {
        let f = &item.fields;
        Self {
            kind: f.kind.code().to_owned(),
            title: f.title.clone(),
            summary: f.summary.clone(),
            body: f.body.clone(),
            practices: f.practices.iter().map(|p| p.code().to_owned()).collect(),
            domains: f.domains.join(", "),
            regions: f.regions.join(", "),
            languages: f.languages.join(", "),
            license: f.license.clone(),
            authors: f.authors.join("\n"),
            scope: f.scope.code().to_owned(),
            node: node_slug.unwrap_or_default(),
            version: item.version,
            ..Self::default()
        }
    }

    fn raw(&self) -> RawItemFields {
        RawItemFields {
            kind: self.kind.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            body: self.body.clone(),
            practices: self.practices.clone(),
            domains: split_list(&self.domains),
            regions: split_list(&self.regions),
            languages: split_list(&self.languages),
            license: self.license.clone(),
            authors: self.authors.lines().map(str::to_owned).collect(),
            scope: self.scope.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "library/form.html")]
pub(crate) struct ItemFormPage {
    c: Chrome,
    f: ItemForm,
    errors: FieldErrors,
    action: String,
    title_key: &'static str,
    /// The original, when adapting.
    original: Option<ItemRecord>,
    my_nodes: Vec<NodeRecord>,
    kinds: Vec<ItemKind>,
    practices: Vec<Practice>,
    scopes: Vec<ItemScope>,
}

impl ItemFormPage {
    fn has_practice(&self, p: &Practice) -> bool {
        self.f.practices.iter().any(|c| c == p.code())
    }

    fn scope_key(&self, s: &ItemScope) -> &'static str {
        match s {
            ItemScope::Public => "library-scope-public",
            ItemScope::Members => "library-scope-members",
            ItemScope::Node => "library-scope-node",
        }
    }

    fn is_adaptation(&self) -> bool {
        self.original.is_some()
    }

    fn is_edit(&self) -> bool {
        self.f.version > 0
    }
}

#[expect(clippy::too_many_arguments, reason = "a form page has many parts")]
async fn form_page(
    state: &AppState,
    me: &praxis_app::policy::CurrentMember,
    c: Chrome,
    f: ItemForm,
    errors: FieldErrors,
    action: String,
    title_key: &'static str,
    original: Option<ItemRecord>,
) -> Result<Response, PageError> {
    let my_nodes = nodes::my_nodes(&state.ctx, me).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render_with_status(
        status,
        &ItemFormPage {
            c,
            f,
            errors,
            action,
            title_key,
            original,
            my_nodes,
            kinds: ItemKind::ALL.to_vec(),
            practices: Practice::ALL.to_vec(),
            scopes: ItemScope::ALL.to_vec(),
        },
    ))
}

#[derive(Deserialize)]
pub(crate) struct NewParams {
    node: Option<String>,
}

pub(crate) async fn new_item(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Query(p): Query<NewParams>,
) -> Result<Response, PageError> {
    let f = ItemForm {
        kind: "guide".into(),
        license: "CC BY 4.0".into(),
        scope: if p.node.is_some() { "node" } else { "members" }.into(),
        node: p.node.unwrap_or_default(),
        authors: me.display_name.clone(),
        ..ItemForm::default()
    };
    form_page(
        &state,
        &me,
        c,
        f,
        FieldErrors::new(),
        "/library".into(),
        "library-new",
        None,
    )
    .await
}

pub(crate) async fn create_item(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    let f = ItemForm::from_form(&form);
    match library::create_item(&state.ctx, &me, f.raw(), Some(&f.node)).await {
        Ok(item) => Ok(Redirect::to(&format!("/library/{}", item.id)).into_response()),
        Err(AppError::Invalid(errors)) => {
            form_page(
                &state,
                &me,
                c,
                f,
                errors,
                "/library".into(),
                "library-new",
                None,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn edit_item(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<ItemId>>,
) -> Result<Response, PageError> {
    let view = library::view_item(&state.ctx, Some(&me), id).await?;
    if !view.can_edit {
        return Err(PageError(AppError::Forbidden));
    }
    let f = ItemForm::from_item(
        &view.item,
        view.node.as_ref().map(|n| n.fields.slug.clone()),
    );
    let action = format!("/library/{}/edit", view.item.id);
    form_page(
        &state,
        &me,
        c,
        f,
        FieldErrors::new(),
        action,
        "library-edit",
        None,
    )
    .await
}

pub(crate) async fn update_item(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<ItemId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let f = ItemForm::from_form(&form);
    let action = format!("/library/{id}/edit");
    match library::edit_item(&state.ctx, &me, id, f.raw(), Some(&f.node), f.version).await {
        Ok(item) => Ok(Redirect::to(&format!("/library/{}?notice=saved", item.id)).into_response()),
        Err(AppError::Invalid(errors)) => {
            form_page(&state, &me, c, f, errors, action, "library-edit", None).await
        }
        Err(AppError::Conflict(_)) => {
            // Someone saved in between: show their version, keep nothing of ours silently.
            let errors = FieldErrors::single("version", "error-stale-version");
            form_page(&state, &me, c, f, errors, action, "library-edit", None).await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn adapt_form(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<ItemId>>,
) -> Result<Response, PageError> {
    let view = library::view_item(&state.ctx, Some(&me), id).await?;
    let mut f = ItemForm::from_item(&view.item, None);
    f.version = 0;
    f.scope = "members".into();
    let action = format!("/library/{}/adapt", view.item.id);
    form_page(
        &state,
        &me,
        c,
        f,
        FieldErrors::new(),
        action,
        "library-adapt",
        Some(view.item),
    )
    .await
}

pub(crate) async fn adapt_item(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<ItemId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let f = ItemForm::from_form(&form);
    let note = (
        f.adapted_language.as_str(),
        f.adapted_context.as_str(),
        f.adapted_audience.as_str(),
    );
    match library::adapt_item(&state.ctx, &me, id, f.raw(), Some(&f.node), note).await {
        Ok(item) => Ok(Redirect::to(&format!("/library/{}", item.id)).into_response()),
        Err(AppError::Invalid(errors)) => {
            let view = library::view_item(&state.ctx, Some(&me), id).await?;
            let action = format!("/library/{id}/adapt");
            form_page(
                &state,
                &me,
                c,
                f,
                errors,
                action,
                "library-adapt",
                Some(view.item),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn delete_item(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(Key(id)): Path<Key<ItemId>>,
    _form: FormFields,
) -> Result<Response, PageError> {
    library::delete_item(&state.ctx, &me, id).await?;
    Ok(Redirect::to("/library").into_response())
}
