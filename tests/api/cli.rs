//! The `bizseal` binary: import, keys, verify, and a data dir in use.

use bizseal::phone::E164;
use bizseal::store::prelude::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use bizseal::config::Config;
use bizseal::phone::PhoneNumber;
use bizseal::service::Service;
use serde_json::{json, Value};

use crate::helpers::*;

/// What a run of the binary printed and how it ended.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bizseal"));
    command
        .args(args)
        .env("NO_COLOR", "1")
        .env("BIZSEAL_LOG", "info");
    for (name, _) in std::env::vars() {
        if name.starts_with("BIZSEAL_") && name != "BIZSEAL_LOG" {
            command.env_remove(name);
        }
    }
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().expect("run bizseal");
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// Runs `bizseal --data-dir DIR ARGS...`.
fn run_in(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["--data-dir", dir.to_str().expect("utf-8 path")];
    all.extend_from_slice(args);
    run(&all)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write file");
    path
}

fn open(data: &Path) -> Service {
    Service::open(Config::new(data)).expect("open the data dir")
}

fn line(value: &Value) -> String {
    value.to_string()
}

/// A profile of a business that is not in the demo set.
fn other_business(id: &str, number: &str) -> Value {
    json!({
        "id": id,
        "legal_name": "Bloemen Janssen B.V.",
        "names": { "nl": "Bloemen Janssen" },
        "default_lang": "nl",
        "category": "retail",
        "country": "NL",
        "numbers": [{ "number": number }],
    })
}

const OTHER_ID: &str = "b_01JD7Z3K8Q0000000000000001";
const BAD_NUMBER_ID: &str = "b_01JD7Z3K8Q0000000000000002";
const UNKNOWN_FIELD_ID: &str = "b_01JD7Z3K8Q0000000000000003";

/// A file with good lines (1, 6, 8), a blank line (4) and bad ones.
fn mixed_file() -> String {
    let mut unknown_field = other_business(UNKNOWN_FIELD_ID, "+31205550103");
    unknown_field["nmae"] = json!("typo");
    [
        line(&demo_profile(KLM_ID)),
        r#"{"legal_name": "Half a line"#.to_owned(),
        line(&unknown_field),
        String::new(),
        line(&other_business(BAD_NUMBER_ID, "+31 12")),
        line(&demo_profile(TELEFONICA_ID)),
        line(&other_business(OTHER_ID, KLM)),
        line(&demo_profile("b_01JD7Z3K8QKTBYVAKBE8SPDD3A")),
    ]
    .join("\n")
        + "\n"
}

fn lookup(service: &Service, number: &str) -> bizseal::service::NumberAnswer {
    service
        .lookup(&PhoneNumber::parse(number, None).expect("number"), &[])
        .expect("lookup")
}

#[test]
fn import_reports_each_bad_line_imports_the_good_ones_and_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let file = write(dir.path(), "mixed.jsonl", &mixed_file());
    let file_name = file.to_str().expect("utf-8 path");

    let out = run_in(&data, &["import", file_name]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    let reported: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with(&format!("{file_name}:")))
        .collect();
    assert_eq!(reported.len(), 4, "{}", out.stderr);
    assert!(
        reported[0].starts_with(&format!("{file_name}:2: not a profile")),
        "{}",
        reported[0]
    );
    assert!(
        reported[1].starts_with(&format!("{file_name}:3: ")),
        "{}",
        reported[1]
    );
    assert!(
        reported[1].contains("unknown field `nmae`"),
        "{}",
        reported[1]
    );
    assert!(
        reported[2].starts_with(&format!("{file_name}:5: numbers[0]")),
        "{}",
        reported[2]
    );
    assert_eq!(
        reported[3],
        format!("{file_name}:7: {KLM} already belongs to business {KLM_ID}")
    );
    assert!(
        out.stdout
            .starts_with("7 lines: 3 created, 0 updated, 0 unchanged, 4 failed"),
        "{}",
        out.stdout
    );

    let service = open(&data);
    assert_eq!(
        lookup(&service, KLM).status,
        bizseal::model::PublicStatus::Verified
    );
    assert_eq!(
        lookup(&service, TELEFONICA).status,
        bizseal::model::PublicStatus::Verified
    );
    assert_eq!(
        lookup(&service, UNPROVEN).status,
        bizseal::model::PublicStatus::Unknown
    );
    assert_eq!(
        lookup(&service, KLM)
            .business
            .map(|b| b.id.as_str().to_owned())
            .as_deref(),
        Some(KLM_ID)
    );
    for id in [OTHER_ID, BAD_NUMBER_ID, UNKNOWN_FIELD_ID] {
        let id = bizseal::model::BusinessId::parse(id).expect("id");
        assert!(
            matches!(
                service.business(&id, &[]),
                Err(bizseal::service::ServiceError::NotFound(_))
            ),
            "{id} was imported"
        );
    }
    assert_eq!(
        lookup(&service, "+31205550103").status,
        bizseal::model::PublicStatus::Unknown
    );
}

