//! Creating, proposing, editing and listing nodes.

use praxis_domain::nodes::{JoinPolicy, NodeVisibility};
use praxis_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::json;

use super::{fields, make_node};

#[tokio::test]
async fn an_admin_builds_nested_nodes_through_the_pages() {
    let app = TestApp::spawn().await;
    let admin = app.create_member("Admin").await;
    let browser = app.signed_in(&admin).await;
    assert!(browser.get("/nodes").await.has("[data-test=new-node]"));

    let bad = browser
        .post_form(
            "/nodes",
            &[
                ("name", ""),
                ("slug", "B"),
                ("kind", "planet"),
                ("visibility", "public"),
                ("join_policy", "open"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["name", "slug", "kind"] {
        assert!(bad.has(&format!("[data-test=error-{field}]")), "{field}");
    }
    let made = browser
        .post_form(
            "/nodes",
            &[
                ("name", "The Balkans"),
                ("slug", "balkans"),
                ("kind", "region"),
                ("visibility", "public"),
                ("join_policy", "open"),
            ],
        )
        .await;
    assert_eq!(made.location(), Some("/nodes/balkans"));
    let child = browser
        .post_form(
            "/nodes",
            &[
                ("parent", "balkans"),
                ("name", "Србија"),
                ("slug", "serbia"),
                ("kind", "region"),
                ("visibility", "members"),
                ("join_policy", "request"),
            ],
        )
        .await;
    assert_eq!(child.location(), Some("/nodes/serbia"));
    let taken = browser
        .post_form(
            "/nodes",
            &[
                ("name", "Again"),
                ("slug", "balkans"),
                ("kind", "region"),
                ("visibility", "public"),
                ("join_policy", "open"),
            ],
        )
        .await;
    assert!(
        taken
            .text("[data-test=error-slug]")
            .contains("already uses")
    );

    let serbia = browser.get("/nodes/serbia").await;
    assert!(serbia.text("[data-test=ancestors]").contains("The Balkans"));
    assert!(
        browser
            .get("/nodes/balkans")
            .await
            .text("[data-test=child]")
            .contains("Србија")
    );
}

#[tokio::test]
async fn members_propose_nodes_that_wait_for_an_admin_while_stewards_create_inside_their_own() {
    let app = TestApp::spawn().await;
    let admin = app.create_member("Admin").await;
    let steward = app.create_member("Steward").await;
    let member = app.create_member("Member").await;
    make_node(
        &app,
        &steward,
        None,
        &fields("home-base", NodeVisibility::Public, JoinPolicy::Open, false),
    )
    .await;
    let body = |slug: &str, parent: Option<&str>| json!({"name": format!("Node {slug}"), "slug": slug, "kind": "values", "parent": parent, "visibility": "public", "join_policy": "open"});
    let member_b = app.signed_in(&member).await;
    let admin_b = app.signed_in(&admin).await;
    let outsider = app.signed_in(&app.create_member("Outsider").await).await;

    let proposal = member_b
        .api(
            "POST",
            "/api/v1/nodes",
            None,
            Some(body("proposed-one", None)),
        )
        .await;
    let under_own = app
        .signed_in(&steward)
        .await
        .api(
            "POST",
            "/api/v1/nodes",
            None,
            Some(body("own-child", Some("home-base"))),
        )
        .await;

    assert_eq!(proposal.status, StatusCode::CREATED, "{}", proposal.body);
    assert_eq!(proposal.json()["proposed"], true);
    assert_eq!(under_own.json()["proposed"], false);
    assert_eq!(under_own.json()["ancestors"][0]["slug"], "home-base");
    assert_eq!(
        outsider.get("/nodes/proposed-one").await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        !outsider
            .api("GET", "/api/v1/nodes", None, None)
            .await
            .body
            .contains("proposed-one")
    );
    assert!(
        member_b
            .get("/nodes/proposed-one")
            .await
            .has("[data-test=proposed]")
    );
    let child_of_proposal = member_b
        .api(
            "POST",
            "/api/v1/nodes",
            None,
            Some(body("too-early", Some("proposed-one"))),
        )
        .await;
    assert_eq!(child_of_proposal.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        member_b
            .api("GET", "/api/v1/node-proposals", None, None)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let decision = json!({"decision": "approve"});
    assert_eq!(
        member_b
            .api(
                "POST",
                "/api/v1/nodes/proposed-one/proposal",
                None,
                Some(decision.clone())
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    assert_eq!(
        admin_b
            .api("GET", "/api/v1/node-proposals", None, None)
            .await
            .json()[0]["slug"],
        "proposed-one"
    );
    assert_eq!(
        admin_b
            .get("/nodes/proposals")
            .await
            .count("[data-test=proposal]"),
        1
    );
    assert_eq!(
        admin_b
            .api(
                "POST",
                "/api/v1/nodes/proposed-one/proposal",
                None,
                Some(decision)
            )
            .await
            .status,
        StatusCode::NO_CONTENT
    );

    assert_eq!(
        outsider.get("/nodes/proposed-one").await.status,
        StatusCode::OK
    );
    let declined = member_b
        .api(
            "POST",
            "/api/v1/nodes",
            None,
            Some(body("declined-one", None)),
        )
        .await;
    assert_eq!(declined.status, StatusCode::CREATED);
    admin_b
        .post_form("/nodes/declined-one/proposal", &[("decision", "decline")])
        .await;
    assert_eq!(
        member_b.get("/nodes/declined-one").await.status,
        StatusCode::NOT_FOUND,
        "a declined proposal is gone"
    );
}

#[tokio::test]
async fn with_open_creation_any_member_creates_nodes_at_once() {
    let app = TestApp::spawn_with(praxis_app::Settings {
        open_node_creation: true,
        login_policy: praxis_testkit::fast_login_policy(),
        ..Default::default()
    })
    .await;
    app.create_member("Admin").await;
    let member = app.signed_in(&app.create_member("Member").await).await;

    let made = member
        .api("POST", "/api/v1/nodes", None, Some(json!({"name": "Open", "slug": "open-made", "kind": "values", "visibility": "public", "join_policy": "open"})))
        .await;

    assert_eq!(made.status, StatusCode::CREATED);
    assert_eq!(made.json()["proposed"], false);
    assert_eq!(
        app.browser().get("/nodes/open-made").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_steward_edits_the_node_and_the_edit_is_logged() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let id = make_node(
        &app,
        &steward,
        None,
        &fields("old-name", NodeVisibility::Public, JoinPolicy::Open, false),
    )
    .await;
    make_node(
        &app,
        &steward,
        None,
        &fields("taken", NodeVisibility::Public, JoinPolicy::Open, false),
    )
    .await;
    let browser = app.signed_in(&steward).await;

    let form = browser.get("/nodes/old-name/edit").await;
    assert_eq!(form.attr("#slug", "value").as_deref(), Some("old-name"));
    let clash = browser
        .api(
            "PATCH",
            "/api/v1/nodes/old-name",
            None,
            Some(json!({"slug": "taken"})),
        )
        .await;
    assert_eq!(clash.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(clash.json()["error"]["fields"]["slug"].is_string());
    let saved = browser
        .post_form(
            "/nodes/old-name/edit",
            &[
                ("name", "New Name"),
                ("slug", "new-name"),
                ("kind", "values"),
                ("visibility", "secret"),
                ("join_policy", "invite"),
            ],
        )
        .await;

    let node = app.store.get_node(id).await.unwrap();
    assert_eq!(node.fields.name, "New Name");
    assert_eq!(node.fields.visibility, NodeVisibility::Secret);
    assert!(
        node.fields.slug.starts_with("new-name-"),
        "a node made secret gets an unguessable address: {}",
        node.fields.slug
    );
    assert_eq!(
        saved.location(),
        Some(format!("/nodes/{}", node.fields.slug).as_str())
    );
    assert_eq!(
        app.browser()
            .get(&format!("/nodes/{}", node.fields.slug))
            .await
            .status,
        StatusCode::NOT_FOUND,
        "now secret"
    );
    let log = app.store.list_node_events(id, true, 10).await.unwrap();
    assert_eq!(log[0].kind, "edited");
    assert_eq!(log[0].actor_id, Some(steward.id));
}

#[tokio::test]
async fn node_lists_come_in_pages_at_the_top_and_inside_a_node() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let parent = make_node(
        &app,
        &steward,
        None,
        &fields(
            "big-parent",
            NodeVisibility::Public,
            JoinPolicy::Open,
            false,
        ),
    )
    .await;
    for i in 0..65 {
        make_node(
            &app,
            &steward,
            Some(parent),
            &fields(
                &format!("child-{i:02}"),
                NodeVisibility::Public,
                JoinPolicy::Open,
                false,
            ),
        )
        .await;
    }
    let browser = app.browser();

    let node_page = browser.get("/nodes/big-parent").await;
    let all = node_page.attr("[data-test=all-children]", "href").unwrap();
    let first = browser.get(&all).await;
    let second = browser
        .get(&first.attr("[data-test=next-page]", "href").unwrap())
        .await;
    let api = browser
        .api(
            "GET",
            "/api/v1/nodes?parent=big-parent&limit=50",
            None,
            None,
        )
        .await
        .json();

    assert_eq!(node_page.count("[data-test=child]"), 50);
    assert_eq!(first.count("[data-test=node]"), 60);
    assert_eq!(second.count("[data-test=node]"), 5);
    assert_eq!(api["items"].as_array().unwrap().len(), 50);
    assert!(api["next_cursor"].is_string());
    assert_eq!(
        browser.get("/nodes?parent=no-such-node").await.status,
        StatusCode::NOT_FOUND
    );
}
