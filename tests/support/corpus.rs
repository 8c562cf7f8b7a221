//! A deterministic directory of generated businesses and the queries
//! people type to find some of them, shared by the relevance test
//! (`tests/relevance.rs`) and the search benchmark (`benches/search.rs`).
//!
//! Business `i` is a pure function of `i`: the first [`ANCHORS`] are
//! real-looking targets in 14 languages (`anchor`), every later one a filler
//! built from per-language vocabularies, with common surnames, category
//! words and cities that the targets share, and near-miss spellings of the
//! targets' names, so that a query has look-alikes to beat. Nothing is read
//! from the network or from files.

#![allow(dead_code)] // each including crate uses a different part

use std::collections::BTreeMap;

use bizseal::model::{Business, BusinessId, BusinessStatus};

/// What a query exercises, for per-kind hit rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Typed as written, maybe in another case.
    Plain,
    /// Typed without accents or special letters.
    Accent,
    /// With a spelling mistake.
    Typo,
    /// Not finished yet (search as you type).
    Prefix,
    /// The name in another language than the business's own.
    OtherLanguage,
    /// Part of a phone number, spaced as people do.
    Number,
    /// Chinese or Japanese, whole or in part.
    Cjk,
}

/// A query and the business it must find.
#[derive(Debug, Clone)]
pub struct Case {
    pub query: &'static str,
    /// Index of the target among the anchors.
    pub target: usize,
    pub kind: Kind,
}

struct Anchor {
    names: &'static [(&'static str, &'static str)],
    legal: &'static str,
    category: &'static str,
    country: &'static str,
    city: &'static str,
    description: &'static [(&'static str, &'static str)],
    numbers: &'static [&'static str],
    verified: bool,
}

const fn a(
    names: &'static [(&'static str, &'static str)],
    legal: &'static str,
    category: &'static str,
    country: &'static str,
    city: &'static str,
    description: &'static [(&'static str, &'static str)],
    numbers: &'static [&'static str],
) -> Anchor {
    Anchor {
        names,
        legal,
        category,
        country,
        city,
        description,
        numbers,
        verified: true,
    }
}

