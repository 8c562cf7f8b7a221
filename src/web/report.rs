//! Reporting a number from the pages: the form every number card and
//! profile carries (`templates/report_form.html`), and `POST /report`,
//! which takes it through the same service call and the same per-client
//! limits as `POST /v1/reports`, then says what happens next.

use std::borrow::Cow;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

use super::html::{impl_page, Page, Shell};
use super::i18n::{t, Lang};
use super::{respond, run, Failed, Visit};
use crate::http::auth::ClientAddr;
use crate::http::AppState;
use crate::model::ReportReason;
use crate::service::ServiceError;

/// Every reason the API takes, with its message id, in the form's order.
pub const REASONS: [(ReportReason, &str, &str); 4] = [
    (ReportReason::Spam, "spam", "report-reason-spam"),
    (ReportReason::Scam, "scam", "report-reason-scam"),
    (
        ReportReason::Impersonation,
        "impersonation",
        "report-reason-impersonation",
    ),
    (ReportReason::Other, "other", "report-reason-other"),
];

/// The report form for one number (a card) or a business's numbers.
pub struct ReportForm {
    /// E.164 and the number as shown; one entry is a hidden field.
    pub numbers: Vec<(String, String)>,
    /// The reasons in the page's language: (value, words).
    pub reasons: Vec<(&'static str, Cow<'static, str>)>,
    /// Shown unfolded (a profile's), rather than behind "Report this number".
    pub open: bool,
}

impl ReportForm {
    pub fn one(lang: Lang, e164: &str, shown: &str) -> ReportForm {
        ReportForm {
            open: false,
            ..ReportForm::many(lang, vec![(e164.to_owned(), shown.to_owned())])
        }
    }

    pub fn many(lang: Lang, numbers: Vec<(String, String)>) -> ReportForm {
        ReportForm {
            numbers,
            reasons: REASONS
                .iter()
                .map(|(_, value, id)| (*value, t(lang, id)))
                .collect(),
            open: true,
        }
    }
}

/// What the form posts.
#[derive(Debug, Deserialize)]
pub struct ReportFields {
    number: String,
    reason: String,
    #[serde(default)]
    comment: String,
}

/// `templates/reported.html`: the report was taken, or why not.
#[derive(Template)]
#[template(path = "reported.html")]
struct ReportedPage<'a> {
    shell: Shell<'a>,
    /// The message that says what happened.
    outcome: &'static str,
    /// The number reported, as E.164, to check it again.
    number: Option<String>,
    taken: bool,
}
impl_page!(ReportedPage);

/// `POST /report`
pub async fn send(
    State(state): State<AppState>,
    visit: Visit,
    ClientAddr(client): ClientAddr,
    form: Result<Form<ReportFields>, FormRejection>,
) -> Response {
    let fields = form.ok().map(|Form(f)| f);
    let reason = fields
        .as_ref()
        .and_then(|f| REASONS.iter().find(|(_, v, _)| *v == f.reason))
        .map(|(r, _, _)| *r);
    let (status, outcome, number) = match (fields, reason) {
        (Some(f), Some(reason)) => {
            let number = f.number.clone();
            let sent = run(&state, move |s| {
                let n = s.number_or_listed(&f.number, None)?;
                s.report(&n, reason, Some(&f.comment), client)
            })
            .await;
            match sent {
                Ok(()) => (StatusCode::OK, "report-thanks", Some(number)),
                Err(Failed::Refused(ServiceError::RateLimited(..))) => (
                    StatusCode::TOO_MANY_REQUESTS,
                    "report-too-many",
                    Some(number),
                ),
                Err(Failed::Refused(ServiceError::Invalid { .. })) => (
                    StatusCode::BAD_REQUEST,
                    "report-comment-too-long",
                    Some(number),
                ),
                Err(Failed::Refused(ServiceError::InvalidNumber(_))) => {
                    (StatusCode::BAD_REQUEST, "report-bad-number", None)
                }
                Err(e) => (e.status(), "report-failed", Some(number)),
            }
        }
        _ => (StatusCode::BAD_REQUEST, "report-incomplete", None),
    };
    let page = ReportedPage {
        shell: visit.shell("report-title", None),
        taken: status == StatusCode::OK,
        outcome,
        number,
    };
    respond(status, &visit, &page)
}
