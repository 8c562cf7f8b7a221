//! bizseal: the trust service behind a "verified business" badge.
//!
//! It stores verified business profiles and signed phone-number
//! attestations (redb), answers lookups for one number, an address book or
//! a k-anonymous hash bucket, and checks attestation tokens (JWS, Ed25519)
//! against its published keys. `ARCHITECTURE.md` at the repository root
//! maps the code; `schema/openapi.json` (generated from `api`) is the API.
//!
//! # Layout
//!
//! Dependencies point inward: `web`/`api`/`cli` → `http` → `service` →
//! `lookup` → `store`, `keys`, `token`, `search` → `model`, `phone`,
//! `logo`; no module imports form a cycle (`scripts/module_cycles.py`).
//!
//! - [`phone`]: the E.164 number: `PhoneNumber` (made only by parsing) and
//!   the borrowed `E164` everything past the edge takes.
//! - [`logo`]: a business's logo: which bytes make one (type sniffed,
//!   size and dimensions bounded) and its content address.
//! - [`model`]: businesses, numbers, attestations, the trust rules' state
//!   machine.
//! - [`store`]: redb tables, transactions, the changes feed, the codec,
//!   one read implementation for snapshots and write transactions.
//! - [`lookup`]: the read model: answers, stored answers and their cache.
//! - [`error_code`]: the one table of stable error codes.
//! - [`keys`]: Ed25519 signing keys, thumbprints, the JWKS.
//! - [`token`]: JWS attestation tokens: sign and verify.
//! - [`search`]: the tantivy index of profiles, derived from the store's
//!   changes feed; analyzer, indexer thread, queries.
//! - [`translog`]: the transparency log: Merkle math, entries, tree heads.
//! - [`service`]: the workflows (lookup, verify, import, renew, rotate).
//! - [`publish`]: the directory as static files for any CDN: the badge
//!   list, its signed answers and manifest, the keys.
//! - [`sync`]: a client's copy of a published tree (`bizseal client
//!   sync` and `check`), checked offline.
//! - [`http`]: what every route shares: state, connection loop, limits,
//!   authentication, metrics, problem+json.
//! - [`api`]: the JSON resources and the router (its OpenAPI description
//!   generated with utoipa).
//! - [`web`]: the HTML pages for people (check a number, profile, apply,
//!   review) through askama templates; the one place that knows HTML.
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
pub mod logo;
pub mod lookup;
pub mod model;
pub mod phone;
pub mod publish;
pub mod search;
pub mod service;
pub mod store;
pub mod sync;
pub mod token;
pub mod translog;
pub mod web;
