//! `praxis`: the one binary — serve the site, migrate, create the demo network, show the
//! configuration and administer accounts from scripts.

mod admin;
mod config;
mod serve;

use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use crate::config::{Config, LogFormat, Overrides};

#[derive(Parser)]
#[command(
    name = "praxis",
    version,
    about = "The software of a community of practice for organizing"
)]
struct Cli {
    /// A configuration file (default: ./praxis.toml if it exists).
    #[arg(long, global = true, env = "PRAXIS_CONFIG")]
    config: Option<PathBuf>,
    /// Where the SQLite database, mail folder and other files live.
    #[arg(long, global = true, env = "PRAXIS_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// A database URL (`postgres://…` moves Praxis to PostgreSQL).
    #[arg(
        long,
        global = true,
        env = "PRAXIS_DATABASE_URL",
        hide_env_values = true
    )]
    database_url: Option<String>,
    /// The address to listen on.
    #[arg(long, global = true, env = "PRAXIS_LISTEN")]
    listen: Option<String>,
    /// Log format.
    #[arg(long, global = true, value_enum)]
    log_format: Option<LogFormat>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (migrates the database first).
    Serve {
        /// Fill an empty database with a demo network first.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations.
    Migrate,
    /// Fill an empty database with a demo network.
    Demo {
        /// How many demo members to create.
        #[arg(long, default_value_t = 300)]
        members: usize,
        /// Generate a synthetic network of this many nodes instead of the hand-made demo
        /// nodes (for benchmarks: `--members 100000 --nodes 1000`).
        #[arg(long)]
        nodes: Option<usize>,
    },
    /// Show or check the configuration.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Manage the search index.
    Search {
        #[command(subcommand)]
        command: SearchCommand,
    },
    /// Administer accounts from scripts.
    Admin {
        #[command(subcommand)]
        command: admin::AdminCommand,
    },
}

#[derive(Subcommand)]
enum SearchCommand {
    /// Rebuild the index from the database (with `praxis serve` stopped: it holds the index).
    Reindex,
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Print the effective configuration, secrets masked.
    Show,
}

fn main() -> anyhow::Result<()> {
    // Two TLS back ends are linked (ring for the database and mail, aws-lc for the S3
    // client); rustls needs to be told which to use by default.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let cli = Cli::parse();
    let overrides = Overrides {
        config_file: cli.config,
        data_dir: cli.data_dir,
        listen: cli.listen,
        database_url: cli.database_url,
        log_format: cli.log_format,
    };
    let config = Config::load(&overrides, |key| std::env::var(key).ok())?;
    if let Command::Config {
        command: ConfigCommand::Show,
    } = cli.command
    {
        #[expect(clippy::print_stdout, reason = "the command's output")]
        {
            print!("{}", config.show());
        }
        return Ok(());
    }
    serve::init_logging(&config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        match cli.command {
            Command::Serve { demo } => serve::serve(&config, demo).await,
            Command::Migrate => serve::migrate(&config).await,
            Command::Demo { members, nodes } => serve::demo(&config, members, nodes).await,
            Command::Admin { command } => admin::run(&config, command).await,
            Command::Search {
                command: SearchCommand::Reindex,
            } => serve::reindex(&config).await,
            Command::Config { .. } => Ok(()),
        }
    })
}
