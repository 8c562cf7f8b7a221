//! Stored answers: a listed number's public lookup answer, rendered in the
//! write transaction that changed anything it shows (which numbers get one
//! is the renderer's choice: the service stores those that carry a token).
//!
//! A lookup that finds a stored answer reads one row and sends its bytes:
//! no business, token or report reads, no JSON work, no hashing for the
//! `ETag`. What goes into an answer (the number record, its business, its
//! token, its report count) is only ever written through [`Writer`], which
//! notes the numbers each write touches; [`Writer::commit`] renders their
//! answers again, or drops them, inside the same transaction. So a stored
//! answer is never older than the records it was made from, and a crash
//! cannot leave one behind its records.
//!
//! The store does not know what an answer looks like: the service installs
//! a [`Renderer`]. A store opened without one (a tool, a test) drops the
//! answers of the numbers it touches instead, and lookups build those
//! answers the slow way until the next write renders them.

use super::prelude::*;
use std::collections::BTreeSet;
use std::ops::Bound;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use redb::{TableDefinition, WriteTransaction};

use super::directory::NUMBERS;
use super::read::Tables;
use super::{codec, encode, get_record, with_value, Reader, Store, StoreError, Writer, META};
use crate::model::{Change, StoredAnswer, StoredAnswerRef};

/// [`answer_key`] of an E.164 number → [`StoredAnswer`].
pub(super) const ANSWERS: TableDefinition<u64, &[u8]> = TableDefinition::new("answers");

/// The answers table's key for an E.164 number: its digits, one a nibble
/// (digit + 1) from the top down, the unused nibbles 0. Keys order as the
/// texts do (so a pass over the numbers table in its order writes answers
/// in key order) and compare as one integer: a lookup's B-tree search does
/// no `memcmp` and finds each key at a fixed offset, with no offset table
/// to read first (a read ~0.3 – 0.4 µs faster at 1M rows, `cargo bench -p bizseal-benches --bench
/// point_reads`). `None` for text that is not `+` and 1 – 15 digits,
/// which then has no stored answer: its lookups build one.
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

/// The META key that holds the renderer version every stored answer was
/// rendered with (absent until the first backfill).
const BACKFILLED: &str = "answers_backfilled";

/// Numbers per write transaction when answers are rendered for a whole
/// directory that predates them.
const BACKFILL_BATCH: usize = 1000;

/// Renders the stored answer of a number from what a write transaction
/// holds (`None`: the number has no answer worth storing).
pub type Renderer =
    Arc<dyn Fn(&Writer, &str, i64) -> Result<Option<StoredAnswer>, StoreError> + Send + Sync>;

impl Reader {
    /// The stored answer of a listed number, if one was rendered.
    pub fn stored_answer(&self, e164: &str) -> Result<Option<StoredAnswer>, StoreError> {
        let Some(key) = answer_key(e164) else {
            return Ok(None);
        };
        get_record(&self.table(ANSWERS)?, key)
    }

    /// How many numbers have a stored answer (redb keeps the count: O(1)).
    pub fn stored_answers(&self) -> Result<u64, StoreError> {
        Ok(redb::ReadableTableMetadata::len(&self.table(ANSWERS)?)?)
    }

    /// What `f` makes of the stored answer of `e164` read in place (the
    /// lookup's hot path: the body is unpacked, the rest borrowed).
    pub fn with_stored_answer<T>(
        &self,
        e164: &str,
        f: impl FnOnce(StoredAnswerRef<'_>) -> T,
    ) -> Result<Option<T>, StoreError> {
        let Some(key) = answer_key(e164) else {
            return Ok(None);
        };
        let table = self.table(ANSWERS)?;
        let read = with_value(&table, key, |bytes| {
            Ok(match codec::decode_borrowed::<StoredAnswerRef>(bytes) {
                Ok(answer) => Some(f(answer)),
                // A row this build cannot read (damaged, or packed in a
                // form it does not know) is not served, and costs no
                // error: the records it was rendered from are the truth,
                // and the lookup builds the answer from them.
                Err(e) => {
                    unreadable_answer(&e);
                    None
                }
            })
        })?;
        Ok(read.flatten())
    }
}

impl Writer {
    /// Notes that the answer of `e164` must be rendered again at commit.
    pub(super) fn answer_changed(&mut self, e164: &str) {
        self.stale_answers.push(e164.to_owned());
    }

