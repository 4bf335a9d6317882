//! Members: accounts (email, password hash, flags) and profiles.

mod listing;

use praxis_domain::ids::MemberId;
use praxis_domain::members::credentials::Email;
use praxis_domain::members::profile::{
    Availability, Level, Practice, Profile, Role, Visibility, search_terms,
};
use praxis_domain::timestamps::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row as _};

use crate::search_changes::{ChangedEntity, record_change};
use crate::{Describe as _, Store, StoreError, StoreResult, corrupt, dialect, flag};

/// What is needed to create a member.
#[derive(Debug, Clone)]
pub struct NewMember {
    /// The new member's id.
    pub id: MemberId,
    /// Their (unique) email address.
    pub email: Email,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// Their starting profile.
    pub profile: Profile,
    /// True when the address is already known to work (accounts made by an admin).
    pub email_verified: bool,
    /// True to make them a network admin (the first member always becomes one).
    pub make_admin: bool,
    /// When they joined.
    pub created_at: Timestamp,
}

/// A member's sign-in data and flags.
#[derive(Debug, Clone)]
pub struct Account {
    /// The member.
    pub id: MemberId,
    /// Their email address.
    pub email: Email,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// True once they followed a verification link.
    pub email_verified: bool,
    /// A network admin.
    pub is_admin: bool,
    /// The interface language they chose, if any.
    pub ui_language: Option<String>,
}

/// A member's account and profile together.
#[derive(Debug, Clone)]
pub struct MemberRecord {
    /// Sign-in data and flags.
    pub account: Account,
    /// The profile.
    pub profile: Profile,
    /// When they joined.
    pub created_at: Timestamp,
}

/// One profile in a list, with the id of its owner.
#[derive(Debug, Clone)]
pub struct ProfileSummary {
    /// The member.
    pub id: MemberId,
    /// Their profile.
    pub profile: Profile,
}

/// Which profiles a listing may include.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListScope {
    /// Only public profiles (for visitors who are not signed in).
    PublicOnly,
    /// Public and members-only profiles (for members), plus the viewer's own.
    MembersOf(MemberId),
}

const ACCOUNT_COLUMNS: &str =
    "member_id, email, password_hash, email_verified_at, is_admin, ui_language";
const PROFILE_COLUMNS: &str = "member_id, display_name, bio, time_zone, available_to_coach, \
     available_to_mentor, capacity, visibility, created_at";

impl Store {
    /// Creates a member with their profile; returns whether they became a network admin.
    ///
    /// # Errors
    /// `Conflict(MemberEmailTaken)` when the address is in use.
    pub async fn create_member(&self, new: &NewMember) -> StoreResult<bool> {
        let created = self.create_members(std::slice::from_ref(new)).await?;
        Ok(created.first().copied().unwrap_or(false))
    }

