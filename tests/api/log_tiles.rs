//! The log as C2SP tlog-tiles over HTTP (`/log/checkpoint`,
//! `/log/tile/...`, `/v1/log/vkeys`, `POST /log/cosignature`), the files
//! `Service::published_log_files` writes, and `bizseal client log`
//! against both: forks, rollbacks, tampered tiles and wrong keys fail.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use bizseal::translog::entry::Entry;
use bizseal::translog::merkle;
use bizseal::translog::Sth;
use bizseal_client::checkpoint::{self, Checkpoint};
use bizseal_client::note::{self, Note, Vkey};
use bizseal_client::tiles::{self, Tile, Tiles};
use ring::signature::{Ed25519KeyPair, KeyPair};

use crate::helpers::*;

async fn vkeys(app: &TestApp) -> (String, Vec<Vkey>) {
    let (status, body) = app.get_json("/v1/log/vkeys").await;
    assert_eq!(status, 200, "{body}");
    let keys = body["vkeys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| Vkey::parse(k.as_str().unwrap()).unwrap())
        .collect();
    (body["origin"].as_str().unwrap().to_owned(), keys)
}

async fn checkpoint_bytes(app: &TestApp) -> Vec<u8> {
    let r = app.get("/log/checkpoint").await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "content-type"), "text/plain; charset=utf-8");
    assert_eq!(header(&r, "cache-control"), "public, max-age=5");
    r.bytes().await.unwrap().to_vec()
}

/// Every tile the tree of `size` needs, fetched over HTTP first (the
/// proofs below run synchronously over this map).
async fn fetch_all(app: &TestApp, size: u64) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for tile in tiles::tiles_between(0, size) {
        let r = app.get(&format!("/log/{}", tile.path())).await;
        assert_eq!(r.status(), 200, "{tile}");
        assert_eq!(header(&r, "content-type"), "application/octet-stream");
        let cache = header(&r, "cache-control");
        if tile.is_full() {
            assert_eq!(cache, "public, max-age=31536000, immutable", "{tile}");
        } else {
            assert_eq!(cache, "public, max-age=60", "{tile}");
        }
        out.insert(tile.path(), r.bytes().await.unwrap().to_vec());
    }
    out
}

/// Imports `n` verified businesses with a badge each: `n` log entries.
async fn grow(app: &TestApp, from: usize, n: usize) {
    let lines: String = (from..from + n)
        .map(|i| {
            serde_json::json!({
                "id": format!("b_01JD7Z3K8Q{i:016}"),
                "legal_name": format!("Proefbedrijf {i} B.V."),
                "names": {"nl": format!("Proefbedrijf {i}")},
                "default_lang": "nl",
                "category": "retail",
                "country": "NL",
                "numbers": [{"number": format!("+31207{i:06}"), "level": "B"}],
                "status": "verified",
            })
            .to_string()
                + "\n"
        })
        .collect();
    let report = app.import(lines).await;
    assert!(report.failed.is_empty(), "{:?}", report.failed);
}

#[tokio::test]
async fn the_checkpoint_opens_with_the_vkey_and_the_tiles_prove_every_entry() {
    let app = spawn_app().await;
    grow(&app, 0, 300).await;
    let (origin, keys) = vkeys(&app).await;
    assert_eq!(origin, bizseal::config::DEFAULT_LOG_ORIGIN);
    let opened = checkpoint::open(&checkpoint_bytes(&app).await, &origin, &keys, &[], 0)
        .expect("the checkpoint verifies");
    let cp = opened.checkpoint;
    // The same tree as the JSON API's signed tree head.
    let (_, sth) = app.get_json("/v1/log/sth").await;
    let sth: Sth = serde_json::from_value(sth).unwrap();
    assert_eq!(cp.size, sth.tree_size);
    assert_eq!(cp.root, sth.root().unwrap());
    assert!(cp.size > 256, "a full tile exists");
    // The vkey is the JWKS key under the origin.
    let (_, jwks) = app.get_json("/.well-known/jwks.json").await;
    let x = jwks["keys"][0]["x"].as_str().unwrap();
    assert_eq!(keys[0].public().to_vec(), base64_url(x));

    let files = fetch_all(&app, cp.size).await;
    let mut reader = Tiles::new(cp.size, |t: &Tile| {
        files.get(&t.path()).cloned().ok_or("missing")
    });
    assert_eq!(reader.root().unwrap(), cp.root);
    for index in 0..cp.size {
        let proof = reader.inclusion_proof(index).unwrap();
        let bundle = reader.bundle_of(index);
        let entries = tiles::decode_bundle::<()>(&bundle, &files[&bundle.path()]).unwrap();
        let entry = entries[(index % 256) as usize];
        merkle::verify_inclusion(index, cp.size, &merkle::leaf_hash(entry), &proof, &cp.root)
            .unwrap_or_else(|e| panic!("entry {index}: {e}"));
        Entry::decode(entry).unwrap();
    }
    // The JSON API's proof for the same entry is the same path.
    let (_, json) = app
        .get_json(&format!(
            "/v1/log/proof?serial={}&tree_size={}",
            serial_at(&app, 5).await,
            cp.size
        ))
        .await;
    let path: Vec<String> = serde_json::from_value(json["audit_path"].clone()).unwrap();
    let from_tiles: Vec<String> = reader
        .inclusion_proof(5)
        .unwrap()
        .iter()
        .map(|h| bizseal::translog::b64(h))
        .collect();
    assert_eq!(path, from_tiles);
}

