//! The `praxis` binary as a script or an operator uses it, against the suite's backend.
#![expect(clippy::unwrap_used, reason = "helpers of a test fail it by panicking")]

use std::io::Write as _;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use praxis_testkit::{Browser, TestDb};
use reqwest::StatusCode;

fn praxis(data_dir: &Path, db: &TestDb) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_praxis"));
    command
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--database-url")
        .arg(&db.url)
        .env_remove("PRAXIS__DATABASE__URL")
        .current_dir(data_dir);
    command
}

fn run_with_stdin(mut command: Command, input: &str) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).trim().to_owned()
}

fn temp_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("praxis-cli-{}", uuid_like()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn uuid_like() -> String {
    format!(
        "{}-{}",
        std::process::id(),
        Instant::now().elapsed().as_nanos() ^ rand_seed()
    )
}

fn rand_seed() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Server {
    child: Child,
    base: String,
}

impl Server {
    // A separate process has no way to tell us it is ready but answering: poll /healthz.
    async fn start(data_dir: &Path, db: &TestDb) -> Self {
        let port = free_port();
        let child = praxis(data_dir, db)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        while reqwest::get(format!("{base}/healthz")).await.is_err() {
            assert!(Instant::now() < deadline, "praxis serve did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Self { child, base }
    }

    fn stop(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        self.child.wait().unwrap()
    }
}

#[tokio::test]
async fn a_script_creates_an_admin_and_a_token_then_uses_the_api_of_a_running_server() {
    let db = TestDb::new().await;
    let dir = temp_dir();

    let mut create = praxis(&dir, &db);
    create.args([
        "admin",
        "create-user",
        "--email",
        "ops@example.org",
        "--password-stdin",
        "--display-name",
        "Ops",
        "--admin",
    ]);
    let created = run_with_stdin(create, "a long admin password\n");
    assert!(created.status.success(), "{}", text(&created.stderr));
    let token = praxis(&dir, &db)
        .args(["admin", "create-token", "--email", "ops@example.org"])
        .output()
        .unwrap();
    assert!(token.status.success(), "{}", text(&token.stderr));
    let token = text(&token.stdout);
    let server = Server::start(&dir, &db).await;

    let me = Browser::new(&server.base)
        .api("GET", "/api/v1/me", Some(&token), None)
        .await;

    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json()["is_admin"], true);
    assert_eq!(me.json()["id"], text(&created.stdout));
    assert!(server.stop().success(), "a graceful shutdown exits cleanly");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn without_smtp_a_sign_up_mail_lands_as_a_file_in_the_data_directory() {
    let db = TestDb::new().await;
    let dir = temp_dir();
    let server = Server::start(&dir, &db).await;
    let browser = Browser::new(&server.base);

    let page = browser
        .sign_up("newcomer@example.org", "a long enough password", "Newcomer")
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);

    let mail_dir = dir.join("mail");
    let deadline = Instant::now() + Duration::from_secs(20);
    let eml = loop {
        let found = std::fs::read_dir(&mail_dir).ok().and_then(|entries| {
            entries
                .filter_map(Result::ok)
                .find(|e| e.path().extension().is_some_and(|x| x == "eml"))
        });
        if let Some(entry) = found {
            break std::fs::read_to_string(entry.path()).unwrap();
        }
        assert!(Instant::now() < deadline, "no mail file appeared");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(eml.contains("To: newcomer@example.org"));
    let link = eml
        .split_whitespace()
        .find(|w| w.starts_with(&format!("{}/verify-email/", server.base)))
        .expect("a verification link")
        .to_owned();
    assert_eq!(
        browser
            .get(link.trim_start_matches(&server.base))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        browser
            .log_in("newcomer@example.org", "a long enough password")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    server.stop();
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn bad_input_to_create_user_names_the_field_and_creates_nothing() {
    let db = TestDb::new().await;
    let dir = temp_dir();
    let mut create = praxis(&dir, &db);
    create.args([
        "admin",
        "create-user",
        "--email",
        "not-an-email",
        "--password-stdin",
        "--display-name",
        "X",
    ]);

    let output = run_with_stdin(create, "short\n");

    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(stderr.contains("email:"), "{stderr}");
    assert!(stderr.contains("password:"), "{stderr}");
    assert_eq!(db.store.count_members().await.unwrap(), 0);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_demo_fills_an_empty_database_once() {
    let db = TestDb::new().await;
    let dir = temp_dir();

    let first = praxis(&dir, &db)
        .args(["demo", "--members", "60"])
        .output()
        .unwrap();
    let second = praxis(&dir, &db)
        .args(["demo", "--members", "60"])
        .output()
        .unwrap();

    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(text(&first.stdout).contains("60 members"));
    assert!(text(&second.stdout).contains("already has members"));
    assert_eq!(db.store.count_members().await.unwrap(), 60);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn config_show_prints_the_effective_configuration_with_secrets_masked() {
    let dir = temp_dir();

    let output = Command::new(env!("CARGO_BIN_EXE_praxis"))
        .args(["config", "show"])
        .current_dir(&dir)
        .env(
            "PRAXIS__DATABASE__URL",
            "postgres://praxis:hunter22@db.internal/praxis",
        )
        .env(
            "PRAXIS__MAIL__SMTP_URL",
            "smtps://me:mailsecret@mail.example.org",
        )
        .env("PRAXIS__SITE__BASE_URL", "https://praxis.example.org/")
        .output()
        .unwrap();

    let shown = text(&output.stdout);
    assert!(output.status.success());
    assert!(
        !shown.contains("hunter22") && !shown.contains("mailsecret"),
        "{shown}"
    );
    assert!(shown.contains("postgres://praxis:***@db.internal/praxis"));
    assert!(shown.contains("base_url = \"https://praxis.example.org\""));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_bad_configuration_value_stops_start_up_naming_the_key() {
    let output = Command::new(env!("CARGO_BIN_EXE_praxis"))
        .args(["migrate", "--listen", "here"])
        .output()
        .unwrap();

    assert!(!output.status.success());
    assert!(
        text(&output.stderr).contains("listen"),
        "{}",
        text(&output.stderr)
    );
}

fn admin_token(dir: &Path, db: &TestDb, email: &str) -> String {
    let mut create = praxis(dir, db);
    create.args([
        "admin",
        "create-user",
        "--email",
        email,
        "--password-stdin",
        "--display-name",
        "Librarian",
    ]);
    let created = run_with_stdin(create, "a long enough password\n");
    assert!(created.status.success(), "{}", text(&created.stderr));
    let token = praxis(dir, db)
        .args(["admin", "create-token", "--email", email])
        .output()
        .unwrap();
    assert!(token.status.success(), "{}", text(&token.stderr));
    text(&token.stdout)
}

async fn total(base: &str, q: &str) -> u64 {
    Browser::new(base)
        .get(&format!("/api/v1/search?q={q}"))
        .await
        .json()["total"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn two_servers_on_one_database_both_find_a_new_item_within_seconds() {
    let db = TestDb::new().await;
    let (dir_a, dir_b) = (temp_dir(), temp_dir());
    let token = admin_token(&dir_a, &db, "librarian@example.org");
    let a = Server::start(&dir_a, &db).await;
    let b = Server::start(&dir_b, &db).await;

    let made = Browser::new(&a.base)
        .api(
            "POST",
            "/api/v1/library",
            Some(&token),
            Some(serde_json::json!({"kind": "guide", "title": "Quillwort campaign guide", "scope": "public", "languages": ["en"]})),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let written = Instant::now();
    let mut seen = (false, false);
    while !(seen.0 && seen.1) {
        assert!(
            written.elapsed() < Duration::from_secs(5),
            "not searchable on both servers after five seconds: {seen:?}"
        );
        seen = (
            total(&a.base, "quillwort").await == 1,
            total(&b.base, "quillwort").await == 1,
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        written.elapsed() < Duration::from_secs(2),
        "{:?}",
        written.elapsed()
    );
    assert!(a.stop().success());
    assert!(b.stop().success());

    let reindex = praxis(&dir_b, &db)
        .args(["search", "reindex"])
        .output()
        .unwrap();
    assert!(reindex.status.success(), "{}", text(&reindex.stderr));
    assert!(
        text(&reindex.stdout).starts_with("Indexed 2 documents"),
        "{}",
        text(&reindex.stdout)
    );
    let b = Server::start(&dir_b, &db).await;
    assert_eq!(
        total(&b.base, "quillwort").await,
        1,
        "the rebuilt index is used"
    );
    assert!(b.stop().success());
    let _ = std::fs::remove_dir_all(dir_a);
    let _ = std::fs::remove_dir_all(dir_b);
}

#[tokio::test]
async fn reindex_refuses_while_a_server_holds_the_index() {
    let db = TestDb::new().await;
    let dir = temp_dir();
    let server = Server::start(&dir, &db).await;

    let reindex = praxis(&dir, &db)
        .args(["search", "reindex"])
        .output()
        .unwrap();

    assert!(!reindex.status.success());
    assert!(
        text(&reindex.stderr).contains("stop praxis serve first"),
        "{}",
        text(&reindex.stderr)
    );
    assert!(server.stop().success());
    let _ = std::fs::remove_dir_all(dir);
}
