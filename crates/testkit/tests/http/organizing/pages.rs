//! The organizing pages as a member uses them, and refused forms coming back as typed.

use super::*;

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
