//! The reviewers' console over plain HTTP, as a browser without script
//! uses it: sign in with the token, read the pages, send the forms (with
//! the session cookie and the CSRF token each page carries), follow the
//! `303`s by hand.

use bizseal::model::{Claim, ReportReason};
use bizseal::phone::{PhoneNumber, E164};
use bizseal::store::prelude::*;
use reqwest::redirect::Policy;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;
use crate::workflow::{act, get as api_get, prove, register, Applicant, REVIEWER};

/// A signed-in reviewer: the session cookie and the CSRF token.
struct Console<'a> {
    app: &'a TestApp,
    http: reqwest::Client,
    cookie: String,
    csrf: String,
}

/// An answer of the console: status, headers and the HTML.
struct Answer {
    status: StatusCode,
    headers: reqwest::header::HeaderMap,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    fn location(&self) -> &str {
        self.header("location")
    }
}

async fn answer(response: reqwest::Response) -> Answer {
    Answer {
        status: response.status(),
        headers: response.headers().clone(),
        body: response.text().await.expect("body"),
    }
}

/// A client that does not follow redirects, so each `303` is seen.
fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client")
}

/// Posts the sign-in form with `token`.
async fn post_sign_in(app: &TestApp, http: &reqwest::Client, token: &str) -> Answer {
    let r = http
        .post(app.url("/console/sign-in"))
        .header("accept-language", "en")
        .form(&[("token", token)])
        .send()
        .await
        .expect("sign in");
    answer(r).await
}

/// The value of the first hidden `csrf` field of a page.
fn csrf_of(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .unwrap_or_else(|| panic!("no csrf field in {html}"));
    let rest = &html[at + "name=\"csrf\" value=\"".len()..];
    rest[..rest.find('"').expect("attribute closes")].to_owned()
}

