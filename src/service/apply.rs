//! The business side of verification: register, prove each number with a
//! one-time code, prove the web domain, submit for review, edit the
//! profile, see where things stand.
//!
//! Every state change is one write transaction that also appends to the
//! audit trail. Failed code entries are committed as such (the attempt
//! counters must hold), so those outcomes travel out of the transaction as
//! values and become errors only after the commit.

use std::collections::BTreeMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ring::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Serialize};

use super::attest::{evidence, revoke_live};
use super::claims::{drop_number, held, revoked_by_reviewer, settle};
use super::domain::{self, DomainFailure, TargetPolicy, CHALLENGE_PATH};
use super::profile::{self, CommandInput, ProfileInput, ValidProfile};
use super::sender::OutgoingCode;
use super::{BusinessView, Service, ServiceError};
use crate::model::{
    now, Application, AuditEntry, Business, BusinessId, BusinessStatus, Claim, DomainProof, Level,
    NumberState, PendingEdit, ReviewState, StateError,
};
use crate::store::{StoreError, Writer};

/// A new business and its API key, shown this once.
#[derive(Debug, Serialize)]
pub struct Registered {
    pub business: BusinessView,
    pub api_key: String,
}

/// Where to publish the domain challenge.
#[derive(Debug, Serialize)]
pub struct DomainChallenge {
    pub domain: String,
    pub token: String,
    pub http_url: String,
}

/// The outcome of a domain check.
#[derive(Debug, Serialize)]
pub struct DomainCheck {
    pub verified: bool,
    pub reason: &'static str,
}

/// Edits to a profile; absent fields stay as they are.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfilePatch {
    pub legal_name: Option<String>,
    pub names: Option<BTreeMap<String, String>>,
    pub default_lang: Option<String>,
    pub category: Option<String>,
    pub city: Option<String>,
    pub website: Option<String>,
    pub description: Option<BTreeMap<String, String>>,
    pub logo_url: Option<String>,
    pub commands: Option<Vec<CommandInput>>,
}

/// What an edit did.
#[derive(Debug, Serialize)]
pub struct EditOutcome {
    pub business: BusinessView,
    /// The edit of a reviewed business's public fields waits for review;
    /// the public sees the last reviewed version until then.
    pub edit_pending: bool,
    /// The same, under the name older clients read.
    pub name_change_pending: bool,
}

/// A business's view of its own verification.
#[derive(Debug, Serialize)]
pub struct StatusView {
    pub business: BusinessId,
    pub status: BusinessStatus,
    pub review: ReviewView,
    pub numbers: Vec<OwnNumber>,
    pub domain: Option<DomainView>,
    /// The edit waiting for review, if any.
    pub pending_edit: Option<PendingEdit>,
    /// Its names (kept for older clients).
    pub pending_names: Option<BTreeMap<String, String>>,
    /// Why the reviewers are looking at the business, if they are.
    pub flag: Option<String>,
}

/// The review state as the business sees it.
#[derive(Debug, Serialize)]
pub struct ReviewView {
    pub state: &'static str,
    pub at: Option<i64>,
    pub reason: Option<String>,
    pub note: Option<String>,
}

/// One of the business's own numbers.
#[derive(Debug, Serialize)]
pub struct OwnNumber {
    pub number: String,
    /// Held: `attested`, `on_hold` or `revoked`; claimed: `unproven`,
    /// `proven` (public once the review holds), `disputed` or `locked`.
    pub state: &'static str,
    pub level: Option<Level>,
    pub proven_at: Option<i64>,
    pub code_pending: bool,
    /// Code entry is locked until then (seconds), after too many failures.
    pub locked_until: Option<i64>,
}

/// The domain proof as the business sees it.
#[derive(Debug, Serialize)]
pub struct DomainView {
    pub domain: String,
    pub verified: bool,
    pub verified_at: Option<i64>,
}

