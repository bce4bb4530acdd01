//! Stepwise keeps how-to guides as structured YAML (steps per platform, a UI glossary per
//! product), checks them for errors and inconsistencies, and renders them.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! load (files -> YAML with spans -> model) -> resolve (references, same_as)
//!   -> check (rules -> diagnostics) -> emit (human, short, json, github, sarif)
//! ```
//!
//! Diagnostics are data ([`diag::Diagnostic`]); only fatal failures are Rust errors.

pub mod build;
pub mod check;
pub mod cli;
pub mod diag;
pub mod emit;
pub(crate) mod fix;
pub mod import;
pub(crate) mod layout;
pub mod links;
pub mod load;
pub mod locale;
pub mod lsp;
pub mod model;
pub mod probe;
pub mod render;
pub mod resolve;
pub(crate) mod scaffold;
pub mod schema;
pub(crate) mod serve;
pub mod source;
pub mod steps;
pub mod texts;
pub(crate) mod trace;
pub mod write;
