//! Which numbers the store may hold anything about: a Bloom filter of every
//! E.164 that has a record (a listed number) or spam reports.
//!
//! An address book is mostly numbers nobody registered. Without the filter
//! each of them costs three B-tree descents that find nothing (its stored
//! answer, its record, its report days); with it, one hash in memory. A
//! Bloom filter has no false negatives, so "not known" is certain and the
//! answer (`unknown`, no reports) is the one the tables would give; a false
//! positive (about 1 in 100) only costs the descents as before.
//!
//! Keeping it whole: every write notes the numbers it touches before it
//! commits ([`Writer`](super::Writer) calls [`KnownNumbers::note`]), so a
//! number is in the filter before any reader can see its record. The
//! filter is made empty when the store opens and filled in the background
//! ([`Store::learn_known_numbers`]); writes after the open noted
//! themselves, writes before it are in what the fill reads. Until the fill
//! is done every number counts as known. Numbers are never taken out (a
//! removed number stays a false positive until a save rebuilds the filter
//! or a start goes through the tables).
//!
//! The fill reads one of two sources:
//! - **a saved copy** ([`Store::save_known_numbers`]: a server's graceful
//!   stop, the end of an import): the filter's bits in rows of 1 MiB, read
//!   back in one pass (a few bytes a number, against a B-tree entry a
//!   number and a report day for the tables). A copy is only used when no number was
//!   written since it was made: every write transaction that notes a
//!   number also counts up a generation in `meta`, and the copy records
//!   the generation it was made at. That check is inside redb's
//!   transactions, so no crash or concurrent write can get around it; a
//!   build that does not count (schema 3 and older) refuses this schema. A
//!   copy made by another hash function (a new `fastbloom`) is caught by
//!   checking that it holds the first numbers of the tables.
//! - **the tables** (no copy, or one that does not fit): every key of
//!   `numbers` and `report_days`, from a snapshot.
//!
//! Size: 9.6 bits a slot at the 1% rate, with slots for twice the numbers
//! and report days the store held when the filter was made from the tables
//! (so growth after that keeps the rate low): about 2.4 bytes a stored
//! number (a unit test checks it). A start from a copy
//! keeps the copy's size; a copy is used only while its rate at the
//! store's size stays within twice the goal (else the start reads the
//! tables and sizes the filter anew), a server's stop does not save a
//! filter denser than that, and an import's save rebuilds it.

use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicBool, Ordering};

use fastbloom::{expected_density, expected_false_pos, optimal_size, AtomicBloomFilter};
use redb::{
    ReadTransaction, ReadableTable, ReadableTableMetadata, TableDefinition, WriteTransaction,
};
use serde::{Deserialize, Serialize};

use super::directory::NUMBERS;
use super::workflow::REPORT_DAYS;
use super::{decode, encode, Store, StoreError, Writer, META};

/// The false positive rate the filter is sized for.
const FALSE_POSITIVES: f64 = 0.01;

/// A filter whose rate has grown past this is not kept (see the module
/// docs).
const WORST_FALSE_POSITIVES: f64 = 2.0 * FALSE_POSITIVES;

/// The filter holds at least this many numbers at its rate.
const MIN_CAPACITY: usize = 100_000;

/// The saved copy: row 0 its [`CopyHeader`], rows 1.. the filter's 64-bit
/// words, little-endian, [`CHUNK_WORDS`] a row.
pub(super) const COPY: TableDefinition<u32, &[u8]> = TableDefinition::new("known_numbers_copy");
const CHUNK_WORDS: usize = 128 * 1024;

/// In `meta`: how many write transactions have noted a number.
const GENERATION: &str = "known_numbers_generation";

/// Bumped when the copy's layout changes: an older copy is then ignored.
const COPY_FORMAT: u32 = 1;

/// At most this many hashes a number (7 at the 1% rate): a damaged header
/// must not make every probe loop for long.
const MAX_HASHES: u32 = 32;

/// How many of the first keys of each table a copy must hold to be used.
const CANARIES: usize = 64;

/// What a saved copy says about itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct CopyHeader {
    format: u32,
    /// The [`GENERATION`] it was made at.
    generation: u64,
    /// The hash key: random for each filter made from the tables, and
    /// kept with its copy (a number someone picks to collide only costs
    /// the descents of a false positive).
    seed: u128,
    hashes: u32,
    words: u64,
}

/// Every number the store may know, once filled.
pub(super) struct KnownNumbers {
    filter: AtomicBloomFilter,
    seed: u128,
    /// Set once the filter holds every number of the store.
    filled: AtomicBool,
}

