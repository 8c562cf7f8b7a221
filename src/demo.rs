//! The bundled demo data set: realistic businesses in several countries and
//! languages, some verified, some not, loaded by `bizseal serve --demo`.
//! See `src/demo/README.md` for how the file is made.

/// One profile a line, in the import shape.
pub const BUSINESSES: &str = include_str!("demo/businesses.jsonl");
