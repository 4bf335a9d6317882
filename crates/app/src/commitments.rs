//! Commitments between organizers: ask, then follow the answer through agreed, confirmed and
//! done (or flaked, or declined). Only the two people involved see a commitment. Each
//! organizer's follow-up list shows what comes due this week unconfirmed, and their kept rate.

use praxis_domain::commitments::{CommitmentFields, CommitmentStatus, RawCommitment};
use praxis_domain::ids::{CommitmentId, MemberId};
use praxis_domain::validation::FieldErrors;
use tracing::instrument;

pub use praxis_store::commitments::CommitmentRecord;

use crate::accounts::CurrentMember;
use crate::{AppError, AppResult, Context};

/// Commitments per page of each list.
pub const COMMITMENTS_PER_PAGE: u32 = 50;

/// A member's commitments as they follow them up.
#[derive(Debug, Clone)]
pub struct CommitmentsView {
    /// Due within a week (or overdue) and not yet confirmed, done or closed.
    pub follow_up: Vec<CommitmentRecord>,
    /// A page of what they asked for, by due date.
    pub asked_by_me: Vec<CommitmentRecord>,
    /// The cursor of the next page of it.
    pub asked_by_me_next: Option<String>,
    /// A page of what was asked of them, by due date.
    pub asked_of_me: Vec<CommitmentRecord>,
    /// The cursor of the next page of it.
    pub asked_of_me_next: Option<String>,
    /// Done ÷ (done + flaked) of everything they asked for, in percent.
    pub kept_rate: Option<u32>,
}

/// Asks a member for a commitment.
///
/// # Errors
/// `Invalid` naming `asked_id` (unknown member), `what`, `due` or `campaign_id` (one the
/// member may not see).
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn ask(
    ctx: &Context,
    me: &CurrentMember,
    asked: &str,
    raw: RawCommitment,
    context: &str,
    campaign: &str,
) -> AppResult<CommitmentId> {
    let mut errors = FieldErrors::new();
    let campaign = match campaign.trim() {
        "" => None,
        c => match crate::organizing::visible_campaign(ctx, me, c).await {
            Ok((found, _)) => Some(found.id),
            Err(AppError::NotFound) => {
                errors.add("campaign_id", "error-unknown-choice");
                None
            }
            Err(e) => return Err(e),
        },
    };
    let asked: Option<MemberId> = asked
        .trim()
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok());
    let known = match asked {
        Some(a) => !ctx.store.profiles_by_ids(&[a]).await?.is_empty(),
        None => false,
    };
    if !known {
        errors.add("asked_id", "error-unknown-member");
    }
    let fields = match CommitmentFields::parse(raw) {
        Ok(f) => Some(f),
        Err(e) => {
            for err in e.iter() {
                errors.add(err.field().to_owned(), err.key());
            }
            None
        }
    };
    if context.chars().count() > 200 {
        errors.add("context", "error-too-long");
    }
    let (Some(asked), Some(fields)) = (asked, fields) else {
        return Err(AppError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let id = CommitmentId::generate();
    ctx.store
        .create_commitment(
            id,
            me.id,
            asked,
            &fields,
            context.trim(),
            campaign,
            ctx.now(),
        )
        .await?;
    if asked != me.id {
        let link = format!("{}/commitments", ctx.settings.base_url);
        crate::mail::queue_to_member(ctx, asked, crate::mail::MailKind::CommitmentAsked { link })
            .await?;
    }
    Ok(id)
}

/// Moves a commitment (either of the two people may).
///
/// # Errors
/// `NotFound` for anyone else; `Invalid` naming `status` for a move not allowed from where it
/// stands.
pub async fn move_to(ctx: &Context, me: &CurrentMember, id: &str, status: &str) -> AppResult<()> {
    let id: CommitmentId = id.parse().map_err(|_| AppError::NotFound)?;
    let c = ctx
        .store
        .get_commitment(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if c.asked.0 != me.id && c.asker.as_ref().is_none_or(|(a, _)| *a != me.id) {
        return Err(AppError::NotFound);
    }
    let to = CommitmentStatus::from_code(status.trim())
        .ok_or_else(|| AppError::Invalid(FieldErrors::single("status", "error-unknown-choice")))?;
    match ctx.store.move_commitment(id, to, me.id, ctx.now()).await? {
        Ok(()) => Ok(()),
        Err(e) => Err(AppError::Invalid(FieldErrors::single("status", e.key()))),
    }
}

/// The member's commitments — a page of each side after its cursor — and follow-up list.
///
/// # Errors
/// When the store fails.
pub async fn view(
    ctx: &Context,
    me: &CurrentMember,
    by_after: Option<&str>,
    of_after: Option<&str>,
) -> AppResult<CommitmentsView> {
    let today = ctx.now().to_datetime().map(|d| d.date());
    let week = today
        .and_then(|d| d.checked_add(time::Duration::days(7)))
        .map(|d| d.to_string())
        .unwrap_or_default();
    let (asked_by_me, asked_by_me_next) = page(ctx, me, true, by_after).await?;
    let (asked_of_me, asked_of_me_next) = page(ctx, me, false, of_after).await?;
    let counts = ctx.store.asked_status_counts(me.id).await?;
    Ok(CommitmentsView {
        follow_up: ctx.store.commitment_follow_ups(me.id, &week).await?,
        asked_by_me,
        asked_by_me_next,
        asked_of_me,
        asked_of_me_next,
        kept_rate: crate::organizing::rate_of(&counts),
    })
}

async fn page(
    ctx: &Context,
    me: &CurrentMember,
    asker: bool,
    after: Option<&str>,
) -> AppResult<(Vec<CommitmentRecord>, Option<String>)> {
    let after = match after.and_then(|a| a.parse::<CommitmentId>().ok()) {
        Some(id) => ctx
            .store
            .get_commitment(id)
            .await?
            .map(|c| (c.fields.due, c.id)),
        None => None,
    };
    let mut list = ctx
        .store
        .commitments_page(me.id, asker, after, COMMITMENTS_PER_PAGE + 1)
        .await?;
    let next = if list.len() > COMMITMENTS_PER_PAGE as usize {
        list.truncate(COMMITMENTS_PER_PAGE as usize);
        list.last().map(|c| c.id.to_string())
    } else {
        None
    };
    Ok((list, next))
}
