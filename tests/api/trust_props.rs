//! The trust rules as a property: random sequences of what businesses,
//! reporters and reviewers do, and after every step a public name, badge
//! or token exists exactly while the business's review holds and the
//! number is proven and not revoked; every token that no longer holds is
//! revoked (listed with a reason), and every token `verify` still calls
//! valid stands for a badge the public sees.

use bizseal::phone::E164;
use bizseal::store::prelude::*;
use std::collections::{BTreeSet, HashMap};

use proptest::prelude::*;
use serde_json::{json, Value};

use bizseal::config::Config;
use bizseal::model::{BusinessId, BusinessStatus, ReportReason};
use bizseal::phone::PhoneNumber;
use bizseal::service::{ProfilePatch, Rendered, Service};

const NUMBERS: [&str; 3] = ["+34612400001", "+34612400002", "+34612400003"];
const BUSINESSES: usize = 3;

#[derive(Debug, Clone)]
enum Action {
    Register(usize),
    RequestCode(usize, usize),
    Confirm(usize, usize),
    /// Requests a code and enters it at once: a proof by code.
    Prove(usize, usize),
    FailCode(usize, usize),
    Submit(usize),
    Approve(usize),
    Reject(usize),
    Flag(usize),
    Dismiss(usize),
    Suspend(usize),
    Reinstate(usize),
    Revoke(usize),
    Release(usize, Option<usize>),
    Remove(usize, usize),
    Edit(usize),
    Delete(usize),
    /// Every token falls due and is renewed: the old ones stay valid.
    Renew,
}

fn action() -> impl Strategy<Value = Action> {
    let b = 0..BUSINESSES;
    let n = 0..NUMBERS.len();
    prop_oneof![
        1 => b.clone().prop_map(Action::Register),
        1 => (b.clone(), n.clone()).prop_map(|(b, n)| Action::RequestCode(b, n)),
        1 => (b.clone(), n.clone()).prop_map(|(b, n)| Action::Confirm(b, n)),
        5 => (b.clone(), n.clone()).prop_map(|(b, n)| Action::Prove(b, n)),
        1 => (b.clone(), n.clone()).prop_map(|(b, n)| Action::FailCode(b, n)),
        3 => b.clone().prop_map(Action::Submit),
        3 => b.clone().prop_map(Action::Approve),
        1 => b.clone().prop_map(Action::Reject),
        1 => b.clone().prop_map(Action::Flag),
        1 => b.clone().prop_map(Action::Dismiss),
        1 => b.clone().prop_map(Action::Suspend),
        1 => b.clone().prop_map(Action::Reinstate),
        1 => n.clone().prop_map(Action::Revoke),
        1 => (n.clone(), proptest::option::of(b.clone())).prop_map(|(n, b)| Action::Release(n, b)),
        1 => (b.clone(), n.clone()).prop_map(|(b, n)| Action::Remove(b, n)),
        1 => b.clone().prop_map(Action::Edit),
        1 => b.prop_map(Action::Delete),
        1 => Just(Action::Renew),
    ]
}

struct World {
    service: Service,
    _dir: tempfile::TempDir,
    ids: Vec<Option<BusinessId>>,
    /// Every token any public answer ever handed out.
    seen: BTreeSet<String>,
    reporters: u32,
}