impl Service {
    /// Registers a new, unverified business. Its numbers are listed
    /// unproven; levels, status and id are not the applicant's to set.
    pub fn register(&self, input: ProfileInput) -> Result<Registered, ServiceError> {
        if input.id.is_some() {
            return Err(ServiceError::invalid("id", "is assigned by bizseal"));
        }
        if input.status.is_some() {
            return Err(ServiceError::invalid("status", "is set by review"));
        }
        if input.numbers.iter().any(|n| n.level.is_some()) {
            return Err(ServiceError::invalid(
                "numbers",
                "levels are earned, not declared",
            ));
        }
        let p = ValidProfile::try_from(input)?;
        let id = BusinessId::generate();
        let api_key = format!("bzk_{}", random_token()?);
        let at = now();
        self.store.write(|w| {
            // Listing a number reserves nothing: each is a claim beside
            // any other business's.
            let business = Business {
                id: id.clone(),
                legal_name: p.legal_name.clone(),
                names: p.names.clone(),
                default_lang: p.default_lang.clone(),
                category: p.category.clone(),
                country: p.country.clone(),
                city: p.city.clone(),
                website: p.website.clone(),
                description: p.description.clone(),
                logo_url: p.logo_url.clone(),
                status: BusinessStatus::Registered,
                numbers: p
                    .numbers
                    .iter()
                    .map(|(n, _)| n.as_str().to_owned())
                    .collect(),
                commands: p.commands.clone(),
                created_at: at,
                updated_at: at,
            };
            for (n, _) in &p.numbers {
                w.put_claim(n.as_str(), id.as_str(), &Claim::new(at))?;
            }
            w.put_business(&business)?;
            w.put_application(&Application::new(id.clone()))?;
            w.put_api_key(&sha256(api_key.as_bytes()), id.as_str())?;
            audit(
                w,
                at,
                "business",
                &id,
                "registered",
                business.default_name(),
            )?;
            Ok::<_, ServiceError>(())
        })?;
        Ok(Registered {
            business: self.own_view(&id)?,
            api_key,
        })
    }

    /// The business an API key belongs to.
    pub fn authenticate_business(&self, api_key: &str) -> Result<Option<BusinessId>, ServiceError> {
        let found = self
            .store
            .read()?
            .business_for_key(&sha256(api_key.as_bytes()))?;
        Ok(found.and_then(|id| BusinessId::parse(&id).ok()))
    }

    /// The codes the log sender handed out recently (operator outbox).
    pub fn outbox(&self) -> Vec<OutgoingCode> {
        self.sender.outbox()
    }

    /// Starts (or restarts) a domain challenge.
    pub fn start_domain(
        &self,
        id: &BusinessId,
        domain: &str,
    ) -> Result<DomainChallenge, ServiceError> {
        let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
        if !domain::valid_domain(&domain, self.config.allow_private_targets) {
            return Err(ServiceError::invalid(
                "domain",
                "must be a domain name such as example.com",
            ));
        }
        let token = random_token()?;
        let at = now();
        let keyring = self.keyring();
        let signer = self.signer(&keyring, at);
        self.store.write(|w| {
            let b = own_business(w, id)?;
            let mut app = application(w, id)?;
            let was_proven = app.domain.as_ref().is_some_and(|d| d.verified_at.is_some());
            app.domain = Some(DomainProof {
                domain: domain.clone(),
                token: token.clone(),
                issued_at: at,
                verified_at: None,
            });
            w.put_application(&app)?;
            // A new challenge withdraws the old proof: level A tokens no
            // longer hold until the new one is proven.
            if was_proven && b.status == BusinessStatus::Verified {
                let why = "superseded: the domain is being proven again";
                self.reissue_at(w, &signer, &b, Some(Level::B), Some(why))?;
            }
            audit(w, at, "business", id, "domain_challenge", &domain)
        })?;
        let port = match self.config.challenge_port {
            80 => String::new(),
            p => format!(":{p}"),
        };
        Ok(DomainChallenge {
            http_url: format!("http://{domain}{port}{CHALLENGE_PATH}{token}"),
            domain,
            token,
        })
    }

