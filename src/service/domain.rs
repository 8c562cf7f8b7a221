//! Fetching a domain challenge over HTTP without becoming an SSRF proxy
//! (OWASP API7). The DNS proof is `dns`.
//!
//! The applicant picks the domain, so the fetch is fenced in: plain HTTP on
//! one configured port (80 in production, as ACME http-01 does); the name
//! is resolved once, every non-global address is refused, and the request
//! goes to the address that was checked (with the domain in `Host`), so a
//! DNS answer that changes between check and connect cannot redirect it;
//! no redirects are followed; one total timeout; at most a few KiB are
//! read, and what was read is never echoed back.

use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, ToSocketAddrs};
use std::time::Duration;

use serde::Serialize;

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
    let addrs: Vec<SocketAddr> = (domain, policy.port)
        .to_socket_addrs()
        .map_err(|_| HttpFailure::Unresolvable)?
        .collect();
    if addrs.is_empty() {
        return Err(HttpFailure::Unresolvable);
    }
    // Refuse outright if any answer is internal: a name that mixes public
    // and private addresses is a rebinding attempt, not a web site.
    if !policy.allow_private && addrs.iter().any(|a| !is_global(a.ip())) {
        return Err(HttpFailure::PrivateAddress);
    }
    let target = addrs[0];
    let agent = ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .max_redirects(0)
            .http_status_as_error(false)
            .build(),
    );
    let host = if policy.port == 80 {
        domain.to_owned()
    } else {
        format!("{domain}:{}", policy.port)
    };
    let url = format!("http://{target}{CHALLENGE_PATH}{token}");
    let mut response = agent
        .get(&url)
        .header("Host", &host)
        .call()
        .map_err(|_| HttpFailure::ConnectFailed)?;
    let status = response.status().as_u16();
    if (300..400).contains(&status) {
        return Err(HttpFailure::Redirect);
    }
    if status != 200 {
        return Err(HttpFailure::HttpStatus);
    }
    let mut body = Vec::new();
    response
        .body_mut()
        .as_reader()
        .take(MAX_BODY + 1)
        .read_to_end(&mut body)
        .map_err(|_| HttpFailure::ConnectFailed)?;
    if body.len() as u64 > MAX_BODY {
        return Err(HttpFailure::TooLarge);
    }
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

/// Whether an address is reachable on the public internet. `std`'s
/// `is_global` is unstable, so the special-purpose ranges of the IANA
/// registries are listed here.
pub fn is_global(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_global_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_global_v4(v4);
            }
            let s = v6.segments();
            !(v6.is_unspecified()
                || v6.is_loopback()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00 // unique local fc00::/7
                || (s[0] & 0xffc0) == 0xfe80 // link-local fe80::/10
                || (s[0] & 0xffc0) == 0xfec0 // site-local fec0::/10 (deprecated)
                || s[..4] == [0x0100, 0, 0, 0] // discard-only 100::/64
                || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
                || (s[0] == 0x0064 && s[1] == 0xff9b) // NAT64, embeds IPv4
                || (s[0] == 0x2002) // 6to4, embeds IPv4
                || (s[0] == 0x2001 && s[1] < 0x0200) // IETF protocol assignments, Teredo
                || s[..6] == [0, 0, 0, 0, 0, 0]) // IPv4-compatible (deprecated)
        }
    }
}

fn is_global_v4(ip: Ipv4Addr) -> bool {
    let o = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local() // includes 169.254.169.254, the cloud metadata service
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_multicast()
        || o[0] == 0
        || (o[0] == 100 && (o[1] & 0xc0) == 64) // shared address space 100.64/10
        || (o[0] == 192 && o[1] == 0 && o[2] == 0) // IETF protocol assignments
        || (o[0] == 198 && (o[1] & 0xfe) == 18) // benchmarking 198.18/15
        || o[0] >= 240) // reserved
}

#[cfg(test)]
mod tests {
    use super::*;

    fn global(s: &str) -> bool {
        is_global(s.parse().unwrap())
    }

    #[test]
    fn internal_addresses_are_not_global() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "198.18.0.1",
            "240.0.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
            "2001:db8::1",
            "2002:a00:1::",
            "100::1",
            "fec0::1",
        ] {
            assert!(!global(ip), "{ip} must not be global");
        }
    }

    #[test]
    fn public_addresses_are_global() {
        for ip in [
            "8.8.8.8",
            "1.1.1.1",
            "2606:4700:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            assert!(global(ip), "{ip} is global");
        }
    }

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
