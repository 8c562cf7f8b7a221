//! Batch verdicts against ring's single verification, on the inputs where
//! Ed25519 implementations are known to differ: small-order and mixed-order
//! keys, non-canonical encodings of keys and R, s ≥ ℓ, and malleated or
//! random signatures, alone and mixed into batches with valid ones.

use curve25519_dalek::constants::{ED25519_BASEPOINT_POINT as B, EIGHT_TORSION};
use curve25519_dalek::edwards::{CompressedEdwardsY, EdwardsPoint};
use curve25519_dalek::scalar::Scalar;
use proptest::prelude::*;
use sha2::{Digest, Sha512};

use super::*;

fn ring_verify(item: &Item) -> bool {
    ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, item.public)
        .verify(item.message, item.signature)
        .is_ok()
}

/// One case: key, message, signature.
#[derive(Debug, Clone)]
struct Case {
    public: Vec<u8>,
    message: Vec<u8>,
    signature: Vec<u8>,
}

impl Case {
    fn item(&self) -> Item<'_> {
        Item {
            public: &self.public,
            message: &self.message,
            signature: &self.signature,
        }
    }
}

fn scalar(seed: &[u8; 32]) -> Scalar {
    Scalar::from_bytes_mod_order(*seed)
}

fn challenge(r: &[u8; 32], a: &[u8; 32], m: &[u8]) -> Scalar {
    let mut h = Sha512::new();
    h.update(r);
    h.update(a);
    h.update(m);
    Scalar::from_bytes_mod_order_wide(&h.finalize().into())
}

/// A signature `(R, s)` by secret scalar `a` for key bytes `a_bytes`
/// (which may encode a point other than aB: a mixed-order key), with
/// nonce `r` and `extra` added to R (a small-order component).
fn craft(a: Scalar, a_bytes: [u8; 32], r: Scalar, extra: EdwardsPoint, m: &[u8]) -> Case {
    let big_r = (r * B + extra).compress().to_bytes();
    let k = challenge(&big_r, &a_bytes, m);
    let s = r + k * a;
    let mut signature = big_r.to_vec();
    signature.extend_from_slice(s.as_bytes());
    Case {
        public: a_bytes.to_vec(),
        message: m.to_vec(),
        signature,
    }
}

fn valid(seed: [u8; 32], nonce: [u8; 32], m: &[u8]) -> Case {
    let a = scalar(&seed);
    craft(
        a,
        (a * B).compress().to_bytes(),
        scalar(&nonce),
        EdwardsPoint::default(),
        m,
    )
}

/// Small-order points, canonically and non-canonically encoded: the eight
/// torsion points, their sign-flipped encodings, and y + p for y < 19.
fn odd_points() -> Vec<[u8; 32]> {
    let mut out = Vec::new();
    for t in EIGHT_TORSION {
        let c = t.compress().to_bytes();
        out.push(c);
        let mut flipped = c;
        flipped[31] ^= 0x80;
        out.push(flipped);
    }
    for y in 0u8..19 {
        let mut e = P;
        // p + y, which still fits in 255 bits for y < 19.
        let (sum, carry) = e[0].overflowing_add(y);
        e[0] = sum;
        let mut i = 1;
        let mut c = carry;
        while c && i < 32 {
            let (v, cc) = e[i].overflowing_add(1);
            e[i] = v;
            c = cc;
            i += 1;
        }
        out.push(e);
        let mut signed = e;
        signed[31] |= 0x80;
        out.push(signed);
    }
    out
}

