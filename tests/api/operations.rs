//! Operating the service: keys at rest, storage failures, backups.

use bizseal::config::Config;
use bizseal::keys::MasterKey;
use bizseal::service::{Service, ServiceError};

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
