//! `check --fix`: apply the mechanical fixes that findings carry, by editing the exact
//! spans in the files (comments and formatting elsewhere stay as they are).

use std::path::PathBuf;

use crate::diag::Diagnostic;
use crate::source::SourceMap;

/// The new text of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileEdit {
    /// The file.
    pub path: PathBuf,
    /// Its text before.
    pub before: String,
    /// Its text after the fixes.
    pub after: String,
    /// Number of fixes applied.
    pub fixes: usize,
}

/// Computes the edits for every unsuppressed finding with a fix. Overlapping fixes keep the
/// first one; the next run of `--fix` picks up the rest.
pub(crate) fn plan(diags: &[Diagnostic], sources: &SourceMap) -> Vec<FileEdit> {
    // Per file: (byte start, byte end, replacement).
    type Edits<'d> = Vec<(usize, usize, &'d str)>;
    let mut by_file: Vec<(crate::source::FileId, Edits<'_>)> = Vec::new();
    for d in diags.iter().filter(|d| d.suppressed.is_none()) {
        let Some(fix) = &d.fix else { continue };
        let file = sources.get(fix.span.file);
        let start = file.byte_offset(fix.span.start.index);
        let end = file.byte_offset(fix.span.end.index);
        match by_file.iter_mut().find(|(f, _)| *f == fix.span.file) {
            Some((_, edits)) => edits.push((start, end, &fix.replacement)),
            None => by_file.push((fix.span.file, vec![(start, end, &fix.replacement)])),
        }
    }
    let mut out = Vec::new();
    for (id, mut edits) in by_file {
        let file = sources.get(id);
        edits.sort_by_key(|e| (e.0, e.1));
        edits.dedup();
        let mut after = String::with_capacity(file.text.len());
        let mut at = 0;
        let mut fixes = 0;
        for (start, end, replacement) in edits {
            if start < at || end > file.text.len() {
                continue;
            }
            after.push_str(&file.text[at..start]);
            after.push_str(replacement);
            at = end;
            fixes += 1;
        }
        after.push_str(&file.text[at..]);
        if after != file.text {
            out.push(FileEdit {
                path: file.path.clone(),
                before: file.text.clone(),
                after,
                fixes,
            });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// A unified diff of the edits.
pub(crate) fn diff(edits: &[FileEdit]) -> String {
    let mut out = String::new();
    for e in edits {
        let path = e.path.display().to_string();
        out.push_str(
            &similar::TextDiff::from_lines(&e.before, &e.after)
                .unified_diff()
                .context_radius(2)
                .header(&format!("a/{path}"), &format!("b/{path}"))
                .to_string(),
        );
    }
    out
}

/// Writes the edits, each file through a temporary file and a rename.
pub(crate) fn write(edits: &[FileEdit]) -> std::io::Result<()> {
    for e in edits {
        let mut tmp = e.path.clone().into_os_string();
        tmp.push(".stepwise-fix");
        let tmp = PathBuf::from(tmp);
        std::fs::write(&tmp, &e.after)?;
        if let Err(err) = std::fs::rename(&tmp, &e.path) {
            let _ = std::fs::remove_file(&tmp);
            return Err(err);
        }
    }
    Ok(())
}
