//! What a business does with its webhook (set it, rotate its secret,
//! remove it, list its deliveries, replay one), and the public changes
//! feed's pages.

use serde::Serialize;

use super::endpoint;
use super::signature::{secret_text, SECRET_BYTES};
use crate::model::{now, BusinessId, DeliveryState, FeedEntry, OutboxEvent, Target, Webhook};
use crate::service::shared::{audit, own_business, random_bytes};
use crate::service::{Service, ServiceError};
use crate::store::prelude::*;

/// Replays a business may ask for in an hour.
const REPLAYS_PER_HOUR: u64 = 60;

/// The `typ` of a signed page of the changes feed.
pub const FEED_TYP: &str = "bizseal-changes+jwt";

/// A business's webhook as set: its secret only when it was just made.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WebhookSet {
    pub url: String,
    /// `whsec_...`: shown this once (a new webhook, or `rotate`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// When the secret was made (seconds)
    pub secret_at: i64,
}

/// One event sent (or to be sent) to a webhook, and how that went.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Delivery {
    /// The outbox sequence number (what a replay names)
    pub id: u64,
    /// The `webhook-id` header
    pub msg_id: String,
    #[serde(rename = "type")]
    pub event_type: String,
    /// `pending`, `delivered` or `dead`
    pub state: &'static str,
    pub attempts: u32,
    /// When the event was made (milliseconds)
    pub created_ms: i64,
    /// When it is tried next (milliseconds), while pending
    pub next_at_ms: Option<i64>,
    /// The last try's HTTP status
    pub last_status: Option<u16>,
    /// Why the last try got no status
    pub last_error: Option<String>,
    /// When the last try was (milliseconds)
    pub last_at_ms: Option<i64>,
    /// The delivery this one replays
    pub replay_of: Option<u64>,
    /// The body sent
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
}

impl Delivery {
    fn of(seq: u64, e: OutboxEvent) -> Delivery {
        let next_at_ms = match e.state {
            DeliveryState::Pending { next_at_ms, .. } => Some(next_at_ms),
            _ => None,
        };
        Delivery {
            id: seq,
            state: e.state.name(),
            attempts: e.state.attempts(),
            next_at_ms,
            last_status: e.last.as_ref().and_then(|a| a.status),
            last_error: e.last.as_ref().and_then(|a| a.error.clone()),
            last_at_ms: e.last.as_ref().map(|a| a.at_ms),
            payload: serde_json::from_str(&e.payload).unwrap_or(serde_json::Value::Null),
            msg_id: e.msg_id,
            event_type: e.event_type,
            created_ms: e.created_ms,
            replay_of: e.replay_of,
        }
    }
}

/// One public change with its sequence number.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FeedChange {
    pub seq: u64,
    #[serde(flatten)]
    pub entry: FeedEntry,
}

/// A page of the public changes feed.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FeedPage {
    /// The `after` asked for
    pub after: u64,
    /// The `after` of the next page: the last `seq` here (or `after`)
    pub next: u64,
    /// Whether the page is full (then it never changes)
    pub full: bool,
    pub changes: Vec<FeedChange>,
    /// JWS (`typ` `bizseal-changes+jwt`) over `{after, next, changes}`,
    /// when asked for
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed: Option<String>,
}

/// What a signed page states.
#[derive(Serialize)]
struct FeedStatement<'a> {
    after: u64,
    next: u64,
    changes: &'a [FeedChange],
}

/// Deliveries listed at most per page.
pub const MAX_DELIVERIES_PAGE: usize = 100;

impl Service {
    /// Sets a business's webhook URL (checked through the SSRF fence
    /// first, outside the write); a new webhook, or `rotate`, makes a new
    /// secret, shown in the answer only.
    pub fn set_webhook(
        &self,
        id: &BusinessId,
        url: &str,
        rotate: bool,
    ) -> Result<WebhookSet, ServiceError> {
        let url = url.trim();
        endpoint::check(url, self.config.allow_private_targets)
            .map_err(|bad| ServiceError::invalid("url", bad.message()))?;
        let fresh = random_bytes::<SECRET_BYTES>()?;
        let at = now();
        self.write(|w| {
            own_business(w, id)?;
            let old = w.webhook(id.as_str())?;
            let (hook, action) = match old {
                Some(old) if !rotate => (
                    Webhook {
                        url: url.to_owned(),
                        ..old
                    },
                    "webhook_changed",
                ),
                Some(old) => (
                    Webhook {
                        url: url.to_owned(),
                        secret: fresh.to_vec(),
                        created_at: old.created_at,
                        secret_at: at,
                    },
                    "webhook_secret_rotated",
                ),
                None => (
                    Webhook {
                        url: url.to_owned(),
                        secret: fresh.to_vec(),
                        created_at: at,
                        secret_at: at,
                    },
                    "webhook_set",
                ),
            };
            w.put_webhook(id.as_str(), &hook)?;
            audit(w, at, "business", id, action, url)?;
            let shown = (hook.secret_at == at && action != "webhook_changed")
                .then(|| secret_text(&hook.secret));
            Ok(WebhookSet {
                url: hook.url,
                secret: shown,
                secret_at: hook.secret_at,
            })
        })
    }

