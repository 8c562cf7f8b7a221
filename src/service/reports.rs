//! Spam, scam and impersonation reports from the public.
//!
//! Reports are counted per number over a sliding 30 days and shown by
//! lookups. When enough distinct reporters name a business's number, the
//! business is flagged into the review queue. Reports never revoke or
//! suspend anything by themselves: a competitor must not be able to take a
//! business down by filing them.

use crate::phone::E164;
use crate::store::prelude::*;
use std::net::IpAddr;

use serde::Deserialize;

use super::shared::{application, audit, sha256};
use super::{Service, ServiceError};
use crate::model::{new_serial, now, BusinessId, Report, ReportReason};
use crate::phone::PhoneNumber;
use crate::store::REPORT_WINDOW;

const REPORTS_PER_CLIENT_PER_HOUR: u64 = 10;
const MAX_COMMENT: usize = 1000;
/// The most reports a business reads about its own numbers at once (and
/// the most read per number): what one page shows, bounded whatever the
/// history.
const OWN_REPORTS: usize = 50;

/// A report as submitted.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportInput {
    pub number: String,
    pub region: Option<String>,
    pub reason: ReportReason,
    pub comment: Option<String>,
}

/// A report about one of a business's own numbers, as the business sees
/// it: what, when and the comment, never who (not even the reporter's hash,
/// which would let a business tell its reporters apart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnReport {
    pub number: String,
    pub reason: ReportReason,
    pub comment: Option<String>,
    pub at: i64,
}

impl Service {
    /// The most recent reports about business `id`'s own numbers, newest
    /// first, at most [`OWN_REPORTS`]. Own means held, or proven with a
    /// code: a number merely listed is not, or anyone could list a bank's
    /// number and read what its callers wrote. Reads at most
    /// [`OWN_REPORTS`] reports a number.
    pub fn reports_for(&self, id: &BusinessId) -> Result<Vec<OwnReport>, ServiceError> {
        let r = self.store.read()?;
        let b = r
            .business(id.as_str())?
            .ok_or(ServiceError::NotFound("business"))?;
        let mut out = Vec::new();
        for n in &b.numbers {
            let e164 = E164::stored(n);
            let own = r.number(e164)?.is_some_and(|rec| rec.business == *id)
                || r.claim(e164, id.as_str())?
                    .is_some_and(|c| c.proof.is_some());
            if !own {
                continue;
            }
            out.extend(
                r.reports_for(e164, OWN_REPORTS)?
                    .into_iter()
                    .map(|report| OwnReport {
                        number: report.number,
                        reason: report.reason,
                        comment: report.comment,
                        at: report.at,
                    }),
            );
        }
        out.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.number.cmp(&b.number)));
        out.truncate(OWN_REPORTS);
        Ok(out)
    }

    /// Files a report from `client` (whose address is kept only as a keyed
    /// hash, enough to count distinct reporters).
    pub fn report(
        &self,
        number: &PhoneNumber,
        reason: ReportReason,
        comment: Option<&str>,
        client: Option<IpAddr>,
    ) -> Result<(), ServiceError> {
        let comment = comment.map(str::trim).filter(|c| !c.is_empty());
        if comment.is_some_and(|c| c.chars().count() > MAX_COMMENT) {
            return Err(ServiceError::invalid(
                "comment",
                format!("at most {MAX_COMMENT} characters"),
            ));
        }
        if comment.is_some_and(|c| c.chars().any(|ch| ch.is_control() && ch != '\n')) {
            return Err(ServiceError::invalid(
                "comment",
                "must not contain control characters",
            ));
        }
        let at = now();
        // Reports count people: a network (an IPv4 address, an IPv6 /64)
        // counts once per number in the window however often it reports.
        let reporter = {
            let client = client
                .map(|ip| super::client_network(ip).to_string())
                .unwrap_or_default();
            let mut keyed = self.reporter_salt.clone();
            keyed.extend_from_slice(client.as_bytes());
            crate::service::hex(&sha256(&keyed)[..16])
        };
        let e164: &E164 = number;
        let threshold = self.config.report_threshold;
        self.write(|w| {
            let limit_key = format!("report:{reporter}");
            if w.rate_count(&limit_key, at - 3600)? >= REPORTS_PER_CLIENT_PER_HOUR {
                return Err(ServiceError::RateLimited(
                    format!("at most {REPORTS_PER_CLIENT_PER_HOUR} reports per hour"),
                    3600,
                ));
            }
            w.add_rate_event(&limit_key, at)?;
            let report = Report {
                number: e164.as_str().to_owned(),
                reason,
                comment: comment.map(str::to_owned),
                reporter: reporter.clone(),
                at,
            };
            w.add_report(&new_serial(), &report)?;
            let reporters = w.reporters_since(e164, at - REPORT_WINDOW)?;
            if reporters < threshold {
                return Ok(());
            }
            // The holder and every business claiming the number go in
            // front of the reviewers (who dismiss the flag or suspend).
            let mut concerned: Vec<BusinessId> =
                w.number(e164)?.map(|r| r.business).into_iter().collect();
            for (id, _) in w.claims_of(e164)? {
                concerned.extend(BusinessId::parse(&id).ok());
            }
            let why = format!("{reporters} networks reported {e164} in 30 days");
            for id in &concerned {
                if w.business(id.as_str())?.is_none() {
                    continue;
                }
                let mut app = application(w, id)?;
                if app.raise_flag(at, why.clone()) {
                    w.put_application(&app)?;
                    audit(w, at, "reports", id, "flagged", &why)?;
                }
            }
            Ok(())
        })
    }
}
