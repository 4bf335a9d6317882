//! Organizations and the members affiliated with them.

use praxis_domain::ids::{MemberId, OrganizationId};
use praxis_domain::members::profile::search_terms;
use praxis_domain::organizations::{ContactVisibility, OrganizationFields};
use praxis_domain::timestamps::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row as _};

use crate::{Describe as _, Store, StoreError, StoreResult, corrupt, dialect};

/// A stored organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationRecord {
    /// Its id.
    pub id: OrganizationId,
    /// Its fields.
    pub fields: OrganizationFields,
}

/// What an organization listing must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganizationFilter {
    /// A region (any case).
    pub region: Option<String>,
    /// A domain (any case).
    pub domain: Option<String>,
    /// Lower-case words that must each begin a word of the name, region or description.
    pub words: Vec<String>,
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
        write_terms(&mut tx, id, f).await?;
        tx.commit().await.describe("committing an organization")
    }

    /// Replaces an organization's fields (and its directory index) in one transaction.
    ///
    /// # Errors
    /// `Conflict(OrganizationSlugTaken)` when the new slug is in use.
    pub async fn update_organization(
        &self,
        id: OrganizationId,
        f: &OrganizationFields,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting an organization edit")?;
        sqlx::query(
            "UPDATE organizations SET slug = $2, name = $3, description = $4, region = $5, domains = $6,
                website = $7, contact = $8, contact_visibility = $9, updated_at = $10
             WHERE org_id = $1",
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
        .describe("updating an organization")?;
        sqlx::query("DELETE FROM organization_terms WHERE org_id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await
            .describe("clearing an organization's index")?;
        write_terms(&mut tx, id, f).await?;
        tx.commit()
            .await
            .describe("committing an organization edit")
    }

    /// Ends a member's affiliation (or claim); never the last admin's.
    ///
    /// # Errors
    /// `NotFound` when there is none; `Conflict(LastSteward)` for the last admin.
    pub async fn leave_organization(
        &self,
        org: OrganizationId,
        member: MemberId,
    ) -> StoreResult<()> {
        let mut tx = self
            .write
            .begin()
            .await
            .describe("starting to leave an organization")?;
        let role: Option<String> = sqlx::query_scalar(
            "SELECT role FROM organization_members WHERE org_id = $1 AND member_id = $2",
        )
        .bind(org.to_string())
        .bind(member.to_string())
        .fetch_optional(&mut *tx)
        .await
        .describe("reading an affiliation")?;
        let role = role.ok_or(StoreError::NotFound)?;
        if role == "admin" {
            let admins: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM organization_members WHERE org_id = $1 AND role = 'admin'",
            )
            .bind(org.to_string())
            .fetch_one(&mut *tx)
            .await
            .describe("counting admins")?;
            if admins <= 1 {
                return Err(StoreError::Conflict(crate::Constraint::LastSteward));
            }
        }
        sqlx::query("DELETE FROM organization_members WHERE org_id = $1 AND member_id = $2")
            .bind(org.to_string())
            .bind(member.to_string())
            .execute(&mut *tx)
            .await
            .describe("leaving an organization")?;
        tx.commit().await.describe("committing a departure")
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

    /// A page of organizations by name that match every filter: a region and a domain (any
    /// case), and words that must each begin a word of the name, region or description.
    pub async fn list_organizations(
        &self,
        filter: &OrganizationFilter,
        after: Option<(&str, OrganizationId)>,
        limit: u32,
    ) -> StoreResult<Vec<OrganizationRecord>> {
        let (after_name, after_id) = after.map_or((String::new(), String::new()), |(n, id)| {
            (n.to_owned(), id.to_string())
        });
        let mut binds = vec![after_name, after_id];
        let mut clauses = vec!["(name, org_id) > ($1, $2)".to_owned()];
        for (kind, value) in [("region", &filter.region), ("domain", &filter.domain)] {
            if let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                binds.push(value.to_lowercase());
                clauses.push(format!(
                    "EXISTS (SELECT 1 FROM organization_terms t WHERE t.org_id = organizations.org_id
                        AND t.kind = '{kind}' AND t.term = ${})",
                    binds.len()
                ));
            }
        }
        for word in filter.words.iter().take(8) {
            binds.push(word.clone());
            let low = format!("${}", binds.len());
            binds.push(format!("{word}\u{10FFFF}"));
            let high = format!("${}", binds.len());
            let range = dialect::prefix_range(self.backend, "t.term", &low, &high);
            clauses.push(format!(
                "EXISTS (SELECT 1 FROM organization_terms t WHERE t.org_id = organizations.org_id
                    AND t.kind = 'word' AND {range})"
            ));
        }
        binds.push(limit.to_string());
        let sql = format!(
            "SELECT {ORG_COLUMNS} FROM organizations WHERE {} ORDER BY name, org_id LIMIT CAST(${} AS BIGINT)",
            clauses.join(" AND "),
            binds.len()
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for value in binds {
            query = query.bind(value);
        }
        let rows = query
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
            .map(|(id, role)| {
                Ok((
                    id.parse().map_err(|_| corrupt("member_id"))?,
                    role == "admin",
                ))
            })
            .collect()
    }
}

/// Indexes an organization's domains, region and words for the directory.
async fn write_terms(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: OrganizationId,
    f: &OrganizationFields,
) -> StoreResult<()> {
    let mut terms: Vec<(&str, String)> = f
        .domains
        .iter()
        .map(|d| ("domain", d.to_lowercase()))
        .collect();
    if !f.region.is_empty() {
        terms.push(("region", f.region.to_lowercase()));
    }
    terms.extend(
        search_terms(&[&f.name, &f.region, &f.description])
            .into_iter()
            .map(|w| ("word", w)),
    );
    terms.sort();
    terms.dedup();
    for (kind, term) in terms {
        sqlx::query("INSERT INTO organization_terms (org_id, kind, term) VALUES ($1, $2, $3)")
            .bind(id.to_string())
            .bind(kind)
            .bind(term)
            .execute(&mut **tx)
            .await
            .describe("indexing an organization")?;
    }
    Ok(())
}

fn org_from_row(row: &AnyRow) -> StoreResult<OrganizationRecord> {
    let text = |c: &'static str| -> StoreResult<String> { row.try_get(c).describe(c) };
    Ok(OrganizationRecord {
        id: text("org_id")?.parse().map_err(|_| corrupt("org_id"))?,
        fields: OrganizationFields {
            name: text("name")?,
            slug: text("slug")?,
            description: text("description")?,
            region: text("region")?,
            domains: text("domains")?.lines().map(str::to_owned).collect(),
            website: text("website")?,
            contact: text("contact")?,
            contact_visibility: ContactVisibility::from_code(&text("contact_visibility")?)
                .ok_or_else(|| corrupt("contact_visibility"))?,
        },
    })
}
