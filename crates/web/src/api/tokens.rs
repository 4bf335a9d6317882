//! `/api/v1/me/tokens`: personal access tokens.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use praxis_app::{AppError, tokens};
use praxis_domain::ids::TokenId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::rfc3339;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember, Path};
use crate::state::AppState;

/// A token as its owner sees it (never the secret).
#[derive(Serialize, ToSchema)]
pub(crate) struct TokenResponse {
    id: String,
    name: String,
    created_at: String,
    last_used_at: Option<String>,
}

impl TokenResponse {
    pub(crate) fn from_info(t: praxis_app::AccessTokenInfo) -> Self {
        Self {
            id: t.id.to_string(),
            name: t.name,
            created_at: rfc3339(t.created_at),
            last_used_at: t.last_used_at.map(rfc3339),
        }
    }
}

/// A new token's name.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CreateTokenRequest {
    /// What the token is for (1–60 characters).
    name: String,
}

/// A token just created: `token` is shown this once.
#[derive(Serialize, ToSchema)]
pub(crate) struct CreatedTokenResponse {
    id: String,
    name: String,
    /// Send as `Authorization: Bearer <token>`.
    token: String,
}

/// The caller's tokens.
#[utoipa::path(get, path = "/api/v1/me/tokens", tag = "me",
    responses((status = 200, body = Vec<TokenResponse>), (status = 401, description = "not signed in")))]
pub(crate) async fn list_my_tokens(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
) -> Result<Json<Vec<TokenResponse>>, ApiError> {
    let tokens = tokens::list_tokens(&state.ctx, &me).await?;
    Ok(Json(
        tokens.into_iter().map(TokenResponse::from_info).collect(),
    ))
}

/// Creates a token.
#[utoipa::path(post, path = "/api/v1/me/tokens", tag = "me", request_body = CreateTokenRequest,
    responses((status = 201, body = CreatedTokenResponse), (status = 422, description = "invalid name")))]
pub(crate) async fn create_my_token(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(request): ApiJson<CreateTokenRequest>,
) -> Result<(StatusCode, Json<CreatedTokenResponse>), ApiError> {
    let created = tokens::create_token(&state.ctx, &me, &request.name).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedTokenResponse {
            id: created.id.to_string(),
            name: request.name.trim().to_owned(),
            token: created.secret,
        }),
    ))
}

/// Revokes one of the caller's tokens.
#[utoipa::path(delete, path = "/api/v1/me/tokens/{id}", tag = "me",
    params(("id" = String, Path, description = "token id")),
    responses((status = 204, description = "revoked"), (status = 404, description = "no such token of yours")))]
pub(crate) async fn revoke_my_token(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id: TokenId = id.parse().map_err(|_| ApiError::App(AppError::NotFound))?;
    tokens::revoke_token(&state.ctx, &me, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
