//! References between files: guide ids, related guides, glossary keys and the platforms
//! they exist on, `only`/`instead` scoping, `unavailable_on` and `goals`. These are format errors,
//! not lints: they are always on and cannot be allowed.

use std::collections::{HashMap, HashSet};

use crate::diag::suggest::help_for;
use crate::diag::{Code, Diagnostic};
use crate::model::{Guide, ProcedureBody, Product, Project, Step, Target};
use crate::resolve::{Resolved, ResolvedGuide};

/// Appends every broken reference of the resolved site.
pub(super) fn check(resolved: &Resolved<'_>, diags: &mut Vec<Diagnostic>) {
    let project = resolved.project;
    duplicate_ids(project, diags);
    let ids: HashSet<&str> = project.guides.iter().map(|g| g.id.value.as_str()).collect();
    featured(project, &ids, diags);
    for rg in &resolved.guides {
        related(rg.guide, &ids, diags);
        scoping(rg, diags);
        if let Some(product) = rg.product {
            targets(rg, product, diags);
        }
        unavailable(rg, diags);
        goals(rg, diags);
    }
}

/// A platform's goal needs that platform's steps.
fn goals(rg: &ResolvedGuide<'_>, diags: &mut Vec<Diagnostic>) {
    for g in &rg.guide.goals {
        if rg.block(&g.platform.value).is_none() {
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    g.platform.span,
                    format!(
                        "`{}` has a goal but the guide has no steps for it",
                        g.platform.value
                    ),
                )
                .help("give the platform steps under `steps`, or remove its goal"),
            );
        }
    }
}

/// A platform listed in `unavailable_on` must not have steps.
fn unavailable(rg: &ResolvedGuide<'_>, diags: &mut Vec<Diagnostic>) {
    for u in &rg.guide.unavailable_on {
        if let Some(block) = rg.block(&u.platform.value) {
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    u.platform.span,
                    format!(
                        "`{}` is listed as unavailable but the guide has steps for it",
                        u.platform.value
                    ),
                )
                .help("remove it from `unavailable_on` or remove its steps")
                .related(block.span, "steps given here"),
            );
        }
    }
}

fn duplicate_ids(project: &Project, diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &Guide> = HashMap::new();
    for g in &project.guides {
        if let Some(first) = seen.get(g.id.value.as_str()) {
            diags.push(
                Diagnostic::new(
                    Code::DuplicateGuideId,
                    g.id.span,
                    format!("guide id `{}` is already used by another guide", g.id.value),
                )
                .help("give one of them a different `id:`; ids appear in URLs and links")
                .related(first.id.span, "first used here"),
            );
        } else {
            seen.insert(&g.id.value, g);
        }
    }
}

/// The ids in sorted order, so that ties between equally close ids resolve the same way.
fn sorted_ids<'a>(ids: &HashSet<&'a str>) -> Vec<&'a str> {
    let mut sorted: Vec<&str> = ids.iter().copied().collect();
    sorted.sort_unstable();
    sorted
}

/// `featured:` in `site.yaml` names guides by id.
fn featured(project: &Project, ids: &HashSet<&str>, diags: &mut Vec<Diagnostic>) {
    let mut seen: HashSet<&str> = HashSet::new();
    for f in &project.site.featured {
        if !ids.contains(f.value.as_str()) {
            diags.push(
                Diagnostic::new(
                    Code::UnknownFeaturedGuide,
                    f.span,
                    format!("`featured` names `{}`, but no guide has this id", f.value),
                )
                .help(help_for(&f.value, sorted_ids(ids), "guide")),
            );
        } else if !seen.insert(&f.value) {
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    f.span,
                    format!("`{}` is featured twice", f.value),
                )
                .help("remove this entry"),
            );
        }
    }
}

fn related(g: &Guide, ids: &HashSet<&str>, diags: &mut Vec<Diagnostic>) {
    for r in &g.related {
        if r.value == g.id.value {
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    r.span,
                    "a guide cannot be related to itself",
                )
                .help("remove this entry"),
            );
        } else if !ids.contains(&r.value.as_str()) {
            diags.push(
                Diagnostic::new(
                    Code::UnknownRelatedGuide,
                    r.span,
                    format!("no guide has the id `{}`", r.value),
                )
                .help(help_for(&r.value, sorted_ids(ids), "guide")),
            );
        }
    }
}

