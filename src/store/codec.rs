//! The one place that knows how records become bytes.
//!
//! Every stored value is one format-version byte followed by the record in
//! bincode 2 (standard config). bincode carries no field names: bytes of an
//! older shape read into a newer struct fail, and newer bytes read into an
//! older struct may succeed with bytes left over. So a decode must consume
//! every byte, and a change of shape bumps [`FORMAT`] and adds a migration.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The format version written in front of every record.
pub const FORMAT: u8 = 1;

/// Why stored bytes could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum CodecError {
    #[error("empty record")]
    Empty,
    #[error("record has format version {0}, this build reads {FORMAT}")]
    Version(u8),
    #[error("record does not decode: {0}")]
    Decode(String),
    #[error("record has {0} trailing bytes")]
    Trailing(usize),
    #[error("record does not encode: {0}")]
    Encode(String),
}

/// Encodes a record behind the format byte.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, CodecError> {
    let mut out = vec![FORMAT];
    let body = bincode::serde::encode_to_vec(value, bincode::config::standard())
        .map_err(|e| CodecError::Encode(e.to_string()))?;
    out.extend_from_slice(&body);
    Ok(out)
}

/// Decodes a record, refusing another format version and leftover bytes.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    decode_borrowed(bytes)
}

/// Decodes a record or a view of one that borrows its text from `bytes`
/// (`model::BusinessRef`), with the same checks as [`decode`].
pub fn decode_borrowed<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, CodecError> {
    let (&version, body) = bytes.split_first().ok_or(CodecError::Empty)?;
    if version != FORMAT {
        return Err(CodecError::Version(version));
    }
    let (value, used) = bincode::serde::borrow_decode_from_slice(body, bincode::config::standard())
        .map_err(|e| CodecError::Decode(e.to_string()))?;
    if used != body.len() {
        return Err(CodecError::Trailing(body.len() - used));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BusinessId, Level, NumberRecord, NumberState};

    fn record() -> NumberRecord {
        NumberRecord {
            business: BusinessId::generate(),
            state: NumberState::Attested {
                level: Level::A,
                serial: "01JD7Z3K8Q0000000000000000".into(),
            },
            proof: None,
            updated_at: 1_700_000_000,
        }
    }

    #[test]
    fn records_round_trip() {
        let r = record();
        let bytes = encode(&r).unwrap();
        assert_eq!(bytes[0], FORMAT);
        assert_eq!(decode::<NumberRecord>(&bytes).unwrap(), r);
    }

    #[test]
    fn views_read_what_records_wrote() {
        use crate::logo::{LogoRef, MediaType};
        use crate::model::{
            Attestation, AttestationRef, Business, BusinessRef, BusinessStatus, Command, Level,
            LogoState,
        };
        use std::collections::BTreeMap;
        let b = Business {
            id: BusinessId::generate(),
            legal_name: "Koninklijke Luchtvaart Maatschappij N.V.".into(),
            names: BTreeMap::from([
                ("nl".to_owned(), "KLM".to_owned()),
                ("en".to_owned(), "KLM Royal Dutch Airlines".to_owned()),
            ]),
            default_lang: "nl".into(),
            category: "airline".into(),
            country: "NL".into(),
            city: "Amstelveen".into(),
            website: Some("https://www.klm.com".into()),
            description: BTreeMap::from([("en".to_owned(), "24/7".to_owned())]),
            logo_url: Some("https://www.klm.com/logo.png".into()),
            logo: LogoState::Stored {
                logo: LogoRef {
                    sha256: [7; 32],
                    media_type: MediaType::Webp,
                    bytes_len: 1234,
                    width: 64,
                    height: 32,
                },
                at: 3,
            },
            status: BusinessStatus::Suspended,
            numbers: vec!["+31206499123".into(), "+31206499124".into()],
            commands: vec![Command {
                keyword: "booking".into(),
                reply: "Send your booking code".into(),
                lang: "en".into(),
            }],
            created_at: 1,
            updated_at: 2,
        };
        let bytes = encode(&b).unwrap();
        let view: BusinessRef = decode_borrowed(&bytes).unwrap();
        assert_eq!(view.id, b.id.as_str());
        assert_eq!(view.legal_name, b.legal_name);
        assert_eq!(view.default_lang, b.default_lang);
        assert_eq!(view.category, b.category);
        assert_eq!(view.country, b.country);
        assert_eq!(view.city, b.city);
        assert_eq!(view.website, b.website.as_deref());
        assert_eq!(view.logo_url, b.logo_url.as_deref());
        assert_eq!(view.logo, b.logo);
        assert_eq!(view.status, b.status);
        for langs in [vec![], vec!["en-GB".to_owned()], vec!["ja".to_owned()]] {
            assert_eq!(view.display_name(&langs), b.display_name(&langs));
        }

        let a = Attestation {
            serial: "01JD7Z3K8Q0000000000000000".into(),
            number: "+31206499123".into(),
            business: b.id.clone(),
            level: Level::B,
            name: "KLM".into(),
            kid: "kid".into(),
            issued_at: 10,
            expires_at: 20,
            token: "a.b.c".into(),
        };
        let bytes = encode(&a).unwrap();
        let view: AttestationRef = decode_borrowed(&bytes).unwrap();
        assert_eq!(
            (view.serial, view.number, view.business, view.level),
            (
                a.serial.as_str(),
                a.number.as_str(),
                a.business.as_str(),
                a.level
            )
        );
        assert_eq!((view.name, view.kid), (a.name.as_str(), a.kid.as_str()));
        assert_eq!(
            (view.issued_at, view.expires_at),
            (a.issued_at, a.expires_at)
        );
        assert_eq!(view.token, a.token);
    }

    #[test]
    fn a_logo_row_reads_back_in_place() {
        let image: &[u8] = b"\x89PNG\r\n\x1a\n...";
        let bytes = encode(&(crate::logo::MediaType::Png, image)).unwrap();
        let (media_type, read): (crate::logo::MediaType, &[u8]) = decode_borrowed(&bytes).unwrap();
        assert_eq!((media_type, read), (crate::logo::MediaType::Png, image));
    }

    #[test]
    fn other_versions_and_leftovers_are_refused() {
        let mut bytes = encode(&record()).unwrap();
        bytes.push(0);
        assert!(matches!(
            decode::<NumberRecord>(&bytes),
            Err(CodecError::Trailing(1))
        ));
        bytes.pop();
        bytes[0] = 9;
        assert!(matches!(
            decode::<NumberRecord>(&bytes),
            Err(CodecError::Version(9))
        ));
        assert!(matches!(
            decode::<NumberRecord>(&[]),
            Err(CodecError::Empty)
        ));
        assert!(matches!(
            decode::<NumberRecord>(&[FORMAT, 0xff]),
            Err(CodecError::Decode(_))
        ));
    }
}