    /// Renders again (or drops) the answer of every number this
    /// transaction touched: directly, through its business, its token or
    /// its reports. Runs last, so it sees every write of the transaction.
    pub(super) fn refresh_answers(&mut self) -> Result<(), StoreError> {
        let mut numbers: BTreeSet<String> = std::mem::take(&mut self.stale_answers)
            .into_iter()
            .collect();
        for change in &self.changes {
            match change {
                Change::Number(n) => {
                    numbers.insert(n.clone());
                }
                Change::Business(id) => {
                    if let Some(b) = self.business(id.as_str())? {
                        numbers.extend(b.numbers);
                    }
                }
                Change::Key(_) => {}
            }
        }
        let numbers: Vec<String> = numbers.into_iter().collect();
        self.render_in_key_order(&numbers)
    }

    /// The encoded answer of `e164` as the installed renderer makes it now
    /// (`None`: no answer to store, or no renderer).
    fn render_one(&self, e164: &str, at: i64) -> Result<Option<Vec<u8>>, StoreError> {
        let Some(render) = self.renderer.clone() else {
            return Ok(None);
        };
        match render(self, e164, at) {
            Ok(Some(answer)) => Ok(Some(encode(&answer)?)),
            Ok(None) => Ok(None),
            // The write cannot commit anyway.
            Err(e @ StoreError::Unavailable(_)) => Err(e),
            // A record the renderer cannot read must not block the write:
            // the number is answered the slow way, which reports the same
            // error to that lookup only.
            Err(e) => {
                tracing::warn!(error = %e, "a stored answer could not be rendered; dropped");
                Ok(None)
            }
        }
    }

    /// Renders the answers of `numbers` (ascending, distinct) now, or drops
    /// those that render none, writing them through one redb cursor: where
    /// they are new and adjacent (a re-render into the emptied table after
    /// an upgrade) they are packed into full leaves rather than split into
    /// half-full ones as single inserts leave them. A key the table holds
    /// already is replaced; the cursor seeks again only where other keys
    /// lie between two of ours, which for a commit's few scattered numbers
    /// is one seek each, as an insert would be.
    fn render_in_key_order(&mut self, numbers: &[String]) -> Result<(), StoreError> {
        debug_assert!(
            numbers.windows(2).all(|w| w[0] < w[1]),
            "ascending, distinct"
        );
        let at = crate::model::now();
        let mut rendered = Vec::with_capacity(numbers.len());
        for n in numbers {
            // A number with no key (not E.164 text) keeps no answer.
            if let Some(key) = answer_key(n) {
                rendered.push((key, self.render_one(n, at)?));
            }
        }
        let Some(&(first, _)) = rendered.first() else {
            return Ok(());
        };
        let mut table = self.tx.open_table(ANSWERS)?;
        let mut cursor = table.lower_bound_mut(Bound::Included(first))?;
        for (key, answer) in rendered {
            // The gap lies after every key below the previous number (or
            // below `key`, after a seek): `key` fits it unless a key the
            // table holds, below `key`, comes after it.
            if matches!(cursor.peek_next()?, Some((k, _)) if k.value() < key) {
                cursor.close()?;
                cursor = table.lower_bound_mut(Bound::Included(key))?;
            }
            if matches!(cursor.peek_next()?, Some((k, _)) if k.value() == key) {
                cursor.remove_next()?;
            }
            if let Some(answer) = answer {
                cursor.insert_before(key, answer.as_slice())?;
            }
        }
        cursor.close()?;
        Ok(())
    }
}

impl Store {
    /// Installs what renders stored answers (the service does, at open).
    /// `version` names the renderer's output: a store whose answers were
    /// rendered by another version renders them all again at
    /// [`Store::backfill_answers`].
    pub fn set_renderer(&self, renderer: Renderer, version: u32) {
        // Set once per open store; a second call keeps the first.
        let _ = self.renderer.set((renderer, version));
    }

