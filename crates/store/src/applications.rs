//! Workshop questions, applications and their answers, decisions with the waiting list moving
//! up when a seat frees — each decision and its mail in one transaction.

use praxis_domain::applications::{
    ApplicationStatus, Audience, Decision, Question, QuestionKind, may_decide,
};
use praxis_domain::ids::{ApplicationId, MemberId, QuestionId, WorkshopId};
use praxis_domain::timestamps::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row as _};

use crate::outbox::{OutboxMessage, insert_mail};
use crate::{Constraint, Describe as _, Store, StoreError, StoreResult, corrupt};

/// A stored question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRecord {
    /// Its id.
    pub id: QuestionId,
    /// The question.
    pub question: Question,
}

/// An application in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationRecord {
    /// Its id.
    pub id: ApplicationId,
    /// The workshop.
    pub workshop_id: WorkshopId,
    /// The applicant.
    pub member_id: MemberId,
    /// Their display name.
    pub display_name: String,
    /// Participant or coach.
    pub role: Audience,
    /// Where it stands.
    pub status: ApplicationStatus,
    /// When it was sent.
    pub created_at: Timestamp,
}

/// Whom a decision mail goes to.
#[derive(Debug, Clone)]
pub struct Recipient {
    /// Their address.
    pub email: String,
    /// Their interface language, if chosen.
    pub ui_language: Option<String>,
}

/// Composes the mail telling an applicant their application's new status.
pub type ComposeDecision<'a> = &'a (dyn Fn(&Recipient, ApplicationStatus) -> OutboxMessage + Sync);

const APP_COLUMNS: &str = "a.application_id, a.workshop_id, a.member_id, m.display_name, a.role, \
     a.status, a.created_at";

fn application_from_row(row: &AnyRow) -> StoreResult<ApplicationRecord> {
    let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
    Ok(ApplicationRecord {
        id: text("application_id")?
            .parse()
            .map_err(|_| corrupt("application_id"))?,
        workshop_id: text("workshop_id")?
            .parse()
            .map_err(|_| corrupt("workshop_id"))?,
        member_id: text("member_id")?
            .parse()
            .map_err(|_| corrupt("member_id"))?,
        display_name: text("display_name")?,
        role: Audience::from_code(&text("role")?).ok_or_else(|| corrupt("role"))?,
        status: ApplicationStatus::from_code(&text("status")?).ok_or_else(|| corrupt("status"))?,
        created_at: Timestamp::from_unix_ms(row.try_get("created_at").describe("created_at")?),
    })
}

