//! The business's logo: fetched once at approval through the SSRF fence,
//! checked, stored by its hash and served by bizseal with immutable
//! headers; the profile, the lookup answer and the token carry its digest.
//! A logo that cannot be had never blocks the approval: the business is
//! approved without one, and the reviewer sees why.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Value};

use crate::helpers::*;
use crate::workflow::{act, get, post, prove, send, workflow_app, Applicant, REVIEWER};

/// A 1x1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// Another PNG (the same with a byte after its end): another hash.
fn other_png() -> Vec<u8> {
    let mut b = PNG.to_vec();
    b.push(0);
    b
}

/// A local web site of logos, good and bad, that counts what it serves.
struct LogoSite {
    port: u16,
    /// Requests, by any path.
    hits: Arc<AtomicUsize>,
}

impl LogoSite {
    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

async fn logo_site() -> LogoSite {
    use axum::http::{header, StatusCode};
    use axum::response::{IntoResponse, Redirect};
    use axum::routing::get;

    let hits = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&hits);
    // Every answer claims to be a PNG: the type must come from the bytes.
    let png = |bytes: Vec<u8>| ([(header::CONTENT_TYPE, "image/png")], bytes).into_response();
    let app = axum::Router::new()
        .route("/logo.png", get(move || async move { png(PNG.to_vec()) }))
        .route("/other.png", get(move || async move { png(other_png()) }))
        .route(
            "/big.png",
            get(move || async move {
                let mut big = PNG.to_vec();
                big.resize(300 * 1024, 0);
                png(big)
            }),
        )
        .route(
            "/logo.svg",
            get(move || async move {
                png(
                    br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#
                        .to_vec(),
                )
            }),
        )
        .route(
            "/page.html",
            get(move || async move { png(b"<!DOCTYPE html><p>not a logo".to_vec()) }),
        )
        .route(
            "/redirect.png",
            get(|| async { Redirect::temporary("/logo.png") }),
        )
        .route("/missing.png", get(|| async { StatusCode::NOT_FOUND }))
        .layer(axum::middleware::from_fn(
            move |req: axum::extract::Request, next: axum::middleware::Next| {
                counted.fetch_add(1, Ordering::SeqCst);
                next.run(req)
            },
        ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(listener, app).await });
    LogoSite { port, hits }
}

/// A raw HTTP server for what a well-behaved framework will not send:
/// `/stall.png` says 300 KiB in `Content-Length`, sends a few bytes and
/// then nothing for a minute (reading it would take the whole timeout);
/// `/slow.png` does the same without a length; `/endless.png` sends
/// 300 KiB with no length at all.
async fn raw_site() -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut buf = [0u8; 1024];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match socket.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                let head = String::from_utf8_lossy(&head);
                let stalls = [
                    ("GET /stall.png ", "Content-Length: 307200"),
                    ("GET /slow.png ", "Connection: close"),
                ];
                if let Some((_, length)) = stalls.iter().find(|(p, _)| head.starts_with(p)) {
                    let head =
                        format!("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n{length}\r\n\r\n");
                    let _ = socket.write_all(head.as_bytes()).await;
                    let _ = socket.write_all(&PNG[..16]).await;
                    tokio::time::sleep(std::time::Duration::from_secs(60)).await;
                } else {
                    let _ = socket
                        .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\n\r\n")
                        .await;
                    let mut body = PNG.to_vec();
                    body.resize(300 * 1024, 0);
                    let _ = socket.write_all(&body).await;
                }
            });
        }
    });
    port
}

