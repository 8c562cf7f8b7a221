//! Configuration: one struct, built once from flags and `BIZSEAL_*`
//! environment variables by the CLI, then passed down.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Thirty days: long enough that clients can check badges offline for weeks,
/// short enough that a key compromise or a missed revocation ages out.
pub const DEFAULT_TOKEN_LIFETIME_SECS: i64 = 30 * 24 * 3600;

/// Distinct reporters within 30 days that put a business in front of the
/// reviewers. Reports never revoke anything by themselves.
pub const DEFAULT_REPORT_THRESHOLD: u64 = 5;

/// Days an unproven claim to a number lasts. A claim reserves nothing, so
/// this only bounds what a business's own list carries.
pub const DEFAULT_CLAIM_DAYS: u32 = 14;

/// Hours a rejected business waits before it may submit again.
pub const DEFAULT_RESUBMIT_HOURS: u32 = 24;

/// Codes to one country calling code within an hour that trip its breaker:
/// past it each business gets one code an hour there, and the reviewers
/// are told. Ordinary applicants never meet it; SMS pumping does.
pub const DEFAULT_COUNTRY_CODES_PER_HOUR: u64 = 500;

/// Connections one network may hold open: a busy office behind one
/// address fits, a laptop cannot take the server's 1000.
pub const DEFAULT_CONNECTIONS_PER_NETWORK: usize = 64;

/// Seconds for a whole request head, and idle between keep-alive requests.
pub const DEFAULT_HEADER_TIMEOUT_SECS: u64 = 10;

/// The log's origin when none is configured. An operator names the log
/// after where it is served (`--log-origin bizseal.example.com/log`), so
/// that two deployments' checkpoints never share a name.
pub const DEFAULT_LOG_ORIGIN: &str = "bizseal.invalid/log";

/// How one-time codes reach the phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SenderConfig {
    /// Write the code to the log and to an in-memory outbox the operator
    /// (and the tests) can read: enough for a demo.
    Log,
    /// POST `{number, code, locale}` as JSON to an SMS or voice gateway.
    Webhook { url: String },
}

/// How webhook deliveries are retried: exponential backoff from `base_ms`,
/// capped at `max_ms`, with jitter, for `window_ms` after the event was
/// made; then the event is dead (shown to the business, which can replay
/// it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    pub base_ms: i64,
    pub max_ms: i64,
    pub window_ms: i64,
}

impl Default for RetryPolicy {
    /// Five seconds doubling to two hours, for a day: about twenty tries,
    /// the schedule Standard Webhooks' reference senders keep (Svix retries
    /// for a little over a day).
    fn default() -> RetryPolicy {
        RetryPolicy {
            base_ms: 5_000,
            max_ms: 2 * 3600 * 1000,
            window_ms: 24 * 3600 * 1000,
        }
    }
}

/// The reviewers' webhook: flags, disputes and tripped code breakers are
/// sent there, signed with `secret` like a business's events.
#[derive(Clone, PartialEq, Eq)]
pub struct ReviewerWebhook {
    pub url: String,
    pub secret: Vec<u8>,
}

impl std::fmt::Debug for ReviewerWebhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReviewerWebhook")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

