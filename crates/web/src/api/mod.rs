//! The JSON API under `/api/v1`: one module per feature, with its `*Request`/`*Response`
//! structs beside the handlers. Domain types are never serialised directly.

pub(crate) mod applications;
pub(crate) mod commitments;
pub(crate) mod directory;
pub(crate) mod library;
pub(crate) mod me;
pub(crate) mod members;
pub(crate) mod narratives;
pub(crate) mod nodes;
pub(crate) mod openapi;
pub(crate) mod organizations;
pub(crate) mod organizing;
pub(crate) mod pathways;
pub(crate) mod rosters;
pub(crate) mod search;
pub(crate) mod tokens;
pub(crate) mod workshop_records;
pub(crate) mod workshops;

use praxis_app::AppError;
use praxis_domain::timestamps::Timestamp;
use time::format_description::well_known::Rfc3339;

use crate::error::ApiError;

/// Any unknown API path.
pub(crate) async fn not_found() -> ApiError {
    ApiError::App(AppError::NotFound)
}

/// A timestamp as RFC 3339 text.
pub(crate) fn rfc3339(at: Timestamp) -> String {
    at.to_datetime()
        .and_then(|d| d.format(&Rfc3339).ok())
        .unwrap_or_default()
}
