//! The source of truth: redb tables, transactions and the changes feed.
//!
//! Nothing outside this module knows redb or bincode. Callers read through a
//! [`Reader`] (one snapshot) and write through [`Store::write`], which runs a
//! closure inside one redb write transaction and appends one row to the
//! `changes` table for every record it touched, so that followers (the search
//! indexer, replicas) see writes in commit order. A write is acknowledged to
//! the caller only after `commit` returned, which with redb's default
//! `Durability::Immediate` means it is on disk.

mod codec;

use std::fs;
use std::path::{Path, PathBuf};

use redb::{
    Database, ReadTransaction, ReadableDatabase, ReadableTable, ReadableTableMetadata,
    TableDefinition, WriteTransaction,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub use codec::CodecError;

use crate::model::{Attestation, Business, Change, NumberRecord, Revocation, StoredKey};

const DAY: i64 = 24 * 3600;

/// The schema version this build writes into `meta`.
const SCHEMA_VERSION: u32 = 1;

const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
const BUSINESSES: TableDefinition<&str, &[u8]> = TableDefinition::new("businesses");
const NUMBERS: TableDefinition<&str, &[u8]> = TableDefinition::new("numbers");
/// SHA-256 of the E.164 string → the string: the k-anonymous range lookup
/// reads one contiguous key range per bucket.
const NUMBER_HASHES: TableDefinition<&[u8; 32], &str> = TableDefinition::new("number_hashes");
const ATTESTATIONS: TableDefinition<&str, &[u8]> = TableDefinition::new("attestations");
/// (expires_at, serial): lets renewal find the tokens that expire soonest
/// without scanning every attestation.
const EXPIRIES: TableDefinition<(i64, &str), ()> = TableDefinition::new("expiries");
const REVOCATIONS: TableDefinition<&str, &[u8]> = TableDefinition::new("revocations");
/// (revoked_at, serial): the revocation list in time order, for clients that
/// poll "what was revoked since".
const REVOCATIONS_BY_TIME: TableDefinition<(i64, &str), ()> =
    TableDefinition::new("revocations_by_time");
/// (E.164, day number) → spam reports that day: a 30-day sliding count is a
/// range read of at most 30 rows, whatever the number's history.
const REPORT_DAYS: TableDefinition<(&str, i64), u64> = TableDefinition::new("report_days");
const KEYS: TableDefinition<&str, &[u8]> = TableDefinition::new("keys");
const CHANGES: TableDefinition<u64, &[u8]> = TableDefinition::new("changes");

/// What went wrong in storage, in terms a caller can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the data dir {0} is in use by a running bizseal; stop it, or use the API")]
    InUse(PathBuf),
    #[error("storage is unavailable (disk full or I/O error): {0}")]
    Unavailable(String),
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
    redb::CommitError
);

fn classify(e: redb::Error) -> StoreError {
    match e {
        redb::Error::Io(io) => StoreError::Unavailable(io.to_string()),
        redb::Error::PreviousIo => StoreError::Unavailable(e.to_string()),
        redb::Error::Corrupted(msg) => StoreError::Corrupt(msg),
        other => StoreError::Internal(other.to_string()),
    }
}

/// The database of one data dir.
pub struct Store {
    db: Database,
    path: PathBuf,
}

