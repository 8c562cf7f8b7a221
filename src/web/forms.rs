//! What the pages' forms share: turning a refusal of the service into
//! words next to the field it is about, in the visitor's language.
//!
//! Every error code (`error_code::Code`) has a message `code-{code}`, and a
//! refused field has `invalid-{field}` when the pages have one for it (else
//! `invalid-field`), so a person never reads `legal_name: must not be
//! empty`. A field of a list or a map (`names.es`, `commands[2].keyword`)
//! has the message of its kind (`invalid-names`, `invalid-commands-keyword`).
//! A test checks that every code has its message.

use std::borrow::Cow;

use super::i18n::{self, Lang};
use crate::service::ServiceError;

/// A refusal as a form shows it: the field it is about (the service's
/// name for it), if any, and what to tell the person.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub field: Option<String>,
    pub text: Cow<'static, str>,
}

impl Refusal {
    /// The words for a refusal of the service, in `lang`.
    pub fn of(lang: Lang, e: &ServiceError) -> Refusal {
        if let ServiceError::Invalid { field, .. } = e {
            let id = field_messages(field)
                .into_iter()
                .find(|id| i18n::has(id))
                .unwrap_or_else(|| "invalid-field".to_owned());
            return Refusal {
                field: Some(field.clone()),
                text: i18n::t(lang, &id),
            };
        }
        let field = matches!(e, ServiceError::InvalidNumber(_)).then(|| "number".to_owned());
        Refusal {
            field,
            text: i18n::t(lang, &code_message(e.code().as_str())),
        }
    }
}

/// The messages that may put a refused field in words, the most precise
/// first: `commands[2].keyword` → `invalid-commands-keyword`, then
/// `invalid-commands`; `names.es` → `invalid-names-es`, then `invalid-names`.
fn field_messages(field: &str) -> [String; 2] {
    let mut kind = String::with_capacity(field.len());
    let mut in_index = false;
    for c in field.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            _ if in_index => {}
            '_' | '.' => kind.push('-'),
            c => kind.push(c),
        }
    }
    let first = field
        .split(['.', '['])
        .next()
        .unwrap_or(field)
        .replace('_', "-");
    [format!("invalid-{kind}"), format!("invalid-{first}")]
}

/// The message id of an error code: `code-wrong-code` for `wrong_code`.
fn code_message(code: &str) -> String {
    format!("code-{}", code.replace('_', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::Code;

    #[test]
    fn every_error_code_has_words() {
        for code in Code::ALL {
            let id = code_message(code.as_str());
            assert!(i18n::has(&id), "{id} is missing from en/shell.ftl");
        }
    }

    #[test]
    fn a_refused_field_is_named_and_put_in_words() {
        let e = ServiceError::invalid("no_such_field", "must not be empty");
        let r = Refusal::of(Lang::Es, &e);
        assert_eq!(r.field.as_deref(), Some("no_such_field"));
        assert_eq!(r.text, "Revise este campo.");
        // A field of a list or map has the words of its kind.
        let r = Refusal::of(
            Lang::En,
            &ServiceError::invalid("names.es", "must not be empty"),
        );
        assert_eq!(r.text, i18n::t(Lang::En, "invalid-names"));
        assert_eq!(r.field.as_deref(), Some("names.es"));
        let r = Refusal::of(Lang::En, &ServiceError::invalid("commands[3].keyword", "x"));
        assert_eq!(r.text, i18n::t(Lang::En, "invalid-commands-keyword"));
        assert_eq!(
            field_messages("commands[3].reply"),
            [
                "invalid-commands-reply".to_owned(),
                "invalid-commands".to_owned()
            ]
        );
        let r = Refusal::of(Lang::En, &ServiceError::Unauthorized);
        assert_eq!(r.field, None);
        assert_eq!(r.text, "That key is not right. Check it and try again.");
    }
}
