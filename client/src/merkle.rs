//! RFC 6962 / RFC 9162 Merkle tree math: hashes, roots, inclusion and
//! consistency proofs, and their verification. Pure functions, no storage.
//!
//! The tree over leaves `D[0:n]` is the Merkle Tree Hash of RFC 9162 §2.1.1:
//! `MTH({}) = SHA-256()`, `MTH({d}) = SHA-256(0x00 ‖ d)`, and for `n > 1`,
//! with `k` the largest power of two smaller than `n`,
//! `MTH(D[0:n]) = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n]))`.
//!
//! Proof generation does not walk the leaves. It asks a caller-supplied
//! function for the hash of a *complete subtree*: the `2^level` leaves
//! starting at `index * 2^level` ([`Subtree`]). Complete subtrees never
//! change once their last leaf is appended, so a store can keep them as it
//! goes ([`parents_completed_by`] says which ones an append completes), and
//! every range the RFC recursion needs is a short run of them: a root, an
//! inclusion proof or a consistency proof each costs O(log n) lookups
//! (every proof has at most one sibling that is not itself a complete
//! subtree, and that one is a fold of at most log2(n) of them).

use sha2::{Digest, Sha256};

/// A SHA-256 output.
pub type Hash = [u8; 32];

/// The hash of a leaf: `SHA-256(0x00 ‖ entry)`.
pub fn leaf_hash(entry: &[u8]) -> Hash {
    let mut ctx = Sha256::new();
    ctx.update([0x00]);
    ctx.update(entry);
    ctx.finalize().into()
}

/// The hash of an interior node: `SHA-256(0x01 ‖ left ‖ right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut ctx = Sha256::new();
    ctx.update([0x01]);
    ctx.update(left);
    ctx.update(right);
    ctx.finalize().into()
}

/// The root of the empty tree: `SHA-256()` of nothing.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// A complete subtree: the `2^level` leaves from `index * 2^level` on.
/// Level 0 is a single leaf.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Subtree {
    pub level: u8,
    pub index: u64,
}

/// Why a proof could not be made or did not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    #[error("leaf index {index} is not in a tree of size {size}")]
    IndexOutOfRange { index: u64, size: u64 },
    #[error("tree sizes {first} and {second} do not satisfy 0 < first <= second")]
    BadSizes { first: u64, second: u64 },
    #[error("the proof has the wrong number of hashes")]
    WrongLength,
    #[error("the proof does not lead to the expected root")]
    RootMismatch,
}

/// The largest power of two strictly smaller than `n` (`n >= 2`).
fn split_point(n: u64) -> u64 {
    debug_assert!(n >= 2);
    1 << (63 - (n - 1).leading_zeros())
}

/// The complete subtrees that the append of leaf `index` completes, bottom
/// up, each with its two children: leaf `index` closes a subtree at level
/// `l + 1` for every low bit `l` of `index` that is set.
pub fn parents_completed_by(index: u64) -> impl Iterator<Item = (Subtree, Subtree, Subtree)> {
    (0..64u8)
        .take_while(move |l| (index >> l) & 1 == 1)
        .map(move |l| {
            let right = index >> l;
            (
                Subtree {
                    level: l + 1,
                    index: right >> 1,
                },
                Subtree {
                    level: l,
                    index: right - 1,
                },
                Subtree {
                    level: l,
                    index: right,
                },
            )
        })
}

/// `MTH(D[start:end])` for a range the RFC recursion produces: `start` is a
/// multiple of the smallest power of two that is at least `end - start`, so
/// the range is a run of complete subtrees of falling size, folded from the
/// right.
fn range_hash<E>(
    start: u64,
    end: u64,
    get: &mut impl FnMut(Subtree) -> Result<Hash, E>,
) -> Result<Hash, E> {
    if start == end {
        return Ok(empty_root());
    }
    let mut parts = Vec::with_capacity(64);
    let mut pos = start;
    while pos < end {
        let level = 63 - (end - pos).leading_zeros() as u8;
        let size = 1u64 << level;
        parts.push(get(Subtree {
            level,
            index: pos >> level,
        })?);
        pos += size;
    }
    let mut acc = parts.pop().unwrap_or_else(empty_root);
    while let Some(left) = parts.pop() {
        acc = node_hash(&left, &acc);
    }
    Ok(acc)
}

