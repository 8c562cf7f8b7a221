//! Signing keys: Ed25519 key pairs, their RFC 7638 thumbprints, the JWKS.
//!
//! One key signs at a time (the newest); rotation adds a new active key and
//! retires the old one, which stays published until every token it signed
//! has expired, so that clients holding old tokens can still check them.
//! Key material lives in the store; this module turns it into ring key pairs
//! and public key sets. Together with `token`, it is the one place that
//! knows ring's signature API.

use std::collections::HashMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{Ed25519KeyPair, KeyPair, UnparsedPublicKey, ED25519};
use serde::Serialize;
use serde_json::Value;

use crate::model::StoredKey;

/// Why keys could not be made, loaded or read.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("the system random generator failed")]
    Random,
    #[error("stored key {0} is damaged")]
    Damaged(String),
    #[error("there is no active signing key")]
    NoActiveKey,
    #[error("not a usable JWKS: {0}")]
    BadJwks(String),
    #[error("cannot decrypt signing key {0}: wrong master key, or the key is damaged")]
    WrongMasterKey(String),
    #[error("a master key is 32 bytes, written as 64 hex digits or base64: {0}")]
    BadMasterKey(String),
}

/// The key that encrypts private signing keys at rest (AES-256-GCM, with
/// the kid as associated data so a sealed key cannot be moved to another
/// record). It comes from `BIZSEAL_MASTER_KEY` or a key file and never
/// appears in the database, its backups, or the logs.
pub struct MasterKey(LessSafeKey);

impl MasterKey {
    /// A master key from its 32 bytes.
    pub fn from_bytes(bytes: &[u8; 32]) -> MasterKey {
        // AES-256 takes exactly 32 bytes, so this cannot fail.
        let unbound = UnboundKey::new(&AES_256_GCM, bytes).unwrap_or_else(|_| unreachable!());
        MasterKey(LessSafeKey::new(unbound))
    }

    /// Reads a master key written as 64 hex digits or as base64 (standard
    /// or URL-safe, padded or not) of 32 bytes.
    pub fn parse(text: &str) -> Result<MasterKey, KeyError> {
        use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE};
        let text = text.trim();
        let bytes = if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            (0..32)
                .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16))
                .collect::<Result<Vec<u8>, _>>()
                .map_err(|e| KeyError::BadMasterKey(e.to_string()))?
        } else {
            [&STANDARD, &STANDARD_NO_PAD, &URL_SAFE, &URL_SAFE_NO_PAD]
                .iter()
                .find_map(|engine| engine.decode(text).ok())
                .ok_or_else(|| KeyError::BadMasterKey("neither hex nor base64".into()))?
        };
        let bytes: [u8; 32] = bytes
            .try_into()
            .map_err(|v: Vec<u8>| KeyError::BadMasterKey(format!("got {} bytes", v.len())))?;
        Ok(MasterKey::from_bytes(&bytes))
    }

    /// 32 fresh random bytes, as 64 hex digits (for a new key file).
    pub fn generate_hex() -> Result<String, KeyError> {
        let mut bytes = [0u8; 32];
        SystemRandom::new()
            .fill(&mut bytes)
            .map_err(|_| KeyError::Random)?;
        Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    fn seal(&self, kid: &str, plaintext: &[u8]) -> Result<Vec<u8>, KeyError> {
        let mut nonce = [0u8; NONCE_LEN];
        SystemRandom::new()
            .fill(&mut nonce)
            .map_err(|_| KeyError::Random)?;
        let mut buf = plaintext.to_vec();
        self.0
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(kid.as_bytes()),
                &mut buf,
            )
            .map_err(|_| KeyError::Random)?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&buf);
        Ok(out)
    }

    fn open(&self, kid: &str, sealed: &[u8]) -> Result<Vec<u8>, KeyError> {
        if sealed.len() < NONCE_LEN {
            return Err(KeyError::WrongMasterKey(kid.to_owned()));
        }
        let (nonce, body) = sealed.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce)
            .map_err(|_| KeyError::WrongMasterKey(kid.to_owned()))?;
        let mut buf = body.to_vec();
        let plain = self
            .0
            .open_in_place(nonce, Aad::from(kid.as_bytes()), &mut buf)
            .map_err(|_| KeyError::WrongMasterKey(kid.to_owned()))?;
        Ok(plain.to_vec())
    }
}

