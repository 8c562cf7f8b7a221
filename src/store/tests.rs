use super::*;
use crate::model::{Business, BusinessId, BusinessStatus, Level, NumberRecord, NumberState};
use crate::phone::E164;
use std::collections::BTreeMap;

/// A spam report of `number` at `at` by the reporter `id`.
pub(crate) fn spam_report(number: &str, at: i64, id: &str) -> crate::model::Report {
    crate::model::Report {
        number: number.into(),
        reason: crate::model::ReportReason::Spam,
        comment: None,
        reporter: id.into(),
        at,
    }
}

/// A verified business with one number, for the store's tests.
pub(crate) fn business() -> Business {
    Business {
        id: BusinessId::generate(),
        legal_name: "Telefónica, S.A.".into(),
        names: BTreeMap::from([("es".to_owned(), "Telefónica".to_owned())]),
        default_lang: "es".into(),
        category: "telecom".into(),
        country: "ES".into(),
        city: "Madrid".into(),
        website: Some("https://www.telefonica.com".into()),
        description: BTreeMap::new(),
        logo_url: None,
        logo: Default::default(),
        status: BusinessStatus::Verified,
        numbers: vec!["+34915820317".into()],
        commands: vec![],
        created_at: 1,
        updated_at: 2,
    }
}

#[test]
fn written_records_read_back_and_feed_the_changes_table() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let b = business();
    let rec = NumberRecord {
        business: b.id.clone(),
        state: NumberState::Attested {
            level: Level::A,
            serial: "S1".into(),
        },
        proof: None,
        updated_at: 3,
    };
    let hash = crate::phone::e164_hash("+34915820317");
    let prefix = (u32::from(hash[0]) << 12) | (u32::from(hash[1]) << 4) | (u32::from(hash[2]) >> 4);
    store
        .write(|w| {
            w.put_business(&b)?;
            w.put_number(E164::stored("+34915820317"), &rec)?;
            w.put_business(&b)?;
            Ok::<_, StoreError>(())
        })
        .unwrap();
    let r = store.read().unwrap();
    assert_eq!(r.business(b.id.as_str()).unwrap().unwrap(), b);
    assert_eq!(
        r.number(E164::stored("+34915820317")).unwrap().unwrap(),
        rec
    );
    assert_eq!(r.number(E164::stored("+34915820318")).unwrap(), None);
    assert_eq!(r.last_seq().unwrap(), 2, "one change per record touched");
    let changes = r.changes_after(0, 10).unwrap();
    assert_eq!(changes[0], (1, Change::Business(b.id.clone())));
    assert_eq!(changes[1], (2, Change::Number("+34915820317".into())));
    assert_eq!(changes.len(), 2);
    assert_eq!(r.bucket(prefix).unwrap(), vec!["+34915820317".to_owned()]);
    assert!(r.bucket(prefix ^ 1).unwrap().is_empty());
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let b = business();
    let result = store.write(|w| {
        w.put_business(&b)?;
        Err::<(), StoreError>(StoreError::Internal("refused".into()))
    });
    assert!(result.is_err());
    let r = store.read().unwrap();
    assert_eq!(r.business(b.id.as_str()).unwrap(), None);
    assert_eq!(r.last_seq().unwrap(), 0);
}

/// Sets the stored schema version behind the store's back.
fn set_schema(store: &Store, version: u32) {
    let tx = store.db().unwrap().begin_write().unwrap();
    tx.open_table(META)
        .unwrap()
        .insert("schema_version", encode(&version).unwrap().as_slice())
        .unwrap();
    tx.commit().unwrap();
}

fn schema(store: &Store) -> u32 {
    let tx = store.begin_read().unwrap();
    let meta = tx.open_table(META).unwrap();
    let v = meta.get("schema_version").unwrap().unwrap();
    decode::<u32>(v.value()).unwrap()
}

#[test]
fn an_older_schema_is_upgraded_and_a_newer_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(schema(&store), SCHEMA_VERSION);
        set_schema(&store, 1);
    }
    {
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(schema(&store), SCHEMA_VERSION, "upgraded on open");
        set_schema(&store, SCHEMA_VERSION + 1);
    }
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::NewerSchema(v)) if v == SCHEMA_VERSION + 1
    ));
}

