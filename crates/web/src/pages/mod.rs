//! Server-rendered HTML pages: one module per feature, each page a `*Page` struct with an
//! askama template in `templates/<feature>/`.

pub(crate) mod accounts;
pub(crate) mod api_docs;
pub(crate) mod applications;
pub(crate) mod certificates;
pub(crate) mod coaching;
pub(crate) mod commitments;
pub(crate) mod directory;
pub(crate) mod feedback;
pub(crate) mod health;
pub(crate) mod home;
pub(crate) mod library;
pub(crate) mod narratives;
pub(crate) mod nodes;
pub(crate) mod organizations;
pub(crate) mod organizing;
pub(crate) mod pathways;
pub(crate) mod profiles;
pub(crate) mod rosters;
pub(crate) mod search;
pub(crate) mod settings;
pub(crate) mod teams;
pub(crate) mod workshops;

use std::sync::Arc;

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Response};
use praxis_app::AppError;
use praxis_app::i18n::{Locale, Translator};
use praxis_app::nodes::NodeEvent;
use praxis_domain::ids::MemberId;
use praxis_domain::library::ItemKind;
use praxis_domain::members::profile::{Practice, Role, Visibility};
use praxis_domain::nodes::{JoinPolicy, NodeKind, NodeVisibility};
use praxis_domain::timestamps::Timestamp;
use praxis_domain::validation::FieldErrors;

use crate::error::{PageError, PageFailure};
use crate::extract::RequestInfo;
use crate::state::AppState;

/// The signed-in member as the layout shows them.
#[derive(Debug, Clone)]
pub(crate) struct MemberBadge {
    pub(crate) id: MemberId,
    pub(crate) display_name: String,
}

/// What the layout of every page needs: language, direction, translations, the signed-in
/// member, the CSRF token for forms and the current path (for the language switcher).
#[derive(Clone)]
pub(crate) struct Chrome {
    pub(crate) locale: Locale,
    translator: Arc<Translator>,
    pub(crate) member: Option<MemberBadge>,
    pub(crate) csrf: String,
    pub(crate) path: String,
    pub(crate) site_name: String,
}

/// One entry of the language switcher.
pub(crate) struct LanguageChoice {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) is_current: bool,
}

impl Chrome {
    pub(crate) fn new(state: &AppState, info: &RequestInfo) -> Self {
        Self {
            locale: info.locale,
            translator: state.ctx.translator().clone(),
            member: info.member.as_ref().map(|m| MemberBadge {
                id: m.id,
                display_name: m.display_name.clone(),
            }),
            csrf: info.csrf_token.clone(),
            path: info.path.clone(),
            site_name: state.ctx.settings().site_name.clone(),
        }
    }

    /// The translation of `key`.
    pub(crate) fn t(&self, key: &str) -> String {
        self.translator.t(self.locale, key)
    }

    /// The translation of `key` with one argument.
    pub(crate) fn t1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        self.translator
            .t_args(self.locale, key, &[(name, &value.to_string())])
    }

    pub(crate) fn lang(&self) -> &'static str {
        self.locale.code()
    }

    pub(crate) fn dir(&self) -> &'static str {
        self.locale.dir()
    }

    pub(crate) fn languages(&self) -> Vec<LanguageChoice> {
        Locale::ALL
            .into_iter()
            .map(|l| LanguageChoice {
                code: l.code(),
                name: l.native_name(),
                is_current: l == self.locale,
            })
            .collect()
    }

    /// The translated message for a field's error, if it has one.
    pub(crate) fn error_for(&self, errors: &FieldErrors, field: &str) -> Option<String> {
        errors.key_for(field).map(|key| self.t(key))
    }

    /// The label of a role.
    pub(crate) fn role(&self, role: &Role) -> String {
        self.t(&format!("role-{}", role.code()))
    }

    /// The name of a practice.
    pub(crate) fn practice(&self, practice: &Practice) -> String {
        self.t(&format!("practice-{}", practice.code()))
    }

    /// The sentence telling an owner who can see their profile.
    pub(crate) fn visibility_notice(&self, visibility: &Visibility) -> String {
        self.t(&format!("profile-visible-{}", visibility.code()))
    }

    /// The label of a node kind.
    pub(crate) fn item_kind(&self, kind: &ItemKind) -> String {
        self.t(&format!("library-kind-{}", kind.code()))
    }

    /// A value percent-encoded for a URL.
    pub(crate) fn enc(&self, value: &str) -> String {
        crate::extract::encode_component(value)
    }

    pub(crate) fn node_kind(&self, kind: &NodeKind) -> String {
        self.t(&format!("node-kind-{}", kind.code()))
    }

    /// The label of a node visibility.
    pub(crate) fn node_visibility(&self, visibility: &NodeVisibility) -> String {
        self.t(&format!("node-visibility-{}", visibility.code()))
    }

    /// The label of a join policy.
    pub(crate) fn node_join(&self, policy: &JoinPolicy) -> String {
        self.t(&format!("node-join-{}", policy.code()))
    }

    /// A sentence for an event of a node's activity.
    pub(crate) fn node_event(&self, event: &NodeEvent) -> String {
        self.t(&format!("node-event-{}", event.kind))
    }

    /// A date in the page's language (ISO form, which reads the same everywhere).
    pub(crate) fn date(&self, at: &Timestamp) -> String {
        at.to_datetime()
            .map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()))
            .unwrap_or_default()
    }
}

