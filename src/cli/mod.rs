//! The command line: argument definitions (clap derive) and one module per subcommand.

mod build;
mod check;
mod checklist;
mod explain;
mod import;
mod new;
mod output;
mod preview;
mod progress;
mod schema;
mod serve;
mod translations;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use output::write_stdout;
pub use output::{ColorChoice, EXIT_FAILURE, EXIT_FINDINGS};

pub use build::BuildArgs;
pub use check::CheckArgs;
pub use checklist::ChecklistArgs;
pub use explain::ExplainArgs;
pub use import::ImportArgs;
pub use new::NewArgs;
pub use preview::PreviewArgs;
pub use schema::SchemaArgs;
pub use serve::ServeArgs;
pub use translations::TranslationsArgs;

/// Structured how-to guides: validate YAML step definitions and render help centers.
#[derive(Debug, Parser)]
#[command(name = "stepwise", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate every guide, product and site file and report problems.
    ///
    /// Exit status: 0 when no errors were found (warnings allowed), 1 when errors were
    /// found (or warnings, with --deny-warnings), 2 on usage or I/O failure.
    ///
    /// Examples:
    ///   stepwise check
    ///   stepwise check guides --format short
    ///   stepwise check --format sarif > stepwise.sarif
    ///   stepwise check --fix --dry-run
    #[command(verbatim_doc_comment)]
    Check(CheckArgs),
    /// Build the help-center site (HTML, checklists, JSON, sitemap).
    ///
    /// The guides are checked first; with errors nothing is written (exit 1). The site is
    /// written into a new folder beside the output and swapped in, so a failed build leaves
    /// the previous site untouched.
    ///
    /// Examples:
    ///   stepwise build
    ///   stepwise build guides -o public
    #[command(verbatim_doc_comment)]
    Build(BuildArgs),
    /// Print a guide's steps as a checklist (Markdown task list, text or JSON).
    ///
    /// Examples:
    ///   stepwise checklist sign-out-all-devices --platform android
    ///   stepwise checklist sign-out-all-devices --format json
    #[command(verbatim_doc_comment)]
    Checklist(ChecklistArgs),
    /// Show a guide in the terminal: numbered steps per platform, labels in bold.
    ///
    /// Colour only on a terminal (never with NO_COLOR or --color never); pipe into
    /// `less -R` to page through it.
    ///
    /// Examples:
    ///   stepwise preview sign-out-all-devices
    ///   stepwise preview guides/netflix/sign-out-all-devices.yaml --platform android --width 60
    ///   stepwise preview sign-out-all-devices --lang fr
    #[command(verbatim_doc_comment)]
    Preview(PreviewArgs),
    /// Serve the site on 127.0.0.1 and rebuild and reload pages when files change.
    ///
    /// The site is built into a temporary folder (output/ is never touched). While a guide
    /// has errors, open pages show the diagnostics; fixing the file brings the page back.
    ///
    /// Examples:
    ///   stepwise serve
    ///   stepwise serve guides --port 8080 --open
    #[command(verbatim_doc_comment)]
    Serve(ServeArgs),
    /// Explain a rule or diagnostic code, with examples; list them all without an argument.
    ///
    /// Examples:
    ///   stepwise explain
    ///   stepwise explain label-drift
    #[command(verbatim_doc_comment)]
    Explain(ExplainArgs),
    /// Create a guide (and its product file if missing) that passes `check` as written.
    ///
    /// Refuses to overwrite an existing guide. The files start with a schema comment line
    /// for completion in editors that use the YAML language server.
    ///
    /// Examples:
    ///   stepwise new netflix/change-password
    ///   stepwise new acme/reset-pin --platforms android,ios
    #[command(verbatim_doc_comment)]
    New(NewArgs),
    /// Draft guides from existing help articles (Markdown, HTML or plain text).
    ///
    /// Platform sections become procedures, numbered lists steps, bold and quoted words
    /// glossary controls; what could not be mapped stays as `do:` text and is listed in the
    /// report. Never overwrites a file: a later import replaces only files it created that
    /// nobody edited since.
    ///
    /// Examples:
    ///   stepwise import help-export/ --product Acme
    ///   stepwise import article.md --product Netflix -o guides --dry-run
    #[command(verbatim_doc_comment)]
    Import(ImportArgs),
    /// Run the Language Server for editors, on stdin and stdout.
    ///
    /// Live diagnostics from the same checker as `check`, completion of glossary keys,
    /// actions, platforms and guide ids, go to definition, hover and rename of glossary keys.
    /// Editors start it themselves: configure the command `stepwise lsp` for YAML files in
    /// the guides folder (docs/editors.md).
    Lsp,
    /// Print the JSON Schema of guide, product or site files, for completion in editors.
    ///
    /// Editors that use the YAML language server read a first line such as
    /// `# yaml-language-server: $schema=../.schema/guide.schema.json`.
    ///
    /// Examples:
    ///   stepwise schema guide > guides/.schema/guide.schema.json
    ///   stepwise schema product
    #[command(verbatim_doc_comment)]
    Schema(SchemaArgs),
    /// List every guide's translations: current, stale (and what changed) or missing.
    ///
    /// Exit status: 0 when no translation is stale, 1 when one is, 2 on usage or I/O
    /// failure. With --mark-current, rewrites only the `source:` lines of the named
    /// translation files (every translation without a file) and exits 0.
    ///
    /// Examples:
    ///   stepwise translations
    ///   stepwise translations --mark-current guides/netflix/sign-out-all-devices.fr.yaml
    #[command(verbatim_doc_comment)]
    Translations(TranslationsArgs),
    /// Print a shell completion script.
    ///
    /// Examples:
    ///   stepwise completions bash > ~/.local/share/bash-completion/completions/stepwise
    ///   stepwise completions zsh > ~/.zfunc/_stepwise
    ///   stepwise completions fish > ~/.config/fish/completions/stepwise.fish
    #[command(verbatim_doc_comment)]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Checklist(args) => checklist::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::New(args) => new::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Lsp => crate::lsp::run_stdio()
            .map(|()| 0)
            .map_err(|e| e.to_string().into()),
        Command::Schema(args) => schema::run(&args),
        Command::Preview(args) => preview::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Translations(args) => translations::run(&args),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "stepwise", &mut out);
            write_stdout(&String::from_utf8_lossy(&out))
                .map(|()| 0)
                .map_err(Into::into)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "stepwise: error: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
