//! Nodes of practice: the permission matrix (who knows which node exists, who sees its
//! members, on every page and API route of the feature) and the joining flows.

use praxis_domain::ids::NodeId;
use praxis_domain::nodes::{JoinPolicy, NodeFields, NodeKind, NodeVisibility};
use praxis_testkit::{Browser, TestApp, TestMember};
use reqwest::StatusCode;
use serde_json::json;

fn fields(
    slug: &str,
    visibility: NodeVisibility,
    join_policy: JoinPolicy,
    safety: bool,
) -> NodeFields {
    NodeFields {
        name: format!("Node {slug}"),
        slug: slug.to_owned(),
        kind: NodeKind::Region,
        description: format!("About {slug}"),
        languages: vec!["en".into()],
        visibility,
        join_policy,
        safety,
    }
}

async fn make_node(
    app: &TestApp,
    steward: &TestMember,
    parent: Option<NodeId>,
    f: &NodeFields,
) -> NodeId {
    let id = NodeId::generate();
    app.ctx
        .store
        .create_node(id, parent, f, steward.id, app.ctx.now())
        .await
        .unwrap();
    id
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Anonymous,
    NetworkMember,
    NodeMember,
    Steward,
    Admin,
}

/// (node slug, visibility, safety) × viewer → (knows the node exists, sees its members).
/// Every route below is checked against this one table.
fn expected(visibility: NodeVisibility, safety: bool, who: Who) -> (bool, bool) {
    let sees_node = match visibility {
        NodeVisibility::Public => true,
        NodeVisibility::Members => who != Who::Anonymous,
        NodeVisibility::Secret => matches!(who, Who::NodeMember | Who::Steward),
    };
    let sees_members = if safety {
        who == Who::Steward
    } else {
        sees_node
    };
    (sees_node, sees_members)
}

