//! Attendance per session and coaching logs (with the record of who read a private note).

use praxis_domain::coaching::{Challenge, LogFields};
use praxis_domain::ids::{LogId, MemberId, SessionId, TeamId, WorkshopId};
use praxis_domain::timestamps::Timestamp;
use sqlx::Row as _;
use sqlx::any::AnyRow;

use crate::{Describe as _, Store, StoreResult, corrupt};

/// A stored coaching log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRecord {
    /// Its id.
    pub id: LogId,
    /// The workshop.
    pub workshop_id: WorkshopId,
    /// The session it follows, if any.
    pub session_id: Option<SessionId>,
    /// Who wrote it.
    pub author_id: Option<MemberId>,
    /// Their name.
    pub author_name: String,
    /// Whom it is about (absent for a team log).
    pub subject_id: Option<MemberId>,
    /// The team it is about (absent for a participant's log).
    pub team_id: Option<TeamId>,
    /// The participant's name, or the team's number.
    pub subject_name: String,
    /// What it says.
    pub fields: LogFields,
    /// When.
    pub created_at: Timestamp,
}

const LOG_COLUMNS: &str = "l.log_id, l.workshop_id, l.session_id, l.author_id, \
     COALESCE(a.display_name, '') AS author_name, l.subject_id, l.team_id, \
     COALESCE(s.display_name, CAST(t.position AS TEXT)) AS subject_name, \
     l.challenge, l.observation, l.diagnosis, l.intervention, l.debrief, l.next_steps, \
     l.next_check_in, l.shared_note, l.private_note, l.created_at";

fn log_from_row(row: &AnyRow) -> StoreResult<LogRecord> {
    let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
    let optional = |c: &'static str| -> StoreResult<Option<String>> { row.try_get(c).describe(c) };
    Ok(LogRecord {
        id: text("log_id")?.parse().map_err(|_| corrupt("log_id"))?,
        workshop_id: text("workshop_id")?
            .parse()
            .map_err(|_| corrupt("workshop_id"))?,
        session_id: optional("session_id")?
            .map(|s| s.parse().map_err(|_| corrupt("session_id")))
            .transpose()?,
        author_id: optional("author_id")?
            .map(|s| s.parse().map_err(|_| corrupt("author_id")))
            .transpose()?,
        author_name: text("author_name")?,
        subject_id: optional("subject_id")?
            .map(|s| s.parse().map_err(|_| corrupt("subject_id")))
            .transpose()?,
        team_id: optional("team_id")?
            .map(|s| s.parse().map_err(|_| corrupt("team_id")))
            .transpose()?,
        subject_name: text("subject_name")?,
        fields: LogFields {
            challenge: Challenge::from_code(&text("challenge")?)
                .ok_or_else(|| corrupt("challenge"))?,
            observation: text("observation")?,
            diagnosis: text("diagnosis")?,
            intervention: text("intervention")?,
            debrief: text("debrief")?,
            next_steps: text("next_steps")?,
            next_check_in: optional("next_check_in")?,
            shared_note: text("shared_note")?,
            private_note: text("private_note")?,
        },
        created_at: Timestamp::from_unix_ms(row.try_get("created_at").describe("created_at")?),
    })
}