/// Quick replies as schemas 5 and 6 stored them: no language.
fn old_commands() -> Vec<crate::model::CommandV6> {
    vec![crate::model::CommandV6 {
        keyword: "factura".into(),
        reply: "Envíe su número de cliente".into(),
    }]
}

/// `b`'s quick replies after the upgrade: in its default language.
fn upgraded_commands(b: &Business) -> Vec<crate::model::Command> {
    vec![crate::model::Command {
        keyword: "factura".into(),
        reply: "Envíe su número de cliente".into(),
        lang: b.default_lang.clone(),
    }]
}

/// Writes `record` under `key` in `table`, as an older build would have.
fn put_raw<T: serde::Serialize>(
    store: &Store,
    table: redb::TableDefinition<&str, &[u8]>,
    key: &str,
    record: &T,
) {
    let tx = store.db().unwrap().begin_write().unwrap();
    tx.open_table(table)
        .unwrap()
        .insert(key, encode(record).unwrap().as_slice())
        .unwrap();
    tx.commit().unwrap();
}

#[test]
fn businesses_of_schema_5_are_upgraded_with_their_logo_not_fetched() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = business();
    b.logo_url = Some("https://www.telefonica.com/logo.png".into());
    b.commands = upgraded_commands(&b);
    {
        let store = Store::open(dir.path()).unwrap();
        let old = crate::model::BusinessV5 {
            id: b.id.clone(),
            legal_name: b.legal_name.clone(),
            names: b.names.clone(),
            default_lang: b.default_lang.clone(),
            category: b.category.clone(),
            country: b.country.clone(),
            city: b.city.clone(),
            website: b.website.clone(),
            description: b.description.clone(),
            logo_url: b.logo_url.clone(),
            status: b.status,
            numbers: b.numbers.clone(),
            commands: old_commands(),
            created_at: b.created_at,
            updated_at: b.updated_at,
        };
        put_raw(&store, directory::BUSINESSES, b.id.as_str(), &old);
        set_schema(&store, 5);
        assert!(store.read().unwrap().business(b.id.as_str()).is_err());
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(schema(&store), SCHEMA_VERSION);
    let read = store.read().unwrap().business(b.id.as_str()).unwrap();
    assert_eq!(read, Some(b), "the same business, its logo Absent");
}

#[test]
fn quick_replies_of_schema_6_get_their_business_language_in_records_and_pending_edits() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = business();
    b.logo = crate::model::LogoState::Failed {
        reason: crate::logo::LogoFailure::BadUrl,
        at: 7,
    };
    b.commands = upgraded_commands(&b);
    // A pending edit that also makes English the default: its replies are
    // taken to be in the language the edit makes the default.
    let mut edit = crate::model::PendingEdit::of(&b, 9);
    edit.default_lang = "en".into();
    edit.names.insert("en".into(), "Telefonica".into());
    edit.commands = vec![crate::model::Command {
        lang: "en".into(),
        ..upgraded_commands(&b).remove(0)
    }];
    let app = crate::model::Application {
        pending: Some(edit.clone()),
        ..crate::model::Application::new(b.id.clone())
    };
    {
        let store = Store::open(dir.path()).unwrap();
        let old = crate::model::BusinessV6 {
            id: b.id.clone(),
            legal_name: b.legal_name.clone(),
            names: b.names.clone(),
            default_lang: b.default_lang.clone(),
            category: b.category.clone(),
            country: b.country.clone(),
            city: b.city.clone(),
            website: b.website.clone(),
            description: b.description.clone(),
            logo_url: b.logo_url.clone(),
            logo: b.logo,
            status: b.status,
            numbers: b.numbers.clone(),
            commands: old_commands(),
            created_at: b.created_at,
            updated_at: b.updated_at,
        };
        put_raw(&store, directory::BUSINESSES, b.id.as_str(), &old);
        let old_app = crate::model::ApplicationV6 {
            business: app.business.clone(),
            review: app.review.clone(),
            domain: None,
            pending: Some(crate::model::PendingEditV6 {
                legal_name: edit.legal_name.clone(),
                names: edit.names.clone(),
                default_lang: edit.default_lang.clone(),
                category: edit.category.clone(),
                city: edit.city.clone(),
                website: edit.website.clone(),
                description: edit.description.clone(),
                logo_url: edit.logo_url.clone(),
                commands: old_commands(),
                at: edit.at,
            }),
            flag: None,
            suspension: None,
        };
        put_raw(&store, workflow::APPLICATIONS, b.id.as_str(), &old_app);
        set_schema(&store, 6);
        assert!(store.read().unwrap().business(b.id.as_str()).is_err());
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(schema(&store), SCHEMA_VERSION);
    let read = store.read().unwrap();
    assert_eq!(read.business(b.id.as_str()).unwrap(), Some(b.clone()));
    assert_eq!(read.application(b.id.as_str()).unwrap(), Some(app));
}

