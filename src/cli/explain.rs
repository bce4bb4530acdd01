//! `stepwise explain`: what a rule or diagnostic code means.

use clap::Args;

use super::output::write_stdout;
use crate::check::explain::{explain, list};
use crate::check::rules::{code, codes};
use crate::diag::suggest::help_for;

/// Arguments of `stepwise explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule or code id (`label-drift`); without it, every code is listed.
    pub rule: Option<String>,
}

/// Prints the explanation; returns the exit code.
pub(super) fn run(args: &ExplainArgs) -> Result<u8, Box<dyn std::error::Error>> {
    let text = match &args.rule {
        None => list(),
        Some(id) => match code(id) {
            Some(code) => explain(code),
            None => {
                return Err(format!(
                    "unknown rule `{id}`; {}",
                    help_for(id, codes().iter().map(|c| c.id()), "rule")
                )
                .into());
            }
        },
    };
    write_stdout(&text)?;
    Ok(0)
}
