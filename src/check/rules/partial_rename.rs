//! `partial-rename`: a control renamed on some platforms while another platform still
//! shows the old label (the `was` of the web lists the label Android still has). Either
//! the rename has yet to reach that platform's label, or the difference is real and
//! `labels_differ` says why.

use super::rule::{Rule, RuleConfig};
use crate::check::labels::and_list;
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::{Control, PerPlatform, Site};
use crate::resolve::Resolved;
use crate::source::{Span, Spanned};

/// The `partial-rename` rule.
pub(super) struct PartialRename;

static META: RuleMeta = RuleMeta {
    id: "partial-rename",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A control was renamed on some platforms while another still shows the former label.",
    doc: RuleDoc {
        explanation: "Reports a glossary control whose label on one platform is a former label (`was:`) of the same control on another platform: the rename reached the web, say, but the Android label still says what the web used to. Usually the apps were renamed too and their label was not updated; if they really keep the old wording, say why with `labels_differ: <reason>` on the control.",
        bad: "devices:\n  role: link\n  label:\n    web: Devices\n    android, ios: Manage Devices\n  was:\n    web: Manage Devices",
        good: "devices:\n  role: link\n  label: Devices\n  was: [Manage Devices]",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for PartialRename {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for product in &site.project.products {
            for control in &product.glossary {
                if control.labels_differ.is_none() {
                    check_control(&site.project.site, control, out);
                }
            }
        }
    }
}

/// The platforms whose former labels include `label` while their label is another.
pub(super) fn renamed_from<'c>(
    control: &'c Control,
    label: &str,
) -> Vec<(
    &'c Spanned<String>,
    &'c Spanned<String>,
    &'c Spanned<String>,
)> {
    let PerPlatform::Each(list) = &control.label else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (platform, now) in list {
        if now.value.eq_ignore_ascii_case(label) {
            continue;
        }
        if let Some(former) = control
            .former(&platform.value)
            .iter()
            .find(|f| f.value.eq_ignore_ascii_case(label))
        {
            out.push((platform, now, former));
        }
    }
    out
}

fn check_control(site: &Site, control: &Control, out: &mut Vec<Diagnostic>) {
    let PerPlatform::Each(list) = &control.label else {
        return;
    };
    let name = |id: &str| site.platform(id).map_or(id.to_owned(), |p| p.name.clone());
    let mut said: Vec<Span> = Vec::new();
    for (_, old) in list {
        if said.contains(&old.span) {
            continue;
        }
        let renamed = renamed_from(control, &old.value);
        if renamed.is_empty() {
            continue;
        }
        said.push(old.span);
        // Every platform that shows the old label (a key may list several).
        let still: Vec<String> = list
            .iter()
            .filter(|(_, l)| l.value == old.value)
            .map(|(p, _)| name(&p.value))
            .collect();
        let mut news: Vec<(&str, Vec<String>, Span)> = Vec::new();
        for (p, now, _) in &renamed {
            match news.iter_mut().find(|(l, _, _)| *l == now.value) {
                Some((_, ps, _)) => ps.push(name(&p.value)),
                None => news.push((&now.value, vec![name(&p.value)], now.span)),
            }
        }
        let to: Vec<String> = news
            .iter()
            .map(|(l, ps, _)| {
                let ps: Vec<&str> = ps.iter().map(String::as_str).collect();
                format!("\"{l}\" on {}", and_list(&ps))
            })
            .collect();
        let still: Vec<&str> = still.iter().map(String::as_str).collect();
        let to: Vec<&str> = to.iter().map(String::as_str).collect();
        let verb = if still.len() == 1 { "says" } else { "say" };
        let mut d = Diagnostic::new(
            CODE,
            old.span,
            format!(
                "`{}` was renamed from \"{}\" to {}, but {} still {verb} \"{}\"",
                control.key.value,
                renamed[0].2.value,
                and_list(&to),
                and_list(&still),
                old.value
            ),
        )
        .help(format!(
            "if {} {} renamed too, change this label to \"{}\"; if {} really {} the old wording, say why with `labels_differ: <reason>` on `{}`",
            and_list(&still),
            if still.len() == 1 { "was" } else { "were" },
            news[0].0,
            if still.len() == 1 { "it" } else { "they" },
            if still.len() == 1 { "keeps" } else { "keep" },
            control.key.value
        ))
        .related(renamed[0].2.span, "recorded as the former label here");
        for (l, ps, span) in &news {
            let ps: Vec<&str> = ps.iter().map(String::as_str).collect();
            d = d.related(*span, format!("\"{l}\" on {}", and_list(&ps)));
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::findings;

    fn run(control: &str) -> Vec<crate::diag::Diagnostic> {
        let product = format!("name: Demo\nglossary:\n  devices:\n    role: link\n{control}");
        let guide =
            "title: How to x\nsummary: X.\nsteps:\n  web, android, ios:\n    - press: devices\n";
        findings(
            super::CODE,
            &[("demo/product.yaml", &product), ("demo/g.yaml", guide)],
        )
    }

    #[test]
    fn a_rename_on_one_platform_is_reported_where_the_old_label_stays() {
        let f = run(
            "    label:\n      web: Devices\n      android, ios: Manage Devices\n    was:\n      web: Manage Devices\n",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].message,
            "`devices` was renamed from \"Manage Devices\" to \"Devices\" on Web, but Android and iOS still say \"Manage Devices\""
        );
        assert_eq!((f[0].span.start.line, f[0].span.start.col), (7, 21));
        // One `was` for every platform reads the same way.
        let f = run(
            "    label:\n      web: Devices\n      android, ios: Manage Devices\n    was: [Manage Devices]\n",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn complete_renames_and_acknowledged_differences_pass() {
        assert!(run("    label: Devices\n    was: [Manage Devices]\n").is_empty());
        assert!(
            run("    label:\n      web: Devices\n      android, ios: Manage Devices\n    was:\n      web: Manage Devices\n    labels_differ: The apps keep the old name until their next release.\n")
                .is_empty()
        );
        assert!(
            run("    label:\n      web: Devices\n      android, ios: Your devices\n    was:\n      web: Manage Devices\n      android, ios: Manage Devices\n")
                .is_empty()
        );
    }
}
