use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

fn person(languages: &[&str], zone_hours: i32, region: &str, org: Option<&str>) -> Participant {
    Participant {
        languages: languages.iter().map(|l| (*l).to_owned()).collect(),
        utc_offset: zone_hours * 60,
        region: region.to_owned(),
        organization: org.map(str::to_owned),
        domains: vec![format!("{region}-work")],
        experience: 1,
    }
}

fn coach(languages: &[&str], zone_hours: i32, capacity: u8, is_new: bool) -> Coach {
    Coach {
        languages: languages.iter().map(|l| (*l).to_owned()).collect(),
        utc_offset: zone_hours * 60,
        experience: if is_new { 0 } else { 3 },
        is_new,
        capacity,
    }
}

/// Every hard constraint of a proposal, checked from scratch.
fn check(
    p: &Proposal,
    people: &[Participant],
    coaches: &[Coach],
    o: &TeamOptions,
) -> Result<(), String> {
    let mut seen = vec![0usize; people.len()];
    let mut load = vec![0usize; coaches.len()];
    for (t, team) in p.teams.iter().enumerate() {
        if team.members.len() < o.min_size || team.members.len() > o.max_size {
            return Err(format!("team {t} has {} members", team.members.len()));
        }
        load[team.coach] += 1;
        if o.pair_new_coaches && coaches[team.coach].is_new {
            return Err(format!("team {t} is led by a new coach"));
        }
        let mut staff = vec![team.coach];
        if let Some(co) = team.co_coach {
            load[co] += 1;
            if !coaches[co].is_new {
                return Err(format!("team {t} has an experienced co-coach"));
            }
            staff.push(co);
        }
        let mut orgs = BTreeMap::new();
        for &m in &team.members {
            seen[m] += 1;
            for &c in &staff {
                if !coach_fits(&coaches[c], &people[m], o) {
                    return Err(format!("coach {c} cannot take member {m} of team {t}"));
                }
            }
            if let Some(org) = &people[m].organization {
                *orgs.entry(org.clone()).or_insert(0) += 1;
            }
        }
        if o.colleagues == Colleagues::Split && orgs.values().any(|&n| n > 1) {
            return Err(format!("colleagues together in team {t}"));
        }
        if p.placements
            .iter()
            .enumerate()
            .any(|(m, pl)| pl.team == t && !team.members.contains(&m))
        {
            return Err(format!("placements disagree with team {t}"));
        }
    }
    if let Some(m) = seen.iter().position(|&n| n != 1) {
        return Err(format!("participant {m} is in {} teams", seen[m]));
    }
    if let Some(c) = (0..coaches.len()).find(|&c| load[c] > usize::from(coaches[c].capacity)) {
        return Err(format!("coach {c} is over capacity"));
    }
    Ok(())
}

#[test]
fn a_small_workshop_gets_teams_with_reasons() {
    let mut people = Vec::new();
    for i in 0..8 {
        people.push(person(
            &["ar"],
            2,
            if i % 2 == 0 { "Amman" } else { "Beirut" },
            None,
        ));
    }
    for i in 0..5 {
        people.push(person(
            &["en", "ar"],
            1,
            if i == 0 { "Sarajevo" } else { "Belgrade" },
            None,
        ));
    }
    let coaches = vec![
        coach(&["ar"], 2, 2, false),
        coach(&["ar", "en"], 1, 1, false),
    ];
    let o = TeamOptions::default();

    let p = form_teams(&people, &coaches, &o).unwrap();

    check(&p, &people, &coaches, &o).unwrap();
    assert!(p.teams.len() >= 2);
    let sarajevo = &p.placements[8];
    assert!(sarajevo.reasons.contains(&Reason::SharesLanguage(
        p.teams[sarajevo.team].language.clone()
    )));
    assert!(
        sarajevo
            .reasons
            .contains(&Reason::OnlyFromRegion("Sarajevo".into()))
    );
    assert!(p.objective.diversity > 0);
}

#[test]
fn infeasible_input_names_who_and_why() {
    let mut people: Vec<Participant> = (0..6)
        .map(|_| person(&["en"], 0, "Nairobi", None))
        .collect();
    people.push(person(&["sw"], 3, "Mombasa", None));
    people.push(person(&["en"], 10, "Tokyo", None));
    let coaches = vec![coach(&["en"], 0, 2, false)];

    let error = form_teams(&people, &coaches, &TeamOptions::default()).unwrap_err();

    assert!(
        error
            .problems
            .contains(&Problem::NoSharedLanguage { participant: 6 })
    );
    assert!(
        error
            .problems
            .contains(&Problem::NoCoachInTimeWindow { participant: 7 })
    );
}

#[test]
fn too_few_coaches_is_reported_not_half_done() {
    let people: Vec<Participant> = (0..20)
        .map(|i| person(&["en"], 0, &format!("r{i}"), None))
        .collect();
    let coaches = vec![coach(&["en"], 0, 1, false)];

    let error = form_teams(&people, &coaches, &TeamOptions::default()).unwrap_err();

    assert!(
        matches!(
            &error.problems[0],
            Problem::NotEnoughCoaches {
                teams_available: 1,
                ..
            }
        ),
        "{error:?}"
    );
}

