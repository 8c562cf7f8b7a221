//! The one place that knows how records become bytes.
//!
//! Every stored value is one format-version byte followed by the record in
//! bincode 2 (standard config). bincode carries no field names: bytes of an
//! older shape read into a newer struct fail, and newer bytes read into an
//! older struct may succeed with bytes left over. So a decode must consume
//! every byte, and a change of shape bumps [`FORMAT`] and adds a migration.

use serde::de::DeserializeOwned;
use serde::Serialize;

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
    let (&version, body) = bytes.split_first().ok_or(CodecError::Empty)?;
    if version != FORMAT {
        return Err(CodecError::Version(version));
    }
    let (value, used) = bincode::serde::decode_from_slice(body, bincode::config::standard())
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
