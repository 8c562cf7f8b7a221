//! `spawn_app`: the real server on 127.0.0.1:0 with a temporary data dir.

use std::net::SocketAddr;
use std::sync::Arc;

use bizseal::config::Config;
use bizseal::service::Service;
use serde_json::Value;
use tokio::sync::oneshot;

/// Demo numbers used across tests (see src/demo/businesses.jsonl).
pub const KLM: &str = "+31206499123";
pub const KLM_ID: &str = "b_01JD7Z3K8QRR1FVQ1Q2JVZPGQT";
pub const TELEFONICA: &str = "+34915820317";
pub const LEVEL_B: &str = "+918047192205";
pub const UNPROVEN: &str = "+31235321987";

/// A running server and a client for it.
pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub service: Arc<Service>,
    pub dir: tempfile::TempDir,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl TestApp {
    /// The full URL of a path.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("request")
    }

    pub async fn get_json(&self, path: &str) -> (u16, Value) {
        let r = self.get(path).await;
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> (u16, Value) {
        let r = self
            .client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request");
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// Stops the server gracefully and waits for it.
    pub async fn stop(mut self) -> tempfile::TempDir {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            server.await.expect("server task").expect("server");
        }
        self.dir
    }
}

/// Starts the server with the demo data loaded.
pub async fn spawn_app() -> TestApp {
    spawn_with(|_| {}, true).await
}

/// Starts the server on an empty data dir.
pub async fn spawn_empty() -> TestApp {
    spawn_with(|_| {}, false).await
}

/// Starts the server after adjusting the configuration.
pub async fn spawn_with(adjust: impl FnOnce(&mut Config), demo: bool) -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut config = Config::new(dir.path().join("data"));
    adjust(&mut config);
    let service = Arc::new(Service::open(config).expect("open service"));
    if demo {
        service.load_demo().expect("demo data");
    }
    service.start_search().expect("start search");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (tx, rx) = oneshot::channel::<()>();
    let server = tokio::spawn(bizseal::api::serve(listener, Arc::clone(&service), async {
        let _ = rx.await;
    }));
    TestApp {
        addr,
        client: reqwest::Client::new(),
        service,
        dir,
        shutdown: Some(tx),
        server: Some(server),
    }
}
