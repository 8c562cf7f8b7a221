//! `/account/webhook`: where the business's events go (Standard
//! Webhooks), its secret (shown once, in the answer to the form that made
//! it, `no-store`), and its recent deliveries, each of which can be sent
//! again.

use super::signed_form;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

use super::super::html::{impl_page, Page, Shell};
use super::super::i18n::{t, Lang};
use super::super::session::BusinessSession;
use super::super::{error_page, respond, run, Visit};
use super::{done, no_store, refused, AccountNav, DoneQuery, Refused};
use crate::http::AppState;
use crate::service::{Delivery, WebhookSet};

/// Deliveries the page lists.
const LISTED: usize = 20;

/// `templates/account/webhook.html`.
#[derive(Template)]
#[template(path = "account/webhook.html")]
struct WebhookPage<'a> {
    shell: Shell<'a>,
    nav: AccountNav,
    csrf: String,
    done: Option<&'static str>,
    refused: Option<Refused>,
    /// The URL set, if any.
    current: Option<String>,
    /// What the URL field holds (the current URL, or what was typed).
    typed: String,
    /// A secret made just now: shown this once.
    secret: Option<String>,
    deliveries: Vec<DeliveryLine>,
}
impl_page!(WebhookPage);

impl WebhookPage<'_> {
    fn err(&self, field: &str) -> Option<&str> {
        self.refused.as_ref()?.at("webhook", field, "")
    }
}

/// One delivery as the page lists it.
struct DeliveryLine {
    id: u64,
    event: String,
    state: std::borrow::Cow<'static, str>,
    dead: bool,
    attempts: u32,
    result: String,
    when: String,
}

impl DeliveryLine {
    fn of(lang: Lang, d: Delivery) -> DeliveryLine {
        let state_id = match d.state {
            "delivered" => "account-webhook-state-delivered",
            "dead" => "account-webhook-state-dead",
            _ => "account-webhook-state-pending",
        };
        let result = match (d.last_status, d.last_error) {
            (Some(status), _) => format!("HTTP {status}"),
            (None, Some(error)) => error,
            (None, None) => String::new(),
        };
        DeliveryLine {
            id: d.id,
            event: d.event_type,
            state: t(lang, state_id),
            dead: d.state == "dead",
            attempts: d.attempts,
            result,
            when: jiff::Timestamp::from_millisecond(d.created_ms)
                .map(|t| t.strftime("%Y-%m-%d %H:%M:%S UTC").to_string())
                .unwrap_or_default(),
        }
    }
}

/// What the page shows of the service: the webhook and its deliveries.
async fn load(
    state: &AppState,
    session: &BusinessSession,
) -> Result<(Option<WebhookSet>, Vec<Delivery>), super::super::Failed> {
    let id = session.id.clone();
    run(state, move |s| {
        Ok((s.webhook(&id)?, s.deliveries(&id, None, LISTED)?))
    })
    .await
}

#[allow(clippy::too_many_arguments)]
fn page_of<'a>(
    visit: &'a Visit,
    session: &BusinessSession,
    done: Option<&'static str>,
    refused: Option<Refused>,
    hook: Option<WebhookSet>,
    deliveries: Vec<Delivery>,
    typed: Option<String>,
    secret: Option<String>,
) -> WebhookPage<'a> {
    let current = hook.map(|h| h.url);
    WebhookPage {
        shell: visit.shell("account-webhook-title", Some("/account")),
        nav: AccountNav {
            current: "/account/webhook",
            csrf: session.csrf.clone(),
        },
        csrf: session.csrf.clone(),
        done,
        refused,
        typed: typed.or_else(|| current.clone()).unwrap_or_default(),
        current,
        secret,
        deliveries: deliveries
            .into_iter()
            .map(|d| DeliveryLine::of(visit.lang(), d))
            .collect(),
    }
}

