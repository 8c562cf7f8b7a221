//! `GET /openapi.json`: the OpenAPI 3.1 description of this API, compiled
//! in from `schema/openapi.json` so the binary always serves its own.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// The description, byte for byte as in the repository.
pub const DOCUMENT: &str = include_str!("../../schema/openapi.json");

/// It changes only with the binary; an hour of caching is harmless.
const MAX_AGE: &str = "public, max-age=3600";

/// Strong ETag over the document, computed once.
fn etag() -> &'static str {
    static ETAG: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ETAG.get_or_init(|| {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        use base64::Engine;
        let digest = ring::digest::digest(&ring::digest::SHA256, DOCUMENT.as_bytes());
        format!("\"{}\"", URL_SAFE_NO_PAD.encode(&digest.as_ref()[..16]))
    })
}

/// `GET /openapi.json`
pub async fn document(headers: HeaderMap) -> Response {
    let etag = etag();
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|inm| {
            inm.split(',').any(|t| {
                let t = t.trim();
                t == "*" || t.trim_start_matches("W/") == etag
            })
        });
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, "application/json")], DOCUMENT).into_response()
    };
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(etag) {
        h.insert(header::ETAG, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(MAX_AGE));
    response
}
