//! Typed identifiers: random UUIDv7 values, so an id in a URL reveals nothing about how many
//! members or records an instance holds.

use std::fmt;
use std::str::FromStr;

use uuid::Uuid;

/// The error for a string that is not a well-formed id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid id")]
pub struct IdError;

/// Identifies a member (a person with an account).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MemberId(Uuid);

/// Identifies a node of practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(Uuid);

impl NodeId {
    /// A new random, time-ordered id.
    pub fn generate() -> Self {
        Self(Uuid::now_v7())
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.as_hyphenated().fmt(f)
    }
}

impl FromStr for NodeId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::try_parse(s).map(Self).map_err(|_| IdError)
    }
}

/// Identifies an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrganizationId(Uuid);

impl OrganizationId {
    /// A new random, time-ordered id.
    pub fn generate() -> Self {
        Self(Uuid::now_v7())
    }
}

impl fmt::Display for OrganizationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.as_hyphenated().fmt(f)
    }
}

impl FromStr for OrganizationId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::try_parse(s).map(Self).map_err(|_| IdError)
    }
}

/// Declares an id type: a UUIDv7 with `generate`, `Display` and `FromStr`.
macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Uuid);

        impl $name {
            /// A new random, time-ordered id.
            pub fn generate() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.as_hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::try_parse(s).map(Self).map_err(|_| IdError)
            }
        }
    };
}

uuid_id!(
    /// Identifies an item of the library.
    ItemId
);
uuid_id!(
    /// Identifies a file attached to a library item.
    AttachmentId
);
uuid_id!(
    /// Identifies a workshop.
    WorkshopId
);
uuid_id!(
    /// Identifies a session of a workshop.
    SessionId
);
uuid_id!(
    /// Identifies an application question of a workshop.
    QuestionId
);
uuid_id!(
    /// Identifies an application to a workshop.
    ApplicationId
);
uuid_id!(
    /// Identifies a team of a workshop.
    TeamId
);
uuid_id!(
    /// Identifies a coaching log entry.
    LogId
);
uuid_id!(
    /// Identifies a commitment.
    CommitmentId
);

uuid_id!(
    /// Identifies an organizing team (the snowflake model), not a workshop's practice team.
    CrewId
);

uuid_id!(
    /// Identifies a campaign.
    CampaignId
);

uuid_id!(
    /// Identifies a reflection (an after-action review).
    ReflectionId
);

uuid_id!(
    /// Identifies a lesson.
    LessonId
);

uuid_id!(
    /// Identifies a one-on-one log.
    OneOnOneId
);

uuid_id!(
    /// Identifies a public narrative draft.
    NarrativeId
);

uuid_id!(
    /// Identifies an actor on a campaign's map.
    ActorId
);

uuid_id!(
    /// Identifies a phase of a campaign's timeline.
    PhaseId
);

uuid_id!(
    /// Identifies a piece of feedback on a narrative's telling.
    FeedbackId
);

/// Identifies a personal access token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenId(Uuid);

impl MemberId {
    /// A new random, time-ordered id.
    pub fn generate() -> Self {
        Self(Uuid::now_v7())
    }
}

impl TokenId {
    /// A new random, time-ordered id.
    pub fn generate() -> Self {
        Self(Uuid::now_v7())
    }
}

impl fmt::Display for MemberId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.as_hyphenated().fmt(f)
    }
}

impl fmt::Display for TokenId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.as_hyphenated().fmt(f)
    }
}

impl FromStr for MemberId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::try_parse(s).map(Self).map_err(|_| IdError)
    }
}

impl FromStr for TokenId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::try_parse(s).map(Self).map_err(|_| IdError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_survives_a_round_trip_through_its_text_form() {
        let id = MemberId::generate();

        let parsed: MemberId = id.to_string().parse().unwrap();

        assert_eq!(parsed, id);
    }

    #[test]
    fn garbage_is_not_an_id() {
        assert_eq!("1".parse::<MemberId>(), Err(IdError));
        assert_eq!("../etc/passwd".parse::<TokenId>(), Err(IdError));
    }

    #[test]
    fn generated_ids_are_not_sequential_counters() {
        let a = MemberId::generate().to_string();
        let b = MemberId::generate().to_string();

        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
    }
}
