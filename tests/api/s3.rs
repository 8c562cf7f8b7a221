//! `bizseal publish --to s3://bucket/prefix` against an S3-compatible
//! server (moto, from PyPI: `pip install 'moto[server]'`), configured the
//! way an operator would, through AWS_* variables; a client then syncs
//! from the bucket over plain HTTP and hears of a revocation. The server
//! is BIZSEAL_MOTO, the path of a `moto_server` (.ci/run makes a venv):
//! without it the test says so, and fails under `CI=true`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use bizseal::config::Config;
use bizseal::phone::PhoneNumber;
use bizseal::service::Service;

use crate::badges::all_numbers;
use crate::helpers::{spawn_app, KLM, LEVEL_B, UNLISTED};
use crate::nginx::{bizseal, check_lines, free_port};

/// moto's S3 on a port of its own; stopped when dropped.
struct Moto {
    child: Child,
    port: u16,
    _log: tempfile::NamedTempFile,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn moto_binary() -> Option<PathBuf> {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    match std::env::var_os("BIZSEAL_MOTO") {
        Some(path) => {
            let path = PathBuf::from(path);
            assert!(
                path.exists(),
                "BIZSEAL_MOTO={} does not exist",
                path.display()
            );
            Some(path)
        }
        None => {
            assert!(
                !ci,
                "BIZSEAL_MOTO (a moto_server from `pip install 'moto[server]'`) is needed under CI: .ci/run sets it"
            );
            None
        }
    }
}

async fn start_moto(binary: &Path) -> Moto {
    let port = free_port();
    let log = tempfile::NamedTempFile::new().unwrap();
    let mut child = Command::new(binary)
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(log.reopen().unwrap())
        .spawn()
        .expect("moto_server starts");
    let http = reqwest::Client::new();
    // Python takes a few seconds to import moto on a busy machine.
    for _ in 0..600 {
        if let Some(status) = child.try_wait().unwrap() {
            let log = std::fs::read_to_string(log.path()).unwrap_or_default();
            panic!("moto_server exited ({status}): {log}");
        }
        if http
            .get(format!("http://127.0.0.1:{port}/"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return Moto {
                child,
                port,
                _log: log,
            };
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = child.kill();
    let log = std::fs::read_to_string(log.path()).unwrap_or_default();
    panic!("moto_server did not answer within a minute: {log}");
}

/// `bizseal --data-dir DATA publish --to TO` with the bucket's settings in
/// AWS_* variables (and none of the caller's): its JSON report.
fn publish(data: &Path, to: &str, endpoint: &str) -> serde_json::Value {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bizseal"));
    for (name, _) in std::env::vars() {
        if name.starts_with("AWS_") || name.starts_with("BIZSEAL_") {
            command.env_remove(name);
        }
    }
    let out = command
        .args(["--data-dir", data.to_str().unwrap(), "publish", "--to", to])
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ENDPOINT_URL", endpoint)
        .env("AWS_ALLOW_HTTP", "true")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(stdout.lines().last().unwrap()).unwrap()
}

#[tokio::test]
async fn a_tree_published_to_an_s3_bucket_twice_is_written_once_and_a_client_syncs_a_revocation_from_it(
) {
    let Some(binary) = moto_binary() else {
        eprintln!("BIZSEAL_MOTO is not set: skipping the S3 publish test (python3 -m venv V && V/bin/pip install 'moto[server]'; BIZSEAL_MOTO=V/bin/moto_server)");
        return;
    };
    let moto = start_moto(&binary).await;
    let endpoint = format!("http://127.0.0.1:{}", moto.port);
    let http = reqwest::Client::new();
    let made = http
        .put(format!("{endpoint}/bizseal-test"))
        .send()
        .await
        .unwrap();
    assert!(made.status().is_success(), "{:?}", made.text().await);
    // Readers get the published prefix without credentials, as they would
    // from a bucket behind a CDN.
    let policy = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::bizseal-test/published/v1/*",
        }],
    });
    let set = http
        .put(format!("{endpoint}/bizseal-test?policy"))
        .header("content-type", "application/json")
        .body(policy.to_string())
        .send()
        .await
        .unwrap();
    assert!(set.status().is_success(), "{:?}", set.text().await);

    // The demo directory, in a data dir no server holds any more.
    let app = spawn_app().await;
    let numbers = all_numbers(&app.service);
    // The service's key set, as a client gets it from a source it trusts.
    let jwks = tempfile::NamedTempFile::new().unwrap();
    let keys = app
        .get("/.well-known/jwks.json")
        .await
        .bytes()
        .await
        .unwrap();
    std::fs::write(jwks.path(), &keys).unwrap();
    let dir = app.stop().await;
    let data = dir.path().join("data");
    let to = "s3://bizseal-test/published/v1";

    let first = publish(&data, to, &endpoint);
    assert_eq!(
        (&first["written"], &first["snapshot_written"]),
        (&true.into(), &true.into()),
        "{first}"
    );
    // Every file is under the prefix, nothing beside it.
    let listing = http
        .get(format!("{endpoint}/bizseal-test?list-type=2"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let keys: Vec<&str> = listing
        .split("<Key>")
        .skip(1)
        .filter_map(|k| k.split("</Key>").next())
        .collect();
    assert!(
        keys.contains(&"published/v1/badges/manifest.jws")
            && keys.contains(&"published/v1/.well-known/jwks.json")
            && keys.contains(&"published/v1/log/checkpoint"),
        "{keys:?}"
    );
    assert!(
        keys.iter().all(|k| k.starts_with("published/v1/")),
        "{keys:?}"
    );
    // Each object carries the headers a CDN in front of the bucket serves.
    let manifest = http
        .get(format!(
            "{endpoint}/bizseal-test/published/v1/badges/manifest.jws"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(manifest.headers()["cache-control"], "public, max-age=60");
    assert_eq!(manifest.headers()["content-type"], "application/jose");
    let snapshot = keys
        .iter()
        .find(|k| k.contains("/badges/snapshot/"))
        .expect("a snapshot");
    let snapshot = http
        .get(format!("{endpoint}/bizseal-test/{snapshot}"))
        .send()
        .await
        .unwrap();
    assert!(
        snapshot.headers()["cache-control"]
            .to_str()
            .unwrap()
            .ends_with("immutable"),
        "{:?}",
        snapshot.headers()
    );

    // Idempotent: a second publish with no change writes nothing.
    let again = publish(&data, to, &endpoint);
    assert_eq!(again["written"], false, "{again}");
    assert_eq!(again["version"], first["version"], "{again}");

    // A client syncs from the bucket over HTTP, as from a CDN in front.
    // It is given the key set: moto routes an unsigned GET of any path
    // ending in /.well-known/jwks.json to its Cognito (the key is there,
    // listed above; S3 serves it).
    let url = format!("{endpoint}/bizseal-test/published/v1");
    let book = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(book.path(), numbers.join("\n")).unwrap();
    let client = tempfile::tempdir().unwrap();
    let copy = client.path().to_str().unwrap();
    let (ok, out) = bizseal(&[
        "client",
        "sync",
        &url,
        copy,
        "--numbers",
        book.path().to_str().unwrap(),
        "--jwks",
        jwks.path().to_str().unwrap(),
    ]);
    assert!(ok, "{out}");
    let synced: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(synced["took"], "snapshot", "{synced}");
    let lines = check_lines(client.path(), &[KLM, LEVEL_B, UNLISTED]);
    assert_eq!(
        (lines[0]["badge"].as_bool(), lines[0]["level"].as_str()),
        (Some(true), Some("A"))
    );
    assert_eq!(lines[1]["badge"], true);
    assert_eq!(lines[2]["badge"], false);

    // A revocation, published to the bucket, reaches the client as a delta.
    {
        let service = Service::open(Config::new(&data)).expect("open the data dir");
        let klm = PhoneNumber::parse(KLM, None).unwrap();
        service
            .revoke_number(&klm, "reviewer", "number given up")
            .unwrap();
    }
    let second = publish(&data, to, &endpoint);
    assert_eq!(second["changed"], true, "{second}");
    assert!(
        second["version"].as_u64() > first["version"].as_u64(),
        "{second}"
    );
    let (ok, out) = bizseal(&["client", "sync", &url, copy]);
    assert!(ok, "{out}");
    let synced: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(synced["took"], "deltas", "{synced}");
    let lines = check_lines(client.path(), &[KLM, LEVEL_B]);
    assert_eq!(lines[0]["badge"], false, "{}", lines[0]);
    assert_eq!(lines[1]["badge"], true, "{}", lines[1]);

    // Not a destination: a plain error and a failed exit, no panic.
    let (ok, out) = bizseal(&[
        "--data-dir",
        data.to_str().unwrap(),
        "publish",
        "--to",
        "gs://bizseal-test/published",
    ]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("s3://bucket/prefix") && !out.contains("panicked"),
        "{out}"
    );
    drop(moto);
}
