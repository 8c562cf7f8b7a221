//! Placeholder until the console pages land (issue 22): no routes yet.

use axum::Router;

use crate::http::AppState;

/// The console pages' routes.
pub fn routes() -> Router<AppState> {
    Router::new()
}
