//! Teams, campaigns, reflections and lessons: who sees what (one table), a campaign planned and
//! reflected on until a lesson drawn from it is found by another node, bad input named.

use praxis_domain::ids::NodeId;
use praxis_domain::nodes::{JoinPolicy, NodeVisibility};
use praxis_testkit::{TestApp, TestMember};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::nodes::{fields, make_node};

mod flow;
mod pages;
mod records;

pub(crate) async fn join(app: &TestApp, node: NodeId, m: &TestMember) {
    app.store
        .add_node_member(node, m.id, false, m.id, false, app.ctx.now())
        .await
        .unwrap();
}

pub(crate) struct World {
    pub(crate) app: TestApp,
    pub(crate) steward: TestMember,
    pub(crate) teammate: TestMember,
    pub(crate) member: TestMember,
    pub(crate) outsider: TestMember,
    pub(crate) team: String,
}

/// A node with a steward, a team (the teammate on it), a member who is not on the team, and a
/// network member outside the node.
pub(crate) async fn world(visibility: NodeVisibility) -> World {
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

pub(crate) fn campaign_body(reach: &str, team: Option<&str>) -> Value {
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
