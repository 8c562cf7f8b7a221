//! `/account`: where the business stands (its status, the review, and what
//! to do next), its numbers with their forms (`numbers.rs` handles them),
//! the domain proof, and sending the business for review.
//!
//! Every form of the page answers a refusal by rendering the whole page
//! again ([`render`]) with the refusal beside the form it is about.

use super::signed_form;
use askama::Template;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

use super::super::html::{impl_page, Item, Page, Shell, Text};
use super::super::i18n::{self, Lang};
use super::super::localized::pick_name;
use super::super::session::BusinessSession;
use super::super::{date, error_page, region_items, respond, run, Visit};
use super::{done, number_key, refused, AccountNav, DoneQuery, Refused};
use crate::http::AppState;
use crate::model::BusinessStatus;
use crate::phone::E164;
use crate::service::{
    BusinessView, DomainChallenge, DomainCheck, DomainCheckReason, OwnNumber, StatusView,
};

/// `GET /account`
pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    session: BusinessSession,
    query: Result<Query<DoneQuery>, QueryRejection>,
) -> Response {
    let extra = Extra {
        done: query.ok().and_then(|Query(q)| q.message()),
        ..Extra::default()
    };
    render(&state, &visit, &session, extra, StatusCode::OK).await
}

/// What a render of the page shows besides the business as it stands.
#[derive(Default)]
pub(super) struct Extra {
    /// An allow-listed notice (`?done=`).
    pub done: Option<&'static str>,
    pub refused: Option<Refused>,
    /// What was typed in the refused form.
    pub kept: Kept,
    /// The outcome of a domain check that did not prove the domain.
    pub check: Option<DomainCheck>,
}

/// What was typed in a refused form of the page.
#[derive(Default)]
pub(super) struct Kept {
    pub number: String,
    pub region: String,
    pub code: String,
    pub domain: String,
}

/// Renders the page with `extra`, answering `status`.
pub(super) async fn render(
    state: &AppState,
    visit: &Visit,
    session: &BusinessSession,
    extra: Extra,
    status: StatusCode,
) -> Response {
    let id = session.id.clone();
    let loaded = run(state, move |s| {
        Ok((s.status(&id)?, s.own_view(&id)?, s.domain_challenge(&id)?))
    })
    .await;
    match loaded {
        Ok((standing, view, challenge)) => {
            let page = DashboardPage::new(visit, session, &standing, &view, challenge, extra);
            respond(status, visit, &page)
        }
        Err(e) => error_page(e.status(), visit),
    }
}

/// `templates/account/dashboard.html`.
#[derive(Template)]
#[template(path = "account/dashboard.html")]
struct DashboardPage<'a> {
    shell: Shell<'a>,
    nav: AccountNav,
    csrf: String,
    name: Text<'a>,
    id: String,
    /// Message ids of the business's status and review state, and the
    /// class of the status pill.
    status: &'static str,
    status_class: &'static str,
    review: &'static str,
    review_at: Option<String>,
    review_reason: Option<String>,
    flag: Option<String>,
    next: &'static str,
    edit_pending: bool,
    numbers: Vec<NumberLine>,
    regions: Vec<Item>,
    domain: Domain,
    check: Option<&'static str>,
    can_submit: bool,
    done: Option<&'static str>,
    refused: Option<Refused>,
    kept: Kept,
}
impl_page!(DashboardPage);

/// One of the business's numbers as the page lists it.
struct NumberLine {
    e164: String,
    shown: String,
    /// Its digits, for element ids.
    key: String,
    /// Its state in words, and the class of the pill.
    state: String,
    class: &'static str,
    /// A code can be asked for (unproven, not locked).
    can_send: bool,
    /// A code was sent and waits to be entered.
    code_pending: bool,
    locked_until: Option<String>,
    /// A reviewer withdrew it: only a reviewer can release it.
    removable: bool,
}

/// The domain proof as the page shows it.
enum Domain {
    None,
    /// Started: where to publish the token.
    Open(DomainChallenge),
    Proven(String),
}

