//! What a build is given, and how it fails.

use std::path::{Path, PathBuf};

use super::statics::StaticError;
use crate::render::RenderError;
use crate::write::WriteError;

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The guides folder.
    pub guides: PathBuf,
    /// Where the site goes.
    pub output: PathBuf,
    /// Template overrides (`None`: `templates/` beside the guides folder, if present).
    pub templates: Option<PathBuf>,
    /// Files copied into the site as they are (`None`: `static/` beside the guides folder,
    /// if present).
    pub static_dir: Option<PathBuf>,
}

impl BuildOptions {
    /// The folder of template overrides in effect.
    pub fn templates_dir(&self) -> PathBuf {
        self.templates
            .clone()
            .unwrap_or_else(|| default_templates(&self.guides))
    }

    /// The static folder in effect.
    pub fn static_dir(&self) -> PathBuf {
        self.static_dir
            .clone()
            .unwrap_or_else(|| default_static(&self.guides))
    }
}

/// A fatal build failure.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Loading failed.
    #[error(transparent)]
    Load(#[from] crate::load::LoadError),
    /// Rendering failed.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// Writing failed.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The static folder could not be copied.
    #[error(transparent)]
    Static(#[from] StaticError),
}

/// Where template overrides are looked for by default.
pub fn default_templates(guides: &Path) -> PathBuf {
    let parent = guides.parent().filter(|p| !p.as_os_str().is_empty());
    parent.map_or_else(|| PathBuf::from("templates"), |p| p.join("templates"))
}

/// Where the static folder is looked for by default.
pub fn default_static(guides: &Path) -> PathBuf {
    crate::layout::static_folder(guides)
}
