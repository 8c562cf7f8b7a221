//! What a write tells whom: the one mapping from a write's facts (its
//! audit entries, the tokens it issued and revoked) to the events of the
//! businesses' and the reviewers' webhooks and to the public changes feed.
//!
//! Every decision of the workflows writes an audit entry, so events are
//! read off those rather than announced by each workflow: a new workflow
//! that audits its decision notifies without a line more, and no event
//! exists that the audit trail does not show.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::model::{Attestation, AuditEntry, BusinessId, FeedEntry, Revocation, Target};
use crate::store::WriteFacts;

/// An event to enqueue: to whom, its type and its `data`.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub target: Target,
    pub event_type: &'static str,
    pub data: Value,
}

/// The business event an audit action is, if any.
fn business_event(action: &str) -> Option<&'static str> {
    Some(match action {
        "submitted" => "business.submitted",
        "approved" => "business.approved",
        "rejected" => "business.rejected",
        "suspended" => "business.suspended",
        "reinstated" => "business.reinstated",
        "number_proven" => "number.proven",
        "number_revoked" => "number.revoked",
        "number_released" => "number.released",
        "flagged" => "reports.flagged",
        "edit_approved" => "edit.approved",
        "edit_rejected" => "edit.rejected",
        _ => return None,
    })
}

/// The reviewers' event an audit action is, if any: what wants a
/// reviewer's eyes soon.
fn reviewer_event(action: &str) -> Option<&'static str> {
    Some(match action {
        "flagged" => "reports.flagged",
        "number_disputed" => "number.disputed",
        "country_breaker_tripped" => "codes.breaker_tripped",
        _ => return None,
    })
}

/// The public change an audit action is, if any (badges themselves come
/// from the tokens issued and revoked).
fn feed_kind(action: &str) -> Option<&'static str> {
    Some(match action {
        "suspended" => "business.suspended",
        "reinstated" => "business.reinstated",
        "edit_approved" => "profile.updated",
        _ => return None,
    })
}

/// The events and feed entries of one write, in the order they happened
/// (feed: revocations, then the businesses' changes, then new badges, so
/// a client never holds a new token before the old one is gone).
pub fn derive(facts: &WriteFacts, reviewers: bool) -> (Vec<Event>, Vec<FeedEntry>) {
    let mut events = Vec::new();
    let mut told: BTreeMap<&BusinessId, ()> = BTreeMap::new();
    for entry in &facts.audited {
        if let Some(id) = &entry.business {
            if let Some(event_type) = business_event(&entry.action) {
                told.insert(id, ());
                events.push(Event {
                    target: Target::Business(id.clone()),
                    event_type,
                    data: business_data(entry, id, facts),
                });
            }
        }
        if reviewers {
            if let Some(event_type) = reviewer_event(&entry.action) {
                let mut data = Map::new();
                if let Some(id) = &entry.business {
                    data.insert("business".into(), json!(id));
                }
                data.insert("detail".into(), json!(entry.detail));
                events.push(Event {
                    target: Target::Reviewers,
                    event_type,
                    data: Value::Object(data),
                });
            }
        }
    }
    // A token issued with no decision of its business in the same write
    // is a renewal (or a re-issue the business did not ask for).
    for a in &facts.issued {
        if !told.contains_key(&a.business) {
            events.push(Event {
                target: Target::Business(a.business.clone()),
                event_type: "attestation.renewed",
                data: json!({
                    "business": a.business,
                    "number": a.number,
                    "jti": a.serial,
                    "level": a.level.as_str(),
                    "expires_at": a.expires_at,
                }),
            });
        }
    }
    (events, feed(facts))
}

/// An event's `data` for a business: the business, what the audit entry
/// says (the number, the reason or note), and the badges the same write
/// granted and revoked for it.
fn business_data(entry: &AuditEntry, id: &BusinessId, facts: &WriteFacts) -> Value {
    let mut data = Map::new();
    data.insert("business".into(), json!(id));
    match entry.action.as_str() {
        "number_proven" => {
            data.insert("number".into(), json!(entry.detail));
        }
        // "+31...: reason"
        "number_revoked" | "number_released" => {
            let (number, reason) = entry
                .detail
                .split_once(": ")
                .unwrap_or((entry.detail.as_str(), ""));
            data.insert("number".into(), json!(number));
            data.insert("reason".into(), json!(reason));
        }
        "approved" | "edit_approved" if !entry.detail.is_empty() => {
            data.insert("note".into(), json!(entry.detail));
        }
        "rejected" | "edit_rejected" | "suspended" | "reinstated" | "flagged" => {
            data.insert("reason".into(), json!(entry.detail));
        }
        _ => {}
    }
    let granted: Vec<Value> = facts
        .issued
        .iter()
        .filter(|a| a.business == *id)
        .map(granted_badge)
        .collect();
    if !granted.is_empty() {
        data.insert("granted".into(), Value::Array(granted));
    }
    let revoked: Vec<Value> = facts
        .revoked
        .iter()
        .filter(|r| r.business == *id)
        .map(|r| json!({"number": r.number, "jti": r.serial, "reason": r.reason}))
        .collect();
    if !revoked.is_empty() {
        data.insert("revoked".into(), Value::Array(revoked));
    }
    Value::Object(data)
}

