//! Publishing the directory as static files any web server or CDN can
//! serve: the badge list (`badges/`: snapshot, deltas, signed answers,
//! manifest), the transparency log as C2SP tlog-tiles (`log/`: `tile/...`
//! and the signed `checkpoint`) and the keys (`.well-known/jwks.json`), so
//! that the root URL is all a client needs (`bizseal client sync`,
//! `bizseal client log`).
//!
//! - [`dest`]: where the tree goes (an `object_store`) and the order files
//!   are put in: content first, the files that name them last.
//! - [`badges`]: the badge list's files for one publish, planned from what
//!   the destination already holds.
//!
//! A publish reads one snapshot of the store (`lookup::badged`), so what
//! it writes is one state of the directory. It is crash-safe (a kill
//! leaves the previous version whole) and idempotent (a second publish
//! with no change writes nothing). A revocation reaches a syncing client
//! within one publish interval plus the manifest's cache lifetime.

pub mod badges;
pub mod dest;

use std::sync::Arc;
use std::time::{Duration, Instant};

use bizseal_client::badges::jws::Keys;
use serde::Serialize;

use crate::model::now;
use crate::service::{Service, ServiceError};
use dest::{DestError, Destination, Files};

/// Seconds between two publishes of a serving process, by default: five
/// minutes, so that with the manifest's minute of caching a revocation
/// reaches syncing clients within six.
pub const DEFAULT_INTERVAL_SECS: u32 = 300;

/// Seconds a cache may keep the manifest, by default (and the
/// `Cache-Control` deploy/nginx.conf gives it).
pub const DEFAULT_MAX_AGE_SECS: u32 = 60;

/// How long a manifest is trusted, by default: a day. It bounds what a
/// mirror or cache that freezes the tree (keeps serving an old, validly
/// signed version: a revoked number still listed) can hide from a client;
/// the price is that a client which cannot reach a fresh manifest for
/// longer (the origin down a day) stops checking until it can. A publish
/// re-signs the manifest once it is half that old, even with no change.
pub const DEFAULT_VALIDITY_SECS: u32 = 24 * 3600;

/// Where the keys go, under the root.
pub const JWKS_PATH: &str = ".well-known/jwks.json";

/// The transparency log's tlog-tiles prefix, under the root.
pub const LOG_DIR: &str = "log";

/// How publishing is timed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Seconds between publishes (advisory in the manifest).
    pub interval: u32,
    /// Seconds a cache may keep the manifest.
    pub max_age: u32,
    /// Seconds a manifest is trusted.
    pub validity: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            interval: DEFAULT_INTERVAL_SECS,
            max_age: DEFAULT_MAX_AGE_SECS,
            validity: DEFAULT_VALIDITY_SECS,
        }
    }
}

/// A publish failed.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error(transparent)]
    Dest(#[from] DestError),
    #[error("the publish task stopped: {0}")]
    Task(String),
}

/// What a publish did.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The list's version now published.
    pub version: u64,
    /// Whether anything was written (a publish with no change writes
    /// nothing).
    pub written: bool,
    /// Whether the list changed (a new version).
    pub changed: bool,
    /// Badged numbers (distinct prefixes may be slightly fewer).
    pub badged: u64,
    pub prefix_bits: u8,
    pub files: usize,
    pub bytes: u64,
    pub buckets_written: usize,
    pub delta_bytes: Option<u64>,
    pub snapshot_bytes: u64,
    pub snapshot_written: bool,
    /// Obsolete files removed.
    pub removed: usize,
    /// Entries in the published log, and the log's files written (new or
    /// grown tiles and the checkpoint; none when the log did not grow).
    pub log_size: u64,
    pub log_files: usize,
    pub millis: u128,
}