impl<'a> Console<'a> {
    /// Signs in with `token`, which must be right.
    async fn sign_in(app: &'a TestApp, token: &str) -> Console<'a> {
        let http = client();
        let signed = post_sign_in(app, &http, token).await;
        assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
        assert_eq!(signed.location(), "/console");
        let set = signed.header("set-cookie");
        let cookie = set.split(';').next().expect("cookie").to_owned();
        assert!(cookie.starts_with("bizseal_console="), "{set}");
        let mut console = Console {
            app,
            http,
            cookie,
            csrf: String::new(),
        };
        let queue = console.get("/console").await;
        assert_eq!(queue.status, StatusCode::OK, "{}", queue.body);
        console.csrf = csrf_of(&queue.body);
        console
    }

    async fn get(&self, path: &str) -> Answer {
        let r = self
            .http
            .get(self.app.url(path))
            .header("cookie", &self.cookie)
            .header("accept-language", "en")
            .send()
            .await
            .expect("request");
        answer(r).await
    }

    /// Posts a form with this session's CSRF token.
    async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Answer {
        let mut form = vec![("csrf", self.csrf.as_str())];
        form.extend_from_slice(fields);
        self.post_raw(path, &form).await
    }

    /// Posts exactly these fields.
    async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Answer {
        let r = self
            .http
            .post(self.app.url(path))
            .header("cookie", &self.cookie)
            .header("accept-language", "en")
            .form(fields)
            .send()
            .await
            .expect("request");
        answer(r).await
    }
}

async fn console_app() -> TestApp {
    spawn_with(
        |c| {
            c.reviewer_token = Some(REVIEWER.into());
            c.report_threshold = 3;
        },
        true,
    )
    .await
}

/// A business that proved `number` and sent itself for review.
async fn submitted(app: &TestApp, name: &str, number: &str) -> Applicant {
    let a = register(app, name).await;
    prove(app, &a, number).await;
    let (status, body) = act(app, &a, "submit", json!({})).await;
    assert_eq!(status, 202, "{body}");
    a
}

async fn public_status(app: &TestApp, number: &str) -> serde_json::Value {
    let (status, body) = app.get_json(&format!("/v1/numbers/{number}")).await;
    assert_eq!(status, 200, "{body}");
    body
}

#[tokio::test]
async fn the_console_asks_for_a_sign_in_and_its_cookie_is_http_only_strict_and_scoped() {
    let app = console_app().await;
    let http = client();
    let r = answer(http.get(app.url("/console")).send().await.unwrap()).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/console/sign-in");

    let page = answer(http.get(app.url("/console/sign-in")).send().await.unwrap()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("type=\"password\""), "{}", page.body);
    assert!(page.body.contains("<label for=\"token\">"));
    assert_eq!(page.header("cache-control"), "no-store");

    let signed = post_sign_in(&app, &http, REVIEWER).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    let cookie = signed.header("set-cookie");
    assert!(cookie.starts_with("bizseal_console="), "{cookie}");
    assert!(cookie.contains("; Path=/console;"), "{cookie}");
    assert!(cookie.contains("; HttpOnly"), "{cookie}");
    assert!(cookie.contains("; SameSite=Strict"), "{cookie}");

    // The public pages never link to the console.
    let home = app.get("/").await.text().await.unwrap();
    assert!(!home.contains("/console"), "{home}");
}

#[tokio::test]
async fn the_queue_lists_a_submission_with_its_evidence_and_look_alike_warnings() {
    let app = console_app().await;
    let a = submitted(&app, "Zapatería Lumbre", "+34612000111").await;
    let lookalike = submitted(&app, "Banco Santamder", "+34612000888").await;
    let console = Console::sign_in(&app, REVIEWER).await;
    let queue = console.get("/console").await;
    let html = &queue.body;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(
        html.contains("2 businesses are waiting for a decision"),
        "{html}"
    );
    let item = &html[html.find(&format!("id=\"b-{}\"", a.id)).expect("item")..];
    let item = &item[..item.find("</li>\n<li").unwrap_or(item.len())];
    assert!(item.contains("Zapatería Lumbre"));
    assert!(item.contains("+34 612 00 01 11"), "grouped: {item}");
    assert!(item.contains("One-time code"), "how it was proven: {item}");
    assert!(item.contains("Proven, waiting for review"));
    assert!(item.contains("No domain: at most level B."));
    assert!(item.contains(&format!("action=\"/console/businesses/{}/approve\"", a.id)));
    assert!(item.contains(&format!("action=\"/console/businesses/{}/reject\"", a.id)));
    assert!(!item.contains("/dismiss\""), "a submission is not a flag");
    assert!(
        item.contains("<th scope=\"col\">"),
        "tables carry scoped headers"
    );
    // The look-alike is flagged next to its evidence, naming whom it imitates.
    let other = &html[html
        .find(&format!("id=\"b-{}\"", lookalike.id))
        .expect("item")..];
    assert!(
        other.contains("“Banco Santamder” looks like “Banco Santander”, a verified business."),
        "{other}"
    );
    assert_eq!(html.matches("<h1").count(), 1, "one h1");
    assert!(!html.contains("<script"));
}

#[tokio::test]
async fn approving_from_the_console_makes_the_number_verified() {
    let app = console_app().await;
    let number = "+34612000222";
    let a = submitted(&app, "Frutería Pepa", number).await;
    assert_eq!(public_status(&app, number).await["status"], "unknown");
    let console = Console::sign_in(&app, REVIEWER).await;
    let done = console
        .post(
            &format!("/console/businesses/{}/approve", a.id),
            &[("note", "papers checked"), ("from", "queue")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), "/console?done=approved");
    let looked = public_status(&app, number).await;
    assert_eq!(looked["status"], "verified");
    assert_eq!(looked["level"], "B");
    let queue = console.get(done.location()).await;
    assert!(queue
        .body
        .contains("Approved. A submission makes the business verified"));
    assert!(!queue.body.contains(&a.id), "decided, so no longer waiting");
    // A notice the console did not write is not shown.
    let forged = console.get("/console?done=%3Cb%3Ehacked").await;
    assert_eq!(forged.status, StatusCode::OK);
    assert!(!forged.body.contains("<b>hacked"));
    assert!(!forged.body.contains("notice-ok"));
}

#[tokio::test]
async fn a_rejection_needs_a_reason_which_the_business_then_reads() {
    let app = console_app().await;
    let a = submitted(&app, "Librería Sol", "+34612000333").await;
    let console = Console::sign_in(&app, REVIEWER).await;
    let path = format!("/console/businesses/{}/reject", a.id);
    let refused = console
        .post(&path, &[("reason", "  "), ("from", "queue")])
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    // The queue again, the words next to the reject form, and still waiting.
    let error = format!("id=\"reject-{}-error\"", a.id);
    let at = refused
        .body
        .find(&error)
        .unwrap_or_else(|| panic!("{}", refused.body));
    assert!(refused.body[at..].starts_with(&format!(
        "{error}>Give a reason: 1 to 1000 characters, plain text.</p>"
    )));
    assert!(refused.body.contains(&format!(
        "aria-describedby=\"reject-{0}-what reject-{0}-error\"",
        a.id
    )));
    assert!(
        refused.body.contains("<a href=\"/console?lang=es\""),
        "the switch links to the queue"
    );
    let (_, own) = api_get(&app, &format!("/v1/businesses/{}/status", a.id), &a.key).await;
    assert_eq!(own["review"]["state"], "submitted");

    let done = console
        .post(
            &path,
            &[
                ("reason", "The documents do not match the name."),
                ("from", "queue"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), "/console?done=rejected");
    let (_, own) = api_get(&app, &format!("/v1/businesses/{}/status", a.id), &a.key).await;
    assert_eq!(own["review"]["state"], "rejected");
    assert_eq!(
        own["review"]["reason"],
        "The documents do not match the name."
    );
}

#[tokio::test]
async fn a_flag_from_reports_is_dismissed_not_approved() {
    let app = console_app().await;
    let number = "+34612000444";
    let a = register(&app, "Taller Norte").await;
    prove(&app, &a, number).await;
    let n = PhoneNumber::parse(number, None).unwrap();
    for i in 1..=3 {
        let ip = format!("192.0.2.{i}").parse().unwrap();
        app.service
            .report(&n, ReportReason::Scam, None, Some(ip))
            .unwrap();
    }
    let console = Console::sign_in(&app, REVIEWER).await;
    let queue = console.get("/console").await.body;
    let item = &queue[queue.find(&format!("id=\"b-{}\"", a.id)).expect("flagged")..];
    assert!(item.contains(">Flagged<"), "{item}");
    assert!(
        item.contains("3 networks reported"),
        "the flag's reason: {item}"
    );
    assert!(item.contains("3 reports (3 networks)"), "{item}");
    assert!(item.contains("/dismiss\""));
    assert!(item.contains("/suspend\""));
    assert!(!item.contains("/approve\""), "a flag is never approved");

    let done = console
        .post(
            &format!("/console/businesses/{}/dismiss", a.id),
            &[("note", "reports look coordinated"), ("from", "queue")],
        )
        .await;
    assert_eq!(done.location(), "/console?done=dismissed");
    let queue = console.get("/console").await.body;
    assert!(
        queue.contains("Nothing is waiting for a decision."),
        "{queue}"
    );
}

#[tokio::test]
async fn a_business_is_suspended_then_reinstated_from_its_page() {
    let app = console_app().await;
    let console = Console::sign_in(&app, REVIEWER).await;
    let page = console
        .get(&format!("/console/business?q={TELEFONICA_ID}"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Telefónica"));
    assert!(page.body.contains("+34 915 82 03 17"), "{}", page.body);
    assert!(page.body.contains("Carries the badge"));
    assert!(page
        .body
        .contains("every badge of this business is withdrawn"));
    let suspend = format!("/console/businesses/{TELEFONICA_ID}/suspend");
    let done = console
        .post(&suspend, &[("reason", "fraud check"), ("from", "business")])
        .await;
    assert_eq!(
        done.location(),
        format!("/console/business?q={TELEFONICA_ID}&done=suspended")
    );
    assert_eq!(public_status(&app, TELEFONICA).await["status"], "suspended");
    let page = console.get(done.location()).await.body;
    assert!(page.contains("Suspended. Every badge of the business is withdrawn"));
    assert!(page.contains(&format!("/console/businesses/{TELEFONICA_ID}/reinstate")));
    assert!(
        !page.contains(&suspend),
        "a suspended business is reinstated, not suspended"
    );

    let done = console
        .post(
            &format!("/console/businesses/{TELEFONICA_ID}/reinstate"),
            &[("reason", "cleared"), ("from", "business")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(public_status(&app, TELEFONICA).await["status"], "verified");
}

#[tokio::test]
async fn a_number_found_by_search_has_its_badge_withdrawn() {
    let app = console_app().await;
    let console = Console::sign_in(&app, REVIEWER).await;
    // A number listed by one business opens that business's page.
    let page = console.get("/console/business?q=%2B31206499123").await.body;
    assert!(
        page.contains(&format!("data-business=\"{KLM_ID}\"")),
        "{page}"
    );
    assert!(page.contains(&format!("class=\"card searched\" data-number=\"{KLM}\"")));
    let revoke = "/console/numbers/%2B31206499123/revoke";
    assert!(page.contains(&format!("action=\"{revoke}\"")));
    let done = console
        .post(
            revoke,
            &[
                ("reason", "number ported away"),
                ("business", KLM_ID),
                ("from", "business"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(
        done.location(),
        format!("/console/business?q={KLM_ID}&done=revoked")
    );
    let looked = public_status(&app, KLM).await;
    assert_eq!(looked["status"], "revoked");
    assert!(looked["attestation"].is_null());
    let page = console.get(done.location()).await.body;
    assert!(page.contains("Badge withdrawn"), "{page}");
    assert!(
        !page.contains(&format!("action=\"{revoke}\"")),
        "nothing left to revoke"
    );

    // Text that is neither an id nor a number says so.
    let page = console.get("/console/business?q=hello").await.body;
    assert!(page.contains("neither a business id nor a phone number"));
    let page = console
        .get(&format!("/console/business?q=%2B{}", &UNLISTED[1..]))
        .await
        .body;
    assert!(page.contains("No business lists +31 20 123 4567"), "{page}");
}

#[tokio::test]
async fn a_locked_number_is_unlocked_and_a_number_released() {
    let app = console_app().await;
    let a = register(&app, "Ferretería Sur").await;
    let number = "+34612000555";
    let (status, _) = act(&app, &a, "numbers", json!({"number": number})).await;
    assert_eq!(status, 202);
    app.service
        .store()
        .write(|w| {
            let mut c = w
                .claim(E164::stored(number), &a.id)?
                .unwrap_or_else(|| Claim::new(0));
            c.locked_until = Some(now() + 3600);
            w.put_claim(E164::stored(number), &a.id, &c)
        })
        .unwrap();
    let console = Console::sign_in(&app, REVIEWER).await;
    let page = console
        .get(&format!("/console/business?q={}", a.id))
        .await
        .body;
    assert!(page.contains("Locked after wrong codes"), "{page}");
    assert!(page.contains("locked after wrong codes until 20"), "{page}");
    let unlock = "/console/numbers/%2B34612000555/unlock";
    let business = a.id.as_str();
    let done = console
        .post(unlock, &[("business", business), ("from", "business")])
        .await;
    assert_eq!(
        done.location(),
        format!("/console/business?q={business}&done=unlocked")
    );
    let (_, own) = api_get(&app, &format!("/v1/businesses/{business}/status"), &a.key).await;
    assert_eq!(own["numbers"][0]["state"], "unproven", "{own}");
    let again = console
        .post(unlock, &[("business", business), ("from", "business")])
        .await;
    assert_eq!(
        again.location(),
        format!("/console/business?q={business}&done=nothing-locked")
    );

    let release = "/console/numbers/%2B34612000555/release";
    let refused = console
        .post(release, &[("business", business), ("from", "business")])
        .await;
    assert_eq!(
        refused.status,
        StatusCode::BAD_REQUEST,
        "a release needs a reason"
    );
    assert!(
        refused.body.contains("id=\"release-34612000555-error\""),
        "{}",
        refused.body
    );
    let done = console
        .post(
            release,
            &[
                ("business", business),
                ("reason", "not theirs"),
                ("from", "business"),
            ],
        )
        .await;
    assert_eq!(
        done.location(),
        format!("/console/business?q={business}&done=released")
    );
    let (_, own) = api_get(&app, &format!("/v1/businesses/{business}/status"), &a.key).await;
    assert_eq!(own["numbers"], json!([]), "{own}");
}

#[tokio::test]
async fn the_audit_trail_names_the_reviewer_newest_first() {
    let app = console_app().await;
    let token = app.service.create_reviewer("Ana Ruiz", false).unwrap();
    let console = Console::sign_in(&app, &token).await;
    assert!(console
        .get("/console")
        .await
        .body
        .contains("Signed in as Ana Ruiz"));
    console
        .post(
            &format!("/console/businesses/{TELEFONICA_ID}/suspend"),
            &[("reason", "fraud check"), ("from", "business")],
        )
        .await;
    console
        .post(
            &format!("/console/businesses/{TELEFONICA_ID}/reinstate"),
            &[("reason", "cleared"), ("from", "business")],
        )
        .await;
    let audit = console.get("/console/audit").await;
    assert_eq!(audit.status, StatusCode::OK);
    let html = &audit.body;
    let reinstated = html.find("Reinstated the business").expect("reinstated");
    let suspended = html.find("Suspended the business").expect("suspended");
    assert!(reinstated < suspended, "newest first");
    let row = &html[html[..suspended].rfind("<tr>").unwrap()..suspended];
    assert!(row.contains("<td class=\"who\">Ana Ruiz</td>"), "{row}");
    assert!(html.contains("fraud check"));
    // The time reads left to right on a right-to-left page too.
    let open = "<th scope=\"row\" class=\"when\"><bdi dir=\"ltr\">";
    let when = &row[row.find(open).expect("a time") + open.len()..];
    let when = &when[..when.find("</bdi></th>").unwrap()];
    assert_eq!(when.len(), "2026-12-06 16:45 UTC".len(), "{when}");
    assert!(
        when.ends_with(" UTC") && when.as_bytes()[10] == b' ',
        "{when}"
    );
    // One business's trail only.
    let of_one = console
        .get(&format!("/console/audit?business={TELEFONICA_ID}"))
        .await
        .body;
    assert!(of_one.contains("Suspended the business"));
    assert!(!of_one.contains("Added a reviewer"), "{of_one}");
}

#[tokio::test]
async fn the_audit_trail_pages_by_fifty() {
    let app = console_app().await;
    let console = Console::sign_in(&app, REVIEWER).await;
    for i in 0..60 {
        app.service
            .note_security_event("test_event", &format!("event {i:02}"))
            .unwrap();
    }
    let first = console.get("/console/audit").await.body;
    assert!(
        first.contains(">event 59<") && first.contains(">event 10<"),
        "{first}"
    );
    assert!(!first.contains(">event 09<"));
    let end = first
        .find("\" rel=\"next\"")
        .expect("a link to older entries");
    let older = &first[first[..end].rfind("href=\"").unwrap() + 6..end];
    let second = console.get(older).await.body;
    assert!(
        second.contains(">event 09<") && second.contains(">event 00<"),
        "{second}"
    );
    assert!(!second.contains(">event 10<"));
    assert!(second.contains("Newest entries"));
}

#[tokio::test]
async fn wrong_tokens_lock_the_network_out_of_the_console_and_the_api_alike() {
    let app = console_app().await;
    let http = client();
    for _ in 0..8 {
        let wrong = post_sign_in(&app, &http, "guess").await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert!(wrong.body.contains("That token is not right."));
        assert!(wrong.header("set-cookie").is_empty());
    }
    // The API's wrong tokens count towards the same lockout...
    let api = |token: &'static str| {
        app.client
            .get(app.url("/v1/review/queue"))
            .bearer_auth(token)
            .send()
    };
    assert_eq!(api("guess").await.unwrap().status(), 401);
    assert_eq!(api(REVIEWER).await.unwrap().status(), 200);
    // ...so the tenth wrong token, typed in the console, locks both out.
    assert_eq!(
        post_sign_in(&app, &http, "guess").await.status,
        StatusCode::UNAUTHORIZED
    );
    let locked = post_sign_in(&app, &http, REVIEWER).await;
    assert_eq!(
        locked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right token"
    );
    assert!(
        locked.body.contains("Try again in 15 minutes."),
        "{}",
        locked.body
    );
    assert!(!locked.header("retry-after").is_empty());
    assert!(locked.header("set-cookie").is_empty());
    assert_eq!(api(REVIEWER).await.unwrap().status(), 429);
    let audit = app.service.audit_trail(None, 1000).unwrap();
    assert!(audit.iter().any(|e| e.action == "reviewer_auth_lockout"));
}

#[tokio::test]
async fn a_form_without_this_session_s_csrf_token_is_refused_and_changes_nothing() {
    let app = console_app().await;
    let number = "+34612000666";
    let a = submitted(&app, "Óptica Vista", number).await;
    let console = Console::sign_in(&app, REVIEWER).await;
    let approve = format!("/console/businesses/{}/approve", a.id);
    let missing = console.post_raw(&approve, &[("from", "queue")]).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    assert!(
        missing.body.contains("nothing was done"),
        "{}",
        missing.body
    );
    let wrong = console
        .post_raw(&approve, &[("csrf", "not-the-token"), ("from", "queue")])
        .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    // Another session's token is not this one's either.
    let other = Console::sign_in(&app, REVIEWER).await;
    assert_ne!(other.csrf, console.csrf);
    let crossed = console
        .post_raw(
            &approve,
            &[("csrf", other.csrf.as_str()), ("from", "queue")],
        )
        .await;
    assert_eq!(crossed.status, StatusCode::FORBIDDEN);
    let (_, own) = api_get(&app, &format!("/v1/businesses/{}/status", a.id), &a.key).await;
    assert_eq!(own["review"]["state"], "submitted");
    assert_eq!(public_status(&app, number).await["status"], "unknown");
    let revoke = console
        .post_raw(
            "/console/numbers/%2B31206499123/revoke",
            &[("reason", "x"), ("business", KLM_ID)],
        )
        .await;
    assert_eq!(revoke.status, StatusCode::FORBIDDEN);
    assert_eq!(public_status(&app, KLM).await["status"], "verified");
    // Signing out needs the token too.
    let out = console.post_raw("/console/sign-out", &[]).await;
    assert_eq!(out.status, StatusCode::FORBIDDEN);
    assert_eq!(
        console.get("/console").await.status,
        StatusCode::OK,
        "still signed in"
    );
}

#[tokio::test]
async fn signing_out_or_removing_the_reviewer_ends_the_session() {
    let app = console_app().await;
    let console = Console::sign_in(&app, REVIEWER).await;
    let out = console.post("/console/sign-out", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(out.location(), "/console/sign-in?done=signed-out");
    assert!(out.header("set-cookie").contains("Max-Age=0"));
    let after = console.get("/console").await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    assert_eq!(after.location(), "/console/sign-in");

    let token = app.service.create_reviewer("Luis", false).unwrap();
    let luis = Console::sign_in(&app, &token).await;
    app.service.remove_reviewer("Luis", "operator").unwrap();
    let after = luis.get("/console").await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    assert_eq!(after.location(), "/console/sign-in");
    let refused = luis
        .post(
            &format!("/console/businesses/{TELEFONICA_ID}/suspend"),
            &[("reason", "x")],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::SEE_OTHER,
        "no session, no decision"
    );
    assert_eq!(public_status(&app, TELEFONICA).await["status"], "verified");
}

#[tokio::test]
async fn the_outbox_shows_codes_only_when_the_log_sender_keeps_them() {
    let app = console_app().await;
    let a = register(&app, "Panadería Luna").await;
    act(&app, &a, "numbers", json!({"number": "+34612000777"})).await;
    let console = Console::sign_in(&app, REVIEWER).await;
    let page = console.get("/console/outbox").await;
    assert_eq!(page.status, StatusCode::OK);
    let code = crate::workflow::code_for(&app, "+34612000777");
    assert!(
        page.body.contains(&format!("<code>{code}</code>")),
        "{}",
        page.body
    );
    assert!(page.body.contains("+34 612 00 07 77"));
    assert!(page
        .body
        .contains("href=\"/console/outbox\" aria-current=\"page\""));

    let gateway = spawn_with(
        |c| {
            c.reviewer_token = Some(REVIEWER.into());
            c.sender = bizseal::config::SenderConfig::Webhook {
                url: "http://127.0.0.1:9/sms".into(),
            };
        },
        false,
    )
    .await;
    let console = Console::sign_in(&gateway, REVIEWER).await;
    assert_eq!(
        console.get("/console/outbox").await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!console
        .get("/console")
        .await
        .body
        .contains("/console/outbox"));
}
