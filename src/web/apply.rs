//! `/apply`: a business registers, proves its numbers and its domain, and
//! sends itself for review.
//!
//! The server renders the forms (`templates/apply.html`); `apply.js`
//! drives the business API (`POST /v1/businesses`, `.../numbers`,
//! `.../confirm`, `.../domain`, `.../submit`, `GET .../status`) and keeps
//! the business id and API key in `sessionStorage`, so the key lives only
//! as long as the tab.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::html::{impl_page, Item, Page, Shell};
use super::i18n::{categories, default_region};
use super::{region_items, respond, Visit};

/// `templates/apply.html`: registration, the way back in for a business
/// that has its key, and what a signed-in business sees.
#[derive(Template)]
#[template(path = "apply.html")]
struct ApplyPage<'a> {
    shell: Shell<'a>,
    regions: Vec<Item>,
    categories: Vec<Item>,
}
impl_page!(ApplyPage);

/// `GET /apply`
pub async fn page(visit: Visit) -> Response {
    let lang = visit.lang();
    let region = default_region(lang, &visit.headers);
    let page = ApplyPage {
        shell: visit.shell("apply.title", Some("apply.js"), Some("/apply")),
        regions: region_items(lang, region),
        categories: categories(lang)
            .map(|(value, text)| Item {
                value,
                text,
                chosen: false,
            })
            .collect(),
    };
    respond(StatusCode::OK, &visit, &page)
}
