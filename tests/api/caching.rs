//! HTTP caching of public reads: `ETag`, `Cache-Control`, `Vary`, 304.

use crate::helpers::*;

/// GETs `path` with optional extra headers; returns the response.
async fn get_with(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("request")
}

/// A number answer's `Cache-Control`: a minute fresh, and served stale an
/// hour at most while the origin fails (the demo's tokens live longer).
const NUMBER: &str = "public, max-age=60, stale-if-error=3540";

/// Asserts the first answer is cacheable as `cache_control` says (or
/// `public, max-age={cache_control}` when it is a number), and that sending
/// its ETag back answers 304 with an empty body and the same headers.
async fn assert_cacheable(app: &TestApp, path: &str, cache_control: &str, vary_language: bool) {
    let expected = match cache_control.parse::<u32>() {
        Ok(max_age) => format!("public, max-age={max_age}"),
        Err(_) => cache_control.to_owned(),
    };
    let first = get_with(app, path, &[]).await;
    assert_eq!(first.status().as_u16(), 200, "{path}");
    let etag = header(&first, "etag");
    assert!(
        etag.len() > 2 && etag.starts_with('"') && etag.ends_with('"'),
        "{path}: ETag {etag:?}"
    );
    assert_eq!(header(&first, "cache-control"), expected.as_str(), "{path}");
    let vary = header(&first, "vary");
    assert_eq!(
        vary.contains("Accept-Language"),
        vary_language,
        "{path}: Vary {vary:?}"
    );

    let again = get_with(app, path, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status().as_u16(), 304, "{path}");
    assert_eq!(header(&again, "etag"), etag, "{path}");
    assert_eq!(header(&again, "cache-control"), expected.as_str(), "{path}");
    assert_eq!(
        header(&again, "vary").contains("Accept-Language"),
        vary_language,
        "{path}"
    );
    assert!(
        again.bytes().await.expect("body").is_empty(),
        "{path}: 304 has a body"
    );
}

#[tokio::test]
async fn a_number_answer_is_cacheable_and_varies_by_language() {
    let app = spawn_app().await;
    assert_cacheable(&app, &format!("/v1/numbers/{KLM}"), NUMBER, true).await;
    assert_cacheable(&app, &format!("/v1/numbers/{UNLISTED}"), NUMBER, true).await;
}

#[tokio::test]
async fn a_business_profile_is_cacheable_and_varies_by_language() {
    let app = spawn_app().await;
    assert_cacheable(&app, &format!("/v1/businesses/{KLM_ID}"), "300", true).await;
}

#[tokio::test]
async fn the_jwks_range_and_revocations_are_cacheable() {
    let app = spawn_app().await;
    assert_cacheable(&app, "/.well-known/jwks.json", "300", false).await;
    let hash = sha256_hex(KLM);
    assert_cacheable(
        &app,
        &format!("/v1/numbers/range/{}", &hash[..5]),
        NUMBER,
        false,
    )
    .await;
    assert_cacheable(&app, "/v1/revocations", "60", false).await;
}

#[tokio::test]
async fn the_etag_is_stable_and_a_weak_or_listed_match_also_answers_304() {
    let app = spawn_app().await;
    let path = format!("/v1/numbers/{KLM}");
    let etag = header(&get_with(&app, &path, &[]).await, "etag");
    assert_eq!(header(&get_with(&app, &path, &[]).await, "etag"), etag);
    let weak = format!("W/{etag}");
    let listed = format!("\"other\", {etag}");
    for inm in [weak.as_str(), listed.as_str(), "*"] {
        let response = get_with(&app, &path, &[("if-none-match", inm)]).await;
        assert_eq!(response.status().as_u16(), 304, "If-None-Match: {inm}");
    }
}

#[tokio::test]
async fn a_stale_etag_gets_the_full_answer() {
    let app = spawn_app().await;
    let response = get_with(
        &app,
        &format!("/v1/numbers/{KLM}"),
        &[("if-none-match", "\"stale\"")],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["number"], KLM);
}

#[tokio::test]
async fn another_language_has_another_etag() {
    let app = spawn_app().await;
    let path = format!("/v1/numbers/{KLM}");
    let dutch = header(&get_with(&app, &path, &[]).await, "etag");
    let english = get_with(&app, &path, &[("accept-language", "en")]).await;
    let english_etag = header(&english, "etag");
    assert_ne!(english_etag, dutch);
    let revalidated = get_with(
        &app,
        &path,
        &[("accept-language", "en"), ("if-none-match", &dutch)],
    )
    .await;
    assert_eq!(revalidated.status().as_u16(), 200);
}

