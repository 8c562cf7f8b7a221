//! The transparency log over HTTP: the signed tree head, inclusion and
//! consistency proofs, entries, the offline badge bundle, signed answers
//! for every status, and the `bizseal verify --bundle` / `bizseal audit`
//! commands against a running server.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::Arc;

use bizseal::keys::VerifyingKeys;
use bizseal::model::{BusinessId, Level};
use bizseal::phone::PhoneNumber;
use bizseal::token;
use bizseal::translog::bundle::{self, Bundle};
use bizseal::translog::entry::{Entry, Kind};
use bizseal::translog::merkle::MemoryTree;
use bizseal::translog::{ConsistencyProof, EntryView, InclusionProof, Sth, STATUS_TYP};
use serde_json::Value;

use crate::helpers::*;

async fn keys(app: &TestApp) -> VerifyingKeys {
    let (_, jwks) = app.get_json("/.well-known/jwks.json").await;
    VerifyingKeys::from_jwks(&jwks).expect("the served JWKS")
}

async fn sth(app: &TestApp) -> Sth {
    let (status, body) = app.get_json("/v1/log/sth").await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_value(body).expect("an STH")
}

/// Every entry of the log, page by page.
async fn all_entries(app: &TestApp, size: u64) -> Vec<EntryView> {
    let mut out: Vec<EntryView> = Vec::new();
    while (out.len() as u64) < size {
        let (status, body) = app
            .get_json(&format!(
                "/v1/log/entries?start={}&end={}",
                out.len(),
                size - 1
            ))
            .await;
        assert_eq!(status, 200, "{body}");
        let page: Vec<EntryView> = serde_json::from_value(body["entries"].clone()).unwrap();
        assert!(!page.is_empty());
        out.extend(page);
    }
    out
}

async fn blocking<T: Send + 'static>(
    app: &TestApp,
    f: impl FnOnce(&bizseal::service::Service) -> T + Send + 'static,
) -> T {
    let service = Arc::clone(&app.service);
    tokio::task::spawn_blocking(move || f(&service))
        .await
        .expect("blocking task")
}

#[tokio::test]
async fn the_tree_head_is_a_jws_any_jose_library_checks_with_the_jwks() {
    let app = spawn_app().await;
    let head = sth(&app).await;
    assert!(head.tree_size > 0, "the demo data issued tokens");
    let root = head.verify(&keys(&app).await).expect("the head verifies");
    assert_eq!(head.root().unwrap(), root);
    let header = jws_part(&head.signature, 0);
    assert_eq!(header["typ"], "bizseal-sth+jwt");
    assert_eq!(header["alg"], "EdDSA");

    let (_, jwks) = app.get_json("/.well-known/jwks.json").await;
    let set: jsonwebtoken::jwk::JwkSet = serde_json::from_value(jwks).unwrap();
    let kid = header["kid"].as_str().unwrap();
    let key = jsonwebtoken::DecodingKey::from_jwk(set.find(kid).unwrap()).unwrap();
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::EdDSA);
    validation.set_required_spec_claims::<&str>(&[]);
    validation.validate_exp = false;
    let signed = jsonwebtoken::decode::<Value>(&head.signature, &key, &validation)
        .expect("jsonwebtoken accepts the tree head")
        .claims;
    assert_eq!(signed["tree_size"], head.tree_size);
    assert_eq!(signed["root_hash"], head.root_hash);
    assert_eq!(signed["timestamp"], head.timestamp);
}

#[tokio::test]
async fn every_entry_is_proven_in_the_head_and_the_entries_rebuild_its_root() {
    let app = spawn_app().await;
    let head = sth(&app).await;
    let root = head.root().unwrap();
    let entries = all_entries(&app, head.tree_size).await;
    let mut tree = MemoryTree::new();
    for (i, view) in entries.iter().enumerate() {
        assert_eq!(view.index, i as u64);
        let (bytes, entry) = view.entry().expect("the plain fields match the bytes");
        tree.push(&bytes);
        if entry.kind != Kind::Issued {
            continue;
        }
        let (status, body) = app
            .get_json(&format!(
                "/v1/log/proof?serial={}&tree_size={}",
                entry.serial, head.tree_size
            ))
            .await;
        assert_eq!(status, 200, "{body}");
        let proof: InclusionProof = serde_json::from_value(body).unwrap();
        assert_eq!(proof.leaf_index, i as u64);
        assert_eq!(proof.verify(&root).expect("the proof verifies"), entry);
    }
    assert_eq!(tree.root(), root);

    // The issue entry of KLM's token carries the token's hash.
    let token = app.token_of(KLM).await;
    let serial = jws_part(&token, 1)["jti"].as_str().unwrap().to_owned();
    let logged = entries.iter().find(|e| e.serial == serial).unwrap();
    assert_eq!(logged.kind, bizseal::translog::entry::Kind::Issued);
    assert_eq!(logged.number, KLM);
    assert_eq!(logged.business, KLM_ID);
    let digest = ring::digest::digest(&ring::digest::SHA256, token.as_bytes());
    assert_eq!(
        logged.token_sha256.as_deref(),
        Some(bizseal::translog::b64(digest.as_ref()).as_str())
    );
}

