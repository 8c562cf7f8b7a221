//! Checking tokens: `POST /v1/attestations/verify`, revocation included.

use bizseal::keys::{thumbprint, Keyring};
use bizseal::token::{self, Claims};
use ring::rand::SystemRandom;
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde_json::{json, Value};

use crate::helpers::*;

const TYP: &str = "bizseal-attestation+jwt";
const DAY: i64 = 24 * 3600;

/// A JWS compact token from a header, a payload and a signing function.
fn jws(header: &Value, payload: &str, sign: impl Fn(&[u8]) -> Vec<u8>) -> String {
    let input = format!("{}.{}", b64(header.to_string()), b64(payload));
    let signature = sign(input.as_bytes());
    format!("{input}.{}", b64(signature))
}

/// An Ed25519 key pair that bizseal has never seen.
fn foreign_key() -> Ed25519KeyPair {
    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).expect("generate");
    Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).expect("key pair")
}

/// Claims for KLM valid from `nbf` to `exp`, with a serial of their own.
fn klm_claims(nbf: i64, exp: i64, jti: &str) -> Claims {
    Claims {
        iss: "bizseal".into(),
        sub: KLM.into(),
        biz: KLM_ID.into(),
        nam: "KLM Koninklijke Luchtvaart Maatschappij".into(),
        lvl: "A".into(),
        iat: nbf,
        nbf,
        exp,
        jti: jti.into(),
        evd: vec![],
        rcdi: Default::default(),
    }
}

/// Asserts a refusal: 200, not valid, this reason, no claims.
async fn assert_refused(app: &TestApp, token: &str, reason: &str) {
    let answer = app.verify(&json!({ "token": token })).await;
    assert_eq!(answer["valid"], false, "{reason}: {answer}");
    assert_eq!(answer["reason"], reason, "token {token:?}: {answer}");
    assert!(answer["claims"].is_null(), "{reason}: {answer}");
    assert!(answer["status"].is_null(), "{reason}: {answer}");
}

#[tokio::test]
async fn a_token_from_a_lookup_verifies_with_its_claims_and_status() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let answer = app.verify(&json!({ "token": token })).await;
    assert_eq!(answer["valid"], true, "{answer}");
    assert_eq!(answer["reason"], "ok");
    assert_eq!(answer["status"], "verified");
    let claims = &answer["claims"];
    assert_eq!(claims["sub"], KLM);
    assert_eq!(claims["biz"], KLM_ID);
    assert_eq!(claims["lvl"], "A");
    assert_eq!(claims["iss"], "bizseal");
    assert_eq!(claims["nam"], "KLM Koninklijke Luchtvaart Maatschappij");
    let (iat, nbf, exp) = (
        claims["iat"].as_i64().expect("iat"),
        claims["nbf"].as_i64().expect("nbf"),
        claims["exp"].as_i64().expect("exp"),
    );
    assert_eq!(nbf, iat);
    assert_eq!(exp - iat, 30 * DAY, "default lifetime is 30 days");
    assert!(iat <= now() && now() < exp);
    assert!(claims["jti"].as_str().is_some_and(|j| !j.is_empty()));
}

#[tokio::test]
async fn a_level_b_token_verifies_with_status_verified() {
    let app = spawn_app().await;
    let token = app.token_of(LEVEL_B).await;
    let answer = app
        .verify(&json!({ "token": token, "number": LEVEL_B }))
        .await;
    assert_eq!(answer["valid"], true, "{answer}");
    assert_eq!(answer["reason"], "ok");
    assert_eq!(answer["claims"]["lvl"], "B");
    assert_eq!(answer["status"], "verified");
}

#[tokio::test]
async fn the_right_number_in_any_format_verifies() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    for body in [
        json!({ "token": token, "number": KLM }),
        json!({ "token": token, "number": "+31 20 649 9123" }),
        json!({ "token": token, "number": "+31 (0)20-649.9123" }),
        json!({ "token": token, "number": "020 649 9123", "region": "NL" }),
    ] {
        let answer = app.verify(&body).await;
        assert_eq!(answer["valid"], true, "{body}: {answer}");
        assert_eq!(answer["reason"], "ok", "{body}");
    }
}

