//! Generates N realistic businesses as JSONL for load tests (issue 6).
//!
//! ```sh
//! cargo run --release --example gen -- 1000000 target/load/1000000
//! ```
//!
//! writes, in the output directory:
//! - `businesses.jsonl`: one profile a line, in the shape `bizseal import`
//!   reads, in ten countries and their languages: about 45% verified
//!   businesses with level A numbers, 25% verified at level B (reviewed,
//!   no domain), 30% registered with unproven numbers (claims, not public);
//!   one to three numbers each;
//! - `verified.txt`: every number that answers `verified` after import;
//! - `unlisted.txt`: 20,000 valid numbers that no business lists (the
//!   personal numbers of an address book).
//!
//! The output depends only on N: a fixed-seed generator, ids built from the
//! line number, and numbers drawn without repetition from real geographic
//! ranges, each checked with `PhoneNumber::parse` (libphonenumber metadata)
//! so that every number is valid and already in E.164.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use bizseal::phone::PhoneNumber;
use serde_json::{json, Map, Value};

/// One country: language, dialling ranges and the words names are made of.
struct Country {
    code: &'static str,
    lang: &'static str,
    calling: &'static str,
    /// Area prefix after the calling code, and how many subscriber digits
    /// follow it.
    ranges: &'static [(&'static str, u32)],
    cities: &'static [&'static str],
    /// Local words for the kinds of business in `CATEGORIES` order.
    kinds: &'static [&'static str; 7],
    surnames: &'static [&'static str],
    legal_suffix: &'static str,
    /// Japanese names put the family name first and the legal form in front.
    family_first: bool,
}

const CATEGORIES: [&str; 7] = [
    "bakery",
    "pharmacy",
    "garage",
    "dentist",
    "insurance",
    "transport",
    "restaurant",
];
const ENGLISH: [&str; 7] = [
    "Bakery",
    "Pharmacy",
    "Garage",
    "Dental Clinic",
    "Insurance",
    "Transport",
    "Restaurant",
];

