//! The files a run has read, so that every later stage can point back into them.
//!
//! Stages keep a [`FileId`] and a [`Span`] instead of paths and strings; emitters turn them
//! back into `path:line:col` and source excerpts through the [`SourceMap`].

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Index of a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A position in a file: 1-based line and column (in characters) and the 0-based character index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    /// Line number, starting at 1.
    pub line: u32,
    /// Column in characters, starting at 1.
    pub col: u32,
    /// Offset in characters from the start of the file.
    pub index: u32,
}

/// A range of text in one file (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// The file the range lies in.
    pub file: FileId,
    /// First character of the range.
    pub start: Pos,
    /// Position just after the last character of the range.
    pub end: Pos,
}

impl Span {
    /// The span at the very start of a file (used for whole-file problems).
    pub fn file_start(file: FileId) -> Span {
        let p = Pos {
            line: 1,
            col: 1,
            index: 0,
        };
        Span {
            file,
            start: p,
            end: p,
        }
    }

    /// The smallest span covering `self` and `other` (same file assumed).
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A value together with the span it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Pairs a value with its span.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

impl Spanned<String> {
    /// The value as a string slice.
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// One file's path (as shown to users) and text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as shown in diagnostics.
    pub path: PathBuf,
    /// The file's text (lossily decoded if the file was not valid UTF-8). Set once: the
    /// line starts are cached on first use (replace the whole file to change it).
    pub text: String,
    /// Where each line starts, built on the first [`SourceFile::byte_offset`].
    lines: OnceLock<LineStarts>,
}

/// Line starts of a text, as (character index, byte offset) pairs; empty for ASCII text,
/// where the two are the same.
#[derive(Debug, Clone, Default)]
struct LineStarts(Vec<(u32, u32)>);

impl LineStarts {
    fn of(text: &str) -> Self {
        if text.is_ascii() {
            return Self::default();
        }
        let mut starts = vec![(0, 0)];
        let mut chars = 0u32;
        for (b, c) in text.char_indices() {
            chars += 1;
            if c == '\n' {
                starts.push((chars, (b + 1) as u32));
            }
        }
        Self(starts)
    }
}

impl SourceFile {
    /// A file with its path as shown in diagnostics and its text.
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        SourceFile {
            path: path.into(),
            text,
            lines: OnceLock::new(),
        }
    }

    /// Byte offset of a character index (clamped to the end of the text). A binary search
    /// over the line starts, then a walk inside one line: O(log n + line length).
    pub fn byte_offset(&self, index: u32) -> usize {
        let lines = self.lines.get_or_init(|| LineStarts::of(&self.text));
        if lines.0.is_empty() {
            return (index as usize).min(self.text.len());
        }
        let at = lines.0.partition_point(|&(c, _)| c <= index) - 1;
        let (c, b) = lines.0[at];
        self.text[b as usize..]
            .char_indices()
            .nth((index - c) as usize)
            .map_or(self.text.len(), |(i, _)| b as usize + i)
    }

    /// The path with `/` separators, as used in machine-readable output.
    pub fn path_slash(&self) -> String {
        let text = self.path.to_string_lossy().replace('\\', "/");
        let mut s = text.as_str();
        while let Some(rest) = s.strip_prefix("./") {
            s = rest;
        }
        s.replace("/./", "/")
    }
}

/// Every file read during a run, addressed by [`FileId`].
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, path: impl AsRef<Path>, text: String) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SourceFile::new(path.as_ref(), text));
        id
    }

    /// The file with this id.
    ///
    /// # Panics
    /// Panics if the id did not come from this map.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Frees every file's text, keeping paths. Rendering does not read the sources, so a
    /// large build drops them once their diagnostics have been printed.
    pub fn release_texts(&mut self) {
        for f in &mut self.files {
            *f = SourceFile::new(std::mem::take(&mut f.path), String::new());
        }
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True if no file was added.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(text: &str, index: u32) -> usize {
        text.char_indices()
            .nth(index as usize)
            .map_or(text.len(), |(b, _)| b)
    }

    #[test]
    fn byte_offsets_of_non_ascii_text() {
        let f = SourceFile::new(
            "g.yaml",
            "title: “Sign out”\nsummary: Café — ok\n\nx".into(),
        );
        for i in 0..45 {
            assert_eq!(f.byte_offset(i), naive(&f.text, i), "index {i}");
        }
        let ascii = SourceFile::new("a.yaml", "abc\ndef".into());
        assert_eq!(ascii.byte_offset(5), 5);
        assert_eq!(ascii.byte_offset(99), 7);
    }

    proptest! {
        #[test]
        fn byte_offsets_match_a_walk_from_the_start(
            text in "[a-z\n é“”—日]{0,80}",
            index in 0u32..100,
        ) {
            let f = SourceFile::new("g.yaml", text.clone());
            prop_assert_eq!(f.byte_offset(index), naive(&text, index));
        }
    }
}