#[tokio::test]
async fn another_number_is_a_number_mismatch() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let answer = app
        .verify(&json!({ "token": token, "number": TELEFONICA }))
        .await;
    assert_eq!(answer["valid"], false);
    assert_eq!(answer["reason"], "number_mismatch");
    assert_eq!(answer["claims"]["sub"], KLM);
}

#[tokio::test]
async fn an_invalid_number_beside_a_token_is_a_400_problem() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let response = app
        .client
        .post(app.url("/v1/attestations/verify"))
        .json(&json!({ "token": token, "number": "020 649 9123" }))
        .send()
        .await
        .expect("request");
    assert_problem(response, 400, "invalid_number").await;
}

#[tokio::test]
async fn alg_none_is_unsupported_alg() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let payload = token.split('.').nth(1).expect("payload");
    let header = b64(json!({ "alg": "none", "typ": TYP }).to_string());
    assert_refused(&app, &format!("{header}.{payload}."), "unsupported_alg").await;
    let header =
        b64(json!({ "alg": "none", "typ": TYP, "kid": jws_part(&token, 0)["kid"] }).to_string());
    assert_refused(&app, &format!("{header}.{payload}."), "unsupported_alg").await;
}

#[tokio::test]
async fn an_hs256_header_is_unsupported_alg() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let parts: Vec<&str> = token.split('.').collect();
    let kid = jws_part(&token, 0)["kid"].clone();
    let header = b64(json!({ "alg": "HS256", "typ": TYP, "kid": kid }).to_string());
    assert_refused(
        &app,
        &format!("{header}.{}.{}", parts[1], parts[2]),
        "unsupported_alg",
    )
    .await;
    // HMAC keyed with the published public key: the classic confusion attack.
    let x = app.service.keyring().published()[0].public.clone();
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &x);
    let hs = jws(
        &json!({ "alg": "HS256", "typ": TYP, "kid": kid }),
        &jws_part(&token, 1).to_string(),
        |m| ring::hmac::sign(&key, m).as_ref().to_vec(),
    );
    assert_refused(&app, &hs, "unsupported_alg").await;
}

#[tokio::test]
async fn a_tampered_payload_is_bad_signature() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let parts: Vec<&str> = token.split('.').collect();
    let mut claims = jws_part(&token, 1);
    claims["sub"] = json!(TELEFONICA);
    let tampered = format!("{}.{}.{}", parts[0], b64(claims.to_string()), parts[2]);
    assert_refused(&app, &tampered, "bad_signature").await;
    let mut claims = jws_part(&token, 1);
    claims["exp"] = json!(claims["exp"].as_i64().expect("exp") + 365 * DAY);
    let extended = format!("{}.{}.{}", parts[0], b64(claims.to_string()), parts[2]);
    assert_refused(&app, &extended, "bad_signature").await;
}

#[tokio::test]
async fn a_token_signed_by_a_foreign_key_is_refused() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let payload = jws_part(&token, 1).to_string();
    let foreign = foreign_key();
    let own_kid = thumbprint(foreign.public_key().as_ref());
    let with_own_kid = jws(
        &json!({ "alg": "EdDSA", "typ": TYP, "kid": own_kid }),
        &payload,
        |m| foreign.sign(m).as_ref().to_vec(),
    );
    assert_refused(&app, &with_own_kid, "unknown_key").await;
    let our_kid = jws_part(&token, 0)["kid"].clone();
    let with_our_kid = jws(
        &json!({ "alg": "EdDSA", "typ": TYP, "kid": our_kid }),
        &payload,
        |m| foreign.sign(m).as_ref().to_vec(),
    );
    assert_refused(&app, &with_our_kid, "bad_signature").await;
}

#[tokio::test]
async fn an_unknown_or_missing_kid_is_unknown_key() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let parts: Vec<&str> = token.split('.').collect();
    let header = b64(json!({ "alg": "EdDSA", "typ": TYP, "kid": "no-such-key" }).to_string());
    assert_refused(
        &app,
        &format!("{header}.{}.{}", parts[1], parts[2]),
        "unknown_key",
    )
    .await;
    let header = b64(json!({ "alg": "EdDSA", "typ": TYP }).to_string());
    assert_refused(
        &app,
        &format!("{header}.{}.{}", parts[1], parts[2]),
        "unknown_key",
    )
    .await;
}

