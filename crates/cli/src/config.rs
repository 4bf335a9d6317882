//! Configuration: defaults in code, then an optional `praxis.toml`, then environment
//! variables `PRAXIS__SECTION__KEY`, then command-line flags. Validated at start-up with
//! messages that name the key.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use secrecy::{ExposeSecret as _, SecretString};
use serde::Deserialize;

/// The effective configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    pub listen: SocketAddr,
    pub database_url: Option<SecretString>,
    pub database_max_connections: u32,
    pub base_url: Option<String>,
    pub site_name: String,
    pub mail_from: String,
    pub smtp_url: Option<SecretString>,
    pub trust_forwarded_for: bool,
    pub log_format: LogFormat,
    pub log_level: String,
    pub open_node_creation: bool,
    pub max_upload_mb: u64,
    /// How much mail members' and visitors' actions may send.
    pub mail_quota: praxis_app::quotas::MailQuota,
    /// Days mail files (without SMTP) are kept.
    pub keep_mail_files_days: i64,
    /// Attachments in an S3-compatible bucket instead of `data_dir/files`.
    pub s3: Option<praxis_app::files::S3Config>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    data_dir: Option<PathBuf>,
    listen: Option<String>,
    #[serde(default)]
    database: DatabaseSection,
    #[serde(default)]
    site: SiteSection,
    #[serde(default)]
    mail: MailSection,
    #[serde(default)]
    http: HttpSection,
    #[serde(default)]
    log: LogSection,
    #[serde(default)]
    nodes: NodesSection,
    #[serde(default)]
    library: LibrarySection,
    #[serde(default)]
    files: FilesSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FilesSection {
    s3_bucket: Option<String>,
    s3_region: Option<String>,
    s3_endpoint: Option<String>,
    s3_access_key_id: Option<String>,
    s3_secret_access_key: Option<String>,
    s3_prefix: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LibrarySection {
    max_upload_mb: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct NodesSection {
    open_creation: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DatabaseSection {
    url: Option<String>,
    max_connections: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteSection {
    base_url: Option<String>,
    name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MailSection {
    from: Option<String>,
    smtp_url: Option<String>,
    quota_member_per_day: Option<i64>,
    quota_address_per_day: Option<i64>,
    quota_visitor_address_per_hour: Option<i64>,
    quota_recipient_per_hour: Option<i64>,
    keep_files_days: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct HttpSection {
    trust_forwarded_for: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LogSection {
    format: Option<String>,
    level: Option<String>,
}

/// Values given on the command line (highest priority).
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub config_file: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub listen: Option<String>,
    pub database_url: Option<String>,
    pub log_format: Option<LogFormat>,
}

impl Config {
    /// Loads and validates the configuration from every source.
    pub fn load(
        overrides: &Overrides,
        env: impl Fn(&str) -> Option<String>,
    ) -> anyhow::Result<Self> {
        let file = match &overrides.config_file {
            Some(path) => read_file(path)?,
            None if Path::new("praxis.toml").exists() => read_file(Path::new("praxis.toml"))?,
            None => FileConfig::default(),
        };
        let pick = |flag: Option<String>, var: &str, from_file: Option<String>| {
            flag.or_else(|| env(var)).or(from_file)
        };

        let data_dir = overrides
            .data_dir
            .clone()
            .or_else(|| env("PRAXIS__DATA_DIR").map(PathBuf::from))
            .or(file.data_dir)
            .unwrap_or_else(|| PathBuf::from("praxis-data"));
        let listen_text = pick(overrides.listen.clone(), "PRAXIS__LISTEN", file.listen)
            .unwrap_or_else(|| "127.0.0.1:8080".into());
        let listen: SocketAddr = listen_text.parse().with_context(|| {
            format!("listen: `{listen_text}` is not an address such as 127.0.0.1:8080")
        })?;
        let database_url = pick(
            overrides.database_url.clone(),
            "PRAXIS__DATABASE__URL",
            file.database.url,
        )
        .filter(|s| !s.is_empty());
        if let Some(url) = &database_url
            && praxis_store::Backend::from_url(url).is_none()
        {
            bail!("database.url: only sqlite: and postgres:// URLs are supported");
        }
        let max_connections = match env("PRAXIS__DATABASE__MAX_CONNECTIONS") {
            Some(v) => v
                .parse()
                .with_context(|| format!("database.max_connections: `{v}` is not a number"))?,
            None => file.database.max_connections.unwrap_or(8),
        };
        if !(1..=200).contains(&max_connections) {
            bail!("database.max_connections: must be between 1 and 200");
        }
        let base_url = pick(None, "PRAXIS__SITE__BASE_URL", file.site.base_url)
            .map(|u| u.trim_end_matches('/').to_owned());
        if let Some(url) = &base_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            bail!("site.base_url: must start with http:// or https://");
        }
        let trust_forwarded_for = match env("PRAXIS__HTTP__TRUST_FORWARDED_FOR") {
            Some(v) => matches!(v.as_str(), "1" | "true" | "yes"),
            None => file.http.trust_forwarded_for.unwrap_or(false),
        };
        let log_format = match overrides.log_format {
            Some(f) => f,
            None => match pick(None, "PRAXIS__LOG__FORMAT", file.log.format).as_deref() {
                None | Some("text") => LogFormat::Text,
                Some("json") => LogFormat::Json,
                Some(other) => bail!("log.format: `{other}` is neither text nor json"),
            },
        };
        let max_upload_mb = match env("PRAXIS__LIBRARY__MAX_UPLOAD_MB") {
            Some(v) => v
                .parse()
                .with_context(|| format!("library.max_upload_mb: `{v}` is not a number"))?,
            None => file.library.max_upload_mb.unwrap_or(25),
        };
        if !(1..=2048).contains(&max_upload_mb) {
            bail!("library.max_upload_mb: must be between 1 and 2048");
        }
        let files = file.files;
        let s3 = match pick(None, "PRAXIS__FILES__S3_BUCKET", files.s3_bucket)
            .filter(|b| !b.is_empty())
        {
            None => None,
            Some(bucket) => {
                let access_key_id = pick(
                    None,
                    "PRAXIS__FILES__S3_ACCESS_KEY_ID",
                    files.s3_access_key_id,
                )
                .filter(|k| !k.is_empty())
                .context("files.s3_access_key_id: required with files.s3_bucket")?;
                let secret = pick(
                    None,
                    "PRAXIS__FILES__S3_SECRET_ACCESS_KEY",
                    files.s3_secret_access_key,
                )
                .filter(|k| !k.is_empty())
                .context("files.s3_secret_access_key: required with files.s3_bucket")?;
                let endpoint =
                    pick(None, "PRAXIS__FILES__S3_ENDPOINT", files.s3_endpoint).unwrap_or_default();
                if !(endpoint.is_empty()
                    || endpoint.starts_with("http://")
                    || endpoint.starts_with("https://"))
                {
                    bail!("files.s3_endpoint: must start with http:// or https://");
                }
                Some(praxis_app::files::S3Config {
                    bucket,
                    region: pick(None, "PRAXIS__FILES__S3_REGION", files.s3_region)
                        .unwrap_or_else(|| "us-east-1".into()),
                    endpoint,
                    access_key_id,
                    secret_access_key: SecretString::from(secret),
                    prefix: pick(None, "PRAXIS__FILES__S3_PREFIX", files.s3_prefix)
                        .unwrap_or_default(),
                })
            }
        };
        let quota = |key: &str, file_value: Option<i64>, default: i64| -> anyhow::Result<i64> {
            let value = match env(&format!("PRAXIS__MAIL__{}", key.to_uppercase())) {
                Some(v) => v
                    .parse()
                    .with_context(|| format!("mail.{key}: `{v}` is not a number"))?,
                None => file_value.unwrap_or(default),
            };
            if !(1..=1_000_000).contains(&value) {
                bail!("mail.{key}: must be between 1 and 1000000");
            }
            Ok(value)
        };
        let defaults = praxis_app::quotas::MailQuota::default();
        let mail_quota = praxis_app::quotas::MailQuota {
            member_per_day: quota(
                "quota_member_per_day",
                file.mail.quota_member_per_day,
                defaults.member_per_day,
            )?,
            address_per_day: quota(
                "quota_address_per_day",
                file.mail.quota_address_per_day,
                defaults.address_per_day,
            )?,
            visitor_address_per_hour: quota(
                "quota_visitor_address_per_hour",
                file.mail.quota_visitor_address_per_hour,
                defaults.visitor_address_per_hour,
            )?,
            recipient_per_hour: quota(
                "quota_recipient_per_hour",
                file.mail.quota_recipient_per_hour,
                defaults.recipient_per_hour,
            )?,
        };
        let keep_mail_files_days = match env("PRAXIS__MAIL__KEEP_FILES_DAYS") {
            Some(v) => v
                .parse()
                .with_context(|| format!("mail.keep_files_days: `{v}` is not a number"))?,
            None => file.mail.keep_files_days.unwrap_or(7),
        };
        if !(0..=3650).contains(&keep_mail_files_days) {
            bail!("mail.keep_files_days: must be between 0 and 3650");
        }
        let mail_from = pick(None, "PRAXIS__MAIL__FROM", file.mail.from)
            .unwrap_or_else(|| "Praxis <praxis@localhost>".into());
        Ok(Self {
            data_dir,
            listen,
            database_url: database_url.map(SecretString::from),
            database_max_connections: max_connections,
            base_url,
            site_name: pick(None, "PRAXIS__SITE__NAME", file.site.name)
                .unwrap_or_else(|| "Praxis".into()),
            mail_from,
            smtp_url: pick(None, "PRAXIS__MAIL__SMTP_URL", file.mail.smtp_url)
                .filter(|s| !s.is_empty())
                .map(SecretString::from),
            trust_forwarded_for,
            log_format,
            open_node_creation: match env("PRAXIS__NODES__OPEN_CREATION") {
                Some(v) => matches!(v.as_str(), "1" | "true" | "yes"),
                None => file.nodes.open_creation.unwrap_or(false),
            },
            max_upload_mb,
            mail_quota,
            keep_mail_files_days,
            s3,
            log_level: pick(None, "PRAXIS__LOG__LEVEL", file.log.level)
                .unwrap_or_else(|| "info,sqlx=warn".into()),
        })
    }

    /// The database URL: the configured one, or a SQLite file in the data directory.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.expose_secret().to_owned(),
            None => format!("sqlite://{}", self.data_dir.join("praxis.db").display()),
        }
    }

    /// The public address of the site.
    pub fn base_url(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.listen))
    }

    /// The effective configuration as TOML, with secrets masked.
    pub fn show(&self) -> String {
        let mask = |s: &Option<SecretString>| {
            s.as_ref()
                .map(|v| praxis_store::redact_url(v.expose_secret()))
        };
        let smtp = self.smtp_url.as_ref().map(|_| "***".to_owned());
        format!(
            "data_dir = {:?}\nlisten = \"{}\"\n\n[database]\nurl = {:?}\nmax_connections = {}\n\n[site]\nbase_url = \"{}\"\nname = {:?}\n\n[mail]\nfrom = {:?}\nsmtp_url = {:?}\nquota_member_per_day = {}\nquota_address_per_day = {}\nquota_visitor_address_per_hour = {}\nquota_recipient_per_hour = {}\nkeep_files_days = {}\n\n[http]\ntrust_forwarded_for = {}\n\n[log]\nformat = \"{}\"\nlevel = {:?}\n\n[nodes]\nopen_creation = {}\n\n[library]\nmax_upload_mb = {}\n\n[files]\nstorage = {:?}\n",
            self.data_dir.display().to_string(),
            self.listen,
            mask(&self.database_url).unwrap_or_else(|| self.database_url()),
            self.database_max_connections,
            self.base_url(),
            self.site_name,
            self.mail_from,
            smtp.unwrap_or_else(|| format!(
                "(none: mail is written to {})",
                self.data_dir.join("mail").display()
            )),
            self.mail_quota.member_per_day,
            self.mail_quota.address_per_day,
            self.mail_quota.visitor_address_per_hour,
            self.mail_quota.recipient_per_hour,
            self.keep_mail_files_days,
            self.trust_forwarded_for,
            if self.log_format == LogFormat::Json {
                "json"
            } else {
                "text"
            },
            self.log_level,
            self.open_node_creation,
            self.max_upload_mb,
            match &self.s3 {
                Some(s3) => format!(
                    "s3://{}/{} at {} (secret key ***)",
                    s3.bucket,
                    s3.prefix,
                    if s3.endpoint.is_empty() {
                        "AWS"
                    } else {
                        &s3.endpoint
                    }
                ),
                None => self.data_dir.join("files").display().to_string(),
            },
        )
    }
}

fn read_file(path: &Path) -> anyhow::Result<FileConfig> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the configuration file {}", path.display()))?;
    toml::from_str(&text)
        .with_context(|| format!("the configuration file {} is not valid", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn defaults_run_on_sqlite_in_the_data_directory() {
        let config = Config::load(&Overrides::default(), no_env).unwrap();

        assert_eq!(config.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(config.database_url(), "sqlite://praxis-data/praxis.db");
        assert_eq!(config.base_url(), "http://127.0.0.1:8080");
    }

    #[test]
    fn an_s3_bucket_needs_its_keys_and_its_secret_is_never_shown() {
        let half = |k: &str| (k == "PRAXIS__FILES__S3_BUCKET").then(|| "files".to_owned());
        let error = Config::load(&Overrides::default(), half).unwrap_err();
        assert!(
            error.to_string().contains("files.s3_access_key_id"),
            "{error}"
        );

        let full = |k: &str| match k {
            "PRAXIS__FILES__S3_BUCKET" => Some("files".to_owned()),
            "PRAXIS__FILES__S3_ACCESS_KEY_ID" => Some("key".to_owned()),
            "PRAXIS__FILES__S3_SECRET_ACCESS_KEY" => Some("very-secret".to_owned()),
            "PRAXIS__FILES__S3_ENDPOINT" => Some("http://127.0.0.1:9000".to_owned()),
            "PRAXIS__LIBRARY__MAX_UPLOAD_MB" => Some("5".to_owned()),
            _ => None,
        };
        let config = Config::load(&Overrides::default(), full).unwrap();
        assert_eq!(config.s3.as_ref().unwrap().region, "us-east-1");
        assert_eq!(config.max_upload_mb, 5);
        let shown = config.show();
        assert!(
            shown.contains("s3://files/") && !shown.contains("very-secret"),
            "{shown}"
        );
        let bad = |k: &str| (k == "PRAXIS__LIBRARY__MAX_UPLOAD_MB").then(|| "0".to_owned());
        let error = Config::load(&Overrides::default(), bad).unwrap_err();
        assert!(
            error.to_string().contains("library.max_upload_mb"),
            "{error}"
        );
    }

    #[test]
    fn flags_beat_environment_variables() {
        let env = |k: &str| (k == "PRAXIS__LISTEN").then(|| "0.0.0.0:9000".to_owned());
        let overrides = Overrides {
            listen: Some("127.0.0.1:7000".into()),
            ..Default::default()
        };

        assert_eq!(
            Config::load(&Overrides::default(), env)
                .unwrap()
                .listen
                .to_string(),
            "0.0.0.0:9000"
        );
        assert_eq!(
            Config::load(&overrides, env).unwrap().listen.to_string(),
            "127.0.0.1:7000"
        );
    }

    #[test]
    fn bad_values_name_their_key() {
        let env = |k: &str| (k == "PRAXIS__DATABASE__URL").then(|| "mysql://x".to_owned());
        let error = Config::load(&Overrides::default(), env)
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("database.url"), "{error}");

        let overrides = Overrides {
            listen: Some("nonsense".into()),
            ..Default::default()
        };
        let error = Config::load(&overrides, no_env).unwrap_err().to_string();
        assert!(error.starts_with("listen"), "{error}");
    }

    #[test]
    fn shown_configuration_masks_secrets() {
        let env = |k: &str| match k {
            "PRAXIS__DATABASE__URL" => Some("postgres://praxis:hunter22@db/praxis".to_owned()),
            "PRAXIS__MAIL__SMTP_URL" => Some("smtps://me:mailpass@mail.example.org".to_owned()),
            _ => None,
        };
        let config = Config::load(&Overrides::default(), env).unwrap();

        let shown = config.show();

        assert!(!shown.contains("hunter22"));
        assert!(!shown.contains("mailpass"));
        assert!(shown.contains("postgres://praxis:***@db/praxis"));
        assert!(!format!("{config:?}").contains("hunter22"));
    }
}