/// What each route of the feature answers, given who is asking and the table's two facts.
/// A route added to the feature gets a line here.
async fn check_routes(
    browser: &Browser,
    who: Who,
    slug: &str,
    id: NodeId,
    sees_node: bool,
    sees_members: bool,
    label: &str,
) {
    let name = format!("Node {slug}");
    // Routes for stewards: 401 for visitors, 404 for whoever may not know the node, 403 for
    // those who may know it but are no steward.
    let steward_only = |ok: StatusCode| match (who, sees_node) {
        (Who::Anonymous, _) => StatusCode::UNAUTHORIZED,
        (_, false) => StatusCode::NOT_FOUND,
        (Who::Steward, true) => ok,
        (_, true) => StatusCode::FORBIDDEN,
    };

    let page = browser.get(&format!("/nodes/{slug}")).await;
    assert_eq!(
        page.status == StatusCode::OK,
        sees_node,
        "{label}: GET /nodes/{slug} answered {}",
        page.status
    );
    if sees_node {
        assert_eq!(
            !page.has("[data-test=members-hidden]"),
            sees_members,
            "{label}: member list on the page"
        );
    } else {
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{label}");
        assert!(
            !page.body.contains(&name),
            "{label}: the 404 page names the node"
        );
    }
    let list = browser.get("/nodes").await;
    assert_eq!(
        list.body.contains(&name),
        sees_node,
        "{label}: GET /nodes lists it"
    );
    let api_list = browser.api("GET", "/api/v1/nodes", None, None).await;
    assert_eq!(
        api_list.body.contains(slug),
        sees_node,
        "{label}: GET /api/v1/nodes lists it"
    );

    for key in [slug.to_owned(), id.to_string()] {
        let one = browser
            .api("GET", &format!("/api/v1/nodes/{key}"), None, None)
            .await;
        let want = if sees_node {
            StatusCode::OK
        } else {
            StatusCode::NOT_FOUND
        };
        assert_eq!(one.status, want, "{label}: GET /api/v1/nodes/{key}");
        assert_eq!(
            one.json().get("members").is_some(),
            sees_members && sees_node,
            "{label}: members in the node answer"
        );
        let members = browser
            .api("GET", &format!("/api/v1/nodes/{key}/members"), None, None)
            .await;
        let want = match (sees_node, sees_members) {
            (false, _) => StatusCode::NOT_FOUND,
            (true, false) => StatusCode::FORBIDDEN,
            (true, true) => StatusCode::OK,
        };
        assert_eq!(
            members.status, want,
            "{label}: GET /api/v1/nodes/{key}/members"
        );
        if !sees_node {
            assert!(
                !members.body.contains(&name) && !one.body.contains(&name),
                "{label}: a 404 names the node"
            );
        }
    }

    let edit_page = browser.get(&format!("/nodes/{slug}/edit")).await;
    let want = if who == Who::Anonymous {
        StatusCode::SEE_OTHER
    } else {
        steward_only(StatusCode::OK)
    };
    assert_eq!(edit_page.status, want, "{label}: GET /nodes/{slug}/edit");
    assert!(
        sees_node || !edit_page.body.contains(&name),
        "{label}: the edit page names the node"
    );
    let import_page = browser.get(&format!("/nodes/{slug}/import")).await;
    assert_eq!(
        import_page.status, want,
        "{label}: GET /nodes/{slug}/import"
    );
    let patch = browser
        .api(
            "PATCH",
            &format!("/api/v1/nodes/{id}"),
            None,
            Some(json!({"description": "edited"})),
        )
        .await;
    assert_eq!(
        patch.status,
        steward_only(StatusCode::OK),
        "{label}: PATCH /api/v1/nodes/{id}"
    );
    let invitations = browser
        .api(
            "GET",
            &format!("/api/v1/nodes/{id}/invitations"),
            None,
            None,
        )
        .await;
    assert_eq!(
        invitations.status,
        steward_only(StatusCode::OK),
        "{label}: GET /api/v1/nodes/{id}/invitations"
    );
    let link = browser
        .api(
            "POST",
            &format!("/api/v1/nodes/{slug}/invitation-links"),
            None,
            None,
        )
        .await;
    assert_eq!(
        link.status,
        steward_only(StatusCode::CREATED),
        "{label}: POST /api/v1/nodes/{slug}/invitation-links"
    );
    let export = browser
        .api(
            "GET",
            &format!("/api/v1/nodes/{slug}/roster.csv"),
            None,
            None,
        )
        .await;
    assert_eq!(
        export.status,
        steward_only(StatusCode::OK),
        "{label}: GET /api/v1/nodes/{slug}/roster.csv"
    );
    let import = browser
        .api_raw(
            "POST",
            &format!("/api/v1/nodes/{slug}/imports"),
            "text/csv",
            "email\nx@example.org\n",
        )
        .await;
    assert_eq!(
        import.status,
        steward_only(StatusCode::OK),
        "{label}: POST /api/v1/nodes/{slug}/imports"
    );

    // A directory filter on the node answers only to those who may see its members, and
    // the same way for every one else as for a node that does not exist.
    let filtered = browser
        .api("GET", &format!("/api/v1/directory?node={slug}"), None, None)
        .await;
    let want = if sees_members {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    assert_eq!(
        filtered.status, want,
        "{label}: GET /api/v1/directory?node={slug}"
    );

    // Every node of the table takes members by invitation only.
    let join = browser
        .api("POST", &format!("/api/v1/nodes/{slug}/join"), None, None)
        .await;
    let want = match (who, sees_node) {
        (Who::Anonymous, _) => StatusCode::UNAUTHORIZED,
        (_, false) => StatusCode::NOT_FOUND,
        (Who::NodeMember | Who::Steward, true) => StatusCode::OK,
        (_, true) => StatusCode::FORBIDDEN,
    };
    assert_eq!(join.status, want, "{label}: POST /api/v1/nodes/{slug}/join");
}

#[tokio::test]
async fn the_permission_matrix_holds_on_every_route() {
    let app = TestApp::spawn().await;
    let admin = app.create_member("Admin").await;
    let steward = app.create_member("Steward").await;
    let member = app.create_member("Node Member").await;
    let outsider = app.create_member("Outsider").await;
    let nodes = [
        ("open-square", NodeVisibility::Public, false),
        ("members-hall", NodeVisibility::Members, false),
        ("quiet-room", NodeVisibility::Secret, false),
        ("safe-house", NodeVisibility::Public, true),
    ];
    let mut ids = Vec::new();
    for (slug, visibility, safety) in nodes {
        let id = make_node(
            &app,
            &steward,
            None,
            &fields(slug, visibility, JoinPolicy::Invite, safety),
        )
        .await;
        app.ctx
            .store
            .add_node_member(id, member.id, false, steward.id, true, app.ctx.now())
            .await
            .unwrap();
        ids.push(id);
    }
    let browsers = [
        (Who::Anonymous, app.browser()),
        (Who::NetworkMember, app.signed_in(&outsider).await),
        (Who::NodeMember, app.signed_in(&member).await),
        (Who::Steward, app.signed_in(&steward).await),
        (Who::Admin, app.signed_in(&admin).await),
    ];

    for ((slug, visibility, safety), id) in nodes.iter().zip(&ids) {
        for (who, browser) in &browsers {
            let (sees_node, sees_members) = expected(*visibility, *safety, *who);
            check_routes(
                browser,
                *who,
                slug,
                *id,
                sees_node,
                sees_members,
                &format!("{who:?} on {slug}"),
            )
            .await;
        }
    }
}

#[tokio::test]
async fn a_secret_parent_stays_hidden_behind_its_public_child() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let secret = make_node(
        &app,
        &steward,
        None,
        &fields(
            "hidden-parent",
            NodeVisibility::Secret,
            JoinPolicy::Invite,
            false,
        ),
    )
    .await;
    make_node(
        &app,
        &steward,
        Some(secret),
        &fields(
            "open-child",
            NodeVisibility::Public,
            JoinPolicy::Open,
            false,
        ),
    )
    .await;
    let outsider = app.signed_in(&app.create_member("Outsider").await).await;

    let child = outsider.get("/nodes/open-child").await;
    let child_api = outsider
        .api("GET", "/api/v1/nodes/open-child", None, None)
        .await;
    let steward_view = app.signed_in(&steward).await.get("/nodes/open-child").await;

    assert_eq!(child.status, StatusCode::OK);
    assert!(!child.body.contains("hidden-parent"));
    assert!(!child_api.body.contains("hidden-parent"));
    assert!(
        steward_view
            .text("[data-test=ancestors]")
            .contains("Node hidden-parent")
    );
}

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
        .ctx
        .store
        .list_node_events(
            app.ctx
                .store
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
    app.ctx
        .store
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
        app.ctx.store.node_standing(id, troll.id).await.unwrap(),
        praxis_domain::nodes::Standing::Banned
    );
    let log = app.ctx.store.list_node_events(id, true, 10).await.unwrap();
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
async fn a_profile_shows_nodes_but_never_a_safety_node_and_secret_ones_only_to_co_members() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let person = app.create_member("Visible Person").await;
    let open = make_node(
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
    let secret = make_node(
        &app,
        &steward,
        None,
        &fields(
            "inner-circle",
            NodeVisibility::Secret,
            JoinPolicy::Invite,
            false,
        ),
    )
    .await;
    let safe = make_node(
        &app,
        &steward,
        None,
        &fields(
            "risky-circle",
            NodeVisibility::Public,
            JoinPolicy::Open,
            true,
        ),
    )
    .await;
    for node in [open, secret, safe] {
        app.ctx
            .store
            .add_node_member(node, person.id, false, steward.id, true, app.ctx.now())
            .await
            .unwrap();
    }
    let profile = format!("/members/{}", person.id);
    let api = format!("/api/v1/members/{}", person.id);
    let outsider = app.signed_in(&app.create_member("Outsider").await).await;
    let co_member = app.signed_in(&steward).await;

    let seen_by_outsider = outsider.get(&profile).await;
    let api_for_outsider = outsider.api("GET", &api, None, None).await;
    let seen_by_co_member = co_member.get(&profile).await;
    let own_export = app
        .signed_in(&person)
        .await
        .api("GET", "/api/v1/me/export", None, None)
        .await;

    assert!(
        seen_by_outsider
            .text("[data-test=profile-nodes]")
            .contains("Node open-circle")
    );
    for body in [&seen_by_outsider.body, &api_for_outsider.body] {
        assert!(
            !body.contains("inner-circle"),
            "a secret node leaks to an outsider"
        );
        assert!(
            !body.contains("risky-circle"),
            "a safety node shows on a profile"
        );
    }
    assert!(seen_by_co_member.body.contains("Node inner-circle"));
    assert!(
        !seen_by_co_member.body.contains("risky-circle"),
        "not even co-members see safety membership on profiles"
    );
    assert!(
        own_export.body.contains("risky-circle"),
        "the member's own export has every node"
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

    assert_eq!(saved.location(), Some("/nodes/new-name"));
    let node = app.ctx.store.get_node(id).await.unwrap();
    assert_eq!(node.fields.name, "New Name");
    assert_eq!(node.fields.visibility, NodeVisibility::Secret);
    assert_eq!(
        app.browser().get("/nodes/new-name").await.status,
        StatusCode::NOT_FOUND,
        "now secret"
    );
    let log = app.ctx.store.list_node_events(id, true, 10).await.unwrap();
    assert_eq!(log[0].kind, "edited");
    assert_eq!(log[0].actor_id, Some(steward.id));
}

#[tokio::test]
async fn an_email_invitation_opens_a_secret_invite_only_node_once() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
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
    let guest = app.create_member("Guest").await;
    let steward_b = app.signed_in(&steward).await;

    let sent = steward_b
        .post_form(
            "/nodes/hidden-circle/invitations",
            &[(
                "emails",
                &format!("{}, not-an-email\n{}", guest.email, guest.email),
            )],
        )
        .await;
    assert_eq!(sent.count("[data-test=invited] li"), 1);
    assert_eq!(
        sent.count("[data-test=skipped] li"),
        1,
        "a duplicate in the list is skipped"
    );
    assert_eq!(sent.count("[data-test=invalid] li"), 1);
    let again = steward_b
        .api(
            "POST",
            "/api/v1/nodes/hidden-circle/invitations",
            None,
            Some(json!({"emails": [guest.email]})),
        )
        .await;
    assert_eq!(
        again.json()["skipped"][0],
        guest.email.as_str(),
        "inviting twice sends nothing new"
    );
    let mail = app.mail_to(&guest.email).await;
    let path = praxis_testkit::link_in(&mail, &app.address)
        .trim_start_matches(&app.address)
        .to_owned();
    let guest_b = app.signed_in(&guest).await;
    assert_eq!(
        guest_b.get("/nodes/hidden-circle").await.status,
        StatusCode::NOT_FOUND,
        "not yet a member"
    );

    let invitation = guest_b.get(&path).await;
    assert!(invitation.text("h1").contains("Node hidden-circle"));
    let accepted = guest_b.post_form(&path, &[]).await;

    assert_eq!(accepted.location(), Some("/nodes/hidden-circle"));
    assert!(
        guest_b
            .get("/nodes/hidden-circle")
            .await
            .text("[data-test=standing]")
            .contains("You are a member")
    );
    assert_eq!(
        app.browser().get(&path).await.status,
        StatusCode::NOT_FOUND,
        "an email invitation works once"
    );
}

