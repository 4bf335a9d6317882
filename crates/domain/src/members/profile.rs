//! A member's profile: who they are in the network, what they practise, and who may see it.

mod fields;

use self::fields::parse_practices;
pub use self::fields::{parse_display_name, parse_time_zone};
use crate::fields::{parse_languages, parse_tags};
use crate::ids::MemberId;
use crate::validation::FieldErrors;

/// The network's roles a member may take on (several at once).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Leads campaigns and teams.
    Organizer,
    /// Trains and coaches.
    Educator,
    /// Studies organizing with practitioners.
    Researcher,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 3] = [Role::Organizer, Role::Educator, Role::Researcher];

    /// The stable code stored and sent over the API.
    pub fn code(self) -> &'static str {
        match self {
            Role::Organizer => "organizer",
            Role::Educator => "educator",
            Role::Researcher => "researcher",
        }
    }

    /// The role with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// The five leadership practices plus coaching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Practice {
    /// Story of self, us and now.
    PublicNarrative,
    /// One-on-one meetings.
    Relationships,
    /// Teams and the snowflake.
    Structure,
    /// Goals, theory of change, organizing sentence.
    Strategy,
    /// Tactics, timelines and commitments.
    Action,
    /// Heart, hands and head.
    Coaching,
}

impl Practice {
    /// Every practice, in teaching order.
    pub const ALL: [Practice; 6] = [
        Practice::PublicNarrative,
        Practice::Relationships,
        Practice::Structure,
        Practice::Strategy,
        Practice::Action,
        Practice::Coaching,
    ];

    /// The stable code stored and sent over the API.
    pub fn code(self) -> &'static str {
        match self {
            Practice::PublicNarrative => "public_narrative",
            Practice::Relationships => "relationships",
            Practice::Structure => "structure",
            Practice::Strategy => "strategy",
            Practice::Action => "action",
            Practice::Coaching => "coaching",
        }
    }

    /// The practice with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// A self-assessed level in a practice, 0 (new to it) to 5 (teaches it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Level(u8);

impl Level {
    /// The highest level.
    pub const MAX: u8 = 5;

    /// A level, if `value` is within 0..=5.
    pub fn new(value: i64) -> Option<Self> {
        u8::try_from(value)
            .ok()
            .filter(|v| *v <= Self::MAX)
            .map(Self)
    }

    /// The level as a number.
    pub fn value(self) -> u8 {
        self.0
    }
}

/// Who may see a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Visibility {
    /// Anyone, including visitors who are not signed in.
    Public,
    /// Any signed-in member of the network.
    #[default]
    Members,
    /// Only the member themselves.
    Private,
}

impl Visibility {
    /// Every visibility, from most to least open.
    pub const ALL: [Visibility; 3] = [Visibility::Public, Visibility::Members, Visibility::Private];

    /// The stable code stored and sent over the API.
    pub fn code(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Members => "members",
            Visibility::Private => "private",
        }
    }

    /// The visibility with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.code() == code)
    }
}

/// Who is looking at something: the input of every visibility rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// Not signed in.
    Anonymous,
    /// A signed-in member.
    Member(MemberId),
}

/// True when `viewer` may see the profile of `owner`, whose visibility is `visibility`.
///
/// Private means private: not even network admins read a private profile through the pages
/// or the API.
pub fn can_view_profile(owner: MemberId, visibility: Visibility, viewer: Viewer) -> bool {
    match (visibility, viewer) {
        (_, Viewer::Member(id)) if id == owner => true,
        (Visibility::Public, _) => true,
        (Visibility::Members, Viewer::Member(_)) => true,
        (Visibility::Members, Viewer::Anonymous) | (Visibility::Private, _) => false,
    }
}

/// A member's availability to coach or mentor, and for how many people at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Availability {
    /// Open to coaching.
    pub coach: bool,
    /// Open to mentoring.
    pub mentor: bool,
    /// How many people they can take on (0–20).
    pub capacity: u8,
}

/// The most people a member may offer to coach or mentor at once.
pub const MAX_CAPACITY: u8 = 20;
/// The longest display name, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest bio, in characters.
pub const MAX_BIO_CHARS: usize = 4000;
/// The longest tag (domain or region), in characters.
pub const MAX_TAG_CHARS: usize = 60;
/// The most tags of one kind on a profile.
pub const MAX_TAGS: usize = 20;

