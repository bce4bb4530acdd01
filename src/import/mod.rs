//! `stepwise import`: help articles in Markdown, HTML or plain text become draft guides and
//! glossary entries.
//!
//! Each reader ([`markdown`], [`html`], [`text`]) turns an article into the same blocks
//! ([`article`]); [`draft`] makes guides of them, reading each instruction with
//! [`sentence`] and collecting the controls it names in a [`glossary`]; [`emit`] writes
//! them as YAML. What could not be mapped stays as `do:` text and is listed in the report.
//! Files carry a fingerprint line, so that a later import replaces only files it created
//! and nobody edited.

mod article;
mod draft;
mod emit;
mod glossary;
mod html;
mod markdown;
mod platforms;
mod sentence;
mod text;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{Platform, Product};
use draft::{Drafter, Guide};
use glossary::Glossary;
use sentence::{Step, Target};

/// The file extensions read as articles.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "html", "htm", "txt"];

/// The start of the line that marks a file as written by an import.
const MARK: &str = "# Imported by `stepwise import` from ";

/// One article to import.
#[derive(Debug, Clone)]
pub struct Source {
    /// Where it was read, as named on the command line (used in the report and to find its
    /// pictures).
    pub path: PathBuf,
    /// Its text.
    pub text: String,
}

/// What the import works with besides the articles.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The product's name, as given (`Netflix`); its folder is its slug.
    pub product: &'a str,
    /// The site's platforms.
    pub site: &'a [Platform],
    /// The product as it is already in the guides folder, if it is.
    pub existing: Option<&'a Product>,
    /// The text of its product.yaml, if it has one: an earlier import's, unchanged, gets
    /// the new controls added.
    pub product_text: Option<&'a str>,
}

/// A file the import would write, relative to the guides folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// `netflix/sign-out.yaml`.
    pub path: String,
    /// The whole text, fingerprint line included.
    pub text: String,
}

/// A picture to copy: from the article's folder to the product's `images/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    /// The file beside the article.
    pub from: PathBuf,
    /// Its path in the guides folder.
    pub to: String,
}

/// How much of one guide was mapped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuideReport {
    /// The guide's id.
    pub id: String,
    /// Steps written (sub-steps included, `same_as` copies not).
    pub steps: usize,
    /// Steps with an action other than `do`.
    pub structured: usize,
    /// Glossary controls the guide names.
    pub controls: usize,
    /// Steps kept as `do:` text, as written.
    pub unstructured: Vec<String>,
    /// Text of the article that no field took.
    pub left_out: Vec<String>,
    /// Links and pictures that need a look.
    pub warnings: Vec<String>,
}

/// What an import makes, before anything is written.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The guide files, then the product file when the import writes it.
    pub files: Vec<Planned>,
    /// Pictures to copy.
    pub copies: Vec<Copy>,
    /// Per article (its path as given), its guides.
    pub articles: Vec<(String, Vec<GuideReport>)>,
    /// The product file's path, and the glossary entries the import adds (YAML, each
    /// under `  key:`), for when the file is not the import's to change.
    pub glossary: (String, String),
}

/// The folder (and glossary prefix) of the product an import writes into: the slug of
/// its name, or `product` for a name with nothing to make one of.
pub fn product_key(name: &str) -> String {
    let key = crate::layout::slug(name);
    if key.is_empty() {
        "product".to_owned()
    } else {
        key
    }
}

