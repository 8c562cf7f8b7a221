//! The read side: answer for a number, for an address book, for a hash
//! bucket; check a token; show a public profile; list revocations.
//!
//! A lookup is one read transaction of a few point reads, and returns the
//! stored token: nothing is signed on the read path.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Service, ServiceError};
use crate::model::{
    now, Business, BusinessId, BusinessRef, BusinessStatus, Command, Level, NumberRecord,
    PublicStatus, Revocation, StoredAnswer,
};
use crate::phone::{PhoneError, PhoneNumber, Region};
use crate::store::prelude::*;
use crate::store::{Reader, StoreError, Tables, Writer};
use crate::token::{self, Claims, Reason};

/// At most this many numbers in one batch lookup (an address book).
pub const MAX_BATCH: usize = 1000;

/// At most this many tokens in one batch check (~170 KiB of JSON, inside
/// the API's body limit).
pub const MAX_VERIFY_BATCH: usize = 200;

/// One token to check, and optionally the number it should be for.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct TokenCheck {
    pub token: String,
    pub number: Option<String>,
}

/// The answer for one number.
#[derive(Debug, Clone, Serialize)]
pub struct NumberAnswer {
    pub number: String,
    pub status: PublicStatus,
    pub level: Option<Level>,
    pub business: Option<BusinessSummary>,
    /// The JWS, while the number is verified or registered with a token.
    pub attestation: Option<String>,
    pub revocation: Option<RevocationInfo>,
    pub reputation: Reputation,
    /// When `attestation` expires (seconds), so that nobody caches the
    /// answer longer than its token lives. Not part of the JSON: the token
    /// says it itself.
    #[serde(skip)]
    pub attestation_expires_at: Option<i64>,
}

/// The part of a profile a lookup shows.
#[derive(Debug, Clone, Serialize)]
pub struct BusinessSummary {
    pub id: BusinessId,
    pub display_name: String,
    pub legal_name: String,
    pub category: String,
    pub country: String,
    pub website: Option<String>,
    pub logo_url: Option<String>,
}

/// When and why a number's attestation was withdrawn.
#[derive(Debug, Clone, Serialize)]
pub struct RevocationInfo {
    pub at: i64,
    pub reason: String,
}

/// What people have said about a number.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Reputation {
    /// Spam reports over the last 30 days.
    pub reports_30d: u64,
}

/// A number as the public profile lists it.
#[derive(Debug, Clone, Serialize)]
pub struct NumberView {
    pub number: String,
    pub status: PublicStatus,
    pub level: Option<Level>,
}

/// The public profile of a business.
#[derive(Debug, Clone, Serialize)]
pub struct BusinessView {
    pub id: BusinessId,
    pub legal_name: String,
    pub names: BTreeMap<String, String>,
    pub default_lang: String,
    pub display_name: String,
    pub category: String,
    pub country: String,
    pub city: String,
    pub website: Option<String>,
    pub description: BTreeMap<String, String>,
    pub logo_url: Option<String>,
    pub status: crate::model::BusinessStatus,
    pub numbers: Vec<NumberView>,
    pub commands: Vec<Command>,
}

/// One listed number in a hash bucket.
#[derive(Debug, Clone, Serialize)]
pub struct RangeEntry {
    /// The 59 hex characters of the SHA-256 after the 5 of the prefix.
    pub suffix: String,
    pub status: PublicStatus,
    pub level: Option<Level>,
    pub attestation: Option<String>,
    /// When `attestation` expires (seconds); not part of the JSON.
    #[serde(skip)]
    pub attestation_expires_at: Option<i64>,
}

/// The answer of a token check.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyAnswer {
    pub valid: bool,
    pub reason: Reason,
    /// The signed claims as signed; present only when the signature
    /// verified.
    pub claims: Option<Box<serde_json::value::RawValue>>,
    /// The number's status now, when the signature verified.
    pub status: Option<PublicStatus>,
}

/// A lookup's answer: the stored one, ready to send, or one built now
/// (a number with no stored answer, or a client whose languages pick
/// another name than the stored answer shows).
#[derive(Debug, Clone)]
pub enum Rendered {
    Stored(Ready),
    Built(Box<NumberAnswer>),
}

/// A stored answer's JSON, as it goes out.
#[derive(Debug, Clone)]
pub struct Ready {
    pub body: String,
    /// Strong `ETag` over `body`, quoted.
    pub etag: String,
    /// When the token in `body` expires.
    pub expires_at: Option<i64>,
}

