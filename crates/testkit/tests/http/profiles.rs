//! Profiles: editing one's own, and who may see whose.

use praxis_testkit::{TestApp, TestMember};
use reqwest::StatusCode;

fn profile_form<'a>(name: &'a str, visibility: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("display_name", name),
        ("bio", "I organize **tenants**. <script>alert('x')</script>"),
        ("roles", "organizer"),
        ("roles", "educator"),
        ("practice_coaching", "4"),
        ("practice_strategy", "2"),
        ("domains", "Housing, Climate"),
        ("regions", "Jordan، Amman"),
        ("languages", "ar, en"),
        ("time_zone", "Asia/Amman"),
        ("available_to_coach", "1"),
        ("capacity", "3"),
        ("visibility", visibility),
    ]
}

async fn set_visibility(app: &TestApp, member: &TestMember, visibility: &str) {
    let browser = app.signed_in(member).await;
    let page = browser
        .post_form(
            "/settings/profile",
            &profile_form(&member.display_name, visibility),
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
}

#[tokio::test]
async fn a_member_edits_their_profile_and_sees_it_rendered_safely() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Rana").await;
    let browser = app.signed_in(&member).await;

    let saved = browser
        .post_form("/settings/profile", &profile_form("Rana Nassar", "members"))
        .await;

    assert_eq!(saved.location(), Some("/settings/profile?saved=1"));
    let page = browser.get(&format!("/members/{}", member.id)).await;
    assert_eq!(page.text("[data-test=display-name]"), "Rana Nassar");
    assert!(page.body.contains("<strong>tenants</strong>"));
    assert!(!page.body.contains("<script>alert"));
    assert!(page.body.contains("Coaching"));
    assert!(page.body.contains("Amman"));
    let form = browser.get(saved.location().unwrap()).await;
    assert!(form.has("[data-test=saved]"));
    assert_eq!(
        form.attr("#practice_coaching option[selected]", "value")
            .as_deref(),
        Some("4")
    );
    assert_eq!(
        form.attr("#time_zone", "value").as_deref(),
        Some("Asia/Amman")
    );
}

#[tokio::test]
async fn an_invalid_profile_form_names_each_field_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Sami").await;
    let browser = app.signed_in(&member).await;
    let mut fields = profile_form("", "everyone");
    fields.push(("capacity", "many"));
    fields.retain(|(k, v)| !(*k == "capacity" && *v == "3"));
    fields.retain(|(k, _)| *k != "time_zone");
    fields.push(("time_zone", "Moon Base"));

    let page = browser.post_form("/settings/profile", &fields).await;

    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["display_name", "capacity", "time_zone", "visibility"] {
        assert!(
            page.has(&format!("[data-test=error-{field}]")),
            "no error shown for {field}"
        );
    }
    assert_eq!(
        page.attr("#time_zone", "value").as_deref(),
        Some("Moon Base"),
        "the typed value is kept"
    );
    let me = browser.api("GET", "/api/v1/me", None, None).await.json();
    assert_eq!(me["display_name"], "Sami");
    assert_eq!(me["profile"]["time_zone"], serde_json::Value::Null);
}

#[tokio::test]
async fn a_private_profile_answers_404_to_everyone_else_on_pages_and_api() {
    let app = TestApp::spawn().await;
    let owner = app.create_member("Hidden Person").await;
    let other = app.create_member("Curious").await;
    set_visibility(&app, &owner, "private").await;
    let path = format!("/members/{}", owner.id);
    let api_path = format!("/api/v1/members/{}", owner.id);
    let curious = app.signed_in(&other).await;
    let visitor = app.browser();

    for browser in [&curious, &visitor] {
        let page = browser.get(&path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        assert!(!page.body.contains("Hidden Person"));
        let api = browser.api("GET", &api_path, None, None).await;
        assert_eq!(api.status, StatusCode::NOT_FOUND);
        assert!(!api.body.contains("Hidden Person"));
        let listing = browser
            .api("GET", "/api/v1/members?limit=100", None, None)
            .await;
        assert!(!listing.body.contains("Hidden Person"));
        assert!(!browser.get("/members").await.body.contains("Hidden Person"));
    }
    let own = app.signed_in(&owner).await.get(&path).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains("only you can see it"));
}