#[rustfmt::skip]
static ANCHOR_LIST: &[Anchor] = &[
    a(&[("es", "Telefónica"), ("en", "Telefónica")], "Telefónica, S.A.", "telecom", "ES", "Madrid", &[("es", "Operador de telecomunicaciones. Atención al cliente 24 horas.")], &["+34915820317", "+34900110426"]),
    a(&[("es", "Banco Santander"), ("en", "Santander Bank")], "Banco Santander, S.A.", "bank", "ES", "Madrid", &[("es", "Banca minorista y de empresas.")], &["+34913427110"]),
    a(&[("fr", "Société Générale"), ("en", "Societe Generale")], "Société Générale S.A.", "bank", "FR", "Paris", &[("fr", "Banque de détail et d'investissement.")], &["+33142142000"]),
    a(&[("de", "Müller Logistik"), ("en", "Müller Logistics")], "Müller Logistik GmbH", "logistics", "DE", "Hamburg", &[("de", "Speditions- und Lagerdienstleister für Norddeutschland.")], &["+494038614720"]),
    a(&[("nl", "KLM Koninklijke Luchtvaart Maatschappij"), ("en", "KLM Royal Dutch Airlines"), ("es", "KLM Reales Líneas Aéreas Neerlandesas")], "Koninklijke Luchtvaart Maatschappij N.V.", "airline", "NL", "Amstelveen", &[("en", "Customer service 24/7 in 10 languages."), ("es", "Atención al cliente en 10 idiomas.")], &["+31206499123"]),
    a(&[("ja", "ヤマト運輸"), ("en", "Yamato Transport")], "ヤマト運輸株式会社", "logistics", "JP", "東京", &[("ja", "宅配便サービス。")], &["+81362784150"]),
    a(&[("zh", "京华保险"), ("en", "Jinghua Insurance")], "京华保险股份有限公司", "insurance", "CN", "北京", &[("zh", "提供人寿与财产保险服务。")], &["+861065528130"]),
    a(&[("de", "Deutsche Bahn"), ("en", "German Rail")], "Deutsche Bahn AG", "travel", "DE", "Berlin", &[("de", "Kundenservice für Bahnreisen in Deutschland.")], &["+493029700"]),
    a(&[("fr", "Crédit Agricole")], "Crédit Agricole S.A.", "bank", "FR", "Montrouge", &[("fr", "Banque coopérative et mutualiste.")], &["+33143235202"]),
    a(&[("de", "Lufthansa"), ("en", "Lufthansa German Airlines")], "Deutsche Lufthansa AG", "airline", "DE", "Köln", &[("de", "Kundenservice rund um die Uhr.")], &["+4969867997"]),
    a(&[("es", "Iberia"), ("en", "Iberia Airlines")], "Iberia Líneas Aéreas de España, S.A.", "airline", "ES", "Madrid", &[("es", "Aerolínea de bandera de España.")], &["+34915878787"]),
    a(&[("es", "Correos")], "Sociedad Estatal Correos y Telégrafos, S.A.", "logistics", "ES", "Madrid", &[("es", "Servicio postal y paquetería.")], &["+34915197197"]),
    a(&[("it", "Poste Italiane")], "Poste Italiane S.p.A.", "logistics", "IT", "Roma", &[("it", "Servizi postali, finanziari e assicurativi.")], &["+390659581"]),
    a(&[("it", "Trenitalia")], "Trenitalia S.p.A.", "travel", "IT", "Roma", &[("it", "Trasporto ferroviario passeggeri.")], &["+390668475475"]),
    a(&[("pt", "Banco do Brasil")], "Banco do Brasil S.A.", "bank", "BR", "Brasília", &[("pt", "Banco público brasileiro.")], &["+556134939002"]),
    a(&[("pt", "Caixa Geral de Depósitos")], "Caixa Geral de Depósitos, S.A.", "bank", "PT", "Lisboa", &[("pt", "Banco público português.")], &["+351217905000"]),
    a(&[("pl", "PKO Bank Polski")], "Powszechna Kasa Oszczędności Bank Polski S.A.", "bank", "PL", "Warszawa", &[("pl", "Największy bank w Polsce.")], &["+48225219999"]),
    a(&[("pl", "Poczta Polska")], "Poczta Polska S.A.", "logistics", "PL", "Warszawa", &[("pl", "Usługi pocztowe i kurierskie.")], &["+48438420600"]),
    a(&[("tr", "Türk Telekom")], "Türk Telekomünikasyon A.Ş.", "telecom", "TR", "Ankara", &[("tr", "Sabit hat, mobil ve internet hizmetleri.")], &["+903124440444"]),
    a(&[("tr", "Türkiye İş Bankası"), ("en", "Isbank")], "Türkiye İş Bankası A.Ş.", "bank", "TR", "İstanbul", &[("tr", "Türkiye'nin ilk ulusal bankası.")], &["+902123160000"]),
    a(&[("nl", "Albert Heijn")], "Albert Heijn B.V.", "retail", "NL", "Zaandam", &[("nl", "Supermarkt met bezorging aan huis.")], &["+31756599111"]),
    a(&[("nl", "ING Bank")], "ING Bank N.V.", "bank", "NL", "Amsterdam", &[("nl", "Bankieren voor particulieren en bedrijven.")], &["+31205763000"]),
    a(&[("ja", "日本郵便"), ("en", "Japan Post")], "日本郵便株式会社", "logistics", "JP", "東京", &[("ja", "郵便と物流のサービス。")], &["+81335042111"]),
    a(&[("ja", "東京電力"), ("en", "Tokyo Electric Power")], "東京電力ホールディングス株式会社", "utility", "JP", "東京", &[("ja", "電気の供給。")], &["+81362730111"]),
    a(&[("zh", "中国银行"), ("en", "Bank of China")], "中国银行股份有限公司", "bank", "CN", "北京", &[("zh", "国有商业银行。")], &["+861066596688"]),
    a(&[("zh", "顺丰速运"), ("en", "SF Express")], "顺丰速运有限公司", "logistics", "CN", "深圳", &[("zh", "快递与物流服务。")], &["+8675595338"]),
    a(&[("ar", "طيران الإمارات"), ("en", "Emirates")], "Emirates Airline", "airline", "AE", "دبي", &[("ar", "شركة طيران مقرها دبي.")], &["+97142144444"]),
    a(&[("ar", "اتصالات"), ("en", "Etisalat")], "Emirates Telecommunications Group", "telecom", "AE", "أبوظبي", &[("ar", "خدمات الاتصالات والإنترنت.")], &["+97126283333"]),
    a(&[("hi", "भारतीय स्टेट बैंक"), ("en", "State Bank of India")], "State Bank of India", "bank", "IN", "मुंबई", &[("hi", "भारत का सबसे बड़ा बैंक।")], &["+912222740841"]),
    a(&[("hi", "एयर इंडिया"), ("en", "Air India")], "Air India Ltd.", "airline", "IN", "नई दिल्ली", &[("hi", "भारत की राष्ट्रीय विमान सेवा।")], &["+911124622220"]),
    a(&[("fr", "Électricité de France"), ("en", "EDF")], "Électricité de France SA", "utility", "FR", "Paris", &[("fr", "Fournisseur d'électricité.")], &["+33140422222"]),
    a(&[("fr", "Bouygues Telecom")], "Bouygues Telecom SA", "telecom", "FR", "Meudon", &[("fr", "Opérateur mobile et internet.")], &["+33139267000"]),
    a(&[("en", "British Gas")], "British Gas Services Limited", "utility", "GB", "Windsor", &[("en", "Gas and electricity supplier and boiler repairs.")], &["+443332029802"]),
    a(&[("en", "Royal Mail")], "Royal Mail Group Limited", "logistics", "GB", "London", &[("en", "Letters and parcels across the UK.")], &["+443457740740"]),
    a(&[("de", "Schweizerische Bundesbahnen SBB"), ("fr", "Chemins de fer fédéraux CFF"), ("it", "Ferrovie federali svizzere FFS")], "Schweizerische Bundesbahnen SBB AG", "travel", "CH", "Bern", &[("de", "Bahnreisen in der Schweiz.")], &["+41848446688"]),
    a(&[("es", "Vodafone España")], "Vodafone España, S.A.U.", "telecom", "ES", "Madrid", &[("es", "Telefonía móvil y fibra.")], &["+34607123000"]),
    a(&[("es", "Mercadona")], "Mercadona, S.A.", "retail", "ES", "Valencia", &[("es", "Cadena de supermercados.")], &["+34963883333"]),
    a(&[("de", "Zürich Versicherung")], "Zürich Versicherungs-Gesellschaft AG", "insurance", "CH", "Zürich", &[("de", "Versicherungen für Privat- und Firmenkunden.")], &["+41446282828"]),
    a(&[("cs", "Škoda Auto")], "Škoda Auto a.s.", "retail", "CZ", "Mladá Boleslav", &[("cs", "Výrobce automobilů.")], &["+420326811111"]),
    a(&[("sv", "Ålandsbanken")], "Ålandsbanken Abp", "bank", "FI", "Mariehamn", &[("sv", "Bank på Åland och i Sverige.")], &["+358204291011"]),
];

