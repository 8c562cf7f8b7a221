//! What handlers take from a request and how they answer: the JSON body
//! extractor that speaks problem+json, language preferences, and cacheable
//! JSON answers with `ETag` / `If-None-Match`.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::problem::ApiError;
use crate::error_code::Code;

/// A JSON body; axum's rejections become our problems.
pub struct Json<T>(pub T);

impl<S, T> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(Json(value)),
            Err(rejection) => Err(match rejection {
                JsonRejection::JsonDataError(e) => {
                    ApiError::new(Code::UnprocessableBody, e.body_text())
                }
                JsonRejection::JsonSyntaxError(e) => {
                    ApiError::new(Code::MalformedJson, e.body_text())
                }
                JsonRejection::MissingJsonContentType(_) => {
                    ApiError::from(Code::UnsupportedMediaType)
                }
                JsonRejection::BytesRejection(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    ApiError::from(Code::PayloadTooLarge)
                }
                other => ApiError::new(Code::MalformedJson, other.body_text()),
            }),
        }
    }
}

/// Query parameters; a malformed query string is a problem, not plain text.
pub struct Query<T>(pub T);

impl<S, T> axum::extract::FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(v)| Query(v))
            .map_err(|e| ApiError::invalid("query", e.body_text()))
    }
}

/// A path parameter; undecodable percent-escapes are a problem too.
pub struct Path<T>(pub T);

impl<S, T> axum::extract::FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(v)| Path(v))
            .map_err(|e| ApiError::invalid("path", e.body_text()))
    }
}

/// The request headers a cacheable public read looks at (`If-None-Match`,
/// `Accept-Language`, `Add-Padding`), copied out of the request: taking the
/// whole `HeaderMap` would copy every header of every lookup.
pub struct ReadHeaders(pub HeaderMap);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ReadHeaders {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        const READ: [&str; 3] = ["if-none-match", "accept-language", "add-padding"];
        let mut headers = HeaderMap::new();
        for name in READ {
            for value in parts.headers.get_all(name) {
                headers.append(name, value.clone());
            }
        }
        Ok(ReadHeaders(headers))
    }
}

/// Most language preferences we honour, so a hostile header costs little.
const MAX_LANGS: usize = 8;

/// The caller's languages, best first: the `lang` query parameter (a comma
/// list) wins over `Accept-Language` (RFC 9110 §12.5.4, q-values honoured).
pub fn languages(lang: Option<&str>, headers: &HeaderMap) -> Vec<String> {
    if let Some(lang) = lang.filter(|l| !l.is_empty()) {
        return lang
            .split(',')
            .map(str::trim)
            .filter(|t| is_tag(t))
            .take(MAX_LANGS)
            .map(str::to_owned)
            .collect();
    }
    let Some(accept) = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    else {
        return Vec::new();
    };
    let mut weighted: Vec<(u16, usize, &str)> = accept
        .split(',')
        .take(32)
        .enumerate()
        .filter_map(|(i, item)| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), parse_q)?;
            (q > 0 && is_tag(tag)).then_some((q, i, tag))
        })
        .collect();
    weighted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    weighted
        .into_iter()
        .take(MAX_LANGS)
        .map(|(_, _, t)| t.to_owned())
        .collect()
}

/// A q-value in thousandths, or `None` when it is not one.
fn parse_q(q: &str) -> Option<u16> {
    let value: f32 = q.trim().parse().ok()?;
    (0.0..=1.0)
        .contains(&value)
        .then_some((value * 1000.0) as u16)
}

fn is_tag(t: &str) -> bool {
    !t.is_empty() && t.len() <= 35 && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// How long a public answer may be cached, and which request headers
/// change it (for the `Vary` header, so shared caches keep them apart).
#[derive(Debug, Clone, Copy)]
pub struct CachePolicy {
    pub max_age: u32,
    pub vary: Option<&'static str>,
    /// Seconds past `max_age` a shared cache may still serve the answer
    /// when the origin is down or failing (RFC 5861 `stale-if-error`;
    /// deploy/nginx.conf relies on it, not on a blanket rule of its own).
    /// 0: never.
    pub stale_if_error: u32,
}

/// Room reserved for an answer's bytes: a number answer with its token is
/// about 1.1 KiB, so it is written without growing the buffer.
const INITIAL_BODY: usize = 2048;

/// A JSON answer with a strong `ETag` over its bytes; answers 304 when the
/// caller already holds exactly these bytes.
pub fn cached_json<T: Serialize>(headers: &HeaderMap, value: &T, policy: CachePolicy) -> Response {
    let mut body = Vec::with_capacity(INITIAL_BODY);
    if let Err(e) = serde_json::to_writer(&mut body, value) {
        tracing::error!(error = %e, "answer does not serialise");
        return ApiError::from(Code::Internal).into_response();
    }
    cached_bytes(
        headers,
        axum::body::Bytes::from(body),
        "application/json",
        policy,
    )
}

/// Any answer with a strong `ETag` over its bytes, `Cache-Control` and
/// `Vary` per `policy`; 304 when the caller already holds these bytes.
pub fn cached_bytes(
    headers: &HeaderMap,
    body: axum::body::Bytes,
    content_type: &'static str,
    policy: CachePolicy,
) -> Response {
    let etag = crate::service::strong_etag(&body);
    tagged_bytes(headers, body, &etag, content_type, policy)
}

/// [`cached_bytes`] for a body whose `ETag` is known already (a stored
/// answer): no hashing on the way out.
pub fn tagged_bytes(
    headers: &HeaderMap,
    body: axum::body::Bytes,
    etag: &str,
    content_type: &'static str,
    policy: CachePolicy,
) -> Response {
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|inm| {
            inm.split(',').any(|t| {
                let t = t.trim();
                t == "*" || t.trim_start_matches("W/") == etag
            })
        });
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, content_type)], body).into_response()
    };
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(etag) {
        h.insert(header::ETAG, v);
    }
    if let Some(v) = cache_control(policy.max_age, policy.stale_if_error) {
        h.insert(header::CACHE_CONTROL, v);
    }
    if let Some(vary) = policy.vary {
        h.insert(header::VARY, HeaderValue::from_static(vary));
    }
    response
}

/// `Cache-Control` for a public answer; the usual minute is made once.
fn cache_control(max_age: u32, stale_if_error: u32) -> Option<HeaderValue> {
    const MINUTE: HeaderValue = HeaderValue::from_static("public, max-age=60");
    match (max_age, stale_if_error) {
        (60, 0) => Some(MINUTE),
        (_, 0) => HeaderValue::from_str(&format!("public, max-age={max_age}")).ok(),
        _ => HeaderValue::from_str(&format!(
            "public, max-age={max_age}, stale-if-error={stale_if_error}"
        ))
        .ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn accept_language_is_ordered_by_q() {
        assert_eq!(
            languages(None, &accept("en;q=0.5, es-MX, fr;q=0.8, de;q=0")),
            vec!["es-MX", "fr", "en"]
        );
        assert!(languages(None, &accept("*;q=x, ;;")).is_empty());
    }

    #[test]
    fn lang_parameter_wins() {
        assert_eq!(languages(Some("ja,en"), &accept("es")), vec!["ja", "en"]);
    }
}
