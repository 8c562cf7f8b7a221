//! The OpenAPI schemas of the service's string-valued fields: values it
//! spells out as `&'static str` (a number's state, a review's), described
//! as enums beside the types that hold them, so `api` builds on the
//! service and not the other way round.

use utoipa::openapi::schema::{Array, ArrayBuilder, Object, ObjectBuilder, Type};

/// String fields whose values the service spells out as `&'static str`:
/// their enums, for `#[schema(schema_with = ...)]` on those fields (a
/// field with its schema from a function has no description of its own,
/// so it is here too).
macro_rules! string_enums {
    ($($name:ident: $description:literal = [$($value:literal),+ $(,)?];)*) => {
        $(
            pub(super) fn $name() -> Object {
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description(Some($description))
                    .enum_values(Some([$($value),+]))
                    .build()
            }
        )*
    };
}

string_enums! {
    own_number_states: "Held: `attested`, `on_hold` (suspended) or `revoked`. Claimed: \
        `unproven`, `proven` (public once the review holds), `disputed` (another reviewed \
        business holds it) or `locked` (too many wrong codes)." =
        ["attested", "on_hold", "revoked", "unproven", "proven", "disputed", "locked"];
    review_states: "Where the business stands with the reviewers" =
        ["draft", "submitted", "approved", "rejected"];
}

/// `QueueItem.actions`: what the reviewer can do.
pub(super) fn review_actions() -> Array {
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(["approve", "reject", "dismiss", "suspend"])),
        )
        .description(Some(
            "`approve`/`reject` for a submission or an edit, `dismiss`/`suspend` for a flag",
        ))
        .build()
}