/// How many of the first businesses are anchors (query targets).
pub const ANCHORS: usize = 40;

/// The queries, written from what people type to find the anchors.
#[rustfmt::skip]
pub static CASES: &[Case] = &[
    c("telefonica", 0, Kind::Accent),
    c("Telefónica", 0, Kind::Plain),
    c("telefonica atencion al cliente", 0, Kind::Accent),
    c("telefnica", 0, Kind::Typo),
    c("telef", 0, Kind::Prefix),
    c("santander", 1, Kind::Plain),
    c("banco santander madrid", 1, Kind::Plain),
    c("santnder", 1, Kind::Typo),
    c("santander bank", 1, Kind::OtherLanguage),
    c("societe generale", 2, Kind::Accent),
    c("societe generalle", 2, Kind::Typo),
    c("muller logistik", 3, Kind::Accent),
    c("mueller logistik", 3, Kind::Typo),
    c("müller logistics", 3, Kind::OtherLanguage),
    c("klm", 4, Kind::Plain),
    c("klm atencion cliente", 4, Kind::Accent),
    c("royal dutch airlines", 4, Kind::OtherLanguage),
    c("ヤマト運輸", 5, Kind::Cjk),
    c("ヤマト", 5, Kind::Cjk),
    c("yamato transport", 5, Kind::OtherLanguage),
    c("京华保险", 6, Kind::Cjk),
    c("京华", 6, Kind::Cjk),
    c("jinghua insurance", 6, Kind::OtherLanguage),
    c("deutche bahn", 7, Kind::Typo),
    c("deutsche bahn kundenservice", 7, Kind::Plain),
    c("credit agricole", 8, Kind::Accent),
    c("credit agricol", 8, Kind::Prefix),
    c("luftansa", 9, Kind::Typo),
    c("luftha", 9, Kind::Prefix),
    c("iberia lineas aereas", 10, Kind::Accent),
    c("correos y telegrafos", 11, Kind::Accent),
    c("poste italiane", 12, Kind::Plain),
    c("trenitalia", 13, Kind::Plain),
    c("trenitlia", 13, Kind::Typo),
    c("banco do brasil", 14, Kind::Plain),
    c("caixa geral depositos", 15, Kind::Accent),
    c("pko bank polski", 16, Kind::Plain),
    c("poczta polska", 17, Kind::Plain),
    c("turk telekom", 18, Kind::Accent),
    c("is bankasi", 19, Kind::Accent),
    c("isbank", 19, Kind::OtherLanguage),
    c("albert hein", 20, Kind::Typo),
    c("ing bank", 21, Kind::Plain),
    c("日本郵便", 22, Kind::Cjk),
    c("郵便", 22, Kind::Cjk),
    c("japan post", 22, Kind::OtherLanguage),
    c("東京電力", 23, Kind::Cjk),
    c("中国银行", 24, Kind::Cjk),
    c("bank of china", 24, Kind::OtherLanguage),
    c("顺丰", 25, Kind::Cjk),
    c("طيران الإمارات", 26, Kind::Plain),
    c("emirates", 26, Kind::OtherLanguage),
    c("اتصالات", 27, Kind::Plain),
    c("भारतीय स्टेट बैंक", 28, Kind::Plain),
    c("state bank of india", 28, Kind::OtherLanguage),
    c("air india", 29, Kind::OtherLanguage),
    c("electricite de france", 30, Kind::Accent),
    c("bouyges telecom", 31, Kind::Typo),
    c("bouyg", 31, Kind::Prefix),
    c("british gas", 32, Kind::Plain),
    c("royal mail", 33, Kind::Plain),
    c("chemins de fer federaux", 34, Kind::OtherLanguage),
    c("sbb", 34, Kind::Plain),
    c("vodafone espana", 35, Kind::Accent),
    c("mercadona", 36, Kind::Plain),
    c("merca", 36, Kind::Prefix),
    c("zurich versicherung", 37, Kind::Accent),
    c("skoda auto", 38, Kind::Accent),
    c("alandsbanken", 39, Kind::Accent),
    c("915 820 317", 0, Kind::Number),
    c("+34 91 342 71 10", 1, Kind::Number),
    c("020 649 9123", 4, Kind::Number),
    c("6499123", 4, Kind::Number),
    c("040 386 147 20", 3, Kind::Number),
    c("607 123 000", 35, Kind::Number),
];

