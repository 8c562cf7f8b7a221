//! `/v1/reports`: anyone can report a number as spam, scam or impersonation.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::businesses::parse_number;
use crate::http::auth::ClientAddr;
use crate::http::extract::Json;
use crate::http::{blocking, ApiError, AppState};
use crate::service::ReportInput;

/// `POST /v1/reports` → 202.
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
        axum::Json(serde_json::json!({ "accepted": true })),
    )
        .into_response())
}
