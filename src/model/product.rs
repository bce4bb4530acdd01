//! Products and their UI glossary: every control named once, with its label per platform.

use crate::source::{FileId, Span, Spanned};

/// What kind of UI element a control is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// A push button.
    Button,
    /// A hyperlink.
    Link,
    /// An entry in a menu.
    MenuItem,
    /// A menu.
    Menu,
    /// A tab in a tab bar.
    Tab,
    /// An icon button without visible text.
    Icon,
    /// A titled section of a screen.
    Section,
    /// A text input.
    Field,
    /// An on/off switch or checkbox.
    Toggle,
    /// One option in a list of choices.
    Option,
    /// A whole screen or page.
    Screen,
    /// A dialog or sheet.
    Dialog,
}

impl Role {
    /// Names accepted in YAML.
    pub const NAMES: &'static [(&'static str, Role)] = &[
        ("button", Role::Button),
        ("link", Role::Link),
        ("menu-item", Role::MenuItem),
        ("menu", Role::Menu),
        ("tab", Role::Tab),
        ("icon", Role::Icon),
        ("section", Role::Section),
        ("field", Role::Field),
        ("toggle", Role::Toggle),
        ("option", Role::Option),
        ("screen", Role::Screen),
        ("dialog", Role::Dialog),
    ];

    /// The YAML name.
    pub fn as_str(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, r)| *r == self)
            .map_or("button", |(n, _)| n)
    }
}

/// A value that is either the same on every platform or given per platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PerPlatform<T> {
    /// One value for all platforms.
    All(T),
    /// A value per platform id (a key may list several: `android, ios`).
    Each(Vec<(Spanned<String>, T)>),
}

impl<T> PerPlatform<T> {
    /// The value for a platform.
    pub fn get(&self, platform: &str) -> Option<&T> {
        match self {
            PerPlatform::All(v) => Some(v),
            PerPlatform::Each(list) => list
                .iter()
                .find(|(p, _)| p.value == platform)
                .map(|(_, v)| v),
        }
    }

    /// Every value with the platform it is for (`None` = all).
    pub fn iter(&self) -> Box<dyn Iterator<Item = (Option<&Spanned<String>>, &T)> + '_> {
        match self {
            PerPlatform::All(v) => Box::new(std::iter::once((None, v))),
            PerPlatform::Each(list) => Box::new(list.iter().map(|(p, v)| (Some(p), v))),
        }
    }
}

/// One UI control in a product's glossary.
#[derive(Debug, Clone)]
pub struct Control {
    /// The glossary key (`my-netflix`).
    pub key: Spanned<String>,
    /// The kind of element.
    pub role: Spanned<Role>,
    /// The visible label.
    pub label: PerPlatform<Spanned<String>>,
    /// Where it sits, in words (`top right`, `inside the Account page`).
    pub location: Option<PerPlatform<Spanned<String>>>,
    /// Where it sits, for drawing (`at: top-right`); found in `where` when not given.
    pub at: Option<PerPlatform<Spanned<super::Location>>>,
    /// What it looks like, for icons without text (`three horizontal lines`).
    pub description: Option<Spanned<String>>,
    /// Platforms it exists on (`None`: all of the product's platforms).
    pub on: Option<Vec<Spanned<String>>>,
    /// The glossary key of the screen it is on.
    pub screen: Option<Spanned<String>>,
    /// Why its labels differ between platforms, if they really do.
    pub labels_differ: Option<Spanned<String>>,
    /// Labels it had before a rename (`was: [Manage Devices]`), for every platform or per
    /// platform like `label`.
    pub was: Option<PerPlatform<Vec<Spanned<String>>>>,
    /// Its words in the site's other languages (`translations: {fr: {label: Compte}}`).
    pub translations: Vec<ControlText>,
}

/// A control's words in one language.
#[derive(Debug, Clone)]
pub struct ControlText {
    /// The language tag (the key).
    pub language: Spanned<String>,
    /// The label, for every platform or per platform.
    pub label: Option<PerPlatform<Spanned<String>>>,
    /// Where it sits, in words.
    pub location: Option<PerPlatform<Spanned<String>>>,
    /// What it looks like.
    pub description: Option<Spanned<String>>,
}

impl Control {
    /// True if the control exists on `platform` (given the product's platform list).
    pub fn exists_on(&self, platform: &str) -> bool {
        self.on
            .as_ref()
            .is_none_or(|on| on.iter().any(|p| p.value == platform))
    }

    /// Its words in `language`, if the glossary gives any.
    pub fn translation(&self, language: &str) -> Option<&ControlText> {
        self.translations
            .iter()
            .find(|t| t.language.value == language)
    }

    /// Its former labels on `platform` (none if `was` does not name the platform).
    pub fn former(&self, platform: &str) -> &[Spanned<String>] {
        self.was
            .as_ref()
            .and_then(|w| w.get(platform))
            .map_or(&[], Vec::as_slice)
    }
}

/// A product: a name and its UI glossary.
#[derive(Debug, Clone)]
pub struct Product {
    /// The folder name, used in URLs (`netflix`).
    pub key: String,
    /// The `product.yaml` file.
    pub file: FileId,
    /// Display name.
    pub name: Spanned<String>,
    /// Home page URL.
    pub home: Option<Spanned<String>>,
    /// Platforms the product exists on (`None`: all of the site's).
    pub platforms: Option<Vec<Spanned<String>>>,
    /// Controls in file order.
    pub glossary: Vec<Control>,
    /// Preferred terms for this product (added to the site's).
    pub terminology: Vec<super::Term>,
    /// Other products whose controls its guides use as `product:key` (`uses: [okta]`).
    pub uses: Vec<Spanned<String>>,
    /// The glossaries of the products in `uses` that exist: product key, name, controls.
    pub used: Vec<(String, String, Vec<Control>)>,
    /// Span of the whole file's mapping.
    pub span: Span,
}

impl Product {
    /// The control with this key, or with `product:key` the control of a product in
    /// `uses`.
    pub fn control(&self, key: &str) -> Option<&Control> {
        match key.split_once(':') {
            Some((product, key)) => self
                .used
                .iter()
                .find(|(p, _, _)| p == product)
                .and_then(|(_, _, g)| g.iter().find(|c| c.key.value == key)),
            None => self.glossary.iter().find(|c| c.key.value == key),
        }
    }
}
