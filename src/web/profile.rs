//! `/b/{id}`: a business's public profile, rendered on the server from the
//! service (no JavaScript needed to read it): names, badge, numbers with
//! their status, website, quick-reply commands, and a form to report a
//! number, which `profile.js` sends to `POST /v1/reports`.

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Extension;

use super::html::{escape, Page};
use super::i18n::{category_name, region_name, t, Lang};
use super::{error_page, respond, Assets, Visit};
use crate::http::extract::languages;
use crate::http::AppState;
use crate::model::{pick_lang, BusinessId, BusinessStatus, PublicStatus};
use crate::service::{BusinessView, ServiceError};
use crate::store::StoreError;

/// `GET /b/{id}`
pub async fn page(
    State(state): State<AppState>,
    Extension(assets): Extension<Arc<Assets>>,
    id: Result<Path<String>, PathRejection>,
    query: RawQuery,
    headers: HeaderMap,
) -> Response {
    let visit = Visit::new(&query, headers);
    // A malformed id names no business: 404, like an unknown one.
    let Some(id) = id.ok().and_then(|Path(id)| BusinessId::parse(&id).ok()) else {
        return error_page(StatusCode::NOT_FOUND, &visit, &assets);
    };
    // The page's language first, then the visitor's others, for the name.
    let mut langs = vec![visit.lang().code().to_owned()];
    langs.extend(languages(None, &visit.headers));
    // A profile is a few point reads: inline, as the API's own lookup.
    match state.service.business(&id, &langs) {
        Ok(view) => {
            let page = Page {
                lang: visit.lang(),
                title: &view.display_name,
                main: render(&view, visit.lang(), &langs),
                script: Some("profile.js"),
                nav: None,
            };
            respond(StatusCode::OK, &visit, &page, &assets)
        }
        Err(ServiceError::NotFound(_)) => error_page(StatusCode::NOT_FOUND, &visit, &assets),
        Err(ServiceError::Store(StoreError::Unavailable(cause))) => {
            tracing::warn!(%cause, "storage unavailable for a profile page");
            error_page(StatusCode::SERVICE_UNAVAILABLE, &visit, &assets)
        }
        Err(e) => {
            tracing::error!(error = %e, "profile page failed");
            error_page(StatusCode::INTERNAL_SERVER_ERROR, &visit, &assets)
        }
    }
}

/// The profile's `<main>`: every value from the business is escaped.
fn render(b: &BusinessView, lang: Lang, langs: &[String]) -> String {
    let tr = |key: &'static str| escape(t(lang, key));
    let mut h = String::with_capacity(4096);
    let (badge_class, badge, detail) = match b.status {
        BusinessStatus::Verified => ("ok", "badge.verified", "profile.verified.detail"),
        BusinessStatus::Registered => ("warn", "badge.not_verified", "profile.registered.detail"),
        BusinessStatus::Suspended => ("bad", "badge.suspended", "profile.suspended.detail"),
    };
    let _ = write!(
        h,
        "<article class=\"profile\">\n<header class=\"profile-head\">\n\
         <h1 id=\"name\">{name}</h1>\n\
         <p class=\"badge badge-{badge_class}\" id=\"badge\"><span class=\"badge-icon\" aria-hidden=\"true\"></span>{badge}</p>\n\
         <p class=\"lead\">{detail}</p>\n</header>\n",
        name = escape(&b.display_name),
        badge = tr(badge),
        detail = tr(detail),
    );
    if let Some(text) = pick_lang(
        b.description.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        langs,
        &b.default_lang,
    ) {
        // Say which language the text is in: it may not be the page's.
        let tag = b
            .description
            .iter()
            .find(|(_, v)| v.as_str() == text)
            .map_or("", |(k, _)| k.as_str());
        let _ = writeln!(
            h,
            "<p class=\"description\" lang=\"{}\">{}</p>",
            escape(tag),
            escape(text)
        );
    }
    h.push_str("<dl class=\"facts\">\n");
    fact(&mut h, &tr("profile.legal_name"), &escape(&b.legal_name));
    fact(
        &mut h,
        &tr("profile.category"),
        &escape(&category_name(lang, &b.category)),
    );
    let country = region_name(lang, &b.country).unwrap_or(&b.country);
    let place = if b.city.is_empty() {
        country.to_owned()
    } else {
        format!("{}, {country}", b.city)
    };
    fact(&mut h, &tr("profile.location"), &escape(&place));
    // The service only stores http(s) URLs; checked again, since an href
    // is where a `javascript:` URL would do harm.
    if let Some(site) = b
        .website
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
    {
        let site = escape(site);
        fact(
            &mut h,
            &tr("profile.website"),
            &format!("<a href=\"{site}\" rel=\"noopener noreferrer nofollow\">{site}</a>"),
        );
    }
    h.push_str("</dl>\n");
    numbers(&mut h, b, lang);
    other_names(&mut h, b, lang);
    commands(&mut h, b, lang);
    report_form(&mut h, b, lang);
    h.push_str("</article>");
    h
}

