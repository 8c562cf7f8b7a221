//! The workflow tables: applications and the review queue, API keys and
//! reviewer tokens (hashes only), one-time-code challenges, rate-limit
//! events, spam reports, confusable-name keys, and the audit trail.

use redb::{ReadableTable, TableDefinition, WriteTransaction};

use super::read::Tables;
use super::{decode, encode, get_record, StoreError, Writer, DAY};
use crate::model::{
    Application, ApplicationV4, ApplicationV6, AuditEntry, Business, Claim, Report,
};
use crate::phone::E164;

/// Spam reports count towards a number's reputation for this long.
pub const REPORT_WINDOW: i64 = 30 * DAY;

/// The spam reports of a number inside the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportWindow {
    /// Reports over the last [`REPORT_WINDOW`].
    pub count: u64,
    /// The count holds until this time: then its oldest day leaves the
    /// window (`i64::MAX` when nothing is counted).
    pub valid_until: i64,
}

pub(super) const APPLICATIONS: TableDefinition<&str, &[u8]> = TableDefinition::new("applications");
/// (queued_at, business): the review queue, oldest first.
pub(super) const REVIEW_QUEUE: TableDefinition<(i64, &str), ()> =
    TableDefinition::new("review_queue");
/// SHA-256 of an API key → business id. The key itself is never stored.
pub(super) const API_KEYS: TableDefinition<&[u8; 32], &str> = TableDefinition::new("api_keys");
/// SHA-256 of a reviewer token → reviewer name.
pub(super) const REVIEWERS: TableDefinition<&[u8; 32], &str> = TableDefinition::new("reviewers");
/// (E.164, business) → that business's claim to the number: its code,
/// failures and proof. Claims of several businesses sit side by side.
pub(super) const CLAIMS: TableDefinition<(&str, &str), &[u8]> = TableDefinition::new("claims");
/// (claimed at, E.164, business): unproven claims by age, so lapsed ones
/// are found with one range read.
pub(super) const CLAIMS_BY_AGE: TableDefinition<(i64, &str, &str), ()> =
    TableDefinition::new("claims_by_age");
/// Schema 4's per-number code and failure tables, dropped by the upgrade
/// to 5 (a code lives ten minutes; failures now count per claim).
const CHALLENGES_V4: TableDefinition<&str, &[u8]> = TableDefinition::new("challenges");
const OTP_FAILURES_V4: TableDefinition<&str, u32> = TableDefinition::new("otp_failures");
/// (limit key, second) → events in that second, for sliding-window limits.
pub(super) const RATE_EVENTS: TableDefinition<(&str, i64), u32> =
    TableDefinition::new("rate_events");
/// (E.164, day number) → spam reports that day: a 30-day sliding count is a
/// range read of at most 30 rows, whatever the number's history.
pub(super) const REPORT_DAYS: TableDefinition<(&str, i64), u64> =
    TableDefinition::new("report_days");
/// (E.164, at, report id) → the report.
pub(super) const REPORTS: TableDefinition<(&str, i64, &str), &[u8]> =
    TableDefinition::new("reports");
/// (E.164, reporter hash) → the reporter's latest report time, so distinct
/// reporters over a window are one range read.
pub(super) const REPORTERS: TableDefinition<(&str, &str), i64> = TableDefinition::new("reporters");
/// (name key, business): confusable-name keys of verified businesses.
pub(super) const NAME_KEYS: TableDefinition<(&str, &str), ()> = TableDefinition::new("name_keys");
pub(super) const AUDIT: TableDefinition<u64, &[u8]> = TableDefinition::new("audit");
pub(super) const AUDIT_BY_BUSINESS: TableDefinition<(&str, u64), ()> =
    TableDefinition::new("audit_by_business");

/// Rate-limit events older than this are pruned: no window is longer.
const RATE_HORIZON: i64 = DAY;

/// Creates every workflow table (run once at open).
pub(super) fn create_tables(tx: &WriteTransaction) -> Result<(), StoreError> {
    tx.open_table(APPLICATIONS)?;
    tx.open_table(REVIEW_QUEUE)?;
    tx.open_table(API_KEYS)?;
    tx.open_table(REVIEWERS)?;
    tx.open_table(CLAIMS)?;
    tx.open_table(CLAIMS_BY_AGE)?;
    tx.open_table(RATE_EVENTS)?;
    tx.open_table(REPORT_DAYS)?;
    tx.open_table(REPORTS)?;
    tx.open_table(REPORTERS)?;
    tx.open_table(NAME_KEYS)?;
    tx.open_table(AUDIT)?;
    tx.open_table(AUDIT_BY_BUSINESS)?;
    Ok(())
}

