//! Turning what a member typed into a query, and running it with facets and snippets.

use std::collections::BTreeMap;
use std::sync::Arc;

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, Query, TermQuery,
    TermSetQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption, Term, Value as _};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Searcher, TantivyDocument};

use crate::schema::{self, STEMMED};
use crate::stats::VisibleStats;
use crate::{Access, DocType, FACETS, SearchIndex, SearchResult};

/// The most words of a query that count.
const MAX_WORDS: usize = 12;
/// The deepest a result list pages.
pub const MAX_OFFSET: usize = 1_000;
/// How many values of each facet are counted and returned.
const FACET_VALUES: usize = 20;

/// A search.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// What was typed.
    pub text: String,
    /// Only these types (all when empty).
    pub types: Vec<DocType>,
    /// Facet values every result must have: (facet, value).
    pub filters: Vec<(String, String)>,
    /// What the viewer may see.
    pub access: Vec<Access>,
    /// Results to skip.
    pub offset: usize,
    /// Results to return.
    pub limit: usize,
}

/// One result, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// What it is.
    pub doc_type: DocType,
    /// Its id.
    pub id: String,
    /// Its BM25 score.
    pub score: f32,
}

/// The counts of one facet's values among all results, largest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    /// One of [`FACETS`].
    pub facet: &'static str,
    /// (value, how many results have it).
    pub values: Vec<(String, u64)>,
}

/// What a search found.
pub struct SearchResults {
    /// How many results match in all.
    pub total: u64,
    /// This page of results.
    pub hits: Vec<Hit>,
    /// Counts per facet value.
    pub facets: Vec<FacetCount>,
    /// Makes highlighted snippets of result texts.
    pub highlighter: Highlighter,
}

impl std::fmt::Debug for SearchResults {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchResults")
            .field("total", &self.total)
            .field("hits", &self.hits)
            .field("facets", &self.facets)
            .finish_non_exhaustive()
    }
}

/// Highlights the query's words in a text: exact words, and stemmed forms for a text in a
/// language with a stemmer.
pub struct Highlighter {
    searcher: Searcher,
    stats: Arc<VisibleStats>,
    query: Box<dyn Query>,
    plain: Field,
    stemmed: Vec<Field>,
}

impl Highlighter {
    /// A fragment of `text` of about 200 characters around the query's words, as HTML with the
    /// words in `<b>` and everything else escaped; empty when no word occurs.
    pub fn snippet(&self, text: &str, languages: &[String]) -> String {
        let field = languages
            .iter()
            .find_map(|l| schema::stemmed_index(l))
            .map_or(self.plain, |i| self.stemmed[i]);
        let Ok(generator) = self.generator(field) else {
            return String::new();
        };
        let snippet = generator.snippet(text);
        if snippet.is_empty() && field != self.plain {
            return self
                .generator(self.plain)
                .map(|g| g.snippet(text).to_html())
                .unwrap_or_default();
        }
        snippet.to_html()
    }

    /// A snippet generator for the query's words in `field`, rarer words weighing more — rare
    /// among the public documents, like every count of the search.
    fn generator(&self, field: Field) -> tantivy::Result<SnippetGenerator> {
        let mut terms: Vec<Term> = Vec::new();
        self.query.query_terms(&mut |term, _| {
            if term.field() == field && !terms.contains(term) {
                terms.push(term.clone());
            }
        });
        let mut words = BTreeMap::new();
        for term in terms {
            let Some(word) = term.value().as_str().map(str::to_owned) else {
                continue;
            };
            let count = self.stats.public_count(&term)?;
            if count > 0 {
                words.insert(word, 1.0 / (1.0 + count as f32));
            }
        }
        let tokenizer = self.searcher.index().tokenizer_for_field(field)?;
        Ok(SnippetGenerator::new(words, tokenizer, field, 200))
    }
}

