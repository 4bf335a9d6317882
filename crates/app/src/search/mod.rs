//! One search over library items, nodes and member profiles.
//!
//! The tantivy index (praxis-search) is derived data. Each `praxis serve` process keeps its
//! own copy current by following the store's change log (`search_changes`); a rebuild reads
//! everything from the store. A search is filtered in the index by what the viewer may see
//! (so hidden results are never counted), and every hit is checked again against the store.

mod documents;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use praxis_domain::ids::{ItemId, MemberId, NodeId};
use praxis_domain::members::profile::{Viewer, can_view_profile};
use praxis_domain::nodes::{Standing, can_see_node};
use praxis_domain::validation::FieldErrors;
use praxis_search::{Access, FACETS, SearchIndex, SearchRequest};
use praxis_store::search_changes::SearchChange;

pub use praxis_search::{DocType, FacetCount};

use crate::policy::CurrentMember;
use crate::policy::library::{ViewerNodes, may_read};
use crate::profiles::viewer_of;
use crate::{AppError, AppResult, Context};

/// Changes read per batch.
const BATCH: u32 = 1_000;
/// How long a skipped change id is asked for again (PostgreSQL commits out of order).
const HOLE_PATIENCE: Duration = Duration::from_secs(30);
/// Results per page.
pub const PAGE_SIZE: usize = 20;

#[derive(Debug, Default)]
struct Follower {
    cursor: i64,
    holes: HashMap<i64, Instant>,
}

/// The search index and how far it has followed the change log.
#[derive(Debug)]
pub struct SearchService {
    index: Arc<SearchIndex>,
    follower: tokio::sync::Mutex<Follower>,
    needs_rebuild: std::sync::atomic::AtomicBool,
}

impl SearchService {
    /// An index in memory, following the change log from its start.
    ///
    /// # Errors
    /// When tantivy cannot create it.
    pub fn in_memory() -> anyhow::Result<Self> {
        Ok(Self::with_index(SearchIndex::in_memory()?, 0, false))
    }

    /// The index under `dir` (created or rebuilt as needed on the first catch-up).
    ///
    /// # Errors
    /// When the directory is unusable or another process holds its lock.
    pub fn open(dir: &Path, threads: usize) -> anyhow::Result<Self> {
        let index = SearchIndex::open(dir, threads)?;
        let applied = index.applied_change()?;
        Ok(Self::with_index(
            index,
            applied.unwrap_or(0),
            applied.is_none(),
        ))
    }

    fn with_index(index: SearchIndex, cursor: i64, needs_rebuild: bool) -> Self {
        Self {
            index: Arc::new(index),
            follower: tokio::sync::Mutex::new(Follower {
                cursor,
                holes: HashMap::new(),
            }),
            needs_rebuild: std::sync::atomic::AtomicBool::new(needs_rebuild),
        }
    }

    /// How many documents the index holds.
    pub fn num_docs(&self) -> u64 {
        self.index.num_docs()
    }
}

/// Applies the changes recorded since the index last caught up; returns how many. Rebuilds
/// instead when the index is new or older than the oldest change the log still keeps.
///
/// # Errors
/// When the store or the index fails (nothing is marked applied then).
pub async fn catch_up(ctx: &Context) -> AppResult<usize> {
    let service = &ctx.search;
    let mut follower = service.follower.lock().await;
    let oldest = ctx.store.oldest_search_change().await?;
    if service
        .needs_rebuild
        .load(std::sync::atomic::Ordering::Acquire)
        || oldest > follower.cursor + 1
    {
        drop(follower);
        return rebuild(ctx).await.map(|n| n as usize);
    }
    let mut applied = 0;
    // Ids skipped earlier that have committed since.
    follower
        .holes
        .retain(|_, seen| seen.elapsed() < HOLE_PATIENCE);
    let holes: Vec<i64> = follower.holes.keys().copied().collect();
    let late = ctx.store.search_changes_by_id(&holes).await?;
    if !late.is_empty() {
        for c in &late {
            follower.holes.remove(&c.change_id);
        }
        applied += late.len();
        let cursor = follower.cursor;
        apply_changes(ctx, &late, cursor).await?;
    }
    loop {
        let changes = ctx
            .store
            .search_changes_after(follower.cursor, BATCH)
            .await?;
        let Some(last) = changes.last().map(|c| c.change_id) else {
            break;
        };
        let mut expected = follower.cursor + 1;
        for c in &changes {
            while expected < c.change_id {
                follower.holes.insert(expected, Instant::now());
                expected += 1;
            }
            expected = c.change_id + 1;
        }
        // The first catch-up of a fresh log should not wait for ids before it.
        if follower.cursor == 0 {
            follower.holes.clear();
        }
        apply_changes(ctx, &changes, last).await?;
        follower.cursor = last;
        applied += changes.len();
        if changes.len() < BATCH as usize {
            break;
        }
    }
    Ok(applied)
}

