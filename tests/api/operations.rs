//! Operating the service: keys at rest, storage failures, backups.

use bizseal::config::Config;
use bizseal::keys::MasterKey;
use bizseal::service::{Service, ServiceError};
use bizseal::store::prelude::*;

#[test]
fn signing_keys_open_only_with_their_master_key() {
    let dir = tempfile::tempdir().unwrap();
    let key_a = MasterKey::generate_hex().unwrap();
    let key_b = MasterKey::generate_hex().unwrap();
    let mut config = Config::new(dir.path().join("data"));
    config.master_key = Some(key_a.clone());
    let kid = {
        let service = Service::open(config.clone()).unwrap();
        service.keyring().active_kid().to_owned()
    };
    // The database file holds no private key in clear, and no master key.
    let db = std::fs::read(dir.path().join("data/bizseal.redb")).unwrap();
    assert!(!db.windows(key_a.len()).any(|w| w == key_a.as_bytes()));
    assert!(
        !dir.path().join("data/master.key").exists(),
        "a given master key is not written down"
    );

    config.master_key = Some(key_b);
    match Service::open(config.clone()) {
        Err(ServiceError::Key(e)) => assert!(e.to_string().contains("wrong master key"), "{e}"),
        Err(other) => panic!("expected a key error, got {other}"),
        Ok(_) => panic!("opened with the wrong master key"),
    }
    config.master_key = Some(key_a);
    assert_eq!(Service::open(config).unwrap().keyring().active_kid(), kid);
}

#[test]
fn a_fresh_data_dir_gets_a_private_master_key_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    drop(Service::open(Config::new(&data)).unwrap());
    let path = data.join("master.key");
    assert!(MasterKey::parse(&std::fs::read_to_string(&path).unwrap()).is_ok());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            std::fs::metadata(data.join("bizseal.redb"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o600
        );
        assert_eq!(
            std::fs::metadata(&data).unwrap().permissions().mode() & 0o777,
            0o700
        );
    }
    // Reopening reuses it.
    assert!(Service::open(Config::new(&data)).is_ok());
}

/// Opens a restored copy beside the original's master key.
fn open_restored(app: &crate::helpers::TestApp, db: &std::path::Path) -> Service {
    let restored = app.dir.path().join("restored");
    std::fs::create_dir_all(&restored).unwrap();
    std::fs::copy(db, restored.join("bizseal.redb")).unwrap();
    let mut config = Config::new(&restored);
    config.master_key_file = Some(app.dir.path().join("data/master.key"));
    Service::open(config).expect("the backup opens")
}

