//! `/v1/businesses`: public profiles, and the owner's verification steps
//! (registration, numbers, domain, submission, status) behind its API key.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::openapi::{
    BadRequest, Conflict, NotFound, PayloadTooLarge, ServerError, TooManyRequests, Unauthorized,
    UnprocessableBody, UnsupportedMediaType,
};

use crate::api::openapi::{Action, JsonWrite};
use crate::http::auth::{BusinessAuth, ClientAddr};
use crate::http::extract::{cached_json, languages, CachePolicy, Json, Path, Query};
use crate::http::{blocking, ApiError, AppState};
use crate::model::BusinessId;
use crate::phone::{PhoneNumber, Region};
use crate::service::{
    BusinessView, CodeSent, DomainChallenge, DomainCheck, EditOutcome, OwnNumber, ProfileInput,
    ProfilePatch, Registered, Service, StatusView,
};

const PROFILE_MAX_AGE: u32 = 300;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ShowQuery {
    /// Comma-separated BCP 47 tags; wins over Accept-Language
    lang: Option<String>,
}

/// Public profile
#[utoipa::path(
    get,
    path = "/v1/businesses/{id}",
    operation_id = "showBusiness",
    tag = "public",
    params(("id" = String, Path, description = "Business id (b_...)"), ShowQuery),
    responses(
        (status = 200, description = "The profile", body = BusinessView),
        (status = 404, response = NotFound),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    // A malformed id names no business: 404, like an unknown one.
    let id = BusinessId::parse(&id).map_err(|_| ApiError::not_found("business"))?;
    let langs = languages(q.lang.as_deref(), &headers);
    let view = state.service.business(&id, &langs)?;
    Ok(cached_json(
        &headers,
        &view,
        CachePolicy {
            max_age: PROFILE_MAX_AGE,
            vary: Some("Accept-Language"),
            stale_if_error: 0,
        },
    ))
}

/// Register a business profile
///
/// The answer holds the business's API key, shown this once.
#[utoipa::path(
    post,
    path = "/v1/businesses",
    operation_id = "registerBusiness",
    tag = "business",
    request_body = ProfileInput,
    responses(
        (status = 201, description = "Registered; the API key is shown once", body = Registered),
        (status = 400, response = BadRequest),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = UnprocessableBody),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn register(
    State(state): State<AppState>,
    Json(input): Json<ProfileInput>,
) -> Result<Response, ApiError> {
    let registered = blocking(&state.service, move |s| s.register(input)).await?;
    Ok((StatusCode::CREATED, axum::Json(registered)).into_response())
}

/// Edit the profile
///
/// Absent fields stay as they are. An edit of a reviewed business's public
/// fields waits for review (202); the public sees the last reviewed version
/// until then.
#[utoipa::path(
    patch,
    path = "/v1/businesses/{id}",
    operation_id = "editBusiness",
    tag = "business",
    security(("businessKey" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    request_body = ProfilePatch,
    responses(
        (status = 200, description = "Edited", body = EditOutcome),
        (status = 202, description = "Edited; a verified business's public edit waits for review",
            body = EditOutcome),
        JsonWrite,
    ),
)]
pub async fn edit(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path(id): Path<String>,
    Json(patch): Json<ProfilePatch>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let outcome = blocking(&state.service, move |s| s.edit(&id, patch)).await?;
    let status = if outcome.edit_pending {
        StatusCode::ACCEPTED
    } else {
        StatusCode::OK
    };
    Ok((status, axum::Json(outcome)).into_response())
}

