//! `/account/profile`: the business's profile as one form: legal name,
//! names and descriptions per language, main language, category, city,
//! website, logo and quick replies. Saving calls the same edit as
//! `PATCH /v1/businesses/{id}`: a business nobody reviewed yet edits
//! freely; a reviewed one's edit waits for review, and the page says so.
//!
//! Lists are edited without script: each entry has a "remove" box, and one
//! empty entry at the end adds one. Repeated fields (`name_lang`, `name`,
//! ...) arrive in the order of the page, so the n-th of each belong
//! together. Each quick reply has its language (`reply_lang`): a business
//! answers in several, and a visitor is shown those in theirs.

use std::borrow::Cow;
use std::collections::BTreeMap;

use askama::Template;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;

use super::super::html::{impl_page, Item, Page, Shell};
use super::super::i18n::region_name;
use super::super::session::BusinessSession;
use super::super::{error_page, respond, run, Visit};
use super::{
    category_items, complete_url, done, forbidden, lang_items, lang_name, refused, AccountNav,
    DoneQuery, Refused,
};
use crate::http::AppState;
use crate::model::{BusinessStatus, Command};
use crate::service::{CommandInput, ProfilePatch};

/// The form's values: as stored (the edit waiting for review, else the
/// business), or as typed.
#[derive(Debug, Default)]
struct Fields {
    csrf: String,
    legal_name: String,
    default_lang: String,
    category: String,
    city: String,
    website: String,
    logo_url: String,
    names: Vec<Entry>,
    descriptions: Vec<Entry>,
    commands: Vec<Reply>,
}

/// A text in one language.
#[derive(Debug, Default)]
struct Entry {
    lang: String,
    text: String,
    remove: bool,
}

/// A quick reply.
#[derive(Debug, Default)]
struct Reply {
    keyword: String,
    reply: String,
    lang: String,
    remove: bool,
}

impl Fields {
    /// Reads the posted pairs (repeated names in page order).
    fn parse(pairs: Vec<(String, String)>) -> Fields {
        let mut f = Fields::default();
        let (mut name_langs, mut names, mut name_removed) = (vec![], vec![], vec![]);
        let (mut desc_langs, mut descs, mut desc_removed) = (vec![], vec![], vec![]);
        let (mut keywords, mut replies, mut reply_removed) = (vec![], vec![], vec![]);
        let mut reply_langs = vec![];
        for (k, v) in pairs {
            match k.as_str() {
                "csrf" => f.csrf = v,
                "legal_name" => f.legal_name = v,
                "default_lang" => f.default_lang = v,
                "category" => f.category = v,
                "city" => f.city = v,
                "website" => f.website = v,
                "logo_url" => f.logo_url = v,
                "name_lang" => name_langs.push(v),
                "name" => names.push(v),
                "name_remove" => name_removed.push(v),
                "desc_lang" => desc_langs.push(v),
                "desc" => descs.push(v),
                "desc_remove" => desc_removed.push(v),
                "keyword" => keywords.push(v),
                "reply" => replies.push(v),
                "reply_lang" => reply_langs.push(v),
                "reply_remove" => reply_removed.push(v),
                _ => {}
            }
        }
        let entries = |langs: Vec<String>, texts: Vec<String>, removed: &[String]| {
            langs
                .into_iter()
                .zip(texts)
                .map(|(lang, text)| Entry {
                    remove: removed.contains(&lang),
                    lang: lang.trim().to_owned(),
                    text,
                })
                // An entry left empty is no entry (the blank one at the end).
                .filter(|e| !e.text.trim().is_empty() || e.remove)
                .collect::<Vec<_>>()
        };
        f.names = entries(name_langs, names, &name_removed);
        f.descriptions = entries(desc_langs, descs, &desc_removed);
        // A row without its language (a form from before languages) is in
        // the main language: the service's default for a missing one.
        let mut reply_langs = reply_langs.into_iter();
        f.commands = keywords
            .into_iter()
            .zip(replies)
            .enumerate()
            .map(|(i, (keyword, reply))| Reply {
                remove: reply_removed.contains(&i.to_string()),
                lang: reply_langs.next().unwrap_or_default().trim().to_owned(),
                keyword,
                reply,
            })
            .filter(|r| !(r.keyword.trim().is_empty() && r.reply.trim().is_empty()) || r.remove)
            .collect();
        f
    }

