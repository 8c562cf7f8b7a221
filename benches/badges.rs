//! The badge list's pure parts at 1M badged numbers (`bizseal-client`):
//! the snapshot's size, encoding and decoding it, a delta of 1,000
//! changes (made, encoded, decoded, applied), and a 1,000-number address
//! book checked against the local list, each against a baseline measured
//! in the same run.
//!
//! Run: `cargo bench -p bizseal-benches --bench badges`
//! (`BIZSEAL_BENCH_BADGES=N` for another size). A plain timing harness, as
//! `translog`: the 1M list is built once. Figures go to BENCHMARKS.md.

use std::hint::black_box;
use std::time::{Duration, Instant};

use bizseal_client::badges::delta::Delta;
use bizseal_client::badges::list::{number_hash, prefix_bits_for, BadgeList};

/// The median time of `f` over `rounds` runs.
fn median(rounds: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[rounds / 2]
}

fn number(i: u64) -> String {
    // Valid-looking E.164 numbers, distinct for distinct i.
    format!("+34{}", 600_000_000 + i)
}

fn main() {
    let n: u64 = std::env::var("BIZSEAL_BENCH_BADGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let bits = prefix_bits_for(n);
    let hashes: Vec<[u8; 32]> = (0..n).map(|i| number_hash(&number(i))).collect();
    let list = BadgeList::from_hashes(bits, &hashes);
    let snapshot = list.encode(1);
    println!(
        "list: {n} numbers, {} distinct {bits}-bit prefixes, snapshot {} bytes = {:.3} bytes a number, false-positive rate n/2^bits = {:.2e}",
        list.len(),
        snapshot.len(),
        snapshot.len() as f64 / n as f64,
        n as f64 / 2f64.powi(i32::from(bits)),
    );

    // Baseline for the list's own work: copying the prefixes' 8-byte form.
    let copy = median(11, || {
        let raw: Vec<u8> = list
            .prefixes()
            .iter()
            .flat_map(|p| p.to_be_bytes())
            .collect();
        black_box(raw);
    });
    let encode = median(11, || {
        black_box(list.encode(1));
    });
    let decode = median(11, || {
        black_box(BadgeList::decode(&snapshot).unwrap());
    });
    let checksum = median(11, || {
        black_box(list.checksum());
    });
    println!(
        "snapshot encode {encode:?} ({:.1}x copying the raw prefixes, {copy:?}), decode {decode:?} ({:.1}x), set checksum {checksum:?}",
        encode.as_secs_f64() / copy.as_secs_f64(),
        decode.as_secs_f64() / copy.as_secs_f64(),
    );

    // A delta of 1,000 changes: 500 numbers leave, 500 arrive.
    let mut next = hashes.clone();
    next.drain(..500);
    next.extend((n..n + 500).map(|i| number_hash(&number(i))));
    let new = BadgeList::from_hashes(bits, &next);
    let delta = Delta::between(&list, 1, &new, 2);
    let delta_bytes = delta.encode();
    let make = median(11, || {
        black_box(Delta::between(&list, 1, &new, 2).encode());
    });
    let apply = median(11, || {
        let d = Delta::decode(&delta_bytes).unwrap();
        black_box(d.apply(&list).unwrap());
    });
    println!(
        "delta of 1,000 changes: {} bytes ({} removed, {} added); made and encoded {make:?}, decoded and applied {apply:?} ({:.1}x copying the raw prefixes)",
        delta_bytes.len(),
        delta.removed.len(),
        delta.added.len(),
        apply.as_secs_f64() / copy.as_secs_f64(),
    );

    // A 1,000-number address book: 950 personal numbers and 50 businesses.
    let book: Vec<String> = (0..950)
        .map(|i| format!("+44{}", 7_700_000_000u64 + i * 7919))
        .chain((0..50).map(|i| number(i * 1_000)))
        .collect();
    let hashing = median(101, || {
        for number in &book {
            black_box(number_hash(number));
        }
    });
    let checking = median(101, || {
        let hits = book
            .iter()
            .filter(|n| list.may_contain(&number_hash(n)))
            .count();
        black_box(hits);
    });
    let hits = book
        .iter()
        .filter(|n| list.may_contain(&number_hash(n)))
        .count();
    println!(
        "address book of {}: {hits} hits, checked in {checking:?} ({:.0} ns a number; {:.2}x hashing the numbers alone, {hashing:?})",
        book.len(),
        checking.as_nanos() as f64 / book.len() as f64,
        checking.as_secs_f64() / hashing.as_secs_f64(),
    );
}
