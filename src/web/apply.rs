//! `/apply`: a business registers, proves its numbers and its domain, and
//! sends itself for review.
//!
//! The server renders the forms; `apply.js` drives the business API
//! (`POST /v1/businesses`, `.../numbers`, `.../confirm`, `.../domain`,
//! `.../submit`, `GET .../status`) and keeps the business id and API key in
//! `sessionStorage`, so the key lives only as long as the tab.

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::RawQuery;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Extension;

use super::html::{escape, Page};
use super::i18n::{categories, default_region, t, Lang, LANGS};
use super::{region_options, respond, Assets, Visit};

/// `GET /apply`
pub async fn page(
    Extension(assets): Extension<Arc<Assets>>,
    query: RawQuery,
    headers: HeaderMap,
) -> Response {
    let visit = Visit::new(&query, headers);
    let lang = visit.lang();
    let region = default_region(lang, &visit.headers);
    let mut main = String::with_capacity(8192);
    let tr = |key: &'static str| escape(t(lang, key));
    let _ = write!(
        main,
        "<h1>{}</h1>\n<p class=\"lead\">{}</p>\n\
         <noscript><p class=\"notice\">{}</p></noscript>\n\
         <p id=\"apply-message\" class=\"status-line\" role=\"status\" aria-live=\"polite\"></p>\n",
        tr("apply.title"),
        tr("apply.intro"),
        tr("site.noscript"),
    );
    main.push_str(&start_forms(lang, region));
    main.push_str(&dashboard(lang, region));
    let page = Page {
        lang,
        title: t(lang, "apply.title"),
        main,
        script: Some("apply.js"),
        nav: Some("/apply"),
    };
    respond(StatusCode::OK, &visit, &page, &assets)
}

/// Registration, and the way back in for a business that has its key.
fn start_forms(lang: Lang, region: &str) -> String {
    let tr = |key: &'static str| escape(t(lang, key));
    let mut langs = String::new();
    for l in LANGS {
        let sel = if l == lang { " selected" } else { "" };
        let _ = write!(
            langs,
            "<option value=\"{c}\"{sel}>{n}</option>",
            c = l.code(),
            n = l.native_name()
        );
    }
    let mut cats = String::new();
    for (slug, name) in categories(lang) {
        let _ = write!(cats, "<option value=\"{slug}\">{}</option>", escape(name));
    }
    format!(
        r#"<div id="start" class="columns">
<section class="card" aria-labelledby="register-h">
<h2 id="register-h">{reg_title}</h2>
<form id="register" novalidate>
<label for="reg-legal_name">{legal}</label>
<input id="reg-legal_name" name="legal_name" required maxlength="200" autocomplete="organization">
<label for="reg-names">{display}</label>
<input id="reg-names" name="names" required maxlength="200">
<label for="reg-default_lang">{main_lang}</label>
<select id="reg-default_lang" name="default_lang">{langs}</select>
<label for="reg-category">{category}</label>
<select id="reg-category" name="category">{cats}</select>
<label for="reg-country">{country}</label>
<select id="reg-country" name="country">{countries}</select>
<label for="reg-city">{city}</label>
<input id="reg-city" name="city" maxlength="200" autocomplete="address-level2">
<label for="reg-website">{website}</label>
<input id="reg-website" name="website" type="url" maxlength="2048" placeholder="https://" autocomplete="url">
<button type="submit">{reg_button}</button>
</form>
</section>
<section class="card" aria-labelledby="login-h">
<h2 id="login-h">{login_title}</h2>
<form id="login" novalidate>
<label for="login-id">{business_id}</label>
<input id="login-id" name="id" required autocomplete="username" spellcheck="false" autocapitalize="off">
<label for="login-key">{api_key}</label>
<input id="login-key" name="key" type="password" required autocomplete="current-password">
<button type="submit">{login_button}</button>
</form>
</section>
</div>
"#,
        reg_title = tr("apply.register.title"),
        legal = tr("apply.legal_name"),
        display = tr("apply.display_name"),
        main_lang = tr("apply.default_lang"),
        category = tr("apply.category"),
        country = tr("apply.country"),
        countries = region_options(lang, region),
        city = tr("apply.city"),
        website = tr("apply.website"),
        reg_button = tr("apply.register.button"),
        login_title = tr("apply.login.title"),
        business_id = tr("apply.business_id"),
        api_key = tr("apply.api_key"),
        login_button = tr("apply.login.button"),
    )
}

