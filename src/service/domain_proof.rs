//! Proving the business's web domain: a challenge token published over
//! HTTP, fetched through the SSRF fence (`domain`). A verified business
//! whose domain proof holds has its numbers at level A.

use crate::store::prelude::*;
use serde::Serialize;

use super::domain::{self, DomainFailure, TargetPolicy, CHALLENGE_PATH};
use super::shared::{application, audit, own_business, random_token};
use super::{Service, ServiceError};
use crate::model::{now, BusinessId, BusinessStatus, DomainProof, Level, StateError};

/// Where to publish the domain challenge.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DomainChallenge {
    pub domain: String,
    pub token: String,
    pub http_url: String,
}

/// The outcome of a domain check.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DomainCheck {
    pub verified: bool,
    #[schema(schema_with = crate::api::openapi::domain_check_reasons)]
    pub reason: &'static str,
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
        self.write(|w| {
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