fn base64_url(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(s)
        .unwrap()
}

async fn serial_at(app: &TestApp, index: u64) -> String {
    let (_, body) = app
        .get_json(&format!("/v1/log/entries?start={index}&end={index}"))
        .await;
    body["entries"][0]["serial"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn tiles_the_log_has_not_reached_are_not_found_and_bad_paths_are_problems() {
    let app = spawn_app().await;
    let (_, sth) = app.get_json("/v1/log/sth").await;
    let size = sth["tree_size"].as_u64().unwrap();
    assert!(size < 256);
    let r = app.get(&format!("/log/tile/0/000.p/{size}")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.bytes().await.unwrap().len() as u64, size * 32);
    // A narrower partial tile of an older tree size is there too.
    assert_eq!(app.get("/log/tile/0/000.p/1").await.status(), 200);
    assert_problem(app.get("/log/tile/0/000").await, 404, "not_found").await;
    assert_problem(
        app.get(&format!("/log/tile/0/000.p/{}", size + 1)).await,
        404,
        "not_found",
    )
    .await;
    assert_problem(app.get("/log/tile/1/000.p/1").await, 404, "not_found").await;
    for high in ["8/000", "32/000", "63/x999/999.p/3"] {
        assert_problem(
            app.get(&format!("/log/tile/{high}")).await,
            404,
            "not_found",
        )
        .await;
    }
    for bad in [
        "0/1",
        "0/x000/001",
        "00/000",
        "0/000.p/0",
        "64/000",
        "entries/000.p/256",
        "0/000/",
    ] {
        assert_problem(
            app.get(&format!("/log/tile/{bad}")).await,
            400,
            "invalid_request",
        )
        .await;
    }
    // The checkpoint and a tile answer 304 to their own ETag.
    let r = app.get("/log/tile/entries/000.p/1").await;
    let etag = header(&r, "etag");
    let again = app
        .client
        .get(app.url("/log/tile/entries/000.p/1"))
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
}

fn witness_key(seed: u8) -> (Ed25519KeyPair, Vkey) {
    let pair = Ed25519KeyPair::from_seed_unchecked(&[seed; 32]).unwrap();
    let public: [u8; 32] = pair.public_key().as_ref().try_into().unwrap();
    let vkey = Vkey::new(
        &format!("witness{seed}.example"),
        note::COSIGNATURE_V1,
        public,
    )
    .unwrap();
    (pair, vkey)
}

fn cosigned(checkpoint: &[u8], witness: &(Ed25519KeyPair, Vkey), time: u64) -> Vec<u8> {
    let mut n = Note::parse(checkpoint).unwrap();
    let text = n.text.clone();
    n.signatures
        .push(note::cosign(&witness.1, &text, time, |m| {
            witness.0.sign(m).as_ref().to_vec()
        }));
    n.to_bytes()
}

async fn post_text(app: &TestApp, path: &str, body: Vec<u8>) -> reqwest::Response {
    let checkpoint = String::from_utf8(body).unwrap();
    app.client
        .post(app.url(path))
        .json(&serde_json::json!({ "checkpoint": checkpoint }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn witness_cosignatures_are_verified_taken_and_served_with_their_checkpoint() {
    let w1 = witness_key(1);
    let w2 = witness_key(2);
    let stranger = witness_key(3);
    let config_keys = vec![w1.1.clone(), w2.1.clone()];
    let app = spawn_with(move |c| c.log_witnesses = config_keys, true).await;
    let (origin, keys) = vkeys(&app).await;
    let (_, body) = app.get_json("/v1/log/vkeys").await;
    assert_eq!(body["witnesses"][0], w1.1.to_string());

    let cp = checkpoint_bytes(&app).await;
    let r = post_text(&app, "/log/cosignature", cosigned(&cp, &w1, 1_700_000_000)).await;
    let (status, _, body) = parts(r).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["taken"], 1);
    let served = checkpoint_bytes(&app).await;
    let opened = checkpoint::open(&served, &origin, &keys, &[w1.1.clone(), w2.1.clone()], 1)
        .expect("cosigned by one witness");
    assert_eq!(opened.witnesses().count(), 1);
    assert!(checkpoint::open(&served, &origin, &keys, &[w1.1.clone(), w2.1.clone()], 2).is_err());
    // An older cosignature by the same witness, valid but stale: not
    // taken, and the newer one stays served. The same line twice counts
    // once.
    let r = post_text(&app, "/log/cosignature", cosigned(&cp, &w1, 1_600_000_000)).await;
    let (status, _, body) = parts(r).await;
    assert_eq!((status, body["taken"].as_u64()), (200, Some(0)), "{body}");
    assert_eq!(checkpoint_bytes(&app).await, served);
    let mut twice = Note::parse(&cosigned(&cp, &w1, 1_700_000_001)).unwrap();
    twice
        .signatures
        .push(twice.signatures.last().unwrap().clone());
    let r = post_text(&app, "/log/cosignature", twice.to_bytes()).await;
    let (status, _, body) = parts(r).await;
    assert_eq!((status, body["taken"].as_u64()), (200, Some(1)), "{body}");
    let served = checkpoint_bytes(&app).await;
    let opened = checkpoint::open(&served, &origin, &keys, &[w1.1.clone(), w2.1.clone()], 1)
        .expect("cosigned by one witness");
    assert_eq!(opened.witnesses().count(), 1);
    assert_eq!(
        opened.witnesses().next().unwrap().timestamp,
        Some(1_700_000_001)
    );

    // A forged cosignature, a stranger's only, another root, another log:
    // refused, and the served checkpoint keeps what it had.
    let mut forged = Note::parse(&cosigned(&cp, &w2, 5)).unwrap();
    forged.signatures.last_mut().unwrap().bytes[20] ^= 1;
    for (body, why) in [
        (forged.to_bytes(), "does not verify"),
        (cosigned(&cp, &stranger, 5), "no signature by a trusted key"),
        (
            cosigned(
                &resign(&app, &Checkpoint::new(&origin, 1, [9; 32]).text()),
                &w2,
                5,
            ),
            "not this log's",
        ),
        (
            cosigned(
                &resign(
                    &app,
                    &Checkpoint::new("other.example/log", 1, [9; 32]).text(),
                ),
                &w2,
                5,
            ),
            "another log",
        ),
        (b"not a note".to_vec(), "blank line"),
    ] {
        let problem = assert_problem(
            post_text(&app, "/log/cosignature", body).await,
            400,
            "invalid_request",
        )
        .await;
        assert!(problem.to_string().contains(why), "{why}: {problem}");
    }
    assert_eq!(checkpoint_bytes(&app).await, served);

    // Once the log grows, the old cosignature no longer matches.
    grow(&app, 0, 1).await;
    let newer = checkpoint_bytes(&app).await;
    assert_eq!(Note::parse(&newer).unwrap().signatures.len(), 1);
    assert!(checkpoint::open(&newer, &origin, &keys, std::slice::from_ref(&w1.1), 1).is_err());
}

#[tokio::test]
async fn without_witnesses_configured_no_cosignature_is_taken() {
    let app = spawn_app().await;
    let cp = checkpoint_bytes(&app).await;
    assert_problem(
        post_text(&app, "/log/cosignature", cosigned(&cp, &witness_key(1), 5)).await,
        400,
        "invalid_request",
    )
    .await;
}

/// A checkpoint text signed with the server's key: what a lying or
/// compromised log could show one client.
fn resign(app: &TestApp, text: &str) -> Vec<u8> {
    let keyring = app.service.keyring();
    let active = keyring
        .published()
        .iter()
        .find(|k| k.kid == keyring.active_kid())
        .unwrap();
    let origin = text.lines().next().unwrap();
    let key = Vkey::new(
        origin,
        note::ED25519,
        active.public.clone().try_into().unwrap(),
    )
    .unwrap();
    Note {
        text: text.to_owned(),
        signatures: vec![note::sign(&key, text, |m| keyring.sign(m))],
    }
    .to_bytes()
}

fn client_log(from: &str, vkey: &str, state: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bizseal"))
        .args(["client", "log", from, "--vkey", vkey, "--state"])
        .arg(state)
        .args(extra)
        .env("BIZSEAL_LOG", "warn")
        .output()
        .expect("run bizseal");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

async fn run_client(
    from: String,
    vkey: String,
    state: std::path::PathBuf,
    extra: Vec<String>,
) -> (Option<i32>, String) {
    tokio::task::spawn_blocking(move || {
        let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
        client_log(&from, &vkey, &state, &extra)
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn client_log_follows_an_honest_log_and_catches_a_fork_and_a_rollback() {
    let app = spawn_app().await;
    let url = format!("http://{}", app.addr);
    let (origin, keys) = vkeys(&app).await;
    let vkey = keys[0].to_string();
    let state = app.dir.path().join("client");

    // A badge bundle from a lookup: its token's entry is proven.
    let (_, answer) = app.get_json(&format!("/v1/numbers/{KLM}?bundle=1")).await;
    let bundle_file = app.dir.path().join("klm.json");
    std::fs::write(&bundle_file, answer.to_string()).unwrap();
    let bundle_arg = bundle_file.to_str().unwrap().to_owned();
    let args = vec![
        "--index".into(),
        "0".into(),
        "--bundle".into(),
        bundle_arg.clone(),
    ];
    let (code, out) = run_client(url.clone(), vkey.clone(), state.clone(), args.clone()).await;
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("first checkpoint seen"), "{out}");
    assert!(out.contains("entry 0: included (issued"), "{out}");
    assert!(out.contains("its token is entry"), "{out}");

    // The log grows; the next run proves the new checkpoint extends the
    // saved one.
    grow(&app, 0, 3).await;
    let (code, out) = run_client(url.clone(), vkey.clone(), state.clone(), args.clone()).await;
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("consistent with the last checkpoint seen"),
        "{out}"
    );
    let saved = std::fs::read(state.join("log-checkpoint")).unwrap();
    let saved = checkpoint::open(&saved, &origin, &keys, &[], 0)
        .unwrap()
        .checkpoint;

    // Fork: the saved checkpoint is replaced with another tree of the same
    // size, signed with the log's own key.
    let forked = resign(&app, &Checkpoint::new(&origin, saved.size, [7; 32]).text());
    std::fs::write(state.join("log-checkpoint"), &forked).unwrap();
    let (code, out) = run_client(url.clone(), vkey.clone(), state.clone(), vec![]).await;
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("the log is forked"), "{out}");
    // The saved checkpoint stays as it was: nothing is accepted after a
    // failure.
    assert_eq!(std::fs::read(state.join("log-checkpoint")).unwrap(), forked);

    // A smaller tree whose prefix differs: inconsistent.
    let smaller = resign(
        &app,
        &Checkpoint::new(&origin, saved.size - 2, [7; 32]).text(),
    );
    std::fs::write(state.join("log-checkpoint"), &smaller).unwrap();
    let (code, out) = run_client(url.clone(), vkey.clone(), state.clone(), vec![]).await;
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("consistency proof does not hold"), "{out}");

    // Rollback: the client saw a larger tree than the log now shows.
    let larger = resign(
        &app,
        &Checkpoint::new(&origin, saved.size + 10, [7; 32]).text(),
    );
    std::fs::write(state.join("log-checkpoint"), &larger).unwrap();
    let (code, out) = run_client(url.clone(), vkey.clone(), state.clone(), vec![]).await;
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("went back"), "{out}");

    // Another key, an entry beyond the log: failures.
    let fresh = app.dir.path().join("fresh");
    let stranger = Vkey::new(&origin, note::ED25519, [3; 32])
        .unwrap()
        .to_string();
    let (code, out) = run_client(url.clone(), stranger, fresh.clone(), vec![]).await;
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("does not verify"), "{out}");
    let (code, out) = run_client(
        url.clone(),
        vkey.clone(),
        fresh.clone(),
        vec!["--index".into(), "100000".into()],
    )
    .await;
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("entry 100000"), "{out}");
    let (code, out) = run_client(url.clone(), "not a key".into(), fresh.clone(), vec![]).await;
    assert_ne!(code, Some(0), "{out}");
}

#[tokio::test]
async fn published_files_serve_the_client_from_a_directory_and_a_tampered_tile_fails() {
    let app = spawn_app().await;
    let (origin, keys) = vkeys(&app).await;
    let tree = app.dir.path().join("tree");
    let log = tree.join("log");
    let write = {
        let log = log.clone();
        move |path: String, bytes: Vec<u8>| -> Result<(), bizseal::store::StoreError> {
            let file = log.join(&path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, bytes).unwrap();
            Ok(())
        }
    };
    let service = Arc::clone(&app.service);
    let w = write.clone();
    let first = tokio::task::spawn_blocking(move || service.published_log_files(0, w))
        .await
        .unwrap()
        .unwrap();
    grow(&app, 0, 260).await;
    let service = Arc::clone(&app.service);
    let w = write.clone();
    let second = tokio::task::spawn_blocking(move || service.published_log_files(first, w))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(second, first + 260);
    // The directory holds what the server serves, byte for byte.
    for tile in tiles::tiles_between(0, second) {
        let served = app
            .get(&format!("/log/{}", tile.path()))
            .await
            .bytes()
            .await
            .unwrap();
        assert_eq!(
            std::fs::read(log.join(tile.path())).unwrap(),
            served.to_vec(),
            "{tile}"
        );
    }
    let cp = std::fs::read(log.join("checkpoint")).unwrap();
    assert_eq!(
        checkpoint::open(&cp, &origin, &keys, &[], 0)
            .unwrap()
            .checkpoint
            .size,
        second
    );

    let vkey = keys[0].to_string();
    let state = app.dir.path().join("dirclient");
    let from = tree.to_str().unwrap().to_owned();
    let (code, out) = run_client(
        from.clone(),
        vkey.clone(),
        state.clone(),
        vec![
            "--index".into(),
            "3".into(),
            "--index".into(),
            format!("{}", second - 1),
        ],
    )
    .await;
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains(&format!("checkpoint: {second} entries")),
        "{out}"
    );

    // One flipped bit in a hash tile (entry 2's leaf hash, the sibling of
    // entry 3): entry 3's proof no longer leads to the signed root.
    let tile = log.join("tile/0/000");
    let mut bytes = std::fs::read(&tile).unwrap();
    bytes[2 * 32] ^= 1;
    std::fs::write(&tile, bytes).unwrap();
    let (code, out) = run_client(from, vkey, state, vec!["--index".into(), "3".into()]).await;
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("FAILED: entry 3"), "{out}");
}

