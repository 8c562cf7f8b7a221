use super::*;
use crate::model::{NumberRecord, NumberState, Report, ReportReason};
use crate::phone::E164;
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

/// Stores a business with one listed number (+34915820317) and a
/// report about another (+34600000001); returns the business.
fn listed_and_reported(store: &Store) -> crate::model::Business {
    let b = business();
    store
        .write(|w| {
            w.put_business(&b)?;
            w.put_number(E164::stored("+34915820317"), &record(&b))?;
            w.add_report("x1", &report("+34600000001"))
        })
        .unwrap();
    b
}

/// Asserts that `store` may know each of `known` and few others.
fn assert_knows_exactly(store: &Store, known: &[&str]) {
    let r = store.read().unwrap();
    for n in known {
        assert!(r.may_know(E164::stored(n)), "{n}");
    }
    let strangers = (0..1000)
        .filter(|k| r.may_know(E164::stored(&format!("+3460{k:07}"))))
        .count();
    assert!(strangers < 40, "{strangers} false positives in 1000");
}

/// Numbers stored before the fill come from the snapshot, numbers and
/// reports after it from the writes; no other number is known.
#[test]
fn the_filter_knows_every_number_the_tables_hold() {
    let dir = tempfile::tempdir().unwrap();
    let b = listed_and_reported(&Store::open(dir.path()).unwrap());
    let store = Store::open(dir.path()).unwrap();
    let before = store.read().unwrap();
    assert!(
        before.may_know(E164::stored("+34999999999")),
        "unfilled: all known"
    );
    assert_eq!(
        store.learn_known_numbers(&AtomicBool::new(false)).unwrap(),
        Some(Learned::Tables { keys: 2 })
    );
    store
        .write(|w| {
            w.put_number(E164::stored("+34915820318"), &record(&b))?;
            w.add_report("x2", &report("+34600000002"))
        })
        .unwrap();
    assert_knows_exactly(
        &store,
        &[
            "+34915820317",
            "+34600000001",
            "+34915820318",
            "+34600000002",
        ],
    );
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

fn learn(store: &Store) -> Learned {
    store
        .learn_known_numbers(&AtomicBool::new(false))
        .unwrap()
        .unwrap()
}

/// A directory with one listed and one reported number, whose filter
/// was saved: what a server's graceful stop leaves.
fn saved_directory() -> (tempfile::TempDir, crate::model::Business) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let b = listed_and_reported(&store);
    assert_eq!(
        store.save_known_numbers(false).unwrap(),
        None,
        "an unfilled filter is not saved without fill"
    );
    let saved = store.save_known_numbers(true).unwrap().unwrap();
    assert!(saved.rebuilt, "no copy to fill from: made from the tables");
    assert_eq!(
        saved.bytes,
        (KnownNumbers::new(2).filter.num_bits() / 8) as u64
    );
    (dir, b)
}

#[test]
fn a_start_reads_the_saved_filter_back_instead_of_the_tables() {
    let (dir, b) = saved_directory();
    let store = Store::open(dir.path()).unwrap();
    // A write between the open and the fill is noted in the live
    // filter: the copy does not hold it, and need not.
    store
        .write(|w| w.put_number(E164::stored("+34915820318"), &record(&b)))
        .unwrap();
    assert!(matches!(learn(&store), Learned::Copy { bytes } if bytes > 0));
    assert_knows_exactly(&store, &["+34915820317", "+34600000001", "+34915820318"]);
}

