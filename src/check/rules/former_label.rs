//! `former-label`: text that still says a label the control had before a rename
//! (`was:` in the glossary), with the current label as the fix.

use super::rule::{Rule, RuleConfig};
use crate::check::labels::{Entry, Labels, Places, and_list};
use crate::check::text::{Field, Text, quoted_labels, sub_span};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::{Control, PerPlatform, Platform};
use crate::resolve::Resolved;

/// The `former-label` rule.
pub(super) struct FormerLabel;

static META: RuleMeta = RuleMeta {
    id: "former-label",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "Text still uses a label the control had before it was renamed.",
    doc: RuleDoc {
        explanation: "Reports a former label of a control (listed in its `was:` in the glossary) still written in a guide's free text: in quotes or bold, or as the label's exact words in plain text when it has two words or more. The help gives the current label on the text's platform, and `--fix` writes it; a free-text target that is a former label is fixed to the control's key. A text on a platform that still shows the old label (a rename that reached only some platforms) is right and is not reported.",
        bad: "# product.yaml: devices: {role: link, label: Devices, was: [Manage Devices]}\n- do: Open **Manage Devices**.",
        good: "- open: devices",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for FormerLabel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let indexes = Labels::per_product(site.project);
        for rg in &site.guides {
            let Some(index) = rg.product.and_then(|p| indexes.get(p.key.as_str())) else {
                continue;
            };
            if !index.has_formers() {
                continue;
            }
            let mut places = None;
            for t in rg.texts() {
                let text = &t.text.value;
                let mut found: Vec<(usize, usize)> = quoted_labels(text)
                    .into_iter()
                    .filter(|&(s, e)| index.is_former_anywhere(&text[s..e]))
                    .collect();
                for (s, e) in index.plain_formers_in(text) {
                    if !found.iter().any(|&(a, b)| a <= s && e <= b) {
                        found.push((s, e));
                    }
                }
                if found.is_empty() {
                    continue;
                }
                found.sort_unstable();
                let places = places.get_or_insert_with(|| Places::of(rg));
                let (platforms, guide_level) = places.of_text(t, rg.guide);
                for (s, e) in found {
                    if let Some(d) = finding(site, index, t, (s, e), &platforms, guide_level) {
                        out.push(d);
                    }
                }
            }
        }
    }
}