/// Settings shared by every command that opens a data dir.
#[derive(Clone)]
pub struct Config {
    /// Where the database lives.
    pub data_dir: PathBuf,
    /// The `iss` claim of every attestation.
    pub issuer: String,
    /// Lifetime of an attestation token, in seconds.
    pub token_lifetime: i64,
    /// Where one-time codes go.
    pub sender: SenderConfig,
    /// Let domain checks reach loopback and private addresses (tests, labs).
    pub allow_private_targets: bool,
    /// Port the HTTP domain challenge is fetched from (80 in production).
    pub challenge_port: u16,
    /// The recursive resolver the DNS domain proof asks (tests, labs);
    /// none: the system's (`/etc/resolv.conf`).
    pub dns_server: Option<SocketAddr>,
    /// A reviewer token given by the operator (`BIZSEAL_REVIEWER_TOKEN`).
    pub reviewer_token: Option<String>,
    /// Distinct reporters in 30 days that flag a business for review.
    pub report_threshold: u64,
    /// Seconds an unproven claim lasts; also the oldest a proof may be for
    /// a business to take a freed number over on it.
    pub claim_ttl: i64,
    /// Seconds a rejected business waits before it may submit again.
    pub resubmit_cooldown: i64,
    /// Codes per hour to one country calling code before its breaker trips.
    pub country_codes_per_hour: u64,
    /// The master key as text (`BIZSEAL_MASTER_KEY`), if given.
    pub master_key: Option<String>,
    /// A bearer token that may read `/metrics` (`BIZSEAL_METRICS_TOKEN`),
    /// besides any reviewer's.
    pub metrics_token: Option<String>,
    /// Requests per second each client address may make to the public API
    /// (bursts of twice that); 0 turns the limit off.
    pub rate_limit: u32,
    /// Registrations per hour per client address; 0 turns the limit off.
    pub registrations_per_hour: u32,
    /// Open connections at most; more wait in the kernel's accept queue.
    pub max_connections: usize,
    /// Open connections at most from one network (an IPv4 address, an
    /// IPv6 /64); more are closed at once. Trusted proxies are exempt.
    pub max_connections_per_network: usize,
    /// Seconds a connection may take to send a whole request head, and may
    /// sit idle between keep-alive requests, before it is closed.
    pub header_timeout_secs: u64,
    /// Reverse proxies whose `Forwarded` / `X-Forwarded-For` say who the
    /// client is.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Longest time a request may take before it is answered 503.
    pub request_timeout_secs: u64,
    /// A file holding the master key; without either, `master.key` in the
    /// data dir is used (and made on first start).
    pub master_key_file: Option<PathBuf>,
    /// Writes are refused while the data dir's volume has less free space.
    pub min_free_bytes: u64,
    /// The size of the database's page cache; a lookup is fast while the
    /// `answers` table fits it (`bizseal stats`).
    pub cache_bytes: usize,
    /// Where flags, disputes and tripped breakers are sent, if anywhere.
    pub reviewer_webhook: Option<ReviewerWebhook>,
    /// How webhook deliveries are retried.
    pub webhook_retry: RetryPolicy,
    /// The transparency log's checkpoint origin line and note key name
    /// (C2SP tlog-checkpoint): a schema-less URL naming this log.
    pub log_origin: String,
    /// Witnesses whose checkpoint cosignatures are taken and served.
    pub log_witnesses: Vec<bizseal_client::note::Vkey>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("data_dir", &self.data_dir)
            .field("issuer", &self.issuer)
            .field("token_lifetime", &self.token_lifetime)
            .field("sender", &self.sender)
            .field("allow_private_targets", &self.allow_private_targets)
            .field("challenge_port", &self.challenge_port)
            .field("dns_server", &self.dns_server)
            .field(
                "reviewer_token",
                &self.reviewer_token.as_ref().map(|_| "<set>"),
            )
            .field("report_threshold", &self.report_threshold)
            .field("claim_ttl", &self.claim_ttl)
            .field("resubmit_cooldown", &self.resubmit_cooldown)
            .field("country_codes_per_hour", &self.country_codes_per_hour)
            .field("master_key", &self.master_key.as_ref().map(|_| "<set>"))
            .field(
                "metrics_token",
                &self.metrics_token.as_ref().map(|_| "<set>"),
            )
            .field("master_key_file", &self.master_key_file)
            .field("rate_limit", &self.rate_limit)
            .field("registrations_per_hour", &self.registrations_per_hour)
            .field("max_connections", &self.max_connections)
            .field(
                "max_connections_per_network",
                &self.max_connections_per_network,
            )
            .field("header_timeout_secs", &self.header_timeout_secs)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("request_timeout_secs", &self.request_timeout_secs)
            .field("min_free_bytes", &self.min_free_bytes)
            .field("cache_bytes", &self.cache_bytes)
            .field("reviewer_webhook", &self.reviewer_webhook)
            .field("webhook_retry", &self.webhook_retry)
            .field("log_origin", &self.log_origin)
            .field(
                "log_witnesses",
                &self
                    .log_witnesses
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl Config {
    /// Defaults for a data dir.
    pub fn new(data_dir: impl Into<PathBuf>) -> Config {
        Config {
            data_dir: data_dir.into(),
            issuer: "bizseal".to_owned(),
            token_lifetime: DEFAULT_TOKEN_LIFETIME_SECS,
            sender: SenderConfig::Log,
            allow_private_targets: false,
            challenge_port: 80,
            dns_server: None,
            reviewer_token: None,
            report_threshold: DEFAULT_REPORT_THRESHOLD,
            claim_ttl: i64::from(DEFAULT_CLAIM_DAYS) * 24 * 3600,
            resubmit_cooldown: i64::from(DEFAULT_RESUBMIT_HOURS) * 3600,
            country_codes_per_hour: DEFAULT_COUNTRY_CODES_PER_HOUR,
            master_key: None,
            metrics_token: None,
            master_key_file: None,
            rate_limit: 100,
            registrations_per_hour: 10,
            max_connections: 1000,
            max_connections_per_network: DEFAULT_CONNECTIONS_PER_NETWORK,
            header_timeout_secs: DEFAULT_HEADER_TIMEOUT_SECS,
            trusted_proxies: Vec::new(),
            request_timeout_secs: 30,
            min_free_bytes: crate::store::DEFAULT_MIN_FREE_BYTES,
            cache_bytes: crate::store::DEFAULT_CACHE_BYTES,
            reviewer_webhook: None,
            webhook_retry: RetryPolicy::default(),
            log_origin: DEFAULT_LOG_ORIGIN.to_owned(),
            log_witnesses: Vec::new(),
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
