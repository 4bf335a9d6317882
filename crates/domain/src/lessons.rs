//! Reflections become lessons: a lesson moves from an observation to a lesson identified to a
//! lesson adopted (stewards move it forward), and keeps where it came from — showing a viewer
//! only the reflections they may read, the others as "a private reflection".

/// How far a lesson has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LessonStatus {
    /// Something noticed once.
    Observation,
    /// A lesson the team can name.
    Identified,
    /// A lesson the node has changed its practice for.
    Adopted,
}

impl LessonStatus {
    /// Every status, in order.
    pub const ALL: [LessonStatus; 3] = [
        LessonStatus::Observation,
        LessonStatus::Identified,
        LessonStatus::Adopted,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            LessonStatus::Observation => "observation",
            LessonStatus::Identified => "identified",
            LessonStatus::Adopted => "adopted",
        }
    }

    /// The status with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// True when a steward may move a lesson from `from` to `to`: one step forward at a time, or
/// back to where it was when it was moved too soon.
pub fn may_move(from: LessonStatus, to: LessonStatus) -> bool {
    let (a, b) = (from as i32, to as i32);
    (b - a).abs() == 1
}

/// One source of a lesson, as a viewer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Provenance<T> {
    /// A reflection the viewer may read.
    Visible(T),
    /// A reflection the viewer may not read: only that it exists.
    Private,
}

/// A lesson's sources for a viewer: readable ones as they are, the rest masked, in order.
pub fn provenance_for<T>(sources: Vec<(T, bool)>) -> Vec<Provenance<T>> {
    sources
        .into_iter()
        .map(|(source, readable)| {
            if readable {
                Provenance::Visible(source)
            } else {
                Provenance::Private
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::LessonStatus::*;
    use super::*;

    #[test]
    fn a_lesson_moves_one_step_at_a_time() {
        assert!(may_move(Observation, Identified));
        assert!(may_move(Identified, Adopted));
        assert!(may_move(Adopted, Identified));
        assert!(!may_move(Observation, Adopted));
        assert!(!may_move(Identified, Identified));
    }

    #[test]
    fn provenance_hides_what_the_viewer_may_not_read() {
        let shown = provenance_for(vec![("team retro", true), ("secret cell", false)]);

        assert_eq!(
            shown,
            vec![Provenance::Visible("team retro"), Provenance::Private]
        );
    }
}
