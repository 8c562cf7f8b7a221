//! `GET /logos/{sha256}.{ext}`: the logos bizseal fetched at approval,
//! served by their hash, so a client never fetches a URL a business
//! controls and can check the bytes against the profile's `integrity` and
//! the token's `rcdi`.
//!
//! A name is its content, so an answer never changes: cached for a year
//! and `immutable`, with the hash as its strong `ETag`. The bytes were
//! sniffed as PNG, JPEG or WebP when fetched and go out as that type with
//! `nosniff` and a `default-src 'none'` policy, so even a browser that
//! opens one directly runs nothing in it.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;

use crate::api::openapi::{BadRequest, NotFound, ServerError, TooManyRequests};
use crate::http::extract::{tagged_bytes, CachePolicy, Path};
use crate::http::{blocking, ApiError, AppState};
use crate::logo::parse_file_name;

/// A year, the customary longest lifetime (RFC 2616 asked that `Expires`
/// be no further away); `immutable` (RFC 8246) says not to revalidate
/// within it.
const CACHE_CONTROL: &str = "public, max-age=31536000, immutable";

/// A logo, by the SHA-256 of its bytes
///
/// The `url` of a profile's or a lookup answer's `logo`. The bytes hash to
/// the name (and to the `integrity` beside it, and the token's `rcdi`).
#[utoipa::path(
    get,
    path = "/logos/{file}",
    operation_id = "logo",
    tag = "public",
    params(("file" = String, Path, pattern = "^[0-9a-f]{64}\\.(png|jpg|webp)$",
        description = "The SHA-256 of the bytes in lowercase hex, and the image's extension")),
    responses(
        (status = 200, description = "The image, immutable",
            content(("image/png"), ("image/jpeg"), ("image/webp")),
            headers(
                ("ETag" = String, description = "The SHA-256 in hex, quoted (strong)"),
                ("Cache-Control" = String, description = "public, max-age=31536000, immutable"),
                ("Content-Security-Policy" = String, description = "default-src 'none'"),
            ),
        ),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn show(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (sha256, media_type) =
        parse_file_name(&file).map_err(|e| ApiError::invalid("file", e.to_string()))?;
    // Up to 256 KiB from the file: off the async workers.
    let bytes = blocking(&state.service, move |s| s.logo(&sha256, media_type))
        .await?
        .ok_or_else(|| ApiError::not_found("logo"))?;
    let hex = file.split_once('.').map_or("", |(hex, _)| hex);
    let mut response = tagged_bytes(
        &headers,
        Bytes::from(bytes),
        &format!("\"{hex}\""),
        media_type.as_str(),
        CachePolicy {
            max_age: 0,
            vary: None,
            stale_if_error: 0,
        },
    );
    let h = response.headers_mut();
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    Ok(response)
}