    /// The edit the form asks for: every field, so what the form shows is
    /// what the profile becomes.
    fn patch(&self) -> ProfilePatch {
        let kept = |entries: &[Entry]| -> BTreeMap<String, String> {
            entries
                .iter()
                .filter(|e| !e.remove)
                .map(|e| (e.lang.clone(), e.text.clone()))
                .collect()
        };
        ProfilePatch {
            legal_name: Some(self.legal_name.clone()),
            names: Some(kept(&self.names)),
            default_lang: Some(self.default_lang.trim().to_owned()),
            category: Some(self.category.clone()),
            city: Some(self.city.clone()),
            website: Some(complete_url(&self.website)),
            description: Some(kept(&self.descriptions)),
            logo_url: Some(complete_url(&self.logo_url)),
            commands: Some(
                self.commands
                    .iter()
                    .filter(|r| !r.remove)
                    .map(|r| CommandInput {
                        keyword: r.keyword.trim().to_owned(),
                        reply: r.reply.clone(),
                        lang: Some(r.lang.clone()).filter(|l| !l.is_empty()),
                    })
                    .collect(),
            ),
        }
    }

    /// The service's name for a refused field in the form's terms: the
    /// n-th quick reply sent is the form's row of that reply, which counts
    /// the removed ones too (`commands[1].keyword` → `commands.2.keyword`).
    fn field_name(&self, service: &str) -> String {
        let Some(rest) = service.strip_prefix("commands[") else {
            return service.to_owned();
        };
        let Some((n, part)) = rest.split_once(']') else {
            return service.to_owned();
        };
        let row = n.parse::<usize>().ok().and_then(|n| {
            self.commands
                .iter()
                .enumerate()
                .filter(|(_, r)| !r.remove)
                .nth(n)
                .map(|(row, _)| row)
        });
        match row {
            Some(row) => format!("commands.{row}{part}"),
            None => service.to_owned(),
        }
    }
}

/// `templates/account/profile.html`.
#[derive(Template)]
#[template(path = "account/profile.html")]
struct ProfilePage<'a> {
    shell: Shell<'a>,
    nav: AccountNav,
    csrf: String,
    done: Option<&'static str>,
    refused: Option<Refused>,
    /// An edit waits for review.
    pending: bool,
    /// The business passed review: edits wait for it.
    reviewed: bool,
    country: Cow<'static, str>,
    f: Fields,
    default_langs: Vec<Item>,
    /// The languages left for a new name and a new description.
    name_langs: Vec<Item>,
    desc_langs: Vec<Item>,
    categories: Vec<Item>,
}
impl_page!(ProfilePage);

impl ProfilePage<'_> {
    fn err(&self, field: &str) -> Option<&str> {
        self.refused.as_ref()?.at("profile", field, "")
    }

    /// The refusal's words about the entry in `lang` of the list `list`.
    fn err_in(&self, list: &str, lang: &str) -> Option<&str> {
        self.err(&format!("{list}.{lang}"))
    }

    /// The refusal's words about `part` (`keyword`, `reply`) of quick
    /// reply `row`.
    fn err_reply(&self, row: &usize, part: &str) -> Option<&str> {
        self.err(&format!("commands.{row}.{part}"))
    }

    fn lang_name(&self, tag: &str) -> Cow<'static, str> {
        lang_name(tag)
    }

    /// The languages for a quick reply's `<select>`, `lang` chosen (a new
    /// reply's: the main language).
    fn reply_langs(&self, lang: &str) -> Vec<Item> {
        match lang {
            "" => lang_items(&self.f.default_lang, &[]),
            lang => lang_items(lang, &[]),
        }
    }
}

/// `GET /account/profile`
pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    session: BusinessSession,
    query: Result<Query<DoneQuery>, QueryRejection>,
) -> Response {
    let done = query.ok().and_then(|Query(q)| q.message());
    render(&state, &visit, &session, None, done, None).await
}

/// `POST /account/profile`: saves the whole form as one edit.
pub async fn send(
    State(state): State<AppState>,
    visit: Visit,
    session: BusinessSession,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let Ok(Form(pairs)) = form else {
        return error_page(StatusCode::BAD_REQUEST, &visit);
    };
    let typed = Fields::parse(pairs);
    if !session.csrf_ok(&typed.csrf) {
        return forbidden(&visit);
    }
    let id = session.id.clone();
    let patch = typed.patch();
    match run(&state, move |s| s.edit(&id, patch)).await {
        Ok(outcome) if outcome.edit_pending => done("/account/profile", "profile_pending"),
        Ok(_) => done("/account/profile", "profile_saved"),
        Err(e) => {
            let mut r = refused(visit.lang(), "profile", &e);
            r.field = r.field.map(|f| typed.field_name(&f));
            let status = e.status();
            render(
                &state,
                &visit,
                &session,
                Some(typed),
                None,
                Some((r, status)),
            )
            .await
        }
    }
}

