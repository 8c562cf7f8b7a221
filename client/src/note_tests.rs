//! Signed notes against published vectors: golang.org/x/mod/sumdb/note's
//! example (Ed25519 is deterministic, so signing must give its bytes back)
//! and a real checkpoint of a CT log cosigned by a public witness.

use super::*;
use ed25519_dalek::{Signer, SigningKey};

const PETER_VKEY: &str = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const PETER_SKEY: &str =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const PETER_TEXT: &str = "If you think cryptography is the answer to your problem,\n\
                          then you don't know what your problem is.\n";
const PETER_NOTE: &str = "If you think cryptography is the answer to your problem,\n\
     then you don't know what your problem is.\n\
     \n\
     \u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

/// A checkpoint of the arche2025h1 staging CT log with the log's Ed25519
/// signature, an ECDSA one (type unknown here) and four witness
/// cosignatures, among them remora.n621.de's.
const ARCHE: &str = "arche2025h1.staging.ct.transparency.dev\n\
1432088532\n\
U7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=\n\
\n\
\u{2014} arche2025h1.staging.ct.transparency.dev zTM8sQAAAZ5W0WdjBAMARjBEAiBjW5IQf9pvsYLfQFX6hoGREPMHbdQ3urbllzalApkptQIgIpwtEroeW2BXaHAI4kJXFbon5Ch9MNL5zRNZ55lvGt0=\n\
\u{2014} arche2025h1.staging.ct.transparency.dev ui8GwCF1+kWqZrxGdhj4aX3gcw7XUlXQQabg/27lefwhUkzbC3NygNI75MdhL1bfTW9g8Ei59RA23oHP7Ry1k3ZFWwQ=\n\
\u{2014} transparency.dev/DEV:witness-little-garden 2AQqhwAAAABqEiEgzgFIqqhbUoDwjMWE6UP8nd8/KYTzwZ2rhIgcqoXHAwVkjZr4AscylP3v7sEodkRAErumC2q44vdgJY096st5BQ==\n\
\u{2014} witness1.smartit.nu/witness1 pIyCDwAAAABqEiEghIp82KWebrw7/oHQwlTAm3g2RKS4+eebl8eO0WH+/iEcxZ75W3u5hNI7TOQtmJbqmNWVuE0tgh0XwzdZsDsUAQ==\n\
\u{2014} remora.n621.de 2net5wAAAABqEiEgPlfF3V06o0Y+fHM+J5J9s27wgxxcOVSpZ/2g/KSiXCg9DEZI+aVCIobWX9sXTynk5XeU/zZ0WBxtqB0DrAWfBw==\n\
\u{2014} witness.stagemole.eu Z/euoAAAAABqEiEgw0i+7g2ENfDAWHmtRzCfKTHSDwYDJA2NmKeGi9Y8FtEyOUvVr+AJmIY/2TUFucgKi7lI7cUiOvKFYe/TmN9DAg==\n";
const ARCHE_VKEY: &str =
    "arche2025h1.staging.ct.transparency.dev+ba2f06c0+AU0vHmlGCS/PdN8b2OaGmKprLI8HKM+dJ472xgFYh15f";
const REMORA_VKEY: &str = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2";

fn peter_signing_key() -> SigningKey {
    // PRIVATE+KEY+<name>+<id>+base64(0x01 ‖ 32-byte seed)
    let b64 = PETER_SKEY.splitn(5, '+').nth(4).unwrap();
    let raw = STANDARD.decode(b64).unwrap();
    assert_eq!(raw[0], ED25519);
    SigningKey::from_bytes(&raw[1..].try_into().unwrap())
}

