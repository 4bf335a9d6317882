//! Workshop pages: the list, one workshop with its sessions and staff, creating and editing.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::nodes::{self, NodeRecord};
use praxis_app::workshops::{self, WorkshopRecord, WorkshopView};
use praxis_domain::ids::{MemberId, SessionId, WorkshopId};
use praxis_domain::library::ItemScope;
use praxis_domain::members::profile::Practice;
use praxis_domain::validation::FieldErrors;
use praxis_domain::workshops::{RawSessionFields, RawWorkshopFields, StaffRole, WorkshopFormat};
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{FormFields, Key, PageMember, Path, RequestInfo, encode_component};
use crate::pages::library::split_list;
use crate::pages::{Chrome, render, render_with_status};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "workshops/list.html")]
pub(crate) struct WorkshopListPage {
    c: Chrome,
    workshops: Vec<WorkshopRecord>,
    can_create: bool,
    next: Option<String>,
}

impl WorkshopListPage {
    fn format_label(&self, w: &WorkshopRecord) -> String {
        self.c
            .t(&format!("workshop-format-{}", w.fields.format.code()))
    }
}

#[derive(Deserialize)]
pub(crate) struct ListParams {
    node: Option<String>,
    cursor: Option<String>,
}

pub(crate) async fn list_workshops(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    Query(p): Query<ListParams>,
) -> Result<Response, PageError> {
    let member = info.member.as_ref();
    let (workshops, next) = match workshops::list_workshops_page(
        &state.ctx,
        member,
        p.node.as_deref(),
        p.cursor.as_deref(),
        30,
    )
    .await
    {
        Err(AppError::Invalid(_)) => return Err(PageError(AppError::NotFound)),
        other => other?,
    };
    let can_create = match member {
        Some(me) => workshops::may_create(&state.ctx, me).await?,
        None => false,
    };
    let next = next.map(|cursor| {
        let node = p
            .node
            .as_deref()
            .map(|n| format!("node={}&", encode_component(n)))
            .unwrap_or_default();
        format!("/workshops?{node}cursor={}", encode_component(&cursor))
    });
    Ok(render(&WorkshopListPage {
        c,
        workshops,
        can_create,
        next,
    }))
}

#[derive(Template)]
#[template(path = "workshops/show.html")]
pub(crate) struct WorkshopPage {
    c: Chrome,
    view: WorkshopView,
    mine: Vec<praxis_app::applications::ApplicationRecord>,
    applied: bool,
    errors: FieldErrors,
    practices: Vec<Practice>,
    roles: Vec<StaffRole>,
    /// Reflections on it the viewer may read.
    reflections: Vec<praxis_app::organizing::ReflectionRecord>,
}

impl WorkshopPage {
    fn question(&self, q: &str) -> String {
        self.c.t(&format!("reflection-{q}"))
    }
    fn role_label(&self, role: &StaffRole) -> String {
        self.c.t(&format!("workshop-role-{}", role.code()))
    }

    fn format_label(&self) -> String {
        self.c.t(&format!(
            "workshop-format-{}",
            self.view.workshop.fields.format.code()
        ))
    }

    fn has_applied(&self, role: &str) -> bool {
        self.mine.iter().any(|a| a.role.code() == role)
    }

    fn my_status(&self, a: &praxis_app::applications::ApplicationRecord) -> String {
        crate::pages::applications::status_label(&self.c, a.status)
    }

    fn my_role(&self, a: &praxis_app::applications::ApplicationRecord) -> String {
        crate::pages::applications::role_label(&self.c, a.role)
    }

    fn can_withdraw(&self, a: &praxis_app::applications::ApplicationRecord) -> bool {
        a.status != praxis_domain::applications::ApplicationStatus::Withdrawn
    }
}

