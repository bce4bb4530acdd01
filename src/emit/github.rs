//! `--format github`: GitHub Actions workflow commands, which show as annotations on the
//! changed lines of a pull request.

use std::fmt::Write;

use crate::diag::Diagnostic;
use crate::source::SourceMap;

/// Escapes a command's message (GitHub's `escapeData`).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (GitHub's `escapeProperty`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub(super) fn render(diags: &[Diagnostic], sources: &SourceMap) -> String {
    let mut out = String::new();
    for d in diags {
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            d.severity.as_str(),
            property(&sources.get(d.span.file).path_slash()),
            d.span.start.line,
            d.span.start.col,
            d.span.end.line,
            d.span.end.col,
            property(&format!("stepwise {}", d.code.id())),
            data(&message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
