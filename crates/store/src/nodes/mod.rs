//! Nodes of practice and their activity; who belongs to them is in `membership`.

mod membership;

use praxis_domain::ids::{MemberId, NodeId, OrganizationId};
use praxis_domain::nodes::{JoinPolicy, NodeFields, NodeKind, NodeVisibility, Standing};
use praxis_domain::timestamps::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row as _};

use crate::library::follow_node_visibility;
use crate::search_changes::{ChangedEntity, record_change};
use crate::{Describe as _, Store, StoreError, StoreResult, corrupt, flag};

/// A stored node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeRecord {
    /// The node's id.
    pub id: NodeId,
    /// Its parent, if nested.
    pub parent_id: Option<NodeId>,
    /// Its fields.
    pub fields: NodeFields,
    /// A member's proposal waiting for a network admin.
    pub is_proposed: bool,
    /// The organization hosting it, if any.
    pub organization_id: Option<OrganizationId>,
    /// When it was created.
    pub created_at: Timestamp,
}

/// Which nodes a listing may include.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeScope {
    /// Public nodes only (visitors).
    PublicOnly,
    /// Public and members-only nodes, and secret nodes the member belongs to.
    MemberView(MemberId),
}

/// One event of a node's activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeEvent {
    /// What happened: `created`, `joined`, `requested`, `approved`, `declined`, `left`,
    /// `removed`, `steward_added`, `steward_removed`, `child_created`, `edited`.
    pub kind: String,
    /// Who did it (absent once their account is deleted).
    pub actor_id: Option<MemberId>,
    /// Whom it concerned.
    pub subject_id: Option<MemberId>,
    /// True when a steward acted in that role (the stewards' log).
    pub by_steward: bool,
    /// When.
    pub at: Timestamp,
}

const NODE_COLUMNS: &str = "node_id, parent_id, slug, name, kind, description, languages, visibility, \
     join_policy, safety, status, organization_id, created_at";

fn visible_clause(scope: NodeScope) -> (&'static str, String) {
    match scope {
        NodeScope::PublicOnly => (
            "(visibility = 'public' AND status = 'active' AND node_id <> $1)",
            String::new(),
        ),
        // A proposal is seen by its proposer, who is its steward.
        NodeScope::MemberView(id) => (
            "((status = 'active' AND visibility IN ('public', 'members')) OR EXISTS (SELECT 1 FROM node_members nm
                WHERE nm.node_id = nodes.node_id AND nm.member_id = $1 AND nm.status = 'active'))",
            id.to_string(),
        ),
    }
}

impl Store {
    /// Creates a node with its creator as its first steward, in one transaction.
    ///
    /// # Errors
    /// `Conflict(NodeSlugTaken)` when the slug is in use; `NotFound` for an unknown parent.
    pub async fn create_node(
        &self,
        id: NodeId,
        parent: Option<NodeId>,
        fields: &NodeFields,
        creator: MemberId,
        now: Timestamp,
    ) -> StoreResult<()> {
        self.create_node_with_status(id, parent, fields, creator, false, now)
            .await
    }

