//! Teams for a workshop: the engine proposes them from the accepted participants and coaches,
//! trainers review the proposal with its reasons, move people by hand (warned when a move
//! breaks a constraint), and publish. A participant sees their own team, nothing more.

use std::collections::BTreeMap;

use praxis_domain::applications::{ApplicationStatus, Audience};
use praxis_domain::ids::{MemberId, TeamId, WorkshopId};
use praxis_domain::members::profile::{Practice, Profile};
use praxis_domain::teams::{
    Coach, Colleagues, Participant, Problem, Reason, TeamOptions, form_teams,
};
use praxis_domain::validation::FieldErrors;
use praxis_domain::workshops::{StaffRole, WorkshopFormat};
use praxis_store::StoreError;
use praxis_store::teams::NewTeam;
use tracing::instrument;

use crate::policy::CurrentMember;
use crate::policy::workshops::{managed_workshop, manages, visible_workshop};
use crate::workshops::WorkshopRecord;
use crate::{AppError, AppResult, Context};

pub use praxis_store::teams::{TeamMember, TeamRecord};

/// How the trainer asked for teams.
#[derive(Debug, Clone, Default)]
pub struct RawTeamOptions {
    /// Smallest team ("" for 4).
    pub min_size: String,
    /// Largest team ("" for 6).
    pub max_size: String,
    /// Hours a member may be from their coach ("" for 3).
    pub window_hours: String,
    /// `together` keeps colleagues together; anything else splits them.
    pub colleagues: String,
    /// Pair new coaches with experienced ones.
    pub pair_new_coaches: bool,
    /// The seed ("" for 1).
    pub seed: String,
}

/// What became of a proposal.
#[derive(Debug, Clone)]
pub enum ProposalOutcome {
    /// Teams were proposed and saved as a draft; the objective's total.
    Proposed {
        /// How many teams.
        teams: usize,
        /// The composition objective.
        objective: i64,
    },
    /// The constraints cannot be met: what fails, for whom (names filled in).
    Infeasible(Vec<String>),
}

fn number(
    input: &str,
    default: i64,
    field: &'static str,
    range: std::ops::RangeInclusive<i64>,
    errors: &mut FieldErrors,
) -> i64 {
    let value = input.trim();
    if value.is_empty() {
        return default;
    }
    match value.parse::<i64>() {
        Ok(n) if range.contains(&n) => n,
        _ => {
            errors.add(field, "error-count-range");
            default
        }
    }
}

/// A time zone's offset from UTC now, in minutes (0 for an unknown zone).
fn offset_minutes(zone: Option<&str>, fallback: &str) -> i32 {
    let name = zone.unwrap_or(fallback);
    jiff::tz::TimeZone::get(name)
        .or_else(|_| jiff::tz::TimeZone::get(fallback))
        .map(|tz| tz.to_offset(jiff::Timestamp::now()).seconds() / 60)
        .unwrap_or(0)
}

fn level(profile: &Profile, practice: Practice) -> u8 {
    profile
        .practices
        .iter()
        .find(|(p, _)| *p == practice)
        .map_or(0, |(_, l)| l.value())
}

