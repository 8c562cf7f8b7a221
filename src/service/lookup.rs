//! The read side: answer for a number, for an address book, for a hash
//! bucket; check a token; show a public profile; list revocations.
//!
//! A lookup is one read transaction of a few point reads, and returns the
//! stored token: nothing is signed on the read path.

use crate::phone::E164;
use std::collections::BTreeMap;

use serde::Serialize;

use super::{Service, ServiceError};
use crate::lookup::answer::token_for;
use crate::lookup::{answer, answer_typed, hex, logo_view, LogoView, NumberAnswer, Rendered};
use crate::model::{
    now, Business, BusinessId, BusinessStatus, Command, Level, PublicStatus, Revocation,
};
use crate::phone::{PhoneError, PhoneNumber, Region};
use crate::store::prelude::*;
use crate::store::{Reader, StoreError};
use crate::token::{self, Claims, Reason};

/// At most this many numbers in one batch lookup (an address book).
pub const MAX_BATCH: usize = 1000;

/// At most this many tokens in one batch check (~170 KiB of JSON, inside
/// the API's body limit).
pub const MAX_VERIFY_BATCH: usize = 200;

/// One token to check, and optionally the number it should be for.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct TokenCheck {
    pub token: String,
    pub number: Option<String>,
}

/// A number as the public profile lists it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NumberView {
    pub number: String,
    pub status: PublicStatus,
    pub level: Option<Level>,
}

/// The public profile of a business.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
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
    /// The logo as bizseal serves it; the business's own URL is in its
    /// status, never here.
    pub logo: Option<LogoView>,
    pub status: crate::model::BusinessStatus,
    pub numbers: Vec<NumberView>,
    pub commands: Vec<Command>,
}

/// One listed number in a hash bucket.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
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
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct VerifyAnswer {
    pub valid: bool,
    pub reason: Reason,
    /// The signed claims as signed; present only when the signature
    /// verified.
    #[schema(value_type = Option<Object>)]
    pub claims: Option<Box<serde_json::value::RawValue>>,
    /// The number's status now, when the signature verified.
    pub status: Option<PublicStatus>,
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
                    && self.store.read()?.number(E164::stored(trimmed))?.is_some()
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
        Ok(answer(&r, number, langs, now())?)
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
            let Some(record) = r.number(E164::stored(&e164))? else {
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
        // The signatures first, all together (batch verification).
        let tokens: Vec<&str> = checks.iter().map(|c| c.token.as_str()).collect();
        let verdicts = token::verify_unbound_many(&tokens, keyring.verifying(), at);
        checks
            .iter()
            .zip(verdicts)
            .map(
                |(c, verdict)| match bind_typed(verdict, c.number.as_deref(), region) {
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
            logo: b.logo.shown().map(logo_view),
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
    bind_typed(
        token::verify_unbound(token, keyring.verifying(), at),
        number,
        region,
    )
}

/// A verdict bound to the number typed, if any (see [`bound_verdict`]).
fn bind_typed(
    mut verdict: token::Verdict,
    number: Option<&str>,
    region: Option<Region>,
) -> Result<token::Verdict, PhoneError> {
    if let Some(text) = number {
        if verdict.claims.as_ref().is_none_or(|c| c.sub != text) {
            verdict.bind(PhoneNumber::parse(text, region)?.as_str());
        }
    }
    Ok(verdict)
}

/// The numbers of a business as its public profile and search hits list
/// them.
pub(super) fn number_views(r: &Reader, b: &Business) -> Result<Vec<NumberView>, StoreError> {
    let mut numbers = Vec::with_capacity(b.numbers.len());
    for n in &b.numbers {
        if let Some(record) = r
            .number(E164::stored(n))?
            .filter(|rec| rec.business == b.id)
        {
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

fn current_status(r: &Reader, claims: &Claims) -> Result<PublicStatus, StoreError> {
    let Some(record) = r.number(E164::stored(&claims.sub))? else {
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
