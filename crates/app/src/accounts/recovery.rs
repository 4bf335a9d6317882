//! Forgotten passwords, password changes and email changes.

use praxis_domain::members::credentials::{Email, NewPassword};
use praxis_domain::validation::FieldErrors;
use praxis_store::account_requests::AccountRequestKind;
use praxis_store::hash_token;
use praxis_store::tokens::EmailTokenPurpose;
use tracing::instrument;

use crate::i18n::Locale;
use crate::mail::{self, MailKind};
use crate::policy::CurrentMember;
use crate::quotas::{Sender, spend_mail};
use crate::secrets::{hash_password, new_secret, verify_password};
use crate::{AppError, AppResult, Context};

const RESET_LINK_HOURS: i64 = 2;
const EMAIL_CHANGE_LINK_HOURS: i64 = 24;
/// Days the old address may undo an email change.
const UNDO_EMAIL_CHANGE_DAYS: i64 = 7;

/// Mails a reset link if the address has an account; answers the same either way.
///
/// # Errors
/// `Invalid` naming `email` only when it is not an address at all.
#[instrument(skip_all)]
pub async fn request_password_reset(
    ctx: &Context,
    email: &str,
    locale: Locale,
    client: Option<&str>,
) -> AppResult<()> {
    let email = Email::parse(email)
        .map_err(|e| AppError::Invalid(FieldErrors::single("email", e.into())))?;
    // Spent whether or not the address is registered: the answer must not tell.
    spend_mail(
        ctx,
        Sender::Visitor {
            client,
            recipient: email.as_str(),
        },
        1,
    )
    .await?;
    // One insert whether or not the address is registered; the worker does the rest.
    ctx.store
        .queue_account_request(
            &AccountRequestKind::ResetPassword,
            &email,
            locale.code(),
            ctx.now(),
        )
        .await?;
    ctx.work_queued.notify_one();
    Ok(())
}

/// Mails a reset link to an address, if it has an account (the worker's part of a request).
///
/// # Errors
/// When the store fails.
pub(crate) async fn send_reset_link(ctx: &Context, email: &Email, locale: Locale) -> AppResult<()> {
    let Some(account) = ctx.store.find_account_by_email(email).await? else {
        return Ok(());
    };
    let token = new_secret("pxl_")?;
    let now = ctx.now();
    ctx.store
        .create_email_token(
            &hash_token(&token),
            account.id,
            EmailTokenPurpose::ResetPassword,
            None,
            now,
            now.plus_seconds(RESET_LINK_HOURS * 3600),
        )
        .await?;
    let link = format!("{}/reset-password/{token}", ctx.settings.base_url);
    let locale = account
        .ui_language
        .as_deref()
        .and_then(Locale::from_code)
        .unwrap_or(locale);
    mail::queue(
        ctx,
        locale,
        &account.email,
        MailKind::ResetPassword { link },
    )
    .await
}

/// Whether a reset link can still be used (for showing its form).
pub async fn check_reset_link(ctx: &Context, token: &str) -> AppResult<()> {
    let valid = ctx
        .store
        .email_token_is_valid(
            &hash_token(token),
            EmailTokenPurpose::ResetPassword,
            ctx.now(),
        )
        .await?;
    if valid {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Sets a new password through a reset link, ends every session of the member, and marks
/// the address verified (following the link proved it).
///
/// # Errors
/// `Invalid` naming `password` (the link stays usable), `NotFound` for a bad link.
#[instrument(skip_all)]
pub async fn reset_password(ctx: &Context, token: &str, password: &str) -> AppResult<()> {
    let password = NewPassword::parse(password)
        .map_err(|e| AppError::Invalid(FieldErrors::single("password", e.into())))?;
    check_reset_link(ctx, token).await?;
    let hash = hash_password(password.expose().to_owned()).await?;
    let used = ctx
        .store
        .consume_email_token(
            &hash_token(token),
            EmailTokenPurpose::ResetPassword,
            ctx.now(),
        )
        .await?
        .ok_or(AppError::NotFound)?;
    ctx.store
        .set_password(used.member_id, &hash, None, ctx.now())
        .await?;
    ctx.store
        .mark_email_verified(used.member_id, ctx.now())
        .await?;
    tracing::info!(member.id = %used.member_id, "password reset");
    Ok(())
}

/// Changes the password of a signed-in member who knows the current one; every other
/// session of theirs ends at once.
///
/// # Errors
/// `Invalid` naming `current_password` or `new_password`.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn change_password(
    ctx: &Context,
    me: &CurrentMember,
    current: &str,
    new: &str,
) -> AppResult<()> {
    let new = NewPassword::parse(new)
        .map_err(|e| AppError::Invalid(FieldErrors::single("new_password", e.into())))?;
    let account = ctx.store.get_account(me.id).await?;
    if !verify_password(current.to_owned(), Some(account.password_hash)).await? {
        return Err(AppError::Invalid(FieldErrors::single(
            "current_password",
            "error-password-wrong",
        )));
    }
    let hash = hash_password(new.expose().to_owned()).await?;
    ctx.store
        .set_password(me.id, &hash, me.session_hash.as_deref(), ctx.now())
        .await?;
    let locale = me.locale.unwrap_or_default();
    mail::queue(ctx, locale, &me.email, MailKind::PasswordChanged).await?;
    tracing::info!("password changed");
    Ok(())
}

/// Starts moving the account to a new address: a confirmation link goes to the new
/// address, a notice to the old one. Nothing changes until the link is followed.
///
/// # Errors
/// `Invalid` naming `new_email` or `current_password`.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn request_email_change(
    ctx: &Context,
    me: &CurrentMember,
    new_email: &str,
    current_password: &str,
) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let new_email = errors.check("new_email", Email::parse(new_email));
    let account = ctx.store.get_account(me.id).await?;
    if !verify_password(current_password.to_owned(), Some(account.password_hash)).await? {
        errors.add("current_password", "error-password-wrong");
    }
    let Some(new_email) = new_email.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    if new_email == me.email {
        return Err(AppError::Invalid(FieldErrors::single(
            "new_email",
            "error-email-same",
        )));
    }
    let locale = me.locale.unwrap_or_default();
    spend_mail(ctx, Sender::Member(me), 1).await?;
    if ctx.store.find_account_by_email(&new_email).await?.is_some() {
        return mail::queue(ctx, locale, &new_email, MailKind::AlreadyRegistered).await;
    }
    let token = new_secret("pxl_")?;
    let now = ctx.now();
    ctx.store
        .create_email_token(
            &hash_token(&token),
            me.id,
            EmailTokenPurpose::ChangeEmail,
            Some(&new_email),
            now,
            now.plus_seconds(EMAIL_CHANGE_LINK_HOURS * 3600),
        )
        .await?;
    let link = format!("{}/confirm-email/{token}", ctx.settings.base_url);
    mail::queue(
        ctx,
        locale,
        &new_email,
        MailKind::ConfirmEmailChange { link },
    )
    .await?;
    mail::queue(ctx, locale, &me.email, MailKind::EmailChangeRequested).await
}

