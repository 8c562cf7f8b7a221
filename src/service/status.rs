//! A business's view of its own verification: review, numbers, domain.

use crate::phone::E164;
use crate::store::prelude::*;
use std::collections::BTreeMap;

use serde::Serialize;

use super::logo::{logo_status, LogoStatus};
use super::{Service, ServiceError};
use crate::model::{now, Application, BusinessId, BusinessStatus, Level, PendingEdit, ReviewState};

/// A business's view of its own verification.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StatusView {
    pub business: BusinessId,
    pub status: BusinessStatus,
    pub review: ReviewView,
    pub numbers: Vec<OwnNumber>,
    pub domain: Option<DomainView>,
    /// The logo: its URL, and the copy bizseal serves or why there is none.
    pub logo: LogoStatus,
    /// The edit waiting for review, if any.
    pub pending_edit: Option<PendingEdit>,
    /// Its names (kept for older clients).
    pub pending_names: Option<BTreeMap<String, String>>,
    /// Why the reviewers are looking at the business, if they are.
    pub flag: Option<String>,
}

/// The review state as the business sees it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReviewView {
    #[schema(schema_with = super::schema::review_states)]
    pub state: &'static str,
    pub at: Option<i64>,
    pub reason: Option<String>,
    pub note: Option<String>,
}

/// One of the business's own numbers.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OwnNumber {
    pub number: String,
    /// Held: `attested`, `on_hold` or `revoked`; claimed: `unproven`,
    /// `proven` (public once the review holds), `disputed` or `locked`.
    #[schema(schema_with = super::schema::own_number_states)]
    pub state: &'static str,
    pub level: Option<Level>,
    pub proven_at: Option<i64>,
    pub code_pending: bool,
    /// Code entry is locked until then (seconds), after too many failures.
    pub locked_until: Option<i64>,
}

/// The domain proof as the business sees it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DomainView {
    pub domain: String,
    pub verified: bool,
    pub verified_at: Option<i64>,
}

impl Service {
    /// Where the business stands.
    pub fn status(&self, id: &BusinessId) -> Result<StatusView, ServiceError> {
        let r = self.store.read()?;
        let b = r
            .business(id.as_str())?
            .ok_or(ServiceError::NotFound("business"))?;
        let app = r
            .application(id.as_str())?
            .unwrap_or_else(|| Application::new(id.clone()));
        let at = now();
        let mut numbers = Vec::with_capacity(b.numbers.len());
        for n in &b.numbers {
            if let Some(record) = r.number(E164::stored(n))?.filter(|rec| rec.business == *id) {
                numbers.push(OwnNumber {
                    number: n.clone(),
                    state: record.state.name(),
                    level: record.state.level(),
                    proven_at: record.proof.map(|p| p.at),
                    code_pending: false,
                    locked_until: None,
                });
            } else if let Some(claim) = r.claim(E164::stored(n), id.as_str())? {
                numbers.push(OwnNumber {
                    number: n.clone(),
                    state: claim.name(at),
                    level: None,
                    proven_at: claim.proof.map(|p| p.at),
                    code_pending: claim.code.is_some(),
                    locked_until: claim.locked(at),
                });
            }
        }
        let review = match &app.review {
            ReviewState::Draft => ReviewView {
                state: "draft",
                at: None,
                reason: None,
                note: None,
            },
            ReviewState::Submitted { at } => ReviewView {
                state: "submitted",
                at: Some(*at),
                reason: None,
                note: None,
            },
            ReviewState::Approved { at, note, .. } => ReviewView {
                state: "approved",
                at: Some(*at),
                reason: None,
                note: Some(note.clone()),
            },
            ReviewState::Rejected { at, reason, .. } => ReviewView {
                state: "rejected",
                at: Some(*at),
                reason: Some(reason.clone()),
                note: None,
            },
        };
        Ok(StatusView {
            business: b.id.clone(),
            status: b.status,
            review,
            numbers,
            domain: app.domain.map(|d| DomainView {
                verified: d.verified_at.is_some(),
                domain: d.domain,
                verified_at: d.verified_at,
            }),
            logo: logo_status(&b),
            pending_names: app.pending.as_ref().map(|p| p.names.clone()),
            pending_edit: app.pending,
            flag: app.flag.map(|f| f.reason),
        })
    }
}
