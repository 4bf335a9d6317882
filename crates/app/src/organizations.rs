//! Organizations: any member creates one (and becomes its admin), members claim to be
//! affiliated and an organization admin confirms; the page shows the confirmed members whose
//! profiles the viewer may see, and contact details as their visibility allows.

use praxis_domain::ids::{MemberId, OrganizationId};
use praxis_domain::members::profile::{Viewer, search_terms};
use praxis_domain::organizations::{OrganizationFields, RawOrganizationFields, can_see_contact};
use praxis_domain::validation::FieldErrors;
use praxis_store::nodes::NodeScope;
use praxis_store::organizations::{Affiliation, OrganizationFilter};
use praxis_store::{Constraint, StoreError};
use tracing::instrument;

use crate::markdown::render_markdown;
use crate::nodes::{NodePerson, people};
use crate::paging::{decode_cursor, encode_cursor};
use crate::policy::CurrentMember;
use crate::policy::organizations::{administered_organization, find_organization};
use crate::{AppError, AppResult, Context};

pub use praxis_store::organizations::OrganizationRecord;

/// An organization as one viewer may see it.
#[derive(Debug, Clone)]
pub struct OrganizationView {
    /// The organization (its contact is emptied when the viewer may not see it).
    pub org: OrganizationRecord,
    /// The description as safe HTML.
    pub description_html: String,
    /// The viewer's affiliation.
    pub affiliation: Affiliation,
    /// Confirmed members the viewer may see.
    pub members: Vec<NodePerson>,
    /// Pending claims (organization admins only).
    pub claims: Vec<NodePerson>,
    /// Nodes it hosts that the viewer may see.
    pub nodes: Vec<praxis_store::nodes::NodeRecord>,
}

/// Creates an organization; its creator becomes its admin.
///
/// # Errors
/// `Invalid` naming fields (a taken slug too).
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn create_organization(
    ctx: &Context,
    me: &CurrentMember,
    raw: RawOrganizationFields,
) -> AppResult<OrganizationRecord> {
    let fields = OrganizationFields::parse(raw)?;
    let id = OrganizationId::generate();
    match ctx
        .store
        .create_organization(id, &fields, me.id, ctx.now())
        .await
    {
        Ok(()) => {}
        Err(StoreError::Conflict(Constraint::OrganizationSlugTaken)) => {
            return Err(AppError::Invalid(FieldErrors::single(
                "slug",
                "error-slug-taken",
            )));
        }
        Err(e) => return Err(e.into()),
    }
    tracing::info!(organization.id = %id, "organization created");
    Ok(OrganizationRecord { id, fields })
}

/// What to look for among organizations.
#[derive(Debug, Clone, Default)]
pub struct OrganizationQuery {
    /// A region.
    pub region: Option<String>,
    /// A domain.
    pub domain: Option<String>,
    /// Words to find in names, regions and descriptions.
    pub text: Option<String>,
}

/// Organizations that match, by name (organizations are public; contacts are listed only
/// when public): the first page.
pub async fn list_organizations(
    ctx: &Context,
    q: &OrganizationQuery,
    limit: u32,
) -> AppResult<Vec<OrganizationRecord>> {
    Ok(list_organization_page(ctx, q, None, limit).await?.0)
}

/// A page of matching organizations and the cursor of the next page.
///
/// # Errors
/// `Invalid` naming `cursor` for a cursor this list did not make.
pub async fn list_organization_page(
    ctx: &Context,
    q: &OrganizationQuery,
    cursor: Option<&str>,
    limit: u32,
) -> AppResult<(Vec<OrganizationRecord>, Option<String>)> {
    let filter = OrganizationFilter {
        region: q.region.clone(),
        domain: q.domain.clone(),
        words: q
            .text
            .as_deref()
            .map(|t| search_terms(&[t]))
            .unwrap_or_default(),
    };
    let bad_cursor = || AppError::Invalid(FieldErrors::single("cursor", "error-cursor"));
    let after = match cursor.filter(|c| !c.is_empty()) {
        Some(c) => {
            let (name, id) = decode_cursor(c).ok_or_else(bad_cursor)?;
            let id: OrganizationId = id.parse().map_err(|_| bad_cursor())?;
            Some((name, id))
        }
        None => None,
    };
    let limit = limit.clamp(1, 200);
    let mut rows = ctx
        .store
        .list_organizations(
            &filter,
            after.as_ref().map(|(n, id)| (n.as_str(), *id)),
            limit + 1,
        )
        .await?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next = more
        .then(|| {
            rows.last()
                .map(|o| encode_cursor(&o.fields.name, &o.id.to_string()))
        })
        .flatten();
    Ok((rows, next))
}

