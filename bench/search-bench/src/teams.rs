//! The team-formation benchmark: a workshop of 4,000 participants and 800 coaches from regions
//! with their own languages and time zones, formed into teams; the exact coach-to-team step is
//! timed on its own and its cost matrix written out for OR-tools and SciPy.

use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use praxis_domain::teams::{
    Coach, Participant, TeamOptions, assignment, form_teams, lead_cost_matrix,
};

use crate::Rng;

/// (region, UTC offset in minutes, main language, share of the workshop in percent)
const REGIONS: [(&str, i32, &str, usize); 12] = [
    ("Amman", 180, "ar", 12),
    ("Beirut", 120, "ar", 8),
    ("Istanbul", 180, "tr", 6),
    ("Belgrade", 60, "en", 8),
    ("Sarajevo", 60, "en", 6),
    ("Nairobi", 180, "sw", 8),
    ("Lagos", 60, "en", 8),
    ("Boston", -300, "en", 10),
    ("Mexico City", -360, "es", 10),
    ("Quito", -300, "es", 6),
    ("São Paulo", -180, "pt", 8),
    ("Delhi", 330, "en", 10),
];

fn region(rng: &mut Rng) -> (&'static str, i32, &'static str) {
    let mut roll = rng.below(100);
    for (name, offset, language, share) in REGIONS {
        if roll < share {
            return (name, offset, language);
        }
        roll -= share;
    }
    ("Delhi", 330, "en")
}

fn languages(rng: &mut Rng, main: &str, english_percent: usize) -> Vec<String> {
    let mut out = vec![main.to_owned()];
    if main != "en" && rng.below(100) < english_percent {
        out.push("en".to_owned());
    }
    out
}

pub(crate) fn instance(
    participants: usize,
    coaches: usize,
    seed: u64,
) -> (Vec<Participant>, Vec<Coach>) {
    let mut rng = Rng(seed | 1);
    let people = (0..participants)
        .map(|_| {
            let (name, offset, main) = region(&mut rng);
            Participant {
                languages: languages(&mut rng, main, 40),
                utc_offset: offset,
                region: name.to_owned(),
                organization: (rng.below(100) < 60)
                    .then(|| format!("org-{}", rng.below(participants / 3))),
                domains: vec![
                    ["housing", "labor", "climate", "health", "faith"][rng.below(5)].to_owned(),
                ],
                experience: u8::try_from(rng.below(6)).unwrap_or(0),
            }
        })
        .collect();
    let coaches = (0..coaches)
        .map(|_| {
            let (_, offset, main) = region(&mut rng);
            let is_new = rng.below(100) < 10;
            Coach {
                languages: languages(&mut rng, main, 70),
                utc_offset: offset,
                experience: if is_new {
                    0
                } else {
                    1 + u8::try_from(rng.below(5)).unwrap_or(0)
                },
                is_new,
                capacity: if rng.below(100) < 30 { 2 } else { 1 },
            }
        })
        .collect();
    (people, coaches)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

pub(crate) fn run(
    participants: usize,
    coaches: usize,
    seed: u64,
    path: &Path,
) -> anyhow::Result<()> {
    let (people, coaches_list) = instance(participants, coaches, seed);
    let options = TeamOptions {
        pair_new_coaches: true,
        seed,
        ..TeamOptions::default()
    };
    let mut runs = Vec::new();
    let mut proposal = None;
    for _ in 0..5 {
        let started = Instant::now();
        let p = form_teams(&people, &coaches_list, &options).map_err(|e| {
            anyhow::anyhow!(
                "infeasible instance: {:?}",
                &e.problems[..e.problems.len().min(5)]
            )
        })?;
        runs.push(started.elapsed());
        proposal = Some(p);
    }
    let Some(proposal) = proposal else {
        anyhow::bail!("no run");
    };
    // The exact step again, on its own, on the same teams.
    let leads: Vec<usize> = (0..coaches_list.len())
        .filter(|&c| coaches_list[c].capacity > 0 && !coaches_list[c].is_new)
        .collect();
    let slots: Vec<(usize, i64)> = leads
        .iter()
        .flat_map(|&c| (0..i64::from(coaches_list[c].capacity)).map(move |k| (c, k)))
        .collect();
    let drafts: Vec<(String, Vec<usize>)> = proposal
        .teams
        .iter()
        .map(|t| (t.language.clone(), t.members.clone()))
        .collect();
    let matrix = lead_cost_matrix(&people, &coaches_list, &slots, &drafts, &options);
    let mut exact = Vec::new();
    let mut cost = 0;
    for _ in 0..5 {
        let started = Instant::now();
        let a = assignment::solve(&matrix).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        exact.push(started.elapsed());
        cost = a.cost;
    }
    let allowed = (0..matrix.rows())
        .flat_map(|r| (0..matrix.cols()).map(move |c| (r, c)))
        .filter(|&(r, c)| matrix.get(r, c).is_some())
        .count();
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(file, "{} {}", matrix.rows(), matrix.cols())?;
    for r in 0..matrix.rows() {
        for c in 0..matrix.cols() {
            if let Some(v) = matrix.get(r, c) {
                writeln!(file, "{r} {c} {v}")?;
            }
        }
    }
    file.flush()?;
    let paired = proposal
        .teams
        .iter()
        .filter(|t| t.co_coach.is_some())
        .count();
    println!(
        "workshop: {participants} participants, {coaches} coaches ({} leads, {} slots), seed {seed}",
        leads.len(),
        slots.len()
    );
    println!(
        "teams: {} (sizes {}–{}), {paired} with a new co-coach, {} new coaches unpaired",
        proposal.teams.len(),
        proposal
            .teams
            .iter()
            .map(|t| t.members.len())
            .min()
            .unwrap_or(0),
        proposal
            .teams
            .iter()
            .map(|t| t.members.len())
            .max()
            .unwrap_or(0),
        proposal.unpaired_new_coaches.len()
    );
    println!(
        "objective: total {} (diversity {}, size imbalance {}, time spread {} min)",
        proposal.objective.total,
        proposal.objective.diversity,
        proposal.objective.imbalance,
        proposal.objective.time_spread
    );
    let whole = median(runs);
    let step = median(exact.clone());
    println!(
        "whole engine (compose + exact assignments + reasons): {:.1} ms (median of 5)",
        whole.as_secs_f64() * 1000.0
    );
    println!(
        "exact coach-to-team step: {} teams x {} coach slots, {allowed} allowed pairs: cost {cost}, {:.2} ms (median of 5)",
        matrix.rows(),
        matrix.cols(),
        step.as_secs_f64() * 1000.0
    );
    println!("matrix written to {}", path.display());
    Ok(())
}
