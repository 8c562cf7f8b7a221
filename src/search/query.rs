//! From what a person typed to ranked business ids.
//!
//! The tantivy query language is never exposed: user text is split into
//! folded words by the same analyzer as the index ([`analyzer::words`]),
//! and the query is built programmatically from those words, so quotes,
//! colons, `AND`, `*` or `~` are just characters that separate words.
//!
//! Each word becomes a disjunction of ways it can match (best one counts):
//! the exact term in names (weighted 3) or in descriptions (1); for the last
//! word, its completions (search as you type); for words of 4-7 characters,
//! the terms one typo away, for longer words two (Levenshtein,
//! transpositions cost one); for a run of CJK characters, all of its
//! bigrams; for digits, a prefix of the indexed number suffixes, i.e. a
//! substring of the number.
//!
//! Completions and typo variants are expanded to the index terms they
//! match (`expand`) and each is scored by BM25, weighted down by its
//! distance from what was typed.
//!
//! Ranking is done in tiers, each tier listed after the one before it and
//! without repeating its hits:
//! 1. **exact name**: the folded query equals a folded name;
//! 2. **strict**: every word matches without a typo;
//! 3. **typo-tolerant**: every word matches, some with typos (evaluated
//!    only when the tiers above do not fill the page);
//! 4. **any word**: at least one word matches (only when nothing matched
//!    every word, e.g. `klm atencion cliente`).
//!
//! Inside a tier, verified businesses come before unverified ones, then
//! BM25 relevance decides. `total` counts the matches of the deepest tier
//! evaluated (tiers nest, so it is the widest of them).

use std::collections::HashSet;

use tantivy::collector::{Count, TopDocs};
use tantivy::columnar::ColumnValues;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, FuzzyTermQuery,
    Occur, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, Score, Searcher, SegmentReader, TantivyDocument, Term};

use super::analyzer::{self, WordKind};
use super::expand::{completions, typo_variants};
use super::schema::{category_term, country_term, Fields, MIN_DIGITS, VERIFIED};

/// Characters of a query that are looked at; the rest is ignored. Longer
/// than any business name people type, short enough to bound the work.
pub const MAX_QUERY_CHARS: usize = 256;
/// Words of a query that are looked up.
pub const MAX_WORDS: usize = 8;
/// Most hits in one page.
pub const MAX_LIMIT: usize = 50;
/// Deepest page start: deep paging costs O(offset) and nobody reads past
/// the first pages of a directory search.
pub const MAX_OFFSET: usize = 1000;
/// Longest merged run of digits: E.164 has at most 15 digits, plus an
/// international or trunk prefix.
const MAX_DIGITS: usize = 20;

const NAME_BOOST: Score = 3.0;
const TEXT_BOOST: Score = 1.0;
/// A completion of the last word, relative to the typed word itself.
const PREFIX_WEIGHT: Score = 0.5;
/// A typo variant, relative to the typed word, by number of edits.
const TYPO_WEIGHT: [Score; 3] = [1.0, 0.4, 0.2];
/// Number fragments match as a constant (a substring of a number has no
/// useful term statistics).
const DIGITS_BOOST: Score = 4.0;
/// A word found in both names and descriptions counts a little more.
const TIE_BREAKER: Score = 0.1;
/// Shortest last word that is also matched as a prefix: one letter would
/// match a large part of the directory.
const MIN_PREFIX_CHARS: usize = 2;

/// A search as the service asks it.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// What the person typed.
    pub text: String,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub category: Option<String>,
    /// Only verified (`true`) or only unverified (`false`) businesses.
    pub verified: Option<bool>,
    pub limit: usize,
    pub offset: usize,
}

/// One page of ranked hits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchPage {
    pub total: u64,
    pub hits: Vec<Hit>,
}

/// A hit: the business id and its relevance inside its tier.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub score: Score,
}

/// A word of the query, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryWord {
    Alpha(String),
    Digits(String),
    Cjk(String),
}

/// A query split into the words that are looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub words: Vec<QueryWord>,
    /// The exact-name key of the whole query.
    pub key: String,
    /// Nothing but white space was typed: list by filters alone.
    pub blank: bool,
}

