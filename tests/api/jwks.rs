//! The published keys: `GET /.well-known/jwks.json`, checked by a
//! third-party JOSE library, and key rotation.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{json, Value};

use crate::helpers::*;

/// The RFC 7638 thumbprint of an OKP key, computed here from the JWK's
/// required members in lexicographic order, without whitespace.
fn rfc7638_thumbprint(jwk: &Value) -> String {
    let canonical = format!(
        r#"{{"crv":"{}","kty":"{}","x":"{}"}}"#,
        jwk["crv"].as_str().expect("crv"),
        jwk["kty"].as_str().expect("kty"),
        jwk["x"].as_str().expect("x"),
    );
    b64(ring::digest::digest(
        &ring::digest::SHA256,
        canonical.as_bytes(),
    ))
}

async fn jwks(app: &TestApp) -> Value {
    let (status, body) = app.get_json("/.well-known/jwks.json").await;
    assert_eq!(status, 200, "{body}");
    body
}

fn kids(jwks: &Value) -> Vec<String> {
    jwks["keys"]
        .as_array()
        .expect("keys")
        .iter()
        .map(|k| k["kid"].as_str().expect("kid").to_owned())
        .collect()
}

/// Verifies a token with the `jsonwebtoken` crate and the served JWKS.
fn third_party_decode(token: &str, jwks: &Value) -> Result<Value, jsonwebtoken::errors::Error> {
    let set: JwkSet = serde_json::from_value(jwks.clone()).expect("jsonwebtoken reads the JWKS");
    let header = jsonwebtoken::decode_header(token)?;
    assert_eq!(header.alg, Algorithm::EdDSA);
    let kid = header.kid.expect("token names its key");
    let jwk = set.find(&kid).expect("the token's kid is in the JWKS");
    let key = DecodingKey::from_jwk(jwk)?;
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.set_required_spec_claims(&["exp", "nbf", "iss", "sub"]);
    validation.set_issuer(&["bizseal"]);
    validation.validate_nbf = true;
    validation.leeway = 60;
    jsonwebtoken::decode::<Value>(token, &key, &validation).map(|data| data.claims)
}

#[tokio::test]
async fn the_jwks_lists_ed25519_keys_named_by_their_rfc7638_thumbprint() {
    let app = spawn_app().await;
    let body = jwks(&app).await;
    let keys = body["keys"].as_array().expect("keys");
    assert_eq!(keys.len(), 1);
    let key = &keys[0];
    assert_eq!(key["kty"], "OKP");
    assert_eq!(key["crv"], "Ed25519");
    assert_eq!(key["alg"], "EdDSA");
    assert_eq!(key["use"], "sig");
    let x = URL_SAFE_NO_PAD
        .decode(key["x"].as_str().expect("x"))
        .expect("x is base64url");
    assert_eq!(x.len(), 32);
    assert_eq!(key["kid"], rfc7638_thumbprint(key));
    assert!(key.get("d").is_none(), "the private key is never published");
}

#[tokio::test]
async fn tokens_name_the_published_key() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    assert_eq!(
        kids(&jwks(&app).await),
        vec![jws_part(&token, 0)["kid"].as_str().expect("kid").to_owned()]
    );
}

#[tokio::test]
async fn a_third_party_library_verifies_a_token_with_the_jwks() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let claims =
        third_party_decode(&token, &jwks(&app).await).expect("jsonwebtoken accepts the token");
    assert_eq!(claims["sub"], KLM);
    assert_eq!(claims["biz"], KLM_ID);
    assert_eq!(claims["lvl"], "A");
    assert_eq!(claims["iss"], "bizseal");
}

#[tokio::test]
async fn a_third_party_library_refuses_a_tampered_token() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let parts: Vec<&str> = token.split('.').collect();
    let mut claims = jws_part(&token, 1);
    claims["sub"] = json!(TELEFONICA);
    let tampered = format!("{}.{}.{}", parts[0], b64(claims.to_string()), parts[2]);
    let err = third_party_decode(&tampered, &jwks(&app).await).expect_err("tampered token");
    assert_eq!(
        *err.kind(),
        jsonwebtoken::errors::ErrorKind::InvalidSignature
    );
}

#[tokio::test]
async fn after_rotation_both_keys_are_published_and_old_tokens_still_verify() {
    let app = spawn_app().await;
    let old_token = app.token_of(KLM).await;
    let old_kid = kids(&jwks(&app).await).remove(0);

    let new_kid = app.rotate_key().await;
    assert_ne!(new_kid, old_kid);
    let published = jwks(&app).await;
    let mut listed = kids(&published);
    listed.sort();
    let mut expected = vec![old_kid.clone(), new_kid.clone()];
    expected.sort();
    assert_eq!(listed, expected);
    for key in published["keys"].as_array().expect("keys") {
        assert_eq!(key["kid"], rfc7638_thumbprint(key));
    }

    let answer = app
        .verify(&json!({ "token": old_token, "number": KLM }))
        .await;
    assert_eq!(answer["valid"], true, "{answer}");
    assert_eq!(answer["reason"], "ok");
    assert_eq!(jws_part(&old_token, 0)["kid"], old_kid);
    third_party_decode(&old_token, &published).expect("old token against the rotated JWKS");
}

#[tokio::test]
async fn a_token_issued_after_rotation_carries_the_new_kid() {
    let app = spawn_app().await;
    let new_kid = app.rotate_key().await;
    let profile = json!({
        "legal_name": "Rotatie Test B.V.",
        "names": { "nl": "Rotatie Test" },
        "default_lang": "nl",
        "category": "retail",
        "country": "NL",
        "numbers": [{ "number": "020 555 0101", "level": "A" }],
    });
    let report = app.import(profile.to_string()).await;
    assert_eq!(report.created, 1, "{:?}", report.failed);

    let token = app.token_of("+31205550101").await;
    assert_eq!(jws_part(&token, 0)["kid"], new_kid);
    let answer = app.verify(&json!({ "token": token })).await;
    assert_eq!(answer["reason"], "ok", "{answer}");
    assert_eq!(answer["status"], "verified");
    let claims = third_party_decode(&token, &jwks(&app).await).expect("new token");
    assert_eq!(claims["sub"], "+31205550101");
    assert_eq!(claims["nam"], "Rotatie Test");
}
