//! How text becomes search terms, for the index and for queries alike.
//!
//! tantivy's `TermQuery` and `FuzzyTermQuery` skip the analyzer, so the query
//! side must fold text exactly as the index did. Both sides therefore go
//! through [`words`]: the tokenizer registered with tantivy ([`Analyzer`])
//! and the query builder call the same function, and a change here changes
//! both (bump `schema::SCHEMA_VERSION` so that old indexes are rebuilt).
//!
//! What it does, and why:
//! - **Case and accent folding.** Latin, Greek and Cyrillic letters are
//!   decomposed (Unicode NFKD) and their combining marks dropped, then
//!   lowercased, so `Telefónica` is `telefonica` and `Müller` is `muller`.
//!   Letters that do not decompose (`ß`, `ø`, `ł`, `æ`, Turkish `ı`) are
//!   mapped by hand, as Lucene's ASCII folding does. A word with a German
//!   umlaut is also indexed in its transliteration (`Müller` as `muller` and
//!   `mueller`), the way Germans type without the letter. Other scripts keep their
//!   marks: a Devanagari vowel sign or a Japanese voicing mark changes the
//!   word, it is not an accent. Arabic short-vowel marks (harakat) are
//!   dropped, since most text omits them.
//! - **Words** are runs of letters, digits and the marks that belong to
//!   them; everything else (punctuation, emoji, NUL) separates words.
//! - **Scripts written without spaces** (Han, Hiragana, Katakana, Hangul)
//!   are split into runs of their own, which the index stores as single
//!   characters and character bigrams: `京华保险` is findable as `京华`,
//!   `保险` or `华保`, without a dictionary. Queries look such a run up by
//!   its bigrams (see `query`).
//! - Words longer than [`MAX_WORD_CHARS`] are cut, so hostile input cannot
//!   make huge terms.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// The name the analyzer is registered under with tantivy.
pub const ANALYZER: &str = "bizseal_text";

/// Longest word kept, in characters. Real words (even German compounds)
/// stay far below; a longer run is cut rather than indexed whole.
pub const MAX_WORD_CHARS: usize = 40;

/// What a word is made of; it decides how the word is looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// Letters (maybe with digits): looked up exactly, with typos, by prefix.
    Alpha,
    /// ASCII digits only: also looked up among phone-number digits.
    Digits,
    /// A run of a script written without spaces: looked up by bigrams.
    Cjk,
}

/// A folded word and where it came from in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    /// The German transliteration (`ü` → `ue`), when the word has an umlaut.
    pub alt: Option<String>,
    pub kind: WordKind,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
}

/// Splits `text` into folded words, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current: Option<(Word, usize)> = None; // the word and its char count
    let mut folded = String::new();
    for (offset, c) in text.char_indices() {
        folded.clear();
        fold_char(c, &mut folded);
        let end = offset + c.len_utf8();
        for f in folded.chars() {
            // A mark belongs to the letter before it; one that follows no
            // letter (an emoji's variation selector, a keycap) is noise.
            let mark_alone = is_combining_mark(f) && current.is_none();
            if !is_word_char(f) || mark_alone {
                if let Some((word, _)) = current.take() {
                    out.push(finish(word));
                }
                continue;
            }
            let cjk = is_cjk(f);
            let continues = matches!(&current, Some((w, _)) if (w.kind == WordKind::Cjk) == cjk);
            if !continues {
                if let Some((word, _)) = current.take() {
                    out.push(finish(word));
                }
                current = Some((
                    Word {
                        text: String::new(),
                        alt: None,
                        kind: if cjk { WordKind::Cjk } else { WordKind::Alpha },
                        start: offset,
                        end,
                    },
                    0,
                ));
            }
            if let Some((word, count)) = current.as_mut() {
                word.end = end;
                if *count < MAX_WORD_CHARS {
                    let umlaut = transliteration(c);
                    if umlaut.is_some() && word.alt.is_none() {
                        word.alt = Some(word.text.clone());
                    }
                    word.text.push(f);
                    if let Some(alt) = word.alt.as_mut() {
                        match umlaut {
                            Some(t) => alt.push_str(t),
                            None => alt.push(f),
                        }
                    }
                    *count += 1;
                }
            }
        }
    }
    if let Some((word, _)) = current {
        out.push(finish(word));
    }
    out
}

fn finish(mut word: Word) -> Word {
    if word.kind == WordKind::Alpha && word.text.bytes().all(|b| b.is_ascii_digit()) {
        word.kind = WordKind::Digits;
    }
    word
}

