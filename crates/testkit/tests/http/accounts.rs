//! Sign-up, verification, log-in, throttling and password recovery.

use praxis_testkit::{TestApp, link_in};
use reqwest::StatusCode;

async fn member_count(app: &TestApp) -> i64 {
    app.store.count_members().await.unwrap()
}

#[tokio::test]
async fn signing_up_sends_a_verification_link_that_lets_the_member_log_in() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    let page = browser
        .sign_up("Layla@Example.org", "a long enough password", "Layla")
        .await;

    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location(), Some("/signup/check-email"));
    let mail = app.mail_to("layla@example.org").await;
    let link = link_in(&mail, &format!("{}/verify-email/", app.address));
    let path = link.trim_start_matches(&app.address);
    assert_eq!(browser.get(path).await.status, StatusCode::OK);
    let login = browser
        .log_in("layla@example.org", "a long enough password")
        .await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
    assert!(
        browser
            .get("/")
            .await
            .text("[data-test=nav-me]")
            .contains("Layla")
    );
}

#[tokio::test]
async fn a_verification_link_works_once() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    browser
        .sign_up("once@example.org", "a long enough password", "Once")
        .await;
    let link = link_in(&app.mail_to("once@example.org").await, &app.address);
    let path = link.trim_start_matches(&app.address).to_owned();

    browser.get(&path).await;
    let again = browser.get(&path).await;

    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert!(browser.get("/verify-email/pxl_forged").await.status == StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn sign_up_with_bad_input_names_each_field_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    let page = browser.sign_up("not-an-address", "short", "   ").await;

    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.text("[data-test=error-email]")
            .contains("email address")
    );
    assert!(
        page.text("[data-test=error-password]")
            .contains("10 characters")
    );
    assert!(
        page.text("[data-test=error-display_name]")
            .contains("required")
    );
    assert_eq!(
        page.attr("#email", "value").as_deref(),
        Some("not-an-address")
    );
    assert_eq!(
        page.attr("#password", "value"),
        None,
        "a password is never sent back"
    );
    assert_eq!(member_count(&app).await, 0);
    assert!(app.deliver_mail().await.is_empty());
}

#[tokio::test]
async fn sign_up_answers_the_same_whether_or_not_the_address_is_registered() {
    let app = TestApp::spawn().await;
    let existing = app.create_member("Existing").await;
    let browser = app.browser();

    let taken = browser
        .sign_up(&existing.email, "another long password", "Impostor")
        .await;
    let fresh = browser
        .sign_up("fresh@example.org", "another long password", "Fresh")
        .await;

    assert_eq!(
        (taken.status, taken.location()),
        (fresh.status, fresh.location())
    );
    assert_eq!(taken.body, fresh.body);
    let mails = app.deliver_mail().await;
    assert_eq!(
        member_count(&app).await,
        2,
        "no second account for the taken address"
    );
    let to_owner = mails
        .iter()
        .find(|m| m.recipient == existing.email)
        .expect("the owner is told");
    assert!(to_owner.body.contains("already has one"));
}

#[tokio::test]
async fn logging_in_before_verifying_is_refused_and_resends_the_link() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    browser
        .sign_up("early@example.org", "a long enough password", "Early")
        .await;
    app.deliver_mail().await;

    let page = browser
        .log_in("early@example.org", "a long enough password")
        .await;

    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.text("[data-test=error-email]")
            .contains("confirm your email")
    );
    assert!(
        app.mail_to("early@example.org")
            .await
            .body
            .contains("/verify-email/")
    );
    assert!(browser.cookie("praxis_session").is_none());
}

#[tokio::test]
async fn log_in_answers_the_same_for_an_unknown_address_and_a_wrong_password() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Known").await;
    let browser = app.browser();

    let wrong_password = browser
        .log_in(&member.email, "not the password at all")
        .await;
    let unknown = browser
        .log_in("nobody@example.org", "not the password at all")
        .await;

    assert_eq!(wrong_password.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong_password.status, unknown.status);
    assert_eq!(
        wrong_password.text("[data-test=error-email]"),
        unknown.text("[data-test=error-email]")
    );
}