/// A complete, valid profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The name shown to others; a pseudonym is fine.
    pub display_name: String,
    /// Markdown source of a short bio (rendered sanitised).
    pub bio: String,
    /// Roles in the network.
    pub roles: Vec<Role>,
    /// Practices with a self-assessed level, one entry per practice at most.
    pub practices: Vec<(Practice, Level)>,
    /// Domains of work (climate, faith, health …).
    pub domains: Vec<String>,
    /// Regions (the Balkans, Jordan, Belgrade …).
    pub regions: Vec<String>,
    /// Languages spoken, as lower-case language codes (`ar`, `sr`, `en`).
    pub languages: Vec<String>,
    /// An IANA time zone name such as `Asia/Amman`.
    pub time_zone: Option<String>,
    /// Availability to coach or mentor.
    pub availability: Availability,
    /// Who may see the profile.
    pub visibility: Visibility,
}

impl Profile {
    /// A fresh profile with a validated name and everything else empty, visible to members.
    pub fn new(display_name: String) -> Self {
        Self {
            display_name,
            bio: String::new(),
            roles: Vec::new(),
            practices: Vec::new(),
            domains: Vec::new(),
            regions: Vec::new(),
            languages: Vec::new(),
            time_zone: None,
            availability: Availability::default(),
            visibility: Visibility::default(),
        }
    }

    /// Applies validated changes.
    pub fn apply(&mut self, changes: ProfileChanges) {
        let ProfileChanges {
            display_name,
            bio,
            roles,
            practices,
            domains,
            regions,
            languages,
            time_zone,
            availability,
            visibility,
        } = changes;
        if let Some(v) = display_name {
            self.display_name = v;
        }
        if let Some(v) = bio {
            self.bio = v;
        }
        if let Some(v) = roles {
            self.roles = v;
        }
        if let Some(v) = practices {
            self.practices = v;
        }
        if let Some(v) = domains {
            self.domains = v;
        }
        if let Some(v) = regions {
            self.regions = v;
        }
        if let Some(v) = languages {
            self.languages = v;
        }
        if let Some(v) = time_zone {
            self.time_zone = v;
        }
        if let Some(v) = availability {
            self.availability = v;
        }
        if let Some(v) = visibility {
            self.visibility = v;
        }
    }
}

/// Profile fields as a person typed them; `None` leaves a field unchanged.
#[derive(Debug, Clone, Default)]
pub struct RawProfileChanges {
    /// Display name.
    pub display_name: Option<String>,
    /// Bio (Markdown).
    pub bio: Option<String>,
    /// Role codes.
    pub roles: Option<Vec<String>>,
    /// (practice code, level) pairs.
    pub practices: Option<Vec<(String, i64)>>,
    /// Domains.
    pub domains: Option<Vec<String>>,
    /// Regions.
    pub regions: Option<Vec<String>>,
    /// Language codes.
    pub languages: Option<Vec<String>>,
    /// Time zone name; an empty string clears it.
    pub time_zone: Option<String>,
    /// Open to coaching.
    pub available_to_coach: Option<bool>,
    /// Open to mentoring.
    pub available_to_mentor: Option<bool>,
    /// Capacity for coaching or mentoring.
    pub capacity: Option<i64>,
    /// Visibility code.
    pub visibility: Option<String>,
}

/// Validated profile changes; `None` leaves a field unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileChanges {
    /// New display name.
    pub display_name: Option<String>,
    /// New bio.
    pub bio: Option<String>,
    /// New roles.
    pub roles: Option<Vec<Role>>,
    /// New practice levels.
    pub practices: Option<Vec<(Practice, Level)>>,
    /// New domains.
    pub domains: Option<Vec<String>>,
    /// New regions.
    pub regions: Option<Vec<String>>,
    /// New languages.
    pub languages: Option<Vec<String>>,
    /// New time zone (`Some(None)` clears it).
    pub time_zone: Option<Option<String>>,
    /// New availability.
    pub availability: Option<Availability>,
    /// New visibility.
    pub visibility: Option<Visibility>,
}

