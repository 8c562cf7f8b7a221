//! The baseline of the import figure (issue 6): the same encoded records
//! that `bizseal import` wrote, inserted into a fresh redb with nothing else
//! around them: no JSON, no validation, no phone parsing, no signing, no
//! reads, tables opened once per transaction.
//!
//! ```sh
//! cargo run --release --example raw_insert -- DATA_DIR INPUT.jsonl DEST_DIR
//! ```
//!
//! `DATA_DIR` is a data dir that `bizseal import INPUT.jsonl` filled (and no
//! server holds). For every line of the input, in input order, it takes the
//! rows the import wrote for that business, byte for byte: the business,
//! its held numbers and their hash-index entries, attestations and their
//! expiry and per-number entries, its claims (numbers it lists but does not
//! hold) and their age entries, confusable-name keys, the stored lookup answers of its numbers,
//! and the business's rows of the changes feed. (Not the transparency-log
//! rows each issued token adds: the import's figure carries that work, the
//! baseline does not.) It inserts them into `DEST_DIR/raw.redb` in transactions of the
//! rows of 1000 lines (the import's batch), with the same durability and
//! page cache size as `store`, and times only those transactions. At the end it checks that the copy holds
//! as many rows per table as the import wrote, so the two measure the same
//! work.
//!
//! This is a measuring tool: it knows the table layout of `store`, which
//! nothing in the product outside `store` may.

use bizseal::phone::E164;
use bizseal::store::prelude::*;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use bizseal::model::BusinessStatus;
use bizseal::service::confusable;
use bizseal::store::Store;
use redb::{Database, ReadableDatabase, ReadableTable, ReadableTableMetadata, TableDefinition};

const BUSINESSES: TableDefinition<&str, &[u8]> = TableDefinition::new("businesses");
const NUMBERS: TableDefinition<&str, &[u8]> = TableDefinition::new("numbers");
const NUMBER_HASHES: TableDefinition<&[u8; 32], &str> = TableDefinition::new("number_hashes");
const ATTESTATIONS: TableDefinition<&str, &[u8]> = TableDefinition::new("attestations");
const EXPIRIES: TableDefinition<(i64, &str), ()> = TableDefinition::new("expiries");
const NAME_KEYS: TableDefinition<(&str, &str), ()> = TableDefinition::new("name_keys");
const CHANGES: TableDefinition<u64, &[u8]> = TableDefinition::new("changes");
const ANSWERS: TableDefinition<u64, &[u8]> = TableDefinition::new("answers");
const NUMBER_SERIALS: TableDefinition<(&str, &str), i64> = TableDefinition::new("number_serials");
const CLAIMS: TableDefinition<(&str, &str), &[u8]> = TableDefinition::new("claims");
const CLAIMS_BY_AGE: TableDefinition<(i64, &str, &str), ()> = TableDefinition::new("claims_by_age");

/// Lines per transaction, as `service::import` batches them.
const BATCH: usize = 1000;

/// A held number as the import wrote it: E.164, its SHA-256, and the
/// current attestation (serial, expiry).
type PlannedNumber = (String, [u8; 32], Option<(String, i64)>);

/// A claimed number: E.164, and the claim's age-index time if unproven.
type PlannedClaim = (String, Option<i64>);

/// redb page cache, as `store` sets it.
const CACHE_BYTES: usize = 512 * 1024 * 1024;

/// What the import wrote for one business, found through the public reads.
struct Planned {
    id: String,
    numbers: Vec<PlannedNumber>,
    claims: Vec<PlannedClaim>,
    /// Names whose confusable keys were indexed (verified businesses only).
    names: Vec<String>,
}

/// The rows of one batch, read out of the imported database.
#[derive(Default)]
struct Rows {
    businesses: Vec<(String, Vec<u8>)>,
    numbers: Vec<(String, Vec<u8>)>,
    hashes: Vec<([u8; 32], String)>,
    attestations: Vec<(String, Vec<u8>)>,
    expiries: Vec<(i64, String)>,
    number_serials: Vec<(String, String, i64)>,
    claims: Vec<(String, String, Vec<u8>)>,
    claims_by_age: Vec<(i64, String, String)>,
    name_keys: Vec<(String, String)>,
    changes: Vec<(u64, Vec<u8>)>,
    answers: Vec<(u64, Vec<u8>)>,
}

