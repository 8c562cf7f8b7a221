//! `/v1/businesses`: public profiles.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use super::extract::{cached_json, languages, CachePolicy, Path, Query};
use super::{ApiError, AppState};
use crate::model::BusinessId;

const PROFILE_MAX_AGE: u32 = 300;

#[derive(Deserialize)]
pub struct ShowQuery {
    lang: Option<String>,
}

/// `GET /v1/businesses/{id}`
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    // A malformed id names no business: 404, like an unknown one.
    let id = BusinessId::parse(&id).map_err(|_| ApiError::NotFound("business"))?;
    let langs = languages(q.lang.as_deref(), &headers);
    let view = state.service.business(&id, &langs)?;
    Ok(cached_json(
        &headers,
        &view,
        CachePolicy {
            max_age: PROFILE_MAX_AGE,
            vary_language: true,
        },
    ))
}