async fn apply_changes(ctx: &Context, changes: &[SearchChange], position: i64) -> AppResult<()> {
    let (upserts, removals) = documents::for_changes(ctx, changes).await?;
    let index = ctx.search.index.clone();
    tokio::task::spawn_blocking(move || index.apply(&upserts, &removals, position))
        .await
        .map_err(|e| AppError::Unexpected(e.into()))?
        .map_err(|e| AppError::Unexpected(e.into()))
}

/// Rebuilds the index from the store; returns how many documents it holds.
///
/// # Errors
/// When the store or the index fails.
pub async fn rebuild(ctx: &Context) -> AppResult<u64> {
    let service = &ctx.search;
    let mut follower = service.follower.lock().await;
    // Changes made while rebuilding are applied again afterwards: harmless.
    let position = ctx.store.latest_search_change().await?;
    let index = service.index.clone();
    let blocking = |f: Box<dyn FnOnce() -> Result<(), praxis_search::SearchError> + Send>| async {
        tokio::task::spawn_blocking(f)
            .await
            .map_err(|e| AppError::Unexpected(e.into()))?
            .map_err(|e| AppError::Unexpected(e.into()))
    };
    let i = index.clone();
    blocking(Box::new(move || i.clear())).await?;
    let mut total = 0u64;
    let mut after_item: Option<ItemId> = None;
    loop {
        let items = ctx.store.items_after(after_item, BATCH).await?;
        let Some(last) = items.last().map(|i| i.id) else {
            break;
        };
        after_item = Some(last);
        let docs: Vec<_> = items.iter().map(documents::item_doc).collect();
        total += docs.len() as u64;
        let i = index.clone();
        blocking(Box::new(move || i.add_uncommitted(&docs))).await?;
    }
    let mut after_node: Option<NodeId> = None;
    loop {
        let nodes = ctx.store.nodes_after(after_node, BATCH).await?;
        let Some(last) = nodes.last().map(|n| n.id) else {
            break;
        };
        after_node = Some(last);
        let docs: Vec<_> = nodes.iter().map(documents::node_doc).collect();
        total += docs.len() as u64;
        let i = index.clone();
        blocking(Box::new(move || i.add_uncommitted(&docs))).await?;
    }
    let mut after_member: Option<MemberId> = None;
    loop {
        let ids = ctx.store.member_ids_after(after_member, BATCH).await?;
        let Some(last) = ids.last().copied() else {
            break;
        };
        after_member = Some(last);
        let docs: Vec<_> = ctx
            .store
            .profiles_by_ids(&ids)
            .await?
            .iter()
            .filter_map(documents::member_doc)
            .collect();
        total += docs.len() as u64;
        let i = index.clone();
        blocking(Box::new(move || i.add_uncommitted(&docs))).await?;
    }
    let mut after_lesson: Option<praxis_domain::ids::LessonId> = None;
    loop {
        let ids = ctx.store.lesson_ids_after(after_lesson, BATCH).await?;
        let Some(last) = ids.last().copied() else {
            break;
        };
        after_lesson = Some(last);
        let lessons = ctx.store.lessons_by_ids(&ids).await?;
        let docs: Vec<_> = documents::lesson_docs(ctx, &lessons)
            .await?
            .into_iter()
            .filter_map(|(_, d)| d)
            .collect();
        total += docs.len() as u64;
        let i = index.clone();
        blocking(Box::new(move || i.add_uncommitted(&docs))).await?;
    }
    let i = index.clone();
    blocking(Box::new(move || i.apply(&[], &[], position))).await?;
    follower.cursor = position;
    follower.holes.clear();
    service
        .needs_rebuild
        .store(false, std::sync::atomic::Ordering::Release);
    tracing::info!(documents = total, "search index rebuilt");
    Ok(total)
}

/// Follows the change log until `shutdown` resolves: a change is searchable within about a
/// quarter of a second.
pub async fn run_indexer(ctx: Context, shutdown: impl std::future::Future<Output = ()>) {
    tokio::pin!(shutdown);
    let mut failures = 0u32;
    loop {
        let pause = match catch_up(&ctx).await {
            Ok(_) => {
                failures = 0;
                Duration::from_millis(250)
            }
            Err(e) => {
                failures += 1;
                tracing::error!(error = %e, "the search index could not catch up");
                Duration::from_secs(u64::from(failures.min(30)))
            }
        };
        tokio::select! {
            () = &mut shutdown => return,
            () = tokio::time::sleep(pause) => {}
        }
    }
}

