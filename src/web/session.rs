//! Signed-in pages: a business with its API key, a reviewer with a
//! reviewer token.
//!
//! Signing in trades the secret for a session: a random 256-bit id in a
//! cookie that is `HttpOnly` (no script reads it), `SameSite=Strict` (no
//! other site's page sends it), `Secure` when the page came over TLS, and
//! scoped to the pages that need it. The server keeps, per session, only
//! the SHA-256 of the secret it was opened with and re-checks it on every
//! request, so rotating an API key or removing a reviewer ends their
//! sessions at once. Sessions live in memory: a restart signs everyone
//! out, which costs a business one paste of its key, and nothing about a
//! session ever reaches the disk.
//!
//! Every form a session can send carries a per-session CSRF token (a
//! second random value, compared in constant time), and every `POST` of
//! the pages is refused when the browser says it came from another site
//! ([`same_origin`]). The cookie's SameSite alone would stop the classic
//! attack; the token also stops a sibling subdomain.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ring::digest;
use ring::rand::{SecureRandom, SystemRandom};
use subtle::ConstantTimeEq;

use super::i18n::cookie;
use crate::http::AppState;
use crate::model::BusinessId;
use crate::service::Reviewer;

/// How long a session holds after sign-in, whatever happens meanwhile.
const LIFETIME: Duration = Duration::from_secs(8 * 3600);
/// At most this many sessions at once; past it the oldest are dropped, so
/// a flood of sign-ins costs memory once, not without end.
const MAX_SESSIONS: usize = 100_000;

/// Who a session belongs to: which kind, and the secret's hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Business,
    Reviewer,
}

impl Kind {
    /// The cookie a kind's session travels in, and the paths it is sent to.
    fn cookie(self) -> (&'static str, &'static str) {
        match self {
            Kind::Business => ("bizseal_account", "/account"),
            Kind::Reviewer => ("bizseal_console", "/console"),
        }
    }

    /// Where to sign in.
    pub fn sign_in_path(self) -> &'static str {
        match self {
            Kind::Business => "/account/sign-in",
            Kind::Reviewer => "/console/sign-in",
        }
    }
}

struct Session {
    kind: Kind,
    secret_hash: [u8; 32],
    csrf: String,
    expires: Instant,
}

/// Every open session, by the SHA-256 of its cookie value (so the table
/// holds nothing a cookie could be made from).
#[derive(Default)]
pub struct Sessions {
    open: Mutex<HashMap<[u8; 32], Session>>,
}

/// A new session's cookie value (its CSRF token is read with the session).
pub struct Opened {
    cookie: String,
}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    out.copy_from_slice(digest::digest(&digest::SHA256, bytes).as_ref());
    out
}

/// 32 random bytes as URL-safe text.
fn random() -> Option<String> {
    let mut bytes = [0u8; 32];
    SystemRandom::new().fill(&mut bytes).ok()?;
    Some(URL_SAFE_NO_PAD.encode(bytes))
}

impl Sessions {
    /// Opens a session for whoever holds the secret `secret` (already
    /// checked by the caller). `None` only if the system has no randomness.
    pub fn open(&self, kind: Kind, secret: &str) -> Option<Opened> {
        let cookie = random()?;
        let csrf = random()?;
        let now = Instant::now();
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if open.len() >= MAX_SESSIONS {
            open.retain(|_, s| s.expires > now);
            while open.len() >= MAX_SESSIONS {
                let oldest = open.iter().min_by_key(|(_, s)| s.expires).map(|(k, _)| *k);
                match oldest {
                    Some(k) => open.remove(&k),
                    None => break,
                };
            }
        }
        open.insert(
            sha256(cookie.as_bytes()),
            Session {
                kind,
                secret_hash: sha256(secret.as_bytes()),
                csrf,
                expires: now + LIFETIME,
            },
        );
        Some(Opened { cookie })
    }

    /// The secret's hash and CSRF token of a live session of `kind`.
    fn find(&self, kind: Kind, cookie: &str) -> Option<([u8; 32], String)> {
        let key = sha256(cookie.as_bytes());
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        match open.get(&key) {
            Some(s) if s.kind == kind && s.expires > Instant::now() => {
                Some((s.secret_hash, s.csrf.clone()))
            }
            Some(_) => {
                open.remove(&key);
                None
            }
            None => None,
        }
    }

