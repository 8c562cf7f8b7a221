//! The web pages over plain HTTP: each page is HTML with the strict
//! Content-Security-Policy, speaks the visitor's language, escapes what
//! businesses write, and loads only hashed, long-cached assets of its own.

use bizseal::store::prelude::*;
use serde_json::json;

use crate::helpers::*;

const CSP: &str = "default-src 'self'; script-src 'none'; style-src 'self'; \
                   img-src 'self'; object-src 'none'; base-uri 'none'; \
                   form-action 'self'; frame-ancestors 'none'";

const PAGES: [&str; 5] = [
    "/",
    "/?q=%2B31206499123",
    "/?q=telefonika",
    "/?q=%2B31201234567",
    "/b/b_01JD7Z3K8QRR1FVQ1Q2JVZPGQT",
];

/// A fetched page: status, headers and the HTML.
struct Fetched {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: String,
}

impl Fetched {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

async fn page(app: &TestApp, path: &str, accept_language: &str) -> Fetched {
    let response = app
        .client
        .get(app.url(path))
        .header("accept-language", accept_language)
        .send()
        .await
        .expect("request");
    Fetched {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.text().await.expect("body"),
    }
}

/// Asserts what every page must be: HTML, the exact CSP, no inline code.
fn assert_strict_page(path: &str, page: &Fetched, body: &str) {
    assert_eq!(
        page.header("content-type"),
        "text/html; charset=utf-8",
        "{path}"
    );
    assert_eq!(page.header("content-security-policy"), CSP, "{path}");
    assert_eq!(page.header("x-content-type-options"), "nosniff", "{path}");
    assert!(body.starts_with("<!doctype html>"), "{path}");
    assert!(
        !body.contains("<script"),
        "{path}: the pages have no script"
    );
    // Escaped text never holds a raw '<', so what follows one up to '>'
    // is markup written by the page itself: inspect every tag.
    for tag in body.split('<').skip(1) {
        let tag = tag[..tag.find('>').expect("tag closes")].to_ascii_lowercase();
        assert!(!tag.starts_with("style"), "{path}: inline style element");
        for attr in tag.split_whitespace().skip(1) {
            assert!(
                !attr.starts_with("style="),
                "{path}: inline style in <{tag}>"
            );
            assert!(
                !(attr.starts_with("on") && attr.contains('=')),
                "{path}: inline event handler in <{tag}>"
            );
            if let Some(src) = attr.strip_prefix("src=\"") {
                assert!(src.starts_with('/'), "{path}: foreign resource in <{tag}>");
            }
        }
        if tag.starts_with("link") {
            assert!(tag.contains("href=\"/"), "{path}: foreign <{tag}>");
        }
    }
}

#[tokio::test]
async fn every_page_is_html_with_the_strict_content_security_policy() {
    let app = spawn_app().await;
    for path in PAGES {
        let p = page(&app, path, "en").await;
        assert_eq!(p.status, 200, "{path}: {}", p.body);
        assert_strict_page(path, &p, &p.body);
        assert!(p.header("vary").contains("Accept-Language"));
    }
}

#[tokio::test]
async fn a_missing_profile_is_an_html_404_with_the_same_policy() {
    let app = spawn_app().await;
    for path in [
        "/b/b_01JD7Z3K8Q0000000000000000",
        "/b/not-an-id",
        "/b/%3Cscript%3E",
    ] {
        let p = page(&app, path, "es").await;
        assert_eq!(p.status, 404, "{path}");
        assert_strict_page(path, &p, &p.body);
        assert!(p.body.contains("No encontrado"), "{path}: {}", p.body);
        assert!(!p.body.contains("<script>"), "{path}");
    }
}

#[tokio::test]
async fn a_hostile_business_name_is_escaped_on_its_profile() {
    let app = spawn_app().await;
    let hostile = "<script>alert('pwned')</script> Lumbre";
    let (status, body) = app
        .post_json(
            "/v1/businesses",
            &json!({
                "legal_name": "\"><img src=x onerror=alert(1)> S.L.",
                "names": {"es": hostile, "en": "Lumbre & <b>Sons</b>"},
                "default_lang": "es",
                "category": "retail",
                "country": "ES",
                "city": "Madrid</dd><script>x()</script>",
                "commands": [{"keyword": "hola", "reply": "<iframe src=//evil>"}]
            }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let id = body["business"]["id"].as_str().expect("id");
    // Only a reviewed business has a public page: pass it (a reviewer
    // reading names is not what this test is about).
    app.service
        .store()
        .write(|w| {
            let mut b = w.business(id)?.expect("business");
            b.status = bizseal::model::BusinessStatus::Verified;
            w.put_business(&b)
        })
        .unwrap();

    let p = page(&app, &format!("/b/{id}"), "es").await;
    assert_eq!(p.status, 200);
    assert_strict_page("/b/{id}", &p, &p.body);
    let html = p.body;
    // The templates escape with numeric character references (`&#60;` is
    // `&lt;`): the same text to a browser.
    assert!(
        html.contains("&#60;script&#62;alert(&#39;pwned&#39;)&#60;/script&#62; Lumbre"),
        "{html}"
    );
    assert!(html.contains("&#34;&#62;&#60;img src=x onerror=alert(1)&#62; S.L."));
    assert!(html.contains("Lumbre &#38; &#60;b&#62;Sons&#60;/b&#62;"));
    assert!(html.contains("&#60;iframe src=//evil&#62;"));
    for raw in [
        "<script>alert",
        "<img src=x",
        "<iframe",
        "<b>Sons",
        "</dd><script>",
    ] {
        assert!(!html.contains(raw), "{raw} reached the page unescaped");
    }
    // The page's title carries the name too, escaped.
    assert!(html.contains("<title>&#60;script&#62;"));
    // Reviewed (above), but with no verified number: not the green badge.
    assert!(!html.contains("badge-ok"), "{html}");
    assert!(html.contains("Identidad comprobada"), "{html}");
}

#[tokio::test]
async fn a_verified_profile_shows_badge_numbers_commands_and_report_form() {
    let app = spawn_app().await;
    let p = page(&app, &format!("/b/{TELEFONICA_ID}"), "es-ES,es;q=0.9").await;
    assert_eq!(p.status, 200);
    let html = p.body;
    assert!(html.contains("<html lang=\"es\" dir=\"ltr\">"));
    assert!(
        html.contains("<h1 id=\"name\" lang=\"es\" dir=\"ltr\">Telefónica</h1>"),
        "{html}"
    );
    assert!(html.contains("Empresa verificada"));
    assert!(html.contains(&format!("href=\"tel:{TELEFONICA}\"")));
    assert!(html.contains(">+34 900 110 426</a>"), "grouped: {html}");
    assert!(html.contains("<kbd>factura</kbd>"));
    assert!(html.contains("Envíe su número de cliente para consultar su factura"));
    assert!(html.contains("https://www.telefonica.com"));
    assert!(html.contains("action=\"/report\" method=\"post\""));
    assert!(html.contains("value=\"impersonation\""));
    assert!(html.contains("Telecomunicaciones"), "category in words");
    assert!(html.contains("Madrid, España"));

    // In English the same profile says "Verified business".
    let html = page(&app, &format!("/b/{KLM_ID}"), "en-GB").await.body;
    assert!(html.contains("Verified business"));
    assert!(
        html.contains("KLM Royal Dutch Airlines"),
        "display name in English"
    );
    assert!(html.contains("Customer service available 24/7"));
}

/// The part of a profile page that lists quick replies in the visitor's
/// language, and the part with the others.
fn quick_reply_parts(html: &str) -> (&str, &str) {
    let start = html
        .find("id=\"commands-h\"")
        .expect("a quick replies section");
    let section = &html[start..];
    let section = &section[..section.find("</section>").unwrap()];
    match section.split_once("<details") {
        Some((shown, others)) => (shown, others),
        None => (section, ""),
    }
}

#[tokio::test]
async fn quick_replies_are_shown_in_the_visitor_s_language_and_the_rest_folded_away() {
    let app = spawn_app().await;
    // KLM of the demo data answers in Dutch (its main language), English
    // and Spanish.
    let url = format!("/b/{KLM_ID}");
    let html = page(&app, &url, "en-GB,en;q=0.9").await.body;
    let (shown, others) = quick_reply_parts(&html);
    assert!(
        shown.contains(
            "<dt lang=\"en\" dir=\"ltr\"><kbd>baggage</kbd></dt>\
             <dd lang=\"en\" dir=\"ltr\">Send your baggage tag number</dd>"
        ),
        "{shown}"
    );
    assert!(!shown.contains("Stuur uw"), "Dutch is folded away: {shown}");
    assert!(others.contains("<summary>Quick replies in other languages</summary>"));
    assert!(others.contains("<dd lang=\"nl\" dir=\"ltr\">Stuur uw boekingscode"));
    assert!(others.contains("Envíe su código de reserva"));

    let html = page(&app, &url, "es").await.body;
    let (shown, others) = quick_reply_parts(&html);
    assert!(shown.contains("<kbd>reserva</kbd>") && !shown.contains("baggage"));
    assert!(others.contains("Respuestas rápidas en otros idiomas"));

    // A language the business does not answer in: its main language.
    let html = page(&app, &url, "ja").await.body;
    let (shown, _) = quick_reply_parts(&html);
    assert!(shown.contains("<dd lang=\"nl\" dir=\"ltr\">Stuur uw bagagelabelnummer</dd>"));

    // One language only: nothing to fold.
    let html = page(&app, &format!("/b/{TELEFONICA_ID}"), "en").await.body;
    let (shown, others) = quick_reply_parts(&html);
    assert!(shown.contains("<dt lang=\"es\" dir=\"ltr\"><kbd>factura</kbd>"));
    assert_eq!(others, "");

    // The API hands each reply's language to clients.
    let (_, profile) = app.get_json(&format!("/v1/businesses/{KLM_ID}")).await;
    let langs: Vec<&str> = profile["commands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["nl", "nl", "nl", "en", "en", "en", "es"]);
}

#[tokio::test]
async fn an_arabic_visitor_gets_a_right_to_left_page_and_the_arabic_name() {
    let app = spawn_app().await;
    // Oasis Air of the demo data: names in Arabic (its default) and English.
    let id = "b_01JD7Z3K8QAKRJ1W8AM1M69216";
    let html = page(&app, &format!("/b/{id}"), "ar").await.body;
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(
        html.contains("<h1 id=\"name\" lang=\"ar\" dir=\"rtl\">طيران الواحة</h1>"),
        "{html}"
    );
    // The English name is listed, marked as English and left to right.
    assert!(html.contains("<span lang=\"en\" dir=\"ltr\">Oasis Air</span>"));
    // An English visitor sees the English name.
    let html = page(&app, &format!("/b/{id}"), "en").await.body;
    assert!(html.contains("<h1 id=\"name\" lang=\"en\" dir=\"ltr\">Oasis Air</h1>"));
}

#[tokio::test]
async fn a_national_number_in_a_link_is_read_with_its_region() {
    let app = spawn_app().await;
    let html = page(&app, "/?q=020%20649%209123&region=NL", "en")
        .await
        .body;
    assert!(html.contains("Verified business"), "{html}");
    assert!(html.contains(">+31 20 649 9123</p>"), "{html}");
    assert!(
        html.contains("<option value=\"NL\" selected>"),
        "the region stays chosen"
    );
    // Without the region, a Dutch visitor's number is still Dutch.
    let html = page(&app, "/?q=020%20649%209123", "nl-NL").await.body;
    assert!(html.contains("badge-ok"), "{html}");
    // A fragment of a number is searched rather than refused (once the
    // index has caught up with the demo data, in the background).
    wait_for_index(&app).await;
    let html = page(&app, "/?q=649%2091", "en").await.body;
    assert!(html.contains("KLM Royal Dutch Airlines"), "{html}");
    // Plurals follow the language's rules.
    assert!(html.contains("One business found"), "{html}");
}

/// Waits until the search index has caught up with the demo data.
async fn wait_for_index(app: &TestApp) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let (status, body) = app.get_json("/v1/search?q=telefonica").await;
        if status == 200 && body["total"].as_u64().unwrap_or(0) > 0 {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "search never caught up: {body}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_report_form_files_a_report_and_says_what_happens_next() {
    let app = spawn_app().await;
    let html = page(&app, &format!("/?q=%2B{}", &UNLISTED[1..]), "en")
        .await
        .body;
    for field in ["name=\"number\"", "name=\"reason\"", "name=\"comment\""] {
        assert!(
            html.contains(field),
            "{field}: an unknown number can be reported"
        );
    }
    let post = |body: String, site: Option<&'static str>| {
        let mut r = app
            .client
            .post(app.url("/report"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept-language", "en");
        if let Some(site) = site {
            r = r.header("sec-fetch-site", site);
        }
        r.body(body).send()
    };
    let number = UNLISTED.replace('+', "%2B");
    let ok = post(
        format!("number={number}&reason=scam&comment=asked+for+my+PIN"),
        Some("same-origin"),
    )
    .await
    .expect("post");
    assert_eq!(ok.status(), 200);
    let text = ok.text().await.expect("body");
    assert!(text.contains("Thank you"), "{text}");
    assert!(text.contains("never removes a badge"), "{text}");
    let (_, looked) = app.get_json(&format!("/v1/numbers/{UNLISTED}")).await;
    assert_eq!(looked["reputation"]["reports_30d"], 1);

    // Another site's form is refused before anything is counted.
    let forged = post(format!("number={number}&reason=spam"), Some("cross-site"))
        .await
        .expect("post");
    assert_eq!(forged.status(), 403);
    // A form without a reason, or with one the API lacks, is refused.
    for body in [
        format!("number={number}"),
        format!("number={number}&reason=rude"),
    ] {
        let bad = post(body, None).await.expect("post");
        assert_eq!(bad.status(), 400);
    }
    let (_, looked) = app.get_json(&format!("/v1/numbers/{UNLISTED}")).await;
    assert_eq!(looked["reputation"]["reports_30d"], 1);
}

#[tokio::test]
async fn the_language_follows_accept_language_and_the_switch_sticks() {
    let app = spawn_app().await;
    let html = page(&app, "/", "es-MX,es;q=0.9,en;q=0.5").await.body;
    assert!(html.contains("<html lang=\"es\" dir=\"ltr\">"));
    assert!(html.contains("Comprobar"));
    assert!(
        html.contains("<option value=\"MX\" selected>"),
        "region from es-MX"
    );
    assert!(html.contains("href=\"/?lang=en\""), "a switch to English");

    let p = page(&app, "/?lang=en", "es").await;
    assert!(p.body.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(p.body.contains("Phone number or business name"));
    let cookie = p.header("set-cookie");
    assert!(cookie.starts_with("bizseal_lang=en;"), "{cookie}");
    assert!(cookie.contains("Path=/"));

    // The cookie then beats the header on every page.
    let response = app
        .client
        .get(app.url(&format!("/b/{KLM_ID}")))
        .header("accept-language", "es")
        .header("cookie", "bizseal_lang=en")
        .send()
        .await
        .expect("request");
    let html = response.text().await.expect("body");
    assert!(html.contains("Verified business"));

    // Each of the eight languages is negotiated from its header.
    for (header, lang) in [
        ("de-DE", "de"),
        ("nl-BE", "nl"),
        ("fr-CA", "fr"),
        ("pt-BR", "pt"),
        ("ja", "ja"),
    ] {
        let html = page(&app, "/", header).await.body;
        assert!(
            html.contains(&format!("<html lang=\"{lang}\" dir=\"ltr\">")),
            "{header}"
        );
    }
    // A language we do not speak falls back to English.
    let html = page(&app, "/", "sv-SE").await.body;
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
}

#[tokio::test]
async fn assets_are_hashed_typed_and_cached_for_a_year() {
    let app = spawn_app().await;
    let html = page(&app, "/", "en").await.body;
    let urls: Vec<&str> = html
        .split("=\"/static/")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').expect("attribute closes")])
        .collect();
    // Stylesheet and icon (twice).
    assert!(urls.len() >= 3, "{urls:?}");
    for file in urls {
        let response = app.get(&format!("/static/{file}")).await;
        assert_eq!(response.status(), 200, "{file}");
        let content_type = header(&response, "content-type");
        let expected = match file.rsplit('.').next() {
            Some("css") => "text/css; charset=utf-8",
            Some("svg") => "image/svg+xml",
            other => panic!("unexpected asset type {other:?}"),
        };
        assert_eq!(content_type, expected, "{file}");
        assert_eq!(
            header(&response, "cache-control"),
            "public, max-age=31536000, immutable"
        );
        let etag = header(&response, "etag");
        assert!(!etag.is_empty());
        let again = app
            .client
            .get(app.url(&format!("/static/{file}")))
            .header("if-none-match", &etag)
            .send()
            .await
            .expect("request");
        assert_eq!(again.status(), 304, "{file}");
    }
    // Only the hashed name exists: a stale or guessed name is a 404.
    assert_eq!(app.get("/static/app.css").await.status(), 404);
    assert_eq!(app.get("/static/..%2Fsecret").await.status(), 404);
}

#[tokio::test]
async fn the_api_keeps_its_json_problems_beside_the_pages() {
    let app = spawn_app().await;
    assert_problem(app.get("/nope").await, 404, "not_found").await;
    let response = app
        .post_raw("/", Some("application/json"), b"{}".to_vec())
        .await;
    assert_problem(response, 405, "method_not_allowed").await;
    let (status, body) = app.get_json(&format!("/v1/numbers/{KLM}")).await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "verified");
}
