//! Reading a translated guide (`<slug>.<lang>.yaml`) and merging it with its source guide
//! into a [`Guide`] in the translation's language; localizing a product's glossary.
//!
//! A translation holds only text. Its steps are keyed per procedure block by the source
//! step's `id`, or by the step's position (from 1) when the source step has no id.

use super::decode::{Ctx, Fields};
use super::yaml::{Node, Value};
use crate::diag::{Code, Diagnostic};
use crate::model::{
    Control, Guide, GuideTexts, OptionText, PerPlatform, ProcedureBody, Product, Site, Stamp, Step,
    StepText, Target, Translation, step_index,
};
use crate::source::{FileId, Spanned};

/// The fields of a translation file.
pub(super) const TRANSLATION_FIELDS: &[&str] = &[
    "source",
    "title",
    "summary",
    "intro",
    "category",
    "tags",
    "prerequisites",
    "tools",
    "supplies",
    "notes",
    "goals",
    "unavailable_on",
    "outcome",
    "tips",
    "warnings",
    "troubleshooting",
    "steps",
    "allow",
];

/// The fields of a translated step.
pub(super) const STEP_TEXT_FIELDS: &[&str] = &[
    "text", "value", "detail", "if", "result", "note", "warning", "alt", "callouts", "choices",
    "steps", "options",
];

/// The fields of a translated option.
pub(super) const OPTION_TEXT_FIELDS: &[&str] = &["label", "steps"];

/// The language of a translation file's stem (`sign-out.fr` gives `sign-out` and `fr`), or
/// `None` for a guide's own file.
pub(super) fn split_stem(stem: &str) -> Option<(&str, &str)> {
    stem.rsplit_once('.')
}

/// Decodes a translation file of the guide `slug` in `language`.
pub(super) fn decode(
    ctx: &mut Ctx<'_>,
    site: &Site,
    node: &Node,
    (file, product, stem): (FileId, &str, &str),
) -> Option<Translation> {
    let (slug, language) = split_stem(stem)?;
    if !site.languages.iter().skip(1).any(|l| l == language) {
        ctx.push(
            Diagnostic::new(
                Code::InvalidValue,
                crate::source::Span::file_start(file),
                format!("`{language}` in the file name is not one of the site's other languages"),
            )
            .help(format!(
                "add it to `languages` in site.yaml (now `[{}]`), or rename the file to `{slug}.<language>.yaml`",
                site.languages.join(", ")
            )),
        );
        return None;
    }
    let f = ctx.map(
        node,
        "translation",
        TRANSLATION_FIELDS,
        "`title: ...` followed by `steps:`",
    )?;
    let texts = guide_texts(ctx, site, &f);
    let steps = match f.get("steps") {
        Some(n) => procedures(ctx, n),
        None => Vec::new(),
    };
    Some(Translation {
        file,
        product: product.to_owned(),
        slug: slug.to_owned(),
        language: language.to_owned(),
        source: f.get("source").and_then(|n| stamp(ctx, n)),
        source_span: f.key_span("source"),
        texts,
        steps,
        allow: f
            .get("allow")
            .map(|n| super::rules::allow(ctx, n))
            .unwrap_or_default(),
        span: node.span,
    })
}