impl Rows {
    fn len(&self) -> usize {
        self.businesses.len()
            + self.numbers.len()
            + self.hashes.len()
            + self.attestations.len()
            + self.expiries.len()
            + self.number_serials.len()
            + self.claims.len()
            + self.claims_by_age.len()
            + self.name_keys.len()
            + self.changes.len()
            + self.answers.len()
    }
}

type AnyError = Box<dyn std::error::Error>;

fn main() -> Result<(), AnyError> {
    let mut args = std::env::args().skip(1);
    let (Some(src), Some(input), Some(dest)) = (args.next(), args.next(), args.next()) else {
        eprintln!("usage: raw_insert DATA_DIR INPUT.jsonl DEST_DIR");
        std::process::exit(2);
    };
    let src = PathBuf::from(src);
    let dest = PathBuf::from(dest);
    let plan = plan(&src, &PathBuf::from(input))?;
    let changes_per_business: Vec<u64> = plan.iter().map(|p| 1 + p.numbers.len() as u64).collect();

    let source = Database::open(src.join("bizseal.redb"))?;
    let read = source.begin_read()?;
    let src_changes = read.open_table(CHANGES)?;
    // The import's change rows are the newest ones: one per business and
    // one per number. Rows before them are from opening the data dir.
    let last_seq = src_changes.last()?.map(|(k, _)| k.value()).unwrap_or(0);
    let total_changes: u64 = changes_per_business.iter().sum();
    let mut seq = (last_seq + 1)
        .checked_sub(total_changes)
        .ok_or("the changes feed is shorter than the import wrote")?;

    std::fs::create_dir_all(&dest)?;
    let path = dest.join("raw.redb");
    let _ = std::fs::remove_file(&path);
    let db = Database::builder()
        .set_cache_size(CACHE_BYTES)
        .create(&path)?;
    {
        let tx = db.begin_write()?;
        tx.open_table(BUSINESSES)?;
        tx.open_table(NUMBERS)?;
        tx.open_table(NUMBER_HASHES)?;
        tx.open_table(ATTESTATIONS)?;
        tx.open_table(EXPIRIES)?;
        tx.open_table(NAME_KEYS)?;
        tx.open_table(CHANGES)?;
        tx.open_table(ANSWERS)?;
        tx.open_table(NUMBER_SERIALS)?;
        tx.open_table(CLAIMS)?;
        tx.open_table(CLAIMS_BY_AGE)?;
        tx.commit()?;
    }

    let mut timed = Duration::ZERO;
    let mut rows_total = 0usize;
    let mut transactions = 0usize;
    for (chunk_no, chunk) in plan.chunks(BATCH).enumerate() {
        let counts = &changes_per_business[chunk_no * BATCH..chunk_no * BATCH + chunk.len()];
        let rows = gather(&read, chunk, counts, &mut seq)?;
        rows_total += rows.len();
        let started = Instant::now();
        insert(&db, &rows)?;
        timed += started.elapsed();
        transactions += 1;
    }

    check_counts(&read, &db, total_changes)?;
    let secs = timed.as_secs_f64();
    println!(
        "raw_insert: {} businesses, {rows_total} rows in {transactions} transactions: {secs:.2} s, {:.0} businesses/s",
        plan.len(),
        plan.len() as f64 / secs.max(1e-9)
    );
    Ok(())
}

