//! Atom feeds of new public items: the network's, and each public node's.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use praxis_app::library::{self, ItemRecord, LibraryQuery};
use praxis_domain::nodes::NodeVisibility;
use praxis_domain::timestamps::Timestamp;

use crate::error::PageError;
use crate::extract::Path;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "library/feed.xml")]
pub(crate) struct Feed {
    title: String,
    self_url: String,
    site_url: String,
    updated: String,
    items: Vec<ItemRecord>,
    base: String,
}

impl Feed {
    fn rfc3339(&self, at: &Timestamp) -> String {
        at.rfc3339()
    }
}

async fn feed(
    state: &AppState,
    node: Option<String>,
    title: String,
    self_path: String,
    site_path: String,
) -> Result<Response, PageError> {
    let query = LibraryQuery {
        node,
        ..LibraryQuery::default()
    };
    // Anonymous: a feed reader is not signed in, so only public items ever appear.
    let (items, _) = library::list_items_page(&state.ctx, None, &query, None, 50).await?;
    let base = state.ctx.settings().base_url.clone();
    let updated = items
        .iter()
        .map(|i| i.updated_at)
        .max()
        .unwrap_or_else(|| state.ctx.now());
    let body = Feed {
        title,
        self_url: format!("{base}{self_path}"),
        site_url: format!("{base}{site_path}"),
        updated: updated.rfc3339(),
        items,
        base,
    }
    .render()
    .map_err(|e| PageError(praxis_app::AppError::Unexpected(e.into())))?;
    let mut response = body.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    Ok(response)
}

pub(crate) async fn library_feed(State(state): State<AppState>) -> Result<Response, PageError> {
    let title = format!("{} · Library", state.ctx.settings().site_name);
    feed(
        &state,
        None,
        title,
        "/library/feed.atom".into(),
        "/library".into(),
    )
    .await
}

pub(crate) async fn node_library_feed(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let (node, _) = praxis_app::nodes::visible_node_for(&state.ctx, None, &slug).await?;
    if node.fields.visibility != NodeVisibility::Public {
        return Err(PageError(praxis_app::AppError::NotFound));
    }
    let title = format!("{} · {}", state.ctx.settings().site_name, node.fields.name);
    feed(
        &state,
        Some(node.id.to_string()),
        title,
        format!("/nodes/{slug}/library/feed.atom"),
        format!("/library?node={slug}"),
    )
    .await
}
