//! A delta between two versions of the badge list: the prefixes removed and
//! the prefixes added, each a Rice-coded set (Safe Browsing's partial
//! update).
//!
//! A change costs about `log2(2^prefix_bits / changes) + 1.6` bits: 1,000
//! changes in a list of a million numbers are about 3.3 KB. Deltas exist
//! only between versions with the same prefix length; a new length is a
//! new snapshot.
//!
//! File: `BZBD`, format byte, `prefix_bits`, varint from, varint to, the
//! removed set, the added set.

use super::list::{header, BadgeList};
use super::{rice, FormatError};

const MAGIC: &[u8; 4] = b"BZBD";

/// The prefixes to remove and add to go from version `from` to `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delta {
    pub from: u64,
    pub to: u64,
    pub prefix_bits: u8,
    pub removed: Vec<u64>,
    pub added: Vec<u64>,
}

/// Why a delta does not apply to a list: the client's copy diverged (or
/// the delta is for another list), and it fetches the snapshot.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    #[error("the delta is for {0}-bit prefixes, the list has {1}")]
    PrefixBits(u8, u8),
    #[error("the delta removes a prefix the list does not hold")]
    RemovesAbsent,
    #[error("the delta adds a prefix the list already holds")]
    AddsPresent,
}

impl Delta {
    /// The delta from `old` (version `from`) to `new` (version `to`); both
    /// have the same prefix length.
    pub fn between(old: &BadgeList, from: u64, new: &BadgeList, to: u64) -> Delta {
        let (a, b) = (old.prefixes(), new.prefixes());
        let (mut removed, mut added) = (Vec::new(), Vec::new());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) if x == y => {
                    i += 1;
                    j += 1;
                }
                (Some(x), Some(y)) if x < y => {
                    removed.push(*x);
                    i += 1;
                }
                (Some(x), None) => {
                    removed.push(*x);
                    i += 1;
                }
                (_, Some(y)) => {
                    added.push(*y);
                    j += 1;
                }
                (None, None) => break,
            }
        }
        Delta {
            from,
            to,
            prefix_bits: new.prefix_bits(),
            removed,
            added,
        }
    }

    /// Whether the delta changes nothing.
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.added.is_empty()
    }

    /// `list` with the delta applied; refused when the list is not the one
    /// the delta was made from (a removal it lacks, an addition it holds).
    pub fn apply(&self, list: &BadgeList) -> Result<BadgeList, ApplyError> {
        if self.prefix_bits != list.prefix_bits() {
            return Err(ApplyError::PrefixBits(self.prefix_bits, list.prefix_bits()));
        }
        let old = list.prefixes();
        let mut out = Vec::with_capacity(old.len() + self.added.len());
        let (mut removed, mut added) =
            (self.removed.iter().peekable(), self.added.iter().peekable());
        for &p in old {
            while let Some(&&a) = added.peek() {
                if a >= p {
                    break;
                }
                out.push(a);
                added.next();
            }
            if added.peek() == Some(&&p) {
                return Err(ApplyError::AddsPresent);
            }
            match removed.peek() {
                Some(&&r) if r == p => {
                    removed.next();
                }
                Some(&&r) if r < p => return Err(ApplyError::RemovesAbsent),
                _ => out.push(p),
            }
        }
        if removed.next().is_some() {
            return Err(ApplyError::RemovesAbsent);
        }
        out.extend(added);
        Ok(BadgeList::from_prefixes(self.prefix_bits, out))
    }

    /// The delta file.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity((self.removed.len() + self.added.len()) * 4 + 32);
        out.extend_from_slice(MAGIC);
        out.push(super::list::FORMAT);
        out.push(self.prefix_bits);
        rice::put_varint(&mut out, self.from);
        rice::put_varint(&mut out, self.to);
        rice::encode(&self.removed, &mut out);
        rice::encode(&self.added, &mut out);
        out
    }

    /// Reads a delta file.
    pub fn decode(bytes: &[u8]) -> Result<Delta, FormatError> {
        let rest = bytes
            .strip_prefix(MAGIC)
            .ok_or(FormatError::Invalid("not a badge delta"))?;
        let (prefix_bits, rest) = header(rest)?;
        let (from, rest) = rice::get_varint(rest)?;
        let (to, rest) = rice::get_varint(rest)?;
        let (removed, rest) = rice::decode(rest, prefix_bits)?;
        let (added, rest) = rice::decode(rest, prefix_bits)?;
        if !rest.is_empty() {
            return Err(FormatError::Invalid("bytes after the delta"));
        }
        Ok(Delta {
            from,
            to,
            prefix_bits,
            removed,
            added,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn list(bits: u8, values: &[u64]) -> BadgeList {
        let mask = (1u64 << bits) - 1;
        BadgeList::from_prefixes(bits, values.iter().map(|v| v & mask).collect())
    }

    proptest! {
        #[test]
        fn a_delta_takes_the_old_list_to_the_new_one(
            a in proptest::collection::vec(any::<u64>(), 0..200),
            b in proptest::collection::vec(any::<u64>(), 0..200),
        ) {
            let (old, new) = (list(24, &a), list(24, &b));
            let delta = Delta::between(&old, 1, &new, 2);
            let read = Delta::decode(&delta.encode()).unwrap();
            prop_assert_eq!(&read, &delta);
            prop_assert_eq!(read.apply(&old).unwrap(), new);
        }
    }

    #[test]
    fn a_delta_refuses_a_list_it_was_not_made_from() {
        let old = list(20, &[1, 5, 9]);
        let new = list(20, &[1, 7, 9]);
        let delta = Delta::between(&old, 1, &new, 2);
        assert_eq!(
            delta.apply(&list(20, &[1, 9])),
            Err(ApplyError::RemovesAbsent)
        );
        assert_eq!(
            delta.apply(&list(20, &[1, 5, 7, 9])),
            Err(ApplyError::AddsPresent)
        );
        assert!(matches!(
            delta.apply(&list(21, &[1, 5, 9])),
            Err(ApplyError::PrefixBits(..))
        ));
    }

    #[test]
    fn a_thousand_changes_in_a_million_fit_in_ten_kilobytes() {
        let bits = super::super::list::prefix_bits_for(1_000_000);
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x >> (64 - bits)
        };
        let removed: Vec<u64> = (0..500).map(|_| next()).collect();
        let added: Vec<u64> = (0..500).map(|_| next()).collect();
        let old = BadgeList::from_prefixes(bits, removed.clone());
        let new = BadgeList::from_prefixes(bits, added);
        let bytes = Delta::between(&old, 1, &new, 2).encode().len();
        assert!(bytes <= 10_000, "{bytes} bytes");
    }
}
