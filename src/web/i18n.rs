//! Which language a page speaks, and its words.
//!
//! The language is picked once per request: a `?lang=` link (the switch on
//! every page, which also sets a cookie), else the cookie, else the first
//! supported language of `Accept-Language`, else English. All wording lives
//! in [`super::catalog`], one table for the server-rendered pages and the
//! scripts alike (the scripts get it as a generated, cached asset).

use axum::http::{header, HeaderMap};

use super::catalog::{CATEGORIES, MESSAGES, REGIONS};
use crate::http::extract::languages;

/// A language the pages speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
}

/// Every supported language, in the order the switch lists them.
pub const LANGS: [Lang; 2] = [Lang::En, Lang::Es];

/// The cookie that remembers the switch.
pub const COOKIE: &str = "bizseal_lang";

impl Lang {
    /// The BCP 47 tag.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The supported language of a BCP 47 tag (`es-MX` → Spanish).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or(tag);
        LANGS
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    fn column(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Es => 1,
        }
    }
}

/// The language of a request, and whether the `?lang=` switch chose it
/// (then the answer sets the cookie so the choice sticks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub lang: Lang,
    pub from_switch: bool,
}

/// Picks the language: `?lang=`, then the cookie, then `Accept-Language`.
pub fn pick(query: Option<&str>, headers: &HeaderMap) -> Choice {
    if let Some(lang) = query.and_then(query_lang).and_then(Lang::from_tag) {
        return Choice {
            lang,
            from_switch: true,
        };
    }
    let lang = cookie(headers)
        .and_then(Lang::from_tag)
        .or_else(|| {
            languages(None, headers)
                .iter()
                .find_map(|t| Lang::from_tag(t))
        })
        .unwrap_or(Lang::En);
    Choice {
        lang,
        from_switch: false,
    }
}

/// The `lang` parameter of a raw query string. Only plain tags matter, so
/// no percent-decoding is needed: anything else is simply not a language.
fn query_lang(query: &str) -> Option<&str> {
    query.split('&').find_map(|pair| pair.strip_prefix("lang="))
}

fn cookie(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(COOKIE)?.strip_prefix('='))
}

/// The words for `key` in `lang`. A missing key shows as itself (and is
/// logged); a unit test makes sure no key the code uses is missing.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    MESSAGES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, words)| words[lang.column()])
        .unwrap_or_else(|| {
            tracing::warn!(key, "message missing from the catalog");
            key
        })
}

/// The name of a country (ISO 3166-1 alpha-2) in `lang`, if the pages know it.
pub fn region_name(lang: Lang, code: &str) -> Option<&'static str> {
    REGIONS
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, names)| names[lang.column()])
}

/// Every country the pages offer, sorted by its name in `lang`.
pub fn regions(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let mut all: Vec<_> = REGIONS
        .iter()
        .map(|(c, names)| (*c, names[lang.column()]))
        .collect();
    all.sort_by_cached_key(|(_, name)| fold(name));
    all
}

/// Sort key that puts "Émirats" near "Emirates": accents dropped, lowercase.
fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| c.is_ascii())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// A category slug in words, or the slug itself for one the pages do not know.
pub fn category_name(lang: Lang, slug: &str) -> String {
    CATEGORIES
        .iter()
        .find(|(c, _)| *c == slug)
        .map(|(_, names)| names[lang.column()].to_owned())
        .unwrap_or_else(|| slug.replace(['_', '-'], " "))
}

/// Every category the application form offers, in `lang`.
pub fn categories(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    CATEGORIES.iter().map(move |(c, n)| (*c, n[lang.column()]))
}

/// The country whose national numbers a visitor most likely types: the
/// region of their first `Accept-Language` tag that has one we list, else
/// the main country of the page's language.
pub fn default_region(lang: Lang, headers: &HeaderMap) -> &'static str {
    languages(None, headers)
        .iter()
        .filter_map(|tag| tag.split('-').nth(1))
        .find_map(|sub| REGIONS.iter().find(|(c, _)| c.eq_ignore_ascii_case(sub)))
        .map(|(c, _)| *c)
        .unwrap_or(match lang {
            Lang::En => "US",
            Lang::Es => "ES",
        })
}

