//! `praxis serve`, `praxis migrate` and `praxis demo`.

use std::time::Duration;

use anyhow::Context as _;
use praxis_app::demo::{self, DemoOutcome};
use praxis_app::files::FileStore;
use praxis_app::mail::{self, Mailer};
use praxis_app::operations;
use praxis_app::search::SearchService;
use praxis_app::{Context, Settings};
use praxis_store::{DatabaseConfig, Store};
use praxis_web::{AppState, HttpConfig};
use tokio::sync::watch;

use crate::config::{Config, LogFormat};

/// Sets up `tracing` output as configured.
pub fn init_logging(config: &Config) -> anyhow::Result<()> {
    use tracing_subscriber::layer::SubscriberExt as _;
    use tracing_subscriber::util::SubscriberInitExt as _;
    let filter: tracing_subscriber::filter::Targets = config
        .log_level
        .parse()
        .with_context(|| format!("log.level: `{}` is not a valid filter", config.log_level))?;
    let registry = tracing_subscriber::registry().with(filter);
    match config.log_format {
        LogFormat::Json => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .with_current_span(true)
                    .with_writer(std::io::stderr),
            )
            .try_init(),
        LogFormat::Text => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .with_target(false)
                    .with_writer(std::io::stderr),
            )
            .try_init(),
    }
    .context("setting up logging")
}

/// Opens (creating the data directory if needed) and migrates the database.
pub async fn open_store(config: &Config) -> anyhow::Result<Store> {
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("data_dir: cannot create {}", config.data_dir.display()))?;
    let database = DatabaseConfig {
        url: config.database_url(),
        max_connections: config.database_max_connections,
    };
    let store = Store::connect(&database)
        .await
        .with_context(|| format!("connecting to the database {database:?}"))?;
    let applied = store.migrate().await.context("migrating the database")?;
    if applied > 0 {
        tracing::info!(migrations = applied, "database migrated");
    }
    Ok(store)
}

pub fn context(config: &Config, store: Store) -> Context {
    Context::new(
        store,
        Settings {
            base_url: config.base_url(),
            mail_from: config.mail_from.clone(),
            site_name: config.site_name.clone(),
            open_node_creation: config.open_node_creation,
            max_upload_bytes: config.max_upload_mb * 1024 * 1024,
            mail_quota: config.mail_quota,
            mail_dir: config
                .smtp_url
                .is_none()
                .then(|| config.data_dir.join("mail")),
            keep_mail_files_days: config.keep_mail_files_days,
            ..Settings::default()
        },
    )
}

/// The index directory: one per data directory (each `serve` process keeps its own).
fn index_dir(config: &Config) -> std::path::PathBuf {
    config.data_dir.join("search").join("v1")
}

/// The context of a serving process: files under the data directory, the search index there.
fn serving_context(config: &Config, store: Store) -> anyhow::Result<Context> {
    let search = SearchService::open(&index_dir(config), 1).with_context(|| {
        format!(
            "opening the search index in {} (is another praxis serve using this data directory?)",
            index_dir(config).display()
        )
    })?;
    let files = match &config.s3 {
        Some(s3) => FileStore::s3(s3)?,
        None => FileStore::Local(config.data_dir.join("files")),
    };
    Ok(context(config, store).with_storage(files, search))
}

/// `praxis search reindex`: rebuilds the index from the database.
#[expect(clippy::print_stdout, reason = "the command's output")]
pub async fn reindex(config: &Config) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    let search = SearchService::open(&index_dir(config), 2).with_context(|| {
        format!(
            "opening the search index in {} (stop praxis serve first: it holds the index)",
            index_dir(config).display()
        )
    })?;
    let ctx = context(config, store.clone()).with_storage(FileStore::memory(), search);
    let started = std::time::Instant::now();
    let documents = praxis_app::search::rebuild(&ctx)
        .await
        .context("rebuilding the search index")?;
    println!(
        "Indexed {documents} documents in {:.1} s.",
        started.elapsed().as_secs_f64()
    );
    store.close().await;
    Ok(())
}

