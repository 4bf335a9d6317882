//! Campaigns planned with the framework — strategy, actor map, timeline with goal and actual
//! numbers — their commitments' kept rate, the reflections written after each peak, and the
//! campaign's export as Markdown or JSON.

use praxis_domain::commitments::CommitmentStatus;
use praxis_domain::ids::{ActorId, CampaignId, CrewId, PhaseId, ReflectionId};
use praxis_domain::organizing::{
    ActorFields, CampaignFields, PhaseFields, RawCampaignFields, Reach, ReflectionFields,
};
use praxis_domain::timestamps::Timestamp;
use praxis_domain::validation::FieldErrors;
use praxis_store::organizing::{CrewRecord, ReflectionRecord};
use tracing::instrument;

use super::crews::rate_of;
use crate::policy::CurrentMember;
use crate::policy::organizing::{
    NodeReader, Place, editable_campaign, node_place, visible_campaign,
};
use crate::{AppError, AppResult, Context};

pub use praxis_store::organizing::{ActorRecord, CampaignRecord, PhaseRecord};

/// Campaigns per page of a node's list.
pub const CAMPAIGNS_PER_PAGE: u32 = 30;

/// A campaign as its page (and its export) shows it.
#[derive(Debug, Clone)]
pub struct CampaignView {
    /// The campaign.
    pub campaign: CampaignRecord,
    /// Where the viewer stands.
    pub place: Place,
    /// Its team.
    pub crew: Option<CrewRecord>,
    /// The actor map.
    pub actors: Vec<ActorRecord>,
    /// The timeline.
    pub phases: Vec<PhaseRecord>,
    /// The reflections the viewer may read, oldest first.
    pub reflections: Vec<ReflectionRecord>,
    /// How many commitments stand at each status.
    pub commitments: Vec<(CommitmentStatus, u64)>,
    /// Done ÷ (done + flaked) of its commitments.
    pub kept_rate: Option<u32>,
    /// The viewer may edit it and write reflections.
    pub can_edit: bool,
    /// The viewer may delete it (its creator, the node's stewards).
    pub can_delete: bool,
    /// The reflections shown that the viewer may delete (theirs, or all for a steward).
    pub deletable: Vec<ReflectionId>,
}

pub(super) fn merge(errors: &mut FieldErrors, e: &FieldErrors) {
    for err in e.iter() {
        errors.add(err.field().to_owned(), err.key());
    }
}

/// Checks a team id for a node: it must be one of the node's teams, and the member on it (or
/// a steward). A team-wide reach needs a team.
pub(super) async fn team_for(
    ctx: &Context,
    me: &CurrentMember,
    place: &Place,
    crew: &str,
    reach: Option<Reach>,
    errors: &mut FieldErrors,
) -> AppResult<Option<CrewId>> {
    let crew = match crew.trim() {
        "" => None,
        c => match c.parse::<CrewId>().ok() {
            Some(id) => match ctx.store.get_crew(id).await? {
                Some(found)
                    if found.node_id == place.node.id
                        && place.standing.is_member()
                        && (place.is_steward() || ctx.store.is_crew_member(id, me.id).await?) =>
                {
                    Some(id)
                }
                _ => {
                    errors.add("team", "error-unknown-choice");
                    return Ok(None);
                }
            },
            None => {
                errors.add("team", "error-unknown-choice");
                return Ok(None);
            }
        },
    };
    if crew.is_none() && reach == Some(Reach::Team) {
        errors.add("reach", "error-reach-needs-team");
    }
    Ok(crew)
}

/// Plans a campaign in a node (its members), for one of its teams if given.
///
/// # Errors
/// `NotFound` for a node the member may not see, `Forbidden` for a non-member, `Invalid`
/// naming fields (`team` for a team not theirs, `reach` for a team reach without a team).
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn create_campaign(
    ctx: &Context,
    me: &CurrentMember,
    node: &str,
    crew: &str,
    raw: RawCampaignFields,
) -> AppResult<CampaignId> {
    let place = node_place(ctx, me, node).await?;
    if !place.standing.is_member() {
        return Err(AppError::Forbidden);
    }
    let mut errors = FieldErrors::new();
    let reach = Reach::from_code(raw.reach.trim());
    let crew = team_for(ctx, me, &place, crew, reach, &mut errors).await?;
    let fields = match CampaignFields::parse(raw) {
        Ok(f) => Some(f),
        Err(e) => {
            merge(&mut errors, &e);
            None
        }
    };
    let Some(fields) = fields.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let id = CampaignId::generate();
    ctx.store
        .create_campaign(id, place.node.id, crew, &fields, me.id, ctx.now())
        .await?;
    Ok(id)
}

