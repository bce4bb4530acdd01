//! `colour-only`: text that tells the reader which control to use by its colour alone
//! ("tap the green button"), which readers who cannot tell colours apart cannot follow
//! (WCAG 2.2, 1.4.1 Use of Color).

use super::rule::{Rule, RuleConfig};
use crate::check::text::{Field, find_words, quoted_labels, sub_span, texts};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::PerPlatform;
use crate::resolve::Resolved;

/// The `colour-only` rule.
pub(super) struct ColourOnly;

static META: RuleMeta = RuleMeta {
    id: "colour-only",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "Text identifies a control by its colour only.",
    doc: RuleDoc {
        explanation: "Reports text that names a control by its colour alone: a colour word right before a kind of control (\"the green button\", \"tap the red icon\", \"the blue link\"). Readers who cannot tell colours apart, use a high-contrast mode or hear the guide read aloud cannot find it (WCAG 2.2 success criterion 1.4.1, Use of Color). Name the control's label (\"the red **Delete** button\", or a glossary key as the step's target) or say where it is (\"the green button at the bottom right\"); a sentence that already names a label or a position is not reported, nor is colour that describes something other than a control (\"the screen turns green\"). Turn the rule off in `site.yaml` with `rules: {colour-only: off}`.",
        bad: "- tap: \"the green button\"\n  result: The screen turns green.",
        good: "- tap: \"the green **Start** button\"\n  result: The screen turns green.",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

const COLOURS: &[&str] = &[
    "red", "green", "blue", "yellow", "orange", "purple", "pink", "grey", "gray", "black", "white",
    "brown", "teal", "violet",
];

/// Kinds of control a colour may wrongly identify.
const CONTROLS: &[&str] = &[
    "button",
    "buttons",
    "icon",
    "icons",
    "link",
    "links",
    "tab",
    "tabs",
    "toggle",
    "toggles",
    "switch",
    "switches",
    "checkbox",
    "checkboxes",
    "arrow",
    "arrows",
    "option",
    "options",
    "entry",
    "menu",
    "key",
    "keys",
    "symbol",
    "bar",
    "dot",
    "circle",
    "square",
    "badge",
];

/// Words that place a control on the screen, which identifies it besides its colour.
const POSITIONS: &[&str] = &[
    "top", "bottom", "left", "right", "corner", "upper", "lower", "next to", "below", "above",
    "beside", "centre", "center", "middle", "first", "second", "third", "last",
];

/// Byte ranges of "colour control" pairs in `text` ("green button", "red-coloured icon").
fn colour_controls(text: &str) -> Vec<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for colour in COLOURS {
        // Most texts name no colour at all.
        if !lower.contains(colour) {
            continue;
        }
        for suffix in ["", "-coloured", "-colored"] {
            for (s, e) in find_words(&lower, &format!("{colour}{suffix}")) {
                let rest = &lower[e..];
                let after = rest.trim_start_matches([' ', '*', '_']);
                let word_len = after
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .unwrap_or(after.len());
                if after.len() < rest.len() && CONTROLS.contains(&&after[..word_len]) {
                    out.push((s, lower.len() - after.len() + word_len));
                }
            }
        }
    }
    out.sort_unstable();
    out
}

/// The sentence of `text` around byte `at`.
fn sentence(text: &str, at: usize) -> &str {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | ';' | '\n');
    let start = text[..at].rfind(ends).map_or(0, |i| i + 1);
    let end = text[at..].find(ends).map_or(text.len(), |i| at + i);
    &text[start..end]
}

impl Rule for ColourOnly {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let sources = &site.project.sources;
        for rg in &site.guides {
            let names_label = |s: &str| {
                !quoted_labels(s).is_empty()
                    || rg.product.is_some_and(|p| {
                        p.glossary.iter().any(|c| match &c.label {
                            PerPlatform::All(l) => !find_words(s, &l.value).is_empty(),
                            PerPlatform::Each(list) => list
                                .iter()
                                .any(|(_, l)| !find_words(s, &l.value).is_empty()),
                        })
                    })
            };
            for t in texts(rg.guide) {
                // Alt text describes a picture, colours and all.
                if t.field == Field::Alt {
                    continue;
                }
                let text = t.text.value.as_str();
                for (s, e) in colour_controls(text) {
                    let around = sentence(text, s);
                    let placed = POSITIONS.iter().any(|p| !find_words(around, p).is_empty());
                    if placed || names_label(around) {
                        continue;
                    }
                    let (span, _) = sub_span(sources, t.text, s, e);
                    out.push(
                        Diagnostic::new(
                            CODE,
                            span,
                            format!(
                                "\"{}\" identifies a control by its colour only, which readers who cannot tell colours apart cannot follow (WCAG 1.4.1)",
                                &text[s..e]
                            ),
                        )
                        .help("name the control's label (\"the green **Start** button\", or its glossary key as the step's target) or say where it is (\"at the bottom right\")"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::colour_controls;
    use crate::check::rules::testing::{PRODUCT, findings};

    fn pairs(t: &str) -> Vec<&str> {
        colour_controls(t).iter().map(|&(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn colour_right_before_a_control() {
        assert_eq!(
            pairs("Tap the green button, then the **red** icon or the blue-coloured link."),
            ["green button", "red** icon", "blue-coloured link"]
        );
        assert_eq!(
            pairs(
                "The screen turns green. Tap the red **Delete** button. Redo the greenhouse tab."
            ),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn reports_only_without_a_label_or_position() {
        let guide = "title: How to sign out\nsummary: X.\nsteps:\n  web:\n    - open: settings\n      detail: Then tap the green button.\n      result: The screen turns green.\n    - click: sign-out\n      note: The red Sign out button is at the end. The blue icon at the top right opens help.\n    - click: \"the red icon\"\n      image: {alt: The red icon in the toolbar}\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        let msgs: Vec<String> = f
            .iter()
            .map(|d| format!("{}:{} {}", d.span.start.line, d.span.start.col, d.message))
            .collect();
        assert_eq!(
            msgs,
            [
                "6:28 \"green button\" identifies a control by its colour only, which readers who cannot tell colours apart cannot follow (WCAG 1.4.1)",
                "10:19 \"red icon\" identifies a control by its colour only, which readers who cannot tell colours apart cannot follow (WCAG 1.4.1)",
            ]
        );
    }
}
