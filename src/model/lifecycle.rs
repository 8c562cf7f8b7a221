//! The one state machine of the trust rules: how a business's review and a
//! number's claim and holding move, and what each refusal is called.
//!
//! A business's standing is its [`BusinessStatus`] plus its [`Application`]
//! (review, flag, pending edit, suspension). A number is either *claimed*
//! ([`Claim`], one per business, never public, blocking nobody) or *held*
//! ([`NumberState`] in the directory, by at most one business whose review
//! held when it got it). The service calls these methods inside its write
//! transactions and never decides a state itself; every refusal is a
//! [`StateError`] with a stable code.
//!
//! Business states (status × review): `registered/draft`,
//! `registered/submitted`, `registered/rejected`, `verified/approved`,
//! `suspended` (remembering the status it returns to). Flags and pending
//! edits ride on top of them. Transitions: submit, approve, reject,
//! dismiss, suspend, reinstate, flag, hold an edit, withdraw for an edit.
//!
//! Number states: `claimed`, `proven` (a claim with a proof), `disputed`
//! (a proven claim on a number another business holds), `locked` (a claim
//! refusing codes until a time), `attested` (held, with a live token),
//! `on hold` (held by a suspended business, no live token), `revoked`.
//! Transitions: claim, send code, confirm, fail, unlock, lapse, expire a
//! proof, attest, hold, resume, revoke, release, remove.

use super::review::{Claim, Flag, OtpCode, PendingEdit, ReviewState, Suspension};
use super::{Application, BusinessStatus, Level, NumberState, Proof};

/// Tries per code before it is spent (NIST SP 800-63B allows a few).
pub const MAX_CODE_ATTEMPTS: u32 = 5;
/// Consecutive wrong codes of one business for one number before its code
/// entry locks (NIST SP 800-63B §5.2.2 caps failures at 100).
pub const MAX_CONSECUTIVE_FAILURES: u32 = 100;
/// How long such a lock lasts; a reviewer can lift it sooner.
pub const LOCKOUT: i64 = 24 * 3600;

/// Why a transition was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StateError {
    #[error("the business is suspended; a reviewer must reinstate it first")]
    Suspended,
    #[error("the business is not suspended")]
    NotSuspended,
    #[error("the business is already verified")]
    AlreadyVerified,
    #[error("prove at least one number before submitting")]
    NothingProven,
    #[error("the submission was rejected; it can be submitted again after {0} (seconds since the epoch)")]
    CoolingDown(i64),
    #[error("nothing of this business waits for review")]
    NothingWaits,
    #[error("a flag is not a submission: dismiss it or suspend the business")]
    FlagNotSubmission,
    #[error("the business is not flagged")]
    NotFlagged,
    #[error("the number is already proven")]
    AlreadyProven,
    #[error("no code is outstanding for this number; request one")]
    NoCode,
    #[error("too many wrong codes for this number; code entry is locked until {0} (seconds since the epoch)")]
    Locked(i64),
    #[error("the number has no live attestation")]
    NotAttested,
    #[error("the number is not held by a business")]
    NotHeld,
    #[error("the number was revoked by a reviewer; ask the reviewers to release it")]
    RevokedByReviewer,
    #[error("start a domain challenge first")]
    NoDomainChallenge,
    #[error("the domain challenge changed meanwhile; check again")]
    ChallengeChanged,
}

impl StateError {
    /// Its stable code (`error_code`).
    pub fn code(&self) -> crate::error_code::Code {
        use crate::error_code::Code;
        match self {
            StateError::Suspended => Code::BusinessSuspended,
            StateError::NotSuspended => Code::NotSuspended,
            StateError::AlreadyVerified => Code::AlreadyVerified,
            StateError::NothingProven => Code::NothingProven,
            StateError::CoolingDown(_) => Code::ResubmitLater,
            StateError::NothingWaits => Code::NothingWaits,
            StateError::FlagNotSubmission => Code::FlagNotSubmission,
            StateError::NotFlagged => Code::NotFlagged,
            StateError::AlreadyProven => Code::AlreadyProven,
            StateError::NoCode => Code::NoCode,
            StateError::Locked(_) => Code::NumberLocked,
            StateError::NotAttested => Code::NotAttested,
            StateError::NotHeld => Code::NotHeld,
            StateError::RevokedByReviewer => Code::RevokedByReviewer,
            StateError::NoDomainChallenge => Code::NoDomainChallenge,
            StateError::ChallengeChanged => Code::ChallengeChanged,
        }
    }
}