/// Replaces a campaign's strategy (its team, or the node's members when it has none, and
/// stewards).
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` naming fields.
pub async fn update_campaign(
    ctx: &Context,
    me: &CurrentMember,
    id: CampaignId,
    raw: RawCampaignFields,
) -> AppResult<()> {
    let (c, _) = editable_campaign(ctx, me, id).await?;
    let fields = CampaignFields::parse(raw)?;
    if fields.reach == Reach::Team && c.crew_id.is_none() {
        return Err(AppError::Invalid(FieldErrors::single(
            "reach",
            "error-reach-needs-team",
        )));
    }
    ctx.store.update_campaign(c.id, &fields, ctx.now()).await?;
    Ok(())
}

/// A campaign's page.
///
/// # Errors
/// `NotFound` for anyone who may not see it.
pub async fn view_campaign(
    ctx: &Context,
    me: &CurrentMember,
    id: CampaignId,
) -> AppResult<CampaignView> {
    let (campaign, place) = visible_campaign(ctx, me, id).await?;
    let crew = match campaign.crew_id {
        Some(c) => ctx.store.get_crew(c).await?,
        None => None,
    };
    let actors = ctx.store.campaign_actors(campaign.id).await?;
    let phases = ctx.store.campaign_phases(campaign.id).await?;
    let reflections: Vec<ReflectionRecord> = ctx
        .store
        .campaign_reflections(campaign.id, 500)
        .await?
        .into_iter()
        .filter(|r| place.sees(r.fields.reach))
        .collect();
    let commitments = ctx.store.campaign_commitment_counts(campaign.id).await?;
    let can_edit = place.works_on(campaign.crew_id.is_some());
    let may_delete = |author| place.may_delete(me, author);
    let can_delete = may_delete(campaign.created_by);
    let deletable = reflections
        .iter()
        .filter(|r| may_delete(r.author.as_ref().map(|(a, _)| *a)))
        .map(|r| r.id)
        .collect();
    Ok(CampaignView {
        can_delete,
        deletable,
        kept_rate: rate_of(&commitments),
        campaign,
        place,
        crew,
        actors,
        phases,
        reflections,
        commitments,
        can_edit,
    })
}

/// A node's campaigns the member may see, newest first, a page at a time after `cursor`
/// (the last campaign of the previous page).
///
/// # Errors
/// `NotFound` for a node the member may not see.
pub async fn node_campaigns(
    ctx: &Context,
    me: &CurrentMember,
    node: &str,
    cursor: Option<&str>,
) -> AppResult<(Place, Vec<CampaignRecord>, Option<String>)> {
    let reader = NodeReader::new(ctx, me, node_place(ctx, me, node).await?).await?;
    let place = reader.place().clone();
    let mut before = match cursor.and_then(|c| c.parse::<CampaignId>().ok()) {
        Some(id) => ctx
            .store
            .get_campaign(id)
            .await?
            .filter(|c| c.node_id == place.node.id)
            .map(|c| (c.created_at, c.id)),
        None => None,
    };
    let mut shown = Vec::new();
    // Read in batches until a page of visible campaigns is found or the list ends.
    loop {
        let batch = ctx
            .store
            .node_campaigns(place.node.id, before, CAMPAIGNS_PER_PAGE * 2)
            .await?;
        let ended = batch.len() < (CAMPAIGNS_PER_PAGE * 2) as usize;
        for c in batch {
            before = Some((c.created_at, c.id));
            if reader.reads(c.crew_id, c.fields.reach) {
                shown.push(c);
                if shown.len() == CAMPAIGNS_PER_PAGE as usize {
                    let next = shown.last().map(|l| l.id.to_string());
                    return Ok((place, shown, next));
                }
            }
        }
        if ended {
            return Ok((place, shown, None));
        }
    }
}

/// Adds an actor to the map.
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` naming fields.
pub async fn add_actor(
    ctx: &Context,
    me: &CurrentMember,
    id: CampaignId,
    name: &str,
    category: &str,
    interests: &str,
    resources: &str,
) -> AppResult<()> {
    let (c, _) = editable_campaign(ctx, me, id).await?;
    let actor = ActorFields::parse(name, category, interests, resources)?;
    if ctx.store.campaign_actors(c.id).await?.len() >= 500 {
        return Err(AppError::Invalid(FieldErrors::single(
            "name",
            "error-too-many",
        )));
    }
    ctx.store.add_actor(c.id, &actor).await?;
    Ok(())
}

/// Takes an actor off the map.
///
/// # Errors
/// `NotFound`, `Forbidden`.
pub async fn remove_actor(
    ctx: &Context,
    me: &CurrentMember,
    id: CampaignId,
    actor: ActorId,
) -> AppResult<()> {
    let (c, _) = editable_campaign(ctx, me, id).await?;
    ctx.store.remove_actor(c.id, actor).await?;
    Ok(())
}

