//! C2SP signed notes (<https://c2sp.org/signed-note>): a text, a blank
//! line, and signature lines `— <key name> base64(key ID ‖ signature)`;
//! and their verifier keys (`<name>+<hex key ID>+base64(type ‖ key)`).
//!
//! Two signature types are understood: Ed25519 over the text (type
//! `0x01`, what a log signs its checkpoints with) and the timestamped
//! Ed25519 witness cosignature of <https://c2sp.org/tlog-cosignature>
//! (type `0x04`). Signatures by keys the caller did not name are ignored,
//! as the spec says, so a note may carry any number of cosignatures this
//! client does not trust.

use std::fmt;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::batch;

/// Signature type of a plain Ed25519 note signature.
pub const ED25519: u8 = 0x01;
/// Signature type of a timestamped Ed25519 witness cosignature.
pub const COSIGNATURE_V1: u8 = 0x04;

/// The em dash and space that open a signature line.
const SIG_PREFIX: &str = "\u{2014} ";

/// Past this many signature lines a note is refused (the spec asks
/// verifiers to take at least 16; Go's sumdb/note stops at 100).
pub const MAX_SIGNATURES: usize = 100;

/// Why a note, a key or a signature is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    #[error("the note is not valid UTF-8")]
    Utf8,
    #[error("the note holds a control character other than newline")]
    Control,
    #[error("the note has no text, blank line and signature lines")]
    Shape,
    #[error("signature line {0} is malformed")]
    SignatureLine(usize),
    #[error("the note has more than {MAX_SIGNATURES} signatures")]
    TooManySignatures,
    #[error("not a verifier key (name+hexid+base64): {0}")]
    BadKey(&'static str),
    #[error("key name {0:?} is empty or holds a space or '+'")]
    BadName(String),
    #[error("the signature by {0} does not verify")]
    BadSignature(String),
    #[error("no signature by a trusted key")]
    Unverified,
}

/// The key ID of signed-note: the first four bytes of
/// `SHA-256(name ‖ 0x0A ‖ type ‖ public key)`.
pub fn key_id(name: &str, kind: u8, public: &[u8]) -> [u8; 4] {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update([b'\n', kind]);
    h.update(public);
    let digest = h.finalize();
    [digest[0], digest[1], digest[2], digest[3]]
}

/// Whether `name` may name a key: non-empty, no Unicode space, no `+`.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && !name
            .chars()
            .any(|c| c.is_whitespace() || c == '+' || c.is_control())
}

/// A verifier key: a key name, a signature type and an Ed25519 public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vkey {
    name: String,
    kind: u8,
    id: [u8; 4],
    public: [u8; 32],
}

impl Vkey {
    /// The key of `kind` ([`ED25519`] or [`COSIGNATURE_V1`]) named `name`.
    pub fn new(name: &str, kind: u8, public: [u8; 32]) -> Result<Vkey, NoteError> {
        if !valid_name(name) {
            return Err(NoteError::BadName(name.to_owned()));
        }
        if kind != ED25519 && kind != COSIGNATURE_V1 {
            return Err(NoteError::BadKey("unknown signature type"));
        }
        Ok(Vkey {
            name: name.to_owned(),
            kind,
            id: key_id(name, kind, &public),
            public,
        })
    }

    /// Reads `<name>+<8 hex digits>+<base64(type ‖ key)>`; the key ID must
    /// be the one the name and key give.
    pub fn parse(text: &str) -> Result<Vkey, NoteError> {
        let text = text.trim();
        // The name holds no '+'; the base64 may.
        let (name, rest) = text.split_once('+').ok_or(NoteError::BadKey("no '+'"))?;
        let (hex, b64) = rest.split_once('+').ok_or(NoteError::BadKey("no key"))?;
        if hex.len() != 8 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(NoteError::BadKey("the key ID is not 8 hex digits"));
        }
        let id = u32::from_str_radix(hex, 16)
            .map_err(|_| NoteError::BadKey("the key ID is not 8 hex digits"))?
            .to_be_bytes();
        let raw = STANDARD
            .decode(b64)
            .map_err(|_| NoteError::BadKey("the key is not base64"))?;
        let (&kind, public) = raw.split_first().ok_or(NoteError::BadKey("empty key"))?;
        let public: [u8; 32] = public
            .try_into()
            .map_err(|_| NoteError::BadKey("an Ed25519 key is 32 bytes"))?;
        let key = Vkey::new(name, kind, public)?;
        if key.id != id {
            return Err(NoteError::BadKey(
                "the key ID is not the hash of name and key",
            ));
        }
        Ok(key)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn kind(&self) -> u8 {
        self.kind
    }

    pub fn id(&self) -> [u8; 4] {
        self.id
    }

    pub fn public(&self) -> &[u8; 32] {
        &self.public
    }

    /// Whether a signature line is this key's (name and ID both match).
    fn signed(&self, sig: &Signature) -> bool {
        sig.name == self.name && sig.id == self.id
    }
}

impl fmt::Display for Vkey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut raw = Vec::with_capacity(33);
        raw.push(self.kind);
        raw.extend_from_slice(&self.public);
        write!(
            f,
            "{}+{:08x}+{}",
            self.name,
            u32::from_be_bytes(self.id),
            STANDARD.encode(raw)
        )
    }
}

/// One signature line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub name: String,
    pub id: [u8; 4],
    /// The bytes after the key ID.
    pub bytes: Vec<u8>,
}

