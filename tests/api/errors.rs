//! Errors as RFC 9457 problems, and the public business profile.

use serde_json::{json, Value};

use crate::helpers::*;

#[tokio::test]
async fn an_unknown_path_is_a_404_problem() {
    let app = spawn_app().await;
    for path in [
        "/v1/nope",
        "/nope",
        "/v2/numbers/+31206499123",
        "/v1/numbers",
    ] {
        assert_problem(app.get(path).await, 404, "not_found").await;
    }
}

#[tokio::test]
async fn a_wrong_method_is_a_405_problem_with_allow() {
    let app = spawn_app().await;
    let response = app
        .client
        .delete(app.url(&format!("/v1/numbers/{KLM}")))
        .send()
        .await
        .expect("request");
    let allow = header(&response, "allow");
    assert_problem(response, 405, "method_not_allowed").await;
    assert!(allow.contains("GET"), "Allow: {allow:?}");

    let response = app.get("/v1/attestations/verify").await;
    let allow = header(&response, "allow");
    assert_problem(response, 405, "method_not_allowed").await;
    assert!(allow.contains("POST"), "Allow: {allow:?}");

    let response = app
        .post_raw(
            "/.well-known/jwks.json",
            Some("application/json"),
            b"{}".to_vec(),
        )
        .await;
    assert_problem(response, 405, "method_not_allowed").await;
}

#[tokio::test]
async fn malformed_json_is_a_400_problem_malformed_json() {
    let app = spawn_app().await;
    for body in [
        &b"{\"numbers\": ["[..],
        b"not json",
        b"{\"numbers\": [\"+31206499123\"]} trailing",
        b"",
    ] {
        let response = app
            .post_raw(
                "/v1/numbers/lookup",
                Some("application/json"),
                body.to_vec(),
            )
            .await;
        assert_problem(response, 400, "malformed_json").await;
    }
    let response = app
        .post_raw(
            "/v1/attestations/verify",
            Some("application/json"),
            b"{\"token\":".to_vec(),
        )
        .await;
    assert_problem(response, 400, "malformed_json").await;
}

#[tokio::test]
async fn json_of_the_wrong_shape_is_a_422_problem() {
    let app = spawn_app().await;
    let cases = [
        ("/v1/numbers/lookup", json!({ "numbers": "+31206499123" })),
        ("/v1/numbers/lookup", json!({ "numbers": [31206499123u64] })),
        ("/v1/numbers/lookup", json!({})),
        ("/v1/numbers/lookup", json!([KLM])),
        ("/v1/attestations/verify", json!({ "token": 5 })),
        ("/v1/attestations/verify", json!({ "number": KLM })),
    ];
    for (path, body) in cases {
        let response = app
            .post_raw(
                path,
                Some("application/json"),
                body.to_string().into_bytes(),
            )
            .await;
        let problem = assert_problem(response, 422, "unprocessable_body").await;
        assert!(
            problem["detail"].as_str().is_some_and(|d| !d.is_empty()),
            "{path} {body}: {problem}"
        );
    }
}

#[tokio::test]
async fn a_body_without_json_content_type_is_a_415_problem() {
    let app = spawn_app().await;
    let body = json!({ "numbers": [KLM] }).to_string().into_bytes();
    let response = app.post_raw("/v1/numbers/lookup", None, body.clone()).await;
    assert_problem(response, 415, "unsupported_media_type").await;
    let response = app
        .post_raw("/v1/numbers/lookup", Some("text/plain"), body.clone())
        .await;
    assert_problem(response, 415, "unsupported_media_type").await;
    let response = app
        .post_raw(
            "/v1/attestations/verify",
            Some("application/x-www-form-urlencoded"),
            b"token=x".to_vec(),
        )
        .await;
    assert_problem(response, 415, "unsupported_media_type").await;
}

#[tokio::test]
async fn a_body_over_256_kib_is_a_413_problem() {
    let app = spawn_app().await;
    let filler = "1".repeat(256 * 1024);
    let body = json!({ "numbers": [filler] }).to_string().into_bytes();
    assert!(body.len() > 256 * 1024);
    let response = app
        .post_raw("/v1/numbers/lookup", Some("application/json"), body)
        .await;
    assert_problem(response, 413, "payload_too_large").await;
}

#[tokio::test]
async fn a_body_just_under_the_limit_is_read() {
    let app = spawn_app().await;
    let filler = "1".repeat(200 * 1024);
    let body = json!({ "numbers": [filler] }).to_string().into_bytes();
    let response = app
        .post_raw("/v1/numbers/lookup", Some("application/json"), body)
        .await;
    let (status, _, answer) = parts(response).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["results"][0]["error"]["reason"], "too_long");
}

