//! The team-formation engine: accepted participants and coaches in, teams with a coach each out.
//!
//! Hard constraints: the coach shares a language with every member; online, every member is
//! within the time window of the coach; colleagues of one organization are split across teams
//! (or kept together); a new coach is paired as co-coach with an experienced lead when asked;
//! no coach takes more teams than their capacity; team sizes stay within bounds. Soft
//! objectives: diverse regions, domains and organizations within a team, balanced sizes, close
//! time zones.
//!
//! How: every participant gets a working language that coaches can serve (balancing demand
//! against each language's coaching capacity); each language group is cut into teams (by time
//! zone when online), then improved by a seeded local search on the diversity objective that
//! never breaks a hard constraint; finally coaches are assigned to teams **exactly**, at least
//! total time-zone distance, as a rectangular assignment problem ([`assignment`]). The same
//! input and seed always give the same teams. When the input cannot satisfy the constraints the
//! answer is a list of [`Problem`]s naming whom they concern, never a partial result.

pub mod assignment;
mod compose;

use std::collections::BTreeMap;

use self::assignment::{AssignmentError, CostMatrix};
pub use self::compose::Objective;

/// A participant as the engine sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// Lower-case language codes they can work in.
    pub languages: Vec<String>,
    /// Their time zone's offset from UTC, in minutes.
    pub utc_offset: i32,
    /// Where they organize.
    pub region: String,
    /// Their organization, if any.
    pub organization: Option<String>,
    /// Their domains of work.
    pub domains: Vec<String>,
    /// Years or level of organizing experience (only compared with others).
    pub experience: u8,
}

/// A coach as the engine sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coach {
    /// Lower-case language codes they can coach in.
    pub languages: Vec<String>,
    /// Their time zone's offset from UTC, in minutes.
    pub utc_offset: i32,
    /// Coaching experience.
    pub experience: u8,
    /// Coaching for the first time.
    pub is_new: bool,
    /// How many teams they may coach (co-coaching counts).
    pub capacity: u8,
}

/// What to do with colleagues from one organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colleagues {
    /// In different teams (they learn more from others).
    Split,
    /// In the same team.
    Together,
}

/// How teams are formed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamOptions {
    /// The smallest team.
    pub min_size: usize,
    /// The largest team.
    pub max_size: usize,
    /// An online workshop: time zones matter.
    pub online: bool,
    /// Online, the most a member's time zone may differ from their coach's, in minutes.
    pub time_window_minutes: i32,
    /// Colleagues split or together.
    pub colleagues: Colleagues,
    /// New coaches co-coach with an experienced lead instead of leading.
    pub pair_new_coaches: bool,
    /// The seed of the local search.
    pub seed: u64,
}

impl Default for TeamOptions {
    fn default() -> Self {
        Self {
            min_size: 4,
            max_size: 6,
            online: true,
            time_window_minutes: 180,
            colleagues: Colleagues::Split,
            pair_new_coaches: false,
            seed: 1,
        }
    }
}

impl TeamOptions {
    /// Options for meta-coach groups (six to eight coaches in training).
    pub fn meta_coach_groups() -> Self {
        Self {
            min_size: 6,
            max_size: 8,
            ..Self::default()
        }
    }
}

/// One team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    /// The lead coach (an index into the coaches).
    pub coach: usize,
    /// A new coach paired with the lead, when asked.
    pub co_coach: Option<usize>,
    /// The members (indexes into the participants), in input order.
    pub members: Vec<usize>,
    /// The language every member shares with the coach.
    pub language: String,
}

/// Why a participant is where they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// They share this language with their coach.
    SharesLanguage(String),
    /// Their time zone differs from their coach's by this many minutes.
    TimeFromCoach(i32),
    /// The only member of the team from this region.
    OnlyFromRegion(String),
    /// Their colleagues from this organization are in other teams.
    ColleaguesElsewhere(String),
    /// Their colleagues from this organization are in the same team (as asked).
    WithColleagues(String),
}

/// Where one participant was placed and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The team (an index into the teams).
    pub team: usize,
    /// The reasons, most important first.
    pub reasons: Vec<Reason>,
}

/// A proposal of teams.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// The teams.
    pub teams: Vec<Team>,
    /// Each participant's placement, in input order.
    pub placements: Vec<Placement>,
    /// The composition's objective (higher is better).
    pub objective: Objective,
    /// The total cost of the exact coach assignment (minutes of time-zone distance).
    pub assignment_cost: i64,
    /// New coaches who could not be paired with any team (they coach nobody this time).
    pub unpaired_new_coaches: Vec<usize>,
}

