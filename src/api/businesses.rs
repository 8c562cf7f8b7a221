//! `/v1/businesses`: public profiles, and the owner's verification steps
//! (registration, numbers, domain, submission, status) behind its API key.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::http::auth::{BusinessAuth, ClientAddr};
use crate::http::extract::{cached_json, languages, CachePolicy, Json, Path, Query};
use crate::http::{blocking, ApiError, AppState};
use crate::model::BusinessId;
use crate::phone::{PhoneNumber, Region};
use crate::service::{ProfileInput, ProfilePatch, Service};

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
    let id = BusinessId::parse(&id).map_err(|_| ApiError::not_found("business"))?;
    let langs = languages(q.lang.as_deref(), &headers);
    let view = state.service.business(&id, &langs)?;
    Ok(cached_json(
        &headers,
        &view,
        CachePolicy {
            max_age: PROFILE_MAX_AGE,
            vary: Some("Accept-Language"),
        },
    ))
}

/// `POST /v1/businesses`: register; the API key is in the answer, once.
pub async fn register(
    State(state): State<AppState>,
    Json(input): Json<ProfileInput>,
) -> Result<Response, ApiError> {
    let registered = blocking(&state.service, move |s| s.register(input)).await?;
    Ok((StatusCode::CREATED, axum::Json(registered)).into_response())
}

/// `PATCH /v1/businesses/{id}`
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

/// `DELETE /v1/businesses/{id}`: the business leaves; every live token of
/// its numbers is revoked (reason `deleted`).
pub async fn delete(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    blocking(&state.service, move |s| s.delete_business(&id)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize)]
pub struct AddNumber {
    number: String,
    region: Option<String>,
}

/// `POST /v1/businesses/{id}/numbers`: sends a one-time code.
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

#[derive(Deserialize)]
pub struct Confirm {
    code: String,
}

/// `?region=XX` for a number in national format in the path.
#[derive(Deserialize)]
pub struct RegionQuery {
    pub(super) region: Option<String>,
}

/// `POST /v1/businesses/{id}/numbers/{number}/confirm`
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

/// `DELETE /v1/businesses/{id}/numbers/{number}`
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

#[derive(Deserialize)]
pub struct StartDomain {
    domain: String,
}

/// `POST /v1/businesses/{id}/domain`: a challenge to publish.
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

/// `POST /v1/businesses/{id}/domain/check`: fetches the challenge.
pub async fn check_domain(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let check = blocking(&state.service, move |s| s.check_domain(&id)).await?;
    Ok(axum::Json(check).into_response())
}

/// `POST /v1/businesses/{id}/submit`
pub async fn submit(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let status = blocking(&state.service, move |s| s.submit(&id)).await?;
    Ok((StatusCode::ACCEPTED, axum::Json(status)).into_response())
}

/// `GET /v1/businesses/{id}/status`
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