/// Completes an email change from its link: the old address is told, with a link to undo it
/// for some days, and reset links sent to it stop working.
///
/// # Errors
/// `NotFound` for a bad link; `Conflict(MemberEmailTaken)` if the address was taken since.
#[instrument(skip_all)]
pub async fn confirm_email_change(ctx: &Context, token: &str) -> AppResult<()> {
    let used = ctx
        .store
        .consume_email_token(
            &hash_token(token),
            EmailTokenPurpose::ChangeEmail,
            ctx.now(),
        )
        .await?
        .ok_or(AppError::NotFound)?;
    let new_email = used.new_email.ok_or(AppError::NotFound)?;
    let undo = new_secret("pxl_")?;
    let now = ctx.now();
    let old = ctx
        .store
        .change_email(
            used.member_id,
            &new_email,
            &hash_token(&undo),
            now.plus_seconds(UNDO_EMAIL_CHANGE_DAYS * 86_400),
            now,
        )
        .await?;
    let locale = ctx
        .store
        .get_account(used.member_id)
        .await?
        .ui_language
        .as_deref()
        .and_then(Locale::from_code)
        .unwrap_or_default();
    mail::queue(
        ctx,
        locale,
        &old,
        MailKind::EmailChanged {
            address: new_email.as_str().to_owned(),
            link: format!("{}/undo-email-change/{undo}", ctx.settings.base_url),
        },
    )
    .await?;
    tracing::info!(member.id = %used.member_id, "email changed");
    Ok(())
}

/// Whether an undo link can still be used (for showing its button).
///
/// # Errors
/// `NotFound` for an unknown, used or expired link.
pub async fn check_undo_link(ctx: &Context, token: &str) -> AppResult<()> {
    let valid = ctx
        .store
        .email_token_is_valid(
            &hash_token(token),
            EmailTokenPurpose::UndoEmailChange,
            ctx.now(),
        )
        .await?;
    if valid {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Undoes an email change from the link sent to the old address: the account moves back to
/// it, and every session, access token and email link of the account ends.
///
/// # Errors
/// `NotFound` for a bad link; `Conflict(MemberEmailTaken)` if the old address was taken since.
#[instrument(skip_all)]
pub async fn undo_email_change(ctx: &Context, token: &str) -> AppResult<()> {
    let used = ctx
        .store
        .consume_email_token(
            &hash_token(token),
            EmailTokenPurpose::UndoEmailChange,
            ctx.now(),
        )
        .await?
        .ok_or(AppError::NotFound)?;
    let old = used.new_email.ok_or(AppError::NotFound)?;
    ctx.store
        .restore_email(used.member_id, &old, ctx.now())
        .await?;
    let locale = ctx
        .store
        .get_account(used.member_id)
        .await?
        .ui_language
        .as_deref()
        .and_then(Locale::from_code)
        .unwrap_or_default();
    mail::queue(ctx, locale, &old, MailKind::EmailRestored).await?;
    tracing::warn!(member.id = %used.member_id, "an email change was undone");
    Ok(())
}