impl KnownNumbers {
    /// An empty filter for a store that holds about `numbers` keys now.
    pub(super) fn new(numbers: u64) -> KnownNumbers {
        let seed = random_seed();
        KnownNumbers {
            filter: AtomicBloomFilter::with_false_pos(FALSE_POSITIVES)
                .seed(&seed)
                .expected_items(capacity(numbers)),
            seed,
            filled: AtomicBool::new(false),
        }
    }

    /// An empty filter of the size and hash of a saved copy.
    fn shaped_like(copy: &CopyHeader) -> KnownNumbers {
        KnownNumbers {
            filter: AtomicBloomFilter::with_num_bits(words_of(copy).saturating_mul(64))
                .seed(&copy.seed)
                .hashes(copy.hashes),
            seed: copy.seed,
            filled: AtomicBool::new(false),
        }
    }

    /// Records that the store may hold something about `e164`. Private:
    /// a write notes through [`Writer::note_known`], which also marks the
    /// write as one that makes a saved copy stale.
    fn note(&self, e164: &str) {
        self.filter.insert(e164);
    }

    /// Whether the store may hold anything about `e164`; `false` is
    /// certain.
    pub(super) fn may_know(&self, e164: &str) -> bool {
        !self.is_filled() || self.filter.contains(e164)
    }

    fn is_filled(&self) -> bool {
        self.filled.load(Ordering::Acquire)
    }

    /// The false positive rate of the filter as it is, from the share of
    /// its bits that are set (which, unlike a count of insertions, also
    /// sees numbers noted twice or removed since).
    fn false_positive_rate(&self) -> f64 {
        let ones: u64 = self.filter.iter().map(|w| u64::from(w.count_ones())).sum();
        let density = ones as f64 / self.filter.num_bits().max(1) as f64;
        expected_false_pos(self.filter.num_hashes(), density)
    }

    /// Notes every key of the store's number tables; `None` if `stop` was
    /// set first.
    fn note_tables(
        &self,
        numbers: &impl ReadableTable<&'static str, &'static [u8]>,
        report_days: &impl ReadableTable<(&'static str, i64), u64>,
        stop: &AtomicBool,
    ) -> Result<Option<u64>, StoreError> {
        let mut seen = 0u64;
        for entry in numbers.iter()? {
            let (key, _) = entry?;
            self.note(key.value());
            seen += 1;
            if seen.is_multiple_of(4096) && stop.load(Ordering::Relaxed) {
                return Ok(None);
            }
        }
        let mut last = String::new();
        for entry in report_days.iter()? {
            let (key, _) = entry?;
            let (e164, _day) = key.value();
            // Keys are (number, day): a number's days are consecutive.
            if e164 != last {
                self.note(e164);
                last = e164.to_owned();
            }
            seen += 1;
            if seen.is_multiple_of(4096) && stop.load(Ordering::Relaxed) {
                return Ok(None);
            }
        }
        Ok(Some(seen))
    }
}

/// Slots for twice the numbers a store holds, and at least
/// [`MIN_CAPACITY`].
fn capacity(numbers: u64) -> usize {
    usize::try_from(numbers)
        .unwrap_or(usize::MAX / 2)
        .saturating_mul(2)
        .max(MIN_CAPACITY)
}

fn words_of(copy: &CopyHeader) -> usize {
    usize::try_from(copy.words).unwrap_or(usize::MAX)
}

/// A random hash key. std's `RandomState` is keyed from the system's
/// random source once per process and varies per instance.
fn random_seed() -> u128 {
    let half = || {
        std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
    };
    (u128::from(half()) << 64) | u128::from(half())
}

/// Whether a copy is worth reading for a store of `numbers` keys: its own
/// format, a sane count of hashes, at most twice the rate goal at that size
/// (fastbloom's own estimate), and not far larger than a filter made for
/// it (a damaged header must not make a start allocate without bound).
fn copy_fits(copy: &CopyHeader, numbers: u64) -> bool {
    if copy.format != COPY_FORMAT || !(1..=MAX_HASHES).contains(&copy.hashes) || copy.words == 0 {
        return false;
    }
    let bits = words_of(copy).saturating_mul(64);
    let items = usize::try_from(numbers).unwrap_or(usize::MAX / 64);
    let rate = expected_false_pos(copy.hashes, expected_density(copy.hashes, bits, items));
    let made_for_it = optimal_size(capacity(numbers), FALSE_POSITIVES);
    rate <= WORST_FALSE_POSITIVES && bits <= made_for_it.saturating_mul(4)
}

/// The generation of the numbers written (see the module docs).
fn generation(meta: &impl ReadableTable<&'static str, &'static [u8]>) -> Result<u64, StoreError> {
    meta.get(GENERATION)?
        .map(|v| decode::<u64>(v.value()))
        .transpose()
        .map(Option::unwrap_or_default)
}

impl Writer {
    /// Notes that the store may hold something about `e164`, before the
    /// write that stores it commits; the commit then counts up the
    /// generation ([`count_a_number_write`]). Every write of a number
    /// must come through here (`put_number`, `add_report`).
    pub(super) fn note_known(&mut self, e164: &str) {
        self.known.note(e164);
        self.noted_numbers = true;
    }
}

/// Counts up the generation: the write in `tx` noted a number, so a copy
/// made before it no longer holds every number. A generation that does not
/// decode (a damaged row) is replaced, and the copy dropped with it: no
/// copy can claim the new value.
pub(super) fn count_a_number_write(tx: &WriteTransaction) -> Result<(), StoreError> {
    let mut meta = tx.open_table(META)?;
    let next = match generation(&meta) {
        Ok(current) => current.wrapping_add(1),
        Err(_) => {
            tx.delete_table(COPY)?;
            tx.open_table(COPY)?;
            1
        }
    };
    meta.insert(GENERATION, encode(&next)?.as_slice())?;
    Ok(())
}

pub(super) fn create_tables(tx: &WriteTransaction) -> Result<(), StoreError> {
    tx.open_table(COPY)?;
    Ok(())
}

/// The filter for a store being opened, and the copy it will be filled
/// from, if the file holds one that fits (see the module docs).
pub(super) fn at_open(
    tx: &ReadTransaction,
) -> Result<(KnownNumbers, Option<CopyHeader>), StoreError> {
    let numbers = stored_number_keys(tx)?;
    // A generation or header that does not decode (damage, another
    // format) means no usable copy.
    let current = generation(&tx.open_table(META)?).ok();
    let copy = tx
        .open_table(COPY)?
        .get(0)?
        .and_then(|v| decode::<CopyHeader>(v.value()).ok())
        .filter(|copy| Some(copy.generation) == current && copy_fits(copy, numbers));
    Ok(match copy {
        Some(copy) => (KnownNumbers::shaped_like(&copy), Some(copy)),
        None => (KnownNumbers::new(numbers), None),
    })
}

/// How many keys the number tables hold: what a filter is sized for.
fn stored_number_keys(tx: &ReadTransaction) -> Result<u64, StoreError> {
    Ok(tx.open_table(NUMBERS)?.len()? + tx.open_table(REPORT_DAYS)?.len()?)
}

/// Where [`Store::learn_known_numbers`] found the numbers.
#[derive(Debug, PartialEq, Eq)]
pub enum Learned {
    /// A saved copy of this many bytes.
    Copy { bytes: u64 },
    /// This many keys of the number tables.
    Tables { keys: u64 },
}

/// What [`Store::save_known_numbers`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedKnown {
    pub bytes: u64,
    /// Whether the filter was made anew from the tables first.
    pub rebuilt: bool,
}

