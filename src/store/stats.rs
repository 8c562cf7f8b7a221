//! How much room each table takes (`bizseal stats`): what an operator sizes
//! redb's cache and the disk by. A lookup reads one table (`answers`); it is
//! fast while that table's pages fit the cache.

use redb::{ReadableTableMetadata, TableHandle, UntypedTableHandle};

use super::{Reader, Store, StoreError};

/// One table's rows and pages, as redb counts them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TableStats {
    pub name: String,
    pub rows: u64,
    /// Levels from the root to a leaf.
    pub height: u32,
    pub leaf_pages: u64,
    pub branch_pages: u64,
    /// Keys and values, without page overhead.
    pub stored_bytes: u64,
    /// Page headers and offsets.
    pub metadata_bytes: u64,
    /// Room left unused inside this table's pages.
    pub fragmented_bytes: u64,
}

impl TableStats {
    /// Bytes of the pages this table occupies (what caching all of it takes).
    pub fn page_bytes(&self) -> u64 {
        self.stored_bytes + self.metadata_bytes + self.fragmented_bytes
    }

    /// The share of its pages that holds rows (`None` for an empty table).
    pub fn fill(&self) -> Option<f64> {
        let pages = self.page_bytes();
        (pages > 0).then(|| self.stored_bytes as f64 / pages as f64)
    }
}

/// The whole database: every table, the file, and the cache it is read through.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StoreStats {
    pub tables: Vec<TableStats>,
    pub page_size: usize,
    pub allocated_pages: u64,
    pub file_bytes: u64,
    pub cache_bytes: usize,
}

impl Reader {
    /// Every table of this snapshot, largest first. Walks every page of every
    /// table (redb counts by visiting), so it costs a full read of the file.
    pub fn table_stats(&self) -> Result<Vec<TableStats>, StoreError> {
        let mut tables = Vec::new();
        for handle in self.tx.list_tables()? {
            tables.push(self.stats_of(handle)?);
        }
        tables.sort_by(|a, b| {
            b.page_bytes()
                .cmp(&a.page_bytes())
                .then(a.name.cmp(&b.name))
        });
        Ok(tables)
    }

    /// One table's figures (`None` for a table that does not exist).
    /// Walks the table's pages.
    pub fn table_stats_of(&self, name: &str) -> Result<Option<TableStats>, StoreError> {
        match self.tx.list_tables()?.find(|t| t.name() == name) {
            Some(handle) => Ok(Some(self.stats_of(handle)?)),
            None => Ok(None),
        }
    }

    fn stats_of(&self, handle: UntypedTableHandle) -> Result<TableStats, StoreError> {
        let name = handle.name().to_owned();
        let table = self.tx.open_untyped_table(handle)?;
        let stats = table.stats()?;
        Ok(TableStats {
            name,
            rows: table.len()?,
            height: stats.tree_height(),
            leaf_pages: stats.leaf_pages(),
            branch_pages: stats.branch_pages(),
            stored_bytes: stats.stored_bytes(),
            metadata_bytes: stats.metadata_bytes(),
            fragmented_bytes: stats.fragmented_bytes(),
        })
    }
}

impl Store {
    /// The tables, the file's pages, and the cache size; a write transaction
    /// (never committed) is what redb reports the allocated pages from.
    pub fn stats(&self) -> Result<StoreStats, StoreError> {
        let tables = self.read()?.table_stats()?;
        let db = self.db()?;
        let tx = db.begin_write()?;
        let whole = tx.stats()?;
        tx.abort()?;
        let file_bytes = std::fs::metadata(&self.path)
            .map(|m| m.len())
            .map_err(|e| StoreError::Unavailable(format!("{}: {e}", self.path.display())))?;
        Ok(StoreStats {
            tables,
            page_size: whole.page_size(),
            allocated_pages: whole.allocated_pages(),
            file_bytes,
            cache_bytes: self.cache_bytes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_counted_with_its_rows() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let before = store.stats().unwrap();
        let answers = |s: &StoreStats| {
            s.tables
                .iter()
                .find(|t| t.name == "answers")
                .cloned()
                .expect("the answers table is listed")
        };
        assert_eq!(answers(&before).rows, 0);
        store
            .write(|w| {
                use super::super::answers::{answer_key, ANSWERS};
                let mut t = w.tx.open_table(ANSWERS)?;
                for i in 0..500u32 {
                    let key = answer_key(&format!("+3120{i:07}")).expect("E.164");
                    t.insert(key, [7u8; 300].as_slice())?;
                }
                Ok::<_, StoreError>(())
            })
            .unwrap();
        let after = store.stats().unwrap();
        let a = answers(&after);
        assert_eq!(a.rows, 500);
        assert!(a.stored_bytes >= 500 * 300, "{a:?}");
        assert!(
            a.leaf_pages >= (500 * 300 / after.page_size) as u64,
            "{a:?}"
        );
        assert!(a.height >= 2, "{a:?}");
        // Largest first: the table just filled leads.
        assert_eq!(after.tables[0].name, "answers");
        assert!(after.allocated_pages > before.allocated_pages);
        assert!(after.file_bytes > 0);
    }
}
