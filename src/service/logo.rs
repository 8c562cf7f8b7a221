//! The business's logo: fetched once, when a reviewer approves what puts a
//! logo URL in effect (a submission, or an edit of `logo_url`), through the
//! SSRF fence (`fence`); checked (`crate::logo::Logo::parse`); stored under
//! its SHA-256; served by bizseal (`/logos/{sha256}.{ext}`), and vouched
//! for by the tokens (`rcdi`). A read never fetches anything.
//!
//! The fetch runs before the approval's write transaction, never inside it
//! (a write must not wait on the network); the write takes its outcome only
//! for the URL it then puts in effect. A failed fetch never blocks an
//! approval: the business is approved without a logo, and the reason is in
//! its record (its status and the review queue show it) and in the audit
//! trail. The next approval of the business tries again.
//!
//! Which URLs are fetched: `https` on port 443 in production; in a lab
//! (`--allow-private-targets`) plain `http` and any port as well, so tests
//! serve logos from a local HTTP server.
//!
//! Stored logos are never removed, even when no business shows them any
//! more: a row is at most 256 KiB and is written only at an approval, and
//! a URL served as immutable should keep answering for clients that cached
//! it.

use std::time::Duration;

use serde::Serialize;

use super::fence::{self, BodyError, Refused};
use super::shared::{audit, has_proven_claim};
use super::{Service, ServiceError};
use crate::logo::{Logo, LogoFailure, LogoRef, MediaType, MAX_BYTES};
use crate::lookup::{logo_view, LogoView};
use crate::model::lifecycle::Approved;
use crate::model::{now, Application, Business, BusinessId, LogoState};
use crate::store::prelude::*;
use crate::store::Writer;

/// The fetch's whole time, from resolving the name to the last byte.
const TIMEOUT: Duration = Duration::from_secs(5);

/// A fetch made ahead of an approval, with the URL it was for.
pub(super) struct Fetched {
    url: String,
    outcome: Result<Logo, LogoFailure>,
}

/// Where a business's logo stands, as it and the reviewers see it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LogoStatus {
    pub state: LogoPhase,
    /// The URL the business gave. bizseal fetches it; clients never do.
    pub source: Option<String>,
    /// The copy bizseal serves, once stored.
    pub served: Option<LogoView>,
    /// Why the last fetch failed.
    pub reason: Option<LogoFailure>,
    /// When it was fetched, or failed (seconds).
    pub at: Option<i64>,
}

/// Where a logo stands: none, not fetched yet, stored, or failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LogoPhase {
    /// No logo URL.
    None,
    /// A logo URL, fetched at the next approval.
    NotFetched,
    Stored,
    Failed,
}

/// Where `b`'s logo stands.
pub(super) fn logo_status(b: &Business) -> LogoStatus {
    let source = b.logo_url.clone();
    let (state, served, reason, at) = match (&b.logo, &source) {
        (LogoState::Stored { logo, at }, _) => {
            (LogoPhase::Stored, Some(logo_view(logo)), None, Some(*at))
        }
        (LogoState::Failed { reason, at }, _) => {
            (LogoPhase::Failed, None, Some(*reason), Some(*at))
        }
        (LogoState::Absent, Some(_)) => (LogoPhase::NotFetched, None, None, None),
        (LogoState::Absent, None) => (LogoPhase::None, None, None, None),
    };
    LogoStatus {
        state,
        source,
        served,
        reason,
        at,
    }
}

/// Fetches `url` as a logo (see the module for which URLs). Blocking, for
/// up to [`TIMEOUT`].
pub fn fetch(url: &str, allow_private: bool) -> Result<Logo, LogoFailure> {
    let uri: ureq::http::Uri = url.parse().map_err(|_| LogoFailure::BadUrl)?;
    let authority = uri.authority().ok_or(LogoFailure::BadUrl)?;
    if authority.as_str().contains('@') {
        return Err(LogoFailure::BadUrl); // credentials in a URL are a trick
    }
    let port = match (uri.scheme_str(), authority.port_u16()) {
        (Some("https"), None) => 443,
        (Some("https"), Some(443)) => 443,
        (Some("https"), Some(p)) if allow_private => p,
        (Some("http"), p) if allow_private => p.unwrap_or(80),
        (Some("http"), _) => return Err(LogoFailure::InsecureUrl),
        _ => return Err(LogoFailure::BadUrl),
    };
    let policy = fence::Policy {
        allow_private,
        timeout: TIMEOUT,
    };
    let agent = fence::agent(authority.host(), port, policy).map_err(|refused| match refused {
        Refused::Unresolvable => LogoFailure::Unresolvable,
        Refused::PrivateAddress => LogoFailure::PrivateAddress,
        Refused::Timeout => LogoFailure::Timeout,
    })?;
    let mut response = agent
        .get(url)
        .header("Accept", "image/png, image/jpeg, image/webp")
        .call()
        .map_err(|e| match e {
            ureq::Error::Timeout(_) => LogoFailure::Timeout,
            _ => LogoFailure::ConnectFailed,
        })?;
    match response.status().as_u16() {
        200 => {}
        300..=399 => return Err(LogoFailure::Redirect),
        _ => return Err(LogoFailure::HttpStatus),
    }
    // The Content-Type is not asked: the bytes say what they are.
    let bytes = fence::read_body(&mut response, MAX_BYTES).map_err(|e| match e {
        BodyError::TooLarge => LogoFailure::TooLarge,
        BodyError::Timeout => LogoFailure::Timeout,
        BodyError::Broken => LogoFailure::ConnectFailed,
    })?;
    Logo::parse(bytes)
}

