//! Roster import and export for a node's stewards. An import is checked first (a dry run
//! that reports row by row what it would invite, merge or refuse, and changes nothing), then
//! run by a background task in batches, with progress any process can read. Importing the
//! same file twice invites nobody twice.

use std::fmt::Write as _;

use praxis_domain::rosters::{
    RosterError, RowPlan, RowReport, parse_roster, plan_roster, spreadsheet_safe,
};
use praxis_domain::validation::FieldErrors;
use praxis_store::hash_token;
use praxis_store::nodes::NodeRecord;
use praxis_store::rosters::{ImportProgress, ImportRecord, NewImport};
use tracing::instrument;

use crate::i18n::Locale;
use crate::invitations::INVITATION_DAYS;
use crate::mail::{self, MailKind};
use crate::policy::CurrentMember;
use crate::policy::nodes::{outreach_node, stewarded_node};
use crate::quotas::{Sender, spend_mail};
use crate::secrets::new_secret;
use crate::{AppError, AppResult, Context};

pub use praxis_store::rosters::ImportRecord as ImportStatus;

/// Rows imported per transaction.
const BATCH: usize = 500;

/// What a check found.
#[derive(Debug, Clone)]
pub struct RosterCheck {
    /// The import to run if the steward agrees.
    pub import_id: String,
    /// The file's column names.
    pub headers: Vec<String>,
    /// The column read as addresses.
    pub email_column: usize,
    /// Every row's plan.
    pub rows: Vec<RowReport>,
    /// Rows that would be invited.
    pub to_invite: usize,
    /// Rows already members or invited.
    pub to_merge: usize,
    /// Rows refused.
    pub to_reject: usize,
}

fn file_error(error: &RosterError) -> AppError {
    let field = if matches!(error, RosterError::NoEmailColumn) {
        "email_column"
    } else {
        "file"
    };
    AppError::Invalid(FieldErrors::single(field, error.key()))
}

/// Checks a roster file (a dry run: nothing is invited) and keeps it for the import.
///
/// # Errors
/// `Invalid` naming `file` or `email_column` when the file cannot be read; `NotFound` or
/// `Forbidden` for a node the member does not steward.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn check_roster(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
    file: &[u8],
    email_column: Option<&str>,
) -> AppResult<RosterCheck> {
    let node = outreach_node(ctx, me, key).await?;
    let roster = parse_roster(file).map_err(|e| file_error(&e))?;
    let column = roster
        .email_column(email_column)
        .map_err(|e| file_error(&e))?;
    let existing = ctx.store.node_addresses(node.id, ctx.now()).await?;
    let rows = plan_roster(&roster, column, &existing);
    let import_id = uuid::Uuid::now_v7().to_string();
    let content =
        String::from_utf8_lossy(file.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(file)).into_owned();
    let total = i64::try_from(rows.len()).unwrap_or(i64::MAX);
    let new = NewImport {
        id: &import_id,
        node: node.id,
        by: me.id,
        email_column: column,
        content: &content,
        total_rows: total,
    };
    ctx.store.create_import(&new, ctx.now()).await?;
    Ok(summarize(import_id, roster.headers, column, rows))
}

/// Checks a kept file again with another email column (the header-mapping step), without
/// uploading it again.
///
/// # Errors
/// `Invalid` naming `email_column` for an unknown column or `import` for one already started.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn recheck_roster(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
    import_id: &str,
    email_column: &str,
) -> AppResult<RosterCheck> {
    let node = outreach_node(ctx, me, key).await?;
    let import = ctx.store.get_import(node.id, import_id).await?;
    if import.status != "checked" {
        return Err(AppError::Invalid(FieldErrors::single(
            "import",
            "error-import-started",
        )));
    }
    let roster = parse_roster(import.content.as_bytes()).map_err(|e| file_error(&e))?;
    let column = roster
        .email_column(Some(email_column))
        .map_err(|e| file_error(&e))?;
    ctx.store.set_import_column(&import.id, column).await?;
    let existing = ctx.store.node_addresses(node.id, ctx.now()).await?;
    let rows = plan_roster(&roster, column, &existing);
    Ok(summarize(import.id, roster.headers, column, rows))
}

fn summarize(
    import_id: String,
    headers: Vec<String>,
    email_column: usize,
    rows: Vec<RowReport>,
) -> RosterCheck {
    let count = |f: fn(&RowPlan) -> bool| rows.iter().filter(|r| f(&r.plan)).count();
    let (to_invite, to_merge, to_reject) = (
        count(|p| matches!(p, RowPlan::Invite(_))),
        count(|p| matches!(p, RowPlan::AlreadyThere(_))),
        count(|p| matches!(p, RowPlan::Reject(_))),
    );
    RosterCheck {
        import_id,
        headers,
        email_column,
        rows,
        to_invite,
        to_merge,
        to_reject,
    }
}

