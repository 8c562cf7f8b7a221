//! `/review`: the reviewers' queue (`templates/review.html`).
//!
//! The reviewer pastes a reviewer token; `review.js` keeps it in
//! `sessionStorage`, loads `GET /v1/review/queue` and shows each
//! submission's evidence (how each number was proven, the domain, spam
//! reports) and confusable-name warnings next to approve and reject.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::html::{impl_page, Page, Shell};
use super::{respond, Visit};

/// `templates/review.html`.
#[derive(Template)]
#[template(path = "review.html")]
struct ReviewPage<'a> {
    shell: Shell<'a>,
}
impl_page!(ReviewPage);

/// `GET /review`
pub async fn page(visit: Visit) -> Response {
    let _lang = visit.lang();
    let page = ReviewPage {
        shell: visit.shell("review.title", Some("review.js"), Some("/review")),
    };
    respond(StatusCode::OK, &visit, &page)
}
