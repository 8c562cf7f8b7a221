use std::collections::{BTreeMap, BTreeSet};

use axum::http::HeaderValue;
use fluent_syntax::ast;

use super::*;

fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (k, v) in pairs {
        h.append(k, HeaderValue::from_str(v).unwrap());
    }
    h
}

/// Message id → the variables its value uses (in every variant), for one
/// language's files; a file that does not parse fails the test.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (i, source) in lang.sources().into_iter().enumerate() {
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("{} file {i}: {errors:?}", lang.code()));
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern_vars(p, &mut vars);
                    }
                    assert!(
                        out.insert(m.id.name.to_owned(), vars).is_none(),
                        "{}: {} twice",
                        lang.code(),
                        m.id.name
                    );
                }
                ast::Entry::Junk { content } => panic!("{}: junk {content:?}", lang.code()),
                _ => {}
            }
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let english = messages(Lang::En);
    assert!(english.len() > 100, "only {} English messages", english.len());
    for lang in LANGS {
        let theirs = messages(lang);
        let missing: Vec<_> = english.keys().filter(|k| !theirs.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        let extra: Vec<_> = theirs.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(extra.is_empty(), "{} has unknown {extra:?}", lang.code());
        for (id, vars) in &english {
            assert_eq!(&theirs[id], vars, "{}: {id} uses other variables", lang.code());
        }
    }
}

#[test]
fn every_language_is_translated_not_copied() {
    // Words that are English in every language would be a copied file.
    for lang in LANGS.into_iter().filter(|l| *l != Lang::En) {
        for id in ["home-title", "nav-check", "report-what-next", "badge-verified"] {
            assert_ne!(t(lang, id), t(Lang::En, id), "{}: {id} is English", lang.code());
        }
    }
}

#[test]
fn every_message_the_pages_use_exists() {
    let english = messages(Lang::En);
    // The first word of every id ("home" of "home-title"): a literal in
    // the code that starts with one and has the shape of an id is one.
    let prefixes: BTreeSet<&str> = english
        .keys()
        .filter_map(|id| id.split('-').next())
        .collect();
    // Every file of the pages (in folders too), read at test time, so a
    // new page is checked without being listed here.
    fn files_under(dir: &std::path::Path, ext: &str, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files_under(&path, ext, out);
            } else if path.extension().is_some_and(|x| x == ext) {
                out.push(path);
            }
        }
    }
    let read = |dir: &str, ext: &str| -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut files = Vec::new();
        files_under(&dir, ext, &mut files);
        files.sort();
        files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
    };
    let code = read("src/web", "rs");
    let templates = read("templates", "html");
    assert!(code.len() >= 8 && templates.len() >= 6);
    let mut checked = 0;
    let mut check = |id: &str| {
        assert!(english.contains_key(id), "{id:?} is used but not in en/*.ftl");
        checked += 1;
    };
    for src in &code {
        for id in literals(src) {
            if id_shaped(id) && id.split('-').next().is_some_and(|p| prefixes.contains(p)) {
                check(id);
            }
        }
    }
    for src in &templates {
        for call in ["t(\"", "t1(\"", "t2(\""] {
            for (at, _) in src.match_indices(call) {
                let rest = &src[at + call.len()..];
                let before = src[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                if let Some(end) = rest.find('"') {
                    check(&rest[..end]);
                }
            }
        }
    }
    assert!(checked > 60, "only {checked} ids found: the scan is broken");
    // Ids made at run time.
    for region in REGIONS {
        assert!(english.contains_key(&format!("region-{region}")), "{region}");
    }
    for category in CATEGORIES {
        assert!(english.contains_key(&format!("category-{category}")), "{category}");
    }
}

/// The double-quoted literals of Rust source.
fn literals(src: &str) -> impl Iterator<Item = &str> {
    src.split('"').skip(1).step_by(2)
}

