//! One-on-one logs — private to their author unless shared with one of their teams — and
//! public narrative drafts: a story of self, us or now retold version after version, read
//! only by its author and the peers or coach they ask, who answer in threads on a telling.

use praxis_domain::ids::{CrewId, FeedbackId, MemberId, NarrativeId, OneOnOneId};
use praxis_domain::narratives::{
    Compared, OneOnOneFields, RawOneOnOne, RawTelling, StoryKind, Telling, compare, parse_feedback,
    parse_title,
};
use praxis_domain::validation::FieldErrors;
use tracing::instrument;

use crate::policy::CurrentMember;
use crate::policy::narratives::{
    own_narrative, own_one_on_one, readable_narrative, readable_one_on_one,
};
use crate::quotas::{Sender, spend_mail};
use crate::{AppError, AppResult, Context};

pub use praxis_store::narratives::{
    FeedbackRecord, NarrativeRecord, OneOnOneRecord, VersionRecord,
};

/// One-on-ones per page.
pub const ONE_ON_ONES_PER_PAGE: u32 = 30;

/// A member's one-on-ones.
#[derive(Debug, Clone)]
pub struct OneOnOnesView {
    /// Follow-ups due within a week (or overdue), of their own.
    pub follow_up: Vec<OneOnOneRecord>,
    /// Their own and those their teams shared, newest first.
    pub all: Vec<OneOnOneRecord>,
    /// Their teams, to share with.
    pub teams: Vec<(CrewId, String)>,
    /// The cursor of the next page.
    pub next: Option<String>,
}

async fn my_team(ctx: &Context, me: &CurrentMember, crew: &str) -> AppResult<Option<CrewId>> {
    match crew.trim() {
        "" => Ok(None),
        c => {
            let id: Option<CrewId> = c.parse().ok();
            match id {
                Some(id) if ctx.store.is_crew_member(id, me.id).await? => Ok(Some(id)),
                _ => Err(AppError::Invalid(FieldErrors::single(
                    "team",
                    "error-unknown-choice",
                ))),
            }
        }
    }
}

/// Logs a one-on-one, kept to its author or shared with one of their teams.
///
/// # Errors
/// `Invalid` naming fields (`team` for a team they are not on).
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn log_one_on_one(
    ctx: &Context,
    me: &CurrentMember,
    raw: RawOneOnOne,
    team: &str,
) -> AppResult<OneOnOneId> {
    let mut errors = FieldErrors::new();
    let crew = match my_team(ctx, me, team).await {
        Ok(c) => c,
        Err(AppError::Invalid(e)) => {
            for err in e.iter() {
                errors.add(err.field().to_owned(), err.key());
            }
            None
        }
        Err(e) => return Err(e),
    };
    let fields = match OneOnOneFields::parse(raw) {
        Ok(f) => Some(f),
        Err(e) => {
            for err in e.iter() {
                errors.add(err.field().to_owned(), err.key());
            }
            None
        }
    };
    let Some(fields) = fields.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let id = OneOnOneId::generate();
    ctx.store
        .create_one_on_one(id, me.id, &fields, crew, ctx.now())
        .await?;
    Ok(id)
}

/// A member's one-on-ones a page at a time (after `cursor`, the last of the previous page),
/// with their follow-ups due within a week.
///
/// # Errors
/// When the store fails.
pub async fn one_on_ones(
    ctx: &Context,
    me: &CurrentMember,
    cursor: Option<&str>,
) -> AppResult<OneOnOnesView> {
    let before = match cursor.and_then(|c| c.parse::<OneOnOneId>().ok()) {
        Some(id) => ctx
            .store
            .get_one_on_one(id)
            .await?
            .map(|o| (o.fields.met_on, o.id)),
        None => None,
    };
    let mut all = ctx
        .store
        .readable_one_on_ones(me.id, before, ONE_ON_ONES_PER_PAGE + 1)
        .await?;
    let next = if all.len() > ONE_ON_ONES_PER_PAGE as usize {
        all.truncate(ONE_ON_ONES_PER_PAGE as usize);
        all.last().map(|o| o.id.to_string())
    } else {
        None
    };
    let week = ctx
        .now()
        .to_datetime()
        .and_then(|d| d.date().checked_add(time::Duration::days(7)))
        .map(|d| d.to_string())
        .unwrap_or_default();
    let follow_up = ctx.store.due_follow_ups(me.id, &week).await?;
    let mut teams = Vec::new();
    for crew in ctx.store.member_crews(me.id).await? {
        if let Some(c) = ctx.store.get_crew(crew).await? {
            teams.push((c.id, c.fields.name));
        }
    }
    Ok(OneOnOnesView {
        follow_up,
        all,
        teams,
        next,
    })
}

