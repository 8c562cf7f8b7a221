//! Issuing, superseding and renewing attestations, always inside the write
//! transaction that changes the number, so a token exists exactly when the
//! stored state says it does. Every issue and every revocation appends its
//! entry to the transparency log in that same transaction. Signing itself
//! may happen ahead, outside the transaction ([`Presigned`]): the bulk
//! import signs a batch's tokens while the previous batch is being written.

use crate::phone::E164;
use crate::store::prelude::*;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use super::shared::held;
use super::{Service, ServiceError};
use crate::keys::Keyring;
use crate::logo::LogoRef;
use crate::model::{
    new_serial, now, Application, Attestation, Business, BusinessId, Evidence, Level, NumberRecord,
    NumberState, Proof, ProofMethod, ReviewState, Revocation,
};
use crate::store::{StoreError, Writer};
use crate::token::{self, Claims};
use crate::translog::entry::Entry;

/// Everything needed to sign tokens at one moment.
pub(super) struct Signer<'a> {
    pub keyring: &'a Keyring,
    pub issuer: &'a str,
    pub lifetime: i64,
    pub at: i64,
    /// Tokens signed ahead that `issue` may hand out instead of signing.
    presigned: RefCell<Presigned>,
}

/// What a token says of the business that holds the number: its id, its
/// name in its default language, and the logo it shows, if any.
#[derive(Debug, Clone, Copy)]
pub(super) struct Holder<'a> {
    pub id: &'a BusinessId,
    pub name: &'a str,
    pub logo: Option<&'a LogoRef>,
}

impl<'a> Holder<'a> {
    /// What the tokens of `b`'s numbers say of it.
    pub fn of(b: &'a Business) -> Holder<'a> {
        Holder {
            id: &b.id,
            name: b.default_name(),
            logo: b.logo.shown(),
        }
    }
}

/// Tokens signed ahead of the transaction that will store them, by number.
///
/// [`Signer::issue`] takes one only when its claims are exactly the ones it
/// is about to sign (all but the serial, which is fresh either way), and
/// signs afresh otherwise. So a guess made from an older snapshot can cost a
/// wasted signature, but never changes what is stored.
#[derive(Default)]
pub(super) struct Presigned {
    /// Number → (claims, key id that signed, token).
    by_number: HashMap<String, Vec<(Claims, String, String)>>,
}

impl Presigned {
    /// Removes and returns a token signed by `kid` whose claims equal
    /// `wanted` but for the serial (`jti`).
    fn take(&mut self, wanted: &Claims, kid: &str) -> Option<(Claims, String)> {
        let candidates = self.by_number.get_mut(&wanted.sub)?;
        let mut probe = wanted.clone();
        let found = candidates.iter().position(|(claims, signed_by, _)| {
            probe.jti.clone_from(&claims.jti);
            signed_by == kid && probe == *claims
        })?;
        let (claims, _, token) = candidates.swap_remove(found);
        Some((claims, token))
    }
}

impl Signer<'_> {
    /// The claims of a fresh token (with a new serial) for `number`.
    fn claims(&self, holder: Holder, number: &E164, level: Level, evd: Vec<Evidence>) -> Claims {
        let rcdi = holder
            .logo
            .map(|l| BTreeMap::from([(token::RCDI_LOGO.to_owned(), l.integrity())]))
            .unwrap_or_default();
        Claims {
            iss: self.issuer.to_owned(),
            sub: number.as_str().to_owned(),
            biz: holder.id.as_str().to_owned(),
            nam: holder.name.to_owned(),
            lvl: level.as_str().to_owned(),
            iat: self.at,
            nbf: self.at,
            exp: self.at + self.lifetime,
            jti: new_serial(),
            evd,
            rcdi,
        }
    }

    /// Signs, outside any transaction, the token that [`Signer::issue`]
    /// would sign for these facts, and keeps it in `into` for a signer
    /// with the same issuer, lifetime and time.
    pub fn sign_ahead(
        &self,
        into: &mut Presigned,
        holder: Holder,
        number: &E164,
        level: Level,
        evd: Vec<Evidence>,
    ) {
        let claims = self.claims(holder, number, level, evd);
        let token = token::sign(self.keyring, &claims);
        into.by_number.entry(claims.sub.clone()).or_default().push((
            claims,
            self.keyring.active_kid().to_owned(),
            token,
        ));
    }

