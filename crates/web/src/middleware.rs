//! Middleware every request passes through: who is asking and in which language, CSRF
//! cookie, security headers, error pages and error logging.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use praxis_app::i18n::Locale;
use praxis_app::policy::CurrentMember;
use praxis_app::{accounts, tokens};

use crate::error::{ApiFailure, LoggedError, PageFailure, api_failure_body};
use crate::extract::{
    CSRF_COOKIE, CSRF_HEADER, LANG_COOKIE, RequestInfo, SESSION_COOKIE, constant_time_eq, cookie,
};
use crate::pages::{Chrome, render_error_page};
use crate::state::AppState;

/// Identifies the member (session cookie or bearer token), the language and the CSRF token.
pub(crate) async fn identify(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let headers = request.headers();
    let path = request.uri().path().to_owned();
    let is_api = path.starts_with("/api/");
    let session_token = cookie(headers, SESSION_COOKIE).map(str::to_owned);
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.strip_prefix("Bearer ").unwrap_or("").trim().to_owned());
    let csrf_cookie = cookie(headers, CSRF_COOKIE)
        .filter(|v| v.len() == 64)
        .map(str::to_owned);
    let lang_cookie = cookie(headers, LANG_COOKIE).and_then(Locale::from_code);
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::negotiate);
    let client_address = client_address(&state, &request);

    let member = match (&bearer, &session_token) {
        (Some(secret), _) => match tokens::authenticate_token(&state.ctx, secret).await {
            Ok(Some(member)) => Some(member),
            // A wrong token is an error, not a silent fall back to anonymous access.
            Ok(None) => return unauthorized_bearer(),
            Err(error) => return unavailable(error),
        },
        (None, Some(token)) => match accounts::authenticate_session(&state.ctx, token).await {
            Ok(member) => member,
            Err(error) => return unavailable(error),
        },
        (None, None) => None,
    };
    let member = member.map(|m| CurrentMember {
        client_address: client_address.clone(),
        ..m
    });
    let locale = member
        .as_ref()
        .and_then(|m| m.locale)
        .or(lang_cookie)
        .or(accept)
        .unwrap_or_default();
    let new_csrf = csrf_cookie.is_none();
    let csrf_token = match &csrf_cookie {
        Some(token) => token.clone(),
        None => new_csrf_token(),
    };
    let info = RequestInfo {
        locale,
        member,
        csrf_cookie,
        csrf_token: csrf_token.clone(),
        session_token,
        client_address,
        path,
    };
    if let Some(refusal) = refuse_cross_site(&state, &request, &info, bearer.is_some()) {
        return refusal;
    }
    request.extensions_mut().insert(info);
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    // Only pages carry forms: other answers need no token.
    if new_csrf && !is_api && is_html {
        let cookie = format!(
            "{CSRF_COOKIE}={csrf_token}; Path=/; HttpOnly; SameSite=Strict{}",
            if state.http.secure_cookies {
                "; Secure"
            } else {
                ""
            }
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Refuses a change another site's page could have sent with the member's cookies: an
/// unsafe request whose `Origin` is another site's (pages and API alike), and an API write
/// authenticated by the session cookie without the CSRF header (the API is for tokens; the
/// site's own scripts send the header). A bearer token is never sent by a browser on its own,
/// so its requests pass.
fn refuse_cross_site(
    state: &AppState,
    request: &Request,
    info: &RequestInfo,
    has_bearer: bool,
) -> Option<Response> {
    let method = request.method();
    if has_bearer || matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return None;
    }
    let headers = request.headers();
    let is_api = info.path.starts_with("/api/");
    // `Origin: null` tells nothing (a page under `no-referrer`, a sandbox): the token decides.
    let foreign_origin = headers
        .get(header::ORIGIN)
        .filter(|origin| origin.as_bytes() != b"null")
        .is_some_and(|origin| !same_origin(state, headers, origin));
    let missing_token = is_api
        && info.session_token.is_some()
        && !headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .zip(info.csrf_cookie.as_deref())
            .is_some_and(|(sent, cookie)| constant_time_eq(sent, cookie));
    if !(foreign_origin || missing_token) {
        return None;
    }
    tracing::warn!(
        foreign_origin,
        missing_token,
        "a cross-site request was refused"
    );
    Some(if is_api {
        let failure = ApiFailure {
            code: "forbidden",
            message_key: "error-cross-site",
            fields: Vec::new(),
        };
        (
            StatusCode::FORBIDDEN,
            axum::Json(api_failure_body(
                state.ctx.translator(),
                info.locale,
                &failure,
            )),
        )
            .into_response()
    } else {
        let mut page = render_error_page(&Chrome::new(state, info), PageFailure::Forbidden);
        *page.status_mut() = StatusCode::FORBIDDEN;
        page
    })
}

/// True when an `Origin` is this site's: the configured public address, or the host the
/// request was sent to.
fn same_origin(state: &AppState, headers: &HeaderMap, origin: &HeaderValue) -> bool {
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    if origin == state.ctx.settings().base_url.trim_end_matches('/') {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin_host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    matches!((origin_host, host), (Some(o), Some(h)) if o.eq_ignore_ascii_case(h))
}

fn new_csrf_token() -> String {
    let mut bytes = [0u8; 32];
    // If the system's generator fails the token is empty, and every form post is refused.
    if getrandom::fill(&mut bytes).is_err() {
        return String::new();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn client_address(state: &AppState, request: &Request) -> Option<String> {
    if state.http.trust_forwarded_for
        && let Some(forwarded) = request
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
    {
        // The proxy appends the address it saw: the last entry is the one it vouches for.
        if let Some(last) = forwarded
            .rsplit(',')
            .next()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            return Some(last.to_owned());
        }
    }
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
}

fn unauthorized_bearer() -> Response {
    let body = serde_json::json!({"error": {"code": "unauthenticated", "message": "The access token is not valid.", "fields": {}}});
    (
        StatusCode::UNAUTHORIZED,
        [(header::WWW_AUTHENTICATE, "Bearer")],
        axum::Json(body),
    )
        .into_response()
}

fn unavailable(error: praxis_app::AppError) -> Response {
    tracing::error!(error = ?anyhow::Error::from(error), "could not identify the request");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, "5")],
        "Service unavailable",
    )
        .into_response()
}

