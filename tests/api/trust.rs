//! The trust rules (issue 19): a badge means "reviewed", and only while it
//! holds. Each test reproduces one way an impostor, a squatter or an
//! attacker could obtain, keep or block a badge on the build before the
//! rules, and shows that it no longer works.

use bizseal::phone::E164;
use bizseal::store::prelude::*;
use serde_json::{json, Value};

use crate::helpers::*;
use crate::workflow::{
    act, get, post, prove, register, send, verify, workflow_app, Applicant, REVIEWER,
};
use bizseal::model::{BusinessStatus, Claim, ReportReason};
use bizseal::phone::PhoneNumber;

/// What a client is told about a number nobody reviewed.
fn assert_unknown(answer: &Value) {
    assert_eq!(answer["status"], "unknown", "{answer}");
    assert!(answer["business"].is_null(), "{answer}");
    assert!(answer["attestation"].is_null(), "{answer}");
    assert!(answer["level"].is_null(), "{answer}");
}

async fn review(app: &TestApp, a: &Applicant, verb: &str, body: Value) -> (u16, Value) {
    post(app, &format!("/v1/review/{}/{verb}", a.id), REVIEWER, body).await
}

/// Registers, proves `number`, submits and has a reviewer approve.
async fn verified(app: &TestApp, name: &str, number: &str) -> Applicant {
    let a = register(app, name).await;
    prove(app, &a, number).await;
    assert_eq!(act(app, &a, "submit", json!({})).await.0, 202);
    let (status, body) = review(app, &a, "approve", json!({"note": "ok"})).await;
    assert_eq!(status, 200, "{body}");
    a
}

/// A reviewer suspends the business.
async fn suspend(app: &TestApp, a: &Applicant, reason: &str) -> u16 {
    post(
        app,
        &format!("/v1/review/businesses/{}/suspend", a.id),
        REVIEWER,
        json!({ "reason": reason }),
    )
    .await
    .0
}

/// The business deletes `tail` of its own resources ("" for itself).
async fn delete(app: &TestApp, a: &Applicant, tail: &str) -> (u16, Value) {
    send(
        app,
        reqwest::Method::DELETE,
        &format!("/v1/businesses/{}{tail}", a.id),
        &a.key,
        None,
    )
    .await
}

fn phone(n: &str) -> PhoneNumber {
    PhoneNumber::parse(n, None).unwrap()
}