#[tokio::test]
async fn repeated_failed_log_ins_are_refused_with_429_even_with_the_right_password() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Targeted").await;
    let attacker = app.browser();
    for _ in 0..10 {
        let page = attacker.log_in(&member.email, "guess guess guess").await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    }

    let refused = attacker.log_in(&member.email, &member.password).await;

    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers.contains_key("retry-after"));
    assert!(
        refused
            .text("[data-test=notice]")
            .contains("Too many failed attempts")
    );
    assert!(attacker.cookie("praxis_session").is_none());
}

#[tokio::test]
async fn many_failures_from_one_address_are_refused_across_accounts() {
    let app = TestApp::spawn().await;
    let victim = app.create_member("Victim").await;
    let browser = app.browser();
    for i in 0..50 {
        browser
            .log_in(&format!("spray{i}@example.org"), "guess guess guess")
            .await;
    }

    let refused = browser.log_in(&victim.email, &victim.password).await;

    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn the_first_account_on_an_empty_instance_becomes_the_network_admin() {
    let app = TestApp::spawn().await;
    let first = app.create_member("First").await;
    let second = app.create_member("Second").await;

    let first_me = app
        .signed_in(&first)
        .await
        .api("GET", "/api/v1/me", None, None)
        .await
        .json();
    let second_me = app
        .signed_in(&second)
        .await
        .api("GET", "/api/v1/me", None, None)
        .await
        .json();

    assert_eq!(first_me["is_admin"], true);
    assert_eq!(second_me["is_admin"], false);
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_and_ends_every_session() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Forgetful").await;
    let old_session = app.signed_in(&member).await;
    let browser = app.browser();

    browser
        .post_form("/forgot-password", &[("email", &member.email)])
        .await;
    let link = link_in(&app.mail_to(&member.email).await, &app.address);
    let path = link.trim_start_matches(&app.address).to_owned();
    assert_eq!(browser.get(&path).await.status, StatusCode::OK);
    let too_short = browser.post_form(&path, &[("password", "short")]).await;
    assert_eq!(too_short.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = browser
        .post_form(&path, &[("password", "a brand new password")])
        .await;

    assert_eq!(done.status, StatusCode::OK);
    assert_eq!(
        old_session.get("/settings/profile").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        browser.log_in(&member.email, &member.password).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        browser
            .log_in(&member.email, "a brand new password")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        browser.get(&path).await.status,
        StatusCode::NOT_FOUND,
        "the link works once"
    );
}

#[tokio::test]
async fn a_reset_request_answers_the_same_for_an_unknown_address_and_sends_nothing() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Known").await;
    let browser = app.browser();

    let known = browser
        .post_form("/forgot-password", &[("email", &member.email)])
        .await;
    let unknown = browser
        .post_form("/forgot-password", &[("email", "ghost@example.org")])
        .await;

    assert_eq!(known.status, unknown.status);
    assert_eq!(known.body, unknown.body);
    let mails = app.deliver_mail().await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].recipient, member.email);
}

