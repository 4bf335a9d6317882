//! `GET /api/v1/search`: the same search as the page, as JSON.

use axum::Json;
use axum::extract::{RawQuery, State};
use praxis_app::search::{self, SearchPage};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;
use crate::extract::RequestInfo;
use crate::pages::search::parse_query;
use crate::state::AppState;

/// One result.
#[derive(Serialize, ToSchema)]
pub(crate) struct SearchHitResponse {
    /// `item`, `node` or `member`.
    #[serde(rename = "type")]
    doc_type: String,
    id: String,
    title: String,
    /// The page to open.
    url: String,
    /// HTML with the query's words in `<b>`; everything else escaped.
    snippet_html: String,
}

/// Counts of one facet's values.
#[derive(Serialize, ToSchema)]
pub(crate) struct FacetResponse {
    /// `type`, `kind`, `practice`, `domain`, `region` or `language`.
    facet: String,
    values: Vec<FacetValueResponse>,
}

/// One facet value and how many results have it.
#[derive(Serialize, ToSchema)]
pub(crate) struct FacetValueResponse {
    value: String,
    count: u64,
}

/// A page of results.
#[derive(Serialize, ToSchema)]
pub(crate) struct SearchResponse {
    /// How many results in all (only results the caller may open are counted).
    total: u64,
    page: u32,
    has_more: bool,
    hits: Vec<SearchHitResponse>,
    facets: Vec<FacetResponse>,
}

impl SearchResponse {
    fn from_page(p: SearchPage) -> Self {
        Self {
            total: p.total,
            page: p.page,
            has_more: p.has_more,
            hits: p
                .hits
                .into_iter()
                .map(|h| SearchHitResponse {
                    doc_type: h.doc_type.code().to_owned(),
                    id: h.id,
                    title: h.title,
                    url: h.url,
                    snippet_html: h.snippet_html,
                })
                .collect(),
            facets: p
                .facets
                .into_iter()
                .map(|f| FacetResponse {
                    facet: f.facet.to_owned(),
                    values: f
                        .values
                        .into_iter()
                        .map(|(value, count)| FacetValueResponse { value, count })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// The query string of a search.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "documents the parameters, which are read from the raw query"
)]
pub(crate) struct SearchParams {
    /// The words (every word must match; stems and near spellings count).
    q: Option<String>,
    /// `item`, `node` or `member` (repeatable); all when absent.
    #[param(rename = "type")]
    doc_type: Option<String>,
    /// A result type (`item`, `node`, `member`) or an item kind (`guide`, `worksheet`, …).
    kind: Option<String>,
    /// Facet filters: `practice`, `domain`, `region`, `language` (repeatable).
    practice: Option<String>,
    /// The page, 1–50.
    page: Option<u32>,
}

/// Searches library items, nodes and member profiles the caller may see.
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchParams),
    responses((status = 200, body = SearchResponse), (status = 422, description = "unknown type or facet, query too long, page out of range")))]
pub(crate) async fn search(
    State(state): State<AppState>,
    info: RequestInfo,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResponse>, ApiError> {
    let query = parse_query(raw.as_deref());
    let page = search::search(&state.ctx, info.member.as_ref(), &query).await?;
    Ok(Json(SearchResponse::from_page(page)))
}
