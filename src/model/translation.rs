//! Translated guides: the text of a guide in another language, keyed to the source guide's
//! steps, and the fingerprint of the source it was made from.
//!
//! A translation holds no structure: actions, glossary targets, images and platforms come
//! from the source guide; [`crate::load`] merges the two into a [`super::Guide`] in the
//! translation's language.

use super::{Allow, Guide, ProcedureBody, Step, Target};
use crate::source::{FileId, Span, Spanned};

pub use crate::locale::is_language_tag;

/// A translated guide file (`<slug>.<lang>.yaml`).
#[derive(Debug, Clone)]
pub struct Translation {
    /// The translation file.
    pub file: FileId,
    /// The product folder.
    pub product: String,
    /// The source guide's file stem.
    pub slug: String,
    /// The language tag, from the file name.
    pub language: String,
    /// The fingerprint of the source guide it was translated from (`source:`).
    pub source: Option<Stamp>,
    /// Where `source:` is written (its key), if it is.
    pub source_span: Option<Span>,
    /// The guide-level texts.
    pub texts: GuideTexts,
    /// Step texts per procedure block (a platform id of the block's key).
    pub steps: Vec<(Spanned<String>, Vec<StepText>)>,
    /// Rules the translation deliberately breaks.
    pub allow: Vec<Allow>,
    /// The whole file's mapping.
    pub span: Span,
}

/// The translated guide-level texts (each replaces the source's, lists as a whole).
#[derive(Debug, Clone, Default)]
pub struct GuideTexts {
    /// `title`.
    pub title: Option<Spanned<String>>,
    /// `summary`.
    pub summary: Option<Spanned<String>>,
    /// `intro`.
    pub intro: Option<Spanned<String>>,
    /// `category`.
    pub category: Option<Spanned<String>>,
    /// `tags`.
    pub tags: Option<Vec<Spanned<String>>>,
    /// `prerequisites`.
    pub prerequisites: Option<Vec<Spanned<String>>>,
    /// `tools`.
    pub tools: Option<Vec<Spanned<String>>>,
    /// `supplies`.
    pub supplies: Option<Vec<Spanned<String>>>,
    /// `notes`, in the source's order (audiences come from the source).
    pub notes: Option<Vec<Spanned<String>>>,
    /// `goals`, per platform.
    pub goals: Vec<(Spanned<String>, Spanned<String>)>,
    /// `unavailable_on` reasons, per platform.
    pub unavailable_on: Vec<(Spanned<String>, Spanned<String>)>,
    /// `outcome` (its text).
    pub outcome: Option<Spanned<String>>,
    /// `outcome` facts.
    pub facts: Option<Vec<Spanned<String>>>,
    /// `tips`.
    pub tips: Option<Vec<Spanned<String>>>,
    /// `warnings`.
    pub warnings: Option<Vec<Spanned<String>>>,
    /// `troubleshooting`: problem and solution, in the source's order.
    pub troubleshooting: Option<Vec<(Spanned<String>, Spanned<String>)>>,
}

/// The translated texts of one step, keyed by the source step's id or its position (from
/// 1) in its list.
#[derive(Debug, Clone)]
pub struct StepText {
    /// The step's id or position, as written.
    pub key: Spanned<String>,
    /// The whole entry.
    pub span: Span,
    /// `do:`/`wait:` text, or a free-text target.
    pub text: Option<Spanned<String>>,
    /// A typed value that is words.
    pub value: Option<Spanned<String>>,
    /// `detail`.
    pub detail: Option<Spanned<String>>,
    /// `if`.
    pub condition: Option<Spanned<String>>,
    /// `result`.
    pub result: Option<Spanned<String>>,
    /// `note`.
    pub note: Option<Spanned<String>>,
    /// `warning`.
    pub warning: Option<Spanned<String>>,
    /// `alt` (the image's alt text).
    pub alt: Option<Spanned<String>>,
    /// `callouts`: the labels of the image's callouts, in order.
    pub callouts: Option<Vec<Spanned<String>>>,
    /// `choices`.
    pub choices: Option<Vec<Spanned<String>>>,
    /// `steps`: the sub-steps, keyed like steps.
    pub substeps: Vec<StepText>,
    /// `options`, keyed by their position from 1.
    pub options: Vec<OptionText>,
}

/// The translated texts of one of a step's options.
#[derive(Debug, Clone)]
pub struct OptionText {
    /// The option's position from 1, as written.
    pub key: Spanned<String>,
    /// Its condition (`if`) or name (`label`), whichever the source option has.
    pub label: Option<Spanned<String>>,
    /// Its steps, keyed like steps.
    pub steps: Vec<StepText>,
}

