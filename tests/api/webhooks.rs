//! Businesses and reviewers hear of every change that concerns them
//! (Standard Webhooks events from a durable outbox), and relying clients
//! follow the public changes feed.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Value};

use crate::helpers::*;
use crate::workflow::{act, get, post, prove, register, send, Applicant, REVIEWER};

/// One POST the sink took.
#[derive(Clone, Debug)]
pub(crate) struct Captured {
    pub(crate) id: String,
    pub(crate) timestamp: String,
    pub(crate) signature: String,
    pub(crate) body: String,
}

/// A local receiver of webhooks that fails its first `fail_first`
/// requests with 500, then answers 204.
pub(crate) struct Sink {
    pub(crate) url: String,
    captured: Arc<Mutex<Vec<Captured>>>,
    fail_first: Arc<AtomicUsize>,
    seen: Arc<AtomicUsize>,
    /// While set, every request is held unanswered (a slow receiver).
    hold: Arc<AtomicBool>,
}

impl Sink {
    pub(crate) fn taken(&self) -> Vec<Captured> {
        self.captured.lock().unwrap().clone()
    }
}

pub(crate) async fn sink(fail_first: usize) -> Sink {
    use axum::http::{HeaderMap, StatusCode};
    let captured = Arc::new(Mutex::new(Vec::new()));
    let fail = Arc::new(AtomicUsize::new(fail_first));
    let seen = Arc::new(AtomicUsize::new(0));
    let hold = Arc::new(AtomicBool::new(false));
    let (c, f, s, held) = (
        Arc::clone(&captured),
        Arc::clone(&fail),
        Arc::clone(&seen),
        Arc::clone(&hold),
    );
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap, body: String| {
            let (c, f, s, held) = (
                Arc::clone(&c),
                Arc::clone(&f),
                Arc::clone(&s),
                Arc::clone(&held),
            );
            async move {
                s.fetch_add(1, Ordering::SeqCst);
                while held.load(Ordering::SeqCst) {
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
                let h = |n: &str| {
                    headers
                        .get(n)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("")
                        .to_owned()
                };
                let left = f.load(Ordering::SeqCst);
                if left > 0 {
                    f.store(left - 1, Ordering::SeqCst);
                    return StatusCode::INTERNAL_SERVER_ERROR;
                }
                c.lock().unwrap().push(Captured {
                    id: h("webhook-id"),
                    timestamp: h("webhook-timestamp"),
                    signature: h("webhook-signature"),
                    body,
                });
                StatusCode::NO_CONTENT
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(listener, app).await });
    Sink {
        url: format!("http://127.0.0.1:{port}/hook"),
        captured,
        fail_first: fail,
        seen,
        hold,
    }
}

/// A server that may call local URLs, retries fast, and has a reviewer.
async fn notify_app(adjust: impl FnOnce(&mut bizseal::config::Config)) -> TestApp {
    spawn_with(
        |c| {
            c.allow_private_targets = true;
            c.reviewer_token = Some(REVIEWER.into());
            c.webhook_retry.base_ms = 20;
            c.webhook_retry.max_ms = 200;
            adjust(c);
        },
        true,
    )
    .await
}

async fn set_webhook(app: &TestApp, a: &Applicant, url: &str, rotate: bool) -> (u16, Value) {
    send(
        app,
        reqwest::Method::PUT,
        &format!("/v1/businesses/{}/webhook", a.id),
        &a.key,
        Some(json!({"url": url, "rotate": rotate})),
    )
    .await
}

/// Waits until `check` holds (up to ten seconds).
pub(crate) async fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    for _ in 0..1000 {
        if check() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}

fn types(captured: &[Captured]) -> Vec<String> {
    captured
        .iter()
        .map(|c| {
            serde_json::from_str::<Value>(&c.body).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// Runs the Standard Webhooks library over captured deliveries. Fails
/// under CI=true when Python or the library is missing; elsewhere says so
/// and returns false.
fn verified_by_the_official_library(secret: &str, captured: &[Captured]) -> bool {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("captured.json");
    let deliveries: Vec<Value> = captured
        .iter()
        .map(|c| {
            json!({
                "headers": {
                    "webhook-id": c.id,
                    "webhook-timestamp": c.timestamp,
                    "webhook-signature": c.signature,
                },
                "body": c.body,
            })
        })
        .collect();
    std::fs::write(
        &file,
        serde_json::to_vec(&json!({"secret": secret, "deliveries": deliveries})).unwrap(),
    )
    .unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/verify_webhooks.py");
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    // BIZSEAL_PYTHON: a Python with the library (.ci/run makes a venv).
    let python = std::env::var("BIZSEAL_PYTHON").unwrap_or_else(|_| "python3".into());
    let out = match std::process::Command::new(python)
        .arg(script)
        .arg(&file)
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            assert!(!ci, "python3 is needed under CI: {e}");
            eprintln!("python3 missing: the Standard Webhooks library check did not run");
            return false;
        }
    };
    if out.status.code() == Some(3) {
        assert!(!ci, "pip install standardwebhooks is needed under CI");
        eprintln!("standardwebhooks missing: the library check did not run");
        return false;
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the official library refused a delivery: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains(&format!("verified {}", captured.len())),
        "{stdout}"
    );
    true
}

/// The `v1a` signature checks against the published JWKS (Ed25519).
async fn v1a_verifies(app: &TestApp, c: &Captured) -> bool {
    let (_, jwks) = app.get_json("/.well-known/jwks.json").await;
    let content = format!("{}.{}.{}", c.id, c.timestamp, c.body);
    let Some(sig) = c.signature.split(' ').find_map(|s| s.strip_prefix("v1a,")) else {
        return false;
    };
    let sig = STANDARD.decode(sig).unwrap();
    jwks["keys"].as_array().unwrap().iter().any(|k| {
        let x = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(k["x"].as_str().unwrap())
            .unwrap();
        ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, x)
            .verify(content.as_bytes(), &sig)
            .is_ok()
    })
}

#[tokio::test]
async fn every_event_of_a_business_arrives_in_order_and_verifies_with_the_official_library() {
    let hook = sink(0).await;
    let app = notify_app(|_| {}).await;
    let a = register(&app, "Ferretería Olmo").await;
    let (status, set) = set_webhook(&app, &a, &hook.url, false).await;
    assert_eq!(status, 200, "{set}");
    let secret = set["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("whsec_"));

    // The business's story: a number proven, submitted, approved, the
    // number revoked, the business suspended and reinstated.
    let number = "+34612000222";
    let other = "+34612000223";
    prove(&app, &a, number).await;
    prove(&app, &a, other).await;
    let (status, _) = act(&app, &a, "submit", json!({})).await;
    assert_eq!(status, 202);
    let review = |tail: String, body: Value| {
        let app = &app;
        async move { post(app, &format!("/v1/review/{tail}"), REVIEWER, body).await }
    };
    let (status, body) = review(format!("{}/approve", a.id), json!({"note": "fine"})).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = review(
        format!("numbers/{other}/revoke"),
        json!({"reason": "not theirs"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = review(
        format!("businesses/{}/suspend", a.id),
        json!({"reason": "check"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = review(
        format!("businesses/{}/reinstate", a.id),
        json!({"reason": "ok"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");

    let expected = [
        "number.proven",
        "number.proven",
        "business.submitted",
        "business.approved",
        "number.revoked",
        "business.suspended",
        "business.reinstated",
    ];
    eventually("seven deliveries", || hook.taken().len() >= expected.len()).await;
    let captured = hook.taken();
    assert_eq!(types(&captured), expected);
    let approved: Value = serde_json::from_str(&captured[3].body).unwrap();
    assert_eq!(approved["data"]["business"], a.id);
    assert_eq!(approved["data"]["note"], "fine");
    let granted: Vec<&str> = approved["data"]["granted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["number"].as_str().unwrap())
        .collect();
    assert_eq!(granted.len(), 2);
    let revoked: Value = serde_json::from_str(&captured[4].body).unwrap();
    assert_eq!(revoked["data"]["number"], other);
    assert_eq!(revoked["data"]["reason"], "not theirs");
    assert!(revoked["data"]["revoked"][0]["jti"].is_string());
    // Ids are distinct idempotency keys.
    let mut ids: Vec<&str> = captured.iter().map(|c| c.id.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), captured.len());

    verified_by_the_official_library(&secret, &captured);
    assert!(v1a_verifies(&app, &captured[0]).await, "v1a over the JWKS");

    // The deliveries list shows them delivered, newest first.
    let list = settled(&app, &a).await;
    assert_eq!(list.len(), expected.len());
    assert_eq!(list[0]["type"], "business.reinstated");
    assert!(list
        .iter()
        .all(|d| d["state"] == "delivered" && d["last_status"] == 204));

    // A rotated secret signs what comes next; the old one no longer does.
    let (_, rotated) = set_webhook(&app, &a, &hook.url, true).await;
    let new_secret = rotated["secret"].as_str().unwrap().to_owned();
    assert_ne!(new_secret, secret);
    let (_, unchanged) = set_webhook(&app, &a, &hook.url, false).await;
    assert!(unchanged["secret"].is_null(), "shown once: {unchanged}");
    let (status, _) = review(
        format!("businesses/{}/suspend", a.id),
        json!({"reason": "again"}),
    )
    .await;
    assert_eq!(status, 200);
    eventually("the delivery after rotation", || {
        hook.taken().len() > expected.len()
    })
    .await;
    let last = hook.taken().last().cloned().unwrap();
    verified_by_the_official_library(&new_secret, std::slice::from_ref(&last));

    // Another business's key sees none of it.
    let b = register(&app, "Otra Tienda").await;
    let (status, _) = get(
        &app,
        &format!("/v1/businesses/{}/webhook/deliveries", a.id),
        &b.key,
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_sink_that_fails_n_times_gets_the_event_on_try_n_plus_one_and_order_holds() {
    let hook = sink(3).await;
    let app = notify_app(|_| {}).await;
    let a = register(&app, "Panadería Trigo").await;
    set_webhook(&app, &a, &hook.url, false).await;
    prove(&app, &a, "+34612000333").await;
    act(&app, &a, "submit", json!({})).await;
    eventually("both events", || hook.taken().len() == 2).await;
    // The first event took four tries; the second waited behind it.
    assert_eq!(hook.seen.load(Ordering::SeqCst), 5);
    assert_eq!(
        types(&hook.taken()),
        ["number.proven", "business.submitted"]
    );
    let list = settled(&app, &a).await;
    assert_eq!(list[1]["attempts"], 4, "{list:?}");
    assert_eq!(list[0]["attempts"], 1);
}

#[tokio::test]
async fn a_slow_receiver_holds_up_its_own_events_only() {
    let slow = sink(0).await;
    slow.hold.store(true, Ordering::SeqCst);
    let fast = sink(0).await;
    let app = notify_app(|_| {}).await;
    let a = register(&app, "Correos Lentos").await;
    set_webhook(&app, &a, &slow.url, false).await;
    let b = register(&app, "Mensajería Rápida").await;
    set_webhook(&app, &b, &fast.url, false).await;
    prove(&app, &a, "+34612000444").await;
    eventually("the slow receiver to hold a request", || {
        slow.seen.load(Ordering::SeqCst) == 1
    })
    .await;
    // Two events in a row for the fast receiver: the second is sent only
    // once the first is recorded, which must not wait for the slow one.
    prove(&app, &b, "+34612000555").await;
    act(&app, &b, "submit", json!({})).await;
    eventually("both of the fast receiver's events", || {
        fast.taken().len() == 2
    })
    .await;
    // ...and it did not: the slow receiver's one event has not even had
    // its first try recorded (a worker that waited for every send of a
    // pass would have recorded its time-out before the fast events went).
    let path = format!("/v1/businesses/{}/webhook/deliveries", a.id);
    let (status, list) = get(&app, &path, &a.key).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["deliveries"][0]["state"], "pending", "{list}");
    assert_eq!(list["deliveries"][0]["attempts"], 0, "{list}");
    assert_eq!(slow.seen.load(Ordering::SeqCst), 1);
    assert!(slow.taken().is_empty());
    slow.hold.store(false, Ordering::SeqCst);
    eventually("the slow receiver's event", || slow.taken().len() == 1).await;
    assert_eq!(types(&slow.taken()), ["number.proven"]);
}

#[tokio::test]
async fn an_event_past_its_retry_window_dies_is_shown_and_can_be_replayed() {
    let hook = sink(usize::MAX).await;
    let app = notify_app(|c| c.webhook_retry.window_ms = 300).await;
    let a = register(&app, "Librería Sauce").await;
    set_webhook(&app, &a, &hook.url, false).await;
    prove(&app, &a, "+34612000444").await;
    let path = format!("/v1/businesses/{}/webhook/deliveries", a.id);
    let mut dead = Value::Null;
    for _ in 0..500 {
        let (_, list) = get(&app, &path, &a.key).await;
        if list["deliveries"][0]["state"] == "dead" {
            dead = list["deliveries"][0].clone();
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(dead["state"], "dead", "never died");
    assert!(dead["attempts"].as_u64().unwrap() >= 2, "{dead}");
    assert_eq!(dead["last_status"], 500);

    hook.fail_first.store(0, Ordering::SeqCst);
    let id = dead["id"].as_u64().unwrap();
    let (status, replay) = post(&app, &format!("{path}/{id}/replay"), &a.key, json!({})).await;
    assert_eq!(status, 202, "{replay}");
    assert_eq!(replay["replay_of"], id);
    eventually("the replay", || hook.taken().len() == 1).await;
    assert_eq!(
        hook.taken()[0].id,
        dead["msg_id"].as_str().unwrap(),
        "same webhook-id"
    );
    let (status, _) = post(&app, &format!("{path}/999999/replay"), &a.key, json!({})).await;
    assert_eq!(status, 404);
    // Another business, with a webhook of its own, cannot replay (or see)
    // this one's delivery through its own path.
    let b = register(&app, "Librería Otra").await;
    set_webhook(&app, &b, &hook.url, false).await;
    let theirs = format!("/v1/businesses/{}/webhook/deliveries", b.id);
    let (status, _) = post(&app, &format!("{theirs}/{id}/replay"), &b.key, json!({})).await;
    assert_eq!(status, 404, "another business's delivery");
    let (_, list) = get(&app, &theirs, &b.key).await;
    assert_eq!(list["deliveries"], json!([]), "{list}");
    // Replays are bounded: 60 an hour (one used above), then 429.
    for _ in 1..60 {
        let (status, r) = post(&app, &format!("{path}/{id}/replay"), &a.key, json!({})).await;
        assert_eq!(status, 202, "{r}");
    }
    let (status, problem) = post(&app, &format!("{path}/{id}/replay"), &a.key, json!({})).await;
    assert_eq!(status, 429, "{problem}");
}

#[tokio::test]
async fn webhook_urls_that_reach_inside_are_refused() {
    let app = spawn_with(|c| c.allow_private_targets = false, false).await;
    let a = register(&app, "Vivero Roble").await;
    for (url, why) in [
        ("https://127.0.0.1/hook", "private"),
        ("https://169.254.169.254/latest/meta-data", "private"),
        ("https://[::1]/hook", "private"),
        ("https://10.1.2.3/hook", "private"),
        ("https://localhost/hook", "private"),
        ("http://example.com/hook", "https"),
        ("https://example.com:8443/hook", "https"),
        ("https://user:pw@example.com/hook", "password"),
        ("not a url", "absolute"),
    ] {
        let (status, body) = set_webhook(&app, &a, url, false).await;
        assert_eq!(status, 400, "{url}: {body}");
        assert_eq!(body["code"], "invalid_request", "{url}");
        assert!(
            body["detail"].as_str().unwrap().contains(why),
            "{url}: {body}"
        );
    }
    let (status, body) = get(&app, &format!("/v1/businesses/{}/webhook", a.id), &a.key).await;
    assert_eq!(status, 200);
    assert!(body["webhook"].is_null());
    let (status, _) = send(
        &app,
        reqwest::Method::DELETE,
        &format!("/v1/businesses/{}/webhook", a.id),
        &a.key,
        None,
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn reviewers_hear_of_flags() {
    let hook = sink(0).await;
    let url = hook.url.clone();
    let secret = bizseal::service::webhook_secret_text(&[9u8; 24]);
    let app = notify_app(|c| {
        c.report_threshold = 1;
        c.reviewer_webhook = Some(bizseal::config::ReviewerWebhook {
            url,
            secret: vec![9u8; 24],
        });
    })
    .await;
    let (status, body) = app
        .post_json(
            "/v1/reports",
            &json!({"number": TELEFONICA, "reason": "scam"}),
        )
        .await;
    assert_eq!(status, 202, "{body}");
    eventually("the reviewers' event", || !hook.taken().is_empty()).await;
    let captured = hook.taken();
    assert_eq!(types(&captured), ["reports.flagged"]);
    let body: Value = serde_json::from_str(&captured[0].body).unwrap();
    assert_eq!(body["data"]["business"], TELEFONICA_ID);
    verified_by_the_official_library(&secret, &captured);
}

#[tokio::test]
async fn the_changes_feed_pages_in_order_signs_and_caches_full_pages() {
    let app = notify_app(|_| {}).await;
    // The demo import granted badges: the feed starts with them.
    let (status, first) = app.get_json("/v1/changes?after=0&limit=2").await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(first["changes"].as_array().unwrap().len(), 2);
    assert_eq!(first["full"], true);
    assert_eq!(first["changes"][0]["seq"], 1);
    assert_eq!(first["changes"][1]["seq"], 2);
    assert_eq!(first["next"], 2);
    assert_eq!(first["changes"][0]["kind"], "badge.granted");
    assert!(first["changes"][0]["jti"].is_string());
    // Past what the description allows (int64): a problem, not a page.
    let (status, problem) = app.get_json("/v1/changes?after=9223372036854775808").await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(problem["code"], "invalid_request", "{problem}");
    let r = app.get("/v1/changes?after=0&limit=2").await;
    assert_eq!(header(&r, "cache-control"), "public, max-age=86400");
    let etag = header(&r, "etag");
    let again = app
        .client
        .get(app.url("/v1/changes?after=0&limit=2"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);

    // Walk every page; sequence numbers rise by one with no gap.
    let mut after = 0;
    let mut seqs = Vec::new();
    loop {
        let (_, page) = app
            .get_json(&format!("/v1/changes?after={after}&limit=3"))
            .await;
        for c in page["changes"].as_array().unwrap() {
            seqs.push(c["seq"].as_u64().unwrap());
        }
        after = page["next"].as_u64().unwrap();
        if page["full"] == false {
            break;
        }
    }
    assert!(!seqs.is_empty());
    assert_eq!(seqs, (1..=seqs.len() as u64).collect::<Vec<_>>());
    let r = app.get(&format!("/v1/changes?after={after}")).await;
    assert_eq!(header(&r, "cache-control"), "public, max-age=10");

    // A revocation shows at the end with the token's jti.
    let token = app.token_of(KLM).await;
    let jti = jws_part(&token, 1)["jti"].as_str().unwrap().to_owned();
    revoke_klm(&app).await;
    let (_, page) = app
        .get_json(&format!("/v1/changes?after={after}&signed=1"))
        .await;
    let change = &page["changes"][0];
    assert_eq!(change["kind"], "badge.revoked");
    assert_eq!(change["jti"], jti);
    assert_eq!(change["number"], KLM);
    assert_eq!(change["seq"], after + 1);
    // The signature is over exactly the page's changes.
    let signed = page["signed"].as_str().unwrap();
    assert_eq!(jws_part(signed, 0)["typ"], "bizseal-changes+jwt");
    let payload = jws_part(signed, 1);
    assert_eq!(payload["changes"], page["changes"]);
    assert_eq!(payload["after"], after);
    let (_, jwks) = app.get_json("/.well-known/jwks.json").await;
    let set: jsonwebtoken::jwk::JwkSet = serde_json::from_value(jwks).unwrap();
    let kid = jsonwebtoken::decode_header(signed).unwrap().kid.unwrap();
    let key = jsonwebtoken::DecodingKey::from_jwk(set.find(&kid).unwrap()).unwrap();
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::EdDSA);
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    let decoded = jsonwebtoken::decode::<Value>(signed, &key, &validation);
    assert!(decoded.is_ok(), "{decoded:?}");
}

#[tokio::test]
async fn the_event_stream_sends_the_backlog_then_each_change_as_it_commits() {
    let app = notify_app(|_| {}).await;
    let (_, page) = app.get_json("/v1/changes?after=0&limit=1000").await;
    let last = page["next"].as_u64().unwrap();
    let mut stream = app
        .client
        .get(app.url(&format!("/v1/changes?after={}", last - 1)))
        .header("accept", "text/event-stream")
        .send()
        .await
        .unwrap();
    assert_eq!(header(&stream, "content-type"), "text/event-stream");
    let mut text = String::new();
    read_until(&mut stream, &mut text, &format!("id: {last}\n")).await;
    revoke_klm(&app).await;
    read_until(&mut stream, &mut text, &format!("id: {}\n", last + 1)).await;
    assert!(text.contains("event: change"));
    assert!(text.contains("badge.revoked"));
    assert!(
        !text.contains(&format!("id: {}\n", last - 1)),
        "after is exclusive"
    );
    // The server stops with a stream open: the stream ends, the stop completes.
    drop(stream);
    app.stop().await;
}

/// Reads an event stream into `text` until it holds `want`.
/// A reviewer revokes KLM's number through the API.
async fn revoke_klm(app: &TestApp) {
    let path = format!("/v1/review/numbers/{KLM}/revoke");
    let (status, body) = post(app, &path, REVIEWER, json!({"reason": "test"})).await;
    assert_eq!(status, 200, "{body}");
}

async fn read_until(stream: &mut reqwest::Response, text: &mut String, want: &str) {
    while !text.contains(want) {
        let chunk = tokio::time::timeout(Duration::from_secs(10), stream.chunk())
            .await
            .expect("an event in time")
            .unwrap()
            .expect("the stream stays open");
        text.push_str(&String::from_utf8_lossy(&chunk));
    }
}

/// The business's deliveries, newest first, once none is pending (the
/// worker records an answer just after the sink has it).
async fn settled(app: &TestApp, a: &Applicant) -> Vec<Value> {
    let path = format!("/v1/businesses/{}/webhook/deliveries", a.id);
    for _ in 0..1000 {
        let (status, list) = get(app, &path, &a.key).await;
        assert_eq!(status, 200, "{list}");
        let list = list["deliveries"].as_array().unwrap().clone();
        if list.iter().all(|d| d["state"] != "pending") {
            return list;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("deliveries still pending");
}
