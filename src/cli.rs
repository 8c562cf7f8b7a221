//! The `bizseal` command line: clap-derived commands that call the same
//! service layer as the API. Errors are one plain line on stderr and a
//! non-zero exit code. The transparency log's client commands
//! (`verify --bundle`, `audit`) live in [`log`].

mod log;

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
        } => {
            config.sender = match workflow.sender_url {
                Some(url) if workflow.sender == "webhook" => SenderConfig::Webhook { url },
                _ => SenderConfig::Log,
            };
            config.allow_private_targets = workflow.allow_private_targets;
            config.challenge_port = workflow.challenge_port;
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
            serve(config, &addr, demo)
        }
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

/// The fewest characters an operator's reviewer token may have outside
/// `--demo`: 32 hex digits are 128 bits (`openssl rand -hex 16`).
const MIN_OPERATOR_TOKEN: usize = 32;

/// Refuses an operator token that could be guessed: too short, or too few
/// distinct characters to hold 128 bits (`rev`, `aaaa…`, `12341234…`).
fn check_operator_token(token: Option<&str>, demo: bool) -> anyhow::Result<()> {
    let Some(token) = token.filter(|_| !demo) else {
        return Ok(());
    };
    let distinct = token
        .chars()
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    if token.chars().count() < MIN_OPERATOR_TOKEN || distinct < 10 {
        bail!(
            "BIZSEAL_REVIEWER_TOKEN is too weak: use at least {MIN_OPERATOR_TOKEN} random characters \
             (openssl rand -hex 16), or named reviewer tokens (bizseal reviewer create NAME); \
             --demo accepts any"
        );
    }
    Ok(())
}

fn serve(config: Config, addr: &str, demo: bool) -> anyhow::Result<ExitCode> {
    check_operator_token(config.reviewer_token.as_deref(), demo)?;
    let service = Arc::new(Service::open(config)?);
    if demo {
        match service.load_demo()? {
            Some(r) => tracing::info!(
                created = r.created,
                failed = r.failed.len(),
                "loaded the demo data"
            ),
            None => tracing::info!("demo data already loaded"),
        }
    }
    // The indexer catches up (or builds the index) in the background;
    // searches answer from what it has committed meanwhile.
    service.start_search()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        tracing::info!(addr = %listener.local_addr()?, "bizseal is listening");
        crate::api::serve(listener, Arc::clone(&service), shutdown_signal()).await?;
        // A write after this save makes the copy stale, which the next
        // start sees (see `store::known`): saving early is safe.
        match service.save_known_numbers() {
            Ok(Some(saved)) => tracing::info!(bytes = saved.bytes, "saved the filter of known numbers"),
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "cannot save the filter of known numbers; the next start reads the tables"),
        }
        tracing::info!("stopped");
        Ok(ExitCode::SUCCESS)
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: draining in-flight requests");
}

