//! Workshops: what one is, its sessions, who runs it, and who may see and manage it.

use crate::fields::{parse_date, parse_languages, parse_time_of_day};
use crate::library::ItemScope;
use crate::members::profile::{Practice, parse_time_zone};
use crate::validation::FieldErrors;

/// How a workshop meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkshopFormat {
    /// Online only.
    Online,
    /// In one place.
    InPerson,
    /// Both.
    Hybrid,
}

impl WorkshopFormat {
    /// Every format.
    pub const ALL: [WorkshopFormat; 3] = [
        WorkshopFormat::Online,
        WorkshopFormat::InPerson,
        WorkshopFormat::Hybrid,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            WorkshopFormat::Online => "online",
            WorkshopFormat::InPerson => "in_person",
            WorkshopFormat::Hybrid => "hybrid",
        }
    }

    /// The format with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// A role on a workshop's staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StaffRole {
    /// Leads the workshop (its creator at first).
    LeadTrainer,
    /// Teaches.
    Trainer,
    /// Coaches a team.
    Coach,
    /// Coaches the coaches (coach-training programs).
    MetaCoach,
    /// Organizes logistics.
    Coordinator,
}

impl StaffRole {
    /// Every role, in display order.
    pub const ALL: [StaffRole; 5] = [
        StaffRole::LeadTrainer,
        StaffRole::Trainer,
        StaffRole::Coach,
        StaffRole::MetaCoach,
        StaffRole::Coordinator,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            StaffRole::LeadTrainer => "lead_trainer",
            StaffRole::Trainer => "trainer",
            StaffRole::Coach => "coach",
            StaffRole::MetaCoach => "meta_coach",
            StaffRole::Coordinator => "coordinator",
        }
    }

    /// The role with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// True for the roles that manage the workshop (edit it, its sessions and staff).
    pub fn manages(self) -> bool {
        matches!(
            self,
            StaffRole::LeadTrainer | StaffRole::Trainer | StaffRole::Coordinator
        )
    }
}

/// A workshop's fields as typed.
#[derive(Debug, Clone, Default)]
pub struct RawWorkshopFields {
    /// Title.
    pub title: String,
    /// Markdown description.
    pub description: String,
    /// Practice codes of the modules covered.
    pub modules: Vec<String>,
    /// Language codes.
    pub languages: Vec<String>,
    /// Format code.
    pub format: String,
    /// Where it meets (a city, a venue), for in-person and hybrid workshops.
    pub place: String,
    /// IANA time zone of its sessions.
    pub time_zone: String,
    /// Seats for participants.
    pub participant_capacity: String,
    /// Seats for coaches.
    pub coach_capacity: String,
    /// First day applications are accepted (YYYY-MM-DD), empty for none.
    pub applications_open: String,
    /// Last day applications are accepted (YYYY-MM-DD), empty for none.
    pub applications_close: String,
    /// Scope code: who may see it (as for library items).
    pub scope: String,
}

/// A workshop's checked fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopFields {
    /// Title.
    pub title: String,
    /// Markdown description.
    pub description: String,
    /// Practices covered, in teaching order.
    pub modules: Vec<Practice>,
    /// Lower-case language codes.
    pub languages: Vec<String>,
    /// Format.
    pub format: WorkshopFormat,
    /// Where it meets.
    pub place: String,
    /// IANA time zone of its sessions.
    pub time_zone: String,
    /// Seats for participants.
    pub participant_capacity: u32,
    /// Seats for coaches.
    pub coach_capacity: u32,
    /// First day of applications.
    pub applications_open: Option<String>,
    /// Last day of applications.
    pub applications_close: Option<String>,
    /// Who may see it.
    pub scope: ItemScope,
}

fn count(input: &str, max: u32) -> Result<u32, &'static str> {
    match input.trim().parse::<u32>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err("error-count-range"),
    }
}

fn text(input: &str, max: usize, required: bool) -> Result<String, &'static str> {
    let value = input.trim();
    if required && value.is_empty() {
        Err("error-required")
    } else if value.chars().count() > max {
        Err("error-too-long")
    } else {
        Ok(value.to_owned())
    }
}

