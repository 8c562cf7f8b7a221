//! `GET /v1/search`: customers find a business and its official numbers.
//!
//! Parameters are checked here (bounds, shapes) and become a
//! [`SearchQuery`]; the text itself is never parsed as a query language, so
//! any string is a valid `q`. The search blocks (tantivy, redb), so it runs
//! on the blocking pool.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::api::openapi::PublicRead;
use crate::http::extract::{cached_json, languages, CachePolicy, Query};
use crate::http::{blocking, ApiError, AppState};
use crate::search::{SearchQuery, MAX_LIMIT, MAX_OFFSET};
use crate::service::SearchAnswer;

/// Search answers may be cached briefly: a profile change shows within
/// this many seconds.
const SEARCH_MAX_AGE: u32 = 30;
const DEFAULT_LIMIT: usize = 10;
/// Longest category accepted as a filter.
const MAX_CATEGORY_LEN: usize = 64;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Free text; never parsed as a query language
    q: Option<String>,
    /// ISO 3166-1 alpha-2
    #[param(pattern = "^([A-Za-z]{2})?$")]
    country: Option<String>,
    #[param(max_length = 64)]
    category: Option<String>,
    /// Only verified businesses (true) or only others (false)
    verified: Option<bool>,
    /// Comma-separated BCP 47 tags; wins over Accept-Language
    lang: Option<String>,
    /// Page size, default 10
    #[param(minimum = 1, maximum = 50)]
    limit: Option<usize>,
    #[param(maximum = 1000)]
    offset: Option<usize>,
}

impl TryFrom<SearchParams> for SearchQuery {
    type Error = ApiError;

    fn try_from(p: SearchParams) -> Result<Self, ApiError> {
        let limit = p.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::invalid(
                "limit",
                format!("must be between 1 and {MAX_LIMIT}"),
            ));
        }
        let offset = p.offset.unwrap_or(0);
        if offset > MAX_OFFSET {
            return Err(ApiError::invalid(
                "offset",
                format!("must be at most {MAX_OFFSET}"),
            ));
        }
        let country = p.country.filter(|c| !c.is_empty());
        if let Some(c) = &country {
            if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(ApiError::invalid(
                    "country",
                    "an ISO 3166-1 alpha-2 code, such as ES",
                ));
            }
        }
        let category = p.category.filter(|c| !c.is_empty());
        if category
            .as_ref()
            .is_some_and(|c| c.len() > MAX_CATEGORY_LEN)
        {
            return Err(ApiError::invalid(
                "category",
                format!("at most {MAX_CATEGORY_LEN} bytes"),
            ));
        }
        Ok(SearchQuery {
            text: p.q.unwrap_or_default(),
            country,
            category,
            verified: p.verified,
            limit,
            offset,
        })
    }
}

/// Search businesses
#[utoipa::path(
    get,
    path = "/v1/search",
    operation_id = "search",
    tag = "public",
    params(SearchParams),
    responses(
        (status = 200, description = "One page of results", body = SearchAnswer),
        PublicRead,
    ),
)]
pub async fn search(
    State(state): State<AppState>,
    Query(params): Query<SearchParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let langs = languages(params.lang.as_deref(), &headers);
    let query = SearchQuery::try_from(params)?;
    let answer = blocking(&state.service, move |s| s.search(&query, &langs)).await?;
    Ok(cached_json(
        &headers,
        &answer,
        CachePolicy {
            max_age: SEARCH_MAX_AGE,
            vary: Some("Accept-Language"),
            stale_if_error: 0,
        },
    ))
}
