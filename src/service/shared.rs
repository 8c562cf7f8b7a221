//! Small helpers every workflow uses: the business and application a
//! write works on, the audit trail, hashing and random secrets.

use crate::phone::E164;
use crate::store::prelude::*;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ring::rand::{SecureRandom, SystemRandom};

use super::ServiceError;
use crate::model::{Application, AuditEntry, Business, BusinessId, NumberRecord};
use crate::store::{StoreError, WorkflowReads, Writer};

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

/// The directory's record of `e164` if `id` holds it.
pub(super) fn held(
    w: &Writer,
    id: &BusinessId,
    e164: &E164,
) -> Result<Option<NumberRecord>, StoreError> {
    Ok(w.number(e164)?.filter(|r| r.business == *id))
}

/// Whether the business proved a number it does not hold yet (what a
/// submission and its approval need).
pub(super) fn has_proven_claim(w: &impl WorkflowReads, b: &Business) -> Result<bool, StoreError> {
    for n in &b.numbers {
        if w.claim(E164::stored(n), b.id.as_str())?
            .is_some_and(|c| c.proof.is_some())
        {
            return Ok(true);
        }
    }
    Ok(false)
}
