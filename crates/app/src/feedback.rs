//! Plus/delta after each session and the pre- and post-workshop self-assessment, from
//! accepted participants; trainers see them aggregated (never who wrote which plus/delta).

use std::collections::BTreeMap;

use praxis_domain::ids::{SessionId, WorkshopId};
use praxis_domain::members::profile::Practice;
use praxis_domain::validation::FieldErrors;

use crate::policy::CurrentMember;
use crate::policy::workshops::{managed_workshop, participant_workshop};
use crate::workshops::WorkshopRecord;
use crate::{AppError, AppResult, Context};

pub use praxis_store::feedback::FeedbackEntry;

async fn session_of(ctx: &Context, w: &WorkshopRecord, id: SessionId) -> AppResult<SessionId> {
    if ctx
        .store
        .list_workshop_sessions(w.id)
        .await?
        .iter()
        .any(|s| s.id == id)
    {
        Ok(id)
    } else {
        Err(AppError::NotFound)
    }
}

/// Saves the participant's plus/delta for a session.
///
/// # Errors
/// `NotFound`; `Forbidden` for anyone but an accepted participant; `Invalid` naming `rating`,
/// `plus` or `delta`.
pub async fn give_feedback(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    session: SessionId,
    rating: &str,
    plus: &str,
    delta: &str,
) -> AppResult<()> {
    let w = participant_workshop(ctx, me, workshop).await?;
    let session = session_of(ctx, &w, session).await?;
    let mut errors = FieldErrors::new();
    let rating = match rating.trim().parse::<i64>() {
        Ok(r) if (1..=5).contains(&r) => r,
        _ => {
            errors.add("rating", "error-scale");
            0
        }
    };
    for (field, text) in [("plus", plus), ("delta", delta)] {
        if text.chars().count() > 2_000 {
            errors.add(field, "error-too-long");
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let entry = FeedbackEntry {
        rating,
        plus: plus.trim().to_owned(),
        delta: delta.trim().to_owned(),
    };
    Ok(ctx
        .store
        .save_feedback(session, me.id, &entry, ctx.now())
        .await?)
}

/// A session's plus/delta for the managing staff: counts per rating (1–5) and the texts.
///
/// # Errors
/// `NotFound`, `Forbidden`.
pub async fn session_summary(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    session: SessionId,
) -> AppResult<([usize; 5], Vec<FeedbackEntry>)> {
    let w = managed_workshop(ctx, me, workshop).await?;
    let session = session_of(ctx, &w, session).await?;
    let entries = ctx.store.session_feedback(session).await?;
    let mut counts = [0usize; 5];
    for e in &entries {
        if let Some(slot) = usize::try_from(e.rating - 1)
            .ok()
            .and_then(|i| counts.get_mut(i))
        {
            *slot += 1;
        }
    }
    Ok((counts, entries))
}

/// Saves the participant's self-assessment for `pre` or `post`: a rating per practice of the
/// workshop (fields `practice-<code>`).
///
/// # Errors
/// `NotFound`, `Forbidden`; `Invalid` naming `phase` or each practice.
pub async fn answer_survey(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    phase: &str,
    answers: &BTreeMap<String, String>,
) -> AppResult<()> {
    let w = participant_workshop(ctx, me, workshop).await?;
    if !matches!(phase, "pre" | "post") {
        return Err(AppError::NotFound);
    }
    let mut errors = FieldErrors::new();
    let mut ratings = Vec::new();
    for practice in survey_practices(&w) {
        let field = format!("practice-{}", practice.code());
        match answers.get(&field).map(|v| v.trim().parse::<i64>()) {
            Some(Ok(r)) if (1..=5).contains(&r) => ratings.push((practice, r)),
            _ => errors.add(field, "error-scale"),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    Ok(ctx
        .store
        .save_survey(w.id, me.id, phase, &ratings, ctx.now())
        .await?)
}

/// The practices a workshop's survey asks about: its modules, or every practice.
pub fn survey_practices(w: &WorkshopRecord) -> Vec<Practice> {
    if w.fields.modules.is_empty() {
        Practice::ALL.to_vec()
    } else {
        w.fields.modules.clone()
    }
}

/// Per practice: the average confidence before and after (tenths: 35 = 3.5) and how many
/// answered each, for the managing staff.
///
/// # Errors
/// `NotFound`, `Forbidden`.
pub async fn survey_results(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
) -> AppResult<(
    WorkshopRecord,
    Vec<(Practice, Option<i64>, Option<i64>, i64, i64)>,
)> {
    let w = managed_workshop(ctx, me, workshop).await?;
    let totals = ctx.store.survey_totals(w.id).await?;
    let average = |phase: &str, practice: Practice| -> (Option<i64>, i64) {
        totals
            .iter()
            .find(|(ph, p, _, _)| ph == phase && *p == practice)
            .map_or((None, 0), |(_, _, sum, n)| {
                (Some(sum * 10 / (*n).max(1)), *n)
            })
    };
    let rows = survey_practices(&w)
        .into_iter()
        .map(|p| {
            let (pre, pre_n) = average("pre", p);
            let (post, post_n) = average("post", p);
            (p, pre, post, pre_n, post_n)
        })
        .collect();
    Ok((w, rows))
}

/// Whether the participant answered a phase already.
///
/// # Errors
/// `NotFound`, `Forbidden`.
pub async fn answered(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    phase: &str,
) -> AppResult<(WorkshopRecord, bool)> {
    let w = participant_workshop(ctx, me, workshop).await?;
    let done = ctx.store.answered_survey(w.id, me.id, phase).await?;
    Ok((w, done))
}