#[expect(
    clippy::print_stdout,
    reason = "tells the person at the terminal how to sign in"
)]
async fn seed_demo(ctx: &Context, members: usize, nodes: Option<usize>) -> anyhow::Result<()> {
    let outcome = match nodes {
        Some(nodes) => demo::seed_scale(ctx, members, nodes, 2026).await,
        None => demo::seed_demo(ctx, members, 2026).await,
    };
    match outcome.context("creating the demo network")? {
        DemoOutcome::Created(n) => {
            println!("Created a demo network of {n} members.");
            println!(
                "Sign in as {} with the password {}",
                demo::DEMO_EMAIL,
                demo::DEMO_PASSWORD
            );
        }
        DemoOutcome::AlreadyPopulated => {
            println!("The database already has members; the demo network was not added.");
        }
    }
    Ok(())
}

/// `praxis migrate`.
pub async fn migrate(config: &Config) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    store.close().await;
    Ok(())
}

/// `praxis demo`.
pub async fn demo(config: &Config, members: usize, nodes: Option<usize>) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    let ctx = context(config, store.clone());
    seed_demo(&ctx, members, nodes).await?;
    store.close().await;
    Ok(())
}

/// `praxis serve`.
pub async fn serve(config: &Config, with_demo: bool) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    let ctx = serving_context(config, store.clone())?;
    if with_demo {
        seed_demo(&ctx, 300, None).await?;
    }
    let mailer = match &config.smtp_url {
        Some(url) => Mailer::smtp(url).context("mail.smtp_url")?,
        None => Mailer::Files(config.data_dir.join("mail")),
    };
    let (stop_tx, stop_rx) = watch::channel(false);
    let sender = tokio::spawn(mail::run_mail_sender(
        ctx.clone(),
        mailer,
        stopped(stop_rx.clone()),
    ));
    let pruner = tokio::spawn(prune_periodically(ctx.clone(), stopped(stop_rx.clone())));
    let worker = tokio::spawn(praxis_app::accounts::run_account_worker(
        ctx.clone(),
        stopped(stop_rx.clone()),
    ));
    let indexer = tokio::spawn(praxis_app::search::run_indexer(
        ctx.clone(),
        stopped(stop_rx),
    ));

    let http = HttpConfig {
        secure_cookies: config.base_url().starts_with("https://"),
        trust_forwarded_for: config.trust_forwarded_for,
        ..HttpConfig::default()
    };
    let app = praxis_web::router(AppState::new(ctx, http));
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("listen: cannot listen on {}", config.listen))?;
    tracing::info!(address = %config.listen, base_url = %config.base_url(), "Praxis is listening");
    #[expect(
        clippy::print_stdout,
        reason = "tells the person at the terminal where to go"
    )]
    {
        println!("Praxis is running at {}", config.base_url());
    }
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("serving HTTP")?;

    tracing::info!("shutting down: finishing background work");
    let _ = stop_tx.send(true);
    let _ = tokio::time::timeout(Duration::from_secs(10), async {
        let _ = sender.await;
        let _ = pruner.await;
        let _ = worker.await;
        let _ = indexer.await;
    })
    .await;
    store.close().await;
    Ok(())
}

async fn stopped(mut rx: watch::Receiver<bool>) {
    let _ = rx.wait_for(|stop| *stop).await;
}

async fn prune_periodically(ctx: Context, stop: impl std::future::Future<Output = ()>) {
    tokio::pin!(stop);
    loop {
        match operations::fail_stalled_imports(&ctx).await {
            Ok(n) if n > 0 => {
                tracing::warn!(imports = n, "marked stalled roster imports as failed")
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(error = %error, "checking for stalled imports failed"),
        }
        match operations::prune_expired(&ctx).await {
            Ok(n) if n > 0 => tracing::info!(rows = n, "pruned expired sessions and links"),
            Ok(_) => {}
            Err(error) => tracing::warn!(error = %error, "pruning failed"),
        }
        match praxis_app::commitments::send_reminders(&ctx).await {
            Ok(n) if n > 0 => tracing::info!(reminders = n, "reminded members of commitments due"),
            Ok(_) => {}
            Err(error) => tracing::warn!(error = %error, "sending commitment reminders failed"),
        }
        match operations::prune_mail_files(&ctx).await {
            Ok(n) if n > 0 => tracing::info!(files = n, "removed old mail files"),
            Ok(_) => {}
            Err(error) => tracing::warn!(error = %error, "removing old mail files failed"),
        }
        if let Err(error) = operations::prune_change_log(&ctx).await {
            tracing::warn!(error = %error, "pruning the search change log failed");
        }
        tokio::select! {
            () = &mut stop => break,
            () = tokio::time::sleep(Duration::from_secs(300)) => {}
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
