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
//! filter is made empty when the store opens and filled from a snapshot in
//! the background ([`Store::learn_known_numbers`]); writes after the open
//! noted themselves, writes before it are in any later snapshot. Until the
//! fill is done every number counts as known. Numbers are never taken out
//! (a removed number stays a false positive until the next start).
//!
//! Size: 9.6 bits a slot at the 1% rate, with slots for twice the numbers
//! and report days the store held at open (so growth after a start keeps
//! the rate low; each start sizes it anew): about 2.4 bytes a stored
//! number, 3.6 MB for the 1.5M numbers of the generated million businesses
//! (a unit test checks it), ~360 MB at 150M numbers.

use std::sync::atomic::{AtomicBool, Ordering};

use fastbloom::AtomicBloomFilter;
use redb::{ReadableTable, ReadableTableMetadata};

use super::directory::NUMBERS;
use super::workflow::REPORT_DAYS;
use super::{Store, StoreError};

/// The false positive rate the filter is sized for.
const FALSE_POSITIVES: f64 = 0.01;

/// The filter holds at least this many numbers at its rate.
const MIN_CAPACITY: usize = 100_000;

/// Every number the store may know, once filled.
pub(super) struct KnownNumbers {
    filter: AtomicBloomFilter,
    /// Set once the filter holds every number of the store.
    filled: AtomicBool,
}

impl KnownNumbers {
    /// An empty filter for a store that holds about `numbers` keys now.
    pub(super) fn new(numbers: u64) -> KnownNumbers {
        let capacity = usize::try_from(numbers)
            .unwrap_or(usize::MAX / 2)
            .saturating_mul(2)
            .max(MIN_CAPACITY);
        KnownNumbers {
            filter: AtomicBloomFilter::with_false_pos(FALSE_POSITIVES).expected_items(capacity),
            filled: AtomicBool::new(false),
        }
    }

    /// Records that the store may hold something about `e164`.
    pub(super) fn note(&self, e164: &str) {
        self.filter.insert(e164);
    }

    /// Whether the store may hold anything about `e164`; `false` is
    /// certain.
    pub(super) fn may_know(&self, e164: &str) -> bool {
        !self.filled.load(Ordering::Acquire) || self.filter.contains(e164)
    }
}

impl Store {
    /// How many keys the filter should expect: numbers and report days.
    pub(super) fn known_numbers_estimate(&self) -> Result<u64, StoreError> {
        let tx = self.begin_read()?;
        Ok(tx.open_table(NUMBERS)?.len()? + tx.open_table(REPORT_DAYS)?.len()?)
    }

    /// Fills the filter of known numbers from a snapshot; from then on
    /// lookups of numbers it does not hold skip the tables. Returns how
    /// many keys it went through, or `None` if `stop` was set first (the
    /// filter then stays unused: every number counts as known).
    pub fn learn_known_numbers(&self, stop: &AtomicBool) -> Result<Option<u64>, StoreError> {
        let tx = self.begin_read()?;
        let mut seen = 0u64;
        for entry in tx.open_table(NUMBERS)?.iter()? {
            let (key, _) = entry?;
            self.known.note(key.value());
            seen += 1;
            if seen % 4096 == 0 && stop.load(Ordering::Relaxed) {
                return Ok(None);
            }
        }
        let mut last = String::new();
        for entry in tx.open_table(REPORT_DAYS)?.iter()? {
            let (key, _) = entry?;
            let (e164, _day) = key.value();
            // Keys are (number, day): a number's days are consecutive.
            if e164 != last {
                self.known.note(e164);
                last = e164.to_owned();
            }
            seen += 1;
            if seen % 4096 == 0 && stop.load(Ordering::Relaxed) {
                return Ok(None);
            }
        }
        self.known.filled.store(true, Ordering::Release);
        Ok(Some(seen))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NumberRecord, NumberState, Report, ReportReason};
    use crate::store::tests::business;

    fn record(b: &crate::model::Business) -> NumberRecord {
        NumberRecord {
            business: b.id.clone(),
            state: NumberState::Unproven,
            proof: None,
            updated_at: 1,
        }
    }

    fn report(number: &str) -> Report {
        Report {
            number: number.into(),
            reason: ReportReason::Spam,
            comment: None,
            reporter: "r1".into(),
            at: crate::model::now(),
        }
    }

    /// Numbers stored before the fill come from the snapshot, numbers and
    /// reports after it from the writes; no other number is known.
    #[test]
    fn the_filter_knows_every_number_the_tables_hold() {
        let dir = tempfile::tempdir().unwrap();
        let b = business();
        {
            let store = Store::open(dir.path()).unwrap();
            store
                .write(|w| {
                    w.put_business(&b)?;
                    w.put_number("+34915820317", &record(&b))?;
                    w.add_report("x1", &report("+34600000001"))
                })
                .unwrap();
        }
        let store = Store::open(dir.path()).unwrap();
        let before = store.read().unwrap();
        assert!(before.may_know("+34999999999"), "unfilled: all known");
        assert_eq!(
            store.learn_known_numbers(&AtomicBool::new(false)).unwrap(),
            Some(2)
        );
        store
            .write(|w| {
                w.put_number("+34915820318", &record(&b))?;
                w.add_report("x2", &report("+34600000002"))
            })
            .unwrap();
        let r = store.read().unwrap();
        for known in [
            "+34915820317",
            "+34600000001",
            "+34915820318",
            "+34600000002",
        ] {
            assert!(r.may_know(known), "{known}");
        }
        let strangers = (0..1000)
            .filter(|k| r.may_know(&format!("+3460{k:07}")))
            .count();
        assert!(strangers < 40, "{strangers} false positives in 1000");
    }

    #[test]
    fn every_number_counts_as_known_until_the_filter_is_filled() {
        let known = KnownNumbers::new(10);
        assert!(known.may_know("+31206499123"));
        known.filled.store(true, Ordering::Release);
        assert!(!known.may_know("+31206499123"));
        known.note("+31206499123");
        assert!(known.may_know("+31206499123"));
    }

    #[test]
    fn the_filter_takes_about_two_and_a_half_bytes_a_stored_number() {
        let bytes = KnownNumbers::new(1_500_000).filter.num_bits() / 8;
        assert!((3_400_000..3_900_000).contains(&bytes), "{bytes} bytes");
    }

    #[test]
    fn a_filled_filter_knows_every_noted_number_and_few_others() {
        let known = KnownNumbers::new(0);
        known.filled.store(true, Ordering::Release);
        for k in 0..MIN_CAPACITY {
            known.note(&format!("+3120{k:07}"));
        }
        assert!((0..MIN_CAPACITY).all(|k| known.may_know(&format!("+3120{k:07}"))));
        let strangers = (0..10_000)
            .filter(|k| known.may_know(&format!("+3420{k:07}")))
            .count();
        // 1% expected; four times that would mean a broken filter.
        assert!(strangers < 400, "{strangers} false positives in 10,000");
    }
}
