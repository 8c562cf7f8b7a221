//! The reviewers' side: the queue with its evidence and warnings, approve
//! and reject, revoke a number, suspend and reinstate a business, the audit
//! trail, and reviewer tokens.

use serde::Serialize;
use subtle::ConstantTimeEq;

use super::apply::{application, audit, own_business, random_token, sha256, DomainView};
use super::attest::revoke_serial;
use super::confusable;
use super::{BusinessView, Service, ServiceError, StatusView};
use crate::model::{
    now, AuditEntry, Business, BusinessId, BusinessStatus, Flag, Level, NumberState, PendingNames,
    Proof, ReviewState, Suspension,
};
use crate::phone::PhoneNumber;
use crate::store::{Reader, StoreError, Writer, REPORT_WINDOW};

/// A listed number the phone metadata of this build does not take as it
/// was stored (see [`Service::refused_numbers`]).
#[derive(Debug, Serialize)]
pub struct RefusedNumber {
    pub number: String,
    pub business: String,
    /// `unproven`, `proven` or `revoked`.
    pub state: &'static str,
    /// What the metadata says of it now.
    pub why: String,
}

/// One business waiting for a decision, with what the reviewer needs.
#[derive(Debug, Serialize)]
pub struct QueueItem {
    pub business: BusinessView,
    pub review: &'static str,
    pub queued_at: Option<i64>,
    pub numbers: Vec<NumberEvidence>,
    pub domain: Option<DomainView>,
    pub pending_names: Option<PendingNames>,
    pub flag: Option<Flag>,
    pub warnings: Vec<Warning>,
}

/// A number and how it was proven, with what the public says about it.
#[derive(Debug, Serialize)]
pub struct NumberEvidence {
    pub number: String,
    pub level: Option<Level>,
    pub proof: Option<Proof>,
    pub revoked: bool,
    pub reports_30d: u64,
    pub reporters_30d: u64,
}

/// Something the reviewer should look at twice.
#[derive(Debug, Serialize)]
pub struct Warning {
    pub kind: &'static str,
    pub name: String,
    pub similar_to: BusinessId,
    pub similar_name: String,
}

impl Service {
    /// The listed numbers this build's phone metadata refuses, or reads as
    /// another number, with how many were checked. The metadata changes
    /// between releases (a range is withdrawn, a country renumbers): such
    /// numbers stay reachable by their exact E.164 text
    /// (`number_or_listed`), but a typed national form no longer finds
    /// them, so a reviewer should look at each. One pass over the numbers
    /// table: 1.5M numbers in 3.3 s (`bizseal check-numbers`, page cache warm).
    pub fn refused_numbers(&self) -> Result<(u64, Vec<RefusedNumber>), ServiceError> {
        let r = self.store.read()?;
        let mut checked = 0u64;
        let mut refused = Vec::new();
        r.each_number(|e164, record| {
            checked += 1;
            let why = match PhoneNumber::parse(e164, None) {
                Ok(n) if n.as_str() == e164 => return Ok(()),
                Ok(n) => format!("now reads as {}", n.as_str()),
                Err(e) => e.to_string(),
            };
            refused.push(RefusedNumber {
                number: e164.to_owned(),
                business: record.business.as_str().to_owned(),
                state: record.state.name(),
                why,
            });
            Ok(())
        })?;
        Ok((checked, refused))
    }

    /// The reviewer a bearer token belongs to: the operator's token from the
    /// environment, or one made with `bizseal reviewer create`.
    pub fn authenticate_reviewer(&self, token: &str) -> Result<Option<String>, ServiceError> {
        let presented = sha256(token.as_bytes());
        if let Some(operator) = &self.config.reviewer_token {
            if bool::from(presented.ct_eq(&sha256(operator.as_bytes()))) {
                return Ok(Some("operator".to_owned()));
            }
        }
        Ok(self.store.read()?.reviewer_for_token(&presented)?)
    }

    /// Makes a reviewer token; it is shown once and stored only as a hash.
    pub fn create_reviewer(&self, name: &str) -> Result<String, ServiceError> {
        let name = name.trim();
        if name.is_empty() || name.len() > 64 || name.chars().any(char::is_control) {
            return Err(ServiceError::invalid("name", "1-64 printable characters"));
        }
        let token = format!("bzr_{}", random_token()?);
        let at = now();
        self.store.write(|w| {
            w.put_reviewer(&sha256(token.as_bytes()), name)?;
            w.add_audit(&AuditEntry {
                at,
                actor: "operator".into(),
                business: None,
                action: "reviewer_created".into(),
                detail: name.to_owned(),
            })?;
            Ok::<_, ServiceError>(())
        })?;
        Ok(token)
    }

