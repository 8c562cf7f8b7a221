//! `GET /openapi.json`: the OpenAPI 3.1 description of this API, generated
//! from the code (utoipa): the paths and methods from the router
//! (`api::api_routes`, an `OpenApiRouter`), each operation from its
//! handler's `#[utoipa::path]`, the bodies from their types' `ToSchema`
//! derives, the problem codes from the table in `error_code`. What is not
//! in any of those (info, servers, tags, security schemes, the shared
//! problem responses) is here. `schema/openapi.json` is the same document,
//! kept for readers and validators; a test regenerates it and fails on any
//! difference (`BIZSEAL_BLESS=1` rewrites it).

use std::sync::OnceLock;

use axum::body::Bytes;
use axum::http::HeaderMap;
use axum::response::Response;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::{Response as ApiResponse, ResponseBuilder};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr};
use utoipa::{Modify, OpenApi};

use crate::error_code::Code;
use crate::http::extract::{cached_bytes, CachePolicy};

/// It changes only with the binary; an hour of caching is harmless.
const MAX_AGE: u32 = 3600;

/// What no handler or type says: the document's head, its tags, the
/// security schemes and the shared problem responses.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "bizseal API",
        version = "1.0.0",
        description = "Verified business directory: number lookups with signed attestations, \
                       search, business verification and review. Errors are RFC 9457 \
                       application/problem+json.",
    ),
    servers((url = "/")),
    tags(
        (name = "public", description = "Anyone: lookups, token checks, profiles, search, reports"),
        (name = "business", description = "A business's own verification steps, with its API key"),
        (name = "review", description = "The reviewers' queue and decisions, with a reviewer token"),
        (name = "log", description = "The transparency log of issued and revoked attestations"),
        (name = "operations", description = "Health, metrics and this description"),
    ),
    components(
        schemas(crate::http::problem::Problem),
        responses(
            BadRequest,
            Unauthorized,
            Forbidden,
            NotFound,
            Conflict,
            PayloadTooLarge,
            UnsupportedMediaType,
            UnprocessableBody,
            TooManyRequests,
            ServerError,
        ),
    ),
    modifiers(&SecuritySchemes),
)]
pub(super) struct ApiDoc;

/// The bearer schemes operations name in their `security`.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let bearer = |description: &str| {
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(description))
                    .build(),
            )
        };
        components.add_security_scheme(
            BUSINESS_KEY,
            bearer("A business's API key, from POST /v1/businesses"),
        );
        components.add_security_scheme(
            REVIEWER_TOKEN,
            bearer("A reviewer token (BIZSEAL_REVIEWER_TOKEN or `bizseal reviewer create`)"),
        );
    }
}

/// Security scheme names, as `#[utoipa::path(security(...))]` spells them.
const BUSINESS_KEY: &str = "businessKey";
const REVIEWER_TOKEN: &str = "reviewerToken";

/// A problem response for the codes of the table whose status is one of
/// `statuses`: their list is part of the description, so a new code shows
/// up here by itself.
fn problem_response(statuses: &[u16], what: &str) -> ApiResponse {
    let codes: Vec<String> = Code::ALL
        .iter()
        .filter(|c| statuses.contains(&c.status()))
        .map(|c| format!("`{}`", c.as_str()))
        .collect();
    let mut response = ResponseBuilder::new()
        .description(format!("{what}. Codes: {}.", codes.join(", ")))
        .content(
            "application/problem+json",
            Content::new(Some(Ref::from_schema_name("Problem"))),
        );
    let header = |description: &str| {
        HeaderBuilder::new()
            .schema(Some(<String as utoipa::PartialSchema>::schema()))
            .description(Some(description))
            .build()
    };
    if statuses.contains(&401) {
        response = response.header("WWW-Authenticate", header("Bearer"));
    }
    if statuses.iter().any(|s| *s == 429 || *s == 503) {
        response = response.header(
            "Retry-After",
            header("Seconds to wait before trying again (429 and 503)"),
        );
    }
    response.build()
}

/// The shared problem responses, one per status (the server errors share
/// one): `(status = 404, response = NotFound)` in a handler's
/// `#[utoipa::path]` refers to `#/components/responses/NotFound`.
macro_rules! problem_responses {
    ($($name:ident: $($status:literal)|+ => $what:literal;)*) => {
        $(
            pub(crate) struct $name;

            impl<'r> utoipa::ToResponse<'r> for $name {
                fn response() -> (&'r str, RefOr<ApiResponse>) {
                    (stringify!($name), problem_response(&[$($status),+], $what).into())
                }
            }
        )*

        /// Every status the shared responses cover.
        #[cfg(test)]
        const COVERED: &[u16] = &[$($($status),+),*];
    };
}

problem_responses! {
    BadRequest: 400 => "Invalid request: bad number, field, query, one-time code or malformed JSON";
    Unauthorized: 401 => "Missing or invalid bearer credentials";
    Forbidden: 403 => "The reviewer is not an admin";
    NotFound: 404 => "Not found (another business's id answers 404 too)";
    Conflict: 409 => "Conflict with the current state";
    PayloadTooLarge: 413 => "Request body too large";
    UnsupportedMediaType: 415 => "Request body must be application/json";
    UnprocessableBody: 422 => "The JSON body does not have the expected shape";
    TooManyRequests: 429 => "Rate limited; see Retry-After";
    ServerError: 500 | 502 | 503 =>
        "Internal error, sender failure (502), or unavailable, timeout or disk full (503, with Retry-After)";
}

