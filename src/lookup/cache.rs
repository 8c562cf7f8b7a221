//! The stored answers as a cache kept in step with the records: refreshed
//! in every write that touches what they show, read in place by lookups,
//! and made again for every number when the read model's version changes.
//!
//! The rows live in the store's `answers` table; this module decides what
//! goes in them ([`render`], packed by `lookup::packed`), writes them in
//! key order and reads them back.

use std::sync::atomic::{AtomicBool, Ordering};

use super::stored::{render, StoredAnswer, StoredAnswerRef, RENDER_VERSION};
use crate::phone::E164;
use crate::store::prelude::*;
use crate::store::{self, answer_key, Reader, Store, StoreError, Writer};

/// Makes the stored answer of a number from what a write transaction
/// holds (`None`: the number has no answer worth storing).
pub type Render = fn(&Writer, &E164, i64) -> Result<Option<StoredAnswer>, StoreError>;

/// Numbers per write transaction when every answer is made again.
const BATCH: usize = 1000;

/// Makes again (or drops) the stored answer of every number the write
/// touched so far. The service's writes call it last, before commit, so it
/// sees every write of the transaction.
pub fn refresh(w: &mut Writer) -> Result<(), StoreError> {
    refresh_with(w, render)
}

/// [`refresh`] with another [`Render`] (tests).
pub fn refresh_with(w: &mut Writer, render: Render) -> Result<(), StoreError> {
    let numbers = w.touched_numbers()?;
    write_in_key_order(w, &numbers, render)
}

/// Makes the answers of `numbers` (ascending, distinct) and writes them in
/// key order; a number with no key (not E.164 text) keeps no answer.
fn write_in_key_order(
    w: &mut Writer,
    numbers: &[String],
    render: Render,
) -> Result<(), StoreError> {
    let at = crate::model::now();
    let mut rows = Vec::with_capacity(numbers.len());
    for n in numbers {
        if let Some(key) = answer_key(n) {
            rows.push((key, encoded(w, E164::stored(n), at, render)?));
        }
    }
    w.put_answer_rows(rows)
}

/// The stored answer of `e164` as `render` makes it now, encoded.
fn encoded(
    w: &Writer,
    e164: &E164,
    at: i64,
    render: Render,
) -> Result<Option<Vec<u8>>, StoreError> {
    match render(w, e164, at) {
        Ok(Some(answer)) => Ok(Some(store::encode(&answer)?)),
        Ok(None) => Ok(None),
        // The write cannot commit anyway.
        Err(e @ StoreError::Unavailable(_)) => Err(e),
        // A record that cannot be read must not block the write: the
        // number is answered the slow way, which reports the same error
        // to that lookup only.
        Err(e) => {
            tracing::warn!(error = %e, "a stored answer could not be made; dropped");
            Ok(None)
        }
    }
}

/// What `f` makes of the stored answer of `e164`, read in place (the
/// lookup's hot path: the body is unpacked, the rest borrowed).
pub fn read<T>(
    r: &Reader,
    e164: &E164,
    f: impl FnOnce(StoredAnswerRef<'_>) -> T,
) -> Result<Option<T>, StoreError> {
    let read = r.with_answer_row(e164, |bytes| {
        match store::decode_borrowed::<StoredAnswerRef>(bytes) {
            Ok(answer) => Some(f(answer)),
            // A row this build cannot read (damaged, or packed in a form
            // it does not know) is not served, and costs no error: the
            // records it was made from are the truth, and the lookup
            // builds the answer from them.
            Err(e) => {
                unreadable(&e);
                None
            }
        }
    })?;
    Ok(read.flatten())
}

/// The stored answer of `e164`, if there is one.
pub fn stored_answer(r: &Reader, e164: &E164) -> Result<Option<StoredAnswer>, StoreError> {
    r.with_answer_row(e164, store::decode::<StoredAnswer>)?
        .transpose()
}

/// Whether every stored answer is this build's.
pub fn is_current(store: &Store) -> Result<bool, StoreError> {
    Ok(store.answers_version()? == Some(RENDER_VERSION))
}

/// When the stored answers are not this build's (a directory from before
/// stored answers, from another version, or with rows an older build left
/// behind), drops them all, so that lookups build answers until
/// [`render_all`] has made them again; returns whether it did.
pub fn start_over(store: &Store) -> Result<bool, StoreError> {
    if is_current(store)? {
        return Ok(false);
    }
    store.clear_answers()?;
    Ok(true)
}

/// Records that every stored answer is this build's, without a pass over
/// them: for a caller that knows it (an import into an empty directory
/// made each answer as it committed).
pub fn mark_current(store: &Store) -> Result<(), StoreError> {
    mark_current_with(store, RENDER_VERSION)
}

fn mark_current_with(store: &Store, version: u32) -> Result<(), StoreError> {
    store.write(|w| w.set_answers_version(Some(version)))
}

/// Makes the answer of every listed number, in batches of one write
/// transaction each (the service's writes go on between them), then
/// records this build's version. Stops early, recording nothing, when
/// `stop` is set: the next start begins again. Returns how many numbers
/// it went through.
pub fn render_all(store: &Store, stop: &AtomicBool) -> Result<u64, StoreError> {
    render_all_with(store, stop, render, RENDER_VERSION)
}

fn render_all_with(
    store: &Store,
    stop: &AtomicBool,
    render: Render,
    version: u32,
) -> Result<u64, StoreError> {
    let mut after = String::new();
    let mut done = 0u64;
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(done);
        }
        let batch = store.read()?.numbers_after(&after, BATCH)?;
        let Some(last) = batch.last().cloned() else {
            break;
        };
        store.write(|w| write_in_key_order(w, &batch, render))?;
        done += batch.len() as u64;
        after = last;
    }
    mark_current_with(store, version)?;
    Ok(done)
}

/// Warns, once a process, of a stored answer this build cannot read (a
/// damaged table would otherwise log one line a lookup).
fn unreadable(e: &StoreError) {
    static WARNED: AtomicBool = AtomicBool::new(false);
    if !WARNED.swap(true, Ordering::Relaxed) {
        tracing::warn!(error = %e, "a stored answer does not decode; lookups build it from the records (warned once)");
    }
}

#[cfg(test)]
#[path = "cache_tests.rs"]
mod tests;
