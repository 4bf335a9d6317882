//! Organizations and the members affiliated with them.

use praxis_domain::ids::{MemberId, OrganizationId};
use praxis_domain::organizations::{ContactVisibility, OrganizationFields};
use praxis_domain::timestamps::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row as _};

use crate::{Describe as _, Store, StoreError, StoreResult};

/// A stored organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationRecord {
    /// Its id.
    pub id: OrganizationId,
    /// Its fields.
    pub fields: OrganizationFields,
}

/// A member's affiliation with an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Affiliation {
    /// None.
    None,
    /// Claimed by the member, not yet confirmed.
    Claimed,
    /// Confirmed by an organization admin.
    Member,
    /// An organization admin.
    Admin,
}

const ORG_COLUMNS: &str =
    "org_id, slug, name, description, region, domains, website, contact, contact_visibility";

impl Store {
    /// Creates an organization with its creator as its first admin.
    ///
    /// # Errors
    /// `Conflict(OrganizationSlugTaken)` when the slug is in use.
    pub async fn create_organization(
        &self,
        id: OrganizationId,
        f: &OrganizationFields,
        creator: MemberId,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to create an organization")?;
        sqlx::query(
            "INSERT INTO organizations (org_id, slug, name, description, region, domains, website, contact,
                contact_visibility, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
        )
        .bind(id.to_string())
        .bind(&f.slug)
        .bind(&f.name)
        .bind(&f.description)
        .bind(&f.region)
        .bind(f.domains.join("\n"))
        .bind(&f.website)
        .bind(&f.contact)
        .bind(f.contact_visibility.code())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("inserting an organization")?;
        sqlx::query(
            "INSERT INTO organization_members (org_id, member_id, role, status, created_at)
             VALUES ($1, $2, 'admin', 'confirmed', $3)",
        )
        .bind(id.to_string())
        .bind(creator.to_string())
        .bind(now.unix_ms())
        .execute(&mut *tx)
        .await
        .describe("making the creator an admin")?;
        tx.commit().await.describe("committing an organization")
    }

    /// The organization with this slug or id.
    pub async fn find_organization(&self, key: &str) -> StoreResult<Option<OrganizationRecord>> {
        let sql = format!("SELECT {ORG_COLUMNS} FROM organizations WHERE slug = $1 OR org_id = $1");
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(key)
            .fetch_optional(&self.read)
            .await
            .describe("finding an organization")?;
        row.as_ref().map(org_from_row).transpose()
    }

    /// A page of organizations by name, optionally in a region (any case).
    pub async fn list_organizations(
        &self,
        region: Option<&str>,
        after: Option<(&str, OrganizationId)>,
        limit: u32,
    ) -> StoreResult<Vec<OrganizationRecord>> {
        let sql = format!(
            "SELECT {ORG_COLUMNS} FROM organizations
             WHERE (name, org_id) > ($1, $2) AND ($3 = '' OR LOWER(region) = $3)
             ORDER BY name, org_id LIMIT $4"
        );
        let (after_name, after_id) = after.map_or((String::new(), String::new()), |(n, id)| {
            (n.to_owned(), id.to_string())
        });
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(after_name)
            .bind(after_id)
            .bind(region.map(|r| r.trim().to_lowercase()).unwrap_or_default())
            .bind(i64::from(limit))
            .fetch_all(&self.read)
            .await
            .describe("listing organizations")?;
        rows.iter().map(org_from_row).collect()
    }

    /// A member's affiliation.
    pub async fn affiliation(
        &self,
        org: OrganizationId,
        member: MemberId,
    ) -> StoreResult<Affiliation> {
        let row: Option<(String, String)> = sqlx::query_as(
            "SELECT role, status FROM organization_members WHERE org_id = $1 AND member_id = $2",
        )
        .bind(org.to_string())
        .bind(member.to_string())
        .fetch_optional(&self.read)
        .await
        .describe("reading an affiliation")?;
        Ok(match row.as_ref().map(|(r, s)| (r.as_str(), s.as_str())) {
            None => Affiliation::None,
            Some((_, "claimed")) => Affiliation::Claimed,
            Some(("admin", _)) => Affiliation::Admin,
            Some(_) => Affiliation::Member,
        })
    }

    /// Records a member's claim to be affiliated (a no-op when they already are).
    pub async fn claim_affiliation(
        &self,
        org: OrganizationId,
        member: MemberId,
        now: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO organization_members (org_id, member_id, role, status, created_at)
             VALUES ($1, $2, 'member', 'claimed', $3) ON CONFLICT (org_id, member_id) DO NOTHING",
        )
        .bind(org.to_string())
        .bind(member.to_string())
        .bind(now.unix_ms())
        .execute(&self.write)
        .await
        .describe("claiming an affiliation")
        .map(|_| ())
    }

    /// Confirms a claim, or removes it (declined) when `confirm` is false.
    ///
    /// # Errors
    /// `NotFound` when there is no such claim.
    pub async fn decide_affiliation(
        &self,
        org: OrganizationId,
        member: MemberId,
        confirm: bool,
    ) -> StoreResult<()> {
        let sql = if confirm {
            "UPDATE organization_members SET status = 'confirmed' WHERE org_id = $1 AND member_id = $2 AND status = 'claimed'"
        } else {
            "DELETE FROM organization_members WHERE org_id = $1 AND member_id = $2 AND status = 'claimed'"
        };
        let done = sqlx::query(sql)
            .bind(org.to_string())
            .bind(member.to_string())
            .execute(&self.write)
            .await
            .describe("deciding an affiliation")?;
        if done.rows_affected() == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// The organization's affiliated members (or pending claims), with whether each is an admin.
    pub async fn list_affiliations(
        &self,
        org: OrganizationId,
        claims: bool,
        limit: u32,
    ) -> StoreResult<Vec<(MemberId, bool)>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT member_id, role FROM organization_members WHERE org_id = $1 AND status = $2
             ORDER BY created_at, member_id LIMIT $3",
        )
        .bind(org.to_string())
        .bind(if claims { "claimed" } else { "confirmed" })
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await
        .describe("listing affiliations")?;
        rows.into_iter()
            .map(|(id, role)| Ok((id.parse().map_err(|_| bad("member_id"))?, role == "admin")))
            .collect()
    }
}

fn bad(what: &'static str) -> StoreError {
    StoreError::Other(anyhow::anyhow!("unexpected stored value in {what}"))
}

fn org_from_row(row: &AnyRow) -> StoreResult<OrganizationRecord> {
    let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
    Ok(OrganizationRecord {
        id: text("org_id")?.parse().map_err(|_| bad("org_id"))?,
        fields: OrganizationFields {
            name: text("name")?,
            slug: text("slug")?,
            description: text("description")?,
            region: text("region")?,
            domains: text("domains")?.lines().map(str::to_owned).collect(),
            website: text("website")?,
            contact: text("contact")?,
            contact_visibility: ContactVisibility::from_code(&text("contact_visibility")?)
                .ok_or_else(|| bad("contact_visibility"))?,
        },
    })
}
