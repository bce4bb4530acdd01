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
    /// The guides folder.
    #[arg(long, default_value = "guides")]
    pub dir: PathBuf,
}

/// Writes the files; returns the exit code.
pub(super) fn run(args: &NewArgs) -> Result<u8, Box<dyn std::error::Error>> {
    std::fs::create_dir_all(&args.dir)?;
    let (project, _) = load::load(&args.dir)?;
    let created = new_guide(&args.dir, &args.guide, args.platforms.as_deref(), &project)?;
    for f in &created.files {
        println!("created {}", f.display());
    }
    Ok(0)
}
