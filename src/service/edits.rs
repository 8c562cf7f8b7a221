//! Editing a profile: free before the first review, held for review
//! as a whole after it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::profile::{self, CommandInput};
use super::shared::{application, audit, own_business};
use super::{BusinessView, Service, ServiceError};
use crate::model::{now, BusinessId, PendingEdit};

/// Edits to a profile; absent fields stay as they are.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfilePatch {
    pub legal_name: Option<String>,
    pub names: Option<BTreeMap<String, String>>,
    pub default_lang: Option<String>,
    pub category: Option<String>,
    pub city: Option<String>,
    /// An http(s) URL; empty removes the website.
    pub website: Option<String>,
    pub description: Option<BTreeMap<String, String>>,
    /// An http(s) URL; empty removes the logo.
    pub logo_url: Option<String>,
    pub commands: Option<Vec<CommandInput>>,
}

/// What an edit did.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EditOutcome {
    pub business: BusinessView,
    /// The edit of a reviewed business's public fields waits for review;
    /// the public sees the last reviewed version until then.
    pub edit_pending: bool,
    /// The same, under the name older clients read.
    pub name_change_pending: bool,
}

impl Service {
    /// Edits the profile. An edit of a reviewed business's public fields
    /// waits for review as a whole (the public sees the last reviewed
    /// version); a business that never passed review edits freely, since
    /// nothing of it is public.
    pub fn edit(&self, id: &BusinessId, patch: ProfilePatch) -> Result<EditOutcome, ServiceError> {
        let at = now();
        let pending = self.write(|w| {
            let mut b = own_business(w, id)?;
            let mut app = application(w, id)?;
            // An edit builds on the one already waiting, if any.
            let base = app
                .pending
                .clone()
                .unwrap_or_else(|| PendingEdit::of(&b, at));
            let edit = patched(base, &patch, at)?;
            let unchanged = PendingEdit::of(&b, at) == edit;
            if unchanged {
                if app.pending.take().is_some() {
                    w.put_application(&app)?;
                    audit(w, at, "business", id, "edit_withdrawn", "")?;
                }
                return Ok::<_, ServiceError>(false);
            }
            if app.is_public(b.status) {
                app.hold_edit(edit);
                w.put_application(&app)?;
                audit(w, at, "business", id, "edit_submitted", "")?;
                return Ok(true);
            }
            edit.apply_to(&mut b);
            b.updated_at = at;
            w.put_business(&b)?;
            audit(w, at, "business", id, "profile_edited", "")?;
            if app.withdraw_for_edit() {
                w.put_application(&app)?;
                audit(
                    w,
                    at,
                    "business",
                    id,
                    "submission_withdrawn",
                    "edited while waiting for review",
                )?;
            }
            Ok(false)
        })?;
        Ok(EditOutcome {
            business: self.own_view(id)?,
            edit_pending: pending,
            name_change_pending: pending,
        })
    }
}

/// `base` with the patch's fields validated and applied.
fn patched(mut e: PendingEdit, patch: &ProfilePatch, at: i64) -> Result<PendingEdit, ServiceError> {
    if let Some(n) = &patch.legal_name {
        e.legal_name = profile::name("legal_name", n)?;
    }
    if let Some(n) = &patch.names {
        e.names = profile::names("names", n.clone())?;
    }
    if let Some(l) = &patch.default_lang {
        e.default_lang = profile::lang_tag("default_lang", l)?;
    }
    if !e.names.contains_key(&e.default_lang) {
        return Err(ServiceError::invalid(
            "names",
            "must include a name in default_lang",
        ));
    }
    if let Some(c) = &patch.category {
        e.category = profile::slug("category", c)?;
    }
    if let Some(c) = &patch.city {
        e.city = profile::short_text("city", c)?;
    }
    // An emptied field is how a form says "no website any more".
    if let Some(u) = &patch.website {
        e.website = optional_url("website", u)?;
    }
    if let Some(u) = &patch.logo_url {
        e.logo_url = optional_url("logo_url", u)?;
    }
    if let Some(d) = &patch.description {
        e.description = profile::descriptions("description", d.clone())?;
    }
    if let Some(c) = &patch.commands {
        e.commands = profile::commands(c, &e.default_lang)?;
    }
    e.at = at;
    Ok(e)
}

/// A URL field of an edit: empty (or blank) is none.
fn optional_url(field: &str, value: &str) -> Result<Option<String>, ServiceError> {
    match value.trim() {
        "" => Ok(None),
        u => profile::url(field, u).map(Some),
    }
}
