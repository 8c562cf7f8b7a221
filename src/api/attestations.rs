//! Tokens: verify one, list revocations, publish the JWKS.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::numbers::EntryError;
use crate::http::auth::ClientAddr;
use crate::http::extract::{cached_json, CachePolicy, Json, Query};
use crate::http::{blocking, ApiError, AppState};
use crate::phone::Region;
use crate::service::{TokenCheck, VerifyAnswer};

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
pub struct VerifyBatchRequest {
    tokens: Vec<TokenCheck>,
    region: Option<String>,
}

/// One entry of a batch check: the answer, or why its number is not one.
#[derive(Serialize)]
struct VerifyBatchEntry {
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    answer: Option<VerifyAnswer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<EntryError>,
}

/// `POST /v1/attestations/verify/batch`: up to 200 tokens in one request,
/// answered in order. Signature checks are CPU work, so a batch runs on the
/// blocking pool.
pub async fn verify_batch(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    Json(req): Json<VerifyBatchRequest>,
) -> Result<Response, ApiError> {
    // A signature check costs more than a lookup: two tokens a request.
    state.limits.charge_batch(client, req.tokens.len(), 2)?;
    let region = req.region.as_deref().map(Region::parse).transpose()?;
    let checks = req.tokens;
    let answers = blocking(&state.service, move |s| s.verify_many(&checks, region)).await?;
    let results: Vec<VerifyBatchEntry> = answers
        .into_iter()
        .map(|a| match a {
            Ok(answer) => VerifyBatchEntry {
                answer: Some(answer),
                error: None,
            },
            Err(e) => VerifyBatchEntry {
                answer: None,
                error: Some(EntryError::from(&e)),
            },
        })
        .collect();
    Ok(axum::Json(VerifyBatchAnswer { results }).into_response())
}

/// Serialised as it is (no `Value` tree in between): a batch is up to 200
/// answers.
#[derive(Serialize)]
struct VerifyBatchAnswer {
    results: Vec<VerifyBatchEntry>,
}

#[derive(Deserialize)]
pub struct RevocationsQuery {
    since: Option<i64>,
    after: Option<String>,
    limit: Option<usize>,
}

/// `GET /v1/revocations?since=&after=&limit=`: revoked serials, oldest
/// first; `next` (the last serial of a full page) is the `after` of the
/// next page.
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
    let after = q.after;
    let list = blocking(&state.service, move |s| {
        s.revocations(since, after.as_deref(), limit)
    })
    .await?;
    let next = (list.len() == limit).then(|| list.last().map(|r| r.serial.clone()));
    Ok(cached_json(
        &headers,
        &serde_json::json!({ "revocations": list, "next": next.flatten() }),
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
