//! `/review`: the reviewers' queue (`templates/review.html`).
//!
//! The reviewer pastes a reviewer token; `review.js` keeps it in
//! `sessionStorage`, loads `GET /v1/review/queue` and shows each
//! submission's evidence (how each number was proven, the domain, spam
//! reports) and confusable-name warnings next to approve and reject.

use std::sync::Arc;

use askama::Template;
use axum::extract::RawQuery;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Extension;

use super::html::{impl_page, Page, Shell};
use super::i18n::t;
use super::{respond, Assets, Visit};

/// `templates/review.html`.
#[derive(Template)]
#[template(path = "review.html")]
struct ReviewPage<'a> {
    shell: Shell<'a>,
}
impl_page!(ReviewPage);

/// `GET /review`
pub async fn page(
    Extension(assets): Extension<Arc<Assets>>,
    query: RawQuery,
    headers: HeaderMap,
) -> Response {
    let visit = Visit::new(&query, headers);
    let lang = visit.lang();
    let page = ReviewPage {
        shell: Shell {
            lang,
            title: t(lang, "review.title"),
            script: Some("review.js"),
            nav: Some("/review"),
            assets: &assets,
        },
    };
    respond(StatusCode::OK, &visit, &page)
}
