//! The OpenAPI 3 document, generated from the handlers' annotations, served at
//! `/api/v1/openapi.json` and rendered as the `/api` page.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::api::{
    applications, commitments, directory, library, me, members, narratives, nodes, organizations,
    organizing, pathways, rosters, search, tokens, workshop_records, workshops,
};

#[derive(OpenApi)]
#[openapi(
    info(title = "Praxis API", version = "1", description = "The JSON API of a Praxis network. \
        Authenticate with a personal access token (`Authorization: Bearer pxt_…`) or a session cookie. \
        Errors are `{\"error\": {\"code\", \"message\", \"fields\"}}`."),
    paths(
        me::get_me, me::update_my_profile, me::export_my_data, me::delete_me,
        me::get_reminders, me::set_reminders,
        tokens::list_my_tokens, tokens::create_my_token, tokens::revoke_my_token,
        members::list_members, members::get_member, directory::search_directory,
        nodes::list_nodes, nodes::create_node, nodes::get_node, nodes::update_node,
        nodes::list_proposals, nodes::decide_proposal, nodes::list_node_members,
        nodes::join_node, nodes::leave_node, nodes::act_on_member,
        nodes::invite_by_email, nodes::list_invitations, nodes::create_invitation_link, nodes::revoke_invitation,
        organizations::list_organizations, organizations::create_organization, organizations::get_organization,
        organizations::claim_affiliation, organizations::decide_claim,
        organizations::update_organization, organizations::leave_organization,
        rosters::import_roster, rosters::recheck_import, rosters::run_import, rosters::get_import, rosters::export_roster,
        library::list_items, library::create_item, library::get_item, library::update_item, library::delete_item,
        library::list_versions, library::get_version, library::restore_version,
        library::list_family, library::adapt_item,
        library::list_attachments, library::upload_attachment, library::download_attachment, library::delete_attachment,
        search::search,
        workshops::list_workshops, workshops::create_workshop, workshops::get_workshop, workshops::update_workshop,
        workshops::list_sessions, workshops::add_session, workshops::remove_session, workshops::add_staff,
        applications::list_questions, applications::add_question, applications::list_applications,
        applications::apply, applications::decide, applications::withdraw,
        workshops::list_teams, workshops::propose_teams, workshops::publish_teams,
        workshops::get_attendance, workshops::put_attendance, workshops::list_logs, workshops::write_log, workshops::get_log,
        workshops::export,
        pathways::get_pipeline, pathways::record_step, pathways::nominate,
        commitments::list, commitments::ask, commitments::move_to,
        organizing::create_team, organizing::get_team, organizing::check_health,
        organizing::campaigns::list_campaigns, organizing::campaigns::create_campaign, organizing::campaigns::get_campaign,
        organizing::campaigns::update_campaign, organizing::campaigns::export_campaign, organizing::campaigns::add_actor,
        organizing::campaigns::add_phase, organizing::campaigns::set_actual, organizing::reflections::reflect,
        organizing::reflections::get_reflection, organizing::lessons::list_lessons, organizing::lessons::draw_lesson,
        organizing::lessons::get_lesson, organizing::lessons::move_lesson, organizing::lessons::endorse,
        organizing::campaigns::delete_campaign, organizing::reflections::delete_reflection, organizing::lessons::delete_lesson,
        organizing::reflections::reflect_in_node, organizing::reflections::list_reflections, organizing::reflections::workshop_reflections,
        narratives::log, narratives::list, narratives::get, narratives::share, narratives::delete,
        narratives::delete_narrative,
        narratives::start, narratives::list_narratives, narratives::get_narrative,
        narratives::retell, narratives::ask_reviewer, narratives::feedback,
        workshop_records::list_certificates, workshop_records::issue_certificates,
        workshop_records::revoke_certificate, workshop_records::verify_certificate,
        workshop_records::give_feedback, workshop_records::feedback_summary,
        workshop_records::answer_survey, workshop_records::survey_results,
        workshop_records::import_participants,
    ),
    modifiers(&SecuritySchemes),
    tags((name = "me", description = "The caller's own account"), (name = "members", description = "Member profiles"), (name = "nodes", description = "Nodes of practice"), (name = "organizations", description = "Organizations and affiliations"), (name = "library", description = "The library: items, versions, adaptations, files"), (name = "search", description = "One search over the library, nodes and members"), (name = "workshops", description = "Workshops, their sessions and staff"), (name = "pathways", description = "Talent pathways and nominations"), (name = "commitments", description = "Commitments between organizers"), (name = "organizing", description = "Teams, campaigns, reflections and lessons"))
)]
struct ApiDoc;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("praxis_session"))),
        );
    }
}

/// `GET /api/v1/openapi.json`.
pub(crate) async fn get_openapi() -> Response {
    match ApiDoc::openapi().to_pretty_json() {
        Ok(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(error) => {
            crate::error::ApiError::App(praxis_app::AppError::Unexpected(anyhow::Error::new(error)))
                .into_response()
        }
    }
}

/// One operation, for the documentation page.
pub(crate) struct EndpointDoc {
    pub(crate) method: &'static str,
    pub(crate) path: String,
    pub(crate) summary: String,
    pub(crate) description: String,
    pub(crate) statuses: Vec<(String, String)>,
}

/// Every operation of the API, in path order.
pub(crate) fn endpoints() -> Vec<EndpointDoc> {
    let doc = ApiDoc::openapi();
    let mut out = Vec::new();
    for (path, item) in doc.paths.paths {
        let ops = [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PATCH", &item.patch),
            ("PUT", &item.put),
            ("DELETE", &item.delete),
        ];
        for (method, op) in ops {
            if let Some(op) = op {
                out.push(EndpointDoc {
                    method,
                    path: path.clone(),
                    summary: op.summary.clone().unwrap_or_default(),
                    description: op.description.clone().unwrap_or_default(),
                    statuses: op
                        .responses
                        .responses
                        .iter()
                        .map(|(status, response)| {
                            let text = match response {
                                utoipa::openapi::RefOr::T(r) => r.description.clone(),
                                utoipa::openapi::RefOr::Ref(r) => r.ref_location.clone(),
                            };
                            (status.clone(), text)
                        })
                        .collect(),
                });
            }
        }
    }
    out
}
