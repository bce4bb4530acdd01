//! `broken-link`: a Markdown link in a guide's text that leads to no guide, page, anchor or
//! file of the site. Destinations are read by [`crate::links`], as rendering reads them.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use super::rule::{Rule, RuleConfig};
use crate::check::text::{Field, sub_span};
use crate::diag::suggest::did_you_mean;
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::layout;
use crate::links::{self, Dest};
use crate::resolve::{Resolved, ResolvedGuide, ResolvedStep};
use crate::steps;

/// The `broken-link` rule.
pub(super) struct BrokenLink;

static META: RuleMeta = RuleMeta {
    id: "broken-link",
    default_severity: Severity::Error,
    default_on: true,
    summary: "A link in a guide's text leads to no guide, page, anchor or file of the site.",
    doc: RuleDoc {
        explanation: "Reports a Markdown link (`[text](target)`, `<guide:id>` or a reference link) in any text of a guide that points into the site but leads nowhere: a guide id that does not exist (`guide:sign-out-all-devices`), a page path no page has (`../guides/x.html`, `/tags/tv.html`; relative paths are read from the guide's page, `/` starts at the site's root), an anchor the page does not have (`#ios`, `#web-3` for step 3 of the web steps, `guide:x#android-2`), or a file that neither the site generates nor the static folder beside the guides holds. Links with a scheme (`https:`, `mailto:`, `tel:`) are left alone. The help line suggests the closest guide id, page or anchor. Link to another guide by its id: the site turns `guide:<id>` into the right relative URL on every page, and the id survives a change of the URL scheme.",
        bad: "note: \"Signed out by mistake? See [signing in](guide:sign-in-on-the-tv).\"",
        good: "note: \"Signed out by mistake? See [signing in](guide:sign-in-on-tv).\"",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

/// Ids the guide page template gives its sections, which any guide may link to.
const SECTION_IDS: &[&str] = &[
    "main",
    "prereq",
    "steps-heading",
    "outcome",
    "tips",
    "trouble",
    "related",
    "contact-heading",
];

/// What the links of a site may lead to, collected once per check and only when a text
/// links into the site at all.
struct Targets<'r> {
    guides: HashMap<&'r str, &'r ResolvedGuide<'r>>,
    /// Guide ids, sorted, for suggestions.
    ids: Vec<&'r str>,
    /// Every page and file the build writes, but the guides' own and the screenshots.
    pages: HashSet<String>,
    /// The guides folder.
    root: PathBuf,
    /// The static folder beside the guides folder.
    statics: PathBuf,
    /// Anchors of each guide's page, computed when a link asks for one.
    anchors: HashMap<&'r str, Vec<String>>,
}

impl<'r> Targets<'r> {
    fn new(site: &'r Resolved<'r>) -> Targets<'r> {
        let guides: HashMap<&str, &ResolvedGuide<'_>> = site
            .guides
            .iter()
            .map(|rg| (rg.guide.id.value.as_str(), rg))
            .collect();
        let mut ids: Vec<&str> = guides.keys().copied().collect();
        ids.sort_unstable();
        let mut counts: HashMap<String, usize> = HashMap::new();
        for g in &site.project.guides {
            let lists = std::iter::once(Some(layout::product_page(&g.product)))
                .chain(std::iter::once(
                    g.category
                        .as_ref()
                        .and_then(|c| layout::category_page(&c.value)),
                ))
                .chain(g.tags.iter().map(|t| layout::tag_page(&t.value)));
            let mut seen: Vec<String> = Vec::new();
            for page in lists.flatten() {
                if !seen.contains(&page) {
                    *counts.entry(page.clone()).or_default() += 1;
                    seen.push(page);
                }
            }
        }
        let mut pages: HashSet<String> = [
            layout::INDEX,
            layout::NOT_FOUND,
            layout::SITEMAP,
            layout::CATEGORIES_INDEX,
            layout::TAGS_INDEX,
            layout::SEARCH_PAGE,
            layout::SEARCH_INDEX,
            layout::HIGHLIGHT_CSS,
            "assets/brand.css",
        ]
        .into_iter()
        .map(str::to_owned)
        .chain(crate::render::ASSETS.iter().map(|(p, _)| (*p).to_owned()))
        .collect();
        for (first, n) in counts {
            for i in 2..=n.div_ceil(crate::render::PER_PAGE) {
                pages.insert(layout::list_page(&first, i));
            }
            pages.insert(first);
        }
        for id in &ids {
            pages.extend(layout::guide_files(id));
        }
        Targets {
            guides,
            ids,
            pages,
            root: site.project.root.clone(),
            statics: layout::static_folder(&site.project.root),
            anchors: HashMap::new(),
        }
    }

    /// The anchors of a guide's page: sections, platform tabs, steps and options.
    fn anchors(&mut self, id: &'r str) -> &[String] {
        let rg = self.guides.get(id).copied();
        self.anchors.entry(id).or_insert_with(|| {
            let mut out: Vec<String> = SECTION_IDS.iter().map(|s| (*s).to_owned()).collect();
            for ps in rg.iter().flat_map(|rg| &rg.platforms) {
                let pid = ps.platform.id.as_str();
                out.push(pid.to_owned());
                for (i, rs) in ps.steps.iter().enumerate() {
                    step_anchors(pid, rs, &(i + 1).to_string(), &mut out);
                }
            }
            out
        })
    }
}