    /// Creates several members in one transaction (all or none); returns, for each, whether
    /// they became a network admin. Imports and the demo use it: one commit instead of one
    /// per member.
    ///
    /// # Errors
    /// `Conflict(MemberEmailTaken)` when any address is in use (nothing is created).
    pub async fn create_members(&self, members: &[NewMember]) -> StoreResult<Vec<bool>> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to create members")?;
        let Some(first_new) = members.first() else {
            return Ok(Vec::new());
        };
        // Exactly one process ever inserts this flag, so exactly one member becomes the
        // first admin even when two sign up at the same moment.
        let first: Option<String> = sqlx::query_scalar(
            "INSERT INTO instance_flags (flag, created_at) VALUES ('first_admin', $1)
             ON CONFLICT (flag) DO NOTHING RETURNING flag",
        )
        .bind(first_new.created_at.unix_ms())
        .fetch_optional(&mut *tx)
        .await
        .describe("claiming the first admin")?;
        let mut admins = Vec::with_capacity(members.len());
        for (i, new) in members.iter().enumerate() {
            let is_admin = new.make_admin || (i == 0 && first.is_some());
            let p = &new.profile;
            sqlx::query(
                "INSERT INTO members (member_id, email, password_hash, email_verified_at, is_admin,
                    display_name, bio, time_zone, available_to_coach, available_to_mentor, capacity,
                    visibility, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)",
            )
            .bind(new.id.to_string())
            .bind(new.email.as_str())
            .bind(&new.password_hash)
            .bind(new.email_verified.then_some(new.created_at.unix_ms()))
            .bind(i64::from(is_admin))
            .bind(&p.display_name)
            .bind(&p.bio)
            .bind(p.time_zone.clone())
            .bind(i64::from(p.availability.coach))
            .bind(i64::from(p.availability.mentor))
            .bind(i64::from(p.availability.capacity))
            .bind(p.visibility.code())
            .bind(new.created_at.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("inserting a member")?;
            write_profile_lists(&mut tx, new.id, p).await?;
            record_change(
                &mut tx,
                ChangedEntity::Member,
                &new.id.to_string(),
                new.created_at,
            )
            .await?;
            admins.push(is_admin);
        }
        tx.commit().await.describe("committing new members")?;
        Ok(admins)
    }

    /// The account with this address, if any.
    pub async fn find_account_by_email(&self, email: &Email) -> StoreResult<Option<Account>> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM members WHERE email = $1");
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(email.as_str())
            .fetch_optional(&self.read)
            .await
            .describe("finding an account by email")?;
        row.as_ref().map(account_from_row).transpose()
    }

    /// The account of a member.
    pub async fn get_account(&self, id: MemberId) -> StoreResult<Account> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM members WHERE member_id = $1");
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading an account")?
            .ok_or(StoreError::NotFound)?;
        account_from_row(&row)
    }

    /// A member's account and display name in one query (what every signed-in request needs).
    pub async fn get_account_and_name(&self, id: MemberId) -> StoreResult<(Account, String)> {
        let sql =
            format!("SELECT {ACCOUNT_COLUMNS}, display_name FROM members WHERE member_id = $1");
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading an account")?
            .ok_or(StoreError::NotFound)?;
        Ok((account_from_row(&row)?, text(&row, "display_name")?))
    }

    /// The live session with this hash with its member's account and name, in one query (every
    /// signed-in request asks for it).
    pub async fn find_session_account(
        &self,
        session_hash: &str,
        now: Timestamp,
    ) -> StoreResult<Option<(crate::sessions::SessionRecord, Account, String)>> {
        let row = sqlx::query(
            "SELECT s.expires_at, m.member_id, m.email, m.password_hash, m.email_verified_at,
                m.is_admin, m.ui_language, m.display_name
             FROM sessions s JOIN members m ON m.member_id = s.member_id
             WHERE s.session_hash = $1 AND s.expires_at > $2",
        )
        .bind(session_hash)
        .bind(now.unix_ms())
        .fetch_optional(&self.read)
        .await
        .describe("finding a session")?;
        let Some(row) = row else {
            return Ok(None);
        };
        let account = account_from_row(&row)?;
        let expires: i64 = row.try_get("expires_at").describe("expires_at")?;
        Ok(Some((
            crate::sessions::SessionRecord {
                member_id: account.id,
                expires_at: Timestamp::from_unix_ms(expires),
            },
            account,
            text(&row, "display_name")?,
        )))
    }

    /// A member's account and full profile.
    pub async fn get_member(&self, id: MemberId) -> StoreResult<MemberRecord> {
        let sql = self.profile_query(
            ", email, password_hash, email_verified_at, is_admin, ui_language",
            "WHERE member_id = $1",
        );
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading a member")?
            .ok_or(StoreError::NotFound)?;
        let (created_at, profile) = profile_from_row(&row)?;
        Ok(MemberRecord {
            account: account_from_row(&row)?,
            profile,
            created_at,
        })
    }

    /// Replaces a member's profile.
    pub async fn update_profile(
        &self,
        id: MemberId,
        p: &Profile,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting a profile update")?;
        let done = sqlx::query(
            "UPDATE members SET display_name = $2, bio = $3, time_zone = $4,
                available_to_coach = $5, available_to_mentor = $6, capacity = $7,
                visibility = $8, updated_at = $9
             WHERE member_id = $1",
        )
        .bind(id.to_string())
        .bind(&p.display_name)
        .bind(&p.bio)
        .bind(p.time_zone.clone())
        .bind(i64::from(p.availability.coach))
        .bind(i64::from(p.availability.mentor))
        .bind(i64::from(p.availability.capacity))
        .bind(p.visibility.code())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("updating a profile")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM member_practices WHERE member_id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await
            .describe("clearing practices")?;
        sqlx::query("DELETE FROM member_tags WHERE member_id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await
            .describe("clearing tags")?;
        sqlx::query("DELETE FROM member_terms WHERE member_id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await
            .describe("clearing search words")?;
        write_profile_lists(&mut tx, id, p).await?;
        record_change(&mut tx, ChangedEntity::Member, &id.to_string(), now).await?;
        tx.commit().await.describe("committing a profile update")
    }

    /// Records that the member proved they read mail at their address.
    pub async fn mark_email_verified(&self, id: MemberId, now: Timestamp) -> StoreResult<()> {
        sqlx::query(
            "UPDATE members SET email_verified_at = COALESCE(email_verified_at, $2), updated_at = $2
             WHERE member_id = $1",
        )
        .bind(id.to_string())
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("marking an email verified")
        .map(|_| ())
    }

    /// Sets a new password hash and, in the same transaction, ends every session of the
    /// member except `keep_session` (the hash of the session that made the change, if any).
    pub async fn set_password(
        &self,
        id: MemberId,
        password_hash: &str,
        keep_session: Option<&str>,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting a password change")?;
        sqlx::query("UPDATE members SET password_hash = $2, updated_at = $3 WHERE member_id = $1")
            .bind(id.to_string())
            .bind(password_hash)
            .bind(now.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("setting a password")?;
        sqlx::query("DELETE FROM sessions WHERE member_id = $1 AND session_hash <> $2")
            .bind(id.to_string())
            .bind(keep_session.unwrap_or(""))
            .execute(&mut *tx)
            .await
            .describe("ending other sessions")?;
        end_credentials(&mut tx, id, now).await?;
        tx.commit().await.describe("committing a password change")
    }

    /// Moves a member to a new address (verified by the caller's link) and leaves the old
    /// address an undo link (`undo_token_hash`, until `undo_expires_at`); reset links sent to
    /// the old address stop working — all in one transaction. Returns the old address.
    ///
    /// # Errors
    /// `Conflict(MemberEmailTaken)` when another member has the address; `NotFound` for no
    /// such member.
    pub async fn change_email(
        &self,
        id: MemberId,
        email: &Email,
        undo_token_hash: &str,
        undo_expires_at: Timestamp,
        now: Timestamp,
    ) -> StoreResult<Email> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting an email change")?;
        let old: String = sqlx::query_scalar("SELECT email FROM members WHERE member_id = $1")
            .bind(id.to_string())
            .fetch_optional(&mut *tx)
            .await
            .describe("reading an address")?
            .ok_or(StoreError::NotFound)?;
        sqlx::query(
            "UPDATE members SET email = $2, email_verified_at = $3, updated_at = $3
             WHERE member_id = $1",
        )
        .bind(id.to_string())
        .bind(email.as_str())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("changing an email address")?;
        sqlx::query(
            "UPDATE email_tokens SET used_at = $2
             WHERE member_id = $1 AND purpose IN ('reset_password', 'verify_email')
               AND used_at IS NULL",
        )
        .bind(id.to_string())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("voiding links sent to the old address")?;
        sqlx::query(
            "INSERT INTO email_tokens (token_hash, member_id, purpose, new_email, created_at, expires_at)
             VALUES ($1, $2, 'undo_email_change', $3, $4, $5)",
        )
        .bind(undo_token_hash)
        .bind(id.to_string())
        .bind(&old)
        .bind(now.unix_ms())
        .bind(undo_expires_at.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("storing an undo link")?;
        tx.commit().await.describe("committing an email change")?;
        Email::parse(&old).map_err(|_| corrupt("email"))
    }

    /// Moves a member back to the address an email change moved them from, and ends every
    /// session, access token and email link of theirs (whoever changed it is out) — in one
    /// transaction.
    ///
    /// # Errors
    /// `Conflict(MemberEmailTaken)` when another member took the address since.
    pub async fn restore_email(
        &self,
        id: MemberId,
        email: &Email,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to restore an address")?;
        sqlx::query(
            "UPDATE members SET email = $2, email_verified_at = $3, updated_at = $3
             WHERE member_id = $1",
        )
        .bind(id.to_string())
        .bind(email.as_str())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("restoring an email address")?;
        sqlx::query("DELETE FROM sessions WHERE member_id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await
            .describe("ending every session")?;
        end_credentials(&mut tx, id, now).await?;
        tx.commit().await.describe("committing an address restored")
    }

    /// Sets (or clears) the member's interface language.
    pub async fn set_ui_language(&self, id: MemberId, language: Option<&str>) -> StoreResult<()> {
        sqlx::query("UPDATE members SET ui_language = $2 WHERE member_id = $1")
            .bind(id.to_string())
            .bind(language)
            .execute(&self.write)
            .await
            .describe("setting the interface language")
            .map(|_| ())
    }

    /// Deletes a member and everything that is theirs (profile, sessions, tokens, links) and
    /// any mail still queued to their address, in one transaction.
    ///
    /// # Errors
    /// `NotFound` when there is no such member.
    pub async fn delete_member(&self, id: MemberId) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to delete a member")?;
        let email: Option<String> =
            sqlx::query_scalar("SELECT email FROM members WHERE member_id = $1")
                .bind(id.to_string())
                .fetch_optional(&mut *tx)
                .await
                .describe("finding a member to delete")?;
        let email = email.ok_or(StoreError::NotFound)?;
        // Whatever names their address goes too: queued mail and requests, invitations
        // stewards and trainers sent them, roster files waiting to be imported.
        for sql in [
            "DELETE FROM outbox WHERE recipient = $1",
            "DELETE FROM account_requests WHERE email = $1",
            "DELETE FROM node_invitations WHERE email = $1",
            "DELETE FROM workshop_invitations WHERE email = $1",
            "UPDATE roster_imports SET content = '', status = CASE WHEN status = 'checked'
                THEN 'failed' ELSE status END
             WHERE content LIKE '%' || $1 || '%'",
        ] {
            sqlx::query(sql)
                .bind(&email)
                .execute(&mut *tx)
                .await
                .describe("deleting what names a deleted address")?;
        }
        // Sessions, tokens, links, practices and tags go with the member (ON DELETE CASCADE).
        sqlx::query("DELETE FROM members WHERE member_id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await
            .describe("deleting a member")?;
        record_change(
            &mut tx,
            ChangedEntity::Member,
            &id.to_string(),
            Timestamp::from_unix_ms(crate::now_ms()),
        )
        .await?;
        tx.commit().await.describe("committing a deletion")?;
        self.forget_deleted_bytes().await
    }

    /// On SQLite, moves the write-ahead log into the database file and empties it, so deleted
    /// rows (overwritten there: `secure_delete` is on) leave no copy on disk. Nothing to do on
    /// PostgreSQL, whose vacuum reclaims them.
    pub async fn forget_deleted_bytes(&self) -> StoreResult<()> {
        if let Some(sql) = dialect::checkpoint(self.backend) {
            sqlx::query(sql)
                .execute(&self.write)
                .await
                .describe("checkpointing the log")?;
        }
        Ok(())
    }

    /// How many members the instance has.
    pub async fn count_members(&self) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM members")
            .fetch_one(&self.read)
            .await
            .describe("counting members")
    }

    /// A query for profiles with their lists folded into two text columns, so a page of
    /// profiles is one query and one row per member.
    pub(crate) fn profile_query(&self, extra_columns: &str, rest: &str) -> String {
        let tags = dialect::ordered_lines(self.backend, "t.kind || ':' || t.value", "t.position");
        let practices = dialect::ordered_lines(
            self.backend,
            "p.practice || ':' || CAST(p.level AS TEXT)",
            "p.practice",
        );
        format!(
            "SELECT {PROFILE_COLUMNS}{extra_columns},
                (SELECT {tags} FROM member_tags t WHERE t.member_id = members.member_id) AS tag_lines,
                (SELECT {practices} FROM member_practices p WHERE p.member_id = members.member_id)
                    AS practice_lines
             FROM members {rest}"
        )
    }
}

async fn write_profile_lists(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: MemberId,
    p: &Profile,
) -> StoreResult<()> {
    let mut texts: Vec<&str> = vec![&p.display_name];
    texts.extend(p.regions.iter().map(String::as_str));
    texts.extend(p.domains.iter().map(String::as_str));
    texts.push(&p.bio);
    let terms = search_terms(&texts);
    if !terms.is_empty() {
        // One statement for all the words: a profile has up to 300.
        let values = (0..terms.len())
            .map(|i| format!("($1, ${})", i + 2))
            .collect::<Vec<_>>()
            .join(", ");
        let mut query = sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO member_terms (member_id, term) VALUES {values}"
        )))
        .bind(id.to_string());
        for term in terms {
            query = query.bind(term);
        }
        query
            .execute(&mut **tx)
            .await
            .describe("saving search words")?;
    }
    for (practice, level) in &p.practices {
        sqlx::query(
            "INSERT INTO member_practices (member_id, practice, level) VALUES ($1, $2, $3)",
        )
        .bind(id.to_string())
        .bind(practice.code())
        .bind(i64::from(level.value()))
        .execute(&mut **tx)
        .await
        .describe("saving a practice")?;
    }
    let tags = p
        .roles
        .iter()
        .map(|r| ("role", r.code().to_owned()))
        .chain(p.domains.iter().map(|d| ("domain", d.clone())))
        .chain(p.regions.iter().map(|r| ("region", r.clone())))
        .chain(p.languages.iter().map(|l| ("language", l.clone())));
    for (position, (kind, value)) in tags.enumerate() {
        sqlx::query(
            "INSERT INTO member_tags (member_id, kind, value, value_key, position)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id.to_string())
        .bind(kind)
        .bind(value.clone())
        .bind(value.to_lowercase())
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .execute(&mut **tx)
        .await
        .describe("saving a tag")?;
    }
    Ok(())
}

