//! Tokens: verify one, list revocations, publish the JWKS.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::numbers::EntryError;
use super::openapi::{ServerError, TooManyRequests};
use crate::api::openapi::{PublicBody, PublicRead};
use crate::http::auth::ClientAddr;
use crate::http::extract::{cached_json, CachePolicy, Json, Query};
use crate::http::{blocking, ApiError, AppState};
use crate::model::Revocation;
use crate::phone::Region;
use crate::service::{TokenCheck, VerifyAnswer};

/// Keys change rarely and a retired key stays published for a token's life,
/// so five minutes of caching delays nothing that matters.
const JWKS_MAX_AGE: u32 = 300;
const REVOCATIONS_MAX_AGE: u32 = 60;
const MAX_REVOCATIONS_PAGE: usize = 1000;

/// A token to check, and optionally the number it was presented for.
#[derive(Deserialize, ToSchema)]
pub struct VerifyRequest {
    token: String,
    number: Option<String>,
    region: Option<String>,
}

/// Verify an attestation token
#[utoipa::path(
    post,
    path = "/v1/attestations/verify",
    operation_id = "verifyAttestation",
    tag = "public",
    request_body = VerifyRequest,
    responses(
        (status = 200, description = "The check's answer (an invalid token is a normal 200)",
            body = VerifyAnswer),
        PublicBody,
    ),
)]
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

/// Tokens to check, each with the number it was presented for.
#[derive(Deserialize, ToSchema)]
pub struct VerifyBatchRequest {
    #[schema(max_items = 200)]
    tokens: Vec<TokenCheck>,
    /// ISO 3166-1 alpha-2 region for national-format numbers
    region: Option<String>,
}

/// One entry per token, in order: the check's answer, or an error when its
/// number is not a phone number.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
enum VerifyBatchEntry {
    Answer(VerifyAnswer),
    Error { error: EntryError },
}

/// Verify up to 200 attestation tokens, answered in order
// Signature checks are CPU work, so a batch runs on the blocking pool.
#[utoipa::path(
    post,
    path = "/v1/attestations/verify/batch",
    operation_id = "verifyAttestations",
    tag = "public",
    request_body = VerifyBatchRequest,
    responses(
        (status = 200, description = "One answer per token, in order", body = VerifyBatchAnswer),
        PublicBody,
    ),
)]
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
            Ok(answer) => VerifyBatchEntry::Answer(answer),
            Err(e) => VerifyBatchEntry::Error {
                error: EntryError::from(&e),
            },
        })
        .collect();
    Ok(axum::Json(VerifyBatchAnswer { results }).into_response())
}

/// Serialised as it is (no `Value` tree in between): a batch is up to 200
/// answers.
#[derive(Serialize, ToSchema)]
struct VerifyBatchAnswer {
    results: Vec<VerifyBatchEntry>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RevocationsQuery {
    /// Only revocations at or after this time (seconds)
    since: Option<i64>,
    /// Continue after this serial (the previous page's `next`)
    after: Option<String>,
    /// Page size, clamped to 1..1000
    limit: Option<usize>,
}

/// A page of revocations, oldest first.
#[derive(Serialize, ToSchema)]
struct RevocationList {
    revocations: Vec<Revocation>,
    /// The last serial of a full page: pass it as `after` for the next
    /// page; null on the last page.
    next: Option<String>,
}

/// Revoked serials, oldest first
///
/// `next` (the last serial of a full page) is the `after` of the next page.
#[utoipa::path(
    get,
    path = "/v1/revocations",
    operation_id = "listRevocations",
    tag = "public",
    params(RevocationsQuery),
    responses(
        (status = 200, description = "A page of revocations", body = RevocationList),
        PublicRead,
    ),
)]
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
        &RevocationList {
            revocations: list,
            next: next.flatten(),
        },
        CachePolicy {
            max_age: REVOCATIONS_MAX_AGE,
            vary: None,
            stale_if_error: 0,
        },
    ))
}

/// The published Ed25519 verification keys (RFC 7517). The service builds
/// the set as JSON (`Keyring::jwks`); this type only describes it.
#[derive(ToSchema)]
#[schema(as = JWKS)]
#[allow(dead_code)]
struct Jwks {
    keys: Vec<Jwk>,
}

/// One verification key.
#[derive(ToSchema)]
#[schema(as = JWK)]
#[allow(dead_code)]
struct Jwk {
    #[schema(example = "OKP")]
    kty: String,
    #[schema(example = "Ed25519")]
    crv: String,
    /// The public key, base64url
    x: String,
    kid: String,
    #[schema(rename = "use", example = "sig")]
    use_: String,
    #[schema(example = "EdDSA")]
    alg: String,
}

/// Verification keys (RFC 7517)
#[utoipa::path(
    get,
    path = "/.well-known/jwks.json",
    operation_id = "jwks",
    tag = "public",
    responses(
        (status = 200, description = "The key set", body = Jwks),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn jwks(State(state): State<AppState>, headers: HeaderMap) -> Response {
    cached_json(
        &headers,
        &state.service.jwks(),
        CachePolicy {
            max_age: JWKS_MAX_AGE,
            vary: None,
            stale_if_error: 0,
        },
    )
}
