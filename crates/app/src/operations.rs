//! Running the instance: whether it can serve, and the housekeeping each `serve` process does
//! on a timer (several processes doing it at once is harmless: each step is one statement).

use crate::{AppResult, Context};

/// Succeeds when the database answers.
///
/// # Errors
/// `Unavailable` when it does not.
pub async fn check_ready(ctx: &Context) -> AppResult<()> {
    Ok(ctx.store.ping().await?)
}

/// Marks roster imports whose process stopped (no progress for ten minutes), and checked
/// ones nobody ran for a day, as failed, deleting their files; returns how many.
///
/// # Errors
/// When the store fails.
pub async fn fail_stalled_imports(ctx: &Context) -> AppResult<u64> {
    Ok(ctx
        .store
        .fail_stale_imports(
            ctx.now().plus_seconds(-600),
            ctx.now().plus_seconds(-86_400),
        )
        .await?)
}

/// Deletes expired sessions, email links, old log-in failures and spent mail allowances;
/// returns how many rows went.
///
/// # Errors
/// When the store fails.
pub async fn prune_expired(ctx: &Context) -> AppResult<u64> {
    let now = ctx.now();
    Ok(ctx
        .store
        .prune_expired(now, now.plus_seconds(-86_400))
        .await?)
}

/// Deletes the search change log older than a week (every process follows it within
/// seconds); returns how many rows went.
///
/// # Errors
/// When the store fails.
pub async fn prune_change_log(ctx: &Context) -> AppResult<u64> {
    Ok(ctx
        .store
        .prune_search_changes(ctx.now().plus_seconds(-7 * 86_400))
        .await?)
}

/// Deletes the mail files older than the days they are kept (`mail.keep_files_days`);
/// returns how many.
///
/// # Errors
/// When the mail folder cannot be read.
pub async fn prune_mail_files(ctx: &Context) -> AppResult<usize> {
    match &ctx.settings.mail_dir {
        Some(dir) => crate::mail::prune_mail_files(dir, ctx.settings.keep_mail_files_days).await,
        None => Ok(0),
    }
}