fn guide_texts(ctx: &mut Ctx<'_>, site: &Site, f: &Fields<'_>) -> GuideTexts {
    let text =
        |ctx: &mut Ctx<'_>, key: &str| f.get(key).and_then(|n| ctx.text(n, &format!("`{key}`")));
    let list = |ctx: &mut Ctx<'_>, key: &str| {
        f.get(key)
            .map(|n| ctx.text_list(n, &format!("an item of `{key}`")))
    };
    let outcome = f.get("outcome").and_then(|n| super::guide::outcome(ctx, n));
    GuideTexts {
        title: text(ctx, "title"),
        summary: text(ctx, "summary"),
        intro: text(ctx, "intro"),
        category: text(ctx, "category"),
        tags: list(ctx, "tags"),
        prerequisites: list(ctx, "prerequisites"),
        tools: list(ctx, "tools"),
        supplies: list(ctx, "supplies"),
        notes: f.get("notes").map(|n| {
            super::guide::notes(ctx, n)
                .into_iter()
                .map(|n| n.text)
                .collect()
        }),
        goals: f
            .get("goals")
            .map(|n| super::guide::goals(ctx, site, n))
            .unwrap_or_default()
            .into_iter()
            .map(|g| (g.platform, g.text))
            .collect(),
        // Keyed like the source's (`android, ios: ...`), one reason per platform.
        unavailable_on: f
            .get("unavailable_on")
            .map(|n| super::guide::unavailable(ctx, site, n, &mut Vec::new()))
            .unwrap_or_default()
            .into_iter()
            .map(|u| (u.platform, u.reason))
            .collect(),
        facts: outcome
            .as_ref()
            .filter(|o| !o.facts.is_empty())
            .map(|o| o.facts.clone()),
        outcome: outcome.and_then(|o| o.text),
        tips: list(ctx, "tips"),
        warnings: list(ctx, "warnings"),
        troubleshooting: f.get("troubleshooting").map(|n| {
            super::guide::trouble(ctx, n)
                .into_iter()
                .map(|t| (t.problem, t.solution))
                .collect()
        }),
    }
}

/// `steps: {web: {open-account: {...}, 3: {...}}}`.
fn procedures(ctx: &mut Ctx<'_>, node: &Node) -> Vec<(Spanned<String>, Vec<StepText>)> {
    let Some(entries) = ctx.entries(
        node,
        "`steps` of a translation must map platforms to their steps",
        "write `steps: {web: {open-account: {text: ...}}}`",
    ) else {
        return Vec::new();
    };
    entries
        .iter()
        .map(|e| (e.key.clone(), step_texts(ctx, &e.value)))
        .collect()
}

/// A mapping of step ids (or positions) to their texts.
fn step_texts(ctx: &mut Ctx<'_>, node: &Node) -> Vec<StepText> {
    if node.is_null() {
        return Vec::new();
    }
    let Some(entries) = ctx.entries(
        node,
        "a platform's steps in a translation must map step ids (or positions) to texts",
        "write `open-account: {detail: ...}` or `3: {alt: ...}`, one step per line",
    ) else {
        return Vec::new();
    };
    let mut out: Vec<StepText> = Vec::new();
    for e in entries {
        let Some(f) = ctx.map(
            &e.value,
            "translated step",
            STEP_TEXT_FIELDS,
            "`{detail: ..., alt: ...}`",
        ) else {
            continue;
        };
        let text = |ctx: &mut Ctx<'_>, key: &str| {
            f.get(key).and_then(|n| ctx.text(n, &format!("`{key}`")))
        };
        out.push(StepText {
            key: e.key.clone(),
            span: e.value.span,
            text: text(ctx, "text"),
            value: text(ctx, "value"),
            detail: text(ctx, "detail"),
            condition: text(ctx, "if"),
            result: text(ctx, "result"),
            note: text(ctx, "note"),
            warning: text(ctx, "warning"),
            alt: text(ctx, "alt"),
            callouts: f
                .get("callouts")
                .map(|n| ctx.text_list(n, "a callout's label")),
            choices: f.get("choices").map(|n| ctx.text_list(n, "a choice")),
            substeps: f
                .get("steps")
                .map(|n| step_texts(ctx, n))
                .unwrap_or_default(),
            options: f
                .get("options")
                .map(|n| option_texts(ctx, n))
                .unwrap_or_default(),
        });
    }
    out
}

