//! Proving the business's web domain, as ACME does: the challenge token
//! published as a DNS TXT record (`dns`) or over HTTP (`domain`, through
//! the SSRF fence). Either proof holds. A verified business whose domain
//! proof holds has its numbers at level A.

use crate::store::prelude::*;
use serde::Serialize;

use super::dns::{self, DnsFailure};
use super::domain::{self, HttpFailure, TargetPolicy, CHALLENGE_PATH};
use super::shared::{application, audit, own_business, random_token};
use super::{Service, ServiceError};
use crate::model::{now, BusinessId, BusinessStatus, DomainProof, Level, StateError};

/// Where to publish the domain challenge: either place proves the domain.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DomainChallenge {
    /// The domain being proven (lowercase, no trailing dot).
    pub domain: String,
    /// The challenge token.
    pub token: String,
    /// Where to publish the token over HTTP (the body is the token).
    pub http_url: String,
    /// The name of the DNS TXT record to publish instead.
    pub dns_name: String,
    /// The TXT record's value: the token itself.
    pub dns_value: String,
}

/// How a domain was proven.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DomainProofMethod {
    /// The TXT record at `dns_name`.
    Dns,
    /// The token at `http_url`.
    Http,
}

impl DomainProofMethod {
    fn as_str(self) -> &'static str {
        match self {
            DomainProofMethod::Dns => "dns",
            DomainProofMethod::Http => "http",
        }
    }
}

/// `ok`, or why the domain is not proven: `txt_missing`, `txt_mismatch`,
/// `dns_failed` and `dns_timeout` are the DNS proof's failures (see
/// `DnsFailure`), the others the HTTP proof's (see `HttpFailure`). When
/// both fail, this is the failure of the proof that came closer: a wrong
/// value published, then an answer without the value, then an address
/// refused, then nothing found, then no answer at all; DNS first when they
/// are as close.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DomainCheckReason {
    Ok,
    TxtMissing,
    TxtMismatch,
    DnsFailed,
    DnsTimeout,
    Unresolvable,
    PrivateAddress,
    ConnectFailed,
    Redirect,
    HttpStatus,
    TooLarge,
    TokenMismatch,
}

impl DomainCheckReason {
    /// How far a proof that failed so was from holding: lower is closer.
    fn distance(self) -> u8 {
        use DomainCheckReason::*;
        match self {
            Ok => 0,
            TxtMismatch | TokenMismatch => 1,
            Redirect | HttpStatus | TooLarge => 2,
            PrivateAddress => 3,
            TxtMissing | Unresolvable | ConnectFailed => 4,
            DnsFailed | DnsTimeout => 5,
        }
    }
}

impl From<DnsFailure> for DomainCheckReason {
    fn from(f: DnsFailure) -> DomainCheckReason {
        match f {
            DnsFailure::TxtMissing => DomainCheckReason::TxtMissing,
            DnsFailure::TxtMismatch => DomainCheckReason::TxtMismatch,
            DnsFailure::DnsFailed => DomainCheckReason::DnsFailed,
            DnsFailure::DnsTimeout => DomainCheckReason::DnsTimeout,
        }
    }
}

impl From<HttpFailure> for DomainCheckReason {
    fn from(f: HttpFailure) -> DomainCheckReason {
        match f {
            HttpFailure::Unresolvable => DomainCheckReason::Unresolvable,
            HttpFailure::PrivateAddress => DomainCheckReason::PrivateAddress,
            HttpFailure::ConnectFailed => DomainCheckReason::ConnectFailed,
            HttpFailure::Redirect => DomainCheckReason::Redirect,
            HttpFailure::HttpStatus => DomainCheckReason::HttpStatus,
            HttpFailure::TooLarge => DomainCheckReason::TooLarge,
            HttpFailure::TokenMismatch => DomainCheckReason::TokenMismatch,
        }
    }
}

/// The outcome of a domain check.
#[derive(Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DomainCheck {
    /// Whether the domain is proven.
    pub verified: bool,
    /// The proof that held in this check; null when none did, or when the
    /// domain was proven by an earlier check.
    pub method: Option<DomainProofMethod>,
    pub reason: DomainCheckReason,
    /// Why the DNS proof failed, when this check tried it.
    pub dns_reason: Option<DnsFailure>,
    /// Why the HTTP proof failed, when this check tried it (only after
    /// the DNS proof failed).
    pub http_reason: Option<HttpFailure>,
}

impl DomainCheck {
    fn proven(method: Option<DomainProofMethod>, dns_reason: Option<DnsFailure>) -> DomainCheck {
        DomainCheck {
            verified: true,
            method,
            reason: DomainCheckReason::Ok,
            dns_reason,
            http_reason: None,
        }
    }

    fn failed(dns: DnsFailure, http: HttpFailure) -> DomainCheck {
        let (d, h) = (DomainCheckReason::from(dns), DomainCheckReason::from(http));
        DomainCheck {
            verified: false,
            method: None,
            reason: if h.distance() < d.distance() { h } else { d },
            dns_reason: Some(dns),
            http_reason: Some(http),
        }
    }
}