impl Rendered {
    /// When the token in the answer expires.
    pub fn expires_at(&self) -> Option<i64> {
        match self {
            Rendered::Stored(a) => a.expires_at,
            Rendered::Built(a) => a.attestation_expires_at,
        }
    }
}

impl Service {
    /// What a client typed, as a number: parsed and validated, or, when
    /// the numbering metadata refuses it, the listed number stored under
    /// exactly that E.164 text (valid when it was stored; a metadata update
    /// must not lock its business, reviewers and reporters out of it).
    pub fn number_or_listed(
        &self,
        input: &str,
        region: Option<Region>,
    ) -> Result<PhoneNumber, ServiceError> {
        match PhoneNumber::parse(input, region) {
            Ok(number) => Ok(number),
            Err(e) => {
                let trimmed = input.trim();
                if PhoneNumber::is_e164_shaped(trimmed)
                    && self.store.read()?.number(trimmed)?.is_some()
                {
                    Ok(PhoneNumber::listed(trimmed))
                } else {
                    Err(e.into())
                }
            }
        }
    }

    /// The answer for one number.
    pub fn lookup(
        &self,
        number: &PhoneNumber,
        langs: &[String],
    ) -> Result<NumberAnswer, ServiceError> {
        let r = self.store.read()?;
        Ok(answer(&r, number.as_str(), langs, now())?)
    }

    /// The answer for a number as a client typed it (`region` reads a
    /// national form). A listed number typed in E.164 is answered without
    /// parsing it again: see [`PhoneNumber::is_e164_shaped`].
    pub fn lookup_typed(
        &self,
        input: &str,
        region: Option<Region>,
        langs: &[String],
    ) -> Result<Rendered, ServiceError> {
        let r = self.store.read()?;
        Ok(answer_typed(&r, input, region, langs, now())??)
    }

    /// Answers for an address book as typed, in the order given. Each entry
    /// is the answer or why its text is not a number; all are read from one
    /// snapshot.
    pub fn lookup_many(
        &self,
        inputs: &[String],
        region: Option<Region>,
        langs: &[String],
    ) -> Result<Vec<Result<Rendered, PhoneError>>, ServiceError> {
        at_most("numbers", inputs.len(), MAX_BATCH)?;
        let r = self.store.read()?;
        let at = now();
        inputs
            .iter()
            .map(|input| Ok(answer_typed(&r, input, region, langs, at)?))
            .collect()
    }

    /// Every listed number whose SHA-256 starts with `prefix` (20 bits).
    pub fn range(&self, prefix: u32) -> Result<Vec<RangeEntry>, ServiceError> {
        let r = self.store.read()?;
        let mut entries = Vec::new();
        for e164 in r.bucket(prefix)? {
            let Some(record) = r.number(&e164)? else {
                continue;
            };
            let Some(business) = r.with_business(record.business.as_str(), |b| b.status)? else {
                continue;
            };
            let status = PublicStatus::given(&record, business);
            if !status.names_business() {
                continue; // not public: the bucket holds only reviewed businesses
            }
            let hash = hex(&crate::phone::e164_hash(&e164));
            let token = token_for(&*r, &record, status)?;
            entries.push(RangeEntry {
                suffix: hash[5..].to_owned(),
                status,
                level: record.state.level().filter(|_| status.shows_token()),
                attestation_expires_at: token.as_ref().map(|(_, exp)| *exp),
                attestation: token.map(|(t, _)| t),
            });
        }
        Ok(entries)
    }

    /// Checks a token: signature, time, revocation, and, if given, number.
    pub fn verify_token(
        &self,
        token: &str,
        number: Option<&PhoneNumber>,
    ) -> Result<VerifyAnswer, ServiceError> {
        let keyring = self.keyring();
        let verdict = token::verify(
            token,
            keyring.verifying(),
            now(),
            number.map(PhoneNumber::as_str),
        );
        self.revocation_and_status(verdict)
    }

    /// [`Service::verify_token`] with the number as the client typed it
    /// (`region` reads a national form); invalid text is refused as
    /// always. Text that is exactly the `sub` of a token our key signed is
    /// taken as it is: it is the E.164 form `PhoneNumber::parse` gave when
    /// the token was issued, so parsing it again would change nothing.
    pub fn verify_token_typed(
        &self,
        token: &str,
        number: Option<&str>,
        region: Option<Region>,
    ) -> Result<VerifyAnswer, ServiceError> {
        let verdict = bound_verdict(&self.keyring(), token, number, region, now())?;
        self.revocation_and_status(verdict)
    }