fn phone(i: usize) -> PhoneNumber {
    PhoneNumber::parse(NUMBERS[i], None).unwrap()
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::new(dir.path());
        config.report_threshold = 2;
        let service = Service::open_for_command(config).unwrap();
        World {
            service,
            _dir: dir,
            ids: vec![None; BUSINESSES],
            seen: BTreeSet::new(),
            reporters: 0,
        }
    }

    fn register(&mut self, b: usize) {
        let input = serde_json::from_value(json!({
            "legal_name": format!("Empresa {b} S.L."),
            "names": {"es": format!("Empresa {b}")},
            "default_lang": "es", "category": "retail", "country": "ES", "city": "Madrid",
            "numbers": [{"number": NUMBERS[b % NUMBERS.len()]}],
        }))
        .unwrap();
        let registered = self.service.register(input).unwrap();
        self.ids[b] = Some(registered.business.id);
    }

    /// Runs one action. Refusals are fine; a storage or internal error
    /// is not.
    fn run(&mut self, a: &Action) {
        use Action::*;
        let id = |w: &World, b: usize| w.ids[b].clone();
        let r = "property";
        let outcome: Result<(), bizseal::service::ServiceError> = match a.clone() {
            Register(b) => {
                if self.ids[b].is_none() {
                    self.register(b);
                }
                Ok(())
            }
            RequestCode(b, n) => match id(self, b) {
                Some(id) => self
                    .service
                    .request_code(&id, &phone(n), Some([192, 0, 2, b as u8].into()))
                    .map(drop),
                None => Ok(()),
            },
            Prove(b, n) => match id(self, b) {
                Some(id) => self
                    .service
                    .request_code(&id, &phone(n), Some([192, 0, 2, b as u8].into()))
                    .and_then(|_| {
                        let code = self.latest_code(n);
                        self.service.confirm_code(&id, &phone(n), &code)
                    })
                    .map(drop),
                None => Ok(()),
            },
            Confirm(b, n) => match id(self, b) {
                Some(id) => {
                    let code = self.latest_code(n);
                    self.service.confirm_code(&id, &phone(n), &code).map(drop)
                }
                None => Ok(()),
            },
            FailCode(b, n) => match id(self, b) {
                Some(id) => self
                    .service
                    .confirm_code(&id, &phone(n), "999999")
                    .map(drop),
                None => Ok(()),
            },
            Submit(b) => match id(self, b) {
                Some(id) => self.service.submit(&id).map(drop),
                None => Ok(()),
            },
            Approve(b) => match id(self, b) {
                Some(id) => self.service.approve(&id, r, "ok").map(drop),
                None => Ok(()),
            },
            Reject(b) => match id(self, b) {
                Some(id) => self.service.reject(&id, r, "no").map(drop),
                None => Ok(()),
            },
            Flag(b) => {
                let n = phone(b % NUMBERS.len());
                let mut result = Ok(());
                for _ in 0..2 {
                    self.reporters += 1;
                    let ip = std::net::Ipv4Addr::from(0x0A00_0000 + self.reporters);
                    result = result.and(self.service.report(
                        &n,
                        ReportReason::Scam,
                        None,
                        Some(ip.into()),
                    ));
                }
                result
            }
            Dismiss(b) => match id(self, b) {
                Some(id) => self.service.dismiss(&id, r, "").map(drop),
                None => Ok(()),
            },
            Suspend(b) => match id(self, b) {
                Some(id) => self.service.suspend(&id, r, "fraud").map(drop),
                None => Ok(()),
            },
            Reinstate(b) => match id(self, b) {
                Some(id) => self.service.reinstate(&id, r, "cleared").map(drop),
                None => Ok(()),
            },
            Revoke(n) => self.service.revoke_number(&phone(n), r, "bad"),
            Release(n, b) => {
                let only = b.and_then(|b| id(self, b));
                self.service
                    .release_number(&phone(n), only.as_ref(), r, "settled")
            }
            Remove(b, n) => match id(self, b) {
                Some(id) => self.service.remove_number(&id, &phone(n)),
                None => Ok(()),
            },
            Edit(b) => match id(self, b) {
                Some(id) => {
                    let patch: ProfilePatch = serde_json::from_value(json!({
                        "names": {"es": format!("Empresa {b} Nueva")},
                        "website": "https://phish.example/login",
                    }))
                    .unwrap();
                    self.service.edit(&id, patch).map(drop)
                }
                None => Ok(()),
            },
            Renew => {
                let now = bizseal::model::now();
                self.service
                    .store()
                    .write(|w| {
                        for n in NUMBERS {
                            for (serial, _) in w.live_serials(E164::stored(n))? {
                                if let Some(a) = w.attestation(&serial)? {
                                    let due = bizseal::model::Attestation {
                                        expires_at: now + 60,
                                        ..a
                                    };
                                    w.put_attestation(&due)?;
                                }
                            }
                        }
                        Ok::<_, bizseal::store::StoreError>(())
                    })
                    .unwrap();
                self.service.renew_expiring().map(drop)
            }
            Delete(b) => match self.ids[b].take() {
                Some(id) => self.service.delete_business(&id),
                None => Ok(()),
            },
        };
        if let Err(e) = outcome {
            use bizseal::service::ServiceError as E;
            assert!(
                !matches!(e, E::Store(_) | E::Key(_) | E::Search(_)),
                "{a:?} failed inside: {e}"
            );
        }
    }

    /// The newest code sent to a number (whichever business asked).
    fn latest_code(&self, n: usize) -> String {
        self.service
            .outbox()
            .iter()
            .rev()
            .find(|c| c.number == NUMBERS[n])
            .map(|c| c.code.clone())
            .unwrap_or_else(|| "000000".into())
    }

    /// The public answer for a number, as a client gets it (the stored
    /// answer when there is one).
    fn answer(&self, n: usize) -> Value {
        match self.service.lookup_typed(NUMBERS[n], None, &[]).unwrap() {
            Rendered::Stored(ready) => serde_json::from_str(&ready.body).unwrap(),
            Rendered::Built(answer) => serde_json::to_value(&answer).unwrap(),
        }
    }

    fn check(&mut self, after: &Action) {
        let r = self.service.store().read().unwrap();
        for (n, number) in NUMBERS.iter().enumerate() {
            let answer = self.answer(n);
            let record = r.number(E164::stored(number)).unwrap();
            // What the store says must make the badge: a holder whose
            // review holds, with a live token, not revoked.
            let holds = record.as_ref().and_then(|rec| {
                let b = r.business(rec.business.as_str()).unwrap()?;
                let live = rec
                    .state
                    .serial()
                    .is_some_and(|s| r.revocation(s).unwrap().is_none());
                (b.status == BusinessStatus::Verified && live).then(|| rec.business.clone())
            });
            match &holds {
                Some(holder) => {
                    assert_eq!(answer["status"], "verified", "after {after:?}: {answer}");
                    assert_eq!(answer["business"]["id"], holder.as_str());
                    let token = answer["attestation"]
                        .as_str()
                        .expect("a badge carries its token");
                    self.seen.insert(token.to_owned());
                    // The holder proved it: by code, or it would not hold.
                    assert!(record.as_ref().unwrap().proof.is_some());
                }
                None => {
                    assert!(answer["attestation"].is_null(), "after {after:?}: {answer}");
                    assert_ne!(answer["status"], "verified", "after {after:?}: {answer}");
                    if answer["status"] == "unknown" {
                        assert!(answer["business"].is_null(), "after {after:?}: {answer}");
                    } else {
                        // Suspended or revoked: a business that passed review.
                        let id = answer["business"]["id"].as_str().unwrap();
                        let app = r.application(id).unwrap();
                        let b = r.business(id).unwrap().unwrap();
                        assert!(
                            app.is_some_and(|a| a.is_public(b.status))
                                || b.status == BusinessStatus::Verified,
                            "after {after:?}: {answer}"
                        );
                    }
                }
            }
            // Claims never show.
            for (claimant, _) in r.claims_of(E164::stored(number)).unwrap() {
                if holds.as_ref().map(|h| h.as_str()) != Some(claimant.as_str()) {
                    assert_ne!(answer["business"]["id"], claimant.as_str());
                }
            }
        }
        // Every token ever handed out: valid only while its badge shows;
        // otherwise revoked, with a reason, in the public list.
        let revoked: HashMap<String, String> = self
            .service
            .revocations(0, None, 100_000)
            .unwrap()
            .into_iter()
            .map(|rv| (rv.serial, rv.reason))
            .collect();
        for token in &self.seen {
            let claims = jws_claims(token);
            let verdict = self.service.verify_token(token, None).unwrap();
            let sub = claims["sub"].as_str().unwrap();
            let n = NUMBERS.iter().position(|x| *x == sub).unwrap();
            let answer = self.answer(n);
            if verdict.valid {
                assert_eq!(
                    answer["status"], "verified",
                    "after {after:?}: a valid token {claims} for {answer}"
                );
                assert_eq!(answer["business"]["id"], claims["biz"], "after {after:?}");
            } else {
                let jti = claims["jti"].as_str().unwrap();
                let reason = revoked
                    .get(jti)
                    .unwrap_or_else(|| panic!("after {after:?}: {jti} invalid but not listed"));
                assert!(!reason.is_empty());
            }
        }
        drop(r);
    }
}

fn jws_claims(token: &str) -> Value {
    use base64::Engine;
    let part = token.split('.').nth(1).unwrap();
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part)
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_badge_exists_exactly_while_its_review_holds(actions in proptest::collection::vec(action(), 1..40)) {
        let mut world = World::new();
        for b in 0..BUSINESSES {
            world.register(b);
        }
        for a in &actions {
            world.run(a);
            world.check(a);
        }
    }
}
