//! Certificates: the workshop's list (issue, revoke) and the public verification page.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::certificates::{self, CertificateRecord};
use praxis_domain::ids::WorkshopId;

use crate::error::PageError;
use crate::extract::{FormFields, Key, PageMember, Path};
use crate::pages::{Chrome, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "workshops/certificates.html")]
pub(crate) struct CertificatesPage {
    c: Chrome,
    workshop_id: String,
    certificates: Vec<CertificateRecord>,
    manages: bool,
}

pub(crate) async fn show_certificates(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<WorkshopId>>,
) -> Result<Response, PageError> {
    let certificates = certificates::list(&state.ctx, &me, id).await?;
    let manages = praxis_app::workshops::view_workshop(&state.ctx, Some(&me), id)
        .await?
        .can_manage;
    Ok(render(&CertificatesPage {
        c,
        workshop_id: id.to_string(),
        certificates,
        manages,
    }))
}

pub(crate) async fn issue(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path(Key(id)): Path<Key<WorkshopId>>,
    form: FormFields,
) -> Result<Response, PageError> {
    certificates::issue(&state.ctx, &me, id, &form.all("member")).await?;
    Ok(Redirect::to(&format!("/workshops/{id}/certificates")).into_response())
}

pub(crate) async fn revoke(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path((Key(id), code)): Path<(Key<WorkshopId>, String)>,
    _form: FormFields,
) -> Result<Response, PageError> {
    certificates::revoke(&state.ctx, &me, id, &code).await?;
    Ok(Redirect::to(&format!("/workshops/{id}/certificates")).into_response())
}

#[derive(Template)]
#[template(path = "workshops/verify.html")]
pub(crate) struct VerifyPage {
    c: Chrome,
    certificate: CertificateRecord,
}

pub(crate) async fn verify(
    State(state): State<AppState>,
    c: Chrome,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let certificate = certificates::verify(&state.ctx, &code).await?;
    Ok(render(&VerifyPage { c, certificate }))
}
