//! The badge list: the set of badged numbers as sorted hash prefixes, and
//! its snapshot file.
//!
//! A number's prefix is the first `prefix_bits` bits of SHA-256 of its
//! E.164 text (the same hash as the lookup API's range buckets). The
//! publisher picks `prefix_bits` as `floor(log2 n) + 14` (see
//! [`prefix_bits_for`]), so a number that is not badged matches a listed
//! prefix with probability `n / 2^prefix_bits`, between 2^-14 and 2^-12
//! (1 in 16,384 to 1 in 4,096), and the Rice-coded list costs about 15 to
//! 16 bits a number. A hit is only a reason to read the number's signed
//! answer; the answer decides.
//!
//! Snapshot file: `BZBL`, format byte, `prefix_bits`, varint version, then
//! the Rice-coded set (`rice::encode`).

use sha2::{Digest, Sha256};

use super::{rice, FormatError};

/// The file's magic bytes.
const MAGIC: &[u8; 4] = b"BZBL";
/// The snapshot and delta format this crate writes and reads.
pub const FORMAT: u8 = 1;

/// Bits above log2(n) that each prefix carries: the false-positive rate is
/// about 2^-PRECISION at the moment a prefix length is chosen.
pub const PRECISION: u8 = 14;

/// Fewest prefix bits (tiny lists: tests, a new deployment).
const MIN_PREFIX_BITS: u8 = 16;

/// SHA-256 of a number's E.164 text.
pub fn number_hash(e164: &str) -> [u8; 32] {
    Sha256::digest(e164.as_bytes()).into()
}

/// The `bits`-bit prefix of a hash.
pub fn prefix_of(hash: &[u8; 32], bits: u8) -> u64 {
    let mut first = [0u8; 8];
    first.copy_from_slice(&hash[..8]);
    let top = u64::from_be_bytes(first);
    if bits >= 64 {
        top
    } else {
        top >> (64 - bits)
    }
}

/// The prefix length for `n` badged numbers: `floor(log2 n) + 14`, at
/// least 16 and at most 64.
pub fn prefix_bits_for(n: u64) -> u8 {
    let log2 = 63 - n.max(1).leading_zeros() as u8;
    (log2 + PRECISION).clamp(MIN_PREFIX_BITS, 64)
}

/// Whether a list with `bits`-bit prefixes may keep them for `n` numbers:
/// the ideal length or one below it (the false-positive rate is then at
/// most 2^-12 and the size at most ~16 bits a number). Without this slack
/// a list hovering around a power of two would change length, and so
/// force every client to fetch a snapshot, at each crossing.
pub fn prefix_bits_fit(bits: u8, n: u64) -> bool {
    let ideal = prefix_bits_for(n);
    bits == ideal || bits + 1 == ideal
}

/// The set of badged numbers' prefixes, sorted, without duplicates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeList {
    prefix_bits: u8,
    prefixes: Vec<u64>,
}

impl BadgeList {
    /// The list of these numbers' hashes.
    pub fn from_hashes<'a>(
        prefix_bits: u8,
        hashes: impl IntoIterator<Item = &'a [u8; 32]>,
    ) -> Self {
        let mut prefixes: Vec<u64> = hashes
            .into_iter()
            .map(|h| prefix_of(h, prefix_bits))
            .collect();
        prefixes.sort_unstable();
        prefixes.dedup();
        BadgeList {
            prefix_bits,
            prefixes,
        }
    }

    /// A list from prefixes already below `2^prefix_bits` (any order).
    pub(super) fn from_prefixes(prefix_bits: u8, mut prefixes: Vec<u64>) -> Self {
        prefixes.sort_unstable();
        prefixes.dedup();
        BadgeList {
            prefix_bits,
            prefixes,
        }
    }

    /// Prefix length in bits.
    pub fn prefix_bits(&self) -> u8 {
        self.prefix_bits
    }

    /// The sorted prefixes.
    pub fn prefixes(&self) -> &[u64] {
        &self.prefixes
    }

    /// How many distinct prefixes the list holds.
    pub fn len(&self) -> usize {
        self.prefixes.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.prefixes.is_empty()
    }

    /// Whether a number with this hash may be badged (a listed prefix).
    pub fn may_contain(&self, hash: &[u8; 32]) -> bool {
        self.prefixes
            .binary_search(&prefix_of(hash, self.prefix_bits))
            .is_ok()
    }

    /// SHA-256 over the prefix length and every prefix (8 bytes, big
    /// endian, in order), lowercase hex: the manifest's `set_sha256`, which
    /// a client compares after applying deltas.
    pub fn checksum(&self) -> String {
        let mut h = Sha256::new();
        h.update(b"bizseal badge set v1\0");
        h.update([self.prefix_bits]);
        for p in &self.prefixes {
            h.update(p.to_be_bytes());
        }
        hex(&h.finalize())
    }

    /// The snapshot file of this list at `version`.
    pub fn encode(&self, version: u64) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.prefixes.len() * 2 + 32);
        out.extend_from_slice(MAGIC);
        out.push(FORMAT);
        out.push(self.prefix_bits);
        rice::put_varint(&mut out, version);
        rice::encode(&self.prefixes, &mut out);
        out
    }

    /// Reads a snapshot file: the list and its version.
    pub fn decode(bytes: &[u8]) -> Result<(BadgeList, u64), FormatError> {
        let rest = bytes
            .strip_prefix(MAGIC)
            .ok_or(FormatError::Invalid("not a badge list"))?;
        let (prefix_bits, rest) = header(rest)?;
        let (version, rest) = rice::get_varint(rest)?;
        let (prefixes, rest) = rice::decode(rest, prefix_bits)?;
        if !rest.is_empty() {
            return Err(FormatError::Invalid("bytes after the list"));
        }
        Ok((
            BadgeList {
                prefix_bits,
                prefixes,
            },
            version,
        ))
    }
}

