//! Files attached to items: the type is read from the content (never the name), only
//! documents, images, audio and video are kept, and photos lose their metadata (camera,
//! time, GPS position) before they are stored.

use img_parts::{Bytes, ImageEXIF as _};
use praxis_domain::ids::{AttachmentId, ItemId};
use praxis_domain::validation::FieldErrors;
use praxis_store::StoreError;
use sha2::{Digest as _, Sha256};
use tracing::instrument;

use super::AttachmentRecord;
use crate::policy::CurrentMember;
use crate::policy::library::{editable_item, readable_item};
use crate::{AppError, AppResult, Context};

/// The most files one item may have.
const MAX_FILES: i64 = 50;

/// The media types kept, as found in the content.
const ALLOWED: &[&str] = &[
    "application/pdf",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "audio/mpeg",
    "audio/ogg",
    "audio/x-wav",
    "audio/x-flac",
    "audio/m4a",
    "audio/aac",
    "video/mp4",
    "video/webm",
];

/// A file as uploaded.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The name it had on the member's computer.
    pub file_name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// A file to send back.
#[derive(Debug, Clone)]
pub struct FileDownload {
    /// What it is.
    pub record: AttachmentRecord,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// A file name safe to offer in a download: no folders, no control characters, at most 120
/// characters, never empty.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ':' | '|' | '?' | '*'))
        .take(120)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        "file".to_owned()
    } else {
        cleaned
    }
}

/// The media type of `bytes`, if it is one Praxis keeps.
pub fn allowed_type(bytes: &[u8]) -> Option<&'static str> {
    let found = infer::get(bytes)?.mime_type();
    ALLOWED.iter().copied().find(|t| *t == found)
}

/// Removes metadata from photos: EXIF and XMP (camera, time, position), IPTC and comments
/// from JPEG; EXIF and text chunks from PNG; EXIF and XMP from WebP. Other files pass as they
/// are. A photo that cannot be parsed is refused rather than kept with its metadata.
pub fn strip_metadata(content_type: &str, bytes: Vec<u8>) -> Result<Vec<u8>, &'static str> {
    let bad = |_| "error-file-damaged";
    match content_type {
        "image/jpeg" => {
            let mut jpeg = img_parts::jpeg::Jpeg::from_bytes(Bytes::from(bytes)).map_err(bad)?;
            jpeg.segments_mut()
                .retain(|s| !matches!(s.marker(), 0xE1 | 0xED | 0xFE));
            Ok(jpeg.encoder().bytes().to_vec())
        }
        "image/png" => {
            let mut png = img_parts::png::Png::from_bytes(Bytes::from(bytes)).map_err(bad)?;
            png.chunks_mut()
                .retain(|c| !matches!(&c.kind(), b"eXIf" | b"tEXt" | b"iTXt" | b"zTXt"));
            Ok(png.encoder().bytes().to_vec())
        }
        "image/webp" => {
            let mut webp = img_parts::webp::WebP::from_bytes(Bytes::from(bytes)).map_err(bad)?;
            webp.set_exif(None);
            webp.remove_chunks_by_id(*b"XMP ");
            Ok(webp.encoder().bytes().to_vec())
        }
        _ => Ok(bytes),
    }
}

/// Attaches a file to an item the member may edit.
///
/// # Errors
/// `Invalid` naming `file` for an empty, too large, unknown or damaged file, or too many files;
/// `NotFound`/`Forbidden` as for editing.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn attach_file(
    ctx: &Context,
    me: &CurrentMember,
    item: ItemId,
    upload: Upload,
) -> AppResult<AttachmentRecord> {
    let item = editable_item(ctx, me, item).await?;
    let invalid = |key| AppError::Invalid(FieldErrors::single("file", key));
    if upload.bytes.is_empty() {
        return Err(invalid("error-required"));
    }
    if upload.bytes.len() as u64 > ctx.settings.max_upload_bytes {
        return Err(invalid("error-file-too-large"));
    }
    let content_type = allowed_type(&upload.bytes).ok_or_else(|| invalid("error-file-type"))?;
    if ctx.store.count_attachments(item.id).await? >= MAX_FILES {
        return Err(invalid("error-too-many"));
    }
    let bytes = strip_metadata(content_type, upload.bytes).map_err(invalid)?;
    let id = AttachmentId::generate();
    let key = format!("items/{}/{id}", item.id);
    let record = AttachmentRecord {
        id,
        item_id: item.id,
        file_name: clean_file_name(&upload.file_name),
        content_type: content_type.to_owned(),
        size_bytes: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        sha256: Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        storage_key: key.clone(),
        uploaded_by: Some(me.id),
        created_at: ctx.now(),
    };
    ctx.files
        .put(&key, bytes)
        .await
        .map_err(AppError::Unexpected)?;
    if let Err(e) = ctx.store.add_attachment(&record).await {
        let _ = ctx.files.delete(&key).await;
        return Err(e.into());
    }
    tracing::info!(item.id = %item.id, attachment.id = %id, "file attached");
    Ok(record)
}