/// Pass 1, through bizseal's own public reads: which rows each line made.
fn plan(src: &std::path::Path, input: &std::path::Path) -> Result<Vec<Planned>, AnyError> {
    use std::io::BufRead;
    let store = Store::open(src)?;
    let r = store.read()?;
    let mut plan = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(input)?).lines() {
        let line = line?;
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let id = v["id"].as_str().ok_or("every line needs an id")?;
        let Some(b) = r.business(id)? else {
            continue; // refused by the import: it wrote nothing
        };
        let mut numbers = Vec::with_capacity(b.numbers.len());
        let mut claims = Vec::new();
        for e164 in &b.numbers {
            let Some(record) = r
                .number(E164::stored(e164))?
                .filter(|rec| rec.business == b.id)
            else {
                let claim = r
                    .claim(E164::stored(e164), id)?
                    .ok_or("a listed number is neither held nor claimed")?;
                claims.push((
                    e164.clone(),
                    claim.proof.is_none().then_some(claim.claimed_at),
                ));
                continue;
            };
            let attestation = match record.state.serial() {
                Some(serial) => {
                    let a = r
                        .attestation(serial)?
                        .ok_or("a serial has no attestation")?;
                    Some((a.serial, a.expires_at))
                }
                None => None,
            };
            let hash = bizseal::phone::e164_hash(e164);
            numbers.push((e164.clone(), hash, attestation));
        }
        // As `service::review::index_names`: every name and the legal name,
        // each once, of a verified business.
        let mut names = Vec::new();
        if b.status == BusinessStatus::Verified {
            names = b.names.values().cloned().collect();
            names.push(b.legal_name.clone());
            names.sort();
            names.dedup();
        }
        plan.push(Planned {
            id: b.id.as_str().to_owned(),
            numbers,
            claims,
            names,
        });
    }
    Ok(plan)
}

/// Reads one batch's rows out of the imported database (not timed).
fn gather(
    read: &redb::ReadTransaction,
    chunk: &[Planned],
    changes: &[u64],
    seq: &mut u64,
) -> Result<Rows, AnyError> {
    let businesses = read.open_table(BUSINESSES)?;
    let numbers = read.open_table(NUMBERS)?;
    let attestations = read.open_table(ATTESTATIONS)?;
    let change_rows = read.open_table(CHANGES)?;
    let answers = read.open_table(ANSWERS)?;
    let claims = read.open_table(CLAIMS)?;
    let mut rows = Rows::default();
    for (p, count) in chunk.iter().zip(changes) {
        let bytes = businesses.get(p.id.as_str())?.ok_or("business row")?;
        rows.businesses.push((p.id.clone(), bytes.value().to_vec()));
        for (e164, hash, attestation) in &p.numbers {
            let bytes = numbers.get(e164.as_str())?.ok_or("number row")?;
            rows.numbers.push((e164.clone(), bytes.value().to_vec()));
            rows.hashes.push((*hash, e164.clone()));
            // Keyed as the store keys them (`answer_key`): an integer.
            let key = bizseal::store::answer_key(e164).ok_or("an E.164 number")?;
            if let Some(bytes) = answers.get(key)? {
                rows.answers.push((key, bytes.value().to_vec()));
            }
            if let Some((serial, expires_at)) = attestation {
                let bytes = attestations
                    .get(serial.as_str())?
                    .ok_or("attestation row")?;
                rows.attestations
                    .push((serial.clone(), bytes.value().to_vec()));
                rows.expiries.push((*expires_at, serial.clone()));
                rows.number_serials
                    .push((e164.clone(), serial.clone(), *expires_at));
            }
        }
        for (e164, age) in &p.claims {
            let bytes = claims
                .get((e164.as_str(), p.id.as_str()))?
                .ok_or("claim row")?;
            rows.claims
                .push((e164.clone(), p.id.clone(), bytes.value().to_vec()));
            if let Some(at) = age {
                rows.claims_by_age.push((*at, e164.clone(), p.id.clone()));
            }
        }
        for name in &p.names {
            for key in confusable::stored_keys(name) {
                rows.name_keys.push((key, p.id.clone()));
            }
        }
        for _ in 0..*count {
            let bytes = change_rows.get(*seq)?.ok_or("change row")?;
            rows.changes.push((*seq, bytes.value().to_vec()));
            *seq += 1;
        }
    }
    Ok(rows)
}

