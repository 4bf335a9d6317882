//! The store's one error type: what its callers can act on.

/// A uniqueness rule the database enforces, named for the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Constraint {
    /// Another member already uses this email address.
    MemberEmailTaken,
    /// Another node already uses this slug.
    NodeSlugTaken,
    /// The node would be left without a steward.
    LastSteward,
    /// Another organization already uses this slug.
    OrganizationSlugTaken,
    /// Someone else saved a newer version since the editor loaded it.
    StaleVersion,
    /// The member already applied in this role.
    AlreadyApplied,
    /// Accepting would give more seats than the workshop has.
    WorkshopFull,
}

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The row asked for does not exist.
    #[error("not found")]
    NotFound,
    /// The change would break a uniqueness rule.
    #[error("conflict: {0:?}")]
    Conflict(Constraint),
    /// The database could not be reached or timed out.
    #[error("database unavailable")]
    Unavailable(#[source] anyhow::Error),
    /// Anything else.
    #[error(transparent)]
    Other(anyhow::Error),
}

/// The result of a store operation.
pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    pub(crate) fn from_sqlx(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                StoreError::Unavailable(error.into())
            }
            sqlx::Error::Database(ref db) => match constraint_of(db.as_ref()) {
                Some(c) => StoreError::Conflict(c),
                None => StoreError::Other(error.into()),
            },
            other => StoreError::Other(other.into()),
        }
    }
}

// PostgreSQL names the violated constraint; SQLite names the table and columns in its message.
fn constraint_of(db: &dyn sqlx::error::DatabaseError) -> Option<Constraint> {
    if !db.is_unique_violation() {
        return None;
    }
    let named = db.constraint().unwrap_or_default();
    let message = db.message();
    if named == "members_email_key" || message.contains("members.email") {
        Some(Constraint::MemberEmailTaken)
    } else if named == "nodes_slug_key" || message.contains("nodes.slug") {
        Some(Constraint::NodeSlugTaken)
    } else if named == "organizations_slug_key" || message.contains("organizations.slug") {
        Some(Constraint::OrganizationSlugTaken)
    } else if named == "workshop_applications_once"
        || message.contains("workshop_applications.workshop_id")
    {
        Some(Constraint::AlreadyApplied)
    } else {
        None
    }
}
