//! `stepwise import`: draft guides from existing help articles.

use std::path::PathBuf;

use clap::Args;

use crate::import::{self, Options, Source};
use crate::load;

/// Arguments of `stepwise import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Articles: Markdown, HTML or plain-text files, or folders searched for them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The product the articles are about, as readers know it (`Netflix`); its folder is
    /// the name in lowercase with hyphens.
    #[arg(long)]
    pub product: String,
    /// The guides folder to write into (default: found from the working folder upward, as
    /// for `check`).
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Print the report, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Also write the report (Markdown) to this file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

/// Imports; returns the exit code.
pub(super) fn run(args: &ImportArgs) -> Result<u8, Box<dyn std::error::Error>> {
    let guides = super::output::guides_dir(args.output.as_deref());
    let paths = import::collect(&args.inputs)?;
    if paths.is_empty() {
        return Err(format!(
            "no articles found in {}: import reads files ending in {}",
            args.inputs
                .iter()
                .map(|p| format!("`{}`", p.display()))
                .collect::<Vec<_>>()
                .join(", "),
            import::EXTENSIONS
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
        .into());
    }
    let mut sources = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(&path)
            .map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
        if meta.len() > load::MAX_FILE_SIZE * 4 {
            return Err(format!(
                "`{}` is {} bytes: articles over 4 MiB are not imported",
                path.display(),
                meta.len()
            )
            .into());
        }
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
        sources.push(Source {
            path,
            text: String::from_utf8_lossy(&bytes).into_owned(),
        });
    }
    let project = if guides.is_dir() {
        load::load(&guides).ok().map(|(p, _)| p)
    } else {
        None
    };
    let site = match &project {
        Some(p) => p.site.clone(),
        None => load::default_site(),
    };
    let key = import::product_key(&args.product);
    let existing = project
        .as_ref()
        .and_then(|p| p.products.iter().find(|x| x.key == key));
    // The loaded product's own text, else the file (one the loader could not read).
    let product_text = match (&project, existing) {
        (Some(p), Some(e)) => Some(p.sources.get(e.file).text.clone()),
        _ => std::fs::read_to_string(guides.join(&key).join("product.yaml")).ok(),
    };
    let plan = import::plan(
        &sources,
        Options {
            product: &args.product,
            site: &site.platforms,
            existing,
            product_text: product_text.as_deref(),
        },
    );
    let decided = import::outcomes(&plan, &guides);
    if !args.dry_run {
        import::write(&plan, &guides, &decided)?;
    }
    let report = import::report(&plan, &decided);
    if let Some(path) = &args.report {
        std::fs::write(path, &report)
            .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    }
    super::output::write_stdout(&report)?;
    if args.dry_run {
        super::output::write_stdout("\n(dry run: nothing was written)\n")?;
    }
    Ok(0)
}
