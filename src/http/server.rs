//! The connection loop: accepts TCP connections within a global cap and a
//! per-network cap, and serves each with hyper's HTTP/1.1 server, whose
//! header-read timeout closes a connection that does not send a whole
//! request head in time: one that sends nothing, trickles half a header,
//! or sits idle between keep-alive requests. So a laptop holding a thousand
//! idle sockets gets its network's share and loses them within the
//! timeout, and everyone else is served.
//!
//! HTTP/2 is not spoken (axum is built without it): a client sending the
//! HTTP/2 preface gets its connection closed. A deployment that wants
//! HTTP/2 puts nginx in front (`--trusted-proxies`), which speaks it to
//! clients and HTTP/1.1 to bizseal.

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tower::ServiceExt;

use super::ClientSocket;
use crate::config::Config;

/// Connection limits as configured.
#[derive(Clone)]
pub(crate) struct ConnectionLimits {
    total: Arc<Semaphore>,
    per_network: usize,
    open: OpenByNetwork,
    header_timeout: Duration,
    trusted: Arc<super::proxy::TrustedProxies>,
}

/// Open connections by network.
type OpenByNetwork = Arc<Mutex<HashMap<IpAddr, usize>>>;

/// A connection's places in the caps, given back when it closes.
struct Slot {
    _total: OwnedSemaphorePermit,
    network: Option<(IpAddr, OpenByNetwork)>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Some((network, open)) = self.network.take() {
            let mut open = open.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(n) = open.get_mut(&network) {
                *n -= 1;
                if *n == 0 {
                    open.remove(&network);
                }
            }
        }
    }
}

impl ConnectionLimits {
    pub(crate) fn new(config: &Config, trusted: Arc<super::proxy::TrustedProxies>) -> Self {
        ConnectionLimits {
            total: Arc::new(Semaphore::new(config.max_connections.max(1))),
            per_network: config.max_connections_per_network.max(1),
            open: Arc::default(),
            header_timeout: Duration::from_secs(config.header_timeout_secs.max(1)),
            trusted,
        }
    }

    /// A place for a connection from `peer`, or `None` when its network
    /// holds its share already (a trusted proxy is many clients: only the
    /// global cap binds it).
    fn admit(&self, peer: IpAddr, total: OwnedSemaphorePermit) -> Option<Slot> {
        if self.trusted.contains(peer) {
            return Some(Slot {
                _total: total,
                network: None,
            });
        }
        let network = crate::service::client_network(peer);
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        let n = open.entry(network).or_insert(0);
        if *n >= self.per_network {
            return None;
        }
        *n += 1;
        Some(Slot {
            _total: total,
            network: Some((network, Arc::clone(&self.open))),
        })
    }
}

/// Serves `app` on `listener` until `shutdown` resolves, then lets the
/// requests in flight finish.
pub(crate) async fn run(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    let mut refused_logged = std::time::Instant::now() - Duration::from_secs(60);
    loop {
        // At the global cap, stop accepting: new clients wait in the
        // kernel's queue.
        let permit = tokio::select! {
            permit = Arc::clone(&limits.total).acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let (stream, peer) = match accepted {
            Ok(a) => a,
            Err(e) => {
                // Out of file descriptors and the like: back off.
                tracing::warn!(error = %e, "accept failed");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Some(slot) = limits.admit(peer.ip(), permit) else {
            // Its network holds its share: close at once.
            if refused_logged.elapsed() > Duration::from_secs(10) {
                refused_logged = std::time::Instant::now();
                tracing::warn!(network = %crate::service::client_network(peer.ip()), "connection refused: the network holds its share of connections");
            }
            drop(stream);
            continue;
        };
        serve_connection(stream, peer, app.clone(), &limits, &graceful, slot);
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

fn serve_connection(
    stream: TcpStream,
    peer: SocketAddr,
    app: Router,
    limits: &ConnectionLimits,
    graceful: &GracefulShutdown,
    slot: Slot,
) {
    // Small answers should leave at once, not wait for Nagle.
    let _ = stream.set_nodelay(true);
    // Every request learns its client: the peer, or whom a trusted proxy
    // forwards for.
    let trusted = Arc::clone(&limits.trusted);
    let service = app.map_request(move |mut request: axum::http::Request<Incoming>| {
        let client = trusted.client(peer.ip(), request.headers());
        let tls = trusted.over_tls(peer.ip(), request.headers());
        request.extensions_mut().insert(super::proxy::OverTls(tls));
        request
            .extensions_mut()
            .insert(ConnectInfo(ClientSocket(SocketAddr::new(
                client,
                peer.port(),
            ))));
        request
    });
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    let connection = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
    let connection = graceful.watch(connection);
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::trace!(error = %e, "connection ended with an error");
        }
        drop(slot);
    });
}