    /// [`Service::verify_token_typed`] for many tokens (a client checking
    /// the badges of a whole chat list), in the order given: each entry is
    /// the answer, or why its number is not a phone number. One keyring
    /// and one clock reading serve them all.
    pub fn verify_many(
        &self,
        checks: &[TokenCheck],
        region: Option<Region>,
    ) -> Result<Vec<Result<VerifyAnswer, PhoneError>>, ServiceError> {
        at_most("tokens", checks.len(), MAX_VERIFY_BATCH)?;
        let keyring = self.keyring();
        let at = now();
        checks
            .iter()
            .map(
                |c| match bound_verdict(&keyring, &c.token, c.number.as_deref(), region, at) {
                    Ok(verdict) => Ok(Ok(self.revocation_and_status(verdict)?)),
                    Err(e) => Ok(Err(e)),
                },
            )
            .collect()
    }

    /// Adds what only the store knows to a signature check: revocation and
    /// the number's status now.
    fn revocation_and_status(&self, verdict: token::Verdict) -> Result<VerifyAnswer, ServiceError> {
        let Some(claims) = verdict.claims else {
            return Ok(VerifyAnswer {
                valid: false,
                reason: verdict.reason,
                claims: None,
                status: None,
            });
        };
        let r = self.store.read()?;
        let mut reason = verdict.reason;
        // A revocation outranks a number mismatch: the client must learn the
        // token is dead, whatever number it was checked against.
        if matches!(reason, Reason::Ok | Reason::NumberMismatch)
            && r.revocation(&claims.jti)?.is_some()
        {
            reason = Reason::Revoked;
        }
        Ok(VerifyAnswer {
            valid: reason == Reason::Ok,
            reason,
            claims: verdict.raw_claims,
            status: Some(current_status(&r, &claims)?),
        })
    }

    /// The public profile of a business: only of one that passed review
    /// (a suspended one with its status); any other is not found.
    pub fn business(
        &self,
        id: &BusinessId,
        langs: &[String],
    ) -> Result<BusinessView, ServiceError> {
        let r = self.store.read()?;
        let b = r
            .business(id.as_str())?
            .ok_or(ServiceError::NotFound("business"))?;
        if !is_public(&r, &b)? {
            return Err(ServiceError::NotFound("business"));
        }
        Ok(view(&r, b, langs)?)
    }

    /// The profile as its own business (and the reviewers) see it, public
    /// or not; numbers as the public sees them.
    pub fn own_view(&self, id: &BusinessId) -> Result<BusinessView, ServiceError> {
        let r = self.store.read()?;
        let b = r
            .business(id.as_str())?
            .ok_or(ServiceError::NotFound("business"))?;
        Ok(view(&r, b, &[])?)
    }

