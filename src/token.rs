//! Attestation tokens: JWS compact serialisation (RFC 7515) with EdDSA
//! (RFC 8037), encode and verify. The same signing and checking serve the
//! other statements bizseal signs (tree heads, status answers), each with
//! its own `typ` so that one kind never passes for another.
//!
//! Tokens are plain standard JWS so that any JOSE library given our JWKS can
//! check them. Verification here is deliberately strict and ordered: shape,
//! header (algorithm, type, no key-bearing parameters), key, signature, then
//! time and number. Revocation needs the store and is checked by `service`.
//! Nothing in this module panics on any input.

use std::collections::BTreeMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use bizseal_client::{batch, jws};

use crate::keys::{self, Keyring, VerifyingKeys};
use crate::model::Evidence;

/// The `typ` header of every attestation (RFC 8725 §3.11: explicit typing).
pub const TYP: &str = "bizseal-attestation+jwt";

/// Clock skew allowed on `nbf` and `exp`, in seconds.
pub const SKEW: i64 = 60;

/// Tokens longer than this are not ours (ours are well under 1 KiB).
const MAX_TOKEN_LEN: usize = 8 * 1024;

/// The claims of an attestation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    /// The attested number, E.164.
    pub sub: String,
    /// Business id.
    pub biz: String,
    /// Display name in the business's default language.
    pub nam: String,
    /// `A` or `B`.
    pub lvl: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    /// Serial, for revocation.
    pub jti: String,
    /// How the attestation was earned: `otp` / `import` for the number,
    /// `domain` for the web domain, `review` for the identity review.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evd: Vec<Evidence>,
    /// Digests of the rich data the token vouches for, in the shape of
    /// RFC 9795's `rcdi` claim: a JSON pointer into the business's public
    /// profile (`/logo`: the logo bizseal serves, whose `url` the profile
    /// and the lookup answer give) → the digest of the bytes it names, as
    /// W3C Subresource Integrity writes it (`sha256-<base64>`). Absent
    /// while the business shows no logo.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rcdi: BTreeMap<String, String>,
}

/// The `rcdi` key of the logo.
pub const RCDI_LOGO: &str = "/logo";

/// The outcome of checking a token, in the words of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = TokenReason)]
pub enum Reason {
    Ok,
    Malformed,
    UnsupportedAlg,
    UnknownKey,
    BadSignature,
    NotYetValid,
    Expired,
    Revoked,
    NumberMismatch,
}

impl Reason {
    /// The wire name, as in `{"reason": "..."}`.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Ok => "ok",
            Reason::Malformed => "malformed",
            Reason::UnsupportedAlg => "unsupported_alg",
            Reason::UnknownKey => "unknown_key",
            Reason::BadSignature => "bad_signature",
            Reason::NotYetValid => "not_yet_valid",
            Reason::Expired => "expired",
            Reason::Revoked => "revoked",
            Reason::NumberMismatch => "number_mismatch",
        }
    }
}

/// What [`verify`] found. `claims` is set only once the signature verified:
/// unverified claims are never handed back, so nobody can display them.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub reason: Reason,
    pub claims: Option<Claims>,
    /// The signed payload as sent, including claims this build does not
    /// know: echoed byte for byte, never re-encoded.
    pub raw_claims: Option<Box<RawValue>>,
}

impl Verdict {
    fn fail(reason: Reason) -> Verdict {
        Verdict {
            reason,
            claims: None,
            raw_claims: None,
        }
    }
}

/// Signs claims with the keyring's active key.
pub fn sign(keyring: &Keyring, claims: &Claims) -> String {
    sign_payload(keyring, TYP, claims)
}

/// Signs any JSON payload with the keyring's active key, as a JWS of type
/// `typ` (attestations, tree heads, status statements).
pub fn sign_payload<T: Serialize>(keyring: &Keyring, typ: &str, payload: &T) -> String {
    // The active key's private half is always here.
    sign_payload_as(keyring, keyring.active_kid(), typ, payload).unwrap_or_default()
}