/// Proposes teams from the accepted participants and the coaches (accepted coach applicants
/// and coaches on the staff), replacing the draft.
///
/// # Errors
/// `NotFound`, `Forbidden`; `Invalid` naming options; `Conflict` once teams are published.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn propose(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    raw: &RawTeamOptions,
) -> AppResult<ProposalOutcome> {
    let w = managed_workshop(ctx, me, workshop).await?;
    let mut errors = FieldErrors::new();
    let min_size = number(&raw.min_size, 4, "min_size", 2..=20, &mut errors);
    let max_size = number(&raw.max_size, 6, "max_size", min_size..=30, &mut errors);
    let window = number(&raw.window_hours, 3, "window_hours", 0..=24, &mut errors);
    let seed = number(&raw.seed, 1, "seed", 0..=i64::from(u32::MAX), &mut errors);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let options = TeamOptions {
        min_size: usize::try_from(min_size).unwrap_or(4),
        max_size: usize::try_from(max_size).unwrap_or(6),
        online: w.fields.format != WorkshopFormat::InPerson,
        time_window_minutes: i32::try_from(window * 60).unwrap_or(180),
        colleagues: if raw.colleagues == "together" {
            Colleagues::Together
        } else {
            Colleagues::Split
        },
        pair_new_coaches: raw.pair_new_coaches,
        seed: u64::try_from(seed).unwrap_or(1),
    };
    let participants = accepted(ctx, &w, Audience::Participant).await?;
    let mut coaches = accepted(ctx, &w, Audience::Coach).await?;
    for s in ctx.store.list_workshop_staff(w.id).await? {
        if s.role == StaffRole::Coach && !coaches.contains(&s.member_id) {
            coaches.push(s.member_id);
        }
    }
    let everyone: Vec<MemberId> = participants.iter().chain(&coaches).copied().collect();
    let profiles: BTreeMap<MemberId, Profile> = ctx
        .store
        .profiles_by_ids(&everyone)
        .await?
        .into_iter()
        .map(|p| (p.id, p.profile))
        .collect();
    let orgs: BTreeMap<MemberId, String> = ctx
        .store
        .member_organizations(&participants)
        .await?
        .into_iter()
        .collect();
    let languages = |p: &Profile| -> Vec<String> {
        if p.languages.is_empty() {
            w.fields.languages.clone()
        } else {
            p.languages.clone()
        }
    };
    let engine_participants: Vec<Participant> = participants
        .iter()
        .filter_map(|id| profiles.get(id).map(|p| (id, p)))
        .map(|(id, p)| Participant {
            languages: languages(p),
            utc_offset: offset_minutes(p.time_zone.as_deref(), &w.fields.time_zone),
            region: p.regions.first().cloned().unwrap_or_default(),
            organization: orgs.get(id).cloned(),
            domains: p.domains.clone(),
            experience: Practice::ALL
                .iter()
                .map(|pr| level(p, *pr))
                .max()
                .unwrap_or(0),
        })
        .collect();
    let participants: Vec<MemberId> = participants
        .into_iter()
        .filter(|id| profiles.contains_key(id))
        .collect();
    let coaches: Vec<MemberId> = coaches
        .into_iter()
        .filter(|id| profiles.contains_key(id))
        .collect();
    let engine_coaches: Vec<Coach> = coaches
        .iter()
        .filter_map(|id| profiles.get(id))
        .map(|p| Coach {
            languages: languages(p),
            utc_offset: offset_minutes(p.time_zone.as_deref(), &w.fields.time_zone),
            experience: level(p, Practice::Coaching),
            is_new: level(p, Practice::Coaching) < 3,
            capacity: 1,
        })
        .collect();
    let result = tokio::task::spawn_blocking(move || {
        form_teams(&engine_participants, &engine_coaches, &options)
    })
    .await
    .map_err(|e| AppError::Unexpected(e.into()))?;
    let name = |id: &MemberId| {
        profiles
            .get(id)
            .map(|p| p.display_name.clone())
            .unwrap_or_default()
    };
    let proposal = match result {
        Ok(p) => p,
        Err(infeasible) => {
            let lines = infeasible
                .problems
                .iter()
                .map(|p| describe(p, &|i| name(&participants[i])))
                .collect();
            return Ok(ProposalOutcome::Infeasible(lines));
        }
    };
    let teams: Vec<NewTeam> = proposal
        .teams
        .iter()
        .map(|t| NewTeam {
            id: TeamId::generate(),
            coach: Some(coaches[t.coach]),
            co_coach: t.co_coach.map(|c| coaches[c]),
            language: t.language.clone(),
            members: t
                .members
                .iter()
                .map(|&m| {
                    (
                        participants[m],
                        reason_codes(&proposal.placements[m].reasons),
                    )
                })
                .collect(),
        })
        .collect();
    match ctx.store.replace_team_draft(w.id, &teams, ctx.now()).await {
        Err(StoreError::Conflict(c)) => return Err(AppError::Conflict(c)),
        other => other?,
    }
    tracing::info!(workshop.id = %w.id, teams = teams.len(), objective = proposal.objective.total, "teams proposed");
    Ok(ProposalOutcome::Proposed {
        teams: teams.len(),
        objective: proposal.objective.total,
    })
}

async fn accepted(ctx: &Context, w: &WorkshopRecord, role: Audience) -> AppResult<Vec<MemberId>> {
    let mut out = Vec::new();
    for page in 0..100u32 {
        let list = ctx
            .store
            .list_applications(
                w.id,
                Some(role),
                Some(ApplicationStatus::Accepted),
                page * 1000,
                1000,
            )
            .await?;
        let done = list.len() < 1000;
        out.extend(list.into_iter().map(|a| a.member_id));
        if done {
            break;
        }
    }
    Ok(out)
}

