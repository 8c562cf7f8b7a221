//! The `answers` table: the read model's stored answers (`lookup`) as the
//! store keeps them, rows of bytes under an integer key, and the
//! bookkeeping that keeps them from going stale.
//!
//! The store does not know what an answer is. It knows which numbers a
//! write touched ([`Writer::touched_numbers`]: directly, through their
//! business, a token or a report), and it guarantees that a committed
//! write leaves no row behind the records it touched: the service
//! refreshes those rows before commit (`lookup::refresh`), and whatever a
//! write did not refresh (a tool or a test writing the store directly) is
//! dropped at commit, so lookups build those answers until a later write
//! stores them again. A crash cannot leave a row behind its records: rows
//! and records commit together.

use std::collections::BTreeSet;
use std::ops::Bound;

use redb::{ReadableTableMetadata, TableDefinition, WriteTransaction};

use super::read::Tables;
use super::{decode, encode, with_value, Reader, Store, StoreError, Writer, META};
use crate::model::Change;
use crate::phone::E164;

/// [`answer_key`] of an E.164 number → the read model's row.
pub(super) const ANSWERS: TableDefinition<u64, &[u8]> = TableDefinition::new("answers");

/// The answers table's key for an E.164 number: its digits, one a nibble
/// (digit + 1) from the top down, the unused nibbles 0. Keys order as the
/// texts do (so a pass over the numbers table in its order writes answers
/// in key order) and compare as one integer: a lookup's B-tree search does
/// no `memcmp` and finds each key at a fixed offset, with no offset table
/// to read first (`cargo bench -p bizseal-benches --bench point_reads`).
/// `None` for text that is not `+` and 1 – 15 digits, which then has no
/// stored answer: its lookups build one.
pub fn answer_key(e164: &str) -> Option<u64> {
    let digits = e164.strip_prefix('+')?.as_bytes();
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    let mut key = 0;
    for (i, &d) in digits.iter().enumerate() {
        if !d.is_ascii_digit() {
            return None;
        }
        key |= u64::from(d - b'0' + 1) << (60 - 4 * i);
    }
    Some(key)
}

/// The META key that holds the version of the read model every row was
/// made by (absent while they are being made again).
const VERSION: &str = "answers_backfilled";

impl Reader {
    /// What `f` makes of the row of `e164`, read in place.
    pub fn with_answer_row<T>(
        &self,
        e164: &E164,
        f: impl FnOnce(&[u8]) -> T,
    ) -> Result<Option<T>, StoreError> {
        let e164 = e164.as_str();
        let Some(key) = answer_key(e164) else {
            return Ok(None);
        };
        with_value(&self.table(ANSWERS)?, key, |bytes| Ok(f(bytes)))
    }

    /// How many rows there are (redb keeps the count: O(1)).
    pub fn answer_rows(&self) -> Result<u64, StoreError> {
        Ok(self.table(ANSWERS)?.len()?)
    }
}

impl Writer {
    /// Notes that the answer of `e164` may have changed in a way the
    /// changes feed does not say (a report, a token).
    pub(super) fn answer_changed(&mut self, e164: &E164) {
        let e164 = e164.as_str();
        self.stale_answers.push(e164.to_owned());
    }

    /// The numbers whose answers this write may have changed since the
    /// last call (ascending, distinct): directly, through their business,
    /// their token or their reports. Whoever takes them refreshes their
    /// rows; those nobody takes are dropped at commit.
    pub fn touched_numbers(&mut self) -> Result<Vec<String>, StoreError> {
        let mut numbers: BTreeSet<String> = std::mem::take(&mut self.stale_answers)
            .into_iter()
            .collect();
        let fresh = self.changes.len();
        for i in self.answers_seen..fresh {
            match &self.changes[i] {
                Change::Number(n) => {
                    numbers.insert(n.clone());
                }
                Change::Business(id) => {
                    let id = id.clone();
                    if let Some(b) = super::DirectoryReads::business(self, id.as_str())? {
                        numbers.extend(b.numbers);
                    }
                }
                Change::Key(_) => {}
            }
        }
        self.answers_seen = fresh;
        Ok(numbers.into_iter().collect())
    }

