//! What every route shares, JSON or page: the state handlers reach, the
//! connection loop and its limits, trusted proxies, rate limits,
//! authentication, metrics, content negotiation and problem answers
//! (RFC 9457). Nothing here knows a resource; `api` and `web` build on it.

pub mod auth;
pub mod extract;
pub mod limits;
pub mod metrics;
pub mod problem;
pub mod proxy;
pub mod server;

use std::sync::Arc;

pub use limits::ClientSocket;
pub use problem::ApiError;
pub use proxy::TrustedProxies;

use crate::error_code::Code;
use crate::service::{Service, ServiceError};

/// What every handler can reach. Every middleware layer and the handler
/// take their own copy per request, so a copy is one reference count.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    pub service: Arc<Service>,
    pub metrics: metrics::Metrics,
    pub limits: limits::RateLimits,
}

impl AppState {
    pub fn new(service: Arc<Service>) -> AppState {
        AppState(Arc::new(Shared {
            limits: limits::RateLimits::new(service.config()),
            metrics: metrics::Metrics::new(),
            service,
        }))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// Runs blocking service work off the async workers.
pub async fn blocking<T, F>(service: &Arc<Service>, f: F) -> Result<T, ApiError>
where
    F: FnOnce(&Service) -> Result<T, ServiceError> + Send + 'static,
    T: Send + 'static,
{
    let s = Arc::clone(service);
    match tokio::task::spawn_blocking(move || f(&s)).await {
        Ok(result) => result.map_err(ApiError::from),
        Err(e) => {
            tracing::error!(error = %e, "blocking task failed");
            Err(ApiError::from(Code::Internal))
        }
    }
}
