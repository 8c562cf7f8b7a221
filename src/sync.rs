//! A client's copy of a published tree (`bizseal client sync` and
//! `check`): the badge list at the latest version, the keys, the manifest,
//! and the signed answers of the hits of the client's own address book,
//! kept in a directory so that checks need no network and no bizseal.
//!
//! The state directory:
//!
//! ```text
//! jwks.json      the keys, as last fetched
//! manifest.jws   the manifest the list is at (written last: it is the commit)
//! list.bin       the list at that version (a snapshot file, re-encoded after deltas)
//! numbers.txt    the address book whose hits' answers are kept (E.164, one a line)
//! answers/       the buckets of signed answers those hits fall in
//! tree/          the tiles of the answers' tree walked to check them
//! ```
//!
//! Every file is fetched through the caller's `fetch` (HTTP in the CLI,
//! files in tests) and checked: the manifest's signature against the JWKS,
//! each list file against its SHA-256 in the manifest, the whole set
//! against the manifest's checksum, each bucket of answers against its
//! leaf in the manifest's answers' tree; a client that diverges fetches
//! the snapshot. Only the hits' buckets are fetched, so nothing about a number
//! that is not a business's leaves the device.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use bizseal_client::badges::bucket::Bucket;
use bizseal_client::badges::check::{check, Verdict};
use bizseal_client::badges::delta::Delta;
use bizseal_client::badges::jws::{JwsError, Keys};
use bizseal_client::badges::list::{hex, number_hash, BadgeList};
use bizseal_client::badges::manifest::{self, FileRef, Manifest, ManifestError, Plan};
use bizseal_client::badges::tree::{self, TreeError};

use crate::phone::{PhoneNumber, Region};

const JWKS: &str = "jwks.json";
const MANIFEST: &str = "manifest.jws";
const LIST: &str = "list.bin";
const NUMBERS: &str = "numbers.txt";
const ANSWERS: &str = "answers";
const TREE: &str = "tree";

/// Why a sync or a check failed.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("fetching {path}: {reason}")]
    Fetch { path: String, reason: String },
    #[error("{0} is missing from the published tree")]
    Missing(String),
    #[error(
        "the manifest is signed by a key this copy does not trust, and no key it kept \
         vouches for one that does; if the service replaced its key long ago, sync again \
         with --jwks FILE holding its key set from a source you trust (its own \
         https://.../.well-known/jwks.json)"
    )]
    UntrustedKey,
    #[error("the published keys are not a JWKS with an Ed25519 key")]
    Keys,
    #[error(transparent)]
    Manifest(#[from] manifest::ManifestError),
    #[error("{0} does not match the manifest")]
    Mismatch(String),
    #[error("the published list does not add up to the manifest's checksum")]
    Checksum,
    #[error("{0}: run `bizseal client sync` first")]
    NotSynced(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What a sync did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SyncReport {
    pub from_version: Option<u64>,
    pub version: u64,
    /// `up_to_date`, `deltas` or `snapshot`.
    pub took: &'static str,
    /// Which keys were believed: `kept` (the copy's own), `given` (the
    /// caller's, now kept), `first_use` (the tree's, now kept) or
    /// `rotated` (a set a kept key signed for, now kept).
    pub keys: &'static str,
    pub files: usize,
    /// Bytes fetched, the manifest and keys included.
    pub bytes: u64,
    pub count: u64,
    /// Hits of the address book, and the buckets of answers kept for them.
    pub hits: usize,
    pub buckets: usize,
    /// Buckets held whose bytes were still their leaf: not fetched.
    pub unchanged: usize,
    /// Buckets missing or whose bytes were not the ones the manifest's
    /// tree names, after a second try (a mirror's old copy or its own):
    /// not kept, so their numbers check as not synced.
    pub unverified: Vec<String>,
}

/// A fetcher: the bytes at a path under the tree's root, `None` for a
/// file that is not there (404).
pub trait Fetch {
    fn fetch(&mut self, path: &str) -> Result<Option<Vec<u8>>, String>;
}

impl<F: FnMut(&str) -> Result<Option<Vec<u8>>, String>> Fetch for F {
    fn fetch(&mut self, path: &str) -> Result<Option<Vec<u8>>, String> {
        self(path)
    }
}

struct Counted<'a, F> {
    inner: &'a mut F,
    files: usize,
    bytes: u64,
}

impl<F: Fetch> Counted<'_, F> {
    fn get(&mut self, path: &str) -> Result<Option<Vec<u8>>, SyncError> {
        let got = self.inner.fetch(path).map_err(|reason| SyncError::Fetch {
            path: path.to_owned(),
            reason,
        })?;
        if let Some(bytes) = &got {
            self.files += 1;
            self.bytes += bytes.len() as u64;
        }
        Ok(got)
    }

    fn need(&mut self, path: &str) -> Result<Vec<u8>, SyncError> {
        self.get(path)?
            .ok_or_else(|| SyncError::Missing(path.to_owned()))
    }

    fn file(&mut self, f: &FileRef) -> Result<Vec<u8>, SyncError> {
        let bytes = self.need(&f.path)?;
        if !manifest::matches(f, &bytes) {
            return Err(SyncError::Mismatch(f.path.clone()));
        }
        Ok(bytes)
    }
}

