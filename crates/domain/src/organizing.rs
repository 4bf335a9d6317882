//! Organizing work inside a node: teams in the snowflake model ("crews" in the code, so they
//! are never confused with a workshop's practice teams), their campaigns, reflections and the
//! lessons drawn from them — who may see each, and their checked fields.

use crate::campaigns::{ActorCategory, PhaseKind};
use crate::fields::{bounded, one_line, parse_date, parse_tags};
use crate::members::profile::Practice;
use crate::nodes::{NodeVisibility, Standing};
use crate::validation::FieldErrors;

/// How far a campaign, reflection or lesson is seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reach {
    /// Its team (and the node's stewards).
    Team,
    /// The node's members.
    Node,
    /// Every network member who may know the node.
    Network,
}

impl Reach {
    /// Every reach, narrowest first.
    pub const ALL: [Reach; 3] = [Reach::Team, Reach::Node, Reach::Network];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Reach::Team => "team",
            Reach::Node => "node",
            Reach::Network => "network",
        }
    }

    /// The reach with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Who is looking, relative to the object's node and team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrganizingViewer {
    /// Signed in at all.
    pub signed_in: bool,
    /// Their standing in the node.
    pub standing: Standing,
    /// They belong to the object's team.
    pub in_team: bool,
}

/// True when the viewer may see an object with this reach in a node with this visibility.
/// Nothing is ever shown to visitors; a team's work is seen by the team and the node's
/// stewards; a secret node's work never leaves its members, whatever the reach says.
pub fn may_see(reach: Reach, node: NodeVisibility, v: OrganizingViewer) -> bool {
    if !v.signed_in || v.standing == Standing::Banned {
        return false;
    }
    match reach {
        Reach::Team => v.in_team || v.standing == Standing::Steward,
        Reach::Node => v.in_team || v.standing.is_member(),
        Reach::Network => v.in_team || node != NodeVisibility::Secret || v.standing.is_member(),
    }
}

/// The longest name or title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest free text, in characters.
pub const MAX_TEXT_CHARS: usize = 5_000;

/// A team's fields as typed.
#[derive(Debug, Clone, Default)]
pub struct RawCrewFields {
    /// Name.
    pub name: String,
    /// Shared purpose.
    pub purpose: String,
    /// Norms, one per line.
    pub norms: String,
}

/// A team's checked fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrewFields {
    /// Name.
    pub name: String,
    /// Shared purpose.
    pub purpose: String,
    /// Norms, one per line.
    pub norms: String,
}

impl CrewFields {
    /// Checks the fields.
    ///
    /// # Errors
    /// Each wrong field, named.
    pub fn parse(raw: RawCrewFields) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", one_line(&raw.name, MAX_TITLE_CHARS, true));
        let purpose = errors.check("purpose", bounded(&raw.purpose, MAX_TEXT_CHARS, true));
        let norms = errors.check("norms", bounded(&raw.norms, MAX_TEXT_CHARS, false));
        match (name, purpose, norms) {
            (Some(name), Some(purpose), Some(norms)) if errors.is_empty() => Ok(Self {
                name,
                purpose,
                norms,
            }),
            _ => Err(errors),
        }
    }
}

/// The campaign's strategy, as typed: every field of the framework.
#[derive(Debug, Clone, Default)]
pub struct RawCampaignFields {
    /// Title.
    pub title: String,
    /// Reach code.
    pub reach: String,
    /// The people who share the problem.
    pub constituency: String,
    /// The problem.
    pub problem: String,
    /// The vision.
    pub vision: String,
    /// Strategic goal: statement.
    pub goal_statement: String,
    /// Strategic goal: what is counted.
    pub goal_metric: String,
    /// Strategic goal: how many.
    pub goal_target: String,
    /// Strategic goal: by when (YYYY-MM-DD).
    pub goal_deadline: String,
    /// Theory of change: if …
    pub toc_if: String,
    /// … then …
    pub toc_then: String,
    /// … because …
    pub toc_because: String,
    /// Organizing sentence: who.
    pub os_who: String,
    /// What.
    pub os_what: String,
    /// How.
    pub os_how: String,
    /// When.
    pub os_when: String,
}

