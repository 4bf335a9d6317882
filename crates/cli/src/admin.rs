//! `praxis admin …`: account administration for scripts.

use std::io::Read as _;

use anyhow::Context as _;
use clap::Subcommand;
use praxis_app::{AppError, Constraint, accounts, tokens};

use crate::config::Config;
use crate::serve::{context, open_store};

#[derive(Subcommand)]
pub enum AdminCommand {
    /// Create a verified account; the password is read from standard input.
    CreateUser {
        #[arg(long)]
        email: String,
        /// Read the password from standard input (required: passwords never go in arguments).
        #[arg(long, required = true)]
        password_stdin: bool,
        #[arg(long)]
        display_name: String,
        /// Make the account a network admin.
        #[arg(long)]
        admin: bool,
    },
    /// Create a personal access token for an account and print it.
    CreateToken {
        #[arg(long)]
        email: String,
        /// What the token is for.
        #[arg(long, default_value = "script")]
        name: String,
    },
}

#[expect(clippy::print_stdout, reason = "the command's output, for scripts")]
pub async fn run(config: &Config, command: AdminCommand) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    let ctx = context(config, store.clone());
    let result = match command {
        AdminCommand::CreateUser {
            email,
            password_stdin: _,
            display_name,
            admin,
        } => {
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .context("reading the password from standard input")?;
            let password = password.trim_end_matches(['\n', '\r']).to_owned();
            match accounts::create_account(
                &ctx,
                accounts::NewAccount {
                    email,
                    password,
                    display_name,
                    admin,
                },
            )
            .await
            {
                Ok((id, is_admin)) => {
                    println!("{id}");
                    tracing::info!(member.id = %id, member.is_admin = is_admin, "account created");
                    Ok(())
                }
                Err(error) => Err(explain(error)),
            }
        }
        AdminCommand::CreateToken { email, name } => {
            match tokens::create_token_for_email(&ctx, &email, &name).await {
                Ok(token) => {
                    println!("{}", token.secret);
                    Ok(())
                }
                Err(AppError::NotFound) => {
                    Err(anyhow::anyhow!("email: no account has this address"))
                }
                Err(error) => Err(explain(error)),
            }
        }
    };
    store.close().await;
    result
}

fn explain(error: AppError) -> anyhow::Error {
    let translator = praxis_app::i18n::Translator::new();
    match error {
        AppError::Invalid(errors) => {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| {
                    format!(
                        "{}: {}",
                        e.field(),
                        translator.t(praxis_app::i18n::Locale::En, e.key())
                    )
                })
                .collect();
            anyhow::anyhow!(lines.join("\n"))
        }
        AppError::Conflict(Constraint::MemberEmailTaken) => {
            anyhow::anyhow!("email: an account already has this address")
        }
        other => anyhow::Error::new(other),
    }
}
