//! Looking up the domain challenge in DNS, as ACME dns-01 does (RFC 8555
//! §8.4): the applicant publishes a TXT record at
//! `_bizseal-challenge.<domain>` whose value is the challenge token.
//!
//! The value is the token itself, not a digest of it. ACME publishes
//! base64url(SHA-256(key authorization)) because its key authorization
//! carries the account key's thumbprint and has no fixed length; our token
//! is already 32 random bytes in base64url (43 characters, one TXT
//! string), bound to one business and one domain in the store, and it is
//! the text the HTTP proof publishes too, so the applicant copies one
//! value whichever way they prove.
//!
//! The SSRF concern is not the HTTP fetch's (`domain`): the resolver talks
//! only to the configured recursive resolvers (the system's
//! `/etc/resolv.conf`, or the one `--dns-server` names), never to an
//! address the applicant chose, and nothing is connected to on the
//! strength of the answer. What the applicant does control is the answer,
//! so: the name is checked with `valid_domain` and asked fully qualified
//! (no search-list suffix is tried); CNAME chains are followed by the
//! resolver alone, within its depth limit; one total timeout; at most
//! `MAX_RECORDS` records of at most `MAX_RECORD_BYTES` are read; what was
//! read is compared, never echoed back. The resolver keeps no cache
//! between checks, so an applicant who publishes after a failed check is
//! not held back by our copy of the negative answer.

use std::net::SocketAddr;
use std::time::Duration;

use hickory_resolver::config::{NameServerConfigGroup, ResolveHosts, ResolverConfig};
use hickory_resolver::name_server::TokioConnectionProvider;
use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::proto::ProtoErrorKind;
use hickory_resolver::{Name, ResolveError, ResolveErrorKind, TokioResolver};
use serde::Serialize;

use super::domain;

/// The label the TXT record is published under, before the domain.
pub const DNS_LABEL: &str = "_bizseal-challenge";
/// The whole check, as the HTTP fetch's: long enough for a slow
/// authoritative server behind a cold recursive resolver, short enough
/// that a check holds a blocking thread for seconds, not minutes.
const TIMEOUT: Duration = Duration::from_secs(5);
/// One query to one resolver; a second server or a retry fits in `TIMEOUT`.
const QUERY_TIMEOUT: Duration = Duration::from_secs(2);
/// Records read at the name: an applicant may leave a few old tokens
/// behind when restarting the challenge, nobody needs dozens.
const MAX_RECORDS: usize = 32;
/// Bytes of one record, all its strings together: the token is 43.
const MAX_RECORD_BYTES: usize = 1024;

/// Why the DNS proof failed, in words the applicant can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DnsFailure {
    /// No TXT record at the name (or the name does not exist).
    TxtMissing,
    /// TXT records at the name, none of them the token.
    TxtMismatch,
    /// The resolver could not answer (SERVFAIL, refused, no resolver).
    DnsFailed,
    /// No answer within the time limit.
    DnsTimeout,
}

/// The name the TXT record is published at.
pub fn record_name(domain: &str) -> String {
    format!("{DNS_LABEL}.{domain}")
}

/// Looks up the TXT records at `_bizseal-challenge.<domain>` and checks
/// that one of them is the token. Blocking: the lookup runs on a small
/// runtime of its own on the calling thread, so this is a plain blocking
/// call like the HTTP fetch, for the API's blocking pool, the CLI and
/// tests alike (not for a thread that is running async tasks).
/// `server` replaces the system's resolvers; `allow_single_label` is the
/// policy `valid_domain` applies to the domain.
pub fn check_challenge(
    domain: &str,
    token: &str,
    server: Option<SocketAddr>,
    allow_single_label: bool,
) -> Result<(), DnsFailure> {
    if !domain::valid_domain(domain, allow_single_label) {
        return Err(DnsFailure::DnsFailed);
    }
    // The trailing dot makes the name absolute: resolv.conf's search list
    // must not turn it into a name under our own network's domain.
    let name =
        Name::from_ascii(format!("{}.", record_name(domain))).map_err(|_| DnsFailure::DnsFailed)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            tracing::error!(error = %e, "no runtime for the DNS lookup");
            DnsFailure::DnsFailed
        })?;
    runtime.block_on(async {
        let resolver = resolver(server)?;
        match tokio::time::timeout(TIMEOUT, resolver.txt_lookup(name)).await {
            Err(_) => Err(DnsFailure::DnsTimeout),
            Ok(Err(e)) => Err(failure(&e)),
            Ok(Ok(found)) => judge(found.iter().map(|txt| txt.txt_data()), token),
        }
    })
}

/// A resolver for one check: the system's configuration or `server`,
/// without cache, hosts file or retries past the time limit.
fn resolver(server: Option<SocketAddr>) -> Result<TokioResolver, DnsFailure> {
    let provider = TokioConnectionProvider::default();
    let mut builder = match server {
        Some(addr) => {
            let servers = NameServerConfigGroup::from_ips_clear(&[addr.ip()], addr.port(), true);
            TokioResolver::builder_with_config(
                ResolverConfig::from_parts(None, Vec::new(), servers),
                provider,
            )
        }
        None => TokioResolver::builder(provider).map_err(|e| {
            tracing::warn!(error = %e, "no system DNS configuration");
            DnsFailure::DnsFailed
        })?,
    };
    let options = builder.options_mut();
    options.timeout = QUERY_TIMEOUT;
    options.attempts = 1;
    options.cache_size = 0;
    options.use_hosts_file = ResolveHosts::Never;
    options.preserve_intermediates = false;
    Ok(builder.build())
}

