//! The published badge list, end to end without HTTP in between: publish
//! to a directory, sync a client's copy from it, check numbers offline,
//! and compare with what the API answers. `badges_props` runs random
//! sequences of the same; `nginx` puts a real web server in front.

use std::path::Path;
use std::sync::Arc;

use bizseal::phone::PhoneNumber;
use bizseal::publish::dest::Destination;
use bizseal::publish::{self, Report, Settings};
use bizseal::service::{Rendered, Service};
use bizseal::store::prelude::*;
use bizseal::sync::{self, Local, SyncReport};

use crate::helpers::{spawn_app, KLM, LEVEL_B, TELEFONICA, UNLISTED};

/// Publishes the service's directory to `root` once.
pub async fn publish_to(service: &Arc<Service>, root: &Path) -> Report {
    let dest = Destination::local(root).expect("destination");
    publish::publish(service, &dest, Settings::default())
        .await
        .expect("publish")
}

/// Syncs `client` from the tree at `root` read as files (a CDN that
/// serves files as they are), keeping the answers of `book`'s hits.
pub fn sync_from(
    root: &Path,
    client: &Path,
    book: Option<&[String]>,
) -> Result<SyncReport, sync::SyncError> {
    let mut files = |path: &str| match std::fs::read(root.join(path)) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.to_string()),
    };
    sync::sync(&mut files, client, book, None, bizseal::model::now())
}

/// Every number the store lists, and one it does not.
pub fn all_numbers(service: &Service) -> Vec<String> {
    let r = service.store().read().unwrap();
    let mut numbers = vec![UNLISTED.to_owned()];
    r.each_number(|e164, _| {
        numbers.push(e164.to_owned());
        Ok(())
    })
    .unwrap();
    numbers
}

/// The server's answer for a number: (badge, level).
pub fn server_says(service: &Service, number: &str) -> (bool, Option<String>) {
    let answer = match service.lookup_typed(number, None, &[]).unwrap() {
        Rendered::Stored(ready) => serde_json::from_str::<serde_json::Value>(&ready.body).unwrap(),
        Rendered::Built(answer) => serde_json::to_value(&answer).unwrap(),
    };
    (
        answer["status"] == "verified",
        answer["level"].as_str().map(str::to_owned),
    )
}

/// The client's answer for a number, from its local copy: (badge, level).
pub fn client_says(client: &Path, number: &str) -> (bool, Option<String>) {
    let now = bizseal::model::now();
    let mut local = Local::open(client, now).expect("a synced copy");
    let v = local.check(number, now);
    assert_eq!(v.number, number);
    (v.badge, v.level)
}

#[tokio::test]
async fn a_synced_client_answers_every_number_as_the_api_does_and_hears_of_a_revocation_by_delta() {
    let app = spawn_app().await;
    let root = tempfile::tempdir().unwrap();
    let client = tempfile::tempdir().unwrap();
    let first = publish_to(&app.service, root.path()).await;
    assert!(
        first.written && first.snapshot_written && first.badged > 3,
        "{first:?}"
    );
    assert!(root.path().join(".well-known/jwks.json").exists());

    let numbers = all_numbers(&app.service);
    let synced = sync_from(root.path(), client.path(), Some(&numbers)).unwrap();
    assert_eq!((synced.took, synced.version), ("snapshot", first.version));
    for number in &numbers {
        assert_eq!(
            client_says(client.path(), number),
            server_says(&app.service, number),
            "{number}"
        );
    }
    // The API over HTTP agrees on the badges the demo is known for.
    for (number, level) in [(KLM, "A"), (TELEFONICA, "A"), (LEVEL_B, "B")] {
        let (status, body) = app.get_json(&format!("/v1/numbers/{number}")).await;
        assert_eq!((status, body["level"].as_str()), (200, Some(level)));
        assert_eq!(
            client_says(client.path(), number),
            (true, Some(level.to_owned()))
        );
    }

    // Publishing again with nothing changed writes nothing.
    let again = publish_to(&app.service, root.path()).await;
    assert!(
        !again.written && again.version == first.version,
        "{again:?}"
    );

    let klm = PhoneNumber::parse(KLM, None).unwrap();
    app.service
        .revoke_number(&klm, "reviewer", "number given up")
        .unwrap();
    let second = publish_to(&app.service, root.path()).await;
    assert!(
        second.changed && second.version > first.version,
        "{second:?}"
    );
    assert!(
        !second.snapshot_written || second.delta_bytes.is_none(),
        "{second:?}"
    );
    let delta = second.delta_bytes.expect("a delta");
    assert!(delta < 100, "one change is a few bytes, not {delta}");

    let synced = sync_from(root.path(), client.path(), None).unwrap();
    assert_eq!((synced.took, synced.version), ("deltas", second.version));
    assert_eq!(client_says(client.path(), KLM), (false, None));
    for number in &numbers {
        assert_eq!(
            client_says(client.path(), number),
            server_says(&app.service, number),
            "{number}"
        );
    }
    let again = sync_from(root.path(), client.path(), None).unwrap();
    assert_eq!(again.took, "up_to_date");
}