/// [`sign_payload`] with the key `kid` (active or retired); `None` when its
/// private half is not in the keyring.
pub fn sign_payload_as<T: Serialize>(
    keyring: &Keyring,
    kid: &str,
    typ: &str,
    payload: &T,
) -> Option<String> {
    let header = serde_json::json!({ "alg": "EdDSA", "typ": typ, "kid": kid });
    // Serialising these plain structs cannot fail: no maps with non-string
    // keys, no floats.
    let header = serde_json::to_vec(&header).unwrap_or_default();
    let payload = serde_json::to_vec(payload).unwrap_or_default();
    let mut out = String::with_capacity(400);
    URL_SAFE_NO_PAD.encode_string(header, &mut out);
    out.push('.');
    URL_SAFE_NO_PAD.encode_string(payload, &mut out);
    let signature = keyring.sign_as(kid, out.as_bytes())?;
    out.push('.');
    URL_SAFE_NO_PAD.encode_string(signature, &mut out);
    Some(out)
}

/// Checks everything but revocation. `number`, when given, is the E.164
/// number the client saw; `sub` must equal it.
pub fn verify(token: &str, keys: &VerifyingKeys, now: i64, number: Option<&str>) -> Verdict {
    let mut verdict = verify_unbound(token, keys, now);
    if let Some(number) = number {
        verdict.bind(number);
    }
    verdict
}

impl Verdict {
    /// Checks the number the client saw (E.164) against `sub`. A mismatch
    /// is reported only for a token that is otherwise valid: an expired or
    /// not yet valid token says so first.
    pub fn bind(&mut self, number: &str) {
        let mismatch = self.claims.as_ref().is_some_and(|c| c.sub != number);
        if self.reason == Reason::Ok && mismatch {
            self.reason = Reason::NumberMismatch;
        }
    }
}

/// Checks everything but revocation and the number: shape, header, key,
/// signature, claims, time.
pub fn verify_unbound(token: &str, keys: &VerifyingKeys, now: i64) -> Verdict {
    match verify_signed(token, keys, TYP) {
        Ok(payload) => read_claims(&payload, now),
        Err(reason) => Verdict::fail(reason),
    }
}

/// [`verify_unbound`] for many tokens at once, with the same verdicts:
/// their signatures are checked together by Ed25519 batch verification
/// (bizseal-client's `batch`, which falls back to ring's single check for
/// each token when the batch does not hold, and for any signature a batch
/// could judge differently). Measured at 2.0-2.3× ring's rate a token for
/// 64 tokens and about 2.8× for 200 (wall time on one thread,
/// BENCHMARKS.md).
pub fn verify_unbound_many(tokens: &[&str], keys: &VerifyingKeys, now: i64) -> Vec<Verdict> {
    let parsed: Vec<Result<Signed, Reason>> =
        tokens.iter().map(|t| parse_signed(t, keys, TYP)).collect();
    let items: Vec<batch::Item> = parsed
        .iter()
        .filter_map(|p| p.as_ref().ok())
        .map(|s| batch::Item {
            public: s.public,
            message: s.signing_input.as_bytes(),
            signature: &s.signature,
        })
        .collect();
    let mut good = batch::verify_batch(&items, |i| {
        keys::verify_with(i.public, i.message, i.signature)
    })
    .into_iter();
    parsed
        .into_iter()
        .map(|p| {
            let signed = match p {
                Ok(signed) => signed,
                Err(reason) => return Verdict::fail(reason),
            };
            // One verdict per parsed token, in order.
            if !good.next().unwrap_or(false) {
                return Verdict::fail(Reason::BadSignature);
            }
            match URL_SAFE_NO_PAD.decode(signed.payload) {
                Ok(payload) => read_claims(&payload, now),
                Err(_) => Verdict::fail(Reason::Malformed),
            }
        })
        .collect()
}

/// The claims of a verified payload, checked against the time.
fn read_claims(payload: &[u8], now: i64) -> Verdict {
    // The payload kept as signed for the answer's echo, and the claims
    // read from it (no `Value` tree in between).
    let Ok(raw) = serde_json::from_slice::<Box<RawValue>>(payload) else {
        return Verdict::fail(Reason::Malformed);
    };
    let Ok(claims) = serde_json::from_str::<Claims>(raw.get()) else {
        return Verdict::fail(Reason::Malformed);
    };
    let reason = if now < claims.nbf.saturating_sub(SKEW) {
        Reason::NotYetValid
    } else if now >= claims.exp.saturating_add(SKEW) {
        Reason::Expired
    } else {
        Reason::Ok
    };
    Verdict {
        reason,
        claims: Some(claims),
        raw_claims: Some(raw),
    }
}

