//! Search: the tantivy index of business profiles, the one place that
//! knows tantivy.
//!
//! **The index is derived.** redb is the source of truth; the index is a
//! projection of the `businesses` table that can be deleted at any time.
//! One [`Indexer`] thread owns the only `IndexWriter`: it follows the
//! store's changes feed in `seq` order and commits with the last applied
//! `seq` as the commit payload, so after a crash (everything since the last
//! commit is lost) it resumes from that `seq`. An index without a payload,
//! of another schema version, or ahead of the store is rebuilt from a redb
//! snapshot. Handlers never write; they get a fresh `Searcher` per request
//! from the one `IndexReader`, which the indexer reloads after each commit
//! before it publishes the new `seq` ([`SearchIndex::indexed_seq`]), so
//! whoever waits for a `seq` then sees it in search.
//!
//! - `analyzer`: folding and word splitting, shared by index and queries.
//! - `schema`: fields, and how a business becomes a document.
//! - `query`: parsing user text, building queries, ranking tiers.
//! - `expand`: completions and typo variants of a typed word, as index terms.
//! - `indexer`: the thread that follows the changes feed.

mod analyzer;
mod expand;
mod indexer;
mod query;
mod schema;

use crate::store::prelude::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::directory::error::LockError;
use tantivy::directory::MmapDirectory;
use tantivy::query::AllQuery;
use tantivy::schema::Value;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{
    Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError,
};
use tokio::sync::watch;

pub use indexer::Indexer;
pub use query::{Hit, SearchPage, SearchQuery, MAX_LIMIT, MAX_OFFSET, MAX_QUERY_CHARS, MAX_WORDS};

use crate::model::Business;
use crate::store::{Reader, StoreError};
use analyzer::{Analyzer, ANALYZER};
use schema::{Fields, SCHEMA_VERSION};

/// Businesses read from redb per page during a rebuild.
const REBUILD_PAGE: usize = 1000;

/// What went wrong in search.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search is not running")]
    NotRunning,
    #[error("search is stopping")]
    Stopped,
    #[error("the search index {0} is in use by another process (is a bizseal running?)")]
    Locked(PathBuf),
    #[error("the search index failed: {0}")]
    Index(String),
    #[error("cannot use {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<TantivyError> for SearchError {
    fn from(e: TantivyError) -> Self {
        SearchError::Index(e.to_string())
    }
}

impl From<tantivy::directory::error::OpenDirectoryError> for SearchError {
    fn from(e: tantivy::directory::error::OpenDirectoryError) -> Self {
        SearchError::Index(e.to_string())
    }
}

/// What a commit records: the schema it was written with and the last
/// applied change.
#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    schema: u32,
    seq: u64,
}

/// The index folder inside a data dir.
pub fn index_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("index")
}

