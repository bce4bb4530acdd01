//! The `stepwise` binary: parse the command line, run it, exit with its status.

use clap::Parser;

fn main() -> std::process::ExitCode {
    stepwise::cli::run(stepwise::cli::Cli::parse())
}
