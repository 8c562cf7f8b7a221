//! bizseal: the trust service behind a "verified business" badge.
//!
//! It stores verified business profiles and signed phone-number
//! attestations (redb), answers lookups for one number, an address book or
//! a k-anonymous hash bucket, and checks attestation tokens (JWS, Ed25519)
//! against its published keys. `ARCHITECTURE.md` at the repository root
//! maps the code; `../shared/DESIGN.md` is the API contract.
//!
//! # Layout
//!
//! Dependencies point inward: `web`/`api`/`cli` → `service` → `store`,
//! `keys`, `token`, `search` → `model`, `phone`.
//!
//! - [`phone`]: the E.164 newtype; parsing is the only way to make one.
//! - [`model`]: businesses, numbers, attestations and their states.
//! - [`store`]: redb tables, transactions, the changes feed, the codec.
//! - [`keys`]: Ed25519 signing keys, thumbprints, the JWKS.
//! - [`token`]: JWS attestation tokens: sign and verify.
//! - [`search`]: the tantivy index of profiles, derived from the store's
//!   changes feed; analyzer, indexer thread, queries.
//! - [`translog`]: the transparency log: Merkle math, entries, tree heads.
//! - [`service`]: the workflows (lookup, verify, import, renew, rotate).
//! - [`api`]: the axum router, one module per resource, problem+json.
//! - [`web`]: the HTML pages for people (check a number, profile, apply,
//!   review), merged into the same router; the one place that knows HTML.
//! - [`cli`]: the clap commands behind the `bizseal` binary.
//! - [`config`]: settings, built once and passed down.
//! - [`demo`]: the bundled demo data set.

pub mod api;
pub mod cli;
pub mod config;
pub mod demo;
pub mod error_code;
pub mod http;
pub mod keys;
pub mod lookup;
pub mod model;
pub mod phone;
pub mod search;
pub mod service;
pub mod store;
pub mod token;
pub mod translog;
pub mod web;
