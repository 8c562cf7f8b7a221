//! A business's own pages: applying for the badge (`/apply`), signing in
//! with the API key (`/account/sign-in`), and running the business:
//! status, numbers, domain and review (`/account`), the profile
//! (`/account/profile`), reports on its numbers (`/account/reports`) and
//! its API key (`/account/key`), and its webhook and deliveries
//! (`/account/webhook`).
//!
//! Every action is a plain form handled by the same service calls as the
//! `/v1` API, and every form follows one pattern:
//!
//! - a signed-in form carries the session's CSRF token (`csrf`), checked
//!   before anything else: a missing or wrong one is a 403 page and
//!   changes nothing;
//! - success answers 303 to the page with `?done=` one of [`DONE`], so a
//!   reload repeats nothing and the notice can only be words we wrote;
//! - a refusal renders the page again, with the status the API would give,
//!   what was typed kept, the words next to the field (`aria-invalid`,
//!   `aria-describedby`, class `field-error`), and a notice at the top
//!   (`role="alert"`) that links to the field.
//!
//! A new API key (after applying, or replacing it) is the one exception: it
//! is shown in the answer to the POST itself, `no-store`, because showing
//! it after a redirect would mean keeping the key itself on the server,
//! which holds only hashes of keys.

mod apply;
mod dashboard;
mod key;
mod numbers;
mod profile;
mod reports;
mod sign_in;
mod webhook;

use std::borrow::Cow;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::forms::Refusal;
use super::html::{impl_page, Item, Page, Shell};
use super::i18n::{self, Lang};
use super::session::BusinessSession;
use super::{error_page, respond, ErrorPage, Visit};
use crate::http::AppState;
use crate::service::ServiceError;

/// The account pages' routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/apply", get(apply::page).post(apply::send))
        .route("/account", get(dashboard::page))
        .route("/account/sign-in", get(sign_in::page).post(sign_in::send))
        .route("/account/sign-out", post(sign_in::sign_out))
        .route("/account/numbers", post(numbers::add))
        .route("/account/numbers/code", post(numbers::send_code))
        .route("/account/numbers/confirm", post(numbers::confirm))
        .route("/account/numbers/remove", post(numbers::remove))
        .route("/account/domain", post(dashboard::start_domain))
        .route("/account/domain/check", post(dashboard::check_domain))
        .route("/account/submit", post(dashboard::submit))
        .route("/account/profile", get(profile::page).post(profile::send))
        .route("/account/reports", get(reports::page))
        .route("/account/key", get(key::page).post(key::rotate))
        .route("/account/webhook", get(webhook::page).post(webhook::set))
        .route("/account/webhook/remove", post(webhook::remove))
        .route("/account/webhook/replay", post(webhook::replay))
}

/// What a `?done=` may say, and its words: nothing else is ever shown, so
/// a link cannot put words of its own on the page.
const DONE: [(&str, &str); 12] = [
    ("code_sent", "account-done-code-sent"),
    ("number_proven", "account-done-number-proven"),
    ("number_removed", "account-done-number-removed"),
    ("domain_started", "account-done-domain-started"),
    ("domain_proven", "account-done-domain-proven"),
    ("submitted", "account-done-submitted"),
    ("profile_saved", "account-done-profile-saved"),
    ("profile_pending", "account-done-profile-pending"),
    ("signed_out", "account-done-signed-out"),
    ("webhook_saved", "account-done-webhook-saved"),
    ("webhook_removed", "account-done-webhook-removed"),
    ("webhook_replayed", "account-done-webhook-replayed"),
];

/// The query of a page a form redirects to.
#[derive(Debug, Default, Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

impl DoneQuery {
    /// The message of an allow-listed notice, if the query names one.
    fn message(&self) -> Option<&'static str> {
        let done = self.done.as_deref()?;
        DONE.iter().find(|(key, _)| *key == done).map(|(_, id)| *id)
    }
}