/// Splits user text into query words. Digit groups typed with spaces,
/// dashes, dots or parentheses between them (`+34 912 34-56`) become one
/// digit word.
pub fn parse(text: &str) -> Parsed {
    let end = text
        .char_indices()
        .nth(MAX_QUERY_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let text = &text[..end];
    let found = analyzer::words(text);
    let key = found
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mut words: Vec<QueryWord> = Vec::new();
    let mut last_end = 0;
    for w in found {
        let joins_digits = w.kind == WordKind::Digits
            && matches!(words.last(), Some(QueryWord::Digits(d)) if d.len() + w.text.len() <= MAX_DIGITS)
            // Words folded out of one character (`½` is `1⁄2`) share its
            // span: nothing lies between them to join over.
            && text.get(last_end..w.start).is_some_and(|between| {
                between
                    .chars()
                    .all(|c| matches!(c, ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}'))
            });
        last_end = last_end.max(w.end);
        if joins_digits {
            if let Some(QueryWord::Digits(d)) = words.last_mut() {
                d.push_str(&w.text);
            }
            continue;
        }
        if words.len() == MAX_WORDS {
            break;
        }
        words.push(match w.kind {
            WordKind::Alpha => QueryWord::Alpha(w.text),
            WordKind::Digits => QueryWord::Digits(w.text),
            WordKind::Cjk => QueryWord::Cjk(w.text),
        });
    }
    Parsed {
        words,
        key,
        blank: text.trim().is_empty(),
    }
}

/// Typos allowed in a word of `chars` characters: none up to 3 (too many
/// short words are one edit apart), one up to 7, two beyond.
pub fn typo_budget(chars: usize) -> u8 {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The number fragments a digit word is looked up as: itself and, when it
/// starts with a trunk or international prefix (`020…`, `0031…`), the rest,
/// since stored numbers are E.164 without those zeros.
pub fn digit_fragments(digits: &str) -> Vec<&str> {
    let mut out = Vec::new();
    if digits.len() >= MIN_DIGITS {
        out.push(digits);
    }
    let stripped = digits.trim_start_matches('0');
    if stripped.len() != digits.len() && stripped.len() >= MIN_DIGITS {
        out.push(stripped);
    }
    out
}

/// Runs a search against one searcher (one consistent index snapshot).
pub fn run(searcher: &Searcher, f: &Fields, q: &SearchQuery) -> tantivy::Result<SearchPage> {
    let limit = q.limit.clamp(1, MAX_LIMIT);
    let offset = q.offset.min(MAX_OFFSET);
    let need = offset + limit;
    let parsed = parse(&q.text);
    let filters = filters(f, q);

    let mut tiers: Vec<Box<dyn Query>> = Vec::new();
    if parsed.blank {
        tiers.push(with_filters(&filters, Box::new(AllQuery)));
    } else if parsed.words.is_empty() {
        return Ok(SearchPage::default());
    } else {
        tiers.push(with_filters(
            &filters,
            Box::new(TermQuery::new(
                Term::from_field_text(f.name_key, &parsed.key),
                IndexRecordOption::Basic,
            )),
        ));
        let strict = vec![0; parsed.words.len()];
        tiers.push(with_filters(
            &filters,
            all_words(searcher, f, &parsed.words, &strict)?,
        ));
    }

    let mut ranked = Ranked::default();
    let mut total = 0;
    for tier in &tiers {
        total = ranked.collect(searcher, tier.as_ref(), need)?;
    }
    let typos = if parsed.blank {
        Vec::new()
    } else {
        typo_budgets(searcher, f, &parsed.words)?
    };
    if ranked.hits.len() < need && typos.iter().any(|b| *b > 0) {
        let tier = with_filters(&filters, all_words(searcher, f, &parsed.words, &typos)?);
        total = ranked.collect(searcher, tier.as_ref(), need)?;
    }
    if !parsed.blank && ranked.hits.is_empty() && parsed.words.len() > 1 {
        let tier = with_filters(&filters, any_word(searcher, f, &parsed.words, &typos)?);
        total = ranked.collect(searcher, tier.as_ref(), need)?;
    }

    let mut hits = Vec::with_capacity(limit);
    for (score, address) in ranked.hits.into_iter().skip(offset).take(limit) {
        let doc: TantivyDocument = searcher.doc(address)?;
        if let Some(id) = doc.get_first(f.id).and_then(|v| v.as_str()) {
            hits.push(Hit {
                id: id.to_owned(),
                score,
            });
        }
    }
    Ok(SearchPage {
        total: total.max(ranked.seen.len() as u64),
        hits,
    })
}

/// Hits gathered tier after tier, each document once.
#[derive(Default)]
struct Ranked {
    hits: Vec<(Score, DocAddress)>,
    seen: HashSet<DocAddress>,
}

impl Ranked {
    /// Appends the best hits of `query` not seen yet, until `need` are
    /// held; returns how many documents the query matches.
    fn collect(
        &mut self,
        searcher: &Searcher,
        query: &dyn Query,
        need: usize,
    ) -> tantivy::Result<u64> {
        let want = need.saturating_sub(self.hits.len());
        if want == 0 {
            return Ok(searcher.search(query, &Count)? as u64);
        }
        let top = TopDocs::with_limit(want + self.seen.len()).tweak_score(verified_first);
        let (count, found) = searcher.search(query, &(Count, top))?;
        for ((_, score), address) in found {
            if self.hits.len() == need {
                break;
            }
            if self.seen.insert(address) {
                self.hits.push((score, address));
            }
        }
        Ok(count as u64)
    }
}

/// The sort key inside a tier: verified first, then relevance.
fn verified_first(segment: &SegmentReader) -> impl Fn(tantivy::DocId, Score) -> (u64, Score) {
    let column = segment
        .fast_fields()
        .u64(VERIFIED)
        .ok()
        .map(|c| c.first_or_default_col(0));
    move |doc, score| (column.as_ref().map_or(0, |c| c.get_val(doc)), score)
}

/// The typos each word may have. A word found in the index as typed is
/// taken as typed (as a spell checker only corrects unknown words): this
/// keeps `insurance` from also matching `insurances`, and skips the costly
/// expansion for the words of a query that are spelled right.
fn typo_budgets(searcher: &Searcher, f: &Fields, words: &[QueryWord]) -> tantivy::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let budget = match w {
            QueryWord::Alpha(t) => {
                let budget = typo_budget(t.chars().count());
                let known = budget > 0
                    && (searcher.doc_freq(&Term::from_field_text(f.name, t))? > 0
                        || searcher.doc_freq(&Term::from_field_text(f.text, t))? > 0);
                if known {
                    0
                } else {
                    budget
                }
            }
            QueryWord::Digits(_) | QueryWord::Cjk(_) => 0,
        };
        out.push(budget);
    }
    Ok(out)
}

fn filters(f: &Fields, q: &SearchQuery) -> Vec<Term> {
    let mut out = Vec::new();
    if let Some(c) = q.country.as_deref() {
        out.push(Term::from_field_text(f.country, &country_term(c)));
    }
    if let Some(c) = q.category.as_deref() {
        out.push(Term::from_field_text(f.category, &category_term(c)));
    }
    if let Some(v) = q.verified {
        out.push(Term::from_field_u64(f.verified, u64::from(v)));
    }
    out
}

fn with_filters(filters: &[Term], query: Box<dyn Query>) -> Box<dyn Query> {
    if filters.is_empty() {
        return query;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
    for t in filters {
        let filter = TermQuery::new(t.clone(), IndexRecordOption::Basic);
        // Filters select; they must not change the relevance order.
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(filter), 0.0)),
        ));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn all_words(
    searcher: &Searcher,
    f: &Fields,
    words: &[QueryWord],
    typos: &[u8],
) -> tantivy::Result<Box<dyn Query>> {
    let last = words.len().saturating_sub(1);
    let mut clauses = Vec::with_capacity(words.len());
    for (i, (w, budget)) in words.iter().zip(typos).enumerate() {
        clauses.push((Occur::Must, word_query(searcher, f, w, i == last, *budget)?));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

fn any_word(
    searcher: &Searcher,
    f: &Fields,
    words: &[QueryWord],
    typos: &[u8],
) -> tantivy::Result<Box<dyn Query>> {
    let last = words.len().saturating_sub(1);
    let mut clauses = Vec::with_capacity(words.len());
    for (i, (w, budget)) in words.iter().zip(typos).enumerate() {
        clauses.push((
            Occur::Should,
            word_query(searcher, f, w, i == last, *budget)?,
        ));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// The ways one word can match; the best one counts.
fn word_query(
    searcher: &Searcher,
    f: &Fields,
    word: &QueryWord,
    last: bool,
    budget: u8,
) -> tantivy::Result<Box<dyn Query>> {
    let mut alts: Vec<Box<dyn Query>> = Vec::new();
    match word {
        QueryWord::Alpha(t) => {
            let chars = t.chars().count();
            for (field, boost) in [(f.name, NAME_BOOST), (f.text, TEXT_BOOST)] {
                alts.push(boosted(term(field, t), boost));
                let mut variants: Vec<Box<dyn Query>> = Vec::new();
                if last && chars >= MIN_PREFIX_CHARS {
                    for completion in completions(searcher, field, t)? {
                        variants.push(boosted(term(field, &completion), boost * PREFIX_WEIGHT));
                    }
                }
                if budget > 0 {
                    for (variant, edits) in typo_variants(searcher, field, t, budget)? {
                        variants.push(boosted(term(field, &variant), boost * TYPO_WEIGHT[edits]));
                    }
                }
                if !variants.is_empty() {
                    alts.push(Box::new(DisjunctionMaxQuery::new(variants)));
                }
            }
        }
        QueryWord::Digits(d) => {
            alts.push(boosted(term(f.name, d), NAME_BOOST));
            alts.push(boosted(term(f.text, d), TEXT_BOOST));
            for fragment in digit_fragments(d) {
                let prefix =
                    FuzzyTermQuery::new_prefix(Term::from_field_text(f.digits, fragment), 0, false);
                alts.push(boosted(Box::new(prefix), DIGITS_BOOST));
            }
        }
        QueryWord::Cjk(run) => {
            let grams = analyzer::bigrams(run);
            alts.push(boosted(all_terms(f.name, &grams), NAME_BOOST));
            alts.push(boosted(all_terms(f.text, &grams), TEXT_BOOST));
        }
    }
    Ok(Box::new(DisjunctionMaxQuery::with_tie_breaker(
        alts,
        TIE_BREAKER,
    )))
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn all_terms(field: Field, texts: &[String]) -> Box<dyn Query> {
    let clauses = texts
        .iter()
        .map(|t| (Occur::Must, term(field, t)))
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

fn boosted(query: Box<dyn Query>, boost: Score) -> Box<dyn Query> {
    Box::new(BoostQuery::new(query, boost))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alpha(s: &str) -> QueryWord {
        QueryWord::Alpha(s.into())
    }

    #[test]
    fn query_syntax_is_just_separators() {
        let p = parse("title:\"klm\" AND (atención* OR ~cliente)");
        assert_eq!(
            p.words,
            [
                alpha("title"),
                alpha("klm"),
                alpha("and"),
                alpha("atencion"),
                alpha("or"),
                alpha("cliente")
            ]
        );
        assert!(!p.blank);
    }

    #[test]
    fn spaced_digit_groups_become_one_number_fragment() {
        assert_eq!(parse("912 345").words, [QueryWord::Digits("912345".into())]);
        assert_eq!(
            parse("+34 (91) 234-56.78").words,
            [QueryWord::Digits("34912345678".into())]
        );
        assert_eq!(
            parse("klm 020 649 9123").words,
            [alpha("klm"), QueryWord::Digits("0206499123".into())]
        );
        assert_eq!(
            parse("24, 7").words,
            [
                QueryWord::Digits("24".into()),
                QueryWord::Digits("7".into())
            ],
            "a comma separates numbers"
        );
    }

    #[test]
    fn trunk_and_international_prefixes_are_also_tried_without_zeros() {
        assert_eq!(digit_fragments("0206499123"), ["0206499123", "206499123"]);
        assert_eq!(
            digit_fragments("0031206499123"),
            ["0031206499123", "31206499123"]
        );
        assert_eq!(digit_fragments("912"), ["912"]);
        assert!(digit_fragments("12").is_empty());
        assert_eq!(digit_fragments("0012"), ["0012"]);
    }

    #[test]
    fn hostile_text_is_bounded() {
        let long = "ab ".repeat(5000);
        let p = parse(&long);
        assert_eq!(p.words.len(), MAX_WORDS);
        assert!(p.key.len() <= MAX_QUERY_CHARS);
        let p = parse("\0\0🙂\u{FE0F}***");
        assert!(p.words.is_empty());
        assert!(!p.blank, "symbols are not a blank query");
        assert!(parse("  \t").blank);
    }

    /// Found by schemathesis: `½` folds to two digit words with the span
    /// of the one character, and joining them sliced backwards (a 500).
    #[test]
    fn characters_that_fold_to_several_words_do_not_panic() {
        for text in ["\u{97}½", "½", "½½ ¼", "3½ 4", "⑴⑵", "ﬃ½ ²³", "1½2"] {
            let p = parse(text);
            assert!(!p.blank, "{text:?}");
        }
        assert!(parse("\u{97}½")
            .words
            .iter()
            .all(|w| matches!(w, QueryWord::Digits(_))));
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_without_panicking(text in "\\PC{0,40}") {
            let p = parse(&text);
            proptest::prop_assert!(p.words.len() <= MAX_WORDS);
        }
    }

    #[test]
    fn cjk_and_latin_words_are_kept_apart() {
        assert_eq!(
            parse("ヤマト運輸 tokyo").words,
            [QueryWord::Cjk("ヤマト運輸".into()), alpha("tokyo")]
        );
    }

    #[test]
    fn typo_budget_grows_with_word_length() {
        assert_eq!(typo_budget(3), 0);
        assert_eq!(typo_budget(4), 1);
        assert_eq!(typo_budget(7), 1);
        assert_eq!(typo_budget(8), 2);
    }
}
