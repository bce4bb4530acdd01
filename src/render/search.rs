//! The site's search index: every word of every guide with a score per guide, split into
//! small files that a reader's browser loads only for the words it looks up, so no page
//! carries the index and a first search downloads a few files whatever the site's size.
//!
//! ```text
//! search/index.js       platforms, products, stop words, the first term of every term
//!                       file and the name of every document file
//! search/t-<hash>.js    a run of terms in order, each with its postings
//! search/d-<hash>.js    DOCS_PER_FILE guides: page, title, summary, product, platforms
//! ```
//!
//! Every file is a script that hands its data to `stepwiseSearch.add`, so the same index
//! works on a web server and from `file://`, where pages may not fetch files. Files other
//! than `index.js` are named by their content, so a cached copy is never stale.
//!
//! A posting is a guide number (as the gap from the previous one) and a value holding the
//! guide's score for the term and, in its low bits, the platforms the term is specific to
//! (a label that only the iOS app shows): a result found through it opens that platform.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::instruction::{Piece, instruction, target_label};
use super::markdown::to_plain;
use crate::layout;
use crate::locale::Locale;
use crate::model::{Step, Target};
use crate::resolve::{Resolved, ResolvedGuide, ResolvedStep};

/// One file of the index: its path in the site and its bytes.
pub(crate) struct File {
    pub(crate) path: String,
    pub(crate) bytes: Vec<u8>,
}

/// Guides per document file.
pub(crate) const DOCS_PER_FILE: usize = 32;
/// A term file is closed once its JSON passes this many bytes.
const TERM_FILE_BYTES: usize = 24 * 1024;
/// A term keeps at most this many postings, the best-scoring ones. A term found in more
/// guides says little about any of them: searches do not require it, it only ranks.
const MAX_POSTINGS: usize = 1000;
/// The longest summary a result shows, in characters.
const SUMMARY_CHARS: usize = 160;
/// Scores are capped so that a word repeated in every step does not outrank a title.
const MAX_SCORE: u32 = 255;

/// How much an occurrence of a word counts, by where it is.
#[derive(Debug, Clone, Copy)]
enum Weight {
    Title = 24,
    Tag = 10,
    Summary = 8,
    Label = 6,
    Context = 4,
    Synonym = 3,
    Text = 1,
}

/// Words too common to find anything with (English; sites in other languages index all
/// words).
const STOP_WORDS: &[&str] = &[
    "an", "and", "are", "as", "at", "be", "by", "for", "from", "if", "in", "is", "it", "of", "on",
    "or", "the", "this", "that", "to", "with", "you", "your",
];

/// The stop words of a site in `language`.
fn stop_words(language: &str) -> &'static [&'static str] {
    if language == "en" || language.starts_with("en-") {
        STOP_WORDS
    } else {
        &[]
    }
}

/// Calls `f` with each indexed word of `text`: lower-cased runs of letters and digits of
/// two or more characters, minus stop words, and beside a word with accents or in another
/// script its ASCII transliteration (so `reglages` finds `réglages`). The browser splits
/// queries the same way.
pub(crate) fn words(text: &str, stop: &[&str], mut f: impl FnMut(&str)) {
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.chars().nth(1).is_none() {
            continue;
        }
        let lower = w.to_lowercase();
        if stop.contains(&lower.as_str()) {
            continue;
        }
        f(&lower);
        if !lower.is_ascii() {
            let folded = deunicode::deunicode(&lower).to_ascii_lowercase();
            if folded != lower
                && folded.len() > 1
                && folded.bytes().all(|b| b.is_ascii_alphanumeric())
            {
                f(&folded);
            }
        }
    }
}

/// How a word occurs in one guide.
#[derive(Default, Clone, Copy)]
struct Hit {
    score: u32,
    /// Platforms it shows on, where it shows on some only.
    platforms: u32,
    /// It shows on every platform (a title, a summary, a label shared by all).
    everywhere: bool,
}

/// One guide's words.
#[derive(Default)]
struct GuideTerms {
    terms: HashMap<String, Hit>,
}

