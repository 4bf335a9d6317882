//! Applications to workshops: the workshop's own questions, answers checked against them, and
//! the decisions trainers take (accept, waitlist, decline) with the rules between them.

use std::collections::BTreeMap;

use crate::validation::FieldErrors;

/// Who a question or an application is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Audience {
    /// People who come to learn.
    Participant,
    /// People who come to coach a team.
    Coach,
}

impl Audience {
    /// Both.
    pub const ALL: [Audience; 2] = [Audience::Participant, Audience::Coach];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Audience::Participant => "participant",
            Audience::Coach => "coach",
        }
    }

    /// The audience with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// One line.
    Short,
    /// Paragraphs.
    Long,
    /// One of the choices.
    Single,
    /// Any of the choices.
    Multiple,
    /// 1 to 5.
    Scale,
}

impl QuestionKind {
    /// Every kind.
    pub const ALL: [QuestionKind; 5] = [
        QuestionKind::Short,
        QuestionKind::Long,
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::Scale,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            QuestionKind::Short => "short",
            QuestionKind::Long => "long",
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::Scale => "scale",
        }
    }

    /// The kind with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    fn has_choices(self) -> bool {
        matches!(self, QuestionKind::Single | QuestionKind::Multiple)
    }
}

/// A question as typed by a trainer.
#[derive(Debug, Clone, Default)]
pub struct RawQuestion {
    /// Audience code.
    pub audience: String,
    /// Kind code.
    pub kind: String,
    /// The question.
    pub prompt: String,
    /// Choices, one per line (single and multiple choice).
    pub choices: String,
    /// An answer is required.
    pub required: bool,
}

/// A checked question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// For participants or coaches.
    pub audience: Audience,
    /// How it is answered.
    pub kind: QuestionKind,
    /// The question.
    pub prompt: String,
    /// The choices (single and multiple choice).
    pub choices: Vec<String>,
    /// An answer is required.
    pub required: bool,
}

impl Question {
    /// Checks a question.
    ///
    /// # Errors
    /// The fields that are wrong.
    pub fn parse(raw: RawQuestion) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let audience = Audience::from_code(raw.audience.trim());
        if audience.is_none() {
            errors.add("audience", "error-unknown-choice");
        }
        let kind = QuestionKind::from_code(raw.kind.trim());
        if kind.is_none() {
            errors.add("kind", "error-unknown-choice");
        }
        let prompt = raw.prompt.trim().to_owned();
        if prompt.is_empty() {
            errors.add("prompt", "error-required");
        } else if prompt.chars().count() > 500 {
            errors.add("prompt", "error-too-long");
        }
        let mut choices: Vec<String> = Vec::new();
        for line in raw.choices.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if line.chars().count() > 200 {
                errors.add("choices", "error-too-long");
            } else if !choices.iter().any(|c| c == line) {
                choices.push(line.to_owned());
            }
        }
        if kind.is_some_and(QuestionKind::has_choices) && choices.len() < 2 {
            errors.add("choices", "error-two-choices");
        }
        if choices.len() > 30 {
            errors.add("choices", "error-too-many");
        }
        match (audience, kind) {
            (Some(audience), Some(kind)) if errors.is_empty() => Ok(Self {
                audience,
                kind,
                prompt,
                choices: if kind.has_choices() {
                    choices
                } else {
                    Vec::new()
                },
                required: raw.required,
            }),
            _ => Err(errors),
        }
    }

    /// Checks one answer (all the values sent for the question); returns it as stored (multiple
    /// choices one per line), or `None` for no answer.
    ///
    /// # Errors
    /// The translation key of what is wrong.
    pub fn check_answer(&self, values: &[String]) -> Result<Option<String>, &'static str> {
        let values: Vec<&str> = values
            .iter()
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .collect();
        if values.is_empty() {
            return if self.required {
                Err("error-required")
            } else {
                Ok(None)
            };
        }
        match self.kind {
            QuestionKind::Short | QuestionKind::Long => {
                let limit = if self.kind == QuestionKind::Short {
                    300
                } else {
                    5_000
                };
                let text = values.join("\n");
                if text.chars().count() > limit {
                    Err("error-too-long")
                } else if self.kind == QuestionKind::Short && text.contains('\n') {
                    Err("error-invalid-characters")
                } else {
                    Ok(Some(text))
                }
            }
            QuestionKind::Single => match values.as_slice() {
                [one] if self.choices.iter().any(|c| c == one) => Ok(Some((*one).to_owned())),
                _ => Err("error-unknown-choice"),
            },
            QuestionKind::Multiple => {
                if values.iter().all(|v| self.choices.iter().any(|c| c == v)) {
                    let mut picked: Vec<&str> = Vec::new();
                    for c in &self.choices {
                        if values.contains(&c.as_str()) {
                            picked.push(c);
                        }
                    }
                    Ok(Some(picked.join("\n")))
                } else {
                    Err("error-unknown-choice")
                }
            }
            QuestionKind::Scale => match values.as_slice() {
                [one] if matches!(*one, "1" | "2" | "3" | "4" | "5") => Ok(Some((*one).to_owned())),
                _ => Err("error-scale"),
            },
        }
    }
}

