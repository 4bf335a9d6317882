//! The use cases' one error type: what a front door can act on.

use praxis_domain::validation::FieldErrors;
use praxis_store::{Constraint, StoreError};

/// Why a use case did not complete.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The thing does not exist, or the caller may not know it exists.
    #[error("not found")]
    NotFound,
    /// The caller must sign in first.
    #[error("sign-in required")]
    Unauthenticated,
    /// The caller is known but may not do this.
    #[error("forbidden")]
    Forbidden,
    /// Some fields are invalid; nothing was changed.
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// The change conflicts with existing data.
    #[error("conflict: {0:?}")]
    Conflict(Constraint),
    /// Too many attempts: try again after this many seconds.
    #[error("too many attempts")]
    TooManyAttempts {
        /// Seconds until another attempt is accepted.
        retry_after_secs: u64,
    },
    /// The database cannot be reached.
    #[error("service unavailable")]
    Unavailable(#[source] anyhow::Error),
    /// A failure the caller cannot act on.
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// The result of a use case.
pub type AppResult<T> = Result<T, AppError>;

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict(c) => AppError::Conflict(c),
            StoreError::Unavailable(e) => AppError::Unavailable(e),
            StoreError::Other(e) => AppError::Unexpected(e),
        }
    }
}

impl From<FieldErrors> for AppError {
    fn from(errors: FieldErrors) -> Self {
        AppError::Invalid(errors)
    }
}
