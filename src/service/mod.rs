//! The workflows: lookup, verify, import, issue and renew attestations,
//! rotate keys. No HTTP here: the API and the CLI both call this layer, and
//! tests can too.
//!
//! Every method blocks (redb, signing); async callers run them on a blocking
//! thread or, for the few-microsecond point reads of a lookup, inline.

mod attest;
mod import;
mod lookup;
mod profile;
mod search;

use std::sync::{Arc, RwLock};

pub use attest::RenewReport;
pub use import::{ImportError, ImportReport, LineError};
pub use lookup::{
    hex, BusinessSummary, BusinessView, NumberAnswer, NumberView, RangeEntry, Reputation,
    VerifyAnswer,
};
pub use profile::ProfileInput;
pub use search::{SearchAnswer, SearchBusiness, SearchHit};

use crate::config::Config;
use crate::keys::{self, KeyError, Keyring};
use crate::model::now;
use crate::phone::PhoneError;
use crate::search::SearchError;
use crate::store::{Store, StoreError};

/// What a workflow refuses, in terms a caller (API or CLI) can act on.
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
    #[error("{0}")]
    Conflict(String),
    #[error(transparent)]
    Search(#[from] SearchError),
}

impl ServiceError {
    /// A validation failure of one field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> ServiceError {
        ServiceError::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// The service: the store, the signing keys and the configuration.
pub struct Service {
    // Shared with the search indexer thread, which follows its changes.
    store: Arc<Store>,
    // Rotation swaps the whole keyring; readers clone the Arc and never hold
    // the lock while they work.
    keyring: RwLock<Arc<Keyring>>,
    config: Config,
    search: search::SearchSlot,
}

impl Service {
    /// Opens the data dir; on first start generates the first signing key.
    pub fn open(config: Config) -> Result<Service, ServiceError> {
        crate::phone::warm_up();
        let store = Store::open(&config.data_dir)?;
        let mut stored = store.read()?.keys()?;
        if stored.iter().all(|k| k.retired_at.is_some()) {
            let key = keys::generate(now())?;
            store.write(|w| w.put_key(&key))?;
            tracing::info!(kid = %key.kid, "generated the first signing key");
            stored.push(key);
        }
        let keyring = Keyring::load(&stored)?;
        Ok(Service {
            store: Arc::new(store),
            keyring: RwLock::new(Arc::new(keyring)),
            config,
            search: search::SearchSlot::default(),
        })
    }

    /// The configuration this service runs with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The underlying store (for followers of the changes feed).
    pub fn store(&self) -> &Store {
        &self.store
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

    /// The JWKS to publish now.
    pub fn jwks(&self) -> serde_json::Value {
        self.keyring().jwks(now(), self.config.key_retention())
    }

    /// Adds a new active signing key and retires the current one. Tokens
    /// signed by the old key keep verifying until they expire.
    pub fn rotate_key(&self) -> Result<String, ServiceError> {
        let at = now();
        let new = keys::generate(at)?;
        let stored = self.store.write(|w| {
            for mut key in w.keys()? {
                if key.retired_at.is_none() {
                    key.retired_at = Some(at);
                    w.put_key(&key)?;
                }
            }
            w.put_key(&new)?;
            w.keys()
        })?;
        let keyring = Keyring::load(&stored)?;
        match self.keyring.write() {
            Ok(mut k) => *k = Arc::new(keyring),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(keyring),
        }
        tracing::info!(kid = %new.kid, "rotated the signing key");
        Ok(new.kid)
    }
}
