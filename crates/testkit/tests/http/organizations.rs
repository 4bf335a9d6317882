//! Organizations: creating one, claiming and confirming affiliations, contact visibility.

use praxis_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_member_adds_an_organization_through_the_page_with_every_bad_field_named() {
    let app = TestApp::spawn().await;
    let browser = app.signed_in(&app.create_member("Founder").await).await;

    let bad = browser
        .post_form(
            "/organizations",
            &[
                ("name", ""),
                ("slug", "X"),
                ("website", "javascript:alert(1)"),
                ("contact_visibility", "all"),
            ],
        )
        .await;
    let made = browser
        .post_form(
            "/organizations",
            &[
                ("name", "Amman Tenants Union"),
                ("slug", "atu"),
                ("region", "Amman"),
                ("domains", "Housing, Labor"),
                ("website", "https://atu.example"),
                ("contact", "+962 6 000 0000"),
                ("contact_visibility", "admins"),
            ],
        )
        .await;

    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["name", "slug", "website", "contact_visibility"] {
        assert!(bad.has(&format!("[data-test=error-{field}]")), "{field}");
    }
    assert_eq!(made.location(), Some("/organizations/atu"));
    let page = browser.get("/organizations/atu").await;
    assert_eq!(
        page.text("[data-test=contact]"),
        "+962 6 000 0000",
        "the admin sees the contact"
    );
    assert!(
        browser
            .get("/organizations?region=amman")
            .await
            .body
            .contains("Amman Tenants Union")
    );
}

#[tokio::test]
async fn contact_details_follow_their_visibility_on_pages_and_api() {
    let app = TestApp::spawn().await;
    let founder = app.signed_in(&app.create_member("Founder").await).await;
    for (slug, visibility) in [
        ("open-org", "public"),
        ("members-org", "members"),
        ("closed-org", "admins"),
    ] {
        let made = founder
            .api("POST", "/api/v1/organizations", None, Some(json!({"name": slug, "slug": slug, "contact": format!("contact-{slug}"), "contact_visibility": visibility})))
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    }
    let member = app.signed_in(&app.create_member("Member").await).await;
    let visitor = app.browser();

    let sees = |body: &str, slug: &str| body.contains(&format!("contact-{slug}"));
    for (browser, expected) in [
        (&visitor, [true, false, false]),
        (&member, [true, true, false]),
        (&founder, [true, true, true]),
    ] {
        for (slug, want) in ["open-org", "members-org", "closed-org"]
            .iter()
            .zip(expected)
        {
            let page = browser.get(&format!("/organizations/{slug}")).await;
            let api = browser
                .api("GET", &format!("/api/v1/organizations/{slug}"), None, None)
                .await;
            assert_eq!(sees(&page.body, slug), want, "page {slug}");
            assert_eq!(sees(&api.body, slug), want, "api {slug}");
        }
    }
    let list = member.api("GET", "/api/v1/organizations", None, None).await;
    assert!(
        sees(&list.body, "open-org")
            && !sees(&list.body, "members-org")
            && !sees(&list.body, "closed-org")
    );
}

