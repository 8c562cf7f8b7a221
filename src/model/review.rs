//! The verification workflow's records: a business's application and its
//! review, one-time-code challenges, domain proofs, spam reports, and the
//! audit trail.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{upgrade_commands, BusinessId, BusinessStatus, Command, CommandV6, Proof};

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

/// An edit of a reviewed business's public fields, waiting for review.
/// Until a reviewer approves it, the public sees the last reviewed version.
/// Each field holds the value the edit asks for (unchanged fields too), so
/// applying it is a plain copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PendingEdit {
    pub legal_name: String,
    pub names: BTreeMap<String, String>,
    pub default_lang: String,
    pub category: String,
    pub city: String,
    pub website: Option<String>,
    pub description: BTreeMap<String, String>,
    pub logo_url: Option<String>,
    pub commands: Vec<Command>,
    pub at: i64,
}

impl PendingEdit {
    /// A business's public fields as they stand: an edit that changes
    /// nothing.
    pub fn of(b: &super::Business, at: i64) -> PendingEdit {
        PendingEdit {
            legal_name: b.legal_name.clone(),
            names: b.names.clone(),
            default_lang: b.default_lang.clone(),
            category: b.category.clone(),
            city: b.city.clone(),
            website: b.website.clone(),
            description: b.description.clone(),
            logo_url: b.logo_url.clone(),
            commands: b.commands.clone(),
            at,
        }
    }

    /// Copies the edit's fields into the business.
    pub fn apply_to(self, b: &mut super::Business) {
        b.legal_name = self.legal_name;
        b.names = self.names;
        b.default_lang = self.default_lang;
        b.category = self.category;
        b.city = self.city;
        b.website = self.website;
        b.description = self.description;
        b.logo_url = self.logo_url;
        b.commands = self.commands;
    }
}

/// [`PendingEdit`] as schemas 5 and 6 stored it, before quick replies had
/// a language; read once by the upgrade to schema 7.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingEditV6 {
    pub legal_name: String,
    pub names: BTreeMap<String, String>,
    pub default_lang: String,
    pub category: String,
    pub city: String,
    pub website: Option<String>,
    pub description: BTreeMap<String, String>,
    pub logo_url: Option<String>,
    pub commands: Vec<CommandV6>,
    pub at: i64,
}

impl PendingEditV6 {
    /// The edit in today's shape, its quick replies in the language the
    /// edit makes the default.
    pub fn upgrade(self) -> PendingEdit {
        PendingEdit {
            commands: upgrade_commands(self.commands, &self.default_lang),
            legal_name: self.legal_name,
            names: self.names,
            default_lang: self.default_lang,
            category: self.category,
            city: self.city,
            website: self.website,
            description: self.description,
            logo_url: self.logo_url,
            at: self.at,
        }
    }
}

/// A name change as schema 4 stored it (the only pending edit it knew).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingNamesV4 {
    pub legal_name: String,
    pub names: BTreeMap<String, String>,
    pub default_lang: String,
    pub at: i64,
}

/// Why a business was put in front of the reviewers without asking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
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
    pub pending: Option<PendingEdit>,
    pub flag: Option<Flag>,
    pub suspension: Option<Suspension>,
}

/// [`Application`] as schemas 5 and 6 stored it (its pending edit's quick
/// replies without a language); read once by the upgrade to schema 7.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationV6 {
    pub business: BusinessId,
    pub review: ReviewState,
    pub domain: Option<DomainProof>,
    pub pending: Option<PendingEditV6>,
    pub flag: Option<Flag>,
    pub suspension: Option<Suspension>,
}

impl ApplicationV6 {
    /// The same application in today's shape.
    pub fn upgrade(self) -> Application {
        Application {
            business: self.business,
            review: self.review,
            domain: self.domain,
            pending: self.pending.map(PendingEditV6::upgrade),
            flag: self.flag,
            suspension: self.suspension,
        }
    }
}

/// [`Application`] as schema 4 stored it; read once by the upgrade to 5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationV4 {
    pub business: BusinessId,
    pub review: ReviewState,
    pub domain: Option<DomainProof>,
    pub pending_names: Option<PendingNamesV4>,
    pub flag: Option<Flag>,
    pub suspension: Option<Suspension>,
}

impl ApplicationV4 {
    /// The same application in today's shape. A pending name change keeps
    /// the business's other public fields as they are (`current`).
    pub fn upgrade(self, current: Option<&super::Business>) -> Application {
        let pending = match (self.pending_names, current) {
            (Some(p), Some(b)) => Some(PendingEdit {
                legal_name: p.legal_name,
                names: p.names,
                default_lang: p.default_lang,
                ..PendingEdit::of(b, p.at)
            }),
            _ => None,
        };
        Application {
            business: self.business,
            review: self.review,
            domain: self.domain,
            pending,
            flag: self.flag,
            suspension: self.suspension,
        }
    }
}

impl Application {
    /// A fresh application for a newly registered business.
    pub fn new(business: BusinessId) -> Application {
        Application {
            business,
            review: ReviewState::Draft,
            domain: None,
            pending: None,
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
        let pending = self.pending.as_ref().map(|p| p.at);
        [submitted, flagged, pending].into_iter().flatten().min()
    }
}

/// An outstanding one-time code. Only a salted hash of the code is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtpCode {
    pub salt: Vec<u8>,
    pub code_hash: Vec<u8>,
    pub issued_at: i64,
    pub expires_at: i64,
    pub attempts: u32,
}

/// One business's claim to a number it does not hold: listed, perhaps
/// proven by code, never public. Claims of several businesses to one
/// number live side by side; none of them blocks another
/// (`model::lifecycle` says how they move).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub claimed_at: i64,
    /// Control proven (by code, or vouched for by an import).
    pub proof: Option<Proof>,
    pub code: Option<OtpCode>,
    /// Consecutive wrong codes of this business for this number.
    pub failures: u32,
    /// Code entry refused until then, after too many failures.
    pub locked_until: Option<i64>,
    /// Proven while another, reviewed business holds the number: the
    /// reviewers decide.
    pub disputed: bool,
}

/// Why someone reported a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditEntry {
    pub at: i64,
    pub actor: String,
    pub business: Option<BusinessId>,
    pub action: String,
    pub detail: String,
}