#[tokio::test]
async fn bizseal_publish_writes_the_log_as_tiles_beside_the_badge_list_and_only_what_grew() {
    let app = spawn_app().await;
    let (origin, keys) = vkeys(&app).await;
    let tree = app.dir.path().join("published");
    let first = crate::badges::publish_to(&app.service, &tree).await;
    assert!(first.log_size > 0, "the demo's badges are logged");
    assert!(first.log_files >= 2, "tiles and the checkpoint: {first:?}");
    let cp = std::fs::read(tree.join("log/checkpoint")).unwrap();
    let opened = checkpoint::open(&cp, &origin, &keys, &[], 0).unwrap();
    assert_eq!(opened.checkpoint.size, first.log_size);
    assert!(tree.join("badges/manifest.jws").exists());

    // A client follows the published log alone.
    let vkey = keys[0].to_string();
    let state = app.dir.path().join("log-client");
    let from = tree.to_str().unwrap().to_owned();
    let (code, out) = run_client(
        from.clone(),
        vkey.clone(),
        state.clone(),
        vec!["--index".into(), "0".into()],
    )
    .await;
    assert_eq!(code, Some(0), "{out}");

    // Nothing grew: nothing of the log is written again.
    let again = crate::badges::publish_to(&app.service, &tree).await;
    assert_eq!((again.log_size, again.log_files), (first.log_size, 0));

    // The log grows: the next publish adds its tiles and a new checkpoint,
    // and the client checks the new one extends the one it saw.
    grow(&app, 0, 300).await;
    let grown = crate::badges::publish_to(&app.service, &tree).await;
    assert_eq!(grown.log_size, first.log_size + 300);
    assert!(grown.log_files >= 3, "{grown:?}");
    let (code, out) = run_client(
        from,
        vkey,
        state,
        vec!["--index".into(), format!("{}", grown.log_size - 1)],
    )
    .await;
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains(&format!("checkpoint: {} entries", grown.log_size)),
        "{out}"
    );
}
