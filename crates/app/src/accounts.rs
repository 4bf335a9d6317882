//! Accounts: sign-up with email verification, log-in with throttling, sessions, log-out.
//! Password and email changes are in [`recovery`].
//!
//! Sign-up, log-in and password reset answer the same way whether or not an address is
//! registered; what differs goes into a mail only the address's owner can read.

pub mod recovery;

use std::time::Duration;

use praxis_domain::ids::MemberId;
use praxis_domain::members::credentials::{Email, NewPassword};
use praxis_domain::members::profile::{Profile, parse_display_name};
use praxis_domain::timestamps::Timestamp;
use praxis_domain::validation::FieldErrors;
use praxis_store::account_requests::AccountRequestKind;
use praxis_store::members::NewMember;
use praxis_store::tokens::EmailTokenPurpose;
use praxis_store::{Constraint, StoreError, hash_token};
use tracing::instrument;

use crate::i18n::Locale;
use crate::mail::{self, MailKind};
use crate::policy::CurrentMember;
use crate::policy::seen::Seen;
use crate::quotas::{Sender, spend_mail};
use crate::secrets::{hash_password, new_secret, verify_password};
use crate::{AppError, AppResult, Context};

/// How long a verification link works.
pub(crate) const VERIFY_LINK_HOURS: i64 = 48;

/// A sign-up form or request.
#[derive(Debug, Clone)]
pub struct SignUp {
    /// Email address.
    pub email: String,
    /// Chosen password.
    pub password: String,
    /// Display name (a pseudonym is fine).
    pub display_name: String,
    /// The language the person is reading in (their mail comes in it).
    pub locale: Locale,
    /// The client's network address, for the allowance of mail it may cause (none from the
    /// CLI).
    pub client_address: Option<String>,
}

/// A session just started: the token goes into the cookie, once.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// The secret for the cookie.
    pub token: String,
    /// Who signed in.
    pub member_id: MemberId,
}

/// A log-in attempt.
#[derive(Debug, Clone)]
pub struct LogIn {
    /// Email address as typed.
    pub email: String,
    /// Password as typed.
    pub password: String,
    /// The client's network address, for throttling (none from the CLI).
    pub client_address: Option<String>,
}

/// Creates an unverified account and mails a verification link; if the address already has
/// an account, mails its owner instead. Either way the caller sees the same success.
///
/// # Errors
/// `Invalid` naming `email`, `password` or `display_name`.
#[instrument(skip_all)]
pub async fn sign_up(ctx: &Context, input: SignUp) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let email = errors.check("email", Email::parse(&input.email));
    let password = errors.check("password", NewPassword::parse(&input.password));
    let display_name = errors.check("display_name", parse_display_name(&input.display_name));
    let (Some(email), Some(password), Some(display_name)) = (email, password, display_name) else {
        return Err(AppError::Invalid(errors));
    };
    // Spent whether or not the address is registered: the answer must not tell.
    spend_mail(
        ctx,
        Sender::Visitor {
            client: input.client_address.as_deref(),
            recipient: email.as_str(),
        },
        1,
    )
    .await?;
    // Both paths do the same work here (a hash, one insert); what differs is done by the
    // worker, so the answer's timing does not tell whether the address is registered.
    let password_hash = hash_password(password.expose().to_owned()).await?;
    ctx.store
        .queue_account_request(
            &AccountRequestKind::SignUp {
                display_name,
                password_hash,
            },
            &email,
            input.locale.code(),
            ctx.now(),
        )
        .await?;
    ctx.work_queued.notify_one();
    Ok(())
}

/// Requests waited on by each round of the worker.
const REQUESTS_PER_ROUND: u32 = 20;

/// Carries out the queued sign-ups and reset requests (the background worker's round);
/// returns how many.
///
/// # Errors
/// When the store fails (a request that failed is leased again after a minute).
pub async fn process_account_requests(ctx: &Context) -> AppResult<usize> {
    let now = ctx.now();
    let requests = ctx
        .store
        .claim_account_requests(now, now.plus_seconds(60), REQUESTS_PER_ROUND)
        .await?;
    let count = requests.len();
    for request in requests {
        let locale = Locale::from_code(&request.locale).unwrap_or_default();
        match request.kind {
            AccountRequestKind::SignUp {
                display_name,
                password_hash,
            } => create_signed_up(ctx, &request.email, display_name, password_hash, locale).await?,
            AccountRequestKind::ResetPassword => {
                crate::accounts::recovery::send_reset_link(ctx, &request.email, locale).await?;
            }
        }
        ctx.store.finish_account_request(&request.id).await?;
    }
    Ok(count)
}

