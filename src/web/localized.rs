//! Which of a business's texts a visitor is shown, and how: the languages
//! a page asks names in, the name (or description) in the first of them
//! the business has, and its place in words.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::i18n::{region_name, Lang};
use super::Visit;
use crate::model::pick_lang;

/// The languages a page asks names in: its own, then the visitor's others.
pub(super) fn name_langs(visit: &Visit) -> Vec<String> {
    let mut langs = vec![visit.lang().code().to_owned()];
    langs.extend(crate::http::extract::languages(None, &visit.headers));
    langs
}

/// The name to show for a business with `names` to a visitor who reads
/// `langs` (in order), and the language it is in: the visitor's language
/// when the business has a name in it, else its default language's.
pub(super) fn pick_name<'a>(
    names: &'a BTreeMap<String, String>,
    default_lang: &'a str,
    langs: &[String],
) -> Option<(&'a str, &'a str)> {
    let tagged = names
        .iter()
        .map(|(k, v)| (k.as_str(), (v.as_str(), k.as_str())));
    pick_lang(tagged, langs, default_lang)
}

/// "City, Country" with the country named in the page's language.
pub(super) fn place(lang: Lang, city: &str, country: &str) -> String {
    let country = region_name(lang, country).unwrap_or(Cow::Borrowed(country));
    if city.is_empty() {
        country.into_owned()
    } else {
        format!("{city}, {country}")
    }
}
