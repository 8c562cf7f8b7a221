//! `GET /console`: the review queue, oldest first. Each business shows
//! the evidence a reviewer decides on (its numbers and how each was
//! proven, its domain proof, reports), the warnings (look-alike names and
//! the reviewed businesses they resemble, a website off the proven
//! domain), a pending edit as field, before and after, and the decisions
//! that apply: approve or reject a submission or an edit, dismiss a flag
//! or suspend.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::Value;

use super::actions::{Action, ActionForm, Back, Refused};
use super::{minute, number_state, respond_private, Bar, Name};
use crate::http::AppState;
use crate::model::{BusinessStatus, ProofMethod};
use crate::phone::E164;
use crate::service::{FieldChange, NumberEvidence, QueueItem, Warning, WarningKind};
use crate::web::html::{impl_page, Page, Shell};
use crate::web::i18n::{args, category_name, t, t_args, Lang};
use crate::web::session::ReviewerSession;
use crate::web::{error_page, run, Visit};

/// The most businesses one page of the queue shows (the API's default).
const QUEUE_PAGE: usize = 100;

/// `templates/console/queue.html`.
#[derive(Template)]
#[template(path = "console/queue.html")]
struct QueuePage<'a> {
    shell: Shell<'a>,
    bar: Bar,
    items: Vec<Item>,
    /// Whether the queue holds more than this page shows.
    more: bool,
    /// A refusal whose business is no longer in the queue (decided
    /// meanwhile): shown above it.
    orphan: Option<String>,
}
impl_page!(QueuePage);

/// One business waiting, as the page shows it.
struct Item {
    id: String,
    name: Name,
    /// Every name, with its language, and the legal name.
    names: Vec<Name>,
    legal_name: String,
    about: String,
    queued: Option<String>,
    submission: bool,
    edit: bool,
    flag: Option<(String, String)>,
    numbers: Vec<Evidence>,
    domain: Option<(String, Option<String>)>,
    warnings: Vec<(String, Option<String>)>,
    diff: Vec<Diff>,
    forms: Vec<ActionForm>,
}

/// A number and how it was proven.
struct Evidence {
    shown: String,
    state: &'static str,
    level: Option<&'static str>,
    proof: Option<(&'static str, String)>,
    reports: u64,
    reporters: u64,
    held_by: Option<String>,
}

/// One field of a pending edit: its words, the value now and the one
/// proposed, each as lines.
struct Diff {
    field: &'static str,
    now: Vec<String>,
    proposed: Vec<String>,
}

/// The query of `GET /console`.
#[derive(Debug, Default, Deserialize)]
pub struct QueueQuery {
    done: Option<String>,
}

/// `GET /console`
pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    session: ReviewerSession,
    query: Result<Query<QueueQuery>, QueryRejection>,
) -> Response {
    let done = query.ok().and_then(|Query(q)| q.done);
    render(
        &state,
        &visit,
        &session,
        done.as_deref(),
        None,
        StatusCode::OK,
    )
    .await
}

/// The queue page, after `done` or with a refused decision.
pub async fn render(
    state: &AppState,
    visit: &Visit,
    session: &ReviewerSession,
    done: Option<&str>,
    refused: Option<Refused>,
    status: StatusCode,
) -> Response {
    // One more than a page, to know whether there are more.
    let mut queue = match run(state, |s| s.review_queue(QUEUE_PAGE + 1)).await {
        Ok(queue) => queue,
        Err(e) => return error_page(e.status(), visit),
    };
    let more = queue.len() > QUEUE_PAGE;
    queue.truncate(QUEUE_PAGE);
    let lang = visit.lang();
    let items: Vec<Item> = queue
        .into_iter()
        .map(|q| item(lang, q, refused.as_ref()))
        .collect();
    let orphan = refused
        .filter(|r| items.iter().all(|i| i.id != r.business))
        .map(|r| r.words.into_owned());
    let page = QueuePage {
        shell: visit.shell("console-queue-title", None),
        bar: Bar::new(state, session, "queue").with_done(done),
        items,
        more,
        orphan,
    };
    respond_private(status, visit, &page)
}

