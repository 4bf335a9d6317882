//! Commitments between members, and the path each took.

use praxis_domain::commitments::{CommitmentFields, CommitmentStatus, transition};
use praxis_domain::ids::{CampaignId, CommitmentId, MemberId, OneOnOneId, SessionId, WorkshopId};
use praxis_domain::timestamps::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row as _};

use crate::workshops::TAKES_PART;
use crate::{Describe as _, Store, StoreError, StoreResult, corrupt};

/// A stored commitment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentRecord {
    /// Its id.
    pub id: CommitmentId,
    /// Who asked (absent once their account is gone).
    pub asker: Option<(MemberId, String)>,
    /// Who was asked.
    pub asked: (MemberId, String),
    /// What and by when.
    pub fields: CommitmentFields,
    /// Where it came from, in the asker's words.
    pub context: String,
    /// Where it stands.
    pub status: CommitmentStatus,
    /// The campaign it serves, with its title.
    pub campaign: Option<(CampaignId, String)>,
    /// The event or meeting where it was made.
    pub made_at: Option<MadeAt>,
}

/// The event or meeting where a commitment was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MadeAt {
    /// A session of a workshop.
    Session {
        /// The session.
        id: SessionId,
        /// Its workshop.
        workshop_id: WorkshopId,
        /// The workshop's title.
        workshop_title: String,
        /// The session's day (YYYY-MM-DD).
        date: String,
        /// The practice it taught (a code, empty when none).
        module: String,
    },
    /// A one-on-one from its author's log.
    OneOnOne {
        /// The one-on-one.
        id: OneOnOneId,
        /// Who logged it.
        author_id: MemberId,
        /// Whom they met.
        with_name: String,
        /// When (YYYY-MM-DD).
        met_on: String,
    },
}

/// An event or meeting a member may tie a commitment to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionChoice {
    /// The session.
    pub id: SessionId,
    /// Its workshop.
    pub workshop_id: WorkshopId,
    /// The workshop's title.
    pub workshop_title: String,
    /// Its day.
    pub date: String,
    /// The practice it taught (a code, empty when none).
    pub module: String,
}

/// Where a new commitment belongs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CommitmentLinks {
    /// The campaign it serves.
    pub campaign: Option<CampaignId>,
    /// The session where it was made.
    pub session: Option<SessionId>,
    /// The one-on-one where it was made.
    pub one_on_one: Option<OneOnOneId>,
}

/// Where one kind of reminder is kept: its table, id, member, date and which rows qualify.
#[derive(Clone, Copy)]
struct Reminders {
    table: &'static str,
    id: &'static str,
    member: &'static str,
    date: &'static str,
    only: &'static str,
}

const COMMITMENT_REMINDERS: Reminders = Reminders {
    table: "commitments",
    id: "commitment_id",
    member: "asked_id",
    date: "due",
    only: "status = 'agreed' AND",
};

const FOLLOW_UP_REMINDERS: Reminders = Reminders {
    table: "one_on_ones",
    id: "one_on_one_id",
    member: "author_id",
    date: "follow_up",
    only: "",
};

const SELECT: &str = "SELECT c.commitment_id, c.asker_id, a.display_name AS asker_name, \
     c.asked_id, b.display_name AS asked_name, c.what, c.due, c.context, c.status, \
     c.campaign_id, k.title AS campaign_title, c.session_id, s.workshop_id, \
     w.title AS workshop_title, s.starts_on, s.module, c.one_on_one_id, \
     o.author_id AS one_on_one_author, o.with_name, o.met_on \
     FROM commitments c LEFT JOIN members a ON a.member_id = c.asker_id \
     JOIN members b ON b.member_id = c.asked_id \
     LEFT JOIN campaigns k ON k.campaign_id = c.campaign_id \
     LEFT JOIN workshop_sessions s ON s.session_id = c.session_id \
     LEFT JOIN workshops w ON w.workshop_id = s.workshop_id \
     LEFT JOIN one_on_ones o ON o.one_on_one_id = c.one_on_one_id";

