//! The library of organizing materials: what an item is, who may read and edit it, and what an
//! adaptation records about how a method travelled.

use crate::fields::{bounded, one_line, parse_languages, parse_tags};
use crate::members::profile::{Practice, Viewer};
use crate::nodes::{NodeVisibility, Standing, can_see_node};
use crate::validation::FieldErrors;

/// What kind of material an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    /// A how-to guide.
    Guide,
    /// A worksheet to fill in.
    Worksheet,
    /// A meeting or workshop agenda.
    Agenda,
    /// The story of a campaign.
    CaseStudy,
    /// A summary of research.
    ResearchSummary,
    /// Audio or video.
    Recording,
    /// Slides.
    SlideDeck,
    /// Anything else.
    Other,
}

impl ItemKind {
    /// Every kind, in display order.
    pub const ALL: [ItemKind; 8] = [
        ItemKind::Guide,
        ItemKind::Worksheet,
        ItemKind::Agenda,
        ItemKind::CaseStudy,
        ItemKind::ResearchSummary,
        ItemKind::Recording,
        ItemKind::SlideDeck,
        ItemKind::Other,
    ];

    /// The stable code stored and sent over the API.
    pub fn code(self) -> &'static str {
        match self {
            ItemKind::Guide => "guide",
            ItemKind::Worksheet => "worksheet",
            ItemKind::Agenda => "agenda",
            ItemKind::CaseStudy => "case_study",
            ItemKind::ResearchSummary => "research_summary",
            ItemKind::Recording => "recording",
            ItemKind::SlideDeck => "slide_deck",
            ItemKind::Other => "other",
        }
    }

    /// The kind with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Who may read an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemScope {
    /// Anyone, signed in or not.
    Public,
    /// Signed-in members of the network.
    Members,
    /// Whoever may see its node: everyone for a public node, members for a members-only
    /// node, the node's own members for a secret node.
    Node,
}

impl ItemScope {
    /// Every scope, most open first.
    pub const ALL: [ItemScope; 3] = [ItemScope::Public, ItemScope::Members, ItemScope::Node];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            ItemScope::Public => "public",
            ItemScope::Members => "members",
            ItemScope::Node => "node",
        }
    }

    /// The scope with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Where an item lives, as far as reading it is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Public.
    Public,
    /// Network members.
    Members,
    /// A node with this visibility, where the viewer has this standing.
    Node(NodeVisibility, Standing),
}

/// True when `viewer` may read an item that reaches `reach`.
pub fn can_read_item(reach: Reach, viewer: Viewer) -> bool {
    match reach {
        Reach::Public => true,
        Reach::Members => matches!(viewer, Viewer::Member(_)),
        Reach::Node(visibility, standing) => can_see_node(visibility, viewer, standing),
    }
}

/// What the viewer is to an item, for deciding whether they may change it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EditorStanding {
    /// The member created the item.
    pub is_creator: bool,
    /// The member stewards the item's node.
    pub is_node_steward: bool,
    /// The member is a network admin.
    pub is_network_admin: bool,
}

/// True when a member who may read an item may also edit it (and restore a version, attach and
/// remove files, or delete it): its creator, the stewards of its node, and network admins for
/// items outside nodes.
pub fn can_edit_item(scope: ItemScope, who: EditorStanding) -> bool {
    who.is_creator || who.is_node_steward || (who.is_network_admin && scope != ItemScope::Node)
}

/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest summary, in characters.
pub const MAX_SUMMARY_CHARS: usize = 1_000;
/// The longest body, in characters.
pub const MAX_BODY_CHARS: usize = 200_000;
/// The longest license or author name, in characters.
pub const MAX_SHORT_CHARS: usize = 100;
/// The longest description of what an adaptation changed, per field.
pub const MAX_CHANGE_CHARS: usize = 500;