/// The campaign's checked strategy. The text fields are kept in the order of
/// [`CampaignFields::TEXT_FIELDS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignFields {
    /// Title.
    pub title: String,
    /// Reach.
    pub reach: Reach,
    /// The strategy's text fields, named as in [`CampaignFields::TEXT_FIELDS`].
    pub text: Vec<(&'static str, String)>,
    /// The goal's target number.
    pub goal_target: Option<u64>,
    /// The goal's deadline (YYYY-MM-DD).
    pub goal_deadline: Option<String>,
}

impl CampaignFields {
    /// The strategy's text fields, in the framework's order.
    pub const TEXT_FIELDS: [&'static str; 12] = [
        "constituency",
        "problem",
        "vision",
        "goal_statement",
        "goal_metric",
        "toc_if",
        "toc_then",
        "toc_because",
        "os_who",
        "os_what",
        "os_how",
        "os_when",
    ];

    /// Checks the fields.
    ///
    /// # Errors
    /// Each wrong field, named.
    pub fn parse(raw: RawCampaignFields) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", one_line(&raw.title, MAX_TITLE_CHARS, true));
        let reach = Reach::from_code(raw.reach.trim());
        if reach.is_none() {
            errors.add("reach", "error-unknown-choice");
        }
        let values = [
            &raw.constituency,
            &raw.problem,
            &raw.vision,
            &raw.goal_statement,
            &raw.goal_metric,
            &raw.toc_if,
            &raw.toc_then,
            &raw.toc_because,
            &raw.os_who,
            &raw.os_what,
            &raw.os_how,
            &raw.os_when,
        ];
        let mut text = Vec::new();
        for (name, value) in Self::TEXT_FIELDS.iter().zip(values) {
            if let Some(v) = errors.check(name, bounded(value, MAX_TEXT_CHARS, false)) {
                text.push((*name, v));
            }
        }
        let goal_target = match raw.goal_target.trim() {
            "" => None,
            t => {
                let parsed = t.parse::<u64>().ok().filter(|n| *n <= 1_000_000_000);
                if parsed.is_none() {
                    errors.add("goal_target", "error-count-range");
                }
                parsed
            }
        };
        let goal_deadline = errors
            .check("goal_deadline", parse_date(&raw.goal_deadline))
            .flatten();
        match (title, reach) {
            (Some(title), Some(reach)) if errors.is_empty() => Ok(Self {
                title,
                reach,
                text,
                goal_target,
                goal_deadline,
            }),
            _ => Err(errors),
        }
    }

    /// One text field by name (empty when unknown).
    pub fn get(&self, name: &str) -> &str {
        self.text
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// An actor of the actor map, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorFields {
    /// Who.
    pub name: String,
    /// Where they stand.
    pub category: ActorCategory,
    /// What they want.
    pub interests: String,
    /// What they have.
    pub resources: String,
}

impl ActorFields {
    /// Checks an actor.
    ///
    /// # Errors
    /// Each wrong field, named.
    pub fn parse(
        name: &str,
        category: &str,
        interests: &str,
        resources: &str,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", one_line(name, MAX_TITLE_CHARS, true));
        let category = ActorCategory::from_code(category.trim());
        if category.is_none() {
            errors.add("category", "error-unknown-choice");
        }
        let interests = errors.check("interests", bounded(interests, 1_000, false));
        let resources = errors.check("resources", bounded(resources, 1_000, false));
        match (name, category, interests, resources) {
            (Some(name), Some(category), Some(interests), Some(resources)) if errors.is_empty() => {
                Ok(Self {
                    name,
                    category,
                    interests,
                    resources,
                })
            }
            _ => Err(errors),
        }
    }
}

/// A phase of the timeline, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseFields {
    /// Which phase.
    pub kind: PhaseKind,
    /// A short label ("first peak: the petition").
    pub label: String,
    /// When (YYYY-MM-DD).
    pub on: String,
    /// The number aimed for.
    pub goal: u64,
    /// The number reached (none until counted).
    pub actual: Option<u64>,
}

fn count(field: &str, input: &str, required: bool, errors: &mut FieldErrors) -> Option<u64> {
    match input.trim() {
        "" => {
            if required {
                errors.add(field.to_owned(), "error-required");
            }
            None
        }
        t => {
            let n = t.parse::<u64>().ok().filter(|n| *n <= 1_000_000_000);
            if n.is_none() {
                errors.add(field.to_owned(), "error-count-range");
            }
            n
        }
    }
}

