//! The JSON API (axum): one module per resource, the router that lists
//! every route (the pages' included) and the server's entry point.
//!
//! Handlers are thin: extract and parse (numbers, ids, languages) at the
//! edge, call the service, map the result. What every route shares (state,
//! limits, authentication, problem answers, the connection loop) is in
//! `http`. Point reads (one lookup) run inline: they are a few
//! microseconds of cache-resident redb reads. Anything that may take longer
//! (batches, writes, signing) runs on tokio's blocking pool.

mod attestations;
mod businesses;
mod changes;
mod log;
mod log_tiles;
mod logos;
mod numbers;
pub(crate) mod openapi;
mod reports;
mod review;
mod search;
mod webhooks;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::Router;
use tokio::net::TcpListener;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error_code::Code;
use crate::http::{limits, metrics, proxy::TrustedProxies, server, ApiError, AppState};
use crate::service::Service;

/// Largest request body: a 1000-number address book in JSON is ~30 KiB.
const BODY_LIMIT: usize = 256 * 1024;

/// How often expiring attestations are looked for and renewed.
const RENEW_EVERY: Duration = Duration::from_secs(600);

/// The routes of the v1 API, with metrics, rate limits and time limits.
pub fn router(service: Arc<Service>) -> Router {
    routes(AppState::new(service))
}

/// The API's routes, each with its description: `routes!` takes a handler
/// and its `#[utoipa::path]` together, so a route cannot be served
/// undescribed. Handlers of the same path go in one `routes!`. The web
/// pages are not part of the API and are merged in by `routes`.
fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(routes!(health))
        .routes(routes!(metrics_text))
        .routes(routes!(openapi::document))
        .routes(routes!(attestations::jwks))
        .routes(routes!(numbers::lookup_many))
        .routes(routes!(numbers::range))
        .routes(routes!(numbers::lookup))
        .routes(routes!(attestations::verify))
        .routes(routes!(attestations::verify_batch))
        .routes(routes!(attestations::revocations))
        .routes(routes!(log::sth))
        .routes(routes!(log::proof))
        .routes(routes!(log::consistency))
        .routes(routes!(log::entries))
        .routes(routes!(log_tiles::vkeys))
        .routes(routes!(log_tiles::checkpoint))
        .routes(routes!(log_tiles::tile))
        .routes(routes!(log_tiles::cosignature))
        .routes(routes!(reports::create))
        .routes(routes!(businesses::register))
        .routes(routes!(
            businesses::show,
            businesses::edit,
            businesses::delete
        ))
        .routes(routes!(logos::show))
        .routes(routes!(businesses::rotate_key))
        .routes(routes!(businesses::add_number))
        .routes(routes!(businesses::remove_number))
        .routes(routes!(businesses::confirm_number))
        .routes(routes!(businesses::start_domain))
        .routes(routes!(businesses::check_domain))
        .routes(routes!(businesses::submit))
        .routes(routes!(businesses::status))
        .routes(routes!(review::queue))
        .routes(routes!(review::audit))
        .routes(routes!(review::outbox))
        .routes(routes!(review::backup))
        .routes(routes!(review::rotate_key))
        .routes(routes!(review::revoke))
        .routes(routes!(review::release))
        .routes(routes!(review::unlock))
        .routes(routes!(review::dismiss))
        .routes(routes!(review::suspend))
        .routes(routes!(review::reinstate))
        .routes(routes!(review::approve))
        .routes(routes!(review::reject))
        .routes(routes!(search::search))
        .routes(routes!(changes::changes))
        .routes(routes!(webhooks::set, webhooks::show, webhooks::remove))
        .routes(routes!(webhooks::deliveries))
        .routes(routes!(webhooks::replay))
}

/// The OpenAPI description of the routes, as `GET /openapi.json` serves it
/// (pretty JSON, built once).
pub fn openapi_json() -> &'static str {
    openapi::json()
}

