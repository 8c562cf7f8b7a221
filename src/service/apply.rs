//! The business side of verification: register, prove each number with a
//! one-time code, prove the web domain, submit for review, edit the
//! profile, see where things stand.
//!
//! Every state change is one write transaction that also appends to the
//! audit trail. Failed code entries are committed as such (the attempt
//! counters must hold), so those outcomes travel out of the transaction as
//! values and become errors only after the commit.

use std::collections::BTreeMap;
use std::net::IpAddr;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ring::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use super::attest::{evidence, revoke_serial};
use super::domain::{self, DomainFailure, TargetPolicy, CHALLENGE_PATH};
use super::profile::{self, CommandInput, ProfileInput, ValidProfile};
use super::sender::OutgoingCode;
use super::{BusinessView, Service, ServiceError};
use crate::model::{
    now, Application, AuditEntry, Business, BusinessId, BusinessStatus, DomainProof, Level,
    NumberRecord, NumberState, OtpChallenge, PendingNames, Proof, ProofMethod, ReviewState,
};
use crate::phone::PhoneNumber;
use crate::store::{StoreError, Writer};

/// A code lives ten minutes (NIST SP 800-63B allows up to ten).
const CODE_LIFETIME: i64 = 600;
/// Tries per code, and consecutive failures per number across codes,
/// before it locks (NIST SP 800-63B §5.2.2 caps failures at 100).
const MAX_CODE_ATTEMPTS: u32 = 5;
const MAX_CONSECUTIVE_FAILURES: u32 = 100;
/// Every code sent costs money (SMS pumping, OWASP API4:2023): limits per
/// number, business, client address and country calling code, per hour.
const SEND_WINDOW: i64 = 3600;
const SENDS_PER_NUMBER: u64 = 5;
const SENDS_PER_BUSINESS: u64 = 20;
const SENDS_PER_CLIENT: u64 = 20;
const SENDS_PER_COUNTRY: u64 = 500;

/// A new business and its API key, shown this once.
#[derive(Debug, Serialize)]
pub struct Registered {
    pub business: BusinessView,
    pub api_key: String,
}

/// A code is on its way.
#[derive(Debug, Serialize)]
pub struct CodeSent {
    pub number: String,
    pub expires_in: i64,
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
    /// A name change of a verified business waits for review.
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
    pub pending_names: Option<BTreeMap<String, String>>,
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
    pub state: &'static str,
    pub level: Option<Level>,
    pub proven_at: Option<i64>,
    pub code_pending: bool,
}

/// The domain proof as the business sees it.
#[derive(Debug, Serialize)]
pub struct DomainView {
    pub domain: String,
    pub verified: bool,
    pub verified_at: Option<i64>,
}

