//! Looking up numbers: one, many, by hash prefix.

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