#[tokio::test]
async fn a_tampered_entry_or_a_wrong_proof_is_detected() {
    let app = spawn_app().await;
    let head = sth(&app).await;
    let root = head.root().unwrap();
    let token = app.token_of(KLM).await;
    let serial = jws_part(&token, 1)["jti"].as_str().unwrap().to_owned();
    let (_, body) = app
        .get_json(&format!("/v1/log/proof?serial={serial}"))
        .await;
    let proof: InclusionProof = serde_json::from_value(body).unwrap();
    proof.verify(&root).expect("the honest proof verifies");

    // The entry rewritten to name another business, its hash recomputed.
    let mut entry = Entry::decode(&b64_std_decode(&proof.leaf)).unwrap();
    entry.business = TELEFONICA_ID.into();
    let forged = entry.encode().unwrap();
    let path: Vec<_> = bizseal::translog::parse_hashes(&proof.audit_path, "path").unwrap();
    let tampered = InclusionProof::new(proof.leaf_index, proof.tree_size, &forged, &path);
    assert!(tampered.verify(&root).is_err());

    let mut wrong = proof.clone();
    wrong.audit_path.swap(0, 1);
    assert!(wrong.verify(&root).is_err());
    let mut moved = proof.clone();
    moved.leaf_index += 1;
    assert!(moved.verify(&root).is_err());
    let mut short = proof;
    short.audit_path.pop();
    assert!(short.verify(&root).is_err());
}

fn b64_std_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(s).unwrap()
}

#[tokio::test]
async fn revocations_are_logged_and_heads_stay_consistent_as_the_log_grows() {
    let app = spawn_app().await;
    let old = sth(&app).await;
    let token = app.token_of(TELEFONICA).await;
    let serial = jws_part(&token, 1)["jti"].as_str().unwrap().to_owned();
    blocking(&app, |s| {
        let n = PhoneNumber::parse(TELEFONICA, None).unwrap();
        s.revoke_number(&n, "tester", "fraud report confirmed")
    })
    .await
    .expect("revoke");
    let new = sth(&app).await;
    assert_eq!(new.tree_size, old.tree_size + 1);

    let (status, body) = app
        .get_json(&format!("/v1/log/proof?serial={serial}&kind=revoked"))
        .await;
    assert_eq!(status, 200, "{body}");
    let proof: InclusionProof = serde_json::from_value(body).unwrap();
    let entry = proof.verify(&new.root().unwrap()).unwrap();
    assert_eq!(entry.kind, Kind::Revoked);
    assert_eq!(entry.number, TELEFONICA);
    assert_eq!(proof.leaf_index, old.tree_size);

    let (status, body) = app
        .get_json(&format!(
            "/v1/log/consistency?first={}&second={}",
            old.tree_size, new.tree_size
        ))
        .await;
    assert_eq!(status, 200, "{body}");
    let consistency: ConsistencyProof = serde_json::from_value(body).unwrap();
    consistency
        .verify(&old.root().unwrap(), &new.root().unwrap())
        .expect("the old head is a prefix of the new one");
    // A forked head: same size as the old one, another root.
    let forked = bizseal::translog::merkle::leaf_hash(b"another history");
    assert!(consistency.verify(&forked, &new.root().unwrap()).is_err());
}

