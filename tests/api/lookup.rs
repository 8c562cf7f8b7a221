//! Looking up one number: `GET /v1/numbers/{number}`.

use crate::helpers::*;

#[tokio::test]
async fn a_verified_demo_number_answers_verified_with_a_token() {
    let app = spawn_app().await;
    let (status, body) = app.get_json(&format!("/v1/numbers/{KLM}")).await;
    assert_eq!(status, 200);
    assert_eq!(body["number"], KLM);
    assert_eq!(body["status"], "verified");
    assert_eq!(body["level"], "A");
    assert_eq!(body["business"]["id"], KLM_ID);
    let token = body["attestation"].as_str().expect("token");
    assert_eq!(token.split('.').count(), 3);
}

#[tokio::test]
async fn a_verified_number_carries_the_business_summary_and_a_token_for_that_number() {
    let app = spawn_app().await;
    let (status, body) = app.get_json(&format!("/v1/numbers/{TELEFONICA}")).await;
    assert_eq!(status, 200);
    assert_eq!(body["number"], TELEFONICA);
    assert_eq!(body["status"], "verified");
    assert_eq!(body["level"], "A");
    let business = &body["business"];
    assert_eq!(business["id"], TELEFONICA_ID);
    assert_eq!(business["display_name"], "Telefónica");
    assert_eq!(business["legal_name"], "Telefónica, S.A.");
    assert_eq!(business["category"], "telecom");
    assert_eq!(business["country"], "ES");
    assert_eq!(business["website"], "https://www.telefonica.com");
    assert_eq!(body["reputation"]["reports_30d"], 0);

    let token = body["attestation"].as_str().expect("token");
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3);
    assert!(parts.iter().all(|p| !p.is_empty()));
    let header = jws_part(token, 0);
    assert_eq!(header["alg"], "EdDSA");
    assert_eq!(header["typ"], "bizseal-attestation+jwt");
    let claims = jws_part(token, 1);
    assert_eq!(claims["sub"], TELEFONICA);
    assert_eq!(claims["biz"], TELEFONICA_ID);
    assert_eq!(claims["lvl"], "A");
    assert_eq!(claims["nam"], "Telefónica");
    assert_eq!(claims["iss"], "bizseal");
}

#[tokio::test]
async fn a_level_b_number_is_verified_with_level_b_and_a_token() {
    let app = spawn_app().await;
    let (status, body) = app.get_json(&format!("/v1/numbers/{LEVEL_B}")).await;
    assert_eq!(status, 200);
    assert_eq!(body["number"], LEVEL_B);
    assert_eq!(body["status"], "verified");
    assert_eq!(body["level"], "B");
    assert_eq!(body["business"]["display_name"], "ShopKart");
    let token = body["attestation"]
        .as_str()
        .expect("level B numbers carry a token");
    assert_eq!(token.split('.').count(), 3);
    assert_eq!(jws_part(token, 1)["lvl"], "B");
    assert_eq!(jws_part(token, 1)["sub"], LEVEL_B);
}

#[tokio::test]
async fn an_unproven_number_answers_like_an_unknown_one() {
    let app = spawn_app().await;
    let (status, body) = app.get_json(&format!("/v1/numbers/{UNPROVEN}")).await;
    assert_eq!(status, 200);
    assert_eq!(body["number"], UNPROVEN);
    assert_eq!(body["status"], "unknown");
    assert!(body["level"].is_null(), "{body}");
    assert!(body["attestation"].is_null(), "{body}");
    assert!(body["business"].is_null(), "never reviewed: no name");
}

#[tokio::test]
async fn an_unlisted_valid_number_is_a_normal_unknown_answer() {
    let app = spawn_app().await;
    let (status, body) = app.get_json(&format!("/v1/numbers/{UNLISTED}")).await;
    assert_eq!(status, 200);
    assert_eq!(body["number"], UNLISTED);
    assert_eq!(body["status"], "unknown");
    assert!(body["level"].is_null(), "{body}");
    assert!(body["business"].is_null(), "{body}");
    assert!(body["attestation"].is_null(), "{body}");
}

