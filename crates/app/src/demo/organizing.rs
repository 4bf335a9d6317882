//! A demo team in Amman planning a tenants' campaign with the framework: strategy, actor map,
//! a timeline with goal and actual numbers, a reflection after the first peak and the lesson
//! drawn from it, shared with the network.

use praxis_domain::ids::{CampaignId, CrewId, LessonId, MemberId, ReflectionId};
use praxis_domain::lessons::LessonStatus;
use praxis_domain::organizing::{
    ActorFields, CampaignFields, CrewFields, LessonFields, PhaseFields, RawCampaignFields,
    RawCrewFields, RawLessonFields, RawReflectionFields, Reach, ReflectionFields,
};
use praxis_store::organizing::NewLesson;

use crate::{AppError, AppResult, Context};

fn invalid(e: praxis_domain::validation::FieldErrors) -> AppError {
    AppError::Invalid(e)
}

/// Seeds the campaign in the `amman` node, the founder (its steward) leading the team with
/// `tenants` (members of the node) on it, each of whom the founder asked for a commitment.
pub(super) async fn seed_organizing(
    ctx: &Context,
    founder: MemberId,
    tenants: &[MemberId],
) -> AppResult<()> {
    let Some(node) = ctx.store.find_node_by_slug("amman").await? else {
        return Ok(());
    };
    let now = ctx.now();
    let crew = CrewId::generate();
    let team = CrewFields::parse(RawCrewFields {
        name: "Jabal al-Weibdeh tenants' team".to_owned(),
        purpose: "Tenants of the old city win fair rents and repairs, together.".to_owned(),
        norms: "We start and end on time.\nEveryone speaks before anyone speaks twice.\nWe keep what is said here.".to_owned(),
    })
    .map_err(invalid)?;
    ctx.store
        .create_crew(crew, node.id, None, &team, founder, "coordinator", now)
        .await?;
    // The snowflake: building committees and a negotiation team under the tenants' team.
    for (name, purpose) in [
        (
            "Building 12 committee",
            "Every family of building 12 knows the plan and has a say in it.",
        ),
        (
            "Building 7 committee",
            "Every family of building 7 knows the plan and has a say in it.",
        ),
        (
            "Negotiation team",
            "Speak for the tenants with the landlords, accountable to the committees.",
        ),
    ] {
        let sub = CrewFields::parse(RawCrewFields {
            name: name.to_owned(),
            purpose: purpose.to_owned(),
            norms: String::new(),
        })
        .map_err(invalid)?;
        ctx.store
            .create_crew(
                CrewId::generate(),
                node.id,
                Some(crew),
                &sub,
                founder,
                "coach",
                now,
            )
            .await?;
    }
    let campaign = CampaignId::generate();
    let fields = CampaignFields::parse(RawCampaignFields {
        title: "Fair rent in Jabal al-Weibdeh".to_owned(),
        reach: "network".to_owned(),
        constituency: "Tenant families of the old city, many of them refugees".to_owned(),
        problem: "Rents rose by half in two years while repairs stopped".to_owned(),
        vision: "Homes we can afford and keep in repair".to_owned(),
        goal_statement: "A rent freeze and a repair plan signed by the three largest landlords"
            .to_owned(),
        goal_metric: "tenant families signed up".to_owned(),
        goal_target: "300".to_owned(),
        goal_deadline: "2027-06-30".to_owned(),
        toc_if: "tenant families act together, building by building".to_owned(),
        toc_then: "the largest landlords negotiate a freeze".to_owned(),
        toc_because: "they cannot replace whole buildings of tenants at once".to_owned(),
        os_who: "We, the tenant families of Jabal al-Weibdeh,".to_owned(),
        os_what: "will win a rent freeze and repairs".to_owned(),
        os_how: "by organizing building committees and a collective rent negotiation".to_owned(),
        os_when: "by the end of June".to_owned(),
    })
    .map_err(invalid)?;
    ctx.store
        .create_campaign(campaign, node.id, Some(crew), &fields, founder, now)
        .await?;
    for (name, category, interests, resources) in [
        (
            "Building committees",
            "constituency",
            "Safe, affordable homes",
            "Numbers, rent money",
        ),
        (
            "Umm Khaled",
            "leaders",
            "Her children's school nearby",
            "Trusted on three streets",
        ),
        (
            "The neighbourhood mosque",
            "supporters",
            "Families staying in the area",
            "A meeting hall",
        ),
        (
            "The three largest landlords",
            "opposition",
            "Rising returns",
            "Lawyers, the buildings",
        ),
        (
            "The municipality",
            "sideline",
            "Calm before elections",
            "Inspections, permits",
        ),
    ] {
        let actor = ActorFields::parse(name, category, interests, resources).map_err(invalid)?;
        ctx.store.add_actor(campaign, &actor).await?;
    }
    for (kind, label, on, goal, actual) in [
        ("foundation", "House meetings", "2026-09-15", "60", "72"),
        ("peak", "Petition", "2026-11-01", "200", "164"),
        ("peak", "Town hall", "2027-02-15", "250", ""),
        ("climax", "Negotiation", "2027-05-01", "300", ""),
    ] {
        let phase = PhaseFields::parse(kind, label, on, goal, actual).map_err(invalid)?;
        ctx.store.add_phase(campaign, &phase).await?;
    }
    let reflection = ReflectionId::generate();
    let fields = ReflectionFields::parse(RawReflectionFields {
        subject: "phase".to_owned(),
        label: "The petition".to_owned(),
        reach: "network".to_owned(),
        intended: "200 families sign, and the landlords take notice".to_owned(),
        happened: "164 signed; one landlord called a meeting".to_owned(),
        difference: "Buildings with a committee signed; the others barely did".to_owned(),
        sustain: "One-on-ones before every building meeting".to_owned(),
        improve: "Childcare at meetings; evening times for working parents".to_owned(),
        numbers: "164 signatures, 11 building committees, 23 new leaders".to_owned(),
        participants: "The tenants' team and the building committees".to_owned(),
    })
    .map_err(invalid)?;
    ctx.store
        .create_reflection(
            reflection,
            node.id,
            Some(crew),
            Some(campaign),
            None,
            &fields,
            founder,
            now,
        )
        .await?;
    let lesson = LessonId::generate();
    let fields = LessonFields::parse(RawLessonFields {
        statement: "A building signs when it has its own committee: build committees before a petition, not during it.".to_owned(),
        practices: vec!["structure".to_owned(), "action".to_owned()],
        domains: vec!["housing".to_owned()],
        regions: vec!["Amman".to_owned()],
    })
    .map_err(invalid)?;
    ctx.store
        .create_lesson(NewLesson {
            id: lesson,
            node_id: node.id,
            crew_id: Some(crew),
            fields: &fields,
            reach: Reach::Team,
            sources: &[reflection],
            author: founder,
            now,
        })
        .await?;
    ctx.store
        .update_lesson_standing(lesson, LessonStatus::Identified, Reach::Network, now)
        .await?;
    seed_commitments(ctx, founder, tenants, crew, campaign).await
}