/// Checks every answer of an application; the field of question `key` is `q-<key>`.
///
/// # Errors
/// Every answer that is wrong, by field.
pub fn check_answers<K: std::fmt::Display + Clone>(
    questions: &[(K, Question)],
    answers: &BTreeMap<String, Vec<String>>,
) -> Result<Vec<(K, String)>, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut out = Vec::new();
    for (key, q) in questions {
        let field = format!("q-{key}");
        let values = answers.get(&field).cloned().unwrap_or_default();
        match q.check_answer(&values) {
            Ok(Some(v)) => out.push((key.clone(), v)),
            Ok(None) => {}
            Err(e) => errors.add(field, e),
        }
    }
    errors.into_result(|| out)
}

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplicationStatus {
    /// Waiting for a decision.
    Submitted,
    /// Has a seat.
    Accepted,
    /// Waits for a seat to free up.
    Waitlisted,
    /// Turned down.
    Declined,
    /// Withdrawn by the applicant.
    Withdrawn,
}

impl ApplicationStatus {
    /// Every status.
    pub const ALL: [ApplicationStatus; 5] = [
        ApplicationStatus::Submitted,
        ApplicationStatus::Accepted,
        ApplicationStatus::Waitlisted,
        ApplicationStatus::Declined,
        ApplicationStatus::Withdrawn,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            ApplicationStatus::Submitted => "submitted",
            ApplicationStatus::Accepted => "accepted",
            ApplicationStatus::Waitlisted => "waitlisted",
            ApplicationStatus::Declined => "declined",
            ApplicationStatus::Withdrawn => "withdrawn",
        }
    }

    /// The status with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// What a trainer decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Give a seat.
    Accept,
    /// Put on the waiting list.
    Waitlist,
    /// Turn down.
    Decline,
}

impl Decision {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Decision::Accept => "accept",
            Decision::Waitlist => "waitlist",
            Decision::Decline => "decline",
        }
    }

    /// The decision with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        [Decision::Accept, Decision::Waitlist, Decision::Decline]
            .into_iter()
            .find(|d| d.code() == code)
    }

    /// The status a decision leads to.
    pub fn status(self) -> ApplicationStatus {
        match self {
            Decision::Accept => ApplicationStatus::Accepted,
            Decision::Waitlist => ApplicationStatus::Waitlisted,
            Decision::Decline => ApplicationStatus::Declined,
        }
    }
}

/// True when a trainer may take `decision` on an application that is `from`: anything but a
/// withdrawn application can be decided again (an accepted one declined frees its seat).
pub fn may_decide(from: ApplicationStatus, decision: Decision) -> bool {
    from != ApplicationStatus::Withdrawn && from != decision.status()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: &str, choices: &str, required: bool) -> Question {
        Question::parse(RawQuestion {
            audience: "participant".into(),
            kind: kind.into(),
            prompt: "Why?".into(),
            choices: choices.into(),
            required,
        })
        .unwrap()
    }

    #[test]
    fn questions_need_a_prompt_and_choices_where_they_apply() {
        let e = Question::parse(RawQuestion {
            audience: "everyone".into(),
            kind: "single".into(),
            prompt: " ".into(),
            choices: "only one".into(),
            required: true,
        })
        .unwrap_err();
        for field in ["audience", "prompt", "choices"] {
            assert!(e.key_for(field).is_some(), "{field}");
        }
    }

    #[test]
    fn answers_are_checked_against_their_question() {
        let single = question("single", "Yes\nNo", true);
        let multiple = question("multiple", "Housing\nLabor\nClimate", false);
        let scale = question("scale", "", true);

        assert_eq!(single.check_answer(&["No".into()]), Ok(Some("No".into())));
        assert_eq!(
            single.check_answer(&["Maybe".into()]),
            Err("error-unknown-choice")
        );
        assert_eq!(single.check_answer(&[]), Err("error-required"));
        assert_eq!(
            multiple.check_answer(&["Climate".into(), "Housing".into()]),
            Ok(Some("Housing\nClimate".into())),
            "kept in the question's order"
        );
        assert_eq!(multiple.check_answer(&[]), Ok(None));
        assert_eq!(scale.check_answer(&["6".into()]), Err("error-scale"));
    }

    #[test]
    fn every_wrong_answer_is_named_by_its_question() {
        let questions = vec![
            (7, question("scale", "", true)),
            (9, question("short", "", true)),
        ];
        let mut answers = BTreeMap::new();
        answers.insert("q-7".to_owned(), vec!["0".to_owned()]);

        let e = check_answers(&questions, &answers).unwrap_err();

        assert_eq!(e.key_for("q-7"), Some("error-scale"));
        assert_eq!(e.key_for("q-9"), Some("error-required"));
    }

    #[test]
    fn a_withdrawn_application_stays_withdrawn() {
        assert!(!may_decide(ApplicationStatus::Withdrawn, Decision::Accept));
        assert!(may_decide(ApplicationStatus::Accepted, Decision::Decline));
        assert!(!may_decide(ApplicationStatus::Accepted, Decision::Accept));
    }
}
