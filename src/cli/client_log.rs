//! `bizseal client log`: a relying client's check of the transparency log
//! through its tiles, from the server (`/log/`) or a published copy
//! (`log/` under the tree's root), which are the same files.
//!
//! It fetches the checkpoint, verifies its signature against the log's
//! verifier key (and the witnesses' cosignatures, if a quorum is asked
//! for), checks that it extends the last checkpoint it accepted (kept in
//! the state dir: a log that went back, or that shows another tree at a
//! size seen before, is a fork), then proves the entries the client relies
//! on are in the tree. Any failure is printed and exits non-zero; the
//! saved checkpoint moves forward only when everything held.
//!
//! The proofs are computed here from at most a handful of tiles each
//! (bizseal-client's `tiles`), so the server learns which tiles were read,
//! never which entry was meant more precisely than its tile of 256.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use bizseal_client::checkpoint::{self, Checkpoint};
use bizseal_client::note::Vkey;
use bizseal_client::tiles::{self, Tile, Tiles};
use serde::Deserialize;

use crate::translog::entry::{Entry, Kind};
use crate::translog::merkle;

/// Largest file fetched: a full tile is 8 KiB, a bundle of 256 entries
/// well under 1 MiB.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// The last accepted checkpoint, in the state dir.
const STATE_FILE: &str = "log-checkpoint";

/// What `bizseal client log` is asked to check.
pub struct LogCheck<'a> {
    /// The server's base URL or the published tree's root (URL or
    /// directory); the log is under `log/`.
    pub from: &'a str,
    pub vkeys: &'a [String],
    pub witnesses: &'a [String],
    pub quorum: usize,
    pub state: &'a Path,
    pub indexes: &'a [u64],
    pub bundles: &'a [String],
}

/// Where the log's files come from.
enum Origin {
    Http {
        http: super::http::Http,
        base: String,
    },
    Dir(PathBuf),
}

impl Origin {
    fn new(from: &str) -> Origin {
        let from = from.trim_end_matches('/');
        if from.starts_with("http://") || from.starts_with("https://") {
            Origin::Http {
                http: super::http::Http::new(std::time::Duration::from_secs(60)),
                base: format!("{from}/log"),
            }
        } else {
            Origin::Dir(Path::new(from).join("log"))
        }
    }

    /// The bytes of `path` under the log prefix.
    fn get(&self, path: &str) -> anyhow::Result<Vec<u8>> {
        match self {
            Origin::Http { http, base } => http.need(&format!("{base}/{path}"), MAX_FILE_BYTES),
            Origin::Dir(dir) => {
                let file = dir.join(path);
                let mut out = Vec::new();
                fs::File::open(&file)
                    .with_context(|| format!("cannot read {}", file.display()))?
                    .take(MAX_FILE_BYTES)
                    .read_to_end(&mut out)
                    .with_context(|| format!("cannot read {}", file.display()))?;
                Ok(out)
            }
        }
    }

    fn tiles(&self, size: u64) -> Tiles<impl FnMut(&Tile) -> anyhow::Result<Vec<u8>> + '_> {
        Tiles::new(size, move |t: &Tile| self.get(&t.path()))
    }
}

/// The part of a badge bundle (`?bundle=1`) this command reads: the token
/// and where its entry is.
#[derive(Deserialize)]
struct BundleRef {
    token: String,
    proof: ProofRef,
}

#[derive(Deserialize)]
struct ProofRef {
    leaf_index: u64,
}

fn read_bundle(source: &str) -> anyhow::Result<BundleRef> {
    let text =
        fs::read_to_string(source).with_context(|| format!("cannot read the bundle {source}"))?;
    let mut value: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{source} is not JSON"))?;
    if let Some(inner) = value.get_mut("bundle") {
        value = inner.take();
    }
    serde_json::from_value(value).with_context(|| format!("{source} is not a badge bundle"))
}

