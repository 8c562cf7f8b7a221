//! `/review`: the reviewers' queue.
//!
//! The reviewer pastes a reviewer token; `review.js` keeps it in
//! `sessionStorage`, loads `GET /v1/review/queue` and shows each
//! submission's evidence (how each number was proven, the domain, spam
//! reports) and confusable-name warnings next to approve and reject.

use std::sync::Arc;

use axum::extract::RawQuery;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Extension;

use super::html::{escape, Page};
use super::i18n::t;
use super::{respond, Assets, Visit};

/// `GET /review`
pub async fn page(
    Extension(assets): Extension<Arc<Assets>>,
    query: RawQuery,
    headers: HeaderMap,
) -> Response {
    let visit = Visit::new(&query, headers);
    let lang = visit.lang();
    let tr = |key: &'static str| escape(t(lang, key));
    let main = format!(
        r#"<h1>{title}</h1>
<noscript><p class="notice">{noscript}</p></noscript>
<section class="card" id="token-box" aria-labelledby="token-h">
<h2 id="token-h" class="visually-hidden">{token}</h2>
<p>{intro}</p>
<form id="token-form" novalidate>
<label for="token">{token}</label>
<input id="token" name="token" type="password" required autocomplete="off" spellcheck="false">
<button type="submit">{load}</button>
</form>
</section>
<div id="queue-tools" class="actions" hidden>
<button type="button" id="reload" class="secondary">{reload}</button>
<button type="button" id="forget" class="secondary">{forget}</button>
</div>
<p id="review-message" class="status-line" role="status" aria-live="polite"></p>
<ol id="queue" class="queue"></ol>"#,
        title = tr("review.title"),
        noscript = tr("site.noscript"),
        intro = tr("review.intro"),
        token = tr("review.token"),
        load = tr("review.load"),
        reload = tr("review.reload"),
        forget = tr("review.forget"),
    );
    let page = Page {
        lang,
        title: t(lang, "review.title"),
        main,
        script: Some("review.js"),
        nav: Some("/review"),
    };
    respond(StatusCode::OK, &visit, &page, &assets)
}
