//! `/console/sign-in` and `/console/sign-out`: a reviewer trades their
//! reviewer token for a session.
//!
//! The token is checked by the same function as the API's bearer tokens
//! (`http::auth::reviewer_by_token`), so a wrong one here counts towards
//! the same per-network lockout, and a locked-out network is told how
//! long to wait. The sign-in form carries no CSRF token (there is no
//! session yet); the pages' cross-site check refuses a forged one, and a
//! forged sign-in could only sign the victim in as the forger's reviewer.

use askama::Template;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use std::sync::Arc;

use super::{forged, respond_private};
use crate::http::auth::{reviewer_by_token, ClientAddr, ReviewerRefused};
use crate::http::AppState;
use crate::web::html::{impl_page, Page, Shell};
use crate::web::i18n::{args, t, t_args};
use crate::web::session::{self, Kind, NoSession, ReviewerSession, Sessions};
use crate::web::{error_page, Visit};

/// `templates/console/sign_in.html`.
#[derive(Template)]
#[template(path = "console/sign_in.html")]
struct SignInPage<'a> {
    shell: Shell<'a>,
    /// A notice above the form: (class, words).
    notice: Option<(&'static str, String)>,
    /// Why the token was not taken, next to its field.
    error: Option<String>,
}
impl_page!(SignInPage);

/// The query of `GET /console/sign-in`.
#[derive(Debug, Default, Deserialize)]
pub struct SignInQuery {
    done: Option<String>,
}

/// `GET /console/sign-in`: the form, or the queue for someone signed in.
pub async fn page(
    visit: Visit,
    signed_in: Result<ReviewerSession, NoSession>,
    query: Result<Query<SignInQuery>, QueryRejection>,
) -> Response {
    if signed_in.is_ok() {
        return Redirect::to("/console").into_response();
    }
    let signed_out = query.is_ok_and(|Query(q)| q.done.as_deref() == Some("signed-out"));
    let notice = signed_out.then(|| {
        (
            "notice-ok",
            t(visit.lang(), "console-signed-out").into_owned(),
        )
    });
    render(&visit, StatusCode::OK, notice, None)
}

fn render(
    visit: &Visit,
    status: StatusCode,
    notice: Option<(&'static str, String)>,
    error: Option<String>,
) -> Response {
    let page = SignInPage {
        shell: visit.shell("console-sign-in-title", None),
        notice,
        error,
    };
    respond_private(status, visit, &page)
}

/// What the sign-in form posts.
#[derive(Debug, Deserialize)]
pub struct SignInFields {
    #[serde(default)]
    token: String,
}

/// `POST /console/sign-in`
pub async fn send(
    State(state): State<AppState>,
    visit: Visit,
    parts: Parts,
    Extension(sessions): Extension<Arc<Sessions>>,
    ClientAddr(client): ClientAddr,
    form: Result<Form<SignInFields>, FormRejection>,
) -> Response {
    let Ok(Form(fields)) = form else {
        return error_page(StatusCode::BAD_REQUEST, &visit);
    };
    let token = fields.token.trim();
    // An empty field is a slip, not a guess: it is not counted (as a
    // request without a bearer token is not).
    let given = (!token.is_empty()).then_some(token);
    let lang = visit.lang();
    match reviewer_by_token(&state, client, given).await {
        Ok(_) => {
            // A session this browser still had ends: one at a time.
            if let Some(old) = session::cookie_of(Kind::Reviewer, &visit.headers) {
                sessions.close(old);
            }
            open(&visit, &sessions, token, &parts)
        }
        Err(ReviewerRefused::Wrong) => render(
            &visit,
            StatusCode::UNAUTHORIZED,
            None,
            Some(t(lang, "console-wrong-token").into_owned()),
        ),
        Err(ReviewerRefused::LockedOut(wait)) => {
            let minutes = wait.div_ceil(60);
            let words = t_args(
                lang,
                "console-locked-out",
                &args([("minutes", minutes.into())]),
            );
            let mut response = render(
                &visit,
                StatusCode::TOO_MANY_REQUESTS,
                Some(("notice-bad", words)),
                None,
            );
            if let Ok(v) = HeaderValue::from_str(&wait.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
            response
        }
        Err(ReviewerRefused::Failed(e)) => {
            let status = StatusCode::from_u16(e.code().status())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            error_page(status, &visit)
        }
    }
}

/// Opens a session for `token` (already checked) and sends the reviewer
/// to the queue with its cookie.
fn open(visit: &Visit, sessions: &Sessions, token: &str, parts: &Parts) -> Response {
    let Some(opened) = sessions.open(Kind::Reviewer, token) else {
        return error_page(StatusCode::SERVICE_UNAVAILABLE, visit);
    };
    let mut response = Redirect::to("/console").into_response();
    let cookie = session::start_cookie(Kind::Reviewer, &opened, session::over_tls(parts));
    response.headers_mut().insert(header::SET_COOKIE, cookie);
    response
}

/// What the sign-out form posts.
#[derive(Debug, Deserialize)]
pub struct SignOutFields {
    #[serde(default)]
    csrf: String,
}

/// `POST /console/sign-out`: ends the session here and in the browser.
pub async fn sign_out(
    State(state): State<AppState>,
    visit: Visit,
    session: ReviewerSession,
    Extension(sessions): Extension<Arc<Sessions>>,
    form: Result<Form<SignOutFields>, FormRejection>,
) -> Response {
    let csrf = form.map(|Form(f)| f.csrf).unwrap_or_default();
    if !session.csrf_ok(&csrf) {
        return forged(&state, visit, &session);
    }
    if let Some(cookie) = session::cookie_of(Kind::Reviewer, &visit.headers) {
        sessions.close(cookie);
    }
    let mut response = Redirect::to("/console/sign-in?done=signed-out").into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session::end_cookie(Kind::Reviewer));
    response
}
