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

    /// How readers call a device of this kind (`your computer`), in "On your computer:".
    pub fn device(self) -> &'static str {
        match self {
            PlatformKind::Desktop => "your computer",
            PlatformKind::Phone => "your phone",
            PlatformKind::Tablet => "your tablet",
            PlatformKind::Tv => "your TV",
        }
    }

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
    /// The language whose guides it applies to (`terminology: {languages: {fr: ...}}`);
    /// `None`: guides in the site's own language.
    pub language: Option<String>,
}

/// Where a guide's "Last updated" date comes from (`updated:` in `site.yaml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Updated {
    /// The guide's `reviewed` date, else its file's last commit date when the guides
    /// folder is in a git repository.
    ReviewedOrGit,
    /// Only the guide's `reviewed` date.
    Reviewed,
    /// No date is shown.
    None,
}

impl Updated {
    /// Names accepted in YAML.
    pub const NAMES: &'static [(&'static str, Updated)] = &[
        ("reviewed-or-git", Updated::ReviewedOrGit),
        ("reviewed", Updated::Reviewed),
        ("none", Updated::None),
    ];
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
    /// Language of the content (BCP 47), the site's default language.
    pub language: String,
    /// Every language the site is published in (`languages:`), the default one first;
    /// the others are read from translated guides (`<slug>.<lang>.yaml`).
    pub languages: Vec<String>,
    /// Platforms in display order.
    pub platforms: Vec<Platform>,
    /// Rule configuration.
    pub rules: Vec<RuleSetting>,
    /// Preferred terms.
    pub terminology: Vec<Term>,
    /// Which steps without a screenshot get a drawn schematic (`illustrations:`).
    pub illustrations: Illustrations,
    /// Logo, favicon, accent colour, header and footer links, contact and feedback.
    pub brand: Brand,
    /// Guides shown first on the home page (`featured:`), as written; empty: the most
    /// recently updated.
    pub featured: Vec<Spanned<String>>,
    /// Where "Last updated" dates come from.
    pub updated: Updated,
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

/// A colour of the site's palette, as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads `#rgb` or `#rrggbb` (the `#` optional, any case).
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#').unwrap_or(text.trim());
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgb(pair(0)?, pair(2)?, pair(4)?)),
            _ => None,
        }
    }

    /// The colour as CSS writes it (`#0b5cad`).
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance, as WCAG 2 defines it.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The WCAG 2 contrast ratio of two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// This colour mixed towards `to` by `t` (0: itself, 1: `to`).
    pub fn mix(self, to: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, to.0), m(self.1, to.1), m(self.2, to.2))
    }

    /// The closest colour of the same hue, darker or lighter (away from `bg`), that reaches
    /// `ratio` against every colour of `against`; `None` if none does.
    pub fn nearest_passing(self, against: &[Rgb], ratio: f64, darker: bool) -> Option<Rgb> {
        let to = if darker {
            Rgb(0, 0, 0)
        } else {
            Rgb(255, 255, 255)
        };
        (0..=200)
            .map(|i| self.mix(to, f64::from(i) / 200.0))
            .find(|c| against.iter().all(|b| c.contrast(*b) >= ratio))
    }
}

/// The accent colour of links and buttons in each colour scheme.
#[derive(Debug, Clone, PartialEq)]
pub struct Accent {
    /// For the light scheme, as written (value and where).
    pub light: Option<Spanned<Rgb>>,
    /// For the dark scheme, as written.
    pub dark: Option<Spanned<Rgb>>,
}

/// A link in the site's header or footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteLink {
    /// The text shown.
    pub title: String,
    /// Where it goes: an absolute URL, `mailto:`, or a path inside the site.
    pub url: String,
}

/// Where readers' answers to "Was this guide helpful?" go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    /// The URL that receives the answers (absolute http(s)).
    pub endpoint: String,
    /// Its origin (`https://feedback.example.com`), allowed by the pages' CSP.
    pub origin: String,
    /// The question asked.
    pub question: String,
    /// The message shown once an answer is sent.
    pub thanks: String,
}

/// The site's brand and furniture: logo, favicon, accent colour, links, contact, feedback.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Brand {
    /// The logo file, relative to the guides folder, as written.
    pub logo: Option<Spanned<String>>,
    /// The favicon file, relative to the guides folder, as written.
    pub favicon: Option<Spanned<String>>,
    /// The accent colour.
    pub accent: Option<Accent>,
    /// Links in the header, in order.
    pub header_links: Vec<SiteLink>,
    /// Links in the footer, in order.
    pub footer_links: Vec<SiteLink>,
    /// Where readers get more help (a URL or `mailto:`).
    pub contact: Option<String>,
    /// The feedback endpoint, if the site asks for feedback.
    pub feedback: Option<Feedback>,
}

