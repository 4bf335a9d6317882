//! Mail: composed in the reader's language, queued in the outbox in the database, and
//! delivered by a background sender with retries — over SMTP when configured, otherwise as
//! `.eml` files in a folder (so a newcomer can follow a link without a mail server).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context as _, anyhow};
use lettre::message::Body;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport as _, Message, Tokio1Executor};
use praxis_domain::members::credentials::Email;
use praxis_store::outbox::OutboxMessage;
use secrecy::{ExposeSecret as _, SecretString};

use crate::i18n::Locale;
use crate::{AppResult, Context};

/// The mails Praxis sends.
#[derive(Debug, Clone)]
pub enum MailKind {
    /// A link to verify a new account's address.
    VerifyEmail {
        /// The verification link.
        link: String,
    },
    /// Someone tried to sign up (or move an account) with an address that has an account.
    AlreadyRegistered,
    /// A link to choose a new password.
    ResetPassword {
        /// The reset link.
        link: String,
    },
    /// The password was changed.
    PasswordChanged,
    /// A link to confirm a new address.
    ConfirmEmailChange {
        /// The confirmation link.
        link: String,
    },
    /// Notice to the old address that a change was asked for.
    EmailChangeRequested,
    /// To the old address: the account moved to another one, with a link to undo it.
    EmailChanged {
        /// The new address.
        address: String,
        /// The undo link.
        link: String,
    },
    /// To the restored address: the move was undone and everyone signed out.
    EmailRestored,
    /// A steward accepted a request to join.
    RequestApproved {
        /// The node's name.
        node: String,
        /// The node's page.
        link: String,
    },
    /// A steward turned a request down.
    RequestDeclined {
        /// The node's name.
        node: String,
    },
    /// A trainer decided on a workshop application (or a seat freed up for it).
    ApplicationDecided {
        /// The workshop's title.
        workshop: String,
        /// `accepted`, `waitlisted` or `declined`.
        status: &'static str,
        /// The workshop's page.
        link: String,
    },
    /// An invitation to the next step of the pathway (to coach a workshop, say).
    NextStepInvitation {
        /// The workshop's title.
        workshop: String,
        /// Where to apply.
        link: String,
    },
    /// A member asked for a commitment (the mail says nothing of what or who: the link does).
    CommitmentAsked {
        /// The commitments page.
        link: String,
    },
    /// The member asked for a commitment answered it (agreed or declined; the mail says
    /// nothing of what or who: the link does).
    CommitmentAnswered {
        /// The commitments page.
        link: String,
    },
    /// A commitment the recipient agreed to comes due today or tomorrow (the mail says nothing
    /// of it).
    CommitmentReminder {
        /// The commitments page.
        link: String,
    },
    /// A one-on-one the recipient logged has its follow-up due today (the mail names no one).
    FollowUpReminder {
        /// The one-on-ones page.
        link: String,
    },
    /// A member endorsed a lesson the recipient drew (the mail names neither).
    LessonEndorsed {
        /// The lesson's page.
        link: String,
    },
    /// The stewards moved a lesson the recipient drew (the mail names neither).
    LessonMoved {
        /// The lesson's page.
        link: String,
    },
    /// A member asked for feedback on a story (nothing of the story is in the mail).
    FeedbackAsked {
        /// The story's page.
        link: String,
    },
    /// An invitation to join a node.
    NodeInvitation {
        /// The node's name.
        node: String,
        /// The invitation link.
        link: String,
    },
    /// An invitation to take a seat in a workshop (its staff imported the address).
    WorkshopInvitation {
        /// The workshop's title.
        workshop: String,
        /// The invitation link.
        link: String,
    },
}

