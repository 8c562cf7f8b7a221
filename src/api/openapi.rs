//! `GET /openapi.json`: the OpenAPI 3.1 description of this API, compiled
//! in from `schema/openapi.json` so the binary always serves its own.

use axum::body::Bytes;
use axum::http::HeaderMap;
use axum::response::Response;

use crate::http::extract::{cached_bytes, CachePolicy};

/// The description, byte for byte as in the repository.
pub const DOCUMENT: &str = include_str!("../../schema/openapi.json");

/// It changes only with the binary; an hour of caching is harmless.
const MAX_AGE: u32 = 3600;

/// `GET /openapi.json`
pub async fn document(headers: HeaderMap) -> Response {
    cached_bytes(
        &headers,
        Bytes::from_static(DOCUMENT.as_bytes()),
        "application/json",
        CachePolicy {
            max_age: MAX_AGE,
            vary: None,
        },
    )
}
