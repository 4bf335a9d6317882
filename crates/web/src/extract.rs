//! Extractors: who is asking, and our wrappers for forms (with the CSRF check) and JSON
//! bodies (with errors in our format).

use std::str::FromStr;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::i18n::Locale;
use praxis_app::policy::CurrentMember;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::error::{ApiError, PageError};

pub(crate) const SESSION_COOKIE: &str = "praxis_session";
pub(crate) const CSRF_COOKIE: &str = "praxis_csrf";
pub(crate) const LANG_COOKIE: &str = "praxis_lang";
/// The header the site's own scripts send the CSRF token in with an API write.
pub(crate) const CSRF_HEADER: &str = "x-csrf-token";

/// Who is asking, in which language, with which CSRF token: computed once per request.
#[derive(Debug, Clone)]
pub(crate) struct RequestInfo {
    pub(crate) locale: Locale,
    pub(crate) member: Option<CurrentMember>,
    /// The CSRF token in the client's cookie (`None` when the client sent none).
    pub(crate) csrf_cookie: Option<String>,
    /// The token pages embed in forms (the cookie's, or a new one set on this response).
    pub(crate) csrf_token: String,
    pub(crate) session_token: Option<String>,
    pub(crate) client_address: Option<String>,
    pub(crate) path: String,
}

/// The value of a cookie in the request.
pub(crate) fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

impl<S: Send + Sync> FromRequestParts<S> for RequestInfo {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<RequestInfo>()
            .cloned()
            .ok_or_else(|| {
                PageError(AppError::Unexpected(anyhow::anyhow!(
                    "the identify middleware did not run"
                )))
            })
    }
}

/// A signed-in member, for pages: visitors are sent to the log-in page.
pub(crate) struct PageMember(pub(crate) CurrentMember);

impl<S: Send + Sync> FromRequestParts<S> for PageMember {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let info = RequestInfo::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match info.member {
            Some(member) => Ok(PageMember(member)),
            None => {
                let next = parts.uri.path_and_query().map_or("/", |p| p.as_str());
                let target = format!("/login?next={}", encode_component(next));
                Err(Redirect::to(&target).into_response())
            }
        }
    }
}

/// A signed-in member (session or bearer token), for the API: 401 otherwise.
pub(crate) struct ApiMember(pub(crate) CurrentMember);

impl<S: Send + Sync> FromRequestParts<S> for ApiMember {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<RequestInfo>()
            .and_then(|info| info.member.clone())
            .map(ApiMember)
            .ok_or(ApiError::App(AppError::Unauthenticated))
    }
}

/// The fields of a submitted HTML form whose CSRF token matched the client's cookie.
/// Fields keep their order and may repeat (checkbox groups).
#[derive(Debug, Default)]
pub(crate) struct FormFields(Vec<(String, String)>);

impl FormFields {
    /// The first value of a field.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every name and value, in order.
    pub(crate) fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    /// The first value of a field, or an empty string.
    pub(crate) fn text(&self, name: &str) -> String {
        self.get(name).unwrap_or_default().to_owned()
    }

    /// Every value of a repeated field.
    pub(crate) fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// The names of the fields, in order, each once.
    pub(crate) fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for (k, _) in &self.0 {
            if !names.contains(k) {
                names.push(k.clone());
            }
        }
        names
    }

    /// True when a checkbox was ticked.
    pub(crate) fn checked(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

impl<S: Send + Sync> FromRequest<S> for FormFields {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let cookie_token = request
            .extensions()
            .get::<RequestInfo>()
            .and_then(|i| i.csrf_cookie.clone());
        let is_form = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let fields: Vec<(String, String)> = form_urlencoded::parse(&bytes)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let sent = fields
            .iter()
            .find(|(k, _)| k == "csrf_token")
            .map(|(_, v)| v.as_str());
        let valid = match (cookie_token.as_deref(), sent) {
            (Some(expected), Some(sent)) => {
                is_form && !expected.is_empty() && constant_time_eq(expected, sent)
            }
            _ => false,
        };
        if !valid {
            tracing::warn!("form refused: missing or wrong CSRF token");
            return Err(PageError(AppError::Forbidden).into_response());
        }
        Ok(FormFields(fields))
    }
}

pub(crate) fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A submitted `multipart/form-data` form (a file upload) whose CSRF token matched: its text
/// fields and the bytes of its one file field.
#[derive(Debug, Default)]
pub(crate) struct UploadForm {
    pub(crate) fields: Vec<(String, String)>,
    pub(crate) file: Vec<u8>,
    /// The uploaded file's name as the browser sent it.
    pub(crate) file_name: String,
}

