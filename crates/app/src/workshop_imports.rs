//! Importing a workshop's participants from a CSV file: the same messy-file handling and
//! row-by-row dry run as a node's roster import. Every good address is invited by mail to take
//! a seat — whether or not it has an account, so the report tells the staff nothing about who
//! is registered — and the person takes it by following the link, signed in (accepted while
//! seats last, then on the waiting list).

use praxis_domain::applications::ApplicationStatus;
use praxis_domain::ids::WorkshopId;
use praxis_domain::rosters::{RowPlan, parse_roster, plan_roster};
use praxis_domain::validation::FieldErrors;
use praxis_store::hash_token;
use praxis_store::workshops::WorkshopRecord;
use tracing::instrument;

use crate::i18n::Locale;
use crate::mail::{MailKind, compose};
use crate::policy::CurrentMember;
use crate::policy::workshops::managed_workshop;
use crate::quotas::{Sender, spend_mail};
use crate::secrets::new_secret;
use crate::{AppError, AppResult, Context};

/// Days a workshop invitation works.
pub const WORKSHOP_INVITATION_DAYS: i64 = 21;

/// What became (or would become) of one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// Its line in the file.
    pub line: usize,
    /// The address as written.
    pub email: String,
    /// `invite`, `already-invited`, or a translation key of why it is rejected.
    pub outcome: &'static str,
}

/// The report of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// Every row.
    pub rows: Vec<ImportRow>,
    /// How many addresses were (or would be) invited.
    pub invited: usize,
    /// True when nothing was written or sent.
    pub dry_run: bool,
}

/// Checks a participants file and, unless `dry_run`, invites every good address by mail (the
/// managing staff of the workshop). The report is the same whoever the addresses belong to.
///
/// # Errors
/// `NotFound`, `Forbidden`; `Invalid` naming `file` for an unreadable file or one without an
/// email column; `TooManyAttempts` past the member's mail allowance (nothing sent).
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn import_participants(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    bytes: &[u8],
    email_column: Option<&str>,
    dry_run: bool,
) -> AppResult<ImportReport> {
    let w = managed_workshop(ctx, me, workshop).await?;
    let invalid = |key| AppError::Invalid(FieldErrors::single("file", key));
    let roster = parse_roster(bytes).map_err(|e| invalid(e.key()))?;
    let column = roster
        .email_column(email_column)
        .map_err(|e| invalid(e.key()))?;
    // Addresses the staff invited before are not invited again (that tells them nothing of
    // who has an account: they wrote those addresses themselves).
    let invited_before = ctx
        .store
        .workshop_invited_addresses(w.id, ctx.now())
        .await?;
    let plan = plan_roster(&roster, column, &invited_before);
    let mut rows = Vec::with_capacity(plan.len());
    let mut to_invite = Vec::new();
    for r in plan {
        let outcome = match r.plan {
            RowPlan::Reject(key) => key,
            RowPlan::AlreadyThere(_) => "already-invited",
            RowPlan::Invite(email) => {
                to_invite.push(email);
                "invite"
            }
        };
        rows.push(ImportRow {
            line: r.line,
            email: r.email,
            outcome,
        });
    }
    let invited = to_invite.len();
    if !dry_run {
        spend_mail(ctx, Sender::Member(me), invited).await?;
        invite(ctx, me, &w, &to_invite).await?;
        tracing::info!(workshop.id = %w.id, invited, "participants invited");
    }
    Ok(ImportReport {
        rows,
        invited,
        dry_run,
    })
}

async fn invite(
    ctx: &Context,
    me: &CurrentMember,
    w: &WorkshopRecord,
    addresses: &[praxis_domain::members::credentials::Email],
) -> AppResult<()> {
    let now = ctx.now();
    let locale = me.locale.unwrap_or(Locale::En);
    let mut invitations = Vec::with_capacity(addresses.len());
    for email in addresses {
        let token = new_secret("pxw_")?;
        let message = compose(
            ctx,
            locale,
            email,
            &MailKind::WorkshopInvitation {
                workshop: w.fields.title.clone(),
                link: format!("{}/workshop-invitations/{token}", ctx.settings.base_url),
            },
        );
        invitations.push((email.as_str().to_owned(), hash_token(&token), message));
    }
    ctx.store
        .create_workshop_invitations(
            w.id,
            &invitations,
            me.id,
            now,
            now.plus_seconds(WORKSHOP_INVITATION_DAYS * 86_400),
        )
        .await?;
    ctx.mail_queued.notify_one();
    Ok(())
}

/// The workshop an invitation link offers a seat in (anyone holding the link may read its
/// title: the link is the secret).
///
/// # Errors
/// `NotFound` for an unknown, expired or used link.
pub async fn view_workshop_invitation(ctx: &Context, token: &str) -> AppResult<WorkshopRecord> {
    let workshop = ctx
        .store
        .find_workshop_invitation(&hash_token(token), ctx.now())
        .await?
        .ok_or(AppError::NotFound)?;
    ctx.store
        .get_workshop(workshop)
        .await?
        .ok_or(AppError::NotFound)
}

/// Takes the seat an invitation offers: accepted while seats last, then on the waiting list
/// (an application the member had is decided the same way). The link works once.
///
/// # Errors
/// `NotFound` for an unknown, expired or used link.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn accept_workshop_invitation(
    ctx: &Context,
    me: &CurrentMember,
    token: &str,
) -> AppResult<(WorkshopId, ApplicationStatus)> {
    let w = view_workshop_invitation(ctx, token).await?;
    let taken = ctx
        .store
        .accept_workshop_invitation(
            &hash_token(token),
            me.id,
            i64::from(w.fields.participant_capacity),
            ctx.now(),
        )
        .await?;
    tracing::info!(workshop.id = %taken.0, status = taken.1.code(), "workshop invitation used");
    Ok(taken)
}
