//! `stepwise schema`: the JSON Schemas of the site, product, guide and translation files.

use clap::{Args, ValueEnum};

use super::output::write_stdout;
use crate::schema::{draft_07, to_2020_12};

/// Which file's schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaFile {
    /// A guide (`<product>/<slug>.yaml`).
    Guide,
    /// A product and its glossary (`<product>/product.yaml`).
    Product,
    /// The site settings (`site.yaml`).
    Site,
    /// A translated guide (`<product>/<slug>.<lang>.yaml`).
    Translation,
}

/// JSON Schema drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Draft {
    /// Draft 2020-12.
    #[value(name = "2020-12")]
    D2020_12,
    /// Draft-07 (best supported by YAML editors; what `stepwise new` writes).
    #[value(name = "07")]
    D07,
}

/// Arguments of `stepwise schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The file kind.
    #[arg(value_enum, default_value_t = SchemaFile::Guide)]
    pub file: SchemaFile,
    /// The JSON Schema draft to print.
    #[arg(long, value_enum, default_value_t = Draft::D2020_12)]
    pub draft: Draft,
}

/// Prints the schema; returns the exit code.
pub(super) fn run(args: &SchemaArgs) -> Result<u8, Box<dyn std::error::Error>> {
    let name = match args.file {
        SchemaFile::Guide => "guide.schema.json",
        SchemaFile::Product => "product.schema.json",
        SchemaFile::Site => "site.schema.json",
        SchemaFile::Translation => "translation.schema.json",
    };
    let text = draft_07(name).unwrap_or_default();
    match args.draft {
        Draft::D07 => write_stdout(text)?,
        Draft::D2020_12 => write_stdout(&to_2020_12(text)?)?,
    }
    Ok(0)
}
