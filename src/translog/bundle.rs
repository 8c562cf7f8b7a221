//! The offline badge bundle: an attestation token, the proof that the log
//! holds the entry of its issue, and a signed tree head for that log, so a
//! client checks all three with the JWKS alone, with no further call and
//! without trusting whoever relayed them.

use serde::{Deserialize, Serialize};

use super::entry::Kind;
use super::{InclusionProof, LogError, Sth};
use crate::keys::VerifyingKeys;
use crate::token::{self, Claims, Reason};

/// What `?bundle=1` adds to a lookup answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Bundle {
    pub token: String,
    pub proof: InclusionProof,
    pub sth: Sth,
}

/// Why a bundle is not to be believed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    #[error("the token is not valid: {}", .0.as_str())]
    Token(Reason),
    #[error("the tree head: {0}")]
    Sth(LogError),
    #[error("the inclusion proof: {0}")]
    Proof(LogError),
    #[error("the proof is for a tree of {proof} leaves, the tree head for {sth}")]
    SizeMismatch { proof: u64, sth: u64 },
    #[error("the logged entry does not match the token: {0}")]
    EntryMismatch(&'static str),
}

/// What a verified bundle established.
#[derive(Debug, Clone)]
pub struct Verified {
    pub claims: Claims,
    pub leaf_index: u64,
    pub tree_size: u64,
    /// The tree head's time, milliseconds since the Unix epoch.
    pub sth_timestamp: i64,
}

/// Checks a bundle offline: the token (signature, time, and `number` if
/// given), the tree head's signature, the inclusion proof against the tree
/// head's root, and that the proven entry is the issue of exactly this
/// token. Revocation needs the log's later entries or the server: a bundle
/// proves that the badge was issued in public, not that it still stands.
pub fn verify(
    bundle: &Bundle,
    keys: &VerifyingKeys,
    now: i64,
    number: Option<&str>,
) -> Result<Verified, BundleError> {
    let verdict = token::verify(&bundle.token, keys, now, number);
    let claims = match (verdict.reason, verdict.claims) {
        (Reason::Ok, Some(c)) => c,
        (reason, _) => return Err(BundleError::Token(reason)),
    };
    let root = bundle.sth.verify(keys).map_err(BundleError::Sth)?;
    if bundle.proof.tree_size != bundle.sth.tree_size {
        return Err(BundleError::SizeMismatch {
            proof: bundle.proof.tree_size,
            sth: bundle.sth.tree_size,
        });
    }
    let entry = bundle.proof.verify(&root).map_err(BundleError::Proof)?;
    let token_hash = ring::digest::digest(&ring::digest::SHA256, bundle.token.as_bytes());
    let checks: [(bool, &'static str); 7] = [
        (entry.kind == Kind::Issued, "kind"),
        (
            entry.token_sha256.as_ref().map(|h| h.as_slice()) == Some(token_hash.as_ref()),
            "token hash",
        ),
        (entry.serial == claims.jti, "serial"),
        (entry.number == claims.sub, "number"),
        (entry.business == claims.biz, "business"),
        (entry.level.as_str() == claims.lvl, "level"),
        (entry.name == claims.nam, "name"),
    ];
    if let Some((_, what)) = checks.iter().find(|(ok, _)| !ok) {
        return Err(BundleError::EntryMismatch(what));
    }
    Ok(Verified {
        leaf_index: bundle.proof.leaf_index,
        tree_size: bundle.proof.tree_size,
        sth_timestamp: bundle.sth.timestamp,
        claims,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{self, Keyring};
    use crate::model::{Attestation, BusinessId, Level};
    use crate::translog::entry::Entry;
    use crate::translog::merkle::MemoryTree;

    struct Fixture {
        ring: Keyring,
        bundle: Bundle,
    }

    fn fixture() -> Fixture {
        let ring = {
            let master = keys::MasterKey::from_bytes(&[7; 32]);
            Keyring::load(&[keys::generate(0, &master).unwrap()], &master).unwrap()
        };
        let claims = Claims {
            iss: "bizseal".into(),
            sub: "+31206499123".into(),
            biz: "b_01JD7Z3K8QRR1FVQ1Q2JVZPGQT".into(),
            nam: "KLM".into(),
            lvl: "A".into(),
            iat: 1000,
            nbf: 1000,
            exp: 2000,
            jti: "01JD7Z3K8Q0000000000000001".into(),
            evd: vec![],
            rcdi: Default::default(),
        };
        let token = token::sign(&ring, &claims);
        let attestation = Attestation {
            serial: claims.jti.clone(),
            number: claims.sub.clone(),
            business: BusinessId::parse(&claims.biz).unwrap(),
            level: Level::A,
            name: claims.nam.clone(),
            kid: ring.active_kid().to_owned(),
            issued_at: 1000,
            expires_at: 2000,
            token: token.clone(),
        };
        let leaf = Entry::issued(&attestation).encode().unwrap();
        let mut tree = MemoryTree::new();
        for i in 0..5u8 {
            tree.push(&[i]);
        }
        let index = tree.push(&leaf);
        tree.push(b"later");
        let path = tree.inclusion_proof(index, 7).unwrap();
        let bundle = Bundle {
            token,
            proof: InclusionProof::new(index, 7, &leaf, &path),
            sth: Sth::sign(&ring, 7, 1_000_000, &tree.root()),
        };
        Fixture { ring, bundle }
    }

    #[test]
    fn a_whole_bundle_verifies_offline() {
        let f = fixture();
        let v = verify(&f.bundle, f.ring.verifying(), 1500, Some("+31206499123")).unwrap();
        assert_eq!(v.leaf_index, 5);
        assert_eq!(v.claims.nam, "KLM");
    }

    #[test]
    fn each_broken_part_is_named() {
        let f = fixture();
        let keys = f.ring.verifying();
        let check = |b: &Bundle| verify(b, keys, 1500, None).unwrap_err();

        assert_eq!(
            verify(&f.bundle, keys, 1500, Some("+31206499124")).unwrap_err(),
            BundleError::Token(Reason::NumberMismatch)
        );
        assert_eq!(
            verify(&f.bundle, keys, 9000, None).unwrap_err(),
            BundleError::Token(Reason::Expired)
        );

        let mut other_token = f.bundle.clone();
        let mut claims = token::verify(&f.bundle.token, keys, 1500, None)
            .claims
            .unwrap();
        claims.nam = "KLM Airlines".into();
        other_token.token = token::sign(&f.ring, &claims);
        assert_eq!(
            check(&other_token),
            BundleError::EntryMismatch("token hash")
        );

        let mut smaller_head = f.bundle.clone();
        smaller_head.sth = Sth::sign(&f.ring, 6, 1, &f.bundle.sth.root().unwrap());
        assert!(matches!(
            check(&smaller_head),
            BundleError::SizeMismatch { .. }
        ));

        let mut forked = f.bundle.clone();
        forked.sth = Sth::sign(&f.ring, 7, 1, &[9; 32]);
        assert!(matches!(check(&forked), BundleError::Proof(_)));

        let mut unsigned = f.bundle.clone();
        unsigned.sth.root_hash = super::super::b64(&[9; 32]);
        assert!(matches!(check(&unsigned), BundleError::Sth(_)));

        let mut moved = f.bundle.clone();
        moved.proof.leaf_index = 4;
        assert!(matches!(check(&moved), BundleError::Proof(_)));
    }
}
