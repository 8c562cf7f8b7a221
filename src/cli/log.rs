//! The transparency log's client commands: `verify --bundle` (a badge
//! bundle checked offline) and `audit` (a monitor).
//!
//! The monitor downloads the signed tree head and every entry, rebuilds
//! the tree and compares roots; checks every tree head it saw on earlier
//! runs (kept in a small state file) against the tree it rebuilt and
//! through the server's consistency proofs; and lists every badge issued
//! to a name confusable with another verified business. Any inconsistency
//! is printed and makes the exit code 1; confusable names are findings
//! for a person to look at and do not change it.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};

use crate::keys::VerifyingKeys;
use crate::model::{now, Level};
use crate::service::confusable::{probes, variants};
use crate::translog::bundle::{self, Bundle};
use crate::translog::entry::{Entry, Kind};
use crate::translog::merkle::{Hash, MemoryTree};
use crate::translog::{b64, ConsistencyProof, EntryView, Sth};

/// Largest bundle file read; a real one is a few KiB.
const MAX_BUNDLE_BYTES: u64 = 1024 * 1024;
/// Largest answer the monitor reads: a full page of entries is ~0.5 MiB.
const MAX_ANSWER_BYTES: u64 = 16 * 1024 * 1024;
/// Tree heads kept in the state file. Consistency is transitive, so the
/// newest few prove as much as all of them; the cap keeps the file small.
const MAX_SEEN_HEADS: usize = 32;

/// `bizseal verify --bundle FILE_OR_-`: the bundle may be the bare
/// `{token, proof, sth}` or a whole lookup answer that carries one.
pub fn verify_bundle(
    source: &str,
    keys: &VerifyingKeys,
    number: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let mut text = String::new();
    if source == "-" {
        std::io::stdin()
            .take(MAX_BUNDLE_BYTES)
            .read_to_string(&mut text)
            .context("cannot read the bundle from stdin")?;
    } else {
        std::fs::File::open(source)
            .with_context(|| format!("cannot read {source}"))?
            .take(MAX_BUNDLE_BYTES)
            .read_to_string(&mut text)
            .with_context(|| format!("cannot read {source}"))?;
    }
    let mut value: serde_json::Value =
        serde_json::from_str(&text).context("the bundle is not JSON")?;
    if let Some(inner) = value.get_mut("bundle") {
        value = inner.take();
    }
    if value.is_null() {
        bail!("the answer carries no bundle (the number shows no logged token)");
    }
    let bundle: Bundle =
        serde_json::from_value(value).context("not a bundle: expected {token, proof, sth}")?;
    match bundle::verify(&bundle, keys, now(), number) {
        Ok(v) => {
            println!("{}", serde_json::to_string_pretty(&v.claims)?);
            println!(
                "verdict: ok (entry {} of a log of {} entries, tree head signed at {} ms)",
                v.leaf_index, v.tree_size, v.sth_timestamp
            );
            println!(
                "note: checked offline; the bundle proves the badge was issued in public, \
                 not that it has not been revoked since"
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            println!("verdict: {e}");
            Ok(ExitCode::FAILURE)
        }
    }
}

/// The monitor's memory between runs.
#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    heads: Vec<Sth>,
}

