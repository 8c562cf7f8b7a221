//! Commands that look after a data dir: import, reindex, check, stats,
//! compact, backup.

use super::*;

pub(super) fn import(config: Config, file: &PathBuf) -> anyhow::Result<ExitCode> {
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

pub(super) fn reindex(config: Config, threads: usize) -> anyhow::Result<ExitCode> {
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

pub(super) fn check_numbers(config: Config) -> anyhow::Result<ExitCode> {
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

pub(super) fn stats(config: Config, json: bool) -> anyhow::Result<ExitCode> {
    let service = open_existing(config)?;
    let stats = service.store_stats()?;
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

pub(super) fn compact(config: Config) -> anyhow::Result<ExitCode> {
    let service = open_existing(config)?;
    let r = service.repack()?;
    println!(
        "repacked {} tables: {} rows in {:.2} s",
        r.tables.len(),
        r.rows,
        r.seconds
    );
    let (before, after) = service.compact_file()?;
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    println!("file {:.1} MiB -> {:.1} MiB", mib(before), mib(after));
    Ok(ExitCode::SUCCESS)
}

/// A service on a data dir that must already hold data: a command that
/// only reads refuses to create an empty one where the operator mistyped.
pub(super) fn open_existing(config: Config) -> anyhow::Result<Service> {
    if !crate::store::Store::exists_in(&config.data_dir) {
        anyhow::bail!("{} holds no bizseal data", config.data_dir.display());
    }
    Ok(Service::open_for_command(config)?)
}

pub(super) fn backup(
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

pub(super) fn backup_from_server(server: &str, token: &str, dest: &Path) -> anyhow::Result<u64> {
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