/// The edge cases, each labelled.
fn edge_cases() -> Vec<(&'static str, Case)> {
    let mut out = Vec::new();
    let m = b"edge".to_vec();
    let good = valid([1; 32], [2; 32], &m);
    out.push(("valid", good.clone()));
    // s + ℓ: the same point equation, a non-canonical scalar.
    let mut s_plus_l = good.clone();
    let s = Scalar::from_canonical_bytes(good.signature[32..].try_into().unwrap()).unwrap();
    let mut wide = [0u8; 33];
    let mut carry = 0u16;
    for i in 0..32 {
        let v = u16::from(s.as_bytes()[i]) + u16::from(L[i]) + carry;
        wide[i] = v as u8;
        carry = v >> 8;
    }
    wide[32] = carry as u8;
    assert_eq!(wide[32], 0);
    s_plus_l.signature[32..].copy_from_slice(&wide[..32]);
    out.push(("s + l", s_plus_l));
    let mut flipped_r = good.clone();
    flipped_r.signature[31] ^= 0x80;
    out.push(("R sign flipped", flipped_r));
    let mut other_msg = good.clone();
    other_msg.message.push(b'!');
    out.push(("other message", other_msg));
    // Small-order keys, with signatures that hold singly for some.
    for (i, t) in odd_points().into_iter().enumerate() {
        let m = format!("small {i}").into_bytes();
        let s = scalar(&[i as u8 + 9; 32]);
        // R = sB: verifies exactly when k·A = O.
        let mut sig = (s * B).compress().to_bytes().to_vec();
        sig.extend_from_slice(s.as_bytes());
        out.push((
            "small-order key",
            Case {
                public: t.to_vec(),
                message: m.clone(),
                signature: sig,
            },
        ));
        // The small-order point as R, with a real key.
        let mut as_r = good.clone();
        as_r.signature[..32].copy_from_slice(&t);
        out.push(("small-order R", as_r));
        // s = 0 and R = the point, under that point as key.
        let mut zero = t.to_vec();
        zero.extend_from_slice(&[0; 32]);
        out.push((
            "small-order key, R and s = 0",
            Case {
                public: t.to_vec(),
                message: m,
                signature: zero,
            },
        ));
    }
    // Mixed-order keys A = aB + T signed with a: verifies singly when
    // k·T = O (one message in ord(T)).
    for (i, t) in EIGHT_TORSION.iter().enumerate() {
        for j in 0..8u8 {
            let a = scalar(&[40 + i as u8; 32]);
            let key = (a * B + t).compress().to_bytes();
            out.push((
                "mixed-order key",
                craft(
                    a,
                    key,
                    scalar(&[j; 32]),
                    EdwardsPoint::default(),
                    &[i as u8, j],
                ),
            ));
        }
    }
    // Not a point, wrong lengths, all zero.
    let mut off_curve = good.clone();
    off_curve.public = vec![2; 32];
    while CompressedEdwardsY(off_curve.public.clone().try_into().unwrap())
        .decompress()
        .is_some()
    {
        off_curve.public[0] += 1;
    }
    out.push(("key off the curve", off_curve));
    let mut short = good.clone();
    short.signature.pop();
    out.push(("63-byte signature", short));
    let mut short_key = good.clone();
    short_key.public.pop();
    out.push(("31-byte key", short_key));
    out.push((
        "zeros",
        Case {
            public: vec![0; 32],
            message: vec![],
            signature: vec![0; 64],
        },
    ));
    out
}

#[test]
fn verify_one_agrees_with_ring_on_every_edge_case() {
    let cases = edge_cases();
    let mut accepted = 0;
    for (label, case) in &cases {
        let want = ring_verify(&case.item());
        accepted += usize::from(want);
        assert_eq!(
            verify_one(&case.public, &case.message, &case.signature),
            want,
            "{label}: {case:?}"
        );
    }
    // The cases exercise both verdicts, odd keys included (ring accepts
    // signatures under small-order and mixed-order keys sometimes).
    assert!(accepted > 10, "only {accepted} accepted");
    assert!(cases
        .iter()
        .any(|(l, c)| l.starts_with("small-order key") && ring_verify(&c.item())));
    assert!(cases
        .iter()
        .any(|(l, c)| *l == "mixed-order key" && ring_verify(&c.item())));
    assert!(cases
        .iter()
        .any(|(l, c)| *l == "mixed-order key" && !ring_verify(&c.item())));
}

