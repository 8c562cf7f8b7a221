//! Search at scale: builds the tantivy index of N generated businesses
//! (`tests/support/corpus.rs`) and, on the same data, an SQLite FTS5 table,
//! then runs the same mixed query set against both and prints one table:
//! build rate, index size, latency p50/p99, top-3 hit rate (all queries and
//! typo queries) and peak memory.
//!
//! `cargo bench -p bizseal-benches --bench search` runs 100,000 businesses; set
//! `BIZSEAL_BENCH_N=1000000` (or pass the number as the first argument to
//! the compiled binary) for the full run. Rounds of the query set:
//! `BIZSEAL_BENCH_ROUNDS` (default 5).
//!
//! FTS5 gets a fair, ordinary setup: `unicode61 remove_diacritics 2`, the
//! same fields and the same number suffixes, the same ranking policy
//! (verified first, then BM25 with names weighted 3), every query word
//! required and the last one as a prefix. It has no typo tolerance and no
//! CJK segmentation, which is what the comparison shows.

#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::path::Path;
use std::time::{Duration, Instant};

use bizseal::search::{SearchIndex, SearchQuery};
use corpus::{Kind, CASES};
use rusqlite::{params, Connection};

const WRITER_THREADS: usize = 2;
const WRITER_MEMORY: usize = 512 * 1024 * 1024;
const FILLER_QUERIES: usize = 400;

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.replace('_', "").parse().ok())
        .or_else(|| {
            std::env::var("BIZSEAL_BENCH_N")
                .ok()?
                .replace('_', "")
                .parse()
                .ok()
        })
        .unwrap_or(100_000);
    let rounds: usize = std::env::var("BIZSEAL_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let dir = tempfile::tempdir().expect("tempdir");
    println!("search benchmark: {n} businesses, {rounds} rounds of the query set");

    let started = Instant::now();
    let mut checksum = 0usize;
    for i in 0..n {
        checksum += corpus::business(i).names.len();
    }
    let generate = started.elapsed();
    println!(
        "generating {n} businesses alone: {:.1} s ({checksum} names)",
        generate.as_secs_f64()
    );

    let index_path = dir.path().join("index");
    let started = Instant::now();
    let index = SearchIndex::open(&index_path).expect("open index");
    {
        let mut load = index
            .bulk_load(WRITER_THREADS, WRITER_MEMORY)
            .expect("writer");
        for i in 0..n {
            load.add(&corpus::business(i)).expect("add");
        }
        load.commit(n as u64).expect("commit");
    }
    let tantivy_build = started.elapsed().saturating_sub(generate);
    println!(
        "tantivy built in {:.1} s (generation excluded)",
        tantivy_build.as_secs_f64()
    );

    let mut queries: Vec<String> = CASES.iter().map(|c| c.query.to_owned()).collect();
    queries.extend(corpus::filler_queries(n, FILLER_QUERIES));
    for q in &queries {
        tantivy_ids(&index, q);
    }
    let tantivy_hwm = peak_memory_kib();

    let fts_path = dir.path().join("fts.sqlite");
    let started = Instant::now();
    let conn = build_fts(&fts_path, n);
    let fts_build = started.elapsed().saturating_sub(generate);
    println!(
        "FTS5 built in {:.1} s (generation excluded)",
        fts_build.as_secs_f64()
    );
    let mut stmt = conn
        .prepare(
            "SELECT id FROM biz WHERE biz MATCH ?1 \
             ORDER BY verified DESC, bm25(biz, 0.0, 3.0, 1.0, 1.0) LIMIT 10",
        )
        .expect("prepare");
    let mut fts_ids = |q: &str| -> Vec<String> {
        let Some(m) = fts_match(q) else {
            return Vec::new();
        };
        stmt.query_map(params![m], |row| row.get::<_, String>(0))
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .unwrap_or_default()
    };
    for q in &queries {
        fts_ids(q);
    }

    // Timed rounds, the two engines interleaved query by query so that
    // both see the same machine state.
    // Wall time is what a caller waits; on a shared machine it includes
    // waiting for a core, so the thread's CPU time is measured too.
    let mut tantivy_times = Vec::with_capacity(queries.len() * rounds);
    let mut fts_times = Vec::with_capacity(queries.len() * rounds);
    let mut tantivy_cpu = Vec::with_capacity(queries.len() * rounds);
    let mut fts_cpu = Vec::with_capacity(queries.len() * rounds);
    for _ in 0..rounds {
        for q in &queries {
            let (t, c) = (Instant::now(), thread_cpu());
            std::hint::black_box(tantivy_ids(&index, q));
            tantivy_times.push(t.elapsed());
            tantivy_cpu.push(thread_cpu().saturating_sub(c));
            let (t, c) = (Instant::now(), thread_cpu());
            std::hint::black_box(fts_ids(q));
            fts_times.push(t.elapsed());
            fts_cpu.push(thread_cpu().saturating_sub(c));
        }
    }

    if std::env::var_os("BIZSEAL_BENCH_SLOWEST").is_some() {
        let mut by_query: Vec<(Duration, &str)> = tantivy_times
            .iter()
            .zip(queries.iter().cycle())
            .map(|(t, q)| (*t, q.as_str()))
            .collect();
        by_query.sort_by_key(|q| std::cmp::Reverse(q.0));
        for (t, q) in by_query.iter().take(15) {
            println!(
                "slow tantivy query {:>8.2} ms  {q:?}",
                t.as_secs_f64() * 1000.0
            );
        }
    }

    let mut hits = [[0usize; 2]; 2]; // [engine][all, typo]
    let mut counts = [0usize; 2];
    let mut misses: [Vec<&str>; 2] = [Vec::new(), Vec::new()];
    for case in CASES {
        let target = corpus::id(case.target).as_str().to_owned();
        let typo = case.kind == Kind::Typo;
        counts[0] += 1;
        counts[1] += usize::from(typo);
        for (engine, ids) in [tantivy_ids(&index, case.query), fts_ids(case.query)]
            .iter()
            .enumerate()
        {
            if ids.iter().take(3).any(|id| *id == target) {
                hits[engine][0] += 1;
                hits[engine][1] += usize::from(typo);
            } else {
                misses[engine].push(case.query);
            }
        }
    }
    println!("not in the top 3 with tantivy: {:?}", misses[0]);
    println!("not in the top 3 with FTS5: {:?}", misses[1]);
    let total_hwm = peak_memory_kib();

    let rate = |d: Duration| n as f64 / d.as_secs_f64().max(1e-9);
    let (tp50, tp99, tmean) = stats(&mut tantivy_times);
    let (fp50, fp99, fmean) = stats(&mut fts_times);
    let (tc50, tc99, _) = stats(&mut tantivy_cpu);
    let (fc50, fc99, _) = stats(&mut fts_cpu);
    let pct = |h: usize, c: usize| format!("{:.1}% ({h}/{c})", 100.0 * h as f64 / c.max(1) as f64);
    println!();
    println!("| {n} businesses | tantivy (bizseal) | SQLite FTS5 |");
    println!("|---|---|---|");
    println!(
        "| build rate | {:.0} businesses/s | {:.0} businesses/s |",
        rate(tantivy_build),
        rate(fts_build)
    );
    println!(
        "| index size | {} | {} |",
        mib(dir_size(&index_path)),
        mib(dir_size(&fts_path))
    );
    println!(
        "| latency p50 / p99 / mean ({} queries × {rounds}) | {tp50:.2} / {tp99:.2} / {tmean:.2} ms | {fp50:.2} / {fp99:.2} / {fmean:.2} ms |",
        queries.len()
    );
    println!(
        "| CPU time per query p50 / p99 | {tc50:.2} / {tc99:.2} ms | {fc50:.2} / {fc99:.2} ms |"
    );
    println!(
        "| latency ratio FTS5 / tantivy (p50, p99) | 1 | {:.2}, {:.2} |",
        fp50 / tp50.max(1e-9),
        fp99 / tp99.max(1e-9)
    );
    println!(
        "| top-3 hit rate, all {} cases | {} | {} |",
        counts[0],
        pct(hits[0][0], counts[0]),
        pct(hits[1][0], counts[0])
    );
    println!(
        "| top-3 hit rate, {} typo cases | {} | {} |",
        counts[1],
        pct(hits[0][1], counts[1]),
        pct(hits[1][1], counts[1])
    );
    println!(
        "| peak memory (VmHWM) | {} after tantivy build + queries | {} whole run |",
        mib(tantivy_hwm * 1024),
        mib(total_hwm * 1024)
    );
}