fn item(lang: Lang, q: QueueItem, refused: Option<&Refused>) -> Item {
    let b = q.business;
    let id = b.id.to_string();
    let mut forms = Vec::new();
    for (name, action) in [
        ("approve", Action::Approve),
        ("reject", Action::Reject),
        ("dismiss", Action::Dismiss),
        ("suspend", Action::Suspend),
    ] {
        if q.actions.contains(&name) {
            forms.push(ActionForm::business(action, &id, Back::Queue, refused));
        }
    }
    Item {
        name: Name {
            text: b.display_name.clone(),
            lang: b.default_lang.clone(),
        },
        names: b
            .names
            .iter()
            .map(|(lang, text)| Name {
                text: text.clone(),
                lang: lang.clone(),
            })
            .collect(),
        legal_name: b.legal_name,
        about: about(lang, &b.category, &b.city, &b.country, b.status),
        queued: q.queued_at.map(minute),
        submission: q.review == "submitted",
        edit: q.pending_edit.is_some(),
        flag: q.flag.map(|f| (f.reason, minute(f.at))),
        numbers: q.numbers.iter().map(evidence).collect(),
        domain: q
            .domain
            .map(|d| (d.domain, d.verified_at.filter(|_| d.verified).map(minute))),
        warnings: q.warnings.iter().map(|w| warning(lang, w)).collect(),
        diff: q.pending_diff.iter().map(diff).collect(),
        forms,
        id,
    }
}

/// Category, place and status in a line: `Bank · Madrid, ES · Not verified`.
fn about(lang: Lang, category: &str, city: &str, country: &str, status: BusinessStatus) -> String {
    let status = t(lang, super::business::status_words(status).1);
    let place = crate::web::localized::place(lang, city, country);
    format!("{} · {place} · {status}", category_name(lang, category))
}

fn evidence(n: &NumberEvidence) -> Evidence {
    Evidence {
        shown: E164::stored(&n.number).international(),
        state: number_state(n.state),
        level: n.level.map(|l| l.as_str()),
        proof: n.proof.map(|p| (proof_method(p.method), minute(p.at))),
        reports: n.reports_30d,
        reporters: n.reporters_30d,
        held_by: n.held_by.as_ref().map(ToString::to_string),
    }
}

/// How a number was proven, in words.
pub(super) fn proof_method(method: ProofMethod) -> &'static str {
    match method {
        ProofMethod::Otp => "console-proof-otp",
        ProofMethod::Import => "console-proof-import",
    }
}

/// A warning in words, and the console link of the business it is about.
fn warning(lang: Lang, w: &Warning) -> (String, Option<String>) {
    let similar = w.similar_name.as_deref().unwrap_or("");
    let id = match w.kind {
        WarningKind::ConfusableName => "console-warning-confusable",
        WarningKind::ContainsBrand => "console-warning-brand",
        WarningKind::MixedScript => "console-warning-mixed-script",
        WarningKind::WebsiteOutsideDomain => "console-warning-website",
    };
    let words = t_args(
        lang,
        id,
        &args([
            ("name", w.name.as_str().into()),
            ("similar", similar.into()),
        ]),
    );
    (words, w.similar_to.as_ref().map(ToString::to_string))
}

fn diff(change: &FieldChange) -> Diff {
    let field = match change.field {
        "legal_name" => "console-field-legal-name",
        "names" => "console-field-names",
        "default_lang" => "console-field-default-lang",
        "category" => "console-field-category",
        "city" => "console-field-city",
        "website" => "console-field-website",
        "description" => "console-field-description",
        "logo_url" => "console-field-logo-url",
        "commands" => "console-field-commands",
        _ => "console-field-other",
    };
    Diff {
        field,
        now: lines(&change.current),
        proposed: lines(&change.proposed),
    }
}

/// A field's value as lines of text: a name per language (`es: Zapatería`),
/// a quick reply per keyword (`horario → 9-17`), nothing for no value.
fn lines(value: &Value) -> Vec<String> {
    match value {
        Value::Null => Vec::new(),
        Value::String(s) => vec![s.clone()],
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| {
                format!(
                    "{k}: {}",
                    v.as_str().map_or_else(|| v.to_string(), str::to_owned)
                )
            })
            .collect(),
        Value::Array(items) => items
            .iter()
            .map(
                |item| match (item["keyword"].as_str(), item["reply"].as_str()) {
                    (Some(keyword), Some(reply)) => format!("{keyword} → {reply}"),
                    _ => item.to_string(),
                },
            )
            .collect(),
        other => vec![other.to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn edit_values_read_as_lines() {
        assert_eq!(lines(&Value::Null), Vec::<String>::new());
        assert_eq!(lines(&json!("Madrid")), ["Madrid"]);
        assert_eq!(
            lines(&json!({"en": "Lumbre", "es": "Lumbre S.L."})),
            ["en: Lumbre", "es: Lumbre S.L."]
        );
        assert_eq!(
            lines(&json!([{"keyword": "horario", "reply": "9-17"}])),
            ["horario → 9-17"]
        );
    }

    #[test]
    fn warnings_name_both_businesses() {
        let w = Warning {
            kind: WarningKind::ConfusableName,
            name: "Banco Santamder".into(),
            similar_to: None,
            similar_name: Some("Banco Santander".into()),
        };
        let (words, link) = warning(Lang::En, &w);
        assert!(
            words.contains("Banco Santamder") && words.contains("Banco Santander"),
            "{words}"
        );
        assert_eq!(link, None);
    }
}