/// The worker every `serve` process runs: carries out requests as they are queued (woken at
/// once) and at least every five seconds.
pub async fn run_account_worker(ctx: Context, shutdown: impl std::future::Future<Output = ()>) {
    tokio::pin!(shutdown);
    loop {
        match process_account_requests(&ctx).await {
            Ok(n) if n >= REQUESTS_PER_ROUND as usize => continue,
            Ok(_) => {}
            Err(error) => {
                tracing::warn!(error = %error, "account requests could not be carried out")
            }
        }
        tokio::select! {
            () = &mut shutdown => break,
            () = ctx.work_queued.notified() => {}
            () = tokio::time::sleep(Duration::from_secs(5)) => {}
        }
    }
}

async fn create_signed_up(
    ctx: &Context,
    email: &Email,
    display_name: String,
    password_hash: String,
    locale: Locale,
) -> AppResult<()> {
    if ctx.store.find_account_by_email(email).await?.is_some() {
        return mail::queue(ctx, locale, email, MailKind::AlreadyRegistered).await;
    }
    let member = NewMember {
        id: MemberId::generate(),
        email: email.clone(),
        password_hash,
        profile: Profile::new(display_name),
        email_verified: false,
        make_admin: false,
        created_at: ctx.now(),
    };
    match ctx.store.create_member(&member).await {
        Ok(is_admin) => {
            tracing::info!(member.id = %member.id, member.is_admin = is_admin, "member signed up");
            ctx.store
                .set_ui_language(member.id, Some(locale.code()))
                .await?;
            send_verification(ctx, member.id, email, locale).await
        }
        // Someone else signed up with the address a moment ago.
        Err(StoreError::Conflict(Constraint::MemberEmailTaken)) => {
            mail::queue(ctx, locale, email, MailKind::AlreadyRegistered).await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn send_verification(
    ctx: &Context,
    id: MemberId,
    email: &Email,
    locale: Locale,
) -> AppResult<()> {
    let token = new_secret("pxl_")?;
    let now = ctx.now();
    ctx.store
        .create_email_token(
            &hash_token(&token),
            id,
            EmailTokenPurpose::VerifyEmail,
            None,
            now,
            now.plus_seconds(VERIFY_LINK_HOURS * 3600),
        )
        .await?;
    let link = format!("{}/verify-email/{token}", ctx.settings.base_url);
    mail::queue(ctx, locale, email, MailKind::VerifyEmail { link }).await
}

/// Marks the address behind a verification link as verified.
///
/// # Errors
/// `NotFound` for an unknown, used or expired link.
#[instrument(skip_all)]
pub async fn verify_email(ctx: &Context, token: &str) -> AppResult<MemberId> {
    let used = ctx
        .store
        .consume_email_token(
            &hash_token(token),
            EmailTokenPurpose::VerifyEmail,
            ctx.now(),
        )
        .await?
        .ok_or(AppError::NotFound)?;
    ctx.store
        .mark_email_verified(used.member_id, ctx.now())
        .await?;
    tracing::info!(member.id = %used.member_id, "email verified");
    Ok(used.member_id)
}

/// Checks credentials and starts a session.
///
/// Failures are counted per account and per client address: past a few the answer is
/// slowed, past more it is refused with `TooManyAttempts` until the window passes. An
/// unknown address and a wrong password give the same error.
///
/// # Errors
/// `Invalid` naming `email` (`error-login-failed`, or `error-email-unverified` with a fresh
/// link mailed), or `TooManyAttempts`.
#[instrument(skip_all)]
pub async fn log_in(ctx: &Context, input: LogIn) -> AppResult<NewSession> {
    let policy = ctx.settings.login_policy;
    let failed = || AppError::Invalid(FieldErrors::single("email", "error-login-failed"));
    let email = Email::parse(&input.email).map_err(|_| failed())?;
    let account_scope = format!("account:{}", hash_token(email.as_str()));
    let address_scope = input
        .client_address
        .as_deref()
        .map(|a| format!("address:{}", hash_token(a)));
    let now = ctx.now();
    let since = now.plus_seconds(-policy.window_secs);
    // The attempt is claimed before the password is checked, in one atomic step per scope, so
    // parallel attempts cannot all pass a count taken before any was recorded.
    let window_ms = policy.window_secs.max(1) * 1000;
    let window = Timestamp::from_unix_ms(now.unix_ms() - now.unix_ms().rem_euclid(window_ms));
    let account_claim = format!("login-{account_scope}");
    let address_claim = address_scope.as_ref().map(|s| format!("login-{s}"));
    let mut claims = vec![(account_claim.as_str(), window, policy.refuse_after_account)];
    if let Some(claim) = &address_claim {
        claims.push((claim.as_str(), window, policy.refuse_after_address));
    }
    if ctx.store.spend_allowance(&claims, 1).await?.is_some() {
        tracing::warn!("log-in refused after repeated failures");
        let ends = window.unix_ms() + window_ms;
        return Err(AppError::TooManyAttempts {
            retry_after_secs: u64::try_from((ends - now.unix_ms()) / 1000 + 1).unwrap_or(900),
        });
    }
    let account_failures = ctx
        .store
        .count_login_failures(&account_scope, since)
        .await?;
    if account_failures >= policy.slow_after {
        let steps = u64::try_from(account_failures - policy.slow_after + 1).unwrap_or(1);
        tokio::time::sleep(Duration::from_millis(
            (steps * policy.delay_step_ms).min(5000),
        ))
        .await;
    }

    let account = ctx.store.find_account_by_email(&email).await?;
    let ok = verify_password(
        input.password,
        account.as_ref().map(|a| a.password_hash.clone()),
    )
    .await?;
    let Some(account) = account.filter(|_| ok) else {
        let mut scopes = vec![account_scope.as_str()];
        scopes.extend(address_scope.as_deref());
        ctx.store.record_login_failure(&scopes, ctx.now()).await?;
        return Err(failed());
    };
    // The right password: the attempt is not held against the account or the address.
    ctx.store.reset_allowance(&account_claim, window).await?;
    if let Some(claim) = &address_claim {
        ctx.store.give_back_allowance(claim, window, 1).await?;
    }
    if !account.email_verified {
        let locale = account
            .ui_language
            .as_deref()
            .and_then(Locale::from_code)
            .unwrap_or_default();
        send_verification(ctx, account.id, &account.email, locale).await?;
        return Err(AppError::Invalid(FieldErrors::single(
            "email",
            "error-email-unverified",
        )));
    }
    ctx.store.clear_login_failures(&account_scope).await?;
    let session = start_session(ctx, account.id).await?;
    tracing::info!(member.id = %account.id, "member logged in");
    Ok(session)
}

/// Starts a session for a member whose identity is already established.
pub(crate) async fn start_session(ctx: &Context, id: MemberId) -> AppResult<NewSession> {
    let token = new_secret("pxs_")?;
    let now = ctx.now();
    ctx.store
        .create_session(
            &hash_token(&token),
            id,
            now,
            now.plus_seconds(ctx.settings.session_days * 86_400),
        )
        .await?;
    Ok(NewSession {
        token,
        member_id: id,
    })
}

/// The member a session cookie belongs to, if the session is live. Extends a session that
/// is used (at most once a day, to keep reads cheap).
pub async fn authenticate_session(ctx: &Context, token: &str) -> AppResult<Option<CurrentMember>> {
    let hash = hash_token(token);
    let now = ctx.now();
    let Some((session, account, display_name)) = ctx.store.find_session_account(&hash, now).await?
    else {
        return Ok(None);
    };
    let lifetime = ctx.settings.session_days * 86_400;
    if session.expires_at < now.plus_seconds(lifetime - 86_400) {
        ctx.store
            .renew_session(&hash, now, now.plus_seconds(lifetime))
            .await?;
    }
    Ok(Some(CurrentMember {
        id: session.member_id,
        display_name,
        email: account.email,
        is_admin: account.is_admin,
        locale: account.ui_language.as_deref().and_then(Locale::from_code),
        session_hash: Some(hash),
        client_address: None,
    }))
}

pub(crate) async fn current_member(
    ctx: &Context,
    id: MemberId,
    session_hash: Option<String>,
) -> AppResult<CurrentMember> {
    let (account, display_name) = ctx.store.get_account_and_name(id).await?;
    Ok(CurrentMember {
        id,
        display_name,
        email: account.email,
        is_admin: account.is_admin,
        locale: account.ui_language.as_deref().and_then(Locale::from_code),
        session_hash,
        client_address: None,
    })
}

/// Ends the session behind a cookie (a no-op for an unknown one).
pub async fn log_out(ctx: &Context, token: &str) -> AppResult<()> {
    ctx.store.delete_session(&hash_token(token)).await?;
    Ok(())
}

/// Sets or clears the member's interface language.
pub async fn set_language(
    ctx: &Context,
    me: &CurrentMember,
    locale: Option<Locale>,
) -> AppResult<()> {
    ctx.store
        .set_ui_language(me.id, locale.map(Locale::code))
        .await?;
    Ok(())
}

/// An account made by an admin or a script (verified at once), for `praxis admin create-user`.
#[derive(Debug, Clone)]
pub struct NewAccount {
    /// Email address.
    pub email: String,
    /// Password.
    pub password: String,
    /// Display name.
    pub display_name: String,
    /// Make them a network admin.
    pub admin: bool,
}

/// Creates a verified account directly; returns its id and whether it is an admin.
///
/// # Errors
/// `Invalid` for bad fields, `Conflict(MemberEmailTaken)` for an address in use.
pub async fn create_account(ctx: &Context, input: NewAccount) -> AppResult<(MemberId, bool)> {
    let mut errors = FieldErrors::new();
    let email = errors.check("email", Email::parse(&input.email));
    let password = errors.check("password", NewPassword::parse(&input.password));
    let display_name = errors.check("display_name", parse_display_name(&input.display_name));
    let (Some(email), Some(password), Some(display_name)) = (email, password, display_name) else {
        return Err(AppError::Invalid(errors));
    };
    let member = NewMember {
        id: MemberId::generate(),
        email,
        password_hash: hash_password(password.expose().to_owned()).await?,
        profile: Profile::new(display_name),
        email_verified: true,
        make_admin: input.admin,
        created_at: ctx.now(),
    };
    let is_admin = ctx.store.create_member(&member).await?;
    Ok((member.id, is_admin))
}

/// Deletes the member's account and everything that is theirs, once they confirm with their
/// password. Nothing of the profile remains.
///
/// # Errors
/// `Invalid` naming `password` when it is wrong.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn delete_account(ctx: &Context, me: &CurrentMember, password: &str) -> AppResult<()> {
    let account = ctx.store.get_account(me.id).await?;
    if !verify_password(password.to_owned(), Some(account.password_hash)).await? {
        return Err(AppError::Invalid(FieldErrors::single(
            "password",
            "error-password-wrong",
        )));
    }
    ctx.store.delete_member(me.id).await?;
    if let Some(dir) = &ctx.settings.mail_dir {
        mail::forget_mail_files_to(dir, me.email.as_str()).await?;
    }
    tracing::info!("account deleted");
    Ok(())
}

/// Everything Praxis keeps about a member, for them to download.
#[derive(Debug, Clone)]
pub struct MemberExport {
    /// Account data and profile.
    pub member: praxis_store::members::MemberRecord,
    /// Their access tokens (names and dates, never secrets).
    pub tokens: Vec<praxis_store::tokens::AccessTokenInfo>,
    /// Every node they belong to, those with the safety setting included.
    pub nodes: Vec<praxis_store::nodes::NodeRecord>,
    /// The library items they published.
    pub items: Vec<praxis_store::library::ItemRecord>,
    /// The commitments they asked for or were asked for.
    pub commitments: Vec<praxis_store::commitments::CommitmentRecord>,
    /// The one-on-ones they logged.
    pub one_on_ones: Vec<praxis_store::narratives::OneOnOneRecord>,
    /// The stories they tell, with every telling.
    pub narratives: Vec<(
        praxis_store::narratives::NarrativeRecord,
        Vec<praxis_store::narratives::VersionRecord>,
    )>,
}

/// Collects everything kept about the member (their data, in their hands).
pub async fn export_account(ctx: &Context, me: &CurrentMember) -> AppResult<MemberExport> {
    Ok(MemberExport {
        member: ctx.store.get_member(me.id).await?,
        tokens: ctx.store.list_access_tokens(me.id).await?,
        nodes: ctx
            .store
            .list_member_nodes(
                me.id,
                praxis_store::nodes::NodeScope::MemberView(me.id),
                true,
                10_000,
            )
            .await?,
        items: ctx.store.items_created_by(me.id, 100_000).await?,
        commitments: {
            let mut all = ctx.store.member_commitments(me.id, 100_000).await?;
            crate::commitments::redact(&mut Seen::default(), ctx, me, &mut all).await?;
            all
        },
        one_on_ones: ctx
            .store
            .readable_one_on_ones(me.id, None, 100_000)
            .await?
            .into_iter()
            .filter(|o| o.author_id == me.id)
            .collect(),
        narratives: {
            let mut out = Vec::new();
            for n in ctx.store.member_narratives(me.id, None, 10_000).await? {
                if n.author_id == me.id {
                    let versions = ctx.store.narrative_versions(n.id).await?;
                    out.push((n, versions));
                }
            }
            out
        },
    })
}

/// The member's live sessions, the current one marked.
pub async fn list_sessions(
    ctx: &Context,
    me: &CurrentMember,
) -> AppResult<Vec<praxis_store::sessions::SessionInfo>> {
    Ok(ctx
        .store
        .list_sessions(me.id, me.session_hash.as_deref(), ctx.now())
        .await?)
}

/// Ends every session of the member except the one making the request.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn end_other_sessions(ctx: &Context, me: &CurrentMember) -> AppResult<()> {
    ctx.store
        .delete_other_sessions(me.id, me.session_hash.as_deref())
        .await?;
    tracing::info!("other sessions ended");
    Ok(())
}
