//! Signing in with the API key, and out. The key is checked by the same
//! service call as the API's bearer authentication; a session (see
//! `session.rs`) then carries the business, and the key is not kept.

use super::signed_form;
use std::sync::Arc;

use askama::Template;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;

use super::super::html::{impl_page, Page, Shell};
use super::super::session::{self, BusinessSession, Kind, Sessions};
use super::super::{error_page, respond, run, Failed, Visit};
use super::{done, refused, DoneQuery, OverTls, Refused};
use crate::http::AppState;
use crate::service::ServiceError;

/// `templates/account/sign_in.html`.
#[derive(Template)]
#[template(path = "account/sign_in.html")]
struct SignInPage<'a> {
    shell: Shell<'a>,
    done: Option<&'static str>,
    refused: Option<Refused>,
}
impl_page!(SignInPage);

impl SignInPage<'_> {
    fn err(&self, field: &str) -> Option<&str> {
        self.refused.as_ref()?.at("signin", field, "")
    }
}

/// `GET /account/sign-in`
pub async fn page(visit: Visit, query: Result<Query<DoneQuery>, QueryRejection>) -> Response {
    let page = SignInPage {
        shell: visit.shell("account-sign-in-title", Some("/account")),
        done: query.ok().and_then(|Query(q)| q.message()),
        refused: None,
    };
    respond(StatusCode::OK, &visit, &page)
}

/// The sign-in form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignInFields {
    api_key: String,
}

/// `POST /account/sign-in`: a right key opens a session and goes to the
/// dashboard; a wrong one is a 401 with the words next to the field.
pub async fn send(
    State(state): State<AppState>,
    visit: Visit,
    Extension(sessions): Extension<Arc<Sessions>>,
    OverTls(tls): OverTls,
    form: Result<Form<SignInFields>, FormRejection>,
) -> Response {
    let Ok(Form(f)) = form else {
        return error_page(StatusCode::BAD_REQUEST, &visit);
    };
    let key = f.api_key.trim().to_owned();
    let checked = run(&state, {
        let key = key.clone();
        move |s| s.authenticate_business(&key)
    })
    .await;
    let failed = match checked {
        Ok(Some(_)) => match sessions.open(Kind::Business, &key) {
            Some(opened) => {
                let mut r = Redirect::to("/account").into_response();
                r.headers_mut().insert(
                    header::SET_COOKIE,
                    session::start_cookie(Kind::Business, &opened, tls),
                );
                return r;
            }
            None => Failed::Broken,
        },
        Ok(None) => Failed::Refused(ServiceError::Unauthorized),
        Err(e) => e,
    };
    let page = SignInPage {
        shell: visit.shell("account-sign-in-title", Some("/account")),
        done: None,
        refused: Some(refused(visit.lang(), "signin", &failed).or_at("api_key")),
    };
    respond(failed.status(), &visit, &page)
}

/// The sign-out form: only its CSRF token.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignOutFields {
    csrf: String,
}

/// `POST /account/sign-out`: ends this session, here and in the browser.
pub async fn sign_out(
    visit: Visit,
    session: BusinessSession,
    Extension(sessions): Extension<Arc<Sessions>>,
    headers: axum::http::HeaderMap,
    form: Result<Form<SignOutFields>, FormRejection>,
) -> Response {
    if let Err(refused) = signed_form(form, &session, &visit, |f| &f.csrf) {
        return refused;
    }
    if let Some(cookie) = session::cookie_of(Kind::Business, &headers) {
        sessions.close(cookie);
    }
    let mut r = done("/account/sign-in", "signed_out");
    r.headers_mut()
        .insert(header::SET_COOKIE, session::end_cookie(Kind::Business));
    r
}
