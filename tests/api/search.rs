//! Searching the directory: what customers type, filters, freshness after
//! a change, statuses re-read from the store, hostile input, and the index
//! staying equal to the store across stops, deleted folders and crashes.

use bizseal::store::prelude::*;
use std::collections::BTreeMap;
use std::time::Duration;

use bizseal::search::{fingerprint, index_dir, SearchIndex};
use bizseal::service::Service;
use serde_json::Value;

use crate::helpers::*;

#[path = "../support/corpus.rs"]
pub(crate) mod corpus;

const TELEFONICA_ID: &str = "b_01JD7Z3K8QXMV8VX50PYTSMH55";
const SANTANDER_ID: &str = "b_01JD7Z3K8QZ4BPPY7VEE5J278E";
const SOCGEN_ID: &str = "b_01JD7Z3K8QSW5BYYRPWSDPQ27N";
const MULLER_ID: &str = "b_01JD7Z3K8QA5YSVTCEYK8EVFVS";
const YAMATO_ID: &str = "b_01JD7Z3K8QMQWBT5K7SHB27KKW";
const JINGHUA_ID: &str = "b_01JD7Z3K8Q9QY1CP2N1HQEFC2P";
const BAKKERIJ_ID: &str = "b_01JD7Z3K8QKTBYVAKBE8SPDD3A";

/// Waits until the index reflects every change the store holds now.
async fn wait_indexed(service: &Service) {
    let target = service
        .store()
        .read()
        .expect("read")
        .last_seq()
        .expect("seq");
    let index = service.search_index().expect("search runs");
    let mut seq = index.subscribe();
    tokio::time::timeout(Duration::from_secs(60), seq.wait_for(|s| *s >= target))
        .await
        .expect("the indexer catches up within a minute")
        .expect("the indexer is alive");
}

/// What the index should hold: every reviewed business and its fingerprint.
fn store_contents(service: &Service) -> BTreeMap<String, u64> {
    let r = service.store().read().expect("read");
    let mut out = BTreeMap::new();
    let mut after = String::new();
    loop {
        let page = r.businesses_after(&after, 500).expect("page");
        let Some(last) = page.last() else { break };
        after = last.id.as_str().to_owned();
        for b in page.iter().filter(|b| bizseal::search::searchable(b)) {
            out.insert(b.id.as_str().to_owned(), fingerprint(b));
        }
    }
    out
}

fn index_contents(service: &Service) -> BTreeMap<String, u64> {
    service
        .search_index()
        .expect("search runs")
        .contents()
        .expect("index contents")
}

/// A demo profile as an editable JSON value.
fn demo_profile(id: &str) -> Value {
    bizseal::demo::BUSINESSES
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("demo line"))
        .find(|v| v["id"] == id)
        .expect("demo business")
}

fn import(service: &Service, profiles: &[Value]) {
    let text: String = profiles.iter().map(|p| format!("{p}\n")).collect();
    let report = service.import(text.as_bytes(), |_| {}).expect("import");
    assert!(
        report.failed.is_empty(),
        "import failed: {:?}",
        report.failed
    );
}

async fn search(app: &TestApp, query: &str) -> Value {
    let url =
        reqwest::Url::parse_with_params(&app.url("/v1/search"), &[("q", query)]).expect("url");
    let r = app.client.get(url).send().await.expect("request");
    assert_eq!(r.status().as_u16(), 200, "search {query:?}");
    r.json().await.expect("json")
}

