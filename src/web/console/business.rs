//! `GET /console/business?q=`: one business, found by its id or by a
//! number it lists. The page shows where the business stands (status,
//! review, flag, domain), each of its numbers with what can be done to it
//! (revoke the badge, release the number from this business, clear a
//! lockout after wrong codes), suspend or reinstate, and its latest audit
//! entries. A number listed by several businesses (a holder and
//! claimants) lists them first.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::actions::{Action, ActionForm, Back, Refused};
use super::audit::{entry, Entry};
use super::{minute, number_state, respond_private, Bar, Name};
use crate::http::AppState;
use crate::model::{AuditEntry, BusinessId, BusinessStatus};
use crate::phone::E164;
use crate::service::{BusinessView, NumberParty, ServiceError, StatusView};
use crate::web::html::{impl_page, Page, Shell};
use crate::web::i18n::Lang;
use crate::web::session::ReviewerSession;
use crate::web::{error_page, run, Failed, Visit};

/// Audit entries shown on a business's page (the audit page has all).
const HISTORY: usize = 10;

/// `templates/console/business.html`.
#[derive(Template)]
#[template(path = "console/business.html")]
struct BusinessPage<'a> {
    shell: Shell<'a>,
    bar: Bar,
    q: &'a str,
    found: Found,
}
impl_page!(BusinessPage);

/// What the search found.
enum Found {
    /// Nothing asked yet.
    Nothing,
    /// Neither a business id nor a phone number.
    Unreadable,
    NoBusiness,
    /// A number nobody lists.
    Unlisted(String),
    /// A number several businesses list: (number as shown, the parties).
    Parties(String, Vec<Party>),
    Business(Box<Card>),
}

/// A business that lists a number, and how the number stands with it.
struct Party {
    id: String,
    name: Name,
    state: &'static str,
}

/// One business as the console shows it.
struct Card {
    id: String,
    name: Name,
    legal_name: String,
    status: (&'static str, &'static str),
    review: &'static str,
    review_at: Option<String>,
    /// The reviewer's reason (rejected) or note (approved).
    review_words: Option<String>,
    flag: Option<String>,
    /// Waiting in the queue (a submission, an edit or a flag).
    queued: bool,
    domain: Option<(String, Option<String>)>,
    numbers: Vec<NumberRow>,
    /// Suspend, or reinstate when suspended.
    forms: Vec<ActionForm>,
    history: Vec<Entry>,
    /// Refused, and about nothing this page shows any more.
    orphan: Option<String>,
}

/// One of the business's numbers, with its decisions.
struct NumberRow {
    e164: String,
    shown: String,
    state: &'static str,
    level: Option<&'static str>,
    locked_until: Option<String>,
    /// The number the reviewer searched for.
    searched: bool,
    forms: Vec<ActionForm>,
}

/// The query of `GET /console/business`.
#[derive(Debug, Default, Deserialize)]
pub struct BusinessQuery {
    #[serde(default)]
    q: String,
    done: Option<String>,
}

/// `GET /console/business`
pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    session: ReviewerSession,
    query: Result<Query<BusinessQuery>, QueryRejection>,
) -> Response {
    let Query(query) = query.unwrap_or_default();
    let q = query.q.trim();
    render(
        &state,
        &visit,
        &session,
        q,
        query.done.as_deref(),
        None,
        StatusCode::OK,
    )
    .await
}

/// What the service says about a business, read for its page.
type Read = (BusinessView, StatusView, Vec<(u64, AuditEntry)>);

/// What a search reads: one business, or the parties of a number.
enum Looked {
    Unreadable,
    Business(Box<Read>, Option<String>),
    Parties(String, Vec<NumberParty>),
}

/// The page for `q` (a business id or a number), after `done` or with a
/// refused decision.
pub async fn render(
    state: &AppState,
    visit: &Visit,
    session: &ReviewerSession,
    q: &str,
    done: Option<&str>,
    refused: Option<Refused>,
    status: StatusCode,
) -> Response {
    let lang = visit.lang();
    let found = if q.is_empty() {
        Ok(Found::Nothing)
    } else {
        let input = q.to_owned();
        run(state, move |s| look(s, &input))
            .await
            .map(|looked| match looked {
                Looked::Unreadable => Found::Unreadable,
                Looked::Business(read, searched) => {
                    Found::Business(Box::new(card(lang, *read, searched, refused.as_ref())))
                }
                Looked::Parties(shown, parties) if parties.is_empty() => Found::Unlisted(shown),
                Looked::Parties(shown, parties) => Found::Parties(
                    shown,
                    parties
                        .into_iter()
                        .map(|p| Party {
                            id: p.business.to_string(),
                            name: Name {
                                text: p.name,
                                lang: p.default_lang,
                            },
                            state: number_state(p.state),
                        })
                        .collect(),
                ),
            })
    };
    let found = match found {
        Ok(found) => found,
        Err(Failed::Refused(ServiceError::NotFound("business"))) => Found::NoBusiness,
        Err(e) => return error_page(e.status(), visit),
    };
    let status = match found {
        Found::NoBusiness => StatusCode::NOT_FOUND,
        _ => status,
    };
    let page = BusinessPage {
        shell: visit.shell("console-business-title", None),
        bar: Bar::new(state, session, "business").with_done(done),
        q,
        found,
    };
    respond_private(status, visit, &page)
}

