//! Nodes of practice: members gathered around a domain, a region or shared values, nested to
//! any depth, with their own visibility, joining policy and stewards.

use crate::fields::{parse_languages, parse_name};
use crate::members::profile::Viewer;
use crate::validation::FieldErrors;

/// What a node gathers people around.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A field of work: climate, faith communities, health care.
    Domain,
    /// A place: the Balkans → Serbia → Belgrade.
    Region,
    /// Shared values.
    Values,
}

impl NodeKind {
    /// Every kind.
    pub const ALL: [NodeKind; 3] = [NodeKind::Domain, NodeKind::Region, NodeKind::Values];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            NodeKind::Domain => "domain",
            NodeKind::Region => "region",
            NodeKind::Values => "values",
        }
    }

    /// The kind with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Who knows a node exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeVisibility {
    /// Anyone, even visitors who are not signed in.
    Public,
    /// Any signed-in member of the network.
    Members,
    /// Only the node's own members: for everyone else it does not exist.
    Secret,
}

impl NodeVisibility {
    /// Every visibility, most open first.
    pub const ALL: [NodeVisibility; 3] = [
        NodeVisibility::Public,
        NodeVisibility::Members,
        NodeVisibility::Secret,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            NodeVisibility::Public => "public",
            NodeVisibility::Members => "members",
            NodeVisibility::Secret => "secret",
        }
    }

    /// The visibility with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.code() == code)
    }
}

/// How people join a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinPolicy {
    /// Anyone who can see the node joins at once.
    Open,
    /// A steward approves or declines each request.
    Request,
    /// Only by invitation.
    Invite,
}

impl JoinPolicy {
    /// Every policy.
    pub const ALL: [JoinPolicy; 3] = [JoinPolicy::Open, JoinPolicy::Request, JoinPolicy::Invite];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            JoinPolicy::Open => "open",
            JoinPolicy::Request => "request",
            JoinPolicy::Invite => "invite",
        }
    }

    /// The policy with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// A member's standing in a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Not a member and no request pending.
    Outsider,
    /// Asked to join; a steward has not answered yet.
    Requested,
    /// A member.
    Member,
    /// A steward (also a member).
    Steward,
    /// Removed by a steward and not allowed back (unless a steward lifts the ban).
    Banned,
}

impl Standing {
    /// True for members and stewards.
    pub fn is_member(self) -> bool {
        matches!(self, Standing::Member | Standing::Steward)
    }
}

/// True when `viewer`, with `standing` in the node, may know the node exists. A secret node
/// is known to its members only — not even to network admins, so a compromised admin account
/// cannot list the groups most at risk.
pub fn can_see_node(visibility: NodeVisibility, viewer: Viewer, standing: Standing) -> bool {
    match visibility {
        NodeVisibility::Public => true,
        NodeVisibility::Members => matches!(viewer, Viewer::Member(_)),
        NodeVisibility::Secret => standing.is_member(),
    }
}

/// True when the viewer may see who belongs to the node. With the safety setting on, only
/// stewards see the member list; a secret node's list is for its members.
pub fn can_see_node_members(
    visibility: NodeVisibility,
    safety: bool,
    viewer: Viewer,
    standing: Standing,
) -> bool {
    if safety {
        return standing == Standing::Steward;
    }
    can_see_node(visibility, viewer, standing)
        && (visibility != NodeVisibility::Secret || standing.is_member())
}

/// The longest node name, in characters.
pub const MAX_NODE_NAME_CHARS: usize = 100;
/// The longest node description, in characters.
pub const MAX_NODE_DESCRIPTION_CHARS: usize = 10_000;

/// A node's editable fields as typed.
#[derive(Debug, Clone, Default)]
pub struct RawNodeFields {
    /// Name.
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// Kind code.
    pub kind: String,
    /// Markdown description.
    pub description: String,
    /// Language codes.
    pub languages: Vec<String>,
    /// Visibility code.
    pub visibility: String,
    /// Join policy code.
    pub join_policy: String,
    /// Safety setting.
    pub safety: bool,
}

/// A node's validated fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeFields {
    /// Name.
    pub name: String,
    /// URL slug: lower-case ASCII letters, digits and hyphens.
    pub slug: String,
    /// Kind.
    pub kind: NodeKind,
    /// Markdown description.
    pub description: String,
    /// Language codes.
    pub languages: Vec<String>,
    /// Visibility.
    pub visibility: NodeVisibility,
    /// Join policy.
    pub join_policy: JoinPolicy,
    /// Member list for stewards only, membership never on profiles.
    pub safety: bool,
}