#[tokio::test]
async fn an_invitation_link_lets_several_people_join_and_only_stewards_make_one() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let member = app.create_member("Member").await;
    let id = make_node(
        &app,
        &steward,
        None,
        &fields(
            "link-node",
            NodeVisibility::Members,
            JoinPolicy::Invite,
            false,
        ),
    )
    .await;
    app.ctx
        .store
        .add_node_member(id, member.id, false, steward.id, true, app.ctx.now())
        .await
        .unwrap();

    let refused = app
        .signed_in(&member)
        .await
        .api(
            "POST",
            "/api/v1/nodes/link-node/invitation-links",
            None,
            None,
        )
        .await;
    let made = app
        .signed_in(&steward)
        .await
        .api(
            "POST",
            "/api/v1/nodes/link-node/invitation-links",
            None,
            None,
        )
        .await;

    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(made.status, StatusCode::CREATED);
    let link = made.json()["link"]
        .as_str()
        .unwrap()
        .trim_start_matches(&app.address)
        .to_owned();
    for name in ["First", "Second"] {
        let b = app.signed_in(&app.create_member(name).await).await;
        assert_eq!(
            b.post_form(&link, &[]).await.location(),
            Some("/nodes/link-node")
        );
    }
    let visitor = app.browser().get(&link).await;
    assert!(
        visitor.body.contains("/login?next=/invitations/"),
        "visitors are asked to sign in first"
    );
    assert_eq!(
        app.ctx
            .store
            .list_node_members(id, false, 10, 0)
            .await
            .unwrap()
            .len(),
        4
    );
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
    app.ctx
        .store
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