/// A fingerprint of a source guide: a short hash per text field and per step, so a stale
/// translation can say what changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stamp {
    /// Guide-level fields with a hash of their text, in the source's order.
    pub fields: Vec<(String, String)>,
    /// Per procedure block (its first platform id): each step's key (id or position) and
    /// hash, in order.
    pub steps: Vec<(String, Vec<(String, String)>)>,
}

/// The key a step has in translations: its id, or its position from 1.
pub fn step_key(step: &Step, index: usize) -> String {
    step.id
        .as_ref()
        .map_or_else(|| (index + 1).to_string(), |id| id.value.clone())
}

/// The position of the step a translation key names: its id, or its position from 1.
pub fn step_index(steps: &[Step], key: &str) -> Option<usize> {
    steps
        .iter()
        .position(|s| s.id.as_ref().is_some_and(|id| id.value == key))
        .or_else(|| {
            let n: usize = key.parse().ok()?;
            (1..=steps.len()).contains(&n).then(|| n - 1)
        })
}

/// A short stable hash of a text (8 hex digits).
fn short_hash(text: &str) -> String {
    format!(
        "{:08x}",
        crate::layout::content_hash(text.as_bytes()) as u32
    )
}

fn join(list: &[Spanned<String>]) -> String {
    list.iter()
        .map(|s| s.value.as_str())
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// Every text of a step and its sub-steps, with its action and target, as one string.
fn step_text(s: &Step, out: &mut String) {
    use std::fmt::Write as _;
    fn opt(v: &Option<Spanned<String>>) -> &str {
        v.as_ref().map_or("", |v| v.value.as_str())
    }
    let target = match &s.target {
        Some(Target::Key(k)) => format!("key:{}", k.value),
        Some(Target::Text(t)) => format!("text:{}", t.value),
        None => String::new(),
    };
    let _ = write!(
        out,
        "{}\u{1e}{target}\u{1e}{}\u{1e}{}\u{1e}{}\u{1e}{}\u{1e}{}\u{1e}{}\u{1e}{}\u{1e}{}\u{1e}{}",
        s.action.value.as_str(),
        opt(&s.text),
        opt(&s.value),
        opt(&s.detail),
        opt(&s.condition),
        opt(&s.result),
        opt(&s.note),
        opt(&s.warning),
        s.image.as_ref().map_or("", |i| opt(&i.alt)),
        join(&s.choices),
    );
    for c in s.image.iter().flat_map(|i| &i.callouts) {
        out.push('\u{1b}');
        out.push_str(c.label.as_ref().map_or("", |l| l.value.as_str()));
    }
    for sub in &s.substeps {
        out.push('\u{1d}');
        step_text(sub, out);
    }
    for o in &s.options {
        out.push('\u{1c}');
        out.push_str(&o.label.value);
        for sub in &o.steps {
            out.push('\u{1d}');
            step_text(sub, out);
        }
    }
}

/// The source guide's text fields as the fingerprint names them, with their text.
pub fn guide_fields(g: &Guide) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("title", g.title.value.clone()),
        ("summary", g.summary.value.clone()),
    ];
    let mut opt = |name: &'static str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            out.push((name, v));
        }
    };
    opt("intro", g.intro.as_ref().map(|v| v.value.clone()));
    opt("category", g.category.as_ref().map(|v| v.value.clone()));
    opt("tags", Some(join(&g.tags)));
    opt("prerequisites", Some(join(&g.prerequisites)));
    opt("tools", Some(join(&g.tools)));
    opt("supplies", Some(join(&g.supplies)));
    let notes: Vec<Spanned<String>> = g.notes.iter().map(|n| n.text.clone()).collect();
    opt("notes", Some(join(&notes)));
    let goals: Vec<String> = g
        .goals
        .iter()
        .map(|x| format!("{}={}", x.platform.value, x.text.value))
        .collect();
    opt("goals", Some(goals.join("\u{1f}")));
    let reasons: Vec<String> = g
        .unavailable_on
        .iter()
        .map(|x| format!("{}={}", x.platform.value, x.reason.value))
        .collect();
    opt("unavailable_on", Some(reasons.join("\u{1f}")));
    if let Some(o) = &g.outcome {
        opt("outcome", o.text.as_ref().map(|t| t.value.clone()));
        opt("facts", Some(join(&o.facts)));
    }
    opt("tips", Some(join(&g.tips)));
    opt("warnings", Some(join(&g.warnings)));
    let trouble: Vec<String> = g
        .troubleshooting
        .iter()
        .map(|t| format!("{}={}", t.problem.value, t.solution.value))
        .collect();
    opt("troubleshooting", Some(trouble.join("\u{1f}")));
    out
}

