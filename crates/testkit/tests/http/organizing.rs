//! Teams, campaigns, reflections and lessons: who sees what (one table), a campaign planned and
//! reflected on until a lesson drawn from it is found by another node, bad input named.

use praxis_domain::ids::NodeId;
use praxis_domain::nodes::{JoinPolicy, NodeVisibility};
use praxis_testkit::{TestApp, TestMember};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::nodes::{fields, make_node};

async fn join(app: &TestApp, node: NodeId, m: &TestMember) {
    app.ctx
        .store
        .add_node_member(node, m.id, false, m.id, false, app.ctx.now())
        .await
        .unwrap();
}

struct World {
    app: TestApp,
    steward: TestMember,
    teammate: TestMember,
    member: TestMember,
    outsider: TestMember,
    team: String,
}

/// A node with a steward, a team (the teammate on it), a member who is not on the team, and a
/// network member outside the node.
async fn world(visibility: NodeVisibility) -> World {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let teammate = app.create_member("Teammate").await;
    let member = app.create_member("Member").await;
    let outsider = app.create_member("Outsider").await;
    let node = make_node(
        &app,
        &steward,
        None,
        &fields("rent", visibility, JoinPolicy::Open, false),
    )
    .await;
    join(&app, node, &teammate).await;
    join(&app, node, &member).await;
    let t = app.signed_in(&teammate).await;
    let created = t
        .api("POST", "/api/v1/teams", None, Some(json!({"node": "rent", "name": "Tenants' core team", "purpose": "Win fair rents on our street", "norms": "Start on time", "role": "coordinator"})))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let team = created.json()["id"].as_str().unwrap().to_owned();
    World {
        app,
        steward,
        teammate,
        member,
        outsider,
        team,
    }
}

fn campaign_body(reach: &str, team: Option<&str>) -> Value {
    json!({
        "node": "rent", "team_id": team.unwrap_or(""), "title": format!("Fair rent ({reach})"), "reach": reach,
        "constituency": "Tenants of Elm Street", "problem": "Rents doubled", "vision": "Homes we can afford",
        "goal_statement": "A rent freeze signed by the landlord", "goal_metric": "tenants signed up", "goal_target": 300,
        "goal_deadline": "2027-06-30", "toc_if": "tenants act together", "toc_then": "the landlord negotiates",
        "toc_because": "he cannot replace everyone", "os_who": "We, the tenants", "os_what": "win a freeze",
        "os_how": "by a rent strike", "os_when": "by June"
    })
}

