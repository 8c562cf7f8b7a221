//! The transparency log's read side: signed tree heads, inclusion and
//! consistency proofs, pages of entries; and the two ways a lookup answer
//! can vouch for itself: the offline badge bundle (`?bundle=1`) and a
//! signed statement of any status (`?signed=1`).
//!
//! Every answer is built from one read snapshot, so a bundle's proof, its
//! tree head and the token always belong together. Tree heads are signed
//! on request with the active key: signing is cheap (`benches/core.rs`),
//! and a head always describes the tree as it is.

use crate::phone::E164;
use crate::store::prelude::*;
use serde::Serialize;

use super::{Service, ServiceError};
use crate::lookup::{answer, NumberAnswer};
use crate::model::{now, now_ms, Level, PublicStatus};
use crate::phone::PhoneNumber;
use crate::store::{Reader, StoreError};
use crate::token;
use crate::translog::bundle::Bundle;
use crate::translog::entry::Kind;
use crate::translog::merkle::{self, Hash};
use crate::translog::{ConsistencyProof, EntryView, InclusionProof, Sth, STATUS_TYP};

/// At most this many entries in one page of `entries` (RFC 6962 lets a log
/// answer fewer than asked for; the client asks again from where it got).
pub const MAX_ENTRIES_PAGE: u64 = 1000;

/// A lookup answer with what `?bundle=1` and `?signed=1` add.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[schema(as = NumberLookupAnswer)]
pub struct VouchedAnswer {
    #[serde(flatten)]
    pub answer: NumberAnswer,
    /// Absent unless asked for; `null` when the number has no logged token.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Bundle>)]
    pub bundle: Option<Option<Bundle>>,
    /// JWS (`typ` [`STATUS_TYP`]) over a [`StatusStatement`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed: Option<String>,
}

/// What a signed lookup answer states: the number's status at `at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusStatement {
    pub number: String,
    pub status: PublicStatus,
    pub level: Option<Level>,
    /// The business id, when the number is listed.
    pub business: Option<String>,
    /// Seconds since the Unix epoch.
    pub at: i64,
}

fn root(r: &Reader, size: u64) -> Result<Hash, StoreError> {
    let nodes = r.log_nodes()?;
    merkle::root(size, |t| nodes.get(t))
}

/// A proof function's inner error is a caller mistake that the parameter
/// checks above it rule out; if one slips through, it is still a 400.
fn proof_error(field: &str, e: merkle::ProofError) -> ServiceError {
    ServiceError::invalid(field, e.to_string())
}

impl Service {
    /// The signed head of the log as it is now.
    pub fn sth(&self) -> Result<Sth, ServiceError> {
        let r = self.store.read()?;
        let size = r.log_size()?;
        self.sign_head(&r, size)
    }

    fn sign_head(&self, r: &Reader, size: u64) -> Result<Sth, ServiceError> {
        let root = root(r, size)?;
        Ok(Sth::sign(&self.keyring(), size, now_ms(), &root))
    }

    /// The inclusion proof of the entry that issued (or, with
    /// [`Kind::Revoked`], revoked) `serial`, in the tree of `tree_size`
    /// entries (default: the whole log).
    pub fn inclusion(
        &self,
        serial: &str,
        kind: Kind,
        tree_size: Option<u64>,
    ) -> Result<InclusionProof, ServiceError> {
        let r = self.store.read()?;
        let index = r
            .log_index(serial, kind)?
            .ok_or(ServiceError::NotFound("log entry"))?;
        let size = r.log_size()?;
        let tree_size = tree_size.unwrap_or(size);
        if tree_size > size {
            return Err(ServiceError::invalid(
                "tree_size",
                format!("the log has {size} entries"),
            ));
        }
        if index >= tree_size {
            return Err(ServiceError::invalid(
                "tree_size",
                format!("entry {index} came after the tree of {tree_size} entries"),
            ));
        }
        inclusion_at(&r, index, tree_size)
    }

