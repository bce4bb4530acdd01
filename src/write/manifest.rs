//! The manifest of a built site (`.stepwise-output` in the output folder): it marks the
//! folder as written by Stepwise and records what the build was made from, so a rebuild
//! knows which guides it may skip and which files it wrote last time.
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
pub const VERSION: u32 = 1;

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
    /// Each guide's input fingerprint, by guide id.
    #[serde(with = "hex_map")]
    pub guides: BTreeMap<String, u64>,
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
            guides: [("sign-out".to_owned(), u64::MAX)].into(),
        };
        std::fs::write(dir.path().join(FILE), m.to_bytes()).unwrap();
        assert_eq!(Manifest::read(dir.path()), Some(m.clone()));
        let text = String::from_utf8(m.to_bytes()).unwrap();
        assert!(
            text.contains("\"sign-out\": \"ffffffffffffffff\""),
            "{text}"
        );
        let other = text.replace("\"version\": 1", "\"version\": 99");
        std::fs::write(dir.path().join(FILE), other).unwrap();
        assert_eq!(Manifest::read(dir.path()), None);
        std::fs::write(dir.path().join(FILE), "0123 sign-out\n").unwrap();
        assert_eq!(Manifest::read(dir.path()), None);
    }
}
