//! What a member may see of the campaigns and workshops other records point to, remembered
//! per campaign and workshop so a page asks once for each.

use std::collections::HashMap;

use praxis_domain::ids::{CampaignId, WorkshopId};

use super::organizing::visible_campaign;
use super::workshops::visible_workshop;
use crate::policy::CurrentMember;
use crate::{AppError, AppResult, Context};

/// Answers "may this member see that campaign / workshop?", each asked once.
#[derive(Debug, Default)]
pub struct Seen {
    campaigns: HashMap<CampaignId, bool>,
    workshops: HashMap<WorkshopId, bool>,
}

impl Seen {
    /// True when the member may see this campaign.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn sees_campaign(
        &mut self,
        ctx: &Context,
        me: &CurrentMember,
        id: CampaignId,
    ) -> AppResult<bool> {
        if let Some(v) = self.campaigns.get(&id) {
            return Ok(*v);
        }
        let v = found(visible_campaign(ctx, me, id).await)?;
        self.campaigns.insert(id, v);
        Ok(v)
    }

    /// True when the member may see this workshop.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn sees_workshop(
        &mut self,
        ctx: &Context,
        me: &CurrentMember,
        id: WorkshopId,
    ) -> AppResult<bool> {
        if let Some(v) = self.workshops.get(&id) {
            return Ok(*v);
        }
        let v = found(visible_workshop(ctx, Some(me), id).await)?;
        self.workshops.insert(id, v);
        Ok(v)
    }
}

/// `Ok(false)` for something the member may not see, the error for any other failure (a
/// database failure is never taken for "not found").
fn found<T>(r: AppResult<T>) -> AppResult<bool> {
    match r {
        Ok(_) => Ok(true),
        Err(AppError::NotFound) => Ok(false),
        Err(e) => Err(e),
    }
}
