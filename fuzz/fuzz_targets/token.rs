//! Token checks take any text a client sends. Whatever arrives, `verify`
//! must answer (never panic), and it may say `ok` only for the one token
//! the key really signed, byte for byte: no other text, however close,
//! passes.
#![no_main]

use std::sync::OnceLock;

use bizseal::keys::{self, Keyring, MasterKey};
use bizseal::model::Evidence;
use bizseal::token::{self, Claims, Reason};
use libfuzzer_sys::fuzz_target;

const NOW: i64 = 1_800_000_000;

struct Fixture {
    keyring: Keyring,
    genuine: String,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let master = MasterKey::from_bytes(&[7; 32]);
        let stored = keys::generate(NOW - 100, &master).expect("key");
        let keyring = Keyring::load(std::slice::from_ref(&stored), &master).expect("keyring");
        let claims = Claims {
            iss: "bizseal".into(),
            sub: "+31206499123".into(),
            biz: "b_01JD7Z3K8QRR1FVQ1Q2JVZPGQT".into(),
            nam: "KLM".into(),
            lvl: "A".into(),
            iat: NOW - 10,
            nbf: NOW - 10,
            exp: NOW + 3600,
            jti: "01JD7Z3K8QRR1FVQ1Q2JVZPGQT".into(),
            evd: vec![Evidence {
                method: "otp".into(),
                at: NOW - 20,
            }],
            rcdi: Default::default(),
        };
        let genuine = token::sign(&keyring, &claims);
        Fixture { keyring, genuine }
    })
}

fn check(f: &Fixture, candidate: &str) {
    let verdict = token::verify(candidate, f.keyring.verifying(), NOW, Some("+31206499123"));
    if verdict.reason == Reason::Ok {
        assert_eq!(candidate, f.genuine, "a forged token passed");
    }
}

fuzz_target!(|data: &[u8]| {
    let f = fixture();
    // The bytes as a token of their own.
    if let Ok(text) = std::str::from_utf8(data) {
        check(f, text);
    }
    // The genuine token with the bytes written over it at a position the
    // first two bytes choose: near misses of a real token.
    if let [hi, lo, patch @ ..] = data {
        let at = usize::from(u16::from_be_bytes([*hi, *lo])) % (f.genuine.len() + 1);
        let mut bytes = f.genuine.as_bytes().to_vec();
        for (i, b) in patch.iter().enumerate() {
            match bytes.get_mut(at + i) {
                Some(slot) => *slot = *b,
                None => bytes.push(*b),
            }
        }
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check(f, text);
        }
    }
});
