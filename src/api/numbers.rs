//! `/v1/numbers`: one number, an address book, a hash bucket.

use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use axum::body::Bytes;

use crate::api::openapi::{PublicBody, PublicRead};
use crate::error_code::Code;
use crate::http::auth::ClientAddr;
use crate::http::extract::{
    cached_json, languages, tagged_bytes, CachePolicy, Json, Path, Query, ReadHeaders,
};
use crate::http::{blocking, ApiError, AppState};
use crate::lookup::{NumberAnswer, Rendered};
use crate::model::now;
use crate::phone::{PhoneError, PhoneNumber, Region};
use crate::service::{RangeEntry, VouchedAnswer};

/// A number's status can change (revocation), so shared caches keep it for
/// a minute at most; clients that need more check the token's own expiry.
const NUMBER_MAX_AGE: u32 = 60;

/// How long a cache may go on serving a number's answer while bizseal is
/// down or failing: an hour at most. A revocation made just before an
/// outage may stay unseen by callers of a cache that long (the badge list
/// and the tokens' own expiry are the offline channel).
const NUMBER_STALE_IF_ERROR: u32 = 3600;

/// `cap` seconds, and never past the first of the tokens that expire at
/// `expiries` (at `now`), so that no cache hands out a token it holds
/// after the token died.
fn until_first_expiry(expiries: impl IntoIterator<Item = i64>, now: i64, cap: u32) -> u32 {
    expiries
        .into_iter()
        .map(|exp| exp.saturating_sub(now).clamp(0, i64::from(cap)) as u32)
        .fold(cap, u32::min)
}

/// How a number answer holding tokens that expire at `expiries` is cached:
/// a minute fresh, an hour stale while the origin fails, neither past the
/// first token's expiry.
fn number_policy(expiries: &[i64], vary: &'static str) -> CachePolicy {
    let now = now();
    let max_age = until_first_expiry(expiries.iter().copied(), now, NUMBER_MAX_AGE);
    let stale = until_first_expiry(expiries.iter().copied(), now, NUMBER_STALE_IF_ERROR);
    CachePolicy {
        max_age,
        vary: Some(vary),
        stale_if_error: stale.saturating_sub(max_age),
    }
}

/// Padded range answers hold at least this many entries (plus up to
/// `PAD_SPREAD` more, at random), so the count says little about the
/// bucket. At 100 million numbers a bucket holds ~95 on average.
const PAD_MIN: usize = 128;
const PAD_SPREAD: usize = 64;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NumberQuery {
    /// ISO 3166-1 alpha-2 region for a national-format number
    region: Option<String>,
    /// Comma-separated BCP 47 tags; wins over Accept-Language
    lang: Option<String>,
    /// `1`/`true`: add the offline badge bundle (token, inclusion proof,
    /// tree head)
    #[param(schema_with = bundle_flag)]
    bundle: Option<String>,
    /// `1`/`true`: add a signed statement of the status
    #[param(schema_with = signed_flag)]
    signed: Option<String>,
}

// A parameter whose schema is a function's has no description of its own:
// it goes in the schema.
fn bundle_flag() -> utoipa::openapi::schema::Object {
    super::log::flag_schema(
        "1/true: add the offline badge bundle (token, inclusion proof, tree head)",
    )
}

fn signed_flag() -> utoipa::openapi::schema::Object {
    super::log::flag_schema("1/true: add a signed statement of the status")
}

fn region(code: Option<&str>) -> Result<Option<Region>, PhoneError> {
    code.filter(|r| !r.is_empty())
        .map(Region::parse)
        .transpose()
}

/// Look up one number
#[utoipa::path(
    get,
    path = "/v1/numbers/{number}",
    operation_id = "lookupNumber",
    tag = "public",
    params(
        ("number" = String, Path, description = "Phone number, E.164 or national with region"),
        NumberQuery,
    ),
    responses(
        (status = 200, description = "The answer; an unknown number is a normal 200",
            body = VouchedAnswer),
        PublicRead,
    ),
)]
pub async fn lookup(
    State(state): State<AppState>,
    Path(number): Path<String>,
    Query(q): Query<NumberQuery>,
    ReadHeaders(headers): ReadHeaders,
) -> Result<Response, ApiError> {
    let region = region(q.region.as_deref())?;
    let langs = languages(q.lang.as_deref(), &headers);
    let bundle = super::log::flag("bundle", q.bundle.as_deref())?;
    let signed = super::log::flag("signed", q.signed.as_deref())?;
    let policy = |expires_at: Option<i64>| number_policy(expires_at.as_slice(), "Accept-Language");
    if bundle || signed {
        let number = PhoneNumber::parse(&number, region)?;
        let answer = blocking(&state.service, move |s| {
            s.lookup_vouched(&number, &langs, bundle, signed)
        })
        .await?;
        return Ok(cached_json(
            &headers,
            &answer,
            policy(answer.answer.attestation_expires_at),
        ));
    }
    let rendered = state.service.lookup_typed(&number, region, &langs)?;
    let policy = policy(rendered.expires_at());
    Ok(match rendered {
        Rendered::Stored(a) => tagged_bytes(
            &headers,
            Bytes::from(a.body),
            &a.etag,
            "application/json",
            policy,
        ),
        Rendered::Built(answer) => cached_json(&headers, &answer, policy),
    })
}

