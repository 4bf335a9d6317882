//! One-on-one logs and public narrative drafts: their checked fields, and a side-by-side
//! comparison of two tellings of a story.

use crate::fields::{bounded, one_line, parse_date};
use crate::validation::FieldErrors;

/// The longest answer, in characters.
pub const MAX_TEXT_CHARS: usize = 5_000;

/// A one-on-one as typed.
#[derive(Debug, Clone, Default)]
pub struct RawOneOnOne {
    /// Whom the organizer met (a name; they need not be a member).
    pub with_name: String,
    /// When (YYYY-MM-DD).
    pub met_on: String,
    /// The purpose of the meeting.
    pub purpose: String,
    /// Values heard.
    pub values_heard: String,
    /// Interests heard.
    pub interests: String,
    /// Resources heard.
    pub resources: String,
    /// What was exchanged.
    pub exchanged: String,
    /// The commitment made.
    pub commitment: String,
    /// Follow-up date (YYYY-MM-DD, optional).
    pub follow_up: String,
}

/// A one-on-one's checked fields; the answers in [`OneOnOneFields::ANSWERS`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneOnOneFields {
    /// Whom.
    pub with_name: String,
    /// When.
    pub met_on: String,
    /// The answers, named.
    pub answers: Vec<(&'static str, String)>,
    /// Follow-up date.
    pub follow_up: Option<String>,
}

impl OneOnOneFields {
    /// What a one-on-one records, in the order of the conversation.
    pub const ANSWERS: [&'static str; 6] = [
        "purpose",
        "values_heard",
        "interests",
        "resources",
        "exchanged",
        "commitment",
    ];

    /// Checks a one-on-one: whom and when are required.
    ///
    /// # Errors
    /// Each wrong field, named.
    pub fn parse(raw: RawOneOnOne) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let with_name = errors.check("with_name", one_line(&raw.with_name, 200, true));
        let met_on = match parse_date(&raw.met_on) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                errors.add("met_on", "error-required");
                None
            }
            Err(key) => {
                errors.add("met_on", key);
                None
            }
        };
        let values = [
            &raw.purpose,
            &raw.values_heard,
            &raw.interests,
            &raw.resources,
            &raw.exchanged,
            &raw.commitment,
        ];
        let mut answers = Vec::new();
        for (name, value) in Self::ANSWERS.iter().zip(values) {
            if let Some(v) = errors.check(name, bounded(value, MAX_TEXT_CHARS, false)) {
                answers.push((*name, v));
            }
        }
        let follow_up = errors
            .check("follow_up", parse_date(&raw.follow_up))
            .flatten();
        match (with_name, met_on) {
            (Some(with_name), Some(met_on)) if errors.is_empty() => Ok(Self {
                with_name,
                met_on,
                answers,
                follow_up,
            }),
            _ => Err(errors),
        }
    }

    /// One answer by name (empty when unknown).
    pub fn get(&self, name: &str) -> &str {
        self.answers
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// Which story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoryKind {
    /// Story of self: why I was called.
    OfSelf,
    /// Story of us: what we share.
    Us,
    /// Story of now: the urgent challenge and the choice.
    Now,
}

impl StoryKind {
    /// Every kind.
    pub const ALL: [StoryKind; 3] = [StoryKind::OfSelf, StoryKind::Us, StoryKind::Now];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            StoryKind::OfSelf => "self",
            StoryKind::Us => "us",
            StoryKind::Now => "now",
        }
    }

    /// The kind with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One telling of a story, as typed.
#[derive(Debug, Clone, Default)]
pub struct RawTelling {
    /// The challenge.
    pub challenge: String,
    /// The choice.
    pub choice: String,
    /// The outcome.
    pub outcome: String,
    /// The values it aims at.
    pub values_aimed: String,
    /// The emotions it aims at.
    pub emotions: String,
}

/// One telling, checked; the parts in [`Telling::PARTS`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Telling {
    /// The parts, named.
    pub parts: Vec<(&'static str, String)>,
}

impl Telling {
    /// The parts of a telling: challenge, choice, outcome, then what it aims at.
    pub const PARTS: [&'static str; 5] =
        ["challenge", "choice", "outcome", "values_aimed", "emotions"];

    /// Checks a telling: challenge, choice and outcome are required.
    ///
    /// # Errors
    /// Each wrong part, named.
    pub fn parse(raw: RawTelling) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let values = [
            (&raw.challenge, true),
            (&raw.choice, true),
            (&raw.outcome, true),
            (&raw.values_aimed, false),
            (&raw.emotions, false),
        ];
        let mut parts = Vec::new();
        for (name, (value, required)) in Self::PARTS.iter().zip(values) {
            if let Some(v) = errors.check(name, bounded(value, MAX_TEXT_CHARS, required)) {
                parts.push((*name, v));
            }
        }
        errors.into_result(|| Self { parts })
    }

    /// One part by name (empty when unknown).
    pub fn get(&self, name: &str) -> &str {
        self.parts
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// A story's title, checked.
///
/// # Errors
/// `error-required`, `error-too-long` or `error-invalid-characters`.
pub fn parse_title(title: &str) -> Result<String, &'static str> {
    one_line(title, 200, true)
}

/// One row of a side-by-side comparison: a part of the story in the older and the newer
/// telling, and whether it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compared {
    /// The part's name.
    pub part: &'static str,
    /// As told before.
    pub before: String,
    /// As told after.
    pub after: String,
    /// The two differ.
    pub changed: bool,
}

/// Two tellings side by side, part by part.
pub fn compare(before: &Telling, after: &Telling) -> Vec<Compared> {
    Telling::PARTS
        .iter()
        .map(|part| {
            let (b, a) = (before.get(part), after.get(part));
            Compared {
                part,
                before: b.to_owned(),
                after: a.to_owned(),
                changed: b != a,
            }
        })
        .collect()
}

/// Checks a piece of feedback.
///
/// # Errors
/// `error-required`, `error-too-long` or `error-invalid-characters`.
pub fn parse_feedback(body: &str) -> Result<String, &'static str> {
    bounded(body, 2_000, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_on_one_needs_whom_and_when() {
        let e = OneOnOneFields::parse(RawOneOnOne {
            follow_up: "someday".into(),
            ..RawOneOnOne::default()
        })
        .unwrap_err();
        assert_eq!(e.key_for("with_name"), Some("error-required"));
        assert_eq!(e.key_for("met_on"), Some("error-required"));
        assert_eq!(e.key_for("follow_up"), Some("error-date"));
        let ok = OneOnOneFields::parse(RawOneOnOne {
            with_name: "Amal".into(),
            met_on: "2026-11-20".into(),
            values_heard: "dignity".into(),
            ..RawOneOnOne::default()
        })
        .unwrap();
        assert_eq!(ok.get("values_heard"), "dignity");
        assert_eq!(ok.follow_up, None);
    }

    #[test]
    fn two_tellings_compare_part_by_part() {
        let first = Telling::parse(RawTelling {
            challenge: "My father lost his job".into(),
            choice: "I went to a union meeting".into(),
            outcome: "I found people like me".into(),
            ..RawTelling::default()
        })
        .unwrap();
        let mut second = first.clone();
        second.parts[2].1 = "I found my voice".into();
        let rows = compare(&first, &second);
        assert_eq!(rows.len(), 5);
        assert!(!rows[0].changed);
        assert!(rows[2].changed);
        assert_eq!(rows[2].before, "I found people like me");
        let e = Telling::parse(RawTelling::default()).unwrap_err();
        assert_eq!(e.key_for("choice"), Some("error-required"));
        assert_eq!(e.key_for("emotions"), None);
    }
}