/// Brings the state directory `dir` to the tree's latest version. `book`,
/// when given, replaces the address book whose hits' answers are kept
/// (numbers already in E.164).
///
/// The keys believed are the copy's own: those it kept from its first sync
/// (trust on first use), or `trust`, a JWKS the caller got from a source it
/// trusts (which replaces them), or a new set one of the kept keys signed
/// for when the service rotated its key. The tree's `.well-known/jwks.json` is read
/// only by a first sync without `trust`, so a mirror or CDN that serves its
/// own keys beside its own manifest cannot make a synced copy believe them.
///
/// A bucket of answers the tree names that is missing (two publishes
/// between the manifest and the bucket: the sweep removed it) or is not
/// what the tree names is fetched once more after a new look at the
/// manifest; if it still is not had, it is left out and reported
/// (`unverified`).
pub fn sync(
    fetch: &mut impl Fetch,
    dir: &Path,
    book: Option<&[String]>,
    trust: Option<&[u8]>,
    now: i64,
) -> Result<SyncReport, SyncError> {
    let first = sync_once(fetch, dir, book, trust, now)?;
    if first.unverified.is_empty() {
        return Ok(first);
    }
    let again = sync_once(fetch, dir, None, trust, now)?;
    Ok(SyncReport {
        from_version: first.from_version,
        took: first.took,
        keys: first.keys,
        files: first.files + again.files,
        bytes: first.bytes + again.bytes,
        ..again
    })
}

