//! The k-anonymous hash-prefix lookup: `GET /v1/numbers/range/{prefix}`.

use std::collections::HashSet;

use serde_json::Value;

use crate::helpers::*;

/// The entries of a range answer, after checking the answer's shape.
async fn bucket(app: &TestApp, prefix: &str, padded: bool) -> Vec<Value> {
    let mut request = app
        .client
        .get(app.url(&format!("/v1/numbers/range/{prefix}")));
    if padded {
        request = request.header("add-padding", "true");
    }
    let (status, _, body) = parts(request.send().await.expect("request")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["prefix"], prefix.to_ascii_lowercase());
    body["entries"].as_array().expect("entries").clone()
}

fn entry_with<'a>(entries: &'a [Value], suffix: &str) -> Option<&'a Value> {
    entries.iter().find(|e| e["suffix"] == suffix)
}

/// Every demo number's SHA-256 in hex.
fn demo_hashes() -> HashSet<String> {
    bizseal::demo::BUSINESSES
        .lines()
        .flat_map(|l| {
            let profile: Value = serde_json::from_str(l).expect("demo line");
            profile["numbers"]
                .as_array()
                .expect("numbers")
                .iter()
                .map(|n| sha256_hex(n["number"].as_str().expect("number")))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[tokio::test]
async fn a_listed_number_is_in_its_bucket_under_the_rest_of_its_hash() {
    let app = spawn_app().await;
    let hash = sha256_hex(KLM);
    assert_eq!(hash.len(), 64);
    let entries = bucket(&app, &hash[..5], false).await;
    let entry = entry_with(&entries, &hash[5..]).expect("KLM in its bucket");
    assert_eq!(entry["suffix"].as_str().map(str::len), Some(59));
    assert_eq!(entry["status"], "verified");
    assert_eq!(entry["level"], "A");
    assert_eq!(entry["attestation"], app.token_of(KLM).await);
    for e in &entries {
        assert_eq!(e["suffix"].as_str().map(str::len), Some(59), "{e}");
        assert_ne!(e["status"], "unknown", "{e}");
    }
}

#[tokio::test]
async fn bucket_entries_carry_the_status_of_each_kind_of_number() {
    let app = spawn_app().await;
    let level_b = sha256_hex(LEVEL_B);
    let entries = bucket(&app, &level_b[..5], false).await;
    let entry = entry_with(&entries, &level_b[5..]).expect("level B number in its bucket");
    assert_eq!(entry["status"], "verified");
    assert_eq!(entry["level"], "B");
    assert_eq!(entry["attestation"], app.token_of(LEVEL_B).await);

    let unproven = sha256_hex(UNPROVEN);
    let entries = bucket(&app, &unproven[..5], false).await;
    assert!(
        entry_with(&entries, &unproven[5..]).is_none(),
        "a number only claimed is not in its bucket"
    );
}

#[tokio::test]
async fn an_uppercase_prefix_finds_the_same_bucket() {
    let app = spawn_app().await;
    let hash = sha256_hex(TELEFONICA);
    let upper = hash[..5].to_ascii_uppercase();
    let entries = bucket(&app, &upper, false).await;
    assert!(entry_with(&entries, &hash[5..]).is_some(), "{entries:?}");
}

#[tokio::test]
async fn a_bucket_holds_exactly_the_listed_numbers_with_that_prefix() {
    let app = spawn_app().await;
    let hashes = demo_hashes();
    let hash = sha256_hex(KLM);
    let expected: HashSet<String> = hashes
        .iter()
        .filter(|h| h.starts_with(&hash[..5]))
        .map(|h| h[5..].to_owned())
        .collect();
    let entries = bucket(&app, &hash[..5], false).await;
    let got: HashSet<String> = entries
        .iter()
        .map(|e| e["suffix"].as_str().expect("suffix").to_owned())
        .collect();
    assert_eq!(got, expected);
}

#[tokio::test]
async fn an_empty_bucket_is_200_with_no_entries() {
    let app = spawn_app().await;
    let hashes = demo_hashes();
    let empty = (0u32..)
        .map(|p| format!("{p:05x}"))
        .find(|p| !hashes.iter().any(|h| h.starts_with(p.as_str())))
        .expect("a prefix no demo number has");
    let entries = bucket(&app, &empty, false).await;
    assert!(entries.is_empty(), "{entries:?}");
}

#[tokio::test]
async fn prefixes_that_are_not_five_hex_characters_are_400_problems() {
    let app = spawn_app().await;
    for prefix in ["abcd", "abcdef", "abcdg", "zzzzz", "12%2034", "%C3%A9abcd"] {
        let response = app.get(&format!("/v1/numbers/range/{prefix}")).await;
        let problem = assert_problem(response, 400, "invalid_request").await;
        assert_eq!(problem["field"], "prefix", "{prefix}");
    }
}

#[tokio::test]
async fn padding_adds_fake_entries_and_keeps_the_real_one() {
    let app = spawn_app().await;
    let hash = sha256_hex(KLM);
    let plain = bucket(&app, &hash[..5], false).await;
    let padded = bucket(&app, &hash[..5], true).await;
    assert!(padded.len() >= 128, "only {} entries", padded.len());
    assert!(padded.len() < 128 + 64, "{} entries", padded.len());
    let real = entry_with(&padded, &hash[5..]).expect("the real entry survives padding");
    assert_eq!(real["status"], "verified");
    assert_eq!(real["level"], "A");
    assert_eq!(real["attestation"], app.token_of(KLM).await);
    for e in &plain {
        assert_eq!(
            entry_with(&padded, e["suffix"].as_str().expect("suffix")),
            Some(e)
        );
    }
    let fakes: Vec<&Value> = padded.iter().filter(|e| !plain.contains(e)).collect();
    assert_eq!(fakes.len(), padded.len() - plain.len());
    for fake in fakes {
        let suffix = fake["suffix"].as_str().expect("suffix");
        assert_eq!(suffix.len(), 59, "{fake}");
        assert!(
            suffix
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()),
            "{fake}"
        );
        assert_eq!(fake["status"], "unknown");
        assert!(fake["attestation"].is_null());
    }
}

#[tokio::test]
async fn add_padding_other_than_true_adds_nothing() {
    let app = spawn_app().await;
    let hash = sha256_hex(KLM);
    let plain = bucket(&app, &hash[..5], false).await;
    let response = app
        .client
        .get(app.url(&format!("/v1/numbers/range/{}", &hash[..5])))
        .header("add-padding", "false")
        .send()
        .await
        .expect("request");
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["entries"].as_array().map(Vec::len), Some(plain.len()));
}