#[test]
fn a_batch_of_edge_cases_among_valid_signatures_gives_ring_verdicts() {
    let edges = edge_cases();
    let valid: Vec<Case> = (0..64u8)
        .map(|i| valid([i; 32], [i ^ 0x55; 32], &[i, 1, 2]))
        .collect();
    // Each edge case alone in a batch of valid ones, then all together.
    let mut batches: Vec<Vec<Case>> = edges
        .iter()
        .map(|(_, e)| {
            let mut b = valid[..16].to_vec();
            b.insert(7, e.clone());
            b
        })
        .collect();
    batches.push(
        edges
            .iter()
            .map(|(_, c)| c.clone())
            .chain(valid.clone())
            .collect(),
    );
    batches.push(valid.clone());
    for batch in &batches {
        let items: Vec<Item> = batch.iter().map(Case::item).collect();
        let want: Vec<bool> = items.iter().map(ring_verify).collect();
        assert_eq!(verify_batch(&items, ring_verify), want);
        assert_eq!(
            verify_batch(&items, |i| verify_one(i.public, i.message, i.signature)),
            want
        );
    }
}

#[test]
fn the_batch_path_is_taken_for_good_signatures() {
    let valid: Vec<Case> = (0..64u8).map(|i| valid([i; 32], [7; 32], &[i])).collect();
    let items: Vec<Item> = valid.iter().map(Case::item).collect();
    let mut singles = 0;
    let verdicts = verify_batch(&items, |i| {
        singles += 1;
        ring_verify(i)
    });
    assert!(verdicts.iter().all(|&v| v));
    assert_eq!(singles, 0, "a good batch needs no single check");
    // One bad signature: every one is decided alone, and only it fails.
    let mut bad = valid.clone();
    bad[10].signature[40] ^= 1;
    let items: Vec<Item> = bad.iter().map(Case::item).collect();
    let mut singles = 0;
    let verdicts = verify_batch(&items, |i| {
        singles += 1;
        ring_verify(i)
    });
    assert_eq!(singles, 64);
    assert_eq!(verdicts.iter().filter(|&&v| !v).count(), 1);
    assert!(!verdicts[10]);
}

#[test]
fn the_encoding_checks_match_their_definitions() {
    for t in odd_points() {
        let canonical = CompressedEdwardsY(t)
            .decompress()
            .is_some_and(|p| p.compress().to_bytes() == t);
        if CompressedEdwardsY(t).decompress().is_some() {
            assert_eq!(canonical_point(&t), canonical, "{t:?}");
        }
    }
    assert!(canonical_scalar(Scalar::ZERO.as_bytes()));
    assert!(canonical_scalar((-Scalar::ONE).as_bytes()));
    assert!(!canonical_scalar(&L));
    assert!(!canonical_scalar(&[0xff; 32]));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random batches of valid, tampered and edge signatures: every
    /// verdict is ring's.
    #[test]
    fn random_batches_give_ring_verdicts(
        picks in proptest::collection::vec((0usize..1000, 0u8..4, any::<u8>(), any::<u8>()), 1..80),
    ) {
        let edges = edge_cases();
        let cases: Vec<Case> = picks
            .iter()
            .map(|&(pick, what, pos, seed)| match what {
                0 => edges[pick % edges.len()].1.clone(),
                1 => {
                    // A byte of the signature, key or message changed.
                    let mut c = valid([seed; 32], [pos; 32], &[seed, pos]);
                    match pick % 3 {
                        0 => c.signature[usize::from(pos) % 64] ^= 1 << (seed % 8),
                        1 => c.public[usize::from(pos) % 32] ^= 1 << (seed % 8),
                        _ => c.message[0] ^= 1 << (seed % 8),
                    }
                    c
                }
                _ => valid([seed; 32], [pos; 32], &[pos]),
            })
            .collect();
        let items: Vec<Item> = cases.iter().map(Case::item).collect();
        let want: Vec<bool> = items.iter().map(ring_verify).collect();
        prop_assert_eq!(verify_batch(&items, ring_verify), want.clone());
        prop_assert_eq!(
            verify_batch(&items, |i| verify_one(i.public, i.message, i.signature)),
            want
        );
    }
}