/// The catalog of one language (with category and country names as
/// `category.{slug}` and `region.{code}`) as a script that the pages load before
/// their own (`self.BIZSEAL_MSGS = {...}`): served as a cached asset, so
/// no page needs an inline script to hand words to its code.
pub fn messages_script(lang: Lang) -> String {
    let col = lang.column();
    let messages = MESSAGES
        .iter()
        .map(|(k, words)| ((*k).to_owned(), words[col]));
    let categories = CATEGORIES
        .iter()
        .map(|(slug, words)| (format!("category.{slug}"), words[col]));
    let regions = REGIONS
        .iter()
        .map(|(code, words)| (format!("region.{code}"), words[col]));
    let map: serde_json::Map<String, serde_json::Value> = messages
        .chain(categories)
        .chain(regions)
        .map(|(k, v)| (k, v.into()))
        .collect();
    let json = serde_json::Value::Object(map).to_string();
    format!("\"use strict\";\nself.BIZSEAL_MSGS = {json};\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn accept_language_picks_the_first_supported_language() {
        let h = headers(&[(header::ACCEPT_LANGUAGE, "fr-FR, es-MX;q=0.8, en;q=0.5")]);
        assert_eq!(pick(None, &h).lang, Lang::Es);
        let h = headers(&[(header::ACCEPT_LANGUAGE, "es;q=0.2, en-GB;q=0.9")]);
        assert_eq!(pick(None, &h).lang, Lang::En);
    }

    #[test]
    fn english_is_the_fallback() {
        assert_eq!(pick(None, &HeaderMap::new()).lang, Lang::En);
        let h = headers(&[(header::ACCEPT_LANGUAGE, "de, ja;q=0.9")]);
        assert_eq!(pick(None, &h).lang, Lang::En);
    }

    #[test]
    fn the_switch_beats_the_cookie_which_beats_the_header() {
        let h = headers(&[
            (header::ACCEPT_LANGUAGE, "en"),
            (header::COOKIE, "theme=dark; bizseal_lang=es"),
        ]);
        assert_eq!(
            pick(None, &h),
            Choice {
                lang: Lang::Es,
                from_switch: false
            }
        );
        assert_eq!(
            pick(Some("x=1&lang=en"), &h),
            Choice {
                lang: Lang::En,
                from_switch: true
            }
        );
        // An unsupported or hostile switch value is ignored, not trusted.
        assert_eq!(pick(Some("lang=%3Cscript%3E"), &h).lang, Lang::Es);
        assert!(!pick(Some("lang=fr"), &h).from_switch);
    }

    #[test]
    fn region_follows_the_accept_language_region() {
        let h = headers(&[(header::ACCEPT_LANGUAGE, "es-MX,es;q=0.9")]);
        assert_eq!(default_region(Lang::Es, &h), "MX");
        let h = headers(&[(header::ACCEPT_LANGUAGE, "en")]);
        assert_eq!(default_region(Lang::En, &h), "US");
        assert_eq!(default_region(Lang::Es, &HeaderMap::new()), "ES");
    }

    #[test]
    fn catalog_keys_are_unique_and_every_entry_is_translated() {
        for (i, (key, words)) in MESSAGES.iter().enumerate() {
            assert!(MESSAGES[..i].iter().all(|(k, _)| k != key), "{key} twice");
            for w in words {
                assert!(!w.trim().is_empty(), "{key} has an empty translation");
            }
        }
        for (code, names) in REGIONS {
            assert_eq!(code.len(), 2);
            assert!(crate::phone::Region::parse(code).is_ok(), "{code}");
            assert!(names.iter().all(|n| !n.is_empty()));
        }
    }

    #[test]
    fn badge_wording_is_plain() {
        assert_eq!(t(Lang::Es, "badge.verified"), "Empresa verificada");
        assert_eq!(t(Lang::En, "badge.verified"), "Verified business");
        assert_eq!(
            t(Lang::Es, "badge.not_verified"),
            "No verificado — tenga cuidado"
        );
    }

    #[test]
    fn every_key_the_scripts_and_pages_use_is_in_the_catalog() {
        let sources = [
            include_str!("static/common.js"),
            include_str!("static/home.js"),
            include_str!("static/profile.js"),
            include_str!("static/apply.js"),
            include_str!("static/review.js"),
            include_str!("home.rs"),
            include_str!("profile.rs"),
            include_str!("apply.rs"),
            include_str!("review.rs"),
            include_str!("html.rs"),
            include_str!("mod.rs"),
            include_str!("../../templates/base.html"),
            include_str!("../../templates/home.html"),
            include_str!("../../templates/profile.html"),
            include_str!("../../templates/apply.html"),
            include_str!("../../templates/review.html"),
            include_str!("../../templates/error.html"),
        ];
        let mut checked = 0;
        for src in sources {
            for key in used_keys(src) {
                assert!(
                    MESSAGES.iter().any(|(k, _)| *k == key),
                    "{key:?} is used but not in the catalog"
                );
                checked += 1;
            }
        }
        assert!(
            checked > 100,
            "only {checked} keys found: the scan is broken"
        );
    }

    /// The first argument of every call `t("key"`, `t('key'`, `tr("key"`
    /// or `t(lang, "key"` whose callee is a whole word (not `split('`):
    /// the templates' `{{ t("key") }}` included.
    fn used_keys(src: &str) -> Vec<&str> {
        let mut keys = Vec::new();
        for callee in ["t(lang, ", "t(", "tr("] {
            let mut rest = src;
            while let Some(at) = rest.find(callee) {
                let before = rest[..at].chars().next_back();
                let after = &rest[at + callee.len()..];
                rest = after;
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                    continue;
                };
                let body = &after[1..];
                if let Some(end) = body.find(quote) {
                    keys.push(&body[..end]);
                }
            }
        }
        keys
    }

    #[test]
    fn the_messages_script_is_plain_json_data() {
        let js = messages_script(Lang::Es);
        let json = js
            .trim()
            .strip_prefix("\"use strict\";\nself.BIZSEAL_MSGS = ")
            .and_then(|s| s.strip_suffix(';'))
            .unwrap();
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(v["badge.verified"], "Empresa verificada");
        assert_eq!(v["category.bank"], "Banco");
        assert_eq!(v["region.NL"], "Países Bajos");
    }
}
