//! `unknown-callout`: text that points at a numbered marker ("marked 4", "callout 2",
//! "see 3 in the screenshot") that the step's screenshot does not have.

use super::rule::{Rule, RuleConfig};
use crate::check::text::sub_span;
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::{CalloutShape, Step};
use crate::resolve::Resolved;

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// The `unknown-callout` rule.
pub(super) struct UnknownCallout;

static META: RuleMeta = RuleMeta {
    id: "unknown-callout",
    default_severity: Severity::Error,
    default_on: true,
    summary: "Text points at a numbered callout that the step's screenshot does not have.",
    doc: RuleDoc {
        explanation: "Reports a callout number written in a step's text (\"callout 2\", \"marker 3\", \"the button marked #4\", \"see 3 in the screenshot\") that is not one of the numbered markers drawn on that step's screenshot, or that is written on a step without a screenshot or without markers. Markers are numbered 1, 2, 3... in the order they are listed in `callouts`; boxes and arrows have no number. A reader looking for a number that is not on the picture is lost: add the marker, or correct the number. Guide-level text (intro, tips, outcome) belongs to no step and is not checked.",
        bad: "- click: sign-out-all\n  detail: The button marked 2 signs out every device.\n  image:\n    src: img/devices.png\n    alt: The Devices page\n    callouts:\n      - {marker: [240, 200], label: Sign out of all devices}",
        good: "- click: sign-out-all\n  detail: The button marked 1 signs out every device.\n  image:\n    src: img/devices.png\n    alt: The Devices page\n    callouts:\n      - {marker: [240, 200], label: Sign out of all devices}",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

/// Callout numbers written in `text`: the byte range of each mention and its numbers.
/// The words without which a text mentions no callout: one pass over a text finds whether
/// [`mentions`] need look at it at all.
static CUES: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["callout", "mark", "picture", "screenshot", "image"])
        .ok()
});

fn mentions(text: &str) -> Vec<(usize, usize, Vec<u32>)> {
    if CUES.as_ref().is_some_and(|c| !c.is_match(text)) {
        return Vec::new();
    }
    let lower = text.to_ascii_lowercase();
    let b = lower.as_bytes();
    let is_word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
    let digits_at = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut out = Vec::new();
    // "callout 2", "callouts 1 and 3", "marker 4", "marked 4", "marked #4", "#4 on the
    // screenshot"...: a keyword, then numbers.
    for key in ["callouts", "callout", "markers", "marker", "marked", "mark"] {
        let mut from = 0;
        while let Some(i) = lower[from..].find(key) {
            let start = from + i;
            from = start + key.len();
            if (start > 0 && is_word(start - 1)) || is_word(start + key.len()) {
                continue;
            }
            if out
                .iter()
                .any(|(s, e, _): &(usize, usize, Vec<u32>)| *s <= start && start < *e)
            {
                continue;
            }
            let mut at = start + key.len();
            let mut numbers = Vec::new();
            let mut end = at;
            loop {
                let rest = &lower[at..];
                let skipped = rest.len() - rest.trim_start_matches([' ', '#']).len();
                let p = at + skipped;
                let n = digits_at(p);
                if n == 0 || (skipped == 0 && numbers.is_empty()) || is_word(p + n) {
                    break;
                }
                numbers.push(lower[p..p + n].parse().unwrap_or(u32::MAX));
                end = p + n;
                let rest = &lower[end..];
                match [", ", " and ", " or ", "-", " to "]
                    .iter()
                    .find(|s| rest.starts_with(**s))
                {
                    Some(s) => at = end + s.len() - usize::from(s.ends_with(' ')),
                    None => break,
                }
            }
            if !numbers.is_empty() {
                out.push((start, end, numbers));
            }
        }
    }
    // "see 3 in the picture", "(2 on the screenshot)"
    for pic in ["picture", "screenshot", "image"] {
        for prep in [" in the ", " on the "] {
            let tail = format!("{prep}{pic}");
            let mut from = 0;
            while let Some(i) = lower[from..].find(&tail) {
                let e = from + i;
                from = e + tail.len();
                let s = lower[..e]
                    .bytes()
                    .rev()
                    .take_while(u8::is_ascii_digit)
                    .count();
                let start = e - s;
                let hash = start > 0 && b[start - 1] == b'#';
                if s == 0 || (start > 0 && is_word(start - 1)) {
                    continue;
                }
                let start = start - usize::from(hash);
                if out.iter().any(|(a, z, _)| *a <= start && start < *z) {
                    continue;
                }
                let n = lower[e - s..e].parse().unwrap_or(u32::MAX);
                out.push((start, e + tail.len(), vec![n]));
            }
        }
    }
    out.sort_unstable();
    out
}

