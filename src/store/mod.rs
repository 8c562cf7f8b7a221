//! The source of truth: redb tables, transactions and the changes feed.
//!
//! Nothing outside this module knows redb or bincode. Callers read through a
//! [`Reader`] (one snapshot) and write through [`Store::write`], which runs a
//! closure inside one redb write transaction and appends one row to the
//! `changes` table for every record it touched, so that followers (the search
//! indexer, replicas) see writes in commit order. A write is acknowledged to
//! the caller only after `commit` returned, which with redb's default
//! `Durability::Immediate` means it is on disk.

mod answers;
mod codec;
mod directory;
mod known;
mod outbox;
mod read;
mod repack;
mod stats;
mod translog;
mod workflow;

use std::borrow::Borrow;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arc_swap::ArcSwapOption;
use redb::{
    Database, Key, ReadTransaction, ReadableDatabase, ReadableTable, TableDefinition,
    WriteTransaction,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub use answers::answer_key;
pub use directory::DirectoryReads;
pub use outbox::OutboxReads;
pub use read::{SnapshotTable, Tables};
pub use translog::{LogNodes, LogReads};
pub use workflow::WorkflowReads;

/// The read traits, for `use crate::store::prelude::*`.
pub mod prelude {
    pub use super::directory::DirectoryReads as _;
    pub use super::outbox::OutboxReads as _;
    pub use super::read::Tables as _;
    pub use super::translog::LogReads as _;
    pub use super::workflow::WorkflowReads as _;
}
pub use codec::CodecError;
pub use known::{Learned, SavedKnown};
pub use repack::RepackReport;
pub use stats::{StoreStats, TableStats};
pub use workflow::{ReportWindow, REPORT_WINDOW};

use crate::model::{Attestation, AuditEntry, Change, Revocation};
use crate::phone::E164;

const DAY: i64 = 24 * 3600;

/// The schema version this build writes into `meta`. 2: stored answers.
/// 3: the answers table keyed by `answers::answer_key` (an integer) rather
/// than E.164 text. A build that does not keep them must not write to a
/// directory that has them (its writes would leave answers stale), so it
/// refuses a newer schema; an older directory is upgraded on open and its
/// answers backfilled (`Store::backfill_answers`). 4: a saved copy of the
/// filter of known numbers, valid while `meta`'s generation of number
/// writes, which every write of a number counts up, is the one it was
/// saved at (`known`); a build that does not count must not write.
/// 5: the trust rules: claims apart from held numbers, pending edits of
/// every public field (`workflow::upgrade_to_5`); the directory's records
/// that the rules would not have written are put right by the service at
/// its next open ([`TRUST_UPGRADE`]). 6: a business's logo state in its
/// record, and the `logos` table (`directory::upgrade_businesses`). 7: the
/// language of each quick reply, in businesses and pending edits
/// (`workflow::upgrade_to_7`).
const SCHEMA_VERSION: u32 = 7;

/// The `meta` key that marks a directory upgraded to schema 5 whose
/// numbers and tokens the service has yet to hold to the trust rules.
pub const TRUST_UPGRADE: &str = "pending:trust_rules";

/// The database file inside the data dir.
const DB_FILE: &str = "bizseal.redb";

/// redb's page cache, by default: below redb's own default, which a large
/// directory fills with lookups alone (BENCHMARKS.md, memory), and about
/// what the packed `answers` table of a million businesses needs
/// (`bizseal stats`).
/// Pages beyond it are read from the operating system's page cache.
/// `--cache-mb` sizes it for a larger directory.
pub const DEFAULT_CACHE_BYTES: usize = 512 * 1024 * 1024;

/// Free space a write needs on the database's volume before it starts,
/// by default. redb must never meet a full disk: a failed write latches the
/// database into refusing everything until it is reopened. The largest
/// ordinary transaction (an import batch of 1000 businesses) grows the file
/// by a few MiB, so this leaves a wide margin; a repack, which copies a
/// whole table before freeing it, asks for the table's size on top.
pub const DEFAULT_MIN_FREE_BYTES: u64 = 256 * 1024 * 1024;

/// How often a store whose database failed tries to open it again.
const REOPEN_EVERY: Duration = Duration::from_secs(1);

pub(super) const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
pub(super) const CHANGES: TableDefinition<u64, &[u8]> = TableDefinition::new("changes");

/// What went wrong in storage, in terms a caller can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the data dir {0} is in use by a running bizseal; stop it, or use the API")]
    InUse(PathBuf),
    #[error("storage is unavailable (disk full or I/O error): {0}")]
    Unavailable(String),
    #[error("the disk is nearly full ({free} bytes free, writes need {needed}); reads go on")]
    Full { free: u64, needed: u64 },
    #[error("a stored record is damaged: {0}")]
    Corrupt(String),
    #[error("the data dir was written by a newer bizseal (schema {0}); this build reads {SCHEMA_VERSION}")]
    NewerSchema(u32),
    #[error("storage error: {0}")]
    Internal(String),
}

