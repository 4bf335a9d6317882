//! Member profiles: the list and one profile, as each profile's visibility allows.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use praxis_app::AppError;
use praxis_app::profiles::{self, ProfileView, viewer_of};
use praxis_domain::ids::MemberId;
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{Path, RequestInfo};
use crate::pages::{Chrome, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "profiles/list.html")]
pub(crate) struct MemberListPage {
    c: Chrome,
    people: Vec<ProfileView>,
    next: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct PageQuery {
    after: Option<String>,
}

pub(crate) async fn list_members(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let page = match profiles::list_profiles(
        &state.ctx,
        viewer_of(info.member.as_ref()),
        q.after.as_deref(),
        30,
    )
    .await
    {
        Err(AppError::Invalid(_)) => return Err(PageError(AppError::NotFound)),
        other => other?,
    };
    Ok(render(&MemberListPage {
        c,
        people: page.items,
        next: page.next_cursor,
    }))
}

#[derive(Template)]
#[template(path = "profiles/show.html")]
pub(crate) struct MemberPage {
    c: Chrome,
    view: ProfileView,
}

pub(crate) async fn show_member(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: MemberId = id.parse().map_err(|_| PageError(AppError::NotFound))?;
    let view = profiles::view_profile(&state.ctx, viewer_of(info.member.as_ref()), id).await?;
    Ok(render(&MemberPage { c, view }))
}