/// Adds a phase to the timeline.
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` naming fields.
#[expect(clippy::too_many_arguments, reason = "one phase, every part named")]
pub async fn add_phase(
    ctx: &Context,
    me: &CurrentMember,
    id: CampaignId,
    kind: &str,
    label: &str,
    on: &str,
    goal: &str,
    actual: &str,
) -> AppResult<()> {
    let (c, _) = editable_campaign(ctx, me, id).await?;
    let phase = PhaseFields::parse(kind, label, on, goal, actual)?;
    if ctx.store.campaign_phases(c.id).await?.len() >= 200 {
        return Err(AppError::Invalid(FieldErrors::single(
            "kind",
            "error-too-many",
        )));
    }
    ctx.store.add_phase(c.id, &phase).await?;
    Ok(())
}

/// Records the number a phase reached (empty clears it).
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid` naming `actual`.
pub async fn set_actual(
    ctx: &Context,
    me: &CurrentMember,
    id: CampaignId,
    phase: PhaseId,
    actual: &str,
) -> AppResult<()> {
    let (c, _) = editable_campaign(ctx, me, id).await?;
    let actual = match actual.trim() {
        "" => None,
        a => Some(
            a.parse::<u64>()
                .ok()
                .filter(|n| *n <= 1_000_000_000)
                .ok_or_else(|| {
                    AppError::Invalid(FieldErrors::single("actual", "error-count-range"))
                })?,
        ),
    };
    match ctx.store.set_phase_actual(c.id, phase, actual).await {
        Ok(()) => Ok(()),
        Err(praxis_store::StoreError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// Deletes a campaign for good — its actor map, timeline and the reflections on it — (its
/// creator or the node's stewards). Lessons drawn from those reflections stay; commitments
/// for it stay, unlinked.
///
/// # Errors
/// `NotFound` for anyone who may not see it, `Forbidden` for others who may.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn delete_campaign(
    ctx: &Context,
    me: &CurrentMember,
    id: CampaignId,
) -> AppResult<CampaignRecord> {
    let (campaign, place) = visible_campaign(ctx, me, id).await?;
    if !place.may_delete(me, campaign.created_by) {
        return Err(AppError::Forbidden);
    }
    ctx.store.delete_campaign(campaign.id).await?;
    Ok(campaign)
}

/// The campaign with its reflections as a Markdown document, for those who may see it (the
/// reflections they may not read are left out).
///
/// # Errors
/// `NotFound` for anyone else.
pub fn campaign_markdown(v: &CampaignView, t: &dyn Fn(&str) -> String) -> String {
    use std::fmt::Write as _;
    let f = &v.campaign.fields;
    let mut md = format!("# {}\n\n", f.title);
    for name in CampaignFields::TEXT_FIELDS {
        let value = f.get(name);
        if !value.is_empty() {
            let label = t(&format!("campaign-{}", name.replace('_', "-")));
            let colon = if label.ends_with(['…', ':']) {
                ""
            } else {
                ":"
            };
            let _ = write!(md, "**{label}{colon}** {value}\n\n");
        }
    }
    if let Some(target) = f.goal_target {
        let _ = write!(md, "**{}:** {target}", t("campaign-goal-target"));
        if let Some(d) = &f.goal_deadline {
            let _ = write!(md, " ({d})");
        }
        md.push_str("\n\n");
    }
    if !v.actors.is_empty() {
        let _ = write!(md, "## {}\n\n", t("campaign-actors"));
        for a in &v.actors {
            let _ = writeln!(
                md,
                "- **{}** ({}) — {} / {}",
                a.fields.name,
                t(&format!("actor-{}", a.fields.category.code())),
                a.fields.interests,
                a.fields.resources
            );
        }
        md.push('\n');
    }
    if !v.phases.is_empty() {
        let _ = write!(
            md,
            "## {}\n\n| | | {} | {} |\n|---|---|---|---|\n",
            t("campaign-timeline"),
            t("campaign-phase-goal"),
            t("campaign-phase-actual")
        );
        for p in &v.phases {
            let _ = writeln!(
                md,
                "| {} | {} {} | {} | {} |",
                p.fields.on,
                t(&format!("phase-{}", p.fields.kind.code())),
                p.fields.label,
                p.fields.goal,
                p.fields.actual.map_or_else(String::new, |a| a.to_string())
            );
        }
        md.push('\n');
    }
    if let Some(rate) = v.kept_rate {
        let _ = write!(md, "**{}:** {rate} %\n\n", t("campaign-kept-rate-label"));
    }
    for r in &v.reflections {
        let _ = write!(
            md,
            "## {}: {}\n\n",
            t(&format!("subject-{}", r.fields.subject.code())),
            r.fields.label
        );
        for q in ReflectionFields::QUESTIONS {
            let a = r.fields.get(q);
            if !a.is_empty() {
                let _ = write!(md, "**{}**\n\n{}\n\n", t(&format!("reflection-{q}")), a);
            }
        }
    }
    md
}

/// When a timestamp falls, as a date.
pub fn date_of(t: Timestamp) -> String {
    t.to_datetime()
        .map(|d| d.date().to_string())
        .unwrap_or_default()
}
