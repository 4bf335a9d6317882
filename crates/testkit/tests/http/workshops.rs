//! Workshops: creating one with its sessions and staff, and who may see and change it.

use praxis_domain::nodes::{JoinPolicy, NodeVisibility};
use praxis_testkit::{Browser, TestApp};
use reqwest::StatusCode;
use serde_json::json;

use crate::nodes::{fields, make_node};

fn workshop(title: &str, scope: &str) -> serde_json::Value {
    json!({
        "title": title,
        "modules": ["public_narrative", "coaching"],
        "languages": ["ar", "en"],
        "format": "online",
        "time_zone": "Asia/Amman",
        "participant_capacity": 24,
        "coach_capacity": 5,
        "scope": scope,
    })
}

#[tokio::test]
async fn a_trainer_creates_a_workshop_with_sessions_and_staff() {
    let app = TestApp::spawn().await;
    let admin = app.create_member("Lead Trainer").await;
    let trainer = app.create_member("Second Trainer").await;
    let t = app.signed_in(&admin).await;

    let bad = t
        .post_form(
            "/workshops",
            &[
                ("title", ""),
                ("format", "circus"),
                ("time_zone", "not a zone!"),
                ("participant_capacity", "0"),
                ("coach_capacity", "3"),
                ("scope", "public"),
                ("applications_open", "2026-12-10"),
                ("applications_close", "2026-12-01"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in [
        "title",
        "format",
        "time_zone",
        "participant_capacity",
        "applications_close",
    ] {
        assert!(
            bad.has(&format!("[data-test=error-{field}]")),
            "{field} not named"
        );
    }
    let made = t
        .post_form(
            "/workshops",
            &[
                ("title", "Public narrative, Amman 2027"),
                ("modules", "public_narrative"),
                ("languages", "ar, en"),
                ("format", "hybrid"),
                ("place", "Amman"),
                ("time_zone", "Asia/Amman"),
                ("participant_capacity", "30"),
                ("coach_capacity", "6"),
                ("applications_close", "2027-01-15"),
                ("scope", "public"),
            ],
        )
        .await;
    let path = made.location().unwrap().to_owned();
    let id = path.trim_start_matches("/workshops/").to_owned();

    let bad_session = t
        .post_form(
            &format!("{path}/sessions"),
            &[
                ("date", "2027-02-30"),
                ("start", "7pm"),
                ("duration_minutes", "90"),
            ],
        )
        .await;
    assert_eq!(bad_session.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad_session.has("[data-test=error-date]") && bad_session.has("[data-test=error-start]")
    );
    for (date, start) in [("2027-02-06", "18:00"), ("2027-02-01", "18:00")] {
        let added = t
            .post_form(
                &format!("{path}/sessions"),
                &[
                    ("date", date),
                    ("start", start),
                    ("duration_minutes", "120"),
                    ("module", "public_narrative"),
                    ("location", "Hall B"),
                ],
            )
            .await;
        assert_eq!(added.status, StatusCode::SEE_OTHER);
    }
    let staffed = t
        .post_form(
            &format!("{path}/staff"),
            &[("member", &trainer.id.to_string()), ("role", "trainer")],
        )
        .await;
    assert_eq!(staffed.status, StatusCode::SEE_OTHER);
    let unknown = t
        .post_form(
            &format!("{path}/staff"),
            &[("member", "nobody"), ("role", "trainer")],
        )
        .await;
    assert!(unknown.has("[data-test=error-member]"));

    let api = Browser::new(&app.address)
        .get(&format!("/api/v1/workshops/{id}"))
        .await
        .json();
    assert_eq!(api["title"], "Public narrative, Amman 2027");
    let dates: Vec<&str> = api["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        vec!["2027-02-01", "2027-02-06"],
        "sessions come in time order"
    );
    assert_eq!(
        api["staff"],
        json!([]),
        "staff whose profiles a visitor may not see stay hidden"
    );
    let inside = t.get(&format!("/api/v1/workshops/{id}")).await.json();
    assert_eq!(inside["staff"].as_array().unwrap().len(), 2);

    let lead_out = t
        .post_form(
            &format!("{path}/staff/{}/lead_trainer/delete", admin.id),
            &[],
        )
        .await;
    assert!(
        lead_out.has("[data-test=error-staff]"),
        "the last lead trainer stays"
    );
    let by_trainer = app
        .signed_in(&trainer)
        .await
        .api(
            "PATCH",
            &format!("/api/v1/workshops/{id}"),
            None,
            Some(json!({"coach_capacity": 8})),
        )
        .await;
    assert_eq!(by_trainer.status, StatusCode::OK, "{}", by_trainer.body);
    assert_eq!(by_trainer.json()["coach_capacity"], 8);
}

#[tokio::test]
async fn only_trainers_create_and_only_the_managing_staff_change() {
    let app = TestApp::spawn().await;
    let admin = app.create_member("Admin").await;
    let member = app.create_member("Member").await;
    let a = app.signed_in(&admin).await;
    let m = app.signed_in(&member).await;

    let refused = m
        .api(
            "POST",
            "/api/v1/workshops",
            None,
            Some(workshop("Mine", "members")),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    m.api(
        "PATCH",
        "/api/v1/me/profile",
        None,
        Some(json!({"roles": ["educator"]})),
    )
    .await;
    let allowed = m
        .api(
            "POST",
            "/api/v1/workshops",
            None,
            Some(workshop("Mine", "members")),
        )
        .await;
    assert_eq!(
        allowed.status,
        StatusCode::CREATED,
        "an educator creates workshops: {}",
        allowed.body
    );

    let made = a
        .api(
            "POST",
            "/api/v1/workshops",
            None,
            Some(workshop("Theirs", "members")),
        )
        .await;
    let id = made.json()["id"].as_str().unwrap().to_owned();
    let edit = m
        .api(
            "PATCH",
            &format!("/api/v1/workshops/{id}"),
            None,
            Some(json!({"title": "Taken"})),
        )
        .await;
    assert_eq!(edit.status, StatusCode::FORBIDDEN);
    let session = m
        .api(
            "POST",
            &format!("/api/v1/workshops/{id}/sessions"),
            None,
            Some(json!({"date": "2027-01-01", "start": "10:00", "duration_minutes": 60})),
        )
        .await;
    assert_eq!(session.status, StatusCode::FORBIDDEN);
    assert_eq!(
        m.get(&format!("/workshops/{id}/edit")).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(
        !m.get(&format!("/workshops/{id}"))
            .await
            .has("[data-test=session-form]")
    );
    assert_eq!(
        Browser::new(&app.address)
            .get(&format!("/workshops/{id}"))
            .await
            .status,
        StatusCode::NOT_FOUND,
        "a members-only workshop is hidden from visitors"
    );
}

#[tokio::test]
async fn a_secret_nodes_workshop_is_invisible_to_outsiders() {
    let app = TestApp::spawn().await;
    let _admin = app.create_member("Admin").await;
    let steward = app.create_member("Steward").await;
    let outsider = app.create_member("Outsider").await;
    make_node(
        &app,
        &steward,
        None,
        &fields(
            "hidden-circle",
            NodeVisibility::Secret,
            JoinPolicy::Invite,
            false,
        ),
    )
    .await;
    let s = app.signed_in(&steward).await;
    let o = app.signed_in(&outsider).await;
    let mut body = workshop("Hidden training", "node");
    body["node"] = json!("hidden-circle");

    let made = s.api("POST", "/api/v1/workshops", None, Some(body)).await;

    assert_eq!(
        made.status,
        StatusCode::CREATED,
        "a steward creates their node's workshop: {}",
        made.body
    );
    let id = made.json()["id"].as_str().unwrap().to_owned();
    for path in [
        format!("/workshops/{id}"),
        format!("/api/v1/workshops/{id}"),
        format!("/api/v1/workshops/{id}/sessions"),
    ] {
        assert_eq!(o.get(&path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    for path in ["/workshops", "/api/v1/workshops"] {
        assert!(
            !o.get(path).await.body.contains("Hidden training"),
            "{path}"
        );
    }
    assert!(
        s.get("/api/v1/workshops?node=hidden-circle")
            .await
            .body
            .contains("Hidden training")
    );
    assert_eq!(
        o.get("/api/v1/workshops?node=hidden-circle").await.status,
        StatusCode::NOT_FOUND
    );
}