/// The upgrade to schema 5: applications take today's shape (a pending
/// name change becomes a pending edit), and the per-number code tables go.
pub(super) fn upgrade_to_5(tx: &WriteTransaction) -> Result<u64, StoreError> {
    let mut apps = tx.open_table(APPLICATIONS)?;
    let businesses = tx.open_table(super::directory::BUSINESSES)?;
    let mut old = Vec::new();
    for row in apps.iter()? {
        let (k, v) = row?;
        old.push((k.value().to_owned(), decode::<ApplicationV4>(v.value())?));
    }
    let upgraded = old.len() as u64;
    for (id, app) in old {
        let business = get_record::<_, Business, _>(&businesses, id.as_str())?;
        let app = app.upgrade(business.as_ref());
        apps.insert(id.as_str(), encode(&app)?.as_slice())?;
    }
    drop(apps);
    drop(businesses);
    tx.delete_table(CHALLENGES_V4)?;
    tx.delete_table(OTP_FAILURES_V4)?;
    Ok(upgraded)
}

/// The upgrade to schema 7: applications written by schemas 5 and 6 in
/// today's shape (a pending edit's quick replies get a language). Returns
/// how many.
pub(super) fn upgrade_to_7(tx: &WriteTransaction) -> Result<u64, StoreError> {
    let mut apps = tx.open_table(APPLICATIONS)?;
    let mut upgraded = Vec::new();
    for row in apps.iter()? {
        let (k, v) = row?;
        let app = decode::<ApplicationV6>(v.value())?.upgrade();
        upgraded.push((k.value().to_owned(), app));
    }
    for (id, app) in &upgraded {
        apps.insert(id.as_str(), encode(app)?.as_slice())?;
    }
    Ok(upgraded.len() as u64)
}

