//! One-on-ones and public narratives: a one-on-one is its author's, and its team's while it is
//! shared with one (members of the team now); a narrative is its author's and the reviewers'
//! they asked.

use praxis_domain::ids::{MemberId, NarrativeId, OneOnOneId};
use praxis_store::narratives::{NarrativeRecord, OneOnOneRecord};

use crate::policy::CurrentMember;
use crate::{AppError, AppResult, Context};

/// A one-on-one, for its author or a member of the team it is shared with.
///
/// # Errors
/// `NotFound` for anyone else.
pub async fn readable_one_on_one(
    ctx: &Context,
    me: &CurrentMember,
    id: OneOnOneId,
) -> AppResult<OneOnOneRecord> {
    let o = ctx
        .store
        .get_one_on_one(id)
        .await?
        .ok_or(AppError::NotFound)?;
    let shared = match o.crew_id {
        Some(c) => ctx.store.is_crew_member(c, me.id).await?,
        None => false,
    };
    if o.author_id != me.id && !shared {
        return Err(AppError::NotFound);
    }
    Ok(o)
}

/// A one-on-one its author may change (share, delete).
///
/// # Errors
/// `NotFound` for anyone but its author — a teammate who reads it learns no more.
pub async fn own_one_on_one(
    ctx: &Context,
    me: &CurrentMember,
    id: OneOnOneId,
) -> AppResult<OneOnOneRecord> {
    let o = readable_one_on_one(ctx, me, id).await?;
    if o.author_id != me.id {
        return Err(AppError::NotFound);
    }
    Ok(o)
}

/// A narrative with its reviewers, for its author and those reviewers; `true` for its author.
///
/// # Errors
/// `NotFound` for anyone else.
pub async fn readable_narrative(
    ctx: &Context,
    me: &CurrentMember,
    id: NarrativeId,
) -> AppResult<(NarrativeRecord, Vec<(MemberId, String)>, bool)> {
    let narrative = ctx
        .store
        .get_narrative(id)
        .await?
        .ok_or(AppError::NotFound)?;
    let reviewers = ctx.store.narrative_reviewers(id).await?;
    let is_author = narrative.author_id == me.id;
    if !is_author && !reviewers.iter().any(|(r, _)| *r == me.id) {
        return Err(AppError::NotFound);
    }
    Ok((narrative, reviewers, is_author))
}

/// A narrative its author may change (retell, ask reviewers, delete).
///
/// # Errors
/// `NotFound` for anyone but its reviewers, `Forbidden` for reviewers.
pub async fn own_narrative(
    ctx: &Context,
    me: &CurrentMember,
    id: NarrativeId,
) -> AppResult<(NarrativeRecord, Vec<(MemberId, String)>)> {
    let (narrative, reviewers, is_author) = readable_narrative(ctx, me, id).await?;
    if !is_author {
        return Err(AppError::Forbidden);
    }
    Ok((narrative, reviewers))
}
