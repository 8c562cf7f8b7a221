//! The delivery worker: one thread that sends what is due in the outbox
//! and writes down how it went.
//!
//! It takes the due queue heads (at most one per target, so a target's
//! events go out in order) and sends each on a thread of its own (ureq
//! blocks; no request path waits on this), up to [`IN_FLIGHT`] at once.
//! Each send's outcome is recorded as soon as it ends (those that end
//! together in one write), and its target's next event starts then: a
//! slow or hanging receiver holds up its own queue only, never another
//! business's. A crash between a send and its record sends the event
//! again after the restart: at least once, never lost. With nothing to do
//! the worker sleeps until the next try is due or a commit rings.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use ring::rand::{SecureRandom, SystemRandom};

use super::{endpoint, now_ms, signature};
use crate::config::RetryPolicy;
use crate::model::{Attempt, DeliveryState, OutboxEvent, Target};
use crate::service::{Service, ServiceError};
use crate::store::prelude::*;

/// Sends in flight at most (each on its own thread: ureq blocks).
const IN_FLIGHT: usize = 32;
/// How often the worker looks for new due events while sends are in
/// flight (a finished send and a commit wake it at once).
const IN_FLIGHT_POLL: Duration = Duration::from_millis(100);
/// Longest sleep between passes when nothing rings (a clock that jumps
/// or a due time written by another process is still met).
const IDLE: Duration = Duration::from_secs(1);
/// How long settled events are kept for the businesses' lists.
const KEEP_MS: i64 = 30 * 24 * 3600 * 1000;
/// How often settled events past [`KEEP_MS`] are dropped, and how many a
/// time (one short write).
const PRUNE_EVERY: Duration = Duration::from_secs(3600);
const PRUNE_BATCH: usize = 10_000;

/// The running worker; dropping it stops the thread and waits for it.
pub struct DeliveryWorker {
    stop: Arc<AtomicBool>,
    service: Arc<Service>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl DeliveryWorker {
    /// Starts the worker for `service`.
    pub fn start(service: Arc<Service>) -> DeliveryWorker {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let s = Arc::clone(&service);
        let thread = std::thread::Builder::new()
            .name("webhook-delivery".into())
            .spawn(move || run(&s, &stopped));
        let thread = match thread {
            Ok(t) => Some(t),
            Err(e) => {
                tracing::error!(error = %e, "cannot start the webhook delivery worker; events wait in the outbox");
                None
            }
        };
        DeliveryWorker {
            stop,
            service,
            thread,
        }
    }
}

impl Drop for DeliveryWorker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.service.notifier().ring();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(service: &Service, stop: &AtomicBool) {
    let (done, finished) = mpsc::channel::<(Due, Attempt)>();
    let mut in_flight: HashSet<u64> = HashSet::new();
    let mut pruned = Instant::now();
    std::thread::scope(|scope| {
        while !stop.load(Ordering::Relaxed) {
            let seen = service.notifier().rung();
            // Before delivering: a worker that always has work must still prune.
            if pruned.elapsed() >= PRUNE_EVERY {
                pruned = Instant::now();
                if let Err(e) = service.prune_outbox(now_ms() - KEEP_MS) {
                    tracing::warn!(error = %e, "pruning the outbox failed; will retry");
                }
            }
            let recorded = record(service, finished.try_iter().collect(), &mut in_flight);
            let started = match service.due(now_ms(), &in_flight) {
                Ok(due) => {
                    let started = due.len();
                    for d in due {
                        in_flight.insert(d.seq);
                        let done = done.clone();
                        scope.spawn(move || {
                            let attempt = send_guarded(service, &d);
                            // The worker may be gone (stopping): then the
                            // event is sent again after the restart.
                            let _ = done.send((d, attempt));
                            service.notifier().ring();
                        });
                    }
                    started
                }
                Err(e) => {
                    tracing::warn!(error = %e, "reading the due webhook events failed; will retry");
                    0
                }
            };
            if recorded + started > 0 {
                continue;
            }
            // Sends in flight ring when they end; otherwise sleep until the
            // next try is due.
            let wait = if in_flight.is_empty() {
                match service.store().read().and_then(|r| r.next_due_ms()) {
                    Ok(Some(at)) => {
                        Duration::from_millis(at.saturating_sub(now_ms()).max(0) as u64)
                    }
                    _ => IDLE,
                }
            } else {
                IN_FLIGHT_POLL
            };
            if !wait.is_zero() {
                service.notifier().wait(seen, wait.min(IDLE));
            }
        }
        // Stopping: record what the sends still in flight got.
        drop(done);
        let rest: Vec<_> = finished.iter().collect();
        record(service, rest, &mut in_flight);
    });
}

/// Records the outcomes of finished sends in one write, and takes them
/// off `in_flight`; returns how many.
fn record(service: &Service, finished: Vec<(Due, Attempt)>, in_flight: &mut HashSet<u64>) -> usize {
    for (d, _) in &finished {
        in_flight.remove(&d.seq);
    }
    let count = finished.len();
    if count > 0 {
        if let Err(e) = service.record_sent(finished) {
            // Not recorded: the events stay due and are sent again.
            tracing::warn!(error = %e, "recording webhook deliveries failed; they will be sent again");
        }
    }
    count
}

/// [`send`], with a panic turned into a failed attempt (the event is tried
/// again, and its target's queue is not left waiting on a send that ended).
fn send_guarded(service: &Service, d: &Due) -> Attempt {
    let keyring = service.keyring();
    let allow_private = service.config.allow_private_targets;
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        send(d, &keyring, allow_private)
    }))
    .unwrap_or_else(|_| Attempt {
        at_ms: now_ms(),
        status: None,
        error: Some("the sending thread failed".into()),
        duration_ms: 0,
    })
}

