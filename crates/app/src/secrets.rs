//! Random secrets and password hashes.

use anyhow::{Context as _, anyhow};
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};

/// A new URL-safe random secret with 256 bits of entropy (64 hex characters), prefixed so
/// that leaked tokens are easy to recognise (`pxs_` sessions, `pxt_` tokens, `pxl_` links).
pub(crate) fn new_secret(prefix: &str) -> anyhow::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| anyhow!("the system random generator failed: {e}"))?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("{prefix}{hex}"))
}

/// A random word of `len` lower-case letters and digits, without look-alikes (`0`/`o`,
/// `1`/`l`): about five bits of entropy per character.
pub(crate) fn random_word(len: usize) -> anyhow::Result<String> {
    const ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut bytes = vec![0u8; len];
    getrandom::fill(&mut bytes).map_err(|e| anyhow!("the system random generator failed: {e}"))?;
    Ok(bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(b % 32)]))
        .collect())
}

/// Hashes a password with Argon2id and a random salt, off the async runtime's threads.
pub(crate) async fn hash_password(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| anyhow!("hashing a password failed: {e}"))
    })
    .await
    .context("the hashing task stopped")?
}

// A real hash of a random password, verified when an address is unknown so that a log-in
// for a missing account takes as long as one for a real account.
const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2aZ7Pj6Aj1f0T1Z3w6X1t7J0vVw3a6e8q8t1b0m8m5U";

/// Checks a password against a stored hash (or against a decoy when there is none).
pub(crate) async fn verify_password(
    password: String,
    hash: Option<String>,
) -> anyhow::Result<bool> {
    let is_real = hash.is_some();
    let hash = hash.unwrap_or_else(|| DECOY_HASH.to_owned());
    tokio::task::spawn_blocking(move || {
        let parsed = PasswordHash::new(&hash)
            .map_err(|e| anyhow!("a stored password hash is malformed: {e}"))?;
        let ok = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(ok && is_real)
    })
    .await
    .context("the verification task stopped")?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_password_verifies_against_its_own_hash_only() {
        let hash = hash_password("correct horse battery".into()).await.unwrap();

        assert!(hash.starts_with("$argon2id$"));
        assert!(
            verify_password("correct horse battery".into(), Some(hash.clone()))
                .await
                .unwrap()
        );
        assert!(
            !verify_password("wrong horse battery".into(), Some(hash))
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn the_decoy_never_verifies() {
        assert!(
            !verify_password("anything at all".into(), None)
                .await
                .unwrap()
        );
    }

    #[test]
    fn secrets_are_random_and_prefixed() {
        let a = new_secret("pxs_").unwrap();
        let b = new_secret("pxs_").unwrap();

        assert_ne!(a, b);
        assert!(a.starts_with("pxs_"));
        assert_eq!(a.len(), 4 + 64);
    }
}
