//! Integration tests: one binary, one module per feature.

// Tests fail loudly by design; helpers here may unwrap like the tests themselves.
#![allow(clippy::unwrap_used)]

mod architecture;
mod branches;
mod brand;
mod build;
mod cascade;
mod cli;
mod fixtures;
mod fuzz;
mod harness;
mod home;
mod import;
mod labels;
mod lints;
mod lsp;
mod notes;
mod pipeline;
mod preview;
mod rebuild;
mod regression;
mod sarif;
mod schema;
mod search;
mod seed;
mod serve;
mod support;
mod translations;