    /// Makes every stored answer this renderer's, once per database and
    /// renderer version: [`Store::start_answers_over`], then
    /// [`Store::render_answers`] to the end. Returns how many numbers it
    /// went through (0 when the answers were current).
    pub fn backfill_answers(&self) -> Result<u64, StoreError> {
        if !self.start_answers_over()? {
            return Ok(0);
        }
        self.render_answers(&AtomicBool::new(false))
    }

    /// Whether every stored answer is this renderer's (or there is no
    /// renderer, and so nothing to render). Reads only.
    pub fn answers_current(&self) -> Result<bool, StoreError> {
        let Some(&(_, version)) = self.renderer.get() else {
            return Ok(true);
        };
        let current = self
            .read()?
            .tx
            .open_table(META)?
            .get(BACKFILLED)?
            .and_then(|v| super::decode::<u32>(v.value()).ok());
        Ok(current == Some(version))
    }

    /// Records that every stored answer is this renderer's, without a pass
    /// over them: for a caller that knows it (an import into an empty
    /// directory renders each answer as it commits).
    pub fn mark_answers_current(&self) -> Result<(), StoreError> {
        let Some(&(_, version)) = self.renderer.get() else {
            return Ok(());
        };
        self.write(|w| {
            w.tx.open_table(META)?
                .insert(BACKFILLED, encode(&version)?.as_slice())?;
            Ok::<_, StoreError>(())
        })
    }

    /// When the stored answers are not this renderer's (a directory
    /// written before answers existed, by another renderer version, or
    /// with rows an older build left behind), drops them all, so that
    /// lookups build answers until [`Store::render_answers`] has made them
    /// again; returns whether it did. Without a renderer there is nothing
    /// to do.
    pub fn start_answers_over(&self) -> Result<bool, StoreError> {
        if self.answers_current()? {
            return Ok(false);
        }
        self.write(|w| {
            w.tx.open_table(META)?.remove(BACKFILLED)?;
            w.tx.delete_table(ANSWERS)?;
            w.tx.open_table(ANSWERS)?;
            Ok::<_, StoreError>(())
        })?;
        Ok(true)
    }

