use std::sync::atomic::AtomicBool;

use super::*;
use crate::model::{Business, NumberRecord, NumberState, Report};
use crate::phone::E164;
use crate::store::tests::business;

const N: &str = "+34915820317";

fn record(b: &Business) -> NumberRecord {
    NumberRecord {
        business: b.id.clone(),
        state: NumberState::Unproven,
        proof: None,
        updated_at: 3,
    }
}

/// An answer that says what it saw: the business's name and the number's
/// report count.
fn echo(w: &Writer, e164: &E164, at: i64) -> Result<Option<StoredAnswer>, StoreError> {
    let Some(record) = w.number(e164)? else {
        return Ok(None);
    };
    let name = w
        .with_business(record.business.as_str(), |b| b.legal_name.to_owned())?
        .unwrap_or_default();
    let reports = w.report_window(e164, at)?;
    Ok(Some(StoredAnswer {
        body: format!("{name}/{}", reports.count),
        etag: String::new(),
        expires_at: None,
        valid_until: reports.valid_until,
        names: vec![],
    }))
}

/// Answers the size of real ones, none for numbers ending in 7 (an answer
/// not worth storing).
fn padded(w: &Writer, e164: &E164, _at: i64) -> Result<Option<StoredAnswer>, StoreError> {
    if e164.as_str().ends_with('7') || w.number(e164)?.is_none() {
        return Ok(None);
    }
    Ok(Some(StoredAnswer {
        body: format!("{e164}:{}", "x".repeat(300)),
        etag: String::new(),
        expires_at: None,
        valid_until: i64::MAX,
        names: vec![],
    }))
}

/// A write as the service makes it: `f`, then the answers it touched.
fn write<T>(
    store: &Store,
    render: Render,
    f: impl FnOnce(&mut Writer) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    store.write(|w| {
        let done = f(w)?;
        refresh_with(w, render)?;
        Ok(done)
    })
}

/// Stores `b` with the number `N`, as the service would.
fn list(store: &Store, b: &Business) {
    write(store, echo, |w| {
        w.put_business(b)?;
        w.put_number(E164::stored(N), &record(b))
    })
    .unwrap();
}

fn body(store: &Store) -> Option<String> {
    stored_answer(&store.read().unwrap(), E164::stored(N))
        .unwrap()
        .map(|a| a.body)
}

fn report(at: i64, id: &str) -> Report {
    crate::store::tests::spam_report(N, at, id)
}

/// Writes rows as they are (`None` removes one), past the read model:
/// what another build, or damage, leaves behind.
fn put_rows(store: &Store, rows: &[(&str, Option<&[u8]>)]) {
    let mut rows: Vec<(u64, Option<Vec<u8>>)> = rows
        .iter()
        .map(|(n, row)| (answer_key(n).expect("E.164 text"), row.map(<[u8]>::to_vec)))
        .collect();
    rows.sort_by_key(|(k, _)| *k);
    store.write(|w| w.put_answer_rows(rows)).unwrap();
}

fn row(store: &Store, e164: &str) -> Option<Vec<u8>> {
    store
        .read()
        .unwrap()
        .with_answer_row(E164::stored(e164), <[u8]>::to_vec)
        .unwrap()
}

#[test]
fn every_write_that_shows_in_an_answer_makes_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut b = business();
    list(&store, &b);
    assert_eq!(body(&store).as_deref(), Some("Telefónica, S.A./0"));
    // Through the business alone.
    b.legal_name = "Telefónica España".into();
    write(&store, echo, |w| w.put_business(&b)).unwrap();
    assert_eq!(body(&store).as_deref(), Some("Telefónica España/0"));
    // Through a report, which changes no record the feed follows.
    let now = crate::model::now();
    write(&store, echo, |w| w.add_report("r1", &report(now, "x"))).unwrap();
    assert_eq!(body(&store).as_deref(), Some("Telefónica España/1"));
    // A failed write makes nothing.
    let failed: Result<(), StoreError> = write(&store, echo, |w| {
        w.add_report("r2", &report(now, "y"))?;
        Err(StoreError::Internal("no".into()))
    });
    assert!(failed.is_err());
    assert_eq!(body(&store).as_deref(), Some("Telefónica España/1"));
    // Removing the number removes its answer.
    write(&store, echo, |w| w.remove_number(E164::stored(N))).unwrap();
    assert_eq!(body(&store), None);
}