fn from_row(row: &AnyRow) -> StoreResult<CommitmentRecord> {
    let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
    let opt = |c: &'static str| -> StoreResult<Option<String>> { row.try_get(c).describe(c) };
    let made_at = match (opt("session_id")?, opt("one_on_one_id")?) {
        (Some(session), _) => Some(MadeAt::Session {
            id: session.parse().map_err(|_| corrupt("session_id"))?,
            workshop_id: text("workshop_id")?
                .parse()
                .map_err(|_| corrupt("workshop_id"))?,
            workshop_title: text("workshop_title")?,
            date: text("starts_on")?,
            module: text("module")?,
        }),
        (None, Some(o)) => Some(MadeAt::OneOnOne {
            id: o.parse().map_err(|_| corrupt("one_on_one_id"))?,
            author_id: text("one_on_one_author")?
                .parse()
                .map_err(|_| corrupt("one_on_one_author"))?,
            with_name: text("with_name")?,
            met_on: text("met_on")?,
        }),
        (None, None) => None,
    };
    let campaign = match opt("campaign_id")? {
        Some(c) => Some((
            c.parse().map_err(|_| corrupt("campaign_id"))?,
            text("campaign_title")?,
        )),
        None => None,
    };
    Ok(CommitmentRecord {
        id: text("commitment_id")?
            .parse()
            .map_err(|_| corrupt("commitment_id"))?,
        asker: match (opt("asker_id")?, opt("asker_name")?) {
            (Some(a), Some(n)) => Some((a.parse().map_err(|_| corrupt("asker_id"))?, n)),
            _ => None,
        },
        asked: (
            text("asked_id")?.parse().map_err(|_| corrupt("asked_id"))?,
            text("asked_name")?,
        ),
        fields: CommitmentFields {
            what: text("what")?,
            due: text("due")?,
        },
        context: text("context")?,
        status: CommitmentStatus::from_code(&text("status")?).ok_or_else(|| corrupt("status"))?,
        campaign,
        made_at,
    })
}

