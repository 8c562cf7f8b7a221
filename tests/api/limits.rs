//! Abuse and observability: rate limits, time limits, the connection cap,
//! and the metrics that show what happened.

use std::time::Duration;

use serde_json::json;
use tokio::io::AsyncWriteExt;

use crate::helpers::*;

#[tokio::test]
async fn a_client_over_its_rate_gets_429_with_retry_after() {
    let app = spawn_with(|c| c.rate_limit = 5, true).await;
    let path = format!("/v1/numbers/{KLM}");
    let mut statuses = Vec::new();
    for _ in 0..12 {
        statuses.push(app.get(&path).await.status().as_u16());
    }
    assert!(
        statuses[..10].iter().all(|s| *s == 200),
        "a burst of twice the rate passes: {statuses:?}"
    );
    let r = app.get(&path).await;
    assert_eq!(r.status(), 429);
    assert!(
        r.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse::<u64>()
            .unwrap()
            >= 1
    );
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["code"], "rate_limited");
    assert_eq!(
        app.get("/healthz").await.status(),
        200,
        "health probes are never limited"
    );
}

#[tokio::test]
async fn registration_has_its_own_tighter_limit() {
    let app = spawn_with(|c| c.registrations_per_hour = 2, false).await;
    let profile = |n: u32| {
        json!({"legal_name": format!("Tienda {n}"), "names": {"es": format!("Tienda {n}")},
               "default_lang": "es", "category": "retail", "country": "ES"})
    };
    assert_eq!(app.post_json("/v1/businesses", &profile(1)).await.0, 201);
    assert_eq!(app.post_json("/v1/businesses", &profile(2)).await.0, 201);
    let (status, body) = app.post_json("/v1/businesses", &profile(3)).await;
    assert_eq!((status, body["code"].as_str()), (429, Some("rate_limited")));
    assert_eq!(
        app.get(&format!("/v1/numbers/{KLM}")).await.status(),
        200,
        "reads go on"
    );
}

#[tokio::test]
async fn a_request_that_takes_too_long_is_answered_503() {
    // A web site that never answers the domain challenge.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let app = spawn_with(
        |c| {
            c.allow_private_targets = true;
            c.challenge_port = port;
            c.request_timeout_secs = 1;
        },
        false,
    )
    .await;
    let (_, reg) = app
        .post_json(
            "/v1/businesses",
            &json!({"legal_name": "Lenta S.L.", "names": {"es": "Lenta"}, "default_lang": "es",
                    "category": "retail", "country": "ES"}),
        )
        .await;
    let (id, key) = (
        reg["business"]["id"].as_str().unwrap(),
        reg["api_key"].as_str().unwrap(),
    );
    let r = app
        .client
        .post(app.url(&format!("/v1/businesses/{id}/domain")))
        .bearer_auth(key)
        .json(&json!({"domain": "localhost"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let started = std::time::Instant::now();
    let r = app
        .client
        .post(app.url(&format!("/v1/businesses/{id}/domain/check")))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 503);
    assert!(r.headers().contains_key("retry-after"));
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["code"], "timeout");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "answered at the time limit, not the fetch timeout"
    );
}

#[tokio::test]
async fn connections_over_the_cap_wait_until_one_closes() {
    let app = spawn_with(|c| c.max_connections = 1, true).await;
    let mut first = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    first
        .write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n")
        .await
        .unwrap();
    let waiting = reqwest::Client::builder()
        .timeout(Duration::from_millis(700))
        .build()
        .unwrap();
    let refused = waiting.get(app.url("/healthz")).send().await;
    assert!(
        refused.is_err(),
        "a second connection is not served while the first is open"
    );
    drop(first);
    let served = reqwest::Client::new()
        .get(app.url("/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(served.status(), 200);
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_never_show_numbers() {
    let app = spawn_with(|c| c.metrics_token = Some("scrape-token".into()), true).await;
    let metrics = || {
        app.client
            .get(app.url("/metrics"))
            .bearer_auth("scrape-token")
            .send()
    };
    app.get(&format!("/v1/numbers/{KLM}")).await;
    app.get("/v1/numbers/+12").await;
    assert_eq!(
        app.get("/metrics").await.status(),
        401,
        "metrics are not public"
    );
    let r = metrics().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/openmetrics-text"));
    let text = r.text().await.unwrap();
    assert!(
        text.contains(r#"bizseal_http_requests_total{method="GET",route="/v1/numbers/{number}",status="200"} 1"#),
        "{text}"
    );
    assert!(text.contains(
        r#"bizseal_http_requests_total{method="GET",route="/v1/numbers/{number}",status="400"} 1"#
    ));
    assert!(text.contains("bizseal_http_request_duration_seconds_bucket"));
    assert!(text.contains("bizseal_businesses 45"));
    assert!(text.contains("bizseal_db_size_bytes "));
    assert!(!text.contains(&KLM[1..]), "no phone number in any label");

    // The search index catches up with the store, and the lag says so.
    let gauge = |text: &str, name: &str| -> Option<u64> {
        text.lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
    };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        let text = metrics().await.unwrap().text().await.unwrap();
        let last = gauge(&text, "bizseal_changes_last_seq").expect("changes gauge");
        let indexed = gauge(&text, "bizseal_search_indexed_seq").expect("indexed gauge");
        let lag = gauge(&text, "bizseal_search_index_lag").expect("lag gauge");
        assert_eq!(lag, last - indexed, "{text}");
        if lag == 0 {
            assert!(last > 0, "the demo data made changes");
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "index lag stays {lag}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