/// The keys a name is found by exactly: its folded words joined by one
/// space (`Société Générale` and `SOCIETE-GENERALE` share the key `societe
/// generale`), and its German transliteration when it differs (`Müller
/// Logistik` → `muller logistik`, `mueller logistik`).
pub fn keys(text: &str) -> Vec<String> {
    let found = words(text);
    let main = join(found.iter().map(|w| w.text.as_str()));
    if main.is_empty() {
        return Vec::new();
    }
    if found.iter().all(|w| w.alt.is_none()) {
        return vec![main];
    }
    let alt = join(found.iter().map(|w| w.alt.as_deref().unwrap_or(&w.text)));
    vec![main, alt]
}

fn join<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// How German writes an umlaut without it.
fn transliteration(c: char) -> Option<&'static str> {
    match c {
        'ä' | 'Ä' => Some("ae"),
        'ö' | 'Ö' => Some("oe"),
        'ü' | 'Ü' => Some("ue"),
        _ => None,
    }
}

/// The overlapping character pairs of a run (`京华保险` → `京华`, `华保`,
/// `保险`); a one-character run is its own only gram.
pub fn bigrams(run: &str) -> Vec<String> {
    let chars: Vec<char> = run.chars().collect();
    if chars.len() < 2 {
        return vec![run.to_owned()];
    }
    chars.windows(2).map(|w| w.iter().collect()).collect()
}

/// The terms the index stores for a piece of text.
pub fn index_terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in words(text) {
        if w.kind == WordKind::Cjk {
            let chars: Vec<char> = w.text.chars().collect();
            out.extend(chars.iter().map(|c| c.to_string()));
            if chars.len() > 1 {
                out.extend(bigrams(&w.text));
            }
        } else {
            out.push(w.text);
            out.extend(w.alt);
        }
    }
    out
}

/// Appends the folded form of one character to `out`.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_arabic_harakah(c) || is_emoji_modifier(c) {
        return;
    }
    if !is_foldable(c) {
        out.extend(c.to_lowercase());
        return;
    }
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for l in d.to_lowercase() {
            match l {
                'ß' => out.push_str("ss"),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'ø' => out.push('o'),
                'ł' => out.push('l'),
                'đ' | 'ð' => out.push('d'),
                'þ' => out.push_str("th"),
                'ħ' => out.push('h'),
                'ı' => out.push('i'),
                'ς' => out.push('σ'),
                other => out.push(other),
            }
        }
    });
}

/// Scripts whose diacritics are accents: Latin, Greek, Cyrillic, their
/// extensions, letter-like symbols, ligatures and full-width forms.
fn is_foldable(c: char) -> bool {
    matches!(c as u32,
        0x0080..=0x052F | 0x1D00..=0x1FFF | 0x2000..=0x2BFF | 0xFB00..=0xFB06 | 0xFF00..=0xFFEF)
}

/// Variation selectors and the keycap mark only change how an emoji or a
/// digit is drawn.
fn is_emoji_modifier(c: char) -> bool {
    matches!(c as u32, 0xFE00..=0xFE0F | 0x20E3 | 0xE0100..=0xE01EF)
}

fn is_arabic_harakah(c: char) -> bool {
    matches!(c as u32, 0x064B..=0x065F | 0x0670)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Han, Hiragana, Katakana and Hangul: scripts whose words are not
/// separated by spaces (Hangul is, but compounds are long and users type
/// parts of them).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x31F0..=0x31FF // Katakana phonetic extensions
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0x20000..=0x2FA1F) // CJK extensions B..F, compatibility supplement
}

/// The tokenizer tantivy runs over `name` and `text`: [`index_terms`] as a
/// token stream.
#[derive(Clone, Default)]
pub struct Analyzer;

/// The tokens of one field value.
pub struct Tokens {
    tokens: std::vec::IntoIter<Token>,
    current: Token,
}

impl Tokenizer for Analyzer {
    type TokenStream<'a> = Tokens;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Tokens {
        let tokens: Vec<Token> = index_terms(text)
            .into_iter()
            .enumerate()
            .map(|(position, text)| Token {
                // Offsets are only used for highlighting, which search does
                // not do; positions are not stored.
                offset_from: 0,
                offset_to: 0,
                position,
                text,
                position_length: 1,
            })
            .collect();
        Tokens {
            tokens: tokens.into_iter(),
            current: Token::default(),
        }
    }
}

