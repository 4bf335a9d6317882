//! Access decided in one place, by the viewer's standing now: each defect of issue 11 that
//! rules written in one place and forgotten in another let through.

use praxis_domain::ids::NodeId;
use praxis_domain::nodes::{JoinPolicy, NodeVisibility};
use praxis_testkit::{Browser, TestApp};
use reqwest::StatusCode;
use serde_json::json;

use crate::nodes::{fields, make_node};
use crate::organizing::{campaign_body, join, world};

/// A member who leaves a node, or whom a steward removes or bans, loses the team's work at
/// once: the team page, team-only campaigns and their exports, reflections, and the right to
/// change a campaign — even though their row on the team stays for history.
#[tokio::test]
async fn leaving_removal_and_ban_end_access_to_the_teams_work_at_once() {
    for exit in ["leave", "remove", "ban"] {
        let w = world(NodeVisibility::Secret).await;
        let t = w.app.signed_in(&w.teammate).await;
        let made = t
            .api(
                "POST",
                "/api/v1/campaigns",
                None,
                Some(campaign_body("team", Some(&w.team))),
            )
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        let campaign = made.json()["id"].as_str().unwrap().to_owned();
        let reflected = t
            .api("POST", &format!("/api/v1/campaigns/{campaign}/reflections"), None, Some(json!({"subject": "campaign", "label": "After the first peak", "reach": "team", "intended": "a freeze", "happened": "a delay"})))
            .await;
        assert_eq!(reflected.status, StatusCode::CREATED, "{}", reflected.body);
        let reflection = reflected.json()["id"].as_str().unwrap().to_owned();
        // Another member of the team shares a one-on-one with it.
        w.app
            .store
            .set_crew_member(w.team.parse().unwrap(), w.member.id, "door knocker")
            .await
            .unwrap();
        let today = time::OffsetDateTime::now_utc().date().to_string();
        let logged = w
            .app
            .signed_in(&w.member)
            .await
            .api("POST", "/api/v1/one-on-ones", None, Some(json!({"with_name": "Samira", "met_on": today, "values_heard": "zanzibarite worries", "team_id": w.team})))
            .await;
        assert_eq!(logged.status, StatusCode::CREATED, "{}", logged.body);
        let one_on_one = logged.json()["id"].as_str().unwrap().to_owned();
        let team = w.team.clone();
        let paths = [
            format!("/teams/{team}"),
            format!("/api/v1/teams/{team}"),
            format!("/campaigns/{campaign}"),
            format!("/api/v1/campaigns/{campaign}"),
            format!("/campaigns/{campaign}/export.md"),
            format!("/api/v1/campaigns/{campaign}/export"),
            format!("/campaigns/{campaign}/chart.svg"),
            format!("/api/v1/reflections/{reflection}"),
            "/nodes/rent/organizing".to_owned(),
            format!("/api/v1/one-on-ones/{one_on_one}"),
        ];
        for path in &paths {
            assert_eq!(
                t.get(path).await.status,
                StatusCode::OK,
                "{path} before the member {exit}s"
            );
        }

        let done = match exit {
            "leave" => t.api("POST", "/api/v1/nodes/rent/leave", None, None).await,
            action => {
                w.app
                    .signed_in(&w.steward)
                    .await
                    .api(
                        "POST",
                        &format!("/api/v1/nodes/rent/members/{}", w.teammate.id),
                        None,
                        Some(json!({ "action": action })),
                    )
                    .await
            }
        };
        assert!(done.status.is_success(), "{exit}: {}", done.body);

        for path in &paths {
            let page = t.get(path).await;
            assert_eq!(
                page.status,
                StatusCode::NOT_FOUND,
                "{path} after the member {exit}s"
            );
            for secret in [
                "Node rent",
                "Tenants' core team",
                "Fair rent",
                "Rents doubled",
                "zanzibarite",
            ] {
                assert!(
                    !page.body.contains(secret),
                    "{path} names {secret:?} after {exit}"
                );
            }
        }
        let actor = t
            .api(
                "POST",
                &format!("/api/v1/campaigns/{campaign}/actors"),
                None,
                Some(json!({"name": "The landlord", "category": "opposition", "interests": "profit"})),
            )
            .await;
        assert_eq!(
            actor.status,
            StatusCode::NOT_FOUND,
            "adding an actor after {exit}"
        );
        for list in ["/one-on-ones", "/api/v1/one-on-ones"] {
            assert!(
                !t.get(list).await.body.contains("zanzibarite"),
                "{list} still shows the team's one-on-one after {exit}"
            );
        }
        let ask = t.get("/commitments").await;
        assert!(
            !ask.body.contains(&w.member.id.to_string()),
            "the commitments page still offers a teammate to ask after {exit}"
        );
    }
}

