//! Joining, requests, leaving, bans and member lists.

use praxis_domain::nodes::{JoinPolicy, NodeVisibility};
use praxis_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::json;

use super::{fields, make_node};

#[tokio::test]
async fn joining_by_request_waits_for_a_steward_who_approves_or_declines() {
    let app = TestApp::spawn().await;
    let steward_member = app.create_member("Steward").await;
    make_node(
        &app,
        &steward_member,
        None,
        &fields(
            "by-request",
            NodeVisibility::Members,
            JoinPolicy::Request,
            false,
        ),
    )
    .await;
    let amira = app.create_member("Amira").await;
    let omar = app.create_member("Omar").await;
    let (amira_b, omar_b, steward) = (
        app.signed_in(&amira).await,
        app.signed_in(&omar).await,
        app.signed_in(&steward_member).await,
    );

    assert_eq!(
        amira_b
            .post_form("/nodes/by-request/join", &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    omar_b.post_form("/nodes/by-request/join", &[]).await;
    assert!(
        amira_b
            .get("/nodes/by-request")
            .await
            .text("[data-test=standing]")
            .contains("asked to join")
    );
    let page = steward.get("/nodes/by-request").await;
    assert_eq!(page.count("[data-test=request]"), 2);

    let approve = steward
        .post_form(
            &format!("/nodes/by-request/members/{}", amira.id),
            &[("action", "approve")],
        )
        .await;
    let decline = steward
        .post_form(
            &format!("/nodes/by-request/members/{}", omar.id),
            &[("action", "decline")],
        )
        .await;
    let forged = amira_b
        .post_form(
            &format!("/nodes/by-request/members/{}", omar.id),
            &[("action", "approve")],
        )
        .await;

    assert_eq!(approve.status, StatusCode::SEE_OTHER);
    assert_eq!(decline.status, StatusCode::SEE_OTHER);
    assert_eq!(
        forged.status,
        StatusCode::FORBIDDEN,
        "a plain member is no steward"
    );
    assert!(
        amira_b
            .get("/nodes/by-request")
            .await
            .text("[data-test=standing]")
            .contains("You are a member")
    );
    assert!(
        omar_b
            .get("/nodes/by-request")
            .await
            .text("[data-test=standing]")
            .contains("not a member")
    );
    let events = app
        .store
        .list_node_events(
            app.store
                .find_node_by_slug("by-request")
                .await
                .unwrap()
                .unwrap()
                .id,
            true,
            10,
        )
        .await
        .unwrap();
    assert!(events.iter().any(|e| e.kind == "approved" && e.by_steward));
    assert!(events.iter().any(|e| e.kind == "declined" && e.by_steward));
    let mails = app.deliver_mail().await;
    assert!(
        mails
            .iter()
            .any(|m| m.recipient == amira.email && m.subject.contains("Welcome to"))
    );
    assert!(
        mails
            .iter()
            .any(|m| m.recipient == omar.email && m.body.contains("did not accept"))
    );
}

#[tokio::test]
async fn a_banned_member_cannot_come_back_by_any_door() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let troll = app.create_member("Troll").await;
    let id = make_node(
        &app,
        &steward,
        None,
        &fields("guarded", NodeVisibility::Secret, JoinPolicy::Open, false),
    )
    .await;
    app.store
        .add_node_member(id, troll.id, false, steward.id, true, app.ctx.now())
        .await
        .unwrap();
    let steward_b = app.signed_in(&steward).await;
    let troll_b = app.signed_in(&troll).await;
    assert_eq!(troll_b.get("/nodes/guarded").await.status, StatusCode::OK);
    let link = steward_b
        .api("POST", "/api/v1/nodes/guarded/invitation-links", None, None)
        .await
        .json()["link"]
        .as_str()
        .unwrap()
        .trim_start_matches(&app.address)
        .to_owned();

    let self_ban = steward_b
        .api(
            "POST",
            &format!("/api/v1/nodes/guarded/members/{}", steward.id),
            None,
            Some(json!({"action": "ban"})),
        )
        .await;
    let banned = steward_b
        .post_form(
            &format!("/nodes/guarded/members/{}", troll.id),
            &[("action", "ban")],
        )
        .await;

    assert_eq!(self_ban.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(banned.status, StatusCode::SEE_OTHER);
    assert_eq!(
        troll_b.get("/nodes/guarded").await.status,
        StatusCode::NOT_FOUND,
        "a secret node is gone for them"
    );
    assert_eq!(
        troll_b.post_form(&link, &[]).await.status,
        StatusCode::NOT_FOUND,
        "an invitation does not lift a ban"
    );
    assert_eq!(
        app.store.node_standing(id, troll.id).await.unwrap(),
        praxis_domain::nodes::Standing::Banned
    );
    let log = app.store.list_node_events(id, true, 10).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.kind == "banned" && e.subject_id == Some(troll.id))
    );
}

