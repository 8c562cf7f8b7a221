//! The notification records: a business's webhook, the events waiting in
//! the outbox and how their delivery went, and the public changes feed.
//!
//! Events and feed entries are made in the write that causes them
//! (`service::notify`), stored by `store::outbox`, and sent by the
//! delivery worker; these types only say what each row holds.

use serde::{Deserialize, Serialize};

use super::BusinessId;

/// Where a business wants its events: a URL and the secret that signs
/// them (Standard Webhooks' symmetric `v1` scheme, so it is kept as is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Webhook {
    pub url: String,
    /// The secret's raw bytes (shown once as `whsec_` + base64).
    pub secret: Vec<u8>,
    pub created_at: i64,
    /// When the secret was last made (creation or rotation).
    pub secret_at: i64,
}

/// Whom an event goes to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    /// A business's own webhook.
    Business(BusinessId),
    /// The reviewers' webhook (`--reviewer-webhook`).
    Reviewers,
}

impl Target {
    /// The key its queue is ordered under: the business id, or
    /// `reviewers` (which no business id can be).
    pub fn key(&self) -> &str {
        match self {
            Target::Business(id) => id.as_str(),
            Target::Reviewers => "reviewers",
        }
    }
}

/// One try at delivering an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// Milliseconds since the epoch.
    pub at_ms: i64,
    /// The HTTP status answered, if the request got one.
    pub status: Option<u16>,
    /// Why it failed without a status (refused by the fence, timeout, ...).
    pub error: Option<String>,
    pub duration_ms: u64,
}

/// Where an event's delivery stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeliveryState {
    /// Waiting: behind earlier events of its target, or for its next try.
    Pending { attempts: u32, next_at_ms: i64 },
    /// A 2xx answer.
    Delivered { attempts: u32, at_ms: i64 },
    /// Given up on after the retry window (or the webhook was removed).
    Dead { attempts: u32, at_ms: i64 },
}

impl DeliveryState {
    /// How the business sees it.
    pub fn name(&self) -> &'static str {
        match self {
            DeliveryState::Pending { .. } => "pending",
            DeliveryState::Delivered { .. } => "delivered",
            DeliveryState::Dead { .. } => "dead",
        }
    }

    /// Tries so far.
    pub fn attempts(&self) -> u32 {
        match self {
            DeliveryState::Pending { attempts, .. }
            | DeliveryState::Delivered { attempts, .. }
            | DeliveryState::Dead { attempts, .. } => *attempts,
        }
    }
}

/// An event in the outbox: what is sent (fixed when the event is made, so
/// every retry sends the same bytes) and how sending it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEvent {
    pub target: Target,
    /// The `webhook-id` header: the receiver's idempotency key.
    pub msg_id: String,
    /// `business.approved`, ...
    pub event_type: String,
    /// The JSON body, `{type, timestamp, data}`.
    pub payload: String,
    /// When the write that made it committed, in milliseconds.
    pub created_ms: i64,
    pub state: DeliveryState,
    /// The last try, if any.
    pub last: Option<Attempt>,
    /// The outbox sequence number of the event this one replays.
    pub replay_of: Option<u64>,
}

/// One entry of the public changes feed (`GET /v1/changes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct FeedEntry {
    /// `badge.granted`, `badge.revoked`, `business.suspended`,
    /// `business.reinstated` or `profile.updated`.
    pub kind: String,
    pub business: BusinessId,
    /// The number, for a badge.
    pub number: Option<String>,
    /// The token's serial, for a badge.
    pub jti: Option<String>,
    /// The revocation's reason, for a revoked badge.
    pub reason: Option<String>,
    /// Seconds since the epoch.
    pub at: i64,
}