/// A secret node above a public node, and public items and workshops it published, leave no
/// trace for outsiders: no id, no name, no parent link.
#[tokio::test]
async fn public_answers_carry_no_trace_of_a_secret_node() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let outsider = app.create_member("Outsider").await;
    let secret = make_node(
        &app,
        &steward,
        None,
        &fields(
            "hidden-root",
            NodeVisibility::Secret,
            JoinPolicy::Invite,
            false,
        ),
    )
    .await;
    let child = make_node(
        &app,
        &steward,
        Some(secret),
        &fields(
            "open-branch",
            NodeVisibility::Public,
            JoinPolicy::Open,
            false,
        ),
    )
    .await;
    let s = app.signed_in(&steward).await;
    let item = s
        .api("POST", "/api/v1/library", None, Some(json!({"kind": "guide", "title": "A public guide", "summary": "s", "body": "b", "license": "CC-BY-4.0", "scope": "public", "node": "hidden-root"})))
        .await;
    assert_eq!(item.status, StatusCode::CREATED, "{}", item.body);
    let item = item.json()["id"].as_str().unwrap().to_owned();
    let workshop = s
        .api("POST", "/api/v1/workshops", None, Some(json!({"title": "A public workshop", "format": "online", "time_zone": "Europe/Belgrade", "participant_capacity": 10, "coach_capacity": 2, "scope": "public", "node": "hidden-root"})))
        .await;
    assert_eq!(workshop.status, StatusCode::CREATED, "{}", workshop.body);
    let workshop = workshop.json()["id"].as_str().unwrap().to_owned();
    let visitor = app.browser();
    let member = app.signed_in(&outsider).await;

    for (who, b) in [("a visitor", &visitor), ("an outsider", &member)] {
        for path in [
            format!("/api/v1/nodes/{child}"),
            "/api/v1/nodes/open-branch".to_owned(),
            "/nodes/open-branch".to_owned(),
            format!("/api/v1/library/{item}"),
            "/api/v1/library".to_owned(),
            format!("/library/{item}"),
            format!("/api/v1/workshops/{workshop}"),
            "/api/v1/workshops".to_owned(),
            format!("/workshops/{workshop}"),
        ] {
            let page = b.get(&path).await;
            assert_eq!(page.status, StatusCode::OK, "{who}: {path}");
            for trace in [
                secret.to_string(),
                "hidden-root".to_owned(),
                "Node hidden-root".to_owned(),
            ] {
                assert!(
                    !page.body.contains(&trace),
                    "{who} finds {trace} in {path}: {}",
                    page.body
                );
            }
        }
        let node = b.get(&format!("/api/v1/nodes/{child}")).await.json();
        assert!(node["parent_id"].is_null(), "{who}: {node}");
    }
    let insider = s.get(&format!("/api/v1/nodes/{child}")).await.json();
    assert_eq!(
        insider["parent_id"],
        secret.to_string(),
        "its members see the parent"
    );
}