#[tokio::test]
async fn an_empty_directory_knows_no_numbers() {
    let app = spawn_empty().await;
    let (status, body) = app.get_json(&format!("/v1/numbers/{KLM}")).await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "unknown");
    assert!(body["business"].is_null(), "{body}");
}

#[tokio::test]
async fn formatted_international_input_resolves_to_e164() {
    let app = spawn_app().await;
    for input in [
        "+34%20915%2082%2003%2017",
        "+34-915-82-03-17",
        "+34%20(91)%20582%2003%2017",
        "%2B34915820317",
        "0034%20915%2082%2003%2017?region=NL",
    ] {
        let (status, body) = app.get_json(&format!("/v1/numbers/{input}")).await;
        assert_eq!(status, 200, "{input}: {body}");
        assert_eq!(body["number"], TELEFONICA, "{input}");
        assert_eq!(body["status"], "verified", "{input}");
    }
}

#[tokio::test]
async fn national_input_with_a_region_resolves_to_e164() {
    let app = spawn_app().await;
    for input in [
        "020%20649%209123?region=NL",
        "(020)%20649%209123?region=NL",
        "0206499123?region=nl",
    ] {
        let (status, body) = app.get_json(&format!("/v1/numbers/{input}")).await;
        assert_eq!(status, 200, "{input}: {body}");
        assert_eq!(body["number"], KLM, "{input}");
        assert_eq!(body["status"], "verified", "{input}");
        assert_eq!(body["business"]["id"], KLM_ID, "{input}");
    }
}

#[tokio::test]
async fn a_region_does_not_change_an_international_number() {
    let app = spawn_app().await;
    let (status, body) = app.get_json(&format!("/v1/numbers/{KLM}?region=ES")).await;
    assert_eq!(status, 200);
    assert_eq!(body["number"], KLM);
}

#[tokio::test]
async fn invalid_numbers_are_400_problems_with_code_invalid_number() {
    let app = spawn_app().await;
    let cases = [
        ("letters", "+31abc6499123"),
        ("words", "call-me"),
        ("too short", "+31%2012"),
        ("too few digits", "12?region=NL"),
        ("not valid in its plan", "+3120649912"),
        ("unassigned country code", "+999123456789"),
        ("national without region", "0206499123"),
        ("unknown region", "0206499123?region=XX"),
        ("region of three letters", "0206499123?region=NLD"),
        ("too long", "+31206499123123123123123"),
    ];
    for (what, input) in cases {
        let response = app.get(&format!("/v1/numbers/{input}")).await;
        let problem = assert_problem(response, 400, "invalid_number").await;
        assert!(
            problem["detail"].as_str().is_some_and(|d| !d.is_empty()),
            "{what}: {problem}"
        );
    }
}

#[tokio::test]
async fn the_problem_for_a_national_number_without_region_says_a_region_is_needed() {
    let app = spawn_app().await;
    let problem = assert_problem(
        app.get("/v1/numbers/0206499123").await,
        400,
        "invalid_number",
    )
    .await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("region"),
        "{problem}"
    );
}

#[tokio::test]
async fn display_name_follows_the_lang_parameter() {
    let app = spawn_app().await;
    let name = |body: serde_json::Value| body["business"]["display_name"].clone();
    let (_, default) = app.get_json(&format!("/v1/numbers/{KLM}")).await;
    assert_eq!(name(default), "KLM Koninklijke Luchtvaart Maatschappij");
    let (_, en) = app.get_json(&format!("/v1/numbers/{KLM}?lang=en")).await;
    assert_eq!(name(en), "KLM Royal Dutch Airlines");
    let (_, es_mx) = app.get_json(&format!("/v1/numbers/{KLM}?lang=es-MX")).await;
    assert_eq!(name(es_mx), "KLM Reales Líneas Aéreas Neerlandesas");
    let (_, first_known) = app.get_json(&format!("/v1/numbers/{KLM}?lang=ja,en")).await;
    assert_eq!(name(first_known), "KLM Royal Dutch Airlines");
    let (_, unknown) = app.get_json(&format!("/v1/numbers/{KLM}?lang=ja")).await;
    assert_eq!(name(unknown), "KLM Koninklijke Luchtvaart Maatschappij");
}