/// `only` and `instead` must name platforms that follow the procedure.
fn scoping(rg: &ResolvedGuide<'_>, diags: &mut Vec<Diagnostic>) {
    let (site, g) = (rg.site, rg.guide);
    for proc in &g.procedures {
        let ProcedureBody::Steps(steps) = &proc.body else {
            continue;
        };
        // Platforms whose chain of `same_as` ends at this block.
        let users: Vec<&str> = site
            .platforms
            .iter()
            .map(|p| p.id.as_str())
            .filter(|id| {
                let mut seen = 0;
                let mut cur = rg.block(id).map(|b| b.procedure);
                while let Some(p) = cur {
                    if std::ptr::eq(p, proc) {
                        return true;
                    }
                    seen += 1;
                    cur = match &p.body {
                        ProcedureBody::SameAs(t) if seen < 16 => {
                            rg.block(&t.value).map(|b| b.procedure)
                        }
                        _ => None,
                    };
                }
                false
            })
            .collect();
        let mut check = |p: &crate::source::Spanned<String>, what: &str| {
            if !users.contains(&p.value.as_str()) {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        p.span,
                        format!(
                            "`{what}` names `{}`, which does not follow these steps",
                            p.value
                        ),
                    )
                    .help(format!("these steps are for: {}", users.join(", "))),
                );
            }
        };
        for s in steps.iter().chain(steps.iter().flat_map(|s| {
            s.substeps
                .iter()
                .chain(s.options.iter().flat_map(|o| o.steps.iter()))
        })) {
            for p in &s.only {
                check(p, "only");
            }
            for (p, _) in &s.instead {
                check(p, "instead");
            }
        }
    }
}

/// Glossary keys must exist and be available on the platform using them.
fn targets(rg: &ResolvedGuide<'_>, product: &Product, diags: &mut Vec<Diagnostic>) {
    let keys = || product.glossary.iter().map(|c| c.key.value.as_str());
    let product_platforms: Option<Vec<&str>> = product
        .platforms
        .as_ref()
        .map(|l| l.iter().map(|p| p.value.as_str()).collect());
    for ps in &rg.platforms {
        let pid = ps.platform.id.as_str();
        if let Some(list) = &product_platforms
            && !list.contains(&pid)
            && let Some(block) = rg.block(pid)
        {
            diags.push(
                Diagnostic::new(
                    Code::UnknownPlatform,
                    block.span,
                    format!("{} is not available on `{pid}`", product.name.value),
                )
                .help(format!(
                    "the product's `platforms` list in product.yaml is: {}",
                    list.join(", ")
                )),
            );
        }
        let mut visit = |rs: &crate::resolve::ResolvedStep<'_>| {
            let (s, on_platform): (&Step, &crate::model::Platform) = (rs.step, rs.on);
            let pid = on_platform.id.as_str();
            for t in s.target.iter().chain(s.confirm.iter()) {
                let Target::Key(key) = t else { continue };
                if let Some((other, k)) = key.value.split_once(':')
                    && product.control(&key.value).is_none()
                {
                    diags.push(foreign_key(product, key, other, k));
                    continue;
                }
                match product.control(&key.value) {
                    None => diags.push(
                        Diagnostic::new(
                            Code::UnknownGlossaryKey,
                            key.span,
                            format!(
                                "`{}` is not in the {} glossary",
                                key.value, product.name.value
                            ),
                        )
                        .help(format!(
                            "{} To name something that has no glossary entry, quote it: `\"{}\"`.",
                            sentence(&help_for(&key.value, keys(), "glossary key")),
                            key.value
                        )),
                    ),
                    Some(c) if !c.exists_on(pid) => {
                        let listed: Vec<&str> =
                            c.on.iter().flatten().map(|p| p.value.as_str()).collect();
                        let mut d = Diagnostic::new(
                            Code::ControlNotOnPlatform,
                            key.span,
                            format!(
                                "`{}` does not exist on {} (the glossary lists it on {})",
                                key.value,
                                on_platform.name,
                                listed.join(", ")
                            ),
                        )
                        .help(format!(
                            "use a control that exists on {0}, limit this step with `only:`, or add `{pid}` to the control's `on`",
                            on_platform.name
                        ))
                        .related(c.key.span, "defined here");
                        if let Some(device) = rs.elsewhere {
                            d = d.related(
                                s.on.as_ref().map_or(s.span, |c| c.platform.span),
                                format!("this step happens on {device} ({pid})"),
                            );
                        } else if let Some(src) = ps.same_as {
                            let link = rg.block(pid).map(|b| b.procedure.key_span);
                            if let Some(link) = link {
                                d = d.related(
                                    link,
                                    format!("{pid} copies the steps of {src} through `same_as`"),
                                );
                            }
                        }
                        diags.push(d);
                    }
                    Some(_) => {}
                }
            }
        };
        for rs in &ps.steps {
            visit(rs);
            for sub in rs.nested() {
                visit(sub);
            }
        }
    }
}

