//! What the answer for a number is, and how it is built from the records
//! of one snapshot (or of a write transaction, for a stored answer).

use serde::Serialize;

use crate::logo::{LogoRef, LOGO_PATH};
use crate::model::{BusinessId, BusinessRef, Level, NumberRecord, PublicStatus};
use crate::phone::E164;
use crate::store::prelude::*;
use crate::store::{StoreError, Tables};

/// The answer for one number.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NumberAnswer {
    pub number: String,
    pub status: PublicStatus,
    pub level: Option<Level>,
    pub business: Option<BusinessSummary>,
    /// The JWS, while the number is verified or registered with a token.
    pub attestation: Option<String>,
    pub revocation: Option<RevocationInfo>,
    pub reputation: Reputation,
    /// When `attestation` expires (seconds), so that nobody caches the
    /// answer longer than its token lives. Not part of the JSON: the token
    /// says it itself.
    #[serde(skip)]
    pub attestation_expires_at: Option<i64>,
}

/// The part of a profile a lookup shows.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BusinessSummary {
    pub id: BusinessId,
    pub display_name: String,
    pub legal_name: String,
    pub category: String,
    pub country: String,
    pub website: Option<String>,
    /// The logo as bizseal serves it (never the business's own URL).
    pub logo: Option<LogoView>,
}

/// A logo as clients are given it: bizseal's copy, named by its hash, and
/// the digest to check it against (the token vouches for the same one in
/// its `rcdi` claim).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct LogoView {
    /// Where bizseal serves it: `/logos/<sha256 hex>.<png|jpg|webp>`.
    pub url: String,
    /// SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
    /// The same digest as W3C Subresource Integrity writes it
    /// (`sha256-<base64>`).
    pub integrity: String,
}

/// How clients are shown a stored logo.
pub fn logo_view(logo: &LogoRef) -> LogoView {
    LogoView {
        url: format!("{LOGO_PATH}{}", logo.file_name()),
        sha256: logo.hex(),
        integrity: logo.integrity(),
    }
}

/// When and why a number's attestation was withdrawn.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RevocationInfo {
    pub at: i64,
    pub reason: String,
}

/// What people have said about a number.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Reputation {
    /// Spam reports over the last 30 days.
    pub reports_30d: u64,
}

/// A lookup's answer: the stored one, ready to send, or one built now
/// (a number with no stored answer, or a client whose languages pick
/// another name than the stored answer shows).
#[derive(Debug, Clone)]
pub enum Rendered {
    Stored(Ready),
    Built(Box<NumberAnswer>),
}

/// A stored answer's JSON, as it goes out.
#[derive(Debug, Clone)]
pub struct Ready {
    pub body: String,
    /// Strong `ETag` over `body`, quoted.
    pub etag: String,
    /// When the token in `body` expires.
    pub expires_at: Option<i64>,
}

impl Rendered {
    /// When the token in the answer expires.
    pub fn expires_at(&self) -> Option<i64> {
        match self {
            Rendered::Stored(a) => a.expires_at,
            Rendered::Built(a) => a.attestation_expires_at,
        }
    }
}

/// A strong `ETag` (quoted) for these bytes: 128 bits of their SHA-256.
pub fn strong_etag(body: &[u8]) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    let digest = ring::digest::digest(&ring::digest::SHA256, body);
    format!("\"{}\"", URL_SAFE_NO_PAD.encode(&digest.as_ref()[..16]))
}

/// The answer for a number that is not listed.
pub fn unlisted(e164: &E164, reputation: Reputation) -> NumberAnswer {
    NumberAnswer {
        number: e164.as_str().to_owned(),
        status: PublicStatus::Unknown,
        level: None,
        business: None,
        attestation: None,
        revocation: None,
        reputation,
        attestation_expires_at: None,
    }
}

/// The answer for `e164`, whose stored record (if any) was already read.
pub(crate) fn answer_for<S: Tables>(
    r: &S,
    e164: &E164,
    record: Option<NumberRecord>,
    langs: &[String],
    at: i64,
) -> Result<NumberAnswer, StoreError> {
    let reputation = Reputation {
        reports_30d: r.report_window(e164, at)?.count,
    };
    let listed = match record {
        Some(record) => r
            .with_business(record.business.as_str(), |b| {
                summary(b, langs).map(|summary| (b.status, summary))
            })?
            .transpose()?
            .map(|b| (record, b)),
        None => None,
    };
    let Some((record, (business_status, business))) = listed else {
        return Ok(unlisted(e164, reputation));
    };
    let status = PublicStatus::given(&record, business_status);
    if !status.names_business() {
        return Ok(unlisted(e164, reputation));
    }
    let revocation = match &record.state {
        crate::model::NumberState::Revoked { at, reason } => Some(RevocationInfo {
            at: *at,
            reason: reason.clone(),
        }),
        _ => None,
    };
    let token = token_for(r, &record, status)?;
    Ok(NumberAnswer {
        number: e164.as_str().to_owned(),
        status,
        level: record.state.level().filter(|_| status.shows_token()),
        attestation_expires_at: token.as_ref().map(|(_, exp)| *exp),
        attestation: token.map(|(t, _)| t),
        revocation,
        reputation,
        business: Some(business),
    })
}

fn summary(b: &BusinessRef<'_>, langs: &[String]) -> Result<BusinessSummary, StoreError> {
    Ok(BusinessSummary {
        id: BusinessId::parse(b.id)
            .map_err(|e| StoreError::Corrupt(format!("stored business id {:?}: {e}", b.id)))?,
        display_name: b.display_name(langs).to_owned(),
        legal_name: b.legal_name.to_owned(),
        category: b.category.to_owned(),
        country: b.country.to_owned(),
        website: b.website.map(str::to_owned),
        logo: b.logo.shown().map(logo_view),
    })
}

/// The stored token of a number and when it expires, if the number's
/// status lets a client have it.
pub fn token_for<S: Tables>(
    r: &S,
    record: &NumberRecord,
    status: PublicStatus,
) -> Result<Option<(String, i64)>, StoreError> {
    if !status.shows_token() {
        return Ok(None);
    }
    match record.state.serial() {
        Some(serial) => r.token(serial),
        None => Ok(None),
    }
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 0xF) as usize] as char);
    }
    s
}
