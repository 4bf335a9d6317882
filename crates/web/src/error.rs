//! How use-case failures become HTTP responses: `PageError` for pages, `ApiError` for the API.
//! Both leave a marker in the response's extensions; middleware renders it in the request's
//! language and logs unexpected errors with their cause chain. A 5xx body never says more
//! than "something went wrong".

use std::sync::Arc;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::Constraint;
use praxis_app::i18n::{Locale, Translator};
use praxis_domain::validation::FieldErrors;

/// An unexpected error, kept for the logging middleware.
#[derive(Clone, Debug)]
pub(crate) struct LoggedError(pub(crate) Arc<anyhow::Error>);

/// Marks a page response whose body the error-page middleware replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PageFailure {
    NotFound,
    Forbidden,
    BadRequest,
    TooManyAttempts,
    Unavailable,
    Unexpected,
    TooLarge,
}

/// A page handler's failure.
#[derive(Debug)]
pub(crate) struct PageError(pub(crate) AppError);

impl From<AppError> for PageError {
    fn from(error: AppError) -> Self {
        Self(error)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, failure, logged) = match self.0 {
            AppError::NotFound => (StatusCode::NOT_FOUND, PageFailure::NotFound, None),
            AppError::Unauthenticated => return Redirect::to("/login").into_response(),
            AppError::Forbidden => (StatusCode::FORBIDDEN, PageFailure::Forbidden, None),
            AppError::Invalid(_) | AppError::Conflict(_) => {
                (StatusCode::BAD_REQUEST, PageFailure::BadRequest, None)
            }
            AppError::TooManyAttempts { .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                PageFailure::TooManyAttempts,
                None,
            ),
            AppError::Unavailable(e) => (
                StatusCode::SERVICE_UNAVAILABLE,
                PageFailure::Unavailable,
                Some(e),
            ),
            AppError::Unexpected(e) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                PageFailure::Unexpected,
                Some(e),
            ),
        };
        let mut response = (status, "").into_response();
        response.extensions_mut().insert(failure);
        if let Some(error) = logged {
            response
                .extensions_mut()
                .insert(LoggedError(Arc::new(error)));
        }
        response
    }
}

/// Marks an API response whose JSON body the API middleware renders.
#[derive(Clone, Debug)]
pub(crate) struct ApiFailure {
    pub(crate) code: &'static str,
    pub(crate) message_key: &'static str,
    pub(crate) fields: Vec<(String, &'static str)>,
}

/// The page answer for a body larger than the route accepts.
pub(crate) fn too_large_page() -> Response {
    let mut response = (StatusCode::PAYLOAD_TOO_LARGE, "").into_response();
    response.extensions_mut().insert(PageFailure::TooLarge);
    response
}

/// An API handler's failure.
#[derive(Debug)]
pub(crate) enum ApiError {
    App(AppError),
    /// The body was not JSON, or did not fit the request's shape.
    BadBody {
        field: Option<String>,
        key: &'static str,
    },
    UnsupportedMediaType,
    /// The body is larger than the route accepts.
    TooLarge,
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        ApiError::App(error)
    }
}

fn fields_of(errors: &FieldErrors) -> Vec<(String, &'static str)> {
    errors
        .iter()
        .map(|e| (e.field().to_owned(), e.key()))
        .collect()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut retry_after = None;
        let mut logged = None;
        let (status, failure) = match self {
            ApiError::App(error) => match error {
                AppError::NotFound => (
                    StatusCode::NOT_FOUND,
                    failure("not_found", "error-not-found", vec![]),
                ),
                AppError::Unauthenticated => (
                    StatusCode::UNAUTHORIZED,
                    failure("unauthenticated", "error-unauthenticated", vec![]),
                ),
                AppError::Forbidden => (
                    StatusCode::FORBIDDEN,
                    failure("forbidden", "error-forbidden", vec![]),
                ),
                AppError::Invalid(errors) => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    failure("invalid", "error-invalid", fields_of(&errors)),
                ),
                AppError::Conflict(constraint) => {
                    let (field, key) = match constraint {
                        Constraint::MemberEmailTaken => ("email", "error-email-taken"),
                        Constraint::NodeSlugTaken => ("slug", "error-slug-taken"),
                        Constraint::LastSteward => ("member", "error-last-steward"),
                        Constraint::OrganizationSlugTaken => ("slug", "error-slug-taken"),
                        Constraint::StaleVersion => ("version", "error-stale-version"),
                        Constraint::AlreadyApplied => ("role", "error-already-applied"),
                        Constraint::WorkshopFull => ("decision", "error-workshop-full"),
                    };
                    (
                        StatusCode::CONFLICT,
                        failure("conflict", "error-invalid", vec![(field.into(), key)]),
                    )
                }
                AppError::TooManyAttempts { retry_after_secs } => {
                    retry_after = Some(retry_after_secs);
                    (
                        StatusCode::TOO_MANY_REQUESTS,
                        failure("too_many_attempts", "error-too-many-attempts", vec![]),
                    )
                }
                AppError::Unavailable(e) => {
                    logged = Some(e);
                    (
                        StatusCode::SERVICE_UNAVAILABLE,
                        failure("unavailable", "error-unavailable", vec![]),
                    )
                }
                AppError::Unexpected(e) => {
                    logged = Some(e);
                    (
                        StatusCode::INTERNAL_SERVER_ERROR,
                        failure("internal", "error-unexpected", vec![]),
                    )
                }
            },
            ApiError::BadBody { field, key } => (
                StatusCode::BAD_REQUEST,
                failure(
                    "bad_request",
                    key,
                    field.map(|f| vec![(f, key)]).unwrap_or_default(),
                ),
            ),
            ApiError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                failure("unsupported_media_type", "error-json-content-type", vec![]),
            ),
            ApiError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                failure(
                    "too_large",
                    "error-file-too-large",
                    vec![("file".to_owned(), "error-file-too-large")],
                ),
            ),
        };
        let mut response = (status, "").into_response();
        if let Some(secs) = retry_after
            && let Ok(value) = HeaderValue::from_str(&secs.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response.extensions_mut().insert(failure);
        if let Some(error) = logged {
            response
                .extensions_mut()
                .insert(LoggedError(Arc::new(error)));
        }
        response
    }
}

fn failure(
    code: &'static str,
    message_key: &'static str,
    fields: Vec<(String, &'static str)>,
) -> ApiFailure {
    ApiFailure {
        code,
        message_key,
        fields,
    }
}

/// `{"error": {"code", "message", "fields": {"name": "message"}}}` in the client's language.
pub(crate) fn api_failure_body(
    t: &Translator,
    locale: Locale,
    failure: &ApiFailure,
) -> serde_json::Value {
    let fields: serde_json::Map<String, serde_json::Value> = failure
        .fields
        .iter()
        .map(|(field, key)| (field.clone(), serde_json::Value::String(t.t(locale, key))))
        .collect();
    serde_json::json!({
        "error": {
            "code": failure.code,
            "message": t.t(locale, failure.message_key),
            "fields": fields,
        }
    })
}
