//! Relevance: the queries people type (`support/corpus.rs`: accents, typos,
//! unfinished words, names in another language, number fragments, Chinese
//! and Japanese) against a few thousand generated businesses in 14
//! languages, each of which must find its business among the first three.
//! Prints the rank of every case and the hit rates.

#[path = "support/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;

use bizseal::search::{SearchIndex, SearchQuery};
use corpus::{Kind, CASES};

/// A few thousand: enough look-alikes per target to make ranking matter,
/// small enough to index in a second.
const BUSINESSES: usize = 5000;

#[test]
fn typed_queries_find_their_business_in_the_top_three() {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = SearchIndex::open(dir.path()).expect("open index");
    let mut load = index.bulk_load(1, 64 * 1024 * 1024).expect("writer");
    for i in 0..BUSINESSES {
        load.add(&corpus::business(i)).expect("add");
    }
    assert_eq!(load.commit(1).expect("commit"), BUSINESSES as u64);

    let mut by_kind: BTreeMap<Kind, (usize, usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    println!("{:<34} {:<14} rank", "query", "kind");
    for case in CASES {
        let page = index
            .search(&SearchQuery {
                text: case.query.to_owned(),
                limit: 10,
                ..SearchQuery::default()
            })
            .expect("search");
        let target = corpus::id(case.target);
        let rank = page
            .hits
            .iter()
            .position(|h| h.id == target.as_str())
            .map(|p| p + 1);
        println!(
            "{:<34} {:<14} {}",
            case.query,
            format!("{:?}", case.kind),
            rank.map_or("-".to_owned(), |r| r.to_string())
        );
        let entry = by_kind.entry(case.kind).or_default();
        entry.0 += 1;
        entry.1 += usize::from(rank == Some(1));
        entry.2 += usize::from(rank.is_some_and(|r| r <= 3));
        if rank.is_none_or(|r| r > 3) {
            misses.push((case.query, rank));
        }
    }
    let (cases, top1, top3) = by_kind
        .values()
        .fold((0, 0, 0), |acc, v| (acc.0 + v.0, acc.1 + v.1, acc.2 + v.2));
    for (kind, (n, one, three)) in &by_kind {
        println!("{kind:?}: {three}/{n} in the top 3, {one}/{n} first");
    }
    println!(
        "hit rate over {cases} queries and {BUSINESSES} businesses: top-1 {:.1}%, top-3 {:.1}%",
        100.0 * top1 as f64 / cases as f64,
        100.0 * top3 as f64 / cases as f64
    );
    assert!(cases >= 40, "the set has at least 40 queries");
    assert!(misses.is_empty(), "not in the top 3: {misses:?}");
}