#[test]
fn importing_the_same_file_again_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let file = write(dir.path(), "mixed.jsonl", &mixed_file());
    let file_name = file.to_str().expect("utf-8 path");
    assert_eq!(run_in(&data, &["import", file_name]).code, Some(2));
    let token = lookup(&open(&data), KLM).attestation.expect("token");

    let again = run_in(&data, &["import", file_name]);
    assert_eq!(again.code, Some(2), "{}", again.stderr);
    assert!(
        again
            .stdout
            .starts_with("7 lines: 0 created, 0 updated, 3 unchanged, 4 failed"),
        "{}",
        again.stdout
    );
    let service = open(&data);
    assert_eq!(lookup(&service, KLM).attestation, Some(token));
    assert!(service
        .revocations(0, None, 100)
        .expect("revocations")
        .is_empty());
}

#[test]
fn importing_a_clean_file_exits_0() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let file = write(
        dir.path(),
        "klm.jsonl",
        &(line(&demo_profile(KLM_ID)) + "\n"),
    );
    let out = run_in(&data, &["import", file.to_str().expect("utf-8 path")]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("1 lines: 1 created, 0 updated, 0 unchanged, 0 failed"),
        "{}",
        out.stdout
    );
    // The import leaves the filter of known numbers for the next start,
    // which reads it back instead of going through the tables.
    assert!(
        out.stdout.contains("saved the filter of known numbers"),
        "{}",
        out.stdout
    );
    let store = bizseal::store::Store::open(&data).expect("open the store");
    let learned = store
        .learn_known_numbers(&std::sync::atomic::AtomicBool::new(false))
        .expect("learn");
    assert!(
        matches!(learned, Some(bizseal::store::Learned::Copy { .. })),
        "{learned:?}"
    );
    assert!(store.read().expect("read").may_know(E164::stored(KLM)));
}

/// The key rows of `keys list`: (kid, state, published).
fn key_rows(stdout: &str) -> Vec<(String, String, String)> {
    stdout
        .lines()
        .skip_while(|l| !l.starts_with("kid"))
        .skip(1)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            assert_eq!(cols.len(), 4, "row {l:?}");
            (cols[0].to_owned(), cols[1].to_owned(), cols[3].to_owned())
        })
        .collect()
}

#[test]
fn keys_rotate_adds_a_new_active_key_and_keeps_the_old_one_published() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let listed = run_in(&data, &["keys", "list"]);
    assert_eq!(listed.code, Some(0), "{}", listed.stderr);
    let before = key_rows(&listed.stdout);
    assert_eq!(before.len(), 1, "{}", listed.stdout);
    let (old_kid, state, published) = &before[0];
    assert_eq!((state.as_str(), published.as_str()), ("active", "yes"));

    let rotated = run_in(&data, &["keys", "rotate"]);
    assert_eq!(rotated.code, Some(0), "{}", rotated.stderr);
    let new_kid = rotated
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("new active key "))
        .expect("new kid printed")
        .trim()
        .to_owned();
    assert_ne!(&new_kid, old_kid);

    let after = key_rows(&run_in(&data, &["keys", "list"]).stdout);
    assert_eq!(after.len(), 2);
    for (kid, state, published) in &after {
        let expected = if *kid == new_kid { "active" } else { "retired" };
        assert_eq!(state, expected, "{kid}");
        assert_eq!(published, "yes", "{kid}");
    }
    let mut kids: Vec<&str> = after.iter().map(|(k, _, _)| k.as_str()).collect();
    kids.sort();
    let mut expected = vec![old_kid.as_str(), new_kid.as_str()];
    expected.sort();
    assert_eq!(kids, expected);
    assert_eq!(open(&data).keyring().active_kid(), new_kid);
}

