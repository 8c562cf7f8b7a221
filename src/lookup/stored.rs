//! A stored answer: a listed number's lookup answer, made in the write
//! transaction that last changed anything it shows, and the decision
//! whether it is the answer for a given client.

use serde::{Deserialize, Serialize};

use super::answer::{answer_for, strong_etag};
use crate::model::pick_preferred;
use crate::phone::E164;
use crate::store::prelude::*;
use crate::store::{StoreError, Writer};

/// A listed number's public answer, rendered in the write transaction that
/// last changed anything it shows, so that a lookup is one read and no JSON
/// work. It is the answer for a client with no language preference; it
/// serves other clients too when their languages pick the same name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredAnswer {
    /// The JSON answer, byte for byte what a lookup builds (stored packed).
    #[serde(with = "super::packed")]
    pub body: String,
    /// Strong `ETag` over `body`, quoted.
    pub etag: String,
    /// When the token in `body` expires (seconds).
    pub expires_at: Option<i64>,
    /// `body` holds until this time (seconds): then its oldest counted spam
    /// report leaves the 30-day window and the count changes.
    pub valid_until: i64,
    /// Every language the business has a name in, and whether that name is
    /// the one `body` shows.
    pub names: Vec<(String, bool)>,
}

impl StoredAnswer {
    /// Whether `body` is the answer for a client preferring `langs` at
    /// `now`.
    pub fn serves(&self, langs: &[String], now: i64) -> bool {
        answer_serves(
            self.valid_until,
            self.names.iter().map(|(k, same)| (k.as_str(), *same)),
            langs,
            now,
        )
    }
}

/// Whether a stored answer is the one for a client preferring `langs` at
/// `now`: its report count still holds, and the client's languages pick a
/// name the answer shows (or none, which falls back to that name too).
pub fn answer_serves<'a>(
    valid_until: i64,
    names: impl Iterator<Item = (&'a str, bool)> + Clone,
    langs: &[String],
    now: i64,
) -> bool {
    now < valid_until && pick_preferred(names, langs).unwrap_or(true)
}

/// A [`StoredAnswer`] read in place.
#[derive(Debug, Deserialize)]
pub struct StoredAnswerRef<'a> {
    /// Unpacked from its stored form (`lookup::packed`).
    #[serde(deserialize_with = "super::packed::deserialize")]
    pub body: String,
    pub etag: &'a str,
    pub expires_at: Option<i64>,
    pub valid_until: i64,
    #[serde(borrow)]
    pub names: Vec<(&'a str, bool)>,
}

impl StoredAnswerRef<'_> {
    /// As [`StoredAnswer::serves`].
    pub fn serves(&self, langs: &[String], now: i64) -> bool {
        answer_serves(self.valid_until, self.names.iter().copied(), langs, now)
    }
}

/// Names what [`render`] makes: bump it whenever the answer's JSON, the
/// choice of stored numbers or the way bodies are stored changes, and every
/// stored answer is rendered again at the next start
/// (`cache::render_all`). 4: bodies packed (`lookup::packed`; 3
/// was an earlier packing that never reached main). 5: the trust rules (no
/// `registered` status; level B is verified). 6: the business's `logo`
/// (bizseal's copy) in place of its `logo_url`.
pub const RENDER_VERSION: u32 = 6;

/// The stored answer of a listed number, rendered from what the write
/// transaction `w` holds (`cache::refresh`, before commit): the answer for
/// no language preference, its `ETag`, and what decides whom it serves.
///
/// Only answers that hand out a token are stored: they are the badge
/// clients look for, and the dearest to build (a token read besides the
/// number and its business). An unproven, revoked or suspended number is
/// built on each lookup, which keeps the table to the attested numbers
/// (what share of the numbers that is, and the rows' size: BENCHMARKS.md).
pub fn render(w: &Writer, e164: &E164, at: i64) -> Result<Option<StoredAnswer>, StoreError> {
    let Some(record) = w.number(e164)? else {
        return Ok(None);
    };
    let business = record.business.clone();
    let answer = answer_for(w, e164, Some(record), &[], at)?;
    if answer.attestation.is_none() {
        return Ok(None);
    }
    let Some(shown) = answer.business.as_ref().map(|b| b.display_name.clone()) else {
        return Ok(None);
    };
    let body = serde_json::to_string(&answer)
        .map_err(|e| StoreError::Internal(format!("answer does not serialise: {e}")))?;
    let names = w
        .with_business(business.as_str(), |b| {
            b.names
                .0
                .iter()
                .map(|(lang, name)| ((*lang).to_owned(), *name == shown))
                .collect()
        })?
        .unwrap_or_default();
    Ok(Some(StoredAnswer {
        etag: strong_etag(body.as_bytes()),
        body,
        expires_at: answer.attestation_expires_at,
        valid_until: w.report_window(e164, at)?.valid_until,
        names,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_answer_serves_the_languages_that_pick_its_name() {
        // KLM's answer shows the Dutch name; the English one differs.
        let answer = StoredAnswer {
            body: String::new(),
            etag: String::new(),
            expires_at: None,
            valid_until: 1_000,
            names: vec![("en".into(), false), ("nl".into(), true)],
        };
        let langs = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(answer.serves(&[], 999));
        assert!(!answer.serves(&[], 1_000), "the report count changed");
        assert!(answer.serves(&langs(&["nl-BE", "en"]), 0));
        assert!(answer.serves(&langs(&["fr", "de"]), 0), "falls back to it");
        assert!(!answer.serves(&langs(&["en-GB"]), 0));
        assert!(!answer.serves(&langs(&["fr", "EN", "nl"]), 0));
    }
}
