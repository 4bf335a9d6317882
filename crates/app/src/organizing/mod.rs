//! Organizing inside a node: teams in the snowflake model with their health checks, campaigns
//! planned with the framework, reflections after each peak and the lessons drawn from them.
//!
//! Every object belongs to a node and, often, a team; who sees it follows
//! [`praxis_domain::organizing::may_see`]. Anyone else gets `NotFound`, as if it did not exist.

mod campaigns;
mod crews;
mod lessons;
mod reflections;

pub use campaigns::*;
pub use crews::*;
pub use lessons::*;
pub use praxis_store::organizing::{
    ActorRecord, CampaignRecord, CrewMember, CrewRecord, Endorsement, HealthCheck, LessonRecord,
    PhaseRecord, ReflectionRecord,
};
pub use reflections::*;

use praxis_domain::ids::{CrewId, NodeId};
use praxis_domain::nodes::Standing;
use praxis_domain::organizing::{OrganizingViewer, Reach, may_see};
use praxis_store::StoreError;
use praxis_store::nodes::NodeRecord;

use crate::accounts::CurrentMember;
use crate::{AppError, AppResult, Context};

/// Where the viewer stands towards an object's node and team.
#[derive(Debug, Clone)]
pub struct Place {
    /// The node.
    pub node: NodeRecord,
    /// The viewer's standing in it.
    pub standing: Standing,
    /// The viewer is on the object's team.
    pub in_team: bool,
}

impl Place {
    fn viewer(&self) -> OrganizingViewer {
        OrganizingViewer {
            signed_in: true,
            standing: self.standing,
            in_team: self.in_team,
        }
    }

    /// True when the viewer may see an object with this reach here.
    pub fn sees(&self, reach: Reach) -> bool {
        !self.node.is_proposed && may_see(reach, self.node.fields.visibility, self.viewer())
    }

    /// True when the viewer works on it: on its team, or a steward of its node (or a member of
    /// the node when it has no team).
    pub fn works_on(&self, has_team: bool) -> bool {
        self.standing != Standing::Banned
            && (self.in_team
                || self.standing == Standing::Steward
                || (!has_team && self.standing.is_member()))
    }

    /// True for the node's stewards.
    pub fn is_steward(&self) -> bool {
        self.standing == Standing::Steward
    }
}

/// The viewer's place towards a node and, optionally, one of its teams.
pub(crate) async fn place_of(
    ctx: &Context,
    me: &CurrentMember,
    node: NodeId,
    crew: Option<CrewId>,
) -> AppResult<Place> {
    let node = match ctx.store.get_node(node).await {
        Ok(n) => n,
        Err(StoreError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    let standing = ctx.store.node_standing(node.id, me.id).await?;
    let in_team = match crew {
        Some(c) => ctx.store.is_crew_member(c, me.id).await?,
        None => false,
    };
    Ok(Place {
        node,
        standing,
        in_team,
    })
}

/// A node the member may know of, by id or slug, with their standing.
pub(crate) async fn node_place(ctx: &Context, me: &CurrentMember, key: &str) -> AppResult<Place> {
    let (node, standing) = crate::nodes::visible_node_for(
        ctx,
        praxis_domain::members::profile::Viewer::Member(me.id),
        key,
    )
    .await?;
    Ok(Place {
        node,
        standing,
        in_team: false,
    })
}