/// The root of the first `size` leaves.
pub fn root<E>(size: u64, mut get: impl FnMut(Subtree) -> Result<Hash, E>) -> Result<Hash, E> {
    range_hash(0, size, &mut get)
}

/// The inclusion proof `PATH(index, D[0:size])` of RFC 6962 §2.1.1, the
/// sibling nearest the leaf first.
pub fn inclusion_proof<E>(
    index: u64,
    size: u64,
    mut get: impl FnMut(Subtree) -> Result<Hash, E>,
) -> Result<Result<Vec<Hash>, ProofError>, E> {
    if index >= size {
        return Ok(Err(ProofError::IndexOutOfRange { index, size }));
    }
    // Walk down from the root, noting each sibling range, then emit them
    // bottom up.
    let mut siblings = Vec::new();
    let (mut start, mut end) = (0, size);
    while end - start > 1 {
        let k = split_point(end - start);
        if index < start + k {
            siblings.push((start + k, end));
            end = start + k;
        } else {
            siblings.push((start, start + k));
            start += k;
        }
    }
    let mut path = Vec::with_capacity(siblings.len());
    for (s, e) in siblings.into_iter().rev() {
        path.push(range_hash(s, e, &mut get)?);
    }
    Ok(Ok(path))
}

/// The consistency proof `PROOF(first, D[0:second])` of RFC 6962 §2.1.2
/// (`SUBPROOF` unrolled). Empty when `first == second`.
pub fn consistency_proof<E>(
    first: u64,
    second: u64,
    mut get: impl FnMut(Subtree) -> Result<Hash, E>,
) -> Result<Result<Vec<Hash>, ProofError>, E> {
    if first == 0 || first > second {
        return Ok(Err(ProofError::BadSizes { first, second }));
    }
    let mut nodes = Vec::new();
    let (mut start, mut end, mut m) = (0, second, first);
    let mut whole = true;
    while m != end - start {
        let k = split_point(end - start);
        if m <= k {
            nodes.push((start + k, end));
            end = start + k;
        } else {
            nodes.push((start, start + k));
            start += k;
            m -= k;
            whole = false;
        }
    }
    if !whole {
        nodes.push((start, end));
    }
    let mut proof = Vec::with_capacity(nodes.len());
    for (s, e) in nodes.into_iter().rev() {
        proof.push(range_hash(s, e, &mut get)?);
    }
    Ok(Ok(proof))
}