async fn workshop_page(
    state: &AppState,
    info: &RequestInfo,
    c: Chrome,
    id: WorkshopId,
    errors: FieldErrors,
    applied: bool,
) -> Result<Response, PageError> {
    let view = workshops::view_workshop(&state.ctx, info.member.as_ref(), id).await?;
    let mine = match &info.member {
        Some(me) => praxis_app::applications::my_applications(&state.ctx, me, id).await?,
        None => Vec::new(),
    };
    let reflections = match &info.member {
        Some(me) => praxis_app::organizing::workshop_reflections(&state.ctx, me, id).await?,
        None => Vec::new(),
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render_with_status(
        status,
        &WorkshopPage {
            c,
            view,
            mine,
            applied,
            errors,
            practices: Practice::ALL.to_vec(),
            roles: StaffRole::ALL.to_vec(),
            reflections,
        },
    ))
}

#[derive(Deserialize)]
pub(crate) struct ShowParams {
    applied: Option<String>,
}

pub(crate) async fn show_workshop(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
    Query(p): Query<ShowParams>,
) -> Result<Response, PageError> {
    workshop_page(
        &state,
        &info,
        c,
        id,
        FieldErrors::new(),
        p.applied.is_some(),
    )
    .await
}

/// The workshop form's values as typed.
#[derive(Debug, Clone, Default)]
pub(crate) struct WorkshopForm {
    title: String,
    description: String,
    modules: Vec<String>,
    languages: String,
    format: String,
    place: String,
    time_zone: String,
    participant_capacity: String,
    coach_capacity: String,
    applications_open: String,
    applications_close: String,
    scope: String,
    node: String,
}

impl WorkshopForm {
    fn from_form(form: &FormFields) -> Self {
        Self {
            title: form.text("title"),
            description: form.text("description"),
            modules: form.all("modules"),
            languages: form.text("languages"),
            format: form.text("format"),
            place: form.text("place"),
            time_zone: form.text("time_zone"),
            participant_capacity: form.text("participant_capacity"),
            coach_capacity: form.text("coach_capacity"),
            applications_open: form.text("applications_open"),
            applications_close: form.text("applications_close"),
            scope: form.text("scope"),
            node: form.text("node"),
        }
    }

    fn from_record(w: &WorkshopRecord, node: Option<String>) -> Self {
        let f = &w.fields;
        Self {
            title: f.title.clone(),
            description: f.description.clone(),
            modules: f.modules.iter().map(|m| m.code().to_owned()).collect(),
            languages: f.languages.join(", "),
            format: f.format.code().to_owned(),
            place: f.place.clone(),
            time_zone: f.time_zone.clone(),
            participant_capacity: f.participant_capacity.to_string(),
            coach_capacity: f.coach_capacity.to_string(),
            applications_open: f.applications_open.clone().unwrap_or_default(),
            applications_close: f.applications_close.clone().unwrap_or_default(),
            scope: f.scope.code().to_owned(),
            node: node.unwrap_or_default(),
        }
    }

    fn raw(&self) -> RawWorkshopFields {
        RawWorkshopFields {
            title: self.title.clone(),
            description: self.description.clone(),
            modules: self.modules.clone(),
            languages: split_list(&self.languages),
            format: self.format.clone(),
            place: self.place.clone(),
            time_zone: self.time_zone.clone(),
            participant_capacity: self.participant_capacity.clone(),
            coach_capacity: self.coach_capacity.clone(),
            applications_open: self.applications_open.clone(),
            applications_close: self.applications_close.clone(),
            scope: self.scope.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "workshops/form.html")]
pub(crate) struct WorkshopFormPage {
    c: Chrome,
    f: WorkshopForm,
    errors: FieldErrors,
    action: String,
    title_key: &'static str,
    my_nodes: Vec<NodeRecord>,
    practices: Vec<Practice>,
    formats: Vec<WorkshopFormat>,
    scopes: Vec<ItemScope>,
}

impl WorkshopFormPage {
    fn has_module(&self, p: &Practice) -> bool {
        self.f.modules.iter().any(|m| m == p.code())
    }

    fn format_label(&self, f: &WorkshopFormat) -> String {
        self.c.t(&format!("workshop-format-{}", f.code()))
    }