#[tokio::test]
async fn display_name_follows_accept_language_and_lang_wins_over_it() {
    let app = spawn_app().await;
    let get = |accept: &'static str, query: &'static str| {
        let url = app.url(&format!("/v1/numbers/{KLM}{query}"));
        let client = app.client.clone();
        async move {
            let r = client
                .get(url)
                .header("accept-language", accept)
                .send()
                .await
                .expect("request");
            assert_eq!(r.status().as_u16(), 200);
            let body: serde_json::Value = r.json().await.expect("json");
            body["business"]["display_name"].clone()
        }
    };
    assert_eq!(get("en", "").await, "KLM Royal Dutch Airlines");
    assert_eq!(
        get("es-ES, en;q=0.5", "").await,
        "KLM Reales Líneas Aéreas Neerlandesas"
    );
    assert_eq!(
        get("en;q=0.2, es;q=0.9", "").await,
        "KLM Reales Líneas Aéreas Neerlandesas"
    );
    assert_eq!(
        get("fr, de", "").await,
        "KLM Koninklijke Luchtvaart Maatschappij"
    );
    assert_eq!(get("es", "?lang=en").await, "KLM Royal Dutch Airlines");
}

/// The KLM demo line with a business status of our choosing.
fn klm_with_status(status: &str) -> String {
    let mut profile = demo_profile(KLM_ID);
    profile["status"] = serde_json::json!(status);
    profile.to_string()
}

#[tokio::test]
async fn a_suspended_business_answers_suspended_without_a_token() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let report = app.import(klm_with_status("suspended")).await;
    assert_eq!(report.updated, 1, "{:?}", report.failed);

    let (status, body) = app.get_json(&format!("/v1/numbers/{KLM}")).await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "suspended");
    assert!(body["level"].is_null(), "{body}");
    assert!(body["attestation"].is_null(), "{body}");
    assert_eq!(body["business"]["id"], KLM_ID);

    let (_, profile) = app.get_json(&format!("/v1/businesses/{KLM_ID}")).await;
    assert_eq!(profile["status"], "suspended");
    assert_eq!(profile["numbers"][0]["status"], "suspended");

    let answer = app.verify(&serde_json::json!({ "token": token })).await;
    assert_eq!(answer["status"], "suspended", "{answer}");
}

#[tokio::test]
async fn an_import_never_lifts_a_suspension() {
    let app = spawn_app().await;
    app.import(klm_with_status("suspended")).await;
    app.import(klm_with_status("verified")).await;
    let (_, body) = app.get_json(&format!("/v1/numbers/{KLM}")).await;
    assert_eq!(body["status"], "suspended");
    assert!(body["attestation"].is_null(), "{body}");
}

/// Once the filter of known numbers is filled, numbers the store holds
/// nothing about skip the tables; reported unlisted numbers, listed ones,
/// and numbers reported after the fill must still read them.
#[tokio::test]
async fn the_known_numbers_filter_never_hides_a_report_or_a_listing() {
    let app = spawn_app().await;
    let before = "+31201234568";
    let after = "+31201234569";
    let report = |n: &str| serde_json::json!({"number": n, "reason": "spam"});
    assert_eq!(app.post_json("/v1/reports", &report(before)).await.0, 202);
    let filled = app
        .service
        .store()
        .learn_known_numbers(&std::sync::atomic::AtomicBool::new(false))
        .unwrap();
    assert!(filled.is_some());
    assert_eq!(app.post_json("/v1/reports", &report(after)).await.0, 202);
    let (status, body) = app
        .post_json(
            "/v1/numbers/lookup",
            &serde_json::json!({"numbers": [before, after, UNLISTED, KLM, "+31 20 123 4569"]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let results = body["results"].as_array().unwrap();
    let reports = |i: usize| results[i]["reputation"]["reports_30d"].clone();
    assert_eq!(reports(0), 1, "reported before the fill: {body}");
    assert_eq!(reports(1), 1, "reported after the fill: {body}");
    assert_eq!(reports(2), 0);
    assert_eq!(results[3]["status"], "verified");
    assert_eq!(reports(4), 1, "typed another way: {body}");
    for entry in &results[..3] {
        assert_eq!(entry["status"], "unknown", "{body}");
    }
}