/// One due head, ready to send.
struct Due {
    seq: u64,
    was_due_ms: i64,
    event: OutboxEvent,
    /// URL and secret; `None` when the target has no webhook any more.
    hook: Option<(String, Vec<u8>)>,
}

impl Service {
    /// The queue heads due at `now_ms` that are not in flight, as many as
    /// leave at most [`IN_FLIGHT`] in flight.
    fn due(&self, now_ms: i64, in_flight: &HashSet<u64>) -> Result<Vec<Due>, ServiceError> {
        let room = IN_FLIGHT.saturating_sub(in_flight.len());
        if room == 0 {
            return Ok(Vec::new());
        }
        let r = self.store.read()?;
        let mut due = Vec::new();
        for (was_due_ms, seq) in r.due_events(now_ms, room + in_flight.len())? {
            if in_flight.contains(&seq) || due.len() == room {
                continue;
            }
            let Some(event) = r.outbox_event(seq)? else {
                continue;
            };
            let hook = match &event.target {
                Target::Business(id) => r.webhook(id.as_str())?.map(|h| (h.url, h.secret)),
                Target::Reviewers => self
                    .config
                    .reviewer_webhook
                    .as_ref()
                    .map(|h| (h.url.clone(), h.secret.clone())),
            };
            due.push(Due {
                seq,
                was_due_ms,
                event,
                hook,
            });
        }
        Ok(due)
    }

    /// Records how each finished send went, in one write.
    fn record_sent(&self, sent: Vec<(Due, Attempt)>) -> Result<(), ServiceError> {
        let settled_ms = super::now_ms();
        let policy = self.config.webhook_retry;
        self.store.write(|w| {
            for (d, attempt) in sent {
                let has_hook = d.hook.is_some();
                let event = settle(d.event, attempt, has_hook, settled_ms, policy);
                w.record_attempt(d.seq, d.was_due_ms, &event, settled_ms)?;
            }
            Ok::<_, ServiceError>(())
        })?;
        Ok(())
    }

    /// Drops settled events made before `before_ms`.
    fn prune_outbox(&self, before_ms: i64) -> Result<usize, ServiceError> {
        Ok(self
            .store
            .write(|w| w.prune_outbox(before_ms, PRUNE_BATCH))?)
    }
}

/// Sends one event (or finds there is nowhere to send it).
fn send(d: &Due, keyring: &crate::keys::Keyring, allow_private: bool) -> Attempt {
    let at_ms = now_ms();
    let Some((url, secret)) = &d.hook else {
        return Attempt {
            at_ms,
            status: None,
            error: Some("no webhook is set".into()),
            duration_ms: 0,
        };
    };
    let timestamp = at_ms / 1000;
    let signature = signature::sign(
        secret,
        Some(keyring),
        &d.event.msg_id,
        timestamp,
        &d.event.payload,
    );
    let outcome = endpoint::post(
        url,
        allow_private,
        &d.event.msg_id,
        timestamp,
        &signature,
        &d.event.payload,
    );
    Attempt {
        at_ms,
        status: outcome.status,
        error: outcome.error,
        duration_ms: outcome.took.as_millis() as u64,
    }
}

