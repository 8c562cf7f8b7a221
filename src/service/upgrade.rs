//! The upgrade to the trust rules (schema 5): a directory written by an
//! older build holds numbers, names and tokens that the rules would never
//! have issued. Its first open under this build puts them right, in one
//! write transaction with the flag that asks for it, so a crash midway
//! leaves the flag and the next open starts again.
//!
//! - A listed, unproven number becomes an unproven claim.
//! - A number of a business whose review does not hold (registered,
//!   rejected, or suspended before it was ever verified) becomes a claim,
//!   proven as it was; its token is revoked (`unreviewed`).
//! - A suspended business's live tokens are revoked (`suspended`); its
//!   numbers go on hold, to be attested anew on reinstatement.
//! - A verified business's level A token proven by code without a proven
//!   domain is level B under the rules: revoked (`superseded`) and issued
//!   again at B.
//!
//! Cost: one pass over the numbers table, O(numbers), once.

use super::attest::{evidence, revoke_live};
use super::{Service, ServiceError};
use crate::model::{now, Application, BusinessStatus, Claim, Level, NumberState, ProofMethod};
use crate::phone::E164;
use crate::store::prelude::*;
use crate::store::TRUST_UPGRADE;

/// What the upgrade changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct TrustUpgrade {
    /// Tokens revoked because the rules would not have issued them.
    pub revoked: u64,
    /// Directory records that became claims.
    pub claims: u64,
    /// Level A tokens issued again at level B.
    pub downgraded: u64,
}

impl Service {
    /// Runs the upgrade if the store asks for it; `None` when it did not.
    pub(super) fn upgrade_to_trust_rules(&self) -> Result<Option<TrustUpgrade>, ServiceError> {
        if !self.store.has_meta_flag(TRUST_UPGRADE)? {
            return Ok(None);
        }
        let pending = {
            let r = self.store.read()?;
            let mut numbers = Vec::new();
            r.each_number(|e164, _| {
                numbers.push(e164.to_owned());
                Ok(())
            })?;
            numbers
        };
        let at = now();
        let keyring = self.keyring();
        let signer = self.signer(&keyring, at);
        self.write(|w| {
            if !w.meta_flag(TRUST_UPGRADE)? {
                return Ok(None);
            }
            let mut done = TrustUpgrade::default();
            for e164 in &pending {
                let Some(mut record) = w.number(E164::stored(e164))? else {
                    continue;
                };
                let Some(b) = w.business(record.business.as_str())? else {
                    continue;
                };
                let app = match w.application(b.id.as_str())? {
                    Some(app)
                        if b.status != BusinessStatus::Suspended || app.suspension.is_some() =>
                    {
                        app
                    }
                    // Suspended without a record of it (schema 4's import
                    // did that): it was verified if a reviewer approved it,
                    // or, imported, if its numbers were at level A.
                    found => {
                        let approved = found.as_ref().is_some_and(|a| {
                            matches!(a.review, crate::model::ReviewState::Approved { .. })
                        });
                        let imported_a = found.is_none() && record.state.level() == Some(Level::A);
                        let mut app = found.unwrap_or_else(|| Application::new(b.id.clone()));
                        if b.status == BusinessStatus::Suspended {
                            app.suspension = Some(crate::model::Suspension {
                                at: b.updated_at,
                                reason: "suspended before schema 5".into(),
                                previous: if approved || imported_a {
                                    BusinessStatus::Verified
                                } else {
                                    BusinessStatus::Registered
                                },
                            });
                            w.put_application(&app)?;
                        }
                        app
                    }
                };
                let reviewed = app.is_public(b.status);
                let claim = match &record.state {
                    NumberState::Unproven => Some(Claim::new(record.updated_at)),
                    _ if !reviewed => {
                        let why = "unreviewed: issued before review";
                        done.revoked += revoke_live(w, E164::stored(e164), &b.id, why, at)?;
                        Some(match record.proof {
                            Some(proof) if record.state.level().is_some() => Claim::proven(proof),
                            _ => Claim::new(record.updated_at),
                        })
                    }
                    _ => None,
                };
                if let Some(claim) = claim {
                    w.remove_number(E164::stored(e164))?;
                    w.put_claim(E164::stored(e164), b.id.as_str(), &claim)?;
                    done.claims += 1;
                    continue;
                }
                let NumberState::Attested { level, .. } = record.state.clone() else {
                    continue;
                };
                if b.status == BusinessStatus::Suspended {
                    let why = "suspended: held by a suspended business";
                    done.revoked += revoke_live(w, E164::stored(e164), &b.id, why, at)?;
                    record.state = NumberState::OnHold { level };
                    w.put_number(E164::stored(e164), &record)?;
                } else if level == Level::A && a_needs_domain(&app, record.proof) {
                    let why = "superseded: level B without a proven domain";
                    done.revoked += revoke_live(w, E164::stored(e164), &b.id, why, at)?;
                    done.downgraded += 1;
                    let evd = evidence(record.proof, Some(&app));
                    record.state = signer.issue(w, &b, E164::stored(e164), Level::B, evd)?;
                    w.put_number(E164::stored(e164), &record)?;
                }
            }
            w.clear_meta_flag(TRUST_UPGRADE)?;
            Ok::<_, ServiceError>(Some(done))
        })
    }
}

/// Whether a level A number fails the rule "A needs a proven domain": it
/// was proven by code and the business has not proven a domain. An
/// operator's import vouches for its own levels.
fn a_needs_domain(app: &Application, proof: Option<crate::model::Proof>) -> bool {
    let domain = app.domain.as_ref().is_some_and(|d| d.verified_at.is_some());
    let imported = proof.is_some_and(|p| p.method == ProofMethod::Import);
    !domain && !imported
}
