//! The on-disk form of a stored answer's body (serde `with` module).
//!
//! Stored answers are what uniform lookups read; the part of them redb's
//! cache cannot hold is read again from the file on every miss, so their
//! size is lookup speed. A body is mostly the same
//! keys in every row and a token in base64 (4 characters for 3 bytes), so
//! it is packed before it is stored:
//!
//! - the token is cut out and kept as the bytes its three base64url parts
//!   stand for (its header and payload are JSON, which compresses; the
//!   signature is 64 raw bytes);
//! - the rest, with the token's JSON, is LZ4-compressed against a fixed
//!   dictionary of the keys every answer and every token carries, so a key
//!   costs a back-reference, and the number, business id and name the
//!   payload repeats from the body cost one each too.
//!
//! Unpacking is an LZ4 block decode and three base64 encodings: a stored
//! lookup costs more in process, the price of fitting more answers in the
//! cache (BENCHMARKS.md, "Source-comment figures").
//! Packing checks that unpacking gives the body back byte for byte and
//! stores the body as it is otherwise, so nothing depends on the body
//! having the shape this module expects. The first byte says which form a
//! row holds; a form, once written, is read by every later build: change
//! [`DICT_V1`] and rows packed with it decode to garbage, so a new
//! dictionary is a new tag beside this one (a test pins it).

use base64_simd::URL_SAFE_NO_PAD as B64;
use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

/// The body as it is.
const PLAIN: u8 = 0;
/// The body split around its token and LZ4-compressed with [`DICT_V1`].
const SPLIT_V1: u8 = 1;

/// Where an answer's token starts.
const TOKEN_AT: &str = "\"attestation\":\"";

/// A body longer than this does not unpack (a damaged row must not make
/// the reader allocate what its length field claims). Answers are ~1 KB.
const MAX_BODY: usize = 64 * 1024;

/// The dictionary of [`SPLIT_V1`]: what every answer body and every token's
/// header and payload have in common. Never edit it (see the module).
const DICT_V1: &[u8] = concat!(
    r#"{"alg":"EdDSA","kid":"","typ":"bizseal-attestation+jwt"}"#,
    r#"{"iss":"bizseal","sub":"+","biz":"b_01","nam":"","lvl":"A","lvl":"B","iat":17"#,
    r#","nbf":17,"exp":17,"jti":"01","evd":[{"method":"otp","at":17},"#,
    r#"{"method":"domain","at":17},{"method":"review","at":17},{"method":"import","at":17}]}"#,
    r#"{"number":"+","status":"verified","level":"A","level":"B","business":{"id":"b_01"#,
    r#"","display_name":"","legal_name":"","category":"","country":"","#,
    r#""website":"https://www.","logo_url":null,"logo_url":"https://"},"attestation":""#,
    r#"","revocation":null,"reputation":{"reports_30d":0}}"#
)
.as_bytes();

/// The lengths of a [`SPLIT_V1`] block's first four parts (text before
/// the token, text after it, the token's header, its payload), each a
/// little-endian u16, after the block's size (u32); the signature is the
/// rest of the block. Lengths, not separators: finding separators was
/// most of the cost of unpacking.
const PARTS: usize = 4;
const HEAD: usize = 1 + 4 + 2 * PARTS;

/// The stored form of `body`.
pub fn pack(body: &str) -> Vec<u8> {
    if let Some(packed) = split_v1(body) {
        if unpack(&packed).as_deref() == Some(body) {
            return packed;
        }
    }
    let mut out = Vec::with_capacity(1 + body.len());
    out.push(PLAIN);
    out.extend_from_slice(body.as_bytes());
    out
}

/// The body `stored` holds; `None` for bytes no build wrote.
pub fn unpack(stored: &[u8]) -> Option<String> {
    match stored.split_first()? {
        (&PLAIN, body) => String::from_utf8(body.to_vec()).ok(),
        (&SPLIT_V1, rest) => unsplit_v1(rest),
        // Rows written before bodies were packed: the JSON text itself.
        (b'{', _) => String::from_utf8(stored.to_vec()).ok(),
        _ => None,
    }
}

