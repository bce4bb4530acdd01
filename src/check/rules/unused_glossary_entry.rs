//! `unused-glossary-entry`: a control that no guide uses (as a target, a confirmation or
//! another control's screen).

use std::collections::{HashMap, HashSet};

use super::rule::{Rule, RuleConfig};
use crate::diag::suggest::did_you_mean;
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::{Project, Target};
use crate::resolve::Resolved;

/// The `unused-glossary-entry` rule.
pub(super) struct UnusedGlossaryEntry;

static META: RuleMeta = RuleMeta {
    id: "unused-glossary-entry",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A glossary control is not used by any guide.",
    doc: RuleDoc {
        explanation: "Reports a glossary control that no guide of its product uses as a target or confirmation and no other control names as its `screen`. Unused entries are usually left over from a removed guide or a renamed key; they make the glossary harder to trust. Remove the entry, or use it. A guide file with an error counts every glossary key written in it as used, and a misspelt key counts as the control it most likely means, so a typo is one error rather than an error and an unused control.",
        bad: "glossary:\n  old-settings: {role: button, label: Preferences}   # used nowhere",
        good: "glossary:\n  settings: {role: button, label: Settings}   # used by guides",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for UnusedGlossaryEntry {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let project = site.project;
        let glossaries: HashMap<&str, HashSet<&str>> = project
            .products
            .iter()
            .map(|p| {
                let keys = p.glossary.iter().map(|c| c.key.value.as_str()).collect();
                (p.key.as_str(), keys)
            })
            .collect();
        // `(product, key)` of every control some guide or control names.
        let mut used: HashSet<(&str, &str)> = HashSet::new();
        for g in &project.guides {
            for s in g.written_steps() {
                for t in s.target.iter().chain(s.confirm.iter()) {
                    if let Target::Key(k) = t {
                        used.insert(meant(&glossaries, &g.product, &k.value));
                    }
                }
            }
        }
        for product in &project.products {
            for c in &product.glossary {
                if let Some(s) = &c.screen {
                    used.insert((product.key.as_str(), s.value.as_str()));
                }
            }
        }
        let blind = read_incomplete(project, &mut used);
        for product in &project.products {
            if blind.contains(product.key.as_str()) {
                continue;
            }
            for c in &product.glossary {
                if !used.contains(&(product.key.as_str(), c.key.value.as_str())) {
                    out.push(
                        Diagnostic::new(
                            CODE,
                            c.key.span,
                            format!("no guide uses the control `{}`", c.key.value),
                        )
                        .help("remove it from the glossary, or use it in a step"),
                    );
                }
            }
        }
    }
}

/// The control a target key of a guide of `product` names, as `(product, key)`. A key the
/// glossary lacks is an error of its own; when it is a misspelling of a control (or of a
/// product), that control counts as used, or fixing the typo would be two fixes.
fn meant<'a>(
    glossaries: &HashMap<&'a str, HashSet<&'a str>>,
    product: &'a str,
    key: &'a str,
) -> (&'a str, &'a str) {
    let (p, k) = key.split_once(':').unwrap_or((product, key));
    let p = match glossaries.get_key_value(p) {
        Some((p, _)) => *p,
        None => did_you_mean(p, glossaries.keys().copied()).unwrap_or(p),
    };
    let k = match glossaries.get(p) {
        Some(keys) if !keys.contains(k) => did_you_mean(k, keys.iter().copied()).unwrap_or(k),
        _ => k,
    };
    (p, k)
}

/// Counts as used every word that looks like a glossary key in a guide file whose loading
/// reported an error: the model may lack the steps that use it (a guide with a YAML syntax
/// error is not read at all), and the word is there in the text. Returns the products with
/// a guide file whose text is not known at all (too large to read), whose unused controls
/// cannot be told.
fn read_incomplete<'p>(
    project: &'p Project,
    used: &mut HashSet<(&'p str, &'p str)>,
) -> HashSet<&'p str> {
    let mut blind = HashSet::new();
    for inc in &project.incomplete {
        let text = project.sources.get(inc.file).text.as_str();
        let product = inc.product.as_str();
        if text.is_empty() && !inc.loaded {
            blind.insert(product);
        }
        let words = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':')))
            .filter(|w| !w.is_empty());
        for w in words {
            used.insert((product, w));
            if let Some((p, k)) = w.split_once(':') {
                used.insert((p, k));
                used.insert((product, p));
                used.insert((product, k));
            }
        }
    }
    blind
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::{PRODUCT, findings};

    #[test]
    fn unused_controls_are_reported() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - open: settings\n    - click: sign-out\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        let keys: Vec<&str> = f.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            keys,
            [
                "no guide uses the control `privacy`",
                "no guide uses the control `menu`"
            ]
        );
    }
}
