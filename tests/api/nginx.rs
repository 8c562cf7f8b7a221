//! deploy/nginx.conf in front of a real server and a published tree:
//! clients sync and check through it, then bizseal stops, and clients
//! still sync and check from the static tree while cached lookups are
//! served stale. Needs nginx (apt `nginx-light`, installed by .ci/run):
//! without it the test says so, and fails under `CI=true`.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::badges::{all_numbers, publish_to};
use crate::helpers::{spawn_app, KLM, LEVEL_B, UNLISTED};

fn nginx_binary() -> Option<PathBuf> {
    ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// nginx running on deploy/nginx.conf with its paths and ports pointed at
/// this test's; stopped when dropped.
struct Nginx {
    child: Child,
    port: u16,
    _prefix: tempfile::TempDir,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        stop(&mut self.child);
    }
}

/// Stops nginx the way that stops its workers too (SIGTERM to the master:
/// a SIGKILL would leave them running, orphaned).
fn stop(child: &mut Child) {
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let _ = child.wait();
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_nginx(binary: &Path, root: &Path, upstream: std::net::SocketAddr) -> Nginx {
    let prefix = tempfile::tempdir().unwrap();
    let port = free_port();
    let conf =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/nginx.conf")).unwrap();
    let conf = conf
        .replace("/srv/bizseal/published", &root.display().to_string())
        .replace("/var/cache/nginx", &prefix.path().display().to_string())
        .replace("server 127.0.0.1:8080;", &format!("server {upstream};"))
        .replace("listen 8081;", &format!("listen 127.0.0.1:{port};"));
    for (from, to) in [
        ("root ", "root"),
        ("server ", "server"),
        ("listen ", "listen"),
    ] {
        assert!(conf.contains(from), "the config lost its {to} line");
    }
    let conf_path = prefix.path().join("nginx.conf");
    std::fs::write(&conf_path, conf).unwrap();
    let p = prefix.path().display();
    // As root, nginx's workers would drop to `nobody`, who cannot read a
    // temporary directory: keep them as the test's user.
    let user = if unsafe { libc::geteuid() } == 0 {
        "user root;"
    } else {
        ""
    };
    let mut child = Command::new(binary)
        .arg("-p")
        .arg(prefix.path())
        .arg("-c")
        .arg(&conf_path)
        .arg("-e")
        .arg(prefix.path().join("error.log"))
        .arg("-g")
        .arg(format!(
            "daemon off; {user} pid {p}/nginx.pid; error_log {p}/error.log;"
        ))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nginx starts");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Nginx {
                child,
                port,
                _prefix: prefix,
            };
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    stop(&mut child);
    let log = std::fs::read_to_string(prefix.path().join("error.log")).unwrap_or_default();
    panic!("nginx did not start: {log}");
}

pub fn bizseal(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bizseal"))
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    (
        out.status.success(),
        format!("{}{stderr}", String::from_utf8_lossy(&out.stdout)),
    )
}