impl WorkshopFields {
    /// Checks every field, naming each one that is wrong.
    ///
    /// # Errors
    /// The fields that are wrong.
    pub fn parse(raw: RawWorkshopFields) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", text(&raw.title, 200, true));
        let description = errors.check("description", text(&raw.description, 20_000, false));
        let mut modules = Vec::new();
        for code in raw
            .modules
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
        {
            match Practice::from_code(code) {
                Some(p) if !modules.contains(&p) => modules.push(p),
                Some(_) => {}
                None => errors.add("modules", "error-unknown-choice"),
            }
        }
        modules.sort();
        let languages = errors.check("languages", parse_languages(&raw.languages));
        let format = WorkshopFormat::from_code(raw.format.trim());
        if format.is_none() {
            errors.add("format", "error-unknown-choice");
        }
        let place = errors.check("place", text(&raw.place, 200, false));
        if format.is_some_and(|f| f != WorkshopFormat::Online)
            && place.as_deref().is_some_and(str::is_empty)
        {
            errors.add("place", "error-required");
        }
        let time_zone = match parse_time_zone(&raw.time_zone) {
            Ok(Some(tz)) => Some(tz),
            Ok(None) => {
                errors.add("time_zone", "error-required");
                None
            }
            Err(key) => {
                errors.add("time_zone", key);
                None
            }
        };
        let participants = errors.check(
            "participant_capacity",
            count(&raw.participant_capacity, 10_000),
        );
        let coaches = errors.check("coach_capacity", count(&raw.coach_capacity, 2_000));
        let open = errors.check("applications_open", parse_date(&raw.applications_open));
        let close = errors.check("applications_close", parse_date(&raw.applications_close));
        if let (Some(Some(o)), Some(Some(c))) = (&open, &close)
            && c < o
        {
            errors.add("applications_close", "error-close-before-open");
        }
        let scope = ItemScope::from_code(raw.scope.trim());
        if scope.is_none() {
            errors.add("scope", "error-unknown-choice");
        }
        match (
            title,
            description,
            languages,
            format,
            place,
            time_zone,
            participants,
            coaches,
            open,
            close,
            scope,
        ) {
            (
                Some(title),
                Some(description),
                Some(languages),
                Some(format),
                Some(place),
                Some(time_zone),
                Some(participant_capacity),
                Some(coach_capacity),
                Some(applications_open),
                Some(applications_close),
                Some(scope),
            ) if errors.is_empty() => Ok(Self {
                title,
                description,
                modules,
                languages,
                format,
                place,
                time_zone,
                participant_capacity,
                coach_capacity,
                applications_open,
                applications_close,
                scope,
            }),
            _ => Err(errors),
        }
    }
}

/// A session's fields as typed.
#[derive(Debug, Clone, Default)]
pub struct RawSessionFields {
    /// YYYY-MM-DD, in the workshop's time zone.
    pub date: String,
    /// HH:MM, in the workshop's time zone.
    pub start: String,
    /// Length in minutes.
    pub duration_minutes: String,
    /// The practice code of the module taught.
    pub module: String,
    /// A room or a meeting link.
    pub location: String,
}

/// A session's checked fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFields {
    /// YYYY-MM-DD.
    pub date: String,
    /// HH:MM.
    pub start: String,
    /// Length in minutes.
    pub duration_minutes: u32,
    /// The module, if any.
    pub module: Option<Practice>,
    /// A room or a link.
    pub location: String,
}

impl SessionFields {
    /// Checks every field.
    ///
    /// # Errors
    /// The fields that are wrong.
    pub fn parse(raw: RawSessionFields) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let date = match parse_date(&raw.date) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                errors.add("date", "error-required");
                None
            }
            Err(key) => {
                errors.add("date", key);
                None
            }
        };
        let start = errors.check("start", parse_time_of_day(&raw.start));
        let duration = errors.check("duration_minutes", count(&raw.duration_minutes, 24 * 60));
        let module = match raw.module.trim() {
            "" => Some(None),
            code => match Practice::from_code(code) {
                Some(p) => Some(Some(p)),
                None => {
                    errors.add("module", "error-unknown-choice");
                    None
                }
            },
        };
        let location = errors.check("location", text(&raw.location, 500, false));
        match (date, start, duration, module, location) {
            (Some(date), Some(start), Some(duration_minutes), Some(module), Some(location))
                if errors.is_empty() =>
            {
                Ok(Self {
                    date,
                    start,
                    duration_minutes,
                    module,
                    location,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawWorkshopFields {
        RawWorkshopFields {
            title: "Public narrative, Amman".into(),
            description: String::new(),
            modules: vec!["public_narrative".into(), "coaching".into()],
            languages: vec!["ar".into()],
            format: "hybrid".into(),
            place: "Amman".into(),
            time_zone: "Asia/Amman".into(),
            participant_capacity: "30".into(),
            coach_capacity: "6".into(),
            applications_open: "2026-12-01".into(),
            applications_close: "2026-12-20".into(),
            scope: "public".into(),
        }
    }

    #[test]
    fn a_good_workshop_parses() {
        let w = WorkshopFields::parse(raw()).unwrap();
        assert_eq!(
            w.modules,
            vec![Practice::PublicNarrative, Practice::Coaching]
        );
        assert_eq!(w.participant_capacity, 30);
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut r = raw();
        r.title = String::new();
        r.format = "circus".into();
        r.time_zone = "not a zone!".into();
        r.participant_capacity = "0".into();
        r.applications_close = "2026-11-01".into();
        r.scope = "world".into();

        let e = WorkshopFields::parse(r).unwrap_err();

        for field in [
            "title",
            "format",
            "time_zone",
            "participant_capacity",
            "applications_close",
            "scope",
        ] {
            assert!(e.key_for(field).is_some(), "{field}");
        }
    }

    #[test]
    fn an_in_person_workshop_needs_a_place_and_a_session_a_real_time() {
        let mut r = raw();
        r.format = "in_person".into();
        r.place = " ".into();
        assert_eq!(
            WorkshopFields::parse(r).unwrap_err().key_for("place"),
            Some("error-required")
        );
        let s = SessionFields::parse(RawSessionFields {
            date: "2026-02-30".into(),
            start: "25:00".into(),
            duration_minutes: "90".into(),
            module: "strategy".into(),
            location: String::new(),
        })
        .unwrap_err();
        assert_eq!(s.key_for("date"), Some("error-date"));
        assert_eq!(s.key_for("start"), Some("error-time-of-day"));
    }

    #[test]
    fn only_leads_trainers_and_coordinators_manage() {
        assert!(StaffRole::LeadTrainer.manages());
        assert!(StaffRole::Coordinator.manages());
        assert!(!StaffRole::Coach.manages());
    }
}