/// The refusals an operation can meet, by kind of operation: in a
/// handler's `responses(...)` beside its success, as `responses((status =
/// 200, ...), JsonWrite)`, so that operations of one kind list the same.
macro_rules! refusals {
    ($($(#[$doc:meta])* $name:ident: $($status:literal => $response:ident),+;)*) => {
        $(
            $(#[$doc])*
            pub(crate) struct $name;

            impl utoipa::IntoResponses for $name {
                fn responses() -> std::collections::BTreeMap<String, RefOr<ApiResponse>> {
                    [$(($status, stringify!($response))),+]
                        .into_iter()
                        .map(|(status, name)| (status.to_owned(), Ref::from_response_name(name).into()))
                        .collect()
                }
            }
        )*
    };
}

refusals! {
    /// A JSON write by a business or a reviewer on one resource.
    JsonWrite: "400" => BadRequest, "401" => Unauthorized, "404" => NotFound,
        "409" => Conflict, "413" => PayloadTooLarge, "415" => UnsupportedMediaType,
        "422" => UnprocessableBody, "429" => TooManyRequests, "5XX" => ServerError;
    /// An action by a business or a reviewer on one resource, without a body.
    Action: "400" => BadRequest, "401" => Unauthorized, "404" => NotFound,
        "409" => Conflict, "429" => TooManyRequests, "5XX" => ServerError;
    /// A public JSON body (lookups, checks, reports).
    PublicBody: "400" => BadRequest, "413" => PayloadTooLarge,
        "415" => UnsupportedMediaType, "422" => UnprocessableBody,
        "429" => TooManyRequests, "5XX" => ServerError;
    /// A public read with parameters.
    PublicRead: "400" => BadRequest, "429" => TooManyRequests, "5XX" => ServerError;
}

/// The generated description as served and as in `schema/openapi.json`:
/// pretty JSON ending in a newline, built once.
pub fn json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        let doc = super::api_routes().into_openapi();
        let mut text = doc
            .to_pretty_json()
            .expect("the OpenAPI description serialises");
        text.push('\n');
        text
    })
}

/// This OpenAPI description
#[utoipa::path(
    get,
    path = "/openapi.json",
    operation_id = "openapi",
    tag = "operations",
    responses(
        (status = 200, description = "This description", body = Object),
        (status = 429, response = TooManyRequests),
        (status = "5XX", response = ServerError),
    ),
)]
pub async fn document(headers: HeaderMap) -> Response {
    cached_bytes(
        &headers,
        Bytes::from_static(json().as_bytes()),
        "application/json",
        CachePolicy {
            max_age: MAX_AGE,
            vary: None,
            stale_if_error: 0,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `schema/openapi.json` is the generated description; this test
    /// regenerates it and fails on any difference. To accept a change:
    /// `BIZSEAL_BLESS=1 cargo test --release --lib openapi`.
    #[test]
    fn schema_file_is_the_generated_description() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/openapi.json");
        let generated = json();
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if generated == text {
            return;
        }
        let bless = std::env::var("BIZSEAL_BLESS").is_ok_and(|v| {
            matches!(
                v.trim().to_ascii_lowercase().as_str(),
                "1" | "true" | "yes" | "on"
            )
        });
        if bless {
            std::fs::write(path, generated).expect("write schema/openapi.json");
        } else {
            panic!(
                "schema/openapi.json differs from the description generated from the code; \
                 regenerate it with BIZSEAL_BLESS=1 cargo test --release --lib openapi"
            );
        }
    }

    /// Every status of the code table has a shared problem response, but
    /// 405: it answers only a method an operation does not have, so no
    /// operation can list it.
    #[test]
    fn every_status_of_the_table_has_a_problem_response() {
        for code in Code::ALL.iter().filter(|c| c.status() != 405) {
            assert!(
                COVERED.contains(&code.status()),
                "{code} ({}) has no shared problem response",
                code.status()
            );
        }
    }

    /// The search bounds the description states are the ones enforced.
    #[test]
    fn search_bounds_are_the_code_s() {
        let doc: serde_json::Value = serde_json::from_str(json()).expect("JSON");
        let params = doc["paths"]["/v1/search"]["get"]["parameters"]
            .as_array()
            .expect("parameters");
        let schema = |name: &str| {
            params
                .iter()
                .find(|p| p["name"] == name)
                .map(|p| p["schema"].clone())
                .unwrap_or_else(|| panic!("no parameter {name}"))
        };
        assert_eq!(schema("limit")["maximum"], crate::search::MAX_LIMIT);
        assert_eq!(schema("offset")["maximum"], crate::search::MAX_OFFSET);
    }

    /// The problem schema's codes and reasons are the table's.
    #[test]
    fn problem_codes_are_generated_from_the_table() {
        let doc: serde_json::Value = serde_json::from_str(json()).expect("JSON");
        let schemas = &doc["components"]["schemas"];
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(schemas["Code"]["enum"], serde_json::json!(codes));
        assert_eq!(
            schemas["Problem"]["properties"]["code"]["$ref"],
            "#/components/schemas/Code"
        );
        let reasons: Vec<&str> = crate::phone::PhoneError::every_kind()
            .iter()
            .map(|e| e.reason())
            .collect();
        assert_eq!(
            schemas["Problem"]["properties"]["reason"]["enum"],
            serde_json::json!(reasons)
        );
        assert_eq!(
            schemas["EntryError"]["properties"]["reason"]["enum"],
            serde_json::json!(reasons)
        );
    }
}
