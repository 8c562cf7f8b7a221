//! A bucket of signed answers: every badged number whose SHA-256 starts
//! with the bucket's hex prefix, each with its attestation token. The JSON
//! has the shape of the lookup API's range answer
//! (`GET /v1/numbers/range/{prefix}`: `prefix`, `entries` of `suffix`,
//! `status`, `level`, `attestation`), so a client reads a published bucket
//! and the API's bucket with the same code; a published bucket holds only
//! badged numbers.
//!
//! Fetching a bucket tells whoever serves it only a short prefix of the
//! hash (16 bits for a list of a million numbers, a bucket of ~15
//! businesses), and a client asks for one only on a hit of its list.

use serde::{Deserialize, Serialize};

use super::list::hex;

/// A bucket file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// The hex prefix every entry's hash starts with.
    pub prefix: String,
    /// Sorted by suffix.
    pub entries: Vec<BucketEntry>,
}

/// One badged number of a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketEntry {
    /// The rest of the hash's hex after the prefix.
    pub suffix: String,
    /// `verified` in a published bucket.
    pub status: String,
    /// `A` or `B`, as the token says.
    pub level: Option<String>,
    /// The attestation token (a JWS), which decides.
    pub attestation: Option<String>,
}

/// The hex prefix naming the bucket of a hash.
pub fn bucket_of(hash: &[u8; 32], prefix_chars: u8) -> String {
    let mut h = hex(hash);
    h.truncate(usize::from(prefix_chars));
    h
}

impl Bucket {
    /// The entry for a number with this hash, if the bucket holds it.
    pub fn entry(&self, hash: &[u8; 32]) -> Option<&BucketEntry> {
        let full = hex(hash);
        let suffix = full.strip_prefix(self.prefix.as_str())?;
        self.entries
            .binary_search_by(|e| e.suffix.as_str().cmp(suffix))
            .ok()
            .map(|i| &self.entries[i])
    }

    /// Reads a bucket's JSON. Entries the API's range answer may carry
    /// unsorted are sorted here.
    pub fn parse(json: &[u8]) -> Result<Bucket, serde_json::Error> {
        let mut bucket: Bucket = serde_json::from_slice(json)?;
        bucket.entries.sort_by(|a, b| a.suffix.cmp(&b.suffix));
        Ok(bucket)
    }

    /// The file's bytes (entries sorted by suffix).
    pub fn to_json(&self) -> Vec<u8> {
        // Strings and options only: serialising cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }
}
