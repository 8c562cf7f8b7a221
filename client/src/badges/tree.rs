//! The answers' tree: binds every bucket of signed answers to the signed
//! manifest, so a mirror or a cache cannot hand a client an old bucket
//! (a revoked but unexpired token, a number's former business) or hide a
//! new one.
//!
//! Each bucket's leaf is the SHA-256 of its file's bytes (all zeros: no
//! file, the bucket is empty). The leaves, in bucket order, are cut into
//! tiles of [`WIDTH`] hashes; the tiles' own SHA-256s, in order, make the
//! level above, and so on up to one tile, whose SHA-256 is the root the
//! manifest signs. Every tile is a file named by its SHA-256, so it never
//! changes and any cache may keep it for ever.
//!
//! A client finds the leaf of bucket `i` by walking down from the root:
//! one tile a level (2 KB each; 3 levels at a million buckets), checking
//! each against the hash its parent names. It keeps the tiles and buckets
//! it walked, so a sync after a publish fetches only those that changed,
//! and a bucket whose bytes already hash to its leaf is not fetched at
//! all.
//!
//! The shape (leaves, width, levels) follows from the manifest's bucket
//! count, never from the files, so a tile cannot pass for a level it is
//! not at.

use sha2::{Digest, Sha256};

/// Hashes a tile holds at most.
pub const WIDTH: usize = 64;
const WIDTH_BITS: u32 = WIDTH.trailing_zeros();

/// A SHA-256.
pub type Hash = [u8; 32];

/// The leaf of a bucket with no file.
pub const EMPTY: Hash = [0; 32];

/// The leaf of a bucket file.
pub fn leaf(bucket_bytes: &[u8]) -> Hash {
    Sha256::digest(bucket_bytes).into()
}

/// A hash from its lowercase hex (as the manifest writes it).
pub fn parse_hash(hex: &str) -> Option<Hash> {
    if hex.len() != 64 {
        return None;
    }
    let mut out = EMPTY;
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// Levels of tiles over `leaves` leaves: at least one.
pub fn levels(leaves: usize) -> u32 {
    let bits = leaves.max(2).next_power_of_two().trailing_zeros();
    bits.div_ceil(WIDTH_BITS).max(1)
}

/// The tiles over a list of leaves, bottom level first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    /// `tiles[level]`: that level's tiles, in order, as their bytes.
    pub tiles: Vec<Vec<Vec<u8>>>,
}

impl Tree {
    /// The tree over `leaves` (in bucket order).
    pub fn build(leaves: &[Hash]) -> Tree {
        let mut tiles = Vec::new();
        let mut hashes: Vec<Hash> = leaves.to_vec();
        for _ in 0..levels(leaves.len()) {
            let level: Vec<Vec<u8>> = hashes.chunks(WIDTH).map(|c| c.concat()).collect();
            hashes = level.iter().map(|t| leaf(t)).collect();
            tiles.push(level);
        }
        Tree { tiles }
    }

    /// The root: the SHA-256 of the top tile.
    pub fn root(&self) -> Hash {
        self.tiles
            .last()
            .and_then(|top| top.first())
            .map_or(EMPTY, |t| leaf(t))
    }

    /// Every tile with its hash.
    pub fn all(&self) -> impl Iterator<Item = (Hash, &[u8])> {
        self.tiles.iter().flatten().map(|t| (leaf(t), t.as_slice()))
    }
}

/// Why a walk down the tree failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TreeError<E> {
    #[error("a tile of the answers' tree could not be had: {0}")]
    Fetch(E),
    #[error("a tile of the answers' tree does not match the hash that names it")]
    Mismatch,
    #[error("bucket {0} is outside the tree")]
    OutOfRange(usize),
}