    /// Moves the session a cookie names onto a new secret (the API key
    /// that replaced the one it was opened with), and ends every other
    /// session of its kind opened with the old secret: they would fail
    /// their next check anyway, and should not linger until then.
    pub fn rekey(&self, kind: Kind, cookie: &str, new_secret: &str) {
        let key = sha256(cookie.as_bytes());
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let Some(old) = open
            .get(&key)
            .filter(|s| s.kind == kind)
            .map(|s| s.secret_hash)
        else {
            return;
        };
        open.retain(|k, s| *k == key || s.kind != kind || s.secret_hash != old);
        if let Some(s) = open.get_mut(&key) {
            s.secret_hash = sha256(new_secret.as_bytes());
        }
    }

    /// Ends the session a cookie names, if any.
    pub fn close(&self, cookie: &str) {
        let key = sha256(cookie.as_bytes());
        self.open
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&key);
    }
}

/// The `Set-Cookie` value that starts a session of `kind`.
pub fn start_cookie(kind: Kind, opened: &Opened, secure: bool) -> HeaderValue {
    let (name, path) = kind.cookie();
    let value = format!(
        "{name}={}; Path={path}; Max-Age={}; HttpOnly; SameSite=Strict{}",
        opened.cookie,
        LIFETIME.as_secs(),
        if secure { "; Secure" } else { "" }
    );
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static(""))
}

/// The `Set-Cookie` value that ends a session of `kind` in the browser.
pub fn end_cookie(kind: Kind) -> HeaderValue {
    let (name, path) = kind.cookie();
    let value = format!("{name}=; Path={path}; Max-Age=0; HttpOnly; SameSite=Strict");
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static(""))
}

/// The session cookie of `kind` a request carries.
pub fn cookie_of(kind: Kind, headers: &HeaderMap) -> Option<&str> {
    cookie(headers, kind.cookie().0)
}

/// Whether the page reached the visitor over TLS (`server` records it).
pub fn over_tls(parts: &Parts) -> bool {
    parts
        .extensions
        .get::<crate::http::proxy::OverTls>()
        .is_some_and(|t| t.0)
}