/// Imports KLM with the CLI, then reads its token and the JWKS through the
/// library once the CLI has exited. Returns (data dir, token, JWKS file).
fn imported_klm(dir: &Path) -> (PathBuf, String, PathBuf) {
    let data = dir.join("data");
    let file = write(dir, "klm.jsonl", &(line(&demo_profile(KLM_ID)) + "\n"));
    assert_eq!(
        run_in(&data, &["import", file.to_str().expect("utf-8 path")]).code,
        Some(0)
    );
    let service = open(&data);
    let token = lookup(&service, KLM).attestation.expect("token");
    let jwks = write(dir, "jwks.json", &service.jwks().to_string());
    (data, token, jwks)
}

#[test]
fn verify_with_a_jwks_file_accepts_a_good_token_and_prints_its_claims() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, token, jwks) = imported_klm(dir.path());
    let out = run(&[
        "verify",
        &token,
        "--jwks",
        jwks.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.lines().any(|l| l == "verdict: ok"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(&format!("\"sub\": \"{KLM}\"")),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("revocations were not consulted"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_released_number_is_revoked_for_offline_checks_with_a_revocation_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (data, token, jwks) = imported_klm(dir.path());
    let jwks = jwks.to_str().expect("utf-8 path");

    // Wrong arguments: a plain message and a non-zero exit.
    let out = run_in(&data, &["number", "release", KLM]);
    assert_ne!(out.code, Some(0));
    assert!(out.stderr.contains("--reason"), "{}", out.stderr);
    let out = run_in(&data, &["number", "unlock", "+31 20", "--region", "NL"]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);

    let out = run_in(
        &data,
        &["number", "release", KLM, "--reason", "ported away"],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains("released +31206499123"),
        "{}",
        out.stdout
    );
    let service = open(&data);
    let list = json!({ "revocations": service.revocations(0, None, 1000).expect("revocations") });
    let audit = service.audit_trail(None, 1000).expect("audit");
    assert!(audit
        .iter()
        .any(|e| e.action == "number_released" && e.actor == "operator (cli)"));
    drop(service);
    let revocations = write(dir.path(), "revocations.json", &list.to_string());
    let revocations = revocations.to_str().expect("utf-8 path");

    // The JWKS alone cannot know; with the list the token is refused.
    let out = run(&["verify", &token, "--jwks", jwks]);
    assert_eq!(out.code, Some(0), "{}", out.stdout);
    let out = run(&[
        "verify",
        &token,
        "--jwks",
        jwks,
        "--revocations",
        revocations,
    ]);
    assert_eq!(out.code, Some(1), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout
            .lines()
            .any(|l| l == "verdict: revoked (released: ported away)"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("not consulted"), "{}", out.stdout);
    let out = run(&["verify", &token, "--revocations", revocations]);
    assert_ne!(out.code, Some(0), "--revocations needs --jwks");
}

#[test]
fn verify_refuses_a_forged_token_with_exit_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, token, jwks) = imported_klm(dir.path());
    let jwks = jwks.to_str().expect("utf-8 path");
    let parts: Vec<&str> = token.split('.').collect();
    let mut claims = jws_part(&token, 1);
    claims["sub"] = json!(TELEFONICA);
    let tampered = format!("{}.{}.{}", parts[0], b64(claims.to_string()), parts[2]);
    let none = format!(
        "{}.{}.",
        b64(r#"{"alg":"none","typ":"bizseal-attestation+jwt"}"#),
        parts[1]
    );
    for (forged, verdict) in [
        (tampered.as_str(), "bad_signature"),
        (none.as_str(), "unsupported_alg"),
        ("garbage", "malformed"),
    ] {
        let out = run(&["verify", forged, "--jwks", jwks]);
        assert_eq!(out.code, Some(1), "{verdict}: {}{}", out.stdout, out.stderr);
        assert!(
            out.stdout
                .lines()
                .any(|l| l == format!("verdict: {verdict}")),
            "{verdict}: {}",
            out.stdout
        );
        assert!(
            !out.stdout.contains(TELEFONICA),
            "unverified claims were printed: {}",
            out.stdout
        );
    }
}

#[test]
fn verify_with_another_number_is_a_number_mismatch() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, token, jwks) = imported_klm(dir.path());
    let jwks = jwks.to_str().expect("utf-8 path");
    let out = run(&["verify", &token, "--jwks", jwks, "--number", TELEFONICA]);
    assert_eq!(out.code, Some(1), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.lines().any(|l| l == "verdict: number_mismatch"),
        "{}",
        out.stdout
    );

    let out = run(&[
        "verify",
        &token,
        "--jwks",
        jwks,
        "--number",
        "020 649 9123",
        "--region",
        "NL",
    ]);
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.lines().any(|l| l == "verdict: ok"),
        "{}",
        out.stdout
    );
}