#[test]
fn the_go_sumdb_example_verifies_and_signing_reproduces_it() {
    let vkey = Vkey::parse(PETER_VKEY).unwrap();
    assert_eq!(vkey.to_string(), PETER_VKEY);
    assert_eq!(vkey.name(), "PeterNeumann");
    let note = Note::parse(PETER_NOTE.as_bytes()).unwrap();
    assert_eq!(note.text, PETER_TEXT);
    assert_eq!(note.to_bytes(), PETER_NOTE.as_bytes());
    let ok = note.verify(std::slice::from_ref(&vkey)).unwrap();
    assert_eq!(ok.len(), 1);
    assert_eq!(ok[0].timestamp, None);

    let sk = peter_signing_key();
    assert_eq!(sk.verifying_key().as_bytes(), vkey.public());
    let sig = sign(&vkey, PETER_TEXT, |m| sk.sign(m).to_bytes().to_vec());
    let again = Note {
        text: PETER_TEXT.into(),
        signatures: vec![sig],
    };
    assert_eq!(again.to_bytes(), PETER_NOTE.as_bytes());
}

#[test]
fn a_real_cosigned_checkpoint_verifies_for_the_log_and_the_witness() {
    let note = Note::parse(ARCHE.as_bytes()).unwrap();
    assert_eq!(note.signatures.len(), 6);
    let log = Vkey::parse(ARCHE_VKEY).unwrap();
    let witness = Vkey::parse(REMORA_VKEY).unwrap();
    assert_eq!(witness.kind(), COSIGNATURE_V1);
    let ok = note.verify(&[log.clone(), witness.clone()]).unwrap();
    assert_eq!(
        ok.len(),
        2,
        "the ECDSA line and the unknown witnesses are ignored"
    );
    assert_eq!(ok[0].key, log);
    assert_eq!(ok[1].key, witness);
    // 0x6a122120, the timestamp the cosignature carries.
    assert_eq!(ok[1].timestamp, Some(0x6a12_2120));
    assert_eq!(note.to_bytes(), ARCHE.as_bytes());
    // The witness alone is enough to open it, and one changed digit breaks
    // both signatures.
    assert!(note.verify(std::slice::from_ref(&witness)).is_ok());
    let forged = Note::parse(ARCHE.replace("1432088532", "1432088533").as_bytes()).unwrap();
    assert_eq!(
        forged.verify(std::slice::from_ref(&witness)),
        Err(NoteError::BadSignature("remora.n621.de".into()))
    );
    assert!(forged.verify(std::slice::from_ref(&log)).is_err());
}

#[test]
fn tampered_notes_and_wrong_keys_are_refused() {
    let vkey = Vkey::parse(PETER_VKEY).unwrap();
    let changed = PETER_NOTE.replace("cryptography", "cryptographY");
    assert_eq!(
        Note::parse(changed.as_bytes())
            .unwrap()
            .verify(std::slice::from_ref(&vkey)),
        Err(NoteError::BadSignature("PeterNeumann".into()))
    );
    // Another key of the same name has another ID: its signature is not
    // looked at, so nothing verifies.
    let other = Vkey::new("PeterNeumann", ED25519, [9; 32]).unwrap();
    let note = Note::parse(PETER_NOTE.as_bytes()).unwrap();
    assert_eq!(note.verify(&[other]), Err(NoteError::Unverified));
    // The same key under another name does not match either.
    let renamed = Vkey::new("Peter", ED25519, *vkey.public()).unwrap();
    assert_eq!(note.verify(&[renamed]), Err(NoteError::Unverified));
    // A signature by a trusted key that fails rejects the note even if
    // another trusted signature holds.
    let mut two = note.clone();
    let mut bad = two.signatures[0].clone();
    bad.bytes[10] ^= 1;
    two.signatures.push(bad);
    assert!(matches!(
        two.verify(std::slice::from_ref(&vkey)),
        Err(NoteError::BadSignature(_))
    ));
}

