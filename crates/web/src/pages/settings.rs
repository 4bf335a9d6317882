//! A member's own settings: profile, account (password, email), access tokens, language.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AccessTokenInfo;
use praxis_app::AppError;
use praxis_app::accounts::{self, recovery};
use praxis_app::i18n::Locale;
use praxis_app::policy::CurrentMember;
use praxis_app::{profiles, tokens};
use praxis_domain::ids::TokenId;
use praxis_domain::members::profile::{Practice, Profile, RawProfileChanges, Role, Visibility};
use praxis_domain::validation::FieldErrors;
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{
    FormFields, LANG_COOKIE, PageMember, Path, RequestInfo, SESSION_COOKIE, local_path,
};
use crate::pages::{Chrome, MessagePage, render, render_with_status};
use crate::state::AppState;

/// The profile form's values as text, from the stored profile or from a submission.
pub(crate) struct ProfileForm {
    display_name: String,
    bio: String,
    roles: Vec<String>,
    practices: Vec<PracticeField>,
    domains: String,
    regions: String,
    languages: String,
    time_zone: String,
    coach: bool,
    mentor: bool,
    capacity: String,
    visibility: String,
}

impl ProfileForm {
    fn from_profile(p: &Profile) -> Self {
        Self {
            display_name: p.display_name.clone(),
            bio: p.bio.clone(),
            roles: p.roles.iter().map(|r| r.code().to_owned()).collect(),
            practices: Practice::ALL
                .iter()
                .map(|practice| {
                    let level = p
                        .practices
                        .iter()
                        .find(|(q, _)| q == practice)
                        .map(|(_, l)| l.value().to_string());
                    PracticeField::new(*practice, level.unwrap_or_default())
                })
                .collect(),
            domains: p.domains.join(", "),
            regions: p.regions.join(", "),
            languages: p.languages.join(", "),
            time_zone: p.time_zone.clone().unwrap_or_default(),
            coach: p.availability.coach,
            mentor: p.availability.mentor,
            capacity: p.availability.capacity.to_string(),
            visibility: p.visibility.code().to_owned(),
        }
    }

    fn from_fields(f: &FormFields) -> Self {
        Self {
            display_name: f.text("display_name"),
            bio: f.text("bio"),
            roles: f.all("roles"),
            practices: Practice::ALL
                .iter()
                .map(|p| PracticeField::new(*p, f.text(&format!("practice_{}", p.code()))))
                .collect(),
            domains: f.text("domains"),
            regions: f.text("regions"),
            languages: f.text("languages"),
            time_zone: f.text("time_zone"),
            coach: f.checked("available_to_coach"),
            mentor: f.checked("available_to_mentor"),
            capacity: f.text("capacity"),
            visibility: f.text("visibility"),
        }
    }

    fn to_raw(&self) -> RawProfileChanges {
        let list = |s: &str| {
            s.split([',', '،'])
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
        };
        RawProfileChanges {
            display_name: Some(self.display_name.clone()),
            bio: Some(self.bio.clone()),
            roles: Some(self.roles.clone()),
            practices: Some(
                self.practices
                    .iter()
                    .filter(|pf| !pf.level.trim().is_empty())
                    .map(|pf| {
                        (
                            pf.code.clone(),
                            pf.level.trim().parse::<i64>().unwrap_or(-1),
                        )
                    })
                    .collect(),
            ),
            domains: Some(list(&self.domains)),
            regions: Some(list(&self.regions)),
            languages: Some(list(&self.languages)),
            time_zone: Some(self.time_zone.clone()),
            available_to_coach: Some(self.coach),
            available_to_mentor: Some(self.mentor),
            capacity: Some(if self.capacity.trim().is_empty() {
                0
            } else {
                self.capacity.trim().parse::<i64>().unwrap_or(-1)
            }),
            visibility: Some(self.visibility.clone()),
        }
    }

    fn has_role(&self, code: &str) -> bool {
        self.roles.iter().any(|r| r == code)
    }
}

/// One practice's level selector in the form.
pub(crate) struct PracticeField {
    code: String,
    label_key: String,
    field: String,
    level: String,
}

impl PracticeField {
    fn new(practice: Practice, level: String) -> Self {
        Self {
            code: practice.code().to_owned(),
            label_key: format!("practice-{}", practice.code()),
            field: format!("practice_{}", practice.code()),
            level,
        }
    }
}

