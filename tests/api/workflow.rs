//! A business earns the green badge and loses it: registration, one-time
//! codes, the domain challenge, review, revocation, suspension, reports.

use bizseal::phone::E164;
use bizseal::store::prelude::*;
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

use crate::helpers::*;

pub(crate) const REVIEWER: &str = "reviewer-secret";

/// A local web site that publishes whatever challenge token it is given.
pub(crate) struct ChallengeSite {
    pub(crate) port: u16,
    pub(crate) token: Arc<Mutex<String>>,
}

pub(crate) async fn challenge_site() -> ChallengeSite {
    use axum::extract::{Path, State};
    use axum::http::StatusCode;
    use axum::response::{IntoResponse, Redirect};
    use axum::routing::get;

    let token = Arc::new(Mutex::new(String::new()));
    let app = axum::Router::new()
        .route(
            "/.well-known/bizseal-challenge/{t}",
            get(
                |State(t): State<Arc<Mutex<String>>>, Path(asked): Path<String>| async move {
                    let published = t.lock().unwrap().clone();
                    match published.as_str() {
                        "redirect" => Redirect::temporary("http://example.com/").into_response(),
                        "huge" => "x".repeat(100_000).into_response(),
                        p if p == asked => p.to_owned().into_response(),
                        _ => StatusCode::NOT_FOUND.into_response(),
                    }
                },
            ),
        )
        .with_state(Arc::clone(&token));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(listener, app).await });
    ChallengeSite { port, token }
}

pub(crate) async fn workflow_app(challenge_port: u16) -> TestApp {
    spawn_with(
        |c| {
            c.allow_private_targets = true;
            c.challenge_port = challenge_port;
            c.reviewer_token = Some(REVIEWER.into());
            c.report_threshold = 3;
        },
        true,
    )
    .await
}

pub(crate) struct Applicant {
    pub(crate) id: String,
    pub(crate) key: String,
}

pub(crate) async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    bearer: &str,
    body: Option<Value>,
) -> (u16, Value) {
    send_json(&app.client, method, app.url(path), Some(bearer), body).await
}

pub(crate) async fn post(app: &TestApp, path: &str, bearer: &str, body: Value) -> (u16, Value) {
    send(app, reqwest::Method::POST, path, bearer, Some(body)).await
}

pub(crate) async fn get(app: &TestApp, path: &str, bearer: &str) -> (u16, Value) {
    send(app, reqwest::Method::GET, path, bearer, None).await
}

/// POSTs to one of the applicant's own endpoints, with its key.
pub(crate) async fn act(app: &TestApp, a: &Applicant, tail: &str, body: Value) -> (u16, Value) {
    post(
        app,
        &format!("/v1/businesses/{}/{tail}", a.id),
        &a.key,
        body,
    )
    .await
}