/// Checks an inclusion proof (RFC 9162 §2.1.3.2).
pub fn verify_inclusion(
    index: u64,
    size: u64,
    leaf: &Hash,
    path: &[Hash],
    root: &Hash,
) -> Result<(), ProofError> {
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size });
    }
    let (mut fn_, mut sn) = (index, size - 1);
    let mut r = *leaf;
    for p in path {
        if sn == 0 {
            return Err(ProofError::WrongLength);
        }
        if fn_ & 1 == 1 || fn_ == sn {
            r = node_hash(p, &r);
            while fn_ & 1 == 0 && fn_ != 0 {
                fn_ >>= 1;
                sn >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    if sn != 0 {
        return Err(ProofError::WrongLength);
    }
    if &r != root {
        return Err(ProofError::RootMismatch);
    }
    Ok(())
}

/// Checks a consistency proof between two tree heads (RFC 9162 §2.1.4.2).
pub fn verify_consistency(
    first: u64,
    second: u64,
    first_root: &Hash,
    second_root: &Hash,
    proof: &[Hash],
) -> Result<(), ProofError> {
    if first == 0 || first > second {
        return Err(ProofError::BadSizes { first, second });
    }
    if first == second {
        if !proof.is_empty() {
            return Err(ProofError::WrongLength);
        }
        if first_root != second_root {
            return Err(ProofError::RootMismatch);
        }
        return Ok(());
    }
    let mut path: Vec<&Hash> = Vec::with_capacity(proof.len() + 1);
    if first.is_power_of_two() {
        path.push(first_root);
    }
    path.extend(proof);
    let Some((&seed, rest)) = path.split_first() else {
        return Err(ProofError::WrongLength);
    };
    let (mut fn_, mut sn) = (first - 1, second - 1);
    while fn_ & 1 == 1 {
        fn_ >>= 1;
        sn >>= 1;
    }
    let (mut fr, mut sr) = (*seed, *seed);
    for c in rest {
        if sn == 0 {
            return Err(ProofError::WrongLength);
        }
        if fn_ & 1 == 1 || fn_ == sn {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            while fn_ & 1 == 0 && fn_ != 0 {
                fn_ >>= 1;
                sn >>= 1;
            }
        } else {
            sr = node_hash(&sr, c);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    if sn != 0 {
        return Err(ProofError::WrongLength);
    }
    if &fr != first_root || &sr != second_root {
        return Err(ProofError::RootMismatch);
    }
    Ok(())
}

/// A whole tree in memory, with every complete subtree kept: what a
/// monitor rebuilds from downloaded entries, and what tests and benches
/// compare the store against.
#[derive(Debug, Clone, Default)]
pub struct MemoryTree {
    /// `levels[l][i]` is the hash of [`Subtree`] `{l, i}`.
    levels: Vec<Vec<Hash>>,
}

impl MemoryTree {
    /// An empty tree.
    pub fn new() -> MemoryTree {
        MemoryTree::default()
    }

    /// How many leaves the tree has.
    pub fn size(&self) -> u64 {
        self.levels.first().map_or(0, |l| l.len() as u64)
    }

    /// Appends a leaf by its hash; returns its index.
    pub fn push_leaf_hash(&mut self, leaf: Hash) -> u64 {
        let index = self.size();
        if self.levels.is_empty() {
            self.levels.push(Vec::new());
        }
        self.levels[0].push(leaf);
        for (parent, left, right) in parents_completed_by(index) {
            let hash = node_hash(&self.subtree(left), &self.subtree(right));
            let level = usize::from(parent.level);
            if self.levels.len() <= level {
                self.levels.push(Vec::new());
            }
            self.levels[level].push(hash);
        }
        index
    }

    /// Appends a leaf by its entry bytes; returns its index.
    pub fn push(&mut self, entry: &[u8]) -> u64 {
        self.push_leaf_hash(leaf_hash(entry))
    }

    // Every subtree asked for by the functions above is complete within
    // `size()`, hence present.
    fn subtree(&self, t: Subtree) -> Hash {
        self.levels
            .get(usize::from(t.level))
            .and_then(|l| l.get(t.index as usize))
            .copied()
            .unwrap_or_else(empty_root)
    }

    /// The hash of a complete subtree, if the tree has it.
    pub fn subtree_hash(&self, t: Subtree) -> Option<Hash> {
        self.levels
            .get(usize::from(t.level))
            .and_then(|l| l.get(t.index as usize))
            .copied()
    }

    fn get(&self) -> impl FnMut(Subtree) -> Result<Hash, std::convert::Infallible> + '_ {
        |t| Ok(self.subtree(t))
    }

    /// The root over the first `size` leaves (`size <= self.size()`).
    pub fn root_at(&self, size: u64) -> Hash {
        let Ok(h) = root(size.min(self.size()), self.get());
        h
    }

    /// The root over all leaves.
    pub fn root(&self) -> Hash {
        self.root_at(self.size())
    }

    /// The inclusion proof of leaf `index` in the tree of `size` leaves.
    pub fn inclusion_proof(&self, index: u64, size: u64) -> Result<Vec<Hash>, ProofError> {
        if size > self.size() {
            return Err(ProofError::IndexOutOfRange { index, size });
        }
        let Ok(p) = inclusion_proof(index, size, self.get());
        p
    }

    /// The consistency proof between the trees of `first` and `second` leaves.
    pub fn consistency_proof(&self, first: u64, second: u64) -> Result<Vec<Hash>, ProofError> {
        if second > self.size() {
            return Err(ProofError::BadSizes { first, second });
        }
        let Ok(p) = consistency_proof(first, second, self.get());
        p
    }
}

#[cfg(test)]
#[path = "merkle_tests.rs"]
mod tests;