impl ProfileChanges {
    /// Validates every field, naming each one that is wrong. `current` supplies the
    /// availability fields that the raw input leaves out.
    pub fn parse(raw: RawProfileChanges, current: Availability) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut changes = ProfileChanges::default();
        if let Some(name) = raw.display_name {
            changes.display_name = errors.check("display_name", parse_display_name(&name));
        }
        if let Some(bio) = raw.bio {
            if bio.chars().count() > MAX_BIO_CHARS {
                errors.add("bio", "error-too-long");
            } else {
                changes.bio = Some(bio.trim().replace("\r\n", "\n"));
            }
        }
        if let Some(codes) = raw.roles {
            let mut roles = Vec::new();
            for code in &codes {
                match Role::from_code(code.trim()) {
                    Some(r) if !roles.contains(&r) => roles.push(r),
                    Some(_) => {}
                    None => errors.add("roles", "error-unknown-choice"),
                }
            }
            roles.sort();
            changes.roles = Some(roles);
        }
        if let Some(pairs) = raw.practices {
            changes.practices = parse_practices(&pairs, &mut errors);
        }
        if let Some(tags) = raw.domains {
            changes.domains = errors.check("domains", parse_tags(&tags));
        }
        if let Some(tags) = raw.regions {
            changes.regions = errors.check("regions", parse_tags(&tags));
        }
        if let Some(codes) = raw.languages {
            changes.languages = errors.check("languages", parse_languages(&codes));
        }
        if let Some(tz) = raw.time_zone {
            changes.time_zone = errors.check("time_zone", parse_time_zone(&tz));
        }
        if raw.available_to_coach.is_some()
            || raw.available_to_mentor.is_some()
            || raw.capacity.is_some()
        {
            let capacity = match raw.capacity {
                None => Some(current.capacity),
                Some(c) => u8::try_from(c).ok().filter(|c| *c <= MAX_CAPACITY),
            };
            match capacity {
                Some(capacity) => {
                    changes.availability = Some(Availability {
                        coach: raw.available_to_coach.unwrap_or(current.coach),
                        mentor: raw.available_to_mentor.unwrap_or(current.mentor),
                        capacity,
                    });
                }
                None => errors.add("capacity", "error-capacity-range"),
            }
        }
        if let Some(code) = raw.visibility {
            match Visibility::from_code(code.trim()) {
                Some(v) => changes.visibility = Some(v),
                None => errors.add("visibility", "error-unknown-choice"),
            }
        }
        errors.into_result(|| changes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewer_matrix(visibility: Visibility) -> (bool, bool, bool) {
        let owner = MemberId::generate();
        let other = MemberId::generate();
        (
            can_view_profile(owner, visibility, Viewer::Anonymous),
            can_view_profile(owner, visibility, Viewer::Member(other)),
            can_view_profile(owner, visibility, Viewer::Member(owner)),
        )
    }

    #[test]
    fn visibility_decides_who_sees_a_profile() {
        assert_eq!(viewer_matrix(Visibility::Public), (true, true, true));
        assert_eq!(viewer_matrix(Visibility::Members), (false, true, true));
        assert_eq!(viewer_matrix(Visibility::Private), (false, false, true));
    }

    #[test]
    fn every_invalid_field_is_named() {
        let raw = RawProfileChanges {
            display_name: Some("   ".into()),
            practices: Some(vec![("strategy".into(), 9)]),
            languages: Some(vec!["arabic!".into()]),
            time_zone: Some("Mars Base".into()),
            capacity: Some(99),
            visibility: Some("everyone".into()),
            ..Default::default()
        };

        let errors = ProfileChanges::parse(raw, Availability::default()).unwrap_err();

        assert_eq!(errors.key_for("display_name"), Some("error-required"));
        assert_eq!(
            errors.key_for("practice_strategy"),
            Some("error-level-range")
        );
        assert_eq!(errors.key_for("languages"), Some("error-language-code"));
        assert_eq!(errors.key_for("time_zone"), Some("error-time-zone"));
        assert_eq!(errors.key_for("capacity"), Some("error-capacity-range"));
        assert_eq!(errors.key_for("visibility"), Some("error-unknown-choice"));
    }

    #[test]
    fn valid_changes_are_normalised_and_applied() {
        let raw = RawProfileChanges {
            display_name: Some("  Милица Јовановић ".into()),
            roles: Some(vec![
                "researcher".into(),
                "organizer".into(),
                "organizer".into(),
            ]),
            practices: Some(vec![("coaching".into(), 4), ("public_narrative".into(), 2)]),
            domains: Some(vec!["Climate".into(), "climate".into(), "".into()]),
            languages: Some(vec!["SR".into(), "en".into()]),
            time_zone: Some("Europe/Belgrade".into()),
            available_to_coach: Some(true),
            capacity: Some(3),
            ..Default::default()
        };
        let mut profile = Profile::new("Milica".into());

        profile.apply(ProfileChanges::parse(raw, Availability::default()).unwrap());

        assert_eq!(profile.display_name, "Милица Јовановић");
        assert_eq!(profile.roles, vec![Role::Organizer, Role::Researcher]);
        assert_eq!(profile.practices[0].0, Practice::PublicNarrative);
        assert_eq!(profile.domains, vec!["Climate".to_owned()]);
        assert_eq!(profile.languages, vec!["sr".to_owned(), "en".to_owned()]);
        assert_eq!(profile.time_zone.as_deref(), Some("Europe/Belgrade"));
        assert_eq!(
            profile.availability,
            Availability {
                coach: true,
                mentor: false,
                capacity: 3
            }
        );
        assert_eq!(profile.visibility, Visibility::Members);
    }

    #[test]
    fn an_empty_time_zone_clears_it() {
        assert_eq!(parse_time_zone(" "), Ok(None));
        assert_eq!(parse_time_zone("UTC"), Ok(Some("UTC".into())));
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn any_input_is_either_accepted_whole_or_refused_with_named_fields(
            name in ".{0,100}",
            tags in proptest::collection::vec(".{0,70}", 0..25),
            languages in proptest::collection::vec("[a-zA-Z-]{0,10}", 0..5),
            level in -3i64..9,
            capacity in -5i64..30,
            tz in ".{0,70}",
        ) {
            let raw = RawProfileChanges {
                display_name: Some(name),
                domains: Some(tags),
                languages: Some(languages),
                practices: Some(vec![("coaching".into(), level)]),
                capacity: Some(capacity),
                time_zone: Some(tz),
                ..Default::default()
            };

            match ProfileChanges::parse(raw, Availability::default()) {
                Ok(changes) => {
                    let mut profile = Profile::new("x".into());
                    profile.apply(changes);
                    prop_assert!(!profile.display_name.is_empty());
                    prop_assert!(profile.display_name.chars().count() <= MAX_NAME_CHARS);
                    prop_assert!(profile.domains.len() <= MAX_TAGS);
                    prop_assert!(profile.domains.iter().all(|d| !d.chars().any(char::is_control)));
                    prop_assert!(profile.availability.capacity <= MAX_CAPACITY);
                    prop_assert!(profile.practices.iter().all(|(_, l)| l.value() <= Level::MAX));
                }
                Err(errors) => prop_assert!(!errors.is_empty()),
            }
        }

        #[test]
        fn a_parsed_email_parses_again_to_itself(input in "[a-zA-Z0-9._-]{1,20}@[a-z0-9-]{1,20}\\.[a-z]{2,6}") {
            let email = crate::members::credentials::Email::parse(&input).unwrap();
            prop_assert_eq!(crate::members::credentials::Email::parse(email.as_str()).unwrap(), email);
        }
    }
}

/// The most search words kept for one profile.
pub const MAX_SEARCH_TERMS: usize = 300;

/// The distinct lower-case words of a text, in any script, for the directory's text query:
/// letters and digits only, at least two characters, at most [`MAX_SEARCH_TERMS`].
pub fn search_terms(texts: &[&str]) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for text in texts {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let word = word.to_lowercase();
            if word.chars().count() >= 2 && !terms.contains(&word) {
                if terms.len() == MAX_SEARCH_TERMS {
                    return terms;
                }
                terms.push(word);
            }
        }
    }
    terms
}

#[cfg(test)]
mod search_term_tests {
    use super::search_terms;

    #[test]
    fn words_are_split_in_any_script_lower_cased_and_deduplicated() {
        let terms = search_terms(&["Милица Јовановић", "Coach in **Amman**, عمّان; a coach"]);

        assert_eq!(
            terms,
            ["милица", "јовановић", "coach", "in", "amman", "عمّان"]
        );
    }
}
