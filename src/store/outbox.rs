//! The notification tables: businesses' webhooks, the outbox of events to
//! deliver (written in the transaction of the change that made them, so a
//! crash can neither lose an event nor leave one whose change did not
//! commit), and the public changes feed.
//!
//! The outbox is one queue per target (a business, or the reviewers),
//! delivered in order: only the oldest undelivered event of a target, its
//! *head*, is due at a time, and `OUTBOX_DUE` holds the heads by the time
//! of their next try, so the worker finds what is due with one range read
//! however long the queues behind them grow.

use redb::{ReadableTable, ReadableTableMetadata, TableDefinition, WriteTransaction};

use super::read::Tables;
use super::{decode, encode, get_record, StoreError, Writer};
use crate::model::{DeliveryState, FeedEntry, OutboxEvent, Webhook};

/// Business id → its webhook.
pub(super) const WEBHOOKS: TableDefinition<&str, &[u8]> = TableDefinition::new("webhooks");
/// Outbox sequence number → the event and its delivery.
pub(super) const OUTBOX: TableDefinition<u64, &[u8]> = TableDefinition::new("outbox");
/// (target, seq): every kept event of a target, for its delivery list.
pub(super) const OUTBOX_BY_TARGET: TableDefinition<(&str, u64), ()> =
    TableDefinition::new("outbox_by_target");
/// (target, seq): the undelivered events of a target, oldest first.
pub(super) const OUTBOX_PENDING: TableDefinition<(&str, u64), ()> =
    TableDefinition::new("outbox_pending");
/// (next try in ms, seq) → target: the head of each target's queue.
pub(super) const OUTBOX_DUE: TableDefinition<(i64, u64), &str> = TableDefinition::new("outbox_due");
/// Feed sequence number → a public change.
pub(super) const FEED: TableDefinition<u64, &[u8]> = TableDefinition::new("feed");

/// Creates the notification tables (run at every open: new tables need no
/// schema step).
pub(super) fn create_tables(tx: &WriteTransaction) -> Result<(), StoreError> {
    tx.open_table(WEBHOOKS)?;
    tx.open_table(OUTBOX)?;
    tx.open_table(OUTBOX_BY_TARGET)?;
    tx.open_table(OUTBOX_PENDING)?;
    tx.open_table(OUTBOX_DUE)?;
    tx.open_table(FEED)?;
    Ok(())
}

/// The reads of the notification tables, for a snapshot and a write alike.
pub trait OutboxReads: Tables {
    /// A business's webhook.
    fn webhook(&self, business: &str) -> Result<Option<Webhook>, StoreError> {
        get_record(&self.table(WEBHOOKS)?, business)
    }

    /// One outbox event.
    fn outbox_event(&self, seq: u64) -> Result<Option<OutboxEvent>, StoreError> {
        get_record(&self.table(OUTBOX)?, seq)
    }

    /// Up to `limit` queue heads due at `now_ms`, soonest first, as
    /// (next try, seq).
    fn due_events(&self, now_ms: i64, limit: usize) -> Result<Vec<(i64, u64)>, StoreError> {
        let table = self.table(OUTBOX_DUE)?;
        let mut out = Vec::new();
        for row in table
            .range::<(i64, u64)>(..=(now_ms, u64::MAX))?
            .take(limit)
        {
            out.push(row?.0.value());
        }
        Ok(out)
    }

    /// When the next queue head is due, in ms, if any event waits.
    fn next_due_ms(&self) -> Result<Option<i64>, StoreError> {
        Ok(self.table(OUTBOX_DUE)?.first()?.map(|(k, _)| k.value().0))
    }

    /// A target's events, newest first, before `before` (a seq).
    fn deliveries_of(
        &self,
        target: &str,
        before: Option<u64>,
        limit: usize,
    ) -> Result<Vec<(u64, OutboxEvent)>, StoreError> {
        let index = self.table(OUTBOX_BY_TARGET)?;
        let events = self.table(OUTBOX)?;
        let end = before.unwrap_or(u64::MAX);
        let mut out = Vec::new();
        for row in index
            .range::<(&str, u64)>((target, 0)..(target, end))?
            .rev()
            .take(limit)
        {
            let seq = row?.0.value().1;
            if let Some(v) = events.get(seq)? {
                out.push((seq, decode(v.value())?));
            }
        }
        Ok(out)
    }

    /// How many events wait to be delivered, over every target.
    fn outbox_pending(&self) -> Result<u64, StoreError> {
        Ok(self.table(OUTBOX_PENDING)?.len()?)
    }

