//! Numbers: a business claims one, proves it with a one-time code, and
//! holds it once its review holds. A claim reserves nothing and blocks
//! nobody; code limits are per business and number; a second proof of a
//! held number is a dispute for the reviewers. The states and their
//! transitions are `model::lifecycle`'s; this module runs them inside
//! write transactions and signs, revokes and audits around them.

use crate::phone::E164;
use crate::store::prelude::*;
use std::net::IpAddr;

use subtle::ConstantTimeEq;

use super::attest::{evidence, revoke_live, Signer};
use super::sender::OutgoingCode;
use super::shared::{application, audit, code_hash, held, own_business, random_bytes, random_code};
use super::{client_network, CodeRejected, Service, ServiceError};
use crate::model::lifecycle::{level_for, CodeOutcome};
use crate::model::{
    now, Application, AuditEntry, Business, BusinessId, BusinessStatus, Claim, NumberRecord,
    NumberState, OtpCode, ProofMethod, StateError,
};
use crate::phone::PhoneNumber;
use crate::store::{StoreError, WorkflowReads, Writer};

/// A code lives ten minutes (NIST SP 800-63B allows up to ten).
pub const CODE_LIFETIME: i64 = 600;
/// Every code sent costs money (SMS pumping, OWASP API4:2023). Limits per
/// hour: per claim (one business, one number), per number from one client
/// network (however many businesses it registers), per business and per
/// network. No budget is shared by everyone, so nobody can use up another's:
/// a number's codes are bounded by the networks asking for it. A country's
/// calling code has a breaker instead of a cap
/// (`Config::country_codes_per_hour`).
const SEND_WINDOW: i64 = 3600;
const SENDS_PER_CLAIM: u64 = 3;
const SENDS_PER_NUMBER_AND_NETWORK: u64 = 5;
const SENDS_PER_BUSINESS: u64 = 20;
const SENDS_PER_NETWORK: u64 = 20;
/// Codes per business per country per hour while the country's breaker is
/// tripped.
const SENDS_PER_BUSINESS_WHILE_TRIPPED: u64 = 1;
/// Lapsed claims are dropped in transactions of this many.
const LAPSE_BATCH: usize = 500;

/// A code is on its way.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct CodeSent {
    pub number: String,
    pub expires_in: i64,
}

/// Where a proven claim ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Holding {
    /// The business holds the number, with a token.
    Held,
    /// Proven; held once the business's review holds.
    Claimed,
    /// Another, reviewed business holds it: the reviewers decide.
    Disputed,
}

enum Sent {
    Code(OutgoingCode),
    Limited(String),
}

