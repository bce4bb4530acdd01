//! `terminology`: words the site or product prefers another term for (`sign in`, not
//! `login`), with the replacement as a fix.

use super::rule::{Rule, RuleConfig, guide_language};
use crate::check::text::{find_words, keep_case, quoted_labels, sub_span};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::{Control, Product, Term};
use crate::resolve::Resolved;

/// The `terminology` rule.
pub(super) struct Terminology;

static META: RuleMeta = RuleMeta {
    id: "terminology",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "Text uses a term the site or product prefers another word for.",
    doc: RuleDoc {
        explanation: "Reports words in guide text that the site (`terminology:` in site.yaml) or the product (`terminology:` in product.yaml) prefers another term for, such as \"login\" where the style guide says \"sign in\". Terms for guides in one language go under `languages:` (`terminology: {languages: {fr: {se connecter: [login, loguer]}}}`); the others are for guides in the site's own language. Matching is by whole word and ignores case; `--fix` replaces the word and keeps a leading capital. UI labels in the glossary are not checked, nor is a control's real label quoted or bolded in text (\"Tap **Log out**\" where the app says so): they must say what the product says.",
        bad: "# site.yaml: terminology: {sign in: [login, log in]}\n- do: Login with your email.",
        good: "- do: Sign in with your email.",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

/// True if `term` is one for guides in `lang` on a site written in `site_lang`: a term
/// without a language is for the site's own language; one under `languages: {fr: ...}` is
/// for French guides (`fr-CA` too).
fn applies(term: &Term, lang: &str, site_lang: &str) -> bool {
    let within = |l: &str| {
        let chain = crate::locale::fallback_chain(lang);
        // The chain ends with English for every language: only the tag's own subtags count.
        let own = chain.len() - usize::from(!super::rule::is_english(lang));
        chain[..own].iter().any(|t| t.eq_ignore_ascii_case(l))
    };
    match &term.language {
        None => site_lang.is_empty() || within(site_lang),
        Some(l) => within(l),
    }
}

impl Rule for Terminology {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for rg in &site.guides {
            let lang = guide_language(rg);
            let terms: Vec<_> = site
                .project
                .site
                .terminology
                .iter()
                .chain(rg.product.iter().flat_map(|p| p.terminology.iter()))
                .filter(|t| applies(t, lang, &site.project.site.language))
                .collect();
            if terms.is_empty() {
                continue;
            }
            let title = std::iter::once(&rg.guide.title).chain(std::iter::once(&rg.guide.summary));
            let all = rg.texts();
            for text in title.chain(all.iter().map(|t| t.text)) {
                let mut quoted: Option<Vec<(usize, usize)>> = None;
                for term in &terms {
                    for avoid in &term.avoid {
                        for (s, e) in find_words(&text.value, avoid) {
                            // A control's real label, quoted, says what the product says.
                            let quoted = quoted.get_or_insert_with(|| quoted_labels(&text.value));
                            if let Some(product) = rg.product
                                && quoted.iter().any(|&(a, b)| {
                                    a <= s && e <= b && is_label(product, &text.value[a..b])
                                })
                            {
                                continue;
                            }
                            let found = &text.value[s..e];
                            let (span, exact) = sub_span(&site.project.sources, text, s, e);
                            let replacement = keep_case(found, &term.preferred);
                            let mut d = Diagnostic::new(
                                CODE,
                                span,
                                format!("write \"{}\" instead of \"{found}\"", term.preferred),
                            )
                            .help(format!("replace it with \"{replacement}\""));
                            if exact {
                                d = d.fix(span, replacement);
                            }
                            out.push(d);
                        }
                    }
                }
            }
        }
    }
}

/// Whether `phrase` is the label of a control of `product` or of a product it uses.
fn is_label(product: &Product, phrase: &str) -> bool {
    let has = |c: &Control| c.label.iter().any(|(_, l)| l.value == phrase);
    product.glossary.iter().any(has) || product.used.iter().any(|(_, _, g)| g.iter().any(has))
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::{PRODUCT, findings};

    #[test]
    fn terms_apply_to_the_guides_of_their_language() {
        let run = |site: &str, text: &str| {
            let guide = format!("title: X\nsummary: X.\nsteps:\n  web:\n    - do: {text}\n");
            findings(
                super::CODE,
                &[
                    ("site.yaml", site),
                    ("demo/product.yaml", PRODUCT),
                    ("demo/g.yaml", &guide),
                ],
            )
            .iter()
            .map(|d| d.fix.as_ref().unwrap().replacement.clone())
            .collect::<Vec<_>>()
        };
        let terms =
            "terminology:\n  sign in: [login]\n  languages:\n    fr: {se connecter: [loguer]}\n";
        // An English site: its own terms, not the French ones.
        assert_eq!(run(terms, "Login, then loguer."), ["Sign in"]);
        // A French (Canadian) site: the French terms; the site-wide ones are its own too.
        let fr = format!("language: fr-CA\n{terms}");
        assert_eq!(run(&fr, "Loguer."), ["Se connecter"]);
        let de = format!("language: de\n{terms}");
        assert_eq!(run(&de, "Loguer."), Vec::<String>::new());
    }

    #[test]
    fn avoided_terms_are_reported_with_case_kept() {
        let site = "terminology:\n  sign in: [login, log in]\n";
        let guide =
            "title: How to x\nsummary: X.\nsteps:\n  web:\n    - do: Login, then log in again.\n";
        let f = findings(
            super::CODE,
            &[
                ("site.yaml", site),
                ("demo/product.yaml", PRODUCT),
                ("demo/g.yaml", guide),
            ],
        );
        let fixes: Vec<_> = f
            .iter()
            .map(|d| d.fix.as_ref().unwrap().replacement.as_str())
            .collect();
        assert_eq!(fixes, ["Sign in", "sign in"]);
        assert_eq!(f[0].span.start.col, 11);
    }

    #[test]
    fn a_real_label_quoted_in_text_is_left_as_the_product_says_it() {
        let site = "terminology:\n  sign out: [log out]\n";
        let product = "name: Demo\nglossary:\n  log-out: {role: button, label: Log out}\n";
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - click: log-out\n      note: Tap **Log out**, then log out of the app as well.\n";
        let f = findings(
            super::CODE,
            &[
                ("site.yaml", site),
                ("demo/product.yaml", product),
                ("demo/g.yaml", guide),
            ],
        );
        let cols: Vec<u32> = f.iter().map(|d| d.span.start.col).collect();
        assert_eq!(cols, [35], "{f:#?}");
    }
}
