//! `stepwise preview`: a guide in the terminal.

use std::path::{Path, PathBuf};

use clap::Args;

use super::output::{ColorChoice, EXIT_FINDINGS, write_stdout};
use crate::check::check;
use crate::diag::Severity;
use crate::diag::suggest::help_for;
use crate::emit::{self, Format};
use crate::render::terminal::{PreviewOptions, preview_in};

/// Arguments of `stepwise preview`.
#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// The guide: its id, or the path of its file.
    pub guide: String,
    /// One platform (`android`), or `all`.
    #[arg(long, default_value = "all")]
    pub platform: String,
    /// Line width (default: the terminal's, else 80).
    #[arg(long)]
    pub width: Option<usize>,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// The guides folder (default: found from the working folder upward, as for `check`).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// One of the site's languages (`fr`): the guide's translation (default: the site's
    /// default language).
    #[arg(long)]
    pub lang: Option<String>,
}

fn width(args: &PreviewArgs) -> usize {
    if let Some(w) = args.width {
        return w.clamp(20, 400);
    }
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size()
    {
        return usize::from(w).clamp(20, 400);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(80usize)
        .clamp(20, 400)
}

/// Prints the guide; returns the exit code.
pub(super) fn run(args: &PreviewArgs) -> Result<u8, Box<dyn std::error::Error>> {
    // A guide named by its file brings its own guides folder.
    let as_path = Path::new(&args.guide);
    let dir = match &args.dir {
        Some(d) => d.clone(),
        None => Some(as_path)
            .filter(|p| crate::load::locate::is_yaml(p) && p.is_file())
            .and_then(crate::load::locate::root_of_file)
            .unwrap_or_else(|| super::output::guides_dir(None)),
    };
    let (project, diags) = crate::load::load(&dir)?;
    let checked = check(&project, diags);
    let color = args.color.enabled();
    let project = &project;
    let is_path = args.guide.ends_with(".yaml") || args.guide.ends_with(".yml");
    // A translation's file names its source guide in the translation's language.
    let translation = project
        .translations
        .iter()
        .find(|t| is_path && same_file(&project.sources.get(t.file).path, as_path));
    let lang = args
        .lang
        .as_deref()
        .or(translation.map(|t| t.language.as_str()));
    // A path names the guide by its file; anything else is an id.
    let wanted = project.guides.iter().find(|g| {
        g.id.value == args.guide
            || is_path && same_file(&project.sources.get(g.file).path, as_path)
            || translation.is_some_and(|t| t.product == g.product && t.slug == g.slug)
    });
    let Some(guide) = wanted else {
        let ids = project.guides.iter().map(|g| g.id.value.as_str());
        return Err(format!(
            "no guide has the id `{}`; {}",
            args.guide,
            help_for(&args.guide, ids, "guide")
        )
        .into());
    };
    if checked.has_errors() {
        let errors: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && d.suppressed.is_none())
            .cloned()
            .collect();
        write_stdout(&emit::render(
            Format::Human,
            &errors,
            &project.sources,
            color,
        ))?;
        eprintln!(
            "stepwise: the guides have errors; fix them to preview `{}`",
            args.guide
        );
        return Ok(EXIT_FINDINGS);
    }
    let resolved = super::output::language(&checked, lang)?;
    let Some(rg) = resolved.guides.iter().find(|r| {
        std::ptr::eq(r.guide, guide)
            || (r.guide.translation.is_some() && r.guide.id.value == guide.id.value)
    }) else {
        return Err(match lang {
            Some(l) => format!(
                "`{}` has no `{l}` translation; see `stepwise translations`",
                guide.id.value
            ),
            None => "the guide could not be resolved".to_owned(),
        }
        .into());
    };
    let platform = (args.platform != "all").then(|| args.platform.clone());
    if let Some(p) = &platform
        && !rg.platforms.iter().any(|ps| &ps.platform.id == p)
    {
        let have = rg.platforms.iter().map(|ps| ps.platform.id.as_str());
        return Err(format!(
            "`{}` has no steps for `{p}`; {}",
            guide.id.value,
            help_for(p, have, "platform")
        )
        .into());
    }
    let opts = PreviewOptions {
        platform,
        width: width(args),
        color,
    };
    // The site's language (its locale files included) words the step sentences.
    let project = &checked.resolved.project;
    let locale = crate::locale::Locales::with_site(&project.locales).get(&project.site.language);
    write_stdout(&preview_in(rg, &opts, &locale))?;
    Ok(0)
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}