/// Security headers on every response.
pub(crate) async fn security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let set = |headers: &mut HeaderMap, name: &'static str, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    // A download sets its own, stricter policy (a sandbox); every other response gets this.
    if !headers.contains_key("content-security-policy") {
        set(
            headers,
            "content-security-policy",
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; \
             frame-ancestors 'none'; base-uri 'none'",
        );
    }
    set(headers, "x-content-type-options", "nosniff");
    // The address of a page never leaves the site; within it, browsers send an `Origin`.
    set(headers, "referrer-policy", "same-origin");
    set(headers, "x-frame-options", "DENY");
    set(headers, "cross-origin-opener-policy", "same-origin");
    set(headers, "cross-origin-resource-policy", "same-origin");
    set(
        headers,
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    if state.http.secure_cookies {
        set(headers, "strict-transport-security", "max-age=31536000");
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        set(headers, "cache-control", "no-store");
    }
    response
}

/// Replaces the body of a failed page request with a translated error page, and of a failed
/// API request with the JSON error format.
pub(crate) async fn render_error_pages(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let info = request.extensions().get::<RequestInfo>().cloned();
    let mut response = next.run(request).await;
    if let (Some(failure), Some(info)) = (response.extensions_mut().remove::<PageFailure>(), info) {
        let status = response.status();
        let mut page = render_error_page(&Chrome::new(&state, &info), failure);
        *page.status_mut() = status;
        for name in [header::RETRY_AFTER, header::SET_COOKIE] {
            for value in response.headers().get_all(&name) {
                page.headers_mut().append(name.clone(), value.clone());
            }
        }
        if let Some(logged) = response.extensions_mut().remove::<LoggedError>() {
            page.extensions_mut().insert(logged);
        }
        return page;
    }
    response
}

/// Renders API failures in the client's language.
pub(crate) async fn render_api_errors(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let locale = request
        .extensions()
        .get::<RequestInfo>()
        .map(|i| i.locale)
        .unwrap_or_default();
    let mut response = next.run(request).await;
    if let Some(failure) = response.extensions_mut().remove::<ApiFailure>() {
        let status = response.status();
        let logged = response.extensions_mut().remove::<LoggedError>();
        let mut rendered = (
            status,
            axum::Json(api_failure_body(state.ctx.translator(), locale, &failure)),
        )
            .into_response();
        for value in response.headers().get_all(header::RETRY_AFTER) {
            rendered
                .headers_mut()
                .append(header::RETRY_AFTER, value.clone());
        }
        if let Some(logged) = logged {
            rendered.extensions_mut().insert(logged);
        }
        return rendered;
    }
    response
}

/// Logs unexpected errors with their whole cause chain, inside the request's trace span.
pub(crate) async fn log_errors(request: Request, next: Next) -> Response {
    let method: Method = request.method().clone();
    // The route, not the raw path: paths can carry secrets (email links).
    let path = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |p| p.as_str())
        .to_owned();
    let response = next.run(request).await;
    if let Some(LoggedError(error)) = response.extensions().get::<LoggedError>() {
        let error: &Arc<anyhow::Error> = error;
        tracing::error!(http.method = %method, http.path = %path, error = ?error, "request failed");
    }
    response
}