/// The team's tenants, each asked for a commitment to the campaign: three kept, one flaked,
/// one agreed and due this week.
async fn seed_commitments(
    ctx: &Context,
    founder: MemberId,
    tenants: &[MemberId],
    crew: CrewId,
    campaign: CampaignId,
) -> AppResult<()> {
    use praxis_domain::commitments::{CommitmentFields, CommitmentStatus, RawCommitment};
    use praxis_domain::ids::CommitmentId;
    use praxis_store::commitments::CommitmentLinks;

    let now = ctx.now();
    let today = now
        .to_datetime()
        .map(|d| d.date())
        .unwrap_or(time::Date::MIN);
    let day = |days: i64| {
        today
            .checked_add(time::Duration::days(days))
            .unwrap_or(today)
            .to_string()
    };
    let roles = [
        "building 12 lead",
        "building 7 lead",
        "petition lead",
        "media",
    ];
    let asks = [
        (
            "Host a house meeting in building 12",
            -20,
            &[CommitmentStatus::Agreed, CommitmentStatus::Done][..],
        ),
        (
            "Bring ten families to the town hall",
            -12,
            &[
                CommitmentStatus::Agreed,
                CommitmentStatus::Confirmed,
                CommitmentStatus::Done,
            ],
        ),
        (
            "Collect thirty signatures in building 7",
            -9,
            &[CommitmentStatus::Agreed, CommitmentStatus::Flaked],
        ),
        (
            "Write the press note for the second peak",
            -5,
            &[CommitmentStatus::Agreed, CommitmentStatus::Done],
        ),
        (
            "Call every family of building 12 before the vote",
            3,
            &[CommitmentStatus::Agreed],
        ),
    ];
    for (i, (what, due, path)) in asks.iter().enumerate() {
        let Some(tenant) = tenants.get(i % tenants.len().max(1)) else {
            return Ok(());
        };
        if i < roles.len() {
            ctx.store.set_crew_member(crew, *tenant, roles[i]).await?;
        }
        let fields = CommitmentFields::parse(RawCommitment {
            what: (*what).to_owned(),
            due: day(*due),
        })
        .map_err(invalid)?;
        let id = CommitmentId::generate();
        ctx.store
            .create_commitment(
                id,
                founder,
                *tenant,
                &fields,
                "",
                CommitmentLinks {
                    campaign: Some(campaign),
                    ..CommitmentLinks::default()
                },
                now,
            )
            .await?;
        for status in *path {
            ctx.store
                .move_commitment(id, *status, *tenant, now)
                .await?
                .map_err(|_| {
                    AppError::Invalid(praxis_domain::validation::FieldErrors::single(
                        "status",
                        "error-commitment-transition",
                    ))
                })?;
        }
    }
    Ok(())
}
