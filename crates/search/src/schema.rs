//! The index's fields and analyzers: a plain field (lower-cased, accents folded, for exact and
//! fuzzy matches and for highlighting) and one stemmed field per language tantivy can stem.

use tantivy::Index;
use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};

/// Languages with a stemmer: (code, tantivy language).
pub(crate) const STEMMED: [(&str, Language); 18] = [
    ("ar", Language::Arabic),
    ("da", Language::Danish),
    ("nl", Language::Dutch),
    ("en", Language::English),
    ("fi", Language::Finnish),
    ("fr", Language::French),
    ("de", Language::German),
    ("el", Language::Greek),
    ("hu", Language::Hungarian),
    ("it", Language::Italian),
    ("no", Language::Norwegian),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("ru", Language::Russian),
    ("es", Language::Spanish),
    ("sv", Language::Swedish),
    ("ta", Language::Tamil),
    ("tr", Language::Turkish),
];

const PLAIN: &str = "praxis_plain";

/// The index's fields.
#[derive(Debug, Clone)]
pub(crate) struct Fields {
    /// `type:id`, stored: what a hit is.
    pub key: Field,
    /// `item`, `node` or `member`.
    pub doc_type: Field,
    /// Who may see it: `public`, `members`, `node:<id>`.
    pub access: Field,
    /// The title, plain.
    pub title: Field,
    /// The text, plain (matched only for near spellings).
    pub body: Field,
    /// Title and text stemmed, one field per language of [`STEMMED`], in that order.
    pub stemmed: Vec<Field>,
    /// `/type/…`, `/kind/…`, `/practice/…`, `/domain/…`, `/region/…`, `/language/…`.
    pub facets: Field,
}

pub(crate) fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let key = b.add_text_field("key", STRING | STORED);
    let doc_type = b.add_text_field("type", STRING);
    let access = b.add_text_field("access", STRING);
    let title = b.add_text_field("title", text(PLAIN));
    // The plain text is for near spellings and highlighting, never scored: positions and
    // frequencies would only make the index larger.
    let body = b.add_text_field(
        "body",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(PLAIN)
                .set_index_option(IndexRecordOption::Basic),
        ),
    );
    let stemmed = STEMMED
        .iter()
        .map(|(code, _)| b.add_text_field(&format!("stem_{code}"), text(&analyzer_name(code))))
        .collect();
    let facets = b.add_facet_field("facets", FacetOptions::default());
    (
        b.build(),
        Fields {
            key,
            doc_type,
            access,
            title,
            body,
            stemmed,
            facets,
        },
    )
}

fn analyzer_name(code: &str) -> String {
    format!("praxis_{code}")
}

/// Registers the analyzers on an index (every time it is opened).
pub(crate) fn register_analyzers(index: &Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(PLAIN, plain_analyzer());
    for (code, language) in STEMMED {
        tokenizers.register(
            &analyzer_name(code),
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(40))
                .filter(LowerCaser)
                .filter(Stemmer::new(language))
                .build(),
        );
    }
}

pub(crate) fn plain_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The position in [`STEMMED`] of a language code (`pt-BR` counts as `pt`).
pub(crate) fn stemmed_index(code: &str) -> Option<usize> {
    let base = code.split('-').next().unwrap_or(code);
    STEMMED.iter().position(|(c, _)| *c == base)
}
