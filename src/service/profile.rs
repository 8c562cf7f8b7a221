//! A business profile as submitted (JSON), and its validation into the
//! shape `model` stores. This is the edge where outside text becomes domain
//! values: numbers become E.164, ids and languages are checked, lengths are
//! bounded.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::ServiceError;
use crate::model::{BusinessId, BusinessStatus, Command, Level};
use crate::phone::{PhoneNumber, Region};

const MAX_NAME: usize = 200;
const MAX_TEXT: usize = 2000;
const MAX_URL: usize = 2048;
const MAX_LANGS: usize = 32;
const MAX_NUMBERS: usize = 50;
/// Quick replies in all languages together: a handful in each of ten.
const MAX_COMMANDS: usize = 60;

/// A profile in the DESIGN.md JSON shape. Unknown fields are refused, so a
/// misspelt field is an error rather than silently lost data.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileInput {
    pub id: Option<String>,
    pub legal_name: String,
    pub names: BTreeMap<String, String>,
    pub default_lang: String,
    /// Accepted for round-tripping exported profiles; derived, so ignored.
    pub display_name: Option<String>,
    pub category: String,
    pub country: String,
    #[serde(default)]
    pub city: String,
    pub website: Option<String>,
    #[serde(default)]
    pub description: BTreeMap<String, String>,
    pub logo_url: Option<String>,
    pub status: Option<String>,
    #[serde(default)]
    pub numbers: Vec<NumberInput>,
    #[serde(default)]
    pub commands: Vec<CommandInput>,
}

/// A number in a submitted profile.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NumberInput {
    pub number: String,
    /// Region for a national-format number; defaults to the business country.
    pub region: Option<String>,
    /// `A` or `B` to attest at import; absent for a listed, unproven number.
    pub level: Option<String>,
    /// Accepted for round-tripping exported profiles; derived, so ignored.
    pub status: Option<String>,
}

/// A quick-reply command in a submitted profile.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommandInput {
    pub keyword: String,
    pub reply: String,
    /// The BCP 47 tag of the language the keyword and reply are in; the
    /// profile's `default_lang` when left out.
    #[serde(default)]
    pub lang: Option<String>,
}

/// A profile that passed validation.
#[derive(Debug, Clone)]
pub struct ValidProfile {
    pub id: Option<BusinessId>,
    pub legal_name: String,
    pub names: BTreeMap<String, String>,
    pub default_lang: String,
    pub category: String,
    pub country: String,
    pub city: String,
    pub website: Option<String>,
    pub description: BTreeMap<String, String>,
    pub logo_url: Option<String>,
    pub status: Option<BusinessStatus>,
    pub numbers: Vec<(PhoneNumber, Option<Level>)>,
    pub commands: Vec<Command>,
}

impl TryFrom<ProfileInput> for ValidProfile {
    type Error = ServiceError;

    fn try_from(p: ProfileInput) -> Result<ValidProfile, ServiceError> {
        let id =
            p.id.as_deref()
                .map(BusinessId::parse)
                .transpose()
                .map_err(|e| ServiceError::invalid("id", e.to_string()))?;
        let legal_name = text("legal_name", &p.legal_name, MAX_NAME, true)?;
        let default_lang = lang_tag("default_lang", &p.default_lang)?;
        let names = lang_map("names", p.names, MAX_NAME)?;
        if !names.contains_key(&default_lang) {
            return Err(ServiceError::invalid(
                "names",
                format!("must include a name in default_lang {default_lang:?}"),
            ));
        }
        let description = lang_map("description", p.description, MAX_TEXT)?;
        let category = slug("category", &p.category)?;
        let region = Region::parse(&p.country).map_err(|_| {
            ServiceError::invalid("country", "must be an ISO 3166-1 alpha-2 code such as NL")
        })?;
        let country = region.as_str();
        let city = text("city", &p.city, MAX_NAME, false)?;
        let website = p
            .website
            .as_deref()
            .map(|u| url("website", u))
            .transpose()?;
        let logo_url = p
            .logo_url
            .as_deref()
            .map(|u| url("logo_url", u))
            .transpose()?;
        let status = p.status.as_deref().map(status).transpose()?;
        if p.numbers.len() > MAX_NUMBERS {
            return Err(ServiceError::invalid(
                "numbers",
                format!("at most {MAX_NUMBERS}"),
            ));
        }
        let mut numbers: Vec<(PhoneNumber, Option<Level>)> = Vec::with_capacity(p.numbers.len());
        for (i, n) in p.numbers.iter().enumerate() {
            let field = format!("numbers[{i}]");
            let number_region = match n.region.as_deref() {
                Some(r) => {
                    Region::parse(r).map_err(|e| ServiceError::invalid(&field, e.to_string()))?
                }
                None => region,
            };
            let number = PhoneNumber::parse(&n.number, Some(number_region))
                .map_err(|e| ServiceError::invalid(&field, e.to_string()))?;
            let level = match n.level.as_deref() {
                None => None,
                Some("A") => Some(Level::A),
                Some("B") => Some(Level::B),
                Some(other) => {
                    return Err(ServiceError::invalid(
                        &field,
                        format!("level must be \"A\" or \"B\", not {other:?}"),
                    ))
                }
            };
            if numbers.iter().any(|(seen, _)| *seen == number) {
                return Err(ServiceError::invalid(
                    &field,
                    format!("{number} is listed twice"),
                ));
            }
            numbers.push((number, level));
        }
        let commands = commands(&p.commands, &default_lang)?;
        Ok(ValidProfile {
            id,
            legal_name,
            names,
            default_lang,
            category,
            country,
            city,
            website,
            description,
            logo_url,
            status,
            numbers,
            commands,
        })
    }
}

