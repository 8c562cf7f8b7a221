//! The transparency log tables: entries by index, the hashes of every
//! complete subtree, and serial → index.
//!
//! Layout:
//!
//! - `log_entries`: index → the entry's canonical bytes (exactly what is
//!   hashed; see `translog::entry`). Indices are dense from 0, so the tree
//!   size is the last index + 1.
//! - `log_nodes`: (level, index) → SHA-256 of the complete subtree of the
//!   `2^level` leaves from `index * 2^level` (`translog::merkle::Subtree`).
//!   Level 0 holds the leaf hashes. An append writes its leaf hash and the
//!   parent of every subtree it completes (one more on average, at most
//!   log2(n)); these hashes never change afterwards. A root or a proof for
//!   any tree size up to the current one is then O(log n) point reads.
//! - `log_serials`: (serial, kind) → index of the entry that issued (kind 0)
//!   or revoked (kind 1) that serial, for inclusion proofs by `jti`.
//!
//! Appends happen only through [`Writer::log_append`], inside the write
//! transaction of the change they record: the entry, its hashes and the
//! change commit together or not at all.

use redb::{ReadableTable, TableDefinition, WriteTransaction};

use super::read::Tables;
use super::{Reader, StoreError, Writer};
use crate::translog::entry::{Entry, Kind};
use crate::translog::merkle::{self, Hash, Subtree};

pub(super) const LOG_ENTRIES: TableDefinition<u64, &[u8]> = TableDefinition::new("log_entries");
pub(super) const LOG_NODES: TableDefinition<(u8, u64), &[u8; 32]> =
    TableDefinition::new("log_nodes");
pub(super) const LOG_SERIALS: TableDefinition<(&str, u8), u64> =
    TableDefinition::new("log_serials");

/// Creates the log tables (run once at open).
pub(super) fn create_tables(tx: &WriteTransaction) -> Result<(), StoreError> {
    tx.open_table(LOG_ENTRIES)?;
    tx.open_table(LOG_NODES)?;
    tx.open_table(LOG_SERIALS)?;
    Ok(())
}

fn kind_code(kind: Kind) -> u8 {
    match kind {
        Kind::Issued => 0,
        Kind::Revoked => 1,
    }
}

/// The log's reads, the same for a snapshot and a write transaction
/// (`read`).
pub trait LogReads: Tables {
    /// How many entries the log holds.
    fn log_size(&self) -> Result<u64, StoreError> {
        let table = self.table(LOG_ENTRIES)?;
        let last = table.last()?.map_or(0, |(k, _)| k.value() + 1);
        Ok(last)
    }

    /// The index of the entry that issued or revoked `serial`.
    fn log_index(&self, serial: &str, kind: Kind) -> Result<Option<u64>, StoreError> {
        let table = self.table(LOG_SERIALS)?;
        let found = table.get((serial, kind_code(kind)))?.map(|v| v.value());
        Ok(found)
    }
}

impl<T: Tables> LogReads for T {}

/// The stored subtree hashes, opened once for the many reads of one root
/// or proof (opening a table per read would cost more than the read).
pub struct LogNodes {
    table: redb::ReadOnlyTable<(u8, u64), &'static [u8; 32]>,
}

impl LogNodes {
    /// The hash of a complete subtree; a missing one means the tables are
    /// damaged (every complete subtree is written on append).
    pub fn get(&self, t: Subtree) -> Result<Hash, StoreError> {
        let found = self.table.get((t.level, t.index))?.map(|v| *v.value());
        found.ok_or_else(|| missing(t))
    }

    /// The hashes of the complete subtrees `start..end` of one level, in
    /// one range read (a published tile is up to 256 of them).
    pub fn row(&self, level: u8, start: u64, end: u64) -> Result<Vec<Hash>, StoreError> {
        let mut out = Vec::with_capacity(end.saturating_sub(start) as usize);
        for row in self.table.range((level, start)..(level, end))? {
            out.push(*row?.1.value());
        }
        match (start..end).nth(out.len()) {
            Some(index) => Err(missing(Subtree { level, index })),
            None => Ok(out),
        }
    }
}

fn missing(t: Subtree) -> StoreError {
    StoreError::Corrupt(format!(
        "log subtree at level {} index {} is missing",
        t.level, t.index
    ))
}

impl Reader {
    /// The subtree hashes, for computing roots and proofs.
    pub fn log_nodes(&self) -> Result<LogNodes, StoreError> {
        Ok(LogNodes {
            table: self.tx.open_table(LOG_NODES)?,
        })
    }

    /// The entries with indices in `start..end`, in order.
    pub fn log_entries(&self, start: u64, end: u64) -> Result<Vec<(u64, Vec<u8>)>, StoreError> {
        let table = self.tx.open_table(LOG_ENTRIES)?;
        let mut out = Vec::new();
        for row in table.range::<u64>(start..end)? {
            let (k, v) = row?;
            out.push((k.value(), v.value().to_vec()));
        }
        Ok(out)
    }
}

