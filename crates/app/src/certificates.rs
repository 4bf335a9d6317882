//! Completion certificates: trainers issue them to accepted participants; anyone with the
//! link can verify one; a revoked certificate says so.

use praxis_domain::applications::{ApplicationStatus, Audience};
use praxis_domain::ids::{MemberId, WorkshopId};
use praxis_store::StoreError;

use crate::policy::CurrentMember;
use crate::policy::workshops::{managed_workshop, manages, visible_workshop};
use crate::secrets::new_secret;
use crate::{AppError, AppResult, Context};

pub use praxis_store::certificates::CertificateRecord;

/// Issues certificates to the accepted participants (those given, or all); returns how many
/// were new.
///
/// # Errors
/// `NotFound`, `Forbidden`.
pub async fn issue(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    only: &[String],
) -> AppResult<u64> {
    let w = managed_workshop(ctx, me, workshop).await?;
    let accepted = ctx
        .store
        .list_applications(
            w.id,
            Some(Audience::Participant),
            Some(ApplicationStatus::Accepted),
            0,
            10_000,
        )
        .await?;
    let mut members: Vec<(MemberId, String)> = Vec::new();
    for a in accepted {
        if only.is_empty() || only.iter().any(|o| *o == a.member_id.to_string()) {
            members.push((a.member_id, new_secret("c")?.replace('_', "")));
        }
    }
    Ok(ctx
        .store
        .issue_certificates(w.id, &members, me.id, ctx.now())
        .await?)
}

/// The workshop's certificates: all for the managing staff, one's own for anyone else.
///
/// # Errors
/// `NotFound` when the viewer may not see the workshop.
pub async fn list(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
) -> AppResult<Vec<CertificateRecord>> {
    let w = visible_workshop(ctx, Some(me), workshop).await?;
    let all = ctx.store.list_certificates(w.id).await?;
    if manages(ctx, me, &w).await? {
        Ok(all)
    } else {
        Ok(all.into_iter().filter(|c| c.member_id == me.id).collect())
    }
}

/// The certificate at a verification address (public).
///
/// # Errors
/// `NotFound` for an unknown code.
pub async fn verify(ctx: &Context, code: &str) -> AppResult<CertificateRecord> {
    if code.len() > 100 {
        return Err(AppError::NotFound);
    }
    ctx.store
        .certificate_by_code(code)
        .await?
        .ok_or(AppError::NotFound)
}

/// Revokes a certificate.
///
/// # Errors
/// `NotFound`, `Forbidden`.
pub async fn revoke(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    code: &str,
) -> AppResult<()> {
    let w = managed_workshop(ctx, me, workshop).await?;
    match ctx.store.revoke_certificate(w.id, code, ctx.now()).await {
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        other => Ok(other?),
    }
}