/// A reason the input cannot be formed into teams.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// An option is out of range (its name).
    BadOption(&'static str),
    /// Fewer participants than the smallest team.
    TooFewParticipants {
        /// How many there are.
        count: usize,
    },
    /// No coach who may lead speaks any of the participant's languages.
    NoSharedLanguage {
        /// The participant.
        participant: usize,
    },
    /// Online: no coach speaking their language is within the time window.
    NoCoachInTimeWindow {
        /// The participant.
        participant: usize,
    },
    /// Too few participants can work in this language to make a team, and they have no other.
    LanguageGroupTooSmall {
        /// The language.
        language: String,
        /// The participants.
        participants: Vec<usize>,
    },
    /// This many participants in this language cannot be cut into teams of the allowed sizes
    /// with the coaches there are.
    NotEnoughCoaches {
        /// The language.
        language: String,
        /// Teams needed.
        teams_needed: usize,
        /// Teams its coaches can take.
        teams_available: usize,
    },
    /// This language group cannot be cut into teams of the allowed sizes (colleagues who must
    /// stay together leave no way).
    TeamSizesImpossible {
        /// The language.
        language: String,
    },
    /// Colleagues cannot be split: more of them than teams in their language.
    ColleaguesCannotBeSplit {
        /// The organization.
        organization: String,
    },
    /// Colleagues cannot stay together: too many, or no common language.
    ColleaguesCannotStayTogether {
        /// The organization.
        organization: String,
    },
    /// No coach can take these members (language, time window or capacity).
    NoCoachForTeam {
        /// The members.
        members: Vec<usize>,
    },
}

/// The input cannot satisfy the hard constraints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Infeasible {
    /// Every problem found, naming whom it concerns.
    pub problems: Vec<Problem>,
}

/// True when the coach speaks one of these languages.
fn speaks_any(coach: &Coach, languages: &[String]) -> bool {
    coach.languages.iter().any(|l| languages.contains(l))
}

/// True when the coach may take this member: a shared language and, online, the time window.
pub fn coach_fits(coach: &Coach, p: &Participant, options: &TeamOptions) -> bool {
    speaks_any(coach, &p.languages)
        && (!options.online
            || (coach.utc_offset - p.utc_offset).abs() <= options.time_window_minutes)
}

/// Forms teams.
///
/// # Errors
/// The problems that make the input infeasible, naming whom they concern.
pub fn form_teams(
    participants: &[Participant],
    coaches: &[Coach],
    options: &TeamOptions,
) -> Result<Proposal, Infeasible> {
    let fail = |problems: Vec<Problem>| Err(Infeasible { problems });
    if options.min_size == 0 || options.min_size > 50 {
        return fail(vec![Problem::BadOption("min_size")]);
    }
    if options.max_size < options.min_size || options.max_size > 50 {
        return fail(vec![Problem::BadOption("max_size")]);
    }
    if options.time_window_minutes < 0 {
        return fail(vec![Problem::BadOption("time_window_minutes")]);
    }
    if participants.len() < options.min_size {
        return fail(vec![Problem::TooFewParticipants {
            count: participants.len(),
        }]);
    }
    let leads: Vec<usize> = (0..coaches.len())
        .filter(|&c| coaches[c].capacity > 0 && !(options.pair_new_coaches && coaches[c].is_new))
        .collect();
    let groups = compose::language_groups(participants, coaches, &leads, options)?;
    let (teams, objective) = compose::compose(participants, coaches, &leads, &groups, options)?;
    let (leads_of, assignment_cost) = assign_leads(participants, coaches, &leads, &teams, options)?;
    let mut teams: Vec<Team> = teams
        .into_iter()
        .zip(leads_of)
        .map(|((language, members), coach)| Team {
            coach,
            co_coach: None,
            members,
            language,
        })
        .collect();
    let unpaired_new_coaches = if options.pair_new_coaches {
        pair_new_coaches(participants, coaches, &mut teams, options)
    } else {
        Vec::new()
    };
    let placements = placements(participants, coaches, &teams, options);
    Ok(Proposal {
        teams,
        placements,
        objective,
        assignment_cost,
        unpaired_new_coaches,
    })
}

/// Assigns a lead coach to every team exactly: least total time-zone distance, each coach at
/// most their capacity. A coach's second slot costs one minute more than the first, so load
/// spreads before anyone gets a second team.
fn assign_leads(
    participants: &[Participant],
    coaches: &[Coach],
    leads: &[usize],
    teams: &[(String, Vec<usize>)],
    options: &TeamOptions,
) -> Result<(Vec<usize>, i64), Infeasible> {
    let slots: Vec<(usize, i64)> = leads
        .iter()
        .flat_map(|&c| (0..i64::from(coaches[c].capacity)).map(move |k| (c, k)))
        .collect();
    let matrix = lead_cost_matrix(participants, coaches, &slots, teams, options);
    match assignment::solve(&matrix) {
        Ok(a) => Ok((
            a.columns.iter().map(|&col| slots[col].0).collect(),
            a.cost - a.columns.iter().map(|&col| slots[col].1).sum::<i64>(),
        )),
        Err(AssignmentError::TooFewColumns) => Err(Infeasible {
            problems: vec![Problem::NotEnoughCoaches {
                language: String::new(),
                teams_needed: teams.len(),
                teams_available: slots.len(),
            }],
        }),
        Err(AssignmentError::NoCompleteAssignment(rows)) => Err(Infeasible {
            problems: rows
                .into_iter()
                .map(|r| Problem::NoCoachForTeam {
                    members: teams[r].1.clone(),
                })
                .collect(),
        }),
    }
}

