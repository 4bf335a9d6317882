//! Applying to workshops: trainers write the questions, members apply as participants or
//! coaches, trainers decide (in bulk), applicants are told by mail, and a seat that frees up
//! goes to the waiting list in order.

use std::collections::BTreeMap;

use praxis_domain::applications::{
    ApplicationStatus, Audience, Decision, Question, RawQuestion, check_answers,
};
use praxis_domain::ids::{ApplicationId, QuestionId, WorkshopId};
use praxis_domain::validation::FieldErrors;
use praxis_store::StoreError;
use praxis_store::applications::Recipient;
use praxis_store::outbox::OutboxMessage;
use tracing::instrument;

use crate::i18n::Locale;
use crate::mail::{MailKind, compose_to};
use crate::policy::CurrentMember;
use crate::policy::workshops::{managed_workshop, manages, visible_workshop};
use crate::workshops::WorkshopRecord;
use crate::{AppError, AppResult, Context};

pub use praxis_store::applications::{ApplicationRecord, QuestionRecord};

fn audience(code: &str) -> AppResult<Audience> {
    Audience::from_code(code.trim())
        .ok_or_else(|| AppError::Invalid(FieldErrors::single("role", "error-unknown-choice")))
}

/// The workshop's questions for participants or coaches (anyone who may see the workshop).
///
/// # Errors
/// `NotFound` when the viewer may not see the workshop; `Invalid` for an unknown role.
pub async fn questions(
    ctx: &Context,
    me: Option<&CurrentMember>,
    workshop: WorkshopId,
    role: &str,
) -> AppResult<(WorkshopRecord, Vec<QuestionRecord>)> {
    let w = visible_workshop(ctx, me, workshop).await?;
    let list = ctx.store.list_questions(w.id, audience(role)?).await?;
    Ok((w, list))
}

