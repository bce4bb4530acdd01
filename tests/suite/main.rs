//! Integration tests: one binary, one module per feature.

mod cli;
mod fixtures;
mod fuzz;
mod sarif;
mod seed;
