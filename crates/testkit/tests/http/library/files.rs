//! Attachments: the type comes from the content, HTML never gets in, size is limited before
//! the body is read, downloads cannot run in the site's origin, photos lose their position.

use praxis_app::Settings;
use praxis_testkit::{Browser, TestApp};
use reqwest::StatusCode;

use super::{publish, worksheet};

/// A one-pixel JPEG whose EXIF segment carries a position.
fn jpeg_with_gps() -> Vec<u8> {
    let mut exif = b"Exif\0\0MM\0*GPS-SECRET-31.95N-35.93E".to_vec();
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
    out.append(&mut exif);
    out.extend_from_slice(&[
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
    ]);
    out.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
    out.extend_from_slice(&[0x12, 0x34, 0xFF, 0xD9]);
    out
}

#[tokio::test]
async fn files_are_checked_by_content_and_served_so_they_never_run() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Author").await;
    let reader = app.create_member("Reader").await;
    let a = app.signed_in(&author).await;
    let r = app.signed_in(&reader).await;
    let id = publish(&a, worksheet("Power map", "members")).await;

    let html = a
        .upload(
            &format!("/library/{id}/files"),
            &[],
            "report.pdf",
            b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".to_vec(),
            true,
        )
        .await;
    assert_eq!(html.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.body.contains("not accepted"), "{}", html.body);
    let program = a
        .api_bytes(
            "POST",
            &format!("/api/v1/library/{id}/attachments?file_name=tool.doc"),
            b"MZ\x90\x00\x03 this is a program".to_vec(),
        )
        .await;
    assert_eq!(program.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(program.json()["error"]["fields"]["file"].is_string());
    let not_mine = r
        .upload(
            &format!("/library/{id}/files"),
            &[],
            "x.pdf",
            b"%PDF-1.7 x".to_vec(),
            true,
        )
        .await;
    assert_eq!(not_mine.status, StatusCode::FORBIDDEN);
    let no_csrf = a
        .upload(
            &format!("/library/{id}/files"),
            &[],
            "x.pdf",
            b"%PDF-1.7 x".to_vec(),
            false,
        )
        .await;
    assert_eq!(no_csrf.status, StatusCode::FORBIDDEN);

    let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".to_vec();
    let ok = a
        .upload(
            &format!("/library/{id}/files"),
            &[],
            "../../Power \"map\".pdf",
            pdf.clone(),
            true,
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let listed = r
        .get(&format!("/api/v1/library/{id}/attachments"))
        .await
        .json();
    let file = &listed[0];
    assert_eq!(file["content_type"], "application/pdf");
    assert_eq!(file["file_name"], "Power map.pdf");
    let page = r.get(&format!("/library/{id}")).await;
    let href = page.attr("[data-test=file]", "href").unwrap();
    let (status, headers, body) = r.get_bytes(&href).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, pdf);
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(
        headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("sandbox")
    );
    let (anonymous, _, _) = Browser::new(&app.address).get_bytes(&href).await;
    assert_eq!(
        anonymous,
        StatusCode::NOT_FOUND,
        "a members-only item's file is members-only"
    );

    let removed = r
        .api("DELETE", file["url"].as_str().unwrap(), None, None)
        .await;
    assert_eq!(removed.status, StatusCode::FORBIDDEN);
    let removed = a
        .api("DELETE", file["url"].as_str().unwrap(), None, None)
        .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT);
    assert_eq!(r.get_bytes(&href).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_photo_loses_its_location_before_it_is_stored() {
    let app = TestApp::spawn().await;
    let author = app.create_member("Author").await;
    let a = app.signed_in(&author).await;
    let id = publish(&a, worksheet("Action photos", "public")).await;

    let made = a
        .api_bytes(
            "POST",
            &format!("/api/v1/library/{id}/attachments?file_name=march.jpg"),
            jpeg_with_gps(),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let url = made.json()["url"].as_str().unwrap().to_owned();
    let (_, headers, body) = Browser::new(&app.address).get_bytes(&url).await;

    assert_eq!(headers["content-type"], "image/jpeg");
    assert!(!String::from_utf8_lossy(&body).contains("GPS-SECRET"));
    assert!(body.starts_with(&[0xFF, 0xD8]));
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused_with_413_and_nothing_is_kept() {
    let app = TestApp::spawn_with(Settings {
        max_upload_bytes: 1024,
        ..Settings::default()
    })
    .await;
    let author = app.create_member("Author").await;
    let a = app.signed_in(&author).await;
    let id = publish(&a, worksheet("Big scan", "public")).await;
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(200 * 1024, b'x');

    let page = a
        .upload(
            &format!("/library/{id}/files"),
            &[],
            "scan.pdf",
            big.clone(),
            true,
        )
        .await;
    let api = a
        .api_bytes("POST", &format!("/api/v1/library/{id}/attachments"), big)
        .await;
    let mut just_over = b"%PDF-1.7\n".to_vec();
    just_over.resize(1025, b'x');
    let over = a
        .api_bytes(
            "POST",
            &format!("/api/v1/library/{id}/attachments"),
            just_over,
        )
        .await;

    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(api.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(api.json()["error"]["code"], "too_large");
    assert_eq!(
        over.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "inside the envelope, the app's own check"
    );
    assert_eq!(
        a.get(&format!("/api/v1/library/{id}/attachments"))
            .await
            .json(),
        serde_json::json!([])
    );
}

/// The S3-compatible service `scripts/test` starts (a moto server), if any.
fn s3_endpoint() -> Option<String> {
    let endpoint = std::env::var("PRAXIS_TEST_S3_ENDPOINT").ok();
    assert!(
        endpoint.is_some() || std::env::var("PRAXIS_TEST_REQUIRE_S3").is_err(),
        "PRAXIS_TEST_REQUIRE_S3 is set but PRAXIS_TEST_S3_ENDPOINT is not"
    );
    endpoint
}

#[tokio::test]
async fn attachments_round_trip_through_an_s3_compatible_bucket() {
    let Some(endpoint) = s3_endpoint() else {
        eprintln!("no S3-compatible service (scripts/test starts one): skipped");
        return;
    };
    let bucket = "praxis-test";
    let client = reqwest::Client::new();
    client
        .put(format!("{endpoint}/{bucket}"))
        .send()
        .await
        .unwrap();
    let prefix = format!("run-{}", uuid::Uuid::now_v7().simple());
    let files = praxis_app::files::FileStore::s3(&praxis_app::files::S3Config {
        bucket: bucket.into(),
        region: "us-east-1".into(),
        endpoint: endpoint.clone(),
        access_key_id: "test".into(),
        secret_access_key: "test".to_owned().into(),
        prefix: prefix.clone(),
    })
    .unwrap();
    let app = TestApp::spawn_with_files(Settings::default(), files).await;
    let author = app.create_member("Author").await;
    let a = app.signed_in(&author).await;
    let id = publish(&a, worksheet("Bucket test", "public")).await;
    let listing = || async {
        client
            .get(format!("{endpoint}/{bucket}?list-type=2&prefix={prefix}/"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };

    let pdf = b"%PDF-1.7\nkept in a bucket\n".to_vec();
    let made = a
        .api_bytes(
            "POST",
            &format!("/api/v1/library/{id}/attachments?file_name=b.pdf"),
            pdf.clone(),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let url = made.json()["url"].as_str().unwrap().to_owned();
    let attachment = made.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(Browser::new(&app.address).get_bytes(&url).await.2, pdf);
    assert!(
        listing()
            .await
            .contains(&format!("{prefix}/items/{id}/{attachment}"))
    );

    a.api("DELETE", &url, None, None).await;
    assert!(
        !listing().await.contains(&attachment),
        "the object is gone from the bucket"
    );
}