/// A command (an import) that opened a directory with a copy and wrote
/// numbers saves by reading the copy and adding its own notes: no pass
/// over the tables, and the next start knows the new numbers.
#[test]
fn a_save_with_fill_reads_the_copy_rather_than_the_tables() {
    let (dir, b) = saved_directory();
    {
        let store = Store::open(dir.path()).unwrap();
        assert!(store.known_copy.is_some());
        store
            .write(|w| w.put_number(E164::stored("+34915820318"), &record(&b)))
            .unwrap();
        let saved = store.save_known_numbers(true).unwrap().unwrap();
        assert!(!saved.rebuilt, "filled from the copy, saved as is");
    }
    let store = Store::open(dir.path()).unwrap();
    assert!(matches!(learn(&store), Learned::Copy { .. }));
    assert_knows_exactly(&store, &["+34915820317", "+34600000001", "+34915820318"]);
}

/// The copy is only good while no number was written after it: each
/// kind of write below counts up the generation, and the next start
/// goes through the tables (where it finds the new number).
#[test]
fn a_number_written_after_the_save_makes_the_copy_unused() {
    let listed = |w: &mut Writer| w.put_number(E164::stored("+34915820318"), &record(&business()));
    let reported = |w: &mut Writer| w.add_report("x2", &report("+34915820318"));
    for write in [listed, reported] {
        let (dir, b) = saved_directory();
        {
            let store = Store::open(dir.path()).unwrap();
            store.write(write).unwrap();
        }
        let store = Store::open(dir.path()).unwrap();
        assert!(store.known_copy.is_none());
        assert_eq!(learn(&store), Learned::Tables { keys: 3 });
        assert_knows_exactly(&store, &["+34915820317", "+34600000001", "+34915820318"]);
        // A write of no number (a business, a secret) keeps a copy.
        store.save_known_numbers(false).unwrap().unwrap();
        store.write(|w| w.put_business(&b)).unwrap();
        store.secret("another").unwrap();
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        assert!(matches!(learn(&store), Learned::Copy { .. }));
    }
}

/// A generation in `meta` that does not decode means no usable copy;
/// the next write of a number replaces it and drops the copy, so no
/// old copy can match the new value.
#[test]
fn a_damaged_generation_leaves_the_copy_unused_until_rewritten() {
    let (dir, b) = saved_directory();
    let damage = |store: &Store| {
        let db = store.db().unwrap();
        let tx = db.begin_write().unwrap();
        tx.open_table(META)
            .unwrap()
            .insert(GENERATION, b"\xff".as_slice())
            .unwrap();
        tx.commit().unwrap();
    };
    {
        let store = Store::open(dir.path()).unwrap();
        damage(&store);
    }
    let store = Store::open(dir.path()).unwrap();
    assert!(store.known_copy.is_none());
    store
        .write(|w| w.put_number(E164::stored("+34915820318"), &record(&b)))
        .unwrap();
    let r = store.read().unwrap();
    assert_eq!(generation(&r.tx.open_table(META).unwrap()).unwrap(), 1);
    assert!(r.tx.open_table(COPY).unwrap().is_empty().unwrap());
}