impl PhaseFields {
    /// Checks a phase.
    ///
    /// # Errors
    /// Each wrong field, named.
    pub fn parse(
        kind: &str,
        label: &str,
        on: &str,
        goal: &str,
        actual: &str,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = PhaseKind::from_code(kind.trim());
        if kind.is_none() {
            errors.add("kind", "error-unknown-choice");
        }
        let label = errors.check("label", one_line(label, MAX_TITLE_CHARS, false));
        let on = match parse_date(on) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                errors.add("on", "error-required");
                None
            }
            Err(key) => {
                errors.add("on", key);
                None
            }
        };
        let goal = count("goal", goal, true, &mut errors);
        let actual = count("actual", actual, false, &mut errors);
        match (kind, label, on, goal) {
            (Some(kind), Some(label), Some(on), Some(goal)) if errors.is_empty() => Ok(Self {
                kind,
                label,
                on,
                goal,
                actual,
            }),
            _ => Err(errors),
        }
    }
}

/// What a reflection looks back on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    /// The whole campaign.
    Campaign,
    /// One phase (a peak).
    Phase,
    /// One action.
    Action,
    /// A workshop.
    Workshop,
}

impl Subject {
    /// Every subject.
    pub const ALL: [Subject; 4] = [
        Subject::Campaign,
        Subject::Phase,
        Subject::Action,
        Subject::Workshop,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Subject::Campaign => "campaign",
            Subject::Phase => "phase",
            Subject::Action => "action",
            Subject::Workshop => "workshop",
        }
    }

    /// The subject with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A reflection as typed.
#[derive(Debug, Clone, Default)]
pub struct RawReflectionFields {
    /// Subject code.
    pub subject: String,
    /// What exactly ("the march of 12 May").
    pub label: String,
    /// Reach code.
    pub reach: String,
    /// What we intended.
    pub intended: String,
    /// What happened.
    pub happened: String,
    /// Why there was a difference.
    pub difference: String,
    /// What to sustain.
    pub sustain: String,
    /// What to improve.
    pub improve: String,
    /// Numbers.
    pub numbers: String,
    /// Who took part.
    pub participants: String,
}

/// A reflection's checked fields; the five questions of an after-action review are in the
/// order of [`ReflectionFields::QUESTIONS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReflectionFields {
    /// What it looks back on.
    pub subject: Subject,
    /// What exactly.
    pub label: String,
    /// Reach.
    pub reach: Reach,
    /// The answers, named as in [`ReflectionFields::QUESTIONS`].
    pub answers: Vec<(&'static str, String)>,
}

impl ReflectionFields {
    /// The after-action review's questions, then numbers and who took part.
    pub const QUESTIONS: [&'static str; 7] = [
        "intended",
        "happened",
        "difference",
        "sustain",
        "improve",
        "numbers",
        "participants",
    ];