/// Drafts every article. Pure: reads nothing but `sources` and the existing pictures'
/// presence, writes nothing.
pub fn plan(sources: &[Source], opts: Options<'_>) -> Plan {
    let product = product_key(opts.product);
    let ids = article_ids(sources);
    let stems: BTreeMap<String, String> = sources
        .iter()
        .zip(&ids)
        .filter_map(|(s, id)| {
            Some((
                s.path.file_stem()?.to_string_lossy().to_lowercase(),
                id.clone(),
            ))
        })
        .collect();
    let link = |href: &str| guide_link(href, &stems);
    let mut glossary = Glossary::with_product(opts.existing);
    let mut plan = Plan::default();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut images: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (source, id) in sources.iter().zip(&ids) {
        let article = read(source, opts.site);
        let mut drafter = Drafter {
            site: opts.site,
            glossary: &mut glossary,
            link: &link,
        };
        let guides = drafter.guides(&article, id);
        let mut reports = Vec::new();
        for mut g in guides {
            g.id = unique(&g.id, &mut taken);
            let mut report = GuideReport {
                id: g.id.clone(),
                left_out: g.left_out.clone(),
                ..GuideReport::default()
            };
            let dir = source.path.parent().unwrap_or(Path::new(""));
            place_images(
                &mut g,
                dir,
                &product,
                &mut images,
                &mut plan.copies,
                &mut report,
            );
            count(&g, &mut report);
            report.warnings.extend(unresolved_links(&g));
            if g.summary_from_title {
                report
                    .warnings
                    .push("no introduction: the summary was made from the title".into());
            }
            let body = emit::guide(&g);
            plan.files.push(Planned {
                path: format!("{product}/{}.yaml", g.id),
                text: stamped("guide", &source.path, &body),
            });
            reports.push(report);
        }
        plan.articles
            .push((source.path.display().to_string(), reports));
    }
    let all: Vec<String> = opts.site.iter().map(|p| p.id.clone()).collect();
    let entries = emit::glossary(glossary.controls(), &all);
    plan.glossary = (format!("{product}/product.yaml"), entries);
    let text = match opts.product_text.filter(|t| is_untouched_import(t)) {
        Some(old) => extended(old, &plan.glossary.1),
        None => {
            let name = display_name(opts.product);
            let glossary = if plan.glossary.1.is_empty() {
                "glossary: {}\n".to_string()
            } else {
                format!("glossary:\n{}", plan.glossary.1)
            };
            stamped(
                "product",
                Path::new(opts.product),
                &format!("name: {}\n{glossary}", emit::scalar(&name)),
            )
        }
    };
    plan.files.push(Planned {
        path: plan.glossary.0.clone(),
        text,
    });
    plan
}

fn read(source: &Source, site: &[Platform]) -> article::Article {
    let ext = source
        .path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => html::read(&source.text),
        "txt" => text::read(&source.text, site),
        _ => markdown::read(&source.text),
    }
}

/// Each article's guide id: its file name's slug, unique.
fn article_ids(sources: &[Source]) -> Vec<String> {
    let mut taken = BTreeSet::new();
    sources
        .iter()
        .map(|s| {
            let stem = s
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let slug = crate::layout::slug(&stem);
            let slug = match slug.as_bytes().first() {
                Some(b) if b.is_ascii_lowercase() => slug,
                Some(_) => format!("guide-{slug}"),
                None => "guide".to_string(),
            };
            unique(&slug, &mut taken)
        })
        .collect()
}

fn unique(id: &str, taken: &mut BTreeSet<String>) -> String {
    let id = if id.is_empty() { "guide" } else { id };
    let mut out = id.to_string();
    let mut n = 2;
    while !taken.insert(out.clone()) {
        out = format!("{id}-{n}");
        n += 1;
    }
    out
}

/// A link to another imported article becomes a guide link.
fn guide_link(href: &str, stems: &BTreeMap<String, String>) -> String {
    if href.contains("://")
        || href.starts_with("mailto:")
        || href.starts_with('#')
        || href.starts_with("guide:")
    {
        return href.to_string();
    }
    let path = href.split(['#', '?']).next().unwrap_or(href);
    let last = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(path);
    let stem = last
        .rsplit_once('.')
        .map_or(last, |(s, _)| s)
        .to_lowercase();
    match stems.get(&stem) {
        Some(id) => format!("guide:{id}"),
        None => href.to_string(),
    }
}

/// The product's display name: as given, or capitalised when given as a folder name.
fn display_name(name: &str) -> String {
    if name.chars().any(|c| c.is_uppercase() || c == ' ') {
        return name.trim().to_string();
    }
    let mut c = name.chars();
    c.next().map_or_else(
        || "Product".to_string(),
        |f| f.to_uppercase().chain(c).collect(),
    )
}

/// Pictures beside the article are copied into the product's `images/`; others keep
/// their alt text (a drawn illustration) and are reported.
fn place_images(
    g: &mut Guide,
    dir: &Path,
    product: &str,
    taken: &mut BTreeMap<String, PathBuf>,
    copies: &mut Vec<Copy>,
    report: &mut GuideReport,
) {
    let id = g.id.clone();
    let mut fix = |step: &mut Step| {
        let Some((src, _)) = step.image.as_mut() else {
            return;
        };
        if src.is_empty() {
            return;
        }
        let remote = src.contains("://") || src.starts_with("data:") || src.starts_with('/');
        let from = dir.join(src.as_str());
        if remote || !from.is_file() {
            report.warnings.push(format!(
                "picture `{src}` not copied ({}): the step draws an illustration instead",
                if remote {
                    "not a file beside the article"
                } else {
                    "no such file"
                }
            ));
            src.clear();
            return;
        }
        let name = from
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut to = format!("{product}/images/{name}");
        if taken.get(&to).is_some_and(|f| *f != from) {
            to = format!("{product}/images/{id}-{name}");
        }
        if !taken.contains_key(&to) {
            taken.insert(to.clone(), from.clone());
            copies.push(Copy {
                from,
                to: to.clone(),
            });
        }
        *src = to[product.len() + 1..].to_string();
    };
    for (_, steps) in &mut g.steps {
        if let Ok(steps) = steps {
            for s in steps {
                fix(s);
                for sub in &mut s.steps {
                    fix(sub);
                }
            }
        }
    }
}