/// An organization's page as the viewer may see it.
///
/// # Errors
/// `NotFound` for an unknown organization.
pub async fn view_organization(
    ctx: &Context,
    viewer: Viewer,
    key: &str,
) -> AppResult<OrganizationView> {
    let mut org = find_organization(ctx, key).await?;
    let affiliation = match viewer {
        Viewer::Member(id) => ctx.store.affiliation(org.id, id).await?,
        Viewer::Anonymous => Affiliation::None,
    };
    let is_admin = affiliation == Affiliation::Admin;
    if !can_see_contact(org.fields.contact_visibility, viewer, is_admin) {
        org.fields.contact = String::new();
    }
    let members = people(
        ctx,
        &ctx.store.list_affiliations(org.id, false, 200).await?,
        viewer,
        false,
    )
    .await?;
    let claims = if is_admin {
        people(
            ctx,
            &ctx.store.list_affiliations(org.id, true, 200).await?,
            viewer,
            true,
        )
        .await?
    } else {
        Vec::new()
    };
    let scope = match viewer {
        Viewer::Anonymous => NodeScope::PublicOnly,
        Viewer::Member(id) => NodeScope::MemberView(id),
    };
    let nodes = ctx
        .store
        .list_organization_nodes(org.id, scope, 200)
        .await?;
    Ok(OrganizationView {
        description_html: render_markdown(&org.fields.description),
        org,
        affiliation,
        members,
        claims,
        nodes,
    })
}

/// Claims that the member works with the organization; an organization admin confirms.
///
/// # Errors
/// `NotFound` for an unknown organization.
pub async fn claim_affiliation(ctx: &Context, me: &CurrentMember, key: &str) -> AppResult<()> {
    let org = find_organization(ctx, key).await?;
    ctx.store
        .claim_affiliation(org.id, me.id, ctx.now())
        .await?;
    Ok(())
}

/// An organization admin confirms or declines a claim.
///
/// # Errors
/// `Forbidden` for anyone but the organization's admins; `NotFound` for no such claim.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn decide_claim(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
    member: MemberId,
    confirm: bool,
) -> AppResult<()> {
    let org = administered_organization(ctx, me, key).await?;
    ctx.store
        .decide_affiliation(org.id, member, confirm)
        .await?;
    Ok(())
}

/// The organization's current fields as raw input (to prefill a form or merge changes into).
pub fn raw_fields(org: &OrganizationRecord) -> RawOrganizationFields {
    let f = &org.fields;
    RawOrganizationFields {
        name: f.name.clone(),
        slug: f.slug.clone(),
        description: f.description.clone(),
        region: f.region.clone(),
        domains: f.domains.clone(),
        website: f.website.clone(),
        contact: f.contact.clone(),
        contact_visibility: f.contact_visibility.code().to_owned(),
    }
}

/// An organization its admin may edit.
///
/// # Errors
/// `NotFound` for an unknown organization, `Forbidden` for anyone but its admins.
pub async fn organization_for_editing(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
) -> AppResult<OrganizationRecord> {
    administered_organization(ctx, me, key).await
}

/// Edits an organization (its admins only); every field is validated before anything changes.
///
/// # Errors
/// `NotFound`, `Forbidden`, or `Invalid` naming fields (a taken slug too).
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn edit_organization(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
    raw: RawOrganizationFields,
) -> AppResult<OrganizationRecord> {
    let org = organization_for_editing(ctx, me, key).await?;
    let fields = OrganizationFields::parse(raw)?;
    match ctx
        .store
        .update_organization(org.id, &fields, ctx.now())
        .await
    {
        Ok(()) => {}
        Err(StoreError::Conflict(Constraint::OrganizationSlugTaken)) => {
            return Err(AppError::Invalid(FieldErrors::single(
                "slug",
                "error-slug-taken",
            )));
        }
        Err(e) => return Err(e.into()),
    }
    tracing::info!(organization.id = %org.id, "organization edited");
    Ok(OrganizationRecord { id: org.id, fields })
}

/// Ends the member's affiliation with an organization (or withdraws a claim).
///
/// # Errors
/// `NotFound` when they have none; `Invalid` naming `member` for the last admin.
pub async fn leave_organization(ctx: &Context, me: &CurrentMember, key: &str) -> AppResult<()> {
    let org = find_organization(ctx, key).await?;
    match ctx.store.leave_organization(org.id, me.id).await {
        Err(StoreError::Conflict(Constraint::LastSteward)) => Err(AppError::Invalid(
            FieldErrors::single("member", "error-last-admin"),
        )),
        other => Ok(other?),
    }
}
