//! The access policy as one table: every kind of viewer × every kind of object × every action,
//! in every kind of node, answered by `praxis_app::policy::table::decide` — the guards the use
//! cases call — without HTTP, on SQLite and (with `PRAXIS_TEST_BACKEND=postgres`) PostgreSQL.
//!
//! The expected answers are written out below from the rules as members are told them, not
//! derived from the code: `ok` (allowed), `404` (as if it did not exist), `403` (known, but
//! not theirs to do).

use praxis_app::accounts::{NewAccount, create_account};
use praxis_app::policy::CurrentMember;
use praxis_app::policy::table::{Action, Decision, Object, decide};
use praxis_app::{Context, Settings, library, narratives, organizing, workshops};
use praxis_domain::applications::{ApplicationStatus, Audience};
use praxis_domain::ids::{MemberId, NodeId};
use praxis_domain::library::RawItemFields;
use praxis_domain::members::credentials::Email;
use praxis_domain::narratives::{RawOneOnOne, RawTelling};
use praxis_domain::nodes::{JoinPolicy, NodeFields, NodeKind, NodeVisibility};
use praxis_domain::organizing::{
    RawCampaignFields, RawCrewFields, RawLessonFields, RawReflectionFields,
};
use praxis_domain::workshops::RawWorkshopFields;
use praxis_testkit::TestDb;

/// Who is asking, relative to the node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Visitor,
    /// A network member with no standing in the node.
    Outsider,
    /// Asked to join; no answer yet.
    Requester,
    /// A member of the node, on none of its teams.
    Member,
    /// A member on the team (the author of the team's work).
    Teammate,
    Steward,
    /// Was a member, then banned.
    Banned,
    /// Was on the team, then left the node (their row on the team stays).
    Left,
    /// A network admin with no standing in the node.
    Admin,
}

const EVERYONE: [Who; 9] = [
    Who::Visitor,
    Who::Outsider,
    Who::Requester,
    Who::Member,
    Who::Teammate,
    Who::Steward,
    Who::Banned,
    Who::Left,
    Who::Admin,
];

/// The kinds of node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Public,
    MembersOnly,
    Secret,
    /// Public, with the safety setting (its members are at risk).
    Safety,
    /// A member's proposal, waiting for a network admin.
    Proposal,
}

/// The kinds of object, one of each in every node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum What {
    Node,
    NodeMembers,
    /// A library item kept to the node's members.
    Item,
    /// A workshop of the node (the steward leads it; the teammate takes part).
    Workshop,
    Team,
    TeamCampaign,
    NodeCampaign,
    NetworkCampaign,
    /// A reflection kept to the team.
    TeamReflection,
    /// A lesson shared network-wide.
    NetworkLesson,
    /// The teammate's one-on-one, shared with the team.
    OneOnOne,
    /// The teammate's narrative.
    Narrative,
    Pipeline,
    /// A coaching log the steward (lead trainer of the node's workshop) wrote about the
    /// teammate (a participant).
    CoachingLog,
    /// An organization the steward administers.
    Organization,
}

/// The rule for organizing work of a reach: a team's for its team and the node's stewards, a
/// node's for its members, a network's for every member who may know the node. Never for a
/// visitor or a banned member.
fn sees_reach(kind: Kind, who: Who, reach: &str) -> bool {
    let member = matches!(who, Who::Member | Who::Teammate | Who::Steward);
    match (who, reach) {
        (Who::Visitor | Who::Banned, _) => false,
        (_, "team") => matches!(who, Who::Teammate | Who::Steward),
        (_, "node") => member,
        _ => member || kind != Kind::Secret,
    }
}

