//! The web pages for people: check a number (`/`), a business's public
//! profile (`/b/{id}`), apply for the badge (`/apply`), review (`/review`).
//!
//! This is the one module that knows HTML. Pages are server-rendered shells
//! in the visitor's language; the interactive parts are small scripts that
//! call the same public `/v1` API any client uses, so the pages hold no
//! business rule of their own. The profile page reads the service directly,
//! so it works without JavaScript.
//!
//! Every answer of these routes carries a strict Content-Security-Policy:
//! scripts and styles come only from bizseal's own `/static/` files, never
//! inline, and API data reaches the DOM only as text (`textContent`), so a
//! business named `<script>` is just a strange name.

mod apply;
mod assets;
mod catalog;
mod home;
mod html;
mod i18n;
mod profile;
mod review;

use std::sync::Arc;

use axum::extract::RawQuery;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};

use crate::http::AppState;
use assets::Assets;
use html::{escape, Page};
use i18n::{t, Choice, Lang};

/// The policy every page is served with: nothing inline, nothing foreign.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
    frame-ancestors 'none'";

/// The page routes, to merge into the API router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::page))
        .route("/b/{id}", get(profile::page))
        .route("/apply", get(apply::page))
        .route("/review", get(review::page))
        .route("/static/{file}", get(assets::serve))
        .layer(Extension(Arc::new(Assets::new())))
        .layer(axum::middleware::map_response(security_headers))
}

/// Adds the security headers to every answer of the page routes.
async fn security_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// What every page handler takes from the request: the language choice.
struct Visit {
    choice: Choice,
    headers: HeaderMap,
}

impl Visit {
    fn new(query: &RawQuery, headers: HeaderMap) -> Visit {
        Visit {
            choice: i18n::pick(query.0.as_deref(), &headers),
            headers,
        }
    }

    fn lang(&self) -> Lang {
        self.choice.lang
    }
}

/// A rendered page as an HTML answer. Pages depend on the language, so
/// caches keep them apart by `Accept-Language` and `Cookie`; they are
/// cheap to render, so they are revalidated every time.
fn respond(status: StatusCode, visit: &Visit, page: &Page<'_>, assets: &Assets) -> Response {
    let body = html::render(page, assets);
    let mut response = (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response();
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    if visit.choice.from_switch {
        // One year; Lax so the choice follows a link from elsewhere.
        let cookie = format!(
            "{}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            i18n::COOKIE,
            visit.lang().code()
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            h.insert(header::SET_COOKIE, v);
        }
    }
    response
}

/// A page that says something went wrong, in the visitor's language.
fn error_page(status: StatusCode, visit: &Visit, assets: &Assets) -> Response {
    let lang = visit.lang();
    let (title, text) = if status == StatusCode::NOT_FOUND {
        (t(lang, "notfound.title"), t(lang, "notfound.text"))
    } else {
        (t(lang, "error.title"), t(lang, "error.text"))
    };
    let main = format!(
        "<h1>{}</h1>\n<p>{}</p>\n<p><a href=\"/\">{}</a></p>",
        escape(title),
        escape(text),
        escape(t(lang, "nav.check"))
    );
    let page = Page {
        lang,
        title,
        main,
        script: None,
        nav: None,
    };
    let mut response = respond(status, visit, &page, assets);
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    }
    response
}

/// `<option>`s of the countries, with `selected` on one.
fn region_options(lang: Lang, selected: &str) -> String {
    let mut out = String::new();
    for (code, name) in i18n::regions(lang) {
        let sel = if code == selected { " selected" } else { "" };
        out.push_str(&format!(
            "<option value=\"{code}\"{sel}>{} ({code})</option>",
            escape(name)
        ));
    }
    out
}
