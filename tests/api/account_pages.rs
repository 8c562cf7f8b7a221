//! A business's own pages over plain HTTP: applying, signing in and out,
//! the dashboard's forms (numbers, codes, review), the profile form, the
//! reports, key rotation; refusals in words next to their fields; CSRF
//! and cross-site refusals; the session cookie's attributes.
//!
//! Each test is one browser: it keeps the session cookie itself, from
//! `Set-Cookie`, and follows no redirect on its own, so every 303 and
//! every cookie attribute is seen.

use reqwest::header::HeaderMap;
use serde_json::json;

use crate::helpers::*;
use crate::workflow::{challenge_site, code_for, workflow_app, REVIEWER};

/// A fetched page.
struct Page {
    status: u16,
    headers: HeaderMap,
    body: String,
}

impl Page {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// Where a redirect goes.
    fn location(&self) -> &str {
        self.header("location")
    }

    /// The opening tag of the element with this id.
    fn tag(&self, id: &str) -> &str {
        let at = self
            .body
            .find(&format!(" id=\"{id}\""))
            .unwrap_or_else(|| panic!("no element #{id} in {}", self.body));
        let start = self.body[..at].rfind('<').expect("tag opens");
        let end = at + self.body[at..].find('>').expect("tag closes");
        &self.body[start..=end]
    }

    /// The text right inside the element with this id (up to its first
    /// child element).
    fn text(&self, id: &str) -> &str {
        let tag = self.tag(id);
        let start = self.body.find(tag).expect("tag") + tag.len();
        let end = start + self.body[start..].find('<').expect("element closes");
        &self.body[start..end]
    }

    /// The value of the hidden CSRF field.
    fn csrf(&self) -> String {
        self.hidden("csrf")
    }

    /// The value of the hidden one-time field of a form that must not be
    /// sent twice.
    fn once(&self) -> String {
        self.hidden("once")
    }

    fn hidden(&self, name: &str) -> String {
        let marker = format!("name=\"{name}\" value=\"");
        let at = self.body.find(&marker).expect("the hidden field") + marker.len();
        self.body[at..at + self.body[at..].find('"').expect("value ends")].to_owned()
    }

    /// Asserts that the field `id` is refused with `words` beside it,
    /// linked both ways, and that the page's alert links to it.
    fn assert_refused(&self, id: &str, words: &str) {
        let tag = self.tag(id);
        assert!(tag.contains("aria-invalid=\"true\""), "{tag}");
        let described = tag
            .split("aria-describedby=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("{id} names no description: {tag}"));
        let error = format!("{id}-error");
        assert!(described.split(' ').any(|d| d == error), "{tag}");
        let said = self.text(&error);
        assert!(self.tag(&error).contains("class=\"field-error\""));
        assert!(
            said.contains(words),
            "#{error} says {said:?}, not {words:?}"
        );
        let alert = self.tag("refused");
        assert!(alert.contains("role=\"alert\""), "{alert}");
        assert!(
            self.body.contains(&format!("<a href=\"#{id}\">")),
            "the alert links to #{id}"
        );
    }

    /// Asserts what every one of these pages is: one `h1`, every field
    /// labelled, no script.
    fn assert_well_formed(&self) {
        let body = &self.body;
        assert_eq!(body.matches("<h1").count(), 1, "one h1: {body}");
        assert!(!body.contains("<script"));
        for tag in body.split('<').skip(1) {
            let tag = &tag[..tag.find('>').expect("tag closes")];
            let field = ["input ", "select ", "textarea "]
                .iter()
                .any(|t| tag.starts_with(t));
            if !field || tag.contains("type=\"hidden\"") {
                continue;
            }
            match tag.split(" id=\"").nth(1).and_then(|r| r.split('"').next()) {
                Some(id) => assert!(
                    body.contains(&format!("<label for=\"{id}\"")),
                    "#{id} has no label"
                ),
                // A box without an id sits inside its label.
                None => assert!(tag.contains("type=\"checkbox\""), "unlabelled <{tag}>"),
            }
        }
    }
}

/// One visitor: a client that follows no redirect, the session cookie
/// it holds, and its language.
struct Visitor<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
    cookie: Option<String>,
    lang: &'static str,
}

impl<'a> Visitor<'a> {
    fn new(app: &'a TestApp, lang: &'static str) -> Visitor<'a> {
        Visitor {
            app,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            cookie: None,
            lang,
        }
    }

    async fn get(&mut self, path: &str) -> Page {
        let request = self.client.get(self.app.url(path));
        self.send(request).await
    }

    /// Posts a form as this site's own page would.
    async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Page {
        self.post_from(path, form, "same-origin").await
    }

    /// Posts a form, the browser saying which site it came from.
    async fn post_from(&mut self, path: &str, form: &[(&str, &str)], site: &str) -> Page {
        let request = self
            .client
            .post(self.app.url(path))
            .header("sec-fetch-site", site)
            .form(form);
        self.send(request).await
    }

    async fn send(&mut self, mut request: reqwest::RequestBuilder) -> Page {
        request = request.header("accept-language", self.lang);
        if let Some(c) = &self.cookie {
            request = request.header("cookie", format!("bizseal_account={c}"));
        }
        let response = request.send().await.expect("request");
        let page = Page {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.text().await.expect("body"),
        };
        if let Some(set) = page.headers.get("set-cookie").and_then(|v| v.to_str().ok()) {
            if let Some(rest) = set.strip_prefix("bizseal_account=") {
                let value = rest.split(';').next().unwrap_or("");
                self.cookie = (!value.is_empty()).then(|| value.to_owned());
            }
        }
        page
    }

    /// Signs in with `key`; the dashboard it lands on.
    async fn sign_in(&mut self, key: &str) -> Page {
        let page = self.post("/account/sign-in", &[("api_key", key)]).await;
        assert_eq!(
            (page.status, page.location()),
            (303, "/account"),
            "{}",
            page.body
        );
        assert!(self.cookie.is_some());
        self.dashboard().await
    }

    async fn dashboard(&mut self) -> Page {
        let page = self.get("/account").await;
        assert_eq!(page.status, 200, "{}", page.body);
        page
    }
}

