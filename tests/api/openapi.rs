//! The OpenAPI description (`schema/openapi.json`) against the router
//! (`src/api/mod.rs`): same paths, same methods, both ways; served byte for
//! byte at `GET /openapi.json`; structurally a valid OpenAPI 3.1 document.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::helpers::{header, spawn_app};

/// Paths described ahead of a branch that is being merged: skipped by the
/// parity check while the router does not have them yet. Branch `translog`
/// (the transparency log); the lead empties this when it is merged.
const PENDING: &[&str] = &[];

const METHODS: &[&str] = &[
    "get", "post", "put", "patch", "delete", "head", "options", "trace",
];

fn manifest_file(rel: &str) -> String {
    let path = format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

fn document() -> Value {
    serde_json::from_str(&manifest_file("schema/openapi.json")).expect("openapi.json is JSON")
}

/// Every `.route("PATH", get(..).post(..))` of the router source: path →
/// methods. Calls may span lines; line comments are ignored.
fn routed(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let code: String = source
        .lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut routes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find(".route(") {
        rest = &rest[at + ".route(".len()..];
        // The argument list, up to the matching parenthesis.
        let mut depth = 1;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let args = &rest[..end];
        let open = args.find('"').expect("route path literal");
        let close = open + 1 + args[open + 1..].find('"').expect("closing quote");
        let path = args[open + 1..close].to_owned();
        let methods = method_calls(&args[close + 1..]);
        assert!(!methods.is_empty(), "no methods found for route {path}");
        let entry = routes.entry(path.clone()).or_default();
        for m in methods {
            assert!(entry.insert(m.clone()), "{m} {path} routed twice");
        }
        rest = &rest[end..];
    }
    routes
}

/// Method-router calls in a route's second argument: `get(`, `.post(`, ...
/// at the top level of the expression (not inside handler arguments).
fn method_calls(expr: &str) -> Vec<String> {
    let bytes = expr.as_bytes();
    let mut found = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'(' {
            depth += 1;
        } else if c == b')' {
            depth -= 1;
        } else if depth == 0 && (c.is_ascii_alphabetic() || c == b'_') {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let word = &expr[start..i];
            let before = expr[..start].trim_end();
            let qualified = before.ends_with("::");
            let follows_call = expr[i..].trim_start().starts_with('(');
            if follows_call && !qualified && METHODS.contains(&word) {
                found.push(word.to_owned());
            }
            continue;
        }
        i += 1;
    }
    found
}

fn described(doc: &Value) -> BTreeMap<String, BTreeSet<String>> {
    doc["paths"]
        .as_object()
        .expect("paths object")
        .iter()
        .map(|(path, item)| {
            let methods = item
                .as_object()
                .expect("path item object")
                .keys()
                .filter(|k| METHODS.contains(&k.as_str()))
                .cloned()
                .collect();
            (path.clone(), methods)
        })
        .collect()
}

#[test]
fn route_parser_reads_multiline_chains() {
    let src = r#"
        Router::new()
            .route("/a", get(h::a))
            // .route("/commented", get(x))
            .route(
                "/b/{id}",
                get(b::show).patch(b::edit),
            )
            .route("/c", post(c::make).delete(c::gone))
            .route_layer(x)
    "#;
    let r = routed(src);
    let pairs: Vec<(String, Vec<String>)> = r
        .into_iter()
        .map(|(p, m)| (p, m.into_iter().collect()))
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("/a".to_owned(), vec!["get".to_owned()]),
            (
                "/b/{id}".to_owned(),
                vec!["get".to_owned(), "patch".to_owned()]
            ),
            (
                "/c".to_owned(),
                vec!["delete".to_owned(), "post".to_owned()]
            ),
        ]
    );
}

