//! Organization pages: the list, one organization, creating one, claiming an affiliation.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::organizations::{self, OrganizationRecord, OrganizationView};
use praxis_app::profiles::viewer_of;
use praxis_app::{Affiliation, AppError};
use praxis_domain::ids::MemberId;
use praxis_domain::organizations::{ContactVisibility, RawOrganizationFields};
use praxis_domain::validation::FieldErrors;
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{FormFields, PageMember, Path, RequestInfo, encode_component};
use crate::pages::{Chrome, render, render_with_status};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "organizations/list.html")]
pub(crate) struct OrganizationListPage {
    c: Chrome,
    organizations: Vec<OrganizationRecord>,
    region: String,
    next: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct RegionQuery {
    region: Option<String>,
    domain: Option<String>,
    q: Option<String>,
    cursor: Option<String>,
}

pub(crate) async fn list_organizations(
    State(state): State<AppState>,
    c: Chrome,
    Query(q): Query<RegionQuery>,
) -> Result<Response, PageError> {
    let query = organizations::OrganizationQuery {
        region: q.region.clone(),
        domain: q.domain,
        text: q.q,
    };
    let (organizations, next) =
        match organizations::list_organization_page(&state.ctx, &query, q.cursor.as_deref(), 60)
            .await
        {
            Err(AppError::Invalid(_)) => return Err(PageError(AppError::NotFound)),
            other => other?,
        };
    let next = next.map(|cursor| {
        let mut link = format!("/organizations?cursor={}", encode_component(&cursor));
        for (name, value) in [
            ("region", &q.region),
            ("domain", &query.domain),
            ("q", &query.text),
        ] {
            if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
                link.push_str(&format!("&{name}={}", encode_component(v)));
            }
        }
        link
    });
    Ok(render(&OrganizationListPage {
        c,
        organizations,
        region: q.region.unwrap_or_default(),
        next,
    }))
}

#[derive(Template)]
#[template(path = "organizations/show.html")]
pub(crate) struct OrganizationPage {
    c: Chrome,
    view: OrganizationView,
}

impl OrganizationPage {
    fn is_admin(&self) -> bool {
        self.view.affiliation == Affiliation::Admin
    }

    fn can_claim(&self) -> bool {
        self.c.member.is_some() && self.view.affiliation == Affiliation::None
    }

    fn is_affiliated(&self) -> bool {
        self.view.affiliation != Affiliation::None
    }

    fn has_claimed(&self) -> bool {
        self.view.affiliation == Affiliation::Claimed
    }
}

pub(crate) async fn show_organization(
    State(state): State<AppState>,
    info: RequestInfo,
    c: Chrome,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let view = organizations::view_organization(&state.ctx, viewer_of(info.member.as_ref()), &slug)
        .await?;
    Ok(render(&OrganizationPage { c, view }))
}

pub(crate) struct VisibilityChoice {
    code: &'static str,
    label_key: String,
}

#[derive(Template)]
#[template(path = "organizations/new.html")]
pub(crate) struct NewOrganizationPage {
    c: Chrome,
    action: String,
    title_key: &'static str,
    f: RawOrganizationFields,
    domains: String,
    errors: FieldErrors,
    choices: Vec<VisibilityChoice>,
}

impl NewOrganizationPage {
    fn new(c: Chrome, f: RawOrganizationFields, errors: FieldErrors) -> Self {
        Self::with_action(c, "/organizations".into(), "org-create", f, errors)
    }

    fn with_action(
        c: Chrome,
        action: String,
        title_key: &'static str,
        f: RawOrganizationFields,
        errors: FieldErrors,
    ) -> Self {
        let domains = f.domains.join(", ");
        let choices = ContactVisibility::ALL
            .iter()
            .map(|v| VisibilityChoice {
                code: v.code(),
                label_key: format!("org-contact-{}", v.code()),
            })
            .collect();
        Self {
            c,
            action,
            title_key,
            f,
            domains,
            errors,
            choices,
        }
    }
}

pub(crate) async fn new_organization(PageMember(_me): PageMember, c: Chrome) -> Response {
    let f = RawOrganizationFields {
        contact_visibility: "members".into(),
        ..Default::default()
    };
    render(&NewOrganizationPage::new(c, f, FieldErrors::new()))
}

pub(crate) async fn create_organization(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    form: FormFields,
) -> Result<Response, PageError> {
    let raw = RawOrganizationFields {
        name: form.text("name"),
        slug: form.text("slug"),
        description: form.text("description"),
        region: form.text("region"),
        domains: form
            .text("domains")
            .split([',', '،'])
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty())
            .collect(),
        website: form.text("website"),
        contact: form.text("contact"),
        contact_visibility: form.text("contact_visibility"),
    };
    match organizations::create_organization(&state.ctx, &me, raw.clone()).await {
        Ok(org) => Ok(Redirect::to(&format!(
            "/organizations/{}",
            encode_component(&org.fields.slug)
        ))
        .into_response()),
        Err(AppError::Invalid(errors)) => Ok(render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &NewOrganizationPage::new(c, raw, errors),
        )),
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn claim_affiliation(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(slug): Path<String>,
    _form: FormFields,
) -> Result<Response, PageError> {
    organizations::claim_affiliation(&state.ctx, &me, &slug).await?;
    Ok(Redirect::to(&format!("/organizations/{}", encode_component(&slug))).into_response())
}

pub(crate) async fn decide_claim(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path((slug, member)): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, PageError> {
    let member: MemberId = member.parse().map_err(|_| PageError(AppError::NotFound))?;
    let confirm = form.get("decision") == Some("confirm");
    organizations::decide_claim(&state.ctx, &me, &slug, member, confirm).await?;
    Ok(Redirect::to(&format!("/organizations/{}", encode_component(&slug))).into_response())
}

fn fields_from(form: &FormFields) -> RawOrganizationFields {
    RawOrganizationFields {
        name: form.text("name"),
        slug: form.text("slug"),
        description: form.text("description"),
        region: form.text("region"),
        domains: form
            .text("domains")
            .split([',', '،'])
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty())
            .collect(),
        website: form.text("website"),
        contact: form.text("contact"),
        contact_visibility: form.text("contact_visibility"),
    }
}

pub(crate) async fn edit_organization(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let org = organizations::organization_for_editing(&state.ctx, &me, &slug).await?;
    let action = format!("/organizations/{}/edit", encode_component(&org.fields.slug));
    let raw = organizations::raw_fields(&org);
    Ok(render(&NewOrganizationPage::with_action(
        c,
        action,
        "org-edit",
        raw,
        FieldErrors::new(),
    )))
}

pub(crate) async fn update_organization(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(slug): Path<String>,
    form: FormFields,
) -> Result<Response, PageError> {
    let raw = fields_from(&form);
    match organizations::edit_organization(&state.ctx, &me, &slug, raw.clone()).await {
        Ok(org) => Ok(Redirect::to(&format!(
            "/organizations/{}",
            encode_component(&org.fields.slug)
        ))
        .into_response()),
        Err(AppError::Invalid(errors)) => {
            let action = format!("/organizations/{}/edit", encode_component(&slug));
            let page = NewOrganizationPage::with_action(c, action, "org-edit", raw, errors);
            Ok(render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) async fn leave_organization(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(slug): Path<String>,
    _form: FormFields,
) -> Result<Response, PageError> {
    organizations::leave_organization(&state.ctx, &me, &slug).await?;
    Ok(Redirect::to(&format!("/organizations/{}", encode_component(&slug))).into_response())
}