/// `options: {1: {label: ..., steps: {...}}}`: a step's options by position.
fn option_texts(ctx: &mut Ctx<'_>, node: &Node) -> Vec<OptionText> {
    let Some(entries) = ctx.entries(
        node,
        "`options` of a translated step must map option positions to their texts",
        "write `options: {1: {label: ..., steps: {1: {text: ...}}}}`",
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in entries {
        let Some(f) = ctx.map(
            &e.value,
            "translated option",
            OPTION_TEXT_FIELDS,
            "`{label: ..., steps: {1: {text: ...}}}`",
        ) else {
            continue;
        };
        out.push(OptionText {
            key: e.key.clone(),
            label: f.get("label").and_then(|n| ctx.text(n, "`label`")),
            steps: f
                .get("steps")
                .map(|n| step_texts(ctx, n))
                .unwrap_or_default(),
        });
    }
    out
}

/// `source: {fields: {title: 3f2a9c1e}, web: {open: 1a2b3c4d}}`.
fn stamp(ctx: &mut Ctx<'_>, node: &Node) -> Option<Stamp> {
    let entries = ctx.entries(
        node,
        "`source` must be the mapping `stepwise translations --mark-current` writes",
        "run `stepwise translations --mark-current` to write it",
    )?;
    let mut out = Stamp::default();
    for e in entries {
        let pairs = hashes(ctx, &e.value);
        if e.key.value == "fields" {
            out.fields = pairs;
        } else {
            out.steps.push((e.key.value.clone(), pairs));
        }
    }
    Some(out)
}

fn hashes(ctx: &mut Ctx<'_>, node: &Node) -> Vec<(String, String)> {
    let Some(entries) = ctx.entries(
        node,
        "a `source` entry must map names to hashes",
        "run `stepwise translations --mark-current` to write it",
    ) else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|e| match &e.value.value {
            Value::Scalar(s) => Some((e.key.value.clone(), s.text.clone())),
            _ => None,
        })
        .collect()
}

/// The source guide with the translation's texts in place of its own.
pub(super) fn merge(source: &Guide, t: &Translation) -> Guide {
    let mut g = source.clone();
    g.translation = Some(t.file);
    let x = &t.texts;
    let set = |to: &mut Spanned<String>, from: &Option<Spanned<String>>| {
        if let Some(v) = from {
            *to = v.clone();
        }
    };
    set(&mut g.title, &x.title);
    set(&mut g.summary, &x.summary);
    let opt = |to: &mut Option<Spanned<String>>, from: &Option<Spanned<String>>| {
        if from.is_some() {
            to.clone_from(from);
        }
    };
    opt(&mut g.intro, &x.intro);
    opt(&mut g.category, &x.category);
    let list = |to: &mut Vec<Spanned<String>>, from: &Option<Vec<Spanned<String>>>| {
        if let Some(v) = from {
            to.clone_from(v);
        }
    };
    list(&mut g.tags, &x.tags);
    list(&mut g.prerequisites, &x.prerequisites);
    list(&mut g.tools, &x.tools);
    list(&mut g.supplies, &x.supplies);
    list(&mut g.tips, &x.tips);
    list(&mut g.warnings, &x.warnings);
    if let Some(notes) = &x.notes {
        for (n, text) in g.notes.iter_mut().zip(notes) {
            n.text = text.clone();
        }
    }
    for goal in &mut g.goals {
        if let Some((_, text)) = x.goals.iter().find(|(p, _)| p.value == goal.platform.value) {
            goal.text = text.clone();
        }
    }
    for u in &mut g.unavailable_on {
        if let Some((_, r)) = x
            .unavailable_on
            .iter()
            .find(|(p, _)| p.value == u.platform.value)
        {
            u.reason = r.clone();
        }
    }
    if let Some(o) = &mut g.outcome {
        opt(&mut o.text, &x.outcome);
        list(&mut o.facts, &x.facts);
    }
    if let Some(tr) = &x.troubleshooting {
        for (t, (p, s)) in g.troubleshooting.iter_mut().zip(tr) {
            t.problem = p.clone();
            t.solution = s.clone();
        }
    }
    for proc in &mut g.procedures {
        let ProcedureBody::Steps(steps) = &mut proc.body else {
            continue;
        };
        let texts = t
            .steps
            .iter()
            .find(|(p, _)| proc.platforms.iter().any(|q| q.value == p.value));
        if let Some((_, texts)) = texts {
            merge_steps(steps, texts);
        }
    }
    g
}