/// Renders the form: `typed` after a refusal, else the profile as stored.
async fn render(
    state: &AppState,
    visit: &Visit,
    session: &BusinessSession,
    typed: Option<Fields>,
    done: Option<&'static str>,
    refusal: Option<(Refused, StatusCode)>,
) -> Response {
    let id = session.id.clone();
    let loaded = run(state, move |s| Ok((s.status(&id)?, s.own_view(&id)?))).await;
    let (standing, view) = match loaded {
        Ok(loaded) => loaded,
        Err(e) => return error_page(e.status(), visit),
    };
    let f = typed.unwrap_or_else(|| match &standing.pending_edit {
        Some(p) => stored(
            &p.legal_name,
            &p.names,
            &p.default_lang,
            &p.category,
            &p.city,
            p.website.as_deref(),
            &p.description,
            p.logo_url.as_deref(),
            &p.commands,
        ),
        None => stored(
            &view.legal_name,
            &view.names,
            &view.default_lang,
            &view.category,
            &view.city,
            view.website.as_deref(),
            &view.description,
            standing.logo.source.as_deref(),
            &view.commands,
        ),
    });
    let lang = visit.lang();
    let used =
        |entries: &[Entry]| -> Vec<String> { entries.iter().map(|e| e.lang.clone()).collect() };
    let (names_used, descs_used) = (used(&f.names), used(&f.descriptions));
    let left_out = |used: &[String]| -> Vec<Item> {
        let used: Vec<&str> = used.iter().map(String::as_str).collect();
        lang_items("", &used)
    };
    let (refused, status) = match refusal {
        Some((r, status)) => (Some(r), status),
        None => (None, StatusCode::OK),
    };
    let page = ProfilePage {
        shell: visit.shell("account-profile-title", Some("/account")),
        nav: AccountNav {
            current: "/account/profile",
            csrf: session.csrf.clone(),
        },
        csrf: session.csrf.clone(),
        done,
        refused,
        pending: standing.pending_edit.is_some(),
        reviewed: standing.status != BusinessStatus::Registered,
        country: region_name(lang, &view.country).unwrap_or(Cow::Owned(view.country.clone())),
        default_langs: lang_items(&f.default_lang, &[]),
        name_langs: left_out(&names_used),
        desc_langs: left_out(&descs_used),
        categories: category_items(lang, &f.category),
        f,
    };
    respond(status, visit, &page)
}

/// The form's values from a stored profile (or waiting edit).
#[allow(clippy::too_many_arguments)]
fn stored(
    legal_name: &str,
    names: &BTreeMap<String, String>,
    default_lang: &str,
    category: &str,
    city: &str,
    website: Option<&str>,
    description: &BTreeMap<String, String>,
    logo_url: Option<&str>,
    commands: &[Command],
) -> Fields {
    let entries = |map: &BTreeMap<String, String>| {
        map.iter()
            .map(|(lang, text)| Entry {
                lang: lang.clone(),
                text: text.clone(),
                remove: false,
            })
            .collect()
    };
    Fields {
        csrf: String::new(),
        legal_name: legal_name.to_owned(),
        default_lang: default_lang.to_owned(),
        category: category.to_owned(),
        city: city.to_owned(),
        website: website.unwrap_or_default().to_owned(),
        logo_url: logo_url.unwrap_or_default().to_owned(),
        names: entries(names),
        descriptions: entries(description),
        commands: commands
            .iter()
            .map(|c| Reply {
                keyword: c.keyword.clone(),
                reply: c.reply.clone(),
                lang: c.lang.clone(),
                remove: false,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn repeated_fields_pair_up_in_page_order() {
        let f = Fields::parse(pairs(&[
            ("csrf", "t"),
            ("name_lang", "es"),
            ("name", "Sol"),
            ("name_lang", "en"),
            ("name", "Sun"),
            ("name_remove", "en"),
            ("name_lang", "it"),
            ("name", ""),
            ("keyword", "hours"),
            ("reply_lang", "en"),
            ("reply", "9-17"),
            ("keyword", "old"),
            ("reply_lang", "en"),
            ("reply", "gone"),
            ("reply_remove", "1"),
            ("keyword", "menu"),
            ("reply_lang", "es"),
            ("reply", "see site"),
            ("keyword", ""),
            ("reply_lang", "es"),
            ("reply", ""),
            ("website", "sol.example"),
            ("logo_url", ""),
        ]));
        assert_eq!(f.csrf, "t");
        assert_eq!(f.names.len(), 2, "the blank new entry is no entry");
        assert!(f.names[1].remove);
        let patch = f.patch();
        assert_eq!(
            patch.names.unwrap(),
            BTreeMap::from([("es".to_owned(), "Sol".to_owned())])
        );
        let commands = patch.commands.unwrap();
        let keywords: Vec<_> = commands
            .iter()
            .map(|c| (c.keyword.as_str(), c.lang.as_deref()))
            .collect();
        assert_eq!(keywords, [("hours", Some("en")), ("menu", Some("es"))]);
        assert_eq!(patch.website.as_deref(), Some("https://sol.example"));
        assert_eq!(patch.logo_url.as_deref(), Some(""), "emptied: removed");
        // The second reply sent is the third row of the form.
        assert_eq!(f.field_name("commands[1].keyword"), "commands.2.keyword");
        assert_eq!(f.field_name("commands[9].reply"), "commands[9].reply");
        assert_eq!(f.field_name("names.es"), "names.es");
    }
}