    /// Revocations since `since` (seconds), oldest first, at most `limit`.
    /// `after` continues a listing after that serial.
    pub fn revocations(
        &self,
        since: i64,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Revocation>, ServiceError> {
        Ok(self.store.read()?.revocations_since(since, after, limit)?)
    }
}

/// Whether the public may see a business: one whose review holds, or a
/// suspended one whose review held (with its warning). Only a suspension
/// needs the application read to decide.
pub(super) fn is_public(r: &Reader, b: &Business) -> Result<bool, StoreError> {
    Ok(b.status == BusinessStatus::Verified
        || r.application(b.id.as_str())?
            .is_some_and(|a| a.is_public(b.status)))
}

/// A business's profile with its public numbers.
fn view(r: &Reader, b: Business, langs: &[String]) -> Result<BusinessView, StoreError> {
    {
        let numbers = number_views(r, &b)?;
        Ok(BusinessView {
            display_name: b.display_name(langs).to_owned(),
            id: b.id,
            legal_name: b.legal_name,
            names: b.names,
            default_lang: b.default_lang,
            category: b.category,
            country: b.country,
            city: b.city,
            website: b.website,
            description: b.description,
            logo_url: b.logo_url,
            status: b.status,
            numbers,
            commands: b.commands,
        })
    }
}

/// Refuses a batch of more than `max` entries in `field`.
fn at_most(field: &str, got: usize, max: usize) -> Result<(), ServiceError> {
    if got > max {
        return Err(ServiceError::invalid(
            field,
            format!("at most {max} {field} per request, got {got}"),
        ));
    }
    Ok(())
}

/// A token's signature and time checked at `at`, and bound to the number
/// typed, if any. Text that is exactly the `sub` of a token our key signed
/// is taken as it is (see [`Service::verify_token_typed`]).
fn bound_verdict(
    keyring: &crate::keys::Keyring,
    token: &str,
    number: Option<&str>,
    region: Option<Region>,
    at: i64,
) -> Result<token::Verdict, PhoneError> {
    let mut verdict = token::verify_unbound(token, keyring.verifying(), at);
    if let Some(text) = number {
        if verdict.claims.as_ref().is_none_or(|c| c.sub != text) {
            verdict.bind(PhoneNumber::parse(text, region)?.as_str());
        }
    }
    Ok(verdict)
}

/// The answer for typed text. The outer `Result` is storage failing, the
/// inner one the text not being a number.
fn answer_typed(
    r: &Reader,
    input: &str,
    region: Option<Region>,
    langs: &[String],
    at: i64,
) -> Result<Result<Rendered, PhoneError>, StoreError> {
    let shaped = PhoneNumber::is_e164_shaped(input);
    if shaped && r.may_know(input) {
        if let Some(stored) = stored(r, input, langs, at)? {
            return Ok(Ok(stored));
        }
        if let Some(record) = r.number(input)? {
            let built = answer_for(r, input, Some(record), langs, at)?;
            return Ok(Ok(Rendered::Built(Box::new(built))));
        }
    }
    let number = match PhoneNumber::parse(input, region) {
        Ok(number) => number,
        Err(e) => return Ok(Err(e)),
    };
    let e164 = number.as_str();
    // Most of an address book: a number the store holds nothing about.
    if !r.may_know(e164) {
        return Ok(Ok(Rendered::Built(Box::new(unlisted(
            e164,
            Reputation::default(),
        )))));
    }
    // Text that was its own E.164 form was looked for above: unlisted.
    let looked = shaped && e164 == input;
    if !looked {
        if let Some(stored) = stored(r, e164, langs, at)? {
            return Ok(Ok(stored));
        }
    }
    let record = if looked { None } else { r.number(e164)? };
    let built = answer_for(r, e164, record, langs, at)?;
    Ok(Ok(Rendered::Built(Box::new(built))))
}

/// The stored answer of `e164`, if there is one and it is this client's.
fn stored(
    r: &Reader,
    e164: &str,
    langs: &[String],
    at: i64,
) -> Result<Option<Rendered>, StoreError> {
    let ready = r.with_stored_answer(e164, |a| {
        // A body that is not a JSON object with a field (a damaged row)
        // is not served: batches splice it after `"input"`.
        let whole = a.body.len() > 2 && a.body.starts_with("{\"");
        (whole && a.serves(langs, at)).then(|| Ready {
            etag: a.etag.to_owned(),
            expires_at: a.expires_at,
            body: a.body,
        })
    })?;
    Ok(ready.flatten().map(Rendered::Stored))
}

pub(super) fn answer(
    r: &Reader,
    e164: &str,
    langs: &[String],
    at: i64,
) -> Result<NumberAnswer, StoreError> {
    answer_for(r, e164, r.number(e164)?, langs, at)
}

/// Names what [`render`] makes: bump it whenever the answer's JSON, the
/// choice of stored numbers or the way bodies are stored changes, and every
/// stored answer is rendered again at the next start
/// (`Store::backfill_answers`). 4: bodies packed (`model::packed_body`; 3
/// was an earlier packing that never reached main). 5: the trust rules (no
/// `registered` status; level B is verified).
pub(super) const RENDER_VERSION: u32 = 5;

/// The stored answer of a listed number, rendered from what the write
/// transaction `w` holds (the store calls this at commit): the answer for
/// no language preference, its `ETag`, and what decides whom it serves.
///
/// Only answers that hand out a token are stored: they are the badge
/// clients look for, and the dearest to build (a token read besides the
/// number and its business). An unproven, revoked or suspended number is
/// built on each lookup, which keeps the table to the attested numbers
/// (45% of the numbers of the generated million; ~1 KiB each).
pub(super) fn render(w: &Writer, e164: &str, at: i64) -> Result<Option<StoredAnswer>, StoreError> {
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

/// A strong `ETag` (quoted) for these bytes: 128 bits of their SHA-256.
pub fn strong_etag(body: &[u8]) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    let digest = ring::digest::digest(&ring::digest::SHA256, body);
    format!("\"{}\"", URL_SAFE_NO_PAD.encode(&digest.as_ref()[..16]))
}

/// The answer for a number that is not listed.
fn unlisted(e164: &str, reputation: Reputation) -> NumberAnswer {
    NumberAnswer {
        number: e164.to_owned(),
        status: PublicStatus::Unknown,
        level: None,
        business: None,
        attestation: None,
        revocation: None,
        reputation,
        attestation_expires_at: None,
    }
}

/// The answer for `e164`, whose stored record (if any) was already read.
fn answer_for<S: Tables>(
    r: &S,
    e164: &str,
    record: Option<NumberRecord>,
    langs: &[String],
    at: i64,
) -> Result<NumberAnswer, StoreError> {
    let reputation = Reputation {
        reports_30d: r.report_window(e164, at)?.count,
    };
    let listed = match record {
        Some(record) => r
            .with_business(record.business.as_str(), |b| {
                summary(b, langs).map(|summary| (b.status, summary))
            })?
            .transpose()?
            .map(|b| (record, b)),
        None => None,
    };
    let Some((record, (business_status, business))) = listed else {
        return Ok(unlisted(e164, reputation));
    };
    let status = PublicStatus::given(&record, business_status);
    if !status.names_business() {
        return Ok(unlisted(e164, reputation));
    }
    let revocation = match &record.state {
        crate::model::NumberState::Revoked { at, reason } => Some(RevocationInfo {
            at: *at,
            reason: reason.clone(),
        }),
        _ => None,
    };
    let token = token_for(r, &record, status)?;
    Ok(NumberAnswer {
        number: e164.to_owned(),
        status,
        level: record.state.level().filter(|_| status.shows_token()),
        attestation_expires_at: token.as_ref().map(|(_, exp)| *exp),
        attestation: token.map(|(t, _)| t),
        revocation,
        reputation,
        business: Some(business),
    })
}

/// The numbers of a business as its public profile and search hits list
/// them.
pub(super) fn number_views(r: &Reader, b: &Business) -> Result<Vec<NumberView>, StoreError> {
    let mut numbers = Vec::with_capacity(b.numbers.len());
    for n in &b.numbers {
        if let Some(record) = r.number(n)?.filter(|rec| rec.business == b.id) {
            let status = PublicStatus::of(&record, b);
            if !status.names_business() {
                continue;
            }
            numbers.push(NumberView {
                number: n.clone(),
                status,
                level: record.state.level().filter(|_| status.shows_token()),
            });
        }
    }
    Ok(numbers)
}

fn summary(b: &BusinessRef<'_>, langs: &[String]) -> Result<BusinessSummary, StoreError> {
    Ok(BusinessSummary {
        id: BusinessId::parse(b.id)
            .map_err(|e| StoreError::Corrupt(format!("stored business id {:?}: {e}", b.id)))?,
        display_name: b.display_name(langs).to_owned(),
        legal_name: b.legal_name.to_owned(),
        category: b.category.to_owned(),
        country: b.country.to_owned(),
        website: b.website.map(str::to_owned),
        logo_url: b.logo_url.map(str::to_owned),
    })
}

/// The stored token of a number and when it expires, if the number's
/// status lets a client have it.
fn token_for<S: Tables>(
    r: &S,
    record: &NumberRecord,
    status: PublicStatus,
) -> Result<Option<(String, i64)>, StoreError> {
    if !status.shows_token() {
        return Ok(None);
    }
    match record.state.serial() {
        Some(serial) => r.token(serial),
        None => Ok(None),
    }
}

fn current_status(r: &Reader, claims: &Claims) -> Result<PublicStatus, StoreError> {
    let Some(record) = r.number(&claims.sub)? else {
        return Ok(PublicStatus::Unknown);
    };
    if record.business.as_str() != claims.biz {
        return Ok(PublicStatus::Unknown);
    }
    Ok(
        match r.with_business(record.business.as_str(), |b| b.status)? {
            Some(business) => PublicStatus::given(&record, business),
            None => PublicStatus::Unknown,
        },
    )
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 0xF) as usize] as char);
    }
    s
}
