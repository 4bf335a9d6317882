//! Profiles: viewing (as each profile's visibility allows), editing one's own, and listing.

use praxis_domain::ids::MemberId;
use praxis_domain::members::profile::{
    Profile, ProfileChanges, RawProfileChanges, Viewer, can_view_profile,
};
use praxis_domain::timestamps::Timestamp;
use praxis_store::members::ListScope;
use praxis_store::nodes::NodeScope;
use tracing::instrument;

use crate::markdown::render_markdown;
use crate::policy::CurrentMember;
use crate::{AppError, AppResult, Context};

/// A profile as a particular viewer may see it.
#[derive(Debug, Clone)]
pub struct ProfileView {
    /// Whose profile.
    pub id: MemberId,
    /// The profile's fields.
    pub profile: Profile,
    /// The bio rendered to safe HTML.
    pub bio_html: String,
    /// True when the viewer is its owner (they may edit it).
    pub is_own: bool,
    /// When the member joined.
    pub joined: Timestamp,
    /// The nodes they belong to that the viewer may see (never nodes with the safety
    /// setting); empty in listings.
    pub nodes: Vec<praxis_store::nodes::NodeRecord>,
}

/// One page of profiles and the cursor for the next.
#[derive(Debug, Clone)]
pub struct ProfilePage {
    /// The profiles on this page.
    pub items: Vec<ProfileView>,
    /// The cursor of the next page, if there is one.
    pub next_cursor: Option<String>,
}

/// The viewer a current member (or nobody) is.
pub fn viewer_of(me: Option<&CurrentMember>) -> Viewer {
    me.map_or(Viewer::Anonymous, |m| Viewer::Member(m.id))
}

/// The member's own profile (its fields only).
///
/// # Errors
/// When the store fails.
pub async fn own_profile(ctx: &Context, me: &CurrentMember) -> AppResult<Profile> {
    Ok(ctx.store.get_member(me.id).await?.profile)
}

/// A member's profile, if the viewer may see it.
///
/// # Errors
/// `NotFound` both when there is no such member and when the viewer may not see them, so a
/// private profile cannot be told apart from a missing one.
pub async fn view_profile(ctx: &Context, viewer: Viewer, id: MemberId) -> AppResult<ProfileView> {
    let record = ctx.store.get_member(id).await?;
    if !can_view_profile(id, record.profile.visibility, viewer) {
        return Err(AppError::NotFound);
    }
    let scope = match viewer {
        Viewer::Anonymous => NodeScope::PublicOnly,
        Viewer::Member(m) => NodeScope::MemberView(m),
    };
    let nodes = ctx.store.list_member_nodes(id, scope, false, 100).await?;
    Ok(ProfileView {
        id,
        nodes,
        bio_html: render_markdown(&record.profile.bio),
        is_own: viewer == Viewer::Member(id),
        profile: record.profile,
        joined: record.created_at,
    })
}

/// Changes the member's own profile; validates everything first and changes nothing when any
/// field is wrong.
///
/// # Errors
/// `Invalid` naming every wrong field.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn update_profile(
    ctx: &Context,
    me: &CurrentMember,
    raw: RawProfileChanges,
) -> AppResult<ProfileView> {
    let mut profile = ctx.store.get_member(me.id).await?.profile;
    let changes = ProfileChanges::parse(raw, profile.availability)?;
    profile.apply(changes);
    ctx.store.update_profile(me.id, &profile, ctx.now()).await?;
    tracing::info!("profile updated");
    view_profile(ctx, Viewer::Member(me.id), me.id).await
}

/// The largest page a caller may ask for.
pub const MAX_PAGE: u32 = 100;

/// A page of the profiles the viewer may see, by name.
///
/// # Errors
/// `Invalid` naming `cursor` for a cursor this function did not make.
pub async fn list_profiles(
    ctx: &Context,
    viewer: Viewer,
    cursor: Option<&str>,
    limit: u32,
) -> AppResult<ProfilePage> {
    let limit = limit.clamp(1, MAX_PAGE);
    let after = match cursor.filter(|c| !c.is_empty()) {
        Some(c) => Some(decode_cursor(c).ok_or_else(|| {
            AppError::Invalid(praxis_domain::validation::FieldErrors::single(
                "cursor",
                "error-cursor",
            ))
        })?),
        None => None,
    };
    let scope = match viewer {
        Viewer::Anonymous => ListScope::PublicOnly,
        Viewer::Member(id) => ListScope::MembersOf(id),
    };
    let mut rows = ctx
        .store
        .list_profiles(
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

pub(crate) fn encode_cursor(name: &str, id: MemberId) -> String {
    let raw = format!("{id}{name}");
    raw.bytes().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn decode_cursor(cursor: &str) -> Option<(String, MemberId)> {
    if !cursor.len().is_multiple_of(2) || cursor.len() > 1024 {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..cursor.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(cursor.get(i..i + 2)?, 16).ok())
        .collect();
    let raw = String::from_utf8(bytes?).ok()?;
    let id = raw.get(..36)?.parse().ok()?;
    Some((raw.get(36..)?.to_owned(), id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_round_trips_names_in_any_script() {
        let id = MemberId::generate();

        let cursor = encode_cursor("Јована Ђорђевић", id);

        assert_eq!(
            decode_cursor(&cursor),
            Some(("Јована Ђорђевић".to_owned(), id))
        );
    }

    #[test]
    fn a_forged_cursor_is_refused() {
        assert_eq!(decode_cursor("zz"), None);
        assert_eq!(decode_cursor("abc"), None);
        assert_eq!(decode_cursor("6869"), None);
    }
}