    /// Renders the answer of every listed number, in batches of one write
    /// transaction each (writes of the service go on between them), and
    /// then records the renderer's version. Stops early, recording
    /// nothing, when `stop` is set: the next start begins again. Returns
    /// how many numbers it went through.
    pub fn render_answers(&self, stop: &AtomicBool) -> Result<u64, StoreError> {
        if self.renderer.get().is_none() {
            return Ok(0);
        }
        let mut after = String::new();
        let mut done = 0u64;
        loop {
            if stop.load(Ordering::Relaxed) {
                return Ok(done);
            }
            let batch: Vec<String> = {
                let r = self.read()?;
                let table = r.tx.open_table(NUMBERS)?;
                let mut out = Vec::with_capacity(BACKFILL_BATCH);
                for row in table.range::<&str>(after.as_str()..)? {
                    let (k, _) = row?;
                    if k.value() != after {
                        out.push(k.value().to_owned());
                    }
                    if out.len() == BACKFILL_BATCH {
                        break;
                    }
                }
                out
            };
            let Some(last) = batch.last().cloned() else {
                break;
            };
            self.write(|w| w.render_in_key_order(&batch))?;
            done += batch.len() as u64;
            after = last;
        }
        self.mark_answers_current()?;
        Ok(done)
    }
}

/// Warns, once a process, of a stored answer this build cannot read (a
/// damaged table would otherwise log one line a lookup).
fn unreadable_answer(e: &codec::CodecError) {
    static WARNED: AtomicBool = AtomicBool::new(false);
    if !WARNED.swap(true, Ordering::Relaxed) {
        tracing::warn!(error = %e, "a stored answer does not decode; lookups build it from the records (warned once)");
    }
}

/// Creates the answers table (run once at open).
pub(super) fn create_tables(tx: &WriteTransaction) -> Result<(), StoreError> {
    tx.open_table(ANSWERS)?;
    Ok(())
}

/// Drops the answers of a directory from before schema 3, keyed by E.164
/// text, which the `u64`-keyed table cannot open: they are derived rows,
/// rendered again at the next server start (lookups build them meanwhile).
/// `meta` is the transaction's open META table. (redb deletes a table by
/// name, whatever its key type.)
pub(super) fn drop_text_keyed(
    tx: &WriteTransaction,
    meta: &mut redb::Table<&str, &[u8]>,
) -> Result<(), StoreError> {
    tx.delete_table(ANSWERS)?;
    meta.remove(BACKFILLED)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NumberRecord;
    use crate::model::{Business, NumberState, Report, ReportReason};
    use crate::store::tests::business;
    use crate::store::{ReportWindow, DAY, REPORT_WINDOW};

    const N: &str = "+34915820317";

    fn record(b: &Business) -> NumberRecord {
        NumberRecord {
            business: b.id.clone(),
            state: NumberState::Unproven,
            proof: None,
            updated_at: 3,
        }
    }

    /// A renderer whose answer says what it saw: the business's name and
    /// the number's report count.
    fn echo() -> Renderer {
        Arc::new(|w: &Writer, e164: &str, at: i64| {
            let Some(record) = crate::store::DirectoryReads::number(w, e164)? else {
                return Ok(None);
            };
            let name =
                crate::store::DirectoryReads::with_business(w, record.business.as_str(), |b| {
                    b.legal_name.to_owned()
                })?
                .unwrap_or_default();
            let reports = w.report_window(e164, at)?;
            Ok(Some(StoredAnswer {
                body: format!("{name}/{}", reports.count),
                etag: String::new(),
                expires_at: None,
                valid_until: reports.valid_until,
                names: vec![],
            }))
        })
    }

    fn body(store: &Store) -> Option<String> {
        store
            .read()
            .unwrap()
            .stored_answer(N)
            .unwrap()
            .map(|a| a.body)
    }

    fn report(at: i64, id: &str) -> Report {
        Report {
            number: N.into(),
            reason: ReportReason::Spam,
            comment: None,
            reporter: id.into(),
            at,
        }
    }

    #[test]
    fn every_write_that_shows_in_an_answer_renders_it_again() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.set_renderer(echo(), 1);
        let mut b = business();
        store
            .write(|w| {
                w.put_business(&b)?;
                w.put_number(N, &record(&b))
            })
            .unwrap();
        assert_eq!(body(&store).as_deref(), Some("Telefónica, S.A./0"));
        // Through the business alone.
        b.legal_name = "Telefónica España".into();
        store.write(|w| w.put_business(&b)).unwrap();
        assert_eq!(body(&store).as_deref(), Some("Telefónica España/0"));
        // Through a report, which changes no record the feed follows.
        let now = crate::model::now();
        store
            .write(|w| w.add_report("r1", &report(now, "x")))
            .unwrap();
        assert_eq!(body(&store).as_deref(), Some("Telefónica España/1"));
        // A failed write renders nothing.
        let failed: Result<(), StoreError> = store.write(|w| {
            w.add_report("r2", &report(now, "y"))?;
            Err(StoreError::Internal("no".into()))
        });
        assert!(failed.is_err());
        assert_eq!(body(&store).as_deref(), Some("Telefónica España/1"));
        // Removing the number removes its answer.
        store.write(|w| w.remove_number(N)).unwrap();
        assert_eq!(body(&store), None);
    }

