//! One-on-one logs, and public narrative drafts with their versions, reviewers and feedback.

use praxis_domain::ids::{CrewId, FeedbackId, MemberId, NarrativeId, OneOnOneId};
use praxis_domain::narratives::{OneOnOneFields, StoryKind, Telling};
use praxis_domain::timestamps::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row as _};

use crate::organizing::crews::CURRENT_CREWS;
use crate::{Describe as _, Store, StoreError, StoreResult, corrupt};

/// A stored one-on-one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneOnOneRecord {
    /// Its id.
    pub id: OneOnOneId,
    /// Who logged it.
    pub author_id: MemberId,
    /// Their name.
    pub author_name: String,
    /// What was heard and agreed.
    pub fields: OneOnOneFields,
    /// The team it is shared with.
    pub crew_id: Option<CrewId>,
}

/// A stored narrative (its latest version is loaded separately).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NarrativeRecord {
    /// Its id.
    pub id: NarrativeId,
    /// Who tells it.
    pub author_id: MemberId,
    /// Their name.
    pub author_name: String,
    /// Which story.
    pub kind: StoryKind,
    /// Its title.
    pub title: String,
    /// How many tellings it has.
    pub versions: u32,
    /// When it was started.
    pub created_at: Timestamp,
}

/// One telling of a narrative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRecord {
    /// Its number, from 1.
    pub version: u32,
    /// The telling.
    pub telling: Telling,
    /// When.
    pub at: Timestamp,
}

/// A piece of feedback on a telling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackRecord {
    /// Its id.
    pub id: FeedbackId,
    /// The telling it is about.
    pub version: u32,
    /// What it answers.
    pub parent_id: Option<FeedbackId>,
    /// Who wrote it, with their name.
    pub author: Option<(MemberId, String)>,
    /// The feedback.
    pub body: String,
    /// When.
    pub at: Timestamp,
}

const ONE_ON_ONE_COLUMNS: &str = "o.one_on_one_id, o.author_id, m.display_name, o.with_name, \
     o.met_on, o.purpose, o.values_heard, o.interests, o.resources, o.exchanged, o.commitment, \
     o.follow_up, o.crew_id";

fn one_on_one_from_row(row: &AnyRow) -> StoreResult<OneOnOneRecord> {
    let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
    let mut answers = Vec::new();
    for name in OneOnOneFields::ANSWERS {
        answers.push((name, text(name)?));
    }
    let crew: Option<String> = row.try_get("crew_id").describe("crew_id")?;
    Ok(OneOnOneRecord {
        id: text("one_on_one_id")?
            .parse()
            .map_err(|_| corrupt("one_on_one_id"))?,
        author_id: text("author_id")?
            .parse()
            .map_err(|_| corrupt("author_id"))?,
        author_name: text("display_name")?,
        fields: OneOnOneFields {
            with_name: text("with_name")?,
            met_on: text("met_on")?,
            answers,
            follow_up: row.try_get("follow_up").describe("follow_up")?,
        },
        crew_id: crew
            .map(|c| c.parse().map_err(|_| corrupt("crew_id")))
            .transpose()?,
    })
}

fn narrative_from_row(row: &AnyRow) -> StoreResult<NarrativeRecord> {
    let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
    let versions: i64 = row.try_get("versions").describe("versions")?;
    Ok(NarrativeRecord {
        id: text("narrative_id")?
            .parse()
            .map_err(|_| corrupt("narrative_id"))?,
        author_id: text("author_id")?
            .parse()
            .map_err(|_| corrupt("author_id"))?,
        author_name: text("display_name")?,
        kind: StoryKind::from_code(&text("kind")?).ok_or_else(|| corrupt("kind"))?,
        title: text("title")?,
        versions: u32::try_from(versions).map_err(|_| corrupt("versions"))?,
        created_at: Timestamp::from_unix_ms(row.try_get("created_at").describe("created_at")?),
    })
}

const NARRATIVE_SELECT: &str = "SELECT n.narrative_id, n.author_id, m.display_name, n.kind, n.title, n.created_at, \
     (SELECT COUNT(*) FROM narrative_versions v WHERE v.narrative_id = n.narrative_id) AS versions \
     FROM narratives n JOIN members m ON m.member_id = n.author_id";

