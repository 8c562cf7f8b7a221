//! The bytes of one log entry: what is hashed into the tree, so their
//! encoding is part of the public contract and never changes silently.
//!
//! An entry is a length-prefixed binary record (in the manner of RFC 6962's
//! `MerkleTreeLeaf`), integers big-endian:
//!
//! ```text
//! entry  = version:u8 (= 1)
//!          kind:u8    (0 = issued, 1 = revoked)
//!          at:i64     (seconds since the Unix epoch: issue or revocation time)
//!          level:u8   (b'A' or b'B')
//!          serial:str number:str business:str name:str
//!          token_sha256:[u8; 32]   (issued only: SHA-256 of the JWS compact token)
//! str    = len:u16 ‖ UTF-8 bytes
//! ```
//!
//! `name` is the display name the token carries (`nam`), so a monitor can
//! look for confusable names from the log alone. There is exactly one
//! encoding of each entry: [`Entry::decode`] refuses another version,
//! unknown kinds and levels, invalid UTF-8 and trailing bytes, so decoding
//! and re-encoding gives back the same bytes.

use serde::{Deserialize, Serialize};

use super::merkle::Hash;
use crate::model::{Attestation, Level};

/// The version byte this build writes and reads.
pub const VERSION: u8 = 1;

/// What an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
#[schema(as = LogEntryKind)]
pub enum Kind {
    /// An attestation token was signed.
    Issued,
    /// An attestation was withdrawn.
    Revoked,
}

impl Kind {
    fn code(self) -> u8 {
        match self {
            Kind::Issued => 0,
            Kind::Revoked => 1,
        }
    }
}

/// One fact of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub at: i64,
    pub level: Level,
    pub serial: String,
    pub number: String,
    pub business: String,
    pub name: String,
    /// SHA-256 of the token; `Some` exactly for [`Kind::Issued`].
    pub token_sha256: Option<Hash>,
}

/// Why bytes are not an entry, or an entry cannot be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    #[error("entry version {0} is not {VERSION}")]
    Version(u8),
    #[error("the entry ends early")]
    Truncated,
    #[error("unknown entry kind {0}")]
    Kind(u8),
    #[error("unknown level {0}")]
    Level(u8),
    #[error("a text field is not UTF-8")]
    Utf8,
    #[error("{0} trailing bytes after the entry")]
    Trailing(usize),
    #[error("a text field is longer than 65535 bytes")]
    TooLong,
    #[error("an issued entry needs the token hash, a revoked one must not have it")]
    TokenHash,
}

impl Entry {
    /// The entry for a freshly signed attestation.
    pub fn issued(a: &Attestation) -> Entry {
        let digest = ring::digest::digest(&ring::digest::SHA256, a.token.as_bytes());
        let mut hash = [0u8; 32];
        hash.copy_from_slice(digest.as_ref());
        Entry {
            kind: Kind::Issued,
            token_sha256: Some(hash),
            ..Entry::facts(a, a.issued_at)
        }
    }

    /// The entry for the revocation of an attestation at `at`.
    pub fn revoked(a: &Attestation, at: i64) -> Entry {
        Entry {
            kind: Kind::Revoked,
            token_sha256: None,
            ..Entry::facts(a, at)
        }
    }

    fn facts(a: &Attestation, at: i64) -> Entry {
        Entry {
            kind: Kind::Issued,
            at,
            level: a.level,
            serial: a.serial.clone(),
            number: a.number.clone(),
            business: a.business.as_str().to_owned(),
            name: a.name.clone(),
            token_sha256: None,
        }
    }

    /// The canonical bytes (see the module doc).
    pub fn encode(&self) -> Result<Vec<u8>, EntryError> {
        if self.token_sha256.is_some() != (self.kind == Kind::Issued) {
            return Err(EntryError::TokenHash);
        }
        let text = self.serial.len() + self.number.len() + self.business.len() + self.name.len();
        let mut out = Vec::with_capacity(11 + 8 + text + 32);
        out.push(VERSION);
        out.push(self.kind.code());
        out.extend_from_slice(&self.at.to_be_bytes());
        out.push(self.level.as_str().as_bytes()[0]);
        for field in [&self.serial, &self.number, &self.business, &self.name] {
            let len = u16::try_from(field.len()).map_err(|_| EntryError::TooLong)?;
            out.extend_from_slice(&len.to_be_bytes());
            out.extend_from_slice(field.as_bytes());
        }
        if let Some(hash) = &self.token_sha256 {
            out.extend_from_slice(hash);
        }
        Ok(out)
    }

    /// Reads canonical bytes back, refusing anything else.
    pub fn decode(bytes: &[u8]) -> Result<Entry, EntryError> {
        let mut r = Cursor(bytes);
        let version = r.byte()?;
        if version != VERSION {
            return Err(EntryError::Version(version));
        }
        let kind = match r.byte()? {
            0 => Kind::Issued,
            1 => Kind::Revoked,
            other => return Err(EntryError::Kind(other)),
        };
        let at = i64::from_be_bytes(r.array::<8>()?);
        let level = match r.byte()? {
            b'A' => Level::A,
            b'B' => Level::B,
            other => return Err(EntryError::Level(other)),
        };
        let serial = r.text()?;
        let number = r.text()?;
        let business = r.text()?;
        let name = r.text()?;
        let token_sha256 = match kind {
            Kind::Issued => Some(r.array::<32>()?),
            Kind::Revoked => None,
        };
        if !r.0.is_empty() {
            return Err(EntryError::Trailing(r.0.len()));
        }
        Ok(Entry {
            kind,
            at,
            level,
            serial,
            number,
            business,
            name,
            token_sha256,
        })
    }
}

struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], EntryError> {
        if self.0.len() < n {
            return Err(EntryError::Truncated);
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Ok(head)
    }

    fn byte(&mut self) -> Result<u8, EntryError> {
        Ok(self.take(1)?[0])
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], EntryError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn text(&mut self) -> Result<String, EntryError> {
        let len = u16::from_be_bytes(self.array::<2>()?);
        let bytes = self.take(usize::from(len))?;
        String::from_utf8(bytes.to_vec()).map_err(|_| EntryError::Utf8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issued() -> Entry {
        Entry {
            kind: Kind::Issued,
            at: 1_700_000_000,
            level: Level::A,
            serial: "01JD7Z3K8Q0000000000000001".into(),
            number: "+31206499123".into(),
            business: "b_01JD7Z3K8QRR1FVQ1Q2JVZPGQT".into(),
            name: "KLM".into(),
            token_sha256: Some([7; 32]),
        }
    }

    #[test]
    fn the_encoding_is_the_documented_layout() {
        let bytes = issued().encode().unwrap();
        assert_eq!(&bytes[..2], &[VERSION, 0]);
        assert_eq!(&bytes[2..10], &1_700_000_000i64.to_be_bytes());
        assert_eq!(bytes[10], b'A');
        assert_eq!(&bytes[11..13], &[0, 26]);
        assert_eq!(&bytes[13..39], b"01JD7Z3K8Q0000000000000001");
        assert_eq!(&bytes[bytes.len() - 32..], &[7; 32]);
        assert_eq!(
            bytes.len(),
            11 + (2 + 26) + (2 + 12) + (2 + 28) + (2 + 3) + 32
        );
    }

    #[test]
    fn entries_round_trip_byte_for_byte() {
        let revoked = Entry {
            kind: Kind::Revoked,
            level: Level::B,
            at: -5,
            name: "Telefónica".into(),
            token_sha256: None,
            ..issued()
        };
        for e in [issued(), revoked] {
            let bytes = e.encode().unwrap();
            let back = Entry::decode(&bytes).unwrap();
            assert_eq!(back, e);
            assert_eq!(back.encode().unwrap(), bytes);
        }
    }

    #[test]
    fn every_truncation_and_extension_is_refused() {
        let bytes = issued().encode().unwrap();
        for cut in 0..bytes.len() {
            assert!(Entry::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(Entry::decode(&longer), Err(EntryError::Trailing(1)));
        let mut other = bytes.clone();
        other[0] = 2;
        assert_eq!(Entry::decode(&other), Err(EntryError::Version(2)));
        other = bytes.clone();
        other[1] = 9;
        assert_eq!(Entry::decode(&other), Err(EntryError::Kind(9)));
        other = bytes.clone();
        other[10] = b'C';
        assert_eq!(Entry::decode(&other), Err(EntryError::Level(b'C')));
        other = bytes;
        other[13] = 0xFF;
        assert_eq!(Entry::decode(&other), Err(EntryError::Utf8));
    }

    #[test]
    fn a_token_hash_goes_with_issued_entries_only() {
        let mut e = issued();
        e.token_sha256 = None;
        assert_eq!(e.encode(), Err(EntryError::TokenHash));
        e.kind = Kind::Revoked;
        e.token_sha256 = Some([0; 32]);
        assert_eq!(e.encode(), Err(EntryError::TokenHash));
        e.name = "x".repeat(70_000);
        e.token_sha256 = None;
        assert_eq!(e.encode(), Err(EntryError::TooLong));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any entry round-trips byte for byte.
        #[test]
        fn any_entry_round_trips(
            revoked in any::<bool>(),
            at in any::<i64>(),
            b in any::<bool>(),
            serial in "\\PC{0,40}",
            number in "\\PC{0,20}",
            business in "\\PC{0,40}",
            name in "\\PC{0,60}",
            hash in any::<[u8; 32]>(),
        ) {
            let e = Entry {
                kind: if revoked { Kind::Revoked } else { Kind::Issued },
                at,
                level: if b { Level::B } else { Level::A },
                serial, number, business, name,
                token_sha256: (!revoked).then_some(hash),
            };
            let bytes = e.encode().unwrap();
            prop_assert_eq!(Entry::decode(&bytes).unwrap(), e);
        }

        /// Arbitrary bytes never panic the decoder, and whatever decodes
        /// encodes back to exactly those bytes (one encoding per entry).
        #[test]
        fn arbitrary_bytes_decode_to_nothing_or_to_themselves(
            bytes in proptest::collection::vec(any::<u8>(), 0..200),
        ) {
            if let Ok(e) = Entry::decode(&bytes) {
                prop_assert_eq!(e.encode().unwrap(), bytes);
            }
        }
    }
}
