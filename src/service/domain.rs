//! Fetching a domain challenge over HTTP without becoming an SSRF proxy
//! (OWASP API7). The DNS proof is `dns`.
//!
//! The applicant picks the domain, so the fetch goes through the fence
//! (`fence`: resolved once, non-global addresses refused, connected to the
//! checked address, no redirects, one total timeout), over plain HTTP on
//! one configured port (80 in production, as ACME http-01 does); at most a
//! few KiB are read, and what was read is never echoed back.

use std::time::Duration;

use serde::Serialize;

use super::fence::{self, BodyError, Refused};

/// Where the challenge token is published.
pub const CHALLENGE_PATH: &str = "/.well-known/bizseal-challenge/";
const TIMEOUT: Duration = Duration::from_secs(5);
const MAX_BODY: u64 = 4 * 1024;

/// Why the HTTP proof failed, in words the applicant can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HttpFailure {
    /// The domain has no address.
    Unresolvable,
    /// The domain has a loopback, private or otherwise internal address.
    PrivateAddress,
    /// No HTTP answer (refused, reset, timed out).
    ConnectFailed,
    /// The web server answered with a redirect, which is not followed.
    Redirect,
    /// The web server answered a status other than 200.
    HttpStatus,
    /// The body is larger than a token could be.
    TooLarge,
    /// The body is not the token.
    TokenMismatch,
}

/// What a fetch may reach.
#[derive(Debug, Clone, Copy)]
pub struct TargetPolicy {
    pub allow_private: bool,
    pub port: u16,
}

/// Fetches `http://domain/.well-known/bizseal-challenge/{token}` and checks
/// that the body is the token. Blocking.
pub fn fetch_challenge(domain: &str, token: &str, policy: TargetPolicy) -> Result<(), HttpFailure> {
    let fenced = fence::Policy {
        allow_private: policy.allow_private,
        timeout: TIMEOUT,
    };
    let agent = fence::agent(domain, policy.port, fenced).map_err(|refused| match refused {
        Refused::Unresolvable => HttpFailure::Unresolvable,
        Refused::PrivateAddress => HttpFailure::PrivateAddress,
        Refused::Timeout => HttpFailure::ConnectFailed,
    })?;
    let port = match policy.port {
        80 => String::new(),
        p => format!(":{p}"),
    };
    let url = format!("http://{domain}{port}{CHALLENGE_PATH}{token}");
    let mut response = agent
        .get(&url)
        .call()
        .map_err(|_| HttpFailure::ConnectFailed)?;
    let status = response.status().as_u16();
    if (300..400).contains(&status) {
        return Err(HttpFailure::Redirect);
    }
    if status != 200 {
        return Err(HttpFailure::HttpStatus);
    }
    let body = fence::read_body(&mut response, MAX_BODY).map_err(|e| match e {
        BodyError::TooLarge => HttpFailure::TooLarge,
        BodyError::Timeout | BodyError::Broken => HttpFailure::ConnectFailed,
    })?;
    if String::from_utf8_lossy(&body).trim() == token {
        Ok(())
    } else {
        Err(HttpFailure::TokenMismatch)
    }
}

/// Whether a domain name is well formed: LDH labels of 1-63 characters,
/// at most 253 in all. Single-label names only where private targets are
/// allowed (a lab's `localhost`).
pub fn valid_domain(domain: &str, allow_single_label: bool) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    domain.len() <= 253
        && (labels.len() >= 2 || allow_single_label)
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        && !labels
            .last()
            .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_must_be_well_formed() {
        assert!(valid_domain("klm.com", false));
        assert!(valid_domain("www.banco-santander.es", false));
        assert!(!valid_domain("localhost", false));
        assert!(valid_domain("localhost", true));
        for bad in [
            "",
            "klm..com",
            "-klm.com",
            "KLM.com",
            "klm.com/",
            "klm.com:80",
            "1.2.3.4",
            "a b.com",
        ] {
            assert!(!valid_domain(bad, false), "{bad:?}");
        }
    }

    #[test]
    fn private_targets_are_refused_before_connecting() {
        let policy = TargetPolicy {
            allow_private: false,
            port: 80,
        };
        assert_eq!(
            fetch_challenge("localhost", "t", policy),
            Err(HttpFailure::PrivateAddress)
        );
    }
}
