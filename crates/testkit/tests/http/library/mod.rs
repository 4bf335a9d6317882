//! The library: publishing and adapting through the pages, versions, lineage, who may edit,
//! feeds. Privacy is in `privacy.rs`, files in `files.rs`.

mod files;
mod privacy;

use praxis_testkit::{Browser, TestApp};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Publishes an item through the API as `browser`'s member; returns its id.
pub(crate) async fn publish(browser: &Browser, body: Value) -> String {
    let made = browser
        .api("POST", "/api/v1/library", None, Some(body))
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    made.json()["id"].as_str().unwrap().to_owned()
}

pub(crate) fn worksheet(title: &str, scope: &str) -> Value {
    json!({
        "kind": "worksheet",
        "title": title,
        "summary": "Plan a first conversation.",
        "body": "Listen for values.\nAsk for a commitment.\n",
        "practices": ["relationships"],
        "languages": ["en"],
        "domains": ["Housing"],
        "scope": scope,
    })
}

fn facet<'a>(results: &'a Value, name: &str) -> Vec<(&'a str, u64)> {
    results["facets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["facet"] == name)
        .map(|f| {
            f["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| (v["value"].as_str().unwrap(), v["count"].as_u64().unwrap()))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_worksheet_is_published_adapted_into_arabic_and_found_as_a_family() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Layla").await;
    let adapter = app.create_member("Omar").await;
    let a = app.signed_in(&author).await;
    let b = app.signed_in(&adapter).await;

    let bad = a
        .post_form(
            "/library",
            &[
                ("kind", "poem"),
                ("title", ""),
                ("scope", "members"),
                ("languages", "english!"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["kind", "title", "languages"] {
        assert!(
            bad.has(&format!("[data-test=error-{field}]")),
            "{field} not named"
        );
    }
    let made = a
        .post_form(
            "/library",
            &[
                ("kind", "worksheet"),
                ("title", "One-on-one worksheet"),
                ("summary", "Plan a relational meeting."),
                ("body", "# Before\n\nWrite why you are meeting.\n\n| Heard | Values |\n|---|---|\n| | |"),
                ("practices", "relationships"),
                ("domains", "Housing, Labor"),
                ("languages", "en"),
                ("license", "CC BY 4.0"),
                ("authors", "Layla\nMarshall Ganz"),
                ("scope", "public"),
            ],
        )
        .await;
    let original = made.location().unwrap().to_owned();
    assert!(original.starts_with("/library/"), "{original}");
    let page = b.get(&original).await;
    assert!(page.has(".item-body table"), "Markdown tables render");
    assert_eq!(page.text("[data-test=adapted-from]"), "");

    let empty_note = b
        .post_form(
            &format!("{original}/adapt"),
            &[
                ("kind", "worksheet"),
                ("title", "ورقة"),
                ("scope", "public"),
            ],
        )
        .await;
    assert_eq!(empty_note.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty_note.has("[data-test=error-changes]"));
    let adapted = b
        .post_form(
            &format!("{original}/adapt"),
            &[
                ("kind", "worksheet"),
                ("title", "ورقة عمل اللقاء الفردي"),
                ("body", "التنظيم يبدأ بالاستماع إلى الناس"),
                ("practices", "relationships"),
                ("languages", "ar"),
                ("regions", "Jordan"),
                ("scope", "public"),
                ("adapted_language", "ar"),
                ("adapted_context", "Tenants' committees in Amman"),
            ],
        )
        .await;
    let adaptation = adapted.location().unwrap().to_owned();

    let adaptation_page = a.get(&adaptation).await;
    assert!(
        adaptation_page
            .text("[data-test=adapted-from]")
            .contains("One-on-one worksheet")
    );
    let original_page = a.get(&original).await;
    assert!(
        original_page
            .text("[data-test=adaptations]")
            .contains("ورقة عمل اللقاء الفردي")
    );
    let family = a.get(&format!("{adaptation}/family")).await;
    assert_eq!(family.count("[data-test=family-row]"), 2);
    assert!(
        family.has(".depth-2[aria-current=true]"),
        "the adaptation sits below its original"
    );

    app.search_sync().await;
    let found = Browser::new(&app.address)
        .get("/api/v1/search?q=worksheet&type=item")
        .await
        .json();
    assert_eq!(found["total"], 1, "{found}");
    let arabic = b.get("/api/v1/search?q=الاستماع").await.json();
    assert_eq!(arabic["hits"][0]["url"], adaptation.as_str());
    let both = b
        .get("/api/v1/search?q=&practice=relationships&type=item")
        .await
        .json();
    assert_eq!(both["total"], 2, "{both}");
    let mut languages = facet(&both, "language");
    languages.sort_unstable();
    assert_eq!(languages, vec![("ar", 1), ("en", 1)]);
    assert_eq!(facet(&both, "kind"), vec![("worksheet", 2)]);
    let page = b.get("/search?q=worksheet").await;
    assert_eq!(page.count("[data-test=result]"), 1);
    assert_eq!(
        page.text(".snippet"),
        "Plan a relational meeting.",
        "the summary stands in"
    );
    let page = b.get("/search?q=meetings").await;
    assert_eq!(
        page.text(".snippet b"),
        "meeting",
        "the matched word is highlighted"
    );
}

#[tokio::test]
async fn every_edit_is_a_version_with_a_readable_diff_and_any_can_be_restored() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Author").await;
    let a = app.signed_in(&author).await;
    let id = publish(&a, worksheet("Agenda for a house meeting", "members")).await;
    let path = format!("/api/v1/library/{id}");

    let second = a
        .api(
            "PATCH",
            &path,
            None,
            Some(json!({"body": "Listen for values.\nAsk for a pledge.\n", "version": 1})),
        )
        .await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.body);
    let third = a
        .api(
            "PATCH",
            &path,
            None,
            Some(json!({"title": "House meeting agenda", "version": 2})),
        )
        .await;
    assert_eq!(third.json()["version"], 3);
    let stale = a
        .api(
            "PATCH",
            &path,
            None,
            Some(json!({"title": "Lost edit", "version": 2})),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.json()["error"]["fields"]["version"].is_string());

    let versions = a.get(&format!("{path}/versions")).await.json();
    assert_eq!(versions.as_array().unwrap().len(), 3);
    let diff = a.get(&format!("/library/{id}/versions/2")).await;
    assert!(
        diff.has("[data-test=body-diff] .removed mark"),
        "{}",
        diff.body
    );
    assert!(
        diff.text("[data-test=body-diff] .added mark")
            .contains("pledge")
    );
    let title_diff = a.get(&format!("/library/{id}/versions/3")).await;
    assert!(
        title_diff
            .text("[data-test=field-changes]")
            .contains("House meeting agenda")
    );

    let restored = a
        .post_form(&format!("/library/{id}/versions/1/restore"), &[])
        .await;
    assert_eq!(restored.status, StatusCode::SEE_OTHER);
    let now = a.get(&path).await.json();
    assert_eq!(now["version"], 4);
    assert_eq!(now["title"], "Agenda for a house meeting");
    assert_eq!(now["body"], "Listen for values.\nAsk for a commitment.");
    let history = a.get(&format!("/library/{id}/history")).await;
    assert_eq!(history.count("[data-test=version]"), 4);
    assert!(history.body.contains("Restored version 1"));
}

#[tokio::test]
async fn lineage_survives_edits_and_the_deletion_of_the_original() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Author").await;
    let adapter = app.create_member("Adapter").await;
    let a = app.signed_in(&author).await;
    let b = app.signed_in(&adapter).await;
    let original = publish(&a, worksheet("Snowflake team charter", "public")).await;
    let child = b
        .api(
            "POST",
            &format!("/api/v1/library/{original}/adaptations"),
            None,
            Some(json!({"title": "Carta del equipo", "languages": ["es"], "adapted_language": "es", "scope": "public"})),
        )
        .await;
    assert_eq!(child.status, StatusCode::CREATED, "{}", child.body);
    let child = child.json()["id"].as_str().unwrap().to_owned();
    let grandchild = a
        .api(
            "POST",
            &format!("/api/v1/library/{child}/adaptations"),
            None,
            Some(json!({"title": "Carta para estudiantes", "adapted_audience": "University students", "scope": "public"})),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    a.api(
        "PATCH",
        &format!("/api/v1/library/{original}"),
        None,
        Some(json!({"title": "Team charter"})),
    )
    .await;
    let deleted = a
        .api("DELETE", &format!("/api/v1/library/{original}"), None, None)
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);

    assert_eq!(
        b.get(&format!("/library/{original}")).await.status,
        StatusCode::NOT_FOUND
    );
    let child_page = b.get(&format!("/library/{child}")).await;
    assert!(child_page.has("[data-test=adapted-from-removed]"));
    let family = b
        .get(&format!("/api/v1/library/{grandchild}/adaptations"))
        .await
        .json();
    let rows = family.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["removed"], true);
    assert_eq!(rows[0]["title"], "", "a removed item keeps no content");
    assert_eq!(rows[2]["depth"], 2);
    app.search_sync().await;
    let found = b.get("/api/v1/search?q=charter").await.json();
    assert_eq!(
        found["total"], 0,
        "the deleted original left the index: {found}"
    );
}

#[tokio::test]
async fn only_the_creator_the_nodes_stewards_and_admins_outside_nodes_may_edit() {
    let app = TestApp::spawn().await;
    let admin = app.create_member("Admin").await;
    let author = app.create_member("Author").await;
    let other = app.create_member("Other").await;
    let a = app.signed_in(&author).await;
    let o = app.signed_in(&other).await;
    let admin_browser = app.signed_in(&admin).await;
    let id = publish(&a, worksheet("Strategy canvas", "members")).await;

    let refused = o
        .api(
            "PATCH",
            &format!("/api/v1/library/{id}"),
            None,
            Some(json!({"title": "Mine now"})),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(
        o.get(&format!("/library/{id}/edit")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        o.post_form(&format!("/library/{id}/delete"), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert!(
        !o.get(&format!("/library/{id}"))
            .await
            .has("[data-test=edit-link]")
    );
    let by_admin = admin_browser
        .api(
            "PATCH",
            &format!("/api/v1/library/{id}"),
            None,
            Some(json!({"license": "CC0 1.0"})),
        )
        .await;
    assert_eq!(by_admin.status, StatusCode::OK, "{}", by_admin.body);
    assert_eq!(
        a.get(&format!("/api/v1/library/{id}")).await.json()["title"],
        "Strategy canvas"
    );
}

#[tokio::test]
async fn the_atom_feeds_carry_public_items_only() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Author").await;
    let a = app.signed_in(&author).await;
    publish(&a, worksheet("Open <worksheet> & guide", "public")).await;
    publish(&a, worksheet("Members-only plan", "members")).await;

    let feed = Browser::new(&app.address).get("/library/feed.atom").await;

    assert_eq!(feed.status, StatusCode::OK);
    assert!(
        feed.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    assert!(
        feed.body.contains("Open &#60;worksheet&#62; &#38; guide")
            && !feed.body.contains("<worksheet>"),
        "{}",
        feed.body
    );
    assert!(!feed.body.contains("Members-only plan"));
    assert_eq!(feed.body.matches("<entry>").count(), 1);
}

#[tokio::test]
async fn bad_library_input_is_named_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Author").await;
    let a = app.signed_in(&author).await;

    let bad = a
        .api(
            "POST",
            "/api/v1/library",
            None,
            Some(json!({"kind": "worksheet", "title": "x", "scope": "node", "node": "nowhere"})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.json()["error"]["fields"]["node"].is_string(),
        "{}",
        bad.body
    );
    let unknown = a
        .api(
            "POST",
            "/api/v1/library",
            None,
            Some(json!({"title": "x", "colour": "red"})),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    let listing = a.get("/api/v1/library?kind=poem").await;
    assert_eq!(listing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(listing.json()["error"]["fields"]["kind"].is_string());
    let search = a.get("/api/v1/search?q=x&type=planet&colour=red").await;
    assert_eq!(search.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &search.json()["error"]["fields"];
    assert!(
        fields["type"].is_string() && fields["colour"].is_string(),
        "{fields}"
    );
    assert_eq!(a.get("/api/v1/library").await.json()["items"], json!([]));
}

#[tokio::test]
async fn a_members_export_carries_what_they_published() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Author").await;
    let a = app.signed_in(&author).await;
    publish(&a, worksheet("Exported worksheet", "members")).await;
    let gone = publish(&a, worksheet("Deleted worksheet", "members")).await;
    a.api("DELETE", &format!("/api/v1/library/{gone}"), None, None)
        .await;

    let export = a.get("/api/v1/me/export").await.json();

    let items = export["library_items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["title"], "Exported worksheet");
    assert!(items[0]["body"].is_string());
}