#[tokio::test]
async fn a_members_only_profile_is_hidden_from_visitors_but_shown_to_members() {
    let app = TestApp::spawn().await;
    let owner = app.create_member("Members Only").await;
    let public = app.create_member("Open Book").await;
    set_visibility(&app, &owner, "members").await;
    set_visibility(&app, &public, "public").await;
    let member = app.create_member("Peer").await;

    let visitor = app.browser();
    assert_eq!(
        visitor.get(&format!("/members/{}", owner.id)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        visitor.get(&format!("/members/{}", public.id)).await.status,
        StatusCode::OK
    );
    let visitor_list = visitor.get("/members").await;
    assert!(visitor_list.body.contains("Open Book"));
    assert!(!visitor_list.body.contains("Members Only"));

    let peer = app.signed_in(&member).await;
    assert_eq!(
        peer.get(&format!("/members/{}", owner.id)).await.status,
        StatusCode::OK
    );
    assert!(peer.get("/members").await.body.contains("Members Only"));
}

#[tokio::test]
async fn email_addresses_never_appear_on_anyone_elses_pages_or_api_answers() {
    let app = TestApp::spawn().await;
    let owner = app.create_member("Public Figure").await;
    set_visibility(&app, &owner, "public").await;
    let peer = app.signed_in(&app.create_member("Peer").await).await;

    let page = peer.get(&format!("/members/{}", owner.id)).await;
    let api = peer
        .api("GET", &format!("/api/v1/members/{}", owner.id), None, None)
        .await;
    let list = peer.api("GET", "/api/v1/members", None, None).await;

    for body in [&page.body, &api.body, &list.body] {
        assert!(!body.contains(&owner.email));
    }
    assert!(
        api.json().get("visibility").is_none(),
        "visibility is the owner's business"
    );
}

#[tokio::test]
async fn the_member_list_is_paginated_with_a_cursor() {
    let app = TestApp::spawn().await;
    let viewer = app.create_member("Viewer").await;
    for i in 0..34 {
        app.create_member(&format!("Member {i:02}")).await;
    }
    let browser = app.signed_in(&viewer).await;

    let first = browser.get("/members").await;
    let next = first
        .attr("[data-test=next-page]", "href")
        .expect("a next page link");
    let second = browser.get(&next).await;

    assert_eq!(first.count("[data-test=person]"), 30);
    assert_eq!(second.count("[data-test=person]"), 5);
    assert!(!second.has("[data-test=next-page]"));
    assert!(first.body.contains("Member 00"));
    assert!(second.body.contains("Viewer"));
    assert_eq!(
        browser.get("/members?after=garbage").await.status,
        StatusCode::NOT_FOUND
    );

    let api = browser
        .api("GET", "/api/v1/members?limit=20", None, None)
        .await
        .json();
    let cursor = api["next_cursor"].as_str().unwrap().to_owned();
    let rest = browser
        .api(
            "GET",
            &format!("/api/v1/members?limit=20&cursor={cursor}"),
            None,
            None,
        )
        .await
        .json();
    assert_eq!(
        api["items"].as_array().unwrap().len() + rest["items"].as_array().unwrap().len(),
        35
    );
    assert!(rest["next_cursor"].is_null());
    assert_eq!(
        browser
            .api("GET", "/api/v1/members?cursor=zz", None, None)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn settings_pages_send_visitors_to_log_in() {
    let app = TestApp::spawn().await;
    let visitor = app.browser();

    for path in ["/settings/profile", "/settings/account", "/settings/tokens"] {
        let page = visitor.get(path).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{path}");
        assert!(page.location().unwrap().starts_with("/login?next="));
    }
}