    /// The consistency proof between the trees of `first` and `second`
    /// entries (default: the whole log).
    pub fn consistency(
        &self,
        first: u64,
        second: Option<u64>,
    ) -> Result<ConsistencyProof, ServiceError> {
        let r = self.store.read()?;
        let size = r.log_size()?;
        let second = second.unwrap_or(size);
        if first == 0 {
            return Err(ServiceError::invalid(
                "first",
                "must be at least 1 (the empty tree is a prefix of every tree)",
            ));
        }
        if first > second {
            return Err(ServiceError::invalid("first", "must not exceed second"));
        }
        if second > size {
            return Err(ServiceError::invalid(
                "second",
                format!("the log has {size} entries"),
            ));
        }
        let nodes = r.log_nodes()?;
        let proof = merkle::consistency_proof(first, second, |t| nodes.get(t))?
            .map_err(|e| proof_error("first", e))?;
        Ok(ConsistencyProof {
            first,
            second,
            proof: proof.iter().map(|h| crate::translog::b64(h)).collect(),
        })
    }

    /// Entries `start..=end` (`end` defaults to the last), at most
    /// [`MAX_ENTRIES_PAGE`] of them.
    pub fn log_entries(
        &self,
        start: u64,
        end: Option<u64>,
    ) -> Result<Vec<EntryView>, ServiceError> {
        let r = self.store.read()?;
        let size = r.log_size()?;
        if start >= size {
            return Err(ServiceError::invalid(
                "start",
                format!("the log has {size} entries, numbered from 0"),
            ));
        }
        let end = end.unwrap_or(u64::MAX);
        if end < start {
            return Err(ServiceError::invalid("end", "must not be before start"));
        }
        let last = end.min(size - 1).min(start + MAX_ENTRIES_PAGE - 1);
        r.log_entries(start, last + 1)?
            .into_iter()
            .map(|(index, bytes)| {
                EntryView::new(index, &bytes)
                    .map_err(|e| StoreError::Corrupt(format!("log entry {index}: {e}")).into())
            })
            .collect()
    }

    /// The answer for one number, with its badge bundle and a signed
    /// statement of its status when asked for, all from one snapshot.
    pub fn lookup_vouched(
        &self,
        number: &PhoneNumber,
        langs: &[String],
        bundle: bool,
        signed: bool,
    ) -> Result<VouchedAnswer, ServiceError> {
        let r = self.store.read()?;
        let at = now();
        let answer = answer(&r, number, langs, at)?;
        let bundle = if bundle {
            Some(self.bundle(&r, &answer)?)
        } else {
            None
        };
        let signed = signed.then(|| {
            let statement = StatusStatement {
                number: answer.number.clone(),
                status: answer.status,
                level: answer.level,
                business: answer.business.as_ref().map(|b| b.id.as_str().to_owned()),
                at,
            };
            token::sign_payload(&self.keyring(), STATUS_TYP, &statement)
        });
        Ok(VouchedAnswer {
            answer,
            bundle,
            signed,
        })
    }

    /// The bundle of the token an answer shows, if it shows one that the
    /// log holds.
    fn bundle(&self, r: &Reader, answer: &NumberAnswer) -> Result<Option<Bundle>, ServiceError> {
        let Some(token) = &answer.attestation else {
            return Ok(None);
        };
        let Some(serial) = r
            .number(E164::stored(&answer.number))?
            .and_then(|rec| rec.state.serial().map(str::to_owned))
        else {
            return Ok(None);
        };
        let Some(index) = r.log_index(&serial, Kind::Issued)? else {
            return Ok(None);
        };
        let size = r.log_size()?;
        Ok(Some(Bundle {
            token: token.clone(),
            proof: inclusion_at(r, index, size)?,
            sth: self.sign_head(r, size)?,
        }))
    }
}

/// The inclusion proof of entry `index` (< `tree_size` <= log size).
fn inclusion_at(r: &Reader, index: u64, tree_size: u64) -> Result<InclusionProof, ServiceError> {
    let nodes = r.log_nodes()?;
    let path = merkle::inclusion_proof(index, tree_size, |t| nodes.get(t))?
        .map_err(|e| proof_error("tree_size", e))?;
    let leaf = r
        .log_entries(index, index + 1)?
        .pop()
        .map(|(_, bytes)| bytes)
        .ok_or_else(|| StoreError::Corrupt(format!("log entry {index} is missing")))?;
    Ok(InclusionProof::new(index, tree_size, &leaf, &path))
}