/// One write transaction of plain inserts (the timed part).
fn insert(db: &Database, rows: &Rows) -> Result<(), AnyError> {
    let tx = db.begin_write()?;
    {
        let mut t = tx.open_table(BUSINESSES)?;
        for (k, v) in &rows.businesses {
            t.insert(k.as_str(), v.as_slice())?;
        }
        let mut t = tx.open_table(NUMBERS)?;
        for (k, v) in &rows.numbers {
            t.insert(k.as_str(), v.as_slice())?;
        }
        let mut t = tx.open_table(NUMBER_HASHES)?;
        for (k, v) in &rows.hashes {
            t.insert(k, v.as_str())?;
        }
        let mut t = tx.open_table(ATTESTATIONS)?;
        for (k, v) in &rows.attestations {
            t.insert(k.as_str(), v.as_slice())?;
        }
        let mut t = tx.open_table(EXPIRIES)?;
        for (at, serial) in &rows.expiries {
            t.insert((*at, serial.as_str()), ())?;
        }
        let mut t = tx.open_table(NAME_KEYS)?;
        for (key, id) in &rows.name_keys {
            t.insert((key.as_str(), id.as_str()), ())?;
        }
        let mut t = tx.open_table(CHANGES)?;
        for (k, v) in &rows.changes {
            t.insert(*k, v.as_slice())?;
        }
        let mut t = tx.open_table(ANSWERS)?;
        for (k, v) in &rows.answers {
            t.insert(*k, v.as_slice())?;
        }
        let mut t = tx.open_table(NUMBER_SERIALS)?;
        for (e164, serial, expires_at) in &rows.number_serials {
            t.insert((e164.as_str(), serial.as_str()), *expires_at)?;
        }
        let mut t = tx.open_table(CLAIMS)?;
        for (e164, id, v) in &rows.claims {
            t.insert((e164.as_str(), id.as_str()), v.as_slice())?;
        }
        let mut t = tx.open_table(CLAIMS_BY_AGE)?;
        for (at, e164, id) in &rows.claims_by_age {
            t.insert((*at, e164.as_str(), id.as_str()), ())?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// The copy must hold what the import wrote, or the two timings measure
/// different work.
fn check_counts(read: &redb::ReadTransaction, db: &Database, changes: u64) -> Result<(), AnyError> {
    let dest = db.begin_read()?;
    let pairs = [
        (
            "businesses",
            read.open_table(BUSINESSES)?.len()?,
            dest.open_table(BUSINESSES)?.len()?,
        ),
        (
            "numbers",
            read.open_table(NUMBERS)?.len()?,
            dest.open_table(NUMBERS)?.len()?,
        ),
        (
            "number_hashes",
            read.open_table(NUMBER_HASHES)?.len()?,
            dest.open_table(NUMBER_HASHES)?.len()?,
        ),
        (
            "attestations",
            read.open_table(ATTESTATIONS)?.len()?,
            dest.open_table(ATTESTATIONS)?.len()?,
        ),
        (
            "expiries",
            read.open_table(EXPIRIES)?.len()?,
            dest.open_table(EXPIRIES)?.len()?,
        ),
        (
            "name_keys",
            read.open_table(NAME_KEYS)?.len()?,
            dest.open_table(NAME_KEYS)?.len()?,
        ),
        ("changes", changes, dest.open_table(CHANGES)?.len()?),
        (
            "number_serials",
            read.open_table(NUMBER_SERIALS)?.len()?,
            dest.open_table(NUMBER_SERIALS)?.len()?,
        ),
        (
            "claims",
            read.open_table(CLAIMS)?.len()?,
            dest.open_table(CLAIMS)?.len()?,
        ),
        (
            "claims_by_age",
            read.open_table(CLAIMS_BY_AGE)?.len()?,
            dest.open_table(CLAIMS_BY_AGE)?.len()?,
        ),
        (
            "answers",
            read.open_table(ANSWERS)?.len()?,
            dest.open_table(ANSWERS)?.len()?,
        ),
    ];
    for (table, imported, copied) in pairs {
        if imported != copied {
            return Err(format!(
                "{table}: the import wrote {imported} rows, the copy holds {copied}"
            )
            .into());
        }
    }
    Ok(())
}