/// A search as typed.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// The words.
    pub text: String,
    /// Type codes (`item`, `node`, `member`); all when empty.
    pub types: Vec<String>,
    /// Facet values results must have: (facet, value).
    pub filters: Vec<(String, String)>,
    /// The page, from 1.
    pub page: u32,
}

/// One result the viewer may open.
#[derive(Debug, Clone)]
pub struct SearchHit {
    /// What it is.
    pub doc_type: DocType,
    /// Its id.
    pub id: String,
    /// Its title or name.
    pub title: String,
    /// Where it lives.
    pub url: String,
    /// A fragment with the query's words in `<b>` (safe HTML).
    pub snippet_html: String,
    /// A short line: the item's kind, the node's kind, the member's regions.
    pub detail: String,
}

/// A page of results.
#[derive(Debug, Clone)]
pub struct SearchPage {
    /// How many results in all.
    pub total: u64,
    /// This page.
    pub hits: Vec<SearchHit>,
    /// Counts per facet value.
    pub facets: Vec<FacetCount>,
    /// This page's number.
    pub page: u32,
    /// True when there is a next page.
    pub has_more: bool,
}

/// The longest query, in characters.
const MAX_QUERY_CHARS: usize = 500;
/// The deepest page.
const MAX_PAGE: u32 = 50;