/// The anchors of one step numbered `number` and of everything under it.
fn step_anchors(pid: &str, rs: &ResolvedStep<'_>, number: &str, out: &mut Vec<String>) {
    let anchor = steps::anchor(pid, number);
    for (j, sub) in rs.substeps.iter().enumerate() {
        step_anchors(pid, sub, &steps::sub_number(number, j), out);
    }
    if !rs.options.is_empty() {
        out.push(format!("{anchor}-one-of"));
    }
    for (k, o) in rs.options.iter().enumerate() {
        out.push(format!("{anchor}-option-{}", k + 1));
        for (j, sub) in o.steps.iter().enumerate() {
            step_anchors(pid, sub, &steps::option_number(number, k, j), out);
        }
    }
    out.push(anchor);
}

/// `site_path` written the way `written` was: site-absolute, or relative to a guide's page.
fn written_like(written: &str, site_path: &str) -> String {
    if written.trim_start().starts_with('/') {
        format!("/{site_path}")
    } else if let Some(here) = site_path.strip_prefix(links::GUIDE_FOLDER) {
        here.to_owned()
    } else {
        format!("../{site_path}")
    }
}

/// The guide a site path is the page of (`guides/<id>.html`).
fn guide_of_page(path: &str) -> Option<&str> {
    path.strip_prefix(links::GUIDE_FOLDER)?
        .strip_suffix(".html")
}

impl Rule for BrokenLink {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let sources = &site.project.sources;
        let mut targets: Option<Targets<'_>> = None;
        for rg in &site.guides {
            for t in rg.texts() {
                // Alt text is an attribute, never Markdown.
                if t.field == Field::Alt {
                    continue;
                }
                for link in links::find(&t.text.value) {
                    let dest = links::classify(&link.dest);
                    if dest == Dest::External {
                        continue;
                    }
                    let targets = targets.get_or_insert_with(|| Targets::new(site));
                    let Some((message, help)) = problem(targets, rg, &link.dest, dest) else {
                        continue;
                    };
                    let (span, _) = sub_span(sources, t.text, link.range.start, link.range.end);
                    out.push(Diagnostic::new(CODE, span, message).help(help));
                }
            }
        }
    }
}

/// What is wrong with a link into the site, and the fix; `None` when it leads somewhere.
fn problem<'r>(
    targets: &mut Targets<'r>,
    here: &'r ResolvedGuide<'r>,
    written: &str,
    dest: Dest<'_>,
) -> Option<(String, String)> {
    match dest {
        Dest::External => None,
        Dest::Outside => Some((
            format!("`{written}` climbs out of the site"),
            "relative links start at the guide's page (`guides/`); write `../` once to reach the site's root, or start the path with `/`".to_owned(),
        )),
        Dest::Here(fragment) => anchor_problem(targets, here.guide.id.value.as_str(), written, fragment),
        Dest::Guide { id, fragment } => match targets.guides.get_key_value(id) {
            Some((&id, _)) => match fragment {
                Some(f) => anchor_problem(targets, id, written, f),
                None => None,
            },
            None => Some((
                format!("`{written}` names no guide: no guide has the id `{id}`"),
                guide_help(targets, id, |close| written.replacen(id, close, 1)),
            )),
        },
        Dest::Site { path, fragment, .. } => {
            if let Some(id) = guide_of_page(&path) {
                return match targets.guides.get_key_value(id) {
                    Some((&id, _)) => fragment.and_then(|f| anchor_problem(targets, id, written, f)),
                    None => Some((
                        format!("`{written}` leads to no page: no guide has the id `{id}`"),
                        guide_help(targets, id, |close| written.replacen(id, close, 1)),
                    )),
                };
            }
            if targets.pages.contains(&path) || targets.statics.join(&path).is_file() {
                return None;
            }
            let here_file = crate::resolve::image_path(here.guide, written)
                .ok()
                .filter(|rel| targets.root.join(rel).is_file());
            let help = if here_file.is_some() {
                "files beside the guides are not copied into the site: show a picture with a step's `image:`, or put the file in the `static/` folder beside the guides folder and link it from `/`".to_owned()
            } else {
                let mut pages: Vec<&str> = targets.pages.iter().map(String::as_str).collect();
                pages.sort_unstable();
                match did_you_mean(&path, pages) {
                    Some(close) => format!("did you mean `{}`?", written_like(written, close)),
                    None => format!(
                        "no page or file of the site is `{path}`; link a guide with `guide:<id>`, or put the file in the `static/` folder beside the guides folder"
                    ),
                }
            };
            Some((
                format!("`{written}` leads to no page or file of the site (`{path}`)"),
                help,
            ))
        }
    }
}