impl UploadForm {
    /// The first value of a text field, or an empty string.
    pub(crate) fn text(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

impl<S: Send + Sync> FromRequest<S> for UploadForm {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let cookie_token = request
            .extensions()
            .get::<RequestInfo>()
            .and_then(|i| i.csrf_cookie.clone());
        let mut multipart = axum::extract::Multipart::from_request(request, state)
            .await
            .map_err(|_| {
                PageError(AppError::Invalid(
                    praxis_domain::validation::FieldErrors::single("file", "error-roster-empty"),
                ))
                .into_response()
            })?;
        let mut form = UploadForm::default();
        while let Ok(Some(field)) = multipart.next_field().await {
            let name = field.name().unwrap_or_default().to_owned();
            let file_name = field.file_name().map(str::to_owned);
            let bytes = match field.bytes().await {
                Ok(bytes) => bytes,
                Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                    return Err(crate::error::too_large_page());
                }
                Err(_) => {
                    return Err(PageError(AppError::Invalid(
                        praxis_domain::validation::FieldErrors::single(
                            "file",
                            "error-body-too-large",
                        ),
                    ))
                    .into_response());
                }
            };
            if let Some(file_name) = file_name {
                form.file = bytes.to_vec();
                form.file_name = file_name;
            } else {
                form.fields
                    .push((name, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
        let sent = form.text("csrf_token");
        let valid = cookie_token
            .is_some_and(|expected| !expected.is_empty() && constant_time_eq(&expected, &sent));
        if !valid {
            tracing::warn!("upload refused: missing or wrong CSRF token");
            return Err(PageError(AppError::Forbidden).into_response());
        }
        Ok(form)
    }
}

/// Percent-encodes a URL component.
pub(crate) fn encode_component(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// One id taken from the path, typed (`Path<Key<WorkshopId>>`): a segment that is not a
/// well-formed id names nothing that exists.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Key<T>(pub(crate) T);

impl<'de, T: FromStr> Deserialize<'de> for Key<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse()
            .map(Key)
            .map_err(|_| serde::de::Error::custom("not an id"))
    }
}

/// The path's parameters; one that does not parse (a malformed id, bytes that are not UTF-8)
/// names nothing that exists: 404, as a page or in the API's error format.
pub(crate) struct Path<T>(pub(crate) T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Path<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Path(value)),
            Err(_) if parts.uri.path().starts_with("/api/") => {
                Err(ApiError::App(AppError::NotFound).into_response())
            }
            Err(_) => Err(PageError(AppError::NotFound).into_response()),
        }
    }
}

/// A return address (after log-in, after switching the language) if a browser can only read
/// it as a path of this site, otherwise `/`. Browsers drop tabs and line breaks from a URL,
/// trim spaces and read a backslash as a slash, so `/\t/evil.example` would be another site:
/// only visible ASCII without backslashes is taken, starting with one slash.
pub(crate) fn local_path(next: Option<&str>) -> String {
    match next {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && p.bytes().all(|b| b.is_ascii_graphic() && b != b'\\') =>
        {
            p.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// An id a form carries for a thing on the page (a row to remove, a team to move to): one that
/// does not parse names nothing that exists.
///
/// # Errors
/// `NotFound` for a malformed id.
pub(crate) fn form_id<T: FromStr>(value: &str) -> Result<T, AppError> {
    value.trim().parse().map_err(|_| AppError::NotFound)
}

/// A JSON request body; malformed input answers 400 naming the field, in our error format.
pub(crate) struct ApiJson<T>(pub(crate) T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if !is_json {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| ApiError::BadBody {
                field: None,
                key: "error-body-too-large",
            })?;
        let mut deserializer = serde_json::Deserializer::from_slice(&bytes);
        serde_path_to_error::deserialize(&mut deserializer)
            .map(ApiJson)
            .map_err(|error| {
                let path = error.path().to_string();
                let field = (path != "." && !path.is_empty()).then_some(path);
                let key = if error.inner().is_syntax() || error.inner().is_eof() {
                    "error-json-syntax"
                } else {
                    "error-json-shape"
                };
                ApiError::BadBody { field, key }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_path_a_browser_reads_as_this_site_is_followed() {
        assert_eq!(
            local_path(Some("/settings/profile?x=1")),
            "/settings/profile?x=1"
        );
        assert_eq!(local_path(Some("/nodes/%D8%B9")), "/nodes/%D8%B9");
        for other in [
            "//evil.example/x",
            "https://evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "\t//evil.example",
            "/ /evil.example",
            "/\u{7f}x",
            "/ع",
        ] {
            assert_eq!(local_path(Some(other)), "/", "{other:?}");
        }
        assert_eq!(local_path(None), "/");
    }

    #[test]
    fn tokens_compare_equal_only_when_identical() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "abcd"));
    }
}
