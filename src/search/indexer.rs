//! The indexer: one thread, the only owner of the `IndexWriter`, following
//! the store's changes feed.
//!
//! Every write to redb appends `Change::Business(id)` for each business
//! whose profile or numbers changed, in commit order, so following the feed
//! means: read the changes after the last applied `seq`, re-read each named
//! business from the same snapshot and upsert it (delete by id, add the
//! new document; a business that is gone is only deleted), then commit
//! with the new `seq` as payload. Upserts are idempotent, so replaying
//! changes after a crash is harmless.
//!
//! The thread wakes when poked (after a write) and otherwise polls every
//! [`POLL`]: a read of the last `seq` costs microseconds. Under a backlog it
//! commits every [`COMMIT_DOCS`] documents or [`COMMIT_INTERVAL`], whichever
//! comes first, so a search sees progress and a crash loses little.

use crate::store::prelude::*;
use std::collections::BTreeSet;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender, TryRecvError};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use tantivy::{IndexWriter, Term};

use super::{load_snapshot, schema, SearchError, SearchIndex};
use crate::model::Change;
use crate::store::Store;

/// How often the feed is checked when nobody pokes: well under the one
/// second within which a change must be searchable.
pub const POLL: Duration = Duration::from_millis(50);
/// Changes read per store snapshot.
const CHANGE_BATCH: usize = 2000;
/// Commit at least this often while working through a backlog.
const COMMIT_INTERVAL: Duration = Duration::from_millis(500);
const COMMIT_DOCS: usize = 50_000;
/// Pause after a failure before trying again (disk full, I/O error).
const RETRY: Duration = Duration::from_secs(1);
/// The writer's memory: a few thousand documents between commits need
/// little; tantivy refuses less than 15 MB per thread.
const WRITER_MEMORY: usize = 64 * 1024 * 1024;

/// During a rebuild, how many businesses between looks at the stop signal.
const STOP_CHECK_EVERY: u64 = 1000;

/// Whether the [`Indexer`] was dropped (its channel closed). A pending poke
/// is consumed, which is harmless: the caller is about to read the feed.
fn stop_requested(woken: &Receiver<()>) -> bool {
    matches!(woken.try_recv(), Err(TryRecvError::Disconnected))
}

