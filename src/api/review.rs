//! `/v1/review`: the reviewers' queue and decisions (reviewer token).

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::businesses::{parse_number, RegionQuery};
use super::openapi::{BadRequest, Forbidden, NotFound, ServerError, TooManyRequests, Unauthorized};
use crate::api::openapi::JsonWrite;
use crate::http::auth::{AdminAuth, ReviewerAuth};
use crate::http::extract::{Json, Path, Query};
use crate::http::{blocking, ApiError, AppState};
use crate::model::{AuditEntry, BusinessId};
use crate::service::sender::OutgoingCode;
use crate::service::{NumberAnswer, QueueItem, Service, ServiceError, StatusView};

const MAX_PAGE: usize = 500;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// Clamped to 1..500, default 100
    limit: Option<usize>,
}

/// The businesses waiting for a decision, oldest first.
#[derive(Serialize, ToSchema)]
struct Queue {
    queue: Vec<QueueItem>,
}

/// Submissions, oldest first
///
/// Each with the evidence and warnings a reviewer needs.
#[utoipa::path(
    get,
    path = "/v1/review/queue",
    operation_id = "reviewQueue",
    tag = "review",
    security(("reviewerToken" = [])),
    params(Page),
    responses(
        (status = 200, description = "The queue", body = Queue),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn queue(
    State(state): State<AppState>,
    _: ReviewerAuth,
    Query(q): Query<Page>,
) -> Result<Response, ApiError> {
    let limit = q.limit.unwrap_or(100).clamp(1, MAX_PAGE);
    let items = blocking(&state.service, move |s| s.review_queue(limit)).await?;
    Ok(axum::Json(Queue { queue: items }).into_response())
}

/// A reviewer's note on a decision (optional).
#[derive(Deserialize, ToSchema)]
pub struct Note {
    #[serde(default)]
    note: String,
}

/// Why a reviewer decided so.
#[derive(Deserialize, ToSchema)]
pub struct Reason {
    /// 1-1000 characters, not only spaces
    #[schema(min_length = 1, max_length = 1000, pattern = "\\S")]
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

/// Approve a submission or a pending edit (never a flag)
#[utoipa::path(
    post,
    path = "/v1/review/{id}/approve",
    operation_id = "approveBusiness",
    tag = "review",
    security(("reviewerToken" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    request_body = Note,
    responses(
        (status = 200, description = "The business's new status", body = StatusView),
        JsonWrite,
    ),
)]
pub async fn approve(
    State(state): State<AppState>,
    ReviewerAuth(reviewer): ReviewerAuth,
    Path(id): Path<String>,
    Json(req): Json<Note>,
) -> Result<Response, ApiError> {
    decide(&state, &id, reviewer, req.note, Service::approve).await
}

/// Reject a submission
#[utoipa::path(
    post,
    path = "/v1/review/{id}/reject",
    operation_id = "rejectBusiness",
    tag = "review",
    security(("reviewerToken" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    request_body = Reason,
    responses(
        (status = 200, description = "The business's new status", body = StatusView),
        JsonWrite,
    ),
)]
pub async fn reject(
    State(state): State<AppState>,
    ReviewerAuth(reviewer): ReviewerAuth,
    Path(id): Path<String>,
    Json(req): Json<Reason>,
) -> Result<Response, ApiError> {
    decide(&state, &id, reviewer, req.reason, Service::reject).await
}

/// Revoke a number's attestation
#[utoipa::path(
    post,
    path = "/v1/review/numbers/{number}/revoke",
    operation_id = "revokeNumber",
    tag = "review",
    security(("reviewerToken" = [])),
    params(("number" = String, Path, description = "Phone number, E.164 or national with region"), RegionQuery),
    request_body = Reason,
    responses(
        (status = 200, description = "The number's public answer afterwards", body = NumberAnswer),
        JsonWrite,
    ),
)]
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

/// Suspend a business
#[utoipa::path(
    post,
    path = "/v1/review/businesses/{id}/suspend",
    operation_id = "suspendBusiness",
    tag = "review",
    security(("reviewerToken" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    request_body = Reason,
    responses(
        (status = 200, description = "The business's new status", body = StatusView),
        JsonWrite,
    ),
)]
pub async fn suspend(
    State(state): State<AppState>,
    ReviewerAuth(reviewer): ReviewerAuth,
    Path(id): Path<String>,
    Json(req): Json<Reason>,
) -> Result<Response, ApiError> {
    decide(&state, &id, reviewer, req.reason, Service::suspend).await
}

