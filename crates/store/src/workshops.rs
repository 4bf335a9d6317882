//! Workshops, their staff and sessions.

use praxis_domain::ids::{MemberId, NodeId, SessionId, WorkshopId};
use praxis_domain::library::ItemScope;
use praxis_domain::members::profile::{Practice, Viewer};
use praxis_domain::timestamps::Timestamp;
use praxis_domain::workshops::{SessionFields, StaffRole, WorkshopFields, WorkshopFormat};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe, Row as _};

use crate::library::{ItemReach, reach_for};
use crate::{Describe as _, Store, StoreError, StoreResult, corrupt};

/// A stored workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopRecord {
    /// Its id.
    pub id: WorkshopId,
    /// Its fields.
    pub fields: WorkshopFields,
    /// The node it belongs to, if any.
    pub node_id: Option<NodeId>,
    /// Who may see it, kept in step with its node.
    pub reach: ItemReach,
    /// When it was created.
    pub created_at: Timestamp,
}

/// A stored session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    /// Its id.
    pub id: SessionId,
    /// Its fields.
    pub fields: SessionFields,
}

/// A member on a workshop's staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    /// The member.
    pub member_id: MemberId,
    /// Their display name.
    pub display_name: String,
    /// Their role.
    pub role: StaffRole,
}

const COLUMNS: &str = "w.workshop_id, w.node_id, w.title, w.description, w.modules, w.languages, \
     w.format, w.place, w.time_zone, w.participant_capacity, w.coach_capacity, \
     w.applications_open, w.applications_close, w.scope, w.reach, w.created_at";

fn lines(text: &str) -> Vec<String> {
    text.split('\n')
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn modules_text(modules: &[Practice]) -> String {
    modules
        .iter()
        .map(|p| p.code())
        .collect::<Vec<_>>()
        .join("\n")
}

/// SQL true when the member bound as `$1` takes part in the workshop aliased `w`: on its staff,
/// or an accepted applicant.
pub(crate) const TAKES_PART: &str = "(EXISTS (SELECT 1 FROM workshop_staff st
        WHERE st.workshop_id = w.workshop_id AND st.member_id = $1)
    OR EXISTS (SELECT 1 FROM workshop_applications ap
        WHERE ap.workshop_id = w.workshop_id AND ap.member_id = $1 AND ap.status = 'accepted'))";

