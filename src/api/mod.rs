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
mod log;
mod numbers;
mod openapi;
mod reports;
mod review;
mod search;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{delete, get, post};
use axum::Router;
use tokio::net::TcpListener;

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

fn routes(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(health))
        .route("/metrics", get(metrics::render))
        .route("/openapi.json", get(openapi::document))
        .route("/.well-known/jwks.json", get(attestations::jwks))
        .route("/v1/numbers/lookup", post(numbers::lookup_many))
        .route("/v1/numbers/range/{prefix}", get(numbers::range))
        .route("/v1/numbers/{number}", get(numbers::lookup))
        .route("/v1/attestations/verify", post(attestations::verify))
        .route(
            "/v1/attestations/verify/batch",
            post(attestations::verify_batch),
        )
        .route("/v1/revocations", get(attestations::revocations))
        .route("/v1/log/sth", get(log::sth))
        .route("/v1/log/proof", get(log::proof))
        .route("/v1/log/consistency", get(log::consistency))
        .route("/v1/log/entries", get(log::entries))
        .route("/v1/reports", post(reports::create))
        .route("/v1/businesses", post(businesses::register))
        .route(
            "/v1/businesses/{id}",
            get(businesses::show)
                .patch(businesses::edit)
                .delete(businesses::delete),
        )
        .route("/v1/businesses/{id}/numbers", post(businesses::add_number))
        .route(
            "/v1/businesses/{id}/numbers/{number}",
            delete(businesses::remove_number),
        )
        .route(
            "/v1/businesses/{id}/numbers/{number}/confirm",
            post(businesses::confirm_number),
        )
        .route("/v1/businesses/{id}/domain", post(businesses::start_domain))
        .route(
            "/v1/businesses/{id}/domain/check",
            post(businesses::check_domain),
        )
        .route("/v1/businesses/{id}/submit", post(businesses::submit))
        .route("/v1/businesses/{id}/status", get(businesses::status))
        .route("/v1/review/queue", get(review::queue))
        .route("/v1/review/audit", get(review::audit))
        .route("/v1/review/outbox", get(review::outbox))
        .route("/v1/review/backup", get(review::backup))
        .route("/v1/review/keys/rotate", post(review::rotate_key))
        .route("/v1/review/numbers/{number}/revoke", post(review::revoke))
        .route("/v1/review/numbers/{number}/release", post(review::release))
        .route("/v1/review/numbers/{number}/unlock", post(review::unlock))
        .route("/v1/review/{id}/dismiss", post(review::dismiss))
        .route("/v1/review/businesses/{id}/suspend", post(review::suspend))
        .route(
            "/v1/review/businesses/{id}/reinstate",
            post(review::reinstate),
        )
        .route("/v1/review/{id}/approve", post(review::approve))
        .route("/v1/review/{id}/reject", post(review::reject))
        .merge(crate::web::routes())
        .route("/v1/search", get(search::search))
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
        // never the path or query, which carry phone numbers.
        .layer(
            tower_http::trace::TraceLayer::new_for_http().make_span_with(
                |request: &axum::http::Request<axum::body::Body>| {
                    let route = request
                        .extensions()
                        .get::<axum::extract::MatchedPath>()
                        .map_or("unmatched", |p| p.as_str());
                    tracing::debug_span!("request", method = %request.method(), route)
                },
            ),
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
    let state = AppState::new(service);
    let housekeeping = tokio::spawn(housekeeping(state.clone()));
    let result = server::run(listener, routes(state), limits, shutdown).await;
    housekeeping.abort();
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

async fn health() -> &'static str {
    "ok"
}

async fn not_found() -> ApiError {
    ApiError::not_found("resource")
}

async fn method_not_allowed() -> ApiError {
    ApiError::from(Code::MethodNotAllowed)
}
