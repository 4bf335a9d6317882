//! `/api/v1/library`: items, versions, adaptations and files, with the same rules as the pages.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use praxis_app::library::{
    self, AttachmentRecord, FamilyRow, ItemRecord, ItemVersion, LibraryQuery, Upload,
};
use praxis_domain::ids::ItemId;
use praxis_domain::library::RawItemFields;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::rfc3339;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiMember, Key, Path, RequestInfo};
use crate::pages::library::files::file_response;
use crate::state::AppState;

/// A library item.
#[derive(Serialize, ToSchema)]
pub(crate) struct ItemResponse {
    id: String,
    /// `guide`, `worksheet`, `agenda`, `case_study`, `research_summary`, `recording`,
    /// `slide_deck` or `other`.
    kind: String,
    title: String,
    summary: String,
    /// Markdown (absent in lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<String>,
    practices: Vec<String>,
    domains: Vec<String>,
    regions: Vec<String>,
    languages: Vec<String>,
    license: String,
    authors: Vec<String>,
    /// `public`, `members` or `node`.
    scope: String,
    node_id: Option<String>,
    /// The item it adapts.
    adapted_from: Option<String>,
    adaptation: Option<AdaptationResponse>,
    version: i64,
    created_at: String,
    updated_at: String,
}

/// What an adaptation changed.
#[derive(Serialize, ToSchema)]
pub(crate) struct AdaptationResponse {
    language: String,
    context: String,
    audience: String,
}

impl ItemResponse {
    pub(crate) fn from_record(i: ItemRecord, with_body: bool) -> Self {
        let f = i.fields;
        let adaptation = i.adapted_from.map(|_| AdaptationResponse {
            language: i.adaptation.language,
            context: i.adaptation.context,
            audience: i.adaptation.audience,
        });
        Self {
            id: i.id.to_string(),
            kind: f.kind.code().to_owned(),
            title: f.title,
            summary: f.summary,
            body: with_body.then_some(f.body),
            practices: f.practices.iter().map(|p| p.code().to_owned()).collect(),
            domains: f.domains,
            regions: f.regions,
            languages: f.languages,
            license: f.license,
            authors: f.authors,
            scope: f.scope.code().to_owned(),
            node_id: i.node_id.map(|n| n.to_string()),
            adapted_from: i.adapted_from.map(|a| a.to_string()),
            adaptation,
            version: i.version,
            created_at: rfc3339(i.created_at),
            updated_at: rfc3339(i.updated_at),
        }
    }
}

/// Filters for the list.
#[derive(Deserialize, IntoParams)]
pub(crate) struct LibraryParams {
    /// Only this kind.
    kind: Option<String>,
    /// Only items with this practice code.
    practice: Option<String>,
    /// Only items with this domain (any case).
    domain: Option<String>,
    /// Only items with this region (any case).
    region: Option<String>,
    /// Only items in this language.
    language: Option<String>,
    /// Only items of this node (id or slug).
    node: Option<String>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Page size, 1–100 (default 30).
    limit: Option<u32>,
}

/// A page of items, newest first.
#[derive(Serialize, ToSchema)]
pub(crate) struct ItemListResponse {
    items: Vec<ItemResponse>,
    /// Pass as `cursor` for the next page; absent on the last.
    next_cursor: Option<String>,
}

/// The items the caller may read, newest first.
#[utoipa::path(get, path = "/api/v1/library", tag = "library", params(LibraryParams),
    responses((status = 200, body = ItemListResponse), (status = 422, description = "unknown kind, tag or cursor")))]
pub(crate) async fn list_items(
    State(state): State<AppState>,
    info: RequestInfo,
    Query(p): Query<LibraryParams>,
) -> Result<Json<ItemListResponse>, ApiError> {
    let tag = [
        ("practice", p.practice),
        ("domain", p.domain),
        ("region", p.region),
        ("language", p.language),
    ]
    .into_iter()
    .find_map(|(facet, v)| v.filter(|v| !v.is_empty()).map(|v| (facet.to_owned(), v)));
    let query = LibraryQuery {
        kind: p.kind,
        tag,
        node: p.node,
    };
    let (items, next_cursor) = library::list_items_page(
        &state.ctx,
        info.member.as_ref(),
        &query,
        p.cursor.as_deref(),
        p.limit.unwrap_or(30),
    )
    .await?;
    Ok(Json(ItemListResponse {
        items: items
            .into_iter()
            .map(|i| ItemResponse::from_record(i, false))
            .collect(),
        next_cursor,
    }))
}

