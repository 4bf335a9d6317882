//! Team composition: a working language for everyone, teams cut from each language group, and
//! a seeded local search on diversity that never breaks a hard constraint.

use std::collections::{BTreeMap, BTreeSet};

use super::{Coach, Colleagues, Infeasible, Participant, Problem, TeamOptions};

/// The composition's objective: higher is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Objective {
    /// Distinct regions ×3, domains ×2 and organizations ×2, summed over teams.
    pub diversity: i64,
    /// The sum over teams of the squared difference between the team's size and the mean.
    pub imbalance: i64,
    /// The sum over teams of the span of members' time zones, in minutes (online only).
    pub time_spread: i64,
    /// `diversity - imbalance - time_spread / 60`.
    pub total: i64,
}

/// A unit placed as a whole: one participant, or colleagues kept together.
type Unit = Vec<usize>;

/// A composed team before it has a coach: its language and members.
pub(super) type DraftTeam = (String, Vec<usize>);

/// Languages and the units working in each.
pub(super) type Groups = BTreeMap<String, Vec<Unit>>;

fn teams_range(n: usize, capacity: usize, o: &TeamOptions) -> Option<(usize, usize)> {
    if n == 0 {
        return Some((0, 0));
    }
    let low = n.div_ceil(o.max_size);
    let high = (n / o.min_size).min(capacity);
    (low <= high).then_some((low, high))
}

struct Leads<'a> {
    /// Lead coaches' time zones per language, sorted.
    zones: BTreeMap<&'a str, Vec<i32>>,
    /// Team slots per language.
    capacity: BTreeMap<&'a str, usize>,
}

impl<'a> Leads<'a> {
    fn new(coaches: &'a [Coach], leads: &[usize]) -> Self {
        let mut zones: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
        let mut capacity: BTreeMap<&str, usize> = BTreeMap::new();
        for &c in leads {
            for l in &coaches[c].languages {
                zones
                    .entry(l.as_str())
                    .or_default()
                    .push(coaches[c].utc_offset);
                *capacity.entry(l.as_str()).or_default() += usize::from(coaches[c].capacity);
            }
        }
        zones.values_mut().for_each(|z| z.sort_unstable());
        Self { zones, capacity }
    }

    /// True when a lead coach of `language` is within the window of every zone in [lo, hi].
    fn covers(&self, language: &str, lo: i32, hi: i32, o: &TeamOptions) -> bool {
        if !o.online {
            return self.zones.contains_key(language);
        }
        let Some(zones) = self.zones.get(language) else {
            return false;
        };
        let (from, to) = (hi - o.time_window_minutes, lo + o.time_window_minutes);
        let first = zones.partition_point(|z| *z < from);
        zones.get(first).is_some_and(|z| *z <= to)
    }

    fn capacity(&self, language: &str) -> usize {
        self.capacity.get(language).copied().unwrap_or(0)
    }
}

/// Gives every unit a working language its coaches can serve, balancing demand against each
/// language's coaching capacity, then repairs groups that cannot be cut into teams.
pub(super) fn language_groups(
    participants: &[Participant],
    coaches: &[Coach],
    leads: &[usize],
    o: &TeamOptions,
) -> Result<Groups, Infeasible> {
    let coverage = Leads::new(coaches, leads);
    let mut problems = Vec::new();
    let mut candidates: Vec<Vec<String>> = Vec::with_capacity(participants.len());
    for (i, p) in participants.iter().enumerate() {
        let mut spoken: Vec<String> = p
            .languages
            .iter()
            .filter(|l| coverage.zones.contains_key(l.as_str()))
            .cloned()
            .collect();
        spoken.sort();
        spoken.dedup();
        let fitting: Vec<String> = spoken
            .iter()
            .filter(|l| coverage.covers(l, p.utc_offset, p.utc_offset, o))
            .cloned()
            .collect();
        if spoken.is_empty() {
            problems.push(Problem::NoSharedLanguage { participant: i });
        } else if fitting.is_empty() {
            problems.push(Problem::NoCoachInTimeWindow { participant: i });
        }
        candidates.push(fitting);
    }
    let units = units(participants, &candidates, o, &mut problems);
    if !problems.is_empty() {
        return Err(Infeasible { problems });
    }
    // Most constrained first; each takes the language whose coaching capacity is least used.
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&u| (units[u].1.len(), u));
    let mut load: BTreeMap<String, usize> = BTreeMap::new();
    let mut chosen: Vec<String> = vec![String::new(); units.len()];
    for u in order {
        let (members, langs) = &units[u];
        let best = langs
            .iter()
            .min_by(|a, b| {
                let ratio = |l: &String| {
                    let cap = (coverage.capacity(l) * o.max_size).max(1) as f64;
                    (load.get(l).copied().unwrap_or(0) + members.len()) as f64 / cap
                };
                ratio(a).total_cmp(&ratio(b)).then_with(|| a.cmp(b))
            })
            .cloned()
            .unwrap_or_default();
        *load.entry(best.clone()).or_default() += members.len();
        chosen[u] = best;
    }
    repair(&units, &mut chosen, &coverage, o);
    let mut groups: Groups = BTreeMap::new();
    for (u, language) in chosen.iter().enumerate() {
        groups
            .entry(language.clone())
            .or_default()
            .push(units[u].0.clone());
    }
    for (language, group) in &groups {
        let n: usize = group.iter().map(Vec::len).sum();
        if teams_range(n, coverage.capacity(language), o).is_none() {
            problems.push(if n < o.min_size {
                Problem::LanguageGroupTooSmall {
                    language: language.clone(),
                    participants: group.iter().flatten().copied().collect(),
                }
            } else {
                Problem::NotEnoughCoaches {
                    language: language.clone(),
                    teams_needed: n.div_ceil(o.max_size),
                    teams_available: coverage.capacity(language),
                }
            });
        }
    }
    if problems.is_empty() {
        Ok(groups)
    } else {
        Err(Infeasible { problems })
    }
}

