//! One-on-ones stay with their author unless shared with a team; public narratives are read by
//! their author and the reviewers they ask, retold version after version, compared side by side
//! and discussed in threads.

use praxis_domain::nodes::{JoinPolicy, NodeVisibility};
use praxis_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::json;

use crate::nodes::{fields, make_node};

#[tokio::test]
async fn a_one_on_one_is_private_until_shared_with_a_team() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Author").await;
    let teammate = app.create_member("Teammate").await;
    let other = app.create_member("Other").await;
    let node = make_node(
        &app,
        &author,
        None,
        &fields("block", NodeVisibility::Public, JoinPolicy::Open, false),
    )
    .await;
    app.store
        .add_node_member(node, teammate.id, false, teammate.id, false, app.ctx.now())
        .await
        .unwrap();
    app.store
        .add_node_member(node, other.id, false, other.id, false, app.ctx.now())
        .await
        .unwrap();
    let a = app.signed_in(&author).await;
    let t = app.signed_in(&teammate).await;
    let o = app.signed_in(&other).await;
    let team = a
        .api(
            "POST",
            "/api/v1/teams",
            None,
            Some(
                json!({"node": "block", "name": "Block captains", "purpose": "Every door knocked"}),
            ),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    t.get("/").await;
    let added = a
        .post_form(
            &format!("/teams/{team}/members"),
            &[("member", &teammate.id.to_string()), ("role", "captain")],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);

    let bad = a
        .api(
            "POST",
            "/api/v1/one-on-ones",
            None,
            Some(json!({"with_name": "", "met_on": "yesterday", "team_id": "nope"})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["with_name", "met_on", "team"] {
        assert!(
            bad.json()["error"]["fields"][field].is_string(),
            "{field}: {}",
            bad.body
        );
    }
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let logged = a
        .api("POST", "/api/v1/one-on-ones", None, Some(json!({"with_name": "Samira", "met_on": today, "values_heard": "Her brother's deportation, zanzibarite", "commitment": "Host a house meeting", "follow_up": today})))
        .await;
    assert_eq!(logged.status, StatusCode::CREATED, "{}", logged.body);
    let id = logged.json()["id"].as_str().unwrap().to_owned();
    let mine = a.get("/api/v1/one-on-ones").await.json();
    assert_eq!(mine["follow_up"][0]["id"], id.as_str());

    for (who, b) in [("teammate", &t), ("other", &o)] {
        let r = b.get(&format!("/api/v1/one-on-ones/{id}")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{who}");
        assert!(
            !b.get("/api/v1/one-on-ones")
                .await
                .body
                .contains("zanzibarite"),
            "{who}"
        );
        assert!(
            !b.get("/one-on-ones").await.body.contains("zanzibarite"),
            "{who}"
        );
    }
    app.search_sync().await;
    assert_eq!(
        a.get("/api/v1/search?q=zanzibarite").await.json()["total"],
        0,
        "one-on-ones are never indexed"
    );

    let not_mine = o
        .api(
            "POST",
            &format!("/api/v1/one-on-ones/{id}/share"),
            None,
            Some(json!({"team_id": team})),
        )
        .await;
    assert_eq!(not_mine.status, StatusCode::NOT_FOUND);
    let shared = a
        .api(
            "POST",
            &format!("/api/v1/one-on-ones/{id}/share"),
            None,
            Some(json!({"team_id": team})),
        )
        .await;
    assert_eq!(shared.status, StatusCode::NO_CONTENT, "{}", shared.body);
    assert_eq!(
        t.get(&format!("/api/v1/one-on-ones/{id}")).await.json()["answers"]["commitment"],
        "Host a house meeting"
    );
    assert!(t.get("/one-on-ones").await.body.contains("zanzibarite"));
    assert_eq!(
        o.get(&format!("/api/v1/one-on-ones/{id}")).await.status,
        StatusCode::NOT_FOUND,
        "only the team"
    );
    let private_again = a
        .api(
            "POST",
            &format!("/api/v1/one-on-ones/{id}/share"),
            None,
            Some(json!({"team_id": ""})),
        )
        .await;
    assert_eq!(private_again.status, StatusCode::NO_CONTENT);
    assert_eq!(
        t.get(&format!("/api/v1/one-on-ones/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    // The author deletes it for good; nobody else may.
    assert_eq!(
        o.api("DELETE", &format!("/api/v1/one-on-ones/{id}"), None, None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let second = a
        .api(
            "POST",
            "/api/v1/one-on-ones",
            None,
            Some(json!({"with_name": "Karim", "met_on": today})),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let deleted = a
        .post_form(&format!("/one-on-ones/{second}/delete"), &[])
        .await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert_eq!(
        a.get(&format!("/api/v1/one-on-ones/{second}")).await.status,
        StatusCode::NOT_FOUND
    );
    let export = a.get("/api/v1/me/export").await.json();
    assert_eq!(
        export["one_on_ones"][0]["with_name"], "Samira",
        "the author's data export carries it"
    );
    assert!(
        !t.get("/api/v1/me/export")
            .await
            .body
            .contains("zanzibarite")
    );
}

#[tokio::test]
async fn a_story_is_retold_compared_and_discussed_by_those_asked() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Teller").await;
    let coach = app.create_member("Coach").await;
    let stranger = app.create_member("Stranger").await;
    let a = app.signed_in(&author).await;
    let c = app.signed_in(&coach).await;
    let s = app.signed_in(&stranger).await;

    let bad = a
        .api(
            "POST",
            "/api/v1/narratives",
            None,
            Some(json!({"kind": "them", "title": ""})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["kind", "title", "challenge", "choice", "outcome"] {
        assert!(bad.json()["error"]["fields"][field].is_string(), "{field}");
    }
    let id = a
        .api("POST", "/api/v1/narratives", None, Some(json!({"kind": "self", "title": "Why I organize", "challenge": "The factory closed", "choice": "I knocked on my neighbours' doors", "outcome": "We kept the clinic open", "values_aimed": "solidarity"})))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        c.get(&format!("/api/v1/narratives/{id}")).await.status,
        StatusCode::NOT_FOUND,
        "not asked yet"
    );
    let ask = a
        .api(
            "POST",
            &format!("/api/v1/narratives/{id}/reviewers"),
            None,
            Some(json!({"member_id": "someone"})),
        )
        .await;
    assert!(ask.json()["error"]["fields"]["member_id"].is_string());
    a.api(
        "POST",
        &format!("/api/v1/narratives/{id}/reviewers"),
        None,
        Some(json!({"member_id": coach.id.to_string()})),
    )
    .await;
    let mail = app.mail_to(&coach.email).await;
    assert!(
        mail.body.contains(&format!("/narratives/{id}")),
        "{}",
        mail.body
    );
    assert!(
        !mail.body.contains("Why I organize")
            && !mail.body.contains("factory")
            && !mail.subject.contains("Teller"),
        "nothing of the story, nor who tells it, goes by mail"
    );
    a.api(
        "POST",
        &format!("/api/v1/narratives/{id}/reviewers"),
        None,
        Some(json!({"member_id": coach.id.to_string()})),
    )
    .await;
    assert!(
        app.deliver_mail().await.is_empty(),
        "asking twice mails once"
    );
    let read = c.get(&format!("/api/v1/narratives/{id}")).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(
        c.get("/api/v1/narratives").await.json()["narratives"][0]["title"],
        "Why I organize"
    );
    assert_eq!(
        s.get(&format!("/api/v1/narratives/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        s.get(&format!("/narratives/{id}")).await.status,
        StatusCode::NOT_FOUND
    );

    let reviewer_retells = c
        .api(
            "POST",
            &format!("/api/v1/narratives/{id}/versions"),
            None,
            Some(json!({"challenge": "x", "choice": "y", "outcome": "z"})),
        )
        .await;
    assert_eq!(reviewer_retells.status, StatusCode::FORBIDDEN);
    let retold = a
        .api("POST", &format!("/api/v1/narratives/{id}/versions"), None, Some(json!({"challenge": "The factory closed", "choice": "I knocked on my neighbours' doors", "outcome": "We kept the clinic open, and I found my voice", "values_aimed": "solidarity"})))
        .await;
    assert_eq!(retold.status, StatusCode::CREATED);
    assert_eq!(retold.json()["version"], 2);

    let fb = c
        .api(
            "POST",
            &format!("/api/v1/narratives/{id}/feedback"),
            None,
            Some(json!({"version": 1, "body": "I wanted to hear what you felt at the door"})),
        )
        .await;
    assert_eq!(fb.status, StatusCode::NO_CONTENT);
    let first = c.get(&format!("/api/v1/narratives/{id}")).await.json()["feedback"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let wrong_parent = a
        .api(
            "POST",
            &format!("/api/v1/narratives/{id}/feedback"),
            None,
            Some(json!({"version": 2, "parent_id": first, "body": "Thanks"})),
        )
        .await;
    assert!(
        wrong_parent.json()["error"]["fields"]["parent_id"].is_string(),
        "an answer stays on its telling"
    );
    let answer = a
        .api(
            "POST",
            &format!("/api/v1/narratives/{id}/feedback"),
            None,
            Some(json!({"version": 1, "parent_id": first, "body": "Fear, then relief"})),
        )
        .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    let page = a.get(&format!("/narratives/{id}?v=1")).await;
    assert_eq!(page.count("[data-test=feedback]"), 2);
    assert!(
        page.has(".depth-2[data-test=feedback]"),
        "the answer sits under what it answers"
    );
    let compared = a.get(&format!("/narratives/{id}?v=2&compare=1")).await;
    assert_eq!(
        compared.count("[data-test=changed]"),
        1,
        "only the outcome changed"
    );
    assert!(
        compared
            .text("[data-test=changed]")
            .contains("found my voice")
    );
    assert_eq!(
        c.api("DELETE", &format!("/api/v1/narratives/{id}"), None, None)
            .await
            .status,
        StatusCode::FORBIDDEN,
        "a reviewer does not delete the story"
    );
    let gone = a
        .post_form(&format!("/narratives/{id}"), &[("action", "delete")])
        .await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER);
    assert_eq!(
        c.get(&format!("/api/v1/narratives/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        a.get(&format!("/api/v1/narratives/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn one_on_ones_come_a_page_at_a_time() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Author").await;
    let a = app.signed_in(&author).await;
    for day in 1..=33 {
        let r = a
            .api(
                "POST",
                "/api/v1/one-on-ones",
                None,
                Some(json!({"with_name": format!("Person {day}"), "met_on": format!("2026-10-{:02}", day.min(28)), "purpose": "listening"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
    }
    let first = a.get("/api/v1/one-on-ones").await.json();
    let page: Vec<String> = first["one_on_ones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(page.len(), 30);
    let next = first["next"].as_str().expect("a next page").to_owned();
    let second = a
        .get(&format!("/api/v1/one-on-ones?after={next}"))
        .await
        .json();
    let rest: Vec<String> = second["one_on_ones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(rest.len(), 3);
    assert!(second["next"].is_null());
    assert!(
        rest.iter().all(|id| !page.contains(id)),
        "no one-on-one on two pages"
    );
    let html = a.get("/one-on-ones").await;
    assert_eq!(html.count("[data-test=one-on-one]"), 30);
    assert!(html.has("[data-test=next-page]"));
}

#[tokio::test]
async fn stories_come_a_page_at_a_time() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Teller").await;
    let a = app.signed_in(&author).await;
    for i in 0..32 {
        let r = a
            .api("POST", "/api/v1/narratives", None, Some(json!({"kind": "us", "title": format!("Draft {i}"), "challenge": "c", "choice": "ch", "outcome": "o"})))
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
    }
    let first = a.get("/api/v1/narratives").await.json();
    assert_eq!(first["narratives"].as_array().unwrap().len(), 30);
    let next = first["next"].as_str().expect("a next page").to_owned();
    let second = a
        .get(&format!("/api/v1/narratives?after={next}"))
        .await
        .json();
    assert_eq!(second["narratives"].as_array().unwrap().len(), 2);
    assert!(second["next"].is_null());
    assert!(a.get("/narratives").await.has("[data-test=next-page]"));
}

#[tokio::test]
async fn refused_one_on_ones_and_stories_come_back_as_typed() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Author").await;
    let a = app.signed_in(&author).await;
    let log = a
        .post_form(
            "/one-on-ones",
            &[
                ("with_name", "Samira"),
                ("met_on", "yesterday"),
                ("values_heard", "Her brother's deportation"),
            ],
        )
        .await;
    assert_eq!(log.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(log.has("[data-test=error-met_on]"));
    assert!(log.has("#with_name[value=Samira]"));
    assert!(
        log.text("#a-values_heard")
            .contains("Her brother's deportation")
    );

    let story = a
        .post_form(
            "/narratives",
            &[
                ("kind", "now"),
                ("title", ""),
                ("challenge", "The rent doubled overnight"),
            ],
        )
        .await;
    assert_eq!(story.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(story.has("[data-test=error-title]"));
    assert!(story.has("#kind option[value=now][selected]"));
    assert!(
        story
            .text("#p-challenge")
            .contains("The rent doubled overnight")
    );
    assert!(
        a.get("/api/v1/one-on-ones").await.json()["one_on_ones"]
            .as_array()
            .is_some_and(|l| l.is_empty()),
        "nothing was kept"
    );
}

#[tokio::test]
async fn the_author_is_reminded_once_when_a_one_on_ones_follow_up_is_due() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Author").await;
    let a = app.signed_in(&author).await;
    let today = time::OffsetDateTime::now_utc().date();
    for (with, follow_up) in [
        ("Samira", today.to_string()),
        ("Yusuf", (today + time::Duration::days(3)).to_string()),
    ] {
        let r = a
            .api(
                "POST",
                "/api/v1/one-on-ones",
                None,
                Some(
                    json!({"with_name": with, "met_on": today.to_string(), "follow_up": follow_up}),
                ),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }
    let sent = praxis_app::commitments::send_reminders(&app.ctx)
        .await
        .unwrap();
    assert_eq!(sent, 1, "only the follow-up due today");
    let reminder = app.mail_to(&author.email).await;
    assert!(reminder.body.contains("/one-on-ones"));
    assert!(!reminder.body.contains("Samira"), "the mail names no one");
    assert_eq!(
        praxis_app::commitments::send_reminders(&app.ctx)
            .await
            .unwrap(),
        0
    );
}