#[tokio::test]
async fn a_change_of_the_answer_changes_the_etag() {
    let app = spawn_app().await;
    let path = format!("/v1/numbers/{KLM}");
    let before = header(&get_with(&app, &path, &[]).await, "etag");
    let mut profile = demo_profile(KLM_ID);
    profile["numbers"][0]
        .as_object_mut()
        .expect("number object")
        .remove("level");
    app.import(profile.to_string()).await;
    let after = get_with(&app, &path, &[("if-none-match", &before)]).await;
    assert_eq!(after.status().as_u16(), 200);
    assert_ne!(header(&after, "etag"), before);
}

#[tokio::test]
async fn range_answers_vary_on_add_padding() {
    // The padded and the plain answer share a URL, so a shared cache must
    // key them apart (RFC 9110 §12.5.5), or it hands a client that asked
    // for padding the bare bucket, or the other way round.
    let app = spawn_app().await;
    let path = format!("/v1/numbers/range/{}", &sha256_hex(KLM)[..5]);
    let plain = get_with(&app, &path, &[]).await;
    let padded = get_with(&app, &path, &[("add-padding", "true")]).await;
    for (what, response) in [("plain", plain), ("padded", padded)] {
        assert_eq!(response.status().as_u16(), 200);
        let vary = header(&response, "vary").to_ascii_lowercase();
        assert!(vary.contains("add-padding"), "{what}: Vary {vary:?}");
    }
}

/// A directive's seconds in a response's `Cache-Control`, if it is there.
fn directive(response: &reqwest::Response, name: &str) -> Option<i64> {
    let cache_control = header(response, "cache-control");
    cache_control
        .split(',')
        .filter_map(|d| d.trim().strip_prefix(name)?.strip_prefix('='))
        .map(|v| {
            v.parse()
                .unwrap_or_else(|_| panic!("Cache-Control {cache_control:?}"))
        })
        .next()
}

/// The `max-age` of a response's `Cache-Control`.
fn max_age(response: &reqwest::Response) -> i64 {
    directive(response, "max-age").expect("a max-age")
}

#[tokio::test]
async fn no_cache_keeps_a_number_answer_past_its_token_expiry() {
    // Tokens that live 30 s: a minute of caching would hand out dead ones.
    let app = spawn_with(|c| c.token_lifetime = 30, true).await;
    let path = format!("/v1/numbers/{KLM}");
    let before = now();
    let first = get_with(&app, &path, &[]).await;
    let age = max_age(&first);
    let stale = directive(&first, "stale-if-error").unwrap_or(0);
    let etag = header(&first, "etag");
    let body: serde_json::Value = first.json().await.expect("json");
    let exp = jws_part(body["attestation"].as_str().expect("token"), 1)["exp"]
        .as_i64()
        .expect("exp");
    assert!(age > 0, "a live token's answer is cacheable");
    assert!(
        age <= exp - before,
        "max-age {age} outlives the token, which expired {} s after the request",
        exp - before
    );
    assert!(age <= 30);
    // Nor may a cache serve it stale past the token's expiry.
    assert!(
        age + stale <= exp - before,
        "stale-if-error {stale} outlives the token"
    );

    // The 304 carries the same bound.
    let again = get_with(&app, &path, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status().as_u16(), 304);
    assert!(max_age(&again) <= age);

    // So does the hash bucket that holds the number.
    let bucket = get_with(
        &app,
        &format!("/v1/numbers/range/{}", &sha256_hex(KLM)[..5]),
        &[],
    )
    .await;
    assert!((1..=30).contains(&max_age(&bucket)));
}

#[tokio::test]
async fn an_answer_without_a_token_keeps_the_one_minute_max_age() {
    let app = spawn_with(|c| c.token_lifetime = 30, true).await;
    for number in [UNLISTED, UNPROVEN] {
        let response = get_with(&app, &format!("/v1/numbers/{number}"), &[]).await;
        assert_eq!(max_age(&response), 60, "{number}");
    }
}

