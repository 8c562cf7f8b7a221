//! The domain: businesses, their numbers and the states those move through.
//!
//! These are the records `store` persists (through its one codec) and
//! `service` reasons about. They hold E.164 strings that `phone` produced; the
//! way in from the outside world is `service::profile`, which validates a
//! submitted profile before one of these is built.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::logo::{LogoFailure, LogoRef};

mod borrowed;
pub mod lifecycle;
mod notify;
mod review;

pub use borrowed::{AttestationRef, BusinessRef, LangMap};
pub use lifecycle::StateError;
pub use notify::{Attempt, DeliveryState, FeedEntry, OutboxEvent, Target, Webhook};
pub use review::{
    Application, ApplicationV4, ApplicationV6, AuditEntry, Claim, DomainProof, Flag, OtpCode,
    PendingEdit, PendingEditV6, Report, ReportReason, ReviewState, Suspension,
};

/// A business id: `b_` followed by a ULID (26 Crockford base32 characters),
/// so ids sort by creation time and cannot be guessed from a counter.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(transparent)]
pub struct BusinessId(String);

/// Why a business id was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a business id is 'b_' followed by 26 Crockford base32 characters")]
pub struct BadBusinessId;

impl BusinessId {
    /// A fresh id for a new business.
    pub fn generate() -> BusinessId {
        BusinessId(format!("b_{}", ulid::Ulid::new()))
    }

    /// Parses an id given by a caller.
    pub fn parse(input: &str) -> Result<BusinessId, BadBusinessId> {
        let rest = input.strip_prefix("b_").ok_or(BadBusinessId)?;
        if rest.len() == 26 && ulid::Ulid::from_string(rest).is_ok() && is_crockford_upper(rest) {
            Ok(BusinessId(input.to_owned()))
        } else {
            Err(BadBusinessId)
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BusinessId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// ulid accepts lowercase and the ambiguous letters I, L, O; the canonical
// form is uppercase without them, and ids are compared as strings.
fn is_crockford_upper(s: &str) -> bool {
    s.bytes().all(|b| {
        b.is_ascii_digit() || (b.is_ascii_uppercase() && !matches!(b, b'I' | b'L' | b'O' | b'U'))
    })
}

/// A fresh attestation serial (`jti`): a ULID, unique and time-ordered.
pub fn new_serial() -> String {
    ulid::Ulid::new().to_string()
}

/// How an attested number earned its attestation. Neither is issued
/// before the business's identity was reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub enum Level {
    /// Identity reviewed, number and domain proven.
    A,
    /// Identity reviewed, number proven, no domain (a small shop without a
    /// website).
    B,
}

impl Level {
    /// The claim value, `"A"` or `"B"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::A => "A",
            Level::B => "B",
        }
    }
}

/// The state of a business as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum BusinessStatus {
    /// Listed; identity not (yet) reviewed.
    Registered,
    /// Identity reviewed and approved.
    Verified,
    /// Taken down by a reviewer: none of its numbers shows as verified.
    Suspended,
}

/// A quick-reply command a client can offer as a button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Command {
    pub keyword: String,
    pub reply: String,
    /// The BCP 47 tag of the language the keyword and reply are in: a
    /// business answers in several, and a client offers the ones in its
    /// user's language.
    pub lang: String,
}

/// [`Command`] as schemas 5 and 6 stored it, before quick replies had a
/// language; read once by the upgrade to schema 7.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandV6 {
    pub keyword: String,
    pub reply: String,
}

impl CommandV6 {
    /// The command in today's shape, in `lang` (the language the business
    /// wrote its profile in: the only one it could have meant).
    pub fn upgrade(self, lang: &str) -> Command {
        Command {
            keyword: self.keyword,
            reply: self.reply,
            lang: lang.to_owned(),
        }
    }
}

/// Upgrades a list of [`CommandV6`] to `lang`.
pub fn upgrade_commands(old: Vec<CommandV6>, lang: &str) -> Vec<Command> {
    old.into_iter().map(|c| c.upgrade(lang)).collect()
}

/// A business profile as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Business {
    pub id: BusinessId,
    pub legal_name: String,
    /// Display names keyed by BCP 47 language tag.
    pub names: BTreeMap<String, String>,
    pub default_lang: String,
    pub category: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub city: String,
    pub website: Option<String>,
    pub description: BTreeMap<String, String>,
    /// Where the business's logo is fetched from, at approval. Only
    /// bizseal fetches it: clients are given the copy it serves (`logo`).
    pub logo_url: Option<String>,
    pub logo: LogoState,
    pub status: BusinessStatus,
    /// The business's numbers in E.164, in the order it listed them.
    pub numbers: Vec<String>,
    pub commands: Vec<Command>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// What became of a business's `logo_url`: the logo bizseal serves in its
