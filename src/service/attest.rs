//! Issuing, superseding and renewing attestations, always inside the write
//! transaction that changes the number, so a token exists exactly when the
//! stored state says it does. Every issue and every revocation appends its
//! entry to the transparency log in that same transaction.

use super::{Service, ServiceError};
use crate::keys::Keyring;
use crate::model::{
    new_serial, now, Application, Attestation, Business, Evidence, Level, NumberRecord,
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
}

impl Signer<'_> {
    /// Signs a fresh token for `number`, stores it and logs it. Returns the
    /// new state.
    pub fn issue(
        &self,
        w: &mut Writer,
        business: &Business,
        number: &str,
        level: Level,
        evd: Vec<Evidence>,
    ) -> Result<NumberState, StoreError> {
        let serial = new_serial();
        let claims = Claims {
            iss: self.issuer.to_owned(),
            sub: number.to_owned(),
            biz: business.id.as_str().to_owned(),
            nam: business.default_name().to_owned(),
            lvl: level.as_str().to_owned(),
            iat: self.at,
            nbf: self.at,
            exp: self.at + self.lifetime,
            jti: serial.clone(),
            evd,
        };
        let token = token::sign(self.keyring, &claims);
        let attestation = Attestation {
            serial: serial.clone(),
            number: number.to_owned(),
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

/// The evidence an attestation of `level` rests on: how the number was
/// proven, the domain proof if any, and, for level A, the review decision.
pub(super) fn evidence(
    proof: Option<Proof>,
    app: Option<&Application>,
    level: Level,
) -> Vec<Evidence> {
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
    if level == Level::A {
        if let Some(ReviewState::Approved { at, .. }) = app.map(|a| &a.review) {
            evd.push(Evidence {
                method: "review".into(),
                at: *at,
            });
        }
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
            let step = self.store.write(|w| {
                let mut step = RenewReport::default();
                for (expires_at, serial) in &due {
                    w.unschedule(*expires_at, serial)?;
                    match self.renewal_target(w, serial)? {
                        Some((business, number, level, mut record)) => {
                            let app = w.application(business.id.as_str())?;
                            let evd = evidence(record.proof, app.as_ref(), level);
                            record.state = signer.issue(w, &business, &number, level, evd)?;
                            record.updated_at = at;
                            w.put_number(&number, &record)?;
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
        let Some(record) = w.number(&a.number)? else {
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
        if business.status == crate::model::BusinessStatus::Suspended {
            return Ok(None);
        }
        let level = *level;
        Ok(Some((business, a.number, level, record)))
    }
}