#[tokio::test]
async fn an_affiliation_is_claimed_by_the_member_and_confirmed_by_an_organization_admin() {
    let app = TestApp::spawn().await;
    let founder = app.signed_in(&app.create_member("Founder").await).await;
    founder
        .api(
            "POST",
            "/api/v1/organizations",
            None,
            Some(json!({"name": "Org", "slug": "org", "contact_visibility": "members"})),
        )
        .await;
    let worker = app.create_member("Worker").await;
    let worker_b = app.signed_in(&worker).await;
    worker_b
        .api(
            "PATCH",
            "/api/v1/me/profile",
            None,
            Some(json!({"visibility": "public"})),
        )
        .await;
    let outsider = app.signed_in(&app.create_member("Outsider").await).await;

    assert_eq!(
        worker_b
            .post_form("/organizations/org/claim", &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert!(
        worker_b
            .get("/organizations/org")
            .await
            .has("[data-test=claimed]")
    );
    assert!(
        !app.browser()
            .get("/organizations/org")
            .await
            .body
            .contains("Worker"),
        "a claim is not an affiliation"
    );
    let forged = outsider
        .api(
            "POST",
            &format!("/api/v1/organizations/org/members/{}", worker.id),
            None,
            Some(json!({"decision": "confirm"})),
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let admin_page = founder.get("/organizations/org").await;
    assert_eq!(admin_page.count("[data-test=claim-row]"), 1);
    let action = admin_page
        .attr("[data-test=claim-row] form", "action")
        .unwrap();

    founder.post_form(&action, &[("decision", "confirm")]).await;

    assert!(
        app.browser()
            .get("/organizations/org")
            .await
            .text("[data-test=org-members]")
            .contains("Worker")
    );
    let api = app
        .browser()
        .api("GET", "/api/v1/organizations/org", None, None)
        .await
        .json();
    assert!(
        api["members"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["display_name"] == "Worker")
    );
}

#[tokio::test]
async fn the_directory_finds_organizations_by_domain_region_and_words() {
    let app = TestApp::spawn().await;
    let founder = app.signed_in(&app.create_member("Founder").await).await;
    for (slug, name, region, domain) in [
        ("atu", "Amman Tenants Union", "Amman", "Housing"),
        ("bsn", "Belgrade Student Network", "Belgrade", "Education"),
        ("ahc", "Amman Health Circle", "Amman", "Health care"),
    ] {
        founder
            .api("POST", "/api/v1/organizations", None, Some(json!({"name": name, "slug": slug, "region": region, "domains": [domain], "contact_visibility": "members"})))
            .await;
    }
    let names = |body: &serde_json::Value| {
        body["organizations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };

    let amman = founder
        .api("GET", "/api/v1/directory?region=amman", None, None)
        .await
        .json();
    let housing = founder
        .api("GET", "/api/v1/directory?domain=HOUSING", None, None)
        .await
        .json();
    let words = founder
        .api("GET", "/api/v1/directory?q=stud%20bel", None, None)
        .await
        .json();
    let people_only = founder
        .api(
            "GET",
            "/api/v1/directory?region=amman&practice=coaching",
            None,
            None,
        )
        .await
        .json();
    let list = founder
        .api(
            "GET",
            "/api/v1/organizations?domain=health%20care",
            None,
            None,
        )
        .await
        .json();
    let page = founder.get("/directory?region=Amman").await;

    assert_eq!(
        names(&amman),
        ["Amman Health Circle", "Amman Tenants Union"]
    );
    assert_eq!(names(&housing), ["Amman Tenants Union"]);
    assert_eq!(names(&words), ["Belgrade Student Network"]);
    assert!(
        names(&people_only).is_empty(),
        "person-only filters leave organizations out"
    );
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(page.count("[data-test=organization]"), 2);
}

#[tokio::test]
async fn a_steward_who_belongs_to_an_organization_names_it_as_the_nodes_host() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let browser = app.signed_in(&steward).await;
    browser
        .api(
            "POST",
            "/api/v1/organizations",
            None,
            Some(json!({"name": "Host Org", "slug": "host-org", "contact_visibility": "members"})),
        )
        .await;
    let stranger = app.signed_in(&app.create_member("Stranger").await).await;
    stranger
        .api(
            "POST",
            "/api/v1/organizations",
            None,
            Some(
                json!({"name": "Other Org", "slug": "other-org", "contact_visibility": "members"}),
            ),
        )
        .await;
    let id = praxis_domain::ids::NodeId::generate();
    let fields = praxis_domain::nodes::NodeFields {
        name: "Hosted Node".into(),
        slug: "hosted-node".into(),
        kind: praxis_domain::nodes::NodeKind::Region,
        description: String::new(),
        languages: vec![],
        visibility: praxis_domain::nodes::NodeVisibility::Public,
        join_policy: praxis_domain::nodes::JoinPolicy::Open,
        safety: false,
    };
    app.store
        .create_node(id, None, &fields, steward.id, app.ctx.now())
        .await
        .unwrap();

    let not_mine = browser
        .api(
            "PATCH",
            "/api/v1/nodes/hosted-node",
            None,
            Some(json!({"organization": "other-org"})),
        )
        .await;
    let mine = browser
        .api(
            "PATCH",
            "/api/v1/nodes/hosted-node",
            None,
            Some(json!({"organization": "host-org"})),
        )
        .await;

    assert_eq!(not_mine.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(not_mine.json()["error"]["fields"]["organization"].is_string());
    assert_eq!(mine.status, StatusCode::OK);
    assert!(
        app.browser()
            .get("/nodes/hosted-node")
            .await
            .text("[data-test=host]")
            .contains("Host Org")
    );
    assert!(
        app.browser()
            .get("/organizations/host-org")
            .await
            .text("[data-test=org-nodes]")
            .contains("Hosted Node")
    );
    let cleared = browser
        .post_form(
            "/nodes/hosted-node/edit",
            &[
                ("name", "Hosted Node"),
                ("slug", "hosted-node"),
                ("kind", "region"),
                ("visibility", "public"),
                ("join_policy", "open"),
                ("organization", ""),
            ],
        )
        .await;
    assert_eq!(cleared.status, StatusCode::SEE_OTHER);
    assert!(
        !app.browser()
            .get("/nodes/hosted-node")
            .await
            .has("[data-test=host]")
    );
}

#[tokio::test]
async fn organization_lists_come_in_pages_that_keep_their_filters() {
    let app = TestApp::spawn().await;
    let founder = app.signed_in(&app.create_member("Founder").await).await;
    for i in 0..65 {
        let body = json!({"name": format!("Org {i:02}"), "slug": format!("org-{i:02}"), "region": "Amman", "contact_visibility": "members"});
        founder
            .api("POST", "/api/v1/organizations", None, Some(body))
            .await;
    }
    founder.api("POST", "/api/v1/organizations", None, Some(json!({"name": "Elsewhere", "slug": "elsewhere", "region": "Oslo", "contact_visibility": "members"}))).await;

    let first = founder.get("/organizations?region=amman").await;
    let next = first.attr("[data-test=next-page]", "href").unwrap();
    let second = founder.get(&next).await;
    let api = founder
        .api(
            "GET",
            "/api/v1/organizations?region=amman&limit=40",
            None,
            None,
        )
        .await
        .json();
    let api_next = founder
        .api(
            "GET",
            &format!(
                "/api/v1/organizations?region=amman&limit=40&cursor={}",
                api["next_cursor"].as_str().unwrap()
            ),
            None,
            None,
        )
        .await
        .json();

    assert_eq!(first.count("[data-test=organization]"), 60);
    assert_eq!(second.count("[data-test=organization]"), 5);
    assert!(!second.body.contains("Elsewhere"));
    assert_eq!(api_next["items"].as_array().unwrap().len(), 25);
    assert!(api_next["next_cursor"].is_null());
}

#[tokio::test]
async fn an_organization_admin_edits_it_and_members_leave() {
    let app = TestApp::spawn().await;
    let founder = app.signed_in(&app.create_member("Founder").await).await;
    founder
        .api("POST", "/api/v1/organizations", None, Some(json!({"name": "Old Name", "slug": "old-org", "region": "Amman", "contact_visibility": "members"})))
        .await;
    let worker = app.create_member("Worker").await;
    let worker_b = app.signed_in(&worker).await;
    worker_b
        .post_form("/organizations/old-org/claim", &[])
        .await;

    let refused = worker_b
        .api(
            "PATCH",
            "/api/v1/organizations/old-org",
            None,
            Some(json!({"name": "Hijacked"})),
        )
        .await;
    let bad = founder
        .api(
            "PATCH",
            "/api/v1/organizations/old-org",
            None,
            Some(json!({"website": "ftp://x"})),
        )
        .await;
    let edited = founder
        .post_form(
            "/organizations/old-org/edit",
            &[
                ("name", "New Name"),
                ("slug", "new-org"),
                ("region", "Irbid"),
                ("contact_visibility", "public"),
            ],
        )
        .await;

    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(bad.json()["error"]["fields"]["website"].is_string());
    assert_eq!(edited.location(), Some("/organizations/new-org"));
    let found = app
        .browser()
        .api("GET", "/api/v1/organizations?region=irbid", None, None)
        .await
        .json();
    assert_eq!(
        found["items"][0]["name"], "New Name",
        "the directory index follows the edit"
    );
    assert!(
        app.browser()
            .api("GET", "/api/v1/organizations?region=amman", None, None)
            .await
            .json()["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    assert_eq!(
        worker_b
            .post_form("/organizations/new-org/leave", &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert!(
        worker_b
            .get("/organizations/new-org")
            .await
            .has("[data-test=claim]"),
        "they can claim again"
    );
    let last_admin = founder
        .api("POST", "/api/v1/organizations/new-org/leave", None, None)
        .await;
    assert_eq!(last_admin.status, StatusCode::UNPROCESSABLE_ENTITY);
}
