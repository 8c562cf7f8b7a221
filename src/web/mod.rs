//! The web pages for people: check a number (`/`), a business's public
//! profile (`/b/{id}`), apply for the badge (`/apply`), review (`/review`).
//!
//! This is the one module that knows HTML. Pages are server-rendered in the
//! visitor's language from askama templates (`templates/*.html`, checked
//! and compiled in at build time, every printed value HTML-escaped; see
//! `html.rs`); the interactive parts are small scripts that
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

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};

use crate::http::AppState;
use assets::Assets;
use html::{impl_page, Item, Page, Shell};
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
    assets: Arc<Assets>,
}

/// Every page's prologue: the visitor's language (query, cookie,
/// `Accept-Language`), the request headers, and the assets.
impl<S: Send + Sync> FromRequestParts<S> for Visit {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Visit, Self::Rejection> {
        // `routes` adds the assets to every page request; without them the
        // page cannot be built (and building them per request would hash
        // every static file each time).
        let assets = parts
            .extensions
            .get::<Arc<Assets>>()
            .cloned()
            .ok_or(StatusCode::INTERNAL_SERVER_ERROR)?;
        Ok(Visit {
            choice: i18n::pick(parts.uri.query(), &parts.headers),
            headers: parts.headers.clone(),
            assets,
        })
    }
}

impl Visit {
    fn lang(&self) -> Lang {
        self.choice.lang
    }

    /// The page shell in the visitor's language, titled by the message
    /// `title`.
    fn shell(
        &self,
        title: &'static str,
        script: Option<&'static str>,
        nav: Option<&'static str>,
    ) -> Shell<'_> {
        Shell {
            lang: self.lang(),
            title: t(self.lang(), title),
            script,
            nav,
            assets: &self.assets,
        }
    }
}

/// A rendered page as an HTML answer. Pages depend on the language, so
/// caches keep them apart by `Accept-Language` and `Cookie`; they are
/// cheap to render, so they are revalidated every time.
fn respond(status: StatusCode, visit: &Visit, page: &impl Page) -> Response {
    // Rendering fails only if a value's `Display` does, which none of the
    // pages' values do; should it happen, say so rather than send half a page.
    let body = match page.render() {
        Ok(body) => body,
        Err(e) => {
            tracing::error!(error = %e, "a page failed to render");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "internal error\n",
            )
                .into_response();
        }
    };
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

/// `templates/error.html`: the shell's title is the page's heading.
#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    shell: Shell<'a>,
    text: &'static str,
}
impl_page!(ErrorPage);

/// A page that says something went wrong, in the visitor's language.
fn error_page(status: StatusCode, visit: &Visit) -> Response {
    let (title, text) = if status == StatusCode::NOT_FOUND {
        ("notfound.title", "notfound.text")
    } else {
        ("error.title", "error.text")
    };
    let page = ErrorPage {
        shell: visit.shell(title, None, None),
        text: t(visit.lang(), text),
    };
    let mut response = respond(status, visit, &page);
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    }
    response
}

/// The countries for a `<select>` (`templates/region_options.html`), in
/// `lang`, with `selected` on one.
fn region_items(lang: Lang, selected: &str) -> Vec<Item> {
    i18n::regions(lang)
        .into_iter()
        .map(|(value, text)| Item {
            value,
            text,
            chosen: value == selected,
        })
        .collect()
}