fn count(g: &Guide, r: &mut GuideReport) {
    let mut controls = BTreeSet::new();
    let mut visit = |s: &Step, r: &mut GuideReport| {
        r.steps += 1;
        if s.is_unstructured() {
            if let Target::Free(t) = &s.target {
                r.unstructured.push(t.clone());
            }
        } else {
            r.structured += 1;
        }
        if let Target::Control(k) = &s.target {
            controls.insert(k.clone());
        }
        if let Some(k) = &s.confirm {
            controls.insert(k.clone());
        }
    };
    for (_, steps) in &g.steps {
        if let Ok(steps) = steps {
            for s in steps {
                visit(s, r);
                for sub in &s.steps {
                    visit(sub, r);
                }
            }
        }
    }
    r.controls = controls.len();
}

/// Links left as written (not to another imported article, not to the web).
fn unresolved_links(g: &Guide) -> Vec<String> {
    let mut texts: Vec<&str> = vec![&g.summary];
    texts.extend(g.intro.iter().map(String::as_str));
    texts.extend(
        g.notes
            .iter()
            .chain(&g.tips)
            .chain(&g.warnings)
            .map(String::as_str),
    );
    texts.extend(g.outcome.as_deref());
    let mut out = Vec::new();
    for t in texts {
        let mut rest = t;
        while let Some(i) = rest.find("](") {
            let after = &rest[i + 2..];
            let end = after.find(')').unwrap_or(after.len());
            let href = &after[..end];
            if !(href.starts_with("guide:") || href.contains("://") || href.starts_with("mailto:"))
            {
                out.push(format!("link `{href}` is not an imported article: check reports it until it points at a guide or a page"));
            }
            rest = &after[end..];
        }
    }
    out
}

/// A file's text with its schema line and its fingerprint line.
fn stamped(kind: &str, source: &Path, body: &str) -> String {
    let head = format!(
        "# yaml-language-server: $schema=../{}/{kind}.schema.json\n",
        crate::scaffold::SCHEMA_DIR
    );
    let rest = format!("{head}{body}");
    let hash = crate::layout::content_hash(rest.as_bytes());
    let mark = format!(
        "{MARK}{} (fingerprint {hash:016x}); a later import replaces this file only while it is unchanged.\n",
        source.display()
    );
    format!("{head}{mark}{body}")
}

/// An earlier import's product file with `entries` added at the end of its glossary,
/// stamped again.
fn extended(old: &str, entries: &str) -> String {
    let start = old.find(MARK).unwrap_or(0);
    let end = old[start..].find('\n').map_or(old.len(), |e| start + e + 1);
    let source = old[start..end]
        .strip_prefix(MARK)
        .and_then(|l| l.split(" (fingerprint ").next())
        .unwrap_or("")
        .to_string();
    let head_end = old.find('\n').map_or(0, |e| e + 1);
    let mut body = format!("{}{}", &old[head_end..start.max(head_end)], &old[end..]);
    if body.contains("glossary: {}") && !entries.is_empty() {
        body = body.replace("glossary: {}\n", "glossary:\n");
    }
    body.push_str(entries);
    let kind = "product";
    stamped(kind, Path::new(&source), &body)
}

/// Whether a file's text is an import's, unchanged since: its fingerprint line matches
/// the rest of its text.
pub fn is_untouched_import(text: &str) -> bool {
    let Some(start) = text.find(MARK) else {
        return false;
    };
    let end = text[start..]
        .find('\n')
        .map_or(text.len(), |e| start + e + 1);
    let line = &text[start..end];
    let Some(hex) = line
        .split("(fingerprint ")
        .nth(1)
        .and_then(|r| r.split(')').next())
    else {
        return false;
    };
    let rest = format!("{}{}", &text[..start], &text[end..]);
    u64::from_str_radix(hex, 16).is_ok_and(|h| h == crate::layout::content_hash(rest.as_bytes()))
}

