//! Who belongs to a node: requests, memberships, stewards and bans.

use praxis_domain::ids::{MemberId, NodeId};
use praxis_domain::nodes::Standing;
use praxis_domain::timestamps::Timestamp;

use super::{count_stewards, insert_event};
use crate::{Constraint, Describe as _, Store, StoreError, StoreResult, corrupt};

impl Store {
    /// The nodes the member actively belongs to (any visibility), at most 10,000.
    pub async fn member_node_ids(&self, member: MemberId) -> StoreResult<Vec<NodeId>> {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT node_id FROM node_members WHERE member_id = $1 AND status = 'active'
             ORDER BY node_id LIMIT 10000",
        )
        .bind(member.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing a member's nodes")?;
        ids.iter()
            .map(|id| id.parse().map_err(|_| corrupt("node_id")))
            .collect()
    }

    /// A member's standing in a node.
    pub async fn node_standing(&self, node: NodeId, member: MemberId) -> StoreResult<Standing> {
        let row: Option<(String, String)> = sqlx::query_as(
            "SELECT role, status FROM node_members WHERE node_id = $1 AND member_id = $2",
        )
        .bind(node.to_string())
        .bind(member.to_string())
        .fetch_optional(&self.read)
        .await
        .describe("reading a membership")?;
        Ok(match row {
            Some((role, status)) => standing_from(Some(&role), Some(&status)),
            None => Standing::Outsider,
        })
    }