impl MailKind {
    fn keys(&self) -> (&'static str, &'static str, Option<&str>) {
        match self {
            MailKind::RequestApproved { link, .. } => {
                ("mail-approved-subject", "mail-approved-body", Some(link))
            }
            MailKind::RequestDeclined { .. } => {
                ("mail-declined-subject", "mail-declined-body", None)
            }
            MailKind::NodeInvitation { link, .. } => (
                "mail-invitation-subject",
                "mail-invitation-body",
                Some(link),
            ),
            MailKind::ApplicationDecided { status, link, .. } => (
                match *status {
                    "accepted" => "mail-application-accepted-subject",
                    "waitlisted" => "mail-application-waitlisted-subject",
                    _ => "mail-application-declined-subject",
                },
                match *status {
                    "accepted" => "mail-application-accepted-body",
                    "waitlisted" => "mail-application-waitlisted-body",
                    _ => "mail-application-declined-body",
                },
                Some(link),
            ),
            MailKind::CommitmentAsked { link } => (
                "mail-commitment-asked-subject",
                "mail-commitment-asked-body",
                Some(link),
            ),
            MailKind::CommitmentAnswered { link } => (
                "mail-commitment-answered-subject",
                "mail-commitment-answered-body",
                Some(link),
            ),
            MailKind::CommitmentReminder { link } => (
                "mail-commitment-reminder-subject",
                "mail-commitment-reminder-body",
                Some(link),
            ),
            MailKind::FollowUpReminder { link } => (
                "mail-follow-up-reminder-subject",
                "mail-follow-up-reminder-body",
                Some(link),
            ),
            MailKind::LessonEndorsed { link } => (
                "mail-lesson-endorsed-subject",
                "mail-lesson-endorsed-body",
                Some(link),
            ),
            MailKind::LessonMoved { link } => (
                "mail-lesson-moved-subject",
                "mail-lesson-moved-body",
                Some(link),
            ),
            MailKind::FeedbackAsked { link } => (
                "mail-feedback-asked-subject",
                "mail-feedback-asked-body",
                Some(link),
            ),
            MailKind::WorkshopInvitation { link, .. } => (
                "mail-workshop-invitation-subject",
                "mail-workshop-invitation-body",
                Some(link),
            ),
            MailKind::NextStepInvitation { link, .. } => {
                ("mail-next-step-subject", "mail-next-step-body", Some(link))
            }
            MailKind::VerifyEmail { link } => {
                ("mail-verify-subject", "mail-verify-body", Some(link))
            }
            MailKind::AlreadyRegistered => {
                ("mail-registered-subject", "mail-registered-body", None)
            }
            MailKind::ResetPassword { link } => {
                ("mail-reset-subject", "mail-reset-body", Some(link))
            }
            MailKind::PasswordChanged => (
                "mail-password-changed-subject",
                "mail-password-changed-body",
                None,
            ),
            MailKind::ConfirmEmailChange { link } => (
                "mail-confirm-email-subject",
                "mail-confirm-email-body",
                Some(link),
            ),
            MailKind::EmailChangeRequested => {
                ("mail-email-change-subject", "mail-email-change-body", None)
            }
            MailKind::EmailChanged { link, .. } => (
                "mail-email-changed-subject",
                "mail-email-changed-body",
                Some(link),
            ),
            MailKind::EmailRestored => (
                "mail-email-restored-subject",
                "mail-email-restored-body",
                None,
            ),
        }
    }
}