/// The coach-to-team cost matrix: teams × coach slots, forbidden where the coach cannot take
/// every member; otherwise the members' total time-zone distance to the coach (minutes) plus
/// the slot's rank. Public for the benchmark, which hands the same matrix to other solvers.
pub fn lead_cost_matrix(
    participants: &[Participant],
    coaches: &[Coach],
    slots: &[(usize, i64)],
    teams: &[(String, Vec<usize>)],
    options: &TeamOptions,
) -> CostMatrix {
    let mut matrix = CostMatrix::new(teams.len(), slots.len());
    for (t, (_, members)) in teams.iter().enumerate() {
        for (s, &(c, rank)) in slots.iter().enumerate() {
            let coach = &coaches[c];
            if members
                .iter()
                .all(|&m| coach_fits(coach, &participants[m], options))
            {
                let distance: i64 = members
                    .iter()
                    .map(|&m| i64::from((coach.utc_offset - participants[m].utc_offset).abs()))
                    .sum();
                matrix.set(t, s, Some(distance + rank));
            }
        }
    }
    matrix
}

/// Pairs each new coach with one team exactly (least time-zone distance); a new coach who fits
/// no team is returned unpaired.
fn pair_new_coaches(
    participants: &[Participant],
    coaches: &[Coach],
    teams: &mut [Team],
    options: &TeamOptions,
) -> Vec<usize> {
    let new: Vec<usize> = (0..coaches.len())
        .filter(|&c| coaches[c].is_new && coaches[c].capacity > 0)
        .collect();
    if new.is_empty() {
        return Vec::new();
    }
    // One column per team plus one "unpaired" column per new coach, dearer than any team.
    let unpaired_cost = 1_000_000_000;
    let mut matrix = CostMatrix::new(new.len(), teams.len() + new.len());
    for (r, &c) in new.iter().enumerate() {
        let coach = &coaches[c];
        for (t, team) in teams.iter().enumerate() {
            if team
                .members
                .iter()
                .all(|&m| coach_fits(coach, &participants[m], options))
            {
                let distance: i64 = team
                    .members
                    .iter()
                    .map(|&m| i64::from((coach.utc_offset - participants[m].utc_offset).abs()))
                    .sum();
                matrix.set(r, t, Some(distance));
            }
        }
        matrix.set(r, teams.len() + r, Some(unpaired_cost));
    }
    let mut unpaired = Vec::new();
    if let Ok(a) = assignment::solve(&matrix) {
        for (r, &col) in a.columns.iter().enumerate() {
            match teams.get_mut(col) {
                Some(team) => team.co_coach = Some(new[r]),
                None => unpaired.push(new[r]),
            }
        }
    }
    unpaired
}

fn placements(
    participants: &[Participant],
    coaches: &[Coach],
    teams: &[Team],
    options: &TeamOptions,
) -> Vec<Placement> {
    let mut out = vec![
        Placement {
            team: 0,
            reasons: Vec::new(),
        };
        participants.len()
    ];
    let mut colleagues: BTreeMap<&str, usize> = BTreeMap::new();
    for p in participants {
        if let Some(org) = &p.organization {
            *colleagues.entry(org.as_str()).or_default() += 1;
        }
    }
    for (t, team) in teams.iter().enumerate() {
        let coach = &coaches[team.coach];
        let mut regions: BTreeMap<&str, usize> = BTreeMap::new();
        for &m in &team.members {
            *regions.entry(participants[m].region.as_str()).or_default() += 1;
        }
        for &m in &team.members {
            let p = &participants[m];
            let mut reasons = vec![Reason::SharesLanguage(team.language.clone())];
            if options.online {
                reasons.push(Reason::TimeFromCoach(p.utc_offset - coach.utc_offset));
            }
            if !p.region.is_empty() && regions.get(p.region.as_str()) == Some(&1) {
                reasons.push(Reason::OnlyFromRegion(p.region.clone()));
            }
            if let Some(org) = &p.organization
                && colleagues.get(org.as_str()).copied().unwrap_or(0) > 1
            {
                reasons.push(match options.colleagues {
                    Colleagues::Split => Reason::ColleaguesElsewhere(org.clone()),
                    Colleagues::Together => Reason::WithColleagues(org.clone()),
                });
            }
            out[m] = Placement { team: t, reasons };
        }
    }
    out
}

#[cfg(test)]
mod tests;