    /// Checks a reflection: what was intended and what happened are required.
    ///
    /// # Errors
    /// Each wrong field, named.
    pub fn parse(raw: RawReflectionFields) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let subject = Subject::from_code(raw.subject.trim());
        if subject.is_none() {
            errors.add("subject", "error-unknown-choice");
        }
        let reach = Reach::from_code(raw.reach.trim());
        if reach.is_none() {
            errors.add("reach", "error-unknown-choice");
        }
        let label = errors.check("label", one_line(&raw.label, MAX_TITLE_CHARS, true));
        let values = [
            (&raw.intended, true),
            (&raw.happened, true),
            (&raw.difference, false),
            (&raw.sustain, false),
            (&raw.improve, false),
            (&raw.numbers, false),
            (&raw.participants, false),
        ];
        let mut answers = Vec::new();
        for (name, (value, required)) in Self::QUESTIONS.iter().zip(values) {
            if let Some(v) = errors.check(name, bounded(value, MAX_TEXT_CHARS, required)) {
                answers.push((*name, v));
            }
        }
        match (subject, reach, label) {
            (Some(subject), Some(reach), Some(label)) if errors.is_empty() => Ok(Self {
                subject,
                label,
                reach,
                answers,
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

/// A lesson as typed.
#[derive(Debug, Clone, Default)]
pub struct RawLessonFields {
    /// The lesson, one or two sentences.
    pub statement: String,
    /// Practice codes.
    pub practices: Vec<String>,
    /// Domains.
    pub domains: Vec<String>,
    /// Regions.
    pub regions: Vec<String>,
}

/// A lesson's checked fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonFields {
    /// The lesson.
    pub statement: String,
    /// Practices it concerns.
    pub practices: Vec<Practice>,
    /// Domains.
    pub domains: Vec<String>,
    /// Regions.
    pub regions: Vec<String>,
}

impl LessonFields {
    /// Checks a lesson.
    ///
    /// # Errors
    /// Each wrong field, named.
    pub fn parse(raw: RawLessonFields) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let statement = errors.check("statement", bounded(&raw.statement, 1_000, true));
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
        match (statement, domains, regions) {
            (Some(statement), Some(domains), Some(regions)) if errors.is_empty() => Ok(Self {
                statement,
                practices,
                domains,
                regions,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewer(standing: Standing, in_team: bool) -> OrganizingViewer {
        OrganizingViewer {
            signed_in: true,
            standing,
            in_team,
        }
    }

    #[test]
    fn who_sees_what_one_table() {
        use NodeVisibility::{Members, Public, Secret};
        use Standing::{Member, Outsider, Steward};
        // (reach, node, standing, in team) → sees
        let table = [
            (Reach::Team, Public, Outsider, false, false),
            (Reach::Team, Public, Member, false, false),
            (Reach::Team, Public, Member, true, true),
            (Reach::Team, Public, Steward, false, true),
            (Reach::Node, Public, Outsider, false, false),
            (Reach::Node, Public, Member, false, true),
            (Reach::Node, Members, Steward, false, true),
            (Reach::Network, Public, Outsider, false, true),
            (Reach::Network, Members, Outsider, false, true),
            (Reach::Network, Secret, Outsider, false, false),
            (Reach::Network, Secret, Member, false, true),
        ];
        for (reach, node, standing, in_team, sees) in table {
            assert_eq!(
                may_see(reach, node, viewer(standing, in_team)),
                sees,
                "{reach:?} in a {node:?} node for {standing:?} (in team: {in_team})"
            );
        }
        let visitor = OrganizingViewer {
            signed_in: false,
            standing: Outsider,
            in_team: false,
        };
        assert!(
            !may_see(Reach::Network, Public, visitor),
            "never to visitors"
        );
        assert!(!may_see(
            Reach::Network,
            Public,
            viewer(Standing::Banned, false)
        ));
    }

    #[test]
    fn a_campaign_needs_a_title_and_a_reach_and_counts_are_numbers() {
        let e = CampaignFields::parse(RawCampaignFields {
            goal_target: "many".into(),
            goal_deadline: "next year".into(),
            ..RawCampaignFields::default()
        })
        .unwrap_err();
        assert_eq!(e.key_for("title"), Some("error-required"));
        assert_eq!(e.key_for("reach"), Some("error-unknown-choice"));
        assert_eq!(e.key_for("goal_target"), Some("error-count-range"));
        assert_eq!(e.key_for("goal_deadline"), Some("error-date"));
        let ok = CampaignFields::parse(RawCampaignFields {
            title: " Fair rent ".into(),
            reach: "node".into(),
            toc_if: "tenants act together".into(),
            goal_target: "300".into(),
            ..RawCampaignFields::default()
        })
        .unwrap();
        assert_eq!(ok.title, "Fair rent");
        assert_eq!(ok.get("toc_if"), "tenants act together");
        assert_eq!(ok.goal_target, Some(300));
    }

    #[test]
    fn a_phase_needs_a_date_and_a_goal_and_a_reflection_its_two_first_answers() {
        let e = PhaseFields::parse("peak", "", "", "", "x").unwrap_err();
        assert_eq!(e.key_for("on"), Some("error-required"));
        assert_eq!(e.key_for("goal"), Some("error-required"));
        assert_eq!(e.key_for("actual"), Some("error-count-range"));
        let p = PhaseFields::parse("peak", "Petition", "2026-05-12", "500", "").unwrap();
        assert_eq!((p.goal, p.actual), (500, None));
        let e = ReflectionFields::parse(RawReflectionFields {
            subject: "phase".into(),
            label: "The petition".into(),
            reach: "team".into(),
            ..RawReflectionFields::default()
        })
        .unwrap_err();
        assert_eq!(e.key_for("intended"), Some("error-required"));
        assert_eq!(e.key_for("happened"), Some("error-required"));
        assert_eq!(e.key_for("difference"), None);
    }
}
