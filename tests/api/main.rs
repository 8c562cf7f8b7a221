//! Black-box tests of the HTTP API: each test starts the real server on a
//! random port against its own temporary data dir and talks HTTP to it.
//! One test binary, so everything links once. `cli` runs the real binary;
//! `browser` and `browser_console` drive headless Chromium through the web
//! pages; `console_pages` uses the reviewers' console over plain HTTP.

mod abuse;
mod account_pages;
mod badges;
mod badges_props;
mod batch;
mod browser;
mod browser_console;
mod caching;
mod cli;
mod console_pages;
mod dns;
mod errors;
mod helpers;
mod impersonation;
mod jwks;
mod limits;
mod log_tiles;
mod logo;
mod lookup;
mod nginx;
mod openapi;
mod operations;
mod range;
mod s3;
mod search;
mod translog;
mod trust;
mod trust_props;
mod verify;
mod web;
mod webhooks;
mod workflow;
