//! Attendance and coaching-log pages.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::coaching::{self, LogRecord};
use praxis_app::workshops::WorkshopRecord;
use praxis_domain::coaching::{Challenge, LogAccess, RawLog};
use praxis_domain::ids::{LogId, MemberId, SessionId, WorkshopId};
use praxis_domain::timestamps::Timestamp;
use praxis_domain::validation::FieldErrors;

use crate::error::PageError;
use crate::extract::{FormFields, Key, PageMember, Path};
use crate::pages::{Chrome, render, render_with_status};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "coaching/attendance.html")]
pub(crate) struct AttendancePage {
    c: Chrome,
    workshop: WorkshopRecord,
    session: SessionId,
    people: Vec<(MemberId, String, bool)>,
    saved: bool,
}

pub(crate) async fn show_attendance(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path((Key(id), Key(session))): Path<(Key<WorkshopId>, Key<SessionId>)>,
) -> Result<Response, PageError> {
    let (workshop, session, people) = coaching::roster(&state.ctx, &me, id, session).await?;
    Ok(render(&AttendancePage {
        c,
        workshop,
        session,
        people,
        saved: false,
    }))
}

pub(crate) async fn save_attendance(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path((Key(id), Key(session))): Path<(Key<WorkshopId>, Key<SessionId>)>,
    form: FormFields,
) -> Result<Response, PageError> {
    coaching::record_attendance(&state.ctx, &me, id, session, &form.all("present")).await?;
    let (workshop, session, people) = coaching::roster(&state.ctx, &me, id, session).await?;
    Ok(render(&AttendancePage {
        c,
        workshop,
        session,
        people,
        saved: true,
    }))
}

#[derive(Template)]
#[template(path = "coaching/logs.html")]
pub(crate) struct LogsPage {
    c: Chrome,
    workshop_id: String,
    logs: Vec<LogRecord>,
    staff: bool,
    subjects: Vec<(String, String)>,
    challenges: Vec<Challenge>,
    errors: FieldErrors,
}

impl LogsPage {
    fn challenge(&self, c: &Challenge) -> String {
        self.c.t(&format!("coaching-challenge-{}", c.code()))
    }
}

async fn logs_page(
    state: &AppState,
    me: &praxis_app::policy::CurrentMember,
    c: Chrome,
    id: WorkshopId,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let (logs, staff) = coaching::logs(&state.ctx, me, id).await?;
    let subjects = if staff {
        coaching::subjects(&state.ctx, me, id).await?
    } else {
        Vec::new()
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render_with_status(
        status,
        &LogsPage {
            c,
            workshop_id: id.to_string(),
            logs,
            staff,
            subjects,
            challenges: Challenge::ALL.to_vec(),
            errors,
        },
    ))
}

pub(crate) async fn show_logs(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
) -> Result<Response, PageError> {
    logs_page(&state, &me, c, id, FieldErrors::new()).await
}

pub(crate) async fn write_log(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let raw = RawLog {
        challenge: form.text("challenge"),
        observation: form.text("observation"),
        diagnosis: form.text("diagnosis"),
        intervention: form.text("intervention"),
        debrief: form.text("debrief"),
        next_steps: form.text("next_steps"),
        next_check_in: form.text("next_check_in"),
        shared_note: form.text("shared_note"),
        private_note: form.text("private_note"),
    };
    let session = form.text("session");
    match coaching::write_log(
        &state.ctx,
        &me,
        id,
        &form.text("subject"),
        Some(&session),
        raw,
    )
    .await
    {
        Ok(log) => Ok(Redirect::to(&format!("/workshops/{id}/logs/{log}")).into_response()),
        Err(AppError::Invalid(errors)) => logs_page(&state, &me, c, id, errors).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "coaching/log.html")]
pub(crate) struct LogPage {
    c: Chrome,
    workshop_id: String,
    log: LogRecord,
    access: LogAccess,
    reads: Vec<(String, Timestamp)>,
}

impl LogPage {
    fn challenge(&self) -> String {
        self.c.t(&format!(
            "coaching-challenge-{}",
            self.log.fields.challenge.code()
        ))
    }

    fn is_staff(&self) -> bool {
        self.access >= LogAccess::Staff
    }

    fn is_full(&self) -> bool {
        self.access == LogAccess::Full
    }
}

pub(crate) async fn show_log(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path((Key(id), Key(log))): Path<(Key<WorkshopId>, Key<LogId>)>,
) -> Result<Response, PageError> {
    let (log, access, reads) = coaching::log(&state.ctx, &me, id, log).await?;
    Ok(render(&LogPage {
        c,
        workshop_id: id.to_string(),
        log,
        access,
        reads,
    }))
}