/// Checks a JWS of type `typ` up to and including its signature and
/// returns its JSON payload: shape, header (algorithm, type, no
/// key-bearing parameters), key, signature. Time and meaning are the
/// caller's.
pub fn verify_payload(token: &str, keys: &VerifyingKeys, typ: &str) -> Result<Value, Reason> {
    let payload = verify_signed(token, keys, typ)?;
    serde_json::from_slice(&payload).map_err(|_| Reason::Malformed)
}

/// [`verify_payload`] up to the payload's bytes, undecoded as JSON.
fn verify_signed(token: &str, keys: &VerifyingKeys, typ: &str) -> Result<Vec<u8>, Reason> {
    let signed = parse_signed(token, keys, typ)?;
    if !keys::verify_with(
        signed.public,
        signed.signing_input.as_bytes(),
        &signed.signature,
    ) {
        return Err(Reason::BadSignature);
    }
    URL_SAFE_NO_PAD
        .decode(signed.payload)
        .map_err(|_| Reason::Malformed)
}

/// A JWS whose shape, header and key were checked, its signature not yet.
type Signed<'a> = jws::Parsed<'a>;

/// Everything [`verify_signed`] checks before the signature: the rules
/// the client crate reads JWS with (`bizseal_client::jws::parse`), one
/// definition for server and clients. Keys come only from our own set.
fn parse_signed<'a>(
    token: &'a str,
    keys: &'a VerifyingKeys,
    typ: &str,
) -> Result<Signed<'a>, Reason> {
    jws::parse(token, typ, MAX_TOKEN_LEN, &|kid: &str| keys.public(kid)).map_err(|e| match e {
        jws::JwsError::Malformed => Reason::Malformed,
        jws::JwsError::UnsupportedAlg => Reason::UnsupportedAlg,
        jws::JwsError::UnknownKey => Reason::UnknownKey,
        jws::JwsError::BadSignature => Reason::BadSignature,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys;

    fn ring() -> Keyring {
        let master = keys::MasterKey::from_bytes(&[7; 32]);
        Keyring::load(&[keys::generate(0, &master).unwrap()], &master).unwrap()
    }

    fn claims(now: i64) -> Claims {
        Claims {
            iss: "bizseal".into(),
            sub: "+31206499123".into(),
            biz: "b_01JD7Z3K8QRR1FVQ1Q2JVZPGQT".into(),
            nam: "KLM".into(),
            lvl: "A".into(),
            iat: now,
            nbf: now,
            exp: now + 1000,
            jti: "01JD7Z3K8Q0000000000000001".into(),
            evd: vec![Evidence {
                method: "otp".into(),
                at: now,
            }],
            rcdi: BTreeMap::from([(RCDI_LOGO.into(), "sha256-AAAA".into())]),
        }
    }

    fn b64(s: &str) -> String {
        URL_SAFE_NO_PAD.encode(s)
    }

    #[test]
    fn a_signed_token_verifies_and_yields_its_claims() {
        let ring = ring();
        let token = sign(&ring, &claims(1000));
        let v = verify(&token, ring.verifying(), 1000, Some("+31206499123"));
        assert_eq!(v.reason, Reason::Ok);
        assert_eq!(v.claims.unwrap(), claims(1000));
    }

    #[test]
    fn time_window_allows_skew_and_no_more() {
        let ring = ring();
        let token = sign(&ring, &claims(1000));
        let at = |t| verify(&token, ring.verifying(), t, None).reason;
        assert_eq!(at(1000 - SKEW), Reason::Ok);
        assert_eq!(at(1000 - SKEW - 1), Reason::NotYetValid);
        assert_eq!(at(2000 + SKEW - 1), Reason::Ok);
        assert_eq!(at(2000 + SKEW), Reason::Expired);
    }

    #[test]
    fn another_number_is_a_mismatch() {
        let ring = ring();
        let token = sign(&ring, &claims(1000));
        let v = verify(&token, ring.verifying(), 1000, Some("+31206499124"));
        assert_eq!(v.reason, Reason::NumberMismatch);
    }

    #[test]
    fn forged_tokens_are_refused_with_the_right_reason() {
        let ring = ring();
        let good = sign(&ring, &claims(1000));
        let parts: Vec<&str> = good.split('.').collect();
        let kid = ring.active_kid();
        let check = |t: &str| verify(t, ring.verifying(), 1000, None).reason;

        let none = format!(
            "{}.{}.",
            b64(r#"{"alg":"none","typ":"bizseal-attestation+jwt"}"#),
            parts[1]
        );
        assert_eq!(check(&none), Reason::UnsupportedAlg);
        let hs = format!(
            "{}.{}.{}",
            b64(&format!(r#"{{"alg":"HS256","typ":"{TYP}","kid":"{kid}"}}"#)),
            parts[1],
            parts[2]
        );
        assert_eq!(check(&hs), Reason::UnsupportedAlg);

        let mut forged = claims(1000);
        forged.sub = "+31206499999".into();
        let tampered = format!(
            "{}.{}.{}",
            parts[0],
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(&forged).unwrap()),
            parts[2]
        );
        assert_eq!(check(&tampered), Reason::BadSignature);

        let foreign = sign(&self::ring(), &claims(1000));
        assert_eq!(check(&foreign), Reason::UnknownKey);

        let unknown_kid = format!(
            "{}.{}.{}",
            b64(&format!(r#"{{"alg":"EdDSA","typ":"{TYP}","kid":"nope"}}"#)),
            parts[1],
            parts[2]
        );
        assert_eq!(check(&unknown_kid), Reason::UnknownKey);

        for cut in 1..6 {
            let truncated = check(&good[..good.len() - cut]);
            assert!(
                matches!(truncated, Reason::BadSignature | Reason::Malformed),
                "cut {cut}: {truncated:?}"
            );
        }
        assert_eq!(
            check(&format!("{}.{}", parts[0], parts[1])),
            Reason::Malformed
        );
        assert_eq!(check(&format!("{good}.x")), Reason::Malformed);
        assert_eq!(check(""), Reason::Malformed);
        assert_eq!(check("..."), Reason::Malformed);
        assert_eq!(check("a.b.c"), Reason::Malformed);
        assert_eq!(check(&"a".repeat(10_000)), Reason::Malformed);

        let jku = format!(
            "{}.{}.{}",
            b64(&format!(
                r#"{{"alg":"EdDSA","typ":"{TYP}","kid":"{kid}","jku":"https://evil.example/jwks"}}"#
            )),
            parts[1],
            parts[2]
        );
        assert_eq!(check(&jku), Reason::Malformed);
        let wrong_typ = format!(
            "{}.{}.{}",
            b64(&format!(r#"{{"alg":"EdDSA","typ":"JWT","kid":"{kid}"}}"#)),
            parts[1],
            parts[2]
        );
        assert_eq!(check(&wrong_typ), Reason::Malformed);
    }

    #[test]
    fn fully_specified_ed25519_alg_is_accepted() {
        let ring = ring();
        let kid = ring.active_kid().to_owned();
        let header = b64(&format!(
            r#"{{"alg":"Ed25519","typ":"{TYP}","kid":"{kid}"}}"#
        ));
        let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims(1000)).unwrap());
        let input = format!("{header}.{payload}");
        let sig = URL_SAFE_NO_PAD.encode(ring.sign(input.as_bytes()));
        let v = verify(&format!("{input}.{sig}"), ring.verifying(), 1000, None);
        assert_eq!(v.reason, Reason::Ok);
    }

    /// A token with `header` (bytes: not always UTF-8) as its protected
    /// header, signed by our key.
    fn signed_with_header(ring: &Keyring, header: &[u8]) -> String {
        let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims(1000)).unwrap());
        let input = format!("{}.{payload}", URL_SAFE_NO_PAD.encode(header));
        let sig = URL_SAFE_NO_PAD.encode(ring.sign(input.as_bytes()));
        format!("{input}.{sig}")
    }

    #[test]
    fn the_header_is_read_strictly_member_by_member() {
        let ring = ring();
        let kid = ring.active_kid().to_owned();
        let check_bytes = |header: &[u8]| {
            verify(
                &signed_with_header(&ring, header),
                ring.verifying(),
                1000,
                None,
            )
            .reason
        };
        let check = |header: String| check_bytes(header.as_bytes());
        let base = format!(r#""alg":"EdDSA","typ":"{TYP}","kid":"{kid}""#);
        assert_eq!(check(format!("{{{base}}}")), Reason::Ok);
        // Members we do not use are ignored; escapes are read as text.
        assert_eq!(
            check(format!(r#"{{{base},"x-note":[1,{{}}]}}"#)),
            Reason::Ok
        );
        let escaped_kid = kid.replacen(&kid[..1], &format!("\\u{:04x}", kid.as_bytes()[0]), 1);
        assert_eq!(
            check(format!(
                r#"{{"alg":"EdDSA","typ":"{TYP}","kid":"{escaped_kid}"}}"#
            )),
            Reason::Ok
        );
        // A key-bearing member refuses the token whatever its value.
        for member in ["jku", "x5u", "jwk", "x5c", "crit"] {
            for value in ["null", "\"x\"", "[]", "{}"] {
                assert_eq!(
                    check(format!(r#"{{{base},"{member}":{value}}}"#)),
                    Reason::Malformed,
                    "{member}: {value}"
                );
            }
        }
        // A member named twice, a missing or non-text algorithm or type.
        assert_eq!(
            check(format!(r#"{{{base},"alg":"none"}}"#)),
            Reason::Malformed
        );
        assert_eq!(
            check(format!(r#"{{"typ":"{TYP}","kid":"{kid}"}}"#)),
            Reason::Malformed
        );
        assert_eq!(
            check(format!(r#"{{"alg":7,"typ":"{TYP}","kid":"{kid}"}}"#)),
            Reason::Malformed
        );
        assert_eq!(
            check(format!(r#"{{"alg":"EdDSA","kid":"{kid}"}}"#)),
            Reason::Malformed
        );
        assert_eq!(
            check(format!(r#"{{"alg":"EdDSA","typ":"{TYP}"}}"#)),
            Reason::UnknownKey
        );
        assert_eq!(
            check(format!(r#"{{"alg":"EdDSA","typ":"{TYP}","kid":7}}"#)),
            Reason::Malformed
        );
        // Only an object is a header: not the same fields as an array.
        assert_eq!(
            check(format!(r#"["EdDSA","{TYP}","{kid}"]"#)),
            Reason::Malformed
        );
        assert_eq!(
            check(format!(
                r#" ["EdDSA","{TYP}","{kid}",false,false,false,false,false]"#
            )),
            Reason::Malformed
        );
        assert_eq!(check("[]".into()), Reason::Malformed);
        assert_eq!(check("{".into()), Reason::Malformed);
        // Bytes that are not UTF-8, even in a member nobody reads.
        let mut bytes = format!(r#"{{{base},"x":"??"}}"#).into_bytes();
        let at = bytes.len() - 4;
        bytes[at..at + 2].copy_from_slice(&[0xC3, 0x28]);
        assert_eq!(check_bytes(&bytes), Reason::Malformed);
    }

    #[test]
    fn reason_names_are_the_documented_ones() {
        assert_eq!(Reason::UnsupportedAlg.as_str(), "unsupported_alg");
        assert_eq!(
            serde_json::to_value(Reason::NumberMismatch).unwrap(),
            Value::from("number_mismatch")
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::keys::{self, MasterKey};
    use proptest::prelude::*;

    fn ring() -> Keyring {
        let master = MasterKey::from_bytes(&[3; 32]);
        Keyring::load(&[keys::generate(0, &master).unwrap()], &master).unwrap()
    }

    proptest! {
        /// Arbitrary text is never a valid token and never panics.
        #[test]
        fn arbitrary_text_is_refused(token in "\\PC{0,300}") {
            let ring = ring();
            let v = verify(&token, ring.verifying(), 1000, None);
            prop_assert_ne!(v.reason, Reason::Ok);
            prop_assert!(v.claims.is_none());
        }

        /// Three base64url parts of arbitrary bytes are refused too.
        #[test]
        fn arbitrary_parts_are_refused(h in proptest::collection::vec(any::<u8>(), 0..120),
                                       p in proptest::collection::vec(any::<u8>(), 0..200),
                                       s in proptest::collection::vec(any::<u8>(), 0..80)) {
            let ring = ring();
            let token = format!("{}.{}.{}", URL_SAFE_NO_PAD.encode(h), URL_SAFE_NO_PAD.encode(p), URL_SAFE_NO_PAD.encode(s));
            prop_assert_ne!(verify(&token, ring.verifying(), 1000, None).reason, Reason::Ok);
        }

        /// Flipping any one byte of a good token makes it invalid.
        #[test]
        fn any_single_change_breaks_a_token(index in any::<prop::sample::Index>(), replacement in "[A-Za-z0-9_.-]") {
            let ring = ring();
            let claims = Claims {
                iss: "bizseal".into(), sub: "+31206499123".into(), biz: "b_x".into(), nam: "KLM".into(),
                lvl: "A".into(), iat: 1000, nbf: 1000, exp: 2000, jti: "j".into(), evd: vec![],
                rcdi: BTreeMap::new(),
            };
            let token = sign(&ring, &claims);
            let i = index.index(token.len());
            let mut changed = token.clone().into_bytes();
            changed[i] = replacement.as_bytes()[0];
            let changed = String::from_utf8(changed).unwrap();
            prop_assume!(changed != token);
            prop_assert_ne!(verify(&changed, ring.verifying(), 1000, None).reason, Reason::Ok);
        }

        /// Batches of tokens, each possibly changed in one place (a
        /// signature byte flipped, another key's, another time), get
        /// exactly the verdicts one-by-one checks give.
        #[test]
        fn batched_verdicts_are_the_single_ones(
            changes in proptest::collection::vec((0u8..6, any::<prop::sample::Index>(), 0u8..8), 1..90),
        ) {
            let other = ring();
            let ring = ring();
            let tokens: Vec<String> = changes
                .iter()
                .enumerate()
                .map(|(n, (what, index, bit))| {
                    let claims = Claims {
                        iss: "bizseal".into(), sub: "+31206499123".into(), biz: "b_x".into(),
                        nam: format!("KLM {n}"), lvl: "A".into(), iat: 1000, nbf: 1000,
                        exp: if *what == 3 { 1100 } else { 2000 }, jti: format!("j{n}"), evd: vec![],
                        rcdi: BTreeMap::new(),
                    };
                    let token = sign(if *what == 2 { &other } else { &ring }, &claims);
                    match what {
                        1 => {
                            // One bit of the signature's bytes changed.
                            let (input, sig) = token.rsplit_once('.').unwrap();
                            let mut raw = URL_SAFE_NO_PAD.decode(sig).unwrap();
                            let i = index.index(raw.len());
                            raw[i] ^= 1 << bit;
                            format!("{input}.{}", URL_SAFE_NO_PAD.encode(raw))
                        }
                        4 => {
                            // A character anywhere replaced.
                            let mut b = token.into_bytes();
                            let i = index.index(b.len());
                            b[i] = if b[i] == b'A' { b'B' } else { b'A' };
                            String::from_utf8(b).unwrap()
                        }
                        _ => token,
                    }
                })
                .collect();
            let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
            let many = verify_unbound_many(&refs, ring.verifying(), 1500);
            prop_assert_eq!(many.len(), tokens.len());
            // The client core's JWS check agrees: a payload exactly for
            // the tokens whose signature held, the same refusal otherwise.
            let client = bizseal_client::jws::verify_many(&refs, TYP, |kid| ring.verifying().public(kid));
            for (c, v) in client.iter().zip(&many) {
                match c {
                    Ok(payload) => prop_assert_eq!(
                        Some(std::str::from_utf8(payload).unwrap()),
                        v.raw_claims.as_ref().map(|r| r.get())
                    ),
                    Err(e) => prop_assert_eq!(
                        v.reason,
                        match e {
                            bizseal_client::jws::JwsError::Malformed => Reason::Malformed,
                            bizseal_client::jws::JwsError::UnsupportedAlg => Reason::UnsupportedAlg,
                            bizseal_client::jws::JwsError::UnknownKey => Reason::UnknownKey,
                            bizseal_client::jws::JwsError::BadSignature => Reason::BadSignature,
                        }
                    ),
                }
            }
            for (t, v) in tokens.iter().zip(&many) {
                let one = verify_unbound(t, ring.verifying(), 1500);
                prop_assert_eq!(v.reason, one.reason);
                prop_assert_eq!(
                    v.raw_claims.as_ref().map(|r| r.get().to_owned()),
                    one.raw_claims.as_ref().map(|r| r.get().to_owned())
                );
            }
        }
    }
}