    /// Writes rows in ascending key order (`None` drops the row) through
    /// one redb cursor: where they are new and adjacent (a pass over every
    /// number into an emptied table) they are packed into full leaves
    /// rather than split into half-full ones as single inserts leave them.
    /// A key the table holds already is replaced; the cursor seeks again
    /// only where other keys lie between two of ours, which for a commit's
    /// few scattered numbers is one seek each, as an insert would be.
    pub fn put_answer_rows(&mut self, rows: Vec<(u64, Option<Vec<u8>>)>) -> Result<(), StoreError> {
        debug_assert!(
            rows.windows(2).all(|w| w[0].0 < w[1].0),
            "ascending, distinct"
        );
        let Some(&(first, _)) = rows.first() else {
            return Ok(());
        };
        let mut table = self.tx.open_table(ANSWERS)?;
        let mut cursor = table.lower_bound_mut(Bound::Included(first))?;
        for (key, row) in rows {
            // The gap lies after every key below the previous one (or
            // below `key`, after a seek): `key` fits it unless a key the
            // table holds, below `key`, comes after it.
            if matches!(cursor.peek_next()?, Some((k, _)) if k.value() < key) {
                cursor.close()?;
                cursor = table.lower_bound_mut(Bound::Included(key))?;
            }
            if matches!(cursor.peek_next()?, Some((k, _)) if k.value() == key) {
                cursor.remove_next()?;
            }
            if let Some(row) = row {
                cursor.insert_before(key, row.as_slice())?;
            }
        }
        cursor.close()?;
        Ok(())
    }

    /// Records which version of the read model made every row (`None`:
    /// they are being made again).
    pub fn set_answers_version(&mut self, version: Option<u32>) -> Result<(), StoreError> {
        let mut meta = self.tx.open_table(META)?;
        match version {
            Some(v) => meta.insert(VERSION, encode(&v)?.as_slice())?,
            None => meta.remove(VERSION)?,
        };
        Ok(())
    }

    /// At commit: drops the rows of the numbers this write touched and
    /// nobody refreshed.
    pub(super) fn drop_untaken_answers(&mut self) -> Result<(), StoreError> {
        let rows = self
            .touched_numbers()?
            .iter()
            .filter_map(|n| answer_key(n))
            .map(|key| (key, None))
            .collect();
        self.put_answer_rows(rows)
    }
}

impl Store {
    /// The version of the read model that made every row, if one did.
    pub fn answers_version(&self) -> Result<Option<u32>, StoreError> {
        let r = self.read()?;
        let meta = r.table(META)?;
        let found =
            redb::ReadableTable::get(&meta, VERSION)?.and_then(|v| decode::<u32>(v.value()).ok());
        Ok(found)
    }

    /// Drops every row and the version mark, so that lookups build answers
    /// until the read model has made them again.
    pub fn clear_answers(&self) -> Result<(), StoreError> {
        self.write(|w| {
            w.set_answers_version(None)?;
            w.tx.delete_table(ANSWERS)?;
            w.tx.open_table(ANSWERS)?;
            Ok::<_, StoreError>(())
        })
    }
}

/// Creates the answers table (run once at open).
pub(super) fn create_tables(tx: &WriteTransaction) -> Result<(), StoreError> {
    tx.open_table(ANSWERS)?;
    Ok(())
}

