//! `GET /openapi.json`: the OpenAPI 3.1 description of this API, compiled
//! in from `schema/openapi.json` so the binary always serves its own.

use axum::body::Bytes;
use axum::http::HeaderMap;
use axum::response::Response;

use crate::http::extract::{cached_bytes, CachePolicy};

/// The description, byte for byte as in the repository.
pub const DOCUMENT: &str = include_str!("../../schema/openapi.json");

/// It changes only with the binary; an hour of caching is harmless.
const MAX_AGE: u32 = 3600;

/// `GET /openapi.json`
pub async fn document(headers: HeaderMap) -> Response {
    cached_bytes(
        &headers,
        Bytes::from_static(DOCUMENT.as_bytes()),
        "application/json",
        CachePolicy {
            max_age: MAX_AGE,
            vary: None,
        },
    )
}

#[cfg(test)]
mod tests {
    use crate::error_code::Code;
    use crate::phone::PhoneError;

    /// `text` with the enum of `property` under the schema `schema`
    /// replaced by `values` (the document keeps its layout: only those
    /// lines change).
    fn with_enum(text: &str, schema: &str, property: &str, values: &[&str]) -> String {
        let lines: Vec<&str> = text.lines().collect();
        let start = lines
            .iter()
            .position(|l| l.trim() == format!("\"{schema}\": {{"))
            .unwrap_or_else(|| panic!("no schema {schema}"));
        let prop = start
            + lines[start..]
                .iter()
                .position(|l| l.trim() == format!("\"{property}\": {{"))
                .unwrap_or_else(|| panic!("no {schema}.{property}"));
        let indent = lines[prop].len() - lines[prop].trim_start().len();
        let open = prop
            + lines[prop..]
                .iter()
                .position(|l| l.trim() == "\"enum\": [" || l.trim() == "\"enum\": []")
                .unwrap_or_else(|| panic!("no enum in {schema}.{property}"));
        let close = if lines[open].trim() == "\"enum\": []" {
            open
        } else {
            open + lines[open..]
                .iter()
                .position(|l| l.trim_start().starts_with(']'))
                .expect("the enum ends")
        };
        let pad = " ".repeat(indent + 2);
        let mut generated = vec![format!("{pad}\"enum\": [")];
        for (i, v) in values.iter().enumerate() {
            let comma = if i + 1 < values.len() { "," } else { "" };
            generated.push(format!("{pad}  \"{v}\"{comma}"));
        }
        let comma = if lines[close].trim_end().ends_with(',') {
            ","
        } else {
            ""
        };
        generated.push(format!("{pad}]{comma}"));
        let mut out: Vec<String> = lines[..open].iter().map(|l| l.to_string()).collect();
        out.extend(generated);
        out.extend(lines[close + 1..].iter().map(|l| l.to_string()));
        out.join("\n") + "\n"
    }

    /// The problem codes and number reasons `schema/openapi.json` lists
    /// are generated from `error_code::Code` and `PhoneError`; this test
    /// regenerates them and fails on any difference. To accept a change
    /// of the table: `BIZSEAL_BLESS=1 cargo test --release --lib openapi`.
    #[test]
    fn problem_codes_are_generated_from_the_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/openapi.json");
        let text = std::fs::read_to_string(path).expect("schema/openapi.json");
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let reasons: Vec<&str> = PhoneError::every_kind()
            .iter()
            .map(|e| e.reason())
            .collect();
        let mut generated = with_enum(&text, "Problem", "code", &codes);
        generated = with_enum(&generated, "Problem", "reason", &reasons);
        generated = with_enum(&generated, "EntryError", "reason", &reasons);
        generated = with_enum(
            &generated,
            "EntryError",
            "code",
            &[Code::InvalidNumber.as_str()],
        );
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
            std::fs::write(path, &generated).expect("write schema/openapi.json");
        } else {
            panic!(
                "schema/openapi.json's problem codes differ from error_code::Code; \
                 regenerate with BIZSEAL_BLESS=1 cargo test --release --lib openapi"
            );
        }
    }
}
