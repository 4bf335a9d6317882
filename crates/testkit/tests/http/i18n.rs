//! Languages: Arabic right to left, negotiation and the switcher.

use praxis_testkit::TestApp;
use reqwest::StatusCode;

#[tokio::test]
async fn arabic_speakers_get_right_to_left_pages_from_their_browser_language() {
    let app = TestApp::spawn().await;

    let page = app
        .browser()
        .get_with("/signup", &[("accept-language", "ar-JO,ar;q=0.9,en;q=0.5")])
        .await;

    assert_eq!(page.attr("html", "lang").as_deref(), Some("ar"));
    assert_eq!(page.attr("html", "dir").as_deref(), Some("rtl"));
    assert!(page.text("h1").contains("انضم إلى الشبكة"));
}

#[tokio::test]
async fn english_is_the_default() {
    let app = TestApp::spawn().await;

    let page = app
        .browser()
        .get_with("/", &[("accept-language", "fr-FR, de")])
        .await;

    assert_eq!(page.attr("html", "lang").as_deref(), Some("en"));
    assert_eq!(page.attr("html", "dir").as_deref(), Some("ltr"));
}

#[tokio::test]
async fn the_switcher_remembers_a_visitors_choice_and_returns_to_the_page() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    let switched = browser
        .post_form("/language", &[("lang", "ar"), ("return_to", "/members")])
        .await;

    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    assert_eq!(switched.location(), Some("/members"));
    assert_eq!(
        browser.get("/members").await.attr("html", "dir").as_deref(),
        Some("rtl")
    );
}

#[tokio::test]
async fn a_members_language_follows_them_to_other_devices_and_their_mail() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Yousef").await;
    let phone = app.signed_in(&member).await;

    phone
        .post_form("/language", &[("lang", "ar"), ("return_to", "/")])
        .await;

    let laptop = app.signed_in(&member).await;
    let page = laptop
        .get_with("/settings/profile", &[("accept-language", "en")])
        .await;
    assert_eq!(page.attr("html", "dir").as_deref(), Some("rtl"));
    app.browser()
        .post_form("/forgot-password", &[("email", &member.email)])
        .await;
    let mail = app.mail_to(&member.email).await;
    assert!(
        mail.subject.contains("إعادة تعيين كلمة المرور"),
        "{}",
        mail.subject
    );
}

#[tokio::test]
async fn form_errors_are_translated() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    browser
        .post_form("/language", &[("lang", "ar"), ("return_to", "/")])
        .await;

    let page = browser.sign_up("bad", "short", "Name").await;

    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.text("[data-test=error-password]").contains("10 أحرف"));
}
