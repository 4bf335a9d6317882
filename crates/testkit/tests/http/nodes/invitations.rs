//! Invitations by email and by link.

use praxis_domain::nodes::{JoinPolicy, NodeVisibility};
use praxis_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::json;

use super::{fields, make_node};

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
    app.store
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
        app.store
            .list_node_members(id, false, 10, 0)
            .await
            .unwrap()
            .len(),
        4
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