#[test]
fn new_coaches_co_coach_with_an_experienced_lead() {
    let people: Vec<Participant> = (0..10)
        .map(|i| person(&["es"], -5, &format!("r{i}"), None))
        .collect();
    let coaches = vec![
        coach(&["es"], -5, 1, false),
        coach(&["es"], -6, 1, false),
        coach(&["es"], -5, 1, true),
    ];
    let o = TeamOptions {
        pair_new_coaches: true,
        ..TeamOptions::default()
    };

    let p = form_teams(&people, &coaches, &o).unwrap();

    check(&p, &people, &coaches, &o).unwrap();
    assert_eq!(p.teams.iter().filter(|t| t.co_coach == Some(2)).count(), 1);
    assert!(p.unpaired_new_coaches.is_empty());
}

#[test]
fn colleagues_are_split_or_kept_together_as_asked() {
    let mut people = Vec::new();
    for i in 0..12 {
        let org = if i < 3 { Some("Tenants United") } else { None };
        people.push(person(&["en"], 0, &format!("r{}", i % 4), org));
    }
    let coaches = vec![coach(&["en"], 0, 3, false)];
    let split = TeamOptions::default();
    let together = TeamOptions {
        colleagues: Colleagues::Together,
        ..TeamOptions::default()
    };

    let p = form_teams(&people, &coaches, &split).unwrap();
    check(&p, &people, &coaches, &split).unwrap();
    let q = form_teams(&people, &coaches, &together).unwrap();

    let team_of = |pr: &Proposal, m: usize| pr.placements[m].team;
    assert_eq!(team_of(&q, 0), team_of(&q, 1));
    assert_eq!(team_of(&q, 1), team_of(&q, 2));
    assert!(
        q.placements[0]
            .reasons
            .contains(&Reason::WithColleagues("Tenants United".into()))
    );
}

fn instance() -> impl Strategy<Value = (Vec<Participant>, Vec<Coach>, TeamOptions)> {
    let language = prop::sample::select(vec!["en", "ar", "es"]);
    // Mostly workable workshops (so the constraints of real proposals get checked), with
    // enough odd ones (a lone Spanish speaker, a coach far away) to exercise the refusals.
    let people = prop::collection::vec(
        (
            prop::collection::vec(language.clone(), 1..4),
            -2i32..3,
            prop::sample::select(vec!["Amman", "Belgrade", "Quito", "Nairobi"]),
            prop::option::weighted(0.15, prop::sample::select(vec!["A", "B", "C", "D", "E"])),
        ),
        0..45,
    );
    let coaches = prop::collection::vec(
        (
            prop::collection::vec(language, 1..4),
            -2i32..3,
            1u8..4,
            prop::bool::weighted(0.2),
        ),
        2..20,
    );
    let options = (
        2usize..5,
        0usize..3,
        any::<bool>(),
        2i32..5,
        any::<bool>(),
        any::<bool>(),
        any::<u64>(),
    );
    (people, coaches, options).prop_map(
        |(people, coaches, (min, extra, online, window, together, pair, seed))| {
            let people = people
                .into_iter()
                .map(|(langs, zone, region, org)| person(&langs, zone, region, org))
                .collect();
            let coaches = coaches
                .into_iter()
                .map(|(langs, zone, cap, is_new)| coach(&langs, zone, cap, is_new))
                .collect();
            let options = TeamOptions {
                min_size: min,
                max_size: min + extra,
                online,
                time_window_minutes: window * 60,
                colleagues: if together {
                    Colleagues::Together
                } else {
                    Colleagues::Split
                },
                pair_new_coaches: pair,
                seed,
            };
            (people, coaches, options)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_proposal_keeps_every_hard_constraint_and_a_refusal_says_why((people, coaches, o) in instance()) {
        match form_teams(&people, &coaches, &o) {
            Ok(p) => {
                if let Err(e) = check(&p, &people, &coaches, &o) {
                    prop_assert!(false, "{}", e);
                }
                if o.colleagues == Colleagues::Together {
                    for (i, a) in people.iter().enumerate() {
                        for (j, b) in people.iter().enumerate() {
                            if a.organization.is_some() && a.organization == b.organization {
                                prop_assert_eq!(p.placements[i].team, p.placements[j].team);
                            }
                        }
                    }
                }
            }
            Err(e) => {
                prop_assert!(!e.problems.is_empty());
                let leads: Vec<&Coach> = coaches
                    .iter()
                    .filter(|c| c.capacity > 0 && !(o.pair_new_coaches && c.is_new))
                    .collect();
                // The claims about a person are checked from scratch.
                for problem in &e.problems {
                    match problem {
                        Problem::NoSharedLanguage { participant } => {
                            let p = &people[*participant];
                            prop_assert!(leads.iter().all(|c| !c.languages.iter().any(|l| p.languages.contains(l))));
                        }
                        Problem::NoCoachInTimeWindow { participant } => {
                            let p = &people[*participant];
                            prop_assert!(leads.iter().all(|c| !coach_fits(c, p, &o)));
                        }
                        Problem::TooFewParticipants { count } => prop_assert!(*count < o.min_size),
                        _ => {}
                    }
                }
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_teams((people, coaches, o) in instance()) {
        prop_assert_eq!(form_teams(&people, &coaches, &o), form_teams(&people, &coaches, &o));
    }
}
