//! praxis-testkit: what every test needs — fresh databases on SQLite or PostgreSQL, a
//! running server with a fake mailer, browsers that keep cookies, and helpers named after
//! what members do. Only ever a dev-dependency.
//!
//! The backend comes from `PRAXIS_TEST_BACKEND` (`sqlite`, the default, or `postgres` with
//! `PRAXIS_TEST_POSTGRES_URL` pointing at a server whose user may create databases).
//! `scripts/test` runs the whole suite once per backend.

pub mod browser;
pub mod db;

use std::sync::{Arc, Mutex};

use praxis_app::mail::{self, Mailer};
use praxis_app::{Context, LoginPolicy, Settings};
use praxis_domain::ids::MemberId;
use praxis_store::outbox::OutboxMessage;
use praxis_web::{AppState, HttpConfig};

pub use crate::browser::Browser;
pub use crate::db::TestDb;

/// A member created for a test, with the password to sign in.
#[derive(Debug, Clone)]
pub struct TestMember {
    /// Their id.
    pub id: MemberId,
    /// Their address.
    pub email: String,
    /// Their password.
    pub password: String,
    /// Their display name.
    pub display_name: String,
}

/// A running Praxis on a fresh database, with mail captured in memory.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub address: String,
    /// The use-case context the server runs with (for arranging data through use cases).
    pub ctx: Context,
    /// The database under it (for arranging data, and checking it, directly).
    pub store: praxis_store::Store,
    mailer: Mailer,
    sent: Arc<Mutex<Vec<OutboxMessage>>>,
    delivered: Mutex<usize>,
    /// The database (to look into it).
    pub db: TestDb,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// Log-in throttling for tests: the production thresholds, with short delays.
pub fn fast_login_policy() -> LoginPolicy {
    LoginPolicy {
        delay_step_ms: 5,
        ..LoginPolicy::default()
    }
}

impl TestApp {
    /// Starts a server on a fresh database.
    pub async fn spawn() -> Self {
        Self::spawn_with(Settings {
            login_policy: fast_login_policy(),
            ..Settings::default()
        })
        .await
    }

    /// Starts a server with custom settings (the base URL is set to the server's address).
    pub async fn spawn_with(settings: Settings) -> Self {
        Self::spawn_with_files(settings, praxis_app::files::FileStore::memory()).await
    }

    /// Starts a server whose attachments go to `files`.
    pub async fn spawn_with_files(
        mut settings: Settings,
        files: praxis_app::files::FileStore,
    ) -> Self {
        let db = TestDb::new().await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("binding a test port");
        let address = format!("http://{}", listener.local_addr().expect("a bound address"));
        settings.base_url = address.clone();
        let search = praxis_app::search::SearchService::in_memory().expect("an in-memory index");
        let ctx = Context::new(db.store.clone(), settings).with_storage(files, search);
        let sent = Arc::new(Mutex::new(Vec::new()));
        let app = praxis_web::router(AppState::new(ctx.clone(), HttpConfig::default()));
        let server = tokio::spawn(async move {
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .await
            .expect("the test server stopped");
        });
        Self {
            address,
            store: db.store.clone(),
            ctx,
            mailer: Mailer::Memory(sent.clone()),
            sent,
            delivered: Mutex::new(0),
            db,
            server,
        }
    }

    /// A new browser with an empty cookie jar.
    pub fn browser(&self) -> Browser {
        Browser::new(&self.address)
    }

    /// Runs the mail sender once and returns the messages delivered since the last call.
    pub async fn deliver_mail(&self) -> Vec<OutboxMessage> {
        self.run_account_requests().await;
        mail::deliver_due_mail(&self.ctx, &self.mailer)
            .await
            .expect("delivering mail");
        let sent = self.sent.lock().expect("mail lock");
        let mut delivered = self.delivered.lock().expect("counter lock");
        let new = sent[*delivered..].to_vec();
        *delivered = sent.len();
        new
    }

    /// Carries out the sign-ups and reset requests queued so far (what the worker of
    /// `praxis serve` does as soon as they are queued).
    pub async fn run_account_requests(&self) {
        while praxis_app::accounts::process_account_requests(&self.ctx)
            .await
            .expect("carrying out account requests")
            > 0
        {}
    }

    /// The one new mail to `to`, failing the test if there is not exactly one.
    pub async fn mail_to(&self, to: &str) -> OutboxMessage {
        let mails: Vec<_> = self
            .deliver_mail()
            .await
            .into_iter()
            .filter(|m| m.recipient == to)
            .collect();
        assert_eq!(mails.len(), 1, "expected one mail to {to}, got {mails:?}");
        mails.into_iter().next().expect("one mail")
    }

    /// Creates a verified member directly (no mail), with a unique address.
    pub async fn create_member(&self, display_name: &str) -> TestMember {
        let email = format!("{}@example.org", uuid::Uuid::now_v7().simple());
        self.create_member_with_email(&email, display_name).await
    }

    /// Creates a verified member directly (no mail) with this address.
    pub async fn create_member_with_email(&self, email: &str, display_name: &str) -> TestMember {
        let email = email.to_owned();
        let password = "correct horse battery staple".to_owned();
        let (id, _) = praxis_app::accounts::create_account(
            &self.ctx,
            praxis_app::accounts::NewAccount {
                email: email.clone(),
                password: password.clone(),
                display_name: display_name.to_owned(),
                admin: false,
            },
        )
        .await
        .expect("creating a test member");
        TestMember {
            id,
            email,
            password,
            display_name: display_name.to_owned(),
        }
    }

    /// Brings the search index up to date with every change made so far (what the indexer
    /// of `praxis serve` does four times a second).
    pub async fn search_sync(&self) {
        praxis_app::search::catch_up(&self.ctx)
            .await
            .expect("catching the search index up");
    }

    /// A browser signed in with this address and password (after they changed).
    pub async fn signed_in_with(&self, email: &str, password: &str) -> Browser {
        let browser = self.browser();
        let page = browser.log_in(email, password).await;
        assert_eq!(
            page.status,
            reqwest::StatusCode::SEE_OTHER,
            "signing in failed"
        );
        browser.get(page.location().unwrap_or("/")).await;
        browser
    }

    /// A browser signed in as `member`.
    pub async fn signed_in(&self, member: &TestMember) -> Browser {
        let browser = self.browser();
        browser.sign_in(member).await;
        browser
    }
}

/// The first link in a mail body that starts with `prefix`.
pub fn link_in(mail: &OutboxMessage, prefix: &str) -> String {
    mail.body
        .split_whitespace()
        .find(|word| word.starts_with(prefix))
        .unwrap_or_else(|| panic!("no link starting with {prefix} in {:?}", mail.body))
        .to_owned()
}
