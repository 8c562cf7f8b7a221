//! Rewrites the tables a lookup reads into full leaves.
//!
//! A B-tree leaf that overflows splits in two halves and nothing refills
//! them: an import, which writes numbers in the order its businesses come,
//! leaves the `answers` table's leaves little more than half full
//! (`bizseal stats`; BENCHMARKS.md has the load test's figures). Streaming a table in key order through a redb
//! cursor into a new table packs every leaf as full as its rows allow; the
//! new table then replaces the old one in the same transaction, so a reader
//! sees the old table or the new one, never a half-copied table.

use std::ops::Bound;
use std::time::Instant;

use redb::{
    Key, ReadableTable, ReadableTableMetadata, TableDefinition, TableHandle, Value,
    WriteTransaction,
};

use super::answers::ANSWERS;
use super::directory::{NUMBERS, NUMBER_HASHES};
use super::{Store, StoreError};

/// What a repack did, for the operator.
#[derive(Debug, Clone, Default)]
pub struct RepackReport {
    /// Rows rewritten, over every table.
    pub rows: u64,
    pub tables: Vec<String>,
    pub seconds: f64,
}

impl Store {
    /// Repacks the tables every lookup and batch reads (`answers`,
    /// `numbers`, `number_hashes`), each in a transaction of its own.
    /// Writers wait meanwhile (O(rows)), so this is for a command or a
    /// quiet moment, not a busy server.
    pub fn repack_lookup_tables(&self) -> Result<RepackReport, StoreError> {
        let started = Instant::now();
        let mut report = RepackReport::default();
        self.repack_into(&mut report, ANSWERS)?;
        self.repack_into(&mut report, NUMBERS)?;
        self.repack_into(&mut report, NUMBER_HASHES)?;
        report.seconds = started.elapsed().as_secs_f64();
        Ok(report)
    }

    /// Repacks every table, one transaction each (what `compact` does: the
    /// confusable-name keys are the largest and emptiest after an import).
    /// Writers wait for each table in turn.
    pub fn repack_every_table(&self) -> Result<RepackReport, StoreError> {
        use super::directory::*;
        use super::translog::*;
        use super::workflow::*;
        use super::{CHANGES, META};
        let started = Instant::now();
        let mut report = RepackReport::default();
        // Types differ from table to table, hence one call each.
        macro_rules! each {
            ($($table:expr),* $(,)?) => { $( self.repack_into(&mut report, $table)?; )* };
        }
        each!(
            ANSWERS,
            NUMBERS,
            NUMBER_HASHES,
            BUSINESSES,
            ATTESTATIONS,
            EXPIRIES,
            REVOCATIONS,
            REVOCATIONS_BY_TIME,
            KEYS,
            NUMBER_SERIALS,
            LOGOS,
            META,
            CHANGES,
            LOG_ENTRIES,
            LOG_NODES,
            LOG_SERIALS,
            APPLICATIONS,
            REVIEW_QUEUE,
            API_KEYS,
            REVIEWERS,
            CLAIMS,
            CLAIMS_BY_AGE,
            RATE_EVENTS,
            REPORT_DAYS,
            REPORTS,
            REPORTERS,
            NAME_KEYS,
            AUDIT,
            AUDIT_BY_BUSINESS,
            super::known::COPY,
            super::outbox::WEBHOOKS,
            super::outbox::OUTBOX,
            super::outbox::OUTBOX_BY_TARGET,
            super::outbox::OUTBOX_PENDING,
            super::outbox::OUTBOX_DUE,
            super::outbox::FEED,
        );
        report.seconds = started.elapsed().as_secs_f64();
        Ok(report)
    }

    fn repack_into<K: Key + 'static, V: Value + 'static>(
        &self,
        report: &mut RepackReport,
        table: TableDefinition<K, V>,
    ) -> Result<(), StoreError> {
        // The copy is written before the original is freed: the file may
        // grow by the table's size. The whole file bounds it without a walk
        // over the table's pages; only when that much is not free is the
        // table measured.
        let file = std::fs::metadata(&self.path).map_or(u64::MAX, |m| m.len());
        if self.check_space_for(file).is_err() {
            let size = self
                .read()?
                .table_stats_of(table.name())?
                .map_or(0, |t| t.page_bytes());
            self.check_space_for(size)?;
        }
        report.rows += self.write(|w| repack(&w.tx, table))?;
        report.tables.push(table.name().to_owned());
        Ok(())
    }