/// An RFC 7638 thumbprint of an Ed25519 public key: base64url of the
/// SHA-256 of the canonical JWK `{"crv","kty","x"}` (members in
/// lexicographic order, no whitespace).
pub fn thumbprint(public: &[u8]) -> String {
    let canonical = format!(
        r#"{{"crv":"Ed25519","kty":"OKP","x":"{}"}}"#,
        URL_SAFE_NO_PAD.encode(public)
    );
    URL_SAFE_NO_PAD.encode(ring::digest::digest(
        &ring::digest::SHA256,
        canonical.as_bytes(),
    ))
}

/// Makes a fresh key pair, its private half sealed with `master`, ready to
/// store as the active key.
pub fn generate(now: i64, master: &MasterKey) -> Result<StoredKey, KeyError> {
    let rng = SystemRandom::new();
    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng).map_err(|_| KeyError::Random)?;
    let pair = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).map_err(|_| KeyError::Random)?;
    let public = pair.public_key().as_ref().to_vec();
    let kid = thumbprint(&public);
    Ok(StoredKey {
        sealed_pkcs8: master.seal(&kid, pkcs8.as_ref())?,
        kid,
        public,
        created_at: now,
        retired_at: None,
    })
}

/// The public keys a token may be checked against, by `kid`.
#[derive(Debug, Clone, Default)]
pub struct VerifyingKeys {
    keys: HashMap<String, Vec<u8>>,
}

impl VerifyingKeys {
    /// Reads a JWKS (RFC 7517). Only Ed25519 OKP keys are taken; a key
    /// whose `kid` is not its own thumbprint is refused, so a JWKS cannot
    /// make one key answer for another's name.
    pub fn from_jwks(jwks: &Value) -> Result<VerifyingKeys, KeyError> {
        let list = jwks
            .get("keys")
            .and_then(Value::as_array)
            .ok_or_else(|| KeyError::BadJwks("no \"keys\" array".into()))?;
        let mut keys = HashMap::new();
        for jwk in list {
            let field = |name: &str| jwk.get(name).and_then(Value::as_str);
            if field("kty") != Some("OKP") || field("crv") != Some("Ed25519") {
                continue;
            }
            let x = field("x")
                .and_then(|x| URL_SAFE_NO_PAD.decode(x).ok())
                .filter(|x| x.len() == 32)
                .ok_or_else(|| KeyError::BadJwks("an Ed25519 key has no valid \"x\"".into()))?;
            let kid = thumbprint(&x);
            if let Some(given) = field("kid") {
                if given != kid {
                    return Err(KeyError::BadJwks(format!(
                        "kid {given} is not the thumbprint of its key"
                    )));
                }
            }
            keys.insert(kid, x);
        }
        if keys.is_empty() {
            return Err(KeyError::BadJwks("no Ed25519 keys".into()));
        }
        Ok(VerifyingKeys { keys })
    }

    /// Whether `kid` names a known key.
    pub fn contains(&self, kid: &str) -> bool {
        self.keys.contains_key(kid)
    }

    /// Checks an Ed25519 signature by the key `kid`; false for an unknown kid.
    pub fn verify(&self, kid: &str, message: &[u8], signature: &[u8]) -> bool {
        self.keys
            .get(kid)
            .is_some_and(|public| verify_with(public, message, signature))
    }

    /// The public key named `kid`.
    pub fn public(&self, kid: &str) -> Option<&[u8]> {
        self.keys.get(kid).map(Vec::as_slice)
    }
}

/// ring's single Ed25519 verification: the verdict every token check
/// gives, batched or not.
pub fn verify_with(public: &[u8], message: &[u8], signature: &[u8]) -> bool {
    UnparsedPublicKey::new(&ED25519, public)
        .verify(message, signature)
        .is_ok()
}

impl VerifyingKeys {}