#[tokio::test]
async fn a_node_always_keeps_a_steward() {
    let app = TestApp::spawn().await;
    let only = app.create_member("Only Steward").await;
    make_node(
        &app,
        &only,
        None,
        &fields(
            "one-steward",
            NodeVisibility::Public,
            JoinPolicy::Open,
            false,
        ),
    )
    .await;
    let browser = app.signed_in(&only).await;

    let leave = browser.post_form("/nodes/one-steward/leave", &[]).await;
    let api_leave = browser
        .api("POST", "/api/v1/nodes/one-steward/leave", None, None)
        .await;

    assert_eq!(leave.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        leave
            .text("[data-test=notice]")
            .contains("always needs a steward")
    );
    assert_eq!(api_leave.status, StatusCode::UNPROCESSABLE_ENTITY);
    let helper = app.create_member("Helper").await;
    app.signed_in(&helper)
        .await
        .api("POST", "/api/v1/nodes/one-steward/join", None, None)
        .await;
    let promoted = browser
        .api(
            "POST",
            &format!("/api/v1/nodes/one-steward/members/{}", helper.id),
            None,
            Some(json!({"action": "make_steward"})),
        )
        .await;
    assert_eq!(promoted.status, StatusCode::NO_CONTENT);
    assert_eq!(
        browser
            .api("POST", "/api/v1/nodes/one-steward/leave", None, None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
}

#[tokio::test]
async fn an_outsider_cannot_join_or_even_find_a_secret_node() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    make_node(
        &app,
        &steward,
        None,
        &fields("unseen", NodeVisibility::Secret, JoinPolicy::Open, false),
    )
    .await;
    make_node(
        &app,
        &steward,
        None,
        &fields(
            "invite-only",
            NodeVisibility::Public,
            JoinPolicy::Invite,
            false,
        ),
    )
    .await;
    let outsider = app.signed_in(&app.create_member("Outsider").await).await;

    let join_secret = outsider
        .api("POST", "/api/v1/nodes/unseen/join", None, None)
        .await;
    let join_invite = outsider
        .api("POST", "/api/v1/nodes/invite-only/join", None, None)
        .await;
    let join_page = outsider.post_form("/nodes/unseen/join", &[]).await;

    assert_eq!(join_secret.status, StatusCode::NOT_FOUND);
    assert!(!join_secret.body.contains("unseen"));
    assert_eq!(join_invite.status, StatusCode::FORBIDDEN);
    assert_eq!(join_page.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn posting_to_a_nodes_members_joins_it_like_the_join_route() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    make_node(
        &app,
        &steward,
        None,
        &fields("open-door", NodeVisibility::Public, JoinPolicy::Open, false),
    )
    .await;
    let browser = app.signed_in(&app.create_member("Newcomer").await).await;

    let joined = browser
        .api("POST", "/api/v1/nodes/open-door/members", None, None)
        .await;

    assert_eq!(joined.status, StatusCode::OK);
    assert_eq!(joined.json()["standing"], "member");
    let members = browser
        .api("GET", "/api/v1/nodes/open-door/members", None, None)
        .await
        .json();
    let names: Vec<_> = members
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["display_name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["Steward", "Newcomer"]);
}

#[tokio::test]
async fn a_large_member_list_comes_in_pages() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let id = make_node(
        &app,
        &steward,
        None,
        &fields("big-node", NodeVisibility::Public, JoinPolicy::Open, false),
    )
    .await;
    let mut memberships = Vec::new();
    for i in 0..60 {
        let m = app.create_member(&format!("Member {i:02}")).await;
        memberships.push((id, m.id));
    }
    app.store
        .add_node_memberships(&memberships, app.ctx.now())
        .await
        .unwrap();
    let browser = app.signed_in(&steward).await;

    let first = browser.get("/nodes/big-node").await;
    let next = first.attr("[data-test=more-members]", "href").unwrap();
    let second = browser.get(&next).await;
    let api_second = browser
        .api("GET", "/api/v1/nodes/big-node/members?page=1", None, None)
        .await
        .json();

    assert_eq!(first.count("[data-test=member]"), 50);
    assert_eq!(second.count("[data-test=member]"), 11);
    assert!(!second.has("[data-test=more-members]"));
    assert_eq!(api_second.as_array().unwrap().len(), 11);
}

#[tokio::test]
async fn a_members_home_page_lists_their_nodes_safety_ones_included() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let member = app.create_member("Member").await;
    for (slug, safety) in [("home-open", false), ("home-safe", true)] {
        let id = make_node(
            &app,
            &steward,
            None,
            &fields(slug, NodeVisibility::Public, JoinPolicy::Open, safety),
        )
        .await;
        app.store
            .add_node_member(id, member.id, false, member.id, false, app.ctx.now())
            .await
            .unwrap();
    }
    let browser = app.signed_in(&member).await;

    let home = browser.get("/").await;

    let mine = home.text("[data-test=my-nodes]");
    assert!(mine.contains("Node home-open") && mine.contains("Node home-safe"));
    assert!(
        !app.signed_in(&app.create_member("Other").await)
            .await
            .get("/")
            .await
            .has("[data-test=my-nodes]")
    );
}