/// Publishes the badge list and the keys to `dest` once.
pub async fn publish(
    service: &Arc<Service>,
    dest: &Destination,
    settings: Settings,
) -> Result<Report, PublishError> {
    let started = Instant::now();
    let jwks_value = service.jwks();
    let jwks = serde_json::to_vec_pretty(&jwks_value).unwrap_or_default();
    // Our own JWKS parses: a failure here would be a bug, and then the
    // previous manifest is simply not trusted (a new snapshot follows).
    let keys = Keys::from_jwks(&jwks).unwrap_or_default();
    let previous = badges::previous(dest, &keys).await?;
    let old_jwks = dest.get(JWKS_PATH).await?;
    let (mut log, log_size) = log_files(service, dest).await?;
    let log_count = log.len();
    // New keys go first of all: the keys, and each key's statement that
    // vouches for the set (so a client that kept a retired key follows a
    // rotation), before any manifest or token they sign.
    let keys_changed = old_jwks.as_deref() != Some(jwks.as_slice());
    if keys_changed {
        log.first.push((JWKS_PATH.to_owned(), jwks.clone()));
        log.first
            .extend(keyset_statements(&service.keyring(), &keys, &jwks_value));
    }
    let service = Arc::clone(service);
    let (planned, previous, badged) = tokio::task::spawn_blocking(move || {
        let r = service.store().read()?;
        let badged = crate::lookup::badged(&r)?;
        let keyring = service.keyring();
        let planned = badges::plan(
            &r,
            &badged,
            previous.as_ref(),
            &keyring,
            &service.config().issuer,
            &settings,
            now(),
        )?;
        Ok::<_, ServiceError>((planned, previous, badged.len() as u64))
    })
    .await
    .map_err(|e| PublishError::Task(e.to_string()))??;

    let Some(planned) = planned else {
        // Read once, above: the destination is not read again for the report.
        let m = previous_manifest_report(previous.as_ref().map(|p| &p.manifest));
        let (files, bytes) = (log.len(), log.bytes());
        let written = !log.is_empty();
        dest.write(log).await?;
        let removed = sweep_keysets(dest, &keys, keys_changed).await?;
        return Ok(Report {
            written,
            changed: false,
            badged,
            files,
            bytes,
            removed,
            log_size,
            log_files: log_count,
            millis: started.elapsed().as_millis(),
            ..m
        });
    };
    let mut files = log;
    files.first.extend(planned.files.first);
    files.last.extend(planned.files.last);
    let (count, bytes) = (files.len(), files.bytes());
    dest.write(files).await?;
    let removed = sweep(
        dest,
        &planned.manifest,
        previous.as_ref().map(|p| &p.manifest),
        &planned.keep,
    )
    .await?
        + sweep_keysets(dest, &keys, keys_changed).await?;
    let m = &planned.manifest;
    Ok(Report {
        version: m.version,
        written: true,
        changed: planned.changed,
        badged,
        prefix_bits: m.prefix_bits,
        files: count,
        bytes,
        buckets_written: planned.buckets_written,
        delta_bytes: planned.delta_bytes,
        snapshot_bytes: m.snapshot.size,
        snapshot_written: planned.snapshot_written,
        removed,
        log_size,
        log_files: log_count,
        millis: started.elapsed().as_millis(),
    })
}

/// The log's files to publish: the tiles grown since the checkpoint the
/// destination holds (all of them when it holds none, or one that does not
/// parse), then the new checkpoint, last. Nothing when the checkpoint is
/// the one published. Returns them with the log's size.
async fn log_files(
    service: &Arc<Service>,
    dest: &Destination,
) -> Result<(Files, u64), PublishError> {
    let checkpoint_path = format!("{LOG_DIR}/checkpoint");
    let old = dest.get(&checkpoint_path).await?;
    let previous = old
        .as_deref()
        .and_then(|b| bizseal_client::checkpoint::size_of(b).ok())
        .unwrap_or(0);
    let service = Arc::clone(service);
    let (mut out, size) = tokio::task::spawn_blocking(move || {
        let mut out = Vec::new();
        let size = service.published_log_files(previous, |path, bytes| {
            out.push((format!("{LOG_DIR}/{path}"), bytes));
            Ok(())
        })?;
        Ok::<_, ServiceError>((out, size))
    })
    .await
    .map_err(|e| PublishError::Task(e.to_string()))??;
    let mut files = Files::default();
    // The checkpoint comes last from the log's writer; it names the rest.
    match out.pop() {
        Some((path, bytes)) if path == checkpoint_path => {
            if old.as_deref() == Some(bytes.as_slice()) {
                return Ok((files, size));
            }
            files.first = out;
            files.last.push((path, bytes));
        }
        other => {
            // Not what the writer promises: publish nothing of the log
            // rather than tiles without their checkpoint.
            let last = other.map(|(p, _)| p).unwrap_or_default();
            return Err(PublishError::Task(format!(
                "the log's files did not end with its checkpoint (ended with {last:?})"
            )));
        }
    }
    Ok((files, size))
}

