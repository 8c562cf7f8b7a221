//! The command line's one HTTP reader: a published tree's files, a
//! server's answers, a key set. Every body is read up to a limit the
//! caller names, so a hostile server cannot make a command hold more.

use std::time::Duration;

/// A blocking HTTP client with one overall timeout a request.
pub(super) struct Http {
    agent: ureq::Agent,
}

/// Why a read failed: the answer was a 404, or something else went wrong.
pub(super) enum HttpError {
    NotFound,
    Other(String),
}

impl Http {
    pub(super) fn new(timeout: Duration) -> Http {
        Http {
            agent: ureq::Agent::new_with_config(
                ureq::Agent::config_builder()
                    .timeout_global(Some(timeout))
                    .build(),
            ),
        }
    }

    /// The body at `url`, at most `limit` bytes.
    pub(super) fn get(&self, url: &str, limit: u64) -> Result<Vec<u8>, HttpError> {
        match self.agent.get(url).call() {
            Ok(mut response) => response
                .body_mut()
                .with_config()
                .limit(limit)
                .read_to_vec()
                .map_err(|e| HttpError::Other(format!("cannot read {url}: {e}"))),
            Err(ureq::Error::StatusCode(404)) => Err(HttpError::NotFound),
            Err(e) => Err(HttpError::Other(format!("cannot fetch {url}: {e}"))),
        }
    }

    /// [`Http::get`] where a 404 is an error too.
    pub(super) fn need(&self, url: &str, limit: u64) -> anyhow::Result<Vec<u8>> {
        match self.get(url, limit) {
            Ok(bytes) => Ok(bytes),
            Err(HttpError::NotFound) => anyhow::bail!("cannot fetch {url}: 404 Not Found"),
            Err(HttpError::Other(e)) => anyhow::bail!("{e}"),
        }
    }
}