/// Units of placement with the languages all their members can work in.
fn units(
    participants: &[Participant],
    candidates: &[Vec<String>],
    o: &TeamOptions,
    problems: &mut Vec<Problem>,
) -> Vec<(Unit, Vec<String>)> {
    if o.colleagues == Colleagues::Split {
        return candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (vec![i], c.clone()))
            .collect();
    }
    let mut by_org: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, p) in participants.iter().enumerate() {
        match &p.organization {
            Some(org) => by_org.entry(org.as_str()).or_default().push(i),
            None => out.push((vec![i], candidates[i].clone())),
        }
    }
    for (org, members) in by_org {
        let mut common: Vec<String> = candidates[members[0]].clone();
        common.retain(|l| members.iter().all(|&m| candidates[m].contains(l)));
        if members.len() > o.max_size || common.is_empty() {
            problems.push(Problem::ColleaguesCannotStayTogether {
                organization: org.to_owned(),
            });
        }
        out.push((members, common));
    }
    out.sort_by_key(|(members, _)| members[0]);
    out
}

/// Moves units that have another language out of (or into) groups that cannot be cut into
/// teams, while the move leaves the other group able to.
fn repair(
    units: &[(Unit, Vec<String>)],
    chosen: &mut [String],
    coverage: &Leads<'_>,
    o: &TeamOptions,
) {
    let size = |chosen: &[String], l: &str| -> usize {
        chosen
            .iter()
            .zip(units)
            .filter(|(c, _)| c.as_str() == l)
            .map(|(_, (m, _))| m.len())
            .sum()
    };
    for _ in 0..units.len().min(10_000) {
        let languages: BTreeSet<String> = chosen.iter().cloned().collect();
        let Some(bad) = languages
            .iter()
            .find(|l| teams_range(size(chosen, l), coverage.capacity(l), o).is_none())
            .cloned()
        else {
            return;
        };
        let n = size(chosen, &bad);
        let mut moved = false;
        // Out of the bad group, into one that stays valid.
        for u in 0..units.len() {
            if chosen[u] != bad {
                continue;
            }
            for other in &units[u].1 {
                if *other == bad {
                    continue;
                }
                let m = size(chosen, other) + units[u].0.len();
                if teams_range(m, coverage.capacity(other), o).is_some() {
                    chosen[u] = other.clone();
                    moved = true;
                    break;
                }
            }
            if moved {
                break;
            }
        }
        // Or into the bad group, when it is short of people.
        if !moved && n >= 1 {
            for u in 0..units.len() {
                if chosen[u] == bad || !units[u].1.contains(&bad) {
                    continue;
                }
                let from = chosen[u].clone();
                let left = size(chosen, &from) - units[u].0.len();
                if teams_range(left, coverage.capacity(&from), o).is_some() {
                    chosen[u] = bad.clone();
                    moved = true;
                    break;
                }
            }
        }
        if !moved {
            return;
        }
    }
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    }
}