#[tokio::test]
async fn who_sees_a_campaign_one_table() {
    for visibility in [NodeVisibility::Public, NodeVisibility::Secret] {
        let w = world(visibility).await;
        let t = w.app.signed_in(&w.teammate).await;
        let mut ids = Vec::new();
        for reach in ["team", "node", "network"] {
            let r = t
                .api(
                    "POST",
                    "/api/v1/campaigns",
                    None,
                    Some(campaign_body(reach, Some(&w.team))),
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
            ids.push((reach, r.json()["id"].as_str().unwrap().to_owned()));
        }
        // Reflections of each reach on the network-wide campaign.
        let mut reflections = Vec::new();
        for reach in ["team", "node", "network"] {
            let r = t
                .api(
                    "POST",
                    &format!("/api/v1/campaigns/{}/reflections", ids[2].1),
                    None,
                    Some(json!({"subject": "campaign", "label": format!("Looking back ({reach})"), "reach": reach, "intended": "A freeze", "happened": "A delay"})),
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
            reflections.push((reach, r.json()["id"].as_str().unwrap().to_owned()));
        }
        // Lessons of each reach, drawn from the network-wide reflection and set by a steward.
        let st = w.app.signed_in(&w.steward).await;
        let mut lessons = Vec::new();
        for reach in ["team", "node", "network"] {
            let drawn = t
                .api("POST", "/api/v1/lessons", None, Some(json!({"reflection_ids": [reflections[2].1], "statement": format!("A lesson kept to the {reach}")})))
                .await;
            assert_eq!(drawn.status, StatusCode::CREATED, "{}", drawn.body);
            let id = drawn.json()["id"].as_str().unwrap().to_owned();
            let set = st
                .api(
                    "POST",
                    &format!("/api/v1/lessons/{id}/status"),
                    None,
                    Some(json!({"status": "observation", "reach": reach})),
                )
                .await;
            assert_eq!(set.status, StatusCode::NO_CONTENT, "{}", set.body);
            lessons.push((reach, id));
        }
        let secret = visibility == NodeVisibility::Secret;
        // (viewer, sees team, sees node, sees network)
        let table = [
            (&w.teammate, true, true, true),
            (&w.steward, true, true, true),
            (&w.member, false, true, true),
            (&w.outsider, false, false, !secret),
        ];
        for (who, team, node, network) in table {
            let b = w.app.signed_in(who).await;
            for (reach, id) in &ids {
                let expected = match *reach {
                    "team" => team,
                    "node" => node,
                    _ => network,
                };
                let page = b.get(&format!("/campaigns/{id}")).await;
                let api = b.get(&format!("/api/v1/campaigns/{id}")).await;
                let export = b.get(&format!("/campaigns/{id}/export.md")).await;
                let status = if expected {
                    StatusCode::OK
                } else {
                    StatusCode::NOT_FOUND
                };
                assert_eq!(
                    page.status, status,
                    "{} on a {reach} campaign in a {visibility:?} node (page)",
                    who.display_name
                );
                assert_eq!(
                    api.status, status,
                    "{} on a {reach} campaign (API)",
                    who.display_name
                );
                assert_eq!(
                    export.status, status,
                    "{} on a {reach} campaign (export)",
                    who.display_name
                );
                if !expected {
                    assert!(
                        !page.body.contains("Rents doubled") && !api.body.contains("Rents doubled")
                    );
                }
            }
            for (reach, id) in &reflections {
                let expected = match *reach {
                    "team" => team,
                    "node" => node,
                    _ => network,
                };
                let r = b.get(&format!("/api/v1/reflections/{id}")).await;
                let status = if expected {
                    StatusCode::OK
                } else {
                    StatusCode::NOT_FOUND
                };
                assert_eq!(
                    r.status, status,
                    "{} on a {reach} reflection",
                    who.display_name
                );
            }
            for (reach, id) in &lessons {
                let expected = match *reach {
                    "team" => team,
                    "node" => node,
                    _ => network,
                };
                let status = if expected {
                    StatusCode::OK
                } else {
                    StatusCode::NOT_FOUND
                };
                let api = b.get(&format!("/api/v1/lessons/{id}")).await;
                let page = b.get(&format!("/lessons/{id}")).await;
                assert_eq!(
                    api.status, status,
                    "{} on a {reach} lesson (API)",
                    who.display_name
                );
                assert_eq!(
                    page.status, status,
                    "{} on a {reach} lesson (page)",
                    who.display_name
                );
                if !expected {
                    assert!(
                        !api.body.contains("A lesson kept") && !page.body.contains("A lesson kept")
                    );
                }
            }
            let node_lessons = b.get("/api/v1/lessons?node=rent").await;
            if who.id == w.outsider.id && secret {
                assert_eq!(node_lessons.status, StatusCode::NOT_FOUND);
            } else {
                assert_eq!(
                    node_lessons.json()["lessons"]
                        .as_array()
                        .map_or(0, Vec::len),
                    [team, node, network].iter().filter(|x| **x).count(),
                    "{} lists the lessons they may see",
                    who.display_name
                );
            }
            if network {
                let page = b.get(&format!("/campaigns/{}", ids[2].1)).await;
                assert_eq!(
                    page.count("[data-test=reflection]"),
                    [team, node, network].iter().filter(|x| **x).count(),
                    "{} reads the reflections they may",
                    who.display_name
                );
            }
            // The team itself: its members, the stewards and the node's members.
            let team_page = b.get(&format!("/teams/{}", w.team)).await;
            let sees_team = who.id != w.outsider.id;
            assert_eq!(
                team_page.status,
                if sees_team {
                    StatusCode::OK
                } else {
                    StatusCode::NOT_FOUND
                },
                "{} on the team page",
                who.display_name
            );
            let list = b.get("/api/v1/campaigns?node=rent").await;
            if who.id == w.outsider.id && secret {
                assert_eq!(
                    list.status,
                    StatusCode::NOT_FOUND,
                    "a secret node's campaigns are not even listed"
                );
            } else {
                let n = list.json()["campaigns"].as_array().map_or(0, Vec::len);
                assert_eq!(
                    n,
                    [team, node, network].iter().filter(|x| **x).count(),
                    "{} lists what they see",
                    who.display_name
                );
            }
        }
        let visitor = w
            .app
            .browser()
            .get(&format!("/campaigns/{}", ids[2].1))
            .await;
        assert_ne!(
            visitor.status,
            StatusCode::OK,
            "visitors never see campaigns"
        );
        assert!(!visitor.body.contains("Rents doubled"));
    }
}

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

#[tokio::test]
async fn the_pages_plan_reflect_and_draw_a_lesson() {
    let w = world(NodeVisibility::Members).await;
    let t = w.app.signed_in(&w.teammate).await;
    let hub = t.get("/nodes/rent/organizing").await;
    assert!(
        hub.text("[data-test=team-tree]")
            .contains("Tenants' core team")
    );
    let empty = t
        .post_form(
            "/nodes/rent/campaigns",
            &[("title", ""), ("reach", "team"), ("team", "")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.has("[data-test=error-title]") && empty.has("[data-test=error-reach]"));
    let made = t
        .post_form(
            "/nodes/rent/campaigns",
            &[
                ("title", "Repairs now"),
                ("reach", "team"),
                ("team", &w.team),
            ],
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER);
    let url = made.location().unwrap().to_owned();
    let phase = t
        .post_form(
            &format!("{url}/phases"),
            &[
                ("kind", "peak"),
                ("label", "March"),
                ("on", "2027-03-01"),
                ("goal", "abc"),
            ],
        )
        .await;
    assert_eq!(phase.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(phase.has("[data-test=error-goal]"));
    let reflected = t
        .post_form(
            &format!("{url}/reflections"),
            &[
                ("subject", "action"),
                ("label", "The march"),
                ("reach", "team"),
                ("intended", "Be heard"),
                ("happened", "The council listened"),
            ],
        )
        .await;
    assert_eq!(reflected.status, StatusCode::SEE_OTHER);
    let page = t.get(&url).await;
    let rid = page
        .attr("[data-test=reflection] input[name=reflections]", "value")
        .unwrap();
    let none = t
        .post_form(
            "/lessons",
            &[
                ("campaign", url.trim_start_matches("/campaigns/")),
                ("statement", ""),
            ],
        )
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.has("[data-test=error-reflections]") && none.has("[data-test=error-statement]"));
    let drawn = t
        .post_form(
            "/lessons",
            &[
                ("reflections", &rid),
                ("statement", "March where the council can see us"),
                ("practices", "strategy"),
            ],
        )
        .await;
    assert_eq!(drawn.status, StatusCode::SEE_OTHER);
    let lesson = t.get(drawn.location().unwrap()).await;
    assert_eq!(lesson.count("[data-test=source]"), 1);
    let lessons = t.get("/nodes/rent/lessons").await;
    assert!(
        lessons
            .text("[data-test=lessons]")
            .contains("March where the council")
    );
    let member_lessons = w
        .app
        .signed_in(&w.member)
        .await
        .get("/nodes/rent/lessons")
        .await;
    assert!(
        !member_lessons.body.contains("March where the council"),
        "a team lesson stays in the team"
    );
    let outsider = w.app.signed_in(&w.outsider).await;
    assert_eq!(
        outsider.get(drawn.location().unwrap()).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_workshop_is_reflected_on_in_the_node_and_becomes_a_lesson() {
    let w = world(NodeVisibility::Public).await;
    let m = w.app.signed_in(&w.member).await;
    let bad = m
        .post_form(
            "/nodes/rent/reflections",
            &[("subject", "workshop"), ("label", ""), ("reach", "team")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.has("[data-test=error-label]") && bad.has("[data-test=error-intended]"));
    assert!(
        bad.text("[data-test=form-errors]").len() > 10,
        "the reach without a team is explained"
    );
    let done = m
        .post_form(
            "/nodes/rent/reflections",
            &[
                ("subject", "workshop"),
                ("label", "Spring training"),
                ("reach", "node"),
                ("intended", "Twenty new leaders"),
                ("happened", "Twelve came, eight stayed"),
                ("improve", "Evening sessions"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let hub = m.get("/nodes/rent/organizing").await;
    assert!(
        hub.text("[data-test=reflection]")
            .contains("Spring training")
    );
    let outsider = w
        .app
        .signed_in(&w.outsider)
        .await
        .get("/nodes/rent/organizing")
        .await;
    assert!(
        !outsider.body.contains("Spring training"),
        "a node's reflection stays in the node"
    );
    let rid = hub
        .attr("[data-test=reflection] input[name=reflections]", "value")
        .unwrap();
    let none = m
        .post_form(
            "/lessons",
            &[("node", "rent"), ("statement", "Train in the evening")],
        )
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.has("[data-test=error-reflections]"));
    let drawn = m
        .post_form(
            "/lessons",
            &[
                ("node", "rent"),
                ("reflections", &rid),
                ("statement", "Train in the evening"),
            ],
        )
        .await;
    assert_eq!(drawn.status, StatusCode::SEE_OTHER);
    let lesson = m.get(drawn.location().unwrap()).await;
    assert!(
        lesson
            .text("[data-test=provenance]")
            .contains("Spring training")
    );
    assert!(lesson.text("[data-test=lesson-reach]").len() > 3);
}

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

#[tokio::test]
async fn a_refused_form_comes_back_as_it_was_typed() {
    let w = world(NodeVisibility::Public).await;
    let t = w.app.signed_in(&w.teammate).await;
    let refused = t
        .post_form(
            "/nodes/rent/reflections",
            &[
                ("subject", "action"),
                ("label", "The march"),
                ("reach", "network"),
                ("intended", ""),
                ("sustain", "Marshals at every corner"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.has("[data-test=error-intended]"));
    assert!(refused.has("#r-label[value='The march']"));
    assert!(
        refused
            .text("#q-sustain")
            .contains("Marshals at every corner")
    );
    assert!(refused.has("#r-reach option[value=network][selected]"));
    assert!(refused.has("#subject option[value=action][selected]"));
    assert!(
        !refused.has("#title[value='The march']"),
        "the page's other forms keep their defaults"
    );

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
    let strategy = t
        .post_form(
            &format!("/campaigns/{id}"),
            &[
                ("title", "Fair rent, rethought"),
                ("reach", "node"),
                ("problem", "Rents tripled, not doubled"),
                ("goal_target", "lots"),
            ],
        )
        .await;
    assert_eq!(strategy.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(strategy.has("[data-test=error-goal_target]"));
    assert!(
        strategy
            .text("#s-problem")
            .contains("Rents tripled, not doubled")
    );
    assert!(strategy.has("#goal_target[value=lots]"));
    assert!(strategy.has("#title[value='Fair rent, rethought']"));
    let stored = t.get(&format!("/api/v1/campaigns/{id}")).await.json();
    assert_eq!(
        stored["strategy"]["problem"], "Rents doubled",
        "nothing changed"
    );
}
