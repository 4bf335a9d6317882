//! Who may see and do what: the one place access is decided.
//!
//! Every guard here is a function of the viewer's standing **now** — their membership and
//! stewardship of a node, a ban, their place on a team (which counts only while they are an
//! active member of its node), their staff roles on a workshop, the network admin flag read
//! with their session — never of a row that outlived it. The domain keeps the pure rules
//! (`praxis_domain::nodes::can_see_node`, `praxis_domain::organizing::may_see`,
//! `praxis_domain::library::can_edit_item`, `praxis_domain::coaching::log_access` …); the
//! guards load what those rules need and apply them.
//!
//! Two answers mean "no": something the viewer may not know exists is
//! [`AppError::NotFound`](crate::AppError::NotFound), exactly like a missing one; something
//! they may know of but not use is [`AppError::Forbidden`](crate::AppError::Forbidden).
//! Feature modules call these guards and never decide access themselves; [`table`] answers
//! any (viewer, object, action) through the same guards, which is how the rules are tested as
//! one table.

pub mod library;
pub mod narratives;
pub mod nodes;
pub mod organizations;
pub mod organizing;
pub mod pathways;
pub mod seen;
pub mod table;
pub mod workshops;

use praxis_domain::ids::MemberId;
use praxis_domain::members::credentials::Email;
use praxis_domain::members::profile::Viewer;

use crate::i18n::Locale;

/// The member behind a request, as every front door knows them: who they are and the
/// network admin flag, read with their session on every request (so a revoked flag or a
/// deleted account takes effect at once).
#[derive(Debug, Clone)]
pub struct CurrentMember {
    /// Their id.
    pub id: MemberId,
    /// Their display name.
    pub display_name: String,
    /// Their email address (shown only to themselves).
    pub email: Email,
    /// A network admin.
    pub is_admin: bool,
    /// Their chosen interface language.
    pub locale: Option<Locale>,
    /// The hash of the session they came with (`None` for an access token).
    pub session_hash: Option<String>,
    /// The network address their request came from (`None` from the CLI), for the
    /// allowances of what they may send.
    pub client_address: Option<String>,
}

/// The domain's view of who is asking: a visitor or a member.
pub fn viewer_of(me: Option<&CurrentMember>) -> Viewer {
    me.map_or(Viewer::Anonymous, |m| Viewer::Member(m.id))
}
