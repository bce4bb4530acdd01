//! `stepwise checklist`: a guide's steps as a checklist for pasting into a ticket.

use std::path::PathBuf;

use clap::Args;

use super::output::write_stdout;
use crate::check::check;
use crate::diag::{Summary, suggest::help_for};
use crate::render::checklist::{ChecklistFormat, render};
use crate::render::view::guide_view;

/// Arguments of `stepwise checklist`.
#[derive(Debug, Args)]
pub struct ChecklistArgs {
    /// The guide id.
    pub guide: String,
    /// Only this platform (default: every platform).
    #[arg(long)]
    pub platform: Option<String>,
    /// Output form.
    #[arg(long, value_enum, default_value_t = ChecklistFormat::Md)]
    pub format: ChecklistFormat,
    /// The guides folder (default: found from the working folder upward, as for `check`).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// One of the site's languages (`fr`): the guide's translation (default: the site's
    /// default language).
    #[arg(long)]
    pub lang: Option<String>,
}

/// Prints the checklist; returns the exit code.
pub(super) fn run(args: &ChecklistArgs) -> Result<u8, Box<dyn std::error::Error>> {
    let dir = super::output::guides_dir(args.dir.as_deref());
    let (project, diags) = crate::load::load(&dir)?;
    let checked = check(&project, diags);
    if checked.has_errors() {
        let errors = Summary::of(&checked.diagnostics).errors;
        return Err(format!(
            "the guides have {errors} error(s); run `stepwise check {}`",
            dir.display()
        )
        .into());
    }
    let resolved = super::output::language(&checked, args.lang.as_deref())?;
    let ids = || resolved.guides.iter().map(|g| g.guide.id.value.as_str());
    let Some(rg) = resolved
        .guides
        .iter()
        .find(|g| g.guide.id.value == args.guide)
    else {
        return Err(format!(
            "no guide has the id `{}`; {}",
            args.guide,
            help_for(&args.guide, ids(), "guide")
        )
        .into());
    };
    let project = &resolved.project;
    let locale = crate::locale::Locales::with_site(&project.locales).get(&project.site.language);
    let gv = guide_view(rg, &|_| None, &|_, _| None, &locale);
    let platforms: Vec<_> = match &args.platform {
        None => gv.procedures.iter().collect(),
        Some(p) => {
            let found: Vec<_> = gv.procedures.iter().filter(|v| &v.id == p).collect();
            if found.is_empty() {
                let have = gv.procedures.iter().map(|v| v.id.as_str());
                return Err(format!(
                    "guide `{}` has no steps for `{p}`; {}",
                    args.guide,
                    help_for(p, have, "platform")
                )
                .into());
            }
            found
        }
    };
    write_stdout(&render(&gv, &platforms, args.format))?;
    Ok(0)
}