#[tokio::test]
async fn a_publish_killed_before_its_manifest_leaves_the_previous_version_whole() {
    let app = spawn_app().await;
    let root = tempfile::tempdir().unwrap();
    let client = tempfile::tempdir().unwrap();
    let numbers = all_numbers(&app.service);
    let first = publish_to(&app.service, root.path()).await;
    sync_from(root.path(), client.path(), Some(&numbers)).unwrap();

    let klm = PhoneNumber::parse(KLM, None).unwrap();
    app.service
        .revoke_number(&klm, "reviewer", "number given up")
        .unwrap();
    // The next publish dies after its content files, before the manifest.
    let dest = Destination::local(root.path()).unwrap();
    let jwks = serde_json::to_vec(&app.service.jwks()).unwrap();
    let keys = bizseal_client::badges::jws::Keys::from_jwks(&jwks).unwrap();
    let previous = publish::badges::previous(&dest, &keys)
        .await
        .unwrap()
        .expect("published");
    let r = app.service.store().read().unwrap();
    let badged = bizseal::lookup::badged(&r).unwrap();
    let planned = publish::badges::plan(
        &r,
        &badged,
        Some(&previous),
        &app.service.keyring(),
        "bizseal",
        &Settings::default(),
        bizseal::model::now(),
    )
    .unwrap()
    .expect("a change to publish");
    let mut files = planned.files;
    files.last.clear();
    dest.write(files).await.unwrap();

    // Clients still sync the previous version whole, its buckets too (they
    // are named by their content: the killed publish added files beside
    // them), so KLM keeps the badge it had until the next publish.
    let synced = sync_from(root.path(), client.path(), None).unwrap();
    assert_eq!((synced.took, synced.version), ("up_to_date", first.version));
    let fresh = tempfile::tempdir().unwrap();
    let synced = sync_from(root.path(), fresh.path(), Some(&numbers)).unwrap();
    assert_eq!((synced.took, synced.version), ("snapshot", first.version));
    assert!(synced.unverified.is_empty(), "{synced:?}");
    assert_eq!(client_says(fresh.path(), KLM), (true, Some("A".into())));
    assert!(client_says(fresh.path(), TELEFONICA).0);

    // The next publish completes the change.
    let second = publish_to(&app.service, root.path()).await;
    assert!(second.version > first.version);
    let synced = sync_from(root.path(), client.path(), None).unwrap();
    assert_eq!((synced.took, synced.version), ("deltas", second.version));
    assert_eq!(
        client_says(client.path(), KLM),
        server_says(&app.service, KLM)
    );
}