impl Store {
    /// Records a new commitment (asked).
    #[expect(
        clippy::too_many_arguments,
        reason = "one commitment, every part named"
    )]
    pub async fn create_commitment(
        &self,
        id: CommitmentId,
        asker: MemberId,
        asked: MemberId,
        f: &CommitmentFields,
        context: &str,
        links: CommitmentLinks,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting a commitment")?;
        sqlx::query(
            "INSERT INTO commitments (commitment_id, asker_id, asked_id, what, due, context, status,
                created_at, updated_at, campaign_id, session_id, one_on_one_id)
             VALUES ($1, $2, $3, $4, $5, $6, 'asked', $7, $7, $8, $9, $10)",
        )
        .bind(id.to_string())
        .bind(asker.to_string())
        .bind(asked.to_string())
        .bind(&f.what)
        .bind(&f.due)
        .bind(context)
        .bind(now.unix_ms())
        .bind(links.campaign.map(|c| c.to_string()))
        .bind(links.session.map(|c| c.to_string()))
        .bind(links.one_on_one.map(|c| c.to_string()))
        .execute(&mut *tx)
        .await
        .describe("inserting a commitment")?;
        sqlx::query("INSERT INTO commitment_events (commitment_id, status, by_id, at) VALUES ($1, 'asked', $2, $3)")
            .bind(id.to_string())
            .bind(asker.to_string())
            .bind(now.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("recording the ask")?;
        tx.commit().await.describe("committing a commitment")
    }

    /// One commitment.
    pub async fn get_commitment(&self, id: CommitmentId) -> StoreResult<Option<CommitmentRecord>> {
        let sql = format!("{SELECT} WHERE c.commitment_id = $1");
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading a commitment")?;
        row.as_ref().map(from_row).transpose()
    }

    /// The commitments a member asked for or was asked for, by due date (at most `limit`).
    pub async fn member_commitments(
        &self,
        member: MemberId,
        limit: u32,
    ) -> StoreResult<Vec<CommitmentRecord>> {
        let sql = format!(
            "{SELECT}
             WHERE c.asker_id = $1 OR c.asked_id = $1 ORDER BY c.due, c.commitment_id LIMIT $2"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(member.to_string())
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing commitments")?;
        rows.iter().map(from_row).collect()
    }

    /// One side of a member's commitments — those they asked for (`asker`) or were asked for —
    /// by due date, after a keyset cursor (due, id), at most `limit`.
    pub async fn commitments_page(
        &self,
        member: MemberId,
        asker: bool,
        after: Option<(String, CommitmentId)>,
        limit: u32,
    ) -> StoreResult<Vec<CommitmentRecord>> {
        let side = if asker { "c.asker_id" } else { "c.asked_id" };
        let (due, id) = after.map_or((String::new(), String::new()), |(d, i)| (d, i.to_string()));
        let sql = format!(
            "{SELECT}
             WHERE {side} = $1 AND ($2 = '' OR c.due > $2 OR (c.due = $2 AND c.commitment_id > $3))
             ORDER BY c.due, c.commitment_id LIMIT $4"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(member.to_string())
            .bind(due)
            .bind(id)
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing a page of commitments")?;
        rows.iter().map(from_row).collect()
    }

    /// What a member asked for that is still open (asked or agreed) and due on or before
    /// `until` (YYYY-MM-DD), soonest first (the first 100).
    pub async fn commitment_follow_ups(
        &self,
        member: MemberId,
        until: &str,
    ) -> StoreResult<Vec<CommitmentRecord>> {
        let sql = format!(
            "{SELECT}
             WHERE c.asker_id = $1 AND c.status IN ('asked', 'agreed') AND c.due <= $2
             ORDER BY c.due, c.commitment_id LIMIT 100"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(member.to_string())
            .bind(until)
            .fetch_all(&self.read)
            .await
            .describe("listing follow-ups")?;
        rows.iter().map(from_row).collect()
    }

    /// Sessions of the workshops a member takes part in (as staff or an accepted applicant),
    /// held between `from` and `to` (YYYY-MM-DD), latest first (at most `limit`) — or only the
    /// session `only`, if it is one of them.
    pub async fn member_sessions(
        &self,
        member: MemberId,
        from: &str,
        to: &str,
        only: Option<SessionId>,
        limit: u32,
    ) -> StoreResult<Vec<SessionChoice>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT s.session_id, w.workshop_id, w.title, s.starts_on, s.module
             FROM workshop_sessions s JOIN workshops w ON w.workshop_id = s.workshop_id
             WHERE ($4 <> '' OR s.starts_on BETWEEN $2 AND $3) AND ($4 = '' OR s.session_id = $4)
               AND {TAKES_PART}
             ORDER BY s.starts_on DESC, s.starts_at DESC, s.session_id LIMIT $5"
        )))
        .bind(member.to_string())
        .bind(from)
        .bind(to)
        .bind(only.map(|s| s.to_string()).unwrap_or_default())
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await
        .describe("listing a member's sessions")?;
        rows.iter()
            .map(|row| {
                let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
                Ok(SessionChoice {
                    id: text("session_id")?
                        .parse()
                        .map_err(|_| corrupt("session_id"))?,
                    workshop_id: text("workshop_id")?
                        .parse()
                        .map_err(|_| corrupt("workshop_id"))?,
                    workshop_title: text("title")?,
                    date: text("starts_on")?,
                    module: text("module")?,
                })
            })
            .collect()
    }

    /// A member's own one-on-ones held on or after `since` (YYYY-MM-DD), latest first (at most
    /// `limit`): id, whom, when.
    pub async fn recent_one_on_ones(
        &self,
        author: MemberId,
        since: &str,
        limit: u32,
    ) -> StoreResult<Vec<(OneOnOneId, String, String)>> {
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT one_on_one_id, with_name, met_on FROM one_on_ones
             WHERE author_id = $1 AND met_on >= $2
             ORDER BY met_on DESC, one_on_one_id DESC LIMIT $3",
        )
        .bind(author.to_string())
        .bind(since)
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await
        .describe("listing recent one-on-ones")?;
        rows.into_iter()
            .map(|(id, with, on)| Ok((id.parse().map_err(|_| corrupt("one_on_one_id"))?, with, on)))
            .collect()
    }

    /// Claims up to `limit` agreed commitments due between `from` and `until` (YYYY-MM-DD) whose
    /// member was not yet reminded, marking them reminded; two processes never claim the same
    /// one. Returns each with the member asked.
    pub async fn claim_commitment_reminders(
        &self,
        from: &str,
        until: &str,
        now: Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<(CommitmentId, MemberId)>> {
        self.claim_reminders(&COMMITMENT_REMINDERS, from, until, now, limit)
            .await
    }

    /// Claims up to `limit` one-on-ones whose follow-up falls between `from` and `until`
    /// (YYYY-MM-DD) and whose author was not yet reminded, marking them reminded. Returns each
    /// with its author.
    pub async fn claim_follow_up_reminders(
        &self,
        from: &str,
        until: &str,
        now: Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<(OneOnOneId, MemberId)>> {
        self.claim_reminders(&FOLLOW_UP_REMINDERS, from, until, now, limit)
            .await
    }

    /// Claims due rows of one kind of reminder in one transaction: each row is marked only if
    /// no other process marked it first, and only for members who want reminders.
    async fn claim_reminders<I: std::str::FromStr>(
        &self,
        kind: &Reminders,
        from: &str,
        until: &str,
        now: Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<(I, MemberId)>> {
        let Reminders {
            table,
            id,
            member,
            date,
            only,
        } = *kind;
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting the reminders")?;
        let due: Vec<(String, String)> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {id}, {member} FROM {table}
             WHERE {only} {date} >= $1 AND {date} <= $2 AND reminded_at IS NULL
               AND EXISTS (SELECT 1 FROM members m WHERE m.member_id = {member} AND m.reminders = 1)
             ORDER BY {date}, {id} LIMIT $3"
        )))
        .bind(from)
        .bind(until)
        .bind(i64::from(limit))
        .fetch_all(&mut *tx)
        .await
        .describe("finding what to remind of")?;
        let mark =
            format!("UPDATE {table} SET reminded_at = $2 WHERE {id} = $1 AND reminded_at IS NULL");
        let mut claimed = Vec::with_capacity(due.len());
        for (row, who) in due {
            let done = sqlx::query(AssertSqlSafe(mark.clone()))
                .bind(&row)
                .bind(now.unix_ms())
                .execute(&mut *tx)
                .await
                .describe("marking a reminder")?;
            if done.rows_affected() == 1 {
                claimed.push((
                    row.parse().map_err(|_| corrupt(id))?,
                    who.parse().map_err(|_| corrupt(member))?,
                ));
            }
        }
        tx.commit().await.describe("committing the reminders")?;
        Ok(claimed)
    }

    /// Whether a member wants reminder mail.
    pub async fn reminders_on(&self, member: MemberId) -> StoreResult<bool> {
        let on: Option<i64> =
            sqlx::query_scalar("SELECT reminders FROM members WHERE member_id = $1")
                .bind(member.to_string())
                .fetch_optional(&self.read)
                .await
                .describe("reading the reminder setting")?;
        Ok(on.ok_or(StoreError::NotFound)? == 1)
    }

    /// Turns a member's reminder mail on or off.
    pub async fn set_reminders(&self, member: MemberId, on: bool) -> StoreResult<()> {
        sqlx::query("UPDATE members SET reminders = $2 WHERE member_id = $1")
            .bind(member.to_string())
            .bind(i64::from(on))
            .execute(&self.write)
            .await
            .describe("saving the reminder setting")?;
        Ok(())
    }

    /// How many of what a member asked for stand at each status.
    pub async fn asked_status_counts(
        &self,
        member: MemberId,
    ) -> StoreResult<Vec<(CommitmentStatus, u64)>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT status, COUNT(*) FROM commitments WHERE asker_id = $1 GROUP BY status",
        )
        .bind(member.to_string())
        .fetch_all(&self.read)
        .await
        .describe("counting commitments")?;
        rows.into_iter()
            .map(|(s, n)| {
                Ok((
                    CommitmentStatus::from_code(&s).ok_or_else(|| corrupt("status"))?,
                    u64::try_from(n).unwrap_or(0),
                ))
            })
            .collect()
    }

    /// Moves a commitment to a new status, checked against its current one in the same
    /// transaction (two people moving it at once cannot both win).
    ///
    /// The inner result says why a move is refused (nothing is written then).
    ///
    /// # Errors
    /// `NotFound` for a missing commitment.
    pub async fn move_commitment(
        &self,
        id: CommitmentId,
        to: CommitmentStatus,
        by: MemberId,
        now: Timestamp,
    ) -> StoreResult<Result<(), praxis_domain::commitments::TransitionError>> {
        let mut tx = self.write.begin().await.describe("starting a move")?;
        let current: Option<String> =
            sqlx::query_scalar("SELECT status FROM commitments WHERE commitment_id = $1")
                .bind(id.to_string())
                .fetch_optional(&mut *tx)
                .await
                .describe("reading a commitment")?;
        let current = CommitmentStatus::from_code(&current.ok_or(StoreError::NotFound)?)
            .ok_or_else(|| corrupt("status"))?;
        if let Err(e) = transition(current, to) {
            return Ok(Err(e));
        }
        sqlx::query("UPDATE commitments SET status = $2, updated_at = $3 WHERE commitment_id = $1")
            .bind(id.to_string())
            .bind(to.code())
            .bind(now.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("moving a commitment")?;
        sqlx::query("INSERT INTO commitment_events (commitment_id, status, by_id, at) VALUES ($1, $2, $3, $4)")
            .bind(id.to_string())
            .bind(to.code())
            .bind(by.to_string())
            .bind(now.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("recording a move")?;
        tx.commit().await.describe("committing a move")?;
        Ok(Ok(()))
    }
}