/// place, or why there is none (`service::logo`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LogoState {
    /// No logo URL, or one not fetched yet: it is fetched when a reviewer
    /// approves the business or an edit of it.
    #[default]
    Absent,
    /// Fetched, checked and stored at `at`.
    Stored { logo: LogoRef, at: i64 },
    /// The last fetch, at `at`, failed.
    Failed { reason: LogoFailure, at: i64 },
}

impl LogoState {
    /// The logo shown, if one is.
    pub fn shown(&self) -> Option<&LogoRef> {
        match self {
            LogoState::Stored { logo, .. } => Some(logo),
            _ => None,
        }
    }
}

/// [`Business`] as schema 5 stored it, before logos were fetched; read
/// once by the upgrade to schema 6.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessV5 {
    pub id: BusinessId,
    pub legal_name: String,
    pub names: BTreeMap<String, String>,
    pub default_lang: String,
    pub category: String,
    pub country: String,
    pub city: String,
    pub website: Option<String>,
    pub description: BTreeMap<String, String>,
    pub logo_url: Option<String>,
    pub status: BusinessStatus,
    pub numbers: Vec<String>,
    pub commands: Vec<CommandV6>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl BusinessV5 {
    /// The same business in today's shape: its logo not fetched yet (the
    /// next approval of the business fetches it), its quick replies in its
    /// default language.
    pub fn upgrade(self) -> Business {
        Business {
            commands: upgrade_commands(self.commands, &self.default_lang),
            id: self.id,
            legal_name: self.legal_name,
            names: self.names,
            default_lang: self.default_lang,
            category: self.category,
            country: self.country,
            city: self.city,
            website: self.website,
            description: self.description,
            logo_url: self.logo_url,
            logo: LogoState::Absent,
            status: self.status,
            numbers: self.numbers,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// [`Business`] as schema 6 stored it, before quick replies had a
/// language; read once by the upgrade to schema 7.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessV6 {
    pub id: BusinessId,
    pub legal_name: String,
    pub names: BTreeMap<String, String>,
    pub default_lang: String,
    pub category: String,
    pub country: String,
    pub city: String,
    pub website: Option<String>,
    pub description: BTreeMap<String, String>,
    pub logo_url: Option<String>,
    pub logo: LogoState,
    pub status: BusinessStatus,
    pub numbers: Vec<String>,
    pub commands: Vec<CommandV6>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl BusinessV6 {
    /// The same business in today's shape, its quick replies in its
    /// default language.
    pub fn upgrade(self) -> Business {
        Business {
            commands: upgrade_commands(self.commands, &self.default_lang),
            id: self.id,
            legal_name: self.legal_name,
            names: self.names,
            default_lang: self.default_lang,
            category: self.category,
            country: self.country,
            city: self.city,
            website: self.website,
            description: self.description,
            logo_url: self.logo_url,
            logo: self.logo,
            status: self.status,
            numbers: self.numbers,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

impl Business {
    /// The display name in the first preferred language the business has a
    /// name in, else in its default language.
    pub fn display_name(&self, preferred: &[String]) -> &str {
        self.display_name_tagged(preferred).0
    }

    /// [`Business::display_name`] and the language tag it is in (the
    /// default language's for the legal name), so a page can mark it.
    pub fn display_name_tagged(&self, preferred: &[String]) -> (&str, &str) {
        let names = self
            .names
            .iter()
            .map(|(k, v)| (k.as_str(), (v.as_str(), k.as_str())));
        pick_lang(names, preferred, &self.default_lang)
            .unwrap_or((&self.legal_name, &self.default_lang))
    }

    /// The name that goes into attestations: the default language's.
    pub fn default_name(&self) -> &str {
        default_name(&self.names, &self.default_lang, &self.legal_name)
    }
}

/// The name attestations carry for a business with these names: the one in
/// its default language, else its legal name.
pub fn default_name<'a>(
    names: &'a BTreeMap<String, String>,
    default_lang: &str,
    legal_name: &'a str,
) -> &'a str {
    names
        .get(default_lang)
        .map(String::as_str)
        .unwrap_or(legal_name)
}

/// Picks a value from language-keyed entries (in key order): an exact tag
/// match first, then the same primary language (`es-MX` → `es`), then
/// `fallback`, then the first entry.
pub fn pick_lang<'a, V, I>(entries: I, preferred: &[String], fallback: &str) -> Option<V>
where
    I: Iterator<Item = (&'a str, V)> + Clone,
{
    pick_preferred(entries.clone(), preferred).or_else(|| {
        entries
            .clone()
            .find(|(k, _)| *k == fallback)
            .or_else(|| entries.clone().next())
            .map(|(_, v)| v)
    })
}

/// The first of `preferred` that some entry has (an exact tag, then the
/// same primary language), or `None` when none of them is there and
/// [`pick_lang`] falls back to the default.
pub fn pick_preferred<'a, V, I>(entries: I, preferred: &[String]) -> Option<V>
where
    I: Iterator<Item = (&'a str, V)> + Clone,
{
    for want in preferred {
        if let Some((_, v)) = entries.clone().find(|(k, _)| k.eq_ignore_ascii_case(want)) {
            return Some(v);
        }
        let primary = want.split('-').next().unwrap_or(want);
        if let Some((_, v)) = entries.clone().find(|(k, _)| {
            k.split('-')
                .next()
                .unwrap_or(k)
                .eq_ignore_ascii_case(primary)
        }) {
            return Some(v);
        }
    }
    None
}

/// Where a held number stands: the directory's record of a number whose
/// business passed review (claims of businesses that did not are
/// [`Claim`]s, never public). Transitions are methods
/// (`model::lifecycle`), so an impossible one is refused in one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumberState {
    /// Schema 4 and older only: a listed, unproven number. The upgrade to
    /// schema 5 turns each into a [`Claim`]; answered like an unknown one.
    Unproven,
    /// Held with a live token, `serial`.
    Attested { level: Level, serial: String },
    /// A reviewer or the business withdrew it.
    Revoked { at: i64, reason: String },
    /// Held by a suspended business: no live token until reinstatement.
    OnHold { level: Level },
}

impl NumberState {
    /// How the business and the reviewers see it.
    pub fn name(&self) -> &'static str {
        match self {
            NumberState::Unproven => "unproven",
            NumberState::Attested { .. } => "attested",
            NumberState::OnHold { .. } => "on_hold",
            NumberState::Revoked { .. } => "revoked",
        }
    }

    /// The attested level, if any.
    pub fn level(&self) -> Option<Level> {
        match self {
            NumberState::Attested { level, .. } | NumberState::OnHold { level } => Some(*level),
            _ => None,
        }
    }

    /// The serial of the current attestation, if any.
    pub fn serial(&self) -> Option<&str> {
        match self {
            NumberState::Attested { serial, .. } => Some(serial),
            _ => None,
        }
    }
}

/// A listed number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberRecord {
    pub business: BusinessId,
    pub state: NumberState,
    /// How and when control of the number was proven.
    pub proof: Option<Proof>,
    pub updated_at: i64,
}

/// How control of a number was established.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ProofMethod {
    /// A one-time code sent to the number was entered back.
    Otp,
    /// An operator imported it from an already-vetted registry.
    Import,
}

/// The proof of control of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Proof {
    pub method: ProofMethod,
    pub at: i64,
}

/// One piece of evidence an attestation rests on, as its `evd` claim says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// `otp`, `import`, `domain` or `review`.
    pub method: String,
    pub at: i64,
}