#[test]
fn verify_against_the_data_dir_knows_revocations() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (data, token, _) = imported_klm(dir.path());
    let out = run_in(&data, &["verify", &token]);
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.lines().any(|l| l == "verdict: ok"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("revocations were not consulted"),
        "{}",
        out.stdout
    );

    let mut withdrawn = demo_profile(KLM_ID);
    withdrawn["numbers"][0]
        .as_object_mut()
        .expect("number")
        .remove("level");
    let file = write(dir.path(), "withdrawn.jsonl", &(line(&withdrawn) + "\n"));
    let imported = run_in(&data, &["import", file.to_str().expect("utf-8 path")]);
    assert!(
        imported.stdout.starts_with("1 lines: 0 created, 1 updated"),
        "{}",
        imported.stdout
    );

    let out = run_in(&data, &["verify", &token]);
    assert_eq!(out.code, Some(1), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.lines().any(|l| l == "verdict: revoked"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_command_on_a_data_dir_held_by_another_process_says_it_is_in_use() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let file = write(
        dir.path(),
        "klm.jsonl",
        &(line(&demo_profile(KLM_ID)) + "\n"),
    );
    let holder = open(&data);
    for args in [
        vec!["keys", "list"],
        vec!["keys", "rotate"],
        vec!["import", file.to_str().expect("utf-8 path")],
    ] {
        let out = run_in(&data, &args);
        assert_eq!(out.code, Some(1), "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("in use"), "{args:?}: {}", out.stderr);
    }
    // Nothing was changed behind the holder's back.
    assert_eq!(holder.keyring().published().len(), 1);
    assert_eq!(
        lookup(&holder, KLM).status,
        bizseal::model::PublicStatus::Unknown
    );
}

#[tokio::test]
async fn a_token_from_the_running_server_verifies_with_the_cli_and_the_served_jwks() {
    let app = spawn_app().await;
    let token = app.token_of(KLM).await;
    let jwks_url = app.url("/.well-known/jwks.json");
    let data = app.dir.path().join("data");

    let (by_url, in_use) = {
        let (token, data) = (token.clone(), data.clone());
        tokio::task::spawn_blocking(move || {
            (
                run(&["verify", &token, "--jwks", &jwks_url, "--number", KLM]),
                run_in(&data, &["keys", "list"]),
            )
        })
        .await
        .expect("cli task")
    };
    assert_eq!(by_url.code, Some(0), "{}{}", by_url.stdout, by_url.stderr);
    assert!(
        by_url.stdout.lines().any(|l| l == "verdict: ok"),
        "{}",
        by_url.stdout
    );
    assert_ne!(in_use.code, Some(0));
    assert!(in_use.stderr.contains("in use"), "{}", in_use.stderr);

    // Once the server has stopped and let go of the data dir, the CLI can
    // open it and check the token against it.
    let dir = app.stop().await;
    let out = tokio::task::spawn_blocking(move || run_in(&data, &["verify", &token]))
        .await
        .expect("cli task");
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.lines().any(|l| l == "verdict: ok"),
        "{}",
        out.stdout
    );
    drop(dir);
}

#[test]
fn bad_arguments_are_refused_with_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    for args in [
        vec!["frobnicate"],
        vec!["import"],
        vec!["verify"],
        vec!["keys"],
        vec!["keys", "shred"],
        vec!["--token-days", "0", "keys", "list"],
    ] {
        let out = run_in(&data, &args);
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stderr);
        // clap's usage errors: an `error:` line with a pointer to --help, or
        // the subcommand's usage when a subcommand is missing.
        assert!(
            out.stderr.contains("--help") || out.stderr.contains("Usage: bizseal"),
            "{args:?}: {}",
            out.stderr
        );
    }
    assert!(!data.exists(), "a usage error touched the data dir");
}

#[test]
fn a_line_that_is_not_utf8_is_reported_and_the_rest_imported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut latin1 = line(&other_business(OTHER_ID, "+31205550104"))
        .replace("Bloemen Janssen B.V.", "Caf\u{e9} Janssen B.V.")
        .into_bytes();
    // The same line as an old Windows export would write it: é as one byte.
    let e_acute = latin1.iter().position(|b| *b == 0xC3).expect("é in UTF-8");
    latin1.splice(e_acute..e_acute + 2, [0xE9]);
    let mut text = line(&demo_profile(KLM_ID)).into_bytes();
    text.push(b'\n');
    text.extend(latin1);
    text.push(b'\n');
    text.extend(line(&demo_profile(TELEFONICA_ID)).into_bytes());
    text.push(b'\n');
    let file = dir.path().join("latin1.jsonl");
    std::fs::write(&file, text).expect("write file");
    let file_name = file.to_str().expect("utf-8 path");

    let out = run_in(&data, &["import", file_name]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        out.stderr
            .lines()
            .any(|l| l.starts_with(&format!("{file_name}:2: "))),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout
            .starts_with("3 lines: 2 created, 0 updated, 0 unchanged, 1 failed"),
        "{}",
        out.stdout
    );
    let service = open(&data);
    assert_eq!(
        lookup(&service, KLM).status,
        bizseal::model::PublicStatus::Verified
    );
    assert_eq!(
        lookup(&service, TELEFONICA).status,
        bizseal::model::PublicStatus::Verified
    );
}