    /// Fetches the published challenge and records the proof. Blocking:
    /// the fetch may take up to its timeout.
    pub fn check_domain(&self, id: &BusinessId) -> Result<DomainCheck, ServiceError> {
        let proof = {
            let r = self.store.read()?;
            r.business(id.as_str())?
                .ok_or(ServiceError::NotFound("business"))?;
            r.application(id.as_str())?.and_then(|a| a.domain)
        };
        let proof = proof.ok_or(StateError::NoDomainChallenge)?;
        if proof.verified_at.is_some() {
            return Ok(DomainCheck {
                verified: true,
                reason: "ok",
            });
        }
        let policy = TargetPolicy {
            allow_private: self.config.allow_private_targets,
            port: self.config.challenge_port,
        };
        if let Err(failure) = domain::fetch_challenge(&proof.domain, &proof.token, policy) {
            return Ok(DomainCheck {
                verified: false,
                reason: failure_name(failure),
            });
        }
        let at = now();
        let keyring = self.keyring();
        let signer = self.signer(&keyring, at);
        self.store.write(|w| {
            let mut app = application(w, id)?;
            match app.domain.as_mut() {
                // The applicant may have restarted the challenge meanwhile.
                Some(d) if d.token == proof.token => d.verified_at = Some(at),
                _ => return Err(StateError::ChallengeChanged.into()),
            }
            w.put_application(&app)?;
            audit(w, at, "business", id, "domain_proven", &proof.domain)?;
            // A reviewed business's level B numbers are level A now.
            let b = own_business(w, id)?;
            if b.status == BusinessStatus::Verified {
                self.reissue_at(w, &signer, &b, Some(Level::A), None)?;
            }
            Ok::<_, ServiceError>(())
        })?;
        Ok(DomainCheck {
            verified: true,
            reason: "ok",
        })
    }

    /// Puts the business in the review queue.
    pub fn submit(&self, id: &BusinessId) -> Result<StatusView, ServiceError> {
        let at = now();
        let cooldown = self.config.resubmit_cooldown;
        self.store.write(|w| {
            let b = own_business(w, id)?;
            let mut app = application(w, id)?;
            let proven = has_proven_claim(w, &b)?;
            if app.submit(b.status, proven, at, cooldown)? {
                w.put_application(&app)?;
                audit(w, at, "business", id, "submitted", "")?;
            }
            Ok::<_, ServiceError>(())
        })?;
        self.status(id)
    }

    /// Deletes the business: every live token of its numbers is revoked,
    /// its numbers freed (a reviewed business that proved one too takes it
    /// over), its claims, application and profile removed. The audit trail
    /// stays.
    pub fn delete_business(&self, id: &BusinessId) -> Result<(), ServiceError> {
        let at = now();
        let keyring = self.keyring();
        let signer = self.signer(&keyring, at);
        self.store.write(|w| {
            let b = own_business(w, id)?;
            // Leaving must not erase what reviewers decided in public.
            if b.status == BusinessStatus::Suspended {
                return Err(StateError::Suspended.into());
            }
            for n in &b.numbers {
                if revoked_by_reviewer(w, id, n)? {
                    return Err(StateError::RevokedByReviewer.into());
                }
            }
            for n in &b.numbers {
                drop_number(w, id, n, "deleted", at)?;
            }
            super::review::index_names(
                w,
                Some(&b),
                &Business {
                    status: BusinessStatus::Registered,
                    ..b.clone()
                },
            )?;
            w.remove_application(id.as_str())?;
            w.remove_business(id)?;
            audit(w, at, "business", id, "deleted", b.default_name())?;
            for n in &b.numbers {
                settle(w, &signer, n, self.config.claim_ttl)?;
            }
            Ok(())
        })
    }