/// Drops the answers of a directory from before schema 3, keyed by E.164
/// text, which the `u64`-keyed table cannot open: they are derived rows,
/// made again at the next server start (lookups build them meanwhile).
/// `meta` is the transaction's open META table. (redb deletes a table by
/// name, whatever its key type.)
pub(super) fn drop_text_keyed(
    tx: &WriteTransaction,
    meta: &mut redb::Table<&str, &[u8]>,
) -> Result<(), StoreError> {
    tx.delete_table(ANSWERS)?;
    meta.remove(VERSION)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Report;
    use crate::store::prelude::*;
    use crate::store::{codec, ReportWindow, DAY, REPORT_WINDOW};

    const N: &str = "+34915820317";

    fn report(at: i64, id: &str) -> Report {
        crate::store::tests::spam_report(N, at, id)
    }

    #[test]
    fn a_report_count_holds_until_its_oldest_day_leaves_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let day = 20_000; // a day number
        let at = day * DAY + 3600;
        store
            .write(|w| w.add_report("r1", &report(at, "x")))
            .unwrap();
        store
            .write(|w| w.add_report("r2", &report(at + 2 * DAY, "y")))
            .unwrap();
        let r = store.read().unwrap();
        let window = r.report_window(E164::stored(N), at).unwrap();
        assert_eq!(window.count, 2);
        let until = window.valid_until;
        assert_eq!(until, (day + 1) * DAY + REPORT_WINDOW);
        assert_eq!(
            r.report_window(E164::stored(N), until - 1).unwrap().count,
            2
        );
        assert_eq!(r.report_window(E164::stored(N), until).unwrap().count, 1);
        assert_eq!(
            r.report_window(E164::stored("+34915820318"), at).unwrap(),
            ReportWindow {
                count: 0,
                valid_until: i64::MAX
            }
        );
    }

    #[test]
    fn answer_keys_order_as_the_numbers_do_and_refuse_other_text() {
        let texts = [
            "+1",
            "+12",
            "+120",
            "+1200",
            "+121",
            "+13",
            "+2",
            "+31206499123",
            "+31206499124",
            "+3120649913",
            "+4",
            "+999999999999999",
        ];
        for pair in texts.windows(2) {
            assert!(pair[0] < pair[1]);
            assert!(
                answer_key(pair[0]).unwrap() < answer_key(pair[1]).unwrap(),
                "{pair:?}"
            );
        }
        for bad in [
            "",
            "+",
            "31206499123",
            "+3120649912a",
            "+1234567890123456",
            "++1",
            "+ 1",
        ] {
            assert_eq!(answer_key(bad), None, "{bad:?}");
        }
    }

    proptest::proptest! {
        /// Two E.164 texts compare as their keys do, and only equal texts
        /// share a key.
        #[test]
        fn answer_keys_keep_text_order(a in "\\+[0-9]{1,15}", b in "\\+[0-9]{1,15}") {
            let (ka, kb) = (answer_key(&a).unwrap(), answer_key(&b).unwrap());
            proptest::prop_assert_eq!(a.cmp(&b), ka.cmp(&kb));
        }
    }

    #[test]
    fn text_keyed_answers_of_older_schemas_are_dropped_on_open() {
        for schema in [1u32, 2] {
            let dir = tempfile::tempdir().unwrap();
            {
                let store = Store::open(dir.path()).unwrap();
                let tx = store.db().unwrap().begin_write().unwrap();
                tx.delete_table(ANSWERS).unwrap();
                tx.open_table(TableDefinition::<&str, &[u8]>::new("answers"))
                    .unwrap()
                    .insert(N, b"old".as_slice())
                    .unwrap();
                let mut meta = tx.open_table(META).unwrap();
                meta.insert(VERSION, encode(&7u32).unwrap().as_slice())
                    .unwrap();
                meta.insert("schema_version", encode(&schema).unwrap().as_slice())
                    .unwrap();
                drop(meta);
                tx.commit().unwrap();
            }
            let store = Store::open(dir.path()).unwrap();
            // The old rows are gone, and so is the mark that they were
            // current: the next start renders every answer again.
            assert_eq!(store.answers_version().unwrap(), None, "schema {schema}");
            let r = store.read().unwrap();
            assert_eq!(r.answer_rows().unwrap(), 0, "schema {schema}");
            assert!(r
                .with_answer_row(E164::stored(N), |_| ())
                .unwrap()
                .is_none());
            let version =
                r.tx.open_table(META)
                    .unwrap()
                    .get("schema_version")
                    .unwrap();
            assert_eq!(
                codec::decode::<u32>(version.unwrap().value()).unwrap(),
                crate::store::SCHEMA_VERSION
            );
        }
    }
}