/// Validates quick-reply commands; one without a language is in
/// `default_lang`. A keyword appears once per language, so a client's
/// button means one reply.
pub(super) fn commands(
    input: &[CommandInput],
    default_lang: &str,
) -> Result<Vec<Command>, ServiceError> {
    if input.len() > MAX_COMMANDS {
        return Err(ServiceError::invalid(
            "commands",
            format!("at most {MAX_COMMANDS}"),
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::with_capacity(input.len());
    for (i, c) in input.iter().enumerate() {
        let lang = match &c.lang {
            Some(l) => lang_tag(&format!("commands[{i}].lang"), l)?,
            None => default_lang.to_owned(),
        };
        let keyword = slug(&format!("commands[{i}].keyword"), &c.keyword)?;
        // Named as the language's fault: the form offers another language
        // beside the keyword, and it is the pair that repeats.
        if !seen.insert((keyword.clone(), lang.to_ascii_lowercase())) {
            return Err(ServiceError::invalid(
                format!("commands[{i}].lang"),
                format!("{keyword:?} is already a quick reply in {lang:?}"),
            ));
        }
        let reply = text(&format!("commands[{i}].reply"), &c.reply, MAX_TEXT, true)?;
        out.push(Command {
            keyword,
            reply,
            lang,
        });
    }
    Ok(out)
}

/// Validates a business name.
pub(super) fn name(field: &str, value: &str) -> Result<String, ServiceError> {
    text(field, value, MAX_NAME, true)
}

/// Validates a free-text field such as the city.
pub(super) fn short_text(field: &str, value: &str) -> Result<String, ServiceError> {
    text(field, value, MAX_NAME, false)
}

/// Validates a language-keyed map of names.
pub(super) fn names(
    field: &str,
    map: BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, ServiceError> {
    lang_map(field, map, MAX_NAME)
}

/// Validates a language-keyed map of descriptions.
pub(super) fn descriptions(
    field: &str,
    map: BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, ServiceError> {
    lang_map(field, map, MAX_TEXT)
}

fn text(field: &str, value: &str, max: usize, required: bool) -> Result<String, ServiceError> {
    let value = value.trim();
    if required && value.is_empty() {
        return Err(ServiceError::invalid(field, "must not be empty"));
    }
    if value.chars().count() > max {
        return Err(ServiceError::invalid(
            field,
            format!("at most {max} characters"),
        ));
    }
    if value.chars().any(|c| c.is_control() && c != '\n') {
        return Err(ServiceError::invalid(
            field,
            "must not contain control characters",
        ));
    }
    if let Some(c) = value.chars().find(|c| invisible(*c)) {
        return Err(ServiceError::invalid(
            field,
            format!(
                "must not contain invisible or direction-changing characters (U+{:04X})",
                u32::from(c)
            ),
        ));
    }
    Ok(value.to_owned())
}

/// Characters that change how text reads without showing themselves:
/// bidirectional controls (a right-to-left override makes "Telefónica" of
/// reversed letters) and default-ignorable code points (zero-width spaces,
/// variation selectors, tags), from ICU's Unicode property tables. The
/// zero-width joiner and non-joiner stay allowed: some scripts need them.
pub(super) fn invisible(c: char) -> bool {
    use icu_properties::props::{BidiControl, DefaultIgnorableCodePoint};
    use icu_properties::CodePointSetData;
    if matches!(c, '\u{200C}' | '\u{200D}') {
        return false;
    }
    CodePointSetData::new::<BidiControl>().contains(c)
        || CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
}

/// A BCP 47 tag in its common shape: 2-3 letter language, then subtags of
/// 2-8 letters or digits (`en`, `es-MX`, `zh-Hant-TW`).
pub(super) fn lang_tag(field: &str, tag: &str) -> Result<String, ServiceError> {
    let mut parts = tag.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()));
    let rest_ok =
        parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if lang_ok && rest_ok && tag.len() <= 35 {
        Ok(tag.to_owned())
    } else {
        Err(ServiceError::invalid(
            field,
            format!("{tag:?} is not a BCP 47 language tag"),
        ))
    }
}

fn lang_map(
    field: &str,
    map: BTreeMap<String, String>,
    max: usize,
) -> Result<BTreeMap<String, String>, ServiceError> {
    if map.len() > MAX_LANGS {
        return Err(ServiceError::invalid(
            field,
            format!("at most {MAX_LANGS} languages"),
        ));
    }
    map.into_iter()
        .map(|(lang, value)| {
            let key = lang_tag(field, &lang)?;
            let value = text(&format!("{field}.{lang}"), &value, max, true)?;
            Ok((key, value))
        })
        .collect()
}

pub(super) fn slug(field: &str, value: &str) -> Result<String, ServiceError> {
    let ok = !value.is_empty()
        && value.len() <= 40
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if ok {
        Ok(value.to_owned())
    } else {
        Err(ServiceError::invalid(
            field,
            "1-40 characters of a-z, 0-9, '_' and '-'",
        ))
    }
}

pub(super) fn url(field: &str, value: &str) -> Result<String, ServiceError> {
    let ok = (value.starts_with("https://") || value.starts_with("http://"))
        && value.len() <= MAX_URL
        && !value.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(value.to_owned())
    } else {
        Err(ServiceError::invalid(
            field,
            "must be an http(s) URL without spaces",
        ))
    }
}

fn status(value: &str) -> Result<BusinessStatus, ServiceError> {
    match value {
        "registered" => Ok(BusinessStatus::Registered),
        "verified" => Ok(BusinessStatus::Verified),
        "suspended" => Ok(BusinessStatus::Suspended),
        other => Err(ServiceError::invalid(
            "status",
            format!("{other:?} is not one of registered, verified, suspended"),
        )),
    }
}

/// A reviewer's reason: it reaches the business, the revocation list and
/// the audit trail.
pub(super) fn reason(field: &str, value: &str) -> Result<String, ServiceError> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > 1000 {
        return Err(ServiceError::invalid(field, "1-1000 characters"));
    }
    // Reasons reach the business, the revocation list and the audit.
    if value
        .chars()
        .any(|c| (c.is_control() && c != '\n') || invisible(c))
    {
        return Err(ServiceError::invalid(
            field,
            "must not contain control, invisible or direction-changing characters",
        ));
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(json: &str) -> Result<ValidProfile, String> {
        let p: ProfileInput = serde_json::from_str(json).map_err(|e| e.to_string())?;
        ValidProfile::try_from(p).map_err(|e| e.to_string())
    }

    const KLM: &str = r#"{"legal_name":"KLM N.V.","names":{"nl":"KLM"},"default_lang":"nl",
        "category":"airline","country":"NL","numbers":[{"number":"020 649 9123","level":"A"}]}"#;

    #[test]
    fn national_numbers_default_to_the_business_country() {
        let p = input(KLM).unwrap();
        assert_eq!(p.numbers[0].0.as_str(), "+31206499123");
        assert_eq!(p.numbers[0].1, Some(Level::A));
        assert_eq!(p.country, "NL");
    }

    #[test]
    fn each_bad_field_is_named() {
        let cases = [
            (
                KLM.replace(r#""country":"NL""#, r#""country":"XX""#),
                "country",
            ),
            (
                KLM.replace(r#""default_lang":"nl""#, r#""default_lang":"en""#),
                "names",
            ),
            (
                KLM.replace(r#""level":"A""#, r#""level":"C""#),
                "numbers[0]",
            ),
            (KLM.replace("020 649 9123", "12"), "numbers[0]"),
            (
                KLM.replace(r#""category":"airline""#, r#""category":"Air Line""#),
                "category",
            ),
            (
                KLM.replace(r#""legal_name":"KLM N.V.""#, r#""legal_name":"  ""#),
                "legal_name",
            ),
            (KLM.replace(r#""nl":"KLM""#, r#""n l":"KLM""#), "names"),
        ];
        for (json, field) in cases {
            let err = input(&json).unwrap_err();
            assert!(err.starts_with(field), "{field}: {err}");
        }
    }

    #[test]
    fn unknown_fields_are_refused() {
        let err = input(&KLM.replace("\"category\"", "\"nmae\":\"x\",\"category\"")).unwrap_err();
        assert!(err.contains("unknown field"), "{err}");
    }

    #[test]
    fn a_number_listed_twice_is_refused() {
        let json = KLM.replace(
            r#"{"number":"020 649 9123","level":"A"}"#,
            r#"{"number":"020 649 9123"},{"number":"+31206499123"}"#,
        );
        assert!(input(&json).unwrap_err().contains("listed twice"));
    }
}