pub(crate) fn text(row: &AnyRow, column: &'static str) -> StoreResult<String> {
    row.try_get(column).describe(column)
}

fn account_from_row(row: &AnyRow) -> StoreResult<Account> {
    let verified: Option<i64> = row
        .try_get("email_verified_at")
        .describe("email_verified_at")?;
    let is_admin: i64 = row.try_get("is_admin").describe("is_admin")?;
    Ok(Account {
        id: text(row, "member_id")?
            .parse()
            .map_err(|_| corrupt("member_id"))?,
        email: Email::parse(&text(row, "email")?).map_err(|_| corrupt("email"))?,
        password_hash: text(row, "password_hash")?,
        email_verified: verified.is_some(),
        is_admin: flag(is_admin),
        ui_language: row.try_get("ui_language").describe("ui_language")?,
    })
}

pub(crate) fn profile_from_row(row: &AnyRow) -> StoreResult<(Timestamp, Profile)> {
    let mut profile = Profile::new(text(row, "display_name")?);
    profile.bio = text(row, "bio")?;
    profile.time_zone = row.try_get("time_zone").describe("time_zone")?;
    let coach: i64 = row
        .try_get("available_to_coach")
        .describe("available_to_coach")?;
    let mentor: i64 = row
        .try_get("available_to_mentor")
        .describe("available_to_mentor")?;
    let capacity: i64 = row.try_get("capacity").describe("capacity")?;
    profile.availability = Availability {
        coach: flag(coach),
        mentor: flag(mentor),
        capacity: u8::try_from(capacity).map_err(|_| corrupt("capacity"))?,
    };
    profile.visibility =
        Visibility::from_code(&text(row, "visibility")?).ok_or_else(|| corrupt("visibility"))?;
    let practice_lines: Option<String> =
        row.try_get("practice_lines").describe("practice_lines")?;
    for line in practice_lines.as_deref().unwrap_or_default().lines() {
        let (code, level) = line.split_once(':').ok_or_else(|| corrupt("practice"))?;
        let practice = Practice::from_code(code).ok_or_else(|| corrupt("practice"))?;
        let level = level
            .parse()
            .ok()
            .and_then(Level::new)
            .ok_or_else(|| corrupt("level"))?;
        profile.practices.push((practice, level));
    }
    profile.practices.sort();
    let tag_lines: Option<String> = row.try_get("tag_lines").describe("tag_lines")?;
    // Tags cannot hold control characters (the domain refuses them), so lines are safe.
    for line in tag_lines.as_deref().unwrap_or_default().lines() {
        let (kind, value) = line.split_once(':').ok_or_else(|| corrupt("tag"))?;
        let value = value.to_owned();
        match kind {
            "role" => profile
                .roles
                .push(Role::from_code(&value).ok_or_else(|| corrupt("role"))?),
            "domain" => profile.domains.push(value),
            "region" => profile.regions.push(value),
            "language" => profile.languages.push(value),
            _ => return Err(corrupt("tag kind")),
        }
    }
    let created_at: i64 = row.try_get("created_at").describe("created_at")?;
    Ok((Timestamp::from_unix_ms(created_at), profile))
}

/// Ends a member's access tokens and every email link not yet used (a password reset or
/// change, an address restored: whoever held them is out).
async fn end_credentials(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: MemberId,
    now: Timestamp,
) -> StoreResult<()> {
    sqlx::query("DELETE FROM access_tokens WHERE member_id = $1")
        .bind(id.to_string())
        .execute(&mut **tx)
        .await
        .describe("revoking access tokens")?;
    sqlx::query("UPDATE email_tokens SET used_at = $2 WHERE member_id = $1 AND used_at IS NULL")
        .bind(id.to_string())
        .bind(now.unix_ms())
        .execute(&mut **tx)
        .await
        .describe("voiding email links")?;
    Ok(())
}
