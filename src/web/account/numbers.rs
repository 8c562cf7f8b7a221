//! The number forms of `/account`: add a number (which sends its first
//! code), send a new code, confirm a code, remove a number. Each calls
//! the service as `/v1/businesses/{id}/numbers/...` does; a refusal shows
//! the dashboard again with the words next to the number's form.

use super::signed_form;
use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

use super::super::i18n;
use super::super::session::BusinessSession;
use super::super::{run, Failed, Visit};
use super::dashboard::{render, Extra, Kept};
use super::{done, number_key, refused};
use crate::http::auth::ClientAddr;
use crate::http::AppState;
use crate::phone::Region;
use crate::service::{CodeRejected, ServiceError};

/// The form that adds a number: as typed, with the country of a national
/// number (the business's own by default).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AddFields {
    csrf: String,
    number: String,
    region: String,
}

/// A form about one listed number (E.164, a hidden field), with the code
/// when it is the confirm form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NumberFields {
    csrf: String,
    number: String,
    code: String,
}

/// `POST /account/numbers`: lists a number and sends it a code.
pub async fn add(
    State(state): State<AppState>,
    visit: Visit,
    session: BusinessSession,
    ClientAddr(client): ClientAddr,
    form: Result<Form<AddFields>, FormRejection>,
) -> Response {
    let f = match signed_form(form, &session, &visit, |f| &f.csrf) {
        Ok(f) => f,
        Err(refused) => return refused,
    };
    let id = session.id.clone();
    let (number, region) = (f.number.clone(), f.region.clone());
    let sent = run(&state, move |s| {
        let region = match region.trim() {
            "" => None,
            r => Some(Region::parse(r)?),
        };
        let number = s.number_or_listed(&number, region)?;
        s.request_code(&id, &number, client)
    })
    .await;
    match sent {
        Ok(_) => done("/account", "code_sent"),
        Err(e) => {
            let extra = Extra {
                refused: Some(refused(visit.lang(), "add", &e).or_at("number")),
                kept: Kept {
                    number: f.number,
                    region: f.region,
                    ..Kept::default()
                },
                ..Extra::default()
            };
            render(&state, &visit, &session, extra, e.status()).await
        }
    }
}

/// What a number form does.
#[derive(Clone, Copy)]
enum Action {
    SendCode,
    Confirm,
    Remove,
}

impl Action {
    /// The form's name in the page.
    fn form(self) -> &'static str {
        match self {
            Action::SendCode => "code",
            Action::Confirm => "confirm",
            Action::Remove => "remove",
        }
    }
}

/// `POST /account/numbers/code`: sends a (new) code to a listed number.
pub async fn send_code(
    state: State<AppState>,
    visit: Visit,
    session: BusinessSession,
    client: ClientAddr,
    form: Result<Form<NumberFields>, FormRejection>,
) -> Response {
    act(state, visit, session, client, form, Action::SendCode).await
}

/// `POST /account/numbers/confirm`: enters the code sent to a number.
pub async fn confirm(
    state: State<AppState>,
    visit: Visit,
    session: BusinessSession,
    client: ClientAddr,
    form: Result<Form<NumberFields>, FormRejection>,
) -> Response {
    act(state, visit, session, client, form, Action::Confirm).await
}

/// `POST /account/numbers/remove`: takes a number off the business.
pub async fn remove(
    state: State<AppState>,
    visit: Visit,
    session: BusinessSession,
    client: ClientAddr,
    form: Result<Form<NumberFields>, FormRejection>,
) -> Response {
    act(state, visit, session, client, form, Action::Remove).await
}

async fn act(
    State(state): State<AppState>,
    visit: Visit,
    session: BusinessSession,
    ClientAddr(client): ClientAddr,
    form: Result<Form<NumberFields>, FormRejection>,
    action: Action,
) -> Response {
    let f = match signed_form(form, &session, &visit, |f| &f.csrf) {
        Ok(f) => f,
        Err(refused) => return refused,
    };
    let id = session.id.clone();
    let (number, code) = (f.number.clone(), f.code.trim().to_owned());
    let outcome = run(&state, move |s| {
        // The number is the E.164 text the page listed.
        let number = s.number_or_listed(&number, None)?;
        match action {
            Action::SendCode => s.request_code(&id, &number, client).map(|_| "code_sent"),
            Action::Confirm => s.confirm_code(&id, &number, &code).map(|_| "number_proven"),
            Action::Remove => s.remove_number(&id, &number).map(|_| "number_removed"),
        }
    })
    .await;
    match outcome {
        Ok(notice) => done("/account", notice),
        Err(e) => {
            let mut r = refused(visit.lang(), action.form(), &e).about(&number_key(&f.number));
            if !matches!(action, Action::Confirm) {
                // The form has no field to be wrong but the number the
                // page wrote itself: the words are about the form.
                r.field = None;
            }
            if let Action::Confirm = action {
                r = r.or_at("code");
                if let Failed::Refused(ServiceError::CodeRejected(CodeRejected::Wrong(left))) = &e {
                    r.text = wrong_code(visit.lang(), *left).into();
                }
            }
            let extra = Extra {
                refused: Some(r),
                kept: Kept {
                    number: f.number,
                    code: f.code,
                    ..Kept::default()
                },
                ..Extra::default()
            };
            render(&state, &visit, &session, extra, e.status()).await
        }
    }
}

/// A wrong code, with how many tries the code has left (a plural).
fn wrong_code(lang: i18n::Lang, left: u32) -> String {
    i18n::t_args(
        lang,
        "account-code-wrong",
        &i18n::args([("left", left.into())]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_code_says_how_many_tries_are_left() {
        use i18n::Lang;
        assert!(
            wrong_code(Lang::En, 1).contains("one more try"),
            "{}",
            wrong_code(Lang::En, 1)
        );
        assert!(wrong_code(Lang::En, 3).contains("3 more tries"));
        assert!(wrong_code(Lang::Es, 1).contains("un intento más"));
        assert!(wrong_code(Lang::Es, 2).contains("2 intentos más"));
    }
}
