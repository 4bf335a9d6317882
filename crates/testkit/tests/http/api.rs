//! The JSON API: authentication by session and token, the error format, OpenAPI.

use praxis_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn the_api_needs_a_signed_in_caller_and_says_so_in_json() {
    let app = TestApp::spawn().await;

    let page = app.browser().api("GET", "/api/v1/me", None, None).await;

    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    assert_eq!(page.json()["error"]["code"], "unauthenticated");
}

#[tokio::test]
async fn a_personal_access_token_authenticates_until_it_is_revoked() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Scripter").await;
    let browser = app.signed_in(&member).await;
    let created = browser
        .api(
            "POST",
            "/api/v1/me/tokens",
            None,
            Some(json!({"name": "backup script"})),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let created = created.json();
    let token = created["token"].as_str().unwrap().to_owned();
    let script = app.browser();

    let me = script.api("GET", "/api/v1/me", Some(&token), None).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json()["display_name"], "Scripter");
    let listed = browser.api("GET", "/api/v1/me/tokens", None, None).await;
    assert!(
        !listed.body.contains(&token),
        "the secret is shown once only"
    );
    assert_eq!(listed.json()[0]["name"], "backup script");
    let id = created["id"].as_str().unwrap();
    assert_eq!(
        browser
            .api("DELETE", &format!("/api/v1/me/tokens/{id}"), None, None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );

    let after = script.api("GET", "/api/v1/me", Some(&token), None).await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn tokens_are_made_and_revoked_on_the_settings_page() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Clicker").await;
    let browser = app.signed_in(&member).await;

    let empty_name = browser
        .post_form("/settings/tokens", &[("name", "  ")])
        .await;
    assert_eq!(empty_name.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty_name.has("[data-test=error-name]"));
    let page = browser
        .post_form("/settings/tokens", &[("name", "laptop")])
        .await;
    let token = page.text("[data-test=new-token]");
    assert!(token.starts_with("pxt_"));
    assert_eq!(
        app.browser()
            .api("GET", "/api/v1/me", Some(&token), None)
            .await
            .status,
        StatusCode::OK
    );

    let listed = browser.get("/settings/tokens").await;
    assert_eq!(listed.count("[data-test=token-row]"), 1);
    assert!(!listed.body.contains(&token));
    let action = listed.attr("[data-test=token-row] form", "action").unwrap();
    assert_eq!(
        browser.post_form(&action, &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.browser()
            .api("GET", "/api/v1/me", Some(&token), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn one_member_cannot_revoke_another_members_token() {
    let app = TestApp::spawn().await;
    let owner = app.signed_in(&app.create_member("Owner").await).await;
    let other = app.signed_in(&app.create_member("Other").await).await;
    let created = owner
        .api(
            "POST",
            "/api/v1/me/tokens",
            None,
            Some(json!({"name": "mine"})),
        )
        .await
        .json();
    let id = created["id"].as_str().unwrap();

    let attempt = other
        .api("DELETE", &format!("/api/v1/me/tokens/{id}"), None, None)
        .await;

    assert_eq!(attempt.status, StatusCode::NOT_FOUND);
    let token = created["token"].as_str().unwrap();
    assert_eq!(
        app.browser()
            .api("GET", "/api/v1/me", Some(token), None)
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_wrong_bearer_token_is_refused_rather_than_treated_as_a_visitor() {
    let app = TestApp::spawn().await;

    let page = app
        .browser()
        .api("GET", "/api/v1/members", Some("pxt_not_a_real_token"), None)
        .await;

    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    assert_eq!(page.json()["error"]["code"], "unauthenticated");
}

#[tokio::test]
async fn patching_the_profile_changes_only_the_fields_sent() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Api User").await;
    let browser = app.signed_in(&member).await;

    let page = browser
        .api(
            "PATCH",
            "/api/v1/me/profile",
            None,
            Some(json!({
                "bio": "Coach in *Belgrade*",
                "practices": [{"practice": "public_narrative", "level": 5}],
                "languages": ["sr", "en"],
                "availability": {"coach": true, "capacity": 2},
                "visibility": "public"
            })),
        )
        .await;

    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let body = page.json();
    assert_eq!(body["display_name"], "Api User");
    assert_eq!(body["bio_html"], "<p>Coach in <em>Belgrade</em></p>\n");
    assert_eq!(body["practices"][0]["level"], 5);
    assert_eq!(body["availability"]["capacity"], 2);
    assert_eq!(body["visibility"], "public");
    assert_eq!(
        app.browser()
            .get(&format!("/members/{}", member.id))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn invalid_profile_fields_answer_422_naming_each_and_change_nothing() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Careful").await;
    let browser = app.signed_in(&member).await;

    let page = browser
        .api(
            "PATCH",
            "/api/v1/me/profile",
            None,
            Some(json!({"display_name": "", "visibility": "everyone", "practices": [{"practice": "coaching", "level": 7}], "bio": "new bio"})),
        )
        .await;

    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = &page.json()["error"];
    assert_eq!(error["code"], "invalid");
    assert!(error["fields"]["display_name"].is_string());
    assert!(error["fields"]["visibility"].is_string());
    assert!(error["fields"]["practice_coaching"].is_string());
    let me = browser.api("GET", "/api/v1/me", None, None).await.json();
    assert_eq!(me["profile"]["bio"], "", "nothing changed");
}

#[tokio::test]
async fn malformed_bodies_answer_4xx_in_the_error_format() {
    let app = TestApp::spawn().await;
    let browser = app.signed_in(&app.create_member("Sloppy").await).await;

    let syntax = browser
        .api_raw(
            "PATCH",
            "/api/v1/me/profile",
            "application/json",
            "{\"bio\": ",
        )
        .await;
    let wrong_type = browser
        .api_raw(
            "PATCH",
            "/api/v1/me/profile",
            "application/json",
            "{\"roles\": \"organizer\"}",
        )
        .await;
    let unknown = browser
        .api_raw(
            "PATCH",
            "/api/v1/me/profile",
            "application/json",
            "{\"emial\": \"x\"}",
        )
        .await;
    let not_json = browser
        .api_raw("PATCH", "/api/v1/me/profile", "text/plain", "bio=x")
        .await;

    assert_eq!(syntax.status, StatusCode::BAD_REQUEST);
    assert_eq!(syntax.json()["error"]["code"], "bad_request");
    assert_eq!(wrong_type.status, StatusCode::BAD_REQUEST);
    assert!(wrong_type.json()["error"]["fields"]["roles"].is_string());
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert!(unknown.json()["error"]["fields"]["emial"].is_string());
    assert_eq!(not_json.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn api_errors_follow_the_callers_language() {
    let app = TestApp::spawn().await;

    let page = app
        .browser()
        .get_with("/api/v1/me", &[("accept-language", "ar")])
        .await;

    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    assert_eq!(page.json()["error"]["message"], "عليك تسجيل الدخول.");
}

#[tokio::test]
async fn the_openapi_document_describes_every_route_and_the_docs_page_renders_it() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    let doc = browser.get("/api/v1/openapi.json").await;
    let docs_page = browser.get("/api").await;

    assert_eq!(doc.status, StatusCode::OK);
    let doc = doc.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/me",
        "/api/v1/me/profile",
        "/api/v1/members",
        "/api/v1/members/{id}",
        "/api/v1/me/tokens",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is not documented");
        assert!(
            docs_page.body.contains(path),
            "{path} is not on the docs page"
        );
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    assert!(docs_page.count("[data-test=endpoint]") >= 7);
}

#[tokio::test]
async fn an_unknown_api_path_answers_json_404() {
    let app = TestApp::spawn().await;

    let page = app.browser().get("/api/v1/nothing-here").await;

    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert_eq!(page.json()["error"]["code"], "not_found");
}
