//! The baseline of the token-check figure (issue 6): raw ring Ed25519
//! verifications per second on one thread, over the signing input of a
//! real bizseal token, for `SECONDS` (default 3).
//!
//! ```sh
//! cargo run --release --example ring_verify -- 3
//! ```
//!
//! `scripts/load.sh` runs it between rounds of `POST /v1/attestations/verify`
//! and compares verifications per CPU-second of each.

use std::hint::black_box;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use bizseal::keys::{self, Keyring};
use bizseal::token::{self, Claims};
use ring::signature::{UnparsedPublicKey, ED25519};

fn main() {
    let seconds: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    let master = keys::MasterKey::from_bytes(&[7; 32]);
    let stored = keys::generate(0, &master).expect("key");
    let keyring = Keyring::load(std::slice::from_ref(&stored), &master).expect("keyring");
    let claims = Claims {
        iss: "bizseal".into(),
        sub: "+31206499123".into(),
        biz: "b_01JD7Z3K8QRR1FVQ1Q2JVZPGQT".into(),
        nam: "Bakkerij de Vries".into(),
        lvl: "A".into(),
        iat: 1_700_000_000,
        nbf: 1_700_000_000,
        exp: 1_702_592_000,
        jti: "01JD7Z3K8Q0000000000000001".into(),
        evd: vec![bizseal::model::Evidence {
            method: "import".into(),
            at: 1_700_000_000,
        }],
        rcdi: Default::default(),
    };
    let token = token::sign(&keyring, &claims);
    let (input, sig) = token.rsplit_once('.').expect("three parts");
    let sig = URL_SAFE_NO_PAD.decode(sig).expect("base64url");

    let budget = Duration::from_secs_f64(seconds);
    let cpu_before = cpu_ns();
    let started = Instant::now();
    let mut count = 0u64;
    while started.elapsed() < budget {
        for _ in 0..256 {
            let ok = UnparsedPublicKey::new(&ED25519, &stored.public)
                .verify(black_box(input.as_bytes()), black_box(&sig))
                .is_ok();
            assert!(ok);
        }
        count += 256;
    }
    let secs = started.elapsed().as_secs_f64();
    let cpu = (cpu_ns() - cpu_before) as f64 / 1e9;
    println!(
        "ring_verify: {count} verifications in {secs:.2} s: {:.0}/s on one thread, {:.0} per CPU-second",
        count as f64 / secs,
        count as f64 / cpu.max(1e-9)
    );
}

/// CPU time of this (single-threaded) process so far, in nanoseconds, from
/// the scheduler's own accounting: on a shared machine the wall clock also
/// counts time other processes took.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}