/// What indexing a guide needs to know about the site.
struct Indexer<'a> {
    stop: &'static [&'static str],
    /// Bit of each site platform (none when the site has too many to fit in the value).
    bits: HashMap<&'a str, u32>,
    all: u32,
    /// The language the step sentences are indexed in.
    locale: &'a Locale,
}

impl Indexer<'_> {
    /// Adds the words of `text` at `weight`; `mask` is the platforms it shows on (0: all).
    fn add(&self, out: &mut GuideTerms, text: &str, weight: Weight, mask: u32) {
        words(text, self.stop, |w| {
            // Most words repeat within a guide: look before allocating a key.
            let hit = match out.terms.get_mut(w) {
                Some(hit) => hit,
                None => out.terms.entry(w.to_owned()).or_default(),
            };
            hit.score = (hit.score + weight as u32).min(MAX_SCORE);
            hit.platforms |= mask;
            hit.everywhere |= mask == 0;
        });
    }

    fn add_markdown(&self, out: &mut GuideTerms, text: &str, weight: Weight, mask: u32) {
        self.add(out, &to_plain(text), weight, mask);
    }

    fn guide(&self, rg: &ResolvedGuide<'_>) -> GuideTerms {
        let g = rg.guide;
        let mut out = GuideTerms::default();
        self.add(&mut out, &g.title.value, Weight::Title, 0);
        self.add_markdown(&mut out, &g.summary.value, Weight::Summary, 0);
        for t in &g.tags {
            self.add(&mut out, &t.value, Weight::Tag, 0);
        }
        if let Some(c) = &g.category {
            self.add(&mut out, &c.value, Weight::Context, 0);
        }
        let product = rg.product.map_or(g.product.as_str(), |p| &p.name.value);
        self.add(&mut out, product, Weight::Context, 0);
        let texts = g
            .intro
            .iter()
            .chain(&g.prerequisites)
            .chain(&g.tools)
            .chain(&g.supplies)
            .chain(&g.tips)
            .chain(&g.warnings)
            .chain(g.notes.iter().map(|n| &n.text))
            .chain(g.goals.iter().map(|goal| &goal.text))
            .chain(g.outcome.iter().flat_map(|o| o.text.iter().chain(&o.facts)))
            .chain(
                g.troubleshooting
                    .iter()
                    .flat_map(|t| [&t.problem, &t.solution]),
            )
            .chain(g.unavailable_on.iter().map(|u| &u.reason));
        for t in texts {
            self.add_markdown(&mut out, &t.value, Weight::Text, 0);
        }
        for ps in &rg.platforms {
            let mask = self.bits.get(ps.platform.id.as_str()).copied().unwrap_or(0);
            for rs in &ps.steps {
                self.step(&mut out, rg, ps.platform, rs, mask);
            }
        }
        out
    }

    fn step(
        &self,
        out: &mut GuideTerms,
        rg: &ResolvedGuide<'_>,
        platform: &crate::model::Platform,
        rs: &ResolvedStep<'_>,
        mask: u32,
    ) {
        let step: &Step = rs.step;
        // A step on another device (`on:`) reads with that platform's labels, and is found
        // by its device's name ("computer").
        let platform = if rs.elsewhere.is_some() {
            rs.on
        } else {
            platform
        };
        if let Some(device) = rs.elsewhere {
            self.add(out, device, Weight::Text, mask);
        }
        for piece in instruction(step, platform, rg.product, self.locale).pieces {
            match piece {
                Piece::Ui(label) => self.add(out, &label, Weight::Label, mask),
                Piece::Markdown(t) => self.add_markdown(out, &t, Weight::Text, mask),
                Piece::Text(t) | Piece::Where(t) | Piece::Var(t) => {
                    self.add(out, &t, Weight::Text, mask)
                }
            }
        }
        // The labels the same controls have on the guide's other platforms find it too
        // (a reader on a phone searches for what the app calls it).
        let targets = step
            .target
            .iter()
            .chain(step.extra.as_ref().and_then(|e| e.confirm.as_ref()));
        for t in targets {
            self.other_labels(out, rg, t);
        }
        let e = &**step;
        let texts = step
            .detail
            .iter()
            .chain(&e.result)
            .chain(&e.note)
            .chain(&e.warning)
            .chain(&e.choices)
            .chain(step.image.iter().flat_map(|i| i.alt.iter()));
        for t in texts.chain(e.options.iter().map(|o| &o.label)) {
            // A `{step:id}` reference is a number on the page, not words to find.
            let text = crate::steps::replace(&t.value, |_| Some(String::new()));
            self.add_markdown(out, &text, Weight::Text, mask);
        }
        for sub in rs.nested() {
            self.step(out, rg, platform, sub, mask);
        }
    }

    fn other_labels(&self, out: &mut GuideTerms, rg: &ResolvedGuide<'_>, target: &Target) {
        if !matches!(target, Target::Key(_)) {
            return;
        }
        for ps in &rg.platforms {
            let mask = self.bits.get(ps.platform.id.as_str()).copied().unwrap_or(0);
            let (label, _) = target_label(target, ps.platform, rg.product);
            self.add(out, &label, Weight::Label, mask);
        }
        // A reader who remembers the control's former name (`was:`) finds the guide too.
        if let Target::Key(key) = target
            && let Some(was) = rg
                .product
                .and_then(|p| p.control(&key.value))
                .and_then(|c| c.was.as_ref())
        {
            for (_, labels) in was.iter() {
                for label in labels {
                    self.add(out, &label.value, Weight::Synonym, 0);
                }
            }
        }
    }

    /// The platforms a term is specific to: none when it shows everywhere.
    fn mask(&self, hit: Hit) -> u32 {
        if hit.everywhere || hit.platforms == self.all {
            0
        } else {
            hit.platforms
        }
    }
}

