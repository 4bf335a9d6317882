//! The directory page: a filter form (GET, so results can be bookmarked and shared) and a
//! page of people.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use praxis_app::AppError;
use praxis_app::directory;
use praxis_app::profiles::ProfileView;
use praxis_domain::members::profile::{Practice, Role};
use praxis_domain::validation::FieldErrors;

use crate::api::directory::DirectoryParams;
use crate::error::PageError;
use crate::extract::{RequestInfo, encode_component};
use crate::pages::{Chrome, render_with_status};
use crate::state::AppState;

/// An option of a select.
pub(crate) struct SelectOption {
    code: &'static str,
    label_key: String,
}

#[derive(Template)]
#[template(path = "directory/directory.html")]
pub(crate) struct DirectoryPage {
    c: Chrome,
    people: Vec<ProfileView>,
    organizations: Vec<praxis_app::organizations::OrganizationRecord>,
    next: Option<String>,
    errors: FieldErrors,
    practice: String,
    min_level: String,
    role: String,
    domain: String,
    region: String,
    language: String,
    coach: bool,
    node: String,
    q: String,
    practices: Vec<SelectOption>,
    roles: Vec<SelectOption>,
    levels: Vec<u8>,
}

fn value(v: Option<&String>) -> String {
    v.cloned().unwrap_or_default()
}

pub(crate) async fn show_directory(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    Query(params): Query<DirectoryParams>,
) -> Result<Response, PageError> {
    let query = params.to_query();
    let (people, next, errors, status) =
        match directory::search_directory(&state.ctx, info.member.as_ref(), &query).await {
            Ok(page) => {
                let next = page.next_cursor.map(|cursor| next_link(&params, &cursor));
                (page.items, next, FieldErrors::new(), StatusCode::OK)
            }
            Err(AppError::Invalid(errors)) => {
                (Vec::new(), None, errors, StatusCode::UNPROCESSABLE_ENTITY)
            }
            Err(e) => return Err(e.into()),
        };
    let organizations = match params
        .organization_query()
        .filter(|_| status == StatusCode::OK)
    {
        Some(query) => {
            praxis_app::organizations::list_organizations(&state.ctx, &query, 12).await?
        }
        None => Vec::new(),
    };
    let page = DirectoryPage {
        c,
        people,
        organizations,
        next,
        errors,
        practice: value(params.practice.as_ref()),
        min_level: value(params.min_level.as_ref()),
        role: value(params.role.as_ref()),
        domain: value(params.domain.as_ref()),
        region: value(params.region.as_ref()),
        language: value(params.language.as_ref()),
        coach: query.coach,
        node: value(params.node.as_ref()),
        q: value(params.q.as_ref()),
        practices: Practice::ALL
            .iter()
            .map(|p| SelectOption {
                code: p.code(),
                label_key: format!("practice-{}", p.code()),
            })
            .collect(),
        roles: Role::ALL
            .iter()
            .map(|r| SelectOption {
                code: r.code(),
                label_key: format!("role-{}", r.code()),
            })
            .collect(),
        levels: (1..=5).collect(),
    };
    Ok(render_with_status(status, &page))
}

/// The same search, one page further.
fn next_link(p: &DirectoryParams, cursor: &str) -> String {
    let mut parts = Vec::new();
    for (name, v) in [
        ("q", &p.q),
        ("practice", &p.practice),
        ("min_level", &p.min_level),
        ("role", &p.role),
        ("domain", &p.domain),
        ("region", &p.region),
        ("language", &p.language),
        ("coach", &p.coach),
        ("node", &p.node),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            parts.push(format!("{name}={}", encode_component(v)));
        }
    }
    parts.push(format!("cursor={}", encode_component(cursor)));
    format!("/directory?{}", parts.join("&"))
}
