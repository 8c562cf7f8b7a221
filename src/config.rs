//! Configuration: one struct, built once from flags and `BIZSEAL_*`
//! environment variables by the CLI, then passed down.

use std::path::PathBuf;

/// Thirty days: long enough that clients can check badges offline for weeks,
/// short enough that a key compromise or a missed revocation ages out.
pub const DEFAULT_TOKEN_LIFETIME_SECS: i64 = 30 * 24 * 3600;

/// Settings shared by every command that opens a data dir.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the database lives.
    pub data_dir: PathBuf,
    /// The `iss` claim of every attestation.
    pub issuer: String,
    /// Lifetime of an attestation token, in seconds.
    pub token_lifetime: i64,
}

impl Config {
    /// Defaults for a data dir.
    pub fn new(data_dir: impl Into<PathBuf>) -> Config {
        Config {
            data_dir: data_dir.into(),
            issuer: "bizseal".to_owned(),
            token_lifetime: DEFAULT_TOKEN_LIFETIME_SECS,
        }
    }

    /// Tokens are re-issued once less than a third of their life is left,
    /// so a client that caches for a while never holds an expired badge.
    pub fn renew_before(&self) -> i64 {
        self.token_lifetime / 3
    }

    /// How long a retired key stays in the JWKS after it stopped signing:
    /// the longest token life plus clock skew.
    pub fn key_retention(&self) -> i64 {
        self.token_lifetime + crate::token::SKEW
    }
}