    /// Moves pages toward the start of the file and returns the free tail
    /// to the file system (redb's compaction). Needs the database to
    /// itself: no snapshot or other handle may be alive, so it is for a
    /// command, never a server (meanwhile another thread's read or write
    /// would find the database closed, fail to reopen it, and answer
    /// `Unavailable`). Returns the file's size before and after.
    pub fn compact_file(&self) -> Result<(u64, u64), StoreError> {
        let size = || {
            std::fs::metadata(&self.path)
                .map(|m| m.len())
                .map_err(|e| StoreError::Unavailable(format!("{}: {e}", self.path.display())))
        };
        let before = size()?;
        self.snapshot.store(None);
        let Some(shared) = self.db.swap(None) else {
            return Err(StoreError::Unavailable("the database is closed".into()));
        };
        let mut db = match std::sync::Arc::try_unwrap(shared) {
            Ok(db) => db,
            Err(shared) => {
                self.db.store(Some(shared));
                return Err(StoreError::Internal(
                    "the database is in use by this process; compaction needs it alone".into(),
                ));
            }
        };
        let compacted = loop {
            match db.compact() {
                Ok(true) => continue,
                Ok(false) => break Ok(()),
                Err(e) => break Err(StoreError::from(e)),
            }
        };
        self.db.store(Some(std::sync::Arc::new(db)));
        self.retire_snapshot();
        compacted?;
        Ok((before, size()?))
    }
}

