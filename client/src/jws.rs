//! Many Ed25519 JWS compact tokens checked at once (bizseal's attestations,
//! signed tree heads and status statements): the header read strictly as
//! the server reads it (`alg` EdDSA or Ed25519, the expected `typ`, a
//! `kid` the caller knows, no key-bearing or `crit` members), then every
//! signature in one [`crate::batch`] call. Claims are the caller's: the
//! payload's bytes come back only for tokens whose signature holds.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;

use crate::batch::{self, Item};

/// Longest token read, as the server's limit.
pub const MAX_TOKEN_LEN: usize = 8 * 1024;

/// Why a token is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum JwsError {
    #[error("not a JWS compact token with a well-formed header")]
    Malformed,
    #[error("the algorithm is not EdDSA")]
    UnsupportedAlg,
    #[error("no known key has the token's kid")]
    UnknownKey,
    #[error("the signature does not verify")]
    BadSignature,
}

#[derive(Deserialize)]
struct Header {
    alg: Option<String>,
    typ: Option<String>,
    kid: Option<String>,
    #[serde(default, deserialize_with = "present")]
    jku: bool,
    #[serde(default, deserialize_with = "present")]
    x5u: bool,
    #[serde(default, deserialize_with = "present")]
    jwk: bool,
    #[serde(default, deserialize_with = "present")]
    x5c: bool,
    #[serde(default, deserialize_with = "present")]
    crit: bool,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(d).map(|_| true)
}

/// A JWS whose shape, header and key were checked, its signature not yet.
pub struct Parsed<'a> {
    /// The key its `kid` names.
    pub public: &'a [u8],
    /// `header.payload`, what the signature is over.
    pub signing_input: &'a str,
    pub signature: Vec<u8>,
    /// The payload, still base64url.
    pub payload: &'a str,
}

/// Everything checked before the signature: at most `max_len` bytes, three
/// parts, a header that is one JSON object with `alg` EdDSA (or Ed25519),
/// `typ` exactly `typ`, no `jku`, `x5u`, `jwk`, `x5c` or `crit` (keys come
/// only from the caller's set), and a `kid` that `key` knows. The server
/// checks its tokens with these same rules.
pub fn parse<'a, 'k>(
    token: &'a str,
    typ: &str,
    max_len: usize,
    key: &impl Fn(&str) -> Option<&'k [u8]>,
) -> Result<Parsed<'a>, JwsError>
where
    'k: 'a,
{
    if token.len() > max_len {
        return Err(JwsError::Malformed);
    }
    let mut parts = token.split('.');
    let (Some(h64), Some(p64), Some(s64), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwsError::Malformed);
    };
    let header = URL_SAFE_NO_PAD
        .decode(h64)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        // A JSON array of the fields would also fill the struct: no header.
        .filter(|t| t.trim_start().starts_with('{'))
        .and_then(|t| serde_json::from_str::<Header>(&t).ok())
        .ok_or(JwsError::Malformed)?;
    match header.alg.as_deref() {
        Some("EdDSA" | "Ed25519") => {}
        Some(_) => return Err(JwsError::UnsupportedAlg),
        None => return Err(JwsError::Malformed),
    }
    if header.typ.as_deref() != Some(typ)
        || header.jku
        || header.x5u
        || header.jwk
        || header.x5c
        || header.crit
    {
        return Err(JwsError::Malformed);
    }
    let public = header
        .kid
        .as_deref()
        .and_then(key)
        .ok_or(JwsError::UnknownKey)?;
    let signature = URL_SAFE_NO_PAD
        .decode(s64)
        .map_err(|_| JwsError::Malformed)?;
    Ok(Parsed {
        public,
        signing_input: &token[..h64.len() + 1 + p64.len()],
        signature,
        payload: p64,
    })
}

impl JwsError {
    /// The stable name, as the server's verification `reason`.
    pub fn as_str(self) -> &'static str {
        match self {
            JwsError::Malformed => "malformed",
            JwsError::UnsupportedAlg => "unsupported_alg",
            JwsError::UnknownKey => "unknown_key",
            JwsError::BadSignature => "bad_signature",
        }
    }
}

