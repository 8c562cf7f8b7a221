//! `/log/`: the transparency log as C2SP tlog-tiles (the prefix a
//! published copy has under `log/`), so witnesses, monitors and caches
//! read the server and a static copy alike; and `/v1/log/vkeys`, the
//! checkpoint's verifier keys.
//!
//! A full tile never changes: cached for a year, `immutable`. A partial
//! tile (`.p/<W>`) does not change either, but is superseded as the log
//! grows, and the checkpoint moves with every issue: both are cached
//! briefly, as tlog-tiles asks for the checkpoint ("a few seconds").

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::openapi::{
    BadRequest, NotFound, PayloadTooLarge, PublicRead, ServerError, TooManyRequests,
    UnprocessableBody, UnsupportedMediaType,
};
use crate::http::extract::{cached_bytes, CachePolicy, Json, Path};
use crate::http::{blocking, ApiError, AppState};

/// Seconds a checkpoint may be cached.
const CHECKPOINT_MAX_AGE: u32 = 5;
/// Seconds a partial tile may be cached.
const PARTIAL_MAX_AGE: u32 = 60;
/// A full tile: a year, and no revalidation within it.
const FULL_TILE: &str = "public, max-age=31536000, immutable";

/// The signed checkpoint (C2SP tlog-checkpoint)
///
/// A signed note: origin, tree size and base64 root hash, signed with the
/// service's Ed25519 key under the origin as key name (verifier keys:
/// `/v1/log/vkeys`), followed by the witness cosignatures gathered for
/// this very tree, if any.
#[utoipa::path(
    get,
    path = "/log/checkpoint",
    operation_id = "logCheckpoint",
    tag = "log",
    responses(
        (status = 200, description = "The checkpoint", content_type = "text/plain; charset=utf-8", body = String),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn checkpoint(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let bytes = blocking(&state.service, |s| s.checkpoint()).await?;
    Ok(cached_bytes(
        &headers,
        Bytes::from(bytes),
        "text/plain; charset=utf-8",
        CachePolicy {
            max_age: CHECKPOINT_MAX_AGE,
            vary: None,
            stale_if_error: 0,
        },
    ))
}

/// A tile or entry bundle (C2SP tlog-tiles)
///
/// `tile/<L>/<N>[.p/<W>]`: up to 256 hashes of tree level 8·L;
/// `tile/entries/<N>[.p/<W>]`: the entries, each a big-endian u16 length
/// and the bytes hashed into its leaf. `<N>` is in 3-digit groups, all
/// but the last prefixed with `x` (`x001/x234/067`).
#[utoipa::path(
    get,
    path = "/log/tile/{*path}",
    operation_id = "logTile",
    tag = "log",
    params(("*path" = String, Path, description = "The tile's path after `tile/`, slashes included, e.g. `0/x001/234` or `entries/005.p/17`")),
    responses(
        (status = 200, description = "The tile's bytes", content_type = "application/octet-stream", body = Vec<u8>,
            headers(("Cache-Control" = String, description = "A year and immutable for a full tile; a minute for a partial one"))),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn tile(
    State(state): State<AppState>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let path = format!("tile/{path}");
    let (tile, bytes) = blocking(&state.service, move |s| s.log_tile(&path)).await?;
    let mut response = cached_bytes(
        &headers,
        Bytes::from(bytes),
        "application/octet-stream",
        CachePolicy {
            max_age: PARTIAL_MAX_AGE,
            vary: None,
            stale_if_error: 0,
        },
    );
    if tile.is_full() {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(FULL_TILE));
    }
    Ok(response)
}

/// A checkpoint with cosignature lines.
#[derive(serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CosignedCheckpoint {
    /// The signed note, as `/log/checkpoint` serves it, with the
    /// witnesses' signature lines added.
    checkpoint: String,
}

/// How many cosignatures were taken.
#[derive(Serialize, ToSchema)]
struct CosignaturesTaken {
    taken: usize,
}

/// Hand in witness cosignatures (C2SP tlog-cosignature)
///
/// `checkpoint` is a checkpoint of this log (its origin, a size it
/// reached, the root it had) with cosignature lines. Lines by configured witnesses
/// must verify; others are ignored. The cosignatures are served with the
/// checkpoint while it is the current one.
#[utoipa::path(
    post,
    path = "/log/cosignature",
    operation_id = "logCosignature",
    tag = "log",
    request_body = CosignedCheckpoint,
    responses(
        (status = 200, description = "The cosignatures were taken", body = CosignaturesTaken),
        (status = 400, response = BadRequest),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = UnprocessableBody),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn cosignature(
    State(state): State<AppState>,
    Json(body): Json<CosignedCheckpoint>,
) -> Result<Response, ApiError> {
    let taken = blocking(&state.service, move |s| {
        s.add_cosignatures(body.checkpoint.as_bytes())
    })
    .await?;
    Ok(axum::Json(CosignaturesTaken { taken }).into_response())
}

/// The checkpoint's verifier keys.
#[derive(Serialize, ToSchema)]
struct LogKeys {
    /// The checkpoint's origin line, also its signature's key name.
    origin: String,
    /// Signed-note verifier keys (`<name>+<hex key ID>+<base64>`) of the
    /// log: the active signing key first, then older ones.
    vkeys: Vec<String>,
    /// The witnesses whose cosignatures the checkpoint may carry.
    witnesses: Vec<String>,
}

/// The checkpoint's verifier keys
///
/// Also derivable from the JWKS: the Ed25519 key `x` under the key name
/// `origin`, signature type 0x01, as C2SP signed-note describes.
#[utoipa::path(
    get,
    path = "/v1/log/vkeys",
    operation_id = "logVkeys",
    tag = "log",
    responses(
        (status = 200, description = "The keys", body = LogKeys),
        PublicRead,
    ),
)]
pub async fn vkeys(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let keys = blocking(&state.service, |s| {
        Ok(LogKeys {
            origin: s.log_origin().to_owned(),
            vkeys: s.log_vkeys()?.iter().map(ToString::to_string).collect(),
            witnesses: s.log_witnesses().iter().map(ToString::to_string).collect(),
        })
    })
    .await?;
    Ok(crate::http::extract::cached_json(
        &headers,
        &keys,
        CachePolicy {
            max_age: 300,
            vary: None,
            stale_if_error: 0,
        },
    ))
}
