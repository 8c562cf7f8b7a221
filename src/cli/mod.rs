//! The `bizseal` command line: clap-derived commands that call the same
//! service layer as the API. Errors are one plain line on stderr and a
//! non-zero exit code. The transparency log's client commands
//! (`verify --bundle`, `audit`) live in [`log`].

mod admin;
mod client_log;
mod http;
mod log;
mod maintenance;
mod publish;
mod serve;
mod verify;

use admin::*;
use maintenance::*;
use publish::*;
use serve::*;
use verify::*;

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};

use crate::config::{Config, SenderConfig};
use crate::keys::VerifyingKeys;
use crate::model::{now, BusinessId};
use crate::phone::{PhoneNumber, Region};
use crate::service::{Service, ServiceError};
use crate::store::StoreError;
use crate::token;

#[derive(Parser)]
#[command(
    name = "bizseal",
    version,
    about = "Verified business directory: signed phone-number attestations"
)]
struct Cli {
    /// Where the database and keys live.
    #[arg(
        long,
        global = true,
        env = "BIZSEAL_DATA_DIR",
        default_value = "./bizseal-data"
    )]
    data_dir: PathBuf,
    /// The `iss` claim of issued attestations.
    #[arg(long, global = true, env = "BIZSEAL_ISSUER", default_value = "bizseal")]
    issuer: String,
    /// Lifetime of issued attestations, in days.
    #[arg(long, global = true, env = "BIZSEAL_TOKEN_DAYS", default_value_t = 30,
          value_parser = clap::value_parser!(u32).range(1..=366))]
    token_days: u32,
    /// File holding the key that encrypts the signing keys at rest (64 hex
    /// digits or base64 of 32 bytes); `BIZSEAL_MASTER_KEY` may hold the key
    /// itself. Without either, `master.key` in the data dir is used.
    #[arg(long, global = true, env = "BIZSEAL_MASTER_KEY_FILE")]
    master_key_file: Option<PathBuf>,
    /// Free space (MiB) writes leave on the data dir's volume: below it they
    /// are refused (503 `storage_full` on the API) and reads go on.
    #[arg(
        long,
        global = true,
        env = "BIZSEAL_MIN_FREE_MB",
        default_value_t = 256
    )]
    min_free_mb: u64,
    /// The database's page cache (MiB). Lookups stay fast while the
    /// `answers` table fits it: `bizseal stats` shows its size (about
    /// 0.45 KiB a listed number).
    #[arg(long, global = true, env = "BIZSEAL_CACHE_MB",
          default_value_t = (crate::store::DEFAULT_CACHE_BYTES >> 20) as u64,
          value_parser = clap::value_parser!(u64).range(16..=1_048_576))]
    cache_mb: u64,
    /// The transparency log's checkpoint origin (C2SP tlog-checkpoint),
    /// also the key name of its signature: a schema-less URL naming this
    /// log, e.g. `bizseal.example.com/log`.
    #[arg(long, global = true, env = "BIZSEAL_LOG_ORIGIN",
          default_value = crate::config::DEFAULT_LOG_ORIGIN)]
    log_origin: String,
    /// A witness whose checkpoint cosignatures the log takes and serves
    /// (a C2SP vkey of type 0x04); repeat it, or separate with commas.
    #[arg(
        long,
        global = true,
        env = "BIZSEAL_LOG_WITNESSES",
        value_delimiter = ','
    )]
    log_witness: Vec<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the service; stops gracefully on SIGINT or SIGTERM.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "BIZSEAL_ADDR", default_value = "127.0.0.1:8080")]
        addr: String,
        /// Load the bundled demo data set (once; later starts keep it).
        #[arg(long, env = "BIZSEAL_DEMO", action = clap::ArgAction::SetTrue,
              value_parser = clap::builder::BoolishValueParser::new())]
        demo: bool,
        #[command(flatten)]
        workflow: WorkflowArgs,
        /// Publish the badge list and the keys to this directory, or to
        /// s3://bucket/prefix, every --publish-interval seconds (the tree
        /// `bizseal publish` writes).
        #[arg(long, env = "BIZSEAL_PUBLISH_TO")]
        publish_to: Option<PathBuf>,
        #[command(flatten)]
        publishing: PublishArgs,
    },
    /// Publish the badge list, its signed answers and the keys as static
    /// files under a directory or an S3 prefix (badges/, log/,
    /// .well-known/jwks.json) for any web server or CDN: incremental,
    /// crash-safe, idempotent. Refused while a server
    /// holds the data dir (use `serve --publish-to`).
    Publish {
        /// The published tree's root: a directory, or s3://bucket/prefix
        /// with the bucket's settings in AWS_* variables (AWS_ACCESS_KEY_ID,
        /// AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_ENDPOINT_URL,
        /// AWS_ALLOW_HTTP).
        #[arg(long)]
        to: PathBuf,
        #[command(flatten)]
        publishing: PublishArgs,
    },
    /// A relying client: `sync` a local copy of a published tree, `check`
    /// numbers against it offline, `log`: check the transparency log.
    Client {
        #[command(subcommand)]
        action: ClientAction,
    },
    /// Bulk-load profiles, one JSON object a line.
    Import {
        /// The JSONL file.
        file: PathBuf,
    },
    /// Signing keys.
    Keys {
        #[command(subcommand)]
        action: KeysAction,
    },
    /// Write a consistent copy of the database to DEST (a new file). When a
    /// server holds the data dir, the copy is fetched through its API.
    Backup {
        /// Where the copy goes; it must not exist yet.
        dest: PathBuf,
        /// The running server to ask when the data dir is in use.
        #[arg(long, env = "BIZSEAL_SERVER", default_value = "http://127.0.0.1:8080")]
        server: String,
        /// A reviewer token for that server (else BIZSEAL_REVIEWER_TOKEN).
        #[arg(long)]
        token: Option<String>,
    },
    /// A reviewer's decisions on one number: release it, lift its code
    /// lock. Through the running server's API when it holds the data dir.
    Number {
        #[command(subcommand)]
        action: NumberAction,
        /// The running server to ask when the data dir is in use.
        #[arg(
            long,
            env = "BIZSEAL_SERVER",
            default_value = "http://127.0.0.1:8080",
            global = true
        )]
        server: String,
        /// A reviewer token for that server (else BIZSEAL_REVIEWER_TOKEN).
        #[arg(long, global = true)]
        token: Option<String>,
    },
    /// Reviewer tokens.
    Reviewer {
        #[command(subcommand)]
        action: ReviewerAction,
    },
    /// Rebuild the search index from the database, with progress. Refused
    /// while a bizseal serves the same data dir.
    Reindex {
        /// Indexing threads.
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=64))]
        threads: u16,
    },
    /// Check an attestation token, or a badge bundle; exit code 0 only if it is valid.
    Verify {
        /// The JWS compact token.
        #[arg(required_unless_present = "bundle", conflicts_with = "bundle")]
        token: Option<String>,
        /// A badge bundle (a lookup answer with `?bundle=1`, or its `bundle`)
        /// in a file, or `-` for stdin: token, inclusion proof and tree head
        /// are all checked offline.
        #[arg(long)]
        bundle: Option<String>,
        /// A JWKS file or http(s) URL; checks offline against it instead of
        /// the data dir (revocations are then not known).
        #[arg(long)]
        jwks: Option<String>,
        /// With --jwks: a revocation list (the JSON of /v1/revocations) in a
        /// file or at an http(s) URL; a listed token is refused with its reason.
        #[arg(long, requires = "jwks")]
        revocations: Option<String>,
        /// The number the token was presented for.
        #[arg(long)]
        number: Option<String>,
        /// Region for a national-format --number.
        #[arg(long)]
        region: Option<String>,
    },
    /// List the stored numbers this build's phone metadata refuses or reads
    /// as another number (the metadata changes between releases); they stay
    /// reachable by their exact E.164 text. Exit code 1 if there are any.
    CheckNumbers,
    /// Rewrite every table into full pages and give free space back to the
    /// file system. Refused while a bizseal serves the data dir.
    Compact,
    /// Rows and pages of every table, the file, and the cache they are read
    /// through: a lookup stays fast while the `answers` table fits the
    /// cache. Reads the whole file; refused while a bizseal serves the dir.
    Stats {
        /// One JSON object instead of the table.
        #[arg(long)]
        json: bool,
    },
    /// Monitor a transparency log: rebuild it, check it against the tree
    /// heads seen before, list badges given to confusable names; exit
    /// code 1 on any inconsistency.
    Audit {
        /// The bizseal server, e.g. https://bizseal.example.
        #[arg(long)]
        from: String,
        /// Where the tree heads seen so far are kept between runs.
        #[arg(long, default_value = "./bizseal-audit.json")]
        state: PathBuf,
        /// A JWKS file or URL to check tree heads against (default: the
        /// server's own /.well-known/jwks.json).
        #[arg(long)]
        jwks: Option<String>,
    },
}