/// The safety setting wins over a network admin's oversight: the pathways pipeline of a
/// node under it is for its stewards, and recording a step there answers the same whether or
/// not the person belongs to it.
#[tokio::test]
async fn a_network_admin_learns_nothing_of_a_safety_nodes_members_through_pathways() {
    let app = TestApp::spawn().await;
    let admin = app.create_member("Admin").await;
    let steward = app.create_member("Steward").await;
    let at_risk = app.create_member("Member At Risk").await;
    let other = app.create_member("Someone Else").await;
    let node = make_node(
        &app,
        &steward,
        None,
        &fields(
            "shelter",
            NodeVisibility::Members,
            JoinPolicy::Request,
            true,
        ),
    )
    .await;
    join(&app, node, &at_risk).await;
    let s = app.signed_in(&steward).await;
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let recorded = s
        .api("POST", "/api/v1/pathways/steps", None, Some(json!({"node": "shelter", "member_id": at_risk.id.to_string(), "step": "coach", "reached_on": today})))
        .await;
    assert!(recorded.status.is_success(), "{}", recorded.body);
    let a = app.signed_in(&admin).await;

    let page = a.get("/pathways?node=shelter").await;
    let api = a.get("/api/v1/pathways?node=shelter").await;

    assert!(
        !page.has("[data-test=pipeline-chart]") && !page.body.contains("Member At Risk"),
        "the pipeline page shows the admin a safety node's pipeline"
    );
    assert_eq!(api.status, StatusCode::FORBIDDEN, "{}", api.body);
    assert!(!api.body.contains("Member At Risk"));
    let answers: Vec<StatusCode> = futures_statuses(
        &a,
        &today,
        &[&at_risk.id.to_string(), &other.id.to_string()],
    )
    .await;
    assert_eq!(
        answers[0], answers[1],
        "a member and a non-member get the same answer"
    );
    assert_eq!(answers[0], StatusCode::FORBIDDEN);
    assert!(
        s.get("/pathways?node=shelter")
            .await
            .body
            .contains("Member At Risk")
    );
}

async fn futures_statuses(b: &Browser, today: &str, members: &[&str]) -> Vec<StatusCode> {
    let mut out = Vec::new();
    for m in members {
        out.push(
            b.api("POST", "/api/v1/pathways/steps", None, Some(json!({"node": "shelter", "member_id": m, "step": "coach", "reached_on": today})))
                .await
                .status,
        );
    }
    out
}

/// A nested route acts only on a child of the parent in its path: withdrawing an application
/// through another workshop's address changes nothing.
#[tokio::test]
async fn withdrawing_through_another_workshops_address_changes_nothing() {
    let app = TestApp::spawn().await;
    let trainer = app.create_member("Trainer").await;
    let member = app.create_member("Applicant").await;
    let t = app.signed_in(&trainer).await;
    let mut ids = Vec::new();
    for title in ["Full workshop", "Other workshop"] {
        let made = t
            .api("POST", "/api/v1/workshops", None, Some(json!({"title": title, "format": "online", "time_zone": "Europe/Belgrade", "participant_capacity": 1, "coach_capacity": 1, "scope": "members"})))
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        ids.push(made.json()["id"].as_str().unwrap().to_owned());
    }
    let m = app.signed_in(&member).await;
    for id in &ids {
        let applied = m
            .api(
                "POST",
                &format!("/api/v1/workshops/{id}/applications"),
                None,
                Some(json!({"role": "participant", "answers": {}})),
            )
            .await;
        assert_eq!(applied.status, StatusCode::CREATED, "{}", applied.body);
    }
    let apps = t
        .get(&format!(
            "/api/v1/workshops/{}/applications?role=participant",
            ids[0]
        ))
        .await
        .json();
    let application = apps[0]["id"].as_str().unwrap().to_owned();
    app.deliver_mail().await;

    let api = m
        .api(
            "POST",
            &format!(
                "/api/v1/workshops/{}/applications/{application}/withdraw",
                ids[1]
            ),
            None,
            None,
        )
        .await;
    let page = m
        .post_form(
            &format!("/workshops/{}/applications/{application}/withdraw", ids[1]),
            &[],
        )
        .await;
    let read = m
        .get(&format!("/workshops/{}/applications/{application}", ids[1]))
        .await;

    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert_eq!(read.status, StatusCode::NOT_FOUND);
    let after = t
        .get(&format!(
            "/api/v1/workshops/{}/applications?role=participant",
            ids[0]
        ))
        .await
        .json();
    assert_eq!(after[0]["status"], "submitted", "{after}");
    assert!(app.deliver_mail().await.is_empty(), "no mail went out");
}