/// An item's fields as typed in a form or sent to the API.
#[derive(Debug, Clone, Default)]
pub struct RawItemFields {
    /// Kind code.
    pub kind: String,
    /// Title.
    pub title: String,
    /// Summary, plain text.
    pub summary: String,
    /// Body, Markdown.
    pub body: String,
    /// Practice codes.
    pub practices: Vec<String>,
    /// Domains (free tags).
    pub domains: Vec<String>,
    /// Regions (free tags).
    pub regions: Vec<String>,
    /// Language codes.
    pub languages: Vec<String>,
    /// License, such as `CC BY 4.0`.
    pub license: String,
    /// Authors' names.
    pub authors: Vec<String>,
    /// Scope code.
    pub scope: String,
}

/// An item's checked fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemFields {
    /// Kind.
    pub kind: ItemKind,
    /// Title, trimmed.
    pub title: String,
    /// Summary, trimmed.
    pub summary: String,
    /// Body, Markdown (rendered and sanitized when shown).
    pub body: String,
    /// Practices, in teaching order.
    pub practices: Vec<Practice>,
    /// Domains.
    pub domains: Vec<String>,
    /// Regions.
    pub regions: Vec<String>,
    /// Lower-case language codes.
    pub languages: Vec<String>,
    /// License.
    pub license: String,
    /// Authors.
    pub authors: Vec<String>,
    /// Scope.
    pub scope: ItemScope,
}

impl ItemFields {
    /// Checks every field, naming each one that is wrong.
    ///
    /// # Errors
    /// The fields that are wrong, with translation keys.
    pub fn parse(raw: RawItemFields) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = ItemKind::from_code(raw.kind.trim());
        if kind.is_none() {
            errors.add("kind", "error-unknown-choice");
        }
        let scope = ItemScope::from_code(raw.scope.trim());
        if scope.is_none() {
            errors.add("scope", "error-unknown-choice");
        }
        let title = errors.check("title", one_line(&raw.title, MAX_TITLE_CHARS, true));
        let summary = errors.check("summary", bounded(&raw.summary, MAX_SUMMARY_CHARS, false));
        let body = errors.check("body", bounded(&raw.body, MAX_BODY_CHARS, false));
        let mut practices = Vec::new();
        for code in raw
            .practices
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
        {
            match Practice::from_code(code) {
                Some(p) if !practices.contains(&p) => practices.push(p),
                Some(_) => {}
                None => errors.add("practices", "error-unknown-choice"),
            }
        }
        practices.sort();
        let domains = errors.check("domains", parse_tags(&raw.domains));
        let regions = errors.check("regions", parse_tags(&raw.regions));
        let languages = errors.check("languages", parse_languages(&raw.languages));
        let license = errors.check("license", one_line(&raw.license, MAX_SHORT_CHARS, false));
        let mut authors = Vec::new();
        for author in &raw.authors {
            match one_line(author, MAX_SHORT_CHARS, false) {
                Ok(a) if a.is_empty() || authors.contains(&a) => {}
                Ok(a) => authors.push(a),
                Err(key) => errors.add("authors", key),
            }
        }
        if authors.len() > 20 {
            errors.add("authors", "error-too-many");
        }
        match (
            kind, scope, title, summary, body, domains, regions, languages, license,
        ) {
            (
                Some(kind),
                Some(scope),
                Some(title),
                Some(summary),
                Some(body),
                Some(domains),
                Some(regions),
                Some(languages),
                Some(license),
            ) if errors.is_empty() => Ok(ItemFields {
                kind,
                title,
                summary,
                body,
                practices,
                domains,
                regions,
                languages,
                license,
                authors,
                scope,
            }),
            _ => Err(errors),
        }
    }
}

/// What an adaptation changed from its original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AdaptationNote {
    /// The language it was translated into, if any (a code).
    pub language: String,
    /// The context it was adapted to (a country, a sector, a kind of campaign).
    pub context: String,
    /// The audience it was adapted for.
    pub audience: String,
}

