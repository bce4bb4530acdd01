//! `menu-path`: a menu path written in text ("Settings > Privacy") whose parts are not
//! glossary labels, or not in the order the glossary's screens give.

use super::rule::{Rule, RuleConfig};
use crate::check::text::sub_span;
use crate::diag::suggest::did_you_mean;
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::{Control, PerPlatform, Product};
use crate::resolve::Resolved;

/// The `menu-path` rule.
pub(super) struct MenuPath;

const SEPARATORS: &[&str] = &[" > ", " › ", " → ", " -> "];

fn labels(c: &Control) -> Vec<&str> {
    match &c.label {
        PerPlatform::All(l) => vec![l.value.as_str()],
        PerPlatform::Each(list) => list.iter().map(|(_, l)| l.value.as_str()).collect(),
    }
}

fn control_by_label<'p>(product: &'p Product, label: &str) -> Option<&'p Control> {
    product
        .glossary
        .iter()
        .find(|c| labels(c).iter().any(|l| l.eq_ignore_ascii_case(label)))
}

const CONNECTORS: &[&str] = &["and", "or", "of", "&", "the", "in", "on", "for", "a"];

fn capitalised(word: &str) -> bool {
    word.trim_matches(|c: char| c == '*' || c == '_')
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Byte ranges of words in `line[s..e]`.
fn words(line: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line[s..e].char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(s + i),
            (true, Some(st)) => {
                out.push((st, s + i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, e));
    }
    out
}

/// The run of label-like words (capitalised, with connectors inside) at the end
/// (`from_end`) or start of `line[s..e]`.
fn label_run(line: &str, s: usize, e: usize, from_end: bool) -> Option<(usize, usize)> {
    let mut ws = words(line, s, e);
    if from_end {
        ws.reverse();
    }
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (i, &(a, b)) in ws.iter().enumerate() {
        let w = &line[a..b];
        let next_cap = ws
            .get(i + 1)
            .is_some_and(|&(x, y)| capitalised(&line[x..y]));
        if capitalised(w)
            || (!taken.is_empty() && CONNECTORS.contains(&w) && (next_cap || !from_end))
        {
            taken.push((a, b));
        } else {
            break;
        }
    }
    // A trailing connector is not part of the label, nor is a leading instruction verb.
    let verb = |w: &str| super::ACTION_VERBS.contains(&w.trim_matches('*').to_lowercase().as_str());
    while taken
        .last()
        .is_some_and(|&(a, b)| CONNECTORS.contains(&&line[a..b]) || (from_end && verb(&line[a..b])))
    {
        taken.pop();
    }
    let (first, last) = (taken.first()?, taken.last()?);
    let (s, e) = if from_end {
        (last.0, first.1)
    } else {
        (first.0, last.1)
    };
    let raw = &line[s..e];
    let inner = raw.trim_matches(|c: char| c == '*' || c == '_');
    let off = raw.find(inner).unwrap_or(0);
    Some((s + off, s + off + inner.len()))
}

/// A placeholder (`[your profile]`, perhaps in bold) at the end (`from_end`) or start of
/// `line[s..e]`, with its brackets.
fn placeholder_run(line: &str, s: usize, e: usize, from_end: bool) -> Option<(usize, usize)> {
    let piece = &line[s..e];
    let trimmed = piece.trim().trim_matches(|c: char| c == '*' || c == '_');
    let off = s + piece.find(trimmed)?;
    let (a, b) = if from_end {
        let open = trimmed.rfind('[')?;
        trimmed.ends_with(']').then_some((open, trimmed.len()))?
    } else {
        let close = trimmed.find(']')?;
        trimmed.starts_with('[').then_some((0, close + 1))?
    };
    (b - a > 2).then_some((off + a, off + b))
}

/// The longest run of words at the end (`from_end`) or start of `line[s..e]` that is one
/// of `labels` (ignoring case and `**`).
fn label_match(
    line: &str,
    s: usize,
    e: usize,
    from_end: bool,
    labels: &[&str],
) -> Option<(usize, usize)> {
    let ws = words(line, s, e);
    let n = ws.len();
    for len in (1..=n).rev() {
        let (a, b) = if from_end {
            (ws[n - len].0, ws[n - 1].1)
        } else {
            (ws[0].0, ws[len - 1].1)
        };
        let raw = &line[a..b];
        let inner = raw.trim_matches(|c: char| c == '*' || c == '_');
        if labels.iter().any(|l| l.eq_ignore_ascii_case(inner)) {
            let off = raw.find(inner).unwrap_or(0);
            return Some((a + off, a + off + inner.len()));
        }
    }
    None
}

/// Whether `text` may hold a menu path (a cheap test before [`paths`]).
pub(super) fn has_separator(text: &str) -> bool {
    SEPARATORS.iter().any(|s| text.contains(s))
}

/// Menu paths in `text`: the byte ranges of their parts.
pub(super) fn paths(text: &str, labels: &[&str]) -> Vec<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    let mut base = 0;
    for line in text.split('\n') {
        if let Some(sep) = SEPARATORS.iter().find(|s| line.contains(*s)) {
            let pieces: Vec<(usize, usize)> = line
                .split(sep)
                .scan(0usize, |pos, p| {
                    let s = *pos;
                    *pos += p.len() + sep.len();
                    Some((s, s + p.len()))
                })
                .collect();
            let n = pieces.len();
            let mut parts = Vec::new();
            for (i, &(s, mut e)) in pieces.iter().enumerate() {
                if let Some(j) = line[s..e].find([',', '.', ';', ')', '"', '\u{201d}']) {
                    e = s + j;
                }
                let from_end = i == 0;
                let run = label_match(line, s, e, from_end, labels)
                    .or_else(|| placeholder_run(line, s, e, from_end))
                    .or_else(|| label_run(line, s, e, from_end))
                    .filter(|_| i < n);
                match run {
                    Some((a, b)) => parts.push((base + a, base + b)),
                    None => break,
                }
            }
            if parts.len() >= 2 {
                out.push(parts);
            }
        }
        base += line.len() + 1;
    }
    out
}