    /// A business's webhook (without its secret).
    pub fn webhook(&self, id: &BusinessId) -> Result<Option<WebhookSet>, ServiceError> {
        Ok(self
            .store
            .read()?
            .webhook(id.as_str())?
            .map(|h| WebhookSet {
                url: h.url,
                secret: None,
                secret_at: h.secret_at,
            }))
    }

    /// Removes a business's webhook; what waits for it dies at its next
    /// try.
    pub fn remove_webhook(&self, id: &BusinessId) -> Result<(), ServiceError> {
        let at = now();
        self.write(|w| {
            own_business(w, id)?;
            if !w.remove_webhook(id.as_str())? {
                return Err(ServiceError::NotFound("webhook"));
            }
            audit(w, at, "business", id, "webhook_removed", "")
        })
    }

    /// A business's recent deliveries, newest first, before `before`.
    pub fn deliveries(
        &self,
        id: &BusinessId,
        before: Option<u64>,
        limit: usize,
    ) -> Result<Vec<Delivery>, ServiceError> {
        self.deliveries_to(&Target::Business(id.clone()), before, limit)
    }

    /// The recent deliveries to a target, newest first.
    pub fn deliveries_to(
        &self,
        target: &Target,
        before: Option<u64>,
        limit: usize,
    ) -> Result<Vec<Delivery>, ServiceError> {
        let limit = limit.clamp(1, MAX_DELIVERIES_PAGE);
        Ok(self
            .store
            .read()?
            .deliveries_of(target.key(), before, limit)?
            .into_iter()
            .map(|(seq, e)| Delivery::of(seq, e))
            .collect())
    }

    /// Sends one of a business's events again: a copy goes to the end of
    /// its queue, with the same `webhook-id` (receivers that already took
    /// it may tell). Another business's delivery answers 404.
    pub fn replay(&self, id: &BusinessId, seq: u64) -> Result<Delivery, ServiceError> {
        let at_ms = super::now_ms();
        let (new_seq, copy) = self.write(|w| {
            own_business(w, id)?;
            if w.webhook(id.as_str())?.is_none() {
                return Err(ServiceError::NotFound("webhook"));
            }
            // Each replay is a signed POST to the business's URL and a row
            // here: a bounded number, so the button cannot be made a flood.
            let limit_key = format!("replay:{id}");
            if w.rate_count(&limit_key, at_ms / 1000 - 3600)? >= REPLAYS_PER_HOUR {
                return Err(ServiceError::RateLimited(
                    format!("at most {REPLAYS_PER_HOUR} replays an hour"),
                    3600,
                ));
            }
            w.add_rate_event(&limit_key, at_ms / 1000)?;
            let original = w
                .outbox_event(seq)?
                .filter(|e| e.target == Target::Business(id.clone()))
                .ok_or(ServiceError::NotFound("delivery"))?;
            let copy = OutboxEvent {
                created_ms: at_ms,
                state: DeliveryState::Pending {
                    attempts: 0,
                    next_at_ms: at_ms,
                },
                last: None,
                replay_of: Some(seq),
                ..original
            };
            let new_seq = w.replay(&copy)?;
            audit(
                w,
                at_ms / 1000,
                "business",
                id,
                "webhook_replayed",
                &seq.to_string(),
            )?;
            Ok::<_, ServiceError>((new_seq, copy))
        })?;
        self.notifier.ring();
        Ok(Delivery::of(new_seq, copy))
    }

    /// Up to `limit` public changes after `after`, signed when asked.
    pub fn feed_page(
        &self,
        after: u64,
        limit: usize,
        signed: bool,
    ) -> Result<FeedPage, ServiceError> {
        let changes: Vec<FeedChange> = self
            .store
            .read()?
            .feed_after(after, limit)?
            .into_iter()
            .map(|(seq, entry)| FeedChange { seq, entry })
            .collect();
        let next = changes.last().map_or(after, |c| c.seq);
        let signed = signed.then(|| {
            let statement = FeedStatement {
                after,
                next,
                changes: &changes,
            };
            crate::token::sign_payload(&self.keyring(), FEED_TYP, &statement)
        });
        Ok(FeedPage {
            after,
            next,
            full: changes.len() == limit,
            changes,
            signed,
        })
    }

    /// The notifier of this service's commits (the worker and the feed's
    /// event streams wait on it).
    pub fn notifier(&self) -> &super::Notifier {
        &self.notifier
    }
}