/// The format byte and prefix length after a file's magic.
pub(super) fn header(rest: &[u8]) -> Result<(u8, &[u8]), FormatError> {
    match rest {
        [FORMAT, bits @ 1..=64, rest @ ..] => Ok((*bits, rest)),
        [FORMAT, ..] => Err(FormatError::Invalid("prefix length outside 1..=64")),
        [_, ..] => Err(FormatError::Invalid("unknown format version")),
        [] => Err(FormatError::Truncated),
    }
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    s
}

/// SHA-256 of bytes, lowercase hex: the name of a content-addressed file.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(n: u32) -> Vec<[u8; 32]> {
        (0..n)
            .map(|i| number_hash(&format!("+3491{i:07}")))
            .collect()
    }

    #[test]
    fn a_listed_number_is_found_and_the_list_round_trips() {
        let hashes = numbers(5_000);
        let list = BadgeList::from_hashes(prefix_bits_for(5_000), &hashes);
        assert!(hashes.iter().all(|h| list.may_contain(h)));
        let (back, version) = BadgeList::decode(&list.encode(42)).unwrap();
        assert_eq!((back.checksum(), version), (list.checksum(), 42));
        assert_eq!(back, list);
    }

    #[test]
    fn the_list_costs_at_most_two_bytes_a_number_and_rarely_matches_others() {
        let n = 20_000;
        let hashes = numbers(n);
        let list = BadgeList::from_hashes(prefix_bits_for(u64::from(n)), &hashes);
        let bytes = list.encode(1).len();
        assert!(bytes <= 2 * n as usize, "{bytes} bytes for {n} numbers");
        // Numbers that are not listed match with probability n/2^bits,
        // about 2^-14 here: among 100,000 others, expect ~6.
        let false_hits = (0..100_000)
            .filter(|i| list.may_contain(&number_hash(&format!("+4420{i:08}"))))
            .count();
        assert!(false_hits < 40, "{false_hits} false hits");
    }

    #[test]
    fn prefix_lengths_follow_the_count_with_slack() {
        assert_eq!(prefix_bits_for(0), 16);
        assert_eq!(prefix_bits_for(1_000_000), 19 + 14);
        assert!(prefix_bits_fit(33, 1_000_000));
        assert!(prefix_bits_fit(32, 1_000_000));
        assert!(!prefix_bits_fit(34, 1_000_000));
        assert!(!prefix_bits_fit(31, 1_000_000));
    }

    #[test]
    fn a_damaged_snapshot_is_refused() {
        let list = BadgeList::from_hashes(20, &numbers(10));
        let bytes = list.encode(1);
        assert!(BadgeList::decode(&bytes[..bytes.len() - 1]).is_err());
        let mut other = bytes.clone();
        other[4] = 9;
        assert!(BadgeList::decode(&other).is_err());
        let mut longer = bytes;
        longer.push(0);
        assert!(BadgeList::decode(&longer).is_err());
    }
}