/// Starts a checked import in the background; returns at once.
///
/// # Errors
/// `NotFound` for an unknown import; `Invalid` naming `import` when it already ran.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn start_import(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
    import_id: &str,
) -> AppResult<()> {
    let node = outreach_node(ctx, me, key).await?;
    let import = ctx.store.get_import(node.id, import_id).await?;
    let roster = parse_roster(import.content.as_bytes()).map_err(|e| file_error(&e))?;
    let existing = ctx.store.node_addresses(node.id, ctx.now()).await?;
    let invites = plan_roster(&roster, import.email_column, &existing)
        .iter()
        .filter(|r| matches!(r.plan, RowPlan::Invite(_)))
        .count();
    spend_mail(ctx, Sender::Member(me), invites).await?;
    if !ctx.store.start_import(&import.id, ctx.now()).await? {
        return Err(AppError::Invalid(FieldErrors::single(
            "import",
            "error-import-started",
        )));
    }
    let (ctx, me) = (ctx.clone(), me.clone());
    tokio::spawn(async move {
        let id = import.id.clone();
        if let Err(error) = run_import(&ctx, &me, &node, import).await {
            tracing::error!(import.id = %id, error = ?anyhow::Error::from(error), "roster import failed");
            let _ = ctx
                .store
                .record_import_progress(&id, ImportProgress::default(), Some("failed"), ctx.now())
                .await;
        }
    });
    Ok(())
}

async fn run_import(
    ctx: &Context,
    me: &CurrentMember,
    node: &NodeRecord,
    import: ImportRecord,
) -> AppResult<()> {
    let roster = parse_roster(import.content.as_bytes()).map_err(|e| file_error(&e))?;
    // Planned again against who is in now, so a second import of the same file adds nothing.
    let existing = ctx.store.node_addresses(node.id, ctx.now()).await?;
    let rows = plan_roster(&roster, import.email_column, &existing);
    let locale = me.locale.unwrap_or(Locale::En);
    for chunk in rows.chunks(BATCH) {
        let now = ctx.now();
        let mut progress = ImportProgress {
            processed: i64::try_from(chunk.len()).unwrap_or(0),
            ..Default::default()
        };
        let mut invitations = Vec::new();
        for row in chunk {
            match &row.plan {
                RowPlan::Invite(email) => {
                    let token = new_secret("pxi_")?;
                    let link = format!("{}/invitations/{token}", ctx.settings.base_url);
                    let message = mail::compose(
                        ctx,
                        locale,
                        email,
                        &MailKind::NodeInvitation {
                            node: node.fields.name.clone(),
                            link,
                        },
                    );
                    invitations.push((email.as_str().to_owned(), hash_token(&token), message));
                    progress.invited += 1;
                }
                RowPlan::AlreadyThere(_) => progress.merged += 1,
                RowPlan::Reject(_) => progress.rejected += 1,
            }
        }
        ctx.store
            .create_invitations_with_mail(
                node.id,
                &invitations,
                me.id,
                now,
                now.plus_seconds(INVITATION_DAYS * 86_400),
            )
            .await?;
        ctx.store
            .record_import_progress(&import.id, progress, None, ctx.now())
            .await?;
        ctx.mail_queued.notify_one();
    }
    ctx.store
        .record_import_progress(
            &import.id,
            ImportProgress::default(),
            Some("done"),
            ctx.now(),
        )
        .await?;
    tracing::info!(import.id = %import.id, rows = rows.len(), "roster imported");
    Ok(())
}

/// An import's progress.
///
/// # Errors
/// `NotFound` for an unknown import or a node the member does not steward.
pub async fn import_status(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
    import_id: &str,
) -> AppResult<ImportRecord> {
    let node = stewarded_node(ctx, me, key).await?;
    Ok(ctx.store.get_import(node.id, import_id).await?)
}

/// The node's roster as CSV for its stewards: only what a steward may see of each member
/// (no addresses), every cell safe to open in a spreadsheet.
///
/// # Errors
/// `NotFound` or `Forbidden` for a node the member does not steward.
pub async fn export_roster(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
) -> AppResult<(String, String)> {
    let node = stewarded_node(ctx, me, key).await?;
    let mut out = String::from("member_id,display_name,role,languages,regions\r\n");
    let mut offset = 0;
    loop {
        let rows = ctx
            .store
            .list_node_members(node.id, false, 1000, offset)
            .await?;
        if rows.is_empty() {
            break;
        }
        let ids: Vec<_> = rows.iter().map(|(id, _)| *id).collect();
        let profiles = ctx.store.profiles_by_ids(&ids).await?;
        for (id, is_steward) in &rows {
            let Some(p) = profiles.iter().find(|p| p.id == *id) else {
                continue;
            };
            let cells = [
                id.to_string(),
                p.profile.display_name.clone(),
                if *is_steward { "steward" } else { "member" }.to_owned(),
                p.profile.languages.join(" "),
                p.profile.regions.join("; "),
            ];
            let line: Vec<String> = cells
                .iter()
                .map(|c| csv_cell(&spreadsheet_safe(c)))
                .collect();
            let _ = write!(out, "{}\r\n", line.join(","));
        }
        offset += 1000;
    }
    Ok((format!("{}-roster.csv", node.fields.slug), out))
}

/// A CSV cell: quoted when it must be.
pub(crate) fn csv_cell(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}