    #[test]
    fn a_store_without_a_renderer_drops_the_answers_it_would_leave_stale() {
        let dir = tempfile::tempdir().unwrap();
        let b = business();
        {
            let store = Store::open(dir.path()).unwrap();
            store.set_renderer(echo(), 1);
            store
                .write(|w| {
                    w.put_business(&b)?;
                    w.put_number(N, &record(&b))
                })
                .unwrap();
            assert!(body(&store).is_some());
        }
        let store = Store::open(dir.path()).unwrap();
        store.write(|w| w.put_business(&b)).unwrap();
        assert_eq!(body(&store), None, "a stale answer was left behind");
        // Without a renderer there is no backfill either.
        assert_eq!(store.backfill_answers().unwrap(), 0);
        assert_eq!(body(&store), None);
        drop(store);
        // The next open with a renderer renders what is missing, once.
        let store = Store::open(dir.path()).unwrap();
        store.set_renderer(echo(), 1);
        assert_eq!(store.backfill_answers().unwrap(), 1);
        assert_eq!(body(&store).as_deref(), Some("Telefónica, S.A./0"));
        assert_eq!(store.backfill_answers().unwrap(), 0);
        // A row some other build left for a number that is gone.
        let stale = encode(&StoredAnswer {
            body: "stale".into(),
            etag: String::new(),
            expires_at: None,
            valid_until: i64::MAX,
            names: vec![],
        })
        .unwrap();
        put_rows(&store, &[("+34915820399", Some(&stale))]);
        drop(store);
        // A render that is stopped records nothing: the next start begins
        // again.
        let store = Store::open(dir.path()).unwrap();
        store.set_renderer(echo(), 2);
        assert!(store.start_answers_over().unwrap());
        assert_eq!(store.render_answers(&AtomicBool::new(true)).unwrap(), 0);
        drop(store);
        // Another renderer version starts the answers over.
        let store = Store::open(dir.path()).unwrap();
        store.set_renderer(echo(), 2);
        assert_eq!(store.backfill_answers().unwrap(), 1);
        let r = store.read().unwrap();
        assert!(r.stored_answer("+34915820399").unwrap().is_none());
        assert_eq!(
            r.stored_answer(N).unwrap().map(|a| a.body).as_deref(),
            Some("Telefónica, S.A./0")
        );
    }