impl TokenStream for Tokens {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(t) => {
                self.current = t;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        words(s).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(texts("Telefónica, S.A."), ["telefonica", "s", "a"]);
        assert_eq!(
            texts("Müller Logistik GmbH"),
            ["muller", "logistik", "gmbh"]
        );
        assert_eq!(texts("Société Générale"), ["societe", "generale"]);
        assert_eq!(texts("Wisła Telekom"), ["wisla", "telekom"]);
        assert_eq!(
            texts("Bäckerei Schäfer Straße"),
            ["backerei", "schafer", "strasse"]
        );
        assert_eq!(
            texts("İstanbul Kargo Taşımacılık"),
            ["istanbul", "kargo", "tasimacilik"]
        );
        assert_eq!(texts("Øresund Æble"), ["oresund", "aeble"]);
        assert_eq!(texts("ＫＬＭ"), ["klm"], "full-width Latin folds to ASCII");
    }

    #[test]
    fn other_scripts_keep_their_letters() {
        assert_eq!(texts("भारत सेवा बीमा"), ["भारत", "सेवा", "बीमा"]);
        assert_eq!(texts("طيران الواحة"), ["طيران", "الواحة"]);
        assert_eq!(texts("مُحَمَّد"), ["محمد"], "harakat are dropped");
        assert_eq!(texts("Ελληνικά"), ["ελληνικα"]);
    }

    #[test]
    fn cjk_runs_are_split_from_latin_and_indexed_as_grams() {
        let w = words("ヤマト運輸株式会社 Yamato");
        assert_eq!(w[0].text, "ヤマト運輸株式会社");
        assert_eq!(w[0].kind, WordKind::Cjk);
        assert_eq!(w[1].text, "yamato");
        assert_eq!(w[1].kind, WordKind::Alpha);
        assert_eq!(bigrams("京华保险"), ["京华", "华保", "保险"]);
        assert_eq!(bigrams("京"), ["京"]);
        assert_eq!(
            index_terms("京华保险"),
            ["京", "华", "保", "险", "京华", "华保", "保险"]
        );
        let mixed = words("ABC株式会社");
        assert_eq!(mixed.len(), 2);
        assert_eq!(mixed[0].text, "abc");
    }

    #[test]
    fn digits_are_their_own_kind_and_keep_their_offsets() {
        let w = words("+34 912-345");
        assert_eq!(w.len(), 3);
        assert_eq!((w[0].text.as_str(), w[0].kind), ("34", WordKind::Digits));
        assert_eq!((w[1].start, w[1].end), (4, 7));
        assert_eq!(words("a380")[0].kind, WordKind::Alpha);
    }

    #[test]
    fn punctuation_emoji_and_nul_only_separate() {
        assert_eq!(
            texts("klm🙂\0\"atención\"(cliente)*~:"),
            ["klm", "atencion", "cliente"]
        );
        assert!(words("🙂 \0 ***").is_empty());
        assert!(words("❤\u{FE0F} 1\u{FE0F}\u{20E3}")
            .iter()
            .all(|w| w.text == "1"));
        assert!(words("").is_empty());
    }

    #[test]
    fn long_words_are_cut() {
        let long = "a".repeat(5000);
        let w = words(&long);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].text.chars().count(), MAX_WORD_CHARS);
        assert_eq!(w[0].end, 5000);
    }

    #[test]
    fn umlauts_are_also_indexed_transliterated() {
        let w = words("Müller Logistik Öl");
        assert_eq!(w[0].alt.as_deref(), Some("mueller"));
        assert_eq!(w[1].alt, None);
        assert_eq!(w[2].alt.as_deref(), Some("oel"));
        assert_eq!(index_terms("Müller"), ["muller", "mueller"]);
        assert_eq!(
            keys("Müller Logistik"),
            ["muller logistik", "mueller logistik"]
        );
        assert_eq!(keys("Telefónica"), ["telefonica"]);
        assert!(keys("🙂").is_empty());
    }

    #[test]
    fn keys_join_folded_words() {
        assert_eq!(keys("SOCIÉTÉ-GÉNÉRALE"), ["societe generale"]);
        assert_eq!(keys("  Banco   Santander "), ["banco santander"]);
        assert_eq!(keys("ヤマト運輸"), ["ヤマト運輸"]);
    }

    #[test]
    fn the_tokenizer_streams_the_index_terms() {
        let mut analyzer = Analyzer;
        let mut stream = analyzer.token_stream("Café 京华");
        let mut seen = Vec::new();
        while stream.advance() {
            seen.push(stream.token().text.clone());
        }
        assert_eq!(seen, ["cafe", "京", "华", "京华"]);
    }
}