pub(crate) async fn register(app: &TestApp, name: &str) -> Applicant {
    let (status, body) = app
        .post_json(
            "/v1/businesses",
            &json!({
                "legal_name": format!("{name} S.L."),
                "names": {"es": name, "en": name},
                "default_lang": "es",
                "category": "retail",
                "country": "ES",
                "city": "Madrid"
            }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["business"]["status"], "registered");
    Applicant {
        id: body["business"]["id"].as_str().unwrap().to_owned(),
        key: body["api_key"].as_str().unwrap().to_owned(),
    }
}

/// The newest code the log sender handed out for `number`.
pub(crate) fn code_for(app: &TestApp, number: &str) -> String {
    app.service
        .outbox()
        .iter()
        .rev()
        .find(|c| c.number == number)
        .map(|c| c.code.clone())
        .expect("a code was sent")
}

pub(crate) async fn prove(app: &TestApp, a: &Applicant, number: &str) -> Value {
    let (status, body) = post(
        app,
        &format!("/v1/businesses/{}/numbers", a.id),
        &a.key,
        json!({"number": number}),
    )
    .await;
    assert_eq!(status, 202, "{body}");
    let code = code_for(app, number);
    let (status, body) = post(
        app,
        &format!("/v1/businesses/{}/numbers/{number}/confirm", a.id),
        &a.key,
        json!({"code": code}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body
}

pub(crate) async fn verify(app: &TestApp, token: &str) -> Value {
    let (status, body) = app
        .post_json("/v1/attestations/verify", &json!({"token": token}))
        .await;
    assert_eq!(status, 200);
    body
}

#[tokio::test]
async fn a_business_earns_the_badge_and_loses_it() {
    let site = challenge_site().await;
    let app = workflow_app(site.port).await;
    let a = register(&app, "Zapatería Lumbre").await;
    let number = "+34612000111";

    // Prove a number: proven, but nothing public before review.
    let proven = prove(&app, &a, number).await;
    assert_eq!(proven["state"], "proven");
    assert!(proven["level"].is_null());
    let (_, looked) = app.get_json(&format!("/v1/numbers/{number}")).await;
    assert_eq!(looked["status"], "unknown");
    assert!(looked["attestation"].is_null());
    assert_answers_fresh(&app.service);

    // Prove the domain against a local web site.
    let (status, challenge) = act(&app, &a, "domain", json!({"domain": "localhost"})).await;
    assert_eq!(status, 200, "{challenge}");
    let token = challenge["token"].as_str().unwrap().to_owned();
    assert!(challenge["http_url"].as_str().unwrap().ends_with(&token));
    // No TXT record under localhost (the resolver answers that itself,
    // RFC 6761), so the HTTP proof decides.
    let (_, check) = act(&app, &a, "domain/check", json!({})).await;
    assert_eq!(
        check,
        json!({"verified": false, "method": null, "reason": "http_status",
               "dns_reason": "txt_missing", "http_reason": "http_status"})
    );
    *site.token.lock().unwrap() = token;
    let (_, check) = act(&app, &a, "domain/check", json!({})).await;
    assert_eq!(
        check,
        json!({"verified": true, "method": "http", "reason": "ok",
               "dns_reason": "txt_missing", "http_reason": null})
    );

    // Submit; the reviewer sees the evidence and approves.
    let (status, submitted) = act(&app, &a, "submit", json!({})).await;
    assert_eq!(status, 202);
    assert_eq!(submitted["review"]["state"], "submitted");
    let (status, queue) = get(&app, "/v1/review/queue", REVIEWER).await;
    assert_eq!(status, 200);
    let item = queue["queue"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["business"]["id"] == a.id.as_str())
        .unwrap();
    assert_eq!(item["numbers"][0]["number"], number);
    assert_eq!(item["numbers"][0]["proof"]["method"], "otp");
    assert_eq!(item["domain"]["verified"], true);
    assert_eq!(item["warnings"], json!([]));
    let (status, approved) = post(
        &app,
        &format!("/v1/review/{}/approve", a.id),
        REVIEWER,
        json!({"note": "papers checked"}),
    )
    .await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["status"], "verified");
    assert_answers_fresh(&app.service);

    // The lookup now shows the green badge with a level A token.
    let (_, looked) = app.get_json(&format!("/v1/numbers/{number}")).await;
    assert_eq!(looked["status"], "verified");
    assert_eq!(looked["level"], "A");
    let a_token = looked["attestation"].as_str().unwrap().to_owned();
    let checked = verify(&app, &a_token).await;
    assert_eq!(checked["valid"], true);
    assert_eq!(checked["status"], "verified");
    let methods: Vec<&str> = checked["claims"]["evd"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["method"].as_str().unwrap())
        .collect();
    assert_eq!(methods, ["otp", "domain", "review"]);

    // A new domain challenge withdraws the proof: level B until it holds
    // again, the level A token revoked.
    let (_, challenge) = act(&app, &a, "domain", json!({"domain": "localhost"})).await;
    let (_, looked) = app.get_json(&format!("/v1/numbers/{number}")).await;
    assert_eq!(looked["level"], "B");
    assert_eq!(verify(&app, &a_token).await["reason"], "revoked");
    *site.token.lock().unwrap() = challenge["token"].as_str().unwrap().to_owned();
    let (_, check) = act(&app, &a, "domain/check", json!({})).await;
    assert_eq!(check["verified"], true);
    let (_, looked) = app.get_json(&format!("/v1/numbers/{number}")).await;
    assert_eq!(looked["level"], "A");
    let a_token = looked["attestation"].as_str().unwrap().to_owned();

    // Suspend: the badge goes at once; reinstate brings it back.
    let (status, _) = post(
        &app,
        &format!("/v1/review/businesses/{}/suspend", a.id),
        REVIEWER,
        json!({"reason": "under investigation"}),
    )
    .await;
    assert_eq!(status, 200);
    let (_, looked) = app.get_json(&format!("/v1/numbers/{number}")).await;
    assert_eq!(looked["status"], "suspended");
    assert!(looked["attestation"].is_null());
    let held = verify(&app, &a_token).await;
    assert_eq!(
        (held["status"].as_str(), held["reason"].as_str()),
        (Some("suspended"), Some("revoked"))
    );
    let (status, _) = post(
        &app,
        &format!("/v1/review/businesses/{}/reinstate", a.id),
        REVIEWER,
        json!({"reason": "cleared"}),
    )
    .await;
    assert_eq!(status, 200);
    let (_, looked) = app.get_json(&format!("/v1/numbers/{number}")).await;
    assert_eq!(looked["status"], "verified");
    // A new token; the one from before the suspension stays revoked.
    let a_token = looked["attestation"].as_str().unwrap().to_owned();
    assert_eq!(verify(&app, &a_token).await["valid"], true);

    // Revoke the number: verify says revoked, the revocation list shows it.
    let (status, revoked) = post(
        &app,
        &format!("/v1/review/numbers/{number}/revoke"),
        REVIEWER,
        json!({"reason": "number ported away"}),
    )
    .await;
    assert_eq!(status, 200, "{revoked}");
    assert_eq!(revoked["status"], "revoked");
    assert_answers_fresh(&app.service);
    let checked = verify(&app, &a_token).await;
    assert_eq!(checked["valid"], false);
    assert_eq!(checked["reason"], "revoked");
    let (_, list) = app.get_json("/v1/revocations").await;
    let serial = checked["claims"]["jti"].as_str().unwrap();
    assert!(list["revocations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["serial"] == serial && r["reason"] == "revoked: number ported away"));

    // Everything is in the audit trail, with who did it.
    let (status, audit) = get(
        &app,
        &format!("/v1/review/audit?business={}", a.id),
        REVIEWER,
    )
    .await;
    assert_eq!(status, 200);
    let actions: Vec<(&str, &str)> = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["actor"].as_str().unwrap(), e["action"].as_str().unwrap()))
        .collect();
    for expected in [
        ("business", "registered"),
        ("business", "number_proven"),
        ("business", "domain_proven"),
        ("business", "submitted"),
        ("operator", "approved"),
        ("operator", "suspended"),
        ("operator", "reinstated"),
        ("operator", "number_revoked"),
    ] {
        assert!(
            actions.contains(&expected),
            "{expected:?} missing from {actions:?}"
        );
    }
}

#[tokio::test]
async fn wrong_expired_and_exhausted_codes_are_refused() {
    let app = workflow_app(1).await;
    let a = register(&app, "Ferretería Ortiz").await;
    let number = "+34612000222";
    let confirm_path = format!("/v1/businesses/{}/numbers/{number}/confirm", a.id);
    let add_path = format!("/v1/businesses/{}/numbers", a.id);

    // No code requested yet.
    let (status, body) = post(&app, &confirm_path, &a.key, json!({"code": "123456"})).await;
    assert_eq!((status, body["code"].as_str()), (400, Some("no_code")));

    // Five wrong tries use the code up: the right one is refused after.
    assert_eq!(
        post(&app, &add_path, &a.key, json!({"number": number}))
            .await
            .0,
        202
    );
    let code = code_for(&app, number);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in (0..5).rev() {
        let (status, body) = post(&app, &confirm_path, &a.key, json!({"code": wrong})).await;
        assert_eq!((status, body["code"].as_str()), (400, Some("wrong_code")));
        assert!(body["detail"]
            .as_str()
            .unwrap()
            .contains(&format!("{left} attempts left")));
    }
    let (status, body) = post(&app, &confirm_path, &a.key, json!({"code": code})).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("no_code")),
        "the sixth attempt is refused"
    );

    // An expired code is refused even when right.
    assert_eq!(
        post(&app, &add_path, &a.key, json!({"number": number}))
            .await
            .0,
        202
    );
    let code = code_for(&app, number);
    app.service
        .store()
        .write(|w| {
            let mut c = w.claim(E164::stored(number), &a.id)?.unwrap();
            let code = c.code.as_mut().unwrap();
            code.expires_at = code.issued_at - 1;
            w.put_claim(E164::stored(number), &a.id, &c)
        })
        .unwrap();
    let (status, body) = post(&app, &confirm_path, &a.key, json!({"code": code})).await;
    assert_eq!((status, body["code"].as_str()), (400, Some("code_expired")));

    // Not six digits: a plain validation error that costs no attempt.
    let (status, body) = post(&app, &confirm_path, &a.key, json!({"code": "12ab"})).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("invalid_request"))
    );
}

