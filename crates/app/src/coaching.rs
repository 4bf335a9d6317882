//! During the workshop: attendance per session, and coaching logs. A private note is read
//! only by its author and the lead trainers — never by the participant, never in a list,
//! export or mail — and every read of it is recorded.

use praxis_domain::applications::{ApplicationStatus, Audience};
use praxis_domain::coaching::{LogAccess, LogFields, RawLog};
use praxis_domain::ids::{LogId, MemberId, SessionId, WorkshopId};
use praxis_domain::timestamps::Timestamp;
use praxis_domain::validation::FieldErrors;
use praxis_domain::workshops::StaffRole;
use tracing::instrument;

use crate::policy::CurrentMember;
use crate::policy::workshops::{
    coaches_or_manages, readable_coaching_log, staff_roles, visible_workshop,
};
use crate::workshops::WorkshopRecord;
use crate::{AppError, AppResult, Context};

pub use praxis_store::coaching::LogRecord;

async fn accepted_participants(
    ctx: &Context,
    w: &WorkshopRecord,
) -> AppResult<Vec<(MemberId, String)>> {
    let list = ctx
        .store
        .list_applications(
            w.id,
            Some(Audience::Participant),
            Some(ApplicationStatus::Accepted),
            0,
            10_000,
        )
        .await?;
    Ok(list
        .into_iter()
        .map(|a| (a.member_id, a.display_name))
        .collect())
}

/// Who a staff member may mark and write about: every accepted participant for the managing
/// staff; their own team's members for a coach.
async fn people_in_reach(
    ctx: &Context,
    w: &WorkshopRecord,
    me: MemberId,
    roles: &[StaffRole],
) -> AppResult<Vec<(MemberId, String)>> {
    let everyone = accepted_participants(ctx, w).await?;
    if roles
        .iter()
        .any(|r| r.manages() || *r == StaffRole::MetaCoach)
        || roles.contains(&StaffRole::Coach) && ctx.store.list_teams(w.id).await?.is_empty()
    {
        return Ok(everyone);
    }
    let teams = ctx.store.list_teams(w.id).await?;
    let mine: Vec<MemberId> = teams
        .iter()
        .filter(|t| {
            t.coach.as_ref().is_some_and(|(c, _)| *c == me)
                || t.co_coach.as_ref().is_some_and(|(c, _)| *c == me)
        })
        .flat_map(|t| t.members.iter().map(|m| m.id))
        .collect();
    Ok(everyone
        .into_iter()
        .filter(|(id, _)| mine.contains(id))
        .collect())
}

/// A session's roster for a staff member: (member, name, present), unmarked as absent.
///
/// # Errors
/// `NotFound` when the viewer may not see the workshop or session; `Forbidden` for non-staff.
pub async fn roster(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    session: SessionId,
) -> AppResult<(WorkshopRecord, SessionId, Vec<(MemberId, String, bool)>)> {
    let w = visible_workshop(ctx, Some(me), workshop).await?;
    if !ctx
        .store
        .list_workshop_sessions(w.id)
        .await?
        .iter()
        .any(|s| s.id == session)
    {
        return Err(AppError::NotFound);
    }
    let roles = staff_roles(ctx, &w, me.id).await?;
    if !coaches_or_manages(&roles) {
        return Err(AppError::Forbidden);
    }
    let marks = ctx.store.attendance(session).await?;
    let people = people_in_reach(ctx, &w, me.id, &roles).await?;
    Ok((
        w,
        session,
        people
            .into_iter()
            .map(|(id, name)| {
                let present = marks.iter().any(|(m, p)| *m == id && *p);
                (id, name, present)
            })
            .collect(),
    ))
}

/// Records who came: `present` lists the members ticked; everyone else in the roster is absent.
///
/// # Errors
/// As [`roster`]; `Invalid` naming `member` for someone outside the roster.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn record_attendance(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    session: SessionId,
    present: &[String],
) -> AppResult<usize> {
    let (_, session, people) = roster(ctx, me, workshop, session).await?;
    for p in present {
        if !people.iter().any(|(id, _, _)| id.to_string() == *p) {
            return Err(AppError::Invalid(FieldErrors::single(
                "member",
                "error-not-in-roster",
            )));
        }
    }
    let marks: Vec<(MemberId, bool)> = people
        .iter()
        .map(|(id, _, _)| (*id, present.iter().any(|p| *p == id.to_string())))
        .collect();
    ctx.store
        .record_attendance(session, &marks, me.id, ctx.now())
        .await?;
    Ok(marks.iter().filter(|(_, p)| *p).count())
}

