//! Bulk import of profiles (JSONL, one profile a line), as an operator
//! migrating an already-vetted registry would do.
//!
//! Lines are applied in batches, one redb transaction a batch. Every line
//! is checked against the store before anything of it is written, so a bad
//! line is reported and skipped without leaving half of itself behind.
//! Importing the same line twice changes nothing: tokens are re-issued only
//! where their claims change, and an import never lifts a revocation or a
//! suspension.
//!
//! The work that needs no write transaction (JSON parsing, validation with
//! the phone metadata, confusable-name keys, Ed25519 signatures) is done
//! for the next batch on a second thread while this batch is written, so
//! the writer does little but write. Tokens are signed ahead from a read
//! snapshot and used only if the transaction asks for exactly the same
//! claims (see `attest::Presigned`); the decisions themselves are all taken
//! inside the transaction, as before.

use crate::phone::E164;
use crate::store::prelude::*;
use std::io::BufRead;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Instant;

use super::attest::{evidence, revoke_live, Holder, Presigned, Signer};
use super::profile::{ProfileInput, ValidProfile};
use super::{Service, ServiceError};
use crate::keys::Keyring;
use crate::model::{
    default_name, now, Application, Business, BusinessId, BusinessStatus, Claim, Level, LogoState,
    NumberRecord, NumberState, Proof, ProofMethod,
};
use crate::phone::PhoneNumber;
use crate::store::{Reader, RepackReport, SavedKnown, StoreError, Writer};

/// Lines applied per write transaction: large enough to amortise the
/// commit's fsync, small enough to keep the writer lock short.
const BATCH_LINES: usize = 1000;

/// One rejected line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// 1-based line number in the input.
    pub line: u64,
    pub message: String,
}

/// What an import did.
#[derive(Debug, Default, Clone)]
pub struct ImportReport {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub failed: Vec<LineError>,
    pub seconds: f64,
}

impl ImportReport {
    /// Lines read, good or bad.
    pub fn lines(&self) -> u64 {
        self.created + self.updated + self.unchanged + self.failed.len() as u64
    }
}

/// The state of the stored answers before a bulk import by a command
/// ([`Service::begin_bulk_import`]).
#[derive(Debug, Clone, Copy)]
pub struct BulkImport {
    answers_current: bool,
    was_empty: bool,
}

/// What finishing a bulk import did ([`Service::finish_bulk_import`]).
#[derive(Debug, Default, Clone)]
pub struct BulkFinish {
    /// Answers rendered again in key order (0 when the import's own were
    /// all there is).
    pub rendered: u64,
    pub repacked: Option<RepackReport>,
    /// The filter of known numbers saved for the next start, when the
    /// import wrote anything.
    pub saved_known: Option<SavedKnown>,
    pub seconds: f64,
}

/// A bulk import that created or updated at least 1/`REPACK_SHARE` as many
/// businesses as there are stored answers (the load test's businesses have
/// 1.5 numbers each) repacks the lookup tables afterwards; a small one into
/// a large directory leaves them be (a repack is a pass over every row).
const REPACK_SHARE: u64 = 10;

/// Why an import stopped before the end of its input.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("reading the input failed at line {line}")]
    Read { line: u64, source: std::io::Error },
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        ImportError::Service(e.into())
    }
}

enum Outcome {
    Created,
    Updated,
    Unchanged,
}

/// One line as read: its number and its text, or why it has none.
type RawLine = (u64, Result<String, String>);

/// A line that can be applied, or why it cannot.
type Parsed = (u64, Result<Ready, String>);

/// A valid profile with what could be worked out ahead for it.
struct Ready {
    profile: ValidProfile,
    /// Its confusable-name keys, when it will probably be verified.
    name_keys: Option<Vec<String>>,
}

/// A batch ready for its write transaction.
struct Prepared {
    lines: Vec<Parsed>,
    /// The keyring and time the tokens were signed ahead with; the write
    /// must sign (or take) with the same ones.
    keyring: Arc<Keyring>,
    at: i64,
    presigned: Presigned,
    /// Input bytes read up to the end of this batch, for progress.
    bytes: u64,
}

impl Service {
    /// Before a command's bulk import: answers rendered by another build
    /// are dropped (the import renders its own as it commits, and
    /// [`Service::finish_bulk_import`] the rest), so that the first server
    /// start after the import has nothing to render.
    pub fn begin_bulk_import(&self) -> Result<BulkImport, ServiceError> {
        let was_empty = self.store.read()?.number_count()? == 0;
        let answers_current = !crate::lookup::start_over(&self.store)?;
        Ok(BulkImport {
            answers_current,
            was_empty,
        })
    }

