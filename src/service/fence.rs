//! The SSRF fence (OWASP API7): how bizseal fetches a URL that an
//! applicant chose (the domain challenge, the logo) without becoming a
//! proxy into its own network.
//!
//! The name is resolved once, within the fetch's time, and every address
//! it resolves to is refused unless it is global (a name that mixes public
//! and private addresses is a rebinding attempt, not a web site). The
//! request then goes to the address that was checked and nowhere else: the
//! agent's resolver is replaced by one that answers only that address, so
//! a DNS answer that changes between check and connect cannot move it,
//! while the URL keeps its host name, so `Host`, TLS SNI and the
//! certificate check still name it. No proxy (ureq would read one from the
//! environment and let it reach anything), no redirects, one total timeout
//! from resolution to the last byte, and at most a given number of bytes
//! read, refused from `Content-Length` before reading when it says more.
//!
//! `Policy::allow_private` (`--allow-private-targets`) lifts the address
//! check for tests and labs; what each caller then allows besides (plain
//! HTTP, other ports) is the caller's rule.

use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, ToSocketAddrs};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ureq::http::{header, Response, Uri};
use ureq::unversioned::resolver::{ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};
use ureq::Body;

/// What a fenced fetch may reach, and how long it may take in all.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub allow_private: bool,
    pub timeout: Duration,
}

/// Why the fence refused before any connection was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The name has no address (or resolving it failed).
    Unresolvable,
    /// It resolves to an address that is not global.
    PrivateAddress,
    /// Resolving took the whole time the fetch had.
    Timeout,
}

/// Why a response's body was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyError {
    /// More than the limit, by `Content-Length` or by reading.
    TooLarge,
    /// The time ran out while reading.
    Timeout,
    /// The connection failed while reading.
    Broken,
}

/// Resolves `host` once, checks every address, and returns an agent that
/// reaches only the first of them on `port`, with what is left of the
/// policy's time as its total timeout. Blocking.
pub fn agent(host: &str, port: u16, policy: Policy) -> Result<ureq::Agent, Refused> {
    let deadline = Instant::now() + policy.timeout;
    // An IPv6 literal comes bracketed out of a URL.
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let addrs = resolve(host, port, deadline)?;
    if !policy.allow_private && addrs.iter().any(|a| !is_global(a.ip())) {
        return Err(Refused::PrivateAddress);
    }
    let target = *addrs.first().ok_or(Refused::Unresolvable)?;
    let left = deadline
        .checked_duration_since(Instant::now())
        .filter(|d| !d.is_zero())
        .ok_or(Refused::Timeout)?;
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(left))
        .max_redirects(0)
        .http_status_as_error(false)
        .proxy(None)
        .user_agent("bizseal")
        .build();
    let pinned = Pinned {
        host: host.to_ascii_lowercase(),
        target,
    };
    Ok(ureq::Agent::with_parts(
        config,
        DefaultConnector::default(),
        pinned,
    ))
}

/// Reads at most `max` bytes of a response's body: refused at once when
/// its `Content-Length` says more, and when reading finds more.
pub fn read_body(response: &mut Response<Body>, max: u64) -> Result<Vec<u8>, BodyError> {
    let declared = response
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > max) {
        return Err(BodyError::TooLarge);
    }
    let mut body = Vec::with_capacity(declared.unwrap_or(0).min(max) as usize);
    response
        .body_mut()
        .as_reader()
        .take(max + 1)
        .read_to_end(&mut body)
        .map_err(|e| {
            // ureq's own timeout comes wrapped in an `Other` I/O error.
            let ureq_timeout = e
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<ureq::Error>())
                .is_some_and(|inner| matches!(inner, ureq::Error::Timeout(_)));
            if ureq_timeout || e.kind() == std::io::ErrorKind::TimedOut {
                BodyError::Timeout
            } else {
                BodyError::Broken
            }
        })?;
    if body.len() as u64 > max {
        return Err(BodyError::TooLarge);
    }
    Ok(body)
}

/// The addresses of `host:port`, resolved on a thread of its own so that
/// a slow resolver cannot outlast the deadline (the thread is left to
/// finish on its own if it does).
fn resolve(host: &str, port: u16, deadline: Instant) -> Result<Vec<SocketAddr>, Refused> {
    let (tx, rx) = mpsc::channel();
    let name = host.to_owned();
    std::thread::Builder::new()
        .name("fence-resolve".into())
        .spawn(move || {
            let found = (name.as_str(), port)
                .to_socket_addrs()
                .map(Iterator::collect::<Vec<_>>);
            let _ = tx.send(found);
        })
        .map_err(|_| Refused::Unresolvable)?;
    let wait = deadline.saturating_duration_since(Instant::now());
    match rx.recv_timeout(wait) {
        Ok(Ok(addrs)) if !addrs.is_empty() => Ok(addrs),
        Ok(_) => Err(Refused::Unresolvable),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Refused::Timeout),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(Refused::Unresolvable),
    }
}

/// ureq's resolver for one fetch: the checked address, for the checked
/// host only.
#[derive(Debug)]
struct Pinned {
    host: String,
    target: SocketAddr,
}

impl Resolver for Pinned {
    fn resolve(
        &self,
        uri: &Uri,
        _config: &ureq::config::Config,
        _timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let host = uri
            .host()
            .unwrap_or("")
            .trim_start_matches('[')
            .trim_end_matches(']');
        let port = uri.port_u16().or(match uri.scheme_str() {
            Some("https") => Some(443),
            Some("http") => Some(80),
            _ => None,
        });
        if !host.eq_ignore_ascii_case(&self.host) || port != Some(self.target.port()) {
            return Err(ureq::Error::HostNotFound);
        }
        let mut addrs = self.empty();
        addrs.push(self.target);
        Ok(addrs)
    }
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

    const PRODUCTION: Policy = Policy {
        allow_private: false,
        timeout: Duration::from_secs(5),
    };

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
    fn internal_names_and_literals_are_refused_before_connecting() {
        for host in [
            "localhost",
            "127.0.0.1",
            "[::1]",
            "10.0.0.1",
            "169.254.169.254",
        ] {
            assert_eq!(
                agent(host, 443, PRODUCTION).err(),
                Some(Refused::PrivateAddress),
                "{host}"
            );
        }
    }

    #[test]
    fn the_pinned_resolver_answers_only_the_checked_host_and_port() {
        let pinned = Pinned {
            host: "logo.example".into(),
            target: "192.0.2.7:443".parse().unwrap(),
        };
        let config = ureq::config::Config::default();
        let resolve = |uri: &str| {
            pinned
                .resolve(&uri.parse().unwrap(), &config, NextTimeout::default())
                .map(|a| a.iter().copied().collect::<Vec<_>>())
        };
        assert_eq!(
            resolve("https://LOGO.example/a.png").unwrap(),
            vec![pinned.target]
        );
        assert!(resolve("https://other.example/a.png").is_err());
        assert!(resolve("https://logo.example:8443/a.png").is_err());
        assert!(resolve("http://logo.example/a.png").is_err());
    }
}
