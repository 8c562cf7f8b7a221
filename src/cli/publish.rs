//! `bizseal publish` and `bizseal client`: the directory published as
//! static files, and a client's copy of them (the badge list, its signed
//! answers, the keys), synced over HTTP and checked offline.

use super::*;

use crate::publish::dest::Destination;
use crate::publish::{self, Settings};
use crate::sync::{self, Fetch};

/// How publishing is timed (`publish`, and `serve --publish-to`).
#[derive(clap::Args, Clone)]
pub(super) struct PublishArgs {
    /// Seconds a cache may keep the badge manifest: with the publish
    /// interval, how late a revocation may reach a syncing client.
    #[arg(long = "publish-max-age", env = "BIZSEAL_PUBLISH_MAX_AGE",
          default_value_t = publish::DEFAULT_MAX_AGE_SECS,
          value_parser = clap::value_parser!(u32).range(1..=86_400))]
    max_age: u32,
    /// Seconds a client trusts a manifest it cannot refresh: how long a
    /// frozen mirror can keep a revoked number listed (default a day).
    #[arg(long = "publish-validity", env = "BIZSEAL_PUBLISH_VALIDITY",
          default_value_t = publish::DEFAULT_VALIDITY_SECS,
          value_parser = clap::value_parser!(u32).range(600..=31_536_000))]
    validity: u32,
    /// Seconds between publishes (`serve --publish-to`); written in the
    /// manifest as a hint of when to sync again.
    #[arg(long = "publish-interval", env = "BIZSEAL_PUBLISH_INTERVAL",
          default_value_t = publish::DEFAULT_INTERVAL_SECS,
          value_parser = clap::value_parser!(u32).range(1..=86_400))]
    interval: u32,
}

impl PublishArgs {
    pub(super) fn settings(&self) -> Settings {
        Settings {
            interval: self.interval,
            max_age: self.max_age,
            validity: self.validity,
        }
    }
}

/// `bizseal client ...`
#[derive(Subcommand)]
pub(super) enum ClientAction {
    /// Bring a local copy of a published tree up to date: the badge list
    /// (a snapshot, then deltas), the keys, and the signed answers of the
    /// address book's hits. Every signature, file hash and the set's
    /// checksum are checked.
    Sync {
        /// The published tree's root, e.g. https://cdn.example/bizseal/
        url: String,
        /// The local copy's directory.
        dir: PathBuf,
        /// The address book (one number a line) whose hits' signed answers
        /// are kept; later syncs keep using it.
        #[arg(long)]
        numbers: Option<PathBuf>,
        /// Region for national-format numbers in --numbers.
        #[arg(long)]
        region: Option<String>,
        /// The service's key set (its /.well-known/jwks.json), got from a
        /// source you trust: the copy believes these keys from now on.
        /// Without it, a first sync believes the tree's own keys and keeps
        /// them; later syncs believe only the kept ones.
        #[arg(long)]
        jwks: Option<PathBuf>,
    },
    /// Check numbers against the local copy, offline: one JSON line each
    /// (`number`, `badge`, `level`, `source`, ...). Exit code 1 if any
    /// input is not a number, 2 if the copy cannot be used.
    Check {
        /// The local copy's directory.
        dir: PathBuf,
        /// Numbers, E.164 or national with --region.
        #[arg(required = true)]
        numbers: Vec<String>,
        /// Region for national-format numbers.
        #[arg(long)]
        region: Option<String>,
    },
    /// Check the transparency log: the checkpoint's signature, that it
    /// extends the last one seen (a fork or a rollback fails), and that
    /// the given entries are in it. Exit code 0 only if all of it holds.
    Log {
        /// The server's base URL, or the published tree's root (URL or
        /// directory): the log is read from its `log/`.
        from: String,
        /// The log's verifier key (`GET /v1/log/vkeys`); repeat it to
        /// trust older keys too.
        #[arg(long, env = "BIZSEAL_LOG_VKEY", value_delimiter = ',', required = true)]
        vkey: Vec<String>,
        /// A witness's verifier key (type 0x04), for --quorum.
        #[arg(long)]
        witness: Vec<String>,
        /// How many of the --witness keys must have cosigned.
        #[arg(long, default_value_t = 0)]
        quorum: usize,
        /// Where the last accepted checkpoint is kept between runs.
        #[arg(long, default_value = "./bizseal-client")]
        state: PathBuf,
        /// An entry to prove included (its index in the log); repeatable.
        #[arg(long)]
        index: Vec<u64>,
        /// A badge bundle (a lookup answer with `?bundle=1`, or its
        /// `bundle`) in a file: its token's entry is proven included.
        #[arg(long)]
        bundle: Vec<String>,
    },
}