/// Copies `table` in key order into a fresh table and puts the copy in its
/// place; returns the rows copied.
fn repack<K: Key + 'static, V: Value + 'static>(
    tx: &WriteTransaction,
    table: TableDefinition<K, V>,
) -> Result<u64, StoreError> {
    let copy_name = format!("{}.repack", table.name());
    let copy = TableDefinition::<K, V>::new(&copy_name);
    let mut rows = 0u64;
    {
        let source = tx.open_table(table)?;
        let mut target = tx.open_table(copy)?;
        // A copy left by a failed repack was never committed, so the table
        // is new and empty; a non-empty one means something else owns it.
        if !target.is_empty()? {
            return Err(StoreError::Internal(format!(
                "table {copy_name} already holds rows"
            )));
        }
        let mut cursor = target.upper_bound_mut(Bound::<K::SelfType<'_>>::Unbounded)?;
        for entry in source.iter()? {
            let (key, value) = entry?;
            cursor.insert_before(key.value(), value.value())?;
            rows += 1;
        }
        cursor.close()?;
    }
    tx.delete_table(table)?;
    tx.rename_table(copy, table)?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::super::answers::answer_key;
    use super::*;

    /// The name of every table the snapshot sees.
    fn table_names(r: &super::super::Reader) -> Vec<String> {
        r.table_stats()
            .unwrap()
            .into_iter()
            .map(|t| t.name)
            .collect()
    }

    /// Numbers written in the order a shuffled import writes them.
    fn shuffled_numbers(n: u32) -> Vec<String> {
        let mut numbers: Vec<String> = (0..n).map(|i| format!("+3120{i:07}")).collect();
        // A fixed permutation (multiplication by a unit mod n) keeps the
        // test deterministic.
        let len = numbers.len();
        let mut shuffled = vec![String::new(); len];
        for (i, number) in numbers.drain(..).enumerate() {
            shuffled[(i * 7919) % len] = number;
        }
        shuffled
    }

    #[test]
    fn a_repacked_table_holds_the_same_rows_in_fewer_pages() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let numbers = shuffled_numbers(20_000);
        for chunk in numbers.chunks(500) {
            store
                .write(|w| {
                    let mut t = w.tx.open_table(ANSWERS)?;
                    for n in chunk {
                        let value = format!("{n}:{}", "x".repeat(300));
                        t.insert(answer_key(n).expect("E.164"), value.as_bytes())?;
                    }
                    Ok::<_, StoreError>(())
                })
                .unwrap();
        }
        let answers = |s: &Store| {
            s.read()
                .unwrap()
                .table_stats()
                .unwrap()
                .into_iter()
                .find(|t| t.name == "answers")
                .unwrap()
        };
        let before = answers(&store);

        let report = store.repack_lookup_tables().unwrap();
        assert_eq!(report.rows, 20_000, "{report:?}");

        let after = answers(&store);
        assert_eq!(after.rows, before.rows);
        assert_eq!(after.stored_bytes, before.stored_bytes);
        // Random-order inserts leave leaves about two thirds full; packed
        // ones are nearly full.
        assert!(
            after.leaf_pages * 4 < before.leaf_pages * 3,
            "{before:?} -> {after:?}"
        );
        assert!(
            after.fragmented_bytes * 10 < after.page_bytes(),
            "{after:?}"
        );
        // Every row reads back, unchanged, through a new snapshot.
        let r = store.read().unwrap();
        let t = r.tx.open_table(ANSWERS).unwrap();
        for n in &numbers {
            let value = t.get(answer_key(n).unwrap()).unwrap().expect("row kept");
            assert_eq!(value.value(), format!("{n}:{}", "x".repeat(300)).as_bytes());
        }
        assert_eq!(t.len().unwrap(), 20_000);
        // No copy is left behind.
        let names = table_names(&r);
        assert!(!names.iter().any(|n| n.ends_with(".repack")), "{names:?}");
        drop(t);
        drop(r);

        // Compaction gives the old table's pages back to the file system.
        let (file_before, file_after) = store.compact_file().unwrap();
        assert!(file_after < file_before, "{file_before} -> {file_after}");
        let r = store.read().unwrap();
        let t = r.tx.open_table(ANSWERS).unwrap();
        assert_eq!(t.len().unwrap(), 20_000);
        assert!(t.get(answer_key(&numbers[0]).unwrap()).unwrap().is_some());
    }

    #[test]
    fn a_repack_without_the_free_space_for_its_copy_is_refused_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let numbers = shuffled_numbers(2_000);
        store
            .write(|w| {
                let mut t = w.tx.open_table(ANSWERS)?;
                for n in &numbers {
                    t.insert(answer_key(n).expect("E.164"), n.as_bytes())?;
                }
                Ok::<_, StoreError>(())
            })
            .unwrap();
        // A margin no volume has: neither the file's size nor the table's
        // fits beside it, so the walk is taken and the repack refused.
        store.set_min_free(u64::MAX / 4);
        let refused = store.repack_lookup_tables();
        assert!(
            matches!(refused, Err(StoreError::Full { needed, .. }) if needed >= u64::MAX / 4),
            "{refused:?}"
        );
        let r = store.read().unwrap();
        let t = r.tx.open_table(ANSWERS).unwrap();
        assert_eq!(t.len().unwrap(), 2_000);
        for n in &numbers {
            let row = t.get(answer_key(n).unwrap()).unwrap().expect("row kept");
            assert_eq!(row.value(), n.as_bytes());
        }
        let names = table_names(&r);
        assert!(!names.iter().any(|n| n.ends_with(".repack")), "{names:?}");
        drop(t);
        drop(r);
        // With the margin back to none, the same repack goes through.
        store.set_min_free(0);
        assert_eq!(store.repack_lookup_tables().unwrap().rows, 2_000);
    }

    #[test]
    fn compaction_repacks_every_table_the_store_has() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let report = store.repack_every_table().unwrap();
        let mut repacked = report.tables.clone();
        repacked.sort();
        let mut tables = table_names(&store.read().unwrap());
        tables.sort();
        // A table added to the store must be added to the list too.
        assert_eq!(repacked, tables);
    }

    #[test]
    fn compaction_is_refused_while_the_database_is_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        // Another handle on the database.
        let db = store.db().unwrap();
        assert!(matches!(store.compact_file(), Err(StoreError::Internal(_))));
        drop(db);
        assert!(store.read().is_ok(), "the database was put back");
        // A snapshot someone still reads from: redb refuses.
        let held = store.read().unwrap();
        assert!(store.compact_file().is_err());
        drop(held);
        // The store still works, and compacts once nothing else holds it.
        assert!(store.read().is_ok());
        store.compact_file().unwrap();
        assert!(store.read().is_ok());
    }
}