#[test]
fn a_write_that_does_not_refresh_drops_the_answers_it_would_leave_stale() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let b = business();
    list(&store, &b);
    assert!(body(&store).is_some());
    // A tool writing the store directly.
    store.write(|w| w.put_business(&b)).unwrap();
    assert_eq!(body(&store), None, "a stale answer was left behind");
    // A full pass makes what is missing, once per version.
    assert!(start_over(&store).unwrap());
    assert_eq!(
        render_all_with(&store, &AtomicBool::new(false), echo, RENDER_VERSION).unwrap(),
        1
    );
    assert_eq!(body(&store).as_deref(), Some("Telefónica, S.A./0"));
    assert!(!start_over(&store).unwrap());
    // A row some other build left for a number that is gone.
    let stale = store::encode(&StoredAnswer {
        body: "stale".into(),
        etag: String::new(),
        expires_at: None,
        valid_until: i64::MAX,
        names: vec![],
    })
    .unwrap();
    put_rows(&store, &[("+34915820399", Some(&stale))]);
    // A pass that is stopped records nothing: the next start begins again.
    mark_current_with(&store, RENDER_VERSION + 1).unwrap();
    assert!(start_over(&store).unwrap());
    assert_eq!(render_all(&store, &AtomicBool::new(true)).unwrap(), 0);
    assert!(!is_current(&store).unwrap());
    // Another version starts the answers over.
    assert!(start_over(&store).unwrap());
    assert_eq!(
        render_all_with(&store, &AtomicBool::new(false), echo, RENDER_VERSION).unwrap(),
        1
    );
    assert!(is_current(&store).unwrap());
    let r = store.read().unwrap();
    assert!(stored_answer(&r, E164::stored("+34915820399"))
        .unwrap()
        .is_none());
    assert_eq!(
        stored_answer(&r, E164::stored(N))
            .unwrap()
            .map(|a| a.body)
            .as_deref(),
        Some("Telefónica, S.A./0")
    );
}

#[test]
fn a_full_pass_packs_the_answers_and_keeps_those_written_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let b = business();
    let numbers: Vec<String> = (0..6000u32).map(|i| format!("+3491{i:07}")).collect();
    // Written in an order far from the keys', as an import writes them.
    for chunk in (0..numbers.len()).step_by(600) {
        write(&store, padded, |w| {
            w.put_business(&b)?;
            for i in (chunk..chunk + 600).map(|i| (i * 4999) % numbers.len()) {
                w.put_number(E164::stored(&numbers[i]), &record(&b))?;
            }
            Ok(())
        })
        .unwrap();
    }
    mark_current_with(&store, RENDER_VERSION + 1).unwrap();
    assert!(start_over(&store).unwrap());
    // Writes between the batches make their own answers: the full pass
    // meets those rows and must replace, not duplicate, them.
    write(&store, padded, |w| {
        for n in numbers.iter().skip(2500).step_by(3).take(300) {
            w.put_number(E164::stored(n), &record(&b))?;
        }
        Ok(())
    })
    .unwrap();
    // Rows the pass must step past or take out: one between two listed
    // numbers that no batch holds (the cursor seeks past it and leaves
    // it), and one for a number that has no answer now.
    let between = "+349100000055";
    put_rows(
        &store,
        &[(between, Some(b"kept")), (&numbers[7], Some(b"stale"))],
    );
    assert_eq!(
        render_all_with(&store, &AtomicBool::new(false), padded, RENDER_VERSION).unwrap(),
        6000
    );
    assert_eq!(row(&store, between).as_deref(), Some(b"kept".as_slice()));
    assert_eq!(row(&store, &numbers[7]), None);
    put_rows(&store, &[(between, None)]);
    let r = store.read().unwrap();
    for n in &numbers {
        let body = stored_answer(&r, E164::stored(n)).unwrap().map(|a| a.body);
        if n.ends_with('7') {
            assert_eq!(body, None, "{n}");
        } else {
            assert_eq!(body, Some(format!("{n}:{}", "x".repeat(300))), "{n}");
        }
    }
    let stats = r
        .table_stats()
        .unwrap()
        .into_iter()
        .find(|t| t.name == "answers")
        .unwrap();
    assert_eq!(stats.rows, 5400);
    // Packed: 11 rows fit a page; written one insert at a time the same
    // rows took 705 leaves (7.7 rows each).
    assert!(stats.leaf_pages * 9 <= stats.rows, "{stats:?}");
}

#[test]
fn an_answer_row_that_does_not_decode_is_absent_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let b = business();
    list(&store, &b);
    let served = |store: &Store| read(&store.read().unwrap(), E164::stored(N), |a| a.body).unwrap();
    assert_eq!(served(&store).as_deref(), Some("Telefónica, S.A./0"));
    // The row as stored: format byte, the body's length (one byte), then
    // the packed body, whose first byte names its form.
    let stored = row(&store, N).unwrap();
    assert_eq!(&stored[3..5], "Te".as_bytes(), "the plain form");
    // The same row in a packed form no build wrote, then bytes that are
    // no record at all.
    let mut unknown_form = stored.clone();
    unknown_form[2] = 9;
    for damaged in [unknown_form, vec![0xff; 3]] {
        put_rows(&store, &[(N, Some(&damaged))]);
        assert_eq!(served(&store), None);
    }
}
