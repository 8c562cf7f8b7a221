//! The transparency log as C2SP tlog-tiles with a signed-note checkpoint,
//! beside the JSON API of `service::translog`: the same tree, in the form
//! that static hosting, caches and existing witnesses and monitors read.
//!
//! The formats are bizseal-client's (`tiles`, `checkpoint`, `note`): this
//! module only reads the store and signs. The checkpoint's key is the
//! service's active signing key under the key name `log_origin`, so its
//! verifier key changes when the signing key rotates (every key ever
//! stored is listed by [`Service::log_vkeys`]). Witness cosignatures
//! (tlog-cosignature, Ed25519 v1) by the configured witnesses are taken
//! with [`Service::add_cosignatures`] and served with the checkpoint they
//! sign while it is the current one; they are kept in memory only (a
//! witness cosigns again at its next round).

use bizseal_client::checkpoint::Checkpoint;
use bizseal_client::note::{self, Note, Signature, Vkey};
use bizseal_client::tiles::{self, Kind, Source, Tile, TileError, WIDTH};

use super::{Service, ServiceError};
use crate::keys::Keyring;
use crate::store::prelude::*;
use crate::store::{LogNodes, Reader, StoreError};
use crate::translog::merkle::{self, Hash};

/// The cosignatures gathered for one checkpoint text.
#[derive(Debug, Default)]
pub struct Cosigned {
    text: String,
    size: u64,
    signatures: Vec<Signature>,
}

/// The store, as tiles are read from it.
struct StoreSource<'a> {
    reader: &'a Reader,
    nodes: LogNodes,
}

impl Source for StoreSource<'_> {
    type Error = StoreError;

    fn hashes(&mut self, level: u8, start: u64, end: u64) -> Result<Vec<Hash>, StoreError> {
        self.nodes.row(level, start, end)
    }

    fn entries(&mut self, start: u64, end: u64) -> Result<Vec<Vec<u8>>, StoreError> {
        let rows = self.reader.log_entries(start, end)?;
        if rows.len() as u64 != end - start {
            return Err(StoreError::Corrupt(format!(
                "log entries {start}..{end} are not all there"
            )));
        }
        Ok(rows.into_iter().map(|(_, bytes)| bytes).collect())
    }
}

fn tile_error(e: TileError<StoreError>) -> ServiceError {
    match e {
        TileError::Fetch(e) => e.into(),
        other => StoreError::Internal(format!("the log's tiles: {other}")).into(),
    }
}

/// The verifier key of a public key for checkpoints named `origin`.
fn vkey(origin: &str, public: &[u8]) -> Result<Vkey, ServiceError> {
    let public: [u8; 32] = public
        .try_into()
        .map_err(|_| StoreError::Corrupt("a stored public key is not 32 bytes".into()))?;
    Vkey::new(origin, note::ED25519, public)
        .map_err(|e| ServiceError::invalid("log_origin", e.to_string()))
}

impl Service {
    /// The checkpoints' verifier keys: the active signing key's first, then
    /// the others, newest first (a client trusting an old one can still
    /// check the checkpoints signed before a rotation).
    pub fn log_vkeys(&self) -> Result<Vec<Vkey>, ServiceError> {
        let keyring = self.keyring();
        let origin = &self.config.log_origin;
        let mut keys: Vec<_> = keyring.published().iter().collect();
        keys.sort_by_key(|k| (k.kid != keyring.active_kid(), -k.created_at));
        keys.into_iter().map(|k| vkey(origin, &k.public)).collect()
    }

    /// The origin line of the checkpoints.
    pub fn log_origin(&self) -> &str {
        &self.config.log_origin
    }

    /// The witnesses whose cosignatures are taken.
    pub fn log_witnesses(&self) -> &[Vkey] {
        &self.config.log_witnesses
    }

    /// The signed checkpoint of the log as it is now, with the witness
    /// cosignatures gathered for exactly this tree.
    pub fn checkpoint(&self) -> Result<Vec<u8>, ServiceError> {
        let r = self.store.read()?;
        let (_, bytes) = self.checkpoint_at(&r)?;
        Ok(bytes)
    }

    fn checkpoint_at(&self, r: &Reader) -> Result<(u64, Vec<u8>), ServiceError> {
        let size = r.log_size()?;
        let nodes = r.log_nodes()?;
        let root = merkle::root(size, |t| nodes.get(t))?;
        let text = Checkpoint::new(&self.config.log_origin, size, root).text();
        let keyring = self.keyring();
        let mut note = Note {
            signatures: vec![self.log_signature(&keyring, &text)?],
            text,
        };
        if let Ok(cosigned) = self.cosigned.lock() {
            if cosigned.text == note.text {
                note.signatures.extend(cosigned.signatures.iter().cloned());
            }
        }
        Ok((size, note.to_bytes()))
    }

    fn log_signature(&self, keyring: &Keyring, text: &str) -> Result<Signature, ServiceError> {
        let active = keyring
            .published()
            .iter()
            .find(|k| k.kid == keyring.active_kid())
            .ok_or_else(|| StoreError::Corrupt("the active key is not stored".into()))?;
        let key = vkey(&self.config.log_origin, &active.public)?;
        Ok(note::sign(&key, text, |m| keyring.sign(m)))
    }

