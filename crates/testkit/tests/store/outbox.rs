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