/// The 303 to `path` with the notice `done` (one of [`DONE`]).
fn done(path: &str, done: &'static str) -> Response {
    debug_assert!(DONE.iter().any(|(key, _)| *key == done), "{done}");
    Redirect::to(&format!("{path}?done={done}")).into_response()
}

/// Which form of a page was refused, and the words for it.
pub struct Refused {
    /// The form, as the page names it (`add`, `confirm`, `profile`, ...).
    pub form: &'static str,
    /// The field the words go next to, by the form's name for it.
    pub field: Option<String>,
    /// Which of several like forms (the number a number's form is for).
    pub about: String,
    pub text: Cow<'static, str>,
}

impl Refused {
    /// A refusal of the service, for `form`.
    fn of(lang: Lang, form: &'static str, e: &ServiceError) -> Refused {
        let Refusal { field, text } = Refusal::of(lang, e);
        Refused {
            form,
            field,
            about: String::new(),
            text,
        }
    }

    /// A one-time form sent twice or too late: words about the whole form.
    fn form_level(lang: Lang, form: &'static str, why: super::once::Unusable) -> Refused {
        Refused {
            form,
            field: None,
            about: String::new(),
            text: i18n::t(lang, why.message()),
        }
    }

    /// Puts words that name no field next to `field` (the form has one
    /// field they can be about).
    fn or_at(mut self, field: &str) -> Refused {
        if self.field.is_none() {
            self.field = Some(field.to_owned());
        }
        self
    }

    /// Renames the service's field `from` (and its parts, `from.x`) to
    /// the form's `to`.
    fn renamed(mut self, from: &str, to: &str) -> Refused {
        if let Some(f) = &self.field {
            if f == from || f.starts_with(&format!("{from}.")) {
                self.field = Some(to.to_owned());
            }
        }
        self
    }

    /// For the form about `about` (one number of several).
    fn about(mut self, about: &str) -> Refused {
        self.about = about.to_owned();
        self
    }

    /// The words, if they are about `field` of `form` (about `about`).
    pub fn at(&self, form: &str, field: &str, about: &str) -> Option<&str> {
        (self.form == form && self.field.as_deref() == Some(field) && self.about == about)
            .then_some(&*self.text)
    }

    /// The id of the element the page-level notice links to: the field's
    /// own (`{form}-{field}` with `-{about}`, `_` as `-`), else the form's.
    pub fn anchor(&self) -> String {
        let mut id = match &self.field {
            Some(field) => format!("{}-{}", self.form, field.replace(['_', '.'], "-")),
            None => format!("{}-form", self.form),
        };
        if !self.about.is_empty() {
            id.push('-');
            id.push_str(&self.about);
        }
        id
    }
}

/// The `Failed` of a page's service call as words for `form`; a worker
/// that failed is the server's fault, said so.
fn refused(lang: Lang, form: &'static str, failed: &super::Failed) -> Refused {
    match failed {
        super::Failed::Refused(e) => Refused::of(lang, form, e),
        super::Failed::Broken => Refused {
            form,
            field: None,
            about: String::new(),
            text: i18n::t(lang, "code-internal"),
        },
    }
}

/// The id part for a number in element ids: its digits.
fn number_key(e164: &str) -> String {
    e164.chars().filter(char::is_ascii_digit).collect()
}

/// A website or logo as typed, with `https://` put in front of an address
/// typed without a scheme (`example.com`), as a browser's address bar
/// would; empty stays empty (no website).
fn complete_url(typed: &str) -> String {
    let typed = typed.trim();
    if typed.is_empty() || typed.contains("://") {
        typed.to_owned()
    } else {
        format!("https://{typed}")
    }
}

