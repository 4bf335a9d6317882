//! Coaching logs: what a coach saw and did, in the network's coaching model, and who may read
//! which part.

use crate::fields::parse_date;
use crate::validation::FieldErrors;
use crate::workshops::StaffRole;

/// Where the challenge lies, in the coaching model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Challenge {
    /// Motivation.
    Heart,
    /// Skills.
    Hands,
    /// Strategy and understanding.
    Head,
}

impl Challenge {
    /// Every kind.
    pub const ALL: [Challenge; 3] = [Challenge::Heart, Challenge::Hands, Challenge::Head];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Challenge::Heart => "heart",
            Challenge::Hands => "hands",
            Challenge::Head => "head",
        }
    }

    /// The kind with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A log entry as typed.
#[derive(Debug, Clone, Default)]
pub struct RawLog {
    /// Challenge code.
    pub challenge: String,
    /// What the coach saw.
    pub observation: String,
    /// What they think is going on.
    pub diagnosis: String,
    /// What they did.
    pub intervention: String,
    /// How the debrief went.
    pub debrief: String,
    /// What was agreed next.
    pub next_steps: String,
    /// The next check-in (YYYY-MM-DD), if any.
    pub next_check_in: String,
    /// A note the participant sees too.
    pub shared_note: String,
    /// A note for the author and the lead trainers only.
    pub private_note: String,
}

/// A checked log entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogFields {
    /// The challenge.
    pub challenge: Challenge,
    /// What the coach saw.
    pub observation: String,
    /// What they think is going on.
    pub diagnosis: String,
    /// What they did.
    pub intervention: String,
    /// How the debrief went.
    pub debrief: String,
    /// What was agreed next.
    pub next_steps: String,
    /// The next check-in.
    pub next_check_in: Option<String>,
    /// Seen by the participant too.
    pub shared_note: String,
    /// Seen by the author and the lead trainers only.
    pub private_note: String,
}

impl LogFields {
    /// Checks a log entry.
    ///
    /// # Errors
    /// The fields that are wrong.
    pub fn parse(raw: RawLog) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let challenge = Challenge::from_code(raw.challenge.trim());
        if challenge.is_none() {
            errors.add("challenge", "error-unknown-choice");
        }
        let mut text = |field: &'static str, value: &str| -> String {
            let v = value.trim().to_owned();
            if v.chars().count() > 5_000 {
                errors.add(field, "error-too-long");
            }
            v
        };
        let observation = text("observation", &raw.observation);
        let diagnosis = text("diagnosis", &raw.diagnosis);
        let intervention = text("intervention", &raw.intervention);
        let debrief = text("debrief", &raw.debrief);
        let next_steps = text("next_steps", &raw.next_steps);
        let shared_note = text("shared_note", &raw.shared_note);
        let private_note = text("private_note", &raw.private_note);
        let next_check_in = errors.check("next_check_in", parse_date(&raw.next_check_in));
        if [
            &observation,
            &diagnosis,
            &intervention,
            &debrief,
            &next_steps,
            &shared_note,
            &private_note,
        ]
        .iter()
        .all(|v| v.is_empty())
        {
            errors.add("observation", "error-log-empty");
        }
        match (challenge, next_check_in) {
            (Some(challenge), Some(next_check_in)) if errors.is_empty() => Ok(Self {
                challenge,
                observation,
                diagnosis,
                intervention,
                debrief,
                next_steps,
                next_check_in,
                shared_note,
                private_note,
            }),
            _ => Err(errors),
        }
    }
}

/// How much of a log entry a reader may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LogAccess {
    /// Nothing: the log does not exist for them.
    None,
    /// The participant it is about: the challenge, the shared note, next steps and check-in.
    Subject,
    /// The workshop's coaches and managing staff: everything but the private note.
    Staff,
    /// Its author and the lead trainers: everything.
    Full,
}

/// What a reader may see of a log, from who they are to it.
pub fn log_access(is_author: bool, roles: &[StaffRole], is_subject: bool) -> LogAccess {
    if is_author || roles.contains(&StaffRole::LeadTrainer) {
        LogAccess::Full
    } else if roles
        .iter()
        .any(|r| r.manages() || matches!(r, StaffRole::Coach | StaffRole::MetaCoach))
    {
        LogAccess::Staff
    } else if is_subject {
        LogAccess::Subject
    } else {
        LogAccess::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_author_and_lead_trainers_read_the_private_note() {
        assert_eq!(log_access(true, &[], false), LogAccess::Full);
        assert_eq!(
            log_access(false, &[StaffRole::LeadTrainer], false),
            LogAccess::Full
        );
        assert_eq!(
            log_access(false, &[StaffRole::Trainer], false),
            LogAccess::Staff
        );
        assert_eq!(
            log_access(false, &[StaffRole::Coach], true),
            LogAccess::Staff
        );
        assert_eq!(log_access(false, &[], true), LogAccess::Subject);
        assert_eq!(log_access(false, &[], false), LogAccess::None);
    }

    #[test]
    fn an_empty_log_or_a_bad_date_is_refused() {
        let e = LogFields::parse(RawLog {
            challenge: "heart".into(),
            next_check_in: "soon".into(),
            ..RawLog::default()
        })
        .unwrap_err();
        assert_eq!(e.key_for("observation"), Some("error-log-empty"));
        assert_eq!(e.key_for("next_check_in"), Some("error-date"));
        assert!(
            LogFields::parse(RawLog {
                challenge: "feet".into(),
                observation: "x".into(),
                ..RawLog::default()
            })
            .is_err()
        );
    }
}