#[tokio::test]
async fn concurrent_guesses_cannot_exceed_the_attempt_limit() {
    let app = workflow_app(1).await;
    let a = register(&app, "Librería Cervantes").await;
    let number = "+34612000333";
    assert_eq!(
        act(&app, &a, "numbers", json!({"number": number})).await.0,
        202
    );
    let code = code_for(&app, number);
    let confirm_path = format!("/v1/businesses/{}/numbers/{number}/confirm", a.id);
    let guesses: Vec<String> = (0..40u32)
        .map(|i| format!("{:06}", (i * 7919) % 1_000_000))
        .filter(|g| *g != code)
        .take(30)
        .collect();
    let mut tasks = Vec::new();
    for guess in guesses {
        let client = app.client.clone();
        let url = app.url(&confirm_path);
        let key = a.key.clone();
        tasks.push(tokio::spawn(async move {
            client
                .post(url)
                .bearer_auth(key)
                .json(&json!({"code": guess}))
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap()
        }));
    }
    let mut wrong = 0;
    for t in tasks {
        if t.await.unwrap()["code"] == "wrong_code" {
            wrong += 1;
        }
    }
    assert_eq!(wrong, 5, "exactly five guesses were weighed");
    let (status, body) = post(&app, &confirm_path, &a.key, json!({"code": code})).await;
    assert_eq!((status, body["code"].as_str()), (400, Some("no_code")));
}