/// An address book to look up.
#[derive(Deserialize, ToSchema)]
pub struct BatchRequest {
    #[schema(max_items = 1000)]
    numbers: Vec<String>,
    region: Option<String>,
    lang: Option<String>,
}

/// One entry per input number, in order: the lookup answer, or an error
/// for an invalid number.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
enum BatchEntry<'a> {
    Answer {
        input: &'a str,
        #[serde(flatten)]
        answer: &'a NumberAnswer,
    },
    Error {
        input: &'a str,
        error: EntryError,
    },
}

/// `{"results": [...]}`, as `batch_body` writes it (it is never built:
/// stored answers go out as their bytes).
#[derive(ToSchema)]
#[allow(dead_code)]
struct BatchAnswer<'a> {
    results: Vec<BatchEntry<'a>>,
}

/// Why an entry is not a number: the code and reason a single lookup's
/// problem answer carries.
#[derive(Serialize, ToSchema)]
pub(super) struct EntryError {
    #[schema(schema_with = invalid_number)]
    code: Code,
    #[schema(schema_with = crate::http::problem::phone_reasons)]
    reason: &'static str,
    detail: String,
}

/// `EntryError.code`: always `invalid_number`.
fn invalid_number() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some([Code::InvalidNumber.as_str()]))
        .build()
}

impl From<&PhoneError> for EntryError {
    fn from(e: &PhoneError) -> EntryError {
        EntryError {
            code: Code::InvalidNumber,
            reason: e.reason(),
            detail: e.to_string(),
        }
    }
}

/// Look up an address book (up to 1000 numbers)
#[utoipa::path(
    post,
    path = "/v1/numbers/lookup",
    operation_id = "lookupNumbers",
    tag = "public",
    request_body = BatchRequest,
    responses(
        (status = 200, description = "One entry per number, in order", body = BatchAnswer),
        PublicBody,
    ),
)]
pub async fn lookup_many(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Json(req): Json<BatchRequest>,
) -> Result<Response, ApiError> {
    // An address book costs what its lookups cost: ten numbers a request.
    state.limits.charge_batch(client, req.numbers.len(), 10)?;
    let region =
        region(req.region.as_deref()).map_err(|e| ApiError::invalid("region", e.to_string()))?;
    let langs = languages(req.lang.as_deref(), &headers);
    let inputs = req.numbers;
    let body = blocking(&state.service, move |s| {
        let answers = s.lookup_many(&inputs, region, &langs)?;
        Ok(batch_body(&inputs, &answers))
    })
    .await?;
    match body {
        Ok(body) => Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response()),
        Err(e) => {
            tracing::error!(error = %e, "batch answer does not serialise");
            Err(ApiError::from(Code::Internal))
        }
    }
}

/// Room reserved per entry of a batch answer (a listed number's answer
/// with its token is ~1.1 KiB).
const BATCH_ENTRY_BYTES: usize = 1200;

/// `{"results": [...]}`, one entry per input in order: `{"input": ...}`
/// followed by the answer's fields, or by an `error`. A stored answer's
/// bytes go in as they are: an entry is the answer object with `input` put
/// first, so its opening brace is dropped after the input.
fn batch_body(
    inputs: &[String],
    answers: &[Result<Rendered, PhoneError>],
) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::with_capacity(16 + inputs.len() * BATCH_ENTRY_BYTES);
    out.extend_from_slice(b"{\"results\":[");
    for (i, (input, answer)) in inputs.iter().zip(answers).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        match answer {
            Ok(Rendered::Stored(a)) => {
                out.extend_from_slice(b"{\"input\":");
                serde_json::to_writer(&mut out, input)?;
                out.push(b',');
                out.extend_from_slice(a.body.as_bytes().get(1..).unwrap_or_default());
            }
            Ok(Rendered::Built(a)) => serde_json::to_writer(
                &mut out,
                &BatchEntry::Answer {
                    input,
                    answer: a.as_ref(),
                },
            )?,
            Err(e) => serde_json::to_writer(
                &mut out,
                &BatchEntry::Error {
                    input,
                    error: EntryError::from(e),
                },
            )?,
        }
    }
    out.extend_from_slice(b"]}");
    Ok(out)
}

/// The listed numbers of one hash bucket.
#[derive(Serialize, ToSchema)]
struct RangeAnswer {
    prefix: String,
    entries: Vec<RangeEntry>,
}

