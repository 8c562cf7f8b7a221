//! What one redb point read costs when the keys are spread over a million
//! rows (a lookup of a uniformly random number) against the same read of a
//! few keys that stay in the CPU's caches, and what the key layout changes:
//! E.164 text keys (what the `answers` table used up to schema 2) against
//! the same numbers as `u64` (fixed width: no offset array, integer
//! compares; the table's `answer_key` since schema 3).
//!
//! Every read is served from redb's own page cache (sized to hold the
//! table), so the difference between "spread" and "hot" is main-memory
//! misses alone: the floor under a uniformly random lookup at this size,
//! however little the code around it does.
//!
//! Run: `cargo bench -p bizseal-benches --bench point_reads` (`BIZSEAL_BENCH_ROWS=N` for
//! another size). Figures go to BENCHMARKS.md.

use std::hint::black_box;
use std::time::Instant;

use redb::{Database, ReadableDatabase, TableDefinition};

const TEXT: TableDefinition<&str, &[u8]> = TableDefinition::new("text");
const NUMERIC: TableDefinition<u64, &[u8]> = TableDefinition::new("numeric");

/// About a packed stored answer's size.
const VALUE_BYTES: usize = 380;
/// Keys read over and over for the "hot" figure.
const HOT: usize = 1000;
const ROUNDS: usize = 3;

/// A fixed pseudo-random sequence (xorshift64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Nanoseconds per read of every key in `keys`, through `get`.
fn per_read<K: Copy>(keys: &[K], mut get: impl FnMut(K) -> usize) -> f64 {
    let t = Instant::now();
    let mut sum = 0;
    for &k in keys {
        sum += get(k);
    }
    black_box(sum);
    t.elapsed().as_nanos() as f64 / keys.len() as f64
}

fn main() {
    let rows: usize = std::env::var("BIZSEAL_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let db = Database::builder()
        .set_cache_size(2 * rows * (VALUE_BYTES + 64))
        .create(dir.path().join("reads.redb"))
        .expect("create database");

    // Brazilian-looking mobile numbers, distinct, in a scattered order.
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut numbers: Vec<u64> = (0..rows as u64)
        .map(|i| 5511_9000_0000 + (i * 7919) % 1_000_000_000)
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let value = vec![0x5A; VALUE_BYTES];
    let tx = db.begin_write().expect("write");
    {
        let mut text = tx.open_table(TEXT).expect("table");
        let mut numeric = tx.open_table(NUMERIC).expect("table");
        for &n in &numbers {
            text.insert(format!("+{n}").as_str(), value.as_slice())
                .expect("insert");
            numeric.insert(n, value.as_slice()).expect("insert");
        }
    }
    tx.commit().expect("commit");

    for i in (1..numbers.len()).rev() {
        numbers.swap(i, (rng.next() % (i as u64 + 1)) as usize);
    }
    let texts: Vec<String> = numbers.iter().map(|n| format!("+{n}")).collect();
    let text_keys: Vec<&str> = texts.iter().map(String::as_str).collect();
    let hot_text: Vec<&str> = text_keys[..HOT].repeat(rows / HOT);
    let hot_numeric: Vec<u64> = numbers[..HOT].repeat(rows / HOT);

    let read = db.begin_read().expect("read");
    let text = read.open_table(TEXT).expect("table");
    let numeric = read.open_table(NUMERIC).expect("table");
    let get_text = |k: &str| text.get(k).ok().flatten().map_or(0, |v| v.value().len());
    let get_numeric = |k: u64| numeric.get(k).ok().flatten().map_or(0, |v| v.value().len());

    println!("{rows} rows of {VALUE_BYTES} bytes, redb cache holding them all");
    // The first pass fills redb's cache; the figures are from the others.
    per_read(&text_keys, get_text);
    per_read(&numbers, get_numeric);
    for round in 1..=ROUNDS {
        let spread_text = per_read(&text_keys, get_text);
        let spread_numeric = per_read(&numbers, get_numeric);
        let hot_t = per_read(&hot_text, get_text);
        let hot_n = per_read(&hot_numeric, get_numeric);
        println!(
            "round {round}: text key: spread {spread_text:.0} ns, hot {hot_t:.0} ns \
             (spread - hot {:.0} ns) | u64 key: spread {spread_numeric:.0} ns, hot {hot_n:.0} ns \
             | u64 / text, spread: {:.2}",
            spread_text - hot_t,
            spread_numeric / spread_text
        );
    }
}
