//! Standard Webhooks signatures (<https://www.standardwebhooks.com>): what
//! a receiver checks with any of the specification's libraries.
//!
//! The signed content is `{webhook-id}.{webhook-timestamp}.{body}`. The
//! `v1` signature is HMAC-SHA256 under the endpoint's secret (given to the
//! business as `whsec_` and the base64 of its bytes); the `v1a` signature
//! is Ed25519 under bizseal's active attestation key, so anyone holding
//! the published JWKS can check who sent an event without a shared
//! secret. That key signs nothing else of this shape: a JWS signing input
//! is two base64url parts, and this content holds a `{` after the second
//! dot, which no base64url text has.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use crate::keys::Keyring;

/// The prefix of a secret as the business sees it.
const SECRET_PREFIX: &str = "whsec_";

/// Bytes of a new secret: 24, as the specification's examples (and Svix)
/// use, well above what HMAC-SHA256 needs.
pub const SECRET_BYTES: usize = 24;

/// A secret's bytes as the business is shown them.
pub fn secret_text(secret: &[u8]) -> String {
    format!("{SECRET_PREFIX}{}", STANDARD.encode(secret))
}

/// The secret's bytes from its text (`whsec_` optional, as the libraries
/// accept it).
pub fn parse_secret(text: &str) -> Option<Vec<u8>> {
    let b64 = text.strip_prefix(SECRET_PREFIX).unwrap_or(text);
    STANDARD.decode(b64).ok().filter(|s| !s.is_empty())
}

/// The `webhook-signature` header's value for one delivery: the `v1`
/// HMAC and, when a keyring is given, the `v1a` Ed25519 signature, space
/// separated as the specification lists several.
pub fn sign(
    secret: &[u8],
    keyring: Option<&Keyring>,
    msg_id: &str,
    timestamp: i64,
    body: &str,
) -> String {
    let content = format!("{msg_id}.{timestamp}.{body}");
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret);
    let mac = ring::hmac::sign(&key, content.as_bytes());
    let mut header = format!("v1,{}", STANDARD.encode(mac.as_ref()));
    if let Some(keyring) = keyring {
        header.push_str(" v1a,");
        header.push_str(&STANDARD.encode(keyring.sign(content.as_bytes())));
    }
    header
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_specifications_example_signs_to_its_published_value() {
        // The example of the Standard Webhooks specification (spec/
        // standard-webhooks.md, "Signature scheme").
        let secret = parse_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        let body = r#"{"test": 2432232314}"#;
        let header = sign(
            &secret,
            None,
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            body,
        );
        assert_eq!(header, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    #[test]
    fn secrets_round_trip_through_their_text() {
        let secret = [7u8; SECRET_BYTES];
        let text = secret_text(&secret);
        assert!(text.starts_with("whsec_"));
        assert_eq!(parse_secret(&text).unwrap(), secret);
        assert_eq!(parse_secret("whsec_").as_deref(), None);
        assert_eq!(parse_secret("whsec_!!").as_deref(), None);
    }
}
