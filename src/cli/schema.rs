//! `stepwise schema`: the JSON Schemas of the site, product and guide files.

use clap::{Args, ValueEnum};

use super::write_stdout;
use crate::scaffold::SCHEMAS;

/// Which file's schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaFile {
    /// A guide (`<product>/<slug>.yaml`).
    Guide,
    /// A product and its glossary (`<product>/product.yaml`).
    Product,
    /// The site settings (`site.yaml`).
    Site,
}

/// Arguments of `stepwise schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The file kind.
    #[arg(value_enum, default_value_t = SchemaFile::Guide)]
    pub file: SchemaFile,
}

/// Prints the schema; returns the exit code.
pub fn run(args: &SchemaArgs) -> Result<u8, Box<dyn std::error::Error>> {
    let name = match args.file {
        SchemaFile::Guide => "guide.schema.json",
        SchemaFile::Product => "product.schema.json",
        SchemaFile::Site => "site.schema.json",
    };
    let text = SCHEMAS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, t)| *t);
    write_stdout(text)?;
    Ok(0)
}