/// The languages a business writes its names and descriptions in, each by
/// its own name (which needs no translation): the pages' languages first,
/// then other widely used ones.
const TEXT_LANGS: [(&str, &str); 16] = [
    ("en", "English"),
    ("es", "Español"),
    ("nl", "Nederlands"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("pt", "Português"),
    ("ar", "العربية"),
    ("ja", "日本語"),
    ("it", "Italiano"),
    ("zh", "中文"),
    ("hi", "हिन्दी"),
    ("tr", "Türkçe"),
    ("pl", "Polski"),
    ("ru", "Русский"),
    ("ko", "한국어"),
    ("sv", "Svenska"),
];

/// A language's own name, or its tag when the list lacks it.
fn lang_name(tag: &str) -> Cow<'static, str> {
    TEXT_LANGS
        .iter()
        .find(|(t, _)| t.eq_ignore_ascii_case(tag))
        .map_or_else(|| Cow::Owned(tag.to_owned()), |(_, n)| Cow::Borrowed(*n))
}

/// The languages for a `<select>`, `selected` chosen; a tag the list
/// lacks (kept from before) is offered too.
fn lang_items(selected: &str, leave_out: &[&str]) -> Vec<Item> {
    let mut items: Vec<Item> = TEXT_LANGS
        .iter()
        .filter(|(t, _)| *t == selected || !leave_out.contains(t))
        .map(|(t, n)| Item {
            value: Cow::Borrowed(*t),
            text: Cow::Borrowed(*n),
            chosen: *t == selected,
        })
        .collect();
    if !selected.is_empty() && !items.iter().any(|i| i.chosen) {
        items.insert(
            0,
            Item {
                value: Cow::Owned(selected.to_owned()),
                text: Cow::Owned(selected.to_owned()),
                chosen: true,
            },
        );
    }
    items
}

/// The categories for a `<select>` in `lang`, `selected` chosen (one the
/// pages lack, kept from before, is offered by its slug).
fn category_items(lang: Lang, selected: &str) -> Vec<Item> {
    let mut items: Vec<Item> = i18n::CATEGORIES
        .iter()
        .map(|c| Item {
            value: Cow::Borrowed(*c),
            text: i18n::category_name(lang, c),
            chosen: *c == selected,
        })
        .collect();
    if !selected.is_empty() && !items.iter().any(|i| i.chosen) {
        items.push(Item {
            value: Cow::Owned(selected.to_owned()),
            text: i18n::category_name(lang, selected),
            chosen: true,
        });
    }
    items
}

/// Whether the page reached the visitor over TLS (through a trusted
/// proxy): the session cookie is then `Secure`.
struct OverTls(bool);

impl<S: Send + Sync> FromRequestParts<S> for OverTls {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<OverTls, Self::Rejection> {
        Ok(OverTls(super::session::over_tls(parts)))
    }
}

/// A signed-in form's fields, once they parse and carry this session's
/// CSRF token (`csrf` reads it); else the answer to send instead: a 400
/// page, or the 403 page with nothing done. Every signed-in handler
/// starts here, so none can forget the check.
// The refusal is a whole answer, made once a request and returned at once:
// boxing it would buy nothing.
#[allow(clippy::result_large_err)]
fn signed_form<T>(
    form: Result<Form<T>, FormRejection>,
    session: &BusinessSession,
    visit: &Visit,
    csrf: impl FnOnce(&T) -> &String,
) -> Result<T, Response> {
    let Ok(Form(f)) = form else {
        return Err(error_page(StatusCode::BAD_REQUEST, visit));
    };
    if !session.csrf_ok(csrf(&f)) {
        return Err(forbidden(visit));
    }
    Ok(f)
}

/// The answer for a form whose CSRF token is missing or wrong: a 403 page
/// that says to reload (the usual cause is a page open since before a
/// sign-in), and nothing done.
fn forbidden(visit: &Visit) -> Response {
    let page = ErrorPage {
        shell: visit.shell("account-forbidden-title", Some("/account")),
        text: "account-forbidden-text",
    };
    respond(StatusCode::FORBIDDEN, visit, &page)
}