    /// One tile or entry bundle by its path under the log prefix
    /// (`tile/0/x001/234`, `tile/entries/005.p/17`), if the log holds it:
    /// a full tile once its 256 hashes exist, a partial one of any width
    /// the log has reached.
    pub fn log_tile(&self, path: &str) -> Result<(Tile, Vec<u8>), ServiceError> {
        let tile = Tile::parse(path).map_err(|e| ServiceError::invalid("path", e.to_string()))?;
        let r = self.store.read()?;
        let size = r.log_size()?;
        // Tile level l holds tree level 8l; from tile level 8 on no u64
        // tree has a hash there (and 8l no longer fits a u8).
        let (level, count) = match tile.kind {
            Kind::Entries => (0, size),
            Kind::Hashes(l) => match l.checked_mul(8) {
                Some(level) => (level, size.checked_shr(u32::from(level)).unwrap_or(0)),
                None => return Err(ServiceError::NotFound("tile")),
            },
        };
        let start = tile.index.checked_mul(WIDTH);
        let end = start.and_then(|s| s.checked_add(u64::from(tile.width)));
        let (Some(start), Some(end)) = (start, end) else {
            return Err(ServiceError::NotFound("tile"));
        };
        if end > count {
            return Err(ServiceError::NotFound("tile"));
        }
        let mut source = StoreSource {
            reader: &r,
            nodes: r.log_nodes()?,
        };
        let bytes = match tile.kind {
            Kind::Entries => {
                let entries = source.entries(start, end)?;
                tiles::encode_bundle(&entries).map_err(tile_error)?
            }
            Kind::Hashes(_) => source.hashes(level, start, end)?.concat(),
        };
        Ok((tile, bytes))
    }

    /// The files that publish the log grown from `previous` entries (0 the
    /// first time) to its current size: new and grown tiles and entry
    /// bundles, then the signed checkpoint, last; each (path under the
    /// log prefix, bytes). Returns the new size with them, to pass as
    /// `previous` next time. All read from one snapshot.
    pub fn published_log_files(
        &self,
        previous: u64,
        mut sink: impl FnMut(String, Vec<u8>) -> Result<(), StoreError>,
    ) -> Result<u64, ServiceError> {
        let r = self.store.read()?;
        let (size, checkpoint) = self.checkpoint_at(&r)?;
        let mut source = StoreSource {
            reader: &r,
            nodes: r.log_nodes()?,
        };
        tiles::write_files(previous, &checkpoint, &mut source, &mut sink).map_err(tile_error)?;
        Ok(size)
    }

    /// Takes the witness cosignatures a checkpoint carries: each
    /// signature line by a configured witness must verify (others are
    /// ignored), and the checkpoint must be one this log signs: its
    /// origin, a size it has reached and the root it had then. Returns how
    /// many cosignatures were taken.
    pub fn add_cosignatures(&self, bytes: &[u8]) -> Result<usize, ServiceError> {
        let witnesses = self.log_witnesses();
        if witnesses.is_empty() {
            return Err(ServiceError::invalid(
                "checkpoint",
                "this log takes no cosignatures: no witness is configured",
            ));
        }
        let note =
            Note::parse(bytes).map_err(|e| ServiceError::invalid("checkpoint", e.to_string()))?;
        let checkpoint = Checkpoint::parse_text(&note.text)
            .map_err(|e| ServiceError::invalid("checkpoint", e.to_string()))?;
        if checkpoint.origin != self.config.log_origin {
            return Err(ServiceError::invalid(
                "checkpoint",
                "the checkpoint is for another log",
            ));
        }
        {
            let r = self.store.read()?;
            let size = r.log_size()?;
            if checkpoint.size > size {
                return Err(ServiceError::invalid(
                    "checkpoint",
                    format!("the log has {size} entries"),
                ));
            }
            let nodes = r.log_nodes()?;
            if merkle::root(checkpoint.size, |t| nodes.get(t))? != checkpoint.root {
                return Err(ServiceError::invalid(
                    "checkpoint",
                    "the root is not this log's at that size",
                ));
            }
        }
        let verified = note
            .verify(witnesses)
            .map_err(|e| ServiceError::invalid("checkpoint", e.to_string()))?;
        let taken: Vec<Signature> = note
            .signatures
            .iter()
            .filter(|s| {
                verified
                    .iter()
                    .any(|v| v.key.name() == s.name && v.key.id() == s.id)
            })
            .cloned()
            .collect();
        let mut cosigned = self
            .cosigned
            .lock()
            .map_err(|_| StoreError::Internal("the cosignature lock is poisoned".into()))?;
        if cosigned.text != note.text {
            if checkpoint.size < cosigned.size {
                // An older head than the one already cosigned: nothing to
                // serve it with.
                return Ok(0);
            }
            *cosigned = Cosigned {
                text: note.text.clone(),
                size: checkpoint.size,
                signatures: Vec::new(),
            };
        }
        let mut count = 0;
        for sig in taken {
            // One cosignature a witness: the newest. Re-posting an older
            // (still valid) one must not roll the witness's time back.
            let same = |s: &Signature| s.name == sig.name && s.id == sig.id;
            if let Some(held) = cosigned.signatures.iter().find(|s| same(s)) {
                if cosigned_at(held) >= cosigned_at(&sig) {
                    continue;
                }
            }
            cosigned.signatures.retain(|s| !same(s));
            cosigned.signatures.push(sig);
            count += 1;
        }
        Ok(count)
    }
}

/// The time a verified cosignature (tlog-cosignature v1: an 8-byte
/// big-endian timestamp, then the signature) says it was made.
fn cosigned_at(sig: &Signature) -> u64 {
    sig.bytes
        .get(..8)
        .and_then(|t| t.try_into().ok())
        .map_or(0, u64::from_be_bytes)
}