const fn c(query: &'static str, target: usize, kind: Kind) -> Case {
    Case {
        query,
        target,
        kind,
    }
}

/// The business at position `i` of the directory.
pub fn business(i: usize) -> Business {
    if i < ANCHORS {
        anchor(i)
    } else {
        filler(i)
    }
}

/// The id of business `i`: a valid, deterministic ULID-shaped id.
pub fn id(i: usize) -> BusinessId {
    const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    // A fixed timestamp-like high part keeps the first character below 8,
    // as a ULID requires.
    let v: u128 = (0x0191_0000_0000_u128 << 80) | i as u128;
    let s: String = (0..26)
        .map(|k| CROCKFORD[((v >> (5 * (25 - k))) & 31) as usize] as char)
        .collect();
    BusinessId::parse(&format!("b_{s}")).expect("generated ids are valid")
}

fn anchor(i: usize) -> Business {
    let a = &ANCHOR_LIST[i];
    let map = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    Business {
        id: id(i),
        legal_name: a.legal.to_owned(),
        names: map(a.names),
        default_lang: a.names[0].0.to_owned(),
        category: a.category.to_owned(),
        country: a.country.to_owned(),
        city: a.city.to_owned(),
        website: None,
        description: map(a.description),
        logo_url: None,
        logo: Default::default(),
        status: if a.verified {
            BusinessStatus::Verified
        } else {
            BusinessStatus::Registered
        },
        numbers: a.numbers.iter().map(|n| (*n).to_owned()).collect(),
        commands: Vec::new(),
        created_at: 0,
        updated_at: 0,
    }
}