/// The table: what `who` gets for `action` on `what` in a node of `kind`; `None` for an
/// action the object does not have.
fn expected(kind: Kind, who: Who, what: What, action: Action) -> Option<&'static str> {
    use Action::{Change, Delete, ReachOut, Read, ReadPrivate, TakePart};
    let member = matches!(who, Who::Member | Who::Teammate | Who::Steward);
    let knows_node = match kind {
        Kind::Proposal => matches!(who, Who::Steward | Who::Admin),
        Kind::Secret => member,
        Kind::MembersOnly => who != Who::Visitor,
        Kind::Public | Kind::Safety => true,
    };
    let hidden = "404";
    let refused = "403";
    let ok = "ok";
    // Visible, then allowed or refused.
    let gate = |visible: bool, allowed: bool| {
        if !visible {
            hidden
        } else if allowed {
            ok
        } else {
            refused
        }
    };
    let steward = who == Who::Steward;
    let signed_in = who != Who::Visitor;
    Some(match (what, action) {
        (What::Node, Read) => gate(knows_node, true),
        // A visitor is told nothing of what needs an account.
        (What::Node, Change) => gate(knows_node && signed_in, steward),
        // A proposal reaches no one: no invitations, imports or mail until it is approved.
        (What::Node, ReachOut) => gate(knows_node && signed_in, steward && kind != Kind::Proposal),
        // The safety setting keeps the list to stewards — network admins included.
        (What::NodeMembers, Read) => gate(knows_node, kind != Kind::Safety || steward),
        // A node's item or workshop is read as widely as the node is known: everyone's in a
        // public node, members' in a members-only one, its own members' in a secret one.
        // Its creator (the steward) and the node's stewards change it; a network admin does
        // not, inside a node.
        (What::Item, Read) => gate(knows_node, true),
        (What::Item, Change | Delete) => gate(knows_node && signed_in, steward),
        (What::Workshop, Read) => gate(knows_node, true),
        (What::Workshop, Change) => gate(knows_node && signed_in, steward),
        (What::Workshop, TakePart) => gate(knows_node && signed_in, who == Who::Teammate),
        // A team is seen by its members and the stewards, and by the node's members unless
        // the node keeps its membership to stewards.
        (What::Team, Read) => gate(
            matches!(who, Who::Teammate | Who::Steward)
                || (who == Who::Member && kind != Kind::Safety),
            true,
        ),
        (What::Team, Change) => gate(
            matches!(who, Who::Teammate | Who::Steward)
                || (who == Who::Member && kind != Kind::Safety),
            matches!(who, Who::Teammate | Who::Steward),
        ),
        (What::TeamCampaign | What::NodeCampaign | What::NetworkCampaign, _) => {
            let reach = match what {
                What::TeamCampaign => "team",
                What::NodeCampaign => "node",
                _ => "network",
            };
            let sees = sees_reach(kind, who, reach);
            // A team's campaign is worked on by the team and the stewards; one of no team
            // by the node's members. Its author (the teammate) or a steward deletes it.
            let works_on = if what == What::TeamCampaign {
                matches!(who, Who::Teammate | Who::Steward)
            } else {
                member
            };
            match action {
                Read => gate(sees, true),
                Change => gate(sees, works_on),
                Delete => gate(sees, matches!(who, Who::Teammate | Who::Steward)),
                _ => return None,
            }
        }
        (What::TeamReflection, Read) => gate(sees_reach(kind, who, "team"), true),
        (What::TeamReflection, Delete) => gate(
            sees_reach(kind, who, "team"),
            matches!(who, Who::Teammate | Who::Steward),
        ),
        (What::NetworkLesson, Read) => gate(sees_reach(kind, who, "network"), true),
        // The node's stewards move a lesson; its author or a steward deletes it.
        (What::NetworkLesson, Change) => gate(sees_reach(kind, who, "network"), steward),
        (What::NetworkLesson, Delete) => gate(
            sees_reach(kind, who, "network"),
            matches!(who, Who::Teammate | Who::Steward),
        ),
        // Its author's, and the team's while shared (members of the team now).
        (What::OneOnOne, Read | Change | Delete) => gate(who == Who::Teammate, true),
        (What::Narrative, Read | Change | Delete) => gate(who == Who::Teammate, true),
        // Stewards oversee their node; network admins too, except under the safety setting.
        (What::Pipeline, Read) => gate(
            knows_node && signed_in,
            steward || (who == Who::Admin && kind != Kind::Safety),
        ),
        // A coaching log: its author and the lead trainers read all of it, the private note
        // included; its participant reads the shared parts; nobody else knows it exists.
        (What::CoachingLog, Read) => gate(matches!(who, Who::Steward | Who::Teammate), true),
        (What::CoachingLog, ReadPrivate) => {
            gate(matches!(who, Who::Steward | Who::Teammate), steward)
        }
        // Anyone may know an organization; its admins change it.
        (What::Organization, Change) => gate(signed_in, steward),
        _ => return None,
    })
}

struct Person {
    who: Who,
    me: CurrentMember,
}

async fn person(ctx: &Context, who: Who) -> Person {
    let email = format!("{}@example.org", uuid::Uuid::now_v7().simple());
    let (id, is_admin) = create_account(
        ctx,
        NewAccount {
            email: email.clone(),
            password: "correct horse battery staple".into(),
            display_name: format!("{who:?}"),
            admin: who == Who::Admin,
        },
    )
    .await
    .unwrap();
    assert_eq!(is_admin, who == Who::Admin, "{who:?}");
    Person {
        who,
        me: CurrentMember {
            id,
            display_name: format!("{who:?}"),
            email: Email::parse(&email).unwrap(),
            is_admin,
            locale: None,
            session_hash: None,
            client_address: None,
        },
    }
}

