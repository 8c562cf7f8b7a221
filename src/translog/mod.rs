//! The public transparency log: every attestation issued and every
//! revocation, as an append-only RFC 6962 / RFC 9162 Merkle tree, so that
//! nobody, the operator included, can quietly give a badge to an impostor
//! or hide a revocation.
//!
//! - [`merkle`]: the tree math (hashes, roots, inclusion and consistency
//!   proofs, their verification); pure.
//! - [`entry`]: the canonical bytes of one entry, which is what is hashed.
//! - [`bundle`]: offline verification of a badge bundle (token, inclusion
//!   proof, signed tree head).
//! - this module: the wire shapes of the log API and the signed tree head
//!   (STH), a JWS over `{tree_size, timestamp, root_hash}` with the
//!   service's active key, checkable with the published JWKS.
//!
//! The tables live in `store::translog`; appends happen in
//! `service::attest`, inside the write transaction of the change they
//! record. Hashes travel as standard base64 with padding, as in RFC 6962's
//! JSON API; JWS parts stay base64url as RFC 7515 wants.

pub mod bundle;
pub mod entry;
/// The tree math lives in the client core, so that clients and this
/// server compute the same hashes and proofs with the same code.
pub use bizseal_client::merkle;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::keys::{Keyring, VerifyingKeys};
use crate::token::{self, Reason};
use entry::{Entry, EntryError, Kind};
use merkle::{Hash, ProofError};

/// The `typ` header of a signed tree head.
pub const STH_TYP: &str = "bizseal-sth+jwt";

/// The `typ` header of a signed lookup answer.
pub const STATUS_TYP: &str = "bizseal-status+jwt";

