//! Which language a page speaks, and its words, through Project Fluent.
//!
//! The words are Fluent files, one a language (`src/web/locales/*.ftl`,
//! compiled in); plurals and other variants are Fluent selectors, whose
//! categories come from CLDR's plural rules (`intl_pluralrules`), so no code
//! here knows that Arabic has six plural forms and Japanese one. A test
//! fails when a language lacks a message English has, or has one English
//! lacks, or a message the code uses is missing.
//!
//! The language is picked once per request: a `?lang=` link (the switch on
//! every page, which also sets a cookie), else the cookie, else the
//! `Accept-Language` header negotiated by `fluent-langneg` (so `pt-BR` is
//! Portuguese and `de-AT` German), else English.

use std::borrow::Cow;
use std::sync::LazyLock;

use axum::http::{header, HeaderMap};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

use crate::http::extract::languages;

/// A language the pages speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
    Nl,
    De,
    Fr,
    Pt,
    Ar,
    Ja,
}

/// Every supported language, in the order the switch lists them.
pub const LANGS: [Lang; 8] = [
    Lang::En,
    Lang::Es,
    Lang::Nl,
    Lang::De,
    Lang::Fr,
    Lang::Pt,
    Lang::Ar,
    Lang::Ja,
];

/// The cookie that remembers the switch.
pub const COOKIE: &str = "bizseal_lang";

impl Lang {
    /// The BCP 47 tag.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Nl => "nl",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Pt => "pt",
            Lang::Ar => "ar",
            Lang::Ja => "ja",
        }
    }

    /// The language's name in itself, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Nl => "Nederlands",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Pt => "Português",
            Lang::Ar => "العربية",
            Lang::Ja => "日本語",
        }
    }

    /// The writing direction of the page: `rtl` for Arabic.
    pub fn dir(self) -> &'static str {
        text_dir(self.code())
    }

    /// The country whose national numbers a speaker most likely types,
    /// when nothing better is known (the largest by speakers among those
    /// the pages list, for Portuguese and Arabic).
    pub fn home_region(self) -> &'static str {
        match self {
            Lang::En => "US",
            Lang::Es => "ES",
            Lang::Nl => "NL",
            Lang::De => "DE",
            Lang::Fr => "FR",
            Lang::Pt => "BR",
            Lang::Ar => "SA",
            Lang::Ja => "JP",
        }
    }

    /// The supported language of a BCP 47 tag (`es-MX` → Spanish).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or(tag);
        LANGS
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The Fluent files of the language: the shell and what every page
    /// shares, the public pages, a business's own pages, the console.
    fn sources(self) -> [&'static str; 4] {
        macro_rules! files {
            ($dir:literal) => {
                [
                    include_str!(concat!("locales/", $dir, "/shell.ftl")),
                    include_str!(concat!("locales/", $dir, "/public.ftl")),
                    include_str!(concat!("locales/", $dir, "/account.ftl")),
                    include_str!(concat!("locales/", $dir, "/console.ftl")),
                ]
            };
        }
        match self {
            Lang::En => files!("en"),
            Lang::Es => files!("es"),
            Lang::Nl => files!("nl"),
            Lang::De => files!("de"),
            Lang::Fr => files!("fr"),
            Lang::Pt => files!("pt"),
            Lang::Ar => files!("ar"),
            Lang::Ja => files!("ja"),
        }
    }
}

/// The writing direction of text in the language `tag`: `rtl` for the
/// scripts written right to left (Arabic, Hebrew, Persian, Urdu, ...).
pub fn text_dir(tag: &str) -> &'static str {
    const RTL: [&str; 8] = ["ar", "he", "fa", "ur", "ps", "sd", "yi", "dv"];
    let primary = tag.split(['-', '_']).next().unwrap_or(tag);
    if RTL.iter().any(|r| r.eq_ignore_ascii_case(primary)) {
        "rtl"
    } else {
        "ltr"
    }
}

/// One bundle a language, parsed once. A file that does not parse is a
/// build mistake the tests catch; at run time its good messages still load.
static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    LANGS
        .into_iter()
        .map(|lang| {
            let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Business text is placed in its own element with `lang` and
            // `dir`, which isolates it; Unicode isolation marks would only
            // add invisible characters to titles and attributes.
            bundle.set_use_isolating(false);
            for source in lang.sources() {
                let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(
                    |(partial, errors)| {
                        tracing::error!(lang = lang.code(), ?errors, "a Fluent file has errors");
                        partial
                    },
                );
                if let Err(errors) = bundle.add_resource(resource) {
                    tracing::error!(lang = lang.code(), ?errors, "a Fluent file has duplicates");
                }
            }
            bundle
        })
        .collect()
});

/// Arguments for a message: `args([("count", n.into())])`.
pub fn args<'a, const N: usize>(pairs: [(&'a str, FluentValue<'a>); N]) -> FluentArgs<'a> {
    pairs.into_iter().collect()
}

/// The words for `id` in `lang`.
pub fn t(lang: Lang, id: &str) -> Cow<'static, str> {
    format(lang, id, None)
}