impl Service {
    /// Sends a one-time code to a number the business wants to prove. The
    /// number is claimed (listed in the business's own view) if it was not.
    pub fn request_code(
        &self,
        id: &BusinessId,
        number: &PhoneNumber,
        client: Option<IpAddr>,
    ) -> Result<CodeSent, ServiceError> {
        let code = random_code()?;
        let salt = random_bytes::<16>()?;
        let at = now();
        let e164: &E164 = number;
        let network = client
            .map(|ip| client_network(ip).to_string())
            .unwrap_or_default();
        let country = number.calling_code();
        let breaker_at = self.config.country_codes_per_hour;
        let sent = self.write(|w| {
            let mut b = own_business(w, id)?;
            if b.status == BusinessStatus::Suspended {
                return Err(StateError::Suspended.into());
            }
            if let Some(held) = held(w, id, e164)? {
                return Err(match held.state {
                    NumberState::Revoked { .. } => StateError::RevokedByReviewer,
                    _ => StateError::AlreadyProven,
                }
                .into());
            }
            // Every code sent renews the claim's life.
            let mut claim = match w.claim(e164, id.as_str())? {
                Some(c) => Claim {
                    claimed_at: at,
                    ..c
                },
                None => Claim::new(at),
            };
            let mut limits = vec![
                (
                    format!("otp:bn:{id}:{e164}"),
                    SENDS_PER_CLAIM,
                    "codes for this number from this business",
                ),
                (
                    format!("otp:nn:{e164}:{network}"),
                    SENDS_PER_NUMBER_AND_NETWORK,
                    "codes for this number from this network",
                ),
                (
                    format!("otp:b:{id}"),
                    SENDS_PER_BUSINESS,
                    "codes for this business",
                ),
                (
                    format!("otp:net:{network}"),
                    SENDS_PER_NETWORK,
                    "codes from this network",
                ),
            ];
            let country_key = format!("otp:cc:{country}");
            if w.rate_count(&country_key, at - SEND_WINDOW)? >= breaker_at {
                trip_breaker(w, country, at)?;
                limits.push((
                    format!("otp:bcc:{id}:{country}"),
                    SENDS_PER_BUSINESS_WHILE_TRIPPED,
                    "codes per business to this country while its code volume is under review",
                ));
            }
            for (key, max, what) in &limits {
                if w.rate_count(key, at - SEND_WINDOW)? >= *max {
                    return Ok(Sent::Limited(format!("at most {max} {what} per hour")));
                }
            }
            claim.send_code(
                OtpCode {
                    salt: salt.to_vec(),
                    code_hash: code_hash(&salt, &code).to_vec(),
                    issued_at: at,
                    expires_at: at + CODE_LIFETIME,
                    attempts: 0,
                },
                at,
            )?;
            for (key, _, _) in &limits {
                w.add_rate_event(key, at)?;
            }
            w.add_rate_event(&country_key, at)?;
            w.put_claim(e164, id.as_str(), &claim)?;
            if !b.numbers.iter().any(|n| n == e164) {
                b.numbers.push(e164.as_str().to_owned());
                b.updated_at = at;
                w.put_business(&b)?;
            }
            audit(w, at, "business", id, "code_sent", e164.as_str())?;
            Ok::<_, ServiceError>(Sent::Code(OutgoingCode {
                number: e164.as_str().to_owned(),
                code: code.clone(),
                locale: b.default_lang.clone(),
                at,
            }))
        })?;
        let outgoing = match sent {
            Sent::Code(c) => c,
            Sent::Limited(why) => return Err(ServiceError::RateLimited(why, SEND_WINDOW as u64)),
        };
        self.sender.send(&outgoing)?;
        Ok(CodeSent {
            number: outgoing.number,
            expires_in: CODE_LIFETIME,
        })
    }

