//! Phone numbers: the E.164 newtype and the one way to make one.
//!
//! Everything bizseal stores, signs or compares is an E.164 string
//! (`+34912345678`). People type numbers in many shapes (`+34 912 34 56 78`,
//! `(020) 649 9123` with region `NL`), so [`PhoneNumber::parse`] is the single
//! door: it cleans the input, parses and validates it with the
//! `rlibphonenumber` crate (a port of Google's libphonenumber with its
//! metadata), and keeps only the E.164 form. Two numbers are equal exactly
//! when their E.164 strings are equal.
//!
//! Why that crate: an address book of 1000 numbers from many countries is
//! mostly numbers nobody registered, and each must be validated. The
//! `phonenumber` crate was several times slower on such a mix (its compiled
//! patterns live in one LRU cache behind one mutex); `rlibphonenumber`
//! agreed with it on every one of 20,000 generated numbers (BENCHMARKS.md,
//! "Phone validation").

use std::fmt;

use rlibphonenumber::{ParseError, PhoneNumberFormat, PHONE_NUMBER_UTIL};
use serde::Serialize;

/// Longest input we try to parse. The longest E.164 number has 15 digits; a
/// formatted one with spaces, dashes and parentheses stays far below this.
const MAX_INPUT_LEN: usize = 64;

/// A validated phone number in E.164 form, owned: made only by
/// [`PhoneNumber::parse`]. It derefs to [`E164`], the borrowed form the
/// store, the read model and the workflows take (as `PathBuf` to `Path`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct PhoneNumber(String);

/// A phone number in E.164 form, borrowed: what everything past the edge
/// takes. A [`PhoneNumber`] is one; so is text the store holds
/// ([`E164::stored`]), which was a `PhoneNumber` when it was stored.
#[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord, ref_cast::RefCast)]
#[repr(transparent)]
pub struct E164(str);

/// An ISO 3166-1 alpha-2 region that has a numbering plan, such as `NL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region(rlibphonenumber::Region);

/// Why a piece of text is not a phone number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("the number is empty")]
    Empty,
    #[error("the number is longer than {MAX_INPUT_LEN} characters")]
    TooLong,
    #[error("the number contains {0:?}; only digits, spaces, '+', '-', '.', '/' and parentheses are allowed")]
    BadCharacter(char),
    #[error("a national number needs a region (for example region=NL), or write it in international form starting with '+'")]
    NeedsRegion,
    #[error("{0:?} is not an ISO 3166-1 alpha-2 region with a numbering plan")]
    UnknownRegion(String),
    #[error("the country calling code is not assigned")]
    InvalidCountryCode,
    #[error("the number is too short")]
    TooShort,
    #[error("the number has too many digits")]
    TooManyDigits,
    #[error("the number is not a valid number in its numbering plan")]
    Invalid,
}

impl PhoneError {
    /// One of each kind, for the tables that list every reason
    /// (`schema/openapi.json`).
    pub fn every_kind() -> [PhoneError; 9] {
        // A new variant fails this match: add it to the list below too.
        let _every_variant_is_listed = |e: &PhoneError| match e {
            PhoneError::Empty
            | PhoneError::TooLong
            | PhoneError::BadCharacter(_)
            | PhoneError::NeedsRegion
            | PhoneError::UnknownRegion(_)
            | PhoneError::InvalidCountryCode
            | PhoneError::TooShort
            | PhoneError::TooManyDigits
            | PhoneError::Invalid => (),
        };
        [
            PhoneError::Empty,
            PhoneError::TooLong,
            PhoneError::BadCharacter('x'),
            PhoneError::NeedsRegion,
            PhoneError::UnknownRegion(String::new()),
            PhoneError::InvalidCountryCode,
            PhoneError::TooShort,
            PhoneError::TooManyDigits,
            PhoneError::Invalid,
        ]
    }

    /// Why, as a stable machine-readable name: the `reason` beside the
    /// `invalid_number` code (`error_code`) in API answers.
    pub fn reason(&self) -> &'static str {
        match self {
            PhoneError::Empty => "empty",
            PhoneError::TooLong => "too_long",
            PhoneError::BadCharacter(_) => "bad_character",
            PhoneError::NeedsRegion => "needs_region",
            PhoneError::UnknownRegion(_) => "unknown_region",
            PhoneError::InvalidCountryCode => "invalid_country_code",
            PhoneError::TooShort => "too_short",
            PhoneError::TooManyDigits => "too_many_digits",
            PhoneError::Invalid => "invalid",
        }
    }
}

