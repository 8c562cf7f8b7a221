//! Named reviewers: their tokens (kept as hashes), admins among them, and
//! the audit of who did what.

use crate::store::prelude::*;
use serde::Serialize;
use subtle::ConstantTimeEq;

use super::shared::{random_token, sha256};
use super::{Service, ServiceError};
use crate::model::{now, AuditEntry, BusinessId};

/// A person who may review: every decision is audited under `name`. An
/// admin may also back up the database and rotate signing keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reviewer {
    pub name: String,
    pub admin: bool,
}

/// How an admin's name is stored in the reviewers table; a plain name (as
/// older builds stored every reviewer) is a reviewer. Names have no
/// control characters, so the prefix cannot be typed into one.
const ADMIN_PREFIX: &str = "\u{1}admin\u{1}";

impl Reviewer {
    fn encode(&self) -> String {
        if self.admin {
            format!("{ADMIN_PREFIX}{}", self.name)
        } else {
            self.name.clone()
        }
    }

    fn decode(stored: &str) -> Reviewer {
        match stored.strip_prefix(ADMIN_PREFIX) {
            Some(name) => Reviewer {
                name: name.to_owned(),
                admin: true,
            },
            None => Reviewer {
                name: stored.to_owned(),
                admin: false,
            },
        }
    }
}

impl Service {
    /// The reviewer a bearer token belongs to: the operator's token from the
    /// environment (an admin), or a named one made with `bizseal reviewer
    /// add`.
    pub fn authenticate_reviewer(&self, token: &str) -> Result<Option<Reviewer>, ServiceError> {
        self.reviewer_for_token_hash(&sha256(token.as_bytes()))
    }

    /// The reviewer whose token has this SHA-256: a signed-in console
    /// session keeps only the hash, and holds only while the token does.
    pub fn reviewer_for_token_hash(
        &self,
        presented: &[u8; 32],
    ) -> Result<Option<Reviewer>, ServiceError> {
        if let Some(operator) = &self.config.reviewer_token {
            if bool::from(presented.ct_eq(&sha256(operator.as_bytes()))) {
                return Ok(Some(Reviewer {
                    name: "operator".to_owned(),
                    admin: true,
                }));
            }
        }
        Ok(self
            .store
            .read()?
            .reviewer_for_token(presented)?
            .map(|stored| Reviewer::decode(&stored)))
    }

    /// Every named reviewer, by name.
    pub fn reviewers(&self) -> Result<Vec<Reviewer>, ServiceError> {
        let mut out: Vec<Reviewer> = self
            .store
            .read()?
            .reviewers()?
            .into_iter()
            .map(|(_, stored)| Reviewer::decode(&stored))
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Revokes a named reviewer's token, audited.
    pub fn remove_reviewer(&self, name: &str, by: &str) -> Result<(), ServiceError> {
        let at = now();
        self.write(|w| {
            let found = w
                .reviewers()?
                .into_iter()
                .find(|(_, stored)| Reviewer::decode(stored).name == name);
            let (hash, _) = found.ok_or(ServiceError::NotFound("reviewer"))?;
            w.remove_reviewer(&hash)?;
            w.add_audit(&AuditEntry {
                at,
                actor: by.to_owned(),
                business: None,
                action: "reviewer_removed".into(),
                detail: name.to_owned(),
            })?;
            Ok(())
        })
    }

    /// A page of the audit trail, newest first, with each entry's
    /// sequence number: of one business or of everything, before the
    /// entry `before` (the newest when `None`). The console pages it.
    pub fn audit_page(
        &self,
        business: Option<&BusinessId>,
        before: Option<u64>,
        limit: usize,
    ) -> Result<Vec<(u64, AuditEntry)>, ServiceError> {
        Ok(self
            .store
            .read()?
            .audit_newest(business.map(BusinessId::as_str), before, limit)?)
    }

    /// Records a security event (a lockout, say) in the audit trail.
    pub fn note_security_event(&self, action: &str, detail: &str) -> Result<(), ServiceError> {
        let at = now();
        self.write(|w| {
            w.add_audit(&AuditEntry {
                at,
                actor: "limits".into(),
                business: None,
                action: action.to_owned(),
                detail: detail.to_owned(),
            })?;
            Ok::<_, ServiceError>(())
        })
    }

    /// Makes a named reviewer's token (an admin may also back up and
    /// rotate keys); it is shown once and stored only as a hash. Names are
    /// unique: the audit trail says who decided.
    pub fn create_reviewer(&self, name: &str, admin: bool) -> Result<String, ServiceError> {
        let name = name.trim();
        if name.is_empty()
            || name.len() > 64
            || name
                .chars()
                .any(|c| c.is_control() || super::profile::invisible(c))
            || name == "operator"
        {
            return Err(ServiceError::invalid(
                "name",
                "1-64 printable characters, not \"operator\"",
            ));
        }
        let token = format!("bzr_{}", random_token()?);
        let at = now();
        let who = Reviewer {
            name: name.to_owned(),
            admin,
        };
        self.write(|w| {
            if w.reviewers()?
                .iter()
                .any(|(_, s)| Reviewer::decode(s).name == name)
            {
                return Err(ServiceError::invalid(
                    "name",
                    "a reviewer of that name exists",
                ));
            }
            w.put_reviewer(&sha256(token.as_bytes()), &who.encode())?;
            w.add_audit(&AuditEntry {
                at,
                actor: "operator".into(),
                business: None,
                action: if admin {
                    "admin_created"
                } else {
                    "reviewer_created"
                }
                .into(),
                detail: name.to_owned(),
            })?;
            Ok::<_, ServiceError>(())
        })?;
        Ok(token)
    }
}
