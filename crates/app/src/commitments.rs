//! Commitments between organizers: ask, then follow the answer through agreed, confirmed and
//! done (or flaked, or declined). Only the two people involved see a commitment. Each
//! organizer's follow-up list shows what comes due this week unconfirmed, and their kept rate.

use praxis_domain::commitments::{CommitmentFields, CommitmentStatus, RawCommitment, kept_rate};
use praxis_domain::ids::{CommitmentId, MemberId};
use praxis_domain::validation::FieldErrors;
use tracing::instrument;

pub use praxis_store::commitments::CommitmentRecord;

use crate::accounts::CurrentMember;
use crate::{AppError, AppResult, Context};

/// A member's commitments as they follow them up.
#[derive(Debug, Clone)]
pub struct CommitmentsView {
    /// Due within a week (or overdue) and not confirmed, done or closed.
    pub follow_up: Vec<CommitmentRecord>,
    /// Everything they asked for.
    pub asked_by_me: Vec<CommitmentRecord>,
    /// Everything asked of them.
    pub asked_of_me: Vec<CommitmentRecord>,
    /// Done ÷ (done + flaked) of what they asked for, in percent.
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

/// The member's commitments and follow-up list.
///
/// # Errors
/// When the store fails.
pub async fn view(ctx: &Context, me: &CurrentMember) -> AppResult<CommitmentsView> {
    let all = ctx.store.member_commitments(me.id, 2_000).await?;
    let today = ctx.now().to_datetime().map(|d| d.date());
    let week = today
        .and_then(|d| d.checked_add(time::Duration::days(7)))
        .map(|d| d.to_string())
        .unwrap_or_default();
    let (asked_by_me, asked_of_me): (Vec<_>, Vec<_>) = all
        .into_iter()
        .partition(|c| c.asker.as_ref().is_some_and(|(a, _)| *a == me.id));
    let follow_up = asked_by_me
        .iter()
        .filter(|c| {
            matches!(c.status, CommitmentStatus::Asked | CommitmentStatus::Agreed)
                && c.fields.due.as_str() <= week.as_str()
        })
        .cloned()
        .collect();
    let kept_rate = kept_rate(&asked_by_me.iter().map(|c| c.status).collect::<Vec<_>>());
    Ok(CommitmentsView {
        follow_up,
        asked_by_me,
        asked_of_me,
        kept_rate,
    })
}
