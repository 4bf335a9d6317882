//! Talent pathways: anyone nominates an emerging leader with evidence; network admins (for
//! the network) and stewards (for their node) see the pipeline — how many people stand at each
//! step, who moved this quarter — and record the steps people reach.

use praxis_domain::fields::parse_date;
use praxis_domain::ids::{MemberId, WorkshopId};
use praxis_domain::pathways::Step;
use praxis_domain::validation::FieldErrors;

use crate::policy::CurrentMember;
use crate::policy::pathways::oversee;
use crate::policy::workshops::managed_workshop;
use crate::quotas::{Sender, spend_mail};
use crate::{AppError, AppResult, Context};

pub use praxis_store::pathways::{Nomination, PipelineEntry};

/// The pipeline as an overseer sees it.
#[derive(Debug, Clone)]
pub struct PipelineView {
    /// How many people stand at each step.
    pub counts: Vec<(Step, usize)>,
    /// Who reached their step this quarter.
    pub moved: Vec<PipelineEntry>,
    /// Recent nominations.
    pub nominations: Vec<Nomination>,
}

/// The pipeline of the network or a node.
///
/// # Errors
/// As [`oversee`].
pub async fn pipeline(
    ctx: &Context,
    me: &CurrentMember,
    node: Option<&str>,
) -> AppResult<PipelineView> {
    let node = oversee(ctx, me, node).await?;
    let entries = ctx.store.pipeline(node).await?;
    let counts = Step::ALL
        .iter()
        .map(|s| (*s, entries.iter().filter(|e| e.step == *s).count()))
        .collect();
    let today = ctx.now().to_datetime().map(|d| d.date());
    let quarter_start = today
        .and_then(|d| {
            let month = (u8::from(d.month()) - 1) / 3 * 3 + 1;
            time::Date::from_calendar_date(d.year(), time::Month::try_from(month).ok()?, 1).ok()
        })
        .map(|d| d.to_string())
        .unwrap_or_default();
    let moved = entries
        .into_iter()
        .filter(|e| e.reached_on.as_str() >= quarter_start.as_str())
        .collect();
    Ok(PipelineView {
        counts,
        moved,
        nominations: ctx.store.list_nominations(node, 100).await?,
    })
}

fn member_id(input: &str) -> AppResult<MemberId> {
    input
        .trim()
        .parse()
        .map_err(|_| AppError::Invalid(FieldErrors::single("member", "error-unknown-member")))
}

fn step(input: &str) -> AppResult<Step> {
    Step::from_code(input.trim())
        .ok_or_else(|| AppError::Invalid(FieldErrors::single("step", "error-unknown-choice")))
}

/// Records that a member reached a step.
///
/// # Errors
/// As [`oversee`]; `Invalid` naming `member`, `step` or `reached_on`.
pub async fn record_step(
    ctx: &Context,
    me: &CurrentMember,
    node: Option<&str>,
    member: &str,
    step_code: &str,
    reached_on: &str,
) -> AppResult<bool> {
    let node = oversee(ctx, me, node).await?;
    let member = member_id(member)?;
    let step = step(step_code)?;
    let date = match parse_date(reached_on) {
        Ok(Some(d)) => d,
        _ => {
            return Err(AppError::Invalid(FieldErrors::single(
                "reached_on",
                "error-date",
            )));
        }
    };
    if ctx.store.profiles_by_ids(&[member]).await?.is_empty() {
        return Err(AppError::Invalid(FieldErrors::single(
            "member",
            "error-unknown-member",
        )));
    }
    if let Some(node) = node
        && !ctx.store.node_standing(node, member).await?.is_member()
    {
        return Err(AppError::Invalid(FieldErrors::single(
            "member",
            "error-not-node-member",
        )));
    }
    Ok(ctx
        .store
        .record_step(member, step, &date, me.id, ctx.now())
        .await?)
}

/// Nominates an emerging leader for a step, with evidence (any member).
///
/// # Errors
/// `Invalid` naming `member`, `step` or `evidence`.
pub async fn nominate(
    ctx: &Context,
    me: &CurrentMember,
    member: &str,
    step_code: &str,
    evidence: &str,
) -> AppResult<()> {
    let member = member_id(member)?;
    let step = step(step_code)?;
    let evidence = evidence.trim();
    if evidence.is_empty() {
        return Err(AppError::Invalid(FieldErrors::single(
            "evidence",
            "error-required",
        )));
    }
    if evidence.chars().count() > 2_000 {
        return Err(AppError::Invalid(FieldErrors::single(
            "evidence",
            "error-too-long",
        )));
    }
    if member == me.id {
        return Err(AppError::Invalid(FieldErrors::single(
            "member",
            "error-nominate-self",
        )));
    }
    if ctx.store.profiles_by_ids(&[member]).await?.is_empty() {
        return Err(AppError::Invalid(FieldErrors::single(
            "member",
            "error-unknown-member",
        )));
    }
    ctx.store
        .nominate(member, me.id, step, evidence, ctx.now())
        .await?;
    Ok(())
}

/// Invites a member on the pathway to the next step: to apply as a coach of a workshop the
/// overseer manages. The member gets a mail with the link.
///
/// # Errors
/// As [`oversee`]; `Invalid` naming `member` or `workshop`.
pub async fn invite_to_coach(
    ctx: &Context,
    me: &CurrentMember,
    node: Option<&str>,
    member: &str,
    workshop: &str,
) -> AppResult<()> {
    oversee(ctx, me, node).await?;
    let member = member_id(member)?;
    let unknown = || AppError::Invalid(FieldErrors::single("workshop", "error-unknown-choice"));
    let workshop: WorkshopId = workshop.trim().parse().map_err(|_| unknown())?;
    let w = match managed_workshop(ctx, me, workshop).await {
        Ok(w) => w,
        Err(AppError::NotFound | AppError::Forbidden) => return Err(unknown()),
        Err(e) => return Err(e),
    };
    let account = match ctx.store.get_account(member).await {
        Ok(a) => a,
        Err(praxis_store::StoreError::NotFound) => {
            return Err(AppError::Invalid(FieldErrors::single(
                "member",
                "error-unknown-member",
            )));
        }
        Err(e) => return Err(e.into()),
    };
    spend_mail(ctx, Sender::Member(me), 1).await?;
    let locale = account
        .ui_language
        .as_deref()
        .and_then(crate::i18n::Locale::from_code)
        .unwrap_or_default();
    let kind = crate::mail::MailKind::NextStepInvitation {
        workshop: w.fields.title.clone(),
        link: format!(
            "{}/workshops/{}/apply?role=coach",
            ctx.settings.base_url, w.id
        ),
    };
    crate::mail::queue(ctx, locale, &account.email, kind).await
}
