//! Input fingerprints: for every guide, a hash of everything its pages are made from, and
//! one for everything the shared pages are made from. Equal fingerprints mean equal pages,
//! so a rebuild renders only guides whose fingerprint changed.
//!
//! Screenshots count by size and modification time, taken from the resolver's single
//! probe of each file; nothing else here touches the disk but the program's own executable
//! and the site's logo and favicon (every page links their copies, named by content).

use std::collections::BTreeMap;
use std::hash::Hasher;
use std::path::Path;

use fnv::FnvHasher;

use crate::model::{Guide, Project};
use crate::render;
use crate::resolve::{ImageFile, Resolved, image_path};

/// A running hash over several inputs, each closed by a separator byte so that `ab`+`c`
/// and `a`+`bc` differ.
struct Fingerprint(FnvHasher);

impl Clone for Fingerprint {
    fn clone(&self) -> Self {
        // An FNV hasher's state is its current value.
        Fingerprint(FnvHasher::with_key(self.0.finish()))
    }
}

impl Fingerprint {
    fn add(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.write(bytes);
        self.0.write_u8(0xff);
        self
    }

    fn image(&mut self, file: Option<&ImageFile>) -> &mut Self {
        self.add(&image_stamp(file))
    }

    fn hash(&mut self, value: u64) -> &mut Self {
        self.add(&value.to_le_bytes())
    }

    fn finish(&self) -> u64 {
        self.0.finish()
    }
}

/// A screenshot's size and modification time as bytes (empty: missing), for a
/// fingerprint.
pub(super) fn image_stamp(file: Option<&ImageFile>) -> Vec<u8> {
    let Some(f) = file else {
        return Vec::new();
    };
    let mut b = f.len.to_le_bytes().to_vec();
    if let Some(t) = f.modified {
        b.extend(t.as_secs().to_le_bytes());
        b.extend(t.subsec_nanos().to_le_bytes());
    }
    b
}

/// A hash of one text, for fingerprints that include a file's whole text.
fn text_hash(text: &str) -> u64 {
    crate::layout::content_hash(text.as_bytes())
}

/// A screenshot a guide names (as written) and its probe (`None`: missing or outside the
/// root).
type Shot<'r> = (&'r str, Option<&'r ImageFile>);

/// What a guide's fingerprints read of it: a hash of its file's text, and its screenshots.
type Read<'r> = (u64, Vec<Shot<'r>>);

/// The fingerprints of one build.
#[derive(Debug)]
pub(super) struct Fingerprints {
    /// Per guide id.
    pub(super) guides: BTreeMap<String, u64>,
    /// Of the shared pages.
    pub(super) shared: u64,
}

/// Computes every fingerprint; `templates` is the folder of template overrides.
pub(super) fn fingerprints(resolved: &Resolved<'_>, templates: &Path) -> Fingerprints {
    let project = resolved.project;
    let base = base(project, templates);
    let titles: BTreeMap<&str, &str> = project
        .guides
        .iter()
        .map(|g| (g.id.value.as_str(), g.title.value.as_str()))
        .collect();
    use rayon::prelude::*;
    let products: BTreeMap<&str, u64> = project
        .products
        .iter()
        .map(|p| (p.key.as_str(), text_hash(&project.sources.get(p.file).text)))
        .collect();
    // Each guide's text hash and screenshots, found once for both its own and the shared
    // fingerprint, on all cores.
    let read: Vec<Read<'_>> = project
        .guides
        .par_iter()
        .map(|g| {
            let text = text_hash(&project.sources.get(g.file).text);
            (text, images(resolved, g).collect())
        })
        .collect();
    let guides = project
        .guides
        .par_iter()
        .zip(&read)
        .map(|(g, (text, shots))| {
            let mut h = base.clone();
            if let Some(p) = products.get(g.product.as_str()) {
                h.hash(*p);
            }
            h.hash(*text);
            // A new commit changes a git-dated guide's page without touching its text.
            h.add(updated(project, g).as_bytes());
            for r in &g.related {
                h.add(titles.get(r.value.as_str()).unwrap_or(&"").as_bytes());
            }
            for (src, file) in shots {
                h.add(src.as_bytes()).image(*file);
            }
            (g.id.value.clone(), h.finish())
        })
        .collect();
    Fingerprints {
        guides,
        shared: shared(project, &products, &read, base),
    }
}

