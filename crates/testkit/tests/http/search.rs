//! One search over the library, nodes and members: ranking words, stems and typos, facets,
//! pages, and a rebuilt index that answers exactly as the incrementally kept one.

use praxis_app::search::{self, SearchQuery, SearchService};
use praxis_domain::nodes::{JoinPolicy, NodeVisibility};
use praxis_testkit::{Browser, TestApp};
use reqwest::StatusCode;
use serde_json::json;

use crate::library::{publish, worksheet};
use crate::nodes::{fields, make_node};

#[tokio::test]
async fn items_nodes_and_people_are_found_by_stems_and_near_spellings() {
    let app = TestApp::spawn().await;
    let organizer = app.create_member("Nadia Haddad").await;
    let a = app.signed_in(&organizer).await;
    a.api(
        "PATCH",
        "/api/v1/me/profile",
        None,
        Some(json!({"bio": "Campaigning with tenants", "visibility": "public", "regions": ["Amman"]})),
    )
    .await;
    let mut node = fields("tenants", NodeVisibility::Public, JoinPolicy::Open, false);
    node.description = "Tenants campaigning for repairs".into();
    make_node(&app, &organizer, None, &node).await;
    publish(&a, worksheet("Campaign timeline worksheet", "public")).await;
    app.search_sync().await;
    let visitor = Browser::new(&app.address);

    let stems = visitor.get("/api/v1/search?q=campaigns").await.json();
    let mut types: Vec<&str> = stems["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["type"].as_str().unwrap())
        .collect();
    types.sort_unstable();
    assert_eq!(types, vec!["item", "member", "node"], "{stems}");
    let typo = visitor.get("/api/v1/search?q=timelnie").await.json();
    assert_eq!(typo["total"], 1, "{typo}");
    let only_nodes = visitor
        .get("/api/v1/search?q=campaigns&kind=node")
        .await
        .json();
    assert_eq!(only_nodes["total"], 1);
    assert_eq!(only_nodes["hits"][0]["url"], "/nodes/tenants");
    let page = visitor.get("/search?q=campaigns&type=member").await;
    assert_eq!(page.count("[data-test=result]"), 1);
    assert!(page.has("[data-test=facet-type][aria-current=true]"));
}

#[tokio::test]
async fn results_come_in_pages_and_bad_pages_are_refused() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Author").await;
    let a = app.signed_in(&author).await;
    for i in 0..25 {
        publish(&a, worksheet(&format!("Listening exercise {i}"), "public")).await;
    }
    app.search_sync().await;

    let first = a.get("/api/v1/search?q=listening").await.json();
    let second = a.get("/api/v1/search?q=listening&page=2").await.json();

    assert_eq!(first["total"], 25);
    assert_eq!(first["hits"].as_array().unwrap().len(), 20);
    assert_eq!(first["has_more"], true);
    assert_eq!(second["hits"].as_array().unwrap().len(), 5);
    assert_eq!(second["has_more"], false);
    let far = a.get("/api/v1/search?q=listening&page=99").await;
    assert_eq!(far.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(far.json()["error"]["fields"]["page"].is_string());
    let html = a.get("/search?q=listening&page=2").await;
    assert_eq!(html.count("[data-test=result]"), 5);
}

#[tokio::test]
async fn a_rebuilt_index_answers_like_the_one_kept_up_to_date() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let s = app.signed_in(&steward).await;
    make_node(
        &app,
        &steward,
        None,
        &fields("cellar", NodeVisibility::Secret, JoinPolicy::Invite, false),
    )
    .await;
    let mut secret = worksheet("Organizing the cellar", "node");
    secret["node"] = json!("cellar");
    publish(&s, secret).await;
    let edited = publish(&s, worksheet("Organizing draft", "public")).await;
    s.api(
        "PATCH",
        &format!("/api/v1/library/{edited}"),
        None,
        Some(json!({"title": "Organizing final"})),
    )
    .await;
    let gone = publish(&s, worksheet("Organizing mistake", "public")).await;
    s.api("DELETE", &format!("/api/v1/library/{gone}"), None, None)
        .await;
    app.search_sync().await;

    let queries = ["organizing", "draft", "final", "cellar", ""];
    let answer = async |ctx: praxis_app::Context| {
        let member = praxis_app::policy::CurrentMember {
            id: steward.id,
            display_name: steward.display_name.clone(),
            email: praxis_domain::members::credentials::Email::parse(&steward.email).unwrap(),
            is_admin: false,
            locale: None,
            session_hash: None,
            client_address: None,
        };
        let mut out = Vec::new();
        for q in queries {
            for me in [None, Some(&member)] {
                let page = search::search(
                    &ctx,
                    me,
                    &SearchQuery {
                        text: q.to_owned(),
                        ..SearchQuery::default()
                    },
                )
                .await
                .unwrap();
                let mut ids: Vec<String> = page.hits.into_iter().map(|h| h.id).collect();
                ids.sort();
                out.push((page.total, ids, format!("{:?}", page.facets)));
            }
        }
        out
    };
    let incremental = answer(app.ctx.clone()).await;
    let rebuilt_ctx = app.ctx.clone().with_storage(
        praxis_app::files::FileStore::memory(),
        SearchService::in_memory().unwrap(),
    );
    let documents = search::rebuild(&rebuilt_ctx).await.unwrap();
    let rebuilt = answer(rebuilt_ctx).await;

    assert!(documents >= 4, "{documents}");
    assert_eq!(incremental, rebuilt);
    assert_eq!(incremental[0].0, 1, "a visitor finds only the public item");
    assert_eq!(incremental[1].0, 2, "the steward finds the cellar too");
}