fn guide_help(targets: &Targets<'_>, id: &str, spelt: impl Fn(&str) -> String) -> String {
    match did_you_mean(id, targets.ids.iter().copied()) {
        Some(close) => format!("did you mean `{}`?", spelt(close)),
        None if targets.ids.len() <= 16 => format!("the guide ids are: {}", targets.ids.join(", ")),
        None => "check the id: it is the guide's file name, or its `id:`".to_owned(),
    }
}

fn anchor_problem<'r>(
    targets: &mut Targets<'r>,
    id: &'r str,
    written: &str,
    fragment: &str,
) -> Option<(String, String)> {
    if fragment.is_empty() {
        return None;
    }
    let anchors = targets.anchors(id);
    if anchors.iter().any(|a| a == fragment) {
        return None;
    }
    let platforms: Vec<&str> = anchors
        .iter()
        .map(String::as_str)
        .filter(|a| !a.contains('-') && !SECTION_IDS.contains(a))
        .collect();
    let help = match did_you_mean(fragment, anchors.iter().map(String::as_str)) {
        Some(close) => format!("did you mean `#{close}`?"),
        None => format!(
            "the page's anchors are its platforms ({}), its steps (`#{}-1`, `#{}-2`...) and its sections (`#tips`, `#trouble`...)",
            platforms.join(", "),
            platforms.first().unwrap_or(&"web"),
            platforms.first().unwrap_or(&"web"),
        ),
    };
    Some((
        format!("`{written}`: the page of `{id}` has no anchor `#{fragment}`"),
        help,
    ))
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::{PRODUCT, findings};

    const OTHER: &str = "title: How to sign out\nsummary: X.\ncategory: Account\ntags: [TV]\nsteps:\n  web:\n    - open: settings\n    - click: sign-out\n  android:\n    - tap: menu\n    - open: settings\n    - tap: sign-out\n";

    fn guide(note: &str) -> String {
        format!(
            "title: How to open settings\nsummary: X.\nsteps:\n  web:\n    - open: settings\n      note: \"{note}\"\n"
        )
    }

    fn run(note: &str) -> Vec<(String, String)> {
        let g = guide(note);
        findings(
            super::CODE,
            &[
                ("demo/product.yaml", PRODUCT),
                ("demo/sign-out.yaml", OTHER),
                ("demo/settings.yaml", &g),
            ],
        )
        .into_iter()
        .map(|d| (d.message, d.help.unwrap_or_default()))
        .collect()
    }

    #[test]
    fn links_that_lead_somewhere_pass() {
        for ok in [
            "[a](guide:sign-out)",
            "<guide:sign-out#android-2>",
            "[a](sign-out.html#web)",
            "[a](../guides/sign-out.html)",
            "[a](/checklists/sign-out.html)",
            "[a](../tags/tv.html) [b](/categories/account.html) [c](/products/demo.html)",
            "[a](/search.html?q=sign+out) [b](/) [c](../index.html) [d](../tags.html)",
            "[a](#web) [b](#web-1) [c](#tips) [d](guide:sign-out#web-2)",
            "[a](https://example.com/x) [b](mailto:help@example.com) [c](tel:+15550100)",
            "[a][r]\\n\\n[r]: guide:sign-out",
        ] {
            assert_eq!(run(ok), [], "{ok}");
        }
    }

    #[test]
    fn broken_guide_links_suggest_the_closest_id_in_the_same_form() {
        let f = run("See [this](guide:sign-ot) or [that](sign-ou.html).");
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(
            f[0].0,
            "`guide:sign-ot` names no guide: no guide has the id `sign-ot`"
        );
        assert_eq!(f[0].1, "did you mean `guide:sign-out`?");
        assert_eq!(
            f[1].0,
            "`sign-ou.html` leads to no page: no guide has the id `sign-ou`"
        );
        assert_eq!(f[1].1, "did you mean `sign-out.html`?");
    }

    #[test]
    fn anchors_site_pages_and_paths_out_of_the_site() {
        let f =
            run("[a](guide:sign-out#andriod-2) [b](#web-9) [c](/tags/tvv.html) [d](../../x.html)");
        let msgs: Vec<&str> = f.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "`guide:sign-out#andriod-2`: the page of `sign-out` has no anchor `#andriod-2`",
                "`#web-9`: the page of `settings` has no anchor `#web-9`",
                "`/tags/tvv.html` leads to no page or file of the site (`tags/tvv.html`)",
                "`../../x.html` climbs out of the site",
            ]
        );
        assert_eq!(f[0].1, "did you mean `#android-2`?");
        assert_eq!(f[2].1, "did you mean `/tags/tv.html`?");
    }

    #[test]
    fn an_allow_on_the_step_suppresses_it() {
        let g = "title: How to open settings\nsummary: X.\nsteps:\n  web:\n    - open: settings\n      note: \"See [the old page](/legacy/settings.html).\"\n      allow:\n        - {rule: broken-link, reason: served by the old help center on the same host}\n";
        let f = |g: &str| {
            findings(
                super::CODE,
                &[("demo/product.yaml", PRODUCT), ("demo/settings.yaml", g)],
            )
            .len()
        };
        assert_eq!(f(g), 0);
        let without = g.split("      allow:").next().unwrap_or_default();
        assert_eq!(f(without), 1);
    }
}
