//! Costs of the transparency log at 1M entries: appends into redb, the
//! size of an inclusion and a consistency proof, and the time to make and
//! check one, from the stored subtrees (as the API does) and in memory.
//!
//! Run: `cargo bench -p bizseal-benches --bench translog` (`BIZSEAL_BENCH_ENTRIES=N` for
//! another size). A plain timing harness: building a 1M-entry log once is
//! the expensive part, and criterion would rebuild or hold it per group.
//! Figures go to BENCHMARKS.md.

use bizseal::store::prelude::*;
use std::hint::black_box;
use std::time::{Duration, Instant};

use bizseal::model::Level;
use bizseal::store::{Store, StoreError};
use bizseal::translog::entry::{Entry, Kind};
use bizseal::translog::merkle::{self, MemoryTree};
use bizseal::translog::InclusionProof;

/// Entries appended per write transaction: a big import's batch.
const BATCH: u64 = 10_000;
/// Proofs made per measurement.
const SAMPLES: u64 = 20_000;

fn entry(i: u64) -> Entry {
    Entry {
        kind: Kind::Issued,
        at: 1_700_000_000 + i as i64,
        level: Level::A,
        serial: format!("01JD7Z3K8Q{i:016}"),
        number: format!("+3120{:07}", i % 10_000_000),
        business: format!("b_01JD7Z3K8Q{:016}", i / 3),
        name: "Koninklijke Luchtvaart".into(),
        token_sha256: Some([(i % 251) as u8; 32]),
    }
}

/// A fixed pseudo-random sequence (xorshift64*) of leaf indices.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

fn per_op(total: Duration, n: u64) -> String {
    let ns = total.as_nanos() as f64 / n as f64;
    if ns >= 1000.0 {
        format!("{:.1} µs", ns / 1000.0)
    } else {
        format!("{ns:.0} ns")
    }
}

fn main() {
    let n: u64 = std::env::var("BIZSEAL_BENCH_ENTRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    println!("transparency log, {n} entries");

    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("store");
    let started = Instant::now();
    let mut i = 0;
    while i < n {
        let end = (i + BATCH).min(n);
        store
            .write(|w| {
                for j in i..end {
                    w.log_append(&entry(j))?;
                }
                Ok::<_, StoreError>(())
            })
            .expect("append");
        i = end;
    }
    let append = started.elapsed();
    let file = std::fs::metadata(store.path())
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "append into redb, {BATCH} per transaction: {:.1} s total, {} per entry; file {:.0} MiB ({:.0} B per entry, all tables)",
        append.as_secs_f64(),
        per_op(append, n),
        file as f64 / (1 << 20) as f64,
        file as f64 / n as f64
    );

    // Inclusion proofs from the stored subtrees, each in its own read
    // transaction as an API request does, with the leaf bytes.
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut reads = 0u64;
    let mut bytes = 0usize;
    let mut hashes = 0usize;
    let started = Instant::now();
    for _ in 0..SAMPLES {
        let index = rng.below(n);
        let r = store.read().expect("read");
        let size = r.log_size().expect("size");
        let nodes = r.log_nodes().expect("nodes");
        let path = merkle::inclusion_proof(index, size, |t| {
            reads += 1;
            nodes.get(t)
        })
        .expect("store")
        .expect("proof");
        let leaf = r.log_entries(index, index + 1).expect("leaf");
        let proof = InclusionProof::new(index, size, &leaf[0].1, &path);
        hashes += path.len();
        bytes += serde_json::to_vec(&proof).expect("json").len();
        black_box(proof);
    }
    let stored_proof = started.elapsed();
    println!(
        "inclusion proof from redb (read txn + proof + leaf + JSON shape): {} each; {:.1} hashes = {:.0} B raw, {:.0} B as JSON; {:.1} subtree reads",
        per_op(stored_proof, SAMPLES),
        hashes as f64 / SAMPLES as f64,
        hashes as f64 * 32.0 / SAMPLES as f64,
        bytes as f64 / SAMPLES as f64,
        reads as f64 / SAMPLES as f64
    );

    let r = store.read().expect("read");
    let nodes = r.log_nodes().expect("nodes");
    let started = Instant::now();
    let mut root = [0u8; 32];
    for _ in 0..SAMPLES {
        root = merkle::root(n, |t| nodes.get(t)).expect("root");
    }
    println!(
        "root from redb (what a tree head signs): {} each",
        per_op(started.elapsed(), SAMPLES)
    );

    let mut hashes = 0usize;
    let started = Instant::now();
    for _ in 0..SAMPLES {
        let first = 1 + rng.below(n - 1);
        let proof = merkle::consistency_proof(first, n, |t| nodes.get(t))
            .expect("store")
            .expect("proof");
        hashes += proof.len();
        black_box(proof);
    }
    println!(
        "consistency proof from redb, random first size: {} each; {:.1} hashes = {:.0} B raw",
        per_op(started.elapsed(), SAMPLES),
        hashes as f64 / SAMPLES as f64,
        hashes as f64 * 32.0 / SAMPLES as f64
    );

    // Verification is what a client pays, offline.
    let index = n / 3;
    let path = merkle::inclusion_proof(index, n, |t| nodes.get(t))
        .expect("store")
        .expect("proof");
    let leaf = merkle::leaf_hash(&entry(index).encode().expect("entry"));
    let started = Instant::now();
    for _ in 0..SAMPLES {
        merkle::verify_inclusion(index, n, black_box(&leaf), &path, &root).expect("verifies");
    }
    println!(
        "verify an inclusion proof: {} each",
        per_op(started.elapsed(), SAMPLES)
    );

    // The monitor's side: rebuilding the whole tree in memory.
    let started = Instant::now();
    let mut tree = MemoryTree::new();
    for j in 0..n {
        tree.push(&entry(j).encode().expect("entry"));
    }
    let rebuild = started.elapsed();
    assert_eq!(tree.root(), root, "memory and redb agree");
    println!(
        "rebuild the tree in memory (encode + hash every entry): {:.2} s, {} per entry",
        rebuild.as_secs_f64(),
        per_op(rebuild, n)
    );
    let started = Instant::now();
    for _ in 0..SAMPLES {
        black_box(tree.inclusion_proof(rng.below(n), n).expect("proof"));
    }
    println!(
        "inclusion proof in memory: {} each",
        per_op(started.elapsed(), SAMPLES)
    );
}
