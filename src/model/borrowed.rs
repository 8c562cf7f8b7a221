//! Stored records read in place: the parts of a [`Business`] and an
//! [`Attestation`] a lookup shows, borrowing their text from the stored
//! bytes instead of copying every field into owned strings and maps.
//!
//! Each view has, field for field and in order, the shape of its record, so
//! the one encoding of `store` decodes the same bytes into either; fields a
//! lookup does not show are read and dropped. The store's tests decode both
//! from the same bytes, so a field added to a record and not here fails
//! there first.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{pick_lang, BusinessStatus, Level, LogoState};

#[cfg(doc)]
use super::{Attestation, Business};

/// A [`Business`] read in place.
#[derive(Debug, Deserialize)]
pub struct BusinessRef<'a> {
    pub id: &'a str,
    pub legal_name: &'a str,
    #[serde(borrow)]
    pub names: LangMap<'a>,
    pub default_lang: &'a str,
    pub category: &'a str,
    pub country: &'a str,
    pub city: &'a str,
    #[serde(borrow)]
    pub website: Option<&'a str>,
    _description: Skip<LangMap<'a>>,
    #[serde(borrow)]
    pub logo_url: Option<&'a str>,
    pub logo: LogoState,
    pub status: BusinessStatus,
    _numbers: Skip<Vec<&'a str>>,
    // keyword, reply, lang
    _commands: Skip<Vec<(&'a str, &'a str, &'a str)>>,
    _created_at: i64,
    _updated_at: i64,
}

impl BusinessRef<'_> {
    /// As [`Business::display_name`].
    pub fn display_name(&self, preferred: &[String]) -> &str {
        pick_lang(self.names.0.iter().copied(), preferred, self.default_lang)
            .unwrap_or(self.legal_name)
    }
}

/// An [`Attestation`] read in place.
#[derive(Debug, Deserialize)]
pub struct AttestationRef<'a> {
    pub serial: &'a str,
    pub number: &'a str,
    pub business: &'a str,
    pub level: Level,
    pub name: &'a str,
    pub kid: &'a str,
    pub issued_at: i64,
    pub expires_at: i64,
    pub token: &'a str,
}

/// A language-keyed map read in place, in stored (key) order.
#[derive(Debug)]
pub struct LangMap<'a>(pub Vec<(&'a str, &'a str)>);

impl<'de: 'a, 'a> Deserialize<'de> for LangMap<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Pairs<'a> {
            type Value = LangMap<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of language tags to text")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<LangMap<'a>, M::Error> {
                let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(0).min(32));
                while let Some(pair) = map.next_entry::<&'a str, &'a str>()? {
                    pairs.push(pair);
                }
                Ok(LangMap(pairs))
            }
        }
        deserializer.deserialize_map(Pairs(PhantomData))
    }
}

/// A field read and dropped: the encoding is not self-describing, so a
/// field can only be skipped by reading it. `T` says what it looks like.
#[derive(Debug)]
struct Skip<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Skip<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(|_| Skip(PhantomData))
    }
}
