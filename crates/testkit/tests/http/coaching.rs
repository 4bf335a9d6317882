//! During a workshop: attendance, and coaching logs whose private notes only their author and
//! the lead trainers ever read — each read recorded.

use praxis_testkit::{Browser, TestApp, TestMember};
use reqwest::StatusCode;
use serde_json::json;

struct Workshop {
    id: String,
    session: String,
    lead: Browser,
    trainer: Browser,
    coach: Browser,
    people: Vec<(TestMember, Browser)>,
}

async fn setup(app: &TestApp) -> Workshop {
    let lead_member = app.create_member("Lead").await;
    let lead = app.signed_in(&lead_member).await;
    let id = lead
        .api("POST", "/api/v1/workshops", None, Some(json!({"title": "Coaching in practice", "format": "online", "time_zone": "UTC", "participant_capacity": 10, "coach_capacity": 2, "scope": "members"})))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let session = lead
        .api(
            "POST",
            &format!("/api/v1/workshops/{id}/sessions"),
            None,
            Some(json!({"date": "2027-03-01", "start": "17:00", "duration_minutes": 90})),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let trainer_member = app.create_member("Second Trainer").await;
    let coach_member = app.create_member("Coach").await;
    for (m, role) in [(&trainer_member, "trainer"), (&coach_member, "coach")] {
        let added = lead
            .api(
                "POST",
                &format!("/api/v1/workshops/{id}/staff"),
                None,
                Some(json!({"member_id": m.id.to_string(), "role": role})),
            )
            .await;
        assert_eq!(added.status, StatusCode::NO_CONTENT, "{}", added.body);
    }
    let mut people = Vec::new();
    let mut applications = Vec::new();
    for name in ["Petra", "Quinn"] {
        let m = app.create_member(name).await;
        let b = app.signed_in(&m).await;
        let a = b
            .api(
                "POST",
                &format!("/api/v1/workshops/{id}/applications"),
                None,
                Some(json!({"role": "participant"})),
            )
            .await;
        applications.push(a.json()["id"].as_str().unwrap().to_owned());
        people.push((m, b));
    }
    lead.api(
        "POST",
        &format!("/api/v1/workshops/{id}/applications/decisions"),
        None,
        Some(json!({"application_ids": applications, "decision": "accept"})),
    )
    .await;
    Workshop {
        id,
        session,
        lead,
        trainer: app.signed_in(&trainer_member).await,
        coach: app.signed_in(&coach_member).await,
        people,
    }
}

#[tokio::test]
async fn a_private_note_reaches_its_author_and_the_lead_trainer_only_and_every_read_is_recorded() {
    let app = TestApp::spawn().await;
    let w = setup(&app).await;
    let petra = w.people[0].0.id.to_string();

    let empty = w
        .coach
        .post_form(
            &format!("/workshops/{}/logs", w.id),
            &[("subject", &petra), ("challenge", "heart")],
        )
        .await;
    assert!(
        empty.has("[data-test=error-observation]"),
        "an empty log is refused"
    );
    let written = w
        .coach
        .post_form(
            &format!("/workshops/{}/logs", w.id),
            &[
                ("subject", &petra),
                ("session", &w.session),
                ("challenge", "hands"),
                ("observation", "Froze when asked for a commitment"),
                ("next_steps", "Practise the ask twice"),
                ("next_check_in", "2027-03-08"),
                ("shared_note", "SHARED-ABC you did well"),
                ("private_note", "PRIVATE-XYZ family trouble"),
            ],
        )
        .await;
    let path = written.location().unwrap().to_owned();
    let log_id = path.rsplit('/').next().unwrap().to_owned();
    let api = format!("/api/v1/workshops/{}/logs/{log_id}", w.id);

    assert!(
        w.coach.get(&path).await.has("[data-test=private-note]"),
        "the author reads it"
    );
    let lead = w.lead.get(&api).await.json();
    assert_eq!(lead["private_note"], "PRIVATE-XYZ family trouble");
    let trainer = w.trainer.get(&path).await;
    assert!(
        trainer.body.contains("Froze when asked") && !trainer.body.contains("PRIVATE-XYZ"),
        "a trainer who is not lead does not"
    );
    assert!(
        w.trainer
            .get(&api)
            .await
            .json()
            .get("private_note")
            .is_none()
    );
    let petra_browser = &w.people[0].1;
    for view in [
        petra_browser.get(&path).await.body,
        petra_browser.get(&api).await.body,
        petra_browser
            .get(&format!("/workshops/{}/logs", w.id))
            .await
            .body,
        petra_browser
            .get(&format!("/api/v1/workshops/{}/logs", w.id))
            .await
            .body,
        petra_browser.get("/api/v1/me/export").await.body,
        petra_browser.get("/api/v1/search?q=family").await.body,
    ] {
        assert!(
            !view.contains("PRIVATE-XYZ"),
            "the participant never reads the private note"
        );
        assert!(
            !view.contains("Froze when asked"),
            "nor the coach's working notes"
        );
    }
    assert!(
        petra_browser
            .get(&format!("/workshops/{}/logs", w.id))
            .await
            .text("[data-test=shared-note]")
            .contains("SHARED-ABC")
    );
    assert_eq!(
        w.people[1].1.get(&api).await.status,
        StatusCode::NOT_FOUND,
        "another participant"
    );
    assert!(
        !w.lead
            .get(&format!("/api/v1/workshops/{}/logs", w.id))
            .await
            .body
            .contains("PRIVATE-XYZ"),
        "lists never carry it"
    );
    let reads = w.coach.get(&path).await.count("[data-test=reads] li");
    assert_eq!(reads, 3, "the author's two reads and the lead trainer's");
    for mail in app.deliver_mail().await {
        assert!(!mail.body.contains("PRIVATE-XYZ"));
    }
}

#[tokio::test]
async fn the_staff_take_attendance_and_participants_cannot() {
    let app = TestApp::spawn().await;
    let w = setup(&app).await;
    let attendance = format!(
        "/api/v1/workshops/{}/sessions/{}/attendance",
        w.id, w.session
    );
    let petra = w.people[0].0.id.to_string();

    let marked = w
        .coach
        .api("PUT", &attendance, None, Some(json!({"present": [&petra]})))
        .await;
    assert_eq!(marked.status, StatusCode::NO_CONTENT, "{}", marked.body);
    let roster = w.lead.get(&attendance).await.json();
    let present: Vec<&str> = roster
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["present"] == true)
        .map(|p| p["display_name"].as_str().unwrap())
        .collect();
    assert_eq!(present, vec!["Petra"]);
    let stranger = app.create_member("Stranger").await;
    let wrong = w
        .lead
        .api(
            "PUT",
            &attendance,
            None,
            Some(json!({"present": [stranger.id.to_string()]})),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        w.people[1].1.get(&attendance).await.status,
        StatusCode::FORBIDDEN
    );
    let page = w
        .lead
        .get(&format!(
            "/workshops/{}/sessions/{}/attendance",
            w.id, w.session
        ))
        .await;
    assert_eq!(page.count("[data-test=present][checked]"), 1);
}

