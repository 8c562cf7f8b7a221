//! Changes to the badge list for the publish and sync measurements
//! (scripts/badges_bench.sh): revokes N numbers of a file, the first ones
//! still badged (an earlier run's are skipped), one reviewer decision each,
//! through the service as the API would.
//!
//! ```sh
//! cargo run --release --example badge_changes -- DATA_DIR NUMBERS.txt N
//! ```
//!
//! `NUMBERS.txt` holds one E.164 number a line (`examples/gen.rs` writes
//! `verified.txt`); no server may hold `DATA_DIR`.

use std::io::BufRead;
use std::path::PathBuf;
use std::time::Instant;

use bizseal::config::Config;
use bizseal::phone::PhoneNumber;
use bizseal::service::{Service, ServiceError};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(data), Some(file), Some(n)) = (args.next(), args.next(), args.next()) else {
        anyhow::bail!("usage: badge_changes DATA_DIR NUMBERS.txt N");
    };
    let n: usize = n.parse()?;
    let service = Service::open_for_command(Config::new(PathBuf::from(data)))?;
    let started = Instant::now();
    let mut revoked = 0;
    for line in std::io::BufReader::new(std::fs::File::open(file)?).lines() {
        if revoked == n {
            break;
        }
        let number = PhoneNumber::parse(line?.trim(), None)?;
        match service.revoke_number(&number, "bench", "measuring the badge list's deltas") {
            Ok(()) => revoked += 1,
            Err(e @ (ServiceError::Store(_) | ServiceError::Key(_))) => return Err(e.into()),
            // Revoked by an earlier run: refused again, skipped.
            Err(_) => {}
        }
    }
    eprintln!("revoked {revoked} numbers in {:?}", started.elapsed());
    Ok(())
}