    /// After it: makes every stored answer this build's (an import into an
    /// empty directory rendered each as it committed; otherwise one pass in
    /// key order renders them all), then repacks the lookup tables when the
    /// import created or updated at least a tenth as many businesses as
    /// there are stored answers: rows arriving out of key order leave leaves
    /// part-filled, and a lookup is fast while the table fits the cache.
    /// Costs O(answers) when it renders or repacks, else nothing. (Into a
    /// directory holding answers of another build, the import's commits
    /// render answers that the full pass renders again: an upgrade met by
    /// a bulk import is rare enough to leave that double work.)
    pub fn finish_bulk_import(
        &self,
        begun: BulkImport,
        report: &ImportReport,
    ) -> Result<BulkFinish, ServiceError> {
        let started = Instant::now();
        let mut finish = BulkFinish::default();
        if !begun.answers_current {
            if begun.was_empty {
                crate::lookup::mark_current(&self.store)?;
            } else {
                finish.rendered = crate::lookup::render_all(
                    &self.store,
                    &std::sync::atomic::AtomicBool::new(false),
                )?;
            }
        }
        let written = report.created + report.updated;
        let stored = self.store.read()?.answer_rows()?;
        let rewrote_all = finish.rendered > 0;
        if rewrote_all || (written > 0 && written.saturating_mul(REPACK_SHARE) >= stored) {
            finish.repacked = Some(self.store.repack_lookup_tables()?);
        }
        // The next server start then reads the filter back (O(its bytes))
        // instead of going through every number. The import is done
        // either way: a failed save only costs that start the pass.
        if written > 0 {
            finish.saved_known = self
                .store
                .save_known_numbers(true)
                .inspect_err(|e| tracing::warn!(error = %e, "cannot save the filter of known numbers; the next start reads the tables"))
                .ok()
                .flatten();
        }
        finish.seconds = started.elapsed().as_secs_f64();
        Ok(finish)
    }

