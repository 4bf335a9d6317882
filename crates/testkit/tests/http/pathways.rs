//! Pathways: nominations with evidence, steps recorded, the pipeline with its chart for
//! network admins and a node's stewards only.

use praxis_domain::nodes::{JoinPolicy, NodeVisibility};
use praxis_testkit::TestApp;
use reqwest::StatusCode;

use crate::nodes::{fields, make_node};

#[tokio::test]
async fn nominations_and_steps_feed_a_pipeline_only_overseers_see() {
    let app = TestApp::spawn().await;
    let admin = app.create_member("Admin").await;
    let steward = app.create_member("Steward").await;
    let rising = app.create_member("Rising Leader").await;
    let member = app.create_member("Member").await;
    let a = app.signed_in(&admin).await;
    let s = app.signed_in(&steward).await;
    let m = app.signed_in(&member).await;
    let node = make_node(
        &app,
        &steward,
        None,
        &fields("circle", NodeVisibility::Public, JoinPolicy::Open, false),
    )
    .await;
    app.store
        .add_node_member(node, rising.id, false, rising.id, false, app.ctx.now())
        .await
        .unwrap();

    let empty = m
        .post_form(
            "/pathways/nominations",
            &[
                ("member", &rising.id.to_string()),
                ("step", "coach"),
                ("evidence", " "),
            ],
        )
        .await;
    assert!(empty.has("[data-test=error-evidence]"));
    let nominated = m
        .post_form(
            "/pathways/nominations",
            &[
                ("member", &rising.id.to_string()),
                ("step", "coach"),
                ("evidence", "Ran the house meeting when the lead was ill"),
            ],
        )
        .await;
    assert_eq!(nominated.status, StatusCode::SEE_OTHER);
    assert!(
        !m.get("/pathways").await.has("[data-test=pipeline-chart]"),
        "a member nominates but does not see the pipeline"
    );

    let today = time::OffsetDateTime::now_utc().date().to_string();
    let recorded = s
        .post_form(
            "/pathways/steps",
            &[
                ("node", "circle"),
                ("member", &rising.id.to_string()),
                ("step", "paired_coach"),
                ("reached_on", &today),
            ],
        )
        .await;
    assert_eq!(recorded.status, StatusCode::SEE_OTHER);
    let outside = s
        .post_form(
            "/pathways/steps",
            &[
                ("node", "circle"),
                ("member", &member.id.to_string()),
                ("step", "coach"),
                ("reached_on", &today),
            ],
        )
        .await;
    assert!(
        outside.has("[data-test=error-member]"),
        "a steward records steps of their node's members only"
    );

    let steward_view = s.get("/pathways?node=circle").await;
    assert!(steward_view.has("[data-test=pipeline-chart] svg"));
    let counts: Vec<String> = steward_view
        .html()
        .select(&scraper::Selector::parse("[data-test=bar-count]").unwrap())
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(
        counts,
        vec!["0", "1", "0", "0", "0", "0"],
        "one person at the paired-coach step"
    );
    assert!(
        steward_view
            .text("[data-test=moved]")
            .contains("Rising Leader")
    );
    assert!(
        steward_view
            .text("[data-test=nominations]")
            .contains("Ran the house meeting")
    );
    assert!(
        a.get("/pathways").await.has("[data-test=pipeline-chart]"),
        "admins see the network's"
    );
    assert!(
        !s.get("/pathways").await.has("[data-test=pipeline-chart]"),
        "a steward sees their node's, not the network's"
    );
}

#[tokio::test]
async fn the_pathways_api_follows_the_same_rules() {
    let app = TestApp::spawn().await;
    let admin = app.create_member("Admin").await;
    let member = app.create_member("Member").await;
    let rising = app.create_member("Rising").await;
    let a = app.signed_in(&admin).await;
    let m = app.signed_in(&member).await;

    let nominated = m
        .api("POST", "/api/v1/nominations", None, Some(serde_json::json!({"member_id": rising.id.to_string(), "step": "coach", "evidence": "Led the phone bank"})))
        .await;
    assert_eq!(nominated.status, StatusCode::NO_CONTENT);
    let bad = m
        .api("POST", "/api/v1/nominations", None, Some(serde_json::json!({"member_id": member.id.to_string(), "step": "pope", "evidence": ""})))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        m.get("/api/v1/pathways").await.status,
        StatusCode::FORBIDDEN
    );
    let recorded = a
        .api("POST", "/api/v1/pathways/steps", None, Some(serde_json::json!({"member_id": rising.id.to_string(), "step": "coach", "reached_on": "2026-11-20"})))
        .await;
    assert_eq!(recorded.status, StatusCode::NO_CONTENT, "{}", recorded.body);
    let pipeline = a.get("/api/v1/pathways").await.json();
    assert_eq!(
        pipeline["counts"][2],
        serde_json::json!({"step": "coach", "count": 1})
    );
    assert_eq!(pipeline["nominations"][0]["evidence"], "Led the phone bank");
}

#[tokio::test]
async fn an_overseer_invites_an_emerging_leader_to_coach_a_workshop() {
    let app = TestApp::spawn().await;
    let admin = app.create_member("Admin").await;
    let rising = app.create_member("Rising").await;
    let a = app.signed_in(&admin).await;
    let w = a
        .api("POST", "/api/v1/workshops", None, Some(serde_json::json!({"title": "Spring training", "format": "online", "time_zone": "UTC", "participant_capacity": 20, "coach_capacity": 4, "scope": "members"})))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.deliver_mail().await;

    let sent = a
        .post_form(
            "/pathways/invitations",
            &[("member", &rising.id.to_string()), ("workshop", &w)],
        )
        .await;

    assert!(sent.has("[data-test=notice]"), "{}", sent.body);
    let mail = app.mail_to(&rising.email).await;
    assert!(mail.subject.contains("Spring training"));
    assert!(
        mail.body
            .contains(&format!("/workshops/{w}/apply?role=coach"))
    );
    let other = app.signed_in(&app.create_member("Other").await).await;
    assert_eq!(
        other
            .post_form(
                "/pathways/invitations",
                &[("member", &rising.id.to_string()), ("workshop", &w)]
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}