impl<'a> DashboardPage<'a> {
    fn new(
        visit: &'a Visit,
        session: &BusinessSession,
        standing: &StatusView,
        view: &'a BusinessView,
        challenge: Option<DomainChallenge>,
        extra: Extra,
    ) -> DashboardPage<'a> {
        let lang = visit.lang();
        let langs = [lang.code().to_owned()];
        let name = pick_name(&view.names, &view.default_lang, &langs)
            .map_or(Text::new(&view.legal_name, ""), |(n, l)| Text::new(n, l));
        let (status, status_class) = match standing.status {
            BusinessStatus::Registered => ("account-status-registered", "warn"),
            BusinessStatus::Verified => ("account-status-verified", "ok"),
            BusinessStatus::Suspended => ("account-status-suspended", "bad"),
        };
        let review = match standing.review.state {
            "submitted" => "account-review-submitted",
            "approved" => "account-review-approved",
            "rejected" => "account-review-rejected",
            _ => "account-review-draft",
        };
        let domain = match (challenge, &standing.domain) {
            (Some(open), _) => Domain::Open(open),
            (None, Some(d)) if d.verified => Domain::Proven(d.domain.clone()),
            _ => Domain::None,
        };
        let region = if extra.kept.region.is_empty() {
            view.country.as_str()
        } else {
            extra.kept.region.as_str()
        };
        let can_submit = standing.status == BusinessStatus::Registered
            && matches!(standing.review.state, "draft" | "rejected");
        DashboardPage {
            // Rendered for a form's POST too: the language switch must
            // lead to the page, not to the form's address.
            shell: Shell {
                here: "/account",
                ..visit.shell("account-title", Some("/account"))
            },
            nav: AccountNav {
                current: "/account",
                csrf: session.csrf.clone(),
            },
            csrf: session.csrf.clone(),
            name,
            id: view.id.to_string(),
            status,
            status_class,
            review,
            review_at: standing.review.at.map(date),
            review_reason: standing.review.reason.clone(),
            flag: standing.flag.clone(),
            next: next_step(standing),
            edit_pending: standing.pending_edit.is_some(),
            numbers: standing
                .numbers
                .iter()
                .map(|n| number_line(lang, n))
                .collect(),
            regions: region_items(lang, region),
            domain,
            check: extra.check.map(|c| check_words(c.reason)),
            can_submit,
            done: extra.done,
            refused: extra.refused,
            kept: extra.kept,
        }
    }

    /// The refusal's words, if they are about `field` of `form`.
    fn err(&self, form: &str, field: &str) -> Option<&str> {
        self.refused.as_ref()?.at(form, field, "")
    }

    /// The refusal's words, if they are about `field` of the `form` of the
    /// number `key`.
    fn err_for(&self, form: &str, field: &str, key: &str) -> Option<&str> {
        self.refused.as_ref()?.at(form, field, key)
    }

    /// The refusal's words, if they are about the `form` (of the number
    /// `key`) as a whole.
    fn form_err(&self, form: &str, key: &str) -> Option<&str> {
        let r = self.refused.as_ref()?;
        (r.form == form && r.field.is_none() && r.about == key).then_some(&*r.text)
    }

    /// The code typed for the number `e164`, kept after a refusal.
    fn code_for(&self, e164: &str) -> &str {
        if self.kept.number == e164 {
            &self.kept.code
        } else {
            ""
        }
    }

    /// The number typed in the add form, kept after a refusal.
    fn typed_number(&self) -> &str {
        match &self.refused {
            Some(r) if r.form == "add" => &self.kept.number,
            _ => "",
        }
    }

    /// The domain for the domain field: what was typed, else the one
    /// being proven.
    fn domain_value(&self) -> &str {
        match (&self.refused, &self.domain) {
            (Some(r), _) if r.form == "domain" => &self.kept.domain,
            (_, Domain::Open(c)) => &c.domain,
            (_, Domain::Proven(d)) => d,
            _ => "",
        }
    }
}

/// What the business should do next, as a message id: the first step of
/// the way to the badge it has not taken.
fn next_step(s: &StatusView) -> &'static str {
    if s.status == BusinessStatus::Suspended {
        return "account-next-suspended";
    }
    if s.status == BusinessStatus::Verified {
        return if s.pending_edit.is_some() {
            "account-next-edit-waits"
        } else if s.numbers.iter().any(|n| n.state == "unproven") {
            "account-next-verified-prove"
        } else {
            "account-next-verified"
        };
    }
    let proven = s
        .numbers
        .iter()
        .any(|n| matches!(n.state, "proven" | "disputed" | "attested"));
    match s.review.state {
        "submitted" => "account-next-wait",
        _ if s.numbers.is_empty() => "account-next-add-number",
        _ if !proven && s.numbers.iter().any(|n| n.code_pending) => "account-next-enter-code",
        _ if !proven => "account-next-send-code",
        "rejected" => "account-next-rejected",
        _ => "account-next-submit",
    }
}

fn number_line(lang: Lang, n: &OwnNumber) -> NumberLine {
    let (id, class) = match n.state {
        "attested" => ("account-number-attested", "ok"),
        "proven" => ("account-number-proven", "warn"),
        "disputed" => ("account-number-disputed", "warn"),
        "locked" => ("account-number-locked", "bad"),
        "on_hold" => ("account-number-on-hold", "bad"),
        "revoked" => ("account-number-revoked", "bad"),
        _ => ("account-number-unproven", "warn"),
    };
    let level = n.level.map_or("", |l| l.as_str());
    let state = i18n::t_args(lang, id, &i18n::args([("level", level.into())]));
    NumberLine {
        shown: E164::stored(&n.number).international(),
        key: number_key(&n.number),
        e164: n.number.clone(),
        state,
        class,
        can_send: n.state == "unproven",
        code_pending: n.state == "unproven" && n.code_pending,
        locked_until: n.locked_until.map(time),
        removable: n.state != "revoked",
    }
}

