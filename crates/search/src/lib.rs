//! praxis-search: one full-text index over library items, nodes and member profiles, on
//! tantivy. BM25 ranking, stemming per language, facets with counts, highlighted snippets and
//! typo tolerance for longer words.
//!
//! The index is derived data: the application rebuilds it from the store and keeps it current
//! from the store's change log. Every document carries who may see it (`public`, `members`,
//! `node:<id>`), and every search is filtered by what the viewer may see, so a hidden result
//! is never counted. This crate knows nothing of the store or the web: it takes documents and
//! answers queries.

mod query;
mod schema;
mod stats;

use std::path::Path;
use std::sync::Mutex;

use tantivy::directory::MmapDirectory;
use tantivy::schema::{Facet, Term};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

pub use crate::query::{FacetCount, Highlighter, Hit, SearchRequest, SearchResults};
use crate::schema::Fields;

/// What went wrong with the index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// Tantivy failed (disk, corruption, a lock held by another process).
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The index directory could not be opened or created.
    #[error("search index directory: {0}")]
    Directory(String),
}

/// The result of an index operation.
pub type SearchResult<T> = Result<T, SearchError>;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocType {
    /// A library item.
    Item,
    /// A node.
    Node,
    /// A member's profile.
    Member,
    /// A lesson.
    Lesson,
}

impl DocType {
    /// Every type.
    pub const ALL: [DocType; 4] = [
        DocType::Item,
        DocType::Node,
        DocType::Member,
        DocType::Lesson,
    ];

    /// The code used in queries and URLs.
    pub fn code(self) -> &'static str {
        match self {
            DocType::Item => "item",
            DocType::Node => "node",
            DocType::Member => "member",
            DocType::Lesson => "lesson",
        }
    }

    /// The type with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// Who may see a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Access {
    /// Anyone.
    Public,
    /// Signed-in members.
    Members,
    /// The members of this node (its id).
    Node(String),
}

impl Access {
    fn token(&self) -> String {
        match self {
            Access::Public => "public".to_owned(),
            Access::Members => "members".to_owned(),
            Access::Node(id) => format!("node:{id}"),
        }
    }
}

/// The facets documents are counted by.
pub const FACETS: [&str; 6] = ["type", "kind", "practice", "domain", "region", "language"];

/// A document to index.
#[derive(Debug, Clone)]
pub struct SearchDoc {
    /// Its type.
    pub doc_type: DocType,
    /// Its id (unique within its type).
    pub id: String,
    /// Its title or name.
    pub title: String,
    /// Its text.
    pub body: String,
    /// The languages it is written in (codes): its text is stemmed for each one tantivy can
    /// stem (as English when none is given).
    pub languages: Vec<String>,
    /// Its facet values: (one of [`FACETS`] but `type`, value).
    pub facets: Vec<(&'static str, String)>,
    /// Who may see it.
    pub access: Access,
}

/// The index: one writer (behind a lock), one reader reloaded after each commit.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    /// What searches remember of segments (see `stats`).
    stats: std::sync::Arc<Mutex<stats::StatsCache>>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").finish_non_exhaustive()
    }
}

/// The memory the writer may use before it flushes a segment.
const WRITER_MEMORY: usize = 64 * 1024 * 1024;

impl SearchIndex {
    /// An index in memory (tests, one-off commands).
    ///
    /// # Errors
    /// When tantivy cannot create it.
    pub fn in_memory() -> SearchResult<Self> {
        let (schema, fields) = schema::build();
        Self::from_index(Index::create_in_ram(schema), fields, 1)
    }