impl Stamp {
    /// The fingerprint of a source guide as it is now.
    pub fn of(g: &Guide) -> Stamp {
        let fields = guide_fields(g)
            .into_iter()
            .map(|(k, v)| (k.to_owned(), short_hash(&v)))
            .collect();
        let mut steps = Vec::new();
        for p in &g.procedures {
            let (ProcedureBody::Steps(list), Some(first)) = (&p.body, p.platforms.first()) else {
                continue;
            };
            let hashes = list
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let mut text = String::new();
                    step_text(s, &mut text);
                    (step_key(s, i), short_hash(&text))
                })
                .collect();
            steps.push((first.value.clone(), hashes));
        }
        Stamp { fields, steps }
    }

    /// The fingerprint as the YAML block `stepwise translations --mark-current` writes.
    pub fn to_yaml(&self) -> String {
        let pairs = |list: &[(String, String)]| {
            list.iter()
                .map(|(k, v)| format!("{k}: {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut out = String::from("source:\n");
        out.push_str(&format!("  fields: {{{}}}\n", pairs(&self.fields)));
        for (platform, steps) in &self.steps {
            out.push_str(&format!("  {platform}: {{{}}}\n", pairs(steps)));
        }
        out
    }

    /// What changed from `old` (this one being the source as it is now), in words.
    pub fn changes_since(&self, old: &Stamp) -> Vec<String> {
        let mut out = Vec::new();
        for (k, v) in &self.fields {
            match old.fields.iter().find(|(o, _)| o == k) {
                None => out.push(format!("`{k}` was added")),
                Some((_, ov)) if ov != v => out.push(format!("`{k}` changed")),
                Some(_) => {}
            }
        }
        for (k, _) in &old.fields {
            if !self.fields.iter().any(|(n, _)| n == k) {
                out.push(format!("`{k}` was removed"));
            }
        }
        for (platform, steps) in &self.steps {
            let before = old
                .steps
                .iter()
                .find(|(p, _)| p == platform)
                .map_or(&[][..], |(_, s)| s.as_slice());
            out.extend(step_changes(platform, before, steps));
        }
        for (platform, _) in &old.steps {
            if !self.steps.iter().any(|(p, _)| p == platform) {
                out.push(format!("the {platform} steps were removed"));
            }
        }
        out
    }
}

/// What changed in one procedure's steps.
fn step_changes(
    platform: &str,
    before: &[(String, String)],
    now: &[(String, String)],
) -> Vec<String> {
    let mut out = Vec::new();
    let has = |list: &[(String, String)], k: &str| list.iter().any(|(n, _)| n == k);
    for (k, v) in now {
        match before.iter().find(|(n, _)| n == k) {
            None => out.push(format!("step `{k}` was added on {platform}")),
            Some((_, ov)) if ov != v => out.push(format!("step `{k}` changed on {platform}")),
            Some(_) => {}
        }
    }
    for (k, _) in before {
        if !has(now, k) {
            out.push(format!("step `{k}` was removed on {platform}"));
        }
    }
    let kept_now: Vec<&str> = now
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| has(before, k))
        .collect();
    let kept_before: Vec<&str> = before
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| has(now, k))
        .collect();
    if kept_now != kept_before {
        out.push(format!("the {platform} steps were reordered"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(steps: &[(&str, &str)]) -> Stamp {
        Stamp {
            fields: vec![("title".into(), "aa".into())],
            steps: vec![(
                "web".into(),
                steps
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect(),
            )],
        }
    }

    #[test]
    fn changes_name_added_changed_removed_and_reordered_steps() {
        let old = stamp(&[("open", "1"), ("pick", "2"), ("save", "3")]);
        assert!(old.changes_since(&old).is_empty());
        let added = stamp(&[("open", "1"), ("new", "9"), ("pick", "2"), ("save", "3")]);
        assert_eq!(added.changes_since(&old), ["step `new` was added on web"]);
        let changed = stamp(&[("open", "1"), ("pick", "5"), ("save", "3")]);
        assert_eq!(changed.changes_since(&old), ["step `pick` changed on web"]);
        let moved = stamp(&[("pick", "2"), ("open", "1"), ("save", "3")]);
        assert_eq!(moved.changes_since(&old), ["the web steps were reordered"]);
        let gone = stamp(&[("open", "1"), ("save", "3")]);
        assert_eq!(gone.changes_since(&old), ["step `pick` was removed on web"]);
    }

    #[test]
    fn language_tags() {
        assert!(is_language_tag("fr"));
        assert!(is_language_tag("pt-BR"));
        assert!(!is_language_tag("french"));
        assert!(!is_language_tag("f"));
    }
}