/// What an approval did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Approved {
    /// A submission: the business is verified from now on.
    Submission,
    /// A pending edit of a verified business: apply it.
    Edit(Box<PendingEdit>),
}

impl Application {
    /// Whether the business's review holds: public answers may name it.
    pub fn review_holds(status: BusinessStatus) -> bool {
        status == BusinessStatus::Verified
    }

    /// Whether a business is shown publicly at all: while its review holds,
    /// and while it is suspended after it held (with its warning).
    pub fn is_public(&self, status: BusinessStatus) -> bool {
        match status {
            BusinessStatus::Verified => true,
            BusinessStatus::Suspended => self
                .suspension
                .as_ref()
                .is_some_and(|s| s.previous == BusinessStatus::Verified),
            BusinessStatus::Registered => false,
        }
    }

    /// Puts the business in the review queue. `proven`: it proved at least
    /// one number. A rejected submission waits `cooldown` seconds.
    pub fn submit(
        &mut self,
        status: BusinessStatus,
        proven: bool,
        at: i64,
        cooldown: i64,
    ) -> Result<bool, StateError> {
        match status {
            BusinessStatus::Suspended => return Err(StateError::Suspended),
            BusinessStatus::Verified => return Err(StateError::AlreadyVerified),
            BusinessStatus::Registered => {}
        }
        match &self.review {
            ReviewState::Submitted { .. } => return Ok(false),
            ReviewState::Rejected { at: when, .. } if at < when.saturating_add(cooldown) => {
                return Err(StateError::CoolingDown(when.saturating_add(cooldown)))
            }
            _ => {}
        }
        if !proven {
            return Err(StateError::NothingProven);
        }
        self.review = ReviewState::Submitted { at };
        Ok(true)
    }

    /// Approves what waits: a submission (`proven`: it still has a proven
    /// number) or a pending edit. A flag alone is never approved.
    pub fn approve(
        &mut self,
        status: BusinessStatus,
        proven: bool,
        by: &str,
        note: &str,
        at: i64,
    ) -> Result<Approved, StateError> {
        if status == BusinessStatus::Suspended {
            return Err(StateError::Suspended);
        }
        if matches!(self.review, ReviewState::Submitted { .. }) {
            if !proven {
                return Err(StateError::NothingProven);
            }
            self.review = ReviewState::Approved {
                at,
                by: by.to_owned(),
                note: note.to_owned(),
            };
            // A pending edit belongs to a verified business; a submission
            // is reviewed on the profile as it stands.
            self.pending = None;
            return Ok(Approved::Submission);
        }
        if let Some(edit) = self.pending.take() {
            return Ok(Approved::Edit(Box::new(edit)));
        }
        Err(if self.flag.is_some() {
            StateError::FlagNotSubmission
        } else {
            StateError::NothingWaits
        })
    }

    /// Rejects a submission or a pending edit, with a reason the business
    /// sees. A flag is dismissed or leads to a suspension instead.
    pub fn reject(&mut self, by: &str, reason: &str, at: i64) -> Result<(), StateError> {
        if matches!(self.review, ReviewState::Submitted { .. }) {
            self.review = ReviewState::Rejected {
                at,
                by: by.to_owned(),
                reason: reason.to_owned(),
            };
            self.pending = None;
            return Ok(());
        }
        if self.pending.take().is_some() {
            return Ok(());
        }
        Err(if self.flag.is_some() {
            StateError::FlagNotSubmission
        } else {
            StateError::NothingWaits
        })
    }

    /// Clears a flag; the reports stay.
    pub fn dismiss(&mut self) -> Result<Flag, StateError> {
        self.flag.take().ok_or(StateError::NotFlagged)
    }

    /// Flags the business for review (reports, a disputed number). A flag
    /// already there stays, with its time.
    pub fn raise_flag(&mut self, at: i64, reason: String) -> bool {
        if self.flag.is_some() {
            return false;
        }
        self.flag = Some(Flag { at, reason });
        true
    }

