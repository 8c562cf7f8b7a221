//! Keeping one client from crowding out the rest: per-network rate limits
//! on the public API (tighter on registration), a time limit on every
//! request. (The connection caps are `server`'s.)

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};

use super::{ApiError, AppState};
use crate::config::Config;
use crate::error_code::Code;

/// The per-network limiters (an IPv4 address, an IPv6 /64: one
/// subscriber); `None` where the operator turned one off.
pub struct RateLimits {
    public: Option<DefaultKeyedRateLimiter<IpAddr>>,
    registration: Option<DefaultKeyedRateLimiter<IpAddr>>,
    timeout: Duration,
    /// Failed reviewer authentications by network (always on).
    reviewer_failures: std::sync::Mutex<std::collections::HashMap<IpAddr, Failures>>,
}

/// Wrong reviewer tokens a network may present in [`FAILURE_WINDOW`]
/// before it is locked out for [`LOCKOUT`]: a person mistyping is never
/// stopped, a guesser gets a few hundred tries a day instead of ~37,000 a
/// second.
const MAX_FAILURES: u32 = 10;
const FAILURE_WINDOW: Duration = Duration::from_secs(600);
const LOCKOUT: Duration = Duration::from_secs(900);

struct Failures {
    since: std::time::Instant,
    count: u32,
    locked_until: Option<std::time::Instant>,
}

impl RateLimits {
    /// Limiters as configured.
    pub fn new(config: &Config) -> RateLimits {
        let public = NonZeroU32::new(config.rate_limit).map(|rate| {
            let burst = rate.saturating_mul(NonZeroU32::MIN.saturating_add(1));
            DefaultKeyedRateLimiter::keyed(Quota::per_second(rate).allow_burst(burst))
        });
        let registration = NonZeroU32::new(config.registrations_per_hour)
            .map(|n| DefaultKeyedRateLimiter::keyed(Quota::per_hour(n)));
        RateLimits {
            public,
            registration,
            timeout: Duration::from_secs(config.request_timeout_secs.max(1)),
            reviewer_failures: Default::default(),
        }
    }

    /// Forgets addresses that have been quiet, so memory stays bounded.
    pub fn forget_quiet(&self) {
        for limiter in [&self.public, &self.registration].into_iter().flatten() {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
        let now = std::time::Instant::now();
        self.failures().retain(|_, f| {
            f.locked_until.is_some_and(|t| t > now) || now.duration_since(f.since) < FAILURE_WINDOW
        });
    }

    fn failures(&self) -> std::sync::MutexGuard<'_, std::collections::HashMap<IpAddr, Failures>> {
        self.reviewer_failures
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    /// Seconds a network stays locked out of reviewer authentication.
    pub fn reviewer_locked(&self, network: IpAddr) -> Option<u64> {
        let now = std::time::Instant::now();
        let until = self.failures().get(&network)?.locked_until?;
        (until > now).then(|| until.duration_since(now).as_secs().max(1))
    }

    /// Counts a wrong reviewer token; true when this one starts a lockout.
    pub fn reviewer_failed(&self, network: IpAddr) -> bool {
        let now = std::time::Instant::now();
        let mut all = self.failures();
        let f = all.entry(network).or_insert(Failures {
            since: now,
            count: 0,
            locked_until: None,
        });
        if now.duration_since(f.since) >= FAILURE_WINDOW {
            f.since = now;
            f.count = 0;
        }
        f.count += 1;
        if f.count >= MAX_FAILURES && f.locked_until.is_none_or(|t| t <= now) {
            f.locked_until = Some(now + LOCKOUT);
            f.count = 0;
            f.since = now;
            return true;
        }
        false
    }

    /// Charges `cost` requests to the client's network.
    fn check(
        &self,
        limiter: &Option<DefaultKeyedRateLimiter<IpAddr>>,
        network: &IpAddr,
        cost: NonZeroU32,
    ) -> Result<(), ApiError> {
        let Some(limiter) = limiter else {
            return Ok(());
        };
        let too_many = |wait: Duration| {
            ApiError::rate_limited(
                "slow down: too many requests from this network",
                wait.as_secs().max(1),
            )
        };
        match limiter.check_key_n(network, cost) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(not_until)) => Err(too_many(
                not_until.wait_time_from(DefaultClock::default().now()),
            )),
            // More than a whole burst at once: never allowed.
            Err(_) => Err(too_many(Duration::from_secs(1))),
        }
    }
}

impl RateLimits {
    /// Charges a batch by its size, beyond the one request the middleware
    /// charged: `per_request` entries cost one request.
    pub fn charge_batch(
        &self,
        client: Option<IpAddr>,
        entries: usize,
        per_request: usize,
    ) -> Result<(), ApiError> {
        let Some(ip) = client else { return Ok(()) };
        let extra = entries.div_ceil(per_request.max(1)).saturating_sub(1);
        let Some(cost) = u32::try_from(extra).ok().and_then(NonZeroU32::new) else {
            return Ok(());
        };
        self.check(&self.public, &crate::service::client_network(ip), cost)
    }
}

/// Middleware: rate limits by client network. Only the health probe is
/// exempt: reviewer routes and `/metrics` are not (their callers make few
/// requests, a guesser or a flood many).
pub async fn rate_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let exempt = path == "/healthz";
    if !exempt {
        if let Some(ip) = client_of(request.extensions()) {
            let limits = &state.limits;
            let network = crate::service::client_network(ip);
            let registering = request.method() == Method::POST && path == "/v1/businesses";
            let verdict = limits
                .check(&limits.public, &network, NonZeroU32::MIN)
                .and_then(|()| {
                    if registering {
                        limits.check(&limits.registration, &network, NonZeroU32::MIN)
                    } else {
                        Ok(())
                    }
                });
            if let Err(problem) = verdict {
                return problem.into_response();
            }
        }
    }
    next.run(request).await
}

/// Middleware: a request that takes longer than the configured time is
/// answered 503 with `Retry-After` (its work is dropped).
pub async fn time_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(state.limits.timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::from(Code::Timeout).into_response(),
    }
}

/// The client's address a request carries (`server` puts it there: the
/// peer, or whom a trusted proxy forwards for).
pub(crate) fn client_of(extensions: &axum::http::Extensions) -> Option<IpAddr> {
    extensions
        .get::<ConnectInfo<ClientSocket>>()
        .map(|ConnectInfo(c)| c.0.ip())
}

/// The client of a request: the peer address of its connection, or the
/// client a trusted proxy forwards for (`proxy`).
#[derive(Debug, Clone, Copy)]
pub struct ClientSocket(pub SocketAddr);