    /// Checks a code. The right one proves the number: the business holds
    /// it at once if its review holds and nobody else does, else the proof
    /// waits for review (or for the reviewers to settle a dispute).
    pub fn confirm_code(
        &self,
        id: &BusinessId,
        number: &PhoneNumber,
        code: &str,
    ) -> Result<super::status::OwnNumber, ServiceError> {
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ServiceError::invalid("code", "is 6 digits"));
        }
        let e164: &E164 = number;
        let at = now();
        let keyring = self.keyring();
        let signer = self.signer(&keyring, at);
        let outcome = self.write(|w| {
            let b = own_business(w, id)?;
            if b.status == BusinessStatus::Suspended {
                return Err(StateError::Suspended.into());
            }
            if held(w, id, e164)?.is_some() {
                return Err(StateError::AlreadyProven.into());
            }
            let mut claim = w.claim(e164, id.as_str())?.ok_or(StateError::NoCode)?;
            let outcome = match claim.enter_code(at, |c| {
                bool::from(code_hash(&c.salt, code).as_slice().ct_eq(&c.code_hash))
            }) {
                Ok(outcome) => outcome,
                // Refusals that change nothing are plain errors.
                Err(e) => return Err(e.into()),
            };
            if outcome == CodeOutcome::Proven {
                let app = application(w, id)?;
                take_number(w, &signer, &b, &app, e164, claim)?;
                audit(w, at, "business", id, "number_proven", e164.as_str())?;
            } else {
                // Failures must be counted: commit, then refuse.
                w.put_claim(e164, id.as_str(), &claim)?;
            }
            Ok::<_, ServiceError>(outcome)
        })?;
        match outcome {
            CodeOutcome::Proven => self
                .status(id)?
                .numbers
                .into_iter()
                .find(|n| n.number == *e164)
                .ok_or(ServiceError::NotFound("number")),
            CodeOutcome::Wrong(left) => Err(ServiceError::CodeRejected(CodeRejected::Wrong(left))),
            CodeOutcome::Expired => Err(ServiceError::CodeRejected(CodeRejected::Expired)),
            CodeOutcome::TooManyAttempts => {
                Err(ServiceError::CodeRejected(CodeRejected::TooManyAttempts))
            }
        }
    }

    /// Removes one of the business's numbers: its token is revoked, its
    /// claim dropped, and a reviewed business that proved it too may take
    /// it over.
    pub fn remove_number(&self, id: &BusinessId, number: &PhoneNumber) -> Result<(), ServiceError> {
        let e164: &E164 = number;
        let at = now();
        let keyring = self.keyring();
        let signer = self.signer(&keyring, at);
        self.write(|w| {
            let mut b = own_business(w, id)?;
            if !b.numbers.iter().any(|n| n == e164) {
                return Err(ServiceError::NotFound("number"));
            }
            // A reviewer's revocation is undone only by a reviewer (a
            // release): removing and adding the number again must not.
            if revoked_by_reviewer(w, id, e164)? {
                return Err(StateError::RevokedByReviewer.into());
            }
            drop_number(w, id, e164, "removed", at)?;
            b.numbers.retain(|n| n != e164);
            b.updated_at = at;
            w.put_business(&b)?;
            audit(w, at, "business", id, "number_removed", e164.as_str())?;
            settle(w, &signer, e164, self.config.claim_ttl)?;
            Ok(())
        })
    }

    /// A reviewer frees a number: from `business` only (its holding or its
    /// claim), or from everyone. Its token is revoked; a reviewed business
    /// with a proven claim to it takes it over.
    pub fn release_number(
        &self,
        number: &PhoneNumber,
        business: Option<&BusinessId>,
        reviewer: &str,
        reason: &str,
    ) -> Result<(), ServiceError> {
        let reason = super::profile::reason("reason", reason)?;
        let e164: &E164 = number;
        let at = now();
        let keyring = self.keyring();
        let signer = self.signer(&keyring, at);
        self.write(|w| {
            let mut from: Vec<BusinessId> = Vec::new();
            if let Some(held) = w.number(e164)? {
                from.push(held.business);
            }
            for (id, _) in w.claims_of(e164)? {
                from.extend(BusinessId::parse(&id).ok());
            }
            from.retain(|id| business.is_none_or(|only| only == id));
            if from.is_empty() {
                return Err(ServiceError::NotFound("number"));
            }
            let revocation = format!("released: {reason}");
            for id in &from {
                drop_number(w, id, e164, &revocation, at)?;
                unlist(w, id, e164, at)?;
                audit(
                    w,
                    at,
                    reviewer,
                    id,
                    "number_released",
                    &format!("{e164}: {reason}"),
                )?;
            }
            settle(w, &signer, e164, self.config.claim_ttl)?;
            Ok(())
        })
    }

    /// A reviewer lifts the code lock of a number, for one business or
    /// for every business that claims it.
    pub fn unlock_number(
        &self,
        number: &PhoneNumber,
        business: Option<&BusinessId>,
        reviewer: &str,
    ) -> Result<u32, ServiceError> {
        let e164: &E164 = number;
        let at = now();
        self.write(|w| {
            let mut claims = w.claims_of(e164)?;
            claims.retain(|(id, _)| business.is_none_or(|only| only.as_str() == id));
            if claims.is_empty() {
                return Err(ServiceError::NotFound("claim"));
            }
            let mut unlocked = 0;
            for (id, mut claim) in claims {
                if claim.unlock() {
                    w.put_claim(e164, &id, &claim)?;
                    unlocked += 1;
                    if let Ok(id) = BusinessId::parse(&id) {
                        audit(w, at, reviewer, &id, "number_unlocked", e164.as_str())?;
                    }
                }
            }
            Ok(unlocked)
        })
    }

    /// Drops unproven claims older than the claim lifetime (they blocked
    /// nobody; this keeps the businesses' own lists true). Returns how
    /// many went.
    pub fn lapse_claims(&self) -> Result<u64, ServiceError> {
        let mut dropped = 0;
        loop {
            let at = now();
            let due = self
                .store
                .read()?
                .claims_made_before(at - self.config.claim_ttl, LAPSE_BATCH)?;
            if due.is_empty() {
                return Ok(dropped);
            }
            let ttl = self.config.claim_ttl;
            let step = self.write(|w| {
                let mut step = 0;
                for (e164, id) in &due {
                    // A code requested since the snapshot renewed it.
                    if !w
                        .claim(E164::stored(e164), id)?
                        .is_some_and(|c| c.lapsed(at, ttl))
                    {
                        continue;
                    }
                    w.remove_claim(e164, id)?;
                    if let Ok(id) = BusinessId::parse(id) {
                        if held(w, &id, E164::stored(e164))?.is_none() {
                            unlist(w, &id, E164::stored(e164), at)?;
                        }
                    }
                    step += 1;
                }
                Ok::<_, ServiceError>(step)
            })?;
            if step == 0 {
                return Ok(dropped); // only claims renewed meanwhile
            }
            dropped += step;
        }
    }
}