    /// Writes answer rows as they are (`None` removes one), past the
    /// renderer: what another build, or damage, leaves behind.
    fn put_rows(store: &Store, rows: &[(&str, Option<&[u8]>)]) {
        store
            .write(|w| {
                let mut t = w.tx.open_table(ANSWERS)?;
                for (e164, row) in rows {
                    let key = answer_key(e164).expect("E.164 text");
                    match row {
                        Some(bytes) => t.insert(key, *bytes)?,
                        None => t.remove(key)?,
                    };
                }
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }

    /// A renderer of rows the size of real ones, none for numbers ending
    /// in 7 (an answer not worth storing).
    fn padded() -> Renderer {
        Arc::new(|w: &Writer, e164: &str, _at: i64| {
            if e164.ends_with('7') || crate::store::DirectoryReads::number(w, e164)?.is_none() {
                return Ok(None);
            }
            Ok(Some(StoredAnswer {
                body: format!("{e164}:{}", "x".repeat(300)),
                etag: String::new(),
                expires_at: None,
                valid_until: i64::MAX,
                names: vec![],
            }))
        })
    }

    #[test]
    fn a_full_render_packs_the_answers_and_keeps_those_written_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.set_renderer(padded(), 1);
        let b = business();
        let numbers: Vec<String> = (0..6000u32).map(|i| format!("+3491{i:07}")).collect();
        // Written in an order far from the keys', as an import writes them.
        for chunk in (0..numbers.len()).step_by(600) {
            store
                .write(|w| {
                    w.put_business(&b)?;
                    for i in (chunk..chunk + 600).map(|i| (i * 4999) % numbers.len()) {
                        w.put_number(&numbers[i], &record(&b))?;
                    }
                    Ok::<_, StoreError>(())
                })
                .unwrap();
        }
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        store.set_renderer(padded(), 2);
        assert!(store.start_answers_over().unwrap());
        // Writes between the batches render their own answers: the full
        // render meets those rows and must replace, not duplicate, them.
        store
            .write(|w| {
                for n in numbers.iter().skip(2500).step_by(3).take(300) {
                    w.put_number(n, &record(&b))?;
                }
                Ok::<_, StoreError>(())
            })
            .unwrap();
        // Rows the render must step past or take out: one between two
        // listed numbers that no batch holds (the cursor seeks past it and
        // leaves it), and one for a number that renders no answer now.
        let between = "+349100000055";
        put_rows(
            &store,
            &[(between, Some(b"kept")), (&numbers[7], Some(b"stale"))],
        );
        assert_eq!(store.render_answers(&AtomicBool::new(false)).unwrap(), 6000);
        {
            let r = store.read().unwrap();
            let t = r.tx.open_table(ANSWERS).unwrap();
            let key = |n: &str| answer_key(n).unwrap();
            assert_eq!(t.get(key(between)).unwrap().unwrap().value(), b"kept");
            assert!(t.get(key(&numbers[7])).unwrap().is_none());
        }
        put_rows(&store, &[(between, None)]);
        let r = store.read().unwrap();
        for n in &numbers {
            let body = r.stored_answer(n).unwrap().map(|a| a.body);
            if n.ends_with('7') {
                assert_eq!(body, None, "{n}");
            } else {
                assert_eq!(body, Some(format!("{n}:{}", "x".repeat(300))), "{n}");
            }
        }
        let stats = r
            .table_stats()
            .unwrap()
            .into_iter()
            .find(|t| t.name == "answers")
            .unwrap();
        assert_eq!(stats.rows, 5400);
        // Packed: 11 rows fit a page; rendered one insert at a time, as
        // before, the same rows took 705 leaves (7.7 rows each).
        assert!(stats.leaf_pages * 9 <= stats.rows, "{stats:?}");
    }

    #[test]
    fn an_answer_row_that_does_not_decode_is_absent_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.set_renderer(echo(), 1);
        let b = business();
        store
            .write(|w| {
                w.put_business(&b)?;
                w.put_number(N, &record(&b))
            })
            .unwrap();
        let served = |store: &Store| {
            store
                .read()
                .unwrap()
                .with_stored_answer(N, |a| a.body)
                .unwrap()
        };
        assert_eq!(served(&store).as_deref(), Some("Telefónica, S.A./0"));
        // The row as stored: format byte, the body's length (one byte),
        // then the packed body, whose first byte names its form.
        let row = store
            .read()
            .unwrap()
            .tx
            .open_table(ANSWERS)
            .unwrap()
            .get(answer_key(N).unwrap())
            .unwrap()
            .unwrap()
            .value()
            .to_vec();
        assert_eq!(row[0], codec::FORMAT);
        assert_eq!(&row[3..5], "Te".as_bytes(), "the plain form");
        // The same row in a packed form no build wrote, then bytes that
        // are no record at all.
        let mut unknown_form = row.clone();
        unknown_form[2] = 9;
        for damaged in [unknown_form, vec![0xff; 3]] {
            put_rows(&store, &[(N, Some(&damaged))]);
            assert_eq!(served(&store), None);
        }
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
        let window = r.report_window(N, at).unwrap();
        assert_eq!(window.count, 2);
        let until = window.valid_until;
        assert_eq!(until, (day + 1) * DAY + REPORT_WINDOW);
        assert_eq!(r.report_window(N, until - 1).unwrap().count, 2);
        assert_eq!(r.report_window(N, until).unwrap().count, 1);
        assert_eq!(
            r.report_window("+34915820318", at).unwrap(),
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
                meta.insert(BACKFILLED, encode(&7u32).unwrap().as_slice())
                    .unwrap();
                meta.insert("schema_version", encode(&schema).unwrap().as_slice())
                    .unwrap();
                drop(meta);
                tx.commit().unwrap();
            }
            let store = Store::open(dir.path()).unwrap();
            store.set_renderer(echo(), 7);
            // The old rows are gone, and so is the mark that they were
            // current: the next start renders every answer again.
            assert!(!store.answers_current().unwrap(), "schema {schema}");
            let r = store.read().unwrap();
            assert_eq!(r.stored_answers().unwrap(), 0, "schema {schema}");
            assert!(r.stored_answer(N).unwrap().is_none());
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