impl Store {
    /// Logs a one-on-one.
    pub async fn create_one_on_one(
        &self,
        id: OneOnOneId,
        author: MemberId,
        f: &OneOnOneFields,
        crew: Option<CrewId>,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut q = sqlx::query(
            "INSERT INTO one_on_ones (one_on_one_id, author_id, with_name, met_on, purpose,
                values_heard, interests, resources, exchanged, commitment, follow_up, crew_id,
                created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)",
        )
        .bind(id.to_string())
        .bind(author.to_string())
        .bind(&f.with_name)
        .bind(&f.met_on);
        for name in OneOnOneFields::ANSWERS {
            q = q.bind(f.get(name).to_owned());
        }
        q.bind(f.follow_up.clone())
            .bind(crew.map(|c| c.to_string()))
            .bind(now.unix_ms())
            .execute(&self.write)
            .await
            .describe("logging a one-on-one")?;
        Ok(())
    }

    /// Shares a one-on-one with a team, or takes it back (`None`).
    pub async fn share_one_on_one(
        &self,
        id: OneOnOneId,
        crew: Option<CrewId>,
        now: Timestamp,
    ) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE one_on_ones SET crew_id = $2, updated_at = $3 WHERE one_on_one_id = $1",
        )
        .bind(id.to_string())
        .bind(crew.map(|c| c.to_string()))
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("sharing a one-on-one")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Deletes a one-on-one for good.
    pub async fn delete_one_on_one(&self, id: OneOnOneId) -> StoreResult<()> {
        sqlx::query("DELETE FROM one_on_ones WHERE one_on_one_id = $1")
            .bind(id.to_string())
            .execute(&self.write)
            .await
            .describe("deleting a one-on-one")?;
        Ok(())
    }

    /// Deletes a narrative with its tellings, reviewers and feedback, for good.
    pub async fn delete_narrative(&self, id: NarrativeId) -> StoreResult<()> {
        sqlx::query("DELETE FROM narratives WHERE narrative_id = $1")
            .bind(id.to_string())
            .execute(&self.write)
            .await
            .describe("deleting a narrative")?;
        Ok(())
    }

    /// One one-on-one.
    pub async fn get_one_on_one(&self, id: OneOnOneId) -> StoreResult<Option<OneOnOneRecord>> {
        let sql = format!(
            "SELECT {ONE_ON_ONE_COLUMNS} FROM one_on_ones o JOIN members m ON m.member_id = o.author_id
             WHERE o.one_on_one_id = $1"
        );
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading a one-on-one")?;
        row.as_ref().map(one_on_one_from_row).transpose()
    }

    /// The one-on-ones a member may read — their own and those shared with their teams —
    /// newest first, after a keyset cursor (meeting date, id), at most `limit`.
    pub async fn readable_one_on_ones(
        &self,
        member: MemberId,
        before: Option<(String, OneOnOneId)>,
        limit: u32,
    ) -> StoreResult<Vec<OneOnOneRecord>> {
        let (date, id) = before.map_or((String::new(), String::new()), |(d, i)| (d, i.to_string()));
        let sql = format!(
            "SELECT {ONE_ON_ONE_COLUMNS} FROM one_on_ones o JOIN members m ON m.member_id = o.author_id
             WHERE (o.author_id = $1
                OR o.crew_id IN ({CURRENT_CREWS}))
               AND ($2 = '' OR o.met_on < $2 OR (o.met_on = $2 AND o.one_on_one_id < $3))
             ORDER BY o.met_on DESC, o.one_on_one_id DESC LIMIT $4"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(member.to_string())
            .bind(date)
            .bind(id)
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing one-on-ones")?;
        rows.iter().map(one_on_one_from_row).collect()
    }

    /// A member's own one-on-ones whose follow-up falls on or before `until` (YYYY-MM-DD),
    /// soonest first (the first 100).
    pub async fn due_follow_ups(
        &self,
        member: MemberId,
        until: &str,
    ) -> StoreResult<Vec<OneOnOneRecord>> {
        let sql = format!(
            "SELECT {ONE_ON_ONE_COLUMNS} FROM one_on_ones o JOIN members m ON m.member_id = o.author_id
             WHERE o.author_id = $1 AND o.follow_up IS NOT NULL AND o.follow_up <= $2
             ORDER BY o.follow_up, o.one_on_one_id LIMIT 100"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(member.to_string())
            .bind(until)
            .fetch_all(&self.read)
            .await
            .describe("listing follow-ups")?;
        rows.iter().map(one_on_one_from_row).collect()
    }

    /// Starts a narrative with its first telling.
    pub async fn create_narrative(
        &self,
        id: NarrativeId,
        author: MemberId,
        kind: StoryKind,
        title: &str,
        telling: &Telling,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write.begin().await.describe("starting a narrative")?;
        sqlx::query(
            "INSERT INTO narratives (narrative_id, author_id, kind, title, created_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id.to_string())
        .bind(author.to_string())
        .bind(kind.code())
        .bind(title)
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("inserting a narrative")?;
        insert_version(&mut tx, id, 1, telling, now).await?;
        tx.commit().await.describe("committing a narrative")
    }

    /// Adds a telling after the latest; returns its number. Two tellings saved at once get
    /// different numbers (the second waits for the first, or fails and is retried by the
    /// caller's next save).
    pub async fn add_version(
        &self,
        id: NarrativeId,
        telling: &Telling,
        now: Timestamp,
    ) -> StoreResult<u32> {
        let mut tx = self.write.begin().await.describe("starting a telling")?;
        let latest: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(version) FROM narrative_versions WHERE narrative_id = $1",
        )
        .bind(id.to_string())
        .fetch_one(&mut *tx)
        .await
        .describe("finding the latest telling")?;
        let next = latest.ok_or(StoreError::NotFound)? + 1;
        insert_version(&mut tx, id, next, telling, now).await?;
        tx.commit().await.describe("committing a telling")?;
        u32::try_from(next).map_err(|_| corrupt("version"))
    }

    /// One narrative.
    pub async fn get_narrative(&self, id: NarrativeId) -> StoreResult<Option<NarrativeRecord>> {
        let sql = format!("{NARRATIVE_SELECT} WHERE n.narrative_id = $1");
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.read)
            .await
            .describe("loading a narrative")?;
        row.as_ref().map(narrative_from_row).transpose()
    }

    /// The narratives a member tells or was asked to review, newest first, after a keyset
    /// cursor (started at, id), at most `limit`.
    pub async fn member_narratives(
        &self,
        member: MemberId,
        before: Option<(Timestamp, NarrativeId)>,
        limit: u32,
    ) -> StoreResult<Vec<NarrativeRecord>> {
        let (at, id) = before.map_or((i64::MAX, String::new()), |(t, i)| {
            (t.unix_ms(), i.to_string())
        });
        let sql = format!(
            "{NARRATIVE_SELECT} WHERE (n.author_id = $1
                OR n.narrative_id IN (SELECT narrative_id FROM narrative_reviewers WHERE member_id = $1))
               AND ($3 = '' OR n.created_at < $2 OR (n.created_at = $2 AND n.narrative_id < $3))
             ORDER BY n.created_at DESC, n.narrative_id DESC LIMIT $4"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(member.to_string())
            .bind(at)
            .bind(id)
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing narratives")?;
        rows.iter().map(narrative_from_row).collect()
    }

    /// Every telling of a narrative, oldest first.
    pub async fn narrative_versions(&self, id: NarrativeId) -> StoreResult<Vec<VersionRecord>> {
        let rows = sqlx::query(
            "SELECT version, challenge, choice, outcome, values_aimed, emotions, created_at
             FROM narrative_versions WHERE narrative_id = $1 ORDER BY version LIMIT 500",
        )
        .bind(id.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing tellings")?;
        rows.iter()
            .map(|row| {
                let mut parts = Vec::new();
                for name in Telling::PARTS {
                    parts.push((name, row.try_get::<String, _>(name).describe(name)?));
                }
                let version: i64 = row.try_get("version").describe("version")?;
                let at: i64 = row.try_get("created_at").describe("created_at")?;
                Ok(VersionRecord {
                    version: u32::try_from(version).map_err(|_| corrupt("version"))?,
                    telling: Telling { parts },
                    at: Timestamp::from_unix_ms(at),
                })
            })
            .collect()
    }

    /// Asks a member to review a narrative (once).
    pub async fn add_reviewer(&self, id: NarrativeId, member: MemberId) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting a review request")?;
        sqlx::query("DELETE FROM narrative_reviewers WHERE narrative_id = $1 AND member_id = $2")
            .bind(id.to_string())
            .bind(member.to_string())
            .execute(&mut *tx)
            .await
            .describe("replacing a reviewer")?;
        sqlx::query("INSERT INTO narrative_reviewers (narrative_id, member_id) VALUES ($1, $2)")
            .bind(id.to_string())
            .bind(member.to_string())
            .execute(&mut *tx)
            .await
            .describe("adding a reviewer")?;
        tx.commit().await.describe("committing a review request")
    }

    /// A narrative's reviewers with their names.
    pub async fn narrative_reviewers(
        &self,
        id: NarrativeId,
    ) -> StoreResult<Vec<(MemberId, String)>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT r.member_id, m.display_name FROM narrative_reviewers r
             JOIN members m ON m.member_id = r.member_id
             WHERE r.narrative_id = $1 ORDER BY m.display_name LIMIT 100",
        )
        .bind(id.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing reviewers")?;
        rows.into_iter()
            .map(|(id, name)| Ok((id.parse().map_err(|_| corrupt("member_id"))?, name)))
            .collect()
    }

    /// Records feedback on a telling.
    pub async fn add_feedback(
        &self,
        id: NarrativeId,
        version: u32,
        parent: Option<FeedbackId>,
        author: MemberId,
        body: &str,
        now: Timestamp,
    ) -> StoreResult<FeedbackId> {
        let fid = FeedbackId::generate();
        sqlx::query(
            "INSERT INTO narrative_feedback (feedback_id, narrative_id, version, parent_id, author_id,
                body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(fid.to_string())
        .bind(id.to_string())
        .bind(i64::from(version))
        .bind(parent.map(|p| p.to_string()))
        .bind(author.to_string())
        .bind(body)
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("recording feedback")?;
        Ok(fid)
    }

    /// A narrative's feedback, oldest first (the first 1,000).
    pub async fn narrative_feedback(&self, id: NarrativeId) -> StoreResult<Vec<FeedbackRecord>> {
        let rows = sqlx::query(
            "SELECT f.feedback_id, f.version, f.parent_id, f.author_id, m.display_name, f.body, f.created_at
             FROM narrative_feedback f LEFT JOIN members m ON m.member_id = f.author_id
             WHERE f.narrative_id = $1 ORDER BY f.created_at, f.feedback_id LIMIT 1000",
        )
        .bind(id.to_string())
        .fetch_all(&self.read)
        .await
        .describe("listing feedback")?;
        rows.iter()
            .map(|row| {
                let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
                let parent: Option<String> = row.try_get("parent_id").describe("parent_id")?;
                let author: Option<String> = row.try_get("author_id").describe("author_id")?;
                let name: Option<String> = row.try_get("display_name").describe("display_name")?;
                let version: i64 = row.try_get("version").describe("version")?;
                let at: i64 = row.try_get("created_at").describe("created_at")?;
                Ok(FeedbackRecord {
                    id: text("feedback_id")?
                        .parse()
                        .map_err(|_| corrupt("feedback_id"))?,
                    version: u32::try_from(version).map_err(|_| corrupt("version"))?,
                    parent_id: parent
                        .map(|p| p.parse().map_err(|_| corrupt("parent_id")))
                        .transpose()?,
                    author: match (author, name) {
                        (Some(a), Some(n)) => {
                            Some((a.parse().map_err(|_| corrupt("author_id"))?, n))
                        }
                        _ => None,
                    },
                    body: text("body")?,
                    at: Timestamp::from_unix_ms(at),
                })
            })
            .collect()
    }
}

async fn insert_version(
    conn: &mut sqlx::AnyConnection,
    id: NarrativeId,
    version: i64,
    t: &Telling,
    now: Timestamp,
) -> StoreResult<()> {
    let mut q = sqlx::query(
        "INSERT INTO narrative_versions (narrative_id, version, challenge, choice, outcome,
            values_aimed, emotions, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id.to_string())
    .bind(version);
    for name in Telling::PARTS {
        q = q.bind(t.get(name).to_owned());
    }
    q.bind(now.unix_ms())
        .execute(conn)
        .await
        .describe("inserting a telling")?;
    Ok(())
}
