//! The badge list's files for one publish: what changed since the version
//! the destination holds, as a delta, a snapshot when one is due, the
//! buckets of signed answers that changed, and the signed manifest that
//! names them all.
//!
//! The previous version is read back from the destination itself (its
//! manifest, checked with our own keys, and the files it names), so a
//! publish needs no state of its own and any number of them in a row
//! write nothing new: a publish with no change writes no file but a
//! manifest past half its life, re-signed.

use std::collections::{HashMap, HashSet};

use bizseal_client::badges::bucket::{Bucket, BucketEntry};
use bizseal_client::badges::delta::Delta;
use bizseal_client::badges::jws::Keys;
use bizseal_client::badges::list::{
    hex, number_hash, prefix_bits_fit, prefix_bits_for, sha256_hex, BadgeList,
};
use bizseal_client::badges::manifest::{self, AnswersRef, FileRef, Manifest, TreeRef};
use bizseal_client::badges::tree::{self, Tree};

use super::dest::{DestError, Destination, Files};
use super::Settings;
use crate::keys::Keyring;
use crate::lookup::{badge_token, Badged};
use crate::store::{Reader, StoreError};

/// Deltas a manifest names at most: a client more than this many versions
/// behind fetches the snapshot.
const MAX_DELTAS: usize = 64;

/// Hex digits of a bucket's prefix at most: 5 is a million buckets, ~95
/// numbers each at 100 million (docs/SCALE.md).
const MAX_PREFIX_CHARS: u8 = 5;

pub const SNAPSHOT_DIR: &str = "badges/snapshot";
pub const DELTA_DIR: &str = "badges/delta";
pub const INDEX_DIR: &str = "badges/index";
pub const ANSWERS_DIR: &str = "badges/answers/";
pub const TREE_DIR: &str = "badges/tree/";

/// One bucket's line of the index: what the publisher knows of the file
/// it last wrote for the bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Indexed {
    /// `digest_of` its entries, 0 for a bucket never written.
    pub digest: u64,
    /// Its leaf in the answers' tree (the SHA-256 of the file's bytes).
    pub leaf: tree::Hash,
}

/// Bytes of an index line: the digest, then the leaf.
const INDEXED_LEN: usize = 8 + 32;

/// The version the destination holds.
pub struct Previous {
    pub manifest: Manifest,
    pub list: BadgeList,
    /// Each bucket's line.
    pub index: Vec<Indexed>,
    /// The paths of the answers' tree's files (tiles and buckets): kept
    /// until the next publish, as a client may still walk them.
    pub keep: HashSet<String>,
}

/// Reads the version the destination holds; `None` when there is none or
/// it cannot be read whole (then the next publish starts a new snapshot,
/// under a version number above the old one: see [`next_version`]).
pub async fn previous(dest: &Destination, keys: &Keys) -> Result<Option<Previous>, DestError> {
    let Some(jws) = dest.get(manifest::PATH).await? else {
        return Ok(None);
    };
    let Ok(jws) = String::from_utf8(jws) else {
        return Ok(None);
    };
    let manifest = match Manifest::verify_signature(&jws, keys) {
        Ok(m) => m,
        Err(e) => {
            tracing::warn!(error = %e, "the published badge manifest does not verify; publishing a new snapshot");
            return Ok(None);
        }
    };
    let fetched = fetch_files(dest, &manifest).await?;
    Ok(fetched.map(|(list, index)| {
        let leaves: Vec<tree::Hash> = index.iter().map(|i| i.leaf).collect();
        let keep = Tree::build(&leaves)
            .all()
            .map(|(h, _)| tile_path(&h))
            .chain(bucket_paths(&leaves, manifest.answers.prefix_chars))
            .collect();
        Previous {
            manifest,
            list,
            index,
            keep,
        }
    }))
}

