//! The people directory: find members by practice and level, role, domain, region, language,
//! availability to coach and node — showing only what each profile's visibility and each
//! node's rules allow the viewer to see.

use praxis_domain::members::profile::{
    Level, Practice, Role, Viewer, can_view_profile, search_terms,
};
use praxis_domain::timestamps::Timestamp;
use praxis_domain::validation::FieldErrors;
use praxis_store::directory::DirectoryFilter;
use praxis_store::members::ListScope;

use crate::policy::CurrentMember;
use crate::policy::nodes::{may_see_members, visible_node};
use crate::policy::viewer_of;
use crate::profiles::{MAX_PAGE, ProfilePage, ProfileView, decode_cursor, encode_cursor};
use crate::{AppError, AppResult, Context};

/// A directory search as typed (query string or form).
#[derive(Debug, Clone, Default)]
pub struct DirectoryQuery {
    /// Practice code.
    pub practice: Option<String>,
    /// Lowest level in that practice (0–5; default 0).
    pub min_level: Option<i64>,
    /// Role code.
    pub role: Option<String>,
    /// Domain.
    pub domain: Option<String>,
    /// Region.
    pub region: Option<String>,
    /// Language code.
    pub language: Option<String>,
    /// Only people available to coach.
    pub coach: bool,
    /// Node id or slug.
    pub node: Option<String>,
    /// Words to find in names, regions, domains and bios (each must begin a word).
    pub text: Option<String>,
    /// The cursor of the previous page.
    pub cursor: Option<String>,
    /// Page size.
    pub limit: u32,
}

fn given(value: Option<&String>) -> Option<&str> {
    value.map(|s| s.trim()).filter(|s| !s.is_empty())
}

/// Searches the directory.
///
/// # Errors
/// `Invalid` naming `practice`, `min_level`, `role`, `node` (unknown, or a node whose members
/// the viewer may not see — the same answer, so the filter reveals nothing) or `cursor`.
pub async fn search_directory(
    ctx: &Context,
    me: Option<&CurrentMember>,
    q: &DirectoryQuery,
) -> AppResult<ProfilePage> {
    let viewer = viewer_of(me);
    let mut errors = FieldErrors::new();
    let mut filter = DirectoryFilter::default();
    if let Some(code) = given(q.practice.as_ref()) {
        let level = match q.min_level {
            None => Level::new(0),
            Some(l) => Level::new(l),
        };
        match (Practice::from_code(code), level) {
            (Some(p), Some(l)) => filter.practice = Some((p, l)),
            (None, _) => errors.add("practice", "error-unknown-choice"),
            (_, None) => errors.add("min_level", "error-level-range"),
        }
    }
    if let Some(code) = given(q.role.as_ref()) {
        match Role::from_code(code) {
            Some(r) => filter.role = Some(r),
            None => errors.add("role", "error-unknown-choice"),
        }
    }
    filter.domain = given(q.domain.as_ref()).map(str::to_owned);
    filter.region = given(q.region.as_ref()).map(str::to_owned);
    filter.language = given(q.language.as_ref()).map(str::to_owned);
    filter.available_to_coach = q.coach;
    if let Some(text) = given(q.text.as_ref()) {
        filter.words = search_terms(&[text]);
    }
    if let Some(key) = given(q.node.as_ref()) {
        match visible_node(ctx, me, key).await {
            Ok((node, standing)) if may_see_members(&node, me, standing) => {
                filter.node = Some(node.id);
            }
            Ok(_) | Err(AppError::NotFound) => errors.add("node", "error-unknown-node"),
            Err(e) => return Err(e),
        }
    }
    let after = match given(q.cursor.as_ref()) {
        Some(c) => match decode_cursor(c) {
            Some(after) => Some(after),
            None => {
                errors.add("cursor", "error-cursor");
                None
            }
        },
        None => None,
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let limit = q.limit.clamp(1, MAX_PAGE);
    let scope = match viewer {
        Viewer::Anonymous => ListScope::PublicOnly,
        Viewer::Member(id) => ListScope::MembersOf(id),
    };
    let mut rows = ctx
        .store
        .search_directory(
            &filter,
            scope,
            after.as_ref().map(|(n, id)| (n.as_str(), *id)),
            limit + 1,
        )
        .await?;
    let has_more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = has_more
        .then(|| {
            rows.last()
                .map(|last| encode_cursor(&last.profile.display_name, last.id))
        })
        .flatten();
    let items = rows
        .into_iter()
        // The store applied the visibility rule; this re-check is the domain's word on it.
        .filter(|row| can_view_profile(row.id, row.profile.visibility, viewer))
        .map(|row| ProfileView {
            bio_html: String::new(),
            is_own: viewer == Viewer::Member(row.id),
            id: row.id,
            profile: row.profile,
            joined: Timestamp::from_unix_ms(0),
            nodes: Vec::new(),
        })
        .collect();
    Ok(ProfilePage { items, next_cursor })
}
