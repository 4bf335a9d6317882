//! Sign-up, email verification, log-in, log-out and password recovery pages.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::accounts::{self, LogIn, SignUp, recovery};
use praxis_domain::validation::FieldErrors;
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{CSRF_COOKIE, FormFields, Path, RequestInfo, SESSION_COOKIE, local_path};
use crate::pages::{Chrome, MessagePage, render, render_with_status};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "accounts/sign_up.html")]
pub(crate) struct SignUpPage {
    c: Chrome,
    email: String,
    display_name: String,
    errors: FieldErrors,
}

pub(crate) async fn show_sign_up(c: Chrome) -> Response {
    render(&SignUpPage {
        c,
        email: String::new(),
        display_name: String::new(),
        errors: FieldErrors::new(),
    })
}

pub(crate) async fn sign_up(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    let input = SignUp {
        email: form.text("email"),
        password: form.text("password"),
        display_name: form.text("display_name"),
        locale: c.locale,
        client_address: info.client_address.clone(),
    };
    match accounts::sign_up(&state.ctx, input).await {
        Ok(()) => Ok(Redirect::to("/signup/check-email").into_response()),
        Err(AppError::Invalid(errors)) => Ok(render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &SignUpPage {
                c,
                email: form.text("email"),
                display_name: form.text("display_name"),
                errors,
            },
        )),
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn show_check_email(c: Chrome) -> Response {
    let page = MessagePage {
        title: c.t("check-email-title"),
        message: c.t("check-email-body"),
        link: None,
        c,
    };
    render(&page)
}

pub(crate) async fn verify_email(
    State(state): State<AppState>,
    c: Chrome,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    match accounts::verify_email(&state.ctx, &token).await {
        Ok(_) => {
            let link = Some(("/login".to_owned(), c.t("nav-sign-in")));
            Ok(render(&MessagePage {
                title: c.t("verified-title"),
                message: c.t("verified-body"),
                link,
                c,
            }))
        }
        Err(AppError::NotFound) => Ok(invalid_link(c)),
        Err(e) => Err(e.into()),
    }
}

fn invalid_link(c: Chrome) -> Response {
    let link = Some(("/".to_owned(), c.t("nav-home")));
    render_with_status(
        StatusCode::NOT_FOUND,
        &MessagePage {
            title: c.t("link-invalid-title"),
            message: c.t("link-invalid-body"),
            link,
            c,
        },
    )
}

#[derive(Template)]
#[template(path = "accounts/log_in.html")]
pub(crate) struct LogInPage {
    c: Chrome,
    email: String,
    next: String,
    errors: FieldErrors,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct NextQuery {
    next: Option<String>,
}

pub(crate) async fn show_log_in(c: Chrome, Query(q): Query<NextQuery>) -> Response {
    let next = local_path(q.next.as_deref());
    render(&LogInPage {
        c,
        email: String::new(),
        next,
        errors: FieldErrors::new(),
        notice: None,
    })
}

pub(crate) async fn log_in(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    let next = local_path(form.get("next"));
    let input = LogIn {
        email: form.text("email"),
        password: form.text("password"),
        client_address: info.client_address,
    };
    match accounts::log_in(&state.ctx, input).await {
        Ok(session) => {
            let mut response = Redirect::to(&next).into_response();
            let secure = if state.http.secure_cookies {
                "; Secure"
            } else {
                ""
            };
            let max_age = state.ctx.settings().session_days * 86_400;
            set_cookie(
                &mut response,
                &format!(
                    "{SESSION_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}",
                    session.token
                ),
            );
            // A fresh CSRF token for the new session.
            set_cookie(
                &mut response,
                &format!("{CSRF_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}"),
            );
            Ok(response)
        }
        Err(AppError::Invalid(errors)) => Ok(render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &LogInPage {
                c,
                email: form.text("email"),
                next,
                errors,
                notice: None,
            },
        )),
        Err(AppError::TooManyAttempts { retry_after_secs }) => {
            let notice = Some(c.t("error-too-many-attempts"));
            let mut response = render_with_status(
                StatusCode::TOO_MANY_REQUESTS,
                &LogInPage {
                    c,
                    email: form.text("email"),
                    next,
                    errors: FieldErrors::new(),
                    notice,
                },
            );
            if let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

fn set_cookie(response: &mut Response, cookie: &str) {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

pub(crate) async fn log_out(
    State(state): State<AppState>,
    info: RequestInfo,
    _form: FormFields,
) -> Result<Response, PageError> {
    if let Some(token) = &info.session_token {
        accounts::log_out(&state.ctx, token).await?;
    }
    let mut response = Redirect::to("/").into_response();
    set_cookie(
        &mut response,
        &format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
    );
    Ok(response)
}

#[derive(Template)]
#[template(path = "accounts/forgot_password.html")]
pub(crate) struct ForgotPasswordPage {
    c: Chrome,
    email: String,
    errors: FieldErrors,
}

pub(crate) async fn show_forgot_password(c: Chrome) -> Response {
    render(&ForgotPasswordPage {
        c,
        email: String::new(),
        errors: FieldErrors::new(),
    })
}

pub(crate) async fn request_password_reset(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    match recovery::request_password_reset(
        &state.ctx,
        &form.text("email"),
        c.locale,
        info.client_address.as_deref(),
    )
    .await
    {
        Ok(()) => Ok(render(&MessagePage {
            title: c.t("reset-sent-title"),
            message: c.t("reset-sent-body"),
            link: None,
            c,
        })),
        Err(AppError::Invalid(errors)) => Ok(render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ForgotPasswordPage {
                c,
                email: form.text("email"),
                errors,
            },
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "accounts/reset_password.html")]
pub(crate) struct ResetPasswordPage {
    c: Chrome,
    token: String,
    errors: FieldErrors,
}

pub(crate) async fn show_reset_password(
    State(state): State<AppState>,
    c: Chrome,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    match recovery::check_reset_link(&state.ctx, &token).await {
        Ok(()) => Ok(render(&ResetPasswordPage {
            c,
            token,
            errors: FieldErrors::new(),
        })),
        Err(AppError::NotFound) => Ok(invalid_link(c)),
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn reset_password(
    State(state): State<AppState>,
    c: Chrome,
    Path(token): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    match recovery::reset_password(&state.ctx, &token, &form.text("password")).await {
        Ok(()) => {
            let link = Some(("/login".to_owned(), c.t("nav-sign-in")));
            Ok(render(&MessagePage {
                title: c.t("reset-done-title"),
                message: c.t("reset-done-body"),
                link,
                c,
            }))
        }
        Err(AppError::Invalid(errors)) => Ok(render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ResetPasswordPage { c, token, errors },
        )),
        Err(AppError::NotFound) => Ok(invalid_link(c)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "accounts/confirm_email.html")]
pub(crate) struct ConfirmEmailPage {
    c: Chrome,
    token: String,
}

// A GET only shows a button: mail scanners that follow links must not change the account.
pub(crate) async fn show_confirm_email(c: Chrome, Path(token): Path<String>) -> Response {
    render(&ConfirmEmailPage { c, token })
}

pub(crate) async fn confirm_email(
    State(state): State<AppState>,
    c: Chrome,
    Path(token): Path<String>,
    _form: FormFields,
) -> Result<Response, PageError> {
    match recovery::confirm_email_change(&state.ctx, &token).await {
        Ok(()) => {
            let link = Some(("/settings/account".to_owned(), c.t("nav-settings")));
            Ok(render(&MessagePage {
                title: c.t("email-changed-title"),
                message: c.t("email-changed-body"),
                link,
                c,
            }))
        }
        Err(AppError::NotFound | AppError::Conflict(_)) => Ok(invalid_link(c)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "accounts/undo_email.html")]
pub(crate) struct UndoEmailPage {
    c: Chrome,
    token: String,
}

// A GET only shows a button: mail scanners that follow links must not change the account.
pub(crate) async fn show_undo_email(
    State(state): State<AppState>,
    c: Chrome,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    match recovery::check_undo_link(&state.ctx, &token).await {
        Ok(()) => Ok(render(&UndoEmailPage { c, token })),
        Err(AppError::NotFound) => Ok(invalid_link(c)),
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn undo_email(
    State(state): State<AppState>,
    c: Chrome,
    Path(token): Path<String>,
    _form: FormFields,
) -> Result<Response, PageError> {
    match recovery::undo_email_change(&state.ctx, &token).await {
        Ok(()) => {
            let link = Some(("/forgot-password".to_owned(), c.t("log-in-forgot")));
            Ok(render(&MessagePage {
                title: c.t("email-restored-title"),
                message: c.t("email-restored-body"),
                link,
                c,
            }))
        }
        Err(AppError::NotFound | AppError::Conflict(_)) => Ok(invalid_link(c)),
        Err(e) => Err(e.into()),
    }
}