/// Why `other:k` names no control: no such product, a product not in `uses`, or a key its
/// glossary does not have.
fn foreign_key(
    product: &Product,
    key: &crate::source::Spanned<String>,
    other: &str,
    k: &str,
) -> Diagnostic {
    if let Some((_, name, glossary)) = product.used.iter().find(|(p, _, _)| p == other) {
        return Diagnostic::new(
            Code::UnknownGlossaryKey,
            key.span,
            format!("`{k}` is not in the {name} glossary"),
        )
        .help(sentence(&help_for(
            k,
            glossary.iter().map(|c| c.key.value.as_str()),
            "glossary key",
        )));
    }
    let uses: Vec<&str> = product.uses.iter().map(|u| u.value.as_str()).collect();
    Diagnostic::new(
        Code::UnknownProduct,
        key.span,
        format!(
            "`{}` names the product `{other}`, which {} does not use",
            key.value, product.name.value
        ),
    )
    .help(if uses.is_empty() {
        format!(
            "add `uses: [{other}]` to {}'s product.yaml, if a product folder `{other}` exists",
            product.name.value
        )
    } else {
        format!(
            "{} Or add `{other}` to `uses` in product.yaml, if a product folder `{other}` exists.",
            sentence(&help_for(other, uses.iter().copied(), "product"))
        )
    })
}

/// A help fragment as a sentence: capitalised, ending with punctuation.
fn sentence(s: &str) -> String {
    let mut c = s.chars();
    let mut out: String = c
        .next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default();
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::{PRODUCT, findings};
    use crate::diag::Code;

    #[test]
    fn controls_of_a_step_on_another_device_are_looked_up_on_that_platform() {
        // `menu` exists on android and ios only: right in the app, wrong in a web step.
        let guide = "title: How to x\nsummary: X.\nsteps:\n  android:\n    - tap: menu\n    - press: menu\n      on: {platform: web, device: your laptop}\n";
        let f = findings(
            Code::ControlNotOnPlatform,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].span.start.line, 6);
        assert!(
            f[0].message.contains("does not exist on Web"),
            "{}",
            f[0].message
        );
        assert!(
            f[0].related
                .iter()
                .any(|r| r.message.contains("happens on your laptop (web)")),
            "{f:#?}"
        );
    }

    #[test]
    fn on_names_a_platform_of_the_site() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  android:\n    - tap: settings\n      on: wbe\n";
        let f = findings(
            Code::UnknownPlatform,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].span.start.line, f[0].span.start.col), (6, 11));
        assert!(f[0].help.as_deref().unwrap_or("").contains("web"), "{f:#?}");
        let mapping = "title: How to x\nsummary: X.\nsteps:\n  android:\n    - tap: settings\n      on: {device: your laptop}\n";
        let f = findings(
            Code::MissingField,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", mapping)],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("no `platform`"), "{f:#?}");
    }

    #[test]
    fn controls_of_a_used_product_are_named_with_its_key() {
        let idp = "name: Okta\nglossary:\n  username: {role: field, label: Username, on: [web]}\n";
        let product = format!("uses: [okta]\n{PRODUCT}");
        let good = "title: How to x\nsummary: X.\nsteps:\n  android:\n    - type: okta:username\n      value: your email\n      on: web\n";
        let files = |g: &'static str| {
            [
                ("okta/product.yaml", idp.to_owned()),
                ("demo/product.yaml", product.clone()),
                ("demo/g.yaml", g.to_owned()),
            ]
        };
        let all = |g: &'static str| {
            let f = files(g);
            let f: Vec<(&str, &str)> = f.iter().map(|(p, t)| (*p, t.as_str())).collect();
            let mut out = Vec::new();
            for code in [
                Code::UnknownGlossaryKey,
                Code::UnknownProduct,
                Code::ControlNotOnPlatform,
            ] {
                out.extend(findings(code, &f));
            }
            out
        };
        assert!(all(good).is_empty(), "{:#?}", all(good));
        // On the phone itself, the identity provider's web-only field does not exist.
        let on_phone = "title: How to x\nsummary: X.\nsteps:\n  android:\n    - type: okta:username\n      value: your email\n";
        let f = all(on_phone);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].code, Code::ControlNotOnPlatform);
        let misspelt = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - type: okta:usrname\n      value: your email\n";
        let f = all(misspelt);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].message, "`usrname` is not in the Okta glossary");
        assert_eq!(f[0].help.as_deref(), Some("Did you mean \"username\"?"));
    }
}
