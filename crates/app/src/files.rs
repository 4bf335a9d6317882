//! Where uploaded files are kept: a directory on local disk (the default), or memory for tests.
//! Keys are made by Praxis (`items/<item>/<attachment>`), never from a user's file name.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use anyhow::Context as _;

/// The file storage.
#[derive(Debug)]
pub enum FileStore {
    /// Files under this directory.
    Local(PathBuf),
    /// Files in memory (tests and one-off commands).
    Memory(Mutex<HashMap<String, Vec<u8>>>),
}

impl FileStore {
    /// Storage in memory.
    pub fn memory() -> Self {
        FileStore::Memory(Mutex::new(HashMap::new()))
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
            FileStore::Memory(files) => {
                files
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(key.to_owned(), bytes);
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
            FileStore::Memory(files) => Ok(files
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(key)
                .cloned()),
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
            FileStore::Memory(files) => {
                files.lock().unwrap_or_else(|e| e.into_inner()).remove(key);
                Ok(())
            }
        }
    }
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
}