/// k-anonymous lookup by SHA-256 prefix
///
/// The listed numbers whose SHA-256 (of the E.164 text) starts with the
/// prefix (HIBP-style). With `Add-Padding: true`, fake entries with random
/// suffixes and status `unknown` (which a listed number never has here)
/// are mixed in.
#[utoipa::path(
    get,
    path = "/v1/numbers/range/{prefix}",
    operation_id = "lookupRange",
    tag = "public",
    params(
        ("prefix" = String, Path, pattern = "^[0-9a-fA-F]{5}$",
            description = "First 5 hex characters of SHA-256 of the E.164 string"),
        ("Add-Padding" = Option<String>, Header,
            description = "true: mix in fake entries (status unknown)"),
    ),
    responses(
        (status = 200, description = "The bucket", body = RangeAnswer),
        PublicRead,
    ),
)]
pub async fn range(
    State(state): State<AppState>,
    Path(prefix): Path<String>,
    ReadHeaders(headers): ReadHeaders,
) -> Result<Response, ApiError> {
    let bucket = parse_prefix(&prefix)
        .ok_or_else(|| ApiError::invalid("prefix", "must be exactly 5 hexadecimal characters"))?;
    let mut entries = blocking(&state.service, move |s| s.range(bucket)).await?;
    let expiries: Vec<i64> = entries
        .iter()
        .filter_map(|e| e.attestation_expires_at)
        .collect();
    let policy = number_policy(&expiries, "Add-Padding");
    let pad = headers
        .get("add-padding")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    if pad {
        add_padding(&mut entries);
    }
    let answer = RangeAnswer {
        prefix: prefix.to_ascii_lowercase(),
        entries,
    };
    Ok(cached_json(&headers, &answer, policy))
}

fn parse_prefix(prefix: &str) -> Option<u32> {
    (prefix.len() == 5 && prefix.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| u32::from_str_radix(prefix, 16).ok())
        .flatten()
}

fn add_padding(entries: &mut Vec<RangeEntry>) {
    use ring::rand::{SecureRandom, SystemRandom};
    let rng = SystemRandom::new();
    let mut spread = [0u8; 1];
    let _ = rng.fill(&mut spread);
    let target = entries.len().max(PAD_MIN + spread[0] as usize % PAD_SPREAD);
    while entries.len() < target {
        let mut bytes = [0u8; 32];
        let _ = rng.fill(&mut bytes);
        let hex = crate::service::hex(&bytes);
        entries.push(RangeEntry {
            suffix: hex[5..].to_owned(),
            status: crate::model::PublicStatus::Unknown,
            level: None,
            attestation: None,
            attestation_expires_at: None,
        });
    }
    // Shuffle so real entries are not always first (Fisher-Yates).
    for i in (1..entries.len()).rev() {
        let mut r = [0u8; 4];
        let _ = rng.fill(&mut r);
        let j = u32::from_le_bytes(r) as usize % (i + 1);
        entries.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_answer_is_served_stale_an_hour_at_most_and_never_past_its_token() {
        let in_a_month = now() + 30 * 24 * 3600;
        let p = number_policy(&[in_a_month], "Accept-Language");
        assert_eq!((p.max_age, p.stale_if_error), (60, 3540));
        let p = number_policy(&[], "Add-Padding");
        assert_eq!((p.max_age, p.stale_if_error), (60, 3540));
        // A token with ~20 minutes left: stale no longer than that.
        let p = number_policy(&[now() + 1200, in_a_month], "Add-Padding");
        assert_eq!(p.max_age, 60);
        assert!((1100..=1140).contains(&p.stale_if_error), "{p:?}");
        let p = number_policy(&[now() - 5], "Add-Padding");
        assert_eq!((p.max_age, p.stale_if_error), (0, 0));
    }

    #[test]
    fn max_age_never_outlives_the_first_token_to_expire() {
        let now = 1_700_000_000;
        assert_eq!(
            until_first_expiry(None, now, NUMBER_MAX_AGE),
            NUMBER_MAX_AGE
        );
        assert_eq!(
            until_first_expiry(Some(now + 30 * 24 * 3600), now, NUMBER_MAX_AGE),
            60
        );
        assert_eq!(until_first_expiry(Some(now + 25), now, NUMBER_MAX_AGE), 25);
        assert_eq!(
            until_first_expiry([now + 3600, now + 7, now + 40], now, NUMBER_MAX_AGE),
            7
        );
        assert_eq!(until_first_expiry(Some(now), now, NUMBER_MAX_AGE), 0);
        assert_eq!(until_first_expiry(Some(now - 100), now, NUMBER_MAX_AGE), 0);
        assert_eq!(until_first_expiry(Some(i64::MIN), now, NUMBER_MAX_AGE), 0);
        assert_eq!(until_first_expiry(Some(i64::MAX), now, NUMBER_MAX_AGE), 60);
    }
}