#[test]
fn identical_logos_share_one_row() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let sha = [9u8; 32];
    for _ in 0..2 {
        store
            .write(|w| w.put_logo(&sha, crate::logo::MediaType::Png, b"png bytes"))
            .unwrap();
    }
    let r = store.read().unwrap();
    assert_eq!(
        r.logo(&sha).unwrap(),
        Some((crate::logo::MediaType::Png, b"png bytes".to_vec()))
    );
    assert_eq!(r.logo(&[8u8; 32]).unwrap(), None);
    use redb::ReadableTableMetadata as _;
    assert_eq!(r.tx.open_table(directory::LOGOS).unwrap().len().unwrap(), 1);
}

#[test]
fn a_second_open_of_the_same_dir_says_it_is_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let _first = Store::open(dir.path()).unwrap();
    assert!(matches!(Store::open(dir.path()), Err(StoreError::InUse(_))));
}

#[test]
fn records_survive_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let b = business();
    {
        let store = Store::open(dir.path()).unwrap();
        store.write(|w| w.put_business(&b)).unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.read().unwrap().business(b.id.as_str()).unwrap(),
        Some(b)
    );
}

#[test]
fn a_nearly_full_disk_refuses_writes_and_keeps_reads() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let a = business();
    store.write(|w| w.put_business(&a)).unwrap();
    store.set_min_free(u64::MAX);
    let b = Business {
        id: BusinessId::generate(),
        ..business()
    };
    let refused = store.write(|w| w.put_business(&b));
    assert!(
        matches!(refused, Err(StoreError::Full { .. })),
        "{refused:?}"
    );
    let r = store.read().unwrap();
    assert_eq!(r.business(a.id.as_str()).unwrap(), Some(a.clone()));
    assert_eq!(r.business(b.id.as_str()).unwrap(), None);
    store.set_min_free(0);
    store.write(|w| w.put_business(&b)).unwrap();
    assert!(store
        .read()
        .unwrap()
        .business(b.id.as_str())
        .unwrap()
        .is_some());
}

/// A volume that fills up on demand: while `full` is set, writing to or
/// growing the file fails with ENOSPC, as on a real full disk.
#[derive(Debug)]
struct FillingDisk {
    file: redb::backends::FileBackend,
    full: Arc<std::sync::atomic::AtomicBool>,
}

impl FillingDisk {
    fn room(&self) -> std::io::Result<()> {
        if self.full.load(Ordering::SeqCst) {
            Err(std::io::Error::from_raw_os_error(28)) // ENOSPC
        } else {
            Ok(())
        }
    }
}

type Bounds = std::ops::Bound<u64>;

impl redb::StorageBackend for FillingDisk {
    fn len(&self) -> std::io::Result<u64> {
        self.file.len()
    }
    fn read(&self, offset: u64, out: &mut [u8]) -> std::io::Result<()> {
        self.file.read(offset, out)
    }
    fn set_len(&self, len: u64) -> std::io::Result<()> {
        self.room()?;
        self.file.set_len(len)
    }
    fn sync_data(&self) -> std::io::Result<()> {
        self.file.sync_data()
    }
    fn write(&self, offset: u64, data: &[u8]) -> std::io::Result<()> {
        self.room()?;
        self.file.write(offset, data)
    }
    fn close(&self) -> std::io::Result<()> {
        self.file.close()
    }
    fn try_lock_range(&self, a: Bounds, b: Bounds) -> Result<bool, redb::BackendError> {
        self.file.try_lock_range(a, b)
    }
    fn try_lock_shared_range(&self, a: Bounds, b: Bounds) -> Result<bool, redb::BackendError> {
        self.file.try_lock_shared_range(a, b)
    }
    fn lock_range(&self, a: Bounds, b: Bounds) -> Result<(), redb::BackendError> {
        self.file.lock_range(a, b)
    }
    fn lock_shared_range(&self, a: Bounds, b: Bounds) -> Result<(), redb::BackendError> {
        self.file.lock_shared_range(a, b)
    }
    fn unlock_range(&self, a: Bounds, b: Bounds) -> Result<(), redb::BackendError> {
        self.file.unlock_range(a, b)
    }
    fn query_lock_range(&self, a: Bounds, b: Bounds) -> Result<bool, redb::BackendError> {
        self.file.query_lock_range(a, b)
    }
}