#[tokio::test]
async fn a_number_cannot_be_flooded_with_codes() {
    let app = workflow_app(1).await;
    let a = register(&app, "Panadería Sol").await;
    let path = format!("/v1/businesses/{}/numbers", a.id);
    for _ in 0..3 {
        assert_eq!(
            post(&app, &path, &a.key, json!({"number": "+34612000444"}))
                .await
                .0,
            202
        );
    }
    let r = app
        .client
        .post(app.url(&path))
        .bearer_auth(&a.key)
        .json(&json!({"number": "+34612000444"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "3600");
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], "rate_limited");
}

#[tokio::test]
async fn keys_open_only_their_own_business() {
    let app = workflow_app(1).await;
    let a = register(&app, "Óptica Norte").await;
    let b = register(&app, "Óptica Sur").await;
    let (status, body) = get(&app, &format!("/v1/businesses/{}/status", b.id), &a.key).await;
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")));
    let (status, _) = get(&app, &format!("/v1/businesses/{}/status", a.id), &a.key).await;
    assert_eq!(status, 200);
    let r = app
        .client
        .get(app.url(&format!("/v1/businesses/{}/status", a.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(r.headers()["www-authenticate"], "Bearer");
    let (status, _) = get(
        &app,
        &format!("/v1/businesses/{}/status", a.id),
        "bzk_not-a-key",
    )
    .await;
    assert_eq!(status, 401);
    let (status, _) = get(&app, "/v1/review/queue", &a.key).await;
    assert_eq!(status, 401, "a business key is no reviewer token");
    let (status, _) = post(
        &app,
        &format!("/v1/review/{}/approve", a.id),
        "wrong",
        json!({}),
    )
    .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn registration_refuses_what_is_not_the_applicants_to_set() {
    let app = workflow_app(1).await;
    let base = json!({"legal_name": "X S.L.", "names": {"es": "X"}, "default_lang": "es", "category": "retail", "country": "ES"});
    for (field, value) in [
        ("status", json!("verified")),
        ("id", json!("b_01JD7Z3K8QRR1FVQ1Q2JVZPGQT")),
        ("numbers", json!([{"number": "+34612000555", "level": "A"}])),
    ] {
        let mut body = base.clone();
        body[field] = value;
        let (status, problem) = app.post_json("/v1/businesses", &body).await;
        assert_eq!(
            (status, problem["code"].as_str()),
            (400, Some("invalid_request")),
            "{field}"
        );
    }
    // Listing a held number reserves nothing and changes nothing public.
    let mut taken = base.clone();
    taken["numbers"] = json!([{"number": KLM}]);
    let (status, _) = app.post_json("/v1/businesses", &taken).await;
    assert_eq!(status, 201);
    let (_, answer) = app.get_json(&format!("/v1/numbers/{KLM}")).await;
    assert_eq!(answer["business"]["id"], KLM_ID);
}

#[tokio::test]
async fn domain_checks_refuse_private_addresses_redirects_and_huge_bodies() {
    let site = challenge_site().await;
    // Default policy: loopback is refused before any connection is made.
    let strict = spawn_with(|c| c.reviewer_token = Some(REVIEWER.into()), false).await;
    let a = register(&strict, "Relojería Alba").await;
    let (status, problem) = act(&strict, &a, "domain", json!({"domain": "localhost"})).await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (400, Some("invalid_request")),
        "single-label names are refused"
    );
    let (status, _) = act(
        &strict,
        &a,
        "domain",
        json!({"domain": "localtest.localhost"}),
    )
    .await;
    assert_eq!(status, 200);
    let (_, check) = act(&strict, &a, "domain/check", json!({})).await;
    assert_eq!(check["verified"], false);
    assert!(
        matches!(
            check["http_reason"].as_str(),
            Some("private_address" | "unresolvable")
        ),
        "{check}"
    );

    let app = workflow_app(site.port).await;
    let a = register(&app, "Relojería Alba").await;
    let (_, challenge) = act(&app, &a, "domain", json!({"domain": "localhost"})).await;
    assert!(challenge["token"].is_string());
    for (published, reason) in [("redirect", "redirect"), ("huge", "too_large")] {
        *site.token.lock().unwrap() = published.into();
        let (_, check) = act(&app, &a, "domain/check", json!({})).await;
        assert_eq!(
            (&check["reason"], &check["http_reason"]),
            (&json!(reason), &json!(reason))
        );
        assert_eq!(check["verified"], false);
    }
}

#[tokio::test]
async fn a_verified_name_change_waits_for_review() {
    let app = workflow_app(1).await;
    let a = register(&app, "Droguería Luz").await;
    prove(&app, &a, "+34612000666").await;
    act(&app, &a, "submit", json!({})).await;
    post(
        &app,
        &format!("/v1/review/{}/approve", a.id),
        REVIEWER,
        json!({"note": "ok"}),
    )
    .await;

    // Every public edit of a reviewed business waits for review.
    let (status, body) = send(
        &app,
        reqwest::Method::PATCH,
        &format!("/v1/businesses/{}", a.id),
        &a.key,
        Some(json!({"names": {"es": "Droguería Luz y Sombra", "en": "Droguería Luz"}, "city": "Sevilla"})),
    )
    .await;
    assert_eq!(status, 202, "{body}");
    assert_eq!(body["name_change_pending"], true);
    assert_eq!(body["edit_pending"], true);
    assert_eq!(body["business"]["city"], "Madrid");
    assert_eq!(body["business"]["display_name"], "Droguería Luz");
    let (_, looked) = app.get_json("/v1/numbers/+34612000666").await;
    assert_eq!(looked["business"]["display_name"], "Droguería Luz");
    let (_, status_view) = get(&app, &format!("/v1/businesses/{}/status", a.id), &a.key).await;
    assert_eq!(status_view["pending_names"]["es"], "Droguería Luz y Sombra");

    // Approved: the new name is in force and in a fresh token.
    let (status, _) = post(
        &app,
        &format!("/v1/review/{}/approve", a.id),
        REVIEWER,
        json!({"note": "rename ok"}),
    )
    .await;
    assert_eq!(status, 200);
    let (_, looked) = app.get_json("/v1/numbers/+34612000666?lang=es").await;
    assert_eq!(looked["business"]["display_name"], "Droguería Luz y Sombra");
    let claims = verify(&app, looked["attestation"].as_str().unwrap()).await;
    assert_eq!(claims["claims"]["nam"], "Droguería Luz y Sombra");
    assert_eq!(claims["claims"]["lvl"], "B", "no domain proven");
    let (_, profile) = app.get_json(&format!("/v1/businesses/{}", a.id)).await;
    assert_eq!(profile["city"], "Sevilla");
    assert_answers_fresh(&app.service);

    // A number taken off the profile takes its stored answer with it.
    let (status, body) = send(
        &app,
        reqwest::Method::DELETE,
        &format!("/v1/businesses/{}/numbers/+34612000666", a.id),
        &a.key,
        None,
    )
    .await;
    assert!((200..300).contains(&status), "{status} {body}");
    let (_, looked) = app.get_json("/v1/numbers/+34612000666").await;
    assert_eq!(looked["status"], "unknown");
    let r = app.service.store().read().unwrap();
    assert!(
        bizseal::lookup::stored_answer(&r, E164::stored("+34612000666"))
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn rejection_reason_reaches_the_business_and_it_may_resubmit_later() {
    let app = workflow_app(1).await;
    let a = register(&app, "Tintorería Río").await;
    let (status, problem) = act(&app, &a, "submit", json!({})).await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (409, Some("nothing_proven")),
        "no proven number yet"
    );
    prove(&app, &a, "+34612000777").await;
    act(&app, &a, "submit", json!({})).await;
    let (status, _) = post(
        &app,
        &format!("/v1/review/{}/reject", a.id),
        REVIEWER,
        json!({"reason": "registry extract missing"}),
    )
    .await;
    assert_eq!(status, 200);
    let (_, s) = get(&app, &format!("/v1/businesses/{}/status", a.id), &a.key).await;
    assert_eq!(s["review"]["state"], "rejected");
    assert_eq!(s["review"]["reason"], "registry extract missing");
    assert_eq!(s["status"], "registered");
    let (status, problem) = act(&app, &a, "submit", json!({})).await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (409, Some("resubmit_later"))
    );
    // A day later it may submit again.
    app.service
        .store()
        .write(|w| {
            let mut app = w.application(&a.id)?.unwrap();
            if let bizseal::model::ReviewState::Rejected { at, .. } = &mut app.review {
                *at -= 2 * 24 * 3600;
            }
            w.put_application(&app)
        })
        .unwrap();
    let (status, s) = act(&app, &a, "submit", json!({})).await;
    assert_eq!(
        (status, s["review"]["state"].as_str()),
        (202, Some("submitted"))
    );
}

#[tokio::test]
async fn a_confusable_name_is_flagged_to_the_reviewer() {
    let app = workflow_app(1).await;
    let lookalike = register(&app, "Banco Santamder").await;
    let cyrillic = register(&app, "\u{041A}L\u{041C} Royal Dutch Airlines").await;
    let honest = register(&app, "Frutería Pepa").await;
    for (a, n) in [
        (&lookalike, "+34612000881"),
        (&cyrillic, "+34612000882"),
        (&honest, "+34612000883"),
    ] {
        prove(&app, a, n).await;
        act(&app, a, "submit", json!({})).await;
    }
    let (_, queue) = get(&app, "/v1/review/queue", REVIEWER).await;
    let warnings = |id: &str| -> Vec<String> {
        queue["queue"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["business"]["id"] == id)
            .unwrap()["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["kind"] == "confusable_name")
            .map(|w| w["similar_name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(warnings(&lookalike.id), ["Banco Santander"]);
    assert_eq!(warnings(&cyrillic.id).len(), 1);
    assert!(
        warnings(&cyrillic.id)[0].starts_with("KLM"),
        "{:?}",
        warnings(&cyrillic.id)
    );
    assert!(warnings(&honest.id).is_empty());
}

#[tokio::test]
async fn reports_flag_a_business_for_review_but_never_revoke() {
    let app = workflow_app(1).await;
    let report = json!({"number": TELEFONICA, "reason": "scam", "comment": "asked for my PIN"});
    let (status, body) = app.post_json("/v1/reports", &report).await;
    assert_eq!((status, body["accepted"].as_bool()), (202, Some(true)));
    let (_, looked) = app.get_json(&format!("/v1/numbers/{TELEFONICA}")).await;
    assert_eq!(looked["reputation"]["reports_30d"], 1);
    assert_eq!(looked["status"], "verified", "a report takes nothing down");

    // One client is one reporter, however often it reports.
    let (_, queue) = get(&app, "/v1/review/queue", REVIEWER).await;
    assert!(queue["queue"].as_array().unwrap().is_empty());

    // Distinct reporters over the threshold flag the business.
    app.service
        .report(
            &bizseal::phone::PhoneNumber::parse(TELEFONICA, None).unwrap(),
            bizseal::model::ReportReason::Spam,
            None,
            Some("192.0.2.7".parse().unwrap()),
        )
        .unwrap();
    app.service
        .report(
            &bizseal::phone::PhoneNumber::parse(TELEFONICA, None).unwrap(),
            bizseal::model::ReportReason::Spam,
            None,
            Some("192.0.2.8".parse().unwrap()),
        )
        .unwrap();
    let (_, queue) = get(&app, "/v1/review/queue", REVIEWER).await;
    let items = queue["queue"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert!(items[0]["flag"]["reason"]
        .as_str()
        .unwrap()
        .contains("3 networks reported"));
    assert_eq!(items[0]["numbers"][0]["reporters_30d"], 3);
    let (_, looked) = app.get_json(&format!("/v1/numbers/{TELEFONICA}")).await;
    assert_eq!(looked["status"], "verified");

    // Bad reports are refused; reports are rate limited per client.
    let (status, _) = app
        .post_json(
            "/v1/reports",
            &json!({"number": TELEFONICA, "reason": "annoying"}),
        )
        .await;
    assert_eq!(status, 422);
    for _ in 0..9 {
        app.post_json("/v1/reports", &report).await;
    }
    let (status, body) = app.post_json("/v1/reports", &report).await;
    assert_eq!((status, body["code"].as_str()), (429, Some("rate_limited")));
}

#[tokio::test]
async fn the_webhook_sender_posts_the_code_to_the_gateway() {
    let received: Arc<Mutex<Vec<Value>>> = Arc::default();
    let sink = Arc::clone(&received);
    let gateway = axum::Router::new().route(
        "/sms",
        axum::routing::post(move |axum::Json(v): axum::Json<Value>| {
            let sink = Arc::clone(&sink);
            async move {
                sink.lock().unwrap().push(v);
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/sms", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, gateway).await });
    let app = spawn_with(
        |c| c.sender = bizseal::config::SenderConfig::Webhook { url },
        false,
    )
    .await;
    let a = register(&app, "Floristería Jazmín").await;
    let (status, _) = act(
        &app,
        &a,
        "numbers",
        json!({"number": "612 000 999", "region": "ES"}),
    )
    .await;
    assert_eq!(status, 202);
    let got = received.lock().unwrap().clone();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["number"], "+34612000999");
    assert_eq!(got[0]["locale"], "es");
    assert!(got[0]["code"]
        .as_str()
        .unwrap()
        .chars()
        .all(|c| c.is_ascii_digit()));
    assert!(
        app.service.outbox().is_empty(),
        "the webhook sender keeps no outbox"
    );
}

#[tokio::test]
async fn a_rotated_key_replaces_the_old_one_at_once() {
    let app = workflow_app(1).await;
    let a = register(&app, "Cerrajería Llave").await;
    let status_path = format!("/v1/businesses/{}/status", a.id);
    let r = app
        .client
        .post(app.url(&format!("/v1/businesses/{}/key", a.id)))
        .bearer_auth(&a.key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        header(&r, "cache-control"),
        "no-store",
        "a secret is never cached"
    );
    let body: Value = r.json().await.unwrap();
    let new_key = body["api_key"].as_str().unwrap().to_owned();
    assert!(new_key.starts_with("bzk_") && new_key != a.key, "{body}");
    // The old key is nobody now; the new one opens the business.
    let (status, _) = get(&app, &status_path, &a.key).await;
    assert_eq!(status, 401);
    let (status, _) = get(&app, &status_path, &new_key).await;
    assert_eq!(status, 200);
    // The old key cannot rotate again, nor another business's key this one.
    let (status, _) = act(&app, &a, "key", json!({})).await;
    assert_eq!(status, 401);
    let b = register(&app, "Cerrajería Candado").await;
    let (status, _) = post(
        &app,
        &format!("/v1/businesses/{}/key", a.id),
        &b.key,
        json!({}),
    )
    .await;
    assert_eq!(status, 404, "another business's id is not found");
    let (status, _) = get(&app, &format!("/v1/businesses/{}/status", b.id), &b.key).await;
    assert_eq!(status, 200, "b's own key still works");
}

#[tokio::test]
async fn an_emptied_website_or_logo_is_removed() {
    let app = workflow_app(1).await;
    let a = register(&app, "Papelería Pluma").await;
    let path = format!("/v1/businesses/{}", a.id);
    let patch = |body: Value| send(&app, reqwest::Method::PATCH, &path, &a.key, Some(body));
    let (status, body) = patch(
        json!({"website": "https://pluma.example", "logo_url": "https://pluma.example/l.png"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["business"]["website"], "https://pluma.example");
    let (status, body) = patch(json!({"website": "", "logo_url": "  "})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["business"]["website"], Value::Null);
    assert_eq!(body["business"]["logo_url"], Value::Null);
    // Anything else must still be an http(s) URL.
    let (status, body) = patch(json!({"website": "pluma.example"})).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("invalid_request"))
    );
    assert!(
        body["detail"].as_str().unwrap().starts_with("website"),
        "{body}"
    );
}

#[tokio::test]
async fn a_business_reads_reports_on_its_own_numbers_newest_first() {
    use bizseal::model::{BusinessId, Report, ReportReason};
    let app = workflow_app(1).await;
    let a = register(&app, "Ferretería Sur").await;
    let proven = "+34612000555";
    prove(&app, &a, proven).await;
    // A number only listed (its code never entered) is not the business's
    // own: anyone may list any number, and must not read its callers.
    let listed = "+34612000556";
    let (status, _) = act(&app, &a, "numbers", json!({"number": listed})).await;
    assert_eq!(status, 202);
    let at = now();
    app.service
        .store()
        .write(|w| {
            for (number, comment, when) in [
                (proven, "older", at - 100),
                (proven, "newer", at - 10),
                (listed, "not theirs", at),
            ] {
                let report = Report {
                    number: number.to_owned(),
                    reason: ReportReason::Scam,
                    comment: Some(comment.to_owned()),
                    reporter: "192.0.2.0".to_owned(),
                    at: when,
                };
                w.add_report(&format!("r-{comment}"), &report)?;
            }
            Ok::<_, bizseal::store::StoreError>(())
        })
        .unwrap();
    let id = BusinessId::parse(&a.id).unwrap();
    let seen = app.service.reports_for(&id).unwrap();
    let comments: Vec<_> = seen.iter().map(|r| r.comment.as_deref().unwrap()).collect();
    assert_eq!(comments, ["newer", "older"]);
    assert!(seen
        .iter()
        .all(|r| r.number == proven && r.reason == ReportReason::Scam));

    // A held number's reports reach its holder.
    let (status, _) = app
        .post_json("/v1/reports", &json!({"number": KLM, "reason": "spam"}))
        .await;
    assert_eq!(status, 202);
    let klm = app
        .service
        .reports_for(&BusinessId::parse(KLM_ID).unwrap())
        .unwrap();
    assert_eq!(klm.len(), 1);
    assert_eq!(
        (klm[0].number.as_str(), klm[0].reason),
        (KLM, ReportReason::Spam)
    );
}

#[tokio::test]
async fn the_open_domain_challenge_can_be_read_again_until_it_is_proven() {
    use bizseal::model::BusinessId;
    let site = challenge_site().await;
    let app = workflow_app(site.port).await;
    let a = register(&app, "Relojería Alba").await;
    let id = BusinessId::parse(&a.id).unwrap();
    assert!(
        app.service.domain_challenge(&id).unwrap().is_none(),
        "nothing started"
    );
    let (_, started) = act(&app, &a, "domain", json!({"domain": "localhost"})).await;
    let open = app.service.domain_challenge(&id).unwrap().expect("open");
    assert_eq!(open.token, started["token"].as_str().unwrap());
    assert_eq!(open.http_url, started["http_url"].as_str().unwrap());
    assert_eq!(open.dns_name, "_bizseal-challenge.localhost");
    assert_eq!(open.dns_value, open.token);
    // Restarted: the new token is the open one.
    let (_, again) = act(&app, &a, "domain", json!({"domain": "localhost"})).await;
    let open = app.service.domain_challenge(&id).unwrap().expect("open");
    assert_eq!(open.token, again["token"].as_str().unwrap());
    assert_ne!(open.token, started["token"].as_str().unwrap());
    // Proven: nothing is open any more.
    *site.token.lock().unwrap() = open.token.clone();
    let (_, check) = act(&app, &a, "domain/check", json!({})).await;
    assert_eq!(check["verified"], true, "{check}");
    assert!(app.service.domain_challenge(&id).unwrap().is_none());
}