    /// Lets [`Signer::issue`] use these tokens signed ahead.
    pub fn with_presigned(self, presigned: Presigned) -> Self {
        self.presigned.replace(presigned);
        self
    }

    /// Signs a fresh token for `number` (or takes the one signed ahead for
    /// exactly these claims), stores it and logs it. Returns the new state.
    pub fn issue(
        &self,
        w: &mut Writer,
        business: &Business,
        number: &E164,
        level: Level,
        evd: Vec<Evidence>,
    ) -> Result<NumberState, StoreError> {
        let wanted = self.claims(Holder::of(business), number, level, evd);
        let taken = self
            .presigned
            .borrow_mut()
            .take(&wanted, self.keyring.active_kid());
        let (claims, token) = match taken {
            Some(signed) => signed,
            None => {
                let token = token::sign(self.keyring, &wanted);
                (wanted, token)
            }
        };
        let serial = claims.jti;
        let attestation = Attestation {
            serial: serial.clone(),
            number: number.as_str().to_owned(),
            business: business.id.clone(),
            level,
            name: claims.nam,
            kid: self.keyring.active_kid().to_owned(),
            issued_at: self.at,
            expires_at: claims.exp,
            token,
        };
        w.put_attestation(&attestation)?;
        w.log_append(&Entry::issued(&attestation))?;
        Ok(NumberState::Attested { level, serial })
    }
}

/// The evidence an attestation rests on: how the number was proven, the
/// domain proof if any, and the review decision.
pub(super) fn evidence(proof: Option<Proof>, app: Option<&Application>) -> Vec<Evidence> {
    let mut evd = Vec::with_capacity(3);
    if let Some(p) = proof {
        let method = match p.method {
            ProofMethod::Otp => "otp",
            ProofMethod::Import => "import",
        };
        evd.push(Evidence {
            method: method.into(),
            at: p.at,
        });
    }
    if let Some(at) = app
        .and_then(|a| a.domain.as_ref())
        .and_then(|d| d.verified_at)
    {
        evd.push(Evidence {
            method: "domain".into(),
            at,
        });
    }
    // Both levels rest on a review (an operator's import vouches for its
    // own and carries none).
    if let Some(ReviewState::Approved { at, .. }) = app.map(|a| &a.review) {
        evd.push(Evidence {
            method: "review".into(),
            at: *at,
        });
    }
    evd
}

/// Withdraws a serial: it is listed in the revocations, logged, and
/// `verify` answers `revoked` for it from now on.
pub(super) fn revoke_serial(
    w: &mut Writer,
    serial: &str,
    reason: &str,
    at: i64,
) -> Result<(), StoreError> {
    if let Some(a) = w.attestation(serial)? {
        w.unschedule(a.expires_at, serial)?;
        // A serial is logged as revoked once, at its first revocation.
        if w.revocation(serial)?.is_none() {
            w.log_append(&Entry::revoked(&a, at))?;
        }
        w.put_revocation(&Revocation {
            serial: serial.to_owned(),
            number: a.number,
            business: a.business,
            at,
            reason: reason.to_owned(),
        })?;
    }
    Ok(())
}

/// Withdraws every token of `e164` issued to `business` that has not
/// expired: the current one and any a renewal or re-issue left valid.
/// What taking a badge away calls (suspension, removal, revocation,
/// release, deletion, a withdrawn level). Returns how many it revoked.
pub(super) fn revoke_live(
    w: &mut Writer,
    e164: &E164,
    business: &BusinessId,
    reason: &str,
    at: i64,
) -> Result<u64, StoreError> {
    let mut revoked = 0;
    for (serial, expires_at) in w.live_serials(e164)? {
        if expires_at + crate::token::SKEW <= at {
            continue; // expired: verify refuses it already
        }
        if w.attestation(&serial)?
            .is_some_and(|a| a.business == *business)
        {
            revoke_serial(w, &serial, reason, at)?;
            revoked += 1;
        }
    }
    Ok(revoked)
}

/// What a renewal pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RenewReport {
    pub renewed: u64,
    pub dropped: u64,
}

