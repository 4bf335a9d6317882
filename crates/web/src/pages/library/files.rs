//! Attaching, downloading and removing an item's files. Downloads are always attachments,
//! never rendered in the site's origin, with `nosniff` and a sandboxing CSP.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::AppError;
use praxis_app::library::{self, FileDownload, Upload};
use praxis_domain::ids::ItemId;

use crate::error::PageError;
use crate::extract::{
    FormFields, Key, PageMember, Path, RequestInfo, UploadForm, encode_component,
};
use crate::pages::Chrome;
use crate::state::AppState;

pub(crate) async fn upload_file(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    c: Chrome,
    Path(Key(id)): Path<Key<ItemId>>,
    form: UploadForm,
) -> Result<Response, PageError> {
    let upload = Upload {
        file_name: form.file_name,
        bytes: form.file,
    };
    match library::attach_file(&state.ctx, &me, id, upload).await {
        Ok(_) => Ok(Redirect::to(&format!("/library/{id}?notice=attached")).into_response()),
        Err(AppError::Invalid(errors)) => {
            let key = errors.key_for("file").unwrap_or("error-file-type");
            let page = crate::pages::MessagePage {
                title: c.t("library-file-refused"),
                message: c.t(key),
                link: Some((format!("/library/{id}"), c.t("library-back-to-item"))),
                c,
            };
            Ok(crate::pages::render_with_status(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                &page,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// The response for a download: the bytes as an attachment that never runs in our origin.
pub(crate) fn file_response(file: FileDownload) -> Response {
    let name = &file.record.file_name;
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._- ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        encode_component(name).replace('+', "%20")
    );
    let mut response = file.bytes.into_response();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&file.record.content_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

pub(crate) async fn download_file(
    State(state): State<AppState>,
    info: RequestInfo,
    Path((Key(id), attachment, _name)): Path<(Key<ItemId>, String, String)>,
) -> Result<Response, PageError> {
    let file = library::download_file(&state.ctx, info.member.as_ref(), id, &attachment).await?;
    Ok(file_response(file))
}

pub(crate) async fn remove_file(
    State(state): State<AppState>,
    PageMember(me): PageMember,
    Path((Key(id), attachment)): Path<(Key<ItemId>, String)>,
    _form: FormFields,
) -> Result<Response, PageError> {
    library::remove_file(&state.ctx, &me, id, &attachment).await?;
    Ok(Redirect::to(&format!("/library/{id}?notice=removed")).into_response())
}
