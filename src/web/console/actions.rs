//! The console's decisions, each a form posted to
//! `/console/businesses/{id}/{action}` (approve, reject, dismiss,
//! suspend, reinstate) or `/console/numbers/{number}/{action}` (revoke,
//! release, unlock), through the same service calls as the reviewer API.
//!
//! Every form carries the session's CSRF token (a wrong or missing one is
//! refused with 403 and nothing is done) and says where it was sent from
//! (`from`: the queue or a business's page). A decision taken answers
//! `303 See Other` back there with `?done=`; a refused one renders that
//! page again, with the refusal's words and what was typed next to the
//! form that was sent.

use std::borrow::Cow;

use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use super::{business, forged, queue};
use crate::http::AppState;
use crate::model::BusinessId;
use crate::service::ServiceError;
use crate::web::forms::Refusal;
use crate::web::session::ReviewerSession;
use crate::web::{error_page, run, Failed, Visit};

/// A reviewer's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Approve,
    Reject,
    Dismiss,
    Suspend,
    Reinstate,
    Revoke,
    Release,
    Unlock,
}

/// How a decision's form looks: its text field, its words and whether it
/// takes something away.
struct Look {
    /// The text field (`note` or `reason`), if any, and whether it must be
    /// filled in.
    field: Option<(&'static str, bool)>,
    explain: &'static str,
    button: &'static str,
    danger: bool,
}

impl Action {
    /// The decisions on a business, by the last part of their path.
    fn on_business(name: &str) -> Option<Action> {
        Some(match name {
            "approve" => Action::Approve,
            "reject" => Action::Reject,
            "dismiss" => Action::Dismiss,
            "suspend" => Action::Suspend,
            "reinstate" => Action::Reinstate,
            _ => return None,
        })
    }

    /// The decisions on a number, by the last part of their path.
    fn on_number(name: &str) -> Option<Action> {
        Some(match name {
            "revoke" => Action::Revoke,
            "release" => Action::Release,
            "unlock" => Action::Unlock,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Action::Approve => "approve",
            Action::Reject => "reject",
            Action::Dismiss => "dismiss",
            Action::Suspend => "suspend",
            Action::Reinstate => "reinstate",
            Action::Revoke => "revoke",
            Action::Release => "release",
            Action::Unlock => "unlock",
        }
    }

    /// The `?done=` of the page a taken decision returns to.
    fn done(self) -> &'static str {
        match self {
            Action::Approve => "approved",
            Action::Reject => "rejected",
            Action::Dismiss => "dismissed",
            Action::Suspend => "suspended",
            Action::Reinstate => "reinstated",
            Action::Revoke => "revoked",
            Action::Release => "released",
            Action::Unlock => "unlocked",
        }
    }

    /// Destructive decisions need a reason, and every form says what it
    /// does before the button.
    fn look(self) -> Look {
        let (field, explain, button, danger) = match self {
            Action::Approve => (
                Some(("note", false)),
                "console-approve-explain",
                "console-approve",
                false,
            ),
            Action::Reject => (
                Some(("reason", true)),
                "console-reject-explain",
                "console-reject",
                true,
            ),
            Action::Dismiss => (
                Some(("note", false)),
                "console-dismiss-explain",
                "console-dismiss",
                false,
            ),
            Action::Suspend => (
                Some(("reason", true)),
                "console-suspend-explain",
                "console-suspend",
                true,
            ),
            Action::Reinstate => (
                Some(("reason", true)),
                "console-reinstate-explain",
                "console-reinstate",
                false,
            ),
            Action::Revoke => (
                Some(("reason", true)),
                "console-revoke-explain",
                "console-revoke",
                true,
            ),
            Action::Release => (
                Some(("reason", true)),
                "console-release-explain",
                "console-release",
                true,
            ),
            Action::Unlock => (None, "console-unlock-explain", "console-unlock", false),
        };
        Look {
            field,
            explain,
            button,
            danger,
        }
    }
}

/// The page a form was sent from, and so the page it returns to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Back {
    Queue,
    Business,
}

impl Back {
    fn parse(from: &str) -> Back {
        if from == "queue" {
            Back::Queue
        } else {
            Back::Business
        }
    }