/// What happened to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Written where nothing was.
    Created,
    /// An earlier import's file, unchanged since, replaced.
    Updated,
    /// The same text was already there.
    Unchanged,
    /// Left alone: it was edited since the import, or is not an import's.
    Kept,
}

impl Outcome {
    /// The word the report uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Created => "created",
            Outcome::Updated => "updated",
            Outcome::Unchanged => "unchanged",
            Outcome::Kept => "kept",
        }
    }
}

/// Decides, for every planned file and picture, what writing it would do.
pub fn outcomes(plan: &Plan, guides: &Path) -> Vec<(String, Outcome)> {
    let mut out = Vec::new();
    for f in &plan.files {
        let path = guides.join(&f.path);
        let o = match std::fs::read(&path) {
            Err(_) if !path.exists() => Outcome::Created,
            Err(_) => Outcome::Kept,
            Ok(old) if old == f.text.as_bytes() => Outcome::Unchanged,
            Ok(old) if is_untouched_import(&String::from_utf8_lossy(&old)) => Outcome::Updated,
            Ok(_) => Outcome::Kept,
        };
        out.push((f.path.clone(), o));
    }
    for c in &plan.copies {
        let path = guides.join(&c.to);
        let o = match (std::fs::read(&path), std::fs::read(&c.from)) {
            (Err(_), _) if !path.exists() => Outcome::Created,
            (Ok(a), Ok(b)) if a == b => Outcome::Unchanged,
            _ => Outcome::Kept,
        };
        out.push((c.to.clone(), o));
    }
    out
}

/// Writes what [`outcomes`] says is to be created or updated.
pub fn write(plan: &Plan, guides: &Path, decided: &[(String, Outcome)]) -> std::io::Result<()> {
    let todo = |p: &str| {
        decided
            .iter()
            .any(|(q, o)| q == p && matches!(o, Outcome::Created | Outcome::Updated))
    };
    for f in &plan.files {
        if todo(&f.path) {
            let path = guides.join(&f.path);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&path, &f.text)?;
        }
    }
    for c in &plan.copies {
        if todo(&c.to) {
            let path = guides.join(&c.to);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::copy(&c.from, &path)?;
        }
    }
    Ok(())
}

/// The import report, as Markdown.
pub fn report(plan: &Plan, decided: &[(String, Outcome)]) -> String {
    let mut out = String::new();
    let guides: usize = plan.articles.iter().map(|(_, g)| g.len()).sum();
    let _ = writeln!(
        out,
        "# Import report\n\n{} articles, {guides} guides.\n",
        plan.articles.len()
    );
    out.push_str("| article | guide | steps | structured | controls | left as text |\n|---|---|---|---|---|---|\n");
    for (article, reports) in &plan.articles {
        for r in reports {
            let _ = writeln!(
                out,
                "| {article} | {} | {} | {} | {} | {} |",
                r.id,
                r.steps,
                r.structured,
                r.controls,
                r.unstructured.len() + r.left_out.len()
            );
        }
    }
    let mut details = String::new();
    for (article, reports) in &plan.articles {
        for r in reports {
            let mut lines: Vec<String> = r
                .unstructured
                .iter()
                .map(|t| format!("step kept as text: {t}"))
                .collect();
            lines.extend(r.left_out.iter().map(|t| format!("left out: {t}")));
            lines.extend(r.warnings.iter().cloned());
            if !lines.is_empty() {
                let _ = writeln!(details, "\n## {} ({article})\n", r.id);
                for l in lines {
                    let _ = writeln!(details, "- {l}");
                }
            }
        }
    }
    out.push_str(&details);
    out.push_str("\n## Files\n\n");
    for (path, o) in decided {
        let why = match o {
            Outcome::Kept => {
                " (edited since it was imported, or not written by an import: left as it is)"
            }
            _ => "",
        };
        let _ = writeln!(out, "- {} {path}{why}", o.as_str());
    }
    let product_kept = decided
        .iter()
        .any(|(p, o)| *p == plan.glossary.0 && *o == Outcome::Kept);
    if product_kept && !plan.glossary.1.is_empty() {
        let _ = writeln!(
            out,
            "\nAdd these entries under `glossary:` in {}:\n\n```yaml\n{}```",
            plan.glossary.0, plan.glossary.1
        );
    }
    out
}

/// Every article file in `inputs` (files as given, folders searched), sorted.
pub fn collect(inputs: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            walk(input, &mut out)?;
        } else if input.exists() {
            out.push(input.clone());
        } else {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("`{}` does not exist", input.display()),
            ));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| EXTENSIONS.contains(&e.to_string_lossy().to_lowercase().as_str()))
        {
            out.push(path);
        }
    }
    Ok(())
}