async fn revocation_reason(app: &TestApp, jti: &str) -> Option<String> {
    let (_, list) = app.get_json("/v1/revocations").await;
    list["revocations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["serial"] == jti)
        .map(|r| r["reason"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn a_number_proven_but_never_reviewed_answers_like_an_unknown_one() {
    let app = workflow_app(1).await;
    let a = register(&app, "KLM Royal Dutch Airlnes").await;
    let n = "+31612345670";
    let proven = prove(&app, &a, n).await;
    assert_eq!(proven["state"], "proven", "{proven}");
    assert!(proven["level"].is_null());

    let (_, single) = app.get_json(&format!("/v1/numbers/{n}")).await;
    assert_unknown(&single);
    let (_, batch) = app
        .post_json("/v1/numbers/lookup", &json!({"numbers": [n]}))
        .await;
    assert_unknown(&batch["results"][0]);
    let prefix = &sha256_hex(n)[..5];
    let (_, range) = app.get_json(&format!("/v1/numbers/range/{prefix}")).await;
    let suffix = &sha256_hex(n)[5..];
    assert!(
        !range.to_string().contains(suffix),
        "the bucket lists only reviewed businesses: {range}"
    );
    let (status, _) = app.get_json(&format!("/v1/businesses/{}", a.id)).await;
    assert_eq!(status, 404, "no public profile before review");
    app.service.poke_indexer();
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let (_, found) = app.get_json("/v1/search?q=KLM%20Royal%20Dutch").await;
    assert!(
        !found.to_string().contains(&a.id),
        "search lists only reviewed businesses: {found}"
    );
    // No token was ever issued for it.
    let (_, log) = app.get_json("/v1/revocations").await;
    assert!(!log.to_string().contains(n));
    // The business sees its proof in its own view.
    let (_, own) = get(&app, &format!("/v1/businesses/{}/status", a.id), &a.key).await;
    assert_eq!(own["numbers"][0]["state"], "proven");
}

#[tokio::test]
async fn a_rejected_business_shows_nothing_and_waits_before_resubmitting() {
    let app = workflow_app(1).await;
    let a = register(&app, "Iberia Líneas Aéreas").await;
    let n = "+34612300001";
    prove(&app, &a, n).await;
    act(&app, &a, "submit", json!({})).await;
    let (status, _) = review(&app, &a, "reject", json!({"reason": "not Iberia"})).await;
    assert_eq!(status, 200);
    let (_, answer) = app.get_json(&format!("/v1/numbers/{n}")).await;
    assert_unknown(&answer);
    let (status, problem) = act(&app, &a, "submit", json!({})).await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (409, Some("resubmit_later"))
    );
}

#[tokio::test]
async fn suspension_revokes_every_token_and_reinstatement_issues_new_ones() {
    let app = workflow_app(1).await;
    let n = "+34612300002";
    let a = verified(&app, "Cerrajería Llave", n).await;
    let old = app.token_of(n).await;
    let jti = jws_part(&old, 1)["jti"].as_str().unwrap().to_owned();
    assert_eq!(verify(&app, &old).await["valid"], true);

    let status = suspend(&app, &a, "phishing").await;
    assert_eq!(status, 200);
    let checked = verify(&app, &old).await;
    assert_eq!(
        (checked["valid"].as_bool(), checked["reason"].as_str()),
        (Some(false), Some("revoked"))
    );
    assert_eq!(checked["status"], "suspended");
    assert!(revocation_reason(&app, &jti)
        .await
        .unwrap()
        .starts_with("suspended"));
    let (_, answer) = app.get_json(&format!("/v1/numbers/{n}")).await;
    assert_eq!(answer["status"], "suspended");
    assert!(answer["attestation"].is_null());

    let (status, _) = post(
        &app,
        &format!("/v1/review/businesses/{}/reinstate", a.id),
        REVIEWER,
        json!({"reason": "cleared"}),
    )
    .await;
    assert_eq!(status, 200);
    let new = app.token_of(n).await;
    assert_ne!(new, old, "reinstatement issues a new token");
    assert_eq!(verify(&app, &new).await["valid"], true);
    assert_eq!(
        verify(&app, &old).await["reason"],
        "revoked",
        "the old one stays revoked"
    );
}

#[tokio::test]
async fn a_claim_reserves_nothing_and_blocks_no_owner() {
    let app = workflow_app(1).await;
    let numbers: Vec<String> = (0..50).map(|i| format!("+346123001{i:02}")).collect();
    let (status, body) = app
        .post_json(
            "/v1/businesses",
            &json!({
                "legal_name": "Banco Santander S.A.",
                "names": {"es": "Banco Santander"},
                "default_lang": "es", "category": "bank", "country": "ES", "city": "Madrid",
                "numbers": numbers.iter().map(|n| json!({"number": n})).collect::<Vec<_>>(),
            }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let squatter = body["business"]["id"].as_str().unwrap().to_owned();
    for n in &numbers[..3] {
        let (_, answer) = app.get_json(&format!("/v1/numbers/{n}")).await;
        assert_unknown(&answer);
    }
    // The real owner registers with one of them, proves it, is reviewed.
    let owned = &numbers[7];
    let (status, body) = app
        .post_json(
            "/v1/businesses",
            &json!({
                "legal_name": "Panadería Real S.L.", "names": {"es": "Panadería Real"},
                "default_lang": "es", "category": "food", "country": "ES", "city": "Madrid",
                "numbers": [{"number": owned}],
            }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let owner = Applicant {
        id: body["business"]["id"].as_str().unwrap().to_owned(),
        key: body["api_key"].as_str().unwrap().to_owned(),
    };
    prove(&app, &owner, owned).await;
    act(&app, &owner, "submit", json!({})).await;
    assert_eq!(review(&app, &owner, "approve", json!({})).await.0, 200);
    let (_, answer) = app.get_json(&format!("/v1/numbers/{owned}")).await;
    assert_eq!(answer["status"], "verified");
    assert_eq!(answer["business"]["id"], owner.id.as_str());

    // A reviewer frees the squatter's claims; suspending it frees nothing
    // it needed to, since it held nothing.
    let (status, body) = post(
        &app,
        &format!("/v1/review/numbers/{}/release", numbers[0]),
        REVIEWER,
        json!({"reason": "squatting", "business": squatter}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = post(
        &app,
        &format!("/v1/review/numbers/{}/revoke", numbers[1]),
        REVIEWER,
        json!({"reason": "squatting"}),
    )
    .await;
    assert_eq!(status, 409, "a claim holds no token to revoke: release it");
    let (_, audit) = get(
        &app,
        &format!("/v1/review/audit?business={squatter}"),
        REVIEWER,
    )
    .await;
    assert!(audit.to_string().contains("number_released"), "{audit}");

    // Unproven claims lapse.
    let lapsed = app
        .service
        .store()
        .write(|w| {
            let mut c = w.claim(E164::stored(&numbers[2]), &squatter)?.unwrap();
            c.claimed_at -= 365 * 24 * 3600;
            w.put_claim(E164::stored(&numbers[2]), &squatter, &c)
        })
        .map(|_| app.service.lapse_claims());
    assert_eq!(lapsed.unwrap().unwrap(), 1);
}

#[tokio::test]
async fn failed_codes_lock_only_the_guessing_business_and_no_budget_runs_out() {
    let app = workflow_app(1).await;
    let n = "+34612300201";
    let attacker = register(&app, "Competidor S.L.").await;
    let owner = register(&app, "Dueño Legítimo").await;
    let add = |a: &Applicant| (format!("/v1/businesses/{}/numbers", a.id), a.key.clone());
    // The attacker spends everything it is allowed on the number.
    let (path, key) = add(&attacker);
    let mut refused = None;
    for _ in 0..10 {
        let (status, body) = post(&app, &path, &key, json!({"number": n})).await;
        if status != 202 {
            refused = Some((status, body));
            break;
        }
        for _ in 0..5 {
            act(
                &app,
                &attacker,
                &format!("numbers/{n}/confirm"),
                json!({"code": "000001"}),
            )
            .await;
        }
    }
    let (status, body) = refused.expect("the attacker's own limit trips");
    assert_eq!(status, 429, "{body}");
    assert!(body["detail"]
        .as_str()
        .unwrap()
        .contains("from this business"));
    // The owner still gets a code and proves the number.
    let proven = prove(&app, &owner, n).await;
    assert_eq!(proven["state"], "proven");

    // A lock (100 failures) binds one business and a reviewer lifts it.
    app.service
        .store()
        .write(|w| {
            let mut c = w
                .claim(E164::stored(n), &attacker.id)?
                .unwrap_or_else(|| Claim::new(0));
            c.locked_until = Some(now() + 3600);
            w.put_claim(E164::stored(n), &attacker.id, &c)
        })
        .unwrap();
    let (status, body) = act(
        &app,
        &attacker,
        &format!("numbers/{n}/confirm"),
        json!({"code": "123456"}),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("number_locked")),
        "{body}"
    );
    let (status, body) = post(
        &app,
        &format!("/v1/review/numbers/{n}/unlock"),
        REVIEWER,
        json!({"business": attacker.id}),
    )
    .await;
    assert_eq!(
        (status, body["unlocked"].as_u64()),
        (200, Some(1)),
        "{body}"
    );
    let (_, audit) = get(
        &app,
        &format!("/v1/review/audit?business={}", attacker.id),
        REVIEWER,
    )
    .await;
    assert!(audit.to_string().contains("number_unlocked"));
}

#[tokio::test]
async fn a_country_breaker_throttles_a_spike_without_starving_applicants() {
    let app = spawn_with(
        |c| {
            c.reviewer_token = Some(REVIEWER.into());
            c.country_codes_per_hour = 3;
        },
        false,
    )
    .await;
    for i in 0..4 {
        let a = register(&app, &format!("Pyme {i}")).await;
        let (status, body) = act(
            &app,
            &a,
            "numbers",
            json!({"number": format!("+3461230030{i}")}),
        )
        .await;
        assert_eq!(status, 202, "every applicant gets a code: {body}");
        if i == 3 {
            let (status, body) = act(&app, &a, "numbers", json!({"number": "+34612300399"})).await;
            assert_eq!(
                status, 429,
                "one code an hour per business while tripped: {body}"
            );
        }
    }
    let (_, audit) = get(&app, "/v1/review/audit", REVIEWER).await;
    assert!(
        audit.to_string().contains("country_breaker_tripped"),
        "{audit}"
    );
}

#[tokio::test]
async fn a_flag_is_dismissed_or_suspended_never_approved() {
    let app = workflow_app(1).await;
    let a = register(&app, "Nunca Enviada").await;
    let n = "+34612300401";
    prove(&app, &a, n).await;
    for i in 1..=3 {
        app.service
            .report(
                &phone(n),
                ReportReason::Scam,
                None,
                Some(format!("192.0.2.{i}").parse().unwrap()),
            )
            .unwrap();
    }
    let (_, queue) = get(&app, "/v1/review/queue", REVIEWER).await;
    let item = &queue["queue"][0];
    assert_eq!(item["business"]["id"], a.id.as_str());
    assert_eq!(item["actions"], json!(["dismiss", "suspend"]));
    let (status, body) = review(&app, &a, "approve", json!({"note": "reports look bogus"})).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("flag_not_submission"))
    );
    let (_, own) = get(&app, &format!("/v1/businesses/{}/status", a.id), &a.key).await;
    assert_eq!(own["status"], "registered");
    let (status, _) = review(&app, &a, "dismiss", json!({"note": "bogus"})).await;
    assert_eq!(status, 200);
    let (_, queue) = get(&app, "/v1/review/queue", REVIEWER).await;
    assert!(queue["queue"].as_array().unwrap().is_empty());
    let (_, answer) = app.get_json(&format!("/v1/numbers/{n}")).await;
    assert_unknown(&answer);
}

#[tokio::test]
async fn a_reviewed_business_public_edits_wait_for_review() {
    let app = workflow_app(1).await;
    let n = "+34612300501";
    let a = verified(&app, "Banco Pequeño", n).await;
    let (status, body) = send(
        &app,
        reqwest::Method::PATCH,
        &format!("/v1/businesses/{}", a.id),
        &a.key,
        Some(json!({"website": "https://login-santander.example/secure",
                    "logo_url": "https://evil.example/logo.png"})),
    )
    .await;
    assert_eq!(
        (status, body["edit_pending"].as_bool()),
        (202, Some(true)),
        "{body}"
    );
    let (_, answer) = app.get_json(&format!("/v1/numbers/{n}")).await;
    assert!(answer["business"]["website"].is_null(), "{answer}");
    assert!(answer["business"]["logo"].is_null());
    let (_, profile) = app.get_json(&format!("/v1/businesses/{}", a.id)).await;
    assert!(profile["website"].is_null());

    let (_, queue) = get(&app, "/v1/review/queue", REVIEWER).await;
    let item = &queue["queue"][0];
    let fields: Vec<&str> = item["pending_diff"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["website", "logo_url"]);
    assert!(item["warnings"]
        .to_string()
        .contains("website_outside_domain"));
    assert_eq!(review(&app, &a, "approve", json!({})).await.0, 200);
    let (_, answer) = app.get_json(&format!("/v1/numbers/{n}")).await;
    assert_eq!(
        answer["business"]["website"],
        "https://login-santander.example/secure"
    );
}

#[tokio::test]
async fn reports_count_networks_not_requests() {
    let app = workflow_app(1).await;
    let n = phone(TELEFONICA);
    for _ in 0..10 {
        app.service
            .report(
                &n,
                ReportReason::Spam,
                None,
                Some("198.51.100.9".parse().unwrap()),
            )
            .unwrap();
    }
    let (_, answer) = app.get_json(&format!("/v1/numbers/{TELEFONICA}")).await;
    assert_eq!(answer["reputation"]["reports_30d"], 1);
    for addr in ["2001:db8:1:2::1", "2001:db8:1:2::ffff", "2001:db8:1:3::1"] {
        app.service
            .report(&n, ReportReason::Spam, None, Some(addr.parse().unwrap()))
            .unwrap();
    }
    let (_, answer) = app.get_json(&format!("/v1/numbers/{TELEFONICA}")).await;
    assert_eq!(
        answer["reputation"]["reports_30d"], 3,
        "one /64 is one network"
    );
}

#[tokio::test]
async fn a_second_proof_of_a_held_number_is_a_dispute_for_the_reviewers() {
    let app = workflow_app(1).await;
    let n = "+34612300601";
    let holder = verified(&app, "Titular Original", n).await;
    let token = app.token_of(n).await;
    let rival = register(&app, "Nuevo Titular").await;
    let proven = prove(&app, &rival, n).await;
    assert_eq!(proven["state"], "disputed");
    let (_, answer) = app.get_json(&format!("/v1/numbers/{n}")).await;
    assert_eq!(
        answer["business"]["id"],
        holder.id.as_str(),
        "nothing public changes"
    );
    assert_eq!(answer["attestation"], token.as_str());
    let (_, queue) = get(&app, "/v1/review/queue", REVIEWER).await;
    let ids: Vec<&str> = queue["queue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["business"]["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&holder.id.as_str()) && ids.contains(&rival.id.as_str()),
        "{queue}"
    );
    let rival_item = queue["queue"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["business"]["id"] == rival.id.as_str())
        .unwrap();
    assert_eq!(rival_item["numbers"][0]["held_by"], holder.id.as_str());

    // The reviewers side with the rival: released from the holder, and
    // taken over by the rival once its own review holds.
    act(&app, &rival, "submit", json!({})).await;
    let (status, body) = post(
        &app,
        &format!("/v1/review/numbers/{n}/release"),
        REVIEWER,
        json!({"reason": "ported to the rival", "business": holder.id}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_unknown(&body);
    assert_eq!(verify(&app, &token).await["reason"], "revoked");
    assert_eq!(review(&app, &rival, "approve", json!({})).await.0, 200);
    let (_, answer) = app.get_json(&format!("/v1/numbers/{n}")).await;
    assert_eq!(answer["business"]["id"], rival.id.as_str());
    assert_eq!(answer["level"], "B", "no domain proven: level B");
}

#[tokio::test]
async fn deleting_a_business_revokes_its_tokens() {
    let app = workflow_app(1).await;
    let n = "+34612300701";
    let a = verified(&app, "Se Despide", n).await;
    let token = app.token_of(n).await;
    let jti = jws_part(&token, 1)["jti"].as_str().unwrap().to_owned();
    let (status, _) = delete(&app, &a, "").await;
    assert_eq!(status, 204);
    assert_eq!(
        revocation_reason(&app, &jti).await.as_deref(),
        Some("deleted")
    );
    let (_, answer) = app.get_json(&format!("/v1/numbers/{n}")).await;
    assert_unknown(&answer);
    let (status, _) = app.get_json(&format!("/v1/businesses/{}", a.id)).await;
    assert_eq!(status, 404);
}

/// A demo number with a level whose business was never reviewed (Viajes
/// Sol y Mar).
const UNREVIEWED: &str = "+34932416508";

#[tokio::test]
async fn the_upgrade_revokes_what_the_rules_would_not_have_issued() {
    use bizseal::model::{
        Attestation, BusinessId, Level, NumberRecord, NumberState, Proof, ProofMethod,
    };
    // A directory as schema 4 left it: an unreviewed business holding a
    // level B token (as the old import and code proofs wrote them).
    let app = spawn_app().await;
    let data = app.stop().await;
    let serial = "01JD7Z3K8Q00000000000000ZZ";
    let business = {
        let store = bizseal::store::Store::open(&data.path().join("data")).unwrap();
        let (business, _) = store
            .read()
            .unwrap()
            .claims_of(E164::stored(UNREVIEWED))
            .unwrap()
            .remove(0);
        let id = BusinessId::parse(&business).unwrap();
        store
            .write(|w| {
                assert_eq!(
                    w.business(&business)?.unwrap().status,
                    BusinessStatus::Registered
                );
                w.remove_claim(UNREVIEWED, &business)?;
                w.put_attestation(&Attestation {
                    serial: serial.into(),
                    number: UNREVIEWED.into(),
                    business: id.clone(),
                    level: Level::B,
                    name: "old".into(),
                    kid: "k".into(),
                    issued_at: now(),
                    expires_at: now() + 3600,
                    token: "a.b.c".into(),
                })?;
                w.put_number(
                    E164::stored(UNREVIEWED),
                    &NumberRecord {
                        business: id.clone(),
                        state: NumberState::Attested {
                            level: Level::B,
                            serial: serial.into(),
                        },
                        proof: Some(Proof {
                            method: ProofMethod::Otp,
                            at: now(),
                        }),
                        updated_at: now(),
                    },
                )?;
                w.set_meta_flag(bizseal::store::TRUST_UPGRADE)
            })
            .unwrap();
        business
    };
    let service = bizseal::service::Service::open_for_command(bizseal::config::Config::new(
        data.path().join("data"),
    ))
    .unwrap();
    let r = service.store().read().unwrap();
    let revoked = r
        .revocation(serial)
        .unwrap()
        .expect("revoked by the upgrade");
    assert!(
        revoked.reason.starts_with("unreviewed"),
        "{}",
        revoked.reason
    );
    assert!(r.number(E164::stored(UNREVIEWED)).unwrap().is_none());
    let claim = r
        .claim(E164::stored(UNREVIEWED), &business)
        .unwrap()
        .expect("kept as a claim");
    assert!(claim.proof.is_some(), "proven as it was");
    assert!(!service
        .store()
        .has_meta_flag(bizseal::store::TRUST_UPGRADE)
        .unwrap());
    assert_eq!(
        service.lookup(&phone(UNREVIEWED), &[]).unwrap().status,
        bizseal::model::PublicStatus::Unknown
    );
}

#[tokio::test]
async fn a_token_left_valid_by_a_renewal_is_revoked_with_the_badge() {
    let app = workflow_app(1).await;
    let n = "+34612300801";
    let a = verified(&app, "Renovada", n).await;
    let first = app.token_of(n).await;
    let serial = jws_part(&first, 1)["jti"].as_str().unwrap().to_owned();
    // Due for renewal: the renewed token takes over, the first one stays
    // valid until it expires (its facts are still true).
    app.service
        .store()
        .write(|w| {
            let a = w.attestation(&serial)?.unwrap();
            w.put_attestation(&bizseal::model::Attestation {
                expires_at: now() + 60,
                ..a
            })
        })
        .unwrap();
    let renewed = app.service.renew_expiring().unwrap();
    assert_eq!(renewed.renewed, 1);
    let second = app.token_of(n).await;
    assert_ne!(second, first);
    assert_eq!(verify(&app, &first).await["valid"], true);

    let status = suspend(&app, &a, "fraud").await;
    assert_eq!(status, 200);
    for token in [&first, &second] {
        assert_eq!(verify(&app, token).await["reason"], "revoked", "{token}");
    }
}

#[tokio::test]
async fn only_a_reviewer_undoes_a_revocation_or_a_suspension() {
    let app = workflow_app(1).await;
    let n = "+34612300901";
    let a = verified(&app, "Revocada", n).await;
    post(
        &app,
        &format!("/v1/review/numbers/{n}/revoke"),
        REVIEWER,
        json!({"reason": "scam calls"}),
    )
    .await;
    let (status, body) = delete(&app, &a, &format!("/numbers/{n}")).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("revoked_by_reviewer"))
    );
    let (status, body) = act(&app, &a, "numbers", json!({"number": n})).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("revoked_by_reviewer"))
    );
    let (status, body) = delete(&app, &a, "").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("revoked_by_reviewer"))
    );
    let (_, answer) = app.get_json(&format!("/v1/numbers/{n}")).await;
    assert_eq!(answer["status"], "revoked");

    let b = verified(&app, "Suspendida", "+34612300902").await;
    suspend(&app, &b, "fraud").await;
    let (status, body) = delete(&app, &b, "").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("business_suspended"))
    );
}