fn find(people: &[Person], who: Who) -> &CurrentMember {
    &people.iter().find(|p| p.who == who).unwrap().me
}

/// One node of each kind, every viewer standing in it as named, one object of each kind in it.
async fn node_of(
    ctx: &Context,
    store: &praxis_store::Store,
    people: &[Person],
    kind: Kind,
) -> Vec<(What, Object)> {
    let now = ctx.now();
    let steward = find(people, Who::Steward);
    let slug = format!("{kind:?}-{}", uuid::Uuid::now_v7().simple()).to_lowercase();
    let fields = NodeFields {
        name: format!("Node {slug}"),
        slug: slug.clone(),
        kind: NodeKind::Region,
        description: String::new(),
        languages: vec!["en".into()],
        visibility: match kind {
            Kind::MembersOnly => NodeVisibility::Members,
            Kind::Secret => NodeVisibility::Secret,
            _ => NodeVisibility::Public,
        },
        join_policy: JoinPolicy::Request,
        safety: kind == Kind::Safety,
    };
    let node = NodeId::generate();
    store
        .create_node_with_status(node, None, &fields, steward.id, kind == Kind::Proposal, now)
        .await
        .unwrap();
    let id_of = |who| find(people, who).id;
    let join = |member: MemberId, requested: bool| {
        let store = store.clone();
        async move {
            store
                .add_node_member(node, member, requested, member, false, now)
                .await
                .unwrap();
        }
    };
    if kind == Kind::Proposal {
        return vec![
            (What::Node, Object::Node(node)),
            (What::NodeMembers, Object::NodeMembers(node)),
        ];
    }
    for who in [Who::Member, Who::Teammate, Who::Banned, Who::Left] {
        join(id_of(who), false).await;
    }
    join(id_of(Who::Requester), true).await;
    let teammate = find(people, Who::Teammate);
    let crew = organizing::create_crew(
        ctx,
        teammate,
        &slug,
        "",
        RawCrewFields {
            name: "Core team".into(),
            purpose: "Win fair rents".into(),
            norms: String::new(),
        },
        "coordinator",
    )
    .await
    .unwrap();
    store
        .set_crew_member(crew, id_of(Who::Left), "door knocker")
        .await
        .unwrap();
    let campaign = |reach: &'static str| {
        organizing::create_campaign(
            ctx,
            teammate,
            &slug,
            "",
            RawCampaignFields {
                title: format!("A {reach} campaign"),
                reach: reach.into(),
                ..RawCampaignFields::default()
            },
        )
    };
    let mut objects = vec![
        (What::Node, Object::Node(node)),
        (What::NodeMembers, Object::NodeMembers(node)),
        (What::Team, Object::Crew(crew)),
    ];
    let team_campaign = organizing::create_campaign(
        ctx,
        teammate,
        &slug,
        &crew.to_string(),
        RawCampaignFields {
            title: "The team's campaign".into(),
            reach: "team".into(),
            ..RawCampaignFields::default()
        },
    )
    .await
    .unwrap();
    objects.push((What::TeamCampaign, Object::Campaign(team_campaign)));
    objects.push((
        What::NodeCampaign,
        Object::Campaign(campaign("node").await.unwrap()),
    ));
    objects.push((
        What::NetworkCampaign,
        Object::Campaign(campaign("network").await.unwrap()),
    ));
    let reflection = organizing::reflect(
        ctx,
        teammate,
        team_campaign,
        RawReflectionFields {
            subject: "campaign".into(),
            label: "After the first peak".into(),
            reach: "team".into(),
            intended: "a freeze".into(),
            happened: "a delay".into(),
            ..RawReflectionFields::default()
        },
    )
    .await
    .unwrap();
    objects.push((What::TeamReflection, Object::Reflection(reflection)));
    let lesson = organizing::draw_lesson(
        ctx,
        teammate,
        &[reflection.to_string()],
        RawLessonFields {
            statement: "Tenants act when they see each other act".into(),
            ..RawLessonFields::default()
        },
    )
    .await
    .unwrap();
    organizing::move_lesson(ctx, steward, lesson, "observation", "network")
        .await
        .unwrap();
    objects.push((What::NetworkLesson, Object::Lesson(lesson)));
    let item = library::create_item(
        ctx,
        steward,
        RawItemFields {
            kind: "guide".into(),
            title: "Our guide".into(),
            body: "For us".into(),
            license: "CC-BY-4.0".into(),
            scope: "node".into(),
            ..RawItemFields::default()
        },
        Some(&slug),
    )
    .await
    .unwrap();
    objects.push((What::Item, Object::Item(item.id)));
    let workshop = workshops::create_workshop(
        ctx,
        steward,
        RawWorkshopFields {
            title: "Our training".into(),
            format: "online".into(),
            time_zone: "Europe/Belgrade".into(),
            participant_capacity: "10".into(),
            coach_capacity: "2".into(),
            scope: "node".into(),
            ..RawWorkshopFields::default()
        },
        Some(&slug),
    )
    .await
    .unwrap();
    store
        .import_applications(
            workshop.id,
            Audience::Participant,
            &[(teammate.id, ApplicationStatus::Accepted)],
            now,
        )
        .await
        .unwrap();
    objects.push((What::Workshop, Object::Workshop(workshop.id)));
    let log = praxis_app::coaching::write_log(
        ctx,
        steward,
        workshop.id,
        &teammate.id.to_string(),
        None,
        praxis_domain::coaching::RawLog {
            challenge: "heart".into(),
            observation: "Quiet in the house meeting".into(),
            shared_note: "Try asking one more question".into(),
            private_note: "Worried about burnout".into(),
            ..praxis_domain::coaching::RawLog::default()
        },
    )
    .await
    .unwrap();
    objects.push((What::CoachingLog, Object::CoachingLog(workshop.id, log)));
    let org = praxis_app::organizations::create_organization(
        ctx,
        steward,
        praxis_domain::organizations::RawOrganizationFields {
            name: format!("Tenants' union {slug}"),
            slug: format!("org-{slug}"),
            contact_visibility: "members".into(),
            ..praxis_domain::organizations::RawOrganizationFields::default()
        },
    )
    .await
    .unwrap();
    objects.push((What::Organization, Object::Organization(org.id)));
    let one_on_one = narratives::log_one_on_one(
        ctx,
        teammate,
        RawOneOnOne {
            with_name: "Samira".into(),
            met_on: "2026-11-30".into(),
            values_heard: "her family".into(),
            ..RawOneOnOne::default()
        },
        &crew.to_string(),
    )
    .await
    .unwrap();
    objects.push((What::OneOnOne, Object::OneOnOne(one_on_one)));
    let story = narratives::start_narrative(
        ctx,
        teammate,
        "self",
        "Why I organize",
        RawTelling {
            challenge: "a challenge".into(),
            choice: "a choice".into(),
            outcome: "an outcome".into(),
            ..RawTelling::default()
        },
    )
    .await
    .unwrap();
    objects.push((What::Narrative, Object::Narrative(story)));
    objects.push((What::Pipeline, Object::Pipeline(Some(node))));
    // Standing changes after the work exists: access follows the standing now.
    store
        .ban_node_member(node, id_of(Who::Banned), steward.id, now)
        .await
        .unwrap();
    store
        .remove_node_member(node, id_of(Who::Left), id_of(Who::Left), "left", false, now)
        .await
        .unwrap();
    objects
}

