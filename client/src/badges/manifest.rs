//! The manifest: the one small, signed, short-lived file that names the
//! latest version of the badge list, the files that make it (a snapshot
//! and the deltas after it, all immutable and named by their SHA-256), the
//! checksum of the whole set, and where the signed answers are.
//!
//! It is a JWS (`typ` [`TYP`]) signed with the service's attestation key,
//! so a client checks it against the same `.well-known/jwks.json` as the
//! tokens; everything else it names is checked by hash.

use serde::{Deserialize, Serialize};

use super::jws::{self, JwsError, Keys};

/// The `typ` header of a manifest (RFC 8725 §3.11: one kind of signed
/// statement never passes for another).
pub const TYP: &str = "bizseal-badge-manifest+json";

/// Where the manifest is, under the published tree's root.
pub const PATH: &str = "badges/manifest.jws";

/// The `typ` of a key-set statement: a JWS whose payload is the service's
/// JWKS, signed by one key of it. A client that kept an older set and
/// meets a manifest signed by a key it does not know (the service rotated
/// its key) believes the new set if a key it kept vouches for it.
pub const KEYSET_TYP: &str = "bizseal-keyset+json";

/// Where the key-set statement signed by the key `kid` is.
pub fn keyset_path(kid: &str) -> String {
    // A kid is a JWK thumbprint (base64url); anything else never names a file.
    let safe: String = kid
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    format!("badges/keys/{safe}.jws")
}

/// The manifest's payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The issuer of the tokens (the `iss` claim).
    pub issuer: String,
    /// The list's version: strictly increasing, never reused.
    pub version: u64,
    /// When this manifest was signed (seconds).
    pub published_at: i64,
    /// After this (seconds) a client no longer trusts the manifest: a
    /// cache or a mirror that keeps serving an old one (a freeze) is
    /// noticed.
    pub expires_at: i64,
    /// Seconds a cache may keep the manifest: with the publish interval,
    /// how late a revocation may reach a syncing client.
    pub max_age: u32,
    /// Seconds between two publishes (advisory: when to sync again).
    pub publish_interval: u32,
    /// Prefix length of the list (`list::prefix_bits_for`).
    pub prefix_bits: u8,
    /// Distinct prefixes in the list.
    pub count: u64,
    /// [`BadgeList::checksum`](super::list::BadgeList::checksum) of the list
    /// at `version`.
    pub set_sha256: String,
    /// The latest snapshot: the list at `snapshot.version`.
    pub snapshot: FileRef,
    /// Deltas, oldest first, each from one version to the next, ending at
    /// `version`; they start at or before `snapshot.version`.
    pub deltas: Vec<FileRef>,
    /// Where the signed answers of badged numbers are.
    pub answers: AnswersRef,
}

/// A content-addressed file: its path under the root and its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRef {
    /// Path under the published tree's root (no leading `/`).
    pub path: String,
    /// SHA-256 of the bytes, lowercase hex (also the file's name).
    pub sha256: String,
    pub size: u64,
    /// The version this file starts from (a delta's `from`; a snapshot's
    /// own version).
    pub from: u64,
    /// The version it brings the list to.
    pub to: u64,
}

/// The buckets of signed answers: `{path}{prefix}-{leaf}.json`, where
/// `prefix` is the first `prefix_chars` hex digits of the SHA-256 of the
/// number and `leaf` the SHA-256 of the file (its leaf in the answers'
/// tree, which says which file is current), each holding every badged
/// number of its bucket with its token (see `bucket`). Named by their
/// content, they never change: no cache can serve a stale one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswersRef {
    pub path: String,
    pub prefix_chars: u8,
    /// Every bucket's digest (8 bytes each, in bucket order; 0 for a
    /// bucket never written) and leaf: how the publisher knows which
    /// buckets to write again. Clients need not read it.
    pub index: FileRef,
    /// The tree that binds every bucket's bytes to this manifest.
    pub tree: TreeRef,
}

/// The answers' tree (see `tree`): its root, and where its tiles are
/// (`{path}{sha256 hex}.bin`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreeRef {
    pub path: String,
    /// SHA-256 of the top tile, lowercase hex.
    pub root: String,
}

/// Why a manifest is not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    #[error("the manifest's signature does not hold: {0}")]
    Signature(JwsError),
    #[error("the manifest is not a badge manifest: {0}")]
    Shape(String),
    #[error("the manifest expired at {0}")]
    Expired(i64),
    #[error("the manifest's version {got} is older than the {have} already held")]
    Rollback { got: u64, have: u64 },
}

