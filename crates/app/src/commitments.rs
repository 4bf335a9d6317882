//! Commitments between organizers: ask, then follow the answer through agreed, confirmed and
//! done (or flaked, or declined). Only the two people involved see a commitment. Each
//! organizer's follow-up list shows what comes due this week unconfirmed, and their kept rate.

use praxis_domain::commitments::{CommitmentFields, CommitmentStatus, RawCommitment};
use praxis_domain::ids::{CommitmentId, MemberId};
use praxis_domain::validation::FieldErrors;
use praxis_store::commitments::CommitmentLinks;
use tracing::instrument;

use crate::mail::MailKind;
use crate::organizing::crews::rate_of;
use crate::policy::CurrentMember;
use crate::policy::organizing::visible_campaign;
use crate::policy::seen::Seen;
use crate::quotas::{Sender, spend_mail};
use crate::{AppError, AppResult, Context};

pub use praxis_store::commitments::{CommitmentRecord, MadeAt, SessionChoice};

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
    /// Sessions they took part in, from a month ago to a month ahead: where a new
    /// commitment may have been made.
    pub sessions: Vec<SessionChoice>,
    /// Their one-on-ones of the last two months: id, whom, when.
    pub one_on_ones: Vec<(praxis_domain::ids::OneOnOneId, String, String)>,
    /// The people on their teams, to ask without looking up an address.
    pub teammates: Vec<(MemberId, String)>,
}

/// Where a commitment was made and what it serves, as typed (each optional; the session and
/// the one-on-one exclude each other).
#[derive(Debug, Clone, Default)]
pub struct RawLinks {
    /// A campaign the member may see.
    pub campaign: String,
    /// A session of a workshop the member takes part in.
    pub session: String,
    /// One of the member's own one-on-ones.
    pub one_on_one: String,
}

/// Sessions and one-on-ones offered as the place of a new commitment.
const CHOICES: u32 = 50;