impl NodeFields {
    /// Validates every field, naming each that is wrong.
    pub fn parse(raw: RawNodeFields) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors
            .check("name", parse_name(&raw.name, MAX_NODE_NAME_CHARS))
            .unwrap_or_default();
        let slug = errors.check("slug", parse_slug(&raw.slug));
        let kind = NodeKind::from_code(raw.kind.trim());
        if kind.is_none() {
            errors.add("kind", "error-unknown-choice");
        }
        if raw.description.chars().count() > MAX_NODE_DESCRIPTION_CHARS {
            errors.add("description", "error-too-long");
        }
        let languages = errors.check("languages", parse_languages(&raw.languages));
        let visibility = NodeVisibility::from_code(raw.visibility.trim());
        if visibility.is_none() {
            errors.add("visibility", "error-unknown-choice");
        }
        let join_policy = JoinPolicy::from_code(raw.join_policy.trim());
        if join_policy.is_none() {
            errors.add("join_policy", "error-unknown-choice");
        }
        match (slug, kind, languages, visibility, join_policy) {
            (Some(slug), Some(kind), Some(languages), Some(visibility), Some(join_policy))
                if errors.is_empty() =>
            {
                Ok(Self {
                    name,
                    slug,
                    kind,
                    description: raw.description.trim().replace("\r\n", "\n"),
                    languages,
                    visibility,
                    join_policy,
                    safety: raw.safety,
                })
            }
            _ => Err(errors),
        }
    }
}

/// How many random characters end a secret node's address.
pub const SECRET_SLUG_ENDING: usize = 10;

/// A secret node's address: the slug its steward chose (shortened to fit) and a random
/// ending, so that no one who was not given the address can guess it — or learn that it is
/// taken by proposing a node with it. `ending` is [`SECRET_SLUG_ENDING`] random lower-case
/// letters and digits.
pub fn unguessable_slug(chosen: &str, ending: &str) -> String {
    let room = 60 - 1 - ending.len();
    let base: String = chosen.chars().take(room).collect();
    format!("{}-{ending}", base.trim_end_matches('-'))
}

/// Checks a slug: 2–60 lower-case ASCII letters, digits and single hyphens, such as
/// `balkans` or `climate-jordan`. Upper case is lowered.
pub fn parse_slug(input: &str) -> Result<String, &'static str> {
    let slug = input.trim().to_ascii_lowercase();
    if slug.is_empty() {
        return Err("error-required");
    }
    let well_formed = (2..=60).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--");
    if well_formed {
        Ok(slug)
    } else {
        Err("error-slug")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::MemberId;

    fn viewers() -> [(Viewer, Standing); 5] {
        let id = MemberId::generate();
        [
            (Viewer::Anonymous, Standing::Outsider),
            (Viewer::Member(id), Standing::Outsider),
            (Viewer::Member(id), Standing::Requested),
            (Viewer::Member(id), Standing::Member),
            (Viewer::Member(id), Standing::Steward),
        ]
    }

    #[test]
    fn a_secret_nodes_address_keeps_its_name_fits_and_stays_a_slug() {
        let long = "a".repeat(60);
        for chosen in [
            "safehouse",
            long.as_str(),
            "ends-with-a-hyphen-at-the-cut-off-point-xxxxxxxxxxxxxxxxx",
        ] {
            let slug = unguessable_slug(chosen, "k7f3q9x2ab");

            assert_eq!(parse_slug(&slug), Ok(slug.clone()), "{slug}");
            assert!(slug.ends_with("-k7f3q9x2ab") && slug.len() <= 60, "{slug}");
        }
        assert_eq!(
            unguessable_slug("safehouse", "k7f3q9x2ab"),
            "safehouse-k7f3q9x2ab"
        );
    }

    #[test]
    fn who_knows_a_node_exists() {
        let see = |v| viewers().map(|(viewer, standing)| can_see_node(v, viewer, standing));

        assert_eq!(see(NodeVisibility::Public), [true, true, true, true, true]);
        assert_eq!(
            see(NodeVisibility::Members),
            [false, true, true, true, true]
        );
        assert_eq!(
            see(NodeVisibility::Secret),
            [false, false, false, true, true]
        );
    }

    #[test]
    fn with_the_safety_setting_only_stewards_see_the_members() {
        let see = |v, safety| {
            viewers().map(|(viewer, standing)| can_see_node_members(v, safety, viewer, standing))
        };

        assert_eq!(
            see(NodeVisibility::Public, false),
            [true, true, true, true, true]
        );
        assert_eq!(
            see(NodeVisibility::Public, true),
            [false, false, false, false, true]
        );
        assert_eq!(
            see(NodeVisibility::Secret, false),
            [false, false, false, true, true]
        );
        assert_eq!(
            see(NodeVisibility::Members, true),
            [false, false, false, false, true]
        );
    }

    #[test]
    fn slugs_are_short_lower_case_and_hyphenated() {
        assert_eq!(parse_slug(" Balkans "), Ok("balkans".into()));
        assert_eq!(
            parse_slug("climate-jordan-2026"),
            Ok("climate-jordan-2026".into())
        );
        for bad in ["a", "-x", "x-", "a--b", "с", "with space", "under_score"] {
            assert!(parse_slug(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn node_fields_name_every_wrong_field() {
        let raw = RawNodeFields {
            slug: "x".into(),
            kind: "city".into(),
            visibility: "hidden".into(),
            ..Default::default()
        };

        let errors = NodeFields::parse(raw).unwrap_err();

        for field in ["name", "slug", "kind", "visibility", "join_policy"] {
            assert!(errors.key_for(field).is_some(), "{field}");
        }
    }
}