fn import(config: Config, file: &PathBuf) -> anyhow::Result<ExitCode> {
    let handle = File::open(file).with_context(|| format!("cannot open {}", file.display()))?;
    let size = handle.metadata().map(|m| m.len()).unwrap_or(0);
    let service = Service::open_for_command(config)?;
    let bar = indicatif::ProgressBar::new(size);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {bytes}/{total_bytes} {elapsed} eta {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let begun = service.begin_bulk_import()?;
    let report = service.import(BufReader::new(handle), |bytes| bar.set_position(bytes))?;
    bar.finish_and_clear();
    for e in &report.failed {
        eprintln!("{}:{}: {}", file.display(), e.line, e.message);
    }
    // Leaves the directory ready to serve: its answers current and packed.
    // That is part of the import's cost, so its time counts in the rate.
    let finish = service.finish_bulk_import(begun, &report)?;
    let seconds = report.seconds + finish.seconds;
    let rate = report.lines() as f64 / seconds.max(1e-9);
    println!(
        "{} lines: {} created, {} updated, {} unchanged, {} failed in {:.2} s ({:.0} lines/s)",
        report.lines(),
        report.created,
        report.updated,
        report.unchanged,
        report.failed.len(),
        seconds,
        rate
    );
    if finish.rendered > 0 {
        println!("rendered {} stored answers", finish.rendered);
    }
    if let Some(r) = finish.repacked {
        println!(
            "repacked the lookup tables ({}): {} rows in {:.2} s",
            r.tables.join(", "),
            r.rows,
            r.seconds
        );
    }
    if let Some(saved) = finish.saved_known {
        println!(
            "saved the filter of known numbers ({} KiB) for the next start",
            saved.bytes / 1024
        );
    }
    Ok(if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

fn reindex(config: Config, threads: usize) -> anyhow::Result<ExitCode> {
    let service = Service::open_for_command(config)?;
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} businesses {elapsed} eta {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let report = service.reindex(threads, |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    println!(
        "{} businesses indexed in {:.2} s ({:.0} businesses/s), up to change {}",
        report.businesses,
        report.seconds,
        report.businesses as f64 / report.seconds.max(1e-9),
        report.seq
    );
    Ok(ExitCode::SUCCESS)
}

fn check_numbers(config: Config) -> anyhow::Result<ExitCode> {
    let service = open_existing(config)?;
    let (checked, refused) = service.refused_numbers()?;
    for n in &refused {
        println!("{}\t{}\t{}\t{}", n.number, n.business, n.state, n.why);
    }
    println!(
        "{checked} numbers checked, {} refused by this build's phone metadata",
        refused.len()
    );
    Ok(if refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn stats(config: Config, json: bool) -> anyhow::Result<ExitCode> {
    let service = open_existing(config)?;
    let stats = service.store().stats()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&stats)?);
        return Ok(ExitCode::SUCCESS);
    }
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    println!(
        "{:<20} {:>11} {:>6} {:>10} {:>8} {:>10} {:>10} {:>10}",
        "table", "rows", "height", "leaves", "branches", "data MiB", "pages MiB", "fill"
    );
    for t in &stats.tables {
        let fill = t
            .fill()
            .map_or_else(|| "-".to_owned(), |f| format!("{:.0}%", 100.0 * f));
        println!(
            "{:<20} {:>11} {:>6} {:>10} {:>8} {:>10.1} {:>10.1} {:>10}",
            t.name,
            t.rows,
            t.height,
            t.leaf_pages,
            t.branch_pages,
            mib(t.stored_bytes),
            mib(t.page_bytes()),
            fill
        );
    }
    let allocated = stats.allocated_pages * stats.page_size as u64;
    println!(
        "file {:.1} MiB, {:.1} MiB in pages of {} bytes; cache {:.0} MiB",
        mib(stats.file_bytes),
        mib(allocated),
        stats.page_size,
        mib(stats.cache_bytes as u64)
    );
    if let Some(answers) = stats.tables.iter().find(|t| t.name == "answers") {
        let share = answers.page_bytes() as f64 / stats.cache_bytes.max(1) as f64;
        println!(
            "the answers table (what a lookup reads) takes {:.0}% of the cache",
            100.0 * share
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn compact(config: Config) -> anyhow::Result<ExitCode> {
    let service = open_existing(config)?;
    let r = service.store().repack_every_table()?;
    println!(
        "repacked {} tables: {} rows in {:.2} s",
        r.tables.len(),
        r.rows,
        r.seconds
    );
    let (before, after) = service.store().compact_file()?;
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    println!("file {:.1} MiB -> {:.1} MiB", mib(before), mib(after));
    Ok(ExitCode::SUCCESS)
}

/// A service on a data dir that must already hold data: a command that
/// only reads refuses to create an empty one where the operator mistyped.
fn open_existing(config: Config) -> anyhow::Result<Service> {
    if !crate::store::Store::exists_in(&config.data_dir) {
        anyhow::bail!("{} holds no bizseal data", config.data_dir.display());
    }
    Ok(Service::open_for_command(config)?)
}

fn keys(config: Config, action: KeysAction) -> anyhow::Result<ExitCode> {
    let service = Service::open_for_command(config)?;
    if let KeysAction::Rotate = action {
        let kid = service.rotate_key()?;
        println!("new active key {kid}");
    }
    let keyring = service.keyring();
    let retention = service.config().key_retention();
    let at = now();
    println!("{:<45} {:<8} {:<12} published", "kid", "state", "created");
    for k in keyring.published() {
        let state = if k.kid == keyring.active_kid() {
            "active"
        } else {
            "retired"
        };
        let published = k.retired_at.is_none_or(|r| at < r + retention);
        println!(
            "{:<45} {:<8} {:<12} {}",
            k.kid,
            state,
            k.created_at,
            if published { "yes" } else { "no" }
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn verify(
    config: Config,
    token_text: &str,
    jwks: Option<&str>,
    revocations: Option<&str>,
    number: Option<&str>,
    region: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let region = region.map(Region::parse).transpose()?;
    let number = number.map(|n| PhoneNumber::parse(n, region)).transpose()?;
    let (mut reason, claims, mut revocation_checked) = match jwks {
        Some(source) => {
            let keys = VerifyingKeys::from_jwks(&load_jwks(source)?)?;
            let v = token::verify(
                token_text,
                &keys,
                now(),
                number.as_ref().map(PhoneNumber::as_str),
            );
            (v.reason, v.raw_claims, false)
        }
        None => {
            let service = Service::open_for_command(config)?;
            let v = service.verify_token(token_text, number.as_ref())?;
            (v.reason, v.claims, true)
        }
    };
    let mut revoked_because = None;
    if let Some(claims) = &claims {
        let claims: serde_json::Value = serde_json::from_str(claims.get())?;
        println!("{}", serde_json::to_string_pretty(&claims)?);
        if let Some(source) = revocations {
            let entries = load_revocations(source)?;
            revocation_checked = true;
            // A revocation outranks a number mismatch, as on the server.
            let listed = entries.iter().find(|r| r["serial"] == claims["jti"]);
            if let Some(r) = listed
                .filter(|_| matches!(reason, token::Reason::Ok | token::Reason::NumberMismatch))
            {
                reason = token::Reason::Revoked;
                revoked_because = r["reason"].as_str().map(str::to_owned);
            }
        }
    }
    match revoked_because {
        Some(why) => println!("verdict: {} ({why})", reason.as_str()),
        None => println!("verdict: {}", reason.as_str()),
    }
    if !revocation_checked {
        println!("note: checked offline against the JWKS; revocations were not consulted");
    }
    Ok(if reason == token::Reason::Ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn verify_bundle(
    config: Config,
    source: &str,
    jwks: Option<&str>,
    number: Option<&str>,
    region: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let region = region.map(Region::parse).transpose()?;
    let number = number.map(|n| PhoneNumber::parse(n, region)).transpose()?;
    let keys = match jwks {
        Some(source) => VerifyingKeys::from_jwks(&load_jwks(source)?)?,
        None => Service::open_for_command(config)?
            .keyring()
            .verifying()
            .clone(),
    };
    log::verify_bundle(source, &keys, number.as_ref().map(PhoneNumber::as_str))
}

fn backup(
    config: Config,
    dest: &Path,
    server: &str,
    token: Option<&str>,
) -> anyhow::Result<ExitCode> {
    if dest.exists() {
        bail!("{} exists; a backup never overwrites", dest.display());
    }
    let bytes = match Service::open_for_command(config) {
        Ok(service) => service.backup(dest)?,
        Err(ServiceError::Store(StoreError::InUse(dir))) => {
            let Some(token) = token else {
                bail!(
                    "the data dir {} is in use by a running bizseal; give --token (a reviewer token) to back up through its API",
                    dir.display()
                );
            };
            backup_from_server(server, token, dest)?
        }
        Err(e) => return Err(e.into()),
    };
    println!(
        "backed up {bytes} bytes to {}; keep the master key too, the signing keys in it are sealed",
        dest.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn number_decision(
    config: Config,
    action: NumberAction,
    server: &str,
    token: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let (verb, number, business, region, body) = match &action {
        NumberAction::Release {
            number,
            reason,
            business,
            region,
        } => (
            "release",
            number,
            business,
            region,
            serde_json::json!({ "reason": reason, "business": business }),
        ),
        NumberAction::Unlock {
            number,
            business,
            region,
        } => (
            "unlock",
            number,
            business,
            region,
            serde_json::json!({ "business": business }),
        ),
    };
    let business = business
        .as_deref()
        .map(BusinessId::parse)
        .transpose()
        .context("--business")?;
    let service = match Service::open_for_command(config) {
        Ok(service) => service,
        Err(ServiceError::Store(StoreError::InUse(dir))) => {
            let Some(token) = token else {
                bail!(
                    "the data dir {} is in use by a running bizseal; give --token (a reviewer token) to decide through its API",
                    dir.display()
                );
            };
            let region = region.as_deref().map(Region::parse).transpose()?;
            let e164 = PhoneNumber::parse(number, region)?;
            let url = format!(
                "{}/v1/review/numbers/{}/{verb}",
                server.trim_end_matches('/'),
                e164.as_str()
            );
            let answer: serde_json::Value = ureq::post(&url)
                .header("Authorization", &format!("Bearer {token}"))
                .send_json(&body)
                .with_context(|| format!("{verb} through {url} failed"))?
                .body_mut()
                .read_json()?;
            println!("{answer}");
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => return Err(e.into()),
    };
    let region = region.as_deref().map(Region::parse).transpose()?;
    let e164 = service.number_or_listed(number, region)?;
    match &action {
        NumberAction::Release { reason, .. } => {
            service.release_number(&e164, business.as_ref(), "operator (cli)", reason)?;
            println!("released {}", e164.as_str());
        }
        NumberAction::Unlock { .. } => {
            let n = service.unlock_number(&e164, business.as_ref(), "operator (cli)")?;
            println!("unlocked {} ({n} claims)", e164.as_str());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn backup_from_server(server: &str, token: &str, dest: &Path) -> anyhow::Result<u64> {
    let url = format!("{}/v1/review/backup", server.trim_end_matches('/'));
    let mut response = ureq::get(&url)
        .header("Authorization", &format!("Bearer {token}"))
        .call()
        .with_context(|| format!("backup through {url} failed"))?;
    let partial = dest.with_extension("partial");
    let mut out =
        File::create(&partial).with_context(|| format!("cannot create {}", partial.display()))?;
    let bytes = std::io::copy(&mut response.body_mut().as_reader(), &mut out)
        .with_context(|| format!("download from {url} broke off"))?;
    out.sync_all()?;
    std::fs::rename(&partial, dest)?;
    Ok(bytes)
}

/// Largest JWKS we read; a real one is a few hundred bytes a key.
const MAX_JWKS_BYTES: u64 = 1024 * 1024;

/// Every revocation of a list: a file holding one `/v1/revocations`
/// answer, or the URL of that endpoint, whose pages are followed.
fn load_revocations(source: &str) -> anyhow::Result<Vec<serde_json::Value>> {
    let is_url = source.starts_with("http://") || source.starts_with("https://");
    let mut all = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page_source = match (&after, is_url) {
            (Some(a), true) => {
                let sep = if source.contains('?') { '&' } else { '?' };
                format!("{source}{sep}after={a}")
            }
            _ => source.to_owned(),
        };
        let page = load_json(&page_source, MAX_REVOCATIONS_BYTES)?;
        let entries = page["revocations"]
            .as_array()
            .context("the revocation list has no \"revocations\" array")?;
        all.extend(entries.iter().cloned());
        match page["next"].as_str() {
            Some(next) if is_url && after.as_deref() != Some(next) => after = Some(next.to_owned()),
            _ => return Ok(all),
        }
    }
}

/// Largest revocation list we read.
const MAX_REVOCATIONS_BYTES: u64 = 64 * 1024 * 1024;

fn load_jwks(source: &str) -> anyhow::Result<serde_json::Value> {
    let value = load_json(source, MAX_JWKS_BYTES)?;
    if value.get("keys").is_none() {
        bail!("the JWKS has no \"keys\"");
    }
    Ok(value)
}

/// A JSON document from a file or an http(s) URL, at most `limit` bytes.
fn load_json(source: &str, limit: u64) -> anyhow::Result<serde_json::Value> {
    let text = if source.starts_with("http://") || source.starts_with("https://") {
        let agent = ureq::Agent::new_with_config(
            ureq::Agent::config_builder()
                .timeout_global(Some(std::time::Duration::from_secs(10)))
                .build(),
        );
        agent
            .get(source)
            .call()
            .with_context(|| format!("cannot fetch {source}"))?
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_string()
            .with_context(|| format!("cannot read {source}"))?
    } else {
        std::fs::read_to_string(source).with_context(|| format!("cannot read {source}"))?
    };
    serde_json::from_str(&text).with_context(|| format!("{source} is not JSON"))
}