/// `bizseal publish --to DIR|s3://bucket/prefix`: one publish. Refused while a server holds
/// the data dir (which publishes itself with `serve --publish-to`).
pub(super) fn publish_once(
    config: Config,
    to: &Path,
    args: &PublishArgs,
) -> anyhow::Result<ExitCode> {
    let dest = Destination::open(to)
        .with_context(|| format!("cannot publish to {}", to.display()))?
        .with_manifest_max_age(args.settings().max_age);
    let service = match Service::open_for_command(config) {
        Ok(s) => Arc::new(s),
        Err(ServiceError::Store(StoreError::InUse(dir))) => bail!(
            "the data dir {} is in use by a running bizseal; publish from it with `serve --publish-to DIR`",
            dir.display()
        ),
        Err(e) => return Err(e.into()),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let report = runtime.block_on(publish::publish(&service, &dest, args.settings()))?;
    println!("{}", serde_json::to_string(&report)?);
    Ok(ExitCode::SUCCESS)
}

/// Fetches over HTTP from a tree's root.
struct Tree {
    http: super::http::Http,
    root: String,
}

impl Fetch for Tree {
    fn fetch(&mut self, path: &str) -> Result<Option<Vec<u8>>, String> {
        match self.http.get(&format!("{}{path}", self.root), MAX_FILE) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(super::http::HttpError::NotFound) => Ok(None),
            Err(super::http::HttpError::Other(e)) => Err(e),
        }
    }
}

/// The largest file a sync takes (a snapshot of 100 million numbers is
/// about 190 MB).
const MAX_FILE: u64 = 512 << 20;

pub(super) fn client(action: ClientAction) -> anyhow::Result<ExitCode> {
    match action {
        ClientAction::Log {
            from,
            vkey,
            witness,
            quorum,
            state,
            index,
            bundle,
        } => super::client_log::run(&super::client_log::LogCheck {
            from: &from,
            vkeys: &vkey,
            witnesses: &witness,
            quorum,
            state: &state,
            indexes: &index,
            bundles: &bundle,
        }),
        ClientAction::Sync {
            url,
            dir,
            numbers,
            region,
            jwks,
        } => {
            let region = region.as_deref().map(Region::parse).transpose()?;
            let trust = jwks
                .map(|path| {
                    std::fs::read(&path).with_context(|| format!("reading {}", path.display()))
                })
                .transpose()?;
            let book = match numbers {
                Some(file) => {
                    let text = std::fs::read_to_string(&file)
                        .with_context(|| format!("cannot read {}", file.display()))?;
                    let inputs: Vec<String> = text
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned)
                        .collect();
                    let mut book = Vec::new();
                    for (input, parsed) in inputs.iter().zip(sync::parse_numbers(&inputs, region)) {
                        match parsed {
                            Ok(n) => book.push(n),
                            Err(e) => eprintln!("skipping {input:?}: {e}"),
                        }
                    }
                    Some(book)
                }
                None => None,
            };
            let mut http = Tree {
                http: super::http::Http::new(std::time::Duration::from_secs(120)),
                root: format!("{}/", url.trim_end_matches('/')),
            };
            let report = sync::sync(&mut http, &dir, book.as_deref(), trust.as_deref(), now())?;
            println!("{}", serde_json::to_string(&report)?);
            if report.unverified.is_empty() {
                return Ok(ExitCode::SUCCESS);
            }
            // The list is synced; these buckets are not, so their hits
            // check as not synced until a sync gets them whole.
            eprintln!(
                "{} bucket(s) of answers were missing or not the ones the manifest names (a mirror's old copy, or its own) and were not kept; their numbers check as not synced: {}",
                report.unverified.len(),
                report.unverified.join(", ")
            );
            Ok(ExitCode::FAILURE)
        }
        ClientAction::Check {
            dir,
            numbers,
            region,
        } => {
            let region = region.as_deref().map(Region::parse).transpose()?;
            let at = now();
            let mut local = match sync::Local::open(&dir, at) {
                Ok(local) => local,
                Err(e) => {
                    eprintln!("{e}");
                    return Ok(ExitCode::from(2));
                }
            };
            let mut out = std::io::stdout().lock();
            let mut invalid = false;
            for (input, parsed) in numbers.iter().zip(sync::parse_numbers(&numbers, region)) {
                let line = match parsed {
                    Ok(e164) => serde_json::to_string(&local.check(&e164, at))?,
                    Err(reason) => {
                        invalid = true;
                        serde_json::json!({"input": input, "number": null, "badge": false,
                            "level": null, "error": "invalid_number", "reason": reason})
                        .to_string()
                    }
                };
                std::io::Write::write_all(&mut out, line.as_bytes())?;
                std::io::Write::write_all(&mut out, b"\n")?;
            }
            Ok(if invalid {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}
