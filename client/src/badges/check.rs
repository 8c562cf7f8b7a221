//! "Does this number have a badge?" against the local list and the signed
//! answers a client holds.
//!
//! A number whose prefix is not listed has no badge, and nothing about it
//! left the device. A listed prefix is a hit: the number's signed answer
//! (its attestation token, from its bucket) decides, checked against the
//! JWKS; a hit with no such answer, or whose token fails, has no badge.
//! So the list can only ever err towards asking, never towards a badge.

use serde::{Deserialize, Serialize};

use super::bucket::Bucket;
use super::jws::{self, Keys};
use super::list::BadgeList;

/// The `typ` header of an attestation token.
pub const TOKEN_TYP: &str = "bizseal-attestation+jwt";

/// Clock skew allowed on a token's `nbf` and `exp` (the server's).
pub const SKEW: i64 = 60;

/// Where a verdict comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The list does not hold the number: no badge, nothing asked.
    List,
    /// The list holds it and its signed answer was checked.
    Answer,
    /// The list holds it but no answer for its bucket is held: no badge
    /// until a sync fetches it.
    NotSynced,
}

/// The verdict for one number (one JSON line of `bizseal client check`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// E.164.
    pub number: String,
    pub badge: bool,
    /// `A` or `B` when `badge`.
    pub level: Option<String>,
    /// The business id and display name the token names, when `badge`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When the token expires, when `badge`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<i64>,
    pub source: Source,
    /// Why a hit has no badge (`not_listed`: the list matched another
    /// number; `expired`, `bad_signature`, ...: the token failed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Deserialize)]
struct Claims {
    sub: String,
    biz: String,
    nam: String,
    lvl: String,
    nbf: i64,
    exp: i64,
}

/// The verdict for `e164` (the caller parsed it) whose SHA-256 is `hash`.
/// `bucket` is the held bucket of that hash, if any.
pub fn check(
    e164: &str,
    hash: &[u8; 32],
    list: &BadgeList,
    bucket: Option<&Bucket>,
    keys: &Keys,
    now: i64,
) -> Verdict {
    let mut verdict = Verdict {
        number: e164.to_owned(),
        badge: false,
        level: None,
        business: None,
        name: None,
        expires_at: None,
        source: Source::List,
        reason: None,
    };
    if !list.may_contain(hash) {
        return verdict;
    }
    let Some(bucket) = bucket else {
        verdict.source = Source::NotSynced;
        return verdict;
    };
    verdict.source = Source::Answer;
    let token = bucket.entry(hash).and_then(|e| e.attestation.as_deref());
    let Some(token) = token else {
        verdict.reason = Some("not_listed".into());
        return verdict;
    };
    match token_claims(token, keys, e164, now) {
        Ok(claims) => {
            verdict.badge = true;
            verdict.level = Some(claims.lvl);
            verdict.business = Some(claims.biz);
            verdict.name = Some(claims.nam);
            verdict.expires_at = Some(claims.exp);
        }
        Err(reason) => verdict.reason = Some(reason.into()),
    }
    verdict
}

/// The claims of a token that holds for `e164` at `now`, or why not (the
/// server's reason names).
fn token_claims(token: &str, keys: &Keys, e164: &str, now: i64) -> Result<Claims, &'static str> {
    let payload = jws::verify(token, keys, TOKEN_TYP).map_err(|e| e.as_str())?;
    let claims: Claims = serde_json::from_slice(&payload).map_err(|_| "malformed")?;
    if now < claims.nbf.saturating_sub(SKEW) {
        return Err("not_yet_valid");
    }
    if now >= claims.exp.saturating_add(SKEW) {
        return Err("expired");
    }
    if claims.sub != e164 {
        return Err("number_mismatch");
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::super::bucket::{bucket_of, BucketEntry};
    use super::super::list::{hex, number_hash};
    use super::*;

    fn token(key: &ed25519_dalek::SigningKey, sub: &str, exp: i64) -> String {
        let claims = serde_json::json!({"iss": "bizseal", "sub": sub, "biz": "b_1", "nam": "Shop",
            "lvl": "B", "iat": 0, "nbf": 0, "exp": exp, "jti": "j"});
        jws::sign_for_test(key, "k", TOKEN_TYP, claims.to_string().as_bytes())
    }

    #[test]
    fn a_hit_is_a_badge_only_with_its_valid_token() {
        let key = ed25519_dalek::SigningKey::from_bytes(&[5; 32]);
        let keys = Keys::from_jwks(&jws::jwks_for_test(&key, "k")).unwrap();
        let (shop, other, stranger) = ("+34911111111", "+34922222222", "+34933333333");
        let hashes = [number_hash(shop), number_hash(other)];
        let list = BadgeList::from_hashes(20, &hashes);
        let bucket_for = |number: &str, token: String| {
            let hash = number_hash(number);
            let prefix = bucket_of(&hash, 2);
            Bucket {
                entries: vec![BucketEntry {
                    suffix: hex(&hash)[2..].to_owned(),
                    status: "verified".into(),
                    level: Some("B".into()),
                    attestation: Some(token),
                }],
                prefix,
            }
        };
        let good = bucket_for(shop, token(&key, shop, 1_000));
        let v = check(shop, &hashes[0], &list, Some(&good), &keys, 500);
        assert!(
            v.badge && v.level.as_deref() == Some("B") && v.source == Source::Answer,
            "{v:?}"
        );
        let v = check(shop, &hashes[0], &list, Some(&good), &keys, 2_000);
        assert_eq!((v.badge, v.reason.as_deref()), (false, Some("expired")));
        let v = check(shop, &hashes[0], &list, None, &keys, 500);
        assert_eq!((v.badge, v.source), (false, Source::NotSynced));
        let swapped = bucket_for(other, token(&key, shop, 1_000));
        let v = check(other, &hashes[1], &list, Some(&swapped), &keys, 500);
        assert_eq!(
            (v.badge, v.reason.as_deref()),
            (false, Some("number_mismatch"))
        );
        let v = check(stranger, &number_hash(stranger), &list, None, &keys, 500);
        assert_eq!((v.badge, v.source), (false, Source::List));
    }
}