/// The payload of one JWS of type `typ` and at most `max_len` bytes (a
/// badge manifest is longer than a token), checked by the same rules as
/// [`verify_many`] and with ring's verdict on the signature.
pub fn verify<'k>(
    jws: &str,
    typ: &str,
    max_len: usize,
    key: impl Fn(&str) -> Option<&'k [u8]>,
) -> Result<Vec<u8>, JwsError> {
    let p = parse(jws, typ, max_len, &key)?;
    if !batch::verify_one(p.public, p.signing_input.as_bytes(), &p.signature) {
        return Err(JwsError::BadSignature);
    }
    URL_SAFE_NO_PAD
        .decode(p.payload)
        .map_err(|_| JwsError::Malformed)
}

/// The payloads of `tokens` of type `typ`, in order, for those whose
/// header is acceptable, whose `kid` `key` knows (an Ed25519 public key)
/// and whose signature verifies; the signatures are checked in one batch,
/// with ring's verdicts ([`batch::verify_one`] decides what the batch does
/// not).
pub fn verify_many<'k>(
    tokens: &[&str],
    typ: &str,
    key: impl Fn(&str) -> Option<&'k [u8]>,
) -> Vec<Result<Vec<u8>, JwsError>> {
    let parsed: Vec<Result<Parsed, JwsError>> = tokens
        .iter()
        .map(|t| parse(t, typ, MAX_TOKEN_LEN, &key))
        .collect();
    let items: Vec<Item> = parsed
        .iter()
        .filter_map(|p| p.as_ref().ok())
        .map(|p| Item {
            public: p.public,
            message: p.signing_input.as_bytes(),
            signature: &p.signature,
        })
        .collect();
    let mut good = batch::verify_batch(&items, |i| {
        batch::verify_one(i.public, i.message, i.signature)
    })
    .into_iter();
    parsed
        .into_iter()
        .map(|p| {
            let p = p?;
            if !good.next().unwrap_or(false) {
                return Err(JwsError::BadSignature);
            }
            URL_SAFE_NO_PAD
                .decode(p.payload)
                .map_err(|_| JwsError::Malformed)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::{Signer, SigningKey};

    fn token(sk: &SigningKey, header: &str, payload: &str) -> String {
        let input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header),
            URL_SAFE_NO_PAD.encode(payload)
        );
        let sig = sk.sign(input.as_bytes()).to_bytes();
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig))
    }

    #[test]
    fn good_tokens_verify_and_every_refusal_has_its_reason() {
        let sk = SigningKey::from_bytes(&[5; 32]);
        let public = sk.verifying_key().to_bytes();
        let other = SigningKey::from_bytes(&[6; 32]);
        let key = |kid: &str| (kid == "k1").then_some(public.as_slice());
        let h = r#"{"alg":"EdDSA","typ":"t+jwt","kid":"k1"}"#;
        let mut tokens: Vec<String> = (0..70)
            .map(|i| token(&sk, h, &format!(r#"{{"n":{i}}}"#)))
            .collect();
        let cases = [
            (token(&other, h, "{}"), Err(JwsError::BadSignature)),
            (
                token(&sk, r#"{"alg":"ES256","typ":"t+jwt","kid":"k1"}"#, "{}"),
                Err(JwsError::UnsupportedAlg),
            ),
            (
                token(&sk, r#"{"alg":"EdDSA","typ":"other","kid":"k1"}"#, "{}"),
                Err(JwsError::Malformed),
            ),
            (
                token(&sk, r#"{"alg":"EdDSA","typ":"t+jwt","kid":"k2"}"#, "{}"),
                Err(JwsError::UnknownKey),
            ),
            (
                token(
                    &sk,
                    r#"{"alg":"EdDSA","typ":"t+jwt","kid":"k1","jwk":null}"#,
                    "{}",
                ),
                Err(JwsError::Malformed),
            ),
            (
                token(&sk, r#"["EdDSA","t+jwt","k1"]"#, "{}"),
                Err(JwsError::Malformed),
            ),
            ("a.b".to_owned(), Err(JwsError::Malformed)),
        ];
        for (t, _) in &cases {
            tokens.insert(30, t.clone());
        }
        let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
        let got = verify_many(&refs, "t+jwt", key);
        let mut want: Vec<Result<Vec<u8>, JwsError>> = (0..70)
            .map(|i| Ok(format!(r#"{{"n":{i}}}"#).into_bytes()))
            .collect();
        for (_, w) in &cases {
            want.insert(30, w.clone());
        }
        assert_eq!(got, want);
    }
}
