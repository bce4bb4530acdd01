//! `quoted-label-mismatch`: free text that quotes or bolds a UI label its platform does not
//! show ("Tap **Acount**", or the apps' "Security and Privacy" in a web step), usually a
//! typo, a copy from another platform, or a label written from memory.

use super::rule::{Rule, RuleConfig};
use std::collections::HashMap;

use crate::check::labels::{Closeness, Entry, Labels, Places, and_list};
use crate::check::text::{Text, quoted_labels, sub_span};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::{Control, Platform};
use crate::resolve::Resolved;

/// The `quoted-label-mismatch` rule.
pub(super) struct QuotedLabelMismatch;

static META: RuleMeta = RuleMeta {
    id: "quoted-label-mismatch",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "Free text quotes or bolds a UI label that is not the label on its platform.",
    doc: RuleDoc {
        explanation: "Reports a phrase in bold or in quotes inside any free text of a guide (an instruction, detail, note, warning, result, choice, tip, troubleshooting entry, outcome, intro, goal, guide note, image alt text or free-text target) that is the label of no control on the text's platform but matches one up to letter case, word order, punctuation, `and` versus `&`, or a few letters. The message names the control and its real label on that platform: a step's platforms, or for guide-level text every platform of the guide. A label that is right on another platform but not on this one (the apps' \"Security and Privacy\" in a web step, where the website says \"Privacy and Security\") is reported too. Placeholders (`[your profile]`), labels of the products in `uses`, and emphasis that is close to no label are left alone. `--fix` writes the real label when the text is read on platforms that agree on it; better still, make it a step on the glossary key, so the label cannot drift.",
        bad: "web:\n  - do: Open **Security and Privacy**.",
        good: "web:\n  - scroll-to: privacy-security",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

/// One control a phrase was matched with, its label on some of the text's platforms.
struct Meant<'p> {
    control: &'p Control,
    label: &'p str,
    platforms: Vec<&'p Platform>,
    how: Closeness,
}

impl Rule for QuotedLabelMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let indexes = Labels::per_product(site.project);
        // The same emphasis recurs across thousands of guides: match each phrase once per
        // product and platform.
        let mut memo: Memo<'_> = HashMap::new();
        for rg in &site.guides {
            let Some(index) = rg.product.and_then(|p| indexes.get(p.key.as_str())) else {
                continue;
            };
            let mut places = None;
            for t in rg.texts() {
                let text = &t.text.value;
                let phrases = quoted_labels(text);
                if phrases.is_empty() {
                    continue;
                }
                let places = places.get_or_insert_with(|| Places::of(rg));
                let (platforms, guide_level) = places.of_text(t, rg.guide);
                if platforms.is_empty() {
                    continue;
                }
                // Parts of a menu path that are no label at all are `menu-path`'s to report.
                let path_parts: Vec<(usize, usize)> = if super::menu_path::has_separator(text) {
                    super::menu_path::paths(text, &index.all())
                        .into_iter()
                        .flatten()
                        .collect()
                } else {
                    Vec::new()
                };
                for (s, e) in phrases {
                    // "Account," inside quotes is punctuation of the sentence.
                    let e = s + text[s..e]
                        .trim_end_matches([',', '.', ';', ':', '!', '?'])
                        .len();
                    let phrase = Phrase { s, e, guide_level };
                    let index = Index {
                        labels: index,
                        product: rg.product.map_or("", |p| p.key.as_str()),
                    };
                    if let Some(d) =
                        finding(site, &index, &mut memo, t, &phrase, &platforms, &path_parts)
                    {
                        out.push(d);
                    }
                }
            }
        }
    }
}

/// A quoted or bold phrase: its byte range in the text, and whether the text is
/// guide-level.
struct Phrase {
    s: usize,
    e: usize,
    guide_level: bool,
}

/// Closest controls found, by product key, phrase and platform id.
type Memo<'p> = HashMap<(&'p str, String, &'p str), Option<(Entry<'p>, Closeness)>>;

/// A product's labels, with the product's key.
struct Index<'a, 'p> {
    labels: &'a Labels<'p>,
    product: &'p str,
}

