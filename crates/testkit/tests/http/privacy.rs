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

/// A deleted account leaves nothing behind: its address and what it wrote for itself are in
/// no table (invitations and roster files that named it included), not in the search index,
/// not in a mail file, and — on SQLite — not in the database's files on disk.
#[tokio::test]
async fn a_deleted_account_leaves_its_canary_nowhere() {
    let mail_dir = std::env::temp_dir().join(format!("praxis-mail-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&mail_dir).unwrap();
    let app = TestApp::spawn_with(praxis_app::Settings {
        login_policy: praxis_testkit::fast_login_policy(),
        mail_dir: Some(mail_dir.clone()),
        ..praxis_app::Settings::default()
    })
    .await;
    let admin = app.create_member("Admin").await;
    let canary = "zqcanary7x";
    let leaving = app
        .create_member_with_email(&format!("{canary}@example.org"), "Leaving")
        .await;
    let m = app.signed_in(&leaving).await;
    let profile = m
        .api("PATCH", "/api/v1/me/profile", None, Some(json!({"display_name": format!("Name {canary}"), "bio": format!("Bio {canary}"), "visibility": "public"})))
        .await;
    assert_eq!(profile.status, StatusCode::OK, "{}", profile.body);
    let today = time::OffsetDateTime::now_utc().date().to_string();
    m.api(
        "POST",
        "/api/v1/one-on-ones",
        None,
        Some(
            json!({"with_name": format!("Sam {canary}"), "met_on": today, "values_heard": canary}),
        ),
    )
    .await;
    m.api("POST", "/api/v1/narratives", None, Some(json!({"kind": "self", "title": format!("Story {canary}"), "challenge": canary, "choice": "c", "outcome": "o"})))
        .await;
    // A steward invited the address and checked a roster that names it.
    let a = app.signed_in(&admin).await;
    a.api("POST", "/api/v1/nodes", None, Some(json!({"name": "Circle", "slug": "circle", "kind": "values", "visibility": "public", "join_policy": "open"})))
        .await;
    let invited = a
        .api(
            "POST",
            "/api/v1/nodes/circle/invitations",
            None,
            Some(json!({"emails": [leaving.email]})),
        )
        .await;
    assert!(invited.status.is_success(), "{}", invited.body);
    let checked = a
        .api_raw(
            "POST",
            "/api/v1/nodes/circle/imports",
            "text/csv",
            &format!("email\n{}\n", leaving.email),
        )
        .await;
    assert!(checked.status.is_success(), "{}", checked.body);
    std::fs::write(
        mail_dir.join("an-old-message.eml"),
        format!("To: {}\r\nSubject: hello\r\n\r\nHi\r\n", leaving.email),
    )
    .unwrap();
    app.search_sync().await;
    assert!(
        a.get(&format!("/api/v1/search?q={canary}")).await.json()["total"].as_u64() > Some(0),
        "the canary is searchable before"
    );
    let before = app.db.columns_holding(canary).await;
    for column in [
        "members.email",
        "members.bio",
        "node_invitations.email",
        "roster_imports.content",
        "one_on_ones.values_heard",
        "narrative_versions.challenge",
    ] {
        assert!(
            before.iter().any(|c| c == column),
            "{column} not in {before:?}"
        );
    }

    let deleted = m
        .post_form(
            "/settings/delete",
            &[("delete_password", &leaving.password)],
        )
        .await;

    assert_eq!(deleted.status, StatusCode::OK);
    app.deliver_mail().await;
    app.search_sync().await;
    assert_eq!(
        app.db.columns_holding(canary).await,
        Vec::<String>::new(),
        "columns still holding the canary"
    );
    assert_eq!(
        a.get(&format!("/api/v1/search?q={canary}")).await.json()["total"],
        0
    );
    assert!(
        !mail_dir.join("an-old-message.eml").exists(),
        "a mail file to the address is kept"
    );
    if let Some(files) = app.db.sqlite_files() {
        for file in files {
            let bytes = std::fs::read(&file).unwrap_or_default();
            assert!(
                !bytes.windows(canary.len()).any(|w| w == canary.as_bytes()),
                "{} still holds the canary",
                file.display()
            );
        }
    }
}
