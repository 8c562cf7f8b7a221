//! `/`: one box to check a number or find a business by name.
//!
//! The server renders the form (`templates/home.html`) in the visitor's
//! language with the country for national numbers preselected; `home.js`
//! calls `GET /v1/numbers/{n}` for a number and `GET /v1/search` for a
//! name, and writes the answer as text into the live region below the form.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::html::{impl_page, Item, Page, Shell};
use super::i18n::default_region;
use super::{region_items, respond, Visit};

/// `templates/home.html`.
#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    shell: Shell<'a>,
    /// The country preselected for national numbers.
    region: &'static str,
    regions: Vec<Item>,
}
impl_page!(HomePage);

/// `GET /`
pub async fn page(visit: Visit) -> Response {
    let lang = visit.lang();
    let region = default_region(lang, &visit.headers);
    let page = HomePage {
        shell: visit.shell("nav.check", Some("home.js"), Some("/")),
        region,
        regions: region_items(lang, region),
    };
    respond(StatusCode::OK, &visit, &page)
}
