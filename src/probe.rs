//! The one cache of illustration files a command uses: each distinct file is stat'ed once
//! (its size and modification time, which the fingerprints use), its pixel size read from
//! its header only when a check or a page needs it, and its bytes read at most once for
//! the content hash that names its copy in the site. Every stage (checks, fingerprints,
//! rendering) asks this cache, never the disk.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How often the cache went to the disk, per kind of access (tests read these).
#[derive(Debug, Default)]
pub struct ProbeCounts {
    stats: AtomicUsize,
    headers: AtomicUsize,
    reads: AtomicUsize,
}

impl ProbeCounts {
    /// Files stat'ed.
    pub fn stats(&self) -> usize {
        self.stats.load(Ordering::Relaxed)
    }

    /// Headers read for a pixel size (files whose bytes had not been read).
    pub fn headers(&self) -> usize {
        self.headers.load(Ordering::Relaxed)
    }

    /// Whole files read.
    pub fn reads(&self) -> usize {
        self.reads.load(Ordering::Relaxed)
    }

    fn count(counter: &AtomicUsize) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// One existing illustration file: what its stat found, and what was read of it on demand.
#[derive(Debug)]
pub struct ImageFile {
    /// Size in bytes.
    pub len: u64,
    /// Modification time since the Unix epoch, where the file system keeps one.
    pub modified: Option<Duration>,
    path: PathBuf,
    pixels: OnceLock<Option<(u32, u32)>>,
    hash: OnceLock<Option<u64>>,
    counts: Arc<ProbeCounts>,
}

impl ImageFile {
    /// Width and height in pixels, if the file is an image format that says (its header is
    /// read the first time, unless its bytes were read already).
    pub fn pixels(&self) -> Option<(u32, u32)> {
        *self.pixels.get_or_init(|| {
            ProbeCounts::count(&self.counts.headers);
            imagesize::size(&self.path).ok().and_then(pixel_pair)
        })
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A hash of the file's bytes (`None`: it could not be read), reading it the first time.
    pub fn content_hash(&self) -> Option<u64> {
        *self.hash.get_or_init(|| self.read_hash())
    }

    /// Reads the file (the bytes are not kept: a large site has hundreds of thousands of
    /// screenshots), filling in the pixel size for later calls.
    fn read_hash(&self) -> Option<u64> {
        ProbeCounts::count(&self.counts.reads);
        let bytes = std::fs::read(&self.path).ok()?;
        let _ = self
            .pixels
            .set(imagesize::blob_size(&bytes).ok().and_then(pixel_pair));
        Some(crate::layout::content_hash(&bytes))
    }
}

fn pixel_pair(s: imagesize::ImageSize) -> Option<(u32, u32)> {
    Some((u32::try_from(s.width).ok()?, u32::try_from(s.height).ok()?))
}

/// Every illustration file the guides name, by path relative to the guides root.
#[derive(Debug, Default)]
pub struct ImageCache {
    files: HashMap<PathBuf, ImageFile, fnv::FnvBuildHasher>,
    /// The keys of `files`, sorted by their bytes (a site can have hundreds of thousands:
    /// sorted once, and not by path components, which compares several times slower).
    sorted: Vec<PathBuf>,
    counts: Arc<ProbeCounts>,
}

/// A path's bytes, the order [`ImageCache::paths`] lists them in.
fn path_bytes(p: &Path) -> &[u8] {
    p.as_os_str().as_encoded_bytes()
}

impl ImageCache {
    /// Stats each distinct path of `paths` (relative to `root`) once, on all cores; paths
    /// that are not files are left out.
    pub fn probe(root: &Path, paths: impl IntoIterator<Item = PathBuf>) -> ImageCache {
        use rayon::prelude::*;
        let counts = Arc::new(ProbeCounts::default());
        let mut paths: Vec<PathBuf> = paths.into_iter().collect();
        paths.par_sort_unstable_by(|a, b| path_bytes(a).cmp(path_bytes(b)));
        paths.dedup();
        let files: Vec<(PathBuf, ImageFile)> = paths
            .into_par_iter()
            .filter_map(|rel| {
                let path = root.join(&rel);
                ProbeCounts::count(&counts.stats);
                let meta = std::fs::metadata(&path).ok().filter(|m| m.is_file())?;
                let modified = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
                let file = ImageFile {
                    len: meta.len(),
                    modified,
                    path,
                    pixels: OnceLock::new(),
                    hash: OnceLock::new(),
                    counts: Arc::clone(&counts),
                };
                Some((rel, file))
            })
            .collect();
        let sorted = files.iter().map(|(rel, _)| rel.clone()).collect();
        ImageCache {
            files: files.into_iter().collect(),
            sorted,
            counts,
        }
    }

    /// The file at `rel`, if it exists.
    pub fn get(&self, rel: &Path) -> Option<&ImageFile> {
        self.files.get(rel)
    }

    /// Every existing file's relative path, sorted by its bytes.
    pub fn paths(&self) -> &[PathBuf] {
        &self.sorted
    }

    /// Number of existing files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True if no file exists.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// How often the cache went to the disk.
    pub fn counts(&self) -> &ProbeCounts {
        &self.counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, bytes) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, bytes).expect("write");
        }
        dir
    }

    /// A 1x1 PNG's signature and header: enough for its pixel size.
    const PNG_HEAD: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x03\0\0\0\x02\x08\x02\0\0\0";

    #[test]
    fn one_stat_per_distinct_file_and_nothing_read_until_asked() {
        let dir = folder(&[("img/a.png", PNG_HEAD), ("img/b.png", b"other")]);
        let named = [
            "img/a.png",
            "img/b.png",
            "img/a.png",
            "img/missing.png",
            "img/a.png",
        ];
        let cache = ImageCache::probe(dir.path(), named.iter().map(PathBuf::from));
        assert_eq!(
            cache.counts().stats(),
            3,
            "a, b and the missing file, once each"
        );
        assert_eq!(cache.len(), 2);
        assert!(cache.get(Path::new("img/missing.png")).is_none());
        assert_eq!((cache.counts().headers(), cache.counts().reads()), (0, 0));
        let a = cache.get(Path::new("img/a.png")).expect("a");
        assert_eq!(a.len, PNG_HEAD.len() as u64);
        assert_eq!(a.pixels(), Some((3, 2)));
        assert_eq!(a.pixels(), Some((3, 2)));
        assert_eq!(cache.counts().headers(), 1, "the header is read once");
    }

    #[test]
    fn the_bytes_are_read_once_for_hash_and_pixels() {
        let dir = folder(&[("a.png", PNG_HEAD)]);
        let cache = ImageCache::probe(dir.path(), [PathBuf::from("a.png")]);
        let a = cache.get(Path::new("a.png")).expect("a");
        let hash = a.content_hash().expect("read");
        assert_eq!(hash, crate::layout::content_hash(PNG_HEAD));
        assert_eq!(a.content_hash(), Some(hash));
        assert_eq!(a.pixels(), Some((3, 2)));
        assert_eq!(cache.counts().reads(), 1);
        assert_eq!(cache.counts().headers(), 0, "the read gave the pixel size");
        let b = ImageCache::probe(dir.path(), [PathBuf::from("a.png")]);
        let file = b.get(Path::new("a.png")).expect("a");
        assert_eq!(file.content_hash(), Some(hash));
        assert_eq!(file.content_hash(), Some(hash));
        assert_eq!(b.counts().reads(), 1, "the hash alone is read once too");
    }
}