#[test]
fn malformed_notes_are_refused() {
    let cases: &[(&str, NoteError)] = &[
        ("no signatures\n", NoteError::Shape),
        ("text\n\n", NoteError::Shape),
        ("text\n\n\u{2014} a AAAAAAA=", NoteError::Shape),
        ("text\n\n- a AAAAAAA=\n", NoteError::SignatureLine(1)),
        (
            "text\n\n\u{2014} a b+c AAAAAAA=\n",
            NoteError::SignatureLine(1),
        ),
        ("text\n\n\u{2014} a AAAA\n", NoteError::SignatureLine(1)),
        (
            "text\n\n\u{2014} a not*base64\n",
            NoteError::SignatureLine(1),
        ),
        ("te\tx\n\n\u{2014} a AAAAAAA=\n", NoteError::Control),
        ("text\r\n\n\u{2014} a AAAAAAA=\n", NoteError::Control),
    ];
    for (text, want) in cases {
        assert_eq!(Note::parse(text.as_bytes()).as_ref(), Err(want), "{text:?}");
    }
    assert_eq!(Note::parse(b"\xff\n\n"), Err(NoteError::Utf8));
    let many: String = std::iter::once("t\n\n".to_owned())
        .chain((0..=MAX_SIGNATURES).map(|_| "\u{2014} a AAAAAAA=\n".to_owned()))
        .collect();
    assert_eq!(
        Note::parse(many.as_bytes()),
        Err(NoteError::TooManySignatures)
    );
    // The text may hold blank lines: the last one separates.
    let note = Note::parse("a\n\nb\n\n\u{2014} k AAAAAAA=\n".as_bytes()).unwrap();
    assert_eq!(note.text, "a\n\nb\n");
}

#[test]
fn verifier_keys_are_read_strictly() {
    // Every proper substring of a good key and every one-byte change is
    // refused (the checks of Go's TestNewVerifier).
    let good = PETER_VKEY.as_bytes();
    for i in 0..good.len() {
        for j in i + 1..=good.len() {
            if (i, j) != (0, good.len()) {
                if let Ok(s) = std::str::from_utf8(&good[i..j]) {
                    assert!(Vkey::parse(s).is_err(), "{s:?}");
                }
            }
        }
    }
    for i in 0..good.len() {
        let mut b = good.to_vec();
        b[i] = b[i].wrapping_add(1);
        if let Ok(s) = std::str::from_utf8(&b) {
            assert!(Vkey::parse(s).is_err(), "{s:?}");
        }
    }
    assert!(Vkey::new("a b", ED25519, [1; 32]).is_err());
    assert!(Vkey::new("", ED25519, [1; 32]).is_err());
    assert!(Vkey::new("a", 0x02, [1; 32]).is_err());
    // A key whose base64 holds '+' still reads (transparency-dev/formats).
    let plus = "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6";
    assert_eq!(Vkey::parse(plus).unwrap().to_string(), plus);
}

#[test]
fn cosignatures_round_trip_and_bind_their_timestamp() {
    let sk = SigningKey::from_bytes(&[3; 32]);
    let witness = Vkey::new(
        "witness.example/w1",
        COSIGNATURE_V1,
        sk.verifying_key().to_bytes(),
    )
    .unwrap();
    let text = "example.com/log\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    let sig = cosign(&witness, text, 1_700_000_000, |m| {
        sk.sign(m).to_bytes().to_vec()
    });
    let note = Note {
        text: text.into(),
        signatures: vec![sig.clone()],
    };
    let back = Note::parse(&note.to_bytes()).unwrap();
    assert_eq!(
        back.verify(std::slice::from_ref(&witness)).unwrap()[0].timestamp,
        Some(1_700_000_000)
    );
    // Another time under the same signature does not verify.
    let mut moved = back.clone();
    moved.signatures[0].bytes[7] ^= 1;
    assert!(moved.verify(std::slice::from_ref(&witness)).is_err());
    // A plain Ed25519 key with the same public key is another key (its ID
    // differs), so the cosignature is not taken for a log signature.
    let plain = Vkey::new("witness.example/w1", ED25519, *witness.public()).unwrap();
    assert_ne!(plain.id(), witness.id());
    assert_eq!(back.verify(&[plain]), Err(NoteError::Unverified));
}
