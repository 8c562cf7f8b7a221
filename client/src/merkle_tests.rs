//! The Merkle math against a naive transcription of the RFC 6962 §2.1
//! definitions (recursive `MTH`, `PATH`, `SUBPROOF` over slices, written
//! from the RFC text and sharing nothing with the code under test but
//! SHA-256), exhaustively for small trees and by a seeded sweep for larger
//! ones.

use super::*;

fn sha256(parts: &[&[u8]]) -> Hash {
    let mut ctx = Sha256::new();
    for p in parts {
        ctx.update(p);
    }
    ctx.finalize().into()
}

/// `MTH(D[n])`, straight from RFC 6962 §2.1.
fn naive_mth(d: &[Vec<u8>]) -> Hash {
    match d.len() {
        0 => sha256(&[]),
        1 => sha256(&[&[0u8], &d[0]]),
        n => {
            let mut k = 1;
            while k * 2 < n {
                k *= 2;
            }
            sha256(&[&[1u8], &naive_mth(&d[..k]), &naive_mth(&d[k..])])
        }
    }
}

/// `PATH(m, D[n])`, RFC 6962 §2.1.1.
fn naive_path(m: usize, d: &[Vec<u8>]) -> Vec<Hash> {
    let n = d.len();
    if n <= 1 {
        return vec![];
    }
    let mut k = 1;
    while k * 2 < n {
        k *= 2;
    }
    if m < k {
        let mut p = naive_path(m, &d[..k]);
        p.push(naive_mth(&d[k..]));
        p
    } else {
        let mut p = naive_path(m - k, &d[k..]);
        p.push(naive_mth(&d[..k]));
        p
    }
}

/// `SUBPROOF(m, D[n], b)`, RFC 6962 §2.1.2.
fn naive_subproof(m: usize, d: &[Vec<u8>], b: bool) -> Vec<Hash> {
    let n = d.len();
    if m == n {
        return if b { vec![] } else { vec![naive_mth(d)] };
    }
    let mut k = 1;
    while k * 2 < n {
        k *= 2;
    }
    if m <= k {
        let mut p = naive_subproof(m, &d[..k], b);
        p.push(naive_mth(&d[k..]));
        p
    } else {
        let mut p = naive_subproof(m - k, &d[k..], false);
        p.push(naive_mth(&d[..k]));
        p
    }
}

fn hex(h: &[u8]) -> String {
    h.iter().map(|b| format!("{b:02x}")).collect()
}

/// The eight leaves of the Certificate Transparency reference test tree.
fn ct_leaves() -> Vec<Vec<u8>> {
    [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ]
    .iter()
    .map(|s| {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    })
    .collect()
}

/// Leaves that differ from each other: the index in a few bytes.
fn leaves(n: usize) -> Vec<Vec<u8>> {
    (0..n).map(|i| format!("leaf {i}").into_bytes()).collect()
}

fn tree(d: &[Vec<u8>]) -> MemoryTree {
    let mut t = MemoryTree::new();
    for leaf in d {
        t.push(leaf);
    }
    t
}

#[test]
fn rfc6962_eight_leaf_tree_has_the_published_root() {
    let d = ct_leaves();
    assert_eq!(
        hex(&naive_mth(&d)),
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        "the naive transcription itself matches the published root"
    );
    let t = tree(&d);
    assert_eq!(hex(&t.root()), hex(&naive_mth(&d)));
    for n in 0..=8 {
        assert_eq!(
            t.root_at(n as u64),
            naive_mth(&d[..n]),
            "root of {n} leaves"
        );
    }
}

