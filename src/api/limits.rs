//! Keeping one client from crowding out the rest: per-address rate limits
//! on the public API (tighter on registration), a time limit on every
//! request, and a cap on open connections.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::{ApiError, AppState};
use crate::config::Config;

/// The per-address limiters; `None` where the operator turned one off.
pub struct RateLimits {
    public: Option<DefaultKeyedRateLimiter<IpAddr>>,
    registration: Option<DefaultKeyedRateLimiter<IpAddr>>,
    timeout: Duration,
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
        }
    }

    /// Forgets addresses that have been quiet, so memory stays bounded.
    pub fn forget_quiet(&self) {
        for limiter in [&self.public, &self.registration].into_iter().flatten() {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }

    fn check(
        &self,
        limiter: &Option<DefaultKeyedRateLimiter<IpAddr>>,
        ip: IpAddr,
    ) -> Result<(), ApiError> {
        let Some(limiter) = limiter else {
            return Ok(());
        };
        limiter.check_key(&ip).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            ApiError::TooManyRequests(
                "slow down: too many requests from this address".into(),
                wait.as_secs().max(1),
            )
        })
    }
}

/// Middleware: rate limits by client address. Reviewer routes, health and
/// metrics are exempt (the first are authenticated, the others are probes).
pub async fn rate_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let exempt = path.starts_with("/v1/review/") || path == "/healthz" || path == "/metrics";
    if !exempt {
        if let Some(ip) = client_ip(&request) {
            let limits = &state.limits;
            let registering = request.method() == Method::POST && path == "/v1/businesses";
            let verdict = limits.check(&limits.public, ip).and_then(|()| {
                if registering {
                    limits.check(&limits.registration, ip)
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
        Err(_) => ApiError::Timeout.into_response(),
    }
}

fn client_ip(request: &Request) -> Option<IpAddr> {
    request
        .extensions()
        .get::<ConnectInfo<ClientSocket>>()
        .map(|ConnectInfo(c)| c.0.ip())
}

/// The peer address of a connection, as handlers see it.
#[derive(Debug, Clone, Copy)]
pub struct ClientSocket(pub SocketAddr);

impl axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, LimitedListener>>
    for ClientSocket
{
    fn connect_info(stream: axum::serve::IncomingStream<'_, LimitedListener>) -> Self {
        ClientSocket(*stream.remote_addr())
    }
}

/// A TCP listener that holds at most `max` connections open: at the cap it
/// stops accepting, and new clients wait in the kernel's queue.
pub struct LimitedListener {
    inner: TcpListener,
    permits: Arc<Semaphore>,
}

impl LimitedListener {
    /// Wraps a bound listener.
    pub fn new(inner: TcpListener, max: usize) -> LimitedListener {
        LimitedListener {
            inner,
            permits: Arc::new(Semaphore::new(max.max(1))),
        }
    }
}

impl axum::serve::Listener for LimitedListener {
    type Io = LimitedStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        {
            let permit = match Arc::clone(&self.permits).acquire_owned().await {
                Ok(p) => p,
                // The semaphore is never closed; if it were, wait forever
                // rather than accept without a limit.
                Err(_) => std::future::pending().await,
            };
            loop {
                match self.inner.accept().await {
                    Ok((stream, addr)) => {
                        // Small answers should leave at once, not wait for Nagle.
                        let _ = stream.set_nodelay(true);
                        return (
                            LimitedStream {
                                stream,
                                _permit: permit,
                            },
                            addr,
                        );
                    }
                    Err(e) => {
                        // Out of file descriptors and the like: back off, as
                        // axum's own listener does.
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                }
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.inner.local_addr()
    }
}

/// A connection that gives its slot back when it closes.
pub struct LimitedStream {
    stream: TcpStream,
    _permit: OwnedSemaphorePermit,
}

impl AsyncRead for LimitedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for LimitedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }
}
