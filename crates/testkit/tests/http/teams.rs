//! Teams through the product: accepted applicants become teams proposed by the engine, with
//! reasons; trainers move people and publish; each participant sees only their own team.

use praxis_testkit::{Browser, TestApp, TestMember};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn person(app: &TestApp, name: &str, profile: Value) -> (TestMember, Browser) {
    let m = app.create_member(name).await;
    let b = app.signed_in(&m).await;
    let saved = b
        .api("PATCH", "/api/v1/me/profile", None, Some(profile))
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    (m, b)
}

async fn apply(b: &Browser, workshop: &str, role: &str) -> String {
    let made = b
        .api(
            "POST",
            &format!("/api/v1/workshops/{workshop}/applications"),
            None,
            Some(json!({"role": role})),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    made.json()["id"].as_str().unwrap().to_owned()
}

async fn setup(
    app: &TestApp,
    participant_languages: &[&str],
) -> (Browser, String, Vec<(TestMember, Browser)>) {
    let trainer = app.create_member("Trainer").await;
    let t = app.signed_in(&trainer).await;
    let w = t
        .api(
            "POST",
            "/api/v1/workshops",
            None,
            Some(
                json!({"title": "Organizing 101", "format": "online", "time_zone": "Asia/Amman",
                "participant_capacity": 20, "coach_capacity": 4, "scope": "members"}),
            ),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut ids = Vec::new();
    let mut people = Vec::new();
    for (i, name) in [
        "Rana", "Sami", "Dina", "Omar", "Lina", "Fadi", "Hala", "Karim",
    ]
    .iter()
    .enumerate()
    {
        let language = participant_languages[i % participant_languages.len()];
        let region = if i % 2 == 0 { "Amman" } else { "Irbid" };
        let p = person(
            app,
            name,
            json!({"languages": [language], "time_zone": "Asia/Amman", "regions": [region]}),
        )
        .await;
        ids.push(apply(&p.1, &w, "participant").await);
        people.push(p);
    }
    for name in ["Coach Nour", "Coach Yusuf"] {
        let c = person(
            app,
            name,
            json!({"languages": ["ar", "en"], "time_zone": "Asia/Amman", "practices": [{"practice": "coaching", "level": 4}]}),
        )
        .await;
        ids.push(apply(&c.1, &w, "coach").await);
    }
    let decided = t
        .api(
            "POST",
            &format!("/api/v1/workshops/{w}/applications/decisions"),
            None,
            Some(json!({"application_ids": ids, "decision": "accept"})),
        )
        .await;
    assert_eq!(decided.status, StatusCode::OK, "{}", decided.body);
    (t, w, people)
}

#[tokio::test]
async fn accepted_applicants_become_published_teams_each_member_seeing_only_their_own() {
    let app = TestApp::spawn().await;
    let (t, w, people) = setup(&app, &["ar"]).await;

    let proposed = t
        .post_form(
            &format!("/workshops/{w}/teams/propose"),
            &[
                ("min_size", "4"),
                ("max_size", "4"),
                ("colleagues", "split"),
            ],
        )
        .await;
    assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{}", proposed.body);
    let page = t.get(&format!("/workshops/{w}/teams")).await;
    assert_eq!(page.count("[data-test=team]"), 2);
    assert_eq!(page.count("[data-test=team-member]"), 8);
    assert!(
        page.body.contains("shares ar with the coach"),
        "reasons are shown"
    );
    let rana = &people[0].1;
    assert!(
        rana.get(&format!("/workshops/{w}/teams"))
            .await
            .has("[data-test=no-teams]"),
        "a draft is for trainers"
    );
    let teams = t.get(&format!("/api/v1/workshops/{w}/teams")).await.json();
    let coaches: Vec<&str> = teams
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["coach"].as_str().unwrap())
        .collect();
    assert!(
        coaches.contains(&"Coach Nour") && coaches.contains(&"Coach Yusuf"),
        "one coach each: {coaches:?}"
    );

    let published = t
        .post_form(&format!("/workshops/{w}/teams/publish"), &[])
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);

    let mine = rana
        .get(&format!("/api/v1/workshops/{w}/teams"))
        .await
        .json();
    let mine = mine.as_array().unwrap();
    assert_eq!(mine.len(), 1, "a participant sees only their team");
    let members = mine[0]["members"].as_array().unwrap();
    assert!(members.iter().any(|m| m["display_name"] == "Rana"));
    assert!(
        members
            .iter()
            .filter(|m| m["display_name"] != "Rana")
            .all(|m| m["reasons"] == json!([])),
        "why others were placed is for the trainers"
    );
    let outsider = app.signed_in(&app.create_member("Outsider").await).await;
    assert_eq!(
        outsider
            .get(&format!("/api/v1/workshops/{w}/teams"))
            .await
            .json(),
        json!([])
    );
    let again = t
        .api(
            "POST",
            &format!("/api/v1/workshops/{w}/teams"),
            None,
            Some(json!({})),
        )
        .await;
    assert_eq!(
        again.status,
        StatusCode::CONFLICT,
        "published teams are not replaced"
    );

    // A log about a whole team reaches that team's members, and only them.
    let team_of_rana = mine[0]["id"].as_str().unwrap().to_owned();
    let log = t
        .api(
            "POST",
            &format!("/api/v1/workshops/{w}/logs"),
            None,
            Some(json!({"subject_id": format!("team:{team_of_rana}"), "challenge": "head", "shared_note": "TEAM-NOTE plan the next action"})),
        )
        .await;
    assert_eq!(log.status, StatusCode::CREATED, "{}", log.body);
    assert!(
        rana.get(&format!("/api/v1/workshops/{w}/logs"))
            .await
            .body
            .contains("TEAM-NOTE")
    );
    let teammates: Vec<String> = members
        .iter()
        .map(|m| m["member_id"].as_str().unwrap().to_owned())
        .collect();
    let outside = people
        .iter()
        .find(|(m, _)| !teammates.contains(&m.id.to_string()))
        .map(|(_, b)| b)
        .unwrap();
    assert!(
        !outside
            .get(&format!("/api/v1/workshops/{w}/logs"))
            .await
            .body
            .contains("TEAM-NOTE")
    );
}