#[test]
fn import_accepts_crlf_line_endings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let text = format!(
        "{}\r\n{}\r\n",
        line(&demo_profile(KLM_ID)),
        line(&demo_profile(TELEFONICA_ID))
    );
    let file = write(dir.path(), "crlf.jsonl", &text);
    let out = run_in(&data, &["import", file.to_str().expect("utf-8 path")]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.starts_with("2 lines: 2 created"),
        "{}",
        out.stdout
    );
}

#[test]
fn importing_a_missing_file_fails_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let missing = dir.path().join("missing.jsonl");
    let out = run_in(&data, &["import", missing.to_str().expect("utf-8 path")]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("cannot open"), "{}", out.stderr);
}

#[tokio::test]
async fn the_server_log_holds_no_secrets_and_no_full_numbers_of_users() {
    use reqwest::Method;
    let dir = tempfile::tempdir().expect("tempdir");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let master = bizseal::keys::MasterKey::generate_hex().expect("master key");
    let reviewer = "rev-3c8f1e9a7b2d4c6e";
    let server = Command::new(env!("CARGO_BIN_EXE_bizseal"))
        .args(["--data-dir", dir.path().join("data").to_str().unwrap()])
        .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}")])
        .env("NO_COLOR", "1")
        .env("BIZSEAL_LOG", "debug")
        .env("BIZSEAL_MASTER_KEY", &master)
        .env("BIZSEAL_REVIEWER_TOKEN", reviewer)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start the server");
    let client = reqwest::Client::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while client.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(std::time::Instant::now() < deadline, "server did not start");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    // A business registers, proves a number (one wrong code first), and a
    // customer reports a number; a reviewer reads the queue.
    let (status, registered) = send_json(
        &client,
        Method::POST,
        format!("{base}/v1/businesses"),
        None,
        Some(
            json!({"legal_name": "Óptica Sol S.L.", "names": {"es": "Óptica Sol"},
                    "default_lang": "es", "category": "retail", "country": "ES", "city": "Madrid"}),
        ),
    )
    .await;
    assert_eq!(status, 201, "{registered}");
    let id = registered["business"]["id"].as_str().unwrap().to_owned();
    let key = registered["api_key"].as_str().unwrap().to_owned();
    let number = "+34612000111";
    let numbers = format!("/v1/businesses/{id}/numbers");
    let (status, _) = send_json(
        &client,
        Method::POST,
        format!("{base}{numbers}"),
        Some(&key),
        Some(json!({"number": number})),
    )
    .await;
    assert_eq!(status, 202);
    let (_, outbox) = send_json(
        &client,
        Method::GET,
        format!("{base}/v1/review/outbox"),
        Some(reviewer),
        None,
    )
    .await;
    let code = outbox["codes"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["number"] == number))
        .and_then(|c| c["code"].as_str())
        .expect("a code in the outbox")
        .to_owned();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let confirm = format!("{numbers}/{number}/confirm");
    let (status, _) = send_json(
        &client,
        Method::POST,
        format!("{base}{confirm}"),
        Some(&key),
        Some(json!({"code": wrong})),
    )
    .await;
    assert_ne!(status, 200);
    let (status, _) = send_json(
        &client,
        Method::POST,
        format!("{base}{confirm}"),
        Some(&key),
        Some(json!({"code": code})),
    )
    .await;
    assert_eq!(status, 200);
    let report = json!({"number": "+34 699 123 456", "region": "ES", "reason": "scam",
                        "comment": "pin-7741"});
    let (status, _) = send_json(
        &client,
        Method::POST,
        format!("{base}/v1/reports"),
        None,
        Some(report),
    )
    .await;
    assert_eq!(status, 202);
    let (status, _) = send_json(
        &client,
        Method::GET,
        format!("{base}/v1/review/queue"),
        Some("not-the-token"),
        None,
    )
    .await;
    assert_eq!(status, 401);

    // Stop it gracefully and read everything it logged.
    let pid = server.id() as libc::pid_t;
    // SAFETY: signalling a child process this test started and still owns.
    unsafe { libc::kill(pid, libc::SIGTERM) };
    let out = tokio::task::spawn_blocking(move || server.wait_with_output())
        .await
        .unwrap()
        .expect("server output");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        log.contains("bizseal is listening"),
        "the log was captured: {log}"
    );
    assert!(
        !dir.path().join("data/master.key").exists(),
        "BIZSEAL_MASTER_KEY was used, no key file was made beside the data"
    );
    assert!(log.contains("one-time code queued"), "{log}");
    assert!(
        log.contains("saved the filter of known numbers"),
        "a graceful stop saves the filter for the next start: {log}"
    );
    for (what, secret) in [
        ("API key", key.as_str()),
        ("one-time code", code.as_str()),
        ("reviewer token", reviewer),
        ("master key", master.as_str()),
        ("proven number", &number[1..]),
        ("reported number", "34699123456"),
        ("report comment", "pin-7741"),
    ] {
        assert!(!log.contains(secret), "the log shows the {what}: {log}");
    }
}

