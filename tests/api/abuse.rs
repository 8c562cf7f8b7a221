//! Abuse at the edges (issue 20): idle and half-sent connections, guessing
//! reviewer tokens, batches that cost what they do, proxies, invisible
//! characters, sniffing.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

use crate::helpers::*;

/// A connection from a chosen loopback address (127.0.0.0/8 is all ours:
/// each address is another network to the server).
async fn connect_from(from: [u8; 4], to: SocketAddr) -> std::io::Result<TcpStream> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(SocketAddr::from((from, 0)))?;
    socket.connect(to).await
}

/// Sends a GET from `from` and returns the status line, within `limit`.
async fn get_from(from: [u8; 4], to: SocketAddr, path: &str, limit: Duration) -> String {
    let mut s = tokio::time::timeout(limit, connect_from(from, to))
        .await
        .expect("connect in time")
        .expect("connect");
    s.write_all(format!("GET {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut out = Vec::new();
    tokio::time::timeout(limit, s.read_to_end(&mut out))
        .await
        .expect("answered in time")
        .unwrap();
    String::from_utf8_lossy(&out)
        .lines()
        .next()
        .unwrap_or("")
        .to_owned()
}

#[tokio::test]
async fn idle_and_half_sent_connections_of_one_network_leave_others_served() {
    // A global cap of 32 that 60 idle sockets would fill without the
    // per-network cap of 16; a header timeout long enough (3 s) that
    // waiting for it would show.
    let app = spawn_with(
        |c| {
            c.max_connections = 32;
            c.max_connections_per_network = 16;
            c.header_timeout_secs = 3;
        },
        false,
    )
    .await;
    let opened = Instant::now();
    let mut idle = Vec::new();
    for i in 0..60 {
        let Ok(mut s) = connect_from([127, 0, 0, 1], app.addr).await else {
            continue;
        };
        if i % 2 == 0 {
            let _ = s
                .write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\nx-slow: ")
                .await;
        }
        idle.push(s);
    }
    assert_eq!(idle.len(), 60);
    // Another network is answered at once.
    let started = Instant::now();
    let status = get_from([127, 0, 0, 2], app.addr, "/healthz", Duration::from_secs(2)).await;
    assert!(status.contains("200"), "{status}");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    // Past its share, the network's sockets were closed at once...
    async fn closed_within(s: &mut TcpStream, limit: Duration) -> bool {
        let mut byte = [0u8; 1];
        matches!(
            tokio::time::timeout(limit, s.read(&mut byte)).await,
            Ok(Ok(0)) | Ok(Err(_))
        )
    }
    let mut open = Vec::new();
    for mut s in idle {
        if !closed_within(&mut s, Duration::from_millis(20)).await {
            open.push(s);
        }
    }
    assert!(
        opened.elapsed() < Duration::from_secs(3),
        "checked before the timeout"
    );
    assert_eq!(
        open.len(),
        16,
        "the network keeps its share, the rest is closed"
    );
    // ...and its share goes within the header timeout.
    for s in &mut open {
        assert!(
            closed_within(s, Duration::from_secs(6)).await,
            "an idle socket stayed open"
        );
    }
}

#[tokio::test]
async fn wrong_reviewer_tokens_lock_a_network_out_and_the_audit_says_so() {
    let app = spawn_with(|c| c.reviewer_token = Some("the-right-token".into()), false).await;
    let ask = |token: &'static str| {
        app.client
            .get(app.url("/v1/review/queue"))
            .bearer_auth(token)
            .send()
    };
    for _ in 0..9 {
        assert_eq!(ask("guess").await.unwrap().status(), 401);
    }
    assert_eq!(ask("the-right-token").await.unwrap().status(), 200);
    assert_eq!(ask("guess").await.unwrap().status(), 401);
    let locked = ask("the-right-token").await.unwrap();
    assert_eq!(
        locked.status(),
        429,
        "locked out, even with the right token"
    );
    assert!(locked.headers().contains_key("retry-after"));
    let audit = app.service.audit_trail(None, 100).unwrap();
    assert!(
        audit.iter().any(|e| e.action == "reviewer_auth_lockout"),
        "{audit:?}"
    );
}

#[tokio::test]
async fn a_batch_costs_its_size() {
    let app = spawn_app().await;
    let book: Vec<String> = (0..1000)
        .map(|i| format!("+3120{:07}", 1_000_000 + i))
        .collect();
    let statuses = {
        let mut out = Vec::new();
        for _ in 0..3 {
            let r = app
                .client
                .post(app.url("/v1/numbers/lookup"))
                .json(&json!({ "numbers": book }))
                .send()
                .await
                .unwrap();
            out.push(r.status().as_u16());
        }
        out
    };
    // The burst is 200 requests; a 1000-number book costs 100.
    assert_eq!(statuses, [200, 200, 429]);
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_limit() {
    let app = spawn_with(
        |c| {
            c.rate_limit = 1;
            c.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
        },
        true,
    )
    .await;
    let from = |client: &'static str| {
        app.client
            .get(app.url("/v1/numbers/+31206499123"))
            .header("x-forwarded-for", client)
            .send()
    };
    // Burst 2 each.
    for _ in 0..2 {
        assert_eq!(from("198.51.100.1").await.unwrap().status(), 200);
    }
    assert_eq!(from("198.51.100.1").await.unwrap().status(), 429);
    assert_eq!(
        from("198.51.100.2").await.unwrap().status(),
        200,
        "another client"
    );
    // One IPv6 /64 is one client.
    for _ in 0..2 {
        assert_eq!(from("2001:db8:1:1::1").await.unwrap().status(), 200);
    }
    assert_eq!(from("2001:db8:1:1::2").await.unwrap().status(), 429);
}

#[tokio::test]
async fn an_untrusted_peer_cannot_pick_its_address() {
    let app = spawn_with(|c| c.rate_limit = 1, true).await;
    let mut statuses = Vec::new();
    for i in 0..3 {
        let r = app
            .client
            .get(app.url("/v1/numbers/+31206499123"))
            .header("x-forwarded-for", format!("198.51.100.{i}"))
            .send()
            .await
            .unwrap();
        statuses.push(r.status().as_u16());
    }
    assert_eq!(statuses, [200, 200, 429]);
}

#[tokio::test]
async fn invisible_and_direction_changing_characters_are_refused() {
    let app = spawn_app().await;
    for name in [
        "\u{202e}acinófeleT",
        "K\u{200b}LM",
        "KLM\u{feff}",
        "Te\u{2066}lefónica",
    ] {
        let (status, body) = app
            .post_json(
                "/v1/businesses",
                &json!({"legal_name": "X S.L.", "names": {"es": name}, "default_lang": "es",
                        "category": "retail", "country": "ES"}),
            )
            .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (400, Some("invalid_request")),
            "{name:?}: {body}"
        );
    }
    // Scripts that need a joiner keep it.
    let (status, body) = app
        .post_json(
            "/v1/businesses",
            &json!({"legal_name": "श्री S.L.", "names": {"hi": "क्\u{200d}ष"}, "default_lang": "hi",
                    "category": "retail", "country": "IN"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
}

#[tokio::test]
async fn every_answer_forbids_sniffing() {
    let app = spawn_app().await;
    for path in [
        "/v1/numbers/+31206499123",
        "/v1/numbers/garbage",
        "/healthz",
        "/nowhere",
    ] {
        let r = app.get(path).await;
        assert_eq!(header(&r, "x-content-type-options"), "nosniff", "{path}");
    }
}

#[tokio::test]
async fn reviewers_are_people_and_only_admins_back_up_or_rotate() {
    let app = spawn_with(|c| c.reviewer_token = Some("operator-secret".into()), true).await;
    let ana = app.service.create_reviewer("Ana", false).unwrap();
    let root = app.service.create_reviewer("Root", true).unwrap();
    assert!(
        app.service.create_reviewer("Ana", false).is_err(),
        "names are unique"
    );
    assert!(app.service.create_reviewer("operator", false).is_err());
    let with = |token: &str, method: reqwest::Method, path: &str| {
        app.client
            .request(method, app.url(path))
            .bearer_auth(token.to_owned())
            .send()
    };
    assert_eq!(
        with(&ana, reqwest::Method::GET, "/v1/review/queue")
            .await
            .unwrap()
            .status(),
        200
    );
    let r = with(&ana, reqwest::Method::GET, "/v1/review/backup")
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(
        r.json::<serde_json::Value>().await.unwrap()["code"],
        "forbidden"
    );
    assert_eq!(
        with(&ana, reqwest::Method::POST, "/v1/review/keys/rotate")
            .await
            .unwrap()
            .status(),
        403
    );
    assert_eq!(
        with(&root, reqwest::Method::POST, "/v1/review/keys/rotate")
            .await
            .unwrap()
            .status(),
        200
    );
    // Decisions carry the reviewer's name.
    let klm = bizseal::phone::PhoneNumber::parse(KLM, None).unwrap();
    let r = app
        .client
        .post(app.url(&format!("/v1/review/numbers/{KLM}/revoke")))
        .bearer_auth(&ana)
        .json(&json!({"reason": "test"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let _ = klm;
    let audit = app.service.audit_trail(None, 1000).unwrap();
    assert!(audit
        .iter()
        .any(|e| e.action == "number_revoked" && e.actor == "Ana"));
    // A removed reviewer's token stops working.
    app.service.remove_reviewer("Ana", "test").unwrap();
    assert_eq!(
        with(&ana, reqwest::Method::GET, "/v1/review/queue")
            .await
            .unwrap()
            .status(),
        401
    );
    let listed: Vec<String> = app
        .service
        .reviewers()
        .unwrap()
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(listed, ["Root"]);
    // A reason may not hide control or direction characters.
    let r = app
        .client
        .post(app.url(&format!("/v1/review/numbers/{TELEFONICA}/revoke")))
        .bearer_auth(&root)
        .json(&json!({"reason": "ok\u{202e}kcol"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
}

#[tokio::test]
async fn an_http2_preface_is_refused_at_once() {
    // HTTP/2 is not spoken (nginx in front speaks it): a client opening
    // with the h2c preface is answered and closed, not kept waiting.
    let app = spawn_app().await;
    let mut s = connect_from([127, 0, 0, 1], app.addr).await.unwrap();
    s.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
        .await
        .unwrap();
    let mut out = Vec::new();
    tokio::time::timeout(Duration::from_secs(2), s.read_to_end(&mut out))
        .await
        .expect("closed at once")
        .unwrap();
    let text = String::from_utf8_lossy(&out);
    assert!(out.is_empty() || text.starts_with("HTTP/1.1 4"), "{text}");
}
