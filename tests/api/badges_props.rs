//! The badge list as a property: after any sequence of directory changes
//! (revocations, suspensions, reinstatements, renewals), publishes (some
//! killed before their manifest) and syncs, a synced client's answer for
//! every number equals the server's; and between a killed publish and the
//! next whole one, the client shows no badge the last whole publish did
//! not.

use std::collections::BTreeMap;
use std::sync::Arc;

use bizseal::model::BusinessId;
use bizseal::phone::{PhoneNumber, E164};
use bizseal::publish::dest::Destination;
use bizseal::publish::{self, Settings};
use bizseal::service::Service;
use bizseal::store::prelude::*;
use proptest::prelude::*;

use crate::badges::{all_numbers, client_says, publish_to, server_says, sync_from};

#[derive(Debug, Clone)]
enum Step {
    Revoke(usize),
    Suspend(usize),
    Reinstate(usize),
    /// Every token falls due and is renewed (new serials, new buckets).
    Renew,
    /// A publish, then a sync.
    PublishAndSync,
    /// A publish killed after its content files, then a sync.
    KilledPublishAndSync,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..40usize).prop_map(Step::Revoke),
        2 => (0..20usize).prop_map(Step::Suspend),
        2 => (0..20usize).prop_map(Step::Reinstate),
        1 => Just(Step::Renew),
        4 => Just(Step::PublishAndSync),
        1 => Just(Step::KilledPublishAndSync),
    ]
}

struct World {
    service: Arc<Service>,
    _data: tempfile::TempDir,
    root: tempfile::TempDir,
    client: tempfile::TempDir,
    numbers: Vec<String>,
    businesses: Vec<BusinessId>,
    /// The badges of the last whole publish.
    published: BTreeMap<String, (bool, Option<String>)>,
}

impl World {
    fn new() -> World {
        let data = tempfile::tempdir().unwrap();
        let service =
            Arc::new(Service::open_for_command(bizseal::config::Config::new(data.path())).unwrap());
        service.load_demo().unwrap();
        let numbers = all_numbers(&service);
        let r = service.store().read().unwrap();
        let mut businesses: Vec<BusinessId> = numbers
            .iter()
            .filter_map(|n| r.number(E164::stored(n)).unwrap().map(|rec| rec.business))
            .collect();
        businesses.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        businesses.dedup();
        drop(r);
        World {
            service,
            _data: data,
            root: tempfile::tempdir().unwrap(),
            client: tempfile::tempdir().unwrap(),
            numbers,
            businesses,
            published: BTreeMap::new(),
        }
    }

    async fn run(&mut self, step: &Step) {
        let r = "property";
        match step {
            Step::Revoke(i) => {
                let number = &self.numbers[i % self.numbers.len()];
                let _ = self.service.revoke_number(
                    &PhoneNumber::parse(number, None).unwrap(),
                    r,
                    "bad",
                );
            }
            Step::Suspend(i) => {
                let _ =
                    self.service
                        .suspend(&self.businesses[i % self.businesses.len()], r, "fraud");
            }
            Step::Reinstate(i) => {
                let _ = self.service.reinstate(
                    &self.businesses[i % self.businesses.len()],
                    r,
                    "cleared",
                );
            }
            Step::Renew => {
                let now = bizseal::model::now();
                let numbers = self.numbers.clone();
                self.service
                    .store()
                    .write(|w| {
                        for n in &numbers {
                            for (serial, _) in w.live_serials(E164::stored(n))? {
                                if let Some(a) = w.attestation(&serial)? {
                                    w.put_attestation(&bizseal::model::Attestation {
                                        expires_at: now + 60,
                                        ..a
                                    })?;
                                }
                            }
                        }
                        Ok::<_, bizseal::store::StoreError>(())
                    })
                    .unwrap();
                self.service.renew_expiring().unwrap();
            }
            Step::PublishAndSync => {
                publish_to(&self.service, self.root.path()).await;
                sync_from(self.root.path(), self.client.path(), Some(&self.numbers)).unwrap();
                self.published = self
                    .numbers
                    .iter()
                    .map(|n| (n.clone(), server_says(&self.service, n)))
                    .collect();
                for n in &self.numbers {
                    assert_eq!(
                        client_says(self.client.path(), n),
                        self.published[n],
                        "{n} after {step:?}"
                    );
                }
            }
            Step::KilledPublishAndSync => {
                let dest = Destination::local(self.root.path()).unwrap();
                let jwks = serde_json::to_vec(&self.service.jwks()).unwrap();
                let keys = bizseal_client::badges::jws::Keys::from_jwks(&jwks).unwrap();
                let previous = publish::badges::previous(&dest, &keys).await.unwrap();
                let r = self.service.store().read().unwrap();
                let badged = bizseal::lookup::badged(&r).unwrap();
                let planned = publish::badges::plan(
                    &r,
                    &badged,
                    previous.as_ref(),
                    &self.service.keyring(),
                    "bizseal",
                    &Settings::default(),
                    bizseal::model::now(),
                )
                .unwrap();
                drop(r);
                if let Some(planned) = planned {
                    let mut files = planned.files;
                    files.last.clear();
                    dest.write(files).await.unwrap();
                }
                if previous.is_none() {
                    return;
                }
                sync_from(self.root.path(), self.client.path(), Some(&self.numbers)).unwrap();
                for n in &self.numbers {
                    let (badge, _) = client_says(self.client.path(), n);
                    assert!(
                        !badge || self.published[n].0,
                        "{n} shows a badge no whole publish gave"
                    );
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn a_synced_client_answers_every_number_as_the_server_does(steps in proptest::collection::vec(step(), 1..10)) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let mut world = World::new();
            for s in &steps {
                world.run(s).await;
            }
            world.run(&Step::PublishAndSync).await;
            for n in &world.numbers {
                assert_eq!(client_says(world.client.path(), n), server_says(&world.service, n), "{n}");
            }
        });
    }
}
