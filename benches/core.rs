//! Criterion benches of the hot pieces: signing an attestation, verifying
//! one (against raw ring Ed25519 verify, the floor it cannot beat), phone
//! parsing (one country; 1000 numbers of ten countries against the
//! `phonenumber` crate), a stored lookup as the API makes it, 1000-number
//! batches, and a 1000-line import.
//!
//! Run: `cargo bench -p bizseal-benches --bench core`. Figures go to BENCHMARKS.md as ratios
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
        rcdi: Default::default(),
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
    // Typed with spaces: parsed, then its E.164 form parsed and validated.
    g.bench_function("parse_number", |b| {
        b.iter(|| PhoneNumber::parse(black_box("+31 20 649 9123"), None))
    });
    // Already E.164: one parse.
    g.bench_function("parse_number_e164", |b| {
        b.iter(|| PhoneNumber::parse(black_box("+31206499123"), None))
    });
    // The answer built from the records (business, token, reports).
    g.bench_function("built_answer", |b| {
        b.iter(|| service.lookup(black_box(&number), &langs))
    });
    // The stored answer: what a client with no language preference, or one
    // whose languages pick KLM's default name, gets.
    g.bench_function("stored_answer", |b| {
        b.iter(|| service.lookup_typed(black_box("+31206499123"), None, &[]))
    });
    // English picks another name than the stored answer shows: built.
    g.bench_function("typed_other_language", |b| {
        b.iter(|| service.lookup_typed(black_box("+31206499123"), None, &langs))
    });
    g.bench_function("verify_token_with_revocation_check", |b| {
        let answer = service.lookup(&number, &langs).expect("lookup");
        let token = answer.attestation.expect("token");
        b.iter(|| service.verify_token(black_box(&token), Some(&number)))
    });
    g.finish();
}

/// One valid number of each of ten countries.
const TEN_COUNTRIES: [&str; 10] = [
    "+31206499123",
    "+34915820317",
    "+33142685300",
    "+4930901820",
    "+442079460958",
    "+12125551234",
    "+390612345678",
    "+918047192205",
    "+551123456789",
    "+81312345678",
];

/// `count` distinct valid numbers of the ten countries in turn: the ten
/// above with their last four digits changed.
fn many_countries(count: usize) -> Vec<String> {
    (0u64..)
        .map(|k| {
            let base = TEN_COUNTRIES[(k % 10) as usize];
            format!("{}{:04}", &base[..base.len() - 4], (k / 10 * 7919) % 10_000)
        })
        .filter(|n| PhoneNumber::parse(n, None).is_ok())
        .take(count)
        .collect()
}

/// Phone validation of numbers from ten countries in turn (an address
/// book's mix), against the `phonenumber` crate that bizseal used before
/// (with its pattern cache made large enough for every region, as bizseal
/// did): the reason for the switch (src/phone.rs).
fn phones(c: &mut Criterion) {
    let numbers = many_countries(1000);
    if let Ok(mut cache) = phonenumber::metadata::DATABASE.cache().lock() {
        cache.set_capacity(8192);
    }
    let mut g = c.benchmark_group("phone");
    g.bench_function("parse_1000_ten_countries", |b| {
        b.iter(|| {
            numbers
                .iter()
                .filter(|n| PhoneNumber::parse(black_box(n), None).is_ok())
                .count()
        })
    });
    g.bench_function("phonenumber_crate_baseline", |b| {
        b.iter(|| {
            numbers
                .iter()
                .filter(|n| {
                    phonenumber::parse(None, black_box(n)).is_ok_and(|p| phonenumber::is_valid(&p))
                })
                .count()
        })
    });
    g.finish();
}

/// `count` valid Amsterdam numbers, distinct, from `start` on.
fn amsterdam(start: u64, count: usize) -> Vec<String> {
    (start..)
        .map(|k| format!("+3120{:07}", (k * 7_654_321 + 1) % 10_000_000))
        .filter(|n| PhoneNumber::parse(n, None).is_ok())
        .take(count)
        .collect()
}

/// JSONL of `numbers.len()` verified businesses, one level A number each.
fn profiles(numbers: &[String]) -> String {
    numbers
        .iter()
        .enumerate()
        .map(|(i, n)| {
            serde_json::json!({
                "legal_name": format!("Bakkerij Nummer {i} B.V."),
                "names": {"nl": format!("Bakkerij Nummer {i}"), "en": format!("Bakery Number {i}")},
                "default_lang": "nl", "category": "bakery", "country": "NL", "city": "Amsterdam",
                "numbers": [{"number": n, "level": "A"}]
            })
            .to_string()
                + "\n"
        })
        .collect()
}

fn batches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let service = Service::open(Config::new(dir.path())).expect("service");
    let listed = amsterdam(0, 2000);
    let report = service
        .import(profiles(&listed).as_bytes(), |_| {})
        .expect("import");
    assert_eq!(report.created, 2000);
    let unlisted = amsterdam(5_000_000, 1000);
    let unlisted_mixed = many_countries(1000);
    let langs = vec!["en".to_owned()];

    let mut g = c.benchmark_group("batch");
    g.sample_size(20);
    g.bench_function("lookup_1000_listed", |b| {
        b.iter(|| service.lookup_many(black_box(&listed[..1000]), None, &[]))
    });
    g.bench_function("lookup_1000_listed_other_language", |b| {
        b.iter(|| service.lookup_many(black_box(&listed[..1000]), None, &langs))
    });
    g.bench_function("lookup_1000_unlisted", |b| {
        b.iter(|| service.lookup_many(black_box(&unlisted), None, &langs))
    });
    g.bench_function("lookup_1000_unlisted_ten_countries", |b| {
        b.iter(|| service.lookup_many(black_box(&unlisted_mixed), None, &langs))
    });
    g.finish();

    let fresh = profiles(&amsterdam(100_000, 1000));
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.bench_function("import_1000_lines_fresh_store", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("tempdir");
                let service = Service::open(Config::new(dir.path())).expect("service");
                (dir, service)
            },
            |(_dir, service)| service.import(fresh.as_bytes(), |_| {}).expect("import"),
            criterion::BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(s)
        .expect("base64url")
}

criterion_group!(benches, tokens, lookups, phones, batches);
criterion_main!(benches);