/// Asks a member for a commitment.
///
/// # Errors
/// `Invalid` naming `asked_id` (unknown member), `what`, `due`, `campaign_id` (one the
/// member may not see), `session_id` (not a session of a workshop they take part in) or
/// `one_on_one_id` (not one of their own, or given together with a session).
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn ask(
    ctx: &Context,
    me: &CurrentMember,
    asked: &str,
    raw: RawCommitment,
    context: &str,
    links: &RawLinks,
) -> AppResult<CommitmentId> {
    let mut errors = FieldErrors::new();
    let campaign = match links.campaign.trim() {
        "" => None,
        c => match visible_campaign(ctx, me, c.parse().map_err(|_| AppError::NotFound)?).await {
            Ok((found, _)) => Some(found.id),
            Err(AppError::NotFound) => {
                errors.add("campaign_id", "error-unknown-choice");
                None
            }
            Err(e) => return Err(e),
        },
    };
    let session = match links.session.trim() {
        "" => None,
        raw => {
            let found = match raw.parse() {
                Ok(id) => ctx
                    .store
                    .member_sessions(me.id, "", "", Some(id), 1)
                    .await?
                    .pop(),
                Err(_) => None,
            };
            if found.is_none() {
                errors.add("session_id", "error-unknown-choice");
            }
            found.map(|s| s.id)
        }
    };
    let one_on_one = match links.one_on_one.trim() {
        "" => None,
        raw => {
            let found = match raw.parse() {
                Ok(id) => ctx
                    .store
                    .get_one_on_one(id)
                    .await?
                    .filter(|o| o.author_id == me.id),
                Err(_) => None,
            };
            if found.is_none() {
                errors.add("one_on_one_id", "error-unknown-choice");
            } else if !links.session.trim().is_empty() {
                errors.add("one_on_one_id", "error-commitment-one-place");
            }
            found.map(|o| o.id)
        }
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
    if asked != me.id {
        spend_mail(ctx, Sender::Member(me), 1).await?;
    }
    let id = CommitmentId::generate();
    ctx.store
        .create_commitment(
            id,
            me.id,
            asked,
            &fields,
            context.trim(),
            CommitmentLinks {
                campaign,
                session,
                one_on_one,
            },
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

/// Moves a commitment (either of the two people may); the asker is mailed a link when the
/// member asked agrees or declines.
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
        Ok(()) => {
            // The asker learns the answer (agreed or declined) when the member asked gives it.
            let answered = matches!(to, CommitmentStatus::Agreed | CommitmentStatus::Declined);
            if let Some((asker, _)) = c.asker.filter(|(a, _)| answered && *a != me.id) {
                let link = format!("{}/commitments", ctx.settings.base_url);
                crate::mail::queue_to_member(
                    ctx,
                    asker,
                    crate::mail::MailKind::CommitmentAnswered { link },
                )
                .await?;
            }
            Ok(())
        }
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
    let day = |days: i64| {
        today
            .and_then(|d| d.checked_add(time::Duration::days(days)))
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let (mut asked_by_me, asked_by_me_next) = page(ctx, me, true, by_after).await?;
    let (mut asked_of_me, asked_of_me_next) = page(ctx, me, false, of_after).await?;
    let mut follow_up = ctx.store.commitment_follow_ups(me.id, &week).await?;
    let counts = ctx.store.asked_status_counts(me.id).await?;
    let mut seen = Seen::default();
    for list in [&mut follow_up, &mut asked_by_me, &mut asked_of_me] {
        redact(&mut seen, ctx, me, list).await?;
    }
    Ok(CommitmentsView {
        follow_up,
        asked_by_me,
        asked_by_me_next,
        asked_of_me,
        asked_of_me_next,
        kept_rate: rate_of(&counts),
        sessions: ctx
            .store
            .member_sessions(me.id, &day(-31), &day(31), None, CHOICES)
            .await?,
        one_on_ones: ctx
            .store
            .recent_one_on_ones(me.id, &day(-62), CHOICES)
            .await?,
        teammates: ctx.store.teammates(me.id).await?,
    })
}

/// Blanks in each commitment what the member may not see: a campaign or a workshop hidden
/// from them (the link goes), and someone else's one-on-one (only that it was one stays).
pub(crate) async fn redact(
    seen: &mut Seen,
    ctx: &Context,
    me: &CurrentMember,
    list: &mut [CommitmentRecord],
) -> AppResult<()> {
    for c in list.iter_mut() {
        if let Some((id, _)) = c.campaign
            && !seen.sees_campaign(ctx, me, id).await?
        {
            c.campaign = None;
        }
        if let Some(MadeAt::Session { workshop_id, .. }) = c.made_at
            && !seen.sees_workshop(ctx, me, workshop_id).await?
        {
            c.made_at = None;
        }
        match &mut c.made_at {
            Some(MadeAt::OneOnOne {
                author_id,
                with_name,
                met_on,
                ..
            }) if *author_id != me.id => {
                with_name.clear();
                met_on.clear();
            }
            _ => {}
        }
    }
    Ok(())
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

/// Reminds each member of the commitments they agreed to that come due today or tomorrow, and
/// of the one-on-ones whose follow-up is due, once each (a mail with a link). Safe to run from
/// several processes at once. Returns how many reminders were queued.
///
/// # Errors
/// When the store fails.
pub async fn send_reminders(ctx: &Context) -> AppResult<usize> {
    let Some(today) = ctx.now().to_datetime().map(|d| d.date()) else {
        return Ok(0);
    };
    let tomorrow = today
        .checked_add(time::Duration::days(1))
        .unwrap_or(today)
        .to_string();
    let day = |d: time::Date| d.to_string();
    let week_ago = today.checked_sub(time::Duration::days(7)).unwrap_or(today);
    let mut sent = 0;
    // One-on-ones whose follow-up is due today (or was, within the week, before any reminder).
    loop {
        let claimed = ctx
            .store
            .claim_follow_up_reminders(&day(week_ago), &day(today), ctx.now(), 100)
            .await?;
        if claimed.is_empty() {
            break;
        }
        let link = format!("{}/one-on-ones", ctx.settings.base_url);
        sent += remind(ctx, claimed.iter().map(|(_, m)| *m), || {
            MailKind::FollowUpReminder { link: link.clone() }
        })
        .await?;
    }
    // Commitments agreed to that come due today or tomorrow.
    loop {
        let claimed = ctx
            .store
            .claim_commitment_reminders(&day(today), &tomorrow, ctx.now(), 100)
            .await?;
        if claimed.is_empty() {
            return Ok(sent);
        }
        let link = format!("{}/commitments", ctx.settings.base_url);
        sent += remind(ctx, claimed.iter().map(|(_, m)| *m), || {
            MailKind::CommitmentReminder { link: link.clone() }
        })
        .await?;
    }
}

/// Queues one reminder for each member; returns how many.
async fn remind(
    ctx: &Context,
    members: impl Iterator<Item = MemberId>,
    kind: impl Fn() -> MailKind,
) -> AppResult<usize> {
    let mut n = 0;
    for member in members {
        crate::mail::queue_to_member(ctx, member, kind()).await?;
        n += 1;
    }
    Ok(n)
}

/// Whether the member wants reminder mail (commitments coming due, one-on-one follow-ups).
///
/// # Errors
/// When the store fails.
pub async fn reminders_on(ctx: &Context, me: &CurrentMember) -> AppResult<bool> {
    Ok(ctx.store.reminders_on(me.id).await?)
}

/// Turns the member's reminder mail on or off.
///
/// # Errors
/// When the store fails.
pub async fn set_reminders(ctx: &Context, me: &CurrentMember, on: bool) -> AppResult<()> {
    Ok(ctx.store.set_reminders(me.id, on).await?)
}