fn merge_steps(steps: &mut [Step], texts: &[StepText]) {
    for st in texts {
        let Some(i) = step_index(steps, &st.key.value) else {
            continue;
        };
        let step = &mut steps[i];
        if let Some(text) = &st.text {
            if step.text.is_some() {
                step.text = Some(text.clone());
            } else if let Some(Target::Text(t)) = &mut step.target {
                *t = text.clone();
            }
        }
        let opt = |to: &mut Option<Spanned<String>>, from: &Option<Spanned<String>>| {
            if to.is_some() && from.is_some() {
                to.clone_from(from);
            }
        };
        opt(&mut step.detail, &st.detail);
        if let Some(image) = &mut step.image {
            opt(&mut image.alt, &st.alt);
            let labelled = image.callouts.iter_mut().filter(|c| c.label.is_some());
            for (c, label) in labelled.zip(st.callouts.iter().flatten()) {
                c.label = Some(label.clone());
            }
        }
        // Only fields the source has are replaced: a step without extras keeps none.
        let Some(extra) = step.extra.as_deref_mut() else {
            continue;
        };
        opt(&mut extra.value, &st.value);
        opt(&mut extra.condition, &st.condition);
        opt(&mut extra.result, &st.result);
        opt(&mut extra.note, &st.note);
        opt(&mut extra.warning, &st.warning);
        if let Some(c) = &st.choices {
            for (to, from) in extra.choices.iter_mut().zip(c) {
                *to = from.clone();
            }
        }
        merge_steps(&mut extra.substeps, &st.substeps);
        for ot in &st.options {
            let i = ot.key.value.parse::<usize>().ok().filter(|i| *i >= 1);
            let Some(option) = i.and_then(|i| extra.options.get_mut(i - 1)) else {
                continue;
            };
            if let Some(label) = &ot.label {
                option.label = label.clone();
            }
            merge_steps(&mut option.steps, &ot.steps);
        }
    }
}

/// The product with its glossary in `language`: each control's label, location and
/// description from its `translations` entry. A control without a label in the language
/// keeps its own (the `missing-translation-label` rule reports the guides that use it);
/// its location and description are dropped rather than shown in another language.
pub(super) fn localize(product: &Product, language: &str) -> Product {
    let mut p = product.clone();
    for c in &mut p.glossary {
        localize_control(c, language);
    }
    for (_, _, glossary) in &mut p.used {
        for c in glossary {
            localize_control(c, language);
        }
    }
    p
}

fn localize_control(c: &mut Control, language: &str) {
    let t = c.translation(language).cloned();
    if let Some(label) = t.as_ref().and_then(|t| t.label.clone()) {
        c.label = fill(label, &c.label);
    }
    c.location = t.as_ref().and_then(|t| t.location.clone());
    c.description = t.and_then(|t| t.description);
    c.was = None;
}

