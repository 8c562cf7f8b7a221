//! The read model's work at a server's start, done in the background so
//! that the server answers at once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::store::{Learned, Store};

/// The work a start does in the background, so that the server answers at
/// once: it fills the filter of known numbers (`Store::learn_known_numbers`,
/// from the copy a graceful stop or an import saved, else from the tables;
/// until then lookups of unlisted numbers read the tables), then, after an
/// upgrade, makes every stored answer again (a directory from before stored
/// answers, or from another version: linear in the numbers, so minutes at a
/// million and hours at a hundred million; BENCHMARKS.md has the figures)
/// while lookups build the answers that are not back yet. Dropping it stops
/// the work and waits for it; the next start begins again.
pub struct Background {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Background {
    /// No background work.
    pub fn none() -> Background {
        Background {
            stop: Arc::new(AtomicBool::new(false)),
            thread: None,
        }
    }

    pub fn start(store: Arc<Store>, render_all: bool) -> Background {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("start-background".into())
            .spawn(move || {
                let started = std::time::Instant::now();
                match store.learn_known_numbers(&stopped) {
                    Ok(Some(Learned::Copy { bytes })) => tracing::info!(
                        bytes,
                        seconds = started.elapsed().as_secs_f64(),
                        "learned the known numbers from their saved filter"
                    ),
                    Ok(Some(Learned::Tables { keys })) => tracing::info!(
                        keys,
                        seconds = started.elapsed().as_secs_f64(),
                        "learned the known numbers from the tables"
                    ),
                    Ok(None) => return,
                    Err(e) => tracing::warn!(
                        error = %e,
                        "learning the known numbers failed; lookups of unlisted numbers read the tables"
                    ),
                }
                if render_all {
                    render_answers(&store, &stopped);
                }
            });
        match thread {
            Ok(thread) => Background {
                stop,
                thread: Some(thread),
            },
            Err(e) => {
                tracing::warn!(error = %e, "cannot start the background work; lookups read the tables and build answers");
                Background::none()
            }
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Renders every stored answer again (see [`Background`]).
fn render_answers(store: &Store, stopped: &AtomicBool) {
    let started = std::time::Instant::now();
    match super::cache::render_all(store, stopped) {
        // Stopped, or a new directory with nothing to render.
        Ok(0) => {}
        Ok(_) if stopped.load(Ordering::Relaxed) => {}
        Ok(numbers) => tracing::info!(
            numbers,
            seconds = started.elapsed().as_secs_f64(),
            "rendered every stored answer again"
        ),
        Err(e) => tracing::warn!(
            error = %e,
            "rendering the stored answers failed; lookups build them, the next start tries again"
        ),
    }
}