/// An item's fields. On update, absent fields keep their values.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct ItemRequest {
    kind: Option<String>,
    title: Option<String>,
    summary: Option<String>,
    /// Markdown.
    body: Option<String>,
    practices: Option<Vec<String>>,
    domains: Option<Vec<String>>,
    regions: Option<Vec<String>>,
    languages: Option<Vec<String>>,
    license: Option<String>,
    authors: Option<Vec<String>>,
    /// `public`, `members` or `node` (then `node` is required).
    scope: Option<String>,
    /// The node (id or slug) the item belongs to; the caller must be a member. Empty for none.
    node: Option<String>,
    /// On update: the version the change was made from (409 when someone saved since).
    version: Option<i64>,
    /// On adaptation: the language it was translated into.
    adapted_language: Option<String>,
    /// On adaptation: the context it was adapted to.
    adapted_context: Option<String>,
    /// On adaptation: the audience it was adapted for.
    adapted_audience: Option<String>,
}

impl ItemRequest {
    fn over(self, base: RawItemFields) -> RawItemFields {
        RawItemFields {
            kind: self.kind.unwrap_or(base.kind),
            title: self.title.unwrap_or(base.title),
            summary: self.summary.unwrap_or(base.summary),
            body: self.body.unwrap_or(base.body),
            practices: self.practices.unwrap_or(base.practices),
            domains: self.domains.unwrap_or(base.domains),
            regions: self.regions.unwrap_or(base.regions),
            languages: self.languages.unwrap_or(base.languages),
            license: self.license.unwrap_or(base.license),
            authors: self.authors.unwrap_or(base.authors),
            scope: self.scope.unwrap_or(base.scope),
        }
    }
}

fn raw_of(item: &ItemRecord) -> RawItemFields {
    let f = &item.fields;
    RawItemFields {
        kind: f.kind.code().to_owned(),
        title: f.title.clone(),
        summary: f.summary.clone(),
        body: f.body.clone(),
        practices: f.practices.iter().map(|p| p.code().to_owned()).collect(),
        domains: f.domains.clone(),
        regions: f.regions.clone(),
        languages: f.languages.clone(),
        license: f.license.clone(),
        authors: f.authors.clone(),
        scope: f.scope.code().to_owned(),
    }
}

/// Publishes an item.
#[utoipa::path(post, path = "/api/v1/library", tag = "library", request_body = ItemRequest,
    responses((status = 201, body = ItemResponse), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn create_item(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    ApiJson(req): ApiJson<ItemRequest>,
) -> Result<Response, ApiError> {
    let node = req.node.clone();
    let raw = req.over(RawItemFields::default());
    let item = library::create_item(&state.ctx, &me, raw, node.as_deref()).await?;
    Ok((
        StatusCode::CREATED,
        Json(ItemResponse::from_record(item, true)),
    )
        .into_response())
}

/// One item.
#[utoipa::path(get, path = "/api/v1/library/{id}", tag = "library", params(("id" = String, Path, description = "item id")),
    responses((status = 200, body = ItemResponse), (status = 404, description = "no such item, or not readable by the caller")))]
pub(crate) async fn get_item(
    State(state): State<AppState>,
    info: RequestInfo,
    Path(Key(id)): Path<Key<ItemId>>,
) -> Result<Json<ItemResponse>, ApiError> {
    let view = library::view_item(&state.ctx, info.member.as_ref(), id).await?;
    Ok(Json(ItemResponse::from_record(view.item, true)))
}

/// Changes an item (a new version). Send `version` to be told when someone saved in between.
#[utoipa::path(patch, path = "/api/v1/library/{id}", tag = "library", params(("id" = String, Path, description = "item id")),
    request_body = ItemRequest,
    responses((status = 200, body = ItemResponse), (status = 403, description = "may read but not edit"),
        (status = 409, description = "someone saved a newer version"), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn update_item(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<ItemId>>,
    ApiJson(req): ApiJson<ItemRequest>,
) -> Result<Json<ItemResponse>, ApiError> {
    let view = library::view_item(&state.ctx, Some(&me), id).await?;
    let version = req.version.unwrap_or(view.item.version);
    let node = req
        .node
        .clone()
        .or_else(|| view.item.node_id.map(|n| n.to_string()));
    let raw = req.over(raw_of(&view.item));
    let item = library::edit_item(&state.ctx, &me, id, raw, node.as_deref(), version).await?;
    Ok(Json(ItemResponse::from_record(item, true)))
}

/// Deletes an item; its adaptations keep their place in the family.
#[utoipa::path(delete, path = "/api/v1/library/{id}", tag = "library", params(("id" = String, Path, description = "item id")),
    responses((status = 204, description = "deleted"), (status = 403, description = "may read but not edit")))]
