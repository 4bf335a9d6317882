//! Commitments: asked of someone, followed along their path with invalid moves refused, seen
//! only by the two people involved, followed up in the asker's list and counted in the kept rate.

use praxis_testkit::TestApp;
use reqwest::StatusCode;
use serde_json::json;

fn in_days(days: i64) -> String {
    (time::OffsetDateTime::now_utc().date() + time::Duration::days(days)).to_string()
}

#[tokio::test]
async fn a_commitment_moves_along_its_path_and_only_its_two_people_see_it() {
    let app = TestApp::spawn().await;
    let asker = app.create_member("Asker").await;
    let asked = app.create_member("Asked").await;
    let stranger = app.create_member("Stranger").await;
    let a = app.signed_in(&asker).await;
    let b = app.signed_in(&asked).await;
    let s = app.signed_in(&stranger).await;

    let bad = a
        .api(
            "POST",
            "/api/v1/commitments",
            None,
            Some(json!({"asked_id": "nobody", "what": " ", "due": "soon"})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &bad.json()["error"]["fields"];
    for field in ["asked_id", "what", "due"] {
        assert!(fields[field].is_string(), "{field} is named: {}", bad.body);
    }
    assert!(
        a.get("/api/v1/commitments").await.json()["asked_by_me"]
            .as_array()
            .unwrap()
            .is_empty(),
        "a refused ask stores nothing"
    );

    let created = a
        .api("POST", "/api/v1/commitments", None, Some(json!({"asked_id": asked.id.to_string(), "what": "Bring ten people to the house meeting", "due": in_days(3), "context": "Rent campaign, peak 1"})))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json()["id"].as_str().unwrap().to_owned();
    let mail = app.mail_to(&asked.email).await;
    assert!(mail.body.contains("/commitments"));
    assert!(
        !mail.body.contains("house meeting") && !mail.body.contains("Rent campaign"),
        "what was asked stays on the site"
    );

    let mine = a.get("/api/v1/commitments").await.json();
    assert_eq!(
        mine["follow_up"][0]["id"],
        id.as_str(),
        "due within a week and unconfirmed"
    );
    assert_eq!(mine["kept_rate"], serde_json::Value::Null);
    let theirs = b.get("/api/v1/commitments").await.json();
    assert_eq!(
        theirs["asked_of_me"][0]["what"],
        "Bring ten people to the house meeting"
    );
    assert_eq!(theirs["asked_of_me"][0]["asker"], "Asker");

    // A stranger neither sees nor moves it.
    let strangers = s.get("/api/v1/commitments").await;
    assert!(!strangers.body.contains("house meeting"));
    let moved = s
        .api(
            "POST",
            &format!("/api/v1/commitments/{id}/status"),
            None,
            Some(json!({"status": "agreed"})),
        )
        .await;
    assert_eq!(moved.status, StatusCode::NOT_FOUND);
    assert!(!moved.body.contains("house meeting"));

    // Skipping a step is refused, naming the field; nothing changes.
    let skip = b
        .api(
            "POST",
            &format!("/api/v1/commitments/{id}/status"),
            None,
            Some(json!({"status": "done"})),
        )
        .await;
    assert_eq!(skip.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(skip.json()["error"]["fields"]["status"].is_string());
    assert_eq!(
        b.get("/api/v1/commitments").await.json()["asked_of_me"][0]["status"],
        "asked"
    );

    app.deliver_mail().await;
    for step in ["agreed", "confirmed", "done"] {
        let r = b
            .api(
                "POST",
                &format!("/api/v1/commitments/{id}/status"),
                None,
                Some(json!({"status": step})),
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{step}: {}", r.body);
    }
    let answered = app.mail_to(&asker.email).await;
    assert!(
        answered.body.contains("/commitments") && !answered.body.contains("house meeting"),
        "the asker learns of the answer from a link only: {}",
        answered.body
    );
    let closed = a
        .api(
            "POST",
            &format!("/api/v1/commitments/{id}/status"),
            None,
            Some(json!({"status": "flaked"})),
        )
        .await;
    assert_eq!(
        closed.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a done commitment stays done"
    );

    // A second one flakes: the kept rate is one in two.
    let second = a
        .api("POST", "/api/v1/commitments", None, Some(json!({"asked_id": asked.id.to_string(), "what": "Call five tenants", "due": in_days(30)})))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for step in ["agreed", "flaked"] {
        b.api(
            "POST",
            &format!("/api/v1/commitments/{second}/status"),
            None,
            Some(json!({"status": step})),
        )
        .await;
    }
    let mine = a.get("/api/v1/commitments").await.json();
    assert_eq!(mine["kept_rate"], 50);
    assert!(
        mine["follow_up"].as_array().unwrap().is_empty(),
        "nothing open is left to follow up"
    );
}

#[tokio::test]
async fn the_page_asks_follows_up_and_refuses_a_bad_move_naming_it() {
    let app = TestApp::spawn().await;
    let asker = app.create_member("Asker").await;
    let asked = app.create_member("Asked").await;
    let a = app.signed_in(&asker).await;
    let b = app.signed_in(&asked).await;

    let empty = a
        .post_form(
            "/commitments",
            &[("asked_id", ""), ("what", ""), ("due", "")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        empty.has("[data-test=error-asked_id]")
            && empty.has("[data-test=error-what]")
            && empty.has("[data-test=error-due]")
    );

    let profile = format!("http://localhost/members/{}", asked.id);
    let done = a
        .post_form(
            "/commitments",
            &[
                ("asked_id", &profile),
                ("what", "Chair the meeting"),
                ("due", &in_days(2)),
            ],
        )
        .await;
    assert_eq!(
        done.status,
        StatusCode::SEE_OTHER,
        "a profile address names the member"
    );
    let page = a.get("/commitments").await;
    assert!(
        page.text("[data-test=follow-up]")
            .contains("Chair the meeting")
    );
    let theirs = b.get("/commitments").await;
    assert!(theirs.has("[data-test=asked-of-me] [data-test=move-agreed]"));
    let id = theirs
        .attr("[data-test=asked-of-me] input[name=commitment]", "value")
        .unwrap();
    let wrong = b
        .post_form(
            "/commitments/move",
            &[("commitment", &id), ("status", "confirmed")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.has("[data-test=form-errors]"));
    let anonymous = app.browser().get("/commitments").await;
    assert!(anonymous.status.is_redirection(), "{}", anonymous.status);
}

#[tokio::test]
async fn commitments_come_a_page_at_a_time_and_the_kept_rate_counts_them_all() {
    let app = TestApp::spawn().await;
    let asker = app.create_member("Asker").await;
    let asked = app.create_member("Asked").await;
    let a = app.signed_in(&asker).await;
    let b = app.signed_in(&asked).await;
    let mut ids = Vec::new();
    for i in 0..53 {
        let r = a
            .api(
                "POST",
                "/api/v1/commitments",
                None,
                Some(json!({"asked_id": asked.id.to_string(), "what": format!("Task {i}"), "due": in_days(10 + i)})),
            )
            .await;
        ids.push(r.json()["id"].as_str().unwrap().to_owned());
    }
    // The last one (due latest, so on the second page) is done: it still counts.
    for step in ["agreed", "done"] {
        b.api(
            "POST",
            &format!("/api/v1/commitments/{}/status", ids[52]),
            None,
            Some(json!({"status": step})),
        )
        .await;
    }
    let first = a.get("/api/v1/commitments").await.json();
    assert_eq!(first["asked_by_me"].as_array().unwrap().len(), 50);
    assert_eq!(
        first["asked_by_me"][0]["what"], "Task 0",
        "soonest due first"
    );
    assert_eq!(first["kept_rate"], 100);
    let next = first["asked_by_me_next"]
        .as_str()
        .expect("a next page")
        .to_owned();
    let second = a
        .get(&format!("/api/v1/commitments?by_after={next}"))
        .await
        .json();
    assert_eq!(second["asked_by_me"].as_array().unwrap().len(), 3);
    assert!(second["asked_by_me_next"].is_null());
    let theirs = b.get("/api/v1/commitments").await.json();
    assert_eq!(theirs["asked_of_me"].as_array().unwrap().len(), 50);
    assert!(theirs["asked_of_me_next"].is_string());
    let page = a.get("/commitments").await;
    assert!(page.has("[data-test=next-asked-by-me]"));
}

#[tokio::test]
async fn a_commitment_made_at_a_session_or_in_a_one_on_one_shows_where_only_to_who_may_see_it() {
    use crate::nodes::{fields, make_node};
    use praxis_domain::nodes::{JoinPolicy, NodeVisibility};

    let app = TestApp::spawn().await;
    let lead = app.create_member("Lead").await;
    let asked = app.create_member("Asked").await;
    let other = app.create_member("Other Organizer").await;
    let l = app.signed_in(&lead).await;
    let b = app.signed_in(&asked).await;
    let o = app.signed_in(&other).await;
    let today = in_days(0);

    // A workshop every member sees, and one kept to a secret node the asked member is not in.
    let node = make_node(
        &app,
        &lead,
        None,
        &fields("trainers", NodeVisibility::Secret, JoinPolicy::Open, false),
    )
    .await;
    let mut sessions = Vec::new();
    for (title, scope, node) in [
        ("Open training", "members", None),
        ("Trainers' retreat", "node", Some(node.to_string())),
    ] {
        let w = l
            .api("POST", "/api/v1/workshops", None, Some(json!({"title": title, "format": "online", "time_zone": "UTC", "participant_capacity": 10, "coach_capacity": 2, "scope": scope, "node": node})))
            .await;
        assert_eq!(w.status, StatusCode::CREATED, "{}", w.body);
        let id = w.json()["id"].as_str().unwrap().to_owned();
        let s = l
            .api(
                "POST",
                &format!("/api/v1/workshops/{id}/sessions"),
                None,
                Some(json!({"date": today, "start": "17:00", "duration_minutes": 90, "module": "public_narrative"})),
            )
            .await;
        assert_eq!(s.status, StatusCode::CREATED, "{}", s.body);
        sessions.push(s.json()["id"].as_str().unwrap().to_owned());
    }

    // The lead's page offers both sessions as the place of a new commitment.
    let page = l.get("/commitments").await;
    for s in &sessions {
        assert!(
            page.has(&format!("option[value='session:{s}']")),
            "{s} offered"
        );
    }
    // Someone who takes no part in a workshop cannot tie a commitment to its session.
    let refused = o
        .api("POST", "/api/v1/commitments", None, Some(json!({"asked_id": asked.id.to_string(), "what": "Come along", "due": in_days(2), "session_id": sessions[0]})))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.json()["error"]["fields"]["session_id"].is_string());

    for (what, session) in [
        ("Tell my story of self", &sessions[0]),
        ("Recruit two coaches", &sessions[1]),
    ] {
        let r = l
            .api("POST", "/api/v1/commitments", None, Some(json!({"asked_id": asked.id.to_string(), "what": what, "due": in_days(5), "session_id": session})))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }
    let mine = l.get("/api/v1/commitments").await.json();
    let by_me = mine["asked_by_me"].as_array().unwrap();
    assert_eq!(by_me.len(), 2);
    for c in by_me {
        assert_eq!(c["made_at"]["kind"], "session", "{c}");
        assert_eq!(c["made_at"]["module"], "public_narrative");
    }
    let theirs = b.get("/api/v1/commitments").await.json();
    let of_me = theirs["asked_of_me"].as_array().unwrap();
    let made_at = |what: &str| {
        of_me
            .iter()
            .find(|c| c["what"] == what)
            .map(|c| c["made_at"].clone())
            .unwrap()
    };
    assert_eq!(
        made_at("Tell my story of self")["workshop_title"],
        "Open training"
    );
    assert!(
        made_at("Recruit two coaches").is_null(),
        "a workshop the asked member may not see is not named to them"
    );
    let their_page = b.get("/commitments").await;
    assert!(their_page.body.contains("Open training"));
    assert!(
        !their_page.body.contains("Trainers&#x27; retreat") && !their_page.body.contains("retreat")
    );

    // From a one-on-one: its author sees with whom; the asked member only that it was one.
    let logged = l
        .api("POST", "/api/v1/one-on-ones", None, Some(json!({"with_name": "Samira Haddad", "met_on": today, "commitment": "Host a house meeting"})))
        .await;
    let one = logged.json()["id"].as_str().unwrap().to_owned();
    let form = l.get(&format!("/commitments?one_on_one={one}")).await;
    assert!(
        form.has(&format!("option[value='one-on-one:{one}'][selected]")),
        "the one-on-one's link preselects it"
    );
    let both = l
        .post_form(
            "/commitments",
            &[
                ("asked_id", &asked.id.to_string()),
                ("what", "Host a house meeting"),
                ("due", ""),
                ("made_at", &format!("one-on-one:{one}")),
            ],
        )
        .await;
    assert_eq!(both.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(both.has("[data-test=error-due]"));
    assert!(
        both.has(&format!("option[value='one-on-one:{one}'][selected]"))
            && both.has("input[name=what][value='Host a house meeting']"),
        "the form comes back as typed"
    );
    let stolen = o
        .api("POST", "/api/v1/commitments", None, Some(json!({"asked_id": asked.id.to_string(), "what": "x", "due": in_days(2), "one_on_one_id": one})))
        .await;
    assert!(
        stolen.json()["error"]["fields"]["one_on_one_id"].is_string(),
        "only its author ties a commitment to a one-on-one"
    );
    let two_places = l
        .api("POST", "/api/v1/commitments", None, Some(json!({"asked_id": asked.id.to_string(), "what": "x", "due": in_days(2), "one_on_one_id": one, "session_id": sessions[0]})))
        .await;
    assert!(two_places.json()["error"]["fields"]["one_on_one_id"].is_string());
    let made = l
        .post_form(
            "/commitments",
            &[
                ("asked_id", &asked.id.to_string()),
                ("what", "Host a house meeting"),
                ("due", &in_days(6)),
                ("made_at", &format!("one-on-one:{one}")),
            ],
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let mine = l.get("/commitments").await;
    assert!(
        mine.text("[data-test=asked-by-me]")
            .contains("Samira Haddad")
    );
    let theirs = b.get("/api/v1/commitments").await;
    let house = theirs.json()["asked_of_me"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["what"] == "Host a house meeting")
        .unwrap()
        .clone();
    assert_eq!(house["made_at"]["kind"], "one_on_one");
    assert!(house["made_at"]["with_name"].is_null() && house["made_at"]["one_on_one_id"].is_null());
    assert!(!theirs.body.contains("Samira"));
    let page = b.get("/commitments").await;
    assert!(!page.body.contains("Samira"));
    assert!(page.has("[data-test=made-at]"));
    let export = b.get("/api/v1/me/export").await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(
        !export.body.contains("Samira") && !export.body.contains("retreat"),
        "nor in their export"
    );

    // Deleting the one-on-one keeps the commitment, without its place.
    l.post_form(&format!("/one-on-ones/{one}/delete"), &[])
        .await;
    let after = l.get("/api/v1/commitments").await.json();
    let house = after["asked_by_me"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["what"] == "Host a house meeting")
        .unwrap()
        .clone();
    assert!(house["made_at"].is_null());
}

#[tokio::test]
async fn a_member_is_reminded_once_the_day_before_a_commitment_they_agreed_to_comes_due() {
    let app = TestApp::spawn().await;
    let asker = app.create_member("Asker").await;
    let asked = app.create_member("Asked").await;
    let a = app.signed_in(&asker).await;
    let b = app.signed_in(&asked).await;
    let mut ids = Vec::new();
    for (what, due) in [
        ("Bring the banner", in_days(1)),
        ("Book the hall", in_days(5)),
        ("Call the press", in_days(1)),
    ] {
        let r = a
            .api(
                "POST",
                "/api/v1/commitments",
                None,
                Some(json!({"asked_id": asked.id.to_string(), "what": what, "due": due})),
            )
            .await;
        ids.push(r.json()["id"].as_str().unwrap().to_owned());
    }
    // The first two are agreed; the third is still only asked.
    for id in &ids[..2] {
        b.api(
            "POST",
            &format!("/api/v1/commitments/{id}/status"),
            None,
            Some(json!({"status": "agreed"})),
        )
        .await;
    }
    app.deliver_mail().await;

    let sent = praxis_app::commitments::send_reminders(&app.ctx)
        .await
        .unwrap();
    assert_eq!(sent, 1, "only the agreed one due tomorrow");
    let reminder = app.mail_to(&asked.email).await;
    assert!(reminder.body.contains("/commitments"));
    assert!(
        !reminder.body.contains("banner"),
        "what was agreed stays on the site"
    );
    assert_eq!(
        praxis_app::commitments::send_reminders(&app.ctx)
            .await
            .unwrap(),
        0,
        "once"
    );
}

#[tokio::test]
async fn a_member_who_turns_reminders_off_gets_none() {
    let app = TestApp::spawn().await;
    let asker = app.create_member("Asker").await;
    let asked = app.create_member("Asked").await;
    let a = app.signed_in(&asker).await;
    let b = app.signed_in(&asked).await;

    let page = b.get("/settings/account").await;
    assert!(
        page.has("[data-test=reminders][checked]"),
        "on unless turned off"
    );
    assert!(
        !page.text("title").contains("export") && !page.text("title").contains('<'),
        "the page's title is only its title"
    );
    let saved = b.post_form("/settings/reminders", &[]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert!(
        !b.get("/settings/account")
            .await
            .has("[data-test=reminders][checked]")
    );
    assert_eq!(
        b.get("/api/v1/me/reminders").await.json()["reminders"],
        false
    );

    let id = a
        .api("POST", "/api/v1/commitments", None, Some(json!({"asked_id": asked.id.to_string(), "what": "Bring the banner", "due": in_days(1)})))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    b.api(
        "POST",
        &format!("/api/v1/commitments/{id}/status"),
        None,
        Some(json!({"status": "agreed"})),
    )
    .await;
    app.deliver_mail().await;
    assert_eq!(
        praxis_app::commitments::send_reminders(&app.ctx)
            .await
            .unwrap(),
        0
    );

    // Turned on again (through the API), the reminder comes.
    let on = b
        .api(
            "PUT",
            "/api/v1/me/reminders",
            None,
            Some(json!({"reminders": true})),
        )
        .await;
    assert_eq!(on.status, StatusCode::OK, "{}", on.body);
    let bad = b
        .api(
            "PUT",
            "/api/v1/me/reminders",
            None,
            Some(json!({"reminders": "yes"})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("reminders"), "{}", bad.body);
    assert_eq!(
        praxis_app::commitments::send_reminders(&app.ctx)
            .await
            .unwrap(),
        1
    );
    app.mail_to(&asked.email).await;
}