#[tokio::test]
async fn a_diverged_copy_fetches_the_snapshot_and_a_tampered_tree_is_refused() {
    let app = spawn_app().await;
    let root = tempfile::tempdir().unwrap();
    let client = tempfile::tempdir().unwrap();
    let published = publish_to(&app.service, root.path()).await;
    sync_from(root.path(), client.path(), None).unwrap();

    // The copy's list no longer adds up to its manifest: the next sync
    // notices and starts from the snapshot.
    let empty = bizseal_client::badges::list::BadgeList::from_hashes(published.prefix_bits, []);
    std::fs::write(
        client.path().join("list.bin"),
        empty.encode(published.version),
    )
    .unwrap();
    assert!(Local::open(client.path(), bizseal::model::now()).is_err());
    let synced = sync_from(root.path(), client.path(), None).unwrap();
    assert_eq!(synced.took, "snapshot");
    assert_eq!(
        client_says(client.path(), KLM),
        (false, None),
        "no answers kept without a book"
    );

    // A snapshot that is not the one the manifest names is refused.
    let snapshot = std::fs::read_dir(root.path().join("badges/snapshot"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut bytes = std::fs::read(&snapshot).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&snapshot, bytes).unwrap();
    let fresh = tempfile::tempdir().unwrap();
    let refused = sync_from(root.path(), fresh.path(), None).unwrap_err();
    assert!(matches!(refused, sync::SyncError::Mismatch(_)), "{refused}");

    // A manifest signed by another key is refused.
    let other = tempfile::tempdir().unwrap();
    let stranger =
        Arc::new(Service::open_for_command(bizseal::config::Config::new(other.path())).unwrap());
    let theirs = tempfile::tempdir().unwrap();
    publish_to(&stranger, theirs.path()).await;
    std::fs::copy(
        theirs.path().join("badges/manifest.jws"),
        root.path().join("badges/manifest.jws"),
    )
    .unwrap();
    let refused = sync_from(root.path(), fresh.path(), None).unwrap_err();
    assert!(
        matches!(refused, sync::SyncError::UntrustedKey),
        "{refused}"
    );

    // A mirror that serves its own keys beside its own manifest: a copy
    // synced before believes only the keys it kept, so nothing it holds
    // changes.
    std::fs::copy(
        theirs.path().join(".well-known/jwks.json"),
        root.path().join(".well-known/jwks.json"),
    )
    .unwrap();
    let before = std::fs::read(client.path().join("list.bin")).unwrap();
    let refused = sync_from(root.path(), client.path(), None).unwrap_err();
    assert!(
        matches!(refused, sync::SyncError::UntrustedKey),
        "{refused}"
    );
    assert_eq!(
        std::fs::read(client.path().join("list.bin")).unwrap(),
        before
    );
    // And the copy still opens and answers, from what it held.
    assert_eq!(client_says(client.path(), KLM), (false, None));

    // Given the service's real key set (--jwks), a new copy believes it and
    // not the mirror's; given the mirror's, it would believe the mirror, so
    // the set must come from a source the caller trusts.
    let ours = serde_json::to_vec(&app.service.jwks()).unwrap();
    let given = tempfile::tempdir().unwrap();
    let mut files = |path: &str| match std::fs::read(root.path().join(path)) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.to_string()),
    };
    let refused = sync::sync(
        &mut files,
        given.path(),
        None,
        Some(&ours),
        bizseal::model::now(),
    )
    .unwrap_err();
    assert!(
        matches!(refused, sync::SyncError::UntrustedKey),
        "{refused}"
    );
}

/// The published manifest, read back with the service's keys.
fn published_manifest(
    service: &Service,
    root: &Path,
) -> bizseal_client::badges::manifest::Manifest {
    let jwks = serde_json::to_vec(&service.jwks()).unwrap();
    let keys = bizseal_client::badges::jws::Keys::from_jwks(&jwks).unwrap();
    let jws = std::fs::read_to_string(root.join("badges/manifest.jws")).unwrap();
    bizseal_client::badges::manifest::Manifest::verify_signature(&jws, &keys).unwrap()
}

/// The path of the bucket file that holds `number`'s answer, as the
/// manifest's tree says (found by the file's name: `{prefix}-{leaf}.json`).
fn bucket_file_of(
    root: &Path,
    m: &bizseal_client::badges::manifest::Manifest,
    number: &str,
) -> String {
    let prefix = m.bucket_prefix(&bizseal_client::badges::list::number_hash(number));
    let dir = root.join(&m.answers.path);
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with(&format!("{prefix}-")))
        .expect("the bucket's file");
    format!("{}{name}", m.answers.path)
}