/// The loaded signing keys of this service.
pub struct Keyring {
    active_kid: String,
    active: Ed25519KeyPair,
    /// The retired keys' pairs: they sign nothing but the statements that
    /// vouch for the key set that replaced them (`sign_as`).
    retired: Vec<(String, Ed25519KeyPair)>,
    published: Vec<PublishedKey>,
    verifying: VerifyingKeys,
}

/// A public key and when it stopped signing.
#[derive(Debug, Clone)]
pub struct PublishedKey {
    pub kid: String,
    pub public: Vec<u8>,
    pub created_at: i64,
    pub retired_at: Option<i64>,
}

#[derive(Serialize)]
struct Jwk<'a> {
    kty: &'static str,
    crv: &'static str,
    x: String,
    kid: &'a str,
    #[serde(rename = "use")]
    use_: &'static str,
    alg: &'static str,
}

impl Keyring {
    /// Loads the stored keys; the newest unretired key signs. The retired
    /// keys' private halves are decrypted too, for `sign_as`; one that does
    /// not open is left out (it can no longer vouch for a new key set).
    pub fn load(stored: &[StoredKey], master: &MasterKey) -> Result<Keyring, KeyError> {
        let active = stored
            .iter()
            .filter(|k| k.retired_at.is_none())
            .max_by_key(|k| k.created_at)
            .ok_or(KeyError::NoActiveKey)?;
        let pkcs8 = master.open(&active.kid, &active.sealed_pkcs8)?;
        let pair = Ed25519KeyPair::from_pkcs8(&pkcs8)
            .map_err(|_| KeyError::Damaged(active.kid.clone()))?;
        if pair.public_key().as_ref() != active.public.as_slice() {
            return Err(KeyError::Damaged(active.kid.clone()));
        }
        let retired = stored
            .iter()
            .filter(|k| k.kid != active.kid)
            .filter_map(|k| {
                let pkcs8 = master.open(&k.kid, &k.sealed_pkcs8).ok()?;
                let pair = Ed25519KeyPair::from_pkcs8(&pkcs8).ok()?;
                (pair.public_key().as_ref() == k.public.as_slice()).then(|| (k.kid.clone(), pair))
            })
            .collect();
        let published: Vec<PublishedKey> = stored
            .iter()
            .map(|k| PublishedKey {
                kid: k.kid.clone(),
                public: k.public.clone(),
                created_at: k.created_at,
                retired_at: k.retired_at,
            })
            .collect();
        let verifying = VerifyingKeys {
            keys: published
                .iter()
                .map(|k| (k.kid.clone(), k.public.clone()))
                .collect(),
        };
        Ok(Keyring {
            active_kid: active.kid.clone(),
            active: pair,
            retired,
            published,
            verifying,
        })
    }

    /// The kid of the signing key.
    pub fn active_kid(&self) -> &str {
        &self.active_kid
    }

