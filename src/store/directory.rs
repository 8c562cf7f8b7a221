//! The directory tables: businesses, numbers and their hash index,
//! attestations and their expiry schedule, revocations, signing keys, and
//! reads of the changes feed.

use redb::{ReadableTable, ReadableTableMetadata, TableDefinition, WriteTransaction};

use super::read::Tables;
use super::{codec, decode, encode, get_record, with_value, StoreError, Writer, CHANGES};
use crate::logo::MediaType;
use crate::model::{
    Attestation, AttestationRef, Business, BusinessId, BusinessRef, BusinessV5, BusinessV6, Change,
    NumberRecord, Revocation, StoredKey,
};
use crate::phone::e164_hash;
use crate::phone::E164;

pub(super) const BUSINESSES: TableDefinition<&str, &[u8]> = TableDefinition::new("businesses");
pub(super) const NUMBERS: TableDefinition<&str, &[u8]> = TableDefinition::new("numbers");
/// SHA-256 of the E.164 string → the string: the k-anonymous range lookup
/// reads one contiguous key range per bucket.
pub(super) const NUMBER_HASHES: TableDefinition<&[u8; 32], &str> =
    TableDefinition::new("number_hashes");
pub(super) const ATTESTATIONS: TableDefinition<&str, &[u8]> = TableDefinition::new("attestations");
/// (expires_at, serial): lets renewal find the tokens that expire soonest
/// without scanning every attestation.
pub(super) const EXPIRIES: TableDefinition<(i64, &str), ()> = TableDefinition::new("expiries");
pub(super) const REVOCATIONS: TableDefinition<&str, &[u8]> = TableDefinition::new("revocations");
/// (revoked_at, serial): the revocation list in time order, for clients that
/// poll "what was revoked since".
pub(super) const REVOCATIONS_BY_TIME: TableDefinition<(i64, &str), ()> =
    TableDefinition::new("revocations_by_time");
pub(super) const KEYS: TableDefinition<&str, &[u8]> = TableDefinition::new("keys");
/// (E.164, serial) → expires_at of every token of a number that is neither
/// revoked nor long expired: a renewal leaves the previous token valid
/// until it expires, so taking a badge away must revoke all of them, not
/// only the current one. Expired rows are pruned as the number's next
/// token is issued, so a number keeps two or three.
pub(super) const NUMBER_SERIALS: TableDefinition<(&str, &str), i64> =
    TableDefinition::new("number_serials");
/// SHA-256 of a logo's bytes → (media type, bytes): identical logos share
/// one row, and a row never changes (it is its own hash). Rows are never
/// removed (`service::logo` says why).
pub(super) const LOGOS: TableDefinition<&[u8; 32], &[u8]> = TableDefinition::new("logos");

/// Creates every directory table (run once at open).
pub(super) fn create_tables(tx: &WriteTransaction) -> Result<(), StoreError> {
    tx.open_table(BUSINESSES)?;
    tx.open_table(NUMBERS)?;
    tx.open_table(NUMBER_HASHES)?;
    tx.open_table(ATTESTATIONS)?;
    tx.open_table(EXPIRIES)?;
    tx.open_table(REVOCATIONS)?;
    tx.open_table(REVOCATIONS_BY_TIME)?;
    tx.open_table(KEYS)?;
    tx.open_table(NUMBER_SERIALS)?;
    tx.open_table(LOGOS)?;
    Ok(())
}

/// The upgrades to schemas 6 and 7: every business in today's shape (6:
/// its logo state, not fetched yet; 7: its quick replies' language), from
/// the shape schema `from` stored. Runs before any other upgrade step reads
/// a business. Returns how many.
pub(super) fn upgrade_businesses(tx: &WriteTransaction, from: u32) -> Result<u64, StoreError> {
    let mut businesses = tx.open_table(BUSINESSES)?;
    let mut upgraded = Vec::new();
    for row in businesses.iter()? {
        let (_, v) = row?;
        upgraded.push(if from < 6 {
            decode::<BusinessV5>(v.value())?.upgrade()
        } else {
            decode::<BusinessV6>(v.value())?.upgrade()
        });
    }
    for b in &upgraded {
        businesses.insert(b.id.as_str(), encode(b)?.as_slice())?;
    }
    Ok(upgraded.len() as u64)
}

