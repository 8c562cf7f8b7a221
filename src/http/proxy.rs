//! Who the client is behind a reverse proxy. Only a peer inside one of the
//! operator's `--trusted-proxies` networks may say, in `Forwarded`
//! (RFC 7239) or `X-Forwarded-For`, whom it forwards for; anyone else's
//! headers are ignored, so a client cannot pick the address its limits are
//! counted under.

use std::net::IpAddr;

use axum::http::HeaderMap;
use ipnet::IpNet;

/// The networks whose forwarding headers are believed.
#[derive(Debug, Default, Clone)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    pub fn new(nets: Vec<IpNet>) -> TrustedProxies {
        TrustedProxies(nets)
    }

    /// Whether `ip` is one of the trusted proxies.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client a request comes from: the peer itself, or, when the peer
    /// is a trusted proxy, the nearest address in its forwarding chain
    /// that is not one of ours (read right to left, as each proxy appends).
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.contains(peer) {
            return peer;
        }
        let chain = forwarded_for(headers);
        let mut client = peer;
        for hop in chain.iter().rev() {
            client = *hop;
            if !self.contains(*hop) {
                break;
            }
        }
        client
    }

    /// Whether the client reached us over TLS: only a trusted proxy can
    /// say so (`X-Forwarded-Proto: https`, or `proto=https` in
    /// `Forwarded`), since bizseal itself speaks plain HTTP.
    pub fn over_tls(&self, peer: IpAddr, headers: &HeaderMap) -> bool {
        if !self.contains(peer) {
            return false;
        }
        let x_forwarded = headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"));
        let forwarded = headers
            .get_all("forwarded")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split([';', ',']))
            .any(|pair| pair.trim().eq_ignore_ascii_case("proto=https"));
        x_forwarded || forwarded
    }
}

/// Whether a request reached bizseal over TLS (through a trusted proxy):
/// `server` puts it on every request, and the pages mark their cookies
/// `Secure` by it.
#[derive(Debug, Clone, Copy)]
pub struct OverTls(pub bool);

/// IPv4-mapped IPv6 addresses are their IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The addresses a request was forwarded for, in order (client first):
/// from `Forwarded` if present, else `X-Forwarded-For`. Entries that are
/// not addresses (`unknown`, obfuscated names) end the chain there.
fn forwarded_for(headers: &HeaderMap) -> Vec<IpAddr> {
    let forwarded: Vec<&str> = headers
        .get_all("forwarded")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    let mut out = Vec::new();
    if !forwarded.is_empty() {
        for element in forwarded.iter().flat_map(|v| v.split(',')) {
            let for_value = element.split(';').find_map(|pair| {
                let (k, v) = pair.trim().split_once('=')?;
                k.trim().eq_ignore_ascii_case("for").then(|| v.trim())
            });
            match for_value.and_then(parse_node) {
                Some(ip) => out.push(ip),
                None => out.clear(),
            }
        }
        return out;
    }
    for hop in headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
    {
        match parse_node(hop.trim()) {
            Some(ip) => out.push(ip),
            None => out.clear(),
        }
    }
    out
}

/// `192.0.2.1`, `192.0.2.1:80`, `"[2001:db8::1]:443"`, `2001:db8::1`.
fn parse_node(text: &str) -> Option<IpAddr> {
    let text = text.trim_matches('"');
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Some(canonical(ip));
    }
    if let Some(rest) = text.strip_prefix('[') {
        let (ip, _) = rest.split_once(']')?;
        return ip.parse().ok().map(canonical);
    }
    let (ip, port) = text.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    ip.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, v.parse().unwrap());
        }
        h
    }

    fn proxies() -> TrustedProxies {
        TrustedProxies::new(vec![
            "10.0.0.0/8".parse().unwrap(),
            "::1/128".parse().unwrap(),
        ])
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_says() {
        let h = headers(&[("x-forwarded-for", "203.0.113.9")]);
        let peer: IpAddr = "198.51.100.7".parse().unwrap();
        assert_eq!(proxies().client(peer, &h), peer);
    }

    #[test]
    fn a_trusted_proxy_names_the_nearest_untrusted_hop() {
        let p = proxies();
        let peer: IpAddr = "10.1.2.3".parse().unwrap();
        // A client that forges a first hop cannot hide behind it.
        let h = headers(&[("x-forwarded-for", "1.1.1.1, 203.0.113.9, 10.9.9.9")]);
        assert_eq!(p.client(peer, &h), "203.0.113.9".parse::<IpAddr>().unwrap());
        let h = headers(&[(
            "forwarded",
            r#"for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711""#,
        )]);
        assert_eq!(
            p.client(peer, &h),
            "2001:db8:cafe::17".parse::<IpAddr>().unwrap()
        );
        let h = headers(&[("forwarded", "for=198.51.100.2:8080")]);
        assert_eq!(
            p.client(peer, &h),
            "198.51.100.2".parse::<IpAddr>().unwrap()
        );
        // No header, or garbage: the proxy itself.
        assert_eq!(p.client(peer, &HeaderMap::new()), peer);
        let h = headers(&[("x-forwarded-for", "unknown")]);
        assert_eq!(p.client(peer, &h), peer);
        // A mapped address is its IPv4 address.
        let mapped: IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert!(p.contains(mapped));
    }
}