/// Whether `b` must fetch a logo for `url` to be in effect: unless it
/// shows that very URL's logo already.
fn needs_fetch(b: &Business, url: &str) -> bool {
    !(matches!(b.logo, LogoState::Stored { .. }) && b.logo_url.as_deref() == Some(url))
}

impl Service {
    /// Fetches, ahead of approving `id`, the logo the approval would put
    /// in effect, if it needs fetching. What the approval will do is asked
    /// of the same state machine it runs, on a copy of the application.
    pub(super) fn fetch_logo_for_approval(
        &self,
        id: &BusinessId,
    ) -> Result<Option<Fetched>, ServiceError> {
        let url = {
            let r = self.store.read()?;
            let Some(b) = r.business(id.as_str())? else {
                return Ok(None);
            };
            let mut trial = r
                .application(id.as_str())?
                .unwrap_or_else(|| Application::new(id.clone()));
            let proven = has_proven_claim(&*r, &b)?;
            let url = match trial.approve(b.status, proven, "", "", now()) {
                Ok(Approved::Submission) => b.logo_url.clone(),
                Ok(Approved::Edit(edit)) => edit.logo_url,
                Err(_) => None, // the approval itself will say why not
            };
            url.filter(|u| needs_fetch(&b, u))
        };
        let allow_private = self.config.allow_private_targets;
        Ok(url.map(|url| Fetched {
            outcome: fetch(&url, allow_private),
            url,
        }))
    }

    /// The bytes of a stored logo, if it is stored with this media type.
    pub fn logo(
        &self,
        sha256: &[u8; 32],
        media_type: MediaType,
    ) -> Result<Option<Vec<u8>>, ServiceError> {
        Ok(self
            .store
            .read()?
            .logo(sha256)?
            .filter(|(stored, _)| *stored == media_type)
            .map(|(_, bytes)| bytes))
    }
}

/// In the approval's write transaction: settles `b`'s logo for the URL it
/// now has (`old` is the business before the approval), storing the
/// fetched logo if it was taken, and notes in the audit trail what became
/// of it.
pub(super) fn settle(
    w: &mut Writer,
    old: &Business,
    b: &mut Business,
    fetched: Option<Fetched>,
    reviewer: &str,
    at: i64,
) -> Result<(), ServiceError> {
    let Some(url) = b.logo_url.clone() else {
        b.logo = LogoState::Absent;
        return Ok(());
    };
    if !needs_fetch(old, &url) {
        b.logo = old.logo;
        return Ok(());
    }
    let outcome = match fetched {
        Some(f) if f.url == url => f.outcome,
        _ => Err(LogoFailure::UrlChanged),
    };
    match outcome {
        Ok(logo) => {
            let r: LogoRef = logo.reference();
            w.put_logo(&r.sha256, r.media_type, logo.bytes())?;
            b.logo = LogoState::Stored { logo: r, at };
            let detail = format!(
                "{} ({}, {} bytes, {}x{}) from {url}",
                r.file_name(),
                r.media_type.as_str(),
                r.bytes_len,
                r.width,
                r.height
            );
            audit(w, at, reviewer, &b.id, "logo_stored", &detail)
        }
        Err(reason) => {
            b.logo = LogoState::Failed { reason, at };
            let detail = format!("{}: {url}", reason.name());
            audit(w, at, reviewer, &b.id, "logo_failed", &detail)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_on_443_is_fetched_outside_a_lab() {
        for (url, why) in [
            ("http://logo.example/a.png", LogoFailure::InsecureUrl),
            ("https://logo.example:8443/a.png", LogoFailure::BadUrl),
            ("https://user:pw@logo.example/a.png", LogoFailure::BadUrl),
            ("ftp://logo.example/a.png", LogoFailure::BadUrl),
            ("/a.png", LogoFailure::BadUrl),
            ("https://localhost/a.png", LogoFailure::PrivateAddress),
            ("https://127.0.0.1/a.png", LogoFailure::PrivateAddress),
            ("https://[::1]/a.png", LogoFailure::PrivateAddress),
            (
                "https://169.254.169.254/latest",
                LogoFailure::PrivateAddress,
            ),
        ] {
            assert_eq!(fetch(url, false).err(), Some(why), "{url}");
        }
    }
}