#[tokio::test]
async fn a_mirror_cannot_hide_a_badge_or_replay_an_old_bucket() {
    let app = spawn_app().await;
    let root = tempfile::tempdir().unwrap();
    let numbers = all_numbers(&app.service);
    publish_to(&app.service, root.path()).await;
    let m = published_manifest(&app.service, root.path());
    let level_b = bucket_file_of(root.path(), &m, LEVEL_B);
    let honest = std::fs::read(root.path().join(&level_b)).unwrap();
    // Any other bucket's file: a foreign one to put under LEVEL_B's name.
    let other = std::fs::read_dir(root.path().join(&m.answers.path))
        .unwrap()
        .map(|e| {
            format!(
                "{}{}",
                m.answers.path,
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .find(|path| *path != level_b)
        .expect("a second bucket");
    let check = |client: &Path, number: &str| {
        let now = bizseal::model::now();
        Local::open(client, now).unwrap().check(number, now)
    };

    // The mirror drops LEVEL_B's entry from its bucket (valid JSON, every
    // other token intact): without the tree, the client would say "the
    // list matched another number". The bucket is not believed, its
    // numbers are not synced, and the sync says which bucket.
    let mut hidden: serde_json::Value = serde_json::from_slice(&honest).unwrap();
    let suffix =
        &bizseal_client::badges::list::hex(&bizseal_client::badges::list::number_hash(LEVEL_B))
            [usize::from(m.answers.prefix_chars)..];
    hidden["entries"]
        .as_array_mut()
        .unwrap()
        .retain(|e| e["suffix"] != suffix);
    std::fs::write(root.path().join(&level_b), hidden.to_string()).unwrap();
    let client = tempfile::tempdir().unwrap();
    let synced = sync_from(root.path(), client.path(), Some(&numbers)).unwrap();
    assert_eq!(synced.unverified, vec![level_b.clone()], "{synced:?}");
    let v = check(client.path(), LEVEL_B);
    assert_eq!(
        (v.badge, v.source),
        (false, bizseal_client::badges::check::Source::NotSynced)
    );
    // Every badge in the other buckets still holds.
    let elsewhere: Vec<&String> = numbers
        .iter()
        .filter(|n| server_says(&app.service, n.as_str()).0)
        .filter(|n| bucket_file_of(root.path(), &m, n.as_str()) != level_b)
        .collect();
    assert!(!elsewhere.is_empty());
    for number in elsewhere {
        assert!(check(client.path(), number).badge, "{number}");
    }

    // Another bucket's bytes (an old or a foreign one) under its name: the
    // same.
    let foreign = std::fs::read(root.path().join(&other)).unwrap();
    std::fs::write(root.path().join(&level_b), foreign).unwrap();
    let synced = sync_from(root.path(), client.path(), None).unwrap();
    assert_eq!(synced.unverified, vec![level_b.clone()], "{synced:?}");
    assert!(!check(client.path(), LEVEL_B).badge);

    // The honest file back: the next sync fetches it and believes it.
    std::fs::write(root.path().join(&level_b), &honest).unwrap();
    let synced = sync_from(root.path(), client.path(), None).unwrap();
    assert!(synced.unverified.is_empty(), "{synced:?}");
    assert_eq!(
        client_says(client.path(), LEVEL_B),
        (true, Some("B".into()))
    );

    // A tile of the tree swapped for another: the sync is refused whole.
    let tiles = root.path().join(&m.answers.tree.path);
    let names: Vec<_> = std::fs::read_dir(&tiles)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let top = tiles.join(format!("{}.bin", m.answers.tree.root));
    std::fs::write(&top, b"not the tile").unwrap();
    let fresh = tempfile::tempdir().unwrap();
    let refused = sync_from(root.path(), fresh.path(), Some(&numbers)).unwrap_err();
    assert!(
        matches!(refused, sync::SyncError::Mismatch(_)),
        "{refused} ({} tiles)",
        names.len()
    );
}

#[tokio::test]
async fn a_copy_follows_a_key_rotation_its_kept_key_vouches_for_and_nothing_else() {
    let app = spawn_app().await;
    let root = tempfile::tempdir().unwrap();
    let client = tempfile::tempdir().unwrap();
    let numbers = all_numbers(&app.service);
    publish_to(&app.service, root.path()).await;
    let first = sync_from(root.path(), client.path(), Some(&numbers)).unwrap();
    assert_eq!(first.keys, "first_use");
    let old_kid = app.service.keyring().active_kid().to_owned();

    // The service rotates its key; the next change is signed with the new one.
    let new_kid = app.rotate_key().await;
    app.service
        .revoke_number(
            &PhoneNumber::parse(KLM, None).unwrap(),
            "reviewer",
            "given up",
        )
        .unwrap();
    publish_to(&app.service, root.path()).await;
    let m = std::fs::read_to_string(root.path().join("badges/manifest.jws")).unwrap();
    let header = m.split('.').next().unwrap();
    assert!(
        String::from_utf8(
            base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, header)
                .unwrap()
        )
        .unwrap()
        .contains(&new_kid),
        "the manifest is signed with the new key"
    );
    // Each published key signed the set.
    for kid in [&old_kid, &new_kid] {
        let path = bizseal_client::badges::manifest::keyset_path(kid);
        assert!(root.path().join(&path).exists(), "{path}");
    }

    // Without the old key's statement, the copy does not believe the new
    // key (the tree's jwks.json alone is a mirror's word).
    let statement = root
        .path()
        .join(bizseal_client::badges::manifest::keyset_path(&old_kid));
    let kept = std::fs::read(&statement).unwrap();
    std::fs::remove_file(&statement).unwrap();
    let refused = sync_from(root.path(), client.path(), None).unwrap_err();
    assert!(
        matches!(refused, sync::SyncError::UntrustedKey),
        "{refused}"
    );
    // A statement signed by a key the copy never had vouches for nothing:
    // the new key's own, put in the old key's place.
    let own = root
        .path()
        .join(bizseal_client::badges::manifest::keyset_path(&new_kid));
    std::fs::copy(&own, &statement).unwrap();
    let refused = sync_from(root.path(), client.path(), None).unwrap_err();
    assert!(
        matches!(refused, sync::SyncError::UntrustedKey),
        "{refused}"
    );

    // With it, the copy follows the rotation and keeps the new set.
    std::fs::write(&statement, kept).unwrap();
    let synced = sync_from(root.path(), client.path(), None).unwrap();
    assert_eq!(
        (synced.keys, synced.took),
        ("rotated", "deltas"),
        "{synced:?}"
    );
    assert_eq!(client_says(client.path(), KLM), (false, None));
    let again = sync_from(root.path(), client.path(), None).unwrap();
    assert_eq!((again.keys, again.took), ("kept", "up_to_date"));
}

#[tokio::test]
async fn a_server_publishes_on_its_interval() {
    let data = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_bizseal"))
        .args([
            "--data-dir",
            data.path().to_str().unwrap(),
            "serve",
            "--demo",
        ])
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .args([
            "--publish-to",
            root.path().to_str().unwrap(),
            "--publish-interval",
            "1",
        ])
        .env("BIZSEAL_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let manifest = root.path().join("badges/manifest.jws");
    for _ in 0..200 {
        if manifest.exists() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let client = tempfile::tempdir().unwrap();
    let synced = sync_from(root.path(), client.path(), Some(&[KLM.to_owned()]));
    unsafe { libc::kill(server.id() as i32, libc::SIGTERM) };
    let _ = server.wait();
    let synced = synced.expect("the server published a tree a client syncs");
    assert_eq!(synced.took, "snapshot");
    assert_eq!(
        client_says(client.path(), KLM),
        (true, Some("A".to_owned()))
    );
}