const COUNTRIES: &[Country] = &[
    Country {
        code: "NL",
        lang: "nl",
        calling: "31",
        ranges: &[("20", 7), ("10", 7), ("30", 7), ("70", 7)],
        cities: &["Amsterdam", "Rotterdam", "Utrecht", "Den Haag"],
        kinds: &[
            "Bakkerij",
            "Apotheek",
            "Autobedrijf",
            "Tandartspraktijk",
            "Verzekeringen",
            "Transport",
            "Restaurant",
        ],
        surnames: &[
            "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        ],
        legal_suffix: "B.V.",
        family_first: false,
    },
    Country {
        code: "ES",
        lang: "es",
        calling: "34",
        ranges: &[("91", 7), ("93", 7), ("96", 7), ("95", 7)],
        cities: &["Madrid", "Barcelona", "Valencia", "Sevilla"],
        kinds: &[
            "Panadería",
            "Farmacia",
            "Talleres",
            "Clínica Dental",
            "Seguros",
            "Transportes",
            "Restaurante",
        ],
        surnames: &[
            "García",
            "Martínez",
            "López",
            "Sánchez",
            "Pérez",
            "Gómez",
            "Fernández",
            "Ruiz",
        ],
        legal_suffix: "S.L.",
        family_first: false,
    },
    Country {
        code: "FR",
        lang: "fr",
        calling: "33",
        ranges: &[("1", 8), ("4", 8)],
        cities: &["Paris", "Lyon", "Marseille"],
        kinds: &[
            "Boulangerie",
            "Pharmacie",
            "Garage",
            "Cabinet Dentaire",
            "Assurances",
            "Transports",
            "Restaurant",
        ],
        surnames: &[
            "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
        ],
        legal_suffix: "SARL",
        family_first: false,
    },
    Country {
        code: "DE",
        lang: "de",
        calling: "49",
        ranges: &[("30", 8), ("89", 8), ("40", 8)],
        cities: &["Berlin", "München", "Hamburg"],
        kinds: &[
            "Bäckerei",
            "Apotheke",
            "Autohaus",
            "Zahnarztpraxis",
            "Versicherungen",
            "Spedition",
            "Gasthaus",
        ],
        surnames: &[
            "Müller",
            "Schmidt",
            "Schneider",
            "Fischer",
            "Weber",
            "Meyer",
            "Wagner",
            "Becker",
        ],
        legal_suffix: "GmbH",
        family_first: false,
    },
    Country {
        code: "GB",
        lang: "en",
        calling: "44",
        ranges: &[("20", 8), ("161", 7), ("121", 7)],
        cities: &["London", "Manchester", "Birmingham"],
        kinds: &[
            "Bakery",
            "Pharmacy",
            "Motors",
            "Dental Practice",
            "Insurance",
            "Haulage",
            "Restaurant",
        ],
        surnames: &[
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
        ],
        legal_suffix: "Ltd",
        family_first: false,
    },
    Country {
        code: "US",
        lang: "en",
        calling: "1",
        ranges: &[("212", 7), ("415", 7), ("312", 7)],
        cities: &["New York", "San Francisco", "Chicago"],
        kinds: &[
            "Bakery",
            "Pharmacy",
            "Auto Repair",
            "Dental",
            "Insurance",
            "Trucking",
            "Diner",
        ],
        surnames: &[
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        ],
        legal_suffix: "Inc.",
        family_first: false,
    },
    Country {
        code: "IT",
        lang: "it",
        calling: "39",
        ranges: &[("06", 8), ("02", 8)],
        cities: &["Roma", "Milano"],
        kinds: &[
            "Panificio",
            "Farmacia",
            "Autofficina",
            "Studio Dentistico",
            "Assicurazioni",
            "Trasporti",
            "Trattoria",
        ],
        surnames: &[
            "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
        ],
        legal_suffix: "S.r.l.",
        family_first: false,
    },
    Country {
        code: "IN",
        lang: "en",
        calling: "91",
        ranges: &[("80", 8), ("22", 8)],
        cities: &["Bengaluru", "Mumbai"],
        kinds: &[
            "Bakery",
            "Pharmacy",
            "Motors",
            "Dental Clinic",
            "Insurance",
            "Logistics",
            "Restaurant",
        ],
        surnames: &[
            "Sharma", "Patel", "Reddy", "Iyer", "Gupta", "Singh", "Nair", "Rao",
        ],
        legal_suffix: "Pvt. Ltd.",
        family_first: false,
    },
    Country {
        code: "BR",
        lang: "pt",
        calling: "55",
        ranges: &[("11", 8), ("21", 8)],
        cities: &["São Paulo", "Rio de Janeiro"],
        kinds: &[
            "Padaria",
            "Farmácia",
            "Oficina",
            "Clínica Odontológica",
            "Seguros",
            "Transportadora",
            "Restaurante",
        ],
        surnames: &[
            "Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Costa", "Ferreira",
        ],
        legal_suffix: "Ltda.",
        family_first: false,
    },
    Country {
        code: "JP",
        lang: "ja",
        calling: "81",
        ranges: &[("3", 8), ("6", 8)],
        cities: &["東京", "大阪"],
        kinds: &[
            "ベーカリー",
            "薬局",
            "自動車整備",
            "歯科医院",
            "保険",
            "運送",
            "食堂",
        ],
        surnames: &[
            "田中", "佐藤", "鈴木", "高橋", "渡辺", "伊藤", "山本", "中村",
        ],
        legal_suffix: "株式会社",
        family_first: true,
    },
];

/// How many valid unlisted numbers go to `unlisted.txt`.
const UNLISTED: usize = 20_000;

/// Unlisted numbers are drawn from this far into each range, well past
/// what the listed ones use, so the two never meet.
const UNLISTED_OFFSET: u64 = 5_000_000;

/// SplitMix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Draws distinct valid numbers from each range: the k-th draw of a range
/// is `k * MIX mod 10^digits`, a bijection (MIX is coprime with 10), so
/// subscriber numbers look scattered but never repeat.
struct Numbers {
    next: Vec<Vec<u64>>,
}

const MIX: u64 = 7_654_321;

/// A range that yields no valid number in this many draws is a typo here.
const MAX_MISSES: u32 = 10_000;

impl Numbers {
    fn new(start: u64) -> Numbers {
        Numbers {
            next: COUNTRIES
                .iter()
                .map(|c| vec![start; c.ranges.len()])
                .collect(),
        }
    }

    fn draw(&mut self, country: usize, range: usize) -> String {
        let c = &COUNTRIES[country];
        let (prefix, digits) = c.ranges[range];
        let space = 10u64.pow(digits);
        for _ in 0..MAX_MISSES {
            let k = self.next[country][range];
            self.next[country][range] += 1;
            assert!(k < space, "range +{}{} is exhausted", c.calling, prefix);
            let subscriber = (k.wrapping_mul(MIX) + 1) % space;
            let e164 = format!(
                "+{}{}{:0width$}",
                c.calling,
                prefix,
                subscriber,
                width = digits as usize
            );
            if PhoneNumber::parse(&e164, None).is_ok_and(|n| n.as_str() == e164) {
                return e164;
            }
        }
        panic!(
            "no valid number in +{}{} after {MAX_MISSES} tries",
            c.calling, prefix
        );
    }
}

/// A business id: `b_` and a ULID whose time part grows with the line, so
/// ids sort in file order, as ids minted over time do.
fn business_id(i: u64, rng: &mut Rng) -> String {
    let random = (u128::from(rng.next()) << 16 | u128::from(rng.next() & 0xFFFF)) & ((1 << 80) - 1);
    let ulid = ulid::Ulid::from_parts(1_700_000_000_000 + i, random);
    format!("b_{ulid}")
}

fn profile(
    i: u64,
    rng: &mut Rng,
    numbers: &mut Numbers,
    verified: &mut impl Write,
) -> std::io::Result<Value> {
    let ci = rng.below(COUNTRIES.len());
    let c = &COUNTRIES[ci];
    let kind = rng.below(CATEGORIES.len());
    let surname = rng.pick(c.surnames);
    let city = rng.pick(c.cities);
    let local = if c.family_first {
        format!("{surname}{}", c.kinds[kind])
    } else {
        format!("{} {surname}", c.kinds[kind])
    };
    let legal = if c.family_first {
        format!("{}{local}", c.legal_suffix)
    } else {
        format!("{local} {}", c.legal_suffix)
    };
    let mut names = Map::new();
    names.insert(c.lang.into(), Value::String(local.clone()));
    if c.lang != "en" && rng.below(2) == 0 {
        names.insert(
            "en".into(),
            Value::String(format!("{surname} {}", ENGLISH[kind])),
        );
    }

    // 45% verified with level A numbers, 25% verified at level B, 30%
    // never reviewed (unproven claims).
    let roll = rng.below(100);
    let (status, level) = match roll {
        0..45 => ("verified", Some("A")),
        45..70 => ("verified", Some("B")),
        _ => ("registered", None),
    };
    let count = match rng.below(10) {
        0..6 => 1,
        6..9 => 2,
        _ => 3,
    };
    let mut listed = Vec::with_capacity(count);
    for _ in 0..count {
        let number = numbers.draw(ci, rng.below(c.ranges.len()));
        if level.is_some() {
            writeln!(verified, "{number}")?;
        }
        listed.push(match level {
            Some(l) => json!({ "number": number, "level": l }),
            None => json!({ "number": number }),
        });
    }

    let mut p = Map::new();
    p.insert("id".into(), Value::String(business_id(i, rng)));
    p.insert("legal_name".into(), Value::String(legal));
    p.insert("names".into(), Value::Object(names));
    p.insert("default_lang".into(), c.lang.into());
    p.insert("category".into(), CATEGORIES[kind].into());
    p.insert("country".into(), c.code.into());
    p.insert("city".into(), (*city).into());
    p.insert(
        "website".into(),
        format!("https://www.b{i:07}.example").into(),
    );
    if rng.below(2) == 0 {
        p.insert(
            "description".into(),
            json!({ c.lang: format!("{local}, {city}."), "en": format!("{} in {city}.", ENGLISH[kind]) }),
        );
    }
    if rng.below(2) == 0 {
        p.insert(
            "logo_url".into(),
            format!("https://logos.b{i:07}.example/logo.png").into(),
        );
    }
    p.insert("status".into(), status.into());
    p.insert("numbers".into(), Value::Array(listed));
    if rng.below(10) < 3 {
        p.insert(
            "commands".into(),
            json!([{ "keyword": "hours", "reply": "Mon-Fri 9:00-18:00" }]),
        );
    }
    Ok(Value::Object(p))
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(count), Some(dir)) = (args.next(), args.next()) else {
        eprintln!("usage: gen N OUT_DIR");
        std::process::exit(2);
    };
    let Ok(count) = count.parse::<u64>() else {
        eprintln!("N must be a whole number");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    fs::create_dir_all(&dir)?;
    bizseal::phone::warm_up();

    let mut rng = Rng(0x5EED_0B12_5EA1);
    let mut numbers = Numbers::new(0);
    let mut out = BufWriter::new(File::create(dir.join("businesses.jsonl"))?);
    let mut verified = BufWriter::new(File::create(dir.join("verified.txt"))?);
    for i in 0..count {
        let p = profile(i, &mut rng, &mut numbers, &mut verified)?;
        serde_json::to_writer(&mut out, &p)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    verified.flush()?;

    let mut unlisted = BufWriter::new(File::create(dir.join("unlisted.txt"))?);
    let mut far = Numbers::new(UNLISTED_OFFSET);
    for _ in 0..UNLISTED {
        let ci = rng.below(COUNTRIES.len());
        let ri = rng.below(COUNTRIES[ci].ranges.len());
        writeln!(unlisted, "{}", far.draw(ci, ri))?;
    }
    unlisted.flush()?;
    eprintln!("gen: {count} businesses in {}", dir.display());
    Ok(())
}
