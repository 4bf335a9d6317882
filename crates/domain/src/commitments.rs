//! Commitments, the unit of action: who asked whom for what by when, and the path each one
//! takes — asked → agreed → confirmed → done, or flaked or declined — with invalid moves refused.

use crate::fields::parse_date;
use crate::validation::FieldErrors;

/// Where a commitment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommitmentStatus {
    /// Someone asked.
    Asked,
    /// The person said yes.
    Agreed,
    /// They confirmed shortly before it was due.
    Confirmed,
    /// They did it.
    Done,
    /// They did not do what they agreed to.
    Flaked,
    /// They said no.
    Declined,
}

impl CommitmentStatus {
    /// Every status.
    pub const ALL: [CommitmentStatus; 6] = [
        CommitmentStatus::Asked,
        CommitmentStatus::Agreed,
        CommitmentStatus::Confirmed,
        CommitmentStatus::Done,
        CommitmentStatus::Flaked,
        CommitmentStatus::Declined,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            CommitmentStatus::Asked => "asked",
            CommitmentStatus::Agreed => "agreed",
            CommitmentStatus::Confirmed => "confirmed",
            CommitmentStatus::Done => "done",
            CommitmentStatus::Flaked => "flaked",
            CommitmentStatus::Declined => "declined",
        }
    }

    /// The status with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// True once nothing more can happen to it.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            CommitmentStatus::Done | CommitmentStatus::Flaked | CommitmentStatus::Declined
        )
    }
}

/// Why a move between statuses is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The commitment is done, flaked or declined already.
    #[error("the commitment is closed")]
    Closed,
    /// The move skips or reverses a step.
    #[error("this move is not allowed from here")]
    NotFromHere,
}

impl TransitionError {
    /// The translation key of the message.
    pub fn key(self) -> &'static str {
        match self {
            TransitionError::Closed => "error-commitment-closed",
            TransitionError::NotFromHere => "error-commitment-transition",
        }
    }
}

/// Checks a move: asked → agreed or declined; agreed → confirmed, done, flaked or declined;
/// confirmed → done or flaked. Nothing leaves a final status.
///
/// # Errors
/// Why the move is refused.
pub fn transition(
    from: CommitmentStatus,
    to: CommitmentStatus,
) -> Result<CommitmentStatus, TransitionError> {
    use CommitmentStatus::{Agreed, Asked, Confirmed, Declined, Done, Flaked};
    if from.is_final() {
        return Err(TransitionError::Closed);
    }
    let allowed = matches!(
        (from, to),
        (Asked, Agreed | Declined)
            | (Agreed, Confirmed | Done | Flaked | Declined)
            | (Confirmed, Done | Flaked)
    );
    if allowed {
        Ok(to)
    } else {
        Err(TransitionError::NotFromHere)
    }
}

/// The share of commitments kept among those that came due: done ÷ (done + flaked), in
/// percent; `None` before any came due.
pub fn kept_rate(statuses: &[CommitmentStatus]) -> Option<u32> {
    let count = |status| statuses.iter().filter(|s| **s == status).count() as u64;
    kept_share(
        count(CommitmentStatus::Done),
        count(CommitmentStatus::Flaked),
    )
}

/// [`kept_rate`] from counts: done ÷ (done + flaked), in percent; `None` when both are zero.
pub fn kept_share(done: u64, flaked: u64) -> Option<u32> {
    let due = done + flaked;
    (due > 0).then(|| u32::try_from(done * 100 / due).unwrap_or(100))
}

/// A commitment as typed.
#[derive(Debug, Clone, Default)]
pub struct RawCommitment {
    /// What is asked.
    pub what: String,
    /// By when (YYYY-MM-DD).
    pub due: String,
}

/// A checked commitment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentFields {
    /// What is asked.
    pub what: String,
    /// By when.
    pub due: String,
}

impl CommitmentFields {
    /// Checks a commitment.
    ///
    /// # Errors
    /// The fields that are wrong.
    pub fn parse(raw: RawCommitment) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let what = raw.what.trim().to_owned();
        if what.is_empty() {
            errors.add("what", "error-required");
        } else if what.chars().count() > 500 {
            errors.add("what", "error-too-long");
        }
        let due = match parse_date(&raw.due) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                errors.add("due", "error-required");
                None
            }
            Err(key) => {
                errors.add("due", key);
                None
            }
        };
        match due {
            Some(due) if errors.is_empty() => Ok(Self { what, due }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::CommitmentStatus::*;
    use super::*;

    #[test]
    fn a_commitment_walks_forward_and_never_back() {
        assert_eq!(transition(Asked, Agreed), Ok(Agreed));
        assert_eq!(transition(Agreed, Confirmed), Ok(Confirmed));
        assert_eq!(transition(Confirmed, Done), Ok(Done));
        assert_eq!(transition(Asked, Done), Err(TransitionError::NotFromHere));
        assert_eq!(
            transition(Confirmed, Agreed),
            Err(TransitionError::NotFromHere)
        );
        assert_eq!(transition(Done, Flaked), Err(TransitionError::Closed));
        assert_eq!(transition(Declined, Agreed), Err(TransitionError::Closed));
    }

    #[test]
    fn the_kept_rate_counts_only_what_came_due() {
        assert_eq!(kept_rate(&[Done, Done, Flaked, Asked, Declined]), Some(66));
        assert_eq!(kept_rate(&[Asked, Agreed]), None);
    }

    #[test]
    fn a_commitment_needs_what_and_when() {
        let e = CommitmentFields::parse(RawCommitment::default()).unwrap_err();
        assert_eq!(e.key_for("what"), Some("error-required"));
        assert_eq!(e.key_for("due"), Some("error-required"));
    }

    proptest! {
        #[test]
        fn no_sequence_of_moves_leaves_a_final_status(moves in proptest::collection::vec(0usize..6, 0..20)) {
            let mut status = Asked;
            let mut closed = false;
            for m in moves {
                let to = CommitmentStatus::ALL[m];
                match transition(status, to) {
                    Ok(next) => {
                        prop_assert!(!closed, "moved after closing");
                        status = next;
                        closed = next.is_final();
                    }
                    Err(TransitionError::Closed) => prop_assert!(status.is_final()),
                    Err(TransitionError::NotFromHere) => prop_assert!(!status.is_final()),
                }
            }
        }
    }
}
