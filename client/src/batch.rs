//! Many Ed25519 signatures checked at once, with the verdicts of ring's
//! single verification (what the server signs and checks tokens with).
//!
//! ed25519-dalek's `verify_batch` checks one random linear combination of
//! all the verification equations: about 2.5 times cheaper a signature
//! than one by one for batches of 64 and up (`benches/batch_verify.rs`).
//! It decides the whole batch, so when it fails, every signature of the
//! batch is decided alone by the caller's single verifier (ring on the
//! server, [`verify_one`] in clients).
//!
//! A batch can only say yes where single verification would, because
//! only signatures that single verification and the batch equation judge
//! alike enter it; the others go to the single verifier directly:
//!
//! - ring, like [`verify_one`], is cofactorless and compares the
//!   recomputed R with the signature's bytes, so a non-canonical R
//!   encoding never verifies singly, while the batch would decompress it
//!   and could accept: such R (y ≥ p, or x = 0 with the sign bit set) are
//!   kept out;
//! - a key with a small-order component lets a forger's guess succeed
//!   singly one time in 8 and differently in a batch: only keys that are
//!   canonical and torsion-free enter (checked once per key);
//! - `s ≥ ℓ` makes dalek fail the whole batch: such signatures go alone
//!   (and are refused there, as by ring).
//!
//! What remains is a signature whose R carries a small-order component
//! while its prime-order part satisfies the equation. Making one takes
//! the private key (s must be computed from it), and RFC 8032's
//! cofactored check accepts it; ring's signer never makes one. A batch
//! may accept it where ring's single check refuses it: the one case where
//! the verdicts can differ, and only for a key holder signing oddly.

use std::collections::HashMap;

use ed25519_dalek::{Signature, Verifier, VerifyingKey};

/// Below this many batchable signatures, single checks are as quick.
pub const MIN_BATCH: usize = 4;

/// One signature to check.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    pub public: &'a [u8],
    pub message: &'a [u8],
    pub signature: &'a [u8],
}

/// One Ed25519 check with ring's verdict: cofactorless, `s < ℓ`, R
/// compared byte for byte, keys of any order accepted (the
/// `batch_tests` prove the equality on edge cases and random inputs).
pub fn verify_one(public: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let (Ok(public), Ok(signature)) = (
        <&[u8; 32]>::try_from(public),
        <&[u8; 64]>::try_from(signature),
    ) else {
        return false;
    };
    let Ok(key) = VerifyingKey::from_bytes(public) else {
        return false;
    };
    key.verify(message, &Signature::from_bytes(signature))
        .is_ok()
}

/// The verdicts for `items`, in order: one batch equation for those that
/// may be batched, `single` for the others and for all of them when the
/// batch fails.
pub fn verify_batch(items: &[Item], mut single: impl FnMut(&Item) -> bool) -> Vec<bool> {
    let mut verdicts = vec![false; items.len()];
    let mut keys: HashMap<&[u8], Option<VerifyingKey>> = HashMap::new();
    let mut batch: Vec<(usize, VerifyingKey, Signature)> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let key = keys
            .entry(item.public)
            .or_insert_with(|| batchable_key(item.public));
        match (*key, <&[u8; 64]>::try_from(item.signature)) {
            (Some(key), Ok(sig)) if batchable_signature(sig) => {
                batch.push((i, key, Signature::from_bytes(sig)))
            }
            _ => verdicts[i] = single(item),
        }
    }
    let all_hold = batch.len() >= MIN_BATCH && {
        let messages: Vec<&[u8]> = batch.iter().map(|(i, _, _)| items[*i].message).collect();
        let keys: Vec<VerifyingKey> = batch.iter().map(|(_, k, _)| *k).collect();
        let sigs: Vec<Signature> = batch.iter().map(|(_, _, s)| *s).collect();
        ed25519_dalek::verify_batch(&messages, &sigs, &keys).is_ok()
    };
    for (i, _, _) in batch {
        verdicts[i] = all_hold || single(&items[i]);
    }
    verdicts
}

/// A key that may enter a batch: 32 bytes, canonically encoded, on the
/// curve, with no small-order component.
fn batchable_key(public: &[u8]) -> Option<VerifyingKey> {
    let bytes = <&[u8; 32]>::try_from(public).ok()?;
    if !canonical_point(bytes) {
        return None;
    }
    let key = VerifyingKey::from_bytes(bytes).ok()?;
    key.to_edwards().is_torsion_free().then_some(key)
}

/// A signature that may enter a batch: canonical R encoding, `s < ℓ`.
fn batchable_signature(sig: &[u8; 64]) -> bool {
    let (r, s) = sig.split_at(32);
    canonical_point(r.try_into().unwrap_or(&[0xff; 32])) && canonical_scalar(s)
}

/// p = 2^255 - 19, little-endian.
const P: [u8; 32] = {
    let mut p = [0xff; 32];
    p[0] = 0xed;
    p[31] = 0x7f;
    p
};

/// The group order ℓ = 2^252 + 27742317777372353535851937790883648493,
/// little-endian.
const L: [u8; 32] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

/// `a < b` for little-endian 256-bit numbers.
fn less(a: &[u8], b: &[u8; 32]) -> bool {
    for i in (0..32).rev() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
    }
    false
}

fn canonical_scalar(s: &[u8]) -> bool {
    less(s, &L)
}

/// Whether the bytes are the one encoding of their point (if any): y < p,
/// and no sign bit on x = 0 (the points y = 1 and y = p - 1).
fn canonical_point(bytes: &[u8; 32]) -> bool {
    let mut y = *bytes;
    let sign = y[31] >> 7;
    y[31] &= 0x7f;
    if !less(&y, &P) {
        return false;
    }
    let one = {
        let mut o = [0u8; 32];
        o[0] = 1;
        o
    };
    let minus_one = {
        let mut m = P;
        m[0] -= 1;
        m
    };
    !(sign == 1 && (y == one || y == minus_one))
}

#[cfg(test)]
#[path = "batch_tests.rs"]
mod tests;