enum CodeCheck {
    Proven,
    NoCode,
    Wrong(u32),
    Expired,
    TooManyAttempts,
    Locked,
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
            for (n, _) in &p.numbers {
                if w.number(n.as_str())?.is_some() {
                    return Err(ServiceError::Conflict(format!(
                        "{n} is listed by another business"
                    )));
                }
            }
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
                w.put_number(n.as_str(), &unproven(&id, at))?;
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
            Ok(())
        })?;
        Ok(Registered {
            business: self.business(&id, &[])?,
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

    /// Sends a one-time code to a number the business wants to prove.
    pub fn request_code(
        &self,
        id: &BusinessId,
        number: &PhoneNumber,
        client: Option<IpAddr>,
    ) -> Result<CodeSent, ServiceError> {
        let code = random_code()?;
        let salt = random_bytes::<16>()?;
        let at = now();
        let e164 = number.as_str();
        let outgoing = self.store.write(|w| {
            let mut b = own_business(w, id)?;
            if b.status == BusinessStatus::Suspended {
                return Err(ServiceError::Conflict(
                    "a suspended business cannot add numbers".into(),
                ));
            }
            match w.number(e164)? {
                Some(r) if r.business != *id => {
                    return Err(ServiceError::Conflict(format!(
                        "{e164} is listed by another business"
                    )))
                }
                Some(r) if matches!(r.state, NumberState::Attested { .. }) => {
                    return Err(ServiceError::Conflict(format!("{e164} is already proven")))
                }
                Some(r) if matches!(r.state, NumberState::Revoked { .. }) => {
                    return Err(ServiceError::Conflict(format!(
                        "{e164} was revoked by a reviewer; ask the reviewers to look at it again"
                    )))
                }
                _ => {}
            }
            if w.otp_failures(e164)? >= MAX_CONSECUTIVE_FAILURES {
                return Err(locked());
            }
            let client = client.map(|ip| ip.to_string()).unwrap_or_default();
            let limits = [
                (
                    format!("otp:n:{e164}"),
                    SENDS_PER_NUMBER,
                    "codes for this number",
                ),
                (
                    format!("otp:b:{id}"),
                    SENDS_PER_BUSINESS,
                    "codes for this business",
                ),
                (
                    format!("otp:ip:{client}"),
                    SENDS_PER_CLIENT,
                    "codes from this address",
                ),
                (
                    format!("otp:cc:{}", number.calling_code()),
                    SENDS_PER_COUNTRY,
                    "codes to this country",
                ),
            ];
            for (key, max, what) in &limits {
                if w.rate_count(key, at - SEND_WINDOW)? >= *max {
                    return Err(ServiceError::RateLimited(
                        format!("at most {max} {what} per hour"),
                        SEND_WINDOW as u64,
                    ));
                }
            }
            for (key, _, _) in &limits {
                w.add_rate_event(key, at)?;
            }
            w.put_challenge(
                e164,
                &OtpChallenge {
                    business: id.clone(),
                    salt: salt.to_vec(),
                    code_hash: code_hash(&salt, &code).to_vec(),
                    issued_at: at,
                    expires_at: at + CODE_LIFETIME,
                    attempts: 0,
                },
            )?;
            if !b.numbers.iter().any(|n| n == e164) {
                b.numbers.push(e164.to_owned());
                b.updated_at = at;
                w.put_business(&b)?;
                w.put_number(e164, &unproven(id, at))?;
            }
            audit(w, at, "business", id, "code_sent", e164)?;
            Ok(OutgoingCode {
                number: e164.to_owned(),
                code: code.clone(),
                locale: b.default_lang.clone(),
                at,
            })
        })?;
        self.sender.send(&outgoing)?;
        Ok(CodeSent {
            number: outgoing.number,
            expires_in: CODE_LIFETIME,
        })
    }

    /// The codes the log sender handed out recently (operator outbox).
    pub fn outbox(&self) -> Vec<OutgoingCode> {
        self.sender.outbox()
    }

    /// Checks a code; the right one proves the number: level B, or level A
    /// at once for a business whose identity was already reviewed.
    pub fn confirm_code(
        &self,
        id: &BusinessId,
        number: &PhoneNumber,
        code: &str,
    ) -> Result<OwnNumber, ServiceError> {
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ServiceError::invalid("code", "is 6 digits"));
        }
        let e164 = number.as_str();
        let at = now();
        let keyring = self.keyring();
        let signer = self.signer(&keyring, at);
        let check = self.store.write(|w| {
            let b = own_business(w, id)?;
            let Some(mut ch) = w.challenge(e164)?.filter(|c| c.business == *id) else {
                return Ok(CodeCheck::NoCode);
            };
            let failures = w.otp_failures(e164)?;
            if failures >= MAX_CONSECUTIVE_FAILURES {
                return Ok(CodeCheck::Locked);
            }
            if at >= ch.expires_at {
                w.remove_challenge(e164)?;
                return Ok(CodeCheck::Expired);
            }
            if ch.attempts >= MAX_CODE_ATTEMPTS {
                w.remove_challenge(e164)?;
                return Ok(CodeCheck::TooManyAttempts);
            }
            let expected = ch.code_hash.as_slice();
            let given = code_hash(&ch.salt, code);
            if !bool::from(given.as_slice().ct_eq(expected)) {
                ch.attempts += 1;
                if ch.attempts >= MAX_CODE_ATTEMPTS {
                    w.remove_challenge(e164)?;
                } else {
                    w.put_challenge(e164, &ch)?;
                }
                w.set_otp_failures(e164, failures + 1)?;
                return Ok(CodeCheck::Wrong(MAX_CODE_ATTEMPTS - ch.attempts));
            }
            w.remove_challenge(e164)?;
            w.set_otp_failures(e164, 0)?;
            let level = if b.status == BusinessStatus::Verified {
                Level::A
            } else {
                Level::B
            };
            let proof = Proof {
                method: ProofMethod::Otp,
                at,
            };
            let app = w.application(id.as_str())?;
            let state = signer.issue(
                w,
                &b,
                e164,
                level,
                evidence(Some(proof), app.as_ref(), level),
            )?;
            let record = NumberRecord {
                business: id.clone(),
                state,
                proof: Some(proof),
                updated_at: at,
            };
            w.put_number(e164, &record)?;
            audit(w, at, "business", id, "number_proven", e164)?;
            Ok::<_, ServiceError>(CodeCheck::Proven)
        })?;
        match check {
            CodeCheck::Proven => self
                .status(id)?
                .numbers
                .into_iter()
                .find(|n| n.number == e164)
                .ok_or(ServiceError::NotFound("number")),
            CodeCheck::NoCode => Err(ServiceError::CodeRejected(
                "no_code",
                "no code is outstanding for this number; request one".into(),
            )),
            CodeCheck::Wrong(left) => Err(ServiceError::CodeRejected(
                "wrong_code",
                format!("wrong code; {left} attempts left for this code"),
            )),
            CodeCheck::Expired => Err(ServiceError::CodeRejected(
                "code_expired",
                "the code expired; request a new one".into(),
            )),
            CodeCheck::TooManyAttempts => Err(ServiceError::CodeRejected(
                "too_many_attempts",
                "too many wrong codes; request a new one".into(),
            )),
            CodeCheck::Locked => Err(locked()),
        }
    }

    /// Removes one of the business's numbers; its attestation is revoked.
    pub fn remove_number(&self, id: &BusinessId, number: &PhoneNumber) -> Result<(), ServiceError> {
        let e164 = number.as_str();
        let at = now();
        self.store.write(|w| {
            let mut b = own_business(w, id)?;
            let record = w
                .number(e164)?
                .filter(|r| r.business == *id)
                .ok_or(ServiceError::NotFound("number"))?;
            if let Some(serial) = record.state.serial() {
                revoke_serial(w, serial, "removed by the business", at)?;
            }
            w.remove_number(e164)?;
            w.remove_challenge(e164)?;
            b.numbers.retain(|n| n != e164);
            b.updated_at = at;
            w.put_business(&b)?;
            audit(w, at, "business", id, "number_removed", e164)?;
            Ok(())
        })
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
        self.store.write(|w| {
            own_business(w, id)?;
            let mut app = application(w, id)?;
            app.domain = Some(DomainProof {
                domain: domain.clone(),
                token: token.clone(),
                issued_at: at,
                verified_at: None,
            });
            w.put_application(&app)?;
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
        let proof =
            proof.ok_or_else(|| ServiceError::Conflict("start a domain challenge first".into()))?;
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
        self.store.write(|w| {
            let mut app = application(w, id)?;
            match app.domain.as_mut() {
                // The applicant may have restarted the challenge meanwhile.
                Some(d) if d.token == proof.token => d.verified_at = Some(at),
                _ => {
                    return Err(ServiceError::Conflict(
                        "the challenge changed; check again".into(),
                    ))
                }
            }
            w.put_application(&app)?;
            audit(w, at, "business", id, "domain_proven", &proof.domain)
        })?;
        Ok(DomainCheck {
            verified: true,
            reason: "ok",
        })
    }

    /// Puts the business in the review queue.
    pub fn submit(&self, id: &BusinessId) -> Result<StatusView, ServiceError> {
        let at = now();
        self.store.write(|w| {
            let b = own_business(w, id)?;
            if b.status == BusinessStatus::Suspended {
                return Err(ServiceError::Conflict(
                    "a suspended business cannot submit".into(),
                ));
            }
            let mut app = application(w, id)?;
            match app.review {
                ReviewState::Submitted { .. } => return Ok(()),
                ReviewState::Approved { .. } if b.status == BusinessStatus::Verified => {
                    return Err(ServiceError::Conflict(
                        "the business is already verified".into(),
                    ))
                }
                _ => {}
            }
            let mut proven = false;
            for n in &b.numbers {
                proven |= w.number(n)?.is_some_and(|r| r.state.level().is_some());
            }
            if !proven {
                return Err(ServiceError::Conflict(
                    "prove at least one number before submitting".into(),
                ));
            }
            app.review = ReviewState::Submitted { at };
            w.put_application(&app)?;
            audit(w, at, "business", id, "submitted", "")
        })?;
        self.status(id)
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
        let mut numbers = Vec::with_capacity(b.numbers.len());
        for n in &b.numbers {
            let Some(record) = r.number(n)? else { continue };
            numbers.push(OwnNumber {
                number: n.clone(),
                state: record.state.name(),
                level: record.state.level(),
                proven_at: record.proof.map(|p| p.at),
                code_pending: r.challenge(n)?.is_some(),
            });
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
            pending_names: app.pending_names.map(|p| p.names),
        })
    }

    /// Edits the profile. A verified business's name change waits for
    /// review (the old names stay until approved); every other edit applies
    /// at once, and tokens are re-issued only where their claims change.
    pub fn edit(&self, id: &BusinessId, patch: ProfilePatch) -> Result<EditOutcome, ServiceError> {
        let at = now();
        let keyring = self.keyring();
        let signer = self.signer(&keyring, at);
        let pending = self.store.write(|w| {
            let mut b = own_business(w, id)?;
            let legal_name = patch
                .legal_name
                .as_deref()
                .map(|n| profile::name("legal_name", n))
                .transpose()?;
            let names = patch
                .names
                .clone()
                .map(|n| profile::names("names", n))
                .transpose()?;
            let default_lang = patch
                .default_lang
                .as_deref()
                .map(|l| profile::lang_tag("default_lang", l))
                .transpose()?;
            let new_names = PendingNames {
                legal_name: legal_name.unwrap_or_else(|| b.legal_name.clone()),
                names: names.unwrap_or_else(|| b.names.clone()),
                default_lang: default_lang.unwrap_or_else(|| b.default_lang.clone()),
                at,
            };
            if !new_names.names.contains_key(&new_names.default_lang) {
                return Err(ServiceError::invalid(
                    "names",
                    "must include a name in default_lang",
                ));
            }
            if let Some(c) = &patch.category {
                b.category = profile::slug("category", c)?;
            }
            if let Some(c) = &patch.city {
                b.city = profile::short_text("city", c)?;
            }
            if let Some(u) = &patch.website {
                b.website = Some(profile::url("website", u)?);
            }
            if let Some(u) = &patch.logo_url {
                b.logo_url = Some(profile::url("logo_url", u)?);
            }
            if let Some(d) = patch.description.clone() {
                b.description = profile::descriptions("description", d)?;
            }
            if let Some(c) = &patch.commands {
                b.commands = profile::commands(c)?;
            }
            let names_change = new_names.legal_name != b.legal_name
                || new_names.names != b.names
                || new_names.default_lang != b.default_lang;
            let mut pending = false;
            if names_change && b.status == BusinessStatus::Verified {
                let mut app = application(w, id)?;
                app.pending_names = Some(new_names);
                w.put_application(&app)?;
                audit(w, at, "business", id, "name_change_submitted", "")?;
                pending = true;
            } else if names_change {
                let old_name = b.default_name().to_owned();
                b.legal_name = new_names.legal_name;
                b.names = new_names.names;
                b.default_lang = new_names.default_lang;
                if b.default_name() != old_name {
                    self.reissue_at(
                        w,
                        &signer,
                        &b,
                        None,
                        Some("superseded: the business name changed"),
                    )?;
                }
            }
            b.updated_at = at;
            w.put_business(&b)?;
            audit(w, at, "business", id, "profile_edited", "")?;
            Ok::<_, ServiceError>(pending)
        })?;
        Ok(EditOutcome {
            business: self.business(id, &[])?,
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
            let Some(mut record) = w.number(n)? else {
                continue;
            };
            let NumberState::Attested {
                level: current,
                serial,
            } = record.state.clone()
            else {
                continue;
            };
            if let Some(reason) = revoke_reason {
                revoke_serial(w, &serial, reason, signer.at)?;
            } else if let Some(a) = w.attestation(&serial)? {
                w.unschedule(a.expires_at, &serial)?;
            }
            let level = level.unwrap_or(current);
            record.state =
                signer.issue(w, b, n, level, evidence(record.proof, app.as_ref(), level))?;
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

fn unproven(id: &BusinessId, at: i64) -> NumberRecord {
    NumberRecord {
        business: id.clone(),
        state: NumberState::Unproven,
        proof: None,
        updated_at: at,
    }
}

fn locked() -> ServiceError {
    ServiceError::CodeRejected(
        "number_locked",
        "too many failed codes for this number; ask the reviewers to unlock it".into(),
    )
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

fn code_hash(salt: &[u8], code: &str) -> [u8; 32] {
    let mut input = Vec::with_capacity(salt.len() + code.len());
    input.extend_from_slice(salt);
    input.extend_from_slice(code.as_bytes());
    sha256(&input)
}

fn random_bytes<const N: usize>() -> Result<[u8; N], ServiceError> {
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
fn random_code() -> Result<String, ServiceError> {
    loop {
        let n = u32::from_le_bytes(random_bytes::<4>()?);
        if n < 4_294_000_000 {
            return Ok(format!("{:06}", n % 1_000_000));
        }
    }
}
