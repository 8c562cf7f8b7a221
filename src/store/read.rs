//! One read implementation for a snapshot ([`Reader`]) and a write
//! transaction ([`Writer`], which sees its own writes).
//!
//! Every read is written once, as a default method of a trait over
//! [`Tables`] (`DirectoryReads`, `WorkflowReads`, `LogReads`): the two
//! differ only in how a table is opened. A snapshot keeps the tables a
//! lookup reads open for its whole life (opening one is itself a read of
//! redb's table directory, which a batch of 1000 lookups would otherwise
//! repeat thousands of times); a write transaction opens a table per read.
//! Callers bring the traits in with `use crate::store::prelude::*`.

use std::any::Any;
use std::borrow::Borrow;
use std::ops::{Bound, RangeBounds};
use std::sync::OnceLock;

use redb::{
    AccessGuard, Key, Range, ReadOnlyTable, ReadableTable, ReadableTableMetadata, TableDefinition,
    TableHandle, TableStats, Value,
};

use super::{Reader, StoreError, Writer};

/// Where reads open their tables.
pub trait Tables {
    /// An open table to read.
    type Table<'a, K: Key + Send + Sync + 'static, V: Value + Send + Sync + 'static>: ReadableTable<
        K,
        V,
    >
    where
        Self: 'a;

    /// The table `definition`, open for reading.
    fn table<K: Key + Send + Sync + 'static, V: Value + Send + Sync + 'static>(
        &self,
        definition: TableDefinition<K, V>,
    ) -> Result<Self::Table<'_, K, V>, StoreError>;
}

impl Tables for Writer {
    type Table<'a, K: Key + Send + Sync + 'static, V: Value + Send + Sync + 'static> =
        redb::Table<'a, K, V>;

    fn table<K: Key + Send + Sync + 'static, V: Value + Send + Sync + 'static>(
        &self,
        definition: TableDefinition<K, V>,
    ) -> Result<redb::Table<'_, K, V>, StoreError> {
        Ok(self.tx.open_table(definition)?)
    }
}

/// The tables a snapshot keeps open once used: those a lookup, a token
/// check or a hash bucket reads. Others are opened per read.
const KEPT: [&str; 7] = [
    "answers",
    "numbers",
    "businesses",
    "attestations",
    "report_days",
    "revocations",
    "number_hashes",
];

/// A snapshot's kept tables, each opened on first use.
#[derive(Default)]
pub(super) struct KeptTables([OnceLock<Box<dyn Any + Send + Sync>>; KEPT.len()]);

impl Tables for Reader {
    type Table<'a, K: Key + Send + Sync + 'static, V: Value + Send + Sync + 'static> =
        SnapshotTable<'a, K, V>;

    fn table<K: Key + Send + Sync + 'static, V: Value + Send + Sync + 'static>(
        &self,
        definition: TableDefinition<K, V>,
    ) -> Result<SnapshotTable<'_, K, V>, StoreError> {
        let Some(slot) = KEPT.iter().position(|name| *name == definition.name()) else {
            return Ok(SnapshotTable::Opened(self.tx.open_table(definition)?));
        };
        let cell = &self.kept.0[slot];
        if cell.get().is_none() {
            let table: ReadOnlyTable<K, V> = self.tx.open_table(definition)?;
            // Another thread may have kept its own meanwhile: the same table.
            let _ = cell.set(Box::new(table));
        }
        match cell
            .get()
            .and_then(|kept| kept.downcast_ref::<ReadOnlyTable<K, V>>())
        {
            Some(table) => Ok(SnapshotTable::Kept(table)),
            // A definition of other types under a kept name: not kept.
            None => Ok(SnapshotTable::Opened(self.tx.open_table(definition)?)),
        }
    }
}

/// A snapshot's table: kept open by the snapshot, or opened for one read.
pub enum SnapshotTable<'a, K: Key + Send + Sync + 'static, V: Value + Send + Sync + 'static> {
    Kept(&'a ReadOnlyTable<K, V>),
    Opened(ReadOnlyTable<K, V>),
}

impl<K: Key + Send + Sync + 'static, V: Value + Send + Sync + 'static> SnapshotTable<'_, K, V> {
    fn inner(&self) -> &ReadOnlyTable<K, V> {
        match self {
            SnapshotTable::Kept(table) => table,
            SnapshotTable::Opened(table) => table,
        }
    }
}

impl<K: Key + Send + Sync + 'static, V: Value + Send + Sync + 'static> ReadableTableMetadata
    for SnapshotTable<'_, K, V>
{
    fn stats(&self) -> redb::Result<TableStats> {
        self.inner().stats()
    }

    fn len(&self) -> redb::Result<u64> {
        self.inner().len()
    }
}

impl<K: Key + Send + Sync + 'static, V: Value + Send + Sync + 'static> ReadableTable<K, V>
    for SnapshotTable<'_, K, V>
{
    fn get<'k>(
        &self,
        key: impl Borrow<K::SelfType<'k>>,
    ) -> redb::Result<Option<AccessGuard<'_, V>>> {
        self.inner().get(key)
    }

    fn range<'k, KR>(&self, range: impl RangeBounds<KR> + 'k) -> redb::Result<Range<'_, K, V>>
    where
        KR: Borrow<K::SelfType<'k>> + 'k,
    {
        self.inner().range(range)
    }

    fn first(&self) -> redb::Result<Option<(AccessGuard<'_, K>, AccessGuard<'_, V>)>> {
        self.inner().first()
    }

    fn last(&self) -> redb::Result<Option<(AccessGuard<'_, K>, AccessGuard<'_, V>)>> {
        self.inner().last()
    }

    fn lower_bound<'k>(
        &self,
        bound: Bound<impl Borrow<K::SelfType<'k>>>,
    ) -> redb::Result<redb::Cursor<'_, K, V>> {
        self.inner().lower_bound(bound)
    }

    fn upper_bound<'k>(
        &self,
        bound: Bound<impl Borrow<K::SelfType<'k>>>,
    ) -> redb::Result<redb::Cursor<'_, K, V>> {
        self.inner().upper_bound(bound)
    }
}