/// Splits a text with an analyzer into tokens by position.
fn tokens(analyzer: &mut tantivy::tokenizer::TextAnalyzer, text: &str) -> BTreeMap<usize, String> {
    let mut out = BTreeMap::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        out.insert(t.position, t.text.clone());
    }
    out
}

/// The query that is run, and the one whose words are highlighted (plain forms too).
struct TextQuery {
    scored: Box<dyn Query>,
    highlight: Box<dyn Query>,
}

fn filter(query: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0)))
}

impl SearchIndex {
    /// Runs a search as of the last commit.
    ///
    /// # Errors
    /// When tantivy fails.
    pub fn search(&self, req: &SearchRequest) -> SearchResult<SearchResults> {
        let searcher = self.reader.searcher();
        let f = &self.fields;
        let tokens: Vec<String> = req.access.iter().map(Access::token).collect();
        let access: Box<dyn Query> = Box::new(TermSetQuery::new(
            tokens.iter().map(|t| Term::from_field_text(f.access, t)),
        ));
        // No statistic depends on what the viewer may not see (see `stats`).
        let stats = Arc::new(VisibleStats::new(
            &searcher,
            f.access,
            &tokens,
            &self.stats,
        )?);
        let text_query = self.text_query(&stats, &req.text)?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, text_query.scored.box_clone())];
        clauses.push(filter(access));
        if !req.types.is_empty() {
            let types = req
                .types
                .iter()
                .map(|t| Term::from_field_text(f.doc_type, t.code()));
            clauses.push(filter(Box::new(TermSetQuery::new(types))));
        }
        for (facet, value) in &req.filters {
            let term = Term::from_facet(
                f.facets,
                &Facet::from_path([facet.as_str(), value.as_str()]),
            );
            clauses.push(filter(Box::new(TermQuery::new(
                term,
                IndexRecordOption::Basic,
            ))));
        }
        let query = BooleanQuery::new(clauses);
        let mut facets = FacetCollector::for_field("facets");
        for name in FACETS {
            facets.add_facet(Facet::from_path([name]));
        }
        let limit = req.limit.clamp(1, 100);
        let offset = req.offset.min(MAX_OFFSET);
        let top = TopDocs::with_limit(limit)
            .and_offset(offset)
            .order_by_score();
        let (top, total, facet_counts) =
            searcher.search_with_statistics_provider(&query, &(top, Count, facets), &*stats)?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let Some(key) = doc.get_first(f.key).and_then(|v| v.as_str()) else {
                continue;
            };
            let Some((code, id)) = key.split_once(':') else {
                continue;
            };
            let Some(doc_type) = DocType::from_code(code) else {
                continue;
            };
            hits.push(Hit {
                doc_type,
                id: id.to_owned(),
                score,
            });
        }
        let facets = FACETS
            .iter()
            .map(|name| FacetCount {
                facet: name,
                values: facet_counts
                    .top_k(Facet::from_path([*name]), FACET_VALUES)
                    .into_iter()
                    .filter_map(|(facet, count)| {
                        facet.to_path().last().map(|v| ((*v).to_owned(), count))
                    })
                    .collect(),
            })
            .collect();
        Ok(SearchResults {
            total: total as u64,
            hits,
            facets,
            highlighter: Highlighter {
                searcher,
                stats,
                query: text_query.highlight,
                plain: f.body,
                stemmed: f.stemmed.clone(),
            },
        })
    }

    /// Every word must match: in the title (counted double) or a stemmed form of the text in
    /// any language. A word of five letters or more that occurs nowhere matches its near
    /// spellings (one edit, two from nine letters).
    fn text_query(&self, stats: &VisibleStats, text: &str) -> SearchResult<TextQuery> {
        let f = &self.fields;
        let words = tokens(&mut schema::plain_analyzer(), text);
        if words.is_empty() {
            return Ok(TextQuery {
                scored: Box::new(AllQuery),
                highlight: Box::new(AllQuery),
            });
        }
        let mut highlight: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let tokenizers = self.index.tokenizers();
        let stems: Vec<BTreeMap<usize, String>> = STEMMED
            .iter()
            .map(|(code, _)| {
                tokenizers
                    .get(&format!("praxis_{code}"))
                    .map(|mut a| tokens(&mut a, text))
                    .unwrap_or_default()
            })
            .collect();
        let mut required: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (position, word) in words.iter().take(MAX_WORDS) {
            let title = Term::from_field_text(f.title, word);
            let body = Term::from_field_text(f.body, word);
            // Every document's text is in at least one stemmed field, so the plain text is
            // not scored: one posting list fewer per word.
            let mut any: Vec<(Occur, Box<dyn Query>)> = vec![(
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(title.clone(), IndexRecordOption::WithFreqs)),
                    2.0,
                )),
            )];
            highlight.push((
                Occur::Should,
                Box::new(TermQuery::new(body.clone(), IndexRecordOption::Basic)),
            ));
            for (i, per_language) in stems.iter().enumerate() {
                if let Some(stem) = per_language.get(position) {
                    any.push((
                        Occur::Should,
                        Box::new(TermQuery::new(
                            Term::from_field_text(f.stemmed[i], stem),
                            IndexRecordOption::WithFreqs,
                        )),
                    ));
                }
            }
            let letters = word.chars().count();
            // Whether the word exists is asked of the viewer's documents only: a word found
            // only in hidden ones is absent for them, and gets near spellings like any other.
            if letters >= 5 && !stats.holds(&body)? && !stats.holds(&title)? {
                let distance = if letters >= 9 { 2 } else { 1 };
                for term in [body, title] {
                    any.push((
                        Occur::Should,
                        Box::new(FuzzyTermQuery::new(term, distance, true)),
                    ));
                }
            }
            required.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        let scored: Box<dyn Query> = Box::new(BooleanQuery::new(required));
        highlight.push((Occur::Should, scored.box_clone()));
        Ok(TextQuery {
            scored,
            highlight: Box::new(BooleanQuery::new(highlight)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SearchDoc;

    fn doc(id: &str, title: &str, body: &str, lang: &str, access: Access) -> SearchDoc {
        SearchDoc {
            doc_type: DocType::Item,
            id: id.into(),
            title: title.into(),
            body: body.into(),
            languages: vec![lang.into()],
            facets: vec![("kind", "worksheet".into()), ("language", lang.into())],
            access,
        }
    }

    fn index() -> SearchIndex {
        let index = SearchIndex::in_memory().unwrap();
        index
            .apply(
                &[
                    doc(
                        "1",
                        "One-on-one worksheet",
                        "Organizing starts with listening.",
                        "en",
                        Access::Public,
                    ),
                    doc(
                        "2",
                        "ورقة عمل اللقاء الفردي",
                        "التنظيم يبدأ بالاستماع إلى الناس",
                        "ar",
                        Access::Public,
                    ),
                    doc(
                        "3",
                        "Secret campaign plan",
                        "Organizing the strike committee.",
                        "en",
                        Access::Node("n1".into()),
                    ),
                    doc(
                        "4",
                        "Members guide",
                        "Coaching teams that organize.",
                        "en",
                        Access::Members,
                    ),
                ],
                &[],
                7,
            )
            .unwrap();
        index
    }

    fn ids(index: &SearchIndex, text: &str, access: Vec<Access>) -> Vec<String> {
        let results = index
            .search(&SearchRequest {
                text: text.into(),
                access,
                limit: 10,
                ..SearchRequest::default()
            })
            .unwrap();
        let mut ids: Vec<String> = results.hits.into_iter().map(|h| h.id).collect();
        ids.sort();
        ids
    }

    #[test]
    fn stems_match_other_forms_of_a_word() {
        let index = index();

        assert_eq!(
            ids(&index, "organize", vec![Access::Public, Access::Members]),
            vec!["1", "4"]
        );
        assert_eq!(index.applied_change().unwrap(), Some(7));
    }

    #[test]
    fn hidden_documents_are_neither_returned_nor_counted() {
        let index = index();
        let results = index
            .search(&SearchRequest {
                text: "organizing".into(),
                access: vec![Access::Public],
                limit: 10,
                ..SearchRequest::default()
            })
            .unwrap();

        assert_eq!(results.total, 1);
        let kinds = &results
            .facets
            .iter()
            .find(|f| f.facet == "kind")
            .unwrap()
            .values;
        assert_eq!(kinds, &vec![("worksheet".to_owned(), 1)]);
        assert_eq!(
            ids(
                &index,
                "strike",
                vec![Access::Public, Access::Node("n1".into())]
            ),
            vec!["3"]
        );
    }

    #[test]
    fn a_typo_in_a_long_word_still_finds_it() {
        let index = index();

        assert_eq!(ids(&index, "listning", vec![Access::Public]), vec!["1"]);
        assert!(ids(&index, "lisxxxxg", vec![Access::Public]).is_empty());
    }

    #[test]
    fn arabic_is_searchable_and_every_word_must_match() {
        let index = index();

        assert_eq!(ids(&index, "الاستماع", vec![Access::Public]), vec!["2"]);
        assert!(ids(&index, "listening الاستماع", vec![Access::Public]).is_empty());
    }

    #[test]
    fn snippets_highlight_and_escape() {
        let index = index();
        let results = index
            .search(&SearchRequest {
                text: "listening".into(),
                access: vec![Access::Public],
                limit: 10,
                ..SearchRequest::default()
            })
            .unwrap();

        let html = results
            .highlighter
            .snippet("<script>x</script> we start by listening", &["en".into()]);
        assert!(html.contains("<b>listening</b>"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
    }

    fn hits(index: &SearchIndex, text: &str, access: Vec<Access>) -> Vec<(String, f32)> {
        index
            .search(&SearchRequest {
                text: text.into(),
                access,
                limit: 20,
                ..SearchRequest::default()
            })
            .unwrap()
            .hits
            .into_iter()
            .map(|h| (h.id, h.score))
            .collect()
    }

    #[test]
    fn whether_a_word_exists_is_asked_of_the_viewers_documents_only() {
        let index = index();
        index
            .apply(
                &[
                    doc(
                        "5",
                        "Public notes",
                        "The zanzibarite method",
                        "en",
                        Access::Public,
                    ),
                    doc(
                        "6",
                        "Hidden notes",
                        "The zanzibarita plan",
                        "en",
                        Access::Node("n1".into()),
                    ),
                ],
                &[],
                8,
            )
            .unwrap();

        // A word only a hidden document holds is absent for a visitor, exactly like a word
        // no document holds: both find the public near spelling.
        let hidden_word = ids(&index, "zanzibarita", vec![Access::Public]);
        let missing_word = ids(&index, "zanzibarito", vec![Access::Public]);

        assert_eq!(hidden_word, vec!["5"]);
        assert_eq!(hidden_word, missing_word);
        assert_eq!(
            ids(
                &index,
                "zanzibarita",
                vec![Access::Public, Access::Node("n1".into())]
            ),
            vec!["6"],
            "the node's members find the exact word"
        );
    }

    #[test]
    fn hidden_documents_change_neither_the_order_nor_the_scores_a_viewer_sees() {
        let index = index();
        let before = hits(&index, "organizing", vec![Access::Public, Access::Members]);
        let hidden: Vec<SearchDoc> = (0..40)
            .map(|i| {
                doc(
                    &format!("h{i}"),
                    "Organizing organizing",
                    "Organizing the organizing of organizers",
                    "en",
                    Access::Node("n2".into()),
                )
            })
            .collect();
        index.apply(&hidden, &[], 9).unwrap();

        let after = hits(&index, "organizing", vec![Access::Public, Access::Members]);

        assert_eq!(before, after);
    }

    #[test]
    fn removal_takes_a_document_out() {
        let index = index();
        index.apply(&[], &[(DocType::Item, "1".into())], 8).unwrap();

        assert!(ids(&index, "listening", vec![Access::Public]).is_empty());
    }
}