impl From<CodecError> for StoreError {
    fn from(e: CodecError) -> Self {
        StoreError::Corrupt(e.to_string())
    }
}

macro_rules! from_redb {
    ($($t:ty),*) => {$(
        impl From<$t> for StoreError {
            fn from(e: $t) -> Self {
                classify(redb::Error::from(e))
            }
        }
    )*};
}
from_redb!(
    redb::Error,
    redb::DatabaseError,
    redb::TransactionError,
    redb::TableError,
    redb::StorageError,
    redb::CommitError,
    redb::CursorError,
    redb::CompactionError
);

/// I/O errors redb has reported, in any store of this process. A failed
/// write looks for a latched database only when this moved: most failed
/// writes are a caller's "no" (a conflict, a bad code) and cost no probe.
static IO_ERRORS_SEEN: AtomicU64 = AtomicU64::new(0);

fn classify(e: redb::Error) -> StoreError {
    match e {
        redb::Error::Io(io) => {
            IO_ERRORS_SEEN.fetch_add(1, Ordering::Relaxed);
            StoreError::Unavailable(io.to_string())
        }
        redb::Error::PreviousIo => {
            IO_ERRORS_SEEN.fetch_add(1, Ordering::Relaxed);
            StoreError::Unavailable(e.to_string())
        }
        redb::Error::Corrupted(msg) => StoreError::Corrupt(msg),
        other => StoreError::Internal(other.to_string()),
    }
}

/// Opens the database on storage other than the data dir's file (tests put
/// a disk that fills up here).
type BackendFactory =
    Arc<dyn Fn(&mut redb::Builder) -> Result<Database, redb::DatabaseError> + Send + Sync>;

/// The database of one data dir.
///
/// The database sits behind an atomic pointer so that it can be closed and
/// opened again without stopping the service: redb latches after an I/O
/// error (a full disk, a failing device) and refuses every later operation
/// until it is reopened, which also runs its crash recovery. Readers pay one
/// atomic load for this.
pub struct Store {
    db: ArcSwapOption<Database>,
    path: PathBuf,
    backend: Option<BackendFactory>,
    /// The size of redb's page cache.
    cache_bytes: usize,
    /// Writes refuse to start with less free space than this on the volume.
    min_free: AtomicU64,
    /// Serialises reopening, and remembers when it was last tried.
    reopen: Mutex<Option<Instant>>,
    /// The shared read snapshot, and how many commits there have been.
    snapshot: ArcSwapOption<Reader>,
    commits: AtomicU64,
    /// The numbers the store may hold anything about (see [`known`]).
    known: Arc<known::KnownNumbers>,
    /// The saved copy of `known` the file held at open, if one fits.
    known_copy: Option<known::CopyHeader>,
}

impl Store {
    /// Whether `data_dir` holds a database (a check must not create one).
    pub fn exists_in(data_dir: &Path) -> bool {
        data_dir.join(DB_FILE).is_file()
    }

