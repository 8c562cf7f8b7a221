//! Bulk import of profiles (JSONL, one profile a line), as an operator
//! migrating an already-vetted registry would do.
//!
//! Lines are parsed and validated outside the write transaction, then
//! applied in batches, one redb transaction a batch. Every line is checked
//! against the store before anything of it is written, so a bad line is
//! reported and skipped without leaving half of itself behind. Importing the
//! same line twice changes nothing: tokens are re-issued only where their
//! claims change, and an import never lifts a revocation or a suspension.

use std::io::BufRead;
use std::time::Instant;

use super::attest::{evidence, revoke_serial, Signer};
use super::profile::{ProfileInput, ValidProfile};
use super::{Service, ServiceError};
use crate::model::{
    now, Business, BusinessId, BusinessStatus, Level, NumberRecord, NumberState, Proof, ProofMethod,
};
use crate::phone::PhoneNumber;
use crate::store::{StoreError, Writer};

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

/// A line that can be applied, or why it cannot.
type Parsed = (u64, Result<ValidProfile, String>);

impl Service {
    /// Imports every line of `input`. `progress` is told how many bytes
    /// have been read so far, after each batch.
    pub fn import(
        &self,
        input: impl BufRead,
        mut progress: impl FnMut(u64),
    ) -> Result<ImportReport, ImportError> {
        let started = Instant::now();
        let mut report = ImportReport::default();
        let mut bytes = 0u64;
        let mut batch: Vec<Parsed> = Vec::with_capacity(BATCH_LINES);
        for (index, raw) in input.split(b'\n').enumerate() {
            let line_no = index as u64 + 1;
            let raw = raw.map_err(|source| ImportError::Read {
                line: line_no,
                source,
            })?;
            bytes += raw.len() as u64 + 1;
            let parsed = match std::str::from_utf8(&raw) {
                Ok(line) if line.trim().is_empty() => continue,
                Ok(line) => parse_line(line.strip_suffix('\r').unwrap_or(line)),
                Err(e) => Err(format!(
                    "not UTF-8 (invalid byte at column {})",
                    e.valid_up_to() + 1
                )),
            };
            batch.push((line_no, parsed));
            if batch.len() == BATCH_LINES {
                self.apply_batch(std::mem::take(&mut batch), &mut report)?;
                progress(bytes);
            }
        }
        self.apply_batch(batch, &mut report)?;
        progress(bytes);
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

    fn apply_batch(
        &self,
        batch: Vec<Parsed>,
        report: &mut ImportReport,
    ) -> Result<(), ImportError> {
        if batch.is_empty() {
            return Ok(());
        }
        let keyring = self.keyring();
        let signer = self.signer(&keyring, now());
        let outcomes = self.store.write(|w| {
            let mut outcomes = Vec::with_capacity(batch.len());
            for (line, parsed) in batch {
                let outcome = match parsed {
                    Ok(profile) => apply(w, &signer, profile)?,
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

fn parse_line(line: &str) -> Result<ValidProfile, String> {
    let input: ProfileInput =
        serde_json::from_str(line).map_err(|e| format!("not a profile: {e}"))?;
    ValidProfile::try_from(input).map_err(|e| e.to_string())
}

/// Applies one profile. The outer `Result` is storage failing (the whole
/// batch is abandoned); the inner one is this line being refused, decided
/// before anything of it is written.
fn apply(
    w: &mut Writer,
    signer: &Signer,
    p: ValidProfile,
) -> Result<Result<Outcome, String>, StoreError> {
    let id = p.id.clone().unwrap_or_else(BusinessId::generate);
    let existing = w.business(id.as_str())?;
    let mut records = Vec::with_capacity(p.numbers.len());
    for (number, _) in &p.numbers {
        let record = w.number(number.as_str())?;
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
            if let Some(record) = w.number(gone)? {
                if let Some(serial) = record.state.serial() {
                    revoke_serial(w, serial, "removed from the profile", at)?;
                }
                w.remove_number(gone)?;
            }
            changed = true;
        }
    }

    for ((number, level), record) in p.numbers.iter().zip(records) {
        let next = next_state(w, signer, &business, number, *level, record.as_ref())?;
        if let Some(state) = next {
            let proof = match state {
                NumberState::Attested { .. } => record.and_then(|r| r.proof).or(Some(Proof {
                    method: ProofMethod::Import,
                    at,
                })),
                _ => None,
            };
            let record = NumberRecord {
                business: id.clone(),
                state,
                proof,
                updated_at: at,
            };
            w.put_number(number.as_str(), &record)?;
            changed = true;
        }
    }

    if !changed {
        return Ok(Ok(Outcome::Unchanged));
    }
    super::review::index_names(w, existing.as_ref(), &business)?;
    w.put_business(&business)?;
    Ok(Ok(if existing.is_none() {
        Outcome::Created
    } else {
        Outcome::Updated
    }))
}

/// The state a number moves to, or `None` when it stays as it is.
fn next_state(
    w: &mut Writer,
    signer: &Signer,
    business: &Business,
    number: &PhoneNumber,
    wanted: Option<Level>,
    current: Option<&NumberRecord>,
) -> Result<Option<NumberState>, StoreError> {
    let state = current.map(|r| &r.state);
    match (state, wanted) {
        // A revocation is never lifted by an import.
        (Some(NumberState::Revoked { .. }), _) => Ok(None),
        (Some(NumberState::Attested { level, serial }), Some(want)) => {
            let same_claims = *level == want
                && w.attestation(serial)?
                    .is_some_and(|a| a.name == business.default_name());
            if same_claims {
                return Ok(None);
            }
            revoke_serial(
                w,
                serial,
                "superseded: the attested facts changed",
                signer.at,
            )?;
            let evd = evidence(current.and_then(|r| r.proof), None, want);
            Ok(Some(signer.issue(
                w,
                business,
                number.as_str(),
                want,
                evd,
            )?))
        }
        (Some(NumberState::Attested { serial, .. }), None) => {
            revoke_serial(w, serial, "level withdrawn by import", signer.at)?;
            Ok(Some(NumberState::Unproven))
        }
        (Some(NumberState::Unproven) | None, Some(want)) => {
            let proof = Proof {
                method: ProofMethod::Import,
                at: signer.at,
            };
            let evd = evidence(Some(proof), None, want);
            Ok(Some(signer.issue(
                w,
                business,
                number.as_str(),
                want,
                evd,
            )?))
        }
        (Some(NumberState::Unproven), None) => Ok(None),
        (None, None) => Ok(Some(NumberState::Unproven)),
    }
}

fn same_profile(a: &Business, b: &Business) -> bool {
    let strip = |x: &Business| Business {
        updated_at: 0,
        ..x.clone()
    };
    strip(a) == strip(b)
}