#[test]
fn the_empty_tree_and_the_single_empty_leaf_are_the_rfc_hashes() {
    // SHA-256 of nothing, and SHA-256(0x00).
    assert_eq!(
        hex(&empty_root()),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(leaf_hash(b""), sha256(&[&[0]]));
    assert_eq!(MemoryTree::new().root(), empty_root());
}

#[test]
fn ct_tree_proofs_match_the_rfc_definitions() {
    let d = ct_leaves();
    let t = tree(&d);
    for n in 1..=8usize {
        let root = t.root_at(n as u64);
        for m in 0..n {
            let path = t.inclusion_proof(m as u64, n as u64).unwrap();
            assert_eq!(path, naive_path(m, &d[..n]), "PATH({m}, D[{n}])");
            verify_inclusion(m as u64, n as u64, &leaf_hash(&d[m]), &path, &root).unwrap();
        }
        for m in 1..=n {
            let proof = t.consistency_proof(m as u64, n as u64).unwrap();
            let expected = if m == n {
                vec![]
            } else {
                naive_subproof(m, &d[..n], true)
            };
            assert_eq!(proof, expected, "PROOF({m}, D[{n}])");
            verify_consistency(m as u64, n as u64, &t.root_at(m as u64), &root, &proof).unwrap();
        }
    }
}

#[test]
fn every_root_and_proof_of_small_trees_matches_the_naive_definitions() {
    let d = leaves(70);
    let t = tree(&d);
    for n in 1..=d.len() {
        let root = naive_mth(&d[..n]);
        assert_eq!(t.root_at(n as u64), root, "MTH(D[{n}])");
        for m in 0..n {
            let path = t.inclusion_proof(m as u64, n as u64).unwrap();
            assert_eq!(path, naive_path(m, &d[..n]), "PATH({m}, D[{n}])");
            verify_inclusion(m as u64, n as u64, &leaf_hash(&d[m]), &path, &root).unwrap();
        }
        for m in 1..n {
            let proof = t.consistency_proof(m as u64, n as u64).unwrap();
            assert_eq!(
                proof,
                naive_subproof(m, &d[..n], true),
                "PROOF({m}, D[{n}])"
            );
            verify_consistency(m as u64, n as u64, &naive_mth(&d[..m]), &root, &proof).unwrap();
        }
    }
}

#[test]
fn stored_complete_subtrees_are_the_hashes_of_their_ranges() {
    let d = leaves(37);
    let t = tree(&d);
    for (level, nodes) in t.levels.iter().enumerate() {
        let width = 1usize << level;
        assert_eq!(
            nodes.len(),
            d.len() / width,
            "complete subtrees at level {level}"
        );
        for (i, h) in nodes.iter().enumerate() {
            assert_eq!(*h, naive_mth(&d[i * width..(i + 1) * width]));
        }
    }
}

/// A small deterministic generator (xorshift64*), so the sweep below is
/// the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

#[test]
fn seeded_sweep_of_larger_trees_verifies_and_rejects_tampering() {
    let d = leaves(3000);
    let t = tree(&d);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..300 {
        let n = 1 + rng.below(d.len() as u64);
        let m = rng.below(n);
        let root = t.root_at(n);
        let leaf = leaf_hash(&d[m as usize]);
        let path = t.inclusion_proof(m, n).unwrap();
        assert!(path.len() <= 64 - (n.leading_zeros() as usize) + 1);
        verify_inclusion(m, n, &leaf, &path, &root).unwrap();
        assert!(verify_inclusion(m, n, &leaf_hash(b"forged"), &path, &root).is_err());
        if n > 1 {
            let other = (m + 1 + rng.below(n - 1)) % n;
            assert!(verify_inclusion(other, n, &leaf, &path, &root).is_err());
            let mut bent = path.clone();
            let i = rng.below(bent.len() as u64) as usize;
            bent[i][0] ^= 1;
            assert!(verify_inclusion(m, n, &leaf, &bent, &root).is_err());
        }
        let first = 1 + rng.below(n);
        let proof = t.consistency_proof(first, n).unwrap();
        verify_consistency(first, n, &t.root_at(first), &root, &proof).unwrap();
        if first < n {
            let forked = node_hash(&t.root_at(first), &root);
            assert!(verify_consistency(first, n, &forked, &root, &proof).is_err());
            assert!(verify_consistency(first, n, &t.root_at(first), &forked, &proof).is_err());
        }
    }
}

#[test]
fn malformed_proofs_are_errors_not_panics() {
    let d = leaves(11);
    let t = tree(&d);
    let root = t.root();
    let leaf = leaf_hash(&d[4]);
    let path = t.inclusion_proof(4, 11).unwrap();
    let mut longer = path.clone();
    longer.push(root);
    assert_eq!(
        verify_inclusion(4, 11, &leaf, &longer, &root),
        Err(ProofError::WrongLength)
    );
    assert_eq!(
        verify_inclusion(4, 11, &leaf, &path[..path.len() - 1], &root),
        Err(ProofError::WrongLength)
    );
    assert!(matches!(
        verify_inclusion(11, 11, &leaf, &path, &root),
        Err(ProofError::IndexOutOfRange { .. })
    ));
    assert!(matches!(
        t.inclusion_proof(11, 11),
        Err(ProofError::IndexOutOfRange { .. })
    ));
    assert!(matches!(
        t.consistency_proof(0, 5),
        Err(ProofError::BadSizes { .. })
    ));
    assert!(matches!(
        t.consistency_proof(6, 5),
        Err(ProofError::BadSizes { .. })
    ));
    assert!(t.consistency_proof(5, 12).is_err());
    let proof = t.consistency_proof(5, 11).unwrap();
    assert_eq!(
        verify_consistency(5, 11, &t.root_at(5), &root, &[]),
        Err(ProofError::WrongLength)
    );
    let mut longer = proof.clone();
    longer.push(root);
    assert!(verify_consistency(5, 11, &t.root_at(5), &root, &longer).is_err());
    assert!(verify_consistency(5, 11, &t.root_at(5), &root, &proof[1..]).is_err());
    // Same size, different roots: a fork, whatever the proof says.
    assert_eq!(
        verify_consistency(11, 11, &root, &t.root_at(10), &[]),
        Err(ProofError::RootMismatch)
    );
    assert_eq!(
        verify_consistency(11, 11, &root, &root, &[root]),
        Err(ProofError::WrongLength)
    );
}

#[test]
fn parents_completed_by_an_append_follow_the_low_set_bits() {
    assert_eq!(parents_completed_by(0).count(), 0);
    assert_eq!(parents_completed_by(6).count(), 0);
    let seven: Vec<_> = parents_completed_by(7).collect();
    assert_eq!(seven.len(), 3);
    assert_eq!(seven[2].0, Subtree { level: 3, index: 0 });
    assert_eq!(seven[2].1, Subtree { level: 2, index: 0 });
    assert_eq!(seven[2].2, Subtree { level: 2, index: 1 });
    assert_eq!(parents_completed_by(u64::MAX).count(), 64);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn tree_of(n: usize) -> MemoryTree {
        let mut t = MemoryTree::new();
        for i in 0..n {
            t.push(&(i as u64).to_be_bytes());
        }
        t
    }

    proptest! {
        /// For any tree and leaf, the proof verifies, and no other leaf,
        /// index or bent path does.
        #[test]
        fn inclusion_proofs_verify_and_nothing_else_does(
            n in 1usize..600,
            pick in any::<prop::sample::Index>(),
            bend in any::<prop::sample::Index>(),
            bit in 0u8..8,
        ) {
            let t = tree_of(n);
            let m = pick.index(n) as u64;
            let root = t.root();
            let leaf = leaf_hash(&m.to_be_bytes());
            let path = t.inclusion_proof(m, n as u64).unwrap();
            prop_assert!(verify_inclusion(m, n as u64, &leaf, &path, &root).is_ok());
            prop_assert!(verify_inclusion(m, n as u64, &leaf_hash(b"other"), &path, &root).is_err());
            if !path.is_empty() {
                let mut bent = path.clone();
                bent[bend.index(path.len())][usize::from(bit) * 4] ^= 1 << bit;
                prop_assert!(verify_inclusion(m, n as u64, &leaf, &bent, &root).is_err());
            }
            if n > 1 {
                let other = (m + 1) % n as u64;
                prop_assert!(verify_inclusion(other, n as u64, &leaf, &path, &root).is_err());
            }
        }

        /// For any two sizes, the consistency proof verifies, and fails for
        /// a forked first or second root.
        #[test]
        fn consistency_proofs_verify_and_forks_do_not(
            second in 1usize..600,
            pick in any::<prop::sample::Index>(),
        ) {
            let t = tree_of(second);
            let first = 1 + pick.index(second) as u64;
            let (a, b) = (t.root_at(first), t.root());
            let proof = t.consistency_proof(first, second as u64).unwrap();
            prop_assert!(verify_consistency(first, second as u64, &a, &b, &proof).is_ok());
            let forked = node_hash(&a, &a);
            prop_assert!(verify_consistency(first, second as u64, &forked, &b, &proof).is_err());
            prop_assert!(verify_consistency(first, second as u64, &a, &forked, &proof).is_err());
        }

        /// Verification of arbitrary input never panics.
        #[test]
        fn arbitrary_proofs_never_panic(
            index in any::<u64>(),
            size in any::<u64>(),
            path in proptest::collection::vec(any::<[u8; 32]>(), 0..70),
        ) {
            let h = [0u8; 32];
            let _ = verify_inclusion(index, size, &h, &path, &h);
            let _ = verify_consistency(index, size, &h, &h, &path);
        }
    }
}
