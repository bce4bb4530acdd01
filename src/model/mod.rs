//! The guide model as read from the files: site, platforms, products with their UI glossary,
//! and guides with steps per platform. Every value a rule may point at keeps its [`Span`].
//!
//! These are the "raw" values: references (glossary keys, `same_as`, related guides) are
//! still names; [`crate::resolve`] checks and follows them.

mod action;
mod guide;
mod location;
mod product;
mod site;
mod translation;

pub use action::{Action, TargetArity};
pub use guide::{
    Allow, Callout, CalloutShape, Context, Goal, Guide, Image, Note, Outcome, Procedure,
    ProcedureBody, Step, StepExtra, StepOption, Target, Toggle, Trouble, Unavailable,
};
pub use location::{LOCATION_NAMES, Location};
pub use product::{Control, ControlText, PerPlatform, Product, Role};
pub use site::{
    Accent, Brand, Feedback, Illustrations, Level, Platform, PlatformKind, Rgb, RuleSetting, Site,
    SiteLink, Term, Updated,
};

pub use translation::{
    GuideTexts, OptionText, Stamp, StepText, Translation, guide_fields, is_language_tag,
    step_index, step_key,
};

use crate::source::SourceMap;

/// Everything loaded from a guides folder.
#[derive(Debug, Clone)]
pub struct Project {
    /// The root folder.
    pub root: std::path::PathBuf,
    /// Site settings (defaults where no `site.yaml` exists).
    pub site: Site,
    /// Products, sorted by key.
    pub products: Vec<Product>,
    /// Guides, sorted by path.
    pub guides: Vec<Guide>,
    /// Every file read.
    pub sources: SourceMap,
    /// Guide files whose loading reported an error, so that [`Project::guides`] may lack
    /// some or all of what they say.
    pub incomplete: Vec<Incomplete>,
    /// The site's own locale files (`locales/<lang>.ftl` beside `site.yaml`).
    pub locales: Vec<crate::locale::SiteLocale>,
    /// Translated guide files, sorted by path.
    pub translations: Vec<Translation>,
    /// The site in each of its other languages (`languages:` after the first), in order:
    /// its translated guides merged with their sources, the glossaries in that language.
    /// Their own `translations` and `languages` are empty.
    pub languages: Vec<Project>,
}

/// A guide file whose loading reported an error.
#[derive(Debug, Clone)]
pub struct Incomplete {
    /// The file (its text is in [`Project::sources`]).
    pub file: crate::source::FileId,
    /// The product folder it is in.
    pub product: String,
    /// Whether a guide was read from it at all (with the parts that had no error).
    pub loaded: bool,
}

impl Project {
    /// The product with this key.
    pub fn product(&self, key: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.key == key)
    }

    /// How many guide files could not be read into a guide at all.
    pub fn unread_guides(&self) -> usize {
        self.incomplete.iter().filter(|i| !i.loaded).count()
    }
}
