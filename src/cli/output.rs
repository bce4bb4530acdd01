//! What every subcommand shares about output: colour, exit statuses, printing a report,
//! and writing to stdout through a pipe that may close.

use std::io::Write;

use clap::ValueEnum;

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set, or when `CLICOLOR_FORCE` is.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to colour text written to stdout.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            // anstream reads NO_COLOR, CLICOLOR, CLICOLOR_FORCE and TERM as other tools do.
            ColorChoice::Auto => {
                anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
            }
        }
    }
}

/// The guides folder a command works on: `dir` when given, else the one found from the
/// working folder upward ([`crate::load::locate`]), else `guides` (for the command to report
/// missing).
pub(super) fn guides_dir(dir: Option<&std::path::Path>) -> std::path::PathBuf {
    match dir {
        Some(d) => d.to_path_buf(),
        None => crate::load::locate::discover(std::path::Path::new("."))
            .unwrap_or_else(|| crate::load::locate::GUIDES_DIR.into()),
    }
}

/// Exit status for "problems found".
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status for usage and I/O failures.
pub const EXIT_FAILURE: u8 = 2;

/// Prints a report's diagnostics in `format` (colour only for `human`, when enabled).
pub(super) fn print_report(
    diagnostics: &[crate::diag::Diagnostic],
    sources: &crate::source::SourceMap,
    format: crate::emit::Format,
    color: ColorChoice,
) -> std::io::Result<()> {
    let color = format == crate::emit::Format::Human && color.enabled();
    let text = crate::emit::render(format, diagnostics, sources, color);
    write_stdout(&text)
}

/// Writes to stdout; a closed pipe (`stepwise check | head`) is not an error.
pub(super) fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

/// The version of the checked site in `lang` (the default language's without it), or why
/// there is none.
pub(super) fn language<'c, 'p>(
    checked: &'c crate::check::Checked<'p>,
    lang: Option<&str>,
) -> Result<&'c crate::resolve::Resolved<'p>, String> {
    let site = &checked.resolved.project.site;
    match lang {
        None => Ok(&checked.resolved),
        Some(l) if l == site.language => Ok(&checked.resolved),
        Some(l) => checked
            .languages
            .iter()
            .find(|r| r.project.site.language == l)
            .ok_or_else(|| {
                format!(
                    "the site has no language `{l}`; its languages are {} (`languages` in site.yaml)",
                    site.languages.join(", ")
                )
            }),
    }
}
