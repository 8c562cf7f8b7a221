//! Every error the API returns, as RFC 9457 `application/problem+json`.
//!
//! One table ([`ApiError::kind`]) maps each variant to its HTTP status, a
//! stable machine-readable `code` and a title; `type` is `/problems/{code}`.
//! Internal causes are logged with a request-independent message and never
//! shown to the caller.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::model::StateError;
use crate::phone::PhoneError;
use crate::search::SearchError;
use crate::service::ServiceError;
use crate::store::StoreError;

/// An error answer of the API.
#[derive(Debug)]
pub enum ApiError {
    InvalidNumber(PhoneError),
    Invalid {
        field: String,
        message: String,
    },
    MalformedJson(String),
    UnprocessableJson(String),
    UnsupportedMediaType,
    PayloadTooLarge,
    NotFound(&'static str),
    MethodNotAllowed,
    Conflict(String),
    /// A transition the trust rules refuse, with its own stable code.
    State(crate::model::StateError),
    Unauthorized,
    Forbidden(&'static str),
    TooManyRequests(String, u64),
    CodeRejected(&'static str, String),
    SenderFailed,
    Timeout,
    Unavailable,
    StorageFull,
    Internal,
}

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    type_: String,
    title: &'a str,
    status: u16,
    detail: String,
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
}

impl ApiError {
    /// The table: status, stable code, title.
    fn kind(&self) -> (StatusCode, &'static str, &'static str) {
        match self {
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "Missing or invalid bearer credentials",
            ),
            ApiError::Forbidden(_) => (
                StatusCode::FORBIDDEN,
                "forbidden",
                "The credentials do not allow this",
            ),
            ApiError::TooManyRequests(..) => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "Too many requests",
            ),
            ApiError::CodeRejected(code, _) => {
                (StatusCode::BAD_REQUEST, code, "One-time code not accepted")
            }
            ApiError::SenderFailed => (
                StatusCode::BAD_GATEWAY,
                "sender_failed",
                "The one-time code could not be handed to the sender",
            ),
            ApiError::InvalidNumber(_) => (
                StatusCode::BAD_REQUEST,
                "invalid_number",
                "Invalid phone number",
            ),
            ApiError::Invalid { .. } => (
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "Invalid request",
            ),
            ApiError::MalformedJson(_) => (
                StatusCode::BAD_REQUEST,
                "malformed_json",
                "Malformed JSON body",
            ),
            ApiError::UnprocessableJson(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "unprocessable_body",
                "The JSON body does not have the expected shape",
            ),
            ApiError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Request body must be application/json",
            ),
            ApiError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "Request body too large",
            ),
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found", "Not found"),
            ApiError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "Method not allowed on this resource",
            ),
            ApiError::Conflict(_) => (StatusCode::CONFLICT, "conflict", "Conflict"),
            // A code that cannot be entered is the caller's to fix, as a
            // wrong one is; every other refusal is a state conflict.
            ApiError::State(e @ (StateError::NoCode | StateError::Locked(_))) => (
                StatusCode::BAD_REQUEST,
                e.code(),
                "One-time code not accepted",
            ),
            ApiError::State(e) => (
                StatusCode::CONFLICT,
                e.code(),
                "Not allowed in the current state",
            ),
            ApiError::Timeout => (
                StatusCode::SERVICE_UNAVAILABLE,
                "timeout",
                "The request took too long",
            ),
            ApiError::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "Storage is temporarily unavailable",
            ),
            ApiError::StorageFull => (
                StatusCode::SERVICE_UNAVAILABLE,
                "storage_full",
                "The service cannot accept writes: its disk is nearly full",
            ),
            ApiError::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
            ),
        }
    }

    fn detail(&self) -> String {
        match self {
            ApiError::InvalidNumber(e) => e.to_string(),
            ApiError::Invalid { field, message } => format!("{field}: {message}"),
            ApiError::MalformedJson(m)
            | ApiError::UnprocessableJson(m)
            | ApiError::Conflict(m)
            | ApiError::TooManyRequests(m, _)
            | ApiError::CodeRejected(_, m) => m.clone(),
            ApiError::State(e) => e.to_string(),
            ApiError::Forbidden(why) => (*why).to_owned(),
            ApiError::Unauthorized => "send Authorization: Bearer <key>".into(),
            ApiError::SenderFailed | ApiError::Timeout => "try again later".into(),
            ApiError::UnsupportedMediaType => "send Content-Type: application/json".into(),
            ApiError::PayloadTooLarge => "the request body exceeds the limit".into(),
            ApiError::NotFound(what) => format!("no such {what}"),
            ApiError::MethodNotAllowed => "see /openapi.json for the methods of each path".into(),
            ApiError::Unavailable => "try again later".into(),
            ApiError::StorageFull => {
                "nothing was written; reads keep working; try again later".into()
            }
            ApiError::Internal => "the error was logged".into(),
        }
    }

    /// A validation failure of one field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> ApiError {
        ApiError::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, title) = self.kind();
        let field = match &self {
            ApiError::Invalid { field, .. } => Some(field.as_str()),
            _ => None,
        };
        let problem = Problem {
            type_: format!("/problems/{code}"),
            title,
            status: status.as_u16(),
            detail: self.detail(),
            code,
            field,
        };
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        let retry_after = match &self {
            ApiError::TooManyRequests(_, seconds) => Some(*seconds),
            // Space comes back when an operator frees it, not in seconds.
            ApiError::StorageFull => Some(60),
            _ if status == StatusCode::SERVICE_UNAVAILABLE => Some(5),
            _ => None,
        };
        if let Some(seconds) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

impl From<ServiceError> for ApiError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::InvalidNumber(p) => ApiError::InvalidNumber(p),
            ServiceError::Invalid { field, message } => ApiError::Invalid { field, message },
            ServiceError::NotFound(what) => ApiError::NotFound(what),
            ServiceError::Conflict(m) => ApiError::Conflict(m),
            ServiceError::State(e) => ApiError::State(e),
            ServiceError::Unauthorized => ApiError::Unauthorized,
            ServiceError::RateLimited(m, seconds) => ApiError::TooManyRequests(m, seconds),
            ServiceError::CodeRejected(code, m) => ApiError::CodeRejected(code, m),
            ServiceError::SenderFailed(cause) => {
                tracing::warn!(%cause, "one-time code sender failed");
                ApiError::SenderFailed
            }
            ServiceError::Store(StoreError::Unavailable(cause))
            | ServiceError::Search(SearchError::Store(StoreError::Unavailable(cause))) => {
                tracing::warn!(%cause, "storage unavailable");
                ApiError::Unavailable
            }
            ServiceError::Store(StoreError::Full { free, needed }) => {
                tracing::error!(free, needed, "write refused: the disk is nearly full");
                ApiError::StorageFull
            }
            ServiceError::Search(SearchError::NotRunning) => {
                tracing::warn!("search asked while the index is not running");
                ApiError::Unavailable
            }
            other => {
                tracing::error!(error = %other, "internal error");
                ApiError::Internal
            }
        }
    }
}

impl From<PhoneError> for ApiError {
    fn from(e: PhoneError) -> Self {
        ApiError::InvalidNumber(e)
    }
}
