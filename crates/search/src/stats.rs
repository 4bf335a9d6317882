//! The statistics a search uses — how many documents hold a word, how many there are — counted
//! over the documents the viewer may see, never the whole index: otherwise ranking, typo
//! tolerance ("does this word exist?") and snippets would tell a visitor that a word occurs in
//! a secret node's documents. Field lengths use a fixed average, which depends on no document.

use std::collections::HashMap;
use std::sync::Mutex;

use tantivy::query::{Bm25StatisticsProvider, EnableScoring, Query};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::{DocId, DocSet as _, Searcher, TERMINATED};

use crate::SearchResult;

/// The average length, in tokens, that BM25 compares each document's field with: a constant,
/// so that no statistic depends on documents the viewer may not see.
const AVERAGE_FIELD_TOKENS: u64 = 120;

/// Per-search statistics over the viewer's documents: which documents of each segment they
/// may see (read once), and each word's count among them (counted once).
pub(crate) struct VisibleStats {
    searcher: Searcher,
    /// For each segment, one bit per document the viewer may see (deleted ones left out).
    visible: Vec<Vec<u64>>,
    total: u64,
    counts: Mutex<HashMap<Term, u64>>,
}

impl VisibleStats {
    /// Reads which documents `filter` (what the viewer may see) lets through.
    pub(crate) fn new(searcher: &Searcher, filter: &dyn Query) -> SearchResult<Self> {
        let weight = filter.weight(EnableScoring::disabled_from_searcher(searcher))?;
        let mut visible = Vec::with_capacity(searcher.segment_readers().len());
        let mut total = 0;
        for segment in searcher.segment_readers() {
            let mut bits = vec![0u64; (segment.max_doc() as usize).div_ceil(64)];
            let alive = segment.alive_bitset();
            let mut docs = weight.scorer(segment, 1.0)?;
            let mut doc = docs.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    bits[doc as usize / 64] |= 1 << (doc % 64);
                    total += 1;
                }
                doc = docs.advance();
            }
            visible.push(bits);
        }
        Ok(Self {
            searcher: searcher.clone(),
            visible,
            total,
            counts: Mutex::new(HashMap::new()),
        })
    }

    fn sees(bits: &[u64], doc: DocId) -> bool {
        bits.get(doc as usize / 64)
            .is_some_and(|w| w & (1 << (doc % 64)) != 0)
    }

    /// How many documents the viewer may see hold `term`.
    pub(crate) fn count(&self, term: &Term) -> tantivy::Result<u64> {
        if let Some(n) = self
            .counts
            .lock()
            .map_err(|_| tantivy::TantivyError::InternalError("a poisoned lock".into()))?
            .get(term)
        {
            return Ok(*n);
        }
        let mut n = 0;
        for (segment, bits) in self.searcher.segment_readers().iter().zip(&self.visible) {
            let index = segment.inverted_index(term.field())?;
            let Some(mut postings) = index.read_postings(term, IndexRecordOption::Basic)? else {
                continue;
            };
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if Self::sees(bits, doc) {
                    n += 1;
                }
                doc = postings.advance();
            }
        }
        self.counts
            .lock()
            .map_err(|_| tantivy::TantivyError::InternalError("a poisoned lock".into()))?
            .insert(term.clone(), n);
        Ok(n)
    }

    /// True when a document the viewer may see holds `term`.
    pub(crate) fn holds(&self, term: &Term) -> tantivy::Result<bool> {
        Ok(self.count(term)? > 0)
    }
}

impl Bm25StatisticsProvider for VisibleStats {
    fn total_num_tokens(&self, _field: Field) -> tantivy::Result<u64> {
        Ok(self.total.max(1) * AVERAGE_FIELD_TOKENS)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.total.max(1))
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        self.count(term)
    }
}