impl Writer {
    /// Appends an entry to the log; returns its index.
    pub fn log_append(&mut self, entry: &Entry) -> Result<u64, StoreError> {
        let bytes = entry
            .encode()
            .map_err(|e| StoreError::Internal(format!("log entry does not encode: {e}")))?;
        let index = self.log_size()?;
        self.tx
            .open_table(LOG_ENTRIES)?
            .insert(index, bytes.as_slice())?;
        let mut nodes = self.tx.open_table(LOG_NODES)?;
        nodes.insert((0, index), &merkle::leaf_hash(&bytes))?;
        for (parent, left, right) in merkle::parents_completed_by(index) {
            let hash = {
                let l = nodes.get((left.level, left.index))?.map(|v| *v.value());
                let r = nodes.get((right.level, right.index))?.map(|v| *v.value());
                match (l, r) {
                    (Some(l), Some(r)) => merkle::node_hash(&l, &r),
                    (None, _) => return Err(missing(left)),
                    (_, None) => return Err(missing(right)),
                }
            };
            nodes.insert((parent.level, parent.index), &hash)?;
        }
        drop(nodes);
        self.tx
            .open_table(LOG_SERIALS)?
            .insert((entry.serial.as_str(), kind_code(entry.kind)), index)?;
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Store;
    use super::*;
    use crate::model::Level;
    use crate::translog::merkle::MemoryTree;

    fn entry(i: u64) -> Entry {
        Entry {
            kind: if i % 5 == 4 {
                Kind::Revoked
            } else {
                Kind::Issued
            },
            at: 1_700_000_000 + i as i64,
            level: Level::A,
            serial: format!("S{i:08}"),
            number: "+31206499123".into(),
            business: "b_01JD7Z3K8QRR1FVQ1Q2JVZPGQT".into(),
            name: "KLM".into(),
            token_sha256: (i % 5 != 4).then_some([i as u8; 32]),
        }
    }

    fn root_of(r: &Reader, size: u64) -> Hash {
        let nodes = r.log_nodes().unwrap();
        merkle::root(size, |t| nodes.get(t)).unwrap()
    }

    #[test]
    fn appends_build_the_same_tree_as_memory_and_commit_with_their_change() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut memory = MemoryTree::new();
        for batch in 0..5u64 {
            store
                .write(|w| {
                    for i in batch * 40..(batch + 1) * 40 {
                        assert_eq!(w.log_append(&entry(i))?, i);
                    }
                    Ok::<_, StoreError>(())
                })
                .unwrap();
            for i in batch * 40..(batch + 1) * 40 {
                memory.push(&entry(i).encode().unwrap());
            }
        }
        let r = store.read().unwrap();
        assert_eq!(r.log_size().unwrap(), 200);
        for size in [1, 2, 3, 64, 100, 127, 128, 199, 200] {
            assert_eq!(root_of(&r, size), memory.root_at(size), "root of {size}");
        }
        assert_eq!(r.log_index("S00000007", Kind::Issued).unwrap(), Some(7));
        assert_eq!(r.log_index("S00000009", Kind::Revoked).unwrap(), Some(9));
        assert_eq!(r.log_index("S00000009", Kind::Issued).unwrap(), None);
        let entries = r.log_entries(198, 500).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1], (199, entry(199).encode().unwrap()));
    }

    #[test]
    fn proofs_from_the_stored_subtrees_verify_for_every_entry_of_a_few_thousand() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let n = 3000u64;
        store
            .write(|w| (0..n).try_for_each(|i| w.log_append(&entry(i)).map(|_| ())))
            .unwrap();
        let r = store.read().unwrap();
        let root = root_of(&r, n);
        let nodes = r.log_nodes().unwrap();
        for i in 0..n {
            let path = merkle::inclusion_proof(i, n, |t| nodes.get(t))
                .unwrap()
                .unwrap();
            let leaf = merkle::leaf_hash(&entry(i).encode().unwrap());
            merkle::verify_inclusion(i, n, &leaf, &path, &root)
                .unwrap_or_else(|e| panic!("entry {i}: {e}"));
            assert!(
                merkle::verify_inclusion(i, n, &merkle::leaf_hash(b"x"), &path, &root).is_err()
            );
        }
        for first in (1..=n).step_by(97) {
            let proof = merkle::consistency_proof(first, n, |t| nodes.get(t))
                .unwrap()
                .unwrap();
            merkle::verify_consistency(first, n, &root_of(&r, first), &root, &proof)
                .unwrap_or_else(|e| panic!("first {first}: {e}"));
        }
    }

    #[test]
    fn a_write_that_fails_after_appending_leaves_the_log_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store
            .write(|w| (0..3).try_for_each(|i| w.log_append(&entry(i)).map(|_| ())))
            .unwrap();
        let before = root_of(&store.read().unwrap(), 3);
        let crashed = store.write(|w| {
            w.log_append(&entry(3))?;
            w.log_append(&entry(4))?;
            Err::<(), StoreError>(StoreError::Unavailable("disk full".into()))
        });
        assert!(crashed.is_err());
        let r = store.read().unwrap();
        assert_eq!(r.log_size().unwrap(), 3);
        assert_eq!(root_of(&r, 3), before);
        assert_eq!(r.log_index("S00000003", Kind::Issued).unwrap(), None);
        let nodes = r.log_nodes().unwrap();
        assert!(nodes.get(Subtree { level: 0, index: 3 }).is_err());
        drop(nodes);
        drop(r);
        // The next append takes the index the failed one would have had.
        let index = store.write(|w| w.log_append(&entry(3))).unwrap();
        assert_eq!(index, 3);
        let mut memory = MemoryTree::new();
        for i in 0..4 {
            memory.push(&entry(i).encode().unwrap());
        }
        assert_eq!(root_of(&store.read().unwrap(), 4), memory.root());
    }

    #[test]
    fn the_log_survives_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let root = {
            let store = Store::open(dir.path()).unwrap();
            store
                .write(|w| (0..10).try_for_each(|i| w.log_append(&entry(i)).map(|_| ())))
                .unwrap();
            let r = store.read().unwrap();
            root_of(&r, 10)
        };
        let store = Store::open(dir.path()).unwrap();
        let r = store.read().unwrap();
        assert_eq!(r.log_size().unwrap(), 10);
        assert_eq!(root_of(&r, 10), root);
    }
}