    /// Adds a member (active) or a request to join; a no-op when they already have a standing.
    pub async fn add_node_member(
        &self,
        node: NodeId,
        member: MemberId,
        requested: bool,
        actor: MemberId,
        by_steward: bool,
        now: Timestamp,
    ) -> StoreResult<bool> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to add a member")?;
        let added = sqlx::query(
            "INSERT INTO node_members (node_id, member_id, role, status, created_at)
             VALUES ($1, $2, 'member', $3, $4) ON CONFLICT (node_id, member_id) DO NOTHING",
        )
        .bind(node.to_string())
        .bind(member.to_string())
        .bind(if requested { "requested" } else { "active" })
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("adding a node member")?
        .rows_affected()
            > 0;
        if added {
            let kind = if requested { "requested" } else { "joined" };
            insert_event(
                &mut tx,
                node,
                Some(actor),
                Some(member),
                kind,
                by_steward,
                now,
            )
            .await?;
        }
        tx.commit().await.describe("committing a membership")?;
        Ok(added)
    }

    /// Adds many active memberships in one transaction (demo and bulk set-up); existing
    /// memberships are left as they are.
    pub async fn add_node_memberships(
        &self,
        memberships: &[(NodeId, MemberId)],
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to add memberships")?;
        for (node, member) in memberships {
            sqlx::query(
                "INSERT INTO node_members (node_id, member_id, role, status, created_at)
                 VALUES ($1, $2, 'member', 'active', $3) ON CONFLICT (node_id, member_id) DO NOTHING",
            )
            .bind(node.to_string())
            .bind(member.to_string())
            .bind(now.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("adding a membership")?;
        }
        tx.commit().await.describe("committing memberships")
    }

    /// Turns a pending request into a membership.
    ///
    /// # Errors
    /// `NotFound` when there is no pending request.
    pub async fn approve_node_request(
        &self,
        node: NodeId,
        member: MemberId,
        steward: MemberId,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting an approval")?;
        let done = sqlx::query(
            "UPDATE node_members SET status = 'active', created_at = $3
             WHERE node_id = $1 AND member_id = $2 AND status = 'requested'",
        )
        .bind(node.to_string())
        .bind(member.to_string())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("approving a request")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        insert_event(
            &mut tx,
            node,
            Some(steward),
            Some(member),
            "approved",
            true,
            now,
        )
        .await?;
        tx.commit().await.describe("committing an approval")
    }

    /// Removes a member or a request (leaving, declining, removing). Refuses to remove the
    /// last steward, so a node always has one.
    ///
    /// # Errors
    /// `NotFound` when they have no standing; `Conflict(LastSteward)`.
    pub async fn remove_node_member(
        &self,
        node: NodeId,
        member: MemberId,
        actor: MemberId,
        kind: &'static str,
        by_steward: bool,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting a removal")?;
        if !keep_a_steward(&mut tx, node, member).await? {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM node_members WHERE node_id = $1 AND member_id = $2")
            .bind(node.to_string())
            .bind(member.to_string())
            .execute(&mut *tx)
            .await
            .describe("removing a node member")?;
        insert_event(
            &mut tx,
            node,
            Some(actor),
            Some(member),
            kind,
            by_steward,
            now,
        )
        .await?;
        tx.commit().await.describe("committing a removal")
    }

    /// Bans a member or requester from a node: their membership ends and they cannot join,
    /// ask or accept an invitation again. Never the last steward.
    ///
    /// # Errors
    /// `Conflict(LastSteward)`.
    pub async fn ban_node_member(
        &self,
        node: NodeId,
        member: MemberId,
        steward: MemberId,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting a ban")?;
        keep_a_steward(&mut tx, node, member).await?;
        sqlx::query(
            "INSERT INTO node_members (node_id, member_id, role, status, created_at)
             VALUES ($1, $2, 'member', 'banned', $3)
             ON CONFLICT (node_id, member_id) DO UPDATE SET role = 'member', status = 'banned'",
        )
        .bind(node.to_string())
        .bind(member.to_string())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("banning a member")?;
        insert_event(
            &mut tx,
            node,
            Some(steward),
            Some(member),
            "banned",
            true,
            now,
        )
        .await?;
        tx.commit().await.describe("committing a ban")
    }

    /// Makes an active member a steward, or a steward a plain member (never the last one).
    ///
    /// # Errors
    /// `NotFound` when they are not an active member; `Conflict(LastSteward)`.
    pub async fn set_node_steward(
        &self,
        node: NodeId,
        member: MemberId,
        steward: bool,
        actor: MemberId,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting a role change")?;
        if !steward && count_stewards(&mut tx, node).await? <= 1 {
            return Err(StoreError::Conflict(Constraint::LastSteward));
        }
        let done = sqlx::query(
            "UPDATE node_members SET role = $3 WHERE node_id = $1 AND member_id = $2 AND status = 'active'",
        )
        .bind(node.to_string())
        .bind(member.to_string())
        .bind(if steward { "steward" } else { "member" })
        .execute(&mut *tx)
        .await
        .describe("changing a role")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let kind = if steward {
            "steward_added"
        } else {
            "steward_removed"
        };
        insert_event(&mut tx, node, Some(actor), Some(member), kind, true, now).await?;
        tx.commit().await.describe("committing a role change")
    }

    /// A page of a node's members (or pending requests) with their role, by join time.
    pub async fn list_node_members(
        &self,
        node: NodeId,
        requested: bool,
        limit: u32,
        offset: u32,
    ) -> StoreResult<Vec<(MemberId, bool)>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT member_id, role FROM node_members WHERE node_id = $1 AND status = $2
             ORDER BY created_at, member_id LIMIT $3 OFFSET $4",
        )
        .bind(node.to_string())
        .bind(if requested { "requested" } else { "active" })
        .bind(i64::from(limit))
        .bind(i64::from(offset))
        .fetch_all(&self.read)
        .await
        .describe("listing node members")?;
        rows.into_iter()
            .map(|(id, role)| {
                Ok((
                    id.parse().map_err(|_| corrupt("member_id"))?,
                    role == "steward",
                ))
            })
            .collect()
    }
}

/// Whether `member` has a standing in the node, refusing with `Conflict(LastSteward)` when
/// they are its only steward (taking them out would leave the node without one).
async fn keep_a_steward(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    node: NodeId,
    member: MemberId,
) -> StoreResult<bool> {
    let role: Option<String> =
        sqlx::query_scalar("SELECT role FROM node_members WHERE node_id = $1 AND member_id = $2")
            .bind(node.to_string())
            .bind(member.to_string())
            .fetch_optional(&mut **tx)
            .await
            .describe("reading a membership")?;
    if role.as_deref() == Some("steward") && count_stewards(tx, node).await? <= 1 {
        return Err(StoreError::Conflict(Constraint::LastSteward));
    }
    Ok(role.is_some())
}

/// The standing a membership row's role and status stand for (no row: an outsider).
pub(super) fn standing_from(role: Option<&str>, status: Option<&str>) -> Standing {
    match (role, status) {
        (_, Some("requested")) => Standing::Requested,
        (_, Some("banned")) => Standing::Banned,
        (Some("steward"), Some(_)) => Standing::Steward,
        (Some(_), Some(_)) => Standing::Member,
        _ => Standing::Outsider,
    }
}
