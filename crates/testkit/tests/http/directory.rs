//! The people directory: filters, visibility and node rules, paging.

use praxis_domain::ids::NodeId;
use praxis_domain::nodes::{JoinPolicy, NodeFields, NodeKind, NodeVisibility};
use praxis_testkit::browser::Page;
use praxis_testkit::{Browser, TestApp, TestMember};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn with_profile(app: &TestApp, name: &str, profile: Value) -> TestMember {
    let member = app.create_member(name).await;
    let page = app
        .signed_in(&member)
        .await
        .api("PATCH", "/api/v1/me/profile", None, Some(profile))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    member
}

async fn search(browser: &Browser, query: &str) -> Page {
    browser
        .api("GET", &format!("/api/v1/directory?{query}"), None, None)
        .await
}

fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["display_name"].as_str().unwrap().to_owned())
        .collect()
}

async fn node(
    app: &TestApp,
    steward: &TestMember,
    slug: &str,
    visibility: NodeVisibility,
    safety: bool,
    members: &[&TestMember],
) -> NodeId {
    let id = NodeId::generate();
    let fields = NodeFields {
        name: slug.into(),
        slug: slug.into(),
        kind: NodeKind::Region,
        description: String::new(),
        languages: vec![],
        visibility,
        join_policy: JoinPolicy::Invite,
        safety,
    };
    app.store
        .create_node(id, None, &fields, steward.id, app.ctx.now())
        .await
        .unwrap();
    for m in members {
        app.store
            .add_node_member(id, m.id, false, steward.id, true, app.ctx.now())
            .await
            .unwrap();
    }
    id
}

#[tokio::test]
async fn filters_combine_and_match_whatever_the_case() {
    let app = TestApp::spawn().await;
    let viewer = app.signed_in(&app.create_member("Viewer").await).await;
    with_profile(&app, "Rana", json!({"roles": ["educator"], "practices": [{"practice": "coaching", "level": 4}],
        "languages": ["ar", "en"], "regions": ["Amman"], "domains": ["Housing"], "availability": {"coach": true, "capacity": 3}})).await;
    with_profile(
        &app,
        "Sami",
        json!({"roles": ["organizer"], "practices": [{"practice": "coaching", "level": 2}],
        "languages": ["ar"], "regions": ["Amman"]}),
    )
    .await;
    with_profile(
        &app,
        "Marko",
        json!({"roles": ["educator"], "practices": [{"practice": "coaching", "level": 5}],
        "languages": ["sr"], "regions": ["Belgrade"], "availability": {"coach": true}}),
    )
    .await;
    assert_eq!(
        names(
            &search(&viewer, "practice=coaching&min_level=3")
                .await
                .json()
        ),
        ["Marko", "Rana"]
    );
    assert_eq!(
        names(&search(&viewer, "language=AR").await.json()),
        ["Rana", "Sami"]
    );
    assert_eq!(
        names(
            &search(&viewer, "language=ar&region=amman&coach=true")
                .await
                .json()
        ),
        ["Rana"]
    );
    assert_eq!(
        names(&search(&viewer, "role=educator&domain=housing").await.json()),
        ["Rana"]
    );
    assert_eq!(
        names(&search(&viewer, "region=Nowhere").await.json()),
        Vec::<String>::new()
    );
    assert_eq!(
        names(&search(&viewer, "").await.json()),
        ["Marko", "Rana", "Sami", "Viewer"]
    );
}

#[tokio::test]
async fn the_directory_shows_only_what_each_profile_allows() {
    let app = TestApp::spawn().await;
    with_profile(
        &app,
        "Public Coach",
        json!({"languages": ["ar"], "visibility": "public"}),
    )
    .await;
    with_profile(
        &app,
        "Members Coach",
        json!({"languages": ["ar"], "visibility": "members"}),
    )
    .await;
    with_profile(
        &app,
        "Private Coach",
        json!({"languages": ["ar"], "visibility": "private"}),
    )
    .await;
    let member = app.signed_in(&app.create_member("Member").await).await;

    let visitor_view = app
        .browser()
        .api("GET", "/api/v1/directory?language=ar", None, None)
        .await
        .json();
    let member_view = member
        .api("GET", "/api/v1/directory?language=ar", None, None)
        .await
        .json();
    let page = member.get("/directory?language=ar").await;

    assert_eq!(names(&visitor_view), ["Public Coach"]);
    assert_eq!(names(&member_view), ["Members Coach", "Public Coach"]);
    assert_eq!(page.count("[data-test=person]"), 2);
    assert!(!page.body.contains("Private Coach"));
}

