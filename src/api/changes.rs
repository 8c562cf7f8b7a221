//! `GET /v1/changes`: the public changes feed (badges granted and revoked,
//! businesses suspended and reinstated, profile edits approved), by
//! sequence number, for relying clients that keep cached badges exact.
//!
//! Pages are JSON, signed on request like the lookups (`?signed=1`), and
//! cacheable: a full page never changes, so it is cached for a day; the
//! last page only briefly. With `Accept: text/event-stream` the same
//! changes come as Server-Sent Events (`id` = the sequence number, so a
//! reconnecting `EventSource` resumes with `Last-Event-ID`), pushed as they
//! commit; a stream ends after a while or when the server stops, and the
//! client reconnects.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;

use super::openapi::PublicRead;
use crate::http::extract::{cached_json, CachePolicy, Query};
use crate::http::{blocking, ApiError, AppState};
use crate::service::{FeedPage, Service};

/// Changes per page by default, and at most.
const DEFAULT_PAGE: usize = 100;
const MAX_PAGE: usize = 1000;
/// A full page never changes (a day of caching); the last page grows.
const FULL_PAGE_MAX_AGE: u32 = 86_400;
const LAST_PAGE_MAX_AGE: u32 = 10;
/// An event stream ends after this, and the client reconnects: no
/// connection is held forever by one client.
const STREAM_LIFETIME: Duration = Duration::from_secs(600);

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangesQuery {
    /// Changes after this sequence number (0: from the start)
    after: Option<u64>,
    /// Page size, clamped to 1..1000 (default 100)
    limit: Option<usize>,
    /// `1`/`true`: add a JWS over the page (over each change, in a stream)
    #[param(schema_with = signed_flag)]
    signed: Option<String>,
}

fn signed_flag() -> utoipa::openapi::schema::Object {
    super::log::flag_schema("1/true: add a JWS over the page")
}

/// Public changes, by sequence number
///
/// `next` is the `after` of the following page. With `Accept:
/// text/event-stream`, the changes come as Server-Sent Events instead
/// (`id` = sequence number, `event: change`), as they commit.
#[utoipa::path(
    get,
    path = "/v1/changes",
    operation_id = "listChanges",
    tag = "public",
    params(ChangesQuery),
    responses(
        (status = 200, description = "A page of changes (or an event stream)", body = FeedPage,
            content_type = "application/json"),
        PublicRead,
    ),
)]
pub async fn changes(
    State(state): State<AppState>,
    Query(q): Query<ChangesQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let signed = super::log::flag("signed", q.signed.as_deref())?;
    let limit = q.limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE);
    let after = q.after.unwrap_or(0);
    // Sequence numbers are described as int64 (what JSON clients read
    // safely); a larger `after` names no change and is refused as such.
    if i64::try_from(after).is_err() {
        return Err(ApiError::invalid(
            "after",
            "must be at most 9223372036854775807",
        ));
    }
    if wants_stream(&headers) {
        let resume = headers
            .get("last-event-id")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        let from = resume.map_or(after, |r| r.max(after));
        return Ok(stream(Arc::clone(&state.service), from, signed).into_response());
    }
    let page = blocking(&state.service, move |s| s.feed_page(after, limit, signed)).await?;
    let max_age = if page.full {
        FULL_PAGE_MAX_AGE
    } else {
        LAST_PAGE_MAX_AGE
    };
    Ok(cached_json(
        &headers,
        &page,
        CachePolicy {
            max_age,
            vary: Some("Accept"),
            stale_if_error: 0,
        },
    ))
}

fn wants_stream(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/event-stream"))
}

/// Where a stream is.
struct Cursor {
    service: Arc<Service>,
    after: u64,
    signed: bool,
    ready: VecDeque<Event>,
    feed: tokio::sync::watch::Receiver<u64>,
    closing: tokio::sync::watch::Receiver<bool>,
    ends: tokio::time::Instant,
}

/// The changes after `after` as Server-Sent Events, then each new one as
/// it commits.
fn stream(service: Arc<Service>, after: u64, signed: bool) -> impl IntoResponse {
    let cursor = Cursor {
        feed: service.notifier().feed(),
        closing: service.notifier().closing(),
        service,
        after,
        signed,
        ready: VecDeque::new(),
        ends: tokio::time::Instant::now() + STREAM_LIFETIME,
    };
    let events = futures_util::stream::unfold(cursor, |mut c| async move {
        loop {
            if let Some(event) = c.ready.pop_front() {
                return Some((Ok::<_, Infallible>(event), c));
            }
            // A stream ends when the server stops or its time is up, also
            // on a feed busy enough never to leave it waiting.
            if *c.closing.borrow() || tokio::time::Instant::now() >= c.ends {
                return None;
            }
            // Marked seen before reading, so a commit meanwhile wakes us.
            c.feed.borrow_and_update();
            let (after, signed) = (c.after, c.signed);
            let page = blocking(&c.service, move |s| s.feed_page(after, MAX_PAGE, false)).await;
            let Ok(page) = page else {
                return None; // the client reconnects and resumes
            };
            if page.changes.is_empty() {
                tokio::select! {
                    changed = c.feed.changed() => if changed.is_err() { return None },
                    _ = c.closing.changed() => return None,
                    () = tokio::time::sleep_until(c.ends) => return None,
                }
                continue;
            }
            c.after = page.next;
            let keyring = signed.then(|| c.service.keyring());
            for change in page.changes {
                let mut data = match serde_json::to_value(&change) {
                    Ok(v) => v,
                    Err(_) => continue,
                };
                if let (Some(keyring), Some(obj)) = (&keyring, data.as_object_mut()) {
                    let jws =
                        crate::token::sign_payload(keyring, crate::service::FEED_TYP, &change);
                    obj.insert("signed".into(), jws.into());
                }
                c.ready.push_back(
                    Event::default()
                        .id(change.seq.to_string())
                        .event("change")
                        .data(data.to_string()),
                );
            }
        }
    });
    Sse::new(events).keep_alive(KeepAlive::default())
}
