//! The directory query: both of its shapes (walking the name index, or letting a rare
//! filter drive) give the same people in the same order.

use praxis_domain::ids::NodeId;
use praxis_domain::members::profile::{Availability, Level, Practice, Role, Visibility};
use praxis_domain::nodes::{JoinPolicy, NodeFields, NodeKind, NodeVisibility};
use praxis_domain::timestamps::Timestamp;
use praxis_store::directory::DirectoryFilter;
use praxis_store::members::ListScope;
use praxis_testkit::TestDb;

use crate::members::new_member;

#[tokio::test]
async fn walking_and_driving_find_the_same_people_in_the_same_order() {
    let db = TestDb::new().await;
    let mut members = Vec::new();
    for i in 0..60 {
        let mut m = new_member(
            &format!("p{i}@example.org"),
            &format!("Person {:02}", (i * 37) % 60),
        );
        m.profile.languages = vec![if i % 3 == 0 { "ar" } else { "en" }.into()];
        m.profile.regions = vec![if i % 4 == 0 { "Amman" } else { "Belgrade" }.into()];
        m.profile.roles = vec![if i % 5 == 0 {
            Role::Researcher
        } else {
            Role::Organizer
        }];
        m.profile.practices = vec![(Practice::Coaching, Level::new((i % 6) as i64).unwrap())];
        m.profile.availability = Availability {
            coach: i % 2 == 0,
            mentor: false,
            capacity: 1,
        };
        m.profile.visibility = if i % 7 == 0 {
            Visibility::Private
        } else {
            Visibility::Members
        };
        members.push(m);
    }
    db.store.create_members(&members).await.unwrap();
    let node = NodeId::generate();
    let fields = NodeFields {
        name: "N".into(),
        slug: "n".into(),
        kind: NodeKind::Region,
        description: String::new(),
        languages: vec![],
        visibility: NodeVisibility::Public,
        join_policy: JoinPolicy::Open,
        safety: false,
    };
    db.store
        .create_node(
            node,
            None,
            &fields,
            members[0].id,
            Timestamp::from_unix_ms(0),
        )
        .await
        .unwrap();
    let joined: Vec<_> = members.iter().step_by(2).map(|m| (node, m.id)).collect();
    db.store
        .add_node_memberships(&joined, Timestamp::from_unix_ms(0))
        .await
        .unwrap();
    let walking = db.store.clone().with_directory_drive_below(0);
    let driving = db.store.clone().with_directory_drive_below(1_000_000);
    let viewer = ListScope::MembersOf(members[1].id);
    let filters = [
        DirectoryFilter {
            language: Some("AR".into()),
            ..Default::default()
        },
        DirectoryFilter {
            region: Some("amman".into()),
            available_to_coach: true,
            ..Default::default()
        },
        DirectoryFilter {
            practice: Some((Practice::Coaching, Level::new(3).unwrap())),
            role: Some(Role::Organizer),
            ..Default::default()
        },
        DirectoryFilter {
            node: Some(node),
            language: Some("en".into()),
            ..Default::default()
        },
        DirectoryFilter {
            region: Some("Nowhere".into()),
            ..Default::default()
        },
    ];

    for filter in &filters {
        let walked = walking
            .search_directory(filter, viewer, None, 100)
            .await
            .unwrap();
        let driven = driving
            .search_directory(filter, viewer, None, 100)
            .await
            .unwrap();
        let names = |r: &[praxis_store::members::ProfileSummary]| {
            r.iter().map(|p| p.id).collect::<Vec<_>>()
        };

        assert_eq!(names(&walked), names(&driven), "{filter:?}");
        assert!(
            walked
                .iter()
                .all(|p| p.profile.visibility != Visibility::Private || p.id == members[1].id)
        );
        let mut sorted = walked
            .iter()
            .map(|p| p.profile.display_name.clone())
            .collect::<Vec<_>>();
        sorted.sort();
        assert_eq!(
            walked
                .iter()
                .map(|p| p.profile.display_name.clone())
                .collect::<Vec<_>>(),
            sorted
        );
    }
    let ar = walking
        .search_directory(&filters[0], viewer, None, 100)
        .await
        .unwrap();
    assert_eq!(
        ar.len(),
        members
            .iter()
            .enumerate()
            .filter(|(i, m)| i % 3 == 0 && m.profile.visibility != Visibility::Private)
            .count()
    );
}