/// The API is for tokens: a write authenticated by the session cookie needs the CSRF header,
/// and a request from another site's page is refused whatever it carries.
#[tokio::test]
async fn cookie_authenticated_api_writes_need_the_csrf_header_and_a_same_site_origin() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let member = app.create_member("Member").await;
    let node: NodeId = make_node(
        &app,
        &steward,
        None,
        &fields(
            "open-circle",
            NodeVisibility::Public,
            JoinPolicy::Open,
            false,
        ),
    )
    .await;
    let m = app.signed_in(&member).await;
    let path = format!("/api/v1/nodes/{node}/join");

    let forged = m.forged_api("POST", &path, "text/plain", "").await;
    let cross_site = m
        .api_with_headers("POST", &path, &[("origin", "https://evil.example")])
        .await;
    let members = m.get(&format!("/api/v1/nodes/{node}/members")).await;

    assert_eq!(forged.status, StatusCode::FORBIDDEN, "{}", forged.body);
    assert_eq!(forged.json()["error"]["code"], "forbidden");
    assert_eq!(
        cross_site.status,
        StatusCode::FORBIDDEN,
        "{}",
        cross_site.body
    );
    assert!(!members.body.contains("\"Member\""), "{}", members.body);
    let page_from_elsewhere = m
        .post_form_with(
            &format!("/nodes/{node}/join"),
            &[],
            &[("origin", "https://evil.example")],
        )
        .await;
    assert_eq!(page_from_elsewhere.status, StatusCode::FORBIDDEN);
    assert!(
        !m.get(&format!("/api/v1/nodes/{node}/members"))
            .await
            .body
            .contains("\"Member\"")
    );
    // A page under `no-referrer` sends `Origin: null`: the token decides, as for a browser
    // that sends no `Origin` at all.
    let null_origin = m
        .post_form_with(&format!("/nodes/{node}/join"), &[], &[("origin", "null")])
        .await;
    assert_eq!(
        null_origin.status,
        StatusCode::SEE_OTHER,
        "{}",
        null_origin.body
    );
    m.api("POST", &format!("/api/v1/nodes/{node}/leave"), None, None)
        .await;
    let same_site = m
        .api_with_headers("POST", &path, &[("origin", app.address.as_str())])
        .await;
    assert!(same_site.status.is_success(), "{}", same_site.body);
    let token = m
        .api(
            "POST",
            "/api/v1/me/tokens",
            None,
            Some(json!({"name": "script"})),
        )
        .await;
    let token = token.json()["token"].as_str().unwrap().to_owned();
    let script = app.browser();
    let left = script
        .api(
            "POST",
            &format!("/api/v1/nodes/{node}/leave"),
            Some(&token),
            None,
        )
        .await;
    assert!(
        left.status.is_success(),
        "a bearer token needs no CSRF header: {}",
        left.body
    );
}