    /// Businesses waiting for review, oldest first, with their evidence.
    pub fn review_queue(&self, limit: usize) -> Result<Vec<QueueItem>, ServiceError> {
        let r = self.store.read()?;
        let mut items = Vec::new();
        for id in r.review_queue(limit)? {
            let Ok(id) = BusinessId::parse(&id) else {
                continue;
            };
            let Some(b) = r.business(id.as_str())? else {
                continue;
            };
            let app = r
                .application(id.as_str())?
                .unwrap_or_else(|| crate::model::Application::new(id.clone()));
            let at = now();
            let mut numbers = Vec::new();
            for n in &b.numbers {
                let Some(record) = r.number(n)? else { continue };
                numbers.push(NumberEvidence {
                    number: n.clone(),
                    level: record.state.level(),
                    proof: record.proof,
                    revoked: matches!(record.state, NumberState::Revoked { .. }),
                    reports_30d: r.reports_since(n, at - REPORT_WINDOW)?,
                    reporters_30d: r.reporters_since(n, at - REPORT_WINDOW)?,
                });
            }
            let candidate_names = match &app.pending_names {
                Some(p) => names_of(&p.legal_name, p.names.values()),
                None => names_of(&b.legal_name, b.names.values()),
            };
            let warnings = confusable_warnings(&r, &id, &candidate_names)?;
            items.push(QueueItem {
                review: app.review.name(),
                queued_at: app.queue_time(),
                domain: app.domain.clone().map(|d| DomainView {
                    verified: d.verified_at.is_some(),
                    domain: d.domain,
                    verified_at: d.verified_at,
                }),
                pending_names: app.pending_names.clone(),
                flag: app.flag.clone(),
                numbers,
                warnings,
                business: self.business(&id, &[])?,
            });
        }
        Ok(items)
    }

    /// Approves what waits: a submission (the business becomes verified and
    /// every proven number is attested at level A), a name change, a flag.
    pub fn approve(
        &self,
        id: &BusinessId,
        reviewer: &str,
        note: &str,
    ) -> Result<StatusView, ServiceError> {
        let at = now();
        let keyring = self.keyring();
        let signer = self.signer(&keyring, at);
        self.store.write(|w| {
            let mut b = own_business(w, id)?;
            let mut app = application(w, id)?;
            if app.queue_time().is_none() {
                return Err(ServiceError::Conflict(
                    "nothing of this business waits for review".into(),
                ));
            }
            if b.status == BusinessStatus::Suspended {
                return Err(ServiceError::Conflict(
                    "reinstate the business before approving".into(),
                ));
            }
            let old = b.clone();
            let renamed = match app.pending_names.take() {
                Some(p) => {
                    b.legal_name = p.legal_name;
                    b.names = p.names;
                    b.default_lang = p.default_lang;
                    old.default_name() != b.default_name()
                }
                None => false,
            };
            let newly_verified = b.status != BusinessStatus::Verified;
            b.status = BusinessStatus::Verified;
            b.updated_at = at;
            app.review = ReviewState::Approved {
                at,
                by: reviewer.to_owned(),
                note: note.to_owned(),
            };
            app.flag = None;
            w.put_application(&app)?;
            if newly_verified || renamed {
                let reason = renamed.then_some("superseded: the business name changed");
                self.reissue_at(w, &signer, &b, Some(Level::A), reason)?;
            }
            index_names(w, Some(&old), &b)?;
            w.put_business(&b)?;
            audit(w, at, reviewer, id, "approved", note)
        })?;
        self.status(id)
    }

    /// Rejects what waits, with a reason the business sees. A verified
    /// business stays verified (its pending name change is dropped); to
    /// take one down, suspend it.
    pub fn reject(
        &self,
        id: &BusinessId,
        reviewer: &str,
        reason: &str,
    ) -> Result<StatusView, ServiceError> {
        let reason = required("reason", reason)?;
        let at = now();
        self.store.write(|w| {
            own_business(w, id)?;
            let mut app = application(w, id)?;
            if app.queue_time().is_none() {
                return Err(ServiceError::Conflict(
                    "nothing of this business waits for review".into(),
                ));
            }
            if matches!(app.review, ReviewState::Submitted { .. }) {
                app.review = ReviewState::Rejected {
                    at,
                    by: reviewer.to_owned(),
                    reason: reason.clone(),
                };
            }
            app.pending_names = None;
            app.flag = None;
            w.put_application(&app)?;
            audit(w, at, reviewer, id, "rejected", &reason)
        })?;
        self.status(id)
    }

    /// Revokes one number's attestation.
    pub fn revoke_number(
        &self,
        number: &PhoneNumber,
        reviewer: &str,
        reason: &str,
    ) -> Result<(), ServiceError> {
        let reason = required("reason", reason)?;
        let e164 = number.as_str();
        let at = now();
        self.store.write(|w| {
            let mut record = w.number(e164)?.ok_or(ServiceError::NotFound("number"))?;
            let serial = record.state.serial().map(str::to_owned);
            record.state = record
                .state
                .revoke(at, &reason)
                .map_err(|e| ServiceError::Conflict(e.to_string()))?;
            record.updated_at = at;
            if let Some(serial) = serial {
                revoke_serial(w, &serial, &reason, at)?;
            }
            w.put_number(e164, &record)?;
            audit(
                w,
                at,
                reviewer,
                &record.business,
                "number_revoked",
                &format!("{e164}: {reason}"),
            )?;
            Ok::<_, ServiceError>(())
        })
    }

