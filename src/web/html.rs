//! HTML text: escaping, and the page shell every page shares.
//!
//! Pages are built as plain strings. Every piece of outside text (a
//! business name, a number, a language tag) goes through [`escape`] on its
//! way in, and every attribute value is double-quoted, so one function
//! covers both text and attribute contexts. Nothing here emits inline
//! script or style: the Content-Security-Policy forbids both.

use std::borrow::Cow;
use std::fmt::Write;

use super::assets::Assets;
use super::i18n::{t, Lang, LANGS};

/// Escapes text for an HTML text node or a double-quoted attribute value.
/// The five characters that can end a text run or an attribute are
/// replaced by character references (OWASP XSS cheat sheet, rule 1 and 2).
pub fn escape(input: &str) -> Cow<'_, str> {
    let needs = |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'');
    if !input.contains(needs) {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len() + 16);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// One page before it is wrapped in the shell.
pub struct Page<'a> {
    pub lang: Lang,
    /// The `<title>`, before " · bizseal" is added; plain text.
    pub title: &'a str,
    /// The contents of `<main>`, already escaped HTML.
    pub main: String,
    /// The page's own script (an asset name such as `home.js`), if any.
    pub script: Option<&'static str>,
    /// Which entry of the navigation is this page (a path), if any.
    pub nav: Option<&'static str>,
}

/// The navigation: path and message key.
const NAV: [(&str, &str); 3] = [
    ("/", "nav.check"),
    ("/apply", "nav.apply"),
    ("/review", "nav.review"),
];

/// Wraps a page in the shared shell: head with the assets, header with
/// navigation and the language switch, footer.
pub fn render(page: &Page<'_>, assets: &Assets) -> String {
    let lang = page.lang;
    let mut h = String::with_capacity(page.main.len() + 2048);
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} · bizseal</title>\n\
         <link rel=\"stylesheet\" href=\"{css}\">\n\
         <link rel=\"icon\" type=\"image/svg+xml\" href=\"{icon}\">\n\
         <script src=\"{msgs}\" defer></script>\n\
         <script src=\"{common}\" defer></script>\n",
        code = lang.code(),
        title = escape(page.title),
        css = assets.url("app.css"),
        icon = assets.url("icon.svg"),
        msgs = assets.messages_url(lang),
        common = assets.url("common.js"),
    );
    if let Some(script) = page.script {
        let _ = writeln!(h, "<script src=\"{}\" defer></script>", assets.url(script));
    }
    let _ = write!(
        h,
        "</head>\n<body>\n<a class=\"skip\" href=\"#main\">{skip}</a>\n\
         <header class=\"top\">\n<a class=\"brand\" href=\"/\">\
         <img src=\"{icon}\" alt=\"\" width=\"28\" height=\"28\"> bizseal</a>\n\
         <nav aria-label=\"{nav_label}\"><ul>",
        skip = t(lang, "nav.skip"),
        icon = assets.url("icon.svg"),
        nav_label = t(lang, "nav.label"),
    );
    for (path, key) in NAV {
        let current = if page.nav == Some(path) {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(
            h,
            "<li><a href=\"{path}\"{current}>{}</a></li>",
            t(lang, key)
        );
    }
    let _ = write!(
        h,
        "</ul></nav>\n<p class=\"langs\"><span class=\"visually-hidden\">{}: </span>",
        t(lang, "lang.label")
    );
    for (i, other) in LANGS.iter().enumerate() {
        if i > 0 {
            h.push_str(" · ");
        }
        if *other == lang {
            let _ = write!(
                h,
                "<strong lang=\"{c}\" aria-current=\"true\">{n}</strong>",
                c = other.code(),
                n = other.native_name()
            );
        } else {
            let _ = write!(
                h,
                "<a href=\"?lang={c}\" hreflang=\"{c}\" lang=\"{c}\">{n}</a>",
                c = other.code(),
                n = other.native_name()
            );
        }
    }
    let _ = write!(
        h,
        "</p>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n{main}\n</main>\n\
         <footer class=\"foot\"><p>{foot}</p></footer>\n</body>\n</html>\n",
        main = page.main,
        foot = t(lang, "site.footer"),
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_replaces_every_markup_character() {
        assert_eq!(
            escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
    }

    #[test]
    fn escape_borrows_clean_text_and_keeps_unicode() {
        assert!(matches!(escape("Telefónica 日本"), Cow::Borrowed(_)));
        assert_eq!(escape("Zapatería <Lumbre>"), "Zapatería &lt;Lumbre&gt;");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn escaped_text_cannot_leave_an_attribute() {
        let hostile = r#"" onmouseover="alert(1)"#;
        let attr = format!("<a title=\"{}\">", escape(hostile));
        assert_eq!(
            attr, "<a title=\"&quot; onmouseover=&quot;alert(1)\">",
            "the value stays one attribute"
        );
    }

    #[test]
    fn the_shell_escapes_the_title_and_names_the_language() {
        let assets = Assets::new();
        let html = render(
            &Page {
                lang: Lang::Es,
                title: "<b>x</b>",
                main: String::new(),
                script: Some("home.js"),
                nav: Some("/"),
            },
            &assets,
        );
        assert!(html.contains("<html lang=\"es\">"));
        assert!(html.contains("<title>&lt;b&gt;x&lt;/b&gt; · bizseal</title>"));
        assert!(html.contains("href=\"?lang=en\""));
        assert!(html.contains("aria-current=\"page\""));
        assert!(!html.contains("<script>"), "no inline script");
        assert!(!html.contains("style="), "no inline style");
    }
}