/// `home-title`: lowercase words and digits joined by hyphens.
fn id_shaped(s: &str) -> bool {
    s.contains('-')
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.split('-').all(|w| {
            !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[test]
fn plurals_follow_each_language_s_rules() {
    let one = args([("count", 1.into())]);
    let two = args([("count", 2.into())]);
    let eleven = args([("count", 11.into())]);
    assert_eq!(t_args(Lang::En, "search-count", &one), "One business found");
    assert_eq!(t_args(Lang::En, "search-count", &two), "2 businesses found");
    assert_eq!(t_args(Lang::Es, "search-count", &one), "Una empresa encontrada");
    // Arabic has forms for two and for 3-10 and 11-99 (CLDR): the
    // translations must not all be the same.
    let ar: BTreeSet<String> = [&one, &two, &eleven]
        .into_iter()
        .map(|a| t_args(Lang::Ar, "search-count", a))
        .collect();
    assert_eq!(ar.len(), 3, "{ar:?}");
    // Japanese has one form: the number is always written.
    assert!(t_args(Lang::Ja, "search-count", &one).contains('1'));
}

#[test]
fn accept_language_is_negotiated_in_q_order() {
    let h = headers(&[(header::ACCEPT_LANGUAGE, "sv-SE, pt-BR;q=0.8, en;q=0.5")]);
    assert_eq!(pick(None, &h).lang, Lang::Pt);
    let h = headers(&[(header::ACCEPT_LANGUAGE, "es;q=0.2, de-AT;q=0.9")]);
    assert_eq!(pick(None, &h).lang, Lang::De);
    let h = headers(&[(header::ACCEPT_LANGUAGE, "ar-EG")]);
    assert_eq!(pick(None, &h).lang, Lang::Ar);
    let h = headers(&[(header::ACCEPT_LANGUAGE, "ja-JP,ja;q=0.9")]);
    assert_eq!(pick(None, &h).lang, Lang::Ja);
}

#[test]
fn english_is_the_fallback() {
    assert_eq!(pick(None, &HeaderMap::new()).lang, Lang::En);
    let h = headers(&[(header::ACCEPT_LANGUAGE, "sv, fi;q=0.9")]);
    assert_eq!(pick(None, &h).lang, Lang::En);
}

#[test]
fn the_switch_beats_the_cookie_which_beats_the_header() {
    let h = headers(&[
        (header::ACCEPT_LANGUAGE, "en"),
        (header::COOKIE, "theme=dark; bizseal_lang=nl"),
    ]);
    assert_eq!(
        pick(None, &h),
        Choice {
            lang: Lang::Nl,
            from_switch: false
        }
    );
    assert_eq!(
        pick(Some("x=1&lang=ar"), &h),
        Choice {
            lang: Lang::Ar,
            from_switch: true
        }
    );
    // An unsupported or hostile switch value is ignored, not trusted.
    assert_eq!(pick(Some("lang=%3Cscript%3E"), &h).lang, Lang::Nl);
    assert!(!pick(Some("lang=sv"), &h).from_switch);
}

#[test]
fn arabic_is_right_to_left() {
    for lang in LANGS {
        assert_eq!(lang.dir() == "rtl", lang == Lang::Ar, "{}", lang.code());
    }
}

#[test]
fn region_follows_the_accept_language_region_then_the_language() {
    let h = headers(&[(header::ACCEPT_LANGUAGE, "es-MX,es;q=0.9")]);
    assert_eq!(default_region(Lang::Es, &h), "MX");
    let h = headers(&[(header::ACCEPT_LANGUAGE, "en")]);
    assert_eq!(default_region(Lang::En, &h), "US");
    assert_eq!(default_region(Lang::Nl, &HeaderMap::new()), "NL");
    assert_eq!(default_region(Lang::Ja, &HeaderMap::new()), "JP");
    for lang in LANGS {
        assert!(listed_region(lang.home_region()).is_some());
    }
}

#[test]
fn regions_sort_by_their_names_in_the_language() {
    let names: Vec<String> = regions(Lang::Es).into_iter().map(|(_, n)| n.into_owned()).collect();
    let alemania = names.iter().position(|n| n == "Alemania").unwrap();
    let espana = names.iter().position(|n| n == "España").unwrap();
    let estados = names.iter().position(|n| n == "Estados Unidos").unwrap();
    assert!(alemania < espana && espana < estados, "{names:?}");
    for (code, _) in regions(Lang::Ja) {
        assert!(crate::phone::Region::parse(code).is_ok(), "{code}");
    }
}

#[test]
fn badge_wording_is_plain() {
    assert_eq!(t(Lang::Es, "badge-verified"), "Empresa verificada");
    assert_eq!(t(Lang::En, "badge-verified"), "Verified business");
}