/// What a signed-in business sees; hidden until `apply.js` has a key.
fn dashboard(lang: Lang, region: &str) -> String {
    let tr = |key: &'static str| escape(t(lang, key));
    format!(
        r#"<div id="dashboard" hidden>
<section id="key-box" class="card notice" aria-labelledby="key-h" hidden>
<h2 id="key-h">{api_key}</h2>
<p>{key_notice}</p>
<p><code id="api-key" class="secret"></code></p>
<p>{business_id}: <code id="business-id"></code></p>
</section>
<section class="card" aria-labelledby="status-h">
<h2 id="status-h">{status_title}</h2>
<p id="status-name" class="business-name"></p>
<dl class="facts">
<div><dt>{business_status}</dt><dd id="status-business"></dd></div>
<div><dt>{review}</dt><dd id="status-review"></dd></div>
</dl>
<p class="actions"><button type="button" id="refresh" class="secondary">{refresh}</button>
<button type="button" id="logout" class="secondary">{logout}</button></p>
<p class="hint">{key_kept}</p>
</section>
<section class="card" aria-labelledby="numbers-h">
<h2 id="numbers-h">{numbers_title}</h2>
<ul id="own-numbers" class="numbers"></ul>
<form id="add-number" novalidate>
<label for="add-number-input">{number}</label>
<input id="add-number-input" name="number" type="tel" required autocomplete="tel" maxlength="40">
<label for="add-number-region">{region_label}</label>
<select id="add-number-region" name="region"><option value="">{intl}</option>{regions}</select>
<button type="submit">{send_code}</button>
</form>
<form id="confirm" novalidate hidden>
<label for="confirm-code" id="confirm-label"></label>
<input id="confirm-code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{{6}}" maxlength="6" required>
<button type="submit">{confirm}</button>
</form>
</section>
<section class="card" aria-labelledby="domain-h">
<h2 id="domain-h">{domain_title}</h2>
<p>{domain_intro}</p>
<p id="domain-state"></p>
<form id="domain" novalidate>
<label for="domain-input">{domain}</label>
<input id="domain-input" name="domain" required maxlength="253" placeholder="example.com" spellcheck="false" autocapitalize="off">
<button type="submit">{domain_start}</button>
</form>
<div id="domain-challenge" hidden>
<p>{domain_publish}</p>
<p><code id="domain-url" class="secret"></code></p>
<p><code id="domain-token" class="secret"></code></p>
<p id="domain-dns-row" hidden>{domain_dns} <code id="domain-dns"></code></p>
<button type="button" id="domain-check">{domain_check}</button>
</div>
</section>
<section class="card" aria-labelledby="submit-h">
<h2 id="submit-h">{submit_title}</h2>
<p>{submit_intro}</p>
<button type="button" id="submit">{submit_button}</button>
</section>
</div>
"#,
        api_key = tr("apply.api_key"),
        key_notice = tr("apply.key.notice"),
        business_id = tr("apply.business_id"),
        status_title = tr("apply.status.title"),
        business_status = tr("apply.status.business"),
        review = tr("apply.status.review"),
        refresh = tr("apply.refresh"),
        logout = tr("apply.logout"),
        key_kept = tr("apply.key.kept"),
        numbers_title = tr("apply.numbers.title"),
        number = tr("apply.number"),
        region_label = tr("home.region"),
        intl = tr("home.region.intl"),
        regions = region_options(lang, region),
        send_code = tr("apply.send_code"),
        confirm = tr("apply.confirm"),
        domain_title = tr("apply.domain.title"),
        domain_intro = tr("apply.domain.intro"),
        domain = tr("apply.domain"),
        domain_start = tr("apply.domain.start"),
        domain_publish = tr("apply.domain.publish"),
        domain_dns = tr("apply.domain.dns"),
        domain_check = tr("apply.domain.check"),
        submit_title = tr("apply.submit.title"),
        submit_intro = tr("apply.submit.intro"),
        submit_button = tr("apply.submit.button"),
    )
}
