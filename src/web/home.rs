//! `/`: one box to check a number or find a business by name.
//!
//! The server renders the form (`templates/home.html`) in the visitor's
//! language with the country for national numbers preselected; `home.js`
//! calls `GET /v1/numbers/{n}` for a number and `GET /v1/search` for a
//! name, and writes the answer as text into the live region below the form.

use std::sync::Arc;

use askama::Template;
use axum::extract::RawQuery;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Extension;

use super::html::{impl_page, Item, Page, Shell};
use super::i18n::{default_region, t};
use super::{region_items, respond, Assets, Visit};

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
pub async fn page(
    Extension(assets): Extension<Arc<Assets>>,
    query: RawQuery,
    headers: HeaderMap,
) -> Response {
    let visit = Visit::new(&query, headers);
    let lang = visit.lang();
    let region = default_region(lang, &visit.headers);
    let page = HomePage {
        shell: Shell {
            lang,
            title: t(lang, "nav.check"),
            script: Some("home.js"),
            nav: Some("/"),
            assets: &assets,
        },
        region,
        regions: region_items(lang, region),
    };
    respond(StatusCode::OK, &visit, &page)
}