/// The finding about one phrase of `t`, read on `platforms`, if it is wrong there.
fn finding<'p>(
    site: &Resolved<'p>,
    at_index: &Index<'_, 'p>,
    memo: &mut Memo<'p>,
    t: &Text<'_>,
    at: &Phrase,
    platforms: &[&'p Platform],
    path_parts: &[(usize, usize)],
) -> Option<Diagnostic> {
    let (s, e, guide_level) = (at.s, at.e, at.guide_level);
    let index = at_index.labels;
    let phrase = &t.text.value[s..e];
    if phrase.is_empty() || index.is_used_label(phrase) {
        return None;
    }
    let right = |p: &&Platform| index.is_label_on(phrase, &p.id);
    let wrong: Vec<&Platform> = if guide_level {
        if platforms.iter().any(right) {
            return None;
        }
        platforms.to_vec()
    } else {
        platforms.iter().copied().filter(|p| !right(p)).collect()
    };
    if wrong.is_empty() || index.is_former_anywhere(phrase) {
        return None;
    }
    if !index.is_label_anywhere(phrase) && path_parts.iter().any(|&(a, b)| a <= s && e <= b) {
        return None;
    }
    let meant = meant_on(at_index, memo, phrase, &wrong);
    let (span, exact) = sub_span(&site.project.sources, t.text, s, e);
    let names =
        |ps: &[&Platform]| and_list(&ps.iter().map(|p| p.name.as_str()).collect::<Vec<_>>());
    if meant.is_empty() {
        return not_here(index, phrase, span, &names(&wrong), wrong.len());
    }
    let real: Vec<String> = meant
        .iter()
        .map(|m| {
            format!(
                "`{}` is \"{}\" on {}",
                m.control.key.value,
                m.label,
                names(&m.platforms)
            )
        })
        .collect();
    let elsewhere = meant
        .iter()
        .find(|m| m.how == Closeness::OtherPlatform)
        .map(|m| {
            let on: Vec<&str> = platforms_with(m.control, phrase, site);
            format!(" (\"{phrase}\" is its label on {})", and_list(&on))
        })
        .unwrap_or_default();
    let where_ = if guide_level {
        format!("any platform of this guide ({})", names(platforms))
    } else {
        names(&wrong)
    };
    let mut d = Diagnostic::new(
        CODE,
        span,
        format!(
            "\"{phrase}\" is not a label on {where_}: {}{elsewhere}",
            and_list(&real.iter().map(String::as_str).collect::<Vec<_>>())
        ),
    );
    match meant.as_slice() {
        [m] if wrong.len() == platforms.len() => {
            d = d.help(format!(
                "write \"{}\"; better, make it a step on `{}`, so the label cannot drift",
                m.label, m.control.key.value
            ));
            if exact {
                d = d.fix(span, m.label);
            }
        }
        [m, ..] => {
            d = d.help(format!(
                "this text is read on {}, whose labels differ: make it a step on `{}`, which shows each platform its own label, or write the text per platform",
                names(platforms),
                m.control.key.value
            ));
        }
        [] => {}
    }
    Some(d)
}

/// The finding about `phrase` when it is the label of a control that none of the `count`
/// platforms `names` has.
fn not_here(
    index: &Labels<'_>,
    phrase: &str,
    span: crate::source::Span,
    names: &str,
    count: usize,
) -> Option<Diagnostic> {
    let other = index.with_lower(phrase).next()?;
    Some(
        Diagnostic::new(
            CODE,
            span,
            format!(
                "\"{phrase}\" is a label of `{}`, which {names} {} not have",
                other.control.key.value,
                if count == 1 { "does" } else { "do" },
            ),
        )
        .help("name a control of this platform, or move the sentence to the steps of the platform that has it"),
    )
}

/// The controls `phrase` most likely means on each of `platforms`, grouped by control and
/// label.
fn meant_on<'p>(
    index: &Index<'_, 'p>,
    memo: &mut Memo<'p>,
    phrase: &str,
    platforms: &[&'p Platform],
) -> Vec<Meant<'p>> {
    let mut meant: Vec<Meant<'p>> = Vec::new();
    for p in platforms {
        let found = *memo
            .entry((index.product, phrase.to_owned(), p.id.as_str()))
            .or_insert_with(|| index.labels.closest_on(phrase, &p.id));
        let Some((entry, how)) = found else {
            continue;
        };
        match meant
            .iter_mut()
            .find(|m| std::ptr::eq(m.control, entry.control) && m.label == entry.label.value)
        {
            Some(m) => m.platforms.push(p),
            None => meant.push(Meant {
                control: entry.control,
                label: &entry.label.value,
                platforms: vec![p],
                how,
            }),
        }
    }
    meant
}