#[tokio::test]
async fn truncated_tokens_are_refused() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    // Two characters less leave a whole 63-byte signature: it does not verify.
    assert_refused(&app, &token[..token.len() - 2], "bad_signature").await;
    // One character less is not base64url at all.
    assert_refused(&app, &token[..token.len() - 1], "malformed").await;
    // Without the signature part.
    let cut = token.rfind('.').expect("dot");
    assert_refused(&app, &token[..cut + 1], "bad_signature").await;
    assert_refused(&app, &token[..cut], "malformed").await;
    // Cut in the middle of the payload.
    assert_refused(&app, &token[..token.len() / 2], "malformed").await;
}

#[tokio::test]
async fn tokens_that_are_not_three_base64url_parts_are_malformed() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let parts: Vec<&str> = token.split('.').collect();
    let garbage = [
        String::new(),
        "not a token".to_owned(),
        format!("{}.{}", parts[0], parts[1]),
        format!("{token}.{}", parts[2]),
        "a.b.c".to_owned(),
        "...".to_owned(),
        "eyJhbGciOiJFZERTQSJ9.!!!.???".to_owned(),
        "x".repeat(20_000),
        format!("{}.{}.{}", b64("[1,2,3]"), parts[1], parts[2]),
        format!("{}.{}.{}", b64("not json"), parts[1], parts[2]),
    ];
    for t in garbage {
        assert_refused(&app, &t, "malformed").await;
    }
}

#[tokio::test]
async fn headers_that_bring_their_own_key_or_lack_the_type_are_malformed() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let parts: Vec<&str> = token.split('.').collect();
    let kid = jws_part(&token, 0)["kid"].clone();
    let headers = [
        json!({ "alg": "EdDSA", "typ": TYP, "kid": kid, "jku": "https://evil.example/jwks.json" }),
        json!({ "alg": "EdDSA", "typ": TYP, "kid": kid, "x5u": "https://evil.example/cert.pem" }),
        json!({ "alg": "EdDSA", "typ": TYP, "kid": kid, "jwk": { "kty": "OKP", "crv": "Ed25519", "x": "AAAA" } }),
        json!({ "alg": "EdDSA", "typ": TYP, "kid": kid, "crit": ["exp"] }),
        json!({ "alg": "EdDSA", "typ": "JWT", "kid": kid }),
        json!({ "alg": "EdDSA", "kid": kid }),
        json!({ "typ": TYP, "kid": kid }),
    ];
    for header in headers {
        let forged = format!("{}.{}.{}", b64(header.to_string()), parts[1], parts[2]);
        assert_refused(&app, &forged, "malformed").await;
    }
}

#[tokio::test]
async fn the_fully_specified_ed25519_alg_is_accepted() {
    let app = spawn_app().await;
    let keyring = app.service.keyring();
    let claims = serde_json::to_string(&klm_claims(
        now(),
        now() + DAY,
        "01JD7Z3K8Q0000000000000ED2",
    ))
    .expect("claims");
    let token = jws(
        &json!({ "alg": "Ed25519", "typ": TYP, "kid": keyring.active_kid() }),
        &claims,
        |m| keyring.sign(m),
    );
    let answer = app.verify(&json!({ "token": token })).await;
    assert_eq!(answer["valid"], true, "{answer}");
    assert_eq!(answer["reason"], "ok");
}

/// Signs claims with the service's own active key.
fn service_token(keyring: &Keyring, claims: &Claims) -> String {
    token::sign(keyring, claims)
}

#[tokio::test]
async fn an_expired_token_is_refused_with_reason_expired() {
    let app = spawn_app().await;
    let t = now();
    let token = service_token(
        &app.service.keyring(),
        &klm_claims(t - 40 * DAY, t - 10 * DAY, "01JD7Z3K8Q00000000000EXP01"),
    );
    let answer = app.verify(&json!({ "token": token })).await;
    assert_eq!(answer["valid"], false);
    assert_eq!(answer["reason"], "expired");
    assert_eq!(answer["claims"]["sub"], KLM);
    assert_eq!(answer["status"], "verified");

    let just_expired = service_token(
        &app.service.keyring(),
        &klm_claims(t - DAY, t - 120, "01JD7Z3K8Q00000000000EXP02"),
    );
    let answer = app.verify(&json!({ "token": just_expired })).await;
    assert_eq!(answer["reason"], "expired");
}