#[tokio::test]
async fn a_name_swapped_in_while_under_review_is_never_approved() {
    let app = workflow_app(1).await;
    let a = register(&app, "Panadería Honrada").await;
    prove(&app, &a, "+34612301001").await;
    assert_eq!(act(&app, &a, "submit", json!({})).await.0, 202);
    // The reviewer reads "Panadería Honrada"; the applicant swaps the name
    // in just before the click.
    let (status, _) = send(
        &app,
        reqwest::Method::PATCH,
        &format!("/v1/businesses/{}", a.id),
        &a.key,
        Some(
            json!({"names": {"es": "KLM Royal Dutch Airlines", "en": "KLM Royal Dutch Airlines"}}),
        ),
    )
    .await;
    assert_eq!(status, 200);
    let (status, body) = review(&app, &a, "approve", json!({"note": "bakery ok"})).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("nothing_waits")),
        "{body}"
    );
    let (_, own) = get(&app, &format!("/v1/businesses/{}/status", a.id), &a.key).await;
    assert_eq!(
        own["review"]["state"], "draft",
        "the edit withdrew the submission"
    );
    let (_, answer) = app.get_json("/v1/numbers/+34612301001").await;
    assert_unknown(&answer);
}

#[tokio::test]
async fn nobody_takes_a_number_over_on_an_old_proof() {
    let app = workflow_app(1).await;
    let n = "+34612301101";
    let holder = verified(&app, "Titular Antiguo", n).await;
    let rival = verified(&app, "Rival Paciente", "+34612301102").await;
    assert_eq!(prove(&app, &rival, n).await["state"], "disputed");
    // Months later (the number may have changed hands since) the holder
    // gives it up: the rival's old proof takes nothing over.
    app.service
        .store()
        .write(|w| {
            let mut c = w.claim(E164::stored(n), &rival.id)?.unwrap();
            c.proof.as_mut().unwrap().at -= 90 * 24 * 3600;
            w.put_claim(E164::stored(n), &rival.id, &c)
        })
        .unwrap();
    assert_eq!(delete(&app, &holder, &format!("/numbers/{n}")).await.0, 204);
    let (_, answer) = app.get_json(&format!("/v1/numbers/{n}")).await;
    assert_unknown(&answer);
    let (_, own) = get(
        &app,
        &format!("/v1/businesses/{}/status", rival.id),
        &rival.key,
    )
    .await;
    let state = own["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["number"] == n)
        .unwrap()["state"]
        .clone();
    assert_eq!(state, "unproven", "it must prove the number again");
    // A fresh proof takes it.
    assert_eq!(prove(&app, &rival, n).await["state"], "attested");
    let (_, answer) = app.get_json(&format!("/v1/numbers/{n}")).await;
    assert_eq!(answer["business"]["id"], rival.id.as_str());
}
