//! `/`: one box to check a number or find a business by name.
//!
//! The server renders the form in the visitor's language with the country
//! for national numbers preselected; `home.js` calls `GET /v1/numbers/{n}`
//! for a number and `GET /v1/search` for a name, and writes the answer as
//! text into the live region below the form.

use std::sync::Arc;

use axum::extract::RawQuery;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Extension;

use super::html::{escape, Page};
use super::i18n::{default_region, t};
use super::{region_options, respond, Assets, Visit};

/// `GET /`
pub async fn page(
    Extension(assets): Extension<Arc<Assets>>,
    query: RawQuery,
    headers: HeaderMap,
) -> Response {
    let visit = Visit::new(&query, headers);
    let lang = visit.lang();
    let tr = |key: &'static str| escape(t(lang, key));
    let region = default_region(lang, &visit.headers);
    let main = format!(
        r#"<section class="hero">
<h1>{title}</h1>
<p class="lead">{intro}</p>
<form id="check" class="check" role="search" action="/" method="get" novalidate>
<label for="q">{label}</label>
<div class="check-row">
<input id="q" name="q" type="search" autocomplete="off" autocapitalize="off" spellcheck="false" required maxlength="200" aria-describedby="q-hint">
<button type="submit">{button}</button>
</div>
<div class="field-inline">
<label for="region">{region_label}</label>
<select id="region" name="region" data-default="{region}">
<option value="">{intl}</option>
{options}
</select>
</div>
<p id="q-hint" class="hint">{hint}</p>
</form>
<noscript><p class="notice">{noscript}</p></noscript>
</section>
<section id="result" class="result" aria-live="polite" aria-atomic="false"></section>"#,
        title = tr("home.title"),
        intro = tr("home.intro"),
        label = tr("home.label"),
        button = tr("home.button"),
        region_label = tr("home.region"),
        intl = tr("home.region.intl"),
        options = region_options(lang, region),
        hint = tr("home.hint"),
        noscript = tr("site.noscript"),
    );
    let page = Page {
        lang,
        title: t(lang, "nav.check"),
        main,
        script: Some("home.js"),
        nav: Some("/"),
    };
    respond(StatusCode::OK, &visit, &page, &assets)
}