/// The upgrade to schema 5: indexes the live tokens of every number from
/// the attestations, skipping revoked and expired ones. Returns how many.
pub(super) fn index_live_serials(tx: &WriteTransaction, now: i64) -> Result<u64, StoreError> {
    let attestations = tx.open_table(ATTESTATIONS)?;
    let revocations = tx.open_table(REVOCATIONS)?;
    let mut index = tx.open_table(NUMBER_SERIALS)?;
    let mut live = 0;
    for row in attestations.iter()? {
        let (_, v) = row?;
        let a: Attestation = decode(v.value())?;
        if a.expires_at <= now || revocations.get(a.serial.as_str())?.is_some() {
            continue;
        }
        index.insert((a.number.as_str(), a.serial.as_str()), a.expires_at)?;
        live += 1;
    }
    Ok(live)
}

/// The directory's reads, the same for a snapshot and a write
/// transaction (`read`).
pub trait DirectoryReads: Tables {
    /// Every signing key, oldest first.
    fn keys(&self) -> Result<Vec<StoredKey>, StoreError> {
        let table = self.table(KEYS)?;
        let mut keys = Vec::new();
        for row in table.iter()? {
            let (_, v) = row?;
            keys.push(decode::<StoredKey>(v.value())?);
        }
        keys.sort_by_key(|k| k.created_at);
        Ok(keys)
    }

    /// The revocation of a serial, if it was revoked (every token check
    /// asks).
    fn revocation(&self, serial: &str) -> Result<Option<Revocation>, StoreError> {
        get_record(&self.table(REVOCATIONS)?, serial)
    }

    /// A business by id.
    fn business(&self, id: &str) -> Result<Option<Business>, StoreError> {
        get_record(&self.table(BUSINESSES)?, id)
    }

    /// A listed number by E.164.
    fn number(&self, e164: &E164) -> Result<Option<NumberRecord>, StoreError> {
        let e164 = e164.as_str();
        get_record(&self.table(NUMBERS)?, e164)
    }

    /// How many numbers are listed (redb keeps the count: O(1)).
    fn number_count(&self) -> Result<u64, StoreError> {
        Ok(self.table(NUMBERS)?.len()?)
    }

    /// Every listed number with its record, in E.164 order, to `f`
    /// (one pass over the numbers table; a tool's scan, not a request's).
    fn each_number(
        &self,
        mut f: impl FnMut(&str, NumberRecord) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        for entry in self.table(NUMBERS)?.iter()? {
            let (key, value) = entry?;
            f(key.value(), decode(value.value())?)?;
        }
        Ok(())
    }

    /// A stored logo's media type and bytes, by the SHA-256 of the bytes.
    fn logo(&self, sha256: &[u8; 32]) -> Result<Option<(MediaType, Vec<u8>)>, StoreError> {
        with_value(&self.table(LOGOS)?, sha256, |bytes| {
            let (media_type, image): (MediaType, &[u8]) = codec::decode_borrowed(bytes)?;
            Ok((media_type, image.to_vec()))
        })
    }

    /// An attestation by serial.
    fn attestation(&self, serial: &str) -> Result<Option<Attestation>, StoreError> {
        get_record(&self.table(ATTESTATIONS)?, serial)
    }

