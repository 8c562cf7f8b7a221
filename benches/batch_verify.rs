//! Batch token checks against ring's single verify (issue 24): the
//! signatures of n tokens by the server's key, checked one by one with
//! ring (the baseline), with bizseal-client's `batch::verify_batch`, and
//! as whole token checks (`token::verify_unbound_many`: parsing, the
//! batch, claims), for n = 16, 64 and 200 (the batch endpoint's limit).
//!
//! Run: `cargo bench -p bizseal-benches --bench batch_verify`. Every
//! figure is per token (criterion's throughput in elements); BENCHMARKS.md
//! gives them as ratios against the ring baseline of the same run.

use std::hint::black_box;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use bizseal::config::Config;
use bizseal::keys::{self, Keyring};
use bizseal::service::{Service, TokenCheck};
use bizseal::token::{self, Claims};
use bizseal_client::batch;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ring::signature::{UnparsedPublicKey, ED25519};

fn claims(i: usize) -> Claims {
    Claims {
        iss: "bizseal".into(),
        sub: "+31206499123".into(),
        biz: "b_01JD7Z3K8QRR1FVQ1Q2JVZPGQT".into(),
        nam: "KLM Koninklijke Luchtvaart Maatschappij".into(),
        lvl: "A".into(),
        iat: 1_700_000_000,
        nbf: 1_700_000_000,
        exp: 4_000_000_000,
        jti: format!("01JD7Z3K8Q{i:016}"),
        evd: vec![],
        rcdi: Default::default(),
    }
}

fn batches(c: &mut Criterion) {
    let master = keys::MasterKey::from_bytes(&[7; 32]);
    let stored = keys::generate(0, &master).expect("key");
    let ring = Keyring::load(std::slice::from_ref(&stored), &master).expect("keyring");
    let tokens: Vec<String> = (0..200).map(|i| token::sign(&ring, &claims(i))).collect();
    let parts: Vec<(&str, Vec<u8>)> = tokens
        .iter()
        .map(|t| {
            let (input, sig) = t.rsplit_once('.').expect("three parts");
            (input, URL_SAFE_NO_PAD.decode(sig).expect("base64url"))
        })
        .collect();

    let mut g = c.benchmark_group("batch_verify");
    for n in [16usize, 64, 200] {
        g.throughput(Throughput::Elements(n as u64));
        let parts = &parts[..n];
        g.bench_with_input(BenchmarkId::new("ring_single_baseline", n), &n, |b, _| {
            b.iter(|| {
                for (input, sig) in parts {
                    let ok = UnparsedPublicKey::new(&ED25519, &stored.public)
                        .verify(black_box(input.as_bytes()), black_box(sig))
                        .is_ok();
                    assert!(ok);
                }
            })
        });
        let items: Vec<batch::Item> = parts
            .iter()
            .map(|(input, sig)| batch::Item {
                public: &stored.public,
                message: input.as_bytes(),
                signature: sig,
            })
            .collect();
        g.bench_with_input(BenchmarkId::new("signatures", n), &n, |b, _| {
            b.iter(|| {
                let v = batch::verify_batch(black_box(&items), |_| unreachable!("a good batch"));
                assert!(v.iter().all(|&ok| ok));
            })
        });
        let refs: Vec<&str> = tokens[..n].iter().map(String::as_str).collect();
        g.bench_with_input(BenchmarkId::new("tokens", n), &n, |b, _| {
            b.iter(|| {
                let v =
                    token::verify_unbound_many(black_box(&refs), ring.verifying(), 1_700_000_100);
                assert!(v.iter().all(|v| v.reason == token::Reason::Ok));
            })
        });
        // One forged signature among n: the batch fails and every token is
        // decided by ring, so this is the cost of an attacker's batch.
        let mut forged: Vec<String> = tokens[..n].to_vec();
        // A character inside the signature (the last one may carry only
        // padding bits, and then decodes as malformed, not as forged).
        let mut bytes = forged[n / 2].clone().into_bytes();
        let i = bytes.len() - 20;
        bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
        forged[n / 2] = String::from_utf8(bytes).expect("ASCII");
        let forged_refs: Vec<&str> = forged.iter().map(String::as_str).collect();
        g.bench_with_input(BenchmarkId::new("tokens_one_forged", n), &n, |b, _| {
            b.iter(|| {
                token::verify_unbound_many(black_box(&forged_refs), ring.verifying(), 1_700_000_100)
            })
        });
    }
    g.finish();
}

/// The whole service call behind `POST /v1/attestations/verify/batch`
/// (signatures, claims, revocation and status reads), 64 and 200 tokens
/// the server signed for a demo number, against ring's verify of the same
/// signatures one by one.
fn service(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let service = Service::open(Config::new(dir.path())).expect("service");
    service.load_demo().expect("demo");
    let keyring = service.keyring();
    let checks: Vec<TokenCheck> = (0..200)
        .map(|i| TokenCheck {
            token: token::sign(&keyring, &claims(i)),
            number: Some("+31206499123".into()),
        })
        .collect();
    let public = keyring.published()[0].public.clone();
    let parts: Vec<(String, Vec<u8>)> = checks
        .iter()
        .map(|c| {
            let (input, sig) = c.token.rsplit_once('.').expect("three parts");
            (
                input.to_owned(),
                URL_SAFE_NO_PAD.decode(sig).expect("base64url"),
            )
        })
        .collect();
    let mut g = c.benchmark_group("service_verify_many");
    for n in [64usize, 200] {
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("ring_single_baseline", n), &n, |b, _| {
            b.iter(|| {
                for (input, sig) in &parts[..n] {
                    assert!(UnparsedPublicKey::new(&ED25519, &public)
                        .verify(black_box(input.as_bytes()), black_box(sig))
                        .is_ok());
                }
            })
        });
        g.bench_with_input(BenchmarkId::new("verify_many", n), &n, |b, _| {
            b.iter(|| {
                service
                    .verify_many(black_box(&checks[..n]), None)
                    .expect("answers")
            })
        });
    }
    g.finish();
}

criterion_group!(benches, batches, service);
criterion_main!(benches);