    fn name(self) -> &'static str {
        match self {
            Back::Queue => "queue",
            Back::Business => "business",
        }
    }
}

/// A decision that was refused, to show next to its form.
pub struct Refused {
    pub action: Action,
    /// The business the form was about, and the number for a number's.
    pub business: String,
    pub number: Option<String>,
    /// What the reviewer had typed.
    pub text: String,
    pub words: Cow<'static, str>,
}

impl Refused {
    /// Whether this refusal belongs to the form of `action` on
    /// `business` (and `number`).
    fn is_for(&self, action: Action, business: &str, number: Option<&str>) -> bool {
        self.action == action && self.business == business && self.number.as_deref() == number
    }
}

/// One decision's form on a page (`templates/console/action_form.html`).
pub struct ActionForm {
    pub action: &'static str,
    /// Where it posts.
    pub path: String,
    /// Its text field's element id, unique on the page.
    pub id: String,
    pub from: &'static str,
    /// The business a number's decision is about.
    pub business: Option<String>,
    /// The text field's name, if it has one, and whether it is required.
    pub field: Option<(&'static str, bool)>,
    pub explain: &'static str,
    pub button: &'static str,
    pub danger: bool,
    /// After a refusal: what was typed, and why it was refused.
    pub text: String,
    pub error: Option<Cow<'static, str>>,
}

impl ActionForm {
    /// The form of `action` on a business.
    pub fn business(action: Action, id: &str, from: Back, refused: Option<&Refused>) -> ActionForm {
        let path = format!("/console/businesses/{id}/{}", action.name());
        let element = format!("{}-{id}", action.name());
        ActionForm::new(
            action,
            path,
            element,
            from,
            None,
            refused.filter(|r| r.is_for(action, id, None)),
        )
    }

    /// The form of `action` on one of a business's numbers (E.164).
    pub fn number(
        action: Action,
        business: &str,
        e164: &str,
        refused: Option<&Refused>,
    ) -> ActionForm {
        let digits = e164.trim_start_matches('+');
        // `+` is the one character of an E.164 number a path must encode.
        let path = format!("/console/numbers/%2B{digits}/{}", action.name());
        let element = format!("{}-{digits}", action.name());
        let refused = refused.filter(|r| r.is_for(action, business, Some(e164)));
        ActionForm::new(
            action,
            path,
            element,
            Back::Business,
            Some(business.to_owned()),
            refused,
        )
    }

