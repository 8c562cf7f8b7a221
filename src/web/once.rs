//! One-time forms. Registering a business and replacing its key answer
//! with a page that shows the new API key once; reloading that page makes
//! the browser post the form again, which registered a second business or
//! replaced the key just shown. Such a form carries a token good for one
//! sending: a second sending is refused in words and does nothing.
//!
//! A token is `random ‖ expiry ‖ HMAC(random ‖ expiry)` under a key that
//! lives as long as the process, so issuing one stores nothing (a `GET`
//! costs no memory); only spent tokens are kept, until they expire.

use std::collections::HashMap;
use std::sync::Mutex;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ring::hmac;
use ring::rand::{SecureRandom, SystemRandom};

/// How long a form may be filled in.
const LIFETIME: i64 = 3600;
/// Spent tokens kept at most. Past it the oldest are forgotten: a token
/// forgotten early could be sent twice, which is what happened before this
/// module existed; nothing worse.
const MAX_SPENT: usize = 100_000;

const NONCE: usize = 16;
const TAG: usize = 16;
const LEN: usize = NONCE + 8 + TAG;

/// Why a token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unusable {
    /// This form was sent already.
    Spent,
    /// Expired, forged, from before a restart, or missing.
    Stale,
}

impl Unusable {
    /// The answer's status: a second sending conflicts with the first.
    pub fn status(self) -> axum::http::StatusCode {
        match self {
            Unusable::Spent => axum::http::StatusCode::CONFLICT,
            Unusable::Stale => axum::http::StatusCode::BAD_REQUEST,
        }
    }

    /// The message id of the words for it.
    pub fn message(self) -> &'static str {
        match self {
            Unusable::Spent => "form-spent",
            Unusable::Stale => "form-stale",
        }
    }
}

/// Issues and spends one-time form tokens.
pub struct FormOnce {
    /// `None` if the system had no randomness: every token is then refused.
    key: Option<hmac::Key>,
    /// Spent nonces and when each token expires.
    spent: Mutex<HashMap<[u8; NONCE], i64>>,
}

impl FormOnce {
    pub fn new() -> FormOnce {
        FormOnce {
            key: hmac::Key::generate(hmac::HMAC_SHA256, &SystemRandom::new()).ok(),
            spent: Mutex::new(HashMap::new()),
        }
    }

    /// A fresh token for a form shown at `now` (empty, and refused when
    /// sent, if the system has no randomness).
    pub fn issue(&self, now: i64) -> String {
        let mut token = [0u8; LEN];
        let Some(key) = &self.key else {
            return String::new();
        };
        if SystemRandom::new().fill(&mut token[..NONCE]).is_err() {
            return String::new();
        }
        token[NONCE..NONCE + 8].copy_from_slice(&(now + LIFETIME).to_be_bytes());
        let tag = hmac::sign(key, &token[..NONCE + 8]);
        token[NONCE + 8..].copy_from_slice(&tag.as_ref()[..TAG]);
        URL_SAFE_NO_PAD.encode(token)
    }

    /// Spends `token` at `now`: `Ok` the first time only.
    pub fn spend(&self, token: &str, now: i64) -> Result<(), Unusable> {
        let mut bytes = [0u8; LEN];
        match URL_SAFE_NO_PAD.decode_slice(token.trim(), &mut bytes) {
            Ok(LEN) => {}
            _ => return Err(Unusable::Stale),
        }
        let Some(key) = &self.key else {
            return Err(Unusable::Stale);
        };
        let (signed, tag) = bytes.split_at(NONCE + 8);
        let full = hmac::sign(key, signed);
        // Constant time: a tag must not be guessable byte by byte.
        if !bool::from(subtle::ConstantTimeEq::ct_eq(&full.as_ref()[..TAG], tag)) {
            return Err(Unusable::Stale);
        }
        let mut expiry = [0u8; 8];
        expiry.copy_from_slice(&signed[NONCE..]);
        let expires = i64::from_be_bytes(expiry);
        if expires <= now {
            return Err(Unusable::Stale);
        }
        let mut nonce = [0u8; NONCE];
        nonce.copy_from_slice(&signed[..NONCE]);
        let mut spent = self.spent.lock().unwrap_or_else(|e| e.into_inner());
        if spent.contains_key(&nonce) {
            return Err(Unusable::Spent);
        }
        if spent.len() >= MAX_SPENT {
            spent.retain(|_, e| *e > now);
        }
        if spent.len() >= MAX_SPENT {
            // Forget the half that expires soonest.
            let mut expiries: Vec<i64> = spent.values().copied().collect();
            let (_, median, _) = expiries.select_nth_unstable(MAX_SPENT / 2);
            let median = *median;
            spent.retain(|_, e| *e > median);
        }
        spent.insert(nonce, expires);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_good_once_and_only_before_it_expires() {
        let once = FormOnce::new();
        let token = once.issue(1000);
        assert_eq!(token.len(), 54);
        assert_eq!(once.spend(&token, 1001), Ok(()));
        assert_eq!(once.spend(&token, 1002), Err(Unusable::Spent));
        let late = once.issue(1000);
        assert_eq!(once.spend(&late, 1000 + LIFETIME), Err(Unusable::Stale));
        assert_eq!(once.spend(&late, 1000 + LIFETIME - 1), Ok(()));
        // Two tokens are two forms.
        let (a, b) = (once.issue(5), once.issue(5));
        assert_ne!(a, b);
        assert_eq!(once.spend(&a, 6), Ok(()));
        assert_eq!(once.spend(&b, 6), Ok(()));
    }

    #[test]
    fn a_forged_altered_or_foreign_token_is_refused() {
        let once = FormOnce::new();
        let other = FormOnce::new();
        assert_eq!(once.spend("", 1), Err(Unusable::Stale));
        assert_eq!(once.spend("not a token", 1), Err(Unusable::Stale));
        // Another process's (a restart's) token.
        assert_eq!(once.spend(&other.issue(1), 2), Err(Unusable::Stale));
        // A token whose expiry was pushed back.
        let token = once.issue(1);
        let mut bytes = URL_SAFE_NO_PAD.decode(&token).unwrap();
        bytes[NONCE + 7] ^= 1;
        let altered = URL_SAFE_NO_PAD.encode(&bytes);
        assert_eq!(once.spend(&altered, 2), Err(Unusable::Stale));
        assert_eq!(once.spend(&token, 2), Ok(()), "the real one still works");
    }

    #[test]
    fn the_spent_list_stays_bounded() {
        let once = FormOnce::new();
        for i in 0..MAX_SPENT + 10 {
            let token = once.issue(i as i64);
            assert_eq!(once.spend(&token, i as i64), Ok(()));
        }
        let kept = once.spent.lock().unwrap().len();
        assert!(kept <= MAX_SPENT, "{kept}");
    }
}
