//! `/v1/businesses/{id}/webhook`: a business's webhook (set, rotate its
//! secret, remove), its recent deliveries, and a replay of one.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::openapi::{Action, JsonWrite, NotFound, ServerError, TooManyRequests, Unauthorized};
use crate::http::auth::BusinessAuth;
use crate::http::extract::{Json, Path, Query};
use crate::http::{blocking, ApiError, AppState};
use crate::service::{Delivery, WebhookSet};

/// Where the business wants its events.
#[derive(Deserialize, ToSchema)]
pub struct SetWebhook {
    /// An https URL on port 443 whose name resolves to public addresses
    url: String,
    /// Make a new secret (the old one stops signing at once)
    #[serde(default)]
    rotate: bool,
}

/// The business's webhook, if set.
#[derive(Serialize, ToSchema)]
pub struct WebhookView {
    webhook: Option<WebhookSet>,
}

/// Set the webhook, or rotate its secret
///
/// A new webhook, or `rotate: true`, answers a new `whsec_` secret, shown
/// this once. Events follow the Standard Webhooks specification.
#[utoipa::path(
    put,
    path = "/v1/businesses/{id}/webhook",
    operation_id = "setWebhook",
    tag = "business",
    security(("businessKey" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    request_body = SetWebhook,
    responses(
        (status = 200, description = "The webhook (with its secret when new)", body = WebhookSet),
        JsonWrite,
    ),
)]
pub async fn set(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path(id): Path<String>,
    Json(req): Json<SetWebhook>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let set = blocking(&state.service, move |s| {
        s.set_webhook(&id, &req.url, req.rotate)
    })
    .await?;
    // It may carry a secret: no cache anywhere may keep it.
    let no_store = [(axum::http::header::CACHE_CONTROL, "no-store")];
    Ok((no_store, axum::Json(set)).into_response())
}

/// The webhook (without its secret)
#[utoipa::path(
    get,
    path = "/v1/businesses/{id}/webhook",
    operation_id = "showWebhook",
    tag = "business",
    security(("businessKey" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    responses(
        (status = 200, description = "The webhook, or null", body = WebhookView),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn show(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let webhook = state.service.webhook(&id)?;
    Ok(axum::Json(WebhookView { webhook }).into_response())
}

/// Remove the webhook
///
/// Events still waiting for it are given up (dead) at their next try.
#[utoipa::path(
    delete,
    path = "/v1/businesses/{id}/webhook",
    operation_id = "removeWebhook",
    tag = "business",
    security(("businessKey" = [])),
    params(("id" = String, Path, description = "Business id (b_...)")),
    responses(
        (status = 204, description = "Removed"),
        Action,
    ),
)]
pub async fn remove(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    blocking(&state.service, move |s| s.remove_webhook(&id)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveriesQuery {
    /// Only deliveries older than this id (the last `id` of a page)
    before: Option<u64>,
    /// Page size, clamped to 1..100 (default 20)
    limit: Option<usize>,
}

/// Recent deliveries, newest first.
#[derive(Serialize, ToSchema)]
pub struct DeliveryList {
    deliveries: Vec<Delivery>,
}

/// Recent deliveries and their results, newest first
#[utoipa::path(
    get,
    path = "/v1/businesses/{id}/webhook/deliveries",
    operation_id = "listDeliveries",
    tag = "business",
    security(("businessKey" = [])),
    params(("id" = String, Path, description = "Business id (b_...)"), DeliveriesQuery),
    responses(
        (status = 200, description = "Deliveries, newest first", body = DeliveryList),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn deliveries(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path(id): Path<String>,
    Query(q): Query<DeliveriesQuery>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let limit = q.limit.unwrap_or(20);
    let deliveries = blocking(&state.service, move |s| s.deliveries(&id, q.before, limit)).await?;
    Ok(axum::Json(DeliveryList { deliveries }).into_response())
}

/// Send a delivery again
///
/// A copy goes to the end of the business's queue with the same
/// `webhook-id`.
#[utoipa::path(
    post,
    path = "/v1/businesses/{id}/webhook/deliveries/{delivery}/replay",
    operation_id = "replayDelivery",
    tag = "business",
    security(("businessKey" = [])),
    params(
        ("id" = String, Path, description = "Business id (b_...)"),
        ("delivery" = u64, Path, description = "The delivery's id"),
    ),
    responses(
        (status = 202, description = "Queued again", body = Delivery),
        Action,
    ),
)]
pub async fn replay(
    State(state): State<AppState>,
    auth: BusinessAuth,
    Path((id, delivery)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let id = auth.owns(&id)?;
    let seq: u64 = delivery
        .parse()
        .map_err(|_| ApiError::not_found("delivery"))?;
    let queued = blocking(&state.service, move |s| s.replay(&id, seq)).await?;
    Ok((StatusCode::ACCEPTED, axum::Json(queued)).into_response())
}