/// One one-on-one, for its author or a member of the team it is shared with.
///
/// # Errors
/// `NotFound` for anyone else.
pub async fn one_on_one(
    ctx: &Context,
    me: &CurrentMember,
    id: OneOnOneId,
) -> AppResult<OneOnOneRecord> {
    readable_one_on_one(ctx, me, id).await
}

/// Shares a one-on-one with one of the author's teams, or keeps it private again (empty).
///
/// # Errors
/// `NotFound` for anyone but its author; `Invalid` naming `team`.
pub async fn share_one_on_one(
    ctx: &Context,
    me: &CurrentMember,
    id: OneOnOneId,
    team: &str,
) -> AppResult<()> {
    let o = own_one_on_one(ctx, me, id).await?;
    let crew = my_team(ctx, me, team).await?;
    ctx.store.share_one_on_one(o.id, crew, ctx.now()).await?;
    Ok(())
}

/// Deletes a one-on-one for good (its author only).
///
/// # Errors
/// `NotFound` for anyone else.
pub async fn delete_one_on_one(ctx: &Context, me: &CurrentMember, id: OneOnOneId) -> AppResult<()> {
    let o = own_one_on_one(ctx, me, id).await?;
    ctx.store.delete_one_on_one(o.id).await?;
    Ok(())
}

/// A narrative with its tellings, reviewers and feedback.
#[derive(Debug, Clone)]
pub struct NarrativeView {
    /// The narrative.
    pub narrative: NarrativeRecord,
    /// Every telling, oldest first.
    pub versions: Vec<VersionRecord>,
    /// Who was asked for feedback.
    pub reviewers: Vec<(MemberId, String)>,
    /// The feedback, oldest first.
    pub feedback: Vec<FeedbackRecord>,
    /// The viewer tells it.
    pub is_author: bool,
}

impl NarrativeView {
    /// A telling by number.
    pub fn version(&self, n: u32) -> Option<&VersionRecord> {
        self.versions.iter().find(|v| v.version == n)
    }

    /// Two tellings side by side (`None` when either is missing).
    pub fn compare(&self, before: u32, after: u32) -> Option<Vec<Compared>> {
        Some(compare(
            &self.version(before)?.telling,
            &self.version(after)?.telling,
        ))
    }
}

/// Starts a story with its first telling.
///
/// # Errors
/// `Invalid` naming `kind`, `title` and the telling's parts.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn start_narrative(
    ctx: &Context,
    me: &CurrentMember,
    kind: &str,
    title: &str,
    raw: RawTelling,
) -> AppResult<NarrativeId> {
    let mut errors = FieldErrors::new();
    let kind = StoryKind::from_code(kind.trim());
    if kind.is_none() {
        errors.add("kind", "error-unknown-choice");
    }
    let title = errors.check("title", parse_title(title));
    let telling = match Telling::parse(raw) {
        Ok(t) => Some(t),
        Err(e) => {
            for err in e.iter() {
                errors.add(err.field().to_owned(), err.key());
            }
            None
        }
    };
    match (kind, title, telling) {
        (Some(kind), Some(title), Some(telling)) if errors.is_empty() => {
            let id = NarrativeId::generate();
            ctx.store
                .create_narrative(id, me.id, kind, &title, &telling, ctx.now())
                .await?;
            Ok(id)
        }
        _ => Err(AppError::Invalid(errors)),
    }
}

/// Stories per page.
pub const NARRATIVES_PER_PAGE: u32 = 30;

/// The viewer's stories and those they were asked to review, newest first, a page at a time
/// after `cursor` (the last of the previous page); the cursor of the next page.
///
/// # Errors
/// When the store fails.
pub async fn narratives(
    ctx: &Context,
    me: &CurrentMember,
    cursor: Option<&str>,
) -> AppResult<(Vec<NarrativeRecord>, Option<String>)> {
    let before = match cursor.and_then(|c| c.parse::<NarrativeId>().ok()) {
        Some(id) => ctx
            .store
            .get_narrative(id)
            .await?
            .map(|n| (n.created_at, n.id)),
        None => None,
    };
    let mut list = ctx
        .store
        .member_narratives(me.id, before, NARRATIVES_PER_PAGE + 1)
        .await?;
    let next = if list.len() > NARRATIVES_PER_PAGE as usize {
        list.truncate(NARRATIVES_PER_PAGE as usize);
        list.last().map(|n| n.id.to_string())
    } else {
        None
    };
    Ok((list, next))
}

