//! Expanding a typed word to the index terms it may mean: completions of
//! an unfinished word, and terms a typo or two away.
//!
//! tantivy's own prefix and fuzzy queries match these terms but give every
//! match the same constant score, which ranks a common word (`mercado`)
//! level with a rare, specific one (`mercadona`). Expanding to the actual
//! terms first (as Lucene's top-terms rewrite does) lets each be scored by
//! BM25 and weighted by how far it is from what was typed. The expansion is
//! bounded ([`MAX_EXPANSIONS`], [`MAX_SCANNED`]) so a one-letter prefix
//! cannot make a query of thousands of terms.

use std::collections::HashMap;

use tantivy::query::{DfaWrapper, FuzzyTermQuery};
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

/// Most index terms one typed word expands to.
const MAX_EXPANSIONS: usize = 24;
/// Terms looked at per segment while expanding: bounds the work for a
/// short prefix that many terms share.
const MAX_SCANNED: usize = 2000;

/// Index terms that start with `typed` (not `typed` itself): the shortest
/// first, then the most frequent.
pub(super) fn completions(
    searcher: &Searcher,
    field: Field,
    typed: &str,
) -> tantivy::Result<Vec<String>> {
    let automaton =
        FuzzyTermQuery::new_prefix(Term::from_field_text(field, typed), 0, false).automaton()?;
    let mut found: Vec<(String, u64)> = matching_terms(searcher, field, &automaton, typed)?
        .into_iter()
        .collect();
    found.sort_by(|a, b| a.0.len().cmp(&b.0.len()).then(b.1.cmp(&a.1)));
    Ok(found
        .into_iter()
        .take(MAX_EXPANSIONS)
        .map(|(t, _)| t)
        .collect())
}

/// Index terms within `budget` edits of `typed` (not `typed` itself), with
/// their edit count: the closest first, then the most frequent.
pub(super) fn typo_variants(
    searcher: &Searcher,
    field: Field,
    typed: &str,
    budget: u8,
) -> tantivy::Result<Vec<(String, usize)>> {
    let automaton =
        FuzzyTermQuery::new(Term::from_field_text(field, typed), budget, true).automaton()?;
    let mut found: Vec<(String, u64, usize)> = matching_terms(searcher, field, &automaton, typed)?
        .into_iter()
        .map(|(t, freq)| {
            let d = edits(typed, &t).clamp(1, usize::from(budget));
            (t, freq, d)
        })
        .collect();
    found.sort_by(|a, b| a.2.cmp(&b.2).then(b.1.cmp(&a.1)));
    Ok(found
        .into_iter()
        .take(MAX_EXPANSIONS)
        .map(|(t, _, d)| (t, d))
        .collect())
}

/// The terms of `field` the automaton accepts, other than `typed`, with
/// their document frequency summed over segments.
fn matching_terms(
    searcher: &Searcher,
    field: Field,
    automaton: &DfaWrapper,
    typed: &str,
) -> tantivy::Result<HashMap<String, u64>> {
    let mut found: HashMap<String, u64> = HashMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().search(automaton).into_stream()?;
        let mut scanned = 0;
        while scanned < MAX_SCANNED && stream.advance() {
            scanned += 1;
            let Ok(text) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            if text != typed {
                *found.entry(text.to_owned()).or_default() += u64::from(stream.value().doc_freq);
            }
        }
    }
    Ok(found)
}

/// Optimal string alignment distance: Levenshtein where swapping two
/// neighbours costs one edit, as the typo automaton counts.
fn edits(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_count_a_swap_as_one() {
        assert_eq!(edits("santnder", "santander"), 1);
        assert_eq!(edits("telefnica", "telefonia"), 2);
        assert_eq!(edits("trenitlia", "trenitalia"), 1);
        assert_eq!(edits("lfuthansa", "lufthansa"), 1);
        assert_eq!(edits("", "abc"), 3);
    }
}