    /// Creates a node, or a proposal waiting for a network admin when `proposed`.
    ///
    /// # Errors
    /// As [`Store::create_node`].
    pub async fn create_node_with_status(
        &self,
        id: NodeId,
        parent: Option<NodeId>,
        fields: &NodeFields,
        creator: MemberId,
        proposed: bool,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to create a node")?;
        if let Some(parent) = parent {
            let exists: Option<String> =
                sqlx::query_scalar("SELECT node_id FROM nodes WHERE node_id = $1")
                    .bind(parent.to_string())
                    .fetch_optional(&mut *tx)
                    .await
                    .describe("finding a parent node")?;
            if exists.is_none() {
                return Err(StoreError::NotFound);
            }
        }
        sqlx::query(
            "INSERT INTO nodes (node_id, parent_id, slug, name, kind, description, languages,
                visibility, join_policy, safety, status, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12, $11, $11)",
        )
        .bind(id.to_string())
        .bind(parent.map(|p| p.to_string()))
        .bind(&fields.slug)
        .bind(&fields.name)
        .bind(fields.kind.code())
        .bind(&fields.description)
        .bind(fields.languages.join(","))
        .bind(fields.visibility.code())
        .bind(fields.join_policy.code())
        .bind(i64::from(fields.safety))
        .bind(now.unix_ms())
        .bind(if proposed { "proposed" } else { "active" })
        .execute(&mut *tx)
        .await
        .describe("inserting a node")?;
        sqlx::query(
            "INSERT INTO node_members (node_id, member_id, role, status, created_at)
             VALUES ($1, $2, 'steward', 'active', $3)",
        )
        .bind(id.to_string())
        .bind(creator.to_string())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("making the creator a steward")?;
        insert_event(&mut tx, id, Some(creator), None, "created", true, now).await?;
        record_change(&mut tx, ChangedEntity::Node, &id.to_string(), now).await?;
        if let Some(parent) = parent {
            insert_event(
                &mut tx,
                parent,
                Some(creator),
                None,
                "child_created",
                false,
                now,
            )
            .await?;
        }
        tx.commit().await.describe("committing a new node")
    }

    /// Replaces a node's fields and records the edit in the stewards' log.
    ///
    /// # Errors
    /// `Conflict(NodeSlugTaken)` when the new slug is in use.
    pub async fn update_node(
        &self,
        id: NodeId,
        fields: &NodeFields,
        actor: MemberId,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting a node edit")?;
        let done = sqlx::query(
            "UPDATE nodes SET slug = $2, name = $3, kind = $4, description = $5, languages = $6,
                visibility = $7, join_policy = $8, safety = $9, updated_at = $10
             WHERE node_id = $1",
        )
        .bind(id.to_string())
        .bind(&fields.slug)
        .bind(&fields.name)
        .bind(fields.kind.code())
        .bind(&fields.description)
        .bind(fields.languages.join(","))
        .bind(fields.visibility.code())
        .bind(fields.join_policy.code())
        .bind(i64::from(fields.safety))
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("updating a node")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        insert_event(&mut tx, id, Some(actor), None, "edited", true, now).await?;
        record_change(&mut tx, ChangedEntity::Node, &id.to_string(), now).await?;
        follow_node_visibility(&mut tx, id, fields.visibility.code(), now).await?;
        crate::workshops::follow_node_visibility(&mut tx, id, fields.visibility.code()).await?;
        crate::organizing::follow_node_visibility(&mut tx, id, now).await?;
        tx.commit().await.describe("committing a node edit")
    }

    /// Proposed nodes waiting for a network admin, oldest first.
    pub async fn list_proposed_nodes(&self, limit: u32) -> StoreResult<Vec<NodeRecord>> {
        let sql = format!(
            "SELECT {NODE_COLUMNS} FROM nodes WHERE status = 'proposed' ORDER BY created_at, node_id LIMIT $1"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing proposed nodes")?;
        rows.iter().map(node_from_row).collect()
    }

    /// Accepts a proposed node; it becomes an ordinary node.
    ///
    /// # Errors
    /// `NotFound` when the node is not a proposal.
    pub async fn approve_proposed_node(
        &self,
        id: NodeId,
        admin: MemberId,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting an approval")?;
        let done = sqlx::query("UPDATE nodes SET status = 'active', updated_at = $2 WHERE node_id = $1 AND status = 'proposed'")
            .bind(id.to_string())
            .bind(now.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("approving a node")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        insert_event(&mut tx, id, Some(admin), None, "approved_node", false, now).await?;
        record_change(&mut tx, ChangedEntity::Node, &id.to_string(), now).await?;
        tx.commit().await.describe("committing an approval")
    }

    /// Deletes a proposed node (declined by an admin) with its memberships and events.
    ///
    /// # Errors
    /// `NotFound` when the node is not a proposal.
    pub async fn delete_proposed_node(&self, id: NodeId) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM nodes WHERE node_id = $1 AND status = 'proposed'")
            .bind(id.to_string())
            .execute(&self.write)
            .await
            .describe("declining a node")?;
        if done.rows_affected() == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// Sets (or clears) the organization hosting a node, logged as a steward action.
    pub async fn set_node_organization(
        &self,
        node: NodeId,
        org: Option<OrganizationId>,
        actor: MemberId,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to set a host")?;
        sqlx::query("UPDATE nodes SET organization_id = $2, updated_at = $3 WHERE node_id = $1")
            .bind(node.to_string())
            .bind(org.map(|o| o.to_string()))
            .bind(now.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("setting a host")?;
        insert_event(&mut tx, node, Some(actor), None, "edited", true, now).await?;
        tx.commit().await.describe("committing a host")
    }

    /// The nodes an organization hosts that the scope allows, by name.
    pub async fn list_organization_nodes(
        &self,
        org: OrganizationId,
        scope: NodeScope,
        limit: u32,
    ) -> StoreResult<Vec<NodeRecord>> {
        let (clause, viewer) = visible_clause(scope);
        let sql = format!(
            "SELECT {NODE_COLUMNS} FROM nodes WHERE organization_id = $2 AND {clause} ORDER BY name, node_id LIMIT $3"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(viewer)
            .bind(org.to_string())
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing an organization's nodes")?;
        rows.iter().map(node_from_row).collect()
    }

    /// The node with this slug.
    pub async fn find_node_by_slug(&self, slug: &str) -> StoreResult<Option<NodeRecord>> {
        let sql = format!("SELECT {NODE_COLUMNS} FROM nodes WHERE slug = $1");
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(slug)
            .fetch_optional(&self.read)
            .await
            .describe("finding a node")?;
        row.as_ref().map(node_from_row).transpose()
    }

    /// The node with this id (when `key` is one) or slug, with the member's standing in it, in
    /// one query whether or not the node exists — so a node the member may not know about
    /// costs what a missing one does. Proposals too: callers apply the rules.
    pub async fn find_node_with_standing(
        &self,
        key: &str,
        member: Option<MemberId>,
    ) -> StoreResult<Option<(NodeRecord, Standing)>> {
        let by = if key.parse::<NodeId>().is_ok() {
            "n.node_id"
        } else {
            "n.slug"
        };
        let columns = NODE_COLUMNS
            .split(", ")
            .map(|c| format!("n.{}", c.trim()))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT {columns}, nm.role AS member_role, nm.status AS member_status
             FROM nodes n LEFT JOIN node_members nm ON nm.node_id = n.node_id AND nm.member_id = $2
             WHERE {by} = $1"
        );
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(key)
            .bind(member.map(|m| m.to_string()).unwrap_or_default())
            .fetch_optional(&self.read)
            .await
            .describe("finding a node with a standing")?;
        let Some(row) = row else {
            return Ok(None);
        };
        let role: Option<String> = row.try_get("member_role").describe("member_role")?;
        let status: Option<String> = row.try_get("member_status").describe("member_status")?;
        let standing = membership::standing_from(role.as_deref(), status.as_deref());
        Ok(Some((node_from_row(&row)?, standing)))
    }

    /// These nodes (proposals too: callers apply the rules), in no order.
    pub async fn nodes_by_ids(&self, ids: &[NodeId]) -> StoreResult<Vec<NodeRecord>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = (1..=ids.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!("SELECT {NODE_COLUMNS} FROM nodes WHERE node_id IN ({placeholders})");
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for id in ids {
            query = query.bind(id.to_string());
        }
        let rows = query
            .fetch_all(&self.read)
            .await
            .describe("loading nodes")?;
        rows.iter().map(node_from_row).collect()
    }

    /// Up to `limit` active nodes by id after `after`: for rebuilding the search index.
    pub async fn nodes_after(
        &self,
        after: Option<NodeId>,
        limit: u32,
    ) -> StoreResult<Vec<NodeRecord>> {
        let sql = format!(
            "SELECT {NODE_COLUMNS} FROM nodes WHERE node_id > $1 AND status = 'active'
             ORDER BY node_id LIMIT $2"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(after.map(|a| a.to_string()).unwrap_or_default())
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("reading nodes to index")?;
        rows.iter().map(node_from_row).collect()
    }

    /// The node with this id.
    pub async fn get_node(&self, id: NodeId) -> StoreResult<NodeRecord> {
        let sql = format!("SELECT {NODE_COLUMNS} FROM nodes WHERE node_id = $1");
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading a node")?
            .ok_or(StoreError::NotFound)?;
        node_from_row(&row)
    }

    /// The node's ancestors the scope allows, from the root down (one recursive query).
    pub async fn list_node_ancestors(
        &self,
        id: NodeId,
        scope: NodeScope,
    ) -> StoreResult<Vec<NodeRecord>> {
        let (clause, viewer) = visible_clause(scope);
        let sql = format!(
            "WITH RECURSIVE chain (node_id, parent_id, depth) AS (
                SELECT node_id, parent_id, 0 FROM nodes WHERE node_id = $2
                UNION ALL
                SELECT n.node_id, n.parent_id, c.depth + 1 FROM nodes n JOIN chain c ON n.node_id = c.parent_id
                WHERE c.depth < 64)
             SELECT {NODE_COLUMNS} FROM nodes
             WHERE node_id IN (SELECT node_id FROM chain WHERE depth > 0) AND {clause}
             ORDER BY (SELECT depth FROM chain WHERE chain.node_id = nodes.node_id) DESC"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(viewer)
            .bind(id.to_string())
            .fetch_all(&self.read)
            .await
            .describe("listing ancestors")?;
        rows.iter().map(node_from_row).collect()
    }

    /// A page of the nodes directly under `parent` (top-level nodes for `None`) that the scope
    /// allows, by name, starting after `after` (a name and id).
    pub async fn list_child_nodes(
        &self,
        parent: Option<NodeId>,
        scope: NodeScope,
        after: Option<(&str, NodeId)>,
        limit: u32,
    ) -> StoreResult<Vec<NodeRecord>> {
        let (clause, viewer) = visible_clause(scope);
        let parent_clause = if parent.is_some() {
            "parent_id = $2"
        } else {
            "parent_id IS NULL AND $2 = ''"
        };
        let sql = format!(
            "SELECT {NODE_COLUMNS} FROM nodes
             WHERE {parent_clause} AND {clause} AND (name, node_id) > ($3, $4)
             ORDER BY name, node_id LIMIT $5"
        );
        let (after_name, after_id) = after.map_or((String::new(), String::new()), |(n, id)| {
            (n.to_owned(), id.to_string())
        });
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(viewer)
            .bind(parent.map(|p| p.to_string()).unwrap_or_default())
            .bind(after_name)
            .bind(after_id)
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing nodes")?;
        rows.iter().map(node_from_row).collect()
    }

    /// The nodes a member actively belongs to that the scope allows. Nodes with the safety
    /// setting are left out unless `include_safety` (for the member's own data export): their
    /// membership never shows on a profile.
    pub async fn list_member_nodes(
        &self,
        member: MemberId,
        scope: NodeScope,
        include_safety: bool,
        limit: u32,
    ) -> StoreResult<Vec<NodeRecord>> {
        let (clause, viewer) = visible_clause(scope);
        let safety = if include_safety { "" } else { "safety = 0 AND" };
        let sql = format!(
            "SELECT {NODE_COLUMNS} FROM nodes
             WHERE {safety} {clause} AND node_id IN (
                SELECT node_id FROM node_members WHERE member_id = $2 AND status = 'active')
             ORDER BY name, node_id LIMIT $3"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(viewer)
            .bind(member.to_string())
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing a member's nodes")?;
        rows.iter().map(node_from_row).collect()
    }

    /// The node's latest events, newest first; only steward actions when `stewards_log`.
    pub async fn list_node_events(
        &self,
        node: NodeId,
        stewards_log: bool,
        limit: u32,
    ) -> StoreResult<Vec<NodeEvent>> {
        let rows = sqlx::query(
            "SELECT kind, actor_id, subject_id, by_steward, created_at FROM node_events
             WHERE node_id = $1 AND (by_steward = 1 OR $2 = 0)
             ORDER BY created_at DESC, event_id DESC LIMIT $3",
        )
        .bind(node.to_string())
        .bind(i64::from(stewards_log))
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await
        .describe("listing node events")?;
        rows.iter()
            .map(|r| {
                let actor: Option<String> = r.try_get("actor_id").describe("actor_id")?;
                let subject: Option<String> = r.try_get("subject_id").describe("subject_id")?;
                let by_steward: i64 = r.try_get("by_steward").describe("by_steward")?;
                let at: i64 = r.try_get("created_at").describe("created_at")?;
                Ok(NodeEvent {
                    kind: r.try_get("kind").describe("kind")?,
                    actor_id: actor.and_then(|a| a.parse().ok()),
                    subject_id: subject.and_then(|s| s.parse().ok()),
                    by_steward: flag(by_steward),
                    at: Timestamp::from_unix_ms(at),
                })
            })
            .collect()
    }
}

pub(super) async fn count_stewards(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    node: NodeId,
) -> StoreResult<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM node_members WHERE node_id = $1 AND role = 'steward' AND status = 'active'")
        .bind(node.to_string())
        .fetch_one(&mut **tx)
        .await
        .describe("counting stewards")
}

pub(super) async fn insert_event(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    node: NodeId,
    actor: Option<MemberId>,
    subject: Option<MemberId>,
    kind: &'static str,
    by_steward: bool,
    now: Timestamp,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO node_events (event_id, node_id, actor_id, subject_id, kind, by_steward, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(node.to_string())
    .bind(actor.map(|a| a.to_string()))
    .bind(subject.map(|s| s.to_string()))
    .bind(kind)
    .bind(i64::from(by_steward))
    .bind(now.unix_ms())
    .execute(&mut **tx)
    .await
    .describe("recording a node event")
    .map(|_| ())
}

fn node_from_row(row: &AnyRow) -> StoreResult<NodeRecord> {
    let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
    let parent: Option<String> = row.try_get("parent_id").describe("parent_id")?;
    let safety: i64 = row.try_get("safety").describe("safety")?;
    let created: i64 = row.try_get("created_at").describe("created_at")?;
    let languages = text("languages")?;
    Ok(NodeRecord {
        id: text("node_id")?.parse().map_err(|_| corrupt("node_id"))?,
        parent_id: parent
            .map(|p| p.parse().map_err(|_| corrupt("parent_id")))
            .transpose()?,
        fields: NodeFields {
            name: text("name")?,
            slug: text("slug")?,
            kind: NodeKind::from_code(&text("kind")?).ok_or_else(|| corrupt("kind"))?,
            description: text("description")?,
            languages: languages
                .split(',')
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            visibility: NodeVisibility::from_code(&text("visibility")?)
                .ok_or_else(|| corrupt("visibility"))?,
            join_policy: JoinPolicy::from_code(&text("join_policy")?)
                .ok_or_else(|| corrupt("join_policy"))?,
            safety: flag(safety),
        },
        is_proposed: text("status")? == "proposed",
        organization_id: {
            let org: Option<String> = row.try_get("organization_id").describe("organization_id")?;
            org.map(|o| o.parse().map_err(|_| corrupt("organization_id")))
                .transpose()?
        },
        created_at: Timestamp::from_unix_ms(created),
    })
}