/// The display names of the platforms whose label of `control` is `phrase`.
fn platforms_with<'s>(control: &Control, phrase: &str, site: &'s Resolved<'_>) -> Vec<&'s str> {
    site.project
        .site
        .platforms
        .iter()
        .filter(|p| control.exists_on(&p.id))
        .filter(|p| {
            control
                .label
                .get(&p.id)
                .is_some_and(|l| l.value.eq_ignore_ascii_case(phrase))
        })
        .map(|p| p.name.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::{PRODUCT, findings};

    #[test]
    fn misspelt_bold_label_is_reported_known_ones_are_not() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - do: Open **Setings** and **Privacy**.\n    - click: sign-out\n      note: Emphasis like **Never** share it is fine.\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].message,
            "\"Setings\" is not a label on Web: `settings` is \"Settings\" on Web"
        );
        assert_eq!(f[0].span.start.col, 18);
        assert_eq!(f[0].fix.as_ref().unwrap().replacement, "Settings");
    }

    /// Per-platform labels as in the Netflix apps, a placeholder, a product in `uses`.
    const APPS: &str = "name: Demo\nuses: [idp]\nglossary:\n  account: {role: menu-item, label: Account}\n  privacy:\n    role: section\n    label:\n      web: Privacy and Security\n      android, ios: Security and Privacy\n    labels_differ: The apps use another order.\n  profile: {role: button, label: \"[your profile]\"}\n  log-out: {role: button, label: Log out, on: [android, ios]}\n";
    const IDP: &str = "name: Idp\nglossary:\n  verify: {role: button, label: Verify}\n";

    fn run(guide: &str) -> Vec<crate::diag::Diagnostic> {
        findings(
            super::CODE,
            &[
                ("site.yaml", "terminology:\n  sign out: [log out]\n"),
                ("demo/product.yaml", APPS),
                ("idp/product.yaml", IDP),
                ("demo/g.yaml", guide),
            ],
        )
    }

    #[test]
    fn a_label_right_on_another_platform_is_wrong_here() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - select: account\n      result: You see **Security and Privacy**.\n  android, ios:\n    - select: account\n      result: You see **Security and Privacy**.\n";
        let f = run(guide);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].message,
            "\"Security and Privacy\" is not a label on Web: `privacy` is \"Privacy and Security\" on Web (\"Security and Privacy\" is its label on Android and iOS)"
        );
        assert_eq!((f[0].span.start.line, f[0].span.start.col), (6, 25));
        assert_eq!(
            f[0].fix.as_ref().unwrap().replacement,
            "Privacy and Security"
        );
    }

    #[test]
    fn a_shared_step_is_right_only_if_every_platform_shows_the_label() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web, android:\n    - select: account\n      note: Look for **Privacy and Security**.\n";
        let f = run(guide);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.starts_with("\"Privacy and Security\" is not a label on Android: `privacy` is \"Security and Privacy\" on Android"),
            "{}",
            f[0].message
        );
        // Replacing it would break the web: no fix, the help says why.
        assert!(f[0].fix.is_none());
        assert!(f[0].help.as_deref().unwrap().contains("Web and Android"));
    }

    #[test]
    fn guide_level_text_may_use_any_platforms_label_and_names_them_all_when_wrong() {
        let ok = "title: How to x\nsummary: X.\nintro: Find **Privacy and Security** on the web, **Security and Privacy** in the apps.\nsteps:\n  web, android:\n    - select: account\n";
        assert!(run(ok).is_empty(), "{:#?}", run(ok));
        let guide = "title: How to x\nsummary: X.\ntroubleshooting:\n  - problem: It fails.\n    solution: Open **Privacy & Security** again.\nsteps:\n  web, android:\n    - select: account\n";
        let f = run(guide);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].message,
            "\"Privacy & Security\" is not a label on any platform of this guide (Web and Android): `privacy` is \"Privacy and Security\" on Web and `privacy` is \"Security and Privacy\" on Android"
        );
    }

    #[test]
    fn every_text_field_is_read() {
        let guide = "title: How to x\nsummary: X.\nintro: Open **Acount**.\ngoals:\n  web: Open **Acount**.\nnotes: [Open **Acount**.]\nwarnings: [Open **Acount**.]\ntips: [Open **Acount**.]\noutcome: Open **Acount**.\ntroubleshooting:\n  - problem: Open **Acount**.\n    solution: Open **Acount**.\nsteps:\n  web:\n    - select: account\n      detail: Open **Acount**.\n      note: Open **Acount**.\n      warning: Open **Acount**.\n      result: Open **Acount**.\n      image: {src: a.png, alt: Open \"Acount\"}\n    - tap: the \"Acount\" link\n";
        let f = run(guide);
        let lines: Vec<u32> = f.iter().map(|d| d.span.start.line).collect();
        assert_eq!(
            lines,
            [3, 5, 6, 7, 8, 9, 11, 12, 16, 17, 18, 19, 20, 21],
            "{f:#?}"
        );
    }

    #[test]
    fn placeholders_uses_real_labels_and_plain_emphasis_pass() {
        // "Log out" is a real label even though the site prefers "sign out"; "Verify"
        // is the label of a product this one uses; "Important" is close to no label.
        let guide = "title: How to x\nsummary: X.\nsteps:\n  android:\n    - tap: profile\n      note: Tap **[your profile]**, then **Log out**. **Important**: tap \"Verify\", then \"Account,\" again.\n";
        let f = run(guide);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_label_of_a_control_the_platform_lacks() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - select: account\n      note: Then **Log out**.\n";
        let f = run(guide);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].message,
            "\"Log out\" is a label of `log-out`, which Web does not have"
        );
    }

    #[test]
    fn a_step_on_another_device_is_checked_against_that_device() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  android:\n    - select: account\n      on: web\n      note: Then **Privacy and Security**.\n";
        assert!(run(guide).is_empty(), "{:#?}", run(guide));
    }

    #[test]
    fn menu_path_parts_that_are_no_label_are_left_to_menu_path() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - do: Go to **Acount** > **Privacy and Security**.\n";
        assert!(run(guide).is_empty(), "{:#?}", run(guide));
    }
}