#[tokio::test]
async fn an_expired_token_is_expired_whatever_number_it_is_checked_against() {
    let app = spawn_app().await;
    let t = now();
    let token = service_token(
        &app.service.keyring(),
        &klm_claims(t - 40 * DAY, t - 10 * DAY, "01JD7Z3K8Q00000000000EXP03"),
    );
    for number in [KLM, "+31 20 649 9123", TELEFONICA] {
        let answer = app
            .verify(&json!({ "token": token, "number": number }))
            .await;
        assert_eq!(answer["reason"], "expired", "{number}: {answer}");
    }
}

#[tokio::test]
async fn an_invalid_number_is_a_400_whatever_the_token() {
    let app = spawn_app().await;
    for token in [app.token_of(KLM).await, "not.a.token".to_owned()] {
        let response = app
            .client
            .post(app.url("/v1/attestations/verify"))
            .json(&json!({ "token": token, "number": "+31 12" }))
            .send()
            .await
            .expect("request");
        assert_problem(response, 400, "invalid_number").await;
    }
}

#[tokio::test]
async fn a_token_expired_less_than_the_clock_skew_ago_still_verifies() {
    let app = spawn_app().await;
    let t = now();
    let token = service_token(
        &app.service.keyring(),
        &klm_claims(t - DAY, t - 20, "01JD7Z3K8Q00000000000SKEW1"),
    );
    let answer = app.verify(&json!({ "token": token })).await;
    assert_eq!(answer["reason"], "ok", "{answer}");
    assert_eq!(answer["valid"], true);
}

#[tokio::test]
async fn a_token_not_valid_yet_is_refused_with_reason_not_yet_valid() {
    let app = spawn_app().await;
    let t = now();
    let token = service_token(
        &app.service.keyring(),
        &klm_claims(t + 3600, t + 30 * DAY, "01JD7Z3K8Q00000000000NBF01"),
    );
    let answer = app.verify(&json!({ "token": token })).await;
    assert_eq!(answer["valid"], false);
    assert_eq!(answer["reason"], "not_yet_valid");
    assert_eq!(answer["claims"]["sub"], KLM);

    let within_skew = service_token(
        &app.service.keyring(),
        &klm_claims(t + 30, t + 30 * DAY, "01JD7Z3K8Q00000000000NBF02"),
    );
    let answer = app.verify(&json!({ "token": within_skew })).await;
    assert_eq!(answer["reason"], "ok", "{answer}");
}

/// The KLM demo line with its number's level taken away.
fn klm_without_level() -> String {
    let mut profile = demo_profile(KLM_ID);
    profile["numbers"][0]
        .as_object_mut()
        .expect("number object")
        .remove("level");
    profile.to_string()
}

#[tokio::test]
async fn a_withdrawn_level_revokes_the_old_token() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let serial = jws_part(&token, 1)["jti"].as_str().expect("jti").to_owned();

    let report = app.import(klm_without_level()).await;
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (0, 1, 0)
    );
    assert!(report.failed.is_empty(), "{:?}", report.failed);

    let answer = app.verify(&json!({ "token": token })).await;
    assert_eq!(answer["valid"], false);
    assert_eq!(answer["reason"], "revoked");
    assert_eq!(answer["claims"]["jti"], serial);
    assert_eq!(
        answer["status"], "unknown",
        "a number without a level is only claimed"
    );

    let (status, lookup) = app.get_json(&format!("/v1/numbers/{KLM}")).await;
    assert_eq!(status, 200);
    assert_eq!(lookup["status"], "unknown");
    assert!(lookup["attestation"].is_null(), "{lookup}");
    assert!(lookup["level"].is_null(), "{lookup}");

    let (status, list) = app.get_json("/v1/revocations").await;
    assert_eq!(status, 200);
    let revocations = list["revocations"].as_array().expect("revocations");
    let revoked = revocations
        .iter()
        .find(|r| r["serial"] == serial)
        .unwrap_or_else(|| panic!("{serial} not in {list}"));
    assert_eq!(revoked["number"], KLM);
    assert_eq!(revoked["business"], KLM_ID);
    assert_eq!(revoked["reason"], "level withdrawn by import");
    assert!(
        revoked["at"]
            .as_i64()
            .is_some_and(|at| (now() - at).abs() < 3600),
        "{revoked}"
    );
}