impl Region {
    /// Parses a region code such as `NL` or `nl`.
    pub fn parse(input: &str) -> Result<Region, PhoneError> {
        let upper = input.trim().to_ascii_uppercase();
        if upper.len() != 2 || !upper.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(PhoneError::UnknownRegion(truncate(input, 8)));
        }
        // Every pair of letters names a `Region`; only those with metadata
        // have a numbering plan.
        rlibphonenumber::Region::from_code(&upper)
            .ok()
            .filter(|r| PHONE_NUMBER_UTIL.get_country_code_for_region(*r).is_some())
            .map(Region)
            .ok_or(PhoneError::UnknownRegion(upper))
    }

    /// The two-letter code.
    pub fn as_str(&self) -> String {
        self.0.as_region_str().as_str().to_owned()
    }
}

impl PhoneNumber {
    /// Parses what a person typed. A number that does not start with `+`
    /// is read in the numbering plan of `region`, which also decides what
    /// an international dialling prefix looks like (`00` in Europe, `011`
    /// in North America), so such input needs a region.
    pub fn parse(input: &str, region: Option<Region>) -> Result<PhoneNumber, PhoneError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(PhoneError::Empty);
        }
        if input.len() > MAX_INPUT_LEN {
            return Err(PhoneError::TooLong);
        }
        if let Some(bad) = input.chars().find(|c| !is_allowed(*c)) {
            return Err(PhoneError::BadCharacter(bad));
        }
        let digits = input.bytes().filter(u8::is_ascii_digit).count();
        if digits < 3 {
            return Err(PhoneError::TooShort);
        }
        // E.164 allows 15 digits; an international prefix such as 00 adds 2.
        if digits > 17 {
            return Err(PhoneError::TooManyDigits);
        }
        if !input.starts_with('+') && region.is_none() {
            return Err(PhoneError::NeedsRegion);
        }
        let typed = metadata_parse(region.map(|r| r.0), input)?;
        if typed.extension.is_some() {
            return Err(PhoneError::Invalid);
        }
        let e164 = e164_of(&typed)?;
        // The metadata accepts some national numbers that are too long for
        // E.164 (found by fuzzing: `020 644 921 9231820` in DE gave 17
        // digits); E.164 ends at 15, whatever a country's plan says.
        if e164.len() - 1 > 15 {
            return Err(PhoneError::TooManyDigits);
        }
        // Validity is judged on the E.164 form, not on the text as typed:
        // the metadata can call a number valid typed with a region hint or
        // nationally with leading zeros, yet not in its own E.164 form
        // (fuzzing: `0000 66202059` in JP gives `+8100066202059`, whose
        // leading zeros do not survive a parse of their own; and
        // with an older metadata `+78112 6 17727` with region EC gave
        // `+78112617727`, not valid alone; nor was `+78118211821`, though
        // it was with region BM).
        // So the E.164 form bizseal stores and signs always looks itself
        // up. Text already in that form, given without a region, is parsed
        // once: that parse is the canonical one.
        let canonical = if input == e164 && region.is_none() {
            typed
        } else {
            let canonical = metadata_parse(None, &e164).map_err(|_| PhoneError::Invalid)?;
            if e164_of(&canonical)? != e164 {
                return Err(PhoneError::Invalid);
            }
            canonical
        };
        if !guarded(|| canonical.is_valid())? {
            return Err(PhoneError::Invalid);
        }
        Ok(PhoneNumber(e164))
    }

    /// Whether `input` has the shape of every number bizseal stores: `+`
    /// and 2 to 15 digits, nothing else. Such text is looked up as it is
    /// before it is parsed: a listed number was validated when it was
    /// stored, and parsing its E.164 form gives the same text back.
    pub fn is_e164_shaped(input: &str) -> bool {
        input.strip_prefix('+').is_some_and(|digits| {
            (2..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
        })
    }

    /// A number the store lists, taken as the E.164 text it is stored
    /// under. It was valid when it was stored; a newer numbering metadata
    /// may refuse it since, and operations on it (a report, a removal) must
    /// still reach it. Only for text read from or matched against the
    /// store's keys.
    pub(crate) fn listed(e164: &str) -> PhoneNumber {
        PhoneNumber(e164.to_owned())
    }

    /// The E.164 form, with the leading `+`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl E164 {
    /// Text the store holds as a number (it was a [`PhoneNumber`] when
    /// stored), or text of that shape matched against the store's keys
    /// (`PhoneNumber::is_e164_shaped`). Nothing is parsed: this is how a
    /// record's number, or a test's, becomes typed.
    pub fn stored(text: &str) -> &E164 {
        ref_cast::RefCast::ref_cast(text)
    }

    /// The E.164 form, with the leading `+`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// SHA-256 of the E.164 string: the key of the k-anonymous range lookup.
    pub fn sha256(&self) -> [u8; 32] {
        e164_hash(&self.0)
    }

    /// The country calling code (`34` for Spain), for per-country limits.
    pub fn calling_code(&self) -> u16 {
        metadata_parse(None, &self.0)
            .ok()
            .and_then(|p| u16::try_from(p.country_code).ok())
            .unwrap_or(0)
    }
}