pub fn check_lines(dir: &Path, numbers: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["client", "check", dir.to_str().unwrap()];
    args.extend_from_slice(numbers);
    let (ok, out) = bizseal(&args);
    assert!(ok, "{out}");
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[tokio::test]
async fn through_nginx_clients_sync_and_check_and_keep_checking_with_bizseal_stopped() {
    let Some(binary) = nginx_binary() else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("nginx is missing: .ci/run installs nginx-light");
        }
        eprintln!("nginx is not installed: skipping the deploy/nginx.conf test (apt-get install nginx-light)");
        return;
    };
    let app = spawn_app().await;
    let root = tempfile::tempdir().unwrap();
    publish_to(&app.service, root.path()).await;
    let nginx = start_nginx(&binary, root.path(), app.addr);
    let url = format!("http://127.0.0.1:{}", nginx.port);
    let http = reqwest::Client::new();

    // Static files carry the cache lifetimes the config gives them.
    let manifest = http
        .get(format!("{url}/badges/manifest.jws"))
        .send()
        .await
        .unwrap();
    assert_eq!(manifest.status(), 200);
    assert_eq!(manifest.headers()["cache-control"], "public, max-age=60");
    // Content-addressed files (snapshots, buckets of answers, tiles) are
    // cached for ever.
    for dir in ["badges/snapshot", "badges/answers", "badges/tree"] {
        let file = std::fs::read_dir(root.path().join(dir))
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        let name = file.file_name();
        let got = http
            .get(format!("{url}/{dir}/{}", name.to_string_lossy()))
            .send()
            .await
            .unwrap();
        assert_eq!(got.status(), 200, "{dir}");
        let cache_control = got.headers()["cache-control"].to_str().unwrap();
        assert!(
            cache_control.contains("immutable"),
            "{dir}: {cache_control}"
        );
    }

    // A lookup through nginx, cached.
    let lookup = format!("{url}/v1/numbers/{KLM}");
    let first = http.get(&lookup).send().await.unwrap();
    let etag = first.headers()["etag"].clone();
    // A cache may serve it stale while bizseal fails, for as long as the
    // answer says (the config has no blanket rule of its own: nginx
    // honours stale-if-error, checked by hand with nginx 1.22).
    let cache_control = first.headers()["cache-control"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cache_control.starts_with("public, max-age=60, stale-if-error="),
        "{cache_control}"
    );
    let body: serde_json::Value = first.json().await.unwrap();
    assert_eq!(body["status"], "verified");
    let again = http.get(&lookup).send().await.unwrap();
    assert_eq!(again.headers()["x-cache-status"], "HIT");

    // A client syncs through nginx and checks.
    let book = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(book.path(), all_numbers(&app.service).join("\n")).unwrap();
    let client = tempfile::tempdir().unwrap();
    let dir = client.path().to_str().unwrap();
    let (ok, out) = bizseal(&[
        "client",
        "sync",
        &url,
        dir,
        "--numbers",
        book.path().to_str().unwrap(),
    ]);
    assert!(ok, "{out}");
    // Synced again: the held buckets are still their leaves, not fetched.
    let (ok, out) = bizseal(&["client", "sync", &url, dir]);
    assert!(ok, "{out}");
    let again: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(again["took"], "up_to_date", "{again}");
    assert!(again["buckets"].as_u64() > Some(0), "{again}");
    assert_eq!(again["unchanged"], again["buckets"], "{again}");
    assert_eq!(again["files"], 1, "only the manifest: {again}");

    // bizseal stops; nginx and the published tree stay.
    let _data = app.stop().await;
    let lines = check_lines(client.path(), &[KLM, LEVEL_B, UNLISTED]);
    assert_eq!(
        (lines[0]["badge"].as_bool(), lines[0]["level"].as_str()),
        (Some(true), Some("A"))
    );
    assert_eq!(
        (lines[1]["badge"].as_bool(), lines[1]["level"].as_str()),
        (Some(true), Some("B"))
    );
    assert_eq!(lines[2]["badge"], false);

    // A new client syncs from the static tree alone and checks.
    let fresh = tempfile::tempdir().unwrap();
    let (ok, out) = bizseal(&[
        "client",
        "sync",
        &url,
        fresh.path().to_str().unwrap(),
        "--numbers",
        book.path().to_str().unwrap(),
    ]);
    assert!(ok, "{out}");
    let lines = check_lines(fresh.path(), &[KLM, UNLISTED]);
    assert_eq!(
        (lines[0]["badge"].as_bool(), lines[0]["source"].as_str()),
        (Some(true), Some("answer"))
    );
    assert_eq!(lines[1]["badge"], false);

    // The cached lookup still answers, the same signed bytes.
    let stale = http.get(&lookup).send().await.unwrap();
    assert_eq!(stale.status(), 200);
    assert_eq!(stale.headers()["etag"], etag);
    let stale: serde_json::Value = stale.json().await.unwrap();
    assert_eq!(stale["attestation"], body["attestation"]);
    drop(nginx);
}
