//! Notifications: businesses' webhooks, the reviewers' webhook and the
//! public changes feed.
//!
//! Every write of the service ends in [`record`], which turns what the
//! write did (`events`) into outbox rows and feed entries inside the same
//! redb transaction: an event exists exactly when its change committed.
//! The delivery `worker` (a thread of its own, started by the server)
//! sends each target's events in order through the SSRF fence, signed as
//! Standard Webhooks (`signature`), at least once, with exponential
//! backoff and jitter for a day, then marks them dead for the business to
//! see and replay. Nothing here runs on a request's path but the writes.

mod endpoint;
pub mod events;
pub mod signature;
mod webhooks;
mod worker;

use std::sync::{Condvar, Mutex};
use std::time::Duration;

use serde_json::json;

use crate::model::{DeliveryState, OutboxEvent};
use crate::store::{StoreError, Writer};

pub use webhooks::{Delivery, FeedChange, FeedPage, WebhookSet, FEED_TYP};
pub use worker::DeliveryWorker;

/// What one write queued, for the wake-ups after its commit.
#[derive(Debug, Default, Clone, Copy)]
pub struct Recorded {
    /// Events put in the outbox.
    pub events: usize,
    /// The feed's last sequence number, if the write appended to it.
    pub feed_last: Option<u64>,
}

/// Makes the outbox rows and feed entries of everything this write did so
/// far. Called last in every write of the service, before commit.
/// `reviewers`: whether a reviewers' webhook is configured. A business
/// without a webhook gets no rows (nobody would read them).
pub fn record(w: &mut Writer, reviewers: bool) -> Result<Recorded, StoreError> {
    use crate::store::prelude::*;
    let facts = w.take_facts();
    if facts.is_empty() {
        return Ok(Recorded::default());
    }
    let (events, feed) = events::derive(&facts, reviewers);
    let now_ms = now_ms();
    let timestamp = rfc3339(now_ms / 1000);
    let mut recorded = Recorded::default();
    for event in events {
        if let crate::model::Target::Business(id) = &event.target {
            if w.webhook(id.as_str())?.is_none() {
                continue;
            }
        }
        let payload = json!({
            "type": event.event_type,
            "timestamp": timestamp,
            "data": event.data,
        })
        .to_string();
        w.enqueue(&OutboxEvent {
            target: event.target,
            msg_id: format!("msg_{}", ulid::Ulid::new()),
            event_type: event.event_type.to_owned(),
            payload,
            created_ms: now_ms,
            state: DeliveryState::Pending {
                attempts: 0,
                next_at_ms: now_ms,
            },
            last: None,
            replay_of: None,
        })?;
        recorded.events += 1;
    }
    for entry in &feed {
        recorded.feed_last = Some(w.append_feed(entry)?);
    }
    Ok(recorded)
}

pub use crate::model::now_ms;

/// Seconds since the epoch as RFC 3339 UTC (the body's `timestamp`).
fn rfc3339(secs: i64) -> String {
    jiff::Timestamp::from_second(secs)
        .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// Who waits for what a commit queued: the delivery worker (a bell it
/// sleeps on) and the feed's event streams (the feed's last sequence
/// number, and whether the server is closing).
pub struct Notifier {
    rung: Mutex<u64>,
    bell: Condvar,
    feed: tokio::sync::watch::Sender<u64>,
    closing: tokio::sync::watch::Sender<bool>,
}

impl Notifier {
    /// A notifier whose feed starts at `feed_last`.
    pub fn new(feed_last: u64) -> Notifier {
        Notifier {
            rung: Mutex::new(0),
            bell: Condvar::new(),
            feed: tokio::sync::watch::Sender::new(feed_last),
            closing: tokio::sync::watch::Sender::new(false),
        }
    }

    /// After a commit: wakes whoever waits for what it queued.
    pub fn committed(&self, recorded: Recorded) {
        if recorded.events > 0 {
            self.ring();
        }
        if let Some(last) = recorded.feed_last {
            self.feed.send_replace(last);
        }
    }

    /// Wakes the delivery worker.
    pub fn ring(&self) {
        let mut rung = self.rung.lock().unwrap_or_else(|p| p.into_inner());
        *rung = rung.wrapping_add(1);
        self.bell.notify_all();
    }

    /// How often the bell has rung (read before looking for work, so a
    /// ring meanwhile is not slept through).
    pub fn rung(&self) -> u64 {
        *self.rung.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Sleeps until the bell rings after `seen`, or `timeout` passes.
    pub fn wait(&self, seen: u64, timeout: Duration) {
        let rung = self.rung.lock().unwrap_or_else(|p| p.into_inner());
        let _ = self
            .bell
            .wait_timeout_while(rung, timeout, |r| *r == seen)
            .map(|(guard, _)| drop(guard));
    }

    /// The feed's last sequence number, as it moves.
    pub fn feed(&self) -> tokio::sync::watch::Receiver<u64> {
        self.feed.subscribe()
    }

    /// Whether the server is closing, as it changes (event streams end).
    pub fn closing(&self) -> tokio::sync::watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// Tells event streams to end: the server is stopping.
    pub fn close(&self) {
        self.closing.send_replace(true);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn timestamps_are_rfc3339_utc() {
        assert_eq!(super::rfc3339(1614265330), "2021-02-25T15:02:10Z");
    }
}
