//! Impersonation attempts against the verified demo businesses, and
//! ordinary names that must pass: the figures issue 20 asks for. A name is
//! *refused* when registration rejects it (invisible or direction-changing
//! characters), *flagged* when the review queue would warn about it
//! (look-alike, contained brand, mixed scripts).

use serde_json::json;

use crate::helpers::*;
use crate::search::corpus;

/// (attempt, what it tries).
const ATTEMPTS: &[(&str, &str)] = &[
    ("\u{041A}L\u{041C}", "Cyrillic homoglyphs"),
    ("\u{039A}L\u{039C}", "Greek homoglyphs"),
    ("\u{FF2B}\u{FF2C}\u{FF2D}", "fullwidth"),
    ("K L M", "spacing"),
    ("K.L.M.", "dots"),
    ("K\u{200B}LM", "zero-width space"),
    ("K\u{0336}LM", "combining overlay"),
    ("KLM Customer Service", "containment"),
    ("KLM Airlines Support", "containment"),
    ("KLM-Service", "containment"),
    ("Klm Helpdesk", "containment, case"),
    ("\u{041A}LM Travel", "Cyrillic in a contained brand"),
    ("KLM Royal Dutch Airlnes", "typo-squat"),
    ("KLM Royal Dutch Airline", "typo-squat"),
    (
        "Koninklijke Luchtvaart Maatschapij",
        "typo-squat of the legal name",
    ),
    (
        "Koninklijke Luchtvaart Maatschappij Service",
        "acronym of a contained legal name",
    ),
    ("\u{202E}acin\u{F3}feleT", "right-to-left override"),
    ("Telefonica", "accent dropped"),
    ("Tele\u{301}fonica", "accent moved"),
    ("Telef0nica", "digit for letter"),
    ("\u{0422}elef\u{F3}nica", "Cyrillic T"),
    ("Telef\u{F3}nica Atenci\u{F3}n al Cliente", "containment"),
    ("Telefonica Soporte", "containment, accent dropped"),
    ("TELEFONICA", "case"),
    ("Tele\u{2060}f\u{F3}nica", "word joiner"),
    ("Telef\u{F3}nica\u{FE0F}", "variation selector"),
    ("Banco Santamder", "typo-squat"),
    ("Banco Santandeer", "typo-squat"),
    ("Banco-Santander", "punctuation"),
    ("\u{0412}anco Santander", "Cyrillic B"),
    ("Banco Sant\u{430}nder", "Cyrillic a"),
    ("Banco  Santander", "double space"),
    ("Soci\u{E9}t\u{E9} G\u{E9}n\u{E9}rale", "exact copy"),
    ("Societe Generale", "accents dropped"),
    ("Soci\u{E9}t\u{E9} G\u{E9}n\u{E9}ralle", "typo-squat"),
    ("M\u{FC}ller Logistik", "exact copy"),
    ("Muller Logistik", "umlaut dropped"),
    ("M\u{FC}ller Logistic", "typo-squat"),
    ("PolderZorg", "exact copy"),
    ("Polder Zorg", "spacing"),
    ("PolderZorg Klantenservice", "containment"),
    ("P\u{43E}lderZorg", "Cyrillic o"),
    ("Hudson Mutal", "typo-squat"),
    ("Banque Horizom", "typo-squat"),
    ("Northgate Enegy", "typo-squat"),
    ("Wisla Telekom", "diacritic dropped"),
    ("Alpenbahn Reisn", "typo-squat"),
    (
        "\u{30E4}\u{30DE}\u{30C8}\u{904B}\u{8F38}",
        "Japanese exact copy",
    ),
    ("Banca del Tevre", "typo-squat"),
    ("Correio Rapido", "accent dropped"),
    ("Farmacias del Vale", "typo-squat"),
    ("Energia Verde Paulsta", "typo-squat"),
    ("Nordlicht Versicherun", "typo-squat"),
];

async fn refused_or_flagged(app: &TestApp, name: &str) -> (bool, bool) {
    let input = serde_json::from_value(json!({
        "legal_name": format!("{name} Ltd"),
        "names": {"en": name},
        "default_lang": "en",
        "category": "retail",
        "country": "NL",
    }))
    .unwrap();
    if app.service.register(input).is_err() {
        return (true, false);
    }
    let warnings = app.service.name_warnings(&[name.to_owned()]).unwrap();
    (false, !warnings.is_empty())
}

#[tokio::test]
async fn impersonation_attempts_are_refused_or_flagged_and_ordinary_names_pass() {
    let app = spawn_app().await;
    let mut refused = 0;
    let mut flagged = 0;
    let mut missed = Vec::new();
    for (name, how) in ATTEMPTS {
        match refused_or_flagged(&app, name).await {
            (true, _) => refused += 1,
            (false, true) => flagged += 1,
            (false, false) => missed.push(format!("{name:?} ({how})")),
        }
    }
    println!(
        "impersonation: {} attempts, {refused} refused, {flagged} flagged, {} missed: {missed:?}",
        ATTEMPTS.len(),
        missed.len()
    );
    assert!(ATTEMPTS.len() >= 50);
    assert_eq!(
        missed,
        Vec::<String>::new(),
        "every attempt is refused or flagged"
    );

    // 1000 distinct ordinary names (the search corpus's generator: surnames
    // and trade words in ten languages, some deliberately close to the
    // demo's brands).
    let mut names = std::collections::BTreeSet::new();
    let mut i = corpus::ANCHORS;
    while names.len() < 1000 {
        names.insert(corpus::business(i).default_name().to_owned());
        i += 1;
    }
    let mut false_flags = Vec::new();
    for name in &names {
        let warnings = app
            .service
            .name_warnings(std::slice::from_ref(name))
            .unwrap();
        if !warnings.is_empty() {
            false_flags.push(format!(
                "{name:?}: {:?}",
                warnings.iter().map(|w| w.kind).collect::<Vec<_>>()
            ));
        }
    }
    println!(
        "ordinary names: {} checked, {} flagged ({:.1}%): {false_flags:?}",
        names.len(),
        false_flags.len(),
        false_flags.len() as f64 / names.len() as f64 * 100.0
    );
    assert!(false_flags.len() <= names.len() / 100, "{false_flags:?}");
}