/// Queues a mail to a member in their language (nothing when their account is gone).
///
/// # Errors
/// When the store fails.
pub async fn queue_to_member(
    ctx: &Context,
    member: praxis_domain::ids::MemberId,
    kind: MailKind,
) -> AppResult<()> {
    let account = match ctx.store.get_account(member).await {
        Ok(a) => a,
        Err(praxis_store::StoreError::NotFound) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let locale = account
        .ui_language
        .as_deref()
        .and_then(Locale::from_code)
        .unwrap_or_default();
    queue(ctx, locale, &account.email, kind).await
}

/// Composes a mail in `locale` and queues it for delivery.
pub async fn queue(ctx: &Context, locale: Locale, to: &Email, kind: MailKind) -> AppResult<()> {
    let message = compose(ctx, locale, to, &kind);
    ctx.store.enqueue_mail(&message, ctx.now()).await?;
    ctx.mail_queued.notify_one();
    Ok(())
}

/// Composes a mail in `locale`, for queueing in the same transaction as the change behind it.
pub fn compose(ctx: &Context, locale: Locale, to: &Email, kind: &MailKind) -> OutboxMessage {
    compose_to(ctx, locale, to.as_str(), kind)
}

/// As [`compose`], to an address already known to be valid (one read from the store).
pub fn compose_to(ctx: &Context, locale: Locale, to: &str, kind: &MailKind) -> OutboxMessage {
    let (subject_key, body_key, link) = kind.keys();
    let site = ctx.settings.site_name.as_str();
    let base = ctx.settings.base_url.as_str();
    let node = match kind {
        MailKind::NodeInvitation { node, .. }
        | MailKind::RequestApproved { node, .. }
        | MailKind::RequestDeclined { node } => node.as_str(),
        _ => "",
    };
    let workshop = match kind {
        MailKind::ApplicationDecided { workshop, .. }
        | MailKind::NextStepInvitation { workshop, .. }
        | MailKind::WorkshopInvitation { workshop, .. } => workshop.as_str(),
        _ => "",
    };
    let address = match kind {
        MailKind::EmailChanged { address, .. } => address.as_str(),
        _ => "",
    };
    let args = [
        ("site", site),
        ("link", link.unwrap_or_default()),
        ("base", base),
        ("node", node),
        ("workshop", workshop),
        ("address", address),
    ];
    OutboxMessage {
        id: uuid::Uuid::now_v7().to_string(),
        recipient: to.to_owned(),
        subject: ctx.translator.t_args(locale, subject_key, &args),
        body: ctx.translator.t_args(locale, body_key, &args),
        attempts: 0,
    }
}

/// Deletes the mail files written to `address` (their `To:` line names it); returns how many.
/// Mail files are kept only where no SMTP server is set, for an operator to read.
///
/// # Errors
/// When the folder cannot be read or a file removed.
pub async fn forget_mail_files_to(dir: &std::path::Path, address: &str) -> AppResult<usize> {
    let address = address.to_lowercase();
    mail_files(dir, move |text, _| {
        text.lines()
            .map(str::to_lowercase)
            .any(|l| l.starts_with("to:") && l.contains(&address))
    })
    .await
}

/// Deletes the mail files older than `keep_days`; returns how many.
///
/// # Errors
/// When the folder cannot be read or a file removed.
pub async fn prune_mail_files(dir: &std::path::Path, keep_days: i64) -> AppResult<usize> {
    let keep =
        std::time::Duration::from_secs(u64::try_from(keep_days.max(0)).unwrap_or(0) * 86_400);
    mail_files(dir, move |_, age| age > keep).await
}

/// Removes the `.eml` files of `dir` that `doomed` (their text and age) picks.
async fn mail_files(
    dir: &std::path::Path,
    doomed: impl Fn(&str, std::time::Duration) -> bool + Send + 'static,
) -> AppResult<usize> {
    let dir = dir.to_owned();
    tokio::task::spawn_blocking(move || -> anyhow::Result<usize> {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e).context("reading the mail folder"),
        };
        let mut removed = 0;
        for entry in entries {
            let path = entry.context("reading the mail folder")?.path();
            if path.extension().is_none_or(|e| e != "eml") {
                continue;
            }
            let age = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .unwrap_or_default();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if doomed(&text, age) {
                std::fs::remove_file(&path).context("removing a mail file")?;
                removed += 1;
            }
        }
        Ok(removed)
    })
    .await
    .context("the mail folder task stopped")?
    .map_err(crate::AppError::from)
}

/// Where mail goes.
#[derive(Clone)]
pub enum Mailer {
    /// Written as `<id>.eml` files into a folder.
    Files(PathBuf),
    /// Sent through an SMTP server.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// Kept in memory (tests).
    Memory(Arc<Mutex<Vec<OutboxMessage>>>),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mailer::Files(dir) => f.debug_tuple("Files").field(dir).finish(),
            Mailer::Smtp(_) => f.write_str("Smtp"),
            Mailer::Memory(_) => f.write_str("Memory"),
        }
    }
}