/// Reinstate a suspended business
#[utoipa::path(
    post,
    path = "/v1/review/businesses/{id}/reinstate",
    operation_id = "reinstateBusiness",
    tag = "review",
    security(("reviewerToken" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    request_body = Reason,
    responses(
        (status = 200, description = "The business's new status", body = StatusView),
        JsonWrite,
    ),
)]
pub async fn reinstate(
    State(state): State<AppState>,
    ReviewerAuth(reviewer): ReviewerAuth,
    Path(id): Path<String>,
    Json(req): Json<Reason>,
) -> Result<Response, ApiError> {
    decide(&state, &id, reviewer, req.reason, Service::reinstate).await
}

/// Dismiss a flag (the reports stay)
#[utoipa::path(
    post,
    path = "/v1/review/{id}/dismiss",
    operation_id = "dismissFlag",
    tag = "review",
    security(("reviewerToken" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    request_body = Note,
    responses(
        (status = 200, description = "The business's new status", body = StatusView),
        JsonWrite,
    ),
)]
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
#[derive(Deserialize, ToSchema)]
pub struct NumberDecision {
    #[serde(default)]
    #[schema(max_length = 1000)]
    reason: String,
    /// A business id (b_...)
    business: Option<String>,
}

/// Free a number from one business or from all; a reviewed business that proved it too takes it over
#[utoipa::path(
    post,
    path = "/v1/review/numbers/{number}/release",
    operation_id = "releaseNumber",
    tag = "review",
    security(("reviewerToken" = [])),
    params(("number" = String, Path, description = "Phone number, E.164 or national with region"), RegionQuery),
    request_body = NumberDecision,
    responses(
        (status = 200, description = "The number's public answer afterwards", body = NumberAnswer),
        JsonWrite,
    ),
)]
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

/// How many code locks were lifted.
#[derive(Serialize, ToSchema)]
struct Unlocked {
    unlocked: u32,
}

/// Lift the code lock of a number (one business, or all that claim it)
#[utoipa::path(
    post,
    path = "/v1/review/numbers/{number}/unlock",
    operation_id = "unlockNumber",
    tag = "review",
    security(("reviewerToken" = [])),
    params(("number" = String, Path, description = "Phone number, E.164 or national with region"), RegionQuery),
    request_body = NumberDecision,
    responses(
        (status = 200, description = "How many locks were lifted", body = Unlocked),
        JsonWrite,
    ),
)]
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
    Ok(axum::Json(Unlocked { unlocked }).into_response())
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only this business
    business: Option<String>,
    /// Clamped to 1..500
    limit: Option<usize>,
}

/// The audit trail, newest first.
#[derive(Serialize, ToSchema)]
struct AuditTrail {
    entries: Vec<AuditEntry>,
}

/// Audit trail
#[utoipa::path(
    get,
    path = "/v1/review/audit",
    operation_id = "auditTrail",
    tag = "review",
    security(("reviewerToken" = [])),
    params(AuditQuery),
    responses(
        (status = 200, description = "The trail", body = AuditTrail),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
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
    Ok(axum::Json(AuditTrail { entries }).into_response())
}

/// The new signing key.
#[derive(Serialize, ToSchema)]
struct RotatedKey {
    kid: String,
}

/// New active signing key
///
/// Needs an admin reviewer.
#[utoipa::path(
    post,
    path = "/v1/review/keys/rotate",
    operation_id = "rotateKey",
    tag = "review",
    security(("reviewerToken" = [])),
    responses(
        (status = 200, description = "The new key's id", body = RotatedKey),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn rotate_key(
    State(state): State<AppState>,
    AdminAuth(reviewer): AdminAuth,
) -> Result<Response, ApiError> {
    let kid = blocking(&state.service, move |s| s.rotate_key_by(&reviewer)).await?;
    Ok(axum::Json(RotatedKey { kid }).into_response())
}

/// The log sender's recent one-time codes.
#[derive(Serialize, ToSchema)]
struct Outbox {
    codes: Vec<OutgoingCode>,
}

/// One-time codes handed to the log sender
#[utoipa::path(
    get,
    path = "/v1/review/outbox",
    operation_id = "outbox",
    tag = "review",
    security(("reviewerToken" = [])),
    responses(
        (status = 200, description = "The recent codes", body = Outbox),
        (status = 401, response = Unauthorized),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn outbox(State(state): State<AppState>, _: ReviewerAuth) -> Response {
    axum::Json(Outbox {
        codes: state.service.outbox(),
    })
    .into_response()
}

/// Consistent copy of the database
///
/// Needs an admin reviewer. The answer is the redb file, streamed.
// The copy is made to a temporary file under the data dir (writers wait
// only for that local copy), unlinked at once, and streamed from its open
// handle, so nothing is left behind whatever happens to the download.
#[utoipa::path(
    get,
    path = "/v1/review/backup",
    operation_id = "backup",
    tag = "review",
    security(("reviewerToken" = [])),
    responses(
        (status = 200, description = "The database file", body = String,
            content_type = "application/octet-stream"),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
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