/// One language's vocabulary for fillers.
struct Lang {
    tag: &'static str,
    country: &'static str,
    calling_code: &'static str,
    /// Syllables that make brand-like words.
    syllables: &'static [&'static str],
    /// Common surnames, used as brands too.
    surnames: &'static [&'static str],
    /// (category, word in this language).
    categories: &'static [(&'static str, &'static str)],
    cities: &'static [&'static str],
    legal: &'static [&'static str],
    /// A description template: `{c}` is the category word, `{t}` the city.
    description: &'static str,
    /// Written without spaces: brand + category word are joined.
    joined: bool,
}

#[rustfmt::skip]
static CATEGORY_EN: &[(&str, &str)] = &[
    ("bank", "Bank"),
    ("insurance", "Insurance"),
    ("telecom", "Telecom"),
    ("logistics", "Logistics"),
    ("airline", "Airways"),
    ("travel", "Travel"),
    ("retail", "Store"),
    ("utility", "Energy"),
    ("restaurant", "Restaurant"),
    ("healthcare", "Clinic"),
];

#[rustfmt::skip]
static LANGS: &[Lang] = &[
    Lang { tag: "es", country: "ES", calling_code: "34", joined: false,
        syllables: &["ra", "mon", "tel", "ca", "ban", "lo", "vi", "sa", "ter", "mar", "san", "ta", "co", "rio"],
        surnames: &["García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Santana", "Santos"],
        categories: &[("bank", "Banco"), ("insurance", "Seguros"), ("telecom", "Telefonía"), ("logistics", "Transportes"), ("airline", "Líneas Aéreas"), ("travel", "Viajes"), ("retail", "Supermercados"), ("utility", "Energía"), ("restaurant", "Restaurante"), ("healthcare", "Clínica")],
        cities: &["Madrid", "Barcelona", "Valencia", "Sevilla", "Santander", "Bilbao", "Málaga", "Zaragoza"], legal: &["S.A.", "S.L."],
        description: "{c} en {t}. Atención al cliente de lunes a viernes."
    },
    Lang { tag: "fr", country: "FR", calling_code: "33", joined: false,
        syllables: &["ge", "ne", "ral", "bou", "lan", "cre", "di", "vau", "mor", "che", "ri", "eau"],
        surnames: &["Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent", "Générale"],
        categories: &[("bank", "Banque"), ("insurance", "Assurances"), ("telecom", "Télécom"), ("logistics", "Transports"), ("airline", "Compagnie Aérienne"), ("travel", "Voyages"), ("retail", "Magasins"), ("utility", "Électricité"), ("restaurant", "Brasserie"), ("healthcare", "Clinique")],
        cities: &["Paris", "Lyon", "Marseille", "Toulouse", "Nice", "Lille", "Bordeaux", "Nantes"], legal: &["SA", "SARL", "SAS"],
        description: "{c} à {t}. Service client du lundi au samedi."
    },
    Lang { tag: "de", country: "DE", calling_code: "49", joined: false,
        syllables: &["berg", "hof", "lin", "mül", "stein", "wald", "ha", "ner", "bach", "kirch"],
        surnames: &["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Möller"],
        categories: &[("bank", "Bank"), ("insurance", "Versicherung"), ("telecom", "Telekom"), ("logistics", "Logistik"), ("airline", "Fluglinie"), ("travel", "Reisen"), ("retail", "Markt"), ("utility", "Stadtwerke"), ("restaurant", "Gasthaus"), ("healthcare", "Praxis")],
        cities: &["Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart", "Bremen", "Leipzig"], legal: &["GmbH", "AG", "KG"],
        description: "{c} in {t}. Kundenservice Montag bis Freitag."
    },
    Lang { tag: "nl", country: "NL", calling_code: "31", joined: false,
        syllables: &["van", "dijk", "hein", "berg", "kl", "zorg", "pol", "der", "hout", "al"],
        surnames: &["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Heijnen"],
        categories: &[("bank", "Bank"), ("insurance", "Verzekeringen"), ("telecom", "Telecom"), ("logistics", "Transport"), ("airline", "Luchtvaart"), ("travel", "Reizen"), ("retail", "Supermarkt"), ("utility", "Energie"), ("restaurant", "Eetcafé"), ("healthcare", "Huisartsen")],
        cities: &["Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Haarlem", "Zaandam"], legal: &["B.V.", "N.V.", "V.O.F."],
        description: "{c} in {t}. Klantenservice op werkdagen."
    },
    Lang { tag: "it", country: "IT", calling_code: "39", joined: false,
        syllables: &["tre", "ni", "ta", "lia", "po", "ste", "ro", "ma", "gi", "no", "vel"],
        surnames: &["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Italiani"],
        categories: &[("bank", "Banca"), ("insurance", "Assicurazioni"), ("telecom", "Telecomunicazioni"), ("logistics", "Trasporti"), ("airline", "Linee Aeree"), ("travel", "Viaggi"), ("retail", "Supermercato"), ("utility", "Energia"), ("restaurant", "Trattoria"), ("healthcare", "Clinica")],
        cities: &["Roma", "Milano", "Napoli", "Torino", "Firenze", "Bologna", "Venezia"], legal: &["S.p.A.", "S.r.l."],
        description: "{c} a {t}. Assistenza clienti dal lunedì al venerdì."
    },
    Lang { tag: "pt", country: "BR", calling_code: "55", joined: false,
        syllables: &["bra", "sil", "cai", "xa", "ge", "ral", "ita", "u", "bra", "des", "co"],
        surnames: &["Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Ferreira", "Brasileiro"],
        categories: &[("bank", "Banco"), ("insurance", "Seguros"), ("telecom", "Telecomunicações"), ("logistics", "Transportes"), ("airline", "Linhas Aéreas"), ("travel", "Viagens"), ("retail", "Mercado"), ("utility", "Energia"), ("restaurant", "Churrascaria"), ("healthcare", "Clínica")],
        cities: &["São Paulo", "Rio de Janeiro", "Brasília", "Salvador", "Curitiba", "Recife"], legal: &["Ltda.", "S.A."],
        description: "{c} em {t}. Atendimento ao cliente de segunda a sexta."
    },
    Lang { tag: "pl", country: "PL", calling_code: "48", joined: false,
        syllables: &["pol", "ska", "ko", "war", "wi", "sła", "kra", "po", "czta", "bud"],
        surnames: &["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Polski"],
        categories: &[("bank", "Bank"), ("insurance", "Ubezpieczenia"), ("telecom", "Telekomunikacja"), ("logistics", "Przewozy"), ("airline", "Linie Lotnicze"), ("travel", "Podróże"), ("retail", "Sklep"), ("utility", "Energetyka"), ("restaurant", "Restauracja"), ("healthcare", "Przychodnia")],
        cities: &["Warszawa", "Kraków", "Łódź", "Wrocław", "Poznań", "Gdańsk"], legal: &["Sp. z o.o.", "S.A."],
        description: "{c} w mieście {t}. Obsługa klienta od poniedziałku do piątku."
    },
    Lang { tag: "tr", country: "TR", calling_code: "90", joined: false,
        syllables: &["ka", "ra", "de", "niz", "türk", "ay", "yıl", "dız", "ba", "şak"],
        surnames: &["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Türkmen"],
        categories: &[("bank", "Bankası"), ("insurance", "Sigorta"), ("telecom", "İletişim"), ("logistics", "Kargo"), ("airline", "Hava Yolları"), ("travel", "Turizm"), ("retail", "Market"), ("utility", "Enerji"), ("restaurant", "Lokantası"), ("healthcare", "Kliniği")],
        cities: &["İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Konya"], legal: &["A.Ş.", "Ltd. Şti."],
        description: "{t} {c}. Müşteri hizmetleri hafta içi açık."
    },
    Lang { tag: "ja", country: "JP", calling_code: "81", joined: true,
        syllables: &["ヤマ", "サク", "タカ", "ミツ", "日本", "東京", "大和", "富士", "郵", "北"],
        surnames: &["山田", "佐藤", "鈴木", "高橋", "田中", "ヤマモト"],
        categories: &[("bank", "銀行"), ("insurance", "保険"), ("telecom", "通信"), ("logistics", "運輸"), ("airline", "航空"), ("travel", "旅行"), ("retail", "商店"), ("utility", "電力"), ("restaurant", "食堂"), ("healthcare", "病院")],
        cities: &["東京", "大阪", "名古屋", "札幌", "福岡", "仙台"], legal: &["株式会社"],
        description: "{t}の{c}です。"
    },
    Lang { tag: "zh", country: "CN", calling_code: "86", joined: true,
        syllables: &["京", "中", "国", "顺", "星", "辰", "东", "方", "安", "和"],
        surnames: &["王", "李", "张", "刘", "陈", "京东"],
        categories: &[("bank", "银行"), ("insurance", "保险"), ("telecom", "通信"), ("logistics", "物流"), ("airline", "航空"), ("travel", "旅行社"), ("retail", "商城"), ("utility", "电力"), ("restaurant", "饭店"), ("healthcare", "医院")],
        cities: &["北京", "上海", "广州", "深圳", "杭州", "成都"], legal: &["有限公司"],
        description: "位于{t}的{c}。"
    },
    Lang { tag: "ar", country: "AE", calling_code: "971", joined: false,
        syllables: &["ال", "نور", "خليج", "واحة", "صقر", "نخيل"],
        surnames: &["الإمارات", "المنصوري", "الهاشمي", "العلي"],
        categories: &[("bank", "مصرف"), ("insurance", "تأمين"), ("telecom", "اتصالات"), ("logistics", "شحن"), ("airline", "طيران"), ("travel", "سياحة"), ("retail", "متجر"), ("utility", "طاقة"), ("restaurant", "مطعم"), ("healthcare", "عيادة")],
        cities: &["دبي", "أبوظبي", "الشارقة", "العين"], legal: &["ش.ذ.م.م"],
        description: "{c} في {t}."
    },
    Lang { tag: "hi", country: "IN", calling_code: "91", joined: false,
        syllables: &["भा", "रत", "इंडि", "या", "स्टे", "ट", "शक्ति"],
        surnames: &["शर्मा", "वर्मा", "भारतीय", "गुप्ता"],
        categories: &[("bank", "बैंक"), ("insurance", "बीमा"), ("telecom", "टेलीकॉम"), ("logistics", "लॉजिस्टिक्स"), ("airline", "एयरलाइंस"), ("travel", "यात्रा"), ("retail", "स्टोर"), ("utility", "बिजली"), ("restaurant", "भोजनालय"), ("healthcare", "अस्पताल")],
        cities: &["मुंबई", "दिल्ली", "बेंगलुरु", "चेन्नई", "कोलकाता"], legal: &["प्राइवेट लिमिटेड"],
        description: "{t} में {c}।"
    },
    Lang { tag: "en", country: "GB", calling_code: "44", joined: false,
        syllables: &["north", "gate", "bri", "tish", "roy", "al", "mail", "ford", "ton", "wick"],
        surnames: &["Smith", "Jones", "Taylor", "Brown", "Williams", "Royal", "British"],
        categories: CATEGORY_EN,
        cities: &["London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Bristol"], legal: &["Ltd", "PLC"],
        description: "{c} in {t}. Customer service Monday to Friday."
    },
];