fn ids(body: &Value) -> Vec<&str> {
    body["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["business"]["id"].as_str().expect("id"))
        .collect()
}

#[tokio::test]
async fn customers_find_demo_businesses_the_way_they_type_them() {
    let app = spawn_app().await;
    wait_indexed(&app.service).await;
    let cases = [
        ("telefonica", TELEFONICA_ID),
        ("TELEFÓNICA", TELEFONICA_ID),
        ("muller", MULLER_ID),
        ("müller logistik", MULLER_ID),
        ("santnder madrid", SANTANDER_ID),
        ("banco santander madrid", SANTANDER_ID),
        ("societe generale", SOCGEN_ID),
        ("société générale", SOCGEN_ID),
        ("klm atencion cliente", KLM_ID),
        ("klm", KLM_ID),
        ("royal dutch airlnes", KLM_ID),
        ("telef", TELEFONICA_ID),
        ("ヤマト運輸", YAMATO_ID),
        ("ヤマト", YAMATO_ID),
        ("yamato transport", YAMATO_ID),
        ("京华保险", JINGHUA_ID),
        ("京华", JINGHUA_ID),
        ("jinghua insurance", JINGHUA_ID),
        ("915 820 317", TELEFONICA_ID),
        ("+34 915-820", TELEFONICA_ID),
        ("020 649 9123", KLM_ID),
    ];
    for (query, want) in cases {
        let body = search(&app, query).await;
        assert_eq!(
            ids(&body).first().copied(),
            Some(want),
            "{query:?} → {body}"
        );
    }
}

#[tokio::test]
async fn a_hit_carries_its_profile_numbers_and_badges_from_the_store() {
    let app = spawn_app().await;
    wait_indexed(&app.service).await;
    let body = search(&app, "telefonica").await;
    assert!(body["total"].as_u64().expect("total") >= 1);
    let hit = &body["hits"][0];
    assert_eq!(hit["business"]["display_name"], "Telefónica");
    assert_eq!(hit["business"]["legal_name"], "Telefónica, S.A.");
    assert_eq!(hit["business"]["country"], "ES");
    assert_eq!(hit["business"]["city"], "Madrid");
    assert_eq!(hit["business"]["category"], "telecom");
    assert_eq!(hit["business"]["status"], "verified");
    assert_eq!(hit["business"]["website"], "https://www.telefonica.com");
    assert!(hit["score"].as_f64().expect("score") > 0.0);
    let numbers = hit["numbers"].as_array().expect("numbers");
    assert_eq!(numbers.len(), 2);
    assert_eq!(numbers[0]["number"], TELEFONICA);
    assert_eq!(numbers[0]["status"], "verified");
    assert_eq!(numbers[0]["level"], "A");
}

#[tokio::test]
async fn filters_narrow_and_lang_picks_the_display_name() {
    let app = spawn_app().await;
    wait_indexed(&app.service).await;

    let (status, body) = app.get_json("/v1/search?q=bank&country=es").await;
    assert_eq!(status, 200);
    assert_eq!(ids(&body), [SANTANDER_ID], "{body}");

    let (_, body) = app
        .get_json("/v1/search?q=&category=airline&limit=50")
        .await;
    let found = ids(&body);
    assert!(found.contains(&KLM_ID) && found.len() == 2, "{body}");

    // Only reviewed businesses are searchable; the demo suspends none.
    let (_, body) = app.get_json("/v1/search?q=&verified=false&limit=50").await;
    assert_eq!(body["hits"], serde_json::json!([]), "{body}");

    let (_, body) = app.get_json("/v1/search?q=klm&lang=en").await;
    assert_eq!(
        body["hits"][0]["business"]["display_name"],
        "KLM Royal Dutch Airlines"
    );
    let (_, body) = app.get_json("/v1/search?q=klm&lang=es").await;
    assert_eq!(
        body["hits"][0]["business"]["display_name"],
        "KLM Reales Líneas Aéreas Neerlandesas"
    );
}

#[tokio::test]
async fn a_business_that_never_passed_review_is_never_listed() {
    let app = spawn_app().await;
    wait_indexed(&app.service).await;
    // "seguros" names a verified (Seguros Atlântico) and a never reviewed
    // (Seguros Mediterráneo) business: only the first is public.
    let body = search(&app, "seguros").await;
    let names: Vec<&str> = body["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["business"]["display_name"].as_str().expect("name"))
        .collect();
    assert_eq!(names.first(), Some(&"Seguros Atlântico"), "{body}");
    assert!(!names.contains(&"Seguros Mediterráneo"), "{body}");
    assert!(body["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .all(|h| h["business"]["status"] == "verified"));
}

#[tokio::test]
async fn paging_walks_through_the_hits_without_repeats() {
    let app = spawn_app().await;
    wait_indexed(&app.service).await;
    let (_, all) = app.get_json("/v1/search?q=&limit=50").await;
    let every = ids(&all);
    assert_eq!(all["total"], 28, "the reviewed businesses");
    let mut paged = Vec::new();
    for offset in (0..28).step_by(10) {
        let (_, page) = app
            .get_json(&format!("/v1/search?q=&limit=10&offset={offset}"))
            .await;
        paged.extend(ids(&page).into_iter().map(str::to_owned));
    }
    assert_eq!(paged, every);
}

#[tokio::test]
async fn a_business_changed_in_the_store_is_found_once_the_indexer_caught_up() {
    let app = spawn_app().await;
    let mut profile = demo_profile(BAKKERIJ_ID);
    // Reviewed now (an operator's import says so): searchable from now on.
    profile["status"] = Value::from("verified");
    profile["names"]["nl"] = Value::from("Bakkerij De Zonnebloem");
    profile["legal_name"] = Value::from("Bakkerij De Zonnebloem V.O.F.");
    import(&app.service, &[profile]);
    app.service.poke_indexer();
    wait_indexed(&app.service).await;

    let body = search(&app, "zonnebloem").await;
    assert_eq!(ids(&body), [BAKKERIJ_ID]);
    let body = search(&app, "molen").await;
    assert!(
        !ids(&body).contains(&BAKKERIJ_ID),
        "the old name is gone: {body}"
    );
}

#[tokio::test]
async fn a_suspended_business_is_never_shown_as_verified() {
    let app = spawn_app().await;
    wait_indexed(&app.service).await;
    // With the indexer stopped the index still says "verified": the answer
    // must come from the store all the same.
    app.service.stop_search();
    let mut klm = demo_profile(KLM_ID);
    klm["status"] = Value::from("suspended");
    import(&app.service, &[klm]);
    app.service.start_search().expect("restart search");

    let body = search(&app, "klm").await;
    let hit = &body["hits"][0];
    assert_eq!(hit["business"]["id"], KLM_ID);
    assert_eq!(hit["business"]["status"], "suspended");
    assert_eq!(hit["numbers"][0]["status"], "suspended");
    assert!(hit["numbers"][0]["level"].is_null());

    wait_indexed(&app.service).await;
    let (_, body) = app.get_json("/v1/search?q=klm&verified=true").await;
    assert!(!ids(&body).contains(&KLM_ID), "{body}");
    let (_, body) = app.get_json("/v1/search?q=klm&verified=false").await;
    assert_eq!(ids(&body).first().copied(), Some(KLM_ID), "{body}");
}

#[tokio::test]
async fn hostile_queries_never_cause_a_server_error() {
    let app = spawn_app().await;
    wait_indexed(&app.service).await;
    let long = "telefonica ".repeat(500);
    let emoji = "🙂".repeat(2000);
    let queries = [
        "\"",
        ":",
        "(",
        ")",
        "~",
        "*",
        "AND",
        "NOT klm",
        "title:klm AND (",
        "*:*",
        "klm~2",
        "klm^100",
        "[a TO z]",
        "\\",
        "\0",
        "klm\0telefonica",
        "'; DROP TABLE businesses; --",
        long.as_str(),
        emoji.as_str(),
        "\u{FEFF}\u{200B}\u{202E}",
        "ｔｅｌｅｆｏｎｉｃａ",
        "0",
        "+",
        "00000000000000000000000000000000000000",
    ];
    for q in queries {
        let url =
            reqwest::Url::parse_with_params(&app.url("/v1/search"), &[("q", q)]).expect("url");
        let r = app.client.get(url).send().await.expect("request");
        assert_eq!(r.status().as_u16(), 200, "q = {q:?}");
        let body: Value = r.json().await.expect("json");
        assert!(body["hits"].is_array(), "q = {q:?}");
    }
    let (status, _) = app.get_json("/v1/search?q=%FF%FE%00%C0").await;
    assert_eq!(status, 200, "undecodable bytes are replaced, not refused");
    let body = search(&app, &long).await;
    assert_eq!(
        ids(&body).first().copied(),
        Some(TELEFONICA_ID),
        "a long query is cut, not refused"
    );
}

#[tokio::test]
async fn bad_parameters_are_problems_not_crashes() {
    let app = spawn_app().await;
    for query in [
        "limit=0",
        "limit=51",
        "limit=abc",
        "limit=-1",
        "offset=100000",
        "country=ESP",
        "country=1x",
        "verified=maybe",
    ] {
        let r = app.get(&format!("/v1/search?{query}")).await;
        assert_eq!(r.status().as_u16(), 400, "{query}");
        assert_eq!(
            r.headers()["content-type"],
            "application/problem+json",
            "{query}"
        );
        let body: Value = r.json().await.expect("problem");
        assert_eq!(body["code"], "invalid_request", "{query}");
    }
}

#[tokio::test]
async fn changes_written_while_the_indexer_was_stopped_are_caught_up() {
    let app = spawn_app().await;
    wait_indexed(&app.service).await;
    app.service.stop_search();
    let mut changed = demo_profile(MULLER_ID);
    changed["city"] = Value::from("Bremen");
    let mut suspended = demo_profile(SOCGEN_ID);
    suspended["status"] = Value::from("suspended");
    import(&app.service, &[changed, suspended]);
    assert_ne!(index_contents_offline(&app), store_contents(&app.service));

    app.service.start_search().expect("restart");
    wait_indexed(&app.service).await;
    assert_eq!(index_contents(&app.service), store_contents(&app.service));
}

#[tokio::test]
async fn a_deleted_index_folder_is_rebuilt_from_the_store() {
    let app = spawn_app().await;
    wait_indexed(&app.service).await;
    app.service.stop_search();
    let dir = index_dir(&app.service.config().data_dir);
    std::fs::remove_dir_all(&dir).expect("delete the index");

    app.service.start_search().expect("restart");
    wait_indexed(&app.service).await;
    let index = index_contents(&app.service);
    assert_eq!(index.len(), 28);
    assert_eq!(index, store_contents(&app.service));
    let body = search(&app, "telefonica").await;
    assert_eq!(ids(&body).first().copied(), Some(TELEFONICA_ID));
}

#[tokio::test]
async fn indexing_work_lost_in_a_crash_is_redone_on_restart() {
    let app = spawn_app().await;
    wait_indexed(&app.service).await;
    app.service.stop_search();
    let committed = index_contents_offline(&app);

    // A crash mid-indexing: a writer deleted everything and added a wrong
    // document, and the process died before it committed.
    {
        let index = SearchIndex::open(&index_dir(&app.service.config().data_dir)).expect("open");
        let mut load = index.bulk_load(1, 32 * 1024 * 1024).expect("writer");
        let mut wrong = app
            .service
            .store()
            .read()
            .expect("read")
            .business(KLM_ID)
            .expect("read")
            .expect("klm");
        wrong.city = "Nowhere".into();
        load.add(&wrong).expect("add");
        drop(load); // no commit: the process is gone
        assert_eq!(
            index.contents().expect("contents"),
            committed,
            "uncommitted work is invisible"
        );
    }
    // Meanwhile the store moved on.
    let mut moved = demo_profile(YAMATO_ID);
    moved["city"] = Value::from("大阪");
    import(&app.service, &[moved]);

    app.service.start_search().expect("restart");
    wait_indexed(&app.service).await;
    assert_eq!(index_contents(&app.service), store_contents(&app.service));
}

/// The index as committed on disk, read while the indexer is stopped.
fn index_contents_offline(app: &TestApp) -> BTreeMap<String, u64> {
    SearchIndex::open(&index_dir(&app.service.config().data_dir))
        .expect("open")
        .contents()
        .expect("contents")
}

#[tokio::test]
async fn search_answers_unavailable_while_stopped() {
    let app = spawn_app().await;
    app.service.stop_search();
    let r = app.get("/v1/search?q=klm").await;
    assert_eq!(r.status().as_u16(), 503);
    assert!(r.headers().contains_key("retry-after"));
}

#[tokio::test]
async fn reindex_refuses_a_data_dir_in_use_and_rebuilds_an_idle_one() {
    let app = spawn_app().await;
    let data_dir = app.service.config().data_dir.clone();
    let bin = env!("CARGO_BIN_EXE_bizseal");
    let busy = std::process::Command::new(bin)
        .args(["reindex", "--data-dir"])
        .arg(&data_dir)
        .output()
        .expect("run bizseal");
    assert!(!busy.status.success());
    let stderr = String::from_utf8_lossy(&busy.stderr);
    assert!(stderr.contains("in use by a running bizseal"), "{stderr}");

    let service = std::sync::Arc::clone(&app.service);
    let _dir = app.stop().await;
    service.stop_search();
    // The server's tasks release their references as they wind down; the
    // store (and its file lock) closes with the last one.
    tokio::time::timeout(Duration::from_secs(30), async {
        while std::sync::Arc::strong_count(&service) > 1 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .expect("the server lets go of the service");
    drop(service);

    let idle = std::process::Command::new(bin)
        .args(["reindex", "--data-dir"])
        .arg(&data_dir)
        .output()
        .expect("run bizseal");
    let stdout = String::from_utf8_lossy(&idle.stdout);
    assert!(
        idle.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&idle.stderr)
    );
    assert!(stdout.contains("28 businesses indexed"), "{stdout}");
    assert!(stdout.contains("businesses/s"), "{stdout}");
    let index = SearchIndex::open(&index_dir(&data_dir)).expect("open");
    assert_eq!(index.contents().expect("contents").len(), 28);
}

/// Generated profiles (see `tests/support/corpus.rs`) as import lines,
/// without numbers so that an import needs no signing.
fn generated_profiles(count: usize) -> String {
    (corpus::ANCHORS..corpus::ANCHORS + count)
        .map(|i| {
            let b = corpus::business(i);
            let line = serde_json::json!({
                "id": b.id,
                "legal_name": b.legal_name,
                "names": b.names,
                "default_lang": b.default_lang,
                "category": b.category,
                "country": b.country,
                "city": b.city,
                "description": b.description,
                "numbers": [],
                "status": if b.status == bizseal::model::BusinessStatus::Verified { "verified" } else { "registered" },
            });
            format!("{line}\n")
        })
        .collect()
}

#[tokio::test]
async fn a_server_killed_while_indexing_leaves_an_index_that_catches_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data_dir = dir.path().join("data");
    {
        let service = Service::open(bizseal::config::Config::new(&data_dir)).expect("open");
        service.load_demo().expect("demo");
        let report = service
            .import(generated_profiles(4000).as_bytes(), |_| {})
            .expect("import");
        assert!(report.failed.is_empty(), "{:?}", report.failed.first());
    }

    // The real binary builds the index from scratch in the background; it
    // is killed (SIGKILL, no clean-up) as soon as it serves, most likely
    // in the middle of that build. Whenever the kill lands, what follows
    // must hold.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_bizseal"))
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(&data_dir)
        .env("BIZSEAL_LOG", "info")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start bizseal");
    let stderr = child.stderr.take().expect("stderr");
    let listening = std::thread::spawn(move || {
        use std::io::BufRead;
        std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .any(|line| line.contains("bizseal is listening"))
    });
    let served = tokio::task::spawn_blocking(move || listening.join().unwrap_or(false))
        .await
        .expect("join");
    child.kill().expect("kill");
    child.wait().expect("reap");
    assert!(served, "the server started before it was killed");

    let service = Service::open(bizseal::config::Config::new(&data_dir)).expect("reopen");
    service.start_search().expect("start search");
    wait_indexed(&service).await;
    let index = index_contents(&service);
    assert_eq!(index.len(), store_contents(&service).len());
    assert!(
        index.len() > 1000,
        "the reviewed part of the corpus: {}",
        index.len()
    );
    assert_eq!(index, store_contents(&service));
}