fn sync_once(
    fetch: &mut impl Fetch,
    dir: &Path,
    book: Option<&[String]>,
    trust: Option<&[u8]>,
    now: i64,
) -> Result<SyncReport, SyncError> {
    fs::create_dir_all(dir.join(ANSWERS))?;
    let mut net = Counted {
        inner: fetch,
        files: 0,
        bytes: 0,
    };
    let (mut jwks, mut keys_from) = match (trust, fs::read(dir.join(JWKS)).ok()) {
        (Some(given), _) => (given.to_vec(), "given"),
        (None, Some(kept)) => (kept, "kept"),
        (None, None) => (net.need(crate::publish::JWKS_PATH)?, "first_use"),
    };
    let mut keys = Keys::from_jwks(&jwks).map_err(|_| SyncError::Keys)?;
    if keys.is_empty() {
        return Err(SyncError::Keys);
    }
    let jws = String::from_utf8(net.need(manifest::PATH)?)
        .map_err(|_| SyncError::Mismatch(manifest::PATH.into()))?;
    let latest = match Manifest::verify(&jws, &keys, now) {
        Ok(m) => m,
        // The service rotated its key: a key this copy kept may vouch for
        // the new set.
        Err(ManifestError::Signature(JwsError::UnknownKey)) if keys_from == "kept" => {
            let (new_jwks, new_keys, m) =
                follow_rotation(&mut net, &keys, &jws, now)?.ok_or(SyncError::UntrustedKey)?;
            (jwks, keys, keys_from) = (new_jwks, new_keys, "rotated");
            m
        }
        Err(ManifestError::Signature(JwsError::UnknownKey)) => return Err(SyncError::UntrustedKey),
        Err(e) => return Err(e.into()),
    };
    let held = held(dir, &keys);
    if let Some((m, _)) = &held {
        latest.not_older_than(m)?;
    }
    let from_version = held.as_ref().map(|(m, _)| m.version);
    let (list, took) = match reach(&mut net, &latest, held.as_ref()) {
        Ok(reached) => reached,
        // A copy that diverged (a delta that does not apply, a set that
        // does not add up): start again from the snapshot.
        Err(SyncError::Checksum) if held.is_some() => reach(&mut net, &latest, None)?,
        Err(e) => return Err(e),
    };

    if let Some(book) = book {
        write_atomic(&dir.join(NUMBERS), book.join("\n").as_bytes())?;
    }
    let numbers = read_book(dir)?;
    let mut buckets = BTreeMap::new();
    let mut hits = 0;
    for number in &numbers {
        let hash = number_hash(number);
        if list.may_contain(&hash) {
            hits += 1;
            buckets.insert(latest.bucket_index(&hash), latest.bucket_prefix(&hash));
        }
    }
    let answers = keep_answers(&mut net, dir, &latest, &buckets)?;
    if took != "up_to_date" {
        write_atomic(&dir.join(LIST), &list.encode(latest.version))?;
    }
    write_atomic(&dir.join(JWKS), &jwks)?;
    write_atomic(&dir.join(MANIFEST), jws.as_bytes())?;
    Ok(SyncReport {
        from_version,
        version: latest.version,
        took,
        keys: keys_from,
        files: net.files,
        bytes: net.bytes,
        count: latest.count,
        hits,
        buckets: buckets.len(),
        unchanged: answers.unchanged,
        unverified: answers.unverified,
    })
}

/// What became of the buckets of answers a sync keeps.
#[derive(Default)]
struct Answers {
    unchanged: usize,
    unverified: Vec<String>,
}

/// A bucket with no file: the hit was another number's prefix.
const EMPTY_BUCKET: &[u8] = b"{\"prefix\":\"\",\"entries\":[]}";