    /// Opens (or creates) the database in `data_dir`, creating every table
    /// so that read transactions never meet a missing one.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        Store::open_on(data_dir, None, DEFAULT_CACHE_BYTES)
    }

    /// [`Store::open`] with a page cache of `cache_bytes`.
    pub fn open_with_cache(data_dir: &Path, cache_bytes: usize) -> Result<Store, StoreError> {
        Store::open_on(data_dir, None, cache_bytes)
    }

    fn open_on(
        data_dir: &Path,
        backend: Option<BackendFactory>,
        cache_bytes: usize,
    ) -> Result<Store, StoreError> {
        create_private_dir(data_dir)?;
        let path = data_dir.join(DB_FILE);
        let mut store = Store {
            db: ArcSwapOption::empty(),
            path,
            backend,
            cache_bytes,
            min_free: AtomicU64::new(DEFAULT_MIN_FREE_BYTES),
            reopen: Mutex::new(None),
            snapshot: ArcSwapOption::empty(),
            commits: AtomicU64::new(0),
            known: Arc::new(known::KnownNumbers::new(0)),
            known_copy: None,
        };
        let db = store.open_database().map_err(|e| match e {
            StoreError::InUse(_) => StoreError::InUse(data_dir.to_path_buf()),
            other => other,
        })?;
        restrict_file(&store.path)?;
        store.db.store(Some(Arc::new(db)));
        store.init_schema()?;
        let (known, copy) = known::at_open(&store.begin_read()?)?;
        store.known = Arc::new(known);
        store.known_copy = copy;
        Ok(store)
    }

    fn open_database(&self) -> Result<Database, StoreError> {
        let mut builder = Database::builder();
        builder.set_cache_size(self.cache_bytes);
        let opened = match &self.backend {
            None => builder.create(&self.path),
            Some(open) => open(&mut builder),
        };
        match opened {
            Ok(db) => Ok(db),
            Err(redb::DatabaseError::DatabaseAlreadyOpen) => {
                Err(StoreError::InUse(self.path.clone()))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Writes refuse to start while the volume has less than `bytes` free.
    pub fn set_min_free(&self, bytes: u64) {
        self.min_free.store(bytes, Ordering::Relaxed);
    }

    /// The open database, reopening it first if an I/O error closed it.
    fn db(&self) -> Result<Arc<Database>, StoreError> {
        if let Some(db) = self.db.load_full() {
            return Ok(db);
        }
        self.reopen()
    }

    /// Begins a read transaction. The common case borrows the database
    /// through arc-swap's guard, without touching its reference count.
    fn begin_read(&self) -> Result<ReadTransaction, StoreError> {
        if let Some(db) = self.db.load().as_deref() {
            return Ok(db.begin_read()?);
        }
        Ok(self.reopen()?.begin_read()?)
    }

    /// Closes a database that latched after an I/O error and opens it
    /// again (at most once per [`REOPEN_EVERY`]); redb's recovery runs on
    /// the way. Until it succeeds, reads and writes answer `Unavailable`.
    fn reopen(&self) -> Result<Arc<Database>, StoreError> {
        let mut last = self
            .reopen
            .lock()
            .map_err(|_| StoreError::Internal("reopen lock poisoned".into()))?;
        if let Some(db) = self.db.load_full() {
            return Ok(db); // another thread got there first
        }
        if last.is_some_and(|at| at.elapsed() < REOPEN_EVERY) {
            return Err(StoreError::Unavailable(
                "the database is being reopened after an I/O error".into(),
            ));
        }
        *last = Some(Instant::now());
        let db = Arc::new(self.open_database()?);
        tracing::warn!(path = %self.path.display(), "database reopened after an I/O error");
        self.db.store(Some(Arc::clone(&db)));
        self.retire_snapshot();
        Ok(db)
    }

    /// After a write that failed with an I/O error: if redb latched (it
    /// refuses to begin a write with `PreviousIo`), drops the database so
    /// the next use reopens it.
    fn after_failed_write(&self, db: Arc<Database>) {
        let latched = matches!(
            db.try_begin_write(),
            Err(redb::TransactionError::Storage(
                redb::StorageError::PreviousIo
            ))
        );
        if latched {
            tracing::error!(path = %self.path.display(), "database latched after an I/O error; reopening");
            self.db.store(None);
            self.retire_snapshot();
            drop(db);
        }
    }

    /// Refuses a write that could fill the disk.
    fn check_space(&self) -> Result<(), StoreError> {
        self.check_space_for(0)
    }

    /// Refuses a write that will grow the file by up to `growth` bytes
    /// unless that much is free beyond the margin (a repack writes a whole
    /// table before it frees the old one).
    fn check_space_for(&self, growth: u64) -> Result<(), StoreError> {
        let margin = self.min_free.load(Ordering::Relaxed);
        if margin == 0 {
            return Ok(());
        }
        let needed = margin.saturating_add(growth);
        let dir = self.path.parent().unwrap_or(&self.path);
        match fs4::available_space(dir) {
            Ok(free) if free < needed => Err(StoreError::Full { free, needed }),
            Ok(_) => Ok(()),
            // A volume that cannot say: let redb find out.
            Err(_) => Ok(()),
        }
    }

    fn init_schema(&self) -> Result<(), StoreError> {
        let tx = self.db()?.begin_write()?;
        {
            let mut meta = tx.open_table(META)?;
            let found = meta
                .get("schema_version")?
                .map(|v| decode::<u32>(v.value()))
                .transpose()?;
            match found {
                Some(v) if v > SCHEMA_VERSION => return Err(StoreError::NewerSchema(v)),
                Some(v) if v == SCHEMA_VERSION => {}
                Some(v) => {
                    // First: the later steps read businesses in today's shape.
                    let businesses = directory::upgrade_businesses(&tx, v)?;
                    tracing::info!(businesses, "upgraded the data dir's businesses to schema 7");
                    // Schema 5's own upgrade writes applications in today's
                    // shape; those of 5 and 6 need a language for their
                    // pending quick replies.
                    if (5..7).contains(&v) {
                        let apps = workflow::upgrade_to_7(&tx)?;
                        tracing::info!(
                            applications = apps,
                            "upgraded the data dir's applications to schema 7"
                        );
                    }
                    if v < 3 {
                        answers::drop_text_keyed(&tx, &mut meta)?;
                    }
                    if v < 5 {
                        // Tables new in 5 must exist before they are filled.
                        directory::create_tables(&tx)?;
                        workflow::create_tables(&tx)?;
                        let apps = workflow::upgrade_to_5(&tx)?;
                        let live = directory::index_live_serials(&tx, crate::model::now())?;
                        tracing::info!(
                            applications = apps,
                            live_tokens = live,
                            "upgraded the data dir to schema 5"
                        );
                        meta.insert(TRUST_UPGRADE, [1u8].as_slice())?;
                    }
                    meta.insert("schema_version", encode(&SCHEMA_VERSION)?.as_slice())?;
                }
                None => {
                    meta.insert("schema_version", encode(&SCHEMA_VERSION)?.as_slice())?;
                }
            }
            tx.open_table(CHANGES)?;
            directory::create_tables(&tx)?;
            workflow::create_tables(&tx)?;
            translog::create_tables(&tx)?;
            answers::create_tables(&tx)?;
            known::create_tables(&tx)?;
            outbox::create_tables(&tx)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Whether a one-off flag is set in `meta` (see [`TRUST_UPGRADE`]).
    pub fn has_meta_flag(&self, name: &str) -> Result<bool, StoreError> {
        let tx = self.begin_read()?;
        let meta = tx.open_table(META)?;
        let found = meta.get(name)?.is_some();
        Ok(found)
    }

    /// A random secret kept in the database, made on first use (for keyed
    /// hashes that must stay stable across restarts).
    pub fn secret(&self, name: &str) -> Result<Vec<u8>, StoreError> {
        let key = format!("secret:{name}");
        // Nearly always there already: a read avoids a durable commit on
        // every open.
        {
            let tx = self.begin_read()?;
            let meta = tx.open_table(META)?;
            if let Some(v) = meta.get(key.as_str())? {
                return Ok(v.value().to_vec());
            }
        }
        let tx = self.db()?.begin_write()?;
        let secret = {
            let mut meta = tx.open_table(META)?;
            let found = meta.get(key.as_str())?.map(|v| v.value().to_vec());
            match found {
                Some(s) => s,
                None => {
                    let mut fresh = vec![0u8; 32];
                    ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut fresh)
                        .map_err(|_| {
                            StoreError::Internal("the system random generator failed".into())
                        })?;
                    meta.insert(key.as_str(), fresh.as_slice())?;
                    fresh
                }
            }
        };
        tx.commit()?;
        Ok(secret)
    }

    /// Copies the last committed state of the database to `dest` (a new
    /// file), consistently while the service runs: an open write
    /// transaction keeps every writer out for the length of the copy, and
    /// with `Durability::Immediate` everything committed is in the file.
    /// Readers are not held up. Returns the bytes copied.
    pub fn backup_to(&self, dest: &Path) -> Result<u64, StoreError> {
        let unavailable = |e: std::io::Error| {
            StoreError::Unavailable(format!("backup to {}: {e}", dest.display()))
        };
        let guard = self.db()?.begin_write()?;
        let mut src = fs::File::open(&self.path).map_err(unavailable)?;
        let mut out = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(dest)
            .map_err(unavailable)?;
        let copied = std::io::copy(&mut src, &mut out).map_err(unavailable)?;
        drop(guard);
        out.sync_all().map_err(unavailable)?;
        restrict_file(dest)?;
        Ok(copied)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A consistent snapshot of everything committed before the call.
    /// Readers never block the writer.
    ///
    /// Snapshots are shared: every read between two commits gets the same
    /// one, with its tables already open, so a lookup does not pay for a
    /// read transaction and table opens of its own. A commit retires the
    /// shared snapshot; the next read takes a new one.
    pub fn read(&self) -> Result<Arc<Reader>, StoreError> {
        // Loaded before the transaction begins: a snapshot labelled with a
        // generation holds at least every commit of that generation.
        let generation = self.commits.load(Ordering::Acquire);
        let current = self.snapshot.load();
        if let Some(shared) = current.as_ref() {
            if shared.generation == generation {
                return Ok(Arc::clone(shared));
            }
        }
        let reader = Arc::new(Reader {
            tx: self.begin_read()?,
            kept: read::KeptTables::default(),
            generation,
            known: Arc::clone(&self.known),
        });
        // Shared only if no other reader shared one meanwhile: theirs may be
        // newer than this one (begun after a commit this one predates), and
        // a client that saw it must not see an older state next.
        self.snapshot
            .compare_and_swap(&current, Some(Arc::clone(&reader)));
        Ok(reader)
    }

    /// After a commit (or a reopen): later reads must see it, and the old
    /// snapshot should not keep pages alive that the writer could reuse.
    fn retire_snapshot(&self) {
        self.commits.fetch_add(1, Ordering::AcqRel);
        self.snapshot.store(None);
    }

    /// Runs `f` in one write transaction and commits it durably if `f`
    /// returns `Ok`; on `Err` nothing is written. A write does not start
    /// while the disk is nearly full ([`StoreError::Full`]).
    pub fn write<T, E>(&self, f: impl FnOnce(&mut Writer) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        self.check_space()?;
        let db = self.db()?;
        let io_errors = IO_ERRORS_SEEN.load(Ordering::Relaxed);
        // A database latched by an earlier failed read refuses to begin.
        let done = match db.begin_write() {
            Err(e) => Err(E::from(StoreError::from(e))),
            Ok(tx) => {
                let mut writer = Writer {
                    tx,
                    changes: Vec::new(),
                    stale_answers: Vec::new(),
                    answers_seen: 0,
                    known: Arc::clone(&self.known),
                    noted_numbers: false,
                    facts: WriteFacts::default(),
                };
                match f(&mut writer) {
                    Ok(value) => writer.commit().map(|()| value).map_err(E::from),
                    Err(e) => {
                        drop(writer); // rolls back
                        Err(e)
                    }
                }
            }
        };
        if done.is_ok() {
            self.retire_snapshot();
        } else if IO_ERRORS_SEEN.load(Ordering::Relaxed) != io_errors {
            self.after_failed_write(db);
        }
        done
    }
}

/// A read snapshot (shared: see [`Store::read`]).
pub struct Reader {
    tx: ReadTransaction,
    /// The tables a lookup reads, opened once per snapshot (`read`).
    kept: read::KeptTables,
    /// The commit count this snapshot was taken at.
    generation: u64,
    known: Arc<known::KnownNumbers>,
}

impl Reader {
    /// Whether this store may hold a record of `e164` or reports about it;
    /// `false` is certain, so a lookup can skip the tables.
    pub fn may_know(&self, e164: &E164) -> bool {
        let e164 = e164.as_str();
        self.known.may_know(e164)
    }
}

/// The tables a write may touch, inside one write transaction.
pub struct Writer {
    tx: WriteTransaction,
    changes: Vec<Change>,
    /// Numbers whose stored answer changed in ways `changes` does not say
    /// (a report, a token).
    stale_answers: Vec<String>,
    /// How many of `changes` `touched_numbers` has gone through.
    answers_seen: usize,
    /// Noted before commit: a reader that finds a record finds it here.
    known: Arc<known::KnownNumbers>,
    /// Whether this write noted a number (and so makes a saved copy of
    /// the filter stale).
    noted_numbers: bool,
    /// What this write did that someone may be told about.
    facts: WriteFacts,
}

/// What a write did that the notifications are made from: the audit
/// entries it appended (every decision of the workflows writes one), the
/// tokens it issued and the revocations it recorded.
#[derive(Debug, Default)]
pub struct WriteFacts {
    pub audited: Vec<AuditEntry>,
    pub issued: Vec<Attestation>,
    pub revoked: Vec<Revocation>,
}

impl WriteFacts {
    /// Whether the write did nothing worth a notification.
    pub fn is_empty(&self) -> bool {
        self.audited.is_empty() && self.issued.is_empty() && self.revoked.is_empty()
    }
}

impl Writer {
    /// Whether a one-off flag is set in `meta` (see [`TRUST_UPGRADE`]).
    pub fn meta_flag(&self, name: &str) -> Result<bool, StoreError> {
        Ok(self.tx.open_table(META)?.get(name)?.is_some())
    }

    /// Sets a one-off flag in `meta` (the schema upgrade does; so can a
    /// test that builds an old directory).
    pub fn set_meta_flag(&mut self, name: &str) -> Result<(), StoreError> {
        self.tx.open_table(META)?.insert(name, [1u8].as_slice())?;
        Ok(())
    }

    /// What this write did so far that someone may be told about (taken:
    /// a second call returns only what came after the first).
    pub fn take_facts(&mut self) -> WriteFacts {
        std::mem::take(&mut self.facts)
    }

    /// Clears a one-off flag in `meta`.
    pub fn clear_meta_flag(&mut self, name: &str) -> Result<(), StoreError> {
        self.tx.open_table(META)?.remove(name)?;
        Ok(())
    }

    fn commit(mut self) -> Result<(), StoreError> {
        self.drop_untaken_answers()?;
        if self.noted_numbers {
            known::count_a_number_write(&self.tx)?;
        }
        let Writer { tx, changes, .. } = self;
        {
            let mut table = tx.open_table(CHANGES)?;
            let mut seq = table.last()?.map(|(k, _)| k.value()).unwrap_or(0);
            for change in dedup(changes) {
                seq += 1;
                table.insert(seq, encode(&change)?.as_slice())?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// One change row per record, however often a transaction touched it.
fn dedup(changes: Vec<Change>) -> Vec<Change> {
    let mut seen = std::collections::HashSet::new();
    changes
        .into_iter()
        .filter(|c| seen.insert(c.clone()))
        .collect()
}

/// The record stored under `key`, decoded (any key type: the tables are
/// keyed by text, the answers by `answers::answer_key`).
fn get_record<'k, K, T, Tb>(
    table: &Tb,
    key: impl Borrow<K::SelfType<'k>>,
) -> Result<Option<T>, StoreError>
where
    K: Key + 'static,
    T: DeserializeOwned,
    Tb: ReadableTable<K, &'static [u8]>,
{
    with_value(table, key, |bytes| decode(bytes))
}

/// What `f` makes of the stored bytes under `key` (read in place), or
/// `None` when there is no such row.
fn with_value<'k, K, T, Tb>(
    table: &Tb,
    key: impl Borrow<K::SelfType<'k>>,
    f: impl FnOnce(&[u8]) -> Result<T, StoreError>,
) -> Result<Option<T>, StoreError>
where
    K: Key + 'static,
    Tb: ReadableTable<K, &'static [u8]>,
{
    match table.get(key)? {
        Some(v) => Ok(Some(f(v.value())?)),
        None => Ok(None),
    }
}

/// A record as the store writes it (for rows the store keeps for others,
/// such as the read model's answers).
pub fn encode<T: Serialize>(v: &T) -> Result<Vec<u8>, StoreError> {
    Ok(codec::encode(v)?)
}

/// A record the store wrote, decoded.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    Ok(codec::decode(bytes)?)
}

/// A record the store wrote, read in place (its text borrowed).
pub fn decode_borrowed<'a, T: serde::Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, StoreError> {
    Ok(codec::decode_borrowed(bytes)?)
}

fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    fs::create_dir_all(dir)
        .map_err(|e| StoreError::Unavailable(format!("cannot create {}: {e}", dir.display())))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|e| {
            StoreError::Unavailable(format!("cannot restrict {}: {e}", dir.display()))
        })?;
    }
    Ok(())
}

// The database holds the private signing keys: owner-only, like an SSH key.
fn restrict_file(path: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600)).map_err(|e| {
            StoreError::Unavailable(format!("cannot restrict {}: {e}", path.display()))
        })?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests;
