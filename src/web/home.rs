//! `/`: one box to check a number or find a business by name.
//!
//! The form is a plain `GET /?q=...&region=...`, so a result is a link
//! anyone can share, and the server answers it: text that reads as a
//! number (in the country chosen, or the visitor's usual one) gets that
//! number's card; anything else — a name, or a fragment of a number too
//! short to be one — is searched, as the API's search would. Every number
//! card, an unknown number's included, carries the report form.

use std::borrow::Cow;

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::html::{impl_page, Item, Page, Shell, Text};
use super::i18n::{default_region, listed_region, Lang};
use super::localized::{name_langs, pick_name, place};
use super::report::ReportForm;
use super::{region_items, respond, Visit};
use super::{run, Failed};
use crate::http::AppState;
use crate::lookup::NumberAnswer;
use crate::model::{BusinessStatus, PublicStatus};
use crate::phone::{PhoneNumber, Region, E164};
use crate::search::{SearchError, SearchQuery};
use crate::service::{SearchAnswer, ServiceError};

/// The longest text the box takes (the API's limit for a search).
const MAX_QUERY: usize = 200;
/// Businesses shown for a name.
const SEARCH_LIMIT: usize = 10;

/// The query of `GET /`.
#[derive(Debug, Default, Deserialize)]
pub struct HomeQuery {
    q: Option<String>,
    /// The country of a national number; empty for "international".
    region: Option<String>,
}

/// `templates/home.html`.
#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    shell: Shell<'a>,
    q: &'a str,
    /// The country preselected for national numbers ("" = international).
    region: &'a str,
    regions: Vec<Item>,
    outcome: Outcome,
}
impl_page!(HomePage);

/// What the box found.
enum Outcome {
    /// Nothing asked yet.
    Empty,
    Number(Box<NumberCard>),
    Found {
        total: u64,
        hits: Vec<HitCard>,
    },
    /// No number, and no business by that name.
    Nothing {
        /// The text looked like digits: say so, not "no business".
        digits: bool,
    },
    SearchUnavailable,
    TooLong,
    Failed,
}

/// A number's answer as the card shows it.
struct NumberCard {
    /// Grouped, as people write it.
    shown: String,
    /// `ok`, `warn` or `bad`.
    class: &'static str,
    badge: &'static str,
    /// The badge's explanation: its message id with `-detail`.
    detail: &'static str,
    business: Option<BusinessLine>,
    reports_30d: u64,
    revoked: Option<(String, String)>,
    report: ReportForm,
}

/// The business a card names.
struct BusinessLine {
    id: String,
    name: String,
    name_lang: String,
    legal_name: String,
}

impl BusinessLine {
    fn name(&self) -> Text<'_> {
        Text::new(&self.name, &self.name_lang)
    }
}

/// One business found by name.
struct HitCard {
    id: String,
    name: String,
    name_lang: String,
    verified: bool,
    place: String,
    numbers: Vec<(String, String)>,
}

impl HitCard {
    fn name(&self) -> Text<'_> {
        Text::new(&self.name, &self.name_lang)
    }
}

/// `GET /`
pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    query: Result<Query<HomeQuery>, QueryRejection>,
) -> Response {
    let Query(query) = query.unwrap_or_default();
    let lang = visit.lang();
    let q = query.q.as_deref().map(str::trim).unwrap_or("");
    // The region of the link or form; else the visitor's usual country.
    let region: Cow<'_, str> = match query.region.as_deref().map(str::trim) {
        Some("") => Cow::Borrowed(""),
        Some(r) => match Region::parse(r) {
            Ok(_) => Cow::Owned(r.to_ascii_uppercase()),
            Err(_) => Cow::Borrowed(default_region(lang, &visit.headers)),
        },
        None => Cow::Borrowed(default_region(lang, &visit.headers)),
    };
    let outcome = if q.is_empty() {
        Outcome::Empty
    } else if q.chars().count() > MAX_QUERY {
        Outcome::TooLong
    } else {
        answer(&state, &visit, q, &region).await
    };
    // A region the list lacks (set in a link) is still honoured: offer it.
    let mut regions = region_items(lang, &region);
    if !region.is_empty() && listed_region(&region).is_none() {
        regions.insert(
            0,
            Item {
                value: Cow::Owned(region.to_string()),
                text: Cow::Owned(region.to_string()),
                chosen: true,
            },
        );
    }
    let status = match outcome {
        Outcome::Failed => StatusCode::SERVICE_UNAVAILABLE,
        Outcome::TooLong => StatusCode::BAD_REQUEST,
        _ => StatusCode::OK,
    };
    let page = HomePage {
        shell: visit.shell("home-title", Some("/")),
        q,
        region: &region,
        regions,
        outcome,
    };
    respond(status, &visit, &page)
}

