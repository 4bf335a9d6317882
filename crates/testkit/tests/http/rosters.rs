//! Roster import (check, then run in the background) and export.

use std::time::{Duration, Instant};

use praxis_domain::ids::NodeId;
use praxis_domain::nodes::{JoinPolicy, NodeFields, NodeKind, NodeVisibility};
use praxis_testkit::{Browser, TestApp, TestMember};
use reqwest::StatusCode;
use serde_json::Value;

async fn node_with_steward(app: &TestApp) -> (TestMember, NodeId) {
    let steward = app.create_member("Steward").await;
    let id = NodeId::generate();
    let fields = NodeFields {
        name: "Roster Node".into(),
        slug: "roster-node".into(),
        kind: NodeKind::Region,
        description: String::new(),
        languages: vec![],
        visibility: NodeVisibility::Members,
        join_policy: JoinPolicy::Invite,
        safety: false,
    };
    app.store
        .create_node(id, None, &fields, steward.id, app.ctx.now())
        .await
        .unwrap();
    (steward, id)
}

async fn upload(browser: &Browser, query: &str, csv: &[u8]) -> praxis_testkit::browser::Page {
    let body = String::from_utf8_lossy(csv).into_owned();
    browser
        .api_raw(
            "POST",
            &format!("/api/v1/nodes/roster-node/imports?{query}"),
            "text/csv",
            &body,
        )
        .await
}