#[test]
fn the_master_key_comes_from_the_environment_or_a_file_outside_the_data_dir() {
    let dir = tempfile::tempdir().expect("tempdir");
    let keys_list = |data: &str, env: &[(&str, &str)], extra: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_bizseal"));
        command
            .args(["--data-dir", dir.path().join(data).to_str().unwrap()])
            .args(extra)
            .args(["keys", "list"])
            .env("NO_COLOR", "1");
        for (name, _) in std::env::vars() {
            if name.starts_with("BIZSEAL_") {
                command.env_remove(name);
            }
        }
        command.envs(env.iter().copied());
        command.output().expect("run bizseal")
    };
    let key = bizseal::keys::MasterKey::generate_hex().expect("key");
    let other = bizseal::keys::MasterKey::generate_hex().expect("key");

    let first = keys_list("a", &[("BIZSEAL_MASTER_KEY", &key)], &[]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(!dir.path().join("a/master.key").exists());
    let again = keys_list("a", &[("BIZSEAL_MASTER_KEY", &key)], &[]);
    assert!(again.status.success());
    let wrong = keys_list("a", &[("BIZSEAL_MASTER_KEY", &other)], &[]);
    assert!(
        !wrong.status.success(),
        "another master key cannot open the keys"
    );

    let file = write(dir.path(), "master.hex", &key);
    let by_file = keys_list("b", &[], &["--master-key-file", file.to_str().unwrap()]);
    assert!(
        by_file.status.success(),
        "{}",
        String::from_utf8_lossy(&by_file.stderr)
    );
    assert!(!dir.path().join("b/master.key").exists());
    let without = keys_list("b", &[], &[]);
    assert!(!without.status.success(), "the keys need the file's key");
}

#[test]
fn check_numbers_lists_the_listed_numbers_the_phone_metadata_refuses() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (data, _, _) = imported_klm(dir.path());
    let clean = run_in(&data, &["check-numbers"]);
    assert_eq!(clean.code, Some(0), "{}{}", clean.stdout, clean.stderr);
    // A command does no server's background work (the known-numbers fill).
    assert!(
        !clean.stderr.contains("learned the known numbers"),
        "{}",
        clean.stderr
    );
    assert!(
        clean
            .stdout
            .ends_with(" numbers checked, 0 refused by this build's phone metadata\n"),
        "{}",
        clean.stdout
    );

    let stale = STALE;
    list_unchecked(&open(&data), stale);
    let found = run_in(&data, &["check-numbers"]);
    assert_eq!(found.code, Some(1), "{}{}", found.stdout, found.stderr);
    let lines: Vec<&str> = found.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", found.stdout);
    let fields: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(fields[..3], [stale, KLM_ID, "unproven"], "{}", lines[0]);
    assert!(!fields[3].is_empty(), "{}", lines[0]);
    assert!(lines[1].contains(", 1 refused"), "{}", lines[1]);

    // A check makes no data dir where there is none.
    let missing = dir.path().join("nothing-here");
    let none = run_in(&missing, &["check-numbers"]);
    assert_eq!(none.code, Some(1));
    assert!(
        none.stderr.contains("holds no bizseal data"),
        "{}",
        none.stderr
    );
    assert!(!missing.exists());
}

