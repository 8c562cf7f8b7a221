//! Checking bizseal's JWS (RFC 7515 compact, EdDSA per RFC 8037) against a
//! published JWKS, without ring: the manifest and the attestation tokens
//! a client confirms a hit with.
//!
//! The rules are the server's, kept in one place ([`crate::jws`]): three
//! base64url parts; `alg` `EdDSA` (or `Ed25519`, RFC 9864); `typ` exactly
//! the expected one; no `jku`, `x5u`, `jwk`, `x5c` or `crit` (keys come
//! only from the key set); a `kid` the set holds; the signature, with
//! ring's verdict. Nothing here panics on any input.

use std::collections::HashMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::VerifyingKey;
use serde::Deserialize;

/// Longer than this is not ours (a manifest is a few KiB).
const MAX_JWS_LEN: usize = 256 * 1024;

pub use crate::jws::JwsError;

/// The Ed25519 keys of a JWKS (RFC 7517), by `kid`.
#[derive(Debug, Clone, Default)]
pub struct Keys {
    by_kid: HashMap<String, VerifyingKey>,
}

#[derive(Deserialize)]
struct JwkSet {
    keys: Vec<Jwk>,
}

#[derive(Deserialize)]
struct Jwk {
    kty: Option<String>,
    crv: Option<String>,
    x: Option<String>,
    kid: Option<String>,
}

impl Keys {
    /// The Ed25519 (`OKP`) keys of a JWKS document; other keys are skipped.
    pub fn from_jwks(json: &[u8]) -> Result<Keys, JwsError> {
        let set: JwkSet = serde_json::from_slice(json).map_err(|_| JwsError::Malformed)?;
        let mut by_kid = HashMap::new();
        for k in set.keys {
            if k.kty.as_deref() != Some("OKP") || k.crv.as_deref() != Some("Ed25519") {
                continue;
            }
            let (Some(x), Some(kid)) = (k.x, k.kid) else {
                continue;
            };
            let Ok(bytes) = URL_SAFE_NO_PAD.decode(x) else {
                continue;
            };
            let Ok(bytes) = <[u8; 32]>::try_from(bytes.as_slice()) else {
                continue;
            };
            if let Ok(key) = VerifyingKey::from_bytes(&bytes) {
                by_kid.insert(kid, key);
            }
        }
        Ok(Keys { by_kid })
    }

    /// The `kid`s of the set.
    pub fn kids(&self) -> impl Iterator<Item = &str> {
        self.by_kid.keys().map(String::as_str)
    }

    /// How many keys the set holds.
    pub fn len(&self) -> usize {
        self.by_kid.len()
    }

    /// Whether the set holds no key.
    pub fn is_empty(&self) -> bool {
        self.by_kid.is_empty()
    }
}

/// Checks a compact JWS of type `typ` and returns its payload's bytes: the
/// rules of [`crate::jws`] (the server's), with the set's keys.
pub fn verify(jws: &str, keys: &Keys, typ: &str) -> Result<Vec<u8>, JwsError> {
    crate::jws::verify(jws, typ, MAX_JWS_LEN, |kid| {
        keys.by_kid.get(kid).map(|k| k.as_bytes().as_slice())
    })
}

/// Signs a compact JWS with an Ed25519 key, for the tests of this crate
/// (the server signs with ring, `token::sign_payload`).
#[cfg(test)]
pub(crate) fn sign_for_test(
    key: &ed25519_dalek::SigningKey,
    kid: &str,
    typ: &str,
    payload: &[u8],
) -> String {
    use ed25519_dalek::Signer;
    let header = serde_json::json!({ "alg": "EdDSA", "typ": typ, "kid": kid });
    let mut out = URL_SAFE_NO_PAD.encode(header.to_string());
    out.push('.');
    out.push_str(&URL_SAFE_NO_PAD.encode(payload));
    let signature = key.sign(out.as_bytes());
    out.push('.');
    out.push_str(&URL_SAFE_NO_PAD.encode(signature.to_bytes()));
    out
}

/// A JWKS holding one test key, as the server publishes it.
#[cfg(test)]
pub(crate) fn jwks_for_test(key: &ed25519_dalek::SigningKey, kid: &str) -> Vec<u8> {
    let x = URL_SAFE_NO_PAD.encode(key.verifying_key().to_bytes());
    serde_json::json!({"keys": [{"kty": "OKP", "crv": "Ed25519", "x": x, "kid": kid, "use": "sig", "alg": "EdDSA"}]})
        .to_string()
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signed_payload_verifies_and_anything_else_is_refused() {
        let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
        let keys = Keys::from_jwks(&jwks_for_test(&key, "k1")).unwrap();
        let jws = sign_for_test(&key, "k1", "t", b"{\"a\":1}");
        assert_eq!(verify(&jws, &keys, "t").unwrap(), b"{\"a\":1}");
        assert_eq!(verify(&jws, &keys, "other"), Err(JwsError::Malformed));
        let unknown = sign_for_test(&key, "k2", "t", b"{}");
        assert_eq!(verify(&unknown, &keys, "t"), Err(JwsError::UnknownKey));
        let mut tampered = jws.clone();
        tampered.replace_range(jws.find('.').unwrap() + 1..jws.find('.').unwrap() + 2, "A");
        assert!(verify(&tampered, &keys, "t").is_err());
        assert_eq!(verify("a.b", &keys, "t"), Err(JwsError::Malformed));
        // A header that is a JSON array, which serde would read into the
        // header's fields: the server refuses it, and so does the client.
        use ed25519_dalek::Signer;
        let input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(r#"["EdDSA","t","k1"]"#),
            URL_SAFE_NO_PAD.encode("{}")
        );
        let array = format!(
            "{input}.{}",
            URL_SAFE_NO_PAD.encode(key.sign(input.as_bytes()).to_bytes())
        );
        assert_eq!(verify(&array, &keys, "t"), Err(JwsError::Malformed));
    }
}
