//! Static assets, compiled into the binary: no CDN, no request leaves the site.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::extract::Path;

const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "praxis.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/praxis.css"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_bytes!("../assets/favicon.svg"),
    ),
];

/// `GET /assets/{file}`.
pub(crate) async fn serve_asset(Path(file): Path<String>) -> Response {
    match ASSETS.iter().find(|(name, _, _)| *name == file) {
        Some((_, content_type, bytes)) => (
            [
                (header::CONTENT_TYPE, *content_type),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            *bytes,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