/// A role choice in the form.
pub(crate) struct Choice {
    code: &'static str,
    label_key: String,
}

fn role_choices() -> Vec<Choice> {
    Role::ALL
        .iter()
        .map(|r| Choice {
            code: r.code(),
            label_key: format!("role-{}", r.code()),
        })
        .collect()
}

fn visibility_choices() -> Vec<Choice> {
    Visibility::ALL
        .iter()
        .map(|v| Choice {
            code: v.code(),
            label_key: format!("visibility-{}", v.code()),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "settings/profile.html")]
pub(crate) struct EditProfilePage {
    c: Chrome,
    form: ProfileForm,
    errors: FieldErrors,
    saved: bool,
    roles: Vec<Choice>,
    visibilities: Vec<Choice>,
    levels: Vec<u8>,
}

impl EditProfilePage {
    fn new(c: Chrome, form: ProfileForm, errors: FieldErrors, saved: bool) -> Self {
        Self {
            c,
            form,
            errors,
            saved,
            roles: role_choices(),
            visibilities: visibility_choices(),
            levels: (0..=5).collect(),
        }
    }
}

#[derive(Deserialize)]
pub(crate) struct SavedQuery {
    saved: Option<String>,
}

pub(crate) async fn edit_profile(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Query(q): Query<SavedQuery>,
) -> Result<Response, PageError> {
    let view = profiles::view_profile(&state.ctx, profiles::viewer_of(Some(&me)), me.id).await?;
    let form = ProfileForm::from_profile(&view.profile);
    Ok(render(&EditProfilePage::new(
        c,
        form,
        FieldErrors::new(),
        q.saved.is_some(),
    )))
}

pub(crate) async fn update_profile(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    fields: FormFields,
) -> Result<Response, PageError> {
    let form = ProfileForm::from_fields(&fields);
    match profiles::update_profile(&state.ctx, &me, form.to_raw()).await {
        Ok(_) => Ok(Redirect::to("/settings/profile?saved=1").into_response()),
        Err(AppError::Invalid(errors)) => Ok(render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &EditProfilePage::new(c, form, errors, false),
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "settings/account.html")]
pub(crate) struct AccountPage {
    c: Chrome,
    sessions: Vec<praxis_app::SessionInfo>,
    email: String,
    new_email: String,
    errors: FieldErrors,
    notice: Option<String>,
    /// Reminder mail is on.
    reminders: bool,
}

/// The account page again, with the fields of a refused change named.
async fn refused_account_change(
    state: &AppState,
    c: Chrome,
    me: &CurrentMember,
    new_email: String,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let reminders = praxis_app::commitments::reminders_on(&state.ctx, me).await?;
    // The sessions list is left out of a re-rendered form; the page itself shows it.
    let page = AccountPage {
        c,
        sessions: Vec::new(),
        email: me.email.as_str().to_owned(),
        new_email,
        errors,
        notice: None,
        reminders,
    };
    Ok(render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}

#[derive(Deserialize)]
pub(crate) struct NoticeQuery {
    done: Option<String>,
}

pub(crate) async fn show_account(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let notice = match q.done.as_deref() {
        Some("password") => Some(c.t("password-changed-notice")),
        Some("email") => Some(c.t("email-change-sent-notice")),
        Some("sessions") => Some(c.t("sessions-ended-notice")),
        Some("reminders") => Some(c.t("reminders-saved-notice")),
        _ => None,
    };
    let sessions = accounts::list_sessions(&state.ctx, &me).await?;
    let reminders = praxis_app::commitments::reminders_on(&state.ctx, &me).await?;
    Ok(render(&AccountPage {
        c,
        sessions,
        email: me.email.as_str().to_owned(),
        new_email: String::new(),
        errors: FieldErrors::new(),
        notice,
        reminders,
    }))
}

pub(crate) async fn save_reminders(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    form: FormFields,
) -> Result<Response, PageError> {
    let on = form.get("reminders").is_some();
    praxis_app::commitments::set_reminders(&state.ctx, &me, on).await?;
    Ok(Redirect::to("/settings/account?done=reminders").into_response())
}

pub(crate) async fn end_other_sessions(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    _form: FormFields,
) -> Result<Response, PageError> {
    accounts::end_other_sessions(&state.ctx, &me).await?;
    Ok(Redirect::to("/settings/account?done=sessions").into_response())
}

pub(crate) async fn change_password(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    match recovery::change_password(
        &state.ctx,
        &me,
        &form.text("current_password"),
        &form.text("new_password"),
    )
    .await
    {
        Ok(()) => Ok(Redirect::to("/settings/account?done=password").into_response()),
        Err(AppError::Invalid(errors)) => {
            refused_account_change(&state, c, &me, String::new(), errors).await
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn change_email(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    let new_email = form.text("new_email");
    match recovery::request_email_change(&state.ctx, &me, &new_email, &form.text("email_password"))
        .await
    {
        Ok(()) => Ok(Redirect::to("/settings/account?done=email").into_response()),
        Err(AppError::Invalid(mut errors)) => {
            // The form names the password field of this form differently from the other one.
            if errors.key_for("current_password").is_some() {
                let mut renamed = FieldErrors::new();
                for e in errors.iter() {
                    renamed.add(
                        if e.field() == "current_password" {
                            "email_password"
                        } else {
                            e.field()
                        },
                        e.key(),
                    );
                }
                errors = renamed;
            }
            refused_account_change(&state, c, &me, new_email, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "settings/tokens.html")]
pub(crate) struct TokensPage {
    c: Chrome,
    tokens: Vec<AccessTokenInfo>,
    created: Option<String>,
    name: String,
    errors: FieldErrors,
}

pub(crate) async fn list_tokens(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
) -> Result<Response, PageError> {
    let tokens = tokens::list_tokens(&state.ctx, &me).await?;
    Ok(render(&TokensPage {
        c,
        tokens,
        created: None,
        name: String::new(),
        errors: FieldErrors::new(),
    }))
}

pub(crate) async fn create_token(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    let name = form.text("name");
    let (created, errors, status) = match tokens::create_token(&state.ctx, &me, &name).await {
        Ok(token) => (Some(token.secret), FieldErrors::new(), StatusCode::OK),
        Err(AppError::Invalid(errors)) => (None, errors, StatusCode::UNPROCESSABLE_ENTITY),
        Err(e) => return Err(e.into()),
    };
    let tokens = tokens::list_tokens(&state.ctx, &me).await?;
    let name = if created.is_some() {
        String::new()
    } else {
        name
    };
    Ok(render_with_status(
        status,
        &TokensPage {
            c,
            tokens,
            created,
            name,
            errors,
        },
    ))
}

pub(crate) async fn revoke_token(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(id): Path<String>,
    _form: FormFields,
) -> Result<Response, PageError> {
    let id: TokenId = id.parse().map_err(|_| PageError(AppError::NotFound))?;
    tokens::revoke_token(&state.ctx, &me, id).await?;
    Ok(Redirect::to("/settings/tokens").into_response())
}

pub(crate) async fn switch_language(
    State(state): State<AppState>,
    info: RequestInfo,
    form: FormFields,
) -> Result<Response, PageError> {
    let locale = form
        .get("lang")
        .and_then(Locale::from_code)
        .unwrap_or_default();
    if let Some(me) = &info.member {
        accounts::set_language(&state.ctx, me, Some(locale)).await?;
    }
    let back = local_path(form.get("return_to"));
    let mut response = Redirect::to(&back).into_response();
    let secure = if state.http.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000{secure}",
        locale.code()
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}

/// The member's data as a JSON download (the same document as `GET /api/v1/me/export`).
pub(crate) async fn export_data(
    State(state): State<AppState>,
    PageMember(me): PageMember,
) -> Result<Response, PageError> {
    let export = accounts::export_account(&state.ctx, &me).await?;
    let body = serde_json::to_vec_pretty(&crate::api::me::ExportResponse::from_export(export))
        .map_err(|e| PageError(AppError::Unexpected(e.into())))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"praxis-my-data.json\"",
            ),
        ],
        body,
    )
        .into_response())
}

pub(crate) async fn delete_account(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    match accounts::delete_account(&state.ctx, &me, &form.text("delete_password")).await {
        Ok(()) => {
            let mut response = render(&MessagePage {
                title: c.t("account-deleted-title"),
                message: c.t("account-deleted-body"),
                link: None,
                c: Chrome { member: None, ..c },
            });
            if let Ok(value) = HeaderValue::from_str(&format!(
                "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
            )) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            Ok(response)
        }
        Err(AppError::Invalid(_)) => {
            let errors = FieldErrors::single("delete_password", "error-password-wrong");
            refused_account_change(&state, c, &me, String::new(), errors).await
        }
        Err(e) => Err(e.into()),
    }
}