/// A team's score and its hard-constraint violations (each costs more than any diversity).
fn score(
    members: &[usize],
    language: &str,
    participants: &[Participant],
    coverage: &Leads<'_>,
    o: &TeamOptions,
) -> i64 {
    let mut regions = BTreeSet::new();
    let mut domains = BTreeSet::new();
    let mut orgs = BTreeSet::new();
    let mut repeated_orgs = 0i64;
    let (mut lo, mut hi) = (i32::MAX, i32::MIN);
    for &m in members {
        let p = &participants[m];
        regions.insert(p.region.as_str());
        domains.extend(p.domains.iter().map(String::as_str));
        if let Some(org) = &p.organization
            && !orgs.insert(org.as_str())
        {
            repeated_orgs += 1;
        }
        lo = lo.min(p.utc_offset);
        hi = hi.max(p.utc_offset);
    }
    let mut s = 3 * regions.len() as i64 + 2 * domains.len() as i64 + 2 * orgs.len() as i64;
    if o.online {
        s -= i64::from(hi - lo) / 60;
    }
    if o.colleagues == Colleagues::Split {
        s -= 10_000 * repeated_orgs;
    }
    if !members.is_empty() && !coverage.covers(language, lo, hi, o) {
        s -= 100_000;
    }
    s
}

/// Cuts each language group into teams and improves them; returns (language, members) per team.
pub(super) fn compose(
    participants: &[Participant],
    coaches: &[Coach],
    leads: &[usize],
    groups: &Groups,
    o: &TeamOptions,
) -> Result<(Vec<DraftTeam>, Objective), Infeasible> {
    let coverage = Leads::new(coaches, leads);
    let mut rng = Rng(o.seed | 1);
    let mut out: Vec<(String, Vec<usize>)> = Vec::new();
    let mut problems = Vec::new();
    for (language, group) in groups {
        let n: usize = group.iter().map(Vec::len).sum();
        let Some((low, high)) = teams_range(n, coverage.capacity(language), o) else {
            continue;
        };
        let preferred = (2 * n).div_ceil(o.min_size + o.max_size);
        let count = preferred.clamp(low, high);
        let mut units = group.clone();
        // Colleagues kept together go first, so they always find room.
        if o.online {
            units.sort_by_key(|u| {
                (
                    std::cmp::Reverse(u.len()),
                    u.iter().map(|&m| participants[m].utc_offset).min(),
                    u[0],
                )
            });
        } else {
            units.sort_by(|a, b| {
                let key = |u: &Unit| {
                    let p = &participants[u[0]];
                    (
                        std::cmp::Reverse(u.len()),
                        p.organization.clone(),
                        p.region.clone(),
                        u[0],
                    )
                };
                key(a).cmp(&key(b))
            });
        }
        // Balanced sizes: the first `n % count` teams get one more.
        let sizes: Vec<usize> = (0..count)
            .map(|t| n / count + usize::from(t < n % count))
            .collect();
        let mut teams: Vec<Vec<usize>> = vec![Vec::new(); count];
        if o.online {
            // Units of several colleagues first, then everyone by time zone, team after team.
            let (mut big, mut single): (Vec<Unit>, Vec<Unit>) =
                units.into_iter().partition(|u| u.len() > 1);
            single.sort_by_key(|u| (participants[u[0]].utc_offset, u[0]));
            big.append(&mut single);
            let mut left = big;
            for t in 0..count {
                while teams[t].len() < sizes[t] {
                    let room = sizes[t] - teams[t].len();
                    let Some(k) = left.iter().position(|u| u.len() <= room) else {
                        break;
                    };
                    teams[t].extend(left.remove(k));
                }
            }
            for unit in left {
                let t = (0..count).min_by_key(|&t| teams[t].len()).unwrap_or(0);
                teams[t].extend(unit);
            }
        } else {
            // Dealt like cards, so organizations and regions spread from the start.
            for (k, unit) in units.iter().enumerate() {
                let t = (0..count)
                    .map(|d| (k + d) % count)
                    .find(|&t| teams[t].len() + unit.len() <= sizes[t])
                    .or_else(|| (0..count).min_by_key(|&t| teams[t].len()))
                    .unwrap_or(0);
                teams[t].extend(unit);
            }
        }
        if teams
            .iter()
            .any(|t| t.len() < o.min_size || t.len() > o.max_size)
        {
            problems.push(Problem::TeamSizesImpossible {
                language: language.clone(),
            });
            continue;
        }
        improve(&mut teams, language, participants, &coverage, o, &mut rng);
        for members in &teams {
            if score(members, language, participants, &coverage, o) < -5_000 {
                let orgs_repeat = o.colleagues == Colleagues::Split && {
                    let mut seen = BTreeSet::new();
                    members
                        .iter()
                        .filter_map(|&m| participants[m].organization.as_deref())
                        .any(|org| !seen.insert(org))
                };
                if orgs_repeat {
                    let mut seen = BTreeSet::new();
                    for org in members
                        .iter()
                        .filter_map(|&m| participants[m].organization.as_deref())
                    {
                        if !seen.insert(org) {
                            problems.push(Problem::ColleaguesCannotBeSplit {
                                organization: org.to_owned(),
                            });
                        }
                    }
                } else {
                    problems.push(Problem::NoCoachForTeam {
                        members: members.clone(),
                    });
                }
            }
        }
        out.extend(teams.into_iter().map(|mut m| {
            m.sort_unstable();
            (language.clone(), m)
        }));
    }
    problems.sort_by_key(|p| format!("{p:?}"));
    problems.dedup();
    if !problems.is_empty() {
        return Err(Infeasible { problems });
    }
    let objective = objective(&out, participants, o);
    Ok((out, objective))
}