    fn scope_key(&self, s: &ItemScope) -> &'static str {
        match s {
            ItemScope::Public => "library-scope-public",
            ItemScope::Members => "library-scope-members",
            ItemScope::Node => "library-scope-node",
        }
    }
}

async fn form_page(
    state: &AppState,
    me: &praxis_app::policy::CurrentMember,
    c: Chrome,
    f: WorkshopForm,
    errors: FieldErrors,
    action: String,
    title_key: &'static str,
) -> Result<Response, PageError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render_with_status(
        status,
        &WorkshopFormPage {
            c,
            f,
            errors,
            action,
            title_key,
            my_nodes: nodes::my_nodes(&state.ctx, me).await?,
            practices: Practice::ALL.to_vec(),
            formats: WorkshopFormat::ALL.to_vec(),
            scopes: ItemScope::ALL.to_vec(),
        },
    ))
}

pub(crate) async fn new_workshop(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Query(p): Query<ListParams>,
) -> Result<Response, PageError> {
    let f = WorkshopForm {
        format: "online".into(),
        time_zone: "UTC".into(),
        participant_capacity: "24".into(),
        coach_capacity: "5".into(),
        scope: if p.node.is_some() { "node" } else { "members" }.into(),
        node: p.node.unwrap_or_default(),
        ..WorkshopForm::default()
    };
    form_page(
        &state,
        &me,
        c,
        f,
        FieldErrors::new(),
        "/workshops".into(),
        "workshop-new",
    )
    .await
}

