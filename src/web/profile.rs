//! `/b/{id}`: a business's public profile, rendered on the server from the
//! service: its name in the visitor's language when it has one, the badge
//! as its numbers really stand, its numbers as people write them, website,
//! description and quick replies in their own languages, and a form to
//! report one of its numbers.

use std::borrow::Cow;

use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::html::{impl_page, Page, Shell, Text};
use super::i18n::{category_name, Lang};
use super::localized::{name_langs, pick_name, place};
use super::report::ReportForm;
use super::{error_page, respond, run, Assets, Visit};
use crate::http::AppState;
use crate::model::{pick_lang, BusinessId, BusinessStatus, PublicStatus};
use crate::phone::E164;
use crate::service::BusinessView;

/// `GET /b/{id}`
pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    id: Result<Path<String>, PathRejection>,
) -> Response {
    // A malformed id names no business: 404, like an unknown one.
    let Some(id) = id.ok().and_then(|Path(id)| BusinessId::parse(&id).ok()) else {
        return error_page(StatusCode::NOT_FOUND, &visit);
    };
    let langs = name_langs(&visit);
    let found = run(&state, {
        let langs = langs.clone();
        move |s| s.business(&id, &langs)
    })
    .await;
    match found {
        Ok(view) => {
            let page = ProfilePage::new(&view, visit.lang(), &langs, &visit.here, &visit.assets);
            respond(StatusCode::OK, &visit, &page)
        }
        Err(e) => error_page(e.status(), &visit),
    }
}

/// `templates/profile.html`: the business as it is, plus what the page
/// works out from it (badge, words, which texts to show).
#[derive(Template)]
#[template(path = "profile.html")]
struct ProfilePage<'a> {
    shell: Shell<'a>,
    b: &'a BusinessView,
    name: Text<'a>,
    /// `ok`, `warn` or `bad`.
    badge_class: &'static str,
    badge: &'static str,
    detail: &'static str,
    description: Option<Text<'a>>,
    category: Cow<'static, str>,
    place: String,
    /// The website, if it is one to link to.
    website: Option<&'a str>,
    /// Where bizseal serves the logo (its own origin), if there is one.
    logo: Option<&'a str>,
    numbers: Vec<Number<'a>>,
    /// Names other than the one shown, in their languages.
    other_names: Vec<Text<'a>>,
    /// Quick replies in the visitor's language (else the business's
    /// main one, else the first it has), each marked with its language.
    commands: Vec<QuickReply<'a>>,
    /// The quick replies in the business's other languages.
    other_commands: Vec<QuickReply<'a>>,
    report: Option<ReportForm>,
}
impl_page!(ProfilePage);

/// A listed number, grouped for reading, its status's pill class and its
/// status's message.
struct Number<'a> {
    e164: &'a str,
    shown: String,
    pill: &'static str,
    status: &'static str,
}

impl<'a> ProfilePage<'a> {
    fn new(
        b: &'a BusinessView,
        lang: Lang,
        langs: &[String],
        here: &'a str,
        assets: &'a Assets,
    ) -> ProfilePage<'a> {
        let name = pick_name(&b.names, &b.default_lang, langs)
            .map_or(Text::new(&b.display_name, &b.default_lang), |(n, l)| {
                Text::new(n, l)
            });
        let any_verified = b.numbers.iter().any(|n| n.status == PublicStatus::Verified);
        // The badge says what a caller would be told about the numbers: a
        // reviewed business none of whose numbers holds is not shown green.
        let (badge_class, badge, detail) = match b.status {
            BusinessStatus::Verified if any_verified => {
                ("ok", "badge-verified", "profile-verified-detail")
            }
            BusinessStatus::Verified => ("warn", "badge-no-numbers", "profile-no-numbers-detail"),
            BusinessStatus::Registered => ("warn", "badge-registered", "profile-registered-detail"),
            BusinessStatus::Suspended => ("bad", "badge-suspended", "profile-suspended-detail"),
        };
        let description = pick_name(&b.description, &b.default_lang, langs)
            .map(|(text, tag)| Text::new(text, tag));
        let place = place(lang, &b.city, &b.country);
        let numbers: Vec<Number<'a>> = b
            .numbers
            .iter()
            .map(|n| {
                let (pill, status) = status_style(n.status);
                Number {
                    e164: &n.number,
                    shown: E164::stored(&n.number).international(),
                    pill,
                    status,
                }
            })
            .collect();
        let report = (!numbers.is_empty()).then(|| {
            ReportForm::many(
                lang,
                numbers
                    .iter()
                    .map(|n| (n.e164.to_owned(), n.shown.clone()))
                    .collect(),
            )
        });
        let (commands, other_commands) = quick_replies(b, langs);
        ProfilePage {
            shell: Shell {
                lang,
                title: Cow::Owned(name.text.to_owned()),
                nav: None,
                here,
                assets,
            },
            name,
            b,
            badge_class,
            badge,
            detail,
            description,
            category: category_name(lang, &b.category),
            place,
            // The service only stores http(s) URLs; checked again, since an
            // href is where a `javascript:` URL would do harm.
            website: b
                .website
                .as_deref()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            logo: b.logo.as_ref().map(|l| l.url.as_str()),
            numbers,
            other_names: b
                .names
                .iter()
                .filter(|(_, n)| n.as_str() != name.text)
                .map(|(tag, n)| Text::new(n, tag))
                .collect(),
            commands,
            other_commands,
            report,
        }
    }
}

