//! Looking up an address book: `POST /v1/numbers/lookup`.

use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn a_batch_is_answered_in_the_same_order_with_invalid_entries_marked() {
    let app = spawn_app().await;
    let numbers = [
        KLM,
        "call me maybe",
        LEVEL_B,
        "",
        UNLISTED,
        "+34 915 82 03 17",
        "020 649 9123",
        UNPROVEN,
    ];
    let (status, body) = app
        .post_json("/v1/numbers/lookup", &json!({ "numbers": numbers }))
        .await;
    assert_eq!(status, 200, "{body}");
    let results = body["results"].as_array().expect("results");
    assert_eq!(results.len(), numbers.len());
    for (result, input) in results.iter().zip(numbers) {
        assert_eq!(result["input"], input);
    }

    assert_eq!(results[0]["number"], KLM);
    assert_eq!(results[0]["status"], "verified");
    assert_eq!(results[0]["level"], "A");
    assert_eq!(results[0]["business"]["id"], KLM_ID);
    assert_eq!(
        results[0]["attestation"]
            .as_str()
            .map(|t| t.split('.').count()),
        Some(3)
    );
    assert!(results[0].get("error").is_none(), "{}", results[0]);

    assert_eq!(
        results[1]["error"]["code"], "invalid_number",
        "one code, as a single lookup"
    );
    assert_eq!(results[1]["error"]["reason"], "bad_character");
    assert!(results[1]["error"]["detail"]
        .as_str()
        .is_some_and(|d| !d.is_empty()));
    assert!(results[1].get("status").is_none(), "{}", results[1]);
    assert!(results[1].get("number").is_none(), "{}", results[1]);

    assert_eq!(results[2]["number"], LEVEL_B);
    assert_eq!(results[2]["status"], "verified");
    assert_eq!(results[2]["level"], "B");

    assert_eq!(results[3]["error"]["reason"], "empty");

    assert_eq!(results[4]["number"], UNLISTED);
    assert_eq!(results[4]["status"], "unknown");
    assert!(results[4]["business"].is_null());

    assert_eq!(results[5]["number"], TELEFONICA);
    assert_eq!(results[5]["status"], "verified");

    assert_eq!(results[6]["error"]["reason"], "needs_region");

    assert_eq!(results[7]["number"], UNPROVEN);
    assert_eq!(results[7]["status"], "unknown", "a claim is not public");
    assert!(results[7]["business"].is_null());
    assert!(results[7]["attestation"].is_null());
}

#[tokio::test]
async fn a_batch_answer_matches_the_single_lookups() {
    let app = spawn_app().await;
    let numbers = [KLM, TELEFONICA, LEVEL_B, UNPROVEN, UNLISTED];
    let (status, body) = app
        .post_json("/v1/numbers/lookup", &json!({ "numbers": numbers }))
        .await;
    assert_eq!(status, 200);
    for (result, number) in body["results"]
        .as_array()
        .expect("results")
        .iter()
        .zip(numbers)
    {
        let (_, single) = app.get_json(&format!("/v1/numbers/{number}")).await;
        for field in [
            "number",
            "status",
            "level",
            "business",
            "attestation",
            "reputation",
        ] {
            assert_eq!(result[field], single[field], "{number} {field}");
        }
    }
}

#[tokio::test]
async fn exactly_one_thousand_numbers_are_answered() {
    let app = spawn_app().await;
    let mut numbers: Vec<String> = (0..1000)
        .map(|i| format!("+3120{:07}", 5_000_000 + i))
        .collect();
    numbers[999] = KLM.to_owned();
    let (status, body) = app
        .post_json("/v1/numbers/lookup", &json!({ "numbers": numbers }))
        .await;
    assert_eq!(status, 200, "{body}");
    let results = body["results"].as_array().expect("results");
    assert_eq!(results.len(), 1000);
    assert!(results.iter().all(|r| r.get("error").is_none()));
    assert_eq!(results[0]["number"], "+31205000000");
    assert_eq!(results[0]["status"], "unknown");
    assert_eq!(results[500]["number"], numbers[500]);
    assert_eq!(results[999]["number"], KLM);
    assert_eq!(results[999]["status"], "verified");
}

#[tokio::test]
async fn more_than_one_thousand_numbers_are_a_400_problem() {
    let app = spawn_app().await;
    let numbers: Vec<String> = (0..1001)
        .map(|i| format!("+3120{:07}", 5_000_000 + i))
        .collect();
    let response = app
        .client
        .post(app.url("/v1/numbers/lookup"))
        .json(&json!({ "numbers": numbers }))
        .send()
        .await
        .expect("request");
    let problem = assert_problem(response, 400, "invalid_request").await;
    assert_eq!(problem["field"], "numbers");
}

