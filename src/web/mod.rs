//! The web pages for people: check a number or find a business (`/`),
//! report a number, a business's public profile (`/b/{id}`), apply for the
//! badge and run one's own business (`/apply`, `/account`), and the
//! reviewers' console (`/console`, linked from nowhere public).
//!
//! This is the one module that knows HTML. Every page is rendered on the
//! server in the visitor's language (Fluent, `i18n.rs`) from askama
//! templates (`templates/*.html`, checked and compiled in at build time,
//! every printed value HTML-escaped; see `html.rs`), and every action is a
//! plain form: the pages need no JavaScript, and hold no business rule of
//! their own — handlers call the same service the `/v1` API does.
//!
//! Every answer of these routes carries a strict Content-Security-Policy
//! (no script at all; styles only from bizseal's own `/static/` files), and
//! every `POST` must come from bizseal's own pages (`session::same_origin`,
//! plus a CSRF token in every signed-in form).

mod account;
mod assets;
mod console;
mod forms;
mod home;
mod html;
mod i18n;
mod localized;
mod once;
mod profile;
mod report;
mod session;

use std::sync::Arc;

use askama::Template;
use axum::extract::FromRequestParts;
use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};

use crate::http::AppState;
use crate::service::{Service, ServiceError};
use assets::Assets;
use html::{impl_page, Item, Page, Shell};
use i18n::{Choice, Lang};
use session::Sessions;

/// The policy every page is served with: no script, nothing inline,
/// nothing foreign; forms post only to bizseal.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'none'; \
    style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; \
    form-action 'self'; frame-ancestors 'none'";

/// The page routes, to merge into the API router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::page))
        .route("/report", post(report::send))
        .route("/b/{id}", get(profile::page))
        .route("/static/{file}", get(assets::serve))
        .merge(account::routes())
        .merge(console::routes())
        .layer(axum::middleware::from_fn(refuse_cross_site))
        .layer(Extension(Arc::new(Assets::new())))
        .layer(Extension(Arc::new(Sessions::default())))
        .layer(Extension(Arc::new(once::FormOnce::new())))
        .layer(axum::middleware::map_response(security_headers))
}

/// Refuses a form post that a browser says came from another site (a
/// forged form), before any handler runs.
async fn refuse_cross_site(request: Request, next: Next) -> Response {
    if session::same_origin(request.method(), request.headers()) {
        next.run(request).await
    } else {
        (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "cross-site form posts are refused\n",
        )
            .into_response()
    }
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
    /// The path and query, for links back to this same page.
    here: String,
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
            here: parts
                .uri
                .path_and_query()
                .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned()),
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
    fn shell(&self, title: &str, nav: Option<&'static str>) -> Shell<'_> {
        self.shell_titled(i18n::t(self.lang(), title), nav)
    }

    /// The page shell with a title of the page's own (a business's name).
    fn shell_titled(
        &self,
        title: std::borrow::Cow<'static, str>,
        nav: Option<&'static str>,
    ) -> Shell<'_> {
        Shell {
            lang: self.lang(),
            title,
            nav,
            here: &self.here,
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
        ("notfound-title", "notfound-text")
    } else {
        ("error-title", "error-text")
    };
    let page = ErrorPage {
        shell: visit.shell(title, None),
        text,
    };
    let mut response = respond(status, visit, &page);
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    }
    response
}

/// Why a page's service call gave no answer: the service refused (its
/// error, whose code says the status), or the worker running it failed.
enum Failed {
    Refused(ServiceError),
    Broken,
}

impl Failed {
    /// The status the API would answer for this (the one table,
    /// `error_code`), logged when it is the server's fault.
    fn status(&self) -> StatusCode {
        match self {
            Failed::Refused(e) => {
                let code = e.code();
                if code.status() >= 500 {
                    tracing::error!(error = %e, "a page's service call failed");
                }
                StatusCode::from_u16(code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
            }
            Failed::Broken => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Runs a service call on the blocking pool, as the API's handlers do: a
/// write may wait on the disk, a search on the index.
async fn run<T, F>(state: &AppState, f: F) -> Result<T, Failed>
where
    F: FnOnce(&Service) -> Result<T, ServiceError> + Send + 'static,
    T: Send + 'static,
{
    let s = Arc::clone(&state.service);
    match tokio::task::spawn_blocking(move || f(&s)).await {
        Ok(result) => result.map_err(Failed::Refused),
        Err(e) => {
            tracing::error!(error = %e, "a page's service call did not finish");
            Err(Failed::Broken)
        }
    }
}

/// A moment (seconds since 1970) as a calendar date, `2026-12-06`: read
/// the same way in every language the pages speak.
fn date(at: i64) -> String {
    jiff::Timestamp::from_second(at)
        .map(|t| t.strftime("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The countries for a `<select>` (`templates/region_options.html`), in
/// `lang`, with `selected` on one.
fn region_items(lang: Lang, selected: &str) -> Vec<Item> {
    i18n::regions(lang)
        .into_iter()
        .map(|(value, text)| Item {
            value: value.into(),
            text,
            chosen: value == selected,
        })
        .collect()
}