fn reason_codes(reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|r| match r {
            Reason::SharesLanguage(l) => format!("language:{l}"),
            Reason::TimeFromCoach(m) => format!("time:{m}"),
            Reason::OnlyFromRegion(r) => format!("region:{r}"),
            Reason::ColleaguesElsewhere(o) => format!("colleagues-elsewhere:{o}"),
            Reason::WithColleagues(o) => format!("with-colleagues:{o}"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A problem as a line a trainer can act on (in English codes the page translates).
fn describe(p: &Problem, name: &dyn Fn(usize) -> String) -> String {
    match p {
        Problem::NoSharedLanguage { participant } => {
            format!("no-shared-language:{}", name(*participant))
        }
        Problem::NoCoachInTimeWindow { participant } => {
            format!("no-coach-in-time:{}", name(*participant))
        }
        Problem::LanguageGroupTooSmall { language, .. } => {
            format!("language-group-too-small:{language}")
        }
        Problem::NotEnoughCoaches {
            language,
            teams_needed,
            teams_available,
        } => {
            format!("not-enough-coaches:{language} {teams_needed}/{teams_available}")
        }
        Problem::TooFewParticipants { count } => format!("too-few-participants:{count}"),
        Problem::ColleaguesCannotBeSplit { .. } => "colleagues-cannot-be-split:".to_owned(),
        Problem::ColleaguesCannotStayTogether { .. } => {
            "colleagues-cannot-stay-together:".to_owned()
        }
        Problem::TeamSizesImpossible { language } => format!("team-sizes-impossible:{language}"),
        Problem::NoCoachForTeam { members } => format!(
            "no-coach-for-team:{}",
            members
                .iter()
                .map(|m| name(*m))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Problem::BadOption(field) => format!("bad-option:{field}"),
    }
}

/// The workshop's teams: all of them for the managing staff; for anyone else only the
/// published team they are in (or coach).
///
/// # Errors
/// `NotFound` when the viewer may not see the workshop.
pub async fn teams(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
) -> AppResult<(WorkshopRecord, Vec<TeamRecord>, bool)> {
    let w = visible_workshop(ctx, Some(me), workshop).await?;
    let all = ctx.store.list_teams(w.id).await?;
    let manages = manages(ctx, me, &w).await?;
    if manages {
        return Ok((w, all, true));
    }
    let mine = all
        .into_iter()
        .filter(|t| {
            t.published
                && (t.members.iter().any(|m| m.id == me.id)
                    || t.coach.as_ref().is_some_and(|(c, _)| *c == me.id)
                    || t.co_coach.as_ref().is_some_and(|(c, _)| *c == me.id))
        })
        .map(|mut t| {
            // Why others were placed is for the trainers.
            t.members
                .iter_mut()
                .filter(|m| m.id != me.id)
                .for_each(|m| m.reasons.clear());
            t
        })
        .collect();
    Ok((w, mine, false))
}

/// Moves a member to another team; returns the warnings the move raises (a constraint it
/// breaks), empty when none.
///
/// # Errors
/// `NotFound`, `Forbidden`.
pub async fn move_member(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    member: MemberId,
    to: TeamId,
) -> AppResult<Vec<&'static str>> {
    let w = managed_workshop(ctx, me, workshop).await?;
    match ctx.store.move_team_member(w.id, member, to).await {
        Err(StoreError::NotFound) => return Err(AppError::NotFound),
        other => other?,
    }
    let teams = ctx.store.list_teams(w.id).await?;
    let Some(team) = teams.iter().find(|t| t.id == to) else {
        return Ok(Vec::new());
    };
    let mut warnings = Vec::new();
    if team.members.len() > 6 {
        warnings.push("warning-team-large");
    }
    let ids: Vec<MemberId> = team
        .members
        .iter()
        .map(|m| m.id)
        .chain(team.coach.as_ref().map(|(c, _)| *c))
        .collect();
    let profiles = ctx.store.profiles_by_ids(&ids).await?;
    let languages_of = |id: MemberId| -> Vec<String> {
        profiles
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.profile.languages.clone())
            .unwrap_or_default()
    };
    if let Some((coach, _)) = &team.coach {
        let coach_languages = languages_of(*coach);
        let moved = languages_of(member);
        if !moved.is_empty()
            && !coach_languages.is_empty()
            && !moved.iter().any(|l| coach_languages.contains(l))
        {
            warnings.push("warning-no-shared-language");
        }
        // Online, the default window of three hours from the coach.
        if w.fields.format != WorkshopFormat::InPerson {
            let zone = |id: MemberId| {
                profiles
                    .iter()
                    .find(|p| p.id == id)
                    .map(|p| offset_minutes(p.profile.time_zone.as_deref(), &w.fields.time_zone))
                    .unwrap_or(0)
            };
            if (zone(member) - zone(*coach)).abs() > 180 {
                warnings.push("warning-time-zone");
            }
        }
    }
    let others: Vec<MemberId> = team
        .members
        .iter()
        .map(|m| m.id)
        .filter(|m| *m != member)
        .collect();
    let orgs = ctx
        .store
        .member_organizations(&team.members.iter().map(|m| m.id).collect::<Vec<_>>())
        .await?;
    let own = orgs.iter().find(|(m, _)| *m == member).map(|(_, o)| o);
    if own.is_some_and(|o| {
        orgs.iter()
            .any(|(m, other)| others.contains(m) && other == o)
    }) {
        warnings.push("warning-colleagues");
    }
    Ok(warnings)
}

/// Publishes the teams to their members.
///
/// # Errors
/// `NotFound`, `Forbidden`; `Invalid` naming `teams` when there are none.
pub async fn publish(ctx: &Context, me: &CurrentMember, workshop: WorkshopId) -> AppResult<u64> {
    let w = managed_workshop(ctx, me, workshop).await?;
    if ctx.store.list_teams(w.id).await?.is_empty() {
        return Err(AppError::Invalid(FieldErrors::single(
            "teams",
            "error-no-teams",
        )));
    }
    Ok(ctx.store.publish_teams(w.id, ctx.now()).await?)
}