impl Store {
    /// Creates a workshop with its creator as lead trainer, in one transaction.
    ///
    /// # Errors
    /// `NotFound` for a missing node.
    pub async fn create_workshop(
        &self,
        id: WorkshopId,
        f: &WorkshopFields,
        node: Option<NodeId>,
        creator: MemberId,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting a workshop")?;
        let reach = reach_for(&mut tx, f.scope, node).await?;
        sqlx::query(
            "INSERT INTO workshops (workshop_id, node_id, title, description, modules, languages,
                format, place, time_zone, participant_capacity, coach_capacity, applications_open,
                applications_close, scope, reach, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)",
        )
        .bind(id.to_string())
        .bind(node.map(|n| n.to_string()))
        .bind(&f.title)
        .bind(&f.description)
        .bind(modules_text(&f.modules))
        .bind(f.languages.join("\n"))
        .bind(f.format.code())
        .bind(&f.place)
        .bind(&f.time_zone)
        .bind(i64::from(f.participant_capacity))
        .bind(i64::from(f.coach_capacity))
        .bind(f.applications_open.clone())
        .bind(f.applications_close.clone())
        .bind(f.scope.code())
        .bind(reach.code())
        .bind(creator.to_string())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("inserting a workshop")?;
        add_staff(&mut tx, id, creator, StaffRole::LeadTrainer, now).await?;
        tx.commit().await.describe("committing a workshop")
    }

    /// Replaces a workshop's fields.
    ///
    /// # Errors
    /// `NotFound` for a missing workshop or node.
    pub async fn update_workshop(
        &self,
        id: WorkshopId,
        f: &WorkshopFields,
        node: Option<NodeId>,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting a workshop edit")?;
        let reach = reach_for(&mut tx, f.scope, node).await?;
        let done = sqlx::query(
            "UPDATE workshops SET node_id = $2, title = $3, description = $4, modules = $5,
                languages = $6, format = $7, place = $8, time_zone = $9, participant_capacity = $10,
                coach_capacity = $11, applications_open = $12, applications_close = $13,
                scope = $14, reach = $15, updated_at = $16
             WHERE workshop_id = $1",
        )
        .bind(id.to_string())
        .bind(node.map(|n| n.to_string()))
        .bind(&f.title)
        .bind(&f.description)
        .bind(modules_text(&f.modules))
        .bind(f.languages.join("\n"))
        .bind(f.format.code())
        .bind(&f.place)
        .bind(&f.time_zone)
        .bind(i64::from(f.participant_capacity))
        .bind(i64::from(f.coach_capacity))
        .bind(f.applications_open.clone())
        .bind(f.applications_close.clone())
        .bind(f.scope.code())
        .bind(reach.code())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("updating a workshop")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await.describe("committing a workshop edit")
    }

    /// The workshop with this id.
    pub async fn get_workshop(&self, id: WorkshopId) -> StoreResult<Option<WorkshopRecord>> {
        let sql = format!("SELECT {COLUMNS} FROM workshops w WHERE w.workshop_id = $1");
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading a workshop")?;
        row.as_ref().map(workshop_from_row).transpose()
    }

    /// A page of the workshops the viewer may see, newest first, optionally of one node, after
    /// `after` (creation time and id of the previous page's last).
    pub async fn list_workshops(
        &self,
        viewer: Viewer,
        node: Option<NodeId>,
        after: Option<(Timestamp, WorkshopId)>,
        limit: u32,
    ) -> StoreResult<Vec<WorkshopRecord>> {
        let visible = match viewer {
            Viewer::Anonymous => "w.reach = 'public' AND w.workshop_id <> $1",
            Viewer::Member(_) => {
                "(w.reach IN ('public', 'members') OR (w.reach = 'node' AND EXISTS (
                    SELECT 1 FROM node_members nm WHERE nm.node_id = w.node_id
                    AND nm.member_id = $1 AND nm.status = 'active')))"
            }
        };
        let member = match viewer {
            Viewer::Anonymous => String::new(),
            Viewer::Member(id) => id.to_string(),
        };
        let sql = format!(
            "SELECT {COLUMNS} FROM workshops w
             WHERE {visible} AND ($2 = '' OR w.node_id = $2)
               AND (w.created_at, w.workshop_id) < ($3, $4)
             ORDER BY w.created_at DESC, w.workshop_id DESC LIMIT $5"
        );
        // Without a cursor, a time later than any row lets every row through.
        let (at, id) = after.map_or((i64::MAX, String::new()), |(t, id)| {
            (t.unix_ms(), id.to_string())
        });
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(member)
            .bind(node.map(|n| n.to_string()).unwrap_or_default())
            .bind(at)
            .bind(id)
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing workshops")?;
        rows.iter().map(workshop_from_row).collect()
    }

    /// The workshop's staff, by role then name.
    pub async fn list_workshop_staff(&self, id: WorkshopId) -> StoreResult<Vec<StaffMember>> {
        let rows = sqlx::query(
            "SELECT s.member_id, s.role, m.display_name FROM workshop_staff s
             JOIN members m ON m.member_id = s.member_id
             WHERE s.workshop_id = $1 ORDER BY s.role, m.display_name LIMIT 500",
        )
        .bind(id.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing staff")?;
        rows.iter()
            .map(|row| {
                let member: String = row.try_get("member_id").describe("member_id")?;
                let role: String = row.try_get("role").describe("role")?;
                Ok(StaffMember {
                    member_id: member.parse().map_err(|_| corrupt("member_id"))?,
                    display_name: row.try_get("display_name").describe("display_name")?,
                    role: StaffRole::from_code(&role).ok_or_else(|| corrupt("role"))?,
                })
            })
            .collect()
    }

    /// The member's roles on the workshop's staff.
    pub async fn workshop_roles(
        &self,
        id: WorkshopId,
        member: MemberId,
    ) -> StoreResult<Vec<StaffRole>> {
        let roles: Vec<String> = sqlx::query_scalar(
            "SELECT role FROM workshop_staff WHERE workshop_id = $1 AND member_id = $2",
        )
        .bind(id.to_string())
        .bind(member.to_string())
        .fetch_all(&self.read)
        .await
        .describe("reading staff roles")?;
        roles
            .iter()
            .map(|r| StaffRole::from_code(r).ok_or_else(|| corrupt("role")))
            .collect()
    }

    /// Gives a member a role on the staff (nothing when they have it).
    pub async fn add_workshop_staff(
        &self,
        id: WorkshopId,
        member: MemberId,
        role: StaffRole,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting to add staff")?;
        add_staff(&mut tx, id, member, role, now).await?;
        tx.commit().await.describe("committing staff")
    }

    /// Takes a role away; never the last lead trainer's.
    ///
    /// # Errors
    /// `NotFound` when they do not have it; `Conflict(LastSteward)` for the last lead trainer.
    pub async fn remove_workshop_staff(
        &self,
        id: WorkshopId,
        member: MemberId,
        role: StaffRole,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to remove staff")?;
        if role == StaffRole::LeadTrainer {
            let leads: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM workshop_staff WHERE workshop_id = $1 AND role = 'lead_trainer'",
            )
            .bind(id.to_string())
            .fetch_one(&mut *tx)
            .await
            .describe("counting lead trainers")?;
            if leads <= 1 {
                return Err(StoreError::Conflict(crate::Constraint::LastSteward));
            }
        }
        let done = sqlx::query(
            "DELETE FROM workshop_staff WHERE workshop_id = $1 AND member_id = $2 AND role = $3",
        )
        .bind(id.to_string())
        .bind(member.to_string())
        .bind(role.code())
        .execute(&mut *tx)
        .await
        .describe("removing staff")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await.describe("committing a staff removal")
    }

    /// Adds a session.
    pub async fn add_workshop_session(
        &self,
        workshop: WorkshopId,
        id: SessionId,
        f: &SessionFields,
        now: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO workshop_sessions (session_id, workshop_id, starts_on, starts_at,
                duration_minutes, module, location, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id.to_string())
        .bind(workshop.to_string())
        .bind(&f.date)
        .bind(&f.start)
        .bind(i64::from(f.duration_minutes))
        .bind(f.module.map(|m| m.code()).unwrap_or_default())
        .bind(&f.location)
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("adding a session")?;
        Ok(())
    }

    /// The workshop's sessions in time order (at most 500).
    pub async fn list_workshop_sessions(
        &self,
        workshop: WorkshopId,
    ) -> StoreResult<Vec<SessionRecord>> {
        let rows = sqlx::query(
            "SELECT session_id, starts_on, starts_at, duration_minutes, module, location
             FROM workshop_sessions WHERE workshop_id = $1
             ORDER BY starts_on, starts_at, session_id LIMIT 500",
        )
        .bind(workshop.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing sessions")?;
        rows.iter()
            .map(|row| {
                let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
                let module = text("module")?;
                let duration: i64 = row
                    .try_get("duration_minutes")
                    .describe("duration_minutes")?;
                Ok(SessionRecord {
                    id: text("session_id")?
                        .parse()
                        .map_err(|_| corrupt("session_id"))?,
                    fields: SessionFields {
                        date: text("starts_on")?,
                        start: text("starts_at")?,
                        duration_minutes: u32::try_from(duration)
                            .map_err(|_| corrupt("duration"))?,
                        module: if module.is_empty() {
                            None
                        } else {
                            Some(Practice::from_code(&module).ok_or_else(|| corrupt("module"))?)
                        },
                        location: text("location")?,
                    },
                })
            })
            .collect()
    }

    /// Removes a session.
    ///
    /// # Errors
    /// `NotFound` when the workshop has no such session.
    pub async fn remove_workshop_session(
        &self,
        workshop: WorkshopId,
        id: SessionId,
    ) -> StoreResult<()> {
        let done =
            sqlx::query("DELETE FROM workshop_sessions WHERE workshop_id = $1 AND session_id = $2")
                .bind(workshop.to_string())
                .bind(id.to_string())
                .execute(&self.write)
                .await
                .describe("removing a session")?;
        if done.rows_affected() == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }
}