#[tokio::test]
async fn a_node_filter_reveals_nothing_about_secret_or_safety_nodes() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let insider = with_profile(&app, "Insider", json!({"visibility": "public"})).await;
    let outsider = app.signed_in(&app.create_member("Outsider").await).await;
    node(
        &app,
        &steward,
        "open-node",
        NodeVisibility::Public,
        false,
        &[&insider],
    )
    .await;
    node(
        &app,
        &steward,
        "secret-node",
        NodeVisibility::Secret,
        false,
        &[&insider],
    )
    .await;
    node(
        &app,
        &steward,
        "safety-node",
        NodeVisibility::Public,
        true,
        &[&insider],
    )
    .await;
    let open = search(&outsider, "node=open-node").await;
    let secret = search(&outsider, "node=secret-node").await;
    let safety = search(&outsider, "node=safety-node").await;
    let missing = search(&outsider, "node=no-such-node").await;
    let insider_on_safety = search(&app.signed_in(&insider).await, "node=safety-node").await;
    let steward_on_safety = search(&app.signed_in(&steward).await, "node=safety-node").await;

    assert_eq!(names(&open.json()), ["Insider", "Steward"]);
    for refused in [&secret, &safety, &missing, &insider_on_safety] {
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            refused.body, missing.body,
            "the answer must not tell these cases apart"
        );
    }
    assert_eq!(names(&steward_on_safety.json()), ["Insider", "Steward"]);
}

#[tokio::test]
async fn bad_filters_are_named_on_the_page_and_in_the_api() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    let api = browser
        .api(
            "GET",
            "/api/v1/directory?practice=juggling&role=king&cursor=zz",
            None,
            None,
        )
        .await;
    let level = browser
        .api(
            "GET",
            "/api/v1/directory?practice=coaching&min_level=high",
            None,
            None,
        )
        .await;
    let page = browser.get("/directory?practice=juggling").await;

    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["practice", "role", "cursor"] {
        assert!(api.json()["error"]["fields"][field].is_string(), "{field}");
    }
    assert!(level.json()["error"]["fields"]["min_level"].is_string());
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.has("[data-test=error-practice]"));
}

#[tokio::test]
async fn results_come_in_pages_that_keep_the_filters() {
    let app = TestApp::spawn().await;
    for i in 0..35 {
        with_profile(
            &app,
            &format!("Speaker {i:02}"),
            json!({"languages": ["sw"], "visibility": "public"}),
        )
        .await;
    }
    with_profile(
        &app,
        "Other",
        json!({"languages": ["en"], "visibility": "public"}),
    )
    .await;
    let browser = app.browser();

    let first = browser.get("/directory?language=sw").await;
    let next = first.attr("[data-test=next-page]", "href").unwrap();
    let second = browser.get(&next).await;

    assert_eq!(first.count("[data-test=person]"), 30);
    assert!(next.contains("language=sw"));
    assert_eq!(second.count("[data-test=person]"), 5);
    assert!(!second.body.contains("Other"));
}

#[tokio::test]
async fn words_find_people_by_the_start_of_words_in_any_script() {
    let app = TestApp::spawn().await;
    let viewer = app.signed_in(&app.create_member("Viewer").await).await;
    with_profile(
        &app,
        "Милица Јовановић",
        json!({"regions": ["Belgrade"], "bio": "Student organizer"}),
    )
    .await;
    with_profile(
        &app,
        "Milan Petrović",
        json!({"regions": ["Novi Sad"], "bio": "Union steward"}),
    )
    .await;
    with_profile(
        &app,
        "أميرة حداد",
        json!({"regions": ["عمّان"], "bio": "Tenant organizer"}),
    )
    .await;

    assert_eq!(
        names(&search(&viewer, "q=mil").await.json()),
        ["Milan Petrović"]
    );
    assert_eq!(
        names(&search(&viewer, "q=%D0%BC%D0%B8%D0%BB").await.json()),
        ["Милица Јовановић"]
    );
    assert_eq!(
        names(&search(&viewer, "q=organ").await.json()),
        ["Милица Јовановић", "أميرة حداد"]
    );
    assert_eq!(
        names(&search(&viewer, "q=organizer%20bel").await.json()),
        ["Милица Јовановић"]
    );
    assert_eq!(
        names(&search(&viewer, "q=%D8%A3%D9%85%D9%8A").await.json()),
        ["أميرة حداد"]
    );
    assert_eq!(
        names(&search(&viewer, "q=union&language=ar").await.json()),
        Vec::<String>::new()
    );
    assert!(
        viewer
            .get("/directory?q=steward")
            .await
            .body
            .contains("Milan Petrović")
    );
}