#[tokio::test]
async fn every_viewer_object_and_action_is_decided_as_the_table_says() {
    let db = TestDb::new().await;
    let ctx = Context::new(db.store.clone(), Settings::default());
    let mut people = Vec::new();
    // The first account becomes the network admin.
    people.push(person(&ctx, Who::Admin).await);
    for who in EVERYONE
        .into_iter()
        .filter(|w| !matches!(w, Who::Admin | Who::Visitor))
    {
        people.push(person(&ctx, who).await);
    }
    let actions = [
        Action::Read,
        Action::Change,
        Action::Delete,
        Action::ReachOut,
        Action::TakePart,
        Action::ReadPrivate,
    ];
    let mut wrong = Vec::new();
    let mut checked = 0;

    for kind in [
        Kind::Public,
        Kind::MembersOnly,
        Kind::Secret,
        Kind::Safety,
        Kind::Proposal,
    ] {
        let objects = node_of(&ctx, &db.store, &people, kind).await;
        for (what, object) in &objects {
            for who in EVERYONE {
                let me = people.iter().find(|p| p.who == who).map(|p| &p.me);
                for action in actions {
                    let got = decide(&ctx, me, *object, action)
                        .await
                        .unwrap()
                        .map(Decision::code);
                    let want = expected(kind, who, *what, action);
                    checked += usize::from(want.is_some());
                    if got != want {
                        wrong.push(format!(
                            "{kind:?} node, {who:?}, {action:?} {what:?}: got {got:?}, the table says {want:?}"
                        ));
                    }
                }
            }
        }
    }

    assert!(checked > 1_000, "only {checked} decisions checked");
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