impl Store {
    /// Records who was present at a session (replacing earlier marks for these members).
    pub async fn record_attendance(
        &self,
        session: SessionId,
        marks: &[(MemberId, bool)],
        by: MemberId,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting attendance")?;
        for (member, present) in marks {
            sqlx::query(
                "INSERT INTO workshop_attendance (session_id, member_id, present, recorded_by, recorded_at)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (session_id, member_id) DO UPDATE SET present = $3, recorded_by = $4, recorded_at = $5",
            )
            .bind(session.to_string())
            .bind(member.to_string())
            .bind(i64::from(*present))
            .bind(by.to_string())
            .bind(now.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("recording attendance")?;
        }
        tx.commit().await.describe("committing attendance")
    }

    /// The members marked present at a session.
    pub async fn attendance(&self, session: SessionId) -> StoreResult<Vec<(MemberId, bool)>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT member_id, present FROM workshop_attendance WHERE session_id = $1 LIMIT 10000",
        )
        .bind(session.to_string())
        .fetch_all(&self.read)
        .await
        .describe("reading attendance")?;
        rows.into_iter()
            .map(|(m, p)| Ok((m.parse().map_err(|_| corrupt("member_id"))?, p != 0)))
            .collect()
    }

    /// Every attendance mark of the workshop (one query, for exports).
    pub async fn workshop_attendance(
        &self,
        workshop: WorkshopId,
    ) -> StoreResult<Vec<(SessionId, MemberId, bool)>> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT a.session_id, a.member_id, a.present FROM workshop_attendance a
             JOIN workshop_sessions s ON s.session_id = a.session_id WHERE s.workshop_id = $1",
        )
        .bind(workshop.to_string())
        .fetch_all(&self.read)
        .await
        .describe("reading attendance")?;
        rows.into_iter()
            .map(|(s, m, p)| {
                Ok((
                    s.parse().map_err(|_| corrupt("session_id"))?,
                    m.parse().map_err(|_| corrupt("member_id"))?,
                    p != 0,
                ))
            })
            .collect()
    }

    /// Writes a coaching log.
    #[expect(clippy::too_many_arguments, reason = "one log, every part named")]
    pub async fn add_coaching_log(
        &self,
        id: LogId,
        workshop: WorkshopId,
        session: Option<SessionId>,
        author: MemberId,
        about: (Option<MemberId>, Option<TeamId>),
        f: &LogFields,
        now: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO coaching_logs (log_id, workshop_id, session_id, author_id, subject_id,
                team_id, challenge, observation, diagnosis, intervention, debrief, next_steps,
                next_check_in, shared_note, private_note, created_at)
             VALUES ($1, $2, $3, $4, $5, $16, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(id.to_string())
        .bind(workshop.to_string())
        .bind(session.map(|s| s.to_string()))
        .bind(author.to_string())
        .bind(about.0.map(|m| m.to_string()))
        .bind(f.challenge.code())
        .bind(&f.observation)
        .bind(&f.diagnosis)
        .bind(&f.intervention)
        .bind(&f.debrief)
        .bind(&f.next_steps)
        .bind(f.next_check_in.clone())
        .bind(&f.shared_note)
        .bind(&f.private_note)
        .bind(now.unix_ms())
        .bind(about.1.map(|t| t.to_string()))
        .execute(&self.write)
        .await
        .describe("writing a coaching log")?;
        Ok(())
    }

    /// A workshop's logs, newest first (at most `limit`); with `subject`, only those about
    /// that member or a team they are in.
    pub async fn list_coaching_logs(
        &self,
        workshop: WorkshopId,
        subject: Option<MemberId>,
        limit: u32,
    ) -> StoreResult<Vec<LogRecord>> {
        let sql = format!(
            "SELECT {LOG_COLUMNS} FROM coaching_logs l
             LEFT JOIN members a ON a.member_id = l.author_id
             LEFT JOIN members s ON s.member_id = l.subject_id
             LEFT JOIN workshop_teams t ON t.team_id = l.team_id
             WHERE l.workshop_id = $1 AND ($2 = '' OR l.subject_id = $2 OR l.team_id IN (
                SELECT team_id FROM workshop_team_members WHERE member_id = $2))
             ORDER BY l.created_at DESC, l.log_id DESC LIMIT $3"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(workshop.to_string())
            .bind(subject.map(|s| s.to_string()).unwrap_or_default())
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing coaching logs")?;
        rows.iter().map(log_from_row).collect()
    }

    /// One log.
    pub async fn get_coaching_log(&self, id: LogId) -> StoreResult<Option<LogRecord>> {
        let sql = format!(
            "SELECT {LOG_COLUMNS} FROM coaching_logs l
             LEFT JOIN members a ON a.member_id = l.author_id
             LEFT JOIN members s ON s.member_id = l.subject_id
             LEFT JOIN workshop_teams t ON t.team_id = l.team_id
             WHERE l.log_id = $1"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading a coaching log")?;
        row.as_ref().map(log_from_row).transpose()
    }

    /// Records that someone read a log's private note.
    pub async fn record_private_note_read(
        &self,
        log: LogId,
        reader: MemberId,
        now: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO private_note_reads (log_id, reader_id, read_at) VALUES ($1, $2, $3)",
        )
        .bind(log.to_string())
        .bind(reader.to_string())
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("recording a read")?;
        Ok(())
    }

    /// Who read a log's private note and when, newest first.
    pub async fn private_note_reads(&self, log: LogId) -> StoreResult<Vec<(String, Timestamp)>> {
        let rows: Vec<(Option<String>, i64)> = sqlx::query_as(
            "SELECT m.display_name, r.read_at FROM private_note_reads r
             LEFT JOIN members m ON m.member_id = r.reader_id
             WHERE r.log_id = $1 ORDER BY r.read_at DESC LIMIT 500",
        )
        .bind(log.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing reads")?;
        Ok(rows
            .into_iter()
            .map(|(name, at)| (name.unwrap_or_default(), Timestamp::from_unix_ms(at)))
            .collect())
    }
}