/// A moment as date and time in UTC, `2026-12-06 14:05 UTC`: when a lock
/// ends, the hour matters.
fn time(at: i64) -> String {
    jiff::Timestamp::from_second(at)
        .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

/// Why a domain check did not prove the domain, as a message id.
fn check_words(reason: DomainCheckReason) -> &'static str {
    use DomainCheckReason::*;
    match reason {
        Ok => "account-check-ok",
        TxtMissing => "account-check-txt-missing",
        TxtMismatch => "account-check-txt-mismatch",
        DnsFailed => "account-check-dns-failed",
        DnsTimeout => "account-check-dns-timeout",
        Unresolvable => "account-check-unresolvable",
        PrivateAddress => "account-check-private-address",
        ConnectFailed => "account-check-connect-failed",
        Redirect => "account-check-redirect",
        HttpStatus => "account-check-http-status",
        TooLarge => "account-check-too-large",
        TokenMismatch => "account-check-token-mismatch",
    }
}

/// A form with only its CSRF token.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CsrfOnly {
    csrf: String,
}

/// The domain form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DomainFields {
    csrf: String,
    domain: String,
}

/// The domain as typed, without a scheme or path pasted with it
/// (`https://shop.example/` is `shop.example`).
fn typed_domain(typed: &str) -> &str {
    let t = typed.trim();
    let t = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
        .unwrap_or(t);
    t.split('/').next().unwrap_or(t)
}

/// `POST /account/domain`: starts (or restarts) the domain proof.
pub async fn start_domain(
    State(state): State<AppState>,
    visit: Visit,
    session: BusinessSession,
    form: Result<Form<DomainFields>, FormRejection>,
) -> Response {
    let f = match signed_form(form, &session, &visit, |f| &f.csrf) {
        Ok(f) => f,
        Err(refused) => return refused,
    };
    let id = session.id.clone();
    let domain = typed_domain(&f.domain).to_owned();
    match run(&state, move |s| s.start_domain(&id, &domain)).await {
        Ok(_) => done("/account", "domain_started"),
        Err(e) => {
            let extra = Extra {
                refused: Some(refused(visit.lang(), "domain", &e).or_at("domain")),
                kept: Kept {
                    domain: f.domain,
                    ..Kept::default()
                },
                ..Extra::default()
            };
            render(&state, &visit, &session, extra, e.status()).await
        }
    }
}

/// `POST /account/domain/check`: looks for the published token. A check
/// that finds nothing changes nothing, so its outcome is shown at once.
pub async fn check_domain(
    State(state): State<AppState>,
    visit: Visit,
    session: BusinessSession,
    form: Result<Form<CsrfOnly>, FormRejection>,
) -> Response {
    if let Err(refused) = signed_form(form, &session, &visit, |f| &f.csrf) {
        return refused;
    }
    let id = session.id.clone();
    let extra = match run(&state, move |s| s.check_domain(&id)).await {
        Ok(check) if check.verified => return done("/account", "domain_proven"),
        Ok(check) => Extra {
            check: Some(check),
            ..Extra::default()
        },
        Err(e) => {
            let extra = Extra {
                refused: Some(refused(visit.lang(), "check", &e)),
                ..Extra::default()
            };
            return render(&state, &visit, &session, extra, e.status()).await;
        }
    };
    render(&state, &visit, &session, extra, StatusCode::OK).await
}

/// `POST /account/submit`: sends the business for review.
pub async fn submit(
    State(state): State<AppState>,
    visit: Visit,
    session: BusinessSession,
    form: Result<Form<CsrfOnly>, FormRejection>,
) -> Response {
    if let Err(refused) = signed_form(form, &session, &visit, |f| &f.csrf) {
        return refused;
    }
    let id = session.id.clone();
    match run(&state, move |s| s.submit(&id)).await {
        Ok(_) => done("/account", "submitted"),
        Err(e) => {
            let extra = Extra {
                refused: Some(refused(visit.lang(), "submit", &e)),
                ..Extra::default()
            };
            render(&state, &visit, &session, extra, e.status()).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_address_is_read_as_its_domain() {
        assert_eq!(typed_domain(" https://shop.example/about "), "shop.example");
        assert_eq!(typed_domain("http://shop.example"), "shop.example");
        assert_eq!(typed_domain("shop.example"), "shop.example");
    }

    #[test]
    fn every_check_reason_has_words() {
        use DomainCheckReason::*;
        for r in [
            Ok,
            TxtMissing,
            TxtMismatch,
            DnsFailed,
            DnsTimeout,
            Unresolvable,
            PrivateAddress,
            ConnectFailed,
            Redirect,
            HttpStatus,
            TooLarge,
            TokenMismatch,
        ] {
            assert!(i18n::has(check_words(r)), "{r:?}");
        }
    }

    #[test]
    fn times_are_utc_to_the_minute() {
        assert_eq!(time(0), "1970-01-01 00:00 UTC");
    }
}