    /// Up to `limit` public changes after `after`, in order.
    fn feed_after(&self, after: u64, limit: usize) -> Result<Vec<(u64, FeedEntry)>, StoreError> {
        let table = self.table(FEED)?;
        let mut out = Vec::with_capacity(limit.min(1024));
        let start = after.saturating_add(1);
        for row in table.range::<u64>(start..)?.take(limit) {
            let (k, v) = row?;
            out.push((k.value(), decode(v.value())?));
        }
        Ok(out)
    }

    /// The last public change's sequence number (0: none yet).
    fn feed_last(&self) -> Result<u64, StoreError> {
        Ok(self.table(FEED)?.last()?.map_or(0, |(k, _)| k.value()))
    }
}

impl<T: Tables> OutboxReads for T {}

impl Writer {
    /// Sets a business's webhook.
    pub fn put_webhook(&mut self, business: &str, hook: &Webhook) -> Result<(), StoreError> {
        self.tx
            .open_table(WEBHOOKS)?
            .insert(business, encode(hook)?.as_slice())?;
        Ok(())
    }

    /// Removes a business's webhook; its undelivered events die at their
    /// next try (there is nowhere to send them).
    pub fn remove_webhook(&mut self, business: &str) -> Result<bool, StoreError> {
        Ok(self.tx.open_table(WEBHOOKS)?.remove(business)?.is_some())
    }

    /// Appends an event to its target's queue; returns its sequence
    /// number. It is due at once if nothing of its target waits before it.
    pub fn enqueue(&mut self, event: &OutboxEvent) -> Result<u64, StoreError> {
        let target = event.target.key();
        let mut outbox = self.tx.open_table(OUTBOX)?;
        let seq = outbox.last()?.map_or(0, |(k, _)| k.value()) + 1;
        outbox.insert(seq, encode(event)?.as_slice())?;
        drop(outbox);
        self.tx
            .open_table(OUTBOX_BY_TARGET)?
            .insert((target, seq), ())?;
        let mut pending = self.tx.open_table(OUTBOX_PENDING)?;
        let is_head = pending
            .range::<(&str, u64)>((target, 0)..=(target, u64::MAX))?
            .next()
            .is_none();
        pending.insert((target, seq), ())?;
        drop(pending);
        if let (true, DeliveryState::Pending { next_at_ms, .. }) = (is_head, &event.state) {
            self.tx
                .open_table(OUTBOX_DUE)?
                .insert((*next_at_ms, seq), target)?;
        }
        Ok(seq)
    }

    /// Stores how a try at the head `seq` (due at `was_due_ms`) went: a
    /// retry moves it in the due index; a delivery or a death takes it out
    /// of its queue and makes the next event of its target due at `now_ms`.
    pub fn record_attempt(
        &mut self,
        seq: u64,
        was_due_ms: i64,
        event: &OutboxEvent,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let target = event.target.key();
        self.tx
            .open_table(OUTBOX)?
            .insert(seq, encode(event)?.as_slice())?;
        let mut due = self.tx.open_table(OUTBOX_DUE)?;
        due.remove((was_due_ms, seq))?;
        if let DeliveryState::Pending { next_at_ms, .. } = event.state {
            due.insert((next_at_ms, seq), target)?;
            return Ok(());
        }
        let mut pending = self.tx.open_table(OUTBOX_PENDING)?;
        pending.remove((target, seq))?;
        let next = pending
            .range::<(&str, u64)>((target, 0)..=(target, u64::MAX))?
            .next()
            .transpose()?
            .map(|(k, _)| k.value().1);
        if let Some(next) = next {
            due.insert((now_ms, next), target)?;
        }
        Ok(())
    }

    /// Puts a copy of an event at the end of its target's queue (a replay
    /// the business asked for).
    pub fn replay(&mut self, event: &OutboxEvent) -> Result<u64, StoreError> {
        self.enqueue(event)
    }

    /// Drops up to `limit` of the oldest settled events made before
    /// `before_ms`; stops at the first that is newer or still waits.
    /// Returns how many it dropped.
    pub fn prune_outbox(&mut self, before_ms: i64, limit: usize) -> Result<usize, StoreError> {
        let mut outbox = self.tx.open_table(OUTBOX)?;
        let mut gone = Vec::new();
        for row in outbox.iter()?.take(limit) {
            let (k, v) = row?;
            let event: OutboxEvent = decode(v.value())?;
            if event.created_ms >= before_ms {
                break;
            }
            // A business's queue still being worked through holds only its
            // own rows back, not everyone's.
            if matches!(event.state, DeliveryState::Pending { .. }) {
                continue;
            }
            gone.push((k.value(), event.target));
        }
        let mut index = self.tx.open_table(OUTBOX_BY_TARGET)?;
        for (seq, target) in &gone {
            outbox.remove(*seq)?;
            index.remove((target.key(), *seq))?;
        }
        Ok(gone.len())
    }