/// Reads a business by id, or the businesses that list a number; a
/// number listed by exactly one is that business's page.
fn look(s: &crate::service::Service, q: &str) -> Result<Looked, ServiceError> {
    let (id, searched) = match BusinessId::parse(q) {
        Ok(id) => (id, None),
        Err(_) => {
            let number = match s.number_or_listed(q, None) {
                Ok(n) => n,
                Err(ServiceError::InvalidNumber(_)) => return Ok(Looked::Unreadable),
                Err(e) => return Err(e),
            };
            let mut parties = s.number_parties(&number)?;
            if parties.len() != 1 {
                return Ok(Looked::Parties(number.international(), parties));
            }
            let only = parties.remove(0);
            (only.business, Some(number.as_str().to_owned()))
        }
    };
    let read = (
        s.own_view(&id)?,
        s.status(&id)?,
        s.audit_page(Some(&id), None, HISTORY)?,
    );
    Ok(Looked::Business(Box::new(read), searched))
}

/// A business status's pill class and words.
pub(super) fn status_words(status: BusinessStatus) -> (&'static str, &'static str) {
    match status {
        BusinessStatus::Verified => ("ok", "console-status-verified"),
        BusinessStatus::Registered => ("warn", "console-status-registered"),
        BusinessStatus::Suspended => ("bad", "console-status-suspended"),
    }
}

fn review_words(state: &str) -> &'static str {
    match state {
        "draft" => "console-review-draft",
        "submitted" => "console-review-submitted",
        "approved" => "console-review-approved",
        "rejected" => "console-review-rejected",
        _ => "console-review-other",
    }
}

fn card(
    lang: Lang,
    (b, st, history): Read,
    searched: Option<String>,
    refused: Option<&Refused>,
) -> Card {
    let id = b.id.to_string();
    let numbers: Vec<NumberRow> = st
        .numbers
        .iter()
        .map(|n| {
            let mut forms = Vec::new();
            if matches!(n.state, "attested" | "on_hold") {
                forms.push(ActionForm::number(Action::Revoke, &id, &n.number, refused));
            }
            if n.locked_until.is_some() {
                forms.push(ActionForm::number(Action::Unlock, &id, &n.number, refused));
            }
            forms.push(ActionForm::number(Action::Release, &id, &n.number, refused));
            NumberRow {
                shown: E164::stored(&n.number).international(),
                state: number_state(n.state),
                level: n.level.map(|l| l.as_str()),
                locked_until: n.locked_until.map(minute),
                searched: searched.as_deref() == Some(n.number.as_str()),
                e164: n.number.clone(),
                forms,
            }
        })
        .collect();
    let business_action = if st.status == BusinessStatus::Suspended {
        Action::Reinstate
    } else {
        Action::Suspend
    };
    let forms = vec![ActionForm::business(
        business_action,
        &id,
        Back::Business,
        refused,
    )];
    // A refusal about a form this page no longer shows (the number was
    // released meanwhile, say) is shown above the business instead.
    let placed = numbers
        .iter()
        .flat_map(|n| &n.forms)
        .chain(&forms)
        .any(|f| f.error.is_some());
    let orphan = refused.filter(|_| !placed).map(|r| r.words.to_string());
    Card {
        name: Name {
            text: b.display_name,
            lang: b.default_lang,
        },
        legal_name: b.legal_name,
        status: status_words(st.status),
        review: review_words(st.review.state),
        review_at: st.review.at.map(minute),
        review_words: st
            .review
            .reason
            .or(st.review.note)
            .filter(|w| !w.is_empty()),
        queued: st.review.state == "submitted" || st.pending_edit.is_some() || st.flag.is_some(),
        flag: st.flag,
        domain: st
            .domain
            .map(|d| (d.domain, d.verified_at.filter(|_| d.verified).map(minute))),
        numbers,
        forms,
        history: history.into_iter().map(|(_, e)| entry(lang, e)).collect(),
        orphan,
        id,
    }
}