/// Searches what the viewer may see.
///
/// # Errors
/// `Invalid` naming `q`, `type`, `page` or the facet for values it does not accept.
pub async fn search(
    ctx: &Context,
    me: Option<&CurrentMember>,
    q: &SearchQuery,
) -> AppResult<SearchPage> {
    let viewer = viewer_of(me);
    let mut errors = FieldErrors::new();
    if q.text.chars().count() > MAX_QUERY_CHARS {
        errors.add("q", "error-too-long");
    }
    let types: Vec<DocType> = q
        .types
        .iter()
        .filter(|t| !t.is_empty())
        .filter_map(|t| {
            let found = DocType::from_code(t);
            if found.is_none() {
                errors.add("type", "error-unknown-choice");
            }
            found
        })
        .collect();
    for (facet, _) in &q.filters {
        if !FACETS.contains(&facet.as_str()) || facet == "type" {
            errors.add(facet.clone(), "error-unknown-choice");
        }
    }
    if q.page > MAX_PAGE {
        errors.add("page", "error-page-range");
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let page = q.page.max(1);
    let nodes = ViewerNodes::of(ctx, viewer).await?;
    let mut access = vec![Access::Public];
    if matches!(viewer, Viewer::Member(_)) {
        access.push(Access::Members);
        access.extend(nodes.iter().map(|n| Access::Node(n.to_string())));
    }
    let request = SearchRequest {
        text: q.text.clone(),
        types,
        filters: q.filters.clone(),
        access,
        offset: (page as usize - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
    };
    let index = ctx.search.index.clone();
    let results = tokio::task::spawn_blocking(move || index.search(&request))
        .await
        .map_err(|e| AppError::Unexpected(e.into()))?
        .map_err(|e| AppError::Unexpected(e.into()))?;
    let hits = recheck(ctx, viewer, &nodes, &results).await?;
    Ok(SearchPage {
        total: results.total,
        has_more: (page as usize * PAGE_SIZE) < results.total as usize && page < MAX_PAGE,
        hits,
        facets: results.facets,
        page,
    })
}

/// The first 200 characters of a text, as escaped HTML.
fn plain_excerpt(text: &str) -> String {
    let mut excerpt: String = text.chars().take(200).collect();
    if excerpt.len() < text.len() {
        excerpt.push('…');
    }
    ammonia::clean_text(&excerpt)
}

fn or_excerpt(snippet: String, text: &str) -> String {
    if snippet.is_empty() {
        plain_excerpt(text)
    } else {
        snippet
    }
}

/// Loads every hit from the store (one query per type) and keeps those the viewer may open,
/// in the index's order.
async fn recheck(
    ctx: &Context,
    viewer: Viewer,
    nodes: &ViewerNodes,
    results: &praxis_search::SearchResults,
) -> AppResult<Vec<SearchHit>> {
    let ids_of = |t: DocType| -> Vec<&str> {
        results
            .hits
            .iter()
            .filter(|h| h.doc_type == t)
            .map(|h| h.id.as_str())
            .collect()
    };
    let item_ids: Vec<ItemId> = ids_of(DocType::Item)
        .iter()
        .filter_map(|i| i.parse().ok())
        .collect();
    let node_ids: Vec<NodeId> = ids_of(DocType::Node)
        .iter()
        .filter_map(|i| i.parse().ok())
        .collect();
    let member_ids: Vec<MemberId> = ids_of(DocType::Member)
        .iter()
        .filter_map(|i| i.parse().ok())
        .collect();
    let h = &results.highlighter;
    let mut found: HashMap<(DocType, String), SearchHit> = HashMap::new();
    for item in ctx.store.items_by_ids(&item_ids).await? {
        if may_read(&item, viewer, nodes) {
            let text = format!("{}\n\n{}", item.fields.summary, item.fields.body);
            let mut snippet = h.snippet(&text, &item.fields.languages);
            if snippet.is_empty() {
                // Nothing to highlight (a title match, or no words): the summary's start.
                snippet = plain_excerpt(&item.fields.summary);
            }
            found.insert(
                (DocType::Item, item.id.to_string()),
                SearchHit {
                    doc_type: DocType::Item,
                    id: item.id.to_string(),
                    url: format!("/library/{}", item.id),
                    title: item.fields.title.clone(),
                    snippet_html: snippet,
                    detail: item.fields.kind.code().to_owned(),
                },
            );
        }
    }
    let member_of: HashSet<NodeId> = nodes.iter().copied().collect();
    for node in ctx.store.nodes_by_ids(&node_ids).await? {
        let standing = if member_of.contains(&node.id) {
            Standing::Member
        } else {
            Standing::Outsider
        };
        if !node.is_proposed && can_see_node(node.fields.visibility, viewer, standing) {
            found.insert(
                (DocType::Node, node.id.to_string()),
                SearchHit {
                    doc_type: DocType::Node,
                    id: node.id.to_string(),
                    url: format!("/nodes/{}", node.fields.slug),
                    title: node.fields.name.clone(),
                    snippet_html: or_excerpt(
                        h.snippet(&node.fields.description, &node.fields.languages),
                        &node.fields.description,
                    ),
                    detail: node.fields.kind.code().to_owned(),
                },
            );
        }
    }
    for p in ctx.store.profiles_by_ids(&member_ids).await? {
        if can_view_profile(p.id, p.profile.visibility, viewer) {
            found.insert(
                (DocType::Member, p.id.to_string()),
                SearchHit {
                    doc_type: DocType::Member,
                    id: p.id.to_string(),
                    url: format!("/members/{}", p.id),
                    title: p.profile.display_name.clone(),
                    snippet_html: or_excerpt(
                        h.snippet(&p.profile.bio, &p.profile.languages),
                        &p.profile.bio,
                    ),
                    detail: p.profile.regions.join(", "),
                },
            );
        }
    }
    let lesson_ids: Vec<praxis_domain::ids::LessonId> = ids_of(DocType::Lesson)
        .iter()
        .filter_map(|i| i.parse().ok())
        .collect();
    let lessons = ctx.store.lessons_by_ids(&lesson_ids).await?;
    let mut lesson_nodes: Vec<NodeId> = lessons.iter().map(|l| l.node_id).collect();
    lesson_nodes.sort();
    lesson_nodes.dedup();
    let lesson_nodes = ctx.store.nodes_by_ids(&lesson_nodes).await?;
    for l in lessons {
        let Some(node) = lesson_nodes.iter().find(|n| n.id == l.node_id) else {
            continue;
        };
        // Team lessons are never indexed; node and network ones follow the node.
        let sees = matches!(viewer, Viewer::Member(_))
            && !node.is_proposed
            && praxis_domain::organizing::may_see(
                l.reach,
                node.fields.visibility,
                praxis_domain::organizing::OrganizingViewer {
                    signed_in: true,
                    standing: if member_of.contains(&node.id) {
                        Standing::Member
                    } else {
                        Standing::Outsider
                    },
                    in_team: false,
                },
            )
            && l.reach != praxis_domain::organizing::Reach::Team;
        if sees {
            found.insert(
                (DocType::Lesson, l.id.to_string()),
                SearchHit {
                    doc_type: DocType::Lesson,
                    id: l.id.to_string(),
                    url: format!("/lessons/{}", l.id),
                    title: l.fields.statement.chars().take(120).collect(),
                    snippet_html: or_excerpt(
                        h.snippet(&l.fields.statement, &[]),
                        &l.fields.statement,
                    ),
                    detail: l.status.code().to_owned(),
                },
            );
        }
    }
    Ok(results
        .hits
        .iter()
        .filter_map(|hit| found.remove(&(hit.doc_type, hit.id.clone())))
        .collect())
}
