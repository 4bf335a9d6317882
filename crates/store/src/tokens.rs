//! Secrets handed to members: personal access tokens for the API and single-use links sent
//! by email. Only hashes are stored.

use praxis_domain::ids::{MemberId, TokenId};
use praxis_domain::members::credentials::Email;
use praxis_domain::timestamps::Timestamp;

use crate::{Describe as _, Store, StoreError, StoreResult, corrupt};

/// What a link sent by email lets its holder do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailTokenPurpose {
    /// Prove the address of a new account.
    VerifyEmail,
    /// Choose a new password.
    ResetPassword,
    /// Move the account to a new address.
    ChangeEmail,
    /// Move the account back to the address it was moved from (sent to that address).
    UndoEmailChange,
}

impl EmailTokenPurpose {
    fn code(self) -> &'static str {
        match self {
            EmailTokenPurpose::VerifyEmail => "verify_email",
            EmailTokenPurpose::ResetPassword => "reset_password",
            EmailTokenPurpose::ChangeEmail => "change_email",
            EmailTokenPurpose::UndoEmailChange => "undo_email_change",
        }
    }
}

/// A link that was valid and is now used up.
#[derive(Debug, Clone)]
pub struct ConsumedEmailToken {
    /// Whose link it was.
    pub member_id: MemberId,
    /// For an email change: the new address.
    pub new_email: Option<Email>,
}

/// A personal access token as its owner sees it in their settings (never the secret).
#[derive(Debug, Clone)]
pub struct AccessTokenInfo {
    /// The token's id.
    pub id: TokenId,
    /// The name its owner gave it.
    pub name: String,
    /// When it was made.
    pub created_at: Timestamp,
    /// When it was last used, if ever.
    pub last_used_at: Option<Timestamp>,
}

impl Store {
    /// Stores a single-use email link.
    pub async fn create_email_token(
        &self,
        token_hash: &str,
        member: MemberId,
        purpose: EmailTokenPurpose,
        new_email: Option<&Email>,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO email_tokens (token_hash, member_id, purpose, new_email, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(token_hash)
        .bind(member.to_string())
        .bind(purpose.code())
        .bind(new_email.map(|e| e.as_str().to_owned()))
        .bind(now.unix_ms())
        .bind(expires_at.unix_ms())
        .execute(&self.write)
        .await
        .describe("storing an email link")
        .map(|_| ())
    }

    /// Uses up a link if it exists, has this purpose, is unused and unexpired; a link works
    /// once, even when two requests race.
    pub async fn consume_email_token(
        &self,
        token_hash: &str,
        purpose: EmailTokenPurpose,
        now: Timestamp,
    ) -> StoreResult<Option<ConsumedEmailToken>> {
        let row: Option<(String, Option<String>)> = sqlx::query_as(
            "UPDATE email_tokens SET used_at = $3
             WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
             RETURNING member_id, new_email",
        )
        .bind(token_hash)
        .bind(purpose.code())
        .bind(now.unix_ms())
        .fetch_optional(&self.write)
        .await
        .describe("using an email link")?;
        row.map(|(member, email)| {
            Ok(ConsumedEmailToken {
                member_id: member.parse().map_err(|_| corrupt("member_id"))?,
                new_email: email
                    .map(|e| Email::parse(&e).map_err(|_| corrupt("new_email")))
                    .transpose()?,
            })
        })
        .transpose()
    }

    /// Whether an unused, unexpired link with this hash and purpose exists (without using it).
    pub async fn email_token_is_valid(
        &self,
        token_hash: &str,
        purpose: EmailTokenPurpose,
        now: Timestamp,
    ) -> StoreResult<bool> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM email_tokens
             WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
        )
        .bind(token_hash)
        .bind(purpose.code())
        .bind(now.unix_ms())
        .fetch_one(&self.read)
        .await
        .describe("checking an email link")?;
        Ok(n > 0)
    }

    /// Stores a new personal access token.
    pub async fn create_access_token(
        &self,
        id: TokenId,
        member: MemberId,
        name: &str,
        token_hash: &str,
        now: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO access_tokens (token_id, member_id, name, token_hash, created_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id.to_string())
        .bind(member.to_string())
        .bind(name)
        .bind(token_hash)
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("storing an access token")
        .map(|_| ())
    }

    /// The member a token belongs to, recording the use; `None` for unknown or revoked tokens.
    pub async fn use_access_token(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> StoreResult<Option<MemberId>> {
        let member: Option<String> = sqlx::query_scalar(
            "UPDATE access_tokens SET last_used_at = $2 WHERE token_hash = $1 RETURNING member_id",
        )
        .bind(token_hash)
        .bind(now.unix_ms())
        .fetch_optional(&self.write)
        .await
        .describe("using an access token")?;
        member
            .map(|m| m.parse().map_err(|_| corrupt("member_id")))
            .transpose()
    }

    /// A member's tokens, newest first.
    pub async fn list_access_tokens(&self, member: MemberId) -> StoreResult<Vec<AccessTokenInfo>> {
        let rows: Vec<(String, String, i64, Option<i64>)> = sqlx::query_as(
            "SELECT token_id, name, created_at, last_used_at FROM access_tokens
             WHERE member_id = $1 ORDER BY created_at DESC, token_id DESC LIMIT 200",
        )
        .bind(member.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing access tokens")?;
        rows.into_iter()
            .map(|(id, name, created, used)| {
                Ok(AccessTokenInfo {
                    id: id.parse().map_err(|_| corrupt("token_id"))?,
                    name,
                    created_at: Timestamp::from_unix_ms(created),
                    last_used_at: used.map(Timestamp::from_unix_ms),
                })
            })
            .collect()
    }

    /// Revokes one of the member's tokens.
    ///
    /// # Errors
    /// `NotFound` when the member has no such token (someone else's token counts as none).
    pub async fn revoke_access_token(&self, member: MemberId, id: TokenId) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM access_tokens WHERE token_id = $1 AND member_id = $2")
            .bind(id.to_string())
            .bind(member.to_string())
            .execute(&self.write)
            .await
            .describe("revoking an access token")?;
        if done.rows_affected() == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }
}
