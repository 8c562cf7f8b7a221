//! bizseal's client core: what a relying client (a messaging app, a dialer)
//! needs to check badges without asking the server.
//!
//! Everything here is pure: bytes in, verdicts out. Fetching files and
//! keeping them on disk belong to the caller (`bizseal client` in the main
//! crate is one such caller), so the same code runs in an app, a browser
//! or the server that publishes the files.

pub mod badges;
pub mod batch;
pub mod checkpoint;
pub mod jws;
pub mod merkle;
pub mod note;
pub mod tiles;
