//! Uploads larger than the configured limit are refused with 413 before their body is read:
//! from `Content-Length` when the client sends it, and by the body limit while streaming
//! otherwise.

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{ApiError, too_large_page};
use crate::state::AppState;

/// Room for the multipart envelope and the form's other fields around the file.
const ENVELOPE: u64 = 64 * 1024;

/// The body limit of an upload route: the file limit plus the envelope.
pub(crate) fn body_limit(state: &AppState) -> usize {
    usize::try_from(state.ctx.settings().max_upload_bytes + ENVELOPE).unwrap_or(usize::MAX)
}

fn declared_too_large(state: &AppState, request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|len| len > state.ctx.settings().max_upload_bytes + ENVELOPE)
}

/// For pages: a 413 error page.
pub(crate) async fn refuse_large_page_uploads(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if declared_too_large(&state, &request) {
        return too_large_page();
    }
    next.run(request).await
}

/// For the API: a 413 JSON error naming `file`.
pub(crate) async fn refuse_large_api_uploads(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if declared_too_large(&state, &request) {
        return ApiError::TooLarge.into_response();
    }
    next.run(request).await
}
