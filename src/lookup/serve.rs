//! Which answer a lookup serves: the stored one when it is this client's,
//! else one built from the records.
//!
//! A lookup is one snapshot's few point reads and returns the stored
//! token: nothing is signed on the read path.

use super::answer::{answer_for, unlisted, NumberAnswer, Ready, Rendered, Reputation};
use crate::phone::{PhoneError, PhoneNumber, Region, E164};
use crate::store::prelude::*;
use crate::store::{Reader, StoreError};

/// The answer for typed text. The outer `Result` is storage failing, the
/// inner one the text not being a number.
pub fn answer_typed(
    r: &Reader,
    input: &str,
    region: Option<Region>,
    langs: &[String],
    at: i64,
) -> Result<Result<Rendered, PhoneError>, StoreError> {
    let shaped = PhoneNumber::is_e164_shaped(input);
    // Text of the stored shape is looked up as it is (see above).
    let listed = E164::stored(input);
    if shaped && r.may_know(listed) {
        if let Some(stored) = stored(r, listed, langs, at)? {
            return Ok(Ok(stored));
        }
        if let Some(record) = r.number(listed)? {
            let built = answer_for(r, listed, Some(record), langs, at)?;
            return Ok(Ok(Rendered::Built(Box::new(built))));
        }
    }
    let number = match PhoneNumber::parse(input, region) {
        Ok(number) => number,
        Err(e) => return Ok(Err(e)),
    };
    let e164: &E164 = &number;
    // Most of an address book: a number the store holds nothing about.
    if !r.may_know(e164) {
        return Ok(Ok(Rendered::Built(Box::new(unlisted(
            e164,
            Reputation::default(),
        )))));
    }
    // Text that was its own E.164 form was looked for above: unlisted.
    let looked = shaped && e164.as_str() == input;
    if !looked {
        if let Some(stored) = stored(r, e164, langs, at)? {
            return Ok(Ok(stored));
        }
    }
    let record = if looked { None } else { r.number(e164)? };
    let built = answer_for(r, e164, record, langs, at)?;
    Ok(Ok(Rendered::Built(Box::new(built))))
}

/// The stored answer of `e164`, if there is one and it is this client's.
fn stored(
    r: &Reader,
    e164: &E164,
    langs: &[String],
    at: i64,
) -> Result<Option<Rendered>, StoreError> {
    let ready = super::cache::read(r, e164, |a| {
        // A body that is not a JSON object with a field (a damaged row)
        // is not served: batches splice it after `"input"`.
        let whole = a.body.len() > 2 && a.body.starts_with("{\"");
        (whole && a.serves(langs, at)).then(|| Ready {
            etag: a.etag.to_owned(),
            expires_at: a.expires_at,
            body: a.body,
        })
    })?;
    Ok(ready.flatten().map(Rendered::Stored))
}

pub fn answer(
    r: &Reader,
    e164: &E164,
    langs: &[String],
    at: i64,
) -> Result<NumberAnswer, StoreError> {
    answer_for(r, e164, r.number(e164)?, langs, at)
}
