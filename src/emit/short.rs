//! `--format short`: `path:line:col: severity[rule]: message`, one finding per line.

use std::fmt::Write;

use crate::diag::Diagnostic;
use crate::source::SourceMap;

pub(super) fn render(diags: &[Diagnostic], sources: &SourceMap) -> String {
    let mut out = String::new();
    for d in diags {
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            sources.get(d.span.file).path_slash(),
            d.span.start.line,
            d.span.start.col,
            d.severity.as_str(),
            d.code.id(),
            d.message
        );
    }
    out
}