/// Why a tree head, a proof or a bundle does not hold up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogError {
    #[error("the signature does not verify: {}", .0.as_str())]
    Signature(Reason),
    #[error("{0} is not a base64 SHA-256 hash")]
    BadHash(&'static str),
    #[error("the signed fields differ from the plain ones: {0}")]
    Unsigned(&'static str),
    #[error(transparent)]
    Proof(#[from] ProofError),
    #[error("the entry does not decode: {0}")]
    Entry(#[from] EntryError),
    #[error("the entry does not match: {0}")]
    Mismatch(&'static str),
}

/// Standard base64 of a hash.
pub fn b64(hash: &[u8]) -> String {
    STANDARD.encode(hash)
}

/// A hash back from standard base64; `what` names it in the error.
pub fn parse_hash(text: &str, what: &'static str) -> Result<Hash, LogError> {
    STANDARD
        .decode(text)
        .ok()
        .and_then(|v| Hash::try_from(v.as_slice()).ok())
        .ok_or(LogError::BadHash(what))
}

/// The signed part of a tree head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SthPayload {
    pub tree_size: u64,
    /// Milliseconds since the Unix epoch, as RFC 6962's `timestamp`.
    pub timestamp: i64,
    pub root_hash: String,
}

/// A signed tree head, as `GET /v1/log/sth` answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[schema(as = SignedTreeHead)]
pub struct Sth {
    pub tree_size: u64,
    pub timestamp: i64,
    pub root_hash: String,
    /// JWS compact (`typ` [`STH_TYP`]) over the three fields above.
    pub signature: String,
}

impl Sth {
    /// Signs the head of a tree of `tree_size` leaves with root `root`.
    pub fn sign(keyring: &Keyring, tree_size: u64, timestamp: i64, root: &Hash) -> Sth {
        let payload = SthPayload {
            tree_size,
            timestamp,
            root_hash: b64(root),
        };
        let signature = token::sign_payload(keyring, STH_TYP, &payload);
        Sth {
            tree_size,
            timestamp,
            root_hash: payload.root_hash,
            signature,
        }
    }

    /// Checks the signature and that it covers exactly these fields;
    /// returns the root.
    pub fn verify(&self, keys: &VerifyingKeys) -> Result<Hash, LogError> {
        let raw =
            token::verify_payload(&self.signature, keys, STH_TYP).map_err(LogError::Signature)?;
        let signed: SthPayload =
            serde_json::from_value(raw).map_err(|_| LogError::Signature(Reason::Malformed))?;
        if signed.tree_size != self.tree_size {
            return Err(LogError::Unsigned("tree_size"));
        }
        if signed.timestamp != self.timestamp {
            return Err(LogError::Unsigned("timestamp"));
        }
        if signed.root_hash != self.root_hash {
            return Err(LogError::Unsigned("root_hash"));
        }
        parse_hash(&self.root_hash, "root_hash")
    }

    /// The root hash, decoded (unverified).
    pub fn root(&self) -> Result<Hash, LogError> {
        parse_hash(&self.root_hash, "root_hash")
    }
}

/// An inclusion proof, as `GET /v1/log/proof` answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct InclusionProof {
    pub leaf_index: u64,
    pub tree_size: u64,
    pub leaf_hash: String,
    /// Standard base64 of the entry bytes, so the leaf hash can be
    /// recomputed and the entry read.
    pub leaf: String,
    pub audit_path: Vec<String>,
}

impl InclusionProof {
    /// Builds the wire form from raw parts.
    pub fn new(leaf_index: u64, tree_size: u64, leaf: &[u8], path: &[Hash]) -> InclusionProof {
        InclusionProof {
            leaf_index,
            tree_size,
            leaf_hash: b64(&merkle::leaf_hash(leaf)),
            leaf: STANDARD.encode(leaf),
            audit_path: path.iter().map(|h| b64(h)).collect(),
        }
    }

    /// Checks the proof against `root` and returns the entry it proves.
    /// The leaf hash is recomputed from the entry bytes, never trusted.
    pub fn verify(&self, root: &Hash) -> Result<Entry, LogError> {
        let leaf = STANDARD
            .decode(&self.leaf)
            .map_err(|_| LogError::BadHash("leaf"))?;
        let hash = merkle::leaf_hash(&leaf);
        if b64(&hash) != self.leaf_hash {
            return Err(LogError::Mismatch("leaf_hash is not the hash of leaf"));
        }
        let path = parse_hashes(&self.audit_path, "audit_path")?;
        merkle::verify_inclusion(self.leaf_index, self.tree_size, &hash, &path, root)?;
        Ok(Entry::decode(&leaf)?)
    }
}

/// A consistency proof, as `GET /v1/log/consistency` answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ConsistencyProof {
    pub first: u64,
    pub second: u64,
    pub proof: Vec<String>,
}

impl ConsistencyProof {
    /// Checks that the tree of `first` leaves with `first_root` is a prefix
    /// of the tree of `second` leaves with `second_root`.
    pub fn verify(&self, first_root: &Hash, second_root: &Hash) -> Result<(), LogError> {
        let proof = parse_hashes(&self.proof, "proof")?;
        merkle::verify_consistency(self.first, self.second, first_root, second_root, &proof)?;
        Ok(())
    }
}

/// Decodes a list of base64 hashes.
pub fn parse_hashes(list: &[String], what: &'static str) -> Result<Vec<Hash>, LogError> {
    list.iter().map(|h| parse_hash(h, what)).collect()
}

/// One entry as `GET /v1/log/entries` lists it: the exact bytes and, for
/// convenience, what they say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[schema(as = LogEntry)]
pub struct EntryView {
    pub index: u64,
    /// Standard base64 of the exact bytes hashed into the leaf.
    pub leaf: String,
    pub kind: Kind,
    pub serial: String,
    pub number: String,
    pub business: String,
    pub level: String,
    pub name: String,
    pub at: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_sha256: Option<String>,
}

impl EntryView {
    /// The view of stored entry bytes.
    pub fn new(index: u64, bytes: &[u8]) -> Result<EntryView, EntryError> {
        let e = Entry::decode(bytes)?;
        Ok(EntryView {
            index,
            leaf: STANDARD.encode(bytes),
            kind: e.kind,
            serial: e.serial,
            number: e.number,
            business: e.business,
            level: e.level.as_str().to_owned(),
            name: e.name,
            at: e.at,
            token_sha256: e.token_sha256.map(|h| b64(&h)),
        })
    }

    /// The entry the leaf bytes encode, checked against the plain fields a
    /// server sent beside them (a monitor trusts only the bytes).
    pub fn entry(&self) -> Result<(Vec<u8>, Entry), LogError> {
        let bytes = STANDARD
            .decode(&self.leaf)
            .map_err(|_| LogError::BadHash("leaf"))?;
        let again = EntryView::new(self.index, &bytes)?;
        if &again != self {
            return Err(LogError::Mismatch(
                "the plain fields differ from the leaf bytes",
            ));
        }
        let entry = Entry::decode(&bytes)?;
        Ok((bytes, entry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys;

    fn ring() -> Keyring {
        {
            let master = keys::MasterKey::from_bytes(&[7; 32]);
            Keyring::load(&[keys::generate(0, &master).unwrap()], &master).unwrap()
        }
    }

    #[test]
    fn a_signed_tree_head_verifies_and_any_change_is_caught() {
        let ring = ring();
        let root = merkle::leaf_hash(b"x");
        let sth = Sth::sign(&ring, 1, 1_700_000_000_000, &root);
        assert_eq!(sth.verify(ring.verifying()), Ok(root));
        let header: serde_json::Value = serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(sth.signature.split('.').next().unwrap())
                .unwrap(),
        )
        .unwrap();
        assert_eq!(header["typ"], STH_TYP);
        assert_eq!(header["alg"], "EdDSA");

        let mut bigger = sth.clone();
        bigger.tree_size = 2;
        assert_eq!(
            bigger.verify(ring.verifying()),
            Err(LogError::Unsigned("tree_size"))
        );
        let mut other_root = sth.clone();
        other_root.root_hash = b64(&merkle::empty_root());
        assert_eq!(
            other_root.verify(ring.verifying()),
            Err(LogError::Unsigned("root_hash"))
        );
        let foreign = Sth::sign(&self::ring(), 1, sth.timestamp, &root);
        assert_eq!(
            foreign.verify(ring.verifying()),
            Err(LogError::Signature(Reason::UnknownKey))
        );
        // An attestation-typed JWS is not a tree head, even with our key.
        let mut retyped = sth.clone();
        retyped.signature = token::sign_payload(
            &ring,
            token::TYP,
            &SthPayload {
                tree_size: 1,
                timestamp: sth.timestamp,
                root_hash: sth.root_hash.clone(),
            },
        );
        assert_eq!(
            retyped.verify(ring.verifying()),
            Err(LogError::Signature(Reason::Malformed))
        );
    }

    #[test]
    fn inclusion_proofs_recompute_the_leaf_hash() {
        let mut tree = merkle::MemoryTree::new();
        let entry = Entry {
            kind: Kind::Revoked,
            at: 5,
            level: crate::model::Level::A,
            serial: "S".into(),
            number: "+31206499123".into(),
            business: "b".into(),
            name: "KLM".into(),
            token_sha256: None,
        };
        let bytes = entry.encode().unwrap();
        tree.push(b"before");
        tree.push(&bytes);
        tree.push(b"after");
        let path = tree.inclusion_proof(1, 3).unwrap();
        let proof = InclusionProof::new(1, 3, &bytes, &path);
        assert_eq!(proof.verify(&tree.root()), Ok(entry));
        let mut lying = proof.clone();
        lying.leaf_hash = b64(&merkle::leaf_hash(b"before"));
        assert!(matches!(
            lying.verify(&tree.root()),
            Err(LogError::Mismatch(_))
        ));
        let mut swapped = InclusionProof::new(1, 3, b"before", &path);
        assert!(swapped.verify(&tree.root()).is_err());
        swapped.audit_path[0] = "not base64!".into();
        assert_eq!(
            swapped.verify(&tree.root()),
            Err(LogError::BadHash("audit_path"))
        );
    }

    #[test]
    fn entry_views_must_say_what_their_bytes_say() {
        let entry = Entry {
            kind: Kind::Issued,
            at: 5,
            level: crate::model::Level::B,
            serial: "S".into(),
            number: "+31206499123".into(),
            business: "b".into(),
            name: "KLM".into(),
            token_sha256: Some([1; 32]),
        };
        let view = EntryView::new(3, &entry.encode().unwrap()).unwrap();
        assert_eq!(view.kind, Kind::Issued);
        assert_eq!(view.entry().unwrap().1, entry);
        let mut lying = view.clone();
        lying.name = "K L M".into();
        assert!(matches!(lying.entry(), Err(LogError::Mismatch(_))));
    }
}