/// The application form's fields, for a bakery in Seville.
fn bakery<'f>() -> Vec<(&'f str, &'f str)> {
    vec![
        ("legal_name", "Panadería del Sol S.L."),
        ("name", "Panadería del Sol"),
        ("name_lang", "es"),
        ("default_lang", "es"),
        ("category", "retail"),
        ("country", "ES"),
        ("city", "Sevilla"),
        ("website", "panaderia.example"),
    ]
}

/// `form` with the one-time token of a fresh showing of `path`.
async fn with_once<'f>(
    v: &mut Visitor<'_>,
    path: &str,
    form: &[(&'f str, &'f str)],
) -> Vec<(String, String)> {
    let once = v.get(path).await.once();
    form.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .chain([("once".to_owned(), once)])
        .collect()
}

/// Posts the application form as a person would: shown, then sent.
async fn post_apply(v: &mut Visitor<'_>, form: &[(&str, &str)]) -> Page {
    let form = with_once(v, "/apply", form).await;
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    v.post("/apply", &pairs).await
}

/// Applies through `/apply`; the business id and key the page showed.
async fn apply(v: &mut Visitor<'_>) -> (String, String) {
    let page = post_apply(v, &bakery()).await;
    assert_eq!(page.status, 201, "{}", page.body);
    let id = page.text("business-id").to_owned();
    let key = page.text("api-key").to_owned();
    assert!(
        id.starts_with("b_") && key.starts_with("bzk_"),
        "{id} {key}"
    );
    (id, key)
}

