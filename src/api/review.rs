//! `/v1/review`: the reviewers' queue and decisions (reviewer token).

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::businesses::{parse_number, RegionQuery};
use crate::http::auth::{AdminAuth, ReviewerAuth};
use crate::http::extract::{Json, Path, Query};
use crate::http::{blocking, ApiError, AppState};
use crate::model::BusinessId;
use crate::service::{Service, ServiceError, StatusView};

const MAX_PAGE: usize = 500;

#[derive(Deserialize)]
pub struct Page {
    limit: Option<usize>,
}

/// `GET /v1/review/queue`: oldest first, with evidence and warnings.
pub async fn queue(
    State(state): State<AppState>,
    _: ReviewerAuth,
    Query(q): Query<Page>,
) -> Result<Response, ApiError> {
    let limit = q.limit.unwrap_or(100).clamp(1, MAX_PAGE);
    let items = blocking(&state.service, move |s| s.review_queue(limit)).await?;
    Ok(axum::Json(serde_json::json!({ "queue": items })).into_response())
}

#[derive(Deserialize)]
pub struct Note {
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
pub struct Reason {
    reason: String,
}

fn business_id(id: &str) -> Result<BusinessId, ApiError> {
    BusinessId::parse(id).map_err(|_| ApiError::not_found("business"))
}

/// A reviewer's decision on one business (`approve`, `reject`, `suspend`,
/// `reinstate`: each takes the business, the reviewer and the text they
/// gave), run on the blocking pool; answers the business's new status.
async fn decide(
    state: &AppState,
    id: &str,
    reviewer: String,
    text: String,
    decision: fn(&Service, &BusinessId, &str, &str) -> Result<StatusView, ServiceError>,
) -> Result<Response, ApiError> {
    let id = business_id(id)?;
    let status = blocking(&state.service, move |s| decision(s, &id, &reviewer, &text)).await?;
    Ok(axum::Json(status).into_response())
}

/// `POST /v1/review/{id}/approve`
pub async fn approve(
    State(state): State<AppState>,
    ReviewerAuth(reviewer): ReviewerAuth,
    Path(id): Path<String>,
    Json(req): Json<Note>,
) -> Result<Response, ApiError> {
    decide(&state, &id, reviewer, req.note, Service::approve).await
}

/// `POST /v1/review/{id}/reject`
pub async fn reject(
    State(state): State<AppState>,
    ReviewerAuth(reviewer): ReviewerAuth,
    Path(id): Path<String>,
    Json(req): Json<Reason>,
) -> Result<Response, ApiError> {
    decide(&state, &id, reviewer, req.reason, Service::reject).await
}

/// `POST /v1/review/numbers/{number}/revoke`
pub async fn revoke(
    State(state): State<AppState>,
    ReviewerAuth(reviewer): ReviewerAuth,
    Path(number): Path<String>,
    Query(q): Query<RegionQuery>,
    Json(req): Json<Reason>,
) -> Result<Response, ApiError> {
    decide_number(&state, &number, q.region, move |s, n| {
        s.revoke_number(n, &reviewer, &req.reason)
    })
    .await
}

/// A reviewer's decision on one number, run on the blocking pool; answers
/// the number's public answer afterwards.
async fn decide_number(
    state: &AppState,
    number: &str,
    region: Option<String>,
    decision: impl FnOnce(&Service, &crate::phone::PhoneNumber) -> Result<(), ServiceError>
        + Send
        + 'static,
) -> Result<Response, ApiError> {
    let number = parse_number(&state.service, number, region.as_deref())?;
    let answer = blocking(&state.service, move |s| {
        decision(s, &number)?;
        s.lookup(&number, &[])
    })
    .await?;
    Ok(axum::Json(answer).into_response())
}

/// `POST /v1/review/businesses/{id}/suspend`
pub async fn suspend(
    State(state): State<AppState>,
    ReviewerAuth(reviewer): ReviewerAuth,
    Path(id): Path<String>,
    Json(req): Json<Reason>,
) -> Result<Response, ApiError> {
    decide(&state, &id, reviewer, req.reason, Service::suspend).await
}

/// `POST /v1/review/businesses/{id}/reinstate`
pub async fn reinstate(
    State(state): State<AppState>,
    ReviewerAuth(reviewer): ReviewerAuth,
    Path(id): Path<String>,
    Json(req): Json<Reason>,
) -> Result<Response, ApiError> {
    decide(&state, &id, reviewer, req.reason, Service::reinstate).await
}

/// `POST /v1/review/{id}/dismiss`: a flag is dismissed (the reports stay).
pub async fn dismiss(
    State(state): State<AppState>,
    ReviewerAuth(reviewer): ReviewerAuth,
    Path(id): Path<String>,
    Json(req): Json<Note>,
) -> Result<Response, ApiError> {
    decide(&state, &id, reviewer, req.note, Service::dismiss).await
}

/// What a release or an unlock applies to: one business's hold on or claim
/// to the number, or (without `business`) everyone's.
#[derive(Deserialize)]
pub struct NumberDecision {
    #[serde(default)]
    reason: String,
    business: Option<String>,
}

/// `POST /v1/review/numbers/{number}/release`: frees a number; a reviewed
/// business that proved it too takes it over. Answers its public answer.
pub async fn release(
    State(state): State<AppState>,
    ReviewerAuth(reviewer): ReviewerAuth,
    Path(number): Path<String>,
    Query(q): Query<RegionQuery>,
    Json(req): Json<NumberDecision>,
) -> Result<Response, ApiError> {
    let business = req.business.as_deref().map(business_id).transpose()?;
    decide_number(&state, &number, q.region, move |s, n| {
        s.release_number(n, business.as_ref(), &reviewer, &req.reason)
    })
    .await
}

/// `POST /v1/review/numbers/{number}/unlock`: lifts the code lock of a
/// number (for one business, or all that claim it).
pub async fn unlock(
    State(state): State<AppState>,
    ReviewerAuth(reviewer): ReviewerAuth,
    Path(number): Path<String>,
    Query(q): Query<RegionQuery>,
    Json(req): Json<NumberDecision>,
) -> Result<Response, ApiError> {
    let number = parse_number(&state.service, &number, q.region.as_deref())?;
    let business = req.business.as_deref().map(business_id).transpose()?;
    let unlocked = blocking(&state.service, move |s| {
        s.unlock_number(&number, business.as_ref(), &reviewer)
    })
    .await?;
    Ok(axum::Json(serde_json::json!({ "unlocked": unlocked })).into_response())
}

#[derive(Deserialize)]
pub struct AuditQuery {
    business: Option<String>,
    limit: Option<usize>,
}

/// `GET /v1/review/audit?business=`
pub async fn audit(
    State(state): State<AppState>,
    _: ReviewerAuth,
    Query(q): Query<AuditQuery>,
) -> Result<Response, ApiError> {
    let business = q.business.as_deref().map(business_id).transpose()?;
    let limit = q.limit.unwrap_or(MAX_PAGE).clamp(1, MAX_PAGE);
    let entries = blocking(&state.service, move |s| {
        s.audit_trail(business.as_ref(), limit)
    })
    .await?;
    Ok(axum::Json(serde_json::json!({ "entries": entries })).into_response())
}

/// `POST /v1/review/keys/rotate`
pub async fn rotate_key(
    State(state): State<AppState>,
    AdminAuth(reviewer): AdminAuth,
) -> Result<Response, ApiError> {
    let kid = blocking(&state.service, move |s| s.rotate_key_by(&reviewer)).await?;
    Ok(axum::Json(serde_json::json!({ "kid": kid })).into_response())
}

/// `GET /v1/review/outbox`: the log sender's recent one-time codes.
pub async fn outbox(State(state): State<AppState>, _: ReviewerAuth) -> Response {
    axum::Json(serde_json::json!({ "codes": state.service.outbox() })).into_response()
}

/// `GET /v1/review/backup`: a consistent copy of the database, streamed.
/// The copy is made to a temporary file under the data dir (writers wait
/// only for that local copy), unlinked at once, and streamed from its open
/// handle, so nothing is left behind whatever happens to the download.
pub async fn backup(
    State(state): State<AppState>,
    AdminAuth(reviewer): AdminAuth,
) -> Result<Response, ApiError> {
    let file = blocking(&state.service, move |s| {
        let tmp = s
            .config()
            .data_dir
            .join(format!("backup-{}.tmp", crate::model::new_serial()));
        let result = s.backup(&tmp).and_then(|bytes| {
            let file = std::fs::File::open(&tmp).map_err(|e| {
                crate::store::StoreError::Unavailable(format!("reopen {}: {e}", tmp.display()))
            })?;
            Ok((file, bytes))
        });
        let _ = std::fs::remove_file(&tmp);
        tracing::info!(%reviewer, "database backup streamed");
        result
    })
    .await?;
    let (file, bytes) = file;
    let stream = tokio_util::io::ReaderStream::new(tokio::fs::File::from_std(file));
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/octet-stream".to_owned(),
            ),
            (axum::http::header::CONTENT_LENGTH, bytes.to_string()),
            (axum::http::header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        axum::body::Body::from_stream(stream),
    )
        .into_response())
}