impl Store {
    /// Opens (or creates) the database in `data_dir`, creating every table
    /// so that read transactions never meet a missing one.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        create_private_dir(data_dir)?;
        let path = data_dir.join("bizseal.redb");
        let db = match Database::builder().create(&path) {
            Ok(db) => db,
            Err(redb::DatabaseError::DatabaseAlreadyOpen) => {
                return Err(StoreError::InUse(data_dir.to_path_buf()))
            }
            Err(e) => return Err(e.into()),
        };
        restrict_file(&path)?;
        let store = Store { db, path };
        store.init_schema()?;
        Ok(store)
    }

    fn init_schema(&self) -> Result<(), StoreError> {
        let tx = self.db.begin_write()?;
        {
            let mut meta = tx.open_table(META)?;
            let found = meta
                .get("schema_version")?
                .map(|v| decode::<u32>(v.value()))
                .transpose()?;
            match found {
                Some(v) if v > SCHEMA_VERSION => return Err(StoreError::NewerSchema(v)),
                Some(_) => {}
                None => {
                    meta.insert("schema_version", encode(&SCHEMA_VERSION)?.as_slice())?;
                }
            }
            tx.open_table(BUSINESSES)?;
            tx.open_table(NUMBERS)?;
            tx.open_table(NUMBER_HASHES)?;
            tx.open_table(ATTESTATIONS)?;
            tx.open_table(EXPIRIES)?;
            tx.open_table(REVOCATIONS)?;
            tx.open_table(REVOCATIONS_BY_TIME)?;
            tx.open_table(REPORT_DAYS)?;
            tx.open_table(KEYS)?;
            tx.open_table(CHANGES)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A consistent snapshot for reading. Readers never block the writer.
    pub fn read(&self) -> Result<Reader, StoreError> {
        Ok(Reader {
            tx: self.db.begin_read()?,
        })
    }

    /// Runs `f` in one write transaction and commits it durably if `f`
    /// returns `Ok`; on `Err` nothing is written.
    pub fn write<T, E>(&self, f: impl FnOnce(&mut Writer) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self.db.begin_write().map_err(StoreError::from)?;
        let mut writer = Writer {
            tx,
            changes: Vec::new(),
        };
        let value = f(&mut writer)?;
        writer.commit()?;
        Ok(value)
    }
}

/// A read snapshot.
pub struct Reader {
    tx: ReadTransaction,
}

/// The tables a write may touch, inside one write transaction.
pub struct Writer {
    tx: WriteTransaction,
    changes: Vec<Change>,
}

/// Reads shared by [`Reader`] and [`Writer`] (a writer reads its own writes).
macro_rules! getters {
    () => {
        /// A business by id.
        pub fn business(&self, id: &str) -> Result<Option<Business>, StoreError> {
            get_record(&self.tx.open_table(BUSINESSES)?, id)
        }

        /// A listed number by E.164.
        pub fn number(&self, e164: &str) -> Result<Option<NumberRecord>, StoreError> {
            get_record(&self.tx.open_table(NUMBERS)?, e164)
        }

        /// An attestation by serial.
        pub fn attestation(&self, serial: &str) -> Result<Option<Attestation>, StoreError> {
            get_record(&self.tx.open_table(ATTESTATIONS)?, serial)
        }

        /// The revocation of a serial, if it was revoked.
        pub fn revocation(&self, serial: &str) -> Result<Option<Revocation>, StoreError> {
            get_record(&self.tx.open_table(REVOCATIONS)?, serial)
        }

        /// Spam reports about a number since `since` (seconds).
        pub fn reports_since(&self, e164: &str, since: i64) -> Result<u64, StoreError> {
            let table = self.tx.open_table(REPORT_DAYS)?;
            let mut total = 0;
            for row in table.range::<(&str, i64)>((e164, since.div_euclid(DAY))..=(e164, i64::MAX))? {
                total += row?.1.value();
            }
            Ok(total)
        }

        /// Every signing key, oldest first.
        pub fn keys(&self) -> Result<Vec<StoredKey>, StoreError> {
            let table = self.tx.open_table(KEYS)?;
            let mut keys = Vec::new();
            for row in table.iter()? {
                let (_, v) = row?;
                keys.push(decode::<StoredKey>(v.value())?);
            }
            keys.sort_by_key(|k| k.created_at);
            Ok(keys)
        }
    };
}

impl Reader {
    getters!();

    /// The E.164 numbers whose SHA-256 starts with the 20-bit `prefix`.
    pub fn bucket(&self, prefix: u32) -> Result<Vec<String>, StoreError> {
        let table = self.tx.open_table(NUMBER_HASHES)?;
        let (low, high) = bucket_bounds(prefix);
        let mut out = Vec::new();
        for row in table.range::<&[u8; 32]>(&low..=&high)? {
            let (_, v) = row?;
            out.push(v.value().to_owned());
        }
        Ok(out)
    }

    /// Revocations at or after `since` (seconds), oldest first.
    pub fn revocations_since(
        &self,
        since: i64,
        limit: usize,
    ) -> Result<Vec<Revocation>, StoreError> {
        let index = self.tx.open_table(REVOCATIONS_BY_TIME)?;
        let records = self.tx.open_table(REVOCATIONS)?;
        let mut out = Vec::new();
        for row in index.range::<(i64, &str)>((since, "")..)?.take(limit) {
            let (key, _) = row?;
            let (_, serial) = key.value();
            if let Some(r) = get_record(&records, serial)? {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// Serials of attestations expiring before `before`, soonest first.
    pub fn expiring_before(
        &self,
        before: i64,
        limit: usize,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        let table = self.tx.open_table(EXPIRIES)?;
        let mut out = Vec::new();
        for row in table.range::<(i64, &str)>(..(before, ""))?.take(limit) {
            let (key, _) = row?;
            let (at, serial) = key.value();
            out.push((at, serial.to_owned()));
        }
        Ok(out)
    }

    /// Changes with a sequence number above `after`, in order.
    pub fn changes_after(&self, after: u64, limit: usize) -> Result<Vec<(u64, Change)>, StoreError> {
        let table = self.tx.open_table(CHANGES)?;
        let mut out = Vec::new();
        for row in table.range::<u64>((after + 1)..)?.take(limit) {
            let (k, v) = row?;
            out.push((k.value(), decode::<Change>(v.value())?));
        }
        Ok(out)
    }

    /// The sequence number of the newest change (0 when there is none).
    pub fn last_seq(&self) -> Result<u64, StoreError> {
        let table = self.tx.open_table(CHANGES)?;
        let last = table.last()?.map(|(k, _)| k.value()).unwrap_or(0);
        Ok(last)
    }

    /// How many businesses are stored.
    pub fn business_count(&self) -> Result<u64, StoreError> {
        Ok(self.tx.open_table(BUSINESSES)?.len()?)
    }

    /// Every business, in id order, starting after `after` (for paging
    /// through the whole directory, as a reindex does).
    pub fn businesses_after(&self, after: &str, limit: usize) -> Result<Vec<Business>, StoreError> {
        let table = self.tx.open_table(BUSINESSES)?;
        let mut out = Vec::with_capacity(limit.min(1024));
        let range = table.range::<&str>(after..)?;
        for row in range.take(limit + 1) {
            let (k, v) = row?;
            if k.value() == after {
                continue;
            }
            out.push(decode::<Business>(v.value())?);
            if out.len() == limit {
                break;
            }
        }
        Ok(out)
    }
}

impl Writer {
    getters!();

    /// Inserts or replaces a business.
    pub fn put_business(&mut self, business: &Business) -> Result<(), StoreError> {
        let bytes = encode(business)?;
        self.tx
            .open_table(BUSINESSES)?
            .insert(business.id.as_str(), bytes.as_slice())?;
        self.changes.push(Change::Business(business.id.clone()));
        Ok(())
    }

    /// Inserts or replaces a number record, keeping the hash index in step.
    /// The owning business is recorded as changed too, so a follower that
    /// indexes businesses needs to watch only business changes.
    pub fn put_number(&mut self, e164: &str, hash: &[u8; 32], record: &NumberRecord) -> Result<(), StoreError> {
        let bytes = encode(record)?;
        self.tx.open_table(NUMBERS)?.insert(e164, bytes.as_slice())?;
        self.tx.open_table(NUMBER_HASHES)?.insert(hash, e164)?;
        self.changes.push(Change::Number(e164.to_owned()));
        self.changes.push(Change::Business(record.business.clone()));
        Ok(())
    }

    /// Removes a number and its hash index entry.
    pub fn remove_number(&mut self, e164: &str, hash: &[u8; 32]) -> Result<(), StoreError> {
        let removed = self.tx.open_table(NUMBERS)?.remove(e164)?.map(|v| decode::<NumberRecord>(v.value()));
        self.tx.open_table(NUMBER_HASHES)?.remove(hash)?;
        self.changes.push(Change::Number(e164.to_owned()));
        if let Some(record) = removed.transpose()? {
            self.changes.push(Change::Business(record.business));
        }
        Ok(())
    }

    /// Stores an issued attestation and indexes its expiry.
    pub fn put_attestation(&mut self, a: &Attestation) -> Result<(), StoreError> {
        let bytes = encode(a)?;
        self.tx
            .open_table(ATTESTATIONS)?
            .insert(a.serial.as_str(), bytes.as_slice())?;
        self.tx
            .open_table(EXPIRIES)?
            .insert((a.expires_at, a.serial.as_str()), ())?;
        Ok(())
    }

    /// Drops an attestation from the renewal schedule (it was superseded or
    /// revoked); the record itself stays for `verify`.
    pub fn unschedule(&mut self, expires_at: i64, serial: &str) -> Result<(), StoreError> {
        self.tx.open_table(EXPIRIES)?.remove((expires_at, serial))?;
        Ok(())
    }

    /// Records a revocation.
    pub fn put_revocation(&mut self, r: &Revocation) -> Result<(), StoreError> {
        let bytes = encode(r)?;
        self.tx
            .open_table(REVOCATIONS)?
            .insert(r.serial.as_str(), bytes.as_slice())?;
        self.tx
            .open_table(REVOCATIONS_BY_TIME)?
            .insert((r.at, r.serial.as_str()), ())?;
        Ok(())
    }

    /// Counts one spam report about a number at time `at`.
    pub fn add_report(&mut self, e164: &str, at: i64) -> Result<(), StoreError> {
        let mut table = self.tx.open_table(REPORT_DAYS)?;
        let key = (e164, at.div_euclid(DAY));
        let count = table.get(key)?.map(|v| v.value()).unwrap_or(0);
        table.insert(key, count + 1)?;
        Ok(())
    }

    /// Inserts or replaces a signing key.
    pub fn put_key(&mut self, key: &StoredKey) -> Result<(), StoreError> {
        let bytes = encode(key)?;
        self.tx.open_table(KEYS)?.insert(key.kid.as_str(), bytes.as_slice())?;
        self.changes.push(Change::Key(key.kid.clone()));
        Ok(())
    }

    fn commit(self) -> Result<(), StoreError> {
        let Writer { tx, changes } = self;
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
    changes.into_iter().filter(|c| seen.insert(c.clone())).collect()
}

fn get_record<T, Tb>(table: &Tb, key: &str) -> Result<Option<T>, StoreError>
where
    T: DeserializeOwned,
    Tb: ReadableTable<&'static str, &'static [u8]>,
{
    match table.get(key)? {
        Some(v) => Ok(Some(decode(v.value())?)),
        None => Ok(None),
    }
}

fn encode<T: Serialize>(v: &T) -> Result<Vec<u8>, StoreError> {
    Ok(codec::encode(v)?)
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    Ok(codec::decode(bytes)?)
}

/// The inclusive key range of a 20-bit hash prefix.
fn bucket_bounds(prefix: u32) -> ([u8; 32], [u8; 32]) {
    let p = prefix & 0xF_FFFF;
    let mut low = [0u8; 32];
    let mut high = [0xFFu8; 32];
    low[0] = (p >> 12) as u8;
    low[1] = (p >> 4) as u8;
    low[2] = ((p & 0xF) << 4) as u8;
    high[0] = low[0];
    high[1] = low[1];
    high[2] = low[2] | 0x0F;
    (low, high)
}

fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    fs::create_dir_all(dir)
        .map_err(|e| StoreError::Unavailable(format!("cannot create {}: {e}", dir.display())))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(|e| StoreError::Unavailable(format!("cannot restrict {}: {e}", dir.display())))?;
    }
    Ok(())
}

// The database holds the private signing keys: owner-only, like an SSH key.
fn restrict_file(path: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600))
            .map_err(|e| StoreError::Unavailable(format!("cannot restrict {}: {e}", path.display())))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BusinessId, BusinessStatus, Level, NumberState};
    use std::collections::BTreeMap;

    fn business() -> Business {
        Business {
            id: BusinessId::generate(),
            legal_name: "Telefónica, S.A.".into(),
            names: BTreeMap::from([("es".to_owned(), "Telefónica".to_owned())]),
            default_lang: "es".into(),
            category: "telecom".into(),
            country: "ES".into(),
            city: "Madrid".into(),
            website: Some("https://www.telefonica.com".into()),
            description: BTreeMap::new(),
            logo_url: None,
            status: BusinessStatus::Verified,
            numbers: vec!["+34915820317".into()],
            commands: vec![],
            created_at: 1,
            updated_at: 2,
        }
    }

    #[test]
    fn written_records_read_back_and_feed_the_changes_table() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let b = business();
        let rec = NumberRecord {
            business: b.id.clone(),
            state: NumberState::Attested {
                level: Level::A,
                serial: "S1".into(),
            },
            updated_at: 3,
        };
        let hash = [0xAB; 32];
        store
            .write(|w| {
                w.put_business(&b)?;
                w.put_number("+34915820317", &hash, &rec)?;
                w.put_business(&b)?;
                Ok::<_, StoreError>(())
            })
            .unwrap();
        let r = store.read().unwrap();
        assert_eq!(r.business(b.id.as_str()).unwrap().unwrap(), b);
        assert_eq!(r.number("+34915820317").unwrap().unwrap(), rec);
        assert_eq!(r.number("+34915820318").unwrap(), None);
        assert_eq!(r.last_seq().unwrap(), 2, "one change per record touched");
        let changes = r.changes_after(0, 10).unwrap();
        assert_eq!(changes[0], (1, Change::Business(b.id.clone())));
        assert_eq!(changes[1], (2, Change::Number("+34915820317".into())));
        assert_eq!(changes.len(), 2);
        assert_eq!(r.bucket(0xABABA).unwrap(), vec!["+34915820317".to_owned()]);
        assert!(r.bucket(0xABABB).unwrap().is_empty());
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let b = business();
        let result = store.write(|w| {
            w.put_business(&b)?;
            Err::<(), StoreError>(StoreError::Internal("refused".into()))
        });
        assert!(result.is_err());
        let r = store.read().unwrap();
        assert_eq!(r.business(b.id.as_str()).unwrap(), None);
        assert_eq!(r.last_seq().unwrap(), 0);
    }

    #[test]
    fn a_second_open_of_the_same_dir_says_it_is_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let _first = Store::open(dir.path()).unwrap();
        assert!(matches!(Store::open(dir.path()), Err(StoreError::InUse(_))));
    }

    #[test]
    fn records_survive_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let b = business();
        {
            let store = Store::open(dir.path()).unwrap();
            store.write(|w| w.put_business(&b)).unwrap();
        }
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.read().unwrap().business(b.id.as_str()).unwrap(), Some(b));
    }

    #[test]
    fn bucket_bounds_cover_exactly_the_prefix() {
        let (low, high) = bucket_bounds(0x12345);
        assert_eq!(&low[..3], &[0x12, 0x34, 0x50]);
        assert_eq!(&high[..3], &[0x12, 0x34, 0x5F]);
        assert!(high[3..].iter().all(|b| *b == 0xFF));
    }
}