/// Adds the words a product's or the site's terminology avoids to a guide that uses the
/// preferred wording, so a search for "log out" finds the guides that say "sign out".
fn synonyms(ix: &Indexer<'_>, rg: &ResolvedGuide<'_>, out: &mut GuideTerms) {
    let terms = rg
        .site
        .terminology
        .iter()
        .chain(rg.product.iter().flat_map(|p| &p.terminology));
    for term in terms {
        let mut preferred = Vec::new();
        words(&term.preferred, ix.stop, |w| preferred.push(w.to_owned()));
        if preferred.is_empty() || !preferred.iter().all(|w| out.terms.contains_key(w)) {
            continue;
        }
        for avoid in &term.avoid {
            ix.add(out, avoid, Weight::Synonym, 0);
        }
    }
}

/// A guide as a result shows it: page, title, summary, product number, platform bits.
type DocRow = (String, String, String, usize, u32);

#[derive(Serialize)]
struct Meta<'a> {
    /// Format version.
    v: u32,
    /// Bits per posting value that hold platforms.
    bits: u32,
    platforms: Vec<(&'a str, &'a str)>,
    products: Vec<(String, String)>,
    stop: &'static [&'static str],
    per: usize,
    docs: Vec<String>,
    /// The first term of each term file, and the file.
    terms: Vec<(String, String)>,
}