async fn wait_until_done(browser: &Browser, import_id: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let status = browser
            .api(
                "GET",
                &format!("/api/v1/nodes/roster-node/imports/{import_id}"),
                None,
                None,
            )
            .await
            .json();
        if status["status"] == "done" || status["status"] == "failed" {
            return status;
        }
        assert!(
            Instant::now() < deadline,
            "the import did not finish: {status}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

const MESSY: &str = "\u{feff}Ime;E-mail;Grad\r\n\
    \"Јована Петровић\";jovana@example.org;Београд\r\n\
    أميرة حداد; AMIRA@example.org ;عمّان\r\n\
    \"Haddad; Omar\";;Amman\r\n\
    Marko;not-an-address;Novi Sad\r\n\
    Jovana again;Jovana@Example.org;Beograd\r\n";

#[tokio::test]
async fn a_messy_roster_is_checked_row_by_row_and_the_check_changes_nothing() {
    let app = TestApp::spawn().await;
    let (steward, node) = node_with_steward(&app).await;
    let browser = app.signed_in(&steward).await;

    let check = upload(&browser, "", MESSY.as_bytes()).await;

    assert_eq!(check.status, StatusCode::OK, "{}", check.body);
    let report = check.json();
    assert_eq!(report["email_column"], "E-mail");
    assert_eq!(
        (
            report["to_invite"].as_u64(),
            report["to_merge"].as_u64(),
            report["to_reject"].as_u64()
        ),
        (Some(2), Some(0), Some(3))
    );
    let rows = report["rows"].as_array().unwrap();
    assert_eq!(rows[2]["line"], 4);
    assert_eq!(rows[2]["reason"], "This row has no email address.");
    assert_eq!(
        rows[3]["reason"],
        "Enter an email address like name@example.org."
    );
    assert_eq!(
        rows[4]["reason"],
        "This address appears earlier in the file."
    );
    assert!(
        app.store
            .list_pending_invitations(node, app.ctx.now(), 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(app.deliver_mail().await.is_empty());
}

#[tokio::test]
async fn importing_invites_each_new_address_once_even_when_imported_twice() {
    let app = TestApp::spawn().await;
    let (steward, node) = node_with_steward(&app).await;
    let browser = app.signed_in(&steward).await;

    let started = upload(&browser, "dry_run=false", MESSY.as_bytes()).await;
    assert_eq!(started.status, StatusCode::ACCEPTED, "{}", started.body);
    let done = wait_until_done(&browser, started.json()["import_id"].as_str().unwrap()).await;
    assert_eq!(
        (
            done["status"].as_str(),
            done["invited"].as_i64(),
            done["rejected"].as_i64()
        ),
        (Some("done"), Some(2), Some(3))
    );
    assert_eq!(
        app.store
            .list_pending_invitations(node, app.ctx.now(), 10)
            .await
            .unwrap()
            .len(),
        2
    );
    let mails = app.deliver_mail().await;
    assert!(
        mails
            .iter()
            .any(|m| m.recipient == "amira@example.org" && m.body.contains("/invitations/pxi_"))
    );

    let again = upload(&browser, "dry_run=false", MESSY.as_bytes())
        .await
        .json();
    let second = wait_until_done(&browser, again["import_id"].as_str().unwrap()).await;

    assert_eq!(
        (second["invited"].as_i64(), second["merged"].as_i64()),
        (Some(0), Some(2))
    );
    assert_eq!(
        app.store
            .list_pending_invitations(node, app.ctx.now(), 10)
            .await
            .unwrap()
            .len(),
        2
    );
    let rerun = browser
        .api(
            "POST",
            &format!(
                "/api/v1/nodes/roster-node/imports/{}/run",
                again["import_id"].as_str().unwrap()
            ),
            None,
            None,
        )
        .await;
    assert_eq!(
        rerun.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an import runs once"
    );
}

#[tokio::test]
async fn files_that_are_not_rosters_are_refused_naming_the_problem() {
    let app = TestApp::spawn().await;
    let (steward, _) = node_with_steward(&app).await;
    let browser = app.signed_in(&steward).await;

    let empty = upload(&browser, "", b"").await;
    let no_email = upload(&browser, "", b"name,phone\nA,1\n").await;
    let chosen = upload(
        &browser,
        "email_column=contact",
        b"name,contact\nA,a@example.org\n",
    )
    .await;

    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.json()["error"]["fields"]["file"].is_string());
    assert!(no_email.json()["error"]["fields"]["email_column"].is_string());
    assert_eq!(chosen.json()["to_invite"], 1);
}

#[tokio::test]
async fn only_stewards_import_and_export() {
    let app = TestApp::spawn().await;
    let (_, node) = node_with_steward(&app).await;
    let member = app.create_member("Member").await;
    app.store
        .add_node_member(node, member.id, false, member.id, false, app.ctx.now())
        .await
        .unwrap();
    let browser = app.signed_in(&member).await;

    assert_eq!(
        upload(&browser, "", MESSY.as_bytes()).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        browser
            .api("GET", "/api/v1/nodes/roster-node/roster.csv", None, None)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let outsider = app.signed_in(&app.create_member("Outsider").await).await;
    assert_eq!(
        upload(&outsider, "", MESSY.as_bytes()).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_exported_roster_defuses_formulas_and_leaves_out_addresses() {
    let app = TestApp::spawn().await;
    let (steward, node) = node_with_steward(&app).await;
    let sly = app
        .create_member("=HYPERLINK(\"http://evil.example\",\"click\")")
        .await;
    app.store
        .add_node_member(node, sly.id, false, sly.id, false, app.ctx.now())
        .await
        .unwrap();
    let browser = app.signed_in(&steward).await;

    let csv = browser
        .api("GET", "/api/v1/nodes/roster-node/roster.csv", None, None)
        .await;

    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("roster-node-roster.csv")
    );
    assert!(csv.body.starts_with("member_id,display_name,role"));
    assert!(
        csv.body
            .contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""),
        "{}",
        csv.body
    );
    assert!(!csv.body.contains(&sly.email) && !csv.body.contains(&steward.email));
    assert!(csv.body.contains(",steward,"));
}

#[tokio::test]
async fn a_steward_imports_through_the_pages_from_upload_to_done() {
    let app = TestApp::spawn().await;
    let (steward, _) = node_with_steward(&app).await;
    let browser = app.signed_in(&steward).await;
    assert!(
        browser
            .get("/nodes/roster-node")
            .await
            .has("[data-test=import-link]")
    );

    let forged = browser
        .upload(
            "/nodes/roster-node/import",
            &[],
            "people.csv",
            MESSY.as_bytes().to_vec(),
            false,
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let bad = browser
        .upload(
            "/nodes/roster-node/import",
            &[],
            "empty.csv",
            Vec::new(),
            true,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.has("[data-test=error-file]"));
    let check = browser
        .upload(
            "/nodes/roster-node/import",
            &[],
            "people.csv",
            MESSY.as_bytes().to_vec(),
            true,
        )
        .await;
    assert_eq!(check.status, StatusCode::OK, "{}", check.body);
    assert!(check.text("[data-test=to-invite]").starts_with('2'));
    assert_eq!(
        check.count("[data-test=import-row]"),
        3,
        "the refused rows are listed"
    );
    let action = check.attr("form[action$='/run']", "action").unwrap();

    let started = browser.post_form(&action, &[]).await;
    let progress_path = started.location().unwrap().to_owned();
    let deadline = Instant::now() + Duration::from_secs(30);
    let done = loop {
        let page = browser.get(&progress_path).await;
        if page.has("[data-test=import-status]") {
            break page;
        }
        assert!(
            Instant::now() < deadline,
            "the import page never showed the end"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };

    assert!(done.text("[data-test=invited]").starts_with('2'));
    let export = browser.get("/nodes/roster-node/roster.csv").await;
    assert!(export.body.starts_with("member_id,display_name,role"));
}

#[tokio::test]
async fn the_steward_maps_the_email_column_before_importing() {
    let app = TestApp::spawn().await;
    let (steward, _) = node_with_steward(&app).await;
    let browser = app.signed_in(&steward).await;
    let file =
        b"Name,Work,Home\nAmira,amira@work.example,amira@home.example\nOmar,,omar@home.example\n"
            .to_vec();

    let unmapped = browser
        .upload(
            "/nodes/roster-node/import",
            &[],
            "people.csv",
            file.clone(),
            true,
        )
        .await;
    assert_eq!(unmapped.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unmapped.has("[data-test=error-email_column]"));
    let work = browser
        .upload(
            "/nodes/roster-node/import",
            &[("email_column", "Work")],
            "people.csv",
            file,
            true,
        )
        .await;
    assert!(work.text("[data-test=to-invite]").starts_with('1'));
    let action = work.attr("[data-test=mapping]", "action").unwrap();

    let home = browser
        .post_form(&action, &[("email_column", "Home")])
        .await;

    assert_eq!(home.status, StatusCode::OK);
    assert!(home.text("[data-test=to-invite]").starts_with('2'));
    assert_eq!(
        home.attr("#email_column option[selected]", "value")
            .as_deref(),
        Some("Home")
    );
    let import_id = action.split('/').nth(4).unwrap().to_owned();
    let api = browser
        .api(
            "POST",
            &format!("/api/v1/nodes/roster-node/imports/{import_id}/recheck?email_column=Nope"),
            None,
            None,
        )
        .await;
    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(api.json()["error"]["fields"]["email_column"].is_string());
}