/// A story, for its author and the reviewers they asked.
///
/// # Errors
/// `NotFound` for anyone else.
pub async fn narrative(
    ctx: &Context,
    me: &CurrentMember,
    id: NarrativeId,
) -> AppResult<NarrativeView> {
    let (narrative, reviewers, is_author) = readable_narrative(ctx, me, id).await?;
    Ok(NarrativeView {
        versions: ctx.store.narrative_versions(id).await?,
        feedback: ctx.store.narrative_feedback(id).await?,
        narrative,
        reviewers,
        is_author,
    })
}

/// Deletes a story with every telling and all feedback, for good (its author).
///
/// # Errors
/// `NotFound` for anyone but reviewers, `Forbidden` for reviewers.
pub async fn delete_narrative(ctx: &Context, me: &CurrentMember, id: NarrativeId) -> AppResult<()> {
    let (n, _) = own_narrative(ctx, me, id).await?;
    ctx.store.delete_narrative(n.id).await?;
    Ok(())
}

/// Tells the story again: a new version (its author).
///
/// # Errors
/// `NotFound` for anyone but reviewers, `Forbidden` for reviewers, `Invalid` naming parts.
pub async fn retell(
    ctx: &Context,
    me: &CurrentMember,
    id: NarrativeId,
    raw: RawTelling,
) -> AppResult<u32> {
    let (n, _) = own_narrative(ctx, me, id).await?;
    let telling = Telling::parse(raw)?;
    Ok(ctx.store.add_version(n.id, &telling, ctx.now()).await?)
}

/// Asks a member (a peer or their coach) for feedback (its author).
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` naming `member`.
pub async fn ask_reviewer(
    ctx: &Context,
    me: &CurrentMember,
    id: NarrativeId,
    member: &str,
) -> AppResult<()> {
    let (n, reviewers) = own_narrative(ctx, me, id).await?;
    let member: Option<MemberId> = member
        .trim()
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .and_then(|m| m.parse().ok());
    let known = match member {
        Some(m) if m != me.id => !ctx.store.profiles_by_ids(&[m]).await?.is_empty(),
        _ => false,
    };
    match member {
        Some(m) if known => {
            let already = reviewers.iter().any(|(r, _)| *r == m);
            if !already {
                spend_mail(ctx, Sender::Member(me), 1).await?;
            }
            ctx.store.add_reviewer(n.id, m).await?;
            if !already {
                let link = format!("{}/narratives/{}", ctx.settings.base_url, n.id);
                crate::mail::queue_to_member(ctx, m, crate::mail::MailKind::FeedbackAsked { link })
                    .await?;
            }
            Ok(())
        }
        _ => Err(AppError::Invalid(FieldErrors::single(
            "member",
            "error-unknown-member",
        ))),
    }
}

/// Gives feedback on a telling, or answers a piece of feedback (author and reviewers).
///
/// # Errors
/// `NotFound`; `Invalid` naming `version`, `parent` or `body`.
pub async fn give_feedback(
    ctx: &Context,
    me: &CurrentMember,
    id: NarrativeId,
    version: &str,
    parent: &str,
    body: &str,
) -> AppResult<()> {
    let v = narrative(ctx, me, id).await?;
    let mut errors = FieldErrors::new();
    let version = version
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| v.version(*n).is_some());
    if version.is_none() {
        errors.add("version", "error-unknown-choice");
    }
    let parent = match parent.trim() {
        "" => None,
        p => {
            let found = p.parse::<FeedbackId>().ok().filter(|p| {
                v.feedback
                    .iter()
                    .any(|f| f.id == *p && Some(f.version) == version)
            });
            if found.is_none() {
                errors.add("parent", "error-unknown-choice");
            }
            found
        }
    };
    let body = errors.check("body", parse_feedback(body));
    match (version, body) {
        (Some(version), Some(body)) if errors.is_empty() => {
            ctx.store
                .add_feedback(v.narrative.id, version, parent, me.id, &body, ctx.now())
                .await?;
            Ok(())
        }
        _ => Err(AppError::Invalid(errors)),
    }
}