/// Settings of the verification workflow.
#[derive(clap::Args)]
struct WorkflowArgs {
    /// Where one-time codes go: `log` (the log and the operator outbox) or `webhook`.
    #[arg(long, env = "BIZSEAL_SENDER", default_value = "log", value_parser = ["log", "webhook"])]
    sender: String,
    /// The URL the webhook sender POSTs `{number, code, locale}` to.
    #[arg(long, env = "BIZSEAL_SENDER_URL", required_if_eq("sender", "webhook"))]
    sender_url: Option<String>,
    /// Let domain checks reach loopback and private addresses (labs and tests only).
    #[arg(long, env = "BIZSEAL_ALLOW_PRIVATE_TARGETS", action = clap::ArgAction::SetTrue,
          value_parser = clap::builder::BoolishValueParser::new())]
    allow_private_targets: bool,
    /// Port the HTTP domain challenge is fetched from.
    #[arg(long, env = "BIZSEAL_CHALLENGE_PORT", default_value_t = 80)]
    challenge_port: u16,
    /// The DNS server (IP:PORT) the DNS domain proof asks, instead of the
    /// system's resolvers (labs and tests).
    #[arg(long, env = "BIZSEAL_DNS_SERVER")]
    dns_server: Option<std::net::SocketAddr>,
    /// Distinct reporters in 30 days that flag a business for review.
    #[arg(long, env = "BIZSEAL_REPORT_THRESHOLD", default_value_t = crate::config::DEFAULT_REPORT_THRESHOLD)]
    report_threshold: u64,
    /// Days an unproven claim to a number lasts (a claim reserves nothing).
    #[arg(long, env = "BIZSEAL_CLAIM_DAYS", default_value_t = crate::config::DEFAULT_CLAIM_DAYS)]
    claim_days: u32,
    /// Hours a rejected business waits before it may submit again.
    #[arg(long, env = "BIZSEAL_RESUBMIT_HOURS", default_value_t = crate::config::DEFAULT_RESUBMIT_HOURS)]
    resubmit_hours: u32,
    /// Codes per hour to one country calling code before its breaker trips
    /// (then one code per business per hour there, and reviewers are told).
    #[arg(long, env = "BIZSEAL_COUNTRY_CODES_PER_HOUR", default_value_t = crate::config::DEFAULT_COUNTRY_CODES_PER_HOUR)]
    country_codes_per_hour: u64,
    /// Requests per second per client address on the public API (0: no limit).
    #[arg(long, env = "BIZSEAL_RATE_LIMIT", default_value_t = 100)]
    rate_limit: u32,
    /// Registrations per hour per client address (0: no limit).
    #[arg(long, env = "BIZSEAL_REGISTRATIONS_PER_HOUR", default_value_t = 10)]
    registrations_per_hour: u32,
    /// Open connections at most.
    #[arg(long, env = "BIZSEAL_MAX_CONNECTIONS", default_value_t = 1000)]
    max_connections: usize,
    /// Open connections at most from one network (IPv4 address, IPv6 /64);
    /// trusted proxies are exempt.
    #[arg(long, env = "BIZSEAL_MAX_CONNECTIONS_PER_NETWORK", default_value_t = crate::config::DEFAULT_CONNECTIONS_PER_NETWORK)]
    max_connections_per_network: usize,
    /// Seconds a connection may take to send a request head, or sit idle
    /// between requests, before it is closed.
    #[arg(long, env = "BIZSEAL_HEADER_TIMEOUT", default_value_t = crate::config::DEFAULT_HEADER_TIMEOUT_SECS,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    header_timeout: u64,
    /// Reverse proxies (CIDRs, comma-separated) whose Forwarded /
    /// X-Forwarded-For headers name the client, e.g. 127.0.0.1/32 for nginx
    /// on the same host.
    #[arg(long, env = "BIZSEAL_TRUSTED_PROXIES", value_delimiter = ',')]
    trusted_proxies: Vec<ipnet::IpNet>,
    /// Seconds a request may take before it is answered 503.
    #[arg(long, env = "BIZSEAL_REQUEST_TIMEOUT", default_value_t = 30)]
    request_timeout: u64,
    /// The reviewers' webhook: flags, disputes and tripped code breakers
    /// are POSTed there as Standard Webhooks events.
    #[arg(
        long,
        env = "BIZSEAL_REVIEWER_WEBHOOK",
        requires = "reviewer_webhook_secret"
    )]
    reviewer_webhook: Option<String>,
    /// The reviewers' webhook secret (`whsec_` + base64), which signs its events.
    #[arg(long, env = "BIZSEAL_REVIEWER_WEBHOOK_SECRET", hide_env_values = true)]
    reviewer_webhook_secret: Option<String>,
    /// Milliseconds before the first retry of a failed webhook delivery
    /// (doubling, with jitter, up to two hours apart).
    #[arg(long, env = "BIZSEAL_WEBHOOK_RETRY_BASE_MS", default_value_t = 5000,
          value_parser = clap::value_parser!(u64).range(1..=3_600_000))]
    webhook_retry_base_ms: u64,
    /// Hours a webhook delivery is retried before it is given up (dead).
    #[arg(long, env = "BIZSEAL_WEBHOOK_RETRY_HOURS", default_value_t = 24,
          value_parser = clap::value_parser!(u64).range(1..=168))]
    webhook_retry_hours: u64,
}

