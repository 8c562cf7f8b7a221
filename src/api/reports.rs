//! `/v1/reports`: anyone can report a number as spam, scam or impersonation.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use serde::Serialize;
use utoipa::ToSchema;

use super::businesses::parse_number;
use crate::api::openapi::PublicBody;
use crate::http::auth::ClientAddr;
use crate::http::extract::Json;
use crate::http::{blocking, ApiError, AppState};
use crate::service::ReportInput;

/// The report was taken.
#[derive(Serialize, ToSchema)]
struct ReportAccepted {
    /// Always true.
    accepted: bool,
}

/// Report a number (spam, scam, impersonation)
#[utoipa::path(
    post,
    path = "/v1/reports",
    operation_id = "createReport",
    tag = "public",
    request_body = ReportInput,
    responses(
        (status = 202, description = "Accepted", body = ReportAccepted),
        PublicBody,
    ),
)]
pub async fn create(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    Json(req): Json<ReportInput>,
) -> Result<Response, ApiError> {
    let number = parse_number(&state.service, &req.number, req.region.as_deref())?;
    blocking(&state.service, move |s| {
        s.report(&number, req.reason, req.comment.as_deref(), client)
    })
    .await?;
    Ok((
        StatusCode::ACCEPTED,
        axum::Json(ReportAccepted { accepted: true }),
    )
        .into_response())
}