/// The words for `id` in `lang`, with its arguments filled in.
pub fn t_args(lang: Lang, id: &str, args: &FluentArgs) -> String {
    format(lang, id, Some(args)).into_owned()
}

/// Whether English has the message `id` (every language has what
/// English has: a test makes sure).
pub fn has(id: &str) -> bool {
    BUNDLES[Lang::En.index()].has_message(id)
}

/// Formats a message; a message missing in `lang` falls back to English,
/// and one missing everywhere shows as its id (both logged; the tests
/// make sure neither happens).
fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Cow<'static, str> {
    for lang in [lang, Lang::En] {
        let bundle: &'static FluentBundle<FluentResource> = &BUNDLES[lang.index()];
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(
                    id,
                    lang = lang.code(),
                    ?errors,
                    "a message did not format cleanly"
                );
            }
            return text;
        }
        tracing::warn!(id, lang = lang.code(), "message missing");
    }
    Cow::Owned(id.to_owned())
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
    let lang = cookie(headers, COOKIE)
        .and_then(Lang::from_tag)
        .unwrap_or_else(|| negotiate(headers));
    Choice {
        lang,
        from_switch: false,
    }
}

/// The best supported language for the header's preferences (in their
/// q order), English when none is supported.
fn negotiate(headers: &HeaderMap) -> Lang {
    static AVAILABLE: LazyLock<Vec<LanguageIdentifier>> = LazyLock::new(|| {
        LANGS
            .into_iter()
            .filter_map(|l| l.code().parse().ok())
            .collect()
    });
    let requested: Vec<LanguageIdentifier> = languages(None, headers)
        .iter()
        .filter_map(|t| t.parse().ok())
        .collect();
    negotiate_languages(&requested, &AVAILABLE, None, NegotiationStrategy::Lookup)
        .first()
        .and_then(|id| Lang::from_tag(id.language.as_str()))
        .unwrap_or(Lang::En)
}

/// The `lang` parameter of a raw query string. Only plain tags matter, so
/// no percent-decoding is needed: anything else is simply not a language.
fn query_lang(query: &str) -> Option<&str> {
    query.split('&').find_map(|pair| pair.strip_prefix("lang="))
}

/// The value of the cookie `name`, if the request carries it.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(name)?.strip_prefix('='))
}

/// The countries the pages offer, as ISO 3166-1 alpha-2 codes; their names
/// are the messages `region-XX`.
pub const REGIONS: [&str; 42] = [
    "AE", "AR", "AT", "AU", "BE", "BO", "BR", "CA", "CH", "CL", "CN", "CO", "CR", "CU", "DE", "DO",
    "EC", "ES", "FR", "GB", "GQ", "GT", "HN", "IE", "IN", "IT", "JP", "MX", "NI", "NL", "PA", "PE",
    "PL", "PR", "PT", "PY", "SA", "SV", "TR", "US", "UY", "VE",
];

/// The categories a business can pick; their names are `category-{slug}`.
pub const CATEGORIES: [&str; 12] = [
    "airline",
    "bank",
    "ecommerce",
    "government",
    "healthcare",
    "insurance",
    "restaurant",
    "retail",
    "telecom",
    "travel",
    "utility",
    "other",
];

/// The country code the pages list for `code`, if they list it.
pub fn listed_region(code: &str) -> Option<&'static str> {
    REGIONS.into_iter().find(|c| c.eq_ignore_ascii_case(code))
}

/// The name of a country (ISO 3166-1 alpha-2) in `lang`, if the pages know it.
pub fn region_name(lang: Lang, code: &str) -> Option<Cow<'static, str>> {
    listed_region(code).map(|c| t(lang, &format!("region-{c}")))
}

/// Every country the pages offer, sorted by its name in `lang`.
pub fn regions(lang: Lang) -> Vec<(&'static str, Cow<'static, str>)> {
    let mut all: Vec<_> = REGIONS
        .into_iter()
        .map(|c| (c, t(lang, &format!("region-{c}"))))
        .collect();
    all.sort_by_cached_key(|(_, name)| fold(name));
    all
}

/// Sort key that puts "Émirats" near "Emirates": accents dropped,
/// lowercase; text in other scripts keeps its letters (code point order).
fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A category slug in words, or the slug itself for one the pages do not know.
pub fn category_name(lang: Lang, slug: &str) -> Cow<'static, str> {
    if CATEGORIES.contains(&slug) {
        t(lang, &format!("category-{slug}"))
    } else {
        Cow::Owned(slug.replace(['_', '-'], " "))
    }
}

/// The country whose national numbers a visitor most likely types: the
/// region of their first `Accept-Language` tag that has one we list, else
/// the usual country of the page's language.
pub fn default_region(lang: Lang, headers: &HeaderMap) -> &'static str {
    languages(None, headers)
        .iter()
        .filter_map(|tag| tag.split('-').nth(1))
        .find_map(listed_region)
        .unwrap_or(lang.home_region())
}

#[cfg(test)]
#[path = "i18n_tests.rs"]
mod tests;
