//! The index schema and how a stored [`Business`] becomes one document.
//!
//! A document is a pure function of the business record: the indexer needs
//! no other table, and a rebuild from redb gives the same index as
//! following the changes feed. Fields:
//!
//! | field | holds | used for |
//! |---|---|---|
//! | `id` | business id (stored) | upserts (delete by term), hits |
//! | `fingerprint` | hash of the indexed content (stored) | checking the index against redb |
//! | `name` | every display name and the legal name, analyzed | matching, weighted highest |
//! | `name_key` | each name's folded words, whole | "exact name" ranking |
//! | `text` | descriptions, city, category, analyzed | matching |
//! | `digits` | every suffix (≥ 3 digits) of each E.164 number | number fragments |
//! | `country`, `category`, `verified` | filters; `verified` also ranks | filters |
//!
//! Number fragments are stored as suffixes so that a prefix lookup on them
//! is a substring lookup on the number: `912345` is a prefix of the suffix
//! `912345678` of `34912345678`.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::TantivyDocument;

use super::analyzer::{self, ANALYZER};
use crate::model::{Business, BusinessStatus};

/// Bumped whenever the schema or the analyzer changes what is indexed; an
/// index of another version is rebuilt from redb on open. 2: only
/// businesses that passed review are indexed (the trust rules).
pub const SCHEMA_VERSION: u32 = 2;

/// The shortest number fragment worth a lookup: fewer digits match a
/// large part of any directory.
pub const MIN_DIGITS: usize = 3;

/// The fields of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub fingerprint: Field,
    pub name: Field,
    pub name_key: Field,
    pub text: Field,
    pub digits: Field,
    pub country: Field,
    pub category: Field,
    pub verified: Field,
}

/// The name of the `verified` fast field, read while ranking.
pub const VERIFIED: &str = "verified";

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    // Frequencies feed BM25; positions would only serve phrase queries,
    // which search does not make, and cost space.
    let analyzed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    // Names are scored without length normalisation: a business known in
    // many languages has a long name field, and BM25 would rank it below a
    // one-language namesake (`KLM` below a `KLM Taxi`) for no reason a
    // customer would accept. A word repeated across its names counts.
    let names = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqs)
            .set_fieldnorms(false),
    );
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        fingerprint: b.add_u64_field("fingerprint", STORED),
        name: b.add_text_field("name", names),
        name_key: b.add_text_field("name_key", STRING),
        text: b.add_text_field("text", analyzed),
        digits: b.add_text_field("digits", STRING),
        country: b.add_text_field("country", STRING),
        category: b.add_text_field("category", STRING),
        verified: b.add_u64_field(VERIFIED, INDEXED | FAST),
    };
    (b.build(), fields)
}

/// The document of a business.
pub fn document(f: &Fields, b: &Business) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(f.id, b.id.as_str());
    doc.add_u64(f.fingerprint, fingerprint(b));
    for name in names(b) {
        doc.add_text(f.name, name);
        for key in analyzer::keys(name) {
            doc.add_text(f.name_key, key);
        }
    }
    for text in b.description.values() {
        doc.add_text(f.text, text);
    }
    doc.add_text(f.text, &b.city);
    doc.add_text(f.text, &b.category);
    for number in &b.numbers {
        for suffix in digit_suffixes(number) {
            doc.add_text(f.digits, suffix);
        }
    }
    doc.add_text(f.country, country_term(&b.country));
    doc.add_text(f.category, category_term(&b.category));
    doc.add_u64(f.verified, u64::from(b.status == BusinessStatus::Verified));
    doc
}

/// The display names and the legal name, each once.
fn names(b: &Business) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::with_capacity(b.names.len() + 1);
    for name in b
        .names
        .values()
        .map(String::as_str)
        .chain([b.legal_name.as_str()])
    {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Every suffix of at least [`MIN_DIGITS`] digits of a number's digits.
pub fn digit_suffixes(number: &str) -> Vec<&str> {
    let digits = number.trim_start_matches('+');
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    (0..=digits.len().saturating_sub(MIN_DIGITS))
        .map(|start| &digits[start..])
        .filter(|s| s.len() >= MIN_DIGITS)
        .collect()
}

/// How a country is indexed and filtered: ISO alpha-2, uppercase.
pub fn country_term(country: &str) -> String {
    country.trim().to_ascii_uppercase()
}

/// How a category is indexed and filtered: trimmed, lowercase.
pub fn category_term(category: &str) -> String {
    category.trim().to_lowercase()
}

/// A stable 64-bit hash (FNV-1a) of everything a document is built from, so
/// that a check can tell whether the index holds the current version of a
/// business without comparing documents field by field.
pub fn fingerprint(b: &Business) -> u64 {
    let mut h = Fnv::new();
    h.text(b.id.as_str());
    h.text(&b.legal_name);
    for (lang, name) in &b.names {
        h.text(lang);
        h.text(name);
    }
    for (lang, text) in &b.description {
        h.text(lang);
        h.text(text);
    }
    h.text(&b.city);
    h.text(&b.category);
    h.text(&b.country);
    h.text(if b.status == BusinessStatus::Verified {
        "v"
    } else {
        "-"
    });
    for n in &b.numbers {
        h.text(n);
    }
    h.0
}

struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn text(&mut self, s: &str) {
        // A separator byte that UTF-8 text never contains keeps "ab"+"c"
        // and "a"+"bc" apart.
        for &byte in s.as_bytes().iter().chain([&0xFF]) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_cover_every_fragment_position() {
        assert_eq!(
            digit_suffixes("+3491234"),
            ["3491234", "491234", "91234", "1234", "234"]
        );
        assert!(digit_suffixes("+12").is_empty());
        assert!(
            digit_suffixes("+34 91").is_empty(),
            "stored numbers are E.164"
        );
    }

    #[test]
    fn filter_terms_are_normalised() {
        assert_eq!(country_term(" es"), "ES");
        assert_eq!(category_term("Bank "), "bank");
    }

    #[test]
    fn fingerprints_separate_fields() {
        let a = Fnv::new();
        let mut x = Fnv(a.0);
        x.text("ab");
        x.text("c");
        let mut y = Fnv(a.0);
        y.text("a");
        y.text("bc");
        assert_ne!(x.0, y.0);
    }
}
