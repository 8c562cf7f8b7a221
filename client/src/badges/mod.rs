//! The badge list: which numbers have a badge, published so that a client
//! can check a whole address book locally and ask only about hits.
//!
//! The published tree (under its root URL):
//!
//! ```text
//! .well-known/jwks.json          the keys (manifest and tokens verify against it)
//! badges/manifest.jws            signed, short-lived: version, files, set checksum
//! badges/snapshot/<sha256>.bin   the list at one version (immutable)
//! badges/delta/<sha256>.bin      the changes from one version to the next (immutable)
//! badges/answers/<hex>-<sha256>.json  signed answers (tokens) of a hash bucket's badged numbers (immutable)
//! badges/tree/<sha256>.bin       the tiles that bind every bucket to the manifest (immutable)
//! ```
//!
//! - [`list`]: the set as sorted hash prefixes and its snapshot file;
//!   [`rice`]: the Rice coding both files use; [`delta`]: a delta and how
//!   it applies.
//! - [`manifest`]: the signed manifest and what a client fetches to reach
//!   its version; [`jws`]: checking bizseal's JWS against the JWKS.
//! - [`bucket`]: a bucket of signed answers; [`tree`]: the tiles that bind
//!   each bucket's bytes to the manifest; [`check`]: the verdict for one
//!   number.
//!
//! All of it is pure (bytes in, values out): the publisher in the server
//! writes these files with the same code the client reads them with.

pub mod bucket;
pub mod check;
pub mod delta;
pub mod jws;
pub mod list;
pub mod manifest;
pub mod rice;
pub mod tree;

/// Why a snapshot or delta file is not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("the file ends early")]
    Truncated,
    #[error("the file is not valid: {0}")]
    Invalid(&'static str),
}