/// The search index's files, the step sentences in `locale`'s language.
pub(crate) fn pages(resolved: &Resolved<'_>, locale: &Locale) -> Vec<File> {
    use rayon::prelude::*;
    let site = &resolved.project.site;
    // Platform bits fit in the posting value beside a score of up to 255.
    let fits = site.platforms.len() <= 8;
    let bits: HashMap<&str, u32> = site
        .platforms
        .iter()
        .enumerate()
        .filter(|_| fits)
        .map(|(i, p)| (p.id.as_str(), 1 << i))
        .collect();
    let ix = Indexer {
        stop: stop_words(&site.language),
        all: bits.values().fold(0, |a, b| a | b),
        bits,
        locale,
    };
    let shift = if fits { site.platforms.len() as u32 } else { 0 };
    let mut order: Vec<&ResolvedGuide<'_>> = resolved.guides.iter().collect();
    // Guides of a product sit together, so a search's results share document files.
    order.sort_by(|a, b| {
        (&a.guide.product, &a.guide.title.value, &a.guide.id.value).cmp(&(
            &b.guide.product,
            &b.guide.title.value,
            &b.guide.id.value,
        ))
    });
    let indexed: Vec<GuideTerms> = order
        .par_iter()
        .map(|rg| {
            let mut t = ix.guide(rg);
            synonyms(&ix, rg, &mut t);
            t
        })
        .collect();
    let mut postings: BTreeMap<&str, Vec<(u32, u32)>> = BTreeMap::new();
    for (doc, terms) in indexed.iter().enumerate() {
        for (term, hit) in &terms.terms {
            postings
                .entry(term.as_str())
                .or_default()
                .push((doc as u32, (hit.score << shift) | ix.mask(*hit)));
        }
    }
    let (products, docs) = documents(&order);
    let mut pages = Vec::new();
    let doc_files = doc_pages(&docs, &mut pages);
    let term_files = term_pages(postings, shift, &mut pages);
    let meta = Meta {
        v: 1,
        bits: shift,
        platforms: site
            .platforms
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str()))
            .collect(),
        products,
        stop: ix.stop,
        per: DOCS_PER_FILE,
        docs: doc_files,
        terms: term_files,
    };
    pages.push(script(layout::SEARCH_INDEX.to_owned(), &meta));
    pages
}