fn granted_badge(a: &Attestation) -> Value {
    json!({
        "number": a.number,
        "jti": a.serial,
        "level": a.level.as_str(),
        "expires_at": a.expires_at,
    })
}

/// The public changes of a write.
fn feed(facts: &WriteFacts) -> Vec<FeedEntry> {
    let mut out = Vec::new();
    for r in &facts.revoked {
        out.push(revoked_entry(r));
    }
    for entry in &facts.audited {
        if let (Some(id), Some(kind)) = (&entry.business, feed_kind(&entry.action)) {
            out.push(FeedEntry {
                kind: kind.to_owned(),
                business: id.clone(),
                number: None,
                jti: None,
                reason: None,
                at: entry.at,
            });
        }
    }
    for a in &facts.issued {
        out.push(FeedEntry {
            kind: "badge.granted".to_owned(),
            business: a.business.clone(),
            number: Some(a.number.clone()),
            jti: Some(a.serial.clone()),
            reason: None,
            at: a.issued_at,
        });
    }
    out
}

fn revoked_entry(r: &Revocation) -> FeedEntry {
    FeedEntry {
        kind: "badge.revoked".to_owned(),
        business: r.business.clone(),
        number: Some(r.number.clone()),
        jti: Some(r.serial.clone()),
        reason: Some(r.reason.clone()),
        at: r.at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    fn audit(business: Option<&BusinessId>, action: &str, detail: &str) -> AuditEntry {
        AuditEntry {
            at: 100,
            actor: "alice".into(),
            business: business.cloned(),
            action: action.into(),
            detail: detail.into(),
        }
    }

    fn token(business: &BusinessId, number: &str) -> Attestation {
        Attestation {
            serial: crate::model::new_serial(),
            number: number.into(),
            business: business.clone(),
            level: Level::B,
            name: "Shop".into(),
            kid: "k".into(),
            issued_at: 100,
            expires_at: 200,
            token: "t".into(),
        }
    }

    #[test]
    fn an_approval_tells_the_business_with_its_new_badges_and_the_feed_grants_them() {
        let id = BusinessId::generate();
        let facts = WriteFacts {
            audited: vec![audit(Some(&id), "approved", "ok")],
            issued: vec![token(&id, "+31206499123")],
            revoked: vec![],
        };
        let (events, feed) = derive(&facts, true);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].event_type, "business.approved");
        assert_eq!(events[0].target, Target::Business(id.clone()));
        assert_eq!(events[0].data["granted"][0]["number"], "+31206499123");
        assert_eq!(events[0].data["note"], "ok");
        assert_eq!(feed.len(), 1);
        assert_eq!(feed[0].kind, "badge.granted");
        assert_eq!(
            feed[0].jti.as_deref(),
            Some(facts.issued[0].serial.as_str())
        );
    }

    #[test]
    fn a_token_issued_without_a_decision_is_a_renewal() {
        let id = BusinessId::generate();
        let facts = WriteFacts {
            audited: vec![],
            issued: vec![token(&id, "+31206499123")],
            revoked: vec![],
        };
        let (events, _) = derive(&facts, false);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].event_type, "attestation.renewed");
        assert_eq!(events[0].data["jti"], json!(facts.issued[0].serial));
    }

    #[test]
    fn flags_disputes_and_breakers_reach_the_reviewers_only_when_they_listen() {
        let id = BusinessId::generate();
        let facts = WriteFacts {
            audited: vec![
                audit(Some(&id), "flagged", "5 reporters"),
                audit(Some(&id), "number_disputed", "+31206499123"),
                audit(None, "country_breaker_tripped", "+31"),
                audit(None, "key_rotated", "kid"),
            ],
            issued: vec![],
            revoked: vec![],
        };
        let (events, _) = derive(&facts, true);
        let to_reviewers: Vec<&str> = events
            .iter()
            .filter(|e| e.target == Target::Reviewers)
            .map(|e| e.event_type)
            .collect();
        assert_eq!(
            to_reviewers,
            [
                "reports.flagged",
                "number.disputed",
                "codes.breaker_tripped"
            ]
        );
        let (events, _) = derive(&facts, false);
        assert!(events.iter().all(|e| e.target != Target::Reviewers));
        assert_eq!(events.len(), 1, "the business hears of its flag");
    }

    #[test]
    fn a_suspension_revokes_in_the_feed_before_it_suspends() {
        let id = BusinessId::generate();
        let facts = WriteFacts {
            audited: vec![audit(Some(&id), "suspended", "fraud")],
            issued: vec![],
            revoked: vec![Revocation {
                serial: "S1".into(),
                number: "+31206499123".into(),
                business: id.clone(),
                at: 100,
                reason: "suspended: fraud".into(),
            }],
        };
        let (events, feed) = derive(&facts, false);
        assert_eq!(events[0].event_type, "business.suspended");
        assert_eq!(events[0].data["revoked"][0]["jti"], "S1");
        let kinds: Vec<&str> = feed.iter().map(|f| f.kind.as_str()).collect();
        assert_eq!(kinds, ["badge.revoked", "business.suspended"]);
    }
}