#[tokio::test]
async fn a_leaked_invitation_link_stops_working_once_a_steward_revokes_it() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    make_node(
        &app,
        &steward,
        None,
        &fields(
            "revocable",
            NodeVisibility::Secret,
            JoinPolicy::Invite,
            false,
        ),
    )
    .await;
    let steward_b = app.signed_in(&steward).await;
    let link = steward_b
        .api(
            "POST",
            "/api/v1/nodes/revocable/invitation-links",
            None,
            None,
        )
        .await
        .json()["link"]
        .as_str()
        .unwrap()
        .trim_start_matches(&app.address)
        .to_owned();
    let page = steward_b.get("/nodes/revocable").await;
    assert_eq!(page.count("[data-test=invitation-row]"), 1);
    let action = page
        .attr("[data-test=invitation-row] form", "action")
        .unwrap();
    let stranger = app.signed_in(&app.create_member("Stranger").await).await;
    let pending = steward_b
        .api("GET", "/api/v1/nodes/revocable/invitations", None, None)
        .await
        .json();
    let id = pending[0]["id"].as_str().unwrap().to_owned();
    let forged = stranger
        .api(
            "DELETE",
            &format!("/api/v1/nodes/revocable/invitations/{id}"),
            None,
            None,
        )
        .await;
    assert_eq!(
        forged.status,
        StatusCode::NOT_FOUND,
        "the node is secret to the stranger"
    );

    let revoked = steward_b.post_form(&action, &[]).await;

    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    assert_eq!(stranger.get(&link).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        stranger.post_form(&link, &[]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        stranger.get("/nodes/revocable").await.status,
        StatusCode::NOT_FOUND
    );
}