/// A file of an item the viewer may read.
///
/// # Errors
/// `NotFound` when the viewer may not read the item or there is no such file.
pub async fn download_file(
    ctx: &Context,
    me: Option<&CurrentMember>,
    item: ItemId,
    attachment: &str,
) -> AppResult<FileDownload> {
    let (item, _) = readable_item(ctx, me, item).await?;
    let id: AttachmentId = attachment.parse().map_err(|_| AppError::NotFound)?;
    let record = ctx
        .store
        .get_attachment(item.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let bytes = ctx
        .files
        .get(&record.storage_key)
        .await
        .map_err(AppError::Unexpected)?
        .ok_or(AppError::NotFound)?;
    Ok(FileDownload { record, bytes })
}

/// Removes a file from an item the member may edit.
///
/// # Errors
/// `NotFound` when there is no such file; as for editing otherwise.
#[instrument(skip_all, fields(member.id = %me.id))]
pub async fn remove_file(
    ctx: &Context,
    me: &CurrentMember,
    item: ItemId,
    attachment: &str,
) -> AppResult<()> {
    let item = editable_item(ctx, me, item).await?;
    let id: AttachmentId = attachment.parse().map_err(|_| AppError::NotFound)?;
    let key = match ctx.store.remove_attachment(item.id, id, ctx.now()).await {
        Err(StoreError::NotFound) => return Err(AppError::NotFound),
        other => other?,
    };
    if let Err(e) = ctx.files.delete(&key).await {
        tracing::warn!(error = %e, "a removed file could not be deleted from storage");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_folders_and_tricks() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(
            clean_file_name("C:\\Users\\x\\plan \"v2\".pdf"),
            "plan v2.pdf"
        );
        assert_eq!(clean_file_name("\n"), "file");
        assert_eq!(clean_file_name(".htaccess"), "htaccess");
    }

    /// A one-pixel JPEG whose EXIF segment carries a position, and a comment.
    pub(crate) fn jpeg_with_gps() -> Vec<u8> {
        let mut exif = b"Exif\0\0MM\0*GPS-SECRET-31.95N-35.93E".to_vec();
        let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
        out.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
        out.append(&mut exif);
        out.extend_from_slice(&[0xFF, 0xFE, 0x00, 0x0A]);
        out.extend_from_slice(b"home-addr");
        out.push(0);
        out.extend_from_slice(&[
            0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
        ]);
        out.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
        out.extend_from_slice(&[0x12, 0x34, 0xFF, 0xD9]);
        out
    }

    #[test]
    fn photos_lose_their_position() {
        let photo = jpeg_with_gps();
        assert_eq!(allowed_type(&photo), Some("image/jpeg"));

        let clean = strip_metadata("image/jpeg", photo).unwrap();

        let text = String::from_utf8_lossy(&clean);
        assert!(!text.contains("GPS-SECRET"), "{text}");
        assert!(!text.contains("home-addr"));
        assert!(clean.starts_with(&[0xFF, 0xD8]) && clean.ends_with(&[0xFF, 0xD9]));
    }

    #[test]
    fn a_damaged_photo_is_refused_not_kept() {
        assert_eq!(
            strip_metadata("image/jpeg", vec![0xFF, 0xD8, 0xFF, 0xE1, 0xFF]),
            Err("error-file-damaged")
        );
    }

    #[test]
    fn types_come_from_content_not_names() {
        assert_eq!(allowed_type(b"%PDF-1.7\n..."), Some("application/pdf"));
        assert_eq!(
            allowed_type(b"<!DOCTYPE html><html><script>alert(1)</script>"),
            None
        );
        assert_eq!(allowed_type(b"MZ\x90\x00 a program"), None);
        assert_eq!(allowed_type(b"just some words"), None);
    }
}
