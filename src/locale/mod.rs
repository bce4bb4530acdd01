//! The words a site adds around the guides' own text (headings, buttons, step sentences),
//! per language, as data: one Fluent file per language (`locales/<lang>.ftl` at the top of
//! the repository, embedded in the binary), which a site extends or overrides with its own
//! `locales/<lang>.ftl` beside `site.yaml`, message by message.
//!
//! A [`Locale`] is the messages of one language tag with their fallbacks (`fr-CA` reads
//! `fr-CA`, then `fr`, then `en`); [`Locales`] holds every language's files and hands out
//! locales by tag. Rendering takes a locale per page, never a global one.

mod catalog;
mod files;
mod parity;
mod script;
mod tera_fn;

pub use catalog::{Arg, EMBEDDED, FALLBACK, Locale, Locales, fallback_chain};
pub use files::{SITE_FOLDER, SiteLocale, is_language_tag, read_site_locales};
pub use parity::{keys, locale_problems, missing_and_extra_keys};
pub use script::{SCRIPT_MESSAGES, script_strings, script_strings_attr};
pub use tera_fn::register;