/// What a resolver error means to the applicant. An empty answer and a
/// name that does not exist are both "nothing published"; a server that
/// fails is not the applicant's record being wrong.
fn failure(e: &ResolveError) -> DnsFailure {
    let ResolveErrorKind::Proto(proto) = e.kind() else {
        return DnsFailure::DnsFailed;
    };
    match proto.kind() {
        ProtoErrorKind::NoRecordsFound {
            response_code: ResponseCode::NoError | ResponseCode::NXDomain,
            ..
        } => DnsFailure::TxtMissing,
        ProtoErrorKind::Timeout => DnsFailure::DnsTimeout,
        _ => DnsFailure::DnsFailed,
    }
}

/// Whether one of the TXT records (each a list of character-strings) is
/// the token.
fn judge<'a>(
    records: impl Iterator<Item = &'a [Box<[u8]>]>,
    token: &str,
) -> Result<(), DnsFailure> {
    let mut seen = false;
    for strings in records.take(MAX_RECORDS) {
        seen = true;
        if record_value(strings).is_some_and(|v| v == token) {
            return Ok(());
        }
    }
    if seen {
        Err(DnsFailure::TxtMismatch)
    } else {
        Err(DnsFailure::TxtMissing)
    }
}

/// The text of one TXT record: its character-strings joined, as RFC 7208
/// §3.3 reads a long SPF record (a DNS console may split a value where it
/// likes), with surrounding whitespace and one pair of quotes taken off
/// (consoles that want the value quoted sometimes keep the quotes). None
/// when the record is too long to be a token.
fn record_value(strings: &[Box<[u8]>]) -> Option<String> {
    let len: usize = strings.iter().map(|s| s.len()).sum();
    if len > MAX_RECORD_BYTES {
        return None;
    }
    let joined = String::from_utf8(strings.concat()).ok()?;
    let trimmed = joined.trim();
    let unquoted = trimmed
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(trimmed);
    Some(unquoted.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "3q2-7wX_kVf1c9rQ0mZpYbT4sLhN8aJdGeUoIiKyRvA";

    fn record(strings: &[&str]) -> Vec<Box<[u8]>> {
        strings.iter().map(|s| s.as_bytes().into()).collect()
    }

    fn judged(records: &[Vec<Box<[u8]>>]) -> Result<(), DnsFailure> {
        judge(records.iter().map(|r| r.as_slice()), TOKEN)
    }

    #[test]
    fn the_token_in_any_of_several_records_proves() {
        let records = [
            record(&["v=spf1 -all"]),
            record(&["an-old-token-from-a-restarted-challenge"]),
            record(&[TOKEN]),
        ];
        assert_eq!(judged(&records), Ok(()));
    }

    #[test]
    fn a_token_split_into_strings_is_joined() {
        let (a, b) = TOKEN.split_at(20);
        assert_eq!(judged(&[record(&[a, b])]), Ok(()));
        let (b, c) = b.split_at(10);
        assert_eq!(judged(&[record(&[a, b, c])]), Ok(()));
    }

    #[test]
    fn surrounding_quotes_and_whitespace_are_ignored() {
        for value in [
            format!(" {TOKEN}\n"),
            format!("\"{TOKEN}\""),
            format!("  \" {TOKEN} \"  "),
        ] {
            assert_eq!(judged(&[record(&[&value])]), Ok(()), "{value:?}");
        }
    }

    #[test]
    fn other_values_are_a_mismatch() {
        for value in [
            &TOKEN[1..],
            &format!("{TOKEN}x"),
            &TOKEN.to_ascii_uppercase(),
            &format!("\"{TOKEN}"),
            &format!("token={TOKEN}"),
            "",
        ] {
            assert_eq!(
                judged(&[record(&[value])]),
                Err(DnsFailure::TxtMismatch),
                "{value:?}"
            );
        }
        // The token split across two records is two wrong records.
        let (a, b) = TOKEN.split_at(20);
        assert_eq!(
            judged(&[record(&[a]), record(&[b])]),
            Err(DnsFailure::TxtMismatch)
        );
    }

    #[test]
    fn no_records_is_missing() {
        assert_eq!(judged(&[]), Err(DnsFailure::TxtMissing));
    }

    #[test]
    fn reading_is_bounded() {
        // A huge record is not read as text, and records past the cap are
        // not read at all.
        let padded = format!("{TOKEN}{}", " ".repeat(MAX_RECORD_BYTES));
        assert_eq!(judged(&[record(&[&padded])]), Err(DnsFailure::TxtMismatch));
        let mut many = vec![record(&["other"]); MAX_RECORDS];
        many.push(record(&[TOKEN]));
        assert_eq!(judged(&many), Err(DnsFailure::TxtMismatch));
    }

    #[test]
    fn malformed_names_are_not_looked_up() {
        for domain in ["", "klm..com", "localhost", "1.2.3.4"] {
            assert_eq!(
                check_challenge(domain, TOKEN, None, false),
                Err(DnsFailure::DnsFailed),
                "{domain:?}"
            );
        }
    }

    #[test]
    fn localhost_names_are_answered_without_asking_a_server() {
        // RFC 6761 §6.3: the resolver answers "nothing" for non-address
        // queries under localhost itself. The server named here listens
        // nowhere: asking it would fail as `dns_failed`.
        let nowhere = Some(SocketAddr::from(([127, 0, 0, 1], 9)));
        assert_eq!(
            check_challenge("shop.localhost", TOKEN, nowhere, false),
            Err(DnsFailure::TxtMissing)
        );
    }
}