impl Store {
    /// Fills the filter of known numbers, from the saved copy found at open
    /// if there is one (whole by its generation) and it passes the checks
    /// of [`Store::read_known_copy`], else from a snapshot of the
    /// tables; from then on lookups of numbers it does not hold skip the
    /// tables. `None` if `stop` was set first (the filter then stays
    /// unused: every number counts as known).
    pub fn learn_known_numbers(&self, stop: &AtomicBool) -> Result<Option<Learned>, StoreError> {
        if let Some(copy) = &self.known_copy {
            match self.read_known_copy(copy, stop)? {
                Some(Ok(bytes)) => {
                    self.known.filled.store(true, Ordering::Release);
                    return Ok(Some(Learned::Copy { bytes }));
                }
                Some(Err(why)) => tracing::warn!(
                    why,
                    "the saved filter of known numbers is not usable; reading the tables"
                ),
                None => return Ok(None),
            }
        }
        let tx = self.begin_read()?;
        let keys =
            self.known
                .note_tables(&tx.open_table(NUMBERS)?, &tx.open_table(REPORT_DAYS)?, stop)?;
        let Some(keys) = keys else { return Ok(None) };
        self.known.filled.store(true, Ordering::Release);
        Ok(Some(Learned::Tables { keys }))
    }

    /// Reads the copy `expected` into the filter; `Some(Err(why))` if it is
    /// not whole (it then adds nothing), `None` if stopped.
    fn read_known_copy(
        &self,
        expected: &CopyHeader,
        stop: &AtomicBool,
    ) -> Result<Option<Result<u64, &'static str>>, StoreError> {
        let tx = self.begin_read()?;
        let table = tx.open_table(COPY)?;
        let header = table
            .get(0)?
            .and_then(|v| decode::<CopyHeader>(v.value()).ok());
        if header.as_ref() != Some(expected) {
            return Ok(Some(Err("another copy was saved since the start")));
        }
        let mut words = Vec::with_capacity(words_of(expected));
        for row in table.range(1..)? {
            let (_, chunk) = row?;
            let chunk = chunk.value();
            if chunk.len() % 8 != 0 || words.len() + chunk.len() / 8 > words_of(expected) {
                return Ok(Some(Err("its rows do not add up to its size")));
            }
            words.extend(
                chunk
                    .chunks_exact(8)
                    .map(|w| u64::from_le_bytes(w.try_into().unwrap_or([0; 8]))),
            );
            if stop.load(Ordering::Relaxed) {
                return Ok(None);
            }
        }
        if words.len() != words_of(expected) {
            return Ok(Some(Err("its rows do not add up to its size")));
        }
        let copy = AtomicBloomFilter::from_vec(words)
            .seed(&expected.seed)
            .hashes(expected.hashes);
        let live = &self.known.filter;
        if copy.num_bits() != live.num_bits() || copy.num_hashes() != live.num_hashes() {
            return Ok(Some(Err("its shape is not the filter's")));
        }
        // A number written since the open is in the live filter, not in
        // the copy.
        let holds = |e164: &str| copy.contains(e164) || live.contains(e164);
        let numbers = tx.open_table(NUMBERS)?;
        for entry in numbers.iter()?.take(CANARIES) {
            if !holds(entry?.0.value()) {
                return Ok(Some(Err(
                    "it lacks numbers of the tables (another hash function?)",
                )));
            }
        }
        for entry in tx.open_table(REPORT_DAYS)?.iter()?.take(CANARIES) {
            if !holds(entry?.0.value().0) {
                return Ok(Some(Err(
                    "it lacks reported numbers (another hash function?)",
                )));
            }
        }
        live.union(&copy);
        Ok(Some(Ok(expected.words.saturating_mul(8))))
    }

    /// Saves the filter of known numbers into the file, for the next start
    /// to read back instead of going through the tables. Without `fill`
    /// (a server's stop) only a filled filter whose rate is within
    /// [`WORST_FALSE_POSITIVES`] is saved, as it is. With `fill` (the end
    /// of an import) a filter that is not filled is first filled from the
    /// copy found at open, if that still fits the store, and a filter that
    /// is still unfilled or too dense is made anew from the tables, sized
    /// for them: one O(n) pass, under the write lock. `None` if nothing
    /// was saved.
    pub fn save_known_numbers(&self, fill: bool) -> Result<Option<SavedKnown>, StoreError> {
        if fill && !self.known.is_filled() {
            // Reading the copy is O(its bytes); the rebuild below, O(n).
            let numbers = stored_number_keys(&self.begin_read()?)?;
            if self
                .known_copy
                .as_ref()
                .is_some_and(|copy| copy_fits(copy, numbers))
            {
                self.learn_known_numbers(&AtomicBool::new(false))?;
            }
        }
        self.write(|w| {
            let tx = &w.tx;
            // Inside the write transaction no other write can commit, so
            // the filter holds every number committed so far.
            let rebuilt;
            let (filter, rebuilt_now) = if self.known.is_filled()
                && self.known.false_positive_rate() <= WORST_FALSE_POSITIVES
            {
                (&*self.known, false)
            } else if fill {
                let numbers = tx.open_table(NUMBERS)?;
                let report_days = tx.open_table(REPORT_DAYS)?;
                rebuilt = KnownNumbers::new(numbers.len()? + report_days.len()?);
                rebuilt.note_tables(&numbers, &report_days, &AtomicBool::new(false))?;
                (&rebuilt, true)
            } else {
                return Ok(None);
            };
            let header = CopyHeader {
                format: COPY_FORMAT,
                generation: generation(&tx.open_table(META)?)?,
                seed: filter.seed,
                hashes: filter.filter.num_hashes(),
                words: (filter.filter.num_bits() / 64) as u64,
            };
            tx.delete_table(COPY)?;
            let mut table = tx.open_table(COPY)?;
            let mut words = filter.filter.iter().peekable();
            let mut chunk = Vec::with_capacity(CHUNK_WORDS * 8);
            let mut row = 1u32;
            while words.peek().is_some() {
                chunk.clear();
                for word in words.by_ref().take(CHUNK_WORDS) {
                    chunk.extend_from_slice(&word.to_le_bytes());
                }
                table.insert(row, chunk.as_slice())?;
                row += 1;
            }
            table.insert(0, encode(&header)?.as_slice())?;
            Ok(Some(SavedKnown {
                bytes: header.words.saturating_mul(8),
                rebuilt: rebuilt_now,
            }))
        })
    }
}

#[cfg(test)]
#[path = "known_tests.rs"]
mod tests;