impl std::ops::Deref for PhoneNumber {
    type Target = E164;

    fn deref(&self) -> &E164 {
        E164::stored(&self.0)
    }
}

impl std::borrow::Borrow<E164> for PhoneNumber {
    fn borrow(&self) -> &E164 {
        self
    }
}

impl ToOwned for E164 {
    type Owned = PhoneNumber;

    fn to_owned(&self) -> PhoneNumber {
        PhoneNumber(self.0.to_owned())
    }
}

impl PartialEq<E164> for String {
    fn eq(&self, other: &E164) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<String> for E164 {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl fmt::Display for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl E164 {
    /// The number as people write it across borders, grouped:
    /// `+31 20 649 9123`. A number the metadata cannot read (one listed
    /// before a metadata update) is shown as stored.
    pub fn international(&self) -> String {
        metadata_parse(None, &self.0)
            .and_then(|n| guarded(|| n.format_as(PhoneNumberFormat::International).into_owned()))
            .unwrap_or_else(|_| self.0.to_owned())
    }
}

/// The metadata parser's answer for `text`.
fn metadata_parse(
    region: Option<rlibphonenumber::Region>,
    text: &str,
) -> Result<rlibphonenumber::PhoneNumber, PhoneError> {
    guarded(|| PHONE_NUMBER_UTIL.parse(text, region))?.map_err(|e| match e {
        ParseError::InvalidCountryCode => PhoneError::InvalidCountryCode,
        ParseError::TooLongNsn => PhoneError::TooManyDigits,
        ParseError::TooShortAfterIdd | ParseError::TooShortNsn => PhoneError::TooShort,
        ParseError::NotANumber(_) => PhoneError::Invalid,
    })
}

/// The E.164 text of a parsed number (with any leading zeros it keeps).
fn e164_of(number: &rlibphonenumber::PhoneNumber) -> Result<String, PhoneError> {
    guarded(|| number.format_as(PhoneNumberFormat::E164).into_owned())
}

/// Runs a call into the metadata library. Metadata-driven parsers have had
/// panics on odd inputs; a request must never be able to take a worker
/// down, so a panic is treated as "not a valid number".
fn guarded<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> Result<T, PhoneError> {
    std::panic::catch_unwind(f).map_err(|_| PhoneError::Invalid)
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// SHA-256 of an E.164 string as stored. It hashes the text as it is, so a
/// stored number needs no parsing to find its range-lookup bucket; the
/// badge list hashes numbers with this same function.
pub use bizseal_client::badges::list::number_hash as e164_hash;

/// Loads the numbering metadata now rather than on the first request (a
/// few milliseconds). A region's patterns still compile when first used:
/// compiling all 245 regions' at start costs a large share of the
/// server's memory budget (BENCHMARKS.md, "Source-comment figures") for
/// regions most servers never see.
pub fn warm_up() {
    let _ = PhoneNumber::parse("+31206499123", None);
}

fn is_allowed(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '.' | '/' | '(' | ')')
}

fn truncate(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nl() -> Option<Region> {
        Some(Region::parse("NL").unwrap())
    }

    #[test]
    fn numbers_are_shown_grouped_in_international_format() {
        assert_eq!(
            E164::stored("+31206499123").international(),
            "+31 20 649 9123"
        );
        assert_eq!(
            E164::stored("+12125550100").international(),
            "+1 212-555-0100"
        );
        assert_eq!(E164::stored("+999").international(), "+999");
    }

    #[test]
    fn formatted_international_numbers_become_e164() {
        let n = PhoneNumber::parse("+34 912 34 56 78", None).unwrap();
        assert_eq!(n.as_str(), "+34912345678");
        let n = PhoneNumber::parse("+31 (0)20-649.9123", None).unwrap();
        assert_eq!(n.as_str(), "+31206499123");
    }

    #[test]
    fn national_numbers_use_the_region() {
        let n = PhoneNumber::parse("(020) 649 9123", nl()).unwrap();
        assert_eq!(n.as_str(), "+31206499123");
        let region = Region::parse("es").unwrap();
        assert_eq!(region.as_str(), "ES");
        let n = PhoneNumber::parse("912 34 56 78", Some(region)).unwrap();
        assert_eq!(n.as_str(), "+34912345678");
    }

    #[test]
    fn international_prefix_00_is_understood() {
        let n = PhoneNumber::parse("0031 20 649 9123", nl()).unwrap();
        assert_eq!(n.as_str(), "+31206499123");
    }

    #[test]
    fn national_number_without_region_says_so() {
        assert_eq!(
            PhoneNumber::parse("020 649 9123", None),
            Err(PhoneError::NeedsRegion)
        );
    }

    #[test]
    fn bad_inputs_are_refused_with_a_reason() {
        assert_eq!(PhoneNumber::parse("", None), Err(PhoneError::Empty));
        assert_eq!(PhoneNumber::parse("   ", None), Err(PhoneError::Empty));
        assert_eq!(
            PhoneNumber::parse("+31 20 CALL KLM", None),
            Err(PhoneError::BadCharacter('C'))
        );
        assert_eq!(PhoneNumber::parse("+12", None), Err(PhoneError::TooShort));
        assert_eq!(
            PhoneNumber::parse(&"1".repeat(65), None),
            Err(PhoneError::TooLong)
        );
        assert_eq!(
            PhoneNumber::parse("+1234567890123456789", None),
            Err(PhoneError::TooManyDigits)
        );
        assert_eq!(PhoneNumber::parse("12", nl()), Err(PhoneError::TooShort));
        assert!(matches!(
            PhoneNumber::parse("+31 12", None),
            Err(PhoneError::TooShort | PhoneError::Invalid)
        ));
        assert_eq!(
            PhoneNumber::parse("+31 1234", None),
            Err(PhoneError::Invalid)
        );
    }

    #[test]
    fn unassigned_country_code_is_refused() {
        let err = PhoneNumber::parse("+999 1234 5678", None).unwrap_err();
        assert!(
            matches!(err, PhoneError::InvalidCountryCode | PhoneError::Invalid),
            "{err:?}"
        );
    }

    #[test]
    fn regions_must_be_real() {
        assert!(Region::parse("XX").is_err());
        assert!(Region::parse("NLD").is_err());
        assert!(Region::parse("").is_err());
        assert!(Region::parse("ñl").is_err());
    }

    #[test]
    fn the_same_number_written_two_ways_is_equal() {
        let a = PhoneNumber::parse("+31206499123", None).unwrap();
        let b = PhoneNumber::parse("020 649 91 23", nl()).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.sha256(), b.sha256());
    }

    #[test]
    fn e164_text_comes_back_as_it_was_given() {
        // Italian fixed lines keep their leading zero; +1 is shared by many
        // regions; Japan, India, Brazil and the UK have long area codes.
        for input in [
            "+390612345678",
            "+12125551234",
            "+14155552671",
            "+81312345678",
            "+918047192205",
            "+551123456789",
            "+442079460958",
            "+31206499123",
            "+4930123456",
        ] {
            let ours = PhoneNumber::parse(input, None).unwrap();
            assert_eq!(ours.as_str(), input, "E.164 in, the same E.164 out");
            let spaced = format!("{} {} {}", &input[..3], &input[3..6], &input[6..]);
            assert_eq!(PhoneNumber::parse(&spaced, None).unwrap(), ours);
        }
    }

    #[test]
    fn numbers_longer_than_e164_allows_are_refused() {
        let de = Region::parse("DE").ok();
        assert_eq!(
            PhoneNumber::parse("020 644 921 9231820", de),
            Err(PhoneError::TooManyDigits)
        );
        assert_eq!(
            PhoneNumber::parse("+49 20644 9219231820", None),
            Err(PhoneError::TooManyDigits)
        );
    }

    #[test]
    fn a_number_valid_only_when_typed_nationally_is_refused() {
        let jp = Region::parse("JP").ok();
        assert_eq!(
            PhoneNumber::parse("0000 66202059", jp),
            Err(PhoneError::Invalid)
        );
        // Whatever the region hint, international text gets the answer of
        // its own E.164 form (this one is a Pskov number in the current
        // metadata; an older one called it valid only with the hint).
        let ec = Region::parse("EC").ok();
        assert_eq!(
            PhoneNumber::parse("+78112 6 17727", ec),
            PhoneNumber::parse("+78112617727", None)
        );
        // E.164 text with a region hint is not taken on the hint's word.
        let bm = Region::parse("BM").ok();
        assert_eq!(
            PhoneNumber::parse("+78118211821", bm),
            PhoneNumber::parse("+78118211821", None)
        );
        // Leading zeros that survive in E.164 (Italy) are fine.
        let it = Region::parse("IT").ok();
        let rome = PhoneNumber::parse("06 1234 5678", it).unwrap();
        assert_eq!(rome.as_str(), "+390612345678");
        assert_eq!(PhoneNumber::parse(rome.as_str(), None), Ok(rome));
    }

    #[test]
    fn only_plus_and_digits_look_like_a_stored_number() {
        assert!(PhoneNumber::is_e164_shaped("+31206499123"));
        assert!(!PhoneNumber::is_e164_shaped("31206499123"));
        assert!(!PhoneNumber::is_e164_shaped("+31 20 649 9123"));
        assert!(!PhoneNumber::is_e164_shaped("+"));
        assert!(!PhoneNumber::is_e164_shaped("+1234567890123456"));
        assert!(!PhoneNumber::is_e164_shaped("+٣١٢٠٦٤٩٩١٢٣"));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever arrives, parsing answers (never panics), and a success
        /// is a canonical E.164 string that parses back to itself.
        #[test]
        fn parsing_never_panics_and_successes_round_trip(input in "\\PC{0,80}", region in "[A-Z]{2}") {
            let region = Region::parse(&region).ok();
            if let Ok(n) = PhoneNumber::parse(&input, region) {
                prop_assert!(n.as_str().starts_with('+'));
                prop_assert!(n.as_str()[1..].bytes().all(|b| b.is_ascii_digit()));
                prop_assert_eq!(PhoneNumber::parse(n.as_str(), None), Ok(n.clone()));
            }
        }

        /// A national number typed in groups of two to four after its
        /// country code, separated by spaces, dashes or dots as people
        /// write them, parses to the same number as without separators.
        #[test]
        fn separators_do_not_change_the_number(
            cc in prop_oneof![Just("1"), Just("31"), Just("34"), Just("44"), Just("49"), Just("33"), Just("81"), Just("91"), Just("62"), Just("55")],
            digits in "[1-9][0-9]{6,10}",
            groups in proptest::collection::vec(2usize..=4, 8),
            sep in prop_oneof![Just(" "), Just("-"), Just(".")],
        ) {
            let plain = format!("+{cc}{digits}");
            let mut spaced = format!("+{cc}");
            let mut rest = digits.as_str();
            for size in groups.iter().cycle() {
                if rest.is_empty() {
                    break;
                }
                let (head, tail) = rest.split_at((*size).min(rest.len()));
                spaced.push_str(sep);
                spaced.push_str(head);
                rest = tail;
            }
            prop_assert_eq!(PhoneNumber::parse(&plain, None).ok(), PhoneNumber::parse(&spaced, None).ok());
        }
    }
}
