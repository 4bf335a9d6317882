//! Applying to a workshop: questions, answers checked, decisions in bulk with mail, the
//! waiting list moving up, and who may read what.

use praxis_testkit::{Browser, TestApp, TestMember};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn workshop(app: &TestApp, trainer: &Browser, body: Value) -> String {
    let made = trainer
        .api("POST", "/api/v1/workshops", None, Some(body))
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let _ = app;
    made.json()["id"].as_str().unwrap().to_owned()
}

fn small(close: Option<&str>) -> Value {
    json!({
        "title": "Coaching lab",
        "format": "online",
        "time_zone": "Europe/Belgrade",
        "participant_capacity": 2,
        "coach_capacity": 1,
        "scope": "members",
        "applications_close": close,
    })
}

async fn statuses(b: &Browser, id: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = b
        .get(&format!(
            "/api/v1/workshops/{id}/applications?role=participant"
        ))
        .await
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["display_name"].as_str().unwrap().to_owned(),
                a["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

async fn apply(b: &Browser, id: &str, answers: Value) -> reqwest::StatusCode {
    b.api(
        "POST",
        &format!("/api/v1/workshops/{id}/applications"),
        None,
        Some(json!({"role": "participant", "answers": answers})),
    )
    .await
    .status
}

#[tokio::test]
async fn applicants_answer_trainers_decide_in_bulk_and_the_waiting_list_moves_up() {
    let app = TestApp::spawn().await;
    let trainer = app.create_member("Trainer").await;
    let t = app.signed_in(&trainer).await;
    let id = workshop(&app, &t, small(None)).await;

    let bad = t
        .post_form(
            &format!("/workshops/{id}/questions"),
            &[
                ("audience", "participant"),
                ("kind", "single"),
                ("prompt", "Your sector?"),
                ("choices", "Housing"),
            ],
        )
        .await;
    assert!(
        bad.has("[data-test=error-choices]"),
        "one choice is not a choice"
    );
    t.post_form(
        &format!("/workshops/{id}/questions"),
        &[
            ("audience", "participant"),
            ("kind", "single"),
            ("prompt", "Your sector?"),
            ("choices", "Housing\nLabor"),
            ("required", "1"),
        ],
    )
    .await;
    t.post_form(
        &format!("/workshops/{id}/questions"),
        &[
            ("audience", "participant"),
            ("kind", "scale"),
            ("prompt", "Experience?"),
            ("required", "1"),
        ],
    )
    .await;
    let questions = t
        .get(&format!("/api/v1/workshops/{id}/questions"))
        .await
        .json();
    let sector = questions[0]["id"].as_str().unwrap().to_owned();
    let scale = questions[1]["id"].as_str().unwrap().to_owned();

    let members: Vec<TestMember> = vec![
        app.create_member("Ana").await,
        app.create_member("Bo").await,
        app.create_member("Cem").await,
    ];
    let mut browsers = Vec::new();
    for m in &members {
        browsers.push(app.signed_in(m).await);
    }
    let wrong = browsers[0]
        .post_form(
            &format!("/workshops/{id}/apply"),
            &[
                ("role", "participant"),
                (&format!("q-{sector}"), "Farming"),
                (&format!("q-{scale}"), "9"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong.has(&format!("[data-test=error-q-{sector}]"))
            && wrong.has(&format!("[data-test=error-q-{scale}]"))
    );
    let sent = browsers[0]
        .post_form(
            &format!("/workshops/{id}/apply"),
            &[
                ("role", "participant"),
                (&format!("q-{sector}"), "Labor"),
                (&format!("q-{scale}"), "3"),
            ],
        )
        .await;
    assert_eq!(
        sent.location(),
        Some(format!("/workshops/{id}?applied=1").as_str())
    );
    assert_eq!(
        apply(
            &browsers[0],
            &id,
            json!({&sector: ["Labor"], &scale: ["3"]})
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "once per role"
    );
    for b in &browsers[1..] {
        assert_eq!(
            apply(b, &id, json!({&sector: ["Housing"], &scale: ["4"]})).await,
            StatusCode::CREATED
        );
    }
    app.deliver_mail().await;

    let review = t.get(&format!("/workshops/{id}/applications")).await;
    assert_eq!(review.count("[data-test=application]"), 3);
    let list = t
        .get(&format!("/api/v1/workshops/{id}/applications"))
        .await
        .json();
    let app_id = |name: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|a| a["display_name"] == name)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (ana, bo, cem) = (app_id("Ana"), app_id("Bo"), app_id("Cem"));

    let accepted = t
        .post_form(
            &format!("/workshops/{id}/applications/decisions"),
            &[
                ("application", &ana),
                ("application", &bo),
                ("decision", "accept"),
            ],
        )
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER);
    let full = t
        .api(
            "POST",
            &format!("/api/v1/workshops/{id}/applications/decisions"),
            None,
            Some(json!({"application_ids": [&cem], "decision": "accept"})),
        )
        .await;
    assert_eq!(full.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(full.json()["error"]["fields"]["decision"].is_string());
    t.api(
        "POST",
        &format!("/api/v1/workshops/{id}/applications/decisions"),
        None,
        Some(json!({"application_ids": [&cem], "decision": "waitlist"})),
    )
    .await;
    let mails = app.deliver_mail().await;
    assert_eq!(mails.len(), 3, "two seats and one waiting list: {mails:?}");
    assert!(
        mails
            .iter()
            .any(|m| m.recipient == members[2].email && m.subject.contains("waiting list"))
    );
    assert_eq!(
        statuses(&t, &id).await,
        vec![
            ("Ana".into(), "accepted".into()),
            ("Bo".into(), "accepted".into()),
            ("Cem".into(), "waitlisted".into())
        ]
    );

    let withdrawn = browsers[0]
        .post_form(&format!("/workshops/{id}/applications/{ana}/withdraw"), &[])
        .await;
    assert_eq!(withdrawn.status, StatusCode::SEE_OTHER);

    assert_eq!(
        statuses(&t, &id).await,
        vec![
            ("Ana".into(), "withdrawn".into()),
            ("Bo".into(), "accepted".into()),
            ("Cem".into(), "accepted".into())
        ],
        "the freed seat went to the waiting list"
    );
    let promoted = app.mail_to(&members[2].email).await;
    assert!(
        promoted.subject.contains("You have a seat"),
        "{}",
        promoted.subject
    );
    let mine = browsers[2].get(&format!("/workshops/{id}")).await;
    assert_eq!(mine.text("[data-test=my-status]"), "Accepted");
}

#[tokio::test]
async fn answers_are_for_the_applicant_and_the_trainers_only() {
    let app = TestApp::spawn().await;
    let trainer = app.create_member("Trainer").await;
    let applicant = app.create_member("Applicant").await;
    let other = app.create_member("Other").await;
    let t = app.signed_in(&trainer).await;
    let a = app.signed_in(&applicant).await;
    let o = app.signed_in(&other).await;
    let id = workshop(&app, &t, small(None)).await;
    t.api(
        "POST",
        &format!("/api/v1/workshops/{id}/questions"),
        None,
        Some(json!({"audience": "participant", "kind": "long", "prompt": "What is hard for you?"})),
    )
    .await;
    let q = t
        .get(&format!("/api/v1/workshops/{id}/questions"))
        .await
        .json()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        apply(&a, &id, json!({&q: ["My landlord threatens me"]})).await,
        StatusCode::CREATED
    );
    let app_id = a
        .get(&format!("/api/v1/workshops/{id}/applications"))
        .await
        .json()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let page = format!("/workshops/{id}/applications/{app_id}");

    assert!(a.get(&page).await.body.contains("My landlord threatens me"));
    assert!(t.get(&page).await.body.contains("My landlord threatens me"));
    assert_eq!(o.get(&page).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        o.get(&format!("/workshops/{id}/applications")).await.status,
        StatusCode::FORBIDDEN
    );
    let theirs = o
        .get(&format!("/api/v1/workshops/{id}/applications"))
        .await
        .json();
    assert_eq!(
        theirs,
        json!([]),
        "a member sees only their own applications"
    );
    let decided = o
        .api(
            "POST",
            &format!("/api/v1/workshops/{id}/applications/decisions"),
            None,
            Some(json!({"application_ids": [&app_id], "decision": "decline"})),
        )
        .await;
    assert_eq!(decided.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_closed_workshop_takes_no_applications() {
    let app = TestApp::spawn().await;
    let trainer = app.create_member("Trainer").await;
    let t = app.signed_in(&trainer).await;
    let id = workshop(&app, &t, small(Some("2020-01-31"))).await;
    let member = app.signed_in(&app.create_member("Late").await).await;

    let late = member
        .api(
            "POST",
            &format!("/api/v1/workshops/{id}/applications"),
            None,
            Some(json!({"role": "coach"})),
        )
        .await;

    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(late.json()["error"]["fields"]["role"].is_string());
    assert_eq!(
        t.get(&format!("/api/v1/workshops/{id}/applications"))
            .await
            .json(),
        json!([])
    );
}

/// A participants file is checked row by row, then every good address is invited alike —
/// the report never tells the staff which addresses have accounts — and people take their
/// seats by following their link signed in: accepted while seats last, then waitlisted.
#[tokio::test]
async fn a_participants_file_invites_every_address_alike_and_people_take_their_seats() {
    let app = TestApp::spawn().await;
    let trainer = app.create_member("Trainer").await;
    let t = app.signed_in(&trainer).await;
    let id = workshop(&app, &t, small(None)).await;
    let known: Vec<TestMember> = vec![
        app.create_member("Known One").await,
        app.create_member("Known Two").await,
        app.create_member("Known Three").await,
    ];
    let csv = format!(
        "\u{feff}Name;E-mail\r\nOne;{}\r\nTwo;{}\r\nThree;{}\r\nStranger;stranger@example.org\r\nBad;not-an-address\r\nAgain;{}\r\n",
        known[0].email, known[1].email, known[2].email, known[0].email
    );

    let checked = t
        .upload(
            &format!("/workshops/{id}/import"),
            &[("action", "check")],
            "people.csv",
            csv.clone().into_bytes(),
            true,
        )
        .await;
    assert_eq!(checked.status, StatusCode::OK, "{}", checked.body);
    assert_eq!(checked.count("[data-test=import-row]"), 6);
    let outcomes: Vec<String> = checked
        .html()
        .select(&scraper::Selector::parse("[data-test=import-row] td:last-child").unwrap())
        .map(|td| td.text().collect::<String>())
        .collect();
    assert_eq!(
        outcomes[0], outcomes[3],
        "an address with an account and one without are reported alike: {outcomes:?}"
    );
    assert!(
        outcomes[..4].iter().all(|o| o == "will be invited"),
        "{outcomes:?}"
    );
    assert!(
        !checked.body.contains("No account"),
        "the report tells who has an account"
    );
    assert_eq!(statuses(&t, &id).await, vec![], "a check writes nothing");
    assert!(app.deliver_mail().await.is_empty(), "a check sends nothing");

    let imported = t
        .upload(
            &format!("/workshops/{id}/import"),
            &[("action", "import")],
            "people.csv",
            csv.clone().into_bytes(),
            true,
        )
        .await;
    assert!(
        imported.text("[data-test=import-summary]").contains('4'),
        "{}",
        imported.body
    );
    assert_eq!(
        statuses(&t, &id).await,
        vec![],
        "nobody is enrolled without saying yes"
    );
    let mails = app.deliver_mail().await;
    assert_eq!(
        mails.len(),
        4,
        "one invitation per address, the stranger's too"
    );
    let link_for = |email: &str| {
        let mail = mails.iter().find(|m| m.recipient == email).unwrap();
        praxis_testkit::link_in(mail, &format!("{}/workshop-invitations/", app.address))
            .trim_start_matches(&app.address)
            .to_owned()
    };
    for member in &known {
        let b = app.signed_in(member).await;
        let link = link_for(&member.email);
        assert!(b.get(&link).await.has("[data-test=accept]"));
        let taken = b.post_form(&link, &[]).await;
        assert_eq!(taken.location(), Some(format!("/workshops/{id}").as_str()));
        assert_eq!(
            b.post_form(&link, &[]).await.status,
            StatusCode::NOT_FOUND,
            "a link works once"
        );
    }
    assert_eq!(
        statuses(&t, &id).await,
        vec![
            ("Known One".into(), "accepted".into()),
            ("Known Three".into(), "waitlisted".into()),
            ("Known Two".into(), "accepted".into())
        ],
        "two seats, then the waiting list"
    );
    let visitor = app.browser();
    let stranger_link = link_for("stranger@example.org");
    let page = visitor.get(&stranger_link).await;
    assert!(
        page.body.contains("/login?next=/workshop-invitations/"),
        "{}",
        page.body
    );
    let again = t
        .upload(
            &format!("/workshops/{id}/import"),
            &[("action", "import")],
            "people.csv",
            csv.into_bytes(),
            true,
        )
        .await;
    assert!(
        again
            .text("[data-test=import-rows]")
            .contains("invited before"),
        "{}",
        again.body
    );
    assert!(
        app.deliver_mail().await.is_empty(),
        "nobody is invited twice"
    );
    let garbage = t
        .upload(
            &format!("/workshops/{id}/import"),
            &[("action", "check")],
            "x.csv",
            vec![0xff, 0xfe, 0x00],
            true,
        )
        .await;
    assert_eq!(garbage.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(garbage.has("[data-test=error-file]"));
}