async fn add_staff(
    conn: &mut AnyConnection,
    id: WorkshopId,
    member: MemberId,
    role: StaffRole,
    now: Timestamp,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO workshop_staff (workshop_id, member_id, role, created_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (workshop_id, member_id, role) DO NOTHING",
    )
    .bind(id.to_string())
    .bind(member.to_string())
    .bind(role.code())
    .bind(now.unix_ms())
    .execute(conn)
    .await
    .describe("adding staff")?;
    Ok(())
}

/// Brings the reach of a node's node-scoped workshops in line with the node's visibility.
pub(crate) async fn follow_node_visibility(
    conn: &mut AnyConnection,
    node: NodeId,
    visibility: &str,
) -> StoreResult<()> {
    let reach = match visibility {
        "public" => "public",
        "members" => "members",
        _ => "node",
    };
    sqlx::query("UPDATE workshops SET reach = $2 WHERE node_id = $1 AND scope = 'node'")
        .bind(node.to_string())
        .bind(reach)
        .execute(conn)
        .await
        .describe("updating who may see a node's workshops")?;
    Ok(())
}

fn workshop_from_row(row: &AnyRow) -> StoreResult<WorkshopRecord> {
    let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
    let optional = |c: &'static str| -> StoreResult<Option<String>> { row.try_get(c).describe(c) };
    let participants: i64 = row
        .try_get("participant_capacity")
        .describe("participant_capacity")?;
    let coaches: i64 = row.try_get("coach_capacity").describe("coach_capacity")?;
    Ok(WorkshopRecord {
        id: text("workshop_id")?
            .parse()
            .map_err(|_| corrupt("workshop_id"))?,
        fields: WorkshopFields {
            title: text("title")?,
            description: text("description")?,
            modules: lines(&text("modules")?)
                .iter()
                .map(|m| Practice::from_code(m).ok_or_else(|| corrupt("modules")))
                .collect::<StoreResult<Vec<_>>>()?,
            languages: lines(&text("languages")?),
            format: WorkshopFormat::from_code(&text("format")?).ok_or_else(|| corrupt("format"))?,
            place: text("place")?,
            time_zone: text("time_zone")?,
            participant_capacity: u32::try_from(participants).map_err(|_| corrupt("capacity"))?,
            coach_capacity: u32::try_from(coaches).map_err(|_| corrupt("capacity"))?,
            applications_open: optional("applications_open")?,
            applications_close: optional("applications_close")?,
            scope: ItemScope::from_code(&text("scope")?).ok_or_else(|| corrupt("scope"))?,
        },
        node_id: optional("node_id")?
            .map(|n| n.parse().map_err(|_| corrupt("node_id")))
            .transpose()?,
        reach: ItemReach::from_code(&text("reach")?).ok_or_else(|| corrupt("reach"))?,
        created_at: Timestamp::from_unix_ms(row.try_get("created_at").describe("created_at")?),
    })
}
