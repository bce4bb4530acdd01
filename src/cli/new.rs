//! `stepwise new`: scaffold a guide.

use std::path::PathBuf;

use clap::Args;

use crate::load;
use crate::scaffold::new_guide;

/// Arguments of `stepwise new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// PRODUCT/SLUG of the new guide, e.g. `netflix/change-password`.
    pub guide: String,
    /// Platforms to give steps for, comma-separated (default: every platform of the site).
    #[arg(long, value_delimiter = ',')]
    pub platforms: Option<Vec<String>>,
    /// The guides folder (default: found from the working folder upward, as for `check`).
    #[arg(long)]
    pub dir: Option<PathBuf>,
}

/// Writes the files; returns the exit code.
pub(super) fn run(args: &NewArgs) -> Result<u8, Box<dyn std::error::Error>> {
    let dir = super::output::guides_dir(args.dir.as_deref());
    std::fs::create_dir_all(&dir)?;
    let (project, _) = load::load(&dir)?;
    let created = new_guide(&dir, &args.guide, args.platforms.as_deref(), &project)?;
    for f in &created.files {
        println!("created {}", f.display());
    }
    Ok(0)
}
