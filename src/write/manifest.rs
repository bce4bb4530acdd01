//! The manifest of a built site (`.stepwise-output` in the output folder): it marks the
//! folder as written by Stepwise and records what the build was made from, so a rebuild
//! knows which guides it may skip and which files it wrote last time.
//!
//! It also records every input file's size, modification time and content hash
//! ([`Inputs`]), so that a rebuild whose inputs all look the same can stop before reading
//! any guide (see `build::inputs`).
//!
//! A JSON document with a format version; a manifest of another version, or one that does
//! not parse, is treated as absent (everything is rendered again and stale files are found
//! by walking the folder), never as an error.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The manifest's file name, in the output folder.
pub const FILE: &str = ".stepwise-output";

/// The format version this program reads and writes.
pub const VERSION: u32 = 2;

/// What a build wrote and what it was made from.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`VERSION`] when written by this program.
    pub version: u32,
    /// Fingerprint of everything the shared pages (home, lists, sitemap, assets, media) are
    /// made from.
    #[serde(with = "hex")]
    pub shared: u64,
    /// The shared files, sorted.
    pub shared_files: Vec<String>,
    /// Fingerprint of everything the shared pages but the search index are made from (the
    /// guides' cards, not their words): when only this one is unchanged, only the search
    /// index is rendered again. 0: not recorded.
    #[serde(default, with = "hex")]
    pub cards: u64,
    /// The search index's files among the shared files, sorted.
    #[serde(default)]
    pub index_files: Vec<String>,
    /// Each guide's input fingerprint, by guide id.
    #[serde(with = "hex_map")]
    pub guides: BTreeMap<String, u64>,
    /// What the build read, if it recorded it (`None`: the next build reads everything).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inputs: Option<Inputs>,
}

/// Everything a build read, so the next one can tell without reading whether anything
/// changed.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inputs {
    /// Fingerprint of what is not a file: the program, the folders the build was given,
    /// the guides' git history when dates come from it, today's date when a rule uses it.
    #[serde(with = "hex")]
    pub context: u64,
    /// How many guides the site has.
    pub guides: usize,
    /// How many findings the build reported.
    pub findings: usize,
    /// The report the build printed, so that a rebuild with nothing changed prints it again
    /// (`None`: not recorded; a rebuild of a site with findings then reads everything).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<StoredReport>,
    /// Whether dates come from the guides' git history.
    pub git: bool,
    /// Whether a rule in effect depends on today's date.
    pub dated: bool,
    /// The files found by listing the guides, templates and static folders, in order.
    pub listed: Vec<InputFile>,
    /// Files the guides and the site file name (screenshots, logo, favicon).
    pub named: Vec<InputFile>,
}

/// The findings as a build printed them.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredReport {
    /// The output format's name (`human`, `json`...).
    pub format: String,
    /// Whether it was coloured.
    pub color: bool,
    /// What went to standard output.
    pub stdout: String,
    /// The summary of the findings (`0 errors, 2 warnings in 1 file`).
    pub summary: String,
}

/// One input file as it was when the build read it. Written as one string, `size mtime
/// hash path` (`-` for a file that did not exist or a hash not taken), so that a site of
/// ten thousand guides keeps a manifest of one line per file.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct InputFile {
    /// Where it is, as the build was given it.
    pub path: String,
    /// Its size in bytes; `None`: it did not exist.
    pub size: Option<u64>,
    /// Its modification time, in nanoseconds since the Unix epoch.
    pub mtime_ns: u64,
    /// Hash of its text (16 hex digits) when the build read it as text; empty otherwise.
    pub hash: String,
}

impl From<InputFile> for String {
    fn from(f: InputFile) -> String {
        let size = f.size.map_or_else(|| "-".to_owned(), |s| s.to_string());
        let hash = if f.hash.is_empty() { "-" } else { &f.hash };
        format!("{size} {} {hash} {}", f.mtime_ns, f.path)
    }
}

impl TryFrom<String> for InputFile {
    type Error = String;

    fn try_from(text: String) -> Result<InputFile, String> {
        let bad = || format!("not an input file record: {text:?}");
        let mut parts = text.splitn(4, ' ');
        let (Some(size), Some(mtime), Some(hash), Some(path)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        Ok(InputFile {
            path: path.to_owned(),
            size: match size {
                "-" => None,
                s => Some(s.parse().map_err(|_| bad())?),
            },
            mtime_ns: mtime.parse().map_err(|_| bad())?,
            hash: if hash == "-" {
                String::new()
            } else {
                hash.to_owned()
            },
        })
    }
}

impl Manifest {
    /// Reads the manifest of `output`; `None` if it is missing, of another version, or
    /// unreadable.
    pub fn read(output: &Path) -> Option<Manifest> {
        let text = std::fs::read(output.join(FILE)).ok()?;
        serde_json::from_slice::<Manifest>(&text)
            .ok()
            .filter(|m| m.version == VERSION)
    }

    /// The manifest as written to disk (stable: sorted keys, one entry per line).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).unwrap_or_default();
        out.push(b'\n');
        out
    }
}

/// Fingerprints as 16 hex digits: readable in a diff, exact in any JSON reader.
mod hex {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(v: &u64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{v:016x}"))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        let text = String::deserialize(d)?;
        u64::from_str_radix(&text, 16).map_err(serde::de::Error::custom)
    }
}

mod hex_map {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(
        v: &BTreeMap<String, u64>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_map(v.iter().map(|(k, fp)| (k, format!("{fp:016x}"))))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<String, u64>, D::Error> {
        BTreeMap::<String, String>::deserialize(d)?
            .into_iter()
            .map(|(k, v)| {
                u64::from_str_radix(&v, 16)
                    .map(|fp| (k, fp))
                    .map_err(serde::de::Error::custom)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_other_versions() {
        let dir = tempfile::tempdir().unwrap();
        let m = Manifest {
            version: VERSION,
            shared: 0xfeed,
            shared_files: vec!["index.html".into()],
            cards: 0xcafe,
            index_files: vec!["search/index.js".into()],
            guides: [("sign-out".to_owned(), u64::MAX)].into(),
            inputs: Some(Inputs {
                listed: vec![InputFile {
                    path: "guides/app/sign-out.yaml".into(),
                    size: Some(12),
                    mtime_ns: 1,
                    hash: "00000000000000ff".into(),
                }],
                named: vec![InputFile {
                    path: "guides/app/a shot.png".into(),
                    size: None,
                    mtime_ns: 0,
                    hash: String::new(),
                }],
                ..Inputs::default()
            }),
        };
        std::fs::write(dir.path().join(FILE), m.to_bytes()).unwrap();
        assert_eq!(Manifest::read(dir.path()), Some(m.clone()));
        let text = String::from_utf8(m.to_bytes()).unwrap();
        assert!(
            text.contains("\"sign-out\": \"ffffffffffffffff\""),
            "{text}"
        );
        assert!(
            text.contains("\"12 1 00000000000000ff guides/app/sign-out.yaml\""),
            "{text}"
        );
        let other = text.replace("\"version\": 2", "\"version\": 99");
        std::fs::write(dir.path().join(FILE), other).unwrap();
        assert_eq!(Manifest::read(dir.path()), None);
        std::fs::write(dir.path().join(FILE), "0123 sign-out\n").unwrap();
        assert_eq!(Manifest::read(dir.path()), None);
    }
}