/// The leaf of bucket `index` of a tree of `leaves` leaves whose root is
/// `root`. `tile` gives a tile's bytes by its hash (from a local copy or
/// the network: the caller's I/O); each is checked here against the hash
/// its parent names.
pub fn find<E>(
    root: &Hash,
    leaves: usize,
    index: usize,
    mut tile: impl FnMut(&Hash) -> Result<Vec<u8>, E>,
) -> Result<Hash, TreeError<E>> {
    if index >= leaves {
        return Err(TreeError::OutOfRange(index));
    }
    let mut want = *root;
    for level in (0..levels(leaves)).rev() {
        let bytes = tile(&want).map_err(TreeError::Fetch)?;
        if leaf(&bytes) != want {
            return Err(TreeError::Mismatch);
        }
        let entry = (index >> (WIDTH_BITS * level)) % WIDTH;
        let at = entry * 32;
        want = bytes
            .get(at..at + 32)
            .and_then(|h| h.try_into().ok())
            .ok_or(TreeError::Mismatch)?;
    }
    Ok(want)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(n: usize, salt: u8) -> Vec<Hash> {
        (0..n)
            .map(|i| leaf(&[salt, (i >> 8) as u8, i as u8]))
            .collect()
    }

    /// A tile source over a tree, counting what it hands out.
    fn source(tree: &Tree) -> impl FnMut(&Hash) -> Result<Vec<u8>, ()> + '_ {
        move |h| {
            tree.all()
                .find(|(th, _)| th == h)
                .map(|(_, t)| t.to_vec())
                .ok_or(())
        }
    }

    #[test]
    fn every_leaf_is_found_from_the_root_at_every_size() {
        for n in [1, 16, 64, 256, 4096, 65536] {
            let l = leaves(n, 1);
            let tree = Tree::build(&l);
            assert_eq!(tree.tiles.len() as u32, levels(n));
            assert_eq!(tree.tiles.last().unwrap().len(), 1, "one top tile at {n}");
            let root = tree.root();
            for i in [0, n / 3, n / 2, n - 1] {
                assert_eq!(
                    find(&root, n, i, source(&tree)),
                    Ok(l[i]),
                    "leaf {i} of {n}"
                );
            }
            assert_eq!(
                find(&root, n, n, source(&tree)),
                Err(TreeError::OutOfRange(n))
            );
        }
    }

    #[test]
    fn a_walk_refuses_a_tile_of_another_tree_or_a_changed_one() {
        let n = 4096;
        let (now, before) = (Tree::build(&leaves(n, 1)), Tree::build(&leaves(n, 2)));
        // An old tile served for a new hash (a stale cache, a replay).
        let mut stale = |h: &Hash| -> Result<Vec<u8>, ()> {
            let real = source(&now)(h)?;
            Ok(if real.len() == WIDTH * 32 && h != &now.root() {
                before.tiles[0][0].clone()
            } else {
                real
            })
        };
        assert_eq!(
            find(&now.root(), n, 5, &mut stale),
            Err(TreeError::Mismatch)
        );
        // A tile that ends early.
        let mut short = |h: &Hash| {
            source(&now)(h).map(|mut t| {
                t.truncate(32);
                t
            })
        };
        assert_eq!(
            find(&now.root(), n, 70, &mut short),
            Err(TreeError::Mismatch)
        );
        assert_eq!(
            find(&now.root(), n, 5, |_: &Hash| Err::<Vec<u8>, _>("gone")),
            Err(TreeError::Fetch("gone"))
        );
    }

    #[test]
    fn one_changed_bucket_changes_one_tile_a_level() {
        let mut l = leaves(65536, 1);
        let before = Tree::build(&l);
        l[40_000] = leaf(b"renewed");
        let after = Tree::build(&l);
        let old: std::collections::HashSet<Hash> = before.all().map(|(h, _)| h).collect();
        let new: Vec<Hash> = after
            .all()
            .map(|(h, _)| h)
            .filter(|h| !old.contains(h))
            .collect();
        assert_eq!(new.len(), levels(65536) as usize);
        assert_ne!(before.root(), after.root());
    }
}