    /// Imports every line of `input`. `progress` is told how many bytes
    /// have been read so far, after each batch.
    ///
    /// This thread reads and writes; a second one prepares the batch after
    /// the one being written. A line that cannot be read stops the import
    /// there: the batches before it are written, the one it is in is not.
    pub fn import(
        &self,
        input: impl BufRead,
        mut progress: impl FnMut(u64),
    ) -> Result<ImportReport, ImportError> {
        let started = Instant::now();
        let mut report = ImportReport::default();
        std::thread::scope(|scope| {
            // One batch waits to be prepared while another is prepared and a
            // third is written: at most three batches in memory.
            let (to_prepare, raw_batches) = mpsc::sync_channel::<(Vec<RawLine>, u64)>(1);
            let (to_write, prepared) = mpsc::sync_channel::<Result<Prepared, StoreError>>(1);
            scope.spawn(move || {
                for (raw, bytes) in raw_batches {
                    if to_write.send(self.prepare(raw, bytes)).is_err() {
                        break;
                    }
                }
            });
            let mut in_flight = 0usize;
            let mut write_one = |report: &mut ImportReport| -> Result<(), ImportError> {
                match prepared.recv() {
                    Ok(batch) => {
                        let batch = batch?;
                        let bytes = batch.bytes;
                        self.apply_batch(batch, report)?;
                        progress(bytes);
                        Ok(())
                    }
                    // The preparing thread only stops early by panicking,
                    // which the scope passes on when it ends.
                    Err(_) => Ok(()),
                }
            };
            let mut bytes = 0u64;
            let mut batch: Vec<RawLine> = Vec::with_capacity(BATCH_LINES);
            for (index, raw) in input.split(b'\n').enumerate() {
                let line_no = index as u64 + 1;
                let raw = match raw {
                    Ok(raw) => raw,
                    Err(source) => {
                        for _ in 0..in_flight {
                            write_one(&mut report)?;
                        }
                        return Err(ImportError::Read {
                            line: line_no,
                            source,
                        });
                    }
                };
                bytes += raw.len() as u64 + 1;
                let text = match String::from_utf8(raw) {
                    Ok(line) if line.trim().is_empty() => continue,
                    Ok(mut line) => {
                        if line.ends_with('\r') {
                            line.pop();
                        }
                        Ok(line)
                    }
                    Err(e) => Err(format!(
                        "not UTF-8 (invalid byte at column {})",
                        e.utf8_error().valid_up_to() + 1
                    )),
                };
                batch.push((line_no, text));
                if batch.len() == BATCH_LINES {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH_LINES));
                    if to_prepare.send((full, bytes)).is_ok() {
                        in_flight += 1;
                    }
                    // Keep the preparing thread one batch ahead.
                    if in_flight > 1 {
                        write_one(&mut report)?;
                        in_flight -= 1;
                    }
                }
            }
            if !batch.is_empty() && to_prepare.send((batch, bytes)).is_ok() {
                in_flight += 1;
            }
            drop(to_prepare);
            for _ in 0..in_flight {
                write_one(&mut report)?;
            }
            progress(bytes);
            Ok::<_, ImportError>(())
        })?;
        report.seconds = started.elapsed().as_secs_f64();
        Ok(report)
    }

    /// Loads the bundled demo data set unless it is already there.
    pub fn load_demo(&self) -> Result<Option<ImportReport>, ImportError> {
        let data = crate::demo::BUSINESSES;
        let first_id = data
            .lines()
            .next()
            .and_then(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .and_then(|v| v.get("id").and_then(|id| id.as_str()).map(str::to_owned));
        if let Some(id) = first_id {
            if self.store.read()?.business(&id)?.is_some() {
                return Ok(None);
            }
        }
        self.import(data.as_bytes(), |_| {}).map(Some)
    }

    /// Parses and checks a batch's lines and signs, from a read snapshot,
    /// the tokens its write will most likely ask for. Runs beside the
    /// writer, so it must not decide anything: it only guesses.
    fn prepare(&self, raw: Vec<RawLine>, bytes: u64) -> Result<Prepared, StoreError> {
        let keyring = self.keyring();
        let at = now();
        let lines: Vec<Parsed> = raw
            .into_iter()
            .map(|(line, text)| (line, text.and_then(|t| parse_line(&t))))
            .collect();
        let signer = self.signer(&keyring, at);
        let presigned = sign_ahead(&*self.store.read()?, &signer, &lines)?;
        Ok(Prepared {
            lines,
            keyring: Arc::clone(&keyring),
            at,
            presigned,
            bytes,
        })
    }

    fn apply_batch(&self, batch: Prepared, report: &mut ImportReport) -> Result<(), ImportError> {
        if batch.lines.is_empty() {
            return Ok(());
        }
        let Prepared {
            lines,
            keyring,
            at,
            presigned,
            ..
        } = batch;
        let signer = self.signer(&keyring, at).with_presigned(presigned);
        let outcomes = self.write(|w| {
            let mut outcomes = Vec::with_capacity(lines.len());
            for (line, parsed) in lines {
                let outcome = match parsed {
                    Ok(ready) => apply(w, &signer, ready)?,
                    Err(message) => Err(message),
                };
                outcomes.push((line, outcome));
            }
            Ok::<_, StoreError>(outcomes)
        })?;
        for (line, outcome) in outcomes {
            match outcome {
                Ok(Outcome::Created) => report.created += 1,
                Ok(Outcome::Updated) => report.updated += 1,
                Ok(Outcome::Unchanged) => report.unchanged += 1,
                Err(message) => report.failed.push(LineError { line, message }),
            }
        }
        Ok(())
    }
}

/// Parses and validates a line, gives it an id if it has none, and works
/// out its name keys if it will probably be verified.
fn parse_line(line: &str) -> Result<Ready, String> {
    let input: ProfileInput =
        serde_json::from_str(line).map_err(|e| format!("not a profile: {e}"))?;
    let mut profile = ValidProfile::try_from(input).map_err(|e| e.to_string())?;
    if profile.id.is_none() {
        profile.id = Some(BusinessId::generate());
    }
    let verified = match profile.status {
        Some(status) => status == BusinessStatus::Verified,
        None => profile.numbers.iter().any(|(_, l)| *l == Some(Level::A)),
    };
    let name_keys =
        verified.then(|| super::review::name_keys(&profile.legal_name, profile.names.values()));
    Ok(Ready { profile, name_keys })
}

