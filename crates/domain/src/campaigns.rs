//! Campaigns in the framework's own terms: the actor map's categories, the timeline's phases
//! with goal and actual numbers, and a team's health on Hackman and Wageman's six conditions.

/// Where an actor stands towards the campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorCategory {
    /// The people who share the problem and organize.
    Constituency,
    /// Those who lead them.
    Leaders,
    /// Allies.
    Supporters,
    /// Others after the same resources.
    Competition,
    /// Those who resist the change.
    Opposition,
    /// Those not yet engaged.
    Sideline,
}

impl ActorCategory {
    /// Every category.
    pub const ALL: [ActorCategory; 6] = [
        ActorCategory::Constituency,
        ActorCategory::Leaders,
        ActorCategory::Supporters,
        ActorCategory::Competition,
        ActorCategory::Opposition,
        ActorCategory::Sideline,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            ActorCategory::Constituency => "constituency",
            ActorCategory::Leaders => "leaders",
            ActorCategory::Supporters => "supporters",
            ActorCategory::Competition => "competition",
            ActorCategory::Opposition => "opposition",
            ActorCategory::Sideline => "sideline",
        }
    }

    /// The category with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A phase of a campaign's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PhaseKind {
    /// Building the base.
    Foundation,
    /// A peak of action.
    Peak,
    /// The decisive moment.
    Climax,
    /// After it.
    Resolution,
}

impl PhaseKind {
    /// Every kind, in campaign order.
    pub const ALL: [PhaseKind; 4] = [
        PhaseKind::Foundation,
        PhaseKind::Peak,
        PhaseKind::Climax,
        PhaseKind::Resolution,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            PhaseKind::Foundation => "foundation",
            PhaseKind::Peak => "peak",
            PhaseKind::Climax => "climax",
            PhaseKind::Resolution => "resolution",
        }
    }

    /// The kind with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// How far the actual number came towards the goal, in percent (capped at 999).
pub fn progress(goal: u64, actual: u64) -> Option<u32> {
    (goal > 0).then(|| u32::try_from((actual * 100 / goal).min(999)).unwrap_or(999))
}

/// The six conditions of an effective team (Hackman and Wageman), each scored 1–5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Condition {
    /// A real team: bounded, interdependent, stable.
    RealTeam,
    /// A compelling purpose.
    CompellingPurpose,
    /// The right people.
    RightPeople,
    /// A sound structure: task, norms, size.
    SoundStructure,
    /// A supportive context.
    SupportiveContext,
    /// Competent team coaching.
    TeamCoaching,
}

impl Condition {
    /// Every condition, in the model's order.
    pub const ALL: [Condition; 6] = [
        Condition::RealTeam,
        Condition::CompellingPurpose,
        Condition::RightPeople,
        Condition::SoundStructure,
        Condition::SupportiveContext,
        Condition::TeamCoaching,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Condition::RealTeam => "real_team",
            Condition::CompellingPurpose => "compelling_purpose",
            Condition::RightPeople => "right_people",
            Condition::SoundStructure => "sound_structure",
            Condition::SupportiveContext => "supportive_context",
            Condition::TeamCoaching => "team_coaching",
        }
    }
}

/// Checks a health check: a score from 1 to 5 for each of the six conditions, in order.
///
/// # Errors
/// The code of the first condition whose score is missing or out of range.
pub fn parse_health(scores: &[(String, String)]) -> Result<Vec<(Condition, u8)>, &'static str> {
    Condition::ALL
        .iter()
        .map(|c| {
            scores
                .iter()
                .find(|(k, _)| k == c.code())
                .and_then(|(_, v)| v.trim().parse::<u8>().ok())
                .filter(|v| (1..=5).contains(v))
                .map(|v| (*c, v))
                .ok_or(c.code())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_a_share_of_the_goal() {
        assert_eq!(progress(200, 150), Some(75));
        assert_eq!(progress(0, 10), None);
        assert_eq!(progress(1, 50), Some(999));
    }

    #[test]
    fn a_health_check_scores_all_six_conditions() {
        let mut scores: Vec<(String, String)> = Condition::ALL
            .iter()
            .map(|c| (c.code().to_owned(), "4".to_owned()))
            .collect();
        assert_eq!(parse_health(&scores).unwrap().len(), 6);
        scores[2].1 = "7".to_owned();
        assert_eq!(parse_health(&scores), Err("right_people"));
        assert_eq!(
            ActorCategory::from_code("opposition"),
            Some(ActorCategory::Opposition)
        );
        assert!(PhaseKind::Foundation < PhaseKind::Climax);
    }
}