#[test]
fn a_disk_that_fills_up_fails_the_write_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let full = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let path = dir.path().join("bizseal.redb");
    let disk = Arc::clone(&full);
    let open: BackendFactory = Arc::new(move |builder: &mut redb::Builder| {
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)?;
        builder.create_with_backend(FillingDisk {
            file: redb::backends::FileBackend::new(file)?,
            full: Arc::clone(&disk),
        })
    });
    let store = Store::open_on(dir.path(), Some(open), DEFAULT_CACHE_BYTES).unwrap();
    store.set_min_free(0); // the guard is off: redb meets the full disk
    let a = business();
    store.write(|w| w.put_business(&a)).unwrap();

    full.store(true, Ordering::SeqCst);
    let b = Business {
        id: BusinessId::generate(),
        ..business()
    };
    let failed = store.write(|w| w.put_business(&b));
    assert!(
        matches!(failed, Err(StoreError::Unavailable(_))),
        "{failed:?}"
    );
    // redb latched on the error; reopening runs its recovery, which
    // must write, so until space is freed reads too say plainly that
    // storage is unavailable (a 503), rather than answer from a
    // half-known state. The free-space guard exists so that this is
    // never reached in practice.
    let read = store.read().map(|_| ());
    assert!(matches!(read, Err(StoreError::Unavailable(_))), "{read:?}");

    // Space is freed: the store reopens (redb recovers) and goes on with
    // everything acknowledged and nothing of the failed write.
    full.store(false, Ordering::SeqCst);
    std::thread::sleep(REOPEN_EVERY);
    let r = store.read().unwrap();
    assert_eq!(r.business(a.id.as_str()).unwrap(), Some(a.clone()));
    assert_eq!(r.business(b.id.as_str()).unwrap(), None);
    assert_eq!(r.last_seq().unwrap(), 1);
    drop(r);
    store.write(|w| w.put_business(&b)).unwrap();
    assert_eq!(store.read().unwrap().last_seq().unwrap(), 2);
}

#[test]
fn bucket_bounds_cover_exactly_the_prefix() {
    let (low, high) = directory::bucket_bounds(0x12345);
    assert_eq!(&low[..3], &[0x12, 0x34, 0x50]);
    assert_eq!(&high[..3], &[0x12, 0x34, 0x5F]);
    assert!(high[3..].iter().all(|b| *b == 0xFF));
}

#[test]
fn the_audit_pages_newest_first_whole_or_by_business() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (a, b) = (BusinessId::generate(), BusinessId::generate());
    store
        .write(|w| {
            for i in 0..5i64 {
                w.add_audit(&crate::model::AuditEntry {
                    at: i,
                    actor: "ana".into(),
                    business: Some(if i % 2 == 0 { a.clone() } else { b.clone() }),
                    action: format!("step{i}"),
                    detail: String::new(),
                })?;
            }
            Ok::<_, StoreError>(())
        })
        .unwrap();
    let r = store.read().unwrap();
    let actions = |page: Vec<(u64, crate::model::AuditEntry)>| -> Vec<(u64, String)> {
        page.into_iter().map(|(seq, e)| (seq, e.action)).collect()
    };
    let first = actions(r.audit_newest(None, None, 2).unwrap());
    assert_eq!(first, [(5, "step4".into()), (4, "step3".into())]);
    let next = actions(r.audit_newest(None, Some(4), 2).unwrap());
    assert_eq!(next, [(3, "step2".into()), (2, "step1".into())]);
    let last = actions(r.audit_newest(None, Some(2), 2).unwrap());
    assert_eq!(last, [(1, "step0".into())]);
    let of_a = actions(r.audit_newest(Some(a.as_str()), None, 10).unwrap());
    assert_eq!(
        of_a,
        [
            (5, "step4".into()),
            (3, "step2".into()),
            (1, "step0".into())
        ]
    );
    let of_a = actions(r.audit_newest(Some(a.as_str()), Some(3), 10).unwrap());
    assert_eq!(of_a, [(1, "step0".into())]);
}
