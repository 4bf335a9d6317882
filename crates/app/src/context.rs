//! The `Context` every use case receives: the store, the clock and the instance settings.

use std::sync::Arc;

use praxis_domain::timestamps::Timestamp;
use praxis_store::Store;
use tokio::sync::Notify;

use crate::files::FileStore;
use crate::i18n::Translator;
use crate::quotas::MailQuota;
use crate::search::SearchService;

/// The source of the current time (a fake in tests).
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// Now.
    fn now(&self) -> Timestamp;
}

/// The system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::from(time::OffsetDateTime::now_utc())
    }
}

/// How failed log-ins are slowed and then refused, per account and per client address,
/// within a sliding window.
#[derive(Debug, Clone, Copy)]
pub struct LoginPolicy {
    /// The window failures are counted in, in seconds.
    pub window_secs: i64,
    /// Failures on one account before each further attempt is slowed down.
    pub slow_after: i64,
    /// The extra delay per failure past `slow_after`, in milliseconds (capped at 5 s).
    pub delay_step_ms: u64,
    /// Failures on one account before attempts are refused until the window passes.
    pub refuse_after_account: i64,
    /// Failures from one client address before its attempts are refused.
    pub refuse_after_address: i64,
}

impl Default for LoginPolicy {
    fn default() -> Self {
        Self {
            window_secs: 15 * 60,
            slow_after: 3,
            delay_step_ms: 1000,
            refuse_after_account: 10,
            refuse_after_address: 50,
        }
    }
}

/// Instance settings the use cases need.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The public address of the site, without a trailing slash (`https://praxis.example.org`),
    /// used in links sent by email.
    pub base_url: String,
    /// The `From:` address of mail the site sends.
    pub mail_from: String,
    /// The name of the network shown in pages and mail.
    pub site_name: String,
    /// Days a session lasts without use.
    pub session_days: i64,
    /// Log-in throttling.
    pub login_policy: LoginPolicy,
    /// Any member may create nodes; otherwise members propose them to network admins.
    pub open_node_creation: bool,
    /// The largest file a member may attach, in bytes.
    pub max_upload_bytes: u64,
    /// How much mail members' and visitors' actions may send.
    pub mail_quota: MailQuota,
    /// Where mail is written as files when no SMTP server is set (`None` otherwise).
    pub mail_dir: Option<std::path::PathBuf>,
    /// Days mail files are kept.
    pub keep_mail_files_days: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            base_url: "http://127.0.0.1:8080".into(),
            mail_from: "Praxis <praxis@localhost>".into(),
            site_name: "Praxis".into(),
            session_days: 30,
            login_policy: LoginPolicy::default(),
            open_node_creation: false,
            max_upload_bytes: 25 * 1024 * 1024,
            mail_quota: MailQuota::default(),
            mail_dir: None,
            keep_mail_files_days: 7,
        }
    }
}

/// What every use case runs against. Cheap to clone. Its parts are the use cases' own: the
/// front doors reach the store, the index and the files only through the use cases.
#[derive(Clone, Debug)]
pub struct Context {
    /// The database.
    pub(crate) store: Store,
    /// The clock.
    pub(crate) clock: Arc<dyn Clock>,
    /// Instance settings.
    pub(crate) settings: Arc<Settings>,
    /// The translations (pages and mail).
    pub(crate) translator: Arc<Translator>,
    /// Woken when mail is queued, so the sender delivers it at once.
    pub(crate) mail_queued: Arc<Notify>,
    /// Woken when a sign-up or reset request is queued, so the worker carries it out at once.
    pub(crate) work_queued: Arc<Notify>,
    /// Uploaded files.
    pub(crate) files: Arc<FileStore>,
    /// The search index.
    pub(crate) search: Arc<SearchService>,
}

impl Context {
    /// A context over `store` with the system clock.
    pub fn new(store: Store, settings: Settings) -> Self {
        Self {
            store,
            clock: Arc::new(SystemClock),
            settings: Arc::new(settings),
            translator: Arc::new(Translator::new()),
            mail_queued: Arc::new(Notify::new()),
            work_queued: Arc::new(Notify::new()),
            files: Arc::new(FileStore::memory()),
            search: Arc::new(
                SearchService::in_memory().unwrap_or_else(|e| panic!("an in-memory index: {e}")),
            ),
        }
    }

    /// The same context with files kept in `files` and the index `search`.
    #[must_use]
    pub fn with_storage(mut self, files: FileStore, search: SearchService) -> Self {
        self.files = Arc::new(files);
        self.search = Arc::new(search);
        self
    }

    /// The same context with another clock (a fake one in tests).
    #[must_use]
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Now, by the context's clock.
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// The instance settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The translations of pages and mail.
    pub fn translator(&self) -> &Arc<Translator> {
        &self.translator
    }

    /// Woken when mail is queued (the sender waits on it).
    pub fn mail_queued(&self) -> &Notify {
        &self.mail_queued
    }
}
