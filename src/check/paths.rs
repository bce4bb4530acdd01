//! Output paths: two inputs must never claim one page of the site, and every category must
//! have a page to link to. Paths come from [`crate::layout`], the module that writes them.

use std::collections::HashMap;

use crate::diag::{Code, Diagnostic};
use crate::layout;
use crate::resolve::Resolved;
use crate::source::Spanned;

/// Reports categories whose names give the same page (or none).
pub(super) fn check(resolved: &Resolved<'_>, diags: &mut Vec<Diagnostic>) {
    // Page -> the first spelling of a category that claims it.
    let mut pages: HashMap<String, &Spanned<String>> = HashMap::new();
    // Guides in path order, so the first spelling is the same on every run.
    for g in &resolved.project.guides {
        let Some(category) = &g.category else {
            continue;
        };
        let Some(page) = layout::category_page(&category.value) else {
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    category.span,
                    format!(
                        "category `{}` has no letter or digit to name its page with",
                        category.value
                    ),
                )
                .help("give the category a name with words in it, e.g. `category: Account`"),
            );
            continue;
        };
        match pages.get(&page) {
            None => {
                pages.insert(page, category);
            }
            Some(first) if first.value == category.value => {}
            Some(first) => diags.push(
                Diagnostic::new(
                    Code::PathCollision,
                    category.span,
                    format!(
                        "categories `{}` and `{}` would share the page `{page}`",
                        category.value, first.value
                    ),
                )
                .help(
                    "spell the category the same way in every guide, or rename one of them so their URLs differ",
                )
                .related(first.span, "first spelled this way here"),
            ),
        }
    }
}