static META: RuleMeta = RuleMeta {
    id: "menu-path",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A written menu path (`Settings > Privacy`) does not match the glossary.",
    doc: RuleDoc {
        explanation: "Reports a menu path written in text (\"Settings > Privacy > Sign out\", with `>`, `›` or `→`) when a part is not the label of a glossary control, or when the parts are out of order (a control listed before the screen the glossary puts it on). Written paths are where renamed menus hide; better still, write each part as its own step on a glossary key.",
        bad: "- do: Go to Settings > Privasy.",
        good: "- open: settings\n- scroll-to: privacy",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for MenuPath {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for rg in &site.guides {
            let Some(product) = rg.product else { continue };
            let all_labels: Vec<&str> = product.glossary.iter().flat_map(labels).collect();
            for t in rg.texts() {
                let text = &t.text.value;
                for parts in paths(text, &all_labels) {
                    let mut previous: Option<&Control> = None;
                    for &(s, e) in &parts {
                        let part = &text[s..e];
                        let (span, _) = sub_span(&site.project.sources, t.text, s, e);
                        match control_by_label(product, part) {
                            None if part.starts_with('[') => {
                                let declared: Vec<&str> = all_labels
                                    .iter()
                                    .copied()
                                    .filter(|l| l.starts_with('['))
                                    .collect();
                                let help = match did_you_mean(part, declared.iter().copied()) {
                                    Some(l) => format!("did you mean \"{l}\"?"),
                                    None => "declare it in the glossary: a control whose `label` is the placeholder, such as `label: \"[your profile]\"`".into(),
                                };
                                out.push(
                                    Diagnostic::new(
                                        CODE,
                                        span,
                                        format!(
                                            "\"{part}\" in this menu path is not a placeholder of the glossary"
                                        ),
                                    )
                                    .help(help),
                                );
                            }
                            None => {
                                let help = match did_you_mean(part, all_labels.iter().copied()) {
                                    Some(l) => format!("did you mean \"{l}\"?"),
                                    None => "add the control to the glossary, or write the path as steps".into(),
                                };
                                out.push(
                                    Diagnostic::new(
                                        CODE,
                                        span,
                                        format!(
                                            "\"{part}\" in this menu path is not a glossary label"
                                        ),
                                    )
                                    .help(help),
                                );
                            }
                            Some(c) => {
                                // A part whose screen comes later in the path is out of order.
                                if let Some(screen) = previous.and_then(|p| p.screen.as_ref())
                                    && screen.value == c.key.value
                                {
                                    out.push(
                                        Diagnostic::new(
                                            CODE,
                                            span,
                                            format!("\"{part}\" comes before the controls on it, not after"),
                                        )
                                        .help("write the path from the outside in: screen first, then what is on it"),
                                    );
                                }
                                previous = Some(c);
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::paths;
    use crate::check::rules::testing::{PRODUCT, findings};

    fn parts(t: &str) -> Vec<Vec<&str>> {
        paths(
            t,
            &["Account", "Privacy and Security", "Sign out of all devices"],
        )
        .iter()
        .map(|p| p.iter().map(|&(s, e)| &t[s..e]).collect())
        .collect()
    }

    #[test]
    fn finds_parts() {
        assert_eq!(
            parts("Go to Settings > Privacy, then stop."),
            [vec!["Settings", "Privacy"]]
        );
        assert_eq!(
            parts("Open **Settings** › **Privacy**."),
            [vec!["Settings", "Privacy"]]
        );
        assert_eq!(
            parts("Open Account > Privacy and Security > Sign out of all devices now"),
            [vec![
                "Account",
                "Privacy and Security",
                "Sign out of all devices"
            ]]
        );
        assert!(parts("if a > b then").is_empty());
        assert_eq!(
            parts("Go to Account > [your profile] > **Privacy and Security**."),
            [vec!["Account", "[your profile]", "Privacy and Security"]]
        );
        assert_eq!(
            parts("Open [your profile] > Account"),
            [vec!["[your profile]", "Account"]]
        );
    }

    #[test]
    fn unknown_parts_and_order() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - do: \"Go to: Settings > Privasy\"\n    - do: \"Path: Privacy > Settings\"\n    - do: \"Path: Settings > Privacy\"\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        let msgs: Vec<&str> = f.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "\"Privasy\" in this menu path is not a glossary label",
                "\"Settings\" comes before the controls on it, not after"
            ],
            "{f:#?}"
        );
    }

    #[test]
    fn placeholders_in_paths_are_glossary_labels() {
        let product = format!("{PRODUCT}  profile: {{role: button, label: \"[your profile]\"}}\n");
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - do: \"Go to Settings > [your profile] > Privacy\"\n    - do: \"Go to Settings > [you profile] > Privacy\"\n    - tap: profile\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", &product), ("demo/g.yaml", guide)],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].message,
            "\"[you profile]\" in this menu path is not a placeholder of the glossary"
        );
        assert_eq!(
            f[0].help.as_deref(),
            Some("did you mean \"[your profile]\"?")
        );
    }
}
