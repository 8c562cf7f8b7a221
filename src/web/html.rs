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

use askama::Template;

use super::assets::Assets;
use super::i18n::{self, Lang, LANGS};

/// What the shell shows around a page.
pub struct Shell<'a> {
    pub lang: Lang,
    /// The `<title>`, before " · bizseal" is added; plain text.
    pub title: &'a str,
    /// The page's own script (an asset name such as `home.js`), if any.
    pub script: Option<&'static str>,
    /// Which entry of the navigation is this page (a path), if any.
    pub nav: Option<&'static str>,
    pub assets: &'a Assets,
}

impl Shell<'_> {
    /// The hashed URL of an asset by its plain name.
    pub fn asset(&self, name: &str) -> String {
        self.assets.url(name)
    }

    /// The URL of the page language's messages script.
    pub fn messages_url(&self) -> String {
        self.assets.messages_url(self.lang)
    }

    /// The URL of the page's own script, if it has one.
    pub fn script_url(&self) -> Option<String> {
        self.script.map(|name| self.assets.url(name))
    }

    /// Whether the navigation entry `path` is this page.
    pub fn is_current(&self, path: &str) -> bool {
        self.nav == Some(path)
    }

    /// Every language, with the page's own marked: the switch in the
    /// header and the application form's language list.
    pub fn langs(&self) -> Vec<Item> {
        LANGS
            .into_iter()
            .map(|l| Item {
                value: l.code(),
                text: l.native_name(),
                chosen: l == self.lang,
            })
            .collect()
    }
}

/// One entry of a list a template writes out: an `<option>` (`chosen` is
/// `selected`) or a link of the language switch (`chosen` is this page's).
pub struct Item {
    pub value: &'static str,
    pub text: &'static str,
    pub chosen: bool,
}

/// A page: a template that extends `base.html`, so it has a [`Shell`].
pub trait Page: Template {
    fn shell(&self) -> &Shell<'_>;

    /// The words for `key` in the page's language: `{{ t("nav.skip") }}` in a
    /// template (askama calls a bare name as a method of the page).
    fn t(&self, key: &'static str) -> &'static str {
        i18n::t(self.shell().lang, key)
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

    #[test]
    fn the_shell_escapes_the_title_and_names_the_language() {
        let assets = Assets::new();
        let html = Bare {
            shell: Shell {
                lang: Lang::Es,
                title: "<b>x</b>",
                script: Some("home.js"),
                nav: Some("/"),
                assets: &assets,
            },
        }
        .render()
        .unwrap();
        assert!(html.starts_with("<!doctype html>\n<html lang=\"es\">\n"));
        assert!(
            html.contains("<title>&#60;b&#62;x&#60;/b&#62; · bizseal</title>"),
            "{html}"
        );
        assert!(html.contains(&format!(
            "<script src=\"{}\" defer></script>\n</head>",
            assets.url("home.js")
        )));
        assert!(html.contains("<a href=\"?lang=en\" hreflang=\"en\" lang=\"en\">English</a>"));
        assert!(html.contains("<strong lang=\"es\" aria-current=\"true\">Español</strong>"));
        assert!(html.contains("<li><a href=\"/\" aria-current=\"page\">Comprobar un número</a></li><li><a href=\"/apply\">"));
        assert_eq!(html.matches("aria-current=\"page\"").count(), 1);
        assert!(html.contains("<main id=\"main\" tabindex=\"-1\">\n\n</main>"));
        assert!(!html.contains("<script>"), "no inline script");
        assert!(!html.contains("style="), "no inline style");
    }

    #[test]
    fn a_page_without_a_script_or_navigation_entry_has_neither() {
        let assets = Assets::new();
        let html = Bare {
            shell: Shell {
                lang: Lang::En,
                title: "t",
                script: None,
                nav: None,
                assets: &assets,
            },
        }
        .render()
        .unwrap();
        assert!(html.contains(&format!(
            "<script src=\"{}\" defer></script>\n</head>",
            assets.url("common.js")
        )));
        assert!(!html.contains("aria-current=\"page\""));
        assert!(html.contains(
            "<strong lang=\"en\" aria-current=\"true\">English</strong> · <a href=\"?lang=es\""
        ));
    }
}