#[tokio::test]
async fn stored_answers_follow_every_change_a_lookup_shows() {
    use bizseal::model::{BusinessId, ReportReason};
    use bizseal::phone::PhoneNumber;
    let app = spawn_app().await;
    assert_answers_fresh(&app.service);
    let path = format!("/v1/numbers/{TELEFONICA}");
    let number = PhoneNumber::parse(TELEFONICA, None).unwrap();
    let id = BusinessId::parse(TELEFONICA_ID).unwrap();
    let etag = header(&get_with(&app, &path, &[]).await, "etag");

    app.service
        .report(
            &number,
            ReportReason::Spam,
            None,
            Some("192.0.2.7".parse().unwrap()),
        )
        .unwrap();
    let again = get_with(&app, &path, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status().as_u16(), 200, "the old ETag still matched");
    let looked: serde_json::Value = again.json().await.unwrap();
    assert_eq!(looked["reputation"]["reports_30d"], 1);
    assert_answers_fresh(&app.service);

    app.service.suspend(&id, "tester", "checking").unwrap();
    let (_, looked) = app.get_json(&path).await;
    assert_eq!(looked["status"], "suspended");
    assert!(looked["attestation"].is_null());
    assert_answers_fresh(&app.service);

    app.service.reinstate(&id, "tester", "cleared").unwrap();
    let (_, looked) = app.get_json(&path).await;
    assert_eq!(looked["status"], "verified");
    assert!(looked["attestation"].is_string());
    assert_answers_fresh(&app.service);

    app.service.rotate_key().unwrap();
    assert_answers_fresh(&app.service);

    app.service
        .revoke_number(&number, "tester", "ported away")
        .unwrap();
    let (_, looked) = app.get_json(&path).await;
    assert_eq!(looked["status"], "revoked");
    assert_eq!(looked["revocation"]["reason"], "ported away");
    assert_answers_fresh(&app.service);
}

#[tokio::test]
async fn a_language_that_picks_another_name_gets_that_name() {
    let app = spawn_app().await;
    let path = format!("/v1/numbers/{KLM}");
    let plain = get_with(&app, &path, &[]).await;
    let plain_etag = header(&plain, "etag");
    let plain_body = plain.bytes().await.unwrap();
    let dutch: serde_json::Value = serde_json::from_slice(&plain_body).unwrap();
    assert_eq!(
        dutch["business"]["display_name"],
        "KLM Koninklijke Luchtvaart Maatschappij"
    );
    // Languages that pick the default name, or no name at all, get the
    // same bytes.
    for (query, accept) in [
        ("", "nl-NL, en;q=0.5"),
        ("?lang=fr,de", ""),
        ("?lang=nl", "en"),
    ] {
        let headers: &[(&str, &str)] = if accept.is_empty() {
            &[]
        } else {
            &[("accept-language", accept)]
        };
        let r = get_with(&app, &format!("{path}{query}"), headers).await;
        assert_eq!(header(&r, "etag"), plain_etag, "{query} {accept}");
        assert_eq!(r.bytes().await.unwrap(), plain_body, "{query} {accept}");
    }
    for (query, accept, name) in [
        ("", "en-GB", "KLM Royal Dutch Airlines"),
        ("?lang=fr,es", "", "KLM Reales Líneas Aéreas Neerlandesas"),
    ] {
        let headers: &[(&str, &str)] = if accept.is_empty() {
            &[]
        } else {
            &[("accept-language", accept)]
        };
        let r = get_with(&app, &format!("{path}{query}"), headers).await;
        assert_ne!(header(&r, "etag"), plain_etag, "{query} {accept}");
        let v: serde_json::Value = r.json().await.unwrap();
        assert_eq!(v["business"]["display_name"], name);
        let mut rest = v.clone();
        rest["business"]["display_name"] = dutch["business"]["display_name"].clone();
        assert_eq!(rest, dutch, "only the name differs");
    }
}

#[tokio::test]
async fn an_attested_number_is_served_from_its_stored_answer() {
    use bizseal::service::Rendered;
    let app = spawn_app().await;
    let stored = |input: &str, langs: &[&str]| {
        let langs: Vec<String> = langs.iter().map(|l| l.to_string()).collect();
        matches!(
            app.service.lookup_typed(input, None, &langs).unwrap(),
            Rendered::Stored(_)
        )
    };
    assert!(stored(KLM, &[]));
    assert!(
        stored("+31 20 649 9123", &[]),
        "typed nationally, then stored"
    );
    assert!(
        stored(KLM, &["nl-BE"]),
        "a language that picks the stored name"
    );
    assert!(!stored(KLM, &["en"]), "another name is built");
    assert!(!stored(UNPROVEN, &[]), "no token, no stored answer");
    assert!(!stored(UNLISTED, &[]));
}
