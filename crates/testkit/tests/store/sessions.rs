//! Sessions, email links, access tokens and log-in failures in the store.

use praxis_domain::ids::TokenId;
use praxis_domain::timestamps::Timestamp;
use praxis_store::StoreError;
use praxis_store::tokens::EmailTokenPurpose;
use praxis_testkit::TestDb;

use crate::members::new_member;

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_unix_ms(1_800_000_000_000).plus_seconds(seconds)
}

#[tokio::test]
async fn a_session_is_found_until_it_expires_or_ends() {
    let db = TestDb::new().await;
    let m = new_member("s@example.org", "S");
    db.store.create_member(&m).await.unwrap();
    db.store
        .create_session("hash-a", m.id, at(0), at(60))
        .await
        .unwrap();

    assert_eq!(
        db.store
            .find_session("hash-a", at(59))
            .await
            .unwrap()
            .unwrap()
            .member_id,
        m.id
    );
    assert!(
        db.store
            .find_session("hash-a", at(60))
            .await
            .unwrap()
            .is_none()
    );
    db.store
        .renew_session("hash-a", at(59), at(120))
        .await
        .unwrap();
    assert!(
        db.store
            .find_session("hash-a", at(100))
            .await
            .unwrap()
            .is_some()
    );
    db.store.delete_session("hash-a").await.unwrap();
    assert!(
        db.store
            .find_session("hash-a", at(1))
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn a_new_password_ends_every_other_session_at_once() {
    let db = TestDb::new().await;
    let m = new_member("p@example.org", "P");
    db.store.create_member(&m).await.unwrap();
    for hash in ["keep", "end-1", "end-2"] {
        db.store
            .create_session(hash, m.id, at(0), at(3600))
            .await
            .unwrap();
    }

    db.store
        .set_password(m.id, "$argon2id$new", Some("keep"), at(1))
        .await
        .unwrap();

    assert!(
        db.store
            .find_session("keep", at(2))
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        db.store
            .find_session("end-1", at(2))
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        db.store
            .find_session("end-2", at(2))
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        db.store.get_account(m.id).await.unwrap().password_hash,
        "$argon2id$new"
    );
}

#[tokio::test]
async fn an_email_link_works_once_for_its_purpose_and_not_after_expiry() {
    let db = TestDb::new().await;
    let m = new_member("l@example.org", "L");
    db.store.create_member(&m).await.unwrap();
    db.store
        .create_email_token(
            "link",
            m.id,
            EmailTokenPurpose::ResetPassword,
            None,
            at(0),
            at(100),
        )
        .await
        .unwrap();
    db.store
        .create_email_token(
            "old",
            m.id,
            EmailTokenPurpose::VerifyEmail,
            None,
            at(0),
            at(10),
        )
        .await
        .unwrap();

    let wrong_purpose = db
        .store
        .consume_email_token("link", EmailTokenPurpose::VerifyEmail, at(1))
        .await
        .unwrap();
    let first = db
        .store
        .consume_email_token("link", EmailTokenPurpose::ResetPassword, at(1))
        .await
        .unwrap();
    let second = db
        .store
        .consume_email_token("link", EmailTokenPurpose::ResetPassword, at(2))
        .await
        .unwrap();
    let expired = db
        .store
        .consume_email_token("old", EmailTokenPurpose::VerifyEmail, at(11))
        .await
        .unwrap();

    assert!(wrong_purpose.is_none());
    assert_eq!(first.unwrap().member_id, m.id);
    assert!(second.is_none());
    assert!(expired.is_none());
}

#[tokio::test]
async fn two_racing_uses_of_one_link_succeed_once() {
    let db = TestDb::new().await;
    let m = new_member("r@example.org", "R");
    db.store.create_member(&m).await.unwrap();
    db.store
        .create_email_token(
            "race",
            m.id,
            EmailTokenPurpose::VerifyEmail,
            None,
            at(0),
            at(100),
        )
        .await
        .unwrap();

    let (a, b) = tokio::join!(
        db.store
            .consume_email_token("race", EmailTokenPurpose::VerifyEmail, at(1)),
        db.store
            .consume_email_token("race", EmailTokenPurpose::VerifyEmail, at(1)),
    );

    assert_eq!(
        u8::from(a.unwrap().is_some()) + u8::from(b.unwrap().is_some()),
        1
    );
}

#[tokio::test]
async fn access_tokens_work_until_revoked_by_their_owner() {
    let db = TestDb::new().await;
    let owner = new_member("o@example.org", "O");
    let other = new_member("x@example.org", "X");
    db.store.create_member(&owner).await.unwrap();
    db.store.create_member(&other).await.unwrap();
    let id = TokenId::generate();
    db.store
        .create_access_token(id, owner.id, "ci", "token-hash", at(0))
        .await
        .unwrap();

    assert_eq!(
        db.store
            .use_access_token("token-hash", at(5))
            .await
            .unwrap(),
        Some(owner.id)
    );
    assert_eq!(
        db.store.list_access_tokens(owner.id).await.unwrap()[0].last_used_at,
        Some(at(5))
    );
    assert!(matches!(
        db.store.revoke_access_token(other.id, id).await,
        Err(StoreError::NotFound)
    ));
    db.store.revoke_access_token(owner.id, id).await.unwrap();
    assert_eq!(
        db.store
            .use_access_token("token-hash", at(6))
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn log_in_failures_are_counted_per_scope_within_the_window() {
    let db = TestDb::new().await;
    db.store
        .record_login_failure(&["account:a", "address:1"], at(0))
        .await
        .unwrap();
    db.store
        .record_login_failure(&["account:a"], at(10))
        .await
        .unwrap();

    assert_eq!(
        db.store
            .count_login_failures("account:a", at(-1))
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        db.store
            .count_login_failures("account:a", at(5))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        db.store
            .count_login_failures("address:1", at(-1))
            .await
            .unwrap(),
        1
    );
    db.store.clear_login_failures("account:a").await.unwrap();
    assert_eq!(
        db.store
            .count_login_failures("account:a", at(-1))
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn pruning_removes_only_what_has_expired() {
    let db = TestDb::new().await;
    let m = new_member("e@example.org", "E");
    db.store.create_member(&m).await.unwrap();
    db.store
        .create_session("expired", m.id, at(0), at(10))
        .await
        .unwrap();
    db.store
        .create_session("live", m.id, at(0), at(1000))
        .await
        .unwrap();

    let removed = db.store.prune_expired(at(20), at(-100)).await.unwrap();

    assert_eq!(removed, 1);
    assert!(
        db.store
            .find_session("live", at(20))
            .await
            .unwrap()
            .is_some()
    );
}