/// Reports about `e164` on days from the one holding `since` on, and the
/// oldest such day.
fn days_since(
    table: &impl ReadableTable<(&'static str, i64), u64>,
    e164: &str,
    since: i64,
) -> Result<(u64, Option<i64>), StoreError> {
    let mut total = 0;
    let mut oldest = None;
    for row in table.range::<(&str, i64)>((e164, since.div_euclid(DAY))..=(e164, i64::MAX))? {
        let (k, v) = row?;
        oldest.get_or_insert(k.value().1);
        total += v.value();
    }
    Ok((total, oldest))
}

/// The reports of `e164` in the [`REPORT_WINDOW`] that ends at `at`. A day
/// `d` counts while `at` is before day `d + 1` plus the window, so the count
/// holds until the oldest counted day passes that point.
pub(super) fn report_window(
    table: &impl ReadableTable<(&'static str, i64), u64>,
    e164: &str,
    at: i64,
) -> Result<ReportWindow, StoreError> {
    let (count, oldest) = days_since(table, e164, at - REPORT_WINDOW)?;
    Ok(ReportWindow {
        count,
        valid_until: oldest.map_or(i64::MAX, |day| {
            day.saturating_add(1)
                .saturating_mul(DAY)
                .saturating_add(REPORT_WINDOW)
        }),
    })
}

/// The workflow's reads, the same for a snapshot and a write
/// transaction (`read`).
pub trait WorkflowReads: Tables {
    /// The application of a business.
    fn application(&self, business: &str) -> Result<Option<Application>, StoreError> {
        get_record(&self.table(APPLICATIONS)?, business)
    }

    /// The business an API key (by its hash) belongs to.
    fn business_for_key(&self, hash: &[u8; 32]) -> Result<Option<String>, StoreError> {
        let table = self.table(API_KEYS)?;
        let found = table.get(hash)?.map(|v| v.value().to_owned());
        Ok(found)
    }

    /// Every reviewer token's hash and what it stands for.
    fn reviewers(&self) -> Result<Vec<([u8; 32], String)>, StoreError> {
        let table = self.table(REVIEWERS)?;
        let mut out = Vec::new();
        for row in table.iter()? {
            let (k, v) = row?;
            out.push((*k.value(), v.value().to_owned()));
        }
        Ok(out)
    }

    /// The reviewer a token (by its hash) belongs to.
    fn reviewer_for_token(&self, hash: &[u8; 32]) -> Result<Option<String>, StoreError> {
        let table = self.table(REVIEWERS)?;
        let found = table.get(hash)?.map(|v| v.value().to_owned());
        Ok(found)
    }

    /// A business's claim to a number.
    fn claim(&self, e164: &E164, business: &str) -> Result<Option<Claim>, StoreError> {
        let e164 = e164.as_str();
        get_record(&self.table(CLAIMS)?, (e164, business))
    }

    /// Every claim to a number, by business id.
    fn claims_of(&self, e164: &E164) -> Result<Vec<(String, Claim)>, StoreError> {
        let e164 = e164.as_str();
        let table = self.table(CLAIMS)?;
        let mut out = Vec::new();
        for row in table.range::<(&str, &str)>((e164, "")..)? {
            let (k, v) = row?;
            let (number, business) = k.value();
            if number != e164 {
                break;
            }
            out.push((business.to_owned(), decode::<Claim>(v.value())?));
        }
        Ok(out)
    }

    /// Unproven claims made before `before`, oldest first, at most
    /// `limit`: (E.164, business).
    fn claims_made_before(
        &self,
        before: i64,
        limit: usize,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let table = self.table(CLAIMS_BY_AGE)?;
        let mut out = Vec::new();
        for row in table
            .range::<(i64, &str, &str)>((i64::MIN, "", "")..(before, "", ""))?
            .take(limit)
        {
            let (k, _) = row?;
            let (_, number, business) = k.value();
            out.push((number.to_owned(), business.to_owned()));
        }
        Ok(out)
    }

    /// Events under a rate-limit key at or after `since`.
    fn rate_count(&self, key: &str, since: i64) -> Result<u64, StoreError> {
        let table = self.table(RATE_EVENTS)?;
        let mut total = 0u64;
        for row in table.range::<(&str, i64)>((key, since)..=(key, i64::MAX))? {
            total += u64::from(row?.1.value());
        }
        Ok(total)
    }

    /// Distinct reporters of a number since `since`.
    fn reporters_since(&self, e164: &E164, since: i64) -> Result<u64, StoreError> {
        let e164 = e164.as_str();
        let table = self.table(REPORTERS)?;
        let mut n = 0;
        for row in table.range::<(&str, &str)>((e164, "")..)? {
            let (k, v) = row?;
            if k.value().0 != e164 {
                break;
            }
            if v.value() >= since {
                n += 1;
            }
        }
        Ok(n)
    }

    /// Businesses that hold a confusable-name key.
    fn businesses_with_name_key(&self, key: &str) -> Result<Vec<String>, StoreError> {
        let table = self.table(NAME_KEYS)?;
        let mut out = Vec::new();
        for row in table.range::<(&str, &str)>((key, "")..)? {
            let (k, _) = row?;
            let (found, business) = k.value();
            if found != key {
                break;
            }
            out.push(business.to_owned());
        }
        Ok(out)
    }

    /// Spam reports about a number since `since` (seconds), counted by day.
    fn reports_since(&self, e164: &E164, since: i64) -> Result<u64, StoreError> {
        let e164 = e164.as_str();
        let table = self.table(REPORT_DAYS)?;
        Ok(days_since(&table, e164, since)?.0)
    }

    /// The spam reports of a number in the window ending at `at`.
    fn report_window(&self, e164: &E164, at: i64) -> Result<ReportWindow, StoreError> {
        let e164 = e164.as_str();
        report_window(&self.table(REPORT_DAYS)?, e164, at)
    }

    /// Businesses waiting for review, oldest first.
    fn review_queue(&self, limit: usize) -> Result<Vec<String>, StoreError> {
        let table = self.table(REVIEW_QUEUE)?;
        let mut out = Vec::new();
        for row in table.iter()?.take(limit) {
            let (k, _) = row?;
            out.push(k.value().1.to_owned());
        }
        Ok(out)
    }

    /// The most recent reports about a number, newest first.
    fn reports_for(&self, e164: &E164, limit: usize) -> Result<Vec<Report>, StoreError> {
        let e164 = e164.as_str();
        let table = self.table(REPORTS)?;
        let mut out = Vec::new();
        for row in table
            .range::<(&str, i64, &str)>((e164, i64::MIN, "")..=(e164, i64::MAX, "\u{10FFFF}"))?
            .rev()
            .take(limit)
        {
            out.push(decode::<Report>(row?.1.value())?);
        }
        Ok(out)
    }

    /// The audit trail, oldest first: of one business, or of everything.
    fn audit(&self, business: Option<&str>, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        let entries = self.table(AUDIT)?;
        let mut out = Vec::new();
        match business {
            Some(id) => {
                let index = self.table(AUDIT_BY_BUSINESS)?;
                for row in index
                    .range::<(&str, u64)>((id, 0)..=(id, u64::MAX))?
                    .take(limit)
                {
                    let seq = row?.0.value().1;
                    if let Some(v) = entries.get(seq)? {
                        out.push(decode::<AuditEntry>(v.value())?);
                    }
                }
            }
            None => {
                for row in entries.iter()?.take(limit) {
                    out.push(decode::<AuditEntry>(row?.1.value())?);
                }
            }
        }
        Ok(out)
    }

    /// A page of the audit trail, newest first, each entry with its
    /// sequence number: of one business or of everything, the entries
    /// before `before` (a sequence number; the newest when `None`), at most
    /// `limit`. The next page starts before the last one's number, so
    /// paging is a range read however long the trail.
    fn audit_newest(
        &self,
        business: Option<&str>,
        before: Option<u64>,
        limit: usize,
    ) -> Result<Vec<(u64, AuditEntry)>, StoreError> {
        let entries = self.table(AUDIT)?;
        let before = before.unwrap_or(u64::MAX);
        let mut out = Vec::new();
        match business {
            Some(id) => {
                let index = self.table(AUDIT_BY_BUSINESS)?;
                for row in index
                    .range::<(&str, u64)>((id, 0)..(id, before))?
                    .rev()
                    .take(limit)
                {
                    let seq = row?.0.value().1;
                    if let Some(v) = entries.get(seq)? {
                        out.push((seq, decode::<AuditEntry>(v.value())?));
                    }
                }
            }
            None => {
                for row in entries.range::<u64>(..before)?.rev().take(limit) {
                    let (seq, v) = row?;
                    out.push((seq.value(), decode::<AuditEntry>(v.value())?));
                }
            }
        }
        Ok(out)
    }
}

impl<T: Tables> WorkflowReads for T {}

impl Writer {
    /// Stores an application and keeps the review queue in step with it.
    pub fn put_application(&mut self, app: &Application) -> Result<(), StoreError> {
        let id = app.business.as_str();
        let old = self.application(id)?;
        let mut queue = self.tx.open_table(REVIEW_QUEUE)?;
        if let Some(at) = old.as_ref().and_then(Application::queue_time) {
            queue.remove((at, id))?;
        }
        if let Some(at) = app.queue_time() {
            queue.insert((at, id), ())?;
        }
        drop(queue);
        let bytes = encode(app)?;
        self.tx
            .open_table(APPLICATIONS)?
            .insert(id, bytes.as_slice())?;
        Ok(())
    }

    /// Records the hash of a business's API key.
    pub fn put_api_key(&mut self, hash: &[u8; 32], business: &str) -> Result<(), StoreError> {
        self.tx.open_table(API_KEYS)?.insert(hash, business)?;
        Ok(())
    }

    /// Forgets the hash of an API key (a rotated one): whoever still holds
    /// that key is no longer anyone.
    pub fn remove_api_key(&mut self, hash: &[u8; 32]) -> Result<(), StoreError> {
        self.tx.open_table(API_KEYS)?.remove(hash)?;
        Ok(())
    }

    /// Records the hash of a reviewer token with what it stands for.
    pub fn put_reviewer(&mut self, hash: &[u8; 32], who: &str) -> Result<(), StoreError> {
        self.tx.open_table(REVIEWERS)?.insert(hash, who)?;
        Ok(())
    }

    /// Forgets a reviewer token.
    pub fn remove_reviewer(&mut self, hash: &[u8; 32]) -> Result<(), StoreError> {
        self.tx.open_table(REVIEWERS)?.remove(hash)?;
        Ok(())
    }

    /// Stores a business's claim to a number; only unproven claims are
    /// indexed by age (proven ones wait for review and do not lapse).
    pub fn put_claim(&mut self, e164: &E164, business: &str, c: &Claim) -> Result<(), StoreError> {
        let e164 = e164.as_str();
        let old = self.claim(E164::stored(e164), business)?;
        let mut by_age = self.tx.open_table(CLAIMS_BY_AGE)?;
        if let Some(old) = old.filter(|o| o.proof.is_none()) {
            by_age.remove((old.claimed_at, e164, business))?;
        }
        if c.proof.is_none() {
            by_age.insert((c.claimed_at, e164, business), ())?;
        }
        drop(by_age);
        let bytes = encode(c)?;
        self.tx
            .open_table(CLAIMS)?
            .insert((e164, business), bytes.as_slice())?;
        Ok(())
    }

    /// Drops a business's claim to a number.
    pub fn remove_claim(
        &mut self,
        e164: &str,
        business: &str,
    ) -> Result<Option<Claim>, StoreError> {
        let old = self
            .tx
            .open_table(CLAIMS)?
            .remove((e164, business))?
            .map(|v| decode::<Claim>(v.value()))
            .transpose()?;
        if let Some(o) = old.as_ref().filter(|o| o.proof.is_none()) {
            self.tx
                .open_table(CLAIMS_BY_AGE)?
                .remove((o.claimed_at, e164, business))?;
        }
        Ok(old)
    }

    /// Removes a business's application (and its place in the queue).
    pub fn remove_application(&mut self, business: &str) -> Result<(), StoreError> {
        if let Some(at) = self.application(business)?.and_then(|a| a.queue_time()) {
            self.tx.open_table(REVIEW_QUEUE)?.remove((at, business))?;
        }
        self.tx.open_table(APPLICATIONS)?.remove(business)?;
        Ok(())
    }

    /// Counts one event under a rate-limit key, pruning that key's events
    /// older than any window, so each key holds at most a day of rows.
    pub fn add_rate_event(&mut self, key: &str, at: i64) -> Result<(), StoreError> {
        let mut table = self.tx.open_table(RATE_EVENTS)?;
        let count = table.get((key, at))?.map(|v| v.value()).unwrap_or(0);
        table.insert((key, at), count + 1)?;
        table
            .retain_in::<(&str, i64), _>((key, i64::MIN)..(key, at - RATE_HORIZON), |_, _| false)?;
        Ok(())
    }

    /// Stores a spam report and updates the counters lookups read.
    pub fn add_report(&mut self, id: &str, report: &Report) -> Result<(), StoreError> {
        let e164 = report.number.as_str();
        let bytes = encode(report)?;
        self.note_known(e164);
        self.tx
            .open_table(REPORTS)?
            .insert((e164, report.at, id), bytes.as_slice())?;
        // A reporter (a network) counts once per window, on the day of its
        // latest report: a repeat moves its count there rather than adding.
        let mut reporters = self.tx.open_table(REPORTERS)?;
        let key = (e164, report.reporter.as_str());
        let last = reporters.get(key)?.map(|v| v.value());
        let at = last.map_or(report.at, |l| l.max(report.at));
        reporters.insert(key, at)?;
        drop(reporters);
        let counted = last.filter(|l| *l >= report.at - REPORT_WINDOW);
        let mut days = self.tx.open_table(REPORT_DAYS)?;
        if let Some(last) = counted {
            let old_day = (e164, last.div_euclid(DAY));
            let n = days.get(old_day)?.map(|v| v.value()).unwrap_or(0);
            match n {
                0 | 1 => {
                    days.remove(old_day)?;
                }
                n => {
                    days.insert(old_day, n - 1)?;
                }
            }
        }
        let day = (e164, at.div_euclid(DAY));
        let count = days.get(day)?.map(|v| v.value()).unwrap_or(0);
        days.insert(day, count + 1)?;
        drop(days);
        self.answer_changed(E164::stored(e164));
        Ok(())
    }

    /// Stores a business's confusable-name keys (one table open for all).
    pub fn put_name_keys(&mut self, keys: &[String], business: &str) -> Result<(), StoreError> {
        let mut table = self.tx.open_table(NAME_KEYS)?;
        for key in keys {
            table.insert((key.as_str(), business), ())?;
        }
        Ok(())
    }

    /// Removes a business's confusable-name keys.
    pub fn remove_name_keys(&mut self, keys: &[String], business: &str) -> Result<(), StoreError> {
        let mut table = self.tx.open_table(NAME_KEYS)?;
        for key in keys {
            table.remove((key.as_str(), business))?;
        }
        Ok(())
    }

    /// Appends to the audit trail.
    pub fn add_audit(&mut self, entry: &AuditEntry) -> Result<(), StoreError> {
        let mut table = self.tx.open_table(AUDIT)?;
        let seq = table.last()?.map(|(k, _)| k.value()).unwrap_or(0) + 1;
        table.insert(seq, encode(entry)?.as_slice())?;
        drop(table);
        if let Some(b) = &entry.business {
            self.tx
                .open_table(AUDIT_BY_BUSINESS)?
                .insert((b.as_str(), seq), ())?;
        }
        self.facts.audited.push(entry.clone());
        Ok(())
    }
}
