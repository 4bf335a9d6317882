//! Talent pathways: the steps from participant to lead trainer.

/// A step on the pathway, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// Took part in a workshop.
    Participant,
    /// Coached alongside an experienced coach.
    PairedCoach,
    /// Coaches a team.
    Coach,
    /// Coaches coaches.
    MetaCoach,
    /// Teaches sessions.
    UpfrontTrainer,
    /// Leads workshops.
    LeadTrainer,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 6] = [
        Step::Participant,
        Step::PairedCoach,
        Step::Coach,
        Step::MetaCoach,
        Step::UpfrontTrainer,
        Step::LeadTrainer,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Step::Participant => "participant",
            Step::PairedCoach => "paired_coach",
            Step::Coach => "coach",
            Step::MetaCoach => "meta_coach",
            Step::UpfrontTrainer => "upfront_trainer",
            Step::LeadTrainer => "lead_trainer",
        }
    }

    /// The step with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The furthest step among those reached.
pub fn current_step(reached: &[Step]) -> Option<Step> {
    reached.iter().copied().max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_furthest_step_is_the_current_one() {
        assert_eq!(
            current_step(&[Step::Coach, Step::Participant]),
            Some(Step::Coach)
        );
        assert_eq!(current_step(&[]), None);
        assert_eq!(Step::from_code("meta_coach"), Some(Step::MetaCoach));
    }
}