/// An open index: the reader searches use, and what the indexer has
/// committed.
pub struct SearchIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// The `seq` of the newest commit that searches can see.
    indexed: watch::Sender<u64>,
    /// The `seq` in the payload found on open; `None` when the index must
    /// be built from scratch.
    found_seq: Option<u64>,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (empty) if there is none, and
    /// starting over if it was written with another schema.
    pub fn open(dir: &Path) -> Result<SearchIndex, SearchError> {
        let io = |source| SearchError::Io {
            path: dir.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(io)?;
        let (schema, fields) = schema::build();
        let directory = MmapDirectory::open(dir)?;
        let mut found_seq = None;
        let existing = if Index::exists(&directory)
            .map_err(|e| SearchError::Index(e.to_string()))?
        {
            let index = Index::open(directory)?;
            let payload = read_payload(&index)?;
            match payload {
                Some(p) if p.schema == SCHEMA_VERSION && index.schema() == schema => {
                    found_seq = Some(p.seq);
                    Some(index)
                }
                None if index.schema() == schema => Some(index),
                _ => {
                    tracing::info!(dir = %dir.display(), "search index has another schema; rebuilding");
                    None
                }
            }
        } else {
            None
        };
        let index = match existing {
            Some(index) => index,
            None => {
                fs::remove_dir_all(dir).map_err(io)?;
                fs::create_dir_all(dir).map_err(io)?;
                Index::create(MmapDirectory::open(dir)?, schema, IndexSettings::default())?
            }
        };
        // Tokenizers are not stored with an index: register on every open.
        index
            .tokenizers()
            .register(ANALYZER, TextAnalyzer::from(Analyzer));
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let (indexed, _) = watch::channel(found_seq.unwrap_or(0));
        Ok(SearchIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            indexed,
            found_seq,
        })
    }

    /// The `seq` of the newest change that searches reflect.
    pub fn indexed_seq(&self) -> u64 {
        *self.indexed.borrow()
    }

    /// Follows [`Self::indexed_seq`]: resolves when it changes.
    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.indexed.subscribe()
    }

    /// One page of hits. Blocks: call it off the async workers.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchPage, SearchError> {
        let searcher = self.reader.searcher();
        Ok(query::run(&searcher, &self.fields, q)?)
    }

    /// Every indexed business: id → fingerprint of the indexed content.
    /// Reads the whole index; meant for checks and tests.
    pub fn contents(&self) -> Result<BTreeMap<String, u64>, SearchError> {
        let searcher = self.reader.searcher();
        let mut out = BTreeMap::new();
        for address in searcher.search(&AllQuery, &DocSetCollector)? {
            let doc: TantivyDocument = searcher.doc(address)?;
            let id = doc.get_first(self.fields.id).and_then(|v| v.as_str());
            let print = doc
                .get_first(self.fields.fingerprint)
                .and_then(|v| v.as_u64());
            if let (Some(id), Some(print)) = (id, print) {
                if out.insert(id.to_owned(), print).is_some() {
                    return Err(SearchError::Index(format!(
                        "business {id} is indexed twice"
                    )));
                }
            }
        }
        Ok(out)
    }

    /// Starts a bulk load: for rebuilds, benchmarks and tests, never while
    /// an [`Indexer`] runs on the same folder (the writer lock refuses).
    pub fn bulk_load(
        &self,
        threads: usize,
        memory_bytes: usize,
    ) -> Result<BulkLoad<'_>, SearchError> {
        let writer = self.writer(threads, memory_bytes)?;
        writer.delete_all_documents()?;
        Ok(BulkLoad {
            index: self,
            writer,
            count: 0,
        })
    }

    fn writer(&self, threads: usize, memory_bytes: usize) -> Result<IndexWriter, SearchError> {
        self.index
            .writer_with_num_threads(threads.max(1), memory_bytes)
            .map_err(|e| match e {
                TantivyError::LockFailure(LockError::LockBusy, _) => {
                    SearchError::Locked(self.dir.clone())
                }
                other => other.into(),
            })
    }

    /// Commits everything written so far with `seq` as the payload, makes
    /// it visible to searches, then publishes `seq`.
    fn commit(&self, writer: &mut IndexWriter, seq: u64) -> Result<(), SearchError> {
        let payload = serde_json::to_string(&Payload {
            schema: SCHEMA_VERSION,
            seq,
        })
        .map_err(|e| SearchError::Index(e.to_string()))?;
        // A plain `commit()` would clear the payload: always go through
        // prepare_commit + set_payload.
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        self.reader.reload()?;
        self.indexed.send_replace(seq);
        Ok(())
    }
}

fn read_payload(index: &Index) -> Result<Option<Payload>, SearchError> {
    let metas = index.load_metas()?;
    Ok(metas
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str::<Payload>(p).ok()))
}

/// A bulk load in progress; nothing is visible until [`BulkLoad::commit`].
pub struct BulkLoad<'a> {
    index: &'a SearchIndex,
    writer: IndexWriter,
    count: u64,
}

impl BulkLoad<'_> {
    /// Adds a business (the index was emptied when the load began).
    pub fn add(&mut self, business: &Business) -> Result<(), SearchError> {
        self.writer
            .add_document(schema::document(&self.index.fields, business))?;
        self.count += 1;
        Ok(())
    }

    /// Commits with `seq` as the last applied change, waits for segment
    /// merges, and returns how many businesses were loaded.
    pub fn commit(mut self, seq: u64) -> Result<u64, SearchError> {
        self.index.commit(&mut self.writer, seq)?;
        self.writer.wait_merging_threads()?;
        self.index.reader.reload()?;
        Ok(self.count)
    }
}

