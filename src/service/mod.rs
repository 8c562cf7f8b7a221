//! The workflows: lookup, verify, import, issue and renew attestations,
//! rotate keys. No HTTP here: the API and the CLI both call this layer, and
//! tests can too.
//!
//! Every method blocks (redb, signing); async callers run them on a blocking
//! thread or, for the few-microsecond point reads of a lookup, inline.

mod attest;
mod claims;
pub mod confusable;
pub mod dns;
pub mod domain;
mod domain_proof;
mod edits;
mod fence;
mod import;
mod log_tiles;
mod logo;
mod lookup;
mod notify;
mod profile;
mod registration;
mod reports;
mod review;
mod reviewers;
mod schema;
mod search;
pub mod sender;
mod shared;
mod status;
mod translog;
mod upgrade;

use crate::store::prelude::*;
use std::sync::{Arc, RwLock};

pub use attest::RenewReport;
pub use claims::{CodeSent, NumberParty};
pub use domain_proof::{DomainChallenge, DomainCheck, DomainCheckReason, DomainProofMethod};
pub use edits::{EditOutcome, ProfilePatch};
pub use import::{BulkFinish, BulkImport, ImportError, ImportReport, LineError};
// What the lookups return is the read model's (`crate::lookup`).
pub use crate::lookup::{hex, strong_etag, BusinessSummary, NumberAnswer, Rendered, Reputation};
pub use logo::{LogoPhase, LogoStatus};
pub use lookup::{BusinessView, NumberView, RangeEntry, TokenCheck, VerifyAnswer};
pub use notify::signature::{
    parse_secret as parse_webhook_secret, secret_text as webhook_secret_text,
};
pub use notify::{Delivery, DeliveryWorker, FeedChange, FeedPage, WebhookSet, FEED_TYP};
pub use profile::{CommandInput, ProfileInput};
pub use registration::{api_key_hash, Registered};
pub use reports::{OwnReport, ReportInput};
pub use review::{FieldChange, NumberEvidence, QueueItem, Warning, WarningKind};
pub use reviewers::Reviewer;
pub use search::{SearchAnswer, SearchBusiness, SearchHit};
pub use status::{OwnNumber, StatusView};
pub use translog::{StatusStatement, VouchedAnswer, MAX_ENTRIES_PAGE};

use crate::config::Config;
use crate::error_code::Code;
use crate::keys::{self, KeyError, Keyring, MasterKey};
use crate::lookup::Background;
use crate::model::now;
use crate::phone::PhoneError;
use crate::search::SearchError;
use crate::store::{SavedKnown, Store, StoreError, Writer};

/// What a workflow refuses, in terms a caller (API, page or CLI) can act
/// on. Each has one stable code ([`ServiceError::code`], from the table
/// in `error_code`).
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error("invalid number: {0}")]
    InvalidNumber(#[from] PhoneError),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    /// A transition the trust rules refuse (`model::lifecycle`).
    #[error(transparent)]
    State(#[from] crate::model::StateError),
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error("search is running in this process; stop it before a rebuild")]
    SearchRunning,
    #[error("missing or invalid credentials")]
    Unauthorized,
    /// Too many requests of one kind; try again after the seconds given.
    #[error("too many requests: {0}")]
    RateLimited(String, u64),
    #[error(transparent)]
    CodeRejected(CodeRejected),
    #[error(transparent)]
    SenderFailed(#[from] sender::SendError),
}

/// Why an entered one-time code was not taken (the entry still counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeRejected {
    #[error("wrong code; {0} attempts left for this code")]
    Wrong(u32),
    #[error("the code expired; request a new one")]
    Expired,
    #[error("too many wrong codes; request a new one")]
    TooManyAttempts,
}

impl ServiceError {
    /// A validation failure of one field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> ServiceError {
        ServiceError::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    /// Its stable code: the one mapping from a refusal to what API, pages
    /// and CLI show.
    pub fn code(&self) -> Code {
        match self {
            ServiceError::InvalidNumber(_) => Code::InvalidNumber,
            ServiceError::NotFound(_) => Code::NotFound,
            ServiceError::Invalid { .. } => Code::InvalidRequest,
            ServiceError::State(e) => e.code(),
            ServiceError::SearchRunning => Code::SearchRunning,
            ServiceError::Unauthorized => Code::Unauthorized,
            ServiceError::RateLimited(..) => Code::RateLimited,
            ServiceError::CodeRejected(CodeRejected::Wrong(_)) => Code::WrongCode,
            ServiceError::CodeRejected(CodeRejected::Expired) => Code::CodeExpired,
            ServiceError::CodeRejected(CodeRejected::TooManyAttempts) => Code::TooManyAttempts,
            ServiceError::SenderFailed(_) => Code::SenderFailed,
            ServiceError::Store(StoreError::Unavailable(_))
            | ServiceError::Search(SearchError::Store(StoreError::Unavailable(_)))
            | ServiceError::Search(SearchError::NotRunning) => Code::Unavailable,
            ServiceError::Store(StoreError::Full { .. }) => Code::StorageFull,
            ServiceError::Store(_) | ServiceError::Key(_) | ServiceError::Search(_) => {
                Code::Internal
            }
        }
    }
}

