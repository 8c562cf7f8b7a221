//! Every error the API returns, as RFC 9457 `application/problem+json`.
//!
//! An [`ApiError`] is a stable [`Code`] (the table in `error_code` gives
//! its status and title) with this occurrence's detail; `type` is
//! `/problems/{code}`. Internal causes are logged with a
//! request-independent message and never shown to the caller.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error_code::Code;
use crate::phone::PhoneError;
use crate::service::ServiceError;

/// An error answer of the API.
#[derive(Debug)]
pub struct ApiError {
    code: Code,
    detail: String,
    /// The refused field, for `invalid_request`.
    field: Option<String>,
    /// The finer reason, for `invalid_number` (`PhoneError::reason`).
    reason: Option<&'static str>,
    /// Seconds for `Retry-After`, where the code's own default is not it.
    retry_after: Option<u64>,
}

/// RFC 9457 problem details: every error answer of the API, as
/// `application/problem+json`.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Problem<'a> {
    /// `/problems/{code}`
    #[serde(rename = "type")]
    type_: String,
    /// What the code means, in a few words.
    title: &'a str,
    /// The HTTP status, repeated.
    #[schema(minimum = 400, maximum = 599)]
    status: u16,
    /// This occurrence, in words.
    detail: &'a str,
    code: Code,
    /// The invalid field, for `invalid_request`.
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    /// Why the text is not a phone number, for `invalid_number`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = phone_reasons)]
    reason: Option<&'a str>,
}

/// `Problem.code`: an enum of every code of the table, in its order.
impl utoipa::PartialSchema for Code {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "Stable machine-readable error code (the table in error_code.rs); \
                 its HTTP status is the problem's `status`",
            ))
            .enum_values(Some(Code::ALL.iter().map(|c| c.as_str())))
            .into()
    }
}

impl utoipa::ToSchema for Code {
    fn name() -> std::borrow::Cow<'static, str> {
        "Code".into()
    }
}

/// Why a text is not a phone number (`PhoneError::reason`), every kind.
pub(crate) fn phone_reasons() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(
            "Why the text is not a phone number, for `invalid_number`",
        ))
        .enum_values(Some(PhoneError::every_kind().iter().map(|e| e.reason())))
        .build()
}

impl ApiError {
    /// An answer with `code` and this occurrence's `detail`.
    pub fn new(code: Code, detail: impl Into<String>) -> ApiError {
        ApiError {
            code,
            detail: detail.into(),
            field: None,
            reason: None,
            retry_after: None,
        }
    }

    /// A validation failure of one field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> ApiError {
        let field = field.into();
        let mut e = ApiError::new(Code::InvalidRequest, format!("{field}: {}", message.into()));
        e.field = Some(field);
        e
    }

    /// `what` does not exist.
    pub fn not_found(what: &str) -> ApiError {
        ApiError::new(Code::NotFound, format!("no such {what}"))
    }

    /// Too many requests; try again in `seconds`.
    pub fn rate_limited(detail: impl Into<String>, seconds: u64) -> ApiError {
        let mut e = ApiError::new(Code::RateLimited, detail);
        e.retry_after = Some(seconds);
        e
    }

    /// The code this answer carries.
    pub fn code(&self) -> Code {
        self.code
    }
}

/// An answer with the code's usual detail.
impl From<Code> for ApiError {
    fn from(code: Code) -> ApiError {
        let detail = match code {
            Code::Unauthorized => "send Authorization: Bearer <key>",
            Code::UnsupportedMediaType => "send Content-Type: application/json",
            Code::PayloadTooLarge => "the request body exceeds the limit",
            Code::MethodNotAllowed => "see /openapi.json for the methods of each path",
            Code::StorageFull => "nothing was written; reads keep working; try again later",
            Code::Internal => "the error was logged",
            Code::NotFound => "no such resource",
            _ if code.status() >= 500 => "try again later",
            _ => code.title(),
        };
        ApiError::new(code, detail)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let code = self.code;
        let status =
            StatusCode::from_u16(code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let problem = Problem {
            type_: format!("/problems/{code}"),
            title: code.title(),
            status: status.as_u16(),
            detail: &self.detail,
            code,
            field: self.field.as_deref(),
            reason: self.reason,
        };
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        let retry_after = match code {
            _ if self.retry_after.is_some() => self.retry_after,
            // Space comes back when an operator frees it, not in seconds.
            Code::StorageFull => Some(60),
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
        let code = e.code();
        match (code, e) {
            (_, ServiceError::InvalidNumber(p)) => p.into(),
            (_, ServiceError::Invalid { field, message }) => ApiError::invalid(field, message),
            (_, ServiceError::NotFound(what)) => ApiError::not_found(what),
            (_, ServiceError::RateLimited(m, seconds)) => ApiError::rate_limited(m, seconds),
            (Code::SenderFailed, cause) => {
                tracing::warn!(%cause, "one-time code sender failed");
                code.into()
            }
            (Code::Unavailable, cause) => {
                tracing::warn!(%cause, "storage or search unavailable");
                code.into()
            }
            (Code::StorageFull, cause) => {
                tracing::error!(%cause, "write refused: the disk is nearly full");
                code.into()
            }
            (Code::Internal, cause) => {
                tracing::error!(error = %cause, "internal error");
                code.into()
            }
            (_, other) => ApiError::new(code, other.to_string()),
        }
    }
}

impl From<PhoneError> for ApiError {
    fn from(e: PhoneError) -> Self {
        let mut answer = ApiError::new(Code::InvalidNumber, e.to_string());
        answer.reason = Some(e.reason());
        answer
    }
}
