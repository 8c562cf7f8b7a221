//! The log as C2SP tlog-tiles (<https://c2sp.org/tlog-tiles>): the Merkle
//! tree cut into immutable files any HTTP cache can keep.
//!
//! A tile at level `L` holds up to 256 consecutive hashes of the tree's
//! level `8L` (level 0: leaf hashes): `tile/<L>/<N>`, and while the
//! rightmost one is not full, `tile/<L>/<N>.p/<W>` with its `W` hashes.
//! `tile/entries/<N>[.p/<W>]` holds the entries themselves, each a
//! big-endian u16 length and the bytes. `<N>` is written in groups of
//! three digits, all but the last with an `x` (`x001/x234/067`).
//!
//! Both directions are here, so the format is defined once:
//!
//! - reading: [`Tiles`] turns a "fetch this tile" function into the
//!   complete-subtree lookups of [`crate::merkle`], hence roots, inclusion
//!   and consistency proofs. A proof in a tree of up to 256^k entries
//!   reads at most about 2k tiles (one on the path and one at the right
//!   edge per level), cached across calls.
//! - writing: [`published_files`] lists the files a log grown from one
//!   published size to the next must add, checkpoint last.

use std::collections::HashMap;
use std::fmt;

use crate::checkpoint::CheckpointError;
use crate::merkle::{self, Hash, ProofError, Subtree};

/// Hashes in a full tile.
pub const WIDTH: u64 = 256;
/// Tree levels a tile spans.
pub const HEIGHT: u8 = 8;
/// Highest tile level (the spec's 0..=63).
pub const MAX_LEVEL: u8 = 63;

/// Which rows of the tree a tile holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Hashes of tree level `8 * level`.
    Hashes(u8),
    /// The entries (the data under level 0).
    Entries,
}

/// One tile file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tile {
    pub kind: Kind,
    pub index: u64,
    /// 1..=256; below 256 the tile is partial.
    pub width: u16,
}

/// Why a tile path, a tile or a bundle is refused, or a proof could not
/// be computed from tiles.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TileError<E> {
    #[error("not a tile path: {0}")]
    Path(String),
    #[error("tile {0} has {1} bytes, not {2}")]
    Length(String, usize, usize),
    #[error("entry bundle {0} is malformed")]
    Bundle(String),
    #[error("an entry of {0} bytes does not fit a bundle's u16 length")]
    EntryTooLong(usize),
    #[error(transparent)]
    Proof(#[from] ProofError),
    #[error(transparent)]
    Checkpoint(#[from] CheckpointError),
    #[error("the published size {previous} is beyond the checkpoint's {size}")]
    Shrinks { previous: u64, size: u64 },
    #[error("fetching a tile failed: {0}")]
    Fetch(E),
}

/// `n` as tile path elements: zero-padded groups of three digits, every
/// group but the last prefixed with `x`.
pub fn encode_index(mut n: u64) -> String {
    let mut out = format!("{:03}", n % 1000);
    while n >= 1000 {
        n /= 1000;
        out = format!("x{:03}/{out}", n % 1000);
    }
    out
}

impl Tile {
    /// The tile's path under the log's prefix, e.g. `tile/1/x001/234.p/5`.
    pub fn path(&self) -> String {
        let level = match self.kind {
            Kind::Hashes(l) => l.to_string(),
            Kind::Entries => "entries".to_owned(),
        };
        let mut out = format!("tile/{level}/{}", encode_index(self.index));
        if u64::from(self.width) < WIDTH {
            out.push_str(&format!(".p/{}", self.width));
        }
        out
    }

    /// Reads a tile path (strictly: it must be the one [`Tile::path`]
    /// writes, so one tile has one name).
    pub fn parse(path: &str) -> Result<Tile, TileError<std::convert::Infallible>> {
        let bad = || TileError::Path(path.to_owned());
        let rest = path.strip_prefix("tile/").ok_or_else(bad)?;
        let (level, rest) = rest.split_once('/').ok_or_else(bad)?;
        let kind = if level == "entries" {
            Kind::Entries
        } else {
            let l = parse_decimal(level).ok_or_else(bad)?;
            if l > u64::from(MAX_LEVEL) {
                return Err(bad());
            }
            Kind::Hashes(l as u8)
        };
        let (index, width) = match rest.split_once(".p/") {
            Some((index, w)) => {
                let w = parse_decimal(w).ok_or_else(bad)?;
                if !(1..WIDTH).contains(&w) {
                    return Err(bad());
                }
                (index, w as u16)
            }
            None => (rest, WIDTH as u16),
        };
        let mut n: u64 = 0;
        let groups: Vec<&str> = index.split('/').collect();
        for (i, g) in groups.iter().enumerate() {
            let digits = if i + 1 < groups.len() {
                g.strip_prefix('x').ok_or_else(bad)?
            } else {
                g
            };
            if digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            let d: u64 = digits.parse().map_err(|_| bad())?;
            n = n
                .checked_mul(1000)
                .and_then(|n| n.checked_add(d))
                .ok_or_else(bad)?;
        }
        let tile = Tile {
            kind,
            index: n,
            width,
        };
        // No leading zero groups (x000/001 is 001).
        if tile.path() != path {
            return Err(bad());
        }
        Ok(tile)
    }

    /// Whether the tile is full (immutable for good).
    pub fn is_full(&self) -> bool {
        u64::from(self.width) == WIDTH
    }

    /// Bytes of a hash tile of this width.
    fn hash_bytes(&self) -> usize {
        usize::from(self.width) * 32
    }
}

impl fmt::Display for Tile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path())
    }
}