async fn fetch_files(
    dest: &Destination,
    m: &Manifest,
) -> Result<Option<(BadgeList, Vec<Indexed>)>, DestError> {
    let file = |f: &FileRef| {
        let path = f.path.clone();
        let f = f.clone();
        async move {
            Ok::<_, DestError>(
                dest.get(&path)
                    .await?
                    .filter(|bytes| manifest::matches(&f, bytes)),
            )
        }
    };
    let Some(snapshot) = file(&m.snapshot).await? else {
        return Ok(None);
    };
    let Ok((mut list, mut version)) = BadgeList::decode(&snapshot) else {
        return Ok(None);
    };
    let start = version;
    for d in m.deltas.iter().filter(|d| d.from >= start) {
        let Some(bytes) = file(d).await? else {
            return Ok(None);
        };
        let Some(next) = Delta::decode(&bytes).ok().and_then(|d| d.apply(&list).ok()) else {
            return Ok(None);
        };
        list = next;
        version = d.to;
    }
    if version != m.version || list.checksum() != m.set_sha256 {
        return Ok(None);
    }
    let Some(index) = file(&m.answers.index).await? else {
        return Ok(None);
    };
    let index = index
        .chunks_exact(INDEXED_LEN)
        .map(|c| {
            let (digest, leaf) = c.split_at(8);
            Indexed {
                digest: u64::from_be_bytes(digest.try_into().unwrap_or_default()),
                leaf: leaf.try_into().unwrap_or(tree::EMPTY),
            }
        })
        .collect::<Vec<_>>();
    let leaves: Vec<tree::Hash> = index.iter().map(|i| i.leaf).collect();
    // An index that does not make the manifest's tree is not ours to build on.
    if index.len() != m.buckets() || Tree::build(&leaves).root() != m.tree_root() {
        return Ok(None);
    }
    Ok(Some((list, index)))
}

/// What a publish writes, and what it says about it.
pub struct Planned {
    pub files: Files,
    pub manifest: Manifest,
    /// Whether the list changed (a new version).
    pub changed: bool,
    pub buckets_written: usize,
    /// The paths of the answers' tree's files (tiles and buckets), this
    /// publish's and the previous one's: what the sweep keeps.
    pub keep: HashSet<String>,
    /// The delta's size, when one was written.
    pub delta_bytes: Option<u64>,
    pub snapshot_written: bool,
}

/// Hex digits of the bucket prefix for a list of `prefix_bits`: about 2
/// to 32 numbers a bucket (log2 n is about `prefix_bits - 14`).
fn prefix_chars_for(prefix_bits: u8) -> u8 {
    (prefix_bits.saturating_sub(15) / 4).clamp(1, MAX_PREFIX_CHARS)
}

/// The version after `previous` at `now`: the publish time in seconds, or
/// one more than the last version when that is later. A destination whose
/// manifest was lost starts again above any version a client holds.
fn next_version(previous: Option<u64>, now: i64) -> u64 {
    let now = u64::try_from(now).unwrap_or(0);
    previous.map_or(now, |v| (v + 1).max(now))
}

/// A bucket's digest: what decides whether its file is written again.
/// Over each entry's number and token serial (a renewed token has a new
/// serial), never 0.
fn digest_of(entries: &[(&str, &Badged)]) -> u64 {
    let mut h = ring::digest::Context::new(&ring::digest::SHA256);
    for (_, b) in entries {
        h.update(b.number.as_bytes());
        h.update(&[0]);
        h.update(b.serial.as_bytes());
        h.update(&[0]);
    }
    let d = h.finish();
    u64::from_be_bytes(d.as_ref()[..8].try_into().unwrap_or_default()).max(1)
}