/// What a staff member may write about: participants in reach (by id) and teams in reach
/// (`team:<id>`), as (value, label).
///
/// # Errors
/// `NotFound`, `Forbidden`.
pub async fn subjects(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
) -> AppResult<Vec<(String, String)>> {
    let w = visible_workshop(ctx, Some(me), workshop).await?;
    let roles = staff_roles(ctx, &w, me.id).await?;
    if !coaches_or_manages(&roles) {
        return Err(AppError::Forbidden);
    }
    let mut out: Vec<(String, String)> = people_in_reach(ctx, &w, me.id, &roles)
        .await?
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect();
    let all_teams = roles
        .iter()
        .any(|r| r.manages() || *r == StaffRole::MetaCoach);
    for t in ctx.store.list_teams(w.id).await? {
        let coaches_it = t.coach.as_ref().is_some_and(|(c, _)| *c == me.id)
            || t.co_coach.as_ref().is_some_and(|(c, _)| *c == me.id);
        if all_teams || coaches_it {
            out.push((format!("team:{}", t.id), format!("#{}", t.position)));
        }
    }
    Ok(out)
}

/// Writes a coaching log about a participant.
///
/// # Errors
/// `NotFound`, `Forbidden`; `Invalid` naming fields (`subject` outside the coach's reach).
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn write_log(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    subject: &str,
    session: Option<&str>,
    raw: RawLog,
) -> AppResult<LogId> {
    let w = visible_workshop(ctx, Some(me), workshop).await?;
    let choices = subjects(ctx, me, workshop).await?;
    let mut errors = FieldErrors::new();
    let chosen = subject.trim();
    let about: Option<(Option<MemberId>, Option<praxis_domain::ids::TeamId>)> =
        if choices.iter().any(|(v, _)| v == chosen) {
            match chosen.strip_prefix("team:") {
                Some(team) => team.parse().ok().map(|t| (None, Some(t))),
                None => chosen.parse().ok().map(|m| (Some(m), None)),
            }
        } else {
            None
        };
    if about.is_none() {
        errors.add("subject", "error-not-in-roster");
    }
    let session = match session.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => {
            let sessions = ctx.store.list_workshop_sessions(w.id).await?;
            match sessions.iter().find(|x| x.id.to_string() == s) {
                Some(x) => Some(x.id),
                None => {
                    errors.add("session", "error-unknown-choice");
                    None
                }
            }
        }
        None => None,
    };
    let fields = match LogFields::parse(raw) {
        Ok(f) => Some(f),
        Err(e) => {
            for err in e.iter() {
                errors.add(err.field().to_owned(), err.key());
            }
            None
        }
    };
    let (Some(about), Some(fields)) = (about, fields) else {
        return Err(AppError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let id = LogId::generate();
    ctx.store
        .add_coaching_log(id, w.id, session, me.id, about, &fields, ctx.now())
        .await?;
    tracing::info!(workshop.id = %w.id, log.id = %id, "coaching log written");
    Ok(id)
}

/// A log as one reader may see it: what they may not see is emptied.
fn masked(mut log: LogRecord, access: LogAccess) -> LogRecord {
    if access < LogAccess::Full {
        log.fields.private_note.clear();
    }
    if access < LogAccess::Staff {
        log.fields.observation.clear();
        log.fields.diagnosis.clear();
        log.fields.intervention.clear();
        log.fields.debrief.clear();
    }
    log
}

/// The logs a reader may see: all of them for the staff (private notes left out of lists);
/// a participant's own, shared parts only. Lists never carry a private note.
///
/// # Errors
/// `NotFound` when the viewer may not see the workshop.
pub async fn logs(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
) -> AppResult<(Vec<LogRecord>, bool)> {
    let w = visible_workshop(ctx, Some(me), workshop).await?;
    let roles = staff_roles(ctx, &w, me.id).await?;
    let staff = coaches_or_manages(&roles);
    let subject = if staff { None } else { Some(me.id) };
    let list = ctx.store.list_coaching_logs(w.id, subject, 500).await?;
    let access = if staff {
        LogAccess::Staff
    } else {
        LogAccess::Subject
    };
    Ok((list.into_iter().map(|l| masked(l, access)).collect(), staff))
}

/// One log for a reader who may see it; reading a private note is recorded.
///
/// # Errors
/// `NotFound` for anyone the log does not exist for.
pub async fn log(
    ctx: &Context,
    me: &CurrentMember,
    workshop: WorkshopId,
    id: LogId,
) -> AppResult<(LogRecord, LogAccess, Vec<(String, Timestamp)>)> {
    let (_, log, access) = readable_coaching_log(ctx, me, workshop, id).await?;
    let reads = if access == LogAccess::Full {
        if !log.fields.private_note.is_empty() {
            ctx.store
                .record_private_note_read(log.id, me.id, ctx.now())
                .await?;
            tracing::info!(log.id = %log.id, "private note read");
        }
        ctx.store.private_note_reads(log.id).await?
    } else {
        Vec::new()
    };
    Ok((masked(log, access), access, reads))
}