#[tokio::test]
async fn bad_log_parameters_are_problems() {
    let app = spawn_app().await;
    let size = sth(&app).await.tree_size;
    let serial = jws_part(&app.token_of(KLM).await, 1)["jti"]
        .as_str()
        .unwrap()
        .to_owned();
    for (path, status, code) in [
        ("/v1/log/proof".to_owned(), 400, "invalid_request"),
        ("/v1/log/proof?serial=NOPE".to_owned(), 404, "not_found"),
        (
            format!("/v1/log/proof?serial={serial}&tree_size={}", size + 1),
            400,
            "invalid_request",
        ),
        (
            format!("/v1/log/proof?serial={serial}&tree_size=0"),
            400,
            "invalid_request",
        ),
        (
            format!("/v1/log/proof?serial={serial}&tree_size=-1"),
            400,
            "invalid_request",
        ),
        (
            format!("/v1/log/proof?serial={serial}&kind=other"),
            400,
            "invalid_request",
        ),
        (
            format!("/v1/log/proof?serial={serial}&kind=revoked"),
            404,
            "not_found",
        ),
        (
            "/v1/log/consistency?first=0&second=1".to_owned(),
            400,
            "invalid_request",
        ),
        (
            "/v1/log/consistency?first=3&second=2".to_owned(),
            400,
            "invalid_request",
        ),
        (
            format!("/v1/log/consistency?first=1&second={}", size + 1),
            400,
            "invalid_request",
        ),
        (
            "/v1/log/consistency?first=x".to_owned(),
            400,
            "invalid_request",
        ),
        ("/v1/log/consistency".to_owned(), 400, "invalid_request"),
        (
            format!("/v1/log/entries?start={size}"),
            400,
            "invalid_request",
        ),
        (
            "/v1/log/entries?start=5&end=4".to_owned(),
            400,
            "invalid_request",
        ),
        (
            "/v1/log/entries?start=abc".to_owned(),
            400,
            "invalid_request",
        ),
        (
            format!("/v1/numbers/{KLM}?bundle=maybe"),
            400,
            "invalid_request",
        ),
        (
            format!("/v1/numbers/{KLM}?signed=2"),
            400,
            "invalid_request",
        ),
    ] {
        let response = app.get(&path).await;
        assert_problem(response, status, code).await;
    }
}

#[tokio::test]
async fn entry_pages_are_capped_and_the_end_is_inclusive() {
    let app = spawn_empty().await;
    blocking(&app, |s| {
        s.store().write(|w| {
            for i in 0..1005 {
                w.log_append(&Entry {
                    kind: Kind::Revoked,
                    at: i,
                    level: Level::B,
                    serial: format!("S{i}"),
                    number: "+31201234567".into(),
                    business: "b".into(),
                    name: "n".into(),
                    token_sha256: None,
                })?;
            }
            Ok::<_, bizseal::store::StoreError>(())
        })
    })
    .await
    .unwrap();
    let (_, body) = app.get_json("/v1/log/entries?start=0").await;
    assert_eq!(body["entries"].as_array().unwrap().len(), 1000);
    let (_, body) = app.get_json("/v1/log/entries?start=1000&end=5000").await;
    assert_eq!(body["entries"].as_array().unwrap().len(), 5);
    let (_, body) = app.get_json("/v1/log/entries?start=3&end=4").await;
    let page = body["entries"].as_array().unwrap();
    assert_eq!(page.len(), 2);
    assert_eq!(page[1]["index"], 4);
    assert_eq!(page[1]["kind"], "revoked");
    assert_eq!(page[1]["serial"], "S4");
}

#[tokio::test]
async fn a_bundle_verifies_offline_and_its_parts_belong_together() {
    let app = spawn_app().await;
    let (status, body) = app.get_json(&format!("/v1/numbers/{KLM}?bundle=1")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["status"], "verified",
        "the lookup answer is still there"
    );
    let b: Bundle = serde_json::from_value(body["bundle"].clone()).expect("a bundle");
    assert_eq!(Some(b.token.as_str()), body["attestation"].as_str());
    let keys = keys(&app).await;
    let verified = bundle::verify(&b, &keys, now(), Some(KLM)).expect("the bundle verifies");
    assert_eq!(verified.claims.biz, KLM_ID);

    let mut other = b.clone();
    other.token = app.token_of(TELEFONICA).await;
    assert!(bundle::verify(&other, &keys, now(), None).is_err());

    let (_, unknown) = app
        .get_json(&format!("/v1/numbers/{UNLISTED}?bundle=1"))
        .await;
    assert_eq!(unknown["status"], "unknown");
    assert!(unknown["bundle"].is_null() && unknown.get("bundle").is_some());
    let (_, plain) = app.get_json(&format!("/v1/numbers/{KLM}")).await;
    assert!(plain.get("bundle").is_none() && plain.get("signed").is_none());
}