impl AdaptationNote {
    /// Checks the note: at least one of the three must say what changed.
    ///
    /// # Errors
    /// The fields that are wrong; `changes` when all three are empty.
    pub fn parse(language: &str, context: &str, audience: &str) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let language = if language.trim().is_empty() {
            Some(String::new())
        } else {
            errors
                .check("adapted_language", parse_languages(&[language.to_owned()]))
                .map(|mut l| l.pop().unwrap_or_default())
        };
        let context = errors.check("adapted_context", bounded(context, MAX_CHANGE_CHARS, false));
        let audience = errors.check(
            "adapted_audience",
            bounded(audience, MAX_CHANGE_CHARS, false),
        );
        match (language, context, audience) {
            (Some(language), Some(context), Some(audience)) if errors.is_empty() => {
                if language.is_empty() && context.is_empty() && audience.is_empty() {
                    return Err(FieldErrors::single("changes", "error-adaptation-empty"));
                }
                Ok(AdaptationNote {
                    language,
                    context,
                    audience,
                })
            }
            _ => Err(errors),
        }
    }

    /// True when nothing is recorded (an item that is not an adaptation).
    pub fn is_empty(&self) -> bool {
        self.language.is_empty() && self.context.is_empty() && self.audience.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::MemberId;

    fn raw() -> RawItemFields {
        RawItemFields {
            kind: "worksheet".into(),
            title: " One-on-one worksheet ".into(),
            summary: "Plan a first conversation.".into(),
            body: "# Steps\n\n1. Listen".into(),
            practices: vec![
                "relationships".into(),
                "coaching".into(),
                "relationships".into(),
            ],
            domains: vec!["housing".into()],
            regions: vec!["Jordan".into()],
            languages: vec!["EN".into()],
            license: "CC BY 4.0".into(),
            authors: vec!["Marshall Ganz".into(), " ".into()],
            scope: "public".into(),
        }
    }

    #[test]
    fn a_good_item_is_trimmed_and_normalised() {
        let f = ItemFields::parse(raw()).unwrap();

        assert_eq!(f.title, "One-on-one worksheet");
        assert_eq!(
            f.practices,
            vec![Practice::Relationships, Practice::Coaching]
        );
        assert_eq!(f.languages, vec!["en"]);
        assert_eq!(f.authors, vec!["Marshall Ganz"]);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let mut r = raw();
        r.kind = "poem".into();
        r.title = String::new();
        r.languages = vec!["english!".into()];
        r.scope = "everyone".into();
        r.practices = vec!["juggling".into()];

        let errors = ItemFields::parse(r).unwrap_err();

        for field in ["kind", "title", "languages", "scope", "practices"] {
            assert!(errors.key_for(field).is_some(), "{field} not named");
        }
    }

    #[test]
    fn a_title_is_one_line() {
        let mut r = raw();
        r.title = "two\nlines".into();

        assert_eq!(
            ItemFields::parse(r).unwrap_err().key_for("title"),
            Some("error-invalid-characters")
        );
    }

    #[test]
    fn node_items_follow_the_node() {
        let member = Viewer::Member(MemberId::generate());
        let secret_outsider = Reach::Node(NodeVisibility::Secret, Standing::Outsider);
        let secret_member = Reach::Node(NodeVisibility::Secret, Standing::Member);

        assert!(can_read_item(Reach::Public, Viewer::Anonymous));
        assert!(!can_read_item(Reach::Members, Viewer::Anonymous));
        assert!(can_read_item(Reach::Members, member));
        assert!(!can_read_item(secret_outsider, member));
        assert!(can_read_item(secret_member, member));
        assert!(can_read_item(
            Reach::Node(NodeVisibility::Public, Standing::Outsider),
            Viewer::Anonymous
        ));
    }

    #[test]
    fn admins_do_not_edit_node_items_they_do_not_steward() {
        let admin = EditorStanding {
            is_network_admin: true,
            ..EditorStanding::default()
        };

        assert!(can_edit_item(ItemScope::Members, admin));
        assert!(!can_edit_item(ItemScope::Node, admin));
        assert!(!can_edit_item(ItemScope::Public, EditorStanding::default()));
    }

    #[test]
    fn an_adaptation_says_what_changed() {
        assert_eq!(
            AdaptationNote::parse("", " ", "")
                .unwrap_err()
                .key_for("changes"),
            Some("error-adaptation-empty")
        );
        let note = AdaptationNote::parse("AR", "Jordan, tenants' unions", "").unwrap();
        assert_eq!(note.language, "ar");
        assert!(AdaptationNote::parse("Arabic!", "", "").is_err());
    }
}
