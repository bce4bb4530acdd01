//! Output formats for diagnostics. Each reads the same sorted list and the source map.
//!
//! | format  | for                                   |
//! |---------|---------------------------------------|
//! | human   | people at a terminal (rustc style)     |
//! | short   | grep and editors (`file:line:col: …`)  |
//! | json    | scripts (documented in docs/check.md)  |
//! | github  | GitHub Actions annotations             |
//! | sarif   | code-scanning tools (SARIF 2.1.0)      |

mod github;
mod human;
mod json;
mod sarif;
mod short;

use crate::diag::Diagnostic;
use crate::source::SourceMap;

/// A diagnostics output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style, with the source line and a caret under the span.
    Human,
    /// One line per finding: `path:line:col: severity[rule]: message`.
    Short,
    /// One JSON document.
    Json,
    /// GitHub Actions workflow commands.
    Github,
    /// SARIF 2.1.0.
    Sarif,
}

impl Format {
    /// Every format, for tests and docs.
    pub const ALL: &'static [Format] = &[
        Format::Human,
        Format::Short,
        Format::Json,
        Format::Github,
        Format::Sarif,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Short => "short",
            Format::Json => "json",
            Format::Github => "github",
            Format::Sarif => "sarif",
        }
    }
}

/// Renders diagnostics in `format`. `color` only affects `human`.
///
/// Suppressed findings (an `allow` with a reason) appear only in `json` and `sarif`, with
/// their reason; the other formats leave them out.
pub fn render(format: Format, diags: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    let shown = || -> Vec<Diagnostic> {
        diags
            .iter()
            .filter(|d| d.suppressed.is_none())
            .cloned()
            .collect()
    };
    match format {
        Format::Human => human::render(&shown(), sources, color),
        Format::Short => short::render(&shown(), sources),
        Format::Json => json::render(diags, sources),
        Format::Github => github::render(&shown(), sources),
        Format::Sarif => sarif::render(diags, sources),
    }
}