fn parse_decimal(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || (s.len() > 1 && s.starts_with('0'))
    {
        return None;
    }
    s.parse().ok()
}

/// How many hashes tree level `8 * level` has in a tree of `size` leaves
/// (only complete subtrees count).
fn hashes_at(level: u8, size: u64) -> u64 {
    size.checked_shr(u32::from(level) * u32::from(HEIGHT))
        .unwrap_or(0)
}

/// The tile of `kind` that holds position `pos` of its row in a tree of
/// `size` leaves (`pos` must be below the row's count).
fn tile_at(kind: Kind, pos: u64, size: u64) -> Tile {
    let count = match kind {
        Kind::Hashes(l) => hashes_at(l, size),
        Kind::Entries => size,
    };
    let index = pos / WIDTH;
    let width = (count - index * WIDTH).min(WIDTH) as u16;
    Tile { kind, index, width }
}

/// Every tile a tree of `size` leaves has, at its current widths, whose
/// content differs from the tree of `previous` leaves: the new full
/// tiles and the new or wider partial ones, level by level, entry
/// bundles first.
pub fn tiles_between(previous: u64, size: u64) -> Vec<Tile> {
    let mut out = Vec::new();
    let mut add = |kind: Kind, had: u64, has: u64| {
        if has > had {
            for index in had / WIDTH..has.div_ceil(WIDTH) {
                let width = (has - index * WIDTH).min(WIDTH) as u16;
                out.push(Tile { kind, index, width });
            }
        }
    };
    add(Kind::Entries, previous, size);
    for level in 0..=MAX_LEVEL {
        let has = hashes_at(level, size);
        if has == 0 {
            break;
        }
        add(Kind::Hashes(level), hashes_at(level, previous), has);
    }
    out
}

/// An entry bundle: each entry as a big-endian u16 length and its bytes.
pub fn encode_bundle<E, B: AsRef<[u8]>>(entries: &[B]) -> Result<Vec<u8>, TileError<E>> {
    let mut out = Vec::with_capacity(entries.iter().map(|e| e.as_ref().len() + 2).sum());
    for e in entries {
        let e = e.as_ref();
        let len = u16::try_from(e.len()).map_err(|_| TileError::EntryTooLong(e.len()))?;
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(e);
    }
    Ok(out)
}

/// The entries of bundle `tile`; there must be exactly `tile.width`.
pub fn decode_bundle<'a, E>(
    tile: &Tile,
    mut bytes: &'a [u8],
) -> Result<Vec<&'a [u8]>, TileError<E>> {
    let bad = || TileError::Bundle(tile.path());
    let mut out = Vec::with_capacity(usize::from(tile.width));
    while !bytes.is_empty() {
        let (len, rest) = bytes.split_at_checked(2).ok_or_else(bad)?;
        let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
        let (entry, rest) = rest.split_at_checked(len).ok_or_else(bad)?;
        out.push(entry);
        bytes = rest;
    }
    if out.len() != usize::from(tile.width) {
        return Err(bad());
    }
    Ok(out)
}

/// A tree of a known size read through its tiles, each fetched at most
/// once. `fetch` returns a tile's bytes (from HTTP, a directory, memory).
pub struct Tiles<F> {
    size: u64,
    fetch: F,
    cache: HashMap<Tile, Vec<Hash>>,
}