/// The products (name, page) and the guides as results show them, in index order.
fn documents(order: &[&ResolvedGuide<'_>]) -> (Vec<(String, String)>, Vec<DocRow>) {
    let mut products: Vec<(String, String)> = Vec::new();
    let mut product_index: HashMap<&str, usize> = HashMap::new();
    let docs = order
        .iter()
        .map(|rg| {
            let g = rg.guide;
            let product = *product_index.entry(&g.product).or_insert_with(|| {
                let name = rg.product.map_or(g.product.as_str(), |p| &p.name.value);
                products.push((name.to_owned(), layout::product_page(&g.product)));
                products.len() - 1
            });
            let platforms = rg
                .site
                .platforms
                .iter()
                .enumerate()
                .filter(|(_, p)| rg.platforms.iter().any(|ps| ps.platform.id == p.id))
                .fold(0u32, |m, (i, _)| if i < 32 { m | 1 << i } else { m });
            (
                layout::guide_page(&g.id.value),
                g.title.value.clone(),
                shorten(&to_plain(&g.summary.value)),
                product,
                platforms,
            )
        })
        .collect();
    (products, docs)
}

/// `text` cut at a word boundary to at most [`SUMMARY_CHARS`] characters.
fn shorten(text: &str) -> String {
    if text.chars().count() <= SUMMARY_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(SUMMARY_CHARS).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    format!(
        "{}…",
        cut[..end].trim_end_matches([',', ';', ':', '.', ' '])
    )
}

fn doc_pages(docs: &[DocRow], pages: &mut Vec<File>) -> Vec<String> {
    docs.chunks(DOCS_PER_FILE)
        .map(|rows| {
            let page = named_script("d", &rows);
            let name = page.path.clone();
            pages.push(page);
            file_name(&name)
        })
        .collect()
}

/// Writes the terms into files of about [`TERM_FILE_BYTES`]; returns each file's first
/// term and name.
fn term_pages(
    postings: BTreeMap<&str, Vec<(u32, u32)>>,
    shift: u32,
    pages: &mut Vec<File>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chunk: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    let mut size = 0;
    let mut flush = |chunk: &mut BTreeMap<&str, Vec<i64>>, out: &mut Vec<(String, String)>| {
        if let Some(first) = chunk.keys().next() {
            let first = (*first).to_owned();
            let page = named_script("t", &*chunk);
            out.push((first, file_name(&page.path)));
            pages.push(page);
            chunk.clear();
        }
    };
    for (term, list) in postings {
        let encoded = encode(list, shift);
        size += term.len() + 4 + encoded.iter().map(|n| digits(*n) + 1).sum::<usize>();
        chunk.insert(term, encoded);
        if size >= TERM_FILE_BYTES {
            flush(&mut chunk, &mut out);
            size = 0;
        }
    }
    flush(&mut chunk, &mut out);
    out
}

/// A term's postings as the browser reads them: `[gap, value, gap, value, ...]`, led by
/// `-1` when the list was cut to the best [`MAX_POSTINGS`].
fn encode(mut list: Vec<(u32, u32)>, shift: u32) -> Vec<i64> {
    let mut out = Vec::with_capacity(list.len() * 2 + 1);
    if list.len() > MAX_POSTINGS {
        // Best scores first; among equals the earlier guide.
        list.sort_by(|a, b| (b.1 >> shift).cmp(&(a.1 >> shift)).then(a.0.cmp(&b.0)));
        list.truncate(MAX_POSTINGS);
        list.sort_unstable();
        out.push(-1);
    }
    let mut prev = 0;
    for (doc, value) in list {
        out.push(i64::from(doc - prev));
        out.push(i64::from(value));
        prev = doc;
    }
    out
}

fn digits(n: i64) -> usize {
    n.unsigned_abs()
        .checked_ilog10()
        .map_or(1, |d| d as usize + 1)
}

fn file_name(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_owned()
}

/// A script file named by its content.
fn named_script<T: Serialize + ?Sized>(kind: &str, data: &T) -> File {
    let json = serde_json::to_string(data).unwrap_or_default();
    let path = layout::search_file(kind, layout::content_hash(json.as_bytes()));
    wrap(path, &json)
}

fn script<T: Serialize + ?Sized>(path: String, data: &T) -> File {
    wrap(path, &serde_json::to_string(data).unwrap_or_default())
}

fn wrap(path: String, json: &str) -> File {
    let name = file_name(&path);
    // `</` never occurs in the JSON of a script that is loaded by `src`, but escaping it
    // keeps the file safe to inline anywhere.
    let json = json.replace("</", "<\\/");
    File {
        bytes: format!("stepwiseSearch.add({name:?},{json});\n").into_bytes(),
        path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        words(text, STOP_WORDS, |w| out.push(w.to_owned()));
        out
    }

    #[test]
    fn words_are_lowercased_transliterated_and_stop_words_dropped() {
        assert_eq!(
            all("Sign out of **all** devices, then I'm done."),
            ["sign", "out", "all", "devices", "then", "done"]
        );
        assert_eq!(all("Réglages"), ["réglages", "reglages"]);
        assert_eq!(all("Настройки"), ["настройки", "nastroiki"]);
        assert_eq!(all("a b 4K"), ["4k"]);
    }

    #[test]
    fn long_posting_lists_keep_the_best_and_say_so() {
        let list: Vec<(u32, u32)> = (0..MAX_POSTINGS as u32 + 5)
            .map(|d| (d, if d == 1003 { 9 << 3 } else { 1 << 3 }))
            .collect();
        let enc = encode(list, 3);
        assert_eq!(enc[0], -1);
        assert_eq!(enc.len(), 1 + 2 * MAX_POSTINGS);
        // The best-scoring guide is kept though it comes last.
        let docs: Vec<i64> = enc[1..]
            .chunks(2)
            .scan(0, |d, p| {
                *d += p[0];
                Some(*d)
            })
            .collect();
        assert!(docs.contains(&1003));
        assert_eq!(encode(vec![(2, 5), (7, 6)], 0), [2, 5, 5, 6]);
    }

    #[test]
    fn summaries_are_cut_at_a_word() {
        let long = "word ".repeat(60);
        let s = shorten(&long);
        assert!(s.ends_with("word…"), "{s}");
        assert!(s.chars().count() <= SUMMARY_CHARS + 1);
        assert_eq!(shorten("Short."), "Short.");
    }
}
