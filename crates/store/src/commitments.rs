//! Commitments between members, and the path each took.

use praxis_domain::commitments::{CommitmentFields, CommitmentStatus, transition};
use praxis_domain::ids::{CommitmentId, MemberId};
use praxis_domain::timestamps::Timestamp;

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
    /// Where it came from (a meeting, a campaign…).
    pub context: String,
    /// Where it stands.
    pub status: CommitmentStatus,
}

const COLUMNS: &str = "c.commitment_id, c.asker_id, a.display_name AS asker_name, c.asked_id, \
     b.display_name AS asked_name, c.what, c.due, c.context, c.status";

type Row = (
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    String,
    String,
    String,
);

fn from_row(r: Row) -> StoreResult<CommitmentRecord> {
    let (id, asker, asker_name, asked, asked_name, what, due, context, status) = r;
    Ok(CommitmentRecord {
        id: id.parse().map_err(|_| corrupt("commitment_id"))?,
        asker: match (asker, asker_name) {
            (Some(a), Some(n)) => Some((a.parse().map_err(|_| corrupt("asker_id"))?, n)),
            _ => None,
        },
        asked: (asked.parse().map_err(|_| corrupt("asked_id"))?, asked_name),
        fields: CommitmentFields { what, due },
        context,
        status: CommitmentStatus::from_code(&status).ok_or_else(|| corrupt("status"))?,
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
        campaign: Option<praxis_domain::ids::CampaignId>,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting a commitment")?;
        sqlx::query(
            "INSERT INTO commitments (commitment_id, asker_id, asked_id, what, due, context, status,
                created_at, updated_at, campaign_id)
             VALUES ($1, $2, $3, $4, $5, $6, 'asked', $7, $7, $8)",
        )
        .bind(id.to_string())
        .bind(asker.to_string())
        .bind(asked.to_string())
        .bind(&f.what)
        .bind(&f.due)
        .bind(context)
        .bind(now.unix_ms())
        .bind(campaign.map(|c| c.to_string()))
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
        let sql = format!(
            "SELECT {COLUMNS} FROM commitments c LEFT JOIN members a ON a.member_id = c.asker_id
             JOIN members b ON b.member_id = c.asked_id WHERE c.commitment_id = $1"
        );
        let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading a commitment")?;
        row.map(from_row).transpose()
    }

    /// The commitments a member asked for or was asked for, by due date (at most `limit`).
    pub async fn member_commitments(
        &self,
        member: MemberId,
        limit: u32,
    ) -> StoreResult<Vec<CommitmentRecord>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM commitments c LEFT JOIN members a ON a.member_id = c.asker_id
             JOIN members b ON b.member_id = c.asked_id
             WHERE c.asker_id = $1 OR c.asked_id = $1 ORDER BY c.due, c.commitment_id LIMIT $2"
        );
        let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(member.to_string())
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing commitments")?;
        rows.into_iter().map(from_row).collect()
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
            "SELECT {COLUMNS} FROM commitments c LEFT JOIN members a ON a.member_id = c.asker_id
             JOIN members b ON b.member_id = c.asked_id
             WHERE {side} = $1 AND ($2 = '' OR c.due > $2 OR (c.due = $2 AND c.commitment_id > $3))
             ORDER BY c.due, c.commitment_id LIMIT $4"
        );
        let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(member.to_string())
            .bind(due)
            .bind(id)
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing a page of commitments")?;
        rows.into_iter().map(from_row).collect()
    }

    /// What a member asked for that is still open (asked or agreed) and due on or before
    /// `until` (YYYY-MM-DD), soonest first (the first 100).
    pub async fn commitment_follow_ups(
        &self,
        member: MemberId,
        until: &str,
    ) -> StoreResult<Vec<CommitmentRecord>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM commitments c LEFT JOIN members a ON a.member_id = c.asker_id
             JOIN members b ON b.member_id = c.asked_id
             WHERE c.asker_id = $1 AND c.status IN ('asked', 'agreed') AND c.due <= $2
             ORDER BY c.due, c.commitment_id LIMIT 100"
        );
        let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(member.to_string())
            .bind(until)
            .fetch_all(&self.read)
            .await
            .describe("listing follow-ups")?;
        rows.into_iter().map(from_row).collect()
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
