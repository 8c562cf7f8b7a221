//! Tokens: verify one, list revocations, publish the JWKS.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::extract::{cached_json, CachePolicy, Json, Query};
use super::{blocking, ApiError, AppState};
use crate::phone::Region;

/// Keys change rarely and a retired key stays published for a token's life,
/// so five minutes of caching delays nothing that matters.
const JWKS_MAX_AGE: u32 = 300;
const REVOCATIONS_MAX_AGE: u32 = 60;
const MAX_REVOCATIONS_PAGE: usize = 1000;

#[derive(Deserialize)]
pub struct VerifyRequest {
    token: String,
    number: Option<String>,
    region: Option<String>,
}

/// `POST /v1/attestations/verify`
pub async fn verify(
    State(state): State<AppState>,
    Json(req): Json<VerifyRequest>,
) -> Result<Response, ApiError> {
    let region = req.region.as_deref().map(Region::parse).transpose()?;
    let answer = state
        .service
        .verify_token_typed(&req.token, req.number.as_deref(), region)?;
    Ok(axum::Json(answer).into_response())
}

#[derive(Deserialize)]
pub struct RevocationsQuery {
    since: Option<i64>,
    limit: Option<usize>,
}

/// `GET /v1/revocations?since=&limit=`: revoked serials, oldest first.
pub async fn revocations(
    State(state): State<AppState>,
    Query(q): Query<RevocationsQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let since = q.since.unwrap_or(0);
    let limit = q
        .limit
        .unwrap_or(MAX_REVOCATIONS_PAGE)
        .clamp(1, MAX_REVOCATIONS_PAGE);
    let list = blocking(&state.service, move |s| s.revocations(since, limit)).await?;
    Ok(cached_json(
        &headers,
        &serde_json::json!({ "revocations": list }),
        CachePolicy {
            max_age: REVOCATIONS_MAX_AGE,
            vary: None,
        },
    ))
}

/// `GET /.well-known/jwks.json`
pub async fn jwks(State(state): State<AppState>, headers: HeaderMap) -> Response {
    cached_json(
        &headers,
        &state.service.jwks(),
        CachePolicy {
            max_age: JWKS_MAX_AGE,
            vary: None,
        },
    )
}