/// Proposing or renaming a node to an address a secret node holds behaves exactly as a free
/// address does: a secret node's address carries a random ending no one can guess.
#[tokio::test]
async fn a_secret_nodes_address_cannot_be_confirmed_by_taking_it() {
    let app = TestApp::spawn().await;
    let admin = app.create_member("Admin").await;
    let member = app.create_member("Curious Member").await;
    let a = app.signed_in(&admin).await;

    let made = a
        .post_form(
            "/nodes",
            &[
                ("name", "Safe house"),
                ("slug", "safehouse"),
                ("kind", "values"),
                ("visibility", "secret"),
                ("join_policy", "invite"),
            ],
        )
        .await;
    let location = made.location().unwrap().to_owned();
    let public = a
        .api("POST", "/api/v1/nodes", None, Some(json!({"name": "Open circle", "slug": "open-circle", "kind": "values", "visibility": "public", "join_policy": "open"})))
        .await;

    assert_eq!(made.status, StatusCode::SEE_OTHER);
    let slug = location.strip_prefix("/nodes/").unwrap();
    assert!(
        slug.starts_with("safehouse-") && slug.len() == "safehouse-".len() + 10,
        "a secret node's address keeps its name and gets a random ending: {slug}"
    );
    assert_eq!(a.get(&location).await.status, StatusCode::OK);
    assert_eq!(
        public.json()["slug"],
        "open-circle",
        "a public node keeps its address"
    );
    let m = app.signed_in(&member).await;
    let proposed = m
        .post_form(
            "/nodes",
            &[
                ("name", "My safe house"),
                ("slug", "safehouse"),
                ("kind", "values"),
                ("visibility", "public"),
                ("join_policy", "open"),
            ],
        )
        .await;
    assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{}", proposed.body);
    assert_eq!(proposed.location(), Some("/nodes/safehouse"));
    let renamed = a
        .api(
            "PATCH",
            "/api/v1/nodes/open-circle",
            None,
            Some(json!({"slug": "safehouse"})),
        )
        .await;
    assert_eq!(
        renamed.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the address is the proposal's now, which the admin may know: {}",
        renamed.body
    );
    let edited = a
        .api(
            "PATCH",
            &format!("/api/v1/nodes/{slug}"),
            None,
            Some(json!({"name": "Safe house (renamed)"})),
        )
        .await;
    assert_eq!(
        edited.json()["slug"],
        slug,
        "editing a secret node keeps its address"
    );
}

/// A proposal is not a node: until a network admin approves it, its proposer can neither
/// invite by mail, make an invitation link nor import a roster — the server is no relay.
#[tokio::test]
async fn a_proposal_sends_no_mail_until_it_is_approved() {
    let app = TestApp::spawn().await;
    let admin = app.create_member("Admin").await;
    let proposer = app.create_member("Proposer").await;
    let p = app.signed_in(&proposer).await;
    let proposed = p
        .post_form(
            "/nodes",
            &[
                ("name", "Win a prize"),
                ("slug", "prize"),
                ("kind", "values"),
                ("visibility", "public"),
                ("join_policy", "open"),
            ],
        )
        .await;
    assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{}", proposed.body);
    app.deliver_mail().await;

    let invited = p
        .api(
            "POST",
            "/api/v1/nodes/prize/invitations",
            None,
            Some(json!({"emails": ["victim@example.org"]})),
        )
        .await;
    let link = p
        .api("POST", "/api/v1/nodes/prize/invitation-links", None, None)
        .await;
    let page = p
        .post_form(
            "/nodes/prize/invitations",
            &[("emails", "victim@example.org")],
        )
        .await;
    let roster = p
        .api_raw(
            "POST",
            "/api/v1/nodes/prize/imports",
            "text/csv",
            "email\nvictim@example.org\nother@example.org\n",
        )
        .await;

    for (what, status) in [
        ("invitations", invited.status),
        ("an invitation link", link.status),
        ("the invitation form", page.status),
        ("a roster import", roster.status),
    ] {
        assert_eq!(status, StatusCode::FORBIDDEN, "{what} from a proposal");
    }
    assert!(app.deliver_mail().await.is_empty(), "a proposal sent mail");
    let approved = app
        .signed_in(&admin)
        .await
        .api(
            "POST",
            "/api/v1/nodes/prize/proposal",
            None,
            Some(json!({"decision": "approve"})),
        )
        .await;
    assert_eq!(approved.status, StatusCode::NO_CONTENT);
    let invited = p
        .api(
            "POST",
            "/api/v1/nodes/prize/invitations",
            None,
            Some(json!({"emails": ["friend@example.org"]})),
        )
        .await;
    assert!(invited.status.is_success(), "{}", invited.body);
    assert_eq!(
        app.mail_to("friend@example.org").await.recipient,
        "friend@example.org"
    );
}

