//! The one table of stable error codes: each code, what it means, and the
//! HTTP status that carries it.
//!
//! Every refusal bizseal gives has one of these codes, whoever shows it:
//! the API puts it in an RFC 9457 problem (`code`, and `type` is
//! `/problems/{code}`), the web pages choose their status from it, the CLI
//! prints it beside the message, and `schema/openapi.json` lists exactly
//! these codes (a test regenerates and compares). Codes are stable: a
//! client may branch on them; the texts may change.

use serde::{Serialize, Serializer};

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $status:literal, $title:literal;)*) => {
        /// A stable error code (see the module's documentation).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, in the table's order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as clients see it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            /// The HTTP status an answer with this code has.
            pub fn status(self) -> u16 {
                match self {
                    $(Code::$variant => $status,)*
                }
            }

            /// What the code means, in a few words (the problem's `title`).
            pub fn title(self) -> &'static str {
                match self {
                    $(Code::$variant => $title,)*
                }
            }
        }
    };
}

codes! {
    // The request itself.
    /// A body that is not JSON.
    MalformedJson = "malformed_json", 400, "Malformed JSON body";
    /// JSON of the wrong shape.
    UnprocessableBody = "unprocessable_body", 422, "The JSON body does not have the expected shape";
    UnsupportedMediaType = "unsupported_media_type", 415, "Request body must be application/json";
    PayloadTooLarge = "payload_too_large", 413, "Request body too large";
    MethodNotAllowed = "method_not_allowed", 405, "Method not allowed on this resource";
    NotFound = "not_found", 404, "Not found";
    /// A field's value is refused; the problem names the `field`.
    InvalidRequest = "invalid_request", 400, "Invalid request";
    /// Text that is not a phone number; the problem's `reason` says why
    /// (`phone::PhoneError::reason`), in a batch entry too.
    InvalidNumber = "invalid_number", 400, "Invalid phone number";

    // Who asks, and how often.
    Unauthorized = "unauthorized", 401, "Missing or invalid bearer credentials";
    Forbidden = "forbidden", 403, "The credentials do not allow this";
    RateLimited = "rate_limited", 429, "Too many requests";

    // One-time codes: the caller's to fix (request a new code, wait).
    WrongCode = "wrong_code", 400, "One-time code not accepted";
    CodeExpired = "code_expired", 400, "One-time code not accepted";
    TooManyAttempts = "too_many_attempts", 400, "One-time code not accepted";
    NoCode = "no_code", 400, "One-time code not accepted";
    NumberLocked = "number_locked", 400, "One-time code not accepted";

    // Transitions the trust rules refuse (`model::lifecycle::StateError`).
    BusinessSuspended = "business_suspended", 409, "Not allowed in the current state";
    NotSuspended = "not_suspended", 409, "Not allowed in the current state";
    AlreadyVerified = "already_verified", 409, "Not allowed in the current state";
    NothingProven = "nothing_proven", 409, "Not allowed in the current state";
    ResubmitLater = "resubmit_later", 409, "Not allowed in the current state";
    NothingWaits = "nothing_waits", 409, "Not allowed in the current state";
    FlagNotSubmission = "flag_not_submission", 409, "Not allowed in the current state";
    NotFlagged = "not_flagged", 409, "Not allowed in the current state";
    AlreadyProven = "already_proven", 409, "Not allowed in the current state";
    NotAttested = "not_attested", 409, "Not allowed in the current state";
    NotHeld = "not_held", 409, "Not allowed in the current state";
    RevokedByReviewer = "revoked_by_reviewer", 409, "Not allowed in the current state";
    NoDomainChallenge = "no_domain_challenge", 409, "Not allowed in the current state";
    ChallengeChanged = "challenge_changed", 409, "Not allowed in the current state";
    /// The search index is open in this process (a rebuild needs it closed).
    SearchRunning = "search_running", 409, "The search index is in use";

    // The service's own state: try again later.
    SenderFailed = "sender_failed", 502, "The one-time code could not be handed to the sender";
    Timeout = "timeout", 503, "The request took too long";
    Unavailable = "unavailable", 503, "Storage is temporarily unavailable";
    StorageFull = "storage_full", 503, "The service cannot accept writes: its disk is nearly full";
    /// Anything else; the cause is logged, never shown.
    Internal = "internal", 500, "Internal error";
}

impl Code {
    /// The code named `text`, if there is one.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_distinct_snake_case_and_name_an_error_status() {
        let mut seen = HashSet::new();
        for code in Code::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} twice");
            assert!(
                text.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{text}"
            );
            assert!((400..600).contains(&code.status()), "{text}");
            assert!(!code.title().is_empty());
            assert_eq!(Code::parse(text), Some(*code));
        }
        assert_eq!(Code::parse("no_such_code"), None);
    }
}