/// Signs the tokens `next_state` will ask for if the store still holds what
/// `r` shows: for each number a line wants attested, a fresh token unless
/// it already holds one with the same level and name. A wrong guess only
/// wastes a signature (`attest::Presigned`).
fn sign_ahead(r: &Reader, signer: &Signer, lines: &[Parsed]) -> Result<Presigned, StoreError> {
    let mut out = Presigned::default();
    let imported = Proof {
        method: ProofMethod::Import,
        at: signer.at,
    };
    for (_, parsed) in lines {
        let Ok(Ready { profile: p, .. }) = parsed else {
            continue;
        };
        let Some(id) = &p.id else { continue };
        let verified = match p.status {
            Some(status) => status == BusinessStatus::Verified,
            None => p.numbers.iter().any(|(_, l)| *l == Some(Level::A)),
        };
        if !verified {
            continue; // no token before review
        }
        let name = default_name(&p.names, &p.default_lang, &p.legal_name);
        for (number, level) in &p.numbers {
            let Some(want) = *level else { continue };
            let proof = match r.number(number)? {
                None => Some(imported),
                Some(record) if record.business != *id => continue,
                Some(record) => match &record.state {
                    NumberState::Revoked { .. } => continue,
                    NumberState::Unproven | NumberState::OnHold { .. } => Some(imported),
                    NumberState::Attested { level, serial } => {
                        let same = *level == want
                            && r.attestation(serial)?.is_some_and(|a| a.name == name);
                        if same {
                            continue;
                        }
                        record.proof
                    }
                },
            };
            let evd = evidence(proof, None);
            // An import fetches no logo, and a guess that misses one kept
            // from before only costs a signature.
            let holder = Holder {
                id,
                name,
                logo: None,
            };
            signer.sign_ahead(&mut out, holder, number, want, evd);
        }
    }
    Ok(out)
}

/// Applies one profile. The outer `Result` is storage failing (the whole
/// batch is abandoned); the inner one is this line being refused, decided
/// before anything of it is written.
fn apply(
    w: &mut Writer,
    signer: &Signer,
    ready: Ready,
) -> Result<Result<Outcome, String>, StoreError> {
    let Ready {
        profile: p,
        name_keys,
    } = ready;
    let id = p.id.clone().unwrap_or_else(BusinessId::generate);
    let existing = w.business(id.as_str())?;
    let mut records = Vec::with_capacity(p.numbers.len());
    for (number, _) in &p.numbers {
        let record = w.number(number)?;
        if let Some(r) = &record {
            if r.business != id {
                return Ok(Err(format!(
                    "{number} already belongs to business {}",
                    r.business
                )));
            }
        }
        records.push(record);
    }

    let at = signer.at;
    let any_a = p.numbers.iter().any(|(_, l)| *l == Some(Level::A));
    if any_a && matches!(p.status, Some(BusinessStatus::Registered)) {
        return Ok(Err(
            "level A numbers need a verified business: drop \"status\" or set it to \"verified\""
                .into(),
        ));
    }
    let status = match (existing.as_ref().map(|b| b.status), p.status) {
        (Some(BusinessStatus::Suspended), _) => BusinessStatus::Suspended,
        (_, Some(s)) => s,
        (_, None) if any_a => BusinessStatus::Verified,
        (_, None) => BusinessStatus::Registered,
    };
    let business = Business {
        id: id.clone(),
        legal_name: p.legal_name,
        names: p.names,
        default_lang: p.default_lang,
        category: p.category,
        country: p.country,
        city: p.city,
        website: p.website,
        description: p.description,
        // An import fetches nothing: a logo fetched before stays while its
        // URL does; a new URL is fetched at the business's next approval.
        logo: existing
            .as_ref()
            .filter(|b| b.logo_url == p.logo_url)
            .map_or_else(LogoState::default, |b| b.logo),
        logo_url: p.logo_url,
        status,
        numbers: p
            .numbers
            .iter()
            .map(|(n, _)| n.as_str().to_owned())
            .collect(),
        commands: p.commands,
        created_at: existing.as_ref().map_or(at, |b| b.created_at),
        updated_at: at,
    };
    let mut changed = match &existing {
        None => true,
        Some(old) => !same_profile(old, &business),
    };

    if let Some(old) = &existing {
        for gone in old.numbers.iter().filter(|n| !business.numbers.contains(n)) {
            super::claims::drop_number(w, &id, E164::stored(gone), "removed from the profile", at)?;
            changed = true;
        }
    }

    let newly_suspended = business.status == BusinessStatus::Suspended
        && existing.as_ref().map(|b| b.status) != Some(BusinessStatus::Suspended);
    if newly_suspended {
        // An operator's import that suspends is a suspension like a
        // reviewer's: remembered with the status it returns to.
        let mut app = w
            .application(id.as_str())?
            .unwrap_or_else(|| Application::new(id.clone()));
        let previous = match existing.as_ref().map(|b| b.status) {
            Some(s) => s,
            None if p.numbers.iter().any(|(_, l)| l.is_some()) => BusinessStatus::Verified,
            None => BusinessStatus::Registered,
        };
        if app.suspend(previous, "suspended by import", at).is_ok() {
            w.put_application(&app)?;
        }
    }
    for ((number, level), record) in p.numbers.iter().zip(records) {
        let e164: &E164 = number;
        if business.status == BusinessStatus::Suspended {
            // A suspended business's numbers go on hold (their tokens
            // revoked) and wait for the reviewers.
            if let Some(mut record) = record {
                if let Some((held, _)) = record.state.hold() {
                    revoke_live(w, e164, &id, "suspended: by import", at)?;
                    record.state = held;
                    record.updated_at = at;
                    w.put_number(e164, &record)?;
                    changed = true;
                }
            }
            continue;
        }
        // Public means reviewed: only a verified business's number with a
        // level is held; every other one is a claim (proven when the
        // operator vouches for it with a level).
        let held = business.status == BusinessStatus::Verified && level.is_some();
        if !held {
            if let Some(NumberState::Attested { .. }) = record.as_ref().map(|r| &r.state) {
                revoke_live(w, e164, &id, "level withdrawn by import", at)?;
                w.remove_number(e164)?;
                changed = true;
            }
            if record
                .as_ref()
                .is_some_and(|r| matches!(r.state, NumberState::Revoked { .. }))
            {
                continue;
            }
            let want = match level {
                Some(_) => Claim::proven(Proof {
                    method: ProofMethod::Import,
                    at,
                }),
                None => Claim::new(at),
            };
            let same = w
                .claim(e164, id.as_str())?
                .is_some_and(|c| c.proof.is_some() == want.proof.is_some());
            if !same {
                w.put_claim(e164, id.as_str(), &want)?;
                changed = true;
            }
            continue;
        }
        let next = next_state(w, signer, &business, number, *level, record.as_ref())?;
        if let Some(state) = next {
            let proof = record.and_then(|r| r.proof).or(Some(Proof {
                method: ProofMethod::Import,
                at,
            }));
            let record = NumberRecord {
                business: id.clone(),
                state,
                proof,
                updated_at: at,
            };
            w.put_number(e164, &record)?;
            w.remove_claim(e164.as_str(), id.as_str())?;
            changed = true;
        }
    }

    if !changed {
        return Ok(Ok(Outcome::Unchanged));
    }
    super::review::index_names_with(w, existing.as_ref(), &business, name_keys)?;
    w.put_business(&business)?;
    Ok(Ok(if existing.is_none() {
        Outcome::Created
    } else {
        Outcome::Updated
    }))
}