impl Signature {
    /// The line, newline included.
    pub fn line(&self) -> String {
        let mut raw = Vec::with_capacity(4 + self.bytes.len());
        raw.extend_from_slice(&self.id);
        raw.extend_from_slice(&self.bytes);
        format!("{SIG_PREFIX}{} {}\n", self.name, STANDARD.encode(raw))
    }
}

/// A note: its text (ending in a newline) and its signatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub text: String,
    pub signatures: Vec<Signature>,
}

/// A signature that verified, by whom and, for a cosignature, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub key: Vkey,
    /// The cosignature's POSIX time; `None` for a plain signature.
    pub timestamp: Option<u64>,
}

impl Note {
    /// Reads a signed note. The text is everything up to the last blank
    /// line; every line after it must be a signature line.
    pub fn parse(bytes: &[u8]) -> Result<Note, NoteError> {
        let s = std::str::from_utf8(bytes).map_err(|_| NoteError::Utf8)?;
        if s.chars().any(|c| c < ' ' && c != '\n') {
            return Err(NoteError::Control);
        }
        let split = s.rfind("\n\n").ok_or(NoteError::Shape)?;
        let (text, sigs) = (&s[..split + 1], &s[split + 2..]);
        if sigs.is_empty() || !sigs.ends_with('\n') {
            return Err(NoteError::Shape);
        }
        let mut signatures = Vec::new();
        for (n, line) in sigs[..sigs.len() - 1].split('\n').enumerate() {
            if signatures.len() == MAX_SIGNATURES {
                return Err(NoteError::TooManySignatures);
            }
            let bad = || NoteError::SignatureLine(n + 1);
            let rest = line.strip_prefix(SIG_PREFIX).ok_or_else(bad)?;
            let (name, b64) = rest.split_once(' ').ok_or_else(bad)?;
            if !valid_name(name) {
                return Err(bad());
            }
            let raw = STANDARD.decode(b64).map_err(|_| bad())?;
            if raw.len() < 5 {
                return Err(bad());
            }
            signatures.push(Signature {
                name: name.to_owned(),
                id: [raw[0], raw[1], raw[2], raw[3]],
                bytes: raw[4..].to_vec(),
            });
        }
        Ok(Note {
            text: text.to_owned(),
            signatures,
        })
    }

    /// The note as bytes: text, blank line, signature lines.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.text.clone();
        out.push('\n');
        for sig in &self.signatures {
            out.push_str(&sig.line());
        }
        out.into_bytes()
    }

    /// Checks the note against trusted keys, as the spec says: signatures
    /// by other keys are ignored; a signature by a trusted key that fails
    /// rejects the whole note; at least one must verify. Returns the
    /// signatures that verified, one per key: a key's line copied again is
    /// checked but not counted twice, so one witness's cosignature repeated
    /// never counts as several witnesses.
    pub fn verify(&self, trusted: &[Vkey]) -> Result<Vec<Verified>, NoteError> {
        let mut verified: Vec<Verified> = Vec::new();
        for sig in &self.signatures {
            let Some(key) = trusted.iter().find(|k| k.signed(sig)) else {
                continue;
            };
            let timestamp = check(key, &self.text, &sig.bytes)
                .ok_or_else(|| NoteError::BadSignature(key.name.clone()))?;
            if verified.iter().any(|v| &v.key == key) {
                continue;
            }
            verified.push(Verified {
                key: key.clone(),
                timestamp,
            });
        }
        if verified.is_empty() {
            return Err(NoteError::Unverified);
        }
        Ok(verified)
    }
}

/// The message a cosignature v1 signs: two header lines, then the text.
pub fn cosigned_message(timestamp: u64, text: &str) -> Vec<u8> {
    format!("cosignature/v1\ntime {timestamp}\n{text}").into_bytes()
}

/// Checks one signature by `key`; `Some(timestamp)` when it verifies.
fn check(key: &Vkey, text: &str, bytes: &[u8]) -> Option<Option<u64>> {
    match key.kind {
        ED25519 => batch::verify_one(&key.public, text.as_bytes(), bytes).then_some(None),
        COSIGNATURE_V1 => {
            let (time, sig) = bytes.split_at_checked(8)?;
            let timestamp = u64::from_be_bytes(time.try_into().ok()?);
            if timestamp > i64::MAX as u64 {
                return None;
            }
            batch::verify_one(&key.public, &cosigned_message(timestamp, text), sig)
                .then_some(Some(timestamp))
        }
        _ => None,
    }
}

/// Signs `text` as `key` (type [`ED25519`]) with an external signer (the
/// server's keyring, which keeps its private key to itself): the line
/// to add to the note.
pub fn sign(key: &Vkey, text: &str, signer: impl FnOnce(&[u8]) -> Vec<u8>) -> Signature {
    Signature {
        name: key.name.clone(),
        id: key.id,
        bytes: signer(text.as_bytes()),
    }
}

/// Cosigns `text` as witness `key` (type [`COSIGNATURE_V1`]) at
/// `timestamp`.
pub fn cosign(
    key: &Vkey,
    text: &str,
    timestamp: u64,
    signer: impl FnOnce(&[u8]) -> Vec<u8>,
) -> Signature {
    let mut bytes = timestamp.to_be_bytes().to_vec();
    bytes.extend(signer(&cosigned_message(timestamp, text)));
    Signature {
        name: key.name.clone(),
        id: key.id,
        bytes,
    }
}

#[cfg(test)]
#[path = "note_tests.rs"]
mod tests;