/// Adds a question.
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` naming fields.
pub async fn add_question(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    raw: RawQuestion,
) -> AppResult<QuestionRecord> {
    let w = managed_workshop(ctx, me, workshop).await?;
    let question = Question::parse(raw)?;
    let id = QuestionId::generate();
    ctx.store
        .add_question(w.id, id, &question, ctx.now())
        .await?;
    Ok(QuestionRecord { id, question })
}

/// Removes a question.
///
/// # Errors
/// `NotFound` or `Forbidden`.
pub async fn remove_question(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    question: QuestionId,
) -> AppResult<()> {
    let w = managed_workshop(ctx, me, workshop).await?;
    match ctx.store.remove_question(w.id, question).await {
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        other => Ok(other?),
    }
}

/// Applies to a workshop, answering its questions (fields `q-<question id>`).
///
/// # Errors
/// `NotFound` when the member may not see the workshop; `Invalid` naming `role` (applications
/// closed, already applied) or each wrong answer.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn apply(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    role: &str,
    answers: &BTreeMap<String, Vec<String>>,
) -> AppResult<ApplicationId> {
    let w = visible_workshop(ctx, Some(me), workshop).await?;
    let role = audience(role)?;
    let today = ctx
        .now()
        .to_datetime()
        .map(|d| d.date().to_string())
        .unwrap_or_default();
    let open = w
        .fields
        .applications_open
        .as_deref()
        .is_none_or(|o| o <= today.as_str());
    let not_closed = w
        .fields
        .applications_close
        .as_deref()
        .is_none_or(|c| c >= today.as_str());
    if !(open && not_closed) {
        return Err(AppError::Invalid(FieldErrors::single(
            "role",
            "error-applications-closed",
        )));
    }
    let questions: Vec<(QuestionId, Question)> = ctx
        .store
        .list_questions(w.id, role)
        .await?
        .into_iter()
        .map(|q| (q.id, q.question))
        .collect();
    let checked = check_answers(&questions, answers)?;
    let id = ApplicationId::generate();
    match ctx
        .store
        .submit_application(id, w.id, me.id, role, &checked, ctx.now())
        .await
    {
        Err(StoreError::Conflict(_)) => {
            return Err(AppError::Invalid(FieldErrors::single(
                "role",
                "error-already-applied",
            )));
        }
        other => other?,
    }
    tracing::info!(workshop.id = %w.id, application.id = %id, role = role.code(), "application submitted");
    Ok(id)
}

/// The member's own applications to a workshop.
///
/// # Errors
/// `NotFound` when they may not see the workshop.
pub async fn my_applications(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
) -> AppResult<Vec<ApplicationRecord>> {
    let w = visible_workshop(ctx, Some(me), workshop).await?;
    Ok(ctx.store.my_applications(w.id, me.id).await?)
}

/// Applications per page of the review list.
pub const REVIEW_PAGE: u32 = 100;

/// A page of the workshop's applications for its managing staff.
///
/// # Errors
/// `NotFound`, `Forbidden`, or `Invalid` for an unknown role or status.
pub async fn review(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    role: Option<&str>,
    status: Option<&str>,
    page: u32,
) -> AppResult<(WorkshopRecord, Vec<ApplicationRecord>)> {
    let w = managed_workshop(ctx, me, workshop).await?;
    let role = role.filter(|r| !r.is_empty()).map(audience).transpose()?;
    let status = match status.filter(|s| !s.is_empty()) {
        Some(s) => Some(ApplicationStatus::from_code(s).ok_or_else(|| {
            AppError::Invalid(FieldErrors::single("status", "error-unknown-choice"))
        })?),
        None => None,
    };
    let list = ctx
        .store
        .list_applications(
            w.id,
            role,
            status,
            page.saturating_sub(1).min(1000) * REVIEW_PAGE,
            REVIEW_PAGE,
        )
        .await?;
    Ok((w, list))
}

/// One application with its questions and answers, for its applicant or the managing staff.
///
/// # Errors
/// `NotFound` for anyone else.
pub async fn application(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    id: ApplicationId,
) -> AppResult<(ApplicationRecord, Vec<(Question, Option<String>)>)> {
    let w = visible_workshop(ctx, Some(me), workshop).await?;
    let (app, answers) = ctx
        .store
        .get_application(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if app.workshop_id != w.id {
        return Err(AppError::NotFound);
    }
    if app.member_id != me.id && !manages(ctx, me, &w).await? {
        return Err(AppError::NotFound);
    }
    let questions = ctx.store.list_questions(w.id, app.role).await?;
    let paired = questions
        .into_iter()
        .map(|q| {
            let answer = answers
                .iter()
                .find(|(id, _)| *id == q.id)
                .map(|(_, v)| v.clone());
            (q.question, answer)
        })
        .collect();
    Ok((app, paired))
}

fn decision_mail<'a>(
    ctx: &'a Context,
    w: &WorkshopRecord,
) -> impl Fn(&Recipient, ApplicationStatus) -> OutboxMessage + Sync + use<'a> {
    let link = format!("{}/workshops/{}", ctx.settings.base_url, w.id);
    let title = w.fields.title.clone();
    move |to: &Recipient, status: ApplicationStatus| {
        let locale = to
            .ui_language
            .as_deref()
            .and_then(Locale::from_code)
            .unwrap_or_default();
        let kind = MailKind::ApplicationDecided {
            workshop: title.clone(),
            status: status.code(),
            link: link.clone(),
        };
        compose_to(ctx, locale, &to.email, &kind)
    }
}

/// Decides several applications at once; the applicants are mailed, and seats freed by
/// declining accepted applicants go to the waiting list.
///
/// # Errors
/// `NotFound`, `Forbidden`; `Invalid` naming `decision` (unknown, or more acceptances than
/// seats) or `applications` (none, or one that cannot take this decision).
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn decide(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    ids: &[String],
    decision: &str,
) -> AppResult<usize> {
    let w = managed_workshop(ctx, me, workshop).await?;
    let decision = Decision::from_code(decision.trim()).ok_or_else(|| {
        AppError::Invalid(FieldErrors::single("decision", "error-unknown-choice"))
    })?;
    let ids: Vec<ApplicationId> = ids.iter().filter_map(|i| i.parse().ok()).collect();
    if ids.is_empty() {
        return Err(AppError::Invalid(FieldErrors::single(
            "applications",
            "error-none-chosen",
        )));
    }
    let (participants, coaches) = (
        i64::from(w.fields.participant_capacity),
        i64::from(w.fields.coach_capacity),
    );
    let seats = move |role: Audience| match role {
        Audience::Participant => participants,
        Audience::Coach => coaches,
    };
    let mail = decision_mail(ctx, &w);
    match ctx
        .store
        .decide_applications(w.id, &ids, decision, &seats, &mail, ctx.now())
        .await
    {
        Ok(changed) => {
            ctx.mail_queued.notify_one();
            Ok(changed.len())
        }
        Err(StoreError::Conflict(_)) => Err(AppError::Invalid(FieldErrors::single(
            "decision",
            "error-workshop-full",
        ))),
        Err(StoreError::NotFound) => Err(AppError::Invalid(FieldErrors::single(
            "applications",
            "error-cannot-decide",
        ))),
        Err(e) => Err(e.into()),
    }
}

/// Withdraws the member's own application.
///
/// # Errors
/// `NotFound` when they have no such application (or it is withdrawn already).
pub async fn withdraw(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    id: ApplicationId,
) -> AppResult<()> {
    let w = visible_workshop(ctx, Some(me), workshop).await?;
    let (participants, coaches) = (
        i64::from(w.fields.participant_capacity),
        i64::from(w.fields.coach_capacity),
    );
    let seats = move |role: Audience| match role {
        Audience::Participant => participants,
        Audience::Coach => coaches,
    };
    let mail = decision_mail(ctx, &w);
    match ctx
        .store
        .withdraw_application(w.id, id, me.id, &seats, &mail, ctx.now())
        .await
    {
        Err(StoreError::NotFound) => return Err(AppError::NotFound),
        other => other?,
    }
    ctx.mail_queued.notify_one();
    Ok(())
}