/// A business with a proven `claim` to `e164` takes the number if its
/// review holds and nobody else holds it; if a reviewed business holds it,
/// it is a dispute and both go to the reviewers; otherwise the proven claim
/// waits for review. Nothing public changes but the first case.
pub(super) fn take_number(
    w: &mut Writer,
    signer: &Signer,
    b: &Business,
    app: &Application,
    e164: &E164,
    mut claim: Claim,
) -> Result<Holding, ServiceError> {
    let at = signer.at;
    match w.number(e164)? {
        Some(held) if held.business != b.id => {
            claim.disputed = true;
            w.put_claim(e164, b.id.as_str(), &claim)?;
            let why = format!(
                "disputed number {e164}: proven by {} while {} holds it",
                b.id, held.business
            );
            for id in [&b.id, &held.business] {
                let mut other = application(w, id)?;
                if other.raise_flag(at, why.clone()) {
                    w.put_application(&other)?;
                }
                audit(w, at, "workflow", id, "number_disputed", &why)?;
            }
            Ok(Holding::Disputed)
        }
        _ if Application::review_holds(b.status) => {
            let domain = app.domain.as_ref().is_some_and(|d| d.verified_at.is_some());
            let imported_a = claim.proof.is_some_and(|p| p.method == ProofMethod::Import);
            let level = level_for(domain || imported_a);
            let state = signer.issue(w, b, e164, level, evidence(claim.proof, Some(app)))?;
            w.put_number(
                e164,
                &NumberRecord {
                    business: b.id.clone(),
                    state,
                    proof: claim.proof,
                    updated_at: at,
                },
            )?;
            w.remove_claim(e164.as_str(), b.id.as_str())?;
            Ok(Holding::Held)
        }
        _ => {
            claim.disputed = false;
            w.put_claim(e164, b.id.as_str(), &claim)?;
            Ok(Holding::Claimed)
        }
    }
}

/// Once nobody holds `e164`: the reviewed business that proved it first
/// takes it, and every other reviewed prover's claim is a dispute with it;
/// the proven claims of businesses not reviewed are no longer disputes.
/// Nobody takes a number over on a proof older than `max_proof_age` (it
/// may have changed hands since): such a claim must be proven again.
pub(super) fn settle(
    w: &mut Writer,
    signer: &Signer,
    e164: &E164,
    max_proof_age: i64,
) -> Result<(), ServiceError> {
    let at = signer.at;
    if w.number(e164)?.is_some() {
        return Ok(());
    }
    let mut proven: Vec<(i64, String, Claim)> = w
        .claims_of(e164)?
        .into_iter()
        .filter_map(|(id, c)| c.proof.map(|p| (p.at, id, c)))
        .collect();
    proven.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    for (_, id, mut claim) in proven {
        let Ok(id) = BusinessId::parse(&id) else {
            continue;
        };
        if claim.expire_proof(at, max_proof_age) {
            w.put_claim(e164, id.as_str(), &claim)?;
            continue;
        }
        let Some(b) = w.business(id.as_str())? else {
            continue;
        };
        if Application::review_holds(b.status) {
            // The first reviewed prover takes it; each later one is a
            // dispute again (take_number flags both).
            let app = application(w, &id)?;
            let held = take_number(w, signer, &b, &app, e164, claim)? == Holding::Held;
            if held {
                audit(w, at, "workflow", &id, "number_taken_over", e164.as_str())?;
            }
        } else if claim.disputed {
            let mut c = claim;
            c.disputed = false;
            w.put_claim(e164, id.as_str(), &c)?;
        }
    }
    Ok(())
}

