//! Health checks, security headers, assets and error pages.

use praxis_testkit::TestApp;
use reqwest::StatusCode;

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    assert_eq!(browser.get("/healthz").await.status, StatusCode::OK);
    assert_eq!(browser.get("/readyz").await.body, "ready");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    for path in [
        "/",
        "/login",
        "/api/v1/members",
        "/assets/praxis.css",
        "/nope",
    ] {
        let page = browser.get(path).await;
        let csp = page
            .headers
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(
            page.headers.get("x-content-type-options").unwrap(),
            "nosniff",
            "{path}"
        );
        assert_eq!(
            page.headers.get("referrer-policy").unwrap(),
            "same-origin",
            "{path}: a page's address never leaves the site"
        );
        assert!(!page.body.contains("content=\"no-referrer\""), "{path}");
    }
}

#[tokio::test]
async fn pages_load_nothing_from_other_sites() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    for path in [
        "/",
        "/signup",
        "/login",
        "/members",
        "/api",
        "/forgot-password",
    ] {
        let page = browser.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        for selector in ["link[href]", "script[src]", "img[src]", "iframe"] {
            let html = page.html();
            let sel = scraper::Selector::parse(selector).unwrap();
            for element in html.select(&sel) {
                let url = element
                    .value()
                    .attr("href")
                    .or(element.value().attr("src"))
                    .unwrap_or("");
                assert!(url.starts_with('/'), "{path} loads {url}");
            }
        }
    }
    let css = browser.get("/assets/praxis.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(!css.body.contains("url(http"));
}

#[tokio::test]
async fn an_unknown_page_gets_a_translated_404_page() {
    let app = TestApp::spawn().await;

    let page = app
        .browser()
        .get_with("/no/such/page", &[("accept-language", "ar")])
        .await;

    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.has("[data-test=error-page]"));
    assert_eq!(page.attr("html", "dir").as_deref(), Some("rtl"));
}

#[tokio::test]
async fn a_signed_in_home_page_greets_the_member_and_shows_people() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Greeted").await;
    app.create_member("Someone Else").await;
    let browser = app.signed_in(&member).await;

    let page = browser.get("/").await;

    assert!(page.text("h1").contains("Greeted"));
    assert_eq!(page.count("[data-test=person]"), 2);
}
