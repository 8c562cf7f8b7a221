//! Placeholder until the account pages land (issue 22): no routes yet.

use axum::Router;

use crate::http::AppState;

/// The account pages' routes.
pub fn routes() -> Router<AppState> {
    Router::new()
}