impl Store {
    /// Adds a question at the end of its audience's list.
    pub async fn add_question(
        &self,
        workshop: WorkshopId,
        id: QuestionId,
        q: &Question,
        now: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO workshop_questions (question_id, workshop_id, audience, position, kind,
                prompt, choices, required, created_at)
             VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), 0) + 1 FROM workshop_questions
                WHERE workshop_id = $2), $4, $5, $6, $7, $8)",
        )
        .bind(id.to_string())
        .bind(workshop.to_string())
        .bind(q.audience.code())
        .bind(q.kind.code())
        .bind(&q.prompt)
        .bind(q.choices.join("\n"))
        .bind(i64::from(q.required))
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("adding a question")?;
        Ok(())
    }

    /// The workshop's questions for an audience, in order.
    pub async fn list_questions(
        &self,
        workshop: WorkshopId,
        audience: Audience,
    ) -> StoreResult<Vec<QuestionRecord>> {
        let rows = sqlx::query(
            "SELECT question_id, kind, prompt, choices, required FROM workshop_questions
             WHERE workshop_id = $1 AND audience = $2 ORDER BY position LIMIT 100",
        )
        .bind(workshop.to_string())
        .bind(audience.code())
        .fetch_all(&self.read)
        .await
        .describe("listing questions")?;
        rows.iter()
            .map(|row| {
                let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
                let required: i64 = row.try_get("required").describe("required")?;
                Ok(QuestionRecord {
                    id: text("question_id")?
                        .parse()
                        .map_err(|_| corrupt("question_id"))?,
                    question: Question {
                        audience,
                        kind: QuestionKind::from_code(&text("kind")?)
                            .ok_or_else(|| corrupt("kind"))?,
                        prompt: text("prompt")?,
                        choices: text("choices")?
                            .split('\n')
                            .filter(|c| !c.is_empty())
                            .map(str::to_owned)
                            .collect(),
                        required: required != 0,
                    },
                })
            })
            .collect()
    }

    /// Removes a question (and its answers).
    ///
    /// # Errors
    /// `NotFound` when the workshop has no such question.
    pub async fn remove_question(&self, workshop: WorkshopId, id: QuestionId) -> StoreResult<()> {
        let done = sqlx::query(
            "DELETE FROM workshop_questions WHERE workshop_id = $1 AND question_id = $2",
        )
        .bind(workshop.to_string())
        .bind(id.to_string())
        .execute(&self.write)
        .await
        .describe("removing a question")?;
        if done.rows_affected() == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// Records an application with its answers.
    ///
    /// # Errors
    /// `Conflict(AlreadyApplied)` when the member applied in this role before.
    pub async fn submit_application(
        &self,
        id: ApplicationId,
        workshop: WorkshopId,
        member: MemberId,
        role: Audience,
        answers: &[(QuestionId, String)],
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting an application")?;
        sqlx::query(
            "INSERT INTO workshop_applications (application_id, workshop_id, member_id, role,
                status, created_at)
             VALUES ($1, $2, $3, $4, 'submitted', $5)",
        )
        .bind(id.to_string())
        .bind(workshop.to_string())
        .bind(member.to_string())
        .bind(role.code())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("inserting an application")?;
        for (question, value) in answers {
            sqlx::query(
                "INSERT INTO workshop_answers (application_id, question_id, value) VALUES ($1, $2, $3)",
            )
            .bind(id.to_string())
            .bind(question.to_string())
            .bind(value)
            .execute(&mut *tx)
            .await
            .describe("saving an answer")?;
        }
        tx.commit().await.describe("committing an application")
    }

    /// A page of a workshop's applications, oldest first, optionally of one role and status.
    pub async fn list_applications(
        &self,
        workshop: WorkshopId,
        role: Option<Audience>,
        status: Option<ApplicationStatus>,
        offset: u32,
        limit: u32,
    ) -> StoreResult<Vec<ApplicationRecord>> {
        let sql = format!(
            "SELECT {APP_COLUMNS} FROM workshop_applications a JOIN members m ON m.member_id = a.member_id
             WHERE a.workshop_id = $1 AND ($2 = '' OR a.role = $2) AND ($3 = '' OR a.status = $3)
             ORDER BY a.created_at, a.application_id LIMIT $4 OFFSET $5"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(workshop.to_string())
            .bind(role.map(Audience::code).unwrap_or_default())
            .bind(status.map(ApplicationStatus::code).unwrap_or_default())
            .bind(i64::from(limit))
            .bind(i64::from(offset))
            .fetch_all(&self.read)
            .await
            .describe("listing applications")?;
        rows.iter().map(application_from_row).collect()
    }

    /// One application with its answers (question id, value).
    pub async fn get_application(
        &self,
        id: ApplicationId,
    ) -> StoreResult<Option<(ApplicationRecord, Vec<(QuestionId, String)>)>> {
        let sql = format!(
            "SELECT {APP_COLUMNS} FROM workshop_applications a JOIN members m ON m.member_id = a.member_id
             WHERE a.application_id = $1"
        );
        let Some(row) = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading an application")?
        else {
            return Ok(None);
        };
        let answers: Vec<(String, String)> = sqlx::query_as(
            "SELECT question_id, value FROM workshop_answers WHERE application_id = $1",
        )
        .bind(id.to_string())
        .fetch_all(&self.read)
        .await
        .describe("loading answers")?;
        let answers = answers
            .into_iter()
            .map(|(q, v)| Ok((q.parse().map_err(|_| corrupt("question_id"))?, v)))
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(Some((application_from_row(&row)?, answers)))
    }

    /// The member's applications to a workshop.
    pub async fn my_applications(
        &self,
        workshop: WorkshopId,
        member: MemberId,
    ) -> StoreResult<Vec<ApplicationRecord>> {
        let sql = format!(
            "SELECT {APP_COLUMNS} FROM workshop_applications a JOIN members m ON m.member_id = a.member_id
             WHERE a.workshop_id = $1 AND a.member_id = $2 ORDER BY a.role"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(workshop.to_string())
            .bind(member.to_string())
            .fetch_all(&self.read)
            .await
            .describe("listing the member's applications")?;
        rows.iter().map(application_from_row).collect()
    }

    /// Every answer given to the workshop's questions (one query, for exports).
    pub async fn workshop_answers(
        &self,
        workshop: WorkshopId,
    ) -> StoreResult<Vec<(ApplicationId, QuestionId, String)>> {
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT w.application_id, w.question_id, w.value FROM workshop_answers w
             JOIN workshop_applications a ON a.application_id = w.application_id
             WHERE a.workshop_id = $1",
        )
        .bind(workshop.to_string())
        .fetch_all(&self.read)
        .await
        .describe("reading answers")?;
        rows.into_iter()
            .map(|(a, q, v)| {
                Ok((
                    a.parse().map_err(|_| corrupt("application_id"))?,
                    q.parse().map_err(|_| corrupt("question_id"))?,
                    v,
                ))
            })
            .collect()
    }

    /// The members with these addresses: (address, member), at most one per address.
    pub async fn members_by_emails(
        &self,
        emails: &[String],
    ) -> StoreResult<Vec<(String, MemberId)>> {
        let mut out = Vec::new();
        for chunk in emails.chunks(500) {
            let placeholders = (1..=chunk.len())
                .map(|i| format!("${i}"))
                .collect::<Vec<_>>()
                .join(", ");
            let sql =
                format!("SELECT email, member_id FROM members WHERE email IN ({placeholders})");
            let mut query = sqlx::query_as::<_, (String, String)>(sqlx::AssertSqlSafe(sql));
            for e in chunk {
                query = query.bind(e.clone());
            }
            for (email, id) in query
                .fetch_all(&self.read)
                .await
                .describe("finding members by address")?
            {
                out.push((email, id.parse().map_err(|_| corrupt("member_id"))?));
            }
        }
        Ok(out)
    }

    /// Adds applications decided already (an imported list), in one transaction; members who
    /// applied in this role before are left as they are. Returns how many were added.
    pub async fn import_applications(
        &self,
        workshop: WorkshopId,
        role: Audience,
        entries: &[(MemberId, ApplicationStatus)],
        now: Timestamp,
    ) -> StoreResult<u64> {
        let mut tx = self.write.begin().await.describe("starting an import")?;
        let mut added = 0;
        for (member, status) in entries {
            let done = sqlx::query(
                "INSERT INTO workshop_applications (application_id, workshop_id, member_id, role, status,
                    waitlisted_at, created_at, decided_at)
                 VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 = 'waitlisted' THEN $6 ELSE NULL END, $6, $6)
                 ON CONFLICT (workshop_id, member_id, role) DO NOTHING",
            )
            .bind(ApplicationId::generate().to_string())
            .bind(workshop.to_string())
            .bind(member.to_string())
            .bind(role.code())
            .bind(status.code())
            .bind(now.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("importing an application")?;
            added += done.rows_affected();
        }
        tx.commit().await.describe("committing an import")?;
        Ok(added)
    }

    /// How many applications of a role have each status.
    pub async fn count_applications(
        &self,
        workshop: WorkshopId,
        role: Audience,
        status: ApplicationStatus,
    ) -> StoreResult<i64> {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM workshop_applications WHERE workshop_id = $1 AND role = $2 AND status = $3",
        )
        .bind(workshop.to_string())
        .bind(role.code())
        .bind(status.code())
        .fetch_one(&self.read)
        .await
        .describe("counting applications")
    }

    /// Applies one decision to several applications of a workshop, in one transaction with
    /// the applicants' mails; seats freed by declining accepted applicants go to the waiting
    /// list in order. Returns the applications whose status changed (promotions included).
    ///
    /// # Errors
    /// `NotFound` for an application not of this workshop or one that cannot take this
    /// decision; `Conflict(WorkshopFull)` when accepting would exceed `seats` of a role.
    pub async fn decide_applications(
        &self,
        workshop: WorkshopId,
        ids: &[ApplicationId],
        decision: Decision,
        seats: &(dyn Fn(Audience) -> i64 + Sync),
        compose: ComposeDecision<'_>,
        now: Timestamp,
    ) -> StoreResult<Vec<ApplicationId>> {
        let mut tx = self.write.begin().await.describe("starting decisions")?;
        let mut changed = Vec::new();
        let mut freed: Vec<Audience> = Vec::new();
        for id in ids {
            let found: Option<(String, String)> = sqlx::query_as(
                "SELECT role, status FROM workshop_applications WHERE application_id = $1 AND workshop_id = $2",
            )
            .bind(id.to_string())
            .bind(workshop.to_string())
            .fetch_optional(&mut *tx)
            .await
            .describe("reading an application")?;
            let (role, status) = found.ok_or(StoreError::NotFound)?;
            let role = Audience::from_code(&role).ok_or_else(|| corrupt("role"))?;
            let status = ApplicationStatus::from_code(&status).ok_or_else(|| corrupt("status"))?;
            if !may_decide(status, decision) {
                return Err(StoreError::NotFound);
            }
            if status == ApplicationStatus::Accepted {
                freed.push(role);
            }
            set_status(&mut tx, *id, decision.status(), now, compose).await?;
            changed.push(*id);
            if decision == Decision::Accept
                && accepted(&mut tx, workshop, role).await? > seats(role)
            {
                return Err(StoreError::Conflict(Constraint::WorkshopFull));
            }
        }
        for role in Audience::ALL {
            if freed.contains(&role) {
                changed.extend(promote(&mut tx, workshop, role, seats(role), compose, now).await?);
            }
        }
        tx.commit().await.describe("committing decisions")?;
        Ok(changed)
    }

    /// Withdraws the member's application to this workshop; a seat it held goes to the waiting
    /// list.
    ///
    /// # Errors
    /// `NotFound` when the member has no such application, or it is already withdrawn.
    pub async fn withdraw_application(
        &self,
        workshop: WorkshopId,
        id: ApplicationId,
        member: MemberId,
        seats: &(dyn Fn(Audience) -> i64 + Sync),
        compose: ComposeDecision<'_>,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting a withdrawal")?;
        let found: Option<(String, String)> = sqlx::query_as(
            "SELECT role, status FROM workshop_applications
             WHERE application_id = $1 AND member_id = $2 AND workshop_id = $3
               AND status <> 'withdrawn'",
        )
        .bind(id.to_string())
        .bind(member.to_string())
        .bind(workshop.to_string())
        .fetch_optional(&mut *tx)
        .await
        .describe("reading an application")?;
        let (role, status) = found.ok_or(StoreError::NotFound)?;
        let role = Audience::from_code(&role).ok_or_else(|| corrupt("role"))?;
        sqlx::query(
            "UPDATE workshop_applications SET status = 'withdrawn', decided_at = $2 WHERE application_id = $1",
        )
        .bind(id.to_string())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("withdrawing an application")?;
        if status == "accepted" {
            promote(&mut tx, workshop, role, seats(role), compose, now).await?;
        }
        tx.commit().await.describe("committing a withdrawal")
    }
}

