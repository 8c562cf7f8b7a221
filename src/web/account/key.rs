//! `/account/key`: replacing the API key. The new key is shown this once;
//! the session it was replaced in goes on with it, and every other session
//! opened with the old key ends (as does the old key on the API).

use super::signed_form;
use std::sync::Arc;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::{Extension, Form};
use serde::Deserialize;

use super::super::html::{impl_page, Page, Shell};
use super::super::once::FormOnce;
use super::super::session::{self, BusinessSession, Kind, Sessions};
use super::super::{respond, run, Visit};
use super::{no_store, refused, AccountNav, NewKeyPage, Refused};
use crate::http::AppState;
use crate::model::now;

/// `templates/account/key.html`.
#[derive(Template)]
#[template(path = "account/key.html")]
struct KeyPage<'a> {
    shell: Shell<'a>,
    nav: AccountNav,
    csrf: String,
    /// Never set: the page's notices are refusals only.
    done: Option<&'static str>,
    refused: Option<Refused>,
    /// A fresh one-time token (`web::once`): reloading the page with the
    /// new key must not replace that key too.
    once: String,
}
impl_page!(KeyPage);

impl<'a> KeyPage<'a> {
    fn new(
        visit: &'a Visit,
        once: &FormOnce,
        session: &BusinessSession,
        refused: Option<Refused>,
    ) -> KeyPage<'a> {
        KeyPage {
            once: once.issue(now()),
            shell: visit.shell("account-key-title", Some("/account")),
            nav: AccountNav {
                current: "/account/key",
                csrf: session.csrf.clone(),
            },
            csrf: session.csrf.clone(),
            done: None,
            refused,
        }
    }
}

/// `GET /account/key`
pub async fn page(
    visit: Visit,
    session: BusinessSession,
    Extension(once): Extension<Arc<FormOnce>>,
) -> Response {
    respond(
        StatusCode::OK,
        &visit,
        &KeyPage::new(&visit, &once, &session, None),
    )
}

/// The form: only its CSRF token.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RotateFields {
    csrf: String,
    once: String,
}

/// `POST /account/key`: replaces the key this session was opened with.
pub async fn rotate(
    State(state): State<AppState>,
    visit: Visit,
    session: BusinessSession,
    Extension(sessions): Extension<Arc<Sessions>>,
    Extension(once): Extension<Arc<FormOnce>>,
    headers: HeaderMap,
    form: Result<Form<RotateFields>, FormRejection>,
) -> Response {
    let fields = match signed_form(form, &session, &visit, |f| &f.csrf) {
        Ok(fields) => fields,
        Err(refused) => return refused,
    };
    if let Err(unusable) = once.spend(&fields.once, now()) {
        let r = Refused::form_level(visit.lang(), "key", unusable);
        let page = KeyPage::new(&visit, &once, &session, Some(r));
        return respond(unusable.status(), &visit, &page);
    }
    let id = session.id.clone();
    let current = session.key_hash;
    match run(&state, move |s| s.rotate_api_key(&id, &current)).await {
        Ok(key) => {
            if let Some(cookie) = session::cookie_of(Kind::Business, &headers) {
                sessions.rekey(Kind::Business, cookie, &key);
            }
            let page = NewKeyPage {
                shell: visit.shell("account-new-key-title", Some("/account")),
                id: session.id.to_string(),
                key,
                registered: false,
                signed_in: true,
                nav: Some(AccountNav {
                    current: "/account/key",
                    csrf: session.csrf.clone(),
                }),
            };
            no_store(respond(StatusCode::OK, &visit, &page))
        }
        Err(e) => {
            let r = refused(visit.lang(), "key", &e);
            let page = KeyPage::new(&visit, &once, &session, Some(r));
            respond(e.status(), &visit, &page)
        }
    }
}
