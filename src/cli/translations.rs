//! `stepwise translations`: which guides are translated into which language, and whether
//! each translation matches its source; `--mark-current` records the source a translation
//! now matches.

use std::path::{Path, PathBuf};

use clap::Args;

use super::output::{EXIT_FINDINGS, write_stdout};
use crate::model::{Project, Stamp, Translation};

/// Arguments of `stepwise translations`.
#[derive(Debug, Args)]
pub struct TranslationsArgs {
    /// The guides folder (default: found from the working folder upward, as for `check`).
    pub dir: Option<PathBuf>,
    /// Record that these translation files (every translation without a file) match their
    /// source guide as it is now: rewrites only their `source:` lines.
    #[arg(long, num_args = 0.., value_name = "FILE")]
    pub mark_current: Option<Vec<PathBuf>>,
}

/// The state of one guide in one language.
enum State {
    /// Translated from the source as it is.
    Current,
    /// Translated from an older source: what changed.
    Stale(Vec<String>),
    /// Not translated.
    Missing,
}

/// Prints the table, or marks translations current; returns the exit code.
pub(super) fn run(args: &TranslationsArgs) -> Result<u8, Box<dyn std::error::Error>> {
    let dir = super::output::guides_dir(args.dir.as_deref());
    let (project, _) = crate::load::load(&dir)?;
    if let Some(files) = &args.mark_current {
        return mark_current(&project, files);
    }
    let languages: Vec<&str> = project
        .site
        .languages
        .iter()
        .skip(1)
        .map(String::as_str)
        .collect();
    if languages.is_empty() {
        write_stdout(
            "the site has one language; list others in site.yaml: `languages: [en, fr]`\n",
        )?;
        return Ok(0);
    }
    let mut rows: Vec<Vec<String>> = vec![
        std::iter::once("guide".to_owned())
            .chain(languages.iter().map(|l| (*l).to_owned()))
            .collect(),
    ];
    let mut stale = false;
    // Each guide's translations by product, slug and language, looked up once per cell.
    let mut translations = std::collections::HashMap::new();
    for t in &project.translations {
        let key = (t.product.as_str(), t.slug.as_str(), t.language.as_str());
        translations.entry(key).or_insert(t);
    }
    for g in &project.guides {
        let mut row = vec![format!("{}/{}", g.product, g.slug)];
        let stamp = Stamp::of(g);
        for lang in &languages {
            let t = translations.get(&(g.product.as_str(), g.slug.as_str(), *lang));
            let state = match t {
                None => State::Missing,
                Some(t) => match &t.source {
                    None => State::Stale(vec!["never marked current".into()]),
                    Some(old) => {
                        let changes = stamp.changes_since(old);
                        if changes.is_empty() {
                            State::Current
                        } else {
                            State::Stale(changes)
                        }
                    }
                },
            };
            row.push(match state {
                State::Current => "current".into(),
                State::Missing => "missing".into(),
                State::Stale(changes) => {
                    stale = true;
                    format!("stale: {}", changes.join("; "))
                }
            });
        }
        rows.push(row);
    }
    write_stdout(&table(&rows))?;
    Ok(if stale { EXIT_FINDINGS } else { 0 })
}

/// Rows as columns padded to their widest cell (the last column unpadded).
fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..cols)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            if c + 1 == cols {
                line.push_str(cell);
            } else {
                line.push_str(&format!("{cell:<w$}  ", w = widths[c]));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Rewrites the `source:` block of each named translation (each one without names).
fn mark_current(project: &Project, files: &[PathBuf]) -> Result<u8, Box<dyn std::error::Error>> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    let path_of = |t: &Translation| project.sources.get(t.file).path.clone();
    let mut chosen: Vec<&Translation> = Vec::new();
    for f in files {
        match project.translations.iter().find(|t| same(&path_of(t), f)) {
            Some(t) => chosen.push(t),
            None => {
                return Err(format!(
                    "`{}` is not a translation of the guides in `{}` that could be read; run `stepwise check`",
                    f.display(),
                    project.root.display()
                )
                .into());
            }
        }
    }
    if files.is_empty() {
        chosen.extend(&project.translations);
    }
    let mut report = String::new();
    let sources = crate::load::Sources::new(project);
    for t in chosen {
        let Some(g) = sources.of(t) else {
            return Err(format!("`{}` has no source guide", path_of(t).display()).into());
        };
        let text = &project.sources.get(t.file).text;
        let stamp = Stamp::of(g).to_yaml();
        let line = t.source_span.map(|s| s.start.line as usize);
        let edited = replace_block(text, line, &stamp);
        let path = path_of(t);
        if edited != *text {
            write_atomically(&path, &edited)?;
            report.push_str(&format!("marked current: {}\n", path.display()));
        } else {
            report.push_str(&format!("already current: {}\n", path.display()));
        }
    }
    write_stdout(&report)?;
    Ok(0)
}

/// `text` with the `source:` block that starts on `line` (1-based; its indented lines
/// follow) replaced by `block`, or with `block` inserted after the leading comments.
/// Every other line is kept as it is.
pub(crate) fn replace_block(text: &str, line: Option<usize>, block: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let (start, end) = match line {
        Some(l) if l >= 1 && l <= lines.len() => {
            let start = l - 1;
            let mut end = start + 1;
            while end < lines.len() && lines[end].starts_with([' ', '\t']) {
                end += 1;
            }
            (start, end)
        }
        _ => {
            let start = lines.iter().take_while(|l| l.starts_with('#')).count();
            (start, start)
        }
    };
    let mut out = String::with_capacity(text.len() + block.len());
    for l in &lines[..start] {
        out.push_str(l);
        if !l.ends_with('\n') {
            out.push('\n');
        }
    }
    out.push_str(block);
    for l in &lines[end..] {
        out.push_str(l);
    }
    out
}

/// Writes through a temporary file beside `path` and a rename.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("yaml.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::replace_block;

    #[test]
    fn only_the_source_block_is_rewritten() {
        let text = "# Comment kept.\nsource:\n  fields: {title: 00000000}\n  web: {1: 11111111}\ntitle: Titre  # kept\nsteps: {}\n";
        let out = replace_block(text, Some(2), "source:\n  fields: {title: 22222222}\n");
        assert_eq!(
            out,
            "# Comment kept.\nsource:\n  fields: {title: 22222222}\ntitle: Titre  # kept\nsteps: {}\n"
        );
        let out = replace_block("# Top.\ntitle: Titre\n", None, "source:\n  fields: {}\n");
        assert_eq!(out, "# Top.\nsource:\n  fields: {}\ntitle: Titre\n");
    }
}
