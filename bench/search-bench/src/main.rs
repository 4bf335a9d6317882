//! The search benchmark of issue 4 (run by `bench/search.sh`).
//!
//! `generate` writes a corpus of library items (about 60 words each from a Zipf-like
//! vocabulary, fixed seed) into a Praxis SQLite database; `direct` runs the query sets against
//! the tantivy index as `praxis serve` would (same filters, count and facets), `http` through
//! `GET /api/v1/search`, and `fts5` against SQLite FTS5 with bm25 on the same corpus. Each
//! prints p50 and p99 per query set: two common words, two mid-frequency words, two rare words.
//! `teams` is the team-formation benchmark (bench/teams.sh).

#![expect(clippy::print_stdout, reason = "a benchmark prints its figures")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use praxis_domain::ids::ItemId;
use praxis_domain::library::{ItemFields, ItemKind, ItemScope};
use praxis_domain::members::profile::Practice;
use praxis_search::{Access, SearchIndex, SearchRequest};
use praxis_store::library::NewItem;
use praxis_store::{DatabaseConfig, Store};

mod teams;

/// Words in the vocabulary.
const VOCABULARY: usize = 50_000;
/// Words per item body (the title adds six).
const BODY_WORDS: usize = 60;
/// Queries per set.
const QUERIES: usize = 100;

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Writes `items` items into `<data-dir>/praxis.db`.
    Generate {
        #[arg(long)]
        data_dir: PathBuf,
        #[arg(long)]
        items: usize,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Queries the index in `<data-dir>/search/v1` directly.
    Direct {
        #[arg(long)]
        data_dir: PathBuf,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Queries `GET <base>/api/v1/search` on one connection.
    Http {
        #[arg(long)]
        base: String,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Forms teams for a generated workshop and times the exact coach-assignment step; writes
    /// that step's cost matrix to `--matrix` for the reference solvers.
    Teams {
        #[arg(long, default_value_t = 4000)]
        participants: usize,
        #[arg(long, default_value_t = 800)]
        coaches: usize,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        #[arg(long)]
        matrix: PathBuf,
    },
    /// Builds `<data-dir>/fts5.db` from the same corpus (once) and queries it.
    Fts5 {
        #[arg(long)]
        data_dir: PathBuf,
        #[arg(long)]
        items: usize,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
}

/// A small deterministic generator (xorshift64*).
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const SYLLABLES: [&str; 40] = [
    "ka", "ro", "mi", "tu", "ne", "la", "vo", "si", "pe", "du", "fa", "gi", "ho", "ju", "ko", "lu",
    "mo", "nu", "pa", "ri", "ra", "su", "ti", "vu", "wa", "zo", "ya", "zu", "ba", "ce", "di", "fo",
    "ga", "hi", "jo", "ku", "le", "ma", "no", "pi",
];

/// The word of rank `rank` (0 is the most frequent): two or more syllables, all distinct.
fn word(rank: usize) -> String {
    let mut n = rank + SYLLABLES.len();
    let mut out = String::new();
    while n > 0 {
        out.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    out
}

/// Samples ranks with probability proportional to 1 / (rank + 1) (Zipf, s = 1).
struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    fn new(n: usize) -> Self {
        let mut cdf = Vec::with_capacity(n);
        let mut total = 0.0;
        for r in 0..n {
            total += 1.0 / (r as f64 + 1.0);
            cdf.push(total);
        }
        for c in &mut cdf {
            *c /= total;
        }
        Self { cdf }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let u = rng.unit();
        self.cdf.partition_point(|c| *c < u).min(self.cdf.len() - 1)
    }
}

/// The corpus, item by item: (title, body, public?).
struct Corpus {
    rng: Rng,
    zipf: Zipf,
    words: Vec<String>,
}

impl Corpus {
    fn new(seed: u64) -> Self {
        Self {
            rng: Rng(seed | 1),
            zipf: Zipf::new(VOCABULARY),
            words: (0..VOCABULARY).map(word).collect(),
        }
    }

    fn text(&mut self, words: usize) -> String {
        let mut out = String::with_capacity(words * 7);
        for i in 0..words {
            if i > 0 {
                out.push(' ');
            }
            let rank = self.zipf.sample(&mut self.rng);
            out.push_str(&self.words[rank]);
        }
        out
    }

    fn item(&mut self) -> (String, String, bool) {
        let title = self.text(6);
        let body = self.text(BODY_WORDS);
        let public = self.rng.below(100) < 85;
        (title, body, public)
    }
}

/// The three query sets, the same for every method: for each, two words of the band taken
/// from one item of the corpus (so every query matches at least that item), items spread over
/// the first part of the corpus.
fn query_sets(seed: u64) -> Vec<(&'static str, Vec<String>)> {
    let bands: [(&'static str, usize, usize); 3] = [
        ("two common words (ranks 3-20)", 3, 20),
        ("two mid-frequency words (ranks 1,000-3,000)", 1_000, 3_000),
        ("two rare words (ranks 20,000-50,000)", 20_000, VOCABULARY),
    ];
    let rank_of: std::collections::HashMap<String, usize> =
        (0..VOCABULARY).map(|r| (word(r), r)).collect();
    let mut sets: Vec<Vec<String>> = vec![Vec::new(); bands.len()];
    let mut corpus = Corpus::new(seed);
    for doc in 0..1_000_000 {
        let (title, body, public) = corpus.item();
        if !public || doc % 7 != 0 {
            continue;
        }
        for (set, (_, from, to)) in sets.iter_mut().zip(bands) {
            if set.len() == QUERIES {
                continue;
            }
            let mut picked: Vec<&str> = Vec::new();
            for w in title.split(' ').chain(body.split(' ')) {
                let rank = rank_of.get(w).copied().unwrap_or(usize::MAX);
                if (from..to).contains(&rank) && !picked.contains(&w) {
                    picked.push(w);
                }
                if picked.len() == 2 {
                    set.push(picked.join(" "));
                    break;
                }
            }
        }
        if sets.iter().all(|s| s.len() == QUERIES) {
            break;
        }
    }
    bands
        .iter()
        .zip(sets)
        .map(|((name, _, _), set)| (*name, set))
        .collect()
}

/// Runs every query twice (the first pass warms caches) and prints p50/p99 of the second.
async fn measure<F, Fut>(label: &str, seed: u64, mut run: F) -> anyhow::Result<()>
where
    F: FnMut(String) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<u64>>,
{
    println!("\n{label}");
    println!(
        "{:<46} {:>10} {:>10} {:>10} {:>14}",
        "query set", "p50", "p99", "max", "mean results"
    );
    for (name, queries) in query_sets(seed) {
        for q in &queries {
            run(q.clone()).await?;
        }
        let mut times: Vec<Duration> = Vec::with_capacity(queries.len());
        let mut hits = 0u64;
        for q in &queries {
            let start = Instant::now();
            hits += run(q.clone()).await?;
            times.push(start.elapsed());
        }
        times.sort();
        let at =
            |p: f64| times[((times.len() as f64 * p).ceil() as usize).clamp(1, times.len()) - 1];
        println!(
            "{name:<46} {:>8.2}ms {:>8.2}ms {:>8.2}ms {:>14}",
            at(0.50).as_secs_f64() * 1000.0,
            at(0.99).as_secs_f64() * 1000.0,
            at(1.0).as_secs_f64() * 1000.0,
            hits / queries.len() as u64,
        );
    }
    Ok(())
}

async fn generate(data_dir: &Path, items: usize, seed: u64) -> anyhow::Result<()> {
    std::fs::create_dir_all(data_dir)?;
    let url = format!("sqlite://{}", data_dir.join("praxis.db").display());
    let store = Store::connect(&DatabaseConfig {
        url,
        max_connections: 4,
    })
    .await?;
    store.migrate().await?;
    let ctx = praxis_app::Context::new(store.clone(), praxis_app::Settings::default());
    let (author, _) = praxis_app::accounts::create_account(
        &ctx,
        praxis_app::accounts::NewAccount {
            email: "bench@example.org".into(),
            password: "benchmark password".into(),
            display_name: "Bench".into(),
            admin: true,
        },
    )
    .await
    .context("creating the bench author")?;
    let mut corpus = Corpus::new(seed);
    let started = Instant::now();
    let now = ctx.now();
    let mut done = 0;
    while done < items {
        let n = (items - done).min(1_000);
        let mut fields = Vec::with_capacity(n);
        for i in 0..n {
            let (title, body, public) = corpus.item();
            fields.push(ItemFields {
                kind: ItemKind::ALL[(done + i) % ItemKind::ALL.len()],
                title,
                summary: String::new(),
                body,
                practices: vec![Practice::ALL[(done + i) % Practice::ALL.len()]],
                domains: Vec::new(),
                regions: Vec::new(),
                languages: vec!["en".into()],
                license: "CC BY 4.0".into(),
                authors: Vec::new(),
                scope: if public {
                    ItemScope::Public
                } else {
                    ItemScope::Members
                },
            });
        }
        let batch: Vec<NewItem<'_>> = fields
            .iter()
            .map(|f| NewItem {
                id: ItemId::generate(),
                fields: f,
                node_id: None,
                created_by: author,
                adapted_from: None,
                now,
            })
            .collect();
        store.create_items(&batch).await?;
        done += n;
        if done % 100_000 == 0 {
            println!("  {done} items ({:.0} s)", started.elapsed().as_secs_f64());
        }
    }
    println!(
        "generated {items} items in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    store.close().await;
    Ok(())
}

async fn direct(data_dir: &Path, seed: u64) -> anyhow::Result<()> {
    let index = SearchIndex::open(&data_dir.join("search").join("v1"), 1)?;
    println!("index: {} documents", index.num_docs());
    let label = "through the index directly (same filters, count and facets as the API)";
    measure(label, seed, |q| {
        let request = SearchRequest {
            text: q,
            access: vec![Access::Public],
            limit: 20,
            ..SearchRequest::default()
        };
        let results = index.search(&request);
        async move { Ok(results?.total) }
    })
    .await
}

async fn http(base: &str, seed: u64) -> anyhow::Result<()> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(1)
        .build()?;
    let label = "through HTTP (GET /api/v1/search, one connection, anonymous)";
    measure(label, seed, |q| {
        let request = client
            .get(format!("{base}/api/v1/search?q={}", q.replace(' ', "+")))
            .send();
        async move {
            let response = request.await?.error_for_status()?;
            let body: serde_json::Value = response.json().await?;
            Ok(body["total"].as_u64().unwrap_or(0))
        }
    })
    .await
}

async fn fts5(data_dir: &Path, items: usize, seed: u64) -> anyhow::Result<()> {
    use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
    let path = data_dir.join("fts5.db");
    let fresh = !path.exists();
    let options = SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?;
    if fresh {
        let started = Instant::now();
        sqlx::query("CREATE VIRTUAL TABLE docs USING fts5(title, body, public UNINDEXED, tokenize = 'porter unicode61')")
            .execute(&pool)
            .await?;
        let mut corpus = Corpus::new(seed);
        let mut done = 0;
        while done < items {
            let n = (items - done).min(10_000);
            let mut tx = pool.begin().await?;
            for _ in 0..n {
                let (title, body, public) = corpus.item();
                sqlx::query("INSERT INTO docs (title, body, public) VALUES ($1, $2, $3)")
                    .bind(title)
                    .bind(body)
                    .bind(i64::from(public))
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            done += n;
        }
        sqlx::query("INSERT INTO docs (docs) VALUES ('optimize')")
            .execute(&pool)
            .await?;
        println!(
            "FTS5 table built in {:.1} s ({} MB)",
            started.elapsed().as_secs_f64(),
            std::fs::metadata(&path)?.len() / 1_000_000
        );
    }
    let pool = &pool;
    let label = "through SQLite FTS5 with bm25 (top 20 public items, no count, no facets)";
    measure(label, seed, |q| {
        let pattern = q
            .split_whitespace()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" AND ");
        async move {
            let rows: Vec<(i64, f64)> = sqlx::query_as(
                "SELECT rowid, bm25(docs) AS score FROM docs WHERE docs MATCH $1 AND public = 1
                 ORDER BY score LIMIT 20",
            )
            .bind(pattern)
            .fetch_all(pool)
            .await?;
            Ok(rows.len() as u64)
        }
    })
    .await
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Generate {
            data_dir,
            items,
            seed,
        } => generate(&data_dir, items, seed).await,
        Command::Direct { data_dir, seed } => direct(&data_dir, seed).await,
        Command::Http { base, seed } => http(&base, seed).await,
        Command::Fts5 {
            data_dir,
            items,
            seed,
        } => fts5(&data_dir, items, seed).await,
        Command::Teams {
            participants,
            coaches,
            seed,
            matrix,
        } => teams::run(participants, coaches, seed, &matrix),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_is_the_same_for_the_same_seed_and_zipf_shaped() {
        let (a, b) = (Corpus::new(1).item(), Corpus::new(1).item());
        assert_eq!(a.0, b.0);
        let zipf = Zipf::new(1000);
        let mut rng = Rng(3);
        let top = (0..10_000).filter(|_| zipf.sample(&mut rng) == 0).count();
        assert!((1_000..1_500).contains(&top), "{top}");
        assert_ne!(word(0), word(40));
    }

    #[test]
    fn every_query_set_is_full_and_each_query_is_two_words_of_its_band() {
        for (_, set) in query_sets(2026) {
            assert_eq!(set.len(), QUERIES);
            assert!(set.iter().all(|q| q.split(' ').count() == 2));
        }
    }
}