    /// Suspends a business: none of its numbers shows as verified.
    pub fn suspend(
        &self,
        id: &BusinessId,
        reviewer: &str,
        reason: &str,
    ) -> Result<StatusView, ServiceError> {
        let reason = required("reason", reason)?;
        let at = now();
        self.store.write(|w| {
            let mut b = own_business(w, id)?;
            if b.status == BusinessStatus::Suspended {
                return Err(ServiceError::Conflict(
                    "the business is already suspended".into(),
                ));
            }
            let mut app = application(w, id)?;
            app.suspension = Some(Suspension {
                at,
                reason: reason.clone(),
                previous: b.status,
            });
            w.put_application(&app)?;
            b.status = BusinessStatus::Suspended;
            b.updated_at = at;
            w.put_business(&b)?;
            audit(w, at, reviewer, id, "suspended", &reason)
        })?;
        self.status(id)
    }

    /// Lifts a suspension.
    pub fn reinstate(
        &self,
        id: &BusinessId,
        reviewer: &str,
        reason: &str,
    ) -> Result<StatusView, ServiceError> {
        let reason = required("reason", reason)?;
        let at = now();
        self.store.write(|w| {
            let mut b = own_business(w, id)?;
            if b.status != BusinessStatus::Suspended {
                return Err(ServiceError::Conflict(
                    "the business is not suspended".into(),
                ));
            }
            let mut app = application(w, id)?;
            let previous = app
                .suspension
                .take()
                .map_or(BusinessStatus::Registered, |s| s.previous);
            w.put_application(&app)?;
            b.status = previous;
            b.updated_at = at;
            w.put_business(&b)?;
            audit(w, at, reviewer, id, "reinstated", &reason)
        })?;
        self.status(id)
    }

    /// The audit trail, of one business or of everything, oldest first.
    pub fn audit_trail(
        &self,
        business: Option<&BusinessId>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, ServiceError> {
        Ok(self
            .store
            .read()?
            .audit(business.map(BusinessId::as_str), limit)?)
    }
}

/// Keeps the confusable-name keys of verified businesses in step: drops
/// the old names' keys, adds the new ones while the business is verified.
pub(super) fn index_names(
    w: &mut Writer,
    old: Option<&Business>,
    new: &Business,
) -> Result<(), StoreError> {
    index_names_with(w, old, new, None)
}

/// [`index_names`], given the new business's [`name_keys`] if they were
/// worked out ahead (the import does so outside its write transaction).
pub(super) fn index_names_with(
    w: &mut Writer,
    old: Option<&Business>,
    new: &Business,
    new_keys: Option<Vec<String>>,
) -> Result<(), StoreError> {
    if let Some(old) = old.filter(|o| o.status == BusinessStatus::Verified) {
        let keys = name_keys(&old.legal_name, old.names.values());
        w.remove_name_keys(&keys, old.id.as_str())?;
    }
    if new.status == BusinessStatus::Verified {
        let keys = new_keys.unwrap_or_else(|| name_keys(&new.legal_name, new.names.values()));
        w.put_name_keys(&keys, new.id.as_str())?;
    }
    Ok(())
}

/// Every confusable-name key of a business's names and legal name, each
/// once.
pub(super) fn name_keys<'a>(legal: &str, names: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut keys: Vec<String> = names_of(legal, names)
        .iter()
        .flat_map(|name| confusable::variants(name))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn names_of<'a>(legal: &str, names: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = names.cloned().collect();
    out.push(legal.to_owned());
    out.sort();
    out.dedup();
    out
}

fn confusable_warnings(
    r: &Reader,
    id: &BusinessId,
    names: &[String],
) -> Result<Vec<Warning>, StoreError> {
    let mut warnings: Vec<Warning> = Vec::new();
    for name in names {
        for probe in confusable::probes(name) {
            for other in r.businesses_with_name_key(&probe)? {
                if other == id.as_str() || warnings.iter().any(|w| w.similar_to.as_str() == other) {
                    continue;
                }
                let Some(b) = r.business(&other)? else {
                    continue;
                };
                warnings.push(Warning {
                    kind: "confusable_name",
                    name: name.clone(),
                    similar_to: b.id.clone(),
                    similar_name: b.default_name().to_owned(),
                });
            }
        }
    }
    Ok(warnings)
}

fn required(field: &str, value: &str) -> Result<String, ServiceError> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > 1000 {
        return Err(ServiceError::invalid(field, "1-1000 characters"));
    }
    Ok(value.to_owned())
}
