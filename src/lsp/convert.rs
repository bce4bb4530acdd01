//! Between the checker's terms and the protocol's: file URIs and paths, 1-based character
//! positions and 0-based UTF-16 ones, diagnostics.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{DiagnosticSeverity, NumberOrString, Position, Range, Uri};
use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

use crate::diag::{Diagnostic, Severity};
use crate::source::{Pos, Span};

/// What a path keeps percent-encoded in a `file:` URI.
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The path of a `file:` URI.
pub(super) fn path_of(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let decoded = percent_decode_str(rest).decode_utf8().ok()?;
    Some(PathBuf::from(decoded.as_ref()))
}

/// The `file:` URI of a path (made absolute from the working folder).
pub(super) fn uri_of(path: &Path) -> Option<Uri> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    let s = abs.to_str()?;
    Uri::from_str(&format!("file://{}", utf8_percent_encode(s, PATH))).ok()
}

/// The UTF-16 offset of the first `chars` characters of a line.
fn utf16(line: &str, chars: usize) -> u32 {
    line.chars().take(chars).map(|c| c.len_utf16() as u32).sum()
}

/// The character index in a line of a UTF-16 offset.
pub(super) fn char_index(line: &str, utf16_offset: usize) -> usize {
    let mut units = 0;
    for (i, c) in line.chars().enumerate() {
        if units >= utf16_offset {
            return i;
        }
        units += c.len_utf16();
    }
    line.chars().count()
}

fn position(text: &str, p: Pos) -> Position {
    let line = p.line.saturating_sub(1) as usize;
    let line_text = text.split('\n').nth(line).unwrap_or("");
    Position {
        line: line as u32,
        character: utf16(line_text, p.col.saturating_sub(1) as usize),
    }
}

/// The range of a span, in a file's text.
pub(super) fn range_of_span(span: &Span, text: &str) -> Range {
    Range {
        start: position(text, span.start),
        end: position(text, span.end),
    }
}

/// The range of characters `start..end` of line `line` (0-based).
pub(super) fn range(text: &str, line: usize, start: usize, end: usize) -> Range {
    let line_text = text.split('\n').nth(line).unwrap_or("");
    Range {
        start: Position {
            line: line as u32,
            character: utf16(line_text, start),
        },
        end: Position {
            line: line as u32,
            character: utf16(line_text, end),
        },
    }
}

/// A finding as the protocol's diagnostic: the message, then the help line.
pub(super) fn diagnostic(d: &Diagnostic, text: &str) -> lsp_types::Diagnostic {
    let message = match &d.help {
        Some(h) => format!("{}\nhelp: {h}", d.message),
        None => d.message.clone(),
    };
    lsp_types::Diagnostic {
        range: range_of_span(&d.span, text),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.id().to_string())),
        source: Some("stepwise".into()),
        message,
        ..lsp_types::Diagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_and_paths_round_trip() {
        let p = Path::new("/tmp/a dir/ü#1.yaml");
        let uri = uri_of(p).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20dir/%C3%BC%231.yaml");
        assert_eq!(path_of(&uri).unwrap(), p);
    }

    #[test]
    fn columns_count_utf16_units() {
        assert_eq!(utf16("a😀b", 2), 3);
        assert_eq!(char_index("a😀b", 3), 2);
    }
}