fn load_state(path: &Path) -> anyhow::Result<State> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text)
            .with_context(|| format!("{} is not a monitor state file", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

/// Writes the state beside its final path and renames it over, so a crash
/// never leaves half a file.
fn save_state(path: &Path, state: &State) -> anyhow::Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, serde_json::to_vec_pretty(state)?)
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

struct Client {
    http: super::http::Http,
    base: String,
}

impl Client {
    fn get<T: serde::de::DeserializeOwned>(&self, path: &str) -> anyhow::Result<T> {
        let url = format!("{}{path}", self.base);
        let body = self.http.need(&url, MAX_ANSWER_BYTES)?;
        serde_json::from_slice(&body).with_context(|| format!("{url} did not answer as expected"))
    }
}

#[derive(Deserialize)]
struct EntriesPage {
    entries: Vec<EntryView>,
}

/// `bizseal audit --from URL`.
pub fn audit(
    from: &str,
    state_path: &Path,
    jwks: Option<&str>,
    load_jwks: impl Fn(&str) -> anyhow::Result<serde_json::Value>,
) -> anyhow::Result<ExitCode> {
    let base = from.trim_end_matches('/').to_owned();
    let jwks_source = jwks.map_or_else(|| format!("{base}/.well-known/jwks.json"), str::to_owned);
    let keys = VerifyingKeys::from_jwks(&load_jwks(&jwks_source)?)?;
    let client = Client {
        http: super::http::Http::new(std::time::Duration::from_secs(60)),
        base,
    };
    let mut state = load_state(state_path)?;
    let mut problems = Vec::new();

    let sth: Sth = client.get("/v1/log/sth")?;
    let root = match sth.verify(&keys) {
        Ok(root) => root,
        Err(e) => {
            println!(
                "INCONSISTENT: the tree head of size {} does not verify: {e}",
                sth.tree_size
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    let (tree, entries) = download(&client, sth.tree_size, &mut problems)?;
    if problems.is_empty() && tree.root() != root {
        problems.push(format!(
            "the {} entries hash to {}, the signed head says {}",
            sth.tree_size,
            b64(&tree.root()),
            sth.root_hash
        ));
    }
    if problems.is_empty() {
        problems.extend(check_seen_heads(&tree, &sth, &state.heads));
        for seen in &state.heads {
            if let Err(e) = check_proof(&client, seen, &sth) {
                problems.push(format!(
                    "the consistency proof from the head of size {} to {}: {e:#}",
                    seen.tree_size, sth.tree_size
                ));
            }
        }
    }
    println!(
        "log {}: {} entries, root {}, checked against {} earlier tree heads",
        client.base,
        sth.tree_size,
        sth.root_hash,
        state.heads.len()
    );
    for f in confusables(&entries) {
        println!(
            "confusable: entry {} serial {} number {} business {} \"{}\" looks like business {} \"{}\"",
            f.index, f.serial, f.number, f.business, f.name, f.other_business, f.other_name
        );
    }
    if !problems.is_empty() {
        for p in &problems {
            println!("INCONSISTENT: {p}");
        }
        println!(
            "evidence: {}",
            serde_json::to_string(&serde_json::json!({ "head": sth, "seen": state.heads }))?
        );
        return Ok(ExitCode::FAILURE);
    }
    if !state
        .heads
        .iter()
        .any(|h| h.tree_size == sth.tree_size && h.root_hash == sth.root_hash)
    {
        state.heads.push(sth);
    }
    state.heads.sort_by_key(|h| h.tree_size);
    let excess = state.heads.len().saturating_sub(MAX_SEEN_HEADS);
    state.heads.drain(..excess);
    save_state(state_path, &state)?;
    println!("consistent");
    Ok(ExitCode::SUCCESS)
}

/// Every entry of the tree of `size`, each checked to say what its bytes
/// say, and the tree rebuilt from them.
fn download(
    client: &Client,
    size: u64,
    problems: &mut Vec<String>,
) -> anyhow::Result<(MemoryTree, Vec<(u64, Entry)>)> {
    let mut tree = MemoryTree::new();
    let mut entries = Vec::with_capacity(size.min(1 << 20) as usize);
    while tree.size() < size {
        let start = tree.size();
        let page: EntriesPage =
            client.get(&format!("/v1/log/entries?start={start}&end={}", size - 1))?;
        if page.entries.is_empty() {
            problems.push(format!(
                "the head says {size} entries, the log gave {start}"
            ));
            break;
        }
        for view in page.entries {
            let expected = tree.size();
            if view.index != expected || expected >= size {
                problems.push(format!("asked for entry {expected}, got {}", view.index));
                return Ok((tree, entries));
            }
            match view.entry() {
                Ok((bytes, entry)) => {
                    tree.push(&bytes);
                    entries.push((view.index, entry));
                }
                Err(e) => {
                    problems.push(format!("entry {}: {e}", view.index));
                    return Ok((tree, entries));
                }
            }
        }
    }
    Ok((tree, entries))
}

/// Compares each earlier head with the rebuilt tree: a head of a size the
/// tree has must have the tree's root at that size (two heads of one size
/// with different roots are a fork), and no head may be larger than the
/// log now is.
fn check_seen_heads(tree: &MemoryTree, now: &Sth, seen: &[Sth]) -> Vec<String> {
    let mut problems = Vec::new();
    for h in seen {
        if h.tree_size > now.tree_size {
            problems.push(format!(
                "the log shrank: a head of size {} was seen, now it has {}",
                h.tree_size, now.tree_size
            ));
        } else if h.root_hash != b64(&tree.root_at(h.tree_size)) {
            problems.push(format!(
                "fork: the head of size {} seen before has root {}, the log's tree of that size has {}",
                h.tree_size,
                h.root_hash,
                b64(&tree.root_at(h.tree_size))
            ));
        }
    }
    problems
}

/// Asks the server to prove that an earlier head is a prefix of the
/// current one, and checks the proof.
fn check_proof(client: &Client, seen: &Sth, now: &Sth) -> anyhow::Result<()> {
    if seen.tree_size == 0 || seen.tree_size > now.tree_size {
        return Ok(());
    }
    let (first, second): (Hash, Hash) = (seen.root()?, now.root()?);
    let proof: ConsistencyProof = client.get(&format!(
        "/v1/log/consistency?first={}&second={}",
        seen.tree_size, now.tree_size
    ))?;
    if proof.first != seen.tree_size || proof.second != now.tree_size {
        bail!("the server answered for other sizes");
    }
    proof.verify(&first, &second)?;
    Ok(())
}

/// An issued badge whose name is confusable with another verified business.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub index: u64,
    pub serial: String,
    pub number: String,
    pub business: String,
    pub name: String,
    pub other_business: String,
    pub other_name: String,
}

/// Every issued badge whose name is confusable with that of another
/// business the log shows as verified (holding a level A badge that was
/// not revoked), one finding per (business, number, other business).
pub fn confusables(entries: &[(u64, Entry)]) -> Vec<Finding> {
    let revoked: HashSet<&str> = entries
        .iter()
        .filter(|(_, e)| e.kind == Kind::Revoked)
        .map(|(_, e)| e.serial.as_str())
        .collect();
    // Name key variant → (business, name) of verified businesses.
    let mut index: HashMap<String, BTreeSet<(&str, &str)>> = HashMap::new();
    for (_, e) in entries {
        if e.kind == Kind::Issued && e.level == Level::A && !revoked.contains(e.serial.as_str()) {
            for v in variants(&e.name) {
                index
                    .entry(v)
                    .or_default()
                    .insert((e.business.as_str(), e.name.as_str()));
            }
        }
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, e) in entries {
        if e.kind != Kind::Issued {
            continue;
        }
        let mut others = BTreeSet::new();
        for p in probes(&e.name) {
            if let Some(hits) = index.get(&p) {
                others.extend(hits.iter().filter(|(b, _)| *b != e.business));
            }
        }
        for (other_business, other_name) in others {
            if seen.insert((e.business.clone(), e.number.clone(), other_business)) {
                out.push(Finding {
                    index: *i,
                    serial: e.serial.clone(),
                    number: e.number.clone(),
                    business: e.business.clone(),
                    name: e.name.clone(),
                    other_business: other_business.to_owned(),
                    other_name: other_name.to_owned(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{self, Keyring};

    fn issued(business: &str, number: &str, name: &str, level: Level, serial: &str) -> Entry {
        Entry {
            kind: Kind::Issued,
            at: 1,
            level,
            serial: serial.into(),
            number: number.into(),
            business: business.into(),
            name: name.into(),
            token_sha256: Some([0; 32]),
        }
    }

    #[test]
    fn a_badge_for_a_lookalike_of_a_verified_name_is_found() {
        let mut revocation = issued("b3", "+3", "Banco Santander", Level::A, "S3");
        revocation.kind = Kind::Revoked;
        revocation.token_sha256 = None;
        let entries: Vec<(u64, Entry)> = vec![
            issued("b1", "+1", "KLM", Level::A, "S1"),
            issued("b2", "+2", "\u{041A}L\u{041C}", Level::B, "S2"),
            issued("b1", "+1", "KLM", Level::A, "S1b"),
            issued("b3", "+3", "Banco Santander", Level::A, "S3"),
            revocation,
            issued("b4", "+4", "Banco Santamder", Level::B, "S4"),
            issued("b5", "+5", "Iberia", Level::A, "S5"),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, e)| (i as u64, e))
        .collect();
        let found = confusables(&entries);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].business, "b2");
        assert_eq!(found[0].other_business, "b1");
        assert_eq!(found[0].index, 1);
    }

    #[test]
    fn seen_heads_that_disagree_with_the_rebuilt_tree_are_reported() {
        let ring = {
            let master = keys::MasterKey::from_bytes(&[7; 32]);
            Keyring::load(&[keys::generate(0, &master).unwrap()], &master).unwrap()
        };
        let mut tree = MemoryTree::new();
        for i in 0..10u8 {
            tree.push(&[i]);
        }
        let now = Sth::sign(&ring, 10, 2, &tree.root());
        let good = Sth::sign(&ring, 6, 1, &tree.root_at(6));
        assert!(check_seen_heads(&tree, &now, std::slice::from_ref(&good)).is_empty());
        let forked = Sth::sign(&ring, 6, 1, &tree.root_at(5));
        let bigger = Sth::sign(&ring, 11, 1, &tree.root());
        let problems = check_seen_heads(&tree, &now, &[good, forked, bigger]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("fork"));
        assert!(problems[1].starts_with("the log shrank"));
    }
}
