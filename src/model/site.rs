//! Site settings and platforms. Platforms are data: adding one is a `site.yaml` edit.

use crate::source::{FileId, Span, Spanned};

/// How people use a platform; decides device frames and default wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlatformKind {
    /// A computer with a pointer.
    Desktop,
    /// A phone with a touch screen.
    Phone,
    /// A tablet with a touch screen.
    Tablet,
    /// A television with a remote.
    Tv,
}

impl PlatformKind {
    /// Names accepted in YAML.
    pub const NAMES: &'static [(&'static str, PlatformKind)] = &[
        ("desktop", PlatformKind::Desktop),
        ("phone", PlatformKind::Phone),
        ("tablet", PlatformKind::Tablet),
        ("tv", PlatformKind::Tv),
    ];

    /// The YAML name.
    pub fn as_str(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("desktop", |(n, _)| n)
    }
}

/// A platform a guide can have steps for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Platform {
    /// Id used in guide files (`android`).
    pub id: String,
    /// Display name (`Android`).
    pub name: String,
    /// The verb for pressing a control (`click`, `tap`, `select`).
    pub verb: String,
    /// The kind of device.
    pub kind: PlatformKind,
    /// Where it was defined (`None` for the built-in defaults).
    pub span: Option<Span>,
}

/// How a rule is configured: off, or reported at a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Not run.
    Off,
    /// Reported as a warning.
    Warning,
    /// Reported as an error.
    Error,
}

impl Level {
    /// Names accepted in YAML.
    pub const NAMES: &'static [(&'static str, Level)] = &[
        ("off", Level::Off),
        ("warning", Level::Warning),
        ("error", Level::Error),
    ];
}

/// A rule's configuration in `site.yaml`, as written. The rules know their ids and options,
/// so `check` validates and decodes it (once) into typed values.
#[derive(Debug, Clone)]
pub struct RuleSetting {
    /// The rule id, as written.
    pub rule: Spanned<String>,
    /// Its level (`off`, `warning`, `error`), as written, if set.
    pub level: Option<Spanned<String>>,
    /// Options (`warn: 12`), as written.
    pub options: Vec<(Spanned<String>, Spanned<String>)>,
}

/// A preferred term and the words to avoid in its place.
#[derive(Debug, Clone)]
pub struct Term {
    /// The preferred wording (`sign in`).
    pub preferred: String,
    /// Wordings to avoid (`login`, `log in`).
    pub avoid: Vec<String>,
}

/// Site-wide settings from `site.yaml`.
#[derive(Debug, Clone)]
pub struct Site {
    /// The file, if the site has one.
    pub file: Option<FileId>,
    /// Site title.
    pub title: String,
    /// Absolute URL the site is published at (ends with `/`).
    pub base_url: String,
    /// Language of the content (BCP 47).
    pub language: String,
    /// Platforms in display order.
    pub platforms: Vec<Platform>,
    /// Rule configuration.
    pub rules: Vec<RuleSetting>,
    /// Preferred terms.
    pub terminology: Vec<Term>,
    /// Which steps without a screenshot get a drawn schematic (`illustrations:`).
    pub illustrations: Illustrations,
}

/// Which steps without a screenshot get a drawn schematic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Illustrations {
    /// Steps that ask for one (`image: {alt: ...}`), and steps where a drawing shows what
    /// the sentence cannot: where the control sits, an icon, a menu, a dialog.
    #[default]
    WhereUseful,
    /// Only steps that ask for one.
    WhereGiven,
    /// Every step.
    AllSteps,
    /// None: only screenshots.
    None,
}

impl Site {
    /// The platform with this id.
    pub fn platform(&self, id: &str) -> Option<&Platform> {
        self.platforms.iter().find(|p| p.id == id)
    }

    /// Platform ids in order.
    pub fn platform_ids(&self) -> impl Iterator<Item = &str> + Clone {
        self.platforms.iter().map(|p| p.id.as_str())
    }
}