    /// Appends a public change; returns its sequence number.
    pub fn append_feed(&mut self, entry: &FeedEntry) -> Result<u64, StoreError> {
        let mut feed = self.tx.open_table(FEED)?;
        let seq = feed.last()?.map_or(0, |(k, _)| k.value()) + 1;
        feed.insert(seq, encode(entry)?.as_slice())?;
        Ok(seq)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BusinessId, Target};
    use crate::store::Store;

    fn event(target: &Target, at: i64) -> OutboxEvent {
        OutboxEvent {
            target: target.clone(),
            msg_id: format!("msg_{at}"),
            event_type: "business.approved".into(),
            payload: "{}".into(),
            created_ms: at,
            state: DeliveryState::Pending {
                attempts: 0,
                next_at_ms: at,
            },
            last: None,
            replay_of: None,
        }
    }

    #[test]
    fn only_the_head_of_each_target_is_due_and_the_next_follows_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let a = Target::Business(BusinessId::generate());
        let b = Target::Reviewers;
        store
            .write(|w| {
                for (t, at) in [(&a, 1), (&a, 2), (&b, 3), (&a, 4)] {
                    w.enqueue(&event(t, at))?;
                }
                Ok::<_, StoreError>(())
            })
            .unwrap();
        let r = store.read().unwrap();
        // a's first (seq 1) and b's only (seq 3): one head per target.
        assert_eq!(r.due_events(10, 10).unwrap(), [(1, 1), (3, 3)]);
        assert_eq!(r.outbox_pending().unwrap(), 4);
        drop(r);

        // A failed try moves the head later; nothing behind it is due.
        let mut head = store.read().unwrap().outbox_event(1).unwrap().unwrap();
        head.state = DeliveryState::Pending {
            attempts: 1,
            next_at_ms: 50,
        };
        store.write(|w| w.record_attempt(1, 1, &head, 10)).unwrap();
        assert_eq!(store.read().unwrap().due_events(10, 10).unwrap(), [(3, 3)]);

        // Delivered: a's next event (seq 2) is due at once.
        head.state = DeliveryState::Delivered {
            attempts: 2,
            at_ms: 60,
        };
        store.write(|w| w.record_attempt(1, 50, &head, 60)).unwrap();
        let r = store.read().unwrap();
        assert_eq!(r.due_events(60, 10).unwrap(), [(3, 3), (60, 2)]);
        assert_eq!(r.outbox_pending().unwrap(), 3);
        let listed: Vec<u64> = r
            .deliveries_of(a.key(), None, 10)
            .unwrap()
            .into_iter()
            .map(|(seq, _)| seq)
            .collect();
        assert_eq!(listed, [4, 2, 1], "newest first");
    }

    #[test]
    fn pruning_takes_old_settled_events_past_one_still_pending() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let stuck = Target::Business(BusinessId::generate());
        let other = Target::Business(BusinessId::generate());
        let settled = |t: &Target, at| OutboxEvent {
            state: DeliveryState::Delivered {
                attempts: 1,
                at_ms: at,
            },
            ..event(t, at)
        };
        store
            .write(|w| {
                w.enqueue(&event(&stuck, 1))?; // still pending: kept
                w.enqueue(&settled(&other, 2))?; // old and settled: pruned
                w.enqueue(&settled(&other, 3))?; // old and settled: pruned
                w.enqueue(&settled(&other, 100))?; // too young: kept
                Ok::<_, StoreError>(())
            })
            .unwrap();
        let pruned = store.write(|w| w.prune_outbox(50, 100)).unwrap();
        assert_eq!(pruned, 2);
        let r = store.read().unwrap();
        assert!(r.outbox_event(1).unwrap().is_some());
        assert!(r.outbox_event(2).unwrap().is_none());
        assert!(r.outbox_event(3).unwrap().is_none());
        assert!(r.outbox_event(4).unwrap().is_some());
        assert_eq!(r.deliveries_of(other.key(), None, 10).unwrap().len(), 1);
    }

    #[test]
    fn the_feed_pages_after_a_sequence_number() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let entry = |at| FeedEntry {
            kind: "badge.granted".into(),
            business: BusinessId::generate(),
            number: Some("+31206499123".into()),
            jti: Some(format!("J{at}")),
            reason: None,
            at,
        };
        store
            .write(|w| {
                for at in 1..=5 {
                    w.append_feed(&entry(at))?;
                }
                Ok::<_, StoreError>(())
            })
            .unwrap();
        let r = store.read().unwrap();
        let page: Vec<u64> = r
            .feed_after(2, 2)
            .unwrap()
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(page, [3, 4]);
        assert_eq!(r.feed_after(5, 10).unwrap().len(), 0);
        assert_eq!(r.feed_last().unwrap(), 5);
    }
}