async fn accepted(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    role: Audience,
) -> StoreResult<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM workshop_applications WHERE workshop_id = $1 AND role = $2 AND status = 'accepted'",
    )
    .bind(workshop.to_string())
    .bind(role.code())
    .fetch_one(conn)
    .await
    .describe("counting seats taken")
}

async fn set_status(
    conn: &mut AnyConnection,
    id: ApplicationId,
    status: ApplicationStatus,
    now: Timestamp,
    compose: ComposeDecision<'_>,
) -> StoreResult<()> {
    sqlx::query(
        "UPDATE workshop_applications SET status = $2, decided_at = $3,
            waitlisted_at = CASE WHEN $2 = 'waitlisted' THEN $3 ELSE NULL END
         WHERE application_id = $1",
    )
    .bind(id.to_string())
    .bind(status.code())
    .bind(now.unix_ms())
    .execute(&mut *conn)
    .await
    .describe("deciding an application")?;
    let (email, language): (String, Option<String>) = sqlx::query_as(
        "SELECT m.email, m.ui_language FROM workshop_applications a
         JOIN members m ON m.member_id = a.member_id WHERE a.application_id = $1",
    )
    .bind(id.to_string())
    .fetch_one(&mut *conn)
    .await
    .describe("finding the applicant")?;
    let message = compose(
        &Recipient {
            email,
            ui_language: language,
        },
        status,
    );
    insert_mail(conn, &message, now).await
}

/// Offers free seats of a role to the waiting list, first come first served.
async fn promote(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    role: Audience,
    seats: i64,
    compose: ComposeDecision<'_>,
    now: Timestamp,
) -> StoreResult<Vec<ApplicationId>> {
    let mut promoted = Vec::new();
    while accepted(&mut *conn, workshop, role).await? < seats {
        let next: Option<String> = sqlx::query_scalar(
            "SELECT application_id FROM workshop_applications
             WHERE workshop_id = $1 AND role = $2 AND status = 'waitlisted'
             ORDER BY waitlisted_at, created_at, application_id LIMIT 1",
        )
        .bind(workshop.to_string())
        .bind(role.code())
        .fetch_optional(&mut *conn)
        .await
        .describe("finding the next on the waiting list")?;
        let Some(next) = next else {
            break;
        };
        let id: ApplicationId = next.parse().map_err(|_| corrupt("application_id"))?;
        set_status(&mut *conn, id, ApplicationStatus::Accepted, now, compose).await?;
        promoted.push(id);
    }
    Ok(promoted)
}
