//! Sessions and CSRF: what ends a session, and forms that did not come from the site.

use praxis_testkit::TestApp;
use reqwest::StatusCode;

#[tokio::test]
async fn a_session_cookie_stops_working_after_log_out() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Leaver").await;
    let browser = app.signed_in(&member).await;
    let stolen = browser.cookie("praxis_session").unwrap();
    let replay = app.browser();
    let cookie = format!("praxis_session={stolen}");
    assert_eq!(
        replay
            .get_with("/api/v1/me", &[("cookie", &cookie)])
            .await
            .status,
        StatusCode::OK
    );

    let out = browser.post_form("/logout", &[]).await;

    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(
        replay
            .get_with("/api/v1/me", &[("cookie", &cookie)])
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        browser.get("/settings/profile").await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions_but_keeps_this_one() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Careful").await;
    let laptop = app.signed_in(&member).await;
    let phone = app.signed_in(&member).await;

    let short = laptop
        .post_form(
            "/settings/password",
            &[
                ("current_password", &member.password),
                ("new_password", "short"),
            ],
        )
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.has("[data-test=error-new_password]"));
    assert_eq!(
        phone.get("/settings/account").await.status,
        StatusCode::OK,
        "a refused change ends nothing"
    );
    let changed = laptop
        .post_form(
            "/settings/password",
            &[
                ("current_password", &member.password),
                ("new_password", "my new long password"),
            ],
        )
        .await;

    assert_eq!(changed.location(), Some("/settings/account?done=password"));
    assert_eq!(laptop.get("/settings/account").await.status, StatusCode::OK);
    assert_eq!(
        phone.get("/settings/account").await.status,
        StatusCode::SEE_OTHER
    );
    assert!(
        app.mail_to(&member.email)
            .await
            .subject
            .contains("password was changed")
    );
}

#[tokio::test]
async fn a_wrong_current_password_is_named_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Guarded").await;
    let browser = app.signed_in(&member).await;

    let page = browser
        .post_form(
            "/settings/password",
            &[
                ("current_password", "not my password"),
                ("new_password", "my new long password"),
            ],
        )
        .await;

    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.text("[data-test=error-current_password]")
            .contains("not correct")
    );
    assert_eq!(
        app.browser()
            .log_in(&member.email, &member.password)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_forged_form_without_the_csrf_token_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Target").await;
    let browser = app.signed_in(&member).await;

    let forged = browser
        .post_form_without_csrf("/settings/profile", &[("display_name", "Hacked")])
        .await;
    let wrong = browser
        .post_form_without_csrf(
            "/settings/profile",
            &[("csrf_token", &"0".repeat(64)), ("display_name", "Hacked")],
        )
        .await;

    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert!(forged.has("[data-test=error-page]"));
    let profile = browser.api("GET", "/api/v1/me", None, None).await.json();
    assert_eq!(profile["display_name"], "Target");
}

#[tokio::test]
async fn a_sign_up_form_from_another_site_is_refused() {
    let app = TestApp::spawn().await;

    let page = app
        .browser()
        .post_form_without_csrf(
            "/signup",
            &[
                ("email", "x@example.org"),
                ("password", "a long enough password"),
                ("display_name", "X"),
            ],
        )
        .await;

    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert_eq!(app.store.count_members().await.unwrap(), 0);
}

#[tokio::test]
async fn session_cookies_are_http_only_and_same_site() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Cookie").await;
    let browser = app.browser();

    let page = browser.log_in(&member.email, &member.password).await;

    let cookie = page
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("praxis_session="))
        .expect("a session cookie")
        .to_owned();
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Lax"));
}

#[tokio::test]
async fn after_log_in_the_member_returns_to_the_page_they_asked_for_on_this_site_only() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Returner").await;
    let browser = app.browser();
    let asked = browser.get("/settings/tokens").await;
    assert_eq!(asked.location(), Some("/login?next=%2Fsettings%2Ftokens"));

    let back = browser
        .post_form(
            "/login",
            &[
                ("email", &member.email),
                ("password", &member.password),
                ("next", "/settings/tokens"),
            ],
        )
        .await;
    let elsewhere = app
        .browser()
        .post_form(
            "/login",
            &[
                ("email", &member.email),
                ("password", &member.password),
                ("next", "//evil.example/"),
            ],
        )
        .await;

    assert_eq!(back.location(), Some("/settings/tokens"));
    assert_eq!(elsewhere.location(), Some("/"));
}

/// Browsers drop tabs and line breaks from a URL and read a backslash as a slash, so
/// `/\t/evil.example` leads to another site: only a path that is this site's however a
/// browser reads it is followed, after log-in and after switching the language.
#[tokio::test]
async fn a_return_address_that_a_browser_reads_as_another_site_is_not_followed() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Returner").await;

    for next in [
        "/\t/evil.example/x",
        "/\n/evil.example/x",
        "/ /evil.example",
        "/\\evil.example",
        "\t//evil.example",
        "/\u{7f}/evil.example",
    ] {
        let logged_in = app
            .browser()
            .post_form(
                "/login",
                &[
                    ("email", &member.email),
                    ("password", &member.password),
                    ("next", next),
                ],
            )
            .await;
        let switched = app
            .browser()
            .post_form("/language", &[("lang", "ar"), ("return_to", next)])
            .await;

        assert_eq!(logged_in.location(), Some("/"), "after log-in, {next:?}");
        assert_eq!(switched.location(), Some("/"), "after switching, {next:?}");
    }
    let page = app
        .browser()
        .get("/login?next=%2F%09%2Fevil.example%2Fx")
        .await;
    assert!(
        !page.body.contains("evil.example"),
        "the log-in form carries the address on"
    );
}

#[tokio::test]
async fn a_member_sees_where_they_are_signed_in_and_signs_out_everywhere_else() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Traveller").await;
    let laptop = app.signed_in(&member).await;
    let phone = app.signed_in(&member).await;
    let lost = app.signed_in(&member).await;

    let page = laptop.get("/settings/account").await;
    assert_eq!(page.count("[data-test=session]"), 3);
    assert!(page.text("[data-test=sessions]").contains("This browser"));

    let ended = laptop.post_form("/settings/sessions/end-others", &[]).await;

    assert_eq!(ended.location(), Some("/settings/account?done=sessions"));
    assert_eq!(
        laptop
            .get("/settings/account")
            .await
            .count("[data-test=session]"),
        1
    );
    assert_eq!(
        phone.get("/settings/account").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        lost.get("/settings/account").await.status,
        StatusCode::SEE_OTHER
    );
}
