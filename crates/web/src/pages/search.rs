//! The search page: one box over library items, nodes and members, with facets to narrow.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use praxis_app::AppError;
use praxis_app::search::{self, DocType, FacetCount, SearchPage, SearchQuery};
use praxis_domain::validation::FieldErrors;

use crate::error::PageError;
use crate::extract::{RequestInfo, encode_component};
use crate::pages::{Chrome, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "search/search.html")]
pub(crate) struct SearchResultsPage {
    c: Chrome,
    q: String,
    types: Vec<String>,
    filters: Vec<(String, String)>,
    results: Option<SearchPage>,
    errors: FieldErrors,
}

/// The parameters of a search URL: `q`, `type` (repeatable), `page` and facet values.
pub(crate) fn parse_query(raw: Option<&str>) -> SearchQuery {
    let mut q = SearchQuery::default();
    for (key, value) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        let value = value.trim().to_owned();
        if value.is_empty() {
            continue;
        }
        match key.as_ref() {
            "q" => q.text = value,
            "type" => q.types.push(value),
            // `kind` names a type of result (item, node, member) or an item kind.
            "kind" if praxis_search_type(&value) => q.types.push(value),
            "page" => q.page = value.parse().unwrap_or(u32::MAX),
            "cursor" | "csrf_token" => {}
            other => q.filters.push((other.to_owned(), value)),
        }
    }
    q
}

fn praxis_search_type(value: &str) -> bool {
    matches!(value, "item" | "node" | "member")
}

impl SearchResultsPage {
    /// The URL of this search with one facet value added (or removed when present).
    fn toggle(&self, facet: &str, value: &str) -> String {
        let mut filters = self.filters.clone();
        if let Some(i) = filters.iter().position(|(f, v)| f == facet && v == value) {
            filters.remove(i);
        } else {
            filters.push((facet.to_owned(), value.to_owned()));
        }
        let mut types = self.types.clone();
        if facet == "type" {
            if let Some(i) = types.iter().position(|t| t == value) {
                types.remove(i);
            } else {
                types.push(value.to_owned());
            }
            filters.retain(|(f, _)| f != "type");
        }
        self.url(&types, &filters, 1)
    }

    fn is_on(&self, facet: &str, value: &str) -> bool {
        if facet == "type" {
            return self.types.iter().any(|t| t == value);
        }
        self.filters.iter().any(|(f, v)| f == facet && v == value)
    }

    fn url(&self, types: &[String], filters: &[(String, String)], page: u32) -> String {
        let mut url = format!("/search?q={}", encode_component(&self.q));
        for t in types {
            url.push_str(&format!("&type={}", encode_component(t)));
        }
        for (f, v) in filters {
            url.push_str(&format!("&{}={}", encode_component(f), encode_component(v)));
        }
        if page > 1 {
            url.push_str(&format!("&page={page}"));
        }
        url
    }

    fn page_url(&self, page: u32) -> String {
        self.url(&self.types, &self.filters, page)
    }

    fn next_page(&self) -> u32 {
        self.results.as_ref().map_or(1, |r| r.page + 1)
    }

    fn prev_page(&self) -> u32 {
        self.results
            .as_ref()
            .map_or(1, |r| r.page.saturating_sub(1))
    }

    fn facet_label(&self, facet: &str) -> String {
        self.c.t(&format!("search-facet-{facet}"))
    }

    fn value_label(&self, facet: &str, value: &str) -> String {
        match facet {
            "type" => self.c.t(&format!("search-type-{value}")),
            "kind" => self.c.t(&format!("library-kind-{value}")),
            "practice" => self.c.t(&format!("practice-{value}")),
            _ => value.to_owned(),
        }
    }

    fn shown_facets(&self) -> Vec<&FacetCount> {
        self.results
            .as_ref()
            .map(|r| r.facets.iter().filter(|f| !f.values.is_empty()).collect())
            .unwrap_or_default()
    }

    fn type_label(&self, hit: &search::SearchHit) -> String {
        self.c.t(&format!("search-type-{}", hit.doc_type.code()))
    }

    fn detail_label(&self, hit: &search::SearchHit) -> String {
        match hit.doc_type {
            DocType::Item => self.c.t(&format!("library-kind-{}", hit.detail)),
            DocType::Node => self.c.t(&format!("node-kind-{}", hit.detail)),
            DocType::Member => hit.detail.clone(),
            DocType::Lesson => self.c.t(&format!("lesson-status-{}", hit.detail)),
        }
    }
}

pub(crate) async fn show_search(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let query = parse_query(raw.as_deref());
    let has_input = !query.text.is_empty() || !query.filters.is_empty() || !query.types.is_empty();
    let (results, errors) = if has_input {
        match search::search(&state.ctx, info.member.as_ref(), &query).await {
            Ok(r) => (Some(r), FieldErrors::new()),
            Err(AppError::Invalid(errors)) => (None, errors),
            Err(e) => return Err(e.into()),
        }
    } else {
        (None, FieldErrors::new())
    };
    Ok(render(&SearchResultsPage {
        c,
        q: query.text,
        types: query.types,
        filters: query.filters,
        results,
        errors,
    }))
}
