//! The mail outbox in the store.

use praxis_domain::timestamps::Timestamp;
use praxis_store::outbox::OutboxMessage;
use praxis_testkit::TestDb;

fn message(id: &str) -> OutboxMessage {
    OutboxMessage {
        id: id.into(),
        recipient: "someone@example.org".into(),
        subject: "Hello".into(),
        body: "Body".into(),
        attempts: 0,
    }
}

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_unix_ms(1_800_000_000_000).plus_seconds(seconds)
}

#[tokio::test]
async fn claimed_mail_is_not_claimed_again_until_its_lease_ends() {
    let db = TestDb::new().await;
    db.store.enqueue_mail(&message("m1"), at(0)).await.unwrap();

    let first = db.store.claim_due_mail(at(1), at(60), 10).await.unwrap();
    let during_lease = db.store.claim_due_mail(at(2), at(60), 10).await.unwrap();
    let after_lease = db.store.claim_due_mail(at(61), at(120), 10).await.unwrap();

    assert_eq!(first, vec![message("m1")]);
    assert!(during_lease.is_empty());
    assert_eq!(
        after_lease.len(),
        1,
        "a sender that died does not lose the message"
    );
}

#[tokio::test]
async fn failed_mail_is_retried_later_and_sent_mail_is_removed() {
    let db = TestDb::new().await;
    db.store.enqueue_mail(&message("m2"), at(0)).await.unwrap();
    db.store.claim_due_mail(at(1), at(60), 10).await.unwrap();

    db.store
        .mark_mail_failed("m2", "connection refused", at(300))
        .await
        .unwrap();

    assert!(
        db.store
            .claim_due_mail(at(299), at(400), 10)
            .await
            .unwrap()
            .is_empty()
    );
    let retried = db.store.claim_due_mail(at(300), at(400), 10).await.unwrap();
    assert_eq!(retried[0].attempts, 1);
    db.store.mark_mail_sent("m2").await.unwrap();
    assert_eq!(db.store.count_pending_mail().await.unwrap(), 0);
}

#[tokio::test]
async fn an_import_that_stopped_moving_is_marked_failed() {
    use praxis_domain::ids::NodeId;
    use praxis_store::rosters::{ImportProgress, NewImport};

    let db = TestDb::new().await;
    let steward = crate::members::new_member("s@example.org", "S");
    db.store.create_member(&steward).await.unwrap();
    let node = NodeId::generate();
    let fields = praxis_domain::nodes::NodeFields {
        name: "N".into(),
        slug: "n".into(),
        kind: praxis_domain::nodes::NodeKind::Region,
        description: String::new(),
        languages: vec![],
        visibility: praxis_domain::nodes::NodeVisibility::Public,
        join_policy: praxis_domain::nodes::JoinPolicy::Open,
        safety: false,
    };
    db.store
        .create_node(node, None, &fields, steward.id, at(0))
        .await
        .unwrap();
    for id in ["stalled", "moving", "forgotten"] {
        let new = NewImport {
            id,
            node,
            by: steward.id,
            email_column: 0,
            content: "email\n",
            total_rows: 1,
        };
        db.store.create_import(&new, at(0)).await.unwrap();
        if id != "forgotten" {
            db.store.start_import(id, at(0)).await.unwrap();
        }
    }
    db.store
        .record_import_progress("moving", ImportProgress::default(), None, at(900))
        .await
        .unwrap();

    let failed = db.store.fail_stale_imports(at(600), at(600)).await.unwrap();

    assert_eq!(failed, 2);
    for id in ["stalled", "forgotten"] {
        let import = db.store.get_import(node, id).await.unwrap();
        assert_eq!(import.status, "failed", "{id}");
        assert!(
            import.content.is_empty(),
            "{id}: the file (names, addresses) is kept"
        );
    }
    let moving = db.store.get_import(node, "moving").await.unwrap();
    assert_eq!(moving.status, "running");
    assert!(
        !moving.content.is_empty(),
        "a running import keeps its file until it ends"
    );
    db.store
        .record_import_progress("moving", ImportProgress::default(), Some("done"), at(1000))
        .await
        .unwrap();
    assert!(
        db.store
            .get_import(node, "moving")
            .await
            .unwrap()
            .content
            .is_empty(),
        "an import that ended keeps only its counts"
    );
}
