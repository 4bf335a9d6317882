//! praxis-app: every action a member, an admin or a script can take, as use-case functions.
//!
//! The HTML pages, the JSON API and the CLI all call these functions, so the three front
//! doors behave the same. Permission checks and business rules live here (and in the
//! domain), never in handlers. This crate must not depend on praxis-web, axum, askama or
//! sqlx types.

pub mod accounts;
pub mod applications;
pub mod certificates;
pub mod coaching;
pub mod commitments;
pub mod context;
pub mod demo;
pub mod directory;
pub mod error;
pub mod feedback;
pub mod files;
pub mod i18n;
pub mod invitations;
pub mod library;
pub mod mail;
pub mod markdown;
pub mod narratives;
pub mod nodes;
pub mod operations;
pub mod organizations;
pub mod organizing;
pub mod paging;
pub mod pathways;
pub mod policy;
pub mod profiles;
pub mod quotas;
pub mod rosters;
pub mod search;
mod secrets;
pub mod teams;
pub mod tokens;
pub mod workshop_exports;
pub mod workshop_imports;
pub mod workshops;

pub use crate::context::{Clock, Context, LoginPolicy, Settings, SystemClock};
pub use crate::error::{AppError, AppResult};
pub use praxis_store::Constraint;
pub use praxis_store::invitations::PendingInvitation;
pub use praxis_store::organizations::Affiliation;
pub use praxis_store::sessions::SessionInfo;
pub use praxis_store::tokens::AccessTokenInfo;