/// The finding about the former label at `text[s..e]` of `t`, read on `platforms`.
fn finding(
    site: &Resolved<'_>,
    index: &Labels<'_>,
    t: &Text<'_>,
    (s, e): (usize, usize),
    platforms: &[&Platform],
    guide_level: bool,
) -> Option<Diagnostic> {
    let text = &t.text.value;
    let phrase = &text[s..e];
    if guide_level
        && platforms
            .iter()
            .any(|p| index.is_label_on_ignoring_case(phrase, &p.id))
    {
        return None;
    }
    // Per platform the text is read on: the control it was a label of, and its label now.
    let mut now: Vec<(Entry<'_>, &str, Vec<&Platform>)> = Vec::new();
    for p in platforms {
        let Some(former) = index.former_on(phrase, &p.id) else {
            continue;
        };
        let Some(current) = current_label(former.control, &p.id) else {
            continue;
        };
        match now
            .iter_mut()
            .find(|(f, c, _)| std::ptr::eq(f.control, former.control) && *c == current)
        {
            Some((_, _, ps)) => ps.push(p),
            None => now.push((former, current, vec![p])),
        }
    }
    let (first, _, _) = now.first()?;
    let control = first.control;
    let names =
        |ps: &[&Platform]| and_list(&ps.iter().map(|p| p.name.as_str()).collect::<Vec<_>>());
    let per_platform = matches!(control.label, PerPlatform::Each(_));
    let currents: Vec<String> = now
        .iter()
        .map(|(_, c, ps)| {
            if per_platform {
                format!("\"{c}\" on {}", names(ps))
            } else {
                format!("\"{c}\"")
            }
        })
        .collect();
    let (span, exact) = sub_span(&site.project.sources, t.text, s, e);
    let mut d = Diagnostic::new(
        CODE,
        span,
        format!(
            "\"{phrase}\" is a former label of `{}`, now {}",
            control.key.value,
            and_list(&currents.iter().map(String::as_str).collect::<Vec<_>>())
        ),
    )
    .related(first.label.span, "recorded as a former label here");
    let everywhere = now.len() == 1 && now[0].2.len() == platforms.len();
    let whole_target = t.field == Field::Target && s == 0 && e == text.len();
    if whole_target
        && platforms.iter().all(|p| control.exists_on(&p.id))
        && now.iter().all(|(f, _, _)| std::ptr::eq(f.control, control))
    {
        d = d.help(format!(
            "name the control by its key, `{}`, which always shows its current label",
            control.key.value
        ));
        // The key replaces the whole value, quotes and all.
        if sub_span(&site.project.sources, t.text, 0, text.len()).1 {
            d = d.fix(t.text.span, control.key.value.clone());
        }
    } else if everywhere {
        let current = now[0].1;
        d = d.help(format!(
            "write \"{current}\"; better, make it a step on `{}`, so a rename reaches every guide",
            control.key.value
        ));
        if exact {
            d = d.fix(span, current);
        }
    } else {
        d = d.help(format!(
            "this text is read on {}, where the labels differ: make it a step on `{}`, which shows each platform its own label, or write the text per platform",
            names(platforms),
            control.key.value
        ));
    }
    Some(d)
}

/// The label `control` shows on `platform`.
fn current_label<'p>(control: &'p Control, platform: &str) -> Option<&'p str> {
    control
        .exists_on(platform)
        .then(|| control.label.get(platform))
        .flatten()
        .map(|l| l.value.as_str())
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::findings;

    const PRODUCT: &str = "name: Demo\nglossary:\n  devices: {role: link, label: Devices, was: [Manage Devices, Your devices]}\n  privacy:\n    role: section\n    label:\n      web: Privacy\n      android, ios: Privacy settings\n    was:\n      web: Privacy settings\n    labels_differ: The apps have not caught up yet.\n";

    fn run(guide: &str) -> Vec<crate::diag::Diagnostic> {
        findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        )
    }

    #[test]
    fn quoted_bold_and_plain_former_labels_get_the_current_one() {
        let guide = "title: How to x\nsummary: X.\ntips:\n  - '\"Your devices\" lists them; so does Manage Devices, not manage devices.'\nsteps:\n  web:\n    - do: Open **Manage Devices**.\n";
        let f = run(guide);
        let got: Vec<(u32, &str, &str)> = f
            .iter()
            .map(|d| {
                (
                    d.span.start.col,
                    d.message.as_str(),
                    d.fix.as_ref().unwrap().replacement.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    7,
                    "\"Your devices\" is a former label of `devices`, now \"Devices\"",
                    "Devices"
                ),
                (
                    41,
                    "\"Manage Devices\" is a former label of `devices`, now \"Devices\"",
                    "Devices"
                ),
                (
                    18,
                    "\"Manage Devices\" is a former label of `devices`, now \"Devices\"",
                    "Devices"
                ),
            ],
            "{f:#?}"
        );
    }

    #[test]
    fn a_platform_that_still_shows_the_old_label_is_right() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  android:\n    - do: Open **Privacy settings**.\n  web:\n    - do: Open **Privacy settings**.\n";
        let f = run(guide);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].span.start.line, 7);
        assert_eq!(
            f[0].message,
            "\"Privacy settings\" is a former label of `privacy`, now \"Privacy\" on Web"
        );
        // Guide-level text may name either platform's label.
        let intro = "title: How to x\nsummary: X.\nintro: Open **Privacy settings**.\nsteps:\n  web, android:\n    - do: Open it.\n";
        assert!(run(intro).is_empty(), "{:#?}", run(intro));
    }

    #[test]
    fn a_shared_step_gets_no_fix_when_platforms_differ() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web, android:\n    - do: Open **Privacy settings**.\n";
        let f = run(guide);
        // Right on Android, former on the web: reported for the web, no fix.
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].fix.is_none());
        assert!(
            f[0].help.as_deref().unwrap().contains("Web and Android"),
            "{f:#?}"
        );
    }

    #[test]
    fn a_free_target_that_is_a_former_label_becomes_the_key() {
        let guide =
            "title: How to x\nsummary: X.\nsteps:\n  web:\n    - click: \"Manage Devices\"\n";
        let f = run(guide);
        assert_eq!(f.len(), 1, "{f:#?}");
        let fix = f[0].fix.as_ref().unwrap();
        assert_eq!(fix.replacement, "devices");
        assert_eq!((fix.span.start.col, fix.span.end.col), (14, 30));
    }

    #[test]
    fn plain_single_words_and_other_case_pass() {
        let product = "name: Demo\nglossary:\n  devices: {role: link, label: Devices, was: [Gadgets, Manage Devices]}\n";
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - do: Gadgets and manage devices are listed.\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", product), ("demo/g.yaml", guide)],
        );
        assert!(f.is_empty(), "{f:#?}");
    }
}
