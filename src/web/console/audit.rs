//! `GET /console/audit`: the audit trail, newest first, a page at a time
//! (`?before=` the last entry's number; `?business=` for one business):
//! when, who (a reviewer's name, or the part of bizseal that acted), what
//! they did in words, to which business, and the detail.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::{minute, respond_private, Bar};
use crate::http::AppState;
use crate::model::{AuditEntry, BusinessId};
use crate::web::html::{impl_page, Page, Shell};
use crate::web::i18n::{t, Lang};
use crate::web::session::ReviewerSession;
use crate::web::{error_page, run, Visit};

/// Entries a page shows.
const PAGE: usize = 50;

/// `templates/console/audit.html`.
#[derive(Template)]
#[template(path = "console/audit.html")]
struct AuditPage<'a> {
    shell: Shell<'a>,
    bar: Bar,
    /// Only this business's entries, if asked.
    business: Option<String>,
    entries: Vec<Entry>,
    /// The link to the next, older page, if there is one.
    older: Option<String>,
    /// Whether this is a later page (then it links back to the newest).
    later: bool,
}
impl_page!(AuditPage);

/// One entry as the console shows it.
pub struct Entry {
    pub at: String,
    pub actor: String,
    /// What was done, in words (or its name, for one the console does not
    /// know).
    pub action: String,
    pub business: Option<String>,
    pub detail: String,
}

/// The query of `GET /console/audit`.
#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    business: Option<String>,
    before: Option<u64>,
}

/// `GET /console/audit`
pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    session: ReviewerSession,
    query: Result<Query<AuditQuery>, QueryRejection>,
) -> Response {
    let Query(query) = query.unwrap_or_default();
    let business = match query.business.as_deref().filter(|b| !b.is_empty()) {
        None => None,
        Some(b) => match BusinessId::parse(b) {
            Ok(id) => Some(id),
            Err(_) => return error_page(StatusCode::NOT_FOUND, &visit),
        },
    };
    let before = query.before;
    // One more than a page, to know whether there is an older one.
    let read = run(&state, {
        let business = business.clone();
        move |s| s.audit_page(business.as_ref(), before, PAGE + 1)
    })
    .await;
    let mut rows = match read {
        Ok(rows) => rows,
        Err(e) => return error_page(e.status(), &visit),
    };
    let older = (rows.len() > PAGE).then(|| {
        rows.truncate(PAGE);
        let last = rows.last().map_or(0, |(seq, _)| *seq);
        match &business {
            Some(b) => format!("/console/audit?business={b}&before={last}"),
            None => format!("/console/audit?before={last}"),
        }
    });
    let lang = visit.lang();
    let page = AuditPage {
        shell: visit.shell("console-audit-title", None),
        bar: Bar::new(&state, &session, "audit"),
        business: business.map(|b| b.to_string()),
        entries: rows.into_iter().map(|(_, e)| entry(lang, e)).collect(),
        older,
        later: before.is_some(),
    };
    respond_private(StatusCode::OK, &visit, &page)
}

/// An audit entry in words.
pub fn entry(lang: Lang, e: AuditEntry) -> Entry {
    Entry {
        at: minute(e.at),
        action: match action_words(&e.action) {
            Some(id) => t(lang, id).into_owned(),
            None => e.action,
        },
        actor: e.actor,
        business: e.business.map(|b| b.to_string()),
        detail: e.detail,
    }
}

/// The words for what the service records (`audit` calls across
/// `service`); an action not listed here is shown by its name.
fn action_words(action: &str) -> Option<&'static str> {
    Some(match action {
        "registered" => "console-did-registered",
        "submitted" => "console-did-submitted",
        "submission_withdrawn" => "console-did-submission-withdrawn",
        "deleted" => "console-did-deleted",
        "profile_edited" => "console-did-profile-edited",
        "edit_submitted" => "console-did-edit-submitted",
        "edit_withdrawn" => "console-did-edit-withdrawn",
        "domain_challenge" => "console-did-domain-challenge",
        "domain_proven" => "console-did-domain-proven",
        "code_sent" => "console-did-code-sent",
        "number_proven" => "console-did-number-proven",
        "number_removed" => "console-did-number-removed",
        "number_disputed" => "console-did-number-disputed",
        "number_taken_over" => "console-did-number-taken-over",
        "flagged" => "console-did-flagged",
        "approved" | "edit_approved" => "console-did-approved",
        "rejected" | "edit_rejected" => "console-did-rejected",
        "flag_dismissed" => "console-did-flag-dismissed",
        "suspended" => "console-did-suspended",
        "reinstated" => "console-did-reinstated",
        "number_revoked" => "console-did-number-revoked",
        "number_released" => "console-did-number-released",
        "number_unlocked" => "console-did-number-unlocked",
        "key_rotated" => "console-did-key-rotated",
        "reviewer_created" => "console-did-reviewer-created",
        "admin_created" => "console-did-admin-created",
        "reviewer_removed" => "console-did-reviewer-removed",
        "reviewer_auth_lockout" => "console-did-reviewer-lockout",
        "country_breaker_tripped" => "console-did-country-breaker",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_action_is_put_in_words_and_an_unknown_one_named() {
        let e = |action: &str| AuditEntry {
            at: 0,
            actor: "ana".into(),
            business: None,
            action: action.into(),
            detail: String::new(),
        };
        assert_eq!(
            entry(Lang::En, e("approved")).action,
            "Approved the application or edit"
        );
        assert_eq!(entry(Lang::En, e("something_new")).action, "something_new");
        assert_eq!(entry(Lang::En, e("approved")).at, "1970-01-01 00:00 UTC");
    }
}
