//! `/api/v1/commitments`: the same rules as the page.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use praxis_app::commitments::{self, CommitmentRecord, MadeAt, RawLinks};
use praxis_domain::commitments::RawCommitment;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember, Path};
use crate::state::AppState;

/// A commitment.
#[derive(Serialize, ToSchema)]
pub(crate) struct CommitmentResponse {
    id: String,
    asker: Option<String>,
    asked_id: String,
    asked: String,
    what: String,
    /// YYYY-MM-DD.
    due: String,
    context: String,
    /// `asked`, `agreed`, `confirmed`, `done`, `flaked` or `declined`.
    status: String,
    /// The campaign it serves, when the caller may see it.
    campaign: Option<CampaignLink>,
    /// The event or meeting where it was made, as far as the caller may see it.
    made_at: Option<MadeAtResponse>,
}

/// A campaign a commitment serves.
#[derive(Serialize, ToSchema)]
pub(crate) struct CampaignLink {
    id: String,
    title: String,
}

/// Where a commitment was made.
#[derive(Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum MadeAtResponse {
    /// At a workshop session (shown only to those who may see the workshop).
    Session {
        session_id: String,
        workshop_id: String,
        workshop_title: String,
        /// YYYY-MM-DD.
        date: String,
        /// The practice taught, if any.
        module: Option<String>,
    },
    /// In a one-on-one: its id, whom and when only for the one-on-one's author.
    OneOnOne {
        one_on_one_id: Option<String>,
        with_name: Option<String>,
        met_on: Option<String>,
    },
}

impl CommitmentResponse {
    pub(crate) fn from_record(c: CommitmentRecord) -> Self {
        Self {
            id: c.id.to_string(),
            asker: c.asker.map(|(_, n)| n),
            asked_id: c.asked.0.to_string(),
            asked: c.asked.1,
            what: c.fields.what,
            due: c.fields.due,
            context: c.context,
            status: c.status.code().to_owned(),
            campaign: c.campaign.map(|(id, title)| CampaignLink {
                id: id.to_string(),
                title,
            }),
            made_at: c.made_at.map(|m| match m {
                MadeAt::Session {
                    id,
                    workshop_id,
                    workshop_title,
                    date,
                    module,
                } => MadeAtResponse::Session {
                    session_id: id.to_string(),
                    workshop_id: workshop_id.to_string(),
                    workshop_title,
                    date,
                    module: (!module.is_empty()).then_some(module),
                },
                MadeAt::OneOnOne {
                    id,
                    with_name,
                    met_on,
                    ..
                } => {
                    // Someone else's one-on-one arrives with its details blanked.
                    let mine = !with_name.is_empty();
                    MadeAtResponse::OneOnOne {
                        one_on_one_id: mine.then(|| id.to_string()),
                        with_name: mine.then_some(with_name),
                        met_on: mine.then_some(met_on),
                    }
                }
            }),
        }
    }
}

/// The caller's commitments and follow-up list.
#[derive(Serialize, ToSchema)]
pub(crate) struct CommitmentsResponse {
    follow_up: Vec<CommitmentResponse>,
    asked_by_me: Vec<CommitmentResponse>,
    /// Pass as `by_after` for the next page of `asked_by_me`.
    asked_by_me_next: Option<String>,
    asked_of_me: Vec<CommitmentResponse>,
    /// Pass as `of_after` for the next page of `asked_of_me`.
    asked_of_me_next: Option<String>,
    /// Done ÷ (done + flaked) of what the caller asked for, in percent.
    kept_rate: Option<u32>,
}

/// Which page of each list.
#[derive(Deserialize, utoipa::IntoParams)]
pub(crate) struct PageQuery {
    /// The last id of the previous page of `asked_by_me`.
    by_after: Option<String>,
    /// The last id of the previous page of `asked_of_me`.
    of_after: Option<String>,
}

/// The caller's commitments: a page of each side, by due date, and the follow-up list.
#[utoipa::path(get, path = "/api/v1/commitments", tag = "commitments", params(PageQuery), responses((status = 200, body = CommitmentsResponse)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    axum::extract::Query(q): axum::extract::Query<PageQuery>,
) -> Result<Json<CommitmentsResponse>, ApiError> {
    let v = commitments::view(
        &state.ctx,
        &me,
        q.by_after.as_deref(),
        q.of_after.as_deref(),
    )
    .await?;
    let map =
        |l: Vec<CommitmentRecord>| l.into_iter().map(CommitmentResponse::from_record).collect();
    Ok(Json(CommitmentsResponse {
        follow_up: map(v.follow_up),
        asked_by_me: map(v.asked_by_me),
        asked_by_me_next: v.asked_by_me_next,
        asked_of_me: map(v.asked_of_me),
        asked_of_me_next: v.asked_of_me_next,
        kept_rate: v.kept_rate,
    }))
}

/// An ask.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AskRequest {
    asked_id: String,
    what: String,
    /// YYYY-MM-DD.
    due: String,
    #[serde(default)]
    context: String,
    /// The campaign it serves (optional).
    #[serde(default)]
    campaign_id: String,
    /// The workshop session where it was made (optional; one the caller takes part in).
    #[serde(default)]
    session_id: String,
    /// The caller's one-on-one where it was made (optional; not with `session_id`).
    #[serde(default)]
    one_on_one_id: String,
}

/// The new commitment's id.
#[derive(Serialize, ToSchema)]
pub(crate) struct AskResponse {
    id: String,
}

/// Asks a member for a commitment.
#[utoipa::path(post, path = "/api/v1/commitments", tag = "commitments", request_body = AskRequest,
    responses((status = 201, body = AskResponse), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn ask(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(req): ApiJson<AskRequest>,
) -> Result<Response, ApiError> {
    let raw = RawCommitment {
        what: req.what,
        due: req.due,
    };
    let id = commitments::ask(
        &state.ctx,
        &me,
        &req.asked_id,
        raw,
        &req.context,
        &RawLinks {
            campaign: req.campaign_id,
            session: req.session_id,
            one_on_one: req.one_on_one_id,
        },
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(AskResponse { id: id.to_string() }),
    )
        .into_response())
}

/// A move.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct MoveRequest {
    /// The new status.
    status: String,
}

/// Moves a commitment (asker or asked only); a move not allowed from where it stands is 422.
#[utoipa::path(post, path = "/api/v1/commitments/{id}/status", tag = "commitments",
    params(("id" = String, Path, description = "commitment id")), request_body = MoveRequest,
    responses((status = 204, description = "moved"), (status = 404, description = "not the caller's"), (status = 422, description = "not allowed from here")))]
pub(crate) async fn move_to(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<MoveRequest>,
) -> Result<StatusCode, ApiError> {
    commitments::move_to(&state.ctx, &me, &id, &req.status).await?;
    Ok(StatusCode::NO_CONTENT)
}
