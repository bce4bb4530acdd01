//! `alt-text`: alt text that is a file name, or the same for two different steps.

use super::rule::{Rule, RuleConfig};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::resolve::Resolved;
use crate::source::Spanned;

/// The `alt-text` rule.
pub(super) struct AltText;

fn looks_like_file_name(alt: &str) -> bool {
    let a = alt.trim().to_ascii_lowercase();
    let ext = [".png", ".jpg", ".jpeg", ".webp", ".svg", ".gif"];
    ext.iter().any(|e| a.ends_with(e))
        || (!a.contains(' ')
            && (a.starts_with("img_") || a.starts_with("screenshot") || a.starts_with("image")))
}

static META: RuleMeta = RuleMeta {
    id: "alt-text",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "An illustration's alt text is a file name, or the same as another step's.",
    doc: RuleDoc {
        explanation: "Reports alt text that is a file name (`IMG_2041.png`, `screenshot3`) and alt text repeated word for word on two different steps of a guide. Screen-reader users hear the alt text instead of seeing the picture: it must say what this step's picture shows. A repeated caption is also the classic sign of a picture under the wrong step.",
        bad: "- tap: my-netflix\n  image: {src: img/2.png, alt: Login to Netflix account}\n- tap: menu\n  image: {src: img/3.png, alt: Login to Netflix account}",
        good: "- tap: my-netflix\n  image: {src: img/2.png, alt: The My Netflix tab at the bottom right}\n- tap: menu\n  image: {src: img/3.png, alt: The menu icon at the top right of My Netflix}",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for AltText {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for rg in &site.guides {
            let mut seen: Vec<&Spanned<String>> = Vec::new();
            for s in rg.written_steps() {
                let Some(alt) = s.image.as_ref().and_then(|i| i.alt.as_ref()) else {
                    continue;
                };
                if looks_like_file_name(&alt.value) {
                    out.push(
                        Diagnostic::new(CODE, alt.span, format!("the alt text \"{}\" is a file name", alt.value))
                            .help("describe what the picture shows, e.g. \"The Account page with Sign out of all devices\""),
                    );
                    continue;
                }
                match seen.iter().find(|a| a.value.trim().eq_ignore_ascii_case(alt.value.trim())) {
                    Some(first) => out.push(
                        Diagnostic::new(
                            CODE,
                            alt.span,
                            "two steps have the same alt text: one of the pictures is probably under the wrong step",
                        )
                        .help("say what this step's picture shows")
                        .related(first.span, "the same alt text"),
                    ),
                    None => seen.push(alt),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::{PRODUCT, findings};

    #[test]
    fn file_names_and_repeated_captions() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web, android, ios:\n    - open: settings\n      image: {alt: IMG_2041.png}\n    - open: privacy\n      image: {alt: The Privacy section}\n    - open: sign-out\n      image: {alt: The privacy section}\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        let msgs: Vec<&str> = f.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(msgs.len(), 2, "{f:#?}");
        assert!(msgs[0].contains("file name"));
        assert!(msgs[1].contains("same alt text"));
    }
}