pub(crate) async fn delete_item(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<ItemId>>,
) -> Result<StatusCode, ApiError> {
    library::delete_item(&state.ctx, &me, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// One version of an item.
#[derive(Serialize, ToSchema)]
pub(crate) struct VersionResponse {
    version: i64,
    title: String,
    /// Markdown (only when one version is asked for).
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<String>,
    /// The editor's name when the caller may see their profile.
    edited_by: Option<String>,
    /// `created`, `adapted`, `edited` or `restored:N`.
    note: String,
    at: String,
}

impl VersionResponse {
    fn from_version(v: ItemVersion, editor: Option<String>, with_body: bool) -> Self {
        Self {
            version: v.version,
            title: v.fields.title,
            body: with_body.then_some(v.fields.body),
            edited_by: editor,
            note: v.note,
            at: rfc3339(v.at),
        }
    }
}

/// Every version of an item, newest first.
#[utoipa::path(get, path = "/api/v1/library/{id}/versions", tag = "library", params(("id" = String, Path, description = "item id")),
    responses((status = 200, body = [VersionResponse])))]
pub(crate) async fn list_versions(
    State(state): State<AppState>,
    info: RequestInfo,
    Path(Key(id)): Path<Key<ItemId>>,
) -> Result<Json<Vec<VersionResponse>>, ApiError> {
    let (_, versions) = library::item_history(&state.ctx, info.member.as_ref(), id).await?;
    Ok(Json(
        versions
            .into_iter()
            .map(|(v, name)| VersionResponse::from_version(v, name, false))
            .collect(),
    ))
}

/// One version, with its body.
#[utoipa::path(get, path = "/api/v1/library/{id}/versions/{version}", tag = "library",
    params(("id" = String, Path, description = "item id"), ("version" = i64, Path, description = "version number")),
    responses((status = 200, body = VersionResponse), (status = 404, description = "no such version")))]
pub(crate) async fn get_version(
    State(state): State<AppState>,
    info: RequestInfo,
    Path((Key(id), version)): Path<(Key<ItemId>, i64)>,
) -> Result<Json<VersionResponse>, ApiError> {
    let diff = library::version_diff(&state.ctx, info.member.as_ref(), id, version, None).await?;
    Ok(Json(VersionResponse::from_version(diff.to, None, true)))
}

/// Makes an old version current again (as a new version).
#[utoipa::path(post, path = "/api/v1/library/{id}/versions/{version}/restore", tag = "library",
    params(("id" = String, Path, description = "item id"), ("version" = i64, Path, description = "version number")),
    responses((status = 200, body = ItemResponse), (status = 403, description = "may read but not edit")))]
pub(crate) async fn restore_version(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((Key(id), version)): Path<(Key<ItemId>, i64)>,
) -> Result<Json<ItemResponse>, ApiError> {
    let item = library::restore_version(&state.ctx, &me, id, version).await?;
    Ok(Json(ItemResponse::from_record(item, true)))
}

/// One member of a family tree.
#[derive(Serialize, ToSchema)]
pub(crate) struct FamilyMemberResponse {
    id: String,
    /// Empty for a removed item.
    title: String,
    adapted_from: Option<String>,
    languages: Vec<String>,
    depth: usize,
    removed: bool,
}

/// The item's family: the original and its adaptations the caller may read, in tree order.
#[utoipa::path(get, path = "/api/v1/library/{id}/adaptations", tag = "library", params(("id" = String, Path, description = "item id")),
    responses((status = 200, body = [FamilyMemberResponse])))]
pub(crate) async fn list_family(
    State(state): State<AppState>,
    info: RequestInfo,
    Path(Key(id)): Path<Key<ItemId>>,
) -> Result<Json<Vec<FamilyMemberResponse>>, ApiError> {
    let (_, rows) = library::item_family(&state.ctx, info.member.as_ref(), id).await?;
    Ok(Json(
        rows.into_iter()
            .map(|FamilyRow { item, depth, .. }| FamilyMemberResponse {
                id: item.id.to_string(),
                title: item.fields.title,
                adapted_from: item.adapted_from.map(|a| a.to_string()),
                languages: item.fields.languages,
                depth,
                removed: item.deleted,
            })
            .collect(),
    ))
}

/// Adapts or translates an item: the new item's fields plus at least one of
/// `adapted_language`, `adapted_context`, `adapted_audience`.
#[utoipa::path(post, path = "/api/v1/library/{id}/adaptations", tag = "library", params(("id" = String, Path, description = "original item id")),
    request_body = ItemRequest,
    responses((status = 201, body = ItemResponse), (status = 422, description = "invalid fields, named")))]
