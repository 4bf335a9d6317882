//! Sign-ups and password-reset requests waiting for the background worker: queued in one
//! insert by the request, leased by one worker at a time, deleted once carried out.

use praxis_domain::members::credentials::Email;
use praxis_domain::timestamps::Timestamp;

use crate::{Describe as _, Store, StoreResult, corrupt};

/// What was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountRequestKind {
    /// Make an account (or tell the address it has one).
    SignUp {
        /// The chosen display name.
        display_name: String,
        /// The chosen password's Argon2 hash.
        password_hash: String,
    },
    /// Mail a reset link (if the address has an account).
    ResetPassword,
}

/// A queued request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRequest {
    /// Its id.
    pub id: String,
    /// What was asked.
    pub kind: AccountRequestKind,
    /// The address it was asked for.
    pub email: Email,
    /// The language the person was reading in.
    pub locale: String,
}

impl Store {
    /// Queues a request.
    pub async fn queue_account_request(
        &self,
        kind: &AccountRequestKind,
        email: &Email,
        locale: &str,
        now: Timestamp,
    ) -> StoreResult<()> {
        let (code, name, hash) = match kind {
            AccountRequestKind::SignUp {
                display_name,
                password_hash,
            } => ("sign_up", display_name.as_str(), password_hash.as_str()),
            AccountRequestKind::ResetPassword => ("reset_password", "", ""),
        };
        sqlx::query(
            "INSERT INTO account_requests (request_id, kind, email, display_name, password_hash,
                locale, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(code)
        .bind(email.as_str())
        .bind(name)
        .bind(hash)
        .bind(locale)
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("queueing an account request")
        .map(|_| ())
    }

    /// Leases up to `limit` waiting requests, oldest first, until `lease_until`.
    pub async fn claim_account_requests(
        &self,
        now: Timestamp,
        lease_until: Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<AccountRequest>> {
        let rows: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
            "UPDATE account_requests SET claimed_until = $2
             WHERE request_id IN (
                SELECT request_id FROM account_requests WHERE claimed_until <= $1
                ORDER BY created_at LIMIT $3)
             AND claimed_until <= $1
             RETURNING request_id, kind, email, display_name, password_hash, locale",
        )
        .bind(now.unix_ms())
        .bind(lease_until.unix_ms())
        .bind(i64::from(limit))
        .fetch_all(&self.write)
        .await
        .describe("claiming account requests")?;
        rows.into_iter()
            .map(|(id, kind, email, display_name, password_hash, locale)| {
                Ok(AccountRequest {
                    id,
                    kind: match kind.as_str() {
                        "sign_up" => AccountRequestKind::SignUp {
                            display_name,
                            password_hash,
                        },
                        "reset_password" => AccountRequestKind::ResetPassword,
                        _ => return Err(corrupt("kind")),
                    },
                    email: Email::parse(&email).map_err(|_| corrupt("email"))?,
                    locale,
                })
            })
            .collect()
    }

    /// Removes a request carried out.
    pub async fn finish_account_request(&self, id: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM account_requests WHERE request_id = $1")
            .bind(id)
            .execute(&self.write)
            .await
            .describe("finishing an account request")
            .map(|_| ())
    }
}