impl<F, E> Tiles<F>
where
    F: FnMut(&Tile) -> Result<Vec<u8>, E>,
{
    /// The tree of `size` leaves (a verified checkpoint's size).
    pub fn new(size: u64, fetch: F) -> Tiles<F> {
        Tiles {
            size,
            fetch,
            cache: HashMap::new(),
        }
    }

    /// The tree size this reader serves.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// How many tiles were fetched so far.
    pub fn fetched(&self) -> usize {
        self.cache.len()
    }

    fn tile(&mut self, tile: Tile) -> Result<&[Hash], TileError<E>> {
        if !self.cache.contains_key(&tile) {
            let bytes = (self.fetch)(&tile).map_err(TileError::Fetch)?;
            if bytes.len() != tile.hash_bytes() {
                return Err(TileError::Length(
                    tile.path(),
                    bytes.len(),
                    tile.hash_bytes(),
                ));
            }
            let hashes = bytes
                .chunks_exact(32)
                .map(|c| {
                    let mut h = [0u8; 32];
                    h.copy_from_slice(c);
                    h
                })
                .collect();
            self.cache.insert(tile, hashes);
        }
        Ok(&self.cache[&tile])
    }

    /// The hash of a complete subtree of the tree: a tile hash, or the
    /// fold of the up to 128 hashes of one tile below it.
    pub fn subtree(&mut self, t: Subtree) -> Result<Hash, TileError<E>> {
        // The subtree's leaves, first..end, must all be in the tree (and
        // the arithmetic must not wrap for a caller's odd subtree).
        let leaves = 1u64.checked_shl(u32::from(t.level)).filter(|&n| n != 0);
        let end = leaves.and_then(|n| t.index.checked_mul(n)?.checked_add(n));
        if end.is_none_or(|end| end > self.size) {
            return Err(TileError::Proof(ProofError::IndexOutOfRange {
                index: t.index,
                size: self.size,
            }));
        }
        let level = t.level / HEIGHT;
        let below = t.level % HEIGHT;
        let first = t.index << below;
        let count = 1usize << below;
        let tile = tile_at(Kind::Hashes(level), first, self.size);
        let offset = (first - tile.index * WIDTH) as usize;
        let hashes = self.tile(tile)?;
        let mut row: Vec<Hash> = hashes[offset..offset + count].to_vec();
        while row.len() > 1 {
            row = row
                .chunks_exact(2)
                .map(|p| merkle::node_hash(&p[0], &p[1]))
                .collect();
        }
        Ok(row[0])
    }

    /// The root of the whole tree.
    pub fn root(&mut self) -> Result<Hash, TileError<E>> {
        let size = self.size;
        merkle::root(size, |t| self.subtree(t))
    }

    /// The leaf hash of entry `index`.
    pub fn leaf_hash(&mut self, index: u64) -> Result<Hash, TileError<E>> {
        self.subtree(Subtree { level: 0, index })
    }

    /// The inclusion proof of entry `index` in this tree.
    pub fn inclusion_proof(&mut self, index: u64) -> Result<Vec<Hash>, TileError<E>> {
        let size = self.size;
        Ok(merkle::inclusion_proof(index, size, |t| self.subtree(t))??)
    }

    /// The consistency proof from the tree of `first` leaves to this one.
    pub fn consistency_proof(&mut self, first: u64) -> Result<Vec<Hash>, TileError<E>> {
        let size = self.size;
        Ok(merkle::consistency_proof(first, size, |t| {
            self.subtree(t)
        })??)
    }

    /// The entry bundle tile that holds entry `index`, at this tree's size.
    pub fn bundle_of(&self, index: u64) -> Tile {
        tile_at(Kind::Entries, index, self.size)
    }
}

/// A file to publish: its path under the log prefix and its bytes.
pub type File = (String, Vec<u8>);

/// What a published tree is read from on the writing side (the server's
/// store; tests use a memory tree).
pub trait Source {
    type Error;
    /// Hashes of tree level `level` (a multiple of 8), positions
    /// `start..end`, all of complete subtrees.
    fn hashes(&mut self, level: u8, start: u64, end: u64) -> Result<Vec<Hash>, Self::Error>;
    /// Entries `start..end`, as hashed into the leaves.
    fn entries(&mut self, start: u64, end: u64) -> Result<Vec<Vec<u8>>, Self::Error>;
}

/// Hands each file that publishing the checkpoint `checkpoint` (a signed
/// note) adds to a tree published up to `previous` entries to `sink`, as
/// (path under the log prefix, bytes): every new or grown tile and entry
/// bundle, then `checkpoint` itself, last, so a reader never sees a
/// checkpoint whose tiles are not there yet. `previous` is 0 the first
/// time. Writing the same files again is harmless: a path's bytes never
/// change, except the checkpoint's.
pub fn write_files<S: Source>(
    previous: u64,
    checkpoint: &[u8],
    source: &mut S,
    mut sink: impl FnMut(String, Vec<u8>) -> Result<(), S::Error>,
) -> Result<(), TileError<S::Error>> {
    let size = crate::checkpoint::size_of(checkpoint)?;
    if previous > size {
        return Err(TileError::Shrinks { previous, size });
    }
    for tile in tiles_between(previous, size) {
        let start = tile.index * WIDTH;
        let end = start + u64::from(tile.width);
        let bytes = match tile.kind {
            Kind::Entries => {
                let entries = source.entries(start, end).map_err(TileError::Fetch)?;
                encode_bundle(&entries)?
            }
            Kind::Hashes(level) => source
                .hashes(level * HEIGHT, start, end)
                .map_err(TileError::Fetch)?
                .concat(),
        };
        sink(tile.path(), bytes).map_err(TileError::Fetch)?;
    }
    sink("checkpoint".to_owned(), checkpoint.to_vec()).map_err(TileError::Fetch)
}

/// [`write_files`], collected: the (path, bytes) to write, checkpoint
/// last. For a first publication of a large log, prefer [`write_files`]
/// (this holds every file in memory: about 40 bytes an entry plus the
/// entries).
pub fn published_files<S: Source>(
    previous: u64,
    checkpoint: &[u8],
    source: &mut S,
) -> Result<Vec<File>, TileError<S::Error>> {
    let mut out = Vec::new();
    write_files(previous, checkpoint, source, |path, bytes| {
        out.push((path, bytes));
        Ok(())
    })?;
    Ok(out)
}

#[cfg(test)]
#[path = "tiles_tests.rs"]
mod tests;
