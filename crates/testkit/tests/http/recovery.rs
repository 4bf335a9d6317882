//! Recovering an account locks an intruder out: a reset or a new password ends every session,
//! access token and pending email link; an email change voids reset links sent to the old
//! address, and the old address is told how to undo it.

use praxis_testkit::{Browser, TestApp, TestMember, link_in};
use reqwest::StatusCode;
use serde_json::json;

fn path_of(app: &TestApp, link: &str) -> String {
    link.trim_start_matches(&app.address).to_owned()
}

/// The intruder, signed in with the owner's password: a token for scripts and an email change
/// to their own address, its confirmation link in their hands.
async fn intruder(app: &TestApp, owner: &TestMember) -> (Browser, String, String) {
    let b = app.signed_in(owner).await;
    let token = b
        .api(
            "POST",
            "/api/v1/me/tokens",
            None,
            Some(json!({"name": "backdoor"})),
        )
        .await
        .json()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let asked = b
        .post_form(
            "/settings/email",
            &[
                ("new_email", "intruder@evil.example"),
                ("email_password", &owner.password),
            ],
        )
        .await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.body);
    let confirm = app.mail_to("intruder@evil.example").await;
    let confirm = path_of(app, &link_in(&confirm, &app.address));
    app.deliver_mail().await;
    (b, token, confirm)
}

async fn locked_out(app: &TestApp, b: &Browser, token: &str, confirm: &str, owner: &TestMember) {
    assert_eq!(
        b.get("/api/v1/me").await.status,
        StatusCode::UNAUTHORIZED,
        "the intruder's session still works"
    );
    assert_eq!(
        app.browser()
            .api("GET", "/api/v1/me", Some(token), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED,
        "the intruder's access token still works"
    );
    let taken = app.browser().post_form(confirm, &[]).await;
    assert_eq!(
        taken.status,
        StatusCode::NOT_FOUND,
        "the intruder's email change can still be confirmed"
    );
    let me = app
        .signed_in_with(&owner.email, "a brand new password")
        .await;
    assert_eq!(
        me.get("/api/v1/me").await.json()["email"],
        owner.email.as_str(),
        "the account kept its address"
    );
}

#[tokio::test]
async fn a_password_reset_ends_the_intruders_sessions_tokens_and_email_links() {
    let app = TestApp::spawn().await;
    let owner = app.create_member("Owner").await;
    let (b, token, confirm) = intruder(&app, &owner).await;

    let visitor = app.browser();
    visitor
        .post_form("/forgot-password", &[("email", &owner.email)])
        .await;
    let reset = path_of(
        &app,
        &link_in(&app.mail_to(&owner.email).await, &app.address),
    );
    let done = visitor
        .post_form(&reset, &[("password", "a brand new password")])
        .await;

    assert_eq!(done.status, StatusCode::OK);
    locked_out(&app, &b, &token, &confirm, &owner).await;
}

#[tokio::test]
async fn a_new_password_ends_every_other_session_token_and_email_link() {
    let app = TestApp::spawn().await;
    let owner = app.create_member("Owner").await;
    let (b, token, confirm) = intruder(&app, &owner).await;
    let me = app.signed_in(&owner).await;

    let changed = me
        .post_form(
            "/settings/password",
            &[
                ("current_password", &owner.password),
                ("new_password", "a brand new password"),
            ],
        )
        .await;

    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
    assert_eq!(
        me.get("/api/v1/me").await.status,
        StatusCode::OK,
        "the session that changed it stays"
    );
    locked_out(&app, &b, &token, &confirm, &owner).await;
}

#[tokio::test]
async fn an_email_change_voids_reset_links_and_the_old_address_can_undo_it() {
    let app = TestApp::spawn().await;
    let owner = app.create_member("Owner").await;
    let visitor = app.browser();
    visitor
        .post_form("/forgot-password", &[("email", &owner.email)])
        .await;
    let reset = path_of(
        &app,
        &link_in(&app.mail_to(&owner.email).await, &app.address),
    );
    let (b, token, confirm) = intruder(&app, &owner).await;

    let confirmed = b.post_form(&confirm, &[]).await;
    assert_eq!(confirmed.status, StatusCode::OK);
    let notice = app.mail_to(&owner.email).await;
    let undo = path_of(&app, &link_in(&notice, &app.address));

    assert!(
        notice.body.contains("intruder@evil.example"),
        "the old address is told where the account went: {}",
        notice.body
    );
    assert_eq!(
        visitor.get(&reset).await.status,
        StatusCode::NOT_FOUND,
        "a reset link sent to the old address still works after the change"
    );
    assert_eq!(
        visitor
            .post_form(&reset, &[("password", "the intruders password")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(visitor.get(&undo).await.status, StatusCode::OK);
    assert_eq!(visitor.post_form(&undo, &[]).await.status, StatusCode::OK);
    assert_eq!(b.get("/api/v1/me").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.browser()
            .api("GET", "/api/v1/me", Some(&token), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let restored = app.mail_to(&owner.email).await;
    assert!(
        restored.body.contains("/forgot-password"),
        "{}",
        restored.body
    );
    // The owner is back on their address and resets the password the intruder knows.
    visitor
        .post_form("/forgot-password", &[("email", &owner.email)])
        .await;
    let reset = path_of(
        &app,
        &link_in(&app.mail_to(&owner.email).await, &app.address),
    );
    assert_eq!(
        visitor
            .post_form(&reset, &[("password", "a brand new password")])
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        visitor.post_form(&undo, &[]).await.status,
        StatusCode::NOT_FOUND,
        "an undo link works once"
    );
}