#[tokio::test]
async fn signed_answers_cover_every_status() {
    let app = spawn_app().await;
    let keys = keys(&app).await;
    blocking(&app, |s| {
        let n = PhoneNumber::parse(TELEFONICA, None).unwrap();
        s.revoke_number(&n, "tester", "number given up")?;
        let santander = BusinessId::parse("b_01JD7Z3K8QZ4BPPY7VEE5J278E").unwrap();
        s.suspend(&santander, "tester", "impersonation inquiry")
    })
    .await
    .expect("revoke and suspend");
    for (number, status) in [
        (KLM, "verified"),
        (LEVEL_B, "verified"),
        (UNLISTED, "unknown"),
        ("+34913427110", "suspended"),
        (TELEFONICA, "revoked"),
    ] {
        let (code, body) = app
            .get_json(&format!("/v1/numbers/{number}?signed=1"))
            .await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(body["status"], status, "{number}");
        let signed = body["signed"].as_str().expect("a signed statement");
        assert_eq!(jws_part(signed, 0)["typ"], "bizseal-status+jwt");
        let statement =
            token::verify_payload(signed, &keys, STATUS_TYP).expect("the statement verifies");
        assert_eq!(statement["number"], number);
        assert_eq!(statement["status"], status);
        assert_eq!(statement["level"], body["level"]);
        assert_eq!(statement["business"], body["business"]["id"]);
        assert!((statement["at"].as_i64().unwrap() - now()).abs() < 60);
        // A signed answer is not an attestation: the badge check refuses it.
        assert_eq!(
            token::verify(signed, &keys, now(), None).reason,
            token::Reason::Malformed
        );
    }
}

/// Runs the real binary with `input` on stdin.
fn bizseal(args: &[&str], input: &str) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bizseal"))
        .args(args)
        .env("BIZSEAL_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run bizseal");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("bizseal output");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

#[tokio::test]
async fn verify_bundle_checks_everything_offline_from_a_file_or_stdin() {
    let app = spawn_app().await;
    let dir = app.dir.path().to_owned();
    let (_, jwks) = app.get_json("/.well-known/jwks.json").await;
    let jwks_file = dir.join("jwks.json");
    std::fs::write(&jwks_file, jwks.to_string()).unwrap();
    let (_, answer) = app.get_json(&format!("/v1/numbers/{KLM}?bundle=1")).await;
    let answer_file = dir.join("answer.json");
    std::fs::write(&answer_file, answer.to_string()).unwrap();
    let jwks_path = jwks_file.to_str().unwrap();

    let (code, out) = bizseal(
        &[
            "verify",
            "--bundle",
            answer_file.to_str().unwrap(),
            "--jwks",
            jwks_path,
        ],
        "",
    );
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("verdict: ok"), "{out}");

    let bare = answer["bundle"].to_string();
    let (code, out) = bizseal(
        &[
            "verify", "--bundle", "-", "--jwks", jwks_path, "--number", KLM,
        ],
        &bare,
    );
    assert_eq!(code, Some(0), "{out}");

    let mut tampered = answer["bundle"].clone();
    tampered["proof"]["audit_path"][0] = Value::from(bizseal::translog::b64(&[0u8; 32]));
    let (code, out) = bizseal(
        &["verify", "--bundle", "-", "--jwks", jwks_path],
        &tampered.to_string(),
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("inclusion proof"), "{out}");
}

#[tokio::test]
async fn audit_accepts_an_honest_log_and_reports_a_fork_and_confusable_names() {
    let app = spawn_app().await;
    let url = format!("http://{}", app.addr);
    let state = app.dir.path().join("audit.json");
    let state_path = state.to_str().unwrap().to_owned();
    let run = {
        let (url, state_path) = (url.clone(), state_path.clone());
        move || {
            let (url, state_path) = (url.clone(), state_path.clone());
            tokio::task::spawn_blocking(move || {
                bizseal(&["audit", "--from", &url, "--state", &state_path], "")
            })
        }
    };
    let (code, out) = run().await.unwrap();
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("consistent"), "{out}");

    // A lookalike of KLM gets a badge; the log grows; the monitor checks
    // the new head against the one it kept, and names the lookalike.
    let lookalike = serde_json::json!({
        "id": "b_01JD7Z3K8Q0000000000000009",
        "legal_name": "\u{041A}LM Travel B.V.",
        "names": {"nl": "KLM Koninklijke Luchtvaart Maatschappij"},
        "default_lang": "nl",
        "category": "airline",
        "country": "NL",
        "numbers": [{"number": "+31201234567", "level": "B"}],
        "status": "verified",
    });
    let report = app.import(format!("{lookalike}\n")).await;
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let (code, out) = run().await.unwrap();
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("checked against 1 earlier"), "{out}");
    assert!(
        out.contains("confusable:") && out.contains("b_01JD7Z3K8Q0000000000000009"),
        "{out}"
    );

    // A head of a size already seen, with another root, validly signed by
    // the server's own key: the log showed two histories.
    let head = sth(&app).await;
    let forked = Sth::sign(
        &app.service.keyring(),
        head.tree_size - 1,
        head.timestamp,
        &bizseal::translog::merkle::leaf_hash(b"another history"),
    );
    let mut kept: Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    kept["heads"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::to_value(&forked).unwrap());
    std::fs::write(&state, kept.to_string()).unwrap();
    let (code, out) = run().await.unwrap();
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("INCONSISTENT: fork"), "{out}");
}
