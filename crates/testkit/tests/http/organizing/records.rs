//! Lessons and reflections page by page, deletion, commitments to teammates, reflections on workshops.

use super::*;

#[tokio::test]
async fn a_nodes_lessons_come_a_page_at_a_time_and_skip_what_is_hidden() {
    let w = world(NodeVisibility::Public).await;
    let t = w.app.signed_in(&w.teammate).await;
    let m = w.app.signed_in(&w.member).await;
    let campaign = t
        .api(
            "POST",
            "/api/v1/campaigns",
            None,
            Some(campaign_body("node", None)),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let node_reflection = t
        .api("POST", &format!("/api/v1/campaigns/{campaign}/reflections"), None, Some(json!({"subject": "action", "label": "Open", "reach": "node", "intended": "a", "happened": "b"})))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let team_campaign = t
        .api(
            "POST",
            "/api/v1/campaigns",
            None,
            Some(campaign_body("team", Some(&w.team))),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let team_reflection = t
        .api("POST", &format!("/api/v1/campaigns/{team_campaign}/reflections"), None, Some(json!({"subject": "action", "label": "Closed", "reach": "team", "intended": "a", "happened": "b"})))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // 32 lessons the whole node sees, interleaved with 10 kept to the team.
    for i in 0..42 {
        let source = if i % 4 == 3 {
            &team_reflection
        } else {
            &node_reflection
        };
        let r = t
            .api(
                "POST",
                "/api/v1/lessons",
                None,
                Some(json!({"reflection_ids": [source], "statement": format!("Lesson {i}")})),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }
    let first = m.get("/api/v1/lessons?node=rent").await.json();
    assert_eq!(first["lessons"].as_array().unwrap().len(), 30);
    let next = first["next"].as_str().expect("a next page").to_owned();
    let second = m
        .get(&format!("/api/v1/lessons?node=rent&after={next}"))
        .await
        .json();
    assert_eq!(
        second["lessons"].as_array().unwrap().len(),
        2,
        "the team's lessons are skipped, not counted"
    );
    assert!(second["next"].is_null());
    let page = m.get("/nodes/rent/lessons").await;
    assert_eq!(page.count("[data-test=lesson]"), 30);
    assert!(page.has("[data-test=next-page]"));
    let teammate_total = t.get("/api/v1/lessons?node=rent").await.json()["lessons"]
        .as_array()
        .unwrap()
        .len()
        + t.get(&format!(
            "/api/v1/lessons?node=rent&after={}",
            t.get("/api/v1/lessons?node=rent").await.json()["next"]
                .as_str()
                .unwrap()
        ))
        .await
        .json()["lessons"]
            .as_array()
            .unwrap()
            .len();
    assert_eq!(teammate_total, 42, "the team sees its own lessons too");
}

#[tokio::test]
async fn campaigns_reflections_and_lessons_are_deleted_by_their_author_or_a_steward_only() {
    let w = world(NodeVisibility::Public).await;
    let app = &w.app;
    let t = app.signed_in(&w.teammate).await;
    let s = app.signed_in(&w.steward).await;
    let m = app.signed_in(&w.member).await;
    let o = app.signed_in(&w.outsider).await;

    let campaign = t
        .api(
            "POST",
            "/api/v1/campaigns",
            None,
            Some(campaign_body("node", Some(&w.team))),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut reflections = Vec::new();
    for label in ["First peak", "Second peak"] {
        let r = t
            .api("POST", &format!("/api/v1/campaigns/{campaign}/reflections"), None, Some(json!({"subject": "phase", "label": label, "reach": "node", "intended": "a crowd", "happened": "a smaller crowd", "improve": "Childcare at meetings"})))
            .await;
        reflections.push(r.json()["id"].as_str().unwrap().to_owned());
    }
    let lid = t
        .api("POST", "/api/v1/lessons", None, Some(json!({"reflection_ids": reflections, "statement": "Childcare doubles turnout", "practices": ["structure"]})))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    s.api(
        "POST",
        &format!("/api/v1/lessons/{lid}/status"),
        None,
        Some(json!({"status": "identified", "reach": "network"})),
    )
    .await;
    let asked = t
        .api("POST", "/api/v1/commitments", None, Some(json!({"asked_id": w.member.id.to_string(), "what": "Door-knock ten flats", "due": "2027-01-10", "campaign_id": campaign})))
        .await;
    assert_eq!(asked.status, StatusCode::CREATED, "{}", asked.body);

    // Who may not see it gets 404; who sees it but neither wrote it nor stewards gets 403.
    for path in [
        format!("/api/v1/campaigns/{campaign}"),
        format!("/api/v1/reflections/{}", reflections[0]),
    ] {
        assert_eq!(
            o.api("DELETE", &path, None, None).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
        assert_eq!(
            m.api("DELETE", &path, None, None).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    assert_eq!(
        m.api("DELETE", &format!("/api/v1/lessons/{lid}"), None, None)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let page = m
        .post_form(&format!("/campaigns/{campaign}/delete"), &[])
        .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(
        !m.get(&format!("/campaigns/{campaign}"))
            .await
            .has("[data-test=delete-campaign]")
    );
    assert!(
        !m.get(&format!("/campaigns/{campaign}"))
            .await
            .has("[data-test=delete-reflection]")
    );
    assert_eq!(
        t.get(&format!("/campaigns/{campaign}"))
            .await
            .count("[data-test=delete-reflection]"),
        2,
        "the author may delete each of theirs"
    );

    // The author deletes a reflection from the page: the lesson stays with one source.
    let gone = t
        .post_form(&format!("/reflections/{}/delete", reflections[0]), &[])
        .await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER);
    assert_eq!(
        t.get(&format!("/api/v1/reflections/{}", reflections[0]))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let lesson = m.get(&format!("/api/v1/lessons/{lid}")).await.json();
    assert_eq!(lesson["sources"].as_array().unwrap().len(), 1, "{lesson}");

    // The steward deletes the lesson: it leaves its page, the node's list and the search.
    app.search_sync().await;
    assert_eq!(
        o.get("/api/v1/search?q=childcare&type=lesson").await.json()["total"],
        1
    );
    assert!(
        s.get(&format!("/lessons/{lid}"))
            .await
            .has("[data-test=delete-lesson]")
    );
    let deleted = s
        .post_form(&format!("/lessons/{lid}"), &[("action", "delete")])
        .await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER, "{}", deleted.body);
    assert_eq!(
        m.get(&format!("/api/v1/lessons/{lid}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        !m.get("/nodes/rent/lessons")
            .await
            .body
            .contains("Childcare doubles")
    );
    app.search_sync().await;
    assert_eq!(o.get("/api/v1/search?q=childcare").await.json()["total"], 0);

    // The campaign's creator deletes it: its reflection goes too, its commitment stays.
    let removed = t
        .post_form(&format!("/campaigns/{campaign}/delete"), &[])
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        t.get(&format!("/api/v1/campaigns/{campaign}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.get(&format!("/api/v1/reflections/{}", reflections[1]))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let mine = t.get("/api/v1/commitments").await.json();
    assert_eq!(mine["asked_by_me"][0]["what"], "Door-knock ten flats");
    assert!(mine["asked_by_me"][0]["campaign"].is_null());
}

#[tokio::test]
async fn an_organizer_asks_a_teammate_for_a_commitment_by_picking_their_name() {
    let w = world(NodeVisibility::Public).await;
    let t = w.app.signed_in(&w.teammate).await;
    let added = t
        .post_form(
            &format!("/teams/{}/members", w.team),
            &[
                ("member", &w.member.id.to_string()),
                ("role", "door-knocker"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let page = t.get("/commitments").await;
    assert!(page.has(&format!(
        "select[name=asked_pick] option[value='{}']",
        w.member.id
    )));
    assert!(
        !page.has(&format!(
            "select[name=asked_pick] option[value='{}']",
            w.outsider.id
        )),
        "only people on the organizer's teams are offered"
    );
    let asked = t
        .post_form(
            "/commitments",
            &[
                ("asked_pick", &w.member.id.to_string()),
                ("asked_id", ""),
                ("what", "Knock on twenty doors"),
                ("due", "2027-02-01"),
            ],
        )
        .await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.body);
    let theirs = w
        .app
        .signed_in(&w.member)
        .await
        .get("/api/v1/commitments")
        .await
        .json();
    assert_eq!(theirs["asked_of_me"][0]["what"], "Knock on twenty doors");
}

#[tokio::test]
async fn a_reflection_on_a_workshop_names_it_and_shows_on_its_page_to_who_may_read_it() {
    let w = world(NodeVisibility::Public).await;
    let app = &w.app;
    let s = app.signed_in(&w.steward).await;
    let m = app.signed_in(&w.member).await;
    let t = app.signed_in(&w.teammate).await;
    let o = app.signed_in(&w.outsider).await;
    let mut workshops = Vec::new();
    for title in ["Spring training", "Autumn training"] {
        let r = s
            .api("POST", "/api/v1/workshops", None, Some(json!({"title": title, "format": "online", "time_zone": "UTC", "participant_capacity": 10, "coach_capacity": 2, "scope": "members"})))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        workshops.push(r.json()["id"].as_str().unwrap().to_owned());
    }
    let staffed = s
        .api(
            "POST",
            &format!("/api/v1/workshops/{}/staff", workshops[0]),
            None,
            Some(json!({"member_id": w.member.id.to_string(), "role": "trainer"})),
        )
        .await;
    assert_eq!(staffed.status, StatusCode::NO_CONTENT, "{}", staffed.body);

    let body = |subject: &str, workshop: &str, label: &str| json!({"node": "rent", "subject": subject, "workshop_id": workshop, "label": label, "reach": "node", "intended": "Twenty new leaders", "happened": "Twelve came, eight stayed", "improve": "Evening sessions"});
    let not_mine = m
        .api(
            "POST",
            "/api/v1/reflections",
            None,
            Some(body("workshop", &workshops[1], "x")),
        )
        .await;
    assert_eq!(not_mine.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        not_mine.json()["error"]["fields"]["workshop_id"].is_string(),
        "only a workshop one took part in"
    );
    let wrong_subject = m
        .api(
            "POST",
            "/api/v1/reflections",
            None,
            Some(body("action", &workshops[0], "x")),
        )
        .await;
    assert!(wrong_subject.json()["error"]["fields"]["workshop_id"].is_string());
    assert_eq!(
        o.api(
            "POST",
            "/api/v1/reflections",
            None,
            Some(body("action", "", "x"))
        )
        .await
        .status,
        StatusCode::FORBIDDEN,
        "only the node's members reflect in it"
    );
    let made = m
        .api(
            "POST",
            "/api/v1/reflections",
            None,
            Some(body("workshop", &workshops[0], "After the spring training")),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);

    // On the node's page and in its list, with the workshop named.
    let hub = t.get("/nodes/rent/organizing").await;
    assert!(
        hub.text("[data-test=reflection-workshop]")
            .contains("Spring training")
    );
    let list = t.get("/api/v1/reflections?node=rent").await.json();
    assert_eq!(
        list["reflections"][0]["workshop"]["title"],
        "Spring training"
    );

    // On the workshop's page: for the node's members, not for a member outside the node.
    let page = t.get(&format!("/workshops/{}", workshops[0])).await;
    assert!(
        page.text("[data-test=workshop-reflection]")
            .contains("After the spring training")
    );
    let outside = o.get(&format!("/workshops/{}", workshops[0])).await;
    assert_eq!(outside.status, StatusCode::OK);
    assert!(!outside.body.contains("After the spring training"));
    let api = o
        .get(&format!("/api/v1/workshops/{}/reflections", workshops[0]))
        .await
        .json();
    assert!(api["reflections"].as_array().unwrap().is_empty());
    assert!(
        o.get("/api/v1/reflections?node=rent").await.json()["reflections"]
            .as_array()
            .unwrap()
            .is_empty(),
        "nor in the node's list"
    );

    // The list comes a page at a time; a team's reflection is skipped for others.
    let team_only = t
        .api("POST", "/api/v1/reflections", None, Some(json!({"node": "rent", "team_id": w.team, "subject": "action", "label": "Team only", "reach": "team", "intended": "a", "happened": "b"})))
        .await;
    assert_eq!(team_only.status, StatusCode::CREATED, "{}", team_only.body);
    for i in 0..30 {
        let r = m
            .api(
                "POST",
                "/api/v1/reflections",
                None,
                Some(body("action", "", &format!("Action {i}"))),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
    }
    let first = m.get("/api/v1/reflections?node=rent").await.json();
    assert_eq!(first["reflections"].as_array().unwrap().len(), 30);
    let next = first["next"].as_str().unwrap().to_owned();
    let second = m
        .get(&format!("/api/v1/reflections?node=rent&after={next}"))
        .await
        .json();
    let labels: Vec<&str> = second["reflections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["After the spring training"], "{second}");
    assert!(!first.to_string().contains("Team only"));
    let theirs = t.get("/api/v1/reflections?node=rent").await.json();
    let theirs_next = theirs["next"].as_str().unwrap().to_owned();
    assert!(
        t.get(&format!(
            "/api/v1/reflections?node=rent&after={theirs_next}"
        ))
        .await
        .body
        .contains("Team only"),
        "its team reads it"
    );
    let page = m.get("/nodes/rent/organizing").await;
    assert!(page.has("[data-test=next-reflections]"));
}
