//! Plus/delta after sessions and the pre- and post-workshop self-assessment.

use praxis_domain::ids::{MemberId, SessionId, WorkshopId};
use praxis_domain::members::profile::Practice;
use praxis_domain::timestamps::Timestamp;

use crate::{Describe as _, Store, StoreResult, corrupt};

/// One participant's plus/delta (anonymous in the trainers' summary).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackEntry {
    /// 1 to 5.
    pub rating: i64,
    /// What worked.
    pub plus: String,
    /// What to change.
    pub delta: String,
}

impl Store {
    /// Saves (or replaces) a participant's plus/delta for a session.
    pub async fn save_feedback(
        &self,
        session: SessionId,
        member: MemberId,
        entry: &FeedbackEntry,
        now: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO session_feedback (session_id, member_id, rating, plus, delta, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (session_id, member_id) DO UPDATE SET rating = $3, plus = $4, delta = $5, created_at = $6",
        )
        .bind(session.to_string())
        .bind(member.to_string())
        .bind(entry.rating)
        .bind(&entry.plus)
        .bind(&entry.delta)
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("saving feedback")?;
        Ok(())
    }

    /// Every plus/delta of a session, newest first, without names.
    pub async fn session_feedback(&self, session: SessionId) -> StoreResult<Vec<FeedbackEntry>> {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT rating, plus, delta FROM session_feedback WHERE session_id = $1
             ORDER BY created_at DESC LIMIT 5000",
        )
        .bind(session.to_string())
        .fetch_all(&self.read)
        .await
        .describe("reading feedback")?;
        Ok(rows
            .into_iter()
            .map(|(rating, plus, delta)| FeedbackEntry {
                rating,
                plus,
                delta,
            })
            .collect())
    }

    /// Saves (or replaces) a participant's self-assessment for one phase.
    pub async fn save_survey(
        &self,
        workshop: WorkshopId,
        member: MemberId,
        phase: &str,
        ratings: &[(Practice, i64)],
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting a survey")?;
        for (practice, rating) in ratings {
            sqlx::query(
                "INSERT INTO survey_answers (workshop_id, member_id, phase, practice, rating, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (workshop_id, member_id, phase, practice) DO UPDATE SET rating = $5, created_at = $6",
            )
            .bind(workshop.to_string())
            .bind(member.to_string())
            .bind(phase)
            .bind(practice.code())
            .bind(rating)
            .bind(now.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("saving a survey answer")?;
        }
        tx.commit().await.describe("committing a survey")
    }

    /// Per phase and practice: the sum of ratings and how many answered.
    pub async fn survey_totals(
        &self,
        workshop: WorkshopId,
    ) -> StoreResult<Vec<(String, Practice, i64, i64)>> {
        let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
            "SELECT phase, practice, CAST(SUM(rating) AS BIGINT), COUNT(*) FROM survey_answers
             WHERE workshop_id = $1 GROUP BY phase, practice",
        )
        .bind(workshop.to_string())
        .fetch_all(&self.read)
        .await
        .describe("summing the survey")?;
        rows.into_iter()
            .map(|(phase, practice, sum, count)| {
                Ok((
                    phase,
                    Practice::from_code(&practice).ok_or_else(|| corrupt("practice"))?,
                    sum,
                    count,
                ))
            })
            .collect()
    }

    /// Whether the member answered a phase.
    pub async fn answered_survey(
        &self,
        workshop: WorkshopId,
        member: MemberId,
        phase: &str,
    ) -> StoreResult<bool> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM survey_answers WHERE workshop_id = $1 AND member_id = $2 AND phase = $3",
        )
        .bind(workshop.to_string())
        .bind(member.to_string())
        .bind(phase)
        .fetch_one(&self.read)
        .await
        .describe("checking a survey")?;
        Ok(n > 0)
    }
}
