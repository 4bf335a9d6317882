//! The permission matrix: one table of viewers and node kinds, every node route.

use praxis_domain::ids::NodeId;
use praxis_domain::nodes::{JoinPolicy, NodeVisibility};
use praxis_testkit::{Browser, TestApp};
use reqwest::StatusCode;
use serde_json::json;

use super::{fields, make_node};

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
        app.store
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
        app.store
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
