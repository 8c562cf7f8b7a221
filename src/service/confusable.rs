//! Confusable business names: "KLM" written with Cyrillic letters, or
//! "Banco Santamder" one letter away from "Banco Santander".
//!
//! A name's key is its UTS #39 skeleton (which maps look-alike characters
//! to one prototype), lowercased, with spaces and punctuation dropped. Two
//! names are flagged when their keys are within one edit. To find that
//! without comparing against every verified business, each verified name is
//! stored under its key and every one-deletion variant of it (the SymSpell
//! idea): two keys within one edit always share a variant. A check is then
//! O(length) point reads, whatever the size of the directory.

use unicode_normalization::UnicodeNormalization;

/// Shorter keys are too easily one edit apart ("KLM" and "KLB"): only the
/// exact skeleton is compared for them.
const MIN_FUZZY_LEN: usize = 5;

/// The comparison key of a name. The skeleton is taken before and after
/// lowercasing: Cyrillic "К" and Latin "K" share a skeleton, but their
/// lowercase forms do not, while "klm" and "KLM" only meet once lowercased.
pub fn name_key(name: &str) -> String {
    let once: String = unicode_security::skeleton(&name.nfkc().collect::<String>())
        .flat_map(char::to_lowercase)
        .collect();
    unicode_security::skeleton(&once)
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The key of a name and, for long enough keys, its one-deletion variants.
pub fn variants(name: &str) -> Vec<String> {
    let key = name_key(name);
    if key.is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = key.chars().collect();
    let mut out = vec![key];
    if chars.len() >= MIN_FUZZY_LEN {
        for skip in 0..chars.len() {
            let v: String = chars
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, c)| *c)
                .collect();
            out.push(format!("~{v}"));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The variants to look up for a candidate name: its exact key must meet
/// a stored exact key or deletion, and its deletions must meet either.
pub fn probes(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for v in variants(name) {
        match v.strip_prefix('~') {
            Some(deleted) => {
                out.push(deleted.to_owned());
                out.push(v.clone());
            }
            None => {
                out.push(format!("~{v}"));
                out.push(v);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn confusable(a: &str, b: &str) -> bool {
        let stored = variants(a);
        probes(b).iter().any(|p| stored.contains(p))
    }

    #[test]
    fn cyrillic_lookalikes_share_a_key() {
        // "КLМ" with Cyrillic К and М.
        assert_eq!(name_key("\u{041A}L\u{041C}"), name_key("KLM"));
        assert_eq!(name_key("klm"), name_key("KLM"));
        assert!(confusable("KLM", "\u{041A}L\u{041C}"));
    }

    #[test]
    fn one_letter_off_long_names_are_confusable() {
        assert!(confusable("Banco Santander", "Banco Santamder"));
        assert!(confusable("Banco Santander", "Banco Santandeer"));
        assert!(confusable("Banco Santander", "banco-santander"));
        assert!(confusable("Telefónica", "Telefonica"));
    }

    #[test]
    fn different_names_are_not() {
        assert!(!confusable("Banco Santander", "Banco Sabadell"));
        assert!(!confusable("KLM", "KLB"));
        assert!(!confusable("KLM", "Iberia"));
        assert!(variants("!!!").is_empty());
    }
}
