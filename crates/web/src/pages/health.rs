//! Operations endpoints for load balancers and orchestrators.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use praxis_app::operations;

use crate::state::AppState;

/// The process is up.
pub(crate) async fn healthz() -> impl IntoResponse {
    (StatusCode::OK, "ok")
}

/// The process can reach its database.
pub(crate) async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    match operations::check_ready(&state.ctx).await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(error) => {
            tracing::warn!(error = %error, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
    }
}