async fn answer(state: &AppState, visit: &Visit, q: &str, region: &str) -> Outcome {
    let langs = name_langs(visit);
    let region = Region::parse(region).ok();
    let input = q.to_owned();
    let looked_up = run(state, {
        let langs = langs.clone();
        move |s| match s.number_or_listed(&input, region) {
            Ok(number) => {
                let answer = s.lookup(&number, &langs)?;
                // The card names the business in the visitor's language
                // when it has a name in it: read the profile for its names.
                let names = match &answer.business {
                    Some(b) => s
                        .business(&b.id, &langs)
                        .ok()
                        .map(|v| (v.names, v.default_lang)),
                    None => None,
                };
                Ok(Some((number, answer, names)))
            }
            Err(ServiceError::InvalidNumber(_)) => Ok(None),
            Err(e) => Err(e),
        }
    })
    .await;
    match looked_up {
        Ok(Some((number, answer, names))) => Outcome::Number(Box::new(number_card(
            visit.lang(),
            &number,
            answer,
            names,
            &langs,
        ))),
        // Not a number: a name, or a fragment of one. Search for it.
        Ok(None) => search(state, visit.lang(), q, langs).await,
        Err(_) => Outcome::Failed,
    }
}

async fn search(state: &AppState, lang: Lang, q: &str, langs: Vec<String>) -> Outcome {
    let digits = q.chars().filter(char::is_ascii_digit).count() * 2 >= q.chars().count();
    let query = SearchQuery {
        text: q.to_owned(),
        country: None,
        category: None,
        verified: None,
        limit: SEARCH_LIMIT,
        offset: 0,
    };
    let found: Result<SearchAnswer, _> = run(state, move |s| s.search(&query, &langs)).await;
    match found {
        Ok(found) if found.hits.is_empty() => Outcome::Nothing { digits },
        Ok(found) => Outcome::Found {
            total: found.total,
            hits: found
                .hits
                .into_iter()
                .map(|h| {
                    let b = h.business;
                    HitCard {
                        id: b.id.to_string(),
                        name_lang: b.display_lang,
                        name: b.display_name,
                        verified: b.status == BusinessStatus::Verified,
                        place: place(lang, &b.city, &b.country),
                        numbers: h
                            .numbers
                            .iter()
                            .filter(|n| n.status == PublicStatus::Verified)
                            .map(|n| {
                                let e = E164::stored(&n.number);
                                (n.number.clone(), e.international())
                            })
                            .collect(),
                    }
                })
                .collect(),
        },
        Err(Failed::Refused(ServiceError::Search(SearchError::NotRunning))) => {
            Outcome::SearchUnavailable
        }
        // A query the index cannot take finds nothing.
        Err(Failed::Refused(ServiceError::Search(_))) => Outcome::Nothing { digits },
        Err(_) => Outcome::Failed,
    }
}

fn number_card(
    lang: Lang,
    number: &PhoneNumber,
    answer: NumberAnswer,
    names: Option<(std::collections::BTreeMap<String, String>, String)>,
    langs: &[String],
) -> NumberCard {
    let (class, badge, detail) = match answer.status {
        PublicStatus::Verified => ("ok", "badge-verified", "badge-verified-detail"),
        PublicStatus::Unknown if answer.business.is_some() => {
            ("warn", "badge-registered", "badge-registered-detail")
        }
        PublicStatus::Unknown => ("warn", "badge-unknown", "badge-unknown-detail"),
        PublicStatus::Suspended => ("bad", "badge-suspended", "badge-suspended-detail"),
        PublicStatus::Revoked => ("bad", "badge-revoked", "badge-revoked-detail"),
    };
    let business = answer.business.map(|b| {
        let (name, name_lang) = match &names {
            Some((names, default_lang)) => pick_name(names, default_lang, langs)
                .map_or((b.display_name.clone(), String::new()), |(n, l)| {
                    (n.to_owned(), l.to_owned())
                }),
            None => (b.display_name.clone(), String::new()),
        };
        BusinessLine {
            id: b.id.to_string(),
            name,
            name_lang,
            legal_name: b.legal_name,
        }
    });
    let revoked = answer.revocation.map(|r| (super::date(r.at), r.reason));
    let e164 = number.as_str().to_owned();
    let shown = number.international();
    NumberCard {
        report: ReportForm::one(lang, &e164, &shown),
        shown,
        class,
        badge,
        detail,
        business,
        reports_30d: answer.reputation.reports_30d,
        revoked,
    }
}