/// A copy that does not hold the tables' numbers (here: its hash key
/// changed, as another hash function would) is refused by the check of
/// the first numbers and adds nothing; the tables fill the filter.
#[test]
fn a_copy_lacking_the_tables_numbers_is_refused() {
    let (dir, _) = saved_directory();
    {
        let store = Store::open(dir.path()).unwrap();
        let db = store.db().unwrap();
        let tx = db.begin_write().unwrap();
        {
            let mut table = tx.open_table(COPY).unwrap();
            let mut header: CopyHeader = decode(table.get(0).unwrap().unwrap().value()).unwrap();
            header.seed ^= 1;
            table
                .insert(0, encode(&header).unwrap().as_slice())
                .unwrap();
        }
        tx.commit().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert!(store.known_copy.is_some(), "the header alone looks fine");
    assert_eq!(learn(&store), Learned::Tables { keys: 2 });
    assert_knows_exactly(&store, &["+34915820317", "+34600000001"]);
}

/// A copy that another save replaced after the open, or whose rows do
/// not make up the size its header says, is not read.
#[test]
fn a_copy_that_changed_or_lost_rows_is_refused() {
    let stop = AtomicBool::new(false);
    let (dir, _) = saved_directory();
    let store = Store::open(dir.path()).unwrap();
    let opened = store.known_copy.clone().unwrap();
    // Another save (a new seed, as a rebuild makes) after the open.
    let other = Store::open(tempfile::tempdir().unwrap().path()).unwrap();
    let mut replaced = opened.clone();
    replaced.seed = other.known.seed;
    assert_ne!(replaced, opened);
    {
        let db = store.db().unwrap();
        let tx = db.begin_write().unwrap();
        tx.open_table(COPY)
            .unwrap()
            .insert(0, encode(&replaced).unwrap().as_slice())
            .unwrap();
        tx.commit().unwrap();
    }
    assert_eq!(
        store.read_known_copy(&opened, &stop).unwrap(),
        Some(Err("another copy was saved since the start"))
    );
    // The header as at the open again, but a row gone.
    {
        let db = store.db().unwrap();
        let tx = db.begin_write().unwrap();
        let mut table = tx.open_table(COPY).unwrap();
        table
            .insert(0, encode(&opened).unwrap().as_slice())
            .unwrap();
        table.remove(1).unwrap();
        drop(table);
        tx.commit().unwrap();
    }
    assert_eq!(
        store.read_known_copy(&opened, &stop).unwrap(),
        Some(Err("its rows do not add up to its size"))
    );
    assert_eq!(learn(&store), Learned::Tables { keys: 2 });
    assert_knows_exactly(&store, &["+34915820317", "+34600000001"]);
}

/// A copy made for far fewer numbers than the store now holds (its
/// rate would be far above the goal) is not used, whatever its
/// generation says.
#[test]
fn a_copy_too_small_for_the_store_does_not_fit() {
    let copy = CopyHeader {
        format: COPY_FORMAT,
        generation: 0,
        seed: 7,
        hashes: 7,
        words: (9.6 * MIN_CAPACITY as f64 / 64.0) as u64,
    };
    assert!(copy_fits(&copy, 50_000));
    assert!(!copy_fits(&copy, 1_000_000));
    // However few numbers: no damaged count of hashes.
    assert!(!copy_fits(
        &CopyHeader {
            hashes: 0,
            ..copy.clone()
        },
        0
    ));
    assert!(!copy_fits(
        &CopyHeader {
            hashes: u32::MAX,
            ..copy.clone()
        },
        0
    ));
    assert!(!copy_fits(
        &CopyHeader {
            format: 0,
            ..copy.clone()
        },
        50_000
    ));
    assert!(!copy_fits(
        &CopyHeader {
            words: 0,
            ..copy.clone()
        },
        50_000
    ));
    assert!(!copy_fits(
        &CopyHeader {
            words: u64::MAX,
            ..copy
        },
        50_000
    ));
}

/// A filter that has become denser than twice the goal is made anew
/// from the tables when saved with `fill`, and not saved without.
#[test]
fn a_filter_grown_too_dense_is_rebuilt_on_save() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    listed_and_reported(&store);
    learn(&store);
    for k in 0..(3 * MIN_CAPACITY) {
        store.known.note(&format!("+3120{k:07}"));
    }
    assert!(store.known.false_positive_rate() > WORST_FALSE_POSITIVES);
    assert_eq!(store.save_known_numbers(false).unwrap(), None);
    let saved = store.save_known_numbers(true).unwrap().unwrap();
    assert!(saved.rebuilt);
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert!(matches!(learn(&store), Learned::Copy { .. }));
    // The tables' numbers, and not the noise noted above.
    assert_knows_exactly(&store, &["+34915820317", "+34600000001"]);
    let r = store.read().unwrap();
    let noise = (0..1000)
        .filter(|k| r.may_know(E164::stored(&format!("+3120{k:07}"))))
        .count();
    assert!(noise < 40, "{noise} of the noted noise still known");
}