fn split_v1(body: &str) -> Option<Vec<u8>> {
    let start = body.find(TOKEN_AT)? + TOKEN_AT.len();
    let len = body[start..].find('"')?;
    let (before, rest) = body.split_at(start);
    let (token, after) = rest.split_at(len);
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let (h, p, sig) = (
        B64.decode_to_vec(h).ok()?,
        B64.decode_to_vec(p).ok()?,
        B64.decode_to_vec(s).ok()?,
    );
    let parts: [&[u8]; PARTS] = [before.as_bytes(), after.as_bytes(), &h, &p];
    let mut block = Vec::with_capacity(body.len());
    let mut out = vec![SPLIT_V1; HEAD];
    for (i, part) in parts.into_iter().enumerate() {
        let len = u16::try_from(part.len()).ok()?;
        out[5 + 2 * i..7 + 2 * i].copy_from_slice(&len.to_le_bytes());
        block.extend_from_slice(part);
    }
    block.extend_from_slice(&sig);
    let size = u32::try_from(block.len()).ok()?;
    out[1..5].copy_from_slice(&size.to_le_bytes());
    out.resize(
        HEAD + lz4_flex::block::get_maximum_output_size(block.len()),
        0,
    );
    let written =
        lz4_flex::block::compress_into_with_dict(&block, &mut out[HEAD..], DICT_V1).ok()?;
    out.truncate(HEAD + written);
    Some(out)
}

fn unsplit_v1(rest: &[u8]) -> Option<String> {
    let (size, rest) = rest.split_first_chunk::<4>()?;
    let (lens, compressed) = rest.split_first_chunk::<{ 2 * PARTS }>()?;
    let size = u32::from_le_bytes(*size) as usize;
    if size > MAX_BODY {
        return None;
    }
    let mut block = vec![0; size];
    let got = lz4_flex::block::decompress_into_with_dict(compressed, &mut block, DICT_V1).ok()?;
    if got != size {
        return None;
    }
    let mut parts = [&block[..0]; PARTS];
    let mut rest = &block[..];
    for (i, part) in parts.iter_mut().enumerate() {
        let len = u16::from_le_bytes([lens[2 * i], lens[2 * i + 1]]) as usize;
        (*part, rest) = rest.split_at_checked(len)?;
    }
    let [before, after, h, p] = parts;
    let s = rest;
    let len = before.len()
        + after.len()
        + 2
        + B64.encoded_length(h.len())
        + B64.encoded_length(p.len())
        + B64.encoded_length(s.len());
    let mut body = vec![0; len];
    let mut at = copy_at(&mut body, 0, before)?;
    at = encode_at(&mut body, at, h)?;
    at = copy_at(&mut body, at, b".")?;
    at = encode_at(&mut body, at, p)?;
    at = copy_at(&mut body, at, b".")?;
    at = encode_at(&mut body, at, s)?;
    copy_at(&mut body, at, after)?;
    String::from_utf8(body).ok()
}

/// Writes `bytes` in base64url into `out` at `at`; returns where they end.
/// The SIMD encoder: the `base64` crate's made a stored lookup slower
/// (BENCHMARKS.md, "Source-comment figures").
fn encode_at(out: &mut [u8], at: usize, bytes: &[u8]) -> Option<usize> {
    let end = at.checked_add(B64.encoded_length(bytes.len()))?;
    let _ = B64.encode(bytes, base64_simd::Out::from_slice(out.get_mut(at..end)?));
    Some(end)
}

/// Copies `bytes` into `out` at `at`; returns where they end.
fn copy_at(out: &mut [u8], at: usize, bytes: &[u8]) -> Option<usize> {
    let end = at.checked_add(bytes.len())?;
    out.get_mut(at..end)?.copy_from_slice(bytes);
    Some(end)
}

/// `#[serde(serialize_with)]`: the body packed, as bytes.
pub fn serialize<S: Serializer>(body: &str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_bytes(&pack(body))
}