/// Near-miss spellings of anchor names, to make typo and prefix queries
/// compete with look-alikes.
#[rustfmt::skip]
static LOOKALIKES: &[&str] = &[
    "Telefonix",
    "Telefonía Rural",
    "Santandreu",
    "Santa Andrea",
    "Generali Société",
    "Müllner Logistik",
    "KLM Taxi",
    "Yamaha Transport",
    "Lufthaven",
    "Iberica Viajes",
    "Correas Express",
    "Poste Italia Shop",
    "Trenitalo",
    "Banco do Brasilia",
    "PKO Leasing",
    "Poczta Lokalna",
    "Türk Telekomünikasyon Bayi",
    "Albert Hejn",
    "ING Verzekeringen",
    "Bouygues Immobilier",
    "British Gasworks",
    "Royal Maille",
    "Mercadonia",
    "Zürich Reisen",
    "Skoda Service Berlin",
    "Alandia",
    "Credit Agricola",
    "Deutsche Bahnhof Café",
    "Vodafone Shop Madrid",
    "Emirates Travel Agency",
    "India Air Cargo",
    "Bank of Chinatown",
];

/// How many fillers carry each look-alike name.
const LOOKALIKE_COPIES: usize = 3;

/// A filler: a plausible business from one of the languages' vocabularies.
fn filler(i: usize) -> Business {
    let mut r = Rng::new(i as u64);
    let lang = &LANGS[r.below(LANGS.len())];
    let (category, category_word) = lang.categories[r.below(lang.categories.len())];
    let city = lang.cities[r.below(lang.cities.len())];
    // Each look-alike appears a few times whatever the size of the
    // directory, as near-namesakes do; scaling them with the directory
    // would invent hundreds of "KLM Taxi".
    let lookalike = i - ANCHORS;
    let brand = if lookalike < LOOKALIKES.len() * LOOKALIKE_COPIES {
        LOOKALIKES[lookalike % LOOKALIKES.len()].to_owned()
    } else if r.below(100) < 35 {
        lang.surnames[r.below(lang.surnames.len())].to_owned()
    } else {
        brand_word(&mut r, lang)
    };
    let mut name = match (lang.joined, r.below(3)) {
        (true, _) => format!("{brand}{category_word}"),
        (false, 0) => format!("{category_word} {brand}"),
        (false, 1) => format!("{brand} {category_word} {city}"),
        (false, _) => format!("{brand} {category_word}"),
    };
    // A filler never takes a target's exact name (a second "Müller
    // Logistik" would make the query's right answer a coin toss); it is
    // told apart by its city, as such namesakes are.
    if ANCHOR_LIST
        .iter()
        .any(|a| a.names.iter().any(|(_, n)| *n == name))
    {
        name = format!("{name} {city}");
    }
    let legal_suffix = lang.legal[r.below(lang.legal.len())];
    let legal_name = if lang.joined {
        format!("{legal_suffix}{name}")
    } else {
        format!("{name} {legal_suffix}")
    };
    let mut names = BTreeMap::from([(lang.tag.to_owned(), name)]);
    if lang.tag != "en" && r.below(100) < 40 {
        let en_word = CATEGORY_EN
            .iter()
            .find(|(c, _)| *c == category)
            .map_or("Services", |(_, w)| w);
        let latin_brand = if lang.joined || !brand.is_ascii() {
            brand_word(&mut r, &LANGS[LANGS.len() - 1])
        } else {
            brand.clone()
        };
        names.insert("en".to_owned(), format!("{latin_brand} {en_word}"));
    }
    let description = lang
        .description
        .replace("{c}", category_word)
        .replace("{t}", city);
    let numbers = (0..1 + r.below(2))
        .map(|_| {
            let national: String = (0..9)
                .map(|k| char::from(b'0' + if k == 0 { 1 + r.below(9) } else { r.below(10) } as u8))
                .collect();
            format!("+{}{national}", lang.calling_code)
        })
        .collect();
    Business {
        id: id(i),
        legal_name,
        names,
        default_lang: lang.tag.to_owned(),
        category: category.to_owned(),
        country: lang.country.to_owned(),
        city: city.to_owned(),
        website: None,
        description: BTreeMap::from([(lang.tag.to_owned(), description)]),
        logo_url: None,
        logo: Default::default(),
        status: if r.below(100) < 30 {
            BusinessStatus::Verified
        } else {
            BusinessStatus::Registered
        },
        numbers,
        commands: Vec::new(),
        created_at: 0,
        updated_at: 0,
    }
}