/// Whether `id` holds `e164` as a number a reviewer revoked.
pub(super) fn revoked_by_reviewer(
    w: &Writer,
    id: &BusinessId,
    e164: &E164,
) -> Result<bool, StoreError> {
    Ok(held(w, id, e164)?.is_some_and(|r| matches!(r.state, NumberState::Revoked { .. })))
}

/// Takes `e164` off business `id`'s own list of numbers.
fn unlist(w: &mut Writer, id: &BusinessId, e164: &E164, at: i64) -> Result<(), StoreError> {
    if let Some(mut b) = w.business(id.as_str())? {
        b.numbers.retain(|n| n != e164);
        b.updated_at = at;
        w.put_business(&b)?;
    }
    Ok(())
}

/// Ends a business's holding of and claim to `e164` (the caller updates
/// its number list): a live token is revoked with `reason`.
pub(super) fn drop_number(
    w: &mut Writer,
    id: &BusinessId,
    e164: &E164,
    reason: &str,
    at: i64,
) -> Result<(), StoreError> {
    if held(w, id, e164)?.is_some() {
        revoke_live(w, e164, id, reason, at)?;
        w.remove_number(e164)?;
    }
    w.remove_claim(e164.as_str(), id.as_str())?;
    Ok(())
}

/// The country breaker tripped: tell the reviewers, once an hour.
fn trip_breaker(w: &mut Writer, country: u16, at: i64) -> Result<(), StoreError> {
    let key = format!("alert:cc:{country}");
    if w.rate_count(&key, at - SEND_WINDOW)? > 0 {
        return Ok(());
    }
    w.add_rate_event(&key, at)?;
    tracing::warn!(
        country,
        "one-time codes to this country spiked; each business now gets one an hour there"
    );
    w.add_audit(&AuditEntry {
        at,
        actor: "limits".into(),
        business: None,
        action: "country_breaker_tripped".into(),
        detail: format!(
            "+{country}: codes per hour over the breaker; one per business per hour until it calms"
        ),
    })
}

/// A business a number is listed by, and how the number stands with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberParty {
    pub business: BusinessId,
    /// Its name in its default language.
    pub name: String,
    pub default_lang: String,
    /// Held: `attested`, `on_hold` or `revoked`; claimed: `unproven`,
    /// `proven`, `disputed` or `locked` (as its business sees it).
    pub state: &'static str,
}

/// At most this many claimants are listed for one number: a claim costs
/// nothing, so a squatter could register many.
const MAX_PARTIES: usize = 50;

impl Service {
    /// The codes the log sender handed out recently (operator outbox).
    pub fn outbox(&self) -> Vec<super::sender::OutgoingCode> {
        self.sender.outbox()
    }

    /// Whether codes go to the operator outbox (the log sender), so that
    /// there is one to show; a webhook sender keeps none.
    pub fn has_outbox(&self) -> bool {
        self.sender.keeps_outbox()
    }

    /// Who a number is listed by: the business that holds it first, then
    /// those that claim it (at most [`MAX_PARTIES`]), from one snapshot.
    pub fn number_parties(&self, number: &E164) -> Result<Vec<NumberParty>, ServiceError> {
        let r = self.store.read()?;
        let at = now();
        let mut parties = Vec::new();
        let party = |id: &str, state| -> Result<Option<NumberParty>, StoreError> {
            Ok(r.business(id)?.map(|b| NumberParty {
                name: b.default_name().to_owned(),
                default_lang: b.default_lang.clone(),
                business: b.id,
                state,
            }))
        };
        if let Some(held) = r.number(number)? {
            parties.extend(party(held.business.as_str(), held.state.name())?);
        }
        for (id, claim) in r.claims_of(number)?.into_iter().take(MAX_PARTIES) {
            if parties.iter().all(|p| p.business.as_str() != id) {
                parties.extend(party(&id, claim.name(at))?);
            }
        }
        Ok(parties)
    }
}
