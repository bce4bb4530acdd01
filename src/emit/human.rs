//! `--format human`: rustc-style reports with the source line and a caret under the span,
//! drawn by `codespan-reporting`.

use std::collections::HashMap;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Chars, Config, termcolor::Ansi};

use crate::diag::{Diagnostic, Severity};
use crate::source::{FileId, SourceMap, Span};

pub(super) fn render(diags: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    let mut files: SimpleFiles<String, &str> = SimpleFiles::new();
    let mut ids: HashMap<FileId, usize> = HashMap::new();
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let range = |span: Span| {
        let file = sources.get(span.file);
        let start = file.byte_offset(span.start.index);
        let end = file.byte_offset(span.end.index).max(start);
        start..end
    };
    let mut out = Vec::new();
    for d in diags {
        let primary = id_of(d.span.file, sources, &mut files, &mut ids);
        let mut labels = vec![Label::primary(primary, range(d.span))];
        for r in &d.related {
            let id = id_of(r.span.file, sources, &mut files, &mut ids);
            labels.push(Label::secondary(id, range(r.span)).with_message(&r.message));
        }
        let severity = match d.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
        };
        let report = Report::new(severity)
            .with_code(d.code.id())
            .with_message(&d.message)
            .with_labels(labels)
            .with_notes(d.help.iter().map(|h| format!("help: {h}")).collect());
        let written = if color {
            let mut w = Ansi::new(&mut out);
            term::emit_to_write_style(&mut w, &config, &files, &report)
        } else {
            let mut s = String::new();
            let r = term::emit_to_string(&mut s, &config, &files, &report);
            out.extend_from_slice(s.as_bytes());
            r
        };
        if written.is_err() {
            // Fall back to the short form rather than lose the finding.
            out.extend_from_slice(
                format!("{}[{}]: {}\n", d.severity.as_str(), d.code.id(), d.message).as_bytes(),
            );
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The codespan file id of a source file, adding it on first use.
fn id_of<'s>(
    f: FileId,
    sources: &'s SourceMap,
    files: &mut SimpleFiles<String, &'s str>,
    ids: &mut HashMap<FileId, usize>,
) -> usize {
    *ids.entry(f).or_insert_with(|| {
        let file = sources.get(f);
        files.add(file.path_slash(), file.text.as_str())
    })
}
