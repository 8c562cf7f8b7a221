//! A webhook URL and the one POST that delivers an event to it, through
//! the SSRF fence: https on port 443 (plain http and other ports only with
//! `--allow-private-targets`, for tests and labs), no credentials in the
//! URL, every address the name resolves to global, the connection pinned
//! to the checked address, no redirect followed, one short timeout.

use std::time::{Duration, Instant};

use crate::service::fence::{self, Refused};

/// A delivery's whole time, from resolving the name to the answer's
/// status: a receiver should answer at once and work afterwards (the
/// specification recommends seconds).
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// Longest URL taken.
const MAX_URL: usize = 2048;

/// Why a URL is not a webhook bizseal will call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadUrl {
    /// Not an absolute http(s) URL with a host.
    Malformed,
    /// Plain http, or a port other than 443.
    NotHttps,
    /// User and password in the URL.
    Credentials,
    /// Its name does not resolve.
    Unresolvable,
    /// It resolves to an address that is not global.
    PrivateAddress,
}

impl BadUrl {
    /// What the business is told.
    pub fn message(self) -> &'static str {
        match self {
            BadUrl::Malformed => "an absolute https URL with a host name",
            BadUrl::NotHttps => "only https on port 443",
            BadUrl::Credentials => "no user name or password in the URL",
            BadUrl::Unresolvable => "its host name does not resolve",
            BadUrl::PrivateAddress => {
                "its host name resolves to a private, loopback or reserved address"
            }
        }
    }
}

/// A checked webhook URL: its host and port.
pub struct Endpoint {
    pub url: String,
    host: String,
    port: u16,
}

/// Checks a URL's form (no network).
pub fn parse(url: &str, allow_private: bool) -> Result<Endpoint, BadUrl> {
    if url.len() > MAX_URL {
        return Err(BadUrl::Malformed);
    }
    let uri: ureq::http::Uri = url.parse().map_err(|_| BadUrl::Malformed)?;
    let authority = uri.authority().ok_or(BadUrl::Malformed)?;
    if authority.as_str().contains('@') {
        return Err(BadUrl::Credentials);
    }
    if authority.host().is_empty() {
        return Err(BadUrl::Malformed);
    }
    let port = match (uri.scheme_str(), authority.port_u16()) {
        (Some("https"), None | Some(443)) => 443,
        (Some("https"), Some(p)) if allow_private => p,
        (Some("http"), p) if allow_private => p.unwrap_or(80),
        (Some("http" | "https"), _) => return Err(BadUrl::NotHttps),
        _ => return Err(BadUrl::Malformed),
    };
    Ok(Endpoint {
        url: url.to_owned(),
        host: authority.host().to_owned(),
        port,
    })
}

/// Checks that a URL resolves to global addresses only (what a business
/// is told when it sets its webhook; every delivery checks again).
/// Blocking, for up to [`TIMEOUT`].
pub fn check(url: &str, allow_private: bool) -> Result<(), BadUrl> {
    let endpoint = parse(url, allow_private)?;
    fenced_agent(&endpoint, allow_private).map(drop)
}

fn fenced_agent(endpoint: &Endpoint, allow_private: bool) -> Result<ureq::Agent, BadUrl> {
    let policy = fence::Policy {
        allow_private,
        timeout: TIMEOUT,
    };
    fence::agent(&endpoint.host, endpoint.port, policy).map_err(|refused| match refused {
        Refused::PrivateAddress => BadUrl::PrivateAddress,
        Refused::Unresolvable | Refused::Timeout => BadUrl::Unresolvable,
    })
}

/// How one POST went: the status, or why there was none.
pub struct Outcome {
    pub status: Option<u16>,
    pub error: Option<String>,
    pub took: Duration,
}

/// POSTs `body` with the Standard Webhooks headers. Blocking, for up to
/// [`TIMEOUT`]; a redirect is an answer like any other non-2xx.
pub fn post(
    url: &str,
    allow_private: bool,
    msg_id: &str,
    timestamp: i64,
    signature: &str,
    body: &str,
) -> Outcome {
    let started = Instant::now();
    let failed = |error: String| Outcome {
        status: None,
        error: Some(error),
        took: started.elapsed(),
    };
    let endpoint = match parse(url, allow_private) {
        Ok(e) => e,
        Err(bad) => return failed(bad.message().to_owned()),
    };
    let agent = match fenced_agent(&endpoint, allow_private) {
        Ok(a) => a,
        Err(bad) => return failed(bad.message().to_owned()),
    };
    let sent = agent
        .post(&endpoint.url)
        .header("content-type", "application/json")
        .header("user-agent", "bizseal-webhooks")
        .header("webhook-id", msg_id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .send(body);
    match sent {
        Ok(response) => Outcome {
            status: Some(response.status().as_u16()),
            error: None,
            took: started.elapsed(),
        },
        Err(ureq::Error::Timeout(_)) => failed("timed out".to_owned()),
        Err(e) => failed(format!("connection failed: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_urls_on_443_are_taken_outside_labs() {
        assert!(parse("https://hooks.example.com/bizseal", false).is_ok());
        assert!(parse("https://hooks.example.com:443/x", false).is_ok());
        assert_eq!(
            parse("http://hooks.example.com/x", false).err(),
            Some(BadUrl::NotHttps)
        );
        assert_eq!(
            parse("https://hooks.example.com:8443/x", false).err(),
            Some(BadUrl::NotHttps)
        );
        assert_eq!(
            parse("https://u:p@hooks.example.com/x", false).err(),
            Some(BadUrl::Credentials)
        );
        assert_eq!(parse("ftp://x/", false).err(), Some(BadUrl::Malformed));
        assert_eq!(parse("/relative", false).err(), Some(BadUrl::Malformed));
        assert!(parse("http://127.0.0.1:9000/x", true).is_ok());
    }

    #[test]
    fn loopback_private_and_metadata_addresses_are_refused() {
        for url in [
            "https://127.0.0.1/x",
            "https://10.0.0.1/x",
            "https://169.254.169.254/latest/meta-data",
            "https://[::1]/x",
            "https://[::ffff:127.0.0.1]/x",
            "https://localhost/x",
        ] {
            assert_eq!(check(url, false), Err(BadUrl::PrivateAddress), "{url}");
        }
    }
}