/// Registers a business with `logo_url`, proves `number`, submits it and
/// has a reviewer approve it; the approval's answer (the new status).
async fn approved_with_logo(
    app: &TestApp,
    name: &str,
    number: &str,
    logo_url: &str,
) -> (Applicant, Value) {
    let (status, body) = app
        .post_json(
            "/v1/businesses",
            &json!({
                "legal_name": format!("{name} S.L."),
                "names": {"es": name},
                "default_lang": "es",
                "category": "retail",
                "country": "ES",
                "logo_url": logo_url,
            }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let a = Applicant {
        id: body["business"]["id"].as_str().unwrap().to_owned(),
        key: body["api_key"].as_str().unwrap().to_owned(),
    };
    prove(app, &a, number).await;
    assert_eq!(act(app, &a, "submit", json!({})).await.0, 202);
    let (status, approved) = approve(app, &a).await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["status"], "verified", "{approved}");
    (a, approved)
}

async fn approve(app: &TestApp, a: &Applicant) -> (u16, Value) {
    post(
        app,
        &format!("/v1/review/{}/approve", a.id),
        REVIEWER,
        json!({"note": "ok"}),
    )
    .await
}

/// The business's audit entries with this action.
async fn audited(app: &TestApp, a: &Applicant, action: &str) -> Vec<String> {
    let (_, audit) = get(
        app,
        &format!("/v1/review/audit?business={}", a.id),
        REVIEWER,
    )
    .await;
    audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == action)
        .map(|e| e["detail"].as_str().unwrap().to_owned())
        .collect()
}

/// What a client is told a logo with these bytes is.
fn expected_logo(bytes: &[u8]) -> Value {
    let sha = ring::digest::digest(&ring::digest::SHA256, bytes);
    json!({
        "url": format!("/logos/{}.png", hex(sha.as_ref())),
        "sha256": hex(sha.as_ref()),
        "integrity": format!("sha256-{}", STANDARD.encode(sha.as_ref())),
    })
}