/// `#[serde(deserialize_with)]`: the body unpacked. Bytes and text are the
/// same on the wire in bincode, so rows written before bodies were packed
/// (text) read too.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct Packed;
    impl Visitor<'_> for Packed {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a packed answer body")
        }
        fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<String, E> {
            unpack(v).ok_or_else(|| E::custom("answer body does not unpack"))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            self.visit_bytes(v.as_bytes())
        }
    }
    d.deserialize_bytes(Packed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An answer as `service::lookup::render` makes it (the token is a
    /// real one of the load generator's).
    const BODY: &str = r#"{"number":"+551122962964","status":"verified","level":"A","business":{"id":"b_01HF7YAT0084H7XPZYDZTWJYV6","display_name":"Oficina Pereira","legal_name":"Oficina Pereira Ltda.","category":"garage","country":"BR","website":"https://www.b0000000.example","logo_url":"https://logos.b0000000.example/logo.png"},"attestation":"eyJhbGciOiJFZERTQSIsImtpZCI6Imo3WC1MT2FzczlwU29hanVLTzVEdFlMWWpNZUVJSjV3SC1IbVU0dDBNTTAiLCJ0eXAiOiJiaXpzZWFsLWF0dGVzdGF0aW9uK2p3dCJ9.eyJpc3MiOiJiaXpzZWFsIiwic3ViIjoiKzU1MTEyMjk2Mjk2NCIsImJpeiI6ImJfMDFIRjdZQVQwMDg0SDdYUFpZRFpUV0pZVjYiLCJuYW0iOiJPZmljaW5hIFBlcmVpcmEiLCJsdmwiOiJBIiwiaWF0IjoxNzk2MTMzNTM3LCJuYmYiOjE3OTYxMzM1MzcsImV4cCI6MTc5ODcyNTUzNywianRpIjoiMDFNOFJZREhDUks1N1Q0TjY0VE1HUVg5MkQiLCJldmQiOlt7Im1ldGhvZCI6ImltcG9ydCIsImF0IjoxNzk2MTMzNTM3fV19.VIGnmslc0dVp8irhU7RhAfw22L_h4A2GXI8ws1bfYSRR0vV_4X-nOM8qfhFkIZydXXhcxciFjAk7GE_vdrLpCQ","revocation":null,"reputation":{"reports_30d":0}}"#;

    #[test]
    fn an_answer_packs_to_under_half_and_unpacks_to_itself() {
        let packed = pack(BODY);
        assert_eq!(packed[0], SPLIT_V1);
        assert!(
            packed.len() * 2 < BODY.len(),
            "{} bytes packed from {}",
            packed.len(),
            BODY.len()
        );
        assert_eq!(unpack(&packed).as_deref(), Some(BODY));
    }

    #[test]
    fn bodies_of_another_shape_are_stored_as_they_are() {
        for body in [
            r#"{"number":"+31206499123","status":"unknown"}"#,
            // A token that is not three base64url parts.
            r#"{"attestation":"a.b"}"#,
            r#"{"attestation":"a.b.c!"}"#,
            // base64url that does not round-trip (non-zero trailing bits).
            r#"{"attestation":"eyJ9.eyJ9.AB"}"#,
            // A NUL in the text (escaped in JSON, but the body is any text).
            "{\"attestation\":\"e30.e30.AA\",\"x\":\"\0\"}",
            "",
        ] {
            let packed = pack(body);
            assert_eq!(unpack(&packed).as_deref(), Some(body), "{body:?}");
        }
    }

    /// [`BODY`] as this build first packed it.
    const PACKED: &str = concat!(
        "0107030000410133006300f000081101cf3535313132323936323936341d01100f110102fe09484637594154",
        "30303834483758505a59445a54574a5956362901fc004f666963696e61205065726569726138010b1f006020",
        "4c7464612e3f01064d016067617261676514000553012f42525501062262300100702e6578616d706c38000f",
        "5501000013001d732c000117004f2e706e677401320f9d0303ff1c6a37582d4c4f6173733970536f616a754b",
        "4f354474594c596a4d6545494a3577482d486d553474304d4d30c803280be40106d4030fb9010802ec030b91",
        "0100b00101f103005f0403f1037639363133333533f9030611000301045139383732352200040904ff094d38",
        "5259444843524b353754344e3634544d4751583932442104010bd003045e00f0347d5d7d5481a79ac95cd1d5",
        "69f22ae153b46101fc36d8bfe1e00d865c8f30b356df612451d2f57fe17fa738cf2a7e1164219c9d5d785cc5",
        "c8858c093b184fef76b2e909",
    );

    /// Rows packed by an earlier build must read the same forever: this
    /// fails if [`DICT_V1`] or the layout of [`SPLIT_V1`] changes.
    #[test]
    fn rows_packed_by_earlier_builds_still_unpack() {
        let packed: Vec<u8> = (0..PACKED.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&PACKED[i..i + 2], 16).expect("hex"))
            .collect();
        assert_eq!(unpack(&packed).as_deref(), Some(BODY));
    }

    #[test]
    fn damaged_rows_are_refused_not_trusted() {
        let packed = pack(BODY);
        assert_eq!(unpack(&[]), None);
        assert_eq!(unpack(&[7, 1, 2]), None);
        // A size field far beyond any answer: refused before allocating.
        let mut huge = packed.clone();
        huge[1..5].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(unpack(&huge), None);
        // Part lengths beyond the block: refused.
        let mut long = packed.clone();
        long[5..7].copy_from_slice(&u16::MAX.to_le_bytes());
        assert_eq!(unpack(&long), None);
        // Cut short, or a wrong size: an error, not a panic.
        for cut in [1, 5, 20, packed.len() - 1] {
            let _ = unpack(&packed[..cut]);
        }
        let mut wrong = packed.clone();
        wrong[1..5].copy_from_slice(&10u32.to_le_bytes());
        assert_eq!(unpack(&wrong), None);
        // Every single-byte change unpacks to something or nothing, never panics.
        for i in 0..packed.len() {
            let mut bent = packed.clone();
            bent[i] ^= 0x5a;
            let _ = unpack(&bent);
        }
    }

    #[test]
    fn unpacked_text_rows_from_before_packing_read_as_they_are() {
        assert_eq!(unpack(BODY.as_bytes()).as_deref(), Some(BODY));
    }
}