impl Mailer {
    /// An SMTP mailer from a URL such as `smtps://user:password@mail.example.org:465` or
    /// `smtp://relay.internal:25?tls=required`.
    pub fn smtp(url: &SecretString) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
            .map_err(|e| anyhow!("the SMTP URL is not valid: {e}"))?
            .build();
        Ok(Mailer::Smtp(transport))
    }

    async fn deliver(&self, from: &str, message: &OutboxMessage) -> anyhow::Result<()> {
        match self {
            Mailer::Memory(sent) => {
                sent.lock()
                    .map_err(|_| anyhow!("mail store poisoned"))?
                    .push(message.clone());
                Ok(())
            }
            Mailer::Files(dir) => {
                let bytes = build(from, message)?.formatted();
                tokio::fs::create_dir_all(dir)
                    .await
                    .context("creating the mail folder")?;
                let tmp = dir.join(format!(".{}.tmp", message.id));
                let path = dir.join(format!("{}.eml", message.id));
                let file_bytes = bytes.clone();
                let tmp_for_write = tmp.clone();
                // Write, flush to disk, then rename: a crash never leaves half a message.
                tokio::task::spawn_blocking(move || -> std::io::Result<()> {
                    use std::io::Write as _;
                    let mut file = std::fs::File::create(&tmp_for_write)?;
                    file.write_all(&file_bytes)?;
                    file.sync_all()
                })
                .await
                .context("the mail writer stopped")?
                .context("writing a mail file")?;
                tokio::fs::rename(&tmp, &path)
                    .await
                    .context("naming a mail file")?;
                Ok(())
            }
            Mailer::Smtp(transport) => transport
                .send(build(from, message)?)
                .await
                .map(|_| ())
                .map_err(|e| anyhow!("SMTP delivery failed: {e}")),
        }
    }
}