/// The state a verified business's number with a level moves to, or
/// `None` when it stays as it is.
fn next_state(
    w: &mut Writer,
    signer: &Signer,
    business: &Business,
    number: &PhoneNumber,
    wanted: Option<Level>,
    current: Option<&NumberRecord>,
) -> Result<Option<NumberState>, StoreError> {
    let Some(want) = wanted else { return Ok(None) };
    let proof = current.and_then(|r| r.proof).unwrap_or(Proof {
        method: ProofMethod::Import,
        at: signer.at,
    });
    match current.map(|r| &r.state) {
        // A revocation is never lifted by an import.
        Some(NumberState::Revoked { .. }) => Ok(None),
        Some(NumberState::Attested { level, serial }) => {
            let same_claims = *level == want
                && w.attestation(serial)?
                    .is_some_and(|a| a.name == business.default_name());
            if same_claims {
                return Ok(None);
            }
            revoke_live(
                w,
                number,
                &business.id,
                "superseded: the attested facts changed",
                signer.at,
            )?;
            let evd = evidence(Some(proof), None);
            Ok(Some(signer.issue(w, business, number, want, evd)?))
        }
        Some(NumberState::Unproven | NumberState::OnHold { .. }) | None => {
            let evd = evidence(Some(proof), None);
            Ok(Some(signer.issue(w, business, number, want, evd)?))
        }
    }
}

fn same_profile(a: &Business, b: &Business) -> bool {
    let strip = |x: &Business| Business {
        updated_at: 0,
        ..x.clone()
    };
    strip(a) == strip(b)
}