#[tokio::test]
async fn a_backup_taken_while_serving_restores_every_record() {
    use crate::helpers::*;
    let app = spawn_with(|c| c.reviewer_token = Some("rev".into()), true).await;
    let before = app.get_json(&format!("/v1/numbers/{KLM}")).await.1;
    let r = app
        .client
        .get(app.url("/v1/review/backup"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401, "backups need a reviewer token");
    let r = app
        .client
        .get(app.url("/v1/review/backup"))
        .bearer_auth("rev")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let bytes = r.bytes().await.unwrap();
    let copy = app.dir.path().join("copy.redb");
    std::fs::write(&copy, &bytes).unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(app.dir.path().join("data"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary copy is left in the data dir"
    );

    let restored = open_restored(&app, &copy);
    let original = app.service.store().read().unwrap();
    let copy = restored.store().read().unwrap();
    assert_eq!(
        copy.business_count().unwrap(),
        original.business_count().unwrap()
    );
    assert_eq!(copy.last_seq().unwrap(), original.last_seq().unwrap());
    let klm = bizseal::phone::PhoneNumber::parse(KLM, None).unwrap();
    let answer = restored.lookup(&klm, &[]).unwrap();
    assert_eq!(
        answer.attestation.as_deref(),
        before["attestation"].as_str()
    );
    assert_eq!(
        restored.keyring().active_kid(),
        app.service.keyring().active_kid()
    );
}

#[tokio::test]
async fn the_backup_command_works_beside_a_running_server() {
    use crate::helpers::*;
    let app = spawn_with(|c| c.reviewer_token = Some("rev".into()), true).await;
    let bin = env!("CARGO_BIN_EXE_bizseal");
    let data = app.dir.path().join("data");
    let dest = app.dir.path().join("cli-copy.redb");
    let run = move |args: Vec<String>| {
        let out = std::process::Command::new(bin)
            .args(args)
            .env_remove("BIZSEAL_REVIEWER_TOKEN")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let base = |extra: &[&str]| {
        let mut v = vec![
            "--data-dir".to_owned(),
            data.display().to_string(),
            "backup".to_owned(),
            dest.display().to_string(),
        ];
        v.extend(extra.iter().map(|s| s.to_string()));
        v
    };
    let (code, _, err) = tokio::task::spawn_blocking({
        let args = base(&[]);
        move || run(args)
    })
    .await
    .unwrap();
    assert_eq!(code, Some(1));
    assert!(err.contains("in use by a running bizseal"), "{err}");

    let server = format!("http://{}", app.addr);
    let (code, out, err) = tokio::task::spawn_blocking({
        let args = base(&["--server", &server, "--token", "rev"]);
        move || run(args)
    })
    .await
    .unwrap();
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("backed up"), "{out}");
    let restored = open_restored(&app, &dest);
    assert_eq!(
        restored.store().read().unwrap().business_count().unwrap(),
        45
    );

    let (code, _, err) = tokio::task::spawn_blocking({
        let args = base(&["--server", &server, "--token", "rev"]);
        move || run(args)
    })
    .await
    .unwrap();
    assert_eq!(code, Some(1));
    assert!(err.contains("never overwrites"), "{err}");
}

#[tokio::test]
async fn a_nearly_full_disk_refuses_writes_with_503_and_reads_go_on() {
    use crate::helpers::*;
    let app = spawn_app().await;
    let report = serde_json::json!({"number": TELEFONICA, "reason": "scam"});
    app.service.store().set_min_free(u64::MAX);
    let r = app
        .client
        .post(app.url("/v1/reports"))
        .json(&report)
        .send()
        .await
        .unwrap();
    assert_eq!(header(&r, "retry-after"), "60");
    let problem = assert_problem(r, 503, "storage_full").await;
    assert!(problem["detail"]
        .as_str()
        .unwrap()
        .contains("nothing was written"));

    let (status, looked) = app.get_json(&format!("/v1/numbers/{TELEFONICA}")).await;
    assert_eq!(status, 200, "reads go on");
    assert_eq!(looked["status"], "verified");
    assert_eq!(
        looked["reputation"]["reports_30d"], 0,
        "the refused report left nothing"
    );
    assert_eq!(app.get("/v1/search?q=telefonica").await.status(), 200);
    assert_eq!(app.get("/healthz").await.status(), 200);

    app.service.store().set_min_free(0);
    let (status, _) = app.post_json("/v1/reports", &report).await;
    assert_eq!(status, 202, "space freed: writes work again");
    let (_, looked) = app.get_json(&format!("/v1/numbers/{TELEFONICA}")).await;
    assert_eq!(looked["reputation"]["reports_30d"], 1);
}

/// A number listed before a numbering-metadata update that refuses it now
/// stays reachable by its exact E.164 text: reports and a reviewer's
/// revocation reach it; typed another way it is refused as before.
#[tokio::test]
async fn a_listed_number_the_metadata_now_refuses_is_still_reachable() {
    let app = crate::helpers::spawn_app().await;
    let stale = crate::helpers::STALE;
    assert_eq!(
        app.post_json(
            "/v1/reports",
            &serde_json::json!({"number": stale, "reason": "spam"})
        )
        .await
        .0,
        400,
        "unlisted and invalid: refused"
    );
    crate::helpers::list_unchecked(&app.service, stale);
    let (status, body) = app
        .post_json(
            "/v1/reports",
            &serde_json::json!({"number": stale, "reason": "spam"}),
        )
        .await;
    assert_eq!(status, 202, "{body}");
    let (status, looked) = app.get_json(&format!("/v1/numbers/{stale}")).await;
    assert_eq!(status, 200, "{looked}");
    assert_eq!(looked["reputation"]["reports_30d"], 1, "{looked}");
    let (status, _) = app
        .post_json(
            "/v1/reports",
            &serde_json::json!({"number": "+47 43 55 57 99", "reason": "spam"}),
        )
        .await;
    assert_eq!(status, 400, "typed another way it is parsed, and refused");
}