impl Service {
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
        self.write(|w| {
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
        Ok(self.challenge(domain, token))
    }

    /// The business's domain challenge while it waits to be proven: where
    /// to publish it, again (the owner may come back to it later).
    pub fn domain_challenge(
        &self,
        id: &BusinessId,
    ) -> Result<Option<DomainChallenge>, ServiceError> {
        let proof = self
            .store
            .read()?
            .application(id.as_str())?
            .and_then(|a| a.domain)
            .filter(|d| d.verified_at.is_none());
        Ok(proof.map(|d| self.challenge(d.domain, d.token)))
    }

    /// Where to publish the challenge `token` for `domain`.
    fn challenge(&self, domain: String, token: String) -> DomainChallenge {
        let port = match self.config.challenge_port {
            80 => String::new(),
            p => format!(":{p}"),
        };
        DomainChallenge {
            http_url: format!("http://{domain}{port}{CHALLENGE_PATH}{token}"),
            dns_name: dns::record_name(&domain),
            dns_value: token.clone(),
            domain,
            token,
        }
    }

    /// Looks for the published challenge (DNS TXT, then HTTP) and records
    /// the proof. Blocking: each lookup may take up to its timeout.
    pub fn check_domain(&self, id: &BusinessId) -> Result<DomainCheck, ServiceError> {
        let proof = {
            let r = self.store.read()?;
            r.business(id.as_str())?
                .ok_or(ServiceError::NotFound("business"))?;
            r.application(id.as_str())?.and_then(|a| a.domain)
        };
        let proof = proof.ok_or(StateError::NoDomainChallenge)?;
        if proof.verified_at.is_some() {
            return Ok(DomainCheck::proven(None, None));
        }
        let check = self.attempt(&proof.domain, &proof.token);
        let Some(method) = check.method else {
            return Ok(check);
        };
        let at = now();
        let keyring = self.keyring();
        let signer = self.signer(&keyring, at);
        self.write(|w| {
            let mut app = application(w, id)?;
            match app.domain.as_mut() {
                // The applicant may have restarted the challenge meanwhile.
                Some(d) if d.token == proof.token => d.verified_at = Some(at),
                _ => return Err(StateError::ChallengeChanged.into()),
            }
            w.put_application(&app)?;
            let detail = format!("{} ({})", proof.domain, method.as_str());
            audit(w, at, "business", id, "domain_proven", &detail)?;
            // A reviewed business's level B numbers are level A now.
            let b = own_business(w, id)?;
            if b.status == BusinessStatus::Verified {
                self.reissue_at(w, &signer, &b, Some(Level::A), None)?;
            }
            Ok::<_, ServiceError>(())
        })?;
        Ok(check)
    }

    /// Tries the DNS proof, then the HTTP one. DNS goes first: it is one
    /// query to our own resolvers and touches nothing of the applicant's
    /// web server. Blocking: each may take up to its timeout.
    fn attempt(&self, domain: &str, token: &str) -> DomainCheck {
        let allow_private = self.config.allow_private_targets;
        let dns = match dns::check_challenge(domain, token, self.config.dns_server, allow_private) {
            Ok(()) => return DomainCheck::proven(Some(DomainProofMethod::Dns), None),
            Err(f) => f,
        };
        let policy = TargetPolicy {
            allow_private,
            port: self.config.challenge_port,
        };
        match domain::fetch_challenge(domain, token, policy) {
            Ok(()) => DomainCheck::proven(Some(DomainProofMethod::Http), Some(dns)),
            Err(http) => DomainCheck::failed(dns, http),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn when_both_fail_the_closer_failure_is_the_reason() {
        use DnsFailure as D;
        use HttpFailure as H;
        for (dns, http, reason) in [
            (
                D::TxtMismatch,
                H::HttpStatus,
                DomainCheckReason::TxtMismatch,
            ),
            (D::TxtMissing, H::HttpStatus, DomainCheckReason::HttpStatus),
            (
                D::TxtMissing,
                H::TokenMismatch,
                DomainCheckReason::TokenMismatch,
            ),
            (
                D::TxtMissing,
                H::PrivateAddress,
                DomainCheckReason::PrivateAddress,
            ),
            (
                D::TxtMissing,
                H::Unresolvable,
                DomainCheckReason::TxtMissing,
            ),
            (
                D::DnsTimeout,
                H::ConnectFailed,
                DomainCheckReason::ConnectFailed,
            ),
            (
                D::DnsFailed,
                H::Unresolvable,
                DomainCheckReason::Unresolvable,
            ),
            (
                D::TxtMismatch,
                H::TokenMismatch,
                DomainCheckReason::TxtMismatch,
            ),
        ] {
            let check = DomainCheck::failed(dns, http);
            assert_eq!(check.reason, reason, "{dns:?} {http:?}");
            assert!(!check.verified && check.method.is_none());
            assert_eq!(
                (check.dns_reason, check.http_reason),
                (Some(dns), Some(http))
            );
        }
    }

    #[test]
    fn reasons_are_the_failures_names() {
        // The headline reason is spelled as the failure it repeats.
        use DnsFailure as D;
        use HttpFailure as H;
        for dns in [D::TxtMissing, D::TxtMismatch, D::DnsFailed, D::DnsTimeout] {
            assert_eq!(json(DomainCheckReason::from(dns)), json(dns));
        }
        for http in [
            H::Unresolvable,
            H::PrivateAddress,
            H::ConnectFailed,
            H::Redirect,
            H::HttpStatus,
            H::TooLarge,
            H::TokenMismatch,
        ] {
            assert_eq!(json(DomainCheckReason::from(http)), json(http));
        }
    }

    fn json(v: impl Serialize) -> serde_json::Value {
        serde_json::to_value(v).unwrap_or_default()
    }
}