/// The network a client address counts as, for limits and for counting
/// distinct reporters: an IPv4 address, or an IPv6 /64 (what one
/// subscriber gets). An IPv4-mapped IPv6 address is its IPv4 address.
/// Returned as an address (the /64's first), so it keys maps and limiters
/// without allocating on the request path.
pub fn client_network(ip: std::net::IpAddr) -> std::net::IpAddr {
    use std::net::{IpAddr, Ipv6Addr};
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from(
                u128::from(v6) & 0xffff_ffff_ffff_ffff_0000_0000_0000_0000,
            )),
        },
    }
}

/// The figures `/metrics` reads at scrape time.
#[derive(Debug, Clone, Copy)]
pub struct Gauges {
    pub db_bytes: u64,
    pub businesses: u64,
    pub last_seq: u64,
}

/// The service: the store, the signing keys and the configuration.
pub struct Service {
    sender: sender::Sender,
    /// Seals new signing keys.
    master: MasterKey,
    /// Key of the hash that stands in for a reporter's address.
    reporter_salt: Vec<u8>,
    // Shared with the search indexer thread, which follows its changes.
    store: Arc<Store>,
    // Rotation swaps the whole keyring; readers clone the Arc and never hold
    // the lock while they work.
    keyring: RwLock<Arc<Keyring>>,
    config: Config,
    search: search::SearchSlot,
    /// Wakes the delivery worker and the feed's streams after a commit.
    notifier: notify::Notifier,
    /// Witness cosignatures of the latest checkpoint witnesses sent.
    cosigned: std::sync::Mutex<log_tiles::Cosigned>,
    /// What a start leaves to a background thread (held for its `Drop`,
    /// which stops and joins it).
    _background: Background,
}

impl Service {
    /// Opens the data dir for a server; on first start generates the first
    /// signing key. Starts the [`Background`] work.
    pub fn open(config: Config) -> Result<Service, ServiceError> {
        Service::open_with(config, true)
    }

    /// [`Service::open`] for a one-shot command (import, keys, a check):
    /// no [`Background`] work, which serves lookups and would only compete
    /// with the command for the cores, and no change to the stored answers:
    /// answers of another build stay until the next server start renders
    /// them again, or an import does ([`Service::finish_bulk_import`]).
    pub fn open_for_command(config: Config) -> Result<Service, ServiceError> {
        Service::open_with(config, false)
    }

    fn open_with(config: Config, background: bool) -> Result<Service, ServiceError> {
        crate::phone::warm_up();
        let store = Store::open_with_cache(&config.data_dir, config.cache_bytes)?;
        store.set_min_free(config.min_free_bytes);
        let render_all = background && crate::lookup::start_over(&store)?;
        let master = master_key(&config)?;
        let mut stored = store.read()?.keys()?;
        if stored.iter().all(|k| k.retired_at.is_some()) {
            let key = keys::generate(now(), &master)?;
            write_refreshed(&store, |w| w.put_key(&key))?;
            tracing::info!(kid = %key.kid, "generated the first signing key");
            stored.push(key);
        }
        let keyring = Keyring::load(&stored, &master)?;
        let reporter_salt = store.secret("reporter")?;
        let feed_last = store.read()?.feed_last()?;
        let store = Arc::new(store);
        let service = Service {
            notifier: notify::Notifier::new(feed_last),
            master,
            reporter_salt,
            sender: sender::Sender::new(config.sender.clone()),
            _background: if background {
                Background::start(Arc::clone(&store), render_all)
            } else {
                Background::none()
            },
            store,
            keyring: RwLock::new(Arc::new(keyring)),
            config,
            search: search::SearchSlot::default(),
            cosigned: Default::default(),
        };
        if let Some(done) = service.upgrade_to_trust_rules()? {
            tracing::info!(
                revoked = done.revoked,
                claims = done.claims,
                downgraded = done.downgraded,
                "held the directory to the trust rules (schema 5)"
            );
        }
        Ok(service)
    }

    /// Saves the filter of known numbers for the next start, if it is
    /// filled and within twice its false positive goal
    /// (`Store::save_known_numbers`): what a server does as it stops.
    /// O(the filter's bytes: about 2.4 bytes a stored number).
    pub fn save_known_numbers(&self) -> Result<Option<SavedKnown>, ServiceError> {
        Ok(self.store.save_known_numbers(false)?)
    }

    /// The configuration this service runs with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The underlying store (for followers of the changes feed).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// What the store holds, table by table (`bizseal stats`).
    pub fn store_stats(&self) -> Result<crate::store::StoreStats, ServiceError> {
        Ok(self.store.stats()?)
    }

    /// Rewrites every table in key order (`bizseal compact`).
    pub fn repack(&self) -> Result<crate::store::RepackReport, ServiceError> {
        Ok(self.store.repack_every_table()?)
    }

