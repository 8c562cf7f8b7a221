//! Who is calling: a business with its API key, a reviewer with a reviewer
//! token, and the client's address (for per-client limits).

use std::net::IpAddr;

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

use super::{ApiError, AppState};
use crate::error_code::Code;
use crate::model::BusinessId;
use crate::service::Reviewer;

/// A business authenticated by its API key: which business, and the
/// key's hash (what a key rotation replaces).
pub struct BusinessAuth {
    id: BusinessId,
    key_hash: [u8; 32],
}

impl BusinessAuth {
    /// The SHA-256 of the API key the request carried.
    pub fn key_hash(&self) -> &[u8; 32] {
        &self.key_hash
    }

    /// The business id in the path, if it is the caller's own. Another
    /// business's id answers 404 like a missing one, so ids cannot be probed.
    pub fn owns(&self, path_id: &str) -> Result<BusinessId, ApiError> {
        match BusinessId::parse(path_id) {
            Ok(id) if id == self.id => Ok(id),
            _ => Err(ApiError::not_found("business")),
        }
    }
}

impl FromRequestParts<AppState> for BusinessAuth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let key = bearer(parts).ok_or(ApiError::from(Code::Unauthorized))?;
        let key_hash = crate::service::api_key_hash(key);
        match state.service.business_for_key_hash(&key_hash)? {
            Some(id) => Ok(BusinessAuth { id, key_hash }),
            None => Err(ApiError::from(Code::Unauthorized)),
        }
    }
}

/// A reviewer authenticated by a reviewer token (their name).
pub struct ReviewerAuth(pub String);

impl FromRequestParts<AppState> for ReviewerAuth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        Ok(ReviewerAuth(reviewer(parts, state).await?.name))
    }
}

/// A reviewer with the admin role (backup, key rotation).
pub struct AdminAuth(pub String);

impl FromRequestParts<AppState> for AdminAuth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let who = reviewer(parts, state).await?;
        if who.admin {
            Ok(AdminAuth(who.name))
        } else {
            Err(ApiError::new(
                Code::Forbidden,
                "this needs an admin reviewer",
            ))
        }
    }
}

/// A caller allowed to read `/metrics`: the metrics token's holder (a
/// Prometheus scraper) or any reviewer.
pub struct MetricsAuth;

impl FromRequestParts<AppState> for MetricsAuth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        use subtle::ConstantTimeEq;
        if let (Some(given), Some(expected)) =
            (bearer(parts), &state.service.config().metrics_token)
        {
            if bool::from(given.as_bytes().ct_eq(expected.as_bytes())) {
                return Ok(MetricsAuth);
            }
        }
        reviewer(parts, state).await.map(|_| MetricsAuth)
    }
}

/// The reviewer a request's bearer token names (wrong tokens count
/// towards the network's lockout, as on the console's sign-in page).
async fn reviewer(parts: &Parts, state: &AppState) -> Result<Reviewer, ApiError> {
    let client = super::limits::client_of(&parts.extensions);
    Ok(reviewer_by_token(state, client, bearer(parts)).await?)
}

/// Why a reviewer token was not taken.
#[derive(Debug)]
pub enum ReviewerRefused {
    /// Too many wrong tokens from the client's network: locked out for
    /// this many more seconds, whatever the token.
    LockedOut(u64),
    /// No token, or a wrong one (a wrong one was counted).
    Wrong,
    /// The store could not answer.
    Failed(ApiError),
}

impl From<ReviewerRefused> for ApiError {
    fn from(refused: ReviewerRefused) -> ApiError {
        match refused {
            ReviewerRefused::LockedOut(wait) => ApiError::rate_limited(
                "too many wrong reviewer tokens from this network; locked out for a while",
                wait,
            ),
            ReviewerRefused::Wrong => ApiError::from(Code::Unauthorized),
            ReviewerRefused::Failed(e) => e,
        }
    }
}

/// The reviewer a token names, for a client: the one check behind the
/// API's bearer tokens and the console's sign-in, so both count wrong
/// tokens towards the same per-network lockout. A locked-out network is
/// refused before its token is even looked at.
pub async fn reviewer_by_token(
    state: &AppState,
    client: Option<IpAddr>,
    token: Option<&str>,
) -> Result<Reviewer, ReviewerRefused> {
    // A request always carries its client (server.rs); were it missing,
    // all such requests would share one lockout, which fails closed.
    let network = client.map_or(IpAddr::from([0, 0, 0, 0]), crate::service::client_network);
    if let Some(wait) = state.limits.reviewer_locked(network) {
        return Err(ReviewerRefused::LockedOut(wait));
    }
    let token = token.ok_or(ReviewerRefused::Wrong)?;
    let found = state
        .service
        .authenticate_reviewer(token)
        .map_err(|e| ReviewerRefused::Failed(e.into()))?;
    if let Some(who) = found {
        return Ok(who);
    }
    if state.limits.reviewer_failed(network) {
        tracing::warn!(%network, "reviewer authentication locked out after repeated failures");
        let s = std::sync::Arc::clone(&state.service);
        let detail =
            format!("{network}: repeated wrong reviewer tokens; locked out for 15 minutes");
        super::blocking(&s, move |s| {
            s.note_security_event("reviewer_auth_lockout", &detail)
        })
        .await
        .map_err(ReviewerRefused::Failed)?;
    }
    Err(ReviewerRefused::Wrong)
}

/// The client's address, when the server knows it.
pub struct ClientAddr(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        Ok(ClientAddr(super::limits::client_of(&parts.extensions)))
    }
}

fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty() && token.len() <= 256)
        .then_some(token)
}
