//! `spawn_app`: the real server on 127.0.0.1:0 with a temporary data dir.

use bizseal::phone::E164;
use bizseal::store::prelude::*;
use std::net::SocketAddr;
use std::sync::Arc;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use bizseal::config::Config;
use bizseal::service::{ImportReport, Service};
use serde_json::Value;
use tokio::sync::oneshot;

/// Demo numbers used across tests (see src/demo/businesses.jsonl).
pub const KLM: &str = "+31206499123";
pub const KLM_ID: &str = "b_01JD7Z3K8QRR1FVQ1Q2JVZPGQT";
pub const TELEFONICA: &str = "+34915820317";
pub const LEVEL_B: &str = "+918047192205";
pub const UNPROVEN: &str = "+31235321987";
/// A valid Dutch number that no demo business lists.
pub const UNLISTED: &str = "+31201234567";
/// Telefónica, the business of `TELEFONICA`.
pub const TELEFONICA_ID: &str = "b_01JD7Z3K8QXMV8VX50PYTSMH55";

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
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
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
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
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

impl TestApp {
    /// POSTs raw bytes with the given content type (none when `None`).
    pub async fn post_raw(
        &self,
        path: &str,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> reqwest::Response {
        let mut request = self.client.post(self.url(path)).body(body);
        if let Some(ct) = content_type {
            request = request.header(reqwest::header::CONTENT_TYPE, ct);
        }
        request.send().await.expect("request")
    }

    /// The attestation token the API hands out for `number` right now.
    pub async fn token_of(&self, number: &str) -> String {
        let (status, body) = self.get_json(&format!("/v1/numbers/{number}")).await;
        assert_eq!(status, 200, "lookup of {number}: {body}");
        body["attestation"]
            .as_str()
            .unwrap_or_else(|| panic!("{number} has no attestation: {body}"))
            .to_owned()
    }

    /// Checks a token through `POST /v1/attestations/verify`.
    pub async fn verify(&self, body: &Value) -> Value {
        let (status, answer) = self.post_json("/v1/attestations/verify", body).await;
        assert_eq!(status, 200, "verify answered {status}: {answer}");
        answer
    }

    /// Imports JSONL lines through the service, off the async workers.
    pub async fn import(&self, jsonl: String) -> ImportReport {
        let service = Arc::clone(&self.service);
        tokio::task::spawn_blocking(move || service.import(jsonl.as_bytes(), |_| {}))
            .await
            .expect("import task")
            .expect("import")
    }

    /// Rotates the signing key through the service; returns the new kid.
    pub async fn rotate_key(&self) -> String {
        let service = Arc::clone(&self.service);
        tokio::task::spawn_blocking(move || service.rotate_key())
            .await
            .expect("rotate task")
            .expect("rotate")
    }
}

/// Status, content type and JSON body of a response.
/// Sends `method url` with an optional bearer and JSON body; the status
/// and the JSON answer (`null` when the body is not JSON).
pub async fn send_json(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: String,
    bearer: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = client.request(method, url);
    if let Some(b) = bearer {
        req = req.bearer_auth(b);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let r = req.send().await.expect("request");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

pub async fn parts(response: reqwest::Response) -> (u16, String, Value) {
    let status = response.status().as_u16();
    let content_type = header(&response, "content-type");
    let body = response.json().await.unwrap_or(Value::Null);
    (status, content_type, body)
}

/// Asserts that a response is an RFC 9457 problem with this status and code.
pub async fn assert_problem(response: reqwest::Response, status: u16, code: &str) -> Value {
    let (got, content_type, body) = parts(response).await;
    assert_eq!(got, status, "status of {body}");
    assert_eq!(
        content_type, "application/problem+json",
        "content type of {body}"
    );
    assert_eq!(body["code"], code, "code of {body}");
    assert_eq!(body["type"], format!("/problems/{code}"), "type of {body}");
    assert_eq!(body["status"], status, "status field of {body}");
    assert!(
        body["title"].as_str().is_some_and(|t| !t.is_empty()),
        "title of {body}"
    );
    body
}

/// A header's value as text, or "" when absent.
pub fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().expect("ascii header").to_owned())
        .unwrap_or_default()
}

/// Lowercase hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of an E.164 string, in lowercase hex (the range lookup's key).
pub fn sha256_hex(e164: &str) -> String {
    hex(ring::digest::digest(&ring::digest::SHA256, e164.as_bytes()).as_ref())
}

/// base64url without padding, as JWS uses.
pub fn b64(bytes: impl AsRef<[u8]>) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The JSON of one part (0 = header, 1 = payload) of a JWS compact token.
pub fn jws_part(token: &str, index: usize) -> Value {
    let part = token.split('.').nth(index).expect("token part");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).expect("base64url")).expect("JSON part")
}

/// The demo profile line with this business id, as JSON.
pub fn demo_profile(id: &str) -> Value {
    bizseal::demo::BUSINESSES
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("demo line"))
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no demo profile {id}"))
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs() as i64
}

/// Asserts that every listed number whose answer hands out a token has a
/// stored answer that is, byte for byte, the answer a lookup builds from the
/// records now, with its `ETag`, and that no other number has one: no write
/// left one behind.
pub fn assert_answers_fresh(service: &Service) {
    let r = service.store().read().expect("read");
    let mut checked = 0;
    for b in r.businesses_after("", 100_000).expect("businesses") {
        for n in &b.numbers {
            let number = bizseal::phone::PhoneNumber::parse(n, None).expect("listed number");
            let built = service.lookup(&number, &[]).expect("lookup");
            let stored = bizseal::lookup::stored_answer(&r, E164::stored(n)).expect("read");
            if built.attestation.is_none() {
                assert!(stored.is_none(), "{n} shows no token but kept an answer");
                continue;
            }
            let stored = stored.unwrap_or_else(|| panic!("{n} has no stored answer"));
            let built = serde_json::to_string(&built).expect("json");
            assert_eq!(stored.body, built, "the stored answer of {n} is stale");
            assert_eq!(
                stored.etag,
                bizseal::service::strong_etag(built.as_bytes()),
                "{n}"
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "no listed number to check");
}

/// A number stored under older phone metadata that the current metadata
/// refuses (it has no mobiles in +47 43).
pub const STALE: &str = "+4743555799";

/// Lists `e164` as an unproven number of KLM straight in the store,
/// without the phone validation an API write does (as a number stored
/// under older metadata would be).
pub fn list_unchecked(service: &Service, e164: &str) {
    use bizseal::model::{BusinessId, NumberRecord, NumberState};
    let business = BusinessId::parse(KLM_ID).expect("id");
    service
        .store()
        .write(|w| {
            w.put_number(
                E164::stored(e164),
                &NumberRecord {
                    business: business.clone(),
                    state: NumberState::Unproven,
                    proof: None,
                    updated_at: 1,
                },
            )
        })
        .expect("write the number");
}