    /// What `f` makes of a business read in place (its text is not copied
    /// unless `f` copies it), or `None` when there is no such business.
    fn with_business<T>(
        &self,
        id: &str,
        f: impl FnOnce(&BusinessRef<'_>) -> T,
    ) -> Result<Option<T>, StoreError> {
        let table = self.table(BUSINESSES)?;
        business_ref(&table, id, f)
    }

    /// The token of an attestation and when it expires, copying nothing
    /// else out of the stored record.
    fn token(&self, serial: &str) -> Result<Option<(String, i64)>, StoreError> {
        let table = self.table(ATTESTATIONS)?;
        let Some(bytes) = table.get(serial)? else {
            return Ok(None);
        };
        let a: AttestationRef = codec::decode_borrowed(bytes.value())?;
        Ok(Some((a.token.to_owned(), a.expires_at)))
    }

    /// The E.164 numbers whose SHA-256 starts with the 20-bit `prefix`.
    fn bucket(&self, prefix: u32) -> Result<Vec<String>, StoreError> {
        let table = self.table(NUMBER_HASHES)?;
        let (low, high) = bucket_bounds(prefix);
        let mut out = Vec::new();
        for row in table.range::<&[u8; 32]>(&low..=&high)? {
            let (_, v) = row?;
            out.push(v.value().to_owned());
        }
        Ok(out)
    }

    /// Revocations at or after `since` (seconds), oldest first.
    fn revocations_since(
        &self,
        since: i64,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Revocation>, StoreError> {
        use std::ops::Bound;
        let index = self.table(REVOCATIONS_BY_TIME)?;
        let records = self.table(REVOCATIONS)?;
        // A page continues strictly after the last revocation seen (many
        // can share one second: an upgrade, a large suspension).
        let last: Option<Revocation> = match after {
            Some(serial) => get_record(&records, serial)?,
            None => None,
        };
        let start = match &last {
            Some(r) if r.at >= since => Bound::Excluded((r.at, r.serial.as_str())),
            _ => Bound::Included((since, "")),
        };
        let mut out = Vec::new();
        for row in index
            .range::<(i64, &str)>((start, Bound::Unbounded))?
            .take(limit)
        {
            let (key, _) = row?;
            let (_, serial) = key.value();
            if let Some(r) = get_record(&records, serial)? {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// Serials of attestations expiring before `before`, soonest first.
    fn expiring_before(&self, before: i64, limit: usize) -> Result<Vec<(i64, String)>, StoreError> {
        let table = self.table(EXPIRIES)?;
        let mut out = Vec::new();
        for row in table.range::<(i64, &str)>(..(before, ""))?.take(limit) {
            let (key, _) = row?;
            let (at, serial) = key.value();
            out.push((at, serial.to_owned()));
        }
        Ok(out)
    }

    /// Changes with a sequence number above `after`, in order.
    fn changes_after(&self, after: u64, limit: usize) -> Result<Vec<(u64, Change)>, StoreError> {
        let table = self.table(CHANGES)?;
        let mut out = Vec::new();
        for row in table.range::<u64>((after + 1)..)?.take(limit) {
            let (k, v) = row?;
            out.push((k.value(), decode::<Change>(v.value())?));
        }
        Ok(out)
    }

    /// The sequence number of the newest change (0 when there is none).
    fn last_seq(&self) -> Result<u64, StoreError> {
        let table = self.table(CHANGES)?;
        let last = table.last()?.map(|(k, _)| k.value()).unwrap_or(0);
        Ok(last)
    }

    /// How many businesses are stored.
    fn business_count(&self) -> Result<u64, StoreError> {
        Ok(self.table(BUSINESSES)?.len()?)
    }

    /// Every business, in id order, starting after `after` (for paging
    /// through the whole directory, as a reindex does).
    fn businesses_after(&self, after: &str, limit: usize) -> Result<Vec<Business>, StoreError> {
        page_after(&self.table(BUSINESSES)?, after, limit, |_, v| decode(v))
    }

    /// Up to `limit` listed numbers after `after`, in order (a pass over
    /// every number, a batch at a time).
    fn numbers_after(&self, after: &str, limit: usize) -> Result<Vec<String>, StoreError> {
        page_after(&self.table(NUMBERS)?, after, limit, |k, _| Ok(k.to_owned()))
    }

    /// The tokens of a number not yet revoked, with when they expire
    /// (some may have expired since: the caller compares).
    fn live_serials(&self, e164: &E164) -> Result<Vec<(String, i64)>, StoreError> {
        let e164 = e164.as_str();
        let table = self.table(NUMBER_SERIALS)?;
        let mut out = Vec::new();
        for row in table.range::<(&str, &str)>((e164, "")..)? {
            let (k, v) = row?;
            let (number, serial) = k.value();
            if number != e164 {
                break;
            }
            out.push((serial.to_owned(), v.value()));
        }
        Ok(out)
    }
}

impl<T: Tables> DirectoryReads for T {}

impl Writer {
    /// Stores a logo's bytes under their SHA-256 (`sha256`, which the
    /// caller computed), unless they are there already.
    pub fn put_logo(
        &mut self,
        sha256: &[u8; 32],
        media_type: MediaType,
        bytes: &[u8],
    ) -> Result<(), StoreError> {
        let mut table = self.tx.open_table(LOGOS)?;
        if table.get(sha256)?.is_none() {
            table.insert(sha256, encode(&(media_type, bytes))?.as_slice())?;
        }
        Ok(())
    }

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
    pub fn put_number(&mut self, e164: &E164, record: &NumberRecord) -> Result<(), StoreError> {
        let e164 = e164.as_str();
        let bytes = encode(record)?;
        self.note_known(e164);
        self.tx
            .open_table(NUMBERS)?
            .insert(e164, bytes.as_slice())?;
        self.tx
            .open_table(NUMBER_HASHES)?
            .insert(&e164_hash(e164), e164)?;
        self.changes.push(Change::Number(e164.to_owned()));
        self.changes.push(Change::Business(record.business.clone()));
        Ok(())
    }

    /// Removes a number and its hash index entry.
    pub fn remove_number(&mut self, e164: &E164) -> Result<(), StoreError> {
        let e164 = e164.as_str();
        let removed = self
            .tx
            .open_table(NUMBERS)?
            .remove(e164)?
            .map(|v| decode::<NumberRecord>(v.value()));
        self.tx
            .open_table(NUMBER_HASHES)?
            .remove(&e164_hash(e164))?;
        self.changes.push(Change::Number(e164.to_owned()));
        if let Some(record) = removed.transpose()? {
            self.changes.push(Change::Business(record.business));
        }
        Ok(())
    }

    /// Removes a business record (its numbers, claims and application are
    /// the caller's to remove first).
    pub fn remove_business(&mut self, id: &BusinessId) -> Result<(), StoreError> {
        self.tx.open_table(BUSINESSES)?.remove(id.as_str())?;
        self.changes.push(Change::Business(id.clone()));
        Ok(())
    }

    /// Stores an issued attestation and indexes its expiry and its number
    /// (dropping that number's tokens that expired before this one).
    pub fn put_attestation(&mut self, a: &Attestation) -> Result<(), StoreError> {
        let bytes = encode(a)?;
        self.tx
            .open_table(ATTESTATIONS)?
            .insert(a.serial.as_str(), bytes.as_slice())?;
        self.tx
            .open_table(EXPIRIES)?
            .insert((a.expires_at, a.serial.as_str()), ())?;
        let expired: Vec<String> = self
            .live_serials(E164::stored(&a.number))?
            .into_iter()
            .filter(|(_, exp)| *exp < a.issued_at - crate::token::SKEW)
            .map(|(serial, _)| serial)
            .collect();
        let mut index = self.tx.open_table(NUMBER_SERIALS)?;
        for serial in &expired {
            index.remove((a.number.as_str(), serial.as_str()))?;
        }
        index.insert((a.number.as_str(), a.serial.as_str()), a.expires_at)?;
        drop(index);
        self.answer_changed(E164::stored(&a.number));
        self.facts.issued.push(a.clone());
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
        self.tx
            .open_table(NUMBER_SERIALS)?
            .remove((r.number.as_str(), r.serial.as_str()))?;
        self.facts.revoked.push(r.clone());
        Ok(())
    }

    /// Inserts or replaces a signing key.
    pub fn put_key(&mut self, key: &StoredKey) -> Result<(), StoreError> {
        let bytes = encode(key)?;
        self.tx
            .open_table(KEYS)?
            .insert(key.kid.as_str(), bytes.as_slice())?;
        self.changes.push(Change::Key(key.kid.clone()));
        Ok(())
    }
}

/// What `f` makes of up to `limit` rows of a text-keyed table whose keys
/// come after `after`, in key order (one page of a pass over the table).
fn page_after<T>(
    table: &impl ReadableTable<&'static str, &'static [u8]>,
    after: &str,
    limit: usize,
    mut f: impl FnMut(&str, &[u8]) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    let mut out = Vec::with_capacity(limit.min(4096));
    for row in table.range::<&str>(after..)?.take(limit + 1) {
        let (k, v) = row?;
        if k.value() == after {
            continue;
        }
        out.push(f(k.value(), v.value())?);
        if out.len() == limit {
            break;
        }
    }
    Ok(out)
}

/// What `f` makes of the business `id` of `table`, read in place.
pub(super) fn business_ref<T>(
    table: &impl ReadableTable<&'static str, &'static [u8]>,
    id: &str,
    f: impl FnOnce(&BusinessRef<'_>) -> T,
) -> Result<Option<T>, StoreError> {
    with_value(table, id, |bytes| {
        Ok(f(&codec::decode_borrowed::<BusinessRef>(bytes)?))
    })
}

/// The inclusive key range of a 20-bit hash prefix.
pub(super) fn bucket_bounds(prefix: u32) -> ([u8; 32], [u8; 32]) {
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