fn tantivy_ids(index: &SearchIndex, q: &str) -> Vec<String> {
    index
        .search(&SearchQuery {
            text: q.to_owned(),
            limit: 10,
            ..SearchQuery::default()
        })
        .map(|page| page.hits.into_iter().map(|h| h.id).collect())
        .unwrap_or_default()
}

fn build_fts(path: &Path, n: usize) -> Connection {
    let mut conn = Connection::open(path).expect("open sqlite");
    conn.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
         CREATE VIRTUAL TABLE biz USING fts5(
             id UNINDEXED, name, text, digits, verified UNINDEXED,
             tokenize = 'unicode61 remove_diacritics 2');",
    )
    .expect("create fts5 table");
    let tx = conn.transaction().expect("transaction");
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO biz (id, name, text, digits, verified) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .expect("prepare insert");
        for i in 0..n {
            let b = corpus::business(i);
            let mut name: Vec<&str> = b.names.values().map(String::as_str).collect();
            name.push(&b.legal_name);
            let mut text: Vec<&str> = b.description.values().map(String::as_str).collect();
            text.push(&b.city);
            text.push(&b.category);
            // The same number suffixes the tantivy index holds.
            let digits: Vec<&str> = b
                .numbers
                .iter()
                .flat_map(|n| {
                    let d = n.trim_start_matches('+');
                    (0..d.len().saturating_sub(2)).map(move |s| &d[s..])
                })
                .collect();
            let verified = i64::from(b.status == bizseal::model::BusinessStatus::Verified);
            insert
                .execute(params![
                    b.id.as_str(),
                    name.join(" "),
                    text.join(" "),
                    digits.join(" "),
                    verified
                ])
                .expect("insert");
        }
    }
    tx.commit().expect("commit");
    conn
}

