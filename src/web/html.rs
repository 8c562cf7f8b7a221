//! The page shell every page shares, and what the templates need from Rust.
//!
//! Pages are askama templates in `templates/` (compiled into the binary,
//! checked at build time). Each extends `templates/base.html`, the shell:
//! head with the assets, header with navigation and the language switch,
//! footer. askama HTML-escapes every value a template prints, in text and
//! (double-quoted) attribute positions alike, so no code here or in the
//! pages escapes anything by hand, and no template marks a value `safe`.
//! Nothing here emits inline script or style: the Content-Security-Policy
//! forbids both.

use std::borrow::Cow;

use askama::Template;
use fluent_bundle::FluentValue;

use super::assets::Assets;
use super::i18n::{self, Lang, LANGS};

/// What the shell shows around a page.
pub struct Shell<'a> {
    pub lang: Lang,
    /// The `<title>`, before " · bizseal" is added; plain text.
    pub title: Cow<'static, str>,
    /// Which entry of the navigation is this page (a path), if any.
    pub nav: Option<&'static str>,
    /// This page's path and query, for the language switch's links.
    pub here: &'a str,
    pub assets: &'a Assets,
}

impl Shell<'_> {
    /// The hashed URL of an asset by its plain name.
    pub fn asset(&self, name: &str) -> String {
        self.assets.url(name)
    }

    /// Whether the navigation entry `path` is this page.
    pub fn is_current(&self, path: &str) -> bool {
        self.nav == Some(path)
    }

    /// Every language with the link that shows this same page in it, the
    /// page's own marked: the switch in the header.
    pub fn langs(&self) -> Vec<Switch> {
        LANGS
            .into_iter()
            .map(|l| Switch {
                code: l.code(),
                name: l.native_name(),
                href: switch_link(self.here, l),
                chosen: l == self.lang,
            })
            .collect()
    }
}

/// One link of the language switch.
pub struct Switch {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub chosen: bool,
}

/// `here` with its `lang` parameter set to `lang` (the rest kept, so a
/// result or form stays where it was).
fn switch_link(here: &str, lang: Lang) -> String {
    let (path, query) = here.split_once('?').unwrap_or((here, ""));
    let mut link = format!("{path}?lang={}", lang.code());
    for pair in query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
    {
        link.push('&');
        link.push_str(pair);
    }
    link
}

/// One entry of a list a template writes out: an `<option>` (`chosen` is
/// `selected`).
pub struct Item {
    pub value: Cow<'static, str>,
    pub text: Cow<'static, str>,
    pub chosen: bool,
}

/// A piece of a business's own text and the language it is written in, so
/// the page marks it with `lang` and `dir` (an Arabic name on an English
/// page reads right to left, and a screen reader speaks it in Arabic).
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    pub text: &'a str,
    pub lang: &'a str,
    pub dir: &'static str,
}

impl<'a> Text<'a> {
    pub fn new(text: &'a str, lang: &'a str) -> Text<'a> {
        Text {
            text,
            lang,
            dir: i18n::text_dir(lang),
        }
    }
}

/// A page: a template that extends `base.html`, so it has a [`Shell`].
pub trait Page: Template {
    fn shell(&self) -> &Shell<'_>;

    /// The words for `id` in the page's language: `{{ t("nav-skip") }}` in a
    /// template (askama calls a bare name as a method of the page).
    fn t(&self, id: &str) -> Cow<'static, str> {
        i18n::t(self.shell().lang, id)
    }

    /// The words for `id` with one argument: `{{ t1("found", "count", n) }}`.
    fn t1<'v>(&self, id: &str, name: &'v str, value: impl Into<FluentValue<'v>>) -> String {
        i18n::t_args(self.shell().lang, id, &i18n::args([(name, value.into())]))
    }

    /// The words for `id` with two arguments, each a name and its value
    /// (flat: askama passes a tuple written in a template by reference).
    fn t2<'v>(
        &self,
        id: &str,
        n1: &'v str,
        v1: impl Into<FluentValue<'v>>,
        n2: &'v str,
        v2: impl Into<FluentValue<'v>>,
    ) -> String {
        i18n::t_args(
            self.shell().lang,
            id,
            &i18n::args([(n1, v1.into()), (n2, v2.into())]),
        )
    }
}

/// Implements [`Page`] for page templates whose shell is the `shell` field.
macro_rules! impl_page {
    ($($ty:ident),+ $(,)?) => {
        $(impl $crate::web::html::Page for $ty<'_> {
            fn shell(&self) -> &$crate::web::html::Shell<'_> {
                &self.shell
            }
        })+
    };
}
pub(super) use impl_page;

#[cfg(test)]
mod tests {
    use super::*;

    /// A page with nothing of its own, to look at the shell.
    #[derive(Template)]
    #[template(source = "{% extends \"base.html\" %}", ext = "html")]
    struct Bare<'a> {
        shell: Shell<'a>,
    }
    impl_page!(Bare);

    fn bare<'a>(lang: Lang, title: &str, here: &'a str, assets: &'a Assets) -> String {
        Bare {
            shell: Shell {
                lang,
                title: Cow::Owned(title.to_owned()),
                nav: Some("/"),
                here,
                assets,
            },
        }
        .render()
        .unwrap()
    }

    #[test]
    fn the_shell_escapes_the_title_and_names_the_language_and_direction() {
        let assets = Assets::new();
        let html = bare(Lang::Es, "<b>x</b>", "/?q=1", &assets);
        assert!(html.starts_with("<!doctype html>\n<html lang=\"es\" dir=\"ltr\">\n"));
        assert!(
            html.contains("<title>&#60;b&#62;x&#60;/b&#62; · bizseal</title>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"/?lang=en&#38;q=1\" hreflang=\"en\" lang=\"en\">English</a>"),
            "{html}"
        );
        assert!(html.contains("<strong lang=\"es\" aria-current=\"true\">Español</strong>"));
        assert!(
            html.contains("<li><a href=\"/\" aria-current=\"page\">Comprobar un número</a></li>")
        );
        assert_eq!(html.matches("aria-current=\"page\"").count(), 1);
        assert!(
            !html.contains("/console"),
            "the console is not in the public navigation"
        );
        assert!(!html.contains("<script"), "no script at all");
        assert!(!html.contains("style="), "no inline style");
        let html = bare(Lang::Ar, "t", "/", &assets);
        assert!(html.starts_with("<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">\n"));
    }

    #[test]
    fn the_switch_keeps_the_rest_of_the_query() {
        assert_eq!(switch_link("/", Lang::Ja), "/?lang=ja");
        assert_eq!(
            switch_link("/?lang=es&q=%2B31&region=NL", Lang::Ar),
            "/?lang=ar&q=%2B31&region=NL"
        );
        assert_eq!(switch_link("/b/x?", Lang::En), "/b/x?lang=en");
    }

    #[test]
    fn business_text_carries_its_direction() {
        assert_eq!(Text::new("طيران", "ar").dir, "rtl");
        assert_eq!(Text::new("KLM", "nl").dir, "ltr");
        assert_eq!(Text::new("x", "he-IL").dir, "rtl");
    }
}
