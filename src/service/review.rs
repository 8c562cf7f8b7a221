//! The reviewers' side: the queue with its evidence and warnings, approve
//! and reject, revoke a number, suspend and reinstate a business, the audit
//! trail, and reviewer tokens.

use crate::phone::E164;
use crate::store::prelude::*;
use serde::Serialize;

use super::attest::{evidence, revoke_live};
use super::claims::take_number;
use super::confusable;
use super::logo::{logo_status, settle as settle_logo, LogoStatus};
use super::shared::has_proven_claim;
use super::shared::held;
use super::shared::{application, audit, own_business};
use super::status::DomainView;
use super::{BusinessView, Service, ServiceError, StatusView};
use crate::model::lifecycle::Approved;
use crate::model::{
    now, AuditEntry, Business, BusinessId, BusinessStatus, Flag, Level, NumberState, PendingEdit,
    Proof, StateError,
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
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct QueueItem {
    pub business: BusinessView,
    #[schema(schema_with = super::schema::review_states)]
    pub review: &'static str,
    pub queued_at: Option<i64>,
    pub numbers: Vec<NumberEvidence>,
    pub domain: Option<DomainView>,
    /// The logo as it stands (its URL is fetched when the reviewer
    /// approves).
    pub logo: LogoStatus,
    /// A reviewed business's edit of its public fields, whole.
    pub pending_edit: Option<PendingEdit>,
    /// The fields the edit changes: (field, current, proposed) as JSON.
    pub pending_diff: Vec<FieldChange>,
    /// A flag (reports, a disputed number): dismiss it or suspend.
    pub flag: Option<Flag>,
    /// What the reviewer can do: `approve`/`reject` for a submission or
    /// an edit, `dismiss`/`suspend` for a flag.
    #[schema(schema_with = super::schema::review_actions)]
    pub actions: Vec<&'static str>,
    pub warnings: Vec<Warning>,
}

/// One field a pending edit changes.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FieldChange {
    pub field: &'static str,
    pub current: serde_json::Value,
    pub proposed: serde_json::Value,
}

/// A number and how it was proven, with what the public says about it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct NumberEvidence {
    pub number: String,
    /// As the business sees it (`attested`, `proven`, `disputed`, ...).
    #[schema(schema_with = super::schema::own_number_states)]
    pub state: &'static str,
    pub level: Option<Level>,
    pub proof: Option<Proof>,
    pub revoked: bool,
    /// Another business that holds the number, in a dispute.
    pub held_by: Option<BusinessId>,
    pub reports_30d: u64,
    pub reporters_30d: u64,
}

/// Something the reviewer should look at twice.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Warning {
    pub kind: WarningKind,
    pub name: String,
    pub similar_to: Option<BusinessId>,
    pub similar_name: Option<String>,
}

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// The name is confusable with a reviewed business's (UTS #39).
    ConfusableName,
    /// The name contains a reviewed business's brand.
    ContainsBrand,
    /// A word of the name mixes scripts below UTS #39's moderately
    /// restrictive level.
    MixedScript,
    /// The website is outside the proven domain (`name` is the website).
    WebsiteOutsideDomain,
}

impl Service {
    /// The listed numbers this build's phone metadata refuses, or reads as
    /// another number, with how many were checked. The metadata changes
    /// between releases (a range is withdrawn, a country renumbers): such
    /// numbers stay reachable by their exact E.164 text
    /// (`number_or_listed`), but a typed national form no longer finds
    /// them, so a reviewer should look at each. One pass over the numbers
    /// table (`bizseal check-numbers`).
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