/// An FTS5 MATCH expression for user text: every word quoted (so nothing
/// is query syntax), all required, the last one a prefix; digit groups
/// typed with spaces or dashes joined, as people type numbers.
fn fts_match(text: &str) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut gap_is_digit_separator = false;
    for c in text.chars().chain([' ']) {
        if c.is_alphanumeric() {
            current.push(c);
            continue;
        }
        if !current.is_empty() {
            let digits = current.chars().all(|c| c.is_ascii_digit());
            let joins = digits
                && gap_is_digit_separator
                && words
                    .last()
                    .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
            match words.last_mut() {
                Some(last) if joins => last.push_str(&current),
                _ => words.push(std::mem::take(&mut current)),
            }
            current.clear();
            gap_is_digit_separator = true;
        }
        if !matches!(c, ' ' | '-' | '.' | '(' | ')' | '+') {
            gap_is_digit_separator = false;
        }
    }
    if words.is_empty() {
        return None;
    }
    let last = words.len() - 1;
    Some(
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i == last {
                    format!("\"{w}\"*")
                } else {
                    format!("\"{w}\"")
                }
            })
            .collect::<Vec<_>>()
            .join(" AND "),
    )
}

/// p50, p99 and mean in milliseconds.
fn stats(times: &mut [Duration]) -> (f64, f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| ms(times[((times.len() as f64 - 1.0) * q).round() as usize]);
    let mean = times.iter().map(|d| ms(*d)).sum::<f64>() / times.len().max(1) as f64;
    (at(0.50), at(0.99), mean)
}

/// CPU time this thread has used.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Peak resident memory of this process so far, in KiB.
fn peak_memory_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn dir_size(path: &Path) -> u64 {
    if path.is_file() {
        return path.metadata().map(|m| m.len()).unwrap_or(0);
    }
    std::fs::read_dir(path)
        .map(|entries| entries.flatten().map(|e| dir_size(&e.path())).sum())
        .unwrap_or(0)
}

fn mib(bytes: u64) -> String {
    format!("{:.0} MiB", bytes as f64 / (1024.0 * 1024.0))
}