/// Renewal works in transactions of this many tokens, so that a large
/// backlog never holds the writer for long.
const RENEW_BATCH: usize = 500;

impl Service {
    /// A signer with the active key and this service's issuer and lifetime.
    pub(super) fn signer<'a>(&'a self, keyring: &'a Keyring, at: i64) -> Signer<'a> {
        Signer {
            keyring,
            issuer: &self.config.issuer,
            lifetime: self.config.token_lifetime,
            at,
            presigned: RefCell::default(),
        }
    }

    /// Re-issues every token that expires within the renewal window while
    /// its number stays attested. Superseded tokens stay valid until they
    /// expire (they are not revoked: their facts are still true).
    pub fn renew_expiring(&self) -> Result<RenewReport, ServiceError> {
        let mut report = RenewReport::default();
        loop {
            let at = now();
            let due = self
                .store
                .read()?
                .expiring_before(at + self.config.renew_before(), RENEW_BATCH)?;
            if due.is_empty() {
                return Ok(report);
            }
            let keyring = self.keyring();
            let signer = self.signer(&keyring, at);
            let step = self.write(|w| {
                let mut step = RenewReport::default();
                for (expires_at, serial) in &due {
                    w.unschedule(*expires_at, serial)?;
                    match self.renewal_target(w, serial)? {
                        Some((business, number, level, mut record)) => {
                            let app = w.application(business.id.as_str())?;
                            let evd = evidence(record.proof, app.as_ref());
                            record.state =
                                signer.issue(w, &business, E164::stored(&number), level, evd)?;
                            record.updated_at = at;
                            w.put_number(E164::stored(&number), &record)?;
                            step.renewed += 1;
                        }
                        None => step.dropped += 1,
                    }
                }
                Ok::<_, StoreError>(step)
            })?;
            report.renewed += step.renewed;
            report.dropped += step.dropped;
        }
    }

    /// The number a serial should be renewed for, if that serial is still
    /// the number's current token and its business is not suspended.
    fn renewal_target(
        &self,
        w: &Writer,
        serial: &str,
    ) -> Result<Option<(Business, String, Level, NumberRecord)>, StoreError> {
        let Some(a) = w.attestation(serial)? else {
            return Ok(None);
        };
        let Some(record) = w.number(E164::stored(&a.number))? else {
            return Ok(None);
        };
        let NumberState::Attested {
            level,
            serial: current,
        } = &record.state
        else {
            return Ok(None);
        };
        if current != serial {
            return Ok(None);
        }
        let Some(business) = w.business(a.business.as_str())? else {
            return Ok(None);
        };
        // Only a badge that holds is renewed.
        if business.status != crate::model::BusinessStatus::Verified {
            return Ok(None);
        }
        let level = *level;
        Ok(Some((business, a.number, level, record)))
    }
}

impl Service {
    /// Re-issues every attested number, at `level` if given; the old serial
    /// is revoked when `revoke_reason` is given (its facts are no longer
    /// true), else it simply ages out.
    pub(super) fn reissue_at(
        &self,
        w: &mut Writer,
        signer: &super::attest::Signer,
        b: &Business,
        level: Option<Level>,
        revoke_reason: Option<&str>,
    ) -> Result<(), StoreError> {
        let app = w.application(b.id.as_str())?;
        for n in &b.numbers {
            let Some(mut record) = held(w, &b.id, E164::stored(n))? else {
                continue;
            };
            let NumberState::Attested {
                level: current,
                serial,
            } = record.state.clone()
            else {
                continue;
            };
            if level == Some(current) {
                continue; // nothing to change
            }
            if let Some(reason) = revoke_reason {
                revoke_live(w, E164::stored(n), &b.id, reason, signer.at)?;
            } else if let Some(a) = w.attestation(&serial)? {
                w.unschedule(a.expires_at, &serial)?;
            }
            let level = level.unwrap_or(current);
            record.state = signer.issue(
                w,
                b,
                E164::stored(n),
                level,
                evidence(record.proof, app.as_ref()),
            )?;
            record.updated_at = signer.at;
            w.put_number(E164::stored(n), &record)?;
        }
        Ok(())
    }
}