impl Manifest {
    /// Checks a signed manifest against the key set and returns it; `now`
    /// refuses an expired one.
    pub fn verify(jws: &str, keys: &Keys, now: i64) -> Result<Manifest, ManifestError> {
        let manifest = Manifest::verify_signature(jws, keys)?;
        if now >= manifest.expires_at {
            return Err(ManifestError::Expired(manifest.expires_at));
        }
        Ok(manifest)
    }

    /// [`Manifest::verify`] whatever its age: the publisher reads back its
    /// own last manifest with it.
    pub fn verify_signature(jws: &str, keys: &Keys) -> Result<Manifest, ManifestError> {
        let payload = jws::verify(jws.trim(), keys, TYP).map_err(ManifestError::Signature)?;
        let manifest: Manifest =
            serde_json::from_slice(&payload).map_err(|e| ManifestError::Shape(e.to_string()))?;
        manifest.check_shape()?;
        Ok(manifest)
    }

    /// The prefix naming the bucket of a number with this hash.
    pub fn bucket_prefix(&self, hash: &[u8; 32]) -> String {
        super::bucket::bucket_of(hash, self.answers.prefix_chars)
    }

    /// Where the bucket file with this prefix and leaf is.
    pub fn bucket_path(&self, prefix: &str, leaf: &super::tree::Hash) -> String {
        bucket_file(&self.answers.path, prefix, leaf)
    }

    /// How many buckets there are (the answers' tree has one leaf each).
    pub fn buckets(&self) -> usize {
        1 << (4 * u32::from(self.answers.prefix_chars))
    }

    /// The bucket of a number with this hash, as an index (the bucket's
    /// prefix read as a number).
    pub fn bucket_index(&self, hash: &[u8; 32]) -> usize {
        usize::from_str_radix(&self.bucket_prefix(hash), 16).unwrap_or(0)
    }

    /// Where the tile with this hash is.
    pub fn tile_path(&self, hash: &super::tree::Hash) -> String {
        tile_file(&self.answers.tree.path, hash)
    }

    /// The answers' tree's root.
    pub fn tree_root(&self) -> super::tree::Hash {
        // check_shape made sure it parses.
        super::tree::parse_hash(&self.answers.tree.root).unwrap_or(super::tree::EMPTY)
    }

    /// Refuses a manifest older than the one a client holds.
    pub fn not_older_than(&self, held: &Manifest) -> Result<(), ManifestError> {
        if self.version < held.version {
            return Err(ManifestError::Rollback {
                got: self.version,
                have: held.version,
            });
        }
        Ok(())
    }

    /// The file paths a client fetches must stay under the tree and the
    /// deltas must chain.
    fn check_shape(&self) -> Result<(), ManifestError> {
        let bad = |why: &str| Err(ManifestError::Shape(why.to_owned()));
        let files = [&self.snapshot, &self.answers.index]
            .into_iter()
            .chain(&self.deltas);
        for f in files {
            if !safe_path(&f.path) || f.sha256.len() != 64 {
                return bad("a file path or hash is not acceptable");
            }
        }
        if !safe_path(&self.answers.path)
            || !safe_path(&self.answers.tree.path)
            || super::tree::parse_hash(&self.answers.tree.root).is_none()
            || !(1..=6).contains(&self.answers.prefix_chars)
        {
            return bad("the answers' path or prefix length is not acceptable");
        }
        if self.snapshot.to > self.version || !(1..=64).contains(&self.prefix_bits) {
            return bad("the snapshot is newer than the manifest");
        }
        let chained = self.deltas.windows(2).all(|w| w[0].to == w[1].from)
            && self.deltas.iter().all(|d| d.from < d.to)
            && self.deltas.last().is_none_or(|d| d.to == self.version);
        if !chained {
            return bad("the deltas do not chain up to the version");
        }
        if self.snapshot.to != self.version
            && self
                .deltas
                .first()
                .is_none_or(|d| d.from > self.snapshot.to)
        {
            return bad("the deltas do not start at or before the snapshot");
        }
        Ok(())
    }

    /// What a client holding the list at `held` (its version and prefix
    /// length) fetches to reach this manifest's version.
    pub fn plan(&self, held: Option<(u64, u8)>) -> Plan<'_> {
        if let Some((version, bits)) = held {
            if bits == self.prefix_bits {
                if version == self.version {
                    return Plan::UpToDate;
                }
                if let Some(start) = self.deltas.iter().position(|d| d.from == version) {
                    let deltas: Vec<&FileRef> = self.deltas[start..].iter().collect();
                    let bytes: u64 = deltas.iter().map(|d| d.size).sum();
                    // Deltas that weigh more than the snapshot are not worth it.
                    if bytes <= self.snapshot.size {
                        return Plan::Deltas(deltas);
                    }
                }
            }
        }
        let after = self
            .deltas
            .iter()
            .position(|d| d.from == self.snapshot.to)
            .map(|i| self.deltas[i..].iter().collect())
            .unwrap_or_default();
        Plan::Snapshot(&self.snapshot, after)
    }
}

