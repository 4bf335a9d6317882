//! Invitations to take a seat in a workshop, sent when its staff import a participants file:
//! one per address, used once, by whoever follows the link signed in.

use praxis_domain::applications::ApplicationStatus;
use praxis_domain::ids::{ApplicationId, MemberId, WorkshopId};
use praxis_domain::timestamps::Timestamp;

use crate::outbox::{OutboxMessage, insert_mail};
use crate::{Describe as _, Store, StoreError, StoreResult, corrupt};

impl Store {
    /// Stores workshop invitations — (address, token hash, mail) — and their mails in one
    /// transaction (all or none).
    pub async fn create_workshop_invitations(
        &self,
        workshop: WorkshopId,
        invitations: &[(String, String, OutboxMessage)],
        by: MemberId,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to store workshop invitations")?;
        for (email, token_hash, mail) in invitations {
            sqlx::query(
                "INSERT INTO workshop_invitations (invitation_id, workshop_id, email, token_hash,
                    invited_by, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(uuid::Uuid::now_v7().to_string())
            .bind(workshop.to_string())
            .bind(email)
            .bind(token_hash)
            .bind(by.to_string())
            .bind(now.unix_ms())
            .bind(expires_at.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("storing a workshop invitation")?;
            insert_mail(&mut tx, mail, now).await?;
        }
        tx.commit()
            .await
            .describe("committing workshop invitations")
    }

    /// The addresses already invited to the workshop: invitations still open, and those
    /// used.
    pub async fn workshop_invited_addresses(
        &self,
        workshop: WorkshopId,
        now: Timestamp,
    ) -> StoreResult<std::collections::HashSet<String>> {
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT email FROM workshop_invitations
             WHERE workshop_id = $1 AND (accepted_at IS NOT NULL OR expires_at > $2)",
        )
        .bind(workshop.to_string())
        .bind(now.unix_ms())
        .fetch_all(&self.read)
        .await
        .describe("listing a workshop's invited addresses")?;
        Ok(rows.into_iter().collect())
    }

    /// The workshop of an invitation that can still be used.
    pub async fn find_workshop_invitation(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> StoreResult<Option<WorkshopId>> {
        let found: Option<String> = sqlx::query_scalar(
            "SELECT workshop_id FROM workshop_invitations
             WHERE token_hash = $1 AND expires_at > $2 AND accepted_at IS NULL",
        )
        .bind(token_hash)
        .bind(now.unix_ms())
        .fetch_optional(&self.read)
        .await
        .describe("finding a workshop invitation")?;
        found
            .map(|w| w.parse().map_err(|_| corrupt("workshop_id")))
            .transpose()
    }

    /// Uses an invitation: the member takes a participant's seat (the waiting list when the
    /// `capacity` is reached); an application they had is accepted or waitlisted the same way,
    /// one already accepted or waitlisted stays — all in one transaction, so the link works
    /// once even when raced. Returns the workshop and where the member stands.
    ///
    /// # Errors
    /// `NotFound` when the invitation is unknown, expired or used.
    pub async fn accept_workshop_invitation(
        &self,
        token_hash: &str,
        member: MemberId,
        capacity: i64,
        now: Timestamp,
    ) -> StoreResult<(WorkshopId, ApplicationStatus)> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to accept a workshop invitation")?;
        let workshop: Option<String> = sqlx::query_scalar(
            "UPDATE workshop_invitations SET accepted_at = $3, accepted_by = $2
             WHERE token_hash = $1 AND expires_at > $3 AND accepted_at IS NULL
             RETURNING workshop_id",
        )
        .bind(token_hash)
        .bind(member.to_string())
        .bind(now.unix_ms())
        .fetch_optional(&mut *tx)
        .await
        .describe("using a workshop invitation")?;
        let workshop = workshop.ok_or(StoreError::NotFound)?;
        let accepted: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM workshop_applications
             WHERE workshop_id = $1 AND role = 'participant' AND status = 'accepted'",
        )
        .bind(&workshop)
        .fetch_one(&mut *tx)
        .await
        .describe("counting the seats taken")?;
        let status = if accepted < capacity {
            ApplicationStatus::Accepted
        } else {
            ApplicationStatus::Waitlisted
        };
        sqlx::query(
            "INSERT INTO workshop_applications (application_id, workshop_id, member_id, role, status,
                waitlisted_at, created_at, decided_at)
             VALUES ($1, $2, $3, 'participant', $4, CASE WHEN $4 = 'waitlisted' THEN $5 ELSE NULL END, $5, $5)
             ON CONFLICT (workshop_id, member_id, role) DO UPDATE
             SET status = excluded.status, waitlisted_at = excluded.waitlisted_at,
                 decided_at = excluded.decided_at
             WHERE workshop_applications.status NOT IN ('accepted', 'waitlisted')",
        )
        .bind(ApplicationId::generate().to_string())
        .bind(&workshop)
        .bind(member.to_string())
        .bind(status.code())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("taking a seat")?;
        let standing: String = sqlx::query_scalar(
            "SELECT status FROM workshop_applications
             WHERE workshop_id = $1 AND member_id = $2 AND role = 'participant'",
        )
        .bind(&workshop)
        .bind(member.to_string())
        .fetch_one(&mut *tx)
        .await
        .describe("reading the seat taken")?;
        tx.commit()
            .await
            .describe("committing a workshop invitation")?;
        Ok((
            workshop.parse().map_err(|_| corrupt("workshop_id"))?,
            ApplicationStatus::from_code(&standing).ok_or_else(|| corrupt("status"))?,
        ))
    }
}