    /// Gives the file's free pages back to the file system; returns its
    /// size before and after.
    pub fn compact_file(&self) -> Result<(u64, u64), ServiceError> {
        Ok(self.store.compact_file()?)
    }

    /// The gauges `/metrics` shows: the database file's size, how many
    /// businesses there are, and the changes feed's last sequence number.
    pub fn gauges(&self) -> Result<Gauges, ServiceError> {
        let r = self.store.read()?;
        Ok(Gauges {
            db_bytes: std::fs::metadata(self.store.path()).map_or(0, |m| m.len()),
            businesses: r.business_count()?,
            last_seq: r.last_seq()?,
        })
    }

    /// Runs `f` in one write transaction of the store and, before it
    /// commits, makes again the stored answers of every number it touched
    /// (`lookup::refresh`) and the events and public changes of what it
    /// did (`notify::record`): every write of the service goes through
    /// here. After the commit, the delivery worker and the feed's streams
    /// are woken.
    pub(crate) fn write<T, E>(&self, f: impl FnOnce(&mut Writer) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let reviewers = self.config.reviewer_webhook.is_some();
        let (done, recorded) = self.store.write(|w| {
            let done = f(w)?;
            crate::lookup::refresh(w)?;
            let recorded = notify::record(w, reviewers)?;
            Ok::<_, E>((done, recorded))
        })?;
        self.notifier.committed(recorded);
        Ok(done)
    }

    /// The current keyring.
    pub fn keyring(&self) -> Arc<Keyring> {
        // A poisoned lock only means a writer panicked mid-swap; the Arc
        // inside is still a whole keyring.
        match self.keyring.read() {
            Ok(k) => Arc::clone(&k),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Writes a consistent copy of the database to `dest` (which must not
    /// exist). The signing keys in it stay sealed: keep the master key too.
    pub fn backup(&self, dest: &std::path::Path) -> Result<u64, ServiceError> {
        Ok(self.store.backup_to(dest)?)
    }

    /// The JWKS to publish now.
    pub fn jwks(&self) -> serde_json::Value {
        self.keyring().jwks(now(), self.config.key_retention())
    }

    /// Adds a new active signing key and retires the current one. Tokens
    /// signed by the old key keep verifying until they expire.
    pub fn rotate_key(&self) -> Result<String, ServiceError> {
        self.rotate_key_by("operator")
    }

    /// [`Service::rotate_key`] on behalf of `actor`, who goes into the audit trail.
    pub fn rotate_key_by(&self, actor: &str) -> Result<String, ServiceError> {
        let at = now();
        let new = keys::generate(at, &self.master)?;
        let stored = self.write(|w| {
            for mut key in w.keys()? {
                if key.retired_at.is_none() {
                    key.retired_at = Some(at);
                    w.put_key(&key)?;
                }
            }
            w.put_key(&new)?;
            w.add_audit(&crate::model::AuditEntry {
                at,
                actor: actor.to_owned(),
                business: None,
                action: "key_rotated".into(),
                detail: new.kid.clone(),
            })?;
            w.keys()
        })?;
        let keyring = Keyring::load(&stored, &self.master)?;
        match self.keyring.write() {
            Ok(mut k) => *k = Arc::new(keyring),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(keyring),
        }
        tracing::info!(kid = %new.kid, "rotated the signing key");
        Ok(new.kid)
    }
}

/// The master key: from the configuration's text, its file, or the data
/// dir's `master.key`, made (0600) on first start so that `serve` works on a
/// fresh machine. Production keeps it outside the data dir, so that a copy
/// of the database alone reveals no private key.
fn master_key(config: &Config) -> Result<MasterKey, ServiceError> {
    if let Some(text) = &config.master_key {
        return Ok(MasterKey::parse(text)?);
    }
    let path = config
        .master_key_file
        .clone()
        .unwrap_or_else(|| config.data_dir.join("master.key"));
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(MasterKey::parse(&text)?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && config.master_key_file.is_none() => {
            let hex = MasterKey::generate_hex()?;
            write_private(&path, &hex).map_err(|e| {
                StoreError::Unavailable(format!("cannot write {}: {e}", path.display()))
            })?;
            tracing::warn!(path = %path.display(), "made a master key in the data dir; keep it elsewhere in production");
            Ok(MasterKey::parse(&hex)?)
        }
        Err(e) => Err(ServiceError::Store(StoreError::Unavailable(format!(
            "cannot read the master key {}: {e}",
            path.display()
        )))),
    }
}

fn write_private(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

/// [`Service::write`] for a caller that holds only the store.
fn write_refreshed<T, E>(store: &Store, f: impl FnOnce(&mut Writer) -> Result<T, E>) -> Result<T, E>
where
    E: From<StoreError>,
{
    store.write(|w| {
        let done = f(w)?;
        crate::lookup::refresh(w)?;
        Ok(done)
    })
}
