//! Every route, in one readable list.

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::routing::{get, post};
use tower_http::trace::TraceLayer;

use crate::state::AppState;
use crate::{api, assets, middleware, pages, uploads};

/// The largest roster file accepted (a 100,000-row CSV fits).
const ROSTER_LIMIT: usize = 32 * 1024 * 1024;

/// The largest library item form (a 200,000-character body in any script fits).
const ITEM_LIMIT: usize = 1024 * 1024;

/// The whole application: pages, API, assets and operations endpoints.
pub fn router(state: AppState) -> Router {
    let upload_limit = uploads::body_limit(&state);
    let pages = Router::new()
        .route("/", get(pages::home::show_home))
        .route(
            "/signup",
            get(pages::accounts::show_sign_up).post(pages::accounts::sign_up),
        )
        .route(
            "/signup/check-email",
            get(pages::accounts::show_check_email),
        )
        .route("/verify-email/{token}", get(pages::accounts::verify_email))
        .route(
            "/login",
            get(pages::accounts::show_log_in).post(pages::accounts::log_in),
        )
        .route("/logout", post(pages::accounts::log_out))
        .route(
            "/forgot-password",
            get(pages::accounts::show_forgot_password)
                .post(pages::accounts::request_password_reset),
        )
        .route(
            "/reset-password/{token}",
            get(pages::accounts::show_reset_password).post(pages::accounts::reset_password),
        )
        .route(
            "/confirm-email/{token}",
            get(pages::accounts::show_confirm_email).post(pages::accounts::confirm_email),
        )
        .route(
            "/undo-email-change/{token}",
            get(pages::accounts::show_undo_email).post(pages::accounts::undo_email),
        )
        .route("/language", post(pages::settings::switch_language))
        .route(
            "/nodes",
            get(pages::nodes::list_nodes).post(pages::nodes::create_node),
        )
        .route("/nodes/new", get(pages::nodes::new_node))
        .route("/nodes/proposals", get(pages::nodes::list_proposals))
        .route(
            "/nodes/{slug}/proposal",
            post(pages::nodes::decide_proposal),
        )
        .route("/nodes/{slug}", get(pages::nodes::show_node))
        .route(
            "/nodes/{slug}/edit",
            get(pages::nodes::edit_node).post(pages::nodes::update_node),
        )
        .route(
            "/nodes/{slug}/invitations",
            post(pages::nodes::invite_by_email),
        )
        .route(
            "/nodes/{slug}/invitation-link",
            post(pages::nodes::create_invitation_link),
        )
        .route(
            "/nodes/{slug}/invitations/{invitation_id}/revoke",
            post(pages::nodes::revoke_invitation),
        )
        .route(
            "/invitations/{token}",
            get(pages::nodes::show_invitation).post(pages::nodes::accept_invitation),
        )
        .route(
            "/nodes/{slug}/import",
            get(pages::rosters::show_import)
                .post(pages::rosters::check_import)
                .layer(DefaultBodyLimit::max(ROSTER_LIMIT)),
        )
        .route(
            "/nodes/{slug}/imports/{import_id}",
            get(pages::rosters::show_import_progress),
        )
        .route(
            "/nodes/{slug}/imports/{import_id}/run",
            post(pages::rosters::run_import),
        )
        .route(
            "/nodes/{slug}/imports/{import_id}/recheck",
            post(pages::rosters::recheck_import),
        )
        .route(
            "/nodes/{slug}/roster.csv",
            get(pages::rosters::export_roster),
        )
        .route("/nodes/{slug}/join", post(pages::nodes::join_node))
        .route("/nodes/{slug}/leave", post(pages::nodes::leave_node))
        .route(
            "/nodes/{slug}/members/{member_id}",
            post(pages::nodes::act_on_member),
        )
        .route(
            "/nodes/{slug}/organizing",
            get(pages::organizing::show_node),
        )
        .route("/nodes/{slug}/teams", post(pages::organizing::create_team))
        .route(
            "/nodes/{slug}/reflections",
            post(pages::organizing::node_reflection),
        )
        .route(
            "/nodes/{slug}/campaigns",
            post(pages::organizing::create_campaign),
        )
        .route(
            "/nodes/{slug}/lessons",
            get(pages::organizing::lessons::show_node_lessons),
        )
        .route(
            "/teams/{id}",
            get(pages::organizing::teams::show_team).post(pages::organizing::teams::edit_team),
        )
        .route(
            "/teams/{id}/members",
            post(pages::organizing::teams::set_team_member),
        )
        .route(
            "/teams/{id}/health",
            post(pages::organizing::teams::check_health),
        )
        .route(
            "/campaigns/{id}",
            get(pages::organizing::campaigns::show_campaign)
                .post(pages::organizing::campaigns::edit_campaign),
        )
        .route(
            "/campaigns/{id}/actors",
            post(pages::organizing::campaigns::campaign_actor),
        )
        .route(
            "/campaigns/{id}/phases",
            post(pages::organizing::campaigns::campaign_phase),
        )
        .route(
            "/campaigns/{id}/reflections",
            post(pages::organizing::campaigns::campaign_reflection),
        )
        .route(
            "/campaigns/{id}/export.md",
            get(pages::organizing::campaigns::export_markdown),
        )
        .route(
            "/campaigns/{id}/chart.svg",
            get(pages::organizing::campaigns::chart_svg),
        )
        .route(
            "/campaigns/{id}/delete",
            post(pages::organizing::campaigns::delete_campaign),
        )
        .route(
            "/reflections/{id}/delete",
            post(pages::organizing::campaigns::delete_reflection),
        )
        .route("/lessons", post(pages::organizing::lessons::draw_lesson))
        .route(
            "/one-on-ones",
            get(pages::narratives::show_one_on_ones).post(pages::narratives::log_one_on_one),
        )
        .route(
            "/one-on-ones/{id}/share",
            post(pages::narratives::share_one_on_one),
        )
        .route(
            "/one-on-ones/{id}/delete",
            post(pages::narratives::delete_one_on_one),
        )
        .route(
            "/narratives",
            get(pages::narratives::show_narratives).post(pages::narratives::start_narrative),
        )
        .route(
            "/narratives/{id}",
            get(pages::narratives::show_narrative).post(pages::narratives::narrative_action),
        )
        .route(
            "/lessons/{id}",
            get(pages::organizing::lessons::show_lesson)
                .post(pages::organizing::lessons::lesson_action),
        )
        .route("/directory", get(pages::directory::show_directory))
        .route("/search", get(pages::search::show_search))
        .route("/pathways", get(pages::pathways::show_pipeline))
        .route(
            "/commitments",
            get(pages::commitments::show_commitments).post(pages::commitments::ask),
        )
        .route(
            "/commitments/move",
            post(pages::commitments::move_commitment),
        )
        .route("/pathways/steps", post(pages::pathways::record_step))
        .route("/pathways/nominations", post(pages::pathways::nominate))
        .route("/pathways/invitations", post(pages::pathways::invite))
        .route(
            "/workshops",
            get(pages::workshops::list_workshops).post(pages::workshops::create_workshop),
        )
        .route("/workshops/new", get(pages::workshops::new_workshop))
        .route("/workshops/{id}", get(pages::workshops::show_workshop))
        .route(
            "/workshops/{id}/edit",
            get(pages::workshops::edit_workshop).post(pages::workshops::update_workshop),
        )
        .route(
            "/workshops/{id}/sessions",
            post(pages::workshops::add_session),
        )
        .route(
            "/workshops/{id}/sessions/{session_id}/delete",
            post(pages::workshops::remove_session),
        )
        .route("/workshops/{id}/staff", post(pages::workshops::add_staff))
        .route(
            "/workshops/{id}/apply",
            get(pages::applications::show_apply).post(pages::applications::apply),
        )
        .route(
            "/workshops/{id}/applications",
            get(pages::applications::show_review),
        )
        .route(
            "/workshops/{id}/applications/decisions",
            post(pages::applications::decide),
        )
        .route(
            "/workshops/{id}/applications/{application_id}",
            get(pages::applications::show_application),
        )
        .route(
            "/workshops/{id}/applications/{application_id}/withdraw",
            post(pages::applications::withdraw),
        )
        .route(
            "/workshops/{id}/questions",
            get(pages::applications::show_questions).post(pages::applications::add_question),
        )
        .route(
            "/workshops/{id}/questions/{question_id}/delete",
            post(pages::applications::remove_question),
        )
        .route("/workshops/{id}/teams", get(pages::teams::show_teams))
        .route(
            "/workshops/{id}/sessions/{session_id}/attendance",
            get(pages::coaching::show_attendance).post(pages::coaching::save_attendance),
        )
        .route(
            "/workshops/{id}/logs",
            get(pages::coaching::show_logs).post(pages::coaching::write_log),
        )
        .route(
            "/workshops/{id}/logs/{log_id}",
            get(pages::coaching::show_log),
        )
        .route(
            "/workshops/{id}/export/{what}",
            get(pages::workshops::export),
        )
        .route(
            "/workshops/{id}/certificates",
            get(pages::certificates::show_certificates).post(pages::certificates::issue),
        )
        .route(
            "/workshops/{id}/certificates/{code}/revoke",
            post(pages::certificates::revoke),
        )
        .route("/certificates/{code}", get(pages::certificates::verify))
        .route(
            "/workshop-invitations/{token}",
            get(pages::workshops::show_workshop_invitation)
                .post(pages::workshops::accept_workshop_invitation),
        )
        .route(
            "/workshops/{id}/sessions/{session_id}/feedback",
            get(pages::feedback::show_feedback).post(pages::feedback::give_feedback),
        )
        .route(
            "/workshops/{id}/survey/{phase}",
            get(pages::feedback::show_survey).post(pages::feedback::answer_survey),
        )
        .route(
            "/workshops/{id}/survey-results",
            get(pages::feedback::show_results),
        )
        .route(
            "/workshops/{id}/import",
            get(pages::workshops::show_import)
                .post(pages::workshops::import)
                .layer(DefaultBodyLimit::max(ROSTER_LIMIT)),
        )
        .route("/workshops/{id}/teams/propose", post(pages::teams::propose))
        .route(
            "/workshops/{id}/teams/move",
            post(pages::teams::move_member),
        )
        .route("/workshops/{id}/teams/publish", post(pages::teams::publish))
        .route(
            "/workshops/{id}/staff/{member_id}/{role}/delete",
            post(pages::workshops::remove_staff),
        )
        .route(
            "/library",
            get(pages::library::list_library)
                .post(pages::library::create_item)
                .layer(DefaultBodyLimit::max(ITEM_LIMIT)),
        )
        .route("/library/new", get(pages::library::new_item))
        .route("/library/feed.atom", get(pages::library::library_feed))
        .route("/library/{id}", get(pages::library::show_item))
        .route(
            "/library/{id}/edit",
            get(pages::library::edit_item)
                .post(pages::library::update_item)
                .layer(DefaultBodyLimit::max(ITEM_LIMIT)),
        )
        .route(
            "/library/{id}/adapt",
            get(pages::library::adapt_form)
                .post(pages::library::adapt_item)
                .layer(DefaultBodyLimit::max(ITEM_LIMIT)),
        )
        .route("/library/{id}/delete", post(pages::library::delete_item))
        .route("/library/{id}/history", get(pages::library::show_history))
        .route(
            "/library/{id}/versions/{version}",
            get(pages::library::show_diff),
        )
        .route(
            "/library/{id}/versions/{version}/restore",
            post(pages::library::restore_version),
        )
        .route("/library/{id}/family", get(pages::library::show_family))
        .route(
            "/library/{id}/files",
            post(pages::library::upload_file)
                .layer(DefaultBodyLimit::max(upload_limit))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    uploads::refuse_large_page_uploads,
                )),
        )
        .route(
            "/library/{id}/files/{attachment_id}/{name}",
            get(pages::library::download_file),
        )
        .route(
            "/library/{id}/files/{attachment_id}/delete",
            post(pages::library::remove_file),
        )
        .route(
            "/nodes/{slug}/library/feed.atom",
            get(pages::library::node_library_feed),
        )
        .route(
            "/organizations",
            get(pages::organizations::list_organizations)
                .post(pages::organizations::create_organization),
        )
        .route(
            "/organizations/new",
            get(pages::organizations::new_organization),
        )
        .route(
            "/organizations/{slug}",
            get(pages::organizations::show_organization),
        )
        .route(
            "/organizations/{slug}/claim",
            post(pages::organizations::claim_affiliation),
        )
        .route(
            "/organizations/{slug}/edit",
            get(pages::organizations::edit_organization)
                .post(pages::organizations::update_organization),
        )
        .route(
            "/organizations/{slug}/leave",
            post(pages::organizations::leave_organization),
        )
        .route(
            "/organizations/{slug}/members/{member_id}",
            post(pages::organizations::decide_claim),
        )
        .route("/members", get(pages::profiles::list_members))
        .route("/members/{id}", get(pages::profiles::show_member))
        .route(
            "/settings/profile",
            get(pages::settings::edit_profile).post(pages::settings::update_profile),
        )
        .route("/settings/account", get(pages::settings::show_account))
        .route("/settings/password", post(pages::settings::change_password))
        .route(
            "/settings/sessions/end-others",
            post(pages::settings::end_other_sessions),
        )
        .route("/settings/email", post(pages::settings::change_email))
        .route("/settings/export", get(pages::settings::export_data))
        .route("/settings/reminders", post(pages::settings::save_reminders))
        .route("/settings/delete", post(pages::settings::delete_account))
        .route(
            "/settings/tokens",
            get(pages::settings::list_tokens).post(pages::settings::create_token),
        )
        .route(
            "/settings/tokens/{id}/revoke",
            post(pages::settings::revoke_token),
        )
        .route("/api", get(pages::api_docs::show_api_docs))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::render_error_pages,
        ));

    let api = Router::new()
        .route("/me", get(api::me::get_me).delete(api::me::delete_me))
        .route("/me/export", get(api::me::export_my_data))
        .route(
            "/me/reminders",
            get(api::me::get_reminders).put(api::me::set_reminders),
        )
        .route(
            "/me/profile",
            axum::routing::patch(api::me::update_my_profile),
        )
        .route(
            "/me/tokens",
            get(api::tokens::list_my_tokens).post(api::tokens::create_my_token),
        )
        .route(
            "/me/tokens/{id}",
            axum::routing::delete(api::tokens::revoke_my_token),
        )
        .route(
            "/nodes",
            get(api::nodes::list_nodes).post(api::nodes::create_node),
        )
        .route(
            "/nodes/{id}",
            get(api::nodes::get_node).patch(api::nodes::update_node),
        )
        .route("/node-proposals", get(api::nodes::list_proposals))
        .route("/nodes/{id}/proposal", post(api::nodes::decide_proposal))
        .route(
            "/nodes/{id}/members",
            get(api::nodes::list_node_members).post(api::nodes::join_node),
        )
        .route(
            "/nodes/{id}/members/{member_id}",
            post(api::nodes::act_on_member),
        )
        .route(
            "/nodes/{id}/invitations",
            get(api::nodes::list_invitations).post(api::nodes::invite_by_email),
        )
        .route(
            "/nodes/{id}/invitation-links",
            post(api::nodes::create_invitation_link),
        )
        .route(
            "/nodes/{id}/invitations/{invitation_id}",
            axum::routing::delete(api::nodes::revoke_invitation),
        )
        .route(
            "/nodes/{id}/imports",
            post(api::rosters::import_roster).layer(DefaultBodyLimit::max(ROSTER_LIMIT)),
        )
        .route(
            "/nodes/{id}/imports/{import_id}",
            get(api::rosters::get_import),
        )
        .route(
            "/nodes/{id}/imports/{import_id}/run",
            post(api::rosters::run_import),
        )
        .route(
            "/nodes/{id}/imports/{import_id}/recheck",
            post(api::rosters::recheck_import),
        )
        .route("/nodes/{id}/roster.csv", get(api::rosters::export_roster))
        .route("/nodes/{id}/join", post(api::nodes::join_node))
        .route("/nodes/{id}/leave", post(api::nodes::leave_node))
        .route("/directory", get(api::directory::search_directory))
        .route(
            "/organizations",
            get(api::organizations::list_organizations)
                .post(api::organizations::create_organization),
        )
        .route(
            "/organizations/{id}",
            get(api::organizations::get_organization)
                .patch(api::organizations::update_organization),
        )
        .route(
            "/organizations/{id}/claim",
            post(api::organizations::claim_affiliation),
        )
        .route(
            "/organizations/{id}/leave",
            post(api::organizations::leave_organization),
        )
        .route(
            "/organizations/{id}/members/{member_id}",
            post(api::organizations::decide_claim),
        )
        .route("/search", get(api::search::search))
        .route("/pathways", get(api::pathways::get_pipeline))
        .route(
            "/commitments",
            get(api::commitments::list).post(api::commitments::ask),
        )
        .route("/commitments/{id}/status", post(api::commitments::move_to))
        .route("/teams", post(api::organizing::create_team))
        .route("/teams/{id}", get(api::organizing::get_team))
        .route("/teams/{id}/health", post(api::organizing::check_health))
        .route(
            "/campaigns",
            get(api::organizing::campaigns::list_campaigns)
                .post(api::organizing::campaigns::create_campaign),
        )
        .route(
            "/campaigns/{id}",
            get(api::organizing::campaigns::get_campaign)
                .put(api::organizing::campaigns::update_campaign)
                .delete(api::organizing::campaigns::delete_campaign),
        )
        .route(
            "/campaigns/{id}/export",
            get(api::organizing::campaigns::export_campaign),
        )
        .route(
            "/campaigns/{id}/actors",
            post(api::organizing::campaigns::add_actor),
        )
        .route(
            "/campaigns/{id}/phases",
            post(api::organizing::campaigns::add_phase),
        )
        .route(
            "/campaigns/{id}/phases/{phase}",
            axum::routing::put(api::organizing::campaigns::set_actual),
        )
        .route(
            "/campaigns/{id}/reflections",
            post(api::organizing::reflections::reflect),
        )
        .route(
            "/reflections",
            get(api::organizing::reflections::list_reflections)
                .post(api::organizing::reflections::reflect_in_node),
        )
        .route(
            "/workshops/{id}/reflections",
            get(api::organizing::reflections::workshop_reflections),
        )
        .route(
            "/reflections/{id}",
            get(api::organizing::reflections::get_reflection)
                .delete(api::organizing::reflections::delete_reflection),
        )
        .route(
            "/workshops/{id}/certificates",
            get(api::workshop_records::list_certificates)
                .post(api::workshop_records::issue_certificates),
        )
        .route(
            "/workshops/{id}/certificates/{code}/revoke",
            post(api::workshop_records::revoke_certificate),
        )
        .route(
            "/certificates/{code}",
            get(api::workshop_records::verify_certificate),
        )
        .route(
            "/workshops/{id}/sessions/{session}/feedback",
            get(api::workshop_records::feedback_summary).post(api::workshop_records::give_feedback),
        )
        .route(
            "/workshops/{id}/surveys",
            get(api::workshop_records::survey_results),
        )
        .route(
            "/workshops/{id}/surveys/{phase}",
            post(api::workshop_records::answer_survey),
        )
        .route(
            "/workshops/{id}/participants/import",
            post(api::workshop_records::import_participants)
                .layer(DefaultBodyLimit::max(ROSTER_LIMIT)),
        )
        .route(
            "/one-on-ones",
            get(api::narratives::list).post(api::narratives::log),
        )
        .route(
            "/one-on-ones/{id}",
            get(api::narratives::get).delete(api::narratives::delete),
        )
        .route("/one-on-ones/{id}/share", post(api::narratives::share))
        .route(
            "/narratives",
            get(api::narratives::list_narratives).post(api::narratives::start),
        )
        .route(
            "/narratives/{id}",
            get(api::narratives::get_narrative).delete(api::narratives::delete_narrative),
        )
        .route("/narratives/{id}/versions", post(api::narratives::retell))
        .route(
            "/narratives/{id}/reviewers",
            post(api::narratives::ask_reviewer),
        )
        .route("/narratives/{id}/feedback", post(api::narratives::feedback))
        .route(
            "/lessons",
            get(api::organizing::lessons::list_lessons).post(api::organizing::lessons::draw_lesson),
        )
        .route(
            "/lessons/{id}",
            get(api::organizing::lessons::get_lesson)
                .delete(api::organizing::lessons::delete_lesson),
        )
        .route(
            "/lessons/{id}/status",
            post(api::organizing::lessons::move_lesson),
        )
        .route(
            "/lessons/{id}/endorsements",
            post(api::organizing::lessons::endorse),
        )
        .route("/pathways/steps", post(api::pathways::record_step))
        .route("/nominations", post(api::pathways::nominate))
        .route(
            "/workshops",
            get(api::workshops::list_workshops).post(api::workshops::create_workshop),
        )
        .route(
            "/workshops/{id}",
            get(api::workshops::get_workshop).patch(api::workshops::update_workshop),
        )
        .route(
            "/workshops/{id}/sessions",
            get(api::workshops::list_sessions).post(api::workshops::add_session),
        )
        .route(
            "/workshops/{id}/sessions/{session_id}",
            axum::routing::delete(api::workshops::remove_session),
        )
        .route("/workshops/{id}/staff", post(api::workshops::add_staff))
        .route(
            "/workshops/{id}/teams",
            get(api::workshops::list_teams).post(api::workshops::propose_teams),
        )
        .route(
            "/workshops/{id}/teams/publish",
            post(api::workshops::publish_teams),
        )
        .route(
            "/workshops/{id}/sessions/{session_id}/attendance",
            get(api::workshops::get_attendance).put(api::workshops::put_attendance),
        )
        .route(
            "/workshops/{id}/logs",
            get(api::workshops::list_logs).post(api::workshops::write_log),
        )
        .route(
            "/workshops/{id}/logs/{log_id}",
            get(api::workshops::get_log),
        )
        .route("/workshops/{id}/export/{what}", get(api::workshops::export))
        .route(
            "/workshops/{id}/questions",
            get(api::applications::list_questions).post(api::applications::add_question),
        )
        .route(
            "/workshops/{id}/applications",
            get(api::applications::list_applications).post(api::applications::apply),
        )
        .route(
            "/workshops/{id}/applications/decisions",
            post(api::applications::decide),
        )
        .route(
            "/workshops/{id}/applications/{application_id}/withdraw",
            post(api::applications::withdraw),
        )
        .route(
            "/library",
            get(api::library::list_items)
                .post(api::library::create_item)
                .layer(DefaultBodyLimit::max(ITEM_LIMIT)),
        )
        .route(
            "/library/{id}",
            get(api::library::get_item)
                .patch(api::library::update_item)
                .delete(api::library::delete_item)
                .layer(DefaultBodyLimit::max(ITEM_LIMIT)),
        )
        .route("/library/{id}/versions", get(api::library::list_versions))
        .route(
            "/library/{id}/versions/{version}",
            get(api::library::get_version),
        )
        .route(
            "/library/{id}/versions/{version}/restore",
            post(api::library::restore_version),
        )
        .route(
            "/library/{id}/adaptations",
            get(api::library::list_family)
                .post(api::library::adapt_item)
                .layer(DefaultBodyLimit::max(ITEM_LIMIT)),
        )
        .route(
            "/library/{id}/attachments",
            get(api::library::list_attachments)
                .post(api::library::upload_attachment)
                .layer(DefaultBodyLimit::max(upload_limit))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    uploads::refuse_large_api_uploads,
                )),
        )
        .route(
            "/library/{id}/attachments/{attachment_id}",
            get(api::library::download_attachment).delete(api::library::delete_attachment),
        )
        .route("/members", get(api::members::list_members))
        .route("/members/{id}", get(api::members::get_member))
        .route("/openapi.json", get(api::openapi::get_openapi))
        .fallback(api::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::render_api_errors,
        ));

    Router::new()
        .merge(pages)
        .nest("/api/v1", api)
        .route("/assets/{file}", get(assets::serve_asset))
        .route("/healthz", get(pages::health::healthz))
        .route("/readyz", get(pages::health::readyz))
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::render_error_pages,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::identify,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::security_headers,
        ))
        .layer(axum::middleware::from_fn(middleware::log_errors))
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .layer(DefaultBodyLimit::max(state.http.max_body_bytes))
        .with_state(state)
}

// Spans name the route, never the raw path: email links carry secrets in their paths.
fn request_span(request: &Request) -> tracing::Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |p| p.as_str());
    tracing::info_span!("request", http.method = %request.method(), http.route = %route)
}
