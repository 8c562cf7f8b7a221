//! The OpenAPI description, generated from the code (`src/api/openapi.rs`,
//! the handlers' `#[utoipa::path]`, the bodies' `ToSchema`): every
//! described operation is routed; every API route is described (the router
//! takes routes only through `routes!`); the document is served byte for
//! byte as `schema/openapi.json` holds it (the lib test
//! `schema_file_is_the_generated_description` regenerates that file); it is
//! structurally a valid OpenAPI 3.1 document.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::helpers::{header, spawn_app};

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

/// Every described operation reaches a handler: with placeholder path
/// parameters and no body or credentials it may be refused (400, 401,
/// 404 for an unknown id, 415, ...), but never by the router (405, or the
/// fallback's 404 "no such resource").
#[tokio::test]
async fn every_described_operation_is_routed() {
    let app = spawn_app().await;
    let doc = document();
    let mut problems = Vec::new();
    let mut count = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        let concrete: String = path
            .split('/')
            .map(|seg| {
                if seg.starts_with('{') {
                    "x0".to_owned()
                } else {
                    seg.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        for method in METHODS {
            if item.get(*method).is_none() {
                continue;
            }
            count += 1;
            let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            let r = app
                .client
                .request(m, app.url(&concrete))
                .send()
                .await
                .expect("request");
            let status = r.status().as_u16();
            let body: Value = r.json().await.unwrap_or(Value::Null);
            let fallback = status == 404 && body["detail"] == "no such resource";
            if status == 405 || fallback {
                problems.push(format!("{method} {path}: {status} {body}"));
            }
        }
    }
    app.stop().await;
    assert!(count > 30, "suspiciously few operations: {count}");
    assert!(
        problems.is_empty(),
        "described but not routed:\n{}",
        problems.join("\n")
    );
}

/// A route added to the router with a plain `.route(...)` would be served
/// undescribed: the API router takes routes only through `routes!`, which
/// takes the handler's description with it. (The web pages, in
/// `src/web/`, are not part of the API.)
#[test]
fn the_api_router_takes_routes_only_with_their_description() {
    let source = manifest_file("src/api/mod.rs");
    let code: String = source
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    for call in [".route(", ".route_service(", ".nest(", ".nest_service("] {
        assert!(
            !code.contains(call),
            "src/api/mod.rs calls {call}: add API routes with .routes(routes!(handler)) \
             so they are described"
        );
    }
    assert!(code.matches("routes!(").count() > 30);
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
        bizseal::api::openapi_json().as_bytes(),
        "GET /openapi.json differs from the generated description"
    );
    assert_eq!(
        body.as_ref(),
        manifest_file("schema/openapi.json").as_bytes(),
        "GET /openapi.json differs from schema/openapi.json; regenerate it with \
         BIZSEAL_BLESS=1 cargo test --release --lib openapi"
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