    /// Where the business stands.
    pub fn status(&self, id: &BusinessId) -> Result<StatusView, ServiceError> {
        let r = self.store.read()?;
        let b = r
            .business(id.as_str())?
            .ok_or(ServiceError::NotFound("business"))?;
        let app = r
            .application(id.as_str())?
            .unwrap_or_else(|| Application::new(id.clone()));
        let at = now();
        let mut numbers = Vec::with_capacity(b.numbers.len());
        for n in &b.numbers {
            if let Some(record) = r.number(n)?.filter(|rec| rec.business == *id) {
                numbers.push(OwnNumber {
                    number: n.clone(),
                    state: record.state.name(),
                    level: record.state.level(),
                    proven_at: record.proof.map(|p| p.at),
                    code_pending: false,
                    locked_until: None,
                });
            } else if let Some(claim) = r.claim(n, id.as_str())? {
                numbers.push(OwnNumber {
                    number: n.clone(),
                    state: claim.name(at),
                    level: None,
                    proven_at: claim.proof.map(|p| p.at),
                    code_pending: claim.code.is_some(),
                    locked_until: claim.locked(at),
                });
            }
        }
        let review = match &app.review {
            ReviewState::Draft => ReviewView {
                state: "draft",
                at: None,
                reason: None,
                note: None,
            },
            ReviewState::Submitted { at } => ReviewView {
                state: "submitted",
                at: Some(*at),
                reason: None,
                note: None,
            },
            ReviewState::Approved { at, note, .. } => ReviewView {
                state: "approved",
                at: Some(*at),
                reason: None,
                note: Some(note.clone()),
            },
            ReviewState::Rejected { at, reason, .. } => ReviewView {
                state: "rejected",
                at: Some(*at),
                reason: Some(reason.clone()),
                note: None,
            },
        };
        Ok(StatusView {
            business: b.id.clone(),
            status: b.status,
            review,
            numbers,
            domain: app.domain.map(|d| DomainView {
                verified: d.verified_at.is_some(),
                domain: d.domain,
                verified_at: d.verified_at,
            }),
            pending_names: app.pending.as_ref().map(|p| p.names.clone()),
            pending_edit: app.pending,
            flag: app.flag.map(|f| f.reason),
        })
    }

    /// Edits the profile. An edit of a reviewed business's public fields
    /// waits for review as a whole (the public sees the last reviewed
    /// version); a business that never passed review edits freely, since
    /// nothing of it is public.
    pub fn edit(&self, id: &BusinessId, patch: ProfilePatch) -> Result<EditOutcome, ServiceError> {
        let at = now();
        let pending = self.store.write(|w| {
            let mut b = own_business(w, id)?;
            let mut app = application(w, id)?;
            // An edit builds on the one already waiting, if any.
            let base = app
                .pending
                .clone()
                .unwrap_or_else(|| PendingEdit::of(&b, at));
            let edit = patched(base, &patch, at)?;
            let unchanged = PendingEdit::of(&b, at) == edit;
            if unchanged {
                if app.pending.take().is_some() {
                    w.put_application(&app)?;
                    audit(w, at, "business", id, "edit_withdrawn", "")?;
                }
                return Ok::<_, ServiceError>(false);
            }
            if app.is_public(b.status) {
                app.hold_edit(edit);
                w.put_application(&app)?;
                audit(w, at, "business", id, "edit_submitted", "")?;
                return Ok(true);
            }
            edit.apply_to(&mut b);
            b.updated_at = at;
            w.put_business(&b)?;
            audit(w, at, "business", id, "profile_edited", "")?;
            if app.withdraw_for_edit() {
                w.put_application(&app)?;
                audit(
                    w,
                    at,
                    "business",
                    id,
                    "submission_withdrawn",
                    "edited while waiting for review",
                )?;
            }
            Ok(false)
        })?;
        Ok(EditOutcome {
            business: self.own_view(id)?,
            edit_pending: pending,
            name_change_pending: pending,
        })
    }

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
            let Some(mut record) = held(w, &b.id, n)? else {
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
                revoke_live(w, n, &b.id, reason, signer.at)?;
            } else if let Some(a) = w.attestation(&serial)? {
                w.unschedule(a.expires_at, &serial)?;
            }
            let level = level.unwrap_or(current);
            record.state = signer.issue(w, b, n, level, evidence(record.proof, app.as_ref()))?;
            record.updated_at = signer.at;
            w.put_number(n, &record)?;
        }
        Ok(())
    }
}

/// The business, or 404.
pub(super) fn own_business(w: &Writer, id: &BusinessId) -> Result<Business, ServiceError> {
    w.business(id.as_str())?
        .ok_or(ServiceError::NotFound("business"))
}

