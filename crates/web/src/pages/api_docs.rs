//! A page documenting the JSON API, rendered on the server from the same OpenAPI document
//! served at `/api/v1/openapi.json` (so nothing is loaded from elsewhere).

use askama::Template;
use axum::response::Response;

use crate::api::openapi::{EndpointDoc, endpoints};
use crate::pages::{Chrome, render};

#[derive(Template)]
#[template(path = "api/docs.html")]
pub(crate) struct ApiDocsPage {
    c: Chrome,
    endpoints: Vec<EndpointDoc>,
}

pub(crate) async fn show_api_docs(c: Chrome) -> Response {
    render(&ApiDocsPage {
        c,
        endpoints: endpoints(),
    })
}
