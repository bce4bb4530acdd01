//! `stepwise checklist`: a guide's steps as a checklist for pasting into a ticket.

use std::path::PathBuf;

use clap::Args;

use super::write_stdout;
use crate::check::check_dir;
use crate::diag::{Severity, suggest::help_for};
use crate::render::checklist::{ChecklistFormat, render};
use crate::render::view::guide_view;
use crate::resolve::resolve;

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
    /// The guides folder.
    #[arg(long, default_value = "guides")]
    pub dir: PathBuf,
}

/// Prints the checklist; returns the exit code.
pub fn run(args: &ChecklistArgs) -> Result<u8, Box<dyn std::error::Error>> {
    let report = check_dir(&args.dir)?;
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 {
        return Err(format!(
            "the guides have {errors} error(s); run `stepwise check {}`",
            args.dir.display()
        )
        .into());
    }
    let mut diags = Vec::new();
    let resolved = resolve(&report.project, &mut diags);
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
    let gv = guide_view(rg, &|_| None, &|_, _| None);
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
