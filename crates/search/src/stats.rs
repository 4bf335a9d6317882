//! The statistics a search uses never depend on documents the viewer may not see — otherwise
//! ranking, typo tolerance ("does this word exist?") and snippets would tell a visitor that a
//! word occurs in a secret node's documents.
//!
//! - Whether a word exists, for typo tolerance, is asked of the viewer's own documents.
//! - How many documents hold a word (BM25's and the snippets' weights) and how many there are
//!   are counted over the **public** documents, which every viewer may see: they reveal
//!   nothing, and being the same for everyone they are cached per segment and word.
//! - Field lengths are compared with a fixed average, which depends on no document.
//!
//! Segments never change once written (only their deletions do), so which documents carry an
//! access token is read once per segment, and a word's public count once per segment and
//! deletion state.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use tantivy::index::SegmentId;
use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::{DocId, DocSet as _, Opstamp, Searcher, SegmentReader, TERMINATED};

/// The average length, in tokens, that BM25 compares each document's field with.
const AVERAGE_FIELD_TOKENS: u64 = 120;
/// The access token every viewer holds.
const PUBLIC: &str = "public";
/// Cached entries kept before the cache starts over (a few megabytes at most).
const MAX_ENTRIES: usize = 200_000;

/// One bit per document of a segment.
type Bits = Arc<Vec<u64>>;

/// What is remembered between searches.
#[derive(Default)]
pub(crate) struct StatsCache {
    /// Which documents of a segment carry an access token.
    tokens: HashMap<(SegmentId, String), Bits>,
    /// How many live public documents of a segment hold a term.
    public_counts: HashMap<(SegmentId, Option<Opstamp>, Term), u64>,
    /// How many live public documents a segment has.
    public_docs: HashMap<(SegmentId, Option<Opstamp>), u64>,
}

impl StatsCache {
    fn trim(&mut self) {
        if self.tokens.len() + self.public_counts.len() + self.public_docs.len() > MAX_ENTRIES {
            *self = Self::default();
        }
    }
}

fn has(bits: &[u64], doc: DocId) -> bool {
    bits.get(doc as usize / 64)
        .is_some_and(|w| w & (1 << (doc % 64)) != 0)
}

fn alive(segment: &SegmentReader, doc: DocId) -> bool {
    segment.alive_bitset().is_none_or(|a| a.is_alive(doc))
}

/// The documents of a segment that carry `token` (read from its postings).
fn token_bits(segment: &SegmentReader, field: Field, token: &str) -> tantivy::Result<Vec<u64>> {
    let mut bits = vec![0u64; (segment.max_doc() as usize).div_ceil(64)];
    let term = Term::from_field_text(field, token);
    if let Some(mut postings) = segment
        .inverted_index(field)?
        .read_postings(&term, IndexRecordOption::Basic)?
    {
        let mut doc = postings.doc();
        while doc != TERMINATED {
            bits[doc as usize / 64] |= 1 << (doc % 64);
            doc = postings.advance();
        }
    }
    Ok(bits)
}

/// One search's statistics.
pub(crate) struct VisibleStats {
    searcher: Searcher,
    cache: Arc<Mutex<StatsCache>>,
    /// Per segment: the public documents, and those the viewer may see.
    segments: Vec<(Bits, Vec<u64>)>,
}

impl VisibleStats {
    /// Prepares the statistics of one search by a viewer holding these access tokens.
    pub(crate) fn new(
        searcher: &Searcher,
        access_field: Field,
        tokens: &[String],
        cache: &Arc<Mutex<StatsCache>>,
    ) -> tantivy::Result<Self> {
        let mut segments = Vec::with_capacity(searcher.segment_readers().len());
        for segment in searcher.segment_readers() {
            let read = |token: &str| -> tantivy::Result<Bits> {
                let key = (segment.segment_id(), token.to_owned());
                if let Some(bits) = lock(cache).tokens.get(&key) {
                    return Ok(bits.clone());
                }
                let bits = Arc::new(token_bits(segment, access_field, token)?);
                let mut c = lock(cache);
                c.trim();
                c.tokens.insert(key, bits.clone());
                Ok(bits)
            };
            let public = read(PUBLIC)?;
            let mut visible = public.to_vec();
            for token in tokens.iter().filter(|t| *t != PUBLIC) {
                for (v, t) in visible.iter_mut().zip(read(token)?.iter()) {
                    *v |= *t;
                }
            }
            segments.push((public, visible));
        }
        Ok(Self {
            searcher: searcher.clone(),
            cache: cache.clone(),
            segments,
        })
    }

    /// True when a live document the viewer may see holds `term` (stops at the first).
    pub(crate) fn holds(&self, term: &Term) -> tantivy::Result<bool> {
        for (segment, (_, visible)) in self.searcher.segment_readers().iter().zip(&self.segments) {
            let Some(mut postings) = segment
                .inverted_index(term.field())?
                .read_postings(term, IndexRecordOption::Basic)?
            else {
                continue;
            };
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if has(visible, doc) && alive(segment, doc) {
                    return Ok(true);
                }
                doc = postings.advance();
            }
        }
        Ok(false)
    }

    /// How many live public documents hold `term`.
    pub(crate) fn public_count(&self, term: &Term) -> tantivy::Result<u64> {
        let mut total = 0;
        for (segment, (public, _)) in self.searcher.segment_readers().iter().zip(&self.segments) {
            let key = (segment.segment_id(), segment.delete_opstamp(), term.clone());
            if let Some(n) = lock(&self.cache).public_counts.get(&key) {
                total += n;
                continue;
            }
            let mut n = 0;
            if let Some(mut postings) = segment
                .inverted_index(term.field())?
                .read_postings(term, IndexRecordOption::Basic)?
            {
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if has(public, doc) && alive(segment, doc) {
                        n += 1;
                    }
                    doc = postings.advance();
                }
            }
            let mut c = lock(&self.cache);
            c.trim();
            c.public_counts.insert(key, n);
            total += n;
        }
        Ok(total)
    }

    /// How many live public documents there are.
    fn public_docs(&self) -> u64 {
        let mut total = 0;
        for (segment, (public, _)) in self.searcher.segment_readers().iter().zip(&self.segments) {
            let key = (segment.segment_id(), segment.delete_opstamp());
            if let Some(n) = lock(&self.cache).public_docs.get(&key) {
                total += n;
                continue;
            }
            let n = (0..segment.max_doc())
                .filter(|d| has(public, *d) && alive(segment, *d))
                .count() as u64;
            let mut c = lock(&self.cache);
            c.trim();
            c.public_docs.insert(key, n);
            total += n;
        }
        total
    }
}

fn lock(cache: &Mutex<StatsCache>) -> std::sync::MutexGuard<'_, StatsCache> {
    // The cache holds nothing a panicking search could leave half-written.
    cache.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Bm25StatisticsProvider for VisibleStats {
    fn total_num_tokens(&self, _field: Field) -> tantivy::Result<u64> {
        Ok(self.public_docs().max(1) * AVERAGE_FIELD_TOKENS)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.public_docs().max(1))
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        self.public_count(term)
    }
}