fn fact(h: &mut String, term: &str, value: &str) {
    let _ = writeln!(h, "<div><dt>{term}</dt><dd>{value}</dd></div>");
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

fn numbers(h: &mut String, b: &BusinessView, lang: Lang) {
    let _ = write!(
        h,
        "<section aria-labelledby=\"numbers-h\">\n<h2 id=\"numbers-h\">{}</h2>\n",
        escape(t(lang, "profile.numbers"))
    );
    if b.numbers.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(t(lang, "profile.no_numbers")));
    } else {
        h.push_str("<ul class=\"numbers\" id=\"numbers\">\n");
        for n in &b.numbers {
            let (class, key) = status_style(n.status);
            let number = escape(&n.number);
            let _ = writeln!(
                h,
                "<li><a class=\"number\" href=\"tel:{number}\">{number}</a> \
                 <span class=\"pill pill-{class}\">{}</span></li>",
                escape(t(lang, key))
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");
}

fn other_names(h: &mut String, b: &BusinessView, lang: Lang) {
    let others: Vec<_> = b
        .names
        .iter()
        .filter(|(_, name)| **name != b.display_name)
        .collect();
    if others.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<section aria-labelledby=\"names-h\">\n<h2 id=\"names-h\">{}</h2>\n<ul class=\"names\">\n",
        escape(t(lang, "profile.names"))
    );
    for (tag, name) in others {
        let tag = escape(tag);
        let _ = writeln!(
            h,
            "<li><span lang=\"{tag}\">{}</span> <span class=\"muted\">({tag})</span></li>",
            escape(name)
        );
    }
    h.push_str("</ul>\n</section>\n");
}

fn commands(h: &mut String, b: &BusinessView, lang: Lang) {
    if b.commands.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<section aria-labelledby=\"commands-h\">\n<h2 id=\"commands-h\">{}</h2>\n\
         <p class=\"hint\">{}</p>\n<dl class=\"commands\">\n",
        escape(t(lang, "profile.commands")),
        escape(t(lang, "profile.commands.help")),
    );
    for c in &b.commands {
        let _ = writeln!(
            h,
            "<div><dt><kbd>{}</kbd></dt><dd>{}</dd></div>",
            escape(&c.keyword),
            escape(&c.reply)
        );
    }
    h.push_str("</dl>\n</section>\n");
}

fn report_form(h: &mut String, b: &BusinessView, lang: Lang) {
    if b.numbers.is_empty() {
        return;
    }
    let tr = |key: &'static str| escape(t(lang, key));
    let _ = write!(
        h,
        "<section class=\"card report\" aria-labelledby=\"report-h\">\n\
         <h2 id=\"report-h\">{title}</h2>\n<p>{intro}</p>\n\
         <form id=\"report\" novalidate>\n\
         <label for=\"report-number\">{number}</label>\n<select id=\"report-number\" name=\"number\">",
        title = tr("report.title"),
        intro = tr("report.intro"),
        number = tr("report.number"),
    );
    for n in &b.numbers {
        let number = escape(&n.number);
        let _ = write!(h, "<option value=\"{number}\">{number}</option>");
    }
    let _ = write!(
        h,
        "</select>\n<label for=\"report-reason\">{reason}</label>\n\
         <select id=\"report-reason\" name=\"reason\">\
         <option value=\"spam\">{spam}</option>\
         <option value=\"scam\">{scam}</option>\
         <option value=\"impersonation\">{imp}</option>\
         <option value=\"other\">{other}</option></select>\n\
         <label for=\"report-comment\">{comment}</label>\n\
         <textarea id=\"report-comment\" name=\"comment\" rows=\"3\" maxlength=\"1000\"></textarea>\n\
         <button type=\"submit\">{send}</button>\n\
         <p id=\"report-result\" class=\"status-line\" role=\"status\"></p>\n\
         </form>\n<noscript><p class=\"notice\">{noscript}</p></noscript>\n</section>\n",
        reason = tr("report.reason"),
        spam = tr("report.reason.spam"),
        scam = tr("report.reason.scam"),
        imp = tr("report.reason.impersonation"),
        other = tr("report.reason.other"),
        comment = tr("report.comment"),
        send = tr("report.send"),
        noscript = tr("site.noscript"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Command, Level};
    use crate::service::NumberView;

    fn hostile() -> BusinessView {
        BusinessView {
            id: BusinessId::generate(),
            legal_name: "<img src=x onerror=alert(1)> S.L.".into(),
            names: [
                ("es".to_owned(), "<script>alert(1)</script>".to_owned()),
                ("en\"><b".to_owned(), "Other \"name\"".to_owned()),
            ]
            .into_iter()
            .collect(),
            default_lang: "es".into(),
            display_name: "<script>alert(1)</script>".into(),
            category: "retail".into(),
            country: "ES".into(),
            city: "Madrid & <Co>".into(),
            website: Some("javascript:alert(1)".into()),
            description: Default::default(),
            logo_url: None,
            status: BusinessStatus::Verified,
            numbers: vec![NumberView {
                number: "+34612000111".into(),
                status: PublicStatus::Verified,
                level: Some(Level::A),
            }],
            commands: vec![Command {
                keyword: "hola".into(),
                reply: "</dd><script>x</script>".into(),
            }],
        }
    }

    #[test]
    fn hostile_profile_text_is_escaped_everywhere() {
        let html = render(&hostile(), Lang::Es, &["es".into()]);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("\"><b"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("Madrid &amp; &lt;Co&gt;"));
        assert!(
            !html.contains("javascript:"),
            "non-http website is not linked"
        );
        assert!(html.contains("Empresa verificada"));
    }

    #[test]
    fn a_registered_business_gets_the_warning_badge() {
        let mut b = hostile();
        b.status = BusinessStatus::Registered;
        let html = render(&b, Lang::En, &[]);
        assert!(html.contains("badge-warn"));
        assert!(html.contains("Not verified — be careful"));
    }
}