#[tokio::test]
async fn changing_email_takes_effect_only_through_the_link_sent_to_the_new_address() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Mover").await;
    let browser = app.signed_in(&member).await;

    let wrong = browser
        .post_form(
            "/settings/email",
            &[
                ("new_email", "new@example.org"),
                ("email_password", "wrong password!"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.has("[data-test=error-email_password]"));
    let asked = browser
        .post_form(
            "/settings/email",
            &[
                ("new_email", "new@example.org"),
                ("email_password", &member.password),
            ],
        )
        .await;
    assert_eq!(asked.location(), Some("/settings/account?done=email"));
    let mails = app.deliver_mail().await;
    assert!(
        mails.iter().any(|m| m.recipient == member.email),
        "the old address is told"
    );
    let confirm = mails
        .iter()
        .find(|m| m.recipient == "new@example.org")
        .expect("a link to the new address");
    let path = link_in(confirm, &app.address)
        .trim_start_matches(&app.address)
        .to_owned();
    assert_eq!(
        browser
            .get("/settings/account")
            .await
            .text("[data-test=email]"),
        member.email
    );

    assert_eq!(
        browser.get(&path).await.status,
        StatusCode::OK,
        "GET only shows a button"
    );
    assert_eq!(
        browser
            .get("/settings/account")
            .await
            .text("[data-test=email]"),
        member.email
    );
    assert_eq!(browser.post_form(&path, &[]).await.status, StatusCode::OK);

    assert_eq!(
        browser
            .get("/settings/account")
            .await
            .text("[data-test=email]"),
        "new@example.org"
    );
}

/// Counting, checking and recording a log-in attempt is one atomic step: sixty wrong passwords
/// sent at once get no more Argon2 checks than the limit of ten, on either database.
#[tokio::test]
async fn parallel_wrong_passwords_are_checked_no_more_often_than_the_limit() {
    let app = TestApp::spawn().await;
    let member = app.create_member("Raced").await;
    let mut attempts = tokio::task::JoinSet::new();
    for _ in 0..60 {
        let ctx = app.ctx.clone();
        let email = member.email.clone();
        attempts.spawn(async move {
            praxis_app::accounts::log_in(
                &ctx,
                praxis_app::accounts::LogIn {
                    email,
                    password: "guess guess guess".into(),
                    client_address: Some("203.0.113.9".into()),
                },
            )
            .await
        });
    }

    let mut checked = 0;
    let mut refused = 0;
    while let Some(done) = attempts.join_next().await {
        match done.unwrap() {
            Err(praxis_app::AppError::Invalid(_)) => checked += 1,
            Err(praxis_app::AppError::TooManyAttempts { .. }) => refused += 1,
            other => panic!("unexpected {other:?}"),
        }
    }

    assert_eq!(checked, 10, "{checked} checked, {refused} refused");
    assert_eq!(refused, 50);
    let right = praxis_app::accounts::log_in(
        &app.ctx,
        praxis_app::accounts::LogIn {
            email: member.email.clone(),
            password: member.password.clone(),
            client_address: Some("203.0.113.9".into()),
        },
    )
    .await;
    assert!(matches!(
        right,
        Err(praxis_app::AppError::TooManyAttempts { .. })
    ));
}

/// A successful log-in gives its attempt back: many members behind one address (an office,
/// a phone network) keep signing in.
#[tokio::test]
async fn successful_log_ins_from_one_address_do_not_count_against_it() {
    let app = TestApp::spawn_with(praxis_app::Settings {
        login_policy: praxis_app::LoginPolicy {
            refuse_after_address: 5,
            ..praxis_testkit::fast_login_policy()
        },
        ..praxis_app::Settings::default()
    })
    .await;
    let member = app.create_member("Office").await;

    for _ in 0..8 {
        let browser = app.browser();
        assert_eq!(
            browser.log_in(&member.email, &member.password).await.status,
            StatusCode::SEE_OTHER
        );
    }
}

/// The invisible controls that reverse text (U+202A–U+202E, U+2066–U+2069) are refused in
/// names and titles with a message naming the field, and nothing is stored.
#[tokio::test]
async fn names_and_titles_refuse_characters_that_reverse_text() {
    let app = TestApp::spawn().await;
    let admin = app.create_member("Admin").await;
    let a = app.signed_in(&admin).await;
    let sneaky = "Invoice\u{202E}fdp.exe";

    let signed_up = app
        .browser()
        .sign_up("sneaky@example.org", "correct horse battery staple", sneaky)
        .await;
    let item = a
        .api("POST", "/api/v1/library", None, Some(serde_json::json!({"kind": "guide", "title": format!("Guide\u{2066}x"), "summary": "s", "body": "b", "license": "CC-BY-4.0", "scope": "public"})))
        .await;
    let node = a
        .api("POST", "/api/v1/nodes", None, Some(serde_json::json!({"name": sneaky, "slug": "sneaky", "kind": "values", "visibility": "public", "join_policy": "open"})))
        .await;
    let profile = a
        .api(
            "PATCH",
            "/api/v1/me/profile",
            None,
            Some(serde_json::json!({"display_name": sneaky})),
        )
        .await;

    assert_eq!(signed_up.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(signed_up.has("[data-test=error-display_name]"));
    for (what, page, field) in [
        ("an item", &item, "title"),
        ("a node", &node, "name"),
        ("a profile", &profile, "display_name"),
    ] {
        assert_eq!(
            page.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{what}: {}",
            page.body
        );
        assert!(
            page.json()["error"]["fields"][field].is_string(),
            "{what}: {}",
            page.body
        );
    }
    assert_eq!(member_count(&app).await, 1, "nothing was stored");
    assert_eq!(a.get("/nodes/sneaky").await.status, StatusCode::NOT_FOUND);
}