/// What sends mail spends from an allowance — the member's and their client address's, a
/// visitor's address's and the recipient's — stored in the database; past it, 429 with
/// `Retry-After`, and nothing is sent or changed.
#[tokio::test]
async fn mail_sending_actions_stop_at_the_senders_allowance() {
    let app = TestApp::spawn_with(praxis_app::Settings {
        login_policy: praxis_testkit::fast_login_policy(),
        mail_quota: praxis_app::quotas::MailQuota {
            member_per_day: 3,
            address_per_day: 5,
            visitor_address_per_hour: 3,
            recipient_per_hour: 2,
        },
        ..praxis_app::Settings::default()
    })
    .await;
    let asker = app.create_member("Asker").await;
    let second = app.create_member("Second Asker").await;
    let asked = app.create_member("Asked").await;
    let a = app.signed_in(&asker).await;

    for i in 0..3 {
        let r = ask(&a, asked.id, &format!("Knock on door {i}")).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }
    let over = ask(&a, asked.id, "One more").await;
    assert_eq!(over.status, StatusCode::TOO_MANY_REQUESTS, "{}", over.body);
    assert!(over.headers.get("retry-after").is_some());
    let mine = a.get("/api/v1/commitments").await.body;
    assert!(!mine.contains("One more"), "a refused ask was kept");
    assert_eq!(app.deliver_mail().await.len(), 3);

    // Another member on the same client address: its own allowance, the address's shared.
    let s = app.signed_in(&second).await;
    for i in 0..2 {
        assert_eq!(
            ask(&s, asked.id, &format!("Call {i}")).await.status,
            StatusCode::CREATED
        );
    }
    assert_eq!(
        ask(&s, asked.id, "Call 3").await.status,
        StatusCode::TOO_MANY_REQUESTS,
        "the client address's allowance is shared"
    );

    // Visitors: the recipient's allowance stops a flood of reset links to one inbox.
    let visitor = app.browser();
    let mut statuses = Vec::new();
    for _ in 0..3 {
        statuses.push(
            visitor
                .post_form("/forgot-password", &[("email", &asked.email)])
                .await
                .status,
        );
    }
    assert_eq!(statuses[..2], [StatusCode::OK, StatusCode::OK]);
    assert_eq!(statuses[2], StatusCode::TOO_MANY_REQUESTS);
    let unknown = visitor
        .post_form("/forgot-password", &[("email", "nobody@example.org")])
        .await;
    let sign_up = visitor
        .sign_up(
            "someone-new@example.org",
            "correct horse battery staple",
            "New",
        )
        .await;
    assert_eq!(
        unknown.status,
        StatusCode::OK,
        "an unknown address spends alike"
    );
    assert_eq!(
        sign_up.status,
        StatusCode::TOO_MANY_REQUESTS,
        "the visitor's address has spent its three (a refusal spends nothing)"
    );
}

async fn ask(
    b: &Browser,
    asked: praxis_domain::ids::MemberId,
    what: &str,
) -> praxis_testkit::browser::Page {
    let body = json!({"asked_id": asked.to_string(), "what": what, "due": "2027-01-10"});
    b.api("POST", "/api/v1/commitments", None, Some(body)).await
}

/// Search's typo tolerance asks whether a word exists among the visitor's documents only: a
/// word only a secret node's name holds is as absent as one nobody wrote.
#[tokio::test]
async fn search_tells_a_visitor_nothing_of_words_only_hidden_documents_hold() {
    let app = TestApp::spawn().await;
    let steward = app.create_member("Steward").await;
    let mut secret = fields(
        "zz-circle",
        NodeVisibility::Secret,
        JoinPolicy::Invite,
        false,
    );
    secret.name = "Zanzibarita circle".into();
    make_node(&app, &steward, None, &secret).await;
    let s = app.signed_in(&steward).await;
    let item = s
        .api("POST", "/api/v1/library", None, Some(json!({"kind": "guide", "title": "The zanzibarite method", "summary": "s", "body": "b", "license": "CC-BY-4.0", "scope": "public"})))
        .await;
    assert_eq!(item.status, StatusCode::CREATED, "{}", item.body);
    app.search_sync().await;
    let visitor = app.browser();

    let hidden_word = visitor.get("/api/v1/search?q=zanzibarita").await.json();
    let missing_word = visitor.get("/api/v1/search?q=zanzibarito").await.json();

    assert_eq!(hidden_word["total"], 1, "{hidden_word}");
    assert_eq!(hidden_word["total"], missing_word["total"]);
    assert!(!hidden_word.to_string().contains("circle"));
}