    /// Holds an edit of a verified business's public fields for review.
    pub fn hold_edit(&mut self, edit: PendingEdit) {
        self.pending = Some(edit);
    }

    /// A business never reviewed edits its profile freely, but not under a
    /// reviewer's eyes: an edit withdraws a waiting submission (true when
    /// it did), so what a reviewer approves is what they read, not a name
    /// swapped in a second before the click.
    pub fn withdraw_for_edit(&mut self) -> bool {
        if matches!(self.review, ReviewState::Submitted { .. }) {
            self.review = ReviewState::Draft;
            return true;
        }
        false
    }

    /// Suspends the business: the new status.
    pub fn suspend(
        &mut self,
        status: BusinessStatus,
        reason: &str,
        at: i64,
    ) -> Result<BusinessStatus, StateError> {
        if status == BusinessStatus::Suspended {
            return Err(StateError::Suspended);
        }
        self.suspension = Some(Suspension {
            at,
            reason: reason.to_owned(),
            previous: status,
        });
        // Deciding the business's fate settles its flag.
        self.flag = None;
        Ok(BusinessStatus::Suspended)
    }

    /// Lifts a suspension: the status it returns to.
    pub fn reinstate(&mut self, status: BusinessStatus) -> Result<BusinessStatus, StateError> {
        if status != BusinessStatus::Suspended {
            return Err(StateError::NotSuspended);
        }
        Ok(self
            .suspension
            .take()
            .map_or(BusinessStatus::Registered, |s| s.previous))
    }
}

/// What a code entry came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeOutcome {
    Proven,
    /// Wrong; this many tries are left for this code.
    Wrong(u32),
    Expired,
    TooManyAttempts,
}

impl Claim {
    /// A fresh claim: listing a number reserves nothing.
    pub fn new(at: i64) -> Claim {
        Claim {
            claimed_at: at,
            proof: None,
            code: None,
            failures: 0,
            locked_until: None,
            disputed: false,
        }
    }

    /// A claim vouched for by an operator's import.
    pub fn proven(proof: Proof) -> Claim {
        Claim {
            proof: Some(proof),
            ..Claim::new(proof.at)
        }
    }

    /// The claim's state name, as its business and the reviewers see it.
    pub fn name(&self, at: i64) -> &'static str {
        if self.disputed {
            "disputed"
        } else if self.proof.is_some() {
            "proven"
        } else if self.locked(at).is_some() {
            "locked"
        } else {
            "unproven"
        }
    }

    /// Until when code entry is locked, if it is at `at`.
    pub fn locked(&self, at: i64) -> Option<i64> {
        self.locked_until.filter(|until| at < *until)
    }

    /// Whether an unproven claim made at `claimed_at` has lapsed after
    /// `ttl` seconds. Proven claims wait for review and do not lapse.
    pub fn lapsed(&self, at: i64, ttl: i64) -> bool {
        self.proof.is_none() && at >= self.claimed_at.saturating_add(ttl)
    }

    /// Forgets a proof older than `max_age`: a number can change hands
    /// since, so taking it over needs a fresh one. True when it did.
    pub fn expire_proof(&mut self, at: i64, max_age: i64) -> bool {
        if self.proof.is_some_and(|p| at - p.at > max_age) {
            self.proof = None;
            self.disputed = false;
            self.claimed_at = at;
            return true;
        }
        false
    }

    /// A new code replaces any outstanding one.
    pub fn send_code(&mut self, code: OtpCode, at: i64) -> Result<(), StateError> {
        if self.proof.is_some() {
            return Err(StateError::AlreadyProven);
        }
        if let Some(until) = self.locked(at) {
            return Err(StateError::Locked(until));
        }
        self.code = Some(code);
        Ok(())
    }

    /// Enters a code; `matches` compares it with the outstanding one (in
    /// constant time, by the caller). Failures are counted whatever the
    /// outcome, so the caller commits the claim even on an error.
    pub fn enter_code(
        &mut self,
        at: i64,
        matches: impl FnOnce(&OtpCode) -> bool,
    ) -> Result<CodeOutcome, StateError> {
        if self.proof.is_some() {
            return Err(StateError::AlreadyProven);
        }
        if let Some(until) = self.locked(at) {
            return Err(StateError::Locked(until));
        }
        let Some(code) = self.code.as_mut() else {
            return Err(StateError::NoCode);
        };
        if at >= code.expires_at {
            self.code = None;
            return Ok(CodeOutcome::Expired);
        }
        if code.attempts >= MAX_CODE_ATTEMPTS {
            self.code = None;
            return Ok(CodeOutcome::TooManyAttempts);
        }
        if matches(code) {
            self.code = None;
            self.failures = 0;
            self.locked_until = None;
            self.proof = Some(Proof {
                method: super::ProofMethod::Otp,
                at,
            });
            return Ok(CodeOutcome::Proven);
        }
        code.attempts += 1;
        let left = MAX_CODE_ATTEMPTS - code.attempts;
        if left == 0 {
            self.code = None;
        }
        self.failures += 1;
        if self.failures >= MAX_CONSECUTIVE_FAILURES {
            self.failures = 0;
            self.locked_until = Some(at + LOCKOUT);
            self.code = None;
        }
        Ok(CodeOutcome::Wrong(left))
    }

    /// A reviewer lifts a lock and forgets the failures.
    pub fn unlock(&mut self) -> bool {
        let was = self.locked_until.is_some() || self.failures > 0;
        self.locked_until = None;
        self.failures = 0;
        was
    }
}