/// Keeps in `answers/` the buckets `buckets` (index and prefix) as the
/// manifest's answers' tree says they are now, walking it down from its
/// root (the tiles it walks are kept in `tree/`, so the next sync fetches
/// only those that changed). A bucket held whose bytes are its leaf is not
/// fetched; one missing, or whose bytes are not its leaf (a mirror's old
/// copy or its own), is not kept, and is named in `unverified`. The tiles
/// and buckets this sync did not use are removed.
fn keep_answers<F: Fetch>(
    net: &mut Counted<'_, F>,
    dir: &Path,
    m: &Manifest,
    buckets: &BTreeMap<usize, String>,
) -> Result<Answers, SyncError> {
    fs::create_dir_all(dir.join(TREE))?;
    let root = m.tree_root();
    let mut answers = Answers::default();
    let mut kept = BTreeSet::new();
    let mut walked = BTreeSet::new();
    for (&index, prefix) in buckets {
        let leaf = tree::find(&root, m.buckets(), index, |hash| {
            let name = hex(hash);
            let local = dir.join(TREE).join(&name);
            walked.insert(name);
            if let Ok(bytes) = fs::read(&local) {
                if tree::leaf(&bytes) == *hash {
                    return Ok(bytes);
                }
            }
            let bytes = net.need(&m.tile_path(hash))?;
            if tree::leaf(&bytes) == *hash {
                write_atomic(&local, &bytes)?;
            }
            Ok(bytes)
        })
        .map_err(|e| match e {
            TreeError::Fetch(e) => e,
            TreeError::Mismatch | TreeError::OutOfRange(_) => {
                SyncError::Mismatch(m.answers.tree.path.clone())
            }
        })?;
        let name = format!("{prefix}.json");
        let file = dir.join(ANSWERS).join(&name);
        let held = fs::read(&file).ok();
        let want = (leaf == tree::EMPTY).then_some(EMPTY_BUCKET);
        let current = match (&held, want) {
            (Some(held), Some(empty)) => held == empty,
            (Some(held), None) => tree::leaf(held) == leaf,
            (None, _) => false,
        };
        if current {
            answers.unchanged += 1;
        } else if let Some(empty) = want {
            write_atomic(&file, empty)?;
        } else {
            let path = m.bucket_path(prefix, &leaf);
            match net.get(&path)? {
                Some(bytes) if tree::leaf(&bytes) == leaf && Bucket::parse(&bytes).is_ok() => {
                    write_atomic(&file, &bytes)?;
                }
                _ => {
                    answers.unverified.push(path);
                    continue;
                }
            }
        }
        kept.insert(name);
    }
    for (sub, used) in [(ANSWERS, &kept), (TREE, &walked)] {
        for entry in fs::read_dir(dir.join(sub))? {
            let entry = entry?;
            if !used.contains(&*entry.file_name().to_string_lossy()) {
                fs::remove_file(entry.path())?;
            }
        }
    }
    Ok(answers)
}

/// The key set a kept key vouches for (its key-set statement,
/// `manifest::KEYSET_TYP`) if the manifest `jws` verifies against it: the
/// set's bytes, its keys and the manifest. `None`: no kept key vouches for
/// a set that signs this manifest.
fn follow_rotation<F: Fetch>(
    net: &mut Counted<'_, F>,
    kept: &Keys,
    jws: &str,
    now: i64,
) -> Result<Option<(Vec<u8>, Keys, Manifest)>, SyncError> {
    let mut kids: Vec<&str> = kept.kids().collect();
    kids.sort_unstable();
    for kid in kids {
        let Some(statement) = net.get(&manifest::keyset_path(kid))? else {
            continue;
        };
        let Ok(statement) = std::str::from_utf8(&statement) else {
            continue;
        };
        let Ok(set) =
            bizseal_client::badges::jws::verify(statement.trim(), kept, manifest::KEYSET_TYP)
        else {
            continue;
        };
        let Ok(keys) = Keys::from_jwks(&set) else {
            continue;
        };
        if let Ok(m) = Manifest::verify(jws, &keys, now) {
            return Ok(Some((set, keys, m)));
        }
    }
    Ok(None)
}

/// The list at `latest.version`, from what is held.
fn reach<F: Fetch>(
    net: &mut Counted<'_, F>,
    latest: &Manifest,
    held: Option<&(Manifest, BadgeList)>,
) -> Result<(BadgeList, &'static str), SyncError> {
    let plan = latest.plan(held.map(|(m, l)| (m.version, l.prefix_bits())));
    let (mut list, deltas, took) = match plan {
        Plan::UpToDate => match held {
            Some((_, list)) => (list.clone(), Vec::new(), "up_to_date"),
            None => return Err(SyncError::Checksum),
        },
        Plan::Deltas(deltas) => match held {
            Some((_, list)) => (list.clone(), deltas, "deltas"),
            None => return Err(SyncError::Checksum),
        },
        Plan::Snapshot(snapshot, deltas) => {
            let bytes = net.file(snapshot)?;
            let (list, _) = BadgeList::decode(&bytes)
                .map_err(|_| SyncError::Mismatch(snapshot.path.clone()))?;
            (list, deltas, "snapshot")
        }
    };
    for d in deltas {
        let bytes = net.file(d)?;
        let delta = Delta::decode(&bytes).map_err(|_| SyncError::Mismatch(d.path.clone()))?;
        list = delta.apply(&list).map_err(|_| SyncError::Checksum)?;
    }
    if list.prefix_bits() != latest.prefix_bits || list.checksum() != latest.set_sha256 {
        return Err(SyncError::Checksum);
    }
    Ok((list, took))
}

