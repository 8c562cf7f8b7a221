//! Black-box tests of the HTTP API: each test starts the real server on a
//! random port against its own temporary data dir and talks HTTP to it.
//! One test binary, so everything links once.

mod helpers;
mod lookup;
mod search;
