//! The badged numbers: every number whose answer hands out a token right
//! now, read from one snapshot. It is what the published badge list holds,
//! decided by the same rule as a lookup (`PublicStatus::given`, then
//! `answer::token_for`), so the list and the API can never disagree about
//! a number but for the time between two publishes.

use std::collections::HashMap;

use crate::model::{BusinessStatus, Level, PublicStatus};
use crate::store::prelude::*;
use crate::store::{Reader, StoreError};

/// One badged number: its E.164 text, the serial of its current token and
/// its level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badged {
    pub number: String,
    pub serial: String,
    pub level: Level,
}

/// Every badged number of the snapshot, in E.164 order: one pass over the
/// numbers table, each business's status read once. Tokens are not read
/// here: a publisher reads only those of the buckets that changed
/// ([`badge_token`]).
pub fn badged(r: &Reader) -> Result<Vec<Badged>, StoreError> {
    let mut statuses: HashMap<String, Option<BusinessStatus>> = HashMap::new();
    let mut out = Vec::new();
    r.each_number(|e164, record| {
        let business = match statuses.get(record.business.as_str()) {
            Some(status) => *status,
            None => {
                let status = r.with_business(record.business.as_str(), |b| b.status)?;
                statuses.insert(record.business.as_str().to_owned(), status);
                status
            }
        };
        let Some(business) = business else {
            return Ok(());
        };
        let status = PublicStatus::given(&record, business);
        if !status.shows_token() {
            return Ok(());
        }
        if let (Some(serial), Some(level)) = (record.state.serial(), record.state.level()) {
            out.push(Badged {
                number: e164.to_owned(),
                serial: serial.to_owned(),
                level,
            });
        }
        Ok(())
    })?;
    Ok(out)
}

/// The token of a badged number's serial, as a lookup hands it out.
pub fn badge_token(r: &Reader, serial: &str) -> Result<Option<String>, StoreError> {
    Ok(r.token(serial)?.map(|(token, _)| token))
}