pub(crate) async fn create_workshop(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    let f = WorkshopForm::from_form(&form);
    match workshops::create_workshop(&state.ctx, &me, f.raw(), Some(&f.node)).await {
        Ok(w) => Ok(Redirect::to(&format!("/workshops/{}", w.id)).into_response()),
        Err(AppError::Invalid(errors)) => {
            form_page(
                &state,
                &me,
                c,
                f,
                errors,
                "/workshops".into(),
                "workshop-new",
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn edit_workshop(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
) -> Result<Response, PageError> {
    let view = workshops::view_workshop(&state.ctx, Some(&me), id).await?;
    if !view.can_manage {
        return Err(PageError(AppError::Forbidden));
    }
    let f = WorkshopForm::from_record(&view.workshop, view.node.map(|n| n.fields.slug));
    let action = format!("/workshops/{}/edit", view.workshop.id);
    form_page(
        &state,
        &me,
        c,
        f,
        FieldErrors::new(),
        action,
        "workshop-edit",
    )
    .await
}

pub(crate) async fn update_workshop(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let f = WorkshopForm::from_form(&form);
    match workshops::edit_workshop(&state.ctx, &me, id, f.raw(), Some(&f.node)).await {
        Ok(w) => Ok(Redirect::to(&format!("/workshops/{}", w.id)).into_response()),
        Err(AppError::Invalid(errors)) => {
            let action = format!("/workshops/{id}/edit");
            form_page(&state, &me, c, f, errors, action, "workshop-edit").await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn add_session(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    info: RequestInfo,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    let raw = RawSessionFields {
        date: form.text("date"),
        start: form.text("start"),
        duration_minutes: form.text("duration_minutes"),
        module: form.text("module"),
        location: form.text("location"),
    };
    match workshops::add_session(&state.ctx, &me, id, raw).await {
        Ok(_) => Ok(Redirect::to(&format!("/workshops/{id}#sessions")).into_response()),
        Err(AppError::Invalid(errors)) => workshop_page(&state, &info, c, id, errors, false).await,
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn remove_session(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path((Key(id), Key(session))): Path<(Key<WorkshopId>, Key<SessionId>)>,
    _form: FormFields,
) -> Result<Response, PageError> {
    workshops::remove_session(&state.ctx, &me, id, session).await?;
    Ok(Redirect::to(&format!("/workshops/{id}#sessions")).into_response())
}

pub(crate) async fn add_staff(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    info: RequestInfo,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    match workshops::add_staff(
        &state.ctx,
        &me,
        id,
        &form.text("member"),
        &form.text("role"),
    )
    .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/workshops/{id}#staff")).into_response()),
        Err(AppError::Invalid(errors)) => workshop_page(&state, &info, c, id, errors, false).await,
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn remove_staff(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    info: RequestInfo,
    c: Chrome,
    Path((Key(id), Key(member), role)): Path<(Key<WorkshopId>, Key<MemberId>, String)>,
    _form: FormFields,
) -> Result<Response, PageError> {
    match workshops::remove_staff(&state.ctx, &me, id, member, &role).await {
        Ok(()) => Ok(Redirect::to(&format!("/workshops/{id}#staff")).into_response()),
        Err(AppError::Conflict(_)) => {
            let errors = FieldErrors::single("staff", "error-last-lead-trainer");
            workshop_page(&state, &info, c, id, errors, false).await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn export(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path((Key(id), what)): Path<(Key<WorkshopId>, String)>,
) -> Result<Response, PageError> {
    let (name, csv) = praxis_app::workshop_exports::export(&state.ctx, &me, id, &what).await?;
    Ok(crate::api::rosters::csv_download(&name, csv))
}

#[derive(Template)]
#[template(path = "workshops/import.html")]
pub(crate) struct ImportPage {
    c: Chrome,
    workshop_id: String,
    report: Option<praxis_app::workshop_imports::ImportReport>,
    errors: FieldErrors,
}

impl ImportPage {
    fn outcome(&self, key: &str) -> String {
        match key {
            "invite" => self.c.t("import-outcome-will-invite"),
            "already-invited" => self.c.t("import-outcome-already-invited"),
            other => self.c.t(other),
        }
    }
}

#[derive(Template)]
#[template(path = "workshops/invitation.html")]
pub(crate) struct WorkshopInvitationPage {
    c: Chrome,
    token: String,
    workshop: praxis_app::workshops::WorkshopRecord,
}

/// The page of an invitation to take a seat (anyone holding the link).
pub(crate) async fn show_workshop_invitation(
    State(state): State<AppState>,
    c: Chrome,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let workshop =
        praxis_app::workshop_imports::view_workshop_invitation(&state.ctx, &token).await?;
    Ok(render(&WorkshopInvitationPage { c, token, workshop }))
}

/// Takes the seat, then shows the workshop (where the member's standing is listed).
pub(crate) async fn accept_workshop_invitation(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(token): Path<String>,
    _form: FormFields,
) -> Result<Response, PageError> {
    let (workshop, _) =
        praxis_app::workshop_imports::accept_workshop_invitation(&state.ctx, &me, &token).await?;
    Ok(Redirect::to(&format!("/workshops/{workshop}")).into_response())
}

pub(crate) async fn show_import(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
) -> Result<Response, PageError> {
    let view = workshops::view_workshop(&state.ctx, Some(&me), id).await?;
    if !view.can_manage {
        return Err(PageError(AppError::Forbidden));
    }
    Ok(render(&ImportPage {
        c,
        workshop_id: id.to_string(),
        report: None,
        errors: FieldErrors::new(),
    }))
}

pub(crate) async fn import(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
    form: crate::extract::UploadForm,
) -> Result<Response, PageError> {
    let column = form.text("email_column");
    let dry_run = form.text("action") != "import";
    match praxis_app::workshop_imports::import_participants(
        &state.ctx,
        &me,
        id,
        &form.file,
        Some(&column),
        dry_run,
    )
    .await
    {
        Ok(report) => Ok(render(&ImportPage {
            c,
            workshop_id: id.to_string(),
            report: Some(report),
            errors: FieldErrors::new(),
        })),
        Err(AppError::Invalid(errors)) => Ok(render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ImportPage {
                c,
                workshop_id: id.to_string(),
                report: None,
                errors,
            },
        )),
        Err(e) => Err(e.into()),
    }
}