/// The business's application (a business imported without one gets a
/// fresh one).
pub(super) fn application(w: &Writer, id: &BusinessId) -> Result<Application, ServiceError> {
    Ok(w.application(id.as_str())?
        .unwrap_or_else(|| Application::new(id.clone())))
}

/// Appends an audit entry.
pub(super) fn audit(
    w: &mut Writer,
    at: i64,
    actor: &str,
    business: &BusinessId,
    action: &str,
    detail: &str,
) -> Result<(), ServiceError> {
    w.add_audit(&AuditEntry {
        at,
        actor: actor.to_owned(),
        business: Some(business.clone()),
        action: action.to_owned(),
        detail: detail.to_owned(),
    })?;
    Ok(())
}

/// Whether the business proved a number it does not hold yet (what a
/// submission and its approval need).
pub(super) fn has_proven_claim(w: &Writer, b: &Business) -> Result<bool, StoreError> {
    for n in &b.numbers {
        if w.claim(n, b.id.as_str())?
            .is_some_and(|c| c.proof.is_some())
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `base` with the patch's fields validated and applied.
fn patched(mut e: PendingEdit, patch: &ProfilePatch, at: i64) -> Result<PendingEdit, ServiceError> {
    if let Some(n) = &patch.legal_name {
        e.legal_name = profile::name("legal_name", n)?;
    }
    if let Some(n) = &patch.names {
        e.names = profile::names("names", n.clone())?;
    }
    if let Some(l) = &patch.default_lang {
        e.default_lang = profile::lang_tag("default_lang", l)?;
    }
    if !e.names.contains_key(&e.default_lang) {
        return Err(ServiceError::invalid(
            "names",
            "must include a name in default_lang",
        ));
    }
    if let Some(c) = &patch.category {
        e.category = profile::slug("category", c)?;
    }
    if let Some(c) = &patch.city {
        e.city = profile::short_text("city", c)?;
    }
    if let Some(u) = &patch.website {
        e.website = Some(profile::url("website", u)?);
    }
    if let Some(u) = &patch.logo_url {
        e.logo_url = Some(profile::url("logo_url", u)?);
    }
    if let Some(d) = &patch.description {
        e.description = profile::descriptions("description", d.clone())?;
    }
    if let Some(c) = &patch.commands {
        e.commands = profile::commands(c)?;
    }
    e.at = at;
    Ok(e)
}

fn failure_name(f: DomainFailure) -> &'static str {
    match f {
        DomainFailure::Unresolvable => "unresolvable",
        DomainFailure::PrivateAddress => "private_address",
        DomainFailure::ConnectFailed => "connect_failed",
        DomainFailure::Redirect => "redirect",
        DomainFailure::HttpStatus => "http_status",
        DomainFailure::TooLarge => "too_large",
        DomainFailure::TokenMismatch => "token_mismatch",
    }
}

/// SHA-256.
pub(super) fn sha256(bytes: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    out.copy_from_slice(ring::digest::digest(&ring::digest::SHA256, bytes).as_ref());
    out
}

pub(super) fn code_hash(salt: &[u8], code: &str) -> [u8; 32] {
    let mut input = Vec::with_capacity(salt.len() + code.len());
    input.extend_from_slice(salt);
    input.extend_from_slice(code.as_bytes());
    sha256(&input)
}

pub(super) fn random_bytes<const N: usize>() -> Result<[u8; N], ServiceError> {
    let mut out = [0u8; N];
    SystemRandom::new()
        .fill(&mut out)
        .map_err(|_| ServiceError::Key(crate::keys::KeyError::Random))?;
    Ok(out)
}

/// 32 random bytes as base64url, for keys and tokens.
pub(super) fn random_token() -> Result<String, ServiceError> {
    Ok(URL_SAFE_NO_PAD.encode(random_bytes::<32>()?))
}

/// Six uniformly random digits (rejection sampling avoids modulo bias).
pub(super) fn random_code() -> Result<String, ServiceError> {
    loop {
        let n = u32::from_le_bytes(random_bytes::<4>()?);
        if n < 4_294_000_000 {
            return Ok(format!("{:06}", n % 1_000_000));
        }
    }
}
