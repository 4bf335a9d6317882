//! The home page.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use praxis_app::nodes::{self, NodeRecord};
use praxis_app::profiles::{self, ProfileView, viewer_of};

use crate::error::PageError;
use crate::extract::RequestInfo;
use crate::pages::{Chrome, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "home/home.html")]
pub(crate) struct HomePage {
    c: Chrome,
    people: Vec<ProfileView>,
    my_nodes: Vec<NodeRecord>,
}

pub(crate) async fn show_home(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
) -> Result<Response, PageError> {
    let page =
        profiles::list_profiles(&state.ctx, viewer_of(info.member.as_ref()), None, 12).await?;
    let my_nodes = match &info.member {
        Some(me) => nodes::my_nodes(&state.ctx, me).await?,
        None => Vec::new(),
    };
    Ok(render(&HomePage {
        c,
        people: page.items,
        my_nodes,
    }))
}