/// Whether a form post came from bizseal's own pages. Browsers send
/// `Sec-Fetch-Site` (and `Origin` on a POST); a request without either is
/// not from a browser's cross-site form, so it passes (curl, tests).
pub fn same_origin(method: &Method, headers: &HeaderMap) -> bool {
    if method != Method::POST {
        return true;
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(host)),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

/// A signed-in business: its id, the CSRF token its forms carry, and the
/// hash of the API key the session was opened with (what a key rotation
/// replaces).
pub struct BusinessSession {
    pub id: BusinessId,
    pub csrf: String,
    pub key_hash: [u8; 32],
}

/// A signed-in reviewer: who, and the CSRF token their forms carry.
pub struct ReviewerSession {
    pub reviewer: Reviewer,
    pub csrf: String,
}

impl BusinessSession {
    /// Whether a form's token is this session's.
    pub fn csrf_ok(&self, given: &str) -> bool {
        csrf_matches(&self.csrf, given)
    }
}

impl ReviewerSession {
    /// Whether a form's token is this session's.
    pub fn csrf_ok(&self, given: &str) -> bool {
        csrf_matches(&self.csrf, given)
    }
}

fn csrf_matches(expected: &str, given: &str) -> bool {
    bool::from(expected.as_bytes().ct_eq(given.as_bytes()))
}

/// Why a signed-in page was not reached: not signed in (to the sign-in
/// page), or the store failed.
pub enum NoSession {
    SignIn(Kind),
    Failed,
}

impl IntoResponse for NoSession {
    fn into_response(self) -> Response {
        match self {
            NoSession::SignIn(kind) => {
                let mut r = Redirect::to(kind.sign_in_path()).into_response();
                r.headers_mut().insert(header::SET_COOKIE, end_cookie(kind));
                r
            }
            NoSession::Failed => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        }
    }
}

fn sessions(parts: &Parts) -> Result<Arc<Sessions>, NoSession> {
    // `web::routes` adds the sessions to every page request.
    parts
        .extensions
        .get::<Arc<Sessions>>()
        .cloned()
        .ok_or(NoSession::Failed)
}

impl FromRequestParts<AppState> for BusinessSession {
    type Rejection = NoSession;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, NoSession> {
        let kind = Kind::Business;
        let sessions = sessions(parts)?;
        let cookie = cookie_of(kind, &parts.headers).ok_or(NoSession::SignIn(kind))?;
        let (hash, csrf) = sessions.find(kind, cookie).ok_or(NoSession::SignIn(kind))?;
        match state.service.business_for_key_hash(&hash) {
            Ok(Some(id)) => Ok(BusinessSession {
                id,
                csrf,
                key_hash: hash,
            }),
            Ok(None) => {
                // The key was rotated or the business deleted.
                sessions.close(cookie);
                Err(NoSession::SignIn(kind))
            }
            Err(_) => Err(NoSession::Failed),
        }
    }
}

impl FromRequestParts<AppState> for ReviewerSession {
    type Rejection = NoSession;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, NoSession> {
        let kind = Kind::Reviewer;
        let sessions = sessions(parts)?;
        let cookie = cookie_of(kind, &parts.headers).ok_or(NoSession::SignIn(kind))?;
        let (hash, csrf) = sessions.find(kind, cookie).ok_or(NoSession::SignIn(kind))?;
        match state.service.reviewer_for_token_hash(&hash) {
            Ok(Some(reviewer)) => Ok(ReviewerSession { reviewer, csrf }),
            Ok(None) => {
                sessions.close(cookie);
                Err(NoSession::SignIn(kind))
            }
            Err(_) => Err(NoSession::Failed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_is_found_only_by_its_cookie_and_kind() {
        let s = Sessions::default();
        let opened = s.open(Kind::Business, "bk_secret").unwrap();
        let (hash, csrf) = s.find(Kind::Business, &opened.cookie).unwrap();
        assert_eq!(hash, sha256(b"bk_secret"));
        assert_eq!(csrf.len(), 43, "256 random bits");
        assert_ne!(opened.cookie, csrf);
        assert!(s.find(Kind::Reviewer, &opened.cookie).is_none());
        assert!(s.find(Kind::Business, "forged").is_none());
        s.close(&opened.cookie);
        assert!(s.find(Kind::Business, &opened.cookie).is_none());
    }

    #[test]
    fn a_rekeyed_session_goes_on_and_the_old_key_s_others_end() {
        let s = Sessions::default();
        let here = s.open(Kind::Business, "bzk_old").unwrap();
        let elsewhere = s.open(Kind::Business, "bzk_old").unwrap();
        let other_business = s.open(Kind::Business, "bzk_other").unwrap();
        let (_, before) = s.find(Kind::Business, &here.cookie).unwrap();
        s.rekey(Kind::Business, &here.cookie, "bzk_new");
        let (hash, csrf) = s.find(Kind::Business, &here.cookie).unwrap();
        assert_eq!(hash, sha256(b"bzk_new"));
        assert_eq!(csrf, before, "the same session, its forms still valid");
        assert!(s.find(Kind::Business, &elsewhere.cookie).is_none());
        assert!(s.find(Kind::Business, &other_business.cookie).is_some());
        // A cookie of no session moves nothing.
        s.rekey(Kind::Business, "forged", "bzk_x");
        assert!(s.find(Kind::Business, &here.cookie).is_some());
    }

    #[test]
    fn the_cookie_is_http_only_strict_and_secure_over_tls() {
        let s = Sessions::default();
        let opened = s.open(Kind::Reviewer, "t").unwrap();
        let plain = start_cookie(Kind::Reviewer, &opened, false);
        let plain = plain.to_str().unwrap();
        assert!(plain.starts_with("bizseal_console="));
        assert!(plain.contains("; Path=/console;"));
        assert!(plain.contains("; HttpOnly; SameSite=Strict"));
        assert!(!plain.contains("Secure"));
        let tls = start_cookie(Kind::Reviewer, &opened, true);
        assert!(tls.to_str().unwrap().ends_with("; Secure"));
    }

    #[test]
    fn csrf_tokens_must_match_exactly() {
        assert!(csrf_matches("abc", "abc"));
        assert!(!csrf_matches("abc", "abd"));
        assert!(!csrf_matches("abc", ""));
        assert!(!csrf_matches("abc", "abcd"));
    }

    #[test]
    fn cross_site_posts_are_refused() {
        let mut h = HeaderMap::new();
        assert!(
            same_origin(&Method::POST, &h),
            "no browser headers: not a browser form"
        );
        h.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!same_origin(&Method::POST, &h));
        assert!(same_origin(&Method::GET, &h), "only posts are checked");
        h.insert("sec-fetch-site", HeaderValue::from_static("same-origin"));
        assert!(same_origin(&Method::POST, &h));
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("bizseal.example"));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(!same_origin(&Method::POST, &h));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://bizseal.example"),
        );
        assert!(same_origin(&Method::POST, &h));
    }
}