/// Renders the page after a form, with what the service holds now.
async fn again(
    state: &AppState,
    visit: &Visit,
    session: &BusinessSession,
    refused: Refused,
    typed: Option<String>,
    status: StatusCode,
) -> Response {
    match load(state, session).await {
        Ok((hook, deliveries)) => {
            let page = page_of(
                visit,
                session,
                None,
                Some(refused),
                hook,
                deliveries,
                typed,
                None,
            );
            respond(status, visit, &page)
        }
        Err(e) => error_page(e.status(), visit),
    }
}

/// `GET /account/webhook`
pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    session: BusinessSession,
    Query(q): Query<DoneQuery>,
) -> Response {
    match load(&state, &session).await {
        Ok((hook, deliveries)) => {
            let page = page_of(
                &visit,
                &session,
                q.message(),
                None,
                hook,
                deliveries,
                None,
                None,
            );
            respond(StatusCode::OK, &visit, &page)
        }
        Err(e) => error_page(e.status(), &visit),
    }
}

/// The set form: the URL, and whether to make a new secret.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SetFields {
    csrf: String,
    url: String,
    rotate: Option<String>,
}

/// `POST /account/webhook`: sets the URL; a new webhook or a rotation
/// shows its secret in this answer only.
pub async fn set(
    State(state): State<AppState>,
    visit: Visit,
    session: BusinessSession,
    form: Result<Form<SetFields>, FormRejection>,
) -> Response {
    let f = match signed_form(form, &session, &visit, |f| &f.csrf) {
        Ok(f) => f,
        Err(refused) => return refused,
    };
    let id = session.id.clone();
    let url = super::complete_url(&f.url);
    let rotate = f.rotate.is_some();
    let typed = url.clone();
    match run(&state, move |s| s.set_webhook(&id, &url, rotate)).await {
        Ok(set) if set.secret.is_some() => match load(&state, &session).await {
            Ok((hook, deliveries)) => {
                let page = page_of(
                    &visit, &session, None, None, hook, deliveries, None, set.secret,
                );
                no_store(respond(StatusCode::OK, &visit, &page))
            }
            Err(e) => error_page(e.status(), &visit),
        },
        Ok(_) => done("/account/webhook", "webhook_saved"),
        Err(e) => {
            let refusal = refused(visit.lang(), "webhook", &e).or_at("url");
            again(&state, &visit, &session, refusal, Some(typed), e.status()).await
        }
    }
}

/// A form with only its CSRF token.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PlainFields {
    csrf: String,
}

/// `POST /account/webhook/remove`
pub async fn remove(
    State(state): State<AppState>,
    visit: Visit,
    session: BusinessSession,
    form: Result<Form<PlainFields>, FormRejection>,
) -> Response {
    if let Err(refused) = signed_form(form, &session, &visit, |f| &f.csrf) {
        return refused;
    }
    let id = session.id.clone();
    match run(&state, move |s| s.remove_webhook(&id)).await {
        Ok(()) => done("/account/webhook", "webhook_removed"),
        Err(e) => {
            let refusal = refused(visit.lang(), "webhook", &e);
            again(&state, &visit, &session, refusal, None, e.status()).await
        }
    }
}

/// The replay form: which delivery.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReplayFields {
    csrf: String,
    delivery: u64,
}

/// `POST /account/webhook/replay`
pub async fn replay(
    State(state): State<AppState>,
    visit: Visit,
    session: BusinessSession,
    form: Result<Form<ReplayFields>, FormRejection>,
) -> Response {
    let f = match signed_form(form, &session, &visit, |f| &f.csrf) {
        Ok(f) => f,
        Err(refused) => return refused,
    };
    let id = session.id.clone();
    match run(&state, move |s| s.replay(&id, f.delivery)).await {
        Ok(_) => done("/account/webhook", "webhook_replayed"),
        Err(e) => {
            let refusal = refused(visit.lang(), "webhook", &e);
            again(&state, &visit, &session, refusal, None, e.status()).await
        }
    }
}
