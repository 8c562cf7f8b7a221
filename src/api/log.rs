//! `/v1/log`: the transparency log's signed tree head, inclusion and
//! consistency proofs, and pages of entries (RFC 6962 §4 in spirit, JSON,
//! hashes in standard base64).

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{Object, ObjectBuilder, Type};
use utoipa::{IntoParams, ToSchema};

use super::openapi::{BadRequest, NotFound, ServerError, TooManyRequests};
use crate::api::openapi::PublicRead;
use crate::http::extract::{cached_json, CachePolicy, Query};
use crate::http::{blocking, ApiError, AppState};
use crate::translog::entry::Kind;
use crate::translog::{ConsistencyProof, EntryView, InclusionProof, Sth};

/// A tree head grows with every issue: caches may keep one for seconds.
const HEAD_MAX_AGE: u32 = 10;
/// An answer about a tree size the caller named never changes.
const FIXED_MAX_AGE: u32 = 24 * 3600;

fn policy(fixed: bool) -> CachePolicy {
    CachePolicy {
        max_age: if fixed { FIXED_MAX_AGE } else { HEAD_MAX_AGE },
        vary: None,
        stale_if_error: 0,
    }
}

/// The values `flag` accepts, described.
pub(super) fn flag_schema(description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .enum_values(Some(["1", "true", "0", "false", ""]))
        .build()
}

/// Reads an on/off query flag: `1`/`true` or `0`/`false`; absent is off.
pub(super) fn flag(field: &str, value: Option<&str>) -> Result<bool, ApiError> {
    match value {
        None | Some("" | "0" | "false") => Ok(false),
        Some("1" | "true") => Ok(true),
        Some(_) => Err(ApiError::invalid(field, "must be 1, true, 0 or false")),
    }
}

/// Signed tree head
#[utoipa::path(
    get,
    path = "/v1/log/sth",
    operation_id = "logSth",
    tag = "log",
    responses(
        (status = 200, description = "The current tree head", body = Sth),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn sth(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let sth = blocking(&state.service, |s| s.sth()).await?;
    Ok(cached_json(&headers, &sth, policy(false)))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProofQuery {
    /// The attestation serial (jti)
    serial: String,
    /// Prove against this tree size (default: the current one)
    tree_size: Option<u64>,
    /// Which entry of the serial, default issued
    #[param(schema_with = proof_kinds)]
    kind: Option<String>,
}

fn proof_kinds() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some("Which entry of the serial, default issued"))
        .enum_values(Some(["issued", "revoked"]))
        .build()
}

/// Inclusion proof of a serial
#[utoipa::path(
    get,
    path = "/v1/log/proof",
    operation_id = "logProof",
    tag = "log",
    params(ProofQuery),
    responses(
        (status = 200, description = "The proof", body = InclusionProof),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn proof(
    State(state): State<AppState>,
    Query(q): Query<ProofQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let kind = match q.kind.as_deref() {
        None | Some("issued") => Kind::Issued,
        Some("revoked") => Kind::Revoked,
        Some(_) => return Err(ApiError::invalid("kind", "must be issued or revoked")),
    };
    let fixed = q.tree_size.is_some();
    let proof = blocking(&state.service, move |s| {
        s.inclusion(&q.serial, kind, q.tree_size)
    })
    .await?;
    Ok(cached_json(&headers, &proof, policy(fixed)))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConsistencyQuery {
    /// The older tree size
    first: u64,
    /// The newer tree size (default: the current one)
    second: Option<u64>,
}

/// Consistency proof between two tree sizes
#[utoipa::path(
    get,
    path = "/v1/log/consistency",
    operation_id = "logConsistency",
    tag = "log",
    params(ConsistencyQuery),
    responses(
        (status = 200, description = "The proof", body = ConsistencyProof),
        PublicRead,
    ),
)]
pub async fn consistency(
    State(state): State<AppState>,
    Query(q): Query<ConsistencyQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let fixed = q.second.is_some();
    let proof = blocking(&state.service, move |s| s.consistency(q.first, q.second)).await?;
    Ok(cached_json(&headers, &proof, policy(fixed)))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntriesQuery {
    /// Index of the first entry
    start: u64,
    /// Index of the last entry (inclusive)
    end: Option<u64>,
}

/// A page of log entries.
#[derive(Serialize, ToSchema)]
struct LogEntries {
    entries: Vec<EntryView>,
}

/// A page of log entries (end inclusive)
///
/// `end` is inclusive, as in RFC 6962; a page holds at most 1000 entries
/// (ask again from where it stopped).
#[utoipa::path(
    get,
    path = "/v1/log/entries",
    operation_id = "logEntries",
    tag = "log",
    params(EntriesQuery),
    responses(
        (status = 200, description = "The entries", body = LogEntries),
        PublicRead,
    ),
)]
pub async fn entries(
    State(state): State<AppState>,
    Query(q): Query<EntriesQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let entries = blocking(&state.service, move |s| s.log_entries(q.start, q.end)).await?;
    let fixed = q
        .end
        .is_some_and(|end| entries.last().is_some_and(|e| e.index == end));
    Ok(cached_json(
        &headers,
        &LogEntries { entries },
        policy(fixed),
    ))
}