/// Swaps single members between teams of one group while the total score rises.
fn improve(
    teams: &mut [Vec<usize>],
    language: &str,
    participants: &[Participant],
    coverage: &Leads<'_>,
    o: &TeamOptions,
    rng: &mut Rng,
) {
    if teams.len() < 2 {
        return;
    }
    let together = o.colleagues == Colleagues::Together;
    let movable = |m: usize| !together || participants[m].organization.is_none();
    let mut scores: Vec<i64> = teams
        .iter()
        .map(|t| score(t, language, participants, coverage, o))
        .collect();
    let n: usize = teams.iter().map(Vec::len).sum();
    for _ in 0..(30 * n).max(200) {
        let a = rng.below(teams.len());
        // Online, neighbours in time are the useful partners; offline, any team.
        let b = if o.online {
            let step = 1 + rng.below(2.min(teams.len() - 1));
            if rng.below(2) == 0 {
                (a + step) % teams.len()
            } else {
                (a + teams.len() - step) % teams.len()
            }
        } else {
            rng.below(teams.len())
        };
        if a == b || teams[a].is_empty() || teams[b].is_empty() {
            continue;
        }
        let (i, j) = (rng.below(teams[a].len()), rng.below(teams[b].len()));
        let (x, y) = (teams[a][i], teams[b][j]);
        if !movable(x) || !movable(y) {
            continue;
        }
        teams[a][i] = y;
        teams[b][j] = x;
        let (sa, sb) = (
            score(&teams[a], language, participants, coverage, o),
            score(&teams[b], language, participants, coverage, o),
        );
        if sa + sb > scores[a] + scores[b] {
            scores[a] = sa;
            scores[b] = sb;
        } else {
            teams[a][i] = x;
            teams[b][j] = y;
        }
    }
}

fn objective(
    teams: &[(String, Vec<usize>)],
    participants: &[Participant],
    o: &TeamOptions,
) -> Objective {
    let mut diversity = 0;
    let mut time_spread = 0;
    let total_members: usize = teams.iter().map(|(_, m)| m.len()).sum();
    let mean = total_members as f64 / teams.len().max(1) as f64;
    let mut imbalance = 0.0;
    for (_, members) in teams {
        let regions: BTreeSet<&str> = members
            .iter()
            .map(|&m| participants[m].region.as_str())
            .collect();
        let domains: BTreeSet<&str> = members
            .iter()
            .flat_map(|&m| participants[m].domains.iter().map(String::as_str))
            .collect();
        let orgs: BTreeSet<&str> = members
            .iter()
            .filter_map(|&m| participants[m].organization.as_deref())
            .collect();
        diversity += 3 * regions.len() as i64 + 2 * domains.len() as i64 + 2 * orgs.len() as i64;
        if o.online {
            let lo = members
                .iter()
                .map(|&m| participants[m].utc_offset)
                .min()
                .unwrap_or(0);
            let hi = members
                .iter()
                .map(|&m| participants[m].utc_offset)
                .max()
                .unwrap_or(0);
            time_spread += i64::from(hi - lo);
        }
        imbalance += (members.len() as f64 - mean).powi(2);
    }
    let imbalance = imbalance.round() as i64;
    Objective {
        diversity,
        imbalance,
        time_spread,
        total: diversity - imbalance - time_spread / 60,
    }
}