/// Runs the check; prints one line per finding.
pub fn run(check: &LogCheck) -> anyhow::Result<ExitCode> {
    let vkeys = parse_keys(check.vkeys, "--vkey")?;
    let witnesses = parse_keys(check.witnesses, "--witness")?;
    let Some(first) = vkeys.first() else {
        bail!("give the log's verifier key with --vkey (GET /v1/log/vkeys on the server)");
    };
    // The key name of a checkpoint's signature is its origin.
    let origin_name = first.name().to_owned();
    if vkeys.iter().any(|k| k.name() != origin_name) {
        bail!("every --vkey must name the same log");
    }
    if check.quorum > witnesses.len() {
        bail!(
            "--quorum {} needs at least as many --witness keys",
            check.quorum
        );
    }
    let source = Origin::new(check.from);
    let bytes = source.get("checkpoint")?;
    let opened = match checkpoint::open(&bytes, &origin_name, &vkeys, &witnesses, check.quorum) {
        Ok(o) => o,
        Err(e) => {
            println!("FAILED: the checkpoint does not verify: {e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let current = &opened.checkpoint;
    println!(
        "checkpoint: {} entries, root {}, log {}, {} witness cosignature(s)",
        current.size,
        crate::translog::b64(&current.root),
        origin_name,
        opened.witnesses().count()
    );
    let mut tiles = source.tiles(current.size);
    let mut failed = false;

    fs::create_dir_all(check.state)
        .with_context(|| format!("cannot create {}", check.state.display()))?;
    let state_file = check.state.join(STATE_FILE);
    let previous = match fs::read(&state_file) {
        Ok(bytes) => Some(
            // Saved after it verified; opened again in case a key changed.
            checkpoint::open(&bytes, &origin_name, &vkeys, &[], 0)
                .with_context(|| format!("the saved {} does not verify", state_file.display()))?
                .checkpoint,
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).context(format!("cannot read {}", state_file.display())),
    };
    match &previous {
        None => println!("first checkpoint seen: nothing to compare it with"),
        Some(prev) => match extends(prev, current, &mut tiles) {
            Ok(()) => println!(
                "consistent with the last checkpoint seen ({} entries)",
                prev.size
            ),
            Err(e) => {
                println!("FAILED: {e}");
                failed = true;
            }
        },
    }

    for &index in check.indexes {
        match included(&source, &mut tiles, current, index) {
            Ok(entry) => println!("entry {index}: included ({})", describe(&entry)),
            Err(e) => {
                println!("FAILED: entry {index}: {e:#}");
                failed = true;
            }
        }
    }
    for file in check.bundles {
        let outcome = read_bundle(file).and_then(|b| {
            let entry = included(&source, &mut tiles, current, b.proof.leaf_index)?;
            let digest = ring::digest::digest(&ring::digest::SHA256, b.token.as_bytes());
            if entry.kind != Kind::Issued
                || entry.token_sha256.as_ref().map(|h| h.as_slice()) != Some(digest.as_ref())
            {
                bail!(
                    "entry {} is not the issue of this token",
                    b.proof.leaf_index
                );
            }
            Ok((b.proof.leaf_index, entry))
        });
        match outcome {
            Ok((index, entry)) => {
                println!("{file}: its token is entry {index} ({})", describe(&entry))
            }
            Err(e) => {
                println!("FAILED: {file}: {e:#}");
                failed = true;
            }
        }
    }
    if failed {
        return Ok(ExitCode::FAILURE);
    }
    // Only a checkpoint that held up replaces the saved one; written aside
    // and renamed, so a crash leaves the old one whole.
    let grew = previous.as_ref().is_none_or(|p| current.size > p.size);
    if grew {
        let tmp = check.state.join(format!("{STATE_FILE}.tmp"));
        fs::write(&tmp, &bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
        fs::rename(&tmp, &state_file)
            .with_context(|| format!("cannot write {}", state_file.display()))?;
    }
    println!("ok");
    Ok(ExitCode::SUCCESS)
}

fn parse_keys(list: &[String], flag: &str) -> anyhow::Result<Vec<Vkey>> {
    list.iter()
        .flat_map(|s| s.split(','))
        .filter(|s| !s.trim().is_empty())
        .map(|s| Vkey::parse(s).with_context(|| format!("{flag} {s}")))
        .collect()
}

/// Whether `current` extends `previous`, with a consistency proof from
/// the current tree's tiles.
fn extends<F>(
    previous: &Checkpoint,
    current: &Checkpoint,
    tiles: &mut Tiles<F>,
) -> anyhow::Result<()>
where
    F: FnMut(&Tile) -> anyhow::Result<Vec<u8>>,
{
    let proof = if previous.size > 0 && previous.size < current.size {
        tiles
            .consistency_proof(previous.size)
            .map_err(|e| anyhow::anyhow!("no consistency proof from the tiles: {e}"))?
    } else {
        Vec::new()
    };
    checkpoint::check_extends(previous, current, &proof)?;
    Ok(())
}

/// Entry `index`, proven in the tree of `current` from its tiles: the
/// entry bundle's bytes hash to the leaf the inclusion proof starts from.
fn included<F>(
    source: &Origin,
    tiles: &mut Tiles<F>,
    current: &Checkpoint,
    index: u64,
) -> anyhow::Result<Entry>
where
    F: FnMut(&Tile) -> anyhow::Result<Vec<u8>>,
{
    if index >= current.size {
        bail!("the log has {} entries", current.size);
    }
    let tile_error = |e: tiles::TileError<anyhow::Error>| anyhow::anyhow!("{e}");
    let proof = tiles.inclusion_proof(index).map_err(tile_error)?;
    let bundle = tiles.bundle_of(index);
    let bytes = source.get(&bundle.path())?;
    let entries = tiles::decode_bundle::<anyhow::Error>(&bundle, &bytes).map_err(tile_error)?;
    let entry = entries[(index % tiles::WIDTH) as usize];
    let leaf = merkle::leaf_hash(entry);
    merkle::verify_inclusion(index, current.size, &leaf, &proof, &current.root)
        .context("the inclusion proof does not lead to the checkpoint's root")?;
    Entry::decode(entry).context("the entry does not decode")
}

fn describe(e: &Entry) -> String {
    let kind = match e.kind {
        Kind::Issued => "issued",
        Kind::Revoked => "revoked",
    };
    format!(
        "{kind} {} for {} at level {}, {:?}",
        e.serial,
        e.number,
        e.level.as_str(),
        e.name
    )
}
