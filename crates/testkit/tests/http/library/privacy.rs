//! Items of a secret node and members-only items never reach those who may not read them:
//! not on a page, the API, a list, a family tree, search results, facet counts or feeds.

use praxis_domain::nodes::{JoinPolicy, NodeVisibility};
use praxis_testkit::{Browser, TestApp};
use reqwest::StatusCode;
use serde_json::json;

use super::{publish, worksheet};
use crate::nodes::{fields, make_node};

#[tokio::test]
async fn a_secret_nodes_items_never_leak_to_outsiders() {
    let app = TestApp::spawn().await;
    let _admin = app.create_member("Network admin").await;
    let steward = app.create_member("Steward").await;
    let outsider = app.create_member("Outsider").await;
    make_node(
        &app,
        &steward,
        None,
        &fields(
            "underground",
            NodeVisibility::Secret,
            JoinPolicy::Invite,
            false,
        ),
    )
    .await;
    let s = app.signed_in(&steward).await;
    let o = app.signed_in(&outsider).await;
    let anonymous = Browser::new(&app.address);
    let mut secret = worksheet("Zanzibar strike fund ledger", "node");
    secret["node"] = json!("underground");
    secret["summary"] = json!("Quetzalcoatl cell rota");
    let id = publish(&s, secret).await;
    let public = publish(&s, worksheet("Open zanzibar primer", "public")).await;
    let adaptation = s
        .api(
            "POST",
            &format!("/api/v1/library/{public}/adaptations"),
            None,
            Some(json!({"title": "Zanzibar cell version", "scope": "node", "node": "underground", "adapted_context": "the cell"})),
        )
        .await;
    assert_eq!(
        adaptation.status,
        StatusCode::CREATED,
        "{}",
        adaptation.body
    );
    let adaptation = adaptation.json()["id"].as_str().unwrap().to_owned();
    app.search_sync().await;

    for browser in [&o, &anonymous] {
        for path in [
            format!("/library/{id}"),
            format!("/library/{id}/history"),
            format!("/library/{id}/family"),
            format!("/library/{id}/versions/1"),
            format!("/api/v1/library/{id}"),
            format!("/api/v1/library/{id}/versions"),
            format!("/api/v1/library/{id}/attachments"),
            format!("/api/v1/library/{adaptation}/adaptations"),
            format!("/library/{adaptation}"),
        ] {
            assert_eq!(
                browser.get(&path).await.status,
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        for path in [
            "/api/v1/library".to_owned(),
            "/library".to_owned(),
            "/library/feed.atom".to_owned(),
            "/search?q=zanzibar".to_owned(),
            "/api/v1/search?q=zanzibar".to_owned(),
            "/api/v1/search?q=quetzalcoatl".to_owned(),
            format!("/library/{public}"),
            format!("/library/{public}/family"),
            format!("/api/v1/library/{public}/adaptations"),
        ] {
            let page = browser.get(&path).await;
            for secret_word in ["ledger", "Quetzalcoatl", "cell version", &id, &adaptation] {
                assert!(
                    !page.body.contains(secret_word),
                    "{secret_word} leaked on {path}"
                );
            }
        }
        let found = browser.get("/api/v1/search?q=zanzibar").await.json();
        assert_eq!(
            found["total"], 1,
            "only the public primer is counted: {found}"
        );
        let kinds = found["facets"].to_string();
        assert!(
            kinds.contains("\"count\":1") && !kinds.contains("\"count\":2"),
            "{kinds}"
        );
        assert_eq!(
            browser.get("/api/v1/library?node=underground").await.status,
            StatusCode::NOT_FOUND
        );
    }
    let attach = o
        .api_bytes(
            "POST",
            &format!("/api/v1/library/{id}/attachments"),
            b"%PDF-1.4 x".to_vec(),
        )
        .await;
    assert_eq!(attach.status, StatusCode::NOT_FOUND);

    let inside = s.get("/api/v1/search?q=zanzibar").await.json();
    assert_eq!(
        inside["total"], 3,
        "members of the node find all three: {inside}"
    );
    assert_eq!(
        s.get(&format!("/library/{id}")).await.status,
        StatusCode::OK
    );
    let listed = s.get("/api/v1/library?node=underground").await.json();
    assert_eq!(listed["items"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn opening_a_node_opens_its_items_and_closing_it_closes_them_in_search_too() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let node = make_node(
        &app,
        &steward,
        None,
        &fields("circle", NodeVisibility::Secret, JoinPolicy::Invite, false),
    )
    .await;
    let s = app.signed_in(&steward).await;
    let mut item = worksheet("Xylophone tactics", "node");
    item["node"] = json!("circle");
    let id = publish(&s, item).await;
    app.search_sync().await;
    let visitor = Browser::new(&app.address);
    assert_eq!(
        visitor.get("/api/v1/search?q=xylophone").await.json()["total"],
        0
    );

    let mut open = fields("circle", NodeVisibility::Public, JoinPolicy::Open, false);
    open.name = "Circle".into();
    app.store
        .update_node(node, &open, steward.id, app.ctx.now())
        .await
        .unwrap();
    app.search_sync().await;
    assert_eq!(
        visitor.get(&format!("/library/{id}")).await.status,
        StatusCode::OK
    );
    assert_eq!(
        visitor.get("/api/v1/search?q=xylophone").await.json()["total"],
        1
    );

    let closed = fields("circle", NodeVisibility::Secret, JoinPolicy::Invite, false);
    app.store
        .update_node(node, &closed, steward.id, app.ctx.now())
        .await
        .unwrap();
    // Before the index catches up the store's check already hides it.
    let stale = visitor.get("/api/v1/search?q=xylophone").await.json();
    assert_eq!(stale["hits"], json!([]), "{stale}");
    app.search_sync().await;
    assert_eq!(
        visitor.get("/api/v1/search?q=xylophone").await.json()["total"],
        0
    );
}

#[tokio::test]
async fn members_only_items_and_private_profiles_stay_out_of_public_search() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Author").await;
    let a = app.signed_in(&author).await;
    publish(&a, worksheet("Yodel members guide", "members")).await;
    let hidden = app.create_member("Yodel Private").await;
    let h = app.signed_in(&hidden).await;
    let private = h
        .api(
            "PATCH",
            "/api/v1/me/profile",
            None,
            Some(json!({"visibility": "private", "bio": "yodel"})),
        )
        .await;
    assert_eq!(private.status, StatusCode::OK, "{}", private.body);
    app.search_sync().await;

    let anonymous = Browser::new(&app.address)
        .get("/api/v1/search?q=yodel")
        .await
        .json();
    assert_eq!(anonymous["total"], 0, "{anonymous}");
    let member = a.get("/api/v1/search?q=yodel").await.json();
    assert_eq!(
        member["total"], 1,
        "the guide, never the private profile: {member}"
    );
    assert_eq!(member["hits"][0]["type"], "item");
    let own = h.get("/api/v1/search?q=yodel&type=member").await.json();
    assert_eq!(own["total"], 0, "private profiles are not indexed at all");
}

#[tokio::test]
async fn a_nodes_feed_and_library_page_follow_the_node() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    make_node(
        &app,
        &steward,
        None,
        &fields(
            "open-circle",
            NodeVisibility::Public,
            JoinPolicy::Open,
            false,
        ),
    )
    .await;
    make_node(
        &app,
        &steward,
        None,
        &fields(
            "members-circle",
            NodeVisibility::Members,
            JoinPolicy::Open,
            false,
        ),
    )
    .await;
    let s = app.signed_in(&steward).await;
    for (node, title) in [
        ("open-circle", "Open circle notes"),
        ("members-circle", "Members circle notes"),
    ] {
        let mut item = worksheet(title, "node");
        item["node"] = json!(node);
        publish(&s, item).await;
    }
    let visitor = Browser::new(&app.address);

    let feed = visitor.get("/nodes/open-circle/library/feed.atom").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.body.contains("Open circle notes") && !feed.body.contains("Members circle"));
    assert_eq!(
        visitor
            .get("/nodes/members-circle/library/feed.atom")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let page = s.get("/nodes/open-circle").await;
    assert_eq!(
        page.attr("[data-test=node-library]", "href").as_deref(),
        Some("/library?node=open-circle")
    );
    let library = visitor.get("/library?node=open-circle").await;
    assert_eq!(library.count("[data-test=item]"), 1);
}