fn build(from: &str, message: &OutboxMessage) -> anyhow::Result<Message> {
    Message::builder()
        .from(
            from.parse()
                .map_err(|e| anyhow!("the sender address is not valid: {e}"))?,
        )
        .to(message
            .recipient
            .parse()
            .map_err(|e| anyhow!("a recipient address is not valid: {e}"))?)
        .subject(message.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(readable_body(&message.body))
        .map_err(|e| anyhow!("building a mail failed: {e}"))
}

/// The body as 8bit text with CRLF line ends, so that links stay whole and readable in an
/// `.eml` file opened in a text editor (lettre would pick quoted-printable for lines over 76
/// characters). Bodies with a line over SMTP's 998-byte limit get lettre's own encoding.
fn readable_body(text: &str) -> Body {
    if text.lines().any(|line| line.len() > 998) || text.contains('\0') {
        return Body::new(text.to_owned());
    }
    let crlf = text.lines().collect::<Vec<_>>().join("\r\n");
    Body::dangerous_pre_encoded(crlf.into_bytes(), ContentTransferEncoding::EightBit)
}

/// Attempts after which a message is dropped (about two days of retries).
const MAX_ATTEMPTS: i64 = 12;

/// Delivers every due message once; returns how many were delivered. Failures are retried
/// later with a growing delay.
pub async fn deliver_due_mail(ctx: &Context, mailer: &Mailer) -> AppResult<usize> {
    let now = ctx.now();
    let batch = ctx
        .store
        .claim_due_mail(now, now.plus_seconds(120), 50)
        .await?;
    let mut delivered = 0;
    for message in batch {
        match mailer.deliver(&ctx.settings.mail_from, &message).await {
            Ok(()) => {
                ctx.store.mark_mail_sent(&message.id).await?;
                delivered += 1;
            }
            Err(error) if message.attempts + 1 >= MAX_ATTEMPTS => {
                // The address is personal data: the log names the message, not the recipient.
                tracing::error!(mail.id = %message.id, error = %error, "dropping mail after repeated failures");
                ctx.store.mark_mail_sent(&message.id).await?;
            }
            Err(error) => {
                let delay = 30_i64
                    .saturating_mul(1 << message.attempts.clamp(0, 10))
                    .min(6 * 3600);
                tracing::warn!(mail.id = %message.id, error = %error, retry.secs = delay, "mail delivery failed");
                ctx.store
                    .mark_mail_failed(
                        &message.id,
                        &error.to_string(),
                        ctx.now().plus_seconds(delay),
                    )
                    .await?;
            }
        }
    }
    Ok(delivered)
}

/// Runs the sender until `shutdown` completes: delivers at once when mail is queued in this
/// process, and every few seconds otherwise (mail queued by other processes, retries).
pub async fn run_mail_sender(
    ctx: Context,
    mailer: Mailer,
    shutdown: impl std::future::Future<Output = ()>,
) {
    tokio::pin!(shutdown);
    loop {
        match deliver_due_mail(&ctx, &mailer).await {
            // A full batch: more is probably waiting (a large import), so go on at once.
            Ok(delivered) if delivered >= 50 => continue,
            Ok(_) => {}
            Err(error) => {
                tracing::warn!(error = %error, "the mail sender could not read the outbox")
            }
        }
        tokio::select! {
            () = &mut shutdown => break,
            () = ctx.mail_queued.notified() => {}
            () = tokio::time::sleep(Duration::from_secs(5)) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use praxis_store::{DatabaseConfig, Store};
    use secrecy::SecretString;
    use tokio::io::{AsyncBufReadExt as _, AsyncWriteExt as _, BufReader};
    use tokio::net::TcpListener;

    use super::*;
    use crate::Settings;

    async fn context() -> (Context, std::path::PathBuf) {
        let dir =
            std::env::temp_dir().join(format!("praxis-mail-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        let url = format!("sqlite://{}", dir.join("praxis.db").display());
        let store = Store::connect(&DatabaseConfig {
            url,
            max_connections: 2,
        })
        .await
        .unwrap();
        store.migrate().await.unwrap();
        (Context::new(store, Settings::default()), dir)
    }

    /// A minimal SMTP server that accepts one message and hands back what it received.
    async fn fake_smtp() -> (u16, tokio::task::JoinHandle<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = tokio::spawn(async move {
            let (socket, _) = listener.accept().await.unwrap();
            let (read, mut write) = socket.into_split();
            let mut lines = BufReader::new(read).lines();
            let mut data = String::new();
            write.write_all(b"220 fake ESMTP\r\n").await.unwrap();
            let mut in_data = false;
            while let Some(line) = lines.next_line().await.unwrap() {
                if in_data {
                    if line == "." {
                        in_data = false;
                        write.write_all(b"250 queued\r\n").await.unwrap();
                    } else {
                        data.push_str(&line);
                        data.push('\n');
                    }
                    continue;
                }
                let verb = line
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_ascii_uppercase();
                let reply: &[u8] = match verb.as_str() {
                    "EHLO" | "HELO" => b"250-fake\r\n250 8BITMIME\r\n",
                    "DATA" => {
                        in_data = true;
                        b"354 go on\r\n"
                    }
                    "QUIT" => {
                        write.write_all(b"221 bye\r\n").await.unwrap();
                        break;
                    }
                    _ => b"250 ok\r\n",
                };
                write.write_all(reply).await.unwrap();
            }
            data
        });
        (port, server)
    }

    #[tokio::test]
    async fn queued_mail_is_delivered_over_smtp_and_leaves_the_outbox() {
        let (ctx, dir) = context().await;
        let (port, server) = fake_smtp().await;
        let mailer = Mailer::smtp(&SecretString::from(format!("smtp://127.0.0.1:{port}"))).unwrap();
        let to = Email::parse("reader@example.org").unwrap();
        queue(
            &ctx,
            Locale::Ar,
            &to,
            MailKind::ResetPassword {
                link: "http://x/reset-password/pxl_1".into(),
            },
        )
        .await
        .unwrap();

        let delivered = deliver_due_mail(&ctx, &mailer).await.unwrap();

        assert_eq!(delivered, 1);
        let received = server.await.unwrap();
        assert!(received.contains("To: reader@example.org"), "{received}");
        assert!(
            received.contains("http://x/reset-password/pxl_1"),
            "the link arrives whole"
        );
        assert_eq!(ctx.store.count_pending_mail().await.unwrap(), 0);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn a_failed_delivery_stays_queued_for_a_later_retry() {
        let (ctx, dir) = context().await;
        let closed_port = TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mailer = Mailer::smtp(&SecretString::from(format!(
            "smtp://127.0.0.1:{closed_port}"
        )))
        .unwrap();
        let to = Email::parse("reader@example.org").unwrap();
        queue(&ctx, Locale::En, &to, MailKind::PasswordChanged)
            .await
            .unwrap();

        let delivered = deliver_due_mail(&ctx, &mailer).await.unwrap();

        assert_eq!(delivered, 0);
        assert_eq!(ctx.store.count_pending_mail().await.unwrap(), 1);
        let memory = Mailer::Memory(Arc::new(Mutex::new(Vec::new())));
        assert_eq!(
            deliver_due_mail(&ctx, &memory).await.unwrap(),
            0,
            "not retried at once"
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
