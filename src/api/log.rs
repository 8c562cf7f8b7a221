//! `/v1/log`: the transparency log's signed tree head, inclusion and
//! consistency proofs, and pages of entries (RFC 6962 §4 in spirit, JSON,
//! hashes in standard base64).

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use crate::http::extract::{cached_json, CachePolicy, Query};
use crate::http::{blocking, ApiError, AppState};
use crate::translog::entry::Kind;

/// A tree head grows with every issue: caches may keep one for seconds.
const HEAD_MAX_AGE: u32 = 10;
/// An answer about a tree size the caller named never changes.
const FIXED_MAX_AGE: u32 = 24 * 3600;

fn policy(fixed: bool) -> CachePolicy {
    CachePolicy {
        max_age: if fixed { FIXED_MAX_AGE } else { HEAD_MAX_AGE },
        vary: None,
    }
}

/// Reads an on/off query flag: `1`/`true` or `0`/`false`; absent is off.
pub(super) fn flag(field: &str, value: Option<&str>) -> Result<bool, ApiError> {
    match value {
        None | Some("" | "0" | "false") => Ok(false),
        Some("1" | "true") => Ok(true),
        Some(_) => Err(ApiError::invalid(field, "must be 1, true, 0 or false")),
    }
}

/// `GET /v1/log/sth`
pub async fn sth(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let sth = blocking(&state.service, |s| s.sth()).await?;
    Ok(cached_json(&headers, &sth, policy(false)))
}

#[derive(Deserialize)]
pub struct ProofQuery {
    serial: String,
    tree_size: Option<u64>,
    /// `issued` (default) or `revoked`: which entry of the serial to prove.
    kind: Option<String>,
}

/// `GET /v1/log/proof?serial=JTI[&tree_size=N][&kind=revoked]`
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

#[derive(Deserialize)]
pub struct ConsistencyQuery {
    first: u64,
    second: Option<u64>,
}

/// `GET /v1/log/consistency?first=M[&second=N]`
pub async fn consistency(
    State(state): State<AppState>,
    Query(q): Query<ConsistencyQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let fixed = q.second.is_some();
    let proof = blocking(&state.service, move |s| s.consistency(q.first, q.second)).await?;
    Ok(cached_json(&headers, &proof, policy(fixed)))
}

#[derive(Deserialize)]
pub struct EntriesQuery {
    start: u64,
    end: Option<u64>,
}

/// `GET /v1/log/entries?start=&end=`: `end` inclusive, as in RFC 6962;
/// a page holds at most `MAX_ENTRIES_PAGE` entries.
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
        &serde_json::json!({ "entries": entries }),
        policy(fixed),
    ))
}