    /// Signs `message` with the active key.
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        self.active.sign(message).as_ref().to_vec()
    }

    /// Signs `message` with the key `kid`, active or retired; `None` when
    /// its private half is not here.
    pub fn sign_as(&self, kid: &str, message: &[u8]) -> Option<Vec<u8>> {
        if kid == self.active_kid {
            return Some(self.sign(message));
        }
        self.retired
            .iter()
            .find(|(k, _)| k == kid)
            .map(|(_, pair)| pair.sign(message).as_ref().to_vec())
    }

    /// Every key known to this service, oldest first.
    pub fn published(&self) -> &[PublishedKey] {
        &self.published
    }

    /// The keys tokens are checked against (every stored key: a token signed
    /// by a long-retired key is still recognised, and then fails on `exp`).
    pub fn verifying(&self) -> &VerifyingKeys {
        &self.verifying
    }

    /// The JWKS to publish: the active key and every retired key that may
    /// still have unexpired tokens (`retention` = the longest token life
    /// plus clock skew).
    pub fn jwks(&self, now: i64, retention: i64) -> Value {
        let keys: Vec<Jwk> = self
            .published
            .iter()
            .filter(|k| k.retired_at.is_none_or(|at| now < at + retention))
            .map(|k| Jwk {
                kty: "OKP",
                crv: "Ed25519",
                x: URL_SAFE_NO_PAD.encode(&k.public),
                kid: &k.kid,
                use_: "sig",
                alg: "EdDSA",
            })
            .collect();
        serde_json::json!({ "keys": keys })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn master() -> MasterKey {
        MasterKey::from_bytes(&[7; 32])
    }

    #[test]
    fn rfc8037_example_key_has_the_expected_thumbprint() {
        // RFC 8037, appendix A.3: the thumbprint of the example Ed25519 key.
        let x = URL_SAFE_NO_PAD
            .decode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
            .unwrap();
        assert_eq!(
            thumbprint(&x),
            "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
        );
    }

    #[test]
    fn the_newest_unretired_key_signs_and_all_verify() {
        let mut old = generate(100, &master()).unwrap();
        let new = generate(200, &master()).unwrap();
        old.retired_at = Some(200);
        let ring = Keyring::load(&[old.clone(), new.clone()], &master()).unwrap();
        assert_eq!(ring.active_kid(), new.kid);
        let sig = ring.sign(b"hello");
        assert!(ring.verifying().verify(&new.kid, b"hello", &sig));
        assert!(!ring.verifying().verify(&old.kid, b"hello", &sig));
        assert!(!ring.verifying().verify("nope", b"hello", &sig));
    }

    #[test]
    fn retired_keys_leave_the_jwks_after_retention() {
        let mut old = generate(100, &master()).unwrap();
        let new = generate(200, &master()).unwrap();
        old.retired_at = Some(200);
        let ring = Keyring::load(&[old.clone(), new], &master()).unwrap();
        assert_eq!(ring.jwks(250, 100)["keys"].as_array().unwrap().len(), 2);
        assert_eq!(ring.jwks(300, 100)["keys"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn jwks_round_trips_and_rejects_lies() {
        let key = generate(1, &master()).unwrap();
        let ring = Keyring::load(std::slice::from_ref(&key), &master()).unwrap();
        let jwks = ring.jwks(1, 10);
        let keys = VerifyingKeys::from_jwks(&jwks).unwrap();
        assert!(keys.contains(&key.kid));
        let mut lying = jwks.clone();
        lying["keys"][0]["kid"] = Value::from("someone-else");
        assert!(VerifyingKeys::from_jwks(&lying).is_err());
        assert!(VerifyingKeys::from_jwks(&serde_json::json!({"keys": []})).is_err());
        assert!(VerifyingKeys::from_jwks(&serde_json::json!([1, 2])).is_err());
    }

    #[test]
    fn private_keys_are_sealed_and_open_only_with_the_master_key() {
        let key = generate(1, &master()).unwrap();
        assert!(Keyring::load(std::slice::from_ref(&key), &master()).is_ok());
        let other = MasterKey::from_bytes(&[8; 32]);
        assert!(matches!(
            Keyring::load(std::slice::from_ref(&key), &other),
            Err(KeyError::WrongMasterKey(_))
        ));
        // A sealed key moved under another kid does not open either.
        let mut moved = generate(2, &master()).unwrap();
        moved.sealed_pkcs8 = key.sealed_pkcs8.clone();
        assert!(Keyring::load(&[moved], &master()).is_err());
        // The sealed bytes do not contain the PKCS#8 document in clear.
        let pkcs8 = master().open(&key.kid, &key.sealed_pkcs8).unwrap();
        assert!(!key
            .sealed_pkcs8
            .windows(pkcs8.len())
            .any(|w| w == pkcs8.as_slice()));
    }

    #[test]
    fn master_keys_parse_from_hex_and_base64() {
        let hex = MasterKey::generate_hex().unwrap();
        assert_eq!(hex.len(), 64);
        assert!(MasterKey::parse(&hex).is_ok());
        assert!(MasterKey::parse(&URL_SAFE_NO_PAD.encode([1u8; 32])).is_ok());
        assert!(MasterKey::parse("short").is_err());
        assert!(MasterKey::parse(&URL_SAFE_NO_PAD.encode([1u8; 16])).is_err());
    }

    #[test]
    fn no_active_key_is_an_error() {
        let mut k = generate(1, &master()).unwrap();
        k.retired_at = Some(2);
        assert!(matches!(
            Keyring::load(&[k], &master()),
            Err(KeyError::NoActiveKey)
        ));
    }
}
