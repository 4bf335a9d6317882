//! The values a member signs in with: an email address and a password.

use std::fmt;

/// Why a string is not an acceptable email address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing was given.
    #[error("email is required")]
    Missing,
    /// It does not look like `name@domain.tld`.
    #[error("email is not a valid address")]
    Invalid,
}

impl From<EmailError> for &'static str {
    fn from(error: EmailError) -> Self {
        match error {
            EmailError::Missing => "error-required",
            EmailError::Invalid => "error-email-invalid",
        }
    }
}

/// A normalised (trimmed, lower-cased) email address.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// Parses and normalises an address typed by a person.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(EmailError::Missing);
        }
        if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(EmailError::Invalid);
        }
        let (local, domain) = s.rsplit_once('@').ok_or(EmailError::Invalid)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        if local.is_empty() || local.len() > 64 || local.contains('@') || !domain_ok {
            return Err(EmailError::Invalid);
        }
        Ok(Self(s.to_lowercase()))
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

// An address is personal data: debug output (and so logs) shows only its domain.
impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let domain = self.0.rsplit_once('@').map_or("", |(_, d)| d);
        write!(f, "Email(***@{domain})")
    }
}

/// Why a proposed password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Shorter than [`NewPassword::MIN_CHARS`].
    #[error("password is too short")]
    TooShort,
    /// Longer than [`NewPassword::MAX_CHARS`].
    #[error("password is too long")]
    TooLong,
}

impl From<PasswordError> for &'static str {
    fn from(error: PasswordError) -> Self {
        match error {
            PasswordError::TooShort => "error-password-short",
            PasswordError::TooLong => "error-password-long",
        }
    }
}

/// A password a member chose, long enough to be worth hashing. Never printed.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    /// The shortest password accepted (length matters more than character classes).
    pub const MIN_CHARS: usize = 10;
    /// The longest password accepted, which bounds the cost of hashing.
    pub const MAX_CHARS: usize = 256;

    /// Checks a proposed password.
    pub fn parse(input: &str) -> Result<Self, PasswordError> {
        let n = input.chars().count();
        if n < Self::MIN_CHARS {
            Err(PasswordError::TooShort)
        } else if n > Self::MAX_CHARS {
            Err(PasswordError::TooLong)
        } else {
            Ok(Self(input.to_owned()))
        }
    }

    /// The password, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_trimmed_and_lower_cased() {
        let email = Email::parse("  Amira.Haddad@Example.ORG ").unwrap();

        assert_eq!(email.as_str(), "amira.haddad@example.org");
    }

    #[test]
    fn addresses_in_other_scripts_are_accepted() {
        assert!(Email::parse("ана@пример.срб").is_ok());
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for input in [
            "",
            "   ",
            "plain",
            "@example.org",
            "a@b",
            "a b@c.org",
            "a@.org",
            "a@b..org",
            "a@b.org.",
        ] {
            assert!(Email::parse(input).is_err(), "{input:?} was accepted");
        }
        assert_eq!(Email::parse(""), Err(EmailError::Missing));
    }

    #[test]
    fn debug_output_hides_the_local_part() {
        let email = Email::parse("secret.name@example.org").unwrap();

        assert_eq!(format!("{email:?}"), "Email(***@example.org)");
    }

    #[test]
    fn passwords_must_be_long_enough_and_are_never_printed() {
        assert_eq!(
            NewPassword::parse("short").err(),
            Some(PasswordError::TooShort)
        );
        assert_eq!(
            NewPassword::parse(&"x".repeat(257)).err(),
            Some(PasswordError::TooLong)
        );
        let ok = NewPassword::parse("correct horse battery").unwrap();
        assert_eq!(format!("{ok:?}"), "NewPassword(***)");
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        assert!(NewPassword::parse("كلمةسريةطويلة").is_ok());
    }
}