impl NumberState {
    /// Suspension: an attested number goes on hold; the serial to revoke.
    pub fn hold(&self) -> Option<(NumberState, &str)> {
        match self {
            NumberState::Attested { level, serial } => {
                Some((NumberState::OnHold { level: *level }, serial))
            }
            _ => None,
        }
    }

    /// Reinstatement: the level a number on hold is attested at again.
    pub fn resumes_at(&self) -> Option<Level> {
        match self {
            NumberState::OnHold { level } => Some(*level),
            _ => None,
        }
    }

    /// A reviewer's revocation of a held number.
    pub fn revoke(&self, at: i64, reason: &str) -> Result<NumberState, StateError> {
        match self {
            NumberState::Attested { .. } | NumberState::OnHold { .. } => Ok(NumberState::Revoked {
                at,
                reason: reason.to_owned(),
            }),
            _ => Err(StateError::NotAttested),
        }
    }
}

/// The level a reviewed business's proven number is attested at: `A` with
/// a proven domain (or an operator's import that says so), else `B`.
pub fn level_for(domain_proven: bool) -> Level {
    if domain_proven {
        Level::A
    } else {
        Level::B
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BusinessId;

    fn app() -> Application {
        Application::new(BusinessId::generate())
    }

    fn code(expires_at: i64) -> OtpCode {
        OtpCode {
            salt: vec![],
            code_hash: vec![],
            issued_at: 0,
            expires_at,
            attempts: 0,
        }
    }

    #[test]
    fn a_flag_is_dismissed_never_approved() {
        let mut a = app();
        a.raise_flag(5, "reports".into());
        assert_eq!(
            a.approve(BusinessStatus::Registered, true, "r", "", 6),
            Err(StateError::FlagNotSubmission)
        );
        assert_eq!(a.reject("r", "x", 6), Err(StateError::FlagNotSubmission));
        assert!(a.dismiss().is_ok());
        assert_eq!(a.dismiss(), Err(StateError::NotFlagged));
        assert_eq!(a.queue_time(), None);
    }

    #[test]
    fn a_submission_needs_a_proven_number_and_waits_after_a_rejection() {
        let mut a = app();
        let reg = BusinessStatus::Registered;
        assert_eq!(a.submit(reg, false, 0, 100), Err(StateError::NothingProven));
        assert_eq!(a.submit(reg, true, 0, 100), Ok(true));
        assert_eq!(a.submit(reg, true, 1, 100), Ok(false), "already waiting");
        a.reject("r", "no", 10).unwrap();
        assert_eq!(
            a.submit(reg, true, 50, 100),
            Err(StateError::CoolingDown(110))
        );
        assert_eq!(a.submit(reg, true, 110, 100), Ok(true));
        assert_eq!(
            a.approve(reg, false, "r", "", 120),
            Err(StateError::NothingProven)
        );
        assert_eq!(a.approve(reg, true, "r", "", 120), Ok(Approved::Submission));
        assert_eq!(
            a.submit(BusinessStatus::Verified, true, 130, 100),
            Err(StateError::AlreadyVerified)
        );
    }

    #[test]
    fn suspension_remembers_where_it_returns() {
        let mut a = app();
        let s = a.suspend(BusinessStatus::Verified, "fraud", 1).unwrap();
        assert!(a.is_public(s));
        assert_eq!(a.suspend(s, "again", 2), Err(StateError::Suspended));
        assert_eq!(a.reinstate(s), Ok(BusinessStatus::Verified));
        assert_eq!(
            a.reinstate(BusinessStatus::Verified),
            Err(StateError::NotSuspended)
        );
        let s = a.suspend(BusinessStatus::Registered, "spam", 3).unwrap();
        assert!(
            !a.is_public(s),
            "never reviewed: not public while suspended"
        );
    }

    #[test]
    fn failed_codes_lock_one_claim_for_a_while() {
        let mut c = Claim::new(0);
        for i in 0..MAX_CONSECUTIVE_FAILURES {
            c.send_code(code(1_000), i as i64).unwrap();
            assert!(matches!(
                c.enter_code(i as i64, |_| false),
                Ok(CodeOutcome::Wrong(_))
            ));
        }
        let until = c.locked(200).expect("locked after 100 failures");
        assert_eq!(c.name(200), "locked");
        assert_eq!(
            c.send_code(code(1_000), 200),
            Err(StateError::Locked(until))
        );
        assert!(c.locked(until).is_none(), "a lock expires");
        assert!(c.unlock());
        c.send_code(code(1_000), 201).unwrap();
        assert_eq!(c.enter_code(201, |_| true), Ok(CodeOutcome::Proven));
        assert_eq!(c.name(202), "proven");
        assert_eq!(
            c.send_code(code(1_000), 202),
            Err(StateError::AlreadyProven)
        );
    }

    #[test]
    fn a_code_expires_and_is_spent_after_its_tries() {
        let mut c = Claim::new(0);
        assert_eq!(c.enter_code(0, |_| true), Err(StateError::NoCode));
        c.send_code(code(10), 0).unwrap();
        assert_eq!(c.enter_code(10, |_| true), Ok(CodeOutcome::Expired));
        c.send_code(code(100), 11).unwrap();
        for left in (0..MAX_CODE_ATTEMPTS).rev() {
            assert_eq!(c.enter_code(12, |_| false), Ok(CodeOutcome::Wrong(left)));
        }
        assert_eq!(c.enter_code(12, |_| true), Err(StateError::NoCode));
    }

    #[test]
    fn unproven_claims_lapse_and_proven_ones_wait() {
        let c = Claim::new(100);
        assert!(!c.lapsed(199, 100));
        assert!(c.lapsed(200, 100));
        let p = Claim::proven(Proof {
            method: crate::model::ProofMethod::Import,
            at: 100,
        });
        assert!(!p.lapsed(10_000, 100));
    }

    #[test]
    fn an_old_proof_is_forgotten_before_a_take_over() {
        let mut c = Claim::proven(Proof {
            method: crate::model::ProofMethod::Otp,
            at: 100,
        });
        assert!(!c.expire_proof(150, 100));
        assert_eq!(c.name(150), "proven");
        assert!(c.expire_proof(201, 100));
        assert_eq!(c.name(201), "unproven");
        assert!(!c.lapsed(201, 100), "its life starts again");
    }

    #[test]
    fn held_numbers_go_on_hold_and_revoke() {
        let held = NumberState::Attested {
            level: Level::B,
            serial: "s".into(),
        };
        let (on_hold, serial) = held.hold().unwrap();
        assert_eq!(serial, "s");
        assert_eq!(on_hold.resumes_at(), Some(Level::B));
        assert!(on_hold.hold().is_none());
        assert!(on_hold.revoke(1, "x").is_ok());
        let revoked = held.revoke(1, "x").unwrap();
        assert_eq!(revoked.revoke(2, "y"), Err(StateError::NotAttested));
    }
}
