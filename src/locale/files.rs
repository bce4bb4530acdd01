//! A site's own locale files (`locales/<lang>.ftl` beside `site.yaml`), and the comparison
//! of a locale file's messages with English's.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentResource;

use crate::diag::{Code, Diagnostic};
use crate::source::{Pos, SourceMap, Span};

/// The folder beside `site.yaml` that holds a site's locale files.
pub const SITE_FOLDER: &str = "locales";

/// One locale file of a site, parsed.
#[derive(Debug, Clone)]
pub struct SiteLocale {
    /// The language tag its name gives (`fr` of `fr.ftl`).
    pub lang: String,
    /// The file.
    pub path: PathBuf,
    /// Its messages.
    pub resource: Arc<FluentResource>,
}

/// Whether `tag` is a BCP 47 language tag: a 2-3 letter language, then letter/digit subtags
/// (`en`, `pt-BR`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The position of byte `offset` in `text`.
fn pos_at(text: &str, offset: usize) -> Pos {
    let mut pos = Pos {
        line: 1,
        col: 1,
        index: 0,
    };
    for (i, c) in text.char_indices() {
        if i >= offset {
            break;
        }
        pos.index += 1;
        if c == '\n' {
            pos.line += 1;
            pos.col = 1;
        } else {
            pos.col += 1;
        }
    }
    pos
}

/// Reads `root/locales/*.ftl`, adding each file to `sources`. A file that is not valid
/// Fluent is an error at its line and column (its valid messages are kept); a name that is
/// not a language tag is an error too.
pub fn read_site_locales(
    root: &Path,
    sources: &mut SourceMap,
) -> (Vec<SiteLocale>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    let Ok(entries) = std::fs::read_dir(root.join(SITE_FOLDER)) else {
        return (out, diags);
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ftl") && p.is_file())
        .collect();
    paths.sort();
    for path in paths {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let lang = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = sources.add(&path, text.clone());
        let whole = Span::file_start(id);
        if !is_language_tag(&lang) {
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    whole,
                    format!("`{lang}.ftl`: `{lang}` is not a language tag"),
                )
                .help("name a locale file after its language: `fr.ftl`, `pt-BR.ftl`"),
            );
            continue;
        }
        let resource = match FluentResource::try_new(text.clone()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    // The range, cut at the end of its first line (at least one character).
                    let mut from = e.pos.start.min(text.len());
                    // An error at a line's end points at its last character.
                    while from > 0 && (from == text.len() || text[from..].starts_with('\n')) {
                        from = text[..from]
                            .char_indices()
                            .next_back()
                            .map_or(0, |(i, _)| i);
                    }
                    let line_end = text[from..].find('\n').map_or(text.len(), |i| from + i);
                    let to = e
                        .pos
                        .end
                        .clamp(from, line_end)
                        .max(from + 1)
                        .min(text.len().max(from + 1));
                    let start = pos_at(&text, from);
                    let mut end = pos_at(&text, to);
                    if end.index == start.index {
                        end.col += 1;
                        end.index += 1;
                    }
                    diags.push(
                        Diagnostic::new(
                            Code::LocaleSyntax,
                            Span {
                                file: id,
                                start,
                                end,
                            },
                            format!("this locale file is not valid Fluent: {}", e.kind),
                        )
                        .help("write each message as `key = text`, attributes indented as `.name = text`, variables as `{ $name }` (see https://projectfluent.org/fluent/guide/)"),
                    );
                }
                r
            }
        };
        out.push(SiteLocale {
            lang,
            path,
            resource: Arc::new(resource),
        });
    }
    (out, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_file_is_read_and_its_errors_point_at_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let locales = dir.path().join(SITE_FOLDER);
        std::fs::create_dir(&locales).unwrap();
        std::fs::write(
            locales.join("fr.ftl"),
            "tips = Nos conseils\nbad = { oops\n",
        )
        .unwrap();
        std::fs::write(locales.join("not a tag.ftl"), "x = y\n").unwrap();
        std::fs::write(locales.join("notes.txt"), "ignored").unwrap();
        let mut sources = SourceMap::new();
        let (files, diags) = read_site_locales(dir.path(), &mut sources);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].lang, "fr");
        let found: Vec<(Code, u32, u32)> = diags
            .iter()
            .map(|d| (d.code, d.span.start.line, d.span.start.col))
            .collect();
        assert_eq!(
            found,
            [(Code::LocaleSyntax, 2, 12), (Code::InvalidValue, 1, 1)],
            "{diags:#?}"
        );
    }
}
