//! Registering a business, its API key, submitting for review and
//! deleting it.

use crate::phone::E164;
use crate::store::prelude::*;
use serde::Serialize;

use super::claims::{drop_number, revoked_by_reviewer, settle};
use super::profile::{ProfileInput, ValidProfile};
use super::shared::has_proven_claim;
use super::shared::{application, audit, own_business, random_token, sha256};
use super::{BusinessView, Service, ServiceError, StatusView};
use crate::model::{
    now, Application, Business, BusinessId, BusinessStatus, Claim, LogoState, StateError,
};

/// A new business and its API key, shown this once.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Registered {
    pub business: BusinessView,
    pub api_key: String,
}

/// The SHA-256 an API key is kept as; the key itself never is.
pub fn api_key_hash(api_key: &str) -> [u8; 32] {
    sha256(api_key.as_bytes())
}

/// A new API key: 256 random bits, prefixed so a leaked one is
/// recognisable (secret scanners look for such prefixes).
fn new_api_key() -> Result<String, ServiceError> {
    Ok(format!("bzk_{}", random_token()?))
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
        let api_key = new_api_key()?;
        let at = now();
        self.write(|w| {
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
                logo: LogoState::Absent,
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
                w.put_claim(n, id.as_str(), &Claim::new(at))?;
            }
            w.put_business(&business)?;
            w.put_application(&Application::new(id.clone()))?;
            w.put_api_key(&api_key_hash(&api_key), id.as_str())?;
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
        self.business_for_key_hash(&api_key_hash(api_key))
    }

    /// Replaces the business's API key, the one whose hash is `current`,
    /// with a new random key, returned this once. The old hash leaves the
    /// key table in the same write, so the old key, and every page session
    /// opened with it, stops working at once.
    pub fn rotate_api_key(
        &self,
        id: &BusinessId,
        current: &[u8; 32],
    ) -> Result<String, ServiceError> {
        let api_key = new_api_key()?;
        let at = now();
        self.write(|w| {
            own_business(w, id)?;
            // The key in hand must still be this business's: two rotations
            // racing with the same old key give one new key, not two.
            if w.business_for_key(current)?.as_deref() != Some(id.as_str()) {
                return Err(ServiceError::Unauthorized);
            }
            w.remove_api_key(current)?;
            w.put_api_key(&api_key_hash(&api_key), id.as_str())?;
            audit(w, at, "business", id, "api_key_rotated", "")
        })?;
        Ok(api_key)
    }

    /// The business whose API key has this SHA-256: a signed-in page
    /// session keeps only the hash, and holds only while the key does.
    pub fn business_for_key_hash(
        &self,
        hash: &[u8; 32],
    ) -> Result<Option<BusinessId>, ServiceError> {
        let found = self.store.read()?.business_for_key(hash)?;
        Ok(found.and_then(|id| BusinessId::parse(&id).ok()))
    }

    /// Puts the business in the review queue.
    pub fn submit(&self, id: &BusinessId) -> Result<StatusView, ServiceError> {
        let at = now();
        let cooldown = self.config.resubmit_cooldown;
        self.write(|w| {
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
        self.write(|w| {
            let b = own_business(w, id)?;
            // Leaving must not erase what reviewers decided in public.
            if b.status == BusinessStatus::Suspended {
                return Err(StateError::Suspended.into());
            }
            for n in &b.numbers {
                if revoked_by_reviewer(w, id, E164::stored(n))? {
                    return Err(StateError::RevokedByReviewer.into());
                }
            }
            for n in &b.numbers {
                drop_number(w, id, E164::stored(n), "deleted", at)?;
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
            w.remove_webhook(id.as_str())?;
            audit(w, at, "business", id, "deleted", b.default_name())?;
            for n in &b.numbers {
                settle(w, &signer, E164::stored(n), self.config.claim_ttl)?;
            }
            Ok(())
        })
    }
}
