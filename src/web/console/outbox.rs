//! `GET /console/outbox`: the one-time codes the log sender handed out,
//! newest first, so that an operator running without an SMS gateway (a
//! demo, a lab) can read a code to an applicant. With a webhook sender
//! there is no outbox, and the page does not exist.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::{minute, respond_private, Bar};
use crate::http::AppState;
use crate::phone::E164;
use crate::web::html::{impl_page, Page, Shell};
use crate::web::session::ReviewerSession;
use crate::web::{error_page, Visit};

/// `templates/console/outbox.html`.
#[derive(Template)]
#[template(path = "console/outbox.html")]
struct OutboxPage<'a> {
    shell: Shell<'a>,
    bar: Bar,
    /// When, the number as shown, the code, the language.
    codes: Vec<(String, String, String, String)>,
}
impl_page!(OutboxPage);

/// `GET /console/outbox`
pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    session: ReviewerSession,
) -> Response {
    if !state.service.has_outbox() {
        return error_page(StatusCode::NOT_FOUND, &visit);
    }
    // The outbox lives in memory (at most a thousand codes): no disk.
    let codes = state
        .service
        .outbox()
        .into_iter()
        .rev()
        .map(|c| {
            let shown = E164::stored(&c.number).international();
            (minute(c.at), shown, c.code, c.locale)
        })
        .collect();
    let page = OutboxPage {
        shell: visit.shell("console-outbox-title", None),
        bar: Bar::new(&state, &session, "outbox"),
        codes,
    };
    respond_private(StatusCode::OK, &visit, &page)
}
