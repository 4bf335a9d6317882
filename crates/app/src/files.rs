//! Where uploaded files are kept: a directory on local disk (the default), or an object store
//! — an S3-compatible bucket for several servers, or memory for tests. Keys are made by Praxis
//! (`items/<item>/<attachment>`), never from a user's file name.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use object_store::aws::AmazonS3Builder;
use object_store::memory::InMemory;
use object_store::prefix::PrefixStore;
use object_store::{ObjectStore, ObjectStoreExt as _, PutPayload};

/// The file storage.
#[derive(Debug)]
pub enum FileStore {
    /// Files under this directory (the default: one server, or a shared mount).
    Local(PathBuf),
    /// An object store: S3 or an S3-compatible service (several servers), or memory (tests).
    Objects(Arc<dyn ObjectStore>),
}

/// Where an S3-compatible bucket is and how to reach it.
#[derive(Clone)]
pub struct S3Config {
    /// The bucket.
    pub bucket: String,
    /// The region (`us-east-1` when the service does not care).
    pub region: String,
    /// The service's address for S3-compatible services (MinIO, Garage, Ceph…); empty for AWS.
    pub endpoint: String,
    /// The access key id.
    pub access_key_id: String,
    /// The secret access key.
    pub secret_access_key: secrecy::SecretString,
    /// A folder inside the bucket, so one bucket can serve several networks.
    pub prefix: String,
}

impl std::fmt::Debug for S3Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Config")
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("endpoint", &self.endpoint)
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

impl FileStore {
    /// Storage in memory, through the object-store interface.
    pub fn memory() -> Self {
        FileStore::Objects(Arc::new(InMemory::new()))
    }

    /// Storage in an S3-compatible bucket (path-style addressing, so MinIO and the like work).
    ///
    /// # Errors
    /// When the configuration is incomplete or malformed.
    pub fn s3(config: &S3Config) -> anyhow::Result<Self> {
        use secrecy::ExposeSecret as _;
        let mut builder = AmazonS3Builder::new()
            .with_bucket_name(&config.bucket)
            .with_region(&config.region)
            .with_access_key_id(&config.access_key_id)
            .with_secret_access_key(config.secret_access_key.expose_secret())
            .with_virtual_hosted_style_request(false);
        if !config.endpoint.is_empty() {
            builder = builder
                .with_endpoint(&config.endpoint)
                .with_allow_http(config.endpoint.starts_with("http://"));
        }
        let store = builder.build().context("files.s3: the bucket settings")?;
        let prefix = config.prefix.trim_matches('/');
        Ok(if prefix.is_empty() {
            FileStore::Objects(Arc::new(store))
        } else {
            FileStore::Objects(Arc::new(PrefixStore::new(store, prefix)))
        })
    }

    fn path(root: &Path, key: &str) -> anyhow::Result<PathBuf> {
        let relative = Path::new(key);
        anyhow::ensure!(
            relative
                .components()
                .all(|c| matches!(c, Component::Normal(_))),
            "unsafe storage key"
        );
        Ok(root.join(relative))
    }

    /// Stores `bytes` under `key`, durably (written to a temporary file, synced, renamed).
    ///
    /// # Errors
    /// When the disk refuses.
    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        match self {
            FileStore::Local(root) => {
                let path = Self::path(root, key)?;
                tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
                    use std::io::Write as _;
                    let dir = path.parent().context("storage key without a folder")?;
                    std::fs::create_dir_all(dir).context("creating a storage folder")?;
                    let temp = path.with_extension("partial");
                    let mut file = std::fs::File::create(&temp).context("creating a file")?;
                    file.write_all(&bytes).context("writing a file")?;
                    file.sync_all().context("syncing a file")?;
                    std::fs::rename(&temp, &path).context("moving a file into place")?;
                    Ok(())
                })
                .await
                .context("storing a file")?
            }
            FileStore::Objects(store) => {
                store
                    .put(&object_path(key)?, PutPayload::from(bytes))
                    .await
                    .context("storing a file")?;
                Ok(())
            }
        }
    }

    /// The bytes under `key`, if any.
    ///
    /// # Errors
    /// When the disk refuses.
    pub async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        match self {
            FileStore::Local(root) => match tokio::fs::read(Self::path(root, key)?).await {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(e).context("reading a stored file"),
            },
            FileStore::Objects(store) => match store.get(&object_path(key)?).await {
                Ok(found) => Ok(Some(
                    found
                        .bytes()
                        .await
                        .context("reading a stored file")?
                        .to_vec(),
                )),
                Err(object_store::Error::NotFound { .. }) => Ok(None),
                Err(e) => Err(e).context("reading a stored file"),
            },
        }
    }

    /// Removes the file under `key` (nothing when it is already gone).
    ///
    /// # Errors
    /// When the disk refuses.
    pub async fn delete(&self, key: &str) -> anyhow::Result<()> {
        match self {
            FileStore::Local(root) => match tokio::fs::remove_file(Self::path(root, key)?).await {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(e).context("removing a stored file"),
            },
            FileStore::Objects(store) => match store.delete(&object_path(key)?).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
                Err(e) => Err(e).context("removing a stored file"),
            },
        }
    }
}

fn object_path(key: &str) -> anyhow::Result<object_store::path::Path> {
    object_store::path::Path::parse(key).context("unsafe storage key")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_cannot_climb_out_of_the_folder() {
        assert!(FileStore::path(Path::new("/data"), "../etc/passwd").is_err());
        assert!(FileStore::path(Path::new("/data"), "/etc/passwd").is_err());
        assert!(FileStore::path(Path::new("/data"), "items/a/b").is_ok());
    }

    #[tokio::test]
    async fn both_kinds_of_storage_keep_and_forget_a_file() {
        let dir = std::env::temp_dir().join(format!("praxis-files-{}", std::process::id()));
        for store in [FileStore::Local(dir.clone()), FileStore::memory()] {
            store.put("items/a/b", b"bytes".to_vec()).await.unwrap();
            assert_eq!(
                store.get("items/a/b").await.unwrap(),
                Some(b"bytes".to_vec())
            );
            store.delete("items/a/b").await.unwrap();
            store.delete("items/a/b").await.unwrap();
            assert_eq!(store.get("items/a/b").await.unwrap(), None);
        }
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn an_s3_bucket_is_configured_without_contacting_it() {
        let config = S3Config {
            bucket: "praxis-files".into(),
            region: "us-east-1".into(),
            endpoint: "http://127.0.0.1:9000".into(),
            access_key_id: "key".into(),
            secret_access_key: "secret".to_owned().into(),
            prefix: "network-a".into(),
        };
        assert!(matches!(FileStore::s3(&config), Ok(FileStore::Objects(_))));
        assert!(!format!("{config:?}").contains("secret"));
    }
}
