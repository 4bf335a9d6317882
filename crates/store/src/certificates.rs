//! Completion certificates and their public verification.

use praxis_domain::ids::{MemberId, WorkshopId};
use praxis_domain::timestamps::Timestamp;
use sqlx::Row as _;

use crate::{Describe as _, Store, StoreError, StoreResult, corrupt};

/// A certificate as its verification page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateRecord {
    /// The code in its address.
    pub code: String,
    /// The workshop.
    pub workshop_id: WorkshopId,
    /// Its title.
    pub workshop_title: String,
    /// The holder.
    pub member_id: MemberId,
    /// Their name.
    pub holder_name: String,
    /// When it was issued.
    pub issued_at: Timestamp,
    /// When it was revoked, if it was.
    pub revoked_at: Option<Timestamp>,
}

const COLUMNS: &str =
    "c.code, c.workshop_id, w.title, c.member_id, m.display_name, c.issued_at, c.revoked_at";

fn from_row(row: &sqlx::any::AnyRow) -> StoreResult<CertificateRecord> {
    let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
    let revoked: Option<i64> = row.try_get("revoked_at").describe("revoked_at")?;
    Ok(CertificateRecord {
        code: text("code")?,
        workshop_id: text("workshop_id")?
            .parse()
            .map_err(|_| corrupt("workshop_id"))?,
        workshop_title: text("title")?,
        member_id: text("member_id")?
            .parse()
            .map_err(|_| corrupt("member_id"))?,
        holder_name: text("display_name")?,
        issued_at: Timestamp::from_unix_ms(row.try_get("issued_at").describe("issued_at")?),
        revoked_at: revoked.map(Timestamp::from_unix_ms),
    })
}

impl Store {
    /// Issues certificates (one per member and workshop; members who have one keep it).
    /// Returns how many were issued.
    pub async fn issue_certificates(
        &self,
        workshop: WorkshopId,
        members: &[(MemberId, String)],
        by: MemberId,
        now: Timestamp,
    ) -> StoreResult<u64> {
        let mut tx = self.write.begin().await.describe("starting to issue")?;
        let mut issued = 0;
        for (member, code) in members {
            let done = sqlx::query(
                "INSERT INTO certificates (certificate_id, code, workshop_id, member_id, issued_by, issued_at)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (workshop_id, member_id) DO NOTHING",
            )
            .bind(uuid::Uuid::now_v7().to_string())
            .bind(code)
            .bind(workshop.to_string())
            .bind(member.to_string())
            .bind(by.to_string())
            .bind(now.unix_ms())
            .execute(&mut *tx)
            .await
            .describe("issuing a certificate")?;
            issued += done.rows_affected();
        }
        tx.commit().await.describe("committing certificates")?;
        Ok(issued)
    }

    /// The workshop's certificates, by holder.
    pub async fn list_certificates(
        &self,
        workshop: WorkshopId,
    ) -> StoreResult<Vec<CertificateRecord>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM certificates c JOIN workshops w ON w.workshop_id = c.workshop_id
             JOIN members m ON m.member_id = c.member_id WHERE c.workshop_id = $1
             ORDER BY m.display_name LIMIT 10000"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(workshop.to_string())
            .fetch_all(&self.read)
            .await
            .describe("listing certificates")?;
        rows.iter().map(from_row).collect()
    }

    /// The certificate with this code.
    pub async fn certificate_by_code(&self, code: &str) -> StoreResult<Option<CertificateRecord>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM certificates c JOIN workshops w ON w.workshop_id = c.workshop_id
             JOIN members m ON m.member_id = c.member_id WHERE c.code = $1"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(code)
            .fetch_optional(&self.read)
            .await
            .describe("finding a certificate")?;
        row.as_ref().map(from_row).transpose()
    }

    /// Revokes a certificate of the workshop.
    ///
    /// # Errors
    /// `NotFound` when the workshop has no such live certificate.
    pub async fn revoke_certificate(
        &self,
        workshop: WorkshopId,
        code: &str,
        now: Timestamp,
    ) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE certificates SET revoked_at = $3 WHERE workshop_id = $1 AND code = $2 AND revoked_at IS NULL",
        )
        .bind(workshop.to_string())
        .bind(code)
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("revoking a certificate")?;
        if done.rows_affected() == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }
}