/// A translated label per platform, with the source's label for platforms it leaves out.
fn fill(
    label: PerPlatform<Spanned<String>>,
    source: &PerPlatform<Spanned<String>>,
) -> PerPlatform<Spanned<String>> {
    match (label, source) {
        (PerPlatform::Each(mut each), PerPlatform::Each(src)) => {
            for (p, v) in src {
                if !each.iter().any(|(q, _)| q.value == p.value) {
                    each.push((p.clone(), v.clone()));
                }
            }
            PerPlatform::Each(each)
        }
        (label, _) => label,
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{ProcedureBody, Target};

    #[test]
    fn a_merged_guide_takes_the_texts_of_its_translation_and_the_rest_of_its_source() {
        let files: [(&str, &[u8]); 4] = [
            ("site.yaml", b"languages: [en, fr]\nplatforms:\n  web:\n"),
            (
                "demo/product.yaml",
                "name: Demo\nglossary:\n  ok: {role: button, label: OK, where: bottom, translations: {fr: {label: Valider}}}\n  menu: {role: icon, label: Menu, description: three lines}\n".as_bytes(),
            ),
            (
                "demo/g.yaml",
                b"title: How to x\nsummary: X.\nsteps:\n  web:\n    - click: ok\n      id: ok\n      result: Done.\n    - click: \"Later\"\n    - click: menu\n",
            ),
            (
                "demo/g.fr.yaml",
                "title: Faire x\nsteps:\n  web:\n    ok: {result: Fini., note: Ignorée.}\n    2: {text: Plus tard}\n".as_bytes(),
            ),
        ];
        let (project, diags) = crate::load::load_in_memory(&files).expect("load");
        assert!(diags.is_empty(), "{diags:?}");
        let fr = &project.languages[0];
        assert_eq!(fr.site.language, "fr");
        let g = &fr.guides[0];
        assert_eq!(g.title.value, "Faire x");
        // Not translated: the source's text.
        assert_eq!(g.summary.value, "X.");
        let ProcedureBody::Steps(steps) = &g.procedures[0].body else {
            panic!("steps")
        };
        assert_eq!(steps.len(), 3);
        assert!(matches!(&steps[0].target, Some(Target::Key(k)) if k.value == "ok"));
        assert_eq!(
            steps[0].result.as_ref().map(|r| r.value.as_str()),
            Some("Fini.")
        );
        // A text the source step does not have is not added.
        assert!(steps[0].note.is_none());
        assert!(matches!(&steps[1].target, Some(Target::Text(t)) if t.value == "Plus tard"));
        // The glossary in French: the label, and no English location or description.
        let ok = fr.products[0].control("ok").expect("ok");
        assert_eq!(
            ok.label.get("web").map(|l| l.value.as_str()),
            Some("Valider")
        );
        assert!(ok.location.is_none());
        let menu = fr.products[0].control("menu").expect("menu");
        assert_eq!(
            menu.label.get("web").map(|l| l.value.as_str()),
            Some("Menu")
        );
        assert!(menu.description.is_none());
        // The default language's guide is untouched.
        assert_eq!(project.guides[0].title.value, "How to x");
    }

    #[test]
    fn callout_labels_are_translated_in_order() {
        let files: [(&str, &[u8]); 4] = [
            ("site.yaml", b"languages: [en, fr]\nplatforms:\n  web:\n"),
            (
                "demo/product.yaml",
                b"name: Demo\nglossary:\n  ok: {role: button, label: OK, translations: {fr: {label: Valider}}}\n",
            ),
            (
                "demo/g.yaml",
                b"title: How to x\nsummary: X.\nsteps:\n  web:\n    - click: ok\n      image:\n        src: a.png\n        alt: The button\n        callouts:\n          - {marker: [1, 1]}\n          - {box: [0, 0, 2, 2], label: Here}\n",
            ),
            (
                "demo/g.fr.yaml",
                "title: Faire x\nsummary: X.\nsteps:\n  web:\n    1: {alt: Le bouton, callouts: [Ici]}\n".as_bytes(),
            ),
        ];
        let (project, _) = crate::load::load_in_memory(&files).expect("load");
        let ProcedureBody::Steps(steps) = &project.languages[0].guides[0].procedures[0].body else {
            panic!("steps")
        };
        let image = steps[0].image.as_ref().expect("image");
        let labels: Vec<Option<&str>> = image
            .callouts
            .iter()
            .map(|c| c.label.as_ref().map(|l| l.value.as_str()))
            .collect();
        assert_eq!(labels, [None, Some("Ici")]);
        assert_eq!(
            image.alt.as_ref().map(|a| a.value.as_str()),
            Some("Le bouton")
        );
    }
}
