//! Personal access tokens: how scripts and the API authenticate without a session cookie.
//! The secret is shown once at creation; only its hash is stored.

use praxis_domain::ids::TokenId;
use praxis_domain::members::credentials::Email;
use praxis_domain::validation::FieldErrors;
use praxis_store::hash_token;
use praxis_store::tokens::AccessTokenInfo;
use tracing::instrument;

use crate::accounts::current_member;
use crate::policy::CurrentMember;
use crate::secrets::new_secret;
use crate::{AppError, AppResult, Context};

/// The longest token name.
const MAX_NAME_CHARS: usize = 60;

/// A token just made: the secret is shown to its owner this once.
#[derive(Debug, Clone)]
pub struct CreatedToken {
    /// The token's id (for revoking it).
    pub id: TokenId,
    /// The secret to put in `Authorization: Bearer …`.
    pub secret: String,
}

/// Creates a token for the member.
///
/// # Errors
/// `Invalid` naming `name` when it is empty or too long.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn create_token(
    ctx: &Context,
    me: &CurrentMember,
    name: &str,
) -> AppResult<CreatedToken> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::Invalid(FieldErrors::single(
            "name",
            "error-required",
        )));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(AppError::Invalid(FieldErrors::single(
            "name",
            "error-too-long",
        )));
    }
    let secret = new_secret("pxt_")?;
    let id = TokenId::generate();
    ctx.store
        .create_access_token(id, me.id, name, &hash_token(&secret), ctx.now())
        .await?;
    tracing::info!(token.id = %id, "access token created");
    Ok(CreatedToken { id, secret })
}

/// Creates a token for the member with this address (for `praxis admin create-token`).
///
/// # Errors
/// `NotFound` when no account has the address.
pub async fn create_token_for_email(
    ctx: &Context,
    email: &str,
    name: &str,
) -> AppResult<CreatedToken> {
    let email = Email::parse(email)
        .map_err(|e| AppError::Invalid(FieldErrors::single("email", e.into())))?;
    let account = ctx
        .store
        .find_account_by_email(&email)
        .await?
        .ok_or(AppError::NotFound)?;
    let me = current_member(ctx, account.id, None).await?;
    create_token(ctx, &me, name).await
}

/// The member's tokens (names and dates, never secrets).
pub async fn list_tokens(ctx: &Context, me: &CurrentMember) -> AppResult<Vec<AccessTokenInfo>> {
    Ok(ctx.store.list_access_tokens(me.id).await?)
}

/// Revokes one of the member's tokens; it stops working at once.
///
/// # Errors
/// `NotFound` when the member has no such token.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn revoke_token(ctx: &Context, me: &CurrentMember, id: TokenId) -> AppResult<()> {
    ctx.store.revoke_access_token(me.id, id).await?;
    tracing::info!(token.id = %id, "access token revoked");
    Ok(())
}

/// The member a bearer token belongs to, if it is a live token.
pub async fn authenticate_token(ctx: &Context, secret: &str) -> AppResult<Option<CurrentMember>> {
    match ctx
        .store
        .use_access_token(&hash_token(secret), ctx.now())
        .await?
    {
        Some(id) => current_member(ctx, id, None).await.map(Some),
        None => Ok(None),
    }
}