fn routes(state: AppState) -> Router {
    let (api, _) = api_routes().split_for_parts();
    api.merge(crate::web::routes())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        // No browser may sniff a JSON or problem answer into HTML.
        .layer(tower_http::set_header::SetResponseHeaderLayer::overriding(
            axum::http::header::X_CONTENT_TYPE_OPTIONS,
            axum::http::HeaderValue::from_static("nosniff"),
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            limits::time_limit,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            limits::rate_limit,
        ))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        // A span a request, at debug level: method and route pattern only,
        // never the path or query, which carry phone numbers. No line per
        // failed answer (tower-http's default logs every 5xx at error
        // level): a flood of timeouts must not become a flood of logs; the
        // causes worth a line are logged where they happen (http::problem).
        .layer(
            tower_http::trace::TraceLayer::new_for_http()
                .make_span_with(|request: &axum::http::Request<axum::body::Body>| {
                    let route = request
                        .extensions()
                        .get::<axum::extract::MatchedPath>()
                        .map_or("unmatched", |p| p.as_str());
                    tracing::debug_span!("request", method = %request.method(), route)
                })
                .on_failure(()),
        )
        .with_state(state)
}

/// Serves until `shutdown` resolves, then drains in-flight requests. The
/// caller owns the socket, so tests can bind port 0.
pub async fn serve(
    listener: TcpListener,
    service: Arc<Service>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let trusted = Arc::new(TrustedProxies::new(
        service.config().trusted_proxies.clone(),
    ));
    let limits = server::ConnectionLimits::new(service.config(), trusted);
    let state = AppState::new(Arc::clone(&service));
    let housekeeping = tokio::spawn(housekeeping(state.clone()));
    // Webhook deliveries run on a thread of their own while the server
    // does; the feed's event streams end when the server starts to stop,
    // or the graceful drain would wait for them.
    let deliveries = crate::service::DeliveryWorker::start(Arc::clone(&service));
    let closing = Arc::clone(&service);
    let shutdown = async move {
        shutdown.await;
        closing.notifier().close();
    };
    let result = server::run(listener, routes(state), limits, shutdown).await;
    housekeeping.abort();
    tokio::task::spawn_blocking(move || drop(deliveries))
        .await
        .ok();
    result
}

/// Background chores: renew expiring attestations, drop lapsed claims,
/// forget quiet clients.
/// The first tick is immediate, so a restart after downtime renews at once
/// without holding up the first answer.
async fn housekeeping(state: AppState) {
    let mut tick = tokio::time::interval(RENEW_EVERY);
    loop {
        tick.tick().await;
        state.limits.forget_quiet();
        let s = Arc::clone(&state.service);
        match tokio::task::spawn_blocking(move || s.renew_expiring()).await {
            Ok(Ok(report)) if report.renewed + report.dropped > 0 => {
                tracing::info!(
                    renewed = report.renewed,
                    dropped = report.dropped,
                    "renewed attestations"
                );
            }
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::warn!(error = %e, "renewal failed; will retry"),
            Err(e) => tracing::error!(error = %e, "renewal task died"),
        }
        let s = Arc::clone(&state.service);
        match tokio::task::spawn_blocking(move || s.lapse_claims()).await {
            Ok(Ok(0)) => {}
            Ok(Ok(dropped)) => tracing::info!(dropped, "dropped lapsed claims"),
            Ok(Err(e)) => tracing::warn!(error = %e, "dropping lapsed claims failed; will retry"),
            Err(e) => tracing::error!(error = %e, "claim task died"),
        }
    }
}

/// Liveness
#[utoipa::path(
    get,
    path = "/healthz",
    operation_id = "health",
    tag = "operations",
    responses(
        (status = 200, description = "OK", body = String, content_type = "text/plain", example = "ok"),
        (status = "5XX", response = openapi::ServerError),
    ),
)]
async fn health() -> &'static str {
    "ok"
}

/// Prometheus / OpenMetrics metrics
///
/// Needs BIZSEAL_METRICS_TOKEN or any reviewer token as a bearer token.
#[utoipa::path(
    get,
    path = "/metrics",
    operation_id = "metrics",
    tag = "operations",
    security(("reviewerToken" = [])),
    responses(
        (status = 200, description = "OpenMetrics text", body = String,
            content_type = "application/openmetrics-text"),
        (status = 401, response = openapi::Unauthorized),
        (status = 429, response = openapi::TooManyRequests),
        (status = "5XX", response = openapi::ServerError),
    ),
)]
async fn metrics_text(
    state: axum::extract::State<AppState>,
    auth: crate::http::auth::MetricsAuth,
) -> Result<axum::response::Response, ApiError> {
    metrics::render(state, auth).await
}

async fn not_found() -> ApiError {
    ApiError::not_found("resource")
}

async fn method_not_allowed() -> ApiError {
    ApiError::from(Code::MethodNotAllowed)
}