    /// Opens the index in `dir`, creating it when missing (or when it was made by another
    /// schema version, which is then discarded: the caller rebuilds it).
    ///
    /// # Errors
    /// When the directory cannot be used or another process holds the writer lock.
    pub fn open(dir: &Path, threads: usize) -> SearchResult<Self> {
        let (schema, fields) = schema::build();
        std::fs::create_dir_all(dir).map_err(|e| SearchError::Directory(e.to_string()))?;
        let directory =
            MmapDirectory::open(dir).map_err(|e| SearchError::Directory(e.to_string()))?;
        let index = match Index::open(directory.clone()) {
            Ok(index) if index.schema() == schema => index,
            Ok(_) | Err(_) => {
                // Derived data: a stale or unreadable index is replaced, never patched.
                for entry in std::fs::read_dir(dir)
                    .map_err(|e| SearchError::Directory(e.to_string()))?
                    .flatten()
                {
                    let _ = std::fs::remove_file(entry.path());
                }
                Index::create(directory, schema, tantivy::IndexSettings::default())?
            }
        };
        Self::from_index(index, fields, threads)
    }

    fn from_index(mut index: Index, fields: Fields, threads: usize) -> SearchResult<Self> {
        schema::register_analyzers(&index);
        index.set_default_multithread_executor()?;
        let writer =
            index.writer_with_num_threads(threads.max(1), WRITER_MEMORY * threads.max(1))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Self {
            index,
            reader,
            writer: Mutex::new(writer),
            fields,
            stats: std::sync::Arc::default(),
        })
    }

    /// The payload of the last commit: the position in the change log it reflects.
    ///
    /// # Errors
    /// When the index metadata cannot be read.
    pub fn applied_change(&self) -> SearchResult<Option<i64>> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.and_then(|p| p.parse().ok()))
    }

    /// How many documents the index holds (as of the last reload).
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Replaces documents and removes others, then commits with `applied_change` as the
    /// position reached, and reloads the reader: one call per batch of changes.
    ///
    /// # Errors
    /// When tantivy fails; nothing is committed then.
    pub fn apply(
        &self,
        upserts: &[SearchDoc],
        removals: &[(DocType, String)],
        applied_change: i64,
    ) -> SearchResult<()> {
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        for (doc_type, id) in removals {
            writer.delete_term(self.key_term(*doc_type, id));
        }
        for doc in upserts {
            writer.delete_term(self.key_term(doc.doc_type, &doc.id));
            writer.add_document(self.document(doc))?;
        }
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&applied_change.to_string());
        prepared.commit()?;
        drop(writer);
        self.reader.reload()?;
        Ok(())
    }

    /// Empties the index (without committing: the rebuild that follows commits).
    ///
    /// # Errors
    /// When tantivy fails.
    pub fn clear(&self) -> SearchResult<()> {
        let writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        writer.delete_all_documents()?;
        Ok(())
    }

    /// Adds documents without committing (a rebuild calls [`SearchIndex::apply`] at the end).
    ///
    /// # Errors
    /// When tantivy fails.
    pub fn add_uncommitted(&self, docs: &[SearchDoc]) -> SearchResult<()> {
        let writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        for doc in docs {
            writer.add_document(self.document(doc))?;
        }
        Ok(())
    }

    fn key_term(&self, doc_type: DocType, id: &str) -> Term {
        Term::from_field_text(self.fields.key, &format!("{}:{id}", doc_type.code()))
    }

    fn document(&self, doc: &SearchDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut d = TantivyDocument::default();
        d.add_text(f.key, format!("{}:{}", doc.doc_type.code(), doc.id));
        d.add_text(f.doc_type, doc.doc_type.code());
        d.add_text(f.access, doc.access.token());
        d.add_text(f.title, &doc.title);
        d.add_text(f.body, &doc.body);
        let mut stemmed: Vec<usize> = doc
            .languages
            .iter()
            .filter_map(|l| schema::stemmed_index(l))
            .collect();
        if stemmed.is_empty() {
            // No language given (profiles often leave it out): English, the network's
            // common language, is the likeliest.
            stemmed.extend(schema::stemmed_index("en"));
        }
        stemmed.sort_unstable();
        stemmed.dedup();
        for i in stemmed {
            d.add_text(f.stemmed[i], &doc.title);
            d.add_text(f.stemmed[i], &doc.body);
        }
        d.add_facet(f.facets, Facet::from_path(["type", doc.doc_type.code()]));
        for (facet, value) in &doc.facets {
            d.add_facet(f.facets, Facet::from_path([*facet, value.as_str()]));
        }
        d
    }
}