#[derive(Subcommand)]
enum NumberAction {
    /// Free a number from one business (its holding or claim) or from all;
    /// its token is revoked, and a reviewed business that proved it too
    /// takes it over.
    Release {
        number: String,
        /// Why, for the audit trail and the revocation list.
        #[arg(long)]
        reason: String,
        /// Only this business's holding or claim.
        #[arg(long)]
        business: Option<String>,
        /// Region for a number in national format.
        #[arg(long)]
        region: Option<String>,
    },
    /// Lift the lock that too many wrong codes put on a number.
    Unlock {
        number: String,
        /// Only this business's claim.
        #[arg(long)]
        business: Option<String>,
        /// Region for a number in national format.
        #[arg(long)]
        region: Option<String>,
    },
}

#[derive(Subcommand)]
enum ReviewerAction {
    /// Make a named reviewer's token (shown once, stored hashed).
    #[command(alias = "create")]
    Add {
        /// Who the token is for; every decision is audited under it.
        name: String,
        /// May also back up the database and rotate signing keys.
        #[arg(long)]
        admin: bool,
    },
    /// List the named reviewers and their roles.
    List,
    /// Revoke a reviewer's token.
    Remove { name: String },
}

#[derive(Subcommand)]
enum KeysAction {
    /// List signing keys.
    List,
    /// Make a new active key; the old one stays published until its tokens expire.
    Rotate,
}