impl FromRequestParts<AppState> for Chrome {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let info = RequestInfo::from_request_parts(parts, state).await?;
        Ok(Chrome::new(state, &info))
    }
}

/// Renders any template as an HTML response (a render failure is a logged 500).
pub(crate) fn render(template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(error) => PageError(AppError::Unexpected(
            anyhow::Error::new(error).context("rendering a page"),
        ))
        .into_response(),
    }
}

/// Renders a template with a status other than 200.
pub(crate) fn render_with_status(status: StatusCode, template: &impl Template) -> Response {
    let mut response = render(template);
    if response.status() == StatusCode::OK {
        *response.status_mut() = status;
    }
    response
}

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorPage<'a> {
    c: &'a Chrome,
    title: String,
    message: String,
}

/// The translated error page for a failure.
pub(crate) fn render_error_page(c: &Chrome, failure: PageFailure) -> Response {
    let (title, message) = match failure {
        PageFailure::NotFound => ("error-page-not-found-title", "error-page-not-found"),
        PageFailure::Forbidden => ("error-page-forbidden-title", "error-page-forbidden"),
        PageFailure::BadRequest => ("error-page-bad-request-title", "error-page-bad-request"),
        PageFailure::TooManyAttempts => ("error-page-too-many-title", "error-too-many-attempts"),
        PageFailure::Unavailable => ("error-page-unavailable-title", "error-unavailable"),
        PageFailure::Unexpected => ("error-page-unexpected-title", "error-unexpected"),
        PageFailure::TooLarge => ("error-page-too-large-title", "error-file-too-large"),
    };
    render(&ErrorPage {
        c,
        title: c.t(title),
        message: c.t(message),
    })
}

/// A generic page with a title, a message and an optional link onwards.
#[derive(Template)]
#[template(path = "partials/message.html")]
pub(crate) struct MessagePage {
    pub(crate) c: Chrome,
    pub(crate) title: String,
    pub(crate) message: String,
    pub(crate) link: Option<(String, String)>,
}

/// Any unknown path.
pub(crate) async fn not_found() -> PageError {
    PageError(AppError::NotFound)
}

/// A refused form's values, to show that form again as typed (the page's other forms keep
/// their defaults).
#[derive(Default)]
pub(crate) struct Typed {
    form: &'static str,
    values: Vec<(String, String)>,
}

impl Typed {
    /// What `form` held when it was sent.
    pub(crate) fn of(form: &'static str, fields: &crate::extract::FormFields) -> Self {
        Self {
            form,
            values: fields
                .pairs()
                .iter()
                .filter(|(k, _)| k != "csrf_token")
                .cloned()
                .collect(),
        }
    }

    /// The value typed in a field of `form`, or `default` when another form (or none) was
    /// sent.
    pub(crate) fn or<'a>(&'a self, form: &str, name: &str, default: &'a str) -> &'a str {
        if self.form == form {
            self.values
                .iter()
                .find(|(k, _)| k == name)
                .map_or("", |(_, v)| v.as_str())
        } else {
            default
        }
    }

    /// The value typed in a field of `form`, or nothing.
    pub(crate) fn v(&self, form: &str, name: &str) -> &str {
        self.or(form, name, "")
    }

    /// True when `form` is the one that was sent.
    pub(crate) fn is(&self, form: &str) -> bool {
        self.form == form
    }

    /// True when a repeated field of `form` (checkboxes) held this value.
    pub(crate) fn has(&self, form: &str, name: &str, value: &str) -> bool {
        self.form == form && self.values.iter().any(|(k, v)| k == name && v == value)
    }
}