/// The number of numbered markers on a step's screenshot, if it has a screenshot.
fn markers(s: &Step) -> Option<usize> {
    let img = s.image.as_ref().filter(|i| i.src.is_some())?;
    Some(
        img.callouts
            .iter()
            .filter(|c| matches!(c.shape, CalloutShape::Marker(..)))
            .count(),
    )
}

impl Rule for UnknownCallout {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let sources = &site.project.sources;
        for rg in &site.guides {
            for t in rg.texts() {
                let Some(step) = t.step else {
                    continue;
                };
                let text = t.text.value.as_str();
                if !text.bytes().any(|c| c.is_ascii_digit()) {
                    continue;
                }
                for (s, e, numbers) in mentions(text) {
                    let count = markers(step);
                    let Some(&n) = numbers
                        .iter()
                        .find(|n| count.is_none_or(|c| **n == 0 || **n as usize > c))
                    else {
                        continue;
                    };
                    let (span, _) = sub_span(sources, t.text, s, e);
                    let said = &text[s..e];
                    let (message, help) = match count {
                        None => (
                            format!("\"{said}\" points at a callout, but this step has no screenshot"),
                            "add the screenshot with its markers (`image: {src, alt, callouts}`), or describe the control in words".to_owned(),
                        ),
                        Some(0) => (
                            format!("\"{said}\" points at callout {n}, but this step's screenshot has no numbered markers"),
                            "add a `{marker: [x, y]}` callout to the image, or describe the control in words; boxes and arrows have no number".to_owned(),
                        ),
                        Some(c) => (
                            format!(
                                "\"{said}\" points at callout {n}, but this step's screenshot has {c} numbered marker{}",
                                if c == 1 { "" } else { "s" }
                            ),
                            format!(
                                "use a number from 1 to {c} (markers are numbered in the order of `callouts`), or add the marker"
                            ),
                        ),
                    };
                    out.push(Diagnostic::new(CODE, span, message).help(help));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::mentions;
    use crate::check::rules::testing::{PRODUCT, findings};

    fn found(t: &str) -> Vec<(&str, Vec<u32>)> {
        mentions(t)
            .into_iter()
            .map(|(s, e, n)| (&t[s..e], n))
            .collect()
    }

    #[test]
    fn callout_numbers_in_text() {
        assert_eq!(
            found("Tap the button marked #4, then callouts 1 and 2 (see 3 in the picture)."),
            [
                ("marked #4", vec![4]),
                ("callouts 1 and 2", vec![1, 2]),
                ("3 in the picture", vec![3]),
            ]
        );
        assert_eq!(
            found("Marker 2-3; #5 on the screenshot"),
            [
                ("Marker 2-3", vec![2, 3]),
                ("#5 on the screenshot", vec![5])
            ]
        );
        assert!(
            found("It is marked as read. Step 3 in the image. Remarked 4. The 2nd callout").len()
                == 1
        );
    }

    #[test]
    fn numbers_past_the_markers_or_without_a_screenshot() {
        let guide = "title: How to sign out\nsummary: X.\nsteps:\n  web:\n    - open: settings\n      detail: Tap the gear marked 1.\n    - click: sign-out\n      detail: Callout 1 is the menu; the button is marked 3.\n      image:\n        src: a.png\n        alt: The settings page\n        callouts:\n          - {box: [1, 1, 5, 5]}\n          - {marker: [4, 4]}\n          - {marker: [8, 8]}\ntips:\n  - The button marked 9 is in the first picture.\n";
        let f = findings(
            super::CODE,
            &[
                ("demo/product.yaml", PRODUCT),
                ("demo/g.yaml", guide),
                ("demo/a.png", ""),
            ],
        );
        let msgs: Vec<&str> = f.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "\"marked 1\" points at a callout, but this step has no screenshot",
                "\"marked 3\" points at callout 3, but this step's screenshot has 2 numbered markers",
            ]
        );
    }
}