#[tokio::test]
async fn an_approved_logo_is_fetched_once_served_by_hash_and_signed_into_the_token() {
    let site = logo_site().await;
    let app = workflow_app(1).await;
    let number = "+34612400101";
    let url = site.url("/logo.png");

    // Before the approval: nothing fetched, and the reviewer sees the URL.
    let (status, body) = app
        .post_json(
            "/v1/businesses",
            &json!({"legal_name": "Ferretería Sol S.L.", "names": {"es": "Ferretería Sol"},
                    "default_lang": "es", "category": "retail", "country": "ES",
                    "logo_url": url}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert!(body["business"]["logo"].is_null());
    let a = Applicant {
        id: body["business"]["id"].as_str().unwrap().to_owned(),
        key: body["api_key"].as_str().unwrap().to_owned(),
    };
    prove(&app, &a, number).await;
    assert_eq!(act(&app, &a, "submit", json!({})).await.0, 202);
    let (_, queue) = get(&app, "/v1/review/queue", REVIEWER).await;
    let item = &queue["queue"][0];
    assert_eq!(item["logo"]["state"], "not_fetched", "{item}");
    assert_eq!(item["logo"]["source"], url.as_str());
    assert_eq!(site.hits.load(Ordering::SeqCst), 0);

    // The approval fetches it, once.
    let (status, approved) = approve(&app, &a).await;
    assert_eq!(status, 200, "{approved}");
    let expected = expected_logo(PNG);
    assert_eq!(approved["logo"]["state"], "stored", "{approved}");
    assert_eq!(approved["logo"]["served"], expected);
    assert_eq!(site.hits.load(Ordering::SeqCst), 1);
    assert_eq!(audited(&app, &a, "logo_stored").await.len(), 1);

    // Clients are given bizseal's copy, never the business's URL.
    let (_, answer) = app.get_json(&format!("/v1/numbers/{number}")).await;
    assert_eq!(answer["business"]["logo"], expected, "{answer}");
    assert!(answer["business"].get("logo_url").is_none(), "{answer}");
    assert!(!answer.to_string().contains(&url));
    let (_, profile) = app.get_json(&format!("/v1/businesses/{}", a.id)).await;
    assert_eq!(profile["logo"], expected);
    assert!(profile.get("logo_url").is_none(), "{profile}");
    assert_answers_fresh(&app.service);

    // The token vouches for the same bytes (RFC 9795's rcdi).
    let token = app.token_of(number).await;
    assert_eq!(
        jws_part(&token, 1)["rcdi"],
        json!({"/logo": expected["integrity"]})
    );
    let check = app.verify(&json!({"token": token})).await;
    assert_eq!(check["valid"], true, "{check}");

    // Served by hash, immutable, and the bytes hash to the name.
    let path = expected["url"].as_str().unwrap();
    let r = app.get(path).await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "content-type"), "image/png");
    assert_eq!(
        header(&r, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(header(&r, "x-content-type-options"), "nosniff");
    assert_eq!(header(&r, "content-security-policy"), "default-src 'none'");
    let etag = header(&r, "etag");
    assert_eq!(
        etag,
        format!("\"{}\"", expected["sha256"].as_str().unwrap())
    );
    let bytes = r.bytes().await.unwrap();
    assert_eq!(&bytes[..], PNG);
    assert_eq!(
        hex(ring::digest::digest(&ring::digest::SHA256, &bytes).as_ref()),
        expected["sha256"]
    );
    let again = app
        .client
        .get(app.url(path))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);

    // Reads never fetch again.
    assert_eq!(site.hits.load(Ordering::SeqCst), 1);

    // A second business with the same image shares the stored copy.
    let (_, second) = approved_with_logo(
        &app,
        "Ferretería Luna",
        "+34612400102",
        &site.url("/logo.png"),
    )
    .await;
    assert_eq!(second["logo"]["served"], expected);
}

#[tokio::test]
async fn unknown_and_malformed_logo_names_are_problems() {
    let app = workflow_app(1).await;
    let unknown = format!("/logos/{}.png", "ab".repeat(32));
    assert_problem(app.get(&unknown).await, 404, "not_found").await;
    for bad in [
        "/logos/abc.png".to_owned(),
        format!("/logos/{}.svg", "ab".repeat(32)),
        format!("/logos/{}.PNG", "ab".repeat(32)),
        format!("/logos/{}", "ab".repeat(32)),
        format!("/logos/{}.png", "AB".repeat(32)),
    ] {
        assert_problem(app.get(&bad).await, 400, "invalid_request").await;
    }
}

#[tokio::test]
async fn a_logo_that_cannot_be_had_leaves_the_business_approved_without_one() {
    let site = logo_site().await;
    let raw = raw_site().await;
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let app = workflow_app(1).await;
    let cases = [
        (site.url("/big.png"), "too_large"),
        // Refused by its Content-Length, before reading: reading it would
        // take the fetch's whole time and fail as a timeout.
        (format!("http://127.0.0.1:{raw}/stall.png"), "too_large"),
        (format!("http://127.0.0.1:{raw}/endless.png"), "too_large"),
        // One total timeout, whatever the server does.
        (format!("http://127.0.0.1:{raw}/slow.png"), "timeout"),
        (site.url("/logo.svg"), "unsupported_type"),
        (site.url("/page.html"), "unsupported_type"),
        (site.url("/redirect.png"), "redirect"),
        (site.url("/missing.png"), "http_status"),
        (
            format!("http://127.0.0.1:{closed}/logo.png"),
            "connect_failed",
        ),
    ];
    for (i, (url, reason)) in cases.iter().enumerate() {
        let number = format!("+346124002{i:02}");
        let (a, approved) = approved_with_logo(&app, &format!("Tienda {i}"), &number, url).await;
        assert_failed_without_logo(&app, &a, &approved, &number, url, reason).await;
    }
    // The redirect was not followed: the good logo it points to was never
    // fetched through it.
    let (_, answer) = app.get_json("/v1/numbers/+34612400206").await;
    assert!(answer["business"]["logo"].is_null());
}

#[tokio::test]
async fn internal_and_plain_http_logos_are_refused_outside_a_lab() {
    let site = logo_site().await;
    let app = spawn_with(
        |c| {
            c.reviewer_token = Some(REVIEWER.into());
            c.allow_private_targets = false;
        },
        false,
    )
    .await;
    for (i, (url, reason)) in [
        ("https://127.0.0.1/logo.png".to_owned(), "private_address"),
        ("https://localhost/logo.png".to_owned(), "private_address"),
        (
            "https://169.254.169.254/latest/meta-data".to_owned(),
            "private_address",
        ),
        (site.url("/logo.png"), "insecure_url"),
    ]
    .iter()
    .enumerate()
    {
        let number = format!("+346124003{i:02}");
        let (a, approved) = approved_with_logo(&app, &format!("Kiosco {i}"), &number, url).await;
        assert_failed_without_logo(&app, &a, &approved, &number, url, reason).await;
    }
    assert_eq!(site.hits.load(Ordering::SeqCst), 0, "nothing was fetched");
}

async fn assert_failed_without_logo(
    app: &TestApp,
    a: &Applicant,
    approved: &Value,
    number: &str,
    url: &str,
    reason: &str,
) {
    assert_eq!(
        (&approved["logo"]["state"], &approved["logo"]["reason"]),
        (&json!("failed"), &json!(reason)),
        "{url}: {approved}"
    );
    assert!(approved["logo"]["served"].is_null());
    let (_, answer) = app.get_json(&format!("/v1/numbers/{number}")).await;
    assert_eq!(answer["status"], "verified", "{url}: {answer}");
    assert!(answer["business"]["logo"].is_null(), "{url}: {answer}");
    let token = answer["attestation"].as_str().unwrap();
    assert!(jws_part(token, 1).get("rcdi").is_none(), "{url}");
    let (_, status) = get(app, &format!("/v1/businesses/{}/status", a.id), &a.key).await;
    assert_eq!(status["logo"]["reason"], reason, "{url}: {status}");
    assert_eq!(status["logo"]["source"], url);
    let failed = audited(app, a, "logo_failed").await;
    assert_eq!(failed, [format!("{reason}: {url}")], "{url}");
}

#[tokio::test]
async fn an_approved_logo_change_is_fetched_and_the_tokens_follow_it() {
    let site = logo_site().await;
    let app = workflow_app(1).await;
    let number = "+34612400401";
    let (a, approved) =
        approved_with_logo(&app, "Panadería Alba", number, &site.url("/logo.png")).await;
    assert_eq!(approved["logo"]["served"], expected_logo(PNG));
    let first = app.token_of(number).await;
    let profile = format!("/v1/businesses/{}", a.id);
    let edit = |logo_url: String| {
        send(
            &app,
            reqwest::Method::PATCH,
            &profile,
            &a.key,
            Some(json!({ "logo_url": logo_url })),
        )
    };

    // The edit waits for review: the public keeps the reviewed logo, and
    // nothing is fetched yet.
    let (status, _) = edit(site.url("/other.png")).await;
    assert_eq!(status, 202);
    let (_, answer) = app.get_json(&format!("/v1/numbers/{number}")).await;
    assert_eq!(answer["business"]["logo"], expected_logo(PNG));
    assert_eq!(site.hits.load(Ordering::SeqCst), 1);

    // Approved: the new logo, and new tokens that vouch for it; the old
    // token no longer holds.
    let (status, approved) = approve(&app, &a).await;
    assert_eq!(status, 200, "{approved}");
    let other = expected_logo(&other_png());
    assert_eq!(approved["logo"]["served"], other);
    let (_, answer) = app.get_json(&format!("/v1/numbers/{number}")).await;
    assert_eq!(answer["business"]["logo"], other);
    let second = app.token_of(number).await;
    assert_ne!(second, first);
    assert_eq!(jws_part(&second, 1)["rcdi"]["/logo"], other["integrity"]);
    let old = app.verify(&json!({"token": first})).await;
    assert_eq!(old["reason"], "revoked", "{old}");
    assert_answers_fresh(&app.service);
    // The old logo is still served: a name never stops meaning its bytes.
    let r = app.get(expected_logo(PNG)["url"].as_str().unwrap()).await;
    assert_eq!(r.status(), 200);

    // An edit to a URL that fails: approved, and the logo is gone.
    let (status, _) = edit(site.url("/missing.png")).await;
    assert_eq!(status, 202);
    let (_, approved) = approve(&app, &a).await;
    assert_eq!(approved["logo"]["reason"], "http_status", "{approved}");
    let (_, answer) = app.get_json(&format!("/v1/numbers/{number}")).await;
    assert!(answer["business"]["logo"].is_null(), "{answer}");
    let third = app.token_of(number).await;
    assert!(jws_part(&third, 1).get("rcdi").is_none());
}
