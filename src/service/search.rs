//! The search workflow: start and stop the indexer, answer a search, and
//! rebuild the index.
//!
//! The index only finds candidates. Every hit is re-read from redb before
//! it is returned, so its status and its numbers' statuses are the ones of
//! now: a business suspended or a number revoked a moment ago is never
//! shown as verified, whatever the index still says.

use crate::store::prelude::*;
use std::sync::{Arc, Mutex, MutexGuard};

use serde::Serialize;

use super::{NumberView, Service, ServiceError};
use crate::model::{BusinessId, BusinessStatus};
use crate::search::{self, Indexer, RebuildReport, SearchError, SearchIndex, SearchQuery};

/// The search engine while it runs: the index searches read, and the
/// indexer thread that writes it.
#[derive(Default)]
pub(super) struct SearchSlot(Mutex<Option<Running>>);

struct Running {
    index: Arc<SearchIndex>,
    // Dropped (stopped and joined) when search stops.
    indexer: Indexer,
}

impl SearchSlot {
    fn lock(&self) -> MutexGuard<'_, Option<Running>> {
        // A panic while the lock was held leaves a whole Option behind.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// One page of search results.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SearchAnswer {
    pub total: u64,
    pub hits: Vec<SearchHit>,
}

/// A business found, with its numbers as they stand now.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SearchHit {
    pub business: SearchBusiness,
    pub numbers: Vec<NumberView>,
    pub score: f32,
}

/// The part of a profile a search result shows.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SearchBusiness {
    pub id: BusinessId,
    pub display_name: String,
    /// The language tag `display_name` is in.
    pub display_lang: String,
    pub legal_name: String,
    pub category: String,
    pub country: String,
    pub city: String,
    pub status: BusinessStatus,
    pub website: Option<String>,
}

impl Service {
    /// Opens `<data_dir>/index` and starts the indexer thread; it catches up
    /// with the store (or builds the index) in the background. Does nothing
    /// if search already runs.
    pub fn start_search(&self) -> Result<(), ServiceError> {
        let mut slot = self.search.lock();
        if slot.is_some() {
            return Ok(());
        }
        let index = Arc::new(SearchIndex::open(&search::index_dir(
            &self.config.data_dir,
        ))?);
        let indexer = Indexer::spawn(Arc::clone(&index), Arc::clone(&self.store))?;
        *slot = Some(Running { index, indexer });
        Ok(())
    }

    /// Stops the indexer and waits for it; searches answer "unavailable"
    /// until [`Service::start_search`] runs again.
    pub fn stop_search(&self) {
        let running = self.search.lock().take();
        drop(running);
    }

    /// The running index, for callers that wait on its `seq`.
    pub fn search_index(&self) -> Option<Arc<SearchIndex>> {
        self.search.lock().as_ref().map(|r| Arc::clone(&r.index))
    }

    /// Tells the indexer that the store changed, so it need not wait for
    /// its next poll.
    pub fn poke_indexer(&self) {
        if let Some(r) = self.search.lock().as_ref() {
            r.indexer.poke();
        }
    }

    /// Searches, then re-reads every hit from redb. `langs` picks the
    /// display names.
    pub fn search(
        &self,
        query: &SearchQuery,
        langs: &[String],
    ) -> Result<SearchAnswer, ServiceError> {
        let index = self.search_index().ok_or(SearchError::NotRunning)?;
        let page = index.search(query)?;
        let r = self.store.read()?;
        let mut hits = Vec::with_capacity(page.hits.len());
        for hit in page.hits {
            let Some(b) = r.business(&hit.id)? else {
                continue; // deleted since it was indexed
            };
            // Only a business that passed review is public, whatever an
            // older index holds.
            if !super::lookup::is_public(&r, &b)? {
                continue;
            }
            let verified = b.status == BusinessStatus::Verified;
            if query.verified.is_some_and(|want| want != verified) {
                continue; // its status changed since it was indexed
            }
            let numbers = super::lookup::number_views(&r, &b)?;
            let (name, lang) = b.display_name_tagged(langs);
            let (display_name, display_lang) = (name.to_owned(), lang.to_owned());
            hits.push(SearchHit {
                business: SearchBusiness {
                    display_name,
                    display_lang,
                    id: b.id,
                    legal_name: b.legal_name,
                    category: b.category,
                    country: b.country,
                    city: b.city,
                    status: b.status,
                    website: b.website,
                },
                numbers,
                score: hit.score,
            });
        }
        Ok(SearchAnswer {
            total: page.total,
            hits,
        })
    }

    /// Rebuilds the index from the store with `threads` indexing threads.
    /// Refused while this service's own indexer runs (it holds the writer).
    pub fn reindex(
        &self,
        threads: usize,
        progress: impl FnMut(u64, u64),
    ) -> Result<RebuildReport, ServiceError> {
        if self.search.lock().is_some() {
            return Err(ServiceError::SearchRunning);
        }
        let reader = self.store.read()?;
        Ok(search::rebuild(
            &self.config.data_dir,
            &reader,
            threads,
            progress,
        )?)
    }
}