/// Delete the business; every live token of its numbers is revoked
///
/// The tokens are revoked with reason `deleted`.
#[utoipa::path(
    delete,
    path = "/v1/businesses/{id}",
    operation_id = "deleteBusiness",
    tag = "business",
    security(("businessKey" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn delete(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    blocking(&state.service, move |s| s.delete_business(&id)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A business's new API key, shown this once.
#[derive(Serialize, ToSchema)]
pub struct NewApiKey {
    /// The new key; the old one stopped working in the same write
    api_key: String,
}

/// Replace the API key
///
/// The key this request is made with stops working at once; the answer
/// holds the new one, shown this once.
#[utoipa::path(
    post,
    path = "/v1/businesses/{id}/key",
    operation_id = "rotateBusinessKey",
    tag = "business",
    security(("businessKey" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    responses(
        (status = 200, description = "The new API key", body = NewApiKey),
        Action,
    ),
)]
pub async fn rotate_key(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let current = *auth.key_hash();
    let api_key = blocking(&state.service, move |s| s.rotate_api_key(&id, &current)).await?;
    // A secret: no cache anywhere may keep it.
    let no_store = [(axum::http::header::CACHE_CONTROL, "no-store")];
    Ok((no_store, axum::Json(NewApiKey { api_key })).into_response())
}

/// A number the business says is its own.
#[derive(Deserialize, ToSchema)]
pub struct AddNumber {
    number: String,
    /// ISO 3166-1 alpha-2 region for a national-format number
    region: Option<String>,
}

/// Add a number; a one-time code is sent
#[utoipa::path(
    post,
    path = "/v1/businesses/{id}/numbers",
    operation_id = "addNumber",
    tag = "business",
    security(("businessKey" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    request_body = AddNumber,
    responses(
        (status = 202, description = "Code sent", body = CodeSent),
        JsonWrite,
    ),
)]
pub async fn add_number(
    State(state): State<AppState>,
    auth: BusinessAuth,
    ClientAddr(client): ClientAddr,
    Path(id): Path<String>,
    Json(req): Json<AddNumber>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let number = parse_number(&state.service, &req.number, req.region.as_deref())?;
    let sent = blocking(&state.service, move |s| {
        s.request_code(&id, &number, client)
    })
    .await?;
    Ok((StatusCode::ACCEPTED, axum::Json(sent)).into_response())
}

/// The one-time code sent to the number.
#[derive(Deserialize, ToSchema)]
pub struct Confirm {
    /// The 6-digit one-time code
    code: String,
}

/// `?region=XX` for a number in national format in the path.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegionQuery {
    /// ISO 3166-1 alpha-2 region for a national-format number
    pub(super) region: Option<String>,
}

/// Confirm a number with its one-time code
#[utoipa::path(
    post,
    path = "/v1/businesses/{id}/numbers/{number}/confirm",
    operation_id = "confirmNumber",
    tag = "business",
    security(("businessKey" = [])),
    params(
        ("id" = String, Path, description = "Business id (b_...)"),
        ("number" = String, Path, description = "Phone number, E.164 or national with region"),
        RegionQuery,
    ),
    request_body = Confirm,
    responses(
        (status = 200, description = "The number, proven", body = OwnNumber),
        JsonWrite,
    ),
)]
pub async fn confirm_number(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path((id, number)): Path<(String, String)>,
    Query(q): Query<RegionQuery>,
    Json(req): Json<Confirm>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let number = parse_number(&state.service, &number, q.region.as_deref())?;
    let proven = blocking(&state.service, move |s| {
        s.confirm_code(&id, &number, req.code.trim())
    })
    .await?;
    Ok(axum::Json(proven).into_response())
}

/// Remove a number (its attestation is revoked)
#[utoipa::path(
    delete,
    path = "/v1/businesses/{id}/numbers/{number}",
    operation_id = "removeNumber",
    tag = "business",
    security(("businessKey" = [])),
    params(
        ("id" = String, Path, description = "Business id (b_...)"),
        ("number" = String, Path, description = "Phone number, E.164 or national with region"),
        RegionQuery,
    ),
    responses(
        (status = 204, description = "Removed"),
        Action,
    ),
)]
pub async fn remove_number(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path((id, number)): Path<(String, String)>,
    Query(q): Query<RegionQuery>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let number = parse_number(&state.service, &number, q.region.as_deref())?;
    blocking(&state.service, move |s| s.remove_number(&id, &number)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The business's web domain.
#[derive(Deserialize, ToSchema)]
pub struct StartDomain {
    domain: String,
}

/// Start a domain challenge
///
/// The answer says where to publish the challenge token.
#[utoipa::path(
    post,
    path = "/v1/businesses/{id}/domain",
    operation_id = "startDomain",
    tag = "business",
    security(("businessKey" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    request_body = StartDomain,
    responses(
        (status = 200, description = "The challenge", body = DomainChallenge),
        JsonWrite,
    ),
)]
pub async fn start_domain(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path(id): Path<String>,
    Json(req): Json<StartDomain>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let challenge = blocking(&state.service, move |s| s.start_domain(&id, &req.domain)).await?;
    Ok(axum::Json(challenge).into_response())
}

/// Check the domain challenge
///
/// Looks for the token as a DNS TXT record at `dns_name`, then at
/// `http_url`; either proves the domain. The answer says which proof held,
/// or why each failed.
#[utoipa::path(
    post,
    path = "/v1/businesses/{id}/domain/check",
    operation_id = "checkDomain",
    tag = "business",
    security(("businessKey" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    responses(
        (status = 200, description = "The outcome of the check", body = DomainCheck),
        Action,
    ),
)]
pub async fn check_domain(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let check = blocking(&state.service, move |s| s.check_domain(&id)).await?;
    Ok(axum::Json(check).into_response())
}

/// Submit for review
#[utoipa::path(
    post,
    path = "/v1/businesses/{id}/submit",
    operation_id = "submitBusiness",
    tag = "business",
    security(("businessKey" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    responses(
        (status = 202, description = "Submitted", body = StatusView),
        Action,
    ),
)]
pub async fn submit(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let status = blocking(&state.service, move |s| s.submit(&id)).await?;
    Ok((StatusCode::ACCEPTED, axum::Json(status)).into_response())
}

/// Review state, proven numbers, domain
#[utoipa::path(
    get,
    path = "/v1/businesses/{id}/status",
    operation_id = "businessStatus",
    tag = "business",
    security(("businessKey" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    responses(
        (status = 200, description = "The business's view of its verification", body = StatusView),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn status(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let status = blocking(&state.service, move |s| s.status(&id)).await?;
    Ok(axum::Json(status).into_response())
}

/// Parses a number from a path or body, with an optional region; a
/// listed number's exact E.164 text is accepted even if the numbering
/// metadata refuses it now (`Service::number_or_listed`).
pub(super) fn parse_number(
    service: &Service,
    number: &str,
    region: Option<&str>,
) -> Result<PhoneNumber, ApiError> {
    let region = region
        .filter(|r| !r.is_empty())
        .map(Region::parse)
        .transpose()?;
    Ok(service.number_or_listed(number, region)?)
}
