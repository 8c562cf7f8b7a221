//! The DNS domain proof: a verified business publishes its challenge
//! token as a TXT record, and its numbers go from level B to level A.
//! A tiny authoritative DNS server on 127.0.0.1 stands in for the
//! business's zone; bizseal's resolver is pointed at it (`dns_server`).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use hickory_resolver::proto::op::{Message, MessageType, ResponseCode};
use hickory_resolver::proto::rr::rdata::TXT;
use hickory_resolver::proto::rr::{Name, RData, Record, RecordType};
use serde_json::{json, Value};

use crate::helpers::*;
use crate::workflow::{act, get, post, prove, register, verify, REVIEWER};

const DOMAIN: &str = "shop.example";

/// A zone holding one name's TXT records (each a list of strings), which
/// the test changes as the applicant would in their DNS console.
struct Zone {
    addr: SocketAddr,
    txt: Arc<Mutex<Vec<Vec<String>>>>,
}

/// Serves the zone over UDP: the TXT records at
/// `_bizseal-challenge.shop.example`, an empty answer for its other
/// types, NXDOMAIN for every other name.
async fn zone() -> Zone {
    let socket = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let addr = socket.local_addr().unwrap();
    let txt: Arc<Mutex<Vec<Vec<String>>>> = Arc::default();
    let records = Arc::clone(&txt);
    let owner = Name::from_ascii(format!("_bizseal-challenge.{DOMAIN}.")).unwrap();
    tokio::spawn(async move {
        let mut buf = [0u8; 512];
        while let Ok((n, peer)) = socket.recv_from(&mut buf).await {
            let Ok(query) = Message::from_vec(&buf[..n]) else {
                continue;
            };
            let mut answer = Message::new();
            answer
                .set_id(query.id())
                .set_message_type(MessageType::Response)
                .set_op_code(query.op_code())
                .set_recursion_desired(query.recursion_desired())
                .set_authoritative(true);
            for q in query.queries() {
                answer.add_query(q.clone());
                if q.name() != &owner {
                    answer.set_response_code(ResponseCode::NXDomain);
                } else if q.query_type() == RecordType::TXT {
                    let published = records.lock().unwrap().clone();
                    for strings in published {
                        let rdata = RData::TXT(TXT::new(strings));
                        answer.add_answer(Record::from_rdata(owner.clone(), 60, rdata));
                    }
                }
            }
            let _ = socket.send_to(&answer.to_vec().unwrap(), peer).await;
        }
    });
    Zone { addr, txt }
}

impl Zone {
    fn publish(&self, records: &[&[&str]]) {
        *self.txt.lock().unwrap() = records
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect();
    }
}

async fn level(app: &TestApp, number: &str) -> Value {
    let (_, looked) = app.get_json(&format!("/v1/numbers/{number}")).await;
    assert_eq!(looked["status"], "verified");
    looked["level"].clone()
}

#[tokio::test]
async fn a_txt_record_proves_the_domain_and_the_numbers_go_to_level_a() {
    let zone = zone().await;
    let app = spawn_with(
        |c| {
            c.dns_server = Some(zone.addr);
            // Nothing listens there: the HTTP proof cannot hold.
            c.challenge_port = 1;
            c.reviewer_token = Some(REVIEWER.into());
        },
        false,
    )
    .await;
    let a = register(&app, "Tienda Ejemplo").await;
    let number = "+34612000777";
    prove(&app, &a, number).await;
    act(&app, &a, "submit", json!({})).await;
    let (status, _) = post(
        &app,
        &format!("/v1/review/{}/approve", a.id),
        REVIEWER,
        json!({"note": "papers checked"}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(level(&app, number).await, "B", "reviewed, no domain yet");

    // The challenge names the record to publish.
    let (status, challenge) = act(&app, &a, "domain", json!({"domain": DOMAIN})).await;
    assert_eq!(status, 200, "{challenge}");
    let token = challenge["token"].as_str().unwrap().to_owned();
    assert_eq!(challenge["dns_name"], "_bizseal-challenge.shop.example");
    assert_eq!(challenge["dns_value"], token.as_str());

    // Nothing published yet.
    let (_, check) = act(&app, &a, "domain/check", json!({})).await;
    assert_eq!(check["verified"], false, "{check}");
    assert_eq!(check["dns_reason"], "txt_missing", "{check}");
    assert!(check["http_reason"].is_string(), "HTTP was tried too");

    // A wrong value (an old token, another service's record).
    zone.publish(&[&["an-old-token"], &["v=spf1 -all"]]);
    let (_, check) = act(&app, &a, "domain/check", json!({})).await;
    assert_eq!(check["verified"], false, "{check}");
    assert_eq!(check["reason"], "txt_mismatch", "{check}");
    assert_eq!(check["dns_reason"], "txt_mismatch", "{check}");
    assert!(check["method"].is_null());
    assert_eq!(level(&app, number).await, "B");

    // The token, split into two strings as some DNS consoles do, beside
    // the wrong record: proven by DNS, HTTP not even tried.
    let (head, tail) = token.split_at(20);
    zone.publish(&[&["an-old-token"], &[head, tail]]);
    let (_, check) = act(&app, &a, "domain/check", json!({})).await;
    assert_eq!(
        check,
        json!({"verified": true, "method": "dns", "reason": "ok",
               "dns_reason": null, "http_reason": null})
    );

    // The reviewed business's number is level A now, with a fresh token.
    assert_eq!(level(&app, number).await, "A");
    let (_, looked) = app.get_json(&format!("/v1/numbers/{number}")).await;
    let checked = verify(&app, looked["attestation"].as_str().unwrap()).await;
    assert_eq!(checked["valid"], true);
    assert_eq!(checked["claims"]["lvl"], "A");
    assert_answers_fresh(&app.service);

    // The proof stays, whatever the zone does next; the audit says how
    // it was made.
    zone.publish(&[]);
    let (_, check) = act(&app, &a, "domain/check", json!({})).await;
    assert_eq!(check["verified"], true);
    assert!(check["method"].is_null(), "proven by an earlier check");
    let (_, audit) = get(
        &app,
        &format!("/v1/review/audit?business={}", a.id),
        REVIEWER,
    )
    .await;
    assert!(
        audit["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "domain_proven" && e["detail"] == "shop.example (dns)"),
        "{audit}"
    );
}