#[test]
fn description_matches_the_router_both_ways() {
    let router = routed(&manifest_file("src/api/mod.rs"));
    assert!(
        router.len() > 20,
        "suspiciously few routes parsed: {router:?}"
    );
    let doc = described(&document());
    let mut problems = Vec::new();
    for (path, methods) in &router {
        match doc.get(path) {
            None => problems.push(format!("routed but not described: {path} {methods:?}")),
            Some(d) if d != methods => problems.push(format!(
                "methods differ for {path}: router {methods:?}, description {d:?}"
            )),
            Some(_) => {}
        }
    }
    for (path, methods) in &doc {
        if !router.contains_key(path) && !PENDING.contains(&path.as_str()) {
            problems.push(format!("described but not routed: {path} {methods:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test]
async fn the_description_is_served_byte_for_byte() {
    let app = spawn_app().await;
    let r = app.get("/openapi.json").await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(header(&r, "content-type"), "application/json");
    let etag = header(&r, "etag");
    assert!(!etag.is_empty(), "no ETag");
    assert!(header(&r, "cache-control").contains("max-age="));
    let body = r.bytes().await.expect("body");
    assert_eq!(
        body.as_ref(),
        manifest_file("schema/openapi.json").as_bytes(),
        "GET /openapi.json differs from schema/openapi.json"
    );
    let again = app
        .client
        .get(app.url("/openapi.json"))
        .header("if-none-match", &etag)
        .send()
        .await
        .expect("request");
    assert_eq!(again.status().as_u16(), 304);
    app.stop().await;
}

/// Resolves a local `$ref` (`#/a/b`) in the document.
fn resolve<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    doc.pointer(reference.strip_prefix('#')?)
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                if k == "$ref" {
                    out.push(v.as_str().expect("$ref is a string").to_owned());
                } else {
                    collect_refs(v, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

/// A parameter object, through its `$ref` if it has one.
fn parameter<'a>(doc: &'a Value, p: &'a Value) -> &'a Value {
    match p.get("$ref").and_then(Value::as_str) {
        Some(r) => resolve(doc, r).unwrap_or_else(|| panic!("unresolved {r}")),
        None => p,
    }
}

#[test]
fn description_is_structurally_valid_openapi_3_1() {
    let doc = document();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());

    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(!refs.is_empty());
    for r in &refs {
        assert!(r.starts_with("#/components/"), "non-component $ref {r}");
        assert!(resolve(&doc, r).is_some(), "unresolved $ref {r}");
    }

    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    for name in [
        "NumberAnswer",
        "BatchEntry",
        "RangeAnswer",
        "VerifyAnswer",
        "BusinessView",
        "SearchAnswer",
        "Registered",
        "StatusView",
        "QueueItem",
        "AuditEntry",
        "Revocation",
        "Problem",
        "JWKS",
    ] {
        assert!(
            schemas.contains_key(name),
            "components/schemas/{name} missing"
        );
    }
    let problem_required: Vec<&str> = doc["components"]["schemas"]["Problem"]["required"]
        .as_array()
        .expect("Problem.required")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for f in ["type", "title", "status", "detail", "code"] {
        assert!(problem_required.contains(&f), "Problem must require {f}");
    }
    let schemes = doc["components"]["securitySchemes"]
        .as_object()
        .expect("securitySchemes");
    for s in schemes.values() {
        assert_eq!(s["type"], "http");
        assert_eq!(s["scheme"], "bearer");
    }

    let mut operation_ids = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        assert!(path.starts_with('/'), "path {path}");
        let template: BTreeSet<&str> = path
            .split('/')
            .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
            .collect();
        let shared = item
            .get("parameters")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for method in METHODS {
            let Some(op) = item.get(*method) else {
                continue;
            };
            let where_ = format!("{} {path}", method.to_uppercase());
            let id = op["operationId"].as_str().expect("operationId");
            assert!(
                operation_ids.insert(id.to_owned()),
                "duplicate operationId {id}"
            );
            let responses = op["responses"].as_object().expect("responses");
            assert!(!responses.is_empty(), "{where_} has no responses");
            for (code, response) in responses {
                let response = match response.get("$ref").and_then(Value::as_str) {
                    Some(r) => resolve(&doc, r).expect("response ref"),
                    None => response,
                };
                assert!(response["description"].is_string(), "{where_} {code}");
                if code.starts_with('4') || code.starts_with('5') {
                    assert_eq!(
                        response["content"]["application/problem+json"]["schema"]["$ref"],
                        "#/components/schemas/Problem",
                        "{where_} {code} must be a problem+json Problem"
                    );
                }
            }
            if let Some(security) = op.get("security").and_then(Value::as_array) {
                for requirement in security {
                    for name in requirement.as_object().expect("requirement").keys() {
                        assert!(schemes.contains_key(name), "{where_}: scheme {name}");
                    }
                }
            }
            let own = op
                .get("parameters")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let mut declared = BTreeSet::new();
            for p in shared.iter().chain(own.iter()) {
                let p = parameter(&doc, p);
                assert!(p["name"].is_string(), "{where_}: parameter without name");
                assert!(
                    ["path", "query", "header", "cookie"].contains(&p["in"].as_str().unwrap_or("")),
                    "{where_}: parameter {p}"
                );
                if p["in"] == "path" {
                    assert_eq!(p["required"], true, "{where_}: path parameter {p}");
                    declared.insert(p["name"].as_str().unwrap_or("").to_owned());
                }
            }
            let template: BTreeSet<String> = template.iter().map(|s| s.to_string()).collect();
            assert_eq!(
                declared, template,
                "{where_}: path parameters declared vs in the template"
            );
            if let Some(body) = op.get("requestBody") {
                assert!(
                    body["content"]["application/json"]["schema"].is_object(),
                    "{where_}: request body must be application/json"
                );
            }
        }
    }
}

#[test]
fn closed_request_bodies_match_deny_unknown_fields() {
    // Structs with #[serde(deny_unknown_fields)] refuse unknown members:
    // their schemas must say so, or clients are told a lie.
    let doc = document();
    for name in [
        "ProfileInput",
        "NumberInput",
        "CommandInput",
        "ProfilePatch",
        "ReportInput",
    ] {
        assert_eq!(
            doc["components"]["schemas"][name]["additionalProperties"], false,
            "{name} must have additionalProperties: false"
        );
    }
}
