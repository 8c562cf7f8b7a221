//! The `bizseal` command line: clap-derived commands that call the same
//! service layer as the API. Errors are one plain line on stderr and a
//! non-zero exit code.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::keys::VerifyingKeys;
use crate::model::now;
use crate::phone::{PhoneNumber, Region};
use crate::service::Service;
use crate::token;

#[derive(Parser)]
#[command(name = "bizseal", version, about = "Verified business directory: signed phone-number attestations")]
struct Cli {
    /// Where the database and keys live.
    #[arg(long, global = true, env = "BIZSEAL_DATA_DIR", default_value = "./bizseal-data")]
    data_dir: PathBuf,
    /// The `iss` claim of issued attestations.
    #[arg(long, global = true, env = "BIZSEAL_ISSUER", default_value = "bizseal")]
    issuer: String,
    /// Lifetime of issued attestations, in days.
    #[arg(long, global = true, env = "BIZSEAL_TOKEN_DAYS", default_value_t = 30,
          value_parser = clap::value_parser!(u32).range(1..=366))]
    token_days: u32,
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
        #[arg(long, env = "BIZSEAL_DEMO")]
        demo: bool,
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
    /// Rebuild the search index from the database, with progress. Refused
    /// while a bizseal serves the same data dir.
    Reindex {
        /// Indexing threads.
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=64))]
        threads: u16,
    },
    /// Check an attestation token; exit code 0 only if it is valid.
    Verify {
        /// The JWS compact token.
        token: String,
        /// A JWKS file or http(s) URL; checks offline against it instead of
        /// the data dir (revocations are then not known).
        #[arg(long)]
        jwks: Option<String>,
        /// The number the token was presented for.
        #[arg(long)]
        number: Option<String>,
        /// Region for a national-format --number.
        #[arg(long)]
        region: Option<String>,
    },
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
            eprintln!("bizseal: {e:#}");
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
    let config = Config {
        data_dir: cli.data_dir.clone(),
        issuer: cli.issuer.clone(),
        token_lifetime: i64::from(cli.token_days) * 24 * 3600,
    };
    match cli.command {
        Command::Serve { addr, demo } => serve(config, &addr, demo),
        Command::Import { file } => import(config, &file),
        Command::Keys { action } => keys(config, action),
        Command::Reindex { threads } => reindex(config, usize::from(threads)),
        Command::Verify {
            token,
            jwks,
            number,
            region,
        } => verify(config, &token, jwks.as_deref(), number.as_deref(), region.as_deref()),
    }
}

fn serve(config: Config, addr: &str, demo: bool) -> anyhow::Result<ExitCode> {
    let service = Arc::new(Service::open(config)?);
    if demo {
        match service.load_demo()? {
            Some(r) => tracing::info!(created = r.created, failed = r.failed.len(), "loaded the demo data"),
            None => tracing::info!("demo data already loaded"),
        }
    }
    service.renew_expiring()?;
    // The indexer catches up (or builds the index) in the background;
    // searches answer from what it has committed meanwhile.
    service.start_search()?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        tracing::info!(addr = %listener.local_addr()?, "bizseal is listening");
        crate::api::serve(listener, service, shutdown_signal()).await?;
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
    let service = Service::open(config)?;
    let bar = indicatif::ProgressBar::new(size);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {elapsed} eta {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let report = service.import(BufReader::new(handle), |bytes| bar.set_position(bytes))?;
    bar.finish_and_clear();
    for e in &report.failed {
        eprintln!("{}:{}: {}", file.display(), e.line, e.message);
    }
    let rate = report.lines() as f64 / report.seconds.max(1e-9);
    println!(
        "{} lines: {} created, {} updated, {} unchanged, {} failed in {:.2} s ({:.0} lines/s)",
        report.lines(),
        report.created,
        report.updated,
        report.unchanged,
        report.failed.len(),
        report.seconds,
        rate
    );
    Ok(if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

fn reindex(config: Config, threads: usize) -> anyhow::Result<ExitCode> {
    let service = Service::open(config)?;
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} businesses {elapsed} eta {eta}")
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

fn keys(config: Config, action: KeysAction) -> anyhow::Result<ExitCode> {
    let service = Service::open(config)?;
    if let KeysAction::Rotate = action {
        let kid = service.rotate_key()?;
        println!("new active key {kid}");
    }
    let keyring = service.keyring();
    let retention = service.config().key_retention();
    let at = now();
    println!("{:<45} {:<8} {:<12} published", "kid", "state", "created");
    for k in keyring.published() {
        let state = if k.kid == keyring.active_kid() { "active" } else { "retired" };
        let published = k.retired_at.is_none_or(|r| at < r + retention);
        println!("{:<45} {:<8} {:<12} {}", k.kid, state, k.created_at, if published { "yes" } else { "no" });
    }
    Ok(ExitCode::SUCCESS)
}

fn verify(
    config: Config,
    token_text: &str,
    jwks: Option<&str>,
    number: Option<&str>,
    region: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let region = region.map(Region::parse).transpose()?;
    let number = number.map(|n| PhoneNumber::parse(n, region)).transpose()?;
    let (reason, claims, revocation_checked) = match jwks {
        Some(source) => {
            let keys = VerifyingKeys::from_jwks(&load_jwks(source)?)?;
            let v = token::verify(token_text, &keys, now(), number.as_ref().map(PhoneNumber::as_str));
            (v.reason, v.raw_claims, false)
        }
        None => {
            let service = Service::open(config)?;
            let v = service.verify_token(token_text, number.as_ref())?;
            (v.reason, v.claims, true)
        }
    };
    if let Some(claims) = &claims {
        println!("{}", serde_json::to_string_pretty(claims)?);
    }
    println!("verdict: {}", reason.as_str());
    if !revocation_checked {
        println!("note: checked offline against the JWKS; revocations were not consulted");
    }
    Ok(if reason == token::Reason::Ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Largest JWKS we read; a real one is a few hundred bytes a key.
const MAX_JWKS_BYTES: u64 = 1024 * 1024;

fn load_jwks(source: &str) -> anyhow::Result<serde_json::Value> {
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
            .limit(MAX_JWKS_BYTES)
            .read_to_string()
            .with_context(|| format!("cannot read {source}"))?
    } else {
        std::fs::read_to_string(source).with_context(|| format!("cannot read {source}"))?
    };
    let value: serde_json::Value = serde_json::from_str(&text).context("the JWKS is not JSON")?;
    if value.get("keys").is_none() {
        bail!("the JWKS has no \"keys\"");
    }
    Ok(value)
}