/// A page that shows a new secret: never stored by any cache.
fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The in-page navigation of the signed-in pages, and its sign-out form.
pub struct AccountNav {
    /// Which entry is this page (a path).
    pub current: &'static str,
    pub csrf: String,
}

impl AccountNav {
    /// Whether the entry `path` is this page.
    pub fn is(&self, path: &str) -> bool {
        self.current == path
    }

    /// The entries: path and message id.
    pub fn entries(&self) -> [(&'static str, &'static str); 5] {
        [
            ("/account", "account-nav-status"),
            ("/account/profile", "account-nav-profile"),
            ("/account/reports", "account-nav-reports"),
            ("/account/key", "account-nav-key"),
            ("/account/webhook", "account-nav-webhook"),
        ]
    }
}

/// `templates/account/new_key.html`: a new API key, shown this once.
#[derive(Template)]
#[template(path = "account/new_key.html")]
struct NewKeyPage<'a> {
    shell: Shell<'a>,
    id: String,
    key: String,
    /// Registered just now (else the key replaced an old one).
    registered: bool,
    /// Whether a session was opened (only lacking randomness stops it).
    signed_in: bool,
    nav: Option<AccountNav>,
}
impl_page!(NewKeyPage);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_allow_listed_notices_are_shown() {
        let q = |d: &str| DoneQuery {
            done: Some(d.to_owned()),
        };
        assert_eq!(q("submitted").message(), Some("account-done-submitted"));
        assert_eq!(q("<b>hi</b>").message(), None);
        assert_eq!(q("account-done-submitted").message(), None);
        assert_eq!(DoneQuery::default().message(), None);
        for (_, id) in DONE {
            assert!(i18n::has(id), "{id}");
        }
    }

    #[test]
    fn a_website_without_a_scheme_is_completed_to_https() {
        assert_eq!(
            complete_url(" panaderia.example "),
            "https://panaderia.example"
        );
        assert_eq!(complete_url("http://x.example"), "http://x.example");
        assert_eq!(complete_url("https://x.example/a"), "https://x.example/a");
        assert_eq!(complete_url("  "), "");
        // Not an address at all: the service refuses it, with the field.
        assert_eq!(complete_url("ftp://x"), "ftp://x");
    }

    #[test]
    fn a_refusal_names_its_field_and_anchor() {
        let e = ServiceError::invalid("names.es", "must not be empty");
        let r = Refused::of(Lang::En, "apply", &e).renamed("names", "name");
        assert_eq!(
            r.at("apply", "name", ""),
            Some(&*i18n::t(Lang::En, "invalid-names"))
        );
        assert_eq!(r.at("apply", "names.es", ""), None);
        assert_eq!(r.anchor(), "apply-name");
        let r = Refused::of(Lang::Es, "confirm", &ServiceError::Unauthorized)
            .or_at("code")
            .about("34612000999");
        assert_eq!(r.anchor(), "confirm-code-34612000999");
        assert!(r.at("confirm", "code", "34612000999").is_some());
        assert!(r.at("confirm", "code", "34612000998").is_none());
        let r = Refused::of(Lang::En, "submit", &ServiceError::NotFound("business"));
        assert_eq!(r.anchor(), "submit-form");
    }

    #[test]
    fn languages_and_categories_keep_a_value_the_lists_lack() {
        let items = lang_items("ca", &[]);
        assert!(items[0].chosen && items[0].value == "ca");
        let items = lang_items("es", &["es", "en"]);
        assert!(items.iter().any(|i| i.value == "es" && i.chosen));
        assert!(!items.iter().any(|i| i.value == "en"));
        let items = category_items(Lang::En, "bakery");
        assert!(items.iter().any(|i| i.value == "bakery" && i.chosen));
        assert_eq!(lang_name("ja"), "日本語");
        assert_eq!(lang_name("ca"), "ca");
    }
}