#[tokio::test]
async fn a_malformed_query_is_a_400_problem() {
    let app = spawn_app().await;
    let response = app.get("/v1/revocations?since=yesterday").await;
    let problem = assert_problem(response, 400, "invalid_request").await;
    assert_eq!(problem["field"], "query");
}

#[tokio::test]
async fn an_unknown_business_id_is_a_404_problem() {
    let app = spawn_app().await;
    let unknown = format!("{}V", &KLM_ID[..KLM_ID.len() - 1]);
    assert_ne!(unknown, KLM_ID);
    assert_problem(
        app.get(&format!("/v1/businesses/{unknown}")).await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn a_malformed_business_id_is_a_404_problem() {
    let app = spawn_app().await;
    let lowercase = KLM_ID.to_ascii_lowercase();
    for id in [
        "nope",
        "b_",
        "b_123",
        lowercase.as_str(),
        "01JD7Z3K8QRR1FVQ1Q2JVZPGQT",
        "b_01JD7Z3K8QRR1FVQ1Q2JVZPGQTX",
    ] {
        assert_problem(
            app.get(&format!("/v1/businesses/{id}")).await,
            404,
            "not_found",
        )
        .await;
    }
}

#[tokio::test]
async fn a_business_profile_has_its_numbers_and_commands() {
    let app = spawn_app().await;
    let (status, body) = app.get_json(&format!("/v1/businesses/{KLM_ID}")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["id"], KLM_ID);
    assert_eq!(
        body["legal_name"],
        "Koninklijke Luchtvaart Maatschappij N.V."
    );
    assert_eq!(body["default_lang"], "nl");
    assert_eq!(
        body["display_name"],
        "KLM Koninklijke Luchtvaart Maatschappij"
    );
    assert_eq!(body["names"]["en"], "KLM Royal Dutch Airlines");
    assert_eq!(body["category"], "airline");
    assert_eq!(body["country"], "NL");
    assert_eq!(body["city"], "Amstelveen");
    assert_eq!(body["website"], "https://www.klm.com");
    assert_eq!(
        body["description"]["en"],
        "Customer service available 24/7 in 10 languages."
    );
    assert_eq!(body["status"], "verified");
    assert_eq!(
        body["numbers"],
        json!([{ "number": KLM, "status": "verified", "level": "A" }])
    );
    let commands = body["commands"].as_array().expect("commands");
    let keywords: Vec<(&str, &str)> = commands
        .iter()
        .map(|c| {
            let keyword = c["keyword"].as_str().expect("keyword");
            (keyword, c["lang"].as_str().expect("lang"))
        })
        .collect();
    assert_eq!(
        keywords,
        [
            ("booking", "nl"),
            ("baggage", "nl"),
            ("checkin", "nl"),
            ("booking", "en"),
            ("baggage", "en"),
            ("checkin", "en"),
            ("reserva", "es")
        ]
    );
    assert_eq!(commands[0]["reply"], "Stuur uw boekingscode");
}

#[tokio::test]
async fn a_business_profile_lists_each_kind_of_number() {
    let app = spawn_app().await;
    let (status, body) = app
        .get_json("/v1/businesses/b_01JD7Z3K8Q82SBFT5X6HQW431V")
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "verified");
    assert_eq!(
        body["numbers"][0],
        json!({ "number": LEVEL_B, "status": "verified", "level": "B" })
    );
    // A business that never passed review has no public profile.
    let (status, body) = app
        .get_json("/v1/businesses/b_01JD7Z3K8QKTBYVAKBE8SPDD3A")
        .await;
    assert_eq!(status, 404, "{body}");
}

#[tokio::test]
async fn a_business_profile_display_name_follows_the_language() {
    let app = spawn_app().await;
    let (_, body) = app
        .get_json(&format!("/v1/businesses/{KLM_ID}?lang=en"))
        .await;
    assert_eq!(body["display_name"], "KLM Royal Dutch Airlines");
    let response = app
        .client
        .get(app.url(&format!("/v1/businesses/{KLM_ID}")))
        .header("accept-language", "es")
        .send()
        .await
        .expect("request");
    let body: Value = response.json().await.expect("json");
    assert_eq!(
        body["display_name"],
        "KLM Reales Líneas Aéreas Neerlandesas"
    );
}

#[tokio::test]
async fn health_answers_ok() {
    let app = spawn_app().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.text().await.expect("body"), "ok");
}
