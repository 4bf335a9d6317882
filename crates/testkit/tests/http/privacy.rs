//! A member's data in their hands: export and account deletion.

use praxis_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_member_downloads_everything_kept_about_them() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Exporter").await;
    let browser = app.signed_in(&member).await;
    browser
        .api(
            "PATCH",
            "/api/v1/me/profile",
            None,
            Some(json!({"bio": "mine", "regions": ["Amman"]})),
        )
        .await;
    browser
        .api(
            "POST",
            "/api/v1/me/tokens",
            None,
            Some(json!({"name": "laptop"})),
        )
        .await;

    let download = browser.get("/settings/export").await;
    let api = browser
        .api("GET", "/api/v1/me/export", None, None)
        .await
        .json();

    assert_eq!(download.status, StatusCode::OK);
    assert!(
        download
            .headers
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let file = download.json();
    assert_eq!(file, api);
    assert_eq!(file["email"], member.email);
    assert_eq!(file["profile"]["bio"], "mine");
    assert_eq!(file["profile"]["regions"][0], "Amman");
    assert_eq!(file["tokens"][0]["name"], "laptop");
    assert!(
        !download.body.contains("argon2"),
        "no password hash in the export"
    );
    assert!(
        !download.body.contains("pxt_"),
        "no token secret in the export"
    );
}

#[tokio::test]
async fn deleting_an_account_needs_the_password_and_removes_everything() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Leaving").await;
    let other = app.create_member("Staying").await;
    let browser = app.signed_in(&member).await;
    let token = browser
        .api(
            "POST",
            "/api/v1/me/tokens",
            None,
            Some(json!({"name": "t"})),
        )
        .await
        .json()["token"]
        .as_str()
        .unwrap()
        .to_owned();

    let wrong = browser
        .post_form(
            "/settings/delete",
            &[("delete_password", "not my password")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.has("[data-test=error-delete_password]"));
    assert_eq!(app.store.count_members().await.unwrap(), 2);
    let deleted = browser
        .post_form("/settings/delete", &[("delete_password", &member.password)])
        .await;

    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(app.store.count_members().await.unwrap(), 1);
    assert_eq!(
        browser.get("/settings/profile").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.browser()
            .api("GET", "/api/v1/me", Some(&token), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let peer = app.signed_in(&other).await;
    assert_eq!(
        peer.get(&format!("/members/{}", member.id)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.browser()
            .log_in(&member.email, &member.password)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn an_account_is_deleted_through_the_api_with_its_password() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Api Leaver").await;
    let browser = app.signed_in(&member).await;

    let wrong = browser
        .api(
            "DELETE",
            "/api/v1/me",
            None,
            Some(json!({"password": "nope nope nope"})),
        )
        .await;
    let right = browser
        .api(
            "DELETE",
            "/api/v1/me",
            None,
            Some(json!({"password": member.password})),
        )
        .await;

    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.json()["error"]["fields"]["password"].is_string());
    assert_eq!(right.status, StatusCode::NO_CONTENT);
    assert_eq!(app.store.count_members().await.unwrap(), 0);
}

#[tokio::test]
async fn mail_still_queued_to_a_deleted_member_is_not_sent() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Quick Leaver").await;
    let browser = app.signed_in(&member).await;
    app.browser()
        .post_form("/forgot-password", &[("email", &member.email)])
        .await;

    browser
        .post_form("/settings/delete", &[("delete_password", &member.password)])
        .await;

    assert!(app.deliver_mail().await.is_empty());
}