/// Where the key-set statements are, under the root.
const KEYSETS_DIR: &str = "badges/keys";

/// One statement a key of `keys` (the published set) signs: the set
/// itself (`manifest::KEYSET_TYP`), at `manifest::keyset_path(kid)`.
fn keyset_statements(
    keyring: &crate::keys::Keyring,
    keys: &Keys,
    jwks: &serde_json::Value,
) -> Vec<(String, Vec<u8>)> {
    use bizseal_client::badges::manifest;
    keys.kids()
        .filter_map(|kid| {
            let jws = crate::token::sign_payload_as(keyring, kid, manifest::KEYSET_TYP, jwks)?;
            Some((manifest::keyset_path(kid), jws.into_bytes()))
        })
        .collect()
}

/// Removes the statements of keys no longer published, after the keys
/// changed.
async fn sweep_keysets(dest: &Destination, keys: &Keys, changed: bool) -> Result<usize, DestError> {
    if !changed {
        return Ok(0);
    }
    let current: std::collections::HashSet<String> = keys
        .kids()
        .map(bizseal_client::badges::manifest::keyset_path)
        .collect();
    dest.sweep(KEYSETS_DIR, |path| current.contains(path)).await
}

/// The report of a publish that wrote nothing: the published manifest's
/// figures.
fn previous_manifest_report(m: Option<&bizseal_client::badges::manifest::Manifest>) -> Report {
    Report {
        version: m.as_ref().map_or(0, |m| m.version),
        written: false,
        changed: false,
        badged: 0,
        prefix_bits: m.as_ref().map_or(0, |m| m.prefix_bits),
        files: 0,
        bytes: 0,
        buckets_written: 0,
        delta_bytes: None,
        snapshot_bytes: m.as_ref().map_or(0, |m| m.snapshot.size),
        snapshot_written: false,
        removed: 0,
        log_size: 0,
        log_files: 0,
        millis: 0,
    }
}

/// Removes the content-addressed files neither the new manifest nor the
/// one before it names (a client may hold the one before for its cache
/// lifetime): list files, and the answers' tree's tiles and buckets
/// (`keep` names those of both).
async fn sweep(
    dest: &Destination,
    new: &bizseal_client::badges::manifest::Manifest,
    old: Option<&bizseal_client::badges::manifest::Manifest>,
    keep_answers: &std::collections::HashSet<String>,
) -> Result<usize, DestError> {
    let mut keep = std::collections::HashSet::new();
    for m in std::iter::once(new).chain(old) {
        keep.insert(m.snapshot.path.clone());
        keep.insert(m.answers.index.path.clone());
        keep.extend(m.deltas.iter().map(|d| d.path.clone()));
    }
    let mut removed = 0;
    for dir in [badges::SNAPSHOT_DIR, badges::DELTA_DIR, badges::INDEX_DIR] {
        removed += dest.sweep(dir, |path| keep.contains(path)).await?;
    }
    for dir in [badges::TREE_DIR, badges::ANSWERS_DIR] {
        removed += dest
            .sweep(dir.trim_end_matches('/'), |path| {
                keep_answers.contains(path)
            })
            .await?;
    }
    Ok(removed)
}

/// Publishes every `settings.interval` seconds until `stop` resolves; a
/// failed publish is logged and tried again at the next tick.
pub async fn every(
    service: Arc<Service>,
    dest: Destination,
    settings: Settings,
    stop: impl std::future::Future<Output = ()>,
) {
    let mut ticks = tokio::time::interval(Duration::from_secs(u64::from(settings.interval.max(1))));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = &mut stop => return,
            _ = ticks.tick() => {}
        }
        match publish(&service, &dest, settings).await {
            Ok(r) if r.written => tracing::info!(
                version = r.version, changed = r.changed, badged = r.badged,
                files = r.files, bytes = r.bytes, millis = r.millis as u64,
                to = ?dest, "published the badge list"
            ),
            Ok(_) => tracing::debug!("badge list unchanged"),
            Err(e) => {
                tracing::warn!(error = %e, to = ?dest, "publishing the badge list failed; trying again at the next interval")
            }
        }
    }
}
