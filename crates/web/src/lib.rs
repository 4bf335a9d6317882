//! praxis-web: the HTTP front doors — server-rendered pages, the JSON API under `/api/v1`,
//! vendored assets, and the middleware every response passes through (sessions, CSRF,
//! language, security headers, error pages).
//!
//! Handlers extract input, call one `praxis_app` function and render the result; no SQL,
//! permission checks or business rules live here. This crate must not depend on sqlx or on
//! concrete store types.

mod api;
mod assets;
mod error;
mod extract;
mod middleware;
mod pages;
mod router;
mod state;
mod uploads;

pub use crate::router::router;
pub use crate::state::{AppState, HttpConfig};
