//! Organizations: anyone may see one; its admins (confirmed by another admin) change it and
//! decide who is affiliated.

use praxis_store::organizations::{Affiliation, OrganizationRecord};

use crate::policy::CurrentMember;
use crate::{AppError, AppResult, Context};

/// The organization with this id or slug.
///
/// # Errors
/// `NotFound` when there is none.
pub async fn find_organization(ctx: &Context, key: &str) -> AppResult<OrganizationRecord> {
    ctx.store
        .find_organization(key)
        .await?
        .ok_or(AppError::NotFound)
}

/// An organization the member administers.
///
/// # Errors
/// `NotFound` for an unknown organization, `Forbidden` for anyone but its admins.
pub async fn administered_organization(
    ctx: &Context,
    me: &CurrentMember,
    key: &str,
) -> AppResult<OrganizationRecord> {
    let org = find_organization(ctx, key).await?;
    if ctx.store.affiliation(org.id, me.id).await? == Affiliation::Admin {
        Ok(org)
    } else {
        Err(AppError::Forbidden)
    }
}
