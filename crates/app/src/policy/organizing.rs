//! Organizing inside a node: teams, campaigns, reflections and lessons. Who sees each follows
//! [`praxis_domain::organizing::may_see`] from the viewer's place towards the object's node
//! and team; anyone else gets `NotFound`, as if it did not exist.

use praxis_domain::ids::{CampaignId, CrewId, LessonId, MemberId, NodeId, ReflectionId};
use praxis_domain::nodes::Standing;
use praxis_domain::organizing::{OrganizingViewer, Reach, may_see};
use praxis_store::StoreError;
use praxis_store::nodes::NodeRecord;
use praxis_store::organizing::{CampaignRecord, CrewRecord, LessonRecord, ReflectionRecord};

use super::nodes::visible_node;
use crate::policy::CurrentMember;
use crate::{AppError, AppResult, Context};

/// Where the viewer stands towards an object's node and team, read now.
#[derive(Debug, Clone)]
pub struct Place {
    /// The node.
    pub node: NodeRecord,
    /// The viewer's standing in it.
    pub standing: Standing,
    /// The viewer is on the object's team (and an active member of its node: a team's row
    /// outlives a membership, its access does not).
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
        self.standing.is_member()
            && (self.in_team || self.standing == Standing::Steward || !has_team)
    }

    /// True for the node's stewards.
    pub fn is_steward(&self) -> bool {
        self.standing == Standing::Steward
    }

    /// True when the viewer may see every team of the node: its stewards, and its members
    /// unless the node keeps its membership to stewards (safety).
    pub fn sees_all_teams(&self) -> bool {
        self.is_steward() || (self.standing.is_member() && !self.node.fields.safety)
    }

    /// True when the viewer may see this place's team: its members, and whoever sees all the
    /// node's teams.
    pub fn sees_team(&self) -> bool {
        self.in_team || self.sees_all_teams()
    }

    /// True when the member may delete something of theirs here: its author, or a steward of
    /// its node.
    pub fn may_delete(&self, me: &CurrentMember, author: Option<MemberId>) -> bool {
        self.is_steward() || (author == Some(me.id) && self.standing != Standing::Banned)
    }
}

/// The viewer's place towards a node and, optionally, one of its teams.
///
/// # Errors
/// `NotFound` for a missing node.
pub async fn place_of(
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
        Some(c) if standing.is_member() => ctx.store.is_crew_member(c, me.id).await?,
        _ => false,
    };
    Ok(Place {
        node,
        standing,
        in_team,
    })
}

/// A node the member may know of, by id or slug, as a place (on no team).
///
/// # Errors
/// `NotFound` for a node they may not know about.
pub async fn node_place(ctx: &Context, me: &CurrentMember, key: &str) -> AppResult<Place> {
    let (node, standing) = visible_node(ctx, Some(me), key).await?;
    Ok(Place {
        node,
        standing,
        in_team: false,
    })
}

/// A team and the viewer's place, if they may see it.
///
/// # Errors
/// `NotFound` for anyone who may not.
pub async fn visible_crew(
    ctx: &Context,
    me: &CurrentMember,
    id: CrewId,
) -> AppResult<(CrewRecord, Place)> {
    let crew = ctx.store.get_crew(id).await?.ok_or(AppError::NotFound)?;
    let place = place_of(ctx, me, crew.node_id, Some(crew.id)).await?;
    if place.node.is_proposed || !place.sees_team() {
        return Err(AppError::NotFound);
    }
    Ok((crew, place))
}

/// A team the member works on (its members, the node's stewards).
///
/// # Errors
/// `NotFound` for anyone who may not see it, `Forbidden` for others who may.
pub async fn crew_to_work_on(
    ctx: &Context,
    me: &CurrentMember,
    id: CrewId,
) -> AppResult<(CrewRecord, Place)> {
    let (crew, place) = visible_crew(ctx, me, id).await?;
    if place.works_on(true) {
        Ok((crew, place))
    } else {
        Err(AppError::Forbidden)
    }
}

/// A campaign and the viewer's place, if they may see it.
///
/// # Errors
/// `NotFound` for anyone who may not.
pub async fn visible_campaign(
    ctx: &Context,
    me: &CurrentMember,
    id: CampaignId,
) -> AppResult<(CampaignRecord, Place)> {
    let campaign = ctx
        .store
        .get_campaign(id)
        .await?
        .ok_or(AppError::NotFound)?;
    let place = place_of(ctx, me, campaign.node_id, campaign.crew_id).await?;
    if !place.sees(campaign.fields.reach) {
        return Err(AppError::NotFound);
    }
    Ok((campaign, place))
}