/// What a client is told about a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PublicStatus {
    /// Attested (level A or B) to a business whose review holds.
    Verified,
    /// Nobody holds it: unlisted, only claimed, only proven by code, or
    /// its business never passed review.
    Unknown,
    /// Its business is suspended.
    Suspended,
    /// Its attestation was revoked.
    Revoked,
}

impl PublicStatus {
    /// Derives the public status from the number and its business.
    pub fn of(number: &NumberRecord, business: &Business) -> PublicStatus {
        PublicStatus::given(number, business.status)
    }

    /// [`PublicStatus::of`], given only the business's status. Only a
    /// reviewed business's number is ever more than `unknown`: a record of
    /// any other (which the trust rules never write) answers like nothing.
    pub fn given(number: &NumberRecord, business: BusinessStatus) -> PublicStatus {
        match (&number.state, business) {
            (NumberState::Unproven, _) | (_, BusinessStatus::Registered) => PublicStatus::Unknown,
            (
                NumberState::Attested { .. } | NumberState::OnHold { .. },
                BusinessStatus::Suspended,
            ) => PublicStatus::Suspended,
            (NumberState::Attested { .. }, BusinessStatus::Verified) => PublicStatus::Verified,
            (NumberState::OnHold { .. }, BusinessStatus::Verified) => PublicStatus::Unknown,
            (NumberState::Revoked { .. }, _) => PublicStatus::Revoked,
        }
    }

    /// Whether a client may be handed the number's token at this status.
    pub fn shows_token(self) -> bool {
        self == PublicStatus::Verified
    }