/// What every page depends on: the program, its templates and overrides, the site file.
fn base(project: &Project, templates: &Path) -> Fingerprint {
    let mut base = Fingerprint(FnvHasher::default());
    base.add(env!("CARGO_PKG_VERSION").as_bytes());
    // A rebuilt program may render differently with the same version number.
    if let Ok(exe) = std::env::current_exe() {
        let meta = std::fs::metadata(exe).ok();
        let stamp = meta.map(|m| format!("{}:{:?}", m.len(), m.modified().ok()));
        base.add(stamp.unwrap_or_default().as_bytes());
    }
    for (name, text) in render::TEMPLATES.iter().chain(render::ASSETS) {
        base.add(name.as_bytes()).add(text.as_bytes());
    }
    for (name, _) in render::TEMPLATES {
        if let Ok(text) = std::fs::read(templates.join(name)) {
            base.add(name.as_bytes()).add(&text);
        }
    }
    if let Some(f) = project.site.file {
        base.add(project.sources.get(f).text.as_bytes());
    }
    // Every page's words come from the locales: the site's own files count like site.yaml.
    for l in &project.locales {
        base.add(l.lang.as_bytes())
            .add(l.resource.source().as_bytes());
    }
    let brand = &project.site.brand;
    for file in [&brand.logo, &brand.favicon].into_iter().flatten() {
        let meta = std::fs::metadata(project.root.join(&file.value)).ok();
        let stamp = meta.map(|m| format!("{}:{:?}", m.len(), m.modified().ok()));
        base.add(stamp.unwrap_or_default().as_bytes());
    }
    base
}

/// [`base`] as one value, for fingerprints made elsewhere.
pub(super) fn base_hash(project: &Project, templates: &Path) -> u64 {
    base(project, templates).finish()
}

/// The shared pages (home, categories, products, tags, sitemap) show each guide's card: its
/// id, title, summary, category, product, platforms, tags and date; screenshots are shared files too; and
/// the search index holds every word of every guide, so it counts each guide's whole file.
fn shared(
    project: &Project,
    products: &BTreeMap<&str, u64>,
    read: &[Read<'_>],
    base: Fingerprint,
) -> u64 {
    let mut shared = base;
    for p in &project.products {
        shared.hash(products.get(p.key.as_str()).copied().unwrap_or(0));
    }
    let mut cards: Vec<(&Guide, &Read<'_>)> = project.guides.iter().zip(read).collect();
    cards.sort_by(|a, b| a.0.id.value.cmp(&b.0.id.value));
    for (g, (text, shots)) in cards {
        shared
            .add(g.id.value.as_bytes())
            .add(g.title.value.as_bytes())
            .add(g.summary.value.as_bytes())
            .add(
                g.category
                    .as_ref()
                    .map_or("", |c| c.value.as_str())
                    .as_bytes(),
            )
            .add(g.product.as_bytes())
            .hash(*text)
            .add(updated(project, g).as_bytes());
        for proc in &g.procedures {
            for p in &proc.platforms {
                shared.add(p.value.as_bytes());
            }
        }
        for (_, file) in shots {
            shared.image(*file);
        }
    }
    shared.finish()
}

/// A guide's "Last updated" date as its pages show it (empty: none).
fn updated(project: &Project, g: &Guide) -> String {
    g.updated(project.site.updated)
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// Each screenshot a guide names, with its probe (`None`: missing or outside the root).
fn images<'r>(resolved: &'r Resolved<'_>, g: &'r Guide) -> impl Iterator<Item = Shot<'r>> + 'r {
    g.written_steps()
        .into_iter()
        .filter_map(|s| s.image.as_ref()?.src.as_ref())
        .map(move |src| {
            let file = image_path(g, &src.value)
                .ok()
                .and_then(|rel| resolved.image(&rel));
            (src.value.as_str(), file)
        })
}