fn brand_word(r: &mut Rng, lang: &Lang) -> String {
    let parts = 2 + r.below(2);
    let word: String = (0..parts)
        .map(|_| lang.syllables[r.below(lang.syllables.len())])
        .collect();
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => word,
    }
}

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }

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
}

/// Queries like people type them for fillers (a brand, a brand with a
/// typo, an unfinished brand, a number fragment), for latency runs.
pub fn filler_queries(total: usize, count: usize) -> Vec<String> {
    let mut r = Rng::new(0xB12_5EA1);
    let fillers = total.saturating_sub(ANCHORS).max(1);
    (0..count)
        .map(|k| {
            let b = business(ANCHORS + r.below(fillers));
            let name = b.names.get(&b.default_lang).cloned().unwrap_or_default();
            match k % 4 {
                0 => name,
                1 => typo(&name, &mut r),
                2 => name.chars().take(5).collect(),
                _ => {
                    let digits = b.numbers[0].trim_start_matches('+');
                    let start = digits.len().saturating_sub(7);
                    format!("{} {}", &digits[start..start + 3], &digits[start + 3..])
                }
            }
        })
        .collect()
}

/// Swaps two neighbouring letters of the longest word.
fn typo(text: &str, r: &mut Rng) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let longest = words
        .iter()
        .copied()
        .max_by_key(|w| w.chars().count())
        .unwrap_or("");
    let mut chars: Vec<char> = longest.chars().collect();
    if chars.len() > 3 {
        let at = 1 + r.below(chars.len() - 2);
        chars.swap(at, at - 1);
    }
    let changed: String = chars.into_iter().collect();
    words
        .iter()
        .map(|w| if *w == longest { changed.as_str() } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}
