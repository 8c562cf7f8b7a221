//! Criterion benches of the hot pieces: signing an attestation, verifying
//! one (against raw ring Ed25519 verify, the floor it cannot beat), and a
//! stored lookup (one read transaction) against a bare redb point read.
//!
//! Run: `cargo bench --bench core`. Figures go to BENCHMARKS.md as ratios
//! against the baselines measured in the same run.

use std::hint::black_box;

use bizseal::config::Config;
use bizseal::keys::{self, Keyring};
use bizseal::phone::PhoneNumber;
use bizseal::service::Service;
use bizseal::token::{self, Claims};
use criterion::{criterion_group, criterion_main, Criterion};
use ring::signature::{UnparsedPublicKey, ED25519};

fn claims() -> Claims {
    Claims {
        iss: "bizseal".into(),
        sub: "+31206499123".into(),
        biz: "b_01JD7Z3K8QRR1FVQ1Q2JVZPGQT".into(),
        nam: "KLM Koninklijke Luchtvaart Maatschappij".into(),
        lvl: "A".into(),
        iat: 1_700_000_000,
        nbf: 1_700_000_000,
        exp: 4_000_000_000,
        jti: "01JD7Z3K8Q0000000000000001".into(),
        evd: vec![],
    }
}

fn tokens(c: &mut Criterion) {
    let master = keys::MasterKey::from_bytes(&[7; 32]);
    let stored = keys::generate(0, &master).expect("key");
    let ring = Keyring::load(std::slice::from_ref(&stored), &master).expect("keyring");
    let token = token::sign(&ring, &claims());
    let (input, sig) = token.rsplit_once('.').expect("three parts");
    let sig = base64_decode(sig);

    let mut g = c.benchmark_group("token");
    g.bench_function("sign", |b| {
        b.iter(|| token::sign(&ring, black_box(&claims())))
    });
    g.bench_function("ring_verify_baseline", |b| {
        b.iter(|| {
            UnparsedPublicKey::new(&ED25519, &stored.public)
                .verify(black_box(input.as_bytes()), black_box(&sig))
                .is_ok()
        })
    });
    g.bench_function("verify", |b| {
        b.iter(|| {
            token::verify(
                black_box(&token),
                ring.verifying(),
                1_700_000_100,
                Some("+31206499123"),
            )
        })
    });
    g.finish();
}

fn lookups(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let service = Service::open(Config::new(dir.path())).expect("service");
    service.load_demo().expect("demo");
    let number = PhoneNumber::parse("+31206499123", None).expect("number");
    let langs = vec!["en".to_owned()];

    let mut g = c.benchmark_group("lookup");
    g.bench_function("parse_number", |b| {
        b.iter(|| PhoneNumber::parse(black_box("+31 20 649 9123"), None))
    });
    g.bench_function("stored_lookup", |b| {
        b.iter(|| service.lookup(black_box(&number), &langs))
    });
    g.bench_function("verify_token_with_revocation_check", |b| {
        let answer = service.lookup(&number, &langs).expect("lookup");
        let token = answer.attestation.expect("token");
        b.iter(|| service.verify_token(black_box(&token), Some(&number)))
    });
    g.finish();
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(s)
        .expect("base64url")
}

criterion_group!(benches, tokens, lookups);
criterion_main!(benches);
