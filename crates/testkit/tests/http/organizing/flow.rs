//! The whole path: a team plans a campaign, reflects, and another node finds the lesson.

use super::*;

#[tokio::test]
async fn a_team_plans_a_campaign_reflects_and_another_node_finds_the_lesson() {
    let w = world(NodeVisibility::Public).await;
    let app = &w.app;
    let t = app.signed_in(&w.teammate).await;
    let s = app.signed_in(&w.steward).await;
    let m = app.signed_in(&w.member).await;

    // The team: roles, a health check charted, bad scores named.
    let bad = t
        .api(
            "POST",
            &format!("/api/v1/teams/{}/health", w.team),
            None,
            Some(json!({"scores": {"real_team": 4, "compelling_purpose": 9}})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.json()["error"]["fields"]["compelling_purpose"].is_string(),
        "{}",
        bad.body
    );
    for score in [2, 4] {
        let scores: serde_json::Map<String, Value> = [
            "real_team",
            "compelling_purpose",
            "right_people",
            "sound_structure",
            "supportive_context",
            "team_coaching",
        ]
        .iter()
        .map(|c| ((*c).to_owned(), json!(score)))
        .collect();
        let ok = t
            .api(
                "POST",
                &format!("/api/v1/teams/{}/health", w.team),
                None,
                Some(json!({"scores": scores, "notes": "after the first peak"})),
            )
            .await;
        assert_eq!(ok.status, StatusCode::NO_CONTENT, "{}", ok.body);
    }
    let team_page = t.get(&format!("/teams/{}", w.team)).await;
    assert_eq!(team_page.count("[data-test=health-line]"), 6);
    let seen_by_member = m.get(&format!("/api/v1/teams/{}", w.team)).await.json();
    assert_eq!(seen_by_member["members"][0]["role"], "coordinator");
    assert!(
        seen_by_member["health_checks"]
            .as_array()
            .unwrap()
            .is_empty(),
        "health is the team's own business"
    );

    // The campaign, its timeline and a commitment kept.
    let bad = t
        .api(
            "POST",
            "/api/v1/campaigns",
            None,
            Some(json!({"node": "rent", "title": "", "reach": "team", "goal_target": "lots"})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["title", "reach", "goal_target"] {
        assert!(
            bad.json()["error"]["fields"][field].is_string(),
            "{field}: {}",
            bad.body
        );
    }
    let id = t
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
    for (kind, on, goal, actual) in [
        ("foundation", "2027-01-15", 50, json!(60)),
        ("peak", "2027-03-01", 200, json!(150)),
    ] {
        let r = t
            .api(
                "POST",
                &format!("/api/v1/campaigns/{id}/phases"),
                None,
                Some(json!({"kind": kind, "on": on, "goal": goal, "actual": actual})),
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    }
    let bad_phase = t
        .api(
            "POST",
            &format!("/api/v1/campaigns/{id}/phases"),
            None,
            Some(json!({"kind": "peak", "on": "soon", "goal": -3})),
        )
        .await;
    assert_eq!(bad_phase.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad_phase.json()["error"]["fields"]["on"].is_string()
            && bad_phase.json()["error"]["fields"]["goal"].is_string()
    );
    let actor = t
        .api(
            "POST",
            &format!("/api/v1/campaigns/{id}/actors"),
            None,
            Some(json!({"name": "The landlord", "category": "opposition", "interests": "profit"})),
        )
        .await;
    assert_eq!(actor.status, StatusCode::NO_CONTENT);
    let ask = t
        .api("POST", "/api/v1/commitments", None, Some(json!({"asked_id": w.member.id.to_string(), "what": "Door-knock ten flats", "due": "2027-01-10", "campaign_id": id})))
        .await;
    assert_eq!(ask.status, StatusCode::CREATED, "{}", ask.body);
    let cid = ask.json()["id"].as_str().unwrap().to_owned();
    for step in ["agreed", "done"] {
        m.api(
            "POST",
            &format!("/api/v1/commitments/{cid}/status"),
            None,
            Some(json!({"status": step})),
        )
        .await;
    }
    let page = t.get(&format!("/campaigns/{id}")).await;
    assert_eq!(page.count("[data-test=goal-bar]"), 2);
    assert_eq!(page.count("[data-test=actual-bar]"), 2);
    assert!(
        page.text("[data-test=bar-pct]").contains("120 %"),
        "60 of 50 is 120 %"
    );
    assert!(page.text("[data-test=campaign-kept-rate]").contains("100"));
    let api = t.get(&format!("/api/v1/campaigns/{id}")).await.json();
    assert_eq!(api["phases"][1]["progress"], 75);
    assert_eq!(api["kept_rate"], 100);
    assert_eq!(api["strategy"]["toc_because"], "he cannot replace everyone");
    let chart = t.get(&format!("/campaigns/{id}/chart.svg")).await;
    assert_eq!(chart.status, StatusCode::OK);
    assert!(
        chart.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("image/svg+xml")
    );
    assert!(
        chart.body.contains("<svg")
            && chart.body.contains("120 %")
            && chart.body.contains("Fair rent"),
        "the chart as a file of its own, for slides: {}",
        chart.body
    );
    let outsider = app.signed_in(&w.outsider).await;
    assert_eq!(
        outsider
            .get(&format!("/campaigns/{id}/chart.svg"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Two reflections after the peak: one kept to the team, one for the node.
    let mut reflections = Vec::new();
    for (reach, label) in [
        ("team", "Peak one, inside the team"),
        ("node", "Peak one, for the node"),
    ] {
        let r = t
            .api("POST", &format!("/api/v1/campaigns/{id}/reflections"), None, Some(json!({"subject": "phase", "label": label, "reach": reach, "intended": "200 tenants at the town hall", "happened": "150 came; the landlord's agent met us", "sustain": "One-on-ones before each action", "improve": "Childcare at meetings"})))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        reflections.push(r.json()["id"].as_str().unwrap().to_owned());
    }
    let hidden = m
        .get(&format!("/api/v1/reflections/{}", reflections[0]))
        .await;
    assert_eq!(
        hidden.status,
        StatusCode::NOT_FOUND,
        "a team's reflection stays with the team"
    );
    let member_export = m.get(&format!("/campaigns/{id}/export.md")).await;
    assert!(
        member_export.body.contains("Peak one, for the node")
            && !member_export.body.contains("Peak one, inside the team")
    );
    let team_export = t
        .get(&format!("/api/v1/campaigns/{id}/export"))
        .await
        .json();
    assert_eq!(team_export["reflections"].as_array().unwrap().len(), 2);

    // A lesson from both; the member sees one source masked.
    let lesson = t
        .api("POST", "/api/v1/lessons", None, Some(json!({"reflection_ids": reflections, "statement": "Childcare doubles turnout of single parents", "practices": ["structure"], "domains": ["housing"], "regions": ["Sarajevo"]})))
        .await;
    assert_eq!(lesson.status, StatusCode::CREATED, "{}", lesson.body);
    let lid = lesson.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(
        m.get(&format!("/api/v1/lessons/{lid}")).await.status,
        StatusCode::NOT_FOUND,
        "a lesson of a team starts inside it"
    );

    // Only stewards move it, one step at a time, and share it.
    let not_steward = t
        .api(
            "POST",
            &format!("/api/v1/lessons/{lid}/status"),
            None,
            Some(json!({"status": "identified", "reach": "network"})),
        )
        .await;
    assert_eq!(not_steward.status, StatusCode::FORBIDDEN);
    let skip = s
        .api(
            "POST",
            &format!("/api/v1/lessons/{lid}/status"),
            None,
            Some(json!({"status": "adopted", "reach": "network"})),
        )
        .await;
    assert_eq!(skip.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(skip.json()["error"]["fields"]["status"].is_string());
    app.deliver_mail().await;
    let shared = s
        .api(
            "POST",
            &format!("/api/v1/lessons/{lid}/status"),
            None,
            Some(json!({"status": "identified", "reach": "network"})),
        )
        .await;
    assert_eq!(shared.status, StatusCode::NO_CONTENT, "{}", shared.body);
    let told = app.mail_to(&w.teammate.email).await;
    assert!(
        told.body.contains(&format!("/lessons/{lid}")) && !told.body.contains("Childcare"),
        "the lesson's author learns it moved, from a link only: {}",
        told.body
    );
    let seen = m.get(&format!("/api/v1/lessons/{lid}")).await.json();
    let sources = seen["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 2);
    assert_eq!(
        sources.iter().filter(|x| x["readable"] == false).count(),
        1,
        "the team's reflection is masked"
    );
    assert!(!seen.to_string().contains("inside the team"));
    let page = m.get(&format!("/lessons/{lid}")).await;
    assert_eq!(page.count("[data-test=private-source]"), 1);
    assert!(!page.body.contains("inside the team"));

    // Linked to a library item, the lesson shows on the item's page for those who may see it.
    let item = crate::library::publish(
        &t,
        crate::library::worksheet("Building committee guide", "members"),
    )
    .await;
    let linked = t
        .post_form(
            &format!("/lessons/{lid}"),
            &[("action", "link"), ("item", &format!("/library/{item}"))],
        )
        .await;
    assert_eq!(linked.status, StatusCode::SEE_OTHER);
    let bad_link = t
        .post_form(
            &format!("/lessons/{lid}"),
            &[("action", "link"), ("item", "nothing")],
        )
        .await;
    assert!(bad_link.has("[data-test=error-item]"));
    assert!(
        m.get(&format!("/library/{item}"))
            .await
            .text("[data-test=item-lessons]")
            .contains("Childcare doubles")
    );

    // Someone in another node finds it by searching, with its facets, and endorses it.
    let other = app.create_member("Elsewhere").await;
    let e = app.signed_in(&other).await;
    app.search_sync().await;
    let found = e.get("/api/v1/search?q=childcare&type=lesson").await.json();
    assert_eq!(found["hits"][0]["id"], lid.as_str(), "{found}");
    let facets = found["facets"].to_string();
    assert!(
        facets.contains("housing") && facets.contains("structure"),
        "{facets}"
    );
    let endorsed = e
        .api(
            "POST",
            &format!("/api/v1/lessons/{lid}/endorsements"),
            None,
            Some(json!({"context": "Worked for us too, in Mostar, with students"})),
        )
        .await;
    assert_eq!(endorsed.status, StatusCode::NO_CONTENT);
    let told = app.mail_to(&w.teammate.email).await;
    assert!(told.body.contains(&format!("/lessons/{lid}")) && !told.body.contains("Mostar"));
    e.api(
        "POST",
        &format!("/api/v1/lessons/{lid}/endorsements"),
        None,
        Some(json!({"context": "Worked for us too, in Mostar, with students and parents"})),
    )
    .await;
    assert!(
        app.deliver_mail()
            .await
            .iter()
            .all(|m| m.recipient != w.teammate.email),
        "a changed endorsement does not mail again"
    );
    assert_eq!(
        e.get(&format!("/api/v1/lessons/{lid}")).await.json()["endorsements"][0]["context"],
        "Worked for us too, in Mostar, with students and parents",
        "a second endorsement replaces the first"
    );
    let empty = e
        .api(
            "POST",
            &format!("/api/v1/lessons/{lid}/endorsements"),
            None,
            Some(json!({"context": " "})),
        )
        .await;
    assert!(empty.json()["error"]["fields"]["context"].is_string());

    // Back to the team: the steward narrows it again, and search forgets it.
    s.api(
        "POST",
        &format!("/api/v1/lessons/{lid}/status"),
        None,
        Some(json!({"status": "identified", "reach": "team"})),
    )
    .await;
    app.search_sync().await;
    let gone = e.get("/api/v1/search?q=childcare").await.json();
    assert_eq!(gone["total"], 0, "{gone}");
    assert_eq!(
        e.get(&format!("/api/v1/lessons/{lid}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        !e.get(&format!("/library/{item}"))
            .await
            .body
            .contains("Childcare doubles"),
        "a lesson narrowed to its team leaves the item's page of outsiders"
    );
    assert!(
        !m.get(&format!("/library/{item}"))
            .await
            .body
            .contains("Childcare doubles"),
        "and of the node's members off the team"
    );
    assert!(
        s.get(&format!("/library/{item}"))
            .await
            .text("[data-test=item-lessons]")
            .contains("Childcare doubles"),
        "the node's stewards still see it there"
    );
}
