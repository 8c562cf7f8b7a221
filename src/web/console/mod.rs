//! The reviewers' console, `/console`: the review queue with its evidence
//! and warnings, one business (or whoever lists a number) with its
//! actions, the audit trail, and the one-time-code outbox when codes go to
//! one. No public page links here.
//!
//! A reviewer signs in with their reviewer token (`sign_in`), which counts
//! towards the same per-network lockout as the API's bearer tokens
//! (`http::auth::reviewer_by_token`), and gets a session cookie scoped to
//! `/console` (`session`). Every action is a form that carries the
//! session's CSRF token and names what it does; a success answers
//! `303 See Other` to the page it came from with an allow-listed `?done=`
//! notice (post, redirect, get), and a refusal renders that page again
//! with the refusal's words next to the form that was sent (`actions`).
//! Every decision goes through the same service call as the reviewer API,
//! audited under the reviewer's name.
//!
//! Admin-only operations (backup, key rotation) stay with the API and the
//! CLI: a download and a key change are not a review decision.

mod actions;
mod audit;
mod business;
mod outbox;
mod queue;
mod sign_in;

use askama::Template;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;

use super::html::{impl_page, Page, Shell};
use super::session::ReviewerSession;
use super::{respond, Visit};
use crate::http::AppState;

/// The console pages' routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/console", get(queue::page))
        .route("/console/sign-in", get(sign_in::page).post(sign_in::send))
        .route("/console/sign-out", post(sign_in::sign_out))
        .route("/console/business", get(business::page))
        .route("/console/audit", get(audit::page))
        .route("/console/outbox", get(outbox::page))
        .route(
            "/console/businesses/{id}/{action}",
            post(actions::on_business),
        )
        .route(
            "/console/numbers/{number}/{action}",
            post(actions::on_number),
        )
}

/// What every signed-in console page shows above its own content: the
/// console's navigation (with sign-out) and the notice of what was just
/// done.
pub struct Bar {
    pub csrf: String,
    pub reviewer: String,
    /// Whether the outbox exists (codes go to the log sender).
    pub outbox: bool,
    /// Which entry of the navigation is this page.
    pub current: &'static str,
    /// The message of the notice, after a redirect from an action.
    pub done: Option<&'static str>,
}

impl Bar {
    fn new(state: &AppState, session: &ReviewerSession, current: &'static str) -> Bar {
        Bar {
            csrf: session.csrf.clone(),
            reviewer: session.reviewer.name.clone(),
            outbox: state.service.has_outbox(),
            current,
            done: None,
        }
    }

    /// With the notice a `?done=` value names, if it is one of ours.
    fn with_done(mut self, done: Option<&str>) -> Bar {
        self.done = done.and_then(done_message);
        self
    }
}

/// The notice for an allow-listed `?done=` value; anything else shows
/// nothing (a link cannot make the console say what it likes).
fn done_message(done: &str) -> Option<&'static str> {
    Some(match done {
        "approved" => "console-done-approved",
        "rejected" => "console-done-rejected",
        "dismissed" => "console-done-dismissed",
        "suspended" => "console-done-suspended",
        "reinstated" => "console-done-reinstated",
        "revoked" => "console-done-revoked",
        "released" => "console-done-released",
        "unlocked" => "console-done-unlocked",
        "nothing-locked" => "console-done-nothing-locked",
        _ => return None,
    })
}

/// A console page as an answer: what `respond` sends, but never stored by
/// any cache (it shows codes, reports and decisions to one reviewer).
fn respond_private(status: StatusCode, visit: &Visit, page: &impl Page) -> Response {
    let mut response = respond(status, visit, page);
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `templates/console/message.html`: a page that says one thing.
#[derive(Template)]
#[template(path = "console/message.html")]
struct MessagePage<'a> {
    shell: Shell<'a>,
    bar: Bar,
    text: &'static str,
}
impl_page!(MessagePage);

/// The answer to a form whose CSRF token is not the session's: refused,
/// nothing done.
fn forged(state: &AppState, mut visit: Visit, session: &ReviewerSession) -> Response {
    // Its language switch leads to the console, not to the form's address.
    visit.here = "/console".to_owned();
    let visit = &visit;
    let page = MessagePage {
        shell: visit.shell("console-forged-title", None),
        bar: Bar::new(state, session, ""),
        text: "console-forged-text",
    };
    respond_private(StatusCode::FORBIDDEN, visit, &page)
}

/// A moment (seconds since 1970) to the minute, in UTC, the same in every
/// language: `2026-12-06 16:55 UTC`.
fn minute(at: i64) -> String {
    jiff::Timestamp::from_second(at)
        .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

/// A number's state as the console words it (the names of
/// `NumberState::name` and `Claim::name`).
fn number_state(state: &str) -> &'static str {
    match state {
        "attested" => "console-number-attested",
        "on_hold" => "console-number-on-hold",
        "revoked" => "console-number-revoked",
        "unproven" => "console-number-unproven",
        "proven" => "console-number-proven",
        "disputed" => "console-number-disputed",
        "locked" => "console-number-locked",
        _ => "console-number-other",
    }
}

/// A business's name as its page marks it: the text and its language.
pub struct Name {
    pub text: String,
    pub lang: String,
}

impl Name {
    fn shown(&self) -> super::html::Text<'_> {
        super::html::Text::new(&self.text, &self.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_notices_are_shown() {
        assert_eq!(done_message("approved"), Some("console-done-approved"));
        assert_eq!(done_message("<script>"), None);
        assert_eq!(done_message(""), None);
    }

    #[test]
    fn every_number_state_has_words() {
        for state in [
            "attested", "on_hold", "revoked", "unproven", "proven", "disputed", "locked",
        ] {
            assert_ne!(number_state(state), "console-number-other", "{state}");
        }
    }

    #[test]
    fn times_are_shown_to_the_minute_in_utc() {
        assert_eq!(minute(1_796_575_500), "2026-12-06 16:45 UTC");
    }
}