    fn new(
        action: Action,
        path: String,
        id: String,
        from: Back,
        business: Option<String>,
        refused: Option<&Refused>,
    ) -> ActionForm {
        let look = action.look();
        ActionForm {
            action: action.name(),
            path,
            id,
            from: from.name(),
            business,
            field: look.field,
            explain: look.explain,
            button: look.button,
            danger: look.danger,
            text: refused.map(|r| r.text.clone()).unwrap_or_default(),
            error: refused.map(|r| r.words.clone()),
        }
    }
}

/// What a decision's form posts; every field may be missing (then it is
/// refused as such, never as an unreadable form).
#[derive(Debug, Default, Deserialize)]
pub struct ActionFields {
    #[serde(default)]
    csrf: String,
    /// The note or the reason.
    #[serde(default, alias = "note", alias = "reason")]
    text: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    business: String,
}

/// A form that was sent: which decision, about what, with what text,
/// from which page.
struct Sent {
    action: Action,
    business: BusinessId,
    number: Option<String>,
    text: String,
    back: Back,
}

/// `POST /console/businesses/{id}/{action}`
pub async fn on_business(
    State(state): State<AppState>,
    visit: Visit,
    session: ReviewerSession,
    Path((id, action)): Path<(String, String)>,
    form: Result<Form<ActionFields>, FormRejection>,
) -> Response {
    let fields = form.map(|Form(f)| f).unwrap_or_default();
    if !session.csrf_ok(&fields.csrf) {
        return forged(&state, visit, &session);
    }
    let (Some(action), Ok(id)) = (Action::on_business(&action), BusinessId::parse(&id)) else {
        return error_page(StatusCode::NOT_FOUND, &visit);
    };
    let reviewer = session.reviewer.name.clone();
    let text = fields.text.clone();
    let decided = run(&state, {
        let id = id.clone();
        move |s| {
            match action {
                Action::Approve => s.approve(&id, &reviewer, &text),
                Action::Reject => s.reject(&id, &reviewer, &text),
                Action::Dismiss => s.dismiss(&id, &reviewer, &text),
                Action::Suspend => s.suspend(&id, &reviewer, &text),
                Action::Reinstate => s.reinstate(&id, &reviewer, &text),
                Action::Revoke | Action::Release | Action::Unlock => {
                    Err(ServiceError::NotFound("decision"))
                }
            }
            .map(|_| action.done())
        }
    })
    .await;
    let sent = Sent {
        action,
        business: id,
        number: None,
        text: fields.text,
        back: Back::parse(&fields.from),
    };
    finish(state, visit, session, sent, decided).await
}

/// `POST /console/numbers/{number}/{action}`: about one business's
/// holding of or claim to the number (`business`); a revocation is of the
/// number's badge, whoever holds it.
pub async fn on_number(
    State(state): State<AppState>,
    visit: Visit,
    session: ReviewerSession,
    Path((number, action)): Path<(String, String)>,
    form: Result<Form<ActionFields>, FormRejection>,
) -> Response {
    let fields = form.map(|Form(f)| f).unwrap_or_default();
    if !session.csrf_ok(&fields.csrf) {
        return forged(&state, visit, &session);
    }
    let parsed = (
        Action::on_number(&action),
        BusinessId::parse(&fields.business),
    );
    let (Some(action), Ok(business)) = parsed else {
        return error_page(StatusCode::NOT_FOUND, &visit);
    };
    let reviewer = session.reviewer.name.clone();
    let text = fields.text.clone();
    let decided = run(&state, {
        let (business, number) = (business.clone(), number.clone());
        move |s| {
            let n = s.number_or_listed(&number, None)?;
            match action {
                Action::Revoke => s
                    .revoke_number(&n, &reviewer, &text)
                    .map(|()| action.done()),
                Action::Release => s
                    .release_number(&n, Some(&business), &reviewer, &text)
                    .map(|()| action.done()),
                Action::Unlock => s
                    .unlock_number(&n, Some(&business), &reviewer)
                    .map(|lifted| {
                        if lifted == 0 {
                            "nothing-locked"
                        } else {
                            action.done()
                        }
                    }),
                Action::Approve
                | Action::Reject
                | Action::Dismiss
                | Action::Suspend
                | Action::Reinstate => Err(ServiceError::NotFound("decision")),
            }
        }
    })
    .await;
    let sent = Sent {
        action,
        business,
        number: Some(number),
        text: fields.text,
        back: Back::Business,
    };
    finish(state, visit, session, sent, decided).await
}

/// Back to the page the form came from: with `?done=` after a decision,
/// or rendered again with the refusal next to the form.
async fn finish(
    state: AppState,
    mut visit: Visit,
    session: ReviewerSession,
    sent: Sent,
    decided: Result<&'static str, Failed>,
) -> Response {
    let back = match sent.back {
        Back::Queue => "/console".to_owned(),
        Back::Business => format!("/console/business?q={}", sent.business),
    };
    let failed = match decided {
        Ok(done) => {
            let sep = if back.contains('?') { '&' } else { '?' };
            return Redirect::to(&format!("{back}{sep}done={done}")).into_response();
        }
        Err(failed) => failed,
    };
    let status = failed.status();
    let Failed::Refused(e) = failed else {
        return error_page(status, &visit);
    };
    // The page is the one the form was on: its language switch must link
    // there, not to this form's address.
    visit.here = back;
    let refused = Refused {
        action: sent.action,
        business: sent.business.to_string(),
        number: sent.number,
        text: sent.text,
        words: Refusal::of(visit.lang(), &e).text,
    };
    let id = sent.business.as_str();
    match sent.back {
        Back::Queue => queue::render(&state, &visit, &session, None, Some(refused), status).await,
        Back::Business => {
            business::render(&state, &visit, &session, id, None, Some(refused), status).await
        }
    }
}