/// The event's state after `attempt`: delivered on a 2xx; dead when there
/// is no webhook or its retry window has passed; else pending again after
/// a backoff.
fn settle(
    mut event: OutboxEvent,
    attempt: Attempt,
    has_hook: bool,
    now_ms: i64,
    policy: RetryPolicy,
) -> OutboxEvent {
    let attempts = event.state.attempts() + 1;
    let ok = attempt.status.is_some_and(|s| (200..300).contains(&s));
    event.state = if ok {
        DeliveryState::Delivered {
            attempts,
            at_ms: now_ms,
        }
    } else if !has_hook || now_ms - event.created_ms >= policy.window_ms {
        DeliveryState::Dead {
            attempts,
            at_ms: now_ms,
        }
    } else {
        DeliveryState::Pending {
            attempts,
            next_at_ms: now_ms + backoff_ms(attempts, policy, jitter()),
        }
    };
    event.last = Some(attempt);
    event
}

/// Exponential backoff, capped, with "equal jitter": the delay after the
/// n-th failure is uniformly in [d/2, d] for d = min(base * 2^(n-1), max),
/// so receivers that fail together do not retry together (AWS
/// Architecture Blog, "Exponential Backoff And Jitter"). `unit` in [0, 1].
fn backoff_ms(attempts: u32, policy: RetryPolicy, unit: f64) -> i64 {
    let exp = attempts.saturating_sub(1).min(30);
    let d = policy
        .base_ms
        .saturating_mul(1i64 << exp)
        .min(policy.max_ms)
        .max(1);
    d / 2 + ((d - d / 2) as f64 * unit) as i64
}

/// A uniform number in [0, 1].
fn jitter() -> f64 {
    let mut b = [0u8; 4];
    if SystemRandom::new().fill(&mut b).is_err() {
        return 1.0;
    }
    f64::from(u32::from_le_bytes(b)) / f64::from(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BusinessId;

    fn policy() -> RetryPolicy {
        RetryPolicy {
            base_ms: 1000,
            max_ms: 60_000,
            window_ms: 10_000,
        }
    }

    fn event() -> OutboxEvent {
        OutboxEvent {
            target: Target::Business(BusinessId::generate()),
            msg_id: "msg_1".into(),
            event_type: "business.approved".into(),
            payload: "{}".into(),
            created_ms: 0,
            state: DeliveryState::Pending {
                attempts: 0,
                next_at_ms: 0,
            },
            last: None,
            replay_of: None,
        }
    }

    fn answered(status: Option<u16>) -> Attempt {
        Attempt {
            at_ms: 0,
            status,
            error: None,
            duration_ms: 1,
        }
    }

    #[test]
    fn backoff_doubles_within_its_jitter_and_stops_at_the_cap() {
        let p = policy();
        assert_eq!(backoff_ms(1, p, 0.0), 500);
        assert_eq!(backoff_ms(1, p, 1.0), 1000);
        assert_eq!(backoff_ms(3, p, 1.0), 4000);
        assert_eq!(backoff_ms(3, p, 0.0), 2000);
        assert_eq!(backoff_ms(20, p, 1.0), 60_000);
        assert_eq!(backoff_ms(u32::MAX, p, 1.0), 60_000);
    }

    #[test]
    fn a_2xx_delivers_a_failure_retries_and_the_window_kills() {
        let p = policy();
        let e = settle(event(), answered(Some(204)), true, 5, p);
        assert_eq!(e.state.name(), "delivered");
        let e = settle(event(), answered(Some(500)), true, 5, p);
        match e.state {
            DeliveryState::Pending {
                attempts,
                next_at_ms,
            } => {
                assert_eq!(attempts, 1);
                assert!((505..=1005).contains(&next_at_ms), "{next_at_ms}");
            }
            other => panic!("not pending: {other:?}"),
        }
        let e = settle(event(), answered(Some(301)), true, 10_000, p);
        assert_eq!(e.state.name(), "dead", "a redirect is a failure");
        let e = settle(event(), answered(None), false, 5, p);
        assert_eq!(e.state.name(), "dead", "no webhook, nowhere to send");
    }
}
