//! Invitations to nodes: an email invitation works once; an invitation link works for anyone
//! who has it until it expires.

use praxis_domain::ids::{MemberId, NodeId};
use praxis_domain::members::credentials::Email;
use praxis_domain::timestamps::Timestamp;

use crate::{Describe as _, Store, StoreError, StoreResult};

/// A live invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationRecord {
    /// The node it opens.
    pub node_id: NodeId,
    /// The address it was sent to (`None` for a link).
    pub email: Option<String>,
    /// When it stops working.
    pub expires_at: Timestamp,
}

/// A pending invitation as its node's stewards see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingInvitation {
    /// The invitation's id.
    pub id: String,
    /// The address (`None` for a link).
    pub email: Option<String>,
    /// When it stops working.
    pub expires_at: Timestamp,
}

impl Store {
    /// Stores an invitation (its secret's hash).
    pub async fn create_invitation(
        &self,
        node: NodeId,
        email: Option<&Email>,
        token_hash: &str,
        invited_by: MemberId,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO node_invitations (invitation_id, node_id, email, token_hash, invited_by, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(node.to_string())
        .bind(email.map(|e| e.as_str().to_owned()))
        .bind(token_hash)
        .bind(invited_by.to_string())
        .bind(now.unix_ms())
        .bind(expires_at.unix_ms())
        .execute(&self.write)
        .await
        .describe("storing an invitation")
        .map(|_| ())
    }

    /// Whether the address already has an unexpired, unused invitation to the node or is
    /// already its member (so inviting it again would add nothing).
    pub async fn is_invited_or_member(
        &self,
        node: NodeId,
        email: &Email,
        now: Timestamp,
    ) -> StoreResult<bool> {
        let n: i64 = sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM node_invitations WHERE node_id = $1 AND email = $2
                        AND accepted_at IS NULL AND expires_at > $3)
                  + (SELECT COUNT(*) FROM node_members nm JOIN members m ON m.member_id = nm.member_id
                        WHERE nm.node_id = $1 AND m.email = $2 AND nm.status = 'active')",
        )
        .bind(node.to_string())
        .bind(email.as_str())
        .bind(now.unix_ms())
        .fetch_one(&self.read)
        .await
        .describe("checking an invitation")?;
        Ok(n > 0)
    }

    /// The live invitation with this secret's hash.
    pub async fn find_invitation(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> StoreResult<Option<InvitationRecord>> {
        let row: Option<(String, Option<String>, i64)> = sqlx::query_as(
            "SELECT node_id, email, expires_at FROM node_invitations
             WHERE token_hash = $1 AND expires_at > $2 AND (email IS NULL OR accepted_at IS NULL)",
        )
        .bind(token_hash)
        .bind(now.unix_ms())
        .fetch_optional(&self.read)
        .await
        .describe("finding an invitation")?;
        row.map(|(node, email, expires)| {
            Ok(InvitationRecord {
                node_id: node.parse().map_err(|_| {
                    StoreError::Other(anyhow::anyhow!("bad node id in invitations"))
                })?,
                email,
                expires_at: Timestamp::from_unix_ms(expires),
            })
        })
        .transpose()
    }

    /// Accepts an invitation: the member joins (a pending request becomes a membership), an
    /// email invitation is used up — all in one transaction, so it works once even when raced.
    ///
    /// # Errors
    /// `NotFound` when the invitation is unknown, expired or used.
    pub async fn accept_invitation(
        &self,
        token_hash: &str,
        member: MemberId,
        now: Timestamp,
    ) -> StoreResult<NodeId> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to accept an invitation")?;
        let row: Option<(String, String)> = sqlx::query_as(
            "UPDATE node_invitations SET accepted_at = $3, accepted_by = $2
             WHERE token_hash = $1 AND expires_at > $3 AND (email IS NULL OR accepted_at IS NULL)
             RETURNING node_id, invitation_id",
        )
        .bind(token_hash)
        .bind(member.to_string())
        .bind(now.unix_ms())
        .fetch_optional(&mut *tx)
        .await
        .describe("using an invitation")?;
        let (node, _) = row.ok_or(StoreError::NotFound)?;
        let banned: Option<String> = sqlx::query_scalar(
            "SELECT status FROM node_members WHERE node_id = $1 AND member_id = $2 AND status = 'banned'",
        )
        .bind(&node)
        .bind(member.to_string())
        .fetch_optional(&mut *tx)
        .await
        .describe("checking a ban")?;
        if banned.is_some() {
            // Rolled back with the transaction: the invitation stays unused.
            return Err(StoreError::NotFound);
        }
        sqlx::query(
            "INSERT INTO node_members (node_id, member_id, role, status, created_at)
             VALUES ($1, $2, 'member', 'active', $3)
             ON CONFLICT (node_id, member_id) DO UPDATE SET status = 'active'",
        )
        .bind(&node)
        .bind(member.to_string())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("joining by invitation")?;
        sqlx::query(
            "INSERT INTO node_events (event_id, node_id, actor_id, subject_id, kind, by_steward, created_at)
             VALUES ($1, $2, $3, $3, 'joined', 0, $4)",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(&node)
        .bind(member.to_string())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("recording a join")?;
        tx.commit().await.describe("committing an invitation")?;
        node.parse()
            .map_err(|_| StoreError::Other(anyhow::anyhow!("bad node id in invitations")))
    }

    /// Withdraws an invitation: its link stops working at once.
    ///
    /// # Errors
    /// `NotFound` when the node has no such invitation.
    pub async fn revoke_invitation(&self, node: NodeId, invitation_id: &str) -> StoreResult<()> {
        let done =
            sqlx::query("DELETE FROM node_invitations WHERE node_id = $1 AND invitation_id = $2")
                .bind(node.to_string())
                .bind(invitation_id)
                .execute(&self.write)
                .await
                .describe("revoking an invitation")?;
        if done.rows_affected() == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// The node's unexpired, unused invitations, newest first (for its stewards).
    pub async fn list_pending_invitations(
        &self,
        node: NodeId,
        now: Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<PendingInvitation>> {
        let rows: Vec<(String, Option<String>, i64)> = sqlx::query_as(
            "SELECT invitation_id, email, expires_at FROM node_invitations
             WHERE node_id = $1 AND expires_at > $2 AND (email IS NULL OR accepted_at IS NULL)
             ORDER BY created_at DESC, invitation_id DESC LIMIT $3",
        )
        .bind(node.to_string())
        .bind(now.unix_ms())
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await
        .describe("listing invitations")?;
        Ok(rows
            .into_iter()
            .map(|(id, email, expires)| PendingInvitation {
                id,
                email,
                expires_at: Timestamp::from_unix_ms(expires),
            })
            .collect())
    }
}
