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

/// Every key a reviewed name is stored under: its look-alike keys
/// ([`variants`]) and its brand keys ([`brand_keys`]).
pub fn stored_keys(name: &str) -> Vec<String> {
    let mut keys = variants(name);
    keys.extend(brand_keys(name));
    keys
}

/// Brand keys of a reviewed business's name, stored as `b:{key}`: the
/// words a look-alike would *contain* rather than copy. A name written
/// all in capitals ("KLM", "BBVA"), a name of one word ("Telefónica"), and
/// the initials of a name of three or more words ("Koninklijke Luchtvaart
/// Maatschappij" → "klm"). Ordinary words of a longer name ("Banco",
/// "Airlines") are not brands: containing them proves nothing.
pub fn brand_keys(name: &str) -> Vec<String> {
    let words: Vec<&str> = words(name).collect();
    let mut out = Vec::new();
    for w in &words {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
            out.push(name_key(w));
        }
    }
    if words.len() == 1 {
        out.push(name_key(words[0]));
    }
    out.extend(initials(&words));
    out.retain(|k| k.chars().count() >= 3);
    out.sort();
    out.dedup();
    out.into_iter().map(|k| format!("b:{k}")).collect()
}

/// The brand probes of a candidate name: the key of each word, of runs of
/// single letters joined ("K L M"), and of the whole name.
pub fn brand_probes(name: &str) -> Vec<String> {
    let words: Vec<&str> = words(name).collect();
    let mut keys: Vec<String> = words.iter().map(|w| name_key(w)).collect();
    let mut run = String::new();
    for w in words.iter().chain(std::iter::once(&"")) {
        if w.chars().filter(|c| c.is_alphanumeric()).count() == 1 {
            run.push_str(w);
        } else if !run.is_empty() {
            keys.push(name_key(&run));
            run.clear();
        }
    }
    keys.push(name_key(name));
    // The initials of any run of 3 to 6 of its words meet a reviewed
    // brand's initials ("Koninklijke Luchtvaart Maatschapij" is "KLM"
    // misspelled, and "... Maatschappij Service" contains it).
    for start in 0..words.len() {
        for len in 3..=6 {
            if let Some(run) = words.get(start..start + len) {
                keys.extend(initials(run));
            }
        }
    }
    keys.retain(|k| k.chars().count() >= 3);
    keys.sort();
    keys.dedup();
    keys.into_iter().map(|k| format!("b:{k}")).collect()
}

/// Whether a word of the name mixes scripts as look-alikes do ("КLМ":
/// Cyrillic К and М around a Latin L): its letters fall below UTS #39's
/// moderately restrictive level. Latin beside Han, kana or Hangul
/// ("Vodafone商城") and Latin beside one other recommended script stay
/// allowed, as the standard's levels allow them; Latin with Cyrillic or
/// Greek, or any three scripts, do not.
pub fn mixed_script(name: &str) -> bool {
    use unicode_security::{RestrictionLevel, RestrictionLevelDetection};
    let nfkc: String = name.nfkc().collect();
    for word in words(&nfkc) {
        let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
        if matches!(
            letters.as_str().detect_restriction_level(),
            RestrictionLevel::MinimallyRestrictive | RestrictionLevel::Unrestricted
        ) {
            return true;
        }
    }
    false
}

/// The key of the initials of a name of 3 to 6 words, counting those that
/// start with a letter (legal forms such as "N.V." or "S.A." hold a dot and
/// are left out).
fn initials(words: &[&str]) -> Option<String> {
    let initials: String = words
        .iter()
        .filter(|w| !w.contains('.'))
        .filter_map(|w| w.chars().next().filter(|c| c.is_alphabetic()))
        .collect();
    (3..=6)
        .contains(&initials.chars().count())
        .then(|| name_key(&initials))
}

/// The words of a name: split at spaces and punctuation except dots and
/// apostrophes, which stay inside words ("N.V.", "L'Oréal").
fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '.' && c != '\''))
        .filter(|w| !w.is_empty())
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

    fn contains_brand(reviewed: &str, candidate: &str) -> bool {
        let stored = brand_keys(reviewed);
        brand_probes(candidate).iter().any(|p| stored.contains(p))
    }

    #[test]
    fn brands_are_found_inside_longer_names() {
        assert!(contains_brand(
            "KLM Royal Dutch Airlines",
            "KLM Customer Service"
        ));
        assert!(contains_brand(
            "Koninklijke Luchtvaart Maatschappij N.V.",
            "klm-service"
        ));
        assert!(contains_brand("KLM Royal Dutch Airlines", "K L M"));
        assert!(contains_brand(
            "KLM Royal Dutch Airlines",
            "\u{FF2B}\u{FF2C}\u{FF2D} Support"
        ));
        assert!(contains_brand("Telefónica", "Atención Telefonica"));
        assert!(!contains_brand("Banco Santander", "Banco Pequeño"));
        assert!(!contains_brand("KLM Royal Dutch Airlines", "Royal Bakery"));
    }

    #[test]
    fn a_word_mixing_scripts_is_flagged() {
        assert!(mixed_script("\u{041A}L\u{041C} Airlines"));
        assert!(mixed_script("\u{039A}L\u{039C}"));
        assert!(!mixed_script("KLM"));
        assert!(!mixed_script("ヤマト運輸"));
        assert!(
            !mixed_script("Москва Telecom"),
            "two scripts, one a word each"
        );
    }

    #[test]
    fn different_names_are_not() {
        assert!(!confusable("Banco Santander", "Banco Sabadell"));
        assert!(!confusable("KLM", "KLB"));
        assert!(!confusable("KLM", "Iberia"));
        assert!(variants("!!!").is_empty());
    }
}