/// Runs the CLI and turns any error into one line and exit code 1.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A refusal of the service says its stable code too, as the
            // API does (`error_code`), so scripts need not parse prose.
            match e.chain().find_map(|c| c.downcast_ref::<ServiceError>()) {
                Some(refusal) => eprintln!("bizseal: {e:#} [{}]", refusal.code()),
                None => eprintln!("bizseal: {e:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("BIZSEAL_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut config = Config::new(cli.data_dir.clone());
    config.issuer = cli.issuer.clone();
    config.token_lifetime = i64::from(cli.token_days) * 24 * 3600;
    config.min_free_bytes = cli.min_free_mb.saturating_mul(1024 * 1024);
    config.cache_bytes = usize::try_from(cli.cache_mb.saturating_mul(1024 * 1024))
        .context("--cache-mb is larger than this machine's address space")?;
    config.master_key_file = cli.master_key_file.clone();
    if !bizseal_client::note::valid_name(&cli.log_origin) {
        bail!("--log-origin must be non-empty, without spaces or '+'");
    }
    config.log_origin = cli.log_origin.clone();
    config.log_witnesses = cli
        .log_witness
        .iter()
        .filter(|w| !w.trim().is_empty())
        .map(|w| {
            let key = bizseal_client::note::Vkey::parse(w)
                .with_context(|| format!("--log-witness {w}"))?;
            if key.kind() != bizseal_client::note::COSIGNATURE_V1 {
                bail!("--log-witness {w}: a witness key has type 0x04 (tlog-cosignature)");
            }
            Ok(key)
        })
        .collect::<anyhow::Result<_>>()?;
    config.master_key = std::env::var("BIZSEAL_MASTER_KEY")
        .ok()
        .filter(|k| !k.is_empty());
    config.reviewer_token = std::env::var("BIZSEAL_REVIEWER_TOKEN")
        .ok()
        .filter(|t| !t.is_empty());
    config.metrics_token = std::env::var("BIZSEAL_METRICS_TOKEN")
        .ok()
        .filter(|t| !t.is_empty());
    match cli.command {
        Command::Serve {
            addr,
            demo,
            workflow,
            publish_to,
            publishing,
        } => {
            config.sender = match workflow.sender_url {
                Some(url) if workflow.sender == "webhook" => SenderConfig::Webhook { url },
                _ => SenderConfig::Log,
            };
            config.allow_private_targets = workflow.allow_private_targets;
            config.challenge_port = workflow.challenge_port;
            config.dns_server = workflow.dns_server;
            config.report_threshold = workflow.report_threshold;
            config.claim_ttl = i64::from(workflow.claim_days.max(1)) * 24 * 3600;
            config.resubmit_cooldown = i64::from(workflow.resubmit_hours) * 3600;
            config.country_codes_per_hour = workflow.country_codes_per_hour.max(1);
            config.rate_limit = workflow.rate_limit;
            config.registrations_per_hour = workflow.registrations_per_hour;
            config.max_connections = workflow.max_connections;
            config.max_connections_per_network = workflow.max_connections_per_network;
            config.header_timeout_secs = workflow.header_timeout;
            config.trusted_proxies = workflow.trusted_proxies;
            config.request_timeout_secs = workflow.request_timeout;
            config.webhook_retry.base_ms = workflow.webhook_retry_base_ms as i64;
            config.webhook_retry.window_ms = workflow.webhook_retry_hours as i64 * 3600 * 1000;
            if let Some(url) = workflow.reviewer_webhook {
                let secret = workflow
                    .reviewer_webhook_secret
                    .as_deref()
                    .and_then(crate::service::parse_webhook_secret)
                    .context("--reviewer-webhook-secret must be whsec_ followed by base64")?;
                config.reviewer_webhook = Some(crate::config::ReviewerWebhook { url, secret });
            }
            let publishing = publish_to.map(|to| (to, publishing.settings()));
            serve(config, &addr, demo, publishing)
        }
        Command::Publish { to, publishing } => publish_once(config, &to, &publishing),
        Command::Client { action } => client(action),
        Command::Backup {
            dest,
            server,
            token,
        } => {
            let token = token.or_else(|| config.reviewer_token.clone());
            backup(config, &dest, &server, token.as_deref())
        }
        Command::Reviewer { action } => {
            let service = Service::open_for_command(config)?;
            match action {
                ReviewerAction::Add { name, admin } => {
                    let token = service.create_reviewer(&name, admin)?;
                    println!("{token}");
                    let role = if admin { "admin" } else { "reviewer" };
                    eprintln!("{role} token for {name:?}: shown once; use it as 'Authorization: Bearer <token>'");
                }
                ReviewerAction::List => {
                    for r in service.reviewers()? {
                        println!("{}\t{}", r.name, if r.admin { "admin" } else { "reviewer" });
                    }
                }
                ReviewerAction::Remove { name } => {
                    service.remove_reviewer(&name, "operator (cli)")?;
                    println!("removed reviewer {name:?}");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Number {
            action,
            server,
            token,
        } => {
            let token = token.or_else(|| config.reviewer_token.clone());
            number_decision(config, action, &server, token.as_deref())
        }
        Command::Import { file } => import(config, &file),
        Command::Keys { action } => keys(config, action),
        Command::Reindex { threads } => reindex(config, usize::from(threads)),
        Command::CheckNumbers => check_numbers(config),
        Command::Stats { json } => stats(config, json),
        Command::Compact => compact(config),
        Command::Verify {
            token,
            bundle,
            jwks,
            revocations,
            number,
            region,
        } => match (bundle, token) {
            (Some(source), _) => verify_bundle(
                config,
                &source,
                jwks.as_deref(),
                number.as_deref(),
                region.as_deref(),
            ),
            (None, token) => verify(
                config,
                token.as_deref().unwrap_or_default(),
                jwks.as_deref(),
                revocations.as_deref(),
                number.as_deref(),
                region.as_deref(),
            ),
        },
        Command::Audit { from, state, jwks } => {
            log::audit(&from, &state, jwks.as_deref(), load_jwks)
        }
    }
}