#[tokio::test]
async fn an_impossible_request_names_whom_it_fails() {
    let app = TestApp::spawn().await;
    let (t, w, _) = setup(&app, &["ar", "ar", "ar", "sw"]).await;

    let refused = t
        .api(
            "POST",
            &format!("/api/v1/workshops/{w}/teams"),
            None,
            Some(json!({"min_size": 3, "max_size": 5})),
        )
        .await;

    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problems = refused.json()["problems"].to_string();
    assert!(
        problems.contains("no-shared-language:Omar")
            && problems.contains("no-shared-language:Karim"),
        "{problems}"
    );
    let page = t
        .post_form(
            &format!("/workshops/{w}/teams/propose"),
            &[("min_size", "3"), ("max_size", "5")],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.text("[data-test=problems]")
            .contains("No coach speaks a language of Omar")
    );
    assert_eq!(
        t.get(&format!("/api/v1/workshops/{w}/teams")).await.json(),
        json!([]),
        "nothing half done"
    );
}

#[tokio::test]
async fn a_trainer_moves_a_member_and_is_warned_of_a_broken_constraint() {
    let app = TestApp::spawn().await;
    let (t, w, people) = setup(&app, &["ar"]).await;
    t.api(
        "POST",
        &format!("/api/v1/workshops/{w}/teams"),
        None,
        Some(json!({"min_size": 4, "max_size": 4})),
    )
    .await;
    let teams = t.get(&format!("/api/v1/workshops/{w}/teams")).await.json();
    let rana = people[0].0.id.to_string();
    let home = teams
        .as_array()
        .unwrap()
        .iter()
        .position(|t| t["members"].to_string().contains(&rana))
        .unwrap();
    let other = teams[1 - home]["id"].as_str().unwrap().to_owned();

    people[0]
        .1
        .api(
            "PATCH",
            "/api/v1/me/profile",
            None,
            Some(json!({"time_zone": "Asia/Tokyo"})),
        )
        .await;
    let moved = t
        .post_form(
            &format!("/workshops/{w}/teams/move"),
            &[("member", &rana), ("team", &other)],
        )
        .await;

    assert_eq!(moved.status, StatusCode::SEE_OTHER);
    assert!(
        moved
            .location()
            .unwrap()
            .contains("warning=warning-time-zone"),
        "the trainer is warned the move breaks the time window: {:?}",
        moved.location()
    );
    let warned = t.get(moved.location().unwrap()).await;
    assert!(warned.text("[data-test=notice]").contains("three hours"));
    let after = t.get(&format!("/api/v1/workshops/{w}/teams")).await.json();
    assert_eq!(after[1 - home]["members"].as_array().unwrap().len(), 5);
    assert!(after[1 - home]["members"].to_string().contains(&rana));
    let outsider = people[1]
        .1
        .post_form(
            &format!("/workshops/{w}/teams/move"),
            &[("member", &rana), ("team", &other)],
        )
        .await;
    assert_eq!(outsider.status, StatusCode::FORBIDDEN);
}