#[tokio::test]
async fn exports_are_for_the_managing_staff_defused_and_without_private_notes() {
    let app = TestApp::spawn().await;
    let w = setup(&app).await;
    let petra = w.people[0].0.id.to_string();
    w.coach
        .api(
            "PUT",
            &format!(
                "/api/v1/workshops/{}/sessions/{}/attendance",
                w.id, w.session
            ),
            None,
            Some(json!({"present": [&petra]})),
        )
        .await;
    w.coach
        .api("POST", &format!("/api/v1/workshops/{}/logs", w.id), None, Some(json!({"subject_id": &petra, "challenge": "head", "private_note": "PRIVATE-EXPORT"})))
        .await;
    w.people[1]
        .1
        .api(
            "PATCH",
            "/api/v1/me/profile",
            None,
            Some(json!({"display_name": "=HYPERLINK(\"x\")"})),
        )
        .await;

    let applications = w
        .lead
        .get(&format!("/workshops/{}/export/applications", w.id))
        .await;
    let attendance = w
        .lead
        .get(&format!("/api/v1/workshops/{}/export/attendance", w.id))
        .await;

    assert_eq!(applications.status, StatusCode::OK);
    assert!(
        applications.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(
        applications.body.contains("'=HYPERLINK"),
        "formulas are defused: {}",
        applications.body
    );
    assert!(
        attendance
            .body
            .lines()
            .any(|l| l.contains("Petra") && l.ends_with("present")),
        "{}",
        attendance.body
    );
    for what in ["applications", "teams", "attendance"] {
        let body = w
            .lead
            .get(&format!("/api/v1/workshops/{}/export/{what}", w.id))
            .await
            .body;
        assert!(!body.contains("PRIVATE-EXPORT"));
        assert_eq!(
            w.people[0]
                .1
                .get(&format!("/api/v1/workshops/{}/export/{what}", w.id))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn certificates_are_issued_verified_by_anyone_with_the_link_and_revoked() {
    let app = TestApp::spawn().await;
    let w = setup(&app).await;

    assert_eq!(
        w.people[0]
            .1
            .post_form(&format!("/workshops/{}/certificates", w.id), &[])
            .await
            .status,
        StatusCode::FORBIDDEN,
        "participants do not issue"
    );
    let issued = w
        .lead
        .post_form(&format!("/workshops/{}/certificates", w.id), &[])
        .await;
    assert_eq!(issued.status, StatusCode::SEE_OTHER);
    let all = w
        .lead
        .get(&format!("/workshops/{}/certificates", w.id))
        .await;
    assert_eq!(all.count("[data-test=certificate]"), 2);
    let petra = w.people[0]
        .1
        .get(&format!("/workshops/{}/certificates", w.id))
        .await;
    assert_eq!(
        petra.count("[data-test=certificate]"),
        1,
        "a participant sees only their own"
    );
    let link = petra.attr("[data-test=verify-link]", "href").unwrap();
    let code = link.trim_start_matches("/certificates/").to_owned();

    let anyone = Browser::new(&app.address);
    let valid = anyone.get(&link).await;
    assert!(valid.has("[data-test=valid]") && valid.body.contains("Petra"));
    assert_eq!(
        anyone.get("/certificates/forged-code").await.status,
        StatusCode::NOT_FOUND
    );
    w.lead
        .post_form(
            &format!("/workshops/{}/certificates/{code}/revoke", w.id),
            &[],
        )
        .await;
    assert!(anyone.get(&link).await.has("[data-test=revoked]"));
}

#[tokio::test]
async fn plus_delta_and_the_self_assessment_reach_trainers_aggregated_and_without_names() {
    let app = TestApp::spawn().await;
    let w = setup(&app).await;
    let feedback = format!("/workshops/{}/sessions/{}/feedback", w.id, w.session);

    let bad = w.people[0].1.post_form(&feedback, &[("rating", "9")]).await;
    assert!(bad.has("[data-test=error-rating]"));
    for (b, rating, plus) in [
        (&w.people[0].1, "5", "The story circle"),
        (&w.people[1].1, "3", "Coaching pairs"),
    ] {
        let sent = b
            .post_form(
                &feedback,
                &[("rating", rating), ("plus", plus), ("delta", "More breaks")],
            )
            .await;
        assert!(sent.has("[data-test=saved]"), "{}", sent.body);
    }
    assert_eq!(
        w.coach
            .post_form(&feedback, &[("rating", "4")])
            .await
            .status,
        StatusCode::FORBIDDEN,
        "only participants give feedback"
    );
    let summary = w.lead.get(&feedback).await;
    let counts: Vec<String> = summary
        .html()
        .select(&scraper::Selector::parse("[data-test=rating-count]").unwrap())
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(counts, vec!["0", "0", "1", "0", "1"]);
    assert!(
        summary
            .text("[data-test=pluses]")
            .contains("The story circle")
    );
    assert!(!summary.body.contains("Petra"), "plus/delta is anonymous");

    let survey = format!("/workshops/{}/survey/pre", w.id);
    let missing = w.people[0]
        .1
        .post_form(&survey, &[("practice-coaching", "2")])
        .await;
    assert_eq!(
        missing.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "every practice is rated"
    );
    let all: Vec<(String, String)> = [
        "public_narrative",
        "relationships",
        "structure",
        "strategy",
        "action",
        "coaching",
    ]
    .iter()
    .map(|p| (format!("practice-{p}"), "2".to_owned()))
    .collect();
    let pairs: Vec<(&str, &str)> = all.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(
        w.people[0].1.post_form(&survey, &pairs).await.status,
        StatusCode::SEE_OTHER
    );
    let post: Vec<(&str, &str)> = all.iter().map(|(k, _)| (k.as_str(), "4")).collect();
    w.people[0]
        .1
        .post_form(&format!("/workshops/{}/survey/post", w.id), &post)
        .await;

    let results = w
        .lead
        .get(&format!("/workshops/{}/survey-results", w.id))
        .await;
    assert!(results.has("[data-test=survey-chart] svg"));
    let texts = |selector: &str| -> Vec<String> {
        results
            .html()
            .select(&scraper::Selector::parse(selector).unwrap())
            .map(|e| e.text().collect())
            .collect()
    };
    assert_eq!(texts("[data-test=pre]"), vec!["2.0"; 6]);
    assert_eq!(texts("[data-test=post]"), vec!["4.0"; 6]);
    assert_eq!(
        w.people[1]
            .1
            .get(&format!("/workshops/{}/survey-results", w.id))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn certificates_plus_delta_surveys_and_imports_through_the_api() {
    let app = TestApp::spawn().await;
    let w = setup(&app).await;
    let petra = &w.people[0];

    // Plus/delta: participants only, anonymous to trainers, bad rating named.
    let feedback = format!("/api/v1/workshops/{}/sessions/{}/feedback", w.id, w.session);
    let bad = petra
        .1
        .api("POST", &feedback, None, Some(json!({"rating": 9})))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.json()["error"]["fields"]["rating"].is_string());
    let sent = petra
        .1
        .api(
            "POST",
            &feedback,
            None,
            Some(json!({"rating": 4, "plus": "The story circle", "delta": "More breaks"})),
        )
        .await;
    assert_eq!(sent.status, StatusCode::NO_CONTENT, "{}", sent.body);
    assert_eq!(
        w.coach
            .api("POST", &feedback, None, Some(json!({"rating": 4})))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        petra.1.get(&feedback).await.status,
        StatusCode::FORBIDDEN,
        "participants do not read the summary"
    );
    let summary = w.lead.get(&feedback).await;
    assert_eq!(summary.json()["ratings"], json!([0, 0, 0, 1, 0]));
    assert_eq!(summary.json()["entries"][0]["plus"], "The story circle");
    assert!(!summary.body.contains("Petra"), "anonymous");

    // The self-assessment: every practice scored, the missing one named.
    let survey = format!("/api/v1/workshops/{}/surveys/pre", w.id);
    let partial = petra
        .1
        .api(
            "POST",
            &survey,
            None,
            Some(json!({"answers": {"coaching": 2}})),
        )
        .await;
    assert_eq!(partial.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        partial.json()["error"]["fields"]["strategy"].is_string(),
        "{}",
        partial.body
    );
    let all: serde_json::Map<String, serde_json::Value> = [
        "public_narrative",
        "relationships",
        "structure",
        "strategy",
        "action",
        "coaching",
    ]
    .iter()
    .map(|p| ((*p).to_owned(), json!(2)))
    .collect();
    let answered = petra
        .1
        .api("POST", &survey, None, Some(json!({"answers": all})))
        .await;
    assert_eq!(answered.status, StatusCode::NO_CONTENT, "{}", answered.body);
    let results = w
        .lead
        .get(&format!("/api/v1/workshops/{}/surveys", w.id))
        .await
        .json();
    let coaching = results["practices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["practice"] == "coaching")
        .unwrap()
        .clone();
    assert_eq!(coaching["pre"], 20);
    assert_eq!(coaching["pre_answers"], 1);

    // Certificates: issued by the staff, each participant sees their own, anyone verifies.
    assert_eq!(
        petra
            .1
            .api(
                "POST",
                &format!("/api/v1/workshops/{}/certificates", w.id),
                None,
                Some(json!({}))
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let issued = w
        .lead
        .api(
            "POST",
            &format!("/api/v1/workshops/{}/certificates", w.id),
            None,
            Some(json!({"member_ids": [petra.0.id.to_string()]})),
        )
        .await;
    assert_eq!(issued.json()["issued"], 1);
    let mine = petra
        .1
        .get(&format!("/api/v1/workshops/{}/certificates", w.id))
        .await
        .json();
    let code = mine["certificates"][0]["code"].as_str().unwrap().to_owned();
    assert!(
        w.people[1]
            .1
            .get(&format!("/api/v1/workshops/{}/certificates", w.id))
            .await
            .json()["certificates"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let anyone = app
        .browser()
        .get(&format!("/api/v1/certificates/{code}"))
        .await;
    assert_eq!(anyone.status, StatusCode::OK);
    assert_eq!(anyone.json()["holder"], "Petra");
    assert!(anyone.json()["revoked_at"].is_null());
    let revoked = w
        .lead
        .api(
            "POST",
            &format!("/api/v1/workshops/{}/certificates/{code}/revoke", w.id),
            None,
            None,
        )
        .await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);
    assert!(
        app.browser()
            .get(&format!("/api/v1/certificates/{code}"))
            .await
            .json()["revoked_at"]
            .is_string()
    );
    assert_eq!(
        app.browser().get("/api/v1/certificates/nope").await.status,
        StatusCode::NOT_FOUND
    );

    // A participants file: checked row by row, then imported.
    let newcomer = app.create_member("Newcomer").await;
    let csv = format!(
        "Name;E-mail\nNew;{}\nBroken;not-an-address\n",
        newcomer.email
    );
    let import = format!("/api/v1/workshops/{}/participants/import", w.id);
    let checked = w.lead.api_raw("POST", &import, "text/csv", &csv).await;
    assert_eq!(checked.status, StatusCode::OK, "{}", checked.body);
    let report = checked.json();
    assert_eq!(report["dry_run"], true);
    assert_eq!(report["rows"][0]["outcome"], "invite");
    assert_eq!(report["rows"][1]["outcome"], "reject");
    assert!(report["rows"][1]["reason"].as_str().unwrap().len() > 5);
    assert_eq!(
        petra
            .1
            .api_raw("POST", &import, "text/csv", &csv)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let done = w
        .lead
        .api_raw("POST", &format!("{import}?dry_run=false"), "text/csv", &csv)
        .await;
    assert_eq!(done.json()["invited"], 1);
    let again = w
        .lead
        .api_raw("POST", &format!("{import}?dry_run=false"), "text/csv", &csv)
        .await;
    assert_eq!(
        again.json()["invited"],
        0,
        "the same file twice invites nobody twice"
    );
    assert_eq!(again.json()["rows"][0]["outcome"], "already-invited");
}
