//! The verification workflow's records: a business's application and its
//! review, one-time-code challenges, domain proofs, spam reports, and the
//! audit trail.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{BusinessId, BusinessStatus};

/// Where a business stands with the reviewers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewState {
    /// Registered, not yet submitted.
    Draft,
    /// Waiting in the review queue.
    Submitted {
        at: i64,
    },
    Approved {
        at: i64,
        by: String,
        note: String,
    },
    Rejected {
        at: i64,
        by: String,
        reason: String,
    },
}

impl ReviewState {
    /// The state's name, as the API shows it.
    pub fn name(&self) -> &'static str {
        match self {
            ReviewState::Draft => "draft",
            ReviewState::Submitted { .. } => "submitted",
            ReviewState::Approved { .. } => "approved",
            ReviewState::Rejected { .. } => "rejected",
        }
    }
}

/// A domain the business claims, and whether it proved control of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainProof {
    pub domain: String,
    pub token: String,
    pub issued_at: i64,
    pub verified_at: Option<i64>,
}

/// A name change of a verified business, waiting for review. Until it is
/// approved, the old names stay in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingNames {
    pub legal_name: String,
    pub names: BTreeMap<String, String>,
    pub default_lang: String,
    pub at: i64,
}

/// Why a business was put in front of the reviewers without asking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub at: i64,
    pub reason: String,
}

/// A suspension, with the status to return to on reinstatement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suspension {
    pub at: i64,
    pub reason: String,
    pub previous: BusinessStatus,
}

/// Everything about a business's verification that is not its profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub business: BusinessId,
    pub review: ReviewState,
    pub domain: Option<DomainProof>,
    pub pending_names: Option<PendingNames>,
    pub flag: Option<Flag>,
    pub suspension: Option<Suspension>,
}

impl Application {
    /// A fresh application for a newly registered business.
    pub fn new(business: BusinessId) -> Application {
        Application {
            business,
            review: ReviewState::Draft,
            domain: None,
            pending_names: None,
            flag: None,
            suspension: None,
        }
    }

    /// The key under which the business waits in the review queue, if it
    /// waits: submissions by submission time, flags by flag time.
    pub fn queue_time(&self) -> Option<i64> {
        let submitted = match self.review {
            ReviewState::Submitted { at } => Some(at),
            _ => None,
        };
        let flagged = self.flag.as_ref().map(|f| f.at);
        let pending = self.pending_names.as_ref().map(|p| p.at);
        [submitted, flagged, pending].into_iter().flatten().min()
    }
}

/// An outstanding one-time code for a number. Only a salted hash of the
/// code is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtpChallenge {
    pub business: BusinessId,
    pub salt: Vec<u8>,
    pub code_hash: Vec<u8>,
    pub issued_at: i64,
    pub expires_at: i64,
    pub attempts: u32,
}

/// Why someone reported a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportReason {
    Spam,
    Scam,
    Impersonation,
    Other,
}

/// One spam report. The reporter is kept only as a keyed hash of their
/// address, enough to count distinct reporters and no more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub number: String,
    pub reason: ReportReason,
    pub comment: Option<String>,
    pub reporter: String,
    pub at: i64,
}

/// One line of the audit trail: who did what to which business, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: i64,
    pub actor: String,
    pub business: Option<BusinessId>,
    pub action: String,
    pub detail: String,
}