    /// Whether the answer names the business.
    pub fn names_business(self) -> bool {
        self != PublicStatus::Unknown
    }
}

/// An issued attestation token and the facts it states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attestation {
    pub serial: String,
    pub number: String,
    pub business: BusinessId,
    pub level: Level,
    pub name: String,
    pub kid: String,
    pub issued_at: i64,
    pub expires_at: i64,
    /// The JWS compact token, stored so lookups never re-sign.
    pub token: String,
}

/// A revoked attestation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Revocation {
    pub serial: String,
    pub number: String,
    pub business: BusinessId,
    pub at: i64,
    pub reason: String,
}

/// A signing key as stored. The private half never leaves the data dir.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredKey {
    pub kid: String,
    /// The PKCS#8 private key, sealed with the master key (see `keys`).
    pub sealed_pkcs8: Vec<u8>,
    pub public: Vec<u8>,
    pub created_at: i64,
    /// When a newer key took over signing; `None` for the active key.
    pub retired_at: Option<i64>,
}

impl fmt::Debug for StoredKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredKey")
            .field("kid", &self.kid)
            .field("created_at", &self.created_at)
            .field("retired_at", &self.retired_at)
            .finish_non_exhaustive()
    }
}

/// One entry of the changes feed that the search indexer and replicas follow.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Change {
    Business(BusinessId),
    Number(String),
    Key(String),
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    now_ms() / 1000
}

/// Milliseconds since the Unix epoch (RFC 6962 timestamps, the outbox).
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn business(status: BusinessStatus) -> Business {
        Business {
            id: BusinessId::generate(),
            legal_name: "Koninklijke Luchtvaart Maatschappij N.V.".into(),
            names: [("nl", "KLM"), ("en", "KLM Royal Dutch Airlines")]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
            default_lang: "nl".into(),
            category: "airline".into(),
            country: "NL".into(),
            city: "Amstelveen".into(),
            website: None,
            description: BTreeMap::new(),
            logo_url: None,
            logo: LogoState::Absent,
            status,
            numbers: vec![],
            commands: vec![],
            created_at: 0,
            updated_at: 0,
        }
    }

    fn attested(level: Level, business: &Business) -> NumberRecord {
        NumberRecord {
            business: business.id.clone(),
            state: NumberState::Attested {
                level,
                serial: new_serial(),
            },
            proof: Some(Proof {
                method: ProofMethod::Otp,
                at: 0,
            }),
            updated_at: 0,
        }
    }

    #[test]
    fn business_ids_round_trip_and_reject_garbage() {
        let id = BusinessId::generate();
        assert_eq!(BusinessId::parse(id.as_str()).unwrap(), id);
        assert!(BusinessId::parse("b_01JD7Z3K8Q").is_err());
        assert!(BusinessId::parse("x_01JD7Z3K8Q0000000000000000").is_err());
        assert!(BusinessId::parse("b_01jd7z3k8q0000000000000000").is_err());
        assert!(BusinessId::parse("b_01JD7Z3K8Q000000000000000L").is_err());
        assert!(BusinessId::parse("b_01JD7Z3K8Q0000000000000000").is_ok());
    }

    #[test]
    fn display_name_follows_language_preference() {
        let b = business(BusinessStatus::Verified);
        assert_eq!(
            b.display_name(&["en-GB".into()]),
            "KLM Royal Dutch Airlines"
        );
        assert_eq!(
            b.display_name(&["fr".into(), "en".into()]),
            "KLM Royal Dutch Airlines"
        );
        assert_eq!(b.display_name(&["ja".into()]), "KLM");
        assert_eq!(b.display_name(&[]), "KLM");
    }

    #[test]
    fn a_number_is_public_only_while_its_business_review_holds() {
        let verified = business(BusinessStatus::Verified);
        for level in [Level::A, Level::B] {
            let number = attested(level, &verified);
            assert_eq!(PublicStatus::of(&number, &verified), PublicStatus::Verified);
            let registered = business(BusinessStatus::Registered);
            assert_eq!(
                PublicStatus::of(&number, &registered),
                PublicStatus::Unknown
            );
            let suspended = business(BusinessStatus::Suspended);
            assert_eq!(
                PublicStatus::of(&number, &suspended),
                PublicStatus::Suspended
            );
        }
        assert!(!PublicStatus::Suspended.shows_token());
        assert!(!PublicStatus::Unknown.names_business());
        let mut legacy = attested(Level::B, &verified);
        legacy.state = NumberState::Unproven;
        assert_eq!(PublicStatus::of(&legacy, &verified), PublicStatus::Unknown);
    }
}
