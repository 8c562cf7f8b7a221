//! The read model: what a lookup answers, and everything that makes the
//! answer cheap to serve.
//!
//! - [`answer`]: what the answer for a number is and how it is built from
//!   the records (status, business, token, reputation); `serve`: which
//!   answer a lookup sends, the stored one when it is this client's.
//! - `stored`: a stored answer, the answer for no language preference made
//!   in the write that last changed anything it shows, and the decision
//!   whom it serves; [`packed`]: how its body is kept small on disk.
//! - `cache`: the stored answers as a cache kept in step with the records:
//!   [`refresh`] in every write of the service, [`read`] by lookups, made
//!   again for every number when [`RENDER_VERSION`] changes.
//! - `badged`: every number whose answer hands out a token, for the
//!   published badge list.
//! - `background`: that full pass, and filling the store's filter of known
//!   numbers, off the path of a server's start.
//!
//! The store keeps the rows (its `answers` table, a key-ordered put, the
//! numbers each write touched) and knows nothing of what is in them.

pub mod answer;
mod background;
mod badged;
mod cache;
pub mod packed;
mod serve;
mod stored;

pub use answer::{
    hex, logo_view, strong_etag, BusinessSummary, LogoView, NumberAnswer, Ready, Rendered,
    Reputation, RevocationInfo,
};
pub use background::Background;
pub use badged::{badge_token, badged, Badged};
pub use cache::{
    is_current, mark_current, read, refresh, render_all, start_over, stored_answer, Render,
};
pub use serve::{answer, answer_typed};
pub use stored::{render, StoredAnswer, StoredAnswerRef, RENDER_VERSION};