/// A campaign the member works on (its team, the node's stewards; the node's members for a
/// campaign of no team): they may edit it and reflect on it.
///
/// # Errors
/// `NotFound` for anyone who may not see it, `Forbidden` for others who may.
pub async fn editable_campaign(
    ctx: &Context,
    me: &CurrentMember,
    id: CampaignId,
) -> AppResult<(CampaignRecord, Place)> {
    let (c, place) = visible_campaign(ctx, me, id).await?;
    if !place.works_on(c.crew_id.is_some()) {
        return Err(AppError::Forbidden);
    }
    Ok((c, place))
}

/// A reflection and the viewer's place, if they may read it.
///
/// # Errors
/// `NotFound` for anyone who may not.
pub async fn visible_reflection(
    ctx: &Context,
    me: &CurrentMember,
    id: ReflectionId,
) -> AppResult<(ReflectionRecord, Place)> {
    let r = ctx
        .store
        .reflections_by_ids(&[id])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let place = place_of(ctx, me, r.node_id, r.crew_id).await?;
    if !place.sees(r.fields.reach) {
        return Err(AppError::NotFound);
    }
    Ok((r, place))
}

/// A lesson and the viewer's place, if they may read it.
///
/// # Errors
/// `NotFound` for anyone who may not.
pub async fn visible_lesson(
    ctx: &Context,
    me: &CurrentMember,
    id: LessonId,
) -> AppResult<(LessonRecord, Place)> {
    let lesson = ctx
        .store
        .lessons_by_ids(&[id])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let place = place_of(ctx, me, lesson.node_id, lesson.crew_id).await?;
    if !place.sees(lesson.reach) {
        return Err(AppError::NotFound);
    }
    Ok((lesson, place))
}

/// Sorts reflections, lessons or anything else of one node by whether the viewer may read
/// them: the place in the node is read once, the viewer's teams once.
pub struct NodeReader {
    place: Place,
    mine: Vec<CrewId>,
}

impl NodeReader {
    /// A reader of the node at `place`.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn new(ctx: &Context, me: &CurrentMember, place: Place) -> AppResult<Self> {
        let mine = if place.standing.is_member() {
            ctx.store.member_crews(me.id).await?
        } else {
            Vec::new()
        };
        Ok(Self { place, mine })
    }

    /// True when the viewer may read something of this team and reach in the node.
    pub fn reads(&self, crew: Option<CrewId>, reach: Reach) -> bool {
        let mut p = self.place.clone();
        p.in_team = crew.is_some_and(|c| self.mine.contains(&c));
        p.sees(reach)
    }

    /// True when the viewer is on this team now.
    pub fn on_team(&self, crew: CrewId) -> bool {
        self.mine.contains(&crew)
    }

    /// The place in the node.
    pub fn place(&self) -> &Place {
        &self.place
    }
}

/// Answers "may the member read this?" for organizing records from any nodes: the place in
/// each node is read once, the member's teams once.
#[derive(Default)]
pub struct Places {
    nodes: Vec<(NodeId, Option<Place>)>,
    mine: Option<Vec<CrewId>>,
}

impl Places {
    /// True when the member may read something of this node, team and reach.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn reads(
        &mut self,
        ctx: &Context,
        me: &CurrentMember,
        node: NodeId,
        crew: Option<CrewId>,
        reach: Reach,
    ) -> AppResult<bool> {
        let place = match self.nodes.iter().find(|(n, _)| *n == node) {
            Some((_, p)) => p.clone(),
            None => {
                let p = match place_of(ctx, me, node, None).await {
                    Ok(p) => Some(p),
                    Err(AppError::NotFound) => None,
                    Err(e) => return Err(e),
                };
                self.nodes.push((node, p.clone()));
                p
            }
        };
        let Some(mut place) = place else {
            return Ok(false);
        };
        if let Some(c) = crew
            && place.standing.is_member()
        {
            let mine = match &self.mine {
                Some(m) => m,
                None => self.mine.insert(ctx.store.member_crews(me.id).await?),
            };
            place.in_team = mine.contains(&c);
        }
        Ok(place.sees(reach))
    }
}
