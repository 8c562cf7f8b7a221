//! Prometheus metrics: requests and latencies per route, and gauges read
//! when scraped (database size, businesses, changes feed position).

use std::sync::atomic::AtomicU64;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use super::{ApiError, AppState};
use crate::error_code::Code;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: String,
    route: String,
}

/// The registry and the instruments in it.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    db_bytes: Gauge<u64, AtomicU64>,
    businesses: Gauge<u64, AtomicU64>,
    changes_seq: Gauge<u64, AtomicU64>,
    indexed_seq: Gauge<u64, AtomicU64>,
    index_lag: Gauge<u64, AtomicU64>,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    /// A fresh registry.
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("bizseal");
        let requests = Family::<RequestLabels, Counter>::default();
        // Buckets from 50 µs to ~1.6 s: lookups live at the bottom, domain
        // checks and webhooks at the top.
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(prometheus_client::metrics::histogram::exponential_buckets(
                0.00005, 2.0, 16,
            ))
        });
        let db_bytes = Gauge::<u64, AtomicU64>::default();
        let businesses = Gauge::<u64, AtomicU64>::default();
        let changes_seq = Gauge::<u64, AtomicU64>::default();
        let indexed_seq = Gauge::<u64, AtomicU64>::default();
        let index_lag = Gauge::<u64, AtomicU64>::default();
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        registry.register(
            "http_request_duration_seconds",
            "Time to answer, by route",
            latency.clone(),
        );
        registry.register(
            "db_size_bytes",
            "Size of the database file",
            db_bytes.clone(),
        );
        registry.register("businesses", "Businesses stored", businesses.clone());
        registry.register(
            "changes_last_seq",
            "Sequence number of the newest change (followers compare theirs)",
            changes_seq.clone(),
        );
        registry.register(
            "search_indexed_seq",
            "The newest change the search index has made searchable",
            indexed_seq.clone(),
        );
        registry.register(
            "search_index_lag",
            "Changes stored but not yet searchable (changes_last_seq - search_indexed_seq)",
            index_lag.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            db_bytes,
            businesses,
            changes_seq,
            indexed_seq,
            index_lag,
        }
    }

    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.requests
            .get_or_create(&RequestLabels {
                method: method.to_owned(),
                route: route.to_owned(),
                status,
            })
            .inc();
        self.latency
            .get_or_create(&RouteLabels {
                method: method.to_owned(),
                route: route.to_owned(),
            })
            .observe(seconds);
    }
}

/// Middleware: counts and times every request by its route pattern (never
/// by its raw path, which would put phone numbers in labels).
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |m| m.as_str().to_owned());
    let response = next.run(request).await;
    state.metrics.observe(
        &method,
        &route,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}

/// The metrics as OpenMetrics text, gauges read from the service now
/// (`GET /metrics`, described and routed in `api`).
pub async fn render(
    State(state): State<AppState>,
    _: super::auth::MetricsAuth,
) -> Result<Response, ApiError> {
    let metrics = &state.metrics;
    let service = &state.service;
    let gauges = service.gauges()?;
    metrics.db_bytes.set(gauges.db_bytes);
    metrics.businesses.set(gauges.businesses);
    let last_seq = gauges.last_seq;
    metrics.changes_seq.set(last_seq);
    if let Some(index) = service.search_index() {
        let indexed = index.indexed_seq();
        metrics.indexed_seq.set(indexed);
        metrics.index_lag.set(last_seq.saturating_sub(indexed));
    }
    let mut text = String::new();
    if prometheus_client::encoding::text::encode(&mut text, &metrics.registry).is_err() {
        return Err(ApiError::from(Code::Internal));
    }
    Ok((
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        text,
    )
        .into_response())
}