/// The figures of a rebuild.
#[derive(Debug, Clone, Copy)]
pub struct RebuildReport {
    pub businesses: u64,
    pub seq: u64,
    pub seconds: f64,
}

/// Rebuilds the index of `data_dir` from one redb snapshot. The new index
/// is written beside the old one and swapped in at the end, so a rebuild
/// that dies leaves the old index as it was. `progress` is told how many
/// businesses are done out of how many.
pub fn rebuild(
    data_dir: &Path,
    reader: &Reader,
    threads: usize,
    mut progress: impl FnMut(u64, u64),
) -> Result<RebuildReport, SearchError> {
    let started = Instant::now();
    let dir = index_dir(data_dir);
    let staging = data_dir.join("index.rebuild");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| SearchError::Io { path, source }
    };
    if staging.exists() {
        fs::remove_dir_all(&staging).map_err(io(&staging))?;
    }
    let (businesses, seq) = {
        let index = SearchIndex::open(&staging)?;
        let mut load = index.bulk_load(threads, 64 * 1024 * 1024 * threads.max(1))?;
        let seq = load_snapshot(reader, &mut progress, |b| load.add(b))?;
        (load.commit(seq)?, seq)
    };
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(io(&dir))?;
    }
    fs::rename(&staging, &dir).map_err(io(&dir))?;
    Ok(RebuildReport {
        businesses,
        seq,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Feeds every business of a snapshot to `add`, in id order, and returns
/// the snapshot's last `seq`: the index then reflects exactly that `seq`.
fn load_snapshot(
    reader: &Reader,
    progress: &mut impl FnMut(u64, u64),
    mut add: impl FnMut(&Business) -> Result<(), SearchError>,
) -> Result<u64, SearchError> {
    let seq = reader.last_seq()?;
    let total = reader.business_count()?;
    let mut done = 0;
    let mut after = String::new();
    loop {
        let page = reader.businesses_after(&after, REBUILD_PAGE)?;
        let Some(last) = page.last() else { break };
        after = last.id.as_str().to_owned();
        for b in page.iter().filter(|b| searchable(b)) {
            add(b)?;
        }
        done += page.len() as u64;
        progress(done, total);
    }
    Ok(seq)
}

/// Whether a business belongs in the index: only one that passed review
/// (a suspended one stays, shown with its warning). Search answers check
/// again against the store, so this keeps the counts right, not the truth.
pub fn searchable(b: &Business) -> bool {
    b.status != crate::model::BusinessStatus::Registered
}

/// The fingerprint the index holds for a business when it is up to date.
pub fn fingerprint(business: &Business) -> u64 {
    schema::fingerprint(business)
}

#[cfg(test)]
mod tests {
    //! Ranking rules, end to end through a real index.

    use std::collections::BTreeMap;

    use super::{SearchError, SearchIndex, SearchQuery};
    use crate::model::{Business, BusinessId, BusinessStatus};

    fn business(name: &str, country: &str, verified: bool, number: &str) -> Business {
        Business {
            id: BusinessId::generate(),
            legal_name: format!("{name} S.A."),
            names: BTreeMap::from([("es".to_owned(), name.to_owned())]),
            default_lang: "es".into(),
            category: "bank".into(),
            country: country.into(),
            city: "Madrid".into(),
            website: None,
            description: BTreeMap::new(),
            logo_url: None,
            logo: Default::default(),
            status: if verified {
                BusinessStatus::Verified
            } else {
                BusinessStatus::Registered
            },
            numbers: vec![number.to_owned()],
            commands: vec![],
            created_at: 0,
            updated_at: 0,
        }
    }

    /// Indexes the businesses and returns a function from query text to
    /// the ranked positions (into `businesses`) of the hits.
    fn index(
        businesses: &[Business],
    ) -> (
        tempfile::TempDir,
        impl Fn(&str, Option<&str>) -> Vec<usize> + '_,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open(dir.path()).unwrap();
        let mut load = index.bulk_load(1, 16 * 1024 * 1024).unwrap();
        for b in businesses {
            load.add(b).unwrap();
        }
        load.commit(1).unwrap();
        let search = move |q: &str, country: Option<&str>| {
            let page = index
                .search(&SearchQuery {
                    text: q.into(),
                    country: country.map(str::to_owned),
                    limit: 10,
                    ..SearchQuery::default()
                })
                .unwrap();
            page.hits
                .iter()
                .map(|h| {
                    businesses
                        .iter()
                        .position(|b| b.id.as_str() == h.id)
                        .unwrap()
                })
                .collect()
        };
        (dir, search)
    }

    #[test]
    fn an_exact_name_comes_first_even_unverified() {
        let all = [
            business("Banco Santander Seguros", "ES", true, "+34911111111"),
            business("Banco Santander", "ES", false, "+34912222222"),
        ];
        let (_dir, search) = index(&all);
        assert_eq!(search("banco santander", None), [1, 0]);
    }

    #[test]
    fn verified_comes_before_unverified_within_a_tier() {
        let all = [
            business("Seguros Alfa", "ES", false, "+34911111111"),
            business("Seguros Beta", "ES", true, "+34912222222"),
        ];
        let (_dir, search) = index(&all);
        assert_eq!(search("seguros", None), [1, 0]);
    }

    #[test]
    fn typo_matches_come_after_matches_as_typed() {
        let all = [
            business("Trenitalia", "IT", true, "+390611111111"),
            business("Trenitlia Bar", "IT", false, "+390622222222"),
        ];
        let (_dir, search) = index(&all);
        // `trenitli` completes to `trenitlia` (as typed) and is two
        // edits from `trenitalia` (a typo).
        assert_eq!(search("trenitli", None), [1, 0]);
        // A word the index knows is taken as typed, not corrected.
        assert_eq!(search("trenitlia", None), [1]);
        // An unknown word is corrected: `trenitalia` is one swap away,
        // `trenitlia` two edits.
        assert_eq!(search("trenitaila", None), [0, 1]);
    }

    #[test]
    fn filters_select_without_changing_the_order() {
        let all = [
            business("Banco Uno", "ES", false, "+34911111111"),
            business("Banco Dos", "PT", true, "+351211111111"),
            business("Banco Tres", "ES", true, "+34913333333"),
        ];
        let (_dir, search) = index(&all);
        assert_eq!(search("banco", Some("es")), [2, 0]);
        assert_eq!(search("", Some("PT")), [1]);
    }

    #[test]
    fn number_fragments_match_anywhere_in_the_number() {
        let all = [
            business("Banco Uno", "ES", true, "+34912345678"),
            business("Banco Dos", "ES", true, "+34987654321"),
        ];
        let (_dir, search) = index(&all);
        assert_eq!(search("912 345", None), [0]);
        assert_eq!(search("345-678", None), [0]);
        assert_eq!(search("+34 912", None), [0]);
        assert_eq!(
            search("0912 345 678", None),
            [0],
            "a trunk zero is also tried without"
        );
        assert_eq!(
            search("12", None),
            Vec::<usize>::new(),
            "two digits are too few"
        );
    }

    #[test]
    fn a_second_writer_on_the_same_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let first = SearchIndex::open(dir.path()).unwrap();
        let _writing = first.bulk_load(1, 16 * 1024 * 1024).unwrap();
        let second = SearchIndex::open(dir.path()).unwrap();
        match second.bulk_load(1, 16 * 1024 * 1024) {
            Err(SearchError::Locked(path)) => assert_eq!(path, dir.path()),
            Err(other) => panic!("expected Locked, got {other}"),
            Ok(_) => panic!("expected Locked, got a second writer"),
        }
    }

    #[test]
    fn an_index_of_another_schema_version_is_started_over() {
        let dir = tempfile::tempdir().unwrap();
        {
            let index = SearchIndex::open(dir.path()).unwrap();
            let mut load = index.bulk_load(1, 16 * 1024 * 1024).unwrap();
            load.add(&business("Banco Uno", "ES", true, "+34911111111"))
                .unwrap();
            let mut writer = load.writer;
            let mut prepared = writer.prepare_commit().unwrap();
            prepared.set_payload(r#"{"schema":0,"seq":7}"#);
            prepared.commit().unwrap();
        }
        let index = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(index.found_seq, None, "an old schema asks for a rebuild");
        assert!(index.contents().unwrap().is_empty());
    }
}
