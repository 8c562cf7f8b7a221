//! `/b/{id}`: a business's public profile, rendered on the server from the
//! service (no JavaScript needed to read it): names, badge, numbers with
//! their status, website, quick-reply commands, and a form to report a
//! number, which `profile.js` sends to `POST /v1/reports`.

use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::html::{impl_page, Page, Shell};
use super::i18n::{category_name, region_name, t, Lang};
use super::{error_page, respond, Assets, Visit};
use crate::http::extract::languages;
use crate::http::AppState;
use crate::model::{pick_lang, BusinessId, BusinessStatus, PublicStatus};
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
    // The page's language first, then the visitor's others, for the name.
    let mut langs = vec![visit.lang().code().to_owned()];
    langs.extend(languages(None, &visit.headers));
    // A profile is a few point reads: inline, as the API's own lookup.
    match state.service.business(&id, &langs) {
        Ok(view) => {
            let page = ProfilePage::new(&view, visit.lang(), &langs, &visit.assets);
            respond(StatusCode::OK, &visit, &page)
        }
        Err(e) => {
            // The status the API would answer (the one table, `error_code`).
            let code = e.code();
            match code.status() {
                404 => {}
                500 => tracing::error!(error = %e, "profile page failed"),
                _ => tracing::warn!(error = %e, %code, "profile page refused"),
            }
            let status =
                StatusCode::from_u16(code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            error_page(status, &visit)
        }
    }
}

/// `templates/profile.html`: the business as it is, plus what the page
/// works out from it (badge, words, which texts to show).
#[derive(Template)]
#[template(path = "profile.html")]
struct ProfilePage<'a> {
    shell: Shell<'a>,
    b: &'a BusinessView,
    /// `ok`, `warn` or `bad`.
    badge_class: &'static str,
    badge: &'static str,
    detail: &'static str,
    description: Option<Description<'a>>,
    category: String,
    place: String,
    /// The website, if it is one to link to.
    website: Option<&'a str>,
    /// Where bizseal serves the logo (its own origin), if there is one.
    logo: Option<&'a str>,
    numbers: Vec<Number<'a>>,
    /// Names other than the one shown, with their language tags.
    other_names: Vec<(&'a str, &'a str)>,
}
impl_page!(ProfilePage);

/// The description, and the language it is in: it may not be the page's.
struct Description<'a> {
    lang: &'a str,
    text: &'a str,
}

/// A listed number, its status's pill class and its status in words.
struct Number<'a> {
    number: &'a str,
    pill: &'static str,
    status: &'static str,
}

impl<'a> ProfilePage<'a> {
    fn new(
        b: &'a BusinessView,
        lang: Lang,
        langs: &[String],
        assets: &'a Assets,
    ) -> ProfilePage<'a> {
        let (badge_class, badge, detail) = match b.status {
            BusinessStatus::Verified => ("ok", "badge.verified", "profile.verified.detail"),
            BusinessStatus::Registered => {
                ("warn", "badge.not_verified", "profile.registered.detail")
            }
            BusinessStatus::Suspended => ("bad", "badge.suspended", "profile.suspended.detail"),
        };
        let description = pick_lang(
            b.description.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            langs,
            &b.default_lang,
        )
        .map(|text| Description {
            lang: b
                .description
                .iter()
                .find(|(_, v)| v.as_str() == text)
                .map_or("", |(k, _)| k.as_str()),
            text,
        });
        let country = region_name(lang, &b.country).unwrap_or(&b.country);
        let place = if b.city.is_empty() {
            country.to_owned()
        } else {
            format!("{}, {country}", b.city)
        };
        ProfilePage {
            shell: Shell {
                lang,
                title: &b.display_name,
                script: Some("profile.js"),
                nav: None,
                assets,
            },
            b,
            badge_class,
            badge: t(lang, badge),
            detail: t(lang, detail),
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
            numbers: b
                .numbers
                .iter()
                .map(|n| {
                    let (pill, key) = status_style(n.status);
                    Number {
                        number: &n.number,
                        pill,
                        status: t(lang, key),
                    }
                })
                .collect(),
            other_names: b
                .names
                .iter()
                .filter(|(_, name)| **name != b.display_name)
                .map(|(tag, name)| (tag.as_str(), name.as_str()))
                .collect(),
        }
    }
}

/// The CSS class and message key of a number's status.
pub(super) fn status_style(status: PublicStatus) -> (&'static str, &'static str) {
    match status {
        PublicStatus::Verified => ("ok", "status.verified"),
        PublicStatus::Unknown => ("warn", "status.unknown"),
        PublicStatus::Suspended => ("bad", "status.suspended"),
        PublicStatus::Revoked => ("bad", "status.revoked"),
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
            }],
        }
    }

    fn render(b: &BusinessView, lang: Lang, langs: &[String]) -> String {
        ProfilePage::new(b, lang, langs, &Assets::new())
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
            format!("<title>{ESCAPED} · bizseal</title>"),
            format!("<h1 id=\"name\">{ESCAPED}</h1>"),
            format!("<dd>{ESCAPED} S.L.</dd>"),
            format!("<dd>Madrid {ESCAPED}, España</dd>"),
            format!("<dd>{ESCAPED}</dd></div>\n</dl>\n</section>"),
            // Attributes (and text): a language tag, a link, a number.
            format!("<p class=\"description\" lang=\"{ESCAPED}\">{ESCAPED}</p>"),
            format!(
                "<li><span lang=\"{ESCAPED}\">Other &#34;name&#34;</span> \
                 <span class=\"muted\">({ESCAPED})</span></li>"
            ),
            format!(
                "<a href=\"https://example.com/?q={ESCAPED}\" rel=\"noopener noreferrer nofollow\">\
                 https://example.com/?q={ESCAPED}</a>"
            ),
            format!("<a class=\"number\" href=\"tel:{ESCAPED}\">{ESCAPED}</a>"),
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
    fn a_business_without_numbers_has_no_report_form() {
        let mut b = hostile();
        b.numbers.clear();
        b.commands.clear();
        let html = render(&b, Lang::En, &[]);
        assert!(html.contains("<p>No phone numbers listed.</p>\n</section>"));
        assert!(!html.contains("id=\"report\""));
        assert!(!html.contains("commands-h"));
    }
}
