//! `/account/reports`: what people reported about the business's own
//! numbers, newest first: the number, why, when and what they wrote, never
//! who (`Service::reports_for`).

use std::borrow::Cow;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::super::html::{impl_page, Page, Shell};
use super::super::i18n::t;
use super::super::report::REASONS;
use super::super::session::BusinessSession;
use super::super::{date, error_page, respond, run, Visit};
use super::AccountNav;
use crate::http::AppState;
use crate::phone::E164;

/// `templates/account/reports.html`.
#[derive(Template)]
#[template(path = "account/reports.html")]
struct ReportsPage<'a> {
    shell: Shell<'a>,
    nav: AccountNav,
    reports: Vec<ReportLine>,
}
impl_page!(ReportsPage);

/// One report as the page lists it.
struct ReportLine {
    number: String,
    reason: Cow<'static, str>,
    date: String,
    comment: Option<String>,
}

/// `GET /account/reports`
pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    session: BusinessSession,
) -> Response {
    let id = session.id.clone();
    let reports = match run(&state, move |s| s.reports_for(&id)).await {
        Ok(reports) => reports,
        Err(e) => return error_page(e.status(), &visit),
    };
    let lang = visit.lang();
    let reports = reports
        .into_iter()
        .map(|r| ReportLine {
            number: E164::stored(&r.number).international(),
            reason: REASONS
                .iter()
                .find(|(reason, _, _)| *reason == r.reason)
                .map_or(Cow::Borrowed(""), |(_, _, id)| t(lang, id)),
            date: date(r.at),
            comment: r.comment.filter(|c| !c.trim().is_empty()),
        })
        .collect();
    let page = ReportsPage {
        shell: visit.shell("account-reports-title", Some("/account")),
        nav: AccountNav {
            current: "/account/reports",
            csrf: session.csrf.clone(),
        },
        reports,
    };
    respond(StatusCode::OK, &visit, &page)
}