/// What a sync fetches.
#[derive(Debug, PartialEq, Eq)]
pub enum Plan<'a> {
    /// The list held is this version's.
    UpToDate,
    /// These deltas, in order, from the list held.
    Deltas(Vec<&'a FileRef>),
    /// The snapshot, then these deltas.
    Snapshot(&'a FileRef, Vec<&'a FileRef>),
}

/// A bucket file's path under the answers' directory `dir` (ending in
/// `/`): `{dir}{prefix}-{leaf}.json`. The publisher names files with it.
pub fn bucket_file(dir: &str, prefix: &str, leaf: &super::tree::Hash) -> String {
    format!("{dir}{prefix}-{}.json", super::list::hex(leaf))
}

/// A tile's path under the tree's directory `dir` (ending in `/`).
pub fn tile_file(dir: &str, hash: &super::tree::Hash) -> String {
    format!("{dir}{}.bin", super::list::hex(hash))
}

/// A relative path with no way out of the tree.
fn safe_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && path.split('/').all(|part| part != ".." && part != ".")
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/-_.".contains(&b))
}

/// Whether fetched bytes are the file the manifest names.
pub fn matches(file: &FileRef, bytes: &[u8]) -> bool {
    bytes.len() as u64 == file.size && super::list::sha256_hex(bytes) == file.sha256
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, from: u64, to: u64, size: u64) -> FileRef {
        FileRef {
            path: path.into(),
            sha256: "0".repeat(64),
            size,
            from,
            to,
        }
    }

    fn manifest() -> Manifest {
        Manifest {
            issuer: "bizseal".into(),
            version: 12,
            published_at: 100,
            expires_at: 1_000,
            max_age: 60,
            publish_interval: 300,
            prefix_bits: 20,
            count: 3,
            set_sha256: "0".repeat(64),
            snapshot: file("badges/snapshot/a.bin", 11, 11, 1_000),
            deltas: vec![
                file("badges/delta/x.bin", 9, 10, 10),
                file("badges/delta/y.bin", 10, 11, 10),
                file("badges/delta/z.bin", 11, 12, 10),
            ],
            answers: AnswersRef {
                path: "badges/answers/".into(),
                prefix_chars: 2,
                index: file("badges/index/i.bin", 12, 12, 256),
                tree: TreeRef {
                    path: "badges/tree/".into(),
                    root: "0".repeat(64),
                },
            },
        }
    }

    #[test]
    fn a_client_takes_the_deltas_it_can_and_the_snapshot_otherwise() {
        let m = manifest();
        m.check_shape().unwrap();
        assert_eq!(m.plan(Some((12, 20))), Plan::UpToDate);
        assert_eq!(
            m.plan(Some((10, 20))),
            Plan::Deltas(vec![&m.deltas[1], &m.deltas[2]])
        );
        assert_eq!(
            m.plan(Some((8, 20))),
            Plan::Snapshot(&m.snapshot, vec![&m.deltas[2]])
        );
        assert_eq!(
            m.plan(Some((10, 21))),
            Plan::Snapshot(&m.snapshot, vec![&m.deltas[2]])
        );
        assert_eq!(
            m.plan(None),
            Plan::Snapshot(&m.snapshot, vec![&m.deltas[2]])
        );
    }

    #[test]
    fn a_signed_manifest_verifies_and_a_broken_one_does_not() {
        let key = ed25519_dalek::SigningKey::from_bytes(&[3; 32]);
        let keys = Keys::from_jwks(&jws::jwks_for_test(&key, "k")).unwrap();
        let m = manifest();
        let signed = jws::sign_for_test(&key, "k", TYP, &serde_json::to_vec(&m).unwrap());
        assert_eq!(Manifest::verify(&signed, &keys, 500).unwrap(), m);
        assert_eq!(
            Manifest::verify(&signed, &keys, 1_000),
            Err(ManifestError::Expired(1_000))
        );
        let token = jws::sign_for_test(&key, "k", "bizseal-attestation+jwt", b"{}");
        assert!(matches!(
            Manifest::verify(&token, &keys, 500),
            Err(ManifestError::Signature(_))
        ));
        let mut escaping = m.clone();
        escaping.snapshot.path = "../etc/passwd".into();
        let signed = jws::sign_for_test(&key, "k", TYP, &serde_json::to_vec(&escaping).unwrap());
        assert!(matches!(
            Manifest::verify(&signed, &keys, 500),
            Err(ManifestError::Shape(_))
        ));
        let mut older = m.clone();
        older.version = 11;
        assert!(older.not_older_than(&m).is_err());
    }
}