    /// The warnings a business with these names would get in the queue
    /// (look-alikes, brands it contains, mixed scripts), without
    /// registering it.
    pub fn name_warnings(&self, names: &[String]) -> Result<Vec<Warning>, ServiceError> {
        let r = self.store.read()?;
        let nobody = BusinessId::generate();
        Ok(confusable_warnings(&r, &nobody, names)?)
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
                let held = r.number(E164::stored(n))?;
                let own = held.as_ref().filter(|h| h.business == id);
                let claim = r.claim(E164::stored(n), id.as_str())?;
                let (state, level, proof) = match (own, &claim) {
                    (Some(h), _) => (h.state.name(), h.state.level(), h.proof),
                    (None, Some(c)) => (c.name(at), None, c.proof),
                    (None, None) => continue,
                };
                numbers.push(NumberEvidence {
                    number: n.clone(),
                    state,
                    level,
                    proof,
                    revoked: own.is_some_and(|h| matches!(h.state, NumberState::Revoked { .. })),
                    held_by: held.filter(|h| h.business != id).map(|h| h.business),
                    reports_30d: r.reports_since(E164::stored(n), at - REPORT_WINDOW)?,
                    reporters_30d: r.reporters_since(E164::stored(n), at - REPORT_WINDOW)?,
                });
            }
            let candidate_names = match &app.pending {
                Some(p) => names_of(&p.legal_name, p.names.values()),
                None => names_of(&b.legal_name, b.names.values()),
            };
            let mut warnings = confusable_warnings(&r, &id, &candidate_names)?;
            let website = app.pending.as_ref().map_or(&b.website, |p| &p.website);
            let proven_domain = app
                .domain
                .as_ref()
                .filter(|d| d.verified_at.is_some())
                .map(|d| d.domain.as_str());
            if let Some(site) = website
                .as_deref()
                .filter(|w| !within_domain(w, proven_domain))
            {
                warnings.push(Warning {
                    kind: WarningKind::WebsiteOutsideDomain,
                    name: site.to_owned(),
                    similar_to: None,
                    similar_name: None,
                });
            }
            let mut actions = Vec::new();
            if app.review.name() == "submitted" || app.pending.is_some() {
                actions.extend(["approve", "reject"]);
            }
            if app.flag.is_some() {
                actions.extend(["dismiss", "suspend"]);
            }
            items.push(QueueItem {
                review: app.review.name(),
                queued_at: app.queue_time(),
                domain: app.domain.clone().map(|d| DomainView {
                    verified: d.verified_at.is_some(),
                    domain: d.domain,
                    verified_at: d.verified_at,
                }),
                pending_diff: app
                    .pending
                    .as_ref()
                    .map(|p| diff(&b, p))
                    .unwrap_or_default(),
                logo: logo_status(&b),
                pending_edit: app.pending.clone(),
                flag: app.flag.clone(),
                actions,
                numbers,
                warnings,
                business: self.own_view(&id)?,
            });
        }
        Ok(items)
    }

    /// Approves what waits: a submission (the business becomes verified
    /// and holds each number it proved, at level A with a proven domain,
    /// else B) or a pending edit. A flag is dismissed or suspended instead.
    pub fn approve(
        &self,
        id: &BusinessId,
        reviewer: &str,
        note: &str,
    ) -> Result<StatusView, ServiceError> {
        // The network first, outside the write transaction.
        let fetched = self.fetch_logo_for_approval(id)?;
        let at = now();
        let keyring = self.keyring();
        let signer = self.signer(&keyring, at);
        self.write(|w| {
            let mut b = own_business(w, id)?;
            let mut app = application(w, id)?;
            let proven = has_proven_claim(w, &b)?;
            let old = b.clone();
            let approved = app.approve(b.status, proven, reviewer, note, at)?;
            let edit = matches!(approved, Approved::Edit(_));
            match approved {
                Approved::Submission => {
                    b.status = BusinessStatus::Verified;
                    b.updated_at = at;
                    settle_logo(w, &old, &mut b, fetched, reviewer, at)?;
                    w.put_application(&app)?;
                    w.put_business(&b)?;
                    for n in &b.numbers {
                        if let Some(claim) = w
                            .claim(E164::stored(n), id.as_str())?
                            .filter(|c| c.proof.is_some())
                        {
                            take_number(w, &signer, &b, &app, E164::stored(n), claim)?;
                        }
                    }
                }
                Approved::Edit(edit) => {
                    edit.apply_to(&mut b);
                    b.updated_at = at;
                    settle_logo(w, &old, &mut b, fetched, reviewer, at)?;
                    w.put_application(&app)?;
                    // The tokens state the name and the logo: new facts,
                    // new tokens, and the old ones are withdrawn.
                    if old.default_name() != b.default_name() {
                        let reason = "superseded: the business name changed";
                        self.reissue_at(w, &signer, &b, None, Some(reason))?;
                    } else if old.logo.shown() != b.logo.shown() {
                        let reason = "superseded: the business logo changed";
                        self.reissue_at(w, &signer, &b, None, Some(reason))?;
                    }
                    w.put_business(&b)?;
                }
            }
            index_names(w, Some(&old), &b)?;
            // An edit's approval is told apart: the business and the
            // changes feed hear of an edit, not of a new verification.
            let action = if edit { "edit_approved" } else { "approved" };
            audit(w, at, reviewer, id, action, note)
        })?;
        self.status(id)
    }

    /// Rejects a submission or a pending edit, with a reason the business
    /// sees. A rejected submission has nothing public to take back (no
    /// token exists before review); a verified business stays verified
    /// (only its edit is dropped); to take one down, suspend it.
    pub fn reject(
        &self,
        id: &BusinessId,
        reviewer: &str,
        reason: &str,
    ) -> Result<StatusView, ServiceError> {
        let reason = super::profile::reason("reason", reason)?;
        let at = now();
        self.write(|w| {
            own_business(w, id)?;
            let mut app = application(w, id)?;
            let edit = !matches!(app.review, crate::model::ReviewState::Submitted { .. });
            app.reject(reviewer, &reason, at)?;
            w.put_application(&app)?;
            let action = if edit { "edit_rejected" } else { "rejected" };
            audit(w, at, reviewer, id, action, &reason)
        })?;
        self.status(id)
    }

    /// Dismisses a flag: the reports stay, the business leaves the queue.
    pub fn dismiss(
        &self,
        id: &BusinessId,
        reviewer: &str,
        note: &str,
    ) -> Result<StatusView, ServiceError> {
        let at = now();
        self.write(|w| {
            own_business(w, id)?;
            let mut app = application(w, id)?;
            let flag = app.dismiss()?;
            w.put_application(&app)?;
            audit(
                w,
                at,
                reviewer,
                id,
                "flag_dismissed",
                &format!("{}: {note}", flag.reason),
            )
        })?;
        self.status(id)
    }

    /// Revokes one held number's attestation.
    pub fn revoke_number(
        &self,
        number: &PhoneNumber,
        reviewer: &str,
        reason: &str,
    ) -> Result<(), ServiceError> {
        let reason = super::profile::reason("reason", reason)?;
        let e164: &E164 = number;
        let at = now();
        self.write(|w| {
            let Some(mut record) = w.number(e164)? else {
                return Err(if w.claims_of(e164)?.is_empty() {
                    ServiceError::NotFound("number")
                } else {
                    StateError::NotHeld.into()
                });
            };
            record.state = record.state.revoke(at, &reason)?;
            record.updated_at = at;
            revoke_live(w, e164, &record.business, &format!("revoked: {reason}"), at)?;
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

    /// Suspends a business: every live token of its numbers is revoked
    /// (reason `suspended`) and its numbers go on hold; it settles any flag.
    pub fn suspend(
        &self,
        id: &BusinessId,
        reviewer: &str,
        reason: &str,
    ) -> Result<StatusView, ServiceError> {
        let reason = super::profile::reason("reason", reason)?;
        let at = now();
        self.write(|w| {
            let mut b = own_business(w, id)?;
            let mut app = application(w, id)?;
            b.status = app.suspend(b.status, &reason, at)?;
            b.updated_at = at;
            for n in &b.numbers {
                let Some(mut record) = held(w, id, E164::stored(n))? else {
                    continue;
                };
                let Some((held, _)) = record.state.hold() else {
                    continue;
                };
                revoke_live(w, E164::stored(n), id, &format!("suspended: {reason}"), at)?;
                record.state = held;
                record.updated_at = at;
                w.put_number(E164::stored(n), &record)?;
            }
            w.put_application(&app)?;
            w.put_business(&b)?;
            audit(w, at, reviewer, id, "suspended", &reason)
        })?;
        self.status(id)
    }

    /// Lifts a suspension. A business that was verified gets new tokens
    /// for the numbers on hold; the old ones stay revoked.
    pub fn reinstate(
        &self,
        id: &BusinessId,
        reviewer: &str,
        reason: &str,
    ) -> Result<StatusView, ServiceError> {
        let reason = super::profile::reason("reason", reason)?;
        let at = now();
        let keyring = self.keyring();
        let signer = self.signer(&keyring, at);
        self.write(|w| {
            let mut b = own_business(w, id)?;
            let mut app = application(w, id)?;
            b.status = app.reinstate(b.status)?;
            b.updated_at = at;
            w.put_application(&app)?;
            w.put_business(&b)?;
            if b.status == BusinessStatus::Verified {
                for n in &b.numbers {
                    let Some(mut record) = held(w, id, E164::stored(n))? else {
                        continue;
                    };
                    let Some(level) = record.state.resumes_at() else {
                        continue;
                    };
                    let evd = evidence(record.proof, Some(&app));
                    record.state = signer.issue(w, &b, E164::stored(n), level, evd)?;
                    record.updated_at = at;
                    w.put_number(E164::stored(n), &record)?;
                }
                // Numbers it proved while suspended, or freed meanwhile.
                for n in &b.numbers {
                    if let Some(claim) = w
                        .claim(E164::stored(n), id.as_str())?
                        .filter(|c| c.proof.is_some())
                    {
                        take_number(w, &signer, &b, &app, E164::stored(n), claim)?;
                    }
                }
            }
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
        .flat_map(|name| confusable::stored_keys(name))
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
        if confusable::mixed_script(name) {
            warnings.push(Warning {
                kind: WarningKind::MixedScript,
                name: name.clone(),
                similar_to: None,
                similar_name: None,
            });
        }
        let probes = confusable::probes(name)
            .into_iter()
            .map(|p| (WarningKind::ConfusableName, p))
            .chain(
                confusable::brand_probes(name)
                    .into_iter()
                    .map(|p| (WarningKind::ContainsBrand, p)),
            );
        for (kind, probe) in probes {
            for other in r.businesses_with_name_key(&probe)? {
                if other == id.as_str()
                    || warnings
                        .iter()
                        .any(|w| w.similar_to.as_ref().is_some_and(|s| s.as_str() == other))
                {
                    continue;
                }
                let Some(b) = r.business(&other)? else {
                    continue;
                };
                warnings.push(Warning {
                    kind,
                    name: name.clone(),
                    similar_to: Some(b.id.clone()),
                    similar_name: Some(b.default_name().to_owned()),
                });
            }
        }
    }
    Ok(warnings)
}

/// Whether a website lies on the proven domain (or a subdomain of it).
fn within_domain(website: &str, proven: Option<&str>) -> bool {
    let Some(domain) = proven else { return false };
    let host = website
        .split_once("://")
        .map_or(website, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
    host == domain || host.ends_with(&format!(".{domain}"))
}

/// The fields a pending edit changes, each with both values.
fn diff(b: &Business, e: &PendingEdit) -> Vec<FieldChange> {
    use serde_json::json;
    let pairs = [
        ("legal_name", json!(b.legal_name), json!(e.legal_name)),
        ("names", json!(b.names), json!(e.names)),
        ("default_lang", json!(b.default_lang), json!(e.default_lang)),
        ("category", json!(b.category), json!(e.category)),
        ("city", json!(b.city), json!(e.city)),
        ("website", json!(b.website), json!(e.website)),
        ("description", json!(b.description), json!(e.description)),
        ("logo_url", json!(b.logo_url), json!(e.logo_url)),
        ("commands", json!(b.commands), json!(e.commands)),
    ];
    pairs
        .into_iter()
        .filter(|(_, current, proposed)| current != proposed)
        .map(|(field, current, proposed)| FieldChange {
            field,
            current,
            proposed,
        })
        .collect()
}