impl Accent {
    /// The page background of the light scheme (`--bg` in `stepwise.css`).
    pub const LIGHT_BG: Rgb = Rgb(0xff, 0xff, 0xff);
    /// The page background of the dark scheme.
    pub const DARK_BG: Rgb = Rgb(0x0f, 0x13, 0x18);
    /// The built-in accent of the light scheme.
    pub const LIGHT_DEFAULT: Rgb = Rgb(0x0b, 0x5c, 0xad);
    /// The built-in accent of the dark scheme.
    pub const DARK_DEFAULT: Rgb = Rgb(0x7c, 0xb8, 0xff);
    /// The contrast WCAG AA asks of normal text.
    pub const AA: f64 = 4.5;

    /// The colours in effect, light and dark. A colour given for one scheme only is used
    /// in the other too when it passes there; otherwise the other scheme gets the nearest
    /// passing colour of the same hue (lighter on the dark background).
    pub fn colours(&self) -> (Rgb, Rgb) {
        let light = self.light.as_ref().map(|c| c.value);
        let dark = self.dark.as_ref().map(|c| c.value);
        let derive = |c: Rgb, bg: Rgb, darker: bool, default: Rgb| {
            if c.contrast(bg) >= Self::AA {
                c
            } else {
                c.nearest_passing(&[bg], Self::AA, darker)
                    .unwrap_or(default)
            }
        };
        match (light, dark) {
            (Some(l), Some(d)) => (l, d),
            (Some(l), None) => (l, derive(l, Self::DARK_BG, false, Self::DARK_DEFAULT)),
            (None, Some(d)) => (derive(d, Self::LIGHT_BG, true, Self::LIGHT_DEFAULT), d),
            (None, None) => (Self::LIGHT_DEFAULT, Self::DARK_DEFAULT),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        let white = Rgb(255, 255, 255);
        let black = Rgb(0, 0, 0);
        assert!((white.contrast(black) - 21.0).abs() < 1e-9);
        // #767676 is the classic lightest grey that passes AA on white (4.54:1).
        let grey = Rgb::parse("#767676").unwrap();
        assert!((grey.contrast(white) - 4.54).abs() < 0.01);
        assert_eq!(Rgb::parse("#abc"), Some(Rgb(0xaa, 0xbb, 0xcc)));
        assert_eq!(Rgb::parse("0B5CAD"), Some(Accent::LIGHT_DEFAULT));
        assert_eq!(Rgb::parse("#12345"), None);
        assert_eq!(Rgb::parse("red"), None);
    }

    #[test]
    fn nearest_passing_keeps_the_hue_and_passes() {
        let orange = Rgb::parse("#ff9900").unwrap();
        let fixed = orange
            .nearest_passing(&[Accent::LIGHT_BG], Accent::AA, true)
            .unwrap();
        assert!(fixed.contrast(Accent::LIGHT_BG) >= Accent::AA);
        // Still an orange (red over green over blue), and barely past the line: the nearest.
        assert!(fixed.0 > fixed.1 && fixed.1 > fixed.2, "{}", fixed.hex());
        assert!(fixed.contrast(Accent::LIGHT_BG) < 4.6, "{}", fixed.hex());
    }

    #[test]
    fn the_palette_matches_the_stylesheet() {
        let css = include_str!("../../templates/assets/stepwise.css");
        for (scheme, c) in [
            ("--bg", Accent::LIGHT_BG),
            ("--bg", Accent::DARK_BG),
            ("--accent", Accent::LIGHT_DEFAULT),
            ("--accent", Accent::DARK_DEFAULT),
        ] {
            let decl = format!("{scheme}: {};", c.hex());
            assert!(css.contains(&decl), "stepwise.css has no `{decl}`");
        }
    }

    #[test]
    fn one_colour_gives_a_passing_dark_accent() {
        let red = Rgb::parse("#c8102e").unwrap();
        let accent = Accent {
            light: Some(Spanned::new(
                red,
                Span::file_start(crate::source::FileId(0)),
            )),
            dark: None,
        };
        let (light, dark) = accent.colours();
        assert_eq!(light, red);
        assert!(dark.contrast(Accent::DARK_BG) >= Accent::AA);
        assert_ne!(dark, red);
    }
}
