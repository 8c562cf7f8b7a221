//! `/apply`: registering a business, as `POST /v1/businesses` does. On
//! success the business is signed in at once and its id and API key are
//! shown, this once, with the way to `/account`.

use std::collections::BTreeMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::Response;
use axum::{Extension, Form};
use serde::Deserialize;

use super::super::html::{impl_page, Item, Page, Shell};
use super::super::i18n::default_region;
use super::super::once::FormOnce;
use super::super::session::{self, Kind, Sessions};
use super::super::{error_page, region_items, respond, run, Visit};
use super::{
    category_items, complete_url, lang_items, no_store, refused, NewKeyPage, OverTls, Refused,
};
use crate::http::AppState;
use crate::model::now;
use crate::service::ProfileInput;

/// The application form, as typed.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ApplyFields {
    legal_name: String,
    /// The name customers know, in the language `name_lang`.
    name: String,
    name_lang: String,
    default_lang: String,
    category: String,
    country: String,
    city: String,
    website: String,
    /// The one-time token (`web::once`): a reload of the answer page sends
    /// the form again, and must not register a second business.
    once: String,
}

/// `templates/account/apply.html`.
#[derive(Template)]
#[template(path = "account/apply.html")]
struct ApplyPage<'a> {
    shell: Shell<'a>,
    f: ApplyFields,
    name_langs: Vec<Item>,
    default_langs: Vec<Item>,
    categories: Vec<Item>,
    regions: Vec<Item>,
    /// Never set: the page's notices are refusals only.
    done: Option<&'static str>,
    refused: Option<Refused>,
    /// A fresh one-time token for this showing of the form.
    once: String,
}
impl_page!(ApplyPage);

impl<'a> ApplyPage<'a> {
    fn new(
        visit: &'a Visit,
        once: &FormOnce,
        f: ApplyFields,
        refused: Option<Refused>,
    ) -> ApplyPage<'a> {
        let lang = visit.lang();
        ApplyPage {
            once: once.issue(now()),
            shell: visit.shell("apply-title", Some("/apply")),
            name_langs: lang_items(&f.name_lang, &[]),
            default_langs: lang_items(&f.default_lang, &[]),
            categories: category_items(lang, &f.category),
            regions: region_items(lang, &f.country),
            f,
            done: None,
            refused,
        }
    }

    fn err(&self, field: &str) -> Option<&str> {
        self.refused.as_ref()?.at("apply", field, "")
    }
}

/// `GET /apply`: the empty form, in the visitor's language and country.
pub async fn page(visit: Visit, Extension(once): Extension<Arc<FormOnce>>) -> Response {
    let lang = visit.lang();
    let f = ApplyFields {
        name_lang: lang.code().to_owned(),
        default_lang: lang.code().to_owned(),
        country: default_region(lang, &visit.headers).to_owned(),
        ..ApplyFields::default()
    };
    respond(
        StatusCode::OK,
        &visit,
        &ApplyPage::new(&visit, &once, f, None),
    )
}

/// `POST /apply`: registers the business; signs it in and shows its key,
/// or the form again with the refusal next to its field.
pub async fn send(
    State(state): State<AppState>,
    visit: Visit,
    Extension(sessions): Extension<Arc<Sessions>>,
    Extension(once): Extension<Arc<FormOnce>>,
    OverTls(tls): OverTls,
    form: Result<Form<ApplyFields>, FormRejection>,
) -> Response {
    let Ok(Form(f)) = form else {
        return error_page(StatusCode::BAD_REQUEST, &visit);
    };
    if let Err(unusable) = once.spend(&f.once, now()) {
        let r = Refused::form_level(visit.lang(), "apply", unusable);
        let page = ApplyPage::new(&visit, &once, f, Some(r));
        return respond(unusable.status(), &visit, &page);
    }
    let website = complete_url(&f.website);
    let input = ProfileInput {
        id: None,
        legal_name: f.legal_name.clone(),
        names: BTreeMap::from([(f.name_lang.trim().to_owned(), f.name.clone())]),
        default_lang: f.default_lang.trim().to_owned(),
        display_name: None,
        category: f.category.clone(),
        country: f.country.clone(),
        city: f.city.clone(),
        website: (!website.is_empty()).then_some(website),
        description: BTreeMap::new(),
        logo_url: None,
        status: None,
        numbers: Vec::new(),
        commands: Vec::new(),
    };
    match run(&state, move |s| s.register(input)).await {
        Ok(registered) => {
            let opened = sessions.open(Kind::Business, &registered.api_key);
            let page = NewKeyPage {
                shell: visit.shell("apply-done-title", Some("/apply")),
                id: registered.business.id.to_string(),
                key: registered.api_key,
                registered: true,
                signed_in: opened.is_some(),
                nav: None,
            };
            let mut response = no_store(respond(StatusCode::CREATED, &visit, &page));
            if let Some(opened) = opened {
                response.headers_mut().insert(
                    header::SET_COOKIE,
                    session::start_cookie(Kind::Business, &opened, tls),
                );
            }
            response
        }
        Err(e) => {
            // The service names the name map; the form has one name.
            let r = refused(visit.lang(), "apply", &e).renamed("names", "name");
            let status = e.status();
            respond(status, &visit, &ApplyPage::new(&visit, &once, f, Some(r)))
        }
    }
}
