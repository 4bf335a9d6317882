//! Members and profiles in the store.

use praxis_domain::ids::MemberId;
use praxis_domain::members::credentials::Email;
use praxis_domain::members::profile::{Availability, Level, Practice, Profile, Role, Visibility};
use praxis_domain::timestamps::Timestamp;
use praxis_store::members::{ListScope, NewMember};
use praxis_store::{Constraint, StoreError};
use praxis_testkit::TestDb;

pub(crate) fn new_member(email: &str, name: &str) -> NewMember {
    NewMember {
        id: MemberId::generate(),
        email: Email::parse(email).unwrap(),
        password_hash: "$argon2id$test".into(),
        profile: Profile::new(name.into()),
        email_verified: true,
        make_admin: false,
        created_at: Timestamp::from_unix_ms(1_700_000_000_000),
    }
}

#[tokio::test]
async fn a_second_member_with_the_same_email_is_a_conflict() {
    let db = TestDb::new().await;
    db.store
        .create_member(&new_member("same@example.org", "One"))
        .await
        .unwrap();

    let again = db
        .store
        .create_member(&new_member("SAME@example.org", "Two"))
        .await;

    assert!(
        matches!(
            again,
            Err(StoreError::Conflict(Constraint::MemberEmailTaken))
        ),
        "{again:?}"
    );
    assert_eq!(db.store.count_members().await.unwrap(), 1);
}

#[tokio::test]
async fn exactly_one_member_becomes_the_first_admin_even_when_many_join_at_once() {
    let db = TestDb::new().await;
    let mut joins = Vec::new();
    for i in 0..8 {
        let store = db.store.clone();
        joins.push(tokio::spawn(async move {
            store
                .create_member(&new_member(&format!("m{i}@example.org"), "M"))
                .await
                .unwrap()
        }));
    }

    let mut admins = 0;
    for join in joins {
        if join.await.unwrap() {
            admins += 1;
        }
    }

    assert_eq!(admins, 1);
}

#[tokio::test]
async fn a_profile_keeps_every_field_in_any_script() {
    let db = TestDb::new().await;
    let mut member = new_member("milica@example.org", "Милица Јовановић");
    member.profile.bio = "Организујем **станаре**. أنظم المستأجرين.".into();
    member.profile.roles = vec![Role::Organizer, Role::Researcher];
    member.profile.practices = vec![
        (Practice::PublicNarrative, Level::new(2).unwrap()),
        (Practice::Coaching, Level::new(5).unwrap()),
    ];
    member.profile.domains = vec!["Housing".into(), "Climate".into()];
    member.profile.regions = vec!["Serbia".into(), "Београд".into()];
    member.profile.languages = vec!["sr".into(), "en".into()];
    member.profile.time_zone = Some("Europe/Belgrade".into());
    member.profile.availability = Availability {
        coach: true,
        mentor: true,
        capacity: 6,
    };
    member.profile.visibility = Visibility::Public;
    db.store.create_member(&member).await.unwrap();

    let stored = db.store.get_member(member.id).await.unwrap();

    assert_eq!(stored.profile, member.profile);
    assert_eq!(stored.account.email.as_str(), "milica@example.org");
    assert!(stored.account.email_verified);
    assert_eq!(stored.created_at, member.created_at);
}

#[tokio::test]
async fn updating_a_profile_replaces_its_lists() {
    let db = TestDb::new().await;
    let mut member = new_member("u@example.org", "U");
    member.profile.domains = vec!["Old".into()];
    member.profile.practices = vec![(Practice::Action, Level::new(1).unwrap())];
    db.store.create_member(&member).await.unwrap();
    let mut changed = member.profile.clone();
    changed.domains = vec!["New".into(), "Newer".into()];
    changed.practices = vec![];
    changed.display_name = "Renamed".into();

    db.store
        .update_profile(member.id, &changed, Timestamp::from_unix_ms(1))
        .await
        .unwrap();

    assert_eq!(
        db.store.get_member(member.id).await.unwrap().profile,
        changed
    );
    let missing = db
        .store
        .update_profile(MemberId::generate(), &changed, Timestamp::from_unix_ms(1))
        .await;
    assert!(matches!(missing, Err(StoreError::NotFound)));
}

#[tokio::test]
async fn changing_to_a_taken_email_is_a_conflict() {
    let db = TestDb::new().await;
    let a = new_member("a@example.org", "A");
    db.store.create_member(&a).await.unwrap();
    db.store
        .create_member(&new_member("b@example.org", "B"))
        .await
        .unwrap();

    let result = db
        .store
        .change_email(
            a.id,
            &Email::parse("b@example.org").unwrap(),
            "an-undo-link-hash",
            Timestamp::from_unix_ms(2),
            Timestamp::from_unix_ms(1),
        )
        .await;

    assert!(matches!(
        result,
        Err(StoreError::Conflict(Constraint::MemberEmailTaken))
    ));
    let kept = db.store.get_account(a.id).await.unwrap();
    assert_eq!(kept.email.as_str(), "a@example.org", "nothing changed");
}

#[tokio::test]
async fn listings_respect_visibility_and_page_by_name() {
    let db = TestDb::new().await;
    let mut ids = Vec::new();
    for (name, visibility) in [
        ("Ana", Visibility::Public),
        ("Bojan", Visibility::Members),
        ("Cvijeta", Visibility::Private),
        ("Dragan", Visibility::Public),
    ] {
        let mut m = new_member(&format!("{}@example.org", name.to_lowercase()), name);
        m.profile.visibility = visibility;
        db.store.create_member(&m).await.unwrap();
        ids.push(m.id);
    }
    let names = |list: Vec<praxis_store::members::ProfileSummary>| {
        list.into_iter()
            .map(|p| p.profile.display_name)
            .collect::<Vec<_>>()
    };

    let public = db
        .store
        .list_profiles(ListScope::PublicOnly, None, 10)
        .await
        .unwrap();
    let for_member = db
        .store
        .list_profiles(ListScope::MembersOf(ids[0]), None, 10)
        .await
        .unwrap();
    let for_owner = db
        .store
        .list_profiles(ListScope::MembersOf(ids[2]), None, 10)
        .await
        .unwrap();
    let page_two = db
        .store
        .list_profiles(ListScope::MembersOf(ids[0]), Some(("Bojan", ids[1])), 10)
        .await
        .unwrap();

    assert_eq!(names(public), ["Ana", "Dragan"]);
    assert_eq!(names(for_member), ["Ana", "Bojan", "Dragan"]);
    assert_eq!(names(for_owner), ["Ana", "Bojan", "Cvijeta", "Dragan"]);
    assert_eq!(names(page_two), ["Dragan"]);
}