/// The manifest and list held, if both are whole and agree.
fn held(dir: &Path, keys: &Keys) -> Option<(Manifest, BadgeList)> {
    let jws = fs::read_to_string(dir.join(MANIFEST)).ok()?;
    let m = Manifest::verify_signature(&jws, keys).ok()?;
    let (list, version) = BadgeList::decode(&fs::read(dir.join(LIST)).ok()?).ok()?;
    (version == m.version && list.checksum() == m.set_sha256).then_some((m, list))
}

fn read_book(dir: &Path) -> Result<Vec<String>, SyncError> {
    match fs::read_to_string(dir.join(NUMBERS)) {
        Ok(text) => Ok(text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e.into()),
    }
}

/// Writes a file whole or not at all: a temporary file, fsynced, renamed.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp: PathBuf = path.with_extension("tmp");
    let mut f = fs::File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    fs::rename(&tmp, path)
}

/// The state directory, loaded for checking: offline, no bizseal needed.
pub struct Local {
    dir: PathBuf,
    keys: Keys,
    manifest: Manifest,
    list: BadgeList,
    buckets: BTreeMap<String, Option<Bucket>>,
}

impl Local {
    /// Loads and checks the state directory: the manifest verifies against
    /// the kept keys and has not expired at `now`, and the list is the
    /// manifest's.
    pub fn open(dir: &Path, now: i64) -> Result<Local, SyncError> {
        let read = |name: &str| {
            fs::read(dir.join(name))
                .map_err(|_| SyncError::NotSynced(format!("no {name} in {}", dir.display())))
        };
        let keys = Keys::from_jwks(&read(JWKS)?).map_err(|_| SyncError::Keys)?;
        let jws =
            String::from_utf8(read(MANIFEST)?).map_err(|_| SyncError::Mismatch(MANIFEST.into()))?;
        let manifest = Manifest::verify(&jws, &keys, now)?;
        let (list, version) =
            BadgeList::decode(&read(LIST)?).map_err(|_| SyncError::Mismatch(LIST.into()))?;
        if version != manifest.version || list.checksum() != manifest.set_sha256 {
            return Err(SyncError::Checksum);
        }
        Ok(Local {
            dir: dir.to_owned(),
            keys,
            manifest,
            list,
            buckets: BTreeMap::new(),
        })
    }

    /// The list's version.
    pub fn version(&self) -> u64 {
        self.manifest.version
    }

    /// The verdict for a number in E.164.
    pub fn check(&mut self, e164: &str, now: i64) -> Verdict {
        let hash = number_hash(e164);
        let bucket = if self.list.may_contain(&hash) {
            let name = format!("{}.json", self.manifest.bucket_prefix(&hash));
            let dir = &self.dir;
            self.buckets
                .entry(name)
                .or_insert_with_key(|name| {
                    fs::read(dir.join(ANSWERS).join(name))
                        .ok()
                        .and_then(|b| Bucket::parse(&b).ok())
                })
                .as_ref()
        } else {
            None
        };
        check(e164, &hash, &self.list, bucket, &self.keys, now)
    }
}

/// Numbers as typed, in E.164 (`region` reads national forms), or why
/// each is not a number.
pub fn parse_numbers(inputs: &[String], region: Option<Region>) -> Vec<Result<String, String>> {
    inputs
        .iter()
        .map(|input| {
            PhoneNumber::parse(input, region)
                .map(|n| n.as_str().to_owned())
                .map_err(|e| e.to_string())
        })
        .collect()
}