pub(crate) async fn adapt_item(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<ItemId>>,
    ApiJson(mut req): ApiJson<ItemRequest>,
) -> Result<Response, ApiError> {
    let original = library::view_item(&state.ctx, Some(&me), id).await?.item;
    let node = req.node.take();
    let language = req.adapted_language.take().unwrap_or_default();
    let context = req.adapted_context.take().unwrap_or_default();
    let audience = req.adapted_audience.take().unwrap_or_default();
    let mut base = raw_of(&original);
    base.scope = "members".into();
    let raw = req.over(base);
    let item = library::adapt_item(
        &state.ctx,
        &me,
        id,
        raw,
        node.as_deref(),
        (&language, &context, &audience),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(ItemResponse::from_record(item, true)),
    )
        .into_response())
}

/// A file attached to an item.
#[derive(Serialize, ToSchema)]
pub(crate) struct AttachmentResponse {
    id: String,
    file_name: String,
    /// As found in the content.
    content_type: String,
    size_bytes: i64,
    sha256: String,
    created_at: String,
    /// Where to download it.
    url: String,
}

impl AttachmentResponse {
    fn from_record(a: AttachmentRecord) -> Self {
        Self {
            url: format!("/api/v1/library/{}/attachments/{}", a.item_id, a.id),
            id: a.id.to_string(),
            file_name: a.file_name,
            content_type: a.content_type,
            size_bytes: a.size_bytes,
            sha256: a.sha256,
            created_at: rfc3339(a.created_at),
        }
    }
}

/// The item's files.
#[utoipa::path(get, path = "/api/v1/library/{id}/attachments", tag = "library", params(("id" = String, Path, description = "item id")),
    responses((status = 200, body = [AttachmentResponse])))]
pub(crate) async fn list_attachments(
    State(state): State<AppState>,
    info: RequestInfo,
    Path(Key(id)): Path<Key<ItemId>>,
) -> Result<Json<Vec<AttachmentResponse>>, ApiError> {
    let view = library::view_item(&state.ctx, info.member.as_ref(), id).await?;
    Ok(Json(
        view.attachments
            .into_iter()
            .map(AttachmentResponse::from_record)
            .collect(),
    ))
}

/// The name of an uploaded file.
#[derive(Deserialize, IntoParams)]
pub(crate) struct UploadParams {
    /// The file's name, offered again on download.
    file_name: Option<String>,
}

/// Attaches a file: the body is the file itself. PDF, office documents, images, audio and
/// video, recognised by their content; photos lose their metadata.
#[utoipa::path(post, path = "/api/v1/library/{id}/attachments", tag = "library",
    params(("id" = String, Path, description = "item id"), UploadParams),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = AttachmentResponse), (status = 413, description = "larger than the configured limit"),
        (status = 422, description = "empty, unknown or damaged file")))]
pub(crate) async fn upload_attachment(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path(Key(id)): Path<Key<ItemId>>,
    Query(p): Query<UploadParams>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let bytes = match body {
        Ok(bytes) => bytes,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(ApiError::TooLarge),
        Err(_) => {
            return Err(ApiError::BadBody {
                field: Some("file".into()),
                key: "error-body-too-large",
            });
        }
    };
    let upload = Upload {
        file_name: p.file_name.unwrap_or_default(),
        bytes: bytes.to_vec(),
    };
    let record = library::attach_file(&state.ctx, &me, id, upload).await?;
    Ok((
        StatusCode::CREATED,
        Json(AttachmentResponse::from_record(record)),
    )
        .into_response())
}

/// Downloads a file (always as an attachment).
#[utoipa::path(get, path = "/api/v1/library/{id}/attachments/{attachment_id}", tag = "library",
    params(("id" = String, Path, description = "item id"), ("attachment_id" = String, Path, description = "attachment id")),
    responses((status = 200, description = "the file"), (status = 404, description = "no such file")))]
pub(crate) async fn download_attachment(
    State(state): State<AppState>,
    info: RequestInfo,
    Path((Key(id), attachment)): Path<(Key<ItemId>, String)>,
) -> Result<Response, ApiError> {
    let file = library::download_file(&state.ctx, info.member.as_ref(), id, &attachment).await?;
    Ok(file_response(file))
}

/// Removes a file.
#[utoipa::path(delete, path = "/api/v1/library/{id}/attachments/{attachment_id}", tag = "library",
    params(("id" = String, Path, description = "item id"), ("attachment_id" = String, Path, description = "attachment id")),
    responses((status = 204, description = "removed"), (status = 403, description = "may read but not edit")))]
pub(crate) async fn delete_attachment(
    State(state): State<AppState>,
    ApiMember(me): ApiMember,
    Path((Key(id), attachment)): Path<(Key<ItemId>, String)>,
) -> Result<StatusCode, ApiError> {
    library::remove_file(&state.ctx, &me, id, &attachment).await?;
    Ok(StatusCode::NO_CONTENT)
}