/// Registers a business through the API; its id and key.
async fn register_by_api(app: &TestApp, name: &str) -> (String, String) {
    let (status, body) = app
        .post_json(
            "/v1/businesses",
            &json!({"legal_name": format!("{name} S.L."), "names": {"es": name},
                    "default_lang": "es", "category": "retail", "country": "ES"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    (
        body["business"]["id"].as_str().unwrap().to_owned(),
        body["api_key"].as_str().unwrap().to_owned(),
    )
}

fn business(id: &str) -> bizseal::model::BusinessId {
    bizseal::model::BusinessId::parse(id).expect("id")
}

#[tokio::test]
async fn applying_shows_the_key_once_and_opens_the_dashboard() {
    let app = spawn_empty().await;
    let mut v = Visitor::new(&app, "en");
    let form = v.get("/apply").await;
    assert_eq!(form.status, 200);
    form.assert_well_formed();
    assert!(form.tag("apply-country").contains("name=\"country\""));
    assert!(
        form.body.contains("<option value=\"retail\">Shop</option>"),
        "categories in words"
    );

    let mut sent = bakery();
    let once = form.once();
    sent.push(("once", &once));
    let page = v.post("/apply", &sent).await;
    assert_eq!(page.status, 201, "{}", page.body);
    page.assert_well_formed();
    assert_eq!(
        page.header("cache-control"),
        "no-store",
        "a page with a secret"
    );
    assert!(page.body.contains("it is shown only once"), "{}", page.body);
    let key = page.text("api-key").to_owned();
    let id = page.text("business-id").to_owned();
    assert!(key.starts_with("bzk_"), "{key}");
    assert_eq!(
        app.service.authenticate_business(&key).unwrap(),
        Some(business(&id))
    );
    assert!(page.body.contains("href=\"/account\""));
    // The website typed without a scheme was completed, not refused.
    let view = app.service.own_view(&business(&id)).unwrap();
    assert_eq!(view.website.as_deref(), Some("https://panaderia.example"));

    // Signed in already: the dashboard says where the business stands.
    let home = v.dashboard().await;
    home.assert_well_formed();
    assert!(home.body.contains("Panadería del Sol"));
    assert_eq!(home.text("business-status"), "Registered, not verified yet");
    assert!(
        home.body.contains("Add a phone number of your business"),
        "next step"
    );
    // The key is never shown again, on any page.
    for path in [
        "/account",
        "/account/key",
        "/account/profile",
        "/account/reports",
    ] {
        let p = v.get(path).await;
        assert_eq!(p.status, 200, "{path}");
        p.assert_well_formed();
        assert!(!p.body.contains(&key), "{path} shows the key");
    }
    // Without the cookie, the dashboard sends one to sign in.
    let mut stranger = Visitor::new(&app, "en");
    let p = stranger.get("/account").await;
    assert_eq!((p.status, p.location()), (303, "/account/sign-in"));
}

#[tokio::test]
async fn a_wrong_key_is_refused_beside_the_field_and_a_right_one_signs_in() {
    let app = spawn_empty().await;
    let (_, key) = register_by_api(&app, "Frutería Limón").await;
    let mut v = Visitor::new(&app, "en");
    let page = v.get("/account/sign-in").await;
    page.assert_well_formed();
    let field = page.tag("signin-api-key");
    assert!(field.contains("type=\"password\"") && field.contains("autocomplete=\"off\""));

    let page = v
        .post("/account/sign-in", &[("api_key", "bzk_not-the-key")])
        .await;
    assert_eq!(page.status, 401);
    page.assert_refused("signin-api-key", "That key is not right");
    assert!(v.cookie.is_none(), "no session for a wrong key");
    assert!(
        !page.body.contains("unauthorized"),
        "the code is put in words"
    );

    let home = v.sign_in(&key).await;
    assert!(home.body.contains("Frutería Limón"));
    // Signing out ends the session here and in the browser.
    let csrf = home.csrf();
    let cookie = v.cookie.clone();
    let out = v.post("/account/sign-out", &[("csrf", &csrf)]).await;
    assert_eq!(
        (out.status, out.location()),
        (303, "/account/sign-in?done=signed_out")
    );
    assert!(out.header("set-cookie").contains("Max-Age=0"));
    assert!(v.cookie.is_none());
    v.cookie = cookie;
    assert_eq!(
        v.get("/account").await.status,
        303,
        "the old cookie opens nothing"
    );
    let notice = v.get("/account/sign-in?done=signed_out").await;
    assert_eq!(notice.text("done"), "You are signed out.");
    // A notice names only what the allow-list has.
    let forged = v.get("/account/sign-in?done=%3Cb%3Epwned").await;
    assert!(!forged.body.contains("<b>pwned") && !forged.body.contains("id=\"done\""));
}

#[tokio::test]
async fn forms_without_the_session_s_token_or_from_another_site_change_nothing() {
    let app = spawn_empty().await;
    let (id, key) = register_by_api(&app, "Mercería Hilo").await;
    let mut v = Visitor::new(&app, "en");
    let home = v.sign_in(&key).await;
    let csrf = home.csrf();
    let number = [("number", "+34612000321")];
    for form in [
        vec![number[0]],
        vec![number[0], ("csrf", "forged")],
        vec![number[0], ("csrf", "")],
    ] {
        let page = v.post("/account/numbers", &form).await;
        assert_eq!(page.status, 403, "{form:?}");
        assert!(page.body.contains("This form has expired"), "{}", page.body);
    }
    for path in [
        "/account/key",
        "/account/submit",
        "/account/sign-out",
        "/account/profile",
    ] {
        let page = v
            .post(path, &[("csrf", "forged"), ("legal_name", "X")])
            .await;
        assert_eq!(page.status, 403, "{path}");
    }
    // With the right token but from another site's page: refused before
    // any handler.
    let page = v
        .post_from(
            "/account/numbers",
            &[number[0], ("csrf", &csrf)],
            "cross-site",
        )
        .await;
    assert_eq!(page.status, 403);
    let page = v.post_from("/apply", &bakery(), "cross-site").await;
    assert_eq!(page.status, 403);
    let page = v
        .post_from("/account/sign-in", &[("api_key", &key)], "cross-site")
        .await;
    assert_eq!(page.status, 403);

    // Nothing changed: no number, no code, the same key, still signed in.
    let status = app.service.status(&business(&id)).unwrap();
    assert!(status.numbers.is_empty());
    assert!(app.service.outbox().is_empty());
    assert_eq!(status.review.state, "draft");
    assert!(app.service.authenticate_business(&key).unwrap().is_some());
    assert_eq!(
        app.service.own_view(&business(&id)).unwrap().legal_name,
        "Mercería Hilo S.L."
    );
    assert_eq!(v.get("/account").await.status, 200);
    // And the same token works from this site.
    let page = v
        .post("/account/numbers", &[number[0], ("csrf", &csrf)])
        .await;
    assert_eq!(
        (page.status, page.location()),
        (303, "/account?done=code_sent")
    );
}

#[tokio::test]
async fn a_number_is_proven_and_the_business_sent_for_review_through_the_forms() {
    let app = workflow_app(1).await;
    let mut v = Visitor::new(&app, "en");
    let (id, _) = apply(&mut v).await;
    let csrf = v.dashboard().await.csrf();

    // A national number is read in the business's country (the default).
    let home = v.dashboard().await;
    assert!(
        home.body.contains("<option value=\"ES\" selected>"),
        "the business's country"
    );
    let page = v
        .post(
            "/account/numbers",
            &[("csrf", &csrf), ("number", "612 000 111"), ("region", "ES")],
        )
        .await;
    assert_eq!(
        (page.status, page.location()),
        (303, "/account?done=code_sent")
    );
    let home = v.get("/account?done=code_sent").await;
    assert!(
        home.text("done").starts_with("We sent a 6-digit code"),
        "{}",
        home.body
    );
    assert!(
        home.body.contains(">+34 612 00 01 11</span>"),
        "{}",
        home.body
    );
    assert!(home.body.contains("Not proven yet"));
    assert!(home.body.contains("Enter the code we sent"), "next step");
    let number = "+34612000111";
    let code = code_for(&app, number);

    // A wrong code: the words say how many tries are left, next to the
    // field, and what was typed stays.
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let page = v
        .post(
            "/account/numbers/confirm",
            &[("csrf", &csrf), ("number", number), ("code", wrong)],
        )
        .await;
    assert_eq!(page.status, 400);
    page.assert_refused("confirm-code-34612000111", "You have 4 more tries.");
    assert!(page
        .tag("confirm-code-34612000111")
        .contains(&format!("value=\"{wrong}\"")));

    // A new code, then the right one.
    let page = v
        .post(
            "/account/numbers/code",
            &[("csrf", &csrf), ("number", number)],
        )
        .await;
    assert_eq!(page.location(), "/account?done=code_sent");
    let code = code_for(&app, number);
    let page = v
        .post(
            "/account/numbers/confirm",
            &[("csrf", &csrf), ("number", number), ("code", &code)],
        )
        .await;
    assert_eq!(
        (page.status, page.location()),
        (303, "/account?done=number_proven")
    );
    let home = v.get("/account?done=number_proven").await;
    assert_eq!(home.text("done"), "The number is proven.");
    assert!(home
        .body
        .contains("Proven; public once the review approves"));
    assert!(
        home.body.contains("Send your business for review"),
        "next step"
    );

    // A second number, added and removed.
    let page = v
        .post(
            "/account/numbers",
            &[("csrf", &csrf), ("number", "+34612000112")],
        )
        .await;
    assert_eq!(page.location(), "/account?done=code_sent");
    let page = v
        .post(
            "/account/numbers/remove",
            &[("csrf", &csrf), ("number", "+34612000112")],
        )
        .await;
    assert_eq!(page.location(), "/account?done=number_removed");
    let status = app.service.status(&business(&id)).unwrap();
    let listed: Vec<_> = status.numbers.iter().map(|n| n.number.as_str()).collect();
    assert_eq!(listed, [number]);

    // Sent for review: waiting.
    let page = v.post("/account/submit", &[("csrf", &csrf)]).await;
    assert_eq!(
        (page.status, page.location()),
        (303, "/account?done=submitted")
    );
    let home = v.get("/account?done=submitted").await;
    assert_eq!(home.text("review-state").trim(), "Waiting for a reviewer");
    assert!(home.body.contains("a reviewer will look at your business"));
    assert!(
        !home.body.contains("id=\"submit-form\""),
        "nothing to send twice"
    );
    let status = app.service.status(&business(&id)).unwrap();
    assert_eq!(status.review.state, "submitted");

    // Approved through the reviewers' API: verified, level B.
    let (status, _) = send_json(
        &app.client,
        reqwest::Method::POST,
        app.url(&format!("/v1/review/{id}/approve")),
        Some(REVIEWER),
        Some(json!({"note": "papers checked"})),
    )
    .await;
    assert_eq!(status, 200);
    let home = v.dashboard().await;
    assert_eq!(home.text("business-status"), "Verified");
    assert!(home.body.contains("Verified (level B)"), "{}", home.body);
}

#[tokio::test]
async fn a_refused_field_shows_its_words_beside_it_in_english_and_spanish() {
    let app = spawn_empty().await;
    for (lang, words, category) in [
        (
            "en",
            "registered legal name (at most 200 characters)",
            "Choose a category.",
        ),
        (
            "es",
            "Escriba la razón social registrada",
            "Elija una categoría.",
        ),
    ] {
        let mut v = Visitor::new(&app, lang);
        let mut form = bakery();
        form[0].1 = "   ";
        let page = post_apply(&mut v, &form).await;
        assert_eq!(page.status, 400, "{lang}");
        assert!(page.body.contains(&format!("<html lang=\"{lang}\"")));
        page.assert_refused("apply-legal-name", words);
        page.assert_well_formed();
        // What was typed stays; the service's words never show.
        assert!(page
            .tag("apply-name")
            .contains("value=\"Panadería del Sol\""));
        assert!(page
            .tag("apply-website")
            .contains("value=\"panaderia.example\""));
        for raw in ["legal_name:", "must not be empty", "invalid_request"] {
            assert!(!page.body.contains(raw), "{lang}: {raw}");
        }
        let mut form = bakery();
        form[4].1 = "";
        let page = post_apply(&mut v, &form).await;
        page.assert_refused("apply-category", category);
        assert!(v.cookie.is_none(), "nothing registered, nobody signed in");
    }

    // On the dashboard: a number that is none.
    let (_, key) = register_by_api(&app, "Zapatería Paso").await;
    let mut v = Visitor::new(&app, "es");
    let csrf = v.sign_in(&key).await.csrf();
    let page = v
        .post("/account/numbers", &[("csrf", &csrf), ("number", "12")])
        .await;
    assert_eq!(page.status, 400);
    page.assert_refused("add-number", "No es un número de teléfono válido");
    assert!(page.tag("add-number").contains("value=\"12\""));
    // The language switch leads to the page, not to the form's address.
    assert!(page.body.contains("href=\"/account?lang=en\""));
    assert!(!page.body.contains("/account/numbers?lang="));
    page.assert_well_formed();
    // In the profile: a quick reply's keyword, in the form's own row.
    let page = v
        .post(
            "/account/profile",
            &[
                ("csrf", &csrf),
                ("legal_name", "Zapatería Paso S.L."),
                ("default_lang", "es"),
                ("name_lang", "es"),
                ("name", "Zapatería Paso"),
                ("category", "retail"),
                ("keyword", "Hola Mundo"),
                ("reply", "¡Hola!"),
            ],
        )
        .await;
    assert_eq!(page.status, 400);
    page.assert_refused(
        "profile-commands-0-keyword",
        "Una palabra clave es una sola palabra",
    );
    assert!(page
        .tag("profile-commands-0-keyword")
        .contains("value=\"Hola Mundo\""));
    page.assert_well_formed();
}

#[tokio::test]
async fn the_session_cookie_is_strict_and_secure_only_behind_a_trusted_proxy_over_tls() {
    let proxied = spawn_with(
        |c| c.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()],
        false,
    )
    .await;
    let direct = spawn_empty().await;
    for (app, forwarded_tls, secure) in [
        (&proxied, true, true),
        (&proxied, false, false),
        (&direct, true, false),
    ] {
        let (_, key) = register_by_api(app, "Librería Tinta").await;
        let mut request = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .post(app.url("/account/sign-in"))
            .form(&[("api_key", key.as_str())]);
        if forwarded_tls {
            request = request.header("x-forwarded-proto", "https");
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 303);
        let cookie = header(&response, "set-cookie");
        let attributes: Vec<&str> = cookie.split("; ").skip(1).collect();
        for wanted in ["Path=/account", "HttpOnly", "SameSite=Strict"] {
            assert!(attributes.contains(&wanted), "{wanted}: {cookie}");
        }
        assert_eq!(attributes.contains(&"Secure"), secure, "{cookie}");
    }
}

#[tokio::test]
async fn replacing_the_key_keeps_this_session_and_ends_the_others() {
    let app = spawn_empty().await;
    let (id, old) = register_by_api(&app, "Pescadería Mar").await;
    let mut here = Visitor::new(&app, "en");
    let mut elsewhere = Visitor::new(&app, "en");
    here.sign_in(&old).await;
    elsewhere.sign_in(&old).await;

    let form = here.get("/account/key").await;
    form.assert_well_formed();
    let page = here
        .post(
            "/account/key",
            &[("csrf", &form.csrf()), ("once", &form.once())],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_well_formed();
    assert_eq!(page.header("cache-control"), "no-store");
    let new = page.text("api-key").to_owned();
    assert!(new.starts_with("bzk_") && new != old, "{new}");
    assert!(page.body.contains("it is shown only once"));

    // This session goes on; the other one, on the old key, is over.
    assert_eq!(here.get("/account").await.status, 200);
    let p = elsewhere.get("/account").await;
    assert_eq!((p.status, p.location()), (303, "/account/sign-in"));
    // The old key is nobody's, on the pages and on the API.
    assert!(app.service.authenticate_business(&old).unwrap().is_none());
    assert_eq!(
        app.service.authenticate_business(&new).unwrap(),
        Some(business(&id))
    );
    let p = elsewhere
        .post("/account/sign-in", &[("api_key", &old)])
        .await;
    assert_eq!(p.status, 401);
    elsewhere.sign_in(&new).await;

    // Reloading the page with the new key sends the form again: refused in
    // words, and the key just shown stays the key.
    let again = here
        .post(
            "/account/key",
            &[("csrf", &form.csrf()), ("once", &form.once())],
        )
        .await;
    assert_eq!(again.status, 409, "{}", again.body);
    assert!(again.body.contains("already sent"), "{}", again.body);
    assert!(!again.body.contains("bzk_"));
    assert_eq!(
        app.service.authenticate_business(&new).unwrap(),
        Some(business(&id))
    );
    // Without a token (a form from before, or forged): nothing either.
    let stale = here.post("/account/key", &[("csrf", &form.csrf())]).await;
    assert_eq!(stale.status, 400);
    assert!(stale.body.contains("too old to send"), "{}", stale.body);
    assert!(app.service.authenticate_business(&new).unwrap().is_some());
}

#[tokio::test]
async fn reloading_the_page_that_showed_a_new_business_s_key_registers_nothing_more() {
    let app = spawn_empty().await;
    let mut v = Visitor::new(&app, "es");
    let form = with_once(&mut v, "/apply", &bakery()).await;
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let first = v.post("/apply", &pairs).await;
    assert_eq!(first.status, 201, "{}", first.body);
    // The reload: the very same form again.
    let again = v.post("/apply", &pairs).await;
    assert_eq!(again.status, 409, "{}", again.body);
    again.assert_well_formed();
    let alert = &again.body[again.body.find("id=\"refused\"").expect("an alert")..];
    assert!(alert.contains("ya se envió"), "{}", again.body);
    assert!(alert.contains("href=\"#apply-form\""), "{alert}");
    assert!(!again.body.contains("bzk_"), "no second key");
    assert!(again
        .tag("apply-name")
        .contains("value=\"Panadería del Sol\""));
    let registered = app.service.gauges().unwrap().businesses;
    assert_eq!(registered, 1, "one business, not two");
}

#[tokio::test]
async fn the_profile_form_edits_names_descriptions_and_quick_replies() {
    let app = workflow_app(1).await;
    let mut v = Visitor::new(&app, "en");
    let (id, key) = apply(&mut v).await;
    let csrf = v.dashboard().await.csrf();
    let form = v.get("/account/profile").await;
    form.assert_well_formed();
    assert!(form
        .tag("profile-names-es")
        .contains("value=\"Panadería del Sol\""));
    assert!(form
        .tag("profile-website")
        .contains("value=\"https://panaderia.example\""));

    // Add a name in English, a description, a quick reply; empty the website.
    let base = [
        ("csrf", csrf.as_str()),
        ("legal_name", "Panadería del Sol S.L."),
        ("category", "retail"),
        ("city", "Sevilla"),
        ("website", ""),
        ("logo_url", "sol.example/logo.png"),
        ("default_lang", "es"),
        ("name_lang", "es"),
        ("name", "Panadería del Sol"),
    ];
    let mut fields = base.to_vec();
    fields.extend([
        ("name_lang", "en"),
        ("name", "Sun Bakery"),
        ("desc_lang", "es"),
        ("desc", "Pan de masa madre."),
        ("keyword", "horario"),
        ("reply", "De 8 a 14 h."),
    ]);
    let page = v.post("/account/profile", &fields).await;
    assert_eq!(
        (page.status, page.location()),
        (303, "/account/profile?done=profile_saved")
    );
    let view = app.service.own_view(&business(&id)).unwrap();
    assert_eq!(view.names.get("en").map(String::as_str), Some("Sun Bakery"));
    assert_eq!(
        view.description.get("es").map(String::as_str),
        Some("Pan de masa madre.")
    );
    assert_eq!(view.commands.len(), 1);
    assert_eq!(view.commands[0].keyword, "horario");
    assert_eq!(view.website, None, "emptied: no website");
    let status = app.service.status(&business(&id)).unwrap();
    assert_eq!(
        status.logo.source.as_deref(),
        Some("https://sol.example/logo.png")
    );

    // Remove the English name and the quick reply.
    let form = v.get("/account/profile?done=profile_saved").await;
    assert_eq!(form.text("done"), "The profile was saved.");
    assert!(form
        .tag("profile-names-en")
        .contains("value=\"Sun Bakery\""));
    let mut fields = base.to_vec();
    fields.extend([
        ("name_lang", "en"),
        ("name", "Sun Bakery"),
        ("name_remove", "en"),
        ("keyword", "horario"),
        ("reply", "De 8 a 14 h."),
        ("reply_remove", "0"),
    ]);
    let page = v.post("/account/profile", &fields).await;
    assert_eq!(page.location(), "/account/profile?done=profile_saved");
    let view = app.service.own_view(&business(&id)).unwrap();
    assert!(!view.names.contains_key("en") && view.commands.is_empty());

    // Once verified, a change waits for review, and the page says so.
    let (_, api_key_status) = send_json(
        &app.client,
        reqwest::Method::POST,
        app.url(&format!("/v1/businesses/{id}/numbers")),
        Some(&key),
        Some(json!({"number": "+34612000444"})),
    )
    .await;
    assert_eq!(api_key_status["number"], "+34612000444");
    let code = code_for(&app, "+34612000444");
    let page = v
        .post(
            "/account/numbers/confirm",
            &[("csrf", &csrf), ("number", "+34612000444"), ("code", &code)],
        )
        .await;
    assert_eq!(page.location(), "/account?done=number_proven");
    assert_eq!(
        v.post("/account/submit", &[("csrf", &csrf)]).await.status,
        303
    );
    let (status, _) = send_json(
        &app.client,
        reqwest::Method::POST,
        app.url(&format!("/v1/review/{id}/approve")),
        Some(REVIEWER),
        Some(json!({"note": "ok"})),
    )
    .await;
    assert_eq!(status, 200);
    let mut fields = base.to_vec();
    fields[3] = ("city", "Cádiz");
    let page = v.post("/account/profile", &fields).await;
    assert_eq!(page.location(), "/account/profile?done=profile_pending");
    let form = v.get("/account/profile?done=profile_pending").await;
    assert!(
        form.text("done").contains("wait for a reviewer"),
        "{}",
        form.body
    );
    assert!(form.body.contains("id=\"pending\""));
    assert!(
        form.tag("profile-city").contains("value=\"Cádiz\""),
        "the waiting edit is shown"
    );
    let (_, public) = app.get_json(&format!("/v1/businesses/{id}")).await;
    assert_eq!(
        public["city"], "Sevilla",
        "the public sees the reviewed profile"
    );
}

#[tokio::test]
async fn each_quick_reply_has_its_language_and_a_keyword_repeats_only_across_languages() {
    let app = workflow_app(1).await;
    let mut v = Visitor::new(&app, "en");
    let (id, _) = apply(&mut v).await;
    let csrf = v.dashboard().await.csrf();
    // The blank reply at the end offers the main language (Spanish).
    let form = v.get("/account/profile").await;
    assert!(
        form.tag("profile-new-reply-lang")
            .contains("name=\"reply_lang\""),
        "{}",
        form.body
    );
    assert!(form
        .body
        .contains("<option value=\"es\" lang=\"es\" selected>Español</option>"));
    let base = [
        ("csrf", csrf.as_str()),
        ("legal_name", "Panadería del Sol S.L."),
        ("category", "retail"),
        ("city", "Sevilla"),
        ("website", ""),
        ("logo_url", ""),
        ("default_lang", "es"),
        ("name_lang", "es"),
        ("name", "Panadería del Sol"),
        ("keyword", "horario"),
        ("reply_lang", "es"),
        ("reply", "De 8 a 14 h."),
    ];
    let mut fields = base.to_vec();
    fields.extend([
        ("keyword", "horario"),
        ("reply_lang", "en"),
        ("reply", "8 am to 2 pm."),
    ]);
    let page = v.post("/account/profile", &fields).await;
    assert_eq!(page.location(), "/account/profile?done=profile_saved");
    let view = app.service.own_view(&business(&id)).unwrap();
    let replies: Vec<_> = view
        .commands
        .iter()
        .map(|c| (c.keyword.as_str(), c.lang.as_str(), c.reply.as_str()))
        .collect();
    assert_eq!(
        replies,
        [
            ("horario", "es", "De 8 a 14 h."),
            ("horario", "en", "8 am to 2 pm.")
        ]
    );
    // The form shows each reply with its language chosen and marked.
    let form = v.get("/account/profile").await;
    form.assert_well_formed();
    assert!(form
        .tag("profile-commands-1-lang")
        .contains("name=\"reply_lang\""));
    let second = &form.body[form.body.find("id=\"profile-commands-1-lang\"").unwrap()..];
    let second = &second[..second.find("</select>").unwrap()];
    assert!(
        second.contains("<option value=\"en\" lang=\"en\" selected>"),
        "{second}"
    );
    assert!(form.tag("profile-commands-1-reply").contains("lang=\"en\""));

    // The same keyword twice in one language: refused beside the second
    // reply's language, in words, and nothing is lost from the form.
    let mut fields = base.to_vec();
    fields.extend([
        ("keyword", "horario"),
        ("reply_lang", "es"),
        ("reply", "Otra respuesta"),
    ]);
    let page = v.post("/account/profile", &fields).await;
    assert_eq!(page.status, 400);
    page.assert_refused("profile-commands-1-lang", "once in each language");
    assert!(page.body.contains(">Otra respuesta</textarea>"));
    let view = app.service.own_view(&business(&id)).unwrap();
    assert_eq!(view.commands.len(), 2, "the refused edit changed nothing");
}

#[tokio::test]
async fn reports_on_the_business_s_numbers_are_listed_newest_first() {
    use bizseal::model::{Report, ReportReason};
    let app = workflow_app(1).await;
    let (id, key) = register_by_api(&app, "Carnicería Brasa").await;
    let number = "+34612000222";
    let (status, _) = send_json(
        &app.client,
        reqwest::Method::POST,
        app.url(&format!("/v1/businesses/{id}/numbers")),
        Some(&key),
        Some(json!({"number": number})),
    )
    .await;
    assert_eq!(status, 202);
    let mut v = Visitor::new(&app, "en");
    let csrf = v.sign_in(&key).await.csrf();
    let page = v.get("/account/reports").await;
    assert_eq!(page.text("reports-h"), "No reports");
    let code = code_for(&app, number);
    v.post(
        "/account/numbers/confirm",
        &[("csrf", &csrf), ("number", number), ("code", &code)],
    )
    .await;
    let at = now();
    app.service
        .store()
        .write(|w| {
            for (reason, comment, when) in [
                (ReportReason::Spam, "the older one", at - 86_400 * 3),
                (ReportReason::Scam, "asked for my <b>PIN</b>", at - 60),
            ] {
                let report = Report {
                    number: number.to_owned(),
                    reason,
                    comment: Some(comment.to_owned()),
                    reporter: "192.0.2.0".to_owned(),
                    at: when,
                };
                w.add_report(comment, &report)?;
            }
            Ok::<_, bizseal::store::StoreError>(())
        })
        .unwrap();
    let page = v.get("/account/reports").await;
    page.assert_well_formed();
    assert_eq!(page.text("reports-h"), "2 reports");
    let newer = page.body.find("Scam or fraud").expect("the scam report");
    let older = page.body.find("the older one").expect("the spam report");
    assert!(newer < older, "newest first");
    assert!(
        page.body
            .contains("asked for my &#60;b&#62;PIN&#60;/b&#62;"),
        "escaped"
    );
    assert!(page.body.contains(">+34 612 00 02 22</span>"));
    assert!(!page.body.contains("192.0.2.0"), "never who reported");
}

#[tokio::test]
async fn the_domain_proof_shows_both_ways_to_publish_and_the_check_in_words() {
    let site = challenge_site().await;
    let app = workflow_app(site.port).await;
    let (id, key) = register_by_api(&app, "Relojería Alba").await;
    let mut v = Visitor::new(&app, "en");
    let csrf = v.sign_in(&key).await.csrf();

    // Not a domain: refused beside the field, what was typed kept.
    let page = v
        .post(
            "/account/domain",
            &[("csrf", &csrf), ("domain", "not a domain")],
        )
        .await;
    assert_eq!(page.status, 400);
    page.assert_refused("domain-domain", "Enter a domain name such as example.com");
    assert!(page.tag("domain-domain").contains("value=\"not a domain\""));

    // A pasted address is read as its domain; both ways to publish show.
    let page = v
        .post(
            "/account/domain",
            &[("csrf", &csrf), ("domain", "https://localhost/")],
        )
        .await;
    assert_eq!(page.location(), "/account?done=domain_started");
    let home = v.get("/account?done=domain_started").await;
    home.assert_well_formed();
    let open = app
        .service
        .domain_challenge(&business(&id))
        .unwrap()
        .expect("a challenge is open");
    assert_eq!(home.text("dns-name"), "_bizseal-challenge.localhost");
    assert_eq!(home.text("dns-value"), open.token);
    assert_eq!(home.text("http-url"), open.http_url);
    assert_eq!(home.text("http-token"), open.token);

    // Nothing published: the check says why in words, and changes nothing.
    let page = v.post("/account/domain/check", &[("csrf", &csrf)]).await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.text("check-result"),
        "Your website answered with an error instead of the token."
    );
    // Published: proven.
    *site.token.lock().unwrap() = open.token.clone();
    let page = v.post("/account/domain/check", &[("csrf", &csrf)]).await;
    assert_eq!(page.location(), "/account?done=domain_proven");
    let home = v.get("/account?done=domain_proven").await;
    assert_eq!(home.text("domain-proven"), "localhost is proven.");
    assert!(
        !home.body.contains("id=\"dns-name\""),
        "nothing left to publish"
    );
}

#[tokio::test]
async fn the_webhook_page_sets_it_shows_the_secret_once_lists_deliveries_and_replays() {
    use crate::webhooks::{eventually, sink};
    let hook = sink(0).await;
    let app = spawn_with(
        |c| {
            c.allow_private_targets = true;
            c.webhook_retry.base_ms = 20;
        },
        false,
    )
    .await;
    let (id, key) = register_by_api(&app, "Quesería Prado").await;
    let mut v = Visitor::new(&app, "en");
    v.sign_in(&key).await;
    let page = v.get("/account/webhook").await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_well_formed();
    assert!(page.body.contains("id=\"webhook-none\""));
    assert!(page.body.contains("aria-current=\"page\">Webhook<"));

    // A refused address is said beside the field.
    let csrf = page.csrf();
    let refused = v
        .post(
            "/account/webhook",
            &[("csrf", &csrf), ("url", "https://user:pw@example.com/x")],
        )
        .await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    refused.assert_refused("webhook-url", "with no user name or password");

    // A good one: the secret is in this answer only.
    let set = v
        .post("/account/webhook", &[("csrf", &csrf), ("url", &hook.url)])
        .await;
    assert_eq!(set.status, 200, "{}", set.body);
    assert_eq!(set.header("cache-control"), "no-store");
    assert!(set.text("webhook-secret").starts_with("whsec_"));
    let page = v.get("/account/webhook").await;
    assert!(!page.body.contains("whsec_"), "shown once");
    assert_eq!(page.text("webhook-current"), hook.url);

    // An event: its delivery is listed, and can be sent again.
    let a = crate::workflow::Applicant {
        id: id.clone(),
        key: key.clone(),
    };
    crate::workflow::prove(&app, &a, "+34612000555").await;
    eventually("the delivery", || hook.taken().len() == 1).await;
    // The worker records the answer just after the sink has it.
    let mut page = v.get("/account/webhook").await;
    for _ in 0..500 {
        if page.body.contains("Delivered") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        page = v.get("/account/webhook").await;
    }
    page.assert_well_formed();
    assert!(page.body.contains("number.proven"), "{}", page.body);
    assert!(page.body.contains("Delivered"));
    assert!(page.body.contains("HTTP 204"));
    let marker = "name=\"delivery\" value=\"";
    let at = page.body.find(marker).expect("a replay form") + marker.len();
    let delivery = page.body[at..at + page.body[at..].find('"').unwrap()].to_owned();
    let replayed = v
        .post(
            "/account/webhook/replay",
            &[("csrf", &csrf), ("delivery", &delivery)],
        )
        .await;
    assert_eq!(
        (replayed.status, replayed.location()),
        (303, "/account/webhook?done=webhook_replayed")
    );
    eventually("the replay", || hook.taken().len() == 2).await;
    let taken = hook.taken();
    assert_eq!(taken[0].body, taken[1].body);

    let removed = v.post("/account/webhook/remove", &[("csrf", &csrf)]).await;
    assert_eq!(
        (removed.status, removed.location()),
        (303, "/account/webhook?done=webhook_removed")
    );
    let page = v.get("/account/webhook?done=webhook_removed").await;
    assert!(page.body.contains("id=\"webhook-none\""));
    assert!(page.body.contains("Your webhook is removed."));
}