/// Plans the files of a publish of `badged` (read from `r`, which also
/// gives the tokens) over `previous`, signed with `keyring`. `None`: the
/// destination is current.
pub fn plan(
    r: &Reader,
    badged: &[Badged],
    previous: Option<&Previous>,
    keyring: &Keyring,
    issuer: &str,
    settings: &Settings,
    now: i64,
) -> Result<Option<Planned>, StoreError> {
    let n = badged.len() as u64;
    // Keep the previous prefix length while it fits, so deltas apply.
    let same_epoch = previous.filter(|p| prefix_bits_fit(p.manifest.prefix_bits, n));
    let prefix_bits = same_epoch.map_or(prefix_bits_for(n), |p| p.manifest.prefix_bits);
    let prefix_chars = same_epoch.map_or(prefix_chars_for(prefix_bits), |p| {
        p.manifest.answers.prefix_chars
    });

    let hashed: Vec<([u8; 32], &Badged)> =
        badged.iter().map(|b| (number_hash(&b.number), b)).collect();
    let list = BadgeList::from_hashes(prefix_bits, hashed.iter().map(|(h, _)| h));

    // Buckets: hex of each hash, grouped by prefix, sorted by suffix.
    let hexes: Vec<(String, &Badged)> = hashed.iter().map(|(h, b)| (hex(h), *b)).collect();
    let mut buckets: HashMap<usize, Vec<(&str, &Badged)>> = HashMap::new();
    for (h, b) in &hexes {
        let at = usize::from_str_radix(&h[..usize::from(prefix_chars)], 16).unwrap_or(0);
        buckets.entry(at).or_default().push((h.as_str(), b));
    }
    let mut index = vec![0u64; 1 << (4 * prefix_chars)];
    let previous_index = same_epoch.map(|p| p.index.as_slice());
    let mut leaves = vec![tree::EMPTY; index.len()];
    let mut files = Files::default();
    let mut buckets_written = 0;
    for (at, entries) in buckets.iter_mut() {
        entries.sort_by(|a, b| a.0.cmp(b.0));
        index[*at] = digest_of(entries);
    }
    // Every bucket whose digest moved (with no index to compare with: a
    // first publish, a new prefix length, every bucket) gets a new file;
    // the others keep theirs. An empty bucket has no file (digest 0, leaf
    // EMPTY).
    for (at, digest) in index.iter().enumerate() {
        let before = previous_index.and_then(|p| p.get(at));
        if *digest == 0 {
            continue;
        }
        if let Some(before) = before.filter(|b| b.digest == *digest) {
            leaves[at] = before.leaf;
            continue;
        }
        let prefix = format!("{at:0width$x}", width = usize::from(prefix_chars));
        let mut bucket = Bucket {
            prefix: prefix.clone(),
            entries: Vec::new(),
        };
        for (h, b) in buckets.get(&at).map(Vec::as_slice).unwrap_or_default() {
            bucket.entries.push(BucketEntry {
                suffix: h[usize::from(prefix_chars)..].to_owned(),
                status: "verified".into(),
                level: Some(b.level.as_str().to_owned()),
                attestation: badge_token(r, &b.serial)?,
            });
        }
        let bytes = bucket.to_json();
        leaves[at] = tree::leaf(&bytes);
        files.first.push((bucket_path(&prefix, &leaves[at]), bytes));
        buckets_written += 1;
    }
    let tree = Tree::build(&leaves);
    let root = hex(&tree.root());

    let set_sha256 = list.checksum();
    let list_changed = same_epoch.is_none_or(|p| p.manifest.set_sha256 != set_sha256);
    let answers_changed = previous.is_none_or(|p| p.manifest.answers.tree.root != root);
    let stale = previous.is_none_or(|p| {
        now >= p.manifest.published_at + i64::from(settings.validity) / 2
            || p.manifest.max_age != settings.max_age
            || p.manifest.publish_interval != settings.interval
    });
    if !list_changed && !answers_changed && !stale {
        return Ok(None);
    }

    let version = if list_changed {
        next_version(previous.map(|p| p.manifest.version), now)
    } else {
        previous.map_or(0, |p| p.manifest.version)
    };
    let mut deltas: Vec<FileRef> = Vec::new();
    let mut snapshot = None;
    let mut delta_bytes = None;
    if let Some(p) = same_epoch {
        deltas = p.manifest.deltas.clone();
        snapshot = Some(p.manifest.snapshot.clone());
        if list_changed {
            let delta = Delta::between(&p.list, p.manifest.version, &list, version).encode();
            let file = content_file(DELTA_DIR, "bin", &delta, p.manifest.version, version);
            delta_bytes = Some(file.size);
            deltas.push(file);
            files
                .first
                .push((deltas[deltas.len() - 1].path.clone(), delta));
        }
    }
    // A new snapshot when there is none for this prefix length, or when
    // the deltas after it outweigh half of it (a new client would fetch
    // more than it needs) or pass the most a manifest names.
    let snapshot_due = match &snapshot {
        None => true,
        Some(s) => {
            let after: Vec<&FileRef> = deltas.iter().filter(|d| d.from >= s.to).collect();
            after.iter().map(|d| d.size).sum::<u64>() * 2 > s.size || after.len() >= MAX_DELTAS
        }
    };
    let snapshot = match snapshot {
        Some(s) if !snapshot_due => s,
        _ => {
            let bytes = list.encode(version);
            let file = content_file(SNAPSHOT_DIR, "bin", &bytes, version, version);
            files.first.push((file.path.clone(), bytes));
            file
        }
    };
    if deltas.len() > MAX_DELTAS {
        deltas.drain(..deltas.len() - MAX_DELTAS);
    }
    // The deltas must reach back to the snapshot (or not be needed).
    if snapshot.to != version && deltas.first().is_none_or(|d| d.from > snapshot.to) {
        deltas.clear();
    }

    // The answers' tree: the tiles a previous publish did not write. What
    // the sweep keeps: this tree's files and the previous one's (a client
    // may hold the previous manifest for its cache lifetime).
    let mut keep: HashSet<String> = previous.map(|p| p.keep.clone()).unwrap_or_default();
    for (h, bytes) in tree.all() {
        let path = tile_path(&h);
        if keep.insert(path.clone()) {
            files.first.push((path, bytes.to_vec()));
        }
    }
    keep.extend(bucket_paths(&leaves, prefix_chars));
    let tree_ref = TreeRef {
        path: TREE_DIR.to_owned(),
        root,
    };

    let index_bytes: Vec<u8> = index
        .iter()
        .zip(&leaves)
        .flat_map(|(d, leaf)| d.to_be_bytes().into_iter().chain(*leaf))
        .collect();
    let index_file = content_file(INDEX_DIR, "bin", &index_bytes, version, version);
    if previous.is_none_or(|p| p.manifest.answers.index.sha256 != index_file.sha256) {
        files.first.push((index_file.path.clone(), index_bytes));
    }

    let manifest = Manifest {
        issuer: issuer.to_owned(),
        version,
        published_at: now,
        expires_at: now + i64::from(settings.validity),
        max_age: settings.max_age,
        publish_interval: settings.interval,
        prefix_bits,
        count: list.len() as u64,
        set_sha256,
        snapshot,
        deltas,
        answers: AnswersRef {
            path: ANSWERS_DIR.to_owned(),
            prefix_chars,
            index: index_file,
            tree: tree_ref,
        },
    };
    let signed = crate::token::sign_payload(keyring, manifest::TYP, &manifest);
    files
        .last
        .push((manifest::PATH.to_owned(), signed.into_bytes()));
    Ok(Some(Planned {
        files,
        changed: list_changed,
        buckets_written,
        keep,
        delta_bytes,
        snapshot_written: snapshot_due,
        manifest,
    }))
}

/// Where a tile of the answers' tree is.
fn tile_path(hash: &tree::Hash) -> String {
    manifest::tile_file(TREE_DIR, hash)
}

/// Where a bucket file is (as `Manifest::bucket_path` reads it).
fn bucket_path(prefix: &str, leaf: &tree::Hash) -> String {
    manifest::bucket_file(ANSWERS_DIR, prefix, leaf)
}

/// The files of the buckets that have one.
fn bucket_paths(leaves: &[tree::Hash], prefix_chars: u8) -> impl Iterator<Item = String> + '_ {
    let width = usize::from(prefix_chars);
    leaves
        .iter()
        .enumerate()
        .filter(|(_, leaf)| **leaf != tree::EMPTY)
        .map(move |(at, leaf)| bucket_path(&format!("{at:0width$x}"), leaf))
}

/// A content-addressed file: `dir/<sha256>.ext`.
fn content_file(dir: &str, ext: &str, bytes: &[u8], from: u64, to: u64) -> FileRef {
    let sha256 = sha256_hex(bytes);
    FileRef {
        path: format!("{dir}/{sha256}.{ext}"),
        sha256,
        size: bytes.len() as u64,
        from,
        to,
    }
}