/// A business's quick replies for a visitor who reads `langs`: those in the
/// language picked as for its name, and the rest, each in its own language.
fn quick_replies<'a>(
    b: &'a BusinessView,
    langs: &[String],
) -> (Vec<QuickReply<'a>>, Vec<QuickReply<'a>>) {
    let tags = b
        .commands
        .iter()
        .map(|c| (c.lang.as_str(), c.lang.as_str()));
    let shown = pick_lang(tags, langs, &b.default_lang);
    b.commands
        .iter()
        .map(|c| (Text::new(&c.keyword, &c.lang), Text::new(&c.reply, &c.lang)))
        .partition(|(keyword, _)| Some(keyword.lang) == shown)
}

/// A quick reply's keyword and reply, in their language.
type QuickReply<'a> = (Text<'a>, Text<'a>);

/// The CSS class and message id of a number's status.
pub(super) fn status_style(status: PublicStatus) -> (&'static str, &'static str) {
    match status {
        PublicStatus::Verified => ("ok", "status-verified"),
        PublicStatus::Unknown => ("warn", "status-unknown"),
        PublicStatus::Suspended => ("bad", "status-suspended"),
        PublicStatus::Revoked => ("bad", "status-revoked"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Command, Level};
    use crate::service::NumberView;

    /// Every markup character, for text and attribute positions alike.
    const HOSTILE: &str = r#"<script>alert(1)</script>"'&"#;
    /// `HOSTILE` as askama escapes it (numeric character references).
    const ESCAPED: &str = "&#60;script&#62;alert(1)&#60;/script&#62;&#34;&#39;&#38;";

    fn hostile() -> BusinessView {
        BusinessView {
            id: BusinessId::generate(),
            legal_name: format!("{HOSTILE} S.L."),
            names: [
                ("es".to_owned(), HOSTILE.to_owned()),
                (HOSTILE.to_owned(), "Other \"name\"".to_owned()),
            ]
            .into_iter()
            .collect(),
            default_lang: "es".into(),
            display_name: HOSTILE.into(),
            category: "retail".into(),
            country: "ES".into(),
            city: format!("Madrid {HOSTILE}"),
            website: Some(format!("https://example.com/?q={HOSTILE}")),
            description: [(HOSTILE.to_owned(), HOSTILE.to_owned())]
                .into_iter()
                .collect(),
            logo: None,
            status: BusinessStatus::Verified,
            numbers: vec![
                NumberView {
                    number: "+34612000111".into(),
                    status: PublicStatus::Verified,
                    level: Some(Level::A),
                },
                NumberView {
                    number: HOSTILE.into(),
                    status: PublicStatus::Revoked,
                    level: None,
                },
            ],
            commands: vec![Command {
                keyword: "hola".into(),
                reply: HOSTILE.into(),
                lang: "es".into(),
            }],
        }
    }

    fn render(b: &BusinessView, lang: Lang, langs: &[String]) -> String {
        ProfilePage::new(b, lang, langs, "/b/x", &Assets::new())
            .render()
            .unwrap()
    }

    /// Fails if askama's escaping were off (`escape = "none"`, a `|safe`,
    /// a `.txt` template): each position would hold the raw text instead.
    #[test]
    fn a_hostile_business_is_escaped_in_text_and_attributes() {
        let html = render(&hostile(), Lang::Es, &[HOSTILE.into()]);
        assert!(!html.contains(HOSTILE), "{html}");
        assert!(!html.contains("<script>"), "{html}");
        for expected in [
            // Text: the title, the heading, facts, names, commands.
            // The visitor's "language" is the hostile tag, so the name in
            // it is shown, marked with the tag.
            "<title>Other &#34;name&#34; · bizseal</title>".to_owned(),
            format!("<h1 id=\"name\" lang=\"{ESCAPED}\" dir=\"ltr\">Other &#34;name&#34;</h1>"),
            format!("<dd dir=\"auto\">{ESCAPED} S.L.</dd>"),
            format!("<dd>Madrid {ESCAPED}, España</dd>"),
            format!("<dd lang=\"es\" dir=\"ltr\">{ESCAPED}</dd></div>\n</dl>\n</section>"),
            // Attributes (and text): a language tag, a link, a number.
            format!("<p class=\"description\" lang=\"{ESCAPED}\" dir=\"ltr\">{ESCAPED}</p>"),
            format!(
                "<li><span lang=\"es\" dir=\"ltr\">{ESCAPED}</span> \
                 <span class=\"muted\">(es)</span></li>"
            ),
            format!(
                "<a href=\"https://example.com/?q={ESCAPED}\" rel=\"noopener noreferrer nofollow\" dir=\"ltr\">\
                 https://example.com/?q={ESCAPED}</a>"
            ),
            format!("<a class=\"number\" dir=\"ltr\" href=\"tel:{ESCAPED}\">{ESCAPED}</a>"),
            format!("<option value=\"{ESCAPED}\">{ESCAPED}</option>"),
        ] {
            assert!(html.contains(&expected), "{expected} missing in {html}");
        }
        assert!(html.contains("Empresa verificada"));
        assert!(html.contains("<span class=\"pill pill-bad\">Retirado</span>"));
    }

    #[test]
    fn a_website_that_is_not_http_is_not_linked() {
        let mut b = hostile();
        b.website = Some("javascript:alert(1)".into());
        let html = render(&b, Lang::Es, &[]);
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("Sitio web"), "no website row");
    }

    #[test]
    fn the_logo_is_shown_from_bizseal_only() {
        let mut b = hostile();
        assert!(!render(&b, Lang::En, &[]).contains("profile-logo"));
        let url = format!("/logos/{}.png", "ab".repeat(32));
        b.logo = Some(crate::lookup::LogoView {
            url: url.clone(),
            sha256: "ab".repeat(32),
            integrity: "sha256-q6s=".into(),
        });
        let html = render(&b, Lang::En, &[]);
        assert!(
            html.contains(&format!(
                "<img class=\"profile-logo\" id=\"logo\" src=\"{url}\" alt=\"\""
            )),
            "{html}"
        );
    }

    #[test]
    fn a_registered_business_gets_the_warning_badge() {
        let mut b = hostile();
        b.status = BusinessStatus::Registered;
        let html = render(&b, Lang::En, &[]);
        assert!(html.contains("badge-warn"));
        assert!(html.contains("Not verified — be careful"));
    }

    #[test]
    fn a_verified_business_without_a_verified_number_is_not_green() {
        let mut b = hostile();
        for n in &mut b.numbers {
            n.status = PublicStatus::Revoked;
        }
        let html = render(&b, Lang::En, &[]);
        assert!(!html.contains("badge-ok"), "{html}");
        assert!(html.contains("Identity checked — no number verified now"));
        b.numbers[0].status = PublicStatus::Verified;
        assert!(render(&b, Lang::En, &[]).contains("badge badge-ok"));
    }

    #[test]
    fn the_name_is_the_visitor_s_language_s_and_marked_with_it() {
        let mut b = hostile();
        b.names = [
            ("en".to_owned(), "Oasis Air".to_owned()),
            ("ar".to_owned(), "طيران الواحة".to_owned()),
        ]
        .into_iter()
        .collect();
        b.default_lang = "en".into();
        let html = render(&b, Lang::Ar, &["ar".into()]);
        assert!(
            html.contains("<h1 id=\"name\" lang=\"ar\" dir=\"rtl\">طيران الواحة</h1>"),
            "{html}"
        );
        assert!(html.contains("<span lang=\"en\" dir=\"ltr\">Oasis Air</span>"));
        let html = render(&b, Lang::En, &["en".into()]);
        assert!(html.contains("<h1 id=\"name\" lang=\"en\" dir=\"ltr\">Oasis Air</h1>"));
    }

    #[test]
    fn numbers_are_shown_grouped_and_dialled_in_e164() {
        let html = render(&hostile(), Lang::En, &[]);
        assert!(
            html.contains(
                "<a class=\"number\" dir=\"ltr\" href=\"tel:+34612000111\">+34 612 00 01 11</a>"
            ),
            "{html}"
        );
    }

    #[test]
    fn a_business_without_numbers_has_no_report_form() {
        let mut b = hostile();
        b.numbers.clear();
        b.commands.clear();
        let html = render(&b, Lang::En, &[]);
        assert!(html.contains("<p>No phone numbers listed.</p>\n</section>"));
        assert!(!html.contains("id=\"report\""));
        assert!(!html.contains("action=\"/report\""));
        assert!(!html.contains("commands-h"));
    }
}