/// One table of `bizseal stats --json`'s answer.
fn table_in(stats: &Value, name: &str) -> Value {
    stats["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .find(|t| t["name"] == name)
        .cloned()
        .unwrap_or_else(|| panic!("no table {name} in {stats}"))
}

/// The rows of one table, as `bizseal stats --json` counts them.
fn table_rows(data: &Path, name: &str) -> u64 {
    let run = run_in(data, &["stats", "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let stats: Value = serde_json::from_str(&run.stdout).expect("stats JSON");
    table_in(&stats, name)["rows"].as_u64().expect("rows")
}

#[test]
fn import_repacks_and_stats_and_compact_keep_every_answer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let text = [
        line(&demo_profile(KLM_ID)),
        line(&demo_profile(TELEFONICA_ID)),
        line(&other_business(OTHER_ID, "+31205550103")),
    ]
    .join("\n")
        + "\n";
    let file = write(dir.path(), "three.jsonl", &text);
    let file_name = file.to_str().expect("utf-8 path");

    // An import that writes most of the directory repacks its tables.
    let imported = run_in(&data, &["import", file_name]);
    assert_eq!(imported.code, Some(0), "{}", imported.stderr);
    assert!(
        imported
            .stdout
            .contains("repacked the lookup tables (answers, numbers, number_hashes): "),
        "{}",
        imported.stdout
    );
    // One that writes nothing does not.
    let again = run_in(&data, &["import", file_name]);
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    assert!(!again.stdout.contains("repacked"), "{}", again.stdout);

    let stats = run_in(&data, &["--cache-mb", "64", "stats", "--json"]);
    assert_eq!(stats.code, Some(0), "{}", stats.stderr);
    let whole: Value = serde_json::from_str(&stats.stdout).expect("stats JSON");
    assert_eq!(whole["cache_bytes"], 64 * 1024 * 1024);
    assert_eq!(whole["page_size"], 4096);
    let answers = table_in(&whole, "answers");
    let rows = answers["rows"].as_u64().expect("rows");
    assert!(rows >= 3, "{answers}");
    assert!(answers["stored_bytes"].as_u64() > Some(0), "{answers}");

    let table = run_in(&data, &["stats"]);
    assert_eq!(table.code, Some(0), "{}", table.stderr);
    let answers_line = table
        .stdout
        .lines()
        .find(|l| l.starts_with("answers "))
        .expect("an answers row");
    assert!(
        answers_line.contains(&format!(" {rows} ")),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("% of the cache"), "{}", table.stdout);

    let token = lookup(&open(&data), KLM).attestation.expect("token");
    let compacted = run_in(&data, &["compact"]);
    assert_eq!(compacted.code, Some(0), "{}", compacted.stderr);
    assert!(
        compacted.stdout.starts_with("repacked 36 tables: "),
        "{}",
        compacted.stdout
    );
    assert!(
        compacted.stdout.contains(" MiB -> "),
        "{}",
        compacted.stdout
    );
    assert_eq!(table_rows(&data, "answers"), rows);
    let service = open(&data);
    assert_eq!(lookup(&service, KLM).attestation, Some(token));
    // Only claimed: not public, but the claim survived.
    assert_eq!(
        lookup(&service, "+31205550103").status,
        bizseal::model::PublicStatus::Unknown
    );
    assert!(service
        .store()
        .read()
        .unwrap()
        .claim(E164::stored("+31205550103"), OTHER_ID)
        .unwrap()
        .is_some());
    drop(service);

    // Neither makes a data dir where there is none, nor takes a bad size.
    let missing = dir.path().join("nothing-here");
    for command in ["stats", "compact"] {
        let none = run_in(&missing, &[command]);
        assert_eq!(none.code, Some(1), "{command}: {}", none.stderr);
        assert!(
            none.stderr.contains("holds no bizseal data"),
            "{}",
            none.stderr
        );
    }
    assert!(!missing.exists());
    let tiny = run_in(&data, &["--cache-mb", "1", "stats"]);
    assert_eq!(tiny.code, Some(2), "{}", tiny.stderr);
}

/// Forgets which build rendered the stored answers, as a directory last
/// served by a build with another renderer leaves them.
fn forget_answers_version(data: &Path) {
    const META: redb::TableDefinition<&str, &[u8]> = redb::TableDefinition::new("meta");
    let db = redb::Database::open(data.join("bizseal.redb")).expect("open the database");
    let tx = db.begin_write().expect("write");
    tx.open_table(META)
        .expect("meta")
        .remove("answers_backfilled")
        .expect("remove");
    tx.commit().expect("commit");
}

fn answers_version_recorded(data: &Path) -> bool {
    use redb::ReadableDatabase;
    const META: redb::TableDefinition<&str, &[u8]> = redb::TableDefinition::new("meta");
    let db = redb::Database::open(data.join("bizseal.redb")).expect("open the database");
    let tx = db.begin_read().expect("read");
    let meta = tx.open_table(META).expect("meta");
    meta.get("answers_backfilled").expect("get").is_some()
}

#[test]
fn an_import_leaves_every_answer_rendered_by_this_build() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let first = write(
        dir.path(),
        "two.jsonl",
        &([
            line(&demo_profile(KLM_ID)),
            line(&demo_profile(TELEFONICA_ID)),
        ]
        .join("\n")
            + "\n"),
    );
    let imported = run_in(&data, &["import", first.to_str().expect("utf-8 path")]);
    assert_eq!(imported.code, Some(0), "{}", imported.stderr);
    // Into an empty directory every answer was rendered as it committed.
    assert!(!imported.stdout.contains("rendered"), "{}", imported.stdout);
    assert!(answers_version_recorded(&data));
    // A command leaves the stored answers alone, even those of another
    // build (the next server start or import renders them again).
    let rows = table_rows(&data, "answers");
    assert!(rows >= 2, "{rows}");
    forget_answers_version(&data);
    assert_eq!(run_in(&data, &["check-numbers"]).code, Some(0));
    assert_eq!(table_rows(&data, "answers"), rows);
    assert!(!answers_version_recorded(&data));

    let token = lookup(&open(&data), KLM).attestation.expect("token");
    forget_answers_version(&data);
    let other = write(
        dir.path(),
        "other.jsonl",
        &(line(&other_business(OTHER_ID, "+31205550103")) + "\n"),
    );
    let again = run_in(&data, &["import", other.to_str().expect("utf-8 path")]);
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    // Answers of another build are rendered again, all of them.
    let rendered: u64 = again
        .stdout
        .lines()
        .find_map(|l| {
            l.strip_prefix("rendered ")?
                .strip_suffix(" stored answers")?
                .parse()
                .ok()
        })
        .unwrap_or_else(|| panic!("no rendered line: {}", again.stdout));
    assert_eq!(rendered, table_rows(&data, "numbers"));
    assert!(
        again.stdout.contains("repacked the lookup tables"),
        "{}",
        again.stdout
    );
    assert!(answers_version_recorded(&data));
    let service = open(&data);
    assert_eq!(lookup(&service, KLM).attestation, Some(token));
    // Only claimed: not public, but the claim survived.
    assert_eq!(
        lookup(&service, "+31205550103").status,
        bizseal::model::PublicStatus::Unknown
    );
    assert!(service
        .store()
        .read()
        .unwrap()
        .claim(E164::stored("+31205550103"), OTHER_ID)
        .unwrap()
        .is_some());
}

#[test]
fn a_weak_operator_token_is_refused_outside_the_demo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let out = Command::new(env!("CARGO_BIN_EXE_bizseal"))
        .args([
            "--data-dir",
            data.to_str().expect("utf-8 path"),
            "serve",
            "--addr",
            "127.0.0.1:0",
        ])
        .env("BIZSEAL_REVIEWER_TOKEN", "rev")
        .env_remove("BIZSEAL_DEMO")
        .output()
        .expect("run bizseal");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("BIZSEAL_REVIEWER_TOKEN is too weak"),
        "{stderr}"
    );
    assert!(!data.exists(), "refused before anything was written");
}

#[test]
fn reviewers_are_added_listed_and_removed_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let added = run_in(&data, &["reviewer", "add", "Ana"]);
    assert_eq!(added.code, Some(0), "{}", added.stderr);
    assert!(added.stdout.trim().starts_with("bzr_"), "{}", added.stdout);
    let admin = run_in(&data, &["reviewer", "create", "Root", "--admin"]);
    assert_eq!(admin.code, Some(0), "{}", admin.stderr);
    let listed = run_in(&data, &["reviewer", "list"]);
    assert_eq!(listed.stdout, "Ana\treviewer\nRoot\tadmin\n");
    let again = run_in(&data, &["reviewer", "add", "Ana"]);
    assert_eq!(again.code, Some(1), "{}", again.stderr);
    assert_eq!(run_in(&data, &["reviewer", "remove", "Ana"]).code, Some(0));
    assert_eq!(run_in(&data, &["reviewer", "remove", "Ana"]).code, Some(1));
    assert_eq!(run_in(&data, &["reviewer", "list"]).stdout, "Root\tadmin\n");
}