#[tokio::test]
async fn an_empty_batch_gets_an_empty_answer() {
    let app = spawn_app().await;
    let (status, body) = app
        .post_json("/v1/numbers/lookup", &json!({ "numbers": [] }))
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["results"], json!([]));
}

#[tokio::test]
async fn the_region_field_applies_to_national_numbers_only() {
    let app = spawn_app().await;
    let (status, body) = app
        .post_json(
            "/v1/numbers/lookup",
            &json!({ "numbers": ["020 649 9123", "(0)23 532 1987", TELEFONICA], "region": "NL" }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let results = body["results"].as_array().expect("results");
    assert_eq!(results[0]["number"], KLM);
    assert_eq!(results[0]["status"], "verified");
    assert_eq!(results[1]["number"], UNPROVEN);
    assert_eq!(results[2]["number"], TELEFONICA);
    assert_eq!(results[2]["status"], "verified");
}

#[tokio::test]
async fn an_unknown_batch_region_is_a_400_problem_naming_the_field() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/v1/numbers/lookup"))
        .json(&json!({ "numbers": ["020 649 9123"], "region": "XX" }))
        .send()
        .await
        .expect("request");
    let problem = assert_problem(response, 400, "invalid_request").await;
    assert_eq!(problem["field"], "region");
}

#[tokio::test]
async fn batch_display_names_follow_lang_and_accept_language() {
    let app = spawn_app().await;
    let (_, body) = app
        .post_json(
            "/v1/numbers/lookup",
            &json!({ "numbers": [KLM], "lang": "en" }),
        )
        .await;
    assert_eq!(
        body["results"][0]["business"]["display_name"],
        "KLM Royal Dutch Airlines"
    );

    let response = app
        .client
        .post(app.url("/v1/numbers/lookup"))
        .header("accept-language", "es")
        .json(&json!({ "numbers": [KLM] }))
        .send()
        .await
        .expect("request");
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(
        body["results"][0]["business"]["display_name"],
        "KLM Reales Líneas Aéreas Neerlandesas"
    );
}

#[tokio::test]
async fn a_00_dialling_prefix_without_region_is_refused_as_needing_a_region() {
    // "00" is the international prefix of some regions only (NANP dials
    // 011), so without a region the input is not in international form.
    let app = spawn_app().await;
    let (status, body) = app
        .post_json(
            "/v1/numbers/lookup",
            &json!({ "numbers": ["0031206499123", "0031 20 649 9123"] }),
        )
        .await;
    assert_eq!(status, 200);
    for result in body["results"].as_array().expect("results") {
        assert_eq!(result["error"]["reason"], "needs_region", "{result}");
    }
    let (_, with_region) = app
        .post_json(
            "/v1/numbers/lookup",
            &json!({ "numbers": ["0031206499123"], "region": "NL" }),
        )
        .await;
    assert_eq!(with_region["results"][0]["number"], KLM);
}

#[tokio::test]
async fn a_batch_entry_is_the_single_answer_with_its_input_first() {
    let app = spawn_app().await;
    let (_, single) = app.get_json(&format!("/v1/numbers/{KLM}")).await;
    let body = json!({"numbers": [KLM, "+31 20 649 9123", UNLISTED, "not a number"]});
    let r = app
        .client
        .post(app.url("/v1/numbers/lookup"))
        .json(&body)
        .send()
        .await
        .unwrap();
    let text = r.text().await.unwrap();
    assert!(
        text.starts_with(&format!("{{\"results\":[{{\"input\":\"{KLM}\",\"number\"")),
        "{text}"
    );
    let answer: serde_json::Value = serde_json::from_str(&text).unwrap();
    let results = answer["results"].as_array().unwrap();
    for (entry, input) in results[..2].iter().zip([KLM, "+31 20 649 9123"]) {
        assert_eq!(entry["input"], input);
        let mut rest = entry.clone();
        rest.as_object_mut().unwrap().remove("input");
        assert_eq!(rest, single, "{input}");
    }
    assert_eq!(results[2]["status"], "unknown");
    assert!(results[3]["error"]["code"].is_string());

    let (_, english) = app
        .post_json(
            "/v1/numbers/lookup",
            &json!({"numbers": [KLM], "lang": "en"}),
        )
        .await;
    assert_eq!(
        english["results"][0]["business"]["display_name"],
        "KLM Royal Dutch Airlines"
    );
}