#[tokio::test]
async fn a_revocation_outranks_a_number_mismatch() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    app.import(klm_without_level()).await;
    let answer = app
        .verify(&json!({ "token": token, "number": TELEFONICA }))
        .await;
    assert_eq!(answer["valid"], false);
    assert_eq!(answer["reason"], "revoked");
}

#[tokio::test]
async fn a_changed_level_supersedes_the_old_token_with_a_new_one() {
    let app = spawn_app().await;
    let old = app.token_of(KLM).await;
    let mut profile = demo_profile(KLM_ID);
    profile["numbers"][0]["level"] = json!("B");
    let report = app.import(profile.to_string()).await;
    assert_eq!(report.updated, 1);

    let new = app.token_of(KLM).await;
    assert_ne!(new, old);
    assert_eq!(jws_part(&new, 1)["lvl"], "B");
    let answer = app.verify(&json!({ "token": new, "number": KLM })).await;
    assert_eq!(answer["reason"], "ok", "{answer}");
    assert_eq!(answer["status"], "verified", "level B is reviewed too");
    let answer = app.verify(&json!({ "token": old })).await;
    assert_eq!(answer["reason"], "revoked");
}

#[tokio::test]
async fn reimporting_an_unchanged_profile_keeps_its_token_valid() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let report = app.import(demo_profile(KLM_ID).to_string()).await;
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (0, 0, 1)
    );
    assert_eq!(app.token_of(KLM).await, token);
    let answer = app.verify(&json!({ "token": token })).await;
    assert_eq!(answer["reason"], "ok");
    let (_, list) = app.get_json("/v1/revocations").await;
    assert_eq!(list["revocations"], json!([]));
}

#[tokio::test]
async fn a_number_removed_from_its_profile_is_revoked_unlisted_and_free_to_claim() {
    let app = spawn_app().await;
    let token = app.token_of(TELEFONICA).await;
    let mut profile = demo_profile(TELEFONICA_ID);
    profile["numbers"]
        .as_array_mut()
        .expect("numbers")
        .retain(|n| n["number"] != TELEFONICA);
    let report = app.import(profile.to_string()).await;
    assert_eq!(report.updated, 1, "{:?}", report.failed);

    let (_, body) = app.get_json(&format!("/v1/numbers/{TELEFONICA}")).await;
    assert_eq!(body["status"], "unknown");
    assert!(body["business"].is_null(), "{body}");
    let hash = sha256_hex(TELEFONICA);
    let (_, bucket) = app
        .get_json(&format!("/v1/numbers/range/{}", &hash[..5]))
        .await;
    let entries = bucket["entries"].as_array().expect("entries");
    assert!(entries.iter().all(|e| e["suffix"] != hash[5..]), "{bucket}");

    let answer = app.verify(&json!({ "token": token })).await;
    assert_eq!(answer["reason"], "revoked");
    assert_eq!(answer["status"], "unknown");
    let (_, list) = app.get_json("/v1/revocations").await;
    let serial = jws_part(&token, 1)["jti"].clone();
    let revoked = list["revocations"]
        .as_array()
        .expect("revocations")
        .iter()
        .find(|r| r["serial"] == serial)
        .cloned()
        .expect("listed");
    assert_eq!(revoked["reason"], "removed from the profile");

    let newcomer = json!({
        "legal_name": "Nueva Empresa S.L.",
        "names": { "es": "Nueva Empresa" },
        "default_lang": "es",
        "category": "retail",
        "country": "ES",
        "numbers": [{ "number": TELEFONICA, "level": "B" }],
        "status": "verified",
    });
    let report = app.import(newcomer.to_string()).await;
    assert_eq!(report.created, 1, "{:?}", report.failed);
    let (_, body) = app.get_json(&format!("/v1/numbers/{TELEFONICA}")).await;
    assert_eq!(body["business"]["display_name"], "Nueva Empresa");
    assert_eq!(body["level"], "B");
}