/// The running indexer. Dropping it stops the thread and waits for it.
pub struct Indexer {
    wake: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Indexer {
    /// Takes the index's writer lock and starts following `store`.
    pub fn spawn(index: Arc<SearchIndex>, store: Arc<Store>) -> Result<Indexer, SearchError> {
        let writer = index.writer(1, WRITER_MEMORY)?;
        let (wake, woken) = mpsc::sync_channel(1);
        let thread = std::thread::Builder::new()
            .name("bizseal-indexer".into())
            .spawn(move || {
                let seq = index.found_seq;
                Follower {
                    index,
                    store,
                    writer,
                    committed: seq,
                }
                .run(&woken)
            })
            .map_err(|source| SearchError::Io {
                path: "bizseal-indexer thread".into(),
                source,
            })?;
        Ok(Indexer {
            wake: Some(wake),
            thread: Some(thread),
        })
    }

    /// Asks the indexer to look at the feed now rather than at its next poll.
    pub fn poke(&self) {
        if let Some(wake) = &self.wake {
            // A full channel means a wake-up is already pending.
            let _ = wake.try_send(());
        }
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        // Closing the channel is the stop signal.
        self.wake.take();
        if let Some(thread) = self.thread.take() {
            if thread.join().is_err() {
                tracing::error!("the search indexer thread panicked");
            }
        }
    }
}

enum Flow {
    Continue,
    Stop,
}

struct Follower {
    index: Arc<SearchIndex>,
    store: Arc<Store>,
    writer: IndexWriter,
    /// The `seq` of the last commit; `None` until the index was built once.
    committed: Option<u64>,
}

impl Follower {
    fn run(mut self, woken: &Receiver<()>) {
        loop {
            let step = match self.committed {
                None => self.rebuild(woken),
                Some(seq) => self.catch_up(seq, woken),
            };
            let pause = match step {
                Ok(Flow::Stop) => return,
                Err(SearchError::Stopped) => {
                    // Asked to stop mid-rebuild: nothing of it was committed.
                    let _ = self.writer.rollback();
                    return;
                }
                Ok(Flow::Continue) => POLL,
                Err(e) => {
                    tracing::warn!(error = %e, "search indexing failed; retrying from the last commit");
                    if let Err(e) = self.writer.rollback() {
                        tracing::error!(error = %e, "search index rollback failed");
                    }
                    RETRY
                }
            };
            match woken.recv_timeout(pause) {
                Ok(()) | Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
    }

    /// Builds the whole index from one redb snapshot. A stop request
    /// interrupts it (a million businesses take minutes).
    fn rebuild(&mut self, woken: &Receiver<()>) -> Result<Flow, SearchError> {
        let started = Instant::now();
        let reader = self.store.read()?;
        self.writer.delete_all_documents()?;
        let (fields, writer) = (self.index.fields, &self.writer);
        let mut count = 0u64;
        let seq = load_snapshot(&reader, &mut |_, _| {}, |b| {
            if count.is_multiple_of(STOP_CHECK_EVERY) && stop_requested(woken) {
                return Err(SearchError::Stopped);
            }
            writer.add_document(schema::document(&fields, b))?;
            count += 1;
            Ok(())
        })?;
        self.index.commit(&mut self.writer, seq)?;
        self.committed = Some(seq);
        tracing::info!(
            businesses = count,
            seq,
            seconds = started.elapsed().as_secs_f64(),
            "built the search index from the store"
        );
        Ok(Flow::Continue)
    }

    /// Applies every change after `from`, committing as it goes.
    fn catch_up(&mut self, from: u64, woken: &Receiver<()>) -> Result<Flow, SearchError> {
        let mut applied = from;
        let mut docs = 0usize;
        let mut since = Instant::now();
        loop {
            if stop_requested(woken) {
                self.commit_if_ahead(applied)?;
                return Ok(Flow::Stop);
            }
            let reader = self.store.read()?;
            if from == applied && reader.last_seq()? < from {
                // The store is older than the index (restored from a
                // backup, say): what the index holds cannot be trusted.
                tracing::warn!(
                    index = from,
                    "the search index is ahead of the store; rebuilding"
                );
                self.committed = None;
                return Ok(Flow::Continue);
            }
            let changes = reader.changes_after(applied, CHANGE_BATCH)?;
            let Some(&(last, _)) = changes.last() else {
                break;
            };
            let ids: BTreeSet<_> = changes
                .into_iter()
                .filter_map(|(_, c)| match c {
                    Change::Business(id) => Some(id),
                    _ => None,
                })
                .collect();
            for id in &ids {
                self.writer
                    .delete_term(Term::from_field_text(self.index.fields.id, id.as_str()));
                if let Some(b) = reader.business(id.as_str())?.filter(super::searchable) {
                    self.writer
                        .add_document(schema::document(&self.index.fields, &b))?;
                }
            }
            docs += ids.len();
            applied = last;
            if docs >= COMMIT_DOCS || since.elapsed() >= COMMIT_INTERVAL {
                self.commit_if_ahead(applied)?;
                docs = 0;
                since = Instant::now();
            }
        }
        self.commit_if_ahead(applied)?;
        Ok(Flow::Continue)
    }

    fn commit_if_ahead(&mut self, applied: u64) -> Result<(), SearchError> {
        if self.committed.is_some_and(|c| c >= applied) {
            return Ok(());
        }
        self.index.commit(&mut self.writer, applied)?;
        self.committed = Some(applied);
        Ok(())
    }
}