#[tokio::test]
async fn revocations_can_be_read_since_a_time_and_in_pages() {
    let app = spawn_app().await;
    let klm = app.token_of(KLM).await;
    let telefonica = app.token_of(TELEFONICA).await;
    let mut withdrawn = demo_profile(TELEFONICA_ID);
    for n in withdrawn["numbers"].as_array_mut().expect("numbers") {
        n.as_object_mut().expect("number").remove("level");
    }
    app.import(format!("{}\n{}", klm_without_level(), withdrawn))
        .await;

    let (_, all) = app.get_json("/v1/revocations").await;
    let all = all["revocations"].as_array().expect("revocations").clone();
    assert_eq!(all.len(), 3, "{all:?}");
    let serials: Vec<&Value> = all.iter().map(|r| &r["serial"]).collect();
    assert!(serials.contains(&&jws_part(&klm, 1)["jti"]));
    assert!(serials.contains(&&jws_part(&telefonica, 1)["jti"]));

    let (_, page) = app.get_json("/v1/revocations?limit=2").await;
    assert_eq!(page["revocations"].as_array().map(Vec::len), Some(2));
    // The cursor continues after the last one seen, even within a second.
    let next = page["next"].as_str().expect("a full page names the next");
    let (_, rest) = app
        .get_json(&format!("/v1/revocations?limit=2&after={next}"))
        .await;
    assert_eq!(rest["revocations"].as_array().map(Vec::len), Some(1));
    assert!(rest["next"].is_null());
    let mut paged: Vec<Value> = page["revocations"].as_array().unwrap().clone();
    paged.extend(rest["revocations"].as_array().unwrap().iter().cloned());
    assert_eq!(paged, all);
    let (_, later) = app
        .get_json(&format!("/v1/revocations?since={}", now() + 3600))
        .await;
    assert_eq!(later["revocations"], json!([]));
}

/// A batch answers each token as the single check would, in order, with
/// an error entry for a number that is not one.
#[tokio::test]
async fn a_batch_answers_each_token_as_the_single_check_does() {
    let app = spawn_app().await;
    let klm = app.token_of(KLM).await;
    let telefonica = app.token_of(TELEFONICA).await;
    let parts: Vec<&str> = klm.split('.').collect();
    let mut claims = jws_part(&klm, 1);
    claims["sub"] = json!(TELEFONICA);
    let tampered = format!("{}.{}.{}", parts[0], b64(claims.to_string()), parts[2]);
    let checks = json!([
        {"token": klm, "number": "020 649 9123"},
        {"token": telefonica},
        {"token": klm, "number": TELEFONICA},
        {"token": tampered},
        {"token": "not.a.token"},
        {"token": klm, "number": "+31 20 CALL KLM"},
    ]);
    let (status, body) = app
        .post_json(
            "/v1/attestations/verify/batch",
            &json!({"tokens": checks, "region": "NL"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let results = body["results"].as_array().expect("results");
    assert_eq!(results.len(), 6, "{body}");
    for (i, check) in checks.as_array().unwrap().iter().enumerate().take(5) {
        let mut single = check.clone();
        single["region"] = json!("NL");
        assert_eq!(results[i], app.verify(&single).await, "entry {i}");
    }
    assert_eq!(results[0]["reason"], "ok");
    assert_eq!(results[1]["claims"]["sub"], TELEFONICA);
    assert_eq!(results[2]["reason"], "number_mismatch");
    assert_eq!(results[3]["reason"], "bad_signature");
    assert_eq!(results[4]["reason"], "malformed");
    assert_eq!(results[5]["error"]["code"], "invalid_number", "{body}");
    assert_eq!(results[5]["error"]["reason"], "bad_character", "{body}");
    assert!(results[5].get("valid").is_none(), "{body}");

    // A revoked token is revoked in a batch too.
    let report = app.import(klm_without_level()).await;
    assert_eq!(report.updated, 1);
    let (_, body) = app
        .post_json(
            "/v1/attestations/verify/batch",
            &json!({"tokens": [{"token": klm}]}),
        )
        .await;
    assert_eq!(body["results"][0]["reason"], "revoked", "{body}");
}

#[tokio::test]
async fn a_batch_of_more_than_200_tokens_is_a_400_problem() {
    let app = spawn_app().await;
    let tokens: Vec<Value> = (0..201).map(|_| json!({"token": "a.b.c"})).collect();
    let r = app
        .client
        .post(app.url("/v1/attestations/verify/batch"))
        .json(&json!({ "tokens": tokens }))
        .send()
        .await
        .unwrap();
    let problem = assert_problem(r, 400, "invalid_request").await;
    assert!(
        problem["detail"].as_str().unwrap().contains("at most 200"),
        "{problem}"
    );
}
